//! BS026 on-failure-case.

use crate::declare_rule;
use super::Cx;
use super::helpers::{OnFailure, parse_on_failure};
use crate::buildspec::schema::ON_FAILURE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when `ABORT`, `CONTINUE` or `RETRY` in `on-failure` is not written in upper case.
    ///
    /// ## Why is this bad?
    /// The reference spells the values in upper case. Whether other spellings work is not
    /// documented (one AWS example writes `Retry-`), so write them as documented.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: abort
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: ABORT
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `on-failure`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS026", name: "on-failure-case", severity: Warning
}

/// `on-failure` keywords not in upper case.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(ON_FAILURE_TAG) {
        let node = tagged.node;
        let Some(value) = node.as_str() else {
            continue;
        };
        let Some(parsed) = parse_on_failure(value) else {
            continue;
        };
        let keyword_len = match parsed {
            OnFailure::Abort => 5,
            OnFailure::Continue => 8,
            OnFailure::Retry { .. } => 5,
        };
        let keyword = value.get(..keyword_len).unwrap_or("");
        if keyword != keyword.to_ascii_uppercase() {
            let upper = keyword.to_ascii_uppercase();
            let fixed = format!("{upper}{}", value.get(keyword_len..).unwrap_or(""));
            out.push(
                RULE.at(node.span, format!("`{value}` is not written in upper case"))
                    .with_help(format!("write `{upper}` as the reference does; other spellings are not documented"))
                    .with_rewrite(format!("replace with `{fixed}`"), cx.text, node.span, &fixed),
            );
        }
    }
}
