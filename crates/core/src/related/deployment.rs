//! Deployment files that relate: a deployment group, the custom deployment configurations the
//! workspace defines (in `deployment-config` files, or in a template's
//! `AWS::CodeDeploy::DeploymentConfig` resources) and the AppSpec a deployment runs.
//!
//! CodeDeploy finds a custom configuration by its name (`deploymentConfigName`, matched exactly)
//! among the account's configurations; a workspace stands in for the account: a group that names
//! a custom configuration runs with the workspace's configuration of that name (the first one in
//! tab order when several files define it). A configuration whose definition is found nowhere
//! still exists for CodeDeploy (it reads the account), so the platform's default stands in, and
//! [`ConfigSource::Missing`] says so. Front ends (the playground's engine, the CLI) choose with
//! these functions, so that they never hold a second copy of the choice.

use crate::Model;
use crate::appspec::{AppSpec, Platform};
use crate::deployment::Config;
use crate::deployment::config::{PREDEFINED_PREFIX, suggest_predefined};
use crate::deployment_config::model::DeploymentConfig;
use crate::deployment_group::{ConfigChoice, DeploymentGroup, DeploymentGroups};

use super::WorkspaceFile;

/// A custom configuration a file of the workspace defines.
#[derive(Clone, Copy, Debug)]
pub struct CustomConfig<'a> {
    /// The file (an index into the workspace's files).
    pub file: usize,
    /// Its definition.
    pub config: &'a DeploymentConfig,
}

impl CustomConfig<'_> {
    /// Its name as written (empty when it has none or it is not a plain string).
    pub fn name(&self) -> &str {
        self.config
            .name
            .as_ref()
            .and_then(|f| f.text())
            .unwrap_or("")
    }

    /// The configuration as the simulator runs it, or why it cannot be resolved.
    pub fn resolve(&self) -> Result<Config, String> {
        self.config.resolve()
    }
}

/// Every configuration the workspace's files define, in file order: each `deployment-config`
/// file's, then each deployment-group template's own `AWS::CodeDeploy::DeploymentConfig`
/// resources, in the order of the files.
pub fn custom_configs<'a>(files: &'a [WorkspaceFile<'_>]) -> Vec<CustomConfig<'a>> {
    files
        .iter()
        .enumerate()
        .flat_map(|(file, f)| {
            let items: &'a [DeploymentConfig] = match &f.analysis.model {
                Model::DeploymentConfig(c) => &c.items,
                Model::DeploymentGroup(g) => &g.configs.items,
                _ => &[],
            };
            items
                .iter()
                .map(move |config| CustomConfig { file, config })
        })
        .collect()
}

/// The workspace's configuration named `name` (exactly, as CodeDeploy matches names): the first
/// one in file order.
pub fn find_config<'a>(files: &'a [WorkspaceFile<'_>], name: &str) -> Option<CustomConfig<'a>> {
    if name.is_empty() {
        return None;
    }
    custom_configs(files).into_iter().find(|c| c.name() == name)
}

/// The `deployment-config` files of the workspace that define a configuration (their indices):
/// what a deployment can be run with instead of its own configuration.
pub fn config_files(files: &[WorkspaceFile<'_>]) -> Vec<usize> {
    files
        .iter()
        .enumerate()
        .filter(
            |(_, f)| matches!(&f.analysis.model, Model::DeploymentConfig(c) if !c.items.is_empty()),
        )
        .map(|(i, _)| i)
        .collect()
}

/// The first configuration of the `deployment-config` file named `name` (a tab chosen by its
/// name), with the file's index.
pub fn config_in_file<'a>(files: &'a [WorkspaceFile<'_>], name: &str) -> Option<CustomConfig<'a>> {
    let file = files
        .iter()
        .position(|f| f.name == name && matches!(f.analysis.model, Model::DeploymentConfig(_)))?;
    match &files.get(file)?.analysis.model {
        Model::DeploymentConfig(c) => c.items.first().map(|config| CustomConfig { file, config }),
        _ => None,
    }
}

/// Where the configuration a group's deployment runs with comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigSource {
    /// A predefined configuration the group names.
    Predefined,
    /// A configuration of the group's own template (`!Ref`).
    Template,
    /// A custom configuration the group names, defined in file `file` of the workspace.
    Workspace {
        /// The file (an index into the workspace's files).
        file: usize,
    },
    /// The group names no configuration: the platform's default.
    Default,
    /// The group names a custom configuration the workspace does not define: the platform's
    /// default stands in for it.
    Missing {
        /// The name the group gives.
        name: String,
    },
    /// The group names a custom configuration that file `file` defines but that cannot be
    /// simulated (a setting is missing, invalid or an intrinsic function): the platform's
    /// default stands in for it.
    Unresolved {
        /// The name the group gives.
        name: String,
        /// The file.
        file: usize,
        /// Why it cannot be resolved.
        why: String,
    },
}

/// The configuration a group's deployment runs with, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupConfig {
    /// The configuration to simulate.
    pub config: Config,
    /// Where it comes from.
    pub source: ConfigSource,
}

impl GroupConfig {
    /// Whether the configuration is not the one the group names (a stand-in).
    pub fn stands_in(&self) -> bool {
        matches!(
            self.source,
            ConfigSource::Missing { .. } | ConfigSource::Unresolved { .. }
        )
    }

    /// Why a stand-in runs instead of the configuration the group names, for people (`None`
    /// when the group's configuration runs); `file_name` names a workspace file.
    pub fn why_stand_in(&self, file_name: impl Fn(usize) -> String) -> Option<String> {
        match &self.source {
            // A name with the predefined prefix is a misspelt predefined configuration: no
            // custom configuration may carry the prefix (DEP010, DEP110).
            ConfigSource::Missing { name } if has_predefined_prefix(name) => Some(format!(
                "the group names `{name}`, which is no predefined configuration{} (and no custom one may start with `{PREDEFINED_PREFIX}`): ran `{}`, the {} default, instead",
                suggest_predefined(name)
                    .map_or(String::new(), |p| format!(" (did you mean `{}`?)", p.name)),
                self.config.name,
                self.config.platform.title()
            )),
            ConfigSource::Missing { name } => Some(format!(
                "the group names the custom configuration `{name}`, which no file of the workspace defines (CodeDeploy reads it from the account): ran `{}`, the {} default, instead; add its `deployment-config` file to run it",
                self.config.name,
                self.config.platform.title()
            )),
            ConfigSource::Unresolved { name, file, why } => Some(format!(
                "`{}` defines the custom configuration `{name}`, but it cannot be simulated ({why}): ran `{}`, the {} default, instead",
                file_name(*file),
                self.config.name,
                self.config.platform.title()
            )),
            _ => None,
        }
    }
}

/// Whether `name` starts with `CodeDeployDefault.` (in any case, as CodeDeploy compares it).
fn has_predefined_prefix(name: &str) -> bool {
    name.get(..PREDEFINED_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(PREDEFINED_PREFIX))
}

/// The configuration `group` (of file `groups`) runs with in this workspace: its template's own
/// (`!Ref`), else the predefined one it names, else the workspace's custom configuration of the
/// name it gives ([`find_config`]), else the default of `platform` (or of the group's platform).
/// `Err` when the group's own template configuration cannot be resolved, with why.
pub fn group_config(
    files: &[WorkspaceFile<'_>],
    groups: &DeploymentGroups,
    group: &DeploymentGroup,
    platform: Option<Platform>,
) -> Result<GroupConfig, String> {
    let template = group.config_ref.is_some() && groups.own_config(group).is_some();
    Ok(match groups.config_choice(group, platform)? {
        ConfigChoice::Named(config) => GroupConfig {
            source: if template {
                ConfigSource::Template
            } else {
                ConfigSource::Predefined
            },
            config,
        },
        ConfigChoice::Default(config) => GroupConfig {
            config,
            source: ConfigSource::Default,
        },
        ConfigChoice::Custom { name, stand_in } => match find_config(files, &name) {
            Some(found) => match found.resolve() {
                Ok(config) => GroupConfig {
                    config,
                    source: ConfigSource::Workspace { file: found.file },
                },
                Err(why) => GroupConfig {
                    config: stand_in,
                    source: ConfigSource::Unresolved {
                        name,
                        file: found.file,
                        why,
                    },
                },
            },
            None => GroupConfig {
                config: stand_in,
                source: ConfigSource::Missing { name },
            },
        },
    })
}

/// The deployment-group files of the workspace that hold a group (their indices).
pub fn group_files(files: &[WorkspaceFile<'_>]) -> Vec<usize> {
    files
        .iter()
        .enumerate()
        .filter(
            |(_, f)| matches!(&f.analysis.model, Model::DeploymentGroup(g) if !g.items.is_empty()),
        )
        .map(|(i, _)| i)
        .collect()
}

/// The group file an AppSpec's deployment runs through: the one named `chosen` when it is a
/// group file of the workspace, else the first whose group deploys to `platform`, else the first
/// whose platform nothing tells, else none (a default group). Among `candidates`
/// ([`group_files`]).
pub fn group_for(
    files: &[WorkspaceFile<'_>],
    candidates: &[usize],
    platform: Platform,
    chosen: Option<&str>,
) -> Option<usize> {
    let first_group = |i: usize| match &files.get(i)?.analysis.model {
        Model::DeploymentGroup(g) => g.items.first(),
        _ => None,
    };
    if let Some(name) = chosen
        && let Some(i) = candidates
            .iter()
            .copied()
            .find(|i| files.get(*i).is_some_and(|f| f.name == name))
    {
        return Some(i);
    }
    candidates
        .iter()
        .copied()
        .find(|i| first_group(*i).and_then(DeploymentGroup::platform_or_config) == Some(platform))
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .find(|i| first_group(*i).is_some_and(|g| g.platform_or_config().is_none()))
        })
}

/// The AppSpec of the workspace a deployment to `platform` runs (the first of that platform in
/// file order; an AppSpec whose content does not tell its platform counts as EC2/on-premises),
/// with its file index.
pub fn appspec_for<'a>(
    files: &'a [WorkspaceFile<'_>],
    platform: Platform,
) -> Option<(usize, &'a AppSpec)> {
    files
        .iter()
        .enumerate()
        .find_map(|(i, f)| match &f.analysis.model {
            Model::Appspec(spec) if f.analysis.readable() && spec.platform == platform => {
                Some((i, spec))
            }
            _ => None,
        })
}

/// The first group of the workspace (in file order, other than in file `skip`) that names the
/// configuration `name`, with its file: the group a configuration's own deployment runs
/// through (its alarms, rollback and blue/green settings).
pub fn group_naming<'a>(
    files: &'a [WorkspaceFile<'_>],
    name: &str,
    skip: usize,
) -> Option<(usize, &'a DeploymentGroup)> {
    if name.is_empty() {
        return None;
    }
    files
        .iter()
        .enumerate()
        .find_map(|(i, f)| match &f.analysis.model {
            Model::DeploymentGroup(groups) if i != skip => groups
                .items
                .iter()
                .find(|g| g.config_name.as_ref().and_then(|n| n.text()) == Some(name))
                .map(|g| (i, g)),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analysis, Kind};

    fn analyse(kind: Kind, text: &str) -> Analysis {
        crate::analyze(kind, text, &crate::Options::default()).expect("analysed")
    }

    const GROUP: &str = r#"{"deploymentGroupName": "api", "deploymentConfigName": "Quarters",
        "ecsServices": [{"serviceName": "api", "clusterName": "prod"}]}"#;
    const CONFIG: &str = r#"{"deploymentConfigName": "Quarters", "computePlatform": "ECS",
        "trafficRoutingConfig": {"type": "TimeBasedCanary",
          "timeBasedCanary": {"canaryPercentage": 25, "canaryInterval": 5}}}"#;

    fn choose(files: &[WorkspaceFile<'_>]) -> GroupConfig {
        let Model::DeploymentGroup(groups) = &files[0].analysis.model else {
            panic!("a group first")
        };
        group_config(files, groups, &groups.items[0], None).expect("resolved")
    }

    #[test]
    fn a_custom_configuration_is_found_by_its_exact_name() {
        let group = analyse(Kind::DeploymentGroup, GROUP);
        let config = analyse(Kind::DeploymentConfig, CONFIG);
        let lower = analyse(
            Kind::DeploymentConfig,
            &CONFIG.replace("Quarters", "quarters"),
        );
        let file = |name, analysis| WorkspaceFile { name, analysis };
        let found = choose(&[file("g.json", &group), file("c.json", &config)]);
        assert_eq!(found.source, ConfigSource::Workspace { file: 1 });
        assert_eq!(found.config.name, "Quarters");
        assert!(!found.stands_in());
        // CodeDeploy matches names exactly: another case is another configuration.
        let missing = choose(&[file("g.json", &group), file("c.json", &lower)]);
        assert_eq!(
            missing.source,
            ConfigSource::Missing {
                name: "Quarters".into()
            }
        );
        assert_eq!(missing.config.name, "CodeDeployDefault.ECSAllAtOnce");
        let why = missing.why_stand_in(|_| String::new()).expect("a reason");
        assert!(
            why.contains("`Quarters`") && why.contains("ECSAllAtOnce"),
            "{why}"
        );
        // A misspelt predefined name is said to be one, not sought in the account.
        let typo = analyse(
            Kind::DeploymentGroup,
            &GROUP.replace(
                "Quarters",
                "CodeDeployDefault.ECSLinear10PercentEvery1Minute",
            ),
        );
        let why = choose(&[file("g.json", &typo)])
            .why_stand_in(|_| String::new())
            .expect("a reason");
        assert!(
            why.contains("no predefined configuration")
                && why
                    .contains("did you mean `CodeDeployDefault.ECSLinear10PercentEvery1Minutes`?")
                && !why.contains("account"),
            "{why}"
        );
        // The first definition in file order wins.
        let twice = choose(&[
            file("g.json", &group),
            file("c.json", &config),
            file("d.json", &config),
        ]);
        assert_eq!(twice.source, ConfigSource::Workspace { file: 1 });
        assert_eq!(
            config_in_file(&[file("c.json", &config)], "c.json").map(|c| c.file),
            Some(0)
        );
        assert!(config_in_file(&[file("c.json", &config)], "other.json").is_none());
    }

    #[test]
    fn an_appspec_takes_the_group_of_its_platform_or_the_chosen_one() {
        let ecs = analyse(Kind::DeploymentGroup, GROUP);
        let ec2 = analyse(
            Kind::DeploymentGroup,
            r#"{"deploymentGroupName": "web", "ec2TagFilters": [{"Key": "app", "Value": "web", "Type": "KEY_AND_VALUE"}]}"#,
        );
        let file = |name, analysis| WorkspaceFile { name, analysis };
        let files = [file("ecs.json", &ecs), file("ec2.json", &ec2)];
        let candidates = group_files(&files);
        assert_eq!(candidates, [0, 1]);
        assert_eq!(group_for(&files, &candidates, Platform::Ec2, None), Some(1));
        assert_eq!(group_for(&files, &candidates, Platform::Ecs, None), Some(0));
        assert_eq!(group_for(&files, &candidates, Platform::Lambda, None), None);
        assert_eq!(
            group_for(&files, &candidates, Platform::Ec2, Some("ecs.json")),
            Some(0)
        );
        assert_eq!(
            group_for(&files, &candidates, Platform::Ec2, Some("gone.json")),
            Some(1)
        );
    }
}
