//! AS044 event-timeouts-exceed-limit.

use crate::declare_rule;
use super::Cx;
use super::helpers::{SCRIPT_LIMIT, checked_hooks};
use crate::appspec::model::{HookAction, Timeout};
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when the timeouts of the scripts of one lifecycle event add up to more than 3600
    /// seconds (a script without `timeout` counts as 3600, the agent's default).
    ///
    /// ## Why is this bad?
    /// 3600 seconds is the most script execution the documentation allows for one deployment
    /// lifecycle event ("if scripts exceed this limit, the deployment stops and the deployment
    /// to the instance fails"), and it asks that the timeouts of an event's scripts add up to no
    /// more. The file is not rejected, so this is a warning: the deployment fails only when the
    /// scripts really run that long.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/migrate.sh
    ///       timeout: 3000
    ///     - location: scripts/warm_cache.sh
    ///       timeout: 1200
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/migrate.sh
    ///       timeout: 3000
    ///   ApplicationStart:
    ///     - location: scripts/warm_cache.sh
    ///       timeout: 600
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section, `timeout` ("Make sure the total number of seconds specified in timeout for all scripts in each deployment lifecycle event does not exceed this limit"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy quotas: <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    code: "AS044", name: "event-timeouts-exceed-limit", severity: Warning
}

/// Events whose scripts' timeouts add up to more than 3600 seconds.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((Platform::Ec2, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    for hook in hooks {
        let HookAction::Scripts(scripts) = &hook.action else {
            continue;
        };
        let mut total: i64 = 0;
        for script in scripts.iter().filter(|s| s.index < SCRIPT_LIMIT) {
            // A timeout the agent rejects is rule AS043; it adds nothing here.
            total = total.saturating_add(match script.timeout {
                Timeout::Default => 3600,
                Timeout::Seconds(v) => v,
                Timeout::Rejected => 0,
            });
        }
        if total > 3600 {
            out.push(
                RULE.at(hook.span, format!("the scripts of `{}` may run for {total} seconds in total, more than the 3600 allowed for one lifecycle event", hook.name))
                    .with_help("a script without `timeout` counts as 3600 seconds; lower the timeouts, or spread the scripts over several events"),
            );
        }
    }
}
