//! GHA053 deprecated-action-runtime.

use super::Cx;
use super::helpers::{aws_steps, short};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::workflow::actions::{Node, show};

declare_rule! {
    /// ## What it does
    /// Warns about an AWS action version that runs on a Node.js runtime GitHub has retired:
    /// `node12` (`configure-aws-credentials@v1`, early `amazon-ecr-login`, ECS actions before
    /// 1.1.2/1.4.10) or `node16` (`configure-aws-credentials@v2`, `@v3`, `@v1-node16`,
    /// `amazon-ecr-login@v1`). Versions on `node20` (`configure-aws-credentials@v4`, `@v5`,
    /// `amazon-ecs-deploy-task-definition@v1`) get an info: GitHub has deprecated Node 20 in
    /// favour of Node 24 (the dates of the switch are unconfirmed).
    ///
    /// ## Why is this bad?
    /// GitHub runs actions declaring a retired runtime on a newer Node.js and warns on every run;
    /// such versions get no fixes, and actionlint reports `configure-aws-credentials` v1–v3 as
    /// outdated. The step still runs, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/amazon-ecr-login@v1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/amazon-ecr-login@v2
    /// ```
    ///
    /// ## References
    /// - GitHub changelog, "Transitioning from Node 16 to Node 20": <https://github.blog/changelog/2023-09-22-github-actions-transitioning-from-node-16-to-node-20/>
    /// - The actions' `action.yml` (`runs.using`) per release
    /// - actionlint, `detect-outdated-popular-actions`
    code: "GHA053", name: "deprecated-action-runtime", severity: Warning
}

/// Versions on retired or deprecated runtimes.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for s in aws_steps(cx.model) {
        let Some(node) = s.spec.node(s.resolved) else { continue };
        if node == Node::Node24 {
            continue;
        }
        let newest = s.spec.newest();
        let upgrade = format!("use `{}@v{}` ({}, {})", s.spec.repo, newest.0, show(newest), Node::Node24.name());
        let d = RULE.at(
            s.uses.text.span,
            format!("`{}` runs on {}, which GitHub {}", short(s.uses), node.name(), if node == Node::Node20 { "has deprecated" } else { "has retired" }),
        )
        .with_help(upgrade);
        out.push(if node == Node::Node20 { d.with_severity(Severity::Info) } else { d });
    }
}
