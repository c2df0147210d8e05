//! What front ends show of a pipeline run (`cicd simulate pipeline --format json`, a documented
//! contract, and the playground's diagram): built once here by [`simulate`](super::simulate())
//! with the core's identifiers and labels, and placed by each front end (`map`).
//!
//! - [`PipelineView`]: the pipeline as a diagram — stages in order, each with its `runOrder`
//!   groups of actions, inbound transitions, and the artifact edges from producer to consumer —
//!   so that a front end draws it without working anything out.
//! - [`EventReport`]s in time order, per execution and for the whole run; [`Track`]s: each
//!   action's status over time per execution (what an animation samples at time `t`).
//! - [`ExecutionReport`]s: when each execution started and ended, and its outcome.

use std::collections::HashMap;

use super::model::{ExecutionMode, Pipeline, Text};
use super::providers::{self, APPROVAL_TIMEOUT};
use crate::source::Span;

/// The report of a simulated run, with places of type `P` ([`Span`] as built; a line number
/// for the CLI, a [`Place`](crate::report::Place) for the playground).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PipelineReport<P> {
    /// The pipeline's name (or, in a template, its logical id).
    pub pipeline: String,
    /// The execution mode the run follows (`SUPERSEDED`, `QUEUED`, `PARALLEL`).
    pub mode: ExecutionMode,
    /// `V1` or `V2` (`V1` when the declaration does not say and uses no V2 feature).
    pub pipeline_type: String,
    /// The pipeline as a diagram.
    pub view: PipelineView<P>,
    /// The executions: ids 1..N in start order, then rollback executions.
    pub executions: Vec<ExecutionReport>,
    /// Every event in time order (ties in the order they happened).
    pub events: Vec<EventReport>,
    /// Each action's status over time, per execution that reached it.
    pub tracks: Vec<Track>,
    /// Seconds from the first start to the last event.
    pub duration: u64,
    /// Remarks: assumptions, what the scenario named that does not exist, bounds reached.
    pub notes: Vec<String>,
}

/// The pipeline as a diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PipelineView<P> {
    /// The stages, in order.
    pub stages: Vec<StageView<P>>,
    /// Artifacts from the action producing them to each action consuming them.
    pub artifacts: Vec<ArtifactEdge>,
}

/// One stage of the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StageView<P> {
    /// Position in the pipeline (0-based).
    pub index: usize,
    /// The stage's name (a template's computed name as written, `stage N` when missing).
    pub name: String,
    /// The stage in the file.
    pub place: P,
    /// Whether the inbound transition is disabled (by the template or the scenario), with the
    /// reason when one is given.
    pub inbound_disabled: Option<String>,
    /// What happens when the stage fails (`RETRY (FAILED_ACTIONS)`, `ROLLBACK`), if declared.
    pub on_failure: Option<String>,
    /// The actions grouped by `runOrder`, in ascending order (a group's actions run in
    /// parallel; the next group starts when all of them succeeded).
    pub groups: Vec<GroupView<P>>,
}

/// Actions of a stage sharing a `runOrder`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GroupView<P> {
    /// The run order.
    pub run_order: i64,
    /// The actions, in declaration order.
    pub actions: Vec<ActionView<P>>,
}

/// One action of the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ActionView<P> {
    /// Position in its stage's `actions` (0-based): with the stage's index, the key events and
    /// tracks use.
    pub index: usize,
    /// The action's name.
    pub name: String,
    /// `Source`, `Build`, … (empty when missing).
    pub category: String,
    /// `AWS`, `ThirdParty` or `Custom` (empty when missing).
    pub owner: String,
    /// The provider (empty when missing).
    pub provider: String,
    /// The action in the file.
    pub place: P,
    /// Input artifact names.
    pub inputs: Vec<String>,
    /// Output artifact names.
    pub outputs: Vec<String>,
    /// The manual approval's details, for an approval action.
    pub approval: Option<ApprovalView>,
}

/// What a manual approval shows the reviewer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ApprovalView {
    /// `CustomData`: the message for the reviewer.
    pub message: Option<String>,
    /// `ExternalEntityLink`: what to review.
    pub url: Option<String>,
    /// `NotificationArn`: the SNS topic notified.
    pub topic: Option<String>,
    /// Seconds before the approval times out (`timeoutInMinutes`, else 7 days).
    pub timeout: u64,
}

/// An action of the diagram: stage and action indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ActionKey {
    /// Stage index.
    pub stage: usize,
    /// Action index within the stage.
    pub action: usize,
}

/// An artifact passed from one action to another.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ArtifactEdge {
    /// The artifact's name.
    pub artifact: String,
    /// The producing action.
    pub from: ActionKey,
    /// The consuming action.
    pub to: ActionKey,
}

/// The kind of an execution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum ExecutionKind {
    /// Started by a source change or by hand.
    Standard,
    /// A stage rollback (`onFailure: ROLLBACK`): re-runs the failed stage with the artifacts of
    /// the last execution that succeeded in it.
    Rollback,
}

/// How an execution ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Outcome {
    /// Every stage succeeded.
    Succeeded,
    /// An action failed (or an approval was rejected or timed out) and was not retried.
    Failed,
    /// A newer execution replaced it while it waited at a stage boundary (SUPERSEDED mode).
    Superseded,
    /// Stopped by the scenario.
    Stopped,
    /// The simulation's bounds ended it (never with the default bounds on a valid pipeline).
    Cancelled,
    /// Still waiting when the scenario ends (at a transition that is never re-enabled).
    InProgress,
}

impl Outcome {
    /// `Succeeded`, `Failed`, …
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Succeeded => "Succeeded",
            Outcome::Failed => "Failed",
            Outcome::Superseded => "Superseded",
            Outcome::Stopped => "Stopped",
            Outcome::Cancelled => "Cancelled",
            Outcome::InProgress => "InProgress",
        }
    }
}

/// A status an action or stage of an execution takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Status {
    /// Running.
    InProgress,
    /// Done.
    Succeeded,
    /// Failed (an approval: rejected or timed out).
    Failed,
    /// An approval waiting for a decision, or an execution waiting to enter a stage.
    Waiting,
    /// The execution, waiting to enter this stage, was replaced by a newer one.
    Superseded,
    /// Stopped by the scenario.
    Stopped,
    /// Ended by the simulation's bounds.
    Cancelled,
    /// In flight when the execution was stopped and abandoned.
    Abandoned,
}

impl Status {
    /// `InProgress`, `Succeeded`, …
    pub fn id(self) -> &'static str {
        match self {
            Status::InProgress => "InProgress",
            Status::Succeeded => "Succeeded",
            Status::Failed => "Failed",
            Status::Waiting => "Waiting",
            Status::Superseded => "Superseded",
            Status::Stopped => "Stopped",
            Status::Cancelled => "Cancelled",
            Status::Abandoned => "Abandoned",
        }
    }
}

/// One status change.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EventReport {
    /// Seconds from the first start.
    pub t: u64,
    /// The execution's id.
    pub execution: u32,
    /// The stage's name.
    pub stage: String,
    /// The stage's index in the view.
    pub stage_index: usize,
    /// The action's name; `None` for a stage-level event.
    pub action: Option<String>,
    /// The action's index within its stage.
    pub action_index: Option<usize>,
    /// The new status.
    pub status: Status,
    /// 1 for the first run of the stage, 2 after one retry, …
    pub attempt: u32,
    /// Why, for people ("rejected", "waiting for execution 1 to leave the stage", …).
    pub note: Option<String>,
}

/// One execution.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExecutionReport {
    /// 1..N in start order; rollback executions follow.
    pub id: u32,
    /// `standard` or `rollback`.
    pub kind: ExecutionKind,
    /// For a rollback: the execution whose artifacts it redeploys.
    pub rollback_of: Option<u32>,
    /// Start, seconds from the first start.
    pub start: u64,
    /// End, when it ended.
    pub end: Option<u64>,
    /// How it ended.
    pub outcome: Outcome,
    /// Why, for people.
    pub reason: Option<String>,
    /// Its events, in time order.
    pub events: Vec<EventReport>,
}

/// One action's status over time in one execution.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Track {
    /// The execution.
    pub execution: u32,
    /// The action.
    pub action: ActionKey,
    /// Consecutive statuses: each from its start until the next one's (the last one lasts).
    pub segments: Vec<Segment>,
}

/// A status held from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Segment {
    /// Start, seconds.
    pub from: u64,
    /// End, seconds (`None`: until the end of the run).
    pub to: Option<u64>,
    /// The status.
    pub status: Status,
}

impl Track {
    /// The status at time `t` (`None` before the action was reached).
    pub fn status_at(&self, t: u64) -> Option<Status> {
        self.segments
            .iter()
            .rev()
            .find(|s| s.from <= t)
            .map(|s| s.status)
    }
}

/// The group order of an action: its run order, 1 when absent or unreadable.
pub(crate) fn group_order(a: &super::Action) -> i64 {
    a.run_order().unwrap_or(1)
}

/// The label of a text for the view (literal, or what computes it).
fn shown(t: Option<&Text>, fallback: String) -> String {
    t.map_or(fallback, |t| t.display().to_string())
}

/// The pipeline as a diagram (what [`PipelineReport::view`] holds), with the inbound transitions
/// the template disables and those `disabled` names.
pub fn view(p: &Pipeline, disabled: &[String]) -> PipelineView<Span> {
    let mut stages = Vec::new();
    for stage in &p.stages.items {
        let mut orders: Vec<i64> = stage.actions.items.iter().map(group_order).collect();
        orders.sort_unstable();
        orders.dedup();
        let groups = orders
            .into_iter()
            .map(|order| GroupView {
                run_order: order,
                actions: stage
                    .actions
                    .items
                    .iter()
                    .filter(|a| group_order(a) == order)
                    .map(|a| ActionView {
                        index: a.index,
                        name: a.label(),
                        category: shown(a.category.as_ref(), String::new()),
                        owner: shown(a.owner.as_ref(), String::new()),
                        provider: shown(a.provider.as_ref(), String::new()),
                        place: a.name.as_ref().map_or(a.span, |n| n.span),
                        inputs: a
                            .input_refs()
                            .iter()
                            .map(|r| r.name.display().to_string())
                            .collect(),
                        outputs: a
                            .output_refs()
                            .iter()
                            .map(|r| r.name.display().to_string())
                            .collect(),
                        approval: a.is_manual_approval().then(|| ApprovalView {
                            message: a.config_str("CustomData").map(str::to_string),
                            url: a.config_str("ExternalEntityLink").map(str::to_string),
                            topic: a.config_str("NotificationArn").map(str::to_string),
                            timeout: approval_timeout(a),
                        }),
                    })
                    .collect(),
            })
            .collect();
        let name = stage.label();
        let template_reason = p.disabled_transitions.iter().find_map(|t| {
            (t.stage.as_ref().and_then(Text::literal) == stage.name()).then(|| {
                t.reason
                    .as_ref()
                    .map_or_else(|| "disabled".to_string(), |r| r.display().to_string())
            })
        });
        let inbound_disabled = if stage.index == 0 {
            None
        } else if disabled.contains(&name) {
            Some(template_reason.unwrap_or_else(|| "disabled in the scenario".to_string()))
        } else {
            template_reason
        };
        let on_failure = stage.failure_result().map(|r| {
            match stage
                .on_failure
                .as_ref()
                .and_then(|c| c.retry_mode.as_ref())
                .and_then(Text::literal)
            {
                Some(mode) if r == "RETRY" => format!("RETRY ({mode})"),
                _ => r.to_string(),
            }
        });
        stages.push(StageView {
            index: stage.index,
            name,
            place: stage.name.as_ref().map_or(stage.span, |n| n.span),
            inbound_disabled,
            on_failure,
            groups,
        });
    }
    PipelineView {
        stages,
        artifacts: edges(p),
    }
}

/// The artifact edges: each input to the action producing it (the latest producer that runs
/// before the consumer, else any producer).
fn edges(p: &Pipeline) -> Vec<ArtifactEdge> {
    // Producers by artifact name, in declaration order (linear at the quotas).
    let mut producers: HashMap<&str, Vec<(ActionKey, i64)>> = HashMap::new();
    for (stage, action) in p.actions() {
        for o in action.output_refs() {
            producers.entry(o.name.display()).or_default().push((
                ActionKey {
                    stage: stage.index,
                    action: action.index,
                },
                group_order(action),
            ));
        }
    }
    let mut out = Vec::new();
    for (stage, action) in p.actions() {
        let order = group_order(action);
        for input in action.input_refs() {
            let name = input.name.display();
            let Some(candidates) = producers.get(name) else {
                continue;
            };
            let before = candidates
                .iter()
                .rev()
                .find(|(k, o)| k.stage < stage.index || k.stage == stage.index && *o < order);
            if let Some((from, _)) = before.or(candidates.first()) {
                out.push(ArtifactEdge {
                    artifact: name.to_string(),
                    from: *from,
                    to: ActionKey {
                        stage: stage.index,
                        action: action.index,
                    },
                });
            }
        }
    }
    out
}

/// An approval's timeout in seconds: `timeoutInMinutes`, else 7 days.
pub(crate) fn approval_timeout(a: &super::Action) -> u64 {
    a.timeout
        .as_ref()
        .and_then(|t| t.value)
        .filter(|m| (5..=86_400).contains(m))
        .map_or(APPROVAL_TIMEOUT, |m| m.unsigned_abs() * 60)
}

/// The plausible duration range of an action.
pub(crate) fn duration_range(a: &super::Action) -> (u32, u32) {
    providers::duration(a.category(), a.owner(), a.provider())
}

impl<P> PipelineView<P> {
    /// The same view with every place turned into a `Q`.
    pub fn map<Q>(self, mut place: impl FnMut(P) -> Q) -> PipelineView<Q> {
        PipelineView {
            stages: self
                .stages
                .into_iter()
                .map(|s| StageView {
                    index: s.index,
                    name: s.name,
                    place: place(s.place),
                    inbound_disabled: s.inbound_disabled,
                    on_failure: s.on_failure,
                    groups: s
                        .groups
                        .into_iter()
                        .map(|g| GroupView {
                            run_order: g.run_order,
                            actions: g
                                .actions
                                .into_iter()
                                .map(|a| ActionView {
                                    index: a.index,
                                    name: a.name,
                                    category: a.category,
                                    owner: a.owner,
                                    provider: a.provider,
                                    place: place(a.place),
                                    inputs: a.inputs,
                                    outputs: a.outputs,
                                    approval: a.approval,
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            artifacts: self.artifacts,
        }
    }

    /// The action at `key`.
    pub fn action(&self, key: ActionKey) -> Option<&ActionView<P>> {
        self.stages
            .get(key.stage)?
            .groups
            .iter()
            .flat_map(|g| &g.actions)
            .find(|a| a.index == key.action)
    }
}

impl<P> PipelineReport<P> {
    /// The same report with every place turned into a `Q`.
    pub fn map<Q>(self, place: impl FnMut(P) -> Q) -> PipelineReport<Q> {
        PipelineReport {
            pipeline: self.pipeline,
            mode: self.mode,
            pipeline_type: self.pipeline_type,
            view: self.view.map(place),
            executions: self.executions,
            events: self.events,
            tracks: self.tracks,
            duration: self.duration,
            notes: self.notes,
        }
    }

    /// The execution with `id`.
    pub fn execution(&self, id: u32) -> Option<&ExecutionReport> {
        self.executions.iter().find(|e| e.id == id)
    }

    /// The track of an action in an execution.
    pub fn track(&self, execution: u32, action: ActionKey) -> Option<&Track> {
        self.tracks
            .iter()
            .find(|t| t.execution == execution && t.action == action)
    }
}
