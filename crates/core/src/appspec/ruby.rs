//! How the CodeDeploy agent reads scalars. The agent is written in Ruby and loads the AppSpec
//! with `YAML.load` (Psych, a YAML 1.1 reader), then converts values with Ruby's `to_s` and
//! `to_i`. Rules that depend on that reading (`mode`, `timeout`, `version`) use these helpers so
//! that they agree with what the agent really sees, explicit tags (`!!str 0.0`) included.

use crate::source::{Node, Scalar, Style, Value};

/// A scalar as Psych resolves it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RubyValue {
    /// `nil`.
    Nil,
    /// `true` / `false` (`yes`, `on`, … in YAML 1.1).
    Bool(bool),
    /// An integer (decimal, `0`-prefixed octal, `0x` hex, `0b` binary in YAML 1.1).
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(String),
}

/// What Psych makes of the scalar `node`, explicit tag included; `None` for a mapping, a list or
/// unreadable content.
///
/// Psych (`Psych::Visitors::ToRuby#deserialize`) returns the text of a quoted scalar without a
/// tag; with a tag, libyaml reports the scalar as neither plain nor quoted, so the tag decides
/// whatever the quoting: `!!str` (or `!str`) keeps the text, `!!float` converts the resolved
/// value with `Float()`, and every other tag (`!!int` included) resolves the text like a plain
/// scalar.
pub(crate) fn ruby_value(node: &Node) -> Option<RubyValue> {
    let Value::Scalar(s) = &node.value else {
        return None;
    };
    let Some(tag) = node.tag.as_deref().and_then(tag_name) else {
        return Some(ruby_scalar(s));
    };
    Some(match tag {
        "str" => RubyValue::Str(s.text.clone()),
        "float" => match plain(&s.text) {
            RubyValue::Int(i) => RubyValue::Float(i as f64),
            // Psych's `Float()` raises on anything else and the file does not load; the plain
            // reading is kept for the rules to judge.
            other => other,
        },
        _ => plain(&s.text),
    })
}

/// The name of a tag Psych treats specially (`str`, `float`) or of another core-schema tag
/// (`int`, `bool`, `null`, …), from the tag as the parser wrote it: `!!str` is kept as
/// `tag:yaml.org,2002:!str` and `!<tag:yaml.org,2002:str>` as `!tag:yaml.org,2002:str`; `!str`
/// is Psych's local spelling; `!ruby/string` is a string too. `None` for the non-specific tag
/// `!`.
fn tag_name(tag: &str) -> Option<&str> {
    let tag = tag
        .strip_prefix("!<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(tag);
    if tag.is_empty() || tag == "!" {
        return None;
    }
    if tag.starts_with("!ruby/string") {
        return Some("str");
    }
    let name = [
        "tag:yaml.org,2002:!",
        "tag:yaml.org,2002:",
        "!tag:yaml.org,2002:",
        "!!",
        "!",
    ]
    .iter()
    .find_map(|p| tag.strip_prefix(p))
    .unwrap_or(tag);
    Some(name)
}

/// What Psych makes of the untagged scalar `s` (JSON values keep their JSON type).
pub(crate) fn ruby_scalar(s: &Scalar) -> RubyValue {
    match s.style {
        Style::JsonNull => RubyValue::Nil,
        Style::JsonBool => RubyValue::Bool(s.text == "true"),
        Style::JsonNumber => match s.text.parse::<i64>() {
            Ok(i) => RubyValue::Int(i),
            Err(_) => s
                .text
                .parse::<f64>()
                .map_or_else(|_| RubyValue::Str(s.text.clone()), RubyValue::Float),
        },
        Style::Plain => plain(&s.text),
        _ => RubyValue::Str(s.text.clone()),
    }
}

fn plain(text: &str) -> RubyValue {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return RubyValue::Nil;
    }
    let lower = text.to_ascii_lowercase();
    if matches!(lower.as_str(), "yes" | "true" | "on") {
        return RubyValue::Bool(true);
    }
    if matches!(lower.as_str(), "no" | "false" | "off") {
        return RubyValue::Bool(false);
    }
    if let Some(i) = yaml11_int(text) {
        return RubyValue::Int(i);
    }
    if is_yaml11_float(text) {
        let cleaned: String = text.chars().filter(|c| *c != '_').collect();
        if let Ok(f) = cleaned.parse::<f64>() {
            return RubyValue::Float(f);
        }
    }
    RubyValue::Str(text.to_string())
}

/// A YAML 1.1 integer as Psych reads it: `0b1010`, `0644` (octal), `0x1F`, `1_000`.
fn yaml11_int(text: &str) -> Option<i64> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits = |s: &str, ok: fn(u8) -> bool| {
        !s.is_empty() && s.bytes().all(|b| ok(b) || b == b'_') && s.bytes().any(|b| b != b'_')
    };
    let value = if let Some(rest) = body.strip_prefix("0b") {
        digits(rest, |b| b == b'0' || b == b'1')
            .then(|| i64::from_str_radix(&rest.replace('_', ""), 2).ok())??
    } else if let Some(rest) = body.strip_prefix("0x") {
        digits(rest, |b| b.is_ascii_hexdigit())
            .then(|| i64::from_str_radix(&rest.replace('_', ""), 16).ok())??
    } else if body.len() > 1 && body.starts_with('0') {
        let rest = body.get(1..).unwrap_or("");
        digits(rest, |b| (b'0'..=b'7').contains(&b))
            .then(|| i64::from_str_radix(&rest.replace('_', ""), 8).ok())??
    } else if body == "0" {
        0
    } else {
        let first_ok = body
            .bytes()
            .next()
            .is_some_and(|b| (b'1'..=b'9').contains(&b));
        (first_ok && digits(body, |b| b.is_ascii_digit()) && !body.contains("__"))
            .then(|| body.replace('_', "").parse::<i64>().ok())??
    };
    Some(if negative { -value } else { value })
}

/// A YAML 1.1 float as Psych reads it: digits with a dot, an optional exponent, `.inf`, `.nan`.
fn is_yaml11_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(body.to_ascii_lowercase().as_str(), ".inf" | ".nan") {
        return true;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (
            body.get(..i).unwrap_or(""),
            Some(body.get(i + 1..).unwrap_or("")),
        ),
        None => (body, None),
    };
    let Some((int, frac)) = mantissa.split_once('.') else {
        return false;
    };
    let digit_or_sep = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let has_digit =
        int.bytes().any(|b| b.is_ascii_digit()) || frac.bytes().any(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let d = e.strip_prefix(['-', '+']).unwrap_or(e);
        !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
    });
    has_digit && digit_or_sep(int) && digit_or_sep(frac) && exponent_ok
}

/// Ruby's `String#to_i`: leading whitespace, an optional sign, then digits (single underscores
/// allowed between digits); anything else ends the number. `"300s"` is 300, `"abc"` is 0.
pub(crate) fn string_to_i(text: &str) -> i64 {
    let t = text.trim_start();
    let (negative, rest) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut value: i64 = 0;
    let mut last_digit = false;
    for b in rest.bytes().take(40) {
        if b.is_ascii_digit() {
            value = value.saturating_mul(10).saturating_add(i64::from(b - b'0'));
            last_digit = true;
        } else if b == b'_' && last_digit {
            last_digit = false;
        } else {
            break;
        }
    }
    if negative { -value } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ruby_value(s: &Scalar) -> RubyValue {
        ruby_scalar(s)
    }

    /// What Psych makes of the value of `v:` in `yaml`.
    fn psych(yaml: &str) -> Option<RubyValue> {
        let doc = crate::source::parse_yaml(yaml, &Default::default());
        doc.root.get("v").and_then(super::ruby_value)
    }

    #[test]
    fn psych_honours_explicit_tags() {
        assert_eq!(psych("v: !!str 0.0"), Some(RubyValue::Str("0.0".into())));
        assert_eq!(psych("v: !str 0.0"), Some(RubyValue::Str("0.0".into())));
        assert_eq!(
            psych("v: !<tag:yaml.org,2002:str> 0.0"),
            Some(RubyValue::Str("0.0".into()))
        );
        assert_eq!(psych("v: !!str"), Some(RubyValue::Str(String::new())));
        assert_eq!(psych("v: !!float 0"), Some(RubyValue::Float(0.0)));
        assert_eq!(psych("v: !!float \"0.0\""), Some(RubyValue::Float(0.0)));
        assert_eq!(psych("v: !!int 0644"), Some(RubyValue::Int(420)));
        assert_eq!(psych("v: !!int \"0644\""), Some(RubyValue::Int(420)));
        assert_eq!(psych("v: ! 0644"), Some(RubyValue::Int(420)));
        assert_eq!(psych("v: \"0.0\""), Some(RubyValue::Str("0.0".into())));
        assert_eq!(psych("v: [1]"), None);
    }

    fn plain_scalar(t: &str) -> Scalar {
        Scalar {
            text: t.to_string(),
            style: Style::Plain,
        }
    }

    #[test]
    fn psych_reading() {
        assert_eq!(ruby_value(&plain_scalar("0644")), RubyValue::Int(420));
        assert_eq!(ruby_value(&plain_scalar("755")), RubyValue::Int(755));
        assert_eq!(
            ruby_value(&plain_scalar("0789")),
            RubyValue::Str("0789".into())
        );
        assert_eq!(ruby_value(&plain_scalar("0x1F")), RubyValue::Int(31));
        assert_eq!(ruby_value(&plain_scalar("1_000")), RubyValue::Int(1000));
        assert_eq!(ruby_value(&plain_scalar("0.0")), RubyValue::Float(0.0));
        assert_eq!(ruby_value(&plain_scalar("0")), RubyValue::Int(0));
        assert_eq!(ruby_value(&plain_scalar("Yes")), RubyValue::Bool(true));
        assert_eq!(ruby_value(&plain_scalar("y")), RubyValue::Str("y".into()));
        assert_eq!(
            ruby_value(&plain_scalar("u+x")),
            RubyValue::Str("u+x".into())
        );
        assert_eq!(ruby_value(&plain_scalar("~")), RubyValue::Nil);
        let quoted = Scalar {
            text: "0.0".into(),
            style: Style::DoubleQuoted,
        };
        assert_eq!(ruby_value(&quoted), RubyValue::Str("0.0".into()));
    }

    #[test]
    fn ruby_to_i() {
        assert_eq!(string_to_i("300"), 300);
        assert_eq!(string_to_i(" 300s"), 300);
        assert_eq!(string_to_i("5m"), 5);
        assert_eq!(string_to_i("abc"), 0);
        assert_eq!(string_to_i("-5"), -5);
        assert_eq!(string_to_i("1_000"), 1000);
        assert_eq!(string_to_i("1__0"), 1);
    }
}
