//! No input makes the checkers panic, hang, report spans outside the text or offer a fix that
//! does not fit it: the seed examples and corpus files, truncated at many points and mutated
//! thousands of times.

mod common;

use cicd_core::diagnostic::render::{HumanOptions, github, human};
use cicd_core::{Kind, LineIndex, Options};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

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
                "span {span:?} past the end of a {}-byte text",
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
                "span {span:?} splits a character"
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

#[test]
fn mutations_never_panic() {
    let inputs = inputs();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..6_000 {
        let (kind, base) = &inputs[round % inputs.len()];
        let mut text = base.clone();
        for _ in 0..1 + rng.below(4) {
            let at = cicd_core::source::clamp_to_char_boundary(&text, rng.below(text.len() + 1));
            match rng.below(3) {
                0 => text.insert_str(at, ALPHABET[rng.below(ALPHABET.len())]),
                1 => {
                    let end = cicd_core::source::clamp_to_char_boundary(&text, at + rng.below(8));
                    text.replace_range(at..end.max(at), "");
                }
                _ => {
                    let end = cicd_core::source::clamp_to_char_boundary(&text, at + rng.below(4));
                    text.replace_range(at..end.max(at), ALPHABET[rng.below(ALPHABET.len())]);
                }
            }
        }
        assert_sane(*kind, &text);
    }
}

/// Found by the property tests: a pipeline finding about a whole node took its first byte,
/// splitting a first character of several bytes (`¡-`).
#[test]
fn findings_about_a_whole_node_take_its_first_character_whole() {
    for text in ["¡-", "é: 1", "stages:\n  - ü\n", "pipeline:\n  stages: [😀]\n"] {
        for kind in Kind::ALL.iter().filter(|k| k.is_supported()) {
            assert_sane(*kind, text);
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
