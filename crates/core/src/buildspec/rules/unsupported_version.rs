//! BS011 unsupported-version.

use crate::declare_rule;
use super::Cx;
use crate::buildspec::schema::VERSION_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::ScalarKind;

declare_rule! {
    /// ## What it does
    /// Reports a `version` other than `0.1` or `0.2`. Both the number `0.2` and the string
    /// `"0.2"` are accepted (AWS CDK writes the string).
    ///
    /// ## Why is this bad?
    /// CodeBuild fails the build: `YAML_FILE_ERROR Message: invalid buildspec 'version'
    /// specified: 1.0, see documentation`. The buildspec version is not your application's
    /// version.
    ///
    /// ## Example
    /// ```yaml
    /// version: 1.0
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec versions: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-versions>
    code: "BS011", name: "unsupported-version", severity: Error
}

/// `version`: 0.1 or 0.2, as a number or a string.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(VERSION_TAG) {
        let node = tagged.node;
        let Some(s) = node.scalar() else {
            continue;
        };
        if s.is_null() {
            continue; // reported as missing
        }
        let ok = match s.kind() {
            ScalarKind::Float | ScalarKind::Int => {
                matches!(s.number(), Some(v) if v == 0.1 || v == 0.2)
            }
            _ => matches!(s.text.trim(), "0.1" | "0.2"),
        };
        if !ok {
            out.push(
                RULE.at(node.span, format!("unsupported buildspec version `{}`", s.text))
                    .with_help("the buildspec format version is 0.2 (or the legacy 0.1), not your application's version")
                    .with_fix("replace with 0.2", node.span, "0.2"),
            );
        }
    }
}
