//! DEP012 duplicate-config-name.

use crate::declare_rule;
use crate::related::deployment::custom_configs;
use crate::related::{Related, RelatedCx};

declare_rule! {
    /// ## What it does
    /// Relates the custom deployment configurations a workspace creates (in `deployment-config`
    /// files and templates' `AWS::CodeDeploy::DeploymentConfig` resources; not the outputs of
    /// `get-deployment-config`) and reports a name defined a second time, with a place at the
    /// first definition.
    ///
    /// ## Why is this bad?
    /// A deployment configuration's name is unique in an AWS account and Region: creating a
    /// second one of the same name fails with `DeploymentConfigAlreadyExistsException` ("A
    /// deployment configuration with the specified name already exists with the applicable IAM
    /// user or AWS account"), and a template with both fails to deploy. Two definitions that
    /// differ also leave it open which settings a deployment group that names the
    /// configuration gets — the playground's deployments run the first one in tab order. It is
    /// a warning: the two files may be meant for different accounts or Regions, which nothing
    /// in the files tells.
    ///
    /// ## Example
    /// ```json quarters.json
    /// {
    ///   "deploymentConfigName": "Quarters",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {"type": "TimeBasedLinear", "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 5}}
    /// }
    /// ```
    /// ```json quarters-fast.json
    /// {
    ///   "deploymentConfigName": "Quarters",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {"type": "TimeBasedLinear", "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 1}}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json quarters.json
    /// {
    ///   "deploymentConfigName": "Quarters",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {"type": "TimeBasedLinear", "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 5}}
    /// }
    /// ```
    /// ```json quarters-fast.json
    /// {
    ///   "deploymentConfigName": "QuartersEveryMinute",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {"type": "TimeBasedLinear", "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 1}}
    /// }
    /// ```
    ///
    /// ## References
    /// - `CreateDeploymentConfig`, errors (`DeploymentConfigAlreadyExistsException`): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentConfig.html>
    /// - Create a deployment configuration: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    code: "DEP012", name: "duplicate-config-name", severity: Warning
}

/// One report per definition of a name after its first, in file order.
pub(crate) fn check(cx: &RelatedCx<'_>, out: &mut Vec<Related>) {
    let configs: Vec<_> = custom_configs(cx.files)
        .into_iter()
        .filter(|c| c.config.is_input() && !c.name().is_empty())
        .collect();
    // The first definition of each name, in file order: one pass.
    let mut first_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, later) in configs.iter().enumerate() {
        let name = later.name();
        let first = *first_of.entry(name).or_insert(i);
        if first == i {
            continue;
        }
        let Some(first) = configs.get(first) else {
            continue;
        };
        let (Some(here), Some(there)) = (&later.config.name, &first.config.name) else {
            continue;
        };
        let where_first = if first.file == later.file {
            "earlier in this file".to_string()
        } else {
            format!("in `{}`", cx.files.get(first.file).map_or("", |f| f.name))
        };
        let d = RULE
            .at(
                here.span,
                format!("the configuration `{name}` is also defined {where_first}; an account and Region hold one configuration of a name"),
            )
            .with_help(format!(
                "give one of them another name (and the deployment groups that mean it); the workspace's deployments run the first `{name}`"
            ));
        out.push(Related::new(later.file, d).with_label(
            first.file,
            there.span,
            format!("`{name}` is first defined here"),
        ));
    }
}
