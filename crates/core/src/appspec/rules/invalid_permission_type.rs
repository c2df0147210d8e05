//! AS034 invalid-permission-type.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a permissions `type` other than `file` and `directory`.
    ///
    /// ## Why is this bad?
    /// The agent fails the deployment: "specifies a permission for an object type not supported
    /// for permissions". `file` applies to files directly inside `object`, `directory` to every
    /// directory below it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 644
    ///     type:
    ///       - files
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 644
    ///     type:
    ///       - file
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `type`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_type_list`
    code: "AS034", name: "invalid-permission-type", severity: Error
}

/// Reports the permission types the schema walk found outside the documented set.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
