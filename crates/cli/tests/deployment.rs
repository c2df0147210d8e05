//! `cicd check` on deployment groups and configurations, and `cicd simulate deployment`: the JSON
//! contract, outcomes, exit statuses and the human report.

mod common;

use common::{cicd, json, stderr, stdout};

#[test]
fn the_guides_rollback_group_is_checked() {
    let o = cicd(&[
        "check",
        "--format",
        "json",
        "examples/deployment-group-rollback.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o), serde_json::json!([]));
    let o = cicd(&["rules", "--kind", "deployment-group", "--format", "json"]);
    let rules = json(&o);
    assert!(
        rules
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x["code"] == "DEP110")),
        "{rules:#}"
    );
    assert!(
        rules
            .as_array()
            .is_some_and(|r| r.iter().all(|x| x["kind"] == "deployment-group")),
        "only the group's rules: {rules:#}"
    );
}

#[test]
fn a_misspelt_predefined_configuration_is_an_error_with_the_right_name() {
    let o = cicd(&[
        "check",
        "--format",
        "json",
        "crates/core/tests/fixtures/deployment-group/DEP110/err/minute-trap.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let d = v
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == "DEP110"))
        .expect("DEP110");
    assert_eq!(d["kind"], "deployment-group");
    assert!(
        d["help"]
            .as_str()
            .is_some_and(|h| h.contains("CodeDeployDefault.LambdaLinear10PercentEvery1Minute`")),
        "{d:#}"
    );
}

fn simulate(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["simulate", "deployment", "--format", "json"];
    all.extend_from_slice(args);
    let o = cicd(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    json(&o)
}

#[test]
fn deployment_json_contract() {
    let v = simulate(&[
        "--config",
        "CodeDeployDefault.ECSCanary10Percent5Minutes",
        "--group",
        "examples/deployment-group-rollback.json",
        "--fault",
        "error-rate=30@120",
    ]);
    assert_eq!(v["outcome"], "RolledBack");
    assert_eq!(v["platform"], "ecs");
    assert_eq!(v["type"], "blue-green");
    assert_eq!(
        v["config"]["name"],
        "CodeDeployDefault.ECSCanary10Percent5Minutes"
    );
    assert_eq!(v["config"]["traffic_routing"]["type"], "canary");
    assert_eq!(
        v["files"]["group"],
        "examples/deployment-group-rollback.json"
    );
    let timeline = v["timeline"].as_array().expect("timeline");
    for p in timeline {
        for key in ["t", "green_percent", "healthy", "offline", "alarm"] {
            assert!(p.get(key).is_some(), "{key} in {p}");
        }
        assert!(p["healthy"].is_null() && p["offline"].is_null());
    }
    assert!(timeline.iter().any(|p| p["alarm"] == "ALARM"));
    let ts: Vec<u64> = timeline.iter().filter_map(|p| p["t"].as_u64()).collect();
    assert!(ts.windows(2).all(|w| w[0] < w[1]));
    let events = v["events"].as_array().expect("events");
    for e in events {
        for key in ["t", "what", "status", "message"] {
            assert!(e.get(key).is_some(), "{key} in {e}");
        }
    }
    assert!(
        events
            .iter()
            .any(|e| e["what"] == "alarm" && e["status"] == "ALARM")
    );
    assert_eq!(v["rollback"]["outcome"], "Succeeded");
    assert_eq!(v["rollback"]["trigger"], "DEPLOYMENT_STOP_ON_ALARM");
    assert!(
        v["rollback"]["timeline"]
            .as_array()
            .is_some_and(|t| !t.is_empty())
    );
    assert_eq!(v["stopped"]["cause"], "alarm");
    assert_eq!(v["blast_radius"]["requests_new"], 1050);
    assert_eq!(v["blast_radius"]["failed_requests_new"], 270);
    assert!(v["traffic"].as_array().is_some_and(|t| t.len() == 2));
    assert_eq!(v["alarms"][0]["definition"]["threshold"], 5.0);
}

#[test]
fn in_place_counts_instances_and_fails_honestly() {
    let v = simulate(&[
        "--platform",
        "server",
        "--config",
        "OneAtATime",
        "--instances",
        "5",
        "--fail-hook",
        "AfterInstall@3",
    ]);
    assert_eq!(v["outcome"], "Failed");
    assert_eq!(v["platform"], "ec2");
    assert_eq!(v["type"], "in-place");
    assert_eq!(v["instances"], 5);
    assert_eq!(v["config"]["minimum_healthy"], 4);
    assert_eq!(v["rollback"], serde_json::Value::Null);
    assert!(v["timeline"].as_array().is_some_and(|t| {
        t.iter()
            .all(|p| p["healthy"].is_u64() && p["offline"].as_u64().is_some_and(|o| o <= 1))
    }));
    let failed = v["events"]
        .as_array()
        .and_then(|e| {
            e.iter()
                .find(|e| e["status"] == "Failed" && e["what"] == "instance")
        })
        .expect("a failed instance");
    assert_eq!(
        (failed["instance"].as_u64(), failed["event"].as_str()),
        (Some(3), Some("AfterInstall"))
    );
    let targets = v["targets"].as_array().expect("targets");
    assert_eq!(targets.len(), 5);
    let last = |i: usize| {
        targets[i]["changes"]
            .as_array()
            .and_then(|c| c.last())
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(last(3)["state"], "skipped");
    assert_eq!(last(2)["state"], "failed");
    assert_eq!(last(0)["state"], "succeeded");
}

#[test]
fn a_configuration_file_and_a_template_group() {
    let v = simulate(&[
        "--config",
        "crates/core/tests/fixtures/deployment-config/DEP001/ok/every-key.json",
        "--instances",
        "8",
    ]);
    assert_eq!(v["config"]["name"], "ZoneByZone");
    assert_eq!(v["config"]["minimum_healthy"], 6);
    assert_eq!(v["outcome"], "Succeeded");
    // A template group naming its template's configuration with !Ref.
    let v = simulate(&[
        "--group",
        "tests/corpus/deployment-group/awsdocs__aws-cloudformation-user-guide__doc_source__aws-resource-codedeploy-deploymentgroup.md@rollback-yaml",
        "--instances",
        "8",
    ]);
    assert_eq!(
        v["config"]["minimum_healthy_hosts"]["type"],
        "FLEET_PERCENT"
    );
    assert_eq!(v["config"]["minimum_healthy_hosts"]["value"], 25);
    assert_eq!(v["config"]["concurrency"], 6);
}

#[test]
fn a_group_naming_a_custom_configuration_runs_the_one_the_config_file_defines() {
    // The group names `ECSLinear10PercentEvery10Minutes`; the configuration file defines it.
    let group = "examples/deployment-group-ecs-linear.json";
    let v = simulate(&["--group", group]);
    assert_eq!(v["config"]["name"], "CodeDeployDefault.ECSAllAtOnce");
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("ECSLinear10PercentEvery10Minutes") && notes.contains("--config FILE"),
        "{notes}"
    );
    let v = simulate(&[
        "--group",
        group,
        "--config",
        "examples/deployment-config-linear.json",
    ]);
    assert_eq!(v["config"]["name"], "ECSLinear10PercentEvery10Minutes");
    assert_eq!(v["config"]["traffic_routing"]["type"], "linear");
    assert_eq!(
        v["files"]["config"],
        "examples/deployment-config-linear.json"
    );
    // Its alarms and rollback come with the group: broken, the linear shift rolls back.
    let v = simulate(&[
        "--group",
        group,
        "--config",
        "examples/deployment-config-linear.json",
        "--fault",
        "error-rate=20@0",
    ]);
    assert_eq!(v["outcome"], "RolledBack");
    assert_eq!(v["blast_radius"]["max_green_percent"], 10.0);
    // A configuration file that defines another name: it runs, and the notes say so.
    let dir = std::env::temp_dir().join(format!("cicd-custom-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let other = dir.join("deployment-config.json");
    std::fs::write(
        &other,
        std::fs::read_to_string(common::root().join("examples/deployment-config-linear.json"))
            .expect("the example")
            .replace("ECSLinear10PercentEvery10Minutes", "SomethingElse"),
    )
    .expect("written");
    let v = simulate(&[
        "--group",
        group,
        "--config",
        other.to_str().expect("a path"),
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(v["config"]["name"], "SomethingElse");
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("`ECSLinear10PercentEvery10Minutes`") && notes.contains("does not define"),
        "{notes}"
    );
}

#[test]
fn an_alarm_definition_changes_what_is_watched() {
    let base = [
        "--config",
        "ECSLinear10PercentEvery1Minutes",
        "--group",
        "examples/deployment-group-rollback.json",
        "--fault",
        "latency=900@0",
    ];
    // By default both alarms watch the error rate, which stays at 0.
    let v = simulate(&base);
    assert_eq!(v["outcome"], "Succeeded");
    let mut args = base.to_vec();
    args.extend_from_slice(&[
        "--alarm",
        "HighLatency=latency>500,evaluation-periods=2,datapoints=2",
    ]);
    let v = simulate(&args);
    assert_eq!(v["outcome"], "RolledBack");
    assert_eq!(v["stopped"]["alarm"], "HighLatency");
    let latency = v["alarms"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["definition"]["name"] == "HighLatency"))
        .expect("alarm");
    assert_eq!(latency["defaulted"], false);
    assert_eq!(latency["definition"]["metric"], "latency");
}

#[test]
fn usage_problems_exit_2() {
    for (args, says) in [
        (
            vec!["--config", "LambdaLinear10PercentEvery1Minutes"],
            "did you mean `CodeDeployDefault.LambdaLinear10PercentEvery1Minute`?",
        ),
        (
            vec!["--platform", "ecs", "--config", "OneAtATime"],
            "not ECS",
        ),
        (
            vec!["--config", "ECSAllAtOnce", "--type", "in-place"],
            "always blue/green",
        ),
        (vec!["--fault", "errors=5"], "unknown fault"),
        (vec!["--fault", "error-rate=150"], "percentage"),
        (vec!["--fail-hook", "AfterInstall@zero"], "instance"),
        (vec!["--instances", "0"], "1 to 10,000"),
        (vec!["--alarm", "A=errors>5"], "--alarm A=errors>5"),
        (vec!["--alarm", "A=latency>5,datapoints=3"], "cannot exceed"),
    ] {
        let mut all = vec!["simulate", "deployment"];
        all.extend_from_slice(&args);
        let o = cicd(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn an_invalid_group_file_exits_2_with_its_diagnostics() {
    let o = cicd(&[
        "simulate",
        "deployment",
        "--group",
        "crates/core/tests/fixtures/deployment-group/DEP110/err/minute-trap.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("error[DEP110]"), "{err}");
    assert!(err.contains("is not a valid deployment group"), "{err}");
}

#[test]
fn deployment_human_report() {
    let o = cicd(&[
        "simulate",
        "deployment",
        "--config",
        "LambdaCanary10Percent5Minutes",
        "--group",
        "examples/deployment-group-rollback.json",
        "--fault",
        "error-rate=30@0",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o));
}
