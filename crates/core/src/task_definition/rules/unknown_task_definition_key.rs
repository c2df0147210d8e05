//! ECS020 unknown-task-definition-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a key that a task definition does not have at that place: at the top level,
    /// in a container definition, or in a container's port mappings, environment variables,
    /// secrets, log configuration, health check and the other parts whose keys the
    /// `RegisterTaskDefinition` API lists. It suggests the closest key. The keys
    /// `describe-task-definition` adds (`taskDefinitionArn`, `revision`, `status`,
    /// `requiresAttributes`, `compatibilities`, `registeredAt`, `registeredBy`, …) and its
    /// `{"taskDefinition": …, "tags": […]}` wrapper are known.
    ///
    /// ## Why is this bad?
    /// A misspelt key is not what it was meant to be. `aws ecs register-task-definition
    /// --cli-input-json` refuses the whole file ("Unknown parameter in containerDefinitions[0]:
    /// …"), while the SDKs behind the GitHub ECS actions and CodePipeline send only the members
    /// they know: a `portMapping` or `enviroment` key is dropped without a word, and the task
    /// runs without its ports or variables. It is a warning because the API gains parameters
    /// over time and the checker's tables may lag behind them.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///      "portMapping": [{"containerPort": 80}]}
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
    /// - RegisterTaskDefinition, request parameters: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>
    /// - ContainerDefinition: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html>
    /// - Task definition parameters: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html>
    /// - The keys `describe-task-definition` adds, which the deploy action removes before registering (`IGNORED_TASK_DEFINITION_ATTRIBUTES`): <https://github.com/aws-actions/amazon-ecs-deploy-task-definition/blob/master/index.js>
    code: "ECS020", name: "unknown-task-definition-key", severity: Warning
}

/// Reports the keys the schema walk did not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
