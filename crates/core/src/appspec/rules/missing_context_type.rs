//! AS035 missing-context-type.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an SELinux `context` without `type`.
    ///
    /// ## Why is this bad?
    /// The agent requires `type` and fails the deployment: "specifies an invalid context type".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       range: s0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       type: httpd_sys_content_t
    ///       range: s0
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `context`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `context_info.rb`
    code: "AS035", name: "missing-context-type", severity: Error
}

/// Reports the SELinux contexts the schema walk found without `type`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
