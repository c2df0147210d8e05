//! Source model: spans, line index, and YAML/JSON documents parsed into one spanned tree.
//!
//! Parsing never fails: every problem (syntax errors, duplicate keys, limits) is a diagnostic, and
//! a tree — possibly partial, with incomplete collections marked — is always returned.

pub mod edit;
mod issue;
mod json;
mod line_index;
mod reparse;
pub mod rules;
mod span;
pub mod tree;
mod yaml;

pub use edit::Edit;
pub use issue::{Syntax, SyntaxCx, SyntaxIssue};
pub use line_index::{LineIndex, Position, clamp_to_char_boundary};
pub use reparse::{reparse_yaml, reparse_yaml_in_place, reparses};
pub use span::{Span, Spanned};
pub use tree::{Map, Node, Pair, Scalar, ScalarKind, Seq, Style, Value};

use std::borrow::Cow;

/// Bounds that keep hostile input from exhausting time or memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest text read, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of collections.
    pub max_depth: usize,
    /// Most nodes in one document (alias copies included).
    pub max_nodes: usize,
    /// Most nodes that aliases may copy in total.
    pub max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 2 * 1024 * 1024,
            max_depth: 128,
            max_nodes: 1_000_000,
            max_alias_nodes: 100_000,
        }
    }
}

/// The syntax a document was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// YAML (JSON texts are read as JSON, never as YAML).
    Yaml,
    /// Strict JSON.
    Json,
}

/// A parsed document: its root node and the problems found while reading it.
#[derive(Clone, Debug)]
pub struct Document {
    /// The root node (`Value::Invalid` when nothing could be read).
    pub root: Node,
    /// Syntax and limit problems met while reading (reported by the `SRC` rules).
    pub issues: Vec<SyntaxIssue>,
    /// What the text was read as.
    pub format: Format,
    /// The limits the text was read with, when [`reparse_yaml`] can make the next version's
    /// document from this one: YAML read without a problem, every node read from its own text,
    /// once and in text order (no anchor, alias or merge key, one document). `None` otherwise.
    pub(crate) reparsable_with: Option<Limits>,
}

/// Parses `text` as YAML.
pub fn parse_yaml(text: &str, limits: &Limits) -> Document {
    let mut doc = yaml::parse(text, limits);
    fix_duplicates(text, &mut doc);
    doc
}

/// Parses `text` as strict JSON.
pub fn parse_json(text: &str, limits: &Limits) -> Document {
    let mut doc = json::parse(text, limits);
    fix_duplicates(text, &mut doc);
    doc
}

/// Gives each duplicate key a fix where the correction is certain: duplicate mappings whose
/// members do not collide are merged into the last one (two `StringEquals` blocks become one),
/// and a key repeated with the very same value loses its earlier copies.
fn fix_duplicates(text: &str, doc: &mut Document) {
    if !doc.issues.iter().any(|i| i.kind == Syntax::DuplicateKey) {
        return;
    }
    let mut fixes: Vec<(Span, crate::diagnostic::Fix)> = Vec::new();
    duplicate_fixes(text, &doc.root, &mut fixes);
    for issue in doc
        .issues
        .iter_mut()
        .filter(|i| i.kind == Syntax::DuplicateKey)
    {
        if let Some((_, fix)) = fixes.iter().find(|(key, _)| *key == issue.span) {
            issue.fix = Some(fix.clone());
        }
    }
}

fn duplicate_fixes(text: &str, node: &Node, out: &mut Vec<(Span, crate::diagnostic::Fix)>) {
    match &node.value {
        Value::Map(map) => {
            for (i, pair) in map.entries.iter().enumerate() {
                let Some(key) = pair.key_str() else { continue };
                let earlier: Vec<usize> = (0..i)
                    .filter(|&j| map.entries.get(j).and_then(Pair::key_str) == Some(key))
                    .collect();
                // One fix for all the copies of a key, worked out at its last copy.
                let is_last = !map
                    .entries
                    .iter()
                    .skip(i + 1)
                    .any(|p| p.key_str() == Some(key));
                if earlier.is_empty() || !is_last {
                    continue;
                }
                let same_scalars = earlier.iter().all(|&j| {
                    map.entries.get(j).is_some_and(|p| {
                        p.value.scalar().is_some() && p.value.value == pair.value.value
                    })
                });
                let fix = if same_scalars {
                    earlier
                        .iter()
                        .map(|&j| edit::remove_entry(text, map, j))
                        .collect::<Option<Vec<_>>>()
                        .and_then(|edits| {
                            crate::diagnostic::Fix::new(
                                format!("remove the earlier `{key}` (the same value)"),
                                edits.concat(),
                            )
                        })
                } else {
                    edit::merge_duplicates(text, map, key).and_then(|edits| {
                        crate::diagnostic::Fix::new(
                            format!("merge the `{key}` blocks into one"),
                            edits,
                        )
                    })
                };
                // Every repeated key is reported; each gets the one fix.
                if let Some(fix) = fix {
                    for &j in earlier.iter().skip(1) {
                        if let Some(p) = map.entries.get(j) {
                            out.push((p.key.span, fix.clone()));
                        }
                    }
                    out.push((pair.key.span, fix));
                }
            }
            for pair in &map.entries {
                duplicate_fixes(text, &pair.value, out);
            }
        }
        Value::Seq(seq) => {
            for item in &seq.items {
                duplicate_fixes(text, item, out);
            }
        }
        Value::Scalar(_) | Value::Invalid => {}
    }
}

/// Whether a value is filled in later (by a pipeline, a build's `printf`/`envsubst`, a
/// template): it holds one of `<`, `$`, `{`, `#`, `%` (`<IMAGE1_NAME>`, `${PORT}`, `{{port}}`,
/// `%s`). Such a value is not judged where only the filled-in value could be.
pub fn filled_in(text: &str) -> bool {
    text.contains(['<', '$', '{', '#', '%'])
}

/// Whether a text looks like JSON (its first meaningful character opens an object or array).
pub fn looks_like_json(text: &str) -> bool {
    matches!(
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next(),
        Some('{' | '[')
    )
}

/// Turns raw bytes into text. Invalid UTF-8 is replaced (U+FFFD) and reported at the byte where
/// it starts; the rest of the file is still checked.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Vec<SyntaxIssue>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), Vec::new()),
        Err(_) => {
            let mut issues: Vec<SyntaxIssue> = Vec::new();
            let mut text = String::with_capacity(bytes.len());
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                let invalid = chunk.invalid();
                if !invalid.is_empty() {
                    let at = text.len();
                    text.push('\u{fffd}');
                    // Consecutive bad bytes form one finding.
                    if let Some(last) = issues.last_mut()
                        && last.span.end() == at
                    {
                        last.span.end = text.len() as u32;
                        continue;
                    }
                    if issues.len() < 20 {
                        let hex: Vec<String> = invalid.iter().map(|b| format!("{b:02X}")).collect();
                        issues.push(
                            SyntaxIssue::new(
                                Syntax::InvalidUtf8,
                                Span::new(at, at + '\u{fffd}'.len_utf8()),
                                format!("invalid UTF-8 byte sequence `{}`", hex.join(" ")),
                            )
                            .with_help(
                                "save the file as UTF-8; AWS reads configuration files as UTF-8",
                            ),
                        );
                    }
                }
            }
            (Cow::Owned(text), issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_invalid_bytes_at_their_position() {
        let bytes = b"a: 1\nb: \xff\xfe\nc: 3\n";
        let (text, diags) = decode(bytes);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].kind, Syntax::InvalidUtf8);
        assert_eq!(diags[0].span.start, 8);
        assert!(text.contains("c: 3"));
        let doc = parse_yaml(&text, &Limits::default());
        assert_eq!(doc.root.get("c").and_then(Node::as_str), Some("3"));
    }

    #[test]
    fn json_detection() {
        assert!(looks_like_json("  \n{\"a\": 1}"));
        assert!(looks_like_json("\u{feff}{}"));
        assert!(!looks_like_json("version: 0.0"));
    }
}
