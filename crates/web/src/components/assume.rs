//! The trust policy's "Assume role?" panel: who is asking, the answer, why, and who else gets in.

use std::rc::Rc;

use cicd_core::trust_policy::evaluate::Decision;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::simulate::{AssumeForm, AssumeMode, TrustView, form_for_example};

/// Props of [`AssumePanel`].
#[derive(Properties, PartialEq)]
pub struct AssumeProps {
    /// The answer for the current form.
    pub view: Rc<TrustView>,
    /// The form.
    pub form: AssumeForm,
    /// The form changed.
    pub on_form: Callback<AssumeForm>,
}

/// GitHub events whose runs commonly assume AWS roles.
const EVENTS: &[&str] = &[
    "push",
    "pull_request",
    "pull_request_target",
    "workflow_dispatch",
    "release",
    "schedule",
    "merge_group",
    "workflow_run",
    "issue_comment",
];

fn value_of(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    String::new()
}

/// The "Assume role?" panel.
#[component]
pub fn AssumePanel(props: &AssumeProps) -> Html {
    let form = &props.form;
    let view = &props.view;
    let field = |set: fn(&mut AssumeForm, String)| {
        let form = form.clone();
        let cb = props.on_form.clone();
        Callback::from(move |e: Event| {
            let mut next = form.clone();
            set(&mut next, value_of(&e));
            cb.emit(next);
        })
    };
    let input = |set: fn(&mut AssumeForm, String)| {
        let form = form.clone();
        let cb = props.on_form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = form.clone();
            set(&mut next, value_of(&e));
            cb.emit(next);
        })
    };
    let mode = |mode: AssumeMode| {
        let form = form.clone();
        let cb = props.on_form.clone();
        Callback::from(move |_: MouseEvent| {
            cb.emit(AssumeForm {
                mode,
                ..form.clone()
            })
        })
    };
    let fields = match form.mode {
        AssumeMode::Github => html! {
            <div class="form-grid">
                <label class="stacked"><span>{"Repository"}</span>
                    <input name="repo" value={form.repo.clone()} placeholder="owner/repo" oninput={input(|f, v| f.repo = v)} spellcheck="false" /></label>
                <label class="stacked"><span>{"Event"}</span>
                    <select name="event" onchange={field(|f, v| f.event = v)}>
                        { for EVENTS.iter().map(|e| html! { <option value={*e} selected={form.event == *e}>{ *e }</option> }) }
                    </select></label>
                <label class="stacked"><span>{"Branch or tag"}</span>
                    <input name="ref" value={form.git_ref.clone()} placeholder="main or refs/tags/v1.0" oninput={input(|f, v| f.git_ref = v)} spellcheck="false" /></label>
                <label class="stacked"><span>{"Environment"}</span>
                    <input name="environment" value={form.environment.clone()} placeholder="none" oninput={input(|f, v| f.environment = v)} spellcheck="false" /></label>
                <label class="stacked"><span>{"Audience"}</span>
                    <input name="audience" value={form.audience.clone()} placeholder="sts.amazonaws.com" oninput={input(|f, v| f.audience = v)} spellcheck="false" /></label>
            </div>
        },
        AssumeMode::Principal => html! {
            <div class="form-grid">
                <label class="stacked wide"><span>{"Principal"}</span>
                    <input name="principal" value={form.principal.clone()} placeholder="aws:ARN, service:NAME or federated:ARN" oninput={input(|f, v| f.principal = v)} spellcheck="false" /></label>
                <label class="stacked"><span>{"Action"}</span>
                    <input name="action" value={form.action.clone()} placeholder="the principal's usual action" oninput={input(|f, v| f.action = v)} spellcheck="false" /></label>
                <label class="stacked wide"><span>{"Request context (key=value per line)"}</span>
                    <textarea name="context" rows="3" value={form.context.clone()} placeholder="aws:SourceAccount=123456789012" oninput={input(|f, v| f.context = v)} spellcheck="false" /></label>
            </div>
        },
    };
    let verdict = if !view.readable {
        html! { <p class="verdict verdict-unknown" role="status">{"Fix the JSON first: the policy cannot be read."}</p> }
    } else if let Some(error) = &view.form_error {
        html! { <p class="verdict verdict-unknown" role="status">{ error.clone() }</p> }
    } else {
        let (class, word) = match view.decision {
            Some(Decision::Allow) => ("verdict-allow", "Allowed"),
            Some(Decision::ExplicitDeny) => ("verdict-deny", "Denied (explicit Deny)"),
            _ => ("verdict-deny", "Denied"),
        };
        html! {
            <div class={classes!("verdict", class)} role="status" aria-live="polite"
                data-decision={view.decision.map_or("", |d| d.verdict())}>
                <strong>{ word }</strong>
                <span class="verdict-reason">{ view.reason.clone() }</span>
            </div>
        }
    };
    html! {
        <section class="panel assume" aria-labelledby="assume-title">
            <header class="panel-header"><h2 id="assume-title">{"Assume role?"}</h2></header>
            <div class="segmented" role="group" aria-label="Who asks">
                <button type="button" aria-pressed={(form.mode == AssumeMode::Github).to_string()} onclick={mode(AssumeMode::Github)}>{"GitHub Actions run"}</button>
                <button type="button" aria-pressed={(form.mode == AssumeMode::Principal).to_string()} onclick={mode(AssumeMode::Principal)}>{"Another principal"}</button>
            </div>
            { fields }
            if let Some(sub) = &view.sub {
                <p class="token">{"The run's token: "}<code class="token-sub">{ format!("sub = {sub}") }</code></p>
            }
            { verdict }
            if !view.statements.is_empty() {
                <ol class="statements">
                    { for view.statements.iter().map(|s| html! {
                        <li class={classes!(s.applies.then_some("applies"), s.deciding.then_some("deciding"))} data-applies={s.applies.to_string()}>
                            <span class="statement-label">{ format!("{} · {}", s.label, s.effect) }</span>
                            <span class="statement-why">{ s.explanation.clone() }</span>
                            if let Some(failed) = &s.failed {
                                <dl class="failed-condition">
                                    <dt>{"Condition"}</dt><dd><code>{ format!("{} {}", failed.operator, failed.key) }</code></dd>
                                    <dt>{"Policy expects"}</dt><dd>{ for failed.expected.iter().map(|v| html! { <code>{ v.clone() }</code> }) }</dd>
                                    <dt>{"Request has"}</dt><dd>{
                                        match &failed.actual {
                                            Some(values) => values.iter().map(|v| html! { <code>{ v.clone() }</code> }).collect::<Html>(),
                                            None => html! { <em>{"no such key"}</em> },
                                        }
                                    }</dd>
                                </dl>
                            }
                        </li>
                    }) }
                </ol>
            }
            if !view.wildcards.is_empty() {
                <details class="who" open=true>
                    <summary>{"Who gets in? Callers each wildcard admits"}</summary>
                    { for view.wildcards.iter().map(|w| html! {
                        <div class="wildcard">
                            <p><code>{ w.pattern.clone() }</code>{ format!(" ({} on {})", w.operator, w.key) }</p>
                            if w.admitted.is_empty() {
                                <p class="muted">{"Other conditions of the statement keep everyone else out."}</p>
                            } else {
                                <ul class="admitted">
                                    { for w.admitted.iter().map(|(value, note, unintended)| {
                                        let next = form_for_example(form, &w.key, value);
                                        let cb = props.on_form.clone();
                                        let onclick = Callback::from(move |_: MouseEvent| cb.emit(next.clone()));
                                        html! {
                                            <li class={classes!(unintended.then_some("unintended"))}>
                                                <button type="button" class="link-button" {onclick} title="Try this caller">
                                                    <code>{ value.clone() }</code>
                                                </button>
                                                <span class="muted">{ format!(" — {note}") }</span>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            }
                        </div>
                    }) }
                </details>
            }
        </section>
    }
}
