//! IAM010 nonstandard-case.

use crate::declare_rule;
use super::Cx;
use super::helpers::{rename_key, rename_operator};
use super::helpers::operator_blocks;
use crate::diagnostic::Diagnostic;
use crate::trust_policy::lower::CaseOf;
use crate::trust_policy::operators::{Operator, ParsedOperator};

declare_rule! {
    /// ## What it does
    /// Warns about an element name, `Effect` value, principal type or condition operator written
    /// in another letter case than documented (`effect`, `"allow"`, `"aws"`, `stringEquals`).
    /// The checker and the evaluator read them as the documented name.
    ///
    /// ## Why is this bad?
    /// The IAM documentation only uses the documented spellings, and whether IAM accepts other
    /// cases is not confirmed (moto's emulation rejects `"allow"` as a "legacy parsing" failure).
    /// Writing the documented spelling removes the doubt.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "allow",
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
    /// - IAM JSON policy elements: Condition operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
    code: "IAM010", name: "nonstandard-case", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for case in &cx.facts.other_case {
        let (span, written, documented) = (case.span, &case.written, case.documented);
        let d = match case.what {
            CaseOf::Element => RULE
                .at(span, format!("`{written}` is documented as `{documented}`"))
                .with_help(format!(
                    "write `{documented}`: whether IAM accepts element names in another case is not documented"
                ))
                .with_edits(
                    format!("rename to `{documented}`"),
                    rename_key(cx, span, documented),
                ),
            CaseOf::PrincipalType => RULE
                .at(span, format!("`{written}` is documented as `{documented}`"))
                .with_help(format!(
                    "write `{documented}`: whether IAM accepts principal types in another case is not documented"
                ))
                .with_edits(
                    format!("rename to `{documented}`"),
                    rename_key(cx, span, documented),
                ),
            CaseOf::Effect => RULE
                .at(span, format!("`{written}` is documented as `{documented}`"))
                .with_help(format!(
                    "write `{documented}`: IAM documents the values `Allow` and `Deny` only, and whether it accepts another case is not confirmed"
                ))
                .with_fix(
                    format!("replace with `{documented}`"),
                    span,
                    format!("\"{documented}\""),
                ),
        };
        out.push(d);
    }
    for stmt in &cx.policy.statements {
        for cond in operator_blocks(stmt) {
            let text = cond.operator.value.as_str();
            let span = cond.operator.span;
            if let ParsedOperator::Known {
                operator,
                exact: false,
            } = Operator::parse(text)
            {
                let name = operator.name();
                out.push(
                    RULE.at(span, format!("`{text}` is documented as `{name}`"))
                        .with_help(format!(
                            "write `{name}`: whether IAM accepts operator names in another case is not confirmed"
                        ))
                        .with_edits(format!("rename to `{name}`"), rename_operator(cx, span, &name)),
                );
            }
        }
    }
}
