//! IMG001 not-an-image-definitions-list.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an image definitions file that is not a JSON list: an empty file, a single
    /// `{"name": …, "imageUri": …}` object without the list around it, or an
    /// `imageDetail.json` document (`{"ImageURI": …}`) saved under the standard deploy's file
    /// name.
    ///
    /// ## Why is this bad?
    /// The Amazon ECS standard deploy action reads the file as a list of container-image
    /// pairs ("Image definitions file reference": `[{"name": …, "imageUri": …}]`, one entry
    /// per container). `imageDetail.json`, with its single `ImageURI`, is the blue/green
    /// (CodeDeployToECS) action's file and names no container. The deployment stops before it
    /// updates the service.
    ///
    /// ## Example
    /// ```json
    /// {"ImageURI": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    /// - CodePipeline action reference, Amazon ECS (`FileName`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html>
    code: "IMG001", name: "not-an-image-definitions-list", severity: Error
}

/// One report when the document is not a list.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let root = cx.root;
    if root.is_invalid() || cx.model.readable {
        // Unreadable: the reader said why.
        return;
    }
    let at = crate::task_definition::model::opening(root.span);
    let at = if at.is_empty() {
        crate::schema::first_line(cx.text)
    } else {
        at
    };
    let has = |key: &str| {
        root.entries()
            .iter()
            .any(|p| p.key_str().is_some_and(|k| k.eq_ignore_ascii_case(key)))
    };
    let (message, help) = if root.is_null() {
        (
            "the image definitions file is empty".to_string(),
            "list the containers and their images: `[{\"name\": \"web\", \"imageUri\": \"…\"}]`"
                .to_string(),
        )
    } else if root.map().is_some() && has("ImageURI") && !has("name") {
        (
            "this is an `imageDetail.json` document (`ImageURI`), not a list of image definitions"
                .to_string(),
            "the Amazon ECS standard deploy action reads `[{\"name\": <container>, \"imageUri\": <image>}]`; `imageDetail.json` is the blue/green (CodeDeployToECS) action's file".to_string(),
        )
    } else if root.map().is_some() {
        (
            "the image definitions file is a single object, not a list".to_string(),
            "put the entry in a list: `[{\"name\": …, \"imageUri\": …}]`".to_string(),
        )
    } else {
        (
            format!(
                "the image definitions file is {}, not a list of `{{\"name\", \"imageUri\"}}` entries",
                root.describe()
            ),
            "list the containers and their images: `[{\"name\": \"web\", \"imageUri\": \"…\"}]`"
                .to_string(),
        )
    };
    out.push(RULE.at(at, message).with_help(help));
}
