//! DEP104 output-only-group-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about keys that `get-deployment-group` returns but `create-deployment-group` and
    /// `update-deployment-group` do not take (`deploymentGroupId`, `computePlatform`,
    /// `targetRevision`, `lastSuccessfulDeployment`, `lastAttemptedDeployment`, and Auto Scaling
    /// groups written as objects) in a document that is not wrapped in `deploymentGroupInfo`.
    ///
    /// ## Why is this bad?
    /// AWS's own guide updates a group by pasting the output of `get-deployment-group` into
    /// `--cli-input-json` after deleting the wrapper and the `deploymentGroupId` line; any
    /// output key left behind makes the CLI stop with "Unknown parameter in input". If the file is
    /// meant as an output, keep the `deploymentGroupInfo` wrapper so it is read as one.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "applicationName": "WordPress_App",
    ///   "deploymentGroupId": "cdac3220-0e64-4d63-bb50-e68faEXAMPLE",
    ///   "deploymentConfigName": "CodeDeployDefault.OneAtATime",
    ///   "computePlatform": "Server"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "applicationName": "WordPress_App",
    ///   "currentDeploymentGroupName": "WordPress_DG",
    ///   "deploymentConfigName": "CodeDeployDefault.OneAtATime"
    /// }
    /// ```
    ///
    /// ## References
    /// - Create a trigger for an existing deployment group (editing the output of get-deployment-group): <https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-sns-event-notifications-create-trigger.html>
    /// - UpdateDeploymentGroup (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_UpdateDeploymentGroup.html>
    code: "DEP104", name: "output-only-group-key", severity: Warning
}

/// Output-only keys in inputs.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for o in &cx.facts.output_only {
        let message = if matches!(o.key.as_str(), "name" | "hook" | "terminationHook") {
            format!("`{}` belongs to an Auto Scaling group as `get-deployment-group` returns it; inputs name each group with a string", o.key)
        } else {
            format!("`{}` is returned by `get-deployment-group`; `create-deployment-group` and `update-deployment-group` do not take it", o.key)
        };
        out.push(RULE.at(o.span, message).with_help(
            "remove it to create or update the group, or keep the `deploymentGroupInfo` wrapper if this is an output",
        ));
    }
}
