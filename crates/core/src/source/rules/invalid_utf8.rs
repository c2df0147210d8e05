//! SRC004 invalid-utf8.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports bytes that are not valid UTF-8, at the byte where each bad sequence starts.
    ///
    /// ## Why is this bad?
    /// AWS reads configuration files as UTF-8. A file saved in Latin-1 or UTF-16 by an editor
    /// fails to parse, or carries mangled characters into commands.
    ///
    /// ## Example
    /// A file saved as Latin-1 whose comment contains `é` (byte `E9`).
    ///
    /// Use instead:
    /// ```yaml
    /// # café, saved as UTF-8
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 5.2 "Character Encodings": <https://yaml.org/spec/1.2.2/#52-character-encodings>
    /// - RFC 8259, 8.1 "Character Encoding": <https://www.rfc-editor.org/rfc/rfc8259#section-8.1>
    code: "SRC004", name: "invalid-utf8", severity: Error
}

/// Reports every `Syntax::InvalidUtf8` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::InvalidUtf8, &RULE, out);
}
