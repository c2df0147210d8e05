//! GHA033 secret-in-unavailable-context.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::expr;
use crate::workflow::model::Restricted;

declare_rule! {
    /// ## What it does
    /// Reports an expression that reads `secrets` where that context is not available: any
    /// `if:` (job or step), `runs-on`, `environment`, `strategy`, `concurrency`, a job's `name`,
    /// `timeout-minutes` or `continue-on-error`, `run-name`, and the `with` of a job that calls
    /// a reusable workflow.
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow ("Unrecognized named-value: 'secrets'"). To run a step only
    /// when a secret is set, copy the secret into the job's `env` and test the variable:
    /// `if: env.AWS_ROLE != ''`.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - if: secrets.AWS_ROLE != ''
    ///         run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     env:
    ///       AWS_ROLE: ${{ secrets.AWS_ROLE }}
    ///     steps:
    ///       - if: env.AWS_ROLE != ''
    ///         run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Contexts, "Context availability": <https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#context-availability>
    /// - Using secrets in GitHub Actions ("Secrets cannot be directly referenced in `if:`
    ///   conditionals"): <https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets>
    code: "GHA033", name: "secret-in-unavailable-context", severity: Error
}

fn report(place: &Restricted, out: &mut Vec<Diagnostic>) {
    let text = &place.value.value;
    // An `if:` without `${{ }}` is an expression as a whole.
    let paths = if place.key == "if" && !expr::has_expression(text) {
        expr::parse(text).map(|e| e.paths()).unwrap_or_default()
    } else {
        expr::contexts_read(text)
    };
    if let Some((_, names)) = paths.iter().find(|(root, _)| root == "secrets") {
        let name = names.first().map_or("…", String::as_str);
        out.push(
            RULE.at(
                place.value.span,
                format!("`secrets.{name}` cannot be read in `{}`", place.key),
            )
            .with_help(match place.key {
                "if" => format!("copy the secret into the job's `env` (`{name}: ${{{{ secrets.{name} }}}}`) and test `env.{name}` instead"),
                "with" => "pass secrets to a reusable workflow under the job's `secrets:` (or `secrets: inherit`), not `with:`".to_string(),
                key => format!("the `secrets` context is not available in `{key}`; use `vars`, `inputs` or `matrix` there"),
            }),
        );
    }
}

/// Expressions reading `secrets` where it is not available.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for place in &cx.model.restricted {
        report(place, out);
    }
    for job in &cx.model.jobs {
        for place in &job.restricted {
            report(place, out);
        }
    }
}
