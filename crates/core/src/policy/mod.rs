//! IAM role trust policies: grammar and security rules (`IAM…`), and the evaluator that answers
//! "may this caller assume the role?".

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::source::Document;

/// Whether the trust-policy validator is complete enough to be offered (CLI and playground).
pub const SUPPORTED: bool = false;

/// Every `IAM` rule.
pub fn rules() -> &'static [&'static Rule] {
    &[]
}

/// Checks a parsed trust policy; returns the findings (syntax diagnostics of the document are
/// not included).
pub fn check(doc: &Document, text: &str) -> Vec<Diagnostic> {
    let _ = (doc, text);
    Vec::new()
}
