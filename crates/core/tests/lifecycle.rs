//! The lifecycle timeline against the reference's ordering tables (codebuild-codedeploy.md B2.4
//! for EC2/on-premises, B3 for ECS, B4 for Lambda) and its rollback rules (C5), for every
//! deployment kind.

mod common;

use cicd_core::appspec::{
    self, AppSpec, Deployment, Fleet, Platform, RevisionSource, Scenario, Status, StepKind,
    Timeline,
};
use cicd_core::{Kind, Model, Options};

fn example(name: &str) -> String {
    std::fs::read_to_string(common::workspace().join("examples").join(name)).expect("example")
}

/// The AppSpec in `text`, as the analysis lowers it.
fn spec(text: &str) -> AppSpec {
    match cicd_core::analyze(Kind::Appspec, text, &Options::default()) {
        Ok(analysis) => match analysis.model {
            Model::Appspec(spec) => spec,
            other => panic!("an AppSpec analysis gave {other:?}"),
        },
        Err(e) => panic!("{e}"),
    }
}

fn run(text: &str, scenario: Scenario) -> Timeline {
    appspec::timeline(&spec(text), &scenario)
}

fn scenario(deployment: Deployment) -> Scenario {
    Scenario {
        deployment,
        ..Scenario::default()
    }
}

fn events(tl: &Timeline) -> Vec<&'static str> {
    tl.steps.iter().map(|s| s.event).collect()
}

fn step<'a>(tl: &'a Timeline, event: &str) -> &'a appspec::Step {
    tl.steps
        .iter()
        .find(|s| s.event == event)
        .unwrap_or_else(|| panic!("no {event} in {:?}", events(tl)))
}

const EC2_ALL_HOOKS: &str = "version: 0.0
os: linux
hooks:
  ApplicationStop:
    - location: stop.sh
  BeforeInstall:
    - location: before_install.sh
      timeout: 10
  AfterInstall:
    - location: after_install.sh
  ApplicationStart:
    - location: start.sh
      runas: app
  ValidateService:
    - location: validate.sh
      timeout: 90
  BeforeBlockTraffic:
    - location: before_block.sh
  AfterBlockTraffic:
    - location: after_block.sh
  BeforeAllowTraffic:
    - location: before_allow.sh
  AfterAllowTraffic:
    - location: after_allow.sh
";

#[test]
fn in_place_without_load_balancer_order() {
    let tl = run(EC2_ALL_HOOKS, scenario(Deployment::InPlace));
    assert_eq!(tl.platform, Platform::Ec2);
    assert_eq!(
        events(&tl),
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
    assert!(tl.steps.iter().all(|s| s.fleet == Fleet::Instances));
    // The traffic hooks of the file never run without a load balancer; the timeline says so.
    assert!(
        tl.notes
            .iter()
            .any(|n| n
                .contains("`BeforeAllowTraffic` runs only in deployments with a load balancer"))
    );
}

#[test]
fn in_place_with_load_balancer_order() {
    let tl = run(EC2_ALL_HOOKS, scenario(Deployment::InPlaceWithLoadBalancer));
    assert_eq!(
        events(&tl),
        [
            "Start",
            "BeforeBlockTraffic",
            "BlockTraffic",
            "AfterBlockTraffic",
            "ApplicationStop",
            "DownloadBundle",
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "ApplicationStart",
            "ValidateService",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic",
            "End"
        ]
    );
    assert!(tl.notes.is_empty(), "{:?}", tl.notes);
}

#[test]
fn blue_green_runs_replacement_then_original_instances() {
    let tl = run(EC2_ALL_HOOKS, scenario(Deployment::BlueGreen));
    let pairs: Vec<(&str, Fleet)> = tl.steps.iter().map(|s| (s.event, s.fleet)).collect();
    use Fleet::{OriginalInstances as O, ReplacementInstances as R};
    assert_eq!(
        pairs,
        [
            ("Start", R),
            ("ApplicationStop", R),
            ("DownloadBundle", R),
            ("BeforeInstall", R),
            ("Install", R),
            ("AfterInstall", R),
            ("ApplicationStart", R),
            ("ValidateService", R),
            ("BeforeAllowTraffic", R),
            ("AllowTraffic", R),
            ("AfterAllowTraffic", R),
            ("BeforeBlockTraffic", O),
            ("BlockTraffic", O),
            ("AfterBlockTraffic", O),
            ("End", O),
        ]
    );
    // New replacement instances have no previous revision for ApplicationStop to run.
    assert!(matches!(
        step(&tl, "ApplicationStop").status,
        Status::Skipped(_)
    ));
    assert_eq!(step(&tl, "BeforeBlockTraffic").status, Status::Runs);
}

#[test]
fn kinds_and_revisions_follow_the_reference_table() {
    let tl = run(EC2_ALL_HOOKS, scenario(Deployment::InPlaceWithLoadBalancer));
    for s in &tl.steps {
        let (kind, revision) = match s.event {
            "Start" => (StepKind::Start, RevisionSource::None),
            "End" => (StepKind::End, RevisionSource::None),
            "BlockTraffic" | "AllowTraffic" => (StepKind::Reserved, RevisionSource::None),
            "DownloadBundle" | "Install" => (StepKind::Reserved, RevisionSource::Target),
            "ApplicationStop" | "BeforeBlockTraffic" | "AfterBlockTraffic" => {
                (StepKind::Hook, RevisionSource::LastSuccessful)
            }
            _ => (StepKind::Hook, RevisionSource::Target),
        };
        assert_eq!((s.kind, s.revision), (kind, revision), "{}", s.event);
        // Scripts of this file are attached only where this file provides them.
        let own = s.revision == RevisionSource::Target && s.kind == StepKind::Hook;
        assert_eq!(!s.scripts.is_empty(), own, "{}", s.event);
    }
    let start = step(&tl, "ApplicationStart");
    assert_eq!(start.scripts.len(), 1);
    assert_eq!(start.scripts[0].location, "start.sh");
    assert_eq!(start.scripts[0].timeout, 3600);
    assert_eq!(start.scripts[0].runas.as_deref(), Some("app"));
    assert_eq!(step(&tl, "BeforeInstall").scripts[0].timeout, 10);
}

#[test]
fn first_deployment_skips_the_previous_revisions_scripts() {
    let tl = run(
        EC2_ALL_HOOKS,
        Scenario {
            deployment: Deployment::InPlaceWithLoadBalancer,
            first_deployment: true,
            ..Scenario::default()
        },
    );
    for event in ["ApplicationStop", "BeforeBlockTraffic", "AfterBlockTraffic"] {
        let s = step(&tl, event);
        assert!(
            matches!(&s.status, Status::Skipped(why) if why.contains("first deployment")),
            "{event}: {:?}",
            s.status
        );
        assert_eq!(s.duration, 0);
    }
    // CodeDeploy's own traffic work still happens.
    assert_eq!(step(&tl, "BlockTraffic").status, Status::Runs);
    assert_eq!(step(&tl, "BeforeInstall").status, Status::Runs);
}

#[test]
fn ecs_order_with_and_without_test_listener() {
    let text = example("appspec-ecs.yml");
    let expected = [
        "Start",
        "BeforeInstall",
        "Install",
        "AfterInstall",
        "AllowTestTraffic",
        "AfterAllowTestTraffic",
        "BeforeAllowTraffic",
        "AllowTraffic",
        "AfterAllowTraffic",
        "End",
    ];
    for listener in [false, true] {
        let tl = run(
            &text,
            Scenario {
                test_listener: listener,
                ..scenario(Deployment::BlueGreen)
            },
        );
        assert_eq!(tl.platform, Platform::Ecs);
        assert_eq!(tl.deployment, Deployment::BlueGreen);
        assert_eq!(events(&tl), expected);
        for s in &tl.steps {
            let kind = match s.event {
                "Start" => StepKind::Start,
                "End" => StepKind::End,
                "Install" | "AllowTestTraffic" | "AllowTraffic" => StepKind::Reserved,
                _ => StepKind::Hook,
            };
            assert_eq!(s.kind, kind, "{}", s.event);
            assert_eq!(s.fleet, Fleet::EcsService);
        }
        let tests = step(&tl, "AfterAllowTestTraffic");
        assert_eq!(tests.function.as_deref(), Some("LambdaFunctionToRunTests"));
        assert_eq!(tests.status == Status::Runs, listener);
    }
    let tl = run(&text, scenario(Deployment::InPlace));
    assert_eq!(tl.deployment, Deployment::BlueGreen);
    assert!(tl.notes.iter().any(|n| n.contains("always blue/green")));
}

const LAMBDA: &str = "version: 0.0
Resources:
  - orders:
      Type: AWS::Lambda::Function
      Properties:
        Name: orders
        Alias: live
        CurrentVersion: \"4\"
        TargetVersion: \"5\"
Hooks:
  - BeforeAllowTraffic: orders-pre
  - AfterAllowTraffic: orders-post
";

#[test]
fn lambda_order() {
    let tl = run(LAMBDA, Scenario::default());
    assert_eq!(tl.platform, Platform::Lambda);
    assert_eq!(
        events(&tl),
        [
            "Start",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic",
            "End"
        ]
    );
    assert_eq!(step(&tl, "AllowTraffic").kind, StepKind::Reserved);
    assert!(
        step(&tl, "AllowTraffic")
            .description
            .contains("version 4 to version 5")
    );
    assert_eq!(
        step(&tl, "AfterAllowTraffic").function.as_deref(),
        Some("orders-post")
    );
}

#[test]
fn in_place_failure_stops_and_rolls_back_with_the_last_good_revision() {
    let tl = run(
        EC2_ALL_HOOKS,
        Scenario {
            fail: Some("AfterInstall".into()),
            ..scenario(Deployment::InPlace)
        },
    );
    let failure = tl.failure.as_ref().expect("failure");
    assert_eq!(failure.event, "AfterInstall");
    assert!(failure.rollback_possible);
    let at = tl
        .steps
        .iter()
        .position(|s| s.event == "AfterInstall")
        .unwrap_or(0);
    for (i, s) in tl.steps.iter().enumerate() {
        let expected = match i.cmp(&at) {
            std::cmp::Ordering::Less => Status::Runs,
            std::cmp::Ordering::Equal => Status::Failed,
            std::cmp::Ordering::Greater => Status::NotReached,
        };
        assert_eq!(s.status, expected, "{}", s.event);
    }
    // A rollback is a new deployment of the last good revision: the same events again.
    let rollback: Vec<_> = tl.rollback.iter().map(|s| s.event).collect();
    assert_eq!(rollback, events(&tl));
    assert!(
        tl.rollback
            .iter()
            .filter(|s| s.kind == StepKind::Hook)
            .all(|s| s.revision == RevisionSource::LastSuccessful && s.scripts.is_empty())
    );
    assert_eq!(tl.rollback[0].start, failure.at);
}

#[test]
fn no_rollback_on_a_first_deployment() {
    let tl = run(
        EC2_ALL_HOOKS,
        Scenario {
            fail: Some("ValidateService".into()),
            first_deployment: true,
            ..scenario(Deployment::InPlace)
        },
    );
    let failure = tl.failure.as_ref().expect("failure");
    assert!(!failure.rollback_possible);
    assert!(tl.rollback.is_empty());
}

#[test]
fn failing_a_previous_revision_script_is_explained() {
    let tl = run(
        EC2_ALL_HOOKS,
        Scenario {
            fail: Some("ApplicationStop".into()),
            ..scenario(Deployment::InPlace)
        },
    );
    assert!(
        tl.notes
            .iter()
            .any(|n| n.contains("last successful revision")
                && n.contains("ignore-application-stop-failures"))
    );
}

#[test]
fn blue_green_rollback_swaps_traffic_back() {
    let tl = run(
        EC2_ALL_HOOKS,
        Scenario {
            fail: Some("AfterAllowTraffic".into()),
            ..scenario(Deployment::BlueGreen)
        },
    );
    let rollback: Vec<_> = tl
        .rollback
        .iter()
        .map(|s| (s.event, s.fleet, s.revision))
        .collect();
    use Fleet::{OriginalInstances as O, ReplacementInstances as R};
    use RevisionSource::{LastSuccessful as L, MostRecent as M, None as N};
    assert_eq!(
        rollback,
        [
            ("BeforeAllowTraffic", O, L),
            ("AllowTraffic", O, N),
            ("AfterAllowTraffic", O, L),
            ("BeforeBlockTraffic", R, M),
            ("BlockTraffic", R, N),
            ("AfterBlockTraffic", R, M),
        ]
    );
    // The most recent revision is this file: its traffic scripts are attached.
    let block = tl.rollback.iter().find(|s| s.event == "BeforeBlockTraffic");
    assert_eq!(block.map(|s| s.scripts.len()), Some(1), "{:?}", tl.rollback);
    assert!(tl.notes.iter().any(|n| n.contains("unconfirmed")));
}

#[test]
fn ecs_before_install_failure_cannot_roll_back() {
    let text = example("appspec-ecs.yml");
    let tl = run(
        &text,
        Scenario {
            fail: Some("BeforeInstall".into()),
            ..Scenario::default()
        },
    );
    let failure = tl.failure.as_ref().expect("failure");
    assert!(!failure.rollback_possible);
    assert!(tl.rollback.is_empty());
    let tl = run(
        &text,
        Scenario {
            fail: Some("AfterAllowTraffic".into()),
            ..Scenario::default()
        },
    );
    assert!(tl.failure.as_ref().is_some_and(|f| f.rollback_possible));
    assert_eq!(tl.rollback.len(), 1);
    assert_eq!(tl.rollback[0].kind, StepKind::Rollback);
    assert!(tl.rollback[0].description.contains("shifts back"));
}

#[test]
fn lambda_rollback_shifts_the_alias_back() {
    let before = run(
        LAMBDA,
        Scenario {
            fail: Some("BeforeAllowTraffic".into()),
            ..Scenario::default()
        },
    );
    assert!(before.rollback.is_empty());
    let after = run(
        LAMBDA,
        Scenario {
            fail: Some("AfterAllowTraffic".into()),
            ..Scenario::default()
        },
    );
    assert_eq!(after.rollback.len(), 1);
    assert!(after.rollback[0].description.contains("back to version 4"));
}

#[test]
fn skipped_pseudo_and_unknown_events_cannot_fail() {
    let text = example("appspec-ecs.yml");
    for event in ["AfterAllowTestTraffic", "Start", "ValidateService"] {
        let tl = run(
            &text,
            Scenario {
                fail: Some(event.into()),
                ..Scenario::default()
            },
        );
        assert!(tl.failure.is_none(), "{event}");
        assert!(
            tl.notes.iter().any(|n| n.contains(event)),
            "{event}: {:?}",
            tl.notes
        );
        assert!(tl.steps.iter().all(|s| s.status != Status::Failed));
    }
}

#[test]
fn nominal_times_are_contiguous_and_deterministic() {
    for deployment in Deployment::ALL {
        for first in [false, true] {
            let sc = Scenario {
                deployment,
                first_deployment: first,
                fail: Some("ApplicationStart".into()),
                ..Scenario::default()
            };
            let a = run(EC2_ALL_HOOKS, sc.clone());
            let b = run(EC2_ALL_HOOKS, sc);
            assert_eq!(a, b);
            let contiguous = |steps: &[appspec::Step], from: u32| {
                let mut t = from;
                for s in steps {
                    assert_eq!(s.start, t, "{}", s.event);
                    if matches!(s.status, Status::Skipped(_)) {
                        assert_eq!(s.duration, 0, "{}", s.event);
                    }
                    t = s.start + s.duration;
                }
                t
            };
            let end = contiguous(&a.steps, 0);
            let failure = a
                .failure
                .as_ref()
                .expect("ApplicationStart runs in every scenario");
            assert!(failure.at <= end);
            assert_eq!(contiguous(&a.rollback, failure.at), a.duration);
        }
    }
    // A hook lasts its scripts' nominal time, capped by their timeouts.
    let tl = run(EC2_ALL_HOOKS, scenario(Deployment::InPlace));
    assert_eq!(step(&tl, "BeforeInstall").duration, 10);
    assert_eq!(
        step(&tl, "ApplicationStart").duration,
        appspec::lifecycle::NOMINAL_SCRIPT_SECONDS
    );
}

#[test]
fn guide_examples_have_full_timelines() {
    let ec2 = run(&example("appspec-ec2.yml"), Scenario::default());
    assert_eq!(ec2.platform, Platform::Ec2);
    for event in [
        "BeforeInstall",
        "AfterInstall",
        "ApplicationStart",
        "ValidateService",
    ] {
        assert_eq!(step(&ec2, event).scripts.len(), 1, "{event}");
        assert_eq!(step(&ec2, event).scripts[0].timeout, 300);
    }
    let ecs = run(&example("appspec-ecs.yml"), Scenario::default());
    assert!(
        ecs.steps
            .iter()
            .filter(|s| s.kind == StepKind::Hook)
            .all(|s| s.function.is_some())
    );
}

#[test]
fn unknown_platform_falls_back_to_ec2_with_a_note() {
    let tl = run("version: 0.0\n", Scenario::default());
    assert_eq!(tl.platform, Platform::Ec2);
    assert!(
        tl.notes
            .iter()
            .any(|n| n.contains("does not say which platform"))
    );
}

#[test]
fn an_event_with_nothing_under_it_runs_nothing() {
    let tl = run(
        "version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n  AfterInstall: []\n",
        scenario(Deployment::InPlace),
    );
    for event in ["BeforeInstall", "AfterInstall"] {
        let s = step(&tl, event);
        assert_eq!(s.status, Status::Runs, "{event}");
        assert!(s.scripts.is_empty(), "{event}");
        assert!(
            s.description.contains("nothing runs"),
            "{event}: {}",
            s.description
        );
    }
}

#[test]
fn a_failing_block_traffic_script_is_explained_per_deployment_type() {
    let fail = |deployment| {
        run(
            EC2_ALL_HOOKS,
            Scenario {
                fail: Some("BeforeBlockTraffic".into()),
                ..scenario(deployment)
            },
        )
    };
    // In place, the rollback redeploys the last good revision: the same script runs again.
    let in_place = fail(Deployment::InPlaceWithLoadBalancer);
    assert!(
        in_place
            .notes
            .iter()
            .any(|n| n.contains("a rollback runs the same script again")),
        "{:?}",
        in_place.notes
    );
    // Blue/green: the original instances only get the AllowTraffic hooks back, and the
    // replacement instances run this file's BlockTraffic scripts (reference B2.4).
    let blue_green = fail(Deployment::BlueGreen);
    assert!(blue_green.failure.is_some());
    assert!(
        blue_green
            .notes
            .iter()
            .all(|n| !n.contains("runs the same script again")),
        "{:?}",
        blue_green.notes
    );
    assert!(
        blue_green
            .notes
            .iter()
            .any(|n| n.contains("does not run it again") && n.contains("replacement instances")),
        "{:?}",
        blue_green.notes
    );
}

#[test]
fn a_first_deployment_rollback_does_not_speak_of_the_next_deployment() {
    let tl = run(
        EC2_ALL_HOOKS,
        Scenario {
            fail: Some("ValidateService".into()),
            first_deployment: true,
            ..scenario(Deployment::BlueGreen)
        },
    );
    assert!(!tl.rollback.is_empty());
    for s in &tl.rollback {
        assert!(
            !s.description.contains("next deployment"),
            "{}: {}",
            s.event,
            s.description
        );
    }
    let allow = tl
        .rollback
        .iter()
        .find(|s| s.event == "BeforeAllowTraffic")
        .expect("BeforeAllowTraffic in the rollback");
    assert!(matches!(allow.status, Status::Skipped(_)));
}

#[test]
fn service_hook_names_are_read_ignoring_case() {
    let text = "version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: \"arn:aws:ecs:eu-west-1:111122223333:task-definition/shop:42\"
        LoadBalancerInfo:
          ContainerName: shop
          ContainerPort: 8080
Hooks:
  - beforeinstall: shop-before
  - AFTERALLOWTRAFFIC: shop-after
";
    let tl = run(text, Scenario::default());
    assert_eq!(
        step(&tl, "BeforeInstall").function.as_deref(),
        Some("shop-before")
    );
    assert_eq!(
        step(&tl, "AfterAllowTraffic").function.as_deref(),
        Some("shop-after")
    );
    assert!(
        tl.notes.iter().all(|n| !n.contains("never runs")),
        "{:?}",
        tl.notes
    );
    // Only hooks tell the platform here: `afterinstall` exists on ECS only.
    let hooks_only = spec("version: 0.0\nHooks:\n  - afterinstall: f\n");
    assert_eq!(hooks_only.platform, Platform::Ecs);
    // EC2/on-premises names stay case-sensitive, as in the agent.
    let ec2 = run(
        "version: 0.0\nos: linux\nhooks:\n  beforeinstall:\n    - location: a.sh\n",
        Scenario::default(),
    );
    assert!(step(&ec2, "BeforeInstall").scripts.is_empty());
}

#[test]
fn a_lambda_before_allow_traffic_failure_is_not_presented_as_certain() {
    let tl = run(
        LAMBDA,
        Scenario {
            fail: Some("BeforeAllowTraffic".into()),
            ..Scenario::default()
        },
    );
    let failure = tl.failure.as_ref().expect("failure");
    assert!(!failure.rollback_possible);
    assert!(
        failure.message.contains("not confirmed"),
        "{}",
        failure.message
    );
    assert!(
        tl.notes.iter().any(|n| n.contains("not confirmed")),
        "{:?}",
        tl.notes
    );
}

#[test]
fn events_that_run_nothing_cannot_fail() {
    let ec2 = "version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n";
    let tl = run(
        ec2,
        Scenario {
            fail: Some("BeforeInstall".into()),
            ..Scenario::default()
        },
    );
    assert!(tl.failure.is_none());
    assert!(
        tl.notes
            .iter()
            .any(|n| n.contains("`BeforeInstall`") && n.contains("no scripts")),
        "{:?}",
        tl.notes
    );
    // CodeDeploy's own events and events with scripts still fail.
    for event in ["Install", "AfterInstall"] {
        let tl = run(
            ec2,
            Scenario {
                fail: Some(event.into()),
                ..Scenario::default()
            },
        );
        assert!(tl.failure.is_some(), "{event}");
    }
    // ECS: no test listener, no test traffic to fail.
    let ecs = example("appspec-ecs.yml");
    for listener in [false, true] {
        let tl = run(
            &ecs,
            Scenario {
                fail: Some("AllowTestTraffic".into()),
                test_listener: listener,
                ..Scenario::default()
            },
        );
        assert_eq!(tl.failure.is_some(), listener, "{:?}", tl.notes);
        if !listener {
            assert!(tl.notes.iter().any(|n| n.contains("`AllowTestTraffic`")));
        }
    }
    // Lambda: no hook function for the event.
    let lambda = LAMBDA.replace("  - AfterAllowTraffic: orders-post\n", "");
    let tl = run(
        &lambda,
        Scenario {
            fail: Some("AfterAllowTraffic".into()),
            ..Scenario::default()
        },
    );
    assert!(tl.failure.is_none());
    assert!(tl.notes.iter().any(|n| n.contains("no hook function")));
}
