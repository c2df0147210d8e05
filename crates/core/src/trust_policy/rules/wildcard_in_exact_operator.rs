//! IAM035 wildcard-in-exact-operator.

use crate::declare_rule;
use super::Cx;
use super::helpers::rename_operator;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::explore::has_wildcard;
use crate::trust_policy::model::Statement;
use crate::trust_policy::operators::BaseOperator;

declare_rule! {
    /// ## What it does
    /// Warns about a `*` or `?` in the value of `StringEquals`, `StringNotEquals` or their
    /// `IgnoreCase` forms.
    ///
    /// ## Why is this bad?
    /// These operators compare exactly: `*` is a literal asterisk. `StringEquals` with
    /// `repo:org/repo:*` only matches a token whose `sub` is literally that text — never — so the
    /// role cannot be assumed; `StringNotEquals` with a wildcard excludes nothing. Use
    /// `StringLike` (or `StringNotLike`) for patterns. Access Analyzer reports "Wildcard without
    /// like operator".
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
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"
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
    ///     "Condition": {"StringLike": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition operators (string operators): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String>
    /// - IAM Access Analyzer policy check reference ("Wildcard without like operator"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - aws-actions/configure-aws-credentials issue #1137
    code: "IAM035", name: "wildcard-in-exact-operator", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    // In `Deny` statements too: an exact operator never compares patterns.
    for stmt in &cx.policy.statements {
        exact_operator_wildcards(cx, stmt, out);
    }
}

fn exact_operator_wildcards(cx: &Cx<'_>, stmt: &Statement, out: &mut Vec<Diagnostic>) {
    for cond in &stmt.conditions {
        let Some(op) = cond.parsed else { continue };
        if !op.base.is_exact_string() {
            continue;
        }
        for v in &cond.values {
            if !has_wildcard(&v.text) {
                continue;
            }
            let like = match op.base {
                BaseOperator::StringEquals => Some("StringLike"),
                BaseOperator::StringNotEquals => Some("StringNotLike"),
                _ => None,
            };
            let effect = if op.base.is_negated() {
                "excludes only that exact text"
            } else {
                "matches only that exact text, so this condition practically never holds"
            };
            let mut d = RULE.at(
                v.span,
                format!(
                    "`{}` compares `*` and `?` literally: `{}` {effect}",
                    op.base.name(),
                    shorten(&v.text, 60)
                ),
            );
            match like {
                Some(like) => {
                    let mut fixed = op;
                    fixed.base = if like == "StringLike" {
                        BaseOperator::StringLike
                    } else {
                        BaseOperator::StringNotLike
                    };
                    let name = fixed.name();
                    d = d
                        .with_label(cond.operator.span, "this operator")
                        .with_help(format!(
                            "use `{name}` for patterns (without wildcards it compares exactly, like `{}`)",
                            op.base.name()
                        ))
                        .with_edits(format!("replace with `{name}`"), rename_operator(cx, cond.operator.span, &name));
                }
                None => {
                    d = d.with_help(
                        "there is no case-insensitive pattern operator: use `StringLike` with the exact case",
                    );
                }
            }
            out.push(d);
        }
    }
}
