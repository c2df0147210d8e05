//! GHA042 duplicate-step-id.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a step `id` used twice in one job.
    ///
    /// ## Why is this bad?
    /// Step ids name `steps.<id>.outputs` and must be unique within a job; GitHub rejects the
    /// workflow ("The identifier 'login' may not be used more than once within the same scope").
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - id: build
    ///         run: make
    ///       - id: build
    ///         run: make image
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - id: build
    ///         run: make
    ///       - id: image
    ///         run: make image
    /// ```
    ///
    /// ## References
    /// - `jobs.<job_id>.steps[*].id`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsid>
    code: "GHA042", name: "duplicate-step-id", severity: Error
}

/// Step ids repeated within a job (ids compare ignoring case, as GitHub's do).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        for (i, step) in job.steps.iter().enumerate() {
            let Some(id) = &step.id else { continue };
            if crate::workflow::expr::has_expression(&id.value) {
                continue;
            }
            let first = job.steps.iter().take(i).filter_map(|s| s.id.as_ref()).find(|f| f.value.eq_ignore_ascii_case(&id.value));
            if let Some(first) = first {
                out.push(
                    RULE.at(id.span, format!("step id `{}` is used twice in job `{}`", id.value, job.id.value))
                        .with_label(first.span, "first used here")
                        .with_help("give each step of a job its own id"),
                );
            }
        }
    }
}
