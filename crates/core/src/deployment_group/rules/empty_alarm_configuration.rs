//! DEP127 empty-alarm-configuration.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an `alarmConfiguration` that is enabled but lists no alarm.
    ///
    /// ## Why is this bad?
    /// There is nothing to watch, so no metric can stop the deployment, whatever the rollback
    /// settings say. CodeDeploy may reject it (`InvalidAlarmConfigException`); that it does is
    /// unconfirmed, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": []}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}]}}
    /// ```
    ///
    /// ## References
    /// - AlarmConfiguration (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html>
    code: "DEP127", name: "empty-alarm-configuration", severity: Warning
}

/// Enabled alarm configurations without alarms.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        if a.enabled.as_ref().and_then(|e| e.known()) != Some(&true) || a.list.is_some_and(|l| l.filled()) {
            continue;
        }
        let at = a.list.map_or(a.key, |l| l.span);
        out.push(
            RULE.at(at, "alarms are enabled but none is listed")
                .with_help("list the CloudWatch alarms that should stop a deployment, or disable the alarm configuration"),
        );
    }
}
