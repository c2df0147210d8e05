//! BS010 missing-version.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a buildspec without `version`.
    ///
    /// ## Why is this bad?
    /// `version` is a required key; CodeBuild cannot tell how to read the file and fails the
    /// build with `YAML_FILE_ERROR`.
    ///
    /// ## Example
    /// ```yaml
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
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
    /// - Buildspec syntax, `version` ("Required mapping"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS010", name: "missing-version", severity: Error
}

/// Reports a missing `version` (a required key of the schema).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
