//! IAM014 missing-action.

use crate::declare_rule;
use super::Cx;
use super::helpers::{misspelt_element, misspelt_instead};
use crate::trust_policy::lower::Place;
use crate::diagnostic::Diagnostic;
use crate::trust_policy::lower::EmptyPart;

declare_rule! {
    /// ## What it does
    /// Reports a statement without `Action` (or `NotAction`), or with an empty list.
    ///
    /// ## Why is this bad?
    /// Every statement must name at least one action; IAM rejects the document ("Policy
    /// statement must contain actions").
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": []
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
    /// - IAM JSON policy elements: Action: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html>
    /// - IAM Access Analyzer policy check reference ("Missing action"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM014", name: "missing-action", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for (index, object) in cx.facts.statements.iter().enumerate() {
        // In a truncated statement the action may just not have been read.
        if object.complete && !object.has("Action") && !object.has("NotAction") {
            let d = RULE
                .at(
                    object.opening,
                    format!("statement {} has no `Action`", index + 1),
                )
                .with_help(
                    "add the action the principal calls, e.g. `\"Action\": \"sts:AssumeRole\"`",
                );
            out.push(match misspelt_element(cx, Place::Statement(index), "Action") {
                Some(typo) => misspelt_instead(cx, d, typo, "Action"),
                None => d,
            });
        }
    }
    for empty in &cx.facts.empty {
        if let EmptyPart::Actions { element } = empty.part {
            out.push(
                RULE.at(empty.span, format!("`{element}` is empty"))
                    .with_help("list the action the principal calls, e.g. `\"sts:AssumeRole\"`"),
            );
        }
    }
}
