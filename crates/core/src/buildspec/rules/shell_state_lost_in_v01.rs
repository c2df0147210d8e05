//! BS015 shell-state-lost-in-v01.

use crate::declare_rule;
use super::Cx;
use super::helpers::PHASE_NAMES;
use crate::buildspec::Version;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Warns when a `version: 0.1` buildspec has a command that only changes shell state — `cd`
    /// or `export` on its own.
    ///
    /// ## Why is this bad?
    /// Version 0.1 runs every command in a fresh shell, so the directory change or variable is
    /// gone before the next command runs. Version 0.2 runs all commands in one shell.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.1
    /// phases:
    ///   build:
    ///     commands:
    ///       - cd app
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - cd app
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec versions ("each build command runs in a separate instance of the default
    ///   shell"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-versions>
    code: "BS015", name: "shell-state-lost-in-v01", severity: Warning
}

/// Commands that only change the shell's state, in a version 0.1 buildspec.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.version != Some(Version::V01) {
        return;
    }
    let phases = cx.root.get("phases");
    for name in PHASE_NAMES {
        let Some(phase) = phases.and_then(|p| p.get(name)) else {
            continue;
        };
        for list in ["commands", "finally"] {
            for cmd in phase.get(list).map(Node::items).unwrap_or(&[]) {
                let Some(text) = cmd.as_str() else { continue };
                let t = text.trim();
                let only_state = (t.starts_with("cd ") || t.starts_with("export ") || t == "cd")
                    && !t.contains("&&")
                    && !t.contains(';');
                if only_state {
                    out.push(
                        RULE.at(cmd.span, format!("`{t}` has no effect on the next command in version 0.1"))
                            .with_help("version 0.1 runs each command in its own shell; switch to `version: 0.2`, or join the commands with `&&`"),
                    );
                }
            }
        }
    }
}
