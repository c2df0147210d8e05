//! EC2 blue/green deployments (reference B2.4 and C4): a replacement fleet is provisioned (an
//! Auto Scaling group copy, or existing instances), every replacement instance installs the
//! revision at once, the deployment ready option holds or continues, then traffic is rerouted in
//! batches — each batch registers replacement instances (`BeforeAllowTraffic`, `AllowTraffic`,
//! `AfterAllowTraffic`) and deregisters as many original ones (`BeforeBlockTraffic`,
//! `BlockTraffic`, `AfterBlockTraffic`) — and the original fleet is terminated or kept alive
//! after the termination wait.
//!
//! Minimum healthy hosts applies to the replacement fleet (C3 step 9): the batch size is the
//! installed replacement instances minus the minimum (one at a time for OneAtATime, half for
//! HalfAtATime, all for AllAtOnce), and the deployment fails when fewer than the minimum (or none)
//! install or reroute. Swapping instances batch by batch is this simulator's reading of "reroutes
//! up to half at a time"; CodeDeploy's exact interleaving is not documented.

use std::borrow::Cow;

use super::report::{EventStatus, LifecycleStep, Revision, TargetKind, TargetState, What};
use super::run::{RawPoint, Run, change};
use super::{Context, Planned};
use crate::deployment::group::{GreenFleet, ReadyAction, TerminationAction};

/// Seconds to copy an Auto Scaling group and launch its instances (nominal).
const PROVISION_SECONDS: u32 = 180;

/// The replacement fleet's lifecycle split in three: install, allow traffic, block traffic.
pub(crate) struct Phases {
    /// Install on the replacement instances (up to `ValidateService`).
    pub install: Vec<LifecycleStep>,
    /// Register a replacement instance.
    pub allow: Vec<LifecycleStep>,
    /// Deregister an original instance.
    pub block: Vec<LifecycleStep>,
}

fn total(steps: &[LifecycleStep]) -> u32 {
    steps.iter().map(|s| s.duration).sum()
}

/// Plans an EC2 blue/green deployment of `n` instances.
pub(crate) fn plan(cx: &mut Context<'_>, run: &mut Run, phases: &Phases) -> Planned {
    let n = cx.scenario.instances;
    let minimum = cx.minimum.unwrap_or(0);
    let mut planned = Planned::default();
    run.targets.reserve(2 * n as usize);
    run.events.reserve(4 * n as usize + 16);
    for i in 1..=n {
        run.target(
            TargetKind::OriginalInstance,
            i,
            None,
            1.0,
            change(0, TargetState::Succeeded, Revision::Old, true, None),
        );
    }
    let scales: Vec<f64> = (0..n).map(|_| cx.jitter()).collect();
    for (i, scale) in scales.iter().enumerate() {
        run.target(
            TargetKind::ReplacementInstance,
            i as u32 + 1,
            None,
            *scale,
            change(0, TargetState::Pending, Revision::None, false, None),
        );
    }
    let replacement = |i: u32| (n + i) as usize;
    let original = |i: u32| i as usize;
    let point = |run: &mut Run, t: u32, green: u32, blue: u32| {
        let serving = green + blue;
        run.point(RawPoint {
            t,
            green: if serving > 0 {
                f64::from(green) / f64::from(serving) * 100.0
            } else {
                0.0
            },
            healthy: Some(serving),
            offline: Some(0),
            served: if serving > 0 { 1.0 } else { 0.0 },
        });
    };
    point(run, 0, 0, n);
    run.event(
        0,
        What::Deployment,
        EventStatus::InProgress,
        "the blue/green deployment starts",
    );
    let mut t = 0u32;
    if cx.group.green_fleet == GreenFleet::CopyAutoScalingGroup {
        run.event(
            0,
            What::Fleet,
            EventStatus::InProgress,
            "CodeDeploy copies the Auto Scaling group to launch the replacement fleet",
        );
        t += PROVISION_SECONDS;
        run.event(
            t,
            What::Fleet,
            EventStatus::Succeeded,
            "the replacement instances are running",
        );
    }
    // Install on every replacement instance at once; the log is written in time order.
    let install_total = total(&phases.install);
    let install_faults = cx.fault_plan(&phases.install);
    let allow_faults = cx.fault_plan(&phases.allow);
    let mut installed: Vec<u32> = Vec::new();
    let mut install_end = t;
    let mut ends: Vec<(u32, u32, Option<usize>)> = Vec::with_capacity(n as usize);
    run.event(
        t,
        What::Fleet,
        EventStatus::InProgress,
        "the revision is installed on every replacement instance at once",
    );
    for i in 0..n {
        let scale = scales.get(i as usize).copied().unwrap_or(1.0);
        let started = change(t, TargetState::InProgress, Revision::None, false, None);
        if t == 0 {
            run.change(replacement(i), started);
        } else {
            run.push_change(replacement(i), started);
        }
        let fail = cx.fails_in(&install_faults, i + 1);
        let seconds = match fail {
            Some(k) => total(phases.install.get(..=k).unwrap_or(&[])),
            None => install_total,
        };
        let end = t + ((f64::from(seconds) * scale).round() as u32).max(1);
        install_end = install_end.max(end);
        ends.push((end, i, fail));
    }
    ends.sort_unstable_by_key(|(end, i, _)| (*end, *i));
    for (end, i, fail) in ends {
        let idx = replacement(i);
        match fail {
            Some(k) => {
                let event = phases.install.get(k).map(|s| s.event.clone());
                run.push_change(
                    idx,
                    change(end, TargetState::Failed, Revision::None, false, None),
                );
                run.instance_event(
                    end,
                    i + 1,
                    event,
                    EventStatus::Failed,
                    Cow::Borrowed("a lifecycle event failed on the replacement instance"),
                );
            }
            None => {
                run.push_change(
                    idx,
                    change(end, TargetState::Ready, Revision::New, false, None),
                );
                run.instance_event(
                    end,
                    i + 1,
                    None,
                    EventStatus::Ready,
                    Cow::Borrowed("the replacement instance is ready for traffic"),
                );
                installed.push(i);
            }
        }
    }
    installed.sort_unstable();
    t = install_end;
    let ok = installed.len() as u32;
    if ok < minimum.max(1) {
        planned.failure = Some((
            t,
            format!(
                "{ok} replacement instance(s) installed the revision; at least {} must",
                minimum.max(1)
            ),
        ));
        return planned;
    }
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
    planned.nothing_changed_until = t;
    // Reroute in batches.
    let batch = ok.saturating_sub(minimum).clamp(1, ok.max(1));
    let allow_total = total(&phases.allow);
    let block_total = total(&phases.block);
    let (mut green, mut blue) = (0u32, n);
    let mut rerouted = 0u32;
    let mut next_original = 0u32;
    let batches = ok.div_ceil(batch);
    run.event(
        t,
        What::Traffic,
        EventStatus::InProgress,
        format!("rerouting traffic {batch} instance(s) at a time"),
    );
    for b in 0..batches {
        let members: Vec<u32> = installed
            .iter()
            .copied()
            .skip((b * batch) as usize)
            .take(batch as usize)
            .collect();
        let registered_at = t + allow_total;
        let mut registered = 0;
        // Failures happen during the allow steps, before the batch is registered: they are
        // logged first so the log stays in time order.
        let mut ok: Vec<u32> = Vec::with_capacity(members.len());
        for i in &members {
            match cx.fails_in(&allow_faults, i + 1) {
                Some(k) => {
                    let at = t + total(phases.allow.get(..=k).unwrap_or(&[]));
                    let event = phases.allow.get(k).map(|s| s.event.clone());
                    run.push_change(
                        replacement(*i),
                        change(at, TargetState::Failed, Revision::New, false, None),
                    );
                    run.instance_event(
                        at,
                        i + 1,
                        event,
                        EventStatus::Failed,
                        Cow::Borrowed("rerouting traffic to the replacement instance failed"),
                    );
                }
                None => ok.push(*i),
            }
        }
        for i in ok {
            run.push_change(
                replacement(i),
                change(
                    registered_at,
                    TargetState::Succeeded,
                    Revision::New,
                    true,
                    None,
                ),
            );
            run.instance_event(
                registered_at,
                i + 1,
                None,
                EventStatus::Succeeded,
                Cow::Borrowed("the replacement instance is registered and serves traffic"),
            );
            registered += 1;
        }
        green += registered;
        rerouted += registered;
        point(run, registered_at, green, blue);
        run.shift(
            registered_at,
            f64::from(green) / f64::from((green + blue).max(1)) * 100.0,
        );
        // As many original instances leave (the last batch takes every one left).
        let leaving = if b + 1 == batches {
            n - next_original
        } else {
            (members.len() as u32).min(n - next_original)
        };
        let deregistered_at = registered_at + block_total;
        for j in next_original..next_original + leaving {
            run.push_change(
                original(j),
                change(
                    registered_at,
                    TargetState::InProgress,
                    Revision::Old,
                    true,
                    None,
                ),
            );
            run.push_change(
                original(j),
                change(
                    deregistered_at,
                    TargetState::Deregistered,
                    Revision::Old,
                    false,
                    None,
                ),
            );
        }
        next_original += leaving;
        blue -= leaving;
        point(run, deregistered_at, green, blue);
        run.shift(
            deregistered_at,
            if green + blue > 0 {
                f64::from(green) / f64::from(green + blue) * 100.0
            } else {
                0.0
            },
        );
        t = deregistered_at;
    }
    if rerouted < minimum.max(1) {
        planned.failure = Some((
            t,
            format!(
                "{rerouted} replacement instance(s) were rerouted; at least {} must",
                minimum.max(1)
            ),
        ));
        return planned;
    }
    run.event(
        t,
        What::Traffic,
        EventStatus::Succeeded,
        "all traffic is on the replacement instances",
    );
    match cx.group.termination_action {
        TerminationAction::KeepAlive => {
            run.event(
                t,
                What::Fleet,
                EventStatus::Succeeded,
                "the original instances are deregistered and kept running (KEEP_ALIVE)",
            );
            planned.originals_kept = true;
        }
        TerminationAction::Terminate => {
            let wait = match cx.group.termination_wait_minutes {
                Some(m) => m,
                None => {
                    cx.note("the group sets no termination wait: the original instances are terminated at once");
                    0
                }
            };
            run.event(t, What::Wait, EventStatus::Waiting, format!("waiting {wait} minute(s) before terminating the original instances; a rollback is still possible"));
            t = t
                .saturating_add(wait.saturating_mul(60))
                .min(super::scenario::MAX_SECONDS);
            for j in 0..n {
                run.push_change(
                    original(j),
                    change(t, TargetState::Terminated, Revision::Old, false, None),
                );
            }
            run.event(
                t,
                What::Fleet,
                EventStatus::Succeeded,
                "the original instances are terminated",
            );
            planned.originals_terminated_at = Some(t);
        }
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

/// Plans the rollback of an EC2 blue/green deployment stopped at `t`: the original instances get
/// the traffic back (all at once) and the replacement instances are deregistered. Returns its end,
/// or `None` when the original instances are gone.
pub(crate) fn rollback(
    run: &mut Run,
    n: u32,
    phases: &Phases,
    t: u32,
    planned: &Planned,
) -> Option<u32> {
    if planned.originals_terminated_at.is_some_and(|at| at <= t) {
        return None;
    }
    let moved = run.state_at(t).is_some_and(|p| p.green > 0.0)
        || run
            .targets
            .iter()
            .take(n as usize)
            .any(|o| o.changes.last().is_some_and(|c| !c.serving));
    // Traffic that never left the original instances has nothing to come back from.
    let back = if moved { t + total(&phases.allow) } else { t };
    let end = back + total(&phases.block);
    if moved {
        for j in 0..n {
            run.change(
                j as usize,
                change(back, TargetState::Succeeded, Revision::Old, true, None),
            );
        }
        run.point(RawPoint {
            t: back,
            green: 0.0,
            healthy: Some(n),
            offline: Some(0),
            served: 1.0,
        });
        run.shift(back, 0.0);
        run.event(
            back,
            What::Traffic,
            EventStatus::Succeeded,
            "all traffic is back on the original instances",
        );
    } else {
        run.event(
            t,
            What::Traffic,
            EventStatus::Skipped,
            "traffic never left the original instances: the replacement instances are released",
        );
    }
    for i in 0..n {
        let idx = (n + i) as usize;
        if let Some(last) = run.last(idx)
            && !matches!(
                last.state,
                TargetState::Failed | TargetState::Pending | TargetState::Skipped
            )
        {
            run.change(
                idx,
                change(end, TargetState::Deregistered, last.revision, false, None),
            );
        }
    }
    Some(end)
}
