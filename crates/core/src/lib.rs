//! CI/CD Playground core: AWS CI/CD configuration parsed with spans, validated by documented
//! rules, and simulated deterministically.
//!
//! Layers depend downward only: [`source`] (text → spanned tree), [`diagnostic`] and [`rule`]
//! (the finding model), [`schema`] (generic structural checks), then one module per kind
//! ([`buildspec`], [`appspec`], [`policy`]). The core does no I/O and never prints; the CLI and the web app are thin
//! adapters over [`check`].

#![cfg_attr(
    not(test),
    warn(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod appspec;
pub mod buildspec;
pub mod diagnostic;
pub mod kind;
pub mod policy;
pub mod registry;
pub mod rule;
pub mod schema;
pub mod source;
pub mod suggest;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use kind::Kind;
pub use source::{LineIndex, Span};

use source::{Format, Limits};

/// Options for [`check`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Buildspec options (the CodeBuild image).
    pub buildspec: buildspec::Options,
    /// Parsing bounds.
    pub limits: Limits,
}

/// Why a file could not be checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// The kind has no validator yet.
    Unsupported(Kind),
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::Unsupported(kind) => {
                write!(
                    f,
                    "checking {} files ({}) is not implemented yet",
                    kind.title(),
                    kind.id()
                )
            }
        }
    }
}

impl std::error::Error for CheckError {}

/// The syntax a kind is read with: JSON for IAM policies and pipelines, YAML for buildspecs and
/// workflows, and for AppSpecs whichever the text is (ECS and Lambda AppSpecs may be JSON).
pub fn format_for(kind: Kind, text: &str) -> Format {
    match kind {
        Kind::Buildspec | Kind::Workflow => Format::Yaml,
        Kind::TrustPolicy | Kind::Pipeline => Format::Json,
        Kind::Appspec => {
            if source::looks_like_json(text) {
                Format::Json
            } else {
                Format::Yaml
            }
        }
    }
}

/// Checks `text` as a file of `kind`: syntax diagnostics and rule findings, sorted by position.
pub fn check(kind: Kind, text: &str, options: &Options) -> Result<Vec<Diagnostic>, CheckError> {
    if !kind.is_supported() {
        return Err(CheckError::Unsupported(kind));
    }
    let doc = match format_for(kind, text) {
        Format::Yaml => source::parse_yaml(text, &options.limits),
        Format::Json => source::parse_json(text, &options.limits),
    };
    let mut diagnostics = doc.diagnostics.clone();
    match kind {
        Kind::Buildspec => diagnostics.extend(buildspec::check(&doc, text, &options.buildspec)),
        Kind::Appspec => diagnostics.extend(appspec::check(&doc, text)),
        Kind::TrustPolicy => diagnostics.extend(policy::check(&doc, text)),
        Kind::Pipeline | Kind::Workflow => {}
    }
    diagnostic::sort(&mut diagnostics);
    Ok(diagnostics)
}

/// Like [`check`] for raw bytes: invalid UTF-8 is reported and the rest is still checked.
/// Returns the text that was checked (spans refer to it) and the diagnostics.
pub fn check_bytes(
    kind: Kind,
    bytes: &[u8],
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), CheckError> {
    let (text, mut encoding) = source::decode(bytes);
    let mut diagnostics = check(kind, &text, options)?;
    diagnostics.append(&mut encoding);
    diagnostic::sort(&mut diagnostics);
    Ok((text.into_owned(), diagnostics))
}
