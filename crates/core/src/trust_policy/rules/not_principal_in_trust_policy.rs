//! IAM012 not-principal-in-trust-policy.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports `NotPrincipal` in a trust policy.
    ///
    /// ## Why is this bad?
    /// `NotPrincipal` cannot be used in a role trust policy (IAM User Guide, `NotPrincipal`);
    /// IAM Access Analyzer reports it as an error. In an `Allow` statement it would also trust
    /// everyone except the listed principals. Name who may assume the role with `Principal`, and
    /// exclude someone with a `Deny` statement.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:user/intern"},
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
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:role/deployer"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: NotPrincipal: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html>
    /// - IAM Access Analyzer policy check reference ("Role trust policy syntax error notprincipal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM012", name: "not-principal-in-trust-policy", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for object in &cx.facts.statements {
        // With both, `Principal` is read (and the pair reported as conflicting elements).
        if object.has("Principal") {
            continue;
        }
        if let Some(not) = object.get("NotPrincipal") {
            out.push(
                RULE.at(not.key, "`NotPrincipal` cannot be used in a role trust policy")
                    .with_help(
                        "name who may assume the role with `Principal`; to exclude someone, add a `Deny` statement",
                    ),
            );
        }
    }
}
