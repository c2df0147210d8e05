//! IMG004 unknown-image-definition-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a key of an entry other than `name` and `imageUri`.
    ///
    /// ## Why is this bad?
    /// The reference lists exactly these two keys. What the standard deploy action does with
    /// another key is not documented (it may ignore it or refuse the file), hence a warning:
    /// in practice such a key is a misspelling (`imageURL`), a setting that belongs to the task
    /// definition (`containerPort`, `essential`), or a key of `imageDetail.json` (`ImageTags`),
    /// none of which the deployment uses.
    ///
    /// ## Example
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2", "containerPort": 80}]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "IMG004", name: "unknown-image-definition-key", severity: Warning
}

/// Reports the keys the walk of the entries did not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
