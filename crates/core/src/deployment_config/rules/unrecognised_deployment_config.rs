//! DEP005 unrecognised-deployment-config.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns once when a file checked as a deployment configuration holds none: it is not an
    /// object, it is empty, or it is a CloudFormation template without an
    /// `AWS::CodeDeploy::DeploymentConfig` resource. Nothing else is reported on such a file.
    ///
    /// ## Why is this bad?
    /// Files are recognised by name (`*deployment-config*.json`) as well as content, and other
    /// tools use the same name for their own settings; this says the checks did not apply instead
    /// of reporting every key as unknown.
    ///
    /// ## Example
    /// ```json
    /// [{"name": "web", "ip": "203.0.113.10", "path": "/var/www"}]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "ThreeQuartersHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}
    /// }
    /// ```
    ///
    /// ## References
    /// - CreateDeploymentConfig (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentConfig.html>
    code: "DEP005", name: "unrecognised-deployment-config", severity: Warning
}

/// A document with no configuration in it.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    let bare = |c: &crate::deployment_config::DeploymentConfig| {
        c.name.is_none()
            && c.compute_platform.is_none()
            && c.minimum_healthy_hosts.is_none()
            && c.traffic_routing.is_none()
            && c.zonal.is_none()
    };
    let message = if !m.readable {
        return;
    } else if !m.object {
        "this file is not a deployment configuration: it is not an object"
    } else if m.template && m.items.is_empty() {
        "this template has no `AWS::CodeDeploy::DeploymentConfig` resource"
    } else if !m.template
        && m.items.iter().all(bare)
        && cx.facts.unknown_keys.is_empty()
        && cx.facts.output_only.is_empty()
        && cx.facts.wrong_types.is_empty()
    {
        "this file holds no deployment configuration setting"
    } else {
        return;
    };
    out.push(
        RULE.at(m.anchor, message)
            .with_help("a deployment configuration has `deploymentConfigName` and `minimumHealthyHosts` (EC2/on-premises) or `computePlatform` and `trafficRoutingConfig` (ECS, Lambda); pass --kind to check the file as something else"),
    );
}
