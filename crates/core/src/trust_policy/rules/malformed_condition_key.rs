//! IAM024 malformed-condition-key.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::tree::shorten;
use crate::trust_policy::model::{Condition, Statement};
use crate::trust_policy::oidc;
use crate::trust_policy::text;

declare_rule! {
    /// ## What it does
    /// Warns about a condition key that is not of the form `prefix:name` — `sub` instead of
    /// `token.actions.githubusercontent.com:sub`, a `/` where the `:` belongs, a space outside a
    /// tag key — and reports an empty key as an error. The tag-key part of keys such as
    /// `aws:PrincipalTag/Cost Center` may contain what AWS tag keys may: letters, digits, spaces
    /// and `+ - = . _ : / @`.
    ///
    /// ## Why is this bad?
    /// Condition keys are always prefixed by their service or identity provider. A request never
    /// carries a key without one, so a positive condition on it never matches (the statement
    /// silently never applies) and a negated one always does. IAM Access Analyzer reports
    /// "Invalid condition key format" as an error, but whether IAM itself rejects such a policy is
    /// not confirmed by the reference, hence a warning; an empty key cannot name any key and is
    /// reported as an error.
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
    ///       "sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
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
    /// - IAM JSON policy elements: Condition: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>
    /// - Available keys for OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>
    /// - IAM Access Analyzer policy check reference ("Invalid condition key format"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - Tagging AWS resources (tag key characters): <https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html>
    code: "IAM024", name: "malformed-condition-key", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        for cond in &stmt.conditions {
            key(cx, stmt, cond, out);
        }
    }
}

fn key(cx: &Cx<'_>, stmt: &Statement, cond: &Condition, out: &mut Vec<Diagnostic>) {
    let key = cond.key.value.as_str();
    // A placeholder is IAM028's.
    if text::placeholder(key).is_some() || text::is_condition_key(key) {
        return;
    }
    if key.is_empty() {
        out.push(
            RULE.at(cond.key.span, "the condition key is empty")
                .with_severity(Severity::Error)
                .with_help("name the key to compare, e.g. `aws:SourceAccount` or `token.actions.githubusercontent.com:sub`"),
        );
        return;
    }
    let mut d = RULE
        .at(
            cond.key.span,
            format!("`{}` is not a condition key of the form `prefix:name`", shorten(key, 60)),
        )
        .with_help("condition keys carry their service or provider prefix, e.g. `aws:SourceAccount` or `token.actions.githubusercontent.com:sub`");
    let providers = oidc::providers(stmt);
    if let Some(p) = providers.first()
        && !key.contains(':')
        && matches!(key, "sub" | "aud" | "amr")
    {
        let fixed = p.key(key);
        d = d
            .with_help(format!(
                "write `{fixed}`: keys of an OIDC provider start with its issuer host"
            ))
            .with_rewrite(format!("replace with `{fixed}`"), cx.text, cond.key.span, &fixed);
    } else if let Some((host, claim)) = key.rsplit_once('/')
        && !key.contains(':')
        && oidc::classify(host) != oidc::ProviderKind::Other
    {
        let fixed = format!("{host}:{claim}");
        d = d.with_rewrite(format!("replace with `{fixed}`"), cx.text, cond.key.span, &fixed);
    }
    out.push(d);
}
