//! GHA004 invalid-job-id.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a job id that does not start with a letter or `_`, or holds characters other than
    /// letters, digits, `-` and `_`.
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow: "The identifier 'deploy.prod' is invalid. IDs may only
    /// contain alphanumeric characters, '_', and '-'. IDs must start with a letter or '_'".
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy.prod:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy-prod:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - `jobs.<job_id>`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_id>
    code: "GHA004", name: "invalid-job-id", severity: Error
}

/// Whether a job id is valid.
pub(crate) fn valid(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Job ids outside the allowed characters.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        if !valid(&job.id.value) {
            let fixed: String = job
                .id
                .value
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
                .collect();
            let fixed = if fixed.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                fixed
            } else {
                format!("_{fixed}")
            };
            out.push(
                RULE.at(job.id.span, format!("`{}` is not a valid job id", job.id.value))
                    .with_help(format!(
                        "a job id starts with a letter or `_` and holds only letters, digits, `-` and `_`, such as `{fixed}` (and update the `needs` that name it)"
                    )),
            );
        }
    }
}
