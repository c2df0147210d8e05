//! `cicd check` on image definitions files: the file alone (its kind from its name), and a
//! folder where its names, or those a buildspec writes, relate to the task definition's
//! containers (IMG080, BS093), each finding in the JSON contract with its primary `file` and
//! `labels` carrying the other files.

mod common;

use common::{cicd, json, stdout};
use serde_json::Value;

const TASKDEF: &str = r#"{
  "family": "web-app",
  "containerDefinitions": [
    {"name": "web", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.1",
     "essential": true, "portMappings": [{"containerPort": 80}]}
  ]
}
"#;

const PIPELINE: &str = r#"{"pipeline": {"name": "web-app", "roleArn": "arn:aws:iam::111122223333:role/pipeline",
  "artifactStore": {"type": "S3", "location": "artifacts-111122223333"},
  "stages": [
    {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
      "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:111122223333:connection/0c9d5f3a-1b2c-4d5e-8f90-123456789abc", "FullRepositoryId": "octo-org/web-app", "BranchName": "main"},
      "outputArtifacts": [{"name": "Source"}]}]},
    {"name": "Deploy", "actions": [{"name": "Deploy", "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "ECS", "version": "1"},
      "configuration": {"ClusterName": "web", "ServiceName": "web-app", "FileName": "deploy/imagedefinitions.json"}, "inputArtifacts": [{"name": "Source"}]}]}
  ]}}
"#;

/// A folder holding `files`.
fn folder(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cicd-images-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
    }
    dir
}

fn with_code<'a>(v: &'a Value, code: &str) -> Vec<&'a Value> {
    v.as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

fn ends_with(v: &Value, suffix: &str) -> bool {
    v.as_str().is_some_and(|s| s.ends_with(suffix))
}

#[test]
fn a_file_is_checked_as_image_definitions_by_its_name() {
    let dir = folder(
        "alone",
        &[
            (
                "imagedefinitions.json",
                r#"{"ImageURI": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.2"}"#,
            ),
            (
                "ok/imagedefinitions.json",
                r#"[{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.2"}]"#,
            ),
        ],
    );
    let file = dir.join("imagedefinitions.json");
    let o = cicd(&["check", "--format", "json", file.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    let [d] = with_code(&v, "IMG001")[..] else {
        panic!("one IMG001: {v:#}")
    };
    assert_eq!(d["kind"], "image-definitions");
    assert_eq!(d["severity"], "error");
    assert!(
        d["message"]
            .as_str()
            .is_some_and(|m| m.contains("imageDetail.json")),
        "{d:#}"
    );
    let ok = dir.join("ok/imagedefinitions.json");
    let o = cicd(&["check", ok.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Any name, with the kind given.
    let o = cicd(&[
        "check",
        "--kind",
        "image-definitions",
        "--format",
        "json",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(with_code(&json(&o), "IMG001").len(), 1);
}

#[test]
fn a_folder_relates_the_names_to_the_task_definition() {
    let images = r#"[{"name": "web-app", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.2"}]"#;
    let dir = folder(
        "related",
        &[
            ("deploy/imagedefinitions.json", images),
            (".aws/task-definition.json", TASKDEF),
            ("pipeline.json", PIPELINE),
        ],
    );
    let o = cicd(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    // A warning: no file has an error.
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    let [d] = with_code(&v, "IMG080")[..] else {
        panic!("one IMG080: {v:#}")
    };
    assert!(
        ends_with(&d["file"], "deploy/imagedefinitions.json"),
        "{d:#}"
    );
    assert_eq!(d["kind"], "image-definitions");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        (d["line"].clone(), d["column"].clone()),
        (1.into(), 11.into())
    );
    let labels = d["labels"].as_array().expect("labels");
    let taskdef = labels
        .iter()
        .find(|l| ends_with(&l["file"], ".aws/task-definition.json"))
        .unwrap_or_else(|| panic!("a label in the task definition: {d:#}"));
    assert_eq!(taskdef["line"], 3, "the `containerDefinitions` key");
    assert!(
        labels
            .iter()
            .any(|l| ends_with(&l["file"], "pipeline.json") && l["line"] == 8),
        "the action's `FileName`: {d:#}"
    );

    // The container's name in the file clears it.
    let fixed = folder(
        "related-fixed",
        &[
            (
                "deploy/imagedefinitions.json",
                &images.replace("web-app\"", "web\""),
            ),
            (".aws/task-definition.json", TASKDEF),
            ("pipeline.json", PIPELINE),
        ],
    );
    let o = cicd(&["check", "--format", "json", fixed.to_str().expect("utf-8")]);
    assert!(with_code(&json(&o), "IMG080").is_empty(), "{}", stdout(&o));
}

#[test]
fn a_folder_relates_the_names_a_buildspec_writes() {
    let buildspec = r#"version: 0.2
phases:
  post_build:
    commands:
      - printf '[{"name":"container_name","imageUri":"%s"}]' "$REPOSITORY_URI:$IMAGE_TAG" > imagedefinitions.json
artifacts:
  files:
    - imagedefinitions.json
"#;
    let dir = folder(
        "written",
        &[
            ("buildspec.yml", buildspec),
            ("task-definition.json", TASKDEF),
        ],
    );
    let o = cicd(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    let v = json(&o);
    let [d] = with_code(&v, "BS093")[..] else {
        panic!("one BS093: {v:#}")
    };
    assert!(ends_with(&d["file"], "buildspec.yml"), "{d:#}");
    assert_eq!(
        (d["line"].clone(), d["column"].clone()),
        (5.into(), 27.into())
    );
    assert!(
        ends_with(&d["labels"][0]["file"], "task-definition.json"),
        "{d:#}"
    );
    // The human format frames both files.
    let o = cicd(&["check", dir.to_str().expect("utf-8")]);
    let out = stdout(&o);
    assert!(out.contains("warning[BS093]"), "{out}");
    assert!(out.contains("task-definition.json:3:3"), "{out}");
}
