//! The deployment-configuration rules (`DEP0…`), one file per rule: its declaration, its
//! documentation page and the `check` function that reports it. Shared helpers are in
//! [`helpers`].
//!
//! Codes: `DEP001`–`DEP009` reading the document, `DEP010`–`DEP019` names, `DEP020`–`DEP029`
//! minimum healthy hosts and platforms, `DEP030`–`DEP039` traffic routing, `DEP040`–`DEP049`
//! zonal configuration. Deployment groups use `DEP1…`. The last rules relate the configurations
//! of a workspace's files to each other: they run over a [`RelatedCx`], built by
//! [`crate::related`].

pub(crate) mod helpers;

use super::DeploymentConfigs;
use crate::deployment::read::ReadFacts;
use crate::related::RelatedCx;

/// What a deployment-configuration rule sees: the text, the lowered configurations and what
/// the walk recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The configurations.
    pub model: &'a DeploymentConfigs,
    /// What the walk recorded.
    pub facts: &'a ReadFacts,
}

crate::rule_modules! {
    context: Cx;
    unknown_config_key,
    wrong_config_value_type,
    invalid_config_enum_value,
    output_only_config_key,
    unrecognised_deployment_config,
    reserved_config_name_prefix,
    invalid_config_name,
    minimum_healthy_hosts_out_of_range,
    incomplete_minimum_healthy_hosts,
    missing_minimum_healthy_hosts,
    setting_for_another_platform,
    incomplete_traffic_routing,
    traffic_percentage_out_of_range,
    traffic_interval_out_of_range,
    traffic_shift_too_long,
    unused_traffic_routing_settings,
    invalid_zonal_config;
    related context: RelatedCx;
    duplicate_config_name,
}
