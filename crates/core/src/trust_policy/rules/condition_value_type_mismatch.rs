//! IAM022 condition-value-type-mismatch.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::model::JsonType;
use crate::trust_policy::operators::{self, Family};
use crate::trust_policy::text;

declare_rule! {
    /// ## What it does
    /// Warns about a condition value its operator cannot read: a word for `Numeric…`, something
    /// other than a W3C ISO 8601 date or epoch seconds for `Date…`, anything but `true`/`false`
    /// for `Bool` and `Null`, invalid base64 for `BinaryEquals`, an invalid CIDR block for
    /// `IpAddress`, or a value that is not an ARN for `Arn…`.
    ///
    /// ## Why is this bad?
    /// The comparison can never succeed, so a positive condition never matches and a negated one
    /// always does. IAM Access Analyzer reports a "Type mismatch"; whether IAM itself rejects the
    /// policy is not documented, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "yes"}}
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
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
    /// - IAM Access Analyzer policy check reference ("Type mismatch", "Invalid date value"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM022", name: "condition-value-type-mismatch", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let expand = cx.policy.expands_variables();
    for stmt in &cx.policy.statements {
        for cond in &stmt.conditions {
            let Some(op) = cond.parsed else { continue };
            let family = op.base.family();
            for v in &cond.values {
                // A placeholder's real value is unknown (IAM028 reports it).
                if text::placeholder(&v.text).is_some() {
                    continue;
                }
                // A variable is compared literally where it is not expanded (IAM025 reports
                // that), and expanded it can be anything.
                if text::has_variable(&v.text)
                    && (!op.base.expands_variables()
                        || !expand
                        || matches!(family, Family::String | Family::Arn | Family::Bool))
                {
                    continue;
                }
                let problem: Option<&str> = match family {
                    Family::String => None,
                    Family::Numeric => operators::parse_number(&v.text)
                        .is_none()
                        .then_some("is not a number"),
                    Family::Date => operators::parse_date(&v.text)
                        .is_none()
                        .then_some("is not a date (a W3C ISO 8601 date such as `2026-01-31T00:00:00Z`, or epoch seconds)"),
                    Family::Bool | Family::Null => operators::parse_bool(&v.text)
                        .is_none()
                        .then_some("is not `true` or `false`"),
                    Family::Binary => operators::decode_base64(&v.text)
                        .is_none()
                        .then_some("is not base64"),
                    Family::Ip => operators::parse_cidr(&v.text)
                        .is_none()
                        .then_some("is not an IP address or CIDR block such as `203.0.113.0/24`"),
                    Family::Arn => (!v.text.starts_with("arn:") && v.text != "*" && v.json == JsonType::String)
                        .then_some("is not an ARN"),
                };
                let Some(problem) = problem else { continue };
                let consequence = if op.base.is_negated() {
                    "the condition is always true"
                } else {
                    "the condition never matches"
                };
                let mut d = RULE.at(
                    v.span,
                    format!(
                        "`{}` {problem}, so `{}` cannot compare it: {consequence}",
                        shorten(&v.text, 60),
                        op.base.name()
                    ),
                );
                if matches!(family, Family::Bool | Family::Null) {
                    let lower = v.text.to_ascii_lowercase();
                    let fixed = match lower.as_str() {
                        "yes" | "y" | "on" | "1" => Some("true"),
                        "no" | "n" | "off" | "0" => Some("false"),
                        _ => None,
                    };
                    if let Some(f) = fixed {
                        d = d.with_fix(
                            format!("replace with `\"{f}\"`"),
                            v.span,
                            format!("\"{f}\""),
                        );
                    }
                }
                out.push(d.with_help(format!(
                    "write a value `{}` can read, or use another operator",
                    op.base.name()
                )));
            }
        }
    }
}
