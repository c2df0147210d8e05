//! IAM011 missing-principal.

use crate::declare_rule;
use super::Cx;
use super::helpers::{misspelt_element, misspelt_instead};
use crate::trust_policy::lower::Place;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a trust-policy statement without `Principal`.
    ///
    /// ## Why is this bad?
    /// A trust policy says who may assume the role; every statement must name a principal and
    /// IAM rejects the document otherwise ("Missing principal"). A statement without one is
    /// usually a permissions-policy statement pasted into the trust relationship.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:role/deployer"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Principal: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>
    /// - IAM Access Analyzer policy check reference ("Missing principal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM011", name: "missing-principal", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for (index, object) in cx.facts.statements.iter().enumerate() {
        // In a truncated statement the principal may just not have been read.
        if object.complete && !object.has("Principal") && !object.has("NotPrincipal") {
            let d = RULE
                .at(
                    object.opening,
                    format!("statement {} has no `Principal`", index + 1),
                )
                .with_help(
                    "a trust policy statement must name who may assume the role, e.g. `\"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}`",
                );
            out.push(match misspelt_element(cx, Place::Statement(index), "Principal") {
                Some(typo) => misspelt_instead(cx, d, typo, "Principal"),
                None => d,
            });
        }
    }
}
