//! GHA022 invalid-permissions-shorthand.

use super::Cx;
use super::helpers::permission_blocks;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::model::PermissionSpec;

declare_rule! {
    /// ## What it does
    /// Reports a `permissions` value written as a single word other than `read-all` and
    /// `write-all` (`read`, `write`, `none`, `{id-token: write}` written as a string).
    ///
    /// ## Why is this bad?
    /// GitHub accepts only `read-all`, `write-all`, `{}` (no permission) or a mapping of scopes,
    /// and rejects the workflow otherwise.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// permissions: read
    /// jobs:
    ///   test:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: make test
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// permissions: read-all
    /// jobs:
    ///   test:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - run: make test
    /// ```
    ///
    /// ## References
    /// - `permissions` ("You can use the following syntax to define one of read-all or
    ///   write-all access"): <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions>
    code: "GHA022", name: "invalid-permissions-shorthand", severity: Error
}

/// Single words other than the two shorthands.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for block in permission_blocks(cx.model) {
        let PermissionSpec::Other(word) = &block.spec else {
            continue;
        };
        let value = word.value.as_str();
        let mut d = RULE.at(
            word.span,
            format!("`permissions: {value}` is not valid: only `read-all`, `write-all` or a mapping of scopes"),
        );
        d = match value {
            "read" | "write" => {
                let fixed = format!("{value}-all");
                d.with_help(format!("write `{fixed}` for every scope, or name the scopes: `contents: {value}`"))
                    .with_fix(format!("replace with `{fixed}`"), word.span, fixed)
            }
            "none" => d
                .with_help("`{}` gives no permission at all")
                .with_fix("replace with `{}`", word.span, "{}"),
            _ => d.with_help("name each scope: `contents: read`, `id-token: write`"),
        };
        out.push(d);
    }
}
