//! IAM002 unknown-element.

use crate::declare_rule;
use super::Cx;
use super::helpers::rename_key;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;
use crate::trust_policy::lower::Place;

declare_rule! {
    /// ## What it does
    /// Reports an element the policy grammar does not have (`Principals`, `Conditions`,
    /// `Statements`), at the top level or in a statement, and suggests the closest element.
    ///
    /// ## Why is this bad?
    /// IAM rejects a policy with unknown elements as malformed. A misspelt element is not
    /// ignored: the role cannot be created or updated.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principals": {"Service": "ecs-tasks.amazonaws.com"},
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
    ///     "Principal": {"Service": "ecs-tasks.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy grammar: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>
    /// - IAM JSON policy element reference: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html>
    code: "IAM002", name: "unknown-element", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for unknown in &cx.facts.unknown_elements {
        let key = unknown.name.as_str();
        let place = match unknown.place {
            Place::TopLevel => "at the top level".to_string(),
            Place::Statement(index) => format!("in statement {}", index + 1),
        };
        let mut d = RULE.at(
            unknown.span,
            format!("unknown element `{}` {place}", shorten(key, 60)),
        );
        match did_you_mean(key, unknown.known.iter().copied()) {
            Some(s) => {
                d = d
                    .with_help(format!(
                        "did you mean `{s}`? IAM rejects a policy with unknown elements"
                    ))
                    .with_edits(format!("rename to `{s}`"), rename_key(cx, unknown.span, s));
            }
            None => {
                let list: Vec<String> = unknown.known.iter().map(|k| format!("`{k}`")).collect();
                d = d.with_help(format!(
                    "IAM rejects a policy with unknown elements; allowed here: {}",
                    list.join(", ")
                ));
            }
        }
        out.push(d);
    }
}
