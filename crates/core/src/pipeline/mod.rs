//! CodePipeline declarations: structural rules (`CP…`) and a deterministic run simulator.
//!
//! Three input forms share one model ([`model::PipelineFile`]): the declaration `aws
//! codepipeline get-pipeline` prints (camelCase, with or without the outer `{"pipeline": …}`,
//! JSON or YAML), and `AWS::CodePipeline::Pipeline` resources in CloudFormation templates (JSON
//! or YAML, PascalCase). `analyze` lowers the document once (`lower.rs`: values a template
//! computes stay opaque, so intrinsics never cause a false error) and runs the rules over the
//! model; [`simulate()`] plays executions of one pipeline over the same model, and
//! [`report`] holds what front ends show of a run (the diagram's view and the timeline).
//!
//! - [`model`]: the typed, spanned model.
//! - [`providers`]: what the checker knows of action types (reference A4, A5, A7).
//! - [`simulate`](mod@simulate): the execution model of reference A9 and its scenario.
//! - [`report`]: the run's report (`cicd simulate pipeline --format json`, the playground).

pub(crate) mod lower;
pub mod model;
pub mod providers;
pub mod report;
pub(crate) mod rules;
pub mod simulate;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::source::{Document, Node};

pub use model::{
    Action, ArtifactRef, ExecutionMode, Form, Pipeline, PipelineFile, Stage, Text, TextValue,
};
pub use report::PipelineReport;
pub use simulate::{Scenario, simulate};

/// The pipeline file's model.
pub type Model = PipelineFile;

/// The kind: a CodePipeline declaration or a template holding one.
pub static INFO: KindInfo = KindInfo {
    id: "pipeline",
    title: "CodePipeline definition",
    code_prefix: "CP",
    formats: Formats::YamlOrJson,
    file_name,
    checked: true,
};

/// `*pipeline*.json|yml|yaml`, except other CI systems' pipeline files (`azure-pipelines.yml`,
/// `bitbucket-pipelines.yml`, `.buildkite/pipeline.yml`, `.gitlab-ci.yml` never matches).
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    if !(name.is_json() || name.is_yaml()) || !name.stem.contains("pipeline") {
        return None;
    }
    let other_ci = name.stem.starts_with("azure-pipelines")
        || name.stem.starts_with("bitbucket-pipelines")
        || name.path.contains(".buildkite/")
        || name.path.contains(".azure-pipelines/")
        || name.path.contains(".tekton/");
    (!other_ci).then_some(BY_WORD)
}

/// `pipeline`; `stages` in JSON; a `stages` list whose first stage has `actions`; or a template
/// resource of type `AWS::CodePipeline::Pipeline`.
pub(crate) fn detect(root: &Node, json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    if has("pipeline") || (json && (has("stages") || has("Stages"))) {
        return Some(BY_KEY);
    }
    let stage_list = ["stages", "Stages"].iter().any(|k| {
        root.get(k)
            .and_then(|s| s.items().first())
            .is_some_and(|s| s.get("actions").is_some() || s.get("Actions").is_some())
    });
    let resource = root.get("Resources").is_some_and(|r| {
        r.entries().iter().any(|p| {
            p.value.get("Type").and_then(Node::as_str) == Some("AWS::CodePipeline::Pipeline")
        })
    });
    (stage_list || resource).then_some(BY_KEY)
}

/// Lowers the document once into its model and runs the `CP` rules over it.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> PipelineFile {
    let (file, facts) = lower::lower(&doc.root, text);
    rules::run(
        &rules::Cx {
            text,
            file: &file,
            facts: &facts,
        },
        out,
    );
    file
}
