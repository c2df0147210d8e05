//! AS001 unknown-appspec-key.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a key the AppSpec reference does not document, and suggests the closest
    /// documented key.
    ///
    /// ## Why is this bad?
    /// The CodeDeploy agent only reads the keys it knows (`version`, `os`, `files`,
    /// `file_exists_behavior`, `permissions`, `hooks` and their fields) and ignores the rest, so a
    /// misspelt key silently does nothing: `Hooks:` in an EC2/on-premises AppSpec runs no script,
    /// because the agent reads `hooks` exactly. What the ECS and Lambda services do with unknown
    /// keys is not documented, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// file:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// ## References
    /// - AppSpec file structure: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure.html>
    /// - CodeDeploy agent, `application_specification.rb` (reads only the documented keys)
    code: "AS001", name: "unknown-appspec-key", severity: Warning
}

/// Reports the keys the schema walk did not know.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
