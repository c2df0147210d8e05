//! The AppSpec rules (`AS…`), one file per rule: its declaration, its documentation page and
//! the `check` function that reports it. Shared helpers are in [`helpers`].
//!
//! Rules see the lowered [`AppSpec`] (platform, hooks, targets) and what the schema walk
//! recorded; they read the tree only for key-level findings. A rule that applies to one platform
//! checks [`AppSpec::known_platform`]: a file whose platform cannot be told gets rule AS014 and
//! the key checks only, and a CloudFormation or SAM template gets rule AS015 alone (the walk does
//! not run over it). The last rules relate an ECS AppSpec to the task definition it deploys:
//! they run over a [`BuildCx`] built by [`crate::related`].

pub(crate) mod helpers;

use super::AppSpec;
use crate::related::build::BuildCx;
use crate::schema::Facts;
use crate::source::Node;

/// What an AppSpec rule sees: the text, the tree, the model and what the schema walk recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The document's root.
    pub root: &'a Node,
    /// The lowered AppSpec.
    pub model: &'a AppSpec,
    /// What the schema walk recorded.
    pub facts: &'a Facts<'a>,
}

crate::rule_modules! {
    context: Cx;
    unknown_appspec_key,
    wrong_value_type,
    noncanonical_key_case,
    missing_appspec_version,
    unsupported_appspec_version,
    quoted_version,
    nonstandard_version_number,
    undetermined_platform,
    template_instead_of_appspec,
    missing_os,
    unsupported_os,
    incomplete_file_mapping,
    relative_file_destination,
    invalid_file_exists_behavior,
    undocumented_overwrite_key,
    permissions_on_windows,
    missing_permission_object,
    invalid_permission_mode,
    invalid_acl_entry,
    invalid_permission_type,
    missing_context_type,
    context_user_ignored,
    invalid_selinux_range,
    unmatchable_permission_pattern,
    reserved_lifecycle_event,
    unknown_lifecycle_event,
    missing_script_location,
    invalid_script_timeout,
    event_timeouts_exceed_limit,
    runas_ignored_on_windows,
    empty_lifecycle_event,
    invalid_hook_entry,
    duplicate_hook_event,
    missing_resources,
    wrong_resource_count,
    invalid_resource_type,
    missing_resource_property,
    unreplaced_placeholder,
    task_definition_placeholder,
    task_definition_not_arn,
    invalid_container_port,
    incomplete_awsvpc_configuration,
    invalid_assign_public_ip,
    repeated_capacity_provider_base,
    zero_capacity_provider_weights,
    invalid_platform_version,
    non_target_service_name,
    invalid_function_version,
    same_current_and_target_version;
    related context: BuildCx;
    container_not_in_task_definition,
    container_port_not_mapped,
}
