//! Text edits for fixes: replacements of byte ranges, composed without overlap, and the
//! structural edits fixes are made of (removing an entry with its whole lines and, in JSON, its
//! comma; adding an entry after another; merging two entries' mappings) built from the spanned
//! tree so that the result is still valid YAML or JSON.
//!
//! The structural helpers return `None` whenever they cannot be sure the result reads back as
//! intended (a flow mapping in YAML, a tree whose spans are not in text order because of aliases,
//! members that would collide): a fix is offered only when it is certain.

use super::{Map, Node, Pair, Span, Style, Value};

/// One replacement of a byte range (an insertion when the range is empty, a deletion when the
/// replacement is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced.
    pub span: Span,
    /// What replaces them.
    pub replacement: String,
}

impl Edit {
    /// Replaces `span` with `replacement`.
    pub fn replace(span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    /// Inserts `text` at byte `offset`.
    pub fn insert(offset: usize, text: impl Into<String>) -> Edit {
        Edit::replace(Span::empty(offset), text)
    }

    /// Deletes `span`.
    pub fn delete(span: Span) -> Edit {
        Edit::replace(span, "")
    }
}

/// Sorts `edits` by position and checks that no two touch the same bytes (two insertions at one
/// offset, whose order would be ambiguous, count as overlapping). `None` when they overlap.
pub fn compose(mut edits: Vec<Edit>) -> Option<Vec<Edit>> {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    for pair in edits.windows(2) {
        let [a, b] = pair else { continue };
        let same_point = a.span.is_empty() && b.span.is_empty() && a.span.start == b.span.start;
        if b.span.start < a.span.end || same_point {
            return None;
        }
    }
    Some(edits)
}

/// `text` with `edits` (sorted and not overlapping, as [`compose`] returns them) applied; `None`
/// when an edit does not fit the text or cuts a character.
pub fn apply(text: &str, edits: &[Edit]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.span.start() < at {
            return None;
        }
        out.push_str(text.get(at..e.span.start())?);
        text.get(e.span.start()..e.span.end())?;
        out.push_str(&e.replacement);
        at = e.span.end();
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// The one edit with the same effect as `edits` (sorted, not overlapping): their covering range,
/// replaced by the edits' replacements with the text between them kept. For front ends that apply
/// a fix as a single change.
pub fn collapse(text: &str, edits: &[Edit]) -> Option<Edit> {
    let first = edits.first()?;
    let last = edits.last()?;
    let span = first.span.cover(last.span);
    let inner = text.get(span.start()..span.end())?;
    let shifted: Vec<Edit> = edits
        .iter()
        .map(|e| {
            Edit::replace(
                Span {
                    start: e.span.start - span.start,
                    end: e.span.end - span.start,
                },
                e.replacement.clone(),
            )
        })
        .collect();
    Some(Edit::replace(span, apply(inner, &shifted)?))
}

/// The edit that writes `value` in place of the scalar (key or value) at `span`, in the style it
/// was written in: a double-quoted scalar or JSON string stays double-quoted (escaped), a
/// single-quoted one single-quoted, and a plain one plain where YAML reads it back as the same
/// text (double-quoted otherwise).
pub fn rewrite_scalar(text: &str, span: Span, value: &str) -> Edit {
    let written = span.slice(text);
    let replacement = if written.starts_with('"') {
        double_quoted(value)
    } else if written.starts_with('\'') {
        format!("'{}'", value.replace('\'', "''"))
    } else if plain_safe(value) {
        value.to_string()
    } else {
        double_quoted(value)
    };
    Edit::replace(span, replacement)
}

/// `value` written as a YAML scalar that reads back as that text: plain where that is safe,
/// double-quoted otherwise.
pub fn yaml_scalar(value: &str) -> String {
    if plain_safe(value) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

/// `value` as a double-quoted string, valid in JSON and YAML alike.
fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether YAML reads `value` written plain as that very text (no indicator, comment or mapping).
pub(super) fn plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && value.trim() == value
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.chars().any(char::is_control)
}

/// Byte offset of the start of the line holding `offset`.
pub fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Byte offset just past the end of the line holding `offset` (after its `\n`, or the text's end);
/// `offset` itself when it already starts a line.
pub fn line_after(text: &str, offset: usize) -> usize {
    if offset == 0 || text.as_bytes().get(offset - 1) == Some(&b'\n') {
        return offset;
    }
    text.get(offset..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| offset + i + 1)
}

/// Whether a tree was read from JSON (its keys are JSON strings).
pub fn is_json(node: &Node) -> bool {
    node.scalar().is_some_and(|s| {
        matches!(
            s.style,
            Style::JsonString | Style::JsonNumber | Style::JsonBool | Style::JsonNull
        )
    })
}

/// The text before `offset` on its line.
fn line_prefix(text: &str, offset: usize) -> &str {
    text.get(line_start(text, offset)..offset).unwrap_or("")
}

/// Whether `offset` is the first thing on its line (only spaces before it).
fn starts_line(text: &str, offset: usize) -> bool {
    line_prefix(text, offset)
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
}

/// How a YAML block-mapping key sits on its line: alone after its indentation, or right after the
/// `- ` of a sequence item. `None` for anything else (a flow mapping).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YamlKeyLine {
    Indented,
    AfterDash,
}

fn yaml_key_line(text: &str, key: Span) -> Option<YamlKeyLine> {
    let prefix = line_prefix(text, key.start());
    if prefix.bytes().all(|b| b == b' ') {
        return Some(YamlKeyLine::Indented);
    }
    let rest = prefix.trim_start_matches(' ');
    let dashes = rest.trim_end_matches(' ');
    (rest.ends_with(' ')
        && !dashes.is_empty()
        && dashes.split(' ').all(|p| p == "-" || p.is_empty()))
    .then_some(YamlKeyLine::AfterDash)
}

/// Where a pair's text ends: its value's end, or the key's for an empty value.
fn pair_end(pair: &Pair) -> usize {
    pair.value.span.end().max(pair.key.span.end())
}

/// Where a YAML pair's text ends: [`pair_end`], past the colon when the value is empty (the
/// reader places an empty value at the end of its key).
fn yaml_pair_end(text: &str, pair: &Pair) -> usize {
    let end = pair_end(pair);
    if !pair.value.span.is_empty() {
        return end;
    }
    let rest = text.get(end..).unwrap_or("");
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if rest.get(spaces..).is_some_and(|r| r.starts_with(':')) {
        end + spaces + 1
    } else {
        end
    }
}

/// Whether the entries' keys and values come in text order without overlapping (not so when a
/// YAML alias or merge key copied nodes from elsewhere).
fn in_text_order(map: &Map) -> bool {
    let mut at = 0;
    for p in &map.entries {
        if p.key.span.start() < at || p.value.span.start() < p.key.span.end() {
            return false;
        }
        at = pair_end(p);
    }
    true
}

/// Whether nothing but spaces and a comment follows `offset` on its line.
fn rest_of_line_blank(text: &str, offset: usize, json: bool) -> bool {
    let end = line_after(text, offset);
    let rest = text.get(offset..end).unwrap_or("").trim();
    rest.is_empty() || (!json && rest.starts_with('#'))
}

/// The edits that remove entry `index` of `map`, leaving valid YAML or JSON: its whole lines when
/// it has lines of its own, and in JSON the comma that separated it. Removing the only entry of a
/// mapping leaves it empty (`{}` in JSON, a null value in YAML).
pub fn remove_entry(text: &str, map: &Map, index: usize) -> Option<Vec<Edit>> {
    let pair = map.entries.get(index)?;
    if !in_text_order(map) {
        return None;
    }
    let next = map.entries.get(index + 1);
    let end = pair_end(pair);
    let key = pair.key.span.start();
    if is_json(&pair.key) {
        let span = match (next, index.checked_sub(1).and_then(|i| map.entries.get(i))) {
            (Some(next), _) => {
                let next_key = next.key.span.start();
                if starts_line(text, key) && starts_line(text, next_key) {
                    Span::new(line_start(text, key), line_start(text, next_key))
                } else {
                    Span::new(key, next_key)
                }
            }
            (None, Some(prev)) => Span::new(pair_end(prev), end),
            (None, None) => {
                if starts_line(text, key) && rest_of_line_blank(text, end, true) {
                    Span::new(line_start(text, key), line_after(text, end))
                } else {
                    Span::new(key, end)
                }
            }
        };
        return Some(vec![Edit::delete(span)]);
    }
    let end = yaml_pair_end(text, pair);
    if !rest_of_line_blank(text, end, false) {
        return None;
    }
    let span = match yaml_key_line(text, pair.key.span)? {
        YamlKeyLine::Indented => Span::new(line_start(text, key), line_after(text, end)),
        // `- key: value` followed by more keys of the item: the next key moves up after the dash.
        YamlKeyLine::AfterDash => Span::new(key, next?.key.span.start()),
    };
    Some(vec![Edit::delete(span)])
}

/// The indentation (spaces) of a key that starts its line, or sits after a `- `.
fn key_indent(text: &str, key: Span) -> usize {
    key.start() - line_start(text, key.start())
}

/// The edit that adds `entry` (its text as written: `key: value` in YAML, `"key": value` in
/// JSON) as a new entry right after entry `index` of `map`, at the same indentation.
pub fn insert_entry_after(text: &str, map: &Map, index: usize, entry: &str) -> Option<Edit> {
    let pair = map.entries.get(index)?;
    if !in_text_order(map) {
        return None;
    }
    let end = pair_end(pair);
    let indent = " ".repeat(key_indent(text, pair.key.span));
    if is_json(&pair.key) {
        let text = if starts_line(text, pair.key.span.start()) {
            format!(",\n{indent}{entry}")
        } else {
            format!(", {entry}")
        };
        return Some(Edit::insert(end, text));
    }
    yaml_key_line(text, pair.key.span)?;
    let end = yaml_pair_end(text, pair);
    if !rest_of_line_blank(text, end, false) {
        return None;
    }
    let at = line_after(text, end);
    let newline = if at == text.len() && !text.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    Some(Edit::insert(at, format!("{newline}{indent}{entry}\n")))
}

/// The edit that adds `entry` (`key: value` in YAML, `"key": value` in JSON) as the first entry
/// of `map`, on a line of its own at the first key's indentation when that key has its own line.
pub fn insert_first_entry(text: &str, map: &Map, entry: &str) -> Option<Edit> {
    let first = map.entries.first()?;
    let key = first.key.span.start();
    if is_json(&first.key) {
        return Some(if starts_line(text, key) {
            Edit::insert(key, format!("{entry},\n{}", line_prefix(text, key)))
        } else {
            Edit::insert(key, format!("{entry}, "))
        });
    }
    (yaml_key_line(text, first.key.span)? == YamlKeyLine::Indented).then(|| {
        Edit::insert(
            line_start(text, key),
            format!("{}{entry}\n", line_prefix(text, key)),
        )
    })
}

/// The edit that turns the one-line scalar `value` of the entry whose key is at `key` into a list
/// holding it: `files: a.txt` becomes `files:` and `- a.txt` on the next line, indented under the
/// key (`["a.txt"]` in JSON). `None` for a scalar over several lines or a key in a flow mapping.
pub fn scalar_to_list(text: &str, key: Span, value: &Node) -> Option<Edit> {
    let written = value.span.slice(text);
    if written.is_empty() || written.contains('\n') || value.scalar().is_none() {
        return None;
    }
    if is_json(value) {
        return Some(Edit::replace(value.span, format!("[{written}]")));
    }
    yaml_key_line(text, key)?;
    // From just after the colon, so that no space is left at the end of the key's line.
    let between = text.get(key.end()..value.span.start())?;
    let colon = key.end() + between.find(':')? + 1;
    if !text.get(colon..value.span.start())?.trim().is_empty() {
        return None;
    }
    let indent = " ".repeat(key_indent(text, key) + 2);
    Some(Edit::replace(
        Span::new(colon, value.span.end()),
        format!("\n{indent}- {written}"),
    ))
}

/// The edits that split a mapping of several entries written as one sequence item (`- A: 1` and
/// `B: 2` under it) into one item per entry. `None` unless each later entry has a line of its
/// own at the first one's indentation (YAML), or the item is a one-line JSON object.
pub fn split_item(text: &str, map: &Map) -> Option<Vec<Edit>> {
    let first = map.entries.first()?;
    if map.entries.len() < 2 || !in_text_order(map) {
        return None;
    }
    if is_json(&first.key) {
        // `{"A": 1, "B": 2}` → `{"A": 1}, {"B": 2}`.
        return map
            .entries
            .windows(2)
            .map(|w| {
                let [a, b] = w else { return None };
                let between = text.get(pair_end(a)..b.key.span.start())?;
                (between.trim() == ",")
                    .then(|| Edit::replace(Span::new(pair_end(a), b.key.span.start()), "}, {"))
            })
            .collect();
    }
    if yaml_key_line(text, first.key.span)? != YamlKeyLine::AfterDash {
        return None;
    }
    let column = key_indent(text, first.key.span);
    let dash = column.checked_sub(2)?;
    map.entries
        .iter()
        .skip(1)
        .map(|p| {
            let start = line_start(text, p.key.span.start());
            (starts_line(text, p.key.span.start()) && key_indent(text, p.key.span) == column).then(
                || {
                    Edit::replace(
                        Span::new(start, p.key.span.start()),
                        format!("{}- ", " ".repeat(dash)),
                    )
                },
            )
        })
        .collect()
}

/// The members of a mapping value, if it is a complete mapping with at least one member.
fn members(node: &Node) -> Option<&Map> {
    match &node.value {
        Value::Map(m) if m.complete && !m.entries.is_empty() && in_text_order(m) => Some(m),
        _ => None,
    }
}

/// The text of a mapping's members, from the first one's line to the end of the last, with the
/// first key's indentation; or, for members written on the key's line (`{"a": 1}`), from the first
/// key to the end of the last value, without indentation.
fn members_text(text: &str, map: &Map) -> Option<(Option<usize>, String)> {
    let first = map.entries.first()?;
    let last = map.entries.last()?;
    let key = first.key.span;
    let json = is_json(&first.key);
    let own_lines = if json {
        starts_line(text, key.start())
    } else {
        // YAML members must have lines of their own (a flow mapping is left alone).
        yaml_key_line(text, key)? == YamlKeyLine::Indented
    };
    let (start, indent) = if own_lines {
        (line_start(text, key.start()), Some(key_indent(text, key)))
    } else {
        (key.start(), None)
    };
    let end = if json {
        pair_end(last)
    } else {
        line_after(text, yaml_pair_end(text, last))
    };
    Some((indent, text.get(start..end)?.to_string()))
}

/// `block` with every line's indentation shifted from `from` to `to` spaces.
fn reindent(block: &str, from: usize, to: usize) -> String {
    if from == to {
        return block.to_string();
    }
    block
        .split_inclusive('\n')
        .map(|line| {
            let spaces = line.bytes().take_while(|&b| b == b' ').count();
            if line.trim().is_empty() {
                line.to_string()
            } else {
                let kept = spaces.saturating_sub(from);
                format!(
                    "{}{}",
                    " ".repeat(to + kept),
                    line.get(spaces..).unwrap_or("")
                )
            }
        })
        .collect()
}

/// The edits that merge every entry of `map` whose key is `key` into the last one (the one
/// readers keep): the earlier entries' members are moved to the end of the last entry's mapping,
/// and the earlier entries are removed. `None` unless every such value is a mapping (in YAML,
/// written with one member per line) and no member key appears twice.
pub fn merge_duplicates(text: &str, map: &Map, key: &str) -> Option<Vec<Edit>> {
    let indices: Vec<usize> = map
        .entries
        .iter()
        .enumerate()
        .filter(|(_, p)| p.key_str() == Some(key))
        .map(|(i, _)| i)
        .collect();
    let (&last, earlier) = indices.split_last()?;
    merge_entries(text, map, earlier, last)
}

/// The edits that move the members of the mappings of entries `from` of `map` to the end of the
/// mapping of entry `into`, and remove entries `from`. `None` unless every such value is a
/// mapping (in YAML, written with one member per line) and no member key appears twice.
pub fn merge_entries(text: &str, map: &Map, from: &[usize], into: usize) -> Option<Vec<Edit>> {
    if from.is_empty() || from.contains(&into) || !in_text_order(map) {
        return None;
    }
    let kept = members(&map.entries.get(into)?.value)?;
    let mut seen: Vec<&str> = Vec::new();
    for &i in from.iter().chain([&into]) {
        for p in &members(&map.entries.get(i)?.value)?.entries {
            let k = p.key_str()?;
            if seen.contains(&k) {
                return None;
            }
            seen.push(k);
        }
    }
    let kept_last = kept.entries.last()?;
    let json = is_json(&kept_last.key);
    let (to, _) = members_text(text, kept)?;
    let mut moved = String::new();
    let mut edits = Vec::new();
    for &i in from {
        let (from, block) = members_text(text, members(&map.entries.get(i)?.value)?)?;
        match (json, from, to) {
            (true, Some(from), Some(to)) => {
                moved.push_str(",\n");
                moved.push_str(&reindent(&block, from, to));
            }
            (true, None, Some(to)) => {
                moved.push_str(&format!(",\n{}{block}", " ".repeat(to)));
            }
            (true, _, None) => {
                moved.push_str(", ");
                moved.push_str(block.trim_start());
            }
            (false, Some(from), Some(to)) => moved.push_str(&reindent(&block, from, to)),
            (false, _, _) => return None,
        }
        edits.extend(remove_entry(text, map, i)?);
    }
    let end = if json {
        pair_end(kept_last)
    } else {
        yaml_pair_end(text, kept_last)
    };
    if json {
        edits.push(Edit::insert(end, moved));
    } else {
        if !rest_of_line_blank(text, end, false) {
            return None;
        }
        let at = line_after(text, end);
        if at == text.len() && !text.ends_with('\n') {
            moved.insert(0, '\n');
            if moved.ends_with('\n') {
                moved.pop();
            }
        }
        edits.push(Edit::insert(at, moved));
    }
    // Removing an entry right before the kept one deletes up to the kept key, and removing the
    // entry right after it starts after its value: neither reaches the insertion at the end of
    // the kept mapping.
    compose(edits)
}

/// The mapping holding the entry whose key is at `key`, and the entry's index, searched from
/// `root` down the nodes whose spans contain it.
pub fn find_entry(root: &Node, key: Span) -> Option<(&Map, usize)> {
    entry_path(root, key).pop()
}

/// The entries leading from `root` to the entry whose key is at `key`: each mapping on the way
/// with the index of the entry taken (only through mappings: a sequence item ends the path).
fn entry_path(root: &Node, key: Span) -> Vec<(&Map, usize)> {
    let mut path = Vec::new();
    let mut node = root;
    loop {
        match &node.value {
            Value::Map(m) => {
                if let Some(i) = m.entries.iter().position(|p| p.key.span == key) {
                    path.push((m, i));
                    return path;
                }
                let Some(i) = m
                    .entries
                    .iter()
                    .position(|p| p.value.span.cover(p.key.span).contains(key))
                else {
                    return Vec::new();
                };
                path.push((m, i));
                let Some(pair) = m.entries.get(i) else {
                    return Vec::new();
                };
                node = &pair.value;
            }
            Value::Seq(s) => {
                let Some(item) = s.items.iter().find(|n| n.span.contains(key)) else {
                    return Vec::new();
                };
                // Entries above a sequence are not removed with it.
                path.clear();
                node = item;
            }
            Value::Scalar(_) | Value::Invalid => return Vec::new(),
        }
    }
}

/// The edits that remove the entry whose key is at `key`; when it is the only entry of its
/// mapping, the entry holding that mapping goes instead (and so on, up to `levels` levels), so
/// that no empty key is left behind.
pub fn remove_entry_at(text: &str, root: &Node, key: Span, levels: usize) -> Option<Vec<Edit>> {
    let path = entry_path(root, key);
    let mut chosen = path.last()?;
    for (up, step) in path.iter().rev().enumerate().skip(1) {
        let (map, _) = chosen;
        if up > levels || map.entries.len() != 1 {
            break;
        }
        chosen = step;
    }
    let (map, index) = chosen;
    remove_entry(text, map, *index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Limits, parse_json, parse_yaml};

    fn fix(text: &str, edits: &[Edit]) -> String {
        apply(text, &compose(edits.to_vec()).unwrap()).unwrap()
    }

    fn remove(text: &str, json: bool, path: &[&str], key: &str) -> Option<String> {
        let doc = if json {
            parse_json(text, &Limits::default())
        } else {
            parse_yaml(text, &Limits::default())
        };
        let mut node = &doc.root;
        for p in path {
            node = node.get(p).unwrap();
        }
        let map = node.map().unwrap();
        let i = map
            .entries
            .iter()
            .position(|p| p.key_str() == Some(key))
            .unwrap();
        remove_entry(text, map, i).map(|e| fix(text, &e))
    }

    #[test]
    fn compose_rejects_overlaps_and_apply_keeps_order() {
        let a = Edit::replace(Span::new(0, 2), "x");
        let b = Edit::replace(Span::new(1, 3), "y");
        assert!(compose(vec![a.clone(), b]).is_none());
        assert!(compose(vec![Edit::insert(1, "a"), Edit::insert(1, "b")]).is_none());
        let edits = compose(vec![Edit::insert(4, "!"), a]).unwrap();
        assert_eq!(apply("abcd", &edits).unwrap(), "xcd!");
        assert_eq!(
            collapse("abcd", &edits).unwrap(),
            Edit::replace(Span::new(0, 4), "xcd!")
        );
        assert!(apply("ab", &[Edit::insert(3, "x")]).is_none());
    }

    #[test]
    fn scalars_keep_their_style() {
        let text = "a: \"x\"\nb: 'y'\nc: z\n";
        let at = |t: &str| {
            let i = text.find(t).unwrap();
            Span::new(i, i + t.len())
        };
        let edit = |t, v| rewrite_scalar(text, at(t), v).replacement;
        assert_eq!(edit("\"x\"", "a \"q\""), "\"a \\\"q\\\"\"");
        assert_eq!(edit("'y'", "it's"), "'it''s'");
        assert_eq!(edit("z", "AWS::Lambda::Function"), "AWS::Lambda::Function");
        assert_eq!(edit("z", "a: b"), "\"a: b\"");
        assert_eq!(edit("z", "*"), "\"*\"");
    }

    #[test]
    fn json_entries_go_with_their_commas() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n";
        assert_eq!(
            remove(text, true, &[], "a").unwrap(),
            "{\n  \"b\": 2,\n  \"c\": 3\n}\n"
        );
        assert_eq!(
            remove(text, true, &[], "b").unwrap(),
            "{\n  \"a\": 1,\n  \"c\": 3\n}\n"
        );
        assert_eq!(
            remove(text, true, &[], "c").unwrap(),
            "{\n  \"a\": 1,\n  \"b\": 2\n}\n"
        );
        assert_eq!(
            remove("{\"a\": 1, \"b\": 2}", true, &[], "a").unwrap(),
            "{\"b\": 2}"
        );
        assert_eq!(
            remove("{\"a\": 1, \"b\": 2}", true, &[], "b").unwrap(),
            "{\"a\": 1}"
        );
        assert_eq!(remove("{\n  \"a\": 1\n}", true, &[], "a").unwrap(), "{\n}");
    }

    #[test]
    fn yaml_entries_go_with_their_lines() {
        assert_eq!(remove("a:\nb: 2\n", false, &[], "a").unwrap(), "b: 2\n");
        assert_eq!(remove("a: 1\nb :\n", false, &[], "b").unwrap(), "a: 1\n");
        let text = "a: 1\nb:\n  - x\n  - y\n# kept\nc: 3";
        assert_eq!(remove(text, false, &[], "b").unwrap(), "a: 1\n# kept\nc: 3");
        assert_eq!(
            remove(text, false, &[], "c").unwrap(),
            "a: 1\nb:\n  - x\n  - y\n# kept\n"
        );
        let item = "s:\n  - k: 1\n    j: 2\n";
        let doc = parse_yaml(item, &Limits::default());
        let map = doc.root.get("s").unwrap().items()[0].map().unwrap();
        assert_eq!(
            fix(item, &remove_entry(item, map, 0).unwrap()),
            "s:\n  - j: 2\n"
        );
        assert_eq!(
            fix(item, &remove_entry(item, map, 1).unwrap()),
            "s:\n  - k: 1\n"
        );
        // Flow mappings are left alone.
        assert!(remove("m: {a: 1, b: 2}\n", false, &["m"], "a").is_none());
    }

    #[test]
    fn lists_items_and_first_entries() {
        let text = "artifacts:\n  files: out.zip # built\n";
        let doc = parse_yaml(text, &Limits::default());
        let pair = &doc.root.get("artifacts").unwrap().entries()[0];
        let e = scalar_to_list(text, pair.key.span, &pair.value).unwrap();
        assert_eq!(
            fix(text, &[e]),
            "artifacts:\n  files:\n    - out.zip # built\n"
        );
        let text = "Hooks:\n  - A: f\n    B: g\n";
        let doc = parse_yaml(text, &Limits::default());
        let item = doc.root.get("Hooks").unwrap().items()[0].map().unwrap();
        assert_eq!(
            fix(text, &split_item(text, item).unwrap()),
            "Hooks:\n  - A: f\n  - B: g\n"
        );
        let text = "{\"Hooks\": [{\"A\": \"f\", \"B\": \"g\"}]}";
        let doc = parse_json(text, &Limits::default());
        let item = doc.root.get("Hooks").unwrap().items()[0].map().unwrap();
        assert_eq!(
            fix(text, &split_item(text, item).unwrap()),
            "{\"Hooks\": [{\"A\": \"f\"}, {\"B\": \"g\"}]}"
        );
        let text = "# a buildspec\nphases: {}\n";
        let doc = parse_yaml(text, &Limits::default());
        let e = insert_first_entry(text, doc.root.map().unwrap(), "version: 0.2").unwrap();
        assert_eq!(fix(text, &[e]), "# a buildspec\nversion: 0.2\nphases: {}\n");
        let text = "{\n  \"Statement\": []\n}";
        let doc = parse_json(text, &Limits::default());
        let e = insert_first_entry(text, doc.root.map().unwrap(), "\"Version\": \"2012-10-17\"")
            .unwrap();
        assert_eq!(
            fix(text, &[e]),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}"
        );
    }

    #[test]
    fn removing_the_only_entry_removes_its_parent() {
        let text = "a:\n  b:\n    c: 1\nd: 2\n";
        let doc = parse_yaml(text, &Limits::default());
        let c = doc.root.get("a").unwrap().get("b").unwrap().entries()[0]
            .key
            .span;
        let one = remove_entry_at(text, &doc.root, c, 1).unwrap();
        assert_eq!(fix(text, &one), "a:\nd: 2\n");
        let all = remove_entry_at(text, &doc.root, c, 5).unwrap();
        assert_eq!(fix(text, &all), "d: 2\n");
    }

    #[test]
    fn entries_are_inserted_at_the_same_indentation() {
        let text = "a: 1\nb:\n  - x\n";
        let doc = parse_yaml(text, &Limits::default());
        let e = insert_entry_after(text, doc.root.map().unwrap(), 1, "c: 2").unwrap();
        assert_eq!(fix(text, &[e]), "a: 1\nb:\n  - x\nc: 2\n");
        let text = "{\n  \"a\": 1\n}";
        let doc = parse_json(text, &Limits::default());
        let e = insert_entry_after(text, doc.root.map().unwrap(), 0, "\"b\": 2").unwrap();
        assert_eq!(fix(text, &[e]), "{\n  \"a\": 1,\n  \"b\": 2\n}");
    }

    #[test]
    fn duplicate_mappings_merge_into_the_last() {
        let text = "{\n  \"C\": {\n    \"S\": {\n      \"a\": 1\n    },\n    \"S\": {\n      \"b\": 2\n    }\n  }\n}\n";
        let doc = parse_json(text, &Limits::default());
        let map = doc.root.get("C").unwrap().map().unwrap();
        let merged = fix(text, &merge_duplicates(text, map, "S").unwrap());
        assert_eq!(
            merged,
            "{\n  \"C\": {\n    \"S\": {\n      \"b\": 2,\n      \"a\": 1\n    }\n  }\n}\n"
        );
        let text = "env:\n  variables:\n    A: 1\nphases: {}\nenv:\n  shell: bash\n";
        let doc = parse_yaml(text, &Limits::default());
        let merged = fix(
            text,
            &merge_duplicates(text, doc.root.map().unwrap(), "env").unwrap(),
        );
        assert_eq!(
            merged,
            "phases: {}\nenv:\n  shell: bash\n  variables:\n    A: 1\n"
        );
        let text = "{\"S\": {\"a\": 1}, \"S\": {\"b\": 2}}";
        let doc = parse_json(text, &Limits::default());
        let merged = fix(
            text,
            &merge_duplicates(text, doc.root.map().unwrap(), "S").unwrap(),
        );
        assert_eq!(merged, "{\"S\": {\"b\": 2, \"a\": 1}}");
        // The same member in both: which one was meant is not certain.
        let text = "{\"S\": {\"a\": 1}, \"S\": {\"a\": 2}}";
        let doc = parse_json(text, &Limits::default());
        assert!(merge_duplicates(text, doc.root.map().unwrap(), "S").is_none());
    }
}
