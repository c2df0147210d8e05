//! SRC010 json-trailing-comma.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports a comma after the last item of a JSON array or object.
    ///
    /// ## Why is this bad?
    /// JavaScript and many editors accept it, JSON does not: IAM rejects the policy as malformed.
    /// The rest of the file is still checked.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [],}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"Version": "2012-10-17", "Statement": []}
    /// ```
    ///
    /// ## References
    /// - RFC 8259, 4 "Objects" and 5 "Arrays": <https://www.rfc-editor.org/rfc/rfc8259#section-4>
    code: "SRC010", name: "json-trailing-comma", severity: Error
}

/// Reports every `Syntax::JsonTrailingComma` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::JsonTrailingComma, &RULE, out);
}
