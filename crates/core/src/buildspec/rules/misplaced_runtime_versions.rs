//! BS030 misplaced-runtime-versions.

use crate::declare_rule;
use super::Cx;
use crate::buildspec::schema::MISPLACED_RUNTIME_VERSIONS_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `runtime-versions` in a phase other than `install`.
    ///
    /// ## Why is this bad?
    /// The buildspec reference allows `runtime-versions` only under `install`. What CodeBuild
    /// does with it elsewhere is not documented: its local agent logs keys it cannot identify
    /// ("The following keys cannot be identified") and carries on (a user report; unconfirmed
    /// for the hosted service). If the hosted service does the same, the runtime you asked for
    /// is not selected and the build runs with the image's default.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     runtime-versions:
    ///       nodejs: 20
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       nodejs: 20
    ///   build:
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `phases/install/runtime-versions`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    /// - The local CodeBuild agent on an unknown key (user report): <https://zenn.dev/nondescript/articles/411b63be471409>
    code: "BS030", name: "misplaced-runtime-versions", severity: Warning
}

/// `runtime-versions` outside `install`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(MISPLACED_RUNTIME_VERSIONS_TAG) {
        let phase = tagged.path.trim_end_matches(".runtime-versions");
        out.push(
            RULE.at(
                tagged.anchor,
                format!("`runtime-versions` in `{phase}` is ignored"),
            )
            .with_help(
                "CodeBuild reads `runtime-versions` only under `phases.install`; move it there",
            ),
        );
    }
}
