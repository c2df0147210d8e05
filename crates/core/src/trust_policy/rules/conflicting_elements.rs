//! IAM019 conflicting-elements.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a statement holding both `Principal` and `NotPrincipal`, both `Action` and
    /// `NotAction`, or both `Resource` and `NotResource`.
    ///
    /// ## Why is this bad?
    /// Each pair is mutually exclusive in the policy grammar; IAM rejects the document
    /// ("Unsupported element combination").
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "NotAction": "sts:TagSession"
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy grammar: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>
    code: "IAM019", name: "conflicting-elements", severity: Error
}

/// Pairs of elements that cannot appear together.
const EXCLUSIVE: [(&str, &str); 3] = [
    ("Principal", "NotPrincipal"),
    ("Action", "NotAction"),
    ("Resource", "NotResource"),
];

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for object in &cx.facts.statements {
        for (a, b) in EXCLUSIVE {
            let (Some(first), Some(second)) = (object.get(a), object.get(b)) else {
                continue;
            };
            let (first, second) = if first.key.start <= second.key.start {
                (first, second)
            } else {
                (second, first)
            };
            out.push(
                RULE.at(
                    second.key,
                    format!("`{a}` and `{b}` cannot both appear in one statement"),
                )
                .with_label(first.key, "the other one is here")
                .with_help(format!("keep `{a}`")),
            );
        }
    }
}
