//! GHA061 aws-credentials-in-pull-request.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::admission::skipped_on;
use crate::workflow::expr;
use crate::workflow::model::AuthPath;

declare_rule! {
    /// ## What it does
    /// Warns about a job that gets AWS credentials (`configure-aws-credentials` with a role or
    /// access keys) in runs started by `pull_request`, unless its `if:` keeps it from running on
    /// pull requests (`github.event_name == 'push'`) or guards against forks
    /// (`github.event.pull_request.head.repo.full_name == github.repository`).
    ///
    /// ## Why is this bad?
    /// Runs for pull requests from forks get no secrets and no OIDC token (`id-token` is at most
    /// `none` for them), so the step fails with "Could not load credentials from any providers"
    /// for every outside contributor. Often the job was meant to deploy only after a merge, and
    /// also deploys every pull request's code. The workflow runs, hence a warning; switching to
    /// `pull_request_target` to get credentials is worse (rule GHA060).
    ///
    /// ## Example
    /// ```yaml
    /// on:
    ///   push:
    ///     branches: [main]
    ///   pull_request:
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
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on:
    ///   push:
    ///     branches: [main]
    ///   pull_request:
    ///     branches: [main]
    /// jobs:
    ///   deploy:
    ///     if: github.event_name == 'push'
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
    ///           aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
    ///           aws-region: us-east-1
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Events that trigger workflows, `pull_request` ("secrets are not passed to the runner when
    ///   a workflow is triggered from a forked repository"): <https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request>
    /// - `GITHUB_TOKEN` permissions for pull requests from forks (`id-token` at most `none`): <https://docs.github.com/en/actions/reference/security/github_token>
    code: "GHA061", name: "aws-credentials-in-pull-request", severity: Warning
}

/// Whether a condition guards against forks.
fn fork_guard(text: Option<&str>) -> bool {
    text.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("head.repo.full_name") || t.contains("head.repo.fork") || t.contains("github.repository_owner")
    })
}

/// Credential steps that run on `pull_request`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(event) = cx.model.event("pull_request") else {
        return;
    };
    for job in cx.model.jobs.iter().filter(|j| !j.is_reusable_call()) {
        let Some(step) = job.steps.iter().find(|s| {
            matches!(
                s.auth_path(),
                Some(AuthPath::Oidc | AuthPath::AccessKeys | AuthPath::AssumeWithKeys)
            )
        }) else {
            continue;
        };
        let guarded = fork_guard(job.condition.as_ref().map(|c| c.value.as_str()))
            || fork_guard(step.condition.as_ref().map(|c| c.value.as_str()));
        if guarded || skipped_on(job, step, "pull_request") {
            continue;
        }
        let Some(uses) = &step.uses else { continue };
        let how = if step.auth_path() == Some(AuthPath::Oidc) {
            "an OIDC token"
        } else if step
            .with
            .iter()
            .any(|v| expr::contexts_read(&v.value.value).iter().any(|(r, _)| r == "secrets"))
        {
            "secrets"
        } else {
            "credentials"
        };
        out.push(
            RULE.at(
                uses.text.span,
                format!(
                    "job `{}` gets AWS credentials from {how} in `pull_request` runs, which pull requests from forks do not get",
                    job.id.value
                ),
            )
            .with_label(event.name.span, "runs for every pull request, forks included")
            .with_help("run the job only after a merge (`if: github.event_name == 'push'`), or skip forks (`if: github.event.pull_request.head.repo.full_name == github.repository`)"),
        );
    }
}
