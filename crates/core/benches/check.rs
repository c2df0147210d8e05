//! Validation speed against the bare YAML parse of the same text: the guide's buildspec and a
//! generated 5,000-line buildspec; for pipelines, the analysis and the run simulation of the
//! guide's pipeline and of a generated pipeline at the quotas (50 stages of 50 actions); the
//! guide's deploy workflow and the corpus's largest workflow (72 KB), and the workflow × trust
//! policy cross-check (the admission table). Run with `cargo bench -p cicd-core`.

use std::hint::black_box;

use cicd_core::source::{Limits, parse_yaml};
use cicd_core::{Kind, Options};
use criterion::{Criterion, criterion_group, criterion_main};

/// A realistic buildspec of about `lines` lines: env variables, four phases with many commands,
/// reports, artifacts and cache.
pub fn large_buildspec(lines: usize) -> String {
    let mut out = String::from("version: 0.2\nenv:\n  variables:\n");
    for i in 0..lines / 10 {
        out.push_str(&format!("    VAR_{i}: value-{i}\n"));
    }
    out.push_str("phases:\n");
    let per_phase = lines * 8 / 10 / 4;
    for phase in ["install", "pre_build", "build", "post_build"] {
        out.push_str(&format!(
            "  {phase}:\n    on-failure: ABORT\n    commands:\n"
        ));
        for i in 0..per_phase {
            out.push_str(&format!(
                "      - echo \"step {i} of {phase}\" && make target-{i} ARG=$VAR_{}\n",
                i % 50
            ));
        }
    }
    out.push_str(
        "reports:\n  junit:\n    files:\n      - 'reports/**/*.xml'\n    file-format: JUNITXML\n",
    );
    out.push_str("artifacts:\n  files:\n");
    while out.lines().count() < lines - 3 {
        let n = out.len();
        out.push_str(&format!("    - 'dist/part-{n}/**/*'\n"));
    }
    out.push_str("cache:\n  paths:\n    - 'node_modules/**/*'\n");
    out
}

/// A valid pipeline declaration (JSON) of `stages` stages: a source stage, then stages of
/// `actions` CodeBuild actions in five run-order groups, each reading the previous stage's
/// artifact, with a manual approval before the last stage.
pub fn large_pipeline(stages: usize, actions: usize) -> String {
    let mut out = String::from(
        r#"{"pipeline": {"name": "large", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
 "artifactStore": {"type": "S3", "location": "large-artifacts"}, "pipelineType": "V2",
 "executionMode": "QUEUED", "stages": [
  {"name": "Source", "actions": [{"name": "Source", "namespace": "SourceVariables",
   "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
   "configuration": {"RepositoryName": "large", "BranchName": "main"},
   "outputArtifacts": [{"name": "Out0"}]}]}"#,
    );
    for s in 1..stages {
        out.push_str(&format!(",\n  {{\"name\": \"Stage{s}\", \"actions\": ["));
        let last = s + 1 == stages;
        for a in 0..actions {
            if a > 0 {
                out.push(',');
            }
            if last && a == 0 {
                out.push_str(r#"{"name": "Approve", "runOrder": 1, "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}, "configuration": {"CustomData": "Check it"}}"#);
                continue;
            }
            let order = if last { 2 } else { 1 + a % 5 };
            let output = if a == 0 {
                format!(r#", "outputArtifacts": [{{"name": "Out{s}"}}]"#)
            } else {
                String::new()
            };
            out.push_str(&format!(
                r##"{{"name": "Action{a}", "runOrder": {order}, "actionTypeId": {{"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}}, "configuration": {{"ProjectName": "p{s}-{a}", "EnvironmentVariables": "[{{\"name\":\"COMMIT\",\"value\":\"#{{SourceVariables.CommitId}}\"}}]"}}, "inputArtifacts": [{{"name": "Out{}"}}]{output}}}"##,
                s - 1
            ));
        }
        out.push_str("]}");
    }
    out.push_str("]}}\n");
    out
}

fn bench_pipeline(c: &mut Criterion) {
    use cicd_core::pipeline::{Scenario, simulate};
    let guide = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/pipeline.json"
    ))
    .expect("guide pipeline");
    let large = large_pipeline(50, 50);
    let options = Options::default();
    let analysis = cicd_core::analyze(Kind::Pipeline, &large, &options).expect("supported");
    assert!(
        analysis
            .diagnostics
            .iter()
            .all(|d| d.severity != cicd_core::Severity::Error),
        "{:#?}",
        analysis.diagnostics.first()
    );
    let scenario = Scenario {
        starts: vec![0, 60, 120],
        ..Scenario::default()
    };
    for (name, text) in [("pipeline-guide", &guide), ("pipeline-50x50", &large)] {
        let analysis = cicd_core::analyze(Kind::Pipeline, text, &options).expect("supported");
        let cicd_core::Model::Pipeline(file) = analysis.model else {
            unreachable!("a pipeline analysis gives a pipeline model")
        };
        let pipeline = file.pipelines.into_iter().next().expect("a pipeline");
        let mut group = c.benchmark_group(name);
        group.bench_function("parse", |b| {
            b.iter(|| cicd_core::source::parse_json(black_box(text), &Limits::default()))
        });
        group.bench_function("analyze", |b| {
            b.iter(|| cicd_core::analyze(Kind::Pipeline, black_box(text), &options))
        });
        group.bench_function("simulate-3-executions", |b| {
            b.iter(|| simulate(black_box(&pipeline), &scenario))
        });
        group.finish();
    }
}

fn bench(c: &mut Criterion) {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/buildspec.yml"
    ))
    .expect("seed");
    let large = large_buildspec(5_000);
    assert!(
        cicd_core::check(Kind::Buildspec, &large, &Options::default())
            .expect("supported")
            .is_empty()
    );
    let limits = Limits::default();
    let options = Options::default();
    for (name, text) in [("seed", &seed), ("5000-lines", &large)] {
        let mut group = c.benchmark_group(name);
        group.bench_function("parse", |b| b.iter(|| parse_yaml(black_box(text), &limits)));
        group.bench_function("check", |b| {
            b.iter(|| cicd_core::check(Kind::Buildspec, black_box(text), &options))
        });
        group.finish();
    }
}

/// A file of the workspace.
fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

fn bench_workflows(c: &mut Criterion) {
    use cicd_core::workflow::admission::{AdmissionOptions, WorkflowInput, admission};
    let guide = read("examples/deploy-workflow-oidc.yml");
    let large =
        read("tests/corpus/workflow/cogini__phoenix_container_example__.github__workflows__ci.yml");
    let policy_text = read("examples/trust-policy-github-oidc.json");
    let limits = Limits::default();
    let options = Options::default();
    for (name, text) in [("workflow-guide", &guide), ("workflow-72kb", &large)] {
        let mut group = c.benchmark_group(name);
        group.bench_function("parse", |b| b.iter(|| parse_yaml(black_box(text), &limits)));
        group.bench_function("check", |b| {
            b.iter(|| cicd_core::check(Kind::Workflow, black_box(text), &options))
        });
        group.finish();
    }
    let analyze = |kind, text: &str| cicd_core::analyze(kind, text, &options).expect("supported");
    let policy = analyze(Kind::TrustPolicy, &policy_text);
    let cicd_core::Model::TrustPolicy(policy) = &policy.model else {
        unreachable!("a trust policy");
    };
    let mut group = c.benchmark_group("admission");
    for (name, text) in [("guide", &guide), ("72kb", &large)] {
        let workflow = analyze(Kind::Workflow, text);
        let cicd_core::Model::Workflow(workflow) = &workflow.model else {
            unreachable!("a workflow");
        };
        let inputs = [WorkflowInput {
            name: ".github/workflows/deploy.yml",
            workflow,
        }];
        group.bench_function(name, |b| {
            b.iter(|| {
                admission(
                    black_box(&inputs),
                    "trust-policy.json",
                    policy,
                    0,
                    &AdmissionOptions::default(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_pipeline, bench_workflows);
criterion_main!(benches);
