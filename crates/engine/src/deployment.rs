//! The deployment panel: the core's simulated deployment of the file's deployment group (with
//! the configuration it names: predefined, or one of its template's) or of the file's
//! configuration (through a default group), for the file's scenario. No CodeDeploy logic here.

use cicd_core::Model;
use cicd_core::appspec::Platform;
use cicd_core::deployment::{Config, Group, Scenario, simulate};

use crate::protocol::{DeploymentView, Panel};

/// The panel of a deployment group or configuration file (nothing when the file holds none).
pub(crate) fn panel(model: &Model, scenario: &Scenario, compare: Option<&str>) -> Panel {
    let (config, group, source) = match model {
        Model::DeploymentGroup(groups) => {
            let Some(item) = groups.items.first() else {
                return Panel::None;
            };
            let group = item.settings();
            let platform = group.platform.unwrap_or(Platform::Ec2);
            let named = group.config_name.clone();
            // The template's own configuration (`!Ref`), else a predefined one by name.
            let own = groups.own_config(item).and_then(Result::ok);
            let config = own
                .or_else(|| named.as_deref().and_then(Config::predefined))
                .unwrap_or_else(|| Config::default_for(platform));
            (config, group, "the group's configuration")
        }
        Model::DeploymentConfig(configs) => {
            let Some(config) = configs.items.first().and_then(|c| c.resolve().ok()) else {
                return Panel::None;
            };
            (
                config,
                Group::default(),
                "this configuration, through a default group",
            )
        }
        _ => return Panel::None,
    };
    let report = simulate(&config, &group, None, scenario);
    let platform = report.platform;
    let compare = compare
        .and_then(Config::predefined)
        .map(|other| simulate(&other, &group, None, scenario));
    let alternatives = cicd_core::deployment::PREDEFINED
        .iter()
        .filter(|p| p.platform == platform)
        .map(|p| p.name.to_string())
        .collect();
    Panel::Deployment(Box::new(DeploymentView {
        report,
        source: source.to_string(),
        compare,
        alternatives,
    }))
}
