//! GHA081 trust-policy-admits-unneeded-callers.

use crate::declare_rule;
use crate::related::{Related, RelatedCx};
use crate::workflow::admission::RowDecision;

declare_rule! {
    /// ## What it does
    /// Relates a trust policy to the workflows that assume its role (in a workspace or a folder
    /// holding both, with exactly one policy trusting GitHub) and warns about callers the policy
    /// lets in that no job of the workflows needs: pull-request runs, other branches, tags,
    /// other environments, other repositories of the owner, or anyone's repositories.
    ///
    /// ## Why is this bad?
    /// Every caller the policy admits can act with the role's permissions. A `sub` of
    /// `repo:OWNER/REPO:*` admits any branch, any tag, any environment and pull requests —
    /// including `pull_request_target` runs, which forks can trigger — when the workflow only
    /// deploys from `main`. Pin the `sub` to exactly the runs that deploy.
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
    /// ```
    /// ```json trust-policy.json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {
    ///       "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
    ///       "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/app:*"}
    ///     }
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
    /// - Security hardening with OpenID Connect, configuring the subject: <https://docs.github.com/en/actions/reference/security/oidc>
    /// - Securely using `pull_request_target`: <https://docs.github.com/en/actions/reference/security/securely-using-pull_request_target>
    /// - IAM User Guide, "Creating a role for OIDC federation" (conditions on `sub`): <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>
    code: "GHA081", name: "trust-policy-admits-unneeded-callers", severity: Warning
}

/// One report per policy, at the place that admits the first unneeded caller.
pub(crate) fn check(cx: &RelatedCx<'_>, out: &mut Vec<Related>) {
    for pairing in cx.pairings {
        let report = &pairing.report;
        let Some(first) = report.over_broad.first() else { continue };
        let Some(at) = first.policy_at else { continue };
        let callers: Vec<String> = report
            .over_broad
            .iter()
            .take(4)
            .map(|o| format!("`{}`", o.sub))
            .collect();
        let more = if report.over_broad.len() > 4 {
            format!(" and {} more", report.over_broad.len() - 4)
        } else {
            String::new()
        };
        let needed: Vec<String> = {
            let mut subs: Vec<String> = report
                .rows
                .iter()
                .filter(|r| r.decision != RowDecision::Unknown)
                .map(|r| format!("`{}`", r.sub))
                .collect();
            subs.dedup();
            subs.into_iter().take(3).collect()
        };
        let mut d = Related::new(
            pairing.file_of(at),
            RULE.at(
                at.span,
                format!(
                    "this policy also admits {}{more}, which no job of the workflows needs",
                    callers.join(", ")
                ),
            ),
        );
        for o in report.over_broad.iter().skip(1) {
            if let Some(p) = o.policy_at
                && p.span != at.span
                && !d.diagnostic.labels.iter().any(|l| l.span == p.span)
            {
                d = d.with_label(pairing.file_of(p), p.span, format!("admits `{}`", o.sub));
            }
        }
        let mut jobs_seen = Vec::new();
        for row in &report.rows {
            if jobs_seen.contains(&row.job_at) {
                continue;
            }
            jobs_seen.push(row.job_at);
            d = d.with_label(
                pairing.file_of(row.job_at),
                row.job_at.span,
                format!("job `{}` assumes the role", row.job),
            );
        }
        d.diagnostic = d.diagnostic.with_help(format!(
            "the workflows only need {}: pin the `sub` condition to these (with `StringEquals`)",
            needed.join(", ")
        ));
        out.push(d);
    }
}
