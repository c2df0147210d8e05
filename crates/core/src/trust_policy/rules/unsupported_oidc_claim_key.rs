//! IAM039 unsupported-oidc-claim-key.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::trust_policy::model::Statement;
use crate::trust_policy::oidc::{self, GITHUB_2026_CLAIM_KEYS, Provider, ProviderKind};

declare_rule! {
    /// ## What it does
    /// Warns about a condition on a GitHub token claim that IAM does not evaluate (for example
    /// `token.actions.githubusercontent.com:event_name`, `:ref_type` or `:repository_owner`),
    /// and notes conditions on the claims STS reportedly started evaluating in early 2026
    /// (`repository`, `ref`, `environment`, `job_workflow_ref`, `actor`, `workflow`, the IDs…),
    /// which older setups ignore.
    ///
    /// ## Why is this bad?
    /// For years IAM exposed only `aud` and `sub` (and `amr`) of an OIDC token; a condition on
    /// another claim never matched (a positive operator) or always did (a negated one). Since
    /// early 2026 secondary sources report that STS evaluates a list of GitHub claims, but the
    /// exact list is not confirmed by the IAM User Guide and GitHub's own page still says custom
    /// claims are unavailable in AWS — so those keys get a note, the others a warning. Put
    /// repository and branch restrictions in `sub`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main",
    ///       "token.actions.githubusercontent.com:event_name": "push"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - Available keys for OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>
    /// - GitHub: Configuring OpenID Connect in Amazon Web Services ("custom claims are unavailable in AWS"): <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    /// - aws-actions/configure-aws-credentials issue #306 (a condition on `actor` never matched)
    code: "IAM039", name: "unsupported-oidc-claim-key", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        for provider in oidc::providers(stmt) {
            if provider.kind == ProviderKind::GitHub {
                claim_keys(stmt, &provider, out);
            }
        }
    }
}

fn claim_keys(stmt: &Statement, provider: &Provider, out: &mut Vec<Diagnostic>) {
    for cond in &stmt.conditions {
        let Some((prefix, claim)) = cond.key_parts() else {
            continue;
        };
        if !prefix.eq_ignore_ascii_case(&provider.host) {
            continue;
        }
        let claim_lower = claim.to_ascii_lowercase();
        if matches!(claim_lower.as_str(), "sub" | "aud" | "amr") {
            continue;
        }
        if GITHUB_2026_CLAIM_KEYS.contains(&claim_lower.as_str()) {
            out.push(
                RULE.at(
                    cond.key.span,
                    format!("`{claim}` is one of the GitHub claims STS reportedly evaluates only since early 2026"),
                )
                .with_severity(Severity::Info)
                .with_help("the list of supported claims is not confirmed by AWS documentation; keep the repository and branch restriction in `sub` as well"),
            );
        } else {
            let effect = if cond.parsed.is_some_and(|o| o.base.is_negated()) {
                "is always true"
            } else {
                "never matches"
            };
            out.push(
                RULE.at(
                    cond.key.span,
                    format!("IAM does not evaluate the GitHub claim `{claim}`: this condition {effect}"),
                )
                .with_help(format!(
                    "restrict the repository, branch or environment through `{}` instead",
                    provider.key("sub")
                )),
            );
        }
    }
}
