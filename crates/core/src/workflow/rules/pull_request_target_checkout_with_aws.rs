//! GHA060 pull-request-target-checkout-with-aws.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a job of a workflow triggered by `pull_request_target` that both gets AWS
    /// credentials (`configure-aws-credentials`) and checks out the pull request's code
    /// (`actions/checkout` with a `ref` or `repository` taken from the pull request's head:
    /// `github.event.pull_request.head.sha`, `.head.ref`, `github.head_ref`, `refs/pull/…`).
    ///
    /// ## Why is this bad?
    /// `pull_request_target` runs in the context of the base repository — with its secrets and,
    /// with `id-token: write`, an OIDC token — even for pull requests from forks. Checking out the
    /// fork's code and building or running it hands AWS credentials to anyone who opens a pull
    /// request (a "pwn request"). Newer `actions/checkout` releases refuse this unless told
    /// `allow-unsafe-pr-checkout: true`.
    ///
    /// ## Example
    /// ```yaml
    /// on: pull_request_target
    /// permissions:
    ///   id-token: write
    ///   contents: read
    /// jobs:
    ///   preview:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout@v4
    ///         with:
    ///           ref: ${{ github.event.pull_request.head.sha }}
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           role-to-assume: arn:aws:iam::123456789012:role/preview
    ///           aws-region: us-east-1
    ///       - run: npm ci && npm run deploy-preview
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: pull_request
    /// permissions:
    ///   id-token: write
    ///   contents: read
    /// jobs:
    ///   preview:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout@v4
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           role-to-assume: arn:aws:iam::123456789012:role/preview
    ///           aws-region: us-east-1
    ///       - run: npm ci && npm run deploy-preview
    /// ```
    ///
    /// ## References
    /// - Securely using `pull_request_target`: <https://docs.github.com/en/actions/reference/security/securely-using-pull_request_target>
    /// - GitHub Security Lab, "Preventing pwn requests": <https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/>
    code: "GHA060", name: "pull-request-target-checkout-with-aws", severity: Error
}

/// Whether a checkout input names the pull request's head.
fn names_head(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    v.contains("pull_request.head.") || v.contains("github.head_ref") || v.contains("refs/pull/") || v.contains("merge_commit_sha")
}

/// `pull_request_target` jobs that check out the head and get AWS credentials.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(event) = cx.model.event("pull_request_target") else {
        return;
    };
    for job in &cx.model.jobs {
        let Some(aws) = job.steps.iter().find(|s| s.configures_aws()) else {
            continue;
        };
        let head = job.steps.iter().find_map(|s| {
            if !s.uses.as_ref().is_some_and(|u| u.is("actions/checkout")) {
                return None;
            }
            ["ref", "repository"]
                .iter()
                .filter_map(|k| s.input(k))
                .find(|v| names_head(&v.value.value))
        });
        let Some(head) = head else { continue };
        let aws_span = aws.uses.as_ref().map_or(aws.span, |u| u.text.span);
        out.push(
            RULE.at(
                head.value.span,
                format!(
                    "job `{}` checks out the pull request's code in a `pull_request_target` run that gets AWS credentials",
                    job.id.value
                ),
            )
            .with_label(aws_span, "AWS credentials are configured here")
            .with_label(event.name.span, "`pull_request_target` runs with the base repository's secrets and token, even for forks")
            .with_help("run untrusted code under `pull_request` (forks get no secrets and no OIDC token), and deploy only from trusted events"),
        );
    }
}
