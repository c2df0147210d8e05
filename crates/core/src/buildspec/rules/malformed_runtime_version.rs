//! BS034 malformed-runtime-version.

use crate::declare_rule;
use super::Cx;
use super::helpers::{checked_runtimes, is_version_form};
use crate::diagnostic::Diagnostic;
use crate::source::{ScalarKind, Style};

declare_rule! {
    /// ## What it does
    /// Warns about a runtime version that is not one of the documented forms (`20`, `3.12`,
    /// `20.x`, `corretto17`, `latest`, `$VARIABLE`), and about unquoted versions such as `3.10`
    /// that YAML 1.2 readers turn into a different number (3.1).
    ///
    /// ## Why is this bad?
    /// CodeBuild matches the text against the versions it knows; `>=18` or `18.x.x` match
    /// nothing. `python: 3.10` works in CodeBuild, which keeps the text, but every tool that
    /// reads the file as YAML 1.2 (linters, CDK, scripts) sees `3.1`. Quote such versions.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       python: 3.10
    ///   build:
    ///     commands:
    ///       - pytest
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       python: "3.10"
    ///   build:
    ///     commands:
    ///       - pytest
    /// ```
    ///
    /// ## References
    /// - Runtime versions, value forms: <https://docs.aws.amazon.com/codebuild/latest/userguide/runtime-versions.html>
    code: "BS034", name: "malformed-runtime-version", severity: Warning
}

/// Runtime versions of no documented form, missing, or read as another number by YAML 1.2.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for (runtime, node) in checked_runtimes(cx) {
        let Some(scalar) = node.scalar() else {
            continue;
        };
        if scalar.is_null() {
            out.push(
                RULE.at(node.span, format!("no version given for `{runtime}`"))
                    .with_help("give a version such as `22`, `22.x` or `latest`"),
            );
            continue;
        }
        let text = scalar.text.trim();
        if scalar.style == Style::Plain
            && scalar.kind() == ScalarKind::Float
            && scalar.number().is_some_and(|n| format_number(n) != text)
        {
            let shown = scalar.number().map(format_number).unwrap_or_default();
            out.push(
                RULE.at(
                    node.span,
                    format!("`{text}` is the number {shown} to YAML 1.2 readers"),
                )
                .with_help(format!(
                    "quote the version (`\"{text}\"`) so every tool reads it as written"
                ))
                .with_fix("quote the version", node.span, format!("\"{text}\"")),
            );
        }
        if !is_version_form(text) {
            out.push(
                RULE.at(node.span, format!("`{text}` is not a runtime version form CodeBuild documents"))
                    .with_help("write a version (`22`, `3.12`, `corretto21`), a major version with `.x` (`22.x`), `latest`, or a `$VARIABLE`"),
            );
        }
    }
}

fn format_number(n: f64) -> String {
    let s = format!("{n}");
    if s.contains('.') || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_trap_format() {
        assert_eq!(format_number(3.1), "3.1");
        assert_eq!(format_number(8.0), "8.0");
    }
}
