//! Docs are tests: each rule's "Example" must trigger the rule and its "Use instead" must not;
//! and the published pages under `docs/rules/` must match the registry
//! (regenerate with `CICD_BLESS=1 cargo test -p cicd-core --test docs`).

mod common;

use cicd_core::registry;
use cicd_core::rule::DocSection;

/// Rules whose bad example cannot be written in a markdown page (invalid bytes, megabytes).
const NO_RUNNABLE_EXAMPLE: &[&str] = &["SRC004", "SRC007"];

#[test]
fn examples_trigger_and_fixes_do_not() {
    for rule in registry::all() {
        let bad = rule.code_blocks(DocSection::Example);
        let good = rule.code_blocks(DocSection::UseInstead);
        if NO_RUNNABLE_EXAMPLE.contains(&rule.code) {
            assert!(
                bad.is_empty(),
                "{} has a runnable example now: remove it from NO_RUNNABLE_EXAMPLE",
                rule.code
            );
        } else {
            assert!(!bad.is_empty(), "{} has no example code block", rule.code);
        }
        assert!(
            !good.is_empty(),
            "{} has no `Use instead` code block",
            rule.code
        );
        for (lang, code) in &bad {
            let (_, diags) = common::diagnostics(rule.code, lang, code.as_bytes());
            assert!(
                diags.iter().any(|d| d.code == rule.code),
                "{}: the example does not trigger it:\n{code}\n{diags:#?}",
                rule.code
            );
        }
        for (lang, code) in &good {
            let (_, diags) = common::diagnostics(rule.code, lang, code.as_bytes());
            let hits: Vec<_> = diags.iter().filter(|d| d.code == rule.code).collect();
            assert!(
                hits.is_empty(),
                "{}: the `Use instead` code triggers it:\n{code}\n{hits:#?}",
                rule.code
            );
        }
    }
}

fn index_page() -> String {
    let mut out = String::from(
        "# Rules\n\nEvery rule of CI/CD Playground and the `cicd` command. Generated from the rule sources by\n`CICD_BLESS=1 cargo test -p cicd-core --test docs`; do not edit by hand.\n\n| Code | Name | Severity | What it does |\n|---|---|---|---|\n",
    );
    for rule in registry::all() {
        out.push_str(&format!(
            "| [{code}]({code}.md) | `{}` | {} | {} |\n",
            rule.name,
            rule.severity.as_str(),
            rule.summary().replace('|', "\\|"),
            code = rule.code
        ));
    }
    out
}

#[test]
fn published_pages_are_current() {
    let dir = common::workspace().join("docs/rules");
    let bless = std::env::var_os("CICD_BLESS").is_some();
    let mut expected = vec![("README.md".to_string(), index_page())];
    for rule in registry::all() {
        expected.push((format!("{}.md", rule.code), registry::page(rule)));
    }
    if bless {
        std::fs::create_dir_all(&dir).expect("create docs/rules");
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                std::fs::remove_file(e.path()).expect("remove stale page");
            }
        }
    }
    for (name, content) in &expected {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, content).expect("write page");
        } else {
            let actual = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                actual == *content,
                "{} is stale: run `CICD_BLESS=1 cargo test -p cicd-core --test docs`",
                path.display()
            );
        }
    }
    let on_disk = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(
        on_disk,
        expected.len(),
        "docs/rules holds pages of rules that no longer exist"
    );
}
