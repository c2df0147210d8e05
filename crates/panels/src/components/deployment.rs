//! The deployment: the share of traffic on the new revision over time (the traffic shift, step
//! by step) with the watched alarm's metric against its threshold, the fleet as a grid of
//! instances or targets coloured by state and revision at the playhead, the events so far, the
//! outcome and the blast radius. The learner breaks it (an error-rate spike on the new
//! revision) and watches the alarm fire and the rollback; the core computes everything, the
//! panel samples it at the playhead.

use std::rc::Rc;

use cicd_core::deployment::DeploymentReport;
use cicd_core::deployment::Scenario;
use cicd_core::deployment::simulate::report::{Revision, TargetState};
use cicd_core::deployment::simulate::scenario::Fault;
use cicd_engine::{FileReport, Panel};
use yew::prelude::*;

use super::deployment_setup::DeploymentSetup;
use super::player::{Controls, clock, speeds, use_player, watchable_speed};

/// Props of [`DeploymentPanel`].
#[derive(Properties, PartialEq)]
pub struct DeploymentProps {
    /// The current file's report (its panel is the simulated deployment).
    pub report: Rc<FileReport>,
    /// The scenario.
    pub scenario: Scenario,
    /// The scenario changed.
    pub on_scenario: Callback<Scenario>,
    /// A configuration to compare with was chosen (`None`: no comparison).
    pub on_compare: Callback<Option<String>>,
    /// A configuration to run with was chosen (`None`: the file's own; `tab:NAME`: the
    /// workspace's configuration tab NAME).
    pub on_config: Callback<Option<String>>,
    /// An AppSpec's deployment: a deployment group tab was chosen.
    pub on_group: Callback<String>,
}

const W: f64 = 600.0;
const H: f64 = 170.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 44.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
/// Most cells drawn in the fleet grid (a larger fleet is drawn in buckets).
const MAX_CELLS: usize = 240;

fn state_id(state: TargetState) -> &'static str {
    match state {
        TargetState::Pending => "pending",
        TargetState::InProgress => "in-progress",
        TargetState::Ready => "ready",
        TargetState::Succeeded => "succeeded",
        TargetState::Failed => "failed",
        TargetState::Skipped => "skipped",
        TargetState::Unknown => "unknown",
        TargetState::Deregistered => "deregistered",
        TargetState::Terminated => "terminated",
    }
}

/// The deployment panel.
#[component]
pub fn DeploymentPanel(props: &DeploymentProps) -> Html {
    let view = match &props.report.panel {
        Panel::Deployment(view) => view.clone(),
        Panel::Lifecycle(lifecycle) => match &lifecycle.deployment {
            Some(view) => view.clone(),
            None => return html! {},
        },
        _ => return html! {},
    };
    let report: Rc<DeploymentReport> = Rc::new(view.report.clone());
    let marks = {
        let mut m: Vec<f64> = report.events.iter().map(|e| f64::from(e.t)).collect();
        m.dedup();
        Rc::new(m)
    };
    let duration = f64::from(report.duration.max(1));
    let speed = watchable_speed(duration);
    let player = use_player(
        duration,
        marks,
        speed,
        (props.report.version, props.report.scenario.clone()),
    );
    let t = player.head.t as u32;
    let point = report.at(t).copied();
    let green = point.map_or(0.0, |p| p.green_percent);
    let finished = t >= report.duration;
    let outcome = if finished {
        report.outcome.as_str()
    } else {
        "InProgress"
    };

    // Chart scales.
    let x = |s: f64| LEFT + s / duration * (W - LEFT - RIGHT);
    let y = |pct: f64| TOP + (100.0 - pct.clamp(0.0, 100.0)) / 100.0 * (H - TOP - BOTTOM);
    // A timeline's share of traffic as steps, up to this deployment's length.
    let steps = |report: &DeploymentReport| {
        let mut d = String::new();
        let mut last = 0.0;
        for p in report
            .timeline
            .iter()
            .filter(|p| f64::from(p.t) <= duration)
        {
            let (px, py) = (x(f64::from(p.t)), y(p.green_percent));
            if d.is_empty() {
                d.push_str(&format!("M{px:.1},{py:.1}"));
            } else {
                d.push_str(&format!(" L{px:.1},{:.1} L{px:.1},{py:.1}", y(last)));
            }
            last = p.green_percent;
        }
        d.push_str(&format!(" L{:.1},{:.1}", x(duration), y(last)));
        d
    };
    let traffic = steps(&report);
    // The compared deployment's traffic, on the same axes.
    let compared = view.compare.as_ref().map(steps);
    // The first watched alarm's metric, scaled so that its threshold sits at 75 % of the height.
    let alarm = report
        .alarms
        .iter()
        .find(|a| a.watched)
        .or(report.alarms.first());
    let (metric, threshold_y, alarm_bands, alarm_label) = match alarm {
        Some(a) => {
            let threshold = a.definition.threshold;
            let top = report
                .alarms
                .iter()
                .flat_map(|a| a.points.iter().filter_map(|p| p.value))
                .fold(threshold / 0.75, f64::max)
                .max(1e-9);
            let my = |v: f64| TOP + (1.0 - v / top).clamp(0.0, 1.0) * (H - TOP - BOTTOM);
            let mut d = String::new();
            for p in a.points.iter().filter(|p| p.t <= t) {
                if let Some(v) = p.value {
                    d.push_str(&format!(
                        "{}{:.1},{:.1}",
                        if d.is_empty() { "M" } else { " L" },
                        x(f64::from(p.t)),
                        my(v)
                    ));
                }
            }
            // Shaded while in ALARM.
            let mut bands = Vec::new();
            let mut from = None;
            for p in &a.points {
                let on = p.state.as_str() == "ALARM";
                match (on, from) {
                    (true, None) => from = Some(p.t),
                    (false, Some(f)) => {
                        bands.push((f, p.t));
                        from = None;
                    }
                    _ => {}
                }
            }
            if let Some(f) = from {
                bands.push((f, report.duration));
            }
            (
                d,
                Some(my(threshold)),
                bands,
                format!("{} > {}", a.definition.name, threshold),
            )
        }
        None => (String::new(), None, Vec::new(), String::new()),
    };
    let ticks = (0..=4).map(|i| {
        let s = duration * f64::from(i) / 4.0;
        html! { <text x={x(s).to_string()} y={(H - 6.0).to_string()} class="tick" text-anchor="middle">{ clock(s) }</text> }
    });
    let bands = alarm_bands.iter().map(|(f, to)| {
        let (a, b) = (x(f64::from(*f)), x(f64::from((*to).min(t))));
        if *f > t {
            return html! {};
        }
        html! { <rect class="alarm-band" x={a.to_string()} y={TOP.to_string()} width={(b - a).max(1.0).to_string()} height={(H - TOP - BOTTOM).to_string()} /> }
    });

    // The fleet, at most MAX_CELLS cells (a bucket shows its worst member).
    let targets = &report.targets;
    let per = targets.len().div_ceil(MAX_CELLS).max(1);
    let cells = targets.chunks(per).enumerate().map(|(i, chunk)| {
        let states: Vec<_> = chunk.iter().filter_map(|tg| tg.at(t).copied()).collect();
        let worst = states
            .iter()
            .max_by_key(|c| match c.state {
                TargetState::Failed => 5,
                TargetState::InProgress => 4,
                TargetState::Pending => 3,
                _ => 1,
            })
            .copied();
        let state = worst.map_or("pending", |c| state_id(c.state));
        let revision = worst.map_or("old", |c| match c.revision {
            Revision::New => "new",
            Revision::Old => "old",
            Revision::None => "none",
        });
        let serving = worst.is_some_and(|c| c.serving);
        let first = &chunk[0];
        let label = first
            .label
            .clone()
            .unwrap_or_else(|| format!("{:?} {}", first.kind, first.number));
        // In words: "in progress", and "no revision yet" rather than "none revision".
        let state_words = state.replace('-', " ");
        let revision_words = match revision {
            "new" => "new revision",
            "old" => "old revision",
            _ => "no revision installed",
        };
        let title = if per > 1 {
            format!("{label} and {} more: {state_words}, {revision_words}", chunk.len() - 1)
        } else {
            format!("{label}: {state_words}, {revision_words}{}", if serving { ", serving" } else { "" })
        };
        html! {
            <li class={classes!("cell", format!("state-{state}"), format!("rev-{revision}"), serving.then_some("serving"))}
                data-instance={i.to_string()} data-state={state} data-revision={revision} title={title.clone()}>
                <span class="visually-hidden">{ title }</span>
            </li>
        }
    });

    let past: Vec<_> = report.events.iter().filter(|e| e.t <= t).collect();
    let announcement = past
        .last()
        .map(|e| crate::dom::plain_text(&e.message))
        .unwrap_or_default();
    let log = past.iter().rev().take(40).map(|e| {
        html! {
            <li class={classes!(e.rollback.then_some("rollback"))}>
                <span class="log-time">{ clock(f64::from(e.t)) }</span>{" "}{ crate::dom::inline_code(&e.message) }
            </li>
        }
    });

    // Break it: an error-rate spike on the new revision from the first minute.
    let breaking = props
        .scenario
        .faults
        .iter()
        .any(|f| matches!(f, Fault::ErrorRate { .. }));
    let toggle_fault = {
        let cb = props.on_scenario.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = scenario.clone();
            if next
                .faults
                .iter()
                .any(|f| matches!(f, Fault::ErrorRate { .. }))
            {
                next.faults
                    .retain(|f| !matches!(f, Fault::ErrorRate { .. }));
            } else {
                next.faults.push(Fault::ErrorRate {
                    percent: 15.0,
                    at: 0,
                });
            }
            cb.emit(next);
        })
    };
    let blast = report.blast_radius;
    let on_compare = {
        let cb = props.on_compare.clone();
        Callback::from(move |e: Event| {
            let value = crate::dom::event_value(&e);
            cb.emit((!value.is_empty()).then_some(value));
        })
    };
    let compare_name = view.compare.as_ref().map(|c| c.config.config.name.clone());
    let comparison = view.compare.as_ref().map(|other| {
        let (a, b) = (blast, other.blast_radius);
        let row = |what: &str, x: String, y: String| html! { <tr><th scope="row">{ what.to_string() }</th><td>{ x }</td><td>{ y }</td></tr> };
        html! {
            <table class="compare" data-compare={other.config.config.name.clone()}>
                <caption>{"Blast radius, side by side"}</caption>
                <thead><tr><th scope="col">{""}</th><th scope="col">{ report.config.config.name.replace("CodeDeployDefault.", "") }</th>
                    <th scope="col">{ other.config.config.name.replace("CodeDeployDefault.", "") }</th></tr></thead>
                <tbody>
                    { row("Outcome", report.outcome.as_str().to_string(), other.outcome.as_str().to_string()) }
                    { row("Most traffic on the new revision", format!("{:.0} %", a.max_green_percent), format!("{:.0} %", b.max_green_percent)) }
                    { row("Failed requests on it", a.failed_requests_new.to_string(), b.failed_requests_new.to_string()) }
                    { row("Exposure", clock(f64::from(a.exposure_seconds)), clock(f64::from(b.exposure_seconds))) }
                    { row("Duration", clock(f64::from(report.duration)), clock(f64::from(other.duration))) }
                </tbody>
            </table>
        }
    });
    let playhead = x(f64::from(t));

    html! {
        <section class="panel deployment" aria-labelledby="deployment-title"
            data-outcome={outcome} data-final-outcome={report.outcome.as_str()} data-green-percent={format!("{green:.0}")}>
            <header class="panel-header">
                <h2 id="deployment-title">{"Deployment"}</h2>
                <span class="muted">{ crate::dom::inline_code(&format!("{} · {} · {}{}", report.platform.title(), report.config.config.name, view.source,
                    view.appspec.as_ref().map(|a| format!(" · the hooks of `{a}`")).unwrap_or_default())) }</span>
            </header>
            if let Some(note) = &view.note {
                <p class="deploy-note" role="note">{ crate::dom::inline_code(note) }</p>
            }
            <p class="muted deploy-summary">{ crate::dom::inline_code(&report.config.summary) }</p>
            <Controls player={player.clone()} what="deployment" speeds={speeds(speed)} />
            <div class="controls">
                <label class="field"><input type="checkbox" class="break-it" checked={breaking} onclick={toggle_fault} />
                    <span>{"Break it: the new revision fails 15 % of requests"}</span></label>
                <label class="field"><span>{"Compare with"}</span>
                    <select aria-label="Compare with another configuration" class="compare-with" onchange={on_compare}>
                        <option value="" selected={compare_name.is_none()}>{"nothing"}</option>
                        { for view.alternatives.iter().map(|n| html! {
                            <option value={n.clone()} selected={compare_name.as_deref() == Some(n.as_str())}>{ n.replace("CodeDeployDefault.", "") }</option>
                        }) }
                    </select></label>
            </div>
            <DeploymentSetup report={report.clone()} scenario={props.scenario.clone()}
                own_config={AttrValue::from(view.own_config.replace("CodeDeployDefault.", ""))}
                chosen={view.chosen.clone().map(AttrValue::from)}
                hooks={std::rc::Rc::new(view.hooks.clone())} tabs={std::rc::Rc::new(view.tabs.clone())} chosen_tab={view.chosen_tab.clone().map(AttrValue::from)}
                groups={std::rc::Rc::new(view.groups.clone())} group_tab={view.group_tab.clone().map(AttrValue::from)}
                on_scenario={props.on_scenario.clone()} on_config={props.on_config.clone()} on_group={props.on_group.clone()} />
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
            <div class={classes!("deploy-status", format!("outcome-{}", outcome.to_ascii_lowercase()))}>
                <strong>{ match outcome { "InProgress" => format!("{green:.0} % of traffic on the new revision"), o => o.to_string() } }</strong>
                if let Some(p) = point {
                    <span>{ format!(" · alarm {}", p.alarm.as_str()) }</span>
                    if let (Some(h), Some(o)) = (p.healthy, p.offline) { <span>{ format!(" · {h} healthy, {o} out of service") }</span> }
                }
            </div>
            <svg class="chart" viewBox={format!("0 0 {W} {H}")} role="img"
                aria-label={format!("Traffic on the new revision over time; now {green:.0} %")}>
                { for bands }
                <line class="axis" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y(0.0).to_string()} y2={y(0.0).to_string()} />
                <text x={(LEFT - 4.0).to_string()} y={(y(100.0) + 4.0).to_string()} class="tick" text-anchor="end">{"100%"}</text>
                <text x={(LEFT - 4.0).to_string()} y={(y(0.0) + 4.0).to_string()} class="tick" text-anchor="end">{"0%"}</text>
                { for ticks }
                if let Some(ty) = threshold_y {
                    <line class="threshold" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={ty.to_string()} y2={ty.to_string()} />
                    <text x={(W - RIGHT + 2.0).to_string()} y={(ty + 4.0).to_string()} class="tick">{"alarm"}</text>
                }
                <path class="traffic-planned" d={traffic.clone()} />
                <clipPath id="played"><rect x="0" y="0" width={playhead.to_string()} height={H.to_string()} /></clipPath>
                <path class="traffic" d={traffic} clip-path="url(#played)" />
                if let Some(d) = compared.clone() { <path class="traffic-compared" d={d} clip-path="url(#played)"><title>{ compare_name.clone().unwrap_or_default() }</title></path> }
                if !metric.is_empty() { <path class="metric" d={metric}><title>{ alarm_label.clone() }</title></path> }
                <line class="playhead" x1={playhead.to_string()} x2={playhead.to_string()} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
            </svg>
            <p class="legend muted"><span class="key key-traffic"></span>{" new revision's share of traffic "}
                if !alarm_label.is_empty() { <span class="key key-metric"></span>{ format!(" {alarm_label}") } }
                if let Some(n) = compare_name.clone() { <span class="key key-compared"></span>{ format!(" {}", n.replace("CodeDeployDefault.", "")) } }</p>
            <h3 class="lanes-title">{ if per > 1 { format!("Fleet ({} targets, {per} per cell)", targets.len()) } else { format!("Fleet ({} targets)", targets.len()) } }</h3>
            <ul class="fleet" aria-label="Instances and targets">{ for cells }</ul>
            if finished {
                <dl class="blast">
                    <dt>{"Most traffic on the new revision"}</dt><dd>{ format!("{:.0} %", blast.max_green_percent) }</dd>
                    <dt>{"Requests it served"}</dt><dd>{ blast.requests_new.to_string() }</dd>
                    <dt>{"…of which failed"}</dt><dd>{ blast.failed_requests_new.to_string() }</dd>
                    <dt>{"Exposure"}</dt><dd>{ clock(f64::from(blast.exposure_seconds)) }</dd>
                    if let Some(n) = blast.instances_new { <dt>{"Instances that got it"}</dt><dd>{ n.to_string() }</dd> }
                </dl>
            }
            // One node (a spliced `for` would re-create the controls above when it appears).
            { comparison.into_iter().collect::<Html>() }
            <ol class="event-log" aria-label="Events so far, newest first">{ for log }</ol>
            if !report.notes.is_empty() {
                <ul class="notes">{ for report.notes.iter().map(|n| html! { <li>{ crate::dom::inline_code(n) }</li> }) }</ul>
            }
        </section>
    }
}
