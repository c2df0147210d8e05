//! Lowering: the JSON tree becomes the typed [`TrustPolicy`], read the way IAM reads it where the
//! JSON is ambiguous: of two identical keys in one object the last wins, element names and
//! `Effect` values in another case are accepted (whether IAM does is unconfirmed), and parts that
//! cannot be read are left out.
//!
//! Lowering reports nothing. What it notices on the way — which elements each object has, values
//! of the wrong type, unknown or differently cased names, empty parts, duplicates IAM drops,
//! template placeholders — it records as [`LoweringFacts`], and each rule reports its facts from
//! its own file (`rules/`).

use std::collections::HashMap;

use super::model::{
    ActionElement, Condition, ConditionValue, Effect, JsonType, PrincipalElement, PrincipalEntry,
    PrincipalKind, Spanned, Statement, TrustPolicy,
};
use super::operators::{Operator, ParsedOperator};
use super::text;
use crate::source::{Node, Pair, ScalarKind, Span, Style, Value};

/// The element names of a statement, in the order of the IAM grammar.
pub(crate) const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// The element names of the policy object.
pub(crate) const TOP_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];

/// The principal types, as documented.
pub(crate) const PRINCIPAL_KEYS: &[(&str, PrincipalKind)] = &[
    ("AWS", PrincipalKind::Aws),
    ("Service", PrincipalKind::Service),
    ("Federated", PrincipalKind::Federated),
    ("CanonicalUser", PrincipalKind::CanonicalUser),
];

/// One line on what each element and principal type is (the JSON Schema's descriptions).
#[cfg_attr(not(feature = "json-schema"), allow(dead_code))]
pub(crate) const ELEMENT_DOCS: &[(&str, &str)] = &[
    ("Version", "the policy language version: \"2012-10-17\""),
    ("Id", "an optional identifier of the policy"),
    (
        "Statement",
        "the statements: who may assume the role, and on which conditions",
    ),
    ("Sid", "an optional statement id (letters and digits)"),
    ("Effect", "Allow or Deny"),
    (
        "Principal",
        "who may assume the role: \"*\", or AWS accounts and roles, services, or identity providers",
    ),
    (
        "Action",
        "what the principal may call: sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, sts:TagSession, sts:SetSourceIdentity",
    ),
    ("NotAction", "every action except these"),
    (
        "Condition",
        "conditions on the request: operator → condition key → value or values",
    ),
    (
        "AWS",
        "AWS accounts, IAM roles or users (ARNs or account ids)",
    ),
    ("Service", "AWS services (codebuild.amazonaws.com, …)"),
    (
        "Federated",
        "an identity provider: an OIDC provider's ARN (token.actions.githubusercontent.com) or a SAML provider, or cognito-identity.amazonaws.com",
    ),
    ("CanonicalUser", "an S3 canonical user id"),
];

/// What lowering noticed besides the model.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LoweringFacts {
    /// The policy object's elements; `None` when the document is not a JSON object.
    pub top: Option<Object>,
    /// Each statement object's elements, in the order of the model's statements.
    pub statements: Vec<Object>,
    /// Values of the wrong JSON type, left out of the model.
    pub wrong_types: Vec<WrongType>,
    /// Element names the policy grammar does not have.
    pub unknown_elements: Vec<UnknownElement>,
    /// Principal types other than `AWS`, `Service`, `Federated` and `CanonicalUser` (any case).
    pub unknown_principal_types: Vec<Spanned<String>>,
    /// `Principal` (or `NotPrincipal`) written as a string other than `"*"`.
    pub bare_principals: Vec<BarePrincipal>,
    /// `Effect` strings other than `Allow` and `Deny` in any case.
    pub invalid_effects: Vec<Spanned<String>>,
    /// Names and values written in another case than documented.
    pub other_case: Vec<OtherCase>,
    /// Template placeholders found while lowering (the model marks or leaves out their values).
    pub templates: Vec<TemplateValue>,
    /// Duplicates IAM drops silently (the last one wins).
    pub dropped: Vec<Dropped>,
    /// Empty parts.
    pub empty: Vec<Empty>,
}

/// An object of the policy (the policy itself or a statement) and its documented elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Object {
    /// The object's first character (`{`), where a missing element is reported.
    pub opening: Span,
    /// Whether the object was read to its end: in a truncated object no element is missing.
    pub complete: bool,
    /// The documented elements present, by documented name (the last of equal names), in the
    /// grammar's order.
    pub elements: Vec<Element>,
}

impl Object {
    /// The element named `name` (its documented name).
    pub fn get(&self, name: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.name == name)
    }

    /// Whether the object has the element `name`.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// One element of an object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Element {
    /// The documented name (whatever the case it was written in).
    pub name: &'static str,
    /// The key.
    pub key: Span,
    /// The value.
    pub value: Span,
}

/// A value of the wrong JSON type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WrongType {
    /// The value.
    pub span: Span,
    /// What the value is (`a list`, `the number 3`).
    pub found: String,
    /// The part of the policy it is.
    pub part: Mistyped,
}

/// The part of the policy a value of the wrong type stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Mistyped {
    /// The document itself.
    Policy,
    /// `Version`; `scalar` when it is a scalar (so replacing it is a fix).
    Version { scalar: bool },
    /// `Id`.
    Id,
    /// `Statement`.
    Statement,
    /// An item of the `Statement` list.
    StatementItem,
    /// `Sid`.
    Sid,
    /// `Effect`.
    Effect,
    /// `Principal` or `NotPrincipal` (the element's name).
    Principal { element: &'static str },
    /// A value of a principal type.
    PrincipalValue { kind: PrincipalKind },
    /// `Action` or `NotAction` (the element's name).
    Action { element: &'static str },
    /// One action.
    ActionItem,
    /// `Condition`.
    Condition,
    /// An operator block (the operator as written).
    OperatorBlock { operator: String },
    /// The value of a condition key (the key as written).
    ConditionValue { key: String },
    /// One value in the list of a condition key (the key as written).
    ConditionValueItem { key: String },
}

/// Where an unknown element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// In the policy object.
    TopLevel,
    /// In the statement with this index (0-based).
    Statement(usize),
}

/// An element name the grammar does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnknownElement {
    /// The key.
    pub span: Span,
    /// The name as written.
    pub name: String,
    /// Where it is.
    pub place: Place,
    /// The element names allowed there.
    pub known: &'static [&'static str],
}

/// `Principal` written as a string other than `"*"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BarePrincipal {
    /// The string.
    pub span: Span,
    /// `Principal` or `NotPrincipal`.
    pub element: &'static str,
    /// The string's text.
    pub text: String,
}

/// A name or value written in another case than documented.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OtherCase {
    /// The name or value.
    pub span: Span,
    /// As written.
    pub written: String,
    /// As documented.
    pub documented: &'static str,
    /// What it is.
    pub what: CaseOf,
}

/// What was written in another case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseOf {
    /// An element name (`effect`).
    Element,
    /// A principal type (`aws`).
    PrincipalType,
    /// An `Effect` value (`allow`).
    Effect,
}

/// A value that is a template's placeholder rather than a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TemplateValue {
    /// The value.
    pub span: Span,
    /// What kind of placeholder.
    pub template: Template,
}

/// A kind of template placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Template {
    /// A CloudFormation function (`{"Fn::Sub": …}`).
    Function,
    /// A placeholder in a string (`${var.org}`, `<ACCOUNT_ID>`): the placeholder.
    Token(String),
}

/// A duplicate IAM drops silently: the later one replaces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Dropped {
    /// A `Condition` element of a statement with another `Condition` element.
    ConditionElement {
        /// The dropped element's key.
        dropped: Span,
        /// The kept element's key.
        kept: Span,
    },
    /// An operator block of a `Condition` with a later block of the same operator.
    OperatorBlock {
        /// The operator as written.
        operator: String,
        /// The dropped block's operator.
        dropped: Span,
        /// The kept block's operator.
        kept: Span,
        /// The keys of the dropped block that the kept block does not check.
        lost_keys: Vec<String>,
    },
    /// A key of an operator block with the same key later in the block.
    ConditionKey {
        /// The key as written.
        key: String,
        /// The block's operator as written.
        operator: String,
        /// The dropped key.
        dropped: Span,
        /// The kept key.
        kept: Span,
    },
}

/// An empty part of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Empty {
    /// Where it is (for an empty document, its first character).
    pub span: Span,
    /// What is empty.
    pub part: EmptyPart,
}

/// The part of the policy that is empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum EmptyPart {
    /// The document (`null` or nothing).
    Policy,
    /// `Statement` (`[]` or `null`).
    Statements,
    /// `Principal` or `NotPrincipal` written as `{}` (the element's name).
    Principal { element: &'static str },
    /// The list of a principal type.
    PrincipalList { kind: PrincipalKind },
    /// The list of `Action` or `NotAction` (the element's name).
    Actions { element: &'static str },
    /// `Condition`.
    Condition,
    /// An operator block (the operator as written).
    OperatorBlock { operator: String },
    /// The list of values of a condition key (the key as written).
    ConditionValues { key: String },
}

impl LoweringFacts {
    fn wrong_type(&mut self, node: &Node, part: Mistyped) {
        self.wrong_types.push(WrongType {
            span: node.span,
            found: node.describe(),
            part,
        });
    }

    fn empty(&mut self, span: Span, part: EmptyPart) {
        self.empty.push(Empty { span, part });
    }

    fn template(&mut self, span: Span, template: Template) {
        self.templates.push(TemplateValue { span, template });
    }
}

/// Lowers a document root into a policy and the facts noticed on the way.
pub(crate) fn lower(root: &Node) -> (TrustPolicy, LoweringFacts) {
    let mut facts = LoweringFacts::default();
    let policy = policy(root, &mut facts);
    (policy, facts)
}

fn policy(root: &Node, facts: &mut LoweringFacts) -> TrustPolicy {
    let mut policy = TrustPolicy {
        span: root.span,
        ..TrustPolicy::default()
    };
    if root.is_invalid() {
        return policy;
    }
    // The first character of the document (`{`), or nothing for an empty file.
    let opening = if root.span.is_empty() {
        root.span
    } else {
        Span::new(root.span.start(), root.span.start() + 1)
    };
    let Some(map) = root.map() else {
        if root.is_null() {
            facts.empty(opening, EmptyPart::Policy);
        } else {
            facts.wrong_type(root, Mistyped::Policy);
        }
        return policy;
    };
    let elements = elements(&map.entries, TOP_ELEMENTS, Place::TopLevel, facts);
    facts.top = Some(object(opening, map.complete, TOP_ELEMENTS, &elements));
    if let Some(pair) = elements.get("Version") {
        policy.version = version(&pair.value, facts);
    }
    if let Some(pair) = elements.get("Id")
        && pair
            .value
            .scalar()
            .is_none_or(|s| s.style != Style::JsonString)
    {
        facts.wrong_type(&pair.value, Mistyped::Id);
    }
    if let Some(pair) = elements.get("Statement") {
        let node = &pair.value;
        match &node.value {
            Value::Map(_) => {
                let stmt = statement(node, 0, facts);
                policy.statements.push(stmt);
            }
            Value::Seq(seq) => {
                if seq.items.is_empty() && seq.complete {
                    facts.empty(node.span, EmptyPart::Statements);
                }
                for item in &seq.items {
                    if item.is_invalid() {
                        continue;
                    }
                    if item.map().is_some() {
                        let index = policy.statements.len();
                        policy.statements.push(statement(item, index, facts));
                    } else {
                        facts.wrong_type(item, Mistyped::StatementItem);
                    }
                }
            }
            Value::Invalid => {}
            Value::Scalar(_) => {
                if node.is_null() {
                    facts.empty(node.span, EmptyPart::Statements);
                } else {
                    facts.wrong_type(node, Mistyped::Statement);
                }
            }
        }
    }
    policy
}

/// The known elements of an object by their documented name (the last occurrence of each),
/// recording unknown ones and names written in another case.
fn elements<'n>(
    entries: &'n [Pair],
    known: &'static [&'static str],
    place: Place,
    facts: &mut LoweringFacts,
) -> HashMap<&'static str, &'n Pair> {
    let mut found = HashMap::new();
    for pair in entries {
        let Some(key) = pair.key_str() else { continue };
        if let Some(name) = known.iter().find(|k| **k == key) {
            found.insert(*name, pair);
        } else if let Some(name) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
            facts.other_case.push(OtherCase {
                span: pair.key.span,
                written: key.to_string(),
                documented: name,
                what: CaseOf::Element,
            });
            found.insert(*name, pair);
        } else {
            facts.unknown_elements.push(UnknownElement {
                span: pair.key.span,
                name: key.to_string(),
                place,
                known,
            });
        }
    }
    found
}

/// The facts of an object whose documented elements are `found`.
fn object(
    opening: Span,
    complete: bool,
    known: &'static [&'static str],
    found: &HashMap<&'static str, &Pair>,
) -> Object {
    let elements = known
        .iter()
        .filter_map(|name| {
            found.get(name).map(|pair| Element {
                name,
                key: pair.key.span,
                value: pair.value.span,
            })
        })
        .collect();
    Object {
        opening,
        complete,
        elements,
    }
}

fn json_string(node: &Node) -> Option<&str> {
    let s = node.scalar()?;
    (s.style == Style::JsonString).then_some(s.text.as_str())
}

fn version(node: &Node, facts: &mut LoweringFacts) -> Option<Spanned<String>> {
    let Some(text) = json_string(node) else {
        if !node.is_invalid() {
            let scalar = node.scalar().is_some();
            facts.wrong_type(node, Mistyped::Version { scalar });
        }
        return None;
    };
    Some(Spanned {
        value: text.to_string(),
        span: node.span,
    })
}

fn statement(node: &Node, index: usize, facts: &mut LoweringFacts) -> Statement {
    let entries = node.entries();
    let found = elements(entries, STATEMENT_ELEMENTS, Place::Statement(index), facts);
    let complete = node.map().is_some_and(|m| m.complete);
    let opening = Span::new(node.span.start(), node.span.start() + 1);
    facts
        .statements
        .push(object(opening, complete, STATEMENT_ELEMENTS, &found));
    let mut stmt = Statement {
        index,
        span: node.span,
        sid: None,
        effect: None,
        principal: None,
        action: None,
        conditions: Vec::new(),
        condition_span: None,
        dropped_conditions: Vec::new(),
    };
    if let Some(pair) = found.get("Sid") {
        match json_string(&pair.value) {
            Some(s) => {
                stmt.sid = Some(Spanned {
                    value: s.to_string(),
                    span: pair.value.span,
                });
            }
            None => {
                if !pair.value.is_invalid() {
                    facts.wrong_type(&pair.value, Mistyped::Sid);
                }
            }
        }
    }
    if let Some(pair) = found.get("Effect") {
        stmt.effect = effect(&pair.value, facts);
    }
    // `Principal` wins over `NotPrincipal`, `Action` over `NotAction` (a statement with both is
    // reported as conflicting).
    let principal = found.get("Principal").map(|p| (p, false));
    let not_principal = found.get("NotPrincipal").map(|p| (p, true));
    if let Some((pair, not)) = principal.or(not_principal) {
        stmt.principal = principal_element(pair, not, facts);
    }
    let action = found.get("Action").map(|p| (p, false));
    let not_action = found.get("NotAction").map(|p| (p, true));
    if let Some((pair, not)) = action.or(not_action) {
        stmt.action = action_element(pair, not, facts);
    }
    if let Some(pair) = found.get("Condition") {
        stmt.condition_span = Some(pair.key.span);
        // Two `Condition` elements: IAM keeps the last one.
        let dups = entries
            .iter()
            .filter(|p| p.key_str() == pair.key_str() && p.key.span != pair.key.span);
        for dup in dups {
            facts.dropped.push(Dropped::ConditionElement {
                dropped: dup.key.span,
                kept: pair.key.span,
            });
            // What IAM does not read is not reported on either: its conditions are only kept.
            let (kept, dropped) = conditions(&dup.value, &mut LoweringFacts::default());
            stmt.dropped_conditions.extend(kept);
            stmt.dropped_conditions.extend(dropped);
        }
        let (kept, dropped) = conditions(&pair.value, facts);
        stmt.conditions = kept;
        stmt.dropped_conditions.extend(dropped);
    }
    stmt
}

fn effect(node: &Node, facts: &mut LoweringFacts) -> Option<Spanned<Effect>> {
    let Some(text) = json_string(node) else {
        if !node.is_invalid() {
            facts.wrong_type(node, Mistyped::Effect);
        }
        return None;
    };
    let value = match text {
        "Allow" => Effect::Allow,
        "Deny" => Effect::Deny,
        t if t.eq_ignore_ascii_case("allow") || t.eq_ignore_ascii_case("deny") => {
            let (documented, value) = if t.eq_ignore_ascii_case("allow") {
                ("Allow", Effect::Allow)
            } else {
                ("Deny", Effect::Deny)
            };
            facts.other_case.push(OtherCase {
                span: node.span,
                written: t.to_string(),
                documented,
                what: CaseOf::Effect,
            });
            value
        }
        t => {
            facts.invalid_effects.push(Spanned {
                value: t.to_string(),
                span: node.span,
            });
            return None;
        }
    };
    Some(Spanned {
        value,
        span: node.span,
    })
}

fn principal_element(
    pair: &Pair,
    not: bool,
    facts: &mut LoweringFacts,
) -> Option<PrincipalElement> {
    let node = &pair.value;
    let name = if not { "NotPrincipal" } else { "Principal" };
    let mut element = PrincipalElement {
        not,
        key_span: pair.key.span,
        span: node.span,
        entries: Vec::new(),
    };
    match &node.value {
        Value::Invalid => return None,
        Value::Scalar(s) if s.style == Style::JsonString => {
            if s.text == "*" {
                element.entries.push(PrincipalEntry {
                    kind: PrincipalKind::Everyone,
                    value: "*".into(),
                    span: node.span,
                    template: false,
                });
            } else if let Some(token) = text::placeholder(&s.text) {
                facts.template(node.span, Template::Token(token));
                element.entries.push(PrincipalEntry {
                    kind: PrincipalKind::Aws,
                    value: s.text.clone(),
                    span: node.span,
                    template: true,
                });
            } else {
                facts.bare_principals.push(BarePrincipal {
                    span: node.span,
                    element: name,
                    text: s.text.clone(),
                });
            }
        }
        Value::Map(map) => {
            if text::is_intrinsic(node) {
                facts.template(node.span, Template::Function);
                return Some(element);
            }
            if map.entries.is_empty() && map.complete {
                facts.empty(node.span, EmptyPart::Principal { element: name });
            }
            for (i, entry) in map.entries.iter().enumerate() {
                let Some(key) = entry.key_str() else { continue };
                // A later entry with the same key replaces this one (reported as a duplicate key).
                if map
                    .entries
                    .get(i + 1..)
                    .is_some_and(|rest| rest.iter().any(|p| p.key_str() == Some(key)))
                {
                    continue;
                }
                let kind = match PRINCIPAL_KEYS.iter().find(|(k, _)| *k == key) {
                    Some((_, kind)) => *kind,
                    None => match PRINCIPAL_KEYS
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    {
                        Some((documented, kind)) => {
                            facts.other_case.push(OtherCase {
                                span: entry.key.span,
                                written: key.to_string(),
                                documented,
                                what: CaseOf::PrincipalType,
                            });
                            *kind
                        }
                        None => {
                            facts.unknown_principal_types.push(Spanned {
                                value: key.to_string(),
                                span: entry.key.span,
                            });
                            continue;
                        }
                    },
                };
                principal_values(&entry.value, kind, &mut element.entries, facts);
            }
        }
        _ => facts.wrong_type(node, Mistyped::Principal { element: name }),
    }
    Some(element)
}

fn principal_values(
    node: &Node,
    kind: PrincipalKind,
    entries: &mut Vec<PrincipalEntry>,
    facts: &mut LoweringFacts,
) {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(seq) => {
            if seq.items.is_empty() && seq.complete {
                facts.empty(node.span, EmptyPart::PrincipalList { kind });
            }
            seq.items.iter().collect()
        }
        _ => vec![node],
    };
    for item in items {
        if item.is_invalid() {
            continue;
        }
        if text::is_intrinsic(item) {
            facts.template(item.span, Template::Function);
            entries.push(PrincipalEntry {
                kind,
                value: String::new(),
                span: item.span,
                template: true,
            });
            continue;
        }
        match json_string(item) {
            Some(s) => entries.push(PrincipalEntry {
                kind,
                value: s.to_string(),
                span: item.span,
                template: false,
            }),
            None => facts.wrong_type(item, Mistyped::PrincipalValue { kind }),
        }
    }
}

fn action_element(pair: &Pair, not: bool, facts: &mut LoweringFacts) -> Option<ActionElement> {
    let node = &pair.value;
    let name = if not { "NotAction" } else { "Action" };
    let mut element = ActionElement {
        not,
        key_span: pair.key.span,
        span: node.span,
        actions: Vec::new(),
    };
    let items: Vec<&Node> = match &node.value {
        Value::Invalid => return None,
        Value::Seq(seq) => {
            if seq.items.is_empty() && seq.complete {
                facts.empty(node.span, EmptyPart::Actions { element: name });
            }
            seq.items.iter().collect()
        }
        Value::Map(_) => {
            facts.wrong_type(node, Mistyped::Action { element: name });
            return None;
        }
        Value::Scalar(_) => vec![node],
    };
    for item in items {
        if item.is_invalid() {
            continue;
        }
        match json_string(item) {
            Some(s) => element.actions.push(Spanned {
                value: s.to_string(),
                span: item.span,
            }),
            None => facts.wrong_type(item, Mistyped::ActionItem),
        }
    }
    Some(element)
}

/// The conditions of a `Condition` object IAM checks, and those it drops (earlier duplicates).
fn conditions(node: &Node, facts: &mut LoweringFacts) -> (Vec<Condition>, Vec<Condition>) {
    let mut result = Vec::new();
    let mut dropped_conditions = Vec::new();
    let map = match &node.value {
        Value::Map(m) => m,
        Value::Invalid => return (result, dropped_conditions),
        _ => {
            facts.wrong_type(node, Mistyped::Condition);
            return (result, dropped_conditions);
        }
    };
    if map.entries.is_empty() && map.complete {
        facts.empty(node.span, EmptyPart::Condition);
    }
    for (i, op_pair) in map.entries.iter().enumerate() {
        let Some(op_text) = op_pair.key_str() else {
            continue;
        };
        if let Some(later) = map
            .entries
            .get(i + 1..)
            .and_then(|rest| rest.iter().find(|p| p.key_str() == Some(op_text)))
        {
            facts.dropped.push(Dropped::OperatorBlock {
                operator: op_text.to_string(),
                dropped: op_pair.key.span,
                kept: later.key.span,
                lost_keys: lost_keys(&op_pair.value, &later.value),
            });
            let scratch = &mut LoweringFacts::default();
            for kv in op_pair.value.entries() {
                dropped_conditions.extend(condition(op_pair, kv, scratch));
            }
            continue;
        }
        let block = match &op_pair.value.value {
            Value::Map(m) => m,
            Value::Invalid => continue,
            _ => {
                facts.wrong_type(
                    &op_pair.value,
                    Mistyped::OperatorBlock {
                        operator: op_text.to_string(),
                    },
                );
                continue;
            }
        };
        if block.entries.is_empty() && block.complete {
            facts.empty(
                op_pair.value.span,
                EmptyPart::OperatorBlock {
                    operator: op_text.to_string(),
                },
            );
        }
        for (j, kv) in block.entries.iter().enumerate() {
            let Some(key) = kv.key_str() else { continue };
            if let Some(later) = block
                .entries
                .get(j + 1..)
                .and_then(|rest| rest.iter().find(|p| p.key_str() == Some(key)))
            {
                facts.dropped.push(Dropped::ConditionKey {
                    key: key.to_string(),
                    operator: op_text.to_string(),
                    dropped: kv.key.span,
                    kept: later.key.span,
                });
                dropped_conditions.extend(condition(op_pair, kv, &mut LoweringFacts::default()));
                continue;
            }
            result.extend(condition(op_pair, kv, facts));
        }
    }
    (result, dropped_conditions)
}

/// The condition of key `kv` in the operator block `op_pair`, when its values can be read.
fn condition(op_pair: &Pair, kv: &Pair, facts: &mut LoweringFacts) -> Option<Condition> {
    let op_text = op_pair.key_str()?;
    let key = kv.key_str()?;
    let parsed = match Operator::parse(op_text) {
        ParsedOperator::Known { operator, .. } => Some(operator),
        _ => None,
    };
    let values = condition_values(&kv.value, key, facts)?;
    Some(Condition {
        operator: Spanned {
            value: op_text.to_string(),
            span: op_pair.key.span,
        },
        parsed,
        key: Spanned {
            value: key.to_string(),
            span: kv.key.span,
        },
        values,
        values_span: kv.value.span,
        span: kv.key.span.cover(kv.value.span),
    })
}

/// The keys of a dropped operator block that the block replacing it does not check.
fn lost_keys(dropped: &Node, kept: &Node) -> Vec<String> {
    dropped
        .entries()
        .iter()
        .filter_map(Pair::key_str)
        .filter(|k| kept.get(k).is_none())
        .map(str::to_string)
        .collect()
}

fn condition_values(
    node: &Node,
    key: &str,
    facts: &mut LoweringFacts,
) -> Option<Vec<ConditionValue>> {
    let items: Vec<&Node> = match &node.value {
        Value::Invalid => return None,
        Value::Seq(seq) => {
            if seq.items.is_empty() && seq.complete {
                facts.empty(
                    node.span,
                    EmptyPart::ConditionValues {
                        key: key.to_string(),
                    },
                );
            }
            seq.items.iter().collect()
        }
        Value::Map(_) => {
            if text::is_intrinsic(node) {
                facts.template(node.span, Template::Function);
                return None;
            }
            facts.wrong_type(
                node,
                Mistyped::ConditionValue {
                    key: key.to_string(),
                },
            );
            return None;
        }
        Value::Scalar(_) => vec![node],
    };
    let mut values = Vec::new();
    for item in items {
        let Some(s) = item.scalar() else {
            if !item.is_invalid() {
                facts.wrong_type(
                    item,
                    Mistyped::ConditionValueItem {
                        key: key.to_string(),
                    },
                );
            }
            continue;
        };
        let json = match s.kind() {
            ScalarKind::Null => JsonType::Null,
            ScalarKind::Bool => JsonType::Bool,
            ScalarKind::Int | ScalarKind::Float => JsonType::Number,
            ScalarKind::Str => JsonType::String,
        };
        if json == JsonType::Null {
            facts.wrong_type(
                item,
                Mistyped::ConditionValueItem {
                    key: key.to_string(),
                },
            );
            continue;
        }
        values.push(ConditionValue {
            text: s.text.clone(),
            span: item.span,
            json,
        });
    }
    Some(values)
}
