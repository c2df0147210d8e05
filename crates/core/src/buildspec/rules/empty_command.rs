//! BS024 empty-command.

use crate::declare_rule;
use super::Cx;
use crate::buildspec::schema::COMMANDS_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::{Node, Span};

declare_rule! {
    /// ## What it does
    /// Warns about an empty item in a `commands` or `finally` list (a lone `-`).
    ///
    /// ## Why is this bad?
    /// The item runs nothing. It is usually a command whose text ended up on the next line with
    /// the wrong indentation.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       -
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
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS024", name: "empty-command", severity: Warning
}

/// Empty items in `commands` and `finally`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(COMMANDS_TAG) {
        for item in tagged.node.seq().map_or(&[][..], |s| &s.items[..]) {
            if item.scalar().is_some_and(|s| s.is_null()) {
                out.push(
                    RULE.at(
                        item_span(item, cx.text),
                        format!("empty item in `{}`", tagged.path),
                    )
                    .with_help("remove the empty `-`, or put the command on the same line"),
                );
            }
        }
    }
}

/// An empty item's span is empty; point at its `-` instead.
fn item_span(item: &Node, text: &str) -> Span {
    if !item.span.is_empty() {
        return item.span;
    }
    let before = text.get(..item.span.start()).unwrap_or("");
    match before.rfind('-') {
        Some(i) if !before.get(i + 1..).unwrap_or("").contains('\n') => Span::new(i, i + 1),
        _ => item.span,
    }
}
