//! The rule registry: codes unique, every rule documented and with fixtures, and every rule
//! declared in the source registered.

mod common;

use std::collections::HashSet;
use std::path::Path;

use cicd_core::registry;

#[test]
fn codes_and_names_are_unique() {
    let rules = registry::all();
    let codes: HashSet<_> = rules.iter().map(|r| r.code).collect();
    let names: HashSet<_> = rules.iter().map(|r| r.name).collect();
    assert_eq!(codes.len(), rules.len(), "duplicate rule code");
    assert_eq!(names.len(), rules.len(), "duplicate rule name");
}

#[test]
fn codes_carry_their_kind_prefix() {
    for rule in registry::all() {
        let prefix: String = rule
            .code
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let digits = &rule.code[prefix.len()..];
        assert!(
            matches!(
                prefix.as_str(),
                "SRC" | "BS" | "AS" | "IAM" | "CP" | "DEP" | "GHA"
            ),
            "{}",
            rule.code
        );
        assert_eq!(digits.len(), 3, "{}: three digits", rule.code);
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{}: kebab-case name",
            rule.name
        );
    }
}

#[test]
fn every_rule_has_all_doc_sections() {
    for rule in registry::all() {
        let md = rule.markdown();
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "Use instead:",
            "## References",
        ] {
            assert!(md.contains(section), "{} lacks `{section}`", rule.code);
        }
        assert!(
            !rule.summary().is_empty(),
            "{} has an empty summary",
            rule.code
        );
    }
}

#[test]
fn every_rule_has_ok_and_err_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for rule in registry::all() {
        let dir = root.join(common::kind_dir(rule.code)).join(rule.code);
        for sub in ["ok", "err"] {
            let n = std::fs::read_dir(dir.join(sub))
                .map(|d| d.count())
                .unwrap_or(0);
            assert!(
                n > 0,
                "{} has no {sub} fixture in {}",
                rule.code,
                dir.join(sub).display()
            );
        }
    }
}

/// A rule declared but missing from the registry would silently never be documented or tested.
#[test]
fn every_declared_rule_is_registered() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut declared = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                for line in text.lines() {
                    let line = line.trim();
                    if line.starts_with("pub static")
                        && line.contains("= { code: \"")
                        && let Some(code) = line
                            .split("code: \"")
                            .nth(1)
                            .and_then(|r| r.split('"').next())
                    {
                        declared.push(code.to_string());
                    }
                }
            }
        }
    }
    assert!(
        declared.len() > 40,
        "found only {} declarations",
        declared.len()
    );
    for code in &declared {
        assert!(
            registry::rule(code).is_some(),
            "{code} is declared but not registered"
        );
    }
    assert_eq!(
        declared.len(),
        registry::all().len(),
        "registry lists rules that are not declared with declare_rule!"
    );
}
