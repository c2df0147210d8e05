//! ECS011 duplicate-container-name.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a container whose `name` an earlier container of the same task definition
    /// already has.
    ///
    /// ## Why is this bad?
    /// ECS refuses the registration: "Container names must be unique within a Task
    /// Definition" (`ClientException`). A copied container block whose name was not changed
    /// is the usual cause.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "portMappings": [{"containerPort": 80}]},
    ///     {"name": "web", "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest"}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "portMappings": [{"containerPort": 80}]},
    ///     {"name": "otel-collector", "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest"}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - ContainerDefinition, `name`: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html>
    /// - The error ECS answers: <https://github.com/metaps/genova/issues/291>
    code: "ECS011", name: "duplicate-container-name", severity: Error
}

/// One report per repeated name, with a label on the first container of that name.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let containers = &cx.model.containers;
    for (i, c) in containers.iter().enumerate() {
        let Some(name) = &c.name else { continue };
        if name.value.trim().is_empty() {
            continue;
        }
        let Some(first) = containers
            .iter()
            .take(i)
            .find_map(|e| e.name.as_ref().filter(|n| n.value == name.value))
        else {
            continue;
        };
        out.push(
            RULE.at(name.span, format!("container name `{}` is used twice", name.value))
                .with_label(first.span, "first used here")
                .with_help("give each container of the task definition its own name"),
        );
    }
}
