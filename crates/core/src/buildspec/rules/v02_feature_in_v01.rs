//! BS013 v02-feature-in-v01.

use crate::declare_rule;
use super::Cx;
use super::helpers::PHASE_NAMES;
use crate::buildspec::Version;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about version 0.2 features in a `version: 0.1` buildspec: `env`, `run-as`,
    /// `reports`, `batch`, and `finally`, `on-failure` or `run-as` inside a phase.
    ///
    /// ## Why is this bad?
    /// The reference introduces these with version 0.2. Whether 0.1 rejects or ignores them is
    /// not documented, so this is a warning; either way the feature cannot be relied on. Version
    /// 0.1 also runs each command in its own shell — switching to 0.2 is almost always what you
    /// want.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.1
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///     finally:
    ///       - make clean
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///     finally:
    ///       - make clean
    /// ```
    ///
    /// ## References
    /// - Buildspec versions: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-versions>
    code: "BS013", name: "v02-feature-in-v01", severity: Warning
}

/// Version 0.2 keys in a version 0.1 buildspec.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.version != Some(Version::V01) {
        return;
    }
    let root = cx.root;
    for key in ["env", "run-as", "reports", "batch"] {
        if let Some(pair) = root.entry(key) {
            let help = if key == "env" {
                "version 0.1 calls this section `environment_variables` (with `plaintext`); or switch to `version: 0.2`"
            } else {
                "switch to `version: 0.2`"
            };
            out.push(
                RULE.at(
                    pair.key.span,
                    format!("`{key}` is a version 0.2 feature, but this buildspec is version 0.1"),
                )
                .with_help(help),
            );
        }
    }
    let phases = root.get("phases");
    for name in PHASE_NAMES {
        let Some(phase) = phases.and_then(|p| p.get(name)) else {
            continue;
        };
        for key in ["finally", "on-failure", "run-as"] {
            if let Some(pair) = phase.entry(key) {
                out.push(
                    RULE.at(pair.key.span, format!("`{key}` is a version 0.2 feature, but this buildspec is version 0.1"))
                        .with_help("switch to `version: 0.2`"),
                );
            }
        }
    }
}
