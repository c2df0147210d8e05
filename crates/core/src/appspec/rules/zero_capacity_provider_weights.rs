//! AS061 zero-capacity-provider-weights.

use crate::declare_rule;
use super::Cx;
use super::helpers::properties;
use crate::appspec::Platform;
use crate::appspec::model::{entry_ci, get_ci};
use crate::diagnostic::Diagnostic;
use crate::schema::int_value;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Reports a `CapacityProviderStrategy` with several capacity providers whose `Weight`s
    /// are all 0 or absent (the default weight is 0).
    ///
    /// ## Why is this bad?
    /// With more than one capacity provider, at least one must have a weight above 0, or no
    /// task beyond the base can be placed; ECS rejects the strategy.
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
    ///         CapacityProviderStrategy:
    ///           - CapacityProvider: "FARGATE"
    ///             Base: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
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
    ///         CapacityProviderStrategy:
    ///           - CapacityProvider: "FARGATE"
    ///             Base: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    ///             Weight: 1
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `CapacityProviderStrategy`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - Amazon ECS API, `CapacityProviderStrategyItem` `weight`
    code: "AS061", name: "zero-capacity-provider-weights", severity: Error
}

/// A strategy of several capacity providers, none with a `Weight` above 0.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.known_platform() != Some(Platform::Ecs) {
        return;
    }
    let Some(props) = properties(cx.root) else {
        return;
    };
    let strategy = get_ci(props, "CapacityProviderStrategy")
        .map(Node::items)
        .unwrap_or(&[]);
    let any_weight = strategy.iter().take(100).any(|item| {
        get_ci(item, "Weight")
            .and_then(int_value)
            .is_some_and(|w| w > 0)
    });
    if strategy.len() > 1
        && !any_weight
        && strategy.iter().all(|i| i.map().is_some())
        && let Some(pair) = entry_ci(props, "CapacityProviderStrategy")
    {
        out.push(
            RULE.at(
                pair.key.span,
                "no capacity provider of the strategy has a `Weight` above 0",
            )
            .with_help("give at least one provider a `Weight` of 1 or more (the default is 0)"),
        );
    }
}
