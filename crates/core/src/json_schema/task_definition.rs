//! The JSON Schema of the ECS task definition, generated from the key tables its walk reads
//! ([`crate::task_definition::schema`]): the definition itself (`taskdef.json`, the input of
//! `register-task-definition --cli-input-json`), the `{"taskDefinition": …}` output of
//! `describe-task-definition`, told apart as the model tells them apart (a `taskDefinition`
//! object), and a list of container definitions (`--container-definitions file://…`). A
//! container definition and the definition are described once and referred to.

use serde_json::{Map, Value, json};

use super::{Gen, header};
use crate::schema::Ty;
use crate::task_definition::schema as table;

const CONTAINER: &str = "#/definitions/container";
const DEFINITION: &str = "#/definitions/task-definition";

/// `task-definition.json`.
pub(super) fn task_definition(name: &str, title: &str) -> Value {
    let generator = Gen {
        rules: &table::RULES,
    };
    let container = generator.ty(&Ty::Map(&table::CONTAINER));
    let to_ref = |mut value: Value| {
        replace(&mut value, &container, &json!({"$ref": CONTAINER}));
        value
    };
    let mut described = generator.map(&table::DESCRIBED, false);
    // The definition inside is the one described below: keep its doc, refer to its schema.
    if let Some(Value::Object(inner)) = described.pointer_mut("/properties/taskDefinition") {
        inner.retain(|k, _| k == "description" || k == "markdownDescription");
        inner.insert("$ref".into(), json!(DEFINITION));
    }
    let mut definitions = Map::new();
    definitions.insert("container".into(), container.clone());
    definitions.insert(
        "task-definition".into(),
        to_ref(generator.map(&table::ROOT, false)),
    );
    definitions.insert("described".into(), described);
    definitions.insert(
        "container-definitions".into(),
        to_ref(generator.ty(&table::CONTAINER_LIST)),
    );
    let mut schema = header(name, title);
    // ECS001 refuses anything but an object or a list of container definitions.
    schema.insert("type".into(), json!(["object", "array"]));
    schema.insert("if".into(), json!({"type": "array"}));
    // A list is a task definition's containers only as `model::container_list` reads one:
    // not empty, each with an `image`, none with `imagedefinitions.json`'s `imageUri`.
    schema.insert(
        "then".into(),
        json!({
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["image"],
                "not": {"required": ["imageUri"]},
            },
            "allOf": [{"$ref": "#/definitions/container-definitions"}],
        }),
    );
    schema.insert(
        "else".into(),
        json!({
            "if": {
                "type": "object",
                "required": ["taskDefinition"],
                "properties": {"taskDefinition": {"type": "object"}},
            },
            "then": {"$ref": "#/definitions/described"},
            "else": {"$ref": DEFINITION},
        }),
    );
    schema.insert("definitions".into(), Value::Object(definitions));
    Value::Object(schema)
}

/// Replaces every part of `value` equal to `target` with `with`.
fn replace(value: &mut Value, target: &Value, with: &Value) {
    if value == target {
        *value = with.clone();
        return;
    }
    match value {
        Value::Object(map) => map.values_mut().for_each(|v| replace(v, target, with)),
        Value::Array(items) => items.iter_mut().for_each(|v| replace(v, target, with)),
        _ => {}
    }
}
