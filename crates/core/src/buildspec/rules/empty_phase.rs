//! BS022 empty-phase.

use crate::declare_rule;
use super::Cx;
use super::helpers::last_segment;
use crate::buildspec::schema::{COMMANDS_TAG, PHASE_TAG};
use crate::diagnostic::Diagnostic;
use crate::source::Value;

declare_rule! {
    /// ## What it does
    /// Warns about a phase, `commands` or `finally` that is present but empty (`build:` or
    /// `commands:` with nothing after it, or `[]`).
    ///
    /// ## Why is this bad?
    /// An empty phase does nothing, and a half-written one usually means commands were lost to a
    /// wrong indentation. For `pre_build`, `build` and `post_build` the reference requires
    /// commands; what CodeBuild does with an empty list is not documented, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
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
    code: "BS022", name: "empty-phase", severity: Warning
}

/// Empty phases, and empty `commands` or `finally` lists.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(PHASE_TAG) {
        if tagged.node.is_null() {
            let name = last_segment(&tagged.path);
            out.push(
                RULE.at(tagged.anchor, format!("phase `{name}` is empty"))
                    .with_help("add `commands:` with at least one command, or remove the phase"),
            );
        }
    }
    for tagged in cx.facts.tagged(COMMANDS_TAG) {
        let key = last_segment(&tagged.path);
        match &tagged.node.value {
            Value::Scalar(s) if s.is_null() => out.push(
                RULE.at(tagged.anchor, format!("`{}` is empty", tagged.path))
                    .with_help(format!("list the {key} to run, one per `- ` item")),
            ),
            Value::Seq(seq) if seq.items.is_empty() && seq.complete => out.push(
                RULE.at(
                    tagged.node.span,
                    format!("`{}` is an empty list", tagged.path),
                )
                .with_help(format!("list the {key} to run, one per `- ` item")),
            ),
            _ => {}
        }
    }
}
