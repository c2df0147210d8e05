//! AS020 missing-os.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an EC2/on-premises AppSpec (one with `files`, `permissions` or `hooks`) that has
    /// no `os`.
    ///
    /// ## Why is this bad?
    /// `os` is required for EC2/on-premises deployments. The agent checks it before anything
    /// else and fails the deployment: "the application specification file specifies an
    /// unsupported operating system ()".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// files:
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
    /// - AppSpec 'os' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-os.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_os`
    code: "AS020", name: "missing-os", severity: Error
}

/// Reports the missing `os` the schema walk found.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
