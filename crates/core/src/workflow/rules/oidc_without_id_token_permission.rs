//! GHA023 oidc-without-id-token-permission.

use super::Cx;
use super::helpers::{TokenGrant, env_credentials, id_token};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::workflow::model::{AuthPath, Level};

declare_rule! {
    /// ## What it does
    /// Reports a `configure-aws-credentials` step that assumes a role through OIDC (it has
    /// `role-to-assume`, and no access keys, `web-identity-token-file`, `role-chaining: true`
    /// or `force-skip-oidc: true`, exactly as the action decides) in a job where
    /// `id-token: write` is not in effect: no `permissions` block at all (the repository's
    /// default never grants it), a block without it, or a job-level block that replaces a
    /// workflow-level block that had it.
    ///
    /// ## Why is this bad?
    /// Without `id-token: write` the runner gets no token endpoint, so the action cannot request
    /// an OIDC token. Version 3 and later log "Did you mean to set the `id-token` permission?"
    /// and fall back to other credentials; on GitHub-hosted runners there are none, and the step
    /// fails with "Credentials could not be loaded, please check your action inputs: Could not
    /// load credentials from any providers". This is the most common OIDC failure. On a
    /// self-hosted runner the action may fall back to the runner's own credentials, hence a
    /// warning there, and in a reusable workflow without a `permissions` block, which inherits
    /// the caller's permissions.
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
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
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
    /// - OpenID Connect, "Adding permissions settings": <https://docs.github.com/en/actions/reference/security/oidc>
    /// - Configuring OpenID Connect in Amazon Web Services: <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    /// - `aws-actions/configure-aws-credentials`, README ("OIDC") and `src/index.ts`
    code: "GHA023", name: "oidc-without-id-token-permission", severity: Error
}

/// OIDC steps in jobs without `id-token: write`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let workflow = cx.model;
    for job in workflow.jobs.iter().filter(|j| !j.is_reusable_call()) {
        let grant = id_token(workflow, job);
        for step in &job.steps {
            if step.auth_path() != Some(AuthPath::Oidc) || env_credentials(workflow, job, step) {
                continue;
            }
            let Some(role) = step.input("role-to-assume") else {
                continue;
            };
            let inherited = matches!(grant, TokenGrant::Default) && workflow.only_called();
            let hosted = job.runs_on.as_ref().is_some_and(|r| r.github_hosted());
            let mut d = match grant {
                TokenGrant::Granted | TokenGrant::Invalid => continue,
                TokenGrant::Default => RULE.at(
                    role.value.span,
                    format!(
                        "job `{}` assumes a role through OIDC, but no `permissions` block grants `id-token: write`",
                        job.id.value
                    ),
                ),
                TokenGrant::Denied(block) => {
                    let d = RULE.at(
                        role.value.span,
                        format!(
                            "job `{}` assumes a role through OIDC, but the permissions in effect do not grant `id-token: write`",
                            job.id.value
                        ),
                    );
                    let replaced = job.permissions.is_some()
                        && workflow
                            .permissions
                            .as_ref()
                            .and_then(|w| w.level("id-token"))
                            == Some(Level::Write);
                    if replaced {
                        let workflow_block = workflow.permissions.as_ref().map_or(block.key, |w| w.key);
                        d.with_label(block.key, "the job's block replaces the workflow's entirely")
                            .with_label(workflow_block, "`id-token: write` is granted here, but not to this job")
                    } else {
                        d.with_label(block.key, "this block does not grant `id-token: write`")
                    }
                }
            };
            d = d.with_help(
                "add `id-token: write` (and `contents: read` to keep checking out code) to the job's or the workflow's `permissions`",
            );
            if matches!(grant, TokenGrant::Default)
                && let Some(jobs_key) = workflow.jobs_key
                && (jobs_key.start == 0 || cx.text.as_bytes().get(jobs_key.start() - 1) == Some(&b'\n'))
            {
                d = d.with_fix(
                    "add `permissions: id-token: write, contents: read`",
                    crate::source::Span::empty(jobs_key.start()),
                    "permissions:\n  id-token: write\n  contents: read\n\n",
                );
            }
            if !hosted || inherited {
                d = d.with_severity(Severity::Warning);
                d.help = Some(if inherited {
                    "this reusable workflow has no `permissions` block, so it gets the caller's: make sure every caller grants `id-token: write`, or declare it here".to_string()
                } else {
                    "on a self-hosted runner the action falls back to the runner's own credentials; to use OIDC, add `id-token: write` to the job's or the workflow's `permissions`".to_string()
                });
            }
            out.push(d);
        }
    }
}
