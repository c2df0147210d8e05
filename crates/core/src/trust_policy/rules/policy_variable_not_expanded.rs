//! IAM025 policy-variable-not-expanded.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::text;

declare_rule! {
    /// ## What it does
    /// Warns about a policy variable (`${aws:PrincipalTag/team}`) that IAM will not expand:
    /// because the policy has no `Version` or the old `2008-10-17`, or because the operator is a
    /// numeric, date, binary, IP address or `Null` operator, which take no variables.
    ///
    /// ## Why is this bad?
    /// An unexpanded variable is compared as the literal text `${…}`, so the condition silently
    /// never matches (or, negated, always does).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}
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
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM policy elements: Variables and tags: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>
    code: "IAM025", name: "policy-variable-not-expanded", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let expand = cx.policy.expands_variables();
    for stmt in &cx.policy.statements {
        for cond in &stmt.conditions {
            let Some(op) = cond.parsed else { continue };
            for v in &cond.values {
                // A placeholder is IAM028's.
                if text::placeholder(&v.text).is_some() || !text::has_variable(&v.text) {
                    continue;
                }
                if !op.base.expands_variables() {
                    out.push(
                        RULE.at(
                            v.span,
                            format!(
                                "`{}` takes no policy variables: `{}` is compared literally",
                                op.base.name(),
                                shorten(&v.text, 60)
                            ),
                        )
                        .with_help(
                            "policy variables work with string, ARN and `Bool` operators only",
                        ),
                    );
                } else if !expand {
                    out.push(
                        RULE.at(
                            v.span,
                            format!(
                                "`{}` is compared literally: policy variables are expanded only under `\"Version\": \"2012-10-17\"`",
                                shorten(&v.text, 60)
                            ),
                        )
                        .with_help("add `\"Version\": \"2012-10-17\"` to the policy"),
                    );
                }
            }
        }
    }
}
