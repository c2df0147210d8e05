//! BS054 batch-dependency-cycle.

use crate::declare_rule;
use std::collections::HashMap;

use super::Cx;
use super::helpers::{batch_tasks, graph};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports `depend-on` entries that form a cycle (a task that, through its dependencies,
    /// waits for itself).
    ///
    /// ## Why is this bad?
    /// No task of the cycle can ever start, so the batch never finishes.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-graph:
    ///     - identifier: a
    ///       depend-on: [b]
    ///     - identifier: b
    ///       depend-on: [a]
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
    ///     - identifier: a
    ///     - identifier: b
    ///       depend-on: [a]
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference, `depend-on`: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    code: "BS054", name: "batch-dependency-cycle", severity: Error
}

/// Cycles in the build graph, each reported once at the edge that closes it (an iterative
/// depth-first search).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let graph = graph(batch_tasks(cx, "build-graph"));
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on the stack, 2 = done
    for &start in &graph.ids {
        if state.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        let mut path: Vec<&str> = vec![start];
        state.insert(start, 1);
        while let Some((node, next)) = stack.last().copied() {
            let edges = graph.edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&(dep, span)) = edges.get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match state.get(dep) {
                    Some(1) => {
                        let from = path.iter().position(|p| *p == dep).unwrap_or(0);
                        let mut cycle: Vec<&str> = path.get(from..).unwrap_or(&[]).to_vec();
                        cycle.push(dep);
                        out.push(
                            RULE.at(span, format!("dependency cycle: {}", cycle.join(" → ")))
                                .with_help("no task of a cycle can start; remove one of these dependencies"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        state.insert(dep, 1);
                        stack.push((dep, 0));
                        path.push(dep);
                    }
                }
            } else {
                state.insert(node, 2);
                stack.pop();
                path.pop();
            }
        }
    }
}
