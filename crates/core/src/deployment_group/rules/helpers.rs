//! Helpers shared by several deployment-group rules (none of them reports anything).

use crate::deployment_group::model::DeploymentGroup;

pub(crate) use crate::deployment_config::rules::helpers::unknown_key_message;

/// The groups written to be created or updated (API inputs, partial documents, CloudFormation):
/// outputs describe what CodeDeploy already accepted.
pub(crate) fn inputs(groups: &[DeploymentGroup]) -> impl Iterator<Item = &DeploymentGroup> {
    groups.iter().filter(|g| g.is_input())
}
