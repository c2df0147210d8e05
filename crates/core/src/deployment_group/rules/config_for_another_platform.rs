//! DEP111 config-for-another-platform.

use super::Cx;
use crate::declare_rule;
use crate::deployment::config::find_predefined;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a predefined configuration of another compute platform than the group's: an ECS
    /// configuration (`CodeDeployDefault.ECS…`) in a Lambda or EC2/on-premises group, a Lambda one
    /// in an ECS group, an EC2/on-premises one (`OneAtATime`, `HalfAtATime`, `AllAtOnce`) in an
    /// ECS or Lambda group. The group's platform comes from its own keys: `ecsServices` (ECS),
    /// EC2 tags, Auto Scaling groups, on-premises tags or a Classic load balancer (EC2/on-
    /// premises), `computePlatform` in an output, or in a CloudFormation template the
    /// `ComputePlatform` of the `AWS::CodeDeploy::Application` that `ApplicationName` refers to.
    ///
    /// ## Why is this bad?
    /// A configuration applies to one platform; CodeDeploy refuses a group or deployment whose
    /// configuration is for another (`InvalidDeploymentConfigNameException`). `ECSCanary…` and
    /// `LambdaCanary…` look alike but are not interchangeable.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentGroupName": "api-service",
    ///   "deploymentConfigName": "CodeDeployDefault.LambdaCanary10Percent5Minutes",
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentGroupName": "api-service",
    ///   "deploymentConfigName": "CodeDeployDefault.ECSCanary10Percent5Minutes",
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}]
    /// }
    /// ```
    ///
    /// ## References
    /// - Working with deployment configurations (one table per compute platform): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html>
    code: "DEP111", name: "config-for-another-platform", severity: Error
}

/// Predefined configurations of another platform than the group's keys tell.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(platform) = g.platform() else { continue };
        let Some(field) = &g.config_name else { continue };
        let Some(predefined) = field.text().and_then(find_predefined) else {
            continue;
        };
        if predefined.platform == platform {
            continue;
        }
        let same_shape = crate::deployment::PREDEFINED
            .iter()
            .filter(|p| p.platform == platform)
            .find(|p| p.traffic_routing.is_some() && p.traffic_routing == predefined.traffic_routing)
            .or_else(|| {
                crate::deployment::PREDEFINED
                    .iter()
                    .find(|p| p.platform == platform)
            });
        let mut d = RULE.at(
            field.span,
            format!(
                "`{}` is a configuration for {}, but this group deploys to {}",
                predefined.name,
                predefined.platform.title(),
                platform.title()
            ),
        );
        if let Some(p) = same_shape {
            let article = if platform == crate::appspec::Platform::Lambda { "a" } else { "an" };
            d = d.with_help(format!("use {article} {} configuration, such as `{}`", platform.title(), p.name));
        }
        out.push(d);
    }
}
