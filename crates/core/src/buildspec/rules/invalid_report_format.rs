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
    /// The buildspec reference names these ten formats as the values of `file-format` (any
    /// case; `JUNITXML` when it is absent). What CodeBuild does with another value is not
    /// documented — it may refuse the buildspec or fail to read the report files — so this is
    /// a warning (unconfirmed), but in neither case does the report show the results you meant.
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
    code: "BS061", name: "invalid-report-format", severity: Warning
}

/// Reports report file formats the schema does not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
