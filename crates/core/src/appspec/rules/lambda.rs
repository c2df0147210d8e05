//! Lambda resource properties: the versions the alias shifts between.

use crate::appspec::Ctx;
use crate::appspec::model::{entry_ci, get_ci};
use crate::appspec::rules::resources::MISSING_RESOURCE_PROPERTY;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::schema::Checker;
use crate::source::{Node, ScalarKind, Span};

declare_rule! {
    /// ## What it does
    /// Reports a `CurrentVersion` or `TargetVersion` that is not a published version number:
    /// `$LATEST`, an alias name, `0`, or a decimal. A number written without quotes is a
    /// warning.
    ///
    /// ## Why is this bad?
    /// CodeDeploy shifts the alias's traffic from one published version to another, and the
    /// reference requires both as positive integers written as strings. `$LATEST` is not a
    /// published version and cannot be an alias's weighted target. Whether the service also
    /// accepts an unquoted number is unconfirmed, hence a warning for `TargetVersion: 2`.
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
    ///         TargetVersion: "$LATEST"
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
    /// - Lambda weighted aliases: <https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html>
    pub static INVALID_FUNCTION_VERSION = { code: "AS070", name: "invalid-function-version", severity: Error };
}

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
    pub static SAME_CURRENT_AND_TARGET_VERSION = { code: "AS071", name: "same-current-and-target-version", severity: Warning };
}

/// `CurrentVersion` / `TargetVersion`: a positive integer as a string.
pub(crate) fn check_function_version<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a version number as a string, such as \"2\"");
        return;
    };
    if s.is_null() {
        return;
    }
    let key = c.current_key().to_string();
    let text = s.text.trim();
    let positive =
        !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0');
    match s.kind() {
        ScalarKind::Str if positive => {}
        ScalarKind::Int if positive => c.push(
            INVALID_FUNCTION_VERSION
                .at(
                    node.span,
                    format!("`{key}` is the number {text}; the reference documents a string"),
                )
                .with_severity(Severity::Warning)
                .with_help(format!("quote the version: \"{text}\""))
                .with_fix(
                    format!("quote as \"{text}\""),
                    node.span,
                    format!("\"{text}\""),
                ),
        ),
        _ => {
            let message = if text.eq_ignore_ascii_case("$LATEST") {
                format!(
                    "`{key}` is `{text}`, which is not a published version: an alias cannot shift traffic to it"
                )
            } else {
                format!("`{key}` `{text}` is not a published version number")
            };
            c.push(
                INVALID_FUNCTION_VERSION
                    .at(node.span, message)
                    .with_help("publish a version (`aws lambda publish-version`) and write its number as a string, such as \"2\""),
            );
        }
    }
}

/// AS071, and AS053 as a warning for a missing `CurrentVersion`.
pub(crate) fn versions(cx: &mut Ctx<'_>) {
    let root = cx.root;
    let Some(resource) = get_ci(root, "Resources")
        .and_then(|r| r.items().first())
        .and_then(|i| i.entries().first())
    else {
        return;
    };
    let Some(props_pair) = entry_ci(&resource.value, "Properties") else {
        return;
    };
    let props = &props_pair.value;
    let complete = props.map().is_some_and(|m| m.complete);
    let current = get_ci(props, "CurrentVersion").filter(|n| !n.is_null());
    let target = get_ci(props, "TargetVersion").filter(|n| !n.is_null());
    if current.is_none() && complete {
        let name = resource.key_str().unwrap_or("?");
        cx.push(
            MISSING_RESOURCE_PROPERTY
                .at(props_pair.key.span, format!("`Resources.0.{name}.Properties` has no `CurrentVersion`"))
                .with_severity(Severity::Warning)
                .with_help("add `CurrentVersion`: the version the alias points to now; the reference requires it, though AWS's AppSpec template calls it optional"),
        );
    }
    if let (Some(current), Some(target)) = (current, target)
        && let (Some(a), Some(b)) = (current.as_str(), target.as_str())
        && a.trim() == b.trim()
    {
        cx.push(
            SAME_CURRENT_AND_TARGET_VERSION
                .at(target.span, format!("`TargetVersion` is the same as `CurrentVersion` (`{}`): the deployment changes nothing", b.trim()))
                .with_label(current.span, "current version")
                .with_help("set `TargetVersion` to the newly published version"),
        );
    }
}
