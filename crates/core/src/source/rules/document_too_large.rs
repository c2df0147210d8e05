//! SRC007 document-too-large.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports a file larger than 2 MiB or holding more than 1,000,000 nodes; it is not checked
    /// (or only its beginning is).
    ///
    /// ## Why is this bad?
    /// Configuration files are a few kilobytes. A file this large is usually the wrong file, and
    /// reading it would make the playground unresponsive. (AWS's own limits are far lower: an IAM
    /// trust policy holds 2,048 characters by default.)
    ///
    /// ## Example
    /// A 20 MB log file opened as `buildspec.yml`.
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - IAM quotas (policy sizes): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>
    code: "SRC007", name: "document-too-large", severity: Error
}

/// Reports every `Syntax::DocumentTooLarge` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::DocumentTooLarge, &RULE, out);
}
