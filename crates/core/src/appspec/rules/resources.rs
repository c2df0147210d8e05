//! ECS and Lambda `Resources`: one entry, its `Type`, its required properties; and placeholders
//! left in any AppSpec.

use crate::appspec::Ctx;
use crate::appspec::model::Platform;
use crate::appspec::rules::ecs::NON_TARGET_SERVICE_NAME;
use crate::appspec::rules::structure::INVALID_TYPE;
use crate::appspec::schema::{ECS_RESOURCE, LAMBDA_RESOURCE};
use crate::declare_rule;
use crate::schema::{Checker, MapSchema, Ty};
use crate::source::{Node, Span, Value};

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
    pub static MISSING_RESOURCES = { code: "AS050", name: "missing-resources", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an ECS or Lambda `Resources` list that does not have exactly one entry.
    ///
    /// ## Why is this bad?
    /// An AppSpec deploys one ECS service (one `TargetService`) or one Lambda function version;
    /// AWS's sample AppSpec validator rejects more than one resource, and an empty list deploys
    /// nothing. Use one AppSpec, and one deployment group, per service or function.
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
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/api:7"
    ///         LoadBalancerInfo:
    ///           ContainerName: "api"
    ///           ContainerPort: 8080
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
    /// - AppSpec 'resources' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant (rejects more than one resource)
    pub static WRONG_RESOURCE_COUNT = { code: "AS051", name: "wrong-resource-count", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a resource `Type` other than `AWS::ECS::Service` (ECS) or
    /// `AWS::Lambda::Function` (Lambda), such as SAM's `AWS::Serverless::Function`.
    ///
    /// ## Why is this bad?
    /// The AppSpec reference allows exactly these two types; they say what CodeDeploy deploys.
    /// A template type such as `AWS::Serverless::Function` belongs in a SAM template, not in an
    /// AppSpec.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Serverless::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
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
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    pub static INVALID_RESOURCE_TYPE = { code: "AS052", name: "invalid-resource-type", severity: Error };
}

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
    pub static MISSING_RESOURCE_PROPERTY = { code: "AS053", name: "missing-resource-property", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a value that is still a placeholder, such as `<TASK_ARN>`,
    /// `<CONTAINER_NAME>` or `arn:aws:ecs:<region>:…`. (The `TaskDefinition` placeholder
    /// `<TASK_DEFINITION>` that CodePipeline fills in is explained by rule AS055 instead.)
    ///
    /// ## Why is this bad?
    /// CodeDeploy uses the text as written. Unless a build step replaces the placeholder before
    /// the deployment, the deployment targets a task definition, container or path that does
    /// not exist. CodePipeline's ECS blue/green action only replaces `<TASK_DEFINITION>`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "<TASK_DEFINITION>"
    ///         LoadBalancerInfo:
    ///           ContainerName: "<CONTAINER_NAME>"
    ///           ContainerPort: 80
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "<TASK_DEFINITION>"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Amazon ECS and CodeDeploy blue/green action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    pub static UNFILLED_PLACEHOLDER = { code: "AS054", name: "unreplaced-placeholder", severity: Warning };
}

/// `Resources` of an ECS AppSpec.
pub(crate) fn check_ecs_resources<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    check_resources(node, anchor, c, &ECS_RESOURCE, Platform::Ecs);
}

/// `Resources` of a Lambda AppSpec.
pub(crate) fn check_lambda_resources<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    check_resources(node, anchor, c, &LAMBDA_RESOURCE, Platform::Lambda);
}

fn check_resources<'a>(
    node: &'a Node,
    anchor: Span,
    c: &mut Checker<'a>,
    schema: &'static MapSchema,
    platform: Platform,
) {
    let what = match platform {
        Platform::Lambda => "function",
        _ => "service",
    };
    let items = match &node.value {
        Value::Seq(seq) => &seq.items,
        Value::Invalid => return,
        _ if node.is_null() => return,
        _ => {
            c.wrong_type(node, "a list with one resource");
            c.help_last(format!(
                    "write `Resources:` as a list: `- {}:` then `Type` and `Properties` indented below it",
                    if platform == Platform::Ecs {
                        "TargetService"
                    } else {
                        "myLambdaFunction"
                    }
                ));
            return;
        }
    };
    let complete = node.seq().is_some_and(|s| s.complete);
    if items.is_empty() && complete {
        c.push(
            WRONG_RESOURCE_COUNT
                .at(anchor, "`Resources` is empty")
                .with_help(format!("list exactly one resource: the {what} to deploy")),
        );
    }
    if let (Some(first), Some(second)) = (items.first(), items.get(1)) {
        c.push(
            WRONG_RESOURCE_COUNT
                .at(
                    second.span,
                    format!(
                        "`Resources` has {} entries; an AppSpec deploys exactly one {what}",
                        items.len()
                    ),
                )
                .with_label(first.span, "first resource")
                .with_help(format!(
                    "use one AppSpec (and one deployment group) per {what}"
                )),
        );
    }
    for (i, item) in items.iter().enumerate().take(100) {
        c.within(&i.to_string(), |c| resource(item, c, schema, platform));
    }
}

fn resource<'a>(
    item: &'a Node,
    c: &mut Checker<'a>,
    schema: &'static MapSchema,
    platform: Platform,
) {
    let entries = match &item.value {
        Value::Map(map) => &map.entries,
        Value::Invalid => return,
        _ => {
            c.wrong_type(
                item,
                "a mapping from the resource's name to its `Type` and `Properties`",
            );
            return;
        }
    };
    let name = if platform == Platform::Ecs {
        "TargetService"
    } else {
        "myLambdaFunction"
    };
    let has_fields = entries.iter().any(|p| {
        p.key_str()
            .is_some_and(|k| k.eq_ignore_ascii_case("Type") || k.eq_ignore_ascii_case("Properties"))
    });
    if entries.len() != 1 || has_fields {
        c.push(
            INVALID_TYPE
                .at(item.span, "a `Resources` item must be a mapping with one key, the resource's name")
                .with_help(format!("put the resource under its name: `- {name}:` then `Type` and `Properties` indented below it")),
        );
        return;
    }
    let Some(pair) = entries.first() else { return };
    let key = pair.key_str().unwrap_or("?");
    if platform == Platform::Lambda && key.trim().is_empty() {
        let span = if pair.key.span.is_empty() {
            item.span
        } else {
            pair.key.span
        };
        c.push(
            MISSING_RESOURCE_PROPERTY
                .at(span, "the Lambda resource's logical name (the key above `Type`) is empty")
                .with_help("name the resource, such as `- myLambdaFunction:`; the logical name must not be empty"),
        );
    }
    if platform == Platform::Ecs && !key.eq_ignore_ascii_case("TargetService") {
        c.push(
            NON_TARGET_SERVICE_NAME
                .at(
                    pair.key.span,
                    format!("the ECS service resource is named `{key}`, not `TargetService`"),
                )
                .with_help("every documented ECS AppSpec names it `TargetService`")
                .with_fix("rename to `TargetService`", pair.key.span, "TargetService"),
        );
    }
    let key = key.to_string();
    c.within(&key, |c| {
        c.value(&pair.value, &Ty::Map(schema), pair.key.span)
    });
}

/// A required string property (`Name`, `Alias`, `ContainerName`, `CapacityProvider`): present
/// but empty is as good as missing.
pub(crate) fn check_required_text<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a string");
        return;
    };
    if s.is_null() || !s.text.trim().is_empty() {
        return; // a null value is reported as missing by the schema walk
    }
    let key = c.current_key().to_string();
    let what = match key.as_str() {
        "Name" => "the Lambda function's name",
        "Alias" => "the alias whose traffic shifts",
        "ContainerName" => "the container (in the task definition) that receives traffic",
        "CapacityProvider" => "the capacity provider's short name, such as `FARGATE_SPOT`",
        _ => "a value",
    };
    let d = MISSING_RESOURCE_PROPERTY
        .at(node.span, format!("`{}` is empty", c.path()))
        .with_help(format!("write {what}; an empty string names nothing"));
    c.push(d);
}

fn check_type<'a>(node: &'a Node, c: &mut Checker<'a>, expected: &'static str) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, expected);
        return;
    };
    if s.is_null() || s.text == expected {
        return;
    }
    let mut d = INVALID_RESOURCE_TYPE.at(
        node.span,
        format!("resource `Type` `{}` is not `{expected}`", s.text),
    );
    d = if s.text.eq_ignore_ascii_case("AWS::Serverless::Function") {
        d.with_help(format!("`AWS::Serverless::Function` is a SAM template type; in an AppSpec the type is `{expected}`"))
    } else {
        d.with_help(format!(
            "the resource type of this platform is `{expected}`"
        ))
    };
    c.push(d.with_fix(format!("replace with `{expected}`"), node.span, expected));
}

/// `Type` of an ECS resource.
pub(crate) fn check_ecs_type<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    check_type(node, c, "AWS::ECS::Service");
}

/// `Type` of a Lambda resource.
pub(crate) fn check_lambda_type<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    check_type(node, c, "AWS::Lambda::Function");
}

/// A `<placeholder>` in `text`: `<` and `>` around 1 to 64 letters, digits, `_`, `-`, `.` or
/// spaces, starting with a letter.
pub(crate) fn placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    let mut offset = 0;
    for _ in 0..64 {
        let open = rest.find('<')?;
        let after = rest.get(open + 1..).unwrap_or("");
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' '))
            .count();
        let starts_with_letter = after
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic());
        if starts_with_letter && (1..=64).contains(&len) && after.as_bytes().get(len) == Some(&b'>')
        {
            let start = offset + open;
            return text.get(start..start + len + 2);
        }
        offset += open + 1;
        rest = after;
    }
    None
}

/// AS054 over every scalar value, except where a rule of its own explains the placeholder
/// (`TaskDefinition`, `ContainerPort`).
pub(crate) fn placeholders(cx: &mut Ctx<'_>) {
    let root = cx.root;
    let mut found = Vec::new();
    walk(root, None, &mut found, 0);
    for (span, token) in found.into_iter().take(50) {
        cx.push(
            UNFILLED_PLACEHOLDER
                .at(span, format!("`{token}` looks like a placeholder that was never filled in"))
                .with_help("replace it with the real value, or make sure a build step replaces it before the deployment"),
        );
    }
}

fn walk(node: &Node, key: Option<&str>, found: &mut Vec<(Span, String)>, depth: usize) {
    if depth > 64 || found.len() >= 50 {
        return;
    }
    match &node.value {
        Value::Scalar(s) => {
            let skip = key.is_some_and(|k| {
                k.eq_ignore_ascii_case("TaskDefinition") || k.eq_ignore_ascii_case("ContainerPort")
            });
            if !skip && let Some(token) = placeholder(&s.text) {
                found.push((node.span, token.to_string()));
            }
        }
        Value::Seq(seq) => {
            for item in &seq.items {
                walk(item, None, found, depth + 1);
            }
        }
        Value::Map(map) => {
            for pair in &map.entries {
                walk(&pair.value, pair.key_str(), found, depth + 1);
            }
        }
        Value::Invalid => {}
    }
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn placeholders() {
        assert_eq!(placeholder("<TASK_ARN>"), Some("<TASK_ARN>"));
        assert_eq!(
            placeholder("arn::ecs:<region>:<account id>:x"),
            Some("<region>")
        );
        assert_eq!(placeholder("a < b > c"), None);
        assert_eq!(placeholder("<<EOF"), None);
        assert_eq!(placeholder("plain"), None);
    }
}
