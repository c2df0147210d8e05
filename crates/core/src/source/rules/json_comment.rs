//! SRC011 json-comment.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports `//` and `/* */` comments in a JSON file.
    ///
    /// ## Why is this bad?
    /// JSON has no comments; IAM and CodeDeploy reject documents that contain them. Use a `Sid`
    /// (IAM) or a separate README to explain a policy.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   // who may assume this role
    ///   "Version": "2012-10-17",
    ///   "Statement": []
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": []
    /// }
    /// ```
    ///
    /// ## References
    /// - RFC 8259, 2 "JSON Grammar": <https://www.rfc-editor.org/rfc/rfc8259#section-2>
    code: "SRC011", name: "json-comment", severity: Error
}

/// Reports every `Syntax::JsonComment` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::JsonComment, &RULE, out);
}
