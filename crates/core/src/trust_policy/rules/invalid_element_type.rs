//! IAM001 invalid-element-type.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::source::tree::shorten;
use crate::trust_policy::CURRENT_VERSION;
use crate::trust_policy::lower::Mistyped;

declare_rule! {
    /// ## What it does
    /// Reports an element whose value has the wrong JSON type: a `Condition` written as a list,
    /// a `Statement` that is a string, an action that is a number, and so on.
    ///
    /// ## Why is this bad?
    /// IAM reads the policy against a fixed grammar and rejects the document
    /// (`MalformedPolicyDocument`) when an element is not of the documented type.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": [{"StringEquals": {"aws:SourceAccount": "123456789012"}}]
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
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy grammar: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>
    code: "IAM001", name: "invalid-element-type", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for wrong in &cx.facts.wrong_types {
        let (span, found) = (wrong.span, wrong.found.as_str());
        let d = match &wrong.part {
            Mistyped::Policy => RULE
                .at(span, format!("a policy must be a JSON object, found {found}"))
                .with_help("write `{\"Version\": \"2012-10-17\", \"Statement\": [...]}`"),
            Mistyped::Version { scalar } => {
                let d = must_be(span, "`Version`", "the string \"2012-10-17\"", found);
                if *scalar {
                    d.with_fix(
                        "replace with \"2012-10-17\"",
                        span,
                        format!("\"{CURRENT_VERSION}\""),
                    )
                } else {
                    d
                }
            }
            Mistyped::Id => must_be(span, "`Id`", "a string", found),
            Mistyped::Statement => must_be(
                span,
                "`Statement`",
                "an object or a list of objects",
                found,
            ),
            Mistyped::StatementItem => must_be(span, "a statement", "a JSON object", found),
            Mistyped::Sid => must_be(span, "`Sid`", "a string", found),
            Mistyped::Effect => must_be(span, "`Effect`", "\"Allow\" or \"Deny\"", found)
                .with_help("write `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`"),
            Mistyped::Principal { element } => must_be(
                span,
                &format!("`{element}`"),
                "`\"*\"` or an object such as `{\"Service\": \"codebuild.amazonaws.com\"}`",
                found,
            ),
            Mistyped::PrincipalValue { kind } => must_be(
                span,
                &format!("a value of `{}`", kind.key()),
                "a string",
                found,
            ),
            Mistyped::Action { element } => must_be(
                span,
                &format!("`{element}`"),
                "a string or a list of strings",
                found,
            ),
            Mistyped::ActionItem => must_be(
                span,
                "an action",
                "a string such as \"sts:AssumeRole\"",
                found,
            ),
            Mistyped::Condition => must_be(
                span,
                "`Condition`",
                "an object of operators, e.g. `{\"StringEquals\": {\"key\": \"value\"}}`",
                found,
            ),
            Mistyped::OperatorBlock { operator } => must_be(
                span,
                &format!("the `{}` block", shorten(operator, 60)),
                "an object of condition keys and values",
                found,
            ),
            Mistyped::ConditionValue { key } => must_be(
                span,
                &format!("the value of `{}`", shorten(key, 60)),
                "a string or a list of strings",
                found,
            ),
            Mistyped::ConditionValueItem { key } => must_be(
                span,
                &format!("a value of `{}`", shorten(key, 60)),
                "a string, number or boolean",
                found,
            ),
        };
        out.push(d);
    }
}

/// "`what` must be `expected`, found `found`".
fn must_be(span: Span, what: &str, expected: &str, found: &str) -> Diagnostic {
    RULE.at(span, format!("{what} must be {expected}, found {found}"))
}
