//! GHA021 invalid-permission-level.

use super::Cx;
use super::helpers::{permission_blocks, scope_levels};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::model::PermissionSpec;

declare_rule! {
    /// ## What it does
    /// Reports a scope's level that the scope does not accept: anything but `read`, `write` or
    /// `none`; `read` for `id-token` and `copilot-requests` (only `write` or `none`); `write` for
    /// `models` and `vulnerability-alerts` (only `read` or `none`).
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow. `id-token: read` is a common slip: the OIDC token can only
    /// be requested with `write` (GitHub removed `read` from its documentation, and its parser
    /// accepts only `write` or `none`), so the job would never get AWS credentials through OIDC.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: read
    ///   contents: read
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: write
    ///   contents: read
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Permissions for the `GITHUB_TOKEN`: <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions>
    /// - OpenID Connect, "Adding permissions settings" (`id-token: write`): <https://docs.github.com/en/actions/reference/security/oidc>
    /// - github/docs pull request #34306 (removes `id-token: read`)
    code: "GHA021", name: "invalid-permission-level", severity: Error
}

/// Levels a scope does not accept.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for block in permission_blocks(cx.model) {
        let PermissionSpec::Scopes(scopes) = &block.spec else {
            continue;
        };
        for scope in scopes {
            let Some(levels) = scope_levels(&scope.name.value) else {
                continue;
            };
            let level = scope.level.value.as_str();
            if levels.contains(&level) {
                continue;
            }
            let name = &scope.name.value;
            let accepted = levels
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut d = RULE.at(
                scope.level.span,
                format!("`{level}` is not a level of `{name}`, which accepts {accepted}"),
            );
            if name == "id-token" && level == "read" {
                d = d
                    .with_help("an OIDC token is requested with `id-token: write`")
                    .with_fix("replace with `write`", scope.level.span, "write");
            } else if let Some(l) = levels
                .iter()
                .find(|l| l.eq_ignore_ascii_case(level))
            {
                d = d.with_fix(format!("replace with `{l}`"), scope.level.span, *l);
            }
            out.push(d);
        }
    }
}
