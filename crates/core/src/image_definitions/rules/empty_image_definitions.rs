//! IMG011 empty-image-definitions.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an image definitions file that is an empty list (`[]`).
    ///
    /// ## Why is this bad?
    /// The file exists to give the standard deploy action at least one container and its
    /// new image. With none, the deployment has no image to replace: what the action does
    /// then (fail, or register an unchanged revision) is not documented, hence a warning. A
    /// build step that filtered every container out, or a placeholder committed instead of
    /// the generated file, are the usual causes.
    ///
    /// ## Example
    /// ```json
    /// []
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "IMG011", name: "empty-image-definitions", severity: Warning
}

/// One report for a list without entries.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.root.seq().is_some_and(|s| s.items.is_empty()) {
        out.push(
            RULE.at(
                crate::task_definition::model::opening(cx.root.span),
                "the image definitions file lists no container",
            )
            .with_help("add an entry per container whose image the deployment replaces: `{\"name\": \"web\", \"imageUri\": \"…\"}`"),
        );
    }
}
