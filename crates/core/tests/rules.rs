//! Fixture tests: `fixtures/<kind>/<CODE>/ok/*` must not trigger `<CODE>`, `fixtures/<kind>/
//! <CODE>/err/*` must, and the rendered findings of each err fixture are snapshotted.

mod common;

use std::path::Path;

use cicd_core::diagnostic::render::{HumanOptions, human};
use cicd_core::registry;

/// The code a fixture's folder names (`<kind>/<CODE>/<ok|err>/<file or workspace folder>`).
fn code_of(path: &Path) -> String {
    let code = path
        .parent()
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .expect("fixture path shape: <kind>/<CODE>/<ok|err>/<file>")
        .to_string();
    assert!(
        registry::rule(&code).is_some(),
        "fixture folder {} names no known rule",
        path.display()
    );
    code
}

fn fixture(path: &Path) -> (String, String, Vec<cicd_core::Diagnostic>) {
    let code = code_of(path);
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let bytes = std::fs::read(path).expect("read fixture");
    let (text, diags) = common::diagnostics(&code, ext, &bytes);
    (code, text, diags)
}

#[test]
fn ok_fixtures_do_not_trigger_their_rule() {
    insta::glob!("fixtures/*/*/ok/*", |path| {
        if path.is_dir() {
            let code = code_of(path);
            let workspace = common::Workspace::from_dir(path);
            assert_eq!(
                workspace.count(&code),
                0,
                "{} triggers {code}:\n{}",
                path.display(),
                workspace.render(&code)
            );
            return;
        }
        let (code, _, diags) = fixture(path);
        let hits: Vec<_> = diags.iter().filter(|d| d.code == code).collect();
        assert!(
            hits.is_empty(),
            "{} triggers {code}: {hits:#?}",
            path.display()
        );
    });
}

#[test]
fn err_fixtures_trigger_their_rule() {
    insta::glob!("fixtures/*/*/err/*", |path| {
        // A folder is a workspace: its files are checked together and related.
        if path.is_dir() {
            let code = code_of(path);
            let workspace = common::Workspace::from_dir(path);
            assert!(
                workspace.count(&code) > 0,
                "{} does not trigger {code}",
                path.display()
            );
            insta::assert_snapshot!(workspace.render(&code));
            return;
        }
        let (code, text, diags) = fixture(path);
        let hits: Vec<_> = diags.into_iter().filter(|d| d.code == code).collect();
        assert!(
            !hits.is_empty(),
            "{} does not trigger {code}",
            path.display()
        );
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("fixture");
        let rendered = human(&hits, &text, name, HumanOptions::default());
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn fixture_folders_name_known_rules_in_the_right_kind() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for kind_dir in std::fs::read_dir(&root).expect("fixtures folder") {
        let kind_dir = kind_dir.expect("entry").path();
        for code_dir in std::fs::read_dir(&kind_dir).expect("kind folder") {
            let code_dir = code_dir.expect("entry").path();
            let code = code_dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
            assert!(
                registry::rule(code).is_some(),
                "{} names no known rule",
                code_dir.display()
            );
            let expected = common::kind_dir(code);
            let actual = kind_dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
            assert_eq!(
                actual,
                expected,
                "{} is in the wrong kind folder",
                code_dir.display()
            );
        }
    }
}
