//! BS025 invalid-on-failure.

use crate::declare_rule;
use super::Cx;
use super::helpers::{ON_FAILURE_WORDS, parse_on_failure};
use crate::buildspec::schema::ON_FAILURE_TAG;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports an `on-failure` value that is none of `ABORT`, `CONTINUE`, `RETRY`,
    /// `RETRY-<count>`, `RETRY-<regex>` or `RETRY-<count>-<regex>`.
    ///
    /// ## Why is this bad?
    /// The value decides whether a failed phase stops the build, moves on, or is retried, and
    /// the buildspec reference names only these forms. What CodeBuild does with another value
    /// is not documented — it may refuse the buildspec or fall back to the default transitions
    /// — so this is a warning (unconfirmed); either way a typo does not do what you meant.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: STOP
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
    code: "BS025", name: "invalid-on-failure", severity: Warning
}

/// `on-failure` values of no documented form.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(ON_FAILURE_TAG) {
        let node = tagged.node;
        let Some(value) = node.as_str() else {
            continue;
        };
        if parse_on_failure(value).is_some() {
            continue;
        }
        let mut d = RULE.at(
            node.span,
            format!("`{value}` is not a valid on-failure value"),
        );
        if let Some(s) = did_you_mean(value, ON_FAILURE_WORDS.iter().copied()) {
            d = d.with_rewrite(format!("replace with `{s}`"), cx.text, node.span, s);
        }
        out.push(d.with_help("valid values: ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex>, RETRY-<count>-<regex>"));
    }
}
