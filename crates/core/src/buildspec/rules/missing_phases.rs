//! BS012 missing-phases.

use crate::declare_rule;
use super::Cx;
use crate::buildspec::schema::ROOT;
use crate::diagnostic::Diagnostic;
use crate::schema::misspelling;

declare_rule! {
    /// ## What it does
    /// Reports a buildspec without `phases` (unless it only defines a `batch`, whose tasks name
    /// their own buildspecs).
    ///
    /// ## Why is this bad?
    /// `phases` is required: it holds every command the build runs.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// artifacts:
    ///   files:
    ///     - '**/*'
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// artifacts:
    ///   files:
    ///     - '**/*'
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `phases` ("Required sequence"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS012", name: "missing-phases", severity: Error
}

/// `phases` is required, except in a buildspec that only defines a batch.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let root = cx.root;
    let complete = root.map().is_some_and(|m| m.complete);
    if !complete || root.get("batch").is_some() {
        return;
    }
    let empty = root.entry("phases").filter(|p| p.value.is_null());
    if root.get("phases").is_none()
        && let Some(typo) = root.map().and_then(|m| misspelling(m, &ROOT, "phases"))
    {
        let written = typo.key_str().unwrap_or("");
        out.push(
            RULE.at(
                typo.key.span,
                format!("the file has no `phases`; `{written}` looks like a misspelling of it"),
            )
            .with_help(format!("did you mean `phases`? rename `{written}`"))
            .with_rewrite(format!("rename `{written}` to `phases`"), cx.text, typo.key.span, "phases"),
        );
        return;
    }
    if root.get("phases").is_none() || empty.is_some() {
        let span = empty.map_or_else(|| crate::schema::first_line(cx.text), |p| p.key.span);
        let message = if empty.is_some() {
            "`phases` is empty"
        } else {
            "the file has no `phases`"
        };
        out.push(
            RULE.at(span, message)
                .with_help("add `phases:` with at least a `build` phase and its `commands`"),
        );
    }
}
