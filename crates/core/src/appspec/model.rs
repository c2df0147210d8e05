//! The AppSpec as the lifecycle timeline needs it: the platform, the hooks and the deployment
//! target, read leniently from the tree (the validator reports what is wrong separately).

use super::ruby::{RubyValue, ruby_value, string_to_i};
use crate::source::{Node, Span};

/// The compute platform an AppSpec targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// EC2 instances and on-premises servers (`os:` key; YAML read by the CodeDeploy agent).
    Server,
    /// Amazon ECS blue/green (`Resources` with `Type: AWS::ECS::Service`).
    Ecs,
    /// AWS Lambda (`Resources` with `Type: AWS::Lambda::Function`).
    Lambda,
}

impl Platform {
    /// `ec2`, `ecs` or `lambda`.
    pub fn id(self) -> &'static str {
        match self {
            Platform::Server => "ec2",
            Platform::Ecs => "ecs",
            Platform::Lambda => "lambda",
        }
    }

    /// "EC2/on-premises", "ECS" or "Lambda".
    pub fn title(self) -> &'static str {
        match self {
            Platform::Server => "EC2/on-premises",
            Platform::Ecs => "ECS",
            Platform::Lambda => "Lambda",
        }
    }
}

/// How the platform was told from the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detection {
    /// The content says which platform it is for.
    Known(Platform),
    /// Nothing tells (no `os`, no `Resources`, no platform-specific key); the validator reports
    /// it once and the timeline falls back to EC2/on-premises.
    Unknown,
    /// The file is a CloudFormation or SAM template, not an AppSpec.
    Template,
}

/// The keys only an EC2/on-premises AppSpec has.
const SERVER_KEYS: [&str; 5] = [
    "os",
    "files",
    "permissions",
    "hooks",
    "file_exists_behavior",
];

/// Tells the platform from the content: `os` means EC2/on-premises; `Resources` whose `Type` is
/// `AWS::ECS::Service` or `AWS::Lambda::Function` means ECS or Lambda (properties, the
/// `TargetService` name or hook names decide when `Type` is missing or wrong); the other
/// EC2-only keys mean EC2/on-premises.
pub fn detect(root: &Node) -> Detection {
    if root.map().is_none() {
        return Detection::Unknown;
    }
    // A template has a `Resources` mapping of typed resources and no AppSpec `version`; an AppSpec
    // that wrongly writes `Resources` as a mapping keeps its `version` and is checked as one.
    if get_ci(root, "AWSTemplateFormatVersion").is_some()
        || get_ci(root, "Transform").is_some()
        || (root.get("version").is_none()
            && get_ci(root, "Resources").is_some_and(|r| {
                r.map()
                    .is_some_and(|m| m.entries.iter().any(|p| get_ci(&p.value, "Type").is_some()))
            }))
    {
        return Detection::Template;
    }
    if get_ci(root, "os").is_some() {
        return Detection::Known(Platform::Server);
    }
    if let Some(resources) = get_ci(root, "Resources") {
        return Detection::Known(service_platform(root, resources));
    }
    if SERVER_KEYS.iter().any(|k| root.get(k).is_some()) {
        return Detection::Known(Platform::Server);
    }
    if let Some(hooks) = get_ci(root, "Hooks") {
        return Detection::Known(platform_from_hooks(hooks).unwrap_or(Platform::Ecs));
    }
    Detection::Unknown
}

fn service_platform(root: &Node, resources: &Node) -> Platform {
    let mut ecs = 0;
    let mut lambda = 0;
    for item in resources.items().iter().take(100) {
        for pair in item.entries() {
            if pair
                .key_str()
                .is_some_and(|k| k.eq_ignore_ascii_case("TargetService"))
            {
                ecs += 1;
            }
            let ty = get_ci(&pair.value, "Type").and_then(Node::as_str);
            match ty.map(str::to_ascii_lowercase).as_deref() {
                Some("aws::ecs::service") => ecs += 10,
                Some("aws::lambda::function") => lambda += 10,
                _ => {}
            }
            let props = get_ci(&pair.value, "Properties");
            for key in ["TaskDefinition", "LoadBalancerInfo", "NetworkConfiguration"] {
                if props.and_then(|p| get_ci(p, key)).is_some() {
                    ecs += 2;
                }
            }
            for key in ["Alias", "CurrentVersion", "TargetVersion"] {
                if props.and_then(|p| get_ci(p, key)).is_some() {
                    lambda += 2;
                }
            }
        }
    }
    if ecs == lambda {
        let from_hooks = get_ci(root, "Hooks").and_then(platform_from_hooks);
        return from_hooks.unwrap_or(Platform::Ecs);
    }
    if ecs > lambda {
        Platform::Ecs
    } else {
        Platform::Lambda
    }
}

fn platform_from_hooks(hooks: &Node) -> Option<Platform> {
    let mut names = hooks
        .items()
        .iter()
        .take(100)
        .flat_map(|i| i.entries().iter().filter_map(|p| p.key_str()));
    let ecs_only = ["BeforeInstall", "AfterInstall", "AfterAllowTestTraffic"];
    if names.any(|n| ecs_only.iter().any(|e| e.eq_ignore_ascii_case(n))) {
        Some(Platform::Ecs)
    } else if hooks.items().is_empty() {
        None
    } else {
        Some(Platform::Lambda)
    }
}

/// The last entry of a mapping whose key equals `key` ignoring ASCII case (ECS and Lambda keys
/// are read case-insensitively here; see rule AS003).
pub(crate) fn entry_ci<'a>(node: &'a Node, key: &str) -> Option<&'a crate::source::Pair> {
    node.entries()
        .iter()
        .rev()
        .find(|p| p.key_str().is_some_and(|k| k.eq_ignore_ascii_case(key)))
}

/// The value of [`entry_ci`].
pub(crate) fn get_ci<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    entry_ci(node, key).map(|p| &p.value)
}

/// The default script timeout of the agent, in seconds.
pub const DEFAULT_TIMEOUT: u32 = 3600;

/// One script of an EC2/on-premises hook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Script {
    /// `location`, relative to the bundle root.
    pub location: String,
    /// The timeout the agent applies, in seconds (3600 when absent).
    pub timeout: u32,
    /// `runas`, when given.
    pub runas: Option<String>,
    /// The script's entry in the file.
    pub span: Span,
}

/// What a hook runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HookAction {
    /// EC2/on-premises: scripts run by the agent, in order.
    Scripts(Vec<Script>),
    /// ECS and Lambda: a Lambda function invoked by CodeDeploy.
    Function(String),
}

/// One entry of `hooks` (EC2/on-premises) or `Hooks` (ECS, Lambda).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hook {
    /// The lifecycle event name as written; for ECS and Lambda, a known event written in
    /// another case is given in its documented spelling (`beforeinstall` is `BeforeInstall`).
    pub event: String,
    /// The event's key in the file.
    pub span: Span,
    /// The scripts or the function.
    pub action: HookAction,
}

/// The Lambda function an AppSpec shifts traffic for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LambdaTarget {
    /// `Name`.
    pub name: Option<String>,
    /// `Alias`.
    pub alias: Option<String>,
    /// `CurrentVersion`.
    pub current_version: Option<String>,
    /// `TargetVersion`.
    pub target_version: Option<String>,
}

/// The ECS service an AppSpec deploys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EcsTarget {
    /// `TaskDefinition`.
    pub task_definition: Option<String>,
    /// `LoadBalancerInfo.ContainerName`.
    pub container_name: Option<String>,
    /// `LoadBalancerInfo.ContainerPort`, as written.
    pub container_port: Option<String>,
}

/// An AppSpec read leniently (missing or malformed parts are left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppSpec {
    /// The platform (EC2/on-premises when nothing tells).
    pub platform: Platform,
    /// How the platform was told.
    pub detection: Detection,
    /// `os` (EC2/on-premises).
    pub os: Option<String>,
    /// The hooks in file order.
    pub hooks: Vec<Hook>,
    /// The Lambda target (Lambda AppSpecs).
    pub lambda: LambdaTarget,
    /// The ECS target (ECS AppSpecs).
    pub ecs: EcsTarget,
}

impl AppSpec {
    /// Reads the AppSpec in `root`.
    pub fn read(root: &Node) -> AppSpec {
        let detection = detect(root);
        let platform = match detection {
            Detection::Known(p) => p,
            Detection::Unknown | Detection::Template => Platform::Server,
        };
        let mut spec = AppSpec {
            platform,
            detection,
            os: root.get("os").and_then(Node::as_str).map(str::to_string),
            hooks: Vec::new(),
            lambda: LambdaTarget::default(),
            ecs: EcsTarget::default(),
        };
        match platform {
            Platform::Server => spec.hooks = server_hooks(root),
            Platform::Ecs | Platform::Lambda => {
                spec.hooks = service_hooks(root);
                let props = get_ci(root, "Resources")
                    .and_then(|r| r.items().first())
                    .and_then(|item| item.entries().first())
                    .and_then(|p| get_ci(&p.value, "Properties"));
                let text = |node: Option<&Node>, key: &str| {
                    node.and_then(|n| get_ci(n, key))
                        .and_then(Node::as_str)
                        .map(str::to_string)
                };
                spec.lambda = LambdaTarget {
                    name: text(props, "Name"),
                    alias: text(props, "Alias"),
                    current_version: text(props, "CurrentVersion"),
                    target_version: text(props, "TargetVersion"),
                };
                let lb = props.and_then(|p| get_ci(p, "LoadBalancerInfo"));
                spec.ecs = EcsTarget {
                    task_definition: text(props, "TaskDefinition"),
                    container_name: text(lb, "ContainerName"),
                    container_port: text(lb, "ContainerPort"),
                };
            }
        }
        spec
    }

    /// The hook for `event`, if the file has one (the last one when repeated).
    pub fn hook(&self, event: &str) -> Option<&Hook> {
        self.hooks.iter().rev().find(|h| h.event == event)
    }
}

fn server_hooks(root: &Node) -> Vec<Hook> {
    let mut hooks = Vec::new();
    for pair in root.get("hooks").map(Node::entries).unwrap_or(&[]) {
        let Some(event) = pair.key_str() else {
            continue;
        };
        let scripts = pair
            .value
            .items()
            .iter()
            .filter_map(|item| {
                let location = item.get("location").and_then(Node::as_str)?;
                Some(Script {
                    location: location.trim().to_string(),
                    timeout: item
                        .get("timeout")
                        .map_or(DEFAULT_TIMEOUT, effective_timeout),
                    runas: item
                        .get("runas")
                        .and_then(Node::as_str)
                        .map(|s| s.trim().to_string()),
                    span: item.span,
                })
            })
            .collect();
        hooks.push(Hook {
            event: event.to_string(),
            span: pair.key.span,
            action: HookAction::Scripts(scripts),
        });
    }
    hooks
}

fn service_hooks(root: &Node) -> Vec<Hook> {
    let mut hooks = Vec::new();
    for item in get_ci(root, "Hooks").map(Node::items).unwrap_or(&[]) {
        for pair in item.entries() {
            let (Some(event), Some(function)) = (pair.key_str(), pair.value.as_str()) else {
                continue;
            };
            // ECS and Lambda event names are read ignoring case (rule AS003).
            let event = super::events::service_event(event).unwrap_or(event);
            hooks.push(Hook {
                event: event.to_string(),
                span: pair.key.span,
                action: HookAction::Function(function.to_string()),
            });
        }
    }
    hooks
}

/// The timeout the agent applies for a `timeout` value: `(value || 3600).to_i`, or `None` when
/// the agent would reject it (zero, negative, or a value without `to_i`).
pub(crate) fn agent_timeout(node: &Node) -> Option<i64> {
    match ruby_value(node)? {
        RubyValue::Nil | RubyValue::Bool(false) => Some(i64::from(DEFAULT_TIMEOUT)),
        RubyValue::Bool(true) => None,
        RubyValue::Int(i) => Some(i),
        RubyValue::Float(f) if f.is_finite() => Some(f.trunc() as i64),
        RubyValue::Float(_) => None,
        RubyValue::Str(t) => Some(string_to_i(&t)),
    }
    .filter(|v| *v > 0)
}

fn effective_timeout(node: &Node) -> u32 {
    agent_timeout(node).map_or(DEFAULT_TIMEOUT, |v| u32::try_from(v).unwrap_or(u32::MAX))
}
