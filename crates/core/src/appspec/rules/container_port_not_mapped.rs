//! AS081 container-port-not-mapped.

use crate::declare_rule;
use crate::related::Related;
use crate::related::build::BuildCx;

declare_rule! {
    /// ## What it does
    /// Relates an ECS AppSpec to the task definition it deploys (as rule AS080 does) and
    /// reports a `LoadBalancerInfo.ContainerPort` that the named container does not map: no
    /// entry of its `portMappings` has that `containerPort`.
    ///
    /// ## Why is this bad?
    /// The load balancer sends traffic to the container on that port; ECS accepts a service's
    /// load balancer only on a container port the container maps, and the deployment fails
    /// when the replacement task set is created ("The container … did not have a container
    /// port … defined"). A port changed in the task definition but not in the AppSpec (8080
    /// against 80, the application's port against the load balancer's) is the usual cause.
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
    ///           ContainerName: web
    ///           ContainerPort: 80
    /// ```
    /// ```json taskdef.json
    /// {"family": "web",
    ///  "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///    "portMappings": [{"containerPort": 8080, "protocol": "tcp"}]}]}
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
    ///           ContainerPort: 8080
    /// ```
    /// ```json taskdef.json
    /// {"family": "web",
    ///  "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///    "portMappings": [{"containerPort": 8080, "protocol": "tcp"}]}]}
    /// ```
    ///
    /// ## References
    /// - AppSpec "resources" section for Amazon ECS deployments (`ContainerPort`): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - PortMapping, `containerPort`: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html>
    code: "AS081", name: "container-port-not-mapped", severity: Error
}

/// One report per AppSpec whose port the named container does not map.
pub(crate) fn check(cx: &BuildCx<'_>, out: &mut Vec<Related>) {
    for pair in &cx.ecs {
        let Some(ecs) = pair.appspec.ecs() else {
            continue;
        };
        let (Some(name), Some(port_at)) = (ecs.container_name(), ecs.container_port.as_ref())
        else {
            continue;
        };
        let Some(port) = ecs.container_port().and_then(|p| p.trim().parse::<i64>().ok()) else {
            continue;
        };
        let Some(container) = pair.taskdef.container(name) else {
            continue;
        };
        if container.ports_partial || container.port(port).is_some() {
            continue;
        }
        let mapped: Vec<String> = container
            .ports
            .iter()
            .filter_map(|p| p.container_port)
            .map(|p| format!("`{p}`"))
            .collect();
        let (label, help) = match mapped.as_slice() {
            [] => (
                format!("container `{name}` maps no port"),
                format!("add `{{\"containerPort\": {port}}}` to the container's `portMappings`"),
            ),
            [only] => (
                format!("container `{name}` maps {only}"),
                format!(
                    "set `ContainerPort` to {only}, or map port {port} in the container's `portMappings`"
                ),
            ),
            _ => (
                format!("container `{name}` maps {}", mapped.join(", ")),
                format!(
                    "set `ContainerPort` to the port the application listens on, or map port {port} in the container's `portMappings`"
                ),
            ),
        };
        let label_at = container.name.as_ref().map_or(container.span, |n| n.span);
        let mut d = Related::new(
            pair.appspec_file,
            RULE.at(
                port_at.span,
                format!("container `{name}` of the task definition does not map port {port}"),
            ),
        )
        .with_label(pair.taskdef_file, label_at, label);
        d.diagnostic = d.diagnostic.with_help(help);
        out.push(d);
    }
}
