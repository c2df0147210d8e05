//! DEP034 unused-traffic-routing-settings.

use super::Cx;
use super::helpers::inputs;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a traffic-routing sub-object the `type` does not use: `timeBasedLinear` with
    /// `TimeBasedCanary`, `timeBasedCanary` with `TimeBasedLinear`, either with `AllAtOnce`.
    ///
    /// ## Why is this bad?
    /// Only the sub-object matching the type is read, so the other one's numbers have no effect;
    /// it usually means the type was changed and the settings meant for it were left behind.
    /// Whether CodeDeploy rejects the extra object is not documented.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "Canary10",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedLinear": {"linearPercentage": 10, "linearInterval": 5}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "Canary10",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 10, "canaryInterval": 5}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - TrafficRoutingConfig (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_TrafficRoutingConfig.html>
    code: "DEP034", name: "unused-traffic-routing-settings", severity: Warning
}

/// Sub-objects the routing type ignores.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(t) = &c.traffic_routing else { continue };
        let Some(kind) = t.kind.as_ref().and_then(|k| k.text()) else {
            continue;
        };
        let unused = [
            (t.canary.as_ref(), "TimeBasedCanary", c.key("timeBasedCanary", "TimeBasedCanary")),
            (t.linear.as_ref(), "TimeBasedLinear", c.key("timeBasedLinear", "TimeBasedLinear")),
        ];
        for (part, uses, name) in unused {
            let Some(part) = part else { continue };
            if kind == uses || !crate::deployment_config::model::ROUTING_TYPES.contains(&kind) {
                continue;
            }
            out.push(
                RULE.at(part.key, format!("`{name}` is not used by a `{kind}` configuration"))
                    .with_help(format!("remove `{name}`, or set the type to `{uses}` if that is the shift you want")),
            );
        }
    }
}
