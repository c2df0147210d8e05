//! The order in which CodeDeploy runs lifecycle events, as a deterministic, pure model of
//! (AppSpec, scenario): which events are reserved, which run the user's hooks, whose AppSpec
//! provides the scripts, what is skipped on a first deployment, where a failing hook stops the
//! deployment and what a rollback would run.
//!
//! Orders follow the AppSpec 'hooks' reference and the agent's
//! `DEFAULT_ORDERED_LIFECYCLE_EVENTS` (reference B2.4, B3, B4); rollback follows reference C5.
//! Every step gets a nominal start and duration in seconds so that a player can animate the
//! timeline proportionally: they are illustrative, not measured.

use super::model::{AppSpec, Detection, HookAction, Platform};
use crate::source::Span;

/// Nominal seconds a script runs (capped by its timeout).
pub const NOMINAL_SCRIPT_SECONDS: u32 = 20;
/// Nominal seconds a hook function runs (ECS, Lambda).
pub const NOMINAL_FUNCTION_SECONDS: u32 = 15;
/// Nominal seconds of a hook event with nothing to run.
pub const NOMINAL_EMPTY_HOOK_SECONDS: u32 = 1;

/// The kind of EC2/on-premises deployment (ECS and Lambda deployments are always blue/green).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Deployment {
    /// In-place, no load balancer in the deployment group.
    InPlace,
    /// In-place behind a Classic, Application or Network Load Balancer.
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
        Platform::Server => scenario.deployment,
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
    if spec.platform != Platform::Server && scenario.first_deployment {
        notes.push(format!(
            "a first deployment changes nothing for {}: every hook comes from this AppSpec",
            spec.platform.title()
        ));
    }
    if spec.platform != Platform::Ecs && scenario.test_listener {
        notes.push("test listeners exist only in ECS deployments".to_string());
    }
    let mut steps = match spec.platform {
        Platform::Server => server_steps(spec, scenario, deployment),
        Platform::Ecs => ecs_steps(spec, scenario),
        Platform::Lambda => lambda_steps(spec),
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
        fail(&mut tl, spec, scenario, event);
    }
    tl
}

/// Lays the steps end to end from `from`.
fn schedule(steps: &mut [Step], from: u32) {
    let mut t = from;
    for step in steps {
        if matches!(step.status, Status::Skipped(_)) {
            step.duration = 0;
        }
        step.start = t;
        t = t.saturating_add(step.duration);
    }
}

fn step(event: &'static str, kind: StepKind, fleet: Fleet, description: String) -> Step {
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

const LAST_SUCCESSFUL_EVENTS: [&str; 3] =
    ["ApplicationStop", "BeforeBlockTraffic", "AfterBlockTraffic"];

fn server_description(event: &str) -> &'static str {
    match event {
        "Start" => "CodeDeploy starts the deployment",
        "ApplicationStop" => "stop the running application",
        "DownloadBundle" => "the agent downloads the revision to the instance",
        "BeforeInstall" => "prepare the instance before the files are copied",
        "Install" => "the agent copies `files` to their destinations and applies `permissions`",
        "AfterInstall" => "configure the application after the files are copied",
        "ApplicationStart" => "start the application",
        "ValidateService" => "check that the application works",
        "BeforeBlockTraffic" => {
            "prepare the instance before the load balancer stops sending it traffic"
        }
        "BlockTraffic" => "the load balancer stops sending traffic to the instance",
        "AfterBlockTraffic" => "act on the instance once it no longer receives traffic",
        "BeforeAllowTraffic" => "prepare the instance before the load balancer sends it traffic",
        "AllowTraffic" => "the load balancer starts sending traffic to the instance",
        "AfterAllowTraffic" => "act on the instance once it receives traffic",
        "End" => "the deployment ends",
        _ => "",
    }
}

/// A step for an EC2/on-premises event, with this file's scripts when it uses this file.
fn server_step(
    spec: &AppSpec,
    scenario: &Scenario,
    event: &'static str,
    fleet: Fleet,
    revision: RevisionSource,
) -> Step {
    let kind = match event {
        "Start" => StepKind::Start,
        "End" => StepKind::End,
        _ if super::events::SERVER_RESERVED.contains(&event) => StepKind::Reserved,
        _ => StepKind::Hook,
    };
    let mut s = step(event, kind, fleet, server_description(event).to_string());
    if kind != StepKind::Hook {
        if matches!(event, "DownloadBundle" | "Install") {
            s.revision = revision;
        }
        return s;
    }
    s.revision = revision;
    let hook = spec.hook(event);
    s.hook_span = hook.map(|h| h.span);
    let own_scripts: Vec<ScriptRef> = match hook.map(|h| &h.action) {
        Some(HookAction::Scripts(scripts)) => scripts
            .iter()
            .map(|sc| ScriptRef {
                location: sc.location.clone(),
                timeout: sc.timeout,
                runas: sc.runas.clone(),
                span: sc.span,
            })
            .collect(),
        _ => Vec::new(),
    };
    match revision {
        RevisionSource::Target | RevisionSource::MostRecent => {
            s.duration = scripts_duration(&own_scripts);
            if own_scripts.is_empty() {
                s.description
                    .push_str(" (no scripts in this AppSpec: nothing runs)");
            }
            s.scripts = own_scripts;
        }
        RevisionSource::LastSuccessful => {
            let no_previous = scenario.first_deployment || fleet == Fleet::ReplacementInstances;
            if no_previous {
                let why = if fleet == Fleet::ReplacementInstances {
                    "new replacement instances have no previous revision, so there is no script to run"
                } else {
                    "first deployment: the instance has no previous revision, so there is no script to run"
                };
                s.status = Status::Skipped(why.to_string());
            } else {
                s.duration = NOMINAL_SCRIPT_SECONDS;
                s.description.push_str(
                    ", with the scripts of the last successful revision's AppSpec (not this file)",
                );
            }
            if !own_scripts.is_empty() {
                s.description.push_str(&format!(
                    "; this file's {} script(s) for `{event}` run at the next deployment",
                    own_scripts.len()
                ));
            }
        }
        RevisionSource::None => {}
    }
    s
}

fn scripts_duration(scripts: &[ScriptRef]) -> u32 {
    if scripts.is_empty() {
        return NOMINAL_EMPTY_HOOK_SECONDS;
    }
    scripts
        .iter()
        .map(|s| s.timeout.clamp(1, NOMINAL_SCRIPT_SECONDS))
        .fold(0u32, u32::saturating_add)
}

const IN_PLACE: [&str; 9] = [
    "Start",
    "ApplicationStop",
    "DownloadBundle",
    "BeforeInstall",
    "Install",
    "AfterInstall",
    "ApplicationStart",
    "ValidateService",
    "End",
];

const IN_PLACE_LB: [&str; 15] = [
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
    "End",
];

const BLUE_GREEN_REPLACEMENT: [&str; 11] = [
    "Start",
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
];

const BLUE_GREEN_ORIGINAL: [&str; 4] = [
    "BeforeBlockTraffic",
    "BlockTraffic",
    "AfterBlockTraffic",
    "End",
];

/// The EC2/on-premises event order of a deployment kind, as (event, fleet) pairs.
pub fn server_order(deployment: Deployment) -> Vec<(&'static str, Fleet)> {
    match deployment {
        Deployment::InPlace => IN_PLACE.iter().map(|e| (*e, Fleet::Instances)).collect(),
        Deployment::InPlaceWithLoadBalancer => {
            IN_PLACE_LB.iter().map(|e| (*e, Fleet::Instances)).collect()
        }
        Deployment::BlueGreen => BLUE_GREEN_REPLACEMENT
            .iter()
            .map(|e| (*e, Fleet::ReplacementInstances))
            .chain(
                BLUE_GREEN_ORIGINAL
                    .iter()
                    .map(|e| (*e, Fleet::OriginalInstances)),
            )
            .collect(),
    }
}

fn server_steps(spec: &AppSpec, scenario: &Scenario, deployment: Deployment) -> Vec<Step> {
    server_order(deployment)
        .into_iter()
        .map(|(event, fleet)| {
            let revision = if LAST_SUCCESSFUL_EVENTS.contains(&event) {
                RevisionSource::LastSuccessful
            } else {
                RevisionSource::Target
            };
            server_step(spec, scenario, event, fleet, revision)
        })
        .collect()
}

/// The ECS event order.
pub const ECS_ORDER: [&str; 10] = [
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

/// The Lambda event order.
pub const LAMBDA_ORDER: [&str; 5] = [
    "Start",
    "BeforeAllowTraffic",
    "AllowTraffic",
    "AfterAllowTraffic",
    "End",
];

fn function_step(spec: &AppSpec, event: &'static str, fleet: Fleet, description: String) -> Step {
    let mut s = step(event, StepKind::Hook, fleet, description);
    s.revision = RevisionSource::Target;
    match spec.hook(event) {
        Some(hook) => {
            s.hook_span = Some(hook.span);
            if let HookAction::Function(f) = &hook.action {
                s.function = Some(f.clone());
                s.duration = NOMINAL_FUNCTION_SECONDS;
            }
        }
        None => s
            .description
            .push_str(" (no hook function in this AppSpec: nothing runs)"),
    }
    s
}

fn ecs_steps(spec: &AppSpec, scenario: &Scenario) -> Vec<Step> {
    let task = spec.ecs.task_definition.as_deref().map_or_else(
        || "the new task definition".to_string(),
        |t| format!("`{t}`"),
    );
    let container = match (&spec.ecs.container_name, &spec.ecs.container_port) {
        (Some(n), Some(p)) => format!("container `{n}` port {p}"),
        _ => "the load-balanced container".to_string(),
    };
    ECS_ORDER
        .iter()
        .map(|event| {
            let f = Fleet::EcsService;
            match *event {
                "Start" => step(event, StepKind::Start, f, "CodeDeploy starts the deployment".into()),
                "End" => step(event, StepKind::End, f, "the deployment ends; the original task set is removed after the termination wait time".into()),
                "Install" => step(event, StepKind::Reserved, f, format!("CodeDeploy creates the replacement task set from {task} and attaches {container} to the second target group")),
                "AllowTestTraffic" => {
                    let text = if scenario.test_listener {
                        "the test listener sends test traffic to the replacement task set".to_string()
                    } else {
                        "no test listener: no test traffic is routed".to_string()
                    };
                    step(event, StepKind::Reserved, f, text)
                }
                "AllowTraffic" => step(event, StepKind::Reserved, f, "the production listener shifts traffic to the replacement task set, as the deployment configuration says".into()),
                "AfterAllowTestTraffic" => {
                    let mut s = function_step(spec, event, f, "run tests against the replacement task set through the test listener".into());
                    if !scenario.test_listener {
                        s.status = Status::Skipped("no test listener: CodeDeploy ignores AfterAllowTestTraffic".into());
                    }
                    s
                }
                "BeforeInstall" => function_step(spec, event, f, "run before the replacement task set is created".into()),
                "AfterInstall" => function_step(spec, event, f, "run once the replacement task set exists, before any traffic reaches it".into()),
                "BeforeAllowTraffic" => function_step(spec, event, f, "run before production traffic shifts to the replacement task set".into()),
                _ => function_step(spec, event, f, "run once production traffic reaches the replacement task set".into()),
            }
        })
        .collect()
}

fn lambda_steps(spec: &AppSpec) -> Vec<Step> {
    let l = &spec.lambda;
    let alias = l
        .alias
        .as_deref()
        .map_or_else(|| "the alias".to_string(), |a| format!("alias `{a}`"));
    let from = l.current_version.as_deref().map_or_else(
        || "the current version".to_string(),
        |v| format!("version {v}"),
    );
    let to = l.target_version.as_deref().map_or_else(
        || "the target version".to_string(),
        |v| format!("version {v}"),
    );
    LAMBDA_ORDER
        .iter()
        .map(|event| {
            let f = Fleet::LambdaAlias;
            match *event {
                "Start" => step(event, StepKind::Start, f, "CodeDeploy starts the deployment".into()),
                "End" => step(event, StepKind::End, f, "the deployment ends".into()),
                "AllowTraffic" => step(event, StepKind::Reserved, f, format!("{alias} shifts traffic from {from} to {to}, as the deployment configuration says")),
                "BeforeAllowTraffic" => function_step(spec, event, f, format!("run before {alias} shifts any traffic")),
                _ => function_step(spec, event, f, format!("run once all traffic of {alias} reaches {to}")),
            }
        })
        .collect()
}

/// Notes for hooks of the file that this scenario never runs.
fn unused_hooks(spec: &AppSpec, steps: &[Step], deployment: Deployment, notes: &mut Vec<String>) {
    for hook in spec.hooks.iter().take(100) {
        let event = hook.event.as_str();
        if steps
            .iter()
            .any(|s| s.event == event && s.kind == StepKind::Hook)
        {
            continue;
        }
        let platform = spec.platform;
        let scriptable = super::events::scriptable(platform).contains(&event);
        let note = if scriptable && platform == Platform::Server {
            format!(
                "`{event}` runs only in deployments with a load balancer (in-place with a load balancer, or blue/green); not in an {} deployment",
                deployment.title()
            )
        } else if super::events::reserved(platform).contains(&event) {
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

/// Applies the scenario's failure.
fn fail(tl: &mut Timeline, spec: &AppSpec, scenario: &Scenario, event: &str) {
    let Some(index) = tl.steps.iter().position(|s| s.event == event) else {
        tl.notes
            .push(format!("this deployment has no `{event}` event to fail"));
        return;
    };
    let Some(failed) = tl.steps.get(index) else {
        return;
    };
    if matches!(failed.kind, StepKind::Start | StepKind::End) {
        tl.notes
            .push(format!("`{event}` is a pseudo event: it cannot fail"));
        return;
    }
    if let Status::Skipped(why) = &failed.status {
        tl.notes.push(format!(
            "`{event}` is skipped in this scenario ({why}), so it cannot fail"
        ));
        return;
    }
    let runs_nothing = failed.kind == StepKind::Hook
        && matches!(
            failed.revision,
            RevisionSource::Target | RevisionSource::MostRecent
        )
        && failed.scripts.is_empty()
        && failed.function.is_none();
    if runs_nothing {
        let what = match tl.platform {
            Platform::Server => "no scripts",
            Platform::Ecs | Platform::Lambda => "no hook function",
        };
        tl.notes.push(format!(
            "`{event}` has {what} in this AppSpec, so nothing runs that could fail"
        ));
        return;
    }
    if tl.platform == Platform::Ecs && event == "AllowTestTraffic" && !scenario.test_listener {
        tl.notes.push(
            "`AllowTestTraffic` routes no test traffic without a test listener, so it cannot fail"
                .to_string(),
        );
        return;
    }
    let event: &'static str = failed.event;
    let fleet = failed.fleet;
    let at = failed.start.saturating_add(failed.duration);
    for (i, s) in tl.steps.iter_mut().enumerate() {
        if i == index {
            s.status = Status::Failed;
        } else if i > index && !matches!(s.status, Status::Skipped(_)) {
            s.status = Status::NotReached;
        }
    }
    let (message, rollback, possible) = match tl.platform {
        Platform::Server => server_failure(tl, spec, scenario, event, fleet),
        Platform::Ecs => ecs_failure(tl, index, event),
        Platform::Lambda => lambda_failure(tl, spec, event),
    };
    if possible {
        tl.notes.push("the rollback runs only when automatic rollback is enabled for deployment failures on the deployment group (or the deployment); it is a new deployment with its own ID".to_string());
    }
    let mut rollback = rollback;
    schedule(&mut rollback, at);
    tl.duration = rollback.last().map_or(at, |s| s.start + s.duration);
    tl.failure = Some(Failure {
        step: index,
        event,
        at,
        message,
        rollback_possible: possible,
    });
    tl.rollback = rollback;
}

fn server_failure(
    tl: &mut Timeline,
    spec: &AppSpec,
    scenario: &Scenario,
    event: &'static str,
    fleet: Fleet,
) -> (String, Vec<Step>, bool) {
    let on = match fleet {
        Fleet::ReplacementInstances => "the replacement instances",
        Fleet::OriginalInstances => "the original instances",
        _ => "the instance",
    };
    let message = format!(
        "`{event}` fails on {on}: the later events do not run there and the deployment fails (with several instances, the deployment configuration's minimum healthy hosts decides when it stops)"
    );
    if LAST_SUCCESSFUL_EVENTS.contains(&event) {
        let mut note = match tl.deployment {
            Deployment::BlueGreen => format!(
                "the failing `{event}` script comes from the original instances' last successful revision, not this file: fixing it here does not help this deployment; a blue/green rollback does not run it again (the original instances get the AllowTraffic hooks of that revision, and the replacement instances run this file's `{event}` scripts, if it has any)"
            ),
            Deployment::InPlace | Deployment::InPlaceWithLoadBalancer => format!(
                "the failing `{event}` script comes from the last successful revision, not this file: fixing it here does not help, and a rollback runs the same script again"
            ),
        };
        if event == "ApplicationStop" {
            note.push_str(
                "; create the deployment with `--ignore-application-stop-failures` to get past it",
            );
        }
        tl.notes.push(note);
    }
    match tl.deployment {
        Deployment::InPlace | Deployment::InPlaceWithLoadBalancer => {
            if scenario.first_deployment {
                tl.notes.push("first deployment: there is no last known good revision, so there is nothing to roll back to".to_string());
                return (message, Vec::new(), false);
            }
            let steps = server_order(tl.deployment)
                .into_iter()
                .map(|(e, f)| {
                    let mut s = server_step(spec, scenario, e, f, RevisionSource::LastSuccessful);
                    if s.kind == StepKind::Hook {
                        s.scripts.clear();
                        s.status = Status::Runs;
                        s.duration = NOMINAL_SCRIPT_SECONDS;
                        s.description = format!("{}, with the scripts of the last known good revision", server_description(e));
                    }
                    if e == "Install" {
                        s.description = "the agent deletes the files the failed deployment installed, then copies the last known good revision's files".to_string();
                    }
                    if e == "DownloadBundle" {
                        s.description = "the agent downloads the last known good revision".to_string();
                    }
                    s
                })
                .collect();
            (message, steps, true)
        }
        Deployment::BlueGreen => {
            let mut steps = Vec::new();
            for (e, revision) in [
                ("BeforeAllowTraffic", RevisionSource::LastSuccessful),
                ("AllowTraffic", RevisionSource::None),
                ("AfterAllowTraffic", RevisionSource::LastSuccessful),
            ] {
                let mut s = server_step(spec, scenario, e, Fleet::OriginalInstances, revision);
                if s.kind == StepKind::Hook && !scenario.first_deployment {
                    s.status = Status::Runs;
                    s.duration = NOMINAL_SCRIPT_SECONDS;
                    s.description = format!(
                        "{}, with the scripts of the original instances' last successful revision",
                        server_description(e)
                    );
                } else if s.kind == StepKind::Hook {
                    s.status = Status::Skipped("first deployment: the original instances have no revision from this deployment group".to_string());
                    s.description = format!(
                        "{}, with the scripts of the original instances' last successful revision: none on a first deployment (this file's scripts are not used here)",
                        server_description(e)
                    );
                } else {
                    s.description =
                        "the load balancer sends traffic to the original instances again"
                            .to_string();
                }
                steps.push(s);
            }
            for (e, revision) in [
                ("BeforeBlockTraffic", RevisionSource::MostRecent),
                ("BlockTraffic", RevisionSource::None),
                ("AfterBlockTraffic", RevisionSource::MostRecent),
            ] {
                let mut s = server_step(spec, scenario, e, Fleet::ReplacementInstances, revision);
                if s.kind == StepKind::Reserved {
                    s.description =
                        "the load balancer stops sending traffic to the replacement instances"
                            .to_string();
                }
                steps.push(s);
            }
            tl.notes.push("in a blue/green rollback the original instances allow traffic and the replacement instances block it; the relative order of the two groups is unconfirmed (shown: traffic back to the original instances first), and it is possible only while the original instances have not been terminated".to_string());
            (message, steps, true)
        }
    }
}

fn ecs_failure(tl: &Timeline, index: usize, event: &'static str) -> (String, Vec<Step>, bool) {
    if event == "BeforeInstall" {
        return (
            "`BeforeInstall` fails: the deployment stops before anything changed (no replacement task set exists), so it cannot trigger a rollback".to_string(),
            Vec::new(),
            false,
        );
    }
    let traffic_at = tl
        .steps
        .iter()
        .position(|s| s.event == "AllowTraffic")
        .unwrap_or(usize::MAX);
    let description = if index >= traffic_at {
        "production traffic shifts back to the original task set, then the replacement task set is removed"
    } else {
        "the replacement task set is removed; production traffic never left the original task set"
    };
    let message = format!("`{event}` fails: the later events do not run and the deployment fails");
    let mut s = step(
        "Rollback",
        StepKind::Rollback,
        Fleet::EcsService,
        description.to_string(),
    );
    s.revision = RevisionSource::None;
    (message, vec![s], true)
}

fn lambda_failure(
    tl: &mut Timeline,
    spec: &AppSpec,
    event: &'static str,
) -> (String, Vec<Step>, bool) {
    let alias = spec
        .lambda
        .alias
        .as_deref()
        .map_or_else(|| "the alias".to_string(), |a| format!("alias `{a}`"));
    let from = spec.lambda.current_version.as_deref().map_or_else(
        || "the current version".to_string(),
        |v| format!("version {v}"),
    );
    if event == "BeforeAllowTraffic" {
        tl.notes.push("not confirmed: the reference says a hook failure cannot trigger a rollback only for ECS `BeforeInstall`; for Lambda `BeforeAllowTraffic` no rollback is shown because no traffic has shifted yet, but whether CodeDeploy runs one is not documented".to_string());
        return (
            format!(
                "`BeforeAllowTraffic` fails: the deployment stops before any traffic shifted, so {alias} still points to {from} (no rollback shown: not confirmed)"
            ),
            Vec::new(),
            false,
        );
    }
    let message = format!("`{event}` fails: the later events do not run and the deployment fails");
    let s = step(
        "Rollback",
        StepKind::Rollback,
        Fleet::LambdaAlias,
        format!("{alias} shifts all traffic back to {from}"),
    );
    (message, vec![s], true)
}
