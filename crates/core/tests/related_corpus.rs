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
