//! In-place deployments to EC2/on-premises instances, by the minimum-healthy-hosts algorithm of
//! reference C3:
//!
//! 1. `min` is `HOST_COUNT`, `FLEET_PERCENT` of the fleet rounded up, or all but one for
//!    OneAtATime.
//! 2. Unhealthy instances are deployed first (they are numbered first); taking one offline does
//!    not lower the healthy count, so they never wait. A healthy instance goes offline only while
//!    the healthy count stays at least `min` — the most instances that can be offline at once.
//!    When nothing is being deployed and no instance may go offline, the deployment fails without
//!    touching another instance (N = 10 at 95 %: `min` is 10, it fails at once).
//! 3. An instance is deployed the moment a place frees up (CodeDeploy does not wait for a whole
//!    batch), running its lifecycle events; success makes it healthy, failure unhealthy.
//! 4. After a failure, when instances are still waiting and the instances not failed are `min` or
//!    fewer, the deployment fails: another could not go offline. With nothing waiting (a failure
//!    on the last instance), the deployment ends when the last instance does.
//! 5. It succeeds when at least `min` instances, and at least one, succeeded.
//!
//! Instances are out of service ("offline") from the start to the end of their deployment, with
//! or without a load balancer: without one the application is stopped between `ApplicationStop`
//! and `ApplicationStart` anyway. The same algorithm runs a rollback (the last good revision,
//! every instance of the group, unhealthy ones first).

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::report::{EventStatus, LifecycleStep, Revision, TargetKind, TargetState, What};
use super::run::{RawPoint, Run, change};

/// An instance when the deployment starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Instance {
    /// Whether it is healthy (in service).
    pub healthy: bool,
    /// The revision it runs.
    pub revision: Revision,
    /// Its lifecycle's duration factor (seeded jitter).
    pub scale: f64,
    /// The lifecycle step at whose end its deployment fails, if it does.
    pub fails_at: Option<usize>,
}

/// The result of planning an in-place deployment.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct InPlacePlan {
    /// When the deployment ends (its last instance finished, or it failed).
    pub end: u32,
    /// When and why it failed.
    pub failure: Option<(u32, String)>,
    /// How many instances succeeded.
    pub succeeded: u32,
    /// The most instances running the new revision at once.
    pub max_new: u32,
}

/// Plans an in-place deployment of `revision` to `instances` (in deployment order) from `start`,
/// recording into `run`: one target per instance (created when `create` is set, otherwise the
/// run's first targets are the instances). The deployment fails at `deadline` if it is not over
/// (CodeDeploy's 8-hour limit): nothing after it is planned.
#[allow(clippy::too_many_arguments)]
pub(crate) fn plan(
    run: &mut Run,
    instances: &[Instance],
    minimum: u32,
    lifecycle: &[LifecycleStep],
    revision: Revision,
    start: u32,
    deadline: u32,
    create: bool,
) -> InPlacePlan {
    let n = u32::try_from(instances.len()).unwrap_or(u32::MAX);
    let total: u32 = lifecycle.iter().map(|s| s.duration).sum();
    if create {
        run.targets.reserve(instances.len());
        run.events.reserve(instances.len() * 2 + 16);
        for (i, inst) in instances.iter().enumerate() {
            run.target(
                TargetKind::Instance,
                i as u32 + 1,
                None,
                inst.scale,
                change(
                    start,
                    if inst.healthy {
                        TargetState::Pending
                    } else {
                        TargetState::Failed
                    },
                    inst.revision,
                    inst.healthy,
                    None,
                ),
            );
        }
    }
    // The deployment order: unhealthy instances first, then the others, each in number order.
    let mut order: Vec<usize> = (0..instances.len())
        .filter(|i| instances.get(*i).is_some_and(|x| !x.healthy))
        .collect();
    order.extend((0..instances.len()).filter(|i| instances.get(*i).is_some_and(|x| x.healthy)));
    let mut healthy: u32 = instances.iter().filter(|x| x.healthy).count() as u32;
    let mut unhealthy: u32 = n - healthy;
    let mut new_serving: u32 = instances
        .iter()
        .filter(|x| x.healthy && x.revision == Revision::New)
        .count() as u32;
    let mut new_total = new_serving;
    let mut max_new = new_total;
    let mut offline: u32 = 0;
    let mut succeeded: u32 = 0;
    let mut green = if healthy > 0 {
        f64::from(new_serving) / f64::from(healthy) * 100.0
    } else {
        0.0
    };
    let record =
        |run: &mut Run, t: u32, healthy: u32, offline: u32, new_serving: u32, green: &mut f64| {
            let served = if healthy > 0 { 1.0 } else { 0.0 };
            if healthy > 0 {
                *green = f64::from(new_serving) / f64::from(healthy) * 100.0;
            }
            run.point(RawPoint {
                t,
                green: *green,
                healthy: Some(healthy),
                offline: Some(offline),
                served,
            });
        };
    record(run, start, healthy, offline, new_serving, &mut green);
    if revision == Revision::New {
        run.event(
            start,
            What::Deployment,
            EventStatus::InProgress,
            "the deployment starts",
        );
    }
    let mut queue = order.into_iter().peekable();
    // (end, instance index, succeeded).
    let mut running: BinaryHeap<Reverse<(u32, usize, bool)>> = BinaryHeap::new();
    let mut t = start;
    let mut failure: Option<(u32, String)> = None;
    loop {
        // Take as many instances offline as the minimum allows.
        let mut started = false;
        while let Some(&i) = queue.peek() {
            let Some(inst) = instances.get(i) else {
                queue.next();
                continue;
            };
            if inst.healthy && healthy <= minimum {
                break;
            }
            queue.next();
            started = true;
            if inst.healthy {
                healthy -= 1;
                if inst.revision == Revision::New {
                    new_serving -= 1;
                }
            } else {
                unhealthy -= 1;
            }
            offline += 1;
            let (ok, dur) = match inst.fails_at {
                Some(k) => {
                    let at: u32 = lifecycle.iter().take(k + 1).map(|s| s.duration).sum();
                    (false, at)
                }
                None => (true, total),
            };
            let dur = ((f64::from(dur) * inst.scale).round() as u32).max(1);
            running.push(Reverse((t.saturating_add(dur), i, ok)));
            run.change(
                i,
                change(t, TargetState::InProgress, Revision::None, false, None),
            );
            run.instance_event(
                t,
                i as u32 + 1,
                None,
                EventStatus::InProgress,
                Cow::Borrowed("its deployment starts; it is out of service"),
            );
        }
        if started {
            record(run, t, healthy, offline, new_serving, &mut green);
        }
        let Some(Reverse((end, _, _))) = running.peek().copied() else {
            if queue.peek().is_some() {
                let message = format!(
                    "{healthy} healthy instance(s) and a minimum of {minimum}: no instance can be taken offline without going below it"
                );
                failure = Some((t, message));
            }
            break;
        };
        if end > deadline {
            failure = Some((
                deadline,
                "an in-place deployment may run for at most 8 hours".to_string(),
            ));
            break;
        }
        t = end;
        let mut failed_now = false;
        while let Some(Reverse((e, i, ok))) = running.peek().copied() {
            if e != t {
                break;
            }
            running.pop();
            offline -= 1;
            let number = i as u32 + 1;
            if ok {
                healthy += 1;
                succeeded += 1;
                if revision == Revision::New {
                    new_serving += 1;
                    new_total += 1;
                    max_new = max_new.max(new_total);
                } else if instances
                    .get(i)
                    .is_some_and(|x| x.revision == Revision::New)
                {
                    new_total = new_total.saturating_sub(1);
                }
                run.push_change(i, change(t, TargetState::Succeeded, revision, true, None));
                run.instance_event(
                    t,
                    number,
                    None,
                    EventStatus::Succeeded,
                    Cow::Borrowed("its deployment succeeded; it is back in service"),
                );
            } else {
                unhealthy += 1;
                failed_now = true;
                let event = instances
                    .get(i)
                    .and_then(|x| x.fails_at)
                    .and_then(|k| lifecycle.get(k))
                    .map(|s| s.event.clone());
                run.change(
                    i,
                    change(t, TargetState::Failed, Revision::None, false, None),
                );
                run.instance_event(
                    t,
                    number,
                    event,
                    EventStatus::Failed,
                    Cow::Borrowed("a lifecycle event failed; the instance is unhealthy"),
                );
            }
        }
        record(run, t, healthy, offline, new_serving, &mut green);
        if failed_now && queue.peek().is_some() && n - unhealthy <= minimum {
            failure = Some((
                t,
                format!(
                    "{} instance(s) are not failed, the minimum is {minimum}: no other instance can be taken offline",
                    n - unhealthy
                ),
            ));
            break;
        }
    }
    if failure.is_none() && (succeeded < minimum || succeeded == 0) {
        failure = Some((
            t,
            format!(
                "{succeeded} instance(s) succeeded; at least {} must",
                minimum.max(1)
            ),
        ));
    }
    InPlacePlan {
        end: failure.as_ref().map_or(t, |f| f.0),
        failure,
        succeeded,
        max_new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deployment::config::MinimumHealthyHosts;

    fn lifecycle() -> Vec<LifecycleStep> {
        ["BeforeInstall", "Install", "AfterInstall"]
            .iter()
            .map(|e| LifecycleStep {
                event: Cow::Borrowed(*e),
                offset: 0,
                duration: 20,
            })
            .collect()
    }

    fn fleet(n: usize, fail: &[usize]) -> Vec<Instance> {
        (0..n)
            .map(|i| Instance {
                healthy: true,
                revision: Revision::Old,
                scale: 1.0,
                fails_at: fail.contains(&(i + 1)).then_some(0),
            })
            .collect()
    }

    fn run(n: usize, m: MinimumHealthyHosts, fail: &[usize]) -> (InPlacePlan, Run) {
        let mut r = Run::default();
        let min = m.minimum(n as u32);
        let p = plan(
            &mut r,
            &fleet(n, fail),
            min,
            &lifecycle(),
            Revision::New,
            0,
            u32::MAX,
            true,
        );
        (p, r)
    }

    fn max_offline(r: &Run) -> u32 {
        r.points.iter().filter_map(|p| p.offline).max().unwrap_or(0)
    }

    #[test]
    fn nine_instances_host_count_six_three_at_a_time() {
        let (p, r) = run(9, MinimumHealthyHosts::HostCount(6), &[]);
        assert_eq!(max_offline(&r), 3);
        assert_eq!(p.failure, None);
        assert_eq!(p.succeeded, 9);
        assert_eq!(p.end, 180);
        // Success needs six: three failures are too many only when a fourth instance waits.
        let (p, _) = run(9, MinimumHealthyHosts::HostCount(6), &[7, 8, 9]);
        assert_eq!(p.failure, None);
        let (p, _) = run(9, MinimumHealthyHosts::HostCount(6), &[1, 2, 3]);
        assert!(p.failure.is_some());
    }

    #[test]
    fn nine_instances_fleet_percent_forty_five_at_a_time() {
        let (p, r) = run(9, MinimumHealthyHosts::FleetPercent(40), &[]);
        assert_eq!(max_offline(&r), 5);
        assert_eq!(p.end, 120);
        assert_eq!(p.failure, None);
        // Four successes are enough.
        let (p, _) = run(9, MinimumHealthyHosts::FleetPercent(40), &[6, 7, 8, 9, 5]);
        assert_eq!(p.failure, None);
        assert_eq!(p.succeeded, 4);
    }

    #[test]
    fn ten_instances_at_ninety_five_percent_fail_at_once() {
        let (p, r) = run(10, MinimumHealthyHosts::FleetPercent(95), &[]);
        assert_eq!(p.failure.as_ref().map(|f| f.0), Some(0));
        assert_eq!(max_offline(&r), 0);
        assert!(r.targets.iter().all(|t| t.changes.len() == 1));
    }

    #[test]
    fn one_at_a_time_fails_at_the_first_failure_except_on_the_last_instance() {
        let (p, r) = run(10, MinimumHealthyHosts::MostConcurrency, &[3]);
        assert_eq!(max_offline(&r), 1);
        assert_eq!(p.failure.as_ref().map(|f| f.0), Some(140));
        let (p, _) = run(10, MinimumHealthyHosts::MostConcurrency, &[10]);
        assert_eq!(p.failure, None);
        assert_eq!(p.succeeded, 9);
        let (p, _) = run(1, MinimumHealthyHosts::MostConcurrency, &[1]);
        assert!(p.failure.is_some());
        let (p, _) = run(1, MinimumHealthyHosts::MostConcurrency, &[]);
        assert_eq!(p.failure, None);
    }

    #[test]
    fn host_count_eight_of_ten_survives_a_second_failure_on_the_last_instance() {
        let (p, _) = run(10, MinimumHealthyHosts::HostCount(8), &[3, 10]);
        assert_eq!(p.failure, None);
        assert_eq!(p.succeeded, 8);
        let (p, _) = run(10, MinimumHealthyHosts::HostCount(8), &[3, 5]);
        assert!(p.failure.is_some());
    }

    #[test]
    fn all_at_once_needs_one_success() {
        let (p, r) = run(
            10,
            MinimumHealthyHosts::HostCount(0),
            &[1, 2, 3, 4, 5, 6, 7, 8, 9],
        );
        assert_eq!(max_offline(&r), 10);
        assert_eq!(p.failure, None);
        let all: Vec<usize> = (1..=10).collect();
        let (p, _) = run(10, MinimumHealthyHosts::HostCount(0), &all);
        assert!(p.failure.is_some());
    }

    #[test]
    fn unhealthy_instances_go_first_without_lowering_the_healthy_count() {
        let mut instances = fleet(10, &[]);
        for i in instances.iter_mut().take(2) {
            i.healthy = false;
        }
        let mut r = Run::default();
        // Eight healthy, minimum nine: only the two unhealthy ones can be deployed at first.
        let p = plan(
            &mut r,
            &instances,
            9,
            &lifecycle(),
            Revision::New,
            0,
            u32::MAX,
            true,
        );
        assert_eq!(p.failure, None);
        assert_eq!(p.succeeded, 10);
        assert_eq!(r.points.first().and_then(|x| x.offline), Some(2));
    }
}
