//! The JSON Schema of a CodePipeline declaration (what `aws codepipeline get-pipeline` prints,
//! with or without its `pipeline` wrapper), generated from the key tables lowering reads
//! ([`crate::pipeline::lower`]: each key, whether a declaration requires it, its value's type and
//! its doc) and the severities of the rules that report what lowering notices.
//!
//! A declaration is read as the AWS CLI validates it: strings where the API has strings, integers
//! where it has integers, no unknown keys and no keys in another case (all errors). A
//! CloudFormation template (a file with `Resources`) is left open: its values may be intrinsic
//! functions, which the checker never judges.

use serde_json::{Map, Value, json};

use super::{header, is_error, link_description};
use crate::pipeline::lower::{DECLARATION_KEYS, Key, KeyTy, Keys};
use crate::pipeline::rules as r;
use crate::rule::Rule;

/// The schema of a value of type `ty` (`null` is accepted: an empty value is missing, which only
/// a required key's `not null` rejects).
fn ty(ty: &KeyTy) -> Value {
    match ty {
        KeyTy::Str => json!({"type": ["string", "null"]}),
        KeyTy::Int => json!({"type": ["integer", "null"]}),
        KeyTy::Bool => json!({"type": ["boolean", "null"]}),
        KeyTy::Enum(values) => {
            let mut values: Vec<Value> = values.iter().map(|v| json!(v)).collect();
            if !is_error(&r::invalid_enum_value::RULE) {
                return json!({"examples": values});
            }
            values.push(Value::Null);
            json!({"enum": values})
        }
        KeyTy::Object(keys) => object(keys),
        KeyTy::List(inner) => json!({"type": ["array", "null"], "items": self::ty(inner)}),
        KeyTy::Dict(inner) => {
            json!({"type": ["object", "null"], "additionalProperties": self::ty(inner)})
        }
        // The provider's keys are checked by warnings (CP043): any key, a string value.
        KeyTy::Configuration => json!({
            "type": ["object", "null"],
            "additionalProperties": {"type": ["string", "null"]},
        }),
    }
}

/// The rule whose page a key's description links: the one reporting it missing, or its value
/// outside a closed set, or of the wrong type.
fn rule_of(key: &Key) -> &'static Rule {
    match key.ty {
        _ if key.in_declaration => &r::missing_required_key::RULE,
        KeyTy::Enum(_) => &r::invalid_enum_value::RULE,
        KeyTy::Configuration => &r::unknown_configuration_key::RULE,
        _ => &r::wrong_pipeline_value_type::RULE,
    }
}

/// A mapping with the keys of `keys`, each described.
fn object(keys: Keys) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for key in keys {
        let mut value = ty(&key.ty);
        let (plain, markdown) = link_description(key.doc, rule_of(key));
        if let Some(obj) = value.as_object_mut() {
            if key.in_declaration && is_error(&r::missing_required_key::RULE) {
                // A required key left empty is missing.
                obj.insert("not".into(), json!({"type": "null"}));
                required.push(json!(key.name));
            }
            obj.insert("description".into(), json!(plain));
            obj.insert("markdownDescription".into(), json!(markdown));
        }
        properties.insert(key.name.into(), value);
    }
    let mut out = Map::new();
    let types = if required.is_empty() {
        json!(["object", "null"])
    } else {
        json!("object")
    };
    out.insert("type".into(), types);
    out.insert("properties".into(), Value::Object(properties));
    if is_error(&r::unknown_pipeline_key::RULE) && is_error(&r::wrong_key_case::RULE) {
        out.insert("additionalProperties".into(), json!(false));
    }
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
    Value::Object(out)
}

/// `pipeline.json`.
pub(super) fn pipeline(name: &str, title: &str) -> Value {
    let declaration = object(DECLARATION_KEYS);
    let mut described = declaration.clone();
    let (plain, markdown) = link_description(
        "the pipeline's declaration: `name`, `roleArn`, `artifactStore` and `stages`",
        &r::missing_required_key::RULE,
    );
    if let Some(obj) = described.as_object_mut() {
        obj.insert("description".into(), json!(plain));
        obj.insert("markdownDescription".into(), json!(markdown));
    }
    let (plain, markdown) = link_description(
        "what `get-pipeline` prints besides the declaration (ARN, dates); `update-pipeline` does not take it",
        &r::get_pipeline_metadata::RULE,
    );
    let wrapped = json!({
        "type": "object",
        "properties": {
            "pipeline": described,
            "metadata": {"description": plain, "markdownDescription": markdown},
        },
        "required": ["pipeline"],
        "additionalProperties": !is_error(&r::unknown_pipeline_key::RULE),
    });
    let mut schema = header(name, title);
    schema.insert(
        "description".into(),
        json!(format!(
            "{title} (what `aws codepipeline get-pipeline` prints, with or without its `pipeline` wrapper), as `cicd check` reads it: generated from the checker's tables. A CloudFormation template (with `Resources`) is not described here; `cicd check` reads it."
        )),
    );
    schema.insert(
        "if".into(),
        json!({"type": "object", "required": ["Resources"]}),
    );
    schema.insert("then".into(), json!({}));
    schema.insert(
        "else".into(),
        json!({
            "if": {"type": "object", "required": ["pipeline"]},
            "then": wrapped,
            "else": declaration,
        }),
    );
    Value::Object(schema)
}
