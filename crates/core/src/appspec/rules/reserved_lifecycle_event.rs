//! AS040 reserved-lifecycle-event.

use crate::declare_rule;
use super::Cx;
use super::helpers::{checked_hooks, hookable_list};
use crate::appspec::{Platform, events};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a hook on a lifecycle event that CodeDeploy runs itself: `Start`,
    /// `DownloadBundle`, `Install`, `BlockTraffic`, `AllowTraffic` and `End` on
    /// EC2/on-premises; `Start`, `Install`, `AllowTestTraffic`, `AllowTraffic` and `End` on ECS;
    /// `Start`, `AllowTraffic` and `End` on Lambda.
    ///
    /// ## Why is this bad?
    /// The documentation says these events cannot be scripted: CodeDeploy downloads the
    /// revision, copies the files or moves traffic itself, and never runs a script or function
    /// listed under them. When the deployment tells the agent its list of lifecycle events, the
    /// agent also rejects the file ("contains unknown lifecycle events"); whether every
    /// deployment sends that list is unconfirmed, but the hook never runs either way. Move the
    /// work to the hook just before or after (`BeforeInstall`/`AfterInstall`,
    /// `BeforeAllowTraffic`/`AfterAllowTraffic`).
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   Install:
    ///     - location: scripts/install.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/install.sh
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section ("This event is reserved for the CodeDeploy agent and cannot be used to run scripts"; "The Start, Install, TestTraffic, AllowTraffic, and End events in the deployment cannot be scripted"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `command_executor.rb` `validate_app_spec_hooks`
    code: "AS040", name: "reserved-lifecycle-event", severity: Error
}

/// Hooks on events that CodeDeploy runs itself.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((platform, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    let what = match platform {
        Platform::Ec2 => "scripts",
        Platform::Ecs | Platform::Lambda => "a hook function",
    };
    for hook in hooks {
        let Some(event) = hook
            .event_of(platform)
            .filter(|e| events::reserved(platform).contains(e))
        else {
            continue;
        };
        let instead = events::reserved_alternative(platform, event);
        out.push(
            RULE.at(
                hook.span,
                format!("`{}` is run by CodeDeploy itself and cannot run {what}", hook.name),
            )
            .with_help(format!(
                "move the hook to {instead}; hookable events here: {}",
                hookable_list(platform)
            )),
        );
    }
}
