//! ECS010 missing-container-name.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a container definition without a `name`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// ECS refuses to register it ("Container.name should not be null or empty", a
    /// `ClientException`), though the API reference marks `name` optional. Every other file of
    /// a deployment finds the container by its name: the AppSpec's
    /// `LoadBalancerInfo.ContainerName`, `imagedefinitions.json`, the CodeDeployToECS action's
    /// `Image1ContainerName`, the render action's `container-name`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"image": "public.ecr.aws/nginx/nginx:latest", "portMappings": [{"containerPort": 80}]}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "containerDefinitions": [
    ///     {"name": "web", "image": "public.ecr.aws/nginx/nginx:latest", "portMappings": [{"containerPort": 80}]}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - ContainerDefinition, `name`: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html>
    /// - The error when it is missing: <https://github.com/awsdocs/aws-cloudformation-user-guide/pull/612>
    code: "ECS010", name: "missing-container-name", severity: Error
}

/// One report per container without a usable name.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for (i, c) in cx.model.containers.iter().enumerate() {
        if c.span.is_empty() {
            continue;
        }
        match &c.name {
            Some(n) if !n.value.trim().is_empty() => {}
            Some(n) => out.push(
                RULE.at(n.span, format!("container {} has an empty `name`", i + 1))
                    .with_help("name the container: the AppSpec, `imagedefinitions.json` and the deploy actions find it by that name"),
            ),
            None => {
                let at = crate::task_definition::model::opening(c.span);
                out.push(
                    RULE.at(at, format!("container {} has no `name`", i + 1))
                        .with_help("name the container: the AppSpec, `imagedefinitions.json` and the deploy actions find it by that name"),
                );
            }
        }
    }
}
