//! AS030 permissions-on-windows.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports `permissions` in an AppSpec for Windows (`os: windows`).
    ///
    /// ## Why is this bad?
    /// Permissions are supported only on Linux. The Windows agent fails the deployment: "the
    /// application specification file specifies file permissions, but the deployment is
    /// targeting one or more Windows Server instances".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// files:
    ///   - source: \
    ///     destination: C:\inetpub\wwwroot
    /// permissions:
    ///   - object: C:\inetpub\wwwroot
    ///     owner: IIS_IUSRS
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// files:
    ///   - source: \
    ///     destination: C:\inetpub\wwwroot
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section ("applies to Amazon Linux, Ubuntu Server, and RHEL instances only"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_permissions`
    code: "AS030", name: "permissions-on-windows", severity: Error
}

/// `permissions` with `os: windows`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.known_platform() != Some(Platform::Ec2) || !cx.model.windows() {
        return;
    }
    if let Some(pair) = cx.root.entry("permissions")
        && !pair.value.items().is_empty()
    {
        out.push(
            RULE.at(pair.key.span, "`permissions` are not supported with `os: windows`")
                .with_help("remove `permissions`; set file permissions on Windows from a hook script (for example with `icacls`)"),
        );
    }
}
