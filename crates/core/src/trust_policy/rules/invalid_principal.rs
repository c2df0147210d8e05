//! IAM013 invalid-principal.

use crate::declare_rule;
use super::Cx;
use super::helpers::rename_key;
use super::helpers::{WEB_IDENTITY_PROVIDERS, principal_placeholder};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;
use crate::trust_policy::lower::{EmptyPart, PRINCIPAL_KEYS};
use crate::trust_policy::model::{PrincipalEntry, PrincipalKind};
use crate::trust_policy::request::is_account_id;

declare_rule! {
    /// ## What it does
    /// Reports a principal IAM does not accept: a type other than `AWS`, `Service`, `Federated`
    /// and `CanonicalUser`; a bare string other than `"*"`; an `AWS` value that is neither an
    /// account ID nor an IAM user, role or role-session ARN (IAM groups cannot be principals);
    /// a partial wildcard (`arn:aws:iam::123456789012:role/*`); a `Federated` value that is not an
    /// IAM OIDC or SAML provider ARN or a built-in web identity provider (the issuer URL instead
    /// of the provider ARN is a common mistake); an empty principal list. A `CanonicalUser`
    /// principal, meaningful for Amazon S3 only, is a warning, since whether IAM rejects it in a
    /// trust policy is not confirmed; so is an empty principal list.
    ///
    /// ## Why is this bad?
    /// IAM rejects the policy ("Invalid principal in policy"); there is no partial wildcard in
    /// principals — to trust several roles, name the account and narrow it with a condition on
    /// `aws:PrincipalArn`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:role/deploy-*"},
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
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::123456789012:role/deploy-*"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Principal: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>
    /// - IAM Access Analyzer policy check reference ("Unsupported wildcard in principal", "Invalid federated principal syntax in role trust policy"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM013", name: "invalid-principal", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for bare in &cx.facts.bare_principals {
        let (name, text) = (bare.element, bare.text.as_str());
        let kind_hint = if text.ends_with(".amazonaws.com") {
            "Service"
        } else if text.contains(":oidc-provider/") || text.contains(":saml-provider/") {
            "Federated"
        } else {
            "AWS"
        };
        out.push(
            RULE.at(
                bare.span,
                format!(
                    "`{name}` written as a string must be `*`, found `{}`",
                    shorten(text, 60)
                ),
            )
            .with_help(format!(
                "say what kind of principal it is: `\"{name}\": {{\"{kind_hint}\": \"{}\"}}`",
                shorten(text, 60)
            ))
            .with_fix(
                format!("wrap in {{\"{kind_hint}\": …}}"),
                bare.span,
                // The string as written, escapes and all: a decoded value re-quoted would lose them.
                format!("{{\"{kind_hint}\": {}}}", bare.span.slice(cx.text)),
            ),
        );
    }
    for empty in &cx.facts.empty {
        match &empty.part {
            EmptyPart::Principal { element } => out.push(
                RULE.at(empty.span, format!("`{element}` names no principal"))
                    .with_help(
                        "name who may assume the role, e.g. `{\"Service\": \"codebuild.amazonaws.com\"}`",
                    ),
            ),
            EmptyPart::PrincipalList { kind } => out.push(
                RULE.at(empty.span, format!("the `{}` list is empty", kind.key()))
                    .with_help("name at least one principal, or remove the key"),
            ),
            _ => {}
        }
    }
    for unknown in &cx.facts.unknown_principal_types {
        let key = unknown.value.as_str();
        let d = RULE.at(
            unknown.span,
            format!("`{}` is not a principal type", shorten(key, 60)),
        );
        let names = PRINCIPAL_KEYS.iter().map(|(k, _)| *k);
        out.push(match did_you_mean(key, names) {
            Some(s) => d
                .with_help(format!(
                    "did you mean `{s}`? principal types are `AWS`, `Service`, `Federated` and `CanonicalUser`"
                ))
                .with_edits(format!("rename to `{s}`"), rename_key(cx, unknown.span, s)),
            None => d.with_help(
                "principal types are `AWS`, `Service`, `Federated` and `CanonicalUser`",
            ),
        });
    }
    for stmt in &cx.policy.statements {
        let Some(element) = &stmt.principal else {
            continue;
        };
        for entry in &element.entries {
            // A placeholder's real value is unknown (IAM028 reports it).
            if entry.template || principal_placeholder(entry).is_some() {
                continue;
            }
            let problem = match entry.kind {
                PrincipalKind::Everyone => None,
                PrincipalKind::Aws => aws_problem(entry),
                PrincipalKind::Service => service_problem(&entry.value),
                PrincipalKind::Federated => federated_problem(&entry.value),
                PrincipalKind::CanonicalUser => {
                    out.push(
                        RULE.at(entry.span, "a `CanonicalUser` principal cannot assume a role")
                            .with_severity(Severity::Warning)
                            .with_help(
                                "canonical user IDs identify Amazon S3 accounts in bucket policies; to trust an account, use `{\"AWS\": \"123456789012\"}`",
                            ),
                    );
                    None
                }
            };
            if let Some((message, help)) = problem {
                out.push(RULE.at(entry.span, message).with_help(help));
            }
        }
    }
}

/// A problem with a principal value: the message and the help.
type Problem = Option<(String, String)>;

fn has_wildcard(value: &str) -> bool {
    value.contains(['*', '?'])
}

fn aws_problem(entry: &PrincipalEntry) -> Problem {
    let v = entry.value.as_str();
    if v == "*" || is_account_id(v) {
        return None;
    }
    // Unique IDs (AIDA…, AROA…) appear where a trusted user or role was deleted.
    if (v.starts_with("AIDA") || v.starts_with("AROA"))
        && v.len() == 21
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return None;
    }
    let shown = shorten(v, 80);
    if has_wildcard(v) {
        return Some((
            format!("`{shown}`: a principal cannot contain a partial wildcard"),
            "name each principal, or trust the account and narrow it with a condition such as `\"ArnLike\": {\"aws:PrincipalArn\": \"…\"}`".into(),
        ));
    }
    let fields: Vec<&str> = v.splitn(6, ':').collect();
    let (Some(&"arn"), Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        fields.first(),
        fields.get(1),
        fields.get(2),
        fields.get(3),
        fields.get(4),
        fields.get(5),
    ) else {
        return Some((
            format!("`{shown}` is not an AWS account ID or an IAM ARN"),
            "an `AWS` principal is a 12-digit account ID, `arn:aws:iam::ACCOUNT:root`, or the ARN of an IAM user, role or role session".into(),
        ));
    };
    let ok_partition = partition.starts_with("aws");
    if !ok_partition || !region.is_empty() {
        return Some((
            format!("`{shown}` is not a valid IAM ARN"),
            "IAM ARNs look like `arn:aws:iam::123456789012:role/NAME` (no region)".into(),
        ));
    }
    if *service == "iam"
        && *account == "cloudfront"
        && resource.starts_with("user/CloudFront Origin Access Identity")
    {
        return None;
    }
    if !is_account_id(account) {
        return Some((
            format!("`{shown}`: `{account}` is not a 12-digit account ID"),
            "write the account ID with all 12 digits (leading zeros included)".into(),
        ));
    }
    let ok = match *service {
        "iam" => {
            *resource == "root" || resource.starts_with("user/") || resource.starts_with("role/")
        }
        "sts" => {
            resource.starts_with("assumed-role/") && resource.matches('/').count() >= 2
                || resource.starts_with("federated-user/")
        }
        _ => false,
    };
    if ok {
        return None;
    }
    if *service == "iam" && resource.starts_with("group/") {
        return Some((
            format!("`{shown}`: an IAM group cannot be a principal"),
            "groups are not identities: name the users or roles, or the account".into(),
        ));
    }
    Some((
        format!("`{shown}` is not an IAM user, role, role session or account root ARN"),
        "an `AWS` principal is `arn:aws:iam::ACCOUNT:root`, `…:user/NAME`, `…:role/NAME` or `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`".into(),
    ))
}

fn service_problem(v: &str) -> Problem {
    let shown = shorten(v, 80);
    if has_wildcard(v) {
        return Some((
            format!("`{shown}`: a service principal cannot contain a wildcard"),
            "name each service, e.g. `[\"codebuild.amazonaws.com\", \"codepipeline.amazonaws.com\"]`".into(),
        ));
    }
    if v.starts_with("arn:") {
        return Some((
            format!("`{shown}` is an ARN, not a service principal"),
            "a service principal is the service's name, e.g. `codebuild.amazonaws.com`; an ARN goes under `AWS`".into(),
        ));
    }
    if v.is_empty() || !v.contains('.') || v.chars().any(char::is_whitespace) {
        return Some((
            format!("`{shown}` is not a service principal"),
            "service principals are host names such as `codebuild.amazonaws.com` or `ecs-tasks.amazonaws.com`".into(),
        ));
    }
    None
}

fn federated_problem(v: &str) -> Problem {
    let shown = shorten(v, 80);
    if WEB_IDENTITY_PROVIDERS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(v))
    {
        return None;
    }
    if has_wildcard(v) {
        return Some((
            format!("`{shown}`: a federated principal cannot contain a wildcard"),
            "name the identity provider's ARN".into(),
        ));
    }
    let fields: Vec<&str> = v.splitn(6, ':').collect();
    if let (Some(&"arn"), Some(partition), Some(&"iam"), Some(&""), Some(account), Some(resource)) = (
        fields.first(),
        fields.get(1),
        fields.get(2),
        fields.get(3),
        fields.get(4),
        fields.get(5),
    ) && partition.starts_with("aws")
    {
        let provider = resource
            .strip_prefix("oidc-provider/")
            .or_else(|| resource.strip_prefix("saml-provider/"));
        if let Some(name) = provider {
            if name.is_empty() {
                return Some((
                    format!("`{shown}` names no identity provider"),
                    "end the ARN with the provider: `oidc-provider/token.actions.githubusercontent.com`".into(),
                ));
            }
            if !is_account_id(account) {
                return Some((
                    format!("`{shown}`: `{account}` is not a 12-digit account ID"),
                    "write the account ID of the account holding the identity provider".into(),
                ));
            }
            if name.starts_with("https://") {
                return Some((
                    format!("`{shown}`: the provider part of the ARN has no `https://`"),
                    format!(
                        "write `…:oidc-provider/{}`",
                        name.trim_start_matches("https://")
                    ),
                ));
            }
            return None;
        }
    }
    let host = v.trim_start_matches("https://");
    if !v.starts_with("arn:") && host.contains('.') && !host.contains(' ') {
        return Some((
            format!("`{shown}` is an issuer, not the ARN of an IAM identity provider"),
            format!(
                "use the provider's ARN: `arn:aws:iam::ACCOUNT_ID:oidc-provider/{}`",
                host.trim_end_matches('/')
            ),
        ));
    }
    Some((
        format!("`{shown}` is not an IAM identity provider ARN"),
        "a `Federated` principal is `arn:aws:iam::ACCOUNT:oidc-provider/HOST`, `arn:aws:iam::ACCOUNT:saml-provider/NAME`, or a built-in provider such as `cognito-identity.amazonaws.com`".into(),
    ))
}
