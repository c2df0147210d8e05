//! ECS030 fargate-network-mode.

use super::Cx;
use super::helpers::fargate;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a task definition that requires Fargate (`requiresCompatibilities` names
    /// `FARGATE`) and writes a `networkMode` other than `awsvpc`.
    ///
    /// ## Why is this bad?
    /// Fargate tasks only run with the `awsvpc` network mode: ECS refuses to register the
    /// definition ("Fargate only supports network mode 'awsvpc'.", a `ClientException`). A
    /// definition written for EC2 (`bridge`) and then given `FARGATE` is the usual cause. A
    /// definition without `networkMode` is not reported: what ECS does then for Fargate is not
    /// in the reference.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "requiresCompatibilities": ["FARGATE"],
    ///   "networkMode": "bridge",
    ///   "cpu": "256",
    ///   "memory": "512",
    ///   "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>"}]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "requiresCompatibilities": ["FARGATE"],
    ///   "networkMode": "awsvpc",
    ///   "cpu": "256",
    ///   "memory": "512",
    ///   "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>"}]
    /// }
    /// ```
    ///
    /// ## References
    /// - Task definition parameters for Fargate, network mode: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode>
    /// - The error ECS answers: <https://github.com/aws/amazon-ecs-cli/issues/1145>
    code: "ECS030", name: "fargate-network-mode", severity: Error
}

/// One report at `networkMode`, with a label at `FARGATE`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(fargate) = fargate(cx.model) else {
        return;
    };
    let Some(mode) = &cx.model.network_mode else {
        return;
    };
    // Only the other modes ECS knows: a value filled in later (`${NETWORK_MODE}`) is not judged.
    if !matches!(mode.value.as_str(), "bridge" | "host" | "none") {
        return;
    }
    out.push(
        RULE.at(
            mode.span,
            format!("Fargate tasks run only with `networkMode` `awsvpc`, not `{}`", mode.value),
        )
        .with_label(fargate.span, "the task requires Fargate here")
        .with_help("write `\"networkMode\": \"awsvpc\"` (each task then gets its own network interface)"),
    );
}
