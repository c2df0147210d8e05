//! AS071 same-current-and-target-version.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when `CurrentVersion` and `TargetVersion` are the same.
    ///
    /// ## Why is this bad?
    /// The deployment shifts the alias from a version to itself: nothing changes, which usually
    /// means the template was copied without publishing and writing the new version.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "1"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (Lambda): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    code: "AS071", name: "same-current-and-target-version", severity: Warning
}

/// A Lambda `TargetVersion` equal to its `CurrentVersion`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.known_platform() != Some(Platform::Lambda) {
        return;
    }
    let Some(lambda) = cx.model.lambda() else {
        return;
    };
    if let (Some(current), Some(target)) = (&lambda.current_version, &lambda.target_version)
        && let (Some(a), Some(b)) = (&current.text, &target.text)
        && a.trim() == b.trim()
    {
        out.push(
            RULE.at(target.span, format!("`TargetVersion` is the same as `CurrentVersion` (`{}`): the deployment changes nothing", b.trim()))
                .with_label(current.span, "current version")
                .with_help("set `TargetVersion` to the newly published version"),
        );
    }
}
