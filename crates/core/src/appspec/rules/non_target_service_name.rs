//! AS063 non-target-service-name.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Platform;
use crate::appspec::schema::RESOURCE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when the ECS service resource under `Resources` is not named `TargetService`.
    ///
    /// ## Why is this bad?
    /// Every ECS AppSpec in the documentation, and CodePipeline's ECS blue/green action, name
    /// the resource `TargetService`. Whether another name is accepted is not documented, hence
    /// a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - WebService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
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
    /// - AppSpec 'resources' section (ECS): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS063", name: "non-target-service-name", severity: Warning
}

/// An ECS service resource not named `TargetService`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.known_platform() != Some(Platform::Ecs) {
        return;
    }
    for tagged in cx.facts.tagged(RESOURCE_TAG) {
        let Some(pair) = tagged.node.entries().first() else {
            continue;
        };
        let key = pair.key_str().unwrap_or("?");
        if !key.eq_ignore_ascii_case("TargetService") {
            out.push(
                RULE.at(
                    pair.key.span,
                    format!("the ECS service resource is named `{key}`, not `TargetService`"),
                )
                .with_help("every documented ECS AppSpec names it `TargetService`")
                .with_rewrite("rename to `TargetService`", cx.text, pair.key.span, "TargetService"),
            );
        }
    }
}
