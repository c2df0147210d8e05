//! The shape of the file: keys, types, `version`, `phases`, and what differs between 0.1 and 0.2.

use crate::buildspec::{Ctx, Version};
use crate::declare_rule;
use crate::schema::Checker;
use crate::source::{Node, ScalarKind, Span};

declare_rule! {
    /// ## What it does
    /// Warns about a key the buildspec reference does not document, and suggests the closest
    /// documented key.
    ///
    /// ## Why is this bad?
    /// CodeBuild does not fail the build: it logs "Found possible syntax errors in buildspec …
    /// The following keys cannot be identified" and ignores the key. A misspelt `finally` or
    /// `discard-paths` therefore silently does nothing.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///     finaly:
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
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    /// - The warning CodeBuild logs for unknown keys: aws/aws-toolkit-vscode PR #4008
    pub static UNKNOWN_KEY = { code: "BS001", name: "unknown-key", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong type: a list where a mapping is expected, a mapping where a
    /// string is expected, a word where `yes`/`no` is expected, and so on.
    ///
    /// ## Why is this bad?
    /// CodeBuild fails the build with `YAML_FILE_ERROR` before running any command when it
    /// cannot read a section as the type it expects.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   - build:
    ///       commands:
    ///         - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static INVALID_TYPE = { code: "BS002", name: "invalid-type", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns when a single string is written where the reference documents a list (`commands`,
    /// `files`, `paths`, `exclude-paths`).
    ///
    /// ## Why is this bad?
    /// The reference describes these keys as sequences. Whether CodeBuild accepts a lone string
    /// is not documented (AWS CDK examples pass one for `commands`), so this is a warning: write
    /// a list to be sure, one command per item, which also makes CodeBuild log each command and
    /// its exit status separately.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands: make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax ("Contains a sequence of scalars"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static SCALAR_INSTEAD_OF_LIST = { code: "BS003", name: "scalar-instead-of-list", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a buildspec without `version`.
    ///
    /// ## Why is this bad?
    /// `version` is a required key; CodeBuild cannot tell how to read the file and fails the
    /// build with `YAML_FILE_ERROR`.
    ///
    /// ## Example
    /// ```yaml
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `version` ("Required mapping"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static MISSING_VERSION = { code: "BS010", name: "missing-version", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `version` other than `0.1` or `0.2`. Both the number `0.2` and the string
    /// `"0.2"` are accepted (AWS CDK writes the string).
    ///
    /// ## Why is this bad?
    /// CodeBuild fails the build: `YAML_FILE_ERROR Message: invalid buildspec 'version'
    /// specified: 1.0, see documentation`. The buildspec version is not your application's
    /// version.
    ///
    /// ## Example
    /// ```yaml
    /// version: 1.0
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec versions: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-versions>
    pub static UNSUPPORTED_VERSION = { code: "BS011", name: "unsupported-version", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a buildspec without `phases` (unless it only defines a `batch`, whose tasks name
    /// their own buildspecs).
    ///
    /// ## Why is this bad?
    /// `phases` is required: it holds every command the build runs.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// artifacts:
    ///   files:
    ///     - '**/*'
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// artifacts:
    ///   files:
    ///     - '**/*'
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `phases` ("Required sequence"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static MISSING_PHASES = { code: "BS012", name: "missing-phases", severity: Error };
}

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
    pub static V02_FEATURE_IN_V01 = { code: "BS013", name: "v02-feature-in-v01", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about version 0.1 names in a `version: 0.2` buildspec: `environment_variables`
    /// (0.2 calls it `env`) and `plaintext` (0.2 calls it `variables`).
    ///
    /// ## Why is this bad?
    /// Version 0.2 renamed these sections. Under 0.2 the old names are not the documented
    /// spelling, so the variables may never be set.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// environment_variables:
    ///   plaintext:
    ///     STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make STAGE=$STAGE
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make STAGE=$STAGE
    /// ```
    ///
    /// ## References
    /// - Buildspec versions: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-versions>
    pub static V01_NAME_IN_V02 = { code: "BS014", name: "v01-name-in-v02", severity: Warning };
}

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
    pub static SHELL_STATE_LOST_IN_V01 = { code: "BS015", name: "shell-state-lost-in-v01", severity: Warning };
}

/// `version`: 0.1 or 0.2, as a number or a string.
pub(crate) fn check_version(node: &Node, _anchor: Span, c: &mut Checker<'_>) {
    let Some(s) = node.scalar() else {
        if !node.is_invalid() {
            c.wrong_type(node, "0.2");
        }
        return;
    };
    if s.is_null() {
        return; // reported as missing
    }
    let ok = match s.kind() {
        ScalarKind::Float | ScalarKind::Int => {
            matches!(s.number(), Some(v) if v == 0.1 || v == 0.2)
        }
        _ => matches!(s.text.trim(), "0.1" | "0.2"),
    };
    if !ok {
        c.push(
            UNSUPPORTED_VERSION
                .at(node.span, format!("unsupported buildspec version `{}`", s.text))
                .with_help("the buildspec format version is 0.2 (or the legacy 0.1), not your application's version")
                .with_fix("replace with 0.2", node.span, "0.2"),
        );
    }
}

/// BS012: `phases` is required, except in a buildspec that only defines a batch.
pub(crate) fn missing_phases(cx: &mut Ctx<'_>) {
    let root = cx.root;
    let complete = root.map().is_some_and(|m| m.complete);
    if !complete || root.get("batch").is_some() {
        return;
    }
    let empty = root.entry("phases").filter(|p| p.value.is_null());
    if root.get("phases").is_none() || empty.is_some() {
        let span = empty.map_or_else(|| crate::schema::first_line(cx.text), |p| p.key.span);
        let message = if empty.is_some() {
            "`phases` is empty"
        } else {
            "the file has no `phases`"
        };
        cx.push(
            MISSING_PHASES
                .at(span, message)
                .with_help("add `phases:` with at least a `build` phase and its `commands`"),
        );
    }
}

const PHASE_NAMES: [&str; 4] = ["install", "pre_build", "build", "post_build"];

/// BS013, BS014 and BS015.
pub(crate) fn versions(cx: &mut Ctx<'_>) {
    match cx.version {
        Some(Version::V01) => v01(cx),
        Some(Version::V02) => v02(cx),
        None => {}
    }
}

fn v01(cx: &mut Ctx<'_>) {
    let root = cx.root;
    for key in ["env", "run-as", "reports", "batch"] {
        if let Some(pair) = root.entry(key) {
            let help = if key == "env" {
                "version 0.1 calls this section `environment_variables` (with `plaintext`); or switch to `version: 0.2`"
            } else {
                "switch to `version: 0.2`"
            };
            cx.push(
                V02_FEATURE_IN_V01
                    .at(
                        pair.key.span,
                        format!(
                            "`{key}` is a version 0.2 feature, but this buildspec is version 0.1"
                        ),
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
                cx.push(
                    V02_FEATURE_IN_V01
                        .at(pair.key.span, format!("`{key}` is a version 0.2 feature, but this buildspec is version 0.1"))
                        .with_help("switch to `version: 0.2`"),
                );
            }
        }
        for list in ["commands", "finally"] {
            for cmd in phase.get(list).map(Node::items).unwrap_or(&[]) {
                let Some(text) = cmd.as_str() else { continue };
                let t = text.trim();
                let only_state = (t.starts_with("cd ") || t.starts_with("export ") || t == "cd")
                    && !t.contains("&&")
                    && !t.contains(';');
                if only_state {
                    cx.push(
                        SHELL_STATE_LOST_IN_V01
                            .at(cmd.span, format!("`{t}` has no effect on the next command in version 0.1"))
                            .with_help("version 0.1 runs each command in its own shell; switch to `version: 0.2`, or join the commands with `&&`"),
                    );
                }
            }
        }
    }
}

fn v02(cx: &mut Ctx<'_>) {
    let root = cx.root;
    if let Some(pair) = root.entry("environment_variables") {
        cx.push(
            V01_NAME_IN_V02
                .at(
                    pair.key.span,
                    "`environment_variables` is the version 0.1 name of `env`",
                )
                .with_help("in version 0.2 write `env:` (and `variables:` instead of `plaintext:`)")
                .with_fix("rename to `env`", pair.key.span, "env"),
        );
    }
    if let Some(pair) = root.get("env").and_then(|e| e.entry("plaintext")) {
        cx.push(
            V01_NAME_IN_V02
                .at(
                    pair.key.span,
                    "`plaintext` is the version 0.1 name of `variables`",
                )
                .with_help("in version 0.2 write `variables:`")
                .with_fix("rename to `variables`", pair.key.span, "variables"),
        );
    }
}
