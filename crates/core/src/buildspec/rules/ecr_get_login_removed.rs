//! BS090 ecr-get-login-removed.

use crate::declare_rule;
use super::Cx;
use super::helpers::commands;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `aws ecr get-login`, which AWS CLI version 2 removed.
    ///
    /// ## Why is this bad?
    /// Current CodeBuild images ship AWS CLI v2, where `aws ecr get-login` fails with "Invalid
    /// choice", so the Docker login — and every push after it — fails. Tutorials written for
    /// CLI v1 still use it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   pre_build:
    ///     commands:
    ///       - $(aws ecr get-login --no-include-email --region $AWS_DEFAULT_REGION)
    ///   build:
    ///     commands:
    ///       - docker build -t $REPO_URI:latest .
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   pre_build:
    ///     commands:
    ///       - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
    ///   build:
    ///     commands:
    ///       - docker build -t $REPO_URI:latest .
    /// ```
    ///
    /// ## References
    /// - AWS CLI v2 migration guide ("ecr get-login removed"): <https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-ecr-get-login>
    /// - `aws ecr get-login-password`: <https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html>
    code: "BS090", name: "ecr-get-login-removed", severity: Warning
}

/// `aws ecr get-login`, gone from AWS CLI v2.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for cmd in commands(cx.root) {
        let Some(scalar) = cmd.scalar() else { continue };
        let text = scalar.text.as_str();
        if let Some(at) = text.find("aws ecr get-login")
            && !text
                .get(at..)
                .unwrap_or("")
                .starts_with("aws ecr get-login-password")
        {
            out.push(
                RULE.at(cmd.span, "`aws ecr get-login` does not exist in AWS CLI v2, which current CodeBuild images use")
                    .with_help("log in with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin <registry>`"),
            );
        }
    }
}
