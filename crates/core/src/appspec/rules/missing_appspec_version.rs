//! AS010 missing-appspec-version.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an AppSpec without `version`.
    ///
    /// ## Why is this bad?
    /// `version` is required in every AppSpec, whatever the platform. The CodeDeploy agent
    /// fails an EC2/on-premises deployment with "an invalid version value () was entered in the
    /// application specification file".
    ///
    /// ## Example
    /// ```yaml
    /// os: linux
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
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_version`
    code: "AS010", name: "missing-appspec-version", severity: Error
}

/// Reports the missing `version` the schema walk found.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
