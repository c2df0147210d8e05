//! GitHub Actions workflows (`.github/workflows/*.yml`): the part of the syntax needed to reason
//! about AWS deploys, rules (`GHA…`), and the cross-check with a role's trust policy ("can this
//! workflow assume that role — and who else can?").
//!
//! - [`model`]: the workflow lowered once from the tree (triggers and filters, permissions,
//!   jobs, environments, steps and their inputs), with spans; `schema.rs` holds the keys and
//!   value shapes the structural rules check.
//! - [`expr`]: `${{ }}` expressions: where they are, a parser, and a three-valued evaluator.
//! - [`actions`]: the AWS actions' inputs, tags and runtimes per version.
//! - [`admission`]: for each job that assumes a role through OIDC, the tokens its runs present
//!   and what a trust policy answers to each, and the callers the policy admits that no job
//!   needs.
//!
//! How GitHub reads the file: YAML 1.2 (`on` is the key `on`, not a boolean), keys are
//! case-sensitive, the last of two identical keys wins, and `with` inputs are strings matched
//! ignoring case.

pub mod actions;
pub mod admission;
pub mod expr;
pub mod model;
pub(crate) mod rules;
pub(crate) mod schema;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_FOLDER, BY_KEY, FileName, Formats, KindInfo, Strength};
use crate::schema::Checker;
use crate::source::{Document, Node};

pub use model::Workflow;

/// The workflow's model.
pub type Model = Workflow;

/// The kind: a GitHub Actions workflow.
pub static INFO: KindInfo = KindInfo {
    id: "workflow",
    title: "GitHub Actions workflow",
    code_prefix: "GHA",
    formats: Formats::Yaml,
    file_name,
    checked: true,
};

/// `.github/workflows/*.yml`.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    (name.path.contains(".github/workflows/") && name.is_yaml()).then_some(BY_FOLDER)
}

/// `jobs` with `on` (YAML 1.1 readers see `on` as `true`).
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    (has("jobs") && (has("on") || has("true"))).then_some(BY_KEY)
}

/// Lowers a parsed workflow once into its model, walks its keys, and runs the `GHA` rules.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> Workflow {
    let root = &doc.root;
    let model = model::lower(root);
    let mut walk = Checker::new(&schema::RULES, text);
    if root.map().is_some() || root.is_null() {
        walk.check_root(root, &schema::ROOT);
    } else if !root.is_invalid() {
        walk.wrong_type(root, "a mapping (`on`, `jobs`, …)");
    }
    let cx = rules::Cx {
        text,
        root,
        model: &model,
        facts: &walk.facts,
    };
    rules::run(&cx, out);
    model
}
