//! DEP125 invalid-alarm-name.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an alarm without a name, with an empty name, with a name longer than 255
    /// characters, or with spaces around it.
    ///
    /// ## Why is this bad?
    /// CodeDeploy looks the alarm up in CloudWatch by its name, exactly as written; CloudWatch
    /// alarm names are 1 to 255 characters. A name that matches no alarm cannot be read, and the
    /// deployment then stops — or, with `ignorePollAlarmFailure`, silently watches nothing.
    /// Surrounding spaces are kept as part of the name.
    ///
    /// ## Example
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate "}, {}]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}]}}
    /// ```
    ///
    /// ## References
    /// - AlarmConfiguration (API, "the alarm names must exist"): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html>
    /// - CloudWatch PutMetricAlarm (AlarmName, 1–255 characters): <https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html>
    code: "DEP125", name: "invalid-alarm-name", severity: Error
}

/// Alarm names CloudWatch cannot match.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        for alarm in &a.alarms {
            let Some(name) = &alarm.name else {
                out.push(
                    RULE.at(alarm.span, "this alarm has no name")
                        .with_help(format!("give the CloudWatch alarm's name: `{{\"{}\": \"…\"}}`", g.key("name", "Name"))),
                );
                continue;
            };
            let Some(text) = name.text() else { continue };
            let problem = if text.is_empty() {
                "an alarm name is empty".to_string()
            } else if text.chars().count() > 255 {
                format!("an alarm name of {} characters is longer than CloudWatch's 255", text.chars().count())
            } else if text.trim() != text {
                format!("alarm name `{text}` has spaces around it, which are part of the name")
            } else {
                continue;
            };
            out.push(RULE.at(name.span, problem).with_help("write the CloudWatch alarm's name exactly"));
        }
    }
}
