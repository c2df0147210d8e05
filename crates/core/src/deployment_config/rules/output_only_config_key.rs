//! DEP004 output-only-config-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `deploymentConfigId` or `createTime` in a document that is not wrapped in
    /// `deploymentConfigInfo`: keys that `get-deployment-config` returns but
    /// `create-deployment-config` does not take.
    ///
    /// ## Why is this bad?
    /// A common way to copy a configuration is to paste the output of `get-deployment-config`
    /// into `--cli-input-json`; the CLI then stops with "Unknown parameter in input". If the file
    /// is meant as an output, keep the `deploymentConfigInfo` wrapper so it is read as one.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigId": "bf6b390b-61d3-4f24-8911-a1664EXAMPLE",
    ///   "deploymentConfigName": "ThreeQuartersHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}
    /// }
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
    /// - GetDeploymentConfig (output, DeploymentConfigInfo): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_GetDeploymentConfig.html>
    /// - CreateDeploymentConfig (input): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentConfig.html>
    code: "DEP004", name: "output-only-config-key", severity: Warning
}

/// Output-only keys in inputs.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for o in &cx.facts.output_only {
        out.push(
            RULE.at(
                o.span,
                format!("`{}` is returned by `get-deployment-config`; `create-deployment-config` does not take it", o.key),
            )
            .with_help("remove it to create the configuration, or keep the `deploymentConfigInfo` wrapper if this is an output"),
        );
    }
}
