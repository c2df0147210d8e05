//! The JSON Schema of the IAM role trust policy, generated from the lowering's element tables
//! ([`crate::trust_policy::lower`]: the elements of the policy and of a statement, the principal
//! types, their docs), the condition operators ([`BaseOperator::ALL`]), the policy language
//! versions and the severities of the rules that read them.
//!
//! IAM matches element names and principal types ignoring case (a name in another case is a
//! warning, IAM010), so names are patterns in any case; a required element is then "some key
//! matching the pattern" rather than `required`.

use serde_json::{Map, Value, json};

use super::{any_case, any_case_body, header, is_error, link_description};
use crate::rule::Rule;
use crate::trust_policy::lower::{ELEMENT_DOCS, PRINCIPAL_KEYS, STATEMENT_ELEMENTS, TOP_ELEMENTS};
use crate::trust_policy::operators::BaseOperator;
use crate::trust_policy::rules as r;
use crate::trust_policy::{CURRENT_VERSION, OLD_VERSION};

/// Elements a statement of a trust policy may not have, and the rule saying so.
fn forbidden() -> [(&'static str, &'static Rule); 3] {
    [
        ("NotPrincipal", &r::not_principal_in_trust_policy::RULE),
        ("Resource", &r::resource_in_trust_policy::RULE),
        ("NotResource", &r::resource_in_trust_policy::RULE),
    ]
}

fn doc(name: &str) -> &'static str {
    ELEMENT_DOCS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, d)| d)
}

/// `value` with `name`'s doc and `rule`'s page.
fn described(mut value: Value, name: &str, rule: &Rule) -> Value {
    let (plain, markdown) = link_description(doc(name), rule);
    if let Some(obj) = value.as_object_mut() {
        obj.insert("description".into(), json!(plain));
        obj.insert("markdownDescription".into(), json!(markdown));
    }
    value
}

/// A CloudFormation intrinsic function (`{"Fn::Sub": …}`), which lowering leaves unjudged.
fn intrinsic() -> Value {
    json!({
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "patternProperties": {"^(Ref|Fn::.+)$": {}},
        "additionalProperties": false,
    })
}

/// Some key of the object matches `name` in any case (a required element).
fn has(name: &str) -> Value {
    json!({"not": {"propertyNames": {"not": {"pattern": any_case(&[name])}}}})
}

/// An object whose known keys are `elements` (in any case), with `schemas` for each and, when
/// unknown names are errors, nothing else.
fn object(elements: &[(&str, Value)], closed: bool) -> Map<String, Value> {
    let mut properties = Map::new();
    let mut patterns = Map::new();
    for (name, schema) in elements {
        properties.insert((*name).into(), schema.clone());
        patterns.insert(any_case(&[name]), strip_docs(schema.clone()));
    }
    let mut out = Map::new();
    out.insert("type".into(), json!("object"));
    // The documented spelling is described (completion, hover); any other case is accepted.
    out.insert("properties".into(), Value::Object(properties));
    out.insert("patternProperties".into(), Value::Object(patterns));
    if closed {
        out.insert("additionalProperties".into(), json!(false));
    }
    out
}

/// A schema without its descriptions (the copy under a pattern, which editors do not show).
fn strip_docs(mut schema: Value) -> Value {
    if let Some(obj) = schema.as_object_mut() {
        obj.remove("description");
        obj.remove("markdownDescription");
    }
    schema
}

/// Every condition operator, in any case, with or without a set qualifier and `IfExists`
/// (`Null` takes no `IfExists`).
fn operator_pattern() -> String {
    let mut bases = Vec::new();
    for base in BaseOperator::ALL {
        let name = any_case_body(base.name());
        if *base == BaseOperator::Null {
            bases.push(name);
        } else {
            bases.push(format!("{name}({})?", any_case_body("IfExists")));
        }
    }
    format!(
        "^(({}|{}):)?({})$",
        any_case_body("ForAllValues"),
        any_case_body("ForAnyValue"),
        bases.join("|")
    )
}

/// `trust-policy.json`.
pub(super) fn policy(name: &str, title: &str) -> Value {
    let wrong_type = &r::invalid_element_type::RULE;
    let strict = |rule: &Rule, schema: Value| if is_error(rule) { schema } else { json!({}) };
    let string = json!({"type": "string"});

    // A principal type's value: a string or a list of them (or an intrinsic function).
    let principal_value = json!({"anyOf": [
        string,
        {"type": "array", "minItems": 1, "items": {"anyOf": [string, intrinsic()]}},
        intrinsic(),
    ]});
    let types: Vec<(&str, Value)> = PRINCIPAL_KEYS
        .iter()
        .map(|(key, _)| {
            (
                *key,
                described(principal_value.clone(), key, &r::invalid_principal::RULE),
            )
        })
        .collect();
    let mut principal_object = object(&types, is_error(&r::invalid_principal::RULE));
    principal_object.insert("minProperties".into(), json!(1));
    // `"*"`, or a template's placeholder (a warning): a superset of what `text::placeholder`
    // finds (`${…}`, `<…>`, `__NAME__`, `YOUR_…`, `REPLACE_ME`, `CHANGEME`, `PLACEHOLDER`).
    let principal_string = json!({
        "type": "string",
        "pattern": "^\\*$|\\$\\{|<|__|YOUR_|REPLACE_ME|CHANGE_?ME|PLACEHOLDER",
    });
    let principal = json!({"anyOf": [principal_string, principal_object, intrinsic()]});

    // `service:Action` or `*` (`rules::helpers::well_formed`, IAM015).
    let action_name = json!({
        "type": "string",
        "pattern": "^(\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$",
    });
    let action_string = strict(&r::malformed_action::RULE, action_name);
    let action = json!({"anyOf": [
        action_string,
        {"type": "array", "minItems": 1, "items": action_string},
    ]});

    let scalar = json!({"type": ["string", "number", "boolean"]});
    let condition_value = json!({"anyOf": [
        scalar,
        {"type": "array", "items": scalar},
        intrinsic(),
    ]});
    let operator_block = json!({"type": "object", "additionalProperties": condition_value});
    let mut condition = Map::new();
    condition.insert("type".into(), json!("object"));
    let mut operators = Map::new();
    operators.insert(operator_pattern(), operator_block.clone());
    condition.insert("patternProperties".into(), Value::Object(operators));
    if is_error(&r::unknown_condition_operator::RULE) {
        condition.insert("additionalProperties".into(), json!(false));
    } else {
        condition.insert("additionalProperties".into(), operator_block);
    }

    let effect = json!({"type": "string", "pattern": any_case(&["Allow", "Deny"]), "examples": ["Allow", "Deny"]});
    let sid = json!({"type": "string", "pattern": "^[A-Za-z0-9]*$"});

    let forbidden = forbidden();
    let mut elements: Vec<(&str, Value)> = Vec::new();
    for element in STATEMENT_ELEMENTS {
        let schema = match *element {
            "Sid" => described(
                strict(&r::invalid_sid::RULE, sid.clone()),
                element,
                &r::invalid_sid::RULE,
            ),
            "Effect" => described(effect.clone(), element, &r::invalid_effect::RULE),
            "Principal" => described(principal.clone(), element, &r::invalid_principal::RULE),
            "Action" | "NotAction" => {
                described(action.clone(), element, &r::malformed_action::RULE)
            }
            "Condition" => described(
                Value::Object(condition.clone()),
                element,
                &r::unknown_condition_operator::RULE,
            ),
            other => match forbidden.iter().find(|(n, _)| *n == other) {
                // Forbidden here: left out, so unknown (when its rule is an error).
                Some((_, rule)) if is_error(rule) => continue,
                _ => json!({}),
            },
        };
        elements.push((element, schema));
    }
    let mut statement = object(&elements, is_error(&r::unknown_element::RULE));
    let mut required = Vec::new();
    if is_error(&r::invalid_effect::RULE) {
        required.push(has("Effect"));
    }
    if is_error(&r::missing_principal::RULE) {
        required.push(has("Principal"));
    }
    if is_error(&r::missing_action::RULE) {
        required.push(json!({"anyOf": [has("Action"), has("NotAction")]}));
    }
    statement.insert("allOf".into(), Value::Array(required));
    let statement = Value::Object(statement);

    let version = json!({"type": "string", "enum": [CURRENT_VERSION, OLD_VERSION]});
    let statements = json!({"anyOf": [
        statement,
        {"type": "array", "minItems": 1, "items": statement},
    ]});
    let mut top: Vec<(&str, Value)> = Vec::new();
    for element in TOP_ELEMENTS {
        let schema = match *element {
            "Version" => described(
                strict(&r::invalid_policy_version::RULE, version.clone()),
                element,
                &r::invalid_policy_version::RULE,
            ),
            "Id" => described(strict(wrong_type, string.clone()), element, wrong_type),
            _ => described(statements.clone(), element, &r::missing_statement::RULE),
        };
        top.push((element, schema));
    }
    let mut schema = header(name, title);
    schema.extend(object(&top, is_error(&r::unknown_element::RULE)));
    if is_error(&r::missing_statement::RULE) {
        schema.insert("allOf".into(), json!([has("Statement")]));
    }
    Value::Object(schema)
}
