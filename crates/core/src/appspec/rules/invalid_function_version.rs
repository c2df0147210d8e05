//! AS070 invalid-function-version.

use crate::declare_rule;
use super::Cx;
use super::helpers::last_segment;
use crate::appspec::schema::FUNCTION_VERSION_TAG;
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::Tagged;
use crate::source::ScalarKind;

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
    code: "AS070", name: "invalid-function-version", severity: Error
}

/// `CurrentVersion` and `TargetVersion` values that are not published version numbers.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(FUNCTION_VERSION_TAG) {
        function_version(tagged, out);
    }
}

/// `CurrentVersion` / `TargetVersion`: a positive integer as a string.
fn function_version(tagged: &Tagged<'_>, out: &mut Vec<Diagnostic>) {
    let node = tagged.node;
    let Some(s) = node.scalar().filter(|s| !s.is_null()) else {
        return;
    };
    let key = last_segment(&tagged.path);
    let text = s.text.trim();
    let positive =
        !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0');
    match s.kind() {
        ScalarKind::Str if positive => {}
        ScalarKind::Int if positive => out.push(
            RULE
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
            out.push(
                RULE
                    .at(node.span, message)
                    .with_help("publish a version (`aws lambda publish-version`) and write its number as a string, such as \"2\""),
            );
        }
    }
}
