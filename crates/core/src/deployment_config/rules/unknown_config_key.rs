//! DEP001 unknown-config-key.

use super::Cx;
use super::helpers::unknown_key_message;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a key that a deployment configuration does not have, with the key it most likely
    /// means: a typo, a key in the other format's case (`MinimumHealthyHosts` in API JSON), or a
    /// key from another object.
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates `--cli-input-json` against the API and stops with "Unknown
    /// parameter"; CloudFormation rejects a property its schema does not list. Keys are matched
    /// exactly: the API spells them in camelCase, CloudFormation in PascalCase.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "ThreeQuartersHealthy",
    ///   "minimumHealthyHost": {"type": "FLEET_PERCENT", "value": 75}
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
    /// - CreateDeploymentConfig (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentConfig.html>
    /// - AWS::CodeDeploy::DeploymentConfig (CloudFormation): <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codedeploy-deploymentconfig.html>
    code: "DEP001", name: "unknown-config-key", severity: Error
}

/// Keys the walk did not find in the configuration's shapes.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for u in &cx.facts.unknown_keys {
        let (message, help) = unknown_key_message(u, "deployment configuration");
        let mut d = RULE.at(u.span, message);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        if let Some(s) = u.suggestion.filter(|s| s.eq_ignore_ascii_case(&u.key)) {
            d = d.with_fix(
                format!("rename to `{s}`"),
                u.span,
                crate::deployment::read::requote(cx.text, u.span, s),
            );
        }
        out.push(d);
    }
}
