//! BS060 missing-report-files.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a report group without `files`.
    ///
    /// ## Why is this bad?
    /// `files` is required: it tells CodeBuild which test or coverage files make up the report.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm test
    /// reports:
    ///   unit-tests:
    ///     file-format: JUNITXML
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm test
    /// reports:
    ///   unit-tests:
    ///     files:
    ///       - 'reports/junit.xml'
    ///     file-format: JUNITXML
    /// ```
    ///
    /// ## References
    /// - Buildspec `reports/<report-group>/files` ("Required sequence"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#reports-buildspec-file>
    code: "BS060", name: "missing-report-files", severity: Error
}

/// Reports report groups without `files` (a required key of the schema).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
