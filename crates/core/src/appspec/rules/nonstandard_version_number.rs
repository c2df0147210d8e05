//! AS013 nonstandard-version-number.

use crate::declare_rule;
use super::Cx;
use super::helpers::{Version, ec2_version, service_version};
use crate::appspec::schema::{EC2_VERSION_TAG, SERVICE_VERSION_TAG};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a `version` that equals zero but is not written `0.0`, such as `0` or
    /// `0.00`.
    ///
    /// ## Why is this bad?
    /// The agent compares numbers, and Ruby considers `0 == 0.0` true, so `version: 0` most
    /// likely passes on EC2/on-premises (derived from the agent's code, not documented). The
    /// documentation only shows `0.0`, and the ECS and Lambda services' reading is not
    /// published; write `0.0` to be sure.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "version": 0,
    ///   "Resources": [
    ///     {"myFunction": {"Type": "AWS::Lambda::Function",
    ///                     "Properties": {"Name": "fn", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "version": 0.0,
    ///   "Resources": [
    ///     {"myFunction": {"Type": "AWS::Lambda::Function",
    ///                     "Properties": {"Name": "fn", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_version`
    code: "AS013", name: "nonstandard-version-number", severity: Warning
}

/// `version` numbers equal to 0.0 but written otherwise (`0`, `0.00`), for both readers.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let versions = cx
        .facts
        .tagged(EC2_VERSION_TAG)
        .map(|t| (t.node, ec2_version(t.node)))
        .chain(
            cx.facts
                .tagged(SERVICE_VERSION_TAG)
                .map(|t| (t.node, service_version(t.node))),
        );
    for (node, version) in versions {
        let (Version::Nonstandard, Some(s)) = (version, node.scalar()) else {
            continue;
        };
        out.push(
            RULE.at(
                node.span,
                format!("`version: {}` equals 0.0 but is not written `0.0`", s.text),
            )
            .with_help(
                "the agent's number comparison most likely accepts it, but only `0.0` is documented",
            )
            .with_fix("write 0.0", node.span, "0.0"),
        );
    }
}
