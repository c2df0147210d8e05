//! GHA030 unknown-needs-job.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a job in `needs` that the workflow does not define, and suggests the closest job
    /// id.
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow ("Job 'deploy' depends on unknown job 'buld'"), so nothing
    /// runs.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   build:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: make
    ///   deploy:
    ///     needs: buld
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   build:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: make
    ///   deploy:
    ///     needs: build
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - `jobs.<job_id>.needs`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idneeds>
    code: "GHA030", name: "unknown-needs-job", severity: Error
}

/// `needs` entries naming no job.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = cx.model.jobs.iter().map(|j| j.id.value.as_str()).collect();
    for job in &cx.model.jobs {
        for need in &job.needs {
            let name = need.value.as_str();
            if ids.contains(&name) || crate::workflow::expr::has_expression(name) {
                continue;
            }
            let mut d = RULE.at(
                need.span,
                format!("job `{}` needs `{name}`, which is not a job of this workflow", job.id.value),
            );
            d = match did_you_mean(name, ids.iter().copied().filter(|i| *i != job.id.value)) {
                Some(s) => d
                    .with_help(format!("did you mean `{s}`?"))
                    .with_fix(format!("replace with `{s}`"), need.span, s),
                None => d.with_help(format!("jobs: {}", ids.join(", "))),
            };
            out.push(d);
        }
    }
}
