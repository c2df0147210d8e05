//! JSON Schemas (draft-07, what editors' YAML extensions read) of the kinds, generated from the
//! tables the checker itself walks ([`crate::schema`]) and the rules those tables name, so that
//! an editor validates and completes what `cicd check` checks. Nothing is written twice: keys,
//! their one-line docs, enums, bounds and required keys come from the kinds' tables, and each
//! property links to the page of the rule that checks it.
//!
//! A schema is never stricter than the checker: it rejects a value only where the checker
//! reports an **error** (an unknown key reported as a warning is allowed, a closed set of values
//! checked by a warning becomes `examples`), and a value lowered by a function whose shape the
//! table does not document ([`Ty::Custom`]) is left open.

mod deployment;
mod image_definitions;
mod pipeline;
mod task_definition;
mod trust_policy;

use serde_json::{Map, Value, json};

use crate::Kind;
use crate::diagnostic::{DOCS_BASE_URL, Severity};
use crate::rule::Rule;
use crate::schema::{EnumSpec, Field, KeyCase, MapSchema, SchemaRules, Ty, Unknown};
use crate::source::tree::{YAML11_FALSE, YAML11_TRUE};

/// The JSON types of a scalar the checkers read as text (`Ty::Str`): AWS reads numbers and
/// booleans as their text too.
const SCALAR: [&str; 4] = ["string", "number", "boolean", "null"];

/// The draft the schemas declare.
pub const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// Where the committed schemas are published (their `$id`s): the `schemas/` folder of the site.
pub const BASE_ID: &str = "https://cicd-playground.dev/schemas/";

/// One schema file of `schemas/`.
#[derive(Debug)]
pub struct SchemaFile {
    /// The file name (`buildspec.json`).
    pub name: &'static str,
    /// The kind whose files it describes.
    pub kind: Kind,
    /// The schema.
    pub schema: Value,
}

/// Every schema, in the kind table's order (the AppSpec has one per platform).
pub fn all() -> Vec<SchemaFile> {
    Kind::ALL.iter().flat_map(|&k| for_kind(k)).collect()
}

/// The schemas of one kind.
pub fn for_kind(kind: Kind) -> Vec<SchemaFile> {
    use crate::appspec::schema as appspec;
    let one = |name: &'static str, title: &str, rules: &'static SchemaRules, root| {
        let schema = Gen { rules }.root(name, title, root);
        SchemaFile { name, kind, schema }
    };
    match kind {
        Kind::Buildspec => vec![one(
            "buildspec.json",
            "CodeBuild buildspec",
            &crate::buildspec::schema::RULES,
            &crate::buildspec::schema::ROOT,
        )],
        Kind::Appspec => vec![
            one(
                "appspec-ec2.json",
                "CodeDeploy AppSpec (EC2/on-premises)",
                &appspec::RULES,
                &appspec::EC2_ROOT,
            ),
            one(
                "appspec-ecs.json",
                "CodeDeploy AppSpec (Amazon ECS)",
                &appspec::RULES,
                &appspec::ECS_ROOT,
            ),
            one(
                "appspec-lambda.json",
                "CodeDeploy AppSpec (AWS Lambda)",
                &appspec::RULES,
                &appspec::LAMBDA_ROOT,
            ),
        ],
        Kind::Workflow => vec![one(
            "workflow.json",
            "GitHub Actions deploy workflow",
            &crate::workflow::schema::RULES,
            &crate::workflow::schema::ROOT,
        )],
        Kind::TrustPolicy => vec![SchemaFile {
            name: "trust-policy.json",
            kind,
            schema: trust_policy::policy("trust-policy.json", "IAM role trust policy"),
        }],
        Kind::Pipeline => vec![SchemaFile {
            name: "pipeline.json",
            kind,
            schema: pipeline::pipeline("pipeline.json", "CodePipeline pipeline declaration"),
        }],
        Kind::DeploymentGroup => vec![SchemaFile {
            name: "deployment-group.json",
            kind,
            schema: deployment::group("deployment-group.json", "CodeDeploy deployment group"),
        }],
        Kind::DeploymentConfig => vec![SchemaFile {
            name: "deployment-config.json",
            kind,
            schema: deployment::config(
                "deployment-config.json",
                "CodeDeploy deployment configuration",
            ),
        }],
        Kind::TaskDefinition => vec![SchemaFile {
            name: "task-definition.json",
            kind,
            schema: task_definition::task_definition(
                "task-definition.json",
                "Amazon ECS task definition",
            ),
        }],
        Kind::ImageDefinitions => vec![SchemaFile {
            name: "image-definitions.json",
            kind,
            schema: image_definitions::schema(
                "image-definitions.json",
                "CodePipeline image definitions file",
            ),
        }],
    }
}

/// The schema as committed: pretty JSON with a final newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Converts one kind's tables.
struct Gen {
    rules: &'static SchemaRules,
}

pub(crate) fn is_error(rule: &Rule) -> bool {
    rule.severity == Severity::Error
}

/// A rule's page, for descriptions.
fn link(rule: &Rule) -> (String, String) {
    let url = format!("{DOCS_BASE_URL}{}", rule.code);
    (
        format!("{} {}: {url}", rule.code, rule.name),
        format!("[{} {}]({url})", rule.code, rule.name),
    )
}

/// A property's `description` and `markdownDescription`: its one-line doc and the page of the
/// rule that checks it.
fn link_description(doc: &str, rule: &Rule) -> (String, String) {
    let (plain, markdown) = link(rule);
    (
        format!("{doc} (see {plain})"),
        format!("{doc}\n\n{markdown}"),
    )
}

/// The head of a schema file: draft, id, title and what it is.
fn header(name: &str, title: &str) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DRAFT));
    schema.insert("$id".into(), json!(format!("{BASE_ID}{name}")));
    schema.insert("title".into(), json!(title));
    schema.insert(
        "description".into(),
        json!(format!(
            "{title}, as `cicd check` reads it: generated from the checker's tables. Unknown keys and values the checker only warns about are allowed here; `cicd check` reports them."
        )),
    );
    schema
}

/// A regular expression matching `word` in any ASCII case (for keys and values AWS compares
/// ignoring case): `^[Hh][Oo][Oo][Kk][Ss]$`.
fn any_case(words: &[&str]) -> String {
    let alternatives: Vec<String> = words.iter().map(|w| any_case_body(w)).collect();
    format!("^({})$", alternatives.join("|"))
}

/// `word` in any ASCII case, unanchored: `[Hh][Oo][Oo][Kk][Ss]`.
fn any_case_body(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                escape(c)
            }
        })
        .collect()
}

fn escape(c: char) -> String {
    if "\\^$.|?*+()[]{}/-".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

/// Adds `null` to what a schema accepts (the walk never judges an empty value by its type).
fn nullable(mut schema: Value) -> Value {
    if let Some(obj) = schema.as_object_mut() {
        if let Some(Value::Array(types)) = obj.get_mut("type") {
            if !types.contains(&json!("null")) {
                types.push(json!("null"));
            }
            return schema;
        }
        if let Some(Value::String(t)) = obj.get("type").cloned() {
            obj.insert("type".into(), json!([t, "null"]));
            return schema;
        }
        if let Some(Value::Array(values)) = obj.get_mut("enum") {
            values.push(Value::Null);
            return schema;
        }
        if let Some(Value::Array(any)) = obj.get_mut("anyOf") {
            any.push(json!({"type": "null"}));
            return schema;
        }
    }
    schema
}

impl Gen {
    fn root(&self, name: &str, title: &str, root: &'static MapSchema) -> Value {
        let mut schema = header(name, title);
        if let Value::Object(map) = self.map(root, false) {
            schema.extend(map);
        }
        Value::Object(schema)
    }

    /// The schema of a value of type `ty`.
    fn ty(&self, ty: &Ty) -> Value {
        match ty {
            Ty::Any | Ty::Custom(_) => json!({}),
            Ty::Shaped(shape, _) => self.ty(shape),
            // AWS reads numbers and booleans as text.
            Ty::Str => json!({"type": SCALAR}),
            Ty::Bool => {
                let words: Vec<&str> = YAML11_TRUE.iter().chain(YAML11_FALSE).copied().collect();
                self.strict(
                    self.rules.wrong_type,
                    json!({"anyOf": [
                        {"type": ["boolean", "null"]},
                        // YAML 1.1 words as a YAML 1.2 editor reads them, and the quoted words.
                        {"type": "string", "pattern": format!(
                            "^({})$|{}",
                            words.join("|"),
                            any_case(&["yes", "no", "true", "false"])
                        )},
                    ]}),
                )
            }
            Ty::Int { min, max } => self.strict(
                self.rules.wrong_type,
                json!({"anyOf": [
                    {"type": "integer", "minimum": min, "maximum": max},
                    // Digits in quotes are read as the number; a value filled in later
                    // (`"${PORT}"`, `"<MEMORY>"`: `source::filled_in`) is not judged.
                    {"type": "string", "pattern": "^\\s*[0-9]+\\s*$|[<${#%]"},
                    {"type": "null"},
                ]}),
            ),
            Ty::Enum(spec) => self.enumeration(spec),
            Ty::List(inner) => {
                let item = self.ty(inner);
                let list = json!({"type": "array", "items": item});
                if is_error(self.rules.scalar_for_list) {
                    nullable(list)
                } else {
                    // One value where a list is documented is a warning: it is read as a list of
                    // that one value.
                    json!({"anyOf": [list, item, {"type": "null"}]})
                }
            }
            Ty::Dict(inner) => json!({
                "type": ["object", "null"],
                "additionalProperties": self.ty(inner),
            }),
            Ty::Map(schema) => self.map(schema, true),
        }
    }

    /// `schema` when `rule` reports an error; otherwise no constraint (the checker warns).
    fn strict(&self, rule: &Rule, schema: Value) -> Value {
        if is_error(rule) { schema } else { json!({}) }
    }

    fn enumeration(&self, spec: &'static EnumSpec) -> Value {
        let mut values: Vec<Value> = spec.values.iter().map(|v| json!(v)).collect();
        // A value that reads as a number (`0.2`) is a number to a JSON Schema validator.
        values.extend(
            spec.values
                .iter()
                .filter_map(|v| serde_json::from_str::<serde_json::Number>(v).ok())
                .map(Value::Number),
        );
        if !is_error(spec.rule) {
            // Another value is a warning; a value that is not a scalar is still the wrong type.
            return json!({"type": SCALAR, "examples": spec.values});
        }
        if spec.case_insensitive {
            json!({
                "type": ["string", "null"],
                "pattern": any_case(spec.values),
                "examples": spec.values,
            })
        } else {
            values.push(Value::Null);
            json!({"enum": values})
        }
    }

    fn map(&self, schema: &'static MapSchema, may_be_null: bool) -> Value {
        let mut properties = Map::new();
        let mut patterns = Map::new();
        let mut required = Vec::new();
        for field in schema.fields {
            let mut value = self.property(field);
            // A required key left empty (`destination:`) is missing to the checker.
            if field.required.is_some_and(is_error)
                && let Some(obj) = value.as_object_mut()
                && !obj.contains_key("not")
            {
                obj.insert("not".into(), json!({"type": "null"}));
            }
            if let KeyCase::Insensitive(_) = schema.case {
                patterns.insert(any_case(&[field.key]), value.clone());
            } else if field.required.is_some_and(is_error) {
                required.push(json!(field.key));
            }
            properties.insert(field.key.into(), value);
        }
        let closed = match schema.unknown {
            Unknown::Allow => false,
            Unknown::Report => is_error(self.rules.unknown_key),
            Unknown::ReportWith(rule) => is_error(rule),
        };
        let mut out = Map::new();
        // An empty mapping is missing its required keys; otherwise it may be left empty.
        let types = if may_be_null && required.is_empty() {
            json!(["object", "null"])
        } else {
            json!("object")
        };
        out.insert("type".into(), types);
        out.insert("properties".into(), Value::Object(properties));
        if !patterns.is_empty() {
            out.insert("patternProperties".into(), Value::Object(patterns));
        }
        if closed {
            out.insert("additionalProperties".into(), json!(false));
        }
        if !required.is_empty() {
            out.insert("required".into(), Value::Array(required));
        }
        Value::Object(out)
    }

    /// A key's schema with its doc and the page of the rule that checks it.
    fn property(&self, field: &Field) -> Value {
        let mut value = self.ty(&field.ty);
        let rule = field.required.unwrap_or(match &field.ty {
            Ty::Enum(spec) => spec.rule,
            _ => self.rules.wrong_type,
        });
        let (plain, markdown) = link_description(field.doc, rule);
        if let Some(obj) = value.as_object_mut() {
            obj.insert("description".into(), json!(plain));
            obj.insert("markdownDescription".into(), json!(markdown));
        }
        value
    }
}
