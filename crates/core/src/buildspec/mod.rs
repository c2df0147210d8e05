//! CodeBuild buildspec: schema, rules (`BS…`) and the entry point that runs them.
//!
//! How AWS reads scalars here (CodeBuild's reader behaves like go-yaml, a YAML 1.1 reader; see
//! the README's design section):
//! - `version`: the number `0.2` and the string `"0.2"` are both accepted (AWS CDK emits the
//!   string); `0.20` is the number 0.2.
//! - `discard-paths`, `enable-symlinks`, `git-credential-helper`, `proxy.*`, `fast-fail`,
//!   `privileged-mode`, `debug-session`, `ignore-failure`: `yes`/`no`/`on`/`off`/`true`/`false`
//!   in any of YAML 1.1's casings, or those words quoted.
//! - `commands` and variable values: any scalar is a string; numbers keep their written text.
//! - `runtime-versions` values: the written text (`3.10` stays `3.10` for CodeBuild, though a
//!   YAML 1.2 reader would see the number 3.1 — rule BS034 asks to quote such values).

mod model;
pub(crate) mod rules;
pub(crate) mod runtimes;
pub(crate) mod schema;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_NAME, BY_VALUE, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::schema::Checker;
use crate::source::{Document, Node};

pub use model::{Buildspec, Phase, Version};
pub use runtimes::{IMAGES, Image};

/// The buildspec's model.
pub type Model = Buildspec;

/// The kind: CodeBuild `buildspec.yml`.
pub static INFO: KindInfo = KindInfo {
    id: "buildspec",
    title: "CodeBuild buildspec",
    code_prefix: "BS",
    formats: Formats::Yaml,
    file_name,
    checked: true,
};

/// `buildspec*.yml` / `buildspec*.yaml`.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    if !name.is_yaml() {
        None
    } else if name.stem.starts_with("buildspec") {
        Some(BY_NAME)
    } else {
        // `deploy-buildspec.yml`, `service__buildspec.yml`.
        name.stem.contains("buildspec").then_some(BY_WORD)
    }
}

/// `phases` says buildspec; so does `version: 0.1` or `0.2`.
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    if root.get("phases").is_some() {
        return Some(BY_KEY);
    }
    let version = root.get("version").and_then(Node::as_str);
    matches!(version, Some("0.1" | "0.2")).then_some(BY_VALUE)
}

/// Options of a buildspec check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The CodeBuild image the project uses (`aws/codebuild/standard:7.0`), to check
    /// `runtime-versions` against what it has preinstalled.
    pub image: Option<String>,
}

/// Lowers a parsed buildspec into its model and runs the `BS` rules over it.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> Buildspec {
    let mut walk = Checker::new(&schema::RULES, text);
    walk.check_root(&doc.root, &schema::ROOT);
    let model = model::lower(&doc.root);
    let cx = rules::Cx {
        text,
        root: &doc.root,
        model: &model,
        facts: &walk.facts,
        options: &options.buildspec,
    };
    rules::run(&cx, out);
    model
}
