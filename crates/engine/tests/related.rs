//! Files that relate: a workflow's "Who can assume?" table against the workspace's trust
//! policies, and the findings that relate the files, in both files' reports.

mod common;

use common::{Doc, ask};

use cicd_core::workflow::admission::{CallerKind, RowDecision};
use cicd_engine::{AdmissionView, Engine, FileReport, FileVersion, Panel, PanelInputs, Request};

const WORKFLOW: &str = include_str!("../../../examples/deploy-workflow.yml");
const WORKFLOW_FIXED: &str = include_str!("../../../examples/deploy-workflow-oidc.yml");
const POLICY: &str = include_str!("../../../examples/trust-policy-github-oidc.json");
const POLICY_MAIN: &str = include_str!("../../../examples/trust-policy-github-oidc-main.json");

const WORKFLOW_NAME: &str = ".github/workflows/deploy.yml";
const POLICY_NAME: &str = "trust-policy.json";

fn admission(report: &FileReport) -> &AdmissionView {
    match &report.panel {
        Panel::Admission(view) => view,
        other => panic!("not an admission panel: {other:?}"),
    }
}

fn line_of(text: &str, needle: &str) -> u32 {
    let at = text.find(needle).expect("in the text");
    text[..at].lines().count() as u32 + u32::from(text[..at].ends_with('\n'))
}

#[test]
fn a_policy_edit_changes_the_workflows_table_without_analysing_the_workflow_again() {
    let mut engine = Engine::new();
    let workflow = (1, 1, WORKFLOW_NAME, WORKFLOW_FIXED);
    let policy = (2, 1, POLICY_NAME, POLICY_MAIN);
    let r = ask(&mut engine, workflow, &[policy]);
    assert_eq!(engine.analyses(), 2, "the workflow and its related policy");
    assert_eq!(r.related, [FileVersion { id: 2, version: 1 }]);
    let view = admission(&r);
    let [table] = view.tables.as_slice() else {
        panic!("one table: {:?}", view.tables)
    };
    assert_eq!(table.policy, 2);
    assert!(table.certain);
    let rows = &table.report.rows;
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.decision == RowDecision::Allow));
    assert!(table.report.over_broad.is_empty(), "pinned to main");
    // Each row points at the step in the workflow and the deciding value in the policy.
    let row = &rows[0];
    assert_eq!((row.job.as_str(), row.event.as_str()), ("deploy", "push"));
    assert_eq!(row.job_at.file, 1);
    assert_eq!(row.job_at.line, line_of(WORKFLOW_FIXED, "role-to-assume:"));
    let policy_at = row.policy_at.expect("the deciding place");
    assert_eq!(policy_at.file, 2);
    assert_eq!(
        policy_at.line,
        line_of(POLICY_MAIN, "repo:myorg/myrepo:ref:refs/heads/main")
    );
    // The step is marked admitted in the editor.
    assert_eq!(r.highlights.len(), 1);
    assert_eq!(r.highlights[0].class, "allow");
    // The policy's own request reuses the analysis made for the workflow's report.
    let p = ask(&mut engine, policy, &[workflow]);
    assert_eq!(engine.analyses(), 2);
    assert!(matches!(p.panel, Panel::Trust(_)));

    // The policy now admits every branch: the workflow's table says so, the workflow is not
    // analysed again, and the policy's new text once.
    let broad = POLICY_MAIN.replace("refs/heads/main", "refs/heads/*");
    let policy = (2, 2, POLICY_NAME, broad.as_str());
    let r = ask(&mut engine, workflow, &[policy]);
    let p = ask(&mut engine, policy, &[workflow]);
    assert_eq!(engine.analyses(), 3);
    assert_eq!(r.related, [FileVersion { id: 2, version: 2 }]);
    assert_eq!(p.related, [FileVersion { id: 1, version: 1 }]);
    let table = &admission(&r).tables[0];
    assert!(
        table
            .report
            .rows
            .iter()
            .all(|r| r.decision == RowDecision::Allow)
    );
    let branch = table
        .report
        .over_broad
        .iter()
        .position(|o| o.kind == CallerKind::OtherBranch)
        .expect("another branch gets in");
    let caller = &table.report.over_broad[branch];
    assert!(caller.sub.starts_with("repo:myorg/myrepo:ref:refs/heads/"));
    assert_eq!(caller.policy_at.map(|p| p.file), Some(2));
    // "Try it" fills the policy's Assume form with that caller.
    let form = table.try_forms[branch].clone().expect("a GitHub sub");
    assert_eq!(form.repo, "myorg/myrepo");
    assert_eq!(form.event, "push");
    assert!(caller.sub.ends_with(&form.git_ref), "{form:?}");
    // The form, as the policy's panel settings, is answered: that caller is allowed.
    let (key, json) = PanelInputs::assume_part(&form);
    let settings = format!("{{\"{key}\":{json}}}");
    assert_eq!(PanelInputs::parse(&settings).assume, Some(form));
    let answer = engine
        .handle(Request::Panel {
            id: 2,
            version: 2,
            scenario: settings,
        })
        .expect("answered");
    let Panel::Trust(trust) = answer.panel else {
        panic!("a trust panel")
    };
    assert!(trust.report.expect("an answer").allowed());
    // The over-broad admission is a finding in both files.
    assert!(p.diagnostics.iter().any(|d| d.code == "GHA081"));
    assert!(r.diagnostics.iter().any(|d| d.code == "GHA081"));
}

#[test]
fn the_guides_workflow_gets_no_token_in_its_diagnostics_and_its_table() {
    let mut engine = Engine::new();
    let workflow = (1, 1, WORKFLOW_NAME, WORKFLOW);
    let policy = (2, 1, POLICY_NAME, POLICY);
    let r = ask(&mut engine, workflow, &[policy]);
    let p = ask(&mut engine, policy, &[workflow]);
    let step_line = line_of(WORKFLOW, "role-to-assume:");
    let gha023 = r
        .diagnostics
        .iter()
        .find(|d| d.code == "GHA023")
        .expect("the missing id-token: write");
    assert_eq!(gha023.line, step_line);
    let table = &admission(&r).tables[0];
    let row = &table.report.rows[0];
    assert_eq!(row.decision, RowDecision::Deny);
    assert!(!row.token);
    assert!(row.reason.contains("id-token: write"), "{}", row.reason);
    assert_eq!(r.highlights[0].class, "deny");
    // `repo:myorg/myrepo:*` admits pull requests, other branches, tags and environments: a
    // finding in the policy pointing at the job, and in the workflow at the job pointing back.
    let in_policy = p
        .diagnostics
        .iter()
        .find(|d| d.code == "GHA081")
        .expect("GHA081 in the policy");
    assert_eq!(in_policy.line, line_of(POLICY, "repo:myorg/myrepo:*"));
    assert_eq!(in_policy.elsewhere.len(), 1);
    assert_eq!(in_policy.elsewhere[0].at.file, 1);
    assert_eq!(in_policy.elsewhere[0].at.line, step_line);
    assert_eq!(in_policy.elsewhere[0].name, WORKFLOW_NAME);
    let in_workflow = r
        .diagnostics
        .iter()
        .find(|d| d.code == "GHA081")
        .expect("GHA081 in the workflow");
    assert_eq!(in_workflow.line, step_line);
    assert!(
        in_workflow
            .message
            .contains("job `deploy` assumes the role")
    );
    assert!(in_workflow.message.contains("`trust-policy.json`"));
    assert_eq!(in_workflow.elsewhere[0].at.file, 2);
    assert_eq!(in_workflow.elsewhere[0].at.line, in_policy.line);
    assert_eq!(in_workflow.severity, in_policy.severity);
    assert!(in_workflow.fix.is_none());
    assert_eq!(
        r.warnings,
        r.diagnostics
            .iter()
            .filter(|d| d.severity == cicd_core::Severity::Warning)
            .count()
    );
    // Sorted by position.
    assert!(r.diagnostics.windows(2).all(|w| w[0].from16 <= w[1].from16));
}

#[test]
fn several_policies_give_several_tables_and_no_findings() {
    let mut engine = Engine::new();
    let service = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let r = ask(
        &mut engine,
        (1, 1, WORKFLOW_NAME, WORKFLOW_FIXED),
        &[
            (2, 1, POLICY_NAME, POLICY),
            (3, 1, "pinned-trust-policy.json", POLICY_MAIN),
            (4, 1, "codebuild-trust-policy.json", service),
            (5, 1, "broken-trust-policy.json", "{\"Statement\": ["),
        ],
    );
    let view = admission(&r);
    assert_eq!(
        view.tables.iter().map(|t| t.policy).collect::<Vec<_>>(),
        [2, 3]
    );
    assert!(view.tables.iter().all(|t| !t.certain));
    assert!(!view.tables[0].report.over_broad.is_empty());
    assert!(view.tables[1].report.over_broad.is_empty());
    let skipped: Vec<_> = view
        .skipped
        .iter()
        .map(|s| (s.policy, s.why.as_str()))
        .collect();
    assert_eq!(skipped, [(4, "not-github"), (5, "unreadable")]);
    assert!(
        r.diagnostics.iter().all(|d| !d.code.starts_with("GHA08")),
        "which role the workflow assumes is not certain"
    );
}

#[test]
fn a_workflow_alone_has_a_panel_that_says_what_is_missing_and_forgotten_files_are_dropped() {
    let mut engine = Engine::new();
    let r = ask(&mut engine, (1, 1, WORKFLOW_NAME, WORKFLOW_FIXED), &[]);
    let view = admission(&r);
    assert!(view.readable && view.tables.is_empty() && view.skipped.is_empty());
    assert!(r.related.is_empty());
    // A related file the engine was sent only as such is analysed once per version and
    // forgotten with the file.
    ask(
        &mut engine,
        (1, 1, WORKFLOW_NAME, WORKFLOW_FIXED),
        &[(2, 1, POLICY_NAME, POLICY)],
    );
    ask(
        &mut engine,
        (1, 1, WORKFLOW_NAME, WORKFLOW_FIXED),
        &[(2, 1, POLICY_NAME, POLICY)],
    );
    assert_eq!(engine.analyses(), 2);
    engine.handle(Request::Forget { id: 2 });
    ask(
        &mut engine,
        (1, 1, WORKFLOW_NAME, WORKFLOW_FIXED),
        &[(2, 1, POLICY_NAME, POLICY)],
    );
    assert_eq!(engine.analyses(), 3);
    // Other kinds carry no related files' findings and keep their panels.
    let b = ask(
        &mut engine,
        (
            3,
            1,
            "buildspec.yml",
            "version: 0.2\nphases:\n  build:\n    commands: [make]\n",
        ),
        &[],
    );
    assert_eq!(b.panel, Panel::None);
}

const BUILDSPEC: &str = include_str!("../../../examples/broken/ecs-release-buildspec.yml");
const PIPELINE: &str = include_str!("../../../examples/broken/ecs-release-pipeline.json");
const APPSPEC: &str = include_str!("../../../examples/broken/ecs-release-appspec.yaml");
const TASKDEF: &str = include_str!("../../../examples/broken/ecs-release-taskdef.json");

fn codes(report: &FileReport) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn a_file_the_build_does_not_produce_shows_in_the_pipeline_and_the_buildspec_until_fixed() {
    let mut engine = Engine::new();
    let buildspec = (1, 1, "buildspec.yml", BUILDSPEC);
    let pipeline = (2, 1, "pipeline.json", PIPELINE);
    let appspec = (3, 1, "ecs/appspec.yaml", APPSPEC);
    let taskdef = (4, 1, "ecs/taskdef.json", TASKDEF);
    let all = [buildspec, pipeline, appspec, taskdef];
    let others = |id: u32| -> Vec<Doc<'_>> { all.iter().copied().filter(|d| d.0 != id).collect() };

    // The pipeline's report: both files CodeDeployToECS reads, each with its place in the
    // buildspec's `artifacts.files`.
    let p = ask(&mut engine, pipeline, &others(2));
    let found: Vec<_> = p.diagnostics.iter().filter(|d| d.code == "CP035").collect();
    assert_eq!(found.len(), 2, "{:?}", codes(&p));
    for d in &found {
        // At the action's `configuration` key, the line above its first entry.
        assert_eq!(
            d.line + 1,
            line_of(PIPELINE, "\"ApplicationName\": \"shop-web\"")
        );
        let there = d
            .elsewhere
            .iter()
            .find(|l| l.at.file == 1)
            .expect("a place in the buildspec");
        assert_eq!(there.at.line, line_of(BUILDSPEC, "  files:"));
        assert_eq!(there.name, "buildspec.yml");
    }
    // The buildspec's report shows them at that place.
    let b = ask(&mut engine, buildspec, &others(1));
    let here: Vec<_> = b.diagnostics.iter().filter(|d| d.code == "CP035").collect();
    assert_eq!(here.len(), 2, "{:?}", codes(&b));
    assert!(
        here.iter()
            .all(|d| d.line == line_of(BUILDSPEC, "  files:"))
    );
    assert!(
        here.iter()
            .all(|d| d.elsewhere.iter().any(|l| l.at.file == 2))
    );

    // The AppSpec's port is not mapped: in the AppSpec, with the container in the task
    // definition, and in the task definition's report.
    let a = ask(&mut engine, appspec, &others(3));
    let port = a
        .diagnostics
        .iter()
        .find(|d| d.code == "AS081")
        .expect("AS081");
    assert_eq!(port.line, line_of(APPSPEC, "ContainerPort: 80"));
    assert!(port.elsewhere.iter().any(|l| l.at.file == 4));
    let t = ask(&mut engine, taskdef, &others(4));
    assert!(codes(&t).contains(&"AS081"), "{:?}", codes(&t));

    // Flattening the artifact clears the pipeline's and the buildspec's findings.
    let flat = BUILDSPEC.replace(
        "    - ecs/taskdef.json\n",
        "    - ecs/taskdef.json\n  discard-paths: yes\n",
    );
    let buildspec = (1, 2, "buildspec.yml", flat.as_str());
    let all = [buildspec, pipeline, appspec, taskdef];
    let others = |id: u32| -> Vec<Doc<'_>> { all.iter().copied().filter(|d| d.0 != id).collect() };
    let p = ask(&mut engine, pipeline, &others(2));
    assert!(!codes(&p).contains(&"CP035"), "{:?}", codes(&p));
    assert_eq!(
        p.related,
        [
            FileVersion { id: 1, version: 2 },
            FileVersion { id: 3, version: 1 },
            FileVersion { id: 4, version: 1 }
        ]
    );
    let b = ask(&mut engine, buildspec, &others(1));
    assert!(!codes(&b).contains(&"CP035"), "{:?}", codes(&b));
}

/// Typing in a workflow whose analysis another file's report also holds (the policy's, as a
/// related file): the engine then copies the previous document instead of taking it, and every
/// report, the workflow's and the policy's, is the one a fresh engine gives.
#[test]
fn typing_in_a_related_file_gives_the_reports_of_fresh_analyses() {
    let mut engine = Engine::new();
    let policy = (2, 1, POLICY_NAME, POLICY);
    ask(
        &mut engine,
        policy,
        &[(1, 1, WORKFLOW_NAME, WORKFLOW_FIXED)],
    );
    let at = WORKFLOW_FIXED.find("run:").expect("a run step") + 4;
    let at = WORKFLOW_FIXED[at..]
        .find('\n')
        .map_or(WORKFLOW_FIXED.len(), |i| at + i);
    let mut text = WORKFLOW_FIXED.to_string();
    for (n, c) in " --stage prod # x".chars().enumerate() {
        text.insert(at + n, c);
        let version = n as u64 + 2;
        let workflow = (1, version, WORKFLOW_NAME, text.as_str());
        let kept = ask(&mut engine, workflow, &[policy]);
        let fresh = ask(&mut Engine::new(), workflow, &[policy]);
        assert_eq!(kept, fresh, "the workflow after {text:?}");
        if n % 3 == 0 {
            // The policy's report, with this workflow as its related file.
            let kept = ask(&mut engine, policy, &[workflow]);
            let fresh = ask(&mut Engine::new(), policy, &[workflow]);
            assert_eq!(kept, fresh, "the policy after {text:?}");
        }
    }
}
