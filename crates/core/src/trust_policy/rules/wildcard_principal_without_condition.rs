//! IAM030 wildcard-principal-without-condition.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::evaluate::action_matches;
use crate::trust_policy::model::{Condition, PrincipalKind, Statement};
use crate::trust_policy::oidc;
use crate::trust_policy::operators::{BaseOperator, SetQualifier};
use crate::trust_policy::text;

declare_rule! {
    /// ## What it does
    /// Reports an `Allow` statement whose principal is everyone — `"Principal": "*"` or
    /// `{"AWS": "*"}` — with no condition at all, or with conditions none of which restricts who
    /// the caller is.
    ///
    /// A condition restricts the caller when it positively requires (no negated operator, no
    /// `ForAllValues:`, no `…IfExists`, not `Null`, not a lone `*`) a key other than those that
    /// say nothing about who calls: the network (`aws:SourceIp`, `aws:SourceVpc`, …), the time,
    /// MFA, TLS, the requested region, request tags, the session name or source identity the
    /// caller picks, and the `aud`/`amr` of a public identity provider (GitHub.com's Actions,
    /// gitlab.com, HCP Terraform), whose tokens anyone can obtain for any audience.
    ///
    /// ## Why is this bad?
    /// Anyone with AWS credentials, in any account, can assume the role and use its permissions.
    /// The wildcard principal admits identity providers' tokens too: with
    /// `sts:AssumeRoleWithWebIdentity` and only an `aud` check, any GitHub Actions workflow can
    /// assume the role (the GitHub rules IAM031–IAM033 report that as well). IAM Access Analyzer
    /// reports the wildcard principal in a trust policy as an error. A wildcard principal is only
    /// acceptable when conditions narrow it to known callers (for example to your organization
    /// with `aws:PrincipalOrgID`).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "*"},
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
    ///     "Principal": {"AWS": "*"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Principal ("All principals"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>
    /// - IAM Access Analyzer policy check reference ("Role trust policy unsupported wildcard in principal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM030", name: "wildcard-principal-without-condition", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in cx.policy.statements.iter().filter(|s| s.is_allow()) {
        wildcard_principal(stmt, out);
    }
}

fn wildcard_principal(stmt: &Statement, out: &mut Vec<Diagnostic>) {
    let Some(p) = stmt.principals().iter().find(|p| p.is_everyone()) else {
        return;
    };
    let shown = if p.kind == PrincipalKind::Everyone {
        "`\"Principal\": \"*\"`"
    } else {
        "`{\"AWS\": \"*\"}`"
    };
    let help = "name the accounts, roles, services or identity provider that may assume the role, or narrow `*` with a condition on who the caller is, such as `aws:PrincipalOrgID`";
    if stmt.conditions.is_empty() {
        out.push(
            RULE.at(
                p.span,
                format!(
                    "{shown} with no condition lets anyone in any AWS account assume this role"
                ),
            )
            .with_help(help),
        );
        return;
    }
    if stmt.conditions.iter().any(restricts_caller) {
        return;
    }
    let mut keys: Vec<String> = Vec::new();
    for c in &stmt.conditions {
        let k = format!("`{}`", shorten(&c.key.value, 60));
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    // Which callers the wildcard lets in depends on the action: AWS principals call
    // `AssumeRole`, identity providers' users the `…WithWebIdentity`/`…WithSAML` actions.
    let covers = |action: &str| {
        stmt.action.as_ref().is_some_and(|a| {
            let listed = a.actions.iter().any(|x| action_matches(&x.value, action));
            listed != a.not
        })
    };
    let federated = covers("sts:AssumeRoleWithWebIdentity") || covers("sts:AssumeRoleWithSAML");
    let who = match (covers("sts:AssumeRole"), federated) {
        (true, true) => "anyone in any AWS account or with any identity provider's token",
        (false, true) => "anyone with a token of any identity provider the account trusts",
        _ => "anyone in any AWS account",
    };
    let mut d = RULE
        .at(
            p.span,
            format!(
                "{shown} lets {who} assume this role: the conditions on {} do not restrict who the caller is",
                keys.into_iter().take(4).collect::<Vec<_>>().join(", ")
            ),
        )
        .with_help(help);
    if let Some(c) = stmt.conditions.first() {
        d = d.with_label(c.span, "this does not restrict who the caller is");
    }
    out.push(d);
}

/// Keys that say nothing about who the caller is: where the request comes from, when, how it is
/// authenticated, and values the caller chooses itself.
const NON_IDENTIFYING_KEYS: &[&str] = &[
    "aws:sourceip",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:vpcsourceip",
    "aws:securetransport",
    "aws:multifactorauthpresent",
    "aws:multifactorauthage",
    "aws:currenttime",
    "aws:epochtime",
    "aws:requestedregion",
    "aws:tokenissuetime",
    "aws:viaawsservice",
    "aws:calledvia",
    "aws:calledviafirst",
    "aws:calledvialast",
    "aws:tagkeys",
    "aws:useragent",
    "aws:referer",
    "aws:principaltype",
    "aws:principalisawsservice",
    "sts:rolesessionname",
    "sts:sourceidentity",
    "sts:transitivetagkeys",
];

/// Whether a condition restricts who the caller is (see this rule's docs): a positive check on a
/// key that identifies the caller, with a value other than a lone `*`. Unknown operators and
/// template placeholders count as restricting, so that nothing is claimed about them.
fn restricts_caller(cond: &Condition) -> bool {
    let Some(op) = cond.parsed else {
        return true;
    };
    if op.base.is_negated()
        || op.base == BaseOperator::Null
        || op.if_exists
        || op.qualifier == Some(SetQualifier::ForAllValues)
    {
        return false;
    }
    let key = cond.key.value.to_ascii_lowercase();
    if NON_IDENTIFYING_KEYS.contains(&key.as_str()) || key.starts_with("aws:requesttag/") {
        return false;
    }
    if let Some((prefix, claim)) = cond.key_parts() {
        if claim.eq_ignore_ascii_case("amr") {
            return false;
        }
        if claim.eq_ignore_ascii_case("aud") && oidc::is_public_issuer(prefix) {
            return false;
        }
    }
    if text::placeholder(&cond.key.value).is_some()
        || cond
            .values
            .iter()
            .any(|v| text::placeholder(&v.text).is_some())
    {
        return true;
    }
    // A value of only `*` under a pattern operator admits every value the key can have.
    let everything = |t: &str| !t.is_empty() && t.chars().all(|c| c == '*');
    !(op.base.has_wildcards() && cond.values.iter().any(|v| everything(&v.text)))
}
