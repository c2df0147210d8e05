//! The document as a whole: its size, the characters it may contain, and template placeholders
//! left in it.

use super::Ctx;
use crate::declare_rule;
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
    /// one pattern for the repositories that share a name (`?` stands for exactly one character,
    /// so no other repository name fits):
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {
    ///       "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
    ///       "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/service-??:ref:refs/heads/main"}
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM and AWS STS quotas ("Role trust policy length"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>
    pub static POLICY_TOO_LARGE = { code: "IAM026", name: "policy-too-large", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a character IAM does not allow in a policy document: anything other than tab,
    /// line feed, carriage return and U+0020 to U+00FF — typically typographic quotes (`’`),
    /// dashes (`–`) or emoji pasted from a document or chat.
    ///
    /// ## Why is this bad?
    /// IAM rejects the policy. The characters are invisible in most editors' fonts, so the error
    /// is hard to find without a position.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "Deploy–Role",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "DeployRole",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM and AWS STS quotas ("IAM name requirements": allowed characters): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>
    pub static INVALID_CHARACTER = { code: "IAM027", name: "invalid-character", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about template placeholders left in a policy: Terraform or CloudFormation
    /// interpolations (`${var.github_org}`, `${AWS::AccountId}`), CloudFormation functions
    /// (`{"Fn::Sub": …}`), and copy-paste placeholders (`<ACCOUNT_ID>`, `__ACCOUNT_ID__`,
    /// `YOUR_GITHUB_USERNAME`). IAM policy variables such as `${aws:username}` are not
    /// placeholders. Checks that depend on a placeholder's value are skipped.
    ///
    /// ## Why is this bad?
    /// Such a file is a template: it is fine as long as the tool that renders it fills every
    /// placeholder in. Submitted as is, IAM reads the text literally — a principal that names no
    /// real provider, a `sub` that no repository has — so the role cannot be used.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
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
    /// - IAM policy elements: Variables and tags (what `${…}` means to IAM): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>
    /// - Terraform `templatefile` function: <https://developer.hashicorp.com/terraform/language/functions/templatefile>
    pub static TEMPLATE_PLACEHOLDER = { code: "IAM028", name: "template-placeholder", severity: Warning };
}

/// The default quota of a role trust policy, in characters without whitespace.
pub const TRUST_POLICY_QUOTA: usize = 2_048;

/// Most invalid characters reported in one file.
const MAX_CHARACTER_FINDINGS: usize = 10;

/// Size and characters.
pub(crate) fn document(cx: &mut Ctx<'_>) {
    let root = cx.policy.span;
    if root.is_empty() {
        return;
    }
    let text = root.slice(cx.text);
    let size = text.chars().filter(|c| !c.is_whitespace()).count();
    if size > TRUST_POLICY_QUOTA {
        cx.push(
            POLICY_TOO_LARGE
                .at(
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
    let mut found = 0;
    for (i, c) in cx.text.char_indices() {
        let allowed = matches!(c, '\t' | '\n' | '\r') || ('\u{20}'..='\u{ff}').contains(&c);
        if allowed || (i == 0 && c == '\u{feff}') {
            continue;
        }
        found += 1;
        if found > MAX_CHARACTER_FINDINGS {
            break;
        }
        let span = Span::new(i, i + c.len_utf8());
        let replacement = match c {
            '\u{2018}' | '\u{2019}' => Some("'"),
            '\u{201c}' | '\u{201d}' => Some("\\\""),
            '\u{2013}' | '\u{2014}' | '\u{2212}' => Some("-"),
            '\u{2026}' => Some("..."),
            '\u{200b}' | '\u{feff}' => Some(""),
            _ => None,
        };
        let mut d = INVALID_CHARACTER
            .at(
                span,
                format!(
                    "`{c}` (U+{:04X}) is not allowed in a policy document",
                    c as u32
                ),
            )
            .with_help(
                "IAM accepts tab, line feed, carriage return and the characters U+0020 to U+00FF only",
            );
        if let Some(r) = replacement {
            let title = if r.is_empty() {
                "remove it".to_string()
            } else {
                format!("replace with `{r}`")
            };
            d = d.with_fix(title, span, r);
        }
        cx.push(d);
    }
}
