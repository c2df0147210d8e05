//! DEP033 traffic-shift-too-long.

use super::Cx;
use super::helpers::{inputs, int};
use crate::declare_rule;
use crate::deployment::config::MAX_SHIFT_MINUTES;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a linear configuration whose shift lasts longer than 2,880 minutes: its
    /// number of increments (`⌈100 / linearPercentage⌉`) times `linearInterval`.
    ///
    /// ## Why is this bad?
    /// A traffic shift may last at most two days. The console computes the longest interval as
    /// 2,880 divided by the number of increments (25 % → 4 increments → 720 minutes), which counts
    /// one interval per increment; whether CodeDeploy counts the wait after the last increment is
    /// unconfirmed, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "Linear25Every12Hours",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedLinear",
    ///     "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 960}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "Linear25Every12Hours",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedLinear",
    ///     "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 720}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Create a deployment configuration (linear interval limit): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    /// - CodeDeploy quotas: <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    code: "DEP033", name: "traffic-shift-too-long", severity: Warning
}

/// Linear shifts longer than two days.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(l) = c.traffic_routing.as_ref().and_then(|t| t.linear.as_ref()) else {
            continue;
        };
        let (Some((p, _)), Some((i, field))) = (int(l.percentage.as_ref()), int(l.interval.as_ref()))
        else {
            continue;
        };
        if !(1..=99).contains(&p) || i < 1 {
            continue;
        }
        let increments = (100 + p - 1) / p;
        let total = increments.saturating_mul(i);
        if total > i64::from(MAX_SHIFT_MINUTES) {
            let longest = i64::from(MAX_SHIFT_MINUTES) / increments;
            out.push(
                RULE.at(field.span, format!("{increments} increments of {i} minutes last {total} minutes, more than the {MAX_SHIFT_MINUTES} a traffic shift may last"))
                    .with_help(format!("with {p} % per increment the interval can be at most {longest} minutes")),
            );
        }
    }
}
