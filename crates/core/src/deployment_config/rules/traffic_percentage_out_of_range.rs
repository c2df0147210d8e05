//! DEP031 traffic-percentage-out-of-range.

use super::Cx;
use super::helpers::{inputs, int};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a canary or linear percentage outside 1–99.
    ///
    /// ## Why is this bad?
    /// Each increment moves between 1 % and 99 % of the traffic; 0 would never move anything and
    /// 100 is all at once, which is `AllAtOnce`. CodeDeploy rejects other values
    /// (`InvalidTrafficRoutingConfigurationException`; the console allows 1–99).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "Canary100",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 100, "canaryInterval": 5}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "AllAtOnce",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {"type": "AllAtOnce"}
    /// }
    /// ```
    ///
    /// ## References
    /// - Create a deployment configuration (percentages and intervals): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    code: "DEP031", name: "traffic-percentage-out-of-range", severity: Error
}

/// Percentages outside 1–99.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(t) = &c.traffic_routing else { continue };
        let parts = [
            (t.canary.as_ref(), c.key("canaryPercentage", "CanaryPercentage")),
            (t.linear.as_ref(), c.key("linearPercentage", "LinearPercentage")),
        ];
        for (part, name) in parts {
            let Some((value, field)) = int(part.and_then(|p| p.percentage.as_ref())) else {
                continue;
            };
            if !(1..=99).contains(&value) {
                let help = if value >= 100 {
                    "to move all traffic at once use the `AllAtOnce` type"
                } else {
                    "move at least 1 % per increment"
                };
                out.push(
                    RULE.at(field.span, format!("`{name}` must be between 1 and 99, found {value}"))
                        .with_help(help),
                );
            }
        }
    }
}
