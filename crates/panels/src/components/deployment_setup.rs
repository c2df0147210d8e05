//! The deployment's setup: which configuration it runs with (the file's own, a configuration
//! tab of the workspace, or any predefined one, whose platform the deployment then takes), which
//! deployment group tab an AppSpec's deployment runs through, the fleet (EC2/on-premises: how many
//! instances, in place or blue/green), what goes wrong (an error rate or a latency on the new
//! revision from a given second, a lifecycle hook that fails, a manual stop) and the watched
//! alarm's definition. Every change is a new scenario for the core; nothing is computed here.

use cicd_core::appspec::Platform;
use cicd_core::deployment::Scenario;
use cicd_core::deployment::config::PREDEFINED_PREFIX;
use cicd_core::deployment::simulate::scenario::{
    AlarmDefinition, DeploymentType, Fault, Metric, MissingData,
};
use cicd_core::deployment::{DeploymentReport, PREDEFINED};
use yew::prelude::*;

/// Props of [`DeploymentSetup`].
#[derive(Properties, PartialEq)]
pub struct SetupProps {
    /// The simulated deployment (what it ran with).
    pub report: std::rc::Rc<DeploymentReport>,
    /// The scenario.
    pub scenario: Scenario,
    /// The file's own configuration.
    pub own_config: AttrValue,
    /// The configuration chosen instead, if any.
    pub chosen: Option<AttrValue>,
    /// The lifecycle events the scenario can make fail.
    pub hooks: std::rc::Rc<Vec<String>>,
    /// The workspace's configuration tabs.
    pub tabs: std::rc::Rc<Vec<cicd_engine::ConfigTab>>,
    /// The configuration tab chosen, if any (its file name).
    pub chosen_tab: Option<AttrValue>,
    /// An AppSpec's deployment: the workspace's deployment group tabs.
    pub groups: std::rc::Rc<Vec<String>>,
    /// The group tab the deployment runs through (`None`: a default group).
    pub group_tab: Option<AttrValue>,
    /// The scenario changed.
    pub on_scenario: Callback<Scenario>,
    /// A configuration was chosen (`None`: the file's own; `tab:NAME` a configuration tab).
    pub on_config: Callback<Option<String>>,
    /// A deployment group tab was chosen.
    pub on_group: Callback<String>,
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The setup of the deployment.
#[component]
pub fn DeploymentSetup(props: &SetupProps) -> Html {
    let report = &props.report;
    let scenario = &props.scenario;
    // A change of the scenario from an input's new value.
    let edit = |change: fn(&mut Scenario, &str)| {
        let (cb, scenario) = (props.on_scenario.clone(), scenario.clone());
        Callback::from(move |e: Event| {
            let mut next = scenario.clone();
            change(&mut next, &crate::dom::event_value(&e));
            if next != scenario {
                cb.emit(next);
            }
        })
    };
    let on_config = {
        let cb = props.on_config.clone();
        Callback::from(move |e: Event| {
            let v = crate::dom::event_value(&e);
            cb.emit((!v.is_empty()).then_some(v));
        })
    };
    let on_group = {
        let cb = props.on_group.clone();
        Callback::from(move |e: Event| cb.emit(crate::dom::event_value(&e)))
    };
    let error_rate = scenario.faults.iter().find_map(|f| match f {
        Fault::ErrorRate { percent, at } => Some((*percent, *at)),
        _ => None,
    });
    let latency = scenario.faults.iter().find_map(|f| match f {
        Fault::Latency { ms, at } => Some((*ms, *at)),
        _ => None,
    });
    let hook = scenario.faults.iter().find_map(|f| match f {
        Fault::FailHook { event, instance } => Some((event.clone(), *instance)),
        _ => None,
    });
    let hooks = &props.hooks;
    let ec2 = report.platform == Platform::Ec2;
    let alarm = report
        .alarms
        .iter()
        .find(|a| a.watched)
        .or(report.alarms.first())
        .map(|a| a.definition.clone());
    // A change of the watched alarm's definition (kept in the scenario by the alarm's name).
    let edit_alarm = |change: fn(&mut AlarmDefinition, &str)| {
        let (cb, scenario, alarm) = (props.on_scenario.clone(), scenario.clone(), alarm.clone());
        Callback::from(move |e: Event| {
            let Some(mut definition) = alarm.clone() else {
                return;
            };
            change(&mut definition, &crate::dom::event_value(&e));
            let mut next = scenario.clone();
            next.alarms.retain(|a| a.name != definition.name);
            next.alarms.push(definition);
            cb.emit(next);
        })
    };
    let platforms = ["EC2/on-premises", "ECS", "Lambda"];
    html! {
        <details class="deploy-setup">
            <summary>{"Set up the deployment: configuration, fleet, faults, alarm"}</summary>
            <div class="setup-grid">
                <label class="field"><span>{"Configuration"}</span>
                    <select class="setup-config" onchange={on_config}>
                        <option value="" selected={props.chosen.is_none() && props.chosen_tab.is_none()}>{ format!("the file's: {}", props.own_config) }</option>
                        if !props.tabs.is_empty() {
                            <optgroup label="Tabs of this workspace">
                                { for props.tabs.iter().map(|t| html! {
                                    <option value={format!("tab:{}", t.name)} selected={props.chosen_tab.as_deref() == Some(t.name.as_str())}>
                                        { match (t.config.is_empty(), t.platform.is_empty()) {
                                            (false, false) => format!("{}: {} ({})", t.name, t.config, t.platform),
                                            (false, true) => format!("{}: {}", t.name, t.config),
                                            _ => t.name.clone(),
                                        } }</option>
                                }) }
                            </optgroup>
                        }
                        { for platforms.iter().map(|p| html! {
                            <optgroup label={*p}>
                                { for PREDEFINED.iter().filter(|c| c.platform.title() == *p).map(|c| html! {
                                    <option value={c.name} selected={props.chosen.as_deref() == Some(c.name)}>
                                        { c.name.trim_start_matches(PREDEFINED_PREFIX) }</option>
                                }) }
                            </optgroup>
                        }) }
                    </select></label>
                if !props.groups.is_empty() {
                    <label class="field"><span>{"Deployment group"}</span>
                        <select class="setup-group" onchange={on_group}>
                            if props.group_tab.is_none() {
                                <option value="" selected=true>{"a default group"}</option>
                            }
                            { for props.groups.iter().map(|g| html! {
                                <option value={g.clone()} selected={props.group_tab.as_deref() == Some(g.as_str())}>{ g.clone() }</option>
                            }) }
                        </select></label>
                }
                if ec2 {
                    <label class="field"><span>{"Instances"}</span>
                        <input type="number" class="setup-instances" min="1" max="10000" value={scenario.instances.to_string()}
                            onchange={edit(|s, v| if let Some(n) = number(v) { s.instances = (n as u32).clamp(1, 10_000) })} /></label>
                    <label class="field"><span>{"Type"}</span>
                        <select class="setup-type" onchange={edit(|s, v| s.deployment_type = match v {
                            "in-place" => Some(DeploymentType::InPlace),
                            "blue-green" => Some(DeploymentType::BlueGreen),
                            _ => None,
                        })}>
                            <option value="" selected={scenario.deployment_type.is_none()}>{"the group's"}</option>
                            <option value="in-place" selected={scenario.deployment_type == Some(DeploymentType::InPlace)}>{"in place"}</option>
                            <option value="blue-green" selected={scenario.deployment_type == Some(DeploymentType::BlueGreen)}>{"blue/green"}</option>
                        </select></label>
                }
            </div>
            <fieldset class="setup-faults">
                <legend>{"What goes wrong"}</legend>
                <label class="field"><span>{"Error rate of the new revision (%)"}</span>
                    <input type="number" class="setup-error-rate" min="0" max="100" step="any"
                        value={error_rate.map(|(p, _)| p.to_string()).unwrap_or_default()}
                        onchange={edit(|s, v| {
                            let at = s.faults.iter().find_map(|f| match f { Fault::ErrorRate { at, .. } => Some(*at), _ => None }).unwrap_or(0);
                            s.faults.retain(|f| !matches!(f, Fault::ErrorRate { .. }));
                            if let Some(p) = number(v).filter(|p| *p > 0.0) {
                                s.faults.push(Fault::ErrorRate { percent: p.min(100.0), at });
                            }
                        })} /></label>
                <label class="field"><span>{"…from second"}</span>
                    <input type="number" class="setup-error-at" min="0" disabled={error_rate.is_none()}
                        value={error_rate.map(|(_, at)| at.to_string()).unwrap_or_default()}
                        onchange={edit(|s, v| {
                            let at = number(v).map_or(0, |n| n.max(0.0) as u32);
                            for f in &mut s.faults { if let Fault::ErrorRate { at: a, .. } = f { *a = at } }
                        })} /></label>
                <label class="field"><span>{"Latency of the new revision (ms)"}</span>
                    <input type="number" class="setup-latency" min="0" max="600000"
                        value={latency.map(|(ms, _)| ms.to_string()).unwrap_or_default()}
                        onchange={edit(|s, v| {
                            let at = s.faults.iter().find_map(|f| match f { Fault::Latency { at, .. } => Some(*at), _ => None }).unwrap_or(0);
                            s.faults.retain(|f| !matches!(f, Fault::Latency { .. }));
                            if let Some(ms) = number(v).filter(|m| *m > 0.0) {
                                s.faults.push(Fault::Latency { ms: ms.min(600_000.0) as u32, at });
                            }
                        })} /></label>
                <label class="field"><span>{"…from second"}</span>
                    <input type="number" class="setup-latency-at" min="0" disabled={latency.is_none()}
                        value={latency.map(|(_, at)| at.to_string()).unwrap_or_default()}
                        onchange={edit(|s, v| {
                            let at = number(v).map_or(0, |n| n.max(0.0) as u32);
                            for f in &mut s.faults { if let Fault::Latency { at: a, .. } = f { *a = at } }
                        })} /></label>
                <label class="field"><span>{"A lifecycle hook fails"}</span>
                    <select class="setup-hook" onchange={edit(|s, v| {
                        let instance = s.faults.iter().find_map(|f| match f { Fault::FailHook { instance, .. } => Some(*instance), _ => None }).flatten();
                        s.faults.retain(|f| !matches!(f, Fault::FailHook { .. }));
                        if !v.is_empty() {
                            s.faults.push(Fault::FailHook { event: v.to_string(), instance });
                        }
                    })}>
                        <option value="" selected={hook.is_none()}>{"none"}</option>
                        { for hooks.iter().map(|h| html! {
                            <option value={h.clone()} selected={hook.as_ref().is_some_and(|(e, _)| e == h)}>{ h.clone() }</option>
                        }) }
                    </select></label>
                if ec2 {
                    <label class="field"><span>{"…on instance (empty: every one)"}</span>
                        <input type="number" class="setup-hook-instance" min="1" disabled={hook.is_none()}
                            value={hook.as_ref().and_then(|(_, i)| *i).map(|i| i.to_string()).unwrap_or_default()}
                            onchange={edit(|s, v| {
                                let n = number(v).map(|n| n.max(1.0) as u32);
                                for f in &mut s.faults { if let Fault::FailHook { instance, .. } = f { *instance = n } }
                            })} /></label>
                }
                <label class="field"><span>{"Someone stops it at second"}</span>
                    <input type="number" class="setup-stop" min="0"
                        value={scenario.stop_at.map(|t| t.to_string()).unwrap_or_default()}
                        onchange={edit(|s, v| s.stop_at = number(v).map(|n| n.max(0.0) as u32))} /></label>
            </fieldset>
            if let Some(a) = alarm.clone() {
                <fieldset class="setup-alarm">
                    <legend>{ format!("Alarm {}", a.name) }</legend>
                    <label class="field"><span>{"Metric"}</span>
                        <select class="setup-alarm-metric" onchange={edit_alarm(|d, v| d.metric = if v == "latency" { Metric::Latency } else { Metric::ErrorRate })}>
                            <option value="error-rate" selected={a.metric == Metric::ErrorRate}>{"error rate of the new revision (%)"}</option>
                            <option value="latency" selected={a.metric == Metric::Latency}>{"latency of the new revision (ms)"}</option>
                        </select></label>
                    <label class="field"><span>{"Threshold (above it: breaching)"}</span>
                        <input type="number" class="setup-alarm-threshold" min="0" step="any" value={a.threshold.to_string()}
                            onchange={edit_alarm(|d, v| if let Some(n) = number(v) { d.threshold = n.max(0.0) })} /></label>
                    <label class="field"><span>{"Period (seconds)"}</span>
                        <input type="number" class="setup-alarm-period" min="10" max="86400" value={a.period_seconds.to_string()}
                            onchange={edit_alarm(|d, v| if let Some(n) = number(v) { d.period_seconds = (n as u32).clamp(10, 86_400) })} /></label>
                    <label class="field"><span>{"Evaluation periods"}</span>
                        <input type="number" class="setup-alarm-periods" min="1" max="100" value={a.evaluation_periods.to_string()}
                            onchange={edit_alarm(|d, v| if let Some(n) = number(v) { d.evaluation_periods = (n as u32).clamp(1, 100); d.datapoints_to_alarm = d.datapoints_to_alarm.min(d.evaluation_periods) })} /></label>
                    <label class="field"><span>{"Datapoints to alarm"}</span>
                        <input type="number" class="setup-alarm-datapoints" min="1" max={a.evaluation_periods.to_string()} value={a.datapoints_to_alarm.to_string()}
                            onchange={edit_alarm(|d, v| if let Some(n) = number(v) { d.datapoints_to_alarm = (n as u32).clamp(1, d.evaluation_periods) })} /></label>
                    <label class="field"><span>{"Missing data"}</span>
                        <select class="setup-alarm-missing" onchange={edit_alarm(|d, v| d.treat_missing_data = match v {
                            "notBreaching" => MissingData::NotBreaching,
                            "breaching" => MissingData::Breaching,
                            "ignore" => MissingData::Ignore,
                            _ => MissingData::Missing,
                        })}>
                            { for [("missing", MissingData::Missing), ("notBreaching", MissingData::NotBreaching), ("breaching", MissingData::Breaching), ("ignore", MissingData::Ignore)]
                                .into_iter().map(|(id, m)| html! { <option value={id} selected={a.treat_missing_data == m}>{ id }</option> }) }
                        </select></label>
                </fieldset>
            }
        </details>
    }
}
