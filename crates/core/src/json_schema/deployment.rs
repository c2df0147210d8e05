//! The JSON Schemas of the CodeDeploy deployment group and deployment configuration, generated
//! from the key tables their walk reads ([`crate::deployment::read`]): each document the reader
//! recognises, in the order it tells them apart (`read::layout`): a CloudFormation template's
//! resources (its `Resources`, a bare map of resources, or one resource), the output wrappers of
//! `get-…` and `batch-get-…` (`deploymentGroupInfo`, `deploymentGroupsInfo`), CloudFormation
//! properties on their own (PascalCase keys) and the API input (`--cli-input-json`).
//!
//! The API dialect is strictly typed, as the AWS CLI validates parameters. In the CloudFormation
//! dialect every value may be an intrinsic function (`{"Ref": …}`, `{"Fn::If": …}`), which the
//! checker never judges; an editor reading YAML with `yaml.customTags` sees the short forms
//! (`!Ref X`, `!If [...]`) as plain strings and lists, so every CloudFormation value also
//! accepts a string or a list: its closed sets of words become suggestions there.

use serde_json::{Map, Value, json};

use super::{header, link_description};
use crate::deployment::read::{DocumentKind, FieldSpec, OUTPUT_ONLY_WORDS, Role, Shape, Ty};
use crate::rule::Rule;

/// The rules the walk's findings are reported with.
struct Rules {
    unknown_key: &'static Rule,
    wrong_type: &'static Rule,
    bad_enum: &'static Rule,
    output_only: &'static Rule,
    /// The rule saying a file holds none of the kind's objects (where the wrappers link).
    unrecognised: &'static Rule,
}

/// A dialect and form of a document: how its keys are named and its values typed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    /// API JSON of a create or update call (output-only keys are warnings: left open).
    Input,
    /// API JSON of a get call.
    Output,
    /// CloudFormation properties.
    Cfn,
}

const INTRINSIC: &str = "#/definitions/intrinsic";

struct Gen {
    rules: Rules,
}

impl Gen {
    fn name(field: &FieldSpec, way: Way) -> Option<&'static str> {
        match way {
            Way::Input | Way::Output => field.api,
            Way::Cfn => field.cfn,
        }
    }

    /// The schema of a value of type `ty`.
    fn ty(&self, ty: &Ty, way: Way) -> Value {
        let cfn = way == Way::Cfn;
        let schema = match ty {
            Ty::Any => return json!({}),
            // CloudFormation reads any scalar as text, digits in a string as an integer and
            // `"true"`/`"false"` in any case as a boolean.
            Ty::Str if cfn => json!({"type": ["string", "number", "boolean"]}),
            Ty::Str => json!({"type": "string"}),
            Ty::Int if cfn => json!({"anyOf": [
                {"type": "integer"},
                {"type": "string", "pattern": "^\\s*[+-]?[0-9]+\\s*$"},
            ]}),
            Ty::Int => json!({"type": "integer"}),
            Ty::Num => json!({"type": "number"}),
            Ty::Bool if cfn => json!({"anyOf": [
                {"type": "boolean"},
                {"type": "string", "pattern": "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"},
            ]}),
            Ty::Bool => json!({"type": "boolean"}),
            // What only outputs carry is an error in a configuration you create.
            Ty::Enum(values) if way == Way::Input => json!({"enum": values
                .iter()
                .filter(|v| !OUTPUT_ONLY_WORDS.contains(v))
                .collect::<Vec<_>>()}),
            Ty::Enum(values) => json!({"enum": values}),
            Ty::List(inner) => json!({"type": "array", "items": self.ty(inner, way)}),
            Ty::Object(shape) => self.object(shape, way),
            Ty::StrOrObject(shape) => json!({"anyOf": [
                self.ty(&Ty::Str, way),
                self.object(shape, way),
            ]}),
        };
        if cfn {
            json!({"anyOf": [schema, {"$ref": INTRINSIC}]})
        } else {
            schema
        }
    }

    /// An object of `shape`: its keys in the dialect, each described; unknown keys rejected
    /// when the checker reports them as errors.
    fn object(&self, shape: &'static Shape, way: Way) -> Value {
        let mut properties = Map::new();
        for field in shape.fields {
            let Some(name) = Self::name(field, way) else {
                continue;
            };
            // In an input the walk skips an output-only key's value (and warns about the key).
            let skipped = field.role == Role::Output && way == Way::Input;
            let mut value = if skipped {
                json!({})
            } else {
                self.ty(&field.ty, way)
            };
            let rule = if field.role == Role::Output {
                self.rules.output_only
            } else if matches!(field.ty, Ty::Enum(_)) {
                self.rules.bad_enum
            } else {
                self.rules.wrong_type
            };
            describe(&mut value, field.doc, rule);
            properties.insert(name.into(), value);
        }
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        out.insert("properties".into(), Value::Object(properties));
        if super::is_error(self.rules.unknown_key) {
            out.insert("additionalProperties".into(), json!(false));
        }
        Value::Object(out)
    }

    /// The template's resources: those of `kinds` are described, any other is left open.
    fn resources(&self, kinds: &[(&DocumentKind, &str)]) -> Value {
        let cases: Vec<Value> = kinds
            .iter()
            .map(|(kind, def)| {
                json!({
                    "if": {
                        "type": "object",
                        "required": ["Type"],
                        "properties": {"Type": {"const": kind.resource_type}},
                    },
                    "then": {"properties": {"Properties": self.linked(
                        json!({"$ref": format!("#/definitions/{def}")}),
                        &format!("the properties of the {} resource", kind.resource_type),
                    )}},
                })
            })
            .collect();
        json!({"allOf": cases})
    }

    fn linked(&self, mut value: Value, doc: &str) -> Value {
        describe(&mut value, doc, self.rules.unrecognised);
        value
    }
}

/// Adds the one-line doc and the rule's page to a property's schema.
fn describe(value: &mut Value, doc: &str, rule: &Rule) {
    let (plain, markdown) = link_description(doc, rule);
    if let Some(obj) = value.as_object_mut() {
        obj.insert("description".into(), json!(plain));
        obj.insert("markdownDescription".into(), json!(markdown));
    }
}

/// A CloudFormation intrinsic function as JSON writes it, or a short form (`!Ref X`) as an
/// editor's YAML reader sees it with `yaml.customTags` (a string or a list).
fn intrinsic() -> Value {
    json!({
        "description": "a CloudFormation intrinsic function ({\"Ref\": …}, {\"Fn::GetAtt\": …}, !Ref, !Sub, …): its value is known only when the stack is deployed",
        "anyOf": [
            {"type": "string"},
            {"type": "array"},
            {
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "patternProperties": {"^(Ref|Condition|Fn::.+)$": {}},
                "additionalProperties": false,
            },
        ],
    })
}

/// `if` → `then`, else the rest: a chain of `if`/`then`/`else` from the last case up.
fn chain(cases: Vec<(Value, Value)>, otherwise: Value) -> Value {
    cases.into_iter().rev().fold(
        otherwise,
        |rest, (cond, then)| json!({"if": cond, "then": then, "else": rest}),
    )
}

/// The cases of `read::layout` for a document of `kind` whose objects are described by the
/// definitions `{id}-input`, `{id}-output` and `{id}-cfn`, and whose template's resources of
/// `resources` are described.
fn document(
    generator: &Gen,
    kind: &DocumentKind,
    id: &str,
    resources: &[(&DocumentKind, &str)],
) -> Value {
    let def = |way: &str| json!({"$ref": format!("#/definitions/{id}-{way}")});
    let resources = generator.resources(resources);
    let is_aws_resource = json!({
        "type": "object",
        "required": ["Type"],
        "properties": {"Type": {"type": "string", "pattern": "^AWS::"}},
    });
    let mut cases = vec![
        (
            json!({"type": "object", "required": ["Resources"], "properties": {"Resources": {"type": "object"}}}),
            json!({"properties": {"Resources": generator.linked(
                json!({"type": "object", "additionalProperties": resources}),
                "the template's resources (those of CodeDeploy are checked, the others left alone)",
            )}}),
        ),
        // A map of resources without `Resources` (AWS's snippets): every value with a `Type`
        // is an AWS resource, and at least one has one.
        (
            json!({
                "type": "object",
                "not": {"required": ["Type"]},
                "additionalProperties": {
                    "if": {"type": "object", "required": ["Type"], "properties": {"Type": {"type": "string"}}},
                    "then": is_aws_resource,
                },
                "allOf": [{"not": {"additionalProperties": {"not": is_aws_resource}}}],
            }),
            json!({"additionalProperties": resources}),
        ),
        (
            json!({"type": "object", "required": ["Type"], "properties": {"Type": {"const": kind.resource_type}}}),
            json!({"properties": {"Properties": generator.linked(
                def("cfn"),
                &format!("the properties of the {} resource", kind.resource_type),
            )}}),
        ),
        (
            json!({"type": "object", "required": [kind.wrapper]}),
            json!({"properties": {kind.wrapper: generator.linked(
                def("output"),
                &format!("what get-{} returns", id),
            )}}),
        ),
    ];
    if let Some(batch) = kind.batch_wrapper {
        cases.push((
            json!({"type": "object", "required": [batch]}),
            json!({"properties": {batch: generator.linked(
                json!({"items": def("output")}),
                &format!("what batch-get-{id}s returns"),
            )}}),
        ));
    }
    // CloudFormation properties on their own: some PascalCase key, no camelCase one.
    let required = |names: Vec<&str>| -> Vec<Value> {
        names
            .into_iter()
            .map(|n| json!({"required": [n]}))
            .collect()
    };
    let cfn_keys = required(kind.shape.fields.iter().filter_map(|f| f.cfn).collect());
    let api_keys = required(kind.shape.fields.iter().filter_map(|f| f.api).collect());
    cases.push((
        json!({"type": "object", "anyOf": cfn_keys, "not": {"anyOf": api_keys}}),
        def("cfn"),
    ));
    // Anything else is the API input; a document that is not an object holds no object of
    // the kind (a warning).
    chain(
        cases,
        json!({"if": {"type": "object"}, "then": def("input")}),
    )
}

fn definitions(
    generator: &Gen,
    shapes: &[(&'static Shape, &str)],
    cfn_only: &[(&'static Shape, &str)],
) -> Value {
    let mut defs = Map::new();
    for (shape, id) in shapes {
        defs.insert(format!("{id}-input"), generator.object(shape, Way::Input));
        defs.insert(format!("{id}-output"), generator.object(shape, Way::Output));
        defs.insert(format!("{id}-cfn"), generator.object(shape, Way::Cfn));
    }
    for (shape, id) in cfn_only {
        defs.insert(format!("{id}-cfn"), generator.object(shape, Way::Cfn));
    }
    defs.insert("intrinsic".into(), intrinsic());
    Value::Object(defs)
}

/// `deployment-group.json`: a group in any of its documents, and the deployment configurations
/// of its template (checked with the group).
pub(super) fn group(name: &str, title: &str) -> Value {
    use crate::deployment_config::model as config;
    use crate::deployment_group::model as group;
    use crate::deployment_group::rules as r;
    let generator = Gen {
        rules: Rules {
            unknown_key: &r::unknown_group_key::RULE,
            wrong_type: &r::wrong_group_value_type::RULE,
            bad_enum: &r::invalid_group_enum_value::RULE,
            output_only: &r::output_only_group_key::RULE,
            unrecognised: &r::unrecognised_deployment_group::RULE,
        },
    };
    let config_gen = config_gen();
    let mut schema = header(name, title);
    let doc = document(
        &generator,
        &group::DOCUMENT,
        "deployment-group",
        &[
            (&group::DOCUMENT, "deployment-group-cfn"),
            (&config::DOCUMENT, "deployment-config-cfn"),
        ],
    );
    extend(&mut schema, doc);
    let mut defs = definitions(&generator, &[(&group::GROUP, "deployment-group")], &[]);
    if let (Value::Object(defs), Value::Object(configs)) = (
        &mut defs,
        definitions(&config_gen, &[], &[(&config::CONFIG, "deployment-config")]),
    ) {
        defs.extend(configs);
    }
    schema.insert("definitions".into(), defs);
    Value::Object(schema)
}

fn config_gen() -> Gen {
    use crate::deployment_config::rules as r;
    Gen {
        rules: Rules {
            unknown_key: &r::unknown_config_key::RULE,
            wrong_type: &r::wrong_config_value_type::RULE,
            bad_enum: &r::invalid_config_enum_value::RULE,
            output_only: &r::output_only_config_key::RULE,
            unrecognised: &r::unrecognised_deployment_config::RULE,
        },
    }
}

/// `deployment-config.json`: a configuration in any of its documents.
pub(super) fn config(name: &str, title: &str) -> Value {
    use crate::deployment_config::model as config;
    let generator = config_gen();
    let mut schema = header(name, title);
    let doc = document(
        &generator,
        &config::DOCUMENT,
        "deployment-config",
        &[(&config::DOCUMENT, "deployment-config-cfn")],
    );
    extend(&mut schema, doc);
    schema.insert(
        "definitions".into(),
        definitions(&generator, &[(&config::CONFIG, "deployment-config")], &[]),
    );
    Value::Object(schema)
}

fn extend(schema: &mut Map<String, Value>, with: Value) {
    if let Value::Object(map) = with {
        schema.extend(map);
    }
}
