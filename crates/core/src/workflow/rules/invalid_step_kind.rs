//! GHA040 invalid-step-kind.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a step that has both `uses` and `run`, or neither (nor one of the background-step
    /// keys `wait`, `wait-all`, `cancel`, `parallel`).
    ///
    /// ## Why is this bad?
    /// A step either runs an action (`uses`) or a shell command (`run`). GitHub rejects a step
    /// with both, and a step with neither does nothing it can run. A common cause is a `- `
    /// before `with:` or `run:`, which starts a new step.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout@v4
    ///         run: ./deploy.sh
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
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - `jobs.<job_id>.steps[*].uses` and `.run`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsuses>
    code: "GHA040", name: "invalid-step-kind", severity: Error
}

/// Steps with both `uses` and `run`, or neither.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let jobs = cx.root.get("jobs").map(|j| j.entries()).unwrap_or_default();
    for job_pair in jobs {
        let Some(steps) = job_pair.value.get("steps") else {
            continue;
        };
        for (i, step) in steps.items().iter().enumerate() {
            if step.map().is_none() {
                continue;
            }
            let uses = step.entry("uses");
            let run = step.entry("run");
            let other = ["wait", "wait-all", "cancel", "parallel"]
                .iter()
                .any(|k| step.get(k).is_some());
            match (uses, run) {
                (Some(u), Some(r)) => out.push(
                    RULE.at(r.key.span, format!("step {} has both `uses` and `run`", i + 1))
                        .with_label(u.key.span, "`uses` is here")
                        .with_help("split it into two steps: one `- uses:` and one `- run:`"),
                ),
                (None, None) if !other && step.map().is_some_and(|m| m.complete) => {
                    let anchor = step.entries().first().map_or(step.span, |p| p.key.span);
                    out.push(
                        RULE.at(anchor, format!("step {} has neither `uses` nor `run`", i + 1))
                            .with_help("a step runs an action (`uses`) or a command (`run`); a `- ` in front of `with:` or `env:` starts a new step"),
                    );
                }
                _ => {}
            }
        }
    }
}
