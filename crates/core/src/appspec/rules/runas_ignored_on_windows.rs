//! AS045 runas-ignored-on-windows.

use crate::declare_rule;
use super::Cx;
use super::helpers::{SCRIPT_LIMIT, checked_hooks};
use crate::appspec::model::HookAction;
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `runas` (or `sudo`) on a hook script in an AppSpec for Windows.
    ///
    /// ## Why is this bad?
    /// `runas` is documented for Amazon Linux and Ubuntu Server only. The Windows agent ignores
    /// it, so the script runs as the agent's own account (LocalSystem by default), not as the
    /// user you named.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts\after_install.bat
    ///       runas: Administrator
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts\after_install.bat
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section, `runas`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `windows_util.rb` `prepare_script_command`
    code: "AS045", name: "runas-ignored-on-windows", severity: Warning
}

/// `runas` and `sudo` on the scripts of an AppSpec for Windows.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((Platform::Ec2, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    if !cx.model.windows() {
        return;
    }
    for hook in hooks {
        let HookAction::Scripts(scripts) = &hook.action else {
            continue;
        };
        for script in scripts.iter().filter(|s| s.index < SCRIPT_LIMIT) {
            for (key, span) in &script.linux_only {
                out.push(
                    RULE.at(*span, format!("the Windows agent ignores `{key}`: the script runs as the agent's account"))
                        .with_help("remove it; on Windows the script runs as the CodeDeploy agent's service account (LocalSystem by default)"),
                );
            }
        }
    }
}
