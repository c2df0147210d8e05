//! DEP135 blue-green-settings-ignored.

use super::Cx;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `blueGreenDeploymentConfiguration` in an EC2/on-premises group whose
    /// deployment type is `IN_PLACE`, or not given (in place is the default).
    ///
    /// ## Why is this bad?
    /// The blue/green settings (replacement fleet, ready wait, termination of the original
    /// instances) apply only to blue/green deployments; an in-place deployment ignores them. Either
    /// the deployment type was meant to be `BLUE_GREEN`, or the settings can go.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoScalingGroups": ["web-asg"],
    ///   "blueGreenDeploymentConfiguration": {"terminateBlueInstancesOnDeploymentSuccess": {
    ///     "action": "TERMINATE", "terminationWaitTimeInMinutes": 60
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
    ///   "blueGreenDeploymentConfiguration": {"terminateBlueInstancesOnDeploymentSuccess": {
    ///     "action": "TERMINATE", "terminationWaitTimeInMinutes": 60
    ///   }}
    /// }
    /// ```
    ///
    /// ## References
    /// - BlueGreenDeploymentConfiguration (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_BlueGreenDeploymentConfiguration.html>
    code: "DEP135", name: "blue-green-settings-ignored", severity: Warning
}

/// Blue/green settings of in-place EC2 groups.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(bg) = &g.blue_green else { continue };
        if g.platform() != Some(Platform::Ec2) {
            continue;
        }
        let in_place = match g.deployment_type() {
            Some("IN_PLACE") => "its deployment type is `IN_PLACE`",
            None if g.style.as_ref().and_then(|s| s.deployment_type.as_ref()).is_none() => {
                "it has no deployment type, so it deploys in place"
            }
            _ => continue,
        };
        out.push(
            RULE.at(bg.key, format!("the blue/green settings are ignored: {in_place}"))
                .with_help("set `deploymentType` to `BLUE_GREEN` (with a load balancer), or remove the blue/green settings"),
        );
    }
}
