//! BS083 missing-cache-paths.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Warns about a `cache` section without `paths`.
    ///
    /// ## Why is this bad?
    /// The buildspec reference lists `paths` as required. With an S3 cache and no paths,
    /// CodeBuild only caches common dependency folders on a best-effort basis, which is rarely
    /// what was meant.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm ci
    /// cache:
    ///   key: npm-cache
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
    ///   key: npm-cache
    ///   paths:
    ///     - 'node_modules/**/*'
    /// ```
    ///
    /// ## References
    /// - Buildspec `cache/paths`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.cache>
    /// - Caching with Amazon S3: <https://docs.aws.amazon.com/codebuild/latest/userguide/caching-s3.html>
    code: "BS083", name: "missing-cache-paths", severity: Warning
}

/// `cache` without `paths`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(pair) = cx.root.entry("cache") else {
        return;
    };
    let cache = &pair.value;
    let Some(map) = cache.map() else {
        return;
    };
    if map.complete && cache.get("paths").is_none_or(Node::is_null) {
        out.push(
            RULE.at(pair.key.span, "`cache` has no `paths`")
                .with_help("list the directories to cache, such as `'node_modules/**/*'`"),
        );
    }
}
