//! GHA041 malformed-uses.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::model::{Target, parse_uses};

declare_rule! {
    /// ## What it does
    /// Reports a `uses` that is not a valid reference: for a step, `owner/repo@ref`,
    /// `owner/repo/path@ref`, `./path` or `docker://image`; for a job, a reusable workflow
    /// `owner/repo/.github/workflows/FILE.yml@ref` or `./.github/workflows/FILE.yml` (no `@ref`).
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow ("Expected format {org}/{repo}[/path]@ref"). Without a ref
    /// (`aws-actions/configure-aws-credentials` alone) nothing says which version to run.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout@v4
    /// ```
    ///
    /// ## References
    /// - `jobs.<job_id>.steps[*].uses`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsuses>
    /// - `jobs.<job_id>.uses` (reusable workflows): <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_iduses>
    code: "GHA041", name: "malformed-uses", severity: Error
}

/// `uses` values that are not valid references.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        if let Some(uses) = &job.uses
            && let Target::Malformed(why) = parse_uses(&uses.value, true)
        {
            out.push(
                RULE.at(uses.span, format!("`{}` is not a reusable workflow reference", uses.value))
                    .with_help(why),
            );
        }
        for step in &job.steps {
            let Some(uses) = &step.uses else { continue };
            if let Target::Malformed(why) = uses.target {
                out.push(
                    RULE.at(uses.text.span, format!("`{}` is not a valid `uses` reference", uses.text.value))
                        .with_help(why),
                );
            }
        }
    }
}
