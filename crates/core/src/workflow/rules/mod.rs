//! The workflow rules (`GHA…`), one file per rule: its declaration, its documentation page and
//! the `check` function that reports it. Shared helpers are in [`helpers`].
//!
//! The structural rules report what the schema walk recorded (unknown keys, wrong shapes,
//! missing keys); the others read the lowered [`Workflow`]. The last rules relate a workflow to
//! other files of a workspace (a trust policy): they run over a [`RelatedCx`], built by
//! [`crate::related`], and report [`Related`](crate::related::Related) findings with a place in each file.

pub(crate) mod helpers;

use super::Workflow;
use crate::related::RelatedCx;
use crate::schema::Facts;
use crate::source::Node;

/// What a workflow rule sees: the text, the tree, the model and what the schema walk recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    #[allow(dead_code)]
    pub text: &'a str,
    /// The document's root.
    #[allow(dead_code)]
    pub root: &'a Node,
    /// The lowered workflow.
    pub model: &'a Workflow,
    /// What the schema walk recorded.
    pub facts: &'a Facts<'a>,
}

crate::rule_modules! {
    context: Cx;
    unknown_workflow_key,
    wrong_workflow_value_type,
    missing_workflow_key,
    invalid_job_id,
    unknown_event,
    conflicting_event_filters,
    invalid_filter_pattern,
    unknown_permission_scope,
    invalid_permission_level,
    invalid_permissions_shorthand,
    oidc_without_id_token_permission,
    checkout_without_contents_permission,
    unknown_needs_job,
    needs_cycle,
    constant_if_condition,
    secret_in_unavailable_context,
    invalid_step_kind,
    malformed_uses,
    duplicate_step_id,
    unknown_action_input,
    missing_action_input,
    input_unavailable_in_version,
    deprecated_action_runtime,
    unknown_action_version,
    long_lived_aws_keys,
    hardcoded_aws_credentials,
    role_name_without_arn,
    invalid_aws_region,
    role_duration_out_of_range,
    pull_request_target_checkout_with_aws,
    aws_credentials_in_pull_request;
    related context: RelatedCx;
    trust_policy_refuses_job,
    trust_policy_admits_unneeded_callers,
    audience_not_accepted,
}
