//! The engine answers like the playground expects: one analysis per edit, panels derived from
//! that analysis, late answers identifiable by version.

use cicd_core::trust_policy::evaluate::Decision;
use cicd_engine::{
    AssumeForm, AssumeMode, CheckStatus, Engine, FileInput, FileReport, Panel, PanelInputs,
    Request, TrustView,
};

const GUIDE_POLICY: &str = include_str!("../../../examples/trust-policy-github-oidc.json");
const GUIDE_APPSPEC: &str = include_str!("../../../examples/appspec-ec2.yml");

fn input(id: u32, version: u64, name: &str, text: &str) -> FileInput {
    FileInput {
        id,
        version,
        name: name.to_string(),
        text: text.to_string(),
        kind: "auto".to_string(),
        image: None,
        scenario: String::new(),
        related: Vec::new(),
    }
}

fn analyze(engine: &mut Engine, input: FileInput) -> FileReport {
    engine
        .handle(Request::Analyze(input))
        .expect("an analyze request is answered")
}

fn trust(report: &FileReport) -> &TrustView {
    match &report.panel {
        Panel::Trust(view) => view,
        other => panic!("not a trust panel: {other:?}"),
    }
}

#[test]
fn each_edit_is_analysed_once_and_panels_reuse_the_analysis() {
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust-policy.json", GUIDE_POLICY));
    assert_eq!(engine.analyses(), 1);
    assert_eq!(r.status, CheckStatus::Checked(cicd_core::Kind::TrustPolicy));
    // Three edits: three analyses.
    for v in 2..=4 {
        let text = GUIDE_POLICY.replace("myrepo", &format!("myrepo{v}"));
        analyze(&mut engine, input(1, v, "trust-policy.json", &text));
    }
    assert_eq!(engine.analyses(), 4);
    // The form changes: the panel is recomputed from the kept analysis.
    let form = AssumeForm {
        repo: "someone/else".into(),
        ..trust(&r).form.clone()
    };
    let answer = engine
        .handle(Request::Panel {
            id: 1,
            version: 4,
            scenario: PanelInputs {
                assume: Some(form.clone()),
                ..PanelInputs::default()
            }
            .to_json(),
        })
        .expect("answered");
    assert_eq!(engine.analyses(), 4, "a panel change analyses nothing");
    assert_eq!(trust(&answer).form, form);
    assert_eq!(
        trust(&answer).report.as_ref().map(|r| r.detail.decision()),
        Some(Decision::ImplicitDeny)
    );
    // The same text sent again (a rename back, a re-sent request): no new analysis.
    analyze(&mut engine, {
        let text = GUIDE_POLICY.replace("myrepo", "myrepo4");
        input(1, 5, "trust-policy.json", &text)
    });
    assert_eq!(engine.analyses(), 4);
    // A panel request for a version the engine has not seen waits for its analysis.
    assert!(
        engine
            .handle(Request::Panel {
                id: 1,
                version: 9,
                scenario: String::new()
            })
            .is_none()
    );
}

#[test]
fn guide_policy_allows_its_repository_and_denies_another() {
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust.json", GUIDE_POLICY));
    let view = trust(&r);
    assert_eq!(view.form.repo, "myorg/myrepo");
    let report = view.report.as_ref().expect("an answer");
    assert_eq!(report.detail.decision(), Decision::Allow);
    assert_eq!(
        report.github.as_ref().map(|g| g.sub.as_str()),
        Some("repo:myorg/myrepo:ref:refs/heads/main")
    );
    assert!(report.statements[0].applies());
    assert_eq!(report.deciding_statement, Some(1));
    assert_eq!(r.highlights.len(), 1);
    assert_eq!(r.highlights[0].class, "allow");
    let evil = AssumeForm {
        repo: "myorg/myrepo-evil".into(),
        ..view.form.clone()
    };
    let r = engine
        .handle(Request::Panel {
            id: 1,
            version: 1,
            scenario: PanelInputs {
                assume: Some(evil),
                ..PanelInputs::default()
            }
            .to_json(),
        })
        .expect("answered");
    let view = trust(&r);
    let report = view.report.as_ref().expect("an answer");
    assert_eq!(report.detail.decision(), Decision::ImplicitDeny);
    let failed = report.statements[0]
        .condition
        .clone()
        .expect("a failed condition");
    assert_eq!(failed.operator, "StringLike");
    assert!(failed.key.ends_with(":sub"));
    assert_eq!(failed.expected, vec!["repo:myorg/myrepo:*".to_string()]);
    assert_eq!(
        failed.actual,
        Some(vec![
            "repo:myorg/myrepo-evil:ref:refs/heads/main".to_string()
        ])
    );
    assert_eq!(r.highlights[0].class, "fail");
    // The highlight is the failing condition, in UTF-16 offsets.
    let h = &r.highlights[0];
    let text: Vec<u16> = GUIDE_POLICY.encode_utf16().collect();
    let marked = String::from_utf16_lossy(&text[h.from16 as usize..h.to16 as usize]);
    assert!(
        marked.contains("token.actions.githubusercontent.com:sub"),
        "{marked}"
    );
}

#[test]
fn wildcard_examples_come_with_a_form_that_tries_them() {
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust.json", GUIDE_POLICY));
    let w = &trust(&r).wildcards[0];
    assert_eq!(w.pattern, "repo:myorg/myrepo:*");
    let example = w.admitted.first().expect("an admitted caller").clone();
    let r = engine
        .handle(Request::Panel {
            id: 1,
            version: 1,
            scenario: PanelInputs {
                assume: Some(example.try_form),
                ..PanelInputs::default()
            }
            .to_json(),
        })
        .expect("answered");
    let report = trust(&r).report.clone().expect("an answer");
    assert_eq!(
        report.github.map(|g| g.sub),
        Some(example.value),
        "the form presents the admitted sub"
    );
    assert_eq!(report.detail.decision(), Decision::Allow);
    // The admitted example is a pull request run: allowed, and the answer says through what.
    assert_eq!(w.opening, "wildcard");
    assert_eq!(
        report
            .caveats
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        ["IAM034"]
    );
}

#[test]
fn the_panel_starts_on_the_caller_the_policy_trusts() {
    // The new-file template: a CodeBuild service role starts on the service, allowed.
    let codebuild = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust-policy.json", codebuild));
    let view = trust(&r);
    assert_eq!(view.form.mode, AssumeMode::Principal);
    assert_eq!(view.form.principal, "service:codebuild.amazonaws.com");
    let report = view.report.as_ref().expect("an answer");
    assert_eq!(report.detail.decision(), Decision::Allow);
    assert!(report.caveats.is_empty());
    // The vanished `sub`: the repository the dropped check names, allowed without caveat; who
    // gets in lists the callers the dropped check would have stopped.
    let dropped =
        include_str!("../../../examples/broken/trust-policy-duplicate-condition-block.json");
    let r = analyze(&mut engine, input(2, 1, "trust-policy.json", dropped));
    let view = trust(&r);
    assert_eq!(view.form.mode, AssumeMode::Github);
    assert_eq!(view.form.repo, "myorg/myrepo");
    let report = view.report.as_ref().expect("an answer");
    assert_eq!(report.detail.decision(), Decision::Allow);
    assert!(report.caveats.is_empty(), "{:?}", report.caveats);
    let lost = view
        .wildcards
        .iter()
        .find(|w| w.opening == "dropped-condition")
        .expect("the dropped condition");
    let stranger = lost
        .admitted
        .iter()
        .find(|a| a.value.starts_with("repo:attacker/"))
        .expect("a stranger")
        .clone();
    let r = engine
        .handle(Request::Panel {
            id: 2,
            version: 1,
            scenario: PanelInputs {
                assume: Some(stranger.try_form),
                ..PanelInputs::default()
            }
            .to_json(),
        })
        .expect("answered");
    let report = trust(&r).report.clone().expect("an answer");
    assert_eq!(report.detail.decision(), Decision::Allow);
    assert_eq!(report.caveats[0].code, "IAM021");
}

#[test]
fn raw_principal_mode_and_form_errors() {
    let mut engine = Engine::new();
    analyze(&mut engine, input(1, 1, "trust.json", GUIDE_POLICY));
    let mut ask = |form: AssumeForm| {
        let r = engine
            .handle(Request::Panel {
                id: 1,
                version: 1,
                scenario: PanelInputs {
                    assume: Some(form),
                    ..PanelInputs::default()
                }
                .to_json(),
            })
            .expect("answered");
        trust(&r).clone()
    };
    let form = AssumeForm {
        mode: AssumeMode::Principal,
        principal: "service:codebuild.amazonaws.com".into(),
        ..AssumeForm::default()
    };
    let view = ask(form.clone());
    let report = view.report.expect("an answer");
    assert_eq!(report.action, "sts:AssumeRole");
    assert_eq!(report.detail.decision(), Decision::ImplicitDeny);
    assert!(
        ask(AssumeForm {
            principal: "robot:x".into(),
            ..form.clone()
        })
        .form_error
        .is_some()
    );
    // A context line that is not KEY=VALUE is reported, as `cicd assume --context` does.
    let bad_context = ask(AssumeForm {
        context: "aws:SourceAccount=1\nnot a pair".into(),
        ..form
    });
    assert_eq!(
        bad_context.form_error.as_deref(),
        Some("request context: `not a pair` is not KEY=VALUE")
    );
    assert!(
        ask(AssumeForm {
            repo: "no-slash".into(),
            ..AssumeForm::default()
        })
        .form_error
        .is_some()
    );
}

#[test]
fn an_unreadable_policy_says_so() {
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust.json", "{ nope"));
    assert!(!trust(&r).readable);
    assert!(trust(&r).report.is_none());
}

#[test]
fn appspec_panel_fails_a_hook_and_highlights_it() {
    let mut engine = Engine::new();
    let mut file = input(2, 1, "appspec.yml", GUIDE_APPSPEC);
    file.scenario = r#"{"l":{"fail":"AfterInstall"}}"#.into();
    let r = analyze(&mut engine, file);
    let Panel::Lifecycle(view) = &r.panel else {
        panic!("not a lifecycle panel")
    };
    let failure = view.report.failure.as_ref().expect("a failure");
    assert_eq!(failure.event, "AfterInstall");
    assert_eq!(r.highlights.len(), 1);
    let h = &r.highlights[0];
    let text: Vec<u16> = GUIDE_APPSPEC.encode_utf16().collect();
    assert_eq!(
        String::from_utf16_lossy(&text[h.from16 as usize..h.to16 as usize]),
        "AfterInstall"
    );
}

#[test]
fn plain_text_and_every_kind_checked() {
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "notes.txt", "hello"));
    assert_eq!(r.status, CheckStatus::PlainText);
    let r = analyze(
        &mut engine,
        input(2, 1, ".github/workflows/deploy.yml", "on: push\njobs: {}\n"),
    );
    // Every kind of the table has its validator now.
    assert_eq!(r.status, CheckStatus::Checked(cicd_core::Kind::Workflow));
    assert_eq!(engine.analyses(), 1);
}

#[test]
fn panel_settings_are_read_part_by_part_and_round_trip() {
    let form = AssumeForm {
        repo: "a/b".into(),
        event: "pull_request".into(),
        ..AssumeForm::default()
    };
    let inputs = PanelInputs {
        scenario: cicd_core::appspec::Scenario {
            fail: Some("AfterInstall".into()),
            ..cicd_core::appspec::Scenario::default()
        },
        assume: Some(form.clone()),
        ..PanelInputs::default()
    };
    let json = inputs.to_json();
    assert_eq!(PanelInputs::parse(&json), inputs);
    assert_eq!(PanelInputs::default().to_json(), "");
    // One unreadable part loses only itself; junk is the defaults.
    let partial = PanelInputs::parse(
        r#"{"l":{"deployment":42},"a":{"repo":"a/b","event":"pull_request"},"z":1}"#,
    );
    assert_eq!(partial.scenario, cicd_core::appspec::Scenario::default());
    assert_eq!(partial.assume, Some(form));
    assert_eq!(PanelInputs::parse("[1"), PanelInputs::default());
    assert_eq!(PanelInputs::parse(""), PanelInputs::default());

    // The engine reads the file's settings, and says when it suggested the form itself.
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust.json", GUIDE_POLICY));
    assert!(r.suggested);
    assert_eq!(
        r.inputs.assume.as_ref().map(|f| f.repo.as_str()),
        Some("myorg/myrepo")
    );
    let r = analyze(
        &mut engine,
        FileInput {
            scenario: json.clone(),
            ..input(1, 2, "trust.json", GUIDE_POLICY)
        },
    );
    assert!(!r.suggested);
    assert_eq!(r.scenario, json);
    assert_eq!(trust(&r).form.event, "pull_request");
}

#[test]
fn a_serialized_reply_reads_back() {
    let mut engine = Engine::new();
    let r = analyze(&mut engine, input(1, 1, "trust.json", GUIDE_POLICY));
    let reply = cicd_engine::Reply::Report(Box::new(r));
    let json = serde_json::to_string(&reply).expect("serializes");
    let back: cicd_engine::Reply = serde_json::from_str(&json).expect("reads back");
    assert_eq!(serde_json::to_string(&back).expect("serializes"), json);
}

#[test]
fn a_deployment_runs_with_a_configuration_chosen_in_the_panel() {
    let group = include_str!("../../../examples/deployment-group-ecs.json");
    let mut engine = Engine::new();
    let report = analyze(&mut engine, input(1, 1, "deployment-group-ecs.json", group));
    let Panel::Deployment(own) = &report.panel else {
        panic!("a deployment panel: {:?}", report.panel)
    };
    assert_eq!(own.chosen, None);
    assert_eq!(own.report.config.config.name, own.own_config);
    // All at once instead of the group's canary, with an error rate: the whole traffic gets it.
    let inputs = PanelInputs {
        config: Some("CodeDeployDefault.ECSAllAtOnce".into()),
        deployment: cicd_core::deployment::Scenario {
            faults: vec![cicd_core::deployment::simulate::Fault::ErrorRate {
                percent: 20.0,
                at: 0,
            }],
            ..Default::default()
        },
        ..PanelInputs::default()
    };
    let json = inputs.to_json();
    assert!(
        json.contains(r#""dn":"CodeDeployDefault.ECSAllAtOnce""#),
        "{json}"
    );
    assert_eq!(
        PanelInputs::parse(&json),
        inputs,
        "the choice travels with the file"
    );
    let chosen = engine
        .handle(Request::Panel {
            id: 1,
            version: 1,
            scenario: json,
        })
        .expect("answered");
    let Panel::Deployment(view) = &chosen.panel else {
        panic!("a deployment panel")
    };
    assert_eq!(
        view.chosen.as_deref(),
        Some("CodeDeployDefault.ECSAllAtOnce")
    );
    assert_eq!(
        view.report.config.config.name,
        "CodeDeployDefault.ECSAllAtOnce"
    );
    assert_eq!(
        view.own_config, own.own_config,
        "the file's own is still named"
    );
    assert_eq!(view.report.blast_radius.max_green_percent, 100.0);
    // The group's own configuration under the same fault exposes less of the traffic.
    let same_fault = PanelInputs {
        config: None,
        ..inputs
    };
    let canary = engine
        .handle(Request::Panel {
            id: 1,
            version: 1,
            scenario: same_fault.to_json(),
        })
        .expect("answered");
    let Panel::Deployment(canary) = &canary.panel else {
        panic!("a deployment panel")
    };
    assert!(own.own_config.contains("Canary"), "{}", own.own_config);
    assert!(canary.report.blast_radius.max_green_percent < 100.0);
}

/// Typing in a command, key by key, into an engine that keeps the file: each report is the one a
/// fresh engine gives for that text (the engine reuses the previous version's document for edits
/// inside one line's plain scalar, and must not change any answer by doing so).
#[test]
fn typing_gives_the_reports_of_fresh_analyses() {
    const BUILDSPEC: &str = include_str!("../../../examples/buildspec.yml");
    const WORKFLOW: &str = include_str!("../../../examples/deploy-workflow-oidc.yml");
    for (name, base) in [
        ("buildspec.yml", BUILDSPEC),
        (".github/workflows/deploy.yml", WORKFLOW),
    ] {
        let mut engine = Engine::new();
        let at = base
            .find("run:")
            .or_else(|| base.find("- "))
            .expect("a value")
            + 4;
        let at = base[at..].find('\n').map_or(base.len(), |i| at + i);
        let mut text = base.to_string();
        analyze(&mut engine, input(1, 1, name, &text));
        // Typing, with a space and a colon (a key once a space follows it), then deleting.
        let mut edits: Vec<String> = Vec::new();
        for (n, c) in " --x: ${{ secrets.TOKEN }} $HOME".chars().enumerate() {
            text.insert(at + n, c);
            edits.push(text.clone());
        }
        while text.len() > base.len() {
            text.remove(at + (text.len() - base.len()) / 2);
            edits.push(text.clone());
        }
        for (v, text) in edits.iter().enumerate() {
            let version = v as u64 + 2;
            let kept = analyze(&mut engine, input(1, version, name, text));
            let fresh = analyze(&mut Engine::new(), input(1, version, name, text));
            assert_eq!(kept, fresh, "{name} after {text:?}");
        }
    }
}

/// A workflow's edit is quick with its related trust policy known as sent, and not with the
/// policy's next version (which the engine must read).
#[test]
fn quick_needs_the_related_files_as_sent() {
    const WORKFLOW: &str = include_str!("../../../examples/deploy-workflow-oidc.yml");
    let name = ".github/workflows/deploy.yml";
    let policy = |text: &str, version| cicd_engine::RelatedFile {
        id: 2,
        version,
        name: "trust-policy.json".into(),
        text: text.into(),
        kind: "auto".into(),
    };
    let with = |text: &str, version, related| FileInput {
        related: vec![related],
        ..input(1, version, name, text)
    };
    let mut engine = Engine::new();
    analyze(&mut engine, with(WORKFLOW, 1, policy(GUIDE_POLICY, 1)));
    let at = WORKFLOW.find("GitHubActionsRole").expect("a role") + "GitHubActionsRole".len();
    let typed = format!("{}2{}", &WORKFLOW[..at], &WORKFLOW[at..]);
    assert!(engine.quick(&with(&typed, 2, policy(GUIDE_POLICY, 1))));
    let other = GUIDE_POLICY.replace("2012-10-17", "2008-10-17");
    assert!(!engine.quick(&with(&typed, 2, policy(&other, 2))));
}

/// `quick` says yes only to an edit the engine answers without reading a whole text: inside a
/// plain scalar of the version it holds, with the same name, kind and image, and with every
/// related file known as it is sent. What it then answers is a fresh engine's answer.
#[test]
fn quick_answers_only_edits_inside_a_value_of_the_version_it_holds() {
    const BUILDSPEC: &str = include_str!("../../../examples/buildspec.yml");
    let at = BUILDSPEC.find("- ").expect("a command") + 2;
    let at = at + BUILDSPEC[at..].find('\n').expect("a line end");
    let edited = |insert: &str| format!("{}{insert}{}", &BUILDSPEC[..at], &BUILDSPEC[at..]);
    let mut engine = Engine::new();
    let typed = input(1, 2, "buildspec.yml", &edited(" --verbose"));
    assert!(!engine.quick(&typed), "a file the engine does not know");
    analyze(&mut engine, input(1, 1, "buildspec.yml", BUILDSPEC));
    assert!(
        engine.quick(&input(1, 2, "buildspec.yml", BUILDSPEC)),
        "the same text"
    );
    assert!(engine.quick(&typed), "typing at the end of a command");
    for (why, other) in [
        (
            "a new line",
            input(1, 2, "buildspec.yml", &edited("\n      - make")),
        ),
        ("a comment", input(1, 2, "buildspec.yml", &edited(" # why"))),
        (
            "another name",
            input(1, 2, "other.yml", &edited(" --verbose")),
        ),
        (
            "another file",
            input(2, 2, "buildspec.yml", &edited(" --verbose")),
        ),
        (
            "another kind choice",
            FileInput {
                kind: "text".into(),
                ..typed.clone()
            },
        ),
        (
            "another image",
            FileInput {
                image: Some("aws/codebuild/standard:7.0".into()),
                ..typed.clone()
            },
        ),
        (
            "a related file it does not know",
            FileInput {
                related: vec![cicd_engine::RelatedFile {
                    id: 3,
                    version: 1,
                    name: "role.json".into(),
                    text: GUIDE_POLICY.into(),
                    kind: "auto".into(),
                }],
                ..typed.clone()
            },
        ),
    ] {
        assert!(!engine.quick(&other), "{why}");
    }
    let kept = analyze(&mut engine, typed.clone());
    assert_eq!(kept, analyze(&mut Engine::new(), typed.clone()));
    // The next key builds on that version.
    let next = input(1, 3, "buildspec.yml", &edited(" --verbose=2"));
    assert!(engine.quick(&next));
    assert_eq!(
        analyze(&mut engine, next.clone()),
        analyze(&mut Engine::new(), next)
    );
}
