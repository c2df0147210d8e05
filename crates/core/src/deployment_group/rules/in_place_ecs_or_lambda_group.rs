//! DEP134 in-place-ecs-or-lambda-group.

use super::Cx;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an ECS or Lambda group (told by `ecsServices`, `computePlatform` or its predefined
    /// configuration) whose deployment style is `IN_PLACE` or `WITHOUT_TRAFFIC_CONTROL`.
    ///
    /// ## Why is this bad?
    /// ECS and Lambda deployments are always blue/green with traffic control: a replacement task
    /// set or function version receives the traffic the configuration shifts. CodeDeploy rejects
    /// other styles for them (`InvalidDeploymentStyleException`).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}],
    ///   "deploymentStyle": {"deploymentType": "IN_PLACE", "deploymentOption": "WITH_TRAFFIC_CONTROL"}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}],
    ///   "deploymentStyle": {"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"}
    /// }
    /// ```
    ///
    /// ## References
    /// - Create a deployment group for an Amazon ECS deployment: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-ecs.html>
    /// - Overview of CodeDeploy compute platforms (Lambda and ECS are blue/green): <https://docs.aws.amazon.com/codedeploy/latest/userguide/welcome.html>
    code: "DEP134", name: "in-place-ecs-or-lambda-group", severity: Error
}

/// ECS and Lambda groups with an in-place or uncontrolled style.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(platform @ (Platform::Ecs | Platform::Lambda)) = g.platform_or_config() else {
            continue;
        };
        let Some(style) = &g.style else { continue };
        let wrong = [
            (style.deployment_type.as_ref(), "IN_PLACE", "BLUE_GREEN"),
            (style.option.as_ref(), "WITHOUT_TRAFFIC_CONTROL", "WITH_TRAFFIC_CONTROL"),
        ];
        for (field, bad, good) in wrong {
            let Some(field) = field.filter(|f| f.text() == Some(bad)) else { continue };
            out.push(
                RULE.at(field.span, format!("{} deployments are always blue/green with traffic control, not `{bad}`", platform.title()))
                    .with_help(format!("use `{good}`"))
                    .with_fix(format!("replace with `{good}`"), field.span, crate::deployment::read::requote(cx.text, field.span, good)),
            );
        }
    }
}
