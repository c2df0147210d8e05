//! AS080 container-not-in-task-definition.

use crate::declare_rule;
use crate::related::Related;
use crate::related::build::BuildCx;

declare_rule! {
    /// ## What it does
    /// Relates an ECS AppSpec to the task definition it deploys (in a workspace or a folder
    /// holding both: the only AppSpec and task definition, or the two files a CodeDeployToECS
    /// action names; never when `TaskDefinition` is the ARN of another family) and reports a
    /// `LoadBalancerInfo.ContainerName` that no container of the task definition has.
    /// Placeholders (`<CONTAINER_NAME>`, `${Name}`) are not judged.
    ///
    /// ## Why is this bad?
    /// CodeDeploy registers the load balancer's target group on that container: it must be a
    /// container in the task definition (codebuild-codedeploy.md B3). The deployment fails
    /// when it creates the replacement task set ("The container … does not exist in the task
    /// definition"). A container renamed in `taskdef.json` but not in the AppSpec, or the task
    /// definition's family written where the container's name belongs, are the usual causes.
    ///
    /// ## Example
    /// ```yaml appspec.yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: <TASK_DEFINITION>
    ///         LoadBalancerInfo:
    ///           ContainerName: web-app
    ///           ContainerPort: 80
    /// ```
    /// ```json taskdef.json
    /// {"family": "web-app",
    ///  "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///    "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// Use instead:
    /// ```yaml appspec.yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: <TASK_DEFINITION>
    ///         LoadBalancerInfo:
    ///           ContainerName: web
    ///           ContainerPort: 80
    /// ```
    /// ```json taskdef.json
    /// {"family": "web-app",
    ///  "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///    "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// ## References
    /// - AppSpec "resources" section for Amazon ECS deployments (`ContainerName`): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - Tutorial: CodePipeline with Amazon ECS blue/green (`taskdef.json`, `appspec.yaml`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/tutorials-ecs-ecr-codedeploy.html>
    code: "AS080", name: "container-not-in-task-definition", severity: Error
}

/// One report per AppSpec whose container the task definition lacks.
pub(crate) fn check(cx: &BuildCx<'_>, out: &mut Vec<Related>) {
    for pair in &cx.ecs {
        let Some(ecs) = pair.appspec.ecs() else {
            continue;
        };
        let (Some(name), Some(at)) = (ecs.container_name(), ecs.container_name.as_ref()) else {
            continue;
        };
        let task = pair.taskdef;
        if crate::source::filled_in(name) || task.container(name).is_some() || task.containers.is_empty() {
            continue;
        }
        // Every container must have a literal name for the absence to be certain.
        if task.containers.iter().any(|c| c.name().is_none_or(crate::source::filled_in)) {
            continue;
        }
        let names: Vec<String> = task.names().iter().map(|n| format!("`{n}`")).collect();
        let label_at = task
            .containers_key
            .unwrap_or(crate::task_definition::model::opening(task.span));
        let mut d = Related::new(
            pair.appspec_file,
            RULE.at(
                at.span,
                format!("the task definition has no container named `{name}`"),
            ),
        )
        .with_label(
            pair.taskdef_file,
            label_at,
            format!("its containers: {}", names.join(", ")),
        );
        let names_only = task.names();
        let help = match (
            crate::suggest::did_you_mean_value(name, names_only.iter().copied()),
            names_only.as_slice(),
        ) {
            (Some(close), _) => format!("did you mean `{close}`?"),
            (None, [only]) => format!("the task definition's only container is `{only}`"),
            _ => "name the container that listens behind the load balancer".to_string(),
        };
        d.diagnostic = d.diagnostic.with_help(format!(
            "{help} (`ContainerName` is a container's `name` in the task definition, not its family)"
        ));
        out.push(d);
    }
}
