//! SRC012 json-control-character.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports a raw line break, tab or other control character inside a JSON string.
    ///
    /// ## Why is this bad?
    /// JSON strings must escape control characters (`\n`, `\t`); strict readers such as IAM's
    /// reject the document. The usual cause is a value pasted across two lines.
    ///
    /// ## Example
    /// ```json
    /// {"Sid": "line one
    /// line two"}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"Sid": "LineOneLineTwo"}
    /// ```
    ///
    /// ## References
    /// - RFC 8259, 7 "Strings": <https://www.rfc-editor.org/rfc/rfc8259#section-7>
    code: "SRC012", name: "json-control-character", severity: Error
}

/// Reports every `Syntax::JsonControlCharacter` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::JsonControlCharacter, &RULE, out);
}
