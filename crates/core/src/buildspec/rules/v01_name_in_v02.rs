//! BS014 v01-name-in-v02.

use crate::declare_rule;
use super::Cx;
use crate::buildspec::Version;
use crate::source::edit;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about version 0.1 names in a `version: 0.2` buildspec: `environment_variables`
    /// (0.2 calls it `env`) and `plaintext` (0.2 calls it `variables`).
    ///
    /// ## Why is this bad?
    /// Version 0.2 renamed these sections. Under 0.2 the old names are not the documented
    /// spelling, so the variables may never be set.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// environment_variables:
    ///   plaintext:
    ///     STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make STAGE=$STAGE
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make STAGE=$STAGE
    /// ```
    ///
    /// ## References
    /// - Buildspec versions: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-versions>
    code: "BS014", name: "v01-name-in-v02", severity: Warning
}

/// Version 0.1 names in a version 0.2 buildspec.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.version != Some(Version::V02) {
        return;
    }
    let root = cx.root;
    if let Some(pair) = root.entry("environment_variables") {
        // With `env` there too, renaming would make a duplicate: merging is for a person.
        let taken = root.get("env").is_some();
        out.push(
            RULE.at(
                pair.key.span,
                "`environment_variables` is the version 0.1 name of `env`",
            )
            .with_help("in version 0.2 write `env:` (and `variables:` instead of `plaintext:`)")
            .with_edits(
                "rename to `env`",
                (!taken).then(|| vec![edit::rewrite_scalar(cx.text, pair.key.span, "env")]),
            ),
        );
    }
    if let Some(pair) = root.get("env").and_then(|e| e.entry("plaintext")) {
        let taken = root.get("env").and_then(|e| e.get("variables")).is_some();
        out.push(
            RULE.at(
                pair.key.span,
                "`plaintext` is the version 0.1 name of `variables`",
            )
            .with_help("in version 0.2 write `variables:`")
            .with_edits(
                "rename to `variables`",
                (!taken).then(|| vec![edit::rewrite_scalar(cx.text, pair.key.span, "variables")]),
            ),
        );
    }
}
