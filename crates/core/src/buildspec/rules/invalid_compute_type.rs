//! BS056 invalid-compute-type.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `compute-type` that is not one of CodeBuild's compute types
    /// (`BUILD_GENERAL1_SMALL` … `BUILD_GENERAL1_2XLARGE`, `BUILD_LAMBDA_1GB` …
    /// `BUILD_LAMBDA_10GB`, `ATTRIBUTE_BASED_COMPUTE`, `CUSTOM_INSTANCE_TYPE`).
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot start the task. (One documentation example uses `ARM_LAMBDA_1GB`, which
    /// is not in the API: ARM Lambda builds use `BUILD_LAMBDA_1GB` with the
    /// `ARM_LAMBDA_CONTAINER` environment type.)
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: small
    ///       env:
    ///         compute-type: BUILD_GENERAL_SMALL
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
    ///     - identifier: small
    ///       env:
    ///         compute-type: BUILD_GENERAL1_SMALL
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - CodeBuild API, `ComputeType`: <https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html>
    /// - Compute modes and types: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html>
    code: "BS056", name: "invalid-compute-type", severity: Error
}

/// Reports compute types the schema does not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
