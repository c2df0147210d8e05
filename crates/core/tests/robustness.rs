//! No input makes the checkers panic, hang, report spans outside the text or offer a fix that
//! does not fit it: the seed examples and corpus files, truncated at many points, and (property
//! tests, `proptest`) mutated and made up, each checked as every kind; and checking is a function
//! of the text alone. `PROPTEST_CASES=10000 cargo test -p cicd-core --test robustness` runs more
//! cases than the default 256 per property.

mod common;

use std::sync::LazyLock;

use cicd_core::diagnostic::render::{HumanOptions, github, human};
use cicd_core::{Kind, LineIndex, Options};
use proptest::prelude::*;
use proptest::sample::select;

/// Characters that mean something to YAML or JSON, and a few multi-byte ones.
const ALPHABET: &[&str] = &[
    ":", ": ", "-", "- ", " ", "  ", "\n", "\t", "'", "\"", "[", "]", "{", "}", ",", "&a", "*a",
    "!", "|", ">", "#", "?", "%", "@", "`", "\\", "é", "😀", "\r\n", "0.2", "<<: *a", "---", "...",
    "null", "~", "yes",
];

fn assert_sane(kind: Kind, text: &str) {
    let Ok(diags) = cicd_core::check(kind, text, &Options::default()) else {
        return;
    };
    let index = LineIndex::new(text);
    for d in &diags {
        for span in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
            assert!(
                span.end() <= text.len(),
                "{kind:?} {}: span {span:?} past the end of a {}-byte text",
                d.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
                "{kind:?} {}: span {span:?} splits a character",
                d.code
            );
            let _ = index.position(text, span.end());
        }
        // A fix offered on any input fits it: its edits are in the text, in order, apart.
        if let Some(fix) = &d.fix {
            assert!(
                fix.apply(text).is_some(),
                "{} fix `{}` does not fit the text",
                d.code,
                fix.title
            );
        }
    }
    let _ = human(&diags, text, "x", HumanOptions::default());
    let _ = github(&diags, text, "x");
}

/// Each supported kind with its example files and its corpus folder.
/// Every example (by its file name's kind) and corpus file (by its folder, the kind's id) of
/// every checked kind of the kind table.
fn inputs() -> Vec<(Kind, String)> {
    let root = common::workspace();
    let mut out = Vec::new();
    let mut examples: Vec<_> = std::fs::read_dir(root.join("examples"))
        .expect("examples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    examples.sort();
    for path in examples {
        let name = path.to_string_lossy().into_owned();
        if let Some(kind) = Kind::from_file_name(&name).filter(|k| k.is_supported()) {
            out.push((kind, std::fs::read_to_string(&path).expect("example")));
        }
    }
    for kind in Kind::ALL.iter().filter(|k| k.is_supported()) {
        let mut corpus: Vec<_> = std::fs::read_dir(root.join("tests/corpus").join(kind.id()))
            .expect("corpus")
            .flatten()
            .map(|e| e.path())
            .collect();
        corpus.sort();
        for path in corpus {
            let bytes = std::fs::read(&path).expect("read");
            out.push((*kind, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    assert!(out.len() > 150, "only {} inputs", out.len());
    out
}

#[test]
fn truncations_never_panic() {
    for (kind, text) in inputs() {
        let step = (text.len() / 40).max(1);
        let mut cut = 0;
        while cut <= text.len() {
            let at = cicd_core::source::clamp_to_char_boundary(&text, cut);
            assert_sane(kind, &text[..at]);
            cut += step;
        }
    }
}

/// The seed inputs, read once for every property.
static INPUTS: LazyLock<Vec<(Kind, String)>> = LazyLock::new(inputs);

/// Every checked kind of the kind table.
fn checked_kinds() -> Vec<Kind> {
    Kind::ALL
        .iter()
        .copied()
        .filter(|k| k.is_supported())
        .collect()
}

/// One edit at a relative position (0..=1000 per mille of the text): insert a piece, delete up
/// to 8 bytes, or replace up to 4 bytes with a piece.
#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Replace(usize, usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let piece = || select(ALPHABET);
    prop_oneof![
        (0..=1000usize, piece()).prop_map(|(at, p)| Edit::Insert(at, p)),
        (0..=1000usize, 0..8usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0..=1000usize, 0..4usize, piece()).prop_map(|(at, n, p)| Edit::Replace(at, n, p)),
    ]
}

fn apply(text: &mut String, edit: &Edit) {
    let at = |per_mille: usize| {
        cicd_core::source::clamp_to_char_boundary(text, text.len() * per_mille / 1000)
    };
    match *edit {
        Edit::Insert(p, piece) => {
            let at = at(p);
            text.insert_str(at, piece);
        }
        Edit::Delete(p, n) | Edit::Replace(p, n, _) => {
            let start = at(p);
            let end = cicd_core::source::clamp_to_char_boundary(text, start + n).max(start);
            let piece = if let Edit::Replace(_, _, piece) = edit {
                piece
            } else {
                ""
            };
            text.replace_range(start..end, piece);
        }
    }
}

/// A seed input (an example or corpus file) with one to four edits, and the kind it is of.
fn mutated() -> impl Strategy<Value = (Kind, String)> {
    (0..INPUTS.len(), prop::collection::vec(edit(), 1..5)).prop_map(|(i, edits)| {
        let (kind, base) = INPUTS.get(i).cloned().expect("an input");
        let mut text = base;
        for e in &edits {
            apply(&mut text, e);
        }
        (kind, text)
    })
}

/// A made-up text: pieces that mean something to YAML or JSON, and any characters.
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
    /// A mutated example or corpus file, checked as every kind: no panic, every span inside the
    /// text and on character boundaries, every fix fits.
    #[test]
    fn mutated_inputs_keep_spans_inside_the_text((_, text) in mutated()) {
        for kind in checked_kinds() {
            assert_sane(kind, &text);
        }
    }

    /// The same for made-up text.
    #[test]
    fn made_up_inputs_keep_spans_inside_the_text(text in made_up()) {
        for kind in checked_kinds() {
            assert_sane(kind, &text);
        }
    }

    /// Checking is deterministic and idempotent: the same text checked twice, with another
    /// text checked in between (no state carried from call to call), gives the same findings;
    /// and checking the text read from bytes gives what checking the bytes gave.
    #[test]
    fn checking_is_deterministic_and_idempotent(
        (kind, text) in mutated(),
        (_, other) in mutated(),
    ) {
        let options = Options::default();
        let first = cicd_core::check(kind, &text, &options).expect("a checked kind");
        let _ = cicd_core::check(kind, &other, &options);
        let again = cicd_core::check(kind, &text, &options).expect("a checked kind");
        prop_assert_eq!(&first, &again);
        let (read, from_bytes) =
            cicd_core::check_bytes(kind, text.as_bytes(), &options).expect("a checked kind");
        prop_assert_eq!(&read, &text);
        prop_assert_eq!(&from_bytes, &first);
    }
}

/// Found by `made_up_inputs_keep_spans_inside_the_text`: a pipeline finding about a whole node
/// took its first byte, splitting a first character of several bytes (`¡-`).
#[test]
fn findings_about_a_whole_node_take_its_first_character_whole() {
    for text in [
        "¡-",
        "é: 1",
        "stages:\n  - ü\n",
        "pipeline:\n  stages: [😀]\n",
    ] {
        for kind in checked_kinds() {
            assert_sane(kind, text);
        }
    }
}

#[test]
fn hostile_documents_are_bounded() {
    let bomb = {
        let mut t = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = "a".to_string();
        for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            t.push_str(&format!("{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = n.to_string();
        }
        t
    };
    let deep_flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_block: String = (0..2_000)
        .map(|i| format!("{}- \n", " ".repeat(i)))
        .collect();
    let deep_map: String = (0..2_000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    let long_line = format!("version: 0.2\nx: '{}'\n", "a".repeat(3_000_000));
    for text in [bomb, deep_flow, deep_block, deep_map, long_line] {
        for kind in Kind::ALL.iter().filter(|k| k.is_supported()) {
            assert_sane(*kind, &text);
            let diags = cicd_core::check(*kind, &text, &Options::default()).expect("supported");
            assert!(!diags.is_empty(), "a hostile document gives no finding");
        }
    }
}
