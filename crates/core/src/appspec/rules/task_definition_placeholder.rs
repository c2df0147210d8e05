//! AS055 task-definition-placeholder.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::TASK_DEFINITION_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Explains `TaskDefinition: <TASK_DEFINITION>`, the placeholder that CodePipeline's
    /// "Amazon ECS (Blue/Green)" deploy action replaces.
    ///
    /// ## Why is this bad?
    /// Nothing is wrong when the file is deployed by that action: it registers the task
    /// definition from `taskdef.json` and writes its ARN in place of `<TASK_DEFINITION>`. The
    /// same file deployed any other way (the console, the CLI, `aws deploy create-deployment`)
    /// still holds the placeholder and fails.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: <TASK_DEFINITION>
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
    /// - CodePipeline, Amazon ECS and CodeDeploy blue/green action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    code: "AS055", name: "task-definition-placeholder", severity: Info
}

/// `TaskDefinition: <TASK_DEFINITION>`, which CodePipeline's ECS blue/green action replaces.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(TASK_DEFINITION_TAG) {
        if tagged.node.as_str().map(str::trim) == Some("<TASK_DEFINITION>") {
            out.push(
                RULE.at(tagged.node.span, "`<TASK_DEFINITION>` is a placeholder that CodePipeline's ECS blue/green action replaces with the new task definition's ARN")
                    .with_help("deployed any other way, this file must name the task definition ARN itself"),
            );
        }
    }
}
