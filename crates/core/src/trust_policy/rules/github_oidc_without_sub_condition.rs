//! IAM031 github-oidc-without-sub-condition.

use crate::declare_rule;
use super::Cx;
use super::helpers::{dropped_check, merge_with_duplicates, subject_gap};
use crate::diagnostic::Diagnostic;
use crate::trust_policy::oidc::{self, ProviderKind};

declare_rule! {
    /// ## What it does
    /// Reports an `Allow` statement trusting the GitHub Actions OIDC provider without a positive
    /// condition on `token.actions.githubusercontent.com:sub` — no condition at all, only an `aud`
    /// check, only a negated check (`StringNotLike`), or only a `ForAllValues:` check (true when
    /// the key is absent).
    ///
    /// The statement trusts the provider when `Federated` names it, and also when the principal
    /// is everyone (`"*"` or `{"AWS": "*"}`, which admits every identity provider's tokens) and
    /// either the conditions use GitHub's keys or the action is `sts:AssumeRoleWithWebIdentity`
    /// and no other condition keeps GitHub's tokens out.
    ///
    /// ## Why is this bad?
    /// The GitHub provider issues tokens to every workflow of every repository on GitHub. Without
    /// a `sub` condition, anyone who learns the role's ARN can assume it from their own workflow.
    /// AWS recommends the `sub` condition and IAM Access Analyzer reports "Missing github repo
    /// condition key"; AWS reportedly rejects new trust policies without it.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
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
    /// - GitHub: OpenID Connect reference (subject claims): <https://docs.github.com/en/actions/reference/security/oidc>
    /// - Datadog Security Labs, "Exploring GitHub-to-AWS keyless authentication flaws" (2023)
    code: "IAM031", name: "github-oidc-without-sub-condition", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        for provider in oidc::providers(stmt) {
            if provider.kind != ProviderKind::GitHub {
                continue;
            }
            let Some(gap) = subject_gap(stmt, &provider) else {
                continue;
            };
            let (via, detail, sub_key) = (gap.via, &gap.detail, &gap.sub_key);
            let mut d = RULE
                .at(
                    gap.span,
                    format!("any GitHub Actions workflow in any repository can assume this role: {via}{detail}"),
                )
                .with_help(format!(
                    "add `\"StringEquals\": {{\"{sub_key}\": \"repo:OWNER/REPO:ref:refs/heads/main\"}}` (or `StringLike` with `repo:OWNER/REPO:*`)"
                ));
            if let Some(c) = gap.first {
                d = d.with_label(c.span, "this does not restrict who gets in");
            }
            // The author did write the check, in a block IAM drops (IAM021): restoring that block
            // is the correction.
            if let Some(lost) = dropped_check(stmt, sub_key) {
                d = d.with_label(lost.span, "this check is silently dropped (IAM021)");
                if let Some(edits) = merge_with_duplicates(cx, lost.operator.span) {
                    d = d
                        .with_help(format!(
                            "the `{sub_key}` check is in a `{}` block that a later one replaces: merge the blocks",
                            lost.operator.value
                        ))
                        .with_edits(
                            format!("merge the `{}` blocks into one", lost.operator.value),
                            Some(edits),
                        );
                }
            }
            out.push(d);
        }
    }
}
