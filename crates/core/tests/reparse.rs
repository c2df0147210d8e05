//! `reparse_yaml` builds exactly the document a full parse of the edited text builds, whenever it
//! builds one: after random edits within a line of every example and corpus file (property
//! tests), and keystroke by keystroke in a command. And it does build one for the edits typed
//! most, so that the 5,000-line keystroke is not a full parse.

mod common;

use std::sync::LazyLock;

use cicd_core::source::{
    Document, Limits, clamp_to_char_boundary, parse_yaml, reparse_yaml, reparse_yaml_in_place,
    reparses,
};
use proptest::prelude::*;
use proptest::sample::select;

/// Pieces that mean something to YAML on one line, characters a reader may take for a break, and
/// ordinary text.
const PIECES: &[&str] = &[
    ":", ": ", "-", "- ", " ", "  ", "\t", "'", "\"", "[", "]", "{", "}", ",", "&a", "*a", "!",
    "|", ">", "#", " #", " # c", "?", "? ", "%", "@", "`", "\\", "é", "😀", "0.2", "x", "ab",
    "---", "...", "~", "<<", "\u{85}", "\u{2028}", "\u{feff}", "\u{1}", "\u{7f}",
];

/// Every example and corpus file.
fn inputs() -> Vec<String> {
    let root = common::workspace();
    let out: Vec<String> = [root.join("examples"), root.join("tests/corpus")]
        .iter()
        .flat_map(|dir| common::files_below(dir))
        .map(|(_, text)| text)
        .collect();
    assert!(out.len() > 150, "only {} inputs", out.len());
    out
}

static INPUTS: LazyLock<Vec<String>> = LazyLock::new(inputs);

/// The document `reparse_yaml` makes of `new` from `old`'s, checked against a full parse, and
/// against `reparse_yaml_in_place` (the same document, or `old` left as it was) and `reparses`
/// (which tells without making it).
fn reparsed(old_text: &str, old: &Document, new: &str) -> Option<Document> {
    let limits = Limits::default();
    let copy = reparse_yaml(old_text, old, new, &limits);
    let mut in_place = old.clone();
    let changed = reparse_yaml_in_place(old_text, &mut in_place, new, &limits);
    assert_eq!(
        changed,
        copy.is_some(),
        "in place and copy disagree about {new:?}"
    );
    assert_eq!(
        reparses(old_text, old, new, &limits),
        changed,
        "reparses and reparse_yaml disagree about {new:?}"
    );
    let doc = match copy {
        Some(doc) => doc,
        None => {
            assert_eq!(
                in_place.root, old.root,
                "a refused edit changed the document"
            );
            return None;
        }
    };
    let full = parse_yaml(new, &limits);
    assert_eq!(
        doc.root, full.root,
        "reparsed tree differs after editing\n{old_text:?}\ninto\n{new:?}"
    );
    assert_eq!(doc.issues, full.issues);
    assert_eq!(doc.format, full.format);
    assert_eq!(in_place.root, full.root, "in place");
    Some(doc)
}

/// One edit inside a line: at a relative position of a line (per mille of the lines, then of the
/// line), insert a piece, delete up to 6 bytes of the line, or replace up to 3 with a piece.
#[derive(Clone, Debug)]
enum LineEdit {
    Insert(usize, usize, &'static str),
    Delete(usize, usize, usize),
    Replace(usize, usize, usize, &'static str),
}

fn line_edit() -> impl Strategy<Value = LineEdit> {
    let piece = || select(PIECES);
    let at = || (0..1000usize, 0..=1000usize);
    prop_oneof![
        3 => (at(), piece()).prop_map(|((l, c), p)| LineEdit::Insert(l, c, p)),
        1 => (at(), 1..6usize).prop_map(|((l, c), n)| LineEdit::Delete(l, c, n)),
        1 => (at(), 1..3usize, piece()).prop_map(|((l, c), n, p)| LineEdit::Replace(l, c, n, p)),
    ]
}

fn apply(text: &str, edit: &LineEdit) -> String {
    let (LineEdit::Insert(l, c, _) | LineEdit::Delete(l, c, _) | LineEdit::Replace(l, c, _, _)) =
        *edit;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let start = starts[starts.len() * l / 1000];
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let at = clamp_to_char_boundary(text, start + (end - start) * c / 1000);
    let (cut, piece) = match *edit {
        LineEdit::Insert(_, _, p) => (0, p),
        LineEdit::Delete(_, _, n) => (n, ""),
        LineEdit::Replace(_, _, n, p) => (n, p),
    };
    let to = clamp_to_char_boundary(text, (at + cut).min(end)).max(at);
    let mut out = text.to_owned();
    out.replace_range(at..to, piece);
    out
}

proptest! {
    /// Up to five edits in a row, each read from the document before it (reparsed or not).
    #[test]
    fn reparsed_documents_are_full_parses(i in 0..INPUTS.len(), edits in prop::collection::vec(line_edit(), 1..6)) {
        let mut text = INPUTS[i].clone();
        let mut doc = parse_yaml(&text, &Limits::default());
        for edit in &edits {
            let next = apply(&text, edit);
            doc = reparsed(&text, &doc, &next).unwrap_or_else(|| parse_yaml(&next, &Limits::default()));
            text = next;
        }
    }
}

/// Small documents made of YAML's corner cases (multi-line plain scalars, comments, explicit keys,
/// tags, anchors, merge keys, flow collections over several lines, document markers, CRLF, no
/// final line break, non-ASCII), for the property below.
const CORNERS: &[&str] = &[
    "a: foo\n  bar baz\nb: c d\n",
    "a: b c",
    "- x y\n- z w",
    "k:\n  - a: b c\n    d: e f",
    "a: x # c",
    "? a\n: b c",
    "? a: b c",
    "a: &x b\nc: d e\n",
    "<<: {a: b}\nc: d e\n",
    "a: [b,\n  c d\n  ]\ne: f g\n",
    "a: !t [b,\n  c d\n  ]\ne: f g\n",
    "a: !t\n  - b c\n",
    "!t [\n  x,\n  yy\n]\n",
    "a: {b: c,\n  d: e f}\n",
    "- - - a b\n    - c d\n",
    "a: x\n\n  y\nb: z w\n",
    "a: b # c\n  # d\ne: f g\n",
    "  root scalar\n",
    "--- !t\na: b c\n",
    "a:\n  - b\n  -\n  - c d\ne:\n",
    "a: b\n...\n# tail\n",
    "--- x y\n...\n",
    "%YAML 1.2\n--- x y\n",
    "a: |\n  lit\n  more\nb: plain text\nc: >-\n  folded\nd: 'q'\n",
    "a:    spaced   \n  # comment\nb: c\r\nd: e\r\n",
    "a: b\r\nc: d e\r\n",
    "é: ü ö\nß: ∂ x\n",
    "\u{feff}a: b c\n",
];

proptest! {
    /// Up to four edits in a row of a corner-case document, anywhere (line breaks too).
    #[test]
    fn reparsed_corner_cases_are_full_parses(
        i in 0..CORNERS.len(),
        edits in prop::collection::vec((0..=1000usize, 0..4usize, select(PIECES_ANYWHERE)), 1..5),
    ) {
        let mut text = CORNERS[i].to_owned();
        let mut doc = parse_yaml(&text, &Limits::default());
        for (at, cut, piece) in edits {
            let at = clamp_to_char_boundary(&text, text.len() * at / 1000);
            let to = clamp_to_char_boundary(&text, (at + cut).min(text.len())).max(at);
            let mut next = text.clone();
            next.replace_range(at..to, piece);
            doc = reparsed(&text, &doc, &next).unwrap_or_else(|| parse_yaml(&next, &Limits::default()));
            text = next;
        }
    }
}

/// `PIECES`, line breaks, and nothing (a deletion).
const PIECES_ANYWHERE: &[&str] = &[
    "", "", "", ":", ": ", "-", "- ", " ", "\t", "'", "\"", "[", "]", "{", "}", ",", "&a", "*a",
    "!", "|", ">", "#", " #", "?", "? ", "%", "`", "é", "x", "ab", "---", "...", "<<", "\u{85}",
    "\u{a0}", "\u{feff}", "\r", "\r\n", "\n",
];

/// Typing a character at the end of a line (before its `\r\n` or `\n`), and deleting one: the
/// same documents as full parses, and reparsed for a good share of the lines of YAML files read
/// without a problem (the rest: keys, block scalars, quoted values, flow collections).
#[test]
fn typing_at_line_ends_is_reparsed_where_it_can_be() {
    let (mut n, mut edits, mut reused) = (0, 0, 0);
    for text in INPUTS.iter() {
        let doc = parse_yaml(text, &Limits::default());
        let json = text.trim_start().starts_with(['{', '[']);
        // Every fifth line, to keep this test quick.
        for (i, _) in text.match_indices('\n').step_by(5) {
            let i = if text[..i].ends_with('\r') { i - 1 } else { i };
            for new in [format!("{}x{}", &text[..i], &text[i..]), {
                let at = text[..i].char_indices().last().map_or(i, |(j, _)| j);
                format!("{}{}", &text[..at], &text[i..])
            }] {
                // Every other result is compared with a full parse (the properties above compare
                // them all).
                n += 1;
                let same = if n % 2 == 0 {
                    reparsed(text, &doc, &new)
                } else {
                    reparse_yaml(text, &doc, &new, &Limits::default())
                };
                if !json && doc.issues.is_empty() {
                    edits += 1;
                    reused += usize::from(same.is_some());
                }
            }
        }
    }
    // 40 % when this was written.
    assert!(reused * 3 > edits, "{reused} of {edits} edits reparsed");
}

/// The benchmarks' 5,000-line buildspec, typed into key by key: every keystroke is reparsed.
#[test]
fn typing_a_command_is_reparsed_key_by_key() {
    let mut text = String::from("version: 0.2\nphases:\n  build:\n    commands:\n");
    for i in 0..500 {
        text.push_str(&format!(
            "      - echo \"step {i}\" && make target-{i} ARG=$VAR_{i} # {i}\n"
        ));
    }
    let at = text.find(" # 7\n").expect("line 7");
    let mut doc = parse_yaml(&text, &Limits::default());
    let typed = " && ./deploy.sh --stage=prod/eu {x},y=z";
    for (n, c) in typed.chars().enumerate() {
        let mut next = text.clone();
        next.insert(at + n, c);
        doc = reparsed(&text, &doc, &next).unwrap_or_else(|| panic!("{c:?} was read again"));
        text = next;
    }
    // Deleting back, too.
    for n in (0..typed.len()).rev() {
        let mut next = text.clone();
        next.remove(at + n);
        doc = reparsed(&text, &doc, &next)
            .unwrap_or_else(|| panic!("deleting at {n} was read again"));
        text = next;
    }
}

/// Edits that change what the line is read as are never reparsed.
#[test]
fn edits_that_change_the_structure_are_read_again() {
    let limits = Limits::default();
    let base = "a:\n  - run make\n  - b: value # note\n  - [x, y]\n";
    let doc = parse_yaml(base, &limits);
    for new in [
        "a:\n  - run: make\n  - b: value # note\n  - [x, y]\n", // a key
        "a:\n  - run make:\n  - b: value # note\n  - [x, y]\n", // a key at the line's end
        "a:\n  - run #make\n  - b: value # note\n  - [x, y]\n", // a comment
        "a:\n  - \"run make\n  - b: value # note\n  - [x, y]\n", // a quote
        "a:\n  - - run make\n  - b: value # note\n  - [x, y]\n", // a sequence
        "a:\n  - run\tmake\n  - b: value # note\n  - [x, y]\n", // a tab
        "a:\n  - run\nmake\n  - b: value # note\n  - [x, y]\n", // a line break
        "a:\n  - run make\n  - bc: value # note\n  - [x, y]\n", // a key's text
        "a:\n  - run make\n  - b: value # notes\n  - [x, y]\n", // the comment
        "a:\n  - run make\n  - b: value #note\n  - [x, y]\n",   // the comment's start
        "a:\n  - run make\n  - b: value # note\n  - [xz, y]\n", // a flow collection
    ] {
        assert!(
            reparse_yaml(base, &doc, new, &limits).is_none(),
            "{new:?} was reparsed"
        );
    }
    // In a tagged flow collection (its span starts at the tag), and a value after the edited
    // scalar at the end of a file.
    for (old, new) in [
        ("a: !t [\n  x,\n  yy\n]\n", "a: !t [\n  x,\n  y,y\n]\n"),
        ("a: !t [\n  x,\n  yy\n]\n", "a: !t [\n  x,\n  y]y\n]\n"),
        ("? a: b c", "? a: b "),
        ("k:\n  ? a: b c\n    d: e f", "k:\n  ? a: b c\n    d: e "),
    ] {
        let doc = parse_yaml(old, &limits);
        assert!(
            reparse_yaml(old, &doc, new, &limits).is_none(),
            "{new:?} was reparsed"
        );
    }
    // Read with other limits: read again (the new limits may refuse the text).
    let small = Limits {
        max_nodes: 3,
        ..Limits::default()
    };
    let doc = parse_yaml("a: b\nc: d\n", &limits);
    assert!(reparse_yaml("a: b\nc: d\n", &doc, "a: bb\nc: d\n", &small).is_none());
    // Anchors, aliases and merge keys copy nodes: never reparsed.
    let anchored = "a: &x value\nb: *x\nc: other\n";
    let doc = parse_yaml(anchored, &limits);
    assert!(reparse_yaml(anchored, &doc, "a: &x value\nb: *x\nc: others\n", &limits).is_none());
    // And the same edit elsewhere is.
    let doc = parse_yaml(base, &limits);
    assert!(
        reparsed(
            base,
            &doc,
            "a:\n  - run make all\n  - b: value # note\n  - [x, y]\n"
        )
        .is_some()
    );
    assert!(
        reparsed(
            base,
            &doc,
            "a:\n  - run make\n  - b: values # note\n  - [x, y]\n"
        )
        .is_some()
    );
}
