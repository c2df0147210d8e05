//! IAM008 duplicate-sid.

use std::collections::HashMap;

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports two statements with the same `Sid`, with a label on the first.
    ///
    /// ## Why is this bad?
    /// Sids must be unique within a policy; IAM rejects the document ("Statement IDs (SID) in a
    /// single policy must be unique"). Copying a statement to add a second principal is the usual
    /// cause.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [
    ///     {"Sid": "Deploy", "Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"},
    ///     {"Sid": "Deploy", "Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [
    ///     {"Sid": "DeployBuild", "Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"},
    ///     {"Sid": "DeployPipeline", "Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Sid: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html>
    /// - IAM Access Analyzer policy check reference ("Unique Sids required"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM008", name: "duplicate-sid", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for stmt in &cx.policy.statements {
        let Some(sid) = &stmt.sid else { continue };
        if sid.value.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(sid.value.as_str()) {
            out.push(
                RULE.at(sid.span, format!("duplicate `Sid` `{}`", sid.value))
                    .with_label(*first, format!("`{}` first used here", sid.value))
                    .with_help("give each statement its own `Sid` (or none)"),
            );
        } else {
            seen.insert(sid.value.as_str(), sid.span);
        }
    }
}
