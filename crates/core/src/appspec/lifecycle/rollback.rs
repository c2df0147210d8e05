//! What a failing step stops, and what an automatic rollback runs: the agent's previous
//! revision for EC2/on-premises in-place deployments, the original instances for blue/green, the
//! original task set or version for ECS and Lambda (reference C5).

use super::order::{LAST_SUCCESSFUL_EVENTS, server_order};
use super::steps::{server_description, server_step};
use super::{
    Deployment, Failure, Fleet, NOMINAL_SCRIPT_SECONDS, RevisionSource, Scenario, Status, Step,
    StepKind, Timeline, schedule, step,
};
use crate::appspec::model::{AppSpec, LambdaTarget, Platform};

/// Applies the scenario's failure.
pub(super) fn fail(tl: &mut Timeline, spec: &AppSpec, scenario: &Scenario, event: &str) {
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
            Platform::Ec2 => "no scripts",
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
        Platform::Ec2 => server_failure(tl, spec, scenario, event, fleet),
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
        .lambda()
        .and_then(LambdaTarget::alias)
        .map_or_else(|| "the alias".to_string(), |a| format!("alias `{a}`"));
    let from = spec
        .lambda()
        .and_then(LambdaTarget::current_version)
        .map_or_else(
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
