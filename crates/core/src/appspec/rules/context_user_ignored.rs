//! AS036 context-user-ignored.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::CONTEXT_USER_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `user` inside an SELinux `context`.
    ///
    /// ## Why is this bad?
    /// The documentation calls the SELinux user field `user`, but the agent reads `name`, so a
    /// `user` is silently ignored and the file keeps its default SELinux user. Because the
    /// documentation and the agent disagree, this is a warning; `name` is what takes effect.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       user: system_u
    ///       type: httpd_sys_content_t
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       name: system_u
    ///       type: httpd_sys_content_t
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `context`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `context_info.rb` (`@user = context['name']`)
    code: "AS036", name: "context-user-ignored", severity: Warning
}

/// `context.user`, which the agent ignores.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(CONTEXT_USER_TAG) {
        let anchor = tagged.anchor;
        out.push(
            RULE.at(anchor, "the agent ignores `user`: it reads the SELinux user from `name`")
                .with_help("rename `user` to `name` (the documentation says `user`, but the agent's code reads `name`)")
                .with_rewrite("rename to `name`", cx.text, anchor, "name"),
        );
    }
}
