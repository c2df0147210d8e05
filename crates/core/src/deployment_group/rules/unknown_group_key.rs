//! DEP101 unknown-group-key.

use super::Cx;
use super::helpers::unknown_key_message;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a key that a deployment group does not have, with the key it most likely means: a
    /// typo, a key in the other format's case (`AutoRollbackConfiguration` in API JSON,
    /// `autoRollbackConfiguration` in a template), or a key from another object. Tag filters keep
    /// `Key`, `Value` and `Type` capitalised in both formats, as the API does.
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates `--cli-input-json` against the API and stops with "Unknown
    /// parameter"; CloudFormation rejects a property its schema does not list. A misspelt
    /// `autoRollbackConfiguration` would otherwise leave the group without the rollback you
    /// meant to configure.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoRollbackConfig": {"enabled": true, "events": ["DEPLOYMENT_FAILURE"]}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {"enabled": true, "events": ["DEPLOYMENT_FAILURE"]}
    /// }
    /// ```
    ///
    /// ## References
    /// - CreateDeploymentGroup (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html>
    /// - AWS::CodeDeploy::DeploymentGroup (CloudFormation): <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codedeploy-deploymentgroup.html>
    code: "DEP101", name: "unknown-group-key", severity: Error
}

/// Keys the walk did not find in the group's shapes.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for u in &cx.facts.unknown_keys {
        let (message, help) = unknown_key_message(u, "deployment group");
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
