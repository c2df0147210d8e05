//! The deployment simulator: a pure, deterministic function of a configuration, a deployment
//! group's settings, an optional AppSpec and a [`Scenario`] (seed included) to a
//! [`DeploymentReport`] — one time axis in seconds with the traffic split, the fleet, the alarms,
//! the log, the rollback and the blast radius.
//!
//! How it runs:
//! 1. **Plan** the deployment as if nothing stopped it: in place by minimum healthy hosts
//!    ([`in_place`]), EC2 blue/green ([`blue_green`]), or ECS and Lambda traffic shifting
//!    ([`shift`]). Failures the scenario injects (a lifecycle event on an instance, a hook
//!    function) are part of the plan.
//! 2. **Watch the alarms** the group names over the planned traffic ([`alarm`]): each period's
//!    datapoint is the new revision's error rate or latency, from the faults the scenario injects.
//!    The deployment stops at the first of: its planned failure, the first `ALARM` while the
//!    deployment is in progress (termination waits included), a manual stop, a blue/green ready
//!    wait running out.
//! 3. **Cut** the plan there (targets being deployed become `Unknown`, the others `Skipped`).
//! 4. **Roll back** when the group's `autoRollbackConfiguration` lists the matching event: a new
//!    deployment of the last good revision — in place by the same algorithm, every instance,
//!    unhealthy ones first; blue/green by sending the traffic back (if the originals still exist).
//!    Without it, the deployment stays where it stopped.
//! 5. **Report**: alarms evaluated over the final traffic, the blast radius integrated over it.
//!
//! Durations are nominal (the AppSpec's scripts and timeouts, or 20 s per lifecycle event), with
//! a seeded jitter per instance; they are there to animate, not to predict.

pub mod alarm;
pub mod blue_green;
pub mod in_place;
pub mod report;
pub(crate) mod run;
pub mod scenario;
pub mod shift;

use std::borrow::Cow;

use crate::appspec::{self, AppSpec, Detection, Platform};
use crate::deployment::config::{Config, MinimumHealthyHosts};
use crate::deployment::group::{Group, StyleType};

pub use report::{
    AlarmPoint, AlarmReport, AlarmState, AlarmTransition, BlastRadius, ConfigReport,
    DeploymentReport, Event, EventStatus, GroupReport, LifecycleStep, Outcome, Revision,
    RollbackReport, StopCause, StopReport, Target, TargetChange, TargetKind, TargetState,
    TimelinePoint, TrafficStep, What,
};
pub use scenario::{AlarmDefinition, DeploymentType, Fault, Metric, MissingData, Scenario};

use report::EventStatus as S;
use run::{RawPoint, Run};
use scenario::Rng;

/// The longest an EC2/on-premises in-place deployment may run (CodeDeploy quotas): 8 hours.
pub const IN_PLACE_LIMIT_SECONDS: u32 = 8 * 3600;

/// Nominal seconds of a lifecycle event that runs a script or a hook function.
pub const HOOK_SECONDS: u32 = 20;

/// What planners read and write besides the run.
pub(crate) struct Context<'a> {
    pub platform: Platform,
    pub config: &'a Config,
    pub group: &'a Group,
    pub appspec: Option<&'a AppSpec>,
    pub scenario: &'a Scenario,
    pub test_listener: bool,
    pub minimum: Option<u32>,
    pub notes: Vec<String>,
    rng: Rng,
}

impl Context<'_> {
    /// Records a note once.
    pub fn note(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// A lifecycle duration factor around 1 (the scenario's jitter, seeded).
    pub fn jitter(&mut self) -> f64 {
        let j = f64::from(self.scenario.duration_jitter_percent) / 100.0;
        1.0 + (self.rng.unit() * 2.0 - 1.0) * j
    }

    /// Whether the scenario fails `event` (on `instance`, for instances).
    pub fn fails(&self, event: &str, instance: Option<u32>) -> bool {
        self.scenario.faults.iter().any(|f| match f {
            Fault::FailHook {
                event: e,
                instance: i,
            } => e == event && (i.is_none() || instance.is_none() || *i == instance),
            _ => false,
        })
    }

    /// Which steps of `steps` the scenario fails, worked out once for a whole fleet.
    pub fn fault_plan(&self, steps: &[LifecycleStep]) -> FaultPlan {
        let mut plan = FaultPlan::default();
        for f in &self.scenario.faults {
            match f {
                Fault::FailHook { event, instance } => {
                    let Some(k) = steps.iter().position(|s| s.event == event.as_str()) else {
                        continue;
                    };
                    match instance {
                        None => plan.every = Some(plan.every.map_or(k, |e: usize| e.min(k))),
                        Some(i) => plan.named.push((*i, k)),
                    }
                }
                Fault::RandomInstanceFailures { percent } => plan.random = Some(*percent),
                _ => {}
            }
        }
        plan.steps = steps.len();
        plan
    }

    /// The first step the scenario fails on `instance`, if any (including a seeded random
    /// failure).
    pub fn fails_in(&mut self, plan: &FaultPlan, instance: u32) -> Option<usize> {
        let named = plan
            .named
            .iter()
            .filter(|(i, _)| *i == instance)
            .map(|(_, k)| *k)
            .chain(plan.every)
            .min();
        let random = match plan.random {
            Some(p) if self.rng.unit() * 100.0 < p => Some(self.rng.below(plan.steps)),
            _ => None,
        };
        match (named, random) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// The failures a scenario injects into a list of lifecycle steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct FaultPlan {
    /// The first step that fails on every instance.
    every: Option<usize>,
    /// Steps that fail on one instance.
    named: Vec<(u32, usize)>,
    /// The percentage of instances that fail at a random step.
    random: Option<f64>,
    /// How many steps there are.
    steps: usize,
}

/// What a planner says about its plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Planned {
    /// When the plan ends (the deployment succeeded then).
    pub end: u32,
    /// When and why it fails.
    pub failure: Option<(u32, String)>,
    /// When a blue/green ready wait runs out.
    pub ready_timeout: Option<(u32, String)>,
    /// Until when a stop has nothing to roll back (ECS before the replacement task set exists;
    /// blue/green before traffic moves).
    pub nothing_changed_until: u32,
    /// EC2 blue/green: when the original instances are terminated.
    pub originals_terminated_at: Option<u32>,
    /// EC2 blue/green: whether they are kept alive.
    pub originals_kept: bool,
    /// In place: the most instances on the new revision at once.
    pub max_new: Option<u32>,
}

/// The seconds a hook event takes, or `None` when it does not run: with an AppSpec, only events
/// it has a hook function for; without one, every hook event is assumed to have a function.
pub(crate) fn hook_seconds(cx: &mut Context<'_>, event: &'static str) -> Option<u32> {
    match cx.appspec {
        Some(spec) if spec.known_platform() == Some(cx.platform) => {
            if spec.hook(event).is_some() {
                Some(appspec::lifecycle::NOMINAL_FUNCTION_SECONDS)
            } else {
                if cx.fails(event, None) {
                    cx.note(format!(
                        "the AppSpec has no `{event}` hook function: there is nothing to fail"
                    ));
                }
                None
            }
        }
        _ => Some(appspec::lifecycle::NOMINAL_FUNCTION_SECONDS),
    }
}

/// EC2/on-premises lifecycle events with nominal durations: the AppSpec's when one is given
/// (from the lifecycle timeline, so scripts and timeouts count), the standard events otherwise.
fn server_steps(
    cx: &mut Context<'_>,
    deployment: appspec::Deployment,
) -> Vec<(appspec::Fleet, LifecycleStep)> {
    let spec = cx
        .appspec
        .filter(|s| s.known_platform() == Some(Platform::Ec2) || s.detection == Detection::Unknown);
    let steps: Vec<(appspec::Fleet, &'static str, u32)> = match spec {
        Some(spec) => {
            let tl = appspec::timeline(
                spec,
                &appspec::Scenario {
                    deployment,
                    ..appspec::Scenario::default()
                },
            );
            tl.steps
                .iter()
                .filter(|s| !matches!(s.kind, appspec::StepKind::Start | appspec::StepKind::End))
                .map(|s| (s.fleet, s.event, s.duration))
                .collect()
        }
        None => appspec::lifecycle::server_order(deployment)
            .into_iter()
            .filter(|(e, _)| !matches!(*e, "Start" | "End"))
            .map(|(e, fleet)| {
                let d = match e {
                    "DownloadBundle" => 10,
                    "Install" => 15,
                    "BlockTraffic" => 10,
                    "AllowTraffic" => 30,
                    _ => HOOK_SECONDS,
                };
                (fleet, e, d)
            })
            .collect(),
    };
    let mut offset = 0;
    steps
        .into_iter()
        .map(|(fleet, event, duration)| {
            let step = LifecycleStep {
                event: Cow::Borrowed(event),
                offset,
                duration,
            };
            offset += duration;
            (fleet, step)
        })
        .collect()
}

/// Renumbers the offsets of `steps` from 0.
fn from_zero(steps: Vec<LifecycleStep>) -> Vec<LifecycleStep> {
    let mut offset = 0;
    steps
        .into_iter()
        .map(|mut s| {
            s.offset = offset;
            offset += s.duration;
            s
        })
        .collect()
}

/// Simulates one deployment of `config` through `group` (with the AppSpec's lifecycle, when one
/// is given) for `scenario`.
pub fn simulate(
    config: &Config,
    group: &Group,
    appspec: Option<&AppSpec>,
    scenario: &Scenario,
) -> DeploymentReport {
    let scenario = scenario.bounded();
    let mut notes = Vec::new();
    // The platform: the scenario's, else the configuration's.
    let platform = scenario.platform.unwrap_or(config.platform);
    let config = if config.platform == platform {
        config.clone()
    } else {
        let fallback = Config::default_for(platform);
        notes.push(format!(
            "`{}` is a configuration for {}; the {} deployment runs `{}`",
            config.name,
            config.platform.title(),
            platform.title(),
            fallback.name
        ));
        fallback
    };
    if let Some(gp) = group.platform.filter(|p| *p != platform) {
        notes.push(format!(
            "the deployment group looks like a {} group; simulated as {}",
            gp.title(),
            platform.title()
        ));
    }
    let deployment_type = match platform {
        Platform::Ecs | Platform::Lambda => {
            if scenario.deployment_type == Some(DeploymentType::InPlace) {
                notes.push(format!(
                    "{} deployments are always blue/green",
                    platform.title()
                ));
            }
            DeploymentType::BlueGreen
        }
        Platform::Ec2 => scenario
            .deployment_type
            .unwrap_or(match group.deployment_type {
                Some(StyleType::BlueGreen) => DeploymentType::BlueGreen,
                _ => DeploymentType::InPlace,
            }),
    };
    let load_balancer = scenario.load_balancer.unwrap_or(group.load_balancer)
        || (platform == Platform::Ec2 && deployment_type == DeploymentType::BlueGreen);
    let test_listener =
        platform == Platform::Ecs && scenario.test_listener.unwrap_or(group.test_listener);
    let n = scenario.instances;
    let server = platform == Platform::Ec2;
    let minimum = server.then(|| {
        config
            .minimum_healthy_hosts
            .unwrap_or(MinimumHealthyHosts::MostConcurrency)
            .minimum(n)
    });
    if server && config.zonal.is_some() {
        notes.push("the configuration deploys one Availability Zone at a time (zonal configuration): the simulator deploys the fleet as one zone".to_string());
    }
    if server && n > 1000 {
        notes.push(format!(
            "{n} instances: CodeDeploy deploys to at most 1,000 instances per deployment"
        ));
    }
    if let Some(spec) = appspec
        && spec.known_platform().is_some_and(|p| p != platform)
    {
        notes.push(format!(
            "the AppSpec is for {}: its hooks are not used in this {} deployment",
            spec.platform.title(),
            platform.title()
        ));
    }
    let mut cx = Context {
        platform,
        config: &config,
        group,
        appspec,
        scenario: &scenario,
        test_listener,
        minimum,
        notes,
        rng: Rng::new(scenario.seed),
    };
    let mut run = Run::default();
    let mut lifecycle: Vec<LifecycleStep> = Vec::new();
    let mut bg_phases = None;
    let mut in_place_template = Vec::new();
    let planned = match (platform, deployment_type) {
        (Platform::Ec2, DeploymentType::InPlace) => {
            let deployment = if load_balancer {
                appspec::Deployment::InPlaceWithLoadBalancer
            } else {
                appspec::Deployment::InPlace
            };
            let steps: Vec<LifecycleStep> = server_steps(&mut cx, deployment)
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            lifecycle.clone_from(&steps);
            in_place_template = steps;
            let instances = instances(&mut cx, &in_place_template, n);
            let p = in_place::plan(
                &mut run,
                &instances,
                minimum.unwrap_or(0),
                &in_place_template,
                Revision::New,
                0,
                IN_PLACE_LIMIT_SECONDS,
                true,
            );
            let mut planned = Planned {
                end: p.end,
                failure: p.failure.clone(),
                max_new: Some(p.max_new),
                ..Planned::default()
            };
            if p.failure.is_none() {
                run.event(
                    p.end,
                    What::Deployment,
                    S::Succeeded,
                    format!("the deployment succeeded on {} instance(s)", p.succeeded),
                );
            }
            if planned
                .failure
                .as_ref()
                .is_none_or(|f| f.0 > IN_PLACE_LIMIT_SECONDS)
                && p.end > IN_PLACE_LIMIT_SECONDS
            {
                planned.failure = Some((
                    IN_PLACE_LIMIT_SECONDS,
                    "an in-place deployment may run for at most 8 hours".to_string(),
                ));
            }
            planned
        }
        (Platform::Ec2, DeploymentType::BlueGreen) => {
            let steps = server_steps(&mut cx, appspec::Deployment::BlueGreen);
            lifecycle = from_zero(steps.iter().map(|(_, s)| s.clone()).collect());
            let install: Vec<LifecycleStep> = steps
                .iter()
                .filter(|(f, s)| {
                    *f == appspec::Fleet::ReplacementInstances && !s.event.contains("AllowTraffic")
                })
                .map(|(_, s)| s.clone())
                .collect();
            let allow: Vec<LifecycleStep> = steps
                .iter()
                .filter(|(f, s)| {
                    *f == appspec::Fleet::ReplacementInstances && s.event.contains("AllowTraffic")
                })
                .map(|(_, s)| s.clone())
                .collect();
            let block: Vec<LifecycleStep> = steps
                .iter()
                .filter(|(f, _)| *f == appspec::Fleet::OriginalInstances)
                .map(|(_, s)| s.clone())
                .collect();
            let phases = blue_green::Phases {
                install: from_zero(install),
                allow: from_zero(allow),
                block: from_zero(block),
            };
            let planned = blue_green::plan(&mut cx, &mut run, &phases);
            bg_phases = Some(phases);
            planned
        }
        (Platform::Ecs | Platform::Lambda, _) => shift::plan(&mut cx, &mut run),
    };
    // The alarms CodeDeploy watches, and the scenario's definitions of them.
    let watched = group.watches_alarms();
    let mut definitions: Vec<(AlarmDefinition, bool, bool)> = Vec::new();
    for name in group.alarms.iter().take(scenario::MAX_FAULTS) {
        match scenario.alarms.iter().find(|a| a.name == *name) {
            Some(def) => definitions.push((def.clone(), false, watched)),
            None => definitions.push((AlarmDefinition::default_for(name), true, watched)),
        }
    }
    for def in &scenario.alarms {
        if !group.alarms.contains(&def.name) {
            cx.note(format!(
                "alarm `{}` is not in the group's alarm configuration: CodeDeploy does not watch it",
                def.name
            ));
            definitions.push((def.clone(), false, false));
        }
    }
    if !group.alarms.is_empty() && !group.alarms_enabled {
        cx.note(
            "the group's alarm configuration is not enabled: its alarms do not stop deployments",
        );
    }
    // Where the deployment ends early.
    let monitor_until = planned
        .failure
        .as_ref()
        .map(|f| f.0)
        .or(planned.ready_timeout.as_ref().map(|r| r.0))
        .unwrap_or(planned.end);
    let mut stop: Option<StopReport> = None;
    let consider = |stop: &mut Option<StopReport>, candidate: StopReport| {
        if stop.as_ref().is_none_or(|s| candidate.t < s.t) {
            *stop = Some(candidate);
        }
    };
    if let Some((t, message)) = &planned.failure {
        consider(
            &mut stop,
            StopReport {
                t: *t,
                cause: StopCause::Failure,
                message: message.clone(),
                alarm: None,
            },
        );
    }
    if let Some((t, message)) = &planned.ready_timeout {
        consider(
            &mut stop,
            StopReport {
                t: *t,
                cause: StopCause::ReadyTimeout,
                message: message.clone(),
                alarm: None,
            },
        );
    }
    for (def, _, w) in &definitions {
        if !*w {
            continue;
        }
        let e = alarm::evaluate(def, &run.points, &scenario, monitor_until);
        if let Some(t) = e.first_alarm().filter(|t| *t <= monitor_until) {
            consider(
                &mut stop,
                StopReport {
                    t,
                    cause: StopCause::Alarm,
                    message: format!(
                        "alarm `{}` went to ALARM: CodeDeploy stops the deployment",
                        def.name
                    ),
                    alarm: Some(def.name.clone()),
                },
            );
        }
    }
    if let Some(t) = scenario.stop_at.filter(|t| *t < monitor_until) {
        consider(
            &mut stop,
            StopReport {
                t,
                cause: StopCause::Manual,
                message: "someone stopped the deployment (StopDeployment)".to_string(),
                alarm: None,
            },
        );
    }
    // Cut, log the stop, and roll back when the group says so.
    let mut rollback: Option<RollbackReport> = None;
    let mut outcome = Outcome::Succeeded;
    if let Some(s) = &stop {
        run.cut(s.t);
        let status = if s.cause == StopCause::Failure {
            S::Failed
        } else {
            S::Stopped
        };
        run.event(s.t, What::Deployment, status, s.message.clone());
        outcome = if s.cause == StopCause::Failure {
            Outcome::Failed
        } else {
            Outcome::Stopped
        };
        let trigger = s.cause.rollback_event().filter(|e| group.rolls_back_on(*e));
        if let (Some(e), None) = (s.cause.rollback_event(), trigger) {
            let why = if group.rollback_enabled {
                format!("the group's automatic rollback does not list {}", e.id())
            } else {
                "the group has no automatic rollback".to_string()
            };
            cx.note(format!("{why}: the deployment stays where it stopped"));
        }
        if let Some(trigger) = trigger {
            let start = s.t;
            run.rollback = true;
            let before = run.points.len();
            let result: Result<u32, String> = match (platform, deployment_type) {
                (Platform::Ec2, DeploymentType::InPlace) => {
                    let instances = rollback_instances(&run, n, &mut cx);
                    run.event(start, What::Rollback, S::InProgress, format!("{} triggers an automatic rollback: a new deployment of the last good revision", trigger.id()));
                    let p = in_place::plan(
                        &mut run,
                        &instances,
                        minimum.unwrap_or(0),
                        &in_place_template,
                        Revision::Old,
                        start,
                        start.saturating_add(IN_PLACE_LIMIT_SECONDS),
                        false,
                    );
                    match p.failure {
                        Some((t, m)) => {
                            run.cut(t);
                            Err(m)
                        }
                        None => Ok(p.end),
                    }
                }
                (Platform::Ec2, DeploymentType::BlueGreen) => {
                    run.event(start, What::Rollback, S::InProgress, format!("{} triggers an automatic rollback: traffic goes back to the original instances", trigger.id()));
                    match bg_phases.as_ref().and_then(|ph| blue_green::rollback(&mut run, n, ph, start, &planned)) {
                        Some(end) => Ok(end),
                        None => Err("the original instances are already terminated: there is nothing to send traffic back to".to_string()),
                    }
                }
                (Platform::Ecs, _) if start <= planned.nothing_changed_until => Err(
                    "nothing changed yet (a failure in BeforeInstall cannot trigger a rollback)"
                        .to_string(),
                ),
                (Platform::Ecs | Platform::Lambda, _) => {
                    run.event(start, What::Rollback, S::InProgress, format!("{} triggers an automatic rollback: production traffic goes back to the original {}", trigger.id(), if platform == Platform::Ecs { "task set" } else { "version" }));
                    Ok(shift::rollback(&mut run, platform == Platform::Ecs, start))
                }
            };
            run.rollback = false;
            match result {
                Ok(end) => {
                    run.rollback = true;
                    run.event(
                        end,
                        What::Rollback,
                        S::Succeeded,
                        "the rollback deployment succeeded",
                    );
                    run.rollback = false;
                    let timeline = run
                        .points
                        .get(before.saturating_sub(1)..)
                        .unwrap_or(&[])
                        .to_vec();
                    rollback = Some(RollbackReport {
                        outcome: Outcome::Succeeded,
                        trigger,
                        start,
                        end,
                        timeline: timeline
                            .into_iter()
                            .map(|p| timeline_point(p, AlarmState::InsufficientData))
                            .collect(),
                        message: format!("{} rolled the deployment back", trigger.id()),
                    });
                    outcome = Outcome::RolledBack;
                }
                Err(m) if m.starts_with("nothing changed") => {
                    cx.note(format!("no rollback: {m}"));
                }
                Err(m) => {
                    let end = run.end().max(start);
                    run.rollback = true;
                    run.event(end, What::Rollback, S::Failed, m.clone());
                    run.rollback = false;
                    rollback = Some(RollbackReport {
                        outcome: Outcome::Failed,
                        trigger,
                        start,
                        end,
                        timeline: Vec::new(),
                        message: m,
                    });
                    outcome = Outcome::RolledBack;
                }
            }
        }
    }
    finish(FinishInput {
        cx,
        run,
        definitions,
        outcome,
        deployment_type,
        lifecycle,
        stop,
        rollback,
        planned,
        load_balancer,
    })
}

/// The instances of an in-place deployment, numbered in the order the deployment takes them:
/// the unhealthy ones first, each with its seeded duration factor and the step it fails at.
fn instances(cx: &mut Context<'_>, steps: &[LifecycleStep], n: u32) -> Vec<in_place::Instance> {
    let unhealthy = cx.scenario.unhealthy_instances;
    let mut named: Vec<String> = Vec::new();
    for f in &cx.scenario.faults {
        if let Fault::FailHook { event, .. } = f
            && !steps.iter().any(|s| s.event == event.as_str())
        {
            named.push(event.clone());
        }
    }
    for e in named {
        cx.note(format!(
            "`{e}` is not a lifecycle event of this deployment: it never runs, so it cannot fail"
        ));
    }
    let plan = cx.fault_plan(steps);
    (1..=n)
        .map(|i| in_place::Instance {
            healthy: i > unhealthy,
            revision: Revision::Old,
            scale: cx.jitter(),
            fails_at: cx.fails_in(&plan, i),
        })
        .collect()
}

/// The instances as a rollback finds them: those that succeeded run the new revision, failed or
/// interrupted ones are unhealthy, the others still run the old revision.
fn rollback_instances(run: &Run, n: u32, cx: &mut Context<'_>) -> Vec<in_place::Instance> {
    (0..n as usize)
        .map(|i| {
            let last = run.last(i);
            let (healthy, revision) = match last.map(|c| c.state) {
                Some(TargetState::Succeeded) => (true, last.map_or(Revision::New, |c| c.revision)),
                Some(TargetState::Failed | TargetState::Unknown | TargetState::InProgress) => {
                    (false, Revision::None)
                }
                _ => (true, Revision::Old),
            };
            in_place::Instance {
                healthy,
                revision,
                scale: cx.jitter(),
                fails_at: None,
            }
        })
        .collect()
}

fn timeline_point(p: RawPoint, alarm: AlarmState) -> TimelinePoint {
    TimelinePoint {
        t: p.t,
        green_percent: p.green,
        healthy: p.healthy,
        offline: p.offline,
        alarm,
    }
}

struct FinishInput<'a> {
    cx: Context<'a>,
    run: Run,
    definitions: Vec<(AlarmDefinition, bool, bool)>,
    outcome: Outcome,
    deployment_type: DeploymentType,
    lifecycle: Vec<LifecycleStep>,
    stop: Option<StopReport>,
    rollback: Option<RollbackReport>,
    planned: Planned,
    load_balancer: bool,
}

/// Evaluates the alarms over the final traffic, merges their states into the timeline, and
/// builds the report.
fn finish(input: FinishInput<'_>) -> DeploymentReport {
    let FinishInput {
        mut cx,
        mut run,
        definitions,
        outcome,
        deployment_type,
        lifecycle,
        stop,
        mut rollback,
        planned,
        load_balancer,
    } = input;
    let end = run.end();
    let scenario = cx.scenario;
    // Alarms over the final run (the datapoints a front end draws).
    let mut alarms = Vec::new();
    let mut transitions: Vec<(u32, AlarmState, bool)> = Vec::new();
    for (def, defaulted, watched) in definitions {
        let e = alarm::evaluate(&def, &run.points, scenario, end);
        for tr in &e.transitions {
            transitions.push((tr.t, tr.to, watched));
            let status = match tr.to {
                AlarmState::Alarm => S::AlarmAlarm,
                AlarmState::Ok => S::AlarmOk,
                AlarmState::InsufficientData => S::AlarmInsufficientData,
            };
            let value = e
                .points
                .iter()
                .find(|p| p.t == tr.t)
                .and_then(|p| p.value)
                .map(|v| match def.metric {
                    Metric::ErrorRate => format!(
                        ": error rate {v:.1} % against a threshold of {} %",
                        def.threshold
                    ),
                    Metric::Latency => format!(
                        ": latency {v:.0} ms against a threshold of {} ms",
                        def.threshold
                    ),
                })
                .unwrap_or_default();
            run.events.push(Event {
                t: tr.t,
                what: What::Alarm,
                instance: None,
                event: None,
                status,
                message: Cow::Owned(format!(
                    "alarm `{}` went to {}{value}",
                    def.name,
                    tr.to.as_str()
                )),
                rollback: false,
            });
        }
        alarms.push(AlarmReport {
            definition: def,
            defaulted,
            watched,
            points: e.points,
            transitions: e.transitions,
        });
    }
    // The combined state of the watched alarms at every change.
    let watched: Vec<&AlarmReport> = alarms.iter().filter(|a| a.watched).collect();
    let combined = |t: u32| -> AlarmState {
        let states = watched.iter().map(|a| {
            let i = a.points.partition_point(|p| p.t <= t);
            i.checked_sub(1)
                .and_then(|i| a.points.get(i))
                .map_or(AlarmState::InsufficientData, |p| p.state)
        });
        states.fold(AlarmState::InsufficientData, |acc, s| match (acc, s) {
            (AlarmState::Alarm, _) | (_, AlarmState::Alarm) => AlarmState::Alarm,
            (AlarmState::Ok, _) | (_, AlarmState::Ok) => AlarmState::Ok,
            _ => AlarmState::InsufficientData,
        })
    };
    let mut times: Vec<u32> = run.points.iter().map(|p| p.t).collect();
    times.extend(
        transitions
            .iter()
            .filter(|(_, _, w)| *w)
            .map(|(t, _, _)| *t),
    );
    times.sort_unstable();
    times.dedup();
    let mut timeline: Vec<TimelinePoint> = Vec::with_capacity(times.len());
    for t in times {
        let Some(p) = run.state_at(t) else { continue };
        let point = timeline_point(RawPoint { t, ..p }, combined(t));
        if timeline.last().is_some_and(|l: &TimelinePoint| {
            l.green_percent == point.green_percent
                && l.healthy == point.healthy
                && l.offline == point.offline
                && l.alarm == point.alarm
        }) {
            continue;
        }
        timeline.push(point);
    }
    if let Some(r) = &mut rollback {
        r.timeline = timeline
            .iter()
            .filter(|p| p.t >= r.start)
            .copied()
            .collect();
    }
    // The blast radius over everything.
    let mut integrator = alarm::Integrator::new(&run.points, scenario);
    let served = integrator.between(0, end.max(1));
    let max_green = run
        .points
        .iter()
        .map(|p| p.green * p.served)
        .fold(0.0, f64::max);
    let first_exposure = run
        .points
        .iter()
        .find(|p| p.green > 0.0 && p.served > 0.0)
        .map(|p| p.t);
    let recovered_at = match run.points.last() {
        Some(last) if last.green == 0.0 && first_exposure.is_some() => run
            .points
            .iter()
            .rev()
            .take_while(|p| p.green == 0.0)
            .last()
            .map(|p| p.t),
        _ => None,
    };
    let server = cx.platform == Platform::Ec2;
    let instances_new = server.then(|| {
        planned.max_new.unwrap_or_else(|| {
            run.targets
                .iter()
                .filter(|t| t.kind == TargetKind::ReplacementInstance)
                .filter(|t| {
                    t.changes
                        .iter()
                        .any(|c| c.serving && c.revision == Revision::New)
                })
                .count() as u32
        })
    });
    let blast_radius = BlastRadius {
        requests_new: served.requests.round() as u64,
        failed_requests_new: served.failed.round() as u64,
        requests_unserved: served.unserved.round() as u64,
        max_green_percent: max_green,
        instances_new,
        exposure_seconds: served.exposed.round() as u32,
        first_exposure,
        recovered_at,
    };
    if served.unserved >= 1.0 {
        cx.note(
            "some requests found no instance in service: every instance was out of service at once",
        );
    }
    // An alarm's transition comes before what CodeDeploy does about it at the same second.
    let order = |e: &Event| (e.t, e.what != What::Alarm);
    if !run.events.is_sorted_by_key(order) {
        run.events.sort_by_key(order);
    }
    if !run.traffic.is_sorted_by_key(|s| s.t) {
        run.traffic.sort_by_key(|s| s.t);
    }
    let n = cx.scenario.instances;
    let config = cx.config.clone();
    let group = cx.group;
    let concurrency = cx.minimum.map(|m| n.saturating_sub(m).clamp(1, n));
    DeploymentReport {
        outcome,
        platform: cx.platform,
        deployment_type,
        config: ConfigReport {
            summary: config.describe(),
            minimum_healthy: cx.minimum,
            concurrency,
            config,
        },
        group: GroupReport {
            alarms: if group.watches_alarms() {
                group.alarms.clone()
            } else {
                Vec::new()
            },
            rollback_events: if group.rollback_enabled {
                group.rollback_events.clone()
            } else {
                Vec::new()
            },
            load_balancer: server && load_balancer,
            test_listener: cx.test_listener,
        },
        instances: server.then_some(n),
        seed: cx.scenario.seed,
        duration: end,
        timeline,
        events: run.events,
        traffic: run.traffic,
        targets: run.targets,
        lifecycle,
        alarms,
        stopped: stop,
        rollback,
        blast_radius,
        notes: cx.notes,
    }
}

/// The lifecycle events a scenario can make fail ([`Fault::FailHook`]) in a deployment like
/// `report` with `appspec`: on EC2/on-premises the events each instance runs; on ECS and Lambda
/// the events whose hook function the AppSpec names (every hook event of the platform without
/// an AppSpec of that platform, as [`simulate`] assumes then).
pub fn failable_hooks(report: &DeploymentReport, appspec: Option<&AppSpec>) -> Vec<String> {
    let mut out: Vec<String> = match report.platform {
        Platform::Ec2 => report
            .lifecycle
            .iter()
            .map(|s| s.event.to_string())
            .collect(),
        platform => {
            let spec = appspec.filter(|s| s.known_platform() == Some(platform));
            appspec::events::scriptable(platform)
                .iter()
                .filter(|e| spec.is_none_or(|s| s.hook(e).is_some()))
                .map(|e| e.to_string())
                .collect()
        }
    };
    out.dedup();
    out
}
