//! BS046 unknown-shell.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an `env.shell` value other than `bash` or `/bin/sh` (Linux) and
    /// `powershell.exe` or `cmd.exe` (Windows).
    ///
    /// ## Why is this bad?
    /// These are the only values the reference documents; whether others (`/bin/bash`, `zsh`)
    /// work is not, so the warning asks for a documented one.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   shell: zsh
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   shell: bash
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/shell`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.shell>
    code: "BS046", name: "unknown-shell", severity: Warning
}

/// Reports `env.shell` values the schema does not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
