//! BS080 invalid-cache-action.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

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
    code: "BS080", name: "invalid-cache-action", severity: Error
}

/// Reports cache actions the schema does not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
