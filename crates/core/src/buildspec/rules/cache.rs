//! `cache`.

use crate::buildspec::Ctx;
use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a cache `action` other than `restore` or `save`.
    ///
    /// ## Why is this bad?
    /// These are the only two values: `restore` only restores the cache, `save` only saves it;
    /// leave `action` out to do both.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - npm ci
    /// cache:
    ///   key: npm-$(codebuild-hash-files package-lock.json)
    ///   paths:
    ///     - 'node_modules/**/*'
    ///   action: both
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
    ///   paths:
    ///     - 'node_modules/**/*'
    /// ```
    ///
    /// ## References
    /// - Buildspec `cache/action`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.cache>
    pub static INVALID_CACHE_ACTION = { code: "BS080", name: "invalid-cache-action", severity: Error };
}

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
    pub static TOO_MANY_FALLBACK_KEYS = { code: "BS081", name: "too-many-fallback-keys", severity: Error };
}

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
    pub static FALLBACK_KEYS_WITHOUT_KEY = { code: "BS082", name: "fallback-keys-without-key", severity: Warning };
}

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
    pub static MISSING_CACHE_PATHS = { code: "BS083", name: "missing-cache-paths", severity: Warning };
}

/// BS081–BS083.
pub(crate) fn cache(cx: &mut Ctx<'_>) {
    let Some(pair) = cx.root.entry("cache") else {
        return;
    };
    let cache = &pair.value;
    let Some(map) = cache.map() else {
        return;
    };
    let fallback = cache.entry("fallback-keys");
    if let Some(fb) = fallback {
        let items = fb.value.items();
        if items.len() > 5
            && let Some(sixth) = items.get(5)
        {
            cx.push(
                TOO_MANY_FALLBACK_KEYS
                    .at(sixth.span, format!("{} fallback keys; CodeBuild accepts at most 5", items.len()))
                    .with_help("keep the 5 most useful prefixes (fallback keys match by prefix, so one short prefix covers many keys)"),
            );
        }
        if cache.get("key").is_none_or(Node::is_null) {
            cx.push(
                FALLBACK_KEYS_WITHOUT_KEY
                    .at(fb.key.span, "`fallback-keys` is ignored without `key`")
                    .with_help(
                        "add a `key`, such as `npm-$(codebuild-hash-files package-lock.json)`",
                    ),
            );
        }
    }
    if map.complete && cache.get("paths").is_none_or(Node::is_null) {
        cx.push(
            MISSING_CACHE_PATHS
                .at(pair.key.span, "`cache` has no `paths`")
                .with_help("list the directories to cache, such as `'node_modules/**/*'`"),
        );
    }
}

use crate::source::Node;
