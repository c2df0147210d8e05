//! Completion and hover never panic and answer inside the text: any text (made up, or an example
//! or corpus file with edits) at any offset, as every kind; the range a completion replaces is on
//! character boundaries around the cursor. And on every example at every line's end, completion
//! answers (no hang on real files). `PROPTEST_CASES=10000 cargo test -p cicd-core --features
//! complete --test completion` runs more cases than the default 256 per property.

mod common;

use cicd_core::complete::{complete, hover};
use cicd_core::{Kind, Options};
use proptest::prelude::*;
use proptest::sample::select;

const ALPHABET: &[&str] = &[
    ":",
    ": ",
    "-",
    "- ",
    " ",
    "  ",
    "\n",
    "\t",
    "'",
    "\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "#",
    "\\",
    "é",
    "😀",
    "\r\n",
    "phases",
    "hooks",
    "Statement",
    "Condition",
    "stages",
    "actions",
    "configuration",
    "runtime-versions",
    "install",
    "\"pipeline\"",
];

fn kinds() -> Vec<Kind> {
    Kind::ALL
        .iter()
        .copied()
        .filter(|k| k.is_supported())
        .collect()
}

fn assert_sane(kind: Kind, text: &str, offset: usize) {
    let options = Options::default();
    let c = complete(kind, text, offset, &options);
    if !c.items.is_empty() {
        // The cursor, on the character boundary at or before the offset.
        let mut cursor = offset.min(text.len());
        while !text.is_char_boundary(cursor) {
            cursor -= 1;
        }
        assert!(c.to <= text.len(), "{kind:?}: {}..{}", c.from, c.to);
        assert!(
            c.from <= cursor && cursor <= c.to,
            "{kind:?}: {}..{} around {cursor}",
            c.from,
            c.to
        );
        assert!(text.is_char_boundary(c.from) && text.is_char_boundary(c.to));
        for item in &c.items {
            assert!(!item.label.is_empty() && !item.insert.is_empty());
        }
    }
    if let Some(h) = hover(kind, text, offset, &options) {
        assert!(h.from <= h.to && h.to <= text.len());
        assert!(text.is_char_boundary(h.from) && text.is_char_boundary(h.to));
        assert!(!h.doc.is_empty());
    }
}

fn examples() -> Vec<(Kind, String)> {
    let root = common::workspace();
    let mut out = Vec::new();
    for e in std::fs::read_dir(root.join("examples"))
        .expect("examples")
        .flatten()
    {
        let path = e.path();
        let name = path.to_string_lossy().into_owned();
        if let Some(kind) = Kind::from_file_name(&name).filter(|k| k.is_supported()) {
            out.push((kind, std::fs::read_to_string(&path).expect("example")));
        }
    }
    out.sort();
    assert!(out.len() > 10);
    out
}

#[test]
fn every_line_end_of_every_example() {
    let mut answered = 0;
    for (kind, text) in examples() {
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let end = at + line.trim_end_matches(['\n', '\r']).len();
            assert_sane(kind, &text, end);
            // At the start of each line, a key is expected in most places.
            if !complete(kind, &text, at, &Options::default())
                .items
                .is_empty()
            {
                answered += 1;
            }
            at += line.len();
        }
    }
    assert!(answered > 100, "only {answered} places answered");
}

fn made_up() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            select(ALPHABET).prop_map(str::to_string),
            any::<char>().prop_map(String::from),
            "[a-zA-Z0-9_.-]{1,8}",
        ],
        0..64,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    /// Made-up text at any offset (also past the end and inside a character), as every kind.
    #[test]
    fn made_up_text_at_any_offset(text in made_up(), offset in 0..300usize) {
        for kind in kinds() {
            assert_sane(kind, &text, offset);
        }
    }

    /// An example with a piece inserted at the cursor, as its kind: the typing case.
    #[test]
    fn examples_being_typed_in(i in 0..64usize, per_mille in 0..=1000usize, piece in select(ALPHABET)) {
        let all = examples();
        let (kind, mut text) = all[i % all.len()].clone();
        let mut at = text.len() * per_mille / 1000;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text.insert_str(at, piece);
        assert_sane(kind, &text, at + piece.len());
    }
}
