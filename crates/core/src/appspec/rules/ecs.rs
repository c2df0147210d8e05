//! ECS resource properties: task definition, load balancer container port, platform version,
//! awsvpc network configuration and capacity provider strategy.

use crate::appspec::Ctx;
use crate::appspec::model::{entry_ci, get_ci};
use crate::appspec::rules::resources::{UNFILLED_PLACEHOLDER, placeholder};
use crate::appspec::schema::{CAPACITY_PROVIDER, strict_list};
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::schema::{Checker, Ty, int_value};
use crate::source::{Node, ScalarKind, Span};

declare_rule! {
    /// ## What it does
    /// Explains `TaskDefinition: <TASK_DEFINITION>`, the placeholder that CodePipeline's
    /// "Amazon ECS (Blue/Green)" deploy action replaces.
    ///
    /// ## Why is this bad?
    /// Nothing is wrong when the file is deployed by that action: it registers the task
    /// definition from `taskdef.json` and writes its ARN in place of `<TASK_DEFINITION>`. The
    /// same file deployed any other way (the console, the CLI, `aws deploy create-deployment`)
    /// still holds the placeholder and fails.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: <TASK_DEFINITION>
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Amazon ECS and CodeDeploy blue/green action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    pub static TASK_DEFINITION_PLACEHOLDER = { code: "AS055", name: "task-definition-placeholder", severity: Info };
}

declare_rule! {
    /// ## What it does
    /// Warns about a `TaskDefinition` that is not a task definition ARN with its revision
    /// (`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`), such as a bare
    /// family name or an ARN without `:<revision>`.
    ///
    /// ## Why is this bad?
    /// The reference documents `TaskDefinition` as the ARN of the task definition revision to
    /// deploy. Whether CodeDeploy resolves a family name or an ARN without revision is not
    /// documented, hence a warning; a value that a build step replaces (`sed`) is fine once
    /// replaced.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "web"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS: "It is specified with the ARN of the task definition. The ARN format is `arn:aws:ecs:aws-region:account-id:task-definition/task-definition-family:task-definition-revision`"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    pub static TASK_DEFINITION_NOT_ARN = { code: "AS056", name: "task-definition-not-arn", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `ContainerPort` that is not a port number. A port written in quotes (`"80"`)
    /// and port 0 are warnings.
    ///
    /// ## Why is this bad?
    /// `ContainerPort` is the one ECS AppSpec property documented as a number (every other one
    /// is a string); a placeholder such as `"<CONTAINER_PORT>"` or a name cannot route traffic.
    /// Whether the service also accepts digits in quotes is unconfirmed, and AWS's sample
    /// validator warns about port 0.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "version": 0.0,
    ///   "Resources": [
    ///     {"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
    ///       "TaskDefinition": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3",
    ///       "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": "<CONTAINER_PORT>"}}}}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "version": 0.0,
    ///   "Resources": [
    ///     {"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
    ///       "TaskDefinition": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3",
    ///       "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 8080}}}}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `ContainerPort`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant
    pub static INVALID_CONTAINER_PORT = { code: "AS057", name: "invalid-container-port", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an `AwsvpcConfiguration` that sets some but not all of `Subnets`,
    /// `SecurityGroups` and `AssignPublicIp`.
    ///
    /// ## Why is this bad?
    /// The reference requires all three together: leave the block out to keep the service's
    /// current network settings, or give all three.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         NetworkConfiguration:
    ///           AwsvpcConfiguration:
    ///             Subnets: ["subnet-1234abcd"]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         NetworkConfiguration:
    ///           AwsvpcConfiguration:
    ///             Subnets: ["subnet-1234abcd"]
    ///             SecurityGroups: ["sg-1234abcd"]
    ///             AssignPublicIp: "DISABLED"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `NetworkConfiguration`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    pub static INCOMPLETE_AWSVPC_CONFIGURATION = { code: "AS058", name: "incomplete-awsvpc-configuration", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an `AssignPublicIp` other than `ENABLED` or `DISABLED`.
    ///
    /// ## Why is this bad?
    /// These two words, in upper case, are the only values ECS accepts.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         NetworkConfiguration:
    ///           AwsvpcConfiguration:
    ///             Subnets: ["subnet-1234abcd"]
    ///             SecurityGroups: ["sg-1234abcd"]
    ///             AssignPublicIp: "true"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         NetworkConfiguration:
    ///           AwsvpcConfiguration:
    ///             Subnets: ["subnet-1234abcd"]
    ///             SecurityGroups: ["sg-1234abcd"]
    ///             AssignPublicIp: "ENABLED"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `AssignPublicIp`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    pub static INVALID_ASSIGN_PUBLIC_IP = { code: "AS059", name: "invalid-assign-public-ip", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `CapacityProviderStrategy` in which more than one capacity provider sets a
    /// `Base` above 0.
    ///
    /// ## Why is this bad?
    /// Only one capacity provider of a strategy can have a base (the number of tasks placed on
    /// it first); ECS rejects the strategy otherwise.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         CapacityProviderStrategy:
    ///           - CapacityProvider: "FARGATE"
    ///             Base: 1
    ///             Weight: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    ///             Base: 2
    ///             Weight: 3
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         CapacityProviderStrategy:
    ///           - CapacityProvider: "FARGATE"
    ///             Base: 1
    ///             Weight: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    ///             Weight: 3
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `CapacityProviderStrategy`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - Amazon ECS API, `CapacityProviderStrategyItem` ("Only one capacity provider in a capacity provider strategy can have a base defined")
    pub static REPEATED_CAPACITY_PROVIDER_BASE = { code: "AS060", name: "repeated-capacity-provider-base", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `CapacityProviderStrategy` with several capacity providers whose `Weight`s
    /// are all 0 or absent (the default weight is 0).
    ///
    /// ## Why is this bad?
    /// With more than one capacity provider, at least one must have a weight above 0, or no
    /// task beyond the base can be placed; ECS rejects the strategy.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         CapacityProviderStrategy:
    ///           - CapacityProvider: "FARGATE"
    ///             Base: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         CapacityProviderStrategy:
    ///           - CapacityProvider: "FARGATE"
    ///             Base: 1
    ///           - CapacityProvider: "FARGATE_SPOT"
    ///             Weight: 1
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `CapacityProviderStrategy`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - Amazon ECS API, `CapacityProviderStrategyItem` `weight`
    pub static ZERO_CAPACITY_PROVIDER_WEIGHTS = { code: "AS061", name: "zero-capacity-provider-weights", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a `PlatformVersion` that is neither `LATEST` nor a version number such as
    /// `1.4.0`.
    ///
    /// ## Why is this bad?
    /// `PlatformVersion` is the Fargate platform version of the replacement task set, written
    /// as a string. An unquoted `1.4` is read by YAML as the number 1.4, not the version
    /// `1.4.0`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         PlatformVersion: latest-ish
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    ///         PlatformVersion: "LATEST"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS), `PlatformVersion`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - AWS Fargate platform versions: <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform_versions.html>
    pub static INVALID_PLATFORM_VERSION = { code: "AS062", name: "invalid-platform-version", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns when the ECS service resource under `Resources` is not named `TargetService`.
    ///
    /// ## Why is this bad?
    /// Every ECS AppSpec in the documentation, and CodePipeline's ECS blue/green action, name
    /// the resource `TargetService`. Whether another name is accepted is not documented, hence
    /// a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - WebService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - TargetService:
    ///       Type: AWS::ECS::Service
    ///       Properties:
    ///         TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
    ///         LoadBalancerInfo:
    ///           ContainerName: "web"
    ///           ContainerPort: 80
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section (ECS): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    pub static NON_TARGET_SERVICE_NAME = { code: "AS063", name: "non-target-service-name", severity: Warning };
}

/// Whether `text` is `arn:<partition>:ecs:<region>:<account>:task-definition/<family>:<revision>`.
fn is_task_definition_arn(text: &str) -> bool {
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = parts.as_slice() else {
        return false;
    };
    let Some(rest) = resource.strip_prefix("task-definition/") else {
        return false;
    };
    let Some((family, revision)) = rest.rsplit_once(':') else {
        return false;
    };
    *arn == "arn"
        && partition.starts_with("aws")
        && *service == "ecs"
        && !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !account.is_empty()
        && account.bytes().all(|b| b.is_ascii_digit())
        && !family.is_empty()
        && family.len() <= 255
        && family
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !revision.is_empty()
        && revision.bytes().all(|b| b.is_ascii_digit())
}

/// `TaskDefinition`.
pub(crate) fn check_task_definition<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a task definition ARN");
        return;
    };
    if s.is_null() {
        return;
    }
    let text = s.text.trim();
    if text == "<TASK_DEFINITION>" {
        c.push(
            TASK_DEFINITION_PLACEHOLDER
                .at(node.span, "`<TASK_DEFINITION>` is a placeholder that CodePipeline's ECS blue/green action replaces with the new task definition's ARN")
                .with_help("deployed any other way, this file must name the task definition ARN itself"),
        );
        return;
    }
    if let Some(token) = placeholder(text) {
        c.push(
            UNFILLED_PLACEHOLDER
                .at(node.span, format!("`{token}` looks like a placeholder that was never filled in"))
                .with_help("CodePipeline's ECS blue/green action replaces only `<TASK_DEFINITION>`; write that, or the task definition's ARN"),
        );
        return;
    }
    if is_task_definition_arn(text) {
        return;
    }
    let without_revision = text.starts_with("arn:")
        && text
            .rsplit_once(":task-definition/")
            .is_some_and(|(_, rest)| !rest.contains(':'));
    let message = if without_revision {
        format!("`{text}` names no task definition revision (`:<revision>` at the end)")
    } else {
        format!("`{text}` is not a task definition ARN")
    };
    c.push(
        TASK_DEFINITION_NOT_ARN
            .at(node.span, message)
            .with_help("write the ARN of the revision to deploy: `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`"),
    );
}

/// `ContainerPort`: a number.
pub(crate) fn check_container_port<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a port number");
        return;
    };
    if s.is_null() {
        return;
    }
    let help = "write the container port as a number without quotes, such as `ContainerPort: 8080`";
    match (s.kind(), int_value(node)) {
        (ScalarKind::Int, Some(port)) if (1..=65535).contains(&port) => {}
        (ScalarKind::Int, Some(0)) => c.push(
            INVALID_CONTAINER_PORT
                .at(node.span, "`ContainerPort` is 0")
                .with_severity(Severity::Warning)
                .with_help("give the port the container listens on, as in the task definition's port mappings"),
        ),
        (ScalarKind::Str, Some(port)) if (1..=65535).contains(&port) => c.push(
            INVALID_CONTAINER_PORT
                .at(node.span, format!("`ContainerPort` is the string `\"{}\"`; it is documented as a number", s.text))
                .with_severity(Severity::Warning)
                .with_help(help)
                .with_fix(format!("write the number {port}"), node.span, port.to_string()),
        ),
        (_, Some(port)) => c.push(
            INVALID_CONTAINER_PORT
                .at(node.span, format!("`ContainerPort` {port} is not a port number (1 to 65535)"))
                .with_help(help),
        ),
        (_, None) => {
            let mut d = INVALID_CONTAINER_PORT
                .at(node.span, format!("`ContainerPort` must be a number, found {}", node.describe()))
                .with_help(help);
            if placeholder(&s.text).is_some() {
                d = d.with_help("a placeholder replaced at build time must leave a plain number: write it without quotes, or have the build step replace the quotes too");
            }
            c.push(d);
        }
    }
}

/// `PlatformVersion`: `LATEST` or `x.y.z`.
pub(crate) fn check_platform_version<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a platform version such as \"LATEST\"");
        return;
    };
    if s.is_null() {
        return;
    }
    let text = s.text.trim();
    let numbered = {
        let parts: Vec<&str> = text.split('.').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if text == "LATEST" || numbered {
        return;
    }
    let mut d = INVALID_PLATFORM_VERSION.at(
        node.span,
        format!("`{text}` is not a Fargate platform version"),
    );
    d = if matches!(s.kind(), ScalarKind::Float | ScalarKind::Int) {
        d.with_help(format!("YAML reads `{text}` as a number; write the full version in quotes, such as \"1.4.0\", or \"LATEST\""))
    } else if text.eq_ignore_ascii_case("latest") {
        d.with_help("write `LATEST` in upper case").with_fix(
            "replace with `LATEST`",
            node.span,
            "LATEST",
        )
    } else {
        d.with_help("write \"LATEST\" or a version such as \"1.4.0\"")
    };
    c.push(d);
}

/// `CapacityProviderStrategy`: a list of providers.
pub(crate) fn check_capacity_provider_strategy<'a>(
    node: &'a Node,
    _anchor: Span,
    c: &mut Checker<'a>,
) {
    strict_list(
        node,
        &Ty::Map(&CAPACITY_PROVIDER),
        "a list of capacity providers",
        c,
    );
}

fn properties(root: &Node) -> Option<&Node> {
    get_ci(root, "Resources")?
        .items()
        .first()?
        .entries()
        .first()
        .and_then(|p| get_ci(&p.value, "Properties"))
}

/// AS058 and AS060/AS061 over the ECS resource's properties.
pub(crate) fn network_and_capacity(cx: &mut Ctx<'_>) {
    let root = cx.root;
    let Some(props) = properties(root) else {
        return;
    };
    if let Some(pair) =
        get_ci(props, "NetworkConfiguration").and_then(|n| entry_ci(n, "AwsvpcConfiguration"))
        && pair.value.map().is_some_and(|m| m.complete)
    {
        let keys = ["Subnets", "SecurityGroups", "AssignPublicIp"];
        let present: Vec<&str> = keys
            .into_iter()
            .filter(|k| get_ci(&pair.value, k).is_some_and(|v| !v.is_null()))
            .collect();
        if !present.is_empty() && present.len() < keys.len() {
            let missing: Vec<String> = keys
                .into_iter()
                .filter(|k| !present.contains(k))
                .map(|k| format!("`{k}`"))
                .collect();
            cx.push(
                INCOMPLETE_AWSVPC_CONFIGURATION
                    .at(pair.key.span, format!("`AwsvpcConfiguration` lacks {}", missing.join(" and ")))
                    .with_help("give `Subnets`, `SecurityGroups` and `AssignPublicIp` together, or leave the block out to keep the service's network settings"),
            );
        }
    }
    let strategy = get_ci(props, "CapacityProviderStrategy")
        .map(Node::items)
        .unwrap_or(&[]);
    let mut base_items: Vec<&Node> = Vec::new();
    let mut any_weight = false;
    for item in strategy.iter().take(100) {
        if let Some(base) = get_ci(item, "Base")
            && int_value(base).is_some_and(|b| b > 0)
        {
            base_items.push(base);
        }
        if get_ci(item, "Weight")
            .and_then(int_value)
            .is_some_and(|w| w > 0)
        {
            any_weight = true;
        }
    }
    if let (Some(first), Some(second)) = (base_items.first(), base_items.get(1)) {
        cx.push(
            REPEATED_CAPACITY_PROVIDER_BASE
                .at(
                    second.span,
                    "a second capacity provider sets `Base`; only one may",
                )
                .with_label(first.span, "first `Base`")
                .with_help("keep `Base` on one provider and share the rest with `Weight`"),
        );
    }
    if strategy.len() > 1
        && !any_weight
        && strategy.iter().all(|i| i.map().is_some())
        && let Some(pair) = entry_ci(props, "CapacityProviderStrategy")
    {
        cx.push(
            ZERO_CAPACITY_PROVIDER_WEIGHTS
                .at(
                    pair.key.span,
                    "no capacity provider of the strategy has a `Weight` above 0",
                )
                .with_help("give at least one provider a `Weight` of 1 or more (the default is 0)"),
        );
    }
}
