//! What reading a text found wrong with it: the facts the `SRC` rules report.
//!
//! The readers (YAML, JSON, UTF-8 decoding) never fail and never create diagnostics; they record
//! each problem as a [`SyntaxIssue`] of a [`Syntax`] kind, and the rule of that kind (one file
//! each in `source/rules/`) turns it into a diagnostic.

use crate::diagnostic::{Diagnostic, Fix, Label};
use crate::rule::Rule;
use crate::source::Span;

/// The kinds of problem met while reading a text, one per `SRC` rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// Text that is not YAML (SRC001).
    YamlSyntax,
    /// A key given twice in one mapping or object (SRC002).
    DuplicateKey,
    /// A tab in YAML indentation (SRC003).
    TabIndentation,
    /// Bytes that are not UTF-8 (SRC004).
    InvalidUtf8,
    /// Collections nested beyond the limit (SRC005).
    NestingTooDeep,
    /// Aliases expanding beyond the limit (SRC006).
    AliasExpansionLimit,
    /// A text or tree beyond the size limits (SRC007).
    DocumentTooLarge,
    /// More than one YAML document (SRC008).
    MultipleDocuments,
    /// Text that is not JSON (SRC009).
    JsonSyntax,
    /// A trailing comma in JSON (SRC010).
    JsonTrailingComma,
    /// A comment in JSON (SRC011).
    JsonComment,
    /// A raw control character in a JSON string (SRC012).
    JsonControlCharacter,
}

/// One problem met while reading a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxIssue {
    /// What kind of problem.
    pub kind: Syntax,
    /// Where.
    pub span: Span,
    /// What the reader saw, as a diagnostic message.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Related places (the first of two duplicate keys).
    pub labels: Vec<Label>,
    /// A mechanical fix (removing a comment or a trailing comma).
    pub fix: Option<Fix>,
}

impl SyntaxIssue {
    /// An issue of `kind` at `span`.
    pub(crate) fn new(kind: Syntax, span: Span, message: impl Into<String>) -> SyntaxIssue {
        SyntaxIssue {
            kind,
            span,
            message: message.into(),
            help: None,
            labels: Vec::new(),
            fix: None,
        }
    }

    /// Sets the help text.
    #[must_use]
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> SyntaxIssue {
        self.help = Some(help.into());
        self
    }

    /// Adds a related place.
    #[must_use]
    pub(crate) fn with_label(mut self, span: Span, message: impl Into<String>) -> SyntaxIssue {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets a mechanical fix.
    #[must_use]
    pub(crate) fn with_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> SyntaxIssue {
        self.fix = Some(Fix::replace(title, span, replacement));
        self
    }

    /// The diagnostic of `rule` that reports this issue (called by the rule's own file).
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn report(&self, rule: &'static Rule) -> Diagnostic {
        let mut d = rule.at(self.span, self.message.clone());
        d.help.clone_from(&self.help);
        d.labels.clone_from(&self.labels);
        d.fix.clone_from(&self.fix);
        d
    }
}

/// What the `SRC` rules see: the issues of one text (the reader's and the decoder's).
pub struct SyntaxCx<'a> {
    /// Every issue, in the order found.
    pub issues: &'a [SyntaxIssue],
}

impl<'a> SyntaxCx<'a> {
    /// The issues of one kind.
    pub fn of(&self, kind: Syntax) -> impl Iterator<Item = &'a SyntaxIssue> {
        self.issues.iter().filter(move |i| i.kind == kind)
    }

    /// Reports every issue of `kind` as `rule` (the shape of every `SRC` rule's check).
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn report_all(&self, kind: Syntax, rule: &'static Rule, out: &mut Vec<Diagnostic>) {
        for issue in self.of(kind) {
            out.push(issue.report(rule));
        }
    }
}
