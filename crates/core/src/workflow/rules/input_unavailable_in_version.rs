//! GHA052 input-unavailable-in-version.

use super::Cx;
use super::helpers::{aws_steps, short};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::actions::show;

declare_rule! {
    /// ## What it does
    /// Warns about an input of an AWS action that exists, but not in the version the step runs:
    /// added later (`role-chaining` needs `configure-aws-credentials` 2.1.0, `aws-profile`
    /// 6.1.0, `codedeploy-deployment-config` needs `amazon-ecs-deploy-task-definition` 1.6.0,
    /// which `@v1` does not point at), or removed (`registry-ids` of `amazon-ecr-login`, renamed
    /// `registries` in 1.0.1). A major tag (`@v4`) is read as the release it points at.
    ///
    /// ## Why is this bad?
    /// The runner warns "Unexpected input(s)" and the action never sees the value, so the step
    /// silently behaves as if the input were not there: no role chaining, no deployment
    /// configuration, no profile. The run goes on, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v1
    ///         with:
    ///           aws-region: us-east-1
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
    ///           role-chaining: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           aws-region: us-east-1
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
    ///           role-chaining: true
    /// ```
    ///
    /// ## References
    /// - `aws-actions/configure-aws-credentials`, tags and `action.yml` history, CHANGELOG
    /// - `aws-actions/amazon-ecr-login`, `amazon-ecs-render-task-definition`,
    ///   `amazon-ecs-deploy-task-definition`: tags and `action.yml` history
    code: "GHA052", name: "input-unavailable-in-version", severity: Warning
}

/// Inputs the resolved version does not declare.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for s in aws_steps(cx.model) {
        let Some(version) = s.spec.version(s.resolved) else { continue };
        for input in &s.step.with {
            let Some(spec) = s.spec.input(&input.name.value) else { continue };
            if s.spec.declares(s.resolved, spec) != Some(false) {
                continue;
            }
            let runs = format!("`{}` runs {}", short(s.uses), show(version));
            let d = match spec.removed {
                Some(removed) if version >= removed => {
                    let d = RULE.at(
                        input.name.span,
                        format!("`{}` was removed in {} ({runs})", spec.name, show(removed)),
                    );
                    match spec.replaced_by {
                        Some(new) => d
                            .with_help(format!("it was renamed `{new}`"))
                            .with_fix(format!("rename to `{new}`"), input.name.span, new),
                        None => d.with_help("remove it; the action ignores it"),
                    }
                }
                _ => RULE
                    .at(
                        input.name.span,
                        format!("`{}` exists only from {} on ({runs})", spec.name, show(spec.since)),
                    )
                    .with_help(match s.spec.majors.iter().find(|m| !m.tag.contains('-') && m.resolves >= spec.since) {
                        Some(m) => format!("the action ignores it; use `{}@{}` (or later) for this input", s.spec.repo, m.tag),
                        None => format!("the action ignores it; pin `{}@v{}` for this input", s.spec.repo, show(spec.since)),
                    }),
            };
            out.push(d);
        }
    }
}
