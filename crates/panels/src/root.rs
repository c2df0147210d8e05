//! The panels module's root: shows the panel of the report the shell hands over, with the file's
//! settings, and tells the shell what the learner changed.

use std::rc::Rc;

use cicd_engine::{FileReport, Panel, PanelInputs};
use yew::prelude::*;

use crate::components::admission::AdmissionPanel;
use crate::components::assume::AssumePanel;
use crate::components::deployment::DeploymentPanel;
use crate::components::lifecycle::TimelinePanel;
use crate::components::pipeline::PipelinePanel;
use crate::inputs::{self, LastSet};

/// What the panels tell the shell.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelEvent {
    /// The file's panel settings changed: the JSON the workspace keeps with the file.
    Scenario(String),
    /// Show a place of the file in the editor (UTF-16 offset).
    Reveal(u32),
    /// A finding was chosen (index into the report's diagnostics).
    Finding(usize),
    /// Show a place of a file, this one or another (select it, move the cursor there).
    Open {
        /// File id.
        file: u32,
        /// UTF-16 offset.
        offset: u32,
    },
    /// Set a part of another file's panel settings and show that file ("try it" in a
    /// workflow's table fills a trust policy's Assume form).
    SetPart {
        /// File id.
        file: u32,
        /// The part's key in the settings' JSON object.
        key: String,
        /// The part's JSON.
        json: String,
    },
}

/// What the root is told.
pub enum Msg {
    /// Show `report`'s panel for the file whose workspace settings are `scenario`.
    Show(Rc<FileReport>, String),
    /// Show nothing.
    Clear,
    /// A panel changed the settings.
    Change(Box<dyn FnOnce(&mut PanelInputs)>),
}

/// The root's properties.
#[derive(Properties, PartialEq)]
pub struct RootProps {
    /// Receives what the learner did.
    pub on_event: Callback<PanelEvent>,
}

/// The panels module's root.
pub struct Root {
    report: Option<Rc<FileReport>>,
    scenario: String,
    last: Option<LastSet>,
}

impl Component for Root {
    type Message = Msg;
    type Properties = RootProps;

    fn create(_: &Context<Self>) -> Self {
        Root {
            report: None,
            scenario: String::new(),
            last: None,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Show(report, scenario) => {
                let same = self.report.as_ref().is_some_and(|r| Rc::ptr_eq(r, &report))
                    && self.scenario == scenario;
                self.report = Some(report);
                self.scenario = scenario;
                !same
            }
            Msg::Clear => self.report.take().is_some(),
            Msg::Change(change) => {
                let Some(report) = &self.report else {
                    return false;
                };
                let set = inputs::change(report, &self.scenario, self.last.as_ref(), change);
                if set.json == self.scenario {
                    return false;
                }
                self.scenario = set.json.clone();
                ctx.props()
                    .on_event
                    .emit(PanelEvent::Scenario(set.json.clone()));
                self.last = Some(set);
                true
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let Some(report) = self.report.clone() else {
            return html! {};
        };
        let inputs = inputs::current(&report, &self.scenario, self.last.as_ref());
        let link = ctx.link();
        let on_event = ctx.props().on_event.clone();
        match &report.panel {
            Panel::None => html! {},
            Panel::Trust(view) => {
                let form = inputs.assume.unwrap_or_else(|| view.form.clone());
                let on_form = link.callback(|form| {
                    Msg::Change(Box::new(move |i: &mut PanelInputs| i.assume = Some(form)))
                });
                let on_finding = on_event.reform(PanelEvent::Finding);
                html! { <AssumePanel {form} {report} {on_form} {on_finding} /> }
            }
            Panel::Deployment(_) => {
                let on_scenario = link.callback(|s| {
                    Msg::Change(Box::new(move |i: &mut PanelInputs| i.deployment = s))
                });
                let (on_compare, on_config, on_group) = deployment_callbacks(link);
                html! { <DeploymentPanel {report} scenario={inputs.deployment} {on_scenario} {on_compare} {on_config} {on_group} /> }
            }
            Panel::Pipeline(_) => {
                let on_scenario = link
                    .callback(|s| Msg::Change(Box::new(move |i: &mut PanelInputs| i.pipeline = s)));
                let on_reveal = on_event.reform(PanelEvent::Reveal);
                html! { <PipelinePanel {report} scenario={inputs.pipeline} {on_scenario} {on_reveal} /> }
            }
            Panel::Admission(_) => {
                let on_open = on_event.reform(|(file, offset)| PanelEvent::Open { file, offset });
                let on_try = on_event.reform(|(file, form)| {
                    let (key, json) = PanelInputs::assume_part(&form);
                    PanelEvent::SetPart { file, key, json }
                });
                html! { <AdmissionPanel {report} {on_open} {on_try} /> }
            }
            Panel::Lifecycle(view) => {
                let on_scenario = link
                    .callback(|s| Msg::Change(Box::new(move |i: &mut PanelInputs| i.scenario = s)));
                // The AppSpec's deployment, below its lifecycle.
                let deployment = view.deployment.is_some().then(|| {
                    let on_scenario = link.callback(|s| {
                        Msg::Change(Box::new(move |i: &mut PanelInputs| i.deployment = s))
                    });
                    let (on_compare, on_config, on_group) = deployment_callbacks(link);
                    html! { <DeploymentPanel report={report.clone()} scenario={inputs.deployment.clone()} {on_scenario} {on_compare} {on_config} {on_group} /> }
                });
                html! {
                    <>
                        <TimelinePanel report={report.clone()} scenario={inputs.scenario} {on_scenario} />
                        { for deployment }
                    </>
                }
            }
        }
    }
}

/// The deployment panel's choices: a configuration to compare with, a configuration to run
/// with (a predefined name, or `tab:NAME` for the workspace's configuration tab NAME) and a
/// deployment group tab.
fn deployment_callbacks(
    link: &html::Scope<Root>,
) -> (
    Callback<Option<String>>,
    Callback<Option<String>>,
    Callback<String>,
) {
    let on_compare =
        link.callback(|name| Msg::Change(Box::new(move |i: &mut PanelInputs| i.compare = name)));
    // Another configuration: the comparison was with respect to the previous one.
    let on_config = link.callback(|name: Option<String>| {
        Msg::Change(Box::new(move |i: &mut PanelInputs| {
            match name.as_deref().and_then(|n| n.strip_prefix("tab:")) {
                Some(tab) => {
                    i.config_tab = Some(tab.to_string());
                    i.config = None;
                }
                None => {
                    i.config = name;
                    i.config_tab = None;
                }
            }
            i.compare = None;
        }))
    });
    let on_group = link.callback(|name: String| {
        Msg::Change(Box::new(move |i: &mut PanelInputs| {
            i.group = (!name.is_empty()).then_some(name);
            // The group's configuration runs again.
            i.config = None;
            i.config_tab = None;
            i.compare = None;
        }))
    });
    (on_compare, on_config, on_group)
}
