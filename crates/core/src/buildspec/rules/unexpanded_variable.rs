//! BS045 unexpanded-variable.

use crate::declare_rule;
use super::Cx;
use super::helpers::{plaintext_variables, variable_reference};
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Warns about a plain-text variable whose value refers to another variable (`$PATH`,
    /// `${CODEBUILD_BUILD_NUMBER}`).
    ///
    /// ## Why is this bad?
    /// CodeBuild sets the value literally. The reference's own example: setting `PATH` to
    /// `$PATH:/usr/share/ant/bin` replaces the image's `PATH` with the literal text
    /// `$PATH:/usr/share/ant/bin`, which breaks every command. Build such values with `export`
    /// in a command instead.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     PATH: $PATH:/opt/tools/bin
    /// phases:
    ///   build:
    ///     commands:
    ///       - mytool build
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - export PATH="$PATH:/opt/tools/bin"
    ///       - mytool build
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    code: "BS045", name: "unexpanded-variable", severity: Warning
}

/// `$NAME` in a plain-text variable's value (set literally, not expanded).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for pair in plaintext_variables(cx.root) {
        let Some(name) = pair.key_str() else { continue };
        let value = pair.value.as_str().unwrap_or("").trim();
        if let Some(var) = variable_reference(value) {
            out.push(
                RULE.at(pair.value.span, format!("`{var}` in the value of `{name}` is not expanded; the variable is set to the literal text"))
                    .with_help(format!("set it in a command instead: `export {name}=\"{}\"`", shorten(value, 60))),
            );
        }
    }
}
