//! SRC002 duplicate-key.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports a key that appears twice in the same mapping or JSON object, with a label on the
    /// first occurrence.
    ///
    /// ## Why is this bad?
    /// Readers keep one of the two values — usually the last — and silently drop the other. In an
    /// IAM policy this has caused real incidents: two `StringEquals` blocks in one `Condition`
    /// leave only one of them in force, so the `sub` check protecting a role can vanish.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///   build:
    ///     commands:
    ///       - make test
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///       - make test
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 3.2.1.1 "Nodes": mapping keys are unique: <https://yaml.org/spec/1.2.2/#3211-nodes>
    /// - RFC 8259, 4 "Objects": names should be unique: <https://www.rfc-editor.org/rfc/rfc8259#section-4>
    /// - alphagov/govuk-infrastructure PR #879 (duplicate `StringEquals` dropped a `sub` condition)
    code: "SRC002", name: "duplicate-key", severity: Error
}

/// Reports every `Syntax::DuplicateKey` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::DuplicateKey, &RULE, out);
}
