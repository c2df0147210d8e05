//! AS051 wrong-resource-count.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Platform;
use crate::appspec::schema::RESOURCES_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an ECS or Lambda `Resources` list that does not have exactly one entry.
    ///
    /// ## Why is this bad?
    /// An AppSpec deploys one ECS service (one `TargetService`) or one Lambda function version;
    /// AWS's sample AppSpec validator rejects more than one resource, and an empty list deploys
    /// nothing. Use one AppSpec, and one deployment group, per service or function.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/api:7"
    ///         LoadBalancerInfo:
    ///           ContainerName: "api"
    ///           ContainerPort: 8080
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant (rejects more than one resource)
    code: "AS051", name: "wrong-resource-count", severity: Error
}

/// A `Resources` list with no entry, or with more than one.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let what = match cx.model.platform {
        Platform::Lambda => "function",
        Platform::Ec2 | Platform::Ecs => "service",
    };
    for tagged in cx.facts.tagged(RESOURCES_TAG) {
        let Some(seq) = tagged.node.seq() else {
            continue;
        };
        let items = &seq.items;
        if items.is_empty() && seq.complete {
            out.push(
                RULE.at(tagged.anchor, "`Resources` is empty")
                    .with_help(format!("list exactly one resource: the {what} to deploy")),
            );
        }
        if let (Some(first), Some(second)) = (items.first(), items.get(1)) {
            out.push(
                RULE.at(
                    second.span,
                    format!(
                        "`Resources` has {} entries; an AppSpec deploys exactly one {what}",
                        items.len()
                    ),
                )
                .with_label(first.span, "first resource")
                .with_help(format!(
                    "use one AppSpec (and one deployment group) per {what}"
                )),
            );
        }
    }
}
