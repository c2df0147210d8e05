//! AS050 missing-resources.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an ECS or Lambda AppSpec without `Resources`.
    ///
    /// ## Why is this bad?
    /// `Resources` says what to deploy: the ECS service's task definition and load balancer
    /// container, or the Lambda function, alias and versions. CodeDeploy cannot deploy without
    /// it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Hooks:
    ///   - BeforeAllowTraffic: "validate-before-traffic"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// Hooks:
    ///   - BeforeAllowTraffic: "validate-before-traffic"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS050", name: "missing-resources", severity: Error
}

/// Reports the missing `Resources` the schema walk found.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
