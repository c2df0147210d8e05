//! The typed trust policy, lowered from the JSON tree with a span on every part, so that the
//! evaluator's trace and the playground can point at statements, principals and conditions.
//!
//! Lowering reads the policy the way IAM does where the JSON is ambiguous: of two identical keys
//! in one object the last wins (the first is reported), element names and `Effect` values in
//! another case are accepted (and reported, since IAM's behaviour is unconfirmed), and parts that
//! cannot be read are left out after a diagnostic.

use super::operators::{Operator, ParsedOperator};
use super::rules::{actions, conditions as cond_rules, document, principals, structure};
use super::text;
use crate::diagnostic::Diagnostic;
use crate::source::{Node, Pair, ScalarKind, Span, Style, Value};
use crate::suggest::did_you_mean;

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

/// The element names of a statement, in the order of the IAM grammar.
const STATEMENT_ELEMENTS: &[&str] = &[
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

const TOP_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];

const PRINCIPAL_KEYS: &[(&str, PrincipalKind)] = &[
    ("AWS", PrincipalKind::Aws),
    ("Service", PrincipalKind::Service),
    ("Federated", PrincipalKind::Federated),
    ("CanonicalUser", PrincipalKind::CanonicalUser),
];

/// Lowers a document root into a policy, reporting structural problems.
pub(crate) fn lower(root: &Node, out: &mut Vec<Diagnostic>) -> TrustPolicy {
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
            out.push(
                structure::MISSING_STATEMENT
                    .at(opening, "the policy is empty")
                    .with_help("a trust policy is a JSON object with `Version` and `Statement`"),
            );
        } else {
            out.push(
                structure::INVALID_ELEMENT_TYPE
                    .at(
                        root.span,
                        format!("a policy must be a JSON object, found {}", root.describe()),
                    )
                    .with_help("write `{\"Version\": \"2012-10-17\", \"Statement\": [...]}`"),
            );
        }
        return policy;
    };
    let elements = elements(&map.entries, TOP_ELEMENTS, "at the top level", out);
    match elements.get("Version") {
        Some(pair) => policy.version = version(&pair.value, out),
        None => {
            if map.complete {
                out.push(
                    structure::MISSING_VERSION
                        .at(opening, "the policy has no `Version`")
                        .with_help(
                            "add `\"Version\": \"2012-10-17\"`; without it policy variables such as `${aws:username}` are not expanded",
                        ),
                );
            }
        }
    }
    if let Some(pair) = elements.get("Id")
        && pair
            .value
            .scalar()
            .is_none_or(|s| s.style != Style::JsonString)
    {
        out.push(type_error(&pair.value, "`Id`", "a string"));
    }
    match elements.get("Statement") {
        None => {
            if map.complete {
                out.push(
                    structure::MISSING_STATEMENT
                        .at(opening, "the policy has no `Statement`")
                        .with_help(
                            "add a `Statement` list naming who may assume the role, e.g. `\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]`",
                        ),
                );
            }
        }
        Some(pair) => {
            let node = &pair.value;
            match &node.value {
                Value::Map(_) => {
                    let stmt = statement(node, 0, out);
                    policy.statements.push(stmt);
                }
                Value::Seq(seq) => {
                    if seq.items.is_empty() && seq.complete {
                        out.push(
                            structure::MISSING_STATEMENT
                                .at(node.span, "`Statement` is empty")
                                .with_help("a trust policy needs at least one statement"),
                        );
                    }
                    for item in &seq.items {
                        if item.is_invalid() {
                            continue;
                        }
                        if item.map().is_some() {
                            let index = policy.statements.len();
                            policy.statements.push(statement(item, index, out));
                        } else {
                            out.push(type_error(item, "a statement", "a JSON object"));
                        }
                    }
                }
                Value::Invalid => {}
                Value::Scalar(_) => {
                    if node.is_null() {
                        out.push(
                            structure::MISSING_STATEMENT
                                .at(node.span, "`Statement` is empty")
                                .with_help("a trust policy needs at least one statement"),
                        );
                    } else {
                        out.push(type_error(
                            node,
                            "`Statement`",
                            "an object or a list of objects",
                        ));
                    }
                }
            }
        }
    }
    policy
}

/// The known elements of an object by their documented name (the last occurrence of each),
/// reporting unknown ones and names written in another case.
fn elements<'n>(
    entries: &'n [Pair],
    known: &'static [&'static str],
    place: &str,
    out: &mut Vec<Diagnostic>,
) -> std::collections::HashMap<&'static str, &'n Pair> {
    let mut found = std::collections::HashMap::new();
    for pair in entries {
        let Some(key) = pair.key_str() else { continue };
        if let Some(name) = known.iter().find(|k| **k == key) {
            found.insert(*name, pair);
        } else if let Some(name) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
            out.push(
                structure::NONSTANDARD_CASE
                    .at(pair.key.span, format!("`{key}` is documented as `{name}`"))
                    .with_help(format!(
                        "write `{name}`: whether IAM accepts element names in another case is not documented"
                    ))
                    .with_fix(
                        format!("rename to `{name}`"),
                        pair.key.span,
                        format!("\"{name}\""),
                    ),
            );
            found.insert(*name, pair);
        } else {
            let mut d = structure::UNKNOWN_ELEMENT.at(
                pair.key.span,
                format!("unknown element `{}` {place}", shorten(key)),
            );
            match did_you_mean(key, known.iter().copied()) {
                Some(s) => {
                    d = d
                        .with_help(format!(
                            "did you mean `{s}`? IAM rejects a policy with unknown elements"
                        ))
                        .with_fix(
                            format!("rename to `{s}`"),
                            pair.key.span,
                            format!("\"{s}\""),
                        );
                }
                None => {
                    let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                    d = d.with_help(format!(
                        "IAM rejects a policy with unknown elements; allowed here: {}",
                        list.join(", ")
                    ));
                }
            }
            out.push(d);
        }
    }
    found
}

fn shorten(s: &str) -> String {
    crate::source::tree::shorten(s, 60)
}

fn type_error(node: &Node, what: &str, expected: &str) -> Diagnostic {
    structure::INVALID_ELEMENT_TYPE.at(
        node.span,
        format!("{what} must be {expected}, found {}", node.describe()),
    )
}

fn json_string(node: &Node) -> Option<&str> {
    let s = node.scalar()?;
    (s.style == Style::JsonString).then_some(s.text.as_str())
}

fn version(node: &Node, out: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
    let Some(text) = json_string(node) else {
        if !node.is_invalid() {
            let mut d = type_error(node, "`Version`", "the string \"2012-10-17\"");
            if node.scalar().is_some() {
                d = d.with_fix(
                    "replace with \"2012-10-17\"",
                    node.span,
                    format!("\"{}\"", super::CURRENT_VERSION),
                );
            }
            out.push(d);
        }
        return None;
    };
    if text == super::CURRENT_VERSION {
    } else if text == super::OLD_VERSION {
        out.push(
            structure::OLD_POLICY_VERSION
                .at(node.span, format!("`Version` `{text}` is the old policy language"))
                .with_help(
                    "use \"2012-10-17\": under 2008-10-17 policy variables are not expanded and newer features may be unavailable",
                )
                .with_fix("use 2012-10-17", node.span, "\"2012-10-17\""),
        );
    } else {
        out.push(
            structure::INVALID_VERSION
                .at(
                    node.span,
                    format!("`{}` is not a policy language version", shorten(text)),
                )
                .with_help(
                    "`Version` is the date of the policy language, \"2012-10-17\" (or the old \"2008-10-17\"), not your policy's own version or today's date",
                )
                .with_fix("use 2012-10-17", node.span, "\"2012-10-17\""),
        );
    }
    Some(Spanned {
        value: text.to_string(),
        span: node.span,
    })
}

fn statement(node: &Node, index: usize, out: &mut Vec<Diagnostic>) -> Statement {
    let entries = node.entries();
    let place = format!("in statement {}", index + 1);
    let found = elements(entries, STATEMENT_ELEMENTS, &place, out);
    let complete = node.map().is_some_and(|m| m.complete);
    let opening = Span::new(node.span.start(), node.span.start() + 1);
    let mut stmt = Statement {
        index,
        span: node.span,
        sid: None,
        effect: None,
        principal: None,
        action: None,
        conditions: Vec::new(),
        condition_span: None,
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
                    out.push(type_error(&pair.value, "`Sid`", "a string"));
                }
            }
        }
    }
    match found.get("Effect") {
        Some(pair) => stmt.effect = effect(&pair.value, out),
        None => {
            if complete {
                out.push(
                    structure::INVALID_EFFECT
                        .at(opening, format!("statement {} has no `Effect`", index + 1))
                        .with_help("add `\"Effect\": \"Allow\"` (or `\"Deny\"`)"),
                );
            }
        }
    }
    // Pairs of elements that cannot appear together.
    for (a, b) in [
        ("Principal", "NotPrincipal"),
        ("Action", "NotAction"),
        ("Resource", "NotResource"),
    ] {
        if let (Some(first), Some(second)) = (found.get(a), found.get(b)) {
            let (first, second) = if first.key.span.start <= second.key.span.start {
                (first, second)
            } else {
                (second, first)
            };
            out.push(
                structure::CONFLICTING_ELEMENTS
                    .at(
                        second.key.span,
                        format!("`{a}` and `{b}` cannot both appear in one statement"),
                    )
                    .with_label(first.key.span, "the other one is here")
                    .with_help(format!("keep `{a}`")),
            );
        }
    }
    let principal = found.get("Principal").map(|p| (p, false));
    let not_principal = found.get("NotPrincipal").map(|p| (p, true));
    match principal.or(not_principal) {
        Some((pair, not)) => {
            if not {
                out.push(
                    principals::NOT_PRINCIPAL_IN_TRUST_POLICY
                        .at(pair.key.span, "`NotPrincipal` cannot be used in a role trust policy")
                        .with_help(
                            "name who may assume the role with `Principal`; to exclude someone, add a `Deny` statement",
                        ),
                );
            }
            stmt.principal = principal_element(pair, not, out);
        }
        None => {
            if complete {
                out.push(
                    principals::MISSING_PRINCIPAL
                        .at(opening, format!("statement {} has no `Principal`", index + 1))
                        .with_help(
                            "a trust policy statement must name who may assume the role, e.g. `\"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}`",
                        ),
                );
            }
        }
    }
    let action = found.get("Action").map(|p| (p, false));
    let not_action = found.get("NotAction").map(|p| (p, true));
    match action.or(not_action) {
        Some((pair, not)) => stmt.action = action_element(pair, not, out),
        None => {
            if complete {
                out.push(
                    actions::MISSING_ACTION
                        .at(opening, format!("statement {} has no `Action`", index + 1))
                        .with_help("add the action the principal calls, e.g. `\"Action\": \"sts:AssumeRole\"`"),
                );
            }
        }
    }
    for name in ["Resource", "NotResource"] {
        if let Some(pair) = found.get(name) {
            let span = pair.key.span.cover(pair.value.span);
            out.push(
                structure::RESOURCE_IN_TRUST_POLICY
                    .at(pair.key.span, format!("a trust policy cannot have `{name}`"))
                    .with_help(
                        "the resource of a trust policy is the role itself: remove the element (IAM answers \"Has prohibited field Resource\")",
                    )
                    .with_fix(format!("remove `{name}`"), span, ""),
            );
        }
    }
    if let Some(pair) = found.get("Condition") {
        stmt.condition_span = Some(pair.key.span);
        // Two `Condition` elements: IAM keeps the last one.
        let dups: Vec<&Pair> = entries
            .iter()
            .filter(|p| p.key_str() == pair.key_str() && p.key.span != pair.key.span)
            .collect();
        for dup in dups {
            out.push(
                cond_rules::CONDITION_SILENTLY_DROPPED
                    .at(
                        dup.key.span,
                        "this `Condition` element is silently dropped: a later `Condition` in the same statement replaces it",
                    )
                    .with_label(pair.key.span, "this one is kept")
                    .with_help("merge both into one `Condition` object"),
            );
        }
        stmt.conditions = conditions(&pair.value, out);
    }
    stmt
}

fn effect(node: &Node, out: &mut Vec<Diagnostic>) -> Option<Spanned<Effect>> {
    let Some(text) = json_string(node) else {
        if !node.is_invalid() {
            out.push(
                type_error(node, "`Effect`", "\"Allow\" or \"Deny\"")
                    .with_help("write `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`"),
            );
        }
        return None;
    };
    let value = match text {
        "Allow" => Effect::Allow,
        "Deny" => Effect::Deny,
        t if t.eq_ignore_ascii_case("allow") || t.eq_ignore_ascii_case("deny") => {
            let (fixed, value) = if t.eq_ignore_ascii_case("allow") {
                ("Allow", Effect::Allow)
            } else {
                ("Deny", Effect::Deny)
            };
            out.push(
                structure::NONSTANDARD_CASE
                    .at(node.span, format!("`{t}` is documented as `{fixed}`"))
                    .with_help(format!(
                        "write `{fixed}`: IAM documents the values `Allow` and `Deny` only, and whether it accepts another case is not confirmed"
                    ))
                    .with_fix(format!("replace with `{fixed}`"), node.span, format!("\"{fixed}\"")),
            );
            value
        }
        t => {
            let mut d = structure::INVALID_EFFECT
                .at(
                    node.span,
                    format!("`{}` is not a valid `Effect`", shorten(t)),
                )
                .with_help("`Effect` is `Allow` or `Deny`");
            if let Some(s) = did_you_mean(t, ["Allow", "Deny"]) {
                d = d.with_fix(format!("replace with `{s}`"), node.span, format!("\"{s}\""));
            }
            out.push(d);
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
    out: &mut Vec<Diagnostic>,
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
                out.push(placeholder_warning(node.span, &token));
                element.entries.push(PrincipalEntry {
                    kind: PrincipalKind::Aws,
                    value: s.text.clone(),
                    span: node.span,
                    template: true,
                });
            } else {
                let kind_hint = if s.text.ends_with(".amazonaws.com") {
                    "Service"
                } else if s.text.contains(":oidc-provider/") || s.text.contains(":saml-provider/") {
                    "Federated"
                } else {
                    "AWS"
                };
                out.push(
                    principals::INVALID_PRINCIPAL
                        .at(
                            node.span,
                            format!("`{name}` written as a string must be `*`, found `{}`", shorten(&s.text)),
                        )
                        .with_help(format!(
                            "say what kind of principal it is: `\"{name}\": {{\"{kind_hint}\": \"{}\"}}`",
                            shorten(&s.text)
                        ))
                        .with_fix(
                            format!("wrap in {{\"{kind_hint}\": …}}"),
                            node.span,
                            format!("{{\"{kind_hint}\": {}}}", json_quote(&s.text)),
                        ),
                );
            }
        }
        Value::Map(map) => {
            if text::is_intrinsic(node) {
                out.push(placeholder_warning(node.span, "a CloudFormation function"));
                return Some(element);
            }
            if map.entries.is_empty() && map.complete {
                out.push(
                    principals::INVALID_PRINCIPAL
                        .at(node.span, format!("`{name}` names no principal"))
                        .with_help("name who may assume the role, e.g. `{\"Service\": \"codebuild.amazonaws.com\"}`"),
                );
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
                            out.push(
                                structure::NONSTANDARD_CASE
                                    .at(entry.key.span, format!("`{key}` is documented as `{documented}`"))
                                    .with_help(format!(
                                        "write `{documented}`: whether IAM accepts principal types in another case is not documented"
                                    ))
                                    .with_fix(
                                        format!("rename to `{documented}`"),
                                        entry.key.span,
                                        format!("\"{documented}\""),
                                    ),
                            );
                            *kind
                        }
                        None => {
                            let mut d = principals::INVALID_PRINCIPAL.at(
                                entry.key.span,
                                format!("`{}` is not a principal type", shorten(key)),
                            );
                            let names = PRINCIPAL_KEYS.iter().map(|(k, _)| *k);
                            d = match did_you_mean(key, names) {
                                Some(s) => d
                                    .with_help(format!("did you mean `{s}`? principal types are `AWS`, `Service`, `Federated` and `CanonicalUser`"))
                                    .with_fix(format!("rename to `{s}`"), entry.key.span, format!("\"{s}\"")),
                                None => d.with_help("principal types are `AWS`, `Service`, `Federated` and `CanonicalUser`"),
                            };
                            out.push(d);
                            continue;
                        }
                    },
                };
                principal_values(&entry.value, kind, &mut element.entries, out);
            }
        }
        _ => {
            out.push(type_error(
                node,
                &format!("`{name}`"),
                "`\"*\"` or an object such as `{\"Service\": \"codebuild.amazonaws.com\"}`",
            ));
        }
    }
    Some(element)
}

fn json_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(crate) fn placeholder_warning(span: Span, token: &str) -> Diagnostic {
    let what = if token.starts_with("a CloudFormation") {
        "this value is a CloudFormation function".to_string()
    } else {
        format!("`{token}` is a template placeholder")
    };
    document::TEMPLATE_PLACEHOLDER
        .at(span, format!("{what}: IAM would read it literally"))
        .with_help(
            "this looks like a template (Terraform, CloudFormation, a README): fill it in before IAM sees the policy; checks that depend on this value are skipped",
        )
}

fn principal_values(
    node: &Node,
    kind: PrincipalKind,
    entries: &mut Vec<PrincipalEntry>,
    out: &mut Vec<Diagnostic>,
) {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(seq) => {
            if seq.items.is_empty() && seq.complete {
                out.push(
                    principals::INVALID_PRINCIPAL
                        .at(node.span, format!("the `{}` list is empty", kind.key()))
                        .with_help("name at least one principal, or remove the key"),
                );
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
            out.push(placeholder_warning(item.span, "a CloudFormation function"));
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
            None => out.push(type_error(
                item,
                &format!("a value of `{}`", kind.key()),
                "a string",
            )),
        }
    }
}

fn action_element(pair: &Pair, not: bool, out: &mut Vec<Diagnostic>) -> Option<ActionElement> {
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
                out.push(
                    actions::MISSING_ACTION
                        .at(node.span, format!("`{name}` is empty"))
                        .with_help(
                            "list the action the principal calls, e.g. `\"sts:AssumeRole\"`",
                        ),
                );
            }
            seq.items.iter().collect()
        }
        Value::Map(_) => {
            out.push(type_error(
                node,
                &format!("`{name}`"),
                "a string or a list of strings",
            ));
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
            None => out.push(type_error(
                item,
                "an action",
                "a string such as \"sts:AssumeRole\"",
            )),
        }
    }
    Some(element)
}

fn conditions(node: &Node, out: &mut Vec<Diagnostic>) -> Vec<Condition> {
    let mut result = Vec::new();
    let map = match &node.value {
        Value::Map(m) => m,
        Value::Invalid => return result,
        _ => {
            out.push(type_error(
                node,
                "`Condition`",
                "an object of operators, e.g. `{\"StringEquals\": {\"key\": \"value\"}}`",
            ));
            return result;
        }
    };
    if map.entries.is_empty() && map.complete {
        out.push(
            cond_rules::EMPTY_CONDITION
                .at(node.span, "`Condition` is empty")
                .with_help("remove it, or add the conditions you meant"),
        );
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
            let lost = lost_keys(&op_pair.value, &later.value);
            let consequence = if lost.is_empty() {
                String::new()
            } else {
                format!(
                    ", so its check on {} no longer applies",
                    lost.iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            out.push(
                cond_rules::CONDITION_SILENTLY_DROPPED
                    .at(
                        op_pair.key.span,
                        format!(
                            "this `{op_text}` block is silently dropped: a later `{op_text}` in the same `Condition` replaces it{consequence}"
                        ),
                    )
                    .with_label(later.key.span, "this block replaces it")
                    .with_help(format!(
                        "put every key of both blocks into one `{op_text}` object (keys inside one operator are AND-ed)"
                    )),
            );
            continue;
        }
        let parsed = match Operator::parse(op_text) {
            ParsedOperator::Known { operator, .. } => Some(operator),
            _ => None,
        };
        let block = match &op_pair.value.value {
            Value::Map(m) => m,
            Value::Invalid => continue,
            _ => {
                out.push(type_error(
                    &op_pair.value,
                    &format!("the `{}` block", shorten(op_text)),
                    "an object of condition keys and values",
                ));
                continue;
            }
        };
        if block.entries.is_empty() && block.complete {
            out.push(
                cond_rules::EMPTY_CONDITION
                    .at(
                        op_pair.value.span,
                        format!("the `{}` block is empty", shorten(op_text)),
                    )
                    .with_help("add the key and values to compare, or remove the operator"),
            );
        }
        for (j, kv) in block.entries.iter().enumerate() {
            let Some(key) = kv.key_str() else { continue };
            if let Some(later) = block
                .entries
                .get(j + 1..)
                .and_then(|rest| rest.iter().find(|p| p.key_str() == Some(key)))
            {
                out.push(
                    cond_rules::CONDITION_SILENTLY_DROPPED
                        .at(
                            kv.key.span,
                            format!("this `{}` condition is silently dropped: the same key appears again later in this `{}` block", shorten(key), shorten(op_text)),
                        )
                        .with_label(later.key.span, "this one replaces it")
                        .with_help("to accept several values, list them in one array: `\"key\": [\"a\", \"b\"]`"),
                );
                continue;
            }
            let Some(values) = condition_values(&kv.value, key, out) else {
                continue;
            };
            result.push(Condition {
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
            });
        }
    }
    result
}

/// The keys of a dropped operator block that the block replacing it does not check.
fn lost_keys(dropped: &Node, kept: &Node) -> Vec<String> {
    dropped
        .entries()
        .iter()
        .filter_map(Pair::key_str)
        .filter(|k| kept.get(k).is_none())
        .map(shorten)
        .collect()
}

fn condition_values(
    node: &Node,
    key: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<ConditionValue>> {
    let items: Vec<&Node> = match &node.value {
        Value::Invalid => return None,
        Value::Seq(seq) => {
            if seq.items.is_empty() && seq.complete {
                out.push(
                    cond_rules::EMPTY_CONDITION
                        .at(node.span, format!("`{}` has an empty list of values", shorten(key)))
                        .with_help("an empty list never matches (and with `ForAllValues:` matches only a missing key): list the values, or remove the key"),
                );
            }
            seq.items.iter().collect()
        }
        Value::Map(_) => {
            if text::is_intrinsic(node) {
                out.push(placeholder_warning(node.span, "a CloudFormation function"));
                return None;
            }
            out.push(type_error(
                node,
                &format!("the value of `{}`", shorten(key)),
                "a string or a list of strings",
            ));
            return None;
        }
        Value::Scalar(_) => vec![node],
    };
    let mut values = Vec::new();
    for item in items {
        let Some(s) = item.scalar() else {
            if !item.is_invalid() {
                out.push(type_error(
                    item,
                    &format!("a value of `{}`", shorten(key)),
                    "a string, number or boolean",
                ));
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
            out.push(type_error(
                item,
                &format!("a value of `{}`", shorten(key)),
                "a string, number or boolean",
            ));
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
