//! `Action`: present, well-formed, one of the STS actions a trust policy controls, and the one
//! that fits the principal (`sts:AssumeRoleWithWebIdentity` for an OIDC provider).

use super::Ctx;
use super::principals::WEB_IDENTITY_PROVIDERS;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;
use crate::trust_policy::evaluate::action_matches;
use crate::trust_policy::model::{PrincipalEntry, PrincipalKind, Statement};

declare_rule! {
    /// ## What it does
    /// Reports a statement without `Action` (or `NotAction`), or with an empty list.
    ///
    /// ## Why is this bad?
    /// Every statement must name at least one action; IAM rejects the document ("Policy
    /// statement must contain actions").
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": []
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
    /// - IAM Access Analyzer policy check reference ("Missing action"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static MISSING_ACTION = { code: "IAM014", name: "missing-action", severity: Error };
}

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
    pub static MALFORMED_ACTION = { code: "IAM015", name: "malformed-action", severity: Error };
}

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
    pub static UNKNOWN_TRUST_ACTION = { code: "IAM016", name: "unknown-trust-action", severity: Warning };
}

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
    pub static ACTION_MISMATCH_FOR_PRINCIPAL = { code: "IAM017", name: "action-mismatch-for-principal", severity: Error };
}

/// The STS actions a trust policy controls.
pub(crate) const TRUST_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// The three ways of assuming a role.
const ASSUME_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
];

fn well_formed(action: &str) -> bool {
    if action == "*" {
        return true;
    }
    let Some((service, name)) = action.split_once(':') else {
        return false;
    };
    !service.is_empty()
        && !name.is_empty()
        && service
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'*' | b'?'))
}

/// Checks each action.
pub(crate) fn actions(cx: &mut Ctx<'_>) {
    for stmt in &cx.policy.statements {
        let Some(element) = &stmt.action else {
            continue;
        };
        for action in &element.actions {
            let a = action.value.as_str();
            if !well_formed(a) {
                let what = if a.is_empty() {
                    "an empty string".to_string()
                } else {
                    format!("`{}`", shorten(a, 60))
                };
                let mut d = MALFORMED_ACTION
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
                cx.push(d);
                continue;
            }
            if TRUST_ACTIONS.iter().any(|t| action_matches(a, t)) {
                continue;
            }
            let mut d = UNKNOWN_TRUST_ACTION.at(
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
            cx.push(d);
        }
        mismatches(cx, stmt);
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

fn mismatches(cx: &mut Ctx<'_>, stmt: &Statement) {
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
        let mut d = ACTION_MISMATCH_FOR_PRINCIPAL
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
        cx.push(d);
    }
}
