//! BS070 missing-artifact-files.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `artifacts` section (or a secondary artifact) without `files`.
    ///
    /// ## Why is this bad?
    /// `files` is required whenever `artifacts` is present — even when only
    /// `secondary-artifacts` are used, in which case the top-level `files` is still needed.
    /// Without it CodeBuild does not know what to upload.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// artifacts:
    ///   secondary-artifacts:
    ///     web:
    ///       files:
    ///         - 'dist/**/*'
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// artifacts:
    ///   files:
    ///     - 'dist/**/*'
    ///   secondary-artifacts:
    ///     web:
    ///       files:
    ///         - 'dist/**/*'
    /// ```
    ///
    /// ## References
    /// - Buildspec `artifacts/files` ("Required sequence"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.artifacts.files>
    code: "BS070", name: "missing-artifact-files", severity: Error
}

/// Reports artifacts without `files` (a required key of the schema).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
