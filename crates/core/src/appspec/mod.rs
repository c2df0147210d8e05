//! CodeDeploy AppSpec (EC2/on-premises, ECS, Lambda): schema, rules (`AS…`) and the
//! lifecycle-event timeline.

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::source::Document;

/// Whether the AppSpec validator is complete enough to be offered (CLI and playground).
pub const SUPPORTED: bool = false;

/// Every `AS` rule.
pub fn rules() -> &'static [&'static Rule] {
    &[]
}

/// Checks a parsed AppSpec; returns the findings (syntax diagnostics of the document are not
/// included).
pub fn check(doc: &Document, text: &str) -> Vec<Diagnostic> {
    let _ = (doc, text);
    Vec::new()
}
