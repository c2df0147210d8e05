//! GHA010 unknown-event.

use super::Cx;
use super::helpers::EVENTS;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a trigger under `on` that is not an event GitHub Actions knows, and suggests the
    /// closest event name.
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow ("Unexpected value 'pull-request'"), so it never runs: a
    /// deploy workflow with `on: pushh` silently never deploys.
    ///
    /// ## Example
    /// ```yaml
    /// on:
    ///   pull-request:
    ///     branches: [main]
    /// jobs:
    ///   test:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: make test
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on:
    ///   pull_request:
    ///     branches: [main]
    /// jobs:
    ///   test:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: make test
    /// ```
    ///
    /// ## References
    /// - Events that trigger workflows: <https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows>
    code: "GHA010", name: "unknown-event", severity: Error
}

/// Events not in GitHub's list.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(on) = &cx.model.on else { return };
    for event in &on.events {
        let name = event.name.value.as_str();
        if name.is_empty() || EVENTS.contains(&name) {
            continue;
        }
        let mut d = RULE.at(
            event.name.span,
            format!("`{name}` is not an event that triggers workflows"),
        );
        d = match did_you_mean(name, EVENTS.iter().copied()) {
            Some(s) => d
                .with_help(format!("did you mean `{s}`?"))
                .with_fix(format!("replace with `{s}`"), event.name.span, s),
            None => d.with_help(
                "deploy workflows usually run on `push`, `workflow_dispatch`, `release` or `workflow_call`",
            ),
        };
        out.push(d);
    }
}
