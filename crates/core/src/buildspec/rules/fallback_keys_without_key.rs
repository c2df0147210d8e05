//! BS082 fallback-keys-without-key.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Warns about `fallback-keys` without a `key`.
    ///
    /// ## Why is this bad?
    /// Fallback keys are tried only when the primary `key` misses; without `key` CodeBuild
    /// ignores them.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm ci
    /// cache:
    ///   fallback-keys: [npm-]
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
    ///   key: npm-$(codebuild-hash-files package-lock.json)
    ///   fallback-keys: [npm-]
    ///   paths: ['node_modules/**/*']
    /// ```
    ///
    /// ## References
    /// - Caching with Amazon S3 ("fallback keys are ignored when no key is specified"): <https://docs.aws.amazon.com/codebuild/latest/userguide/caching-s3.html>
    code: "BS082", name: "fallback-keys-without-key", severity: Warning
}

/// `fallback-keys` without `key`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(cache) = cx.root.get("cache").filter(|c| c.map().is_some()) else {
        return;
    };
    if let Some(fb) = cache.entry("fallback-keys")
        && cache.get("key").is_none_or(Node::is_null)
    {
        out.push(
            RULE.at(fb.key.span, "`fallback-keys` is ignored without `key`")
                .with_help("add a `key`, such as `npm-$(codebuild-hash-files package-lock.json)`"),
        );
    }
}
