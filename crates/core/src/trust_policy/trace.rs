//! What the evaluator answers: the [`Decision`], and a trace per statement ([`StatementTrace`],
//! [`Outcome`]) with the spans and the sentences that say why each statement applied or not.

use super::model::Effect;
use crate::source::Span;

/// The answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// An `Allow` statement applies and no `Deny` does.
    Allow,
    /// A `Deny` statement applies.
    ExplicitDeny,
    /// No statement applies.
    ImplicitDeny,
}

impl Decision {
    /// `"allow"` or `"deny"`.
    pub fn verdict(self) -> &'static str {
        match self {
            Decision::Allow => "allow",
            Decision::ExplicitDeny | Decision::ImplicitDeny => "deny",
        }
    }

    /// `"allow"`, `"explicit-deny"` or `"implicit-deny"`.
    pub fn id(self) -> &'static str {
        match self {
            Decision::Allow => "allow",
            Decision::ExplicitDeny => "explicit-deny",
            Decision::ImplicitDeny => "implicit-deny",
        }
    }
}

/// Why a statement was not considered at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// No valid `Effect`.
    NoEffect,
    /// No `Principal`.
    NoPrincipal,
    /// `NotPrincipal`, which trust policies do not support.
    NotPrincipal,
    /// No `Action`.
    NoAction,
}

/// What happened to one statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Principal, action and every condition matched.
    Applies,
    /// The statement is unusable (and IAM would reject the policy).
    Skipped(Skip),
    /// The caller is not among the principals; the span is the principal element.
    PrincipalMismatch(Span),
    /// The action is not listed (or is excluded by `NotAction`); the span is the element.
    ActionMismatch(Span),
    /// The first condition that failed.
    ConditionFailed(ConditionFailure),
}

/// A failed condition: the operator, the key, what the policy expects and what the request has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionFailure {
    /// The operator as written.
    pub operator: String,
    /// The key as written.
    pub key: String,
    /// The policy's values as written.
    pub expected: Vec<String>,
    /// The request's values; `None` when the key is absent.
    pub actual: Option<Vec<String>>,
    /// Why it failed, in one sentence.
    pub why: String,
    /// The condition entry (key and values).
    pub span: Span,
    /// The operator.
    pub operator_span: Span,
}

/// The trace of one statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementTrace {
    /// Position in the policy (0-based).
    pub index: usize,
    /// `Sid`.
    pub sid: Option<String>,
    /// `Effect`.
    pub effect: Option<Effect>,
    /// The statement's span.
    pub span: Span,
    /// What happened.
    pub outcome: Outcome,
}

impl StatementTrace {
    /// ``statement 1 (`Sid`)``.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(sid) if !sid.is_empty() => format!("statement {} (`{sid}`)", self.index + 1),
            _ => format!("statement {}", self.index + 1),
        }
    }

    /// One sentence saying what happened.
    pub fn explain(&self) -> String {
        let effect = self.effect.map_or("?", Effect::as_str);
        match &self.outcome {
            Outcome::Applies => format!(
                "{} ({effect}) applies: principal, action and every condition match",
                self.label()
            ),
            Outcome::Skipped(skip) => format!(
                "{} is ignored: {}",
                self.label(),
                match skip {
                    Skip::NoEffect => "it has no valid `Effect`",
                    Skip::NoPrincipal => "it has no `Principal`",
                    Skip::NotPrincipal => "`NotPrincipal` is not supported in trust policies",
                    Skip::NoAction => "it has no `Action`",
                }
            ),
            Outcome::PrincipalMismatch(_) => {
                format!("{} ({effect}) does not name this principal", self.label())
            }
            Outcome::ActionMismatch(_) => {
                format!("{} ({effect}) does not cover this action", self.label())
            }
            Outcome::ConditionFailed(f) => format!(
                "{} ({effect}) does not apply: condition `{}` on `{}` fails — {}",
                self.label(),
                f.operator,
                f.key,
                f.why
            ),
        }
    }
}

/// The evaluator's answer and its trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The decision.
    pub decision: Decision,
    /// The statement that decided (the first applying `Deny`, else the first applying `Allow`).
    pub deciding: Option<usize>,
    /// One trace per statement, in order.
    pub statements: Vec<StatementTrace>,
}

impl Evaluation {
    /// The trace of the deciding statement.
    pub fn deciding_statement(&self) -> Option<&StatementTrace> {
        self.deciding.and_then(|i| self.statements.get(i))
    }

    /// For an implicit deny, the most telling failure: the first `Allow` statement that named the
    /// caller and the action but whose condition failed, else the first `Allow` statement.
    pub fn closest_allow(&self) -> Option<&StatementTrace> {
        let allows = || {
            self.statements
                .iter()
                .filter(|s| s.effect == Some(Effect::Allow))
        };
        allows()
            .find(|s| matches!(s.outcome, Outcome::ConditionFailed(_)))
            .or_else(|| allows().find(|s| matches!(s.outcome, Outcome::ActionMismatch(_))))
            .or_else(|| allows().next())
    }

    /// The reason, in one or two sentences.
    pub fn reason(&self) -> String {
        match self.decision {
            Decision::Allow => match self.deciding_statement() {
                Some(s) => format!(
                    "{} allows it: the principal, the action and every condition match, and no Deny statement applies",
                    s.label()
                ),
                None => "allowed".to_string(),
            },
            Decision::ExplicitDeny => match self.deciding_statement() {
                Some(s) => format!(
                    "{} denies it; an explicit Deny wins over any Allow",
                    s.label()
                ),
                None => "explicitly denied".to_string(),
            },
            Decision::ImplicitDeny => {
                let base = "no statement allows it (implicit deny)";
                match self.closest_allow() {
                    Some(s) => match &s.outcome {
                        Outcome::ConditionFailed(f) => format!(
                            "{base}: {} names this principal and action, but its condition `{}` on `{}` fails — {}",
                            s.label(),
                            f.operator,
                            f.key,
                            f.why
                        ),
                        Outcome::ActionMismatch(_) => format!(
                            "{base}: {} names this principal but not this action",
                            s.label()
                        ),
                        Outcome::PrincipalMismatch(_) => {
                            format!("{base}: {} does not name this principal", s.label())
                        }
                        Outcome::Skipped(_) | Outcome::Applies => {
                            format!("{base}: {}", s.explain())
                        }
                    },
                    None => format!("{base}: the policy has no Allow statement"),
                }
            }
        }
    }
}
