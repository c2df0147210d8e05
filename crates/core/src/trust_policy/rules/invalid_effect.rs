//! IAM009 invalid-effect.

use crate::declare_rule;
use super::Cx;
use super::helpers::{misspelt_element, misspelt_instead};
use crate::trust_policy::lower::Place;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a statement without `Effect`, or with an `Effect` other than `Allow` or `Deny`.
    ///
    /// ## Why is this bad?
    /// `Effect` is required and has exactly two values; IAM rejects anything else ("Invalid
    /// effect"). A value in another case (`allow`) is reported by IAM010 instead.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Permit",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Effect: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html>
    code: "IAM009", name: "invalid-effect", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for (index, object) in cx.facts.statements.iter().enumerate() {
        // In a truncated statement the `Effect` may just not have been read.
        if object.complete && !object.has("Effect") {
            let d = RULE
                .at(
                    object.opening,
                    format!("statement {} has no `Effect`", index + 1),
                )
                .with_help("add `\"Effect\": \"Allow\"` (or `\"Deny\"`)");
            out.push(match misspelt_element(cx, Place::Statement(index), "Effect") {
                Some(typo) => misspelt_instead(cx, d, typo, "Effect"),
                None => d,
            });
        }
    }
    for effect in &cx.facts.invalid_effects {
        let text = effect.value.as_str();
        let mut d = RULE
            .at(
                effect.span,
                format!("`{}` is not a valid `Effect`", shorten(text, 60)),
            )
            .with_help("`Effect` is `Allow` or `Deny`");
        if let Some(s) = did_you_mean(text, ["Allow", "Deny"]) {
            d = d.with_fix(
                format!("replace with `{s}`"),
                effect.span,
                format!("\"{s}\""),
            );
        }
        out.push(d);
    }
}
