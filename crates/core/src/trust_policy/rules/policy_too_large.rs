//! IAM026 policy-too-large.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports a trust policy longer than 2,048 characters, not counting whitespace.
    ///
    /// ## Why is this bad?
    /// 2,048 characters is the default quota for a role trust policy; IAM rejects a longer one
    /// with `LimitExceeded` ("Cannot exceed quota for ACLSizePerRole"). The quota can be raised
    /// (to 4,096 at the time of the 2023 quota table; the current maximum is not confirmed), so
    /// ignore this finding if your account's quota was raised. Whitespace does not count, so
    /// reformatting does not help: merge statements or list values in arrays instead.
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
    ///       "token.actions.githubusercontent.com:sub": [
    ///         "repo:octo-org/service-00:ref:refs/heads/main",
    ///         "repo:octo-org/service-01:ref:refs/heads/main",
    ///         "repo:octo-org/service-02:ref:refs/heads/main",
    ///         "repo:octo-org/service-03:ref:refs/heads/main",
    ///         "repo:octo-org/service-04:ref:refs/heads/main",
    ///         "repo:octo-org/service-05:ref:refs/heads/main",
    ///         "repo:octo-org/service-06:ref:refs/heads/main",
    ///         "repo:octo-org/service-07:ref:refs/heads/main",
    ///         "repo:octo-org/service-08:ref:refs/heads/main",
    ///         "repo:octo-org/service-09:ref:refs/heads/main",
    ///         "repo:octo-org/service-10:ref:refs/heads/main",
    ///         "repo:octo-org/service-11:ref:refs/heads/main",
    ///         "repo:octo-org/service-12:ref:refs/heads/main",
    ///         "repo:octo-org/service-13:ref:refs/heads/main",
    ///         "repo:octo-org/service-14:ref:refs/heads/main",
    ///         "repo:octo-org/service-15:ref:refs/heads/main",
    ///         "repo:octo-org/service-16:ref:refs/heads/main",
    ///         "repo:octo-org/service-17:ref:refs/heads/main",
    ///         "repo:octo-org/service-18:ref:refs/heads/main",
    ///         "repo:octo-org/service-19:ref:refs/heads/main",
    ///         "repo:octo-org/service-20:ref:refs/heads/main",
    ///         "repo:octo-org/service-21:ref:refs/heads/main",
    ///         "repo:octo-org/service-22:ref:refs/heads/main",
    ///         "repo:octo-org/service-23:ref:refs/heads/main",
    ///         "repo:octo-org/service-24:ref:refs/heads/main",
    ///         "repo:octo-org/service-25:ref:refs/heads/main",
    ///         "repo:octo-org/service-26:ref:refs/heads/main",
    ///         "repo:octo-org/service-27:ref:refs/heads/main",
    ///         "repo:octo-org/service-28:ref:refs/heads/main",
    ///         "repo:octo-org/service-29:ref:refs/heads/main",
    ///         "repo:octo-org/service-30:ref:refs/heads/main",
    ///         "repo:octo-org/service-31:ref:refs/heads/main",
    ///         "repo:octo-org/service-32:ref:refs/heads/main",
    ///         "repo:octo-org/service-33:ref:refs/heads/main",
    ///         "repo:octo-org/service-34:ref:refs/heads/main",
    ///         "repo:octo-org/service-35:ref:refs/heads/main",
    ///         "repo:octo-org/service-36:ref:refs/heads/main",
    ///         "repo:octo-org/service-37:ref:refs/heads/main",
    ///         "repo:octo-org/service-38:ref:refs/heads/main",
    ///         "repo:octo-org/service-39:ref:refs/heads/main",
    ///         "repo:octo-org/service-40:ref:refs/heads/main",
    ///         "repo:octo-org/service-41:ref:refs/heads/main",
    ///         "repo:octo-org/service-42:ref:refs/heads/main",
    ///         "repo:octo-org/service-43:ref:refs/heads/main",
    ///         "repo:octo-org/service-44:ref:refs/heads/main"
    ///       ]
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// fewer repositories per role: give each group of services (a team, an environment) its own
    /// role, whose trust policy still names each repository exactly. A `?` or `*` pattern
    /// (`repo:octo-org/service-??:…`) would be shorter, but it admits every repository whose name
    /// fits, including ones created later (IAM033).
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": [
    ///         "repo:octo-org/service-00:ref:refs/heads/main",
    ///         "repo:octo-org/service-01:ref:refs/heads/main",
    ///         "repo:octo-org/service-02:ref:refs/heads/main",
    ///         "repo:octo-org/service-03:ref:refs/heads/main",
    ///         "repo:octo-org/service-04:ref:refs/heads/main",
    ///         "repo:octo-org/service-05:ref:refs/heads/main",
    ///         "repo:octo-org/service-06:ref:refs/heads/main",
    ///         "repo:octo-org/service-07:ref:refs/heads/main",
    ///         "repo:octo-org/service-08:ref:refs/heads/main",
    ///         "repo:octo-org/service-09:ref:refs/heads/main",
    ///         "repo:octo-org/service-10:ref:refs/heads/main",
    ///         "repo:octo-org/service-11:ref:refs/heads/main",
    ///         "repo:octo-org/service-12:ref:refs/heads/main",
    ///         "repo:octo-org/service-13:ref:refs/heads/main",
    ///         "repo:octo-org/service-14:ref:refs/heads/main",
    ///         "repo:octo-org/service-15:ref:refs/heads/main",
    ///         "repo:octo-org/service-16:ref:refs/heads/main",
    ///         "repo:octo-org/service-17:ref:refs/heads/main",
    ///         "repo:octo-org/service-18:ref:refs/heads/main",
    ///         "repo:octo-org/service-19:ref:refs/heads/main",
    ///         "repo:octo-org/service-20:ref:refs/heads/main",
    ///         "repo:octo-org/service-21:ref:refs/heads/main"
    ///       ]
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM and AWS STS quotas ("Role trust policy length"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>
    code: "IAM026", name: "policy-too-large", severity: Error
}

/// The default quota of a role trust policy, in characters without whitespace.
pub(crate) const TRUST_POLICY_QUOTA: usize = 2_048;

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.is_object() {
        return;
    }
    let root = cx.policy.span;
    if root.is_empty() {
        return;
    }
    let text = root.slice(cx.text);
    let size = text.chars().filter(|c| !c.is_whitespace()).count();
    if size > TRUST_POLICY_QUOTA {
        out.push(
            RULE.at(
                Span::new(root.start(), root.start() + 1),
                format!(
                    "the policy has {size} characters without whitespace; role trust policies hold {TRUST_POLICY_QUOTA} by default"
                ),
            )
            .with_help(
                "IAM rejects it unless your account's quota was raised: merge statements that share a principal and list several values in one array",
            ),
        );
    }
}
