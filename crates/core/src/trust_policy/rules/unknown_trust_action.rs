//! IAM016 unknown-trust-action.

use crate::declare_rule;
use super::Cx;
use super::helpers::{TRUST_ACTIONS, well_formed};
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;
use crate::trust_policy::evaluate::action_matches;

declare_rule! {
    /// ## What it does
    /// Warns about an action that is not one of the STS actions a trust policy controls:
    /// `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML`,
    /// `sts:TagSession`, `sts:SetSourceIdentity` and `sts:SetContext` (wildcards such as `sts:*`
    /// are fine). Misspellings get a suggestion.
    ///
    /// ## Why is this bad?
    /// A trust policy only decides who may assume the role and how; `s3:GetObject` or
    /// `iam:PassRole` there grants nothing (permissions belong in the role's permissions
    /// policies), and a misspelt STS action never matches, so the principal cannot assume the
    /// role. Whether IAM rejects such actions in a trust policy is not confirmed (moto's
    /// emulation does), hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentify",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
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
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - AWS STS actions, resources and condition keys: <https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html>
    /// - Passing session tags in AWS STS (`sts:TagSession`): <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html>
    code: "IAM016", name: "unknown-trust-action", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        let Some(element) = &stmt.action else {
            continue;
        };
        for action in &element.actions {
            let a = action.value.as_str();
            // A malformed action is IAM015's.
            if !well_formed(a) || TRUST_ACTIONS.iter().any(|t| action_matches(a, t)) {
                continue;
            }
            let mut d = RULE.at(
                action.span,
                format!(
                    "`{}` is not an action a trust policy controls",
                    shorten(a, 60)
                ),
            );
            let sts = a.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("sts:"));
            match did_you_mean(a, TRUST_ACTIONS.iter().copied()) {
                Some(s) if sts => {
                    d = d
                        .with_help(format!("did you mean `{s}`? a misspelt action never matches, so nobody can assume the role this way"))
                        .with_fix(format!("replace with `{s}`"), action.span, format!("\"{s}\""));
                }
                _ => {
                    d = d.with_help(
                        "a trust policy decides who may assume the role (`sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML`, `sts:TagSession`, `sts:SetSourceIdentity`); put other permissions in the role's permissions policy",
                    );
                }
            }
            out.push(d);
        }
    }
}
