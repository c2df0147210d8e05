//! BS051 missing-batch-identifier.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `build-graph` or `build-list` task without `identifier`.
    ///
    /// ## Why is this bad?
    /// `identifier` is required: it names the task (exposed to it as
    /// `CODEBUILD_BATCH_BUILD_IDENTIFIER`) and is what `depend-on` refers to.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - buildspec: buildspec-linux.yml
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: linux
    ///       buildspec: buildspec-linux.yml
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    code: "BS051", name: "missing-batch-identifier", severity: Error
}

/// Reports batch tasks without `identifier` (a required key of the schema).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
