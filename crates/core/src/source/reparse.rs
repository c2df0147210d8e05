//! The next version of a YAML document without reading the whole text again, for the edits typed
//! most: a few characters changed inside one plain scalar on one line (a command, a value).
//!
//! [`reparse_yaml`] returns exactly the document [`parse_yaml`](super::parse_yaml) would build
//! from the new text, or `None` whenever it cannot be sure of that; the caller then reads the
//! whole text. It is sure only when
//! - the old document was read without a problem, with the same limits, and every node was read
//!   once, in text order (no anchor, alias or merge key, one document:
//!   [`Document::reparsable_with`]);
//! - the edit adds and removes no line break, and lies between the start of a plain scalar that is
//!   a value (not a key, without tag, inside no flow collection and no tagged collection) and the
//!   end of its line, and no node starts where the scalar ends;
//! - the scalar's line reads, before and after the edit, as that one plain scalar followed by
//!   nothing but spaces and the same comment: by YAML's rules for plain scalars in block context
//!   (no `: `, no ` #`, no tab, no control character, a first character that is no indicator).
//!
//! Then the rest of the text reads as before: only the scalar's text changes, and every position
//! after the edit moves by the edit's length. The property tests in `tests/reparse.rs` compare the
//! result with a full parse after random edits of the examples, the corpus and small documents
//! made of YAML's corner cases.

use super::tree::{Map, Pair, Seq, Style, Value};
use super::{Document, Format, Limits, Node, Span};

/// The document of `text`, made from the document `old` of `old_text` when `text` differs from it
/// by one edit inside one line's plain scalar (see the module docs); `None` otherwise.
pub fn reparse_yaml(
    old_text: &str,
    old: &Document,
    text: &str,
    limits: &Limits,
) -> Option<Document> {
    let plan = plan(old_text, old, text, limits)?;
    let mut doc = old.clone();
    move_in_place(&mut doc.root, &plan.moved, plan.edited, plan.scalar);
    Some(doc)
}

/// Whether [`reparse_yaml`] would make the document of `text` from `old` (the document of
/// `old_text`), without making it: for a caller that reparses an edit or hands it to someone else.
pub fn reparses(old_text: &str, old: &Document, text: &str, limits: &Limits) -> bool {
    plan(old_text, old, text, limits).is_some()
}

/// Like [`reparse_yaml`], changing `doc` (the document of `old_text`) into the document of `text`
/// where it is: no copy of the tree to make, and none to free. Returns `false`, leaving `doc` as
/// it was, when it cannot be sure of the result.
pub fn reparse_yaml_in_place(
    old_text: &str,
    doc: &mut Document,
    text: &str,
    limits: &Limits,
) -> bool {
    let Some(plan) = plan(old_text, doc, text, limits) else {
        return false;
    };
    move_in_place(&mut doc.root, &plan.moved, plan.edited, plan.scalar);
    true
}

/// What an edit does to the document: how positions move, which scalar changes, and its text.
/// Made only when every span of the document moves that way ([`fits`]).
struct Plan<'t> {
    moved: Moved,
    edited: Span,
    scalar: &'t str,
}

fn plan<'t>(old_text: &str, old: &Document, text: &'t str, limits: &Limits) -> Option<Plan<'t>> {
    if old.format != Format::Yaml
        || old.reparsable_with.as_ref() != Some(limits)
        || !old.issues.is_empty()
        || text.len() > limits.max_bytes
    {
        return None;
    }
    let edit = Changed::between(old_text, text)?;
    if has_break(old_text.get(edit.start..edit.old_end)?)
        || has_break(text.get(edit.start..edit.new_end)?)
    {
        return None;
    }
    let line_start = old_text
        .get(..edit.start)?
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    // Where the edited line ends (at its line break, or the end of the text).
    let old_line_end = super::yaml::line_span(old_text, edit.old_end).end();
    let delta = isize::try_from(text.len()).ok()? - isize::try_from(old_text.len()).ok()?;
    let new_line_end = old_line_end.checked_add_signed(delta)?;

    // The scalar: the last node starting on the edited line at or before the edit.
    let mut path = Vec::new();
    let target = last_starting_in(&old.root, line_start, edit.start, &mut path)?;
    let (edited, old_value) = match (&target.node.value, &target.node.tag) {
        (Value::Scalar(s), None) if s.style == Style::Plain && !target.is_key => {
            (target.node.span, s.text.as_str())
        }
        _ => return None,
    };
    let start = edited.start();
    // A collection in flow style (its span starts at its bracket, or at its tag) would end the
    // scalar at `,` `[` `]` `{` `}`.
    if start <= line_start
        || path
            .iter()
            .any(|n: &&Node| n.tag.is_some() || flow_opener(old_text, n.span))
    {
        return None;
    }
    let old_tail = PlainLine::read(old_text.get(start..old_line_end)?)?;
    if start + old_tail.scalar.len() != edited.end() || old_tail.scalar != old_value {
        return None;
    }
    let new_tail = PlainLine::read(text.get(start..new_line_end)?)?;
    if new_tail.comment != old_tail.comment {
        return None;
    }
    let moved = Moved {
        start,
        old_end: edited.end(),
        new_end: start + new_tail.scalar.len(),
        line_end: old_line_end,
        delta,
    };
    fits(&old.root, &moved).then_some(Plan {
        moved,
        edited,
        scalar: new_tail.scalar,
    })
}

/// The one edit between two texts: the bytes `start..old_end` of the old text became
/// `start..new_end` of the new one (common prefix and suffix left out, on character boundaries).
struct Changed {
    start: usize,
    old_end: usize,
    new_end: usize,
}

impl Changed {
    fn between(old: &str, new: &str) -> Option<Changed> {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = common_prefix(a, b);
        while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
            start = start.checked_sub(1)?;
        }
        // After the common start (which the common end may not overlap).
        let mut suffix = common_suffix(a.get(start..)?, b.get(start..)?);
        while !(old.is_char_boundary(a.len() - suffix) && new.is_char_boundary(b.len() - suffix)) {
            suffix = suffix.checked_sub(1)?;
        }
        Some(Changed {
            start,
            old_end: a.len() - suffix,
            new_end: b.len() - suffix,
        })
    }
}

/// How many bytes `a` and `b` start with in common. Eight at a time: this reads the whole text at
/// every keystroke, and byte by byte it is a loop of half a million steps at 5,000 lines.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let words = a
        .chunks_exact(8)
        .zip(b.chunks_exact(8))
        .take_while(|(x, y)| <[u8; 8]>::try_from(*x).ok() == <[u8; 8]>::try_from(*y).ok())
        .count();
    let at = words * 8;
    let (a, b) = (
        a.get(at..).unwrap_or_default(),
        b.get(at..).unwrap_or_default(),
    );
    at + a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` end with in common (eight at a time, as [`common_prefix`]).
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let words = a
        .rchunks_exact(8)
        .zip(b.rchunks_exact(8))
        .take_while(|(x, y)| <[u8; 8]>::try_from(*x).ok() == <[u8; 8]>::try_from(*y).ok())
        .count();
    let at = words * 8;
    let a = a.get(..a.len().saturating_sub(at)).unwrap_or_default();
    let b = b.get(..b.len().saturating_sub(at)).unwrap_or_default();
    at + a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn has_break(s: &str) -> bool {
    s.contains(['\n', '\r'])
}

/// Whether a collection's span starts with a flow bracket: the scalar may be in a flow context,
/// where `,` `[` `]` `{` `}` end it.
fn flow_opener(text: &str, span: Span) -> bool {
    matches!(text.as_bytes().get(span.start()), Some(b'[' | b'{'))
}

/// A node found in the tree, and whether it is a mapping key.
struct Found<'a> {
    node: &'a Node,
    is_key: bool,
}

/// The node starting last in `from..=at` (the deepest one when several start there), with its
/// ancestors in `path`.
fn last_starting_in<'a>(
    root: &'a Node,
    from: usize,
    at: usize,
    path: &mut Vec<&'a Node>,
) -> Option<Found<'a>> {
    let mut found: Option<Found<'a>> = None;
    let mut node = root;
    let mut is_key = false;
    loop {
        let span = node.span;
        if (from..=at).contains(&span.start()) {
            found = Some(Found { node, is_key });
        }
        // The child to go into: the last one starting at or before the edit.
        let next = match &node.value {
            Value::Seq(Seq { items, .. }) => last_before(items.iter().map(|n| (n, false)), at),
            Value::Map(Map { entries, .. }) => last_before(
                entries
                    .iter()
                    .flat_map(|Pair { key, value }| [(key, true), (value, false)]),
                at,
            ),
            _ => None,
        };
        match next {
            Some((child, key)) => {
                path.push(node);
                node = child;
                is_key = key;
            }
            None => break,
        }
    }
    // The path holds the ancestors of the last node visited; keep only the found node's.
    let found = found?;
    while path
        .last()
        .is_some_and(|n| !n.span.contains(found.node.span))
    {
        path.pop();
    }
    Some(found)
}

fn last_before<'a>(
    children: impl Iterator<Item = (&'a Node, bool)>,
    at: usize,
) -> Option<(&'a Node, bool)> {
    children.take_while(|(n, _)| n.span.start() <= at).last()
}

/// A line's text from a plain scalar's first character: the scalar, then spaces and maybe a
/// comment.
struct PlainLine<'t> {
    scalar: &'t str,
    comment: Option<&'t str>,
}

impl<'t> PlainLine<'t> {
    /// Reads `line` as one plain scalar in block context followed by spaces and maybe a comment,
    /// or `None` when it may read otherwise: the scalar must read back as itself
    /// ([`plain_safe`](super::edit::plain_safe): no indicator first, no `: `, no ` #`, no control
    /// character) and hold no character a YAML reader could take for a line break or a byte
    /// order mark.
    fn read(line: &'t str) -> Option<PlainLine<'t>> {
        let (content, comment) = match line.find(" #") {
            Some(i) => (line.get(..i)?, Some(line.get(i + 1..)?)),
            None => (line, None),
        };
        let scalar = content.trim_end_matches(' ');
        let safe = super::edit::plain_safe(scalar)
            && !scalar.contains(['\u{2028}', '\u{2029}', '\u{feff}', '\u{fffe}', '\u{ffff}']);
        safe.then_some(PlainLine { scalar, comment })
    }
}

/// How positions move: the scalar keeps its start, its end moves to the new end, and everything
/// from the end of its line on moves by the edit's length. A position anywhere else (inside the
/// scalar, or between its end and the line's end) is not expected, and stops the reuse; so does a
/// node starting where the scalar ends (an empty value, whose place after the edit the scalar's
/// end does not tell: `? a: b c` at the end of a file).
struct Moved {
    start: usize,
    old_end: usize,
    new_end: usize,
    line_end: usize,
    delta: isize,
}

impl Moved {
    fn position(&self, p: usize) -> Option<usize> {
        if p <= self.start {
            Some(p)
        } else if p == self.old_end {
            Some(self.new_end)
        } else if p >= self.line_end {
            p.checked_add_signed(self.delta)
        } else {
            None
        }
    }

    fn span(&self, span: Span) -> Option<Span> {
        if span.start() == self.old_end {
            return None;
        }
        Some(Span::new(
            self.position(span.start())?,
            self.position(span.end())?,
        ))
    }
}

/// Whether every span of the tree moves (see [`Moved::position`]).
fn fits(node: &Node, moved: &Moved) -> bool {
    moved.span(node.span).is_some()
        && match &node.value {
            Value::Seq(seq) => seq.items.iter().all(|n| fits(n, moved)),
            Value::Map(map) => map
                .entries
                .iter()
                .all(|p| fits(&p.key, moved) && fits(&p.value, moved)),
            Value::Scalar(_) | Value::Invalid => true,
        }
}

/// Moves the spans of a tree that [`fits`], and replaces the edited scalar's text.
fn move_in_place(node: &mut Node, moved: &Moved, edited: Span, text: &str) {
    if let Value::Scalar(s) = &mut node.value
        && node.span == edited
    {
        s.text.clear();
        s.text.push_str(text);
    }
    if let Some(span) = moved.span(node.span) {
        node.span = span;
    }
    match &mut node.value {
        Value::Seq(seq) => seq
            .items
            .iter_mut()
            .for_each(|n| move_in_place(n, moved, edited, text)),
        Value::Map(map) => map.entries.iter_mut().for_each(|p| {
            move_in_place(&mut p.key, moved, edited, text);
            move_in_place(&mut p.value, moved, edited, text);
        }),
        Value::Scalar(_) | Value::Invalid => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{Changed, common_prefix, common_suffix};

    /// Eight bytes at a time finds what one at a time finds, wherever the texts part.
    #[test]
    fn common_ends_are_counted_byte_exact() {
        let base: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for len in 0..base.len() {
            for at in 0..=len {
                let a = &base[..len];
                let mut b = a.to_vec();
                b.insert(at, b'#');
                let naive = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
                assert_eq!(common_prefix(a, &b), naive, "{len} {at}");
                let naive = a
                    .iter()
                    .rev()
                    .zip(b.iter().rev())
                    .take_while(|(x, y)| x == y)
                    .count();
                assert_eq!(common_suffix(a, &b), naive, "{len} {at}");
                let changed = Changed::between(
                    std::str::from_utf8(a).unwrap(),
                    std::str::from_utf8(&b).unwrap(),
                )
                .unwrap();
                assert_eq!(
                    (changed.start, changed.old_end, changed.new_end),
                    (at, at, at + 1)
                );
            }
        }
    }
}
