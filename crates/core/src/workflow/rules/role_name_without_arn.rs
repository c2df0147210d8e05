//! GHA057 role-name-without-arn.

use super::Cx;
use super::helpers::env_credentials;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::expr;
use crate::workflow::model::AuthPath;

declare_rule! {
    /// ## What it does
    /// Reports a `configure-aws-credentials` step on the OIDC path whose `role-to-assume` is a
    /// bare role name (`deploy`) instead of a role ARN.
    ///
    /// ## Why is this bad?
    /// The action expands a role name into an ARN with the account of the credentials it already
    /// has; on the OIDC path it has none, and it fails with "Source Account ID is needed if the
    /// Role Name is provided and not the Role Arn".
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
    ///           role-to-assume: github-deploy
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
    ///           role-to-assume: arn:aws:iam::123456789012:role/github-deploy
    ///           aws-region: us-east-1
    /// ```
    ///
    /// ## References
    /// - `aws-actions/configure-aws-credentials`, `src/assumeRole.ts` (role name expansion)
    code: "GHA057", name: "role-name-without-arn", severity: Error
}

/// Bare role names on the OIDC path.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        for step in &job.steps {
            if step.auth_path() != Some(AuthPath::Oidc) || env_credentials(cx.model, job, step) {
                continue;
            }
            let Some(role) = step.input("role-to-assume") else { continue };
            let value = role.value.value.trim();
            if value.is_empty() || value.starts_with("arn:") || expr::has_expression(value) {
                continue;
            }
            out.push(
                RULE.at(role.value.span, format!("`{value}` is a role name, but assuming a role through OIDC needs its ARN"))
                    .with_help(format!("write the full ARN: `arn:aws:iam::ACCOUNT_ID:role/{value}`")),
            );
        }
    }
}
