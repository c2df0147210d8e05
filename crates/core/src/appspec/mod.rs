//! CodeDeploy AppSpec (EC2/on-premises, ECS, Lambda): schema, rules (`AS…`) and the
//! lifecycle-event timeline.
//!
//! The platform is told from the content ([`model::detect`]): `os` means EC2/on-premises,
//! `Resources` with `AWS::ECS::Service` or `AWS::Lambda::Function` means ECS or Lambda. When
//! nothing tells, rule AS014 says so once and only the keys are checked.
//!
//! `analyze` lowers the document once into an [`AppSpec`], which the rules and the lifecycle
//! simulator ([`timeline`]) share: front ends get it from `cicd_core::analyze` as
//! [`crate::Model::Appspec`].
//!
//! How scalars are read:
//! - EC2/on-premises AppSpecs are read by the CodeDeploy agent, a Ruby program using a YAML 1.1
//!   reader (`ruby.rs`): `version` must be the number 0.0 (`"0.0"` is a string and fails), an
//!   unquoted `mode: 0644` is the octal number 420, `timeout` goes through Ruby's `to_i`
//!   (`"300s"` is 300), and keys are case-sensitive.
//! - ECS and Lambda AppSpecs are read by the CodeDeploy service (YAML or JSON); keys are matched
//!   ignoring case (the documentation spells them both ways), `ContainerPort` is a number and
//!   every other property a string.

pub mod events;
pub mod lifecycle;
pub mod model;
pub mod report;
mod ruby;
pub(crate) mod rules;
pub(crate) mod schema;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_NAME, BY_VALUE, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::schema::Checker;
use crate::source::{Document, Node};

/// The AppSpec's model.
pub type Model = AppSpec;

/// The kind: CodeDeploy `appspec.yml` / `appspec.json`.
pub static INFO: KindInfo = KindInfo {
    id: "appspec",
    title: "CodeDeploy AppSpec",
    code_prefix: "AS",
    formats: Formats::YamlOrJson,
    file_name,
    checked: true,
};

/// `appspec*.yml|yaml|json`.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    if !(name.is_yaml() || name.is_json()) {
        None
    } else if name.stem.starts_with("appspec") {
        Some(BY_NAME)
    } else {
        // `service-appspec.yml`.
        name.stem.contains("appspec").then_some(BY_WORD)
    }
}

/// `os`, `hooks`, a `Resources` list (a CloudFormation template's is a mapping), or `Resources`
/// with a `version`, say AppSpec; so does `version: 0.0`.
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    let version = root.get("version").and_then(Node::as_str);
    let resources_list = root.get("Resources").is_some_and(|r| r.seq().is_some());
    if has("os")
        || has("hooks")
        || has("Hooks")
        || resources_list
        || has("Resources") && version.is_some()
    {
        return Some(BY_KEY);
    }
    (version == Some("0.0")).then_some(BY_VALUE)
}

/// Lowers a parsed AppSpec into its model and runs the `AS` rules over it.
///
/// The model is lowered once (platform, hooks, targets); the schema walk then runs over the
/// platform's keys, over the keys of every platform when the platform cannot be told (so that
/// typos still get suggestions), and not at all over a CloudFormation or SAM template.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> AppSpec {
    let root = &doc.root;
    let model = model::lower(root);
    let mut walk = Checker::new(&schema::RULES, text);
    let schema = match model.detection {
        Detection::Known(Platform::Ec2) => Some(&schema::EC2_ROOT),
        Detection::Known(Platform::Ecs) => Some(&schema::ECS_ROOT),
        Detection::Known(Platform::Lambda) => Some(&schema::LAMBDA_ROOT),
        Detection::Unknown => Some(&schema::ANY_ROOT),
        Detection::Template => None,
    };
    if let Some(schema) = schema {
        walk.check_root(root, schema);
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

pub use lifecycle::{
    Deployment, Failure, Fleet, RevisionSource, Scenario, ScriptRef, Status, Step, StepKind,
    Timeline, timeline,
};
pub use model::{
    AppSpec, Detection, EcsTarget, Hook, HookAction, LambdaTarget, Platform, Property, Resource,
    Script, Timeout,
};

/// Whether the AppSpec validator is complete enough to be offered (CLI and playground).
pub const SUPPORTED: bool = true;
