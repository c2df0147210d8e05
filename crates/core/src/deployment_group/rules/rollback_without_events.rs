//! DEP121 rollback-without-events.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an automatic rollback that is enabled with no event to trigger it (`events`
    /// missing or empty).
    ///
    /// ## Why is this bad?
    /// A rollback runs only on the events listed: `DEPLOYMENT_FAILURE`, `DEPLOYMENT_STOP_ON_ALARM`
    /// or `DEPLOYMENT_STOP_ON_REQUEST`. With none, `enabled: true` rolls nothing back, and a
    /// failed deployment stays where it stopped.
    ///
    /// ## Example
    /// ```json
    /// {"autoRollbackConfiguration": {"enabled": true}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"autoRollbackConfiguration": {"enabled": true, "events": ["DEPLOYMENT_FAILURE"]}}
    /// ```
    ///
    /// ## References
    /// - Automatic rollbacks: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployments-rollback-and-redeploy.html#deployments-rollback-and-redeploy-automatic-rollbacks>
    /// - AutoRollbackConfiguration (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AutoRollbackConfiguration.html>
    code: "DEP121", name: "rollback-without-events", severity: Warning
}

/// Enabled rollbacks with no event.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(r) = &g.rollback else { continue };
        if r.enabled.as_ref().and_then(|e| e.known()) != Some(&true) || r.opaque() || !r.events.is_empty() {
            continue;
        }
        let at = r.list.map_or(r.key, |l| l.span);
        out.push(
            RULE.at(at, "automatic rollback is enabled but no event triggers it")
                .with_help(format!(
                    "list the events in `{}`: `DEPLOYMENT_FAILURE`, `DEPLOYMENT_STOP_ON_ALARM`, `DEPLOYMENT_STOP_ON_REQUEST`",
                    g.key("events", "Events")
                )),
        );
    }
}
