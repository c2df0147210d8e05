//! What several task-definition rules share.

use crate::source::Spanned;
use crate::task_definition::TaskDefinition;

/// The `FARGATE` entry of `requiresCompatibilities`, if the definition requires Fargate.
pub(crate) fn fargate(model: &TaskDefinition) -> Option<&Spanned<String>> {
    model.compatibilities.iter().find(|c| c.value == "FARGATE")
}
