//! JSON → [`Node`] tree with `jsonc-parser`, reporting strict-JSON problems at their position.
//!
//! The parser runs with comments and trailing commas allowed so that a document holding them
//! still yields a tree to validate; both are then reported as errors from the token list, since
//! AWS's JSON readers reject them. Everything else must be strict JSON.

use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, parse_to_ast};

use super::issue::{Syntax, SyntaxIssue};
use super::tree::{Map, Node, Pair, Scalar, Seq, Style, Value};
use super::{Document, Format, Limits, Span};

/// Parses `text` as strict JSON. Never fails and never panics.
pub fn parse(text: &str, limits: &Limits) -> Document {
    let mut issues = Vec::new();
    if text.len() > limits.max_bytes {
        issues.push(super::yaml::too_large(text, limits));
        return Document {
            root: Node::new(Span::new(0, text.len()), Value::Invalid),
            issues,
            format: Format::Json,
            reparsable_with: None,
        };
    }
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::AsTokens,
        tokens: true,
    };
    let options = ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    // A byte order mark is read as three spaces (the same three bytes, so every span still
    // points into `text`): editors on Windows save JSON with one, and most readers skip it.
    let unmarked;
    let parsed_text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            unmarked = format!("   {rest}");
            unmarked.as_str()
        }
        None => text,
    };
    match parse_to_ast(parsed_text, &collect, &options) {
        Err(err) => {
            let range = err.range();
            let span = if range.start == range.end {
                super::yaml::line_span(text, range.start)
            } else {
                Span::new(range.start, range.end)
            };
            let issue = if matches!(
                err.kind(),
                jsonc_parser::errors::ParseErrorKind::NestingDepthExceeded
            ) {
                // The same finding as our own depth bound, for any syntax.
                SyntaxIssue::new(
                    Syntax::NestingTooDeep,
                    span,
                    "nesting too deep for the JSON reader; the file is not checked",
                )
                .with_help(
                    "AWS configuration files are never nested this deeply; flatten this part",
                )
            } else {
                SyntaxIssue::new(
                    Syntax::JsonSyntax,
                    span,
                    format!("invalid JSON: {}", lower_first(&err.kind().to_string())),
                )
                .with_help(json_help(err.kind()))
            };
            issues.push(issue);
            Document {
                root: Node::new(Span::new(0, text.len()), Value::Invalid),
                issues,
                format: Format::Json,
                reparsable_with: None,
            }
        }
        Ok(result) => {
            if let Some(tokens) = &result.tokens {
                scan_tokens(parsed_text, tokens, &mut issues);
            }
            let mut conv = Converter {
                limits,
                nodes: 0,
                issues: &mut issues,
                stopped: false,
            };
            let root = match &result.value {
                Some(v) => conv.value(v, 0),
                None => Node::new(Span::empty(0), Value::Scalar(null())),
            };
            Document {
                root,
                issues,
                format: Format::Json,
                reparsable_with: None,
            }
        }
    }
}

fn null() -> Scalar {
    Scalar {
        text: "null".into(),
        style: Style::JsonNull,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

fn json_help(kind: &jsonc_parser::errors::ParseErrorKind) -> &'static str {
    use jsonc_parser::errors::ParseErrorKind as K;
    match kind {
        K::ExpectedComma => "separate items and properties with a comma",
        K::MultipleRootJsonValues => {
            "a JSON document holds one value: remove what follows the closing brace"
        }
        K::SingleQuotedStringsNotAllowed => "JSON strings use double quotes",
        K::UnexpectedWord | K::ExpectedStringObjectProperty => {
            "JSON needs double quotes around every string and property name"
        }
        K::UnterminatedObject | K::UnterminatedArray => "a `{` or `[` is never closed",
        K::NestingDepthExceeded => "the document is nested too deeply",
        _ => {
            "fix the JSON syntax at this position; nothing else in the file is checked until it parses"
        }
    }
}

/// Comments and trailing commas (allowed by the lenient parse, rejected by AWS), and raw control
/// characters inside strings.
fn scan_tokens(
    text: &str,
    tokens: &[jsonc_parser::tokens::TokenAndRange<'_>],
    out: &mut Vec<SyntaxIssue>,
) {
    use jsonc_parser::tokens::Token;
    let mut iter = tokens.iter().peekable();
    while let Some(tok) = iter.next() {
        let span = Span::new(tok.range.start, tok.range.end);
        match &tok.token {
            Token::CommentLine(_) | Token::CommentBlock(_) => out.push(
                SyntaxIssue::new(
                    Syntax::JsonComment,
                    span,
                    "comments are not allowed in JSON",
                )
                .with_help("remove the comment; AWS rejects JSON documents that contain comments")
                .with_fix("remove the comment", span, ""),
            ),
            Token::Comma => {
                let next = iter
                    .clone()
                    .find(|t| !matches!(t.token, Token::CommentLine(_) | Token::CommentBlock(_)));
                if matches!(
                    next.map(|t| &t.token),
                    Some(Token::CloseBrace | Token::CloseBracket)
                ) {
                    out.push(
                        SyntaxIssue::new(
                            Syntax::JsonTrailingComma,
                            span,
                            "trailing comma before the closing bracket",
                        )
                        .with_help("JSON does not allow a comma after the last item")
                        .with_fix("remove the trailing comma", span, ""),
                    );
                }
            }
            Token::String(_) => {
                let raw = span.slice(text);
                if let Some(pos) = raw.find(|c: char| (c as u32) < 0x20) {
                    let at = span.start() + pos;
                    let ch = raw.get(pos..).and_then(|r| r.chars().next()).unwrap_or(' ');
                    let name = match ch {
                        '\n' => "a line break".to_string(),
                        '\t' => "a tab".to_string(),
                        '\r' => "a carriage return".to_string(),
                        c => format!("the control character U+{:04X}", c as u32),
                    };
                    out.push(
                        SyntaxIssue::new(Syntax::JsonControlCharacter,
                            Span::new(at, at + ch.len_utf8()), format!("{name} inside a JSON string"))
                            .with_help("write control characters as escapes (`\\n`, `\\t`) inside JSON strings"),
                    );
                }
            }
            _ => {}
        }
    }
}

struct Converter<'l, 'd> {
    limits: &'l Limits,
    nodes: usize,
    issues: &'d mut Vec<SyntaxIssue>,
    stopped: bool,
}

impl Converter<'_, '_> {
    fn value(&mut self, value: &ast::Value<'_>, depth: usize) -> Node {
        let range = value_range(value);
        let span = Span::new(range.start, range.end);
        self.nodes += 1;
        if self.stopped {
            return Node::new(span, Value::Invalid);
        }
        if self.nodes > self.limits.max_nodes {
            self.stopped = true;
            self.issues.push(SyntaxIssue::new(
                Syntax::DocumentTooLarge,
                Span::empty(span.start()),
                format!(
                    "the document has more than {} nodes; the rest is not checked",
                    self.limits.max_nodes
                ),
            ));
            return Node::new(span, Value::Invalid);
        }
        match value {
            ast::Value::StringLit(s) => scalar(span, s.value.to_string(), Style::JsonString),
            ast::Value::NumberLit(n) => scalar(span, n.value.to_string(), Style::JsonNumber),
            ast::Value::BooleanLit(b) => scalar(span, b.value.to_string(), Style::JsonBool),
            ast::Value::NullKeyword(_) => Node::new(span, Value::Scalar(null())),
            ast::Value::Array(a) => {
                if !self.enter(depth, span) {
                    return Node::new(span, Value::Invalid);
                }
                let items = a
                    .elements
                    .iter()
                    .map(|e| self.value(e, depth + 1))
                    .collect();
                Node::new(
                    span,
                    Value::Seq(Seq {
                        items,
                        complete: true,
                    }),
                )
            }
            ast::Value::Object(o) => {
                if !self.enter(depth, span) {
                    return Node::new(span, Value::Invalid);
                }
                let mut entries: Vec<Pair> = Vec::with_capacity(o.properties.len());
                for prop in &o.properties {
                    let (name, name_range) = match &prop.name {
                        ast::ObjectPropName::String(s) => (s.value.to_string(), s.range),
                        ast::ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                    };
                    let key = scalar(
                        Span::new(name_range.start, name_range.end),
                        name.clone(),
                        Style::JsonString,
                    );
                    if let Some(first) = entries.iter().find(|p| p.key_str() == Some(name.as_str()))
                    {
                        self.issues.push(
                            SyntaxIssue::new(Syntax::DuplicateKey,
                                key.span, format!("duplicate key `{name}`"))
                                .with_label(first.key.span, format!("`{name}` first defined here"))
                                .with_help(format!(
                                    "a JSON object may hold each key once; readers keep only the last `{name}`, so the first is silently lost"
                                )),
                        );
                    }
                    self.nodes += 1;
                    let value = self.value(&prop.value, depth + 1);
                    entries.push(Pair { key, value });
                }
                Node::new(
                    span,
                    Value::Map(Map {
                        entries,
                        complete: true,
                    }),
                )
            }
        }
    }

    fn enter(&mut self, depth: usize, span: Span) -> bool {
        if depth >= self.limits.max_depth {
            if !self.stopped {
                self.issues.push(SyntaxIssue::new(
                    Syntax::NestingTooDeep,
                    Span::new(span.start(), span.start() + 1),
                    format!(
                        "nesting deeper than {} levels; this part is not checked",
                        self.limits.max_depth
                    ),
                ));
            }
            self.stopped = true;
            return false;
        }
        true
    }
}

fn scalar(span: Span, text: String, style: Style) -> Node {
    Node::new(span, Value::Scalar(Scalar { text, style }))
}

fn value_range(v: &ast::Value<'_>) -> jsonc_parser::common::Range {
    match v {
        ast::Value::StringLit(s) => s.range,
        ast::Value::NumberLit(n) => n.range,
        ast::Value::BooleanLit(b) => b.range,
        ast::Value::Object(o) => o.range,
        ast::Value::Array(a) => a.range,
        ast::Value::NullKeyword(n) => n.range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(doc: &Document) -> Vec<&'static str> {
        let mut out = Vec::new();
        crate::source::rules::run(
            &crate::source::SyntaxCx {
                issues: &doc.issues,
            },
            &mut out,
        );
        crate::diagnostic::sort(&mut out);
        out.iter().map(|d| d.code).collect()
    }

    /// Found by the robustness properties: jsonc-parser's error range for an unexpected
    /// multi-byte character ends inside it (`¡-` gave 0..1).
    #[test]
    fn syntax_error_spans_cover_whole_characters() {
        for text in ["¡-", "{\"a\": ¡}", "[1, 😀]", "é"] {
            let doc = parse(text, &Limits::default());
            assert!(!doc.issues.is_empty(), "{text}");
            for issue in &doc.issues {
                assert!(
                    text.is_char_boundary(issue.span.start())
                        && text.is_char_boundary(issue.span.end()),
                    "{text:?}: {:?}",
                    issue.span
                );
            }
        }
    }

    #[test]
    fn spans_on_keys_and_values() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}"#;
        let doc = parse(text, &Limits::default());
        assert!(doc.issues.is_empty());
        let v = doc.root.entry("Version").unwrap();
        assert_eq!(v.key.span.slice(text), "\"Version\"");
        assert_eq!(v.value.span.slice(text), "\"2012-10-17\"");
        let effect = doc.root.get("Statement").unwrap().items()[0]
            .get("Effect")
            .unwrap();
        assert_eq!(effect.as_str(), Some("Allow"));
    }

    #[test]
    fn trailing_commas_and_comments_reported_and_tree_kept() {
        let text = "{\n  // note\n  \"a\": [1, 2,],\n  \"b\": 1,\n}";
        let doc = parse(text, &Limits::default());
        assert_eq!(codes(&doc), vec!["SRC011", "SRC010", "SRC010"]);
        assert_eq!(doc.root.get("b").unwrap().as_str(), Some("1"));
        assert_eq!(doc.issues[1].span.slice(text), ",");
    }

    #[test]
    fn duplicate_keys_reported() {
        let text = r#"{"a": 1, "b": 2, "a": 3}"#;
        let doc = parse(text, &Limits::default());
        assert_eq!(codes(&doc), vec!["SRC002"]);
        assert_eq!(doc.root.get("a").unwrap().as_str(), Some("3"));
    }

    #[test]
    fn syntax_errors_positioned() {
        let text = "{\"ImageURI\": Test }EOF";
        let doc = parse(text, &Limits::default());
        assert_eq!(codes(&doc), vec!["SRC009"]);
        assert_eq!(doc.issues[0].span.start, 13);
        let doc = parse("{\"a\": 1}{\"a\": 1}", &Limits::default());
        assert_eq!(codes(&doc), vec!["SRC009"]);
    }

    #[test]
    fn raw_control_characters_in_strings() {
        let text = "{\"a\": \"x\ty\"}";
        let doc = parse(text, &Limits::default());
        assert_eq!(codes(&doc), vec!["SRC012"]);
        assert_eq!(doc.issues[0].span.start, 8);
    }

    #[test]
    fn depth_is_bounded() {
        let text = format!("{}{}", "[".repeat(300), "]".repeat(300));
        let doc = parse(&text, &Limits::default());
        assert_eq!(codes(&doc), vec!["SRC005"]);
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let doc = parse(&text, &Limits::default());
        assert!(!doc.issues.is_empty());
    }
}
