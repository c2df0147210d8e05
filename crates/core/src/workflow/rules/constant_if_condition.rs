//! GHA032 constant-if-condition.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::expr;
use crate::workflow::model::Text;

declare_rule! {
    /// ## What it does
    /// Warns about a job or step `if:` that has text outside its `${{ }}`, such as
    /// `if: ${{ github.ref }} == 'refs/heads/main'` or `if: true && ${{ false }}`.
    ///
    /// ## Why is this bad?
    /// When an `if:` holds anything besides one `${{ }}`, GitHub evaluates it as a string
    /// template; the result is a non-empty string, which is always true. A deploy job guarded
    /// this way runs on every branch. The workflow still runs, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     if: ${{ github.ref }} == 'refs/heads/main'
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     if: github.ref == 'refs/heads/main'
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Expressions in an `if` conditional ("`if: true && ${{ false }}` will evaluate to
    ///   true"): <https://docs.github.com/en/actions/reference/workflows-and-actions/expressions>
    /// - actionlint, `if-cond-constant`
    code: "GHA032", name: "constant-if-condition", severity: Warning
}

fn report(condition: &Text, whose: &str, out: &mut Vec<Diagnostic>) {
    let text = condition.value.trim();
    if expr::condition(text).is_some() {
        return;
    }
    let inner: Vec<&str> = expr::segments(text)
        .into_iter()
        .map(|s| match s {
            expr::Segment::Text(t) => t,
            expr::Segment::Expr(e) => e,
        })
        .collect();
    let fixed = inner.concat().split_whitespace().collect::<Vec<_>>().join(" ");
    out.push(
        RULE.at(
            condition.span,
            format!("the `if` of {whose} has text outside `${{{{ }}}}`, so it is always true"),
        )
        .with_help(format!("write the whole condition as one expression: `if: {fixed}`")),
    );
}

/// `if:` values with text outside their expression.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        if let Some(c) = &job.condition {
            report(c, &format!("job `{}`", job.id.value), out);
        }
        for step in &job.steps {
            if let Some(c) = &step.condition {
                report(c, &step.label(), out);
            }
        }
    }
}
