//! GHA051 missing-action-input.

use super::Cx;
use super::helpers::{aws_steps, short};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a required input of an AWS action that the step does not give, or gives empty:
    /// `aws-region` of `configure-aws-credentials` (and the access keys before 1.2.0),
    /// `container-name` and `image` of `amazon-ecs-render-task-definition` (and
    /// `task-definition` before 1.5.0), `task-definition` of `amazon-ecs-deploy-task-definition`.
    ///
    /// ## Why is this bad?
    /// The action stops at once with "Input required and not supplied: aws-region", failing the
    /// job. A value from an expression (`${{ env.AWS_REGION }}`) counts as given.
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
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
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
    /// - `aws-actions/configure-aws-credentials`, `action.yml` (`aws-region`, `required: true`)
    /// - `aws-actions/amazon-ecs-render-task-definition` and
    ///   `amazon-ecs-deploy-task-definition`, `action.yml` of every release
    /// - `@actions/core` `getInput(name, { required: true })`
    code: "GHA051", name: "missing-action-input", severity: Error
}

/// Required inputs the step does not give.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for s in aws_steps(cx.model) {
        // Keys the step gives through `env: INPUT_…` are not inputs; a step without `with`
        // whose mapping was cut short by a syntax error is left alone.
        for spec in s.spec.inputs.iter().filter(|i| s.spec.requires(s.resolved, i)) {
            if s.step.input_value(spec.name).is_some() {
                continue;
            }
            let given_empty = s.step.input(spec.name);
            let span = given_empty.map_or(s.step.with_key.unwrap_or(s.uses.text.span), |v| v.value.span);
            let message = if given_empty.is_some() {
                format!("`{}` of `{}` is empty, but the action requires it", spec.name, short(s.uses))
            } else {
                format!("`{}` needs the input `{}`", short(s.uses), spec.name)
            };
            let help = if given_empty.is_some() {
                format!("give `{}` a value; the action fails with \"Input required and not supplied: {}\"", spec.name, spec.name)
            } else {
                format!("add `{}:` under `with`; the action fails with \"Input required and not supplied: {}\"", spec.name, spec.name)
            };
            out.push(RULE.at(span, message).with_help(help));
        }
    }
}
