//! The buildspec rules (`BS…`), one file per rule: its declaration, its documentation page and
//! the `check` function that reports it. Shared helpers are in [`helpers`]. The last rule relates
//! the image definitions a buildspec writes to the task definition they deploy to: it runs over
//! a [`BuildCx`] built by [`crate::related`].

pub(crate) mod helpers;

use super::{Buildspec, Options};
use crate::related::build::BuildCx;
use crate::schema::Facts;
use crate::source::Node;

/// What a buildspec rule sees: the text, the tree, the model, what the schema walk recorded and
/// the options.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The document's root.
    pub root: &'a Node,
    /// The lowered buildspec.
    pub model: &'a Buildspec,
    /// What the schema walk recorded.
    pub facts: &'a Facts<'a>,
    /// The options of the check.
    pub options: &'a Options,
}

crate::rule_modules! {
    context: Cx;
    unknown_key,
    invalid_type,
    scalar_instead_of_list,
    missing_version,
    unsupported_version,
    missing_phases,
    v02_feature_in_v01,
    v01_name_in_v02,
    shell_state_lost_in_v01,
    unknown_phase,
    missing_phase_commands,
    empty_phase,
    command_is_mapping,
    empty_command,
    invalid_on_failure,
    on_failure_case,
    retry_count_out_of_range,
    misplaced_runtime_versions,
    empty_runtime_versions,
    unknown_runtime,
    runtime_version_not_preinstalled,
    malformed_runtime_version,
    secret_in_plaintext,
    reserved_variable_prefix,
    exported_aws_prefix,
    invalid_secret_reference,
    invalid_parameter_name,
    unexpanded_variable,
    unknown_shell,
    batch_type_count,
    missing_batch_identifier,
    duplicate_batch_identifier,
    unknown_batch_dependency,
    batch_dependency_cycle,
    compute_type_with_fleet,
    invalid_compute_type,
    invalid_environment_type,
    missing_report_files,
    invalid_report_format,
    too_many_report_groups,
    missing_artifact_files,
    invalid_cache_action,
    too_many_fallback_keys,
    fallback_keys_without_key,
    missing_cache_paths,
    ecr_get_login_removed,
    folded_line_continuation,
    unfilled_placeholder;
    related context: BuildCx;
    written_image_name_not_in_task_definition,
}
