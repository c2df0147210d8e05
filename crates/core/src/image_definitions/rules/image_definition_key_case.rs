//! IMG005 image-definition-key-case.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `name` or `imageUri` written in another case (`Name`, `ImageURI`,
    /// `imageURI`).
    ///
    /// ## Why is this bad?
    /// The reference and every AWS sample spell the keys `name` and `imageUri`; whether the
    /// standard deploy action matches them ignoring case is not documented, hence a warning
    /// rather than an error (the checker reads the key as the documented one). `ImageURI` is
    /// the spelling of the blue/green action's `imageDetail.json`, the usual source of the
    /// mix-up.
    ///
    /// ## Example
    /// ```json
    /// [{"name": "web", "ImageURI": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "IMG005", name: "image-definition-key-case", severity: Warning
}

/// Reports the keys the walk found in another case.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
