//! Properties of the simulators (`proptest`, 256 cases per property by default; more with
//! `PROPTEST_CASES`): for any scenario, every timeline — the lifecycle's, a deployment's, a
//! pipeline run's — is in time order, percentages stay within 0–100, and nothing happens after
//! the run (or an execution) ends.

mod common;

use std::sync::LazyLock;

use cicd_core::appspec::{self, AppSpec, Deployment, Status};
use cicd_core::deployment::simulate::Fault;
use cicd_core::deployment::{Group, PREDEFINED, simulate as simulate_deployment};
use cicd_core::pipeline::simulate::FailureSpec;
use cicd_core::pipeline::{Pipeline, Scenario as PipelineScenario, simulate as simulate_pipeline};
use cicd_core::{Kind, Model, Options};
use proptest::prelude::*;
use proptest::sample::{Index, select};

fn model(kind: Kind, path: &str) -> Model {
    let text = std::fs::read_to_string(common::workspace().join(path)).expect("an example");
    cicd_core::analyze(kind, &text, &Options::default())
        .expect("a checked kind")
        .model
}

/// Every AppSpec example (EC2, ECS, Lambda, broken ones included).
static APPSPECS: LazyLock<Vec<AppSpec>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for dir in ["examples", "examples/broken"] {
        let mut names: Vec<_> = std::fs::read_dir(common::workspace().join(dir))
            .expect("examples")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("appspec"))
            .collect();
        names.sort();
        for name in names {
            if let Model::Appspec(spec) = model(Kind::Appspec, &format!("{dir}/{name}")) {
                out.push(spec);
            }
        }
    }
    assert!(out.len() >= 3);
    out
});

static GUIDE_PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| match model(Kind::Pipeline, "examples/pipeline.json") {
        Model::Pipeline(file) => file.pipelines.into_iter().next().expect("a pipeline"),
        other => panic!("{other:?}"),
    });

proptest! {
    /// The lifecycle: steps and rollback steps in order, each within the deployment's duration,
    /// the rollback after the failure.
    #[test]
    fn lifecycle_timelines_are_ordered_and_bounded(
        spec in any::<Index>(),
        deployment in select(vec![Deployment::InPlace, Deployment::InPlaceWithLoadBalancer, Deployment::BlueGreen]),
        first_deployment in any::<bool>(),
        test_listener in any::<bool>(),
        fail in prop::option::of(any::<Index>()),
    ) {
        let spec = spec.get(&APPSPECS);
        let mut scenario = appspec::Scenario {
            deployment,
            first_deployment,
            test_listener,
            ..appspec::Scenario::default()
        };
        let clean = appspec::timeline(spec, &scenario);
        scenario.fail = fail.and_then(|i| (!clean.steps.is_empty()).then(|| i.get(&clean.steps).event.to_string()));
        let tl = appspec::timeline(spec, &scenario);
        for steps in [&tl.steps, &tl.rollback] {
            prop_assert!(steps.windows(2).all(|w| w[0].start <= w[1].start), "{:?}", steps);
            // A step that is skipped or never reached keeps its nominal place; every step that
            // happens is over by the end.
            for s in steps.iter().filter(|s| matches!(s.status, Status::Runs | Status::Failed)) {
                prop_assert!(s.start.saturating_add(s.duration) <= tl.duration, "{} ends after {}", s.event, tl.duration);
            }
        }
        if let (Some(f), Some(first)) = (&tl.failure, tl.rollback.first()) {
            let failed = tl.steps.get(f.step).expect("the failed step");
            prop_assert!(first.start >= failed.start);
        }
    }

    /// A deployment: its timeline, events and traffic steps in time order, the share of
    /// traffic within 0–100 %, nothing after its end.
    #[test]
    fn deployment_timelines_are_ordered_and_bounded(
        config in 0..PREDEFINED.len(),
        instances in 1..40u32,
        unhealthy in 0..40u32,
        seed in any::<u64>(),
        jitter in 0..50u32,
        error_rate in prop::option::of((0.0..100.0f64, 0..3_600u32)),
        fail_hook in prop::option::of(1..40u32),
        stop_at in prop::option::of(0..20_000u32),
    ) {
        let config = PREDEFINED.get(config).expect("a configuration").config();
        let mut faults = Vec::new();
        if let Some((percent, at)) = error_rate {
            faults.push(Fault::ErrorRate { percent, at });
        }
        if let Some(instance) = fail_hook {
            faults.push(Fault::FailHook { event: "AfterInstall".to_string(), instance: Some(instance) });
        }
        let scenario = cicd_core::deployment::Scenario {
            instances,
            unhealthy_instances: unhealthy.min(instances),
            seed,
            duration_jitter_percent: jitter,
            faults,
            stop_at,
            ..cicd_core::deployment::Scenario::default()
        };
        let group = Group {
            alarms_enabled: true,
            alarms: vec!["HighErrorRate".to_string()],
            rollback_enabled: true,
            ..Group::default()
        };
        let r = simulate_deployment(&config, &group, None, &scenario);
        prop_assert!(r.timeline.windows(2).all(|w| w[0].t <= w[1].t));
        prop_assert!(r.events.windows(2).all(|w| w[0].t <= w[1].t));
        prop_assert!(r.traffic.windows(2).all(|w| w[0].t <= w[1].t));
        for p in &r.timeline {
            prop_assert!((0.0..=100.0).contains(&p.green_percent), "{}", p.green_percent);
            prop_assert!(p.t <= r.duration, "{} after {}", p.t, r.duration);
        }
        for s in &r.traffic {
            prop_assert!((0.0..=100.0).contains(&s.green_percent), "{}", s.green_percent);
            prop_assert!(s.t <= r.duration);
        }
        prop_assert!(r.events.iter().all(|e| e.t <= r.duration));
        prop_assert!((0.0..=100.0).contains(&r.blast_radius.max_green_percent));
    }

    /// A pipeline run: events in time order, each execution's events between its start and
    /// its end, nothing after the run's duration.
    #[test]
    fn pipeline_runs_are_ordered_and_bounded(
        seed in any::<u64>(),
        starts in prop::collection::vec(0..3_600u64, 1..4),
        approve_after in prop::option::of(0..100_000u64),
        fail in prop::option::of((any::<Index>(), any::<bool>())),
    ) {
        let pipeline = &*GUIDE_PIPELINE;
        let mut starts = starts;
        starts.sort_unstable();
        let mut scenario = PipelineScenario { seed, starts, approve_after, ..PipelineScenario::default() };
        let clean = simulate_pipeline(pipeline, &scenario);
        let actions: Vec<(String, String)> = clean
            .events
            .iter()
            .filter_map(|e| Some((e.stage.clone(), e.action.clone()?)))
            .collect();
        if let Some((i, always)) = fail && !actions.is_empty() {
            let (stage, action) = i.get(&actions).clone();
            scenario.failures.push(FailureSpec { stage, action, execution: None, always });
        }
        let r = simulate_pipeline(pipeline, &scenario);
        prop_assert!(r.events.windows(2).all(|w| w[0].t <= w[1].t));
        // `t` counts from the scenario's time 0 and `duration` from the first start.
        let first = r.executions.iter().map(|x| x.start).min().unwrap_or(0);
        prop_assert!(r.events.iter().all(|e| e.t >= first && e.t <= first + r.duration));
        for x in &r.executions {
            for e in &x.events {
                prop_assert!(e.t >= x.start, "execution {} event at {} before its start {}", x.id, e.t, x.start);
                if let Some(end) = x.end {
                    prop_assert!(e.t <= end, "execution {} event at {} after its end {}", x.id, e.t, end);
                }
            }
        }
    }
}
