//! IAM020 unknown-condition-operator.

use crate::declare_rule;
use super::Cx;
use super::helpers::rename_operator;
use super::helpers::operator_blocks;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;
use crate::trust_policy::model::Condition;
use crate::trust_policy::operators::{Operator, ParsedOperator};

declare_rule! {
    /// ## What it does
    /// Reports a condition operator IAM does not have: a misspelling (`StringEqual`,
    /// `StringEqualsExists`), an unknown set qualifier (`ForEveryValue:`), or `NullIfExists`
    /// (`IfExists` can be added to every operator except `Null`).
    ///
    /// ## Why is this bad?
    /// IAM rejects the policy ("Invalid condition operator"). Some linters accept any name that
    /// looks like an operator, so such typos reach production templates.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEqual": {"aws:SourceAccount": "123456789012"}}
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
    /// - IAM JSON policy elements: Condition operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
    /// - IAM Access Analyzer policy check reference ("Invalid condition operator", "Null with if exists"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM020", name: "unknown-condition-operator", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        for cond in operator_blocks(stmt) {
            operator(cx, cond, out);
        }
    }
}

fn operator(cx: &Cx<'_>, cond: &Condition, out: &mut Vec<Diagnostic>) {
    let text = cond.operator.value.as_str();
    let span = cond.operator.span;
    match Operator::parse(text) {
        // Another case is IAM010's.
        ParsedOperator::Known { .. } => {}
        ParsedOperator::NullIfExists => {
            out.push(
                RULE.at(span, format!("`{text}` is not a condition operator: `IfExists` cannot be added to `Null`"))
                    .with_help("`Null` already tests whether the key exists: use `Null`")
                    .with_edits("replace with `Null`", rename_operator(cx, span, "Null")),
            );
        }
        ParsedOperator::Unknown => {
            // A valid operator behind an unknown qualifier: the qualifier is the problem.
            if let Some((q, rest)) = text.split_once(':')
                && matches!(Operator::parse(rest), ParsedOperator::Known { .. })
            {
                let mut d = RULE
                    .at(
                        span,
                        format!("`{}` is not a condition operator: `{}:` is not a set qualifier", shorten(text, 60), shorten(q, 40)),
                    )
                    .with_help("the set qualifiers are `ForAllValues:` (every request value must match) and `ForAnyValue:` (at least one must)");
                if let Some(fixed) = did_you_mean(q, ["ForAllValues", "ForAnyValue"]) {
                    let full = format!("{fixed}:{rest}");
                    d = d.with_edits(
                        format!("replace with `{full}`"),
                        rename_operator(cx, span, &full),
                    );
                }
                out.push(d);
                return;
            }
            let (prefix, rest) = match text.split_once(':') {
                Some((q, r))
                    if q.eq_ignore_ascii_case("ForAllValues")
                        || q.eq_ignore_ascii_case("ForAnyValue") =>
                {
                    let q = if q.eq_ignore_ascii_case("ForAllValues") {
                        "ForAllValues:"
                    } else {
                        "ForAnyValue:"
                    };
                    (q.to_string(), r)
                }
                Some((q, r)) => {
                    let fixed = did_you_mean(q, ["ForAllValues", "ForAnyValue"]);
                    (fixed.map(|f| format!("{f}:")).unwrap_or_default(), r)
                }
                None => (String::new(), text),
            };
            let names = Operator::all_names();
            let mut d = RULE.at(
                span,
                format!("`{}` is not a condition operator", shorten(text, 60)),
            );
            match did_you_mean(rest, names.iter().map(String::as_str)) {
                Some(s) => {
                    let full = format!("{prefix}{s}");
                    d = d
                        .with_help(format!("did you mean `{full}`? IAM rejects the policy"))
                        .with_edits(
                            format!("replace with `{full}`"),
                            rename_operator(cx, span, &full),
                        );
                }
                None => {
                    d = d.with_help(
                        "operators are `String…`, `Numeric…`, `Date…`, `Bool`, `BinaryEquals`, `IpAddress`, `NotIpAddress`, `Arn…` and `Null`, optionally with `IfExists` and a `ForAllValues:`/`ForAnyValue:` prefix",
                    );
                }
            }
            out.push(d);
        }
    }
}
