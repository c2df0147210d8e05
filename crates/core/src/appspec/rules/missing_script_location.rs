//! AS042 missing-script-location.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::LOCATION_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a hook script without `location`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// `location` is the script to run. The agent fails the deployment: "the application
    /// specification file specifies a script with no location value".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - timeout: 300
    ///       runas: root
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    ///       timeout: 300
    ///       runas: root
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_hooks`, `script_info.rb`
    code: "AS042", name: "missing-script-location", severity: Error
}

/// A script without `location` (found by the schema walk), or with an empty one.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    for tagged in cx.facts.tagged(LOCATION_TAG) {
        if let Some(s) = tagged.node.scalar()
            && !s.is_null()
            && s.text.trim().is_empty()
        {
            out.push(
                RULE.at(tagged.anchor, "`location` is empty")
                    .with_help("give the script's path relative to the root of the revision, such as `scripts/start.sh`"),
            );
        }
    }
}
