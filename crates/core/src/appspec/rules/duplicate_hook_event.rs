//! AS048 duplicate-hook-event.

use crate::declare_rule;
use super::Cx;
use super::helpers::{checked_hooks, hookable_event};
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Warns when an ECS or Lambda `Hooks` list names the same lifecycle event twice (in any
    /// case: `BeforeInstall` and `beforeinstall` are the same event).
    ///
    /// ## Why is this bad?
    /// Each event has one hook, a single Lambda function that "is executed once per
    /// deployment". Listing an event twice does not run two functions: which one CodeDeploy
    /// invokes is not documented (the lifecycle timeline shows the last one), so one of your
    /// checks silently never runs. Run every check of an event from one function.
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
    ///   - BeforeAllowTraffic: "check-database"
    ///   - BeforeAllowTraffic: "check-cache"
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
    ///   - BeforeAllowTraffic: "check-database-and-cache"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section (ECS: "An AWS Lambda hook is one Lambda function specified with a string on a new line after the name of the lifecycle event. Each hook is executed once per deployment."): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    code: "AS048", name: "duplicate-hook-event", severity: Warning
}

/// ECS and Lambda events listed in two `Hooks` items.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((platform, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    // EC2/on-premises hooks are a mapping: a repeated event there is a duplicate key.
    if platform == Platform::Ec2 {
        return;
    }
    // Hookable events seen so far: (event, its key, the item it is in).
    let mut seen: Vec<(&'static str, Span, usize)> = Vec::new();
    for hook in hooks {
        let Some(event) = hookable_event(platform, hook) else {
            continue;
        };
        match seen.iter().find(|(e, _, _)| *e == event) {
            // Two events in one item are rule AS047 (or a duplicate key).
            Some((_, _, first_item)) if *first_item == hook.index => {}
            Some((_, first, _)) => out.push(
                RULE.at(hook.span, format!("`{event}` already has a hook function: each hook runs once per deployment"))
                    .with_label(*first, "first listed here")
                    .with_help(format!("keep one `{event}` entry and call every check from that function; which of the listed functions CodeDeploy invokes is not documented (the timeline shows the last)")),
            ),
            None => seen.push((event, hook.span, hook.index)),
        }
    }
}
