//! IAM006 old-policy-version.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::trust_policy::OLD_VERSION;

declare_rule! {
    /// ## What it does
    /// Warns about `"Version": "2008-10-17"`, the original policy language.
    ///
    /// ## Why is this bad?
    /// Under 2008-10-17 policy variables are not expanded and newer features may be missing.
    /// Trust policies with this version are accepted in practice (managed policies are not), so
    /// this is a warning; there is no reason to keep it.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2008-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "ec2.amazonaws.com"},
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
    ///     "Principal": {"Service": "ec2.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Version: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>
    /// - A working 2008-10-17 trust policy: aws-actions/configure-aws-credentials issue #746
    code: "IAM006", name: "old-policy-version", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(version) = &cx.policy.version else {
        return;
    };
    if version.value != OLD_VERSION {
        return;
    }
    out.push(
        RULE.at(
            version.span,
            format!("`Version` `{}` is the old policy language", version.value),
        )
        .with_help(
            "use \"2012-10-17\": under 2008-10-17 policy variables are not expanded and newer features may be unavailable",
        )
        .with_fix("use 2012-10-17", version.span, "\"2012-10-17\""),
    );
}
