//! IAM004 missing-policy-version.

use crate::declare_rule;
use super::Cx;
use crate::source::edit;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a policy without `Version`.
    ///
    /// ## Why is this bad?
    /// Without `Version`, IAM reads the policy with the old 2008-10-17 language: policy variables
    /// such as `${aws:username}` are compared as literal text instead of being replaced, so a
    /// condition using one silently never matches. IAM Access Analyzer reports "Missing
    /// version". CloudFormation templates often leave it out; the policy still works when no
    /// variable is used, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "lambda.amazonaws.com"},
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
    ///     "Principal": {"Service": "lambda.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Version: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>
    /// - IAM Access Analyzer policy check reference ("Missing version"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM004", name: "missing-policy-version", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(top) = &cx.facts.top
        && top.complete
        && !top.has("Version")
    {
        let fix = cx
            .root
            .map()
            .and_then(|m| edit::insert_first_entry(cx.text, m, "\"Version\": \"2012-10-17\""));
        out.push(
            RULE.at(top.opening, "the policy has no `Version`")
                .with_help(
                    "add `\"Version\": \"2012-10-17\"`; without it policy variables such as `${aws:username}` are not expanded",
                )
                .with_edits("add `\"Version\": \"2012-10-17\"`", fix.map(|e| vec![e])),
        );
    }
}
