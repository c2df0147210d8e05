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
                "SRC" | "BS" | "AS" | "IAM" | "CP" | "DEP" | "GHA" | "ECS" | "IMG"
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

/// Every rule is registered once, in the kind table, and declared in a file of its own inside
/// its kind's `rules/` folder (`declare_rule!` always declares `RULE`, so a file cannot declare
/// two; `rule_modules!` registers a kind's rule files, so a declared rule file is registered).
#[test]
fn every_rule_is_registered_once_in_a_file_of_its_own() {
    let rules = registry::all();
    let mut files = HashSet::new();
    for rule in &rules {
        let Some(file) = rule.file() else {
            // Release builds record no source files; the pointer check below still runs.
            continue;
        };
        assert!(
            files.insert(file),
            "{} shares its file {} with another rule",
            rule.code,
            file
        );
        let folder = match registry::kind_of(rule.code) {
            Some(kind) => format!("/{}/rules/", kind_module(kind.id())),
            None => "/source/rules/".to_string(),
        };
        assert!(
            file.replace('\\', "/").contains(&folder),
            "{} is declared in {}, outside {folder}",
            rule.code,
            file
        );
    }
    let pointers: HashSet<*const cicd_core::rule::Rule> =
        rules.iter().map(|r| std::ptr::from_ref(*r)).collect();
    assert_eq!(pointers.len(), rules.len(), "a rule is registered twice");
}

/// The module folder of a kind (`trust-policy` → `trust_policy`).
fn kind_module(id: &str) -> String {
    id.replace('-', "_")
}
