//! AS043 invalid-script-timeout.

use crate::declare_rule;
use super::Cx;
use crate::appspec::model::agent_timeout;
use crate::appspec::ruby::{RubyValue, ruby_value, string_to_i};
use crate::appspec::schema::TIMEOUT_TAG;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Node;

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
        timeout(tagged.node, out);
    }
}

/// `timeout`: read as the agent reads it (`(value || 3600).to_i`, which must be above 0).
fn timeout(node: &Node, out: &mut Vec<Diagnostic>) {
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
        out.push(
            RULE
                .at(node.span, why)
                .with_help("the agent needs a timeout above 0 seconds; write one such as `timeout: 300`, or leave it out for the default of 3600"),
        );
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
