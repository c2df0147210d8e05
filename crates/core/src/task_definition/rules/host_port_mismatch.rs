//! ECS031 host-port-mismatch.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a port mapping whose `hostPort` differs from its `containerPort` in a task
    /// definition with `networkMode` `awsvpc` or `host` (a `hostPort` of `0` is not reported).
    ///
    /// ## Why is this bad?
    /// With `awsvpc` (every Fargate task) and `host` there is no port translation: the task
    /// listens on the container's port. The ECS guide says `hostPort` "can either be left
    /// blank or set to the same value as the `containerPort`", and ECS refuses the
    /// registration otherwise ("When networkMode=awsvpc, the host ports and container ports in
    /// port mappings must match.", a `ClientException`). Mappings copied from a `bridge`
    /// definition (`8080` → `80`) are the usual cause; the load balancer's target group then
    /// points at the container port.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "networkMode": "awsvpc",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "portMappings": [{"containerPort": 80, "hostPort": 8080}]}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "networkMode": "awsvpc",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "<IMAGE1_NAME>", "portMappings": [{"containerPort": 80}]}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - Task definition parameters, port mappings: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings>
    /// - The error ECS answers: <https://github.com/pulumi/pulumi-awsx/issues/935>
    code: "ECS031", name: "host-port-mismatch", severity: Error
}

/// One report per mapping whose host port is another than its container port.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(mode) = &cx.model.network_mode else {
        return;
    };
    if mode.value != "awsvpc" && mode.value != "host" {
        return;
    }
    for c in &cx.model.containers {
        for p in &c.ports {
            let (Some(host), Some(port)) = (&p.host_port, p.container_port) else {
                continue;
            };
            if host.value == 0 || host.value == port {
                continue;
            }
            out.push(
                RULE.at(
                    host.span,
                    format!(
                        "with `networkMode` `{}`, `hostPort` must be `containerPort` ({port}) or left out, not {}",
                        mode.value, host.value
                    ),
                )
                .with_label(mode.span, "no port translation in this network mode")
                .with_help(format!("remove `hostPort` (or write {port}); clients and target groups reach the task on port {port}")),
            );
        }
    }
}
