//! The pipeline run: the pipeline drawn as a diagram (stages as columns, each `runOrder` group of
//! parallel actions as a band, artifact arrows from producer to consumer), its actions coloured
//! by their status at the playhead for the chosen execution, a lane per execution below (stages
//! as segments over time, so queued, superseded and parallel executions read at a glance), and
//! the events so far. The learner makes actions fail, answers approvals, retries and starts more
//! executions; every change re-runs the core's simulation (the panel only samples it).

use std::collections::HashMap;
use std::rc::Rc;

use cicd_core::pipeline::Scenario;
use cicd_core::pipeline::report::{ActionKey, ActionView, ExecutionReport, PipelineReport, Status};
use cicd_core::pipeline::simulate::{Decision, FailureSpec, RetryMode, RetryPlan, Verdict};
use cicd_core::report::Place;
use cicd_engine::{FileReport, Panel};
use yew::prelude::*;

use super::player::{Controls, clock, speeds, use_player, watchable_speed};

/// Props of [`PipelinePanel`].
#[derive(Properties, PartialEq)]
pub struct PipelineProps {
    /// The current file's report (its panel is the simulated run).
    pub report: Rc<FileReport>,
    /// The scenario the run was simulated for.
    pub scenario: Scenario,
    /// The scenario changed.
    pub on_scenario: Callback<Scenario>,
    /// Show a place in the editor (UTF-16 offset).
    pub on_reveal: Callback<u32>,
}

const COL_W: f64 = 196.0;
const ACT_W: f64 = 164.0;
const ACT_H: f64 = 46.0;
const GAP_Y: f64 = 10.0;
const GROUP_GAP: f64 = 26.0;
const PAD: f64 = 14.0;
const HEAD: f64 = 34.0;
const LANE_H: f64 = 24.0;
/// The width of a lane's bar in its own units (drawn stretched to the space beside its label).
const LANE_W: f64 = 1000.0;

/// The CSS class of a status (`status-in-progress`).
fn status_class(status: Option<Status>) -> &'static str {
    match status {
        None => "status-idle",
        Some(Status::InProgress) => "status-in-progress",
        Some(Status::Succeeded) => "status-succeeded",
        Some(Status::Failed) => "status-failed",
        Some(Status::Waiting) => "status-waiting",
        Some(Status::Superseded) => "status-superseded",
        Some(Status::Stopped | Status::Abandoned | Status::Cancelled) => "status-stopped",
    }
}

/// Words for a status (the diagram never relies on colour alone).
fn status_words(status: Option<Status>) -> &'static str {
    match status {
        None => "not started",
        Some(Status::InProgress) => "in progress",
        Some(Status::Succeeded) => "succeeded",
        Some(Status::Failed) => "failed",
        Some(Status::Waiting) => "waiting",
        Some(Status::Superseded) => "superseded",
        Some(Status::Stopped) => "stopped",
        Some(Status::Abandoned) => "abandoned",
        Some(Status::Cancelled) => "cancelled",
    }
}

/// Where each action is drawn, and the diagram's size.
struct Layout {
    at: HashMap<ActionKey, (f64, f64)>,
    width: f64,
    height: f64,
    /// The `then` separators between groups: (x, y).
    separators: Vec<(f64, f64)>,
}

fn layout(report: &PipelineReport<Place>) -> Layout {
    let mut at = HashMap::new();
    let mut separators = Vec::new();
    let mut height: f64 = HEAD + ACT_H;
    for (s, stage) in report.view.stages.iter().enumerate() {
        let x = PAD + s as f64 * COL_W;
        let mut y = HEAD;
        for (g, group) in stage.groups.iter().enumerate() {
            if g > 0 {
                separators.push((x, y - GAP_Y + GROUP_GAP / 2.0 - 4.0));
                y += GROUP_GAP - GAP_Y;
            }
            for action in &group.actions {
                at.insert(
                    ActionKey {
                        stage: stage.index,
                        action: action.index,
                    },
                    (x, y),
                );
                y += ACT_H + GAP_Y;
            }
        }
        height = height.max(y);
    }
    Layout {
        at,
        width: PAD * 2.0 + report.view.stages.len().max(1) as f64 * COL_W - (COL_W - ACT_W),
        height: height + PAD,
        separators,
    }
}

/// Each action's status at `t` in `execution`.
fn statuses(report: &PipelineReport<Place>, execution: u32, t: u64) -> HashMap<ActionKey, Status> {
    report
        .tracks
        .iter()
        .filter(|track| track.execution == execution)
        .filter_map(|track| track.status_at(t).map(|s| (track.action, s)))
        .collect()
}

/// The stage segments of an execution's lane: (stage index, from, to, status while running,
/// status it ended with).
type LaneSegment = (usize, u64, u64, Status, Status);

fn lane(report: &PipelineReport<Place>, execution: u32, end: u64) -> Vec<LaneSegment> {
    let mut out = Vec::new();
    let mut open: HashMap<usize, (u64, Status)> = HashMap::new();
    let Some(ex) = report.executions.iter().find(|e| e.id == execution) else {
        return out;
    };
    for e in ex.events.iter().filter(|e| e.action.is_none()) {
        if let Some((from, status)) = open.remove(&e.stage_index)
            && matches!(status, Status::InProgress | Status::Waiting)
        {
            out.push((e.stage_index, from, e.t, status, e.status));
        }
        open.insert(e.stage_index, (e.t, e.status));
    }
    let last = ex.end.unwrap_or(end);
    for (stage, (from, status)) in open {
        if matches!(status, Status::InProgress | Status::Waiting) {
            out.push((stage, from, last.max(from), status, status));
        } else if !out.iter().any(|s| s.0 == stage) {
            // A stage that ended without running (superseded at its door, say): a mark.
            out.push((stage, from, from, status, status));
        }
    }
    out.sort_by_key(|s| (s.1, s.0));
    out
}

/// An execution's outcome as of `t`: `NotStarted` before it starts, `InProgress` until it ends.
fn shown_outcome(ex: &ExecutionReport, t: u64) -> &'static str {
    if ex.start > t {
        "NotStarted"
    } else if ex.end.is_some_and(|end| end <= t) {
        ex.outcome.id()
    } else {
        "InProgress"
    }
}

/// The pipeline run panel.
#[component]
pub fn PipelinePanel(props: &PipelineProps) -> Html {
    let view = match &props.report.panel {
        Panel::Pipeline(view) => view.clone(),
        _ => return html! {},
    };
    let report = Rc::new(view.report.clone());
    let marks = {
        let mut m: Vec<f64> = report.events.iter().map(|e| e.t as f64).collect();
        m.dedup();
        Rc::new(m)
    };
    let duration = report.duration.max(1) as f64;
    let speed = watchable_speed(duration);
    let player = use_player(duration, marks, speed, props.report.version);
    let t = player.head.t as u64;
    let chosen = use_state(|| 1u32);
    let selected = use_state(|| None::<ActionKey>);
    let execution = if report.executions.iter().any(|e| e.id == *chosen) {
        *chosen
    } else {
        report.executions.first().map_or(1, |e| e.id)
    };
    let now = statuses(&report, execution, t);
    let lay = layout(&report);

    // The stage being worked on stays in view in a narrow panel.
    {
        let active_stage = report
            .events
            .iter()
            .rev()
            .find(|e| e.t <= t && e.execution == execution)
            .map(|e| e.stage_index);
        use_effect_with(active_stage, move |stage| {
            if let Some(stage) = stage {
                crate::dom::scroll_into_view(
                    &format!(".pipeline .diagram g.stage[data-stage-index=\"{stage}\"]"),
                    "nearest",
                );
            }
            || ()
        });
    }

    let scenario = props.scenario.clone();
    let emit = {
        let cb = props.on_scenario.clone();
        let scenario = scenario.clone();
        move |change: Box<dyn Fn(&mut Scenario)>| {
            let cb = cb.clone();
            let scenario = scenario.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = scenario.clone();
                change(&mut next);
                cb.emit(next);
            })
        }
    };
    let stage_name = |k: ActionKey| {
        report
            .view
            .stages
            .iter()
            .find(|s| s.index == k.stage)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let action_of = |k: ActionKey| -> Option<ActionView<Place>> {
        report
            .view
            .stages
            .iter()
            .find(|s| s.index == k.stage)?
            .groups
            .iter()
            .flat_map(|g| g.actions.iter())
            .find(|a| a.index == k.action)
            .cloned()
    };

    // The diagram.
    let arrows = report.view.artifacts.iter().filter_map(|edge| {
        let (fx, fy) = *lay.at.get(&edge.from)?;
        let (tx, ty) = *lay.at.get(&edge.to)?;
        let d = if edge.from.stage == edge.to.stage {
            // Within a stage: from the producer's right side round to the consumer's.
            let (x, y1, y2) = (fx + ACT_W, fy + ACT_H / 2.0, ty + ACT_H / 2.0);
            format!("M{x},{y1} C{},{y1} {},{y2} {x},{y2}", x + 18.0, x + 18.0)
        } else {
            let (x1, y1, x2, y2) = (fx + ACT_W, fy + ACT_H / 2.0, tx, ty + ACT_H / 2.0);
            let mid = (x1 + x2) / 2.0;
            format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}")
        };
        let flowing = now.get(&edge.from) == Some(&Status::Succeeded);
        let (lx, ly) = if edge.from.stage == edge.to.stage {
            (fx + ACT_W + 20.0, (fy + ty) / 2.0 + ACT_H / 2.0)
        } else {
            ((fx + ACT_W + tx) / 2.0, (fy + ty) / 2.0 + ACT_H / 2.0 - 4.0)
        };
        Some(html! {
            <g class="artifact-edge" data-artifact={edge.artifact.clone()}>
                <path class={classes!("artifact", flowing.then_some("flowing"))} d={d} marker-end="url(#arrow)">
                    <title>{ format!("{} → {}", edge.artifact, action_of(edge.to).map(|a| a.name).unwrap_or_default()) }</title>
                </path>
                <text class="artifact-label" x={lx.to_string()} y={ly.to_string()} text-anchor="middle">{ clip(&edge.artifact, 14) }</text>
            </g>
        })
    });
    let stages = report.view.stages.iter().map(|stage| {
        let x = PAD + stage.index as f64 * COL_W;
        let actions = stage.groups.iter().flat_map(|g| g.actions.iter()).map(|action| {
            let key = ActionKey {
                stage: stage.index,
                action: action.index,
            };
            let (ax, ay) = lay.at.get(&key).copied().unwrap_or((x, HEAD));
            let status = now.get(&key).copied();
            let fails = scenario
                .failures
                .iter()
                .any(|f| f.stage == stage.name && f.action == action.name);
            let select = {
                let (selected, reveal, from16) = (selected.clone(), props.on_reveal.clone(), action.place.from16);
                move || {
                    selected.set(Some(key));
                    reveal.emit(from16);
                }
            };
            let onclick = {
                let select = select.clone();
                Callback::from(move |_: MouseEvent| select())
            };
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    select();
                }
            });
            let label = format!(
                "{} ({}), {}{}",
                action.name,
                if action.provider.is_empty() { &action.category } else { &action.provider },
                status_words(status),
                if fails { ", set to fail" } else { "" }
            );
            html! {
                <g class={classes!("action", status_class(status), (*selected == Some(key)).then_some("selected"), fails.then_some("will-fail"))}
                    data-stage={stage.name.clone()} data-action={action.name.clone()} data-status={status.map_or("NotStarted", Status::id)}
                    role="button" tabindex="0" aria-label={label} {onclick} {onkeydown}
                    transform={format!("translate({ax},{ay})")}>
                    <rect width={ACT_W.to_string()} height={ACT_H.to_string()} rx="6" />
                    <text x="10" y="18" class="action-name">{ clip(&action.name, 22) }</text>
                    <text x="10" y="35" class="action-meta">{ format!("{} · {}", clip(if action.provider.is_empty() { &action.category } else { &action.provider }, 14), status_words(status)) }</text>
                    if fails { <text x={(ACT_W - 16.0).to_string()} y="18" class="fail-mark" aria-hidden="true">{"✕"}</text> }
                </g>
            }
        });
        html! {
            <g class={classes!("stage", stage.inbound_disabled.is_some().then_some("transition-disabled"))}
                data-stage-index={stage.index.to_string()}>
                <text x={x.to_string()} y="20" class="stage-name">{ clip(&stage.name, 24) }</text>
                if stage.inbound_disabled.is_some() {
                    <text x={(x - 14.0).to_string()} y="20" class="transition-mark"><title>{"Inbound transition disabled"}</title>{"⏸"}</text>
                }
                { for actions }
            </g>
        }
    });
    let separators = lay.separators.iter().map(|(x, y)| {
        html! { <text x={(x + 4.0).to_string()} y={y.to_string()} class="then">{"then"}</text> }
    });

    // The lanes: one per execution, its label as text (kept at a readable size whatever the
    // panel's width) beside a bar drawn over the timeline's width (stretched to the space left).
    let scale = LANE_W / duration;
    let playhead_x = t as f64 * scale;
    let lanes = report.executions.iter().map(|ex| {
        // Drawn as far as the playhead: the lanes grow as the run plays.
        let segments = lane(&report, ex.id, report.duration).into_iter().filter(|s| s.1 <= t).map(|(stage, from, to, running, ended)| {
            let (to, status) = if t < to { (t, running) } else { (to, ended) };
            let x = from as f64 * scale;
            let w = ((to.saturating_sub(from)) as f64 * scale).max(4.0);
            html! {
                <rect x={x.to_string()} y="3" width={w.to_string()} height={(LANE_H - 6.0).to_string()}
                    class={classes!("segment", status_class(Some(status)))} data-stage-index={stage.to_string()}>
                    <title>{ format!("{}: {} ({}–{})", report.view.stages.get(stage).map(|s| s.name.as_str()).unwrap_or(""), status_words(Some(status)), clock(from as f64), clock(to as f64)) }</title>
                </rect>
            }
        });
        let shown = shown_outcome(ex, t);
        let choose = {
            let chosen = chosen.clone();
            let id = ex.id;
            Callback::from(move |_: MouseEvent| chosen.set(id))
        };
        // The label is the lane's button (Tab, then Enter or Space): its click reaches the lane's.
        html! {
            <li class={classes!("lane", (ex.id == execution).then_some("chosen"))} data-execution={ex.id.to_string()}
                data-outcome={shown} data-final-outcome={ex.outcome.id()} onclick={choose}>
                <button type="button" class="lane-label" aria-pressed={(ex.id == execution).to_string()}>
                    { format!("#{}{} {}", ex.id, if ex.kind == cicd_core::pipeline::report::ExecutionKind::Rollback { " rollback" } else { "" }, shown) }
                </button>
                <svg class="lane-bar" viewBox={format!("0 0 {LANE_W} {LANE_H}")} preserveAspectRatio="none" aria-hidden="true">
                    { for segments }
                    <line class="playhead" x1={playhead_x.to_string()} x2={playhead_x.to_string()} y1="0" y2={LANE_H.to_string()} />
                </svg>
            </li>
        }
    });

    // What has happened so far.
    let past: Vec<_> = report.events.iter().filter(|e| e.t <= t).collect();
    let describe = |e: &cicd_core::pipeline::report::EventReport| {
        format!(
            "#{} {}{}: {}{}",
            e.execution,
            e.stage,
            e.action
                .as_ref()
                .map(|a| format!(" / {a}"))
                .unwrap_or_default(),
            status_words(Some(e.status)),
            e.note
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        )
    };
    // Read out without Markdown's backticks.
    let announcement = past
        .last()
        .map(|e| crate::dom::plain_text(&describe(e)))
        .unwrap_or_default();
    let log = past.iter().rev().take(40).map(|e| {
        html! {
            <li class={status_class(Some(e.status))} data-execution={e.execution.to_string()}>
                <span class="log-time">{ clock(e.t as f64) }</span>{" "}{ describe(e) }
            </li>
        }
    });

    // Waiting approvals of the chosen execution, answered from here.
    let waiting: Vec<ActionKey> = now
        .iter()
        .filter(|(k, s)| {
            **s == Status::Waiting && action_of(**k).is_some_and(|a| a.approval.is_some())
        })
        .map(|(k, _)| *k)
        .collect();
    // A manual approval waits for the learner: playback pauses when one starts waiting without
    // a decision in the scenario (the learner approves or rejects, then plays on).
    let undecided: Vec<ActionKey> = waiting
        .iter()
        .copied()
        .filter(|k| {
            let (stage, action) = (
                stage_name(*k),
                action_of(*k).map(|a| a.name).unwrap_or_default(),
            );
            !scenario.approvals.iter().any(|d| {
                d.stage == stage && d.action == action && d.execution.is_none_or(|e| e == execution)
            })
        })
        .collect();
    {
        let player = player.clone();
        use_effect_with(undecided.clone(), move |undecided| {
            if !undecided.is_empty() && player.head.playing {
                player.seek(player.head.t);
            }
            || ()
        });
    }
    // A waiting approval is announced with what to do about it (the box above the diagram).
    let announcement = match undecided.first() {
        Some(key) => format!(
            "{announcement}. {} is waiting for a reviewer: Approve or Reject it above the diagram.",
            action_of(*key).map(|a| a.name).unwrap_or_default()
        ),
        None => announcement,
    };
    let approvals = waiting.into_iter().map(|key| {
        let stage = stage_name(key);
        let action = action_of(key).map(|a| a.name).unwrap_or_default();
        let since = report
            .tracks
            .iter()
            .find(|tr| tr.execution == execution && tr.action == key)
            .and_then(|tr| tr.segments.iter().rev().find(|s| s.from <= t && s.status == Status::Waiting))
            .map_or(0, |s| s.from);
        let decide = |verdict: Verdict| {
            let (stage, action) = (stage.clone(), action.clone());
            let after = t.saturating_sub(since).max(1);
            emit(Box::new(move |s: &mut Scenario| {
                s.approvals.retain(|d| !(d.stage == stage && d.action == action && d.execution == Some(execution)));
                s.approvals.push(Decision {
                    stage: stage.clone(),
                    action: action.clone(),
                    execution: Some(execution),
                    verdict,
                    after: Some(after),
                });
            }))
        };
        let details = action_of(key).and_then(|a| a.approval);
        html! {
            <div class="approval" role="group" aria-label={format!("Approval {action} of execution {execution}")}>
                <span>{ format!("{action} is waiting for a reviewer (execution #{execution}).") }</span>
                if let Some(m) = details.as_ref().and_then(|d| d.message.clone()) { <span class="approval-message">{ m }</span> }
                if let Some(u) = details.as_ref().and_then(|d| d.url.clone()) { <span class="approval-url">{"Review: "}<code>{ u }</code></span> }
                <button type="button" class="button primary approve" onclick={decide(Verdict::Approve)}>{"Approve"}</button>
                <button type="button" class="button danger reject" onclick={decide(Verdict::Reject)}>{"Reject"}</button>
            </div>
        }
    });

    // Details of the selected action, with its failure switch.
    let details = selected.and_then(action_of).map(|action| {
        let key = selected.unwrap_or(ActionKey { stage: 0, action: 0 });
        let stage = stage_name(key);
        let fails = scenario.failures.iter().any(|f| f.stage == stage && f.action == action.name);
        let toggle = {
            let (stage, name) = (stage.clone(), action.name.clone());
            emit(Box::new(move |s: &mut Scenario| {
                if s.failures.iter().any(|f| f.stage == stage && f.action == name) {
                    s.failures.retain(|f| !(f.stage == stage && f.action == name));
                } else {
                    s.failures.push(FailureSpec {
                        stage: stage.clone(),
                        action: name.clone(),
                        ..FailureSpec::default()
                    });
                }
            }))
        };
        html! {
            <div class="action-details" data-action={action.name.clone()}>
                <strong>{ format!("{stage} / {}", action.name) }</strong>
                <span class="muted">{ format!(" {} · {} · {}", action.category, action.owner, action.provider) }</span>
                if !action.inputs.is_empty() { <div>{"Inputs: "}{ for action.inputs.iter().map(|i| html! { <><code>{ i.clone() }</code>{" "}</> }) }</div> }
                if !action.outputs.is_empty() { <div>{"Outputs: "}{ for action.outputs.iter().map(|i| html! { <><code>{ i.clone() }</code>{" "}</> }) }</div> }
                if let Some(approval) = &action.approval {
                    if let Some(m) = &approval.message { <div>{"Reviewer sees: "}{ m.clone() }</div> }
                    <div>{ format!("Times out after {}", clock(approval.timeout as f64)) }</div>
                }
                <button type="button" class={classes!("button", "fail-toggle", fails.then_some("danger"))} onclick={toggle}>
                    { if fails { "Let it succeed" } else { "Make it fail" } }
                </button>
            </div>
        }
    });

    let start_now = emit(Box::new(move |s: &mut Scenario| {
        if s.starts.is_empty() {
            s.starts.push(0);
        }
        if s.starts.len() < 6 {
            s.starts.push(t.max(1));
            s.starts.sort_unstable();
        }
    }));
    let on_retry = {
        let cb = props.on_scenario.clone();
        let scenario = scenario.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let mut next = scenario.clone();
            next.retry = match value.as_str() {
                "FAILED_ACTIONS" => Some(RetryPlan {
                    mode: RetryMode::FailedActions,
                    ..RetryPlan::default()
                }),
                "ALL_ACTIONS" => Some(RetryPlan {
                    mode: RetryMode::AllActions,
                    ..RetryPlan::default()
                }),
                _ => None,
            };
            cb.emit(next);
        })
    };
    let reset = emit(Box::new(|s: &mut Scenario| *s = Scenario::default()));
    let retry_value = scenario.retry.map_or("none", |r| r.mode.aws_name());
    // The chosen execution's state at the playhead (as its lane says), not its final outcome.
    let outcome = report
        .executions
        .iter()
        .find(|e| e.id == execution)
        .map(|e| shown_outcome(e, t))
        .unwrap_or("");

    html! {
        <section class="panel pipeline" aria-labelledby="pipeline-title" data-mode={report.mode.aws_name()}>
            <header class="panel-header">
                <h2 id="pipeline-title">{"Pipeline run"}</h2>
                <span class="muted">{ format!("{} · {} · {} mode", report.pipeline, report.pipeline_type, report.mode.aws_name()) }</span>
            </header>
            <Controls player={player.clone()} what="pipeline run" speeds={speeds(speed)} />
            <div class="controls">
                <button type="button" class="button start-execution" onclick={start_now}
                    title="A new source change arrives: start another execution at the playhead's time">{"+ Start an execution now"}</button>
                <label class="field"><span>{"On failure, retry"}</span>
                    <select aria-label="Retry a failed stage" onchange={on_retry}>
                        <option value="none" selected={retry_value == "none"}>{"no"}</option>
                        <option value="FAILED_ACTIONS" selected={retry_value == "FAILED_ACTIONS"}>{"failed actions"}</option>
                        <option value="ALL_ACTIONS" selected={retry_value == "ALL_ACTIONS"}>{"all actions"}</option>
                    </select></label>
                <button type="button" class="button" onclick={reset}>{"Reset scenario"}</button>
            </div>
            <p class="muted hint">{"Select an action to see it in the editor and make it fail; answer approvals when they wait; start more executions to see the execution mode at work."}</p>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
            // One node whatever the count: a `for` among siblings is spliced into their list,
            // which Yew matches from its end, so a box appearing here would re-create every
            // element above it (the player's focused button among them).
            { approvals.collect::<Html>() }
            <div class="diagram-scroll">
                <svg class="diagram" viewBox={format!("0 0 {} {}", lay.width, lay.height)} width={lay.width.to_string()} height={lay.height.to_string()}
                    role="group" aria-label={format!("Pipeline diagram, execution #{execution}")}>
                    <defs>
                        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                        </marker>
                    </defs>
                    { for arrows }
                    { for stages }
                    { for separators }
                </svg>
            </div>
            { details.into_iter().collect::<Html>() }
            <h3 class="lanes-title">{ format!("Executions (showing #{execution} at {}: {outcome})", clock(t as f64)) }</h3>
            <ol class="lanes" aria-label="Executions over time">{ for lanes }</ol>
            <ol class="event-log" aria-label="Events so far, newest first">{ for log }</ol>
            if view.others > 0 {
                <p class="muted">{ format!("The file holds {} more pipeline(s); the first one is simulated.", view.others) }</p>
            }
            if !report.notes.is_empty() {
                <ul class="notes">{ for report.notes.iter().map(|n| html! { <li>{ crate::dom::inline_code(n) }</li> }) }</ul>
            }
        </section>
    }
}

/// At most `n` characters, with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
