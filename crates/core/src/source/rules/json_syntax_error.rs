//! SRC009 json-syntax-error.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports text that is not valid JSON, at the position where the JSON reader gave up.
    ///
    /// ## Why is this bad?
    /// AWS rejects the document (IAM answers `MalformedPolicyDocument`; CodeDeploy fails to read
    /// the AppSpec). Nothing else in the file can be checked until it parses.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17" "Statement": []}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"Version": "2012-10-17", "Statement": []}
    /// ```
    ///
    /// ## References
    /// - RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format: <https://www.rfc-editor.org/rfc/rfc8259>
    code: "SRC009", name: "json-syntax-error", severity: Error
}

/// Reports every `Syntax::JsonSyntax` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::JsonSyntax, &RULE, out);
}
