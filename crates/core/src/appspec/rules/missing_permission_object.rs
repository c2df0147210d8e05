//! AS031 missing-permission-object.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::OBJECT_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `permissions` entry without `object`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// `object` names the installed file or directory the entry applies to. The agent fails the
    /// deployment: "a permission listed in the application specification file has no object
    /// value".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - owner: www-data
    ///     mode: 755
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     owner: www-data
    ///     mode: 755
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `linux_permission_info.rb`
    code: "AS031", name: "missing-permission-object", severity: Error
}

/// A permission without `object` (found by the schema walk), or with an empty one.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    for tagged in cx.facts.tagged(OBJECT_TAG) {
        if let Some(s) = tagged.node.scalar()
            && !s.is_null()
            && s.text.trim().is_empty()
        {
            out.push(
                RULE.at(tagged.anchor, "`object` is empty")
                    .with_help("name the installed file or directory the permissions apply to"),
            );
        }
    }
}
