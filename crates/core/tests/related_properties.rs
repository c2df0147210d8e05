//! Relating files (`cicd_core::related::relate`) on mutated workspaces, as property tests: the
//! related rules' fixture workspaces (workflow ↔ trust policy, deployment group ↔ configuration,
//! buildspec ↔ pipeline ↔ AppSpec ↔ task definition), with random edits in any of their files.
//! No edit makes relating panic; every place a finding has, in its own file and in the others,
//! lies inside that file on character boundaries; and relating is a function of the files.
//! `PROPTEST_CASES=10000 cargo test -p cicd-core --test related_properties` runs more cases.

mod common;

use std::path::Path;
use std::sync::LazyLock;

use cicd_core::Span;
use common::Workspace;
use proptest::prelude::*;
use proptest::sample::select;

/// Pieces that mean something to YAML, JSON and globs, and a few multi-byte characters.
const PIECES: &[&str] = &[
    ":",
    ": ",
    "- ",
    "\n",
    "  ",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "*",
    "**/",
    "?",
    "/",
    "\\",
    "é",
    "😀",
    "imagedefinitions.json",
    "taskdef.json",
    "appspec.yaml",
    "::",
    "<",
    ">",
    "repo:o/r:*",
    "\"containerPort\": 80",
    "discard-paths: yes",
    "CodeDeployDefault.",
    "0",
];

/// Every fixture workspace of the related rules: its files, named as in the folder.
static WORKSPACES: LazyLock<Vec<Vec<(String, String)>>> = LazyLock::new(|| {
    // A rule's fixture is a folder (a workspace) exactly when the rule relates files: every
    // such folder, of every kind and rule.
    let fixtures = common::workspace().join("crates/core/tests/fixtures");
    let sorted = |dir: &Path| {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.sort();
        paths
    };
    let mut out = Vec::new();
    for kind in sorted(&fixtures) {
        for rule in sorted(&kind) {
            for state in ["ok", "err"] {
                for folder in sorted(&rule.join(state)).into_iter().filter(|p| p.is_dir()) {
                    out.push(common::files_below(&folder));
                }
            }
        }
    }
    assert!(
        out.len() >= 20,
        "only {} fixture workspaces found",
        out.len()
    );
    out
});

#[derive(Debug, Clone)]
enum Edit {
    Insert {
        file: usize,
        at: usize,
        piece: &'static str,
    },
    Delete {
        file: usize,
        at: usize,
        len: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), select(PIECES))
            .prop_map(|(file, at, piece)| Edit::Insert { file, at, piece }),
        (any::<usize>(), any::<usize>(), 1usize..40).prop_map(|(file, at, len)| Edit::Delete {
            file,
            at,
            len
        }),
    ]
}

fn floor(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn apply(files: &mut [(String, String)], edit: &Edit) {
    if files.is_empty() {
        return;
    }
    let n = files.len();
    match *edit {
        Edit::Insert { file, at, piece } => {
            let text = &mut files[file % n].1;
            let at = floor(text, at % (text.len() + 1));
            text.insert_str(at, piece);
        }
        Edit::Delete { file, at, len } => {
            let text = &mut files[file % n].1;
            let start = floor(text, at % (text.len() + 1));
            let end = floor(text, start + len);
            text.replace_range(start..end, "");
        }
    }
}

fn assert_inside(files: &[(String, String)], file: usize, span: Span, code: &str) {
    let (name, text) = files
        .get(file)
        .expect("a finding's file is one of the workspace's");
    assert!(
        span.end() <= text.len() && span.start() <= span.end(),
        "{code}: {span:?} outside `{name}` ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{code}: {span:?} splits a character of `{name}`"
    );
}

proptest! {
    #[test]
    fn mutated_workspaces_relate_with_places_inside_their_files(
        pick in any::<usize>(),
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let mut files = WORKSPACES[pick % WORKSPACES.len()].clone();
        for e in &edits {
            apply(&mut files, e);
        }
        let ws = Workspace::check(files.clone());
        for r in &ws.related {
            let code = r.diagnostic.code;
            assert_inside(&files, r.file, r.diagnostic.span, code);
            for label in &r.diagnostic.labels {
                assert_inside(&files, r.file, label.span, code);
            }
            for label in &r.elsewhere {
                assert_inside(&files, label.file, label.span, code);
            }
        }
        // The same files relate the same way.
        let again = Workspace::check(files);
        let key = |w: &Workspace| {
            w.related
                .iter()
                .map(|r| (r.file, r.diagnostic.code, r.diagnostic.span, r.diagnostic.message.clone()))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(key(&ws), key(&again));
    }
}
