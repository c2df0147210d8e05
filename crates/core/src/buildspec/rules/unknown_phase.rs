//! BS020 unknown-phase.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a phase other than `install`, `pre_build`, `build` and `post_build`.
    ///
    /// ## Why is this bad?
    /// Phases cannot be renamed or added. CodeBuild fails the build: `YAML_FILE_ERROR Message:
    /// Invalid buildspec phase name: deploy. Expecting: build,install,post_build,pre_build`. The
    /// usual causes are a made-up phase (`deploy`, `test`) and a section such as `artifacts`
    /// indented under `phases` by mistake.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///   deploy:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///   post_build:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `phases`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS020", name: "unknown-phase", severity: Error
}

/// Reports the keys of `phases` the schema walk did not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
