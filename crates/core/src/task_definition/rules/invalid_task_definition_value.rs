//! ECS022 invalid-task-definition-value.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value outside the closed set the ECS API defines for it: `networkMode`
    /// (`awsvpc`, `bridge`, `host`, `none`), the launch types of `requiresCompatibilities`
    /// (`EC2`, `FARGATE`, `EXTERNAL`, `MANAGED_INSTANCES`), a port mapping's `protocol` (`tcp`,
    /// `udp`) and `appProtocol` (`http`, `http2`, `grpc`), `pidMode` (`host`, `task`) and
    /// `ipcMode` (`host`, `task`, `none`). Values are compared as written: the API spells them
    /// this way. Where the value is close to one of them, the fix writes that one.
    ///
    /// ## Why is this bad?
    /// The value does not mean what it says. What ECS does with it varies and is not documented
    /// as a rule: the console refuses "Valid values for portMapping protocol are tcp and udp",
    /// while the API has been seen to register `"protocol": "http"` as `tcp`; a launch type in
    /// other letters (`"fargate"`) also escapes the checks this playground makes for Fargate
    /// (ECS030, ECS032, ECS033). Hence a warning. A value filled in later (`${NETWORK_MODE}`)
    /// is not judged.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "requiresCompatibilities": ["fargate"],
    ///   "networkMode": "awsvpc",
    ///   "cpu": "256",
    ///   "memory": "512",
    ///   "containerDefinitions": [{
    ///     "name": "web",
    ///     "image": "<IMAGE1_NAME>",
    ///     "portMappings": [{"containerPort": 80, "protocol": "http"}]
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
    ///     "portMappings": [{"containerPort": 80, "protocol": "tcp", "appProtocol": "http"}]
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - The task definition's fields and their values (ECS API reference): <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>
    /// - A port mapping's `protocol` and `appProtocol`: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html>
    /// - `"protocol": "http"` registered as `tcp` by the API, refused by the console: <https://github.com/hashicorp/terraform-provider-aws/issues/3645>
    code: "ECS022", name: "invalid-task-definition-value", severity: Warning
}

/// Reports the values the schema walk found outside their closed sets.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
}
