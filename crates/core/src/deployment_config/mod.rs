//! CodeDeploy deployment configurations (`DEP0…` rules): the input of `CreateDeploymentConfig`
//! (`aws deploy create-deployment-config --cli-input-json`), the output of
//! `get-deployment-config` (`deploymentConfigInfo`), and `AWS::CodeDeploy::DeploymentConfig`
//! resources of a CloudFormation template (JSON or YAML).
//!
//! `analyze` lowers the document once into [`DeploymentConfigs`] (one [`DeploymentConfig`] per
//! configuration, every part spanned) and runs the rules; the simulator takes a configuration
//! through [`DeploymentConfig::resolve`]. How each dialect is read (the API's exact types,
//! CloudFormation's strings for numbers and its opaque intrinsic functions) is described in
//! [`crate::deployment::read`].
//!
//! A template that also holds deployment groups is a `deployment-group` file: that kind checks
//! its configurations with these rules too.

pub mod model;
pub(crate) mod rules;

use crate::deployment::read::ReadFacts;
use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::source::{Document, Node};

pub use model::{DeploymentConfig, DeploymentConfigs};

/// The deployment configuration's model.
pub type Model = DeploymentConfigs;

/// The kind: a CodeDeploy deployment configuration.
pub static INFO: KindInfo = KindInfo {
    id: "deployment-config",
    title: "CodeDeploy deployment configuration",
    code_prefix: "DEP",
    formats: Formats::YamlOrJson,
    file_name,
    checked: true,
};

/// `*deployment-config*.json|yml|yaml` (also with `_` or no separator).
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    let stem = name.stem;
    ((name.is_json() || name.is_yaml())
        && (stem.contains("deployment-config")
            || stem.contains("deployment_config")
            || stem.contains("deploymentconfig")))
    .then_some(BY_WORD)
}

/// `deploymentConfigInfo`, an `AWS::CodeDeploy::DeploymentConfig` resource, or a key only a
/// configuration has (`minimumHealthyHosts`, `trafficRoutingConfig`, `zonalConfig`, in either
/// spelling).
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    if has("deploymentConfigInfo")
        || crate::deployment::read::holds_resource(root, model::DOCUMENT.resource_type)
    {
        return Some(BY_KEY);
    }
    let keys = [
        "minimumHealthyHosts",
        "trafficRoutingConfig",
        "zonalConfig",
        "MinimumHealthyHosts",
        "TrafficRoutingConfig",
        "ZonalConfig",
    ];
    keys.iter().any(|k| has(k)).then_some(BY_KEY)
}

/// Lowers the document's deployment configurations once and runs the `DEP0…` rules.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> DeploymentConfigs {
    let mut facts = ReadFacts::default();
    let model = model::lower(&doc.root, &mut facts);
    rules::run(
        &rules::Cx {
            text,
            model: &model,
            facts: &facts,
        },
        out,
    );
    model
}
