//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use cicd_core::diagnostic::Diagnostic;
use cicd_core::source::{self, Limits};
use cicd_core::{Kind, Options, registry};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The folder name of fixtures of a code's kind (`source` for the shared SRC rules).
pub fn kind_dir(code: &str) -> &'static str {
    match registry::kind_of(code) {
        Some(kind) => kind.id(),
        None => "source",
    }
}

/// Runs what a code's rules run on: the kind's checker, or for SRC rules the parser chosen by
/// the code block language / file extension (`json` → JSON, anything else → YAML).
pub fn diagnostics(code: &str, lang_or_ext: &str, bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    match registry::kind_of(code) {
        Some(kind) => {
            let (text, diags) = cicd_core::check_bytes(kind, bytes, &Options::default())
                .unwrap_or_else(|e| panic!("{e}"));
            (text, diags)
        }
        None => {
            let format = if lang_or_ext == "json" {
                source::Format::Json
            } else {
                source::Format::Yaml
            };
            cicd_core::check_syntax(format, bytes, &Limits::default())
        }
    }
}

/// Which kind a fixture folder name designates.
pub fn kind_of_dir(dir: &str) -> Option<Kind> {
    Kind::from_id(dir)
}

/// A workspace of files, each analysed as the kind its name (then its content) says, and
/// related: what the CLI's `check` of several files and the playground's workspace report.
pub struct Workspace {
    /// `(name, text)` of each file.
    pub files: Vec<(String, String)>,
    /// Each file's own diagnostics, by file index.
    pub diagnostics: Vec<(usize, Diagnostic)>,
    /// The findings relating files.
    pub related: Vec<cicd_core::related::Related>,
}

impl Workspace {
    /// Checks named texts.
    pub fn check(files: Vec<(String, String)>) -> Workspace {
        let analyses: Vec<Option<cicd_core::Analysis>> = files
            .iter()
            .map(|(name, text)| {
                let kind = Kind::detect(Some(name), text).filter(|k| k.is_supported())?;
                cicd_core::analyze(kind, text, &Options::default()).ok()
            })
            .collect();
        let mut diagnostics = Vec::new();
        let mut members = Vec::new();
        let mut index_of = Vec::new();
        for (i, (name, a)) in files.iter().map(|(n, _)| n).zip(&analyses).enumerate() {
            if let Some(a) = a {
                diagnostics.extend(a.diagnostics.iter().cloned().map(|d| (i, d)));
                members.push(cicd_core::related::WorkspaceFile { name, analysis: a });
                index_of.push(i);
            }
        }
        let related = cicd_core::related::relate(&members)
            .into_iter()
            .map(|mut r| {
                r.file = index_of.get(r.file).copied().unwrap_or(r.file);
                for l in &mut r.elsewhere {
                    l.file = index_of.get(l.file).copied().unwrap_or(l.file);
                }
                r
            })
            .collect();
        Workspace {
            files,
            diagnostics,
            related,
        }
    }

    /// Checks every file below a folder (names relative to it, with `/`).
    pub fn from_dir(dir: &Path) -> Workspace {
        Workspace::check(files_below(dir))
    }

    /// Every diagnostic with `code`: the files' own, then the related ones.
    pub fn count(&self, code: &str) -> usize {
        self.diagnostics
            .iter()
            .filter(|(_, d)| d.code == code)
            .count()
            + self
                .related
                .iter()
                .filter(|r| r.diagnostic.code == code)
                .count()
    }

    /// The findings with `code`, rendered as code frames.
    pub fn render(&self, code: &str) -> String {
        use cicd_core::diagnostic::render::{HumanOptions, NamedText, human, human_related};
        let mut out = String::new();
        for (i, (name, text)) in self.files.iter().enumerate() {
            let mine: Vec<Diagnostic> = self
                .diagnostics
                .iter()
                .filter(|(f, d)| *f == i && d.code == code)
                .map(|(_, d)| d.clone())
                .collect();
            out.push_str(&human(&mine, text, name, HumanOptions::default()));
        }
        let related: Vec<_> = self
            .related
            .iter()
            .filter(|r| r.diagnostic.code == code)
            .cloned()
            .collect();
        let named: Vec<NamedText<'_>> = self
            .files
            .iter()
            .map(|(name, text)| NamedText { name, text })
            .collect();
        out.push_str(&human_related(&related, &named, HumanOptions::default()));
        out
    }
}

/// Every file below a folder, sorted, as (name relative to it with `/`, text).
pub fn files_below(dir: &Path) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p
                .strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            (name, std::fs::read_to_string(p).expect("read file"))
        })
        .collect()
}
