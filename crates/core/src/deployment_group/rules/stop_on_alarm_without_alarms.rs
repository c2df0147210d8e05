//! DEP122 stop-on-alarm-without-alarms.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `DEPLOYMENT_STOP_ON_ALARM` in the rollback events of a group that watches no
    /// alarm: no `alarmConfiguration`, one that is not enabled, or one without alarms.
    ///
    /// ## Why is this bad?
    /// Only an alarm of the group's `alarmConfiguration` stops a deployment, so without one the
    /// event never happens and the rollback you expect from a bad metric never comes. The console
    /// does not offer the option without alarms; whether the API rejects it is unconfirmed (a
    /// warning).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
    ///   },
    ///   "alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}]}
    /// }
    /// ```
    ///
    /// ## References
    /// - Configure advanced options for a deployment group (alarms and rollbacks): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-configure-advanced-options.html>
    /// - Monitoring deployments with CloudWatch alarms: <https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-create-alarms.html>
    code: "DEP122", name: "stop-on-alarm-without-alarms", severity: Warning
}

/// Rollback on alarm with nothing watched.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(r) = &g.rollback else { continue };
        if !r.on() {
            continue;
        }
        let Some(event) = r.events.iter().find(|e| e.text() == Some("DEPLOYMENT_STOP_ON_ALARM")) else {
            continue;
        };
        let watched = g.alarms.as_ref().is_some_and(|a| {
            a.watched() && (a.list.is_some_and(|l| l.filled()))
        });
        let opaque = g.alarms.as_ref().is_some_and(|a| {
            a.enabled.as_ref().is_some_and(|e| e.is_opaque()) || a.list.is_some_and(|l| l.opaque)
        });
        if watched || opaque {
            continue;
        }
        let why = match &g.alarms {
            None => "the group has no `alarmConfiguration`",
            Some(a) if !a.watched() => "its `alarmConfiguration` is not enabled",
            Some(_) => "its `alarmConfiguration` lists no alarm",
        };
        let mut d = RULE
            .at(event.span, format!("`DEPLOYMENT_STOP_ON_ALARM` can never happen: {why}"))
            .with_help("add an enabled `alarmConfiguration` with the CloudWatch alarms that should stop and roll back a deployment");
        if let Some(a) = &g.alarms {
            d = d.with_label(a.key, "the alarm configuration");
        }
        out.push(d);
    }
}
