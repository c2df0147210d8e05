//! DEP113 custom-config-for-another-platform.

use crate::declare_rule;
use crate::deployment::config::{PREDEFINED_PREFIX, find_predefined};
use crate::deployment_config::model::platform_named;
use crate::related::deployment::find_config;
use crate::related::{Related, RelatedCx};
use crate::Model;

declare_rule! {
    /// ## What it does
    /// Relates a deployment group to the custom deployment configuration it names, defined in
    /// another file of the workspace (a `deployment-config` file, or a template's
    /// `AWS::CodeDeploy::DeploymentConfig` resource with that `DeploymentConfigName`), and
    /// reports a configuration whose `computePlatform` is another platform than the one the
    /// group's own keys tell (`ecsServices`: ECS; EC2 tags, Auto Scaling groups, on-premises
    /// tags: EC2/on-premises; `computePlatform` in an output). A place in each file: the group's
    /// `deploymentConfigName` and the configuration's `computePlatform`.
    ///
    /// ## Why is this bad?
    /// A deployment configuration belongs to one compute platform: canary and linear traffic
    /// shifting for ECS and Lambda, minimum healthy hosts for EC2/on-premises. The ECS
    /// settings mean nothing to a Lambda deployment, and the reverse. For the predefined
    /// configurations CodeDeploy refuses the mismatch (DEP111); for a custom configuration the
    /// reference does not say exactly when it is refused (when the group is created or when a
    /// deployment starts), so this is a warning. A configuration written without
    /// `computePlatform` is not reported: CodeDeploy's default for it (`Server`) is not
    /// confirmed.
    ///
    /// ## Example
    /// ```json deployment-group.json
    /// {
    ///   "deploymentGroupName": "api-service",
    ///   "deploymentConfigName": "Quarters",
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}]
    /// }
    /// ```
    /// ```json deployment-config.json
    /// {
    ///   "deploymentConfigName": "Quarters",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedLinear",
    ///     "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 5}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json deployment-group.json
    /// {
    ///   "deploymentGroupName": "api-service",
    ///   "deploymentConfigName": "Quarters",
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}]
    /// }
    /// ```
    /// ```json deployment-config.json
    /// {
    ///   "deploymentConfigName": "Quarters",
    ///   "computePlatform": "ECS",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedLinear",
    ///     "timeBasedLinear": {"linearPercentage": 25, "linearInterval": 5}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Working with deployment configurations (one per compute platform): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html>
    /// - `CreateDeploymentConfig` (`computePlatform`): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentConfig.html>
    code: "DEP113", name: "custom-config-for-another-platform", severity: Warning
}

/// One report per group naming a custom configuration the workspace defines for another
/// platform.
pub(crate) fn check(cx: &RelatedCx<'_>, out: &mut Vec<Related>) {
    for (file, f) in cx.files.iter().enumerate() {
        let Model::DeploymentGroup(groups) = &f.analysis.model else {
            continue;
        };
        for g in &groups.items {
            let Some(platform) = g.platform() else { continue };
            let Some(field) = &g.config_name else { continue };
            let Some(name) = field.text() else { continue };
            if find_predefined(name).is_some() || name.starts_with(PREDEFINED_PREFIX) {
                continue;
            }
            let Some(config) = find_config(cx.files, name) else {
                continue;
            };
            if config.file == file {
                continue;
            }
            let Some(written) = &config.config.compute_platform else {
                continue;
            };
            let Some(theirs) = written.text().and_then(platform_named) else {
                continue;
            };
            if theirs == platform {
                continue;
            }
            let other = cx.files.get(config.file).map_or("", |f| f.name);
            let mut d = Related::new(
                file,
                RULE.at(
                    field.span,
                    format!(
                        "`{name}` is a configuration for {} (in `{other}`), but this group deploys to {}",
                        theirs.title(),
                        platform.title()
                    ),
                ),
            )
            .with_label(
                config.file,
                written.span,
                format!("`{name}` is for {} here", theirs.title()),
            );
            let article = if platform == crate::appspec::Platform::Lambda {
                "a"
            } else {
                "an"
            };
            d.diagnostic = d.diagnostic.with_help(format!(
                "name {article} {} configuration in the group, or give `{name}` the group's platform",
                platform.title()
            ));
            out.push(d);
        }
    }
}
