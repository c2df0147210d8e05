//! The pipeline rules (`CP…`), one file per rule: its declaration, its documentation page and
//! the `check` function that reports it. Shared helpers are in [`helpers`].
//!
//! Ranges: CP001–CP009 reading the file (keys, types, required keys, closed sets), CP010–CP019
//! names and values, CP020–CP029 stages and actions, CP030–CP039 artifacts, CP040–CP049 action
//! types and their configuration, CP050–CP059 artifact stores, accounts, regions and secrets,
//! CP060–CP069 V2 features: execution modes, variables, triggers, stage conditions.
//!
//! The last rules relate a pipeline to other files of a workspace (its buildspec): they run
//! over a [`BuildCx`] built by [`crate::related`].
//!
//! The structural rules report what lowering recorded ([`LoweringFacts`]); the others are checks
//! over the model. No rule judges a value a template computes ([`TextValue::Opaque`]).
//!
//! [`TextValue::Opaque`]: super::model::TextValue::Opaque

pub(crate) mod helpers;

use super::lower::LoweringFacts;
use super::model::{Form, Pipeline, PipelineFile};
use crate::related::build::BuildCx;

/// What a pipeline rule sees: the text, the model and what lowering recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The lowered file.
    pub file: &'a PipelineFile,
    /// What lowering recorded.
    pub facts: &'a LoweringFacts,
}

impl Cx<'_> {
    /// How the file is written.
    pub fn form(&self) -> Form {
        self.file.form
    }

    /// The pipelines of the file.
    pub fn pipelines(&self) -> &[Pipeline] {
        &self.file.pipelines
    }

    /// A key as the file's form spells it (`roleArn` or `RoleArn`).
    pub fn key(&self, camel: &str) -> String {
        self.file.form.key(camel)
    }
}

crate::rule_modules! {
    context: Cx;
    no_pipeline_declaration,
    unknown_pipeline_key,
    wrong_key_case,
    wrong_pipeline_value_type,
    missing_required_key,
    get_pipeline_metadata,
    invalid_enum_value,
    invalid_name,
    invalid_artifact_name,
    invalid_role_arn,
    invalid_artifact_bucket,
    invalid_run_order,
    configuration_length_out_of_range,
    timeout_out_of_range,
    stage_count_out_of_range,
    action_count_out_of_range,
    first_stage_not_source,
    source_action_outside_first_stage,
    duplicate_stage_name,
    duplicate_action_name,
    duplicate_output_artifact,
    unknown_input_artifact,
    input_artifact_not_yet_produced,
    wrong_artifact_count,
    configuration_artifact_not_input,
    unknown_action_provider,
    provider_in_wrong_category,
    missing_configuration_key,
    unknown_configuration_key,
    invalid_configuration_value,
    github_version_1_source,
    clone_ref_outside_codebuild,
    cross_region_unsupported_action,
    role_arn_on_non_aws_action,
    missing_artifact_store,
    conflicting_artifact_stores,
    uncovered_action_region,
    cross_account_without_kms_key,
    production_deploy_without_approval,
    literal_oauth_token,
    masked_secret,
    dynamic_reference_outside_template,
    unsubstituted_template_variable,
    v2_feature_on_v1_pipeline,
    implicit_v2_pipeline,
    unresolved_variable_reference,
    variable_referenced_too_early,
    duplicate_namespace,
    duplicate_variable,
    invalid_trigger,
    invalid_stage_condition,
    rollback_in_parallel_mode,
    unknown_transition_stage;
    related context: BuildCx;
    artifact_file_not_produced,
    image_placeholder_not_in_task_definition,
}
