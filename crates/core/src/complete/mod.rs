//! Completion and hover for an editor, from the same model as the JSON Schemas
//! ([`crate::json_schema`]): the keys valid where the cursor is, with their one-line docs and the
//! page of the rule that checks them, and the values where the set is closed. Where a schema
//! leaves a place open because the checker reads it with a function (hook names, runtimes,
//! condition operators, a provider's configuration keys, predefined deployment configurations),
//! the kind's own tables fill in (`facts.rs`): nothing is written twice.
//!
//! The text being typed is usually incomplete, so the cursor's place is read from the lines or
//! tokens around it (`locate.rs`) rather than from the parsed tree. Offsets are bytes (on
//! character boundaries); any text and offset are accepted: at worst the answer is empty.

mod facts;
mod locate;

use std::cell::OnceCell;

use serde_json::Value;

use crate::diagnostic::DOCS_BASE_URL;
use crate::source::Format;
use crate::{Kind, Options, format_for, json_schema};

use locate::{At, Place, Seg};

/// What a completion inserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A key (inserted with its colon: `install:`).
    Key,
    /// A value.
    Value,
}

/// One completion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows (`install`).
    pub label: String,
    /// What accepting it writes in place of the word being typed.
    pub insert: String,
    /// Key or value.
    pub kind: ItemKind,
    /// Its one-line doc.
    pub doc: String,
    /// The code of the rule that checks it (its page: [`Completion::url`]).
    pub rule: Option<&'static str>,
}

impl Completion {
    /// The page of its rule.
    pub fn url(&self) -> Option<String> {
        self.rule.map(|code| format!("{DOCS_BASE_URL}{code}"))
    }
}

/// The completions at a place: they replace `from..to` (bytes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completions {
    /// Start of the word being typed.
    pub from: usize,
    /// Its end.
    pub to: usize,
    /// The completions: the schema's keys by name, then the tables' in their order.
    pub items: Vec<Completion>,
}

/// What hovering a key shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The key's start (bytes).
    pub from: usize,
    /// Its end.
    pub to: usize,
    /// The key.
    pub key: String,
    /// Its one-line doc.
    pub doc: String,
    /// The code of the rule that checks it.
    pub rule: Option<&'static str>,
}

impl Hover {
    /// The page of its rule.
    pub fn url(&self) -> Option<String> {
        self.rule.map(|code| format!("{DOCS_BASE_URL}{code}"))
    }
}

thread_local! {
    /// The schemas, generated once per thread (a worker has one).
    static SCHEMAS: OnceCell<Vec<json_schema::SchemaFile>> = const { OnceCell::new() };
}

/// What the schemas of `kind` say, from the candidates' roots.
fn with_schemas<R>(f: impl FnOnce(&[json_schema::SchemaFile]) -> R) -> R {
    SCHEMAS.with(|cell| f(cell.get_or_init(json_schema::all)))
}

/// A schema with the root its `$ref`s point into.
#[derive(Clone, Copy)]
struct Node<'s> {
    root: &'s Value,
    schema: &'s Value,
}

const MAX_DEPTH: usize = 24;

/// The schemas `node` stands for: itself and, through `$ref`, `anyOf`, `oneOf`, `allOf`,
/// `then` and `else`, every schema a value there may be described by.
fn flatten<'s>(node: Node<'s>, out: &mut Vec<Node<'s>>, depth: usize) {
    if depth > MAX_DEPTH || out.len() > 256 {
        return;
    }
    let Some(obj) = node.schema.as_object() else {
        return;
    };
    if let Some(Value::String(r)) = obj.get("$ref")
        && let Some(target) = r.strip_prefix('#').and_then(|p| node.root.pointer(p))
    {
        flatten(
            Node {
                root: node.root,
                schema: target,
            },
            out,
            depth + 1,
        );
    }
    out.push(node);
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(list)) = obj.get(key) {
            for s in list {
                flatten(
                    Node {
                        root: node.root,
                        schema: s,
                    },
                    out,
                    depth + 1,
                );
            }
        }
    }
    for key in ["then", "else"] {
        if let Some(s) = obj.get(key) {
            flatten(
                Node {
                    root: node.root,
                    schema: s,
                },
                out,
                depth + 1,
            );
        }
    }
}

fn flat<'s>(nodes: &[Node<'s>]) -> Vec<Node<'s>> {
    let mut out = Vec::new();
    for n in nodes {
        flatten(*n, &mut out, 0);
    }
    out
}

/// The property schemas for `key` (exact, else in any case, else the mapping's other keys).
fn property<'s>(nodes: &[Node<'s>], key: &str) -> Vec<Node<'s>> {
    let mut out = Vec::new();
    for n in flat(nodes) {
        let props = n.schema.get("properties").and_then(Value::as_object);
        let found = props.and_then(|p| {
            p.get(key).or_else(|| {
                p.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, v)| v)
            })
        });
        let schema = match found {
            Some(s) => Some(s),
            None => n
                .schema
                .get("additionalProperties")
                .filter(|a| a.is_object()),
        };
        if let Some(schema) = schema {
            out.push(Node {
                root: n.root,
                schema,
            });
        }
    }
    out
}

fn step<'s>(nodes: &[Node<'s>], seg: &Seg) -> Vec<Node<'s>> {
    match seg {
        Seg::Key(key) => property(nodes, key),
        Seg::Item => flat(nodes)
            .into_iter()
            .filter_map(|n| {
                n.schema
                    .get("items")
                    .filter(|i| i.is_object())
                    .map(|schema| Node {
                        root: n.root,
                        schema,
                    })
            })
            .collect(),
    }
}

/// A property's one-line doc and rule, from its description (`doc\n\n[CODE name](url)`).
fn doc_of(schema: &Value) -> (String, Option<&'static str>) {
    let markdown = schema.get("markdownDescription").and_then(Value::as_str);
    let plain = schema.get("description").and_then(Value::as_str);
    let (doc, link) = match markdown {
        Some(m) => match m.split_once("\n\n") {
            Some((doc, link)) => (doc.to_string(), Some(link)),
            None => (m.to_string(), None),
        },
        None => (
            plain
                .map(|p| p.split(" (see ").next().unwrap_or(p))
                .unwrap_or("")
                .to_string(),
            None,
        ),
    };
    let rule = link
        .and_then(|l| l.strip_prefix('['))
        .and_then(|l| l.split(' ').next())
        .and_then(crate::registry::rule)
        .map(|r| r.code);
    (doc, rule)
}

/// The keys the schemas describe at `nodes`, in their order (documented spellings only).
fn schema_keys(nodes: &[Node<'_>], out: &mut Vec<Completion>) {
    for n in flat(nodes) {
        let Some(props) = n.schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (key, schema) in props {
            let (doc, rule) = doc_of(schema);
            // A key the tables document only to say it is not one (`overwrite` in `files`).
            if doc.starts_with("not an ") || doc.starts_with("not a ") {
                continue;
            }
            out.push(Completion {
                label: key.clone(),
                insert: key.clone(),
                kind: ItemKind::Key,
                doc,
                rule,
            });
        }
    }
}

/// The values of the closed sets at `nodes` (`enum`, `const`, `examples`).
fn schema_values(
    nodes: &[Node<'_>],
    doc: &str,
    rule: Option<&'static str>,
    out: &mut Vec<Completion>,
) {
    for n in flat(nodes) {
        let mut values: Vec<&Value> = Vec::new();
        for key in ["enum", "examples"] {
            if let Some(Value::Array(list)) = n.schema.get(key) {
                values.extend(list);
            }
        }
        if let Some(c) = n.schema.get("const") {
            values.push(c);
        }
        for v in values {
            let Value::String(s) = v else { continue };
            out.push(Completion {
                label: s.clone(),
                insert: s.clone(),
                kind: ItemKind::Value,
                doc: doc.to_string(),
                rule,
            });
        }
    }
}

/// The schema roots of a file of `kind` (an AppSpec: its platform's, or all three).
fn roots<'s>(
    schemas: &'s [json_schema::SchemaFile],
    kind: Kind,
    text: &str,
    options: &Options,
) -> Vec<Node<'s>> {
    let platform = if kind == Kind::Appspec {
        facts::appspec_platform(text, options)
    } else {
        None
    };
    schemas
        .iter()
        .filter(|f| f.kind == kind)
        .filter(|f| match platform {
            Some(p) => f.name == facts::appspec_schema(p),
            None => true,
        })
        .map(|f| Node {
            root: &f.schema,
            schema: &f.schema,
        })
        .collect()
}

fn is_json(kind: Kind, text: &str) -> bool {
    format_for(kind, text) == Format::Json
}

/// The completions at byte `offset` of `text`, a file of `kind`.
pub fn complete(kind: Kind, text: &str, offset: usize, options: &Options) -> Completions {
    if !kind.is_supported() {
        return Completions::default();
    }
    let Some(place) = locate::locate(text, offset, is_json(kind, text)) else {
        return Completions::default();
    };
    let mut items = with_schemas(|schemas| {
        let mut nodes = roots(schemas, kind, text, options);
        for seg in &place.path {
            nodes = step(&nodes, seg);
        }
        let mut items = Vec::new();
        let cx = facts::Cx {
            kind,
            text,
            options,
            place: &place,
        };
        match &place.at {
            At::Key { item } => {
                schema_keys(&nodes, &mut items);
                facts::keys(&cx, &mut items);
                if *item {
                    // `- wor|` may be a value of the list.
                    let (doc, rule) = list_doc(&place, schemas, kind, text, options);
                    schema_values(&nodes, &doc, rule, &mut items);
                }
            }
            At::Value { key } => {
                let (doc, rule) = property(&nodes, key)
                    .first()
                    .map(|n| doc_of(n.schema))
                    .unwrap_or_default();
                schema_values(&property(&nodes, key), &doc, rule, &mut items);
                facts::values(&cx, key, &mut items);
            }
            At::Item => {
                let (doc, rule) = list_doc(&place, schemas, kind, text, options);
                schema_values(&step(&nodes, &Seg::Item), &doc, rule, &mut items);
            }
        }
        items
    });
    // Keys already there are not offered again; equal labels once; what matches what is typed.
    let mut seen = std::collections::HashSet::new();
    let prefix = place.prefix.to_ascii_lowercase();
    items.retain(|c| {
        !(c.kind == ItemKind::Key && place.siblings.contains(&c.label))
            && c.label.to_ascii_lowercase().starts_with(&prefix)
            && seen.insert((c.kind == ItemKind::Key, c.label.clone()))
    });
    items.truncate(500);
    for c in &mut items {
        c.insert = insertion(&place, c);
    }
    Completions {
        from: place.from,
        to: place.to,
        items,
    }
}

/// The doc of the list holding the place (its key's), for its values.
fn list_doc(
    place: &Place,
    schemas: &[json_schema::SchemaFile],
    kind: Kind,
    text: &str,
    options: &Options,
) -> (String, Option<&'static str>) {
    let Some(at) = place.path.iter().rposition(|s| matches!(s, Seg::Key(_))) else {
        return (String::new(), None);
    };
    let (Some(Seg::Key(key)), Some(parents)) = (place.path.get(at), place.path.get(..at)) else {
        return (String::new(), None);
    };
    let mut nodes = roots(schemas, kind, text, options);
    for seg in parents {
        nodes = step(&nodes, seg);
    }
    property(&nodes, key)
        .first()
        .map(|n| doc_of(n.schema))
        .unwrap_or_default()
}

/// What accepting `c` writes: a key with its colon (YAML) or quotes and colon (JSON), a JSON
/// value in quotes unless typed inside them.
fn insertion(place: &Place, c: &Completion) -> String {
    match (c.kind, place.json, place.quoted) {
        (ItemKind::Key, false, _) => format!("{}: ", c.label),
        (ItemKind::Key, true, true) if place.close_key => format!("{}\": ", c.label),
        (ItemKind::Key, true, true) => c.label.clone(),
        (ItemKind::Key, true, false) => format!("\"{}\": ", c.label),
        (ItemKind::Value, true, false) => format!("\"{}\"", c.label),
        (ItemKind::Value, _, _) => c.label.clone(),
    }
}

/// What hovering byte `offset` of `text` shows: the doc of the key there, if it is one the
/// tables document.
pub fn hover(kind: Kind, text: &str, offset: usize, options: &Options) -> Option<Hover> {
    if !kind.is_supported() {
        return None;
    }
    let json = is_json(kind, text);
    let (from, to) = if json {
        locate::json_key_at(text, offset)?
    } else {
        locate::yaml_key_at(text, offset)?
    };
    let key = text.get(from..to)?;
    let key = key.trim_matches(['"', '\'']).to_string();
    // The place of the key as if it were being typed, at its end.
    let place = locate::locate(text, to, json)?;
    let At::Key { .. } = place.at else {
        return None;
    };
    let found = with_schemas(|schemas| {
        let mut nodes = roots(schemas, kind, text, options);
        for seg in &place.path {
            nodes = step(&nodes, seg);
        }
        let mut described = None;
        for n in flat(&nodes) {
            if let Some(s) = n.schema.get("properties").and_then(|p| p.get(key.as_str())) {
                described = Some(doc_of(s));
                break;
            }
        }
        described
    });
    let (doc, rule) = match found {
        Some(d) => d,
        None => {
            let cx = facts::Cx {
                kind,
                text,
                options,
                place: &place,
            };
            let mut items = Vec::new();
            facts::keys(&cx, &mut items);
            let c = items.into_iter().find(|c| c.label == key)?;
            (c.doc, c.rule)
        }
    };
    if doc.is_empty() {
        return None;
    }
    Some(Hover {
        from,
        to,
        key,
        doc,
        rule,
    })
}

#[cfg(test)]
mod tests;
