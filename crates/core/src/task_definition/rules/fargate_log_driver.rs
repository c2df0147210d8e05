//! ECS033 fargate-log-driver.

use super::Cx;
use super::helpers::fargate;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::filled_in;

/// The log drivers of Fargate tasks.
const FARGATE_DRIVERS: [&str; 3] = ["awslogs", "splunk", "awsfirelens"];

declare_rule! {
    /// ## What it does
    /// Reports a container's `logConfiguration.logDriver` other than `awslogs`, `splunk` or
    /// `awsfirelens` in a task definition that requires Fargate (`requiresCompatibilities` names
    /// `FARGATE`).
    ///
    /// ## Why is this bad?
    /// Fargate tasks log only with those three drivers; the others (`json-file`, `fluentd`,
    /// `gelf`, `journald`, `syslog`) are for tasks on EC2 instances. ECS refuses to register the
    /// definition with a `ClientException` naming the value, as in "awsvpc is not a valid log
    /// driver. Must be one of [awslogs,splunk,awsfirelens]" (a value written in the wrong place,
    /// quoted in the issue below). To send a Fargate task's logs to Fluentd or another
    /// destination, route them with `awsfirelens` (a FireLens log router container). The three
    /// are this rule's list: if AWS gives Fargate another driver, the list must follow.
    ///
    /// Not reported: a driver filled in later (`${LOG_DRIVER}`), and one of the three written in
    /// other letter case (`AWSLOGS`), since whether ECS compares the names ignoring case is not
    /// documented. On EC2 the drivers are not a closed set (an instance may register others), so
    /// a task definition that does not require Fargate is not judged.
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
    ///     "logConfiguration": {"logDriver": "json-file", "options": {"max-size": "10m"}}
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
    /// - The log drivers of Fargate and of EC2 (ECS API reference, `LogConfiguration`): <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html>
    /// - The error ECS answers (quoted in an issue of a deployment tool): <https://github.com/kayac/ecspresso/issues/364>
    /// - FireLens, to route a Fargate task's logs elsewhere: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html>
    code: "ECS033", name: "fargate-log-driver", severity: Error
}

/// One report per container at its `logDriver`, with a label at `FARGATE`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(fargate) = fargate(cx.model) else {
        return;
    };
    for container in &cx.model.containers {
        let Some(driver) = &container.log_driver else {
            continue;
        };
        let name = driver.value.as_str();
        if filled_in(name)
            || name.trim().is_empty()
            || FARGATE_DRIVERS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(name))
        {
            continue;
        }
        out.push(
            RULE.at(
                driver.span,
                format!(
                    "Fargate tasks log only with `awslogs`, `splunk` or `awsfirelens`, not `{name}`"
                ),
            )
            .with_label(fargate.span, "the task requires Fargate here")
            .with_help(
                "write `\"logDriver\": \"awslogs\"` (CloudWatch Logs), or `awsfirelens` to route the logs to another destination",
            ),
        );
    }
}
