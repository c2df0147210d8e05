//! The deployment-group rules (`DEP1…`), one file per rule: its declaration, its documentation
//! page and the `check` function that reports it. Shared helpers are in [`helpers`].
//!
//! Codes: `DEP101`–`DEP109` reading the document, `DEP110`–`DEP119` the deployment
//! configuration it names, `DEP120`–`DEP129` rollback and alarms, `DEP130`–`DEP139` blue/green
//! and deployment style, `DEP140`–`DEP149` ECS, `DEP150`–`DEP159` limits and targets. The
//! last rules relate a group to other files of a workspace (the custom configuration it names):
//! they run over a [`RelatedCx`], built by [`crate::related`].

pub(crate) mod helpers;

use super::DeploymentGroups;
use crate::deployment::read::ReadFacts;
use crate::related::RelatedCx;

/// What a deployment-group rule sees: the text, the lowered groups and what the walk recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The groups.
    pub model: &'a DeploymentGroups,
    /// What the walk recorded.
    pub facts: &'a ReadFacts,
}

crate::rule_modules! {
    context: Cx;
    unknown_group_key,
    wrong_group_value_type,
    invalid_group_enum_value,
    output_only_group_key,
    unrecognised_deployment_group,
    invalid_group_name,
    unknown_predefined_config,
    config_for_another_platform,
    traffic_shift_behind_network_load_balancer,
    duplicate_rollback_event,
    rollback_without_events,
    stop_on_alarm_without_alarms,
    alarms_without_rollback,
    too_many_alarms,
    invalid_alarm_name,
    duplicate_alarm,
    empty_alarm_configuration,
    ignored_alarm_poll_failure,
    alarms_not_enabled,
    ready_wait_ignored,
    ready_wait_exceeds_limit,
    termination_wait_exceeds_limit,
    blue_green_without_load_balancer,
    in_place_ecs_or_lambda_group,
    blue_green_settings_ignored,
    invalid_target_group_pair,
    multiple_ecs_services,
    deployment_group_limit_exceeded,
    conflicting_tag_filters;
    related context: RelatedCx;
    custom_config_for_another_platform,
}
