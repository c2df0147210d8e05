//! AS010 missing-appspec-version.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::{Diagnostic, Fix};
use crate::source::edit;

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
    let start = out.len();
    cx.facts.report(&RULE, out);
    // No `version` at all: 0.0 is the only one there is.
    if cx.root.get("version").is_none()
        && let Some(map) = cx.root.map()
    {
        let entry = match map.entries.first() {
            Some(p) if edit::is_json(&p.key) => "\"version\": 0.0",
            _ => "version: 0.0",
        };
        for d in out.iter_mut().skip(start) {
            d.fix = edit::insert_first_entry(cx.text, map, entry)
                .and_then(|e| Fix::new("add `version: 0.0`", vec![e]));
        }
    }
}
