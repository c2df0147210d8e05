//! The deployment panel: the core's simulated deployment of the file's deployment group (with
//! the configuration it names: predefined, or one of its template's) or of the file's
//! configuration (through a default group), for the file's scenario. No CodeDeploy logic here.

use cicd_core::Model;
use cicd_core::appspec::Platform;
use cicd_core::deployment::{Config, Group, Scenario, simulate};
use cicd_core::deployment_group::ConfigChoice;

use crate::protocol::{DeploymentView, Panel};

/// The panel of a deployment group or configuration file (nothing when the file holds none),
/// run with the predefined configuration `chosen` instead of the file's own when one is given.
pub(crate) fn panel(
    model: &Model,
    scenario: &Scenario,
    compare: Option<&str>,
    chosen: Option<&str>,
) -> Panel {
    let (config, group, source) = match model {
        Model::DeploymentGroup(groups) => {
            let Some(item) = groups.items.first() else {
                return Panel::None;
            };
            let group = item.settings();
            // The template's own configuration (`!Ref`), else a predefined one by name, else the
            // platform's default (also when the group's own configuration cannot be resolved).
            let config = groups
                .config_choice(item, None)
                .map(ConfigChoice::into_config)
                .unwrap_or_else(|_| Config::default_for(group.platform.unwrap_or(Platform::Ec2)));
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
    let own_config = config.name.clone();
    let chosen = chosen.and_then(|name| Config::predefined(name).map(|c| (name, c)));
    let (config, source) = match &chosen {
        Some((_, c)) => (c.clone(), "a configuration chosen here"),
        None => (config, source),
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
    let choices = cicd_core::deployment::PREDEFINED
        .iter()
        .map(|p| (p.name.to_string(), p.platform.title().to_string()))
        .collect();
    Panel::Deployment(Box::new(DeploymentView {
        report,
        source: source.to_string(),
        compare,
        alternatives,
        own_config,
        chosen: chosen.map(|(name, _)| name.to_string()),
        choices,
    }))
}
