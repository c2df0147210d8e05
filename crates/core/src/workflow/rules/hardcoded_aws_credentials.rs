//! GHA056 hardcoded-aws-credentials.

use super::Cx;
use crate::buildspec::rules::helpers::find_access_key;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::expr;
use crate::workflow::model::Var;

declare_rule! {
    /// ## What it does
    /// Warns about AWS credentials written into the workflow: an access key ID (`AKIA…`,
    /// `ASIA…`) in any `with` input or `env` variable, or a literal value for
    /// `aws-secret-access-key`, `aws-session-token` or an `AWS_SECRET_ACCESS_KEY` variable.
    ///
    /// ## Why is this bad?
    /// The workflow file is in the repository: everyone who can read it, and its history, has
    /// the key. Rotate the key, then use OpenID Connect (or at least a repository secret).
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           aws-access-key-id: AKIAIOSFODNN7EXAMPLE
    ///           aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
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
    /// - IAM access key ID format: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids>
    /// - Using secrets in GitHub Actions: <https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets>
    code: "GHA056", name: "hardcoded-aws-credentials", severity: Warning
}

const SECRETS: &[&str] = &[
    "aws-secret-access-key",
    "aws-session-token",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
];

fn check_vars(vars: &[Var], out: &mut Vec<Diagnostic>) {
    for var in vars {
        let value = var.value.value.trim();
        if let Some(key) = find_access_key(value) {
            out.push(
                RULE.at(var.value.span, format!("`{}` holds what looks like an AWS access key ID (`{key}`)", var.name.value))
                    .with_help("rotate this key now; then use OpenID Connect (`role-to-assume` with `id-token: write`), or at least a repository secret"),
            );
        } else if SECRETS.iter().any(|s| s.eq_ignore_ascii_case(&var.name.value))
            && !value.is_empty()
            && !expr::has_expression(value)
        {
            out.push(
                RULE.at(var.value.span, format!("`{}` is written into the workflow", var.name.value))
                    .with_help("rotate this credential now; then use OpenID Connect, or at least `${{ secrets.… }}`"),
            );
        }
    }
}

/// Credentials written as literals.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    check_vars(&cx.model.env, out);
    for job in &cx.model.jobs {
        check_vars(&job.env, out);
        for step in &job.steps {
            check_vars(&step.with, out);
            check_vars(&step.env, out);
        }
    }
}
