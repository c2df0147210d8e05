//! The deployment-configuration model: each configuration of a document (an API input or output,
//! or a CloudFormation resource), lowered once with a span on every part, shared by the `DEP0…`
//! rules and the simulator ([`DeploymentConfig::resolve`]).

use crate::appspec::Platform;
use crate::deployment::config::{Config, MinimumHealthyHosts, TrafficRouting, ZonalConfig};
use crate::deployment::read::{
    self, DocumentKind, Field, Form, Located, Obj, ReadFacts, Shape, Ty, both, output,
};
use crate::source::{Node, Span};

pub use crate::deployment::read::Dialect;

/// `minimumHealthyHosts.type` values (`MOST_CONCURRENCY` only in outputs, for OneAtATime).
pub(crate) const MIN_HEALTHY_TYPES: &[&str] = &["HOST_COUNT", "FLEET_PERCENT", "MOST_CONCURRENCY"];
/// `minimumHealthyHostsPerZone.type` values.
pub(crate) const PER_ZONE_TYPES: &[&str] = &["HOST_COUNT", "FLEET_PERCENT"];
/// `trafficRoutingConfig.type` values.
pub(crate) const ROUTING_TYPES: &[&str] = &["TimeBasedCanary", "TimeBasedLinear", "AllAtOnce"];
/// `computePlatform` values (`Kubernetes` appears only in outputs).
pub(crate) const COMPUTE_PLATFORMS: &[&str] = &["Server", "Lambda", "ECS", "Kubernetes"];

pub(crate) static MIN_HEALTHY: Shape = Shape {
    what: "minimum healthy hosts",
    fields: &[
        both(
            "type",
            "Type",
            Ty::Enum(MIN_HEALTHY_TYPES),
            "HOST_COUNT (a number of instances) or FLEET_PERCENT (a percentage of the fleet)",
        ),
        both(
            "value",
            "Value",
            Ty::Int,
            "the number of instances, or the percentage of the fleet (0–99), that must stay healthy",
        ),
    ],
};

static PER_ZONE: Shape = Shape {
    what: "minimum healthy hosts per zone",
    fields: &[
        both(
            "type",
            "Type",
            Ty::Enum(PER_ZONE_TYPES),
            "HOST_COUNT or FLEET_PERCENT, per Availability Zone",
        ),
        both(
            "value",
            "Value",
            Ty::Int,
            "the number or percentage of instances per zone that must stay healthy",
        ),
    ],
};

static CANARY: Shape = Shape {
    what: "time-based canary",
    fields: &[
        both(
            "canaryPercentage",
            "CanaryPercentage",
            Ty::Int,
            "the percentage of traffic moved first (1–99)",
        ),
        both(
            "canaryInterval",
            "CanaryInterval",
            Ty::Int,
            "minutes between the first and the second shift",
        ),
    ],
};

static LINEAR: Shape = Shape {
    what: "time-based linear",
    fields: &[
        both(
            "linearPercentage",
            "LinearPercentage",
            Ty::Int,
            "the percentage of traffic moved at each increment (1–99)",
        ),
        both(
            "linearInterval",
            "LinearInterval",
            Ty::Int,
            "minutes between increments",
        ),
    ],
};

static ROUTING: Shape = Shape {
    what: "traffic routing configuration",
    fields: &[
        both(
            "type",
            "Type",
            Ty::Enum(ROUTING_TYPES),
            "TimeBasedCanary, TimeBasedLinear or AllAtOnce",
        ),
        both(
            "timeBasedCanary",
            "TimeBasedCanary",
            Ty::Object(&CANARY),
            "the canary's percentage and interval (type TimeBasedCanary)",
        ),
        both(
            "timeBasedLinear",
            "TimeBasedLinear",
            Ty::Object(&LINEAR),
            "the linear shift's percentage and interval (type TimeBasedLinear)",
        ),
    ],
};

static ZONAL: Shape = Shape {
    what: "zonal configuration",
    fields: &[
        both(
            "firstZoneMonitorDurationInSeconds",
            "FirstZoneMonitorDurationInSeconds",
            Ty::Int,
            "seconds to watch the first Availability Zone before the next",
        ),
        both(
            "monitorDurationInSeconds",
            "MonitorDurationInSeconds",
            Ty::Int,
            "seconds to watch each later Availability Zone before the next",
        ),
        both(
            "minimumHealthyHostsPerZone",
            "MinimumHealthyHostsPerZone",
            Ty::Object(&PER_ZONE),
            "instances that must stay healthy in each Availability Zone",
        ),
    ],
};

/// The keys of a deployment configuration.
pub(crate) static CONFIG: Shape = Shape {
    what: "deployment configuration",
    fields: &[
        both(
            "deploymentConfigName",
            "DeploymentConfigName",
            Ty::Str,
            "the configuration's name (not starting with CodeDeployDefault.)",
        ),
        both(
            "computePlatform",
            "ComputePlatform",
            Ty::Enum(COMPUTE_PLATFORMS),
            "Server (EC2/on-premises), Lambda or ECS",
        ),
        both(
            "minimumHealthyHosts",
            "MinimumHealthyHosts",
            Ty::Object(&MIN_HEALTHY),
            "EC2/on-premises: how many instances must stay healthy",
        ),
        both(
            "trafficRoutingConfig",
            "TrafficRoutingConfig",
            Ty::Object(&ROUTING),
            "ECS and Lambda: how traffic shifts to the new revision",
        ),
        both(
            "zonalConfig",
            "ZonalConfig",
            Ty::Object(&ZONAL),
            "EC2/on-premises: deploy one Availability Zone at a time",
        ),
        output(
            "deploymentConfigId",
            Ty::Str,
            "output of get-deployment-config: the configuration's id",
        ),
        output(
            "createTime",
            Ty::Num,
            "output of get-deployment-config: when it was created",
        ),
    ],
};

/// How deployment configurations are written.
pub(crate) static DOCUMENT: DocumentKind = DocumentKind {
    wrapper: "deploymentConfigInfo",
    batch_wrapper: None,
    resource_type: "AWS::CodeDeploy::DeploymentConfig",
    shape: &CONFIG,
};

/// Every deployment configuration of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeploymentConfigs {
    /// The configurations, in document order.
    pub items: Vec<DeploymentConfig>,
    /// Whether the document is a CloudFormation template (or a map of resources).
    pub template: bool,
    /// Whether the document is an object (a list or a scalar is no configuration).
    pub object: bool,
    /// Whether the document could be read at all (a syntax error may leave nothing).
    pub readable: bool,
    /// Where a finding about the whole document points (its first key).
    pub anchor: Span,
}

/// `minimumHealthyHosts` (or `minimumHealthyHostsPerZone`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinimumHealthyHostsPart {
    /// The key.
    pub key: Span,
    /// The object.
    pub span: Span,
    /// `type`.
    pub kind: Option<Field<String>>,
    /// `value`.
    pub value: Option<Field<i64>>,
}

impl MinimumHealthyHostsPart {
    /// The setting, when both parts are known and valid for an input.
    pub fn resolve(&self) -> Option<MinimumHealthyHosts> {
        let value = u32::try_from(*self.value.as_ref()?.known()?).ok();
        match self.kind.as_ref()?.text()? {
            "HOST_COUNT" => value.map(MinimumHealthyHosts::HostCount),
            "FLEET_PERCENT" => value.map(MinimumHealthyHosts::FleetPercent),
            "MOST_CONCURRENCY" => Some(MinimumHealthyHosts::MostConcurrency),
            _ => None,
        }
    }
}

/// `timeBasedCanary` or `timeBasedLinear`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeBasedPart {
    /// The key.
    pub key: Span,
    /// The object.
    pub span: Span,
    /// `canaryPercentage` / `linearPercentage`.
    pub percentage: Option<Field<i64>>,
    /// `canaryInterval` / `linearInterval` (minutes).
    pub interval: Option<Field<i64>>,
}

impl TimeBasedPart {
    fn known(&self) -> Option<(u32, u32)> {
        let p = u32::try_from(*self.percentage.as_ref()?.known()?).ok()?;
        let i = u32::try_from(*self.interval.as_ref()?.known()?).ok()?;
        Some((p, i))
    }
}

/// `trafficRoutingConfig`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrafficRoutingPart {
    /// The key.
    pub key: Span,
    /// The object.
    pub span: Span,
    /// `type`.
    pub kind: Option<Field<String>>,
    /// `timeBasedCanary`.
    pub canary: Option<TimeBasedPart>,
    /// `timeBasedLinear`.
    pub linear: Option<TimeBasedPart>,
    /// Whether a part is an intrinsic function.
    pub opaque: bool,
}

impl TrafficRoutingPart {
    /// The routing, when its type and the matching sub-object are known and in range.
    pub fn resolve(&self) -> Option<TrafficRouting> {
        match self.kind.as_ref()?.text()? {
            "AllAtOnce" => Some(TrafficRouting::AllAtOnce),
            "TimeBasedCanary" => {
                let (p, i) = self.canary.as_ref()?.known()?;
                ((1..=99).contains(&p) && i >= 1).then_some(TrafficRouting::Canary {
                    percentage: p,
                    interval_minutes: i,
                })
            }
            "TimeBasedLinear" => {
                let (p, i) = self.linear.as_ref()?.known()?;
                ((1..=99).contains(&p) && i >= 1).then_some(TrafficRouting::Linear {
                    percentage: p,
                    interval_minutes: i,
                })
            }
            _ => None,
        }
    }
}

/// `zonalConfig`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZonalPart {
    /// The key.
    pub key: Span,
    /// The object.
    pub span: Span,
    /// `firstZoneMonitorDurationInSeconds`.
    pub first_zone_monitor: Option<Field<i64>>,
    /// `monitorDurationInSeconds`.
    pub monitor: Option<Field<i64>>,
    /// `minimumHealthyHostsPerZone`.
    pub per_zone: Option<MinimumHealthyHostsPart>,
}

/// One deployment configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeploymentConfig {
    /// How it is written.
    pub dialect: Dialect,
    /// Input or output (CloudFormation: input).
    pub form: Form,
    /// The CloudFormation resource's logical id and its key.
    pub resource: Option<(String, Span)>,
    /// Where findings about the whole configuration point.
    pub anchor: Span,
    /// The object.
    pub span: Span,
    /// `deploymentConfigName`.
    pub name: Option<Field<String>>,
    /// `computePlatform`.
    pub compute_platform: Option<Field<String>>,
    /// `minimumHealthyHosts`.
    pub minimum_healthy_hosts: Option<MinimumHealthyHostsPart>,
    /// `trafficRoutingConfig`.
    pub traffic_routing: Option<TrafficRoutingPart>,
    /// `zonalConfig`.
    pub zonal: Option<ZonalPart>,
    /// Whether a setting is an intrinsic function (its value is unknown).
    pub opaque: bool,
}

/// The platform a `computePlatform` value names.
pub fn platform_named(name: &str) -> Option<Platform> {
    match name {
        "Server" => Some(Platform::Ec2),
        "ECS" => Some(Platform::Ecs),
        "Lambda" => Some(Platform::Lambda),
        _ => None,
    }
}

impl DeploymentConfig {
    /// The platform: `computePlatform` when known; `Server` when it is absent (CodeDeploy's
    /// default, unconfirmed); `None` when it is an intrinsic or not a platform.
    pub fn platform(&self) -> Option<Platform> {
        match &self.compute_platform {
            None => Some(Platform::Ec2),
            Some(f) => f.text().and_then(platform_named),
        }
    }

    /// The key named `api` in the API and `cfn` in CloudFormation, as this configuration writes it.
    pub fn key(&self, api: &'static str, cfn: &'static str) -> &'static str {
        match self.dialect {
            Dialect::Api => api,
            Dialect::Cfn => cfn,
        }
    }

    /// Whether the document is an input (create call or CloudFormation).
    pub fn is_input(&self) -> bool {
        self.form == Form::Input
    }

    /// The configuration as the simulator runs it, or why it cannot be resolved (a setting is
    /// missing, invalid or an intrinsic function).
    pub fn resolve(&self) -> Result<Config, String> {
        let name = self
            .name
            .as_ref()
            .and_then(Field::text)
            .unwrap_or("")
            .to_string();
        // An output of a predefined configuration is that configuration.
        if let Some(c) = Config::predefined(&name).filter(|_| !self.is_input()) {
            return Ok(c);
        }
        let platform = self
            .platform()
            .ok_or_else(|| "its `computePlatform` is not known".to_string())?;
        let mut config = Config {
            name,
            platform,
            predefined: false,
            minimum_healthy_hosts: None,
            traffic_routing: None,
            zonal: None,
        };
        match platform {
            Platform::Ec2 => {
                let m = self
                    .minimum_healthy_hosts
                    .as_ref()
                    .and_then(MinimumHealthyHostsPart::resolve)
                    .ok_or_else(|| {
                        "its `minimumHealthyHosts` is missing, invalid or not known".to_string()
                    })?;
                config.minimum_healthy_hosts = Some(m);
                config.zonal = self.zonal.as_ref().map(|z| ZonalConfig {
                    first_zone_monitor_seconds: z
                        .first_zone_monitor
                        .as_ref()
                        .and_then(|f| f.known())
                        .and_then(|v| u64::try_from(*v).ok()),
                    monitor_seconds: z
                        .monitor
                        .as_ref()
                        .and_then(|f| f.known())
                        .and_then(|v| u64::try_from(*v).ok()),
                    minimum_healthy_hosts_per_zone: z
                        .per_zone
                        .as_ref()
                        .and_then(MinimumHealthyHostsPart::resolve),
                });
            }
            Platform::Ecs | Platform::Lambda => {
                let t = match &self.traffic_routing {
                    // Without a routing configuration the service shifts all at once
                    // (unconfirmed; the console requires one).
                    None => TrafficRouting::AllAtOnce,
                    Some(t) => t.resolve().ok_or_else(|| {
                        "its `trafficRoutingConfig` is invalid or not known".to_string()
                    })?,
                };
                config.traffic_routing = Some(t);
            }
        }
        Ok(config)
    }
}

/// Lowers every deployment configuration of a document, and walks each against the shape.
pub(crate) fn lower(root: &Node, facts: &mut ReadFacts) -> DeploymentConfigs {
    let layout = read::layout(root, &DOCUMENT);
    let anchor = root
        .entries()
        .first()
        .map_or(Span::empty(root.span.start()), |p| p.key.span);
    DeploymentConfigs {
        items: lower_objects(&layout.objects, facts),
        template: layout.template,
        object: root.map().is_some(),
        readable: !root.is_invalid(),
        anchor,
    }
}

/// Lowers the given objects (also the configurations of a deployment group's template).
pub(crate) fn lower_objects(
    objects: &[Located<'_>],
    facts: &mut ReadFacts,
) -> Vec<DeploymentConfig> {
    objects
        .iter()
        .take(1000)
        .map(|o| {
            read::walk(o.node, &CONFIG, o.dialect, o.form, facts);
            lower_one(o)
        })
        .collect()
}

fn min_healthy(obj: Obj<'_>, api: &str, cfn: &str) -> Option<MinimumHealthyHostsPart> {
    let (o, pair) = obj.object(api, cfn)?;
    Some(MinimumHealthyHostsPart {
        key: pair.key.span,
        span: pair.value.span,
        kind: o.string("type", "Type"),
        value: o.int("value", "Value"),
    })
}

fn time_based(
    obj: Obj<'_>,
    api: &str,
    cfn: &str,
    p: [&str; 2],
    i: [&str; 2],
) -> Option<TimeBasedPart> {
    let (o, pair) = obj.object(api, cfn)?;
    Some(TimeBasedPart {
        key: pair.key.span,
        span: pair.value.span,
        percentage: o.int(p[0], p[1]),
        interval: o.int(i[0], i[1]),
    })
}

fn lower_one(o: &Located<'_>) -> DeploymentConfig {
    let obj = Obj::new(o.node, o.dialect);
    let mut opaque = ["minimumHealthyHosts", "trafficRoutingConfig", "zonalConfig"]
        .iter()
        .zip(["MinimumHealthyHosts", "TrafficRoutingConfig", "ZonalConfig"])
        .any(|(a, c)| obj.opaque(a, c));
    let traffic_routing = obj
        .object("trafficRoutingConfig", "TrafficRoutingConfig")
        .map(|(t, pair)| TrafficRoutingPart {
            key: pair.key.span,
            span: pair.value.span,
            kind: t.string("type", "Type"),
            canary: time_based(
                t,
                "timeBasedCanary",
                "TimeBasedCanary",
                ["canaryPercentage", "CanaryPercentage"],
                ["canaryInterval", "CanaryInterval"],
            ),
            linear: time_based(
                t,
                "timeBasedLinear",
                "TimeBasedLinear",
                ["linearPercentage", "LinearPercentage"],
                ["linearInterval", "LinearInterval"],
            ),
            opaque: t.opaque("timeBasedCanary", "TimeBasedCanary")
                || t.opaque("timeBasedLinear", "TimeBasedLinear")
                || t.opaque("type", "Type"),
        });
    if traffic_routing.as_ref().is_some_and(|t| t.opaque) {
        opaque = true;
    }
    let zonal = obj
        .object("zonalConfig", "ZonalConfig")
        .map(|(z, pair)| ZonalPart {
            key: pair.key.span,
            span: pair.value.span,
            first_zone_monitor: z.int(
                "firstZoneMonitorDurationInSeconds",
                "FirstZoneMonitorDurationInSeconds",
            ),
            monitor: z.int("monitorDurationInSeconds", "MonitorDurationInSeconds"),
            per_zone: min_healthy(
                z,
                "minimumHealthyHostsPerZone",
                "MinimumHealthyHostsPerZone",
            ),
        });
    DeploymentConfig {
        dialect: o.dialect,
        form: o.form,
        resource: o.resource.clone(),
        anchor: o.anchor,
        span: o.node.span,
        name: obj.string("deploymentConfigName", "DeploymentConfigName"),
        compute_platform: obj.string("computePlatform", "ComputePlatform"),
        minimum_healthy_hosts: min_healthy(obj, "minimumHealthyHosts", "MinimumHealthyHosts"),
        traffic_routing,
        zonal,
        opaque,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Limits, parse_json, parse_yaml};

    fn configs(text: &str, json: bool) -> DeploymentConfigs {
        let doc = if json {
            parse_json(text, &Limits::default())
        } else {
            parse_yaml(text, &Limits::default())
        };
        lower(&doc.root, &mut ReadFacts::default())
    }

    #[test]
    fn api_input_resolves() {
        let c = configs(
            r#"{"deploymentConfigName": "Canary", "computePlatform": "Lambda",
                "trafficRoutingConfig": {"type": "TimeBasedCanary",
                  "timeBasedCanary": {"canaryPercentage": 20, "canaryInterval": 7}}}"#,
            true,
        );
        let item = &c.items[0];
        assert_eq!(item.dialect, Dialect::Api);
        let resolved = item.resolve().expect("resolves");
        assert_eq!(
            resolved.traffic_routing,
            Some(TrafficRouting::Canary {
                percentage: 20,
                interval_minutes: 7
            })
        );
    }

    #[test]
    fn cfn_resources_and_strings() {
        let c = configs(
            "Resources:\n  Half:\n    Type: AWS::CodeDeploy::DeploymentConfig\n    Properties:\n      MinimumHealthyHosts:\n        Type: FLEET_PERCENT\n        Value: '25'\n  Other:\n    Type: AWS::S3::Bucket\n",
            false,
        );
        assert!(c.template);
        assert_eq!(c.items.len(), 1);
        let item = &c.items[0];
        assert_eq!(item.resource.as_ref().map(|r| r.0.as_str()), Some("Half"));
        assert_eq!(
            item.resolve().map(|c| c.minimum_healthy_hosts),
            Ok(Some(MinimumHealthyHosts::FleetPercent(25)))
        );
    }

    #[test]
    fn output_of_one_at_a_time_is_predefined() {
        let c = configs(
            r#"{"deploymentConfigInfo": {"deploymentConfigName": "CodeDeployDefault.OneAtATime",
                "minimumHealthyHosts": {"type": "MOST_CONCURRENCY", "value": 1}}}"#,
            true,
        );
        let item = &c.items[0];
        assert_eq!(item.form, Form::Output);
        assert_eq!(
            item.resolve().map(|c| c.minimum_healthy_hosts),
            Ok(Some(MinimumHealthyHosts::MostConcurrency))
        );
    }
}
