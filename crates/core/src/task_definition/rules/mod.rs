//! The task-definition rules (`ECS…`), one file per rule: its declaration, its documentation
//! page and the `check` function that reports it.
//!
//! Codes: `ECS001`–`ECS009` the definition's required parts, `ECS010`–`ECS019` containers,
//! `ECS020`–`ECS029` the keys and value types of the schema walk ([`super::schema`]),
//! `ECS030`–`ECS039` the launch type's demands (Fargate, network mode, task size).
//! The findings that relate a task definition to an AppSpec or a pipeline are the other kinds'
//! related rules (see [`crate::related`]).

pub(crate) mod helpers;

use super::TaskDefinition;
use crate::schema::Facts;
use crate::source::Node;

/// What a task-definition rule sees: the text, the tree, the model and what the schema walk
/// recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    #[allow(dead_code)]
    pub text: &'a str,
    /// The document's root.
    pub root: &'a Node,
    /// The lowered task definition.
    pub model: &'a TaskDefinition,
    /// What the schema walk recorded.
    pub facts: &'a Facts<'a>,
}

crate::rule_modules! {
    context: Cx;
    missing_task_definition_key,
    missing_container_name,
    duplicate_container_name,
    no_essential_container,
    missing_awslogs_option,
    unknown_task_definition_key,
    wrong_task_definition_value_type,
    invalid_task_definition_value,
    fargate_network_mode,
    host_port_mismatch,
    fargate_cpu_memory,
    fargate_log_driver,
    missing_execution_role,
}
