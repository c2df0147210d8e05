//! The trust-policy evaluator: "may this caller assume the role?".
//!
//! A pure function of the policy and the request, after the IAM User Guide's evaluation logic
//! (reference Part B6): a statement applies when its principal, its action and all of its
//! conditions match; an applying `Deny` wins over everything, an applying `Allow` allows, and
//! otherwise the answer is an implicit deny. A failed condition makes a statement not apply — it
//! is not a deny. The answer carries a trace per statement, with spans, saying why each statement
//! applied or not.
//!
//! Only the trust policy is evaluated: the caller's own identity policies, SCPs/RCPs, permission
//! boundaries and the token validation STS does before reading the policy (signature, expiry,
//! audience in the provider's client-ID list) are outside it.
//!
//! The request is in [`super::request`], the answer and its trace in [`super::trace`]; both are
//! re-exported here.

use std::net::IpAddr;

use super::model::{Condition, Effect, PrincipalEntry, PrincipalKind, Statement, TrustPolicy};
use super::operators::{
    self, BaseOperator, Family, Operator, SetQualifier, Tok, arn_match, glob_match, glob_tokens,
    literal_eq, literal_tokens,
};
use super::request::{aws_arn, session_role_arn};
use super::text::{Piece, pieces};

pub use super::request::{Caller, Context, ContextEntry, Request};
pub use super::trace::{ConditionFailure, Decision, Evaluation, Outcome, Skip, StatementTrace};

/// Evaluates a request against a trust policy.
pub fn evaluate(policy: &TrustPolicy, request: &Request) -> Evaluation {
    let expand = policy.expands_variables();
    let statements: Vec<StatementTrace> = policy
        .statements
        .iter()
        .map(|s| StatementTrace {
            index: s.index,
            sid: s.sid.as_ref().map(|x| x.value.clone()),
            effect: s.effect.as_ref().map(|e| e.value),
            span: s.span,
            outcome: statement_outcome(s, request, expand),
        })
        .collect();
    let applying = |effect: Effect| {
        statements
            .iter()
            .position(|t| t.effect == Some(effect) && t.outcome == Outcome::Applies)
    };
    let (decision, deciding) = if let Some(i) = applying(Effect::Deny) {
        (Decision::ExplicitDeny, Some(i))
    } else if let Some(i) = applying(Effect::Allow) {
        (Decision::Allow, Some(i))
    } else {
        (Decision::ImplicitDeny, None)
    };
    Evaluation {
        decision,
        deciding,
        statements,
    }
}

/// Whether a statement applies to a request, and if not, why.
pub fn statement_outcome(stmt: &Statement, request: &Request, expand: bool) -> Outcome {
    if stmt.effect.is_none() {
        return Outcome::Skipped(Skip::NoEffect);
    }
    let Some(principal) = &stmt.principal else {
        return Outcome::Skipped(Skip::NoPrincipal);
    };
    if principal.not {
        return Outcome::Skipped(Skip::NotPrincipal);
    }
    if !principal
        .entries
        .iter()
        .any(|p| principal_matches(p, &request.caller))
    {
        return Outcome::PrincipalMismatch(principal.span);
    }
    let Some(action) = &stmt.action else {
        return Outcome::Skipped(Skip::NoAction);
    };
    let listed = action
        .actions
        .iter()
        .any(|a| action_matches(&a.value, &request.action));
    if listed == action.not {
        return Outcome::ActionMismatch(action.span);
    }
    match conditions_hold(&stmt.conditions, &request.context, expand) {
        Ok(()) => Outcome::Applies,
        Err(f) => Outcome::ConditionFailed(*f),
    }
}

/// Whether every condition holds (they are AND-ed); the first failure otherwise.
pub fn conditions_hold(
    conditions: &[Condition],
    context: &Context,
    expand: bool,
) -> Result<(), Box<ConditionFailure>> {
    conditions
        .iter()
        .try_for_each(|c| condition_holds(c, context, expand))
}

/// Whether an action pattern (`sts:Assume*`) covers an action; both parts ignore case.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    glob_match(&glob_tokens(pattern), action, true)
}

/// The principal entries of a statement that name the caller.
pub fn matching_principals<'a>(
    stmt: &'a Statement,
    caller: &'a Caller,
) -> impl Iterator<Item = &'a PrincipalEntry> + 'a {
    stmt.principals()
        .iter()
        .filter(move |p| principal_matches(p, caller))
}

fn principal_matches(entry: &PrincipalEntry, caller: &Caller) -> bool {
    if entry.template {
        return false;
    }
    match entry.kind {
        PrincipalKind::Everyone => true,
        PrincipalKind::Aws => match caller {
            _ if entry.value == "*" => true,
            Caller::Aws(spec) => aws_principal_matches(&entry.value, spec),
            _ => false,
        },
        PrincipalKind::Service => {
            matches!(caller, Caller::Service(name) if name.eq_ignore_ascii_case(&entry.value))
        }
        PrincipalKind::Federated => matches!(caller, Caller::Federated(p)
            if *p == entry.value
                || (!p.starts_with("arn:") && p.eq_ignore_ascii_case(&entry.value))),
        PrincipalKind::CanonicalUser => {
            matches!(caller, Caller::CanonicalUser(id) if *id == entry.value)
        }
    }
}

/// Whether an `AWS` principal of the policy covers the caller: the same ARN; an account (ID or
/// `:root` ARN) covers every identity of that account; a role ARN covers that role's sessions.
fn aws_principal_matches(policy: &str, caller_spec: &str) -> bool {
    let caller = aws_arn(caller_spec);
    let policy_arn = aws_arn(policy);
    if policy_arn == caller {
        return true;
    }
    let policy_fields: Vec<&str> = policy_arn.splitn(6, ':').collect();
    let caller_fields: Vec<&str> = caller.splitn(6, ':').collect();
    let (Some(p_partition), Some(p_account), Some(p_resource)) = (
        policy_fields.get(1),
        policy_fields.get(4),
        policy_fields.get(5),
    ) else {
        return false;
    };
    let (Some(c_partition), Some(c_account)) = (caller_fields.get(1), caller_fields.get(4)) else {
        return false;
    };
    if p_partition != c_partition || p_account != c_account {
        return false;
    }
    if *p_resource == "root" {
        return true;
    }
    if let Some(role_path) = p_resource.strip_prefix("role/")
        && let Some(session_role) = session_role_arn(&caller)
    {
        let policy_role = role_path.rsplit('/').next().unwrap_or(role_path);
        return session_role.ends_with(&format!(":role/{policy_role}"));
    }
    false
}

/// A policy value made ready for comparison.
enum Expected {
    Tokens(Vec<Tok>),
    Number(f64),
    Date(i64),
    Bool(bool),
    Bytes(Vec<u8>),
    Cidr((IpAddr, u8)),
    /// A value the operator cannot read (it never matches).
    Unreadable,
}

fn resolve_tokens(
    text: &str,
    context: &Context,
    expand: bool,
    wildcards: bool,
) -> Result<Vec<Tok>, String> {
    let plain = |t: &str| {
        if wildcards {
            glob_tokens(t)
        } else {
            literal_tokens(t)
        }
    };
    if !expand {
        return Ok(plain(text));
    }
    let mut out = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.extend(plain(t)),
            Piece::Escape(c) => out.push(Tok::Char(c)),
            Piece::Template(t) => out.extend(literal_tokens(t)),
            Piece::Variable { key, default } => match (context.get(key), default) {
                (Some([value]), _) => out.extend(literal_tokens(value)),
                (_, Some(d)) => out.extend(literal_tokens(d)),
                _ => return Err(key.to_string()),
            },
        }
    }
    Ok(out)
}

fn tokens_text(tokens: &[Tok]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Tok::Char(c) => *c,
            Tok::Star => '*',
            Tok::One => '?',
        })
        .collect()
}

fn expected_value(
    base: BaseOperator,
    text: &str,
    context: &Context,
    expand: bool,
) -> Result<Expected, String> {
    let expand = expand && base.expands_variables();
    Ok(match base.family() {
        Family::String | Family::Arn => {
            Expected::Tokens(resolve_tokens(text, context, expand, base.has_wildcards())?)
        }
        Family::Bool => {
            let resolved = tokens_text(&resolve_tokens(text, context, expand, false)?);
            operators::parse_bool(&resolved).map_or(Expected::Unreadable, Expected::Bool)
        }
        Family::Numeric => {
            operators::parse_number(text).map_or(Expected::Unreadable, Expected::Number)
        }
        Family::Date => operators::parse_date(text).map_or(Expected::Unreadable, Expected::Date),
        Family::Binary => {
            operators::decode_base64(text).map_or(Expected::Unreadable, Expected::Bytes)
        }
        Family::Ip => operators::parse_cidr(text).map_or(Expected::Unreadable, Expected::Cidr),
        Family::Null => operators::parse_bool(text).map_or(Expected::Unreadable, Expected::Bool),
    })
}

/// Whether one request value matches one policy value under the positive form of `base`
/// (`StringNotLike` compares like `StringLike`; the negation is applied by the caller).
fn value_matches(base: BaseOperator, expected: &Expected, actual: &str) -> bool {
    use BaseOperator as B;
    match (base, expected) {
        (_, Expected::Unreadable) => false,
        (B::StringEquals | B::StringNotEquals, Expected::Tokens(t)) => literal_eq(t, actual, false),
        (B::StringEqualsIgnoreCase | B::StringNotEqualsIgnoreCase, Expected::Tokens(t)) => {
            literal_eq(t, actual, true)
        }
        (B::StringLike | B::StringNotLike, Expected::Tokens(t)) => glob_match(t, actual, false),
        (_, Expected::Tokens(t)) => arn_match(t, actual),
        (_, Expected::Number(n)) => {
            operators::parse_number(actual).is_some_and(|a| compare(base, a, *n))
        }
        (_, Expected::Date(d)) => {
            operators::parse_date(actual).is_some_and(|a| compare(base, a as f64, *d as f64))
        }
        (_, Expected::Bool(b)) => operators::parse_bool(actual) == Some(*b),
        (_, Expected::Bytes(bytes)) => match operators::decode_base64(actual) {
            Some(a) => a == *bytes,
            None => actual.as_bytes() == bytes.as_slice(),
        },
        (_, Expected::Cidr(net)) => actual
            .parse::<IpAddr>()
            .is_ok_and(|a| operators::ip_in(*net, a)),
    }
}

fn compare(base: BaseOperator, actual: f64, expected: f64) -> bool {
    use BaseOperator as B;
    match base {
        B::NumericLessThan | B::DateLessThan => actual < expected,
        B::NumericLessThanEquals | B::DateLessThanEquals => actual <= expected,
        B::NumericGreaterThan | B::DateGreaterThan => actual > expected,
        B::NumericGreaterThanEquals | B::DateGreaterThanEquals => actual >= expected,
        _ => actual == expected,
    }
}

/// Evaluates one condition entry.
pub fn condition_holds(
    condition: &Condition,
    context: &Context,
    expand: bool,
) -> Result<(), Box<ConditionFailure>> {
    let expected_texts: Vec<String> = condition.values.iter().map(|v| v.text.clone()).collect();
    let actual = context.get(&condition.key.value);
    let fail = |why: String| {
        Box::new(ConditionFailure {
            operator: condition.operator.value.clone(),
            key: condition.key.value.clone(),
            expected: expected_texts.clone(),
            actual: actual.map(<[String]>::to_vec),
            why,
            span: condition.span,
            operator_span: condition.operator.span,
        })
    };
    let Some(op) = condition.parsed else {
        return Err(fail(format!(
            "`{}` is not a condition operator (IAM rejects this policy)",
            condition.operator.value
        )));
    };
    let present = actual.filter(|v| !v.is_empty());
    if op.base == BaseOperator::Null {
        return null_holds(op, condition, present.is_some()).map_err(fail);
    }
    let Some(values) = present else {
        return absent_key(op, &condition.key.value, actual.is_some()).map_err(fail);
    };
    let mut expected = Vec::with_capacity(condition.values.len());
    for v in &condition.values {
        match expected_value(op.base, &v.text, context, expand) {
            Ok(e) => expected.push(e),
            Err(var) => {
                return Err(fail(format!(
                    "the policy variable `${{{var}}}` has no single value in the request, so the condition cannot match"
                )));
            }
        }
    }
    // Whether one request value satisfies the operator against the policy values: any of them
    // for a positive operator, none of them for a negated one.
    let satisfies = |value: &str| {
        let any = expected.iter().any(|e| value_matches(op.base, e, value));
        any != op.base.is_negated()
    };
    let holds = match op.qualifier {
        Some(SetQualifier::ForAllValues) => values.iter().all(|v| satisfies(v)),
        Some(SetQualifier::ForAnyValue) => values.iter().any(|v| satisfies(v)),
        // Without a set operator, a positive operator needs one matching request value and a
        // negated one needs every request value to match none (values are OR-ed, negations
        // AND-ed); with a single request value both readings agree.
        None if op.base.is_negated() => values.iter().all(|v| satisfies(v)),
        None => values.iter().any(|v| satisfies(v)),
    };
    if holds {
        return Ok(());
    }
    Err(fail(explain_mismatch(op, condition, values, &expected)))
}

fn null_holds(op: Operator, condition: &Condition, present: bool) -> Result<(), String> {
    match op.qualifier {
        Some(SetQualifier::ForAllValues) => return Ok(()),
        Some(SetQualifier::ForAnyValue) => {
            return Err("`ForAnyValue:Null` is always false".to_string());
        }
        None => {}
    }
    let ok = condition
        .values
        .iter()
        .any(|v| match operators::parse_bool(&v.text) {
            Some(true) => !present,
            Some(false) => present,
            None => false,
        });
    if ok {
        Ok(())
    } else if present {
        Err(format!(
            "`Null: true` requires `{}` to be absent, but the request has it",
            condition.key.value
        ))
    } else {
        Err(format!(
            "`Null: false` requires `{}` to be present, but the request does not have it",
            condition.key.value
        ))
    }
}

/// The rule for an absent (or empty) key: `ForAllValues:`, `…IfExists` and negated operators
/// are true; everything else is false.
fn absent_key(op: Operator, key: &str, empty_set: bool) -> Result<(), String> {
    let what = if empty_set {
        format!("`{key}` is an empty set in the request")
    } else {
        format!("the request has no `{key}`")
    };
    match op.qualifier {
        Some(SetQualifier::ForAllValues) => Ok(()),
        Some(SetQualifier::ForAnyValue) if op.if_exists => Ok(()),
        Some(SetQualifier::ForAnyValue) => Err(format!(
            "{what}, and `ForAnyValue:` is false when the key is absent or empty"
        )),
        None if op.if_exists || op.base.is_negated() => Ok(()),
        None => Err(format!(
            "{what}; a condition on a missing key is false (add `IfExists` to the operator to make it optional)"
        )),
    }
}

fn explain_mismatch(
    op: Operator,
    condition: &Condition,
    actual: &[String],
    expected: &[Expected],
) -> String {
    let quote = |v: &[String]| {
        v.iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let want: Vec<String> = condition.values.iter().map(|v| v.text.clone()).collect();
    if op.base.is_negated() {
        let hit = actual.iter().find_map(|a| {
            condition
                .values
                .iter()
                .zip(expected)
                .find(|(_, e)| value_matches(op.base, e, a))
                .map(|(v, _)| (a, v))
        });
        if let Some((a, v)) = hit {
            return format!(
                "the request value `{a}` matches `{}`, which `{}` excludes",
                v.text,
                op.base.name()
            );
        }
    }
    let got = quote(actual);
    let mut why = match op.qualifier {
        Some(SetQualifier::ForAllValues) => {
            format!("not every request value ({got}) matches {}", quote(&want))
        }
        _ => format!(
            "the request has {got}, which does not match {}",
            quote(&want)
        ),
    };
    if op.base.is_exact_string() && want.iter().any(|w| w.contains(['*', '?'])) {
        why.push_str(&format!(
            "; `{}` compares `*` and `?` literally — only `StringLike` treats them as wildcards",
            op.base.name()
        ));
    } else if op.base.family() == Family::String
        && !matches!(
            op.base,
            BaseOperator::StringEqualsIgnoreCase | BaseOperator::StringNotEqualsIgnoreCase
        )
        && actual.iter().any(|a| {
            condition.values.iter().any(|w| {
                glob_match(&glob_tokens(&w.text), a, true)
                    && !glob_match(&glob_tokens(&w.text), a, false)
            })
        })
    {
        why.push_str(
            "; the values differ only in letter case, and this comparison is case-sensitive",
        );
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principals() {
        assert!(aws_principal_matches(
            "123456789012",
            "arn:aws:iam::123456789012:role/x"
        ));
        assert!(aws_principal_matches(
            "arn:aws:iam::123456789012:root",
            "arn:aws:sts::123456789012:assumed-role/R/session"
        ));
        assert!(aws_principal_matches(
            "arn:aws:iam::123456789012:role/path/R",
            "arn:aws:sts::123456789012:assumed-role/R/session"
        ));
        assert!(!aws_principal_matches(
            "arn:aws:iam::123456789012:role/R",
            "arn:aws:sts::123456789012:assumed-role/Other/session"
        ));
        assert!(!aws_principal_matches(
            "111111111111",
            "arn:aws:iam::123456789012:root"
        ));
        assert_eq!(
            Caller::parse("federated:arn:aws:iam::1:oidc-provider/x"),
            Ok(Caller::Federated("arn:aws:iam::1:oidc-provider/x".into()))
        );
        assert_eq!(
            Caller::parse("arn:aws:iam::123456789012:role/x"),
            Ok(Caller::Aws("arn:aws:iam::123456789012:role/x".into()))
        );
        assert!(Caller::parse("group:x").is_err());
    }

    #[test]
    fn actions() {
        assert!(action_matches(
            "sts:AssumeRole*",
            "STS:assumerolewithwebidentity"
        ));
        assert!(action_matches("*", "sts:AssumeRole"));
        assert!(!action_matches("sts:AssumeRole", "sts:AssumeRoleWithSAML"));
    }
}
