//! DEP141 multiple-ecs-services.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `ecsServices` list with more than one service.
    ///
    /// ## Why is this bad?
    /// An ECS deployment group deploys one service, and a service belongs to one deployment group;
    /// CodeDeploy rejects more (`ECSServiceMappingLimitExceededException`). Create a deployment
    /// group per service.
    ///
    /// ## Example
    /// ```json
    /// {"ecsServices": [
    ///   {"serviceName": "api", "clusterName": "prod"},
    ///   {"serviceName": "worker", "clusterName": "prod"}
    /// ]}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"ecsServices": [{"serviceName": "api", "clusterName": "prod"}]}
    /// ```
    ///
    /// ## References
    /// - Create a deployment group for an Amazon ECS deployment: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-ecs.html>
    /// - CreateDeploymentGroup errors (ECSServiceMappingLimitExceededException): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html>
    code: "DEP141", name: "multiple-ecs-services", severity: Error
}

/// More than one ECS service.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(services) = g.ecs_services else { continue };
        if services.opaque || services.len <= 1 {
            continue;
        }
        out.push(
            RULE.at(services.key, format!("{} ECS services are listed; a deployment group deploys one", services.len))
                .with_help("create one deployment group per service"),
        );
    }
}
