//! Rules live where they fire: every diagnostic the checkers report on every fixture, example and
//! corpus file was created in the file that declares its rule. Diagnostics record the file that
//! created them in debug builds (`#[track_caller]` on `Rule::at`); this test reads those sites.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cicd_core::registry;

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_below(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "emission sites are recorded in debug builds only"
)]
fn every_diagnostic_is_created_in_its_rules_file() {
    let root = common::workspace();
    let mut inputs: Vec<(String, PathBuf)> = Vec::new();
    // Fixtures: run as their folder's code says (the SRC rules through the syntax check).
    let mut fixtures = Vec::new();
    let mut workspaces = Vec::new();
    files_below(&root.join("crates/core/tests/fixtures"), &mut fixtures);
    // A fixture folder inside `ok/` or `err/` is a workspace: its files are checked together.
    fixtures.retain(|p| {
        let Some(ws) = p.ancestors().find(|a| {
            a.parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == "ok" || n == "err")
        }) else {
            return true;
        };
        if ws == p.as_path() {
            return true;
        }
        if !workspaces.iter().any(|w: &PathBuf| w == ws) {
            workspaces.push(ws.to_path_buf());
        }
        false
    });
    for path in fixtures {
        let code = path
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        inputs.push((code, path));
    }
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    // (code, site) → an input where it happened.
    let mut wrong: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut check = |file: &str, diags: &[cicd_core::Diagnostic]| {
        for d in diags {
            let rule = registry::rule(d.code)
                .unwrap_or_else(|| panic!("{file}: {} is reported but not registered", d.code));
            let site = d.site.file().expect("debug builds record the site");
            let file = rule.file().expect("debug builds record the rule's file");
            if site.replace('\\', "/") != file.replace('\\', "/") {
                wrong
                    .entry((d.code.to_string(), site.to_string()))
                    .or_insert_with(|| file.to_string());
            }
            *seen.entry(rule.code).or_default() += 1;
        }
    };
    for (code, path) in &inputs {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let bytes = std::fs::read(path).expect("read fixture");
        let (_, diags) = common::diagnostics(code, ext, &bytes);
        check(&path.display().to_string(), &diags);
    }
    for ws in &workspaces {
        let w = common::Workspace::from_dir(ws);
        let diags: Vec<cicd_core::Diagnostic> = w
            .diagnostics
            .iter()
            .map(|(_, d)| d.clone())
            .chain(w.related.iter().map(|r| r.diagnostic.clone()))
            .collect();
        check(&ws.display().to_string(), &diags);
    }
    // Examples and the corpus, as their kind.
    let mut others = Vec::new();
    files_below(&root.join("examples"), &mut others);
    for kind in cicd_core::Kind::ALL.iter().filter(|k| k.is_supported()) {
        let mut corpus = Vec::new();
        files_below(&root.join("tests/corpus").join(kind.id()), &mut corpus);
        for path in corpus {
            let bytes = std::fs::read(&path).expect("read corpus file");
            let (_, diags) =
                cicd_core::check_bytes(*kind, &bytes, &Default::default()).expect("checked kind");
            check(&path.display().to_string(), &diags);
        }
    }
    for path in others {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(kind) = cicd_core::Kind::detect(Some(&path.to_string_lossy()), &text)
            .filter(|k| k.is_supported())
        {
            let diags = cicd_core::check(kind, &text, &Default::default()).expect("checked kind");
            check(&path.display().to_string(), &diags);
        }
    }
    let report: Vec<String> = wrong
        .iter()
        .map(|((code, site), file)| format!("{code} created in {site} (e.g. {file})"))
        .collect();
    assert!(
        report.is_empty(),
        "{} diagnostics created outside their rule's file:\n{}",
        report.len(),
        report.join("\n")
    );
    // Every rule fired somewhere, so every rule's emission sites were checked.
    let silent: Vec<&str> = registry::all()
        .iter()
        .map(|r| r.code)
        .filter(|c| !seen.contains_key(c))
        .collect();
    assert!(silent.is_empty(), "rules that never fired: {silent:?}");
}
