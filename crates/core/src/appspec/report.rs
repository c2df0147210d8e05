//! The lifecycle timeline as the CLI prints it (`cicd simulate lifecycle --format json`, a
//! documented contract) and the playground's panel shows it: built once here from the
//! [`Timeline`], with the core's identifiers and labels, and placed by each front end (`map`).

use super::lifecycle::{Deployment, Fleet, RevisionSource, Status, Step, StepKind, Timeline};
use super::model::Platform;
use crate::source::Span;

/// A lifecycle timeline, with places of type `P` ([`Span`] as built; a line number for the CLI,
/// a [`Place`](crate::report::Place) for the playground).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LifecycleReport<P> {
    /// `ec2`, `ecs` or `lambda`.
    pub platform: Platform,
    /// `in-place`, `in-place-lb` or `blue-green`.
    pub deployment: Deployment,
    /// No revision was ever deployed successfully to the instances.
    pub first_deployment: bool,
    /// ECS: the deployment group has a test listener.
    pub test_listener: bool,
    /// The events, in order.
    pub events: Vec<EventReport<P>>,
    /// Where a failing event stops the deployment.
    pub failure: Option<FailureReport>,
    /// What an automatic rollback runs, in order.
    pub rollback: Vec<EventReport<P>>,
    /// Remarks: hooks that never run in this scenario, assumptions, unconfirmed orders.
    pub notes: Vec<String>,
    /// Nominal end of the deployment (of the rollback when there is one), in seconds.
    pub duration: u32,
    /// How many errors `cicd check` reports on the AppSpec.
    pub appspec_errors: usize,
}

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EventReport<P> {
    /// Position in its list.
    pub index: usize,
    /// The lifecycle event (`BeforeInstall`), or `Rollback`.
    pub name: String,
    /// `start`, `end`, `reserved`, `hook` or `rollback`.
    pub kind: StepKind,
    /// Where it runs.
    pub fleet: Fleet,
    /// Whose AppSpec provides its scripts or function.
    pub revision: RevisionSource,
    /// `runs`, `skipped`, `failed` or `not-reached`.
    pub status: StatusId,
    /// Why it is skipped.
    pub reason: Option<String>,
    /// What happens, in one sentence.
    pub description: String,
    /// This file's scripts that run.
    pub scripts: Vec<ScriptReport<P>>,
    /// This file's hook function (ECS, Lambda).
    pub function: Option<String>,
    /// The hook in the file, when the file has one for the event.
    pub line: Option<P>,
    /// Nominal start, in seconds.
    pub start: u32,
    /// Nominal duration, in seconds.
    pub duration: u32,
}

impl<P> EventReport<P> {
    /// Whose scripts run, for people ("this AppSpec", "last successful revision"); empty when
    /// the event runs none of an AppSpec's.
    pub fn revision_label(&self) -> &'static str {
        match (self.revision, self.kind) {
            (RevisionSource::Target, StepKind::Hook) => self.revision.label(),
            (RevisionSource::Target, _) => "",
            (r, _) => r.label(),
        }
    }
}

/// Whether an event runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum StatusId {
    /// It runs.
    Runs,
    /// It is skipped (the event's `reason` says why).
    Skipped,
    /// It fails.
    Failed,
    /// An earlier event failed, so it never starts.
    NotReached,
}

impl StatusId {
    /// `runs`, `skipped`, `failed` or `not-reached`.
    pub fn id(self) -> &'static str {
        match self {
            StatusId::Runs => "runs",
            StatusId::Skipped => "skipped",
            StatusId::Failed => "failed",
            StatusId::NotReached => "not-reached",
        }
    }
}

/// A script of the file that an event runs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ScriptReport<P> {
    /// `location`.
    pub location: String,
    /// The timeout the agent applies, in seconds.
    pub timeout: u32,
    /// `runas`, when given.
    pub runas: Option<String>,
    /// The script's entry in the file.
    pub line: P,
}

/// Where a failing event stops the deployment.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FailureReport {
    /// Index of the failed event in `events`.
    pub index: usize,
    /// Its name.
    pub event: String,
    /// Nominal second at which the deployment stops.
    pub at: u32,
    /// What happens.
    pub message: String,
    /// Whether an automatic rollback has anything to do.
    pub rollback_possible: bool,
}

/// The report of `timeline` (`appspec_errors`: how many errors the AppSpec's check found).
pub fn lifecycle_report(timeline: &Timeline, appspec_errors: usize) -> LifecycleReport<Span> {
    let events = |steps: &[Step]| -> Vec<EventReport<Span>> {
        steps
            .iter()
            .enumerate()
            .map(|(index, s)| EventReport {
                index,
                name: s.event.to_string(),
                kind: s.kind,
                fleet: s.fleet,
                revision: s.revision,
                status: match s.status {
                    Status::Runs => StatusId::Runs,
                    Status::Skipped(_) => StatusId::Skipped,
                    Status::Failed => StatusId::Failed,
                    Status::NotReached => StatusId::NotReached,
                },
                reason: match &s.status {
                    Status::Skipped(why) => Some(why.clone()),
                    _ => None,
                },
                description: s.description.clone(),
                scripts: s
                    .scripts
                    .iter()
                    .map(|sc| ScriptReport {
                        location: sc.location.clone(),
                        timeout: sc.timeout,
                        runas: sc.runas.clone(),
                        line: sc.span,
                    })
                    .collect(),
                function: s.function.clone(),
                line: s.hook_span,
                start: s.start,
                duration: s.duration,
            })
            .collect()
    };
    LifecycleReport {
        platform: timeline.platform,
        deployment: timeline.deployment,
        first_deployment: timeline.first_deployment,
        test_listener: timeline.test_listener,
        events: events(&timeline.steps),
        failure: timeline.failure.as_ref().map(|f| FailureReport {
            index: f.step,
            event: f.event.to_string(),
            at: f.at,
            message: f.message.clone(),
            rollback_possible: f.rollback_possible,
        }),
        rollback: events(&timeline.rollback),
        notes: timeline.notes.clone(),
        duration: timeline.duration,
        appspec_errors,
    }
}

impl<P> LifecycleReport<P> {
    /// The same report with every place turned into a `Q`.
    pub fn map<Q>(self, mut place: impl FnMut(P) -> Q) -> LifecycleReport<Q> {
        let mut events = |list: Vec<EventReport<P>>| -> Vec<EventReport<Q>> {
            list.into_iter()
                .map(|e| EventReport {
                    index: e.index,
                    name: e.name,
                    kind: e.kind,
                    fleet: e.fleet,
                    revision: e.revision,
                    status: e.status,
                    reason: e.reason,
                    description: e.description,
                    scripts: e
                        .scripts
                        .into_iter()
                        .map(|s| ScriptReport {
                            location: s.location,
                            timeout: s.timeout,
                            runas: s.runas,
                            line: place(s.line),
                        })
                        .collect(),
                    function: e.function,
                    line: e.line.map(&mut place),
                    start: e.start,
                    duration: e.duration,
                })
                .collect()
        };
        let main = events(self.events);
        let rollback = events(self.rollback);
        LifecycleReport {
            platform: self.platform,
            deployment: self.deployment,
            first_deployment: self.first_deployment,
            test_listener: self.test_listener,
            events: main,
            failure: self.failure,
            rollback,
            notes: self.notes,
            duration: self.duration,
            appspec_errors: self.appspec_errors,
        }
    }
}
