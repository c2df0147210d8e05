//! ECS012 no-essential-container.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a task definition whose every container is marked `"essential": false`.
    ///
    /// ## Why is this bad?
    /// "All tasks must have at least one essential container" (the `essential` parameter in
    /// the ECS developer guide): ECS refuses to register a task definition without one. A
    /// container without `essential` is essential, so the finding only comes from containers
    /// all switched off explicitly — usually a sidecar's settings copied to the application's
    /// container.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "essential": false},
    ///     {"name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "essential": true},
    ///     {"name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - Task definition parameters, `essential`: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_environment>
    /// - ContainerDefinition, `essential`: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html>
    code: "ECS012", name: "no-essential-container", severity: Error
}

/// One report at the first container's `essential`, with labels at the others'.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let containers = &cx.model.containers;
    let switched_off: Option<Vec<_>> = containers
        .iter()
        .map(|c| c.essential.as_ref().filter(|e| !e.value).map(|e| e.span))
        .collect();
    let Some(spans) = switched_off else { return };
    let Some((first, rest)) = spans.split_first() else {
        return;
    };
    let mut d = RULE
        .at(
            *first,
            "no container of the task definition is essential; ECS needs at least one",
        )
        .with_help("set `\"essential\": true` on the application's container (or leave `essential` out: it defaults to true)");
    for span in rest {
        d = d.with_label(*span, "not essential either");
    }
    out.push(d);
}
