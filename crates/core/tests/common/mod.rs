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
