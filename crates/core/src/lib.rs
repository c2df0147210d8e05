//! CI/CD Playground core: AWS CI/CD configuration parsed with spans, validated by documented
//! rules, and simulated deterministically.
//!
//! Layers depend downward only: [`source`] (text → spanned tree), [`diagnostic`] and [`rule`]
//! (the finding model), [`schema`] (generic structural lowering), then one module per kind,
//! listed in the kind table ([`kinds`]). The core does no I/O and never prints; the CLI and the
//! web app are thin adapters over [`analyze`].

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
#[cfg(feature = "complete")]
pub mod complete;
pub mod deployment;
pub mod deployment_config;
pub mod deployment_group;
pub mod diagnostic;
pub mod image_definitions;
#[cfg(feature = "json-schema")]
pub mod json_schema;
pub mod kinds;
pub mod pipeline;
pub mod registry;
pub mod related;
pub mod report;
pub mod rule;
pub mod schema;
pub mod source;
pub mod suggest;
pub mod task_definition;
pub mod trust_policy;
pub mod workflow;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use kinds::{Kind, Model};
pub use source::{LineIndex, Span};

use std::borrow::Cow;

use source::{Document, Format, Limits, SyntaxCx, SyntaxIssue};

/// Options for [`analyze`] and [`check`].
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

/// The syntax `text` is read with as a file of `kind`.
pub fn format_for(kind: Kind, text: &str) -> Format {
    match kind.info().formats {
        kinds::Formats::Yaml => Format::Yaml,
        kinds::Formats::Json => Format::Json,
        kinds::Formats::YamlOrJson => {
            if source::looks_like_json(text) {
                Format::Json
            } else {
                Format::Yaml
            }
        }
    }
}

/// Everything one analysis of a file found: the parsed document, the kind's model lowered from
/// it, and every diagnostic (syntax and rules), sorted by position. Front ends derive all they
/// show from it: the problems list, and the simulators' and evaluators' input (the model).
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The kind the file was analysed as.
    pub kind: Kind,
    /// The parsed document.
    pub document: Document,
    /// The kind's typed model.
    pub model: Model,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Whether the text could be read at all (`false` after a syntax error that left nothing).
    pub fn readable(&self) -> bool {
        !self.document.root.is_invalid()
    }
}

/// Analyses `text` as a file of `kind`: parses it once, lowers it once into the kind's model, and
/// runs the syntax rules and the kind's rules.
pub fn analyze(kind: Kind, text: &str, options: &Options) -> Result<Analysis, CheckError> {
    analyze_with(kind, text, options, &[], None)
}

/// Like [`analyze`] for a new version of a text analysed before: `previous_text` is that text and
/// `previous` the document its analysis read (owned, it is changed where it is; borrowed, it is
/// copied). When the edit between the two texts stays inside one line's plain scalar (typing in a
/// command or a value), the document is made from the previous one instead of reading the whole
/// text again ([`source::reparse_yaml`]); the analysis is the same as [`analyze`]'s either way.
pub fn analyze_edited(
    kind: Kind,
    text: &str,
    options: &Options,
    previous_text: &str,
    previous: Cow<'_, Document>,
) -> Result<Analysis, CheckError> {
    analyze_with(kind, text, options, &[], Some((previous_text, previous)))
}

/// Whether [`analyze_edited`] of `text`, from `previous_text` and its document `previous`, would
/// make the document from the previous one (a quick analysis) rather than read the whole text.
pub fn reparses(
    kind: Kind,
    text: &str,
    options: &Options,
    previous_text: &str,
    previous: &Document,
) -> bool {
    kind.is_supported()
        && format_for(kind, text) == Format::Yaml
        && source::reparses(previous_text, previous, text, &options.limits)
}

fn analyze_with(
    kind: Kind,
    text: &str,
    options: &Options,
    decoding: &[SyntaxIssue],
    previous: Option<(&str, Cow<'_, Document>)>,
) -> Result<Analysis, CheckError> {
    if !kind.is_supported() {
        return Err(CheckError::Unsupported(kind));
    }
    let document = match format_for(kind, text) {
        Format::Yaml => previous
            .and_then(|(old_text, old)| match old {
                Cow::Borrowed(old) => source::reparse_yaml(old_text, old, text, &options.limits),
                Cow::Owned(mut doc) => {
                    source::reparse_yaml_in_place(old_text, &mut doc, text, &options.limits)
                        .then_some(doc)
                }
            })
            .unwrap_or_else(|| source::parse_yaml(text, &options.limits)),
        Format::Json => source::parse_json(text, &options.limits),
    };
    let mut diagnostics = Vec::new();
    let issues: Vec<SyntaxIssue> = decoding.iter().chain(&document.issues).cloned().collect();
    source::rules::run(&SyntaxCx { issues: &issues }, &mut diagnostics);
    let model = kinds::analyze_as(kind, text, &document, options, &mut diagnostics)
        .ok_or(CheckError::Unsupported(kind))?;
    diagnostic::sort(&mut diagnostics);
    Ok(Analysis {
        kind,
        document,
        model,
        diagnostics,
    })
}

/// Checks `text` as a file of `kind`: syntax diagnostics and rule findings, sorted by position.
pub fn check(kind: Kind, text: &str, options: &Options) -> Result<Vec<Diagnostic>, CheckError> {
    analyze(kind, text, options).map(|a| a.diagnostics)
}

/// Like [`analyze`] for raw bytes: invalid UTF-8 is reported and the rest is still checked.
/// Returns the text that was analysed (spans refer to it) and the analysis.
pub fn analyze_bytes(
    kind: Kind,
    bytes: &[u8],
    options: &Options,
) -> Result<(String, Analysis), CheckError> {
    let (text, decoding) = source::decode(bytes);
    let analysis = analyze_with(kind, &text, options, &decoding, None)?;
    Ok((text.into_owned(), analysis))
}

/// Like [`check`] for raw bytes: invalid UTF-8 is reported and the rest is still checked.
/// Returns the text that was checked (spans refer to it) and the diagnostics.
pub fn check_bytes(
    kind: Kind,
    bytes: &[u8],
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), CheckError> {
    analyze_bytes(kind, bytes, options).map(|(text, a)| (text, a.diagnostics))
}

/// Reads `bytes` as YAML or JSON and reports only what reading found (the `SRC` rules, which
/// apply to every kind). Returns the text that was read (spans refer to it) and the diagnostics.
pub fn check_syntax(format: Format, bytes: &[u8], limits: &Limits) -> (String, Vec<Diagnostic>) {
    let (text, decoding) = source::decode(bytes);
    let document = match format {
        Format::Yaml => source::parse_yaml(&text, limits),
        Format::Json => source::parse_json(&text, limits),
    };
    let issues: Vec<SyntaxIssue> = decoding.into_iter().chain(document.issues).collect();
    let mut diagnostics = Vec::new();
    source::rules::run(&SyntaxCx { issues: &issues }, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    (text.into_owned(), diagnostics)
}
