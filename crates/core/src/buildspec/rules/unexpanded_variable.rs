//! BS045 unexpanded-variable.

use crate::declare_rule;
use super::Cx;
use super::helpers::{plaintext_variables, variable_reference};
use crate::buildspec::model::Version;
use crate::diagnostic::Diagnostic;
use crate::source::edit::{self, Edit};
use crate::source::{Node, Pair};
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Warns about a plain-text variable whose value refers to another variable (`$PATH`,
    /// `${CODEBUILD_BUILD_NUMBER}`).
    ///
    /// ## Why is this bad?
    /// CodeBuild sets the value literally. The reference's own example: setting `PATH` to
    /// `$PATH:/usr/share/ant/bin` replaces the image's `PATH` with the literal text
    /// `$PATH:/usr/share/ant/bin`, which breaks every command. Build such values with `export`
    /// in a command instead.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     PATH: $PATH:/opt/tools/bin
    /// phases:
    ///   build:
    ///     commands:
    ///       - mytool build
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - export PATH="$PATH:/opt/tools/bin"
    ///       - mytool build
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    code: "BS045", name: "unexpanded-variable", severity: Warning
}

/// `$NAME` in a plain-text variable's value (set literally, not expanded).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for pair in plaintext_variables(cx.root) {
        let Some(name) = pair.key_str() else { continue };
        let value = pair.value.as_str().unwrap_or("").trim();
        if let Some(var) = variable_reference(value) {
            out.push(
                RULE.at(pair.value.span, format!("`{var}` in the value of `{name}` is not expanded; the variable is set to the literal text"))
                    .with_help(format!("set it in a command instead: `export {name}=\"{}\"`", shorten(value, 60)))
                    .with_edits(format!("move to `export {name}=\"…\"` in the first command"), export_instead(cx, pair, name, value)),
            );
        }
    }
}

/// The edits that set the variable with `export` in the build's first command instead (in
/// version 0.2 every command runs in one shell, so the variable holds for all later ones), and
/// remove it from `env/variables` (with `variables`, and `env`, when nothing else is left in them).
/// `None` where that is not certain: version 0.1 (a shell per command), a shell other than
/// `bash` or `sh`, a value that double quotes would change, no phase with a list of commands,
/// or a variable of a batch task.
fn export_instead(cx: &Cx<'_>, pair: &Pair, name: &str, value: &str) -> Option<Vec<Edit>> {
    if cx.model.version != Some(Version::V02) {
        return None;
    }
    let env = cx.root.get("env")?;
    if !env.get("variables")?.entries().iter().any(|p| p.key.span == pair.key.span) {
        return None;
    }
    if env
        .get("shell")
        .and_then(Node::as_str)
        .is_some_and(|s| !matches!(s, "bash" | "/bin/sh"))
        || value.contains(['"', '\\', '`'])
    {
        return None;
    }
    let phases = cx.root.get("phases")?;
    let first = ["install", "pre_build", "build", "post_build"]
        .into_iter()
        .filter_map(|p| phases.get(p)?.get("commands")?.items().first())
        .next()?;
    let line = edit::line_start(cx.text, first.span.start());
    let dash = cx.text.get(line..first.span.start())?;
    if !dash.trim_start_matches(' ').starts_with("- ") || dash.trim() != "-" {
        return None;
    }
    let command = edit::yaml_scalar(&format!("export {name}=\"{value}\""));
    let mut edits = vec![Edit::insert(line, format!("{dash}{command}\n"))];
    edits.extend(edit::remove_entry_at(cx.text, cx.root, pair.key.span, 2)?);
    Some(edits)
}
