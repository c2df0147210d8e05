//! Reading CodeDeploy documents: the same objects written in two dialects.
//!
//! - **API** (`Dialect::Api`): the JSON (or YAML, `--cli-input-yaml`) of an API call, camelCase
//!   keys (`deploymentConfigName`), read the way the AWS CLI validates parameters: exact key
//!   names, strings are strings, integers are numbers, booleans are booleans. A document is an
//!   input (`create-…`/`update-…`, or a partial one) or an output (`get-…`, wrapped in
//!   `deploymentGroupInfo`/`deploymentConfigInfo`).
//! - **CloudFormation** (`Dialect::Cfn`): the `Properties` of `AWS::CodeDeploy::…` resources,
//!   PascalCase keys (`DeploymentConfigName`), read as CloudFormation does: numbers and booleans
//!   may be written as strings (`Value: '25'`, `Enabled: 'true'`, as AWS's own examples do), and
//!   intrinsic functions (`!Ref`, `!GetAtt`, `!Sub`, `Fn::If`, …) are opaque values that are never
//!   judged.
//!
//! The walk ([`walk`]) checks keys and value types against a [`Shape`] table and records
//! [`ReadFacts`]; the kinds' lowering reads typed values with [`Field`]s. Nothing here reports:
//! each kind's rules report the facts.

use crate::source::{Node, Pair, ScalarKind, Span, Style, Value};
use crate::suggest::did_you_mean;

/// The dialect a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// CodeDeploy API / AWS CLI JSON, camelCase keys.
    Api,
    /// CloudFormation resource properties, PascalCase keys.
    Cfn,
}

/// Whether an API document is what an API call takes or what it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// The input of a create or update call, or a partial document (CloudFormation properties are
    /// always inputs).
    Input,
    /// The output of a get or batch-get call.
    Output,
}

/// A value read from the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val<T> {
    /// The value, as CodeDeploy reads it.
    Known(T),
    /// A CloudFormation intrinsic function or template placeholder: unknown until deployed.
    Opaque,
    /// A value of the wrong type (the walk recorded it; rules stay silent).
    Invalid,
}

/// A key and its value, read as `T`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<T> {
    /// The value.
    pub value: Val<T>,
    /// The key.
    pub key: Span,
    /// The value's span.
    pub span: Span,
}

impl<T> Field<T> {
    /// The value when it is known.
    pub fn known(&self) -> Option<&T> {
        match &self.value {
            Val::Known(v) => Some(v),
            Val::Opaque | Val::Invalid => None,
        }
    }

    /// Whether the value is a CloudFormation intrinsic.
    pub fn is_opaque(&self) -> bool {
        matches!(self.value, Val::Opaque)
    }
}

impl Field<String> {
    /// The text when it is known.
    pub fn text(&self) -> Option<&str> {
        self.known().map(String::as_str)
    }
}

/// Words of closed sets that only outputs carry (`MOST_CONCURRENCY` of OneAtATime, the
/// `Kubernetes` platform): a configuration you create cannot have them.
pub(crate) const OUTPUT_ONLY_WORDS: &[&str] = &["MOST_CONCURRENCY", "Kubernetes"];

/// The type of a value in a [`Shape`].
#[derive(Debug)]
pub(crate) enum Ty {
    /// Anything (not walked).
    Any,
    /// A string.
    Str,
    /// An integer.
    Int,
    /// A number (timestamps in outputs).
    Num,
    /// A boolean.
    Bool,
    /// One of a closed set of words, exactly as spelt.
    Enum(&'static [&'static str]),
    /// A list of values of a type.
    List(&'static Ty),
    /// An object with known keys.
    Object(&'static Shape),
    /// A string in inputs, or an object of the shape in outputs (`autoScalingGroups`).
    StrOrObject(&'static Shape),
}

/// An object's keys.
#[derive(Debug)]
pub(crate) struct Shape {
    /// What the object is, for messages ("alarm configuration").
    pub what: &'static str,
    /// Its keys.
    pub fields: &'static [FieldSpec],
}

/// Which documents a key belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Inputs and outputs.
    Both,
    /// Only in what a get call returns (`deploymentGroupId`).
    Output,
}

/// One key of a shape, in each dialect.
#[derive(Debug)]
pub(crate) struct FieldSpec {
    /// Its API name, when the API has it.
    pub api: Option<&'static str>,
    /// Its CloudFormation name, when CloudFormation has it.
    pub cfn: Option<&'static str>,
    /// The type of its value.
    pub ty: Ty,
    /// Where it may appear.
    pub role: Role,
    /// One line on what the key does (the JSON Schema's description).
    #[cfg_attr(not(feature = "json-schema"), allow(dead_code))]
    pub doc: &'static str,
}

/// A key in both dialects.
pub(crate) const fn both(
    api: &'static str,
    cfn: &'static str,
    ty: Ty,
    doc: &'static str,
) -> FieldSpec {
    FieldSpec {
        api: Some(api),
        cfn: Some(cfn),
        ty,
        role: Role::Both,
        doc,
    }
}

/// An API-only key.
pub(crate) const fn api(name: &'static str, ty: Ty, doc: &'static str) -> FieldSpec {
    FieldSpec {
        api: Some(name),
        cfn: None,
        ty,
        role: Role::Both,
        doc,
    }
}

/// An API key that only outputs carry.
pub(crate) const fn output(name: &'static str, ty: Ty, doc: &'static str) -> FieldSpec {
    FieldSpec {
        api: Some(name),
        cfn: None,
        ty,
        role: Role::Output,
        doc,
    }
}

/// A CloudFormation-only key.
pub(crate) const fn cfn(name: &'static str, ty: Ty, doc: &'static str) -> FieldSpec {
    FieldSpec {
        api: None,
        cfn: Some(name),
        ty,
        role: Role::Both,
        doc,
    }
}

impl FieldSpec {
    /// The key in `dialect`.
    pub fn name(&self, dialect: Dialect) -> Option<&'static str> {
        match dialect {
            Dialect::Api => self.api,
            Dialect::Cfn => self.cfn,
        }
    }
}

/// A key the shape does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKey {
    /// The key.
    pub span: Span,
    /// As written.
    pub key: String,
    /// Where it is (`alarmConfiguration.alarms[0]`; empty at the top).
    pub path: String,
    /// What the object is.
    pub what: &'static str,
    /// The known key it most likely means.
    pub suggestion: Option<&'static str>,
    /// The other dialect's spelling of a key of this shape (`DeploymentStyle` in API JSON).
    pub other_dialect: bool,
}

/// A value of the wrong type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongType {
    /// The value.
    pub span: Span,
    /// The key path (`deploymentStyle.deploymentType`).
    pub path: String,
    /// What was expected ("an integer").
    pub expected: &'static str,
    /// What it is ("the string `5`").
    pub found: String,
}

/// A word outside a closed set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadEnum {
    /// The value.
    pub span: Span,
    /// The key path.
    pub path: String,
    /// As written.
    pub value: String,
    /// The accepted words.
    pub allowed: &'static [&'static str],
    /// The word it most likely means.
    pub suggestion: Option<&'static str>,
}

/// A key only outputs carry, in an input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputOnly {
    /// The key.
    pub span: Span,
    /// As written.
    pub key: String,
    /// The whole entry (key to the end of its value), for a removal fix.
    pub entry: Span,
}

/// What the walk found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadFacts {
    /// Keys no shape has.
    pub unknown_keys: Vec<UnknownKey>,
    /// Values of the wrong type.
    pub wrong_types: Vec<WrongType>,
    /// Words outside closed sets.
    pub bad_enums: Vec<BadEnum>,
    /// Output-only keys in inputs.
    pub output_only: Vec<OutputOnly>,
}

/// Whether `node` is a CloudFormation intrinsic function: a `!Tag` (not a `!!` core tag), or a
/// mapping with the single key `Ref`, `Condition` or `Fn::…`.
pub(crate) fn is_intrinsic(node: &Node) -> bool {
    if node
        .tag
        .as_deref()
        .is_some_and(|t| t.starts_with('!') && !t.starts_with("!!"))
    {
        return true;
    }
    match node.map() {
        Some(map) if map.entries.len() == 1 => map.entries.first().is_some_and(|p| {
            p.key_str()
                .is_some_and(|k| k == "Ref" || k == "Condition" || k.starts_with("Fn::"))
        }),
        _ => false,
    }
}

/// The walk's state.
pub(crate) struct Walk<'f> {
    dialect: Dialect,
    form: Form,
    path: Vec<String>,
    facts: &'f mut ReadFacts,
}

/// Walks `node` (an object of `shape`) in `dialect` and `form`, recording what does not fit.
pub(crate) fn walk(
    node: &Node,
    shape: &'static Shape,
    dialect: Dialect,
    form: Form,
    facts: &mut ReadFacts,
) {
    let mut w = Walk {
        dialect,
        form,
        path: Vec::new(),
        facts,
    };
    w.value(node, &Ty::Object(shape));
}

impl Walk<'_> {
    fn path(&self) -> String {
        let mut out = String::new();
        for part in &self.path {
            if part.starts_with('[') || out.is_empty() {
                out.push_str(part);
            } else {
                out.push('.');
                out.push_str(part);
            }
        }
        out
    }

    fn wrong(&mut self, node: &Node, expected: &'static str) {
        let path = self.path();
        self.facts.wrong_types.push(WrongType {
            span: node.span,
            path,
            expected,
            found: node.describe(),
        });
    }

    fn value(&mut self, node: &Node, ty: &Ty) {
        if node.is_invalid() || matches!(ty, Ty::Any) {
            return;
        }
        if self.dialect == Dialect::Cfn && is_intrinsic(node) {
            return;
        }
        match ty {
            Ty::Any => {}
            Ty::Str => {
                if read_str(node, self.dialect).is_none() {
                    self.wrong(node, "a string");
                }
            }
            Ty::Int => {
                if read_int(node, self.dialect).is_none() {
                    self.wrong(node, "an integer");
                }
            }
            Ty::Num => {
                if node.scalar().and_then(|s| s.number()).is_none() {
                    self.wrong(node, "a number");
                }
            }
            Ty::Bool => {
                if read_bool(node, self.dialect).is_none() {
                    self.wrong(node, "`true` or `false`");
                }
            }
            Ty::Enum(allowed) => match read_str(node, self.dialect) {
                Some(text) => {
                    if !allowed.contains(&text) {
                        let suggestion = did_you_mean(text, allowed.iter().copied());
                        let path = self.path();
                        self.facts.bad_enums.push(BadEnum {
                            span: node.span,
                            path,
                            value: text.to_string(),
                            allowed,
                            suggestion,
                        });
                    }
                }
                None => self.wrong(node, "a string"),
            },
            Ty::List(inner) => match &node.value {
                Value::Seq(seq) => {
                    for (i, item) in seq.items.iter().enumerate() {
                        self.path.push(format!("[{i}]"));
                        self.value(item, inner);
                        self.path.pop();
                    }
                }
                _ => self.wrong(node, "a list"),
            },
            Ty::Object(shape) => match &node.value {
                Value::Map(_) => self.object(node, shape),
                _ => self.wrong(node, "an object"),
            },
            Ty::StrOrObject(shape) => match &node.value {
                Value::Map(_) => self.object(node, shape),
                _ => {
                    if read_str(node, self.dialect).is_none() {
                        self.wrong(node, "a string");
                    }
                }
            },
        }
    }

    fn object(&mut self, node: &Node, shape: &'static Shape) {
        for pair in node.entries() {
            let Some(key) = pair.key_str() else {
                continue;
            };
            let found = shape
                .fields
                .iter()
                .find(|f| f.name(self.dialect) == Some(key));
            match found {
                Some(field) => {
                    if field.role == Role::Output && self.form == Form::Input {
                        self.facts.output_only.push(OutputOnly {
                            span: pair.key.span,
                            key: key.to_string(),
                            entry: pair.key.span.cover(pair.value.span),
                        });
                        continue;
                    }
                    self.path.push(key.to_string());
                    self.value(&pair.value, &field.ty);
                    self.path.pop();
                }
                None => self.unknown(pair, key, shape),
            }
        }
    }

    fn unknown(&mut self, pair: &Pair, key: &str, shape: &'static Shape) {
        let names = shape
            .fields
            .iter()
            .filter(|f| self.form == Form::Output || f.role == Role::Both)
            .filter_map(|f| f.name(self.dialect));
        let suggestion = did_you_mean(key, names);
        let other = match self.dialect {
            Dialect::Api => Dialect::Cfn,
            Dialect::Cfn => Dialect::Api,
        };
        let other_dialect = shape
            .fields
            .iter()
            .any(|f| f.name(other) == Some(key) && f.name(self.dialect).is_some());
        let path = self.path();
        self.facts.unknown_keys.push(UnknownKey {
            span: pair.key.span,
            key: key.to_string(),
            path,
            what: shape.what,
            suggestion,
            other_dialect,
        });
    }
}

/// The text of a string value: in the API dialect a string (not a number or a boolean), in
/// CloudFormation any scalar.
pub(crate) fn read_str(node: &Node, dialect: Dialect) -> Option<&str> {
    let s = node.scalar()?;
    match dialect {
        Dialect::Api => (s.kind() == ScalarKind::Str).then_some(s.text.as_str()),
        Dialect::Cfn => (!s.is_null()).then_some(s.text.as_str()),
    }
}

/// An integer value: in the API dialect a number, in CloudFormation also digits in a string.
pub(crate) fn read_int(node: &Node, dialect: Dialect) -> Option<i64> {
    let s = node.scalar()?;
    if let Some(v) = s.int() {
        return Some(v);
    }
    // A JSON number such as `5.0` is an integer to the API's JSON reader.
    if s.style == Style::JsonNumber
        && let Some(f) = s.number()
        && f.fract() == 0.0
        && f.abs() < 9.0e15
    {
        return Some(f as i64);
    }
    match dialect {
        Dialect::Api => None,
        Dialect::Cfn => s.text.trim().parse().ok(),
    }
}

/// A boolean value: in the API dialect `true`/`false`, in CloudFormation also those words in a
/// string, in any case.
pub(crate) fn read_bool(node: &Node, dialect: Dialect) -> Option<bool> {
    let s = node.scalar()?;
    if s.kind() == ScalarKind::Bool {
        return Some(s.text.eq_ignore_ascii_case("true"));
    }
    match dialect {
        Dialect::Api => None,
        Dialect::Cfn => match s.text.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
    }
}

/// A reader of one object's typed fields in a dialect.
#[derive(Clone, Copy)]
pub(crate) struct Obj<'a> {
    /// The object.
    pub node: &'a Node,
    /// Its dialect.
    pub dialect: Dialect,
}

impl<'a> Obj<'a> {
    /// A reader of `node`.
    pub fn new(node: &'a Node, dialect: Dialect) -> Obj<'a> {
        Obj { node, dialect }
    }

    /// The entry of the key named `api` / `cfn` in the object's dialect (the last one).
    pub fn entry(&self, api: &str, cfn: &str) -> Option<&'a Pair> {
        let key = match self.dialect {
            Dialect::Api => api,
            Dialect::Cfn => cfn,
        };
        self.node.entry(key)
    }

    /// The object under a key, when it is one (not an intrinsic).
    pub fn object(&self, api: &str, cfn: &str) -> Option<(Obj<'a>, &'a Pair)> {
        let pair = self.entry(api, cfn)?;
        pair.value
            .map()
            .filter(|_| !(self.dialect == Dialect::Cfn && is_intrinsic(&pair.value)))
            .map(|_| (Obj::new(&pair.value, self.dialect), pair))
    }

    /// Whether the key holds an intrinsic function.
    pub fn opaque(&self, api: &str, cfn: &str) -> bool {
        self.dialect == Dialect::Cfn && self.entry(api, cfn).is_some_and(|p| is_intrinsic(&p.value))
    }

    fn field<T>(&self, pair: &Pair, read: impl FnOnce(&Node) -> Option<T>) -> Field<T> {
        let value = if self.dialect == Dialect::Cfn && is_intrinsic(&pair.value) {
            Val::Opaque
        } else {
            match read(&pair.value) {
                Some(v) => Val::Known(v),
                None => Val::Invalid,
            }
        };
        Field {
            value,
            key: pair.key.span,
            span: pair.value.span,
        }
    }

    /// A string field.
    pub fn string(&self, api: &str, cfn: &str) -> Option<Field<String>> {
        let pair = self.entry(api, cfn)?;
        let d = self.dialect;
        Some(self.field(pair, |n| read_str(n, d).map(str::to_string)))
    }

    /// An integer field.
    pub fn int(&self, api: &str, cfn: &str) -> Option<Field<i64>> {
        let pair = self.entry(api, cfn)?;
        let d = self.dialect;
        Some(self.field(pair, |n| read_int(n, d)))
    }

    /// A boolean field.
    pub fn boolean(&self, api: &str, cfn: &str) -> Option<Field<bool>> {
        let pair = self.entry(api, cfn)?;
        let d = self.dialect;
        Some(self.field(pair, |n| read_bool(n, d)))
    }

    /// A list field: its key, the list node (`None` for an intrinsic or a value that is no
    /// list) and its items.
    pub fn list(&self, api: &str, cfn: &str) -> Option<List<'a>> {
        let pair = self.entry(api, cfn)?;
        let opaque = self.dialect == Dialect::Cfn && is_intrinsic(&pair.value);
        let items: &'a [Node] = if opaque { &[] } else { pair.value.items() };
        Some(List {
            key: pair.key.span,
            span: pair.value.span,
            opaque,
            items,
        })
    }

    /// The string items of a list field, as fields whose key is the list's key.
    pub fn strings(&self, api: &str, cfn: &str) -> Vec<Field<String>> {
        let Some(list) = self.list(api, cfn) else {
            return Vec::new();
        };
        let d = self.dialect;
        list.items
            .iter()
            .map(|item| Field {
                value: if d == Dialect::Cfn && is_intrinsic(item) {
                    Val::Opaque
                } else {
                    match read_str(item, d) {
                        Some(t) => Val::Known(t.to_string()),
                        None => Val::Invalid,
                    }
                },
                key: list.key,
                span: item.span,
            })
            .collect()
    }
}

/// A list field.
#[derive(Clone, Copy, Debug)]
pub(crate) struct List<'a> {
    /// The key.
    pub key: Span,
    /// The value.
    pub span: Span,
    /// Whether the value is an intrinsic function.
    pub opaque: bool,
    /// The items (none for an intrinsic or a value that is no list).
    pub items: &'a [Node],
}

/// One object of a document to lower: where it is and how it is written.
#[derive(Clone, Debug)]
pub(crate) struct Located<'a> {
    /// The object (a resource's `Properties`, an API document or the inside of its wrapper).
    pub node: &'a Node,
    /// Its dialect.
    pub dialect: Dialect,
    /// Input or output.
    pub form: Form,
    /// The CloudFormation resource's logical id and its key, when it is one.
    pub resource: Option<(String, Span)>,
    /// Where object-level findings point: the resource's key, the wrapper's key, or the object.
    pub anchor: Span,
}

/// How a document holds the objects of one kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct Layout<'a> {
    /// The objects found, in document order.
    pub objects: Vec<Located<'a>>,
    /// Whether the document is a CloudFormation template (or a resource map).
    pub template: bool,
}

/// What a kind's documents look like: its wrappers and resource type.
pub(crate) struct DocumentKind {
    /// The API output wrapper of one object (`deploymentGroupInfo`).
    pub wrapper: &'static str,
    /// The batch output wrapper (`deploymentGroupsInfo`).
    pub batch_wrapper: Option<&'static str>,
    /// The CloudFormation resource type (`AWS::CodeDeploy::DeploymentGroup`).
    pub resource_type: &'static str,
    /// The kind's top-level shape (to tell PascalCase properties from an API document).
    pub shape: &'static Shape,
}

/// Finds the objects of `kind` in a document: the `Properties` of its CloudFormation resources
/// (in `Resources`, in a bare map of resources, or one resource), the inside of an output
/// wrapper, PascalCase properties on their own, or the API document itself.
pub(crate) fn layout<'a>(root: &'a Node, kind: &DocumentKind) -> Layout<'a> {
    let mut out = Layout::default();
    if root.map().is_none() {
        return out;
    }
    let resources = root
        .get("Resources")
        .filter(|r| r.map().is_some())
        .or_else(|| is_resource_map(root).then_some(root));
    if let Some(resources) = resources {
        out.template = true;
        for pair in resources.entries() {
            if pair.value.get("Type").and_then(Node::as_str) != Some(kind.resource_type) {
                continue;
            }
            let name = pair.key_str().unwrap_or("?").to_string();
            let props = pair.value.get("Properties");
            out.objects.push(Located {
                node: props.unwrap_or(&pair.value),
                dialect: Dialect::Cfn,
                form: Form::Input,
                resource: Some((name, pair.key.span)),
                anchor: pair.key.span,
            });
        }
        return out;
    }
    if root.get("Type").and_then(Node::as_str) == Some(kind.resource_type) {
        out.template = true;
        out.objects.push(Located {
            node: root.get("Properties").unwrap_or(root),
            dialect: Dialect::Cfn,
            form: Form::Input,
            resource: None,
            anchor: root.entry("Type").map_or(root.span, |p| p.key.span),
        });
        return out;
    }
    if let Some(pair) = root.entry(kind.wrapper) {
        out.objects.push(Located {
            node: &pair.value,
            dialect: Dialect::Api,
            form: Form::Output,
            resource: None,
            anchor: pair.key.span,
        });
        return out;
    }
    if let Some(pair) = kind.batch_wrapper.and_then(|w| root.entry(w)) {
        for item in pair.value.items() {
            out.objects.push(Located {
                node: item,
                dialect: Dialect::Api,
                form: Form::Output,
                resource: None,
                anchor: item.span,
            });
        }
        return out;
    }
    let dialect = if pascal_properties(root, kind.shape) {
        Dialect::Cfn
    } else {
        Dialect::Api
    };
    out.objects.push(Located {
        node: root,
        dialect,
        form: Form::Input,
        resource: None,
        anchor: first_key(root),
    });
    out
}

/// The first key of a mapping (where a finding about the whole document points), or the
/// mapping's first byte.
fn first_key(node: &Node) -> Span {
    node.entries()
        .first()
        .map_or(Span::empty(node.span.start()), |p| p.key.span)
}

/// Whether every value that has a `Type` is an AWS resource, and at least one has: a template's
/// `Resources` body without the `Resources` key (as in AWS's own snippets).
fn is_resource_map(root: &Node) -> bool {
    let mut typed = 0;
    for pair in root.entries() {
        match pair.value.get("Type").and_then(Node::as_str) {
            Some(t) if t.starts_with("AWS::") => typed += 1,
            Some(_) => return false,
            None => {}
        }
    }
    typed > 0 && root.get("Type").is_none()
}

/// Whether the root's keys are the shape's CloudFormation names and none of its API names.
fn pascal_properties(root: &Node, shape: &Shape) -> bool {
    let keys: Vec<&str> = root.entries().iter().filter_map(Pair::key_str).collect();
    let cfn = keys
        .iter()
        .filter(|k| shape.fields.iter().any(|f| f.cfn == Some(**k)))
        .count();
    let api = keys
        .iter()
        .filter(|k| shape.fields.iter().any(|f| f.api == Some(**k)))
        .count();
    cfn > 0 && api == 0
}

/// Whether the document holds a CloudFormation resource of type `resource_type` (in
/// `Resources`, in a bare map of resources, or as the document itself).
pub(crate) fn holds_resource(root: &Node, resource_type: &str) -> bool {
    let typed = |n: &Node| n.get("Type").and_then(Node::as_str) == Some(resource_type);
    if typed(root) {
        return true;
    }
    let resources = root
        .get("Resources")
        .filter(|r| r.map().is_some())
        .or_else(|| is_resource_map(root).then_some(root));
    resources.is_some_and(|r| r.entries().iter().take(10_000).any(|p| typed(&p.value)))
}

/// The text that replaces a scalar's value with `new`, keeping its quotes (`"x"` stays quoted).
pub(crate) fn requote(text: &str, span: Span, new: &str) -> String {
    match span.slice(text).chars().next() {
        Some('"') => format!("\"{new}\""),
        Some('\'') => format!("'{new}'"),
        _ => new.to_string(),
    }
}

/// Whether a string value is templated (`${var}`, `{{name}}`, `<NAME>`), so its real value is
/// unknown.
pub(crate) fn templated(text: &str) -> bool {
    text.contains("${") || text.contains("{{") || (text.starts_with('<') && text.ends_with('>'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Limits, parse_json, parse_yaml};

    #[test]
    fn intrinsics_are_recognised_in_both_syntaxes() {
        let doc = parse_yaml(
            "a: !Ref X\nb: {Ref: X}\nc: {\"Fn::If\": [C, 1, 2]}\nd: !!str x\ne: {Ref: X, y: 1}\n",
            &Limits::default(),
        );
        let r = &doc.root;
        let get = |k| r.get(k).map(is_intrinsic);
        assert_eq!(get("a"), Some(true));
        assert_eq!(get("b"), Some(true));
        assert_eq!(get("c"), Some(true));
        assert_eq!(get("d"), Some(false));
        assert_eq!(get("e"), Some(false));
    }

    #[test]
    fn cfn_reads_numbers_and_booleans_in_strings() {
        let doc = parse_json(
            r#"{"a": "25", "b": "true", "c": 7, "d": "x"}"#,
            &Limits::default(),
        );
        let r = &doc.root;
        let n = |k| r.get(k).expect("key");
        assert_eq!(read_int(n("a"), Dialect::Cfn), Some(25));
        assert_eq!(read_int(n("a"), Dialect::Api), None);
        assert_eq!(read_bool(n("b"), Dialect::Cfn), Some(true));
        assert_eq!(read_bool(n("b"), Dialect::Api), None);
        assert_eq!(read_str(n("c"), Dialect::Api), None);
        assert_eq!(read_str(n("c"), Dialect::Cfn), Some("7"));
        assert_eq!(read_int(n("d"), Dialect::Cfn), None);
    }
}
