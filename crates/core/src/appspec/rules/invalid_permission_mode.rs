//! AS032 invalid-permission-mode.

use crate::declare_rule;
use super::Cx;
use crate::appspec::ruby::{RubyValue, ruby_value};
use crate::appspec::schema::MODE_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Reports a `mode` that is not 1 to 4 octal digits: symbolic modes (`u+x`, `rwxr-xr-x`),
    /// digits 8 or 9, more than four digits, and an unquoted mode with a leading zero that YAML
    /// reads as another number.
    ///
    /// ## Why is this bad?
    /// The agent accepts chmod's numeric notation only and fails the deployment otherwise
    /// ("contains an invalid character"). A leading zero is a trap: the agent's YAML 1.1 reader
    /// takes an unquoted `0644` as an octal number, 420 in decimal, and the agent turns that
    /// number back into text. When the decimal digits happen to be valid (420), the agent
    /// silently applies mode 420 (`r---w----`) instead of 644; when they are not (`0755` is
    /// 493, with a 9), the agent rejects the mode and the deployment fails. The message says
    /// which of the two happens. Quote such a mode (`"0644"`) or drop the zero.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 0644
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 644
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `mode`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `mode_info.rb`
    code: "AS032", name: "invalid-permission-mode", severity: Error
}

/// `mode` values the agent rejects or reads otherwise than written.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(MODE_TAG) {
        mode(tagged.node, out);
    }
}

/// `mode`: 1–4 octal digits, read the way the agent reads it.
fn mode(node: &Node, out: &mut Vec<Diagnostic>) {
    let Some(s) = node.scalar() else {
        return;
    };
    let written = s.text.as_str();
    // The agent calls `to_s` on whatever YAML produced.
    let as_read = match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Nil => return,
        RubyValue::Int(i) => {
            let digits = written.replace('_', "");
            let unpadded = match digits.trim_start_matches('0') {
                "" => "0",
                rest => rest,
            };
            let read = i.to_string();
            // `07` is 7 either way; `0644` is 420, not 644.
            let octal_literal = written.len() > 1
                && written.starts_with('0')
                && written.bytes().all(|b| b.is_ascii_digit() || b == b'_')
                && read != unpadded;
            if octal_literal {
                let quoted = format!("\"{written}\"");
                let rejected = read.chars().find(|ch| !('0'..='7').contains(ch));
                let message = match rejected {
                    Some(ch) => format!(
                        "`{written}` starts with 0, so YAML reads it as the octal number {i}, and the agent rejects mode `{i}` (`{ch}` is not an octal digit)"
                    ),
                    None if read.chars().count() > 4 => format!(
                        "`{written}` starts with 0, so YAML reads it as the octal number {i}, and the agent rejects mode `{i}` (more than 4 digits)"
                    ),
                    None => format!(
                        "`{written}` starts with 0, so YAML reads it as the octal number {i}, and the agent silently applies mode `{i}`{} instead of `{unpadded}`",
                        symbolic_mode(&read).map_or_else(String::new, |m| format!(" (`{m}`)"))
                    ),
                };
                let d = RULE
                    .at(node.span, message)
                    .with_help(format!(
                        "quote the mode (`{quoted}`) or drop the leading zero (`{unpadded}`)"
                    ))
                    .with_fix(format!("quote as {quoted}"), node.span, quoted);
                out.push(d);
                return;
            }
            read
        }
        RubyValue::Bool(_) => {
            out.push(
                RULE
                    .at(
                        node.span,
                        format!("`{written}` is a boolean to YAML, not a mode"),
                    )
                    .with_help(
                        "write chmod's numeric notation: 1 to 4 octal digits, such as 755 or 644",
                    ),
            );
            return;
        }
        RubyValue::Float(_) | RubyValue::Str(_) => written.to_string(),
    };
    let symbolic = !as_read.is_empty()
        && as_read.chars().all(|ch| "ugoarwxXst+-=,".contains(ch))
        && as_read.chars().any(|ch| "+-=rwx".contains(ch));
    let bad_char = as_read.chars().find(|ch| !('0'..='7').contains(ch));
    let message = if symbolic {
        Some(format!(
            "`{written}` is a symbolic mode; the agent accepts only numeric modes"
        ))
    } else if let Some(ch) = bad_char {
        Some(format!(
            "`{written}` is not an octal mode: `{ch}` is not a digit from 0 to 7"
        ))
    } else if as_read.chars().count() > 4 {
        Some(format!("`{written}` has more than 4 digits"))
    } else {
        None
    };
    if let Some(message) = message {
        out.push(
            RULE.at(node.span, message).with_help(
                "write chmod's numeric notation: 1 to 4 octal digits, such as 755 or 644",
            ),
        );
    }
}

/// `ls`-style permissions of a mode of 1 to 3 octal digits (`420` is `r---w----`), as the agent
/// pads it to three digits; `None` for other modes.
fn symbolic_mode(mode: &str) -> Option<String> {
    if mode.is_empty() || mode.len() > 3 || !mode.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return None;
    }
    let padded = format!("{mode:0>3}");
    let mut out = String::new();
    for b in padded.bytes() {
        let bits = b - b'0';
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        out.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    Some(out)
}
