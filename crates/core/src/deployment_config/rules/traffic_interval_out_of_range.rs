//! DEP032 traffic-interval-out-of-range.

use super::Cx;
use super::helpers::{inputs, int};
use crate::declare_rule;
use crate::deployment::config::MAX_SHIFT_MINUTES;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a canary or linear interval below one minute, or a canary interval above 2,880
    /// minutes (two days).
    ///
    /// ## Why is this bad?
    /// Intervals are whole minutes between increments, at least one. The whole shift, from the
    /// first increment to the last, may last at most 2,880 minutes; for a canary that is its one
    /// interval. (The console's text says "2,800", most likely a typo for the 2,880 of the
    /// quotas page; 2,880 is used here.) Linear shifts are checked as a whole by rule DEP033.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "CanaryThreeDays",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 10, "canaryInterval": 4320}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "CanaryTwoDays",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 10, "canaryInterval": 2880}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Create a deployment configuration (interval limits): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    /// - CodeDeploy quotas: <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    code: "DEP032", name: "traffic-interval-out-of-range", severity: Error
}

/// Intervals under a minute, and canary intervals over two days.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(t) = &c.traffic_routing else { continue };
        let parts = [
            (t.canary.as_ref(), c.key("canaryInterval", "CanaryInterval"), true),
            (t.linear.as_ref(), c.key("linearInterval", "LinearInterval"), false),
        ];
        for (part, name, canary) in parts {
            let Some((value, field)) = int(part.and_then(|p| p.interval.as_ref())) else {
                continue;
            };
            if value < 1 {
                out.push(
                    RULE.at(field.span, format!("`{name}` must be at least 1 minute, found {value}"))
                        .with_help("intervals are whole minutes between increments"),
                );
            } else if canary && value > i64::from(MAX_SHIFT_MINUTES) {
                out.push(
                    RULE.at(field.span, format!("`{name}` of {value} minutes is longer than the {MAX_SHIFT_MINUTES} minutes (two days) a traffic shift may last"))
                        .with_help(format!("choose at most {MAX_SHIFT_MINUTES} minutes")),
                );
            }
        }
    }
}
