//! The corpus of real files (`tests/corpus/`, see its SOURCES.tsv): no panic on any file, and
//! every error reported on a corpus file is listed in `tests/corpus-expectations.tsv` with the
//! reason it is a true positive. Files believed valid must produce no errors.

mod common;

use std::collections::BTreeSet;

use cicd_core::{Kind, LineIndex, Options, Severity};

/// (folder/file, line, code) of every error the checkers report on the corpus.
fn reported() -> BTreeSet<(String, u32, String)> {
    let root = common::workspace().join("tests/corpus");
    let mut out = BTreeSet::new();
    // Every checked kind of the kind table has a corpus folder named after its id.
    for kind in Kind::ALL.iter().filter(|k| k.is_supported()) {
        let folder = kind.id();
        let mut files: Vec<_> = std::fs::read_dir(root.join(folder))
            .expect("corpus folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        assert!(!files.is_empty());
        for path in files {
            let bytes = std::fs::read(&path).expect("read corpus file");
            let (text, diags) =
                cicd_core::check_bytes(*kind, &bytes, &Options::default()).expect("supported kind");
            let index = LineIndex::new(&text);
            let name = format!(
                "{folder}/{}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("")
            );
            for d in diags.iter().filter(|d| d.severity == Severity::Error) {
                let line = index.position(&text, d.span.start()).line;
                out.insert((name.clone(), line, d.code.to_string()));
            }
        }
    }
    out
}

/// The expectations file: `folder/file <TAB> line <TAB> code <TAB> reason`.
fn expected() -> BTreeSet<(String, u32, String)> {
    let path = common::workspace().join("tests/corpus-expectations.tsv");
    let text = std::fs::read_to_string(&path).expect("tests/corpus-expectations.tsv");
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() == 4 && !cols[3].trim().is_empty(),
            "line {}: file, line, code and a reason are required",
            i + 1
        );
        out.insert((
            cols[0].to_string(),
            cols[1].parse().expect("line number"),
            cols[2].to_string(),
        ));
    }
    out
}

#[test]
fn every_corpus_error_is_an_expected_true_positive() {
    let reported = reported();
    let expected = expected();
    let unexpected: Vec<_> = reported.difference(&expected).collect();
    let missing: Vec<_> = expected.difference(&reported).collect();
    assert!(
        unexpected.is_empty(),
        "errors on corpus files not listed in tests/corpus-expectations.tsv (false positives?):\n{unexpected:#?}"
    );
    assert!(
        missing.is_empty(),
        "expected corpus errors no longer reported (update the expectations):\n{missing:#?}"
    );
}
