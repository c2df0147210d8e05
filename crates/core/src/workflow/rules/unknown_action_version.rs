//! GHA054 unknown-action-version.

use super::Cx;
use super::helpers::{aws_steps, short};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::actions::{Resolved, show};

declare_rule! {
    /// ## What it does
    /// Warns about a version of an AWS action that has no release: a major past the newest
    /// (`configure-aws-credentials@v7`), or a version number whose major does not exist.
    ///
    /// ## Why is this bad?
    /// GitHub fails the job before any step runs: "Unable to resolve action
    /// `aws-actions/configure-aws-credentials@v7`, unable to find version `v7`". It is a warning
    /// because the checker's list of releases (August 2026) may be older than the action.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/amazon-ecs-render-task-definition@v2
    ///         with:
    ///           task-definition: task-definition.json
    ///           container-name: app
    ///           image: nginx
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/amazon-ecs-render-task-definition@v1
    ///         with:
    ///           task-definition: task-definition.json
    ///           container-name: app
    ///           image: nginx
    /// ```
    ///
    /// ## References
    /// - The actions' tags on GitHub (`aws-actions/configure-aws-credentials`,
    ///   `amazon-ecr-login`, `amazon-ecs-render-task-definition`,
    ///   `amazon-ecs-deploy-task-definition`)
    code: "GHA054", name: "unknown-action-version", severity: Warning
}

/// Refs of unknown majors.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for s in aws_steps(cx.model) {
        if s.resolved != Resolved::UnknownMajor {
            continue;
        }
        let newest = s.spec.newest();
        let majors: Vec<&str> = s.spec.majors.iter().map(|m| m.tag).collect();
        out.push(
            RULE.at(s.uses.text.span, format!("`{}` names a version the action does not have", short(s.uses)))
                .with_help(format!(
                    "its major tags are {}; the newest release is {}",
                    majors.join(", "),
                    show(newest)
                )),
        );
    }
}
