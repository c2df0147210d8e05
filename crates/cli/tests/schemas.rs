//! The JSON Schemas of `schemas/`: the committed files are what `cicd schema --out schemas`
//! writes today (`CICD_BLESS=1` rewrites them), every example, corpus and fixture file the
//! checker finds error-free validates against its kind's schema (a schema is never stricter than
//! the checker), and broken fixtures of the errors a schema can see fail it.

mod common;

use std::path::{Path, PathBuf};

use cicd_core::appspec::{Detection, Platform};
use cicd_core::json_schema;
use cicd_core::pipeline::Form;
use cicd_core::{Kind, Model, Options, Severity};
use common::{cicd, root, stdout};
use saphyr::{LoadableYamlNode, Scalar, Yaml};
use serde_json::{Value, json};

#[test]
fn committed_schemas_are_fresh() {
    let dir = root().join("schemas");
    let all = json_schema::all();
    if std::env::var_os("CICD_BLESS").is_some() {
        let o = cicd(&["schema", "--out", "schemas"]);
        assert!(o.status.success());
    }
    let mut stale = Vec::new();
    for file in &all {
        let committed = std::fs::read_to_string(dir.join(file.name)).unwrap_or_default();
        if committed != json_schema::to_text(&file.schema) {
            stale.push(file.name);
        }
        // The command prints the same text.
        let o = cicd(&["schema", file.name.trim_end_matches(".json")]);
        assert_eq!(stdout(&o), json_schema::to_text(&file.schema));
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `cargo run -p cicd-cli -- schema --out schemas` (or this test with CICD_BLESS=1)"
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("schemas/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = all.iter().map(|f| f.name.to_string()).collect();
    expected.sort();
    assert_eq!(
        names, expected,
        "schemas/ holds exactly the generated files"
    );
}

#[test]
fn every_schema_is_valid_draft_07_with_documented_properties() {
    for file in json_schema::all() {
        assert_eq!(file.schema["$schema"], json_schema::DRAFT);
        assert!(
            jsonschema::draft7::meta::is_valid(&file.schema),
            "{}",
            file.name
        );
        let mut undocumented = Vec::new();
        walk_properties(&file.schema, "", &mut undocumented);
        assert!(undocumented.is_empty(), "{}: {undocumented:?}", file.name);
    }
}

/// Properties without a description or a link to a rule page (outside conditions).
fn walk_properties(schema: &Value, path: &str, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                for (key, value) in props {
                    let described = value["description"]
                        .as_str()
                        .is_some_and(|d| d.contains("https://cicd-playground.dev/rules/"));
                    if !described {
                        out.push(format!("{path}.{key}"));
                    }
                }
            }
            for (key, value) in map {
                // Conditions (`if`, `not`) tell documents apart; they document nothing.
                if key != "if" && key != "not" {
                    walk_properties(value, &format!("{path}/{key}"), out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| walk_properties(v, path, out)),
        _ => {}
    }
}

/// A YAML or JSON document as an editor's YAML 1.2 reader sees it.
fn to_json(text: &str) -> Option<Value> {
    let docs = Yaml::load_from_str(text).ok()?;
    docs.first().map(yaml_value)
}

fn yaml_value(y: &Yaml<'_>) -> Value {
    match y {
        Yaml::Value(s) => match s {
            Scalar::Null => Value::Null,
            Scalar::Boolean(b) => json!(b),
            Scalar::Integer(i) => json!(i),
            Scalar::FloatingPoint(f) => json!(f.into_inner()),
            Scalar::String(s) => json!(s),
        },
        Yaml::Sequence(items) => Value::Array(items.iter().map(yaml_value).collect()),
        Yaml::Mapping(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match yaml_value(k) {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (key, yaml_value(v))
                })
                .collect(),
        ),
        Yaml::Tagged(_, inner) => yaml_value(inner),
        Yaml::Representation(text, ..) => json!(text),
        Yaml::Alias(_) | Yaml::BadValue => Value::Null,
    }
}

/// The schema file a checked file is described by (`None`: no schema for its kind yet, or an
/// AppSpec whose platform cannot be told).
fn schema_for(kind: Kind, model: &Model) -> Option<&'static str> {
    match (kind, model) {
        (Kind::Buildspec, _) => Some("buildspec.json"),
        (Kind::Workflow, _) => Some("workflow.json"),
        (Kind::TrustPolicy, _) => Some("trust-policy.json"),
        // A template is left open by the schema: only declarations are described.
        (Kind::Pipeline, Model::Pipeline(p)) => match p.form {
            Form::Declaration { .. } => Some("pipeline.json"),
            Form::Template | Form::Unknown => None,
        },
        (Kind::DeploymentGroup, _) => Some("deployment-group.json"),
        (Kind::DeploymentConfig, _) => Some("deployment-config.json"),
        (Kind::TaskDefinition, _) => Some("task-definition.json"),
        (Kind::ImageDefinitions, _) => Some("image-definitions.json"),
        (Kind::Appspec, Model::Appspec(a)) => match a.detection {
            Detection::Known(Platform::Ec2) => Some("appspec-ec2.json"),
            Detection::Known(Platform::Ecs) => Some("appspec-ecs.json"),
            Detection::Known(Platform::Lambda) => Some("appspec-lambda.json"),
            Detection::Unknown | Detection::Template => None,
        },
        _ => None,
    }
}

fn validators() -> Vec<(&'static str, jsonschema::Validator)> {
    json_schema::all()
        .into_iter()
        .map(|f| {
            let v = jsonschema::draft7::new(&f.schema).expect("schema compiles");
            (f.name, v)
        })
        .collect()
}

/// Every file below `dir` (recursively), sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

struct Checked {
    name: String,
    schema: &'static str,
    errors: usize,
    json: Value,
}

/// Checks `path` as `kind` (or its detected kind); `None` when it has no schema or no document.
fn check(path: &Path, kind: Option<Kind>) -> Option<Checked> {
    let bytes = std::fs::read(path).ok()?;
    let name = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let kind = kind.or_else(|| Kind::detect(Some(&name), &text))?;
    let (text, analysis) = cicd_core::analyze_bytes(kind, &bytes, &Options::default()).ok()?;
    let schema = schema_for(kind, &analysis.model)?;
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let json = to_json(&text)?;
    Some(Checked {
        name,
        schema,
        errors,
        json,
    })
}

fn errors(validators: &[(&str, jsonschema::Validator)], c: &Checked) -> Vec<String> {
    let (_, v) = validators
        .iter()
        .find(|(n, _)| *n == c.schema)
        .expect("validator");
    v.iter_errors(&c.json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect()
}

#[test]
fn every_error_free_file_validates_against_its_schema() {
    let validators = validators();
    let mut files: Vec<(PathBuf, Option<Kind>)> = Vec::new();
    for f in files_under(&root().join("examples")) {
        files.push((f, None));
    }
    for kind in Kind::ALL {
        for f in files_under(&root().join("tests/corpus").join(kind.id())) {
            files.push((f, Some(*kind)));
        }
        for f in files_under(&root().join("crates/core/tests/fixtures").join(kind.id())) {
            // Workspace fixtures (a workflow with its trust policy) are named as in a
            // repository: their kinds come from their names.
            let nested = f.components().count()
                > root()
                    .join("crates/core/tests/fixtures")
                    .components()
                    .count()
                    + 4;
            files.push((f, if nested { None } else { Some(*kind) }));
        }
    }
    let mut validated = std::collections::BTreeMap::<&str, usize>::new();
    let mut failures = Vec::new();
    for (path, kind) in files {
        let Some(c) = check(&path, kind) else {
            continue;
        };
        if c.errors > 0 {
            continue;
        }
        let errs = errors(&validators, &c);
        if errs.is_empty() {
            *validated.entry(c.schema).or_default() += 1;
        } else {
            failures.push(format!("{} ({}): {}", c.name, c.schema, errs.join("; ")));
        }
    }
    eprintln!("error-free files validated per schema: {validated:?}");
    assert!(
        failures.is_empty(),
        "{} error-free files fail their schema:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for file in json_schema::all() {
        assert!(
            validated.get(file.name).copied().unwrap_or(0) >= 3,
            "{} validated only {:?} files",
            file.name,
            validated.get(file.name)
        );
    }
}

#[test]
fn broken_fixtures_fail_their_schema() {
    let validators = validators();
    let fixtures = root().join("crates/core/tests/fixtures");
    let mut failed = std::collections::BTreeMap::<&str, usize>::new();
    let mut passed = Vec::new();
    for (kind, code) in [
        (Kind::Buildspec, "BS020"),
        (Kind::Buildspec, "BS002"),
        (Kind::Buildspec, "BS056"),
        (Kind::Buildspec, "BS057"),
        // AppSpec: wrong types, `files` entries without `source`/`destination`, permissions
        // without `object`, scripts without `location`.
        (Kind::Appspec, "AS002"),
        (Kind::Appspec, "AS022"),
        (Kind::Appspec, "AS031"),
        (Kind::Appspec, "AS042"),
        // Unknown keys, wrong types and words outside closed sets, in API JSON and
        // CloudFormation (where an intrinsic's short form reads as any string, so a misspelt
        // word is only a suggestion).
        (Kind::DeploymentGroup, "DEP101"),
        (Kind::DeploymentGroup, "DEP102"),
        (Kind::DeploymentGroup, "DEP103"),
        (Kind::DeploymentConfig, "DEP001"),
        (Kind::DeploymentConfig, "DEP002"),
        (Kind::DeploymentConfig, "DEP003"),
        // Trust policies: element types and names, required elements, versions, Sids,
        // effects, principals in a trust policy, actions, operators (IAM013's value checks,
        // such as an ARN's shape, are beyond a schema).
        // Pipeline declarations: unknown keys, keys in another case, wrong types, required keys
        // and words outside closed sets.
        (Kind::Pipeline, "CP002"),
        (Kind::Pipeline, "CP003"),
        (Kind::Pipeline, "CP004"),
        (Kind::Pipeline, "CP005"),
        (Kind::Pipeline, "CP007"),
        (Kind::TrustPolicy, "IAM001"),
        (Kind::TrustPolicy, "IAM002"),
        (Kind::TrustPolicy, "IAM003"),
        (Kind::TrustPolicy, "IAM005"),
        (Kind::TrustPolicy, "IAM007"),
        (Kind::TrustPolicy, "IAM009"),
        (Kind::TrustPolicy, "IAM011"),
        (Kind::TrustPolicy, "IAM012"),
        (Kind::TrustPolicy, "IAM014"),
        (Kind::TrustPolicy, "IAM015"),
        (Kind::TrustPolicy, "IAM018"),
        (Kind::TrustPolicy, "IAM020"),
        // Task definitions: a missing, empty or misspelt `family`/`containerDefinitions`, a
        // file that is not an object, wrong types (a container list that is an object, a
        // command that is one string, a port that is a word).
        (Kind::TaskDefinition, "ECS001"),
        (Kind::TaskDefinition, "ECS021"),
        // Image definitions: not a list, entries that are not objects, values that are not
        // strings (a missing key is only required in its documented spelling by the rule,
        // which reads keys in any case).
        (Kind::ImageDefinitions, "IMG001"),
        (Kind::ImageDefinitions, "IMG002"),
    ] {
        for path in files_under(&fixtures.join(kind.id()).join(code).join("err")) {
            let Some(c) = check(&path, Some(kind)) else {
                continue;
            };
            // A rule may report some findings as warnings (IAM013 on a `CanonicalUser`).
            if c.errors == 0 {
                continue;
            }
            if errors(&validators, &c).is_empty() {
                passed.push(c.name);
            } else {
                *failed.entry(c.schema).or_default() += 1;
            }
        }
    }
    // What only the checker's rules see, not a schema.
    let beyond_schema = [
        // `os` is lowered by a function whose shape the table does not document yet.
        "crates/core/tests/fixtures/appspec/AS002/err/os-list.yml",
        // A `TargetService`/`TargetVersion` resource's name is checked by the rule.
        "crates/core/tests/fixtures/appspec/AS002/err/resource-without-name.yml",
        // Empty strings: the rules read the values.
        "crates/core/tests/fixtures/appspec/AS031/err/empty-object.yml",
        "crates/core/tests/fixtures/appspec/AS042/err/blank-location.yml",
    ];
    passed.retain(|name| !beyond_schema.contains(&name.as_str()));
    eprintln!("broken fixtures rejected per schema: {failed:?}; accepted: {passed:?}");
    assert!(failed.values().sum::<usize>() >= 40, "{failed:?}");
    assert!(passed.is_empty(), "{passed:?}");
}
