//! BS055 compute-type-with-fleet.

use crate::declare_rule;
use super::Cx;
use super::helpers::batch_tasks;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a batch task whose `env` sets both `compute-type` and `fleet`.
    ///
    /// ## Why is this bad?
    /// A task runs either on on-demand compute of a type or on a reserved-capacity fleet; the
    /// batch build reference says the two must not appear together.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: big
    ///       env:
    ///         compute-type: BUILD_GENERAL1_LARGE
    ///         fleet: my-fleet
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: big
    ///       env:
    ///         fleet: my-fleet
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference, `env`: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    code: "BS055", name: "compute-type-with-fleet", severity: Error
}

/// Batch tasks that set both `compute-type` and `fleet`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for list in ["build-graph", "build-list"] {
        for task in batch_tasks(cx, list) {
            if let Some(env) = task.get("env")
                && let (Some(ct), Some(fleet)) = (env.entry("compute-type"), env.entry("fleet"))
            {
                out.push(
                    RULE.at(fleet.key.span, "a batch task cannot set both `compute-type` and `fleet`")
                        .with_label(ct.key.span, "`compute-type` set here")
                        .with_help("keep `fleet` to run on reserved capacity, or `compute-type` for on-demand compute"),
                );
            }
        }
    }
}
