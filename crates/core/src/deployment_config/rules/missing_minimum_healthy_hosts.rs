//! DEP022 missing-minimum-healthy-hosts.

use super::Cx;
use super::helpers::inputs;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an EC2/on-premises configuration (`computePlatform` `Server`, or none) to be
    /// created without `minimumHealthyHosts`.
    ///
    /// ## Why is this bad?
    /// Minimum healthy hosts is the whole of an EC2/on-premises configuration: it decides how many
    /// instances are deployed at a time and when the deployment fails. The API marks the key
    /// optional because Lambda and ECS configurations do without it; what CodeDeploy does with a
    /// `Server` configuration that lacks it is not documented (a warning, not an error). When the
    /// file is meant for Lambda or ECS, say so with `computePlatform`.
    ///
    /// ## Example
    /// ```json
    /// {"deploymentConfigName": "MyServerConfig", "computePlatform": "Server"}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "MyServerConfig",
    ///   "computePlatform": "Server",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}
    /// }
    /// ```
    ///
    /// ## References
    /// - Create a deployment configuration (EC2/on-premises): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    code: "DEP022", name: "missing-minimum-healthy-hosts", severity: Warning
}

/// Server configurations without minimum healthy hosts.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        if c.platform() != Some(Platform::Ec2)
            || c.minimum_healthy_hosts.is_some()
            || c.opaque
            || c.traffic_routing.is_some()
        {
            continue;
        }
        let at = c.name.as_ref().map_or(c.anchor, |n| n.key);
        out.push(
            RULE.at(at, "this EC2/on-premises configuration has no `minimumHealthyHosts`")
                .with_help("add `minimumHealthyHosts` (`HOST_COUNT` or `FLEET_PERCENT`), or set `computePlatform` if it is for Lambda or ECS"),
        );
    }
}
