//! DEP126 duplicate-alarm.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Warns about an alarm named twice in `alarmConfiguration.alarms`.
    ///
    /// ## Why is this bad?
    /// Watching an alarm twice changes nothing, but it takes one of the 10 places a group has for
    /// alarms, and usually stands where another alarm was meant.
    ///
    /// ## Example
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}, {"name": "HighErrorRate"}]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"alarmConfiguration": {"enabled": true, "alarms": [{"name": "HighErrorRate"}, {"name": "HighLatency"}]}}
    /// ```
    ///
    /// ## References
    /// - AlarmConfiguration (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html>
    code: "DEP126", name: "duplicate-alarm", severity: Warning
}

/// Alarms named twice.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(a) = &g.alarms else { continue };
        let mut seen: Vec<(&str, Span)> = Vec::new();
        for name in a.alarms.iter().filter_map(|x| x.name.as_ref()) {
            let Some(text) = name.text() else { continue };
            match seen.iter().find(|(t, _)| *t == text) {
                Some((_, first)) => out.push(
                    RULE.at(name.span, format!("alarm `{text}` is listed twice"))
                        .with_label(*first, "first listed here")
                        .with_help("list each alarm once"),
                ),
                None => seen.push((text, name.span)),
            }
        }
    }
}
