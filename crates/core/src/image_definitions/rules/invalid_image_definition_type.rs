//! IMG002 invalid-image-definition-type.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an entry of the list that is not an object, and a `name` or `imageUri` that is
    /// not a string (a list, an object).
    ///
    /// ## Why is this bad?
    /// The reference describes each entry as the two key-value pairs `name` (the container's
    /// name) and `imageUri` (the image): a bare string in the list, or a list where the image
    /// belongs, is no container-image pair, and the standard deploy action cannot map it onto
    /// the task definition.
    ///
    /// ## Example
    /// ```json
    /// ["111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "IMG002", name: "invalid-image-definition-type", severity: Error
}

/// Reports the types the walk of the entries found wrong.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
