//! IAM018 resource-in-trust-policy.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::edit;

declare_rule! {
    /// ## What it does
    /// Reports `Resource` or `NotResource` in a trust policy.
    ///
    /// ## Why is this bad?
    /// A trust policy is attached to the role it protects, so its resource is implicit. IAM
    /// rejects the document ("Has prohibited field Resource"). The element usually comes from
    /// pasting a permissions policy into the trust relationship.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Resource": "*"
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
    /// - IAM roles terms and concepts (trust policy): <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html>
    /// - IAM Access Analyzer policy check reference ("Role trust policy syntax error resource"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM018", name: "resource-in-trust-policy", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for object in &cx.facts.statements {
        for name in ["Resource", "NotResource"] {
            let Some(element) = object.get(name) else {
                continue;
            };
            out.push(
                RULE.at(element.key, format!("a trust policy cannot have `{name}`"))
                    .with_help(
                        "the resource of a trust policy is the role itself: remove the element (IAM answers \"Has prohibited field Resource\")",
                    )
                    .with_edits(
                        format!("remove `{name}`"),
                        edit::remove_entry_at(cx.text, cx.root, element.key, 0),
                    ),
            );
        }
    }
}
