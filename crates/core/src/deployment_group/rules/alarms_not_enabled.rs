//! DEP129 alarms-not-enabled.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an `alarmConfiguration` that lists alarms but is switched off
    /// (`"enabled": false`). When the group's rollback events name `DEPLOYMENT_STOP_ON_ALARM`,
    /// DEP122 reports it instead.
    ///
    /// ## Why is this bad?
    /// CodeDeploy watches a group's alarms only while its alarm configuration is enabled: with
    /// `enabled` false, an alarm going into `ALARM` during a deployment neither stops it nor
    /// rolls it back, though the file reads as if it did. Alarms switched off during an
    /// incident and never switched on again are the usual cause. It is a warning because
    /// switching them off can be deliberate.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentGroupName": "api",
    ///   "alarmConfiguration": {"enabled": false, "alarms": [{"name": "HighErrorRate"}]}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentGroupName": "api",
    ///   "alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}]}
    /// }
    /// ```
    ///
    /// ## References
    /// - AlarmConfiguration, `enabled`: <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html>
    /// - Monitoring deployments with CloudWatch alarms: <https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-create-alarms.html>
    code: "DEP129", name: "alarms-not-enabled", severity: Warning
}

/// One report per group whose listed alarms are switched off.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        let Some(enabled) = &a.enabled else { continue };
        if enabled.known() != Some(&false) || !a.list.is_some_and(|l| l.filled()) {
            continue;
        }
        // DEP122 says it where a rollback waits for these alarms.
        if g.rollback
            .as_ref()
            .is_some_and(|r| r.on() && r.has("DEPLOYMENT_STOP_ON_ALARM"))
        {
            continue;
        }
        let n = a.alarms.len();
        let (listed, them) = if n == 1 {
            ("an alarm".to_string(), "it")
        } else {
            (format!("{n} alarms"), "them")
        };
        out.push(
            RULE.at(
                enabled.span,
                format!("the group lists {listed} but does not watch {them}: an alarm firing during a deployment neither stops nor rolls it back"),
            )
            .with_help("set `enabled` to `true` to have CodeDeploy watch the alarms (or remove them if they are not meant to)")
            .with_fix("watch the alarms: `true`", enabled.span, "true".to_string()),
        );
    }
}
