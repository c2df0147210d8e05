//! BS003 scalar-instead-of-list.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when a single string is written where the reference documents a list (`commands`,
    /// `files`, `paths`, `exclude-paths`).
    ///
    /// ## Why is this bad?
    /// The reference describes these keys as sequences. Whether CodeBuild accepts a lone string
    /// is not documented (AWS CDK examples pass one for `commands`), so this is a warning: write
    /// a list to be sure, one command per item, which also makes CodeBuild log each command and
    /// its exit status separately.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands: make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax ("Contains a sequence of scalars"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS003", name: "scalar-instead-of-list", severity: Warning
}

/// Reports the single values the schema walk found where a list is documented.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
