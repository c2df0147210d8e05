//! DEP128 ignored-alarm-poll-failure.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Points out `ignorePollAlarmFailure: true` in an enabled alarm configuration.
    ///
    /// ## Why is this bad?
    /// When CodeDeploy cannot read an alarm's state — the alarm was renamed or deleted, its name is
    /// misspelt, permissions are missing — the deployment normally stops. With this setting it
    /// goes on as if the alarm were fine, so a typo in an alarm name silently turns the safety net
    /// off. Keep it for a deliberate reason only.
    ///
    /// ## Example
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "ignorePollAlarmFailure": true, "alarms": [{"name": "HighErrorRate"}]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "ignorePollAlarmFailure": false, "alarms": [{"name": "HighErrorRate"}]}}
    /// ```
    ///
    /// ## References
    /// - AlarmConfiguration (API, ignorePollAlarmFailure): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html>
    code: "DEP128", name: "ignored-alarm-poll-failure", severity: Info
}

/// Alarm poll failures that are ignored.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        let Some(ignore) = &a.ignore_poll else { continue };
        if ignore.known() != Some(&true) || !a.watched() {
            continue;
        }
        out.push(
            RULE.at(ignore.span, "a deployment goes on when CodeDeploy cannot read an alarm, so a misspelt or deleted alarm is silently not watched")
                .with_help("set it to `false` unless the alarms may legitimately be unreadable during deployments"),
        );
    }
}
