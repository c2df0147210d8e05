//! Helpers shared by several trust-policy rules (none of them reports anything).

use std::collections::HashSet;

use crate::source::Span;
use crate::source::edit::{self, Edit};
use crate::trust_policy::explore::{Admission, Admits, WildcardReport};
use crate::trust_policy::lower::{Place, UnknownElement};
use crate::trust_policy::model::{Condition, PrincipalEntry, PrincipalKind, Statement};
use crate::trust_policy::oidc::{self, Provider, ProviderKind, Trust};
use crate::trust_policy::operators::{Family, SetQualifier};
use crate::trust_policy::text;

/// Built-in web identity providers usable as `Federated` without an IAM provider.
pub(crate) const WEB_IDENTITY_PROVIDERS: &[&str] = &[
    "cognito-identity.amazonaws.com",
    "www.amazon.com",
    "graph.facebook.com",
    "accounts.google.com",
];

/// The STS actions a trust policy controls.
pub(crate) const TRUST_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// Whether an action is `*` or of the form `service:Action` (the name may hold wildcards).
pub(crate) fn well_formed(action: &str) -> bool {
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

/// The template placeholder in a principal's value, if any: `${var.org}`, `<ACCOUNT_ID>`, or a
/// placeholder word in the account field of an ARN (`arn:aws:iam::AWS_ACCOUNT_ID:root`).
pub(crate) fn principal_placeholder(entry: &PrincipalEntry) -> Option<String> {
    if let Some(token) = text::placeholder(&entry.value) {
        return Some(token);
    }
    let account = entry.value.split(':').nth(4)?;
    (entry.value.starts_with("arn:") && text::account_placeholder(account))
        .then(|| account.to_string())
}

/// The first condition entry of each operator block of a statement, so that an operator is
/// checked once however many keys its block has.
pub(crate) fn operator_blocks(stmt: &Statement) -> impl Iterator<Item = &Condition> {
    let mut seen: HashSet<Span> = HashSet::new();
    stmt.conditions
        .iter()
        .filter(move |c| seen.insert(c.operator.span))
}

/// Whether a condition's key is `key` (keys ignore case).
pub(crate) fn key_is(cond: &Condition, key: &str) -> bool {
    cond.key.value.eq_ignore_ascii_case(key)
}

/// Whether a condition positively restricts its key: a known, non-negated string or ARN
/// operator without `ForAllValues:`.
pub(crate) fn positive(cond: &Condition) -> bool {
    cond.parsed.is_some_and(|op| {
        !op.base.is_negated()
            && matches!(op.base.family(), Family::String | Family::Arn)
            && op.qualifier != Some(SetQualifier::ForAllValues)
    })
}

/// Where a finding about a provider's trust goes: the principal naming the provider, else the
/// statement's first principal, else the statement.
pub(crate) fn principal_span(stmt: &Statement, provider: &Provider) -> Span {
    stmt.principals()
        .iter()
        .find(|p| {
            p.kind == PrincipalKind::Federated
                && oidc::host_of_provider_arn(&p.value)
                    .is_some_and(|h| h.eq_ignore_ascii_case(&provider.host))
        })
        .or_else(|| stmt.principals().first())
        .map_or(stmt.span, |p| p.span)
}

/// A statement trusting an OIDC provider without a positive condition on its `sub` key.
pub(crate) struct SubjectGap<'a> {
    /// Where to report it ([`principal_span`]).
    pub span: Span,
    /// The provider's `sub` key.
    pub sub_key: String,
    /// How the statement trusts the provider, as the start of a sentence (empty when it names
    /// the provider).
    pub via: &'static str,
    /// What the conditions on `sub` lack.
    pub detail: String,
    /// The first condition on `sub`, which does not restrict who gets in.
    pub first: Option<&'a Condition>,
}

/// How `stmt` fails to restrict the subject of `provider`'s tokens; `None` when a positive
/// condition on the `sub` key does.
pub(crate) fn subject_gap<'a>(stmt: &'a Statement, provider: &Provider) -> Option<SubjectGap<'a>> {
    let sub_key = provider.key("sub");
    let subs: Vec<&Condition> = stmt
        .conditions
        .iter()
        .filter(|c| key_is(c, &sub_key))
        .collect();
    if subs.iter().any(|c| positive(c)) {
        return None;
    }
    let via = match provider.trust {
        Trust::Named => "",
        Trust::Wildcard => "the wildcard principal admits the provider's tokens, and ",
        Trust::WildcardAction => {
            "the wildcard principal admits GitHub's tokens with `sts:AssumeRoleWithWebIdentity` (if the account has the GitHub OIDC provider), and "
        }
    };
    let detail = if subs.is_empty() {
        format!("there is no condition on `{sub_key}`")
    } else if subs.iter().any(|c| {
        c.parsed
            .is_some_and(|o| o.qualifier == Some(SetQualifier::ForAllValues))
    }) {
        format!(
            "the only `{sub_key}` check uses `ForAllValues:`, which is true when the key is absent"
        )
    } else {
        format!("the `{sub_key}` conditions only exclude values; every other subject still gets in")
    };
    Some(SubjectGap {
        span: principal_span(stmt, provider),
        sub_key,
        via,
        detail,
        first: subs.first().copied(),
    })
}

/// Whether a `sub` wildcard of a GitHub or GitLab statement admits callers.
pub(crate) fn admits_callers(report: &WildcardReport) -> bool {
    matches!(
        report.provider,
        Some(ProviderKind::GitHub | ProviderKind::GitLab)
    ) && !report.admitted.is_empty()
}

/// The callers a `sub` wildcard admits from other owners or repositories.
pub(crate) fn admitted_elsewhere(report: &WildcardReport) -> Vec<&Admission> {
    report
        .admitted
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                Admits::AnyOwner | Admits::OtherOwner | Admits::OtherRepository
            )
        })
        .collect()
}

/// Up to four admitted callers, quoted with their notes.
pub(crate) fn quote_admissions(list: &[&Admission]) -> String {
    list.iter()
        .take(4)
        .map(|a| format!("`{}` ({})", a.value, a.note))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The edits that rename the key at `key` to `name`; `None` when its object already has a key
/// `name` (the rename would make a duplicate, and which of the two is meant is not certain).
pub(crate) fn rename_key(cx: &super::Cx<'_>, key: Span, name: &str) -> Option<Vec<Edit>> {
    let (map, _) = edit::find_entry(cx.root, key)?;
    if map.entries.iter().any(|p| p.key_str() == Some(name)) {
        return None;
    }
    Some(vec![edit::rewrite_scalar(cx.text, key, name)])
}

/// The edits that turn the operator block whose key is at `operator` into a block of `name`:
/// a rename, or, when the `Condition` already has a `name` block, moving this block's keys into
/// it (two blocks of one operator would drop one of them).
pub(crate) fn rename_operator(cx: &super::Cx<'_>, operator: Span, name: &str) -> Option<Vec<Edit>> {
    let (map, index) = edit::find_entry(cx.root, operator)?;
    match map.entries.iter().position(|p| p.key_str() == Some(name)) {
        Some(into) => edit::merge_entries(cx.text, map, &[index], into),
        None => Some(vec![edit::rewrite_scalar(cx.text, operator, name)]),
    }
}

/// The edits that merge the entry whose key is at `key` with the other entries of its object
/// that have the same key (into the last one, which IAM keeps): two `StringEquals` blocks, or two
/// `Condition` elements, become one. `None` when the members collide.
pub(crate) fn merge_with_duplicates(cx: &super::Cx<'_>, key: Span) -> Option<Vec<Edit>> {
    let (map, index) = edit::find_entry(cx.root, key)?;
    let name = map.entries.get(index)?.key_str()?;
    edit::merge_duplicates(cx.text, map, name)
}

/// The dropped condition (an earlier duplicate IAM ignores, kept in
/// [`Statement::dropped_conditions`]) that would check `key` positively, if any.
pub(crate) fn dropped_check<'a>(stmt: &'a Statement, key: &str) -> Option<&'a Condition> {
    stmt.dropped_conditions
        .iter()
        .find(|c| key_is(c, key) && positive(c))
}

/// The unknown element at `place` that misspells the element `name` (`Principals` for
/// `Principal`): its closest known element is `name`.
pub(crate) fn misspelt_element<'a>(
    cx: &super::Cx<'a>,
    place: Place,
    name: &str,
) -> Option<&'a UnknownElement> {
    cx.facts.unknown_elements.iter().find(|u| {
        u.place == place
            && crate::suggest::did_you_mean(&u.name, u.known.iter().copied()) == Some(name)
    })
}

/// A missing element whose misspelling is written instead: the diagnostic says so, and renames
/// the misspelt key.
pub(crate) fn misspelt_instead(
    cx: &super::Cx<'_>,
    d: crate::diagnostic::Diagnostic,
    typo: &UnknownElement,
    name: &str,
) -> crate::diagnostic::Diagnostic {
    let written = crate::source::tree::shorten(&typo.name, 40);
    let message = format!("{}; `{written}` looks like a misspelling of it", d.message);
    crate::diagnostic::Diagnostic { message, ..d }
        .with_label(typo.span, format!("did you mean `{name}`?"))
        .with_help(format!("did you mean `{name}`? rename `{written}`"))
        .with_edits(
            format!("rename `{written}` to `{name}`"),
            rename_key(cx, typo.span, name),
        )
}
