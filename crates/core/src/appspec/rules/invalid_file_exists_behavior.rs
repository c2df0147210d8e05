//! AS024 invalid-file-exists-behavior.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `file_exists_behavior` other than `DISALLOW`, `OVERWRITE` or `RETAIN`
    /// (upper case).
    ///
    /// ## Why is this bad?
    /// The agent compares the exact words: any other value fails the deployment as soon as a
    /// file already exists ("an invalid option was specified for fileExistsBehavior").
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// file_exists_behavior: overwrite
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// file_exists_behavior: OVERWRITE
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section, `file_exists_behavior`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `installer.rb` `generate_normal_copy`
    code: "AS024", name: "invalid-file-exists-behavior", severity: Error
}

/// Reports the `file_exists_behavior` values the schema walk found outside the documented set.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
