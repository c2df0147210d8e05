//! DEP130 ready-wait-ignored.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a `deploymentReadyOption.waitTimeInMinutes` above 0 whose `actionOnTimeout`
    /// is `CONTINUE_DEPLOYMENT` (or absent).
    ///
    /// ## Why is this bad?
    /// The wait is "used only if `actionOnTimeout` is set to `STOP_DEPLOYMENT`": with
    /// `CONTINUE_DEPLOYMENT` traffic is rerouted as soon as the replacement is ready, so the wait
    /// you wrote never happens. To hold the deployment until someone continues it, use
    /// `STOP_DEPLOYMENT`; the deployment is stopped if nobody does within the wait.
    ///
    /// ## Example
    /// ```json
    /// {"blueGreenDeploymentConfiguration": {"deploymentReadyOption": {
    ///   "actionOnTimeout": "CONTINUE_DEPLOYMENT", "waitTimeInMinutes": 30
    /// }}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"blueGreenDeploymentConfiguration": {"deploymentReadyOption": {
    ///   "actionOnTimeout": "STOP_DEPLOYMENT", "waitTimeInMinutes": 30
    /// }}}
    /// ```
    ///
    /// ## References
    /// - DeploymentReadyOption (API, waitTimeInMinutes): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_DeploymentReadyOption.html>
    code: "DEP130", name: "ready-wait-ignored", severity: Warning
}

/// Ready waits that CONTINUE_DEPLOYMENT ignores.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(ready) = g.blue_green.as_ref().and_then(|b| b.ready.as_ref()) else {
            continue;
        };
        let Some(wait) = &ready.wait else { continue };
        if wait.known().is_none_or(|w| *w <= 0) {
            continue;
        }
        let action = ready.action.as_ref();
        if action.is_some_and(|a| a.text() != Some("CONTINUE_DEPLOYMENT")) {
            continue;
        }
        let mut d = RULE
            .at(wait.span, "the wait is used only with `STOP_DEPLOYMENT`: traffic is rerouted as soon as the replacement is ready")
            .with_help("set the action on timeout to `STOP_DEPLOYMENT` to wait for a manual continue, or remove the wait");
        if let Some(a) = action {
            d = d.with_label(a.span, "continues at once");
        }
        out.push(d);
    }
}
