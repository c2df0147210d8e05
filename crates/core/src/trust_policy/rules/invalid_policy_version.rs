//! IAM005 invalid-policy-version.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::{CURRENT_VERSION, OLD_VERSION};

declare_rule! {
    /// ## What it does
    /// Reports a `Version` other than `2012-10-17` or `2008-10-17`, or a `Version` that is not a
    /// string.
    ///
    /// ## Why is this bad?
    /// `Version` names the policy language, not the policy's own version or today's date: only
    /// the two documented dates exist, and IAM rejects any other value.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2024-05-01",
    ///   "Statement": [{
    ///     "Effect": "Allow",
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
    /// - IAM JSON policy elements: Version: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>
    code: "IAM005", name: "invalid-policy-version", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(version) = &cx.policy.version else {
        return;
    };
    let text = version.value.as_str();
    if text == CURRENT_VERSION || text == OLD_VERSION {
        return;
    }
    out.push(
        RULE.at(
            version.span,
            format!("`{}` is not a policy language version", shorten(text, 60)),
        )
        .with_help(
            "`Version` is the date of the policy language, \"2012-10-17\" (or the old \"2008-10-17\"), not your policy's own version or today's date",
        )
        .with_fix("use 2012-10-17", version.span, "\"2012-10-17\""),
    );
}
