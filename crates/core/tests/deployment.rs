//! The deployment simulator against the reference: every predefined configuration's traffic
//! steps, the minimum-healthy-hosts worked examples, alarms, rollback (and no rollback) on each
//! trigger, blue/green waits, the guide's rollback group, determinism, and a property test over
//! random scenarios (the split stays within 0–100 and only moves forward until a rollback, no more
//! instances are offline than minimum healthy hosts allows, nothing panics).

mod common;

use cicd_core::appspec::Platform;
use cicd_core::deployment::group::{ReadyAction, RollbackEvent, StyleType, TerminationAction};
use cicd_core::deployment::simulate::{
    AlarmDefinition, AlarmState, DeploymentType, Fault, Outcome, Revision, StopCause, TargetKind,
    TargetState,
};
use cicd_core::deployment::{Config, Group, PREDEFINED, Scenario, simulate};
use cicd_core::{Kind, Model, Options};

fn predefined(name: &str) -> Config {
    Config::predefined(name).unwrap_or_else(|| panic!("{name} is predefined"))
}

fn quiet() -> Scenario {
    Scenario {
        duration_jitter_percent: 0,
        ..Scenario::default()
    }
}

fn rollback_group(events: &[RollbackEvent]) -> Group {
    Group {
        alarms_enabled: true,
        alarms: vec!["HighErrorRate".to_string()],
        rollback_enabled: true,
        rollback_events: events.to_vec(),
        ..Group::default()
    }
}

/// The traffic steps of a clean run, as (seconds from the first shift, percent).
fn steps(name: &str) -> Vec<(u32, f64)> {
    let r = simulate(&predefined(name), &Group::default(), None, &quiet());
    assert_eq!(r.outcome, Outcome::Succeeded, "{name}");
    let first = r.traffic.first().map_or(0, |s| s.t);
    r.traffic
        .iter()
        .map(|s| (s.t - first, s.green_percent))
        .collect()
}

#[test]
fn canaries_shift_ten_percent_then_the_rest_after_the_interval() {
    for (name, minutes) in [
        ("CodeDeployDefault.ECSCanary10Percent5Minutes", 5),
        ("CodeDeployDefault.ECSCanary10Percent15Minutes", 15),
        ("CodeDeployDefault.LambdaCanary10Percent5Minutes", 5),
        ("CodeDeployDefault.LambdaCanary10Percent10Minutes", 10),
        ("CodeDeployDefault.LambdaCanary10Percent15Minutes", 15),
        ("CodeDeployDefault.LambdaCanary10Percent30Minutes", 30),
    ] {
        assert_eq!(
            steps(name),
            vec![(0, 10.0), (minutes * 60, 100.0)],
            "{name}"
        );
    }
}

#[test]
fn linear_configurations_step_ten_percent_each_interval() {
    for (name, minutes) in [
        ("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", 1),
        ("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", 3),
        ("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", 1),
        ("CodeDeployDefault.LambdaLinear10PercentEvery2Minutes", 2),
        ("CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", 3),
        ("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes", 10),
    ] {
        let expected: Vec<(u32, f64)> = (0..10)
            .map(|j| (j * minutes * 60, f64::from((j + 1) * 10)))
            .collect();
        assert_eq!(steps(name), expected, "{name}");
    }
}

#[test]
fn all_at_once_moves_everything_in_one_step() {
    for name in [
        "CodeDeployDefault.ECSAllAtOnce",
        "CodeDeployDefault.LambdaAllAtOnce",
    ] {
        assert_eq!(steps(name), vec![(0, 100.0)], "{name}");
    }
}

#[test]
fn every_predefined_configuration_runs_cleanly() {
    for p in PREDEFINED {
        let r = simulate(&p.config(), &Group::default(), None, &Scenario::default());
        assert_eq!(r.outcome, Outcome::Succeeded, "{}", p.name);
        assert_eq!(r.platform, p.platform);
        assert_eq!(
            r.timeline.last().map(|x| x.green_percent),
            Some(100.0),
            "{}",
            p.name
        );
        assert!(r.events.windows(2).all(|w| w[0].t <= w[1].t));
    }
}

fn in_place(name: &str, n: u32, fail: &[u32]) -> cicd_core::deployment::DeploymentReport {
    let scenario = Scenario {
        instances: n,
        faults: fail
            .iter()
            .map(|i| Fault::FailHook {
                event: "AfterInstall".to_string(),
                instance: Some(*i),
            })
            .collect(),
        ..quiet()
    };
    simulate(&predefined(name), &Group::default(), None, &scenario)
}

fn custom(m: cicd_core::deployment::MinimumHealthyHosts) -> Config {
    Config {
        name: "custom".to_string(),
        platform: Platform::Ec2,
        predefined: false,
        minimum_healthy_hosts: Some(m),
        traffic_routing: None,
        zonal: None,
    }
}

fn max_offline(r: &cicd_core::deployment::DeploymentReport) -> u32 {
    r.timeline
        .iter()
        .filter_map(|p| p.offline)
        .max()
        .unwrap_or(0)
}

#[test]
fn the_worked_examples_of_minimum_healthy_hosts() {
    use cicd_core::deployment::MinimumHealthyHosts::{FleetPercent, HostCount};
    let run = |m, n, s: Scenario| {
        simulate(
            &custom(m),
            &Group::default(),
            None,
            &Scenario { instances: n, ..s },
        )
    };
    // N = 9, HOST_COUNT 6: three at a time, success at six or more.
    let r = run(HostCount(6), 9, quiet());
    assert_eq!(
        (r.outcome, max_offline(&r), r.config.concurrency),
        (Outcome::Succeeded, 3, Some(3))
    );
    // N = 9, FLEET_PERCENT 40: minimum 4, five at a time.
    let r = run(FleetPercent(40), 9, quiet());
    assert_eq!(
        (r.outcome, max_offline(&r), r.config.minimum_healthy),
        (Outcome::Succeeded, 5, Some(4))
    );
    // N = 10 at 95 %: the minimum is all ten, so it fails at once without touching an instance.
    let r = run(FleetPercent(95), 10, quiet());
    assert_eq!(r.outcome, Outcome::Failed);
    assert_eq!(
        r.stopped.as_ref().map(|s| (s.t, s.cause)),
        Some((0, StopCause::Failure))
    );
    assert!(
        r.targets
            .iter()
            .all(|t| t.changes.iter().all(|c| c.state != TargetState::InProgress))
    );
    // HalfAtATime on 9: batches of 4, success at 5.
    let r = in_place("CodeDeployDefault.HalfAtATime", 9, &[]);
    assert_eq!((max_offline(&r), r.config.minimum_healthy), (4, Some(5)));
}

#[test]
fn the_last_instance_exception() {
    // OneAtATime: a failure on any instance but the last fails the deployment…
    let r = in_place("CodeDeployDefault.OneAtATime", 10, &[4]);
    assert_eq!(r.outcome, Outcome::Failed);
    let skipped = r
        .targets
        .iter()
        .filter(|t| {
            t.changes
                .last()
                .is_some_and(|c| c.state == TargetState::Skipped)
        })
        .count();
    assert_eq!(skipped, 6);
    // …a failure on the last one still succeeds.
    let r = in_place("CodeDeployDefault.OneAtATime", 10, &[10]);
    assert_eq!(r.outcome, Outcome::Succeeded);
    // With one instance it must succeed.
    let r = in_place("CodeDeployDefault.OneAtATime", 1, &[1]);
    assert_eq!(r.outcome, Outcome::Failed);
    // AllAtOnce succeeds when one instance does.
    let r = in_place("CodeDeployDefault.AllAtOnce", 4, &[1, 2, 3]);
    assert_eq!(r.outcome, Outcome::Succeeded);
    let r = in_place("CodeDeployDefault.AllAtOnce", 4, &[1, 2, 3, 4]);
    assert_eq!(r.outcome, Outcome::Failed);
}

#[test]
fn a_failed_in_place_deployment_rolls_back_with_deployment_failure() {
    let scenario = Scenario {
        instances: 5,
        faults: vec![Fault::FailHook {
            event: "ValidateService".to_string(),
            instance: Some(2),
        }],
        ..quiet()
    };
    let config = predefined("CodeDeployDefault.OneAtATime");
    let r = simulate(
        &config,
        &rollback_group(&[RollbackEvent::DeploymentFailure]),
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::RolledBack);
    let rb = r.rollback.as_ref().expect("rollback");
    assert_eq!(
        (rb.outcome, rb.trigger),
        (Outcome::Succeeded, RollbackEvent::DeploymentFailure)
    );
    // Every instance runs the old revision again, in service.
    for t in &r.targets {
        let last = t.changes.last().expect("changes");
        assert_eq!(
            (last.state, last.revision, last.serving),
            (TargetState::Succeeded, Revision::Old, true),
            "instance {}",
            t.number
        );
    }
    assert_eq!(r.timeline.last().map(|p| p.green_percent), Some(0.0));
    // Without the event, it stays where it failed.
    let r = simulate(
        &config,
        &rollback_group(&[RollbackEvent::DeploymentStopOnAlarm]),
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::Failed);
    assert!(r.rollback.is_none());
    assert!(
        r.notes.iter().any(|n| n.contains("stays where it stopped")),
        "{:?}",
        r.notes
    );
}

fn canary_with_errors(group: &Group) -> cicd_core::deployment::DeploymentReport {
    let scenario = Scenario {
        faults: vec![Fault::ErrorRate {
            percent: 25.0,
            at: 0,
        }],
        ..quiet()
    };
    simulate(
        &predefined("CodeDeployDefault.LambdaCanary10Percent5Minutes"),
        group,
        None,
        &scenario,
    )
}

#[test]
fn an_alarm_stops_the_canary_and_rolls_it_back() {
    let r = canary_with_errors(&rollback_group(&[RollbackEvent::DeploymentStopOnAlarm]));
    assert_eq!(r.outcome, Outcome::RolledBack);
    let stop = r.stopped.as_ref().expect("stopped");
    assert_eq!(
        (stop.cause, stop.alarm.as_deref()),
        (StopCause::Alarm, Some("HighErrorRate"))
    );
    // The canary shifted 10 % at 15 s (after BeforeAllowTraffic); the first bad period ends at 60.
    assert_eq!(stop.t, 60);
    assert!(
        r.timeline
            .iter()
            .any(|p| p.t == 60 && p.alarm == AlarmState::Alarm)
    );
    assert_eq!(r.timeline.last().map(|p| p.green_percent), Some(0.0));
    assert!(r.traffic.iter().all(|s| s.green_percent <= 10.0));
    let a = r.alarms.first().expect("alarm");
    assert!(a.defaulted && a.watched);
    assert_eq!(
        a.transitions.first().map(|t| (t.t, t.to)),
        Some((60, AlarmState::Alarm))
    );
    // Blast radius: 10 % of 100 requests per second for 45 s, then 30 s until the alias is back.
    let b = r.blast_radius;
    assert_eq!(b.requests_new, 750);
    assert_eq!(b.failed_requests_new, 188);
    assert_eq!(b.recovered_at, Some(90));
}

#[test]
fn an_alarm_without_rollback_leaves_the_deployment_half_shifted() {
    let mut group = rollback_group(&[RollbackEvent::DeploymentFailure]);
    let r = canary_with_errors(&group);
    assert_eq!(r.outcome, Outcome::Stopped);
    assert_eq!(r.timeline.last().map(|p| p.green_percent), Some(10.0));
    assert_eq!(r.blast_radius.recovered_at, None);
    // Alarms not enabled: nothing stops it.
    group.alarms_enabled = false;
    let r = canary_with_errors(&group);
    assert_eq!(r.outcome, Outcome::Succeeded);
}

#[test]
fn a_manual_stop_rolls_back_only_with_stop_on_request() {
    let scenario = Scenario {
        stop_at: Some(200),
        ..quiet()
    };
    let config = predefined("CodeDeployDefault.ECSLinear10PercentEvery1Minutes");
    let r = simulate(
        &config,
        &rollback_group(&[RollbackEvent::DeploymentStopOnRequest]),
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::RolledBack);
    assert_eq!(r.stopped.as_ref().map(|s| s.cause), Some(StopCause::Manual));
    assert_eq!(
        r.rollback.as_ref().map(|x| x.trigger),
        Some(RollbackEvent::DeploymentStopOnRequest)
    );
    let r = simulate(
        &config,
        &rollback_group(&[RollbackEvent::DeploymentFailure]),
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::Stopped);
}

#[test]
fn a_hook_function_failure_rolls_back_ecs_but_before_install_cannot() {
    let group = rollback_group(&[RollbackEvent::DeploymentFailure]);
    let fail = |event: &str| Scenario {
        faults: vec![Fault::FailHook {
            event: event.to_string(),
            instance: None,
        }],
        ..quiet()
    };
    let config = predefined("CodeDeployDefault.ECSCanary10Percent5Minutes");
    let r = simulate(&config, &group, None, &fail("AfterAllowTraffic"));
    assert_eq!(r.outcome, Outcome::RolledBack);
    let replacement = r
        .targets
        .iter()
        .find(|t| t.kind == TargetKind::ReplacementTaskSet)
        .expect("task set");
    assert_eq!(
        replacement.changes.last().map(|c| c.state),
        Some(TargetState::Terminated)
    );
    let r = simulate(&config, &group, None, &fail("BeforeInstall"));
    assert_eq!(r.outcome, Outcome::Failed);
    assert!(r.rollback.is_none());
}

#[test]
fn ecs_test_listener_and_termination_wait() {
    let group = Group {
        test_listener: true,
        termination_wait_minutes: Some(60),
        ..Group::default()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.ECSAllAtOnce"),
        &group,
        None,
        &quiet(),
    );
    assert!(
        r.events
            .iter()
            .any(|e| e.event.as_deref() == Some("AfterAllowTestTraffic"))
    );
    let original = r
        .targets
        .iter()
        .find(|t| t.kind == TargetKind::OriginalTaskSet)
        .expect("original");
    let removed = original.changes.last().expect("last");
    assert_eq!(removed.state, TargetState::Terminated);
    let shifted = r.traffic.last().map_or(0, |s| s.t);
    assert!(removed.t >= shifted + 3600);
    // An alarm during the termination wait still rolls back.
    let mut group = rollback_group(&[RollbackEvent::DeploymentStopOnAlarm]);
    group.termination_wait_minutes = Some(60);
    let scenario = Scenario {
        faults: vec![Fault::ErrorRate {
            percent: 50.0,
            at: 900,
        }],
        ..quiet()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.ECSAllAtOnce"),
        &group,
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::RolledBack);
}

fn blue_green_group() -> Group {
    Group {
        deployment_type: Some(StyleType::BlueGreen),
        load_balancer: true,
        ..Group::default()
    }
}

#[test]
fn ec2_blue_green_reroutes_in_batches_and_terminates_after_the_wait() {
    let mut group = blue_green_group();
    group.termination_wait_minutes = Some(5);
    let scenario = Scenario {
        instances: 4,
        ..quiet()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.HalfAtATime"),
        &group,
        None,
        &scenario,
    );
    assert_eq!(
        (r.outcome, r.deployment_type),
        (Outcome::Succeeded, DeploymentType::BlueGreen)
    );
    let greens: Vec<f64> = r.traffic.iter().map(|s| s.green_percent).collect();
    assert_eq!(greens.last(), Some(&100.0));
    assert!(
        greens.len() >= 4,
        "two batches, each registering then deregistering: {greens:?}"
    );
    let originals: Vec<_> = r
        .targets
        .iter()
        .filter(|t| t.kind == TargetKind::OriginalInstance)
        .collect();
    assert_eq!(originals.len(), 4);
    assert!(
        originals
            .iter()
            .all(|t| t.changes.last().map(|c| c.state) == Some(TargetState::Terminated))
    );
    group.termination_action = TerminationAction::KeepAlive;
    let r = simulate(
        &predefined("CodeDeployDefault.HalfAtATime"),
        &group,
        None,
        &scenario,
    );
    assert!(
        r.targets
            .iter()
            .filter(|t| t.kind == TargetKind::OriginalInstance)
            .all(|t| t.changes.last().map(|c| c.state) == Some(TargetState::Deregistered))
    );
}

#[test]
fn blue_green_ready_wait_stops_without_a_continue() {
    let mut group = blue_green_group();
    group.ready_action = ReadyAction::StopDeployment;
    group.ready_wait_minutes = 30;
    let config = predefined("CodeDeployDefault.AllAtOnce");
    let r = simulate(
        &config,
        &group,
        None,
        &Scenario {
            instances: 3,
            ..quiet()
        },
    );
    assert_eq!(r.outcome, Outcome::Stopped);
    let stop = r.stopped.as_ref().expect("stopped");
    assert_eq!(stop.cause, StopCause::ReadyTimeout);
    assert_eq!(r.timeline.last().map(|p| p.green_percent), Some(0.0));
    let r = simulate(
        &config,
        &group,
        None,
        &Scenario {
            instances: 3,
            continue_at: Some(600),
            ..quiet()
        },
    );
    assert_eq!(r.outcome, Outcome::Succeeded);
    assert!(r.traffic.first().is_some_and(|s| s.t >= 600));
    // The same option holds an ECS deployment before production traffic moves.
    let r = simulate(
        &predefined("CodeDeployDefault.ECSAllAtOnce"),
        &group,
        None,
        &quiet(),
    );
    assert_eq!(r.outcome, Outcome::Stopped);
}

#[test]
fn the_guides_rollback_group_rolls_a_canary_back() {
    let root = common::workspace();
    let text = std::fs::read_to_string(root.join("examples/deployment-group-rollback.json"))
        .expect("example");
    let a =
        cicd_core::analyze(Kind::DeploymentGroup, &text, &Options::default()).expect("analysis");
    let Model::DeploymentGroup(groups) = &a.model else {
        panic!("a deployment group")
    };
    let group = groups.items.first().expect("group").settings();
    assert!(group.watches_alarms());
    assert_eq!(group.alarms, vec!["HighErrorRate", "HighLatency"]);
    let scenario = Scenario {
        faults: vec![Fault::ErrorRate {
            percent: 20.0,
            at: 120,
        }],
        ..Scenario::default()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.ECSCanary10Percent5Minutes"),
        &group,
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::RolledBack);
    assert_eq!(r.alarms.len(), 2);
}

#[test]
fn a_latency_alarm_watches_latency() {
    let group = rollback_group(&[RollbackEvent::DeploymentStopOnAlarm]);
    let latency = AlarmDefinition {
        name: "HighErrorRate".to_string(),
        metric: cicd_core::deployment::simulate::Metric::Latency,
        threshold: 500.0,
        ..AlarmDefinition::default()
    };
    let scenario = Scenario {
        alarms: vec![latency],
        faults: vec![Fault::Latency { ms: 800, at: 0 }],
        ..quiet()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.LambdaLinear10PercentEvery1Minute"),
        &group,
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::RolledBack);
    assert!(!r.alarms.first().expect("alarm").defaulted);
    // An all-at-once Lambda deployment is over before the first one-minute period ends.
    let r = simulate(
        &predefined("CodeDeployDefault.LambdaAllAtOnce"),
        &group,
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::Succeeded);
}

#[test]
fn the_same_seed_gives_the_same_report() {
    let scenario = Scenario {
        instances: 50,
        faults: vec![Fault::RandomInstanceFailures { percent: 10.0 }],
        seed: 42,
        ..Scenario::default()
    };
    let config = predefined("CodeDeployDefault.HalfAtATime");
    let a = simulate(&config, &Group::default(), None, &scenario);
    let b = simulate(&config, &Group::default(), None, &scenario);
    assert_eq!(a, b);
    let c = simulate(
        &config,
        &Group::default(),
        None,
        &Scenario {
            seed: 43,
            ..scenario
        },
    );
    assert!(a.targets != c.targets, "another seed gives other durations");
}

#[test]
fn the_appspec_gives_the_lifecycle() {
    let root = common::workspace();
    let text = std::fs::read_to_string(root.join("examples/appspec-ec2.yml")).expect("example");
    let a = cicd_core::analyze(Kind::Appspec, &text, &Options::default()).expect("analysis");
    let Model::Appspec(spec) = &a.model else {
        panic!("an appspec")
    };
    let r = simulate(
        &predefined("CodeDeployDefault.AllAtOnce"),
        &Group::default(),
        Some(spec),
        &quiet(),
    );
    assert!(r.lifecycle.iter().any(|s| s.event == "ValidateService"));
    assert_eq!(r.outcome, Outcome::Succeeded);
}

/// A small deterministic generator for the property test.
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
fn random_scenarios_keep_the_invariants() {
    let mut rng = Rng(0x5eed);
    let events = [
        "BeforeInstall",
        "AfterInstall",
        "ApplicationStart",
        "ValidateService",
        "BeforeAllowTraffic",
        "AfterAllowTraffic",
        "AllowTraffic",
        "Nope",
    ];
    let all = [
        RollbackEvent::DeploymentFailure,
        RollbackEvent::DeploymentStopOnAlarm,
        RollbackEvent::DeploymentStopOnRequest,
    ];
    for round in 0..400 {
        let p = PREDEFINED
            .get(rng.below(PREDEFINED.len() as u64) as usize)
            .expect("config");
        let config = if p.platform == Platform::Ec2 && rng.below(3) == 0 {
            custom(match rng.below(2) {
                0 => cicd_core::deployment::MinimumHealthyHosts::HostCount(rng.below(30) as u32),
                _ => {
                    cicd_core::deployment::MinimumHealthyHosts::FleetPercent(rng.below(100) as u32)
                }
            })
        } else {
            p.config()
        };
        let mut faults = Vec::new();
        for _ in 0..rng.below(4) {
            faults.push(match rng.below(4) {
                0 => Fault::ErrorRate {
                    percent: rng.below(101) as f64,
                    at: rng.below(3000) as u32,
                },
                1 => Fault::Latency {
                    ms: rng.below(2000) as u32,
                    at: rng.below(3000) as u32,
                },
                2 => Fault::FailHook {
                    event: events[rng.below(events.len() as u64) as usize].to_string(),
                    instance: (rng.below(2) == 0).then(|| 1 + rng.below(40) as u32),
                },
                _ => Fault::RandomInstanceFailures {
                    percent: rng.below(30) as f64,
                },
            });
        }
        let group = Group {
            alarms_enabled: rng.below(2) == 0,
            alarms: if rng.below(3) == 0 {
                Vec::new()
            } else {
                vec!["a".to_string()]
            },
            rollback_enabled: rng.below(2) == 0,
            rollback_events: all.iter().copied().filter(|_| rng.below(2) == 0).collect(),
            deployment_type: (rng.below(3) == 0).then_some(StyleType::BlueGreen),
            load_balancer: rng.below(2) == 0,
            test_listener: rng.below(2) == 0,
            ready_action: if rng.below(4) == 0 {
                ReadyAction::StopDeployment
            } else {
                ReadyAction::ContinueDeployment
            },
            ready_wait_minutes: rng.below(60) as u32,
            termination_wait_minutes: (rng.below(2) == 0).then(|| rng.below(120) as u32),
            ..Group::default()
        };
        let unhealthy = if rng.below(4) == 0 {
            rng.below(5) as u32
        } else {
            0
        };
        let scenario = Scenario {
            instances: 1 + rng.below(40) as u32,
            unhealthy_instances: unhealthy,
            faults,
            stop_at: (rng.below(4) == 0).then(|| rng.below(4000) as u32),
            continue_at: (rng.below(2) == 0).then(|| rng.below(4000) as u32),
            seed: rng.next(),
            ..Scenario::default()
        };
        let r = simulate(&config, &group, None, &scenario);
        let rollback_start = r.rollback.as_ref().map_or(u32::MAX, |x| x.start);
        let mut previous = 0.0;
        for point in &r.timeline {
            assert!(
                (0.0..=100.0).contains(&point.green_percent),
                "round {round}: {point:?}"
            );
            if point.t <= rollback_start {
                assert!(
                    point.green_percent + 1e-9 >= previous,
                    "round {round}: the split moved back before any rollback: {previous} then {point:?}"
                );
                previous = point.green_percent;
            }
        }
        assert!(
            r.timeline.windows(2).all(|w| w[0].t < w[1].t),
            "round {round}: timeline order"
        );
        assert!(
            r.events.windows(2).all(|w| w[0].t <= w[1].t),
            "round {round}: event order"
        );
        if r.platform == Platform::Ec2
            && r.deployment_type == DeploymentType::InPlace
            && unhealthy == 0
        {
            let n = r.instances.unwrap_or(0);
            let min = r.config.minimum_healthy.unwrap_or(0);
            let allowed = n.saturating_sub(min);
            for point in r.timeline.iter().filter(|p| p.t < rollback_start) {
                assert!(
                    point.offline.unwrap_or(0) <= allowed,
                    "round {round}: {} offline, {n} instances, minimum {min}",
                    point.offline.unwrap_or(0)
                );
            }
        }
        if matches!(r.outcome, Outcome::RolledBack) {
            assert!(r.rollback.is_some());
        }
        for t in &r.targets {
            assert!(
                t.changes.windows(2).all(|w| w[0].t <= w[1].t),
                "round {round}: target {} changes out of order",
                t.id
            );
        }
    }
}

#[test]
fn hostile_scenarios_are_bounded() {
    let scenario = Scenario {
        instances: u32::MAX,
        unhealthy_instances: u32::MAX,
        requests_per_second: f64::NAN,
        faults: vec![
            Fault::ErrorRate {
                percent: f64::INFINITY,
                at: u32::MAX
            };
            1000
        ],
        alarms: vec![AlarmDefinition {
            period_seconds: 0,
            evaluation_periods: 0,
            datapoints_to_alarm: 9,
            threshold: f64::NAN,
            ..AlarmDefinition::default()
        }],
        stop_at: Some(u32::MAX),
        ..Scenario::default()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.AllAtOnce"),
        &Group::default(),
        None,
        &scenario,
    );
    assert_eq!(r.instances, Some(10_000));
    let linear = Config {
        name: "slow".to_string(),
        platform: Platform::Lambda,
        predefined: false,
        minimum_healthy_hosts: None,
        traffic_routing: Some(cicd_core::deployment::TrafficRouting::Linear {
            percentage: 1,
            interval_minutes: u32::MAX,
        }),
        zonal: None,
    };
    let r = simulate(
        &linear,
        &rollback_group(&RollbackEvent::ALL),
        None,
        &Scenario::default(),
    );
    assert!(r.duration <= cicd_core::deployment::simulate::scenario::MAX_SECONDS + 3600);
}

#[test]
fn ec2_blue_green_rolls_back_to_the_original_instances() {
    let mut group = blue_green_group();
    group.alarms_enabled = true;
    group.alarms = vec!["HighErrorRate".to_string()];
    group.rollback_enabled = true;
    group.rollback_events = vec![RollbackEvent::DeploymentStopOnAlarm];
    group.termination_wait_minutes = Some(60);
    let scenario = Scenario {
        instances: 4,
        faults: vec![Fault::ErrorRate {
            percent: 40.0,
            at: 0,
        }],
        ..quiet()
    };
    let r = simulate(
        &predefined("CodeDeployDefault.OneAtATime"),
        &group,
        None,
        &scenario,
    );
    assert_eq!(r.outcome, Outcome::RolledBack);
    assert_eq!(r.timeline.last().map(|p| p.green_percent), Some(0.0));
    for t in r
        .targets
        .iter()
        .filter(|t| t.kind == TargetKind::OriginalInstance)
    {
        let last = t.changes.last().expect("changes");
        assert_eq!((last.state, last.serving), (TargetState::Succeeded, true));
    }
    assert!(r.blast_radius.instances_new.is_some_and(|n| n >= 1));
}
