//! GitHub Actions workflows (planned: recognised, not yet checked).

pub mod actions;
pub mod expr;

use crate::kinds::{BY_FOLDER, BY_KEY, FileName, Formats, KindInfo, Strength};
use crate::source::Node;

/// The kind: a GitHub Actions workflow.
pub static INFO: KindInfo = KindInfo {
    id: "workflow",
    title: "GitHub Actions workflow",
    code_prefix: "GHA",
    formats: Formats::Yaml,
    file_name,
    checked: false,
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
