//! The deployment panel: the core's simulated deployment of the file's deployment group (with
//! the configuration it names: predefined, its template's, or a custom one another tab of the
//! workspace defines), of the file's configuration (through the workspace's group that names it,
//! else a default group), or of an AppSpec
//! (through the workspace's deployment group of its platform, or a default group), for the
//! file's scenario. Which configuration, group and AppSpec go together is the core's choice
//! ([`cicd_core::related::deployment`]); no CodeDeploy logic here.

use cicd_core::appspec::{AppSpec, Platform};
use cicd_core::deployment::simulate::failable_hooks;
use cicd_core::deployment::{Config, Group, simulate};
use cicd_core::related::WorkspaceFile;
use cicd_core::related::deployment::{
    ConfigSource, GroupConfig, appspec_for, config_files, config_in_file, group_config,
    group_files, group_for, group_naming,
};
use cicd_core::{Analysis, Model};

use crate::Entry;
use crate::protocol::{ConfigTab, DeploymentView, Panel, PanelInputs};

/// The file of a report (index 0) and the related files its request named, as the core reads a
/// workspace.
fn workspace<'a>(entry: &'a Entry, analysis: &'a Analysis) -> Vec<WorkspaceFile<'a>> {
    std::iter::once(WorkspaceFile {
        name: &entry.file.name,
        analysis,
    })
    .chain(entry.related.iter().filter_map(|(_, a)| {
        Some(WorkspaceFile {
            name: &a.name,
            analysis: a.analysis.as_ref()?,
        })
    }))
    .collect()
}

/// What a deployment runs with before the panel's own choices.
struct Base {
    config: Config,
    group: Group,
    source: String,
    /// The name of the configuration the file gives (the group's, even when it is not found).
    own_config: String,
    note: Option<String>,
}

/// The panel of a deployment group or configuration file (nothing when the file holds none).
pub(crate) fn panel(entry: &Entry, analysis: &Analysis, inputs: &PanelInputs) -> Panel {
    let files = workspace(entry, analysis);
    let base = match &analysis.model {
        Model::DeploymentGroup(groups) => {
            let Some(item) = groups.items.first() else {
                return Panel::None;
            };
            let group = item.settings();
            let named = group.config_name.clone();
            let resolved = group_config(&files, groups, item, None);
            let mut base = from_group(&files, resolved, group, "the group's configuration");
            if let Some(name) = named {
                base.own_config = name;
            }
            base
        }
        Model::DeploymentConfig(configs) => {
            let Some(config) = configs.items.first().and_then(|c| c.resolve().ok()) else {
                return Panel::None;
            };
            // Through the workspace's group that names it, else a default group.
            let (group, source) = match group_naming(&files, &config.name, 0) {
                Some((i, g)) => (
                    g.settings(),
                    format!(
                        "this configuration, through `{}`, which names it",
                        files.get(i).map_or("", |f| f.name)
                    ),
                ),
                None => (
                    Group::default(),
                    "this configuration, through a default group".to_string(),
                ),
            };
            Base {
                own_config: config.name.clone(),
                config,
                group,
                source,
                note: None,
            }
        }
        _ => return Panel::None,
    };
    let view = run(&files, base, None, inputs);
    Panel::Deployment(Box::new(view))
}

/// The deployment panel beside an AppSpec: through the workspace's deployment group of its
/// platform (the one chosen in the file's settings when there are several), or a default group
/// of its platform; with the AppSpec's lifecycle and hooks.
pub(crate) fn appspec_view(
    entry: &Entry,
    analysis: &Analysis,
    spec: &AppSpec,
    inputs: &PanelInputs,
) -> Option<Box<DeploymentView>> {
    if !analysis.readable() {
        return None;
    }
    let files = workspace(entry, analysis);
    let platform = spec.platform;
    let candidates: Vec<usize> = group_files(&files)
        .into_iter()
        .filter(|i| *i != 0)
        .collect();
    let chosen = group_for(&files, &candidates, platform, inputs.group.as_deref());
    let mut base = match chosen.and_then(|i| {
        let f = files.get(i)?;
        match &f.analysis.model {
            Model::DeploymentGroup(groups) => Some((f.name, groups, groups.items.first()?)),
            _ => None,
        }
    }) {
        Some((name, groups, item)) => {
            let group = item.settings();
            let named = group.config_name.clone();
            let resolved = group_config(&files, groups, item, Some(platform));
            let mut base = from_group(
                &files,
                resolved,
                group,
                &format!("`{name}`'s configuration"),
            );
            if let Some(named) = named {
                base.own_config = named;
            }
            base
        }
        None => {
            let config = Config::default_for(platform);
            Base {
                own_config: config.name.clone(),
                config,
                group: Group::default(),
                source: format!(
                    "the {} default, through a default group (no deployment group tab of this platform)",
                    platform.title()
                ),
                note: None,
            }
        }
    };
    if let Some(name) = inputs.group.as_deref()
        && chosen
            .and_then(|i| files.get(i))
            .is_none_or(|f| f.name != name)
    {
        let note = format!(
            "the deployment group tab `{name}` chosen here is not in the workspace (renamed or closed): ran {}",
            match chosen.and_then(|i| files.get(i)) {
                Some(f) => format!("through `{}`", f.name),
                None => "through a default group".to_string(),
            }
        );
        base.note = Some(base.note.map_or(note.clone(), |n| format!("{n}; {note}")));
    }
    let mut view = run(&files, base, Some((spec, "this AppSpec")), inputs);
    view.groups = candidates
        .iter()
        .filter_map(|i| files.get(*i))
        .map(|f| f.name.to_string())
        .collect();
    view.group_tab = chosen
        .and_then(|i| files.get(i))
        .map(|f| f.name.to_string());
    Some(Box::new(view))
}

/// The base of a group's deployment from the core's choice of its configuration.
fn from_group(
    files: &[WorkspaceFile<'_>],
    resolved: Result<GroupConfig, String>,
    group: Group,
    own: &str,
) -> Base {
    let platform = group.platform.unwrap_or(Platform::Ec2);
    let resolved = match resolved {
        Ok(r) => r,
        Err(why) => {
            let config = Config::default_for(platform);
            return Base {
                own_config: config.name.clone(),
                note: Some(format!(
                    "the template's own configuration cannot be simulated ({why}): ran `{}`, the {} default, instead",
                    config.name,
                    platform.title()
                )),
                config,
                group,
                source: "a stand-in for the group's configuration".to_string(),
            };
        }
    };
    let name = |i: usize| files.get(i).map_or(String::new(), |f| f.name.to_string());
    let note = resolved.why_stand_in(name);
    let source = match &resolved.source {
        ConfigSource::Predefined | ConfigSource::Template => own.to_string(),
        ConfigSource::Workspace { file } => format!("{own}, defined in `{}`", name(*file)),
        ConfigSource::Default => format!(
            "the {} default (the group names no configuration)",
            resolved.config.platform.title()
        ),
        ConfigSource::Missing { .. } | ConfigSource::Unresolved { .. } => {
            format!("a stand-in for {own}")
        }
    };
    Base {
        own_config: resolved.config.name.clone(),
        config: resolved.config,
        group,
        source,
        note,
    }
}

/// Runs the deployment with the configuration chosen in the panel (a tab of the workspace, or a
/// predefined one) or the base's, and the AppSpec given or the workspace's of the platform.
fn run(
    files: &[WorkspaceFile<'_>],
    base: Base,
    own_appspec: Option<(&AppSpec, &str)>,
    inputs: &PanelInputs,
) -> DeploymentView {
    let Base {
        config,
        group,
        source,
        own_config,
        mut note,
    } = base;
    let mut add_note = |n: String| {
        note = Some(match note.take() {
            Some(old) => format!("{old}; {n}"),
            None => n,
        });
    };
    // A configuration tab chosen here, by its file name.
    let mut chosen_tab = None;
    let tab = inputs.config_tab.as_deref().and_then(|name| {
        match config_in_file(files, name).filter(|c| c.file != 0) {
            Some(c) => match c.resolve() {
                Ok(config) => {
                    chosen_tab = Some(name.to_string());
                    Some(config)
                }
                Err(why) => {
                    add_note(format!(
                        "the configuration tab `{name}` chosen here cannot be simulated ({why}): ran the file's own"
                    ));
                    None
                }
            },
            None => {
                add_note(format!(
                    "the configuration tab `{name}` chosen here is not in the workspace (renamed or closed): ran the file's own"
                ));
                None
            }
        }
    });
    let predefined = inputs
        .config
        .as_deref()
        .filter(|_| tab.is_none())
        .and_then(|name| Config::predefined(name).map(|c| (name, c)));
    let (config, source) = match (tab, &predefined) {
        (Some(c), _) => {
            let s = format!(
                "the configuration of `{}`, chosen here",
                chosen_tab.as_deref().unwrap_or_default()
            );
            (c, s)
        }
        (None, Some((_, c))) => (c.clone(), "a configuration chosen here".to_string()),
        (None, None) => (config, source),
    };
    let scenario = &inputs.deployment;
    let platform = scenario.platform.unwrap_or(config.platform);
    // The AppSpec: the file itself, else the workspace's of the deployment's platform.
    let (appspec, appspec_name) = match own_appspec {
        Some((spec, _)) => (Some(spec), None),
        None => match appspec_for(files, platform) {
            Some((i, spec)) => (Some(spec), files.get(i).map(|f| f.name.to_string())),
            None => (None, None),
        },
    };
    let report = simulate(&config, &group, appspec, scenario);
    let platform = report.platform;
    let compare = inputs
        .compare
        .as_deref()
        .and_then(Config::predefined)
        .map(|other| simulate(&other, &group, appspec, scenario));
    let alternatives = cicd_core::deployment::PREDEFINED
        .iter()
        .filter(|p| p.platform == platform)
        .map(|p| p.name.to_string())
        .collect();
    let tabs = config_files(files)
        .into_iter()
        .filter(|i| *i != 0)
        .filter_map(|i| {
            let f = files.get(i)?;
            let Model::DeploymentConfig(c) = &f.analysis.model else {
                return None;
            };
            let first = c.items.first()?;
            Some(ConfigTab {
                name: f.name.to_string(),
                config: first
                    .name
                    .as_ref()
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_string(),
                platform: first
                    .platform()
                    .map(|p| p.title().to_string())
                    .unwrap_or_default(),
            })
        })
        .collect();
    let hooks = failable_hooks(&report, appspec);
    DeploymentView {
        hooks,
        report,
        source,
        compare,
        alternatives,
        own_config,
        chosen: predefined
            .filter(|_| chosen_tab.is_none())
            .map(|(name, _)| name.to_string()),
        note,
        tabs,
        chosen_tab,
        groups: Vec::new(),
        group_tab: None,
        appspec: appspec_name,
    }
}
