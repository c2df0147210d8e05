//! The task definition as the rules and the relations need it: the family and the containers
//! (name, image, container ports), each with its span. Lenient: what cannot be read is left out.

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
    }
}

fn container(node: &Node) -> Container {
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
                    PortMapping {
                        span: m.span,
                        container_port: port,
                        port_span: value.map_or(m.span, |v| v.span),
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
    }
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
