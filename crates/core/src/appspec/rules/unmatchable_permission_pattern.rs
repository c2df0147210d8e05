//! AS038 unmatchable-permission-pattern.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::{EXCEPT_TAG, PATTERN_TAG};
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Warns about a `pattern` or `except` glob that contains `/`.
    ///
    /// ## Why is this bad?
    /// The agent matches these globs against the names directly under `object`, one level, and
    /// a name containing `/` never matches; only `*` is special (except the whole pattern `**`,
    /// which means everything). Such a pattern applies the permissions to nothing, and such an
    /// exception excludes nothing.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www
    ///     pattern: "html/*.php"
    ///     mode: 640
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     pattern: "*.php"
    ///     mode: 640
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `pattern` and `except`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `linux_permission_info.rb` `matches_simple_glob`
    code: "AS038", name: "unmatchable-permission-pattern", severity: Warning
}

/// `pattern` and `except` globs that contain `/`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(PATTERN_TAG) {
        if let Some(s) = tagged.node.scalar()
            && !s.is_null()
            && s.text != "**"
            && s.text.contains('/')
        {
            out.push(unmatchable(tagged.node, &s.text, "pattern"));
        }
    }
    for tagged in cx.facts.tagged(EXCEPT_TAG) {
        for item in tagged.node.items() {
            if let Some(glob) = item.as_str()
                && glob.contains('/')
            {
                out.push(unmatchable(item, glob, "exception"));
            }
        }
    }
}

fn unmatchable(node: &Node, glob: &str, what: &str) -> Diagnostic {
    RULE.at(node.span, format!("{what} `{glob}` contains `/`, so it never matches"))
        .with_help("globs are matched against the names directly under `object`; point `object` at the directory instead and keep only the name here")
}
