//! Every fix does what it says: applied on its own to the file it was offered for (every fixture,
//! example and corpus file), the result still parses, the diagnostic it fixes is gone, and no new
//! error appears. And the broken examples offer a fix for every finding whose correction is
//! certain: the findings that need a person's choice are listed here, so the count cannot drop
//! unnoticed.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cicd_core::source::{Format, Limits};
use cicd_core::{Diagnostic, Kind, LineIndex, Options, Severity, registry};

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

/// How a file is checked: as a kind, or (the `SRC` fixtures) by the readers alone.
#[derive(Clone, Copy, Debug)]
enum Checker {
    Kind(Kind),
    Syntax(Format),
}

impl Checker {
    fn run(self, text: &str) -> Vec<Diagnostic> {
        match self {
            Checker::Kind(kind) => {
                cicd_core::check(kind, text, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
            }
            Checker::Syntax(format) => {
                cicd_core::check_syntax(format, text.as_bytes(), &Limits::default()).1
            }
        }
    }
}

/// Every file a fix may be offered for, with how it is checked.
fn inputs() -> Vec<(PathBuf, Checker)> {
    let root = common::workspace();
    let mut out = Vec::new();
    let mut fixtures = Vec::new();
    files_below(&root.join("crates/core/tests/fixtures"), &mut fixtures);
    for path in fixtures {
        let code = path
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let checker = match registry::kind_of(code) {
            Some(kind) => Checker::Kind(kind),
            None if path.extension().is_some_and(|e| e == "json") => Checker::Syntax(Format::Json),
            None => Checker::Syntax(Format::Yaml),
        };
        out.push((path, checker));
    }
    for kind in Kind::ALL.iter().filter(|k| k.is_supported()) {
        let mut corpus = Vec::new();
        files_below(&root.join("tests/corpus").join(kind.id()), &mut corpus);
        out.extend(corpus.into_iter().map(|p| (p, Checker::Kind(*kind))));
    }
    let mut examples = Vec::new();
    files_below(&root.join("examples"), &mut examples);
    for path in examples {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(kind) =
            Kind::detect(Some(&path.to_string_lossy()), &text).filter(|k| k.is_supported())
        {
            out.push((path, Checker::Kind(kind)));
        }
    }
    out
}

/// How many diagnostics say each (code, message).
fn tally<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> BTreeMap<(&'a str, String), usize> {
    let mut out = BTreeMap::new();
    for d in diags {
        *out.entry((d.code, d.message.clone())).or_default() += 1;
    }
    out
}

/// Errors a fix may bring to light, because after it the checker sees what AWS would see: a hook
/// renamed to its documented case is then read as that event (`install` becomes `Install`, which
/// CodeDeploy runs itself).
const REVEALED: &[(&str, &str)] = &[("AS040", "is run by CodeDeploy itself")];

#[test]
fn every_fix_applies_cleanly_and_fixes_its_diagnostic() {
    let mut problems = Vec::new();
    let mut fixes = 0;
    for (path, checker) in inputs() {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        // Files that are not UTF-8 are checked as decoded; fixes apply to that text.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let before = checker.run(&text);
        let errors_before = tally(before.iter().filter(|d| d.severity == Severity::Error));
        let index = LineIndex::new(&text);
        for d in &before {
            let Some(fix) = &d.fix else { continue };
            fixes += 1;
            let at = index.position(&text, d.span.start());
            let name = format!(
                "{}:{}:{} {} ({})",
                path.strip_prefix(common::workspace())
                    .unwrap_or(&path)
                    .display(),
                at.line,
                at.column,
                d.code,
                fix.title
            );
            let Some(fixed) = fix.apply(&text) else {
                problems.push(format!("{name}: the fix does not fit the text"));
                continue;
            };
            let one = fix
                .as_one_edit(&text)
                .expect("a fix that applies collapses");
            assert_eq!(
                cicd_core::source::edit::apply(&text, &[one]).as_deref(),
                Some(fixed.as_str()),
                "{name}: the single-edit form differs"
            );
            let after = checker.run(&fixed);
            let same = |x: &Diagnostic| x.code == d.code && x.message == d.message;
            if after.iter().filter(|x| same(x)).count() >= before.iter().filter(|x| same(x)).count()
            {
                problems.push(format!(
                    "{name}: `{}` is still reported after the fix\n--- fixed text:\n{fixed}",
                    d.message
                ));
            }
            for ((code, message), n) in
                tally(after.iter().filter(|x| x.severity == Severity::Error))
            {
                let was = errors_before
                    .get(&(code, message.clone()))
                    .copied()
                    .unwrap_or(0);
                let revealed = REVEALED
                    .iter()
                    .any(|(c, m)| *c == code && message.contains(m));
                if n > was && !revealed {
                    problems.push(format!(
                        "{name}: new error {code} `{message}`\n--- fixed text:\n{fixed}"
                    ));
                }
            }
        }
    }
    assert!(fixes > 0, "no fix was offered anywhere");
    assert!(
        problems.is_empty(),
        "{} of {fixes} fixes are wrong:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
