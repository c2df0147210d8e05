//! AS052 invalid-resource-type.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::{ECS_TYPE_TAG, LAMBDA_TYPE_TAG};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a resource `Type` other than `AWS::ECS::Service` (ECS) or
    /// `AWS::Lambda::Function` (Lambda), such as SAM's `AWS::Serverless::Function`.
    ///
    /// ## Why is this bad?
    /// The AppSpec reference allows exactly these two types; they say what CodeDeploy deploys.
    /// A template type such as `AWS::Serverless::Function` belongs in a SAM template, not in an
    /// AppSpec.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Serverless::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS052", name: "invalid-resource-type", severity: Error
}

/// A resource `Type` other than the platform's.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let types = cx
        .facts
        .tagged(ECS_TYPE_TAG)
        .map(|t| (t, "AWS::ECS::Service"))
        .chain(
            cx.facts
                .tagged(LAMBDA_TYPE_TAG)
                .map(|t| (t, "AWS::Lambda::Function")),
        );
    for (tagged, expected) in types {
        let node = tagged.node;
        let Some(s) = node.scalar() else {
            continue;
        };
        if s.is_null() || s.text == expected {
            continue;
        }
        let mut d = RULE.at(
            node.span,
            format!("resource `Type` `{}` is not `{expected}`", s.text),
        );
        d = if s.text.eq_ignore_ascii_case("AWS::Serverless::Function") {
            d.with_help(format!("`AWS::Serverless::Function` is a SAM template type; in an AppSpec the type is `{expected}`"))
        } else {
            d.with_help(format!(
                "the resource type of this platform is `{expected}`"
            ))
        };
        out.push(d.with_rewrite(format!("replace with `{expected}`"), cx.text, node.span, expected));
    }
}
