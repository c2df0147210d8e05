//! AS043 invalid-script-timeout.

use crate::declare_rule;
use super::Cx;
use crate::appspec::model::agent_timeout;
use crate::appspec::ruby::{RubyValue, ruby_value, string_to_i};
use crate::appspec::schema::TIMEOUT_TAG;
use crate::diagnostic::{Diagnostic, Severity};
use super::helpers::checked_hooks;
use crate::appspec::model::{HookAction, Timeout};
use crate::source::edit;
use crate::source::{Node, Span};

declare_rule! {
    /// ## What it does
    /// Reports a script `timeout` the agent rejects: zero, negative, or not a number (the
    /// agent converts it with Ruby's `to_i`, so `abc` is 0). Values the agent reads differently
    /// from how they look are warnings: `300s` is 300 seconds, `1.5` is 1, and an unquoted
    /// `0300` is the octal number 192.
    ///
    /// ## Why is this bad?
    /// The agent requires a timeout above 0 seconds and fails the deployment otherwise: "an
    /// invalid timeout value was provided for a script in the application specification file".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   ApplicationStart:
    ///     - location: scripts/start.sh
    ///       timeout: 0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   ApplicationStart:
    ///     - location: scripts/start.sh
    ///       timeout: 300
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section, `timeout`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `script_info.rb`
    code: "AS043", name: "invalid-script-timeout", severity: Error
}

/// Script timeouts the agent rejects, or reads otherwise than they look.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(TIMEOUT_TAG) {
        timeout(cx, tagged.node, tagged.anchor, out);
    }
}

/// `timeout`: read as the agent reads it (`(value || 3600).to_i`, which must be above 0).
fn timeout(cx: &Cx<'_>, node: &Node, key: Span, out: &mut Vec<Diagnostic>) {
    let Some(s) = node.scalar() else {
        out.push(
            RULE
                .at(
                    node.span,
                    format!(
                        "`timeout` must be a number of seconds, found {}",
                        node.describe()
                    ),
                )
                .with_help("write the number of seconds, such as `timeout: 300`"),
        );
        return;
    };
    let written = s.text.as_str();
    let seconds = agent_timeout(node);
    let odd = |why: String| {
        RULE
            .at(node.span, why)
            .with_severity(Severity::Warning)
            .with_help("write a plain number of seconds, such as `timeout: 300`")
    };
    let Some(seconds) = seconds else {
        let why = match ruby_value(node).unwrap_or(RubyValue::Nil) {
            RubyValue::Bool(true) => {
                format!("`{written}` is a boolean to YAML, not a number of seconds")
            }
            RubyValue::Str(t) if string_to_i(&t) == 0 && !t.trim().starts_with('0') => {
                format!("`{written}` is not a number: the agent reads it as 0 seconds")
            }
            _ => format!("`timeout: {written}` is not above 0 seconds"),
        };
        let mut d = RULE
            .at(node.span, why)
            .with_help("the agent needs a timeout above 0 seconds; write one such as `timeout: 300`, or leave it out for the default of 3600");
        if matches!(ruby_value(node), Some(RubyValue::Int(0))) {
            d = zero_fix(cx, node, key, d);
        }
        out.push(d);
        return;
    };
    match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Int(_) if written.len() > 1 && (written.starts_with('0') || written.starts_with("-0") || written.starts_with("+0")) => {
            out.push(odd(format!("YAML 1.1 reads `{written}` as the {} number {seconds}, so the agent waits {seconds} seconds", if written.trim_start_matches(['-', '+']).starts_with("0x") { "hexadecimal" } else { "octal" })));
        }
        RubyValue::Float(_) => out.push(odd(format!("the agent truncates `{written}` to {seconds} seconds"))),
        RubyValue::Bool(false) => out.push(odd(format!("`{written}` is a boolean to YAML; the agent falls back to its default of {seconds} seconds"))),
        RubyValue::Str(t) if !t.trim().bytes().all(|b| b.is_ascii_digit()) => {
            out.push(odd(format!("the agent reads `{written}` as {seconds} seconds (Ruby `to_i` keeps the leading digits)")));
        }
        _ => {}
    }
}

/// `timeout: 0` means "no limit" to its author: the longest the event allows. Alone in its event
/// that is the agent's default of 3600 seconds, so the key goes; next to other scripts it is what
/// they leave of the event's 3600 seconds (rule AS044), when they leave any.
fn zero_fix(cx: &Cx<'_>, node: &Node, key: Span, d: Diagnostic) -> Diagnostic {
    let Some((_, hooks)) = checked_hooks(cx.model) else {
        return d;
    };
    let scripts = hooks
        .filter_map(|h| match &h.action {
            HookAction::Scripts(scripts) => Some(scripts),
            _ => None,
        })
        .find(|scripts| scripts.iter().any(|s| s.span.contains(node.span)));
    let Some(scripts) = scripts else {
        return d;
    };
    let others: i64 = scripts
        .iter()
        .filter(|s| !s.span.contains(node.span))
        .map(|s| match s.timeout {
            Timeout::Default => 3600,
            Timeout::Seconds(v) => v,
            Timeout::Rejected => 0,
        })
        .fold(0, i64::saturating_add);
    if others == 0 {
        d.with_edits(
            "remove `timeout: 0` (the default is 3600 seconds)",
            edit::remove_entry_at(cx.text, cx.root, key, 0),
        )
    } else if others < 3600 {
        let left = 3600 - others;
        d.with_fix(format!("write `timeout: {left}`, what the event's other scripts leave"), node.span, left.to_string())
    } else {
        d
    }
}
