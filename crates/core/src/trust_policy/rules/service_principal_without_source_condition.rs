//! IAM037 service-principal-without-source-condition.

use crate::declare_rule;
use super::Cx;
use super::helpers::key_is;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::model::PrincipalKind;

declare_rule! {
    /// ## What it does
    /// Notes an `Allow` statement trusting an AWS service principal with no condition on
    /// `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or `aws:SourceOrgPaths`.
    ///
    /// ## Why is this bad?
    /// Nothing is broken: the service can assume the role. But a service acts for many
    /// customers; where the service sets these keys, a condition on them makes sure it assumes
    /// your role only on behalf of your own account or resource (the "confused deputy"
    /// problem). Not every service sets them, so check the service's documentation first.
    ///
    /// ## Example
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
    /// - The confused deputy problem: <https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html>
    /// - AWS global condition context keys (`aws:SourceAccount`, `aws:SourceArn`): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>
    code: "IAM037", name: "service-principal-without-source-condition", severity: Info
}

/// The keys that tie a service's request to the account or resource it acts for.
const SOURCE_KEYS: &[&str] = &[
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        let Some(service) = stmt
            .principals()
            .iter()
            .find(|p| p.kind == PrincipalKind::Service && !p.template)
        else {
            continue;
        };
        if stmt
            .conditions
            .iter()
            .any(|c| SOURCE_KEYS.iter().any(|k| key_is(c, k)))
        {
            continue;
        }
        out.push(
            RULE.at(
                service.span,
                format!(
                    "`{}` may assume this role on behalf of any AWS account",
                    shorten(&service.value, 60)
                ),
            )
            .with_help(
                "if the service sets them, add a condition on `aws:SourceAccount` (your account ID) or `aws:SourceArn` (the resource that uses the role)",
            ),
        );
    }
}
