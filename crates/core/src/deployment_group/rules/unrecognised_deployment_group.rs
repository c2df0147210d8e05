//! DEP105 unrecognised-deployment-group.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns once when a file checked as a deployment group holds none: it is not an object, it
    /// is empty, or it is a CloudFormation template without an `AWS::CodeDeploy::DeploymentGroup`
    /// resource. Nothing else is reported on such a file.
    ///
    /// ## Why is this bad?
    /// Files are recognised by name (`*deployment-group*.json`) as well as content; this says the
    /// checks did not apply instead of reporting every key as unknown.
    ///
    /// ## Example
    /// ```json
    /// ["my-deployment-group-1", "my-deployment-group-2"]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "applicationName": "WordPress_App",
    ///   "deploymentGroupName": "WordPress_DG",
    ///   "deploymentConfigName": "CodeDeployDefault.OneAtATime"
    /// }
    /// ```
    ///
    /// ## References
    /// - CreateDeploymentGroup (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html>
    code: "DEP105", name: "unrecognised-deployment-group", severity: Warning
}

/// A document with no group in it.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let m = cx.model;
    let message = if !m.readable {
        return;
    } else if !m.object {
        "this file is not a deployment group: it is not an object"
    } else if m.template && m.items.is_empty() {
        "this template has no `AWS::CodeDeploy::DeploymentGroup` resource"
    } else if !m.template && m.items.iter().all(|g| g.empty)
        && cx.facts.unknown_keys.is_empty()
    {
        "this file holds no deployment group setting"
    } else {
        return;
    };
    out.push(RULE.at(m.anchor, message).with_help(
        "a deployment group has keys such as `deploymentGroupName`, `deploymentConfigName`, `autoRollbackConfiguration`; pass --kind to check the file as something else",
    ));
}
