//! The package's functions, natively: places, relating files, and that each answer is the
//! core's for the same input (the JavaScript side is tested on the packed package, `tests/npm/`).

use super::*;

fn read(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    std::fs::read_to_string(format!("{root}{path}")).unwrap()
}

/// The UTF-16 offset of the byte offset `at` of `text`.
fn utf16(text: &str, at: usize) -> u32 {
    text[..at].encode_utf16().count() as u32
}

#[test]
fn check_places_in_characters_for_people_and_utf16_for_editors() {
    // An astral character (two UTF-16 units, one character, four bytes) before the finding.
    let text =
        "version: 0.2\n# 🚀 déploiement\nphases:\n  biuld:\n    commands:\n      - echo hi\n";
    let found = check("buildspec", text, &CheckOptions::default()).unwrap();
    let d = found.iter().find(|d| d.code == "BS020").unwrap();
    let at = text.find("biuld").unwrap();
    assert_eq!(d.range.from16, utf16(text, at));
    assert_eq!(d.range.to16, utf16(text, at + "biuld".len()));
    assert_eq!((d.range.line, d.range.column), (4, 3));
    assert_eq!((d.range.end_line, d.range.end_column), (4, 8));
    assert_eq!(d.name, "unknown-phase");
    assert_eq!(d.severity, "error");
    assert!(d.url.ends_with("/BS020"));
    let fix = d.fix.as_ref().unwrap();
    assert_eq!(fix.replacement, "build");
    assert_eq!((fix.from16, fix.to16), (d.range.from16, d.range.to16));
    // The same findings as the core's, in the same order.
    let core = cicd_core::check(Kind::Buildspec, text, &Options::default()).unwrap();
    let codes: Vec<&str> = found.iter().map(|d| d.code).collect();
    let core_codes: Vec<&str> = core.iter().map(|d| d.code).collect();
    assert_eq!(codes, core_codes);
}

#[test]
fn check_refuses_an_unknown_kind_and_reads_the_image() {
    let err = check("buildspecs", "", &CheckOptions::default()).unwrap_err();
    assert!(err.0.contains("unknown kind `buildspecs`"), "{err}");
    let text = "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 18\n  build:\n    commands:\n      - make\n";
    let plain = check("buildspec", text, &CheckOptions::default()).unwrap();
    let imaged = check(
        "buildspec",
        text,
        &CheckOptions {
            image: Some("aws/codebuild/standard:8.0".to_string()),
        },
    )
    .unwrap();
    // Node.js 18 is on a maintained image, but not on standard:8.0.
    assert!(!plain.iter().any(|d| d.code == "BS033"), "{plain:?}");
    assert!(imaged.iter().any(|d| d.code == "BS033"), "{imaged:?}");
}

#[test]
fn analyze_detects_kinds_and_relates_a_workflow_to_its_trust_policy() {
    let dir = "crates/core/tests/fixtures/workflow/GHA080/err/environment-vs-branch/";
    let files = [
        FileInput {
            name: ".github/workflows/deploy.yml".to_string(),
            text: read(&format!("{dir}.github/workflows/deploy.yml")),
            kind: None,
        },
        FileInput {
            name: "iam/trust-policy.json".to_string(),
            text: read(&format!("{dir}iam/trust-policy.json")),
            kind: None,
        },
        FileInput {
            name: "notes.txt".to_string(),
            text: "nothing to check".to_string(),
            kind: None,
        },
    ];
    let out = analyze(&files, &CheckOptions::default()).unwrap();
    let kinds: Vec<Option<&str>> = out.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Some("workflow"), Some("trust-policy"), None]);
    let related: Vec<&Diagnostic> = out
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.code == "GHA080")
        .collect();
    assert!(!related.is_empty(), "{out:?}");
    // Each related finding points into the other file, placed in that file's text.
    for d in related {
        let label = d
            .labels
            .iter()
            .find(|l| l.file.is_some())
            .expect("a label in the other file");
        let other = files
            .iter()
            .find(|f| Some(&f.name) == label.file.as_ref())
            .unwrap();
        let units: Vec<u16> = other.text.encode_utf16().collect();
        assert!(label.range.from16 < label.range.to16);
        assert!(label.range.to16 as usize <= units.len());
    }
    let workflow = &out[0];
    assert_eq!(
        workflow.errors,
        workflow
            .diagnostics
            .iter()
            .filter(|d| d.severity == "error")
            .count()
    );
}

#[test]
fn rules_and_explain_read_the_registry() {
    let all = rules(None).unwrap();
    assert_eq!(all.len(), registry::all().len());
    let buildspec = rules(Some("buildspec")).unwrap();
    assert!(!buildspec.is_empty() && buildspec.len() < all.len());
    assert!(buildspec.iter().all(|r| r.kind == Some("buildspec")));
    let page = explain("bs021").unwrap();
    assert_eq!(page.rule.code, "BS021");
    assert!(
        page.markdown.contains("## What it does"),
        "{}",
        page.markdown
    );
    assert_eq!(explain(page.rule.name).unwrap().rule.code, "BS021");
    assert!(explain("XX999").is_none());
}

#[test]
fn assume_asks_for_the_trusted_caller_by_default_and_for_the_one_given() {
    let policy = read("examples/trust-policy-github-oidc.json");
    let suggested = assume(&policy, &AssumeRequest::default()).unwrap();
    assert_eq!(
        suggested.decision,
        cicd_core::trust_policy::report::Verdict::Allow
    );
    assert!(suggested.github.is_some());
    let stranger = AssumeRequest {
        github: Some(GithubRun {
            repo: "someone-else/fork".to_string(),
            ..GithubRun::default()
        }),
        ..AssumeRequest::default()
    };
    let denied = assume(&policy, &stranger).unwrap();
    assert_eq!(
        denied.decision,
        cicd_core::trust_policy::report::Verdict::Deny
    );
    // Places are in the policy's text.
    let units = policy.encode_utf16().count() as u32;
    assert!(denied.statements.iter().all(|s| s.at.to16 <= units));
    let err = assume("{", &AssumeRequest::default()).unwrap_err();
    assert!(err.0.contains("not readable JSON"), "{err}");
    let bad = AssumeRequest {
        principal: Some("robot:r2d2".to_string()),
        ..AssumeRequest::default()
    };
    assert!(assume(&policy, &bad).is_err());
}

#[test]
fn simulations_answer_as_the_core_does() {
    let appspec = read("examples/appspec-ec2.yml");
    let scenario = cicd_core::appspec::Scenario {
        fail: Some("AfterInstall".to_string()),
        ..Default::default()
    };
    let report = simulate_lifecycle(&appspec, &scenario).unwrap();
    assert_eq!(report.failure.as_ref().unwrap().event, "AfterInstall");
    let template = "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n";
    assert!(simulate_lifecycle(template, &Default::default()).is_err());

    let pipeline = read("examples/pipeline.json");
    let run = simulate_pipeline(&pipeline, &Default::default(), &Default::default()).unwrap();
    assert!(!run.view.stages.is_empty());
    let named = PipelineOptions {
        pipeline: Some("no-such-pipeline".to_string()),
    };
    assert!(simulate_pipeline(&pipeline, &Default::default(), &named).is_err());

    let group = read("examples/deployment-group-ecs.json");
    let files = DeploymentFiles {
        group: Some(group.clone()),
        ..Default::default()
    };
    let deployment = simulate_deployment(&files, &Default::default()).unwrap();
    assert_eq!(
        deployment.config.config.name,
        "CodeDeployDefault.ECSCanary10Percent5Minutes"
    );
    let linear = DeploymentFiles {
        group: Some(group),
        config: Some(read("examples/deployment-config-linear.json")),
        appspec: None,
        configs: Vec::new(),
    };
    let chosen = simulate_deployment(&linear, &Default::default()).unwrap();
    assert_ne!(chosen.config.config.name, deployment.config.config.name);
    let typo = DeploymentFiles {
        config: Some("CodeDeployDefault.OneAtATme".to_string()),
        ..Default::default()
    };
    let err = simulate_deployment(&typo, &Default::default()).unwrap_err();
    assert!(err.0.contains("did you mean"), "{err}");
}

#[test]
fn a_group_naming_a_custom_configuration_is_simulated_with_the_default_and_says_so() {
    let group = r#"{"applicationName": "app", "deploymentGroupName": "g",
        "serviceRoleArn": "arn:aws:iam::123456789012:role/CodeDeploy",
        "deploymentConfigName": "MyTeamConfig"}"#;
    let files = DeploymentFiles {
        group: Some(group.to_string()),
        ..Default::default()
    };
    let report = simulate_deployment(&files, &Default::default()).unwrap();
    assert_eq!(report.config.config.name, "CodeDeployDefault.OneAtATime");
    assert!(
        report.notes.iter().any(|n| n.contains("`MyTeamConfig`")),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_group_runs_with_the_custom_configuration_its_other_files_define() {
    let group = r#"{"applicationName": "app", "deploymentGroupName": "g",
        "serviceRoleArn": "arn:aws:iam::123456789012:role/CodeDeploy",
        "deploymentConfigName": "MyTeamConfig"}"#;
    let mine = r#"{"deploymentConfigName": "MyTeamConfig", "computePlatform": "Server",
        "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}}"#;
    let other = r#"{"deploymentConfigName": "Other", "computePlatform": "Server",
        "minimumHealthyHosts": {"type": "HOST_COUNT", "value": 1}}"#;
    let files = DeploymentFiles {
        group: Some(group.to_string()),
        configs: vec![other.to_string(), mine.to_string()],
        ..Default::default()
    };
    let report = simulate_deployment(&files, &Default::default()).unwrap();
    assert_eq!(report.config.config.name, "MyTeamConfig");
    assert!(report.notes.is_empty(), "{:?}", report.notes);

    // Without it among them: the default, and a note that says where to pass it.
    let files = DeploymentFiles {
        group: Some(group.to_string()),
        configs: vec![other.to_string()],
        ..Default::default()
    };
    let report = simulate_deployment(&files, &Default::default()).unwrap();
    assert_eq!(report.config.config.name, "CodeDeployDefault.OneAtATime");
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("`MyTeamConfig`") && n.contains("`configs`")),
        "{:?}",
        report.notes
    );

    // Given as `config`, it is the one the group names.
    let files = DeploymentFiles {
        group: Some(group.to_string()),
        config: Some(mine.to_string()),
        ..Default::default()
    };
    let report = simulate_deployment(&files, &Default::default()).unwrap();
    assert_eq!(report.config.config.name, "MyTeamConfig");
    assert!(report.notes.is_empty(), "{:?}", report.notes);

    // A configuration text with errors is refused, and says which one.
    let files = DeploymentFiles {
        group: Some(group.to_string()),
        configs: vec![
            r#"{"deploymentConfigName": "MyTeamConfig", "computePlatform": "Nope"}"#.to_string(),
        ],
        ..Default::default()
    };
    let err = simulate_deployment(&files, &Default::default()).unwrap_err();
    assert!(err.0.contains("configs[0]"), "{err}");
}
