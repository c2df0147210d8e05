//! ECS001 missing-task-definition-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a task definition without `family` or without `containerDefinitions`, the two
    /// parameters `RegisterTaskDefinition` requires (or with either left `null`; a misspelt
    /// key such as `famliy` is named), and a file that is not a JSON object at all (empty, a
    /// list, a string). A list of container definitions (each with an `image`),
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

/// A file that is not an object; otherwise the keys the schema walk found missing (or empty,
/// or misspelt) at the definition's first line.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.root.is_invalid() {
        // Nothing could be read: the reader said why.
        return;
    }
    if cx.model.readable {
        cx.facts.report(&RULE, out);
        return;
    }
    // A list of container definitions, what `aws ecs register-task-definition
    // --container-definitions file://…` reads, is often named like a task definition
    // (`task-definition.json`): not a mistake, and nothing of a whole definition to check.
    if crate::task_definition::model::container_list(cx.root) {
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
}
