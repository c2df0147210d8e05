//! The one diagnostic shape used by every validator, the CLI and the playground.

pub mod render;

use crate::source::Span;
use crate::source::edit::{self, Edit};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Severity {
    /// AWS rejects the file or the deployment fails.
    Error,
    /// Likely a mistake, or a fact AWS does not confirm; the file may still work.
    Warning,
    /// Advice worth knowing; nothing is wrong as such.
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A secondary span with its own message ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What this place has to do with the diagnostic.
    pub message: String,
}

/// A suggested change that fixes the diagnostic: one or more edits of the text, sorted and not
/// overlapping, applied together ([`Fix::apply`]). Offered only when the correction is certain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Short description shown on a button ("replace with `commands`").
    pub title: String,
    /// The edits, sorted by position, not overlapping, at least one.
    edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces `span` with `replacement`.
    pub fn replace(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit::replace(span, replacement)],
        }
    }

    /// A fix made of several edits (sorted here); `None` when there is none or two overlap.
    pub fn new(title: impl Into<String>, edits: Vec<Edit>) -> Option<Fix> {
        let edits = edit::compose(edits).filter(|e| !e.is_empty())?;
        Some(Fix {
            title: title.into(),
            edits,
        })
    }

    /// The edits, sorted by position.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The range the fix changes: from its first edit to its last.
    pub fn span(&self) -> Span {
        let first = self.edits.first().map_or(Span::default(), |e| e.span);
        self.edits.iter().fold(first, |s, e| s.cover(e.span))
    }

    /// `text` with the fix applied; `None` when the fix does not fit the text.
    pub fn apply(&self, text: &str) -> Option<String> {
        edit::apply(text, &self.edits)
    }

    /// The fix as one replacement of [`Fix::span`] (the text between its edits kept), for front
    /// ends that apply a fix as a single change.
    pub fn as_one_edit(&self, text: &str) -> Option<Edit> {
        edit::collapse(text, &self.edits)
    }
}

/// One finding about one place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule code, such as `BS021`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, quoting the user's value; lower-case, no trailing period.
    pub message: String,
    /// The primary place (byte range).
    pub span: Span,
    /// Related places.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// A mechanical fix, when one is certain.
    pub fix: Option<Fix>,
    /// Where the diagnostic was created (debug builds only), for the test that proves every rule
    /// is reported from its own file. Diagnostics are created only by [`Rule::at`].
    ///
    /// [`Rule::at`]: crate::rule::Rule::at
    pub site: Site,
}

/// The source file that created a diagnostic. Debug builds record it (`#[track_caller]` on
/// [`Rule::at`](crate::rule::Rule::at)); release builds carry nothing, so the shipped binaries hold
/// no source paths. Two sites always compare equal: where a finding was made is not part of what
/// it says.
#[derive(Clone, Copy, Debug, Default)]
pub struct Site {
    #[cfg(debug_assertions)]
    file: Option<&'static str>,
}

impl Site {
    /// The caller's file (debug builds).
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn caller() -> Site {
        Site {
            #[cfg(debug_assertions)]
            file: Some(std::panic::Location::caller().file()),
        }
    }

    /// The source file that created the diagnostic, when recorded (debug builds).
    pub fn file(&self) -> Option<&'static str> {
        #[cfg(debug_assertions)]
        return self.file;
        #[cfg(not(debug_assertions))]
        None
    }
}

impl PartialEq for Site {
    fn eq(&self, _: &Site) -> bool {
        true
    }
}

impl Eq for Site {}

/// Where the published rule pages live; a diagnostic's docs URL is this followed by its code.
pub const DOCS_BASE_URL: &str = "https://cicd-playground.dev/rules/";

impl Diagnostic {
    /// Adds a related label.
    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Sets a mechanical fix that replaces `span` with `replacement`.
    #[must_use]
    pub fn with_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Diagnostic {
        self.fix = Some(Fix::replace(title, span, replacement));
        self
    }

    /// Sets a mechanical fix that writes `value` in place of the key or value at `span` of
    /// `text`, quoted as the original was ([`edit::rewrite_scalar`]): renaming a JSON key keeps it
    /// a JSON string.
    #[must_use]
    pub fn with_rewrite(
        mut self,
        title: impl Into<String>,
        text: &str,
        span: Span,
        value: &str,
    ) -> Diagnostic {
        self.fix = Some(Fix {
            title: title.into(),
            edits: vec![edit::rewrite_scalar(text, span, value)],
        });
        self
    }

    /// Sets a mechanical fix made of several edits; leaves the diagnostic without a fix when the
    /// edits are missing (`None`, a correction that could not be made certain) or overlap.
    #[must_use]
    pub fn with_edits(mut self, title: impl Into<String>, edits: Option<Vec<Edit>>) -> Diagnostic {
        if let Some(fix) = edits.and_then(|e| Fix::new(title, e)) {
            self.fix = Some(fix);
        }
        self
    }

    /// Overrides the rule's default severity for this one finding.
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// The docs anchor of the rule (`rules/BS021`), relative to the docs site.
    pub fn docs_anchor(&self) -> String {
        format!("rules/{}", self.code)
    }

    /// The full URL of the rule's documentation page.
    pub fn docs_url(&self) -> String {
        format!("{DOCS_BASE_URL}{}", self.code)
    }
}

/// A place in another file of the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLabel {
    /// The file (its index in the workspace).
    pub file: usize,
    /// Where.
    pub span: Span,
    /// What this place has to do with the finding.
    pub message: String,
}

/// A finding that relates files: a diagnostic in one file (its own labels are in that file) and
/// labels in others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The file of the diagnostic's primary place.
    pub file: usize,
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// Related places in other files.
    pub elsewhere: Vec<FileLabel>,
}

impl Related {
    /// A finding in `file`.
    pub fn new(file: usize, diagnostic: Diagnostic) -> Related {
        Related {
            file,
            diagnostic,
            elsewhere: Vec::new(),
        }
    }

    /// Adds a place in another file (or in the same one, which becomes a plain label).
    #[must_use]
    pub fn with_label(mut self, file: usize, span: Span, message: impl Into<String>) -> Related {
        if file == self.file {
            self.diagnostic = self.diagnostic.with_label(span, message);
        } else {
            self.elsewhere.push(FileLabel {
                file,
                span,
                message: message.into(),
            });
        }
        self
    }
}

/// Sorts diagnostics by position, then severity, then code, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.severity, a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.severity,
            b.code,
            &b.message,
        ))
    });
}
