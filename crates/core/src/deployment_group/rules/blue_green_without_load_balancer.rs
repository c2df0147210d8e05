//! DEP133 blue-green-without-load-balancer.

use super::Cx;
use crate::appspec::Platform;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an EC2/on-premises group (one with EC2 tags, Auto Scaling groups or on-premises
    /// tags) whose deployment type is `BLUE_GREEN` but that names no load balancer or target group,
    /// or that says `WITHOUT_TRAFFIC_CONTROL`.
    ///
    /// ## Why is this bad?
    /// A blue/green deployment moves traffic from the original instances to the replacement ones
    /// by registering them with a load balancer: without one there is nothing to reroute
    /// (`InvalidLoadBalancerInfoException`, `InvalidDeploymentStyleException`). Blue/green on
    /// EC2 also needs EC2 instances, not on-premises servers.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoScalingGroups": ["web-asg"],
    ///   "deploymentStyle": {"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoScalingGroups": ["web-asg"],
    ///   "deploymentStyle": {"deploymentType": "BLUE_GREEN", "deploymentOption": "WITH_TRAFFIC_CONTROL"},
    ///   "loadBalancerInfo": {"targetGroupInfoList": [{"name": "web"}]}
    /// }
    /// ```
    ///
    /// ## References
    /// - Blue/green deployments on an EC2/On-Premises compute platform: <https://docs.aws.amazon.com/codedeploy/latest/userguide/welcome.html#welcome-deployment-overview-blue-green>
    /// - DeploymentStyle (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_DeploymentStyle.html>
    code: "DEP133", name: "blue-green-without-load-balancer", severity: Error
}

/// EC2 blue/green groups without a load balancer or traffic control.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        if g.platform() != Some(Platform::Ec2) || g.deployment_type() != Some("BLUE_GREEN") {
            continue;
        }
        let Some(style) = &g.style else { continue };
        if let Some(option) = style
            .option
            .as_ref()
            .filter(|o| o.text() == Some("WITHOUT_TRAFFIC_CONTROL"))
        {
            out.push(
                RULE.at(option.span, "a blue/green deployment reroutes traffic through a load balancer: it cannot be `WITHOUT_TRAFFIC_CONTROL`")
                    .with_help("use `WITH_TRAFFIC_CONTROL` and name the load balancer in `loadBalancerInfo`"),
            );
            continue;
        }
        let has_lb = g.load_balancer_opaque
            || g.load_balancer
                .as_ref()
                .is_some_and(|l| l.for_instances() || !l.pairs.is_empty());
        if !has_lb {
            let at = style.deployment_type.as_ref().map_or(style.key, |t| t.span);
            out.push(
                RULE.at(at, "a blue/green deployment needs a load balancer to reroute traffic, and this group names none")
                    .with_help(format!("add `{}` with the Classic Load Balancer (`{}`) or the target groups (`{}`)",
                        g.key("loadBalancerInfo", "LoadBalancerInfo"),
                        g.key("elbInfoList", "ElbInfoList"),
                        g.key("targetGroupInfoList", "TargetGroupInfoList"))),
            );
        }
    }
}
