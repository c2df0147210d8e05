//! The answer to "may this caller assume the role?", as the CLI prints it (`cicd assume --format
//! json`, a documented contract) and the playground's panel shows it: built once here from the
//! request and the evaluation, with the core's labels, and placed by each front end (`map`).

use std::collections::BTreeMap;

use super::evaluate::{Request, evaluate};
use super::github::Run;
use super::model::TrustPolicy;
use super::trace::{Decision, Outcome};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

/// The answer for one request, with places of type `P` ([`Span`] as built; a
/// [`LineCol`](crate::report::LineCol) or [`Place`](crate::report::Place) once placed).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(bound(deserialize = "P: serde::Deserialize<'de>"))
)]
pub struct AssumeReport<P> {
    /// `allow` or `deny`.
    pub decision: Verdict,
    /// `allow`, `explicit-deny` or `implicit-deny`.
    pub detail: DecisionId,
    /// Why, in a sentence naming the deciding statement or the closest failure.
    pub reason: String,
    /// The caller (`federated:arn:…`, `aws:…`, `service:…`).
    pub principal: String,
    /// The action asked for.
    pub action: String,
    /// The request context, key → values.
    pub context: BTreeMap<String, Vec<String>>,
    /// The GitHub token, when the caller is a GitHub Actions run.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub github: Option<GithubToken>,
    /// The number (1-based) of the statement that decided, if one did.
    pub deciding_statement: Option<usize>,
    /// Every statement, in order.
    pub statements: Vec<StatementReport<P>>,
    /// How many errors `cicd check` reports on the policy (IAM would reject it as written).
    pub policy_errors: usize,
    /// For an allowed request: the findings it got in through (a wildcard, a dropped condition,
    /// a missing `sub` condition, a wildcard principal). Empty when the request is allowed as the
    /// policy means it, or denied; left out of the JSON when empty.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub caveats: Vec<Caveat<P>>,
}

/// A finding an allowed request got in through: the answer is "allowed", but only because of it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(bound(deserialize = "P: serde::Deserialize<'de>"))
)]
pub struct Caveat<P> {
    /// The finding's rule code (`IAM031`).
    pub code: String,
    /// How it let this request in, in a sentence.
    pub message: String,
    /// Where the finding is (the diagnostic's place).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub at: P,
}

/// `allow` or `deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Verdict {
    /// The role may be assumed.
    Allow,
    /// It may not.
    Deny,
}

/// The decision in detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum DecisionId {
    /// An `Allow` statement applies and no `Deny` does.
    Allow,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// No statement applies.
    ImplicitDeny,
}

impl From<Decision> for DecisionId {
    fn from(d: Decision) -> DecisionId {
        match d {
            Decision::Allow => DecisionId::Allow,
            Decision::ExplicitDeny => DecisionId::ExplicitDeny,
            Decision::ImplicitDeny => DecisionId::ImplicitDeny,
        }
    }
}

impl DecisionId {
    /// The decision.
    pub fn decision(self) -> Decision {
        match self {
            DecisionId::Allow => Decision::Allow,
            DecisionId::ExplicitDeny => Decision::ExplicitDeny,
            DecisionId::ImplicitDeny => Decision::ImplicitDeny,
        }
    }

    /// The verdict for people: `ALLOW`, `DENY (explicit)`, `DENY (implicit)`.
    pub fn title(self) -> &'static str {
        match self {
            DecisionId::Allow => "ALLOW",
            DecisionId::ExplicitDeny => "DENY (explicit)",
            DecisionId::ImplicitDeny => "DENY (implicit)",
        }
    }
}

/// The OIDC token a GitHub Actions run presents.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GithubToken {
    /// The `sub` claim.
    pub sub: String,
    /// Every claim the checker models, claim → value.
    pub claims: BTreeMap<String, String>,
}

/// What happened to one statement.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(bound(deserialize = "P: serde::Deserialize<'de>"))
)]
pub struct StatementReport<P> {
    /// 1-based position in the policy.
    pub number: usize,
    /// `Sid`, if any.
    pub sid: Option<String>,
    /// `Allow` or `Deny`, when valid.
    pub effect: Option<String>,
    /// What happened.
    pub outcome: OutcomeId,
    /// Why, in a sentence.
    pub explanation: String,
    /// The statement.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub at: P,
    /// The condition that failed, when one did.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub condition: Option<ConditionReport<P>>,
    /// The place that decided the outcome (the failing condition, the principal or action
    /// element that did not match, else the statement), for code frames. Not part of the JSON.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub focus: Option<P>,
}

impl<P> StatementReport<P> {
    /// ``statement 2 (`Sid`)``: how messages name the statement.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(sid) if !sid.is_empty() => format!("statement {} (`{sid}`)", self.number),
            _ => format!("statement {}", self.number),
        }
    }

    /// Whether the statement applies to the request.
    pub fn applies(&self) -> bool {
        self.outcome == OutcomeId::Applies
    }
}

/// What happened to a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum OutcomeId {
    /// Principal, action and every condition matched.
    Applies,
    /// The statement is unusable.
    Skipped,
    /// The caller is not among its principals.
    PrincipalMismatch,
    /// The action is not among its actions.
    ActionMismatch,
    /// A condition failed.
    ConditionFailed,
}

/// A condition that failed: what the policy expects against what the request has.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConditionReport<P> {
    /// The operator as written.
    pub operator: String,
    /// The key as written.
    pub key: String,
    /// The policy's values.
    pub expected: Vec<String>,
    /// The request's values; `None` when the request has no such key.
    pub actual: Option<Vec<String>>,
    /// Why it failed, in a sentence.
    pub why: String,
    /// The condition.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub at: P,
}

/// Evaluates `request` against `policy` and builds the report (`run` is the GitHub run the
/// request was built from, if any; `diagnostics` what the policy's analysis found: its errors are
/// counted, and its findings are the caveats of an allowed answer).
pub fn assume_report(
    policy: &TrustPolicy,
    request: &Request,
    run: Option<&Run>,
    diagnostics: &[Diagnostic],
) -> AssumeReport<Span> {
    let evaluation = evaluate(policy, request);
    let policy_errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let caveats = super::caveats::caveats(policy, request, &evaluation, diagnostics);
    let statements = evaluation
        .statements
        .iter()
        .map(|t| {
            let (outcome, condition, focus) = match &t.outcome {
                Outcome::Applies => (OutcomeId::Applies, None, t.span),
                Outcome::Skipped(_) => (OutcomeId::Skipped, None, t.span),
                Outcome::PrincipalMismatch(span) => (OutcomeId::PrincipalMismatch, None, *span),
                Outcome::ActionMismatch(span) => (OutcomeId::ActionMismatch, None, *span),
                Outcome::ConditionFailed(f) => (
                    OutcomeId::ConditionFailed,
                    Some(ConditionReport {
                        operator: f.operator.clone(),
                        key: f.key.clone(),
                        expected: f.expected.clone(),
                        actual: f.actual.clone(),
                        why: f.why.clone(),
                        at: f.span,
                    }),
                    f.span,
                ),
            };
            StatementReport {
                number: t.index + 1,
                sid: t.sid.clone(),
                effect: t.effect.map(|e| e.as_str().to_string()),
                outcome,
                explanation: t.explain(),
                at: t.span,
                condition,
                focus: Some(focus),
            }
        })
        .collect();
    AssumeReport {
        decision: match evaluation.decision {
            Decision::Allow => Verdict::Allow,
            Decision::ExplicitDeny | Decision::ImplicitDeny => Verdict::Deny,
        },
        detail: evaluation.decision.into(),
        reason: evaluation.reason(),
        principal: request.caller.spec(),
        action: request.action.clone(),
        context: request
            .context
            .entries()
            .iter()
            .map(|e| (e.key.clone(), e.values.clone()))
            .collect(),
        github: run.map(|r| GithubToken {
            sub: r.sub(),
            claims: r.claims().entries.into_iter().collect(),
        }),
        deciding_statement: evaluation.deciding.map(|i| i + 1),
        statements,
        policy_errors,
        caveats,
    }
}

impl<P> AssumeReport<P> {
    /// The same report with every place turned into a `Q`.
    pub fn map<Q>(self, mut place: impl FnMut(P) -> Q) -> AssumeReport<Q> {
        AssumeReport {
            decision: self.decision,
            detail: self.detail,
            reason: self.reason,
            principal: self.principal,
            action: self.action,
            context: self.context,
            github: self.github,
            deciding_statement: self.deciding_statement,
            statements: self
                .statements
                .into_iter()
                .map(|s| StatementReport {
                    number: s.number,
                    sid: s.sid,
                    effect: s.effect,
                    outcome: s.outcome,
                    explanation: s.explanation,
                    at: place(s.at),
                    condition: s.condition.map(|c| ConditionReport {
                        operator: c.operator,
                        key: c.key,
                        expected: c.expected,
                        actual: c.actual,
                        why: c.why,
                        at: place(c.at),
                    }),
                    focus: s.focus.map(&mut place),
                })
                .collect(),
            policy_errors: self.policy_errors,
            caveats: self
                .caveats
                .into_iter()
                .map(|c| Caveat {
                    code: c.code,
                    message: c.message,
                    at: place(c.at),
                })
                .collect(),
        }
    }

    /// Whether the role may be assumed.
    pub fn allowed(&self) -> bool {
        self.decision == Verdict::Allow
    }
}
