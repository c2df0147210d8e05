//! The task definition as the rules and the relations need it: the family and the containers
//! (name, image, container ports), each with its span. Lenient: what cannot be read is left out.

use super::schema::LOG_CONFIGURATION;
use crate::schema::misspelling;
use crate::source::tree::ScalarKind;
use crate::source::{Node, Span, Spanned};

/// A lowered task definition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskDefinition {
    /// The mapping that holds the definition (the root, or `taskDefinition`'s value).
    pub span: Span,
    /// Whether the file is `describe-task-definition` output (`{"taskDefinition": …}`).
    pub described: bool,
    /// Whether the file reads as a task definition at all (a mapping).
    pub readable: bool,
    /// `family`, when it is a string.
    pub family: Option<Spanned<String>>,
    /// Whether `family` is present (with any value).
    pub has_family: bool,
    /// The `containerDefinitions` key, when present.
    pub containers_key: Option<Span>,
    /// The containers, in order.
    pub containers: Vec<Container>,
    /// `networkMode` as written (a string).
    pub network_mode: Option<Spanned<String>>,
    /// `requiresCompatibilities` as written (`FARGATE`, `EC2`, …).
    pub compatibilities: Vec<Spanned<String>>,
    /// The task-level `cpu`, as written (CPU units, or a string such as `1 vCPU`).
    pub cpu: Option<Spanned<String>>,
    /// The task-level `memory`, as written (MiB, or a string such as `2 GB`).
    pub memory: Option<Spanned<String>>,
    /// Whether `executionRoleArn` is present (with any value).
    pub has_execution_role: bool,
}

impl TaskDefinition {
    /// The containers named `name`.
    pub fn container(&self, name: &str) -> Option<&Container> {
        self.containers.iter().find(|c| c.name() == Some(name))
    }

    /// The literal container names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.containers.iter().filter_map(Container::name).collect()
    }
}

/// One container definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    /// The container's mapping.
    pub span: Span,
    /// `name`, when it is a scalar (its text, its span).
    pub name: Option<Spanned<String>>,
    /// `image`, when it is a scalar.
    pub image: Option<Spanned<String>>,
    /// `portMappings`.
    pub ports: Vec<PortMapping>,
    /// Whether `portMappings` is present but not fully readable (a value other than a list of
    /// mappings with numeric `containerPort`s): then a port's absence is no finding.
    pub ports_partial: bool,
    /// `essential` when written as a boolean (`true` when absent, as ECS defaults it).
    pub essential: Option<Spanned<bool>>,
    /// `logConfiguration.logDriver`, when it is a string.
    pub log_driver: Option<Spanned<String>>,
    /// The option names of `logConfiguration.options` with the span of its key, or no names at
    /// the span of `logDriver`'s value when there is no `options`; `None` without a
    /// `logConfiguration`, when `options` is not a mapping, or when it is misspelt.
    pub log_options: Option<Spanned<Vec<String>>>,
}

impl Container {
    /// The name's text.
    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().map(|n| n.value.as_str())
    }

    /// The mapping of container port `port`.
    pub fn port(&self, port: i64) -> Option<&PortMapping> {
        self.ports.iter().find(|p| p.container_port == Some(port))
    }
}

/// One port mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortMapping {
    /// The mapping.
    pub span: Span,
    /// `containerPort`, when it is an integer.
    pub container_port: Option<i64>,
    /// The span of `containerPort`'s value (the mapping's when absent).
    pub port_span: Span,
    /// `hostPort` when written as a number, and its span.
    pub host_port: Option<Spanned<i64>>,
}

/// Lowers the tree.
pub(crate) fn lower(root: &Node) -> TaskDefinition {
    let (body, described) = match root.get("taskDefinition") {
        Some(inner) if inner.map().is_some() => (inner, true),
        _ => (root, false),
    };
    let containers_entry = body.entry("containerDefinitions");
    TaskDefinition {
        span: body.span,
        described,
        readable: body.map().is_some(),
        family: scalar(body.get("family")),
        has_family: body.get("family").is_some(),
        containers_key: containers_entry.map(|p| p.key.span),
        containers: containers_entry
            .map(|p| p.value.items().iter().map(container).collect())
            .unwrap_or_default(),
        network_mode: scalar(body.get("networkMode")),
        compatibilities: body
            .get("requiresCompatibilities")
            .map(|c| c.items().iter().filter_map(|n| scalar(Some(n))).collect())
            .unwrap_or_default(),
        cpu: text(body.get("cpu")),
        memory: text(body.get("memory")),
        has_execution_role: body.get("executionRoleArn").is_some(),
    }
}

fn container(node: &Node) -> Container {
    let log = node.get("logConfiguration");
    let ports_node = node.get("portMappings");
    let mut partial = ports_node.is_some_and(|p| p.seq().is_none() && !p.is_null());
    let ports = ports_node
        .map(|p| {
            p.items()
                .iter()
                .map(|m| {
                    let value = m.get("containerPort");
                    let port = value.and_then(|v| v.scalar()).and_then(|s| s.int());
                    if port.is_none() {
                        partial = true;
                    }
                    let host = m.get("hostPort");
                    PortMapping {
                        span: m.span,
                        container_port: port,
                        port_span: value.map_or(m.span, |v| v.span),
                        host_port: host.and_then(|h| {
                            Some(Spanned {
                                value: h.scalar()?.int()?,
                                span: h.span,
                            })
                        }),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Container {
        span: node.span,
        name: scalar(node.get("name")),
        image: scalar(node.get("image")),
        ports,
        ports_partial: partial,
        essential: node.get("essential").and_then(|e| {
            let s = e.scalar().filter(|s| s.kind() == ScalarKind::Bool)?;
            Some(Spanned {
                value: s.text.eq_ignore_ascii_case("true"),
                span: e.span,
            })
        }),
        log_driver: scalar(log.and_then(|l| l.get("logDriver"))),
        log_options: log_options(log),
    }
}

/// The option names of a `logConfiguration` ([`Container::log_options`]).
fn log_options(log: Option<&Node>) -> Option<Spanned<Vec<String>>> {
    let log = log?;
    match log.entry("options") {
        // `option`: the options are there, misspelt (ECS020 says so).
        None if log
            .map()
            .and_then(|m| misspelling(m, &LOG_CONFIGURATION, "options"))
            .is_some() =>
        {
            None
        }
        None => Some(Spanned {
            value: Vec::new(),
            span: log.get("logDriver")?.span,
        }),
        Some(options) if options.value.is_null() => Some(Spanned {
            value: Vec::new(),
            span: options.key.span,
        }),
        Some(options) => Some(Spanned {
            value: options
                .value
                .map()?
                .entries
                .iter()
                .filter_map(|p| p.key.as_str().map(str::to_string))
                .collect(),
            span: options.key.span,
        }),
    }
}

/// A scalar's text whatever its type (`256`, `"1 vCPU"`), with its span.
fn text(node: Option<&Node>) -> Option<Spanned<String>> {
    let node = node?;
    Some(Spanned {
        value: node.scalar()?.text.clone(),
        span: node.span,
    })
}

fn scalar(node: Option<&Node>) -> Option<Spanned<String>> {
    let node = node?;
    Some(Spanned {
        value: node.as_str()?.to_string(),
        span: node.span,
    })
}

/// Whether `root` is a list of container definitions (each with an `image`, none with the
/// `imageUri` of `imagedefinitions.json`): what `aws ecs register-task-definition
/// --container-definitions file://…` reads, and repositories often name `task-definition.json`.
pub fn container_list(root: &Node) -> bool {
    let containers = root.items();
    root.seq().is_some()
        && !containers.is_empty()
        && containers
            .iter()
            .all(|c| c.get("image").is_some() && c.get("imageUri").is_none())
}

/// The first character of `span` (a mapping's `{`): where a finding about the whole mapping
/// points.
pub fn opening(span: Span) -> Span {
    Span::new(span.start(), span.start().saturating_add(1).min(span.end()))
}
