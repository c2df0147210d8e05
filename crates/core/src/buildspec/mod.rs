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

mod rules;
mod runtimes;
mod schema;

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::schema::Checker;
use crate::source::{Document, Node};

pub use runtimes::{IMAGES, Image};

/// Options of a buildspec check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The CodeBuild image the project uses (`aws/codebuild/standard:7.0`), to check
    /// `runtime-versions` against what it has preinstalled.
    pub image: Option<String>,
}

/// The buildspec format version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// `0.1`: `environment_variables`, one shell per command.
    V01,
    /// `0.2`: `env`, one shell for the whole build.
    V02,
}

/// What semantic rules see: the document, the version it declares and the options.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub root: &'a Node,
    pub version: Option<Version>,
    pub options: &'a Options,
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }
}

/// Every `BS` rule.
pub fn rules() -> &'static [&'static Rule] {
    rules::ALL
}

/// Checks a parsed buildspec; returns the findings (syntax diagnostics of the document are not
/// included).
pub fn check(doc: &Document, text: &str, options: &Options) -> Vec<Diagnostic> {
    let mut checker = Checker::new(&schema::RULES, text);
    checker.check_root(&doc.root, &schema::ROOT);
    let mut cx = Ctx {
        text,
        root: &doc.root,
        version: version_of(&doc.root),
        options,
        out: checker.diagnostics,
    };
    if doc.root.map().is_some() {
        rules::run(&mut cx);
    }
    cx.out
}

fn version_of(root: &Node) -> Option<Version> {
    let v = root.get("version")?.scalar()?;
    let text = v.text.trim();
    if text == "0.1" || (v.number() == Some(0.1)) {
        Some(Version::V01)
    } else if text == "0.2" || (v.number() == Some(0.2)) {
        Some(Version::V02)
    } else {
        None
    }
}
