//! AS025 undocumented-overwrite-key.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::OVERWRITE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about `overwrite:` inside a `files` entry.
    ///
    /// ## Why is this bad?
    /// Many tutorials write `overwrite: true`, but it is not an AppSpec key: the agent reads
    /// only `source` and `destination` and ignores it. Existing files are still handled by
    /// `file_exists_behavior` (default `DISALLOW`, which fails the deployment when a file that
    /// the last deployment did not install is in the way).
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /home/ec2-user/app
    ///     overwrite: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /home/ec2-user/app
    /// file_exists_behavior: OVERWRITE
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_files`
    code: "AS025", name: "undocumented-overwrite-key", severity: Warning
}

/// `overwrite:` in a `files` entry.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(OVERWRITE_TAG) {
        out.push(
            RULE.at(tagged.anchor, "`overwrite` is not an AppSpec key: the agent ignores it")
                .with_help("to replace files that already exist on the instance, set `file_exists_behavior: OVERWRITE` at the top level of the AppSpec"),
        );
    }
}
