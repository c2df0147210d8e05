//! IAM023 empty-condition.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::lower::EmptyPart;

declare_rule! {
    /// ## What it does
    /// Warns about an empty `Condition` object, an empty operator block, or an empty list of
    /// values.
    ///
    /// ## Why is this bad?
    /// An empty list of values never matches (and with `ForAllValues:` matches only a missing
    /// key, with `…IfExists` only a missing key); an empty block checks nothing. Usually a value
    /// was meant to be filled in, often by a template. IAM Access Analyzer reports these as
    /// having no effect; the runtime result is not documented, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"sts:ExternalId": []}}
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
    ///     "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"sts:ExternalId": "a1b2c3d4-partner"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM Access Analyzer policy check reference ("Empty array condition", "Empty object condition"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM023", name: "empty-condition", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for empty in &cx.facts.empty {
        match &empty.part {
            EmptyPart::Condition => out.push(
                RULE.at(empty.span, "`Condition` is empty")
                    .with_help("remove it, or add the conditions you meant"),
            ),
            EmptyPart::OperatorBlock { operator } => out.push(
                RULE.at(
                    empty.span,
                    format!("the `{}` block is empty", shorten(operator, 60)),
                )
                .with_help("add the key and values to compare, or remove the operator"),
            ),
            EmptyPart::ConditionValues { key } => out.push(
                RULE.at(
                    empty.span,
                    format!("`{}` has an empty list of values", shorten(key, 60)),
                )
                .with_help(
                    "an empty list never matches (and with `ForAllValues:` matches only a missing key): list the values, or remove the key",
                ),
            ),
            _ => {}
        }
    }
}
