//! The recorder every planner writes into: the state at each change, the log, the targets and
//! the traffic steps, on one time axis; and cutting a planned run where it stopped.

use std::borrow::Cow;

use super::report::{
    Event, EventStatus, Revision, Target, TargetChange, TargetKind, TargetState, TrafficStep, What,
};

/// The production state from `t` on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RawPoint {
    /// Seconds from the start.
    pub t: u32,
    /// Percent of the served traffic on the new revision.
    pub green: f64,
    /// Healthy in-service instances (EC2/on-premises).
    pub healthy: Option<u32>,
    /// Instances out of service for the deployment (EC2/on-premises).
    pub offline: Option<u32>,
    /// Share of the requests served at all (0 when no instance is in service).
    pub served: f64,
}

/// A run being recorded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Run {
    /// The state at every change, in time order.
    pub points: Vec<RawPoint>,
    /// The log.
    pub events: Vec<Event>,
    /// Traffic steps.
    pub traffic: Vec<TrafficStep>,
    /// Targets.
    pub targets: Vec<Target>,
    /// Whether what is recorded now belongs to the rollback.
    pub rollback: bool,
}

impl Run {
    /// Records the state from `t` on (a second state at the same `t` replaces the first).
    pub fn point(&mut self, p: RawPoint) {
        if let Some(last) = self.points.last_mut()
            && last.t == p.t
        {
            *last = p;
            return;
        }
        // Equal consecutive states say nothing new.
        if let Some(last) = self.points.last()
            && last.green == p.green
            && last.healthy == p.healthy
            && last.offline == p.offline
            && last.served == p.served
        {
            return;
        }
        self.points.push(p);
    }

    /// The state in force at `t`.
    pub fn state_at(&self, t: u32) -> Option<RawPoint> {
        let i = self.points.partition_point(|p| p.t <= t);
        i.checked_sub(1).and_then(|i| self.points.get(i)).copied()
    }

    /// Logs an event.
    pub fn event(
        &mut self,
        t: u32,
        what: What,
        status: EventStatus,
        message: impl Into<Cow<'static, str>>,
    ) {
        self.events.push(Event {
            t,
            what,
            instance: None,
            event: None,
            status,
            message: message.into(),
            rollback: self.rollback,
        });
    }

    /// Logs an event about an instance (and a lifecycle event).
    pub fn instance_event(
        &mut self,
        t: u32,
        instance: u32,
        event: Option<Cow<'static, str>>,
        status: EventStatus,
        message: impl Into<Cow<'static, str>>,
    ) {
        self.events.push(Event {
            t,
            what: What::Instance,
            instance: Some(instance),
            event,
            status,
            message: message.into(),
            rollback: self.rollback,
        });
    }

    /// Logs a lifecycle event.
    pub fn lifecycle_event(
        &mut self,
        t: u32,
        event: &'static str,
        status: EventStatus,
        message: impl Into<Cow<'static, str>>,
    ) {
        self.events.push(Event {
            t,
            what: What::LifecycleEvent,
            instance: None,
            event: Some(Cow::Borrowed(event)),
            status,
            message: message.into(),
            rollback: self.rollback,
        });
    }

    /// Adds a target; returns its index.
    pub fn target(
        &mut self,
        kind: TargetKind,
        number: u32,
        label: Option<String>,
        scale: f64,
        first: TargetChange,
    ) -> usize {
        let id = u32::try_from(self.targets.len() + 1).unwrap_or(u32::MAX);
        // Most targets change state three or four times: one allocation each.
        let mut changes = Vec::with_capacity(4);
        changes.push(first);
        self.targets.push(Target {
            id,
            kind,
            number,
            label,
            duration_scale: scale,
            changes,
        });
        self.targets.len() - 1
    }

    /// Records a target's new state from `t` on.
    pub fn change(&mut self, target: usize, change: TargetChange) {
        let Some(t) = self.targets.get_mut(target) else {
            return;
        };
        if let Some(last) = t.changes.last_mut()
            && last.t == change.t
        {
            *last = change;
            return;
        }
        t.changes.push(change);
    }

    /// Records a target's new state from `t` on, after its last one, without looking at it:
    /// for planners whose changes to a target move forward in time (looking costs a cache miss
    /// per change on large fleets).
    pub fn push_change(&mut self, target: usize, change: TargetChange) {
        if let Some(t) = self.targets.get_mut(target) {
            t.changes.push(change);
        }
    }

    /// A target's last recorded state.
    pub fn last(&self, target: usize) -> Option<TargetChange> {
        self.targets
            .get(target)
            .and_then(|t| t.changes.last())
            .copied()
    }

    /// Records a traffic step.
    pub fn shift(&mut self, t: u32, green: f64) {
        self.traffic.push(TrafficStep {
            t,
            green_percent: green,
            rollback: self.rollback,
        });
    }

    /// Forgets everything planned after `t`: the deployment stopped there. Targets being deployed
    /// become `Unknown` (interrupted), targets not reached become `Skipped`.
    pub fn cut(&mut self, t: u32) {
        self.points.retain(|p| p.t <= t);
        self.events.retain(|e| e.t <= t);
        self.traffic.retain(|s| s.t <= t);
        for target in &mut self.targets {
            target.changes.retain(|c| c.t <= t);
            let Some(last) = target.changes.last().copied() else {
                continue;
            };
            let state = match last.state {
                TargetState::InProgress => TargetState::Unknown,
                TargetState::Pending => TargetState::Skipped,
                _ => continue,
            };
            let change = TargetChange {
                t,
                state,
                revision: if state == TargetState::Unknown {
                    Revision::None
                } else {
                    last.revision
                },
                serving: if state == TargetState::Unknown {
                    false
                } else {
                    last.serving
                },
                weight: last.weight,
            };
            if last.t == t {
                if let Some(l) = target.changes.last_mut() {
                    *l = change;
                }
            } else {
                target.changes.push(change);
            }
        }
    }

    /// The last second anything happens.
    pub fn end(&self) -> u32 {
        let p = self.points.last().map_or(0, |p| p.t);
        let e = self.events.iter().map(|e| e.t).max().unwrap_or(0);
        let c = self
            .targets
            .iter()
            .filter_map(|t| t.changes.last())
            .map(|c| c.t)
            .max()
            .unwrap_or(0);
        p.max(e).max(c)
    }
}

/// A target change.
pub(crate) fn change(
    t: u32,
    state: TargetState,
    revision: Revision,
    serving: bool,
    weight: Option<f64>,
) -> TargetChange {
    TargetChange {
        t,
        state,
        revision,
        serving,
        weight,
    }
}
