//! DEP124 too-many-alarms.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `alarmConfiguration` with more than 10 alarms.
    ///
    /// ## Why is this bad?
    /// A deployment group watches at most 10 CloudWatch alarms; CodeDeploy rejects more
    /// (`AlarmsLimitExceededException`). Combine related alarms into a composite alarm.
    ///
    /// ## Example
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [
    ///   {"name": "a1"}, {"name": "a2"}, {"name": "a3"}, {"name": "a4"}, {"name": "a5"}, {"name": "a6"},
    ///   {"name": "a7"}, {"name": "a8"}, {"name": "a9"}, {"name": "a10"}, {"name": "a11"}
    /// ]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [{"name": "service-health-composite"}]}}
    /// ```
    ///
    /// ## References
    /// - CodeDeploy quotas (alarms per deployment group): <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    /// - AlarmConfiguration (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html>
    code: "DEP124", name: "too-many-alarms", severity: Error
}

/// The most alarms a group may watch.
const MAX_ALARMS: usize = 10;

/// Alarm lists over the limit.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        if a.alarms.len() <= MAX_ALARMS {
            continue;
        }
        let at = a.alarms.get(MAX_ALARMS).map_or(a.key, |x| x.span);
        out.push(
            RULE.at(at, format!("{} alarms are listed; a deployment group watches at most {MAX_ALARMS}", a.alarms.len()))
                .with_help("combine alarms into a CloudWatch composite alarm, or keep the 10 that matter"),
        );
    }
}
