//! ECS034 missing-execution-role.

use super::Cx;
use super::helpers::fargate;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a task definition that requires Fargate, has a container logging with the
    /// `awslogs` driver, and has no `executionRoleArn`.
    ///
    /// ## Why is this bad?
    /// On Fargate, the task execution role is what sends the containers' logs to CloudWatch
    /// Logs: ECS's guide lists "sends container logs to CloudWatch Logs using the awslogs log
    /// driver" among the uses that require it. ECS refuses to register the definition without
    /// one: "Fargate requires task definition to have execution role ARN to support log driver
    /// awslogs." (a `ClientException`). The deploy actions (`amazon-ecs-render-task-definition`,
    /// `amazon-ecs-deploy-task-definition`) do not add a role. The role is usually named
    /// `ecsTaskExecutionRole`, with the managed policy `AmazonECSTaskExecutionRolePolicy`.
    ///
    /// Not reported: a definition that does not require Fargate (on EC2 the instance's role can
    /// write the logs), and any value of `executionRoleArn`, also one filled in later.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "requiresCompatibilities": ["FARGATE"],
    ///   "networkMode": "awsvpc",
    ///   "cpu": "256",
    ///   "memory": "512",
    ///   "containerDefinitions": [{
    ///     "name": "web",
    ///     "image": "<IMAGE1_NAME>",
    ///     "logConfiguration": {
    ///       "logDriver": "awslogs",
    ///       "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}
    ///     }
    ///   }]
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
    ///   "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    ///   "containerDefinitions": [{
    ///     "name": "web",
    ///     "image": "<IMAGE1_NAME>",
    ///     "logConfiguration": {
    ///       "logDriver": "awslogs",
    ///       "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - When the task execution role is required: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html>
    /// - The error ECS answers (quoted in an issue): <https://github.com/virtual-kubelet/virtual-kubelet/issues/193>
    code: "ECS034", name: "missing-execution-role", severity: Error
}

/// One report at the first `awslogs` driver, with a label at `FARGATE`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.has_execution_role {
        return;
    }
    let Some(fargate) = fargate(cx.model) else {
        return;
    };
    let Some(driver) = cx
        .model
        .containers
        .iter()
        .filter_map(|c| c.log_driver.as_ref())
        .find(|d| d.value == "awslogs")
    else {
        return;
    };
    out.push(
        RULE.at(
            driver.span,
            "Fargate tasks that log with `awslogs` need an `executionRoleArn`, and this task definition has none",
        )
        .with_label(fargate.span, "the task requires Fargate here")
        .with_help(
            "add `\"executionRoleArn\": \"arn:aws:iam::<account>:role/ecsTaskExecutionRole\"`: the role ECS writes the logs with (managed policy AmazonECSTaskExecutionRolePolicy)",
        ),
    );
}
