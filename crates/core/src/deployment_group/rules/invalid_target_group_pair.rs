//! DEP140 invalid-target-group-pair.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an ECS target group pair that CodeDeploy cannot use: not exactly two target
    /// groups, no production traffic route, a route with no listener or with more than one, or
    /// more than one pair.
    ///
    /// ## Why is this bad?
    /// An ECS blue/green deployment moves traffic between two target groups — the original task
    /// set's and the replacement's — through one production listener (and optionally one test
    /// listener); a traffic route takes one listener. Other shapes are rejected
    /// (`InvalidTargetGroupPairException`).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}],
    ///   "loadBalancerInfo": {"targetGroupPairInfoList": [{
    ///     "targetGroups": [{"name": "api-blue"}],
    ///     "prodTrafficRoute": {"listenerArns": []}
    ///   }]}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "ecsServices": [{"serviceName": "api", "clusterName": "prod"}],
    ///   "loadBalancerInfo": {"targetGroupPairInfoList": [{
    ///     "targetGroups": [{"name": "api-blue"}, {"name": "api-green"}],
    ///     "prodTrafficRoute": {"listenerArns": ["arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/api/50dc6c495c0c9188/f2f7dc8efc522ab2"]}
    ///   }]}
    /// }
    /// ```
    ///
    /// ## References
    /// - Before you begin an Amazon ECS deployment (two target groups, one production listener): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html#deployment-steps-prerequisites-ecs>
    /// - TargetGroupPairInfo (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_TargetGroupPairInfo.html>
    code: "DEP140", name: "invalid-target-group-pair", severity: Error
}

/// Target group pairs of the wrong shape.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(lb) = &g.load_balancer else { continue };
        if lb.pairs.len() > 1
            && let Some(second) = lb.pairs.get(1)
        {
            out.push(
                RULE.at(second.anchor, "an ECS deployment group takes one target group pair")
                    .with_help("keep one pair: its two target groups and its listeners"),
            );
        }
        for pair in &lb.pairs {
            if pair.opaque {
                continue;
            }
            match pair.target_groups {
                Some(tg) if !tg.opaque && tg.len != 2 => out.push(
                    RULE.at(tg.span, format!("a target group pair has two target groups, found {}", tg.len))
                        .with_help("name the original task set's target group and the replacement's"),
                ),
                None => out.push(
                    RULE.at(pair.anchor, "this target group pair names no target group")
                        .with_help(format!("add `{}` with the two target groups", g.key("targetGroups", "TargetGroups"))),
                ),
                _ => {}
            }
            let prod = g.key("prodTrafficRoute", "ProdTrafficRoute");
            let routes = [(pair.prod.as_ref(), prod), (pair.test.as_ref(), g.key("testTrafficRoute", "TestTrafficRoute"))];
            if pair.prod.is_none() {
                out.push(
                    RULE.at(pair.anchor, format!("this target group pair has no `{prod}`"))
                        .with_help("name the production listener that serves the live traffic"),
                );
            }
            for (route, name) in routes {
                let Some(route) = route else { continue };
                let Some(list) = route.list else {
                    out.push(RULE.at(route.key, format!("`{name}` has no listener")).with_help("give one listener ARN"));
                    continue;
                };
                if list.opaque || list.len == 1 {
                    continue;
                }
                let message = if list.len == 0 {
                    format!("`{name}` has no listener")
                } else {
                    format!("`{name}` takes one listener, found {}", list.len)
                };
                out.push(RULE.at(list.span, message).with_help("give one listener ARN"));
            }
        }
    }
}
