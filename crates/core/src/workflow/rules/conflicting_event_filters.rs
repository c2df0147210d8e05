//! GHA011 conflicting-event-filters.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an event with both a filter and its `-ignore` twin: `branches` with
    /// `branches-ignore`, `tags` with `tags-ignore`, or `paths` with `paths-ignore`.
    ///
    /// ## Why is this bad?
    /// GitHub does not allow both on one event and rejects the workflow. To include some
    /// branches and exclude others, use `branches` alone with `!` patterns (order matters: a
    /// later positive pattern adds back what an earlier `!` removed).
    ///
    /// ## Example
    /// ```yaml
    /// on:
    ///   push:
    ///     branches: ['releases/**']
    ///     branches-ignore: ['releases/**-alpha']
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on:
    ///   push:
    ///     branches:
    ///       - 'releases/**'
    ///       - '!releases/**-alpha'
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - `on.push.<branches|tags|branches-ignore|tags-ignore>` ("You cannot use both the
    ///   `branches` filter and the `branches-ignore` filter for the same event"): <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#onpushbranchestagsbranches-ignoretags-ignore>
    code: "GHA011", name: "conflicting-event-filters", severity: Error
}

/// An `-ignore` filter next to its positive twin on one event.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(on) = &cx.model.on else { return };
    for event in &on.events {
        for filter in &event.filters {
            if !filter.kind.key().ends_with("-ignore") {
                continue;
            }
            if let Some(positive) = event.filter(filter.kind.opposite()) {
                out.push(
                    RULE.at(
                        filter.key,
                        format!(
                            "`{}` event has both `{}` and `{}`",
                            event.name.value,
                            positive.kind.key(),
                            filter.kind.key()
                        ),
                    )
                    .with_label(positive.key, format!("`{}` is here", positive.kind.key()))
                    .with_help(format!(
                        "keep `{}` and write each excluded pattern in it with a leading `!`",
                        positive.kind.key()
                    )),
                );
            }
        }
    }
}
