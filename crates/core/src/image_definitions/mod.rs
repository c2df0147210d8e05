//! CodePipeline image definitions files (`IMG…` rules): the `imagedefinitions.json` the Amazon
//! ECS standard deploy action reads from its input artifact, a JSON list of
//! `{"name": <container>, "imageUri": <image>}` entries, one per container whose image the
//! deployment replaces (CodePipeline, "Image definitions file reference"). The blue/green
//! action (CodeDeployToECS) reads another file, `imageDetail.json` (`{"ImageURI": …}`), which
//! is not this kind.
//!
//! The kind is small, like the task definition: its model holds each entry's container name
//! and image URI with their spans, read by the relations of [`crate::related`] (the task
//! definition whose containers the names must be), and its rules report the shape the
//! reference documents. What the action does with what the reference does not describe (a
//! name written twice, an empty list, an unknown key) is a warning.

pub mod model;
pub(crate) mod rules;
pub(crate) mod schema;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_NAME, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::schema::{Checker, Ty};
use crate::source::{Document, Node};

pub use model::{Entry, ImageDefinitions};

/// The image definitions file's model.
pub type Model = ImageDefinitions;

/// The kind: a CodePipeline image definitions file.
pub static INFO: KindInfo = KindInfo {
    id: "image-definitions",
    title: "CodePipeline image definitions file",
    code_prefix: "IMG",
    formats: Formats::Json,
    file_name,
    checked: true,
};

/// `imagedefinitions*.json` and `*imagedefinitions.json` by name (the ECS action's default
/// `FileName`, also as the end of a longer name: `prod-imagedefinitions.json`, or a pipeline
/// repository's `my_pipeline__imagedefinitions.json`, which the pipeline's word does not take);
/// a name holding `imagedefinition`, `image-definition` or `image_definition` by word.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    if !name.is_json() {
        return None;
    }
    let stem = name.stem;
    if stem.starts_with("imagedefinitions") || stem.ends_with("imagedefinitions") {
        Some(BY_NAME)
    } else {
        (stem.contains("imagedefinition")
            || stem.contains("image-definition")
            || stem.contains("image_definition"))
        .then_some(BY_WORD)
    }
}

/// A list whose entries are mappings with an `imageUri` says image definitions.
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let items = root.seq()?;
    (!items.items.is_empty()
        && items
            .items
            .iter()
            .all(|e| e.map().is_some() && e.get("imageUri").is_some()))
    .then_some(BY_KEY)
}

/// Walks the entries' keys, lowers the file once and runs the `IMG` rules.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> ImageDefinitions {
    let mut walk = Checker::new(&schema::RULES, text);
    if let Some(seq) = doc.root.seq() {
        for (i, item) in seq.items.iter().enumerate() {
            walk.value_under(&format!("[{i}]"), item, &Ty::Map(&schema::ENTRY), item.span);
        }
    }
    let model = model::lower(&doc.root);
    rules::run(
        &rules::Cx {
            text,
            root: &doc.root,
            model: &model,
            facts: &walk.facts,
        },
        out,
    );
    model
}
