//! GHA080 trust-policy-refuses-job.

use std::collections::BTreeMap;

use crate::declare_rule;
use crate::related::{Related, RelatedCx};
use crate::workflow::admission::RowDecision;

declare_rule! {
    /// ## What it does
    /// Relates a workflow to the trust policy of the role it assumes (in a workspace or a folder
    /// holding both, with exactly one policy trusting GitHub): for each job step that assumes a
    /// role through OIDC, every run the workflow allows — each trigger, each branch or tag its
    /// filters let through, each environment — is turned into the OIDC token GitHub would issue,
    /// and the policy is evaluated. Reports the runs the policy refuses, with the condition that
    /// fails in the policy.
    ///
    /// ## Why is this bad?
    /// Those runs fail at the `configure-aws-credentials` step with "Not authorized to perform
    /// sts:AssumeRoleWithWebIdentity". The usual causes: the policy pins
    /// `ref:refs/heads/main` while the job uses an `environment:` (then `sub` is
    /// `repo:OWNER/REPO:environment:NAME`) or also runs on pull requests (`sub`
    /// `repo:OWNER/REPO:pull_request`) or on other branches. Runs a job's `if:` surely excludes
    /// are not reported; a refused audience is rule GHA082.
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
    ///     environment: production
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
    ///     environment: production
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
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/app:environment:production"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - OpenID Connect, example subject claims: <https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims>
    /// - Configuring OpenID Connect in Amazon Web Services: <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    /// - `aws-actions/configure-aws-credentials` issues #511, #1024 (environment vs branch `sub`)
    code: "GHA080", name: "trust-policy-refuses-job", severity: Error
}

/// One report per refused step, with the failing conditions in the policy.
pub(crate) fn check(cx: &RelatedCx<'_>, out: &mut Vec<Related>) {
    for pairing in cx.pairings {
        let report = &pairing.report;
        // (workflow file, job, step) → refused rows, in row order.
        let mut refused: BTreeMap<(usize, &str, usize), Vec<usize>> = BTreeMap::new();
        for (i, row) in report.rows.iter().enumerate() {
            let aud = row
                .condition
                .as_ref()
                .is_some_and(|c| c.key.to_ascii_lowercase().ends_with(":aud"));
            if row.decision == RowDecision::Deny && row.token && !aud {
                refused
                    .entry((pairing.file_of(row.job_at), row.job.as_str(), row.step))
                    .or_default()
                    .push(i);
            }
        }
        for ((file, job, _), indices) in refused {
            let rows: Vec<_> = indices.iter().filter_map(|i| report.rows.get(*i)).collect();
            let Some(first) = rows.first() else { continue };
            let runs: Vec<String> = rows
                .iter()
                .take(3)
                .map(|r| format!("`{}`", r.sub))
                .collect();
            let more = if rows.len() > 3 {
                format!(" and {} more", rows.len() - 3)
            } else {
                String::new()
            };
            let mut d = Related::new(
                file,
                RULE.at(
                    first.job_at.span,
                    format!(
                        "`{}` refuses job `{job}` when it runs as {}{more}",
                        report.policy,
                        runs.join(", ")
                    ),
                ),
            );
            let mut seen = Vec::new();
            for r in &rows {
                let Some(at) = r.condition.as_ref().map(|c| c.at).or(r.policy_at) else {
                    continue;
                };
                if seen.contains(&at.span) {
                    continue;
                }
                seen.push(at.span);
                let why = r.condition.as_ref().map_or(r.reason.as_str(), |c| c.why.as_str());
                d = d.with_label(pairing.file_of(at), at.span, format!("{}: {why}", r.run));
            }
            d.diagnostic = d.diagnostic.with_help(
                "allow these runs in the policy (add their `sub` to its condition), or keep the job from running on them (trigger filters, `if:`, the environment)",
            );
            out.push(d);
        }
    }
}
