//! BS027 retry-count-out-of-range.

use crate::declare_rule;
use super::Cx;
use super::helpers::{OnFailure, parse_on_failure};
use crate::buildspec::schema::ON_FAILURE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `RETRY-<count>` whose count is above 100.
    ///
    /// ## Why is this bad?
    /// The reference limits the count to 0–100.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: RETRY-500
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: RETRY-5
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `on-failure` ("count must be between 0 and 100"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS027", name: "retry-count-out-of-range", severity: Error
}

/// `RETRY-<count>` above 100.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(ON_FAILURE_TAG) {
        let node = tagged.node;
        if let Some(OnFailure::Retry { count: Some(n), .. }) = node.as_str().and_then(parse_on_failure)
            && n > 100
        {
            out.push(
                RULE.at(
                    node.span,
                    format!("retry count {n} is above the maximum of 100"),
                )
                .with_help("use a count between 0 and 100"),
            );
        }
    }
}
