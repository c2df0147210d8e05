//! DEP021 incomplete-minimum-healthy-hosts.

use super::Cx;
use super::helpers::{inputs, minimum_parts};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `minimumHealthyHosts` (or `minimumHealthyHostsPerZone`) without its `type` or
    /// its `value`.
    ///
    /// ## Why is this bad?
    /// Both parts are needed to tell how many instances must stay healthy: CloudFormation marks
    /// both required, and CodeDeploy rejects the configuration
    /// (`InvalidMinimumHealthyHostValueException`).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "TwoAtATime",
    ///   "minimumHealthyHosts": {"value": 2}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "TwoAtATime",
    ///   "minimumHealthyHosts": {"type": "HOST_COUNT", "value": 2}
    /// }
    /// ```
    ///
    /// ## References
    /// - AWS::CodeDeploy::DeploymentConfig MinimumHealthyHosts (Type and Value required): <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codedeploy-deploymentconfig-minimumhealthyhosts.html>
    code: "DEP021", name: "incomplete-minimum-healthy-hosts", severity: Error
}

/// Minimum-healthy-hosts objects missing a part.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        for (key, part) in minimum_parts(c) {
            let missing = match (&part.kind, &part.value) {
                (None, None) => "`type` and `value`",
                (None, Some(_)) => "`type`",
                (Some(_), None) => "`value`",
                (Some(_), Some(_)) => continue,
            };
            let (t, v) = (c.key("type", "Type"), c.key("value", "Value"));
            out.push(
                RULE.at(part.key, format!("`{key}` lacks {}", missing.replace("`type`", &format!("`{t}`")).replace("`value`", &format!("`{v}`"))))
                    .with_help(format!("give both `{t}` (`HOST_COUNT` or `FLEET_PERCENT`) and `{v}` (a number)")),
            );
        }
    }
}
