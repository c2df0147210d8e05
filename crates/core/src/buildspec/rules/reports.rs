//! `reports`: report groups, their files and formats.

use crate::buildspec::Ctx;
use crate::declare_rule;

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
    pub static MISSING_REPORT_FILES = { code: "BS060", name: "missing-report-files", severity: Error };
}

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
    pub static INVALID_REPORT_FORMAT = { code: "BS061", name: "invalid-report-format", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a buildspec with more than 5 report groups.
    ///
    /// ## Why is this bad?
    /// A project may have at most 5 report groups (a CodeBuild quota).
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make test
    /// reports:
    ///   a: {files: [a.xml]}
    ///   b: {files: [b.xml]}
    ///   c: {files: [c.xml]}
    ///   d: {files: [d.xml]}
    ///   e: {files: [e.xml]}
    ///   f: {files: [f.xml]}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make test
    /// reports:
    ///   unit: {files: ['unit/*.xml']}
    ///   integration: {files: ['integration/*.xml']}
    /// ```
    ///
    /// ## References
    /// - CodeBuild quotas ("Number of report groups per project: 5"): <https://docs.aws.amazon.com/codebuild/latest/userguide/limits.html>
    pub static TOO_MANY_REPORT_GROUPS = { code: "BS062", name: "too-many-report-groups", severity: Error };
}

/// BS062.
pub(crate) fn report_groups(cx: &mut Ctx<'_>) {
    let Some(reports) = cx.root.get("reports") else {
        return;
    };
    let entries = reports.entries();
    if entries.len() > 5
        && let Some(sixth) = entries.get(5)
    {
        let mut d = TOO_MANY_REPORT_GROUPS
            .at(
                sixth.key.span,
                format!(
                    "{} report groups; a project may have at most 5",
                    entries.len()
                ),
            )
            .with_help("merge report groups (a group's `files` may list several globs)");
        if let Some(first) = entries.first() {
            d = d.with_label(first.key.span, "report groups start here");
        }
        cx.push(d);
    }
}
