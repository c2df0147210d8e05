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
    /// On Fargate, the task execution role is what lets ECS's agent send the containers' logs to
    /// CloudWatch Logs: ECS's guide lists "sends container logs to CloudWatch Logs using the
    /// awslogs log driver" among the uses that require it (on Fargate, on ECS Managed Instances
    /// and on external instances). ECS refuses to register a Fargate definition without one:
    /// "Fargate requires task definition to have execution role ARN to support log driver
    /// awslogs." (a `ClientException` of `RegisterTaskDefinition`). The role is usually named
    /// `ecsTaskExecutionRole`, with the managed policy `AmazonECSTaskExecutionRolePolicy`.
    ///
    /// A warning, not an error: a deploy step may set the role before it registers the file
    /// (`aws-actions/amazon-ecs-render-task-definition`'s `execution-role-arn`, from v1.9.0).
    /// Not reported: any value of `executionRoleArn` (also one filled in later), and a
    /// definition that does not require Fargate. On EC2 the instance's role can write the logs;
    /// Managed Instances and external instances need the role too, but their definitions do not
    /// name `FARGATE`, and this rule does not judge them.
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
    /// - The render action's `execution-role-arn`: <https://github.com/aws-actions/amazon-ecs-render-task-definition>
    code: "ECS034", name: "missing-execution-role", severity: Warning
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
            "add `\"executionRoleArn\": \"arn:aws:iam::<account>:role/ecsTaskExecutionRole\"` (managed policy AmazonECSTaskExecutionRolePolicy), unless a deploy step sets it",
        ),
    );
}
