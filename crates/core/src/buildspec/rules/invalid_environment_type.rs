//! BS057 invalid-environment-type.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an environment `type` that is not one of CodeBuild's environment types
    /// (`LINUX_CONTAINER`, `ARM_CONTAINER`, `LINUX_GPU_CONTAINER`, `WINDOWS_SERVER_2019_CONTAINER`,
    /// `LINUX_LAMBDA_CONTAINER`, …).
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot start the task.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: arm
    ///       env:
    ///         type: ARM64_CONTAINER
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
    ///     - identifier: arm
    ///       env:
    ///         type: ARM_CONTAINER
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - CodeBuild API, `EnvironmentType`: <https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html>
    code: "BS057", name: "invalid-environment-type", severity: Error
}

/// Reports environment types the schema does not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
