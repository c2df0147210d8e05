//! IMG003 missing-image-definition-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an entry without `name` or without `imageUri`, or with one of them empty.
    ///
    /// ## Why is this bad?
    /// The file "must be constructed with" both key-value pairs: `name` says which container
    /// of the service's task definition gets the image, `imageUri` which image it gets. An
    /// entry without a name maps onto no container; one without an image has nothing to
    /// deploy. A build script whose variable was empty (`printf '…"name":"%s"…' $NAME` with
    /// `NAME` unset) writes such an entry.
    ///
    /// ## Example
    /// ```json
    /// [{"imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "IMG003", name: "missing-image-definition-key", severity: Error
}

/// Reports the keys the walk found missing, and empty values.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    for (i, e) in cx.model.entries.iter().enumerate() {
        for (key, value) in [("name", &e.name), ("imageUri", &e.image_uri)] {
            let Some(value) = value else { continue };
            if value.value.trim().is_empty() {
                out.push(
                    RULE.at(value.span, format!("entry {} has an empty `{key}`", i + 1))
                        .with_help(if key == "name" {
                            "write the name of the container in the task definition whose image this is"
                        } else {
                            "write the image to deploy: its repository URI with a tag or digest"
                        }),
                );
            }
        }
    }
}
