//! Docs are tests: each rule's "Example" must trigger the rule and its "Use instead" must not;
//! and the published pages must match the registry — the markdown pages under `docs/rules/` and
//! the HTML fragments the playground fetches from `www/rules/` (regenerate both with
//! `CICD_BLESS=1 cargo test -p cicd-core --test docs`).

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
        // Blocks whose info string names a file (```yaml .github/workflows/deploy.yml```) form
        // one workspace, checked together and related.
        let named = |blocks: &[(String, String)]| -> Vec<(String, String)> {
            blocks
                .iter()
                .filter_map(|(info, code)| {
                    let name = info.split_whitespace().nth(1)?;
                    Some((name.to_string(), code.clone()))
                })
                .collect()
        };
        let (bad_files, good_files) = (named(&bad), named(&good));
        if !bad_files.is_empty() || !good_files.is_empty() {
            let w = common::Workspace::check(bad_files);
            assert!(
                w.count(rule.code) > 0,
                "{}: the example workspace does not trigger it",
                rule.code
            );
            let w = common::Workspace::check(good_files);
            assert_eq!(
                w.count(rule.code),
                0,
                "{}: the `Use instead` workspace triggers it:\n{}",
                rule.code,
                w.render(rule.code)
            );
            continue;
        }
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

/// The body of a rule's page as an HTML fragment for the playground (links open in a new tab),
/// after a first line the playground reads its header from (the shell holds no rule table):
/// `<!-- rule CODE name severity -->`.
fn html_fragment(rule: &cicd_core::rule::Rule) -> String {
    let markdown = rule.markdown();
    let mut html = format!(
        "<!-- rule {} {} {} -->\n",
        rule.code,
        rule.name,
        rule.severity.as_str()
    );
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&markdown));
    html.replace(
        "<a href=\"",
        "<a target=\"_blank\" rel=\"noopener noreferrer\" href=\"",
    )
}

/// Compares (or with CICD_BLESS writes) a folder of generated files.
fn check_folder(dir: &std::path::Path, expected: &[(String, String)]) {
    let bless = std::env::var_os("CICD_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(dir).expect("create folder");
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                std::fs::remove_file(e.path()).expect("remove stale page");
            }
        }
    }
    for (name, content) in expected {
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
    let on_disk = std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(
        on_disk,
        expected.len(),
        "{} holds pages of rules that no longer exist",
        dir.display()
    );
}

#[test]
fn published_pages_are_current() {
    let mut pages = vec![("README.md".to_string(), index_page())];
    let mut fragments = Vec::new();
    for rule in registry::all() {
        pages.push((format!("{}.md", rule.code), registry::page(rule)));
        fragments.push((format!("{}.html", rule.code), html_fragment(rule)));
    }
    check_folder(&common::workspace().join("docs/rules"), &pages);
    check_folder(&common::workspace().join("www/rules"), &fragments);
}

/// Rules whose consequence in AWS is not documented (the reference says "unconfirmed"): each is a
/// warning, and its page says the outcome is unconfirmed instead of stating one. BS025 and BS061
/// once claimed, at error severity, what CodeBuild does with an unknown value ("CodeBuild cannot
/// read the phase", "the report group stays empty") with no source; BS030 called a misplaced key
/// "ignored" without one.
#[test]
fn unconfirmed_consequences_are_warnings_that_say_so() {
    for code in ["BS025", "BS061", "BS030"] {
        let rule = registry::rule(code).expect("registered");
        assert_eq!(
            rule.severity,
            cicd_core::Severity::Warning,
            "{code}: an unconfirmed outcome is a warning"
        );
        let why = rule.docs.split("## Why is this bad?").nth(1).unwrap_or("");
        assert!(
            why.to_lowercase().contains("unconfirmed"),
            "{code}: the page's \"Why is this bad?\" must say the outcome is unconfirmed"
        );
    }
    for claim in [
        "CodeBuild cannot read the phase",
        "the report group stays empty",
    ] {
        assert!(
            registry::all().iter().all(|r| !r.docs.contains(claim)),
            "an unsourced claim is back: {claim:?}"
        );
    }
}
