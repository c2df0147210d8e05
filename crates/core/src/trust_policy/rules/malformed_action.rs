//! IAM015 malformed-action.

use crate::declare_rule;
use super::Cx;
use super::helpers::{TRUST_ACTIONS, well_formed};
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports an action that is not `*` and not of the form `service:ActionName` (`AssumeRole`
    /// without `sts:`, a space inside, an empty string).
    ///
    /// ## Why is this bad?
    /// IAM rejects the policy: actions must be prefixed by their service ("Actions/Conditions
    /// must be prefaced by a vendor").
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "AssumeRole"
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
    code: "IAM015", name: "malformed-action", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        let Some(element) = &stmt.action else {
            continue;
        };
        for action in &element.actions {
            let a = action.value.as_str();
            if well_formed(a) {
                continue;
            }
            let what = if a.is_empty() {
                "an empty string".to_string()
            } else {
                format!("`{}`", shorten(a, 60))
            };
            let mut d = RULE
                .at(
                    action.span,
                    format!("{what} is not an action of the form `service:Action`"),
                )
                .with_help("prefix the action with its service, e.g. `sts:AssumeRole`");
            let bare = a.trim();
            if let Some(known) = TRUST_ACTIONS
                .iter()
                .find(|t| t.get(4..).is_some_and(|n| n.eq_ignore_ascii_case(bare)))
            {
                d = d.with_fix(
                    format!("replace with `{known}`"),
                    action.span,
                    format!("\"{known}\""),
                );
            }
            out.push(d);
        }
    }
}
