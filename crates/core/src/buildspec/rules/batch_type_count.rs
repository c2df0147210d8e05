//! BS050 batch-type-count.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when `batch` has none, or more than one, of `build-graph`, `build-list`,
    /// `build-matrix` and `build-fanout`.
    ///
    /// ## Why is this bad?
    /// The reference presents the four batch types as alternatives: a batch runs one of them.
    /// With none there is nothing to run; with several it is not documented which one CodeBuild
    /// uses, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: linux
    ///   build-fanout:
    ///     parallelism: 4
    /// phases:
    ///   build:
    ///     commands:
    ///       - make test
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-fanout:
    ///     parallelism: 4
    /// phases:
    ///   build:
    ///     commands:
    ///       - make test
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    code: "BS050", name: "batch-type-count", severity: Warning
}

/// A batch that defines no build type, or several.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(pair) = cx.root.entry("batch") else {
        return;
    };
    let batch = &pair.value;
    let Some(map) = batch.map() else {
        return;
    };
    let types: Vec<&str> = ["build-graph", "build-list", "build-matrix", "build-fanout"]
        .into_iter()
        .filter(|t| batch.get(t).is_some())
        .collect();
    if map.complete && types.len() != 1 {
        let message = if types.is_empty() {
            "`batch` defines no build: add one of build-graph, build-list, build-matrix or build-fanout".to_string()
        } else {
            format!(
                "`batch` defines {} build types ({}); a batch runs one",
                types.len(),
                types.join(", ")
            )
        };
        out.push(RULE.at(pair.key.span, message).with_help(
            "keep exactly one of build-graph, build-list, build-matrix and build-fanout",
        ));
    }
}
