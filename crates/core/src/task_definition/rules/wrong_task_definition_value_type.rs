//! ECS021 wrong-task-definition-value-type.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value whose type the `RegisterTaskDefinition` API does not accept: a container
    /// definition, a port mapping or a log configuration that is not an object,
    /// `containerDefinitions`, `portMappings`, `environment`, `command` or `entryPoint` that is
    /// not a list, a container's `cpu`, `memory` or a `containerPort` that is not a whole
    /// number, `essential` or `privileged` that is not a boolean, a name or an image that is an
    /// object or a list. It judges only what is certain: a number or a boolean in quotes
    /// (`"containerPort": "80"`, `"essential": "true"`) is left alone, and so is a quoted value
    /// a build or a template fills in (`"containerPort": "${PORT}"`, `"<MEMORY>"`), the task's `cpu` and
    /// `memory` (strings in the API: `"256"`, `"1 vCPU"`) may be numbers, and `null` (which
    /// `describe-task-definition` prints for every unset parameter) is never judged.
    ///
    /// ## Why is this bad?
    /// The registration fails: the AWS CLI checks every parameter's type against the API
    /// before sending ("Invalid type for parameter
    /// containerDefinitions[0].portMappings[0].containerPort"), and the service reads the
    /// request by the same types whichever SDK sends it (the GitHub deploy action, CodePipeline).
    /// The deployment stops before a task starts.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///      "command": "npm start",
    ///      "portMappings": [{"containerPort": "http"}]}
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
    ///      "command": ["npm", "start"],
    ///      "portMappings": [{"containerPort": 80}]}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - RegisterTaskDefinition, request syntax and types: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>
    /// - ContainerDefinition (`cpu`, `memory`, `memoryReservation` integers; `essential` a boolean): <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html>
    /// - PortMapping (`containerPort` an integer): <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html>
    /// - Task definition parameters (task size `cpu`/`memory` as strings): <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html>
    code: "ECS021", name: "wrong-task-definition-value-type", severity: Error
}

/// Reports the wrong types the schema walk found.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
