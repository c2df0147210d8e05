//! One tree for YAML and JSON documents, with a span on every node (keys too).
//!
//! Scalars keep their source text and style instead of a resolved type, because AWS services read
//! the same text differently per key (`yes` is a boolean to CodeBuild's YAML 1.1 reader, a string
//! to a YAML 1.2 reader; `0.0` must stay a number in an AppSpec). Validators pick the reading that
//! matches the service with the `Scalar` accessors.

use super::Span;

/// The plain words a YAML 1.1 reader (CodeBuild's, the CodeDeploy agent's) takes for `true`.
pub const YAML11_TRUE: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE",
];
/// The plain words a YAML 1.1 reader takes for `false`.
pub const YAML11_FALSE: &[&str] = &[
    "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE",
];

/// A node of a parsed document.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Where the node's text is (for a block collection: from its first to its last child).
    pub span: Span,
    /// What the node holds.
    pub value: Value,
    /// An explicit tag such as `!Ref` or `!!str`, as written.
    pub tag: Option<Box<str>>,
}

/// The content of a [`Node`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar: string, number, boolean or null, kept as text.
    Scalar(Scalar),
    /// A sequence (YAML) or array (JSON).
    Seq(Seq),
    /// A mapping (YAML) or object (JSON).
    Map(Map),
    /// Content that could not be read (a limit was hit or the text was malformed); a diagnostic
    /// was already reported for it, so validators must stay silent about it.
    Invalid,
}

/// A sequence node.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seq {
    /// The items in order.
    pub items: Vec<Node>,
    /// `false` when a syntax error cut the sequence short.
    pub complete: bool,
}

/// A mapping node. Entries keep their source order, including duplicate keys (so that each can be
/// reported); lookups return the last occurrence, as YAML and JSON readers used by AWS do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    /// The entries in source order.
    pub entries: Vec<Pair>,
    /// `false` when a syntax error cut the mapping short: validators must not report keys as
    /// missing from an incomplete mapping.
    pub complete: bool,
}

/// A key and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The key node (usually a string scalar).
    pub key: Node,
    /// The value node.
    pub value: Node,
}

/// How a scalar was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// YAML plain scalar (`foo`, `0.2`, `yes`).
    Plain,
    /// YAML `'single quoted'`.
    SingleQuoted,
    /// YAML `"double quoted"`.
    DoubleQuoted,
    /// YAML literal block `|`.
    Literal,
    /// YAML folded block `>`.
    Folded,
    /// JSON string.
    JsonString,
    /// JSON number.
    JsonNumber,
    /// JSON `true`/`false`.
    JsonBool,
    /// JSON `null`.
    JsonNull,
}

/// A scalar's text and style.
#[derive(Clone, Debug, PartialEq)]
pub struct Scalar {
    /// The scalar's value after unescaping (without quotes).
    pub text: String,
    /// How it was written.
    pub style: Style,
}

/// The type a scalar resolves to under the YAML 1.2 core schema (what most modern readers do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarKind {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false`.
    Bool,
    /// An integer.
    Int,
    /// A floating-point number.
    Float,
    /// Anything else, and every quoted or block scalar.
    Str,
}

impl Scalar {
    /// Whether the scalar was quoted, written as a block, or is a JSON string: then it is a
    /// string whatever it looks like.
    pub fn is_quoted(&self) -> bool {
        matches!(
            self.style,
            Style::SingleQuoted
                | Style::DoubleQuoted
                | Style::Literal
                | Style::Folded
                | Style::JsonString
        )
    }

    /// The scalar's type under the YAML 1.2 core schema (JSON values keep their JSON type).
    pub fn kind(&self) -> ScalarKind {
        match self.style {
            Style::JsonNull => ScalarKind::Null,
            Style::JsonBool => ScalarKind::Bool,
            Style::JsonNumber => {
                if is_core_int(&self.text) {
                    ScalarKind::Int
                } else {
                    ScalarKind::Float
                }
            }
            Style::Plain => plain_kind(&self.text),
            _ => ScalarKind::Str,
        }
    }

    /// Whether the scalar is null (`~`, `null`, empty plain, JSON `null`).
    pub fn is_null(&self) -> bool {
        self.kind() == ScalarKind::Null
    }

    /// The boolean a YAML 1.1 reader (go-yaml v2, SnakeYAML, PyYAML) sees: `yes`/`no`/`on`/`off`
    /// /`y`/`n` in their three casings as well as `true`/`false`.
    pub fn yaml11_bool(&self) -> Option<bool> {
        match self.style {
            Style::JsonBool => Some(self.text == "true"),
            Style::Plain if YAML11_TRUE.contains(&self.text.as_str()) => Some(true),
            Style::Plain if YAML11_FALSE.contains(&self.text.as_str()) => Some(false),
            _ => None,
        }
    }

    /// The number the scalar denotes, if it is a plain or JSON number.
    pub fn number(&self) -> Option<f64> {
        match self.kind() {
            ScalarKind::Int | ScalarKind::Float => parse_core_number(&self.text),
            _ => None,
        }
    }

    /// The integer the scalar denotes, if it is a plain or JSON integer.
    pub fn int(&self) -> Option<i64> {
        match self.kind() {
            ScalarKind::Int => parse_core_int(&self.text),
            _ => None,
        }
    }
}

fn plain_kind(text: &str) -> ScalarKind {
    // Most plain scalars are words or commands: a number or `.inf`/`.nan` starts with a digit, a
    // sign or a dot, and the other keywords are short.
    let numeric_start = text
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.'));
    if !numeric_start && text.len() > 5 {
        return ScalarKind::Str;
    }
    plain_kind_by_schema(text)
}

/// [`plain_kind`] without its shortcut: the YAML 1.2 core schema's resolution.
fn plain_kind_by_schema(text: &str) -> ScalarKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => ScalarKind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => ScalarKind::Bool,
        _ if is_core_int(text) => ScalarKind::Int,
        _ if is_core_float(text) => ScalarKind::Float,
        _ => ScalarKind::Str,
    }
}

/// YAML 1.2 core schema integer: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
fn is_core_int(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix("0o") {
        return !rest.is_empty() && rest.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    if let Some(rest) = text.strip_prefix("0x") {
        return !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// YAML 1.2 core schema float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` and the
/// `.inf`/`.nan` spellings.
fn is_core_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (
            body.get(..i).unwrap_or(""),
            Some(body.get(i + 1..).unwrap_or("")),
        ),
        None => (body, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (!int.is_empty() || !frac.is_empty())
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let d = e.strip_prefix(['-', '+']).unwrap_or(e);
        !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

fn parse_core_int(text: &str) -> Option<i64> {
    if let Some(rest) = text.strip_prefix("0o") {
        return i64::from_str_radix(rest, 8).ok();
    }
    if let Some(rest) = text.strip_prefix("0x") {
        return i64::from_str_radix(rest, 16).ok();
    }
    text.strip_prefix('+').unwrap_or(text).parse().ok()
}

fn parse_core_number(text: &str) -> Option<f64> {
    if let Some(i) = parse_core_int(text) {
        return Some(i as f64);
    }
    let t = text.strip_prefix('+').unwrap_or(text);
    match t {
        ".inf" | ".Inf" | ".INF" => Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Some(f64::NAN),
        _ => t.parse().ok(),
    }
}

impl Node {
    /// A node with no tag.
    pub fn new(span: Span, value: Value) -> Node {
        Node {
            span,
            value,
            tag: None,
        }
    }

    /// The scalar, if this node is one.
    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The mapping, if this node is one.
    pub fn map(&self) -> Option<&Map> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The sequence, if this node is one.
    pub fn seq(&self) -> Option<&Seq> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The text of a non-null scalar (numbers and booleans included, as written).
    pub fn as_str(&self) -> Option<&str> {
        self.scalar()
            .filter(|s| !s.is_null())
            .map(|s| s.text.as_str())
    }

    /// Whether the node is a null scalar.
    pub fn is_null(&self) -> bool {
        self.scalar().is_some_and(Scalar::is_null)
    }

    /// Whether the node could not be read (a diagnostic was already reported).
    pub fn is_invalid(&self) -> bool {
        matches!(self.value, Value::Invalid)
    }

    /// The value of the last entry whose key is `key`, in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.map()?.get(key)
    }

    /// The last entry whose key is `key`, in a mapping.
    pub fn entry(&self, key: &str) -> Option<&Pair> {
        self.map()?.entry(key)
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(s) => &s.items,
            _ => &[],
        }
    }

    /// The entries of a mapping (empty for anything else).
    pub fn entries(&self) -> &[Pair] {
        match &self.value {
            Value::Map(m) => &m.entries,
            _ => &[],
        }
    }

    /// A short description of the node's type for messages: "a mapping", "a list",
    /// "the number `12`", "null", "the string `x`".
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Map(_) => "a mapping".to_string(),
            Value::Seq(_) => "a list".to_string(),
            Value::Invalid => "an unreadable value".to_string(),
            Value::Scalar(s) => match s.kind() {
                ScalarKind::Null => "nothing (null)".to_string(),
                ScalarKind::Bool => format!("the boolean `{}`", s.text),
                ScalarKind::Int | ScalarKind::Float => format!("the number `{}`", s.text),
                ScalarKind::Str => format!("the string `{}`", shorten(&s.text, 40)),
            },
        }
    }

    /// Number of nodes in this subtree (keys included).
    pub fn count(&self) -> usize {
        match &self.value {
            Value::Seq(s) => 1 + s.items.iter().map(Node::count).sum::<usize>(),
            Value::Map(m) => {
                1 + m
                    .entries
                    .iter()
                    .map(|p| p.key.count() + p.value.count())
                    .sum::<usize>()
            }
            _ => 1,
        }
    }
}

impl Map {
    /// The value of the last entry whose key is `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|p| &p.value)
    }

    /// The last entry whose key is `key`.
    pub fn entry(&self, key: &str) -> Option<&Pair> {
        self.entries.iter().rev().find(|p| p.key_str() == Some(key))
    }
}

impl Pair {
    /// The key's text when the key is a scalar.
    pub fn key_str(&self) -> Option<&str> {
        self.key.scalar().map(|s| s.text.as_str())
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut; newlines shown as `⏎`.
pub fn shorten(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out.replace('\n', "⏎")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_kinds_shortcut_agrees_with_the_schema() {
        use proptest::prelude::*;
        proptest!(|(text in "[-+.0-9a-zA-Z~_ ]{0,9}")| {
            prop_assert_eq!(plain_kind(&text), plain_kind_by_schema(&text));
        });
        for text in [
            "false", "FALSE", ".inf", "-.Inf", ".NaN", "0x1F", "0o17", "1e10", "+12", "command",
        ] {
            assert_eq!(plain_kind(text), plain_kind_by_schema(text), "{text}");
        }
    }

    fn plain(t: &str) -> Scalar {
        Scalar {
            text: t.to_string(),
            style: Style::Plain,
        }
    }

    #[test]
    fn core_schema_kinds() {
        assert_eq!(plain("0.2").kind(), ScalarKind::Float);
        assert_eq!(plain("0.0").kind(), ScalarKind::Float);
        assert_eq!(plain("12").kind(), ScalarKind::Int);
        assert_eq!(plain("-3").kind(), ScalarKind::Int);
        assert_eq!(plain("0x1F").kind(), ScalarKind::Int);
        assert_eq!(plain("1e3").kind(), ScalarKind::Float);
        assert_eq!(plain(".5").kind(), ScalarKind::Float);
        assert_eq!(plain("20.x").kind(), ScalarKind::Str);
        assert_eq!(plain("yes").kind(), ScalarKind::Str);
        assert_eq!(plain("True").kind(), ScalarKind::Bool);
        assert_eq!(plain("~").kind(), ScalarKind::Null);
        assert_eq!(plain("").kind(), ScalarKind::Null);
        assert_eq!(plain("1.2.3").kind(), ScalarKind::Str);
        assert_eq!(plain(".").kind(), ScalarKind::Str);
    }

    #[test]
    fn quoted_is_always_string() {
        let s = Scalar {
            text: "0.2".into(),
            style: Style::DoubleQuoted,
        };
        assert_eq!(s.kind(), ScalarKind::Str);
        assert_eq!(s.number(), None);
        assert_eq!(s.yaml11_bool(), None);
    }

    #[test]
    fn yaml11_booleans() {
        assert_eq!(plain("No").yaml11_bool(), Some(false));
        assert_eq!(plain("on").yaml11_bool(), Some(true));
        assert_eq!(plain("nope").yaml11_bool(), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(plain("0.20").number(), Some(0.2));
        assert_eq!(plain("0o17").int(), Some(15));
        assert_eq!(plain("+7").int(), Some(7));
        assert_eq!(plain("99999999999999999999").int(), None);
    }
}
