//! Blue/green deployments that shift traffic: ECS (a replacement task set behind the production
//! listener, with an optional test listener) and Lambda (alias weights between two versions),
//! in the lifecycle orders of reference B3 and B4, with production traffic shifted as the
//! configuration says, and the automatic rollback that sends it all back.

use super::report::{EventStatus, Revision, TargetKind, TargetState, What};
use super::run::{RawPoint, Run, change};
use super::{Context, Planned, hook_seconds};
use crate::appspec::Platform;
use crate::deployment::config::TrafficRouting;
use crate::deployment::group::{ReadyAction, TerminationAction};

/// Seconds CodeDeploy takes to create the replacement task set (nominal).
const INSTALL_SECONDS: u32 = 60;
/// Seconds to point the test listener at the replacement task set (nominal).
const TEST_TRAFFIC_SECONDS: u32 = 10;
/// Seconds a rollback takes to move traffic back (nominal).
const ROLLBACK_SHIFT_SECONDS: u32 = 30;

/// Index of the original target (task set, current version) in the run.
pub(crate) const ORIGINAL: usize = 0;
/// Index of the replacement target (task set, target version) in the run.
pub(crate) const REPLACEMENT: usize = 1;

/// Plans an ECS or Lambda deployment.
pub(crate) fn plan(cx: &mut Context<'_>, run: &mut Run) -> Planned {
    let ecs = cx.platform == Platform::Ecs;
    let routing = cx
        .config
        .traffic_routing
        .unwrap_or(TrafficRouting::AllAtOnce);
    let (original, replacement, old_label, new_label) = if ecs {
        (
            TargetKind::OriginalTaskSet,
            TargetKind::ReplacementTaskSet,
            "original task set".to_string(),
            "replacement task set".to_string(),
        )
    } else {
        let (current, target) = cx
            .appspec
            .and_then(|a| a.lambda())
            .map(|l| {
                (
                    l.current_version().unwrap_or("1").to_string(),
                    l.target_version().unwrap_or("2").to_string(),
                )
            })
            .unwrap_or_else(|| ("1".to_string(), "2".to_string()));
        (
            TargetKind::CurrentVersion,
            TargetKind::TargetVersion,
            format!("version {current}"),
            format!("version {target}"),
        )
    };
    run.target(
        original,
        1,
        Some(old_label),
        1.0,
        change(0, TargetState::Succeeded, Revision::Old, true, Some(100.0)),
    );
    run.target(
        replacement,
        1,
        Some(new_label),
        1.0,
        change(0, TargetState::Pending, Revision::None, false, Some(0.0)),
    );
    run.point(RawPoint {
        t: 0,
        green: 0.0,
        healthy: None,
        offline: None,
        served: 1.0,
    });
    run.event(
        0,
        What::Deployment,
        EventStatus::InProgress,
        "the deployment starts",
    );
    let mut t = 0u32;
    let mut planned = Planned::default();
    let hook = |cx: &mut Context<'_>, run: &mut Run, t: &mut u32, event: &'static str| -> bool {
        let Some(seconds) = hook_seconds(cx, event) else {
            return true;
        };
        run.lifecycle_event(
            *t,
            event,
            EventStatus::InProgress,
            format!("CodeDeploy invokes the `{event}` hook function"),
        );
        *t += seconds;
        if cx.fails(event, None) {
            run.lifecycle_event(
                *t,
                event,
                EventStatus::Failed,
                format!("the `{event}` hook function reported Failed"),
            );
            return false;
        }
        run.lifecycle_event(
            *t,
            event,
            EventStatus::Succeeded,
            format!("the `{event}` hook function reported Succeeded"),
        );
        true
    };
    if ecs {
        if !hook(cx, run, &mut t, "BeforeInstall") {
            planned.failure = Some((t, "the `BeforeInstall` hook function failed".to_string()));
            planned.nothing_changed_until = t;
            return planned;
        }
        planned.nothing_changed_until = t;
        run.lifecycle_event(
            t,
            "Install",
            EventStatus::InProgress,
            "CodeDeploy creates the replacement task set",
        );
        run.change(
            REPLACEMENT,
            change(t, TargetState::InProgress, Revision::None, false, Some(0.0)),
        );
        t += INSTALL_SECONDS;
        run.change(
            REPLACEMENT,
            change(t, TargetState::Ready, Revision::New, false, Some(0.0)),
        );
        run.lifecycle_event(
            t,
            "Install",
            EventStatus::Succeeded,
            "the replacement task set runs the new task definition",
        );
        if !hook(cx, run, &mut t, "AfterInstall") {
            planned.failure = Some((t, "the `AfterInstall` hook function failed".to_string()));
            return planned;
        }
        if cx.test_listener {
            run.lifecycle_event(
                t,
                "AllowTestTraffic",
                EventStatus::InProgress,
                "the test listener routes test traffic to the replacement task set",
            );
            t += TEST_TRAFFIC_SECONDS;
            run.lifecycle_event(
                t,
                "AllowTestTraffic",
                EventStatus::Succeeded,
                "test traffic reaches the replacement task set",
            );
            if !hook(cx, run, &mut t, "AfterAllowTestTraffic") {
                planned.failure = Some((
                    t,
                    "the `AfterAllowTestTraffic` hook function failed".to_string(),
                ));
                return planned;
            }
        }
        // The deployment ready option holds production traffic until someone continues.
        if cx.group.ready_action == ReadyAction::StopDeployment {
            let wait = cx.group.ready_wait_minutes.saturating_mul(60);
            run.event(t, What::Wait, EventStatus::Waiting, format!("waiting up to {} minute(s) for someone to continue the deployment (STOP_DEPLOYMENT)", cx.group.ready_wait_minutes));
            match cx.scenario.continue_at {
                Some(c) if c <= t.saturating_add(wait) => {
                    t = t.max(c);
                    run.event(
                        t,
                        What::Wait,
                        EventStatus::Succeeded,
                        "the deployment is continued (ContinueDeployment)",
                    );
                }
                _ => {
                    planned.ready_timeout = Some((
                        t.saturating_add(wait),
                        "nobody continued the deployment before the wait ran out (STOP_DEPLOYMENT)"
                            .to_string(),
                    ));
                    return planned;
                }
            }
        }
    } else {
        planned.nothing_changed_until = 0;
        run.change(
            REPLACEMENT,
            change(0, TargetState::Ready, Revision::New, false, Some(0.0)),
        );
    }
    if !hook(cx, run, &mut t, "BeforeAllowTraffic") {
        planned.failure = Some((
            t,
            "the `BeforeAllowTraffic` hook function failed".to_string(),
        ));
        return planned;
    }
    // AllowTraffic: production traffic moves as the configuration says.
    let start = t;
    let what = if ecs {
        "the production listener"
    } else {
        "the alias"
    };
    run.lifecycle_event(
        t,
        "AllowTraffic",
        EventStatus::InProgress,
        format!("{what} starts shifting traffic: {}", routing.describe()),
    );
    let mut last = t;
    for (minutes, percent) in routing.shifts() {
        let at = start
            .saturating_add(u32::try_from(minutes.saturating_mul(60)).unwrap_or(u32::MAX))
            .min(super::scenario::MAX_SECONDS);
        let green = f64::from(percent);
        run.point(RawPoint {
            t: at,
            green,
            healthy: None,
            offline: None,
            served: 1.0,
        });
        run.shift(at, green);
        run.change(
            REPLACEMENT,
            change(at, TargetState::Succeeded, Revision::New, true, Some(green)),
        );
        run.change(
            ORIGINAL,
            change(
                at,
                TargetState::Succeeded,
                Revision::Old,
                percent < 100,
                Some(100.0 - green),
            ),
        );
        run.event(
            at,
            What::Traffic,
            EventStatus::InProgress,
            format!("{percent} % of production traffic on the new revision"),
        );
        last = at;
    }
    t = last;
    run.lifecycle_event(
        t,
        "AllowTraffic",
        EventStatus::Succeeded,
        "all production traffic is on the new revision",
    );
    if !hook(cx, run, &mut t, "AfterAllowTraffic") {
        planned.failure = Some((
            t,
            "the `AfterAllowTraffic` hook function failed".to_string(),
        ));
        return planned;
    }
    if ecs {
        let (wait, noted) = match cx.group.termination_wait_minutes {
            Some(m) => (m, false),
            None => (0, true),
        };
        if noted {
            cx.note("the group sets no termination wait: the original task set is removed at once (the console proposes 60 minutes)");
        }
        if cx.group.termination_action == TerminationAction::KeepAlive {
            cx.note("KEEP_ALIVE applies to EC2 instances; the original ECS task set is removed after the wait");
        }
        run.event(t, What::Wait, EventStatus::Waiting, format!("waiting {wait} minute(s) before removing the original task set; a rollback is still instant"));
        t = t
            .saturating_add(wait.saturating_mul(60))
            .min(super::scenario::MAX_SECONDS);
        run.change(
            ORIGINAL,
            change(t, TargetState::Terminated, Revision::Old, false, Some(0.0)),
        );
        run.event(
            t,
            What::Fleet,
            EventStatus::Succeeded,
            "the original task set is removed",
        );
    }
    run.event(
        t,
        What::Deployment,
        EventStatus::Succeeded,
        "the deployment succeeded",
    );
    planned.end = t;
    planned
}

/// Plans the rollback of an ECS or Lambda deployment stopped at `t`: all production traffic back
/// to the original task set or version, then the replacement removed. Returns its end.
pub(crate) fn rollback(run: &mut Run, ecs: bool, t: u32) -> u32 {
    let green = run.state_at(t).map_or(0.0, |p| p.green);
    let back = t + ROLLBACK_SHIFT_SECONDS;
    if green > 0.0 {
        run.point(RawPoint {
            t: back,
            green: 0.0,
            healthy: None,
            offline: None,
            served: 1.0,
        });
        run.shift(back, 0.0);
        run.event(
            back,
            What::Traffic,
            EventStatus::Succeeded,
            if ecs {
                "all production traffic is back on the original task set"
            } else {
                "the alias points at the original version again"
            },
        );
    }
    run.change(
        ORIGINAL,
        change(
            back,
            TargetState::Succeeded,
            Revision::Old,
            true,
            Some(100.0),
        ),
    );
    let end = if ecs {
        back + ROLLBACK_SHIFT_SECONDS
    } else {
        back
    };
    if ecs {
        run.change(
            REPLACEMENT,
            change(
                end,
                TargetState::Terminated,
                Revision::New,
                false,
                Some(0.0),
            ),
        );
        run.event(
            end,
            What::Fleet,
            EventStatus::Succeeded,
            "the replacement task set is removed",
        );
    } else {
        run.change(
            REPLACEMENT,
            change(back, TargetState::Skipped, Revision::New, false, Some(0.0)),
        );
    }
    end
}
