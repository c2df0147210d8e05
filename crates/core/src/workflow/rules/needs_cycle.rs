//! GHA031 needs-cycle.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports jobs whose `needs` form a cycle (a job that needs itself, or `a` needs `b` needs
    /// `a`).
    ///
    /// ## Why is this bad?
    /// No job of a cycle can start first; GitHub rejects the workflow.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   build:
    ///     needs: deploy
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
    code: "GHA031", name: "needs-cycle", severity: Error
}

/// One report per cycle, at the `needs` entry that closes it in the first job of the cycle.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let jobs = &cx.model.jobs;
    let index = |id: &str| jobs.iter().position(|j| j.id.value == id);
    // Depth-first search with colours: 0 unseen, 1 on the current path, 2 done.
    let mut colour = vec![0u8; jobs.len()];
    let mut reported: Vec<Vec<usize>> = Vec::new();
    for start in 0..jobs.len() {
        if colour.get(start) != Some(&0) {
            continue;
        }
        // (job, next needs entry to follow)
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        if let Some(c) = colour.get_mut(start) {
            *c = 1;
        }
        while let Some(&mut (job, ref mut next)) = stack.last_mut() {
            let Some(need) = jobs.get(job).and_then(|j| j.needs.get(*next)) else {
                if let Some(c) = colour.get_mut(job) {
                    *c = 2;
                }
                stack.pop();
                continue;
            };
            *next += 1;
            let Some(target) = index(&need.value) else { continue };
            match colour.get(target) {
                Some(0) => {
                    if let Some(c) = colour.get_mut(target) {
                        *c = 1;
                    }
                    stack.push((target, 0));
                }
                Some(1) => {
                    let from = stack.iter().position(|(j, _)| *j == target).unwrap_or(0);
                    let mut cycle: Vec<usize> = stack.iter().skip(from).map(|(j, _)| *j).collect();
                    let mut key = cycle.clone();
                    key.sort_unstable();
                    if reported.contains(&key) {
                        continue;
                    }
                    reported.push(key);
                    cycle.push(target);
                    let names: Vec<String> = cycle
                        .iter()
                        .filter_map(|j| jobs.get(*j))
                        .map(|j| format!("`{}`", j.id.value))
                        .collect();
                    out.push(
                        RULE.at(need.span, format!("the jobs' `needs` form a cycle: {}", names.join(" → ")))
                            .with_help("remove one of these `needs` so that some job can start first"),
                    );
                }
                _ => {}
            }
        }
    }
}
