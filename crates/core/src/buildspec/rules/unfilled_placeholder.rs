//! BS092 unfilled-placeholder.

use crate::declare_rule;
use super::Cx;
use super::helpers::{commands, placeholder};
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Warns about template placeholders left in commands or variables: `<your-ecr-url>`,
    /// `<ACCOUNT_ID>`, `YOUR_BUCKET`, `REPLACE_ME`.
    ///
    /// ## Why is this bad?
    /// The sample was copied without filling it in. In a shell command `<your-ecr-url>` is even
    /// read as an input redirection from a file named `your-ecr-url>`, so the command fails
    /// with a confusing message.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - docker push <your-ecr-url>:latest
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - docker push $REPOSITORY_URI:latest
    /// ```
    ///
    /// ## References
    /// - Bash manual, "Redirections": <https://www.gnu.org/software/bash/manual/html_node/Redirections.html>
    code: "BS092", name: "unfilled-placeholder", severity: Warning
}

/// Template placeholders left in commands and variables.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for cmd in commands(cx.root) {
        let Some(scalar) = cmd.scalar() else { continue };
        if let Some(token) = placeholder(&scalar.text) {
            out.push(
                RULE.at(cmd.span, format!("`{token}` looks like a placeholder that was never filled in"))
                    .with_help("replace it with the real value, or with a variable such as `$REPOSITORY_URI`"),
            );
        }
    }
    let variables = cx.root.get("env").and_then(|e| e.get("variables"));
    for pair in variables.map(Node::entries).unwrap_or(&[]) {
        if let Some(value) = pair.value.as_str()
            && let Some(token) = placeholder(value)
        {
            out.push(
                RULE.at(
                    pair.value.span,
                    format!("`{token}` looks like a placeholder that was never filled in"),
                )
                .with_help("replace it with the real value"),
            );
        }
    }
}
