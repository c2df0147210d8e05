//! What a simulated deployment reports, on one time axis in seconds from the start, with
//! everything a front end draws without computing anything: the traffic split and fleet counts at
//! every change ([`TimelinePoint`]), the log ([`Event`]), each instance, task set or alias
//! version with its state changes ([`Target`]), the traffic steps ([`TrafficStep`]), each alarm's
//! datapoints and transitions ([`AlarmReport`]), the rollback and the blast radius. The CLI prints
//! it as `cicd simulate deployment --format json` (a documented contract) and the playground
//! animates it.

use std::borrow::Cow;

use super::scenario::{AlarmDefinition, DeploymentType};
use crate::appspec::Platform;
use crate::deployment::config::Config;

/// How the deployment ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Outcome {
    /// Every target got the new revision (enough of them, for EC2/on-premises).
    Succeeded,
    /// The deployment failed and nothing rolled it back.
    Failed,
    /// An alarm or a person stopped it (or a blue/green wait ran out), and nothing rolled it back.
    Stopped,
    /// It failed or was stopped, and an automatic rollback ran (see [`RollbackReport`]).
    RolledBack,
}

impl Outcome {
    /// `Succeeded`, `Failed`, `Stopped` or `RolledBack`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Succeeded => "Succeeded",
            Outcome::Failed => "Failed",
            Outcome::Stopped => "Stopped",
            Outcome::RolledBack => "RolledBack",
        }
    }
}

/// The state of an alarm (CloudWatch's `StateValue`), or the combined state of the group's
/// alarms (any `ALARM` wins, then any `OK`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum AlarmState {
    /// Not enough data yet (also: no alarm watched).
    #[default]
    InsufficientData,
    /// Within the threshold.
    Ok,
    /// Breaching.
    Alarm,
}

impl AlarmState {
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    pub fn as_str(self) -> &'static str {
        match self {
            AlarmState::InsufficientData => "INSUFFICIENT_DATA",
            AlarmState::Ok => "OK",
            AlarmState::Alarm => "ALARM",
        }
    }
}

/// The state of the deployment at and after `t`, until the next point.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimelinePoint {
    /// Seconds from the start of the deployment.
    pub t: u32,
    /// The share of production traffic served by the new revision (in place: the share of the
    /// in-service instances running it), 0–100.
    pub green_percent: f64,
    /// EC2/on-premises: instances in service and healthy (`null` for ECS and Lambda).
    pub healthy: Option<u32>,
    /// EC2/on-premises: instances taken out of service by the deployment (`null` for ECS and
    /// Lambda).
    pub offline: Option<u32>,
    /// The combined state of the watched alarms.
    pub alarm: AlarmState,
}

/// What an event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum What {
    /// The deployment as a whole.
    Deployment,
    /// One instance's deployment.
    Instance,
    /// A lifecycle event (ECS and Lambda hooks, CodeDeploy's own steps).
    LifecycleEvent,
    /// Production traffic moved.
    Traffic,
    /// An alarm changed state.
    Alarm,
    /// The deployment waits (ready option, termination).
    Wait,
    /// A fleet, task set or alias version was created, registered or removed.
    Fleet,
    /// The automatic rollback as a whole.
    Rollback,
}

/// A status in an event: CodeDeploy's deployment, instance and lifecycle-event statuses (C7),
/// and alarm states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EventStatus {
    /// Started.
    InProgress,
    /// Finished well.
    Succeeded,
    /// Failed.
    Failed,
    /// Stopped by an alarm, a person or a wait.
    Stopped,
    /// Never run.
    Skipped,
    /// Ready for traffic (blue/green).
    Ready,
    /// Waiting.
    Waiting,
    /// An alarm went to `OK`.
    #[cfg_attr(feature = "serde", serde(rename = "OK"))]
    AlarmOk,
    /// An alarm went to `ALARM`.
    #[cfg_attr(feature = "serde", serde(rename = "ALARM"))]
    AlarmAlarm,
    /// An alarm went to `INSUFFICIENT_DATA`.
    #[cfg_attr(feature = "serde", serde(rename = "INSUFFICIENT_DATA"))]
    AlarmInsufficientData,
}

/// One entry of the deployment's log.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Event {
    /// Seconds from the start.
    pub t: u32,
    /// What it is about.
    pub what: What,
    /// The instance (1-based, in deployment order), when about one.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub instance: Option<u32>,
    /// The lifecycle event, when about one.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub event: Option<Cow<'static, str>>,
    /// Its status.
    pub status: EventStatus,
    /// What happened, in one sentence.
    pub message: Cow<'static, str>,
    /// Whether it belongs to the rollback deployment.
    pub rollback: bool,
}

/// What a target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum TargetKind {
    /// An instance of an in-place deployment.
    Instance,
    /// Blue/green: an instance of the original fleet.
    OriginalInstance,
    /// Blue/green: an instance of the replacement fleet.
    ReplacementInstance,
    /// ECS: the original task set.
    OriginalTaskSet,
    /// ECS: the replacement task set.
    ReplacementTaskSet,
    /// Lambda: the alias's current version.
    CurrentVersion,
    /// Lambda: the version being deployed.
    TargetVersion,
}

/// A target's state, for drawing a fleet cell (`data-state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum TargetState {
    /// Not touched yet.
    Pending,
    /// Being deployed (in place: out of service).
    InProgress,
    /// Installed and waiting for traffic (blue/green replacement).
    Ready,
    /// Deployed and serving.
    Succeeded,
    /// The deployment to it failed: unhealthy, out of service.
    Failed,
    /// Never deployed: the deployment ended first.
    Skipped,
    /// Interrupted mid-deployment: its revision is unknown.
    Unknown,
    /// Deregistered, kept running (blue/green `KEEP_ALIVE`).
    Deregistered,
    /// Terminated or removed.
    Terminated,
}

/// Which revision a target runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Revision {
    /// The revision before the deployment (blue).
    Old,
    /// The revision being deployed (green).
    New,
    /// Neither (interrupted, or a replacement not installed yet).
    None,
}

/// A target's state from `t` on.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TargetChange {
    /// Seconds from the start.
    pub t: u32,
    /// Its state.
    pub state: TargetState,
    /// The revision it runs.
    pub revision: Revision,
    /// Whether it serves production traffic.
    pub serving: bool,
    /// ECS task sets and Lambda versions: the percent of production traffic it receives.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub weight: Option<f64>,
}

/// An instance, task set or alias version and its state over time.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Target {
    /// 1-based, unique in the report.
    pub id: u32,
    /// What it is.
    pub kind: TargetKind,
    /// Its number within its fleet (instances: 1..N in the order the deployment takes them;
    /// `instance` in events); 1 for a task set or version.
    pub number: u32,
    /// For task sets and versions: "version 2"; `null` for instances (kind and number say it).
    pub label: Option<String>,
    /// EC2/on-premises: the instance's lifecycle runs this much longer than nominal (1.0 =
    /// [`DeploymentReport::lifecycle`] as written); a front end places the current lifecycle event
    /// with it.
    pub duration_scale: f64,
    /// Its states, in time order; the first is at `t` 0.
    pub changes: Vec<TargetChange>,
}

impl Target {
    /// The target's state at `t` (the last change at or before it).
    pub fn at(&self, t: u32) -> Option<&TargetChange> {
        let i = self.changes.partition_point(|c| c.t <= t);
        i.checked_sub(1).and_then(|i| self.changes.get(i))
    }
}

/// One lifecycle event of an instance's deployment, at its nominal offset.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LifecycleStep {
    /// The event.
    pub event: Cow<'static, str>,
    /// Seconds from the start of the instance's deployment.
    pub offset: u32,
    /// Nominal seconds.
    pub duration: u32,
}

/// Production traffic after a shift.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TrafficStep {
    /// Seconds from the start.
    pub t: u32,
    /// Percent on the new revision after the step.
    pub green_percent: f64,
    /// Whether the rollback made it.
    pub rollback: bool,
}

/// One evaluated period of an alarm.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AlarmPoint {
    /// The end of the period, in seconds from the start (when the datapoint is evaluated).
    pub t: u32,
    /// The metric over the period (`null`: no data, no request reached the new revision).
    pub value: Option<f64>,
    /// Whether the datapoint breaches the threshold (`null` without data).
    pub breaching: Option<bool>,
    /// The alarm's state after this evaluation.
    pub state: AlarmState,
}

/// An alarm's change of state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AlarmTransition {
    /// Seconds from the start.
    pub t: u32,
    /// The state before.
    pub from: AlarmState,
    /// The state after.
    pub to: AlarmState,
}

/// An alarm of the deployment group, simulated.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AlarmReport {
    /// Its definition (the scenario's, or the default).
    pub definition: AlarmDefinition,
    /// Whether the definition is the default one (the scenario did not define this alarm).
    pub defaulted: bool,
    /// Whether CodeDeploy watches it (the group's alarm configuration is enabled).
    pub watched: bool,
    /// Every evaluated period.
    pub points: Vec<AlarmPoint>,
    /// Its changes of state.
    pub transitions: Vec<AlarmTransition>,
}

/// Why the deployment ended early.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum StopCause {
    /// It failed (a lifecycle event, a hook function, minimum healthy hosts, a time limit).
    Failure,
    /// An alarm went to `ALARM`.
    Alarm,
    /// Someone stopped it.
    Manual,
    /// Blue/green `STOP_DEPLOYMENT`: nobody continued it before the wait ran out.
    ReadyTimeout,
}

impl StopCause {
    /// The rollback event that matches it (`None`: a ready timeout rolls nothing back).
    pub fn rollback_event(self) -> Option<crate::deployment::group::RollbackEvent> {
        use crate::deployment::group::RollbackEvent;
        match self {
            StopCause::Failure => Some(RollbackEvent::DeploymentFailure),
            StopCause::Alarm => Some(RollbackEvent::DeploymentStopOnAlarm),
            StopCause::Manual => Some(RollbackEvent::DeploymentStopOnRequest),
            StopCause::ReadyTimeout => None,
        }
    }
}

/// Where and why the deployment ended early.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StopReport {
    /// Seconds from the start.
    pub t: u32,
    /// Why.
    pub cause: StopCause,
    /// What happened.
    pub message: String,
    /// The alarm that fired, when an alarm stopped it.
    pub alarm: Option<String>,
}

/// The automatic rollback: a new deployment of the last good revision.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RollbackReport {
    /// The rollback deployment's own outcome (`Succeeded` or `Failed`).
    pub outcome: Outcome,
    /// The event that triggered it.
    pub trigger: crate::deployment::group::RollbackEvent,
    /// When it started.
    pub start: u32,
    /// When it ended.
    pub end: u32,
    /// Its timeline (the points of [`DeploymentReport::timeline`] from its start).
    pub timeline: Vec<TimelinePoint>,
    /// What it did, in a sentence.
    pub message: String,
}

/// How much of the traffic and fleet saw the new revision, and for how long.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BlastRadius {
    /// Requests served by the new revision.
    pub requests_new: u64,
    /// Of those, the ones that failed.
    pub failed_requests_new: u64,
    /// Requests no instance could serve (in place, every instance out of service at once).
    pub requests_unserved: u64,
    /// The largest share of production traffic the new revision served, in percent.
    pub max_green_percent: f64,
    /// EC2/on-premises: the most instances that ran the new revision at once.
    pub instances_new: Option<u32>,
    /// Seconds during which the new revision served traffic.
    pub exposure_seconds: u32,
    /// When it first served traffic.
    pub first_exposure: Option<u32>,
    /// When it last stopped serving traffic after a rollback or stop (`null`: it still serves).
    pub recovered_at: Option<u32>,
}

/// The configuration as the simulator ran it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ConfigReport {
    /// The configuration.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub config: Config,
    /// For people: "minimum healthy hosts FLEET_PERCENT 50".
    pub summary: String,
    /// EC2/on-premises: the minimum healthy instances for this fleet (C3 step 1).
    pub minimum_healthy: Option<u32>,
    /// EC2/on-premises: the most instances deployed at once.
    pub concurrency: Option<u32>,
}

/// What the group contributes, as the simulator read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GroupReport {
    /// The watched alarms.
    pub alarms: Vec<String>,
    /// The events that trigger an automatic rollback (empty when rollback is off).
    pub rollback_events: Vec<crate::deployment::group::RollbackEvent>,
    /// EC2/on-premises: whether instances are behind a load balancer.
    pub load_balancer: bool,
    /// ECS: whether a test listener receives test traffic.
    pub test_listener: bool,
}

/// A simulated deployment.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeploymentReport {
    /// How it ended.
    pub outcome: Outcome,
    /// The compute platform.
    pub platform: Platform,
    /// In place or blue/green.
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub deployment_type: DeploymentType,
    /// The configuration it ran.
    pub config: ConfigReport,
    /// What the group set.
    pub group: GroupReport,
    /// EC2/on-premises: the number of instances.
    pub instances: Option<u32>,
    /// The seed used.
    pub seed: u64,
    /// When everything (rollback included) was over, in seconds.
    pub duration: u32,
    /// The state at every change, in time order.
    pub timeline: Vec<TimelinePoint>,
    /// The log, in time order.
    pub events: Vec<Event>,
    /// Production traffic steps (ECS, Lambda and EC2 blue/green; in place: empty).
    pub traffic: Vec<TrafficStep>,
    /// Instances, task sets or alias versions.
    pub targets: Vec<Target>,
    /// EC2/on-premises: one instance's lifecycle events at nominal offsets.
    pub lifecycle: Vec<LifecycleStep>,
    /// The group's alarms.
    pub alarms: Vec<AlarmReport>,
    /// Where and why it ended early.
    pub stopped: Option<StopReport>,
    /// The automatic rollback, when one ran.
    pub rollback: Option<RollbackReport>,
    /// How much saw the new revision.
    pub blast_radius: BlastRadius,
    /// Assumptions and remarks.
    pub notes: Vec<String>,
}

impl DeploymentReport {
    /// The timeline point in force at `t`.
    pub fn at(&self, t: u32) -> Option<&TimelinePoint> {
        let i = self.timeline.partition_point(|p| p.t <= t);
        i.checked_sub(1).and_then(|i| self.timeline.get(i))
    }
}
