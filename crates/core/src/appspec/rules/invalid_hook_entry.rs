//! AS047 invalid-hook-entry.

use crate::declare_rule;
use super::Cx;
use crate::source::edit;
use crate::appspec::schema::SERVICE_HOOK_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Reports an ECS or Lambda `Hooks` item that is not a single `Event: FunctionName` pair:
    /// two events in one item, a plain string, or an empty function name.
    ///
    /// ## Why is this bad?
    /// ECS and Lambda hooks are a list of one-key mappings, each naming the Lambda function
    /// CodeDeploy invokes at that event; the function name must not be empty.
    ///
    /// ## Example
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
    ///   - BeforeAllowTraffic: ""
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
    /// - AppSpec 'hooks' section (ECS, Lambda): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant
    code: "AS047", name: "invalid-hook-entry", severity: Error
}

/// ECS and Lambda `Hooks` items that are not one `Event: FunctionName` pair.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(SERVICE_HOOK_TAG) {
        hook_item(cx.text, tagged.node, out);
    }
}

fn hook_item(text: &str, item: &Node, out: &mut Vec<Diagnostic>) {
    let Some(map) = item.map() else {
        if !item.is_invalid() {
            out.push(
                RULE
                    .at(
                        item.span,
                        format!(
                            "a `Hooks` item must be `Event: FunctionName`, found {}",
                            item.describe()
                        ),
                    )
                    .with_help("write each hook as `- BeforeAllowTraffic: \"MyFunction\"`"),
            );
        }
        return;
    };
    if map.entries.len() > 1 {
        out.push(
            RULE
                .at(
                    item.span,
                    format!(
                        "this `Hooks` item names {} events; each item names one",
                        map.entries.len()
                    ),
                )
                .with_help("start each event on its own `- ` line")
                .with_edits("give each event its own item", edit::split_item(text, map)),
        );
    }
    for pair in &map.entries {
        let event = pair.key_str().unwrap_or("?");
        match pair.value.scalar() {
            Some(s) if !s.is_null() && !s.text.trim().is_empty() => {}
            Some(_) => out.push(
                RULE
                    .at(if pair.value.span.is_empty() { pair.key.span } else { pair.value.span }, format!("`{event}` names no Lambda function"))
                    .with_help("give the name of the Lambda function CodeDeploy invokes at this event, or remove the hook"),
            ),
            None if pair.value.is_invalid() => {}
            None => out.push(
                RULE
                    .at(pair.value.span, format!("`{event}` must name a Lambda function, found {}", pair.value.describe()))
                    .with_help("write the function's name as a string: `- BeforeAllowTraffic: \"MyFunction\"`"),
            ),
        }
    }
}
