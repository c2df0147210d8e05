//! AS011 unsupported-appspec-version.

use crate::declare_rule;
use super::Cx;
use super::helpers::{Version, ec2_version, service_version};
use crate::appspec::schema::{EC2_VERSION_TAG, SERVICE_VERSION_TAG};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `version` other than `0.0`.
    ///
    /// ## Why is this bad?
    /// `0.0` is the only AppSpec version; it is the format's version, not your application's.
    /// The agent compares the value with the number 0.0 and fails the deployment otherwise:
    /// "The deployment failed because an invalid version value (1.0) was entered in the
    /// application specification file".
    ///
    /// ## Example
    /// ```yaml
    /// version: 1.0
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
    /// - CodeDeploy agent, `application_specification.rb` (`supported_versions` is `[0.0]`)
    code: "AS011", name: "unsupported-appspec-version", severity: Error
}

/// `version` values other than 0.0, for both readers.
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
        let (Version::Unsupported, Some(s)) = (version, node.scalar()) else {
            continue;
        };
        out.push(
            RULE.at(node.span, format!("unsupported AppSpec version `{}`", s.text))
                .with_help("the AppSpec format version is always 0.0; it is not your application's version")
                .with_fix("replace with 0.0", node.span, "0.0"),
        );
    }
}
