//! BS053 unknown-batch-dependency.

use crate::declare_rule;
use super::Cx;
use super::helpers::{batch_tasks, graph};
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a `depend-on` entry naming no task of the `build-graph`.
    ///
    /// ## Why is this bad?
    /// The task waits for a build that does not exist, so the batch cannot be scheduled.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-graph:
    ///     - identifier: build
    ///     - identifier: deploy
    ///       depend-on:
    ///         - biuld
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
    ///   build-graph:
    ///     - identifier: build
    ///     - identifier: deploy
    ///       depend-on:
    ///         - build
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference, `depend-on`: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    code: "BS053", name: "unknown-batch-dependency", severity: Error
}

/// `depend-on` items naming no task of the build graph.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let graph = graph(batch_tasks(cx, "build-graph"));
    for (name, span) in &graph.unknown {
        let mut d = RULE.at(
            *span,
            format!("`{name}` is not the identifier of a task in build-graph"),
        );
        if let Some(s) = did_you_mean(name, graph.ids.iter().copied()) {
            d = d
                .with_help(format!("did you mean `{s}`?"))
                .with_rewrite(format!("replace with `{s}`"), cx.text, *span, s);
        } else {
            d = d.with_help(format!("identifiers in this graph: {}", graph.ids.join(", ")));
        }
        out.push(d);
    }
}
