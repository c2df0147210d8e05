//! AS012 quoted-version.

use crate::declare_rule;
use super::Cx;
use super::helpers::{Version, ec2_version, service_version};
use crate::appspec::schema::{EC2_VERSION_TAG, SERVICE_VERSION_TAG};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Reports `version` written as a string (`"0.0"`, or tagged `!!str 0.0`) instead of the
    /// number `0.0`.
    ///
    /// ## Why is this bad?
    /// The EC2/on-premises agent loads the file with Ruby's YAML reader and checks
    /// `[0.0].include?(version)`: the number 0.0 passes, the string `"0.0"` does not (an
    /// explicit `!!str` tag makes it a string just like quotes do), so the
    /// deployment fails with "an invalid version value (0.0)". This follows from the agent's
    /// code rather than from a documented error, but the code leaves no doubt, so it is an error
    /// for EC2/on-premises AppSpecs. For ECS and Lambda AppSpecs (read by the CodeDeploy
    /// service, whose parser is not published) it is a warning: the documented examples write
    /// the number, and whether a string is accepted is unconfirmed.
    ///
    /// ## Example
    /// ```yaml
    /// version: "0.0"
    /// os: linux
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// ```
    ///
    /// ## References
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_version` (compares with `[0.0]`)
    code: "AS012", name: "quoted-version", severity: Error
}

/// `version` written as a string: an error for the agent (EC2/on-premises), a warning for the
/// service (ECS, Lambda).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(EC2_VERSION_TAG) {
        let node = tagged.node;
        if let Version::Quoted(t) = ec2_version(node) {
            let (how, undo) = how_and_undo(node);
            out.push(
                RULE.at(node.span, format!("`version` is the string `\"{t}\"`{how}, not the number 0.0"))
                    .with_help(format!("the CodeDeploy agent compares `version` with the number 0.0, so a string version fails the deployment; {undo}"))
                    .with_fix("write the number 0.0", node.span, "0.0"),
            );
        }
    }
    for tagged in cx.facts.tagged(SERVICE_VERSION_TAG) {
        let node = tagged.node;
        if let Version::Quoted(t) = service_version(node) {
            let (how, undo) = how_and_undo(node);
            out.push(
                RULE.at(node.span, format!("`version` is the string `\"{t}\"`{how}, not the number 0.0"))
                    .with_severity(Severity::Warning)
                    .with_help(format!("every documented ECS and Lambda AppSpec writes the number 0.0; whether the service accepts a string is unconfirmed, so {undo}"))
                    .with_fix("write the number 0.0", node.span, "0.0"),
            );
        }
    }
}

/// How the value was made a string, and how to undo it.
fn how_and_undo(node: &Node) -> (&'static str, &'static str) {
    if node.tag.is_some() {
        (" (tagged `!!str`)", "remove the tag")
    } else {
        ("", "remove the quotes")
    }
}
