//! CodePipeline declarations (planned: recognised, not yet checked).

use crate::kinds::{BY_KEY, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::source::Node;

/// The kind: a CodePipeline declaration.
pub static INFO: KindInfo = KindInfo {
    id: "pipeline",
    title: "CodePipeline definition",
    code_prefix: "CP",
    formats: Formats::Json,
    file_name,
    checked: false,
};

/// `*pipeline*.json`.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    (name.is_json() && name.stem.contains("pipeline")).then_some(BY_WORD)
}

/// `pipeline`, or (JSON) `stages`/`Stages`.
pub(crate) fn detect(root: &Node, json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    (has("pipeline") || (json && (has("stages") || has("Stages")))).then_some(BY_KEY)
}
