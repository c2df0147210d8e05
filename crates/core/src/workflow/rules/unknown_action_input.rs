//! GHA050 unknown-action-input.

use super::Cx;
use super::helpers::{aws_steps, short};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Warns about a `with` input that no version of the AWS action declares
    /// (`aws-actions/configure-aws-credentials`, `amazon-ecr-login`,
    /// `amazon-ecs-render-task-definition`, `amazon-ecs-deploy-task-definition`), and suggests
    /// the closest input. Inputs that exist in other versions than the one used are rule GHA052.
    ///
    /// ## Why is this bad?
    /// The runner only warns ("Unexpected input(s) 'role-to-asume', valid inputs are […]") and
    /// the action never sees the value: a misspelt `role-to-assume` means no role is assumed,
    /// and a misspelt `wait-for-service-stability` means the deploy step does not wait. The run
    /// goes on, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: write
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           role-to-asume: arn:aws:iam::123456789012:role/deploy
    ///           aws-region: us-east-1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: write
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
    ///           aws-region: us-east-1
    /// ```
    ///
    /// ## References
    /// - `aws-actions/configure-aws-credentials`, `action.yml` of every release
    /// - `aws-actions/amazon-ecr-login`, `amazon-ecs-render-task-definition` and
    ///   `amazon-ecs-deploy-task-definition`, `action.yml` of every release
    /// - `jobs.<job_id>.steps[*].with`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepswith>
    code: "GHA050", name: "unknown-action-input", severity: Warning
}

/// Inputs no version of the action declares.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for s in aws_steps(cx.model) {
        for input in &s.step.with {
            let name = input.name.value.as_str();
            if s.spec.input(name).is_some() {
                continue;
            }
            let mut d = RULE.at(
                input.name.span,
                format!("`{name}` is not an input of `{}`", short(s.uses)),
            );
            d = match did_you_mean(name, s.spec.inputs.iter().map(|i| i.name)) {
                Some(sug) => d
                    .with_help(format!("did you mean `{sug}`?"))
                    .with_fix(format!("rename to `{sug}`"), input.name.span, sug),
                None => d.with_help(format!(
                    "the runner ignores it; inputs of {}: {}",
                    s.spec.repo,
                    s.spec.inputs.iter().filter(|i| i.removed.is_none()).map(|i| i.name).collect::<Vec<_>>().join(", ")
                )),
            };
            out.push(d);
        }
    }
}
