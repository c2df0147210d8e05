//! The build side of `cicd check` on a folder or several files: a pipeline and its buildspec
//! (CP035), an ECS AppSpec and its task definition (AS080, AS081), each finding in the JSON
//! contract with its primary `file` and `labels` carrying the other file.

mod common;

use common::{cicd, json, root, stdout};
use serde_json::Value;

/// The broken blue/green release of the gallery laid out as its repository.
fn release(name: &str, buildspec: &str) -> std::path::PathBuf {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).expect("read example");
    let dir = std::env::temp_dir().join(format!("cicd-build-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in [
        ("buildspec.yml", buildspec.to_string()),
        (
            "pipeline.json",
            read("examples/broken/ecs-release-pipeline.json"),
        ),
        (
            "ecs/appspec.yaml",
            read("examples/broken/ecs-release-appspec.yaml"),
        ),
        (
            "ecs/taskdef.json",
            read("examples/broken/ecs-release-taskdef.json"),
        ),
    ] {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
    }
    dir
}

fn broken_buildspec() -> String {
    std::fs::read_to_string(root().join("examples/broken/ecs-release-buildspec.yml"))
        .expect("read example")
}

/// The line of the broken buildspec's `artifacts.files` key.
fn files_line() -> usize {
    broken_buildspec()
        .lines()
        .position(|l| l == "  files:")
        .expect("a files key")
        + 1
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
fn a_folder_relates_the_pipeline_buildspec_appspec_and_task_definition() {
    let dir = release("broken", &broken_buildspec());
    let o = cicd(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    let cp = with_code(&v, "CP035");
    assert_eq!(cp.len(), 2, "{v:#}");
    for d in &cp {
        assert!(ends_with(&d["file"], "pipeline.json"), "{d:#}");
        assert_eq!(d["kind"], "pipeline");
        assert_eq!(d["severity"], "error");
        let labels = d["labels"].as_array().expect("labels");
        let there = labels
            .iter()
            .find(|l| ends_with(&l["file"], "buildspec.yml"))
            .unwrap_or_else(|| panic!("a label in the buildspec: {d:#}"));
        assert_eq!(there["line"], files_line(), "the `files` key");
        assert!(
            labels
                .iter()
                .any(|l| ends_with(&l["file"], "pipeline.json")),
            "the build's output artifact: {d:#}"
        );
    }
    let messages: Vec<&str> = cp.iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("`taskdef.json`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`appspec.yaml`")),
        "{messages:?}"
    );

    let [port] = with_code(&v, "AS081")[..] else {
        panic!("one AS081: {v:#}")
    };
    assert!(ends_with(&port["file"], "ecs/appspec.yaml"), "{port:#}");
    assert_eq!(port["line"], 10);
    let label = &port["labels"][0];
    assert!(ends_with(&label["file"], "ecs/taskdef.json"), "{label:#}");
    assert_eq!(label["line"], 10);

    // The files named one by one relate the same way; the human format frames both files.
    let files: Vec<String> = ["buildspec.yml", "pipeline.json"]
        .iter()
        .map(|f| dir.join(f).to_string_lossy().into_owned())
        .collect();
    let o = cicd(&["check", &files[0], &files[1]]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[CP035]"), "{out}");
    let frame = format!("buildspec.yml:{}:3", files_line());
    assert!(out.contains("::: ") && out.contains(&frame), "{out}");
}

#[test]
fn flattening_the_artifact_and_mapping_the_port_clear_the_findings() {
    let fixed = broken_buildspec().replace(
        "    - ecs/taskdef.json\n",
        "    - ecs/taskdef.json\n  discard-paths: yes\n",
    );
    let dir = release("fixed", &fixed);
    std::fs::write(
        dir.join("ecs/appspec.yaml"),
        std::fs::read_to_string(dir.join("ecs/appspec.yaml"))
            .expect("read")
            .replace("ContainerPort: 80", "ContainerPort: 8080"),
    )
    .expect("write");
    let o = cicd(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    assert!(with_code(&v, "CP035").is_empty() && with_code(&v, "AS081").is_empty());
    // Alone, each file is clean too: the findings need the other files.
    let o = cicd(&["check", dir.join("pipeline.json").to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_task_definition_is_a_kind_of_its_own() {
    let o = cicd(&[
        "check",
        "--format",
        "json",
        root()
            .join("crates/core/tests/fixtures/task-definition/ECS011/err/copied-sidecar.json")
            .to_str()
            .expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let [d] = with_code(&v, "ECS011")[..] else {
        panic!("one ECS011: {v:#}")
    };
    assert_eq!(d["kind"], "task-definition");
    assert_eq!(d["name"], "duplicate-container-name");
}
