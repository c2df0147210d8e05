//! AS060 repeated-capacity-provider-base.

use crate::declare_rule;
use super::Cx;
use super::helpers::properties;
use crate::appspec::Platform;
use crate::appspec::model::get_ci;
use crate::diagnostic::Diagnostic;
use crate::schema::int_value;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Reports a `CapacityProviderStrategy` in which more than one capacity provider sets a
    /// `Base` above 0.
    ///
    /// ## Why is this bad?
    /// Only one capacity provider of a strategy can have a base (the number of tasks placed on
    /// it first); ECS rejects the strategy otherwise.
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
    ///             Weight: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    ///             Base: 2
    ///             Weight: 3
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
    ///             Weight: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    ///             Weight: 3
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `CapacityProviderStrategy`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - Amazon ECS API, `CapacityProviderStrategyItem` ("Only one capacity provider in a capacity provider strategy can have a base defined")
    code: "AS060", name: "repeated-capacity-provider-base", severity: Error
}

/// A capacity provider strategy in which more than one provider sets `Base`.
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
    let bases: Vec<&Node> = strategy
        .iter()
        .take(100)
        .filter_map(|item| get_ci(item, "Base"))
        .filter(|base| int_value(base).is_some_and(|b| b > 0))
        .collect();
    if let (Some(first), Some(second)) = (bases.first(), bases.get(1)) {
        out.push(
            RULE.at(
                second.span,
                "a second capacity provider sets `Base`; only one may",
            )
            .with_label(first.span, "first `Base`")
            .with_help("keep `Base` on one provider and share the rest with `Weight`"),
        );
    }
}
