//! BS042 exported-aws-prefix.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Reports an `exported-variables` entry whose name starts with `AWS_`.
    ///
    /// ## Why is this bad?
    /// The reference: variables whose names start with `AWS_` cannot be exported. CodePipeline
    /// never receives the value.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   exported-variables:
    ///     - AWS_IMAGE_TAG
    /// phases:
    ///   build:
    ///     commands:
    ///       - export AWS_IMAGE_TAG=$(git rev-parse --short HEAD)
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   exported-variables:
    ///     - IMAGE_TAG
    /// phases:
    ///   build:
    ///     commands:
    ///       - export IMAGE_TAG=$(git rev-parse --short HEAD)
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/exported-variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.exported-variables>
    code: "BS042", name: "exported-aws-prefix", severity: Error
}

/// Exported variables named `AWS_…`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for item in cx
        .root
        .get("env")
        .and_then(|e| e.get("exported-variables"))
        .map(Node::items)
        .unwrap_or(&[])
    {
        if let Some(name) = item.as_str()
            && name.starts_with("AWS_")
        {
            out.push(
                RULE.at(
                    item.span,
                    format!("`{name}` cannot be exported: names starting with AWS_ are not exported"),
                )
                .with_help("rename the variable, for example without the AWS_ prefix"),
            );
        }
    }
}
