//! GHA012 invalid-filter-pattern.

use super::Cx;
use super::helpers::{PatternProblem, pattern_problem};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a `branches`, `tags` or `paths` pattern that the filter glob syntax does not
    /// read as intended: regular-expression anchors (`^main$`), an unclosed `[`, a
    /// range other than `a-z`, `A-Z` or `0-9`, `?` or `+` with no character before it, a
    /// character Git does not allow in branch and tag names, a `refs/heads/` prefix (names are
    /// matched without it), or an empty pattern.
    ///
    /// ## Why is this bad?
    /// Filters are globs, not regular expressions: `^main$` matches only a branch literally
    /// named `^main$`, so the workflow never runs for `main`. In the glob syntax `?` and `+`
    /// repeat the character before them, `*` stops at `/`, and `**` crosses it. What GitHub does
    /// with a malformed pattern is not documented, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// on:
    ///   push:
    ///     branches: ['^release/.*$']
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
    ///     branches: ['release/**']
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Filter pattern cheat sheet: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#filter-pattern-cheat-sheet>
    /// - `git check-ref-format` (characters not allowed in ref names): <https://git-scm.com/docs/git-check-ref-format>
    /// - actionlint, `check-glob-pattern`
    code: "GHA012", name: "invalid-filter-pattern", severity: Warning
}

/// Filter patterns the glob syntax reads differently than intended.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(on) = &cx.model.on else { return };
    for event in &on.events {
        for filter in &event.filters {
            for pattern in &filter.patterns {
                let Some(problem) = pattern_problem(&pattern.value, filter.kind.is_ref()) else {
                    continue;
                };
                let (message, help) = match problem {
                    PatternProblem::Empty => (
                        format!("an empty pattern in `{}`", filter.kind.key()),
                        "remove it, or write the name to match".to_string(),
                    ),
                    PatternProblem::Regex(what) => (
                        format!(
                            "`{}` looks like a regular expression ({what}), but filters are globs",
                            pattern.value
                        ),
                        "use glob syntax: `*` for any characters except `/`, `**` for any characters, and no `^`/`$` anchors".to_string(),
                    ),
                    PatternProblem::RefPrefix(prefix) => (
                        format!(
                            "`{}` starts with `{prefix}`, but {} are matched without it",
                            pattern.value,
                            filter.kind.key()
                        ),
                        format!("write the name alone: `{}`", pattern.value.trim_start_matches(prefix)),
                    ),
                    PatternProblem::Glob(what) => (
                        format!("`{}` is not a valid filter pattern: {what}", pattern.value),
                        "escape a special character with `\\` to match it literally".to_string(),
                    ),
                    PatternProblem::RefCharacter(c) => (
                        format!(
                            "`{}` holds {}, which branch and tag names cannot contain",
                            pattern.value,
                            if c == ' ' { "a space".to_string() } else if c.is_control() { "a control character".to_string() } else { format!("`{c}`") }
                        ),
                        "Git refuses this character in ref names, so the pattern never matches".to_string(),
                    ),
                };
                out.push(RULE.at(pattern.span, message).with_help(help));
            }
        }
    }
}
