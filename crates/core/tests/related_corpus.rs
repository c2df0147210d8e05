//! The build-side relations on real repositories: the corpus files (`tests/corpus/`) that come
//! from one repository are related as a workspace, under their paths in that repository
//! (SOURCES.tsv). Every finding is listed here with why it is a true one; anything else is a
//! false positive.

mod common;

use std::collections::BTreeMap;

use cicd_core::Severity;

/// `(repository, code, file, reason)` of each expected finding: none so far.
const EXPECTED: &[(&str, &str, &str, &str)] = &[];

/// The repositories whose ECS AppSpec and task definition are related.
const PAIRED: &[&str] = &[
    "2Sabo3/cicd-demo",
    "AI-Joe/realworld",
    "Abdelali12-codes/aws_ecs_blue_green_lambda_hooks",
    "AbdulrahmanSamir/nodejs-BG-ECS",
    "AwaleRohin/cicdtest",
    "MarcoBarbaroCorley/CodeDeployApp",
    "NakamaShun/ecs-pre-bg",
];

#[test]
fn repositories_relate_without_false_findings() {
    let root = common::workspace().join("tests/corpus");
    let sources = std::fs::read_to_string(root.join("SOURCES.tsv")).expect("SOURCES.tsv");
    // repository → [(path in the repository, text)]
    let mut repos: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for line in sources.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [category, saved, repo, path, ..] = cols.as_slice() else {
            continue;
        };
        if !matches!(*category, "buildspec" | "pipeline" | "appspec" | "ecs") {
            continue;
        }
        let folder = match *category {
            "ecs" if saved.ends_with("imagedefinitions.json") => "image-definitions",
            "ecs" => "task-definition",
            _ => category,
        };
        let file = root.join(folder).join(saved);
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        repos
            .entry((*repo).to_string())
            .or_default()
            .push(((*path).to_string(), text));
    }
    let mut found = Vec::new();
    let mut related_groups = 0;
    let mut ports_moved = Vec::new();
    for (repo, files) in repos.into_iter().filter(|(_, f)| f.len() > 1) {
        related_groups += 1;
        // The same files with every container port moved: the AppSpec's port is no longer
        // mapped, wherever the AppSpec and the task definition are related.
        let moved: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| {
                (
                    n.clone(),
                    t.replace("\"containerPort\": ", "\"containerPort\": 1"),
                )
            })
            .collect();
        if common::Workspace::check(moved).count("AS081") > 0 {
            ports_moved.push(repo.clone());
        }
        let workspace = common::Workspace::check(files);
        for r in &workspace.related {
            if r.diagnostic.severity != Severity::Info {
                let file = workspace.files.get(r.file).map_or("", |f| f.0.as_str());
                found.push((
                    repo.clone(),
                    r.diagnostic.code.to_string(),
                    file.to_string(),
                ));
            }
        }
    }
    assert!(
        related_groups >= 5,
        "{related_groups} repositories with several files"
    );
    let expected: Vec<(String, String, String)> = EXPECTED
        .iter()
        .map(|(r, c, f, _)| (r.to_string(), c.to_string(), f.to_string()))
        .collect();
    assert_eq!(found, expected);
    // The relations do apply to these repositories: moving the task definition's ports is
    // found in each that holds an ECS AppSpec and its task definition.
    assert_eq!(ports_moved, PAIRED);
}

/// The buildspecs of the corpus that write `imagedefinitions.json`, each beside a task
/// definition whose only container has another name: BS093 reads the names only of those that
/// write the file once with a literal name (the others fill the name in, or write the file
/// twice, as 0209RohanChoudhary's does: `course-service`, then `$DOCKER_CONTAINER_NAME`).
#[test]
fn written_image_names_are_read_only_where_certain() {
    let root = common::workspace().join("tests/corpus/buildspec");
    let taskdef = r#"{"family": "app", "containerDefinitions": [{"name": "no-such-container", "image": "nginx"}]}"#;
    let mut judged = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&root)
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if !text.contains("imagedefinitions.json") {
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let workspace = common::Workspace::check(vec![
            ("buildspec.yml".to_string(), text.clone()),
            ("taskdef.json".to_string(), taskdef.to_string()),
        ]);
        if workspace.count("BS093") > 0 {
            judged.push(name.split("__").next().unwrap_or(name).to_string());
        }
        // With the container the buildspec names, nothing is found.
        for (container, owner) in [
            ("web", "0610st"),
            ("hello-world", "711brown"),
            ("cf-server", "CordField"),
        ] {
            if name.starts_with(owner) {
                let fixed = taskdef.replace("no-such-container", container);
                let workspace = common::Workspace::check(vec![
                    ("buildspec.yml".to_string(), text.clone()),
                    ("taskdef.json".to_string(), fixed),
                ]);
                assert_eq!(workspace.count("BS093"), 0, "{name}");
            }
        }
    }
    assert_eq!(judged, ["0610st", "711brown", "CordField"]);
}
