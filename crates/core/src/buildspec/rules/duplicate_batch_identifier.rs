//! BS052 duplicate-batch-identifier.

use crate::declare_rule;
use std::collections::HashMap;

use super::Cx;
use super::helpers::batch_tasks;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports two batch tasks with the same `identifier`, with a label on the first.
    ///
    /// ## Why is this bad?
    /// Identifiers name the builds of a batch; `depend-on` could not tell the two apart.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: test
    ///     - identifier: test
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
    ///     - identifier: test_unit
    ///     - identifier: test_integration
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    code: "BS052", name: "duplicate-batch-identifier", severity: Error
}

/// Two tasks of a batch list with one identifier.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for list in ["build-graph", "build-list"] {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for task in batch_tasks(cx, list) {
            let Some(id) = task.get("identifier") else {
                continue;
            };
            let Some(name) = id.as_str() else { continue };
            if let Some(first) = seen.get(name) {
                out.push(
                    RULE.at(id.span, format!("duplicate batch identifier `{name}`"))
                        .with_label(*first, format!("`{name}` first used here"))
                        .with_help("give every task of the batch its own identifier"),
                );
            } else {
                seen.insert(name, id.span);
            }
        }
    }
}
