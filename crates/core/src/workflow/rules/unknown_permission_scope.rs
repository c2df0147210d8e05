//! GHA020 unknown-permission-scope.

use super::Cx;
use super::helpers::{SCOPES, permission_blocks, scope_levels};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;
use crate::workflow::model::PermissionSpec;

declare_rule! {
    /// ## What it does
    /// Reports a key of a `permissions` mapping that is not a `GITHUB_TOKEN` scope, and
    /// suggests the closest scope (`id_token` → `id-token`, `pull-request` → `pull-requests`).
    ///
    /// ## Why is this bad?
    /// GitHub rejects the workflow ("Unexpected value 'id_token'"). A misspelt `id-token` also
    /// means the job would get no OIDC token: naming any scope sets every unnamed scope to
    /// `none`.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id_token: write
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
    /// - GitHub's workflow parser (`actions/languageservices`, `workflow-v1.0.json`, August 2026),
    ///   whose scope list this rule uses
    code: "GHA020", name: "unknown-permission-scope", severity: Error
}

/// Keys of permission mappings that are not scopes.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for block in permission_blocks(cx.model) {
        let PermissionSpec::Scopes(scopes) = &block.spec else {
            continue;
        };
        for scope in scopes {
            let name = scope.name.value.as_str();
            if scope_levels(name).is_some() {
                continue;
            }
            let mut d = RULE.at(
                scope.name.span,
                format!("`{name}` is not a permission scope"),
            );
            d = match did_you_mean(name, SCOPES.iter().map(|(s, _)| *s)) {
                Some(s) => d
                    .with_help(format!("did you mean `{s}`?"))
                    .with_fix(format!("rename to `{s}`"), scope.name.span, s),
                None => d.with_help(format!(
                    "scopes: {}",
                    SCOPES.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", ")
                )),
            };
            out.push(d);
        }
    }
}
