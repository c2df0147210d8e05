//! Caveats: why an allowed request is allowed only because of a finding. A `pull_request` run
//! let in by `repo:org/repo:*`, a stranger's repository let in because the `sub` check was
//! silently dropped, anyone let in by `"Principal": "*"`: the answer is "allowed", and it should
//! not read like the answer for the caller the policy was written for.
//!
//! Worked out from the evaluation trace (the statements that applied, the values that matched)
//! and the analysis's diagnostics: a caveat names the finding that let the request in, and only
//! a finding this very request got through. When some applying `Allow` statement lets the
//! request in without any finding, there is no caveat.

use super::evaluate::{condition_holds, matching_principals};
use super::explore::{Admits, has_wildcard, unintended};
use super::model::{Condition, Effect, Statement, TrustPolicy};
use super::oidc::{self, ProviderKind};
use super::operators::{self, BaseOperator, Family, SetQualifier};
use super::report::Caveat;
use super::request::{Caller, Request};
use super::rules::helpers::{dropped_check, principal_span, subject_gap};
use super::rules::{
    condition_silently_dropped, for_all_values_on_single_valued_key,
    github_oidc_without_sub_condition, oidc_without_subject_condition, sub_wildcard_admits_any_ref,
    sub_wildcard_admits_other_repositories, wildcard_in_exact_operator,
    wildcard_principal_without_condition,
};
use super::trace::{Decision, Evaluation, Outcome};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::source::Span;
use crate::source::tree::shorten;

/// The caveats of an evaluation: for an allowed request, the findings it got in through, when
/// every applying `Allow` statement lets it in only through one.
pub(crate) fn caveats(
    policy: &TrustPolicy,
    request: &Request,
    evaluation: &Evaluation,
    diagnostics: &[Diagnostic],
) -> Vec<Caveat<Span>> {
    if evaluation.decision != Decision::Allow {
        return Vec::new();
    }
    let expand = policy.expands_variables();
    let mut all: Vec<Caveat<Span>> = Vec::new();
    let applying = evaluation
        .statements
        .iter()
        .filter(|t| t.effect == Some(Effect::Allow) && t.outcome == Outcome::Applies);
    for trace in applying {
        let Some(stmt) = policy.statements.iter().find(|s| s.index == trace.index) else {
            continue;
        };
        let found = Findings {
            stmt,
            request,
            expand,
            diagnostics,
        }
        .caveats();
        // A way in without any finding: the request is allowed as the policy means it.
        if found.is_empty() {
            return Vec::new();
        }
        for c in found {
            if !all.contains(&c) {
                all.push(c);
            }
        }
    }
    all
}

/// One applying statement, the request and the findings of the analysis.
struct Findings<'a> {
    stmt: &'a Statement,
    request: &'a Request,
    expand: bool,
    diagnostics: &'a [Diagnostic],
}

impl Findings<'_> {
    fn caveats(&self) -> Vec<Caveat<Span>> {
        let mut out = Vec::new();
        self.wildcard_principal(&mut out);
        self.missing_subject(&mut out);
        self.dropped_conditions(&mut out);
        for cond in &self.stmt.conditions {
            self.condition(cond, &mut out);
        }
        out
    }

    /// The diagnostic of `rule` at a place `at` accepts.
    fn finding(&self, rule: &Rule, at: impl Fn(Span) -> bool) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.code == rule.code && at(d.span))
    }

    fn push(&self, out: &mut Vec<Caveat<Span>>, d: Option<&Diagnostic>, message: String) {
        if let Some(d) = d {
            out.push(Caveat {
                code: d.code.to_string(),
                message,
                at: d.span,
            });
        }
    }

    /// The caller named only by `"*"` or `{"AWS": "*"}`.
    fn wildcard_principal(&self, out: &mut Vec<Caveat<Span>>) {
        let matching: Vec<_> = matching_principals(self.stmt, &self.request.caller).collect();
        if matching.is_empty() || !matching.iter().all(|p| p.is_everyone()) {
            return;
        }
        let d = self.finding(&wildcard_principal_without_condition::RULE, |s| {
            matching
                .iter()
                .any(|p| p.span.contains(s) || s.contains(p.span))
        });
        self.push(
            out,
            d,
            "the principal `*` lets anyone in: nothing in the statement says who the caller is"
                .to_string(),
        );
    }

    /// An OIDC caller of a provider whose `sub` the statement does not check.
    fn missing_subject(&self, out: &mut Vec<Caveat<Span>>) {
        let Caller::Federated(arn) = &self.request.caller else {
            return;
        };
        // A built-in web identity provider is named by its host.
        let host = oidc::host_of_provider_arn(arn).unwrap_or(arn);
        for p in oidc::providers(self.stmt) {
            if !p.host.eq_ignore_ascii_case(host) {
                continue;
            }
            let sub_key = p.key("sub");
            // A `sub` check that is written but dropped is the dropped condition's caveat, when
            // it would have stopped this request.
            if subject_gap(self.stmt, &p).is_none() || dropped_check(self.stmt, &sub_key).is_some()
            {
                continue;
            }
            let span = principal_span(self.stmt, &p);
            let (rule, who) = if p.kind == ProviderKind::GitHub {
                (
                    &github_oidc_without_sub_condition::RULE,
                    "a workflow in any repository on GitHub gets in".to_string(),
                )
            } else {
                (
                    &oidc_without_subject_condition::RULE,
                    format!(
                        "every identity the {} provider issues tokens to gets in",
                        p.kind.title()
                    ),
                )
            };
            let d = self.finding(rule, |s| s == span);
            self.push(out, d, format!("no condition checks `{sub_key}`, so {who}"));
        }
    }

    /// Conditions the author wrote, dropped by IAM, that would have stopped this request.
    fn dropped_conditions(&self, out: &mut Vec<Caveat<Span>>) {
        for cond in &self.stmt.dropped_conditions {
            let Err(failure) = condition_holds(cond, &self.request.context, self.expand) else {
                continue;
            };
            // The finding reporting a drop sits on the dropped block's, key's or element's key,
            // right before the dropped condition.
            let d = self
                .diagnostics
                .iter()
                .filter(|d| {
                    d.code == condition_silently_dropped::RULE.code
                        && self.stmt.span.contains(d.span)
                        && d.span.start <= cond.span.start
                })
                .max_by_key(|d| d.span.start);
            if d.is_some_and(|d| out.iter().any(|c: &Caveat<Span>| c.at == d.span)) {
                continue;
            }
            self.push(
                out,
                d,
                format!(
                    "the `{}` check on `{}` is silently dropped (a later duplicate replaces it); with it, this request would be denied: {}",
                    shorten(&cond.operator.value, 60),
                    shorten(&cond.key.value, 60),
                    failure.why
                ),
            );
        }
    }

    /// A condition that holds only because of a finding on it.
    fn condition(&self, cond: &Condition, out: &mut Vec<Caveat<Span>>) {
        let Some(op) = cond.parsed else { return };
        let actual = self
            .request
            .context
            .get(&cond.key.value)
            .filter(|v| !v.is_empty());
        // `ForAllValues:` holds when the request has no value at all.
        if op.qualifier == Some(SetQualifier::ForAllValues) && actual.is_none() {
            let d = self.finding(&for_all_values_on_single_valued_key::RULE, |s| {
                s == cond.key.span
            });
            self.push(
                out,
                d,
                format!(
                    "`{}` holds because the request has no `{}`",
                    shorten(&cond.operator.value, 60),
                    shorten(&cond.key.value, 60)
                ),
            );
            return;
        }
        let Some(actual) = actual else { return };
        if op.base.is_exact_string() && op.base.is_negated() {
            self.literal_exclusion(cond, op.base, actual, out);
            return;
        }
        if !op.base.has_wildcards() || op.base.is_negated() {
            return;
        }
        self.wildcard_value(cond, op.base, actual, out);
    }

    /// `StringNotEquals` with a pattern excludes only that text: a value the pattern was meant to
    /// exclude is not excluded.
    fn literal_exclusion(
        &self,
        cond: &Condition,
        base: BaseOperator,
        actual: &[String],
        out: &mut Vec<Caveat<Span>>,
    ) {
        let ignore_case = base == BaseOperator::StringNotEqualsIgnoreCase;
        for v in cond.values.iter().filter(|v| has_wildcard(&v.text)) {
            let tokens = operators::glob_tokens(&v.text);
            let Some(a) = actual
                .iter()
                .find(|a| operators::glob_match(&tokens, a, ignore_case))
            else {
                continue;
            };
            let d = self.finding(&wildcard_in_exact_operator::RULE, |s| s == v.span);
            self.push(
                out,
                d,
                format!(
                    "`{}` compares `*` and `?` literally, so `{}` is not excluded by `{}`",
                    base.name(),
                    shorten(a, 80),
                    shorten(&v.text, 60)
                ),
            );
        }
    }

    /// A `sub` value matched only by a wildcard that lets in callers the pattern does not name.
    fn wildcard_value(
        &self,
        cond: &Condition,
        base: BaseOperator,
        actual: &[String],
        out: &mut Vec<Caveat<Span>>,
    ) {
        let Some((prefix, claim)) = cond.key_parts() else {
            return;
        };
        let kind = oidc::classify(prefix);
        if !claim.eq_ignore_ascii_case("sub")
            || !matches!(kind, ProviderKind::GitHub | ProviderKind::GitLab)
        {
            return;
        }
        let matches = |pattern: &str, value: &str| {
            let tokens = operators::glob_tokens(pattern);
            if base.family() == Family::Arn {
                operators::arn_match(&tokens, value)
            } else {
                operators::glob_match(&tokens, value, false)
            }
        };
        for a in actual {
            // A value the policy names exactly is the intended caller.
            if cond
                .values
                .iter()
                .any(|v| !has_wildcard(&v.text) && matches(&v.text, a))
            {
                continue;
            }
            for v in cond.values.iter().filter(|v| has_wildcard(&v.text)) {
                if !matches(&v.text, a) {
                    continue;
                }
                let Some(who) = unintended(&v.text, a, kind) else {
                    continue;
                };
                let (rule, what) = match who {
                    Admits::OtherRef => (
                        &sub_wildcard_admits_any_ref::RULE,
                        "a pull request run, which forks can trigger".to_string(),
                    ),
                    Admits::AnyOwner => (
                        &sub_wildcard_admits_other_repositories::RULE,
                        "a repository of anyone at all".to_string(),
                    ),
                    Admits::OtherOwner | Admits::OtherRepository | Admits::Example => (
                        &sub_wildcard_admits_other_repositories::RULE,
                        "another repository than the one it names".to_string(),
                    ),
                };
                let d = self.finding(rule, |s| s == v.span);
                self.push(
                    out,
                    d,
                    format!(
                        "the pattern `{}` lets in `{}`: {what}",
                        shorten(&v.text, 60),
                        shorten(a, 80)
                    ),
                );
            }
        }
    }
}
