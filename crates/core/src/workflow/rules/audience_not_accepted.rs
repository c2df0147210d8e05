//! GHA082 audience-not-accepted.

use crate::declare_rule;
use crate::related::{Related, RelatedCx};
use crate::workflow::admission::RowDecision;

declare_rule! {
    /// ## What it does
    /// Relates a workflow to the trust policy of the role it assumes (in a workspace or a folder
    /// holding both, with exactly one policy trusting GitHub) and reports a job step whose
    /// token audience — the `audience` input of `configure-aws-credentials`, by default
    /// `sts.amazonaws.com` — fails the policy's `aud` condition.
    ///
    /// ## Why is this bad?
    /// STS refuses the token ("Incorrect token audience", or "Not authorized to perform
    /// sts:AssumeRoleWithWebIdentity" when the provider accepts it but the policy does not). The
    /// China partitions use `sts.amazonaws.com.cn`; a policy copied from another tool may expect
    /// `sigstore` or a URL.
    ///
    /// ## Example
    /// ```yaml .github/workflows/deploy.yml
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
    ///           audience: https://github.com/octo-org
    /// ```
    /// ```json trust-policy.json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```yaml .github/workflows/deploy.yml
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
    /// ```json trust-policy.json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - `aws-actions/configure-aws-credentials`, `audience` input (default `sts.amazonaws.com`)
    /// - `aws-actions/configure-aws-credentials` issues #291, #775, #1309 ("Incorrect token audience")
    /// - IAM condition keys for OIDC federation (`…:aud`): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>
    code: "GHA082", name: "audience-not-accepted", severity: Error
}

/// One report per step whose audience fails the policy's `aud` condition.
pub(crate) fn check(cx: &RelatedCx<'_>, out: &mut Vec<Related>) {
    for pairing in cx.pairings {
        let mut seen = Vec::new();
        for row in &pairing.report.rows {
            if row.decision != RowDecision::Deny || seen.contains(&row.job_at) {
                continue;
            }
            let Some(cond) = &row.condition else { continue };
            if !cond.key.to_ascii_lowercase().ends_with(":aud") {
                continue;
            }
            seen.push(row.job_at);
            let d = Related::new(
                pairing.file_of(row.job_at),
                RULE.at(
                    row.audience_at.unwrap_or(row.job_at).span,
                    format!(
                        "job `{}` requests a token for audience `{}`, which `{}` does not accept",
                        row.job, row.audience, pairing.report.policy
                    ),
                ),
            )
            .with_label(
                pairing.file_of(cond.at),
                cond.at.span,
                format!("expects {}", cond.expected.iter().map(|e| format!("`{e}`")).collect::<Vec<_>>().join(" or ")),
            );
            let mut d = d;
            d.diagnostic = d.diagnostic.with_help(
                "request the audience the policy and the IAM OIDC provider's client IDs expect (`sts.amazonaws.com` unless you changed it): set or remove the step's `audience` input",
            );
            out.push(d);
        }
    }
}
