//! AS054 unreplaced-placeholder.

use crate::declare_rule;
use super::Cx;
use super::helpers::placeholder;
use crate::appspec::schema::TASK_DEFINITION_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::{Node, Span, Value};

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
    code: "AS054", name: "unreplaced-placeholder", severity: Warning
}

/// Placeholders in any scalar value of a file whose platform is known, except where a rule of
/// its own explains them (`ContainerPort`, and `<TASK_DEFINITION>` in `TaskDefinition`).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(TASK_DEFINITION_TAG) {
        let Some(text) = tagged.node.as_str().map(str::trim) else {
            continue;
        };
        if text == "<TASK_DEFINITION>" {
            continue;
        }
        if let Some(token) = placeholder(text) {
            out.push(
                RULE.at(tagged.node.span, format!("`{token}` looks like a placeholder that was never filled in"))
                    .with_help("CodePipeline's ECS blue/green action replaces only `<TASK_DEFINITION>`; write that, or the task definition's ARN"),
            );
        }
    }
    if cx.model.known_platform().is_none() {
        return;
    }
    let mut found = Vec::new();
    walk(cx.root, None, &mut found, 0);
    for (span, token) in found.into_iter().take(50) {
        out.push(
            RULE.at(span, format!("`{token}` looks like a placeholder that was never filled in"))
                .with_help("replace it with the real value, or make sure a build step replaces it before the deployment"),
        );
    }
}

/// Collects the placeholders of the scalars below `node` (at most 50), skipping the values of
/// `TaskDefinition` and `ContainerPort`.
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
