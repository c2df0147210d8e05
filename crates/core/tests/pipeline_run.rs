//! The pipeline run simulator against the execution semantics of the reference (A9): runOrder
//! groups, failures, approvals, retries, stops, transitions, rollback, and the three execution
//! modes with several executions; determinism and bounds.

mod common;

use cicd_core::pipeline::report::{ActionKey, EventReport, ExecutionKind, Outcome, Status};
use cicd_core::pipeline::simulate::{
    Decision, FailureSpec, MAX_EXECUTIONS, RetryMode, RetryPlan, StopSpec, Verdict,
};
use cicd_core::pipeline::{Pipeline, PipelineReport, Scenario, simulate};
use cicd_core::{Kind, Model, Options, Span};

/// The first pipeline of `text`, as the analysis lowers it.
fn pipeline(text: &str) -> Pipeline {
    match cicd_core::analyze(Kind::Pipeline, text, &Options::default()) {
        Ok(analysis) => match analysis.model {
            Model::Pipeline(file) => file.pipelines.into_iter().next().expect("a pipeline"),
            other => panic!("a pipeline analysis gave {other:?}"),
        },
        Err(e) => panic!("{e}"),
    }
}

fn guide() -> Pipeline {
    let text = std::fs::read_to_string(common::workspace().join("examples/pipeline.json"))
        .expect("guide pipeline");
    pipeline(&text)
}

fn run(p: &Pipeline, scenario: Scenario) -> PipelineReport<Span> {
    simulate(p, &scenario)
}

/// Source → Build (Compile and Lint in parallel, then Package) → Approve → Deploy.
const PARALLEL_BUILD: &str = r#"pipeline:
  name: app
  roleArn: arn:aws:iam::123456789012:role/pipeline
  artifactStore: {type: S3, location: app-artifacts}
  pipelineType: V2
  executionMode: MODE
  stages:
    - name: Source
      actions:
        - name: Source
          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
          configuration: {RepositoryName: app, BranchName: main}
          outputArtifacts: [{name: Src}]
    - name: Build
      actions:
        - name: Compile
          runOrder: 1
          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
          configuration: {ProjectName: compile}
          inputArtifacts: [{name: Src}]
          outputArtifacts: [{name: Bin}]
        - name: Lint
          runOrder: 1
          actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
          configuration: {ProjectName: lint}
          inputArtifacts: [{name: Src}]
        - name: Package
          runOrder: 2
          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
          configuration: {ProjectName: package}
          inputArtifacts: [{name: Bin}]
          outputArtifacts: [{name: Pkg}]
    - name: Approve
      actions:
        - name: Review
          actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "1"}
          configuration: {CustomData: "Check staging", ExternalEntityLink: "https://staging.example.com"}
    - name: Deploy
      actions:
        - name: Deploy
          actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
          configuration: {ApplicationName: app, DeploymentGroupName: prod}
          inputArtifacts: [{name: Pkg}]
"#;

fn parallel_build(mode: &str) -> Pipeline {
    let text = PARALLEL_BUILD.replace("MODE", mode);
    let diags = cicd_core::check(Kind::Pipeline, &text, &Options::default()).expect("checked");
    assert!(
        diags
            .iter()
            .all(|d| d.severity != cicd_core::Severity::Error),
        "{diags:#?}"
    );
    pipeline(&text)
}

fn action_events<'a>(r: &'a PipelineReport<Span>, exec: u32, action: &str) -> Vec<&'a EventReport> {
    r.events
        .iter()
        .filter(|e| e.execution == exec && e.action.as_deref() == Some(action))
        .collect()
}

fn first(r: &PipelineReport<Span>, exec: u32, action: &str, status: Status) -> Option<u64> {
    action_events(r, exec, action)
        .into_iter()
        .find(|e| e.status == status)
        .map(|e| e.t)
}

fn stage_events<'a>(r: &'a PipelineReport<Span>, exec: u32, stage: &str) -> Vec<&'a EventReport> {
    r.events
        .iter()
        .filter(|e| e.execution == exec && e.stage == stage && e.action.is_none())
        .collect()
}

fn outcome(r: &PipelineReport<Span>, exec: u32) -> Outcome {
    r.execution(exec).expect("execution").outcome
}

#[test]
fn the_guide_runs_to_the_end() {
    let r = run(&guide(), Scenario::default());
    assert_eq!(r.executions.len(), 1);
    assert_eq!(outcome(&r, 1), Outcome::Succeeded);
    assert_eq!(r.pipeline, "MyAppPipeline");
    assert_eq!(r.pipeline_type, "V2");
    assert_eq!(
        r.mode,
        cicd_core::pipeline::ExecutionMode::Queued,
        "the guide is QUEUED"
    );
    for action in [
        "Source",
        "Build",
        "DeployToStaging",
        "PromoteToProd",
        "DeployToProd",
    ] {
        let last = action_events(&r, 1, action).last().map(|e| e.status);
        assert_eq!(last, Some(Status::Succeeded), "{action}");
    }
    // The approval waits for the reviewer, who approves after a minute by default.
    let waiting = first(&r, 1, "PromoteToProd", Status::Waiting).expect("waits");
    let approved = first(&r, 1, "PromoteToProd", Status::Succeeded).expect("approved");
    assert_eq!(approved - waiting, 60);
    // Stages in order: each starts when the previous one succeeded.
    let mut last_end = 0;
    for stage in ["Source", "Build", "DeployStaging", "Approval", "DeployProd"] {
        let events = stage_events(&r, 1, stage);
        let start = events.first().expect("stage events");
        assert_eq!(start.status, Status::InProgress, "{stage}");
        assert_eq!(start.t, last_end, "{stage} starts when the previous ends");
        let end = events.last().expect("stage end");
        assert_eq!(end.status, Status::Succeeded);
        last_end = end.t;
    }
    assert_eq!(r.duration, last_end);
    // Events are in time order.
    assert!(r.events.windows(2).all(|w| w[0].t <= w[1].t));
}

#[test]
fn the_view_draws_stages_groups_and_artifact_edges() {
    let r = run(&parallel_build("QUEUED"), Scenario::default());
    let v = &r.view;
    let names: Vec<&str> = v.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Source", "Build", "Approve", "Deploy"]);
    let build = &v.stages[1];
    assert_eq!(build.groups.len(), 2);
    assert_eq!(build.groups[0].run_order, 1);
    let group1: Vec<&str> = build.groups[0]
        .actions
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(group1, ["Compile", "Lint"]);
    assert_eq!(build.groups[1].actions[0].name, "Package");
    let approval = v.stages[2].groups[0].actions[0]
        .approval
        .as_ref()
        .expect("approval details");
    assert_eq!(approval.message.as_deref(), Some("Check staging"));
    assert_eq!(approval.url.as_deref(), Some("https://staging.example.com"));
    assert_eq!(approval.timeout, 7 * 24 * 3600);
    let edges: Vec<(String, ActionKey, ActionKey)> = v
        .artifacts
        .iter()
        .map(|e| (e.artifact.clone(), e.from, e.to))
        .collect();
    let key = |stage, action| ActionKey { stage, action };
    assert_eq!(
        edges,
        [
            ("Src".to_string(), key(0, 0), key(1, 0)),
            ("Src".to_string(), key(0, 0), key(1, 1)),
            ("Bin".to_string(), key(1, 0), key(1, 2)),
            ("Pkg".to_string(), key(1, 2), key(3, 0)),
        ]
    );
    assert!(v.action(key(1, 2)).is_some_and(|a| a.name == "Package"));
}

#[test]
fn same_run_order_actions_start_together_and_the_next_group_waits_for_all() {
    let r = run(&parallel_build("QUEUED"), Scenario::default());
    let compile = first(&r, 1, "Compile", Status::InProgress).expect("compile");
    let lint = first(&r, 1, "Lint", Status::InProgress).expect("lint");
    assert_eq!(compile, lint, "same runOrder: started together");
    let done = first(&r, 1, "Compile", Status::Succeeded)
        .max(first(&r, 1, "Lint", Status::Succeeded))
        .expect("both done");
    assert_eq!(first(&r, 1, "Package", Status::InProgress), Some(done));
}

#[test]
fn a_failure_fails_the_stage_after_in_flight_actions_and_nothing_later_runs() {
    let scenario = Scenario {
        failures: vec![FailureSpec {
            stage: "Build".into(),
            action: "Lint".into(),
            ..FailureSpec::default()
        }],
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), scenario);
    assert_eq!(outcome(&r, 1), Outcome::Failed);
    // Compile, in flight in the same group, still finishes.
    assert!(first(&r, 1, "Compile", Status::Succeeded).is_some());
    let failed = first(&r, 1, "Lint", Status::Failed).expect("lint fails");
    let stage_failed = stage_events(&r, 1, "Build")
        .into_iter()
        .find(|e| e.status == Status::Failed)
        .expect("stage fails")
        .t;
    assert!(stage_failed >= failed);
    assert_eq!(
        stage_failed,
        first(&r, 1, "Compile", Status::Succeeded)
            .unwrap()
            .max(failed)
    );
    for later in ["Package", "Review", "Deploy"] {
        assert!(
            action_events(&r, 1, later).is_empty(),
            "{later} never starts"
        );
    }
    assert!(stage_events(&r, 1, "Approve").is_empty());
    let reason = r
        .execution(1)
        .and_then(|e| e.reason.clone())
        .unwrap_or_default();
    assert!(
        reason.contains("Build") && reason.contains("Lint"),
        "{reason}"
    );
}

/// Three executions reaching the approval stage while the first waits there for 1,000 s.
fn three_executions(mode: &str) -> PipelineReport<Span> {
    let scenario = Scenario {
        starts: vec![0, 100, 200],
        approve_after: Some(1_000),
        seed: 7,
        ..Scenario::default()
    };
    run(&parallel_build(mode), scenario)
}

#[test]
fn superseded_mode_replaces_the_waiting_execution() {
    let r = three_executions("SUPERSEDED");
    assert_eq!(outcome(&r, 1), Outcome::Succeeded);
    assert_eq!(outcome(&r, 2), Outcome::Superseded);
    assert_eq!(outcome(&r, 3), Outcome::Succeeded);
    // Execution 2 waited at a stage boundary (the build or the approval stage, busy with
    // execution 1), and execution 3, arriving there, replaced it.
    let two: Vec<&EventReport> = r
        .events
        .iter()
        .filter(|e| e.execution == 2 && e.action.is_none())
        .collect();
    let last = two.last().expect("events of execution 2");
    assert_eq!(last.status, Status::Superseded);
    let stage = last.stage.clone();
    let waited = two
        .iter()
        .find(|e| e.stage == stage && e.status == Status::Waiting)
        .expect("waited first");
    assert!(waited.t <= last.t);
    assert!(
        r.events.iter().any(|e| e.execution == 3
            && e.stage == stage
            && e.status == Status::Waiting
            && e.t == last.t),
        "execution 3 arrived at `{stage}` when execution 2 was superseded"
    );
    assert!(action_events(&r, 2, "Deploy").is_empty());
    // Execution 3 enters that stage when execution 1 leaves it.
    let one_left = stage_events(&r, 1, &stage)
        .last()
        .map(|e| e.t)
        .expect("left");
    let three_in = stage_events(&r, 3, &stage)
        .into_iter()
        .find(|e| e.status == Status::InProgress)
        .expect("enters")
        .t;
    assert_eq!(three_in, one_left);
}

#[test]
fn queued_mode_lets_executions_through_in_arrival_order() {
    let r = three_executions("QUEUED");
    for id in 1..=3 {
        assert_eq!(outcome(&r, id), Outcome::Succeeded, "execution {id}");
    }
    let entered = |id| {
        stage_events(&r, id, "Approve")
            .into_iter()
            .find(|e| e.status == Status::InProgress)
            .expect("enters")
            .t
    };
    let left = |id| stage_events(&r, id, "Approve").last().expect("leaves").t;
    assert_eq!(entered(2), left(1));
    assert_eq!(entered(3), left(2));
    assert!(entered(1) < entered(2) && entered(2) < entered(3));
}

#[test]
fn parallel_mode_has_no_stage_locking() {
    let r = three_executions("PARALLEL");
    for id in 1..=3 {
        assert_eq!(outcome(&r, id), Outcome::Succeeded, "execution {id}");
        assert!(
            r.events
                .iter()
                .filter(|e| e.execution == id)
                .all(|e| e.status != Status::Waiting || e.action.is_some()),
            "execution {id} never waits at a stage boundary"
        );
    }
    let entered = |id| {
        stage_events(&r, id, "Approve")
            .into_iter()
            .find(|e| e.status == Status::InProgress)
            .expect("enters")
            .t
    };
    let left1 = stage_events(&r, 1, "Approve").last().expect("leaves").t;
    assert!(
        entered(2) < left1,
        "execution 2 is in the stage with execution 1"
    );
}

#[test]
fn approvals_can_be_rejected_or_time_out() {
    let reject = Scenario {
        approvals: vec![Decision {
            stage: "Approve".into(),
            action: "Review".into(),
            verdict: Verdict::Reject,
            after: Some(300),
            ..Decision::default()
        }],
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), reject);
    assert_eq!(outcome(&r, 1), Outcome::Failed);
    let events = action_events(&r, 1, "Review");
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].status, Status::Failed);
    assert_eq!(events[1].t - events[0].t, 300);
    assert_eq!(events[1].note.as_deref(), Some("rejected"));
    assert!(action_events(&r, 1, "Deploy").is_empty());

    // Nobody answers: the approval fails after 7 days.
    let r = run(
        &parallel_build("QUEUED"),
        Scenario {
            approve_after: None,
            ..Scenario::default()
        },
    );
    let events = action_events(&r, 1, "Review");
    assert_eq!(events[1].status, Status::Failed);
    assert_eq!(events[1].t - events[0].t, 7 * 24 * 3600);
    assert_eq!(events[1].note.as_deref(), Some("timed out after 7 days"));

    // `timeoutInMinutes` shortens the wait.
    let text = PARALLEL_BUILD.replace("MODE", "QUEUED").replace(
        "        - name: Review\n",
        "        - name: Review\n          timeoutInMinutes: 60\n",
    );
    let r = run(
        &pipeline(&text),
        Scenario {
            approve_after: None,
            ..Scenario::default()
        },
    );
    let events = action_events(&r, 1, "Review");
    assert_eq!(events[1].t - events[0].t, 3600);
}

fn fail_lint_once() -> Vec<FailureSpec> {
    vec![FailureSpec {
        stage: "Build".into(),
        action: "Lint".into(),
        ..FailureSpec::default()
    }]
}

#[test]
fn retrying_failed_actions_reruns_only_them() {
    let scenario = Scenario {
        failures: fail_lint_once(),
        retry: Some(RetryPlan {
            mode: RetryMode::FailedActions,
            after: 120,
            max: 1,
        }),
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), scenario);
    assert_eq!(outcome(&r, 1), Outcome::Succeeded);
    assert_eq!(
        action_events(&r, 1, "Compile").len(),
        2,
        "Compile runs once"
    );
    let lint = action_events(&r, 1, "Lint");
    assert_eq!(
        lint.iter().map(|e| e.status).collect::<Vec<_>>(),
        [
            Status::InProgress,
            Status::Failed,
            Status::InProgress,
            Status::Succeeded
        ]
    );
    assert_eq!(lint[2].attempt, 2);
    assert_eq!(lint[2].t - lint[1].t, 120);
    assert!(first(&r, 1, "Deploy", Status::Succeeded).is_some());
}

#[test]
fn retrying_all_actions_restarts_the_stage() {
    let scenario = Scenario {
        failures: fail_lint_once(),
        retry: Some(RetryPlan {
            mode: RetryMode::AllActions,
            ..RetryPlan::default()
        }),
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), scenario);
    assert_eq!(outcome(&r, 1), Outcome::Succeeded);
    assert_eq!(
        action_events(&r, 1, "Compile").len(),
        4,
        "Compile runs twice"
    );
}

#[test]
fn a_failure_on_every_attempt_fails_the_retry_too() {
    let scenario = Scenario {
        failures: vec![FailureSpec {
            stage: "Build".into(),
            action: "Lint".into(),
            always: true,
            ..FailureSpec::default()
        }],
        retry: Some(RetryPlan::default()),
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), scenario);
    assert_eq!(outcome(&r, 1), Outcome::Failed);
    assert_eq!(action_events(&r, 1, "Lint").len(), 4);
}

#[test]
fn a_stage_declaring_retry_retries_once_by_itself() {
    let text = PARALLEL_BUILD.replace("MODE", "QUEUED").replace(
        "    - name: Build\n      actions:",
        "    - name: Build\n      onFailure: {result: RETRY, retryConfiguration: {retryMode: FAILED_ACTIONS}}\n      actions:",
    );
    let r = run(
        &pipeline(&text),
        Scenario {
            failures: fail_lint_once(),
            ..Scenario::default()
        },
    );
    assert_eq!(outcome(&r, 1), Outcome::Succeeded);
    let retry = stage_events(&r, 1, "Build")
        .into_iter()
        .find(|e| {
            e.note
                .as_deref()
                .is_some_and(|n| n.contains("automatic retry"))
        })
        .expect("automatic retry");
    assert_eq!(retry.attempt, 2);
}

#[test]
fn a_retry_is_refused_once_a_newer_execution_entered_the_stage() {
    let scenario = Scenario {
        starts: vec![0, 1],
        failures: vec![FailureSpec {
            stage: "Build".into(),
            action: "Lint".into(),
            execution: Some(1),
            ..FailureSpec::default()
        }],
        retry: Some(RetryPlan {
            after: 3_600,
            ..RetryPlan::default()
        }),
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), scenario);
    assert_eq!(outcome(&r, 1), Outcome::Failed);
    assert_eq!(outcome(&r, 2), Outcome::Succeeded);
    assert!(
        r.notes.iter().any(|n| n.contains("cannot be retried")),
        "{:?}",
        r.notes
    );
}

#[test]
fn stopping_abandons_or_lets_actions_finish() {
    // Compile and Lint run from the end of Source; stop in the middle of them.
    let base = run(&parallel_build("QUEUED"), Scenario::default());
    let started = first(&base, 1, "Compile", Status::InProgress).expect("starts");
    let abandon = Scenario {
        stops: vec![StopSpec {
            execution: 1,
            at: started + 30,
            abandon: true,
        }],
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), abandon);
    assert_eq!(outcome(&r, 1), Outcome::Stopped);
    assert_eq!(
        first(&r, 1, "Compile", Status::Abandoned),
        Some(started + 30)
    );
    assert!(action_events(&r, 1, "Package").is_empty());

    let wait = Scenario {
        stops: vec![StopSpec {
            execution: 1,
            at: started + 30,
            abandon: false,
        }],
        ..Scenario::default()
    };
    let r = run(&parallel_build("QUEUED"), wait);
    assert_eq!(outcome(&r, 1), Outcome::Stopped);
    assert!(first(&r, 1, "Compile", Status::Succeeded).is_some());
    assert!(first(&r, 1, "Lint", Status::Succeeded).is_some());
    assert!(action_events(&r, 1, "Package").is_empty());
}

#[test]
fn disabled_transitions_hold_executions_until_enabled() {
    let scenario = Scenario {
        starts: vec![0, 50, 100],
        disabled_transitions: vec!["Deploy".into()],
        enable_transitions_at: Some(10_000),
        ..Scenario::default()
    };
    let r = run(&parallel_build("SUPERSEDED"), scenario.clone());
    // Only the newest waiting execution goes through when the transition is enabled again.
    assert_eq!(outcome(&r, 3), Outcome::Succeeded);
    assert_eq!(outcome(&r, 1), Outcome::Superseded);
    assert_eq!(outcome(&r, 2), Outcome::Superseded);
    assert_eq!(
        first(&r, 3, "Deploy", Status::InProgress).map(|t| t >= 10_000),
        Some(true)
    );
    assert!(r.view.stages[3].inbound_disabled.is_some());

    // Never enabled: the execution is still in progress when the scenario ends.
    let r = run(
        &parallel_build("QUEUED"),
        Scenario {
            disabled_transitions: vec!["Deploy".into()],
            ..Scenario::default()
        },
    );
    assert_eq!(outcome(&r, 1), Outcome::InProgress);
    assert_eq!(r.execution(1).and_then(|e| e.end), None);
}

#[test]
fn a_failed_stage_rolls_back_to_the_last_good_execution() {
    let text = PARALLEL_BUILD.replace("MODE", "QUEUED").replace(
        "    - name: Deploy\n      actions:",
        "    - name: Deploy\n      onFailure: {result: ROLLBACK}\n      actions:",
    );
    let scenario = Scenario {
        starts: vec![0, 10],
        failures: vec![FailureSpec {
            stage: "Deploy".into(),
            action: "Deploy".into(),
            execution: Some(2),
            ..FailureSpec::default()
        }],
        ..Scenario::default()
    };
    let r = run(&pipeline(&text), scenario);
    assert_eq!(outcome(&r, 1), Outcome::Succeeded);
    assert_eq!(outcome(&r, 2), Outcome::Failed);
    let rollback = r.execution(3).expect("a rollback execution");
    assert_eq!(rollback.kind, ExecutionKind::Rollback);
    assert_eq!(rollback.rollback_of, Some(1));
    assert_eq!(rollback.outcome, Outcome::Succeeded);
    assert!(
        rollback.events.iter().all(|e| e.stage == "Deploy"),
        "a rollback re-runs the failed stage only"
    );
}

#[test]
fn tracks_give_each_actions_status_over_time() {
    let r = run(&parallel_build("QUEUED"), Scenario::default());
    let review = r
        .track(
            1,
            ActionKey {
                stage: 2,
                action: 0,
            },
        )
        .expect("review track");
    let waiting = review.segments[0];
    assert_eq!(waiting.status, Status::Waiting);
    assert_eq!(review.status_at(waiting.from), Some(Status::Waiting));
    assert_eq!(review.status_at(waiting.from + 60), Some(Status::Succeeded));
    assert_eq!(review.status_at(0), None);
    assert_eq!(waiting.to, Some(waiting.from + 60));
    // Every execution lists its own events.
    let own = &r.execution(1).expect("execution").events;
    assert_eq!(own.len(), r.events.len());
}

#[test]
fn runs_are_deterministic_and_seeded() {
    let p = parallel_build("QUEUED");
    let scenario = Scenario {
        starts: vec![0, 30, 90],
        seed: 42,
        ..Scenario::default()
    };
    assert_eq!(run(&p, scenario.clone()), run(&p, scenario.clone()));
    let other = Scenario {
        seed: 43,
        ..scenario.clone()
    };
    assert_ne!(run(&p, scenario).events, run(&p, other).events);
}

#[test]
fn scenarios_are_bounded_and_checked() {
    let p = parallel_build("QUEUED");
    let r = run(
        &p,
        Scenario {
            starts: (0..1_000).collect(),
            ..Scenario::default()
        },
    );
    assert_eq!(r.executions.len(), MAX_EXECUTIONS);
    assert!(r.notes.iter().any(|n| n.contains("only the first")));
    let r = run(
        &p,
        Scenario {
            starts: vec![u64::MAX],
            approve_after: Some(u64::MAX),
            failures: vec![FailureSpec {
                stage: "Nope".into(),
                action: "Missing".into(),
                ..FailureSpec::default()
            }],
            stops: vec![StopSpec {
                execution: 99,
                at: 5,
                abandon: true,
            }],
            ..Scenario::default()
        },
    );
    // An approval answered after a year has timed out after 7 days.
    assert_eq!(outcome(&r, 1), Outcome::Failed);
    assert!(r.notes.iter().any(|n| n.contains("no stage `Nope`")));
    assert!(r.notes.iter().any(|n| n.contains("execution 99")));
}

#[test]
fn every_corpus_pipeline_simulates_without_panic() {
    let root = common::workspace().join("tests/corpus/pipeline");
    let mut seen = 0;
    for entry in std::fs::read_dir(root).expect("corpus").flatten() {
        let bytes = std::fs::read(entry.path()).expect("read");
        let Ok((_, analysis)) =
            cicd_core::analyze_bytes(Kind::Pipeline, &bytes, &Options::default())
        else {
            continue;
        };
        let Model::Pipeline(file) = analysis.model else {
            continue;
        };
        for p in &file.pipelines {
            for scenario in [
                Scenario::default(),
                Scenario {
                    starts: vec![0, 5, 10],
                    approve_after: None,
                    retry: Some(RetryPlan::default()),
                    failures: p
                        .actions()
                        .map(|(s, a)| FailureSpec {
                            stage: s.label(),
                            action: a.label(),
                            always: false,
                            execution: Some(2),
                        })
                        .collect(),
                    ..Scenario::default()
                },
            ] {
                let r = simulate(p, &scenario);
                assert!(!r.executions.is_empty());
                assert!(r.events.windows(2).all(|w| w[0].t <= w[1].t));
                seen += 1;
            }
        }
    }
    assert!(seen > 40, "{seen}");
}

/// A small deterministic generator (xorshift64*), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[test]
fn random_scenarios_never_panic_and_every_execution_ends_or_waits() {
    let names = [
        ("Source", "Source"),
        ("Build", "Compile"),
        ("Build", "Lint"),
        ("Build", "Package"),
        ("Approve", "Review"),
        ("Deploy", "Deploy"),
        ("Nowhere", "Nothing"),
    ];
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for round in 0..600 {
        let mode = ["SUPERSEDED", "QUEUED", "PARALLEL"][round % 3];
        let mut text = PARALLEL_BUILD.replace("MODE", mode);
        if round % 4 == 1 {
            text = text.replace(
                "    - name: Build\n      actions:",
                "    - name: Build\n      onFailure: {result: RETRY, retryConfiguration: {retryMode: ALL_ACTIONS}}\n      actions:",
            );
        }
        if round % 4 == 2 && mode != "PARALLEL" {
            text = text.replace(
                "    - name: Deploy\n      actions:",
                "    - name: Deploy\n      onFailure: {result: ROLLBACK}\n      actions:",
            );
        }
        let p = pipeline(&text);
        let pick = |rng: &mut Rng| names[rng.below(names.len() as u64) as usize];
        let executions = 1 + rng.below(6);
        let scenario = Scenario {
            seed: rng.next(),
            starts: (0..executions).map(|_| rng.below(2_000)).collect(),
            failures: (0..rng.below(4))
                .map(|_| {
                    let (stage, action) = pick(&mut rng);
                    FailureSpec {
                        stage: stage.into(),
                        action: action.into(),
                        execution: (rng.below(2) == 0).then(|| 1 + rng.below(executions) as u32),
                        always: rng.below(3) == 0,
                    }
                })
                .collect(),
            approvals: (0..rng.below(3))
                .map(|_| Decision {
                    stage: "Approve".into(),
                    action: "Review".into(),
                    execution: (rng.below(2) == 0).then(|| 1 + rng.below(executions) as u32),
                    verdict: [Verdict::Approve, Verdict::Reject, Verdict::Timeout]
                        [rng.below(3) as usize],
                    after: (rng.below(2) == 0).then(|| rng.below(5_000)),
                })
                .collect(),
            approve_after: (rng.below(5) != 0).then(|| rng.below(3_000)),
            retry: (rng.below(2) == 0).then(|| RetryPlan {
                mode: if rng.below(2) == 0 {
                    RetryMode::FailedActions
                } else {
                    RetryMode::AllActions
                },
                after: rng.below(600),
                max: rng.below(4) as u32,
            }),
            stops: (0..rng.below(3))
                .map(|_| StopSpec {
                    execution: 1 + rng.below(executions + 1) as u32,
                    at: rng.below(3_000),
                    abandon: rng.below(2) == 0,
                })
                .collect(),
            disabled_transitions: if rng.below(4) == 0 {
                vec![["Build", "Approve", "Deploy", "Source"][rng.below(4) as usize].into()]
            } else {
                Vec::new()
            },
            enable_transitions_at: (rng.below(2) == 0).then(|| rng.below(10_000)),
        };
        let r = simulate(&p, &scenario);
        assert!(
            r.events.windows(2).all(|w| w[0].t <= w[1].t),
            "round {round}"
        );
        assert!(r.executions.len() >= executions as usize, "round {round}");
        for e in &r.executions {
            match e.outcome {
                Outcome::InProgress => assert!(
                    scenario.enable_transitions_at.is_none()
                        || !scenario.disabled_transitions.is_empty(),
                    "round {round}: {e:?}"
                ),
                Outcome::Cancelled => panic!("round {round}: bounds reached: {e:?}"),
                _ => assert!(e.end.is_some(), "round {round}: {e:?}"),
            }
            assert!(
                e.events.iter().all(|ev| ev.execution == e.id),
                "round {round}"
            );
        }
        assert_eq!(simulate(&p, &scenario), r, "round {round}: deterministic");
    }
}
