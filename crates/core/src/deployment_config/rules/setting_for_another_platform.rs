//! DEP023 setting-for-another-platform.

use super::Cx;
use super::helpers::inputs;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a setting of another compute platform: `trafficRoutingConfig` in an
    /// EC2/on-premises configuration (which is what a configuration without `computePlatform`
    /// is), or `minimumHealthyHosts` or `zonalConfig` in a Lambda or ECS configuration.
    ///
    /// ## Why is this bad?
    /// Traffic routing is "used for deployments with a Lambda or Amazon ECS compute platform
    /// only"; minimum healthy hosts and zonal deployment apply to instances. The setting either
    /// makes CodeDeploy reject the configuration or is ignored — which one is not documented, so
    /// this is a warning. A forgotten `computePlatform` is the usual cause: CodeDeploy then
    /// creates a `Server` configuration.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "Canary20",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 20, "canaryInterval": 10}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "Canary20",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 20, "canaryInterval": 10}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - DeploymentConfigInfo (`trafficRoutingConfig` is for Lambda and ECS only): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_DeploymentConfigInfo.html>
    /// - Create a deployment configuration: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    code: "DEP023", name: "setting-for-another-platform", severity: Warning
}

/// Settings that do not belong to the configuration's platform.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(platform) = c.platform() else { continue };
        let implied = c.compute_platform.is_none();
        match platform {
            Platform::Ec2 => {
                if let Some(t) = &c.traffic_routing {
                    let help = if implied {
                        format!(
                            "without `{}` CodeDeploy creates an EC2/on-premises (`Server`) configuration; set it to `Lambda` or `ECS`",
                            c.key("computePlatform", "ComputePlatform")
                        )
                    } else {
                        "EC2/on-premises configurations use `minimumHealthyHosts`; traffic routing is for Lambda and ECS".to_string()
                    };
                    out.push(
                        RULE.at(t.key, "traffic routing applies to Lambda and ECS configurations, not to EC2/on-premises")
                            .with_help(help),
                    );
                }
            }
            Platform::Ecs | Platform::Lambda => {
                let parts = [
                    c.minimum_healthy_hosts.as_ref().map(|m| (m.key, c.key("minimumHealthyHosts", "MinimumHealthyHosts"))),
                    c.zonal.as_ref().map(|z| (z.key, c.key("zonalConfig", "ZonalConfig"))),
                ];
                for (key, name) in parts.into_iter().flatten() {
                    out.push(
                        RULE.at(key, format!("`{name}` applies to EC2/on-premises configurations, not to {}", platform.title()))
                            .with_help(format!("{} configurations shift traffic with `trafficRoutingConfig`; remove `{name}`", platform.title())),
                    );
                }
            }
        }
    }
}
