//! DEP112 traffic-shift-behind-network-load-balancer.

use super::Cx;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::deployment_group::model::is_network_listener;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an ECS group behind a Network Load Balancer (a listener ARN with `listener/net/`)
    /// whose deployment configuration is anything but `CodeDeployDefault.ECSAllAtOnce`: a canary,
    /// a linear shift, or a custom configuration.
    ///
    /// ## Why is this bad?
    /// A Network Load Balancer cannot split traffic between the two target groups by weight, so
    /// CodeDeploy supports only `CodeDeployDefault.ECSAllAtOnce` behind one; gradual shifts need an
    /// Application Load Balancer.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "CodeDeployDefault.ECSCanary10Percent5Minutes",
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}],
    ///   "loadBalancerInfo": {"targetGroupPairInfoList": [{
    ///     "targetGroups": [{"name": "api-blue"}, {"name": "api-green"}],
    ///     "prodTrafficRoute": {"listenerArns": ["arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/net/api/50dc6c495c0c9188/f2f7dc8efc522ab2"]}
    ///   }]}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "CodeDeployDefault.ECSAllAtOnce",
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}],
    ///   "loadBalancerInfo": {"targetGroupPairInfoList": [{
    ///     "targetGroups": [{"name": "api-blue"}, {"name": "api-green"}],
    ///     "prodTrafficRoute": {"listenerArns": ["arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/net/api/50dc6c495c0c9188/f2f7dc8efc522ab2"]}
    ///   }]}
    /// }
    /// ```
    ///
    /// ## References
    /// - Deployment configurations on an Amazon ECS compute platform ("only CodeDeployDefault.ECSAllAtOnce" with a Network Load Balancer): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html>
    code: "DEP112", name: "traffic-shift-behind-network-load-balancer", severity: Error
}

/// ECS groups behind an NLB with another configuration than ECSAllAtOnce.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        if g.platform_or_config() != Some(Platform::Ecs) {
            continue;
        }
        let Some(lb) = &g.load_balancer else { continue };
        let Some(listener) = lb
            .listeners()
            .find(|f| f.text().is_some_and(is_network_listener))
        else {
            continue;
        };
        let Some(field) = &g.config_name else { continue };
        let Some(name) = field.text() else { continue };
        if name == "CodeDeployDefault.ECSAllAtOnce" || crate::deployment::read::templated(name) {
            continue;
        }
        out.push(
            RULE.at(field.span, format!("`{name}` shifts traffic gradually, which a Network Load Balancer cannot do"))
                .with_label(listener.span, "a Network Load Balancer's listener")
                .with_help("use `CodeDeployDefault.ECSAllAtOnce`, or an Application Load Balancer for canary and linear shifts"),
        );
    }
}
