//! ECS013 missing-awslogs-option.

use super::Cx;
use super::helpers::fargate;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a container whose `logConfiguration` uses the `awslogs` driver without
    /// `awslogs-group` or `awslogs-region` in its `options`, or, in a task definition that
    /// requires Fargate, without `awslogs-stream-prefix`.
    ///
    /// ## Why is this bad?
    /// The ECS API reference marks `awslogs-group` and `awslogs-region` as required options of
    /// the `awslogs` driver, and `awslogs-stream-prefix` as required on Fargate (on EC2 it only
    /// names the log streams). Registrations without them have failed: a Fargate task without
    /// the group and the Region with "Log driver awslogs requires options: awslogs-region,
    /// awslogs-group", and one without the prefix with "Fargate requires log configuration
    /// options to include awslogs-stream-prefix to support log driver awslogs".
    ///
    /// A warning, not an error: a deploy step may add the options to the file before it
    /// registers it (`aws-actions/amazon-ecs-render-task-definition`'s
    /// `log-configuration-options`), and on EC2 Docker's driver can take the Region from the
    /// instance, so whether ECS refuses a definition there without it is not confirmed. An
    /// `options` written as something other than a mapping, or under a misspelt key (ECS020,
    /// ECS021 report those), is not judged.
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
    ///     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web"}}
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
    ///   "containerDefinitions": [{
    ///     "name": "web",
    ///     "image": "<IMAGE1_NAME>",
    ///     "logConfiguration": {
    ///       "logDriver": "awslogs",
    ///       "options": {
    ///         "awslogs-group": "/ecs/web",
    ///         "awslogs-region": "us-east-1",
    ///         "awslogs-stream-prefix": "web"
    ///       }
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - The `awslogs` options and which are required (ECS API reference, `LogConfiguration`): <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html>
    /// - The error a registration without the group and the Region failed with: <https://github.com/aws-cloudformation/cfn-lint/issues/1787>
    /// - The error a Fargate registration without the prefix failed with: <https://github.com/aws/aws-cdk/issues/1422>
    /// - Options added at deploy time: <https://github.com/aws-actions/amazon-ecs-render-task-definition>
    code: "ECS013", name: "missing-awslogs-option", severity: Warning
}

/// One report per container using `awslogs`, at its `options` key (at `logDriver`'s value when
/// there is none), naming the options it lacks.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let on_fargate = fargate(cx.model).is_some();
    for container in &cx.model.containers {
        let (Some(driver), Some(options)) = (&container.log_driver, &container.log_options) else {
            continue;
        };
        if driver.value != "awslogs" {
            continue;
        }
        let has = |name: &str| options.value.iter().any(|o| o == name);
        let mut missing: Vec<&str> = ["awslogs-group", "awslogs-region"]
            .into_iter()
            .filter(|o| !has(o))
            .collect();
        if on_fargate && !has("awslogs-stream-prefix") {
            missing.push("awslogs-stream-prefix");
        }
        let names = match missing.as_slice() {
            [] => continue,
            [one] => format!("the option `{one}`"),
            [init @ .., last] => format!(
                "the options {} and `{last}`",
                init.iter()
                    .map(|o| format!("`{o}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let fargate_note = if missing.contains(&"awslogs-stream-prefix") {
            " (Fargate also requires the stream prefix)"
        } else {
            ""
        };
        out.push(
            RULE.at(
                options.span,
                format!("the `awslogs` log driver lacks {names}{fargate_note}"),
            )
            .with_help(
                "write the log group and its Region in `options`, e.g. `\"awslogs-group\": \"/ecs/web\"`, `\"awslogs-region\": \"us-east-1\"`, `\"awslogs-stream-prefix\": \"web\"`, unless a deploy step adds them",
            ),
        );
    }
}
