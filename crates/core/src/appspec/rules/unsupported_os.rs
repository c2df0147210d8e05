//! AS021 unsupported-os.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::OS_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `os` other than exactly `linux` or `windows`.
    ///
    /// ## Why is this bad?
    /// The agent compares the exact text, so `Linux`, `ubuntu` or `amazonlinux` fail the
    /// deployment ("unsupported operating system"). `linux` covers Amazon Linux, Ubuntu Server
    /// and RHEL. Note also that each agent accepts only its own platform: a Linux instance
    /// rejects `os: windows` and a Windows instance rejects `os: linux`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: ubuntu
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// ```
    ///
    /// ## References
    /// - AppSpec 'os' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-os.html>
    /// - CodeDeploy agent, `linux_util.rb` / `windows_util.rb` `supported_oses`
    code: "AS021", name: "unsupported-os", severity: Error
}

/// Names people write for Linux distributions, which the agent does not accept.
const LINUX_NAMES: [&str; 12] = [
    "ubuntu",
    "amazonlinux",
    "amazon-linux",
    "amazon",
    "al2",
    "al2023",
    "rhel",
    "redhat",
    "centos",
    "debian",
    "unix",
    "linux2",
];

/// `os`: exactly `linux` or `windows`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(OS_TAG) {
        let node = tagged.node;
        let Some(value) = node.as_str() else {
            continue;
        };
        if matches!(value, "linux" | "windows") {
            continue;
        }
        let lower = value.trim().to_ascii_lowercase();
        let suggestion = if lower == "linux" || LINUX_NAMES.contains(&lower.as_str()) {
            Some("linux")
        } else if lower == "windows" || lower.starts_with("win") {
            Some("windows")
        } else {
            None
        };
        let d = RULE.at(node.span, format!("unsupported `os` `{value}`"));
        out.push(match suggestion {
            Some(s) => d
                .with_help(format!(
                    "write `{s}` exactly: the agent compares the text, and `linux` covers Amazon Linux, Ubuntu Server and RHEL"
                ))
                .with_rewrite(format!("replace with `{s}`"), cx.text, node.span, s),
            None => d.with_help("write `linux` or `windows`"),
        });
    }
}
