//! `cicd check` on AppSpecs and `cicd simulate lifecycle`: exit statuses, the JSON contract and
//! the human timeline.

mod common;

use common::{cicd, json, root, stderr, stdout};
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn guide_appspecs_pass_check() {
    for file in ["examples/appspec-ec2.yml", "examples/appspec-ecs.yml"] {
        let o = cicd(&["check", file]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stdout(&o));
    }
}

#[test]
fn broken_appspecs_fail_check() {
    for (file, code) in [
        ("examples/broken/appspec-ec2-hooks.yml", "AS040"),
        ("examples/broken/appspec-ec2-permissions.yml", "AS032"),
        ("examples/broken/appspec-lambda.yml", "AS070"),
    ] {
        let o = cicd(&["check", "--format", "json", file]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let v = json(&o);
        assert!(
            v.as_array().is_some_and(|a| a
                .iter()
                .any(|d| d["code"] == code && d["kind"] == "appspec")),
            "{file}: {v:#}"
        );
    }
}

#[test]
fn appspec_kind_is_detected_from_content_on_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cicd"))
        .args(["check", "--format", "json", "-"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"version: 0.0\nos: Linux\n")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v[0]["code"], "AS021");
    assert_eq!(v[0]["kind"], "appspec");
}

#[test]
fn lifecycle_json_contract() {
    let o = cicd(&[
        "simulate",
        "lifecycle",
        "--format",
        "json",
        "examples/appspec-ec2.yml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["file"], "examples/appspec-ec2.yml");
    assert_eq!(v["platform"], "ec2");
    assert_eq!(v["deployment"], "in-place");
    assert_eq!(v["first_deployment"], false);
    assert_eq!(v["failure"], serde_json::Value::Null);
    assert_eq!(v["rollback"], serde_json::json!([]));
    assert_eq!(v["appspec_errors"], 0);
    let events = v["events"].as_array().expect("events");
    let names: Vec<&str> = events.iter().filter_map(|e| e["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "Start",
            "ApplicationStop",
            "DownloadBundle",
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "ApplicationStart",
            "ValidateService",
            "End"
        ]
    );
    let stop = &events[1];
    assert_eq!(stop["kind"], "hook");
    assert_eq!(stop["revision"], "last-successful");
    assert_eq!(stop["scripts"], serde_json::json!([]));
    let before = &events[3];
    assert_eq!(before["index"], 3);
    assert_eq!(before["kind"], "hook");
    assert_eq!(before["fleet"], "instances");
    assert_eq!(before["revision"], "target");
    assert_eq!(before["status"], "runs");
    assert_eq!(before["line"], 19);
    assert_eq!(
        before["scripts"],
        serde_json::json!([{"location": "scripts/before_install.sh", "timeout": 300, "runas": "root", "line": 20}])
    );
    assert_eq!(events[2]["kind"], "reserved");
    assert_eq!(events[0]["kind"], "start");
    assert!(
        events
            .iter()
            .all(|e| e["start"].is_u64() && e["duration"].is_u64())
    );
}

#[test]
fn lifecycle_failure_and_rollback_in_json() {
    let o = cicd(&[
        "simulate",
        "lifecycle",
        "--format",
        "json",
        "--deployment",
        "blue-green",
        "--fail",
        "ValidateService",
        "examples/appspec-ec2.yml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["deployment"], "blue-green");
    assert_eq!(v["failure"]["event"], "ValidateService");
    assert_eq!(v["failure"]["rollback_possible"], true);
    let failed = v["failure"]["index"].as_u64().expect("index") as usize;
    assert_eq!(v["events"][failed]["status"], "failed");
    assert_eq!(v["events"][failed + 1]["status"], "not-reached");
    let rollback: Vec<(&str, &str)> = v["rollback"]
        .as_array()
        .expect("rollback")
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap_or(""),
                e["fleet"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(rollback[1], ("AllowTraffic", "original-instances"));
    assert_eq!(rollback[4], ("BlockTraffic", "replacement-instances"));
}

#[test]
fn lifecycle_ecs_functions_and_test_listener() {
    let o = cicd(&[
        "simulate",
        "lifecycle",
        "--format",
        "json",
        "examples/appspec-ecs.yml",
    ]);
    let v = json(&o);
    assert_eq!(v["platform"], "ecs");
    assert_eq!(v["deployment"], "blue-green");
    let tests = &v["events"][5];
    assert_eq!(tests["name"], "AfterAllowTestTraffic");
    assert_eq!(tests["function"], "LambdaFunctionToRunTests");
    assert_eq!(tests["status"], "skipped");
    assert!(
        tests["reason"]
            .as_str()
            .is_some_and(|r| r.contains("test listener"))
    );
    let o = cicd(&[
        "simulate",
        "lifecycle",
        "--format",
        "json",
        "--test-listener",
        "examples/appspec-ecs.yml",
    ]);
    assert_eq!(json(&o)["events"][5]["status"], "runs");
}

#[test]
fn lifecycle_human_timeline() {
    let o = cicd(&[
        "simulate",
        "lifecycle",
        "--deployment",
        "in-place-lb",
        "--fail",
        "AfterInstall",
        "examples/appspec-ec2.yml",
    ]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn lifecycle_usage_errors_exit_2() {
    let cases: [&[&str]; 4] = [
        &[
            "simulate",
            "lifecycle",
            "--deployment",
            "in-place",
            "examples/appspec-ecs.yml",
        ],
        &[
            "simulate",
            "lifecycle",
            "--fail",
            "Deploy",
            "examples/appspec-ec2.yml",
        ],
        &[
            "simulate",
            "lifecycle",
            "--first-deployment",
            "--fail",
            "ApplicationStop",
            "examples/appspec-ec2.yml",
        ],
        &["simulate", "lifecycle", "examples/no-such-appspec.yml"],
    ];
    for args in cases {
        let o = cicd(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        assert!(
            stderr(&o).starts_with("error: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn lifecycle_warns_about_a_broken_appspec() {
    let o = cicd(&[
        "simulate",
        "lifecycle",
        "examples/broken/appspec-ec2-hooks.yml",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("reports 4 error(s)"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("`Install` is run by CodeDeploy itself"),
        "{}",
        stdout(&o)
    );
}
