//! Deployment configurations: the predefined ones CodeDeploy ships (reference C1) and the
//! resolved form of any configuration, predefined or custom, that rules and the simulator read.

use crate::appspec::Platform;

/// The prefix of every predefined configuration's name; custom names may not start with it.
pub const PREDEFINED_PREFIX: &str = "CodeDeployDefault.";

/// The longest a traffic shift may last, from the first increment to the last: two days.
pub const MAX_SHIFT_MINUTES: u32 = 2880;

/// How many instances must stay healthy during an EC2/on-premises deployment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "type", content = "value", rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum MinimumHealthyHosts {
    /// An absolute number of instances (`HOST_COUNT`; 0 means all at once).
    HostCount(u32),
    /// A percentage of the fleet, rounded up to instances when the deployment starts
    /// (`FLEET_PERCENT`, 0–99).
    FleetPercent(u32),
    /// `CodeDeployDefault.OneAtATime` only (`MOST_CONCURRENCY`, value 1): one instance at a time,
    /// every instance but one kept healthy, and a failure on the last instance still succeeds.
    MostConcurrency,
}

impl MinimumHealthyHosts {
    /// The minimum number of healthy instances for a fleet of `n` (reference C3 step 1):
    /// `HOST_COUNT` as given, `FLEET_PERCENT` rounded up, OneAtATime all but one.
    pub fn minimum(self, n: u32) -> u32 {
        match self {
            MinimumHealthyHosts::HostCount(v) => v,
            MinimumHealthyHosts::FleetPercent(p) => {
                let product = u64::from(n) * u64::from(p);
                u32::try_from(product.div_ceil(100)).unwrap_or(u32::MAX)
            }
            MinimumHealthyHosts::MostConcurrency => n.saturating_sub(1),
        }
    }

    /// `HOST_COUNT 6`, `FLEET_PERCENT 40`, `MOST_CONCURRENCY 1`, as the API writes them.
    pub fn describe(self) -> String {
        match self {
            MinimumHealthyHosts::HostCount(v) => format!("HOST_COUNT {v}"),
            MinimumHealthyHosts::FleetPercent(v) => format!("FLEET_PERCENT {v}"),
            MinimumHealthyHosts::MostConcurrency => "MOST_CONCURRENCY 1".to_string(),
        }
    }
}

/// How an ECS or Lambda deployment shifts production traffic to the new revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "type", rename_all = "kebab-case")
)]
pub enum TrafficRouting {
    /// All traffic at once (`AllAtOnce`).
    AllAtOnce,
    /// `percentage` first, the rest `interval_minutes` later (`TimeBasedCanary`).
    Canary {
        /// The first increment, in percent (1–99).
        percentage: u32,
        /// Minutes between the two increments.
        interval_minutes: u32,
    },
    /// `percentage` at the start of every interval until all traffic has moved
    /// (`TimeBasedLinear`).
    Linear {
        /// Each increment, in percent (1–99).
        percentage: u32,
        /// Minutes between increments.
        interval_minutes: u32,
    },
}

impl TrafficRouting {
    /// The shifts, as (minutes from the start of `AllowTraffic`, percent of traffic on the new
    /// revision after the shift). Canary: `p` at 0, 100 at the interval. Linear: `p` more at the
    /// start of each interval, so 100 % is reached at `(k - 1) · interval` for `k = ⌈100 / p⌉`
    /// increments. Whether the last linear increment lands there or one interval later is
    /// unconfirmed (reference C2); the simulator takes "at the start of each increment" as the
    /// API documents `linearPercentage`.
    pub fn shifts(self) -> Vec<(u64, u32)> {
        match self {
            TrafficRouting::AllAtOnce => vec![(0, 100)],
            TrafficRouting::Canary {
                percentage,
                interval_minutes,
            } => {
                let p = percentage.clamp(1, 100);
                if p >= 100 {
                    vec![(0, 100)]
                } else {
                    vec![(0, p), (u64::from(interval_minutes), 100)]
                }
            }
            TrafficRouting::Linear {
                percentage,
                interval_minutes,
            } => {
                let p = percentage.clamp(1, 100);
                let steps = 100u32.div_ceil(p);
                (0..steps)
                    .map(|j| {
                        (
                            u64::from(j) * u64::from(interval_minutes),
                            ((j + 1) * p).min(100),
                        )
                    })
                    .collect()
            }
        }
    }

    /// How many increments the routing makes (1 for all at once, 2 for a canary).
    pub fn increments(self) -> u32 {
        match self {
            TrafficRouting::AllAtOnce => 1,
            TrafficRouting::Canary { percentage, .. } => {
                if percentage >= 100 {
                    1
                } else {
                    2
                }
            }
            TrafficRouting::Linear { percentage, .. } => 100u32.div_ceil(percentage.clamp(1, 100)),
        }
    }

    /// "canary 10 % then the rest after 5 min", for people.
    pub fn describe(self) -> String {
        match self {
            TrafficRouting::AllAtOnce => "all traffic at once".to_string(),
            TrafficRouting::Canary {
                percentage,
                interval_minutes,
            } => format!(
                "canary: {percentage} % first, the rest after {}",
                minutes(interval_minutes)
            ),
            TrafficRouting::Linear {
                percentage,
                interval_minutes,
            } => format!(
                "linear: {percentage} % more every {}",
                minutes(interval_minutes)
            ),
        }
    }
}

fn minutes(m: u32) -> String {
    if m == 1 {
        "minute".to_string()
    } else {
        format!("{m} minutes")
    }
}

/// Zonal deployment settings of an EC2/on-premises configuration (reference C2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ZonalConfig {
    /// Seconds to watch the first Availability Zone before the next (defaults to
    /// `monitor_seconds`).
    pub first_zone_monitor_seconds: Option<u64>,
    /// Seconds to watch each later zone before the next (0 or absent: no wait).
    pub monitor_seconds: Option<u64>,
    /// Healthy instances to keep in each zone (defaults to 0 %).
    pub minimum_healthy_hosts_per_zone: Option<MinimumHealthyHosts>,
}

/// A deployment configuration, resolved: what the simulator runs and the CLI prints.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Config {
    /// Its name (`CodeDeployDefault.ECSCanary10Percent5Minutes`, or a custom name; empty when a
    /// custom configuration has none).
    pub name: String,
    /// The compute platform it is for.
    pub platform: Platform,
    /// Whether it is one of CodeDeploy's predefined configurations.
    pub predefined: bool,
    /// EC2/on-premises: minimum healthy hosts.
    pub minimum_healthy_hosts: Option<MinimumHealthyHosts>,
    /// ECS and Lambda: traffic shifting.
    pub traffic_routing: Option<TrafficRouting>,
    /// EC2/on-premises: zonal deployment.
    pub zonal: Option<ZonalConfig>,
}

impl Config {
    /// The predefined configuration named `name`, with or without the `CodeDeployDefault.`
    /// prefix, exactly as spelt (CodeDeploy matches names exactly).
    pub fn predefined(name: &str) -> Option<Config> {
        let short = name.strip_prefix(PREDEFINED_PREFIX).unwrap_or(name);
        PREDEFINED
            .iter()
            .find(|p| p.short() == short)
            .map(|p| p.config())
    }

    /// The configuration CodeDeploy uses when none is given for `platform`: `OneAtATime` for
    /// EC2/on-premises (the API's documented default); for ECS and Lambda the console offers
    /// all-at-once, so that is the assumption here (unconfirmed for the API).
    pub fn default_for(platform: Platform) -> Config {
        let name = match platform {
            Platform::Ec2 => "CodeDeployDefault.OneAtATime",
            Platform::Ecs => "CodeDeployDefault.ECSAllAtOnce",
            Platform::Lambda => "CodeDeployDefault.LambdaAllAtOnce",
        };
        Config::predefined(name).unwrap_or(Config {
            name: name.to_string(),
            platform,
            predefined: true,
            minimum_healthy_hosts: None,
            traffic_routing: Some(TrafficRouting::AllAtOnce),
            zonal: None,
        })
    }

    /// One line for people: "FLEET_PERCENT 50" or "canary: 10 % first, the rest after 5 minutes".
    pub fn describe(&self) -> String {
        match (self.minimum_healthy_hosts, self.traffic_routing) {
            (Some(m), _) if self.platform == Platform::Ec2 => {
                format!("minimum healthy hosts {}", m.describe())
            }
            (_, Some(t)) => t.describe(),
            (Some(m), None) => format!("minimum healthy hosts {}", m.describe()),
            (None, None) => "no settings".to_string(),
        }
    }
}

/// One predefined configuration.
#[derive(Clone, Copy, Debug)]
pub struct Predefined {
    /// Full name, `CodeDeployDefault.…`.
    pub name: &'static str,
    /// Its platform.
    pub platform: Platform,
    /// EC2/on-premises: minimum healthy hosts.
    pub minimum_healthy_hosts: Option<MinimumHealthyHosts>,
    /// ECS and Lambda: traffic shifting.
    pub traffic_routing: Option<TrafficRouting>,
}

impl Predefined {
    /// The name without `CodeDeployDefault.`.
    pub fn short(&self) -> &'static str {
        self.name
            .strip_prefix(PREDEFINED_PREFIX)
            .unwrap_or(self.name)
    }

    /// As a resolved configuration.
    pub fn config(&self) -> Config {
        Config {
            name: self.name.to_string(),
            platform: self.platform,
            predefined: true,
            minimum_healthy_hosts: self.minimum_healthy_hosts,
            traffic_routing: self.traffic_routing,
            zonal: None,
        }
    }
}

const fn server(name: &'static str, m: MinimumHealthyHosts) -> Predefined {
    Predefined {
        name,
        platform: Platform::Ec2,
        minimum_healthy_hosts: Some(m),
        traffic_routing: None,
    }
}

const fn shifted(name: &'static str, platform: Platform, t: TrafficRouting) -> Predefined {
    Predefined {
        name,
        platform,
        minimum_healthy_hosts: None,
        traffic_routing: Some(t),
    }
}

const fn canary(percentage: u32, interval_minutes: u32) -> TrafficRouting {
    TrafficRouting::Canary {
        percentage,
        interval_minutes,
    }
}

const fn linear(percentage: u32, interval_minutes: u32) -> TrafficRouting {
    TrafficRouting::Linear {
        percentage,
        interval_minutes,
    }
}

/// Every predefined configuration (reference C1). Note the spellings: the ECS linear ones end in
/// `Minutes` even for one minute, the Lambda one-minute linear one in `Minute`.
pub const PREDEFINED: &[Predefined] = &[
    server(
        "CodeDeployDefault.AllAtOnce",
        MinimumHealthyHosts::HostCount(0),
    ),
    server(
        "CodeDeployDefault.HalfAtATime",
        MinimumHealthyHosts::FleetPercent(50),
    ),
    server(
        "CodeDeployDefault.OneAtATime",
        MinimumHealthyHosts::MostConcurrency,
    ),
    shifted(
        "CodeDeployDefault.ECSAllAtOnce",
        Platform::Ecs,
        TrafficRouting::AllAtOnce,
    ),
    shifted(
        "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
        Platform::Ecs,
        linear(10, 1),
    ),
    shifted(
        "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
        Platform::Ecs,
        linear(10, 3),
    ),
    shifted(
        "CodeDeployDefault.ECSCanary10Percent5Minutes",
        Platform::Ecs,
        canary(10, 5),
    ),
    shifted(
        "CodeDeployDefault.ECSCanary10Percent15Minutes",
        Platform::Ecs,
        canary(10, 15),
    ),
    shifted(
        "CodeDeployDefault.LambdaAllAtOnce",
        Platform::Lambda,
        TrafficRouting::AllAtOnce,
    ),
    shifted(
        "CodeDeployDefault.LambdaCanary10Percent5Minutes",
        Platform::Lambda,
        canary(10, 5),
    ),
    shifted(
        "CodeDeployDefault.LambdaCanary10Percent10Minutes",
        Platform::Lambda,
        canary(10, 10),
    ),
    shifted(
        "CodeDeployDefault.LambdaCanary10Percent15Minutes",
        Platform::Lambda,
        canary(10, 15),
    ),
    shifted(
        "CodeDeployDefault.LambdaCanary10Percent30Minutes",
        Platform::Lambda,
        canary(10, 30),
    ),
    shifted(
        "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
        Platform::Lambda,
        linear(10, 1),
    ),
    shifted(
        "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
        Platform::Lambda,
        linear(10, 2),
    ),
    shifted(
        "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes",
        Platform::Lambda,
        linear(10, 3),
    ),
    shifted(
        "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes",
        Platform::Lambda,
        linear(10, 10),
    ),
];

/// The predefined configuration named `name` (full name, exactly as spelt).
pub fn find_predefined(name: &str) -> Option<&'static Predefined> {
    PREDEFINED.iter().find(|p| p.name == name)
}

/// The predefined configuration `name` most likely means, when it is not one: same letters in
/// another case, one of the `Minute`/`Minutes` spellings for the other, another platform's
/// spelling of the prefix, or a small edit away.
pub fn suggest_predefined(name: &str) -> Option<&'static Predefined> {
    let short = name
        .get(..PREDEFINED_PREFIX.len())
        .filter(|p| p.eq_ignore_ascii_case(PREDEFINED_PREFIX))
        .and_then(|_| name.get(PREDEFINED_PREFIX.len()..))
        .unwrap_or(name);
    // The singular/plural trap is the most common mistake: try it before the edit distance.
    let swapped = if let Some(stem) = short.strip_suffix("Minutes") {
        format!("{stem}Minute")
    } else if let Some(stem) = short.strip_suffix("Minute") {
        format!("{stem}Minutes")
    } else {
        String::new()
    };
    if let Some(p) = PREDEFINED
        .iter()
        .find(|p| !swapped.is_empty() && p.short() == swapped)
    {
        return Some(p);
    }
    let candidate = crate::suggest::did_you_mean(short, PREDEFINED.iter().map(|p| p.short()))?;
    PREDEFINED.iter().find(|p| p.short() == candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_predefined_name_resolves_with_and_without_prefix() {
        for p in PREDEFINED {
            assert_eq!(
                Config::predefined(p.name).map(|c| c.platform),
                Some(p.platform)
            );
            assert_eq!(
                Config::predefined(p.short()).map(|c| c.name),
                Some(p.name.into())
            );
        }
        assert!(
            Config::predefined("CodeDeployDefault.LambdaLinear10PercentEvery1Minutes").is_none()
        );
        assert!(Config::predefined("ECSLinear10PercentEvery1Minute").is_none());
    }

    #[test]
    fn suggestions_catch_the_minute_trap() {
        let s = |n| suggest_predefined(n).map(|p| p.name);
        assert_eq!(
            s("CodeDeployDefault.LambdaLinear10PercentEvery1Minutes"),
            Some("CodeDeployDefault.LambdaLinear10PercentEvery1Minute")
        );
        assert_eq!(
            s("CodeDeployDefault.ECSLinear10PercentEvery1Minute"),
            Some("CodeDeployDefault.ECSLinear10PercentEvery1Minutes")
        );
        assert_eq!(
            s("CodeDeployDefault.OneAtATim"),
            Some("CodeDeployDefault.OneAtATime")
        );
        assert_eq!(
            s("codedeploydefault.allatonce"),
            Some("CodeDeployDefault.AllAtOnce")
        );
        assert_eq!(s("CodeDeployDefault.Whatever"), None);
    }

    #[test]
    fn minimum_rounds_fleet_percent_up() {
        assert_eq!(MinimumHealthyHosts::FleetPercent(40).minimum(9), 4);
        assert_eq!(MinimumHealthyHosts::FleetPercent(50).minimum(9), 5);
        assert_eq!(MinimumHealthyHosts::FleetPercent(95).minimum(10), 10);
        assert_eq!(MinimumHealthyHosts::HostCount(6).minimum(9), 6);
        assert_eq!(MinimumHealthyHosts::MostConcurrency.minimum(10), 9);
        assert_eq!(MinimumHealthyHosts::MostConcurrency.minimum(0), 0);
    }

    #[test]
    fn shifts_follow_the_routing() {
        assert_eq!(TrafficRouting::AllAtOnce.shifts(), vec![(0, 100)]);
        assert_eq!(canary(10, 5).shifts(), vec![(0, 10), (5, 100)]);
        let l = linear(10, 3).shifts();
        assert_eq!(l.len(), 10);
        assert_eq!(l.first(), Some(&(0, 10)));
        assert_eq!(l.last(), Some(&(27, 100)));
        assert_eq!(
            linear(30, 1).shifts(),
            vec![(0, 30), (1, 60), (2, 90), (3, 100)]
        );
    }
}
