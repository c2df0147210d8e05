//! IAM038 oidc-without-subject-condition.

use crate::declare_rule;
use super::Cx;
use super::helpers::subject_gap;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::oidc::{self, ProviderKind};

declare_rule! {
    /// ## What it does
    /// Warns about an `Allow` statement trusting an OIDC provider other than GitHub — GitLab,
    /// HCP Terraform, an EKS cluster (IAM roles for service accounts) or any other issuer —
    /// without a positive condition on the provider's `sub` key.
    ///
    /// ## Why is this bad?
    /// Without `sub`, every identity the provider issues tokens to can assume the role: every
    /// project on GitLab.com (`project_path:…`), every workspace of every organization on HCP
    /// Terraform (`organization:…`), every service account of the cluster
    /// (`system:serviceaccount:…`). Access Analyzer reports "Missing condition key for oidc
    /// principal".
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/gitlab.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {"gitlab.com:aud": "https://gitlab.com"}}
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
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/gitlab.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "gitlab.com:aud": "https://gitlab.com",
    ///       "gitlab.com:sub": "project_path:my-group/my-project:ref_type:branch:ref:main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM Access Analyzer policy check reference ("Missing condition key for oidc principal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - Creating a role for OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>
    /// - Datadog rule "AWS IAM role should not allow untrusted GitLab runners to assume it": <https://docs.datadoghq.com/security/default_rules/aws-iam-role-trust-policy-misconfigured-gitlab>
    code: "IAM038", name: "oidc-without-subject-condition", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        for provider in oidc::providers(stmt) {
            // GitHub's provider is IAM031's.
            if provider.kind == ProviderKind::GitHub {
                continue;
            }
            let Some(gap) = subject_gap(stmt, &provider) else {
                continue;
            };
            let (via, detail) = (gap.via, &gap.detail);
            let mut d = RULE
                .at(
                    gap.span,
                    format!(
                        "every identity the {} provider `{}` issues tokens to can assume this role: {via}{detail}",
                        provider.kind.title(),
                        shorten(&provider.host, 60)
                    ),
                )
                .with_help(format!(
                    "add a condition on `{}`, e.g. `{}`",
                    gap.sub_key,
                    provider.kind.sub_example()
                ));
            if let Some(c) = gap.first {
                d = d.with_label(c.span, "this does not restrict who gets in");
            }
            out.push(d);
        }
    }
}
