//! BS031 empty-runtime-versions.

use crate::declare_rule;
use super::Cx;
use super::helpers::runtime_versions;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `runtime-versions` section with no runtime in it.
    ///
    /// ## Why is this bad?
    /// The reference says: "If specified, at least one runtime must be included in this
    /// section."
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
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
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `runtime-versions`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS031", name: "empty-runtime-versions", severity: Error
}

/// `runtime-versions` that lists nothing.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(pair) = runtime_versions(cx) else {
        return;
    };
    let node = &pair.value;
    if node.is_null()
        || node
            .map()
            .is_some_and(|m| m.entries.is_empty() && m.complete)
    {
        out.push(
            RULE.at(pair.key.span, "`runtime-versions` lists no runtime")
                .with_help("add at least one runtime, such as `nodejs: 22`, or remove the section"),
        );
    }
}
