//! GHA001 unknown-workflow-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a key the workflow syntax does not have at that place (at the top level, in
    /// a push or pull-request event, a job, an environment or a step), and suggests the closest
    /// one.
    ///
    /// ## Why is this bad?
    /// GitHub rejects a workflow with an unexpected key ("Invalid workflow file: Unexpected value
    /// 'runs_on'"), so a misspelt key stops every run of the file. It is a warning rather than an
    /// error because GitHub adds keys over time and the checker's tables may lag behind them.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs_on: ubuntu-latest
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
    /// - GitHub's workflow parser schema (`actions/languageservices`, `workflow-v1.0.json`)
    code: "GHA001", name: "unknown-workflow-key", severity: Warning
}

/// Reports the keys the schema walk did not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
