//! The AppSpec's lifecycle timeline: the events of a deployment in order, played back, with the
//! user's scripts or functions attached; clicking a hook makes it fail, showing where the
//! deployment stops and what a rollback runs.

use std::rc::Rc;

use cicd_core::appspec::report::{EventReport, LifecycleReport, StatusId};
use cicd_core::appspec::{Deployment, Fleet, Platform, RevisionSource, Scenario, StepKind};
use cicd_core::report::Place;
use cicd_engine::{FileReport, Panel};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`TimelinePanel`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The current file's report (its panel is the timeline for the scenario).
    pub report: Rc<FileReport>,
    /// The scenario.
    pub scenario: Scenario,
    /// The scenario changed.
    pub on_scenario: Callback<Scenario>,
}

/// How long the whole playback takes, whatever the nominal duration (ms).
const PLAYBACK_MS: u32 = 7000;

type Step = EventReport<Place>;

fn step_ms(step: &Step, total: u32) -> u32 {
    let total = total.max(1);
    (step.duration.max(1).saturating_mul(PLAYBACK_MS) / total).clamp(220, 1400)
}

fn fleet_title(step: &Step) -> &'static str {
    match step.fleet {
        Fleet::Instances => "Instances",
        Fleet::ReplacementInstances => "Replacement instances (green)",
        Fleet::OriginalInstances => "Original instances (blue)",
        Fleet::EcsService => "ECS service",
        Fleet::LambdaAlias => "Lambda alias",
    }
}

/// The first step from `from` on that the deployment runs (events it does not reach are passed
/// over; the rollback follows the events).
fn next_played(timeline: &LifecycleReport<Place>, from: usize) -> Option<usize> {
    timeline
        .events
        .iter()
        .chain(timeline.rollback.iter())
        .enumerate()
        .skip(from)
        .find(|(_, step)| step.status != StatusId::NotReached)
        .map(|(i, _)| i)
}

/// The lifecycle timeline panel.
#[component]
pub fn TimelinePanel(props: &TimelineProps) -> Html {
    let timeline: Rc<LifecycleReport<Place>> = match &props.report.panel {
        Panel::Lifecycle(view) => Rc::new(view.report.clone()),
        _ => return html! {},
    };
    // Index of the step being played (over steps, then rollback steps), and whether playing.
    let playhead = use_state(|| None::<usize>);
    let playing = use_state(|| false);
    let timer = use_mut_ref(|| None::<Timeout>);

    // Advance the playhead while playing.
    {
        let (playhead, playing, timer) = (playhead.clone(), playing.clone(), timer.clone());
        let timeline = timeline.clone();
        use_effect_with((*playhead, *playing, timeline.clone()), move |_| {
            *timer.borrow_mut() = None;
            if *playing {
                let at = playhead.unwrap_or(0);
                let step = timeline
                    .events
                    .iter()
                    .chain(timeline.rollback.iter())
                    .nth(at)
                    .cloned();
                let stop_here = step.as_ref().is_some_and(|s| s.status == StatusId::Failed)
                    && timeline.rollback.is_empty();
                match step {
                    Some(step) if !stop_here => {
                        let ms = step_ms(&step, timeline.duration);
                        let (playhead, playing) = (playhead.clone(), playing.clone());
                        let next = next_played(&timeline, at + 1);
                        *timer.borrow_mut() = Some(Timeout::new(ms, move || match next {
                            Some(next) => playhead.set(Some(next)),
                            None => playing.set(false),
                        }));
                    }
                    _ => playing.set(false),
                }
            }
            || ()
        });
    }
    // The step being played stays in view (the panel may be far taller than the window).
    {
        use_effect_with(*playhead, move |at| {
            if at.is_some() {
                crate::dom::scroll_into_view(".lifecycle .step.active", "nearest");
            }
            || ()
        });
    }
    // A new scenario starts from the beginning.
    {
        let (playhead, playing) = (playhead.clone(), playing.clone());
        use_effect_with(props.scenario.clone(), move |_| {
            if playhead.is_some() {
                playhead.set(Some(0));
                playing.set(true);
            }
            || ()
        });
    }

    let play = {
        let (playhead, playing) = (playhead.clone(), playing.clone());
        let timeline_for_play = timeline.clone();
        Callback::from(move |_: MouseEvent| {
            if *playing {
                playing.set(false);
            } else {
                if playhead.is_none_or(|p| next_played(&timeline_for_play, p + 1).is_none()) {
                    playhead.set(Some(0));
                }
                playing.set(true);
            }
        })
    };
    let reset = {
        let (playhead, playing) = (playhead.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            playhead.set(None);
        })
    };
    let scenario = props.scenario.clone();
    let set = |f: fn(&mut Scenario, String)| {
        let scenario = scenario.clone();
        let cb = props.on_scenario.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| {
                    t.dyn_ref::<web_sys::HtmlSelectElement>()
                        .map(|s| s.value())
                        .or_else(|| {
                            t.dyn_ref::<web_sys::HtmlInputElement>()
                                .map(|i| i.checked().to_string())
                        })
                })
                .unwrap_or_default();
            let mut next = scenario.clone();
            f(&mut next, value);
            cb.emit(next);
        })
    };
    let clear_failure = {
        let scenario = scenario.clone();
        let cb = props.on_scenario.clone();
        Callback::from(move |_: MouseEvent| {
            cb.emit(Scenario {
                fail: None,
                ..scenario.clone()
            })
        })
    };

    let row = |index: usize, step: &Step, rollback: bool| {
        let state = match *playhead {
            Some(p) if p == index => "active",
            Some(p) if p > index => "done",
            _ => "",
        };
        let failable = step.kind == StepKind::Hook && step.status != StatusId::Skipped && !rollback;
        let onclick = {
            let scenario = scenario.clone();
            let cb = props.on_scenario.clone();
            let event = step.name.clone();
            Callback::from(move |_: MouseEvent| {
                let fail = if scenario.fail.as_deref() == Some(event.as_str()) {
                    None
                } else {
                    Some(event.clone())
                };
                cb.emit(Scenario {
                    fail,
                    ..scenario.clone()
                });
            })
        };
        let status = match step.status {
            StatusId::Runs => html! {},
            StatusId::Skipped => {
                let why = step.reason.as_deref().unwrap_or("");
                html! { <span class="step-note">{"skipped: "}{ crate::dom::inline_code(why) }</span> }
            }
            StatusId::Failed => html! { <span class="step-badge failed">{"fails"}</span> },
            StatusId::NotReached => html! { <span class="step-note">{"not reached"}</span> },
        };
        let detail = if let Some(function) = &step.function {
            html! { <span class="step-detail">{"Lambda function "}<code>{ function.clone() }</code></span> }
        } else if !step.scripts.is_empty() {
            html! {
                <span class="step-detail">
                    { for step.scripts.iter().map(|s| html! {
                        <span class="script"><code>{ s.location.clone() }</code>{ format!(" · {} s", s.timeout) }
                            { s.runas.as_ref().map(|u| format!(" · as {u}")).unwrap_or_default() }</span>
                    }) }
                </span>
            }
        } else {
            html! {}
        };
        let revision = match step.revision {
            RevisionSource::LastSuccessful | RevisionSource::MostRecent => step.revision.label(),
            RevisionSource::Target | RevisionSource::None => "",
        };
        let content = html! {
            <>
                <span class="step-time">{ format!("{}s", step.start) }</span>
                <span class="step-name">{ step.name.clone() }</span>
                <span class={classes!("step-kind", format!("kind-{}", step.kind.id()))}>{ step.kind.id() }</span>
                { status }
                if !revision.is_empty() { <span class="step-note step-revision">{ revision }</span> }
                <span class="step-description">{ crate::dom::inline_code(&step.description) }</span>
                { detail }
            </>
        };
        html! {
            // Keyed: a hook that fails moves the steps after it out of this list, and an unkeyed
            // list is matched from its end, so the focused hook's button would be re-created.
            <li key={format!("step-{index}")} class={classes!("step", state, format!("status-{}", step.status.id()))}
                data-event={step.name.clone()} data-kind={step.kind.id()} data-status={step.status.id()}>
                if failable {
                    <button type="button" class="step-button" {onclick}
                        title={if scenario.fail.as_deref() == Some(step.name.as_str()) { "Click to let this hook succeed" } else { "Click to make this hook fail" }}>
                        { content }
                    </button>
                } else {
                    <div class="step-button static">{ content }</div>
                }
            </li>
        }
    };
    // The steps up to the failure, then the failure and the rollback, then (folded) the steps
    // the deployment never reaches: a whole failed deployment and its rollback read top to
    // bottom without scrolling past steps that do not happen.
    let mut rows = Vec::new();
    let mut unreached = Vec::new();
    let mut last_fleet = None;
    for (i, step) in timeline.events.iter().enumerate() {
        let target = if step.status == StatusId::NotReached {
            &mut unreached
        } else {
            &mut rows
        };
        if last_fleet != Some(step.fleet) {
            target.push(html! { <li key={format!("fleet-{i}")} class="fleet-title" aria-hidden="true">{ fleet_title(step) }</li> });
            last_fleet = Some(step.fleet);
        }
        target.push(row(i, step, false));
    }
    let announcement = match *playhead {
        None => String::new(),
        Some(at) => timeline
            .events
            .iter()
            .chain(timeline.rollback.iter())
            .nth(at)
            .map(|step| {
                let rollback = at >= timeline.events.len();
                let what = match step.status {
                    StatusId::Failed => "fails",
                    StatusId::Skipped => "skipped",
                    _ => "runs",
                };
                format!(
                    "{}{}: {} {what}",
                    if rollback { "Rollback, " } else { "" },
                    format_args!("{}s", step.start),
                    step.name
                )
            })
            .unwrap_or_default(),
    };
    let rolling_back = playhead.is_some_and(|p| p >= timeline.events.len());
    let base = timeline.events.len();
    let rollback_rows: Vec<Html> = timeline
        .rollback
        .iter()
        .enumerate()
        .map(|(i, s)| row(base + i, s, true))
        .collect();

    html! {
        <section class="panel lifecycle" aria-labelledby="lifecycle-title" data-platform={timeline.platform.id()}>
            <header class="panel-header">
                <h2 id="lifecycle-title">{"Deployment lifecycle"}</h2>
                <span class="muted">{ format!("{} · {}", timeline.platform.title(), timeline.deployment.title()) }</span>
            </header>
            <div class="controls">
                if timeline.platform == Platform::Ec2 {
                    <label class="field"><span>{"Deployment"}</span>
                        <select aria-label="Deployment type" onchange={set(|s, v| s.deployment = Deployment::from_id(&v).unwrap_or(s.deployment))}>
                            { for Deployment::ALL.iter().map(|d| html! { <option value={d.id()} selected={*d == props.scenario.deployment}>{ d.title() }</option> }) }
                        </select></label>
                }
                if timeline.platform == Platform::Ecs {
                    <label class="field"><input type="checkbox" checked={props.scenario.test_listener} onchange={set(|s, v| s.test_listener = v == "true")} /><span>{"test listener"}</span></label>
                }
                <label class="field"><input type="checkbox" checked={props.scenario.first_deployment} onchange={set(|s, v| s.first_deployment = v == "true")} /><span>{"first deployment"}</span></label>
                <button type="button" class="button primary play" onclick={play}>{ if *playing { "Pause" } else { "▶ Play" } }</button>
                <button type="button" class="button" onclick={reset}>{"Reset"}</button>
            </div>
            <p class="muted hint">{"Click a hook to make it fail and see where the deployment stops and what a rollback runs."}</p>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
            <ol class="timeline" aria-label="Lifecycle events in order">{ for rows }</ol>
            if let Some(failure) = &timeline.failure {
                <div class={classes!("failure", rolling_back.then_some("rolling-back"))}>
                    <p class="failure-divider"><strong>{"✕ The deployment fails here. "}</strong>{ crate::dom::inline_code(&failure.message) }</p>
                    <button type="button" class="small-button" onclick={clear_failure}>{"Let it succeed"}</button>
                    if !rollback_rows.is_empty() {
                        <h3 class="rollback-start">{ if failure.rollback_possible { "↺ Automatic rollback starts (a new deployment)" } else { "↺ Rollback starts" } }</h3>
                        <ol class="timeline rollback" aria-label="Rollback events">{ for rollback_rows }</ol>
                    }
                </div>
            }
            if !unreached.is_empty() {
                <details class="unreached">
                    <summary>{ format!("{} steps not reached", timeline.events.iter().filter(|e| e.status == StatusId::NotReached).count()) }</summary>
                    <ol class="timeline" aria-label="Events the deployment does not reach">{ for unreached }</ol>
                </details>
            }
            if !timeline.notes.is_empty() {
                <ul class="notes">{ for timeline.notes.iter().map(|n| html! { <li>{ crate::dom::inline_code(n) }</li> }) }</ul>
            }
        </section>
    }
}
