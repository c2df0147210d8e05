//! CodeDeploy deployment groups (`DEP1…` rules): the input of `CreateDeploymentGroup` and
//! `UpdateDeploymentGroup` (`--cli-input-json`), the output of `get-deployment-group`
//! (`deploymentGroupInfo`) and `batch-get-deployment-groups` (`deploymentGroupsInfo`), partial
//! documents such as the guide's rollback settings, and `AWS::CodeDeploy::DeploymentGroup`
//! resources of a CloudFormation template (JSON or YAML).
//!
//! `analyze` lowers the document once into [`DeploymentGroups`] (one [`DeploymentGroup`] per
//! group, every part spanned, plus the template's deployment configurations) and runs the rules;
//! the simulator reads a group through [`DeploymentGroup::settings`]. A template's
//! `AWS::CodeDeploy::DeploymentConfig` resources are checked here with the `DEP0…` rules, so a
//! template is checked whole.
//!
//! Required keys (`applicationName`, `deploymentGroupName`, `serviceRoleArn`) are not required
//! here: partial documents are a documented way to keep a group's settings.

pub mod model;
pub(crate) mod rules;

use crate::deployment::read::ReadFacts;
use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::source::{Document, Node};

pub use model::{ConfigChoice, DeploymentGroup, DeploymentGroups};

/// The deployment group's model.
pub type Model = DeploymentGroups;

/// The kind: a CodeDeploy deployment group.
pub static INFO: KindInfo = KindInfo {
    id: "deployment-group",
    title: "CodeDeploy deployment group",
    code_prefix: "DEP",
    formats: Formats::YamlOrJson,
    file_name,
    checked: true,
};

/// `*deployment-group*.json|yml|yaml` (also with `_` or no separator).
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    let stem = name.stem;
    ((name.is_json() || name.is_yaml())
        && (stem.contains("deployment-group")
            || stem.contains("deployment_group")
            || stem.contains("deploymentgroup")))
    .then_some(BY_WORD)
}

/// Keys only a deployment group has, in either spelling.
const GROUP_KEYS: &[&str] = &[
    "deploymentGroupName",
    "autoRollbackConfiguration",
    "alarmConfiguration",
    "blueGreenDeploymentConfiguration",
    "deploymentStyle",
    "ecsServices",
    "ec2TagFilters",
    "ec2TagSet",
    "onPremisesInstanceTagFilters",
    "triggerConfigurations",
    "DeploymentGroupName",
    "AutoRollbackConfiguration",
    "AlarmConfiguration",
    "BlueGreenDeploymentConfiguration",
    "DeploymentStyle",
    "ECSServices",
    "Ec2TagFilters",
    "Ec2TagSet",
    "OnPremisesInstanceTagFilters",
    "TriggerConfigurations",
];

/// `deploymentGroupInfo`, `deploymentGroupsInfo`, an `AWS::CodeDeploy::DeploymentGroup`
/// resource, or a key only a group has. A template holding both groups and configurations is a
/// group file (the kind table lists this kind first).
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    (has("deploymentGroupInfo")
        || has("deploymentGroupsInfo")
        || crate::deployment::read::holds_resource(root, model::DOCUMENT.resource_type)
        || GROUP_KEYS.iter().any(|k| has(k)))
    .then_some(BY_KEY)
}

/// Lowers the document's deployment groups (and its template's configurations) once and runs
/// the `DEP1…` rules, and the `DEP0…` rules over the configurations.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> DeploymentGroups {
    let mut facts = ReadFacts::default();
    let mut config_facts = ReadFacts::default();
    let model = model::lower(&doc.root, &mut facts, &mut config_facts);
    rules::run(
        &rules::Cx {
            text,
            model: &model,
            facts: &facts,
        },
        out,
    );
    if !model.configs.items.is_empty() {
        crate::deployment_config::rules::run(
            &crate::deployment_config::rules::Cx {
                text,
                model: &model.configs,
                facts: &config_facts,
            },
            out,
        );
    }
    model
}
