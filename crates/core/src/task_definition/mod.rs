//! Amazon ECS task definitions (`ECS…` rules): the `taskdef.json` a CodeDeployToECS action
//! registers, the `.aws/task-definition.json` the GitHub ECS actions render and deploy, the input
//! of `aws ecs register-task-definition --cli-input-json`, or the output of
//! `describe-task-definition` (`{"taskDefinition": …}`).
//!
//! The kind is small on purpose: its model holds what the other files of a deployment refer to
//! (the family, each container's name, image and container ports, with their spans), read by
//! the relations of [`crate::related`] (an ECS AppSpec's `LoadBalancerInfo`, a pipeline's
//! deploy action), and its rules report only what `RegisterTaskDefinition` surely refuses.
//! Placeholders the deploy actions fill in (`<IMAGE1_NAME>`, `__IMAGE__`, an empty image) are
//! never judged.

pub mod model;
pub(crate) mod rules;
pub(crate) mod schema;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_NAME, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::schema::Checker;
use crate::source::{Document, Node};

pub use model::{Container, PortMapping, TaskDefinition};

/// The task definition's model.
pub type Model = TaskDefinition;

/// The kind: an Amazon ECS task definition.
pub static INFO: KindInfo = KindInfo {
    id: "task-definition",
    title: "ECS task definition",
    code_prefix: "ECS",
    formats: Formats::Json,
    file_name,
    checked: true,
};

/// `taskdef*.json` and `task-definition*.json` by name; `task-def*.json` or a name holding
/// `taskdef` / `task-definition` / `task_definition` by word.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    if !name.is_json() {
        return None;
    }
    let stem = name.stem;
    if stem.starts_with("taskdef") || stem.starts_with("task-definition") {
        Some(BY_NAME)
    } else {
        (stem.contains("taskdef")
            || stem.contains("task-def")
            || stem.contains("task_def")
            || stem.contains("task-definition")
            || stem.contains("taskdefinition"))
        .then_some(BY_WORD)
    }
}

/// `containerDefinitions` at the top (or inside `taskDefinition`, as `describe-task-definition`
/// prints it) says task definition.
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let body = root.get("taskDefinition").unwrap_or(root);
    body.get("containerDefinitions").map(|_| BY_KEY)
}

/// Lowers the task definition once, walks its keys and runs the `ECS` rules.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> TaskDefinition {
    let root = &doc.root;
    let model = model::lower(root);
    let mut walk = Checker::new(&schema::RULES, text);
    if model.described {
        walk.check_root(root, &schema::DESCRIBED);
    } else if model.readable {
        walk.check_root(root, &schema::ROOT);
    } else if model::container_list(root) {
        walk.value(root, &schema::CONTAINER_LIST, root.span);
    }
    rules::run(
        &rules::Cx {
            text,
            root,
            model: &model,
            facts: &walk.facts,
        },
        out,
    );
    model
}
