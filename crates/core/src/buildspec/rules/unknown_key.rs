//! BS001 unknown-key.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a key the buildspec reference does not document, and suggests the closest
    /// documented key.
    ///
    /// ## Why is this bad?
    /// CodeBuild does not fail the build: it logs "Found possible syntax errors in buildspec …
    /// The following keys cannot be identified" and ignores the key. A misspelt `finally` or
    /// `discard-paths` therefore silently does nothing.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///     finaly:
    ///       - make clean
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///     finally:
    ///       - make clean
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    /// - The warning CodeBuild logs for unknown keys: aws/aws-toolkit-vscode PR #4008
    code: "BS001", name: "unknown-key", severity: Warning
}

/// Reports the keys the schema walk did not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
