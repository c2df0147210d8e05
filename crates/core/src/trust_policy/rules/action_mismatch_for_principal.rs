//! IAM017 action-mismatch-for-principal.

use crate::declare_rule;
use super::Cx;
use super::helpers::WEB_IDENTITY_PROVIDERS;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::tree::shorten;
use crate::trust_policy::evaluate::action_matches;
use crate::trust_policy::model::{PrincipalEntry, PrincipalKind, Statement};

declare_rule! {
    /// ## What it does
    /// Reports an assume action that does not fit the statement's principal: web identities
    /// (an IAM OIDC provider, Cognito, Google, Facebook, Amazon) call
    /// `sts:AssumeRoleWithWebIdentity`, SAML providers `sts:AssumeRoleWithSAML`, AWS accounts,
    /// users, roles and services `sts:AssumeRole`. It is an error when no action of the statement
    /// fits, and a warning when another action of the statement does.
    ///
    /// ## Why is this bad?
    /// STS checks the action the caller actually performs. A GitHub Actions role whose trust
    /// policy allows only `sts:AssumeRole` for the OIDC provider can never be assumed: the
    /// workflow fails with "Not authorized to perform sts:AssumeRoleWithWebIdentity". IAM Access
    /// Analyzer reports "Mismatched action for principal".
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRole",
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
    /// - Creating a role for web identity or OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>
    /// - IAM Access Analyzer policy check reference ("Mismatched action for principal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM017", name: "action-mismatch-for-principal", severity: Error
}

/// The three ways of assuming a role.
const ASSUME_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
];

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        mismatches(stmt, out);
    }
}

/// The assume action a principal calls, or `None` when any fits (`*`) or none is known.
fn expected_action(p: &PrincipalEntry) -> Option<&'static str> {
    if p.template {
        return None;
    }
    match p.kind {
        PrincipalKind::Everyone | PrincipalKind::CanonicalUser => None,
        PrincipalKind::Aws if p.value == "*" => None,
        PrincipalKind::Aws | PrincipalKind::Service => Some("sts:AssumeRole"),
        PrincipalKind::Federated => {
            if p.value.contains(":saml-provider/") {
                Some("sts:AssumeRoleWithSAML")
            } else if p.value.contains(":oidc-provider/")
                || WEB_IDENTITY_PROVIDERS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&p.value))
            {
                Some("sts:AssumeRoleWithWebIdentity")
            } else {
                None
            }
        }
    }
}

fn describe(p: &PrincipalEntry) -> &'static str {
    match p.kind {
        PrincipalKind::Federated if p.value.contains(":saml-provider/") => "the SAML provider",
        PrincipalKind::Federated if p.value.contains(":oidc-provider/") => "the OIDC provider",
        PrincipalKind::Federated => "the web identity provider",
        PrincipalKind::Service => "the service principal",
        _ => "the AWS principal",
    }
}

fn mismatches(stmt: &Statement, out: &mut Vec<Diagnostic>) {
    let Some(element) = &stmt.action else { return };
    if element.not || !stmt.is_allow() {
        return;
    }
    let principals = stmt.principals();
    if principals.is_empty()
        || principals
            .iter()
            .any(|p| p.template || expected_action(p).is_none())
    {
        return;
    }
    let expected: Vec<(&'static str, &PrincipalEntry)> = principals
        .iter()
        .filter_map(|p| expected_action(p).map(|a| (a, p)))
        .collect();
    let fits = |pattern: &str| expected.iter().any(|(a, _)| action_matches(pattern, a));
    let any_fits = element.actions.iter().any(|a| fits(&a.value));
    for action in &element.actions {
        let a = action.value.as_str();
        // Only the three assume actions can mismatch; `sts:TagSession` and friends go with any.
        let assumes: Vec<&str> = ASSUME_ACTIONS
            .iter()
            .copied()
            .filter(|x| action_matches(a, x))
            .collect();
        if assumes.is_empty() || fits(a) {
            continue;
        }
        let Some((want, principal)) = expected.first() else {
            continue;
        };
        let mut d = RULE
            .at(
                action.span,
                format!(
                    "`{}` does not fit {}: it assumes roles with `{want}`",
                    shorten(a, 60),
                    describe(principal)
                ),
            )
            .with_label(principal.span, "the principal");
        if any_fits {
            d = d
                .with_severity(Severity::Warning)
                .with_help(format!("remove `{a}`: this principal never calls it"));
        } else {
            d = d.with_help(format!(
                "with only `{a}`, the principal can never assume the role; use `{want}`"
            ));
            if expected.iter().all(|(x, _)| x == want) {
                d = d.with_fix(
                    format!("replace with `{want}`"),
                    action.span,
                    format!("\"{want}\""),
                );
            }
        }
        out.push(d);
    }
}
