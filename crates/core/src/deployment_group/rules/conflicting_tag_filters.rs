//! DEP151 conflicting-tag-filters.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a group with both `ec2TagFilters` and `ec2TagSet`, or both
    /// `onPremisesInstanceTagFilters` and `onPremisesTagSet` (empty lists aside).
    ///
    /// ## Why is this bad?
    /// Tag filters select instances with any of the tags; a tag set selects instances in every one
    /// of its groups. CodeDeploy takes one or the other ("Cannot be used in the same call") and
    /// rejects both (`InvalidEC2TagCombinationException`, `InvalidOnPremisesTagCombinationException`).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "ec2TagFilters": [{"Key": "Name", "Value": "web", "Type": "KEY_AND_VALUE"}],
    ///   "ec2TagSet": {"ec2TagSetList": [[{"Key": "env", "Value": "prod", "Type": "KEY_AND_VALUE"}]]}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "ec2TagSet": {"ec2TagSetList": [
    ///     [{"Key": "Name", "Value": "web", "Type": "KEY_AND_VALUE"}],
    ///     [{"Key": "env", "Value": "prod", "Type": "KEY_AND_VALUE"}]
    ///   ]}
    /// }
    /// ```
    ///
    /// ## References
    /// - CreateDeploymentGroup (ec2TagFilters, ec2TagSet): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html>
    code: "DEP151", name: "conflicting-tag-filters", severity: Error
}

/// Tag filters and tag sets together.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let pairs = [
            (g.ec2_tag_filters, g.ec2_tag_set, g.key("ec2TagFilters", "Ec2TagFilters"), g.key("ec2TagSet", "Ec2TagSet")),
            (
                g.on_premises_tag_filters,
                g.on_premises_tag_set,
                g.key("onPremisesInstanceTagFilters", "OnPremisesInstanceTagFilters"),
                g.key("onPremisesTagSet", "OnPremisesTagSet"),
            ),
        ];
        for (filters, set, f, s) in pairs {
            let (Some(filters), Some(set)) = (filters, set) else { continue };
            if !filters.filled() || !set.filled() {
                continue;
            }
            out.push(
                RULE.at(filters.key, format!("`{f}` and `{s}` cannot be used together"))
                    .with_label(set.key, "the tag set")
                    .with_help(format!("keep one: `{f}` selects instances with any of the tags, `{s}` those in every tag group")),
            );
        }
    }
}
