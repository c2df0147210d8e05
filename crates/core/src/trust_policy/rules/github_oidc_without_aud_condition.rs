//! IAM032 github-oidc-without-aud-condition.

use crate::declare_rule;
use super::Cx;
use super::helpers::{key_is, principal_span};
use crate::diagnostic::Diagnostic;
use crate::trust_policy::oidc::{self, ProviderKind};

declare_rule! {
    /// ## What it does
    /// Warns about an `Allow` statement trusting the GitHub Actions OIDC provider without a
    /// condition on `token.actions.githubusercontent.com:aud`.
    ///
    /// ## Why is this bad?
    /// STS already checks the audience against the provider's client-ID list, so the role is not
    /// open because of this alone; but AWS's and GitHub's guidance pins `aud` to
    /// `sts.amazonaws.com` in the trust policy too, so that a token minted for another audience
    /// (another cloud, a package registry) cannot be replayed against AWS if the provider's list
    /// grows.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}}
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
    /// - Configuring a role for GitHub OIDC identity provider: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub>
    /// - GitHub: Configuring OpenID Connect in Amazon Web Services: <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    code: "IAM032", name: "github-oidc-without-aud-condition", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        for provider in oidc::providers(stmt) {
            if provider.kind != ProviderKind::GitHub {
                continue;
            }
            let aud_key = provider.key("aud");
            if stmt.conditions.iter().any(|c| key_is(c, &aud_key)) {
                continue;
            }
            out.push(
                RULE.at(
                    principal_span(stmt, &provider),
                    format!("the statement does not check `{aud_key}`"),
                )
                .with_help(format!(
                    "add `\"StringEquals\": {{\"{aud_key}\": \"sts.amazonaws.com\"}}` (the audience aws-actions/configure-aws-credentials requests)"
                )),
            );
        }
    }
}
