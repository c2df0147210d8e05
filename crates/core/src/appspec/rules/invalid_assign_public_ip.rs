//! AS059 invalid-assign-public-ip.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `AssignPublicIp` other than `ENABLED` or `DISABLED`.
    ///
    /// ## Why is this bad?
    /// These two words, in upper case, are the only values ECS accepts.
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
    ///             SecurityGroups: ["sg-1234abcd"]
    ///             AssignPublicIp: "true"
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
    ///             AssignPublicIp: "ENABLED"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `AssignPublicIp`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS059", name: "invalid-assign-public-ip", severity: Error
}

/// Reports the `AssignPublicIp` values the schema walk found outside the documented set.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
