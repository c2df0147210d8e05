//! GHA003 missing-workflow-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a required key that is missing or empty: `on` and `jobs` at the top level,
    /// `runs-on` and `steps` in a job, `uses` in a job that calls a reusable workflow, `name` in
    /// an `environment` mapping, `cron` in a schedule.
    ///
    /// ## Why is this bad?
    /// GitHub rejects the file ("Required property is missing: runs-on"), so no job runs.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Workflow syntax for GitHub Actions: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax>
    code: "GHA003", name: "missing-workflow-key", severity: Error
}

/// Reports the required keys the schema walk did not find.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
