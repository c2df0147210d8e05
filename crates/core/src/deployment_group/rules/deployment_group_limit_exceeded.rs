//! DEP150 deployment-group-limit-exceeded.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a deployment group over one of CodeDeploy's per-group quotas: more than 10 Auto
    /// Scaling groups, more than 10 triggers, more than 3 tag groups in an EC2 or on-premises tag
    /// set.
    ///
    /// ## Why is this bad?
    /// CodeDeploy rejects a group over its quotas (`TriggerTargetsLimitExceededException`,
    /// `TagSetListLimitExceededException`, …).
    ///
    /// ## Example
    /// ```json
    /// {"ec2TagSet": {"ec2TagSetList": [
    ///   [{"Key": "app", "Value": "web", "Type": "KEY_AND_VALUE"}],
    ///   [{"Key": "env", "Value": "prod", "Type": "KEY_AND_VALUE"}],
    ///   [{"Key": "team", "Value": "blue", "Type": "KEY_AND_VALUE"}],
    ///   [{"Key": "tier", "Value": "front", "Type": "KEY_AND_VALUE"}]
    /// ]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"ec2TagSet": {"ec2TagSetList": [
    ///   [{"Key": "app", "Value": "web", "Type": "KEY_AND_VALUE"}],
    ///   [{"Key": "env", "Value": "prod", "Type": "KEY_AND_VALUE"}],
    ///   [{"Key": "tier", "Value": "front", "Type": "KEY_AND_VALUE"}]
    /// ]}}
    /// ```
    ///
    /// ## References
    /// - CodeDeploy quotas (deployment groups): <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    /// - EC2TagSet (API, up to three groups): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_EC2TagSet.html>
    code: "DEP150", name: "deployment-group-limit-exceeded", severity: Error
}

/// Lists over the per-group quotas.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let limits = [
            (g.auto_scaling_groups, 10, "Auto Scaling groups"),
            (g.triggers, 10, "triggers"),
            (g.ec2_tag_set, 3, "EC2 tag groups in a tag set"),
            (g.on_premises_tag_set, 3, "on-premises tag groups in a tag set"),
        ];
        for (list, max, what) in limits {
            let Some(list) = list else { continue };
            if list.opaque || list.len <= max {
                continue;
            }
            out.push(
                RULE.at(list.key, format!("{} {what}; a deployment group allows at most {max}", list.len))
                    .with_help(format!("keep at most {max}")),
            );
        }
    }
}
