//! AS062 invalid-platform-version.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::PLATFORM_VERSION_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::{Node, ScalarKind};

declare_rule! {
    /// ## What it does
    /// Warns about a `PlatformVersion` that is neither `LATEST` nor a version number such as
    /// `1.4.0`.
    ///
    /// ## Why is this bad?
    /// `PlatformVersion` is the Fargate platform version of the replacement task set, written
    /// as a string. An unquoted `1.4` is read by YAML as the number 1.4, not the version
    /// `1.4.0`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         PlatformVersion: latest-ish
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         PlatformVersion: "LATEST"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `PlatformVersion`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - AWS Fargate platform versions: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform_versions.html>
    code: "AS062", name: "invalid-platform-version", severity: Warning
}

/// `PlatformVersion` values that are neither `LATEST` nor `x.y.z`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(PLATFORM_VERSION_TAG) {
        platform_version(cx.text, tagged.node, out);
    }
}

/// `PlatformVersion`: `LATEST` or `x.y.z`.
fn platform_version(source: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    let Some(s) = node.scalar().filter(|s| !s.is_null()) else {
        return;
    };
    let text = s.text.trim();
    let numbered = {
        let parts: Vec<&str> = text.split('.').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if text == "LATEST" || numbered {
        return;
    }
    let mut d = RULE.at(
        node.span,
        format!("`{text}` is not a Fargate platform version"),
    );
    d = if matches!(s.kind(), ScalarKind::Float | ScalarKind::Int) {
        d.with_help(format!("YAML reads `{text}` as a number; write the full version in quotes, such as \"1.4.0\", or \"LATEST\""))
    } else if text.eq_ignore_ascii_case("latest") {
        d.with_help("write `LATEST` in upper case").with_rewrite(
            "replace with `LATEST`",
            source,
            node.span,
            "LATEST",
        )
    } else {
        d.with_help("write \"LATEST\" or a version such as \"1.4.0\"")
    };
    out.push(d);
}
