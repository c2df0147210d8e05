//! `Condition`: operator names, duplicated blocks, keys, values and policy variables.

use std::collections::HashSet;

use super::Ctx;
use super::structure::NONSTANDARD_CASE;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::source::Span;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;
use crate::trust_policy::model::{Condition, JsonType, Statement};
use crate::trust_policy::oidc;
use crate::trust_policy::operators::{self, BaseOperator, Family, Operator, ParsedOperator};
use crate::trust_policy::text::{self, Piece};

declare_rule! {
    /// ## What it does
    /// Reports a condition operator IAM does not have: a misspelling (`StringEqual`,
    /// `StringEqualsExists`), an unknown set qualifier (`ForEveryValue:`), or `NullIfExists`
    /// (`IfExists` can be added to every operator except `Null`).
    ///
    /// ## Why is this bad?
    /// IAM rejects the policy ("Invalid condition operator"). Some linters accept any name that
    /// looks like an operator, so such typos reach production templates.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEqual": {"aws:SourceAccount": "123456789012"}}
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
    /// - IAM JSON policy elements: Condition operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
    /// - IAM Access Analyzer policy check reference ("Invalid condition operator", "Null with if exists"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static UNKNOWN_CONDITION_OPERATOR = { code: "IAM020", name: "unknown-condition-operator", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a condition that IAM silently drops because its operator (or key) appears twice
    /// in the same JSON object — for example two `StringEquals` blocks in one `Condition`, one
    /// for `aud` and one for `sub` — and names the checks that are lost. Two `Condition` elements
    /// in one statement are reported too.
    ///
    /// ## Why is this bad?
    /// JSON readers keep only the last of two identical keys, and IAM is no exception: the first
    /// block vanishes without any error. This has removed the `sub` check from real GitHub
    /// deploy roles, letting any repository assume them. The generic duplicate-key rule (SRC002)
    /// reports the key; this rule says which condition is lost.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {
    ///       "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"},
    ///       "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    ///     }
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
    ///     "Condition": {
    ///       "StringEquals": {
    ///         "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main",
    ///         "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
    ///       }
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>
    /// - alphagov/govuk-infrastructure PR #879 (a duplicated `StringEquals` dropped the `sub` check)
    /// - RFC 8259, 4 "Objects" (duplicate names): <https://www.rfc-editor.org/rfc/rfc8259#section-4>
    pub static CONDITION_SILENTLY_DROPPED = { code: "IAM021", name: "condition-silently-dropped", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a condition value its operator cannot read: a word for `Numeric…`, something
    /// other than a W3C ISO 8601 date or epoch seconds for `Date…`, anything but `true`/`false`
    /// for `Bool` and `Null`, invalid base64 for `BinaryEquals`, an invalid CIDR block for
    /// `IpAddress`, or a value that is not an ARN for `Arn…`.
    ///
    /// ## Why is this bad?
    /// The comparison can never succeed, so a positive condition never matches and a negated one
    /// always does. IAM Access Analyzer reports a "Type mismatch"; whether IAM itself rejects the
    /// policy is not documented, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "yes"}}
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
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
    /// - IAM Access Analyzer policy check reference ("Type mismatch", "Invalid date value"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static CONDITION_VALUE_TYPE_MISMATCH = { code: "IAM022", name: "condition-value-type-mismatch", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about an empty `Condition` object, an empty operator block, or an empty list of
    /// values.
    ///
    /// ## Why is this bad?
    /// An empty list of values never matches (and with `ForAllValues:` matches only a missing
    /// key, with `…IfExists` only a missing key); an empty block checks nothing. Usually a value
    /// was meant to be filled in, often by a template. IAM Access Analyzer reports these as
    /// having no effect; the runtime result is not documented, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"sts:ExternalId": []}}
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
    ///     "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"sts:ExternalId": "a1b2c3d4-partner"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM Access Analyzer policy check reference ("Empty array condition", "Empty object condition"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static EMPTY_CONDITION = { code: "IAM023", name: "empty-condition", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a condition key that is not of the form `prefix:name` — `sub` instead of
    /// `token.actions.githubusercontent.com:sub`, a `/` where the `:` belongs, a space outside a
    /// tag key — and reports an empty key as an error. The tag-key part of keys such as
    /// `aws:PrincipalTag/Cost Center` may contain what AWS tag keys may: letters, digits, spaces
    /// and `+ - = . _ : / @`.
    ///
    /// ## Why is this bad?
    /// Condition keys are always prefixed by their service or identity provider. A request never
    /// carries a key without one, so a positive condition on it never matches (the statement
    /// silently never applies) and a negated one always does. IAM Access Analyzer reports
    /// "Invalid condition key format" as an error, but whether IAM itself rejects such a policy is
    /// not confirmed by the reference, hence a warning; an empty key cannot name any key and is
    /// reported as an error.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
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
    /// - IAM JSON policy elements: Condition: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>
    /// - Available keys for OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>
    /// - IAM Access Analyzer policy check reference ("Invalid condition key format"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - Tagging AWS resources (tag key characters): <https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html>
    pub static MALFORMED_CONDITION_KEY = { code: "IAM024", name: "malformed-condition-key", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a policy variable (`${aws:PrincipalTag/team}`) that IAM will not expand:
    /// because the policy has no `Version` or the old `2008-10-17`, or because the operator is a
    /// numeric, date, binary, IP address or `Null` operator, which take no variables.
    ///
    /// ## Why is this bad?
    /// An unexpanded variable is compared as the literal text `${…}`, so the condition silently
    /// never matches (or, negated, always does).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}
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
    ///     "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM policy elements: Variables and tags: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>
    pub static POLICY_VARIABLE_NOT_EXPANDED = { code: "IAM025", name: "policy-variable-not-expanded", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `Bool` (or `BoolIfExists`) condition with more than one value for a key, such
    /// as `"aws:MultiFactorAuthPresent": ["true", "false"]`.
    ///
    /// ## Why is this bad?
    /// `Bool` takes exactly one value, `true` or `false`; IAM Access Analyzer reports several as
    /// the error "Invalid condition multiple Boolean". Listing both values does not mean
    /// "either": it is usually a mistaken attempt to make the check optional.
    ///
    /// How the playground's evaluator (and `cicd assume`) reads such a condition: like every
    /// other operator's list, the values are OR-ed, so `["true", "false"]` holds whenever the
    /// request has the key (with either value) and fails when the key is absent. Whether IAM
    /// evaluates it that way, or rejects the policy, is not documented. To accept both values,
    /// remove the condition; to require only that the key is present, use `"Null": {"key":
    /// "false"}`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": ["true", "false"]}}
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
    ///     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition operators (Boolean condition operators): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean>
    /// - IAM Access Analyzer policy check reference ("Invalid condition multiple Boolean"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static MULTIPLE_BOOLEAN_VALUES = { code: "IAM029", name: "multiple-boolean-values", severity: Error };
}

/// Runs the condition checks of every statement.
pub(crate) fn conditions(cx: &mut Ctx<'_>) {
    let expand = cx.policy.expands_variables();
    for stmt in &cx.policy.statements {
        let mut seen_operators: HashSet<Span> = HashSet::new();
        for cond in &stmt.conditions {
            if seen_operators.insert(cond.operator.span) {
                operator(cx, cond);
            }
            key(cx, stmt, cond);
            boolean_values(cx, cond);
            values(cx, cond, expand);
        }
    }
}

fn operator(cx: &mut Ctx<'_>, cond: &Condition) {
    let text = cond.operator.value.as_str();
    let span = cond.operator.span;
    match Operator::parse(text) {
        ParsedOperator::Known { exact: true, .. } => {}
        ParsedOperator::Known {
            operator,
            exact: false,
        } => {
            let name = operator.name();
            cx.push(
                NONSTANDARD_CASE
                    .at(span, format!("`{text}` is documented as `{name}`"))
                    .with_help(format!(
                        "write `{name}`: whether IAM accepts operator names in another case is not confirmed"
                    ))
                    .with_fix(format!("rename to `{name}`"), span, format!("\"{name}\"")),
            );
        }
        ParsedOperator::NullIfExists => {
            cx.push(
                UNKNOWN_CONDITION_OPERATOR
                    .at(span, format!("`{text}` is not a condition operator: `IfExists` cannot be added to `Null`"))
                    .with_help("`Null` already tests whether the key exists: use `Null`")
                    .with_fix("replace with `Null`", span, "\"Null\""),
            );
        }
        ParsedOperator::Unknown => {
            // A valid operator behind an unknown qualifier: the qualifier is the problem.
            if let Some((q, rest)) = text.split_once(':')
                && matches!(Operator::parse(rest), ParsedOperator::Known { .. })
            {
                let mut d = UNKNOWN_CONDITION_OPERATOR
                    .at(
                        span,
                        format!("`{}` is not a condition operator: `{}:` is not a set qualifier", shorten(text, 60), shorten(q, 40)),
                    )
                    .with_help("the set qualifiers are `ForAllValues:` (every request value must match) and `ForAnyValue:` (at least one must)");
                if let Some(fixed) = did_you_mean(q, ["ForAllValues", "ForAnyValue"]) {
                    let full = format!("{fixed}:{rest}");
                    d = d.with_fix(
                        format!("replace with `{full}`"),
                        span,
                        format!("\"{full}\""),
                    );
                }
                cx.push(d);
                return;
            }
            let (prefix, rest) = match text.split_once(':') {
                Some((q, r))
                    if q.eq_ignore_ascii_case("ForAllValues")
                        || q.eq_ignore_ascii_case("ForAnyValue") =>
                {
                    let q = if q.eq_ignore_ascii_case("ForAllValues") {
                        "ForAllValues:"
                    } else {
                        "ForAnyValue:"
                    };
                    (q.to_string(), r)
                }
                Some((q, r)) => {
                    let fixed = did_you_mean(q, ["ForAllValues", "ForAnyValue"]);
                    (fixed.map(|f| format!("{f}:")).unwrap_or_default(), r)
                }
                None => (String::new(), text),
            };
            let names = Operator::all_names();
            let mut d = UNKNOWN_CONDITION_OPERATOR.at(
                span,
                format!("`{}` is not a condition operator", shorten(text, 60)),
            );
            match did_you_mean(rest, names.iter().map(String::as_str)) {
                Some(s) => {
                    let full = format!("{prefix}{s}");
                    d = d
                        .with_help(format!("did you mean `{full}`? IAM rejects the policy"))
                        .with_fix(
                            format!("replace with `{full}`"),
                            span,
                            format!("\"{full}\""),
                        );
                }
                None => {
                    d = d.with_help(
                        "operators are `String…`, `Numeric…`, `Date…`, `Bool`, `BinaryEquals`, `IpAddress`, `NotIpAddress`, `Arn…` and `Null`, optionally with `IfExists` and a `ForAllValues:`/`ForAnyValue:` prefix",
                    );
                }
            }
            cx.push(d);
        }
    }
}

fn key(cx: &mut Ctx<'_>, stmt: &Statement, cond: &Condition) {
    let key = cond.key.value.as_str();
    if let Some(token) = text::placeholder(key) {
        cx.push(crate::trust_policy::model::placeholder_warning(
            cond.key.span,
            &token,
        ));
        return;
    }
    if text::is_condition_key(key) {
        return;
    }
    if key.is_empty() {
        cx.push(
            MALFORMED_CONDITION_KEY
                .at(cond.key.span, "the condition key is empty")
                .with_severity(Severity::Error)
                .with_help("name the key to compare, e.g. `aws:SourceAccount` or `token.actions.githubusercontent.com:sub`"),
        );
        return;
    }
    let mut d = MALFORMED_CONDITION_KEY
        .at(
            cond.key.span,
            format!("`{}` is not a condition key of the form `prefix:name`", shorten(key, 60)),
        )
        .with_help("condition keys carry their service or provider prefix, e.g. `aws:SourceAccount` or `token.actions.githubusercontent.com:sub`");
    let providers = oidc::providers(stmt);
    if let Some(p) = providers.first()
        && !key.contains(':')
        && matches!(key, "sub" | "aud" | "amr")
    {
        let fixed = p.key(key);
        d = d
            .with_help(format!(
                "write `{fixed}`: keys of an OIDC provider start with its issuer host"
            ))
            .with_fix(
                format!("replace with `{fixed}`"),
                cond.key.span,
                format!("\"{fixed}\""),
            );
    } else if let Some((host, claim)) = key.rsplit_once('/')
        && !key.contains(':')
        && oidc::classify(host) != oidc::ProviderKind::Other
    {
        let fixed = format!("{host}:{claim}");
        d = d.with_fix(
            format!("replace with `{fixed}`"),
            cond.key.span,
            format!("\"{fixed}\""),
        );
    }
    cx.push(d);
}

fn boolean_values(cx: &mut Ctx<'_>, cond: &Condition) {
    let Some(op) = cond.parsed else { return };
    if op.base != BaseOperator::Bool || cond.values.len() < 2 {
        return;
    }
    let listed: Vec<String> = cond
        .values
        .iter()
        .take(4)
        .map(|v| format!("`{}`", shorten(&v.text, 20)))
        .collect();
    let more = if cond.values.len() > 4 { ", …" } else { "" };
    let mut d = MULTIPLE_BOOLEAN_VALUES
        .at(
            cond.values_span,
            format!(
                "`{}` takes one value, but `{}` has {}: {}{more}",
                op.base.name(),
                shorten(&cond.key.value, 60),
                cond.values.len(),
                listed.join(", ")
            ),
        )
        .with_help("keep the one value the key must have (`\"true\"` or `\"false\"`); to accept either, remove the condition, and to require only that the key is present, use `\"Null\": {\"KEY\": \"false\"}`");
    // Repeating the same value: keeping one is certainly what was meant.
    let parsed: Vec<Option<bool>> = cond
        .values
        .iter()
        .map(|v| operators::parse_bool(&v.text))
        .collect();
    if let Some(Some(b)) = parsed.first()
        && parsed.iter().all(|p| *p == Some(*b))
    {
        d = d.with_fix(
            format!("replace with `\"{b}\"`"),
            cond.values_span,
            format!("\"{b}\""),
        );
    }
    cx.push(d);
}

fn values(cx: &mut Ctx<'_>, cond: &Condition, expand: bool) {
    let Some(op) = cond.parsed else { return };
    let family = op.base.family();
    for v in &cond.values {
        if let Some(token) = text::placeholder(&v.text) {
            cx.push(crate::trust_policy::model::placeholder_warning(
                v.span, &token,
            ));
            continue;
        }
        let has_var = text::pieces(&v.text)
            .iter()
            .any(|p| matches!(p, Piece::Variable { .. }));
        if has_var {
            if !op.base.expands_variables() {
                cx.push(
                    POLICY_VARIABLE_NOT_EXPANDED
                        .at(
                            v.span,
                            format!(
                                "`{}` takes no policy variables: `{}` is compared literally",
                                op.base.name(),
                                shorten(&v.text, 60)
                            ),
                        )
                        .with_help(
                            "policy variables work with string, ARN and `Bool` operators only",
                        ),
                );
                continue;
            }
            if !expand {
                cx.push(
                    POLICY_VARIABLE_NOT_EXPANDED
                        .at(
                            v.span,
                            format!(
                                "`{}` is compared literally: policy variables are expanded only under `\"Version\": \"2012-10-17\"`",
                                shorten(&v.text, 60)
                            ),
                        )
                        .with_help("add `\"Version\": \"2012-10-17\"` to the policy"),
                );
                continue;
            }
            if matches!(family, Family::String | Family::Arn | Family::Bool) {
                continue;
            }
        }
        let problem: Option<&str> = match family {
            Family::String => None,
            Family::Numeric => operators::parse_number(&v.text)
                .is_none()
                .then_some("is not a number"),
            Family::Date => operators::parse_date(&v.text)
                .is_none()
                .then_some("is not a date (a W3C ISO 8601 date such as `2026-01-31T00:00:00Z`, or epoch seconds)"),
            Family::Bool | Family::Null => operators::parse_bool(&v.text)
                .is_none()
                .then_some("is not `true` or `false`"),
            Family::Binary => operators::decode_base64(&v.text)
                .is_none()
                .then_some("is not base64"),
            Family::Ip => operators::parse_cidr(&v.text)
                .is_none()
                .then_some("is not an IP address or CIDR block such as `203.0.113.0/24`"),
            Family::Arn => (!v.text.starts_with("arn:") && v.text != "*" && v.json == JsonType::String)
                .then_some("is not an ARN"),
        };
        if let Some(problem) = problem {
            let consequence = if op.base.is_negated() {
                "the condition is always true"
            } else {
                "the condition never matches"
            };
            let mut d = CONDITION_VALUE_TYPE_MISMATCH.at(
                v.span,
                format!(
                    "`{}` {problem}, so `{}` cannot compare it: {consequence}",
                    shorten(&v.text, 60),
                    op.base.name()
                ),
            );
            if matches!(family, Family::Bool | Family::Null) {
                let lower = v.text.to_ascii_lowercase();
                let fixed = match lower.as_str() {
                    "yes" | "y" | "on" | "1" => Some("true"),
                    "no" | "n" | "off" | "0" => Some("false"),
                    _ => None,
                };
                if let Some(f) = fixed {
                    d = d.with_fix(
                        format!("replace with `\"{f}\"`"),
                        v.span,
                        format!("\"{f}\""),
                    );
                }
            }
            cx.push(d.with_help(format!(
                "write a value `{}` can read, or use another operator",
                op.base.name()
            )));
        }
    }
}
