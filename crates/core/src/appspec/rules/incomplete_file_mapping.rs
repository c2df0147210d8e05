//! AS022 incomplete-file-mapping.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `files` entry without `source` or without `destination`.
    ///
    /// ## Why is this bad?
    /// Each entry copies one `source` of the revision to one `destination` on the instance; the
    /// agent fails the deployment when either is missing ("specifies only a source file").
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `file_info.rb`
    code: "AS022", name: "incomplete-file-mapping", severity: Error
}

/// Reports the `source` or `destination` the schema walk found missing.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
