//! DEP123 alarms-without-rollback.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Points out a group whose enabled alarms stop a deployment without rolling it back: the
    /// automatic rollback is absent, disabled, or does not list `DEPLOYMENT_STOP_ON_ALARM`.
    ///
    /// ## Why is this bad?
    /// When an alarm fires, CodeDeploy stops the deployment; only with
    /// `DEPLOYMENT_STOP_ON_ALARM` does it also roll back. Without it, an ECS or Lambda
    /// deployment stays half-shifted — part of the traffic on the new revision, part on the old —
    /// and in-place instances keep whatever they got, until someone redeploys. That may be what
    /// you want (to investigate first), so this is advice.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}]},
    ///   "autoRollbackConfiguration": {"enabled": true, "events": ["DEPLOYMENT_FAILURE"]}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}]},
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Redeploy and roll back a deployment: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployments-rollback-and-redeploy.html>
    /// - Configure advanced options for a deployment group: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-configure-advanced-options.html>
    code: "DEP123", name: "alarms-without-rollback", severity: Info
}

/// Watched alarms that stop without rolling back.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        if a.enabled.as_ref().and_then(|e| e.known()) != Some(&true) || !a.list.is_some_and(|l| l.filled()) {
            continue;
        }
        let rolls_back = g
            .rollback
            .as_ref()
            .is_some_and(|r| r.on() && (r.has("DEPLOYMENT_STOP_ON_ALARM") || r.opaque()));
        if rolls_back || g.rollback.as_ref().is_some_and(|r| r.enabled.as_ref().is_some_and(|e| e.is_opaque())) {
            continue;
        }
        out.push(
            RULE.at(a.key, "an alarm stops a deployment here but does not roll it back: traffic stays where it was when the alarm fired")
                .with_help("add `DEPLOYMENT_STOP_ON_ALARM` to an enabled `autoRollbackConfiguration` to roll back automatically"),
        );
    }
}
