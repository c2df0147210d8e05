//! SRC008 multiple-documents.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Warns when a YAML file holds several documents separated by `---`; only the first is
    /// checked.
    ///
    /// ## Why is this bad?
    /// A buildspec or AppSpec is one document. What AWS does with the others is not documented,
    /// so anything after the separator probably does not take effect.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands: [make]
    /// ---
    /// artifacts:
    ///   files: ['**/*']
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands: [make]
    /// artifacts:
    ///   files: ['**/*']
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 9.2 "Streams": <https://yaml.org/spec/1.2.2/#92-streams>
    code: "SRC008", name: "multiple-documents", severity: Warning
}

/// Reports every `Syntax::MultipleDocuments` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::MultipleDocuments, &RULE, out);
}
