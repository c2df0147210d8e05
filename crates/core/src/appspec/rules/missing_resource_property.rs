//! AS053 missing-resource-property.

use crate::declare_rule;
use super::Cx;
use super::helpers::last_segment;
use crate::appspec::Platform;
use crate::appspec::schema::{REQUIRED_TEXT_TAG, RESOURCE_TAG};
use crate::diagnostic::{Diagnostic, Severity};

declare_rule! {
    /// ## What it does
    /// Reports a required ECS or Lambda resource field that is missing or empty: `Type` and
    /// `Properties`; for ECS `TaskDefinition`, `LoadBalancerInfo` with `ContainerName` and
    /// `ContainerPort`, and `CapacityProvider` in a capacity provider strategy; for Lambda the
    /// resource's logical name (the key above `Type`), `Name`, `Alias` and `TargetVersion`.
    /// A missing Lambda `CurrentVersion` is only a warning, because the sources disagree (see
    /// below).
    ///
    /// ## Why is this bad?
    /// CodeDeploy needs these to know which task definition to start and where the load
    /// balancer sends traffic, or which alias to shift between which versions; an empty string
    /// (`Name: ""`) names nothing. For Lambda the reference says "The logical name key must be
    /// non-empty" and that `Name`, `Alias`, `CurrentVersion` and `TargetVersion` are all
    /// required, as the AppSpec 'resources' page lists them and AWS's sample AppSpec validator
    /// enforces (it rejects each one empty). AWS's own Lambda AppSpec template
    /// disagrees about `CurrentVersion`: it asks for "the name, alias, target version, and
    /// (optional) the current version". Which one the service enforces is unconfirmed, so a
    /// missing `CurrentVersion` is a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
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
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (Lambda: `name`, `alias`, `currentversion` and `targetversion` listed as required): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - AWS's Lambda AppSpec template, the commented `appspec.yml` AWS provides ("specify the name, alias, target version, and (optional) the current version of your AWS Lambda function")
    /// - aws-samples/aws-codedeploy-appspec-assistant, `validateLambda.go` (rejects an empty resource name, `Name`, `Alias`, `CurrentVersion` or `TargetVersion`)
    code: "AS053", name: "missing-resource-property", severity: Error
}

/// Required resource fields: missing (found by the schema walk), empty, a Lambda resource
/// without a logical name, and a Lambda function without `CurrentVersion` (a warning).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    for tagged in cx.facts.tagged(REQUIRED_TEXT_TAG) {
        let node = tagged.node;
        let Some(s) = node.scalar() else {
            continue;
        };
        // A null value is reported as missing by the schema walk.
        if s.is_null() || !s.text.trim().is_empty() {
            continue;
        }
        let what = match last_segment(&tagged.path) {
            "Name" => "the Lambda function's name",
            "Alias" => "the alias whose traffic shifts",
            "ContainerName" => "the container (in the task definition) that receives traffic",
            "CapacityProvider" => "the capacity provider's short name, such as `FARGATE_SPOT`",
            _ => "a value",
        };
        out.push(
            RULE.at(node.span, format!("`{}` is empty", tagged.path))
                .with_help(format!("write {what}; an empty string names nothing")),
        );
    }
    if cx.model.known_platform() != Some(Platform::Lambda) {
        return;
    }
    for tagged in cx.facts.tagged(RESOURCE_TAG) {
        let Some(pair) = tagged.node.entries().first() else {
            continue;
        };
        if pair.key_str().unwrap_or("?").trim().is_empty() {
            let span = if pair.key.span.is_empty() {
                tagged.node.span
            } else {
                pair.key.span
            };
            out.push(
                RULE.at(span, "the Lambda resource's logical name (the key above `Type`) is empty")
                    .with_help("name the resource, such as `- myLambdaFunction:`; the logical name must not be empty"),
            );
        }
    }
    if let Some(resource) = &cx.model.resource
        && let Some(properties) = resource.properties
        && resource.complete
        && resource.lambda.current_version.is_none()
    {
        out.push(
            RULE.at(properties, format!("`Resources.0.{}.Properties` has no `CurrentVersion`", resource.name))
                .with_severity(Severity::Warning)
                .with_help("add `CurrentVersion`: the version the alias points to now; the reference requires it, though AWS's AppSpec template calls it optional"),
        );
    }
}
