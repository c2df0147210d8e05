//! The steps each platform's event order becomes for an AppSpec and a scenario: whose AppSpec
//! provides each hook, which of this file's scripts or function run, and what is skipped.

use super::order::{ECS_ORDER, LAMBDA_ORDER, LAST_SUCCESSFUL_EVENTS, server_order};
use super::{
    Deployment, Fleet, NOMINAL_EMPTY_HOOK_SECONDS, NOMINAL_FUNCTION_SECONDS,
    NOMINAL_SCRIPT_SECONDS, RevisionSource, Scenario, ScriptRef, Status, Step, StepKind, step,
};
use crate::appspec::model::{AppSpec, EcsTarget, HookAction, LambdaTarget};

/// What an EC2/on-premises event does, in one sentence.
pub(super) fn server_description(event: &str) -> &'static str {
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
pub(super) fn server_step(
    spec: &AppSpec,
    scenario: &Scenario,
    event: &'static str,
    fleet: Fleet,
    revision: RevisionSource,
) -> Step {
    let kind = match event {
        "Start" => StepKind::Start,
        "End" => StepKind::End,
        _ if crate::appspec::events::EC2_RESERVED.contains(&event) => StepKind::Reserved,
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
            .filter_map(|sc| {
                Some(ScriptRef {
                    location: sc.location.clone()?,
                    timeout: sc.timeout.seconds(),
                    runas: sc.runas.clone(),
                    span: sc.span,
                })
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

/// Nominal seconds the scripts of a hook run (each capped by its timeout).
fn scripts_duration(scripts: &[ScriptRef]) -> u32 {
    if scripts.is_empty() {
        return NOMINAL_EMPTY_HOOK_SECONDS;
    }
    scripts
        .iter()
        .map(|s| s.timeout.clamp(1, NOMINAL_SCRIPT_SECONDS))
        .fold(0u32, u32::saturating_add)
}

/// The steps of an EC2/on-premises deployment.
pub(super) fn ec2_steps(spec: &AppSpec, scenario: &Scenario, deployment: Deployment) -> Vec<Step> {
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

/// A step for an ECS or Lambda hook event, with this file's function when it has one.
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

/// The steps of an ECS deployment.
pub(super) fn ecs_steps(spec: &AppSpec, scenario: &Scenario) -> Vec<Step> {
    let ecs = spec.ecs();
    let task = ecs.and_then(EcsTarget::task_definition).map_or_else(
        || "the new task definition".to_string(),
        |t| format!("`{t}`"),
    );
    let container = match (
        ecs.and_then(EcsTarget::container_name),
        ecs.and_then(EcsTarget::container_port),
    ) {
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

/// The steps of a Lambda deployment.
pub(super) fn lambda_steps(spec: &AppSpec) -> Vec<Step> {
    let l = spec.lambda();
    let alias = l
        .and_then(LambdaTarget::alias)
        .map_or_else(|| "the alias".to_string(), |a| format!("alias `{a}`"));
    let from = l.and_then(LambdaTarget::current_version).map_or_else(
        || "the current version".to_string(),
        |v| format!("version {v}"),
    );
    let to = l.and_then(LambdaTarget::target_version).map_or_else(
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
