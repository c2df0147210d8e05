//! BS062 too-many-report-groups.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

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
    code: "BS062", name: "too-many-report-groups", severity: Error
}

/// More than 5 report groups.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(reports) = cx.root.get("reports") else {
        return;
    };
    let entries = reports.entries();
    if entries.len() > 5
        && let Some(sixth) = entries.get(5)
    {
        let mut d = RULE
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
        out.push(d);
    }
}
