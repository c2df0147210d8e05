//! DEP131 ready-wait-exceeds-limit.

use super::Cx;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `deploymentReadyOption.waitTimeInMinutes` that is negative or longer than
    /// CodeDeploy allows between the end of the install and the rerouting of traffic: 48 hours
    /// (2,880 minutes) for EC2/on-premises, 120 hours (7,200 minutes) for ECS (the latter also
    /// when the group does not tell its platform).
    ///
    /// ## Why is this bad?
    /// The wait is bounded by CodeDeploy's quotas; a longer one is rejected.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoScalingGroups": ["web-asg"],
    ///   "deploymentStyle": {"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
    ///   "loadBalancerInfo": {"targetGroupInfoList": [{"name": "web"}]},
    ///   "blueGreenDeploymentConfiguration": {"deploymentReadyOption": {
    ///     "actionOnTimeout": "STOP_DEPLOYMENT", "waitTimeInMinutes": 4320
    ///   }}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoScalingGroups": ["web-asg"],
    ///   "deploymentStyle": {"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
    ///   "loadBalancerInfo": {"targetGroupInfoList": [{"name": "web"}]},
    ///   "blueGreenDeploymentConfiguration": {"deploymentReadyOption": {
    ///     "actionOnTimeout": "STOP_DEPLOYMENT", "waitTimeInMinutes": 2880
    ///   }}
    /// }
    /// ```
    ///
    /// ## References
    /// - CodeDeploy quotas (maximum time between the install and the reroute): <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    code: "DEP131", name: "ready-wait-exceeds-limit", severity: Error
}

/// Ready waits outside CodeDeploy's bounds.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(wait) = g
            .blue_green
            .as_ref()
            .and_then(|b| b.ready.as_ref())
            .and_then(|r| r.wait.as_ref())
        else {
            continue;
        };
        let Some(&minutes) = wait.known() else { continue };
        let (limit, what) = match g.platform() {
            Some(Platform::Ec2) => (2880, "48 hours for EC2/on-premises"),
            _ => (7200, "120 hours for ECS"),
        };
        let message = if minutes < 0 {
            format!("the wait cannot be negative, found {minutes}")
        } else if minutes > limit {
            format!("a wait of {minutes} minutes is longer than CodeDeploy allows ({limit} minutes: {what})")
        } else {
            continue;
        };
        out.push(RULE.at(wait.span, message).with_help(format!("give between 0 and {limit} minutes")));
    }
}
