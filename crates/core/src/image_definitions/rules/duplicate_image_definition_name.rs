//! IMG010 duplicate-image-definition-name.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an entry whose `name` an earlier entry already has.
    ///
    /// ## Why is this bad?
    /// Each entry maps one container of the task definition to its image, and a container
    /// runs one image. The reference does not say which of two entries for the same
    /// container the standard deploy action uses (or whether it refuses the file), hence a
    /// warning: one of the two images is not deployed, and which one is not documented. A
    /// copied entry whose name was not changed is the usual cause.
    ///
    /// ## Example
    /// ```json
    /// [
    ///   {"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"},
    ///   {"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/log-router:2.1"}
    /// ]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [
    ///   {"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"},
    ///   {"name": "log-router", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/log-router:2.1"}
    /// ]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference (one container-image pair per entry): <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "IMG010", name: "duplicate-image-definition-name", severity: Warning
}

/// One report per repeated name, with a label on the first entry of that name.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let entries = &cx.model.entries;
    for (i, e) in entries.iter().enumerate() {
        let Some(name) = &e.name else { continue };
        if name.value.trim().is_empty() {
            continue;
        }
        let Some(first) = entries
            .iter()
            .take(i)
            .find_map(|o| o.name.as_ref().filter(|n| n.value == name.value))
        else {
            continue;
        };
        out.push(
            RULE.at(
                name.span,
                format!("container `{}` has a second image definition", name.value),
            )
            .with_label(first.span, "first defined here")
            .with_help("keep one entry per container: a container runs one image"),
        );
    }
}
