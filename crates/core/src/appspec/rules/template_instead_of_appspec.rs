//! AS015 template-instead-of-appspec.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Detection;
use crate::appspec::model::{entry_ci, get_ci};
use crate::diagnostic::Diagnostic;
use crate::schema::first_line;

declare_rule! {
    /// ## What it does
    /// Reports a CloudFormation or SAM template (`AWSTemplateFormatVersion`, `Transform`, or a
    /// `Resources` mapping of typed resources) saved as an AppSpec.
    ///
    /// ## Why is this bad?
    /// CodeDeploy reads `appspec.yml` as an AppSpec: `version: 0.0`, then `os` for
    /// EC2/on-premises or a one-item `Resources` list for ECS and Lambda. A template in its place
    /// fails the deployment. For Lambda traffic shifting from a SAM template, use the function's
    /// `DeploymentPreference` instead; SAM writes the AppSpec for you.
    ///
    /// ## Example
    /// ```yaml
    /// AWSTemplateFormatVersion: '2010-09-09'
    /// Transform: AWS::Serverless-2016-10-31
    /// Resources:
    ///   MyFunction:
    ///     Type: AWS::Serverless::Function
    ///     Properties:
    ///       Handler: app.handler
    ///       Runtime: python3.12
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - MyFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// ```
    ///
    /// ## References
    /// - AppSpec file reference: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html>
    /// - AWS SAM, gradual deployments: <https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/automating-updates-to-serverless-apps.html>
    code: "AS015", name: "template-instead-of-appspec", severity: Error
}

/// A CloudFormation or SAM template (the only finding such a file gets: the walk does not run
/// over it and the platform rules see no known platform).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.detection != Detection::Template {
        return;
    }
    let root = cx.root;
    let span = ["AWSTemplateFormatVersion", "Transform", "Resources"]
        .iter()
        .find_map(|k| entry_ci(root, k).map(|p| p.key.span))
        .unwrap_or_else(|| first_line(cx.text));
    let sam = get_ci(root, "Transform").is_some();
    out.push(
        RULE.at(
            span,
            if sam {
                "this is a SAM template, not a CodeDeploy AppSpec"
            } else {
                "this is a CloudFormation template, not a CodeDeploy AppSpec"
            },
        )
        .with_help("an AppSpec starts with `version: 0.0` and has `os` (EC2/on-premises) or a one-item `Resources` list (ECS, Lambda); deploy templates with CloudFormation, and shift Lambda traffic from SAM with `DeploymentPreference`"),
    );
}
