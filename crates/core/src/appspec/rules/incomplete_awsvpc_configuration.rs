//! AS058 incomplete-awsvpc-configuration.

use crate::declare_rule;
use super::Cx;
use super::helpers::properties;
use crate::appspec::Platform;
use crate::appspec::model::{entry_ci, get_ci};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `AwsvpcConfiguration` that sets some but not all of `Subnets`,
    /// `SecurityGroups` and `AssignPublicIp`.
    ///
    /// ## Why is this bad?
    /// The reference requires all three together: leave the block out to keep the service's
    /// current network settings, or give all three.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         NetworkConfiguration:
    ///           AwsvpcConfiguration:
    ///             Subnets: ["subnet-1234abcd"]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         NetworkConfiguration:
    ///           AwsvpcConfiguration:
    ///             Subnets: ["subnet-1234abcd"]
    ///             SecurityGroups: ["sg-1234abcd"]
    ///             AssignPublicIp: "DISABLED"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `NetworkConfiguration`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS058", name: "incomplete-awsvpc-configuration", severity: Error
}

/// An `AwsvpcConfiguration` with some but not all of its three settings.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.known_platform() != Some(Platform::Ecs) {
        return;
    }
    let Some(props) = properties(cx.root) else {
        return;
    };
    if let Some(pair) =
        get_ci(props, "NetworkConfiguration").and_then(|n| entry_ci(n, "AwsvpcConfiguration"))
        && pair.value.map().is_some_and(|m| m.complete)
    {
        let keys = ["Subnets", "SecurityGroups", "AssignPublicIp"];
        let present: Vec<&str> = keys
            .into_iter()
            .filter(|k| get_ci(&pair.value, k).is_some_and(|v| !v.is_null()))
            .collect();
        if !present.is_empty() && present.len() < keys.len() {
            let missing: Vec<String> = keys
                .into_iter()
                .filter(|k| !present.contains(k))
                .map(|k| format!("`{k}`"))
                .collect();
            out.push(
                RULE.at(pair.key.span, format!("`AwsvpcConfiguration` lacks {}", missing.join(" and ")))
                    .with_help("give `Subnets`, `SecurityGroups` and `AssignPublicIp` together, or leave the block out to keep the service's network settings"),
            );
        }
    }
}
