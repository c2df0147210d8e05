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
    /// CodeBuild reads `runtime-versions` only under `install`; anywhere else it is an unknown
    /// key that CodeBuild ignores, so the runtime you asked for is not selected and the build
    /// runs with the image's default.
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
