//! IAM029 multiple-boolean-values.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::model::Condition;
use crate::trust_policy::operators::{self, BaseOperator};

declare_rule! {
    /// ## What it does
    /// Reports a `Bool` (or `BoolIfExists`) condition with more than one value for a key, such
    /// as `"aws:MultiFactorAuthPresent": ["true", "false"]`.
    ///
    /// ## Why is this bad?
    /// `Bool` takes exactly one value, `true` or `false`; IAM Access Analyzer reports several as
    /// the error "Invalid condition multiple Boolean". Listing both values does not mean
    /// "either": it is usually a mistaken attempt to make the check optional.
    ///
    /// How the playground's evaluator (and `cicd assume`) reads such a condition: like every
    /// other operator's list, the values are OR-ed, so `["true", "false"]` holds whenever the
    /// request has the key (with either value) and fails when the key is absent. Whether IAM
    /// evaluates it that way, or rejects the policy, is not documented. To accept both values,
    /// remove the condition; to require only that the key is present, use `"Null": {"key":
    /// "false"}`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": ["true", "false"]}}
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
    /// - IAM JSON policy elements: Condition operators (Boolean condition operators): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean>
    /// - IAM Access Analyzer policy check reference ("Invalid condition multiple Boolean"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM029", name: "multiple-boolean-values", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        for cond in &stmt.conditions {
            boolean_values(cond, out);
        }
    }
}

fn boolean_values(cond: &Condition, out: &mut Vec<Diagnostic>) {
    let Some(op) = cond.parsed else { return };
    if op.base != BaseOperator::Bool || cond.values.len() < 2 {
        return;
    }
    let listed: Vec<String> = cond
        .values
        .iter()
        .take(4)
        .map(|v| format!("`{}`", shorten(&v.text, 20)))
        .collect();
    let more = if cond.values.len() > 4 { ", …" } else { "" };
    let mut d = RULE
        .at(
            cond.values_span,
            format!(
                "`{}` takes one value, but `{}` has {}: {}{more}",
                op.base.name(),
                shorten(&cond.key.value, 60),
                cond.values.len(),
                listed.join(", ")
            ),
        )
        .with_help("keep the one value the key must have (`\"true\"` or `\"false\"`); to accept either, remove the condition, and to require only that the key is present, use `\"Null\": {\"KEY\": \"false\"}`");
    // Repeating the same value: keeping one is certainly what was meant.
    let parsed: Vec<Option<bool>> = cond
        .values
        .iter()
        .map(|v| operators::parse_bool(&v.text))
        .collect();
    if let Some(Some(b)) = parsed.first()
        && parsed.iter().all(|p| *p == Some(*b))
    {
        d = d.with_fix(
            format!("replace with `\"{b}\"`"),
            cond.values_span,
            format!("\"{b}\""),
        );
    }
    out.push(d);
}
