//! AS046 empty-lifecycle-event.

use crate::declare_rule;
use super::Cx;
use super::helpers::checked_hooks;
use crate::appspec::model::HookAction;
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;
use crate::source::edit;

declare_rule! {
    /// ## What it does
    /// Warns about a lifecycle event of an EC2/on-premises AppSpec that lists no scripts:
    /// `BeforeInstall:` with nothing after it (null), or `BeforeInstall: []`.
    ///
    /// ## Why is this bad?
    /// The sources disagree about a null event. The reference this checker follows says "an
    /// event whose value is null is ignored" (the AppSpec 'hooks' page: "If an event hook is
    /// not present, no operation is executed for that event"). The CodeDeploy agent's code
    /// says otherwise: `parse_hooks` calls `scripts.each` on the event's value, which on `nil`
    /// raises Ruby's `NoMethodError` and would fail the deployment; AWS's own AppSpec template
    /// also warns that "a blank or incomplete hooks section may cause associated deployments to
    /// fail". Which one happens is unconfirmed, hence a warning. An empty list (`[]`) loads
    /// fine and runs nothing. Either way the event does nothing useful, and the lifecycle
    /// timeline shows it running nothing. Remove the event, or list its scripts.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   BeforeInstall:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section ("If an event hook is not present, no operation is executed for that event"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_hooks` (`scripts.each`)
    /// - AWS AppSpec template comment ("A blank or incomplete hooks section may cause associated deployments to fail")
    code: "AS046", name: "empty-lifecycle-event", severity: Warning
}

/// EC2/on-premises events that list no scripts: null, or an empty list.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((Platform::Ec2, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    for hook in hooks {
        let name = &hook.name;
        match hook.action {
            // The event runs nothing at best: removing it keeps that and rules out the failure
            // (with `hooks` itself when it was the only event).
            HookAction::NoScripts => out.push(
                RULE.at(
                    hook.span,
                    format!("`{name}` lists no scripts; whether the agent ignores it or fails is unconfirmed"),
                )
                .with_help("list the event's scripts under it (`- location: …`), or remove the event")
                .with_edits(format!("remove the empty `{name}`"), edit::remove_entry_at(cx.text, cx.root, hook.span, 1)),
            ),
            HookAction::EmptyScripts => out.push(
                RULE.at(hook.span, format!("`{name}` has an empty list of scripts"))
                    .with_help("list the event's scripts, or remove the event")
                    .with_edits(format!("remove the empty `{name}`"), edit::remove_entry_at(cx.text, cx.root, hook.span, 1)),
            ),
            HookAction::Scripts(_) | HookAction::Function(_) | HookAction::NoFunction => {}
        }
    }
}
