//! GHA055 long-lived-aws-keys.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::expr;
use crate::workflow::model::{Text, Var};

declare_rule! {
    /// ## What it does
    /// Warns about long-lived AWS access keys read from repository secrets: the
    /// `aws-access-key-id` input of `configure-aws-credentials`, or an `AWS_ACCESS_KEY_ID`
    /// variable in the workflow's, a job's or a step's `env`, set from `secrets`.
    ///
    /// ## Why is this bad?
    /// An IAM user's access keys do not expire: whoever reads the secret (a compromised
    /// dependency, a workflow change in a pull request run with secrets, a leaked log) keeps AWS
    /// access until someone rotates them. With OpenID Connect each job gets credentials that
    /// expire within the hour, scoped by the role's trust policy to this repository, branch or
    /// environment, and there is no secret to leak. GitHub and AWS both recommend OIDC for
    /// GitHub-hosted runners. The keys still work, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// on:
    ///   push:
    ///     branches: [main]
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
    ///           aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
    ///           aws-region: us-east-1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on:
    ///   push:
    ///     branches: [main]
    /// permissions:
    ///   id-token: write
    ///   contents: read
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
    /// - Configuring OpenID Connect in Amazon Web Services: <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    /// - IAM best practices, "Require workloads to use temporary credentials": <https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html>
    /// - `aws-actions/configure-aws-credentials` README ("We recommend using GitHub's OIDC
    ///   provider")
    code: "GHA055", name: "long-lived-aws-keys", severity: Warning
}

const HELP: &str = "use OpenID Connect instead: create an IAM role that trusts `token.actions.githubusercontent.com` for this repository, pass it as `role-to-assume`, drop the access keys and add `permissions: id-token: write` (with `contents: read`)";

fn secret_name(value: &Text) -> Option<String> {
    expr::contexts_read(&value.value)
        .into_iter()
        .find(|(root, _)| root == "secrets")
        .map(|(_, names)| names.first().cloned().unwrap_or_default())
}

fn env_keys<'a>(vars: &'a [Var], out: &mut Vec<&'a Var>) {
    out.extend(vars.iter().filter(|v| v.name.value == "AWS_ACCESS_KEY_ID"));
}

/// Access keys from secrets.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let workflow = cx.model;
    let mut vars: Vec<&Var> = Vec::new();
    env_keys(&workflow.env, &mut vars);
    for job in &workflow.jobs {
        env_keys(&job.env, &mut vars);
        for step in &job.steps {
            env_keys(&step.env, &mut vars);
            if step.configures_aws()
                && let Some(key) = step.input("aws-access-key-id")
                && let Some(secret) = secret_name(&key.value)
            {
                out.push(
                    RULE.at(
                        key.value.span,
                        format!("{} uses the long-lived access key in secret `{secret}`", step.label()),
                    )
                    .with_help(HELP),
                );
            }
        }
    }
    for var in vars {
        if let Some(secret) = secret_name(&var.value) {
            out.push(
                RULE.at(
                    var.value.span,
                    format!("`AWS_ACCESS_KEY_ID` comes from the long-lived access key in secret `{secret}`"),
                )
                .with_help(HELP),
            );
        }
    }
}
