//! DEP132 termination-wait-exceeds-limit.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes` that is
    /// negative or above 2,880 minutes (two days).
    ///
    /// ## Why is this bad?
    /// After a successful blue/green deployment CodeDeploy waits this long before terminating the
    /// original instances (or removing the original ECS task set); during the wait a rollback is
    /// still instant. The API allows at most 2,880 minutes. (The quotas page says 2,800 minutes in
    /// one place and 48 hours in another; 2,880 is the API's maximum and the one used here.)
    ///
    /// ## Example
    /// ```json
    /// {"blueGreenDeploymentConfiguration": {"terminateBlueInstancesOnDeploymentSuccess": {
    ///   "action": "TERMINATE", "terminationWaitTimeInMinutes": 4320
    /// }}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"blueGreenDeploymentConfiguration": {"terminateBlueInstancesOnDeploymentSuccess": {
    ///   "action": "TERMINATE", "terminationWaitTimeInMinutes": 2880
    /// }}}
    /// ```
    ///
    /// ## References
    /// - BlueInstanceTerminationOption (API, at most 2880 minutes): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_BlueInstanceTerminationOption.html>
    code: "DEP132", name: "termination-wait-exceeds-limit", severity: Error
}

/// The longest termination wait, in minutes.
const MAX_TERMINATION_WAIT: i64 = 2880;

/// Termination waits outside the API's bounds.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(wait) = g
            .blue_green
            .as_ref()
            .and_then(|b| b.terminate.as_ref())
            .and_then(|t| t.wait.as_ref())
        else {
            continue;
        };
        let Some(&minutes) = wait.known() else { continue };
        let message = if minutes < 0 {
            format!("the termination wait cannot be negative, found {minutes}")
        } else if minutes > MAX_TERMINATION_WAIT {
            format!("a termination wait of {minutes} minutes is longer than the {MAX_TERMINATION_WAIT} minutes (two days) CodeDeploy allows")
        } else {
            continue;
        };
        out.push(RULE.at(wait.span, message).with_help(format!("give between 0 and {MAX_TERMINATION_WAIT} minutes")));
    }
}
