//! Workflows on the command line: `cicd check` of a workflow, `cicd assume --workflow` (the
//! admission table, its JSON contract and exit statuses), `cicd check` of a folder holding a
//! workflow and its trust policy (findings with places in both files), and the property that a
//! row's decision is what `cicd assume` answers for that run's `--github-*` flags.

mod common;

use common::{cicd, json, root, stderr, stdout};
use serde_json::Value;

const GUIDE_WORKFLOW: &str = "examples/deploy-workflow.yml";
const FIXED_WORKFLOW: &str = "examples/deploy-workflow-oidc.yml";
const GUIDE_POLICY: &str = "examples/trust-policy-github-oidc.json";

/// A folder of files under the temporary directory, `(relative path, text)`.
fn temp_dir(name: &str, files: &[(&str, &str)]) -> String {
    let dir = std::env::temp_dir().join(format!("cicd-workflow-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
    }
    dir.to_str().expect("utf-8 path").to_string()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect("read example")
}

const MAIN_ONLY: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:ref:refs/heads/main"}}}]}
"#;

#[test]
fn guide_workflow_lacks_id_token_write() {
    let o = cicd(&[
        "check",
        "--format",
        "json",
        "--kind",
        "workflow",
        GUIDE_WORKFLOW,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    let d = v
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "GHA023")
        .expect("GHA023");
    assert_eq!(d["kind"], "workflow");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 25);
    assert!(
        d["fix"]["replacement"]
            .as_str()
            .is_some_and(|r| r.contains("id-token: write"))
    );
    let o = cicd(&["check", FIXED_WORKFLOW]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn admission_table_of_the_guide() {
    // The guide's workflow gets no token: the row is refused and says why.
    let o = cicd(&[
        "assume",
        "--workflow",
        GUIDE_WORKFLOW,
        GUIDE_POLICY,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["policy"], GUIDE_POLICY);
    assert_eq!(v["repository"], "myorg/myrepo");
    assert_eq!(v["repository_source"], "policy");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    for key in [
        "workflow",
        "job",
        "event",
        "ref",
        "environment",
        "sub",
        "decision",
        "reason",
    ] {
        assert!(row.get(key).is_some(), "row lacks {key}: {row:#}");
    }
    assert_eq!(row["workflow"], GUIDE_WORKFLOW);
    assert_eq!(row["job"], "deploy");
    assert_eq!(row["event"], "push");
    assert_eq!(row["ref"], "refs/heads/main");
    assert_eq!(row["sub"], "repo:myorg/myrepo:ref:refs/heads/main");
    assert_eq!(row["decision"], "deny");
    assert_eq!(row["token"], false);
    assert!(
        row["reason"]
            .as_str()
            .expect("reason")
            .contains("id-token: write")
    );
    assert_eq!(row["job_at"]["line"], 25);
    // `repo:myorg/myrepo:*` lets in far more than a push to main.
    let over: Vec<&str> = v["over_broad"]
        .as_array()
        .expect("over_broad")
        .iter()
        .map(|o| o["sub"].as_str().expect("sub"))
        .collect();
    assert!(over.contains(&"repo:myorg/myrepo:pull_request"), "{over:?}");
    assert!(v["over_broad"][0]["reason"].as_str().is_some());
    assert_eq!(v["workflow_errors"][GUIDE_WORKFLOW], 1);

    // Fixed, it is admitted (exit 0), and `--policy` names the policy as well.
    let o = cicd(&[
        "assume",
        "--workflow",
        FIXED_WORKFLOW,
        "--policy",
        GUIDE_POLICY,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("ALLOW repo:myorg/myrepo:ref:refs/heads/main"),
        "{out}"
    );
    assert!(out.contains("who else can assume the role"), "{out}");
}

#[test]
fn refused_runs_name_the_failing_condition() {
    let workflow = r"
on:
  push:
    branches: [main]
  pull_request:
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
";
    let dir = temp_dir(
        "refused",
        &[("deploy.yml", workflow), ("trust.json", MAIN_ONLY)],
    );
    let w = format!("{dir}/deploy.yml");
    let p = format!("{dir}/trust.json");
    let o = cicd(&["assume", "--format", "json", "--workflow", &w, &p]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let rows = v["rows"].as_array().expect("rows");
    let decisions: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["sub"].as_str().unwrap_or(""),
                r["decision"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        decisions,
        [
            ("repo:myorg/myrepo:ref:refs/heads/main", "allow"),
            ("repo:myorg/myrepo:pull_request", "deny")
        ]
    );
    let pr = &rows[1];
    assert_eq!(
        pr["condition"]["key"],
        "token.actions.githubusercontent.com:sub"
    );
    assert_eq!(pr["condition"]["line"], 5);
    assert!(
        pr["reason"]
            .as_str()
            .is_some_and(|r| r.contains("`repo:myorg/myrepo:pull_request`")),
        "{pr:#}"
    );
    // Human output: the table and the place of the failing condition.
    let o = cicd(&["assume", "--workflow", &w, &p]);
    let out = stdout(&o);
    assert!(
        out.contains("DENY  repo:myorg/myrepo:pull_request"),
        "{out}"
    );
    assert!(out.contains("trust.json:5:"), "{out}");
}

#[test]
fn usage_problems_exit_2() {
    let o = cicd(&[
        "assume",
        "--workflow",
        GUIDE_WORKFLOW,
        "--principal",
        "aws:123456789012",
        GUIDE_POLICY,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--principal"), "{}", stderr(&o));
    let o = cicd(&["assume", "--workflow", GUIDE_WORKFLOW]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&["assume", "--workflow", "no-such-file.yml", GUIDE_POLICY]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&[
        "assume",
        "--workflow",
        GUIDE_WORKFLOW,
        "--github-repo",
        "nope",
        GUIDE_POLICY,
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_relates_a_workflow_and_its_trust_policy() {
    let dir = temp_dir(
        "folder",
        &[
            (".github/workflows/deploy.yml", &read(FIXED_WORKFLOW)),
            ("iam/github-trust-policy.json", &read(GUIDE_POLICY)),
        ],
    );
    let o = cicd(&["check", "--format", "json", &dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    let d = v
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "GHA081")
        .unwrap_or_else(|| panic!("GHA081 in {v:#}"));
    assert!(
        d["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("github-trust-policy.json"))
    );
    assert_eq!(d["line"], 15);
    let label = &d["labels"][0];
    assert!(
        label["file"]
            .as_str()
            .is_some_and(|f| f.ends_with(".github/workflows/deploy.yml")),
        "{label:#}"
    );
    assert_eq!(label["line"], 30);

    // Pinned to `main` while the job uses an environment: refused, with a place in each file.
    let workflow = read(FIXED_WORKFLOW).replace(
        "    runs-on: ubuntu-latest\n",
        "    runs-on: ubuntu-latest\n    environment: production\n",
    );
    let dir = temp_dir(
        "refused-folder",
        &[
            (".github/workflows/deploy.yml", &workflow),
            ("trust.json", MAIN_ONLY),
        ],
    );
    let o = cicd(&["check", &dir]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("error[GHA080]"), "{out}");
    assert!(out.contains("::: "), "a frame in the policy: {out}");
    let o = cicd(&["check", "--format", "github", &dir]);
    let out = stdout(&o);
    assert!(out.contains("::error file="), "{out}");
    assert!(out.contains("GHA080"), "{out}");
}

/// The `--github-*` flags that describe one row's run.
fn flags(row: &Value, repository: &str) -> Vec<String> {
    let mut f = vec![
        "--github-repo".to_string(),
        repository.to_string(),
        "--github-event".to_string(),
        row["event"].as_str().unwrap_or("push").to_string(),
        "--github-audience".to_string(),
        row["audience"].as_str().unwrap_or("").to_string(),
    ];
    if row["event"] != "pull_request" {
        f.push("--github-ref".to_string());
        f.push(row["token_ref"].as_str().unwrap_or("").to_string());
    }
    if let Some(env) = row["environment"].as_str() {
        f.push("--github-environment".to_string());
        f.push(env.to_string());
    }
    f
}

/// Property: every row with a token decides what `cicd assume` decides for its run, and the
/// token's `sub` is the same, over the examples and the corpus's workflow × policy pairs.
#[test]
fn a_rows_decision_is_cicd_assume_with_its_runs_flags() {
    let mut pairs: Vec<(String, String)> = vec![
        (FIXED_WORKFLOW.to_string(), GUIDE_POLICY.to_string()),
        (GUIDE_WORKFLOW.to_string(), GUIDE_POLICY.to_string()),
    ];
    let corpus = root().join("tests/corpus");
    let policies: Vec<String> = std::fs::read_dir(corpus.join("trust-policy"))
        .expect("corpus")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".json"))
        .collect();
    let mut workflows: Vec<String> = std::fs::read_dir(corpus.join("workflow"))
        .expect("corpus")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    workflows.sort();
    for w in &workflows {
        let owner = w.split("__").next().unwrap_or("");
        for p in policies
            .iter()
            .filter(|p| p.starts_with(&format!("{owner}__")))
        {
            pairs.push((
                format!("tests/corpus/workflow/{w}"),
                format!("tests/corpus/trust-policy/{p}"),
            ));
        }
    }
    let mut checked = 0;
    for (w, p) in &pairs {
        let o = cicd(&["assume", "--format", "json", "--workflow", w, p]);
        if o.status.code() == Some(2) {
            // An unreadable policy (the corpus's broken JSON) is a usage problem.
            continue;
        }
        let v = json(&o);
        let repository = v["repository"].as_str().expect("repository").to_string();
        let ids = !repository.is_empty()
            && v["rows"].as_array().is_some_and(|r| {
                r.iter()
                    .any(|row| row["sub"].as_str().is_some_and(|s| s.contains('@')))
            });
        for row in v["rows"].as_array().expect("rows") {
            if row["token"] != true || row["decision"] == "unknown" || ids {
                continue;
            }
            let mut args = vec!["assume".to_string(), "--format".into(), "json".into()];
            args.extend(flags(row, &repository));
            args.push(p.clone());
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let single = json(&cicd(&args));
            assert_eq!(single["github"]["sub"], row["sub"], "{w} × {p}: {row:#}");
            assert_eq!(
                single["decision"], row["decision"],
                "{w} × {p}: {row:#}\n{single:#}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} rows compared");
}
