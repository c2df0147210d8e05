//! The typed trust policy, with a span on every part, so that the evaluator's trace and the
//! playground can point at statements, principals and conditions. Lowering (`lower.rs`) builds it
//! from the JSON tree.

use super::operators::Operator;
use crate::source::Span;

/// A value with the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is in the text.
    pub span: Span,
}

/// A role trust policy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustPolicy {
    /// The whole document.
    pub span: Span,
    /// `Version`, as written.
    pub version: Option<Spanned<String>>,
    /// The statements in document order.
    pub statements: Vec<Statement>,
}

impl TrustPolicy {
    /// Whether policy variables (`${aws:username}`) are expanded: only under `Version`
    /// `2012-10-17`; otherwise they are compared as literal text.
    pub fn expands_variables(&self) -> bool {
        self.version
            .as_ref()
            .is_some_and(|v| v.value == super::CURRENT_VERSION)
    }
}

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// `Allow`.
    Allow,
    /// `Deny`.
    Deny,
}

impl Effect {
    /// `"Allow"` or `"Deny"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// One statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Position in the `Statement` list (0-based).
    pub index: usize,
    /// The statement object.
    pub span: Span,
    /// `Sid`.
    pub sid: Option<Spanned<String>>,
    /// `Effect`, when it is `Allow` or `Deny` (in any case).
    pub effect: Option<Spanned<Effect>>,
    /// `Principal` or `NotPrincipal`.
    pub principal: Option<PrincipalElement>,
    /// `Action` or `NotAction`.
    pub action: Option<ActionElement>,
    /// Every condition entry (operator, key, values), in document order, after duplicates were
    /// resolved the way IAM resolves them (the last one wins).
    pub conditions: Vec<Condition>,
    /// The `Condition` key, when present.
    pub condition_span: Option<Span>,
    /// Conditions the author wrote that IAM never checks, because a later duplicate replaces
    /// them: an earlier operator block of the same operator, an earlier key in the same block, or
    /// an earlier `Condition` element (rule IAM021). Kept to tell what the policy lost.
    pub dropped_conditions: Vec<Condition>,
}

impl Statement {
    /// A short name for messages: ``statement 1 (`Sid`)`` (1-based).
    pub fn label(&self) -> String {
        match &self.sid {
            Some(sid) if !sid.value.is_empty() => {
                format!("statement {} (`{}`)", self.index + 1, sid.value)
            }
            _ => format!("statement {}", self.index + 1),
        }
    }

    /// Whether the effect is `Allow`.
    pub fn is_allow(&self) -> bool {
        self.effect
            .as_ref()
            .is_some_and(|e| e.value == Effect::Allow)
    }

    /// The principal entries (empty for `NotPrincipal` or no principal).
    pub fn principals(&self) -> &[PrincipalEntry] {
        match &self.principal {
            Some(p) if !p.not => &p.entries,
            _ => &[],
        }
    }
}

/// The type of a principal entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrincipalKind {
    /// `"Principal": "*"`: everyone.
    Everyone,
    /// `AWS`: accounts, users, roles, role sessions.
    Aws,
    /// `Service`: AWS service principals.
    Service,
    /// `Federated`: identity providers.
    Federated,
    /// `CanonicalUser`.
    CanonicalUser,
}

impl PrincipalKind {
    /// The key as documented (`AWS`, `Service`, …; `*` for everyone).
    pub fn key(self) -> &'static str {
        match self {
            PrincipalKind::Everyone => "*",
            PrincipalKind::Aws => "AWS",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::CanonicalUser => "CanonicalUser",
        }
    }
}

/// `Principal` or `NotPrincipal`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalElement {
    /// Whether it is `NotPrincipal`.
    pub not: bool,
    /// The element's key.
    pub key_span: Span,
    /// The element's value.
    pub span: Span,
    /// Each principal named.
    pub entries: Vec<PrincipalEntry>,
}

/// One principal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalEntry {
    /// Its type.
    pub kind: PrincipalKind,
    /// The value (`arn:aws:iam::…`, `ec2.amazonaws.com`, `*`); for a CloudFormation intrinsic
    /// left in the policy, the intrinsic's text.
    pub value: String,
    /// Where the value is.
    pub span: Span,
    /// Whether the value is a CloudFormation intrinsic (`{"Fn::Sub": …}`) or contains a template
    /// placeholder, so its real value is unknown.
    pub template: bool,
}

impl PrincipalEntry {
    /// Whether the entry is everyone: `"*"` or `{"AWS": "*"}`.
    pub fn is_everyone(&self) -> bool {
        matches!(self.kind, PrincipalKind::Everyone | PrincipalKind::Aws) && self.value == "*"
    }
}

/// `Action` or `NotAction`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionElement {
    /// Whether it is `NotAction`.
    pub not: bool,
    /// The element's key.
    pub key_span: Span,
    /// The element's value.
    pub span: Span,
    /// The actions (patterns) listed.
    pub actions: Vec<Spanned<String>>,
}

/// The JSON type a condition value was written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// A string.
    String,
    /// A number.
    Number,
    /// `true`/`false`.
    Bool,
    /// `null`.
    Null,
}

/// One value of a condition entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionValue {
    /// The value's text (numbers and booleans as written).
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// How it was written.
    pub json: JsonType,
}

/// One condition entry: an operator, a context key and the values it is compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The operator as written.
    pub operator: Spanned<String>,
    /// The operator, when it is a documented one (in any case).
    pub parsed: Option<Operator>,
    /// The context key as written.
    pub key: Spanned<String>,
    /// The values (one or more; OR-ed).
    pub values: Vec<ConditionValue>,
    /// The value node (a string or an array).
    pub values_span: Span,
    /// From the key to the end of its values.
    pub span: Span,
}

impl Condition {
    /// The prefix and claim of the key (`token.actions.githubusercontent.com`, `sub`).
    pub fn key_parts(&self) -> Option<(&str, &str)> {
        self.key.value.rsplit_once(':')
    }
}
