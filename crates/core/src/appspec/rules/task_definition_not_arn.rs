//! AS056 task-definition-not-arn.

use crate::declare_rule;
use super::Cx;
use super::helpers::placeholder;
use crate::appspec::schema::TASK_DEFINITION_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a `TaskDefinition` that is not a task definition ARN with its revision
    /// (`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`), such as a bare
    /// family name or an ARN without `:<revision>`.
    ///
    /// ## Why is this bad?
    /// The reference documents `TaskDefinition` as the ARN of the task definition revision to
    /// deploy. Whether CodeDeploy resolves a family name or an ARN without revision is not
    /// documented, hence a warning; a value that a build step replaces (`sed`) is fine once
    /// replaced.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "web"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
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
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS: "It is specified with the ARN of the task definition. The ARN format is `arn:aws:ecs:aws-region:account-id:task-definition/task-definition-family:task-definition-revision`"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS056", name: "task-definition-not-arn", severity: Warning
}

/// Whether `text` is `arn:<partition>:ecs:<region>:<account>:task-definition/<family>:<revision>`.
fn is_task_definition_arn(text: &str) -> bool {
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = parts.as_slice() else {
        return false;
    };
    let Some(rest) = resource.strip_prefix("task-definition/") else {
        return false;
    };
    let Some((family, revision)) = rest.rsplit_once(':') else {
        return false;
    };
    *arn == "arn"
        && partition.starts_with("aws")
        && *service == "ecs"
        && !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !account.is_empty()
        && account.bytes().all(|b| b.is_ascii_digit())
        && !family.is_empty()
        && family.len() <= 255
        && family
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !revision.is_empty()
        && revision.bytes().all(|b| b.is_ascii_digit())
}

/// A `TaskDefinition` that is not a task definition ARN with its revision (placeholders are
/// rules AS054 and AS055).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(TASK_DEFINITION_TAG) {
        let node = tagged.node;
        let Some(text) = node.as_str().map(str::trim) else {
            continue;
        };
        if text == "<TASK_DEFINITION>" || placeholder(text).is_some() || is_task_definition_arn(text)
        {
            continue;
        }
        let without_revision = text.starts_with("arn:")
            && text
                .rsplit_once(":task-definition/")
                .is_some_and(|(_, rest)| !rest.contains(':'));
        let message = if without_revision {
            format!("`{text}` names no task definition revision (`:<revision>` at the end)")
        } else {
            format!("`{text}` is not a task definition ARN")
        };
        out.push(
            RULE.at(node.span, message)
                .with_help("write the ARN of the revision to deploy: `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`"),
        );
    }
}
