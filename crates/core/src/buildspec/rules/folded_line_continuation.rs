//! BS091 folded-line-continuation.

use crate::declare_rule;
use super::Cx;
use super::helpers::commands;
use crate::diagnostic::Diagnostic;
use crate::source::Style;

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
                out.push(
                    RULE.at(cmd.span, "YAML folds this command into one line, so its `\\` line continuations become `\\ ` (an escaped space)")
                        .with_help("start the command with `|` (a literal block keeps line breaks), or remove the backslashes"),
                );
            }
        }
    }
}
