//! ECS001 missing-task-definition-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a task definition without `family` or without `containerDefinitions`, the two
    /// parameters `RegisterTaskDefinition` requires, and a file that is not a JSON object at
    /// all (empty, a list, a string). A list of container definitions (each with an `image`),
    /// which `aws ecs register-task-definition --container-definitions file://…` reads and
    /// repositories often name `task-definition.json`, is not reported.
    ///
    /// ## Why is this bad?
    /// Every deploy path registers the file as a new revision: CodePipeline's CodeDeployToECS
    /// action (`taskdef.json`), `aws-actions/amazon-ecs-deploy-task-definition`, and
    /// `aws ecs register-task-definition --cli-input-json`. ECS refuses a request without a
    /// family or without container definitions (`ClientException`), so the deployment fails
    /// before anything runs.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///      "portMappings": [{"containerPort": 80}]}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///      "portMappings": [{"containerPort": 80}]}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - RegisterTaskDefinition (`family` and `containerDefinitions` required): <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>
    /// - CodePipeline, CodeDeployToECS action (`TaskDefinitionTemplatePath`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    code: "ECS001", name: "missing-task-definition-key", severity: Error
}

/// One report per missing key, at the definition's first line.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let model = cx.model;
    if cx.root.is_invalid() {
        // Nothing could be read: the reader said why.
        return;
    }
    if !model.readable {
        // A list of container definitions, what `aws ecs register-task-definition
        // --container-definitions file://…` reads, is often named like a task definition
        // (`task-definition.json`): not a mistake, and nothing of a whole definition to check.
        let containers = cx.root.items();
        if cx.root.seq().is_some()
            && !containers.is_empty()
            && containers
                .iter()
                .all(|c| c.get("image").is_some() && c.get("imageUri").is_none())
        {
            return;
        }
        out.push(
            RULE.at(
                crate::task_definition::model::opening(cx.root.span),
                format!(
                    "the task definition is {}, not an object with `family` and `containerDefinitions`",
                    cx.root.describe()
                ),
            )
            .with_help("write the task definition as one JSON object: `{\"family\": …, \"containerDefinitions\": [...]}`"),
        );
        return;
    }
    // The opening of the mapping: the finding is about the whole definition.
    let at = crate::task_definition::model::opening(model.span);
    if model.containers_key.is_none() {
        out.push(
            RULE.at(at, "the task definition has no `containerDefinitions`")
                .with_help("list the task's containers under `containerDefinitions` (each with a `name` and an `image`)"),
        );
    }
    if !model.has_family {
        out.push(
            RULE.at(at, "the task definition has no `family`")
                .with_help("name the task definition's family (`\"family\": \"web\"`): each registration adds a revision to it"),
        );
    }
}
