//! BS061 invalid-report-format.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `file-format` that is not one of the documented test formats (`CUCUMBERJSON`,
    /// `JUNITXML`, `NUNITXML`, `NUNIT3XML`, `TESTNGXML`, `VISUALSTUDIOTRX`) or coverage formats
    /// (`CLOVERXML`, `COBERTURAXML`, `JACOCOXML`, `SIMPLECOV`). Case does not matter.
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot read the report, so the report group stays empty.
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
    ///     files:
    ///       - 'reports/junit.xml'
    ///     file-format: JUNIT
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
    /// - Buildspec `reports/<report-group>/file-format`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#reports-buildspec-file>
    /// - Supported report formats: <https://docs.aws.amazon.com/codebuild/latest/userguide/report-types.html>
    code: "BS061", name: "invalid-report-format", severity: Error
}

/// Reports report file formats the schema does not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
