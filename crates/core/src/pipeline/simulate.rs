//! The run simulator: a deterministic, discrete-event model of how CodePipeline runs
//! executions (reference A9), as a pure function of (pipeline, scenario).
//!
//! - Stages run in order. A stage's actions run in groups by ascending `runOrder`: the actions
//!   of a group start together, and the next group starts when every action of the group
//!   succeeded. An action failure (a rejected or timed-out approval included) lets the group's
//!   in-flight actions finish, then fails the stage; nothing after it runs.
//! - Stage locking (SUPERSEDED, QUEUED): a stage holds one execution at a time; an execution
//!   that finished a stage waits at the next stage's boundary while that stage is busy or its
//!   inbound transition is disabled. SUPERSEDED: a newer execution arriving at the boundary
//!   replaces the waiting one, which ends `Superseded`. QUEUED: waiting executions enter in
//!   arrival order. PARALLEL: no locking; executions run independently.
//! - A manual approval waits for the scenario's decision (approve or reject after some
//!   seconds), or times out (`timeoutInMinutes`, 7 days by default) and fails.
//! - Retry of a failed stage: automatic once when the stage declares `onFailure: RETRY`, and by
//!   hand when the scenario says so, either re-running the failed actions
//!   (`FAILED_ACTIONS`) or the whole stage (`ALL_ACTIONS`). A manual retry is possible only
//!   while no newer execution entered the stage. `onFailure: ROLLBACK` starts a rollback
//!   execution that re-runs the stage with the last execution that succeeded in it.
//! - Stop: "stop and wait" lets in-flight actions finish; "stop and abandon" abandons them.
//!
//! Durations are plausible per provider ([`providers`]), drawn from the scenario's seed: the
//! same (pipeline, scenario) always gives the same timeline. Every scenario is bounded
//! ([`MAX_EXECUTIONS`], [`MAX_EVENTS`], …): no input panics or runs long.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::model::{ExecutionMode, Pipeline, Text};
use super::providers;
use super::report::{
    ActionKey, EventReport, ExecutionKind, ExecutionReport, Outcome, PipelineReport, Segment,
    Status, Track, approval_timeout, duration_range, group_order, view,
};

/// Most executions a scenario starts.
pub const MAX_EXECUTIONS: usize = 20;
/// Most events a run records; the run stops there (executions still going are `Cancelled`).
pub const MAX_EVENTS: usize = 50_000;
/// Most stages and actions per stage simulated (more is invalid anyway).
pub const MAX_STAGES: usize = 100;
/// Most actions per stage simulated.
pub const MAX_ACTIONS: usize = 100;
/// Most retries of one stage in one execution.
pub const MAX_RETRIES: u32 = 5;
/// Latest start or decision time accepted, in seconds (one year); later ones are clamped.
pub const MAX_TIME: u64 = 366 * 24 * 3600;

/// What happens during the run. Every field has a default, so `{}` is one execution where
/// every action succeeds and every approval is approved after a minute.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct Scenario {
    /// Seed of the durations.
    pub seed: u64,
    /// When executions start, in seconds (sorted; ids 1..N follow this order). Empty: one
    /// execution at 0.
    pub starts: Vec<u64>,
    /// Actions that fail.
    pub failures: Vec<FailureSpec>,
    /// Decisions on approvals; approvals not listed follow `approve_after`.
    pub approvals: Vec<Decision>,
    /// Seconds after an approval starts waiting when it is approved, when the scenario says
    /// nothing else about it; `None`: nobody answers, and it times out.
    pub approve_after: Option<u64>,
    /// Retry a failed stage by hand.
    pub retry: Option<RetryPlan>,
    /// Executions stopped by hand.
    pub stops: Vec<StopSpec>,
    /// Stages whose inbound transition is disabled at the start (besides those the template
    /// disables).
    pub disabled_transitions: Vec<String>,
    /// When every disabled transition is enabled again (`None`: never).
    pub enable_transitions_at: Option<u64>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            seed: 0,
            starts: Vec::new(),
            failures: Vec::new(),
            approvals: Vec::new(),
            approve_after: Some(60),
            retry: None,
            stops: Vec::new(),
            disabled_transitions: Vec::new(),
            enable_transitions_at: None,
        }
    }
}

/// An action that fails.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct FailureSpec {
    /// The stage's name.
    pub stage: String,
    /// The action's name.
    pub action: String,
    /// Only in this execution (`None`: in every standard execution).
    pub execution: Option<u32>,
    /// Whether every attempt fails (a retry fails again); by default only the first run of the
    /// action in the execution fails, and a retry succeeds.
    pub always: bool,
}

/// A decision on an approval.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct Decision {
    /// The stage's name.
    pub stage: String,
    /// The approval action's name.
    pub action: String,
    /// Only in this execution (`None`: in every execution).
    pub execution: Option<u32>,
    /// What the reviewer does.
    pub verdict: Verdict,
    /// Seconds after the approval starts waiting (`None`: `approve_after`, else 60).
    pub after: Option<u64>,
}

/// What a reviewer does with an approval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Verdict {
    /// Approve.
    #[default]
    Approve,
    /// Reject: the action fails.
    Reject,
    /// Never answer: the approval times out and fails.
    Timeout,
}

/// How a failed stage is retried by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct RetryPlan {
    /// Failed actions only, or the whole stage.
    pub mode: RetryMode,
    /// Seconds after the failure.
    pub after: u64,
    /// How many times a stage of an execution is retried at most.
    pub max: u32,
}

impl Default for RetryPlan {
    fn default() -> Self {
        RetryPlan {
            mode: RetryMode::FailedActions,
            after: 60,
            max: 1,
        }
    }
}

/// What a retry re-runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum RetryMode {
    /// The failed actions (in-progress ones continue).
    #[default]
    FailedActions,
    /// The stage from its first action.
    AllActions,
}

impl RetryMode {
    /// `FAILED_ACTIONS` or `ALL_ACTIONS`.
    pub fn aws_name(self) -> &'static str {
        match self {
            RetryMode::FailedActions => "FAILED_ACTIONS",
            RetryMode::AllActions => "ALL_ACTIONS",
        }
    }
}

/// An execution stopped by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct StopSpec {
    /// The execution's id.
    pub execution: u32,
    /// When, in seconds.
    pub at: u64,
    /// Abandon in-flight actions (else let them finish).
    pub abandon: bool,
}

/// One stage as the engine runs it.
struct StagePlan {
    name: String,
    /// Action indexes per run-order group, groups ascending.
    groups: Vec<Vec<usize>>,
    actions: Vec<ActionPlan>,
    /// `onFailure` result: `RETRY` (with its mode) or `ROLLBACK`.
    on_failure: OnFailure,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OnFailure {
    Nothing,
    Retry(RetryMode),
    Rollback,
}

struct ActionPlan {
    name: String,
    approval: bool,
    timeout: u64,
    duration: (u32, u32),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    NotStarted,
    /// Waiting to enter a stage.
    Waiting(usize),
    /// Running a stage.
    Running(usize),
    /// Failed in a stage; a manual retry may follow.
    Failed(usize),
    Done,
}

struct Exec {
    id: u32,
    kind: ExecutionKind,
    rollback_of: Option<u32>,
    /// The stage a rollback execution re-runs (it ends after it).
    only_stage: Option<usize>,
    start: u64,
    phase: Phase,
    end: Option<u64>,
    outcome: Option<Outcome>,
    reason: Option<String>,
    /// The current stage run: its group, in-flight actions, failed actions, generation.
    group: usize,
    pending: Vec<usize>,
    failed: Vec<usize>,
    generation: u64,
    stopping: bool,
    /// Attempts per (stage) (1 = first run).
    attempts: BTreeMap<usize, u32>,
    /// Runs per (stage, action), to tell which attempt of an action fails.
    runs: BTreeMap<(usize, usize), u32>,
    auto_retries: BTreeMap<usize, u32>,
    manual_retries: BTreeMap<usize, u32>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    Start(u32),
    ActionDone {
        exec: u32,
        stage: usize,
        action: usize,
        generation: u64,
        ok: bool,
        /// 0: failed, 1: rejected, 2: timed out (for the note).
        why: u8,
    },
    Retry {
        exec: u32,
        stage: usize,
        mode: u8,
        automatic: bool,
    },
    Stop {
        exec: u32,
        abandon: bool,
    },
    EnableTransitions,
}

struct Engine<'a> {
    scenario: &'a Scenario,
    mode: ExecutionMode,
    stages: Vec<StagePlan>,
    execs: Vec<Exec>,
    queue: BinaryHeap<Reverse<(u64, u64, Ev)>>,
    seq: u64,
    lock: Vec<Option<u32>>,
    waiting: Vec<Vec<u32>>,
    last_entered: Vec<Option<u32>>,
    last_success: Vec<Option<u32>>,
    disabled: Vec<bool>,
    events: Vec<EventReport>,
    notes: Vec<String>,
    truncated: bool,
    now: u64,
}

/// A 64-bit mix (splitmix64), so that each action's duration depends only on the seed and
/// the action, not on the order events happen in.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Plays `scenario` on `pipeline` and reports the run.
pub fn simulate(pipeline: &Pipeline, scenario: &Scenario) -> PipelineReport<crate::source::Span> {
    let mut notes = Vec::new();
    let stages = plan(pipeline, &mut notes);
    let mut disabled: Vec<bool> = stages.iter().map(|_| false).collect();
    for t in &pipeline.disabled_transitions {
        if let Some(name) = t.stage.as_ref().and_then(Text::literal)
            && let Some(i) = stages.iter().position(|s| s.name == name)
            && let Some(d) = disabled.get_mut(i)
        {
            *d = i > 0;
        }
    }
    for name in &scenario.disabled_transitions {
        match stages.iter().position(|s| s.name == *name) {
            Some(0) => notes.push(format!(
                "`{name}` is the first stage: it has no inbound transition to disable"
            )),
            Some(i) => {
                if let Some(d) = disabled.get_mut(i) {
                    *d = true;
                }
            }
            None => notes.push(format!(
                "the scenario disables the transition into `{name}`, which is not a stage"
            )),
        }
    }
    let n = stages.len();
    let mut engine = Engine {
        scenario,
        mode: pipeline.mode(),
        stages,
        execs: Vec::new(),
        queue: BinaryHeap::new(),
        seq: 0,
        lock: vec![None; n],
        waiting: vec![Vec::new(); n],
        last_entered: vec![None; n],
        last_success: vec![None; n],
        disabled,
        events: Vec::new(),
        notes,
        truncated: false,
        now: 0,
    };
    engine.check_scenario();
    let mut starts: Vec<u64> = if scenario.starts.is_empty() {
        vec![0]
    } else {
        scenario.starts.iter().map(|s| (*s).min(MAX_TIME)).collect()
    };
    starts.sort_unstable();
    if starts.len() > MAX_EXECUTIONS {
        engine.notes.push(format!(
            "{} executions requested; only the first {MAX_EXECUTIONS} are simulated",
            starts.len()
        ));
        starts.truncate(MAX_EXECUTIONS);
    }
    for (i, at) in starts.iter().enumerate() {
        let id = u32::try_from(i + 1).unwrap_or(u32::MAX);
        engine
            .execs
            .push(Exec::new(id, ExecutionKind::Standard, *at));
        engine.push(*at, Ev::Start(id));
    }
    for stop in &scenario.stops {
        engine.push(
            stop.at.min(MAX_TIME),
            Ev::Stop {
                exec: stop.execution,
                abandon: stop.abandon,
            },
        );
    }
    if let Some(at) = scenario.enable_transitions_at {
        engine.push(at.min(MAX_TIME), Ev::EnableTransitions);
    }
    engine.run();
    engine.report(pipeline)
}

/// The engine's view of the pipeline's stages (bounded).
fn plan(p: &Pipeline, notes: &mut Vec<String>) -> Vec<StagePlan> {
    if p.stages.items.len() > MAX_STAGES {
        notes.push(format!("only the first {MAX_STAGES} stages are simulated"));
    }
    p.stages
        .items
        .iter()
        .take(MAX_STAGES)
        .map(|s| {
            let actions: Vec<_> = s.actions.items.iter().take(MAX_ACTIONS).collect();
            let mut orders: Vec<i64> = actions.iter().map(|a| group_order(a)).collect();
            orders.sort_unstable();
            orders.dedup();
            let groups = orders
                .iter()
                .map(|o| {
                    actions
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| group_order(a) == *o)
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect();
            let on_failure = match s.failure_result() {
                Some("RETRY") => Some(OnFailure::Retry(
                    match s
                        .on_failure
                        .as_ref()
                        .and_then(|c| c.retry_mode.as_ref())
                        .and_then(Text::literal)
                    {
                        Some("ALL_ACTIONS") => RetryMode::AllActions,
                        _ => RetryMode::FailedActions,
                    },
                )),
                Some("ROLLBACK") => Some(OnFailure::Rollback),
                _ => None,
            }
            .unwrap_or(OnFailure::Nothing);
            StagePlan {
                name: s.label(),
                groups,
                actions: actions
                    .iter()
                    .map(|a| ActionPlan {
                        name: a.label(),
                        approval: a.is_manual_approval(),
                        timeout: approval_timeout(a),
                        duration: duration_range(a),
                    })
                    .collect(),
                on_failure,
            }
        })
        .collect()
}

impl Exec {
    fn new(id: u32, kind: ExecutionKind, start: u64) -> Exec {
        Exec {
            id,
            kind,
            rollback_of: None,
            only_stage: None,
            start,
            phase: Phase::NotStarted,
            end: None,
            outcome: None,
            reason: None,
            group: 0,
            pending: Vec::new(),
            failed: Vec::new(),
            generation: 0,
            stopping: false,
            attempts: BTreeMap::new(),
            runs: BTreeMap::new(),
            auto_retries: BTreeMap::new(),
            manual_retries: BTreeMap::new(),
        }
    }
}

impl Engine<'_> {
    fn push(&mut self, t: u64, ev: Ev) {
        self.seq += 1;
        self.queue.push(Reverse((t, self.seq, ev)));
    }

    fn exec(&mut self, id: u32) -> Option<&mut Exec> {
        self.execs.iter_mut().find(|e| e.id == id)
    }

    fn exec_ref(&self, id: u32) -> Option<&Exec> {
        self.execs.iter().find(|e| e.id == id)
    }

    /// Notes what the scenario names that the pipeline does not have.
    fn check_scenario(&mut self) {
        let mut notes = Vec::new();
        let targets = self
            .scenario
            .failures
            .iter()
            .map(|f| (&f.stage, &f.action, "fail"))
            .chain(
                self.scenario
                    .approvals
                    .iter()
                    .map(|d| (&d.stage, &d.action, "decide on")),
            );
        for (stage, action, verb) in targets {
            match self.stages.iter().find(|s| s.name == *stage) {
                None => notes.push(format!("the scenario would {verb} `{stage}/{action}`, but there is no stage `{stage}`")),
                Some(s) => match s.actions.iter().find(|a| a.name == *action) {
                    None => notes.push(format!("the scenario would {verb} `{stage}/{action}`, but stage `{stage}` has no action `{action}`")),
                    Some(a) if verb == "decide on" && !a.approval => notes.push(format!("`{stage}/{action}` is not a manual approval: the decision is ignored")),
                    Some(_) => {}
                },
            }
        }
        self.notes.extend(notes);
    }

    fn emit(
        &mut self,
        exec: u32,
        stage: usize,
        action: Option<usize>,
        status: Status,
        note: Option<String>,
    ) {
        if self.events.len() >= MAX_EVENTS {
            self.truncated = true;
            return;
        }
        let (stage_name, action_name) = match self.stages.get(stage) {
            Some(s) => (
                s.name.clone(),
                action
                    .and_then(|a| s.actions.get(a))
                    .map(|a| a.name.clone()),
            ),
            None => (String::new(), None),
        };
        let attempt = self
            .exec_ref(exec)
            .and_then(|e| e.attempts.get(&stage).copied())
            .unwrap_or(1);
        self.events.push(EventReport {
            t: self.now,
            execution: exec,
            stage: stage_name,
            stage_index: stage,
            action: action_name,
            action_index: action,
            status,
            attempt,
            note,
        });
    }

    fn run(&mut self) {
        while let Some(Reverse((t, _, ev))) = self.queue.pop() {
            if self.truncated {
                break;
            }
            self.now = t;
            match ev {
                Ev::Start(id) => {
                    if self.stages.is_empty() {
                        self.finish(
                            id,
                            Outcome::Succeeded,
                            Some("the pipeline has no stage".into()),
                        );
                    } else {
                        self.arrive(id, 0);
                    }
                }
                Ev::ActionDone {
                    exec,
                    stage,
                    action,
                    generation,
                    ok,
                    why,
                } => self.action_done(exec, stage, action, generation, ok, why),
                Ev::Retry {
                    exec,
                    stage,
                    mode,
                    automatic,
                } => {
                    let mode = if mode == 1 {
                        RetryMode::AllActions
                    } else {
                        RetryMode::FailedActions
                    };
                    self.retry(exec, stage, mode, automatic);
                }
                Ev::Stop { exec, abandon } => self.stop(exec, abandon),
                Ev::EnableTransitions => self.enable_transitions(),
            }
        }
        if self.truncated {
            self.notes.push(format!(
                "the run reached the simulation's bound of {MAX_EVENTS} events; executions still going are marked Cancelled"
            ));
        }
        // What is still going when nothing more happens.
        let now = self.now;
        for e in &mut self.execs {
            if e.outcome.is_some() {
                continue;
            }
            let (outcome, reason) = match e.phase {
                _ if self.truncated => (
                    Outcome::Cancelled,
                    "the simulation's bounds were reached".to_string(),
                ),
                Phase::Waiting(s) => (
                    Outcome::InProgress,
                    format!(
                        "waiting at the disabled transition into stage `{}`",
                        self.stages.get(s).map_or("?", |p| p.name.as_str())
                    ),
                ),
                Phase::Failed(s) => (
                    Outcome::Failed,
                    format!(
                        "stage `{}` failed",
                        self.stages.get(s).map_or("?", |p| p.name.as_str())
                    ),
                ),
                _ => (
                    Outcome::Cancelled,
                    "the run ended before it did".to_string(),
                ),
            };
            e.outcome = Some(outcome);
            e.reason = Some(reason);
            if outcome != Outcome::InProgress {
                e.end = Some(now);
            }
        }
    }

    /// An execution reaches the boundary of `stage`.
    fn arrive(&mut self, id: u32, stage: usize) {
        let only = self.exec_ref(id).and_then(|e| e.only_stage);
        if stage >= self.stages.len() || only.is_some_and(|o| stage > o) {
            self.finish(id, Outcome::Succeeded, None);
            return;
        }
        let locks = self.mode.locks_stages();
        let busy = locks
            && self
                .lock
                .get(stage)
                .copied()
                .flatten()
                .is_some_and(|h| h != id);
        let disabled = self.disabled.get(stage).copied().unwrap_or(false);
        if !(busy || disabled) {
            self.enter(id, stage);
            return;
        }
        if let Some(e) = self.exec(id) {
            e.phase = Phase::Waiting(stage);
        }
        let note = if disabled {
            "the inbound transition is disabled".to_string()
        } else {
            let holder = self.lock.get(stage).copied().flatten().unwrap_or(0);
            format!("waiting for execution {holder} to leave the stage")
        };
        self.emit(id, stage, None, Status::Waiting, Some(note));
        if let Some(list) = self.waiting.get_mut(stage) {
            list.push(id);
        }
        if self.mode == ExecutionMode::Superseded {
            self.supersede_waiting(stage);
        }
    }

    /// SUPERSEDED: only the newest execution waiting at a stage stays; the others end.
    fn supersede_waiting(&mut self, stage: usize) {
        let Some(list) = self.waiting.get(stage) else {
            return;
        };
        let Some(newest) = list.iter().copied().max() else {
            return;
        };
        let older: Vec<u32> = list.iter().copied().filter(|i| *i != newest).collect();
        if let Some(list) = self.waiting.get_mut(stage) {
            list.retain(|i| *i == newest);
        }
        for old in older {
            self.emit(
                old,
                stage,
                None,
                Status::Superseded,
                Some(format!(
                    "execution {newest} replaced it at the stage boundary"
                )),
            );
            self.finish(
                old,
                Outcome::Superseded,
                Some(format!(
                    "superseded by execution {newest} before stage `{}`",
                    self.stage_name(stage)
                )),
            );
        }
    }

    fn stage_name(&self, stage: usize) -> String {
        self.stages
            .get(stage)
            .map_or_else(String::new, |s| s.name.clone())
    }

    fn enter(&mut self, id: u32, stage: usize) {
        if self.mode.locks_stages()
            && let Some(l) = self.lock.get_mut(stage)
        {
            *l = Some(id);
        }
        if let Some(l) = self.last_entered.get_mut(stage) {
            *l = Some(id);
        }
        let Some(e) = self.exec(id) else { return };
        e.phase = Phase::Running(stage);
        e.group = 0;
        e.failed.clear();
        e.attempts.entry(stage).or_insert(1);
        let note = (e.kind == ExecutionKind::Rollback).then(|| {
            format!(
                "rollback to execution {}",
                e.rollback_of.map_or_else(String::new, |r| r.to_string())
            )
        });
        self.emit(id, stage, None, Status::InProgress, note);
        self.start_group(id, stage, None);
    }

    /// Starts the current group of `stage` (only the actions of `only`, for a retry of failed
    /// actions).
    fn start_group(&mut self, id: u32, stage: usize, only: Option<Vec<usize>>) {
        let Some(plan) = self.stages.get(stage) else {
            return;
        };
        let Some(e) = self.exec_ref(id) else { return };
        if e.stopping {
            self.stopped(id, stage);
            return;
        }
        let Some(group) = plan.groups.get(e.group) else {
            self.stage_succeeded(id, stage);
            return;
        };
        let actions: Vec<usize> = match only {
            Some(list) => list,
            None => group.clone(),
        };
        if actions.is_empty() {
            self.group_done(id, stage);
            return;
        }
        let generation = e.generation;
        let kind = e.kind;
        let mut scheduled = Vec::new();
        for a in actions {
            let Some((approval, timeout, range, name)) = self
                .stages
                .get(stage)
                .and_then(|s| s.actions.get(a))
                .map(|x| (x.approval, x.timeout, x.duration, x.name.clone()))
            else {
                continue;
            };
            let run = {
                let Some(e) = self.exec(id) else { return };
                let r = e.runs.entry((stage, a)).or_insert(0);
                *r += 1;
                *r
            };
            let stage_name = self.stage_name(stage);
            if approval {
                let (verdict, after) = self.decision(id, &stage_name, &name);
                // `why`: 0 approved, 1 rejected, 2 timed out (the note of the final event).
                let (at, ok, why) = match verdict {
                    Verdict::Approve if after < timeout => (after, true, 0),
                    Verdict::Reject if after < timeout => (after, false, 1),
                    _ => (timeout, false, 2),
                };
                self.emit(
                    id,
                    stage,
                    Some(a),
                    Status::Waiting,
                    Some("waiting for approval".to_string()),
                );
                scheduled.push(a);
                let t = self.now.saturating_add(at);
                self.push(
                    t,
                    Ev::ActionDone {
                        exec: id,
                        stage,
                        action: a,
                        generation,
                        ok,
                        why,
                    },
                );
            } else {
                let ok = !self.fails(id, kind, &stage_name, &name, run);
                let seconds = self.duration(id, stage, a, run, range);
                self.emit(id, stage, Some(a), Status::InProgress, None);
                scheduled.push(a);
                let t = self.now.saturating_add(seconds);
                self.push(
                    t,
                    Ev::ActionDone {
                        exec: id,
                        stage,
                        action: a,
                        generation,
                        ok,
                        why: 0,
                    },
                );
            }
        }
        if let Some(e) = self.exec(id) {
            e.pending = scheduled;
        }
    }

    /// The decision on an approval: the scenario's, else approve after `approve_after`.
    fn decision(&self, id: u32, stage: &str, action: &str) -> (Verdict, u64) {
        let found = self.scenario.approvals.iter().find(|d| {
            d.stage == stage && d.action == action && d.execution.is_none_or(|x| x == id)
        });
        match found {
            Some(d) => (
                d.verdict,
                d.after
                    .or(self.scenario.approve_after)
                    .unwrap_or(60)
                    .min(MAX_TIME),
            ),
            None => match self.scenario.approve_after {
                Some(after) => (Verdict::Approve, after.min(MAX_TIME)),
                None => (Verdict::Timeout, 0),
            },
        }
    }

    /// Whether run number `run` of an action fails.
    fn fails(&self, id: u32, kind: ExecutionKind, stage: &str, action: &str, run: u32) -> bool {
        self.scenario.failures.iter().any(|f| {
            let execution_ok = match f.execution {
                Some(x) => x == id,
                // A rollback redeploys what worked; failures that name no execution do not
                // apply to it.
                None => kind == ExecutionKind::Standard,
            };
            f.stage == stage && f.action == action && execution_ok && (f.always || run == 1)
        })
    }

    /// A plausible duration for run `run` of an action, from the seed.
    fn duration(&self, id: u32, stage: usize, action: usize, run: u32, range: (u32, u32)) -> u64 {
        let (lo, hi) = range;
        let span = u64::from(hi.saturating_sub(lo)) + 1;
        let key = mix(self.scenario.seed)
            ^ mix(u64::from(id) << 32 | u64::from(run))
            ^ mix((stage as u64) << 32 | action as u64);
        u64::from(lo) + mix(key) % span
    }

    fn action_done(
        &mut self,
        id: u32,
        stage: usize,
        action: usize,
        generation: u64,
        ok: bool,
        why: u8,
    ) {
        let Some(e) = self.exec_ref(id) else { return };
        if e.generation != generation
            || e.phase != Phase::Running(stage)
            || !e.pending.contains(&action)
        {
            return;
        }
        let note = match (ok, why) {
            (true, _) => self
                .stages
                .get(stage)
                .and_then(|s| s.actions.get(action))
                .filter(|a| a.approval)
                .map(|_| "approved".to_string()),
            (false, 1) => Some("rejected".to_string()),
            (false, 2) => {
                let timeout = self
                    .stages
                    .get(stage)
                    .and_then(|s| s.actions.get(action))
                    .map_or(providers::APPROVAL_TIMEOUT, |a| a.timeout);
                Some(format!("timed out after {}", human_duration(timeout)))
            }
            (false, _) => Some("the action failed".to_string()),
        };
        self.emit(
            id,
            stage,
            Some(action),
            if ok {
                Status::Succeeded
            } else {
                Status::Failed
            },
            note,
        );
        let Some(e) = self.exec(id) else { return };
        e.pending.retain(|a| *a != action);
        if !ok {
            e.failed.push(action);
        }
        if e.pending.is_empty() {
            self.group_done(id, stage);
        }
    }

    fn group_done(&mut self, id: u32, stage: usize) {
        let Some(e) = self.exec(id) else { return };
        if e.stopping {
            self.stopped(id, stage);
            return;
        }
        if !e.failed.is_empty() {
            self.stage_failed(id, stage);
            return;
        }
        e.group += 1;
        self.start_group(id, stage, None);
    }

    fn stage_succeeded(&mut self, id: u32, stage: usize) {
        self.emit(id, stage, None, Status::Succeeded, None);
        if let Some(s) = self.last_success.get_mut(stage) {
            *s = Some(id);
        }
        self.release(stage);
        self.arrive(id, stage + 1);
    }

    /// Frees `stage` and lets the next waiting execution in.
    fn release(&mut self, stage: usize) {
        if let Some(l) = self.lock.get_mut(stage) {
            *l = None;
        }
        self.admit(stage);
    }

    fn admit(&mut self, stage: usize) {
        if self.disabled.get(stage).copied().unwrap_or(false) {
            return;
        }
        loop {
            if self.mode.locks_stages() && self.lock.get(stage).copied().flatten().is_some() {
                return;
            }
            let next = match self.waiting.get_mut(stage) {
                Some(list) if !list.is_empty() => {
                    if self.mode == ExecutionMode::Superseded {
                        let newest = list.iter().copied().max();
                        list.clear();
                        newest
                    } else {
                        Some(list.remove(0))
                    }
                }
                _ => None,
            };
            let Some(id) = next else { return };
            if self.exec_ref(id).is_some_and(|e| e.outcome.is_some()) {
                continue;
            }
            self.enter(id, stage);
            if self.mode.locks_stages() {
                return;
            }
        }
    }

    fn stage_failed(&mut self, id: u32, stage: usize) {
        let failed_names: Vec<String> = {
            let Some(e) = self.exec_ref(id) else { return };
            e.failed
                .iter()
                .filter_map(|a| self.stages.get(stage).and_then(|s| s.actions.get(*a)))
                .map(|a| format!("`{}`", a.name))
                .collect()
        };
        self.emit(
            id,
            stage,
            None,
            Status::Failed,
            Some(format!("{} failed", failed_names.join(", "))),
        );
        let on_failure = self
            .stages
            .get(stage)
            .map_or(OnFailure::Nothing, |s| s.on_failure);
        let kind = self.exec_ref(id).map(|e| e.kind);
        // Automatic retry: once per stage failure, keeping the stage.
        if let OnFailure::Retry(mode) = on_failure
            && kind == Some(ExecutionKind::Standard)
        {
            let done = self
                .exec_ref(id)
                .and_then(|e| e.auto_retries.get(&stage).copied())
                .unwrap_or(0);
            if done < 1 {
                if let Some(e) = self.exec(id) {
                    e.auto_retries.insert(stage, done + 1);
                    e.phase = Phase::Failed(stage);
                }
                let t = self.now.saturating_add(1);
                self.push(
                    t,
                    Ev::Retry {
                        exec: id,
                        stage,
                        mode: u8::from(mode == RetryMode::AllActions),
                        automatic: true,
                    },
                );
                return;
            }
        }
        // A retry by hand, after the stage is released.
        if let Some(plan) = self.scenario.retry
            && kind == Some(ExecutionKind::Standard)
        {
            let done = self
                .exec_ref(id)
                .and_then(|e| e.manual_retries.get(&stage).copied())
                .unwrap_or(0);
            if done < plan.max.min(MAX_RETRIES) {
                if let Some(e) = self.exec(id) {
                    e.manual_retries.insert(stage, done + 1);
                    e.phase = Phase::Failed(stage);
                }
                self.release(stage);
                let t = self.now.saturating_add(plan.after.min(MAX_TIME));
                self.push(
                    t,
                    Ev::Retry {
                        exec: id,
                        stage,
                        mode: u8::from(plan.mode == RetryMode::AllActions),
                        automatic: false,
                    },
                );
                return;
            }
        }
        let stage_name = self.stage_name(stage);
        self.finish(
            id,
            Outcome::Failed,
            Some(format!(
                "stage `{stage_name}` failed: {}",
                failed_names.join(", ")
            )),
        );
        self.release(stage);
        if on_failure == OnFailure::Rollback && kind == Some(ExecutionKind::Standard) {
            self.rollback(id, stage);
        }
    }

    /// Starts a rollback execution of `stage` to the last execution that succeeded in it.
    fn rollback(&mut self, failed: u32, stage: usize) {
        let name = self.stage_name(stage);
        if self.mode == ExecutionMode::Parallel {
            self.notes.push(format!(
                "stage `{name}` asks for a rollback, which PARALLEL mode does not do"
            ));
            return;
        }
        if stage == 0 {
            self.notes
                .push("the source stage cannot be rolled back".to_string());
            return;
        }
        let Some(target) = self
            .last_success
            .get(stage)
            .copied()
            .flatten()
            .filter(|t| *t != failed)
        else {
            self.notes.push(format!(
                "execution {failed} failed in stage `{name}`, which asks for a rollback, but no earlier execution succeeded there"
            ));
            return;
        };
        let id = u32::try_from(self.execs.len() + 1).unwrap_or(u32::MAX);
        let mut e = Exec::new(id, ExecutionKind::Rollback, self.now);
        e.rollback_of = Some(target);
        e.only_stage = Some(stage);
        self.execs.push(e);
        self.arrive(id, stage);
    }

    fn retry(&mut self, id: u32, stage: usize, mode: RetryMode, automatic: bool) {
        let Some(e) = self.exec_ref(id) else { return };
        if e.phase != Phase::Failed(stage) || e.outcome.is_some() {
            return;
        }
        if !automatic {
            let newer = self
                .last_entered
                .get(stage)
                .copied()
                .flatten()
                .filter(|x| *x != id);
            let held = self.lock.get(stage).copied().flatten().filter(|x| *x != id);
            if let Some(other) = newer.or(held) {
                let name = self.stage_name(stage);
                self.notes.push(format!(
                    "execution {id} cannot be retried in stage `{name}`: execution {other} entered the stage since"
                ));
                self.finish(
                    id,
                    Outcome::Failed,
                    Some(format!(
                        "stage `{name}` failed; execution {other} entered it before the retry"
                    )),
                );
                return;
            }
            if self.mode.locks_stages()
                && let Some(l) = self.lock.get_mut(stage)
            {
                *l = Some(id);
            }
        }
        let Some(e) = self.exec(id) else { return };
        e.phase = Phase::Running(stage);
        e.generation += 1;
        let attempt = e.attempts.entry(stage).or_insert(1);
        *attempt += 1;
        let failed = std::mem::take(&mut e.failed);
        let only = match mode {
            RetryMode::FailedActions => Some(failed),
            RetryMode::AllActions => {
                e.group = 0;
                None
            }
        };
        let how = if automatic {
            "automatic retry"
        } else {
            "retry"
        };
        self.emit(
            id,
            stage,
            None,
            Status::InProgress,
            Some(format!("{how} ({})", mode.aws_name())),
        );
        self.start_group(id, stage, only);
    }

    fn stop(&mut self, id: u32, abandon: bool) {
        let Some(e) = self.exec_ref(id) else {
            self.notes.push(format!(
                "the scenario stops execution {id}, which does not exist"
            ));
            return;
        };
        if e.outcome.is_some() {
            return;
        }
        match e.phase {
            Phase::Waiting(stage) => {
                if let Some(list) = self.waiting.get_mut(stage) {
                    list.retain(|x| *x != id);
                }
                self.emit(
                    id,
                    stage,
                    None,
                    Status::Stopped,
                    Some("stopped while waiting".into()),
                );
                self.finish(id, Outcome::Stopped, Some("stopped by hand".into()));
            }
            Phase::Failed(stage) => {
                self.emit(id, stage, None, Status::Stopped, None);
                self.finish(
                    id,
                    Outcome::Stopped,
                    Some("stopped by hand after a failure".into()),
                );
            }
            Phase::Running(stage) if abandon => {
                let pending = e.pending.clone();
                for a in pending {
                    self.emit(id, stage, Some(a), Status::Abandoned, None);
                }
                if let Some(e) = self.exec(id) {
                    e.pending.clear();
                    e.generation += 1;
                }
                self.stopped(id, stage);
            }
            Phase::Running(_) => {
                if let Some(e) = self.exec(id) {
                    e.stopping = true;
                }
            }
            Phase::NotStarted | Phase::Done => {}
        }
    }

    fn stopped(&mut self, id: u32, stage: usize) {
        self.emit(id, stage, None, Status::Stopped, None);
        self.finish(id, Outcome::Stopped, Some("stopped by hand".into()));
        self.release(stage);
    }

    fn enable_transitions(&mut self) {
        for d in &mut self.disabled {
            *d = false;
        }
        for stage in 0..self.stages.len() {
            self.admit(stage);
        }
    }

    fn finish(&mut self, id: u32, outcome: Outcome, reason: Option<String>) {
        let now = self.now;
        if let Some(e) = self.exec(id) {
            if e.outcome.is_some() {
                return;
            }
            e.outcome = Some(outcome);
            e.reason = reason;
            e.end = Some(now);
            e.phase = Phase::Done;
            e.pending.clear();
        }
    }

    fn report(self, pipeline: &Pipeline) -> PipelineReport<crate::source::Span> {
        let disabled: Vec<String> = self.scenario.disabled_transitions.clone();
        let view = view(pipeline, &disabled);
        let first = self.execs.iter().map(|e| e.start).min().unwrap_or(0);
        let duration = self
            .events
            .last()
            .map_or(0, |e| e.t)
            .max(self.execs.iter().filter_map(|e| e.end).max().unwrap_or(0))
            .saturating_sub(first);
        let mut tracks: BTreeMap<(u32, usize, usize), Vec<Segment>> = BTreeMap::new();
        for ev in &self.events {
            let Some(a) = ev.action_index else { continue };
            let segments = tracks.entry((ev.execution, ev.stage_index, a)).or_default();
            if let Some(last) = segments.last_mut() {
                last.to = Some(ev.t);
            }
            segments.push(Segment {
                from: ev.t,
                to: None,
                status: ev.status,
            });
        }
        let executions = self
            .execs
            .iter()
            .map(|e| ExecutionReport {
                id: e.id,
                kind: e.kind,
                rollback_of: e.rollback_of,
                start: e.start,
                end: e.end,
                outcome: e.outcome.unwrap_or(Outcome::Cancelled),
                reason: e.reason.clone(),
                events: self
                    .events
                    .iter()
                    .filter(|ev| ev.execution == e.id)
                    .cloned()
                    .collect(),
            })
            .collect();
        let mut notes = self.notes;
        if pipeline
            .stages
            .items
            .iter()
            .any(|s| s.before_entry.is_some() || s.on_success.is_some())
        {
            notes.push(
                "stage conditions (`beforeEntry`, `onSuccess`) are assumed to pass".to_string(),
            );
        }
        if pipeline.uses_template_values() {
            notes.push("the template includes stages under conditions: the run shows every conditional stage".to_string());
        }
        let pipeline_type = match pipeline.pipeline_type.as_ref().and_then(Text::literal) {
            Some(t) => t.to_string(),
            None if pipeline.mode() != ExecutionMode::Superseded
                || pipeline.variables.is_some()
                || pipeline.triggers.is_some() =>
            {
                "V2".to_string()
            }
            None => "V1".to_string(),
        };
        PipelineReport {
            pipeline: pipeline.label(),
            mode: self.mode,
            pipeline_type,
            view,
            executions,
            events: self.events,
            tracks: tracks
                .into_iter()
                .map(|((execution, stage, action), segments)| Track {
                    execution,
                    action: ActionKey { stage, action },
                    segments,
                })
                .collect(),
            duration,
            notes,
        }
    }
}

/// "7 days", "90 min", "45 s".
pub fn human_duration(seconds: u64) -> String {
    if seconds >= 86_400 && seconds.is_multiple_of(86_400) {
        let d = seconds / 86_400;
        format!("{d} day{}", if d == 1 { "" } else { "s" })
    } else if seconds >= 3_600 && seconds.is_multiple_of(3_600) {
        format!("{} h", seconds / 3_600)
    } else if seconds >= 60 && seconds.is_multiple_of(60) {
        format!("{} min", seconds / 60)
    } else {
        format!("{seconds} s")
    }
}
