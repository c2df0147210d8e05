//! The AppSpec model: what the file says, lowered once from the tree and shared by the `AS`
//! rules and the lifecycle simulator. The platform is told once ([`detect`]), hook names are
//! resolved once (exactly for EC2/on-premises, ignoring case for ECS and Lambda), and every
//! hook, script and target property keeps its span. Lowering is lenient: what is missing or
//! malformed is left out or marked, and the rules say what is wrong.

use super::events;
use super::ruby::{RubyValue, ruby_value, string_to_i};
use crate::source::{Node, Pair, Span};

/// The compute platform an AppSpec targets (CodeDeploy's `computePlatform`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Platform {
    /// EC2 instances and on-premises servers (`os:` key; YAML read by the CodeDeploy agent).
    /// AWS calls this platform `Server` (see [`Platform::aws_name`]).
    Ec2,
    /// Amazon ECS blue/green (`Resources` with `Type: AWS::ECS::Service`).
    Ecs,
    /// AWS Lambda (`Resources` with `Type: AWS::Lambda::Function`).
    Lambda,
}

impl Platform {
    /// `ec2`, `ecs` or `lambda`.
    pub fn id(self) -> &'static str {
        match self {
            Platform::Ec2 => "ec2",
            Platform::Ecs => "ecs",
            Platform::Lambda => "lambda",
        }
    }

    /// "EC2/on-premises", "ECS" or "Lambda".
    pub fn title(self) -> &'static str {
        match self {
            Platform::Ec2 => "EC2/on-premises",
            Platform::Ecs => "ECS",
            Platform::Lambda => "Lambda",
        }
    }

    /// CodeDeploy's name of the platform (`computePlatform` in its API and console): `Server`,
    /// `ECS` or `Lambda`.
    pub fn aws_name(self) -> &'static str {
        match self {
            Platform::Ec2 => "Server",
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
const EC2_KEYS: [&str; 5] = [
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
        return Detection::Known(Platform::Ec2);
    }
    if let Some(resources) = get_ci(root, "Resources") {
        return Detection::Known(service_platform(root, resources));
    }
    if EC2_KEYS.iter().any(|k| root.get(k).is_some()) {
        return Detection::Known(Platform::Ec2);
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
pub(crate) fn entry_ci<'a>(node: &'a Node, key: &str) -> Option<&'a Pair> {
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

/// A script's `timeout` as the agent reads it (`(value || 3600).to_i`, which must be above 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeout {
    /// No `timeout`: the agent's default of [`DEFAULT_TIMEOUT`] seconds.
    Default,
    /// The number of seconds the agent reads (above 0).
    Seconds(i64),
    /// A value the agent rejects: zero, negative, or without `to_i` (rule AS043).
    Rejected,
}

impl Timeout {
    /// The seconds the timeline gives the script: the agent's default when the file sets none,
    /// or one the agent rejects.
    pub fn seconds(self) -> u32 {
        match self {
            Timeout::Seconds(v) => u32::try_from(v).unwrap_or(u32::MAX),
            Timeout::Default | Timeout::Rejected => DEFAULT_TIMEOUT,
        }
    }
}

/// One script entry (a mapping) of an EC2/on-premises hook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Script {
    /// The entry's position in the event's list.
    pub index: usize,
    /// `location`, relative to the bundle root (trimmed); `None` when the entry has none.
    pub location: Option<String>,
    /// `timeout`, as the agent reads it.
    pub timeout: Timeout,
    /// `runas`, when given.
    pub runas: Option<String>,
    /// The keys with a value that only the Linux agent reads (`runas`, `sudo`), with the key's
    /// span: the Windows agent ignores them (rule AS045).
    pub linux_only: Vec<(&'static str, Span)>,
    /// The script's entry in the file.
    pub span: Span,
}

/// What a hook runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HookAction {
    /// EC2/on-premises: the script entries the agent runs, in order (none when the event's value
    /// is not a list of mappings).
    Scripts(Vec<Script>),
    /// EC2/on-premises: nothing after the event name (null), which runs nothing (rule AS046).
    NoScripts,
    /// EC2/on-premises: an empty list of scripts (`[]`), which runs nothing (rule AS046).
    EmptyScripts,
    /// ECS and Lambda: a Lambda function invoked by CodeDeploy, by name as written (possibly
    /// empty, rule AS047).
    Function(String),
    /// ECS and Lambda: an entry whose value is no function name (null, a list, a mapping):
    /// nothing is invoked (rule AS047).
    NoFunction,
}

/// One entry of `hooks` (EC2/on-premises) or of an item of `Hooks` (ECS, Lambda).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hook {
    /// The lifecycle event name as written.
    pub name: String,
    /// The lifecycle event the name denotes, in its documented spelling: for EC2/on-premises an
    /// event of that platform written exactly (the agent matches names exactly); for ECS and
    /// Lambda an event of either written in any case (the service reads keys ignoring case, rule
    /// AS003). `None` when the name is no such event.
    pub event: Option<&'static str>,
    /// The event's key in the file.
    pub span: Span,
    /// EC2/on-premises: the entry's position in `hooks`; ECS and Lambda: the position of the
    /// `Hooks` item holding it (an item should name one event).
    pub index: usize,
    /// The scripts or the function.
    pub action: HookAction,
}

impl Hook {
    /// The event for display: its documented spelling when the name denotes one, the name as
    /// written otherwise.
    pub fn event_or_name(&self) -> &str {
        self.event.unwrap_or(&self.name)
    }

    /// The event of `platform` (hookable or reserved) this hook names; an ECS event named in a
    /// Lambda AppSpec is none.
    pub fn event_of(&self, platform: Platform) -> Option<&'static str> {
        self.event.filter(|e| events::is_event(platform, e))
    }

    /// Whether the entry is a hook of its event: every EC2/on-premises entry (one listed
    /// without scripts still stands for the event, running nothing), and the ECS and Lambda
    /// entries that name a function. An entry that names no function is no hook: the rules
    /// report it (AS047) and the timeline leaves it out.
    pub fn has_action(&self) -> bool {
        !matches!(self.action, HookAction::NoFunction)
    }
}

/// A property of the deployment target as written, when it has a value (not null).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// The text of a scalar value; `None` for a list or a mapping.
    pub text: Option<String>,
    /// The value's span.
    pub span: Span,
}

/// The text of a property, when it has one.
fn text_of(property: Option<&Property>) -> Option<&str> {
    property.and_then(|p| p.text.as_deref())
}

/// The Lambda function an AppSpec shifts traffic for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LambdaTarget {
    /// `Name`.
    pub name: Option<Property>,
    /// `Alias`.
    pub alias: Option<Property>,
    /// `CurrentVersion`.
    pub current_version: Option<Property>,
    /// `TargetVersion`.
    pub target_version: Option<Property>,
}

impl LambdaTarget {
    /// The text of `Alias`.
    pub fn alias(&self) -> Option<&str> {
        text_of(self.alias.as_ref())
    }

    /// The text of `CurrentVersion`.
    pub fn current_version(&self) -> Option<&str> {
        text_of(self.current_version.as_ref())
    }

    /// The text of `TargetVersion`.
    pub fn target_version(&self) -> Option<&str> {
        text_of(self.target_version.as_ref())
    }
}

/// The ECS service an AppSpec deploys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EcsTarget {
    /// `TaskDefinition`.
    pub task_definition: Option<Property>,
    /// `LoadBalancerInfo.ContainerName`.
    pub container_name: Option<Property>,
    /// `LoadBalancerInfo.ContainerPort`, as written.
    pub container_port: Option<Property>,
}

impl EcsTarget {
    /// The text of `TaskDefinition`.
    pub fn task_definition(&self) -> Option<&str> {
        text_of(self.task_definition.as_ref())
    }

    /// The text of `LoadBalancerInfo.ContainerName`.
    pub fn container_name(&self) -> Option<&str> {
        text_of(self.container_name.as_ref())
    }

    /// The text of `LoadBalancerInfo.ContainerPort`.
    pub fn container_port(&self) -> Option<&str> {
        text_of(self.container_port.as_ref())
    }
}

/// The resource an ECS or Lambda AppSpec deploys: the first entry of `Resources`, read as
/// either platform's target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// The logical name (the key above `Type`; `?` when it is not text).
    pub name: String,
    /// The `Properties` key, when the resource has one.
    pub properties: Option<Span>,
    /// Whether `Properties` is a mapping that no syntax error cut short (only then can a
    /// property be missing).
    pub complete: bool,
    /// The properties as a Lambda function's.
    pub lambda: LambdaTarget,
    /// The properties as an ECS service's.
    pub ecs: EcsTarget,
}

/// An AppSpec, lowered leniently (missing or malformed parts are left out or marked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppSpec {
    /// The platform (EC2/on-premises when nothing tells, or for a template).
    pub platform: Platform,
    /// How the platform was told.
    pub detection: Detection,
    /// `os` (EC2/on-premises).
    pub os: Option<String>,
    /// The hooks in file order.
    pub hooks: Vec<Hook>,
    /// The resource (ECS and Lambda AppSpecs), boxed because most AppSpecs have none.
    pub resource: Option<Box<Resource>>,
}

impl AppSpec {
    /// The platform, when the content tells it ([`Detection::Known`]): the platform-specific
    /// rules check only such files.
    pub fn known_platform(&self) -> Option<Platform> {
        match self.detection {
            Detection::Known(p) => Some(p),
            Detection::Unknown | Detection::Template => None,
        }
    }

    /// The Lambda function the first resource describes, if any.
    pub fn lambda(&self) -> Option<&LambdaTarget> {
        self.resource.as_deref().map(|r| &r.lambda)
    }

    /// The ECS service the first resource describes, if any.
    pub fn ecs(&self) -> Option<&EcsTarget> {
        self.resource.as_deref().map(|r| &r.ecs)
    }

    /// Whether the AppSpec is for Windows instances (`os: windows`).
    pub fn windows(&self) -> bool {
        self.os.as_deref() == Some("windows")
    }

    /// The hook the platform runs for `event`, if the file has one (the last one when
    /// repeated); entries that name no function are not hooks.
    pub fn hook(&self, event: &str) -> Option<&Hook> {
        self.hooks
            .iter()
            .rev()
            .find(|h| h.event == Some(event) && h.has_action())
    }
}

/// Lowers the document `root` into an AppSpec.
pub(crate) fn lower(root: &Node) -> AppSpec {
    let detection = detect(root);
    let platform = match detection {
        Detection::Known(p) => p,
        Detection::Unknown | Detection::Template => Platform::Ec2,
    };
    let mut spec = AppSpec {
        platform,
        detection,
        os: root.get("os").and_then(Node::as_str).map(str::to_string),
        hooks: Vec::new(),
        resource: None,
    };
    match platform {
        Platform::Ec2 => spec.hooks = ec2_hooks(root),
        Platform::Ecs | Platform::Lambda => {
            spec.hooks = service_hooks(root);
            let first = get_ci(root, "Resources")
                .and_then(|r| r.items().first())
                .and_then(|item| item.entries().first());
            spec.resource = first.map(|p| Box::new(resource(p)));
        }
    }
    spec
}

/// The first resource, `first`, read as a Lambda function and as an ECS service.
fn resource(first: &Pair) -> Resource {
    let props_pair = entry_ci(&first.value, "Properties");
    let props = props_pair.map(|pp| &pp.value);
    let lb = props.and_then(|p| get_ci(p, "LoadBalancerInfo"));
    Resource {
        name: first.key_str().unwrap_or("?").to_string(),
        properties: props_pair.map(|pp| pp.key.span),
        complete: props.is_some_and(|p| p.map().is_some_and(|m| m.complete)),
        lambda: LambdaTarget {
            name: property(props, "Name"),
            alias: property(props, "Alias"),
            current_version: property(props, "CurrentVersion"),
            target_version: property(props, "TargetVersion"),
        },
        ecs: EcsTarget {
            task_definition: property(props, "TaskDefinition"),
            container_name: property(lb, "ContainerName"),
            container_port: property(lb, "ContainerPort"),
        },
    }
}

/// The non-null value of `key` (matched ignoring case) in `node`.
fn property(node: Option<&Node>, key: &str) -> Option<Property> {
    let value = get_ci(node?, key).filter(|v| !v.is_null())?;
    Some(Property {
        text: value.as_str().map(str::to_string),
        span: value.span,
    })
}

fn ec2_hooks(root: &Node) -> Vec<Hook> {
    let mut hooks = Vec::new();
    for (index, pair) in root
        .get("hooks")
        .map(Node::entries)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let Some(name) = pair.key_str() else {
            continue;
        };
        let action = if pair.value.is_null() {
            HookAction::NoScripts
        } else if pair
            .value
            .seq()
            .is_some_and(|s| s.items.is_empty() && s.complete)
        {
            HookAction::EmptyScripts
        } else {
            HookAction::Scripts(scripts(&pair.value))
        };
        hooks.push(Hook {
            name: name.to_string(),
            // The agent matches EC2/on-premises event names exactly.
            event: events::known_exactly(Platform::Ec2, name),
            span: pair.key.span,
            index,
            action,
        });
    }
    hooks
}

fn scripts(list: &Node) -> Vec<Script> {
    list.items()
        .iter()
        .enumerate()
        .filter(|(_, item)| item.map().is_some())
        .map(|(index, item)| Script {
            index,
            location: item
                .get("location")
                .and_then(Node::as_str)
                .map(|s| s.trim().to_string()),
            timeout: match item.get("timeout") {
                None => Timeout::Default,
                Some(t) => agent_timeout(t).map_or(Timeout::Rejected, Timeout::Seconds),
            },
            runas: item
                .get("runas")
                .and_then(Node::as_str)
                .map(|s| s.trim().to_string()),
            linux_only: ["runas", "sudo"]
                .into_iter()
                .filter_map(|key| {
                    let pair = item.entry(key).filter(|p| !p.value.is_null())?;
                    Some((key, pair.key.span))
                })
                .collect(),
            span: item.span,
        })
        .collect()
}

fn service_hooks(root: &Node) -> Vec<Hook> {
    let mut hooks = Vec::new();
    for (index, item) in get_ci(root, "Hooks")
        .map(Node::items)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        for pair in item.entries() {
            let Some(name) = pair.key_str() else {
                continue;
            };
            let action = match pair.value.as_str() {
                Some(function) => HookAction::Function(function.to_string()),
                None => HookAction::NoFunction,
            };
            hooks.push(Hook {
                name: name.to_string(),
                // ECS and Lambda event names are read ignoring case (rule AS003).
                event: events::service_event(name),
                span: pair.key.span,
                index,
                action,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lowered(text: &str) -> AppSpec {
        lower(&crate::source::parse_yaml(text, &Default::default()).root)
    }

    #[test]
    fn platforms_have_codedeploys_names() {
        assert_eq!(Platform::Ec2.aws_name(), "Server");
        assert_eq!(Platform::Ec2.id(), "ec2");
        assert_eq!(Platform::Ecs.aws_name(), "ECS");
        assert_eq!(Platform::Lambda.aws_name(), "Lambda");
    }

    #[test]
    fn hook_names_are_resolved_once_per_reader() {
        // ECS and Lambda names are read ignoring case; an ECS event is none of Lambda's.
        let lambda = lowered(
            "version: 0.0\nResources:\n  - f:\n      Type: AWS::Lambda::Function\nHooks:\n  - beforeallowtraffic: a\n  - beforeinstall: b\n  - AfterAllowTraffic: [c]\n",
        );
        assert_eq!(lambda.platform, Platform::Lambda);
        let events: Vec<_> = lambda.hooks.iter().map(|h| h.event).collect();
        assert_eq!(
            events,
            [
                Some("BeforeAllowTraffic"),
                Some("BeforeInstall"),
                Some("AfterAllowTraffic")
            ]
        );
        assert_eq!(lambda.hooks[1].event_of(Platform::Lambda), None);
        // An entry that names no function is kept for the rules, but is no hook.
        assert_eq!(lambda.hooks[2].action, HookAction::NoFunction);
        assert!(lambda.hook("AfterAllowTraffic").is_none());
        assert_eq!(lambda.hooks[2].index, 2);
        // The agent reads EC2/on-premises names exactly.
        let ec2 = lowered(
            "version: 0.0\nos: linux\nhooks:\n  beforeinstall:\n  Install: []\n  AfterInstall:\n    - location: a.sh\n      timeout: 0\n      runas: x\n",
        );
        let events: Vec<_> = ec2.hooks.iter().map(|h| h.event).collect();
        assert_eq!(events, [None, Some("Install"), Some("AfterInstall")]);
        assert_eq!(ec2.hooks[0].action, HookAction::NoScripts);
        assert_eq!(ec2.hooks[1].action, HookAction::EmptyScripts);
        let HookAction::Scripts(scripts) = &ec2.hooks[2].action else {
            panic!("{:?}", ec2.hooks[2].action)
        };
        assert_eq!(scripts[0].timeout, Timeout::Rejected);
        assert_eq!(scripts[0].timeout.seconds(), DEFAULT_TIMEOUT);
        assert_eq!(scripts[0].linux_only.len(), 1);
    }

    #[test]
    fn the_first_resource_is_read_with_spans() {
        let spec = lowered(
            "version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Alias: live\n        CurrentVersion: \"1\"\n        TargetVersion: [2]\n",
        );
        let resource = spec.resource.as_deref().expect("a resource");
        assert_eq!(resource.name, "fn");
        assert!(resource.complete && resource.properties.is_some());
        let lambda = spec.lambda().expect("a Lambda target");
        assert_eq!(lambda.alias(), Some("live"));
        assert_eq!(lambda.current_version(), Some("1"));
        // A value that is not text is present, without text.
        assert!(lambda.target_version.is_some());
        assert_eq!(lambda.target_version(), None);
    }
}
