//! BS081 too-many-fallback-keys.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports more than 5 `fallback-keys`.
    ///
    /// ## Why is this bad?
    /// CodeBuild accepts at most 5 fallback keys.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm ci
    /// cache:
    ///   key: npm-v6
    ///   fallback-keys: [npm-v5, npm-v4, npm-v3, npm-v2, npm-v1, npm-]
    ///   paths: ['node_modules/**/*']
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm ci
    /// cache:
    ///   key: npm-v6
    ///   fallback-keys: [npm-]
    ///   paths: ['node_modules/**/*']
    /// ```
    ///
    /// ## References
    /// - Buildspec `cache/fallback-keys`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.cache>
    code: "BS081", name: "too-many-fallback-keys", severity: Error
}

/// More than 5 cache fallback keys.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(fb) = cx
        .root
        .get("cache")
        .filter(|c| c.map().is_some())
        .and_then(|c| c.entry("fallback-keys"))
    else {
        return;
    };
    let items = fb.value.items();
    if items.len() > 5
        && let Some(sixth) = items.get(5)
    {
        out.push(
            RULE.at(sixth.span, format!("{} fallback keys; CodeBuild accepts at most 5", items.len()))
                .with_help("keep the 5 most useful prefixes (fallback keys match by prefix, so one short prefix covers many keys)"),
        );
    }
}
