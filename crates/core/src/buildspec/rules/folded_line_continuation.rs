//! BS091 folded-line-continuation.

use crate::declare_rule;
use super::Cx;
use super::helpers::commands;
use crate::diagnostic::Diagnostic;
use crate::source::edit::line_start;
use crate::source::{Span, Style};

declare_rule! {
    /// ## What it does
    /// Warns about a command written over several lines with shell `\` continuations as a plain
    /// or folded (`>`) YAML scalar.
    ///
    /// ## Why is this bad?
    /// YAML joins the lines of such a scalar with spaces before the shell sees it, so
    /// `docker run \` + `--rm image` becomes `docker run \ --rm image`: the backslash now escapes
    /// a space and the shell passes `" --rm"` as one argument. Use a literal block (`|`), which
    /// keeps the line breaks, or drop the backslashes.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - docker run \
    ///         --rm owasp/zap2docker-stable zap-baseline.py
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - |
    ///         docker run \
    ///           --rm owasp/zap2docker-stable zap-baseline.py
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 6.5 "Line Folding": <https://yaml.org/spec/1.2.2/#65-line-folding>
    /// - Bash manual, "Escape Character": <https://www.gnu.org/software/bash/manual/html_node/Escape-Character.html>
    code: "BS091", name: "folded-line-continuation", severity: Warning
}

/// Backslash continuations in a command that YAML folds into one line.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for cmd in commands(cx.root) {
        let Some(scalar) = cmd.scalar() else { continue };
        if matches!(scalar.style, Style::Plain | Style::Folded) {
            let raw = cmd.span.slice(cx.text);
            if raw.lines().count() > 1 && raw.lines().any(|l| l.trim_end().ends_with('\\')) {
                let mut d = RULE.at(cmd.span, "YAML folds this command into one line, so its `\\` line continuations become `\\ ` (an escaped space)")
                    .with_help("start the command with `|` (a literal block keeps line breaks), or remove the backslashes");
                if scalar.style == Style::Folded
                    && let Some(indicator) = folded_indicator(cx.text, cmd.span)
                {
                    d = d.with_fix("write `|` instead of `>`", indicator, "|");
                }
                out.push(d);
            }
        }
    }
}

/// The `>` of the folded block scalar whose content is at `content`: the last character of the
/// header line (`- >`, `- >-`, `- >+`), before any comment.
fn folded_indicator(text: &str, content: Span) -> Option<Span> {
    let content_line = line_start(text, content.start());
    let header_start = line_start(text, content_line.checked_sub(1)?);
    let header = text.get(header_start..content_line)?;
    let code = header.split(" #").next().unwrap_or("").trim_end();
    let at = code.rfind('>')?;
    // After the `>`, only a chomping indicator or an indentation digit.
    let rest = code.get(at + 1..)?;
    (rest.chars().all(|c| matches!(c, '-' | '+') || c.is_ascii_digit()))
        .then(|| Span::new(header_start + at, header_start + at + 1))
}
