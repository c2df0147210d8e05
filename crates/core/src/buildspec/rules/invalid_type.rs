//! BS002 invalid-type.

use crate::declare_rule;
use super::Cx;
use super::helpers::{checked_runtimes, runtime_versions};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong type: a list where a mapping is expected, a mapping where a
    /// string is expected, a word where `yes`/`no` is expected, and so on.
    ///
    /// ## Why is this bad?
    /// CodeBuild fails the build with `YAML_FILE_ERROR` before running any command when it
    /// cannot read a section as the type it expects.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   - build:
    ///       commands:
    ///         - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS002", name: "invalid-type", severity: Error
}

/// Reports the values the schema walk found of the wrong type, and `runtime-versions` that is
/// not a mapping of runtimes to single versions.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    let Some(pair) = runtime_versions(cx) else {
        return;
    };
    let node = &pair.value;
    if node.is_null() {
        return;
    }
    if node.map().is_none() {
        out.push(RULE.at(
            node.span,
            format!(
                "`phases.install.runtime-versions` must be a mapping of runtime names to versions, found {}",
                node.describe()
            ),
        ));
        return;
    }
    for (runtime, version) in checked_runtimes(cx) {
        if version.scalar().is_none() && !version.is_invalid() {
            out.push(RULE.at(
                version.span,
                format!(
                    "the version of `{runtime}` must be a single value, found {}",
                    version.describe()
                ),
            ));
        }
    }
}
