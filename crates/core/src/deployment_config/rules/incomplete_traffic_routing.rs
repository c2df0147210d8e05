//! DEP030 incomplete-traffic-routing.

use super::Cx;
use super::helpers::inputs;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `trafficRoutingConfig` without its `type`, a `TimeBasedCanary` without
    /// `timeBasedCanary` (or a `TimeBasedLinear` without `timeBasedLinear`), and a sub-object
    /// without its percentage or interval.
    ///
    /// ## Why is this bad?
    /// The type says how traffic moves and the sub-object says by how much and how often; without
    /// them CodeDeploy cannot shift traffic (`InvalidTrafficRoutingConfigurationException`).
    /// CloudFormation marks `Type` and both fields of each sub-object required. `AllAtOnce` needs
    /// no sub-object.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "Linear20Every5",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {"type": "TimeBasedLinear"}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "Linear20Every5",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedLinear",
    ///     "timeBasedLinear": {"linearPercentage": 20, "linearInterval": 5}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - TrafficRoutingConfig (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_TrafficRoutingConfig.html>
    /// - AWS::CodeDeploy::DeploymentConfig TrafficRoutingConfig (CloudFormation): <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codedeploy-deploymentconfig-trafficroutingconfig.html>
    code: "DEP030", name: "incomplete-traffic-routing", severity: Error
}

/// Routing without type, sub-object or fields.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(t) = &c.traffic_routing else { continue };
        if t.opaque {
            continue;
        }
        let ty = c.key("type", "Type");
        let Some(kind) = &t.kind else {
            out.push(
                RULE.at(t.key, format!("`{}` has no `{ty}`", c.key("trafficRoutingConfig", "TrafficRoutingConfig")))
                    .with_help(format!("set `{ty}` to `TimeBasedCanary`, `TimeBasedLinear` or `AllAtOnce`")),
            );
            continue;
        };
        let (sub, name, fields) = match kind.text() {
            Some("TimeBasedCanary") => (
                &t.canary,
                c.key("timeBasedCanary", "TimeBasedCanary"),
                [c.key("canaryPercentage", "CanaryPercentage"), c.key("canaryInterval", "CanaryInterval")],
            ),
            Some("TimeBasedLinear") => (
                &t.linear,
                c.key("timeBasedLinear", "TimeBasedLinear"),
                [c.key("linearPercentage", "LinearPercentage"), c.key("linearInterval", "LinearInterval")],
            ),
            _ => continue,
        };
        let value = kind.text().unwrap_or("");
        match sub {
            None => out.push(
                RULE.at(kind.span, format!("`{value}` needs `{name}`, which is missing"))
                    .with_help(format!("add `{name}` with `{}` (percent) and `{}` (minutes)", fields[0], fields[1])),
            ),
            Some(s) => {
                let missing: Vec<String> = [(&s.percentage, fields[0]), (&s.interval, fields[1])]
                    .iter()
                    .filter(|(f, _)| f.is_none())
                    .map(|(_, n)| format!("`{n}`"))
                    .collect();
                if !missing.is_empty() {
                    out.push(
                        RULE.at(s.key, format!("`{name}` lacks {}", missing.join(" and ")))
                            .with_help(format!("give `{}` (percent) and `{}` (minutes)", fields[0], fields[1])),
                    );
                }
            }
        }
    }
}
