//! IAM036 for-all-values-on-single-valued-key.

use crate::declare_rule;
use super::Cx;
use super::helpers::rename_operator;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::oidc;
use crate::trust_policy::operators::{BaseOperator, SetQualifier};

declare_rule! {
    /// ## What it does
    /// Warns about `ForAllValues:` on a key that holds a single value (every OIDC claim such as
    /// `sub` and `aud` except `amr`, and the single-valued `aws:` keys) in an `Allow` statement.
    ///
    /// ## Why is this bad?
    /// `ForAllValues:` is true when the key is absent or empty, so the condition lets through
    /// requests that do not carry the key at all. GitHub's documentation used
    /// `ForAllValues:StringEquals` for `sub` until 2022. Single-valued keys take the plain
    /// operator. Access Analyzer reports "ForAllValues with single valued key".
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"ForAllValues:StringEquals": {
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
    /// - Single-valued vs. multivalued context keys: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>
    /// - IAM Access Analyzer policy check reference ("ForAllValues with single valued key"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - github/docs PR #17463 (the documentation's `ForAllValues:` example corrected)
    code: "IAM036", name: "for-all-values-on-single-valued-key", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        for cond in &stmt.conditions {
            let Some(op) = cond.parsed else { continue };
            if op.qualifier != Some(SetQualifier::ForAllValues) || op.base == BaseOperator::Null {
                continue;
            }
            if !oidc::is_single_valued(&cond.key.value, stmt) {
                continue;
            }
            let mut plain = op;
            plain.qualifier = None;
            let name = plain.name();
            out.push(
                RULE.at(
                    cond.key.span,
                    format!(
                        "`ForAllValues:` on the single-valued key `{}` is true when the key is absent",
                        shorten(&cond.key.value, 60)
                    ),
                )
                .with_label(cond.operator.span, "this operator")
                .with_help(format!("use `{name}`: set operators are for keys that hold several values"))
                .with_edits(format!("replace with `{name}`"), rename_operator(cx, cond.operator.span, &name)),
            );
        }
    }
}
