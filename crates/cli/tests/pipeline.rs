//! `cicd check` on pipelines and `cicd simulate pipeline`: exit statuses, the JSON contract, the
//! execution modes with several executions, failures and approvals, and the human timeline.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use cicd_core::pipeline::Scenario;
use common::{cicd, json, root, stderr, stdout};
use serde_json::Value;

/// Runs `cicd` with `args`, `text` on standard input.
fn cicd_stdin(args: &[&str], text: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cicd"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    child.wait_with_output().expect("wait")
}

/// Source → Build → Approve (a reviewer) → Deploy, in execution mode `mode`.
fn pipeline(mode: &str) -> String {
    format!(
        r#"pipeline:
  name: app
  roleArn: arn:aws:iam::123456789012:role/pipeline
  artifactStore: {{type: S3, location: app-artifacts}}
  pipelineType: V2
  executionMode: {mode}
  stages:
    - name: Source
      actions:
        - name: Source
          actionTypeId: {{category: Source, owner: AWS, provider: CodeCommit, version: "1"}}
          configuration: {{RepositoryName: app, BranchName: main}}
          outputArtifacts: [{{name: Src}}]
    - name: Build
      actions:
        - name: Build
          actionTypeId: {{category: Build, owner: AWS, provider: CodeBuild, version: "1"}}
          configuration: {{ProjectName: app}}
          inputArtifacts: [{{name: Src}}]
          outputArtifacts: [{{name: Out}}]
    - name: Approve
      actions:
        - name: Review
          actionTypeId: {{category: Approval, owner: AWS, provider: Manual, version: "1"}}
    - name: Deploy
      actions:
        - name: Deploy
          actionTypeId: {{category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}}
          configuration: {{ApplicationName: app, DeploymentGroupName: prod}}
          inputArtifacts: [{{name: Out}}]
"#
    )
}

fn outcomes(v: &Value) -> Vec<(u64, String)> {
    v["executions"]
        .as_array()
        .expect("executions")
        .iter()
        .map(|e| {
            (
                e["id"].as_u64().expect("id"),
                e["outcome"].as_str().expect("outcome").to_string(),
            )
        })
        .collect()
}

fn events_of<'a>(v: &'a Value, execution: u64, action: &str) -> Vec<&'a Value> {
    v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["execution"] == execution && e["action"] == action)
        .collect()
}

#[test]
fn the_guide_pipeline_passes_check_and_the_broken_one_fails() {
    let o = cicd(&["check", "examples/pipeline.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = cicd(&[
        "check",
        "--format",
        "json",
        "examples/broken/pipeline-artifact-flow.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let codes: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for code in ["CP004", "CP031", "CP032", "CP033", "CP034"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert!(v[0]["kind"] == "pipeline");
}

#[test]
fn templates_are_checked_from_their_content_on_stdin() {
    let template = "Resources:\n  Pipeline:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      RoleArn: !GetAtt Role.Arn\n      ArtifactStore: {Type: S3, Location: !Ref Bucket}\n      Stages:\n        - Name: Source\n          Actions:\n            - Name: Source\n              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: '1'}\n              Configuration: {S3Bucket: !Ref Src, S3ObjectKey: app.zip}\n              OutputArtifacts: [{Name: Src}]\n";
    let o = cicd_stdin(&["check", "--format", "json", "-"], template);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v[0]["code"], "CP020", "{v:#}");
    assert_eq!(v[0]["kind"], "pipeline");
}

#[test]
fn simulate_json_contract() {
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--format",
        "json",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["file"], "examples/pipeline.json");
    assert_eq!(v["pipeline"], "MyAppPipeline");
    assert_eq!(v["mode"], "QUEUED");
    assert_eq!(v["pipeline_type"], "V2");
    assert_eq!(v["warnings"], 0);
    assert_eq!(outcomes(&v), [(1, "Succeeded".to_string())]);
    let events = v["events"].as_array().expect("events");
    let mut last = 0;
    for e in events {
        let t = e["t"].as_u64().expect("t");
        assert!(t >= last, "time order");
        last = t;
        assert_eq!(e["execution"], 1);
        assert!(e["stage"].is_string());
        assert!(e["action"].is_string() || e["action"].is_null());
        let status = e["status"].as_str().expect("status");
        assert!(
            [
                "InProgress",
                "Succeeded",
                "Failed",
                "Waiting",
                "Superseded",
                "Stopped",
                "Cancelled",
                "Abandoned"
            ]
            .contains(&status),
            "{status}"
        );
    }
    // Stage-level events have a null action.
    assert_eq!(events[0]["action"], Value::Null);
    assert_eq!(events[0]["stage"], "Source");
    // The approval waits, then is approved a minute later.
    let review = events_of(&v, 1, "PromoteToProd");
    assert_eq!(review[0]["status"], "Waiting");
    assert_eq!(review[1]["status"], "Succeeded");
    assert_eq!(
        review[1]["t"].as_u64().unwrap() - review[0]["t"].as_u64().unwrap(),
        60
    );
    // The view: stages, runOrder groups with places, artifact edges.
    let stages = v["view"]["stages"].as_array().expect("stages");
    assert_eq!(stages.len(), 5);
    let approval = &stages[3]["groups"][0]["actions"][0];
    assert_eq!(approval["name"], "PromoteToProd");
    assert_eq!(
        approval["approval"]["message"],
        "Please review staging deployment before promoting to production"
    );
    assert_eq!(approval["place"]["line"], 96);
    assert_eq!(
        v["view"]["artifacts"][0],
        serde_json::json!({"artifact": "SourceOutput", "from": {"stage": 0, "action": 0}, "to": {"stage": 1, "action": 0}})
    );
    assert!(v["tracks"].as_array().is_some_and(|t| t.len() == 5));
    // The scenario played, with its defaults.
    let scenario: Scenario = serde_json::from_value(v["scenario"].clone()).expect("scenario");
    assert_eq!(
        scenario,
        Scenario {
            starts: vec![0],
            ..Scenario::default()
        }
    );
    assert_eq!(v["duration"], v["executions"][0]["end"]);
}

#[test]
fn scenarios_deserialize_with_defaults() {
    let s: Scenario = serde_json::from_str("{}").expect("empty scenario");
    assert_eq!(s, Scenario::default());
    let s: Scenario = serde_json::from_str(
        r#"{"starts": [0, 30], "failures": [{"stage": "Build", "action": "Build"}],
            "approvals": [{"stage": "Approve", "action": "Review", "verdict": "reject"}],
            "retry": {"mode": "ALL_ACTIONS"}, "approve_after": null}"#,
    )
    .expect("scenario");
    assert_eq!(s.starts, [0, 30]);
    assert_eq!(s.failures[0].execution, None);
    assert!(!s.failures[0].always);
    assert_eq!(s.approve_after, None);
    assert_eq!(s.retry.map(|r| (r.after, r.max)), Some((60, 1)));
}

#[test]
fn three_executions_in_each_mode() {
    let run = |mode: &str| {
        let o = cicd_stdin(
            &[
                "simulate",
                "pipeline",
                "--format",
                "json",
                "--executions",
                "3",
                "--every",
                "100",
                "--approve-after",
                "2000",
                "-",
            ],
            &pipeline(mode),
        );
        assert_eq!(o.status.code(), Some(0), "{mode}: {}", stderr(&o));
        json(&o)
    };
    let s = |o: &str| o.to_string();
    let v = run("SUPERSEDED");
    assert_eq!(
        outcomes(&v),
        [
            (1, s("Succeeded")),
            (2, s("Superseded")),
            (3, s("Succeeded"))
        ]
    );
    let v = run("QUEUED");
    assert_eq!(
        outcomes(&v),
        [
            (1, s("Succeeded")),
            (2, s("Succeeded")),
            (3, s("Succeeded"))
        ]
    );
    // QUEUED: each execution reaches the reviewer only after the previous one left.
    let waits: Vec<u64> = (1..=3)
        .map(|id| events_of(&v, id, "Review")[0]["t"].as_u64().unwrap())
        .collect();
    assert!(
        waits[1] >= waits[0] + 2000 && waits[2] >= waits[1] + 2000,
        "{waits:?}"
    );
    let v = run("PARALLEL");
    let waits: Vec<u64> = (1..=3)
        .map(|id| events_of(&v, id, "Review")[0]["t"].as_u64().unwrap())
        .collect();
    assert!(waits[1] < waits[0] + 2000, "no locking: {waits:?}");
}

#[test]
fn a_failed_action_stops_the_execution() {
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--format",
        "json",
        "--fail",
        "Build/Build",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(outcomes(&v), [(1, "Failed".to_string())]);
    let build = events_of(&v, 1, "Build");
    assert_eq!(
        build.last().map(|e| &e["status"]),
        Some(&Value::from("Failed"))
    );
    for later in ["DeployToStaging", "PromoteToProd", "DeployToProd"] {
        assert!(events_of(&v, 1, later).is_empty(), "{later} never starts");
    }
    // With a retry of the failed actions, the second run succeeds.
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--format",
        "json",
        "--fail",
        "Build/Build",
        "--retry",
        "failed-actions",
        "examples/pipeline.json",
    ]);
    let v = json(&o);
    assert_eq!(outcomes(&v), [(1, "Succeeded".to_string())]);
    assert_eq!(events_of(&v, 1, "Build").len(), 4);
}

#[test]
fn approvals_are_rejected_or_time_out() {
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--format",
        "json",
        "--reject",
        "Approval/PromoteToProd",
        "examples/pipeline.json",
    ]);
    let v = json(&o);
    assert_eq!(outcomes(&v), [(1, "Failed".to_string())]);
    let review = events_of(&v, 1, "PromoteToProd");
    assert_eq!(review[1]["note"], "rejected");
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--format",
        "json",
        "--timeout",
        "Approval/PromoteToProd",
        "examples/pipeline.json",
    ]);
    let v = json(&o);
    let review = events_of(&v, 1, "PromoteToProd");
    assert_eq!(
        review[1]["t"].as_u64().unwrap() - review[0]["t"].as_u64().unwrap(),
        7 * 24 * 3600
    );
}

#[test]
fn the_human_timeline() {
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--executions",
        "2",
        "--every",
        "30",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("MyAppPipeline — V2 pipeline, QUEUED mode (examples/pipeline.json)"),
        "{out}"
    );
    assert!(out.contains("Execution 1: Succeeded"), "{out}");
    assert!(out.contains("Execution 2: Succeeded"), "{out}");
    assert!(
        out.contains("PromoteToProd (manual approval: \"Please review"),
        "{out}"
    );
    assert!(out.contains("Approval / PromoteToProd"), "{out}");
    assert!(
        out.contains("waiting for execution 1 to leave the stage"),
        "{out}"
    );
}

#[test]
fn usage_problems_and_declarations_with_errors_exit_2() {
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--fail",
        "Build/Nope",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no action `Nope`"), "{}", stderr(&o));
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--reject",
        "Build/Build",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a manual approval"),
        "{}",
        stderr(&o)
    );
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--fail",
        "Build",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&[
        "simulate",
        "pipeline",
        "--executions",
        "0",
        "examples/pipeline.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&[
        "simulate",
        "pipeline",
        "examples/broken/pipeline-artifact-flow.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("error[CP031]"), "{err}");
    assert!(err.contains("not simulated"), "{err}");
    assert!(stdout(&o).is_empty());
}
