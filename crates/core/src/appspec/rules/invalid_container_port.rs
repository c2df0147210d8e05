//! AS057 invalid-container-port.

use crate::declare_rule;
use super::Cx;
use super::helpers::placeholder;
use crate::appspec::schema::CONTAINER_PORT_TAG;
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::int_value;
use crate::source::{Node, ScalarKind};

declare_rule! {
    /// ## What it does
    /// Reports a `ContainerPort` that is not a port number. A port written in quotes (`"80"`)
    /// and port 0 are warnings.
    ///
    /// ## Why is this bad?
    /// `ContainerPort` is the one ECS AppSpec property documented as a number (every other one
    /// is a string); a placeholder such as `"<CONTAINER_PORT>"` or a name cannot route traffic.
    /// Whether the service also accepts digits in quotes is unconfirmed, and AWS's sample
    /// validator warns about port 0.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "version": 0.0,
    ///   "Resources": [
    ///     {"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
    ///       "TaskDefinition": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3",
    ///       "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": "<CONTAINER_PORT>"}}}}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "version": 0.0,
    ///   "Resources": [
    ///     {"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
    ///       "TaskDefinition": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3",
    ///       "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 8080}}}}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `ContainerPort`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant
    code: "AS057", name: "invalid-container-port", severity: Error
}

/// `ContainerPort` values that are not port numbers.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(CONTAINER_PORT_TAG) {
        container_port(tagged.node, out);
    }
}

/// `ContainerPort`: a number.
fn container_port(node: &Node, out: &mut Vec<Diagnostic>) {
    let Some(s) = node.scalar().filter(|s| !s.is_null()) else {
        return;
    };
    let help = "write the container port as a number without quotes, such as `ContainerPort: 8080`";
    match (s.kind(), int_value(node)) {
        (ScalarKind::Int, Some(port)) if (1..=65535).contains(&port) => {}
        (ScalarKind::Int, Some(0)) => out.push(
            RULE
                .at(node.span, "`ContainerPort` is 0")
                .with_severity(Severity::Warning)
                .with_help("give the port the container listens on, as in the task definition's port mappings"),
        ),
        (ScalarKind::Str, Some(port)) if (1..=65535).contains(&port) => out.push(
            RULE
                .at(node.span, format!("`ContainerPort` is the string `\"{}\"`; it is documented as a number", s.text))
                .with_severity(Severity::Warning)
                .with_help(help)
                .with_fix(format!("write the number {port}"), node.span, port.to_string()),
        ),
        (_, Some(port)) => out.push(
            RULE
                .at(node.span, format!("`ContainerPort` {port} is not a port number (1 to 65535)"))
                .with_help(help),
        ),
        (_, None) => {
            let mut d = RULE
                .at(node.span, format!("`ContainerPort` must be a number, found {}", node.describe()))
                .with_help(help);
            if placeholder(&s.text).is_some() {
                d = d.with_help("a placeholder replaced at build time must leave a plain number: write it without quotes, or have the build step replace the quotes too");
            }
            out.push(d);
        }
    }
}
