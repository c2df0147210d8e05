//! GHA002 wrong-workflow-value-type.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value whose shape the workflow syntax does not allow: a job or a step that is
    /// not a mapping, `steps` that is not a list, `with` inputs that are lists or mappings, a
    /// `permissions` block that is neither a word nor a mapping, and so on.
    ///
    /// ## Why is this bad?
    /// GitHub rejects the file before running anything ("Invalid workflow file … A sequence was
    /// not expected"), so no job of the workflow runs. Action inputs are strings: a YAML list
    /// under `with` is an error, not a list the action receives.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/amazon-ecr-login@v2
    ///         with:
    ///           registries:
    ///             - "111111111111"
    ///             - "222222222222"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/amazon-ecr-login@v2
    ///         with:
    ///           registries: "111111111111,222222222222"
    /// ```
    ///
    /// ## References
    /// - Workflow syntax for GitHub Actions: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax>
    /// - `jobs.<job_id>.steps[*].with` ("input parameters … are strings"): <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepswith>
    code: "GHA002", name: "wrong-workflow-value-type", severity: Error
}

/// Reports the wrong shapes the schema walk found.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
