//! The order in which CodeDeploy runs lifecycle events, as a deterministic, pure model of
//! (AppSpec, scenario): which events are reserved, which run the user's hooks, whose AppSpec
//! provides the scripts, what is skipped on a first deployment, where a failing hook stops the
//! deployment and what a rollback would run.
//!
//! Orders follow the AppSpec 'hooks' reference and the agent's
//! `DEFAULT_ORDERED_LIFECYCLE_EVENTS` (reference B2.4, B3, B4); rollback follows reference C5.
//! Every step gets a nominal start and duration in seconds so that a player can animate the
//! timeline proportionally: they are illustrative, not measured.
//!
//! This module holds the timeline's types and [`timeline`]; [`order`] the event order of each
//! deployment type, `steps` the steps each platform's order becomes for an AppSpec, and
//! `rollback` what a failure stops and what a rollback runs.

pub mod order;
mod rollback;
mod steps;

use super::model::{AppSpec, Detection, Platform};
use crate::source::Span;

pub use order::{ECS_ORDER, LAMBDA_ORDER, server_order};

/// Nominal seconds a script runs (capped by its timeout).
pub const NOMINAL_SCRIPT_SECONDS: u32 = 20;
/// Nominal seconds a hook function runs (ECS, Lambda).
pub const NOMINAL_FUNCTION_SECONDS: u32 = 15;
/// Nominal seconds of a hook event with nothing to run.
pub const NOMINAL_EMPTY_HOOK_SECONDS: u32 = 1;

/// The kind of EC2/on-premises deployment (ECS and Lambda deployments are always blue/green).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Deployment {
    /// In-place, no load balancer in the deployment group.
    InPlace,
    /// In-place behind a Classic, Application or Network Load Balancer.
    #[cfg_attr(feature = "serde", serde(rename = "in-place-lb"))]
    InPlaceWithLoadBalancer,
    /// Blue/green: replacement instances, then original instances.
    BlueGreen,
}

impl Deployment {
    /// Every kind, in the order the playground lists them.
    pub const ALL: [Deployment; 3] = [
        Deployment::InPlace,
        Deployment::InPlaceWithLoadBalancer,
        Deployment::BlueGreen,
    ];

    /// `in-place`, `in-place-lb` or `blue-green`.
    pub fn id(self) -> &'static str {
        match self {
            Deployment::InPlace => "in-place",
            Deployment::InPlaceWithLoadBalancer => "in-place-lb",
            Deployment::BlueGreen => "blue-green",
        }
    }

    /// The kind with identifier `id`.
    pub fn from_id(id: &str) -> Option<Deployment> {
        Deployment::ALL.into_iter().find(|d| d.id() == id)
    }

    /// A human title.
    pub fn title(self) -> &'static str {
        match self {
            Deployment::InPlace => "in-place",
            Deployment::InPlaceWithLoadBalancer => "in-place with a load balancer",
            Deployment::BlueGreen => "blue/green",
        }
    }
}

/// What the deployment looks like.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct Scenario {
    /// EC2/on-premises deployment kind (ignored for ECS and Lambda, always blue/green).
    pub deployment: Deployment,
    /// ECS: whether the deployment group has a test listener.
    pub test_listener: bool,
    /// Whether no revision was ever deployed successfully to the deployment group's instances.
    pub first_deployment: bool,
    /// The event whose hook (or CodeDeploy's own work) fails, by name.
    pub fail: Option<String>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            deployment: Deployment::InPlace,
            test_listener: false,
            first_deployment: false,
            fail: None,
        }
    }
}

/// What a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum StepKind {
    /// The `Start` pseudo event.
    Start,
    /// The `End` pseudo event.
    End,
    /// An event CodeDeploy runs itself (`DownloadBundle`, `Install`, `AllowTraffic`, …).
    Reserved,
    /// An event that runs the user's scripts (EC2/on-premises) or hook function (ECS, Lambda).
    Hook,
    /// What CodeDeploy does to undo an ECS or Lambda deployment (not a lifecycle event).
    Rollback,
}

impl StepKind {
    /// `start`, `end`, `reserved`, `hook` or `rollback`.
    pub fn id(self) -> &'static str {
        match self {
            StepKind::Start => "start",
            StepKind::End => "end",
            StepKind::Reserved => "reserved",
            StepKind::Hook => "hook",
            StepKind::Rollback => "rollback",
        }
    }
}

/// Where a step runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum Fleet {
    /// The instances of an in-place deployment.
    Instances,
    /// Blue/green: the new (green) instances.
    ReplacementInstances,
    /// Blue/green: the instances serving traffic before the deployment (blue).
    OriginalInstances,
    /// The ECS service (its original and replacement task sets).
    EcsService,
    /// The Lambda function's alias.
    LambdaAlias,
}

impl Fleet {
    /// `instances`, `replacement-instances`, `original-instances`, `ecs-service` or
    /// `lambda-alias`.
    pub fn id(self) -> &'static str {
        match self {
            Fleet::Instances => "instances",
            Fleet::ReplacementInstances => "replacement-instances",
            Fleet::OriginalInstances => "original-instances",
            Fleet::EcsService => "ecs-service",
            Fleet::LambdaAlias => "lambda-alias",
        }
    }
}

/// Whose AppSpec provides the step's scripts or function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum RevisionSource {
    /// The revision being deployed (this file).
    Target,
    /// The revision last deployed successfully to the instance (not this file).
    LastSuccessful,
    /// Blue/green rollback: the most recent revision, the one that was being deployed.
    MostRecent,
    /// No AppSpec is involved (pseudo events, traffic moves).
    None,
}

impl RevisionSource {
    /// `target`, `last-successful`, `most-recent` or `none`.
    pub fn id(self) -> &'static str {
        match self {
            RevisionSource::Target => "target",
            RevisionSource::LastSuccessful => "last-successful",
            RevisionSource::MostRecent => "most-recent",
            RevisionSource::None => "none",
        }
    }

    /// Whose scripts these are, for people (empty when no AppSpec is involved).
    pub fn label(self) -> &'static str {
        match self {
            RevisionSource::Target => "this AppSpec",
            RevisionSource::LastSuccessful => "last successful revision",
            RevisionSource::MostRecent => "most recent revision (this AppSpec)",
            RevisionSource::None => "",
        }
    }
}

/// Whether a step runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// It runs.
    Runs,
    /// It is skipped, for the reason given.
    Skipped(String),
    /// It fails (the scenario's `fail`).
    Failed,
    /// An earlier step failed, so it never starts.
    NotReached,
}

impl Status {
    /// `runs`, `skipped`, `failed` or `not-reached`.
    pub fn id(&self) -> &'static str {
        match self {
            Status::Runs => "runs",
            Status::Skipped(_) => "skipped",
            Status::Failed => "failed",
            Status::NotReached => "not-reached",
        }
    }
}

/// A script of this AppSpec attached to a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptRef {
    /// `location`.
    pub location: String,
    /// The timeout the agent applies, in seconds.
    pub timeout: u32,
    /// `runas`, when given.
    pub runas: Option<String>,
    /// The script's entry in the file.
    pub span: Span,
}

/// One lifecycle event of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The lifecycle event (`BeforeInstall`), or `Rollback` for a rollback action.
    pub event: &'static str,
    /// What kind of step it is.
    pub kind: StepKind,
    /// Where it runs.
    pub fleet: Fleet,
    /// Whose AppSpec provides its scripts or function.
    pub revision: RevisionSource,
    /// What happens, in one sentence.
    pub description: String,
    /// This file's scripts that run (EC2/on-premises hooks whose revision is this file).
    pub scripts: Vec<ScriptRef>,
    /// This file's hook function (ECS, Lambda).
    pub function: Option<String>,
    /// The hook's key in the file, when this file has one for the event.
    pub hook_span: Option<Span>,
    /// Whether it runs.
    pub status: Status,
    /// Nominal start, in seconds from the start of the deployment.
    pub start: u32,
    /// Nominal duration, in seconds.
    pub duration: u32,
}

/// Where a failing step stops the deployment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Index of the failed step in [`Timeline::steps`].
    pub step: usize,
    /// Its event.
    pub event: &'static str,
    /// Nominal second at which the deployment stops.
    pub at: u32,
    /// What happens.
    pub message: String,
    /// Whether an automatic rollback has anything to do.
    pub rollback_possible: bool,
}

/// The lifecycle of one deployment of an AppSpec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The platform (EC2/on-premises when the AppSpec does not tell).
    pub platform: Platform,
    /// The deployment kind used (always blue/green for ECS and Lambda).
    pub deployment: Deployment,
    /// Copied from the scenario.
    pub first_deployment: bool,
    /// Copied from the scenario (ECS).
    pub test_listener: bool,
    /// The events in order.
    pub steps: Vec<Step>,
    /// The failure, when the scenario fails a step that runs.
    pub failure: Option<Failure>,
    /// What an automatic rollback would run after the failure, in order.
    pub rollback: Vec<Step>,
    /// Remarks: hooks that never run in this scenario, assumptions, unconfirmed orders.
    pub notes: Vec<String>,
    /// Nominal end of the deployment (of the rollback when there is one), in seconds.
    pub duration: u32,
}

/// Builds the timeline of `spec` for `scenario`.
pub fn timeline(spec: &AppSpec, scenario: &Scenario) -> Timeline {
    let mut notes = Vec::new();
    if spec.detection == Detection::Unknown {
        notes.push(
            "the AppSpec does not say which platform it is for; shown as EC2/on-premises"
                .to_string(),
        );
    }
    let deployment = match spec.platform {
        Platform::Ec2 => scenario.deployment,
        Platform::Ecs | Platform::Lambda => {
            if scenario.deployment != Deployment::BlueGreen {
                notes.push(format!(
                    "{} deployments are always blue/green",
                    spec.platform.title()
                ));
            }
            Deployment::BlueGreen
        }
    };
    if spec.platform != Platform::Ec2 && scenario.first_deployment {
        notes.push(format!(
            "a first deployment changes nothing for {}: every hook comes from this AppSpec",
            spec.platform.title()
        ));
    }
    if spec.platform != Platform::Ecs && scenario.test_listener {
        notes.push("test listeners exist only in ECS deployments".to_string());
    }
    let mut steps = match spec.platform {
        Platform::Ec2 => steps::ec2_steps(spec, scenario, deployment),
        Platform::Ecs => steps::ecs_steps(spec, scenario),
        Platform::Lambda => steps::lambda_steps(spec),
    };
    unused_hooks(spec, &steps, deployment, &mut notes);
    schedule(&mut steps, 0);
    let mut tl = Timeline {
        platform: spec.platform,
        deployment,
        first_deployment: scenario.first_deployment,
        test_listener: scenario.test_listener,
        duration: steps.last().map_or(0, |s| s.start + s.duration),
        steps,
        failure: None,
        rollback: Vec::new(),
        notes,
    };
    if let Some(event) = &scenario.fail {
        rollback::fail(&mut tl, spec, scenario, event);
    }
    tl
}

/// Lays the steps end to end from `from`.
pub(super) fn schedule(steps: &mut [Step], from: u32) {
    let mut t = from;
    for step in steps {
        if matches!(step.status, Status::Skipped(_)) {
            step.duration = 0;
        }
        step.start = t;
        t = t.saturating_add(step.duration);
    }
}

/// A step of `kind` for `event` with its nominal duration; it runs and uses no AppSpec until
/// the caller says otherwise.
pub(super) fn step(event: &'static str, kind: StepKind, fleet: Fleet, description: String) -> Step {
    let duration = match (kind, event) {
        (StepKind::Start | StepKind::End, _) => 0,
        (StepKind::Rollback, _) => 30,
        (_, "DownloadBundle") => 10,
        (_, "Install") if fleet == Fleet::EcsService => 60,
        (_, "Install") => 15,
        (_, "BlockTraffic" | "AllowTestTraffic") => 10,
        (_, "AllowTraffic") if fleet == Fleet::EcsService => 60,
        (_, "AllowTraffic") => 30,
        _ => NOMINAL_EMPTY_HOOK_SECONDS,
    };
    Step {
        event,
        kind,
        fleet,
        revision: RevisionSource::None,
        description,
        scripts: Vec::new(),
        function: None,
        hook_span: None,
        status: Status::Runs,
        start: 0,
        duration,
    }
}

/// Notes for hooks of the file that this scenario never runs.
fn unused_hooks(spec: &AppSpec, steps: &[Step], deployment: Deployment, notes: &mut Vec<String>) {
    for hook in spec.hooks.iter().filter(|h| h.has_action()).take(100) {
        let event = hook.event_or_name();
        if steps
            .iter()
            .any(|s| s.event == event && s.kind == StepKind::Hook)
        {
            continue;
        }
        let platform = spec.platform;
        let scriptable = crate::appspec::events::scriptable(platform).contains(&event);
        let note = if scriptable && platform == Platform::Ec2 {
            format!(
                "`{event}` runs only in deployments with a load balancer (in-place with a load balancer, or blue/green); not in an {} deployment",
                deployment.title()
            )
        } else if crate::appspec::events::reserved(platform).contains(&event) {
            format!("`{event}` is run by CodeDeploy itself: the hook listed under it never runs")
        } else {
            format!(
                "`{event}` is not a lifecycle event of {} deployments: its hook never runs",
                platform.title()
            )
        };
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
}
