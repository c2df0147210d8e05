//! IAM003 missing-statement.

use crate::declare_rule;
use super::Cx;
use super::helpers::{misspelt_element, misspelt_instead};
use crate::trust_policy::lower::Place;
use crate::diagnostic::Diagnostic;
use crate::trust_policy::lower::EmptyPart;

declare_rule! {
    /// ## What it does
    /// Reports a policy without `Statement`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// `Statement` is the only required top-level element: it says who may assume the role.
    /// IAM rejects a policy without statements.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": []}
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
    /// - IAM JSON policy elements: Statement: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html>
    code: "IAM003", name: "missing-statement", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    // In a truncated policy the `Statement` may just not have been read.
    if let Some(top) = &cx.facts.top
        && top.complete
        && !top.has("Statement")
    {
        let d = RULE.at(top.opening, "the policy has no `Statement`")
                .with_help(
                    "add a `Statement` list naming who may assume the role, e.g. `\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]`",
                );
        out.push(match misspelt_element(cx, Place::TopLevel, "Statement") {
            Some(typo) => misspelt_instead(cx, d, typo, "Statement"),
            None => d,
        });
    }
    for empty in &cx.facts.empty {
        match empty.part {
            EmptyPart::Policy => out.push(
                RULE.at(empty.span, "the policy is empty")
                    .with_help("a trust policy is a JSON object with `Version` and `Statement`"),
            ),
            EmptyPart::Statements => out.push(
                RULE.at(empty.span, "`Statement` is empty")
                    .with_help("a trust policy needs at least one statement"),
            ),
            _ => {}
        }
    }
}
