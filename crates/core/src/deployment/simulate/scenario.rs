//! What the user sets for one simulated deployment: the fleet, the faults, the alarms' metrics,
//! manual actions and the seed. Every field has a default (so a front end may send `{}`), and
//! [`Scenario::bounded`] clamps every number, so no input can make the simulation slow, huge or
//! panic.

use crate::appspec::Platform;

/// The most instances simulated (CodeDeploy's own limit is 1,000 per deployment; the simulator
/// goes further for benchmarks and says so in a note).
pub const MAX_INSTANCES: u32 = 10_000;
/// The most faults and alarm definitions read from a scenario.
pub const MAX_FAULTS: usize = 100;
/// The latest time anything may be scheduled at, in seconds (a week: longer than any
/// CodeDeploy deployment may last).
pub const MAX_SECONDS: u32 = 7 * 24 * 3600;

/// EC2/on-premises deployment type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum DeploymentType {
    /// In place: the instances of the group get the new revision.
    InPlace,
    /// Blue/green: a replacement fleet (task set, function version) gets it and traffic moves.
    BlueGreen,
}

impl DeploymentType {
    /// `in-place` or `blue-green`.
    pub fn id(self) -> &'static str {
        match self {
            DeploymentType::InPlace => "in-place",
            DeploymentType::BlueGreen => "blue-green",
        }
    }
}

/// Something that goes wrong in the simulated deployment.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "kind", rename_all = "kebab-case")
)]
pub enum Fault {
    /// From `at` seconds on, this share of the requests the new revision serves fail.
    ErrorRate {
        /// Percent of failing requests (0–100).
        percent: f64,
        /// Seconds from the start of the deployment.
        #[cfg_attr(feature = "serde", serde(default))]
        at: u32,
    },
    /// From `at` seconds on, the new revision answers this much slower.
    Latency {
        /// Milliseconds added to every request the new revision serves.
        ms: u32,
        /// Seconds from the start of the deployment.
        #[cfg_attr(feature = "serde", serde(default))]
        at: u32,
    },
    /// A lifecycle event fails: on one instance (numbered 1..N in the order the deployment takes
    /// them) or, without `instance`, on every instance; for ECS and Lambda the event's hook
    /// function fails.
    FailHook {
        /// The lifecycle event (`AfterInstall`, `BeforeAllowTraffic`, …).
        event: String,
        /// The instance, 1-based (EC2/on-premises).
        #[cfg_attr(feature = "serde", serde(default))]
        instance: Option<u32>,
    },
    /// Each instance's deployment fails with this probability (seeded), at a random lifecycle
    /// event.
    RandomInstanceFailures {
        /// Percent of instances that fail (0–100).
        percent: f64,
    },
}

/// The metric an alarm watches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Metric {
    /// The percentage of the requests served by the new revision that fail.
    #[default]
    ErrorRate,
    /// The average latency of the requests served by the new revision, in milliseconds.
    Latency,
}

/// How an alarm treats a period without data (CloudWatch's `TreatMissingData`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "camelCase")
)]
pub enum MissingData {
    /// Missing: when every period evaluated lacks data the alarm is `INSUFFICIENT_DATA`.
    #[default]
    Missing,
    /// Missing periods count as good.
    NotBreaching,
    /// Missing periods count as bad.
    Breaching,
    /// Missing periods keep the alarm in its state.
    Ignore,
}

/// A CloudWatch alarm over the simulated metric (comparison: greater than the threshold).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct AlarmDefinition {
    /// The alarm's name, as the deployment group lists it.
    pub name: String,
    /// What it watches.
    pub metric: Metric,
    /// The threshold (percent, or milliseconds).
    pub threshold: f64,
    /// Seconds per period (10, 30 or a multiple of 60 in CloudWatch; clamped to 10..=86,400).
    pub period_seconds: u32,
    /// How many recent periods are evaluated.
    pub evaluation_periods: u32,
    /// How many of them must breach to go to `ALARM`.
    pub datapoints_to_alarm: u32,
    /// How periods without data count.
    pub treat_missing_data: MissingData,
}

impl Default for AlarmDefinition {
    fn default() -> Self {
        AlarmDefinition::default_for("")
    }
}

impl AlarmDefinition {
    /// What an alarm the scenario does not define watches: the new revision's error rate above
    /// 5 %, one-minute periods, 1 of 1 datapoints, missing data missing.
    pub fn default_for(name: &str) -> AlarmDefinition {
        AlarmDefinition {
            name: name.to_string(),
            metric: Metric::ErrorRate,
            threshold: 5.0,
            period_seconds: 60,
            evaluation_periods: 1,
            datapoints_to_alarm: 1,
            treat_missing_data: MissingData::Missing,
        }
    }

    /// The definition with every number in range.
    pub fn bounded(&self) -> AlarmDefinition {
        let evaluation_periods = self.evaluation_periods.clamp(1, 100);
        AlarmDefinition {
            name: self.name.chars().take(255).collect(),
            metric: self.metric,
            threshold: finite(self.threshold, 0.0, 1e9, 5.0),
            period_seconds: self.period_seconds.clamp(10, 86_400),
            evaluation_periods,
            datapoints_to_alarm: self.datapoints_to_alarm.clamp(1, evaluation_periods),
            treat_missing_data: self.treat_missing_data,
        }
    }
}

fn finite(v: f64, min: f64, max: f64, default: f64) -> f64 {
    if v.is_finite() {
        v.clamp(min, max)
    } else {
        default
    }
}

/// One simulated deployment's inputs besides the configuration, the group and the AppSpec.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct Scenario {
    /// The compute platform; when absent, the configuration's (then the group's, then the
    /// AppSpec's).
    pub platform: Option<Platform>,
    /// EC2/on-premises: in place or blue/green; when absent, the group's deployment style (in
    /// place by default). ECS and Lambda are always blue/green.
    pub deployment_type: Option<DeploymentType>,
    /// EC2/on-premises: the number of instances (1..=10,000).
    pub instances: u32,
    /// EC2/on-premises: instances already unhealthy (or stopped) when the deployment starts;
    /// they are deployed first.
    pub unhealthy_instances: u32,
    /// EC2/on-premises: whether the group has a load balancer; when absent, the group's.
    pub load_balancer: Option<bool>,
    /// ECS: whether the group has a test listener; when absent, the group's.
    pub test_listener: Option<bool>,
    /// What goes wrong.
    pub faults: Vec<Fault>,
    /// Definitions of the group's alarms, by name (an alarm without one gets
    /// [`AlarmDefinition::default_for`]).
    pub alarms: Vec<AlarmDefinition>,
    /// Requests per second the service receives (the blast radius counts them).
    pub requests_per_second: f64,
    /// Error rate of both revisions before any fault, in percent.
    pub baseline_error_rate: f64,
    /// Latency of both revisions before any fault, in milliseconds.
    pub baseline_latency_ms: u32,
    /// Someone stops the deployment at this second (`StopDeployment`).
    pub stop_at: Option<u32>,
    /// Blue/green with `STOP_DEPLOYMENT`: someone continues the deployment
    /// (`ContinueDeployment`) at this second.
    pub continue_at: Option<u32>,
    /// How much each instance's lifecycle may run longer or shorter than nominal, in percent
    /// (0..=50; seeded).
    pub duration_jitter_percent: u32,
    /// The seed of every random choice.
    pub seed: u64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            platform: None,
            deployment_type: None,
            instances: 10,
            unhealthy_instances: 0,
            load_balancer: None,
            test_listener: None,
            faults: Vec::new(),
            alarms: Vec::new(),
            requests_per_second: 100.0,
            baseline_error_rate: 0.0,
            baseline_latency_ms: 50,
            stop_at: None,
            continue_at: None,
            duration_jitter_percent: 10,
            seed: 1,
        }
    }
}

impl Scenario {
    /// The scenario with every number in range and every list bounded.
    pub fn bounded(&self) -> Scenario {
        let instances = self.instances.clamp(1, MAX_INSTANCES);
        Scenario {
            platform: self.platform,
            deployment_type: self.deployment_type,
            instances,
            unhealthy_instances: self.unhealthy_instances.min(instances),
            load_balancer: self.load_balancer,
            test_listener: self.test_listener,
            faults: self
                .faults
                .iter()
                .take(MAX_FAULTS)
                .map(|f| match f {
                    Fault::ErrorRate { percent, at } => Fault::ErrorRate {
                        percent: finite(*percent, 0.0, 100.0, 0.0),
                        at: (*at).min(MAX_SECONDS),
                    },
                    Fault::Latency { ms, at } => Fault::Latency {
                        ms: (*ms).min(3_600_000),
                        at: (*at).min(MAX_SECONDS),
                    },
                    Fault::FailHook { event, instance } => Fault::FailHook {
                        event: event.chars().take(64).collect(),
                        instance: *instance,
                    },
                    Fault::RandomInstanceFailures { percent } => Fault::RandomInstanceFailures {
                        percent: finite(*percent, 0.0, 100.0, 0.0),
                    },
                })
                .collect(),
            alarms: self
                .alarms
                .iter()
                .take(MAX_FAULTS)
                .map(AlarmDefinition::bounded)
                .collect(),
            requests_per_second: finite(self.requests_per_second, 0.0, 1e7, 100.0),
            baseline_error_rate: finite(self.baseline_error_rate, 0.0, 100.0, 0.0),
            baseline_latency_ms: self.baseline_latency_ms.min(3_600_000),
            stop_at: self.stop_at.map(|t| t.min(MAX_SECONDS)),
            continue_at: self.continue_at.map(|t| t.min(MAX_SECONDS)),
            duration_jitter_percent: self.duration_jitter_percent.min(50),
            seed: self.seed,
        }
    }

    /// The error rate of the new revision's requests at second `t`, in percent.
    pub fn error_rate(&self, t: u32) -> f64 {
        self.faults
            .iter()
            .filter_map(|f| match f {
                Fault::ErrorRate { percent, at } if *at <= t => Some(*percent),
                _ => None,
            })
            .fold(self.baseline_error_rate, f64::max)
    }

    /// The latency of the new revision's requests at second `t`, in milliseconds.
    pub fn latency(&self, t: u32) -> f64 {
        let extra = self
            .faults
            .iter()
            .filter_map(|f| match f {
                Fault::Latency { ms, at } if *at <= t => Some(*ms),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        f64::from(self.baseline_latency_ms) + f64::from(extra)
    }

    /// The seconds at which the new revision's error rate or latency changes.
    pub(crate) fn fault_times(&self) -> Vec<u32> {
        let mut times: Vec<u32> = self
            .faults
            .iter()
            .filter_map(|f| match f {
                Fault::ErrorRate { at, .. } | Fault::Latency { at, .. } => Some(*at),
                _ => None,
            })
            .collect();
        times.sort_unstable();
        times.dedup();
        times
    }
}

/// A small deterministic generator (xorshift64*), so a seed reproduces a run.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Rng {
        // SplitMix64 spreads nearby seeds (42 and 43) apart; xorshift needs a non-zero state.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}
