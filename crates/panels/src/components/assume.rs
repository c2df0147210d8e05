//! The trust policy's "Assume role?" panel: who is asking, the answer, why, and who else gets in.

use std::rc::Rc;

use cicd_core::trust_policy::report::DecisionId;
use cicd_engine::{AssumeForm, AssumeMode, FileReport, Panel};
use yew::prelude::*;

/// Props of [`AssumePanel`].
#[derive(Properties, PartialEq)]
pub struct AssumeProps {
    /// The current file's report (its panel is the answer).
    pub report: Rc<FileReport>,
    /// The form.
    pub form: AssumeForm,
    /// The form changed.
    pub on_form: Callback<AssumeForm>,
    /// A finding was chosen (index into the report's diagnostics).
    #[prop_or_default]
    pub on_finding: Callback<usize>,
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

/// The "Assume role?" panel.
#[component]
pub fn AssumePanel(props: &AssumeProps) -> Html {
    let form = &props.form;
    let Panel::Trust(view) = &props.report.panel else {
        return html! {};
    };
    let field = |set: fn(&mut AssumeForm, String)| {
        let form = form.clone();
        let cb = props.on_form.clone();
        Callback::from(move |e: Event| {
            let mut next = form.clone();
            set(&mut next, crate::dom::event_value(&e));
            cb.emit(next);
        })
    };
    let input = |set: fn(&mut AssumeForm, String)| {
        let form = form.clone();
        let cb = props.on_form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = form.clone();
            set(&mut next, crate::dom::event_value(&e));
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
    let answer = view.report.as_ref();
    let verdict = if !view.readable {
        html! { <p class="verdict verdict-unknown" role="status">{"Fix the JSON first: the policy cannot be read."}</p> }
    } else if let Some(error) = &view.form_error {
        html! { <p class="verdict verdict-unknown" role="status">{ error.clone() }</p> }
    } else if let Some(answer) = answer {
        let (class, word) = match answer.detail {
            DecisionId::Allow => ("verdict-allow", "Allowed"),
            DecisionId::ExplicitDeny => ("verdict-deny", "Denied (explicit Deny)"),
            DecisionId::ImplicitDeny => ("verdict-deny", "Denied"),
        };
        let decision = if answer.allowed() { "allow" } else { "deny" };
        // Allowed because of a finding (a wildcard, a dropped condition, a missing `sub`): not
        // the reassuring green of an intended caller, and the finding is one click away.
        let caveats = if answer.allowed() {
            answer.caveats.as_slice()
        } else {
            &[]
        };
        let (class, word) = if caveats.is_empty() {
            (class, word.to_string())
        } else {
            (
                "verdict-caveat",
                format!(
                    "Allowed — but only through {}",
                    caveats
                        .iter()
                        .map(|c| c.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        };
        let diagnostics = props.report.diagnostics.clone();
        html! {
            <div class={classes!("verdict", class)} role="status" aria-live="polite"
                data-decision={decision} data-caveats={caveats.len().to_string()}>
                <strong>{ word }</strong>
                <span class="verdict-reason">{ crate::dom::inline_code(&answer.reason) }</span>
                if !caveats.is_empty() {
                    <ul class="caveats">
                        { for caveats.iter().map(|c| {
                            let index = diagnostics.iter().position(|d| d.code == c.code && d.from16 == c.at.from16)
                                .or_else(|| diagnostics.iter().position(|d| d.code == c.code));
                            let on_finding = props.on_finding.clone();
                            let onclick = Callback::from(move |_: MouseEvent| {
                                if let Some(i) = index {
                                    on_finding.emit(i);
                                }
                            });
                            html! {
                                <li data-code={c.code.clone()}>
                                    <button type="button" class="link-button caveat-link" {onclick}
                                        aria-label={format!("Show finding {} at line {}", c.code, c.at.line)}>
                                        { format!("{} (line {})", c.code, c.at.line) }
                                    </button>
                                    {": "}{ crate::dom::inline_code(&c.message) }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
        }
    } else {
        html! {}
    };
    let sub = answer
        .and_then(|a| a.github.as_ref())
        .map(|g| g.sub.clone());
    let deciding = answer.and_then(|a| a.deciding_statement);
    let statements = answer.map(|a| a.statements.as_slice()).unwrap_or(&[]);
    html! {
        <section class="panel assume" aria-labelledby="assume-title">
            <header class="panel-header"><h2 id="assume-title">{"Assume role?"}</h2></header>
            <div class="segmented" role="group" aria-label="Who asks">
                <button type="button" aria-pressed={(form.mode == AssumeMode::Github).to_string()} onclick={mode(AssumeMode::Github)}>{"GitHub Actions run"}</button>
                <button type="button" aria-pressed={(form.mode == AssumeMode::Principal).to_string()} onclick={mode(AssumeMode::Principal)}>{"Another principal"}</button>
            </div>
            { fields }
            if let Some(sub) = &sub {
                <p class="token">{"The run's token: "}<code class="token-sub">{ format!("sub = {sub}") }</code></p>
            }
            { verdict }
            if !statements.is_empty() {
                <ol class="statements">
                    { for statements.iter().map(|s| {
                        let applies = s.applies();
                        let is_deciding = deciding == Some(s.number);
                        html! {
                        <li class={classes!(applies.then_some("applies"), is_deciding.then_some("deciding"))} data-applies={applies.to_string()}>
                            <span class="statement-label">{ format!("{} · {}", s.label(), s.effect.as_deref().unwrap_or("?")) }</span>
                            <span class="statement-why">{ crate::dom::inline_code(&s.explanation) }</span>
                            if let Some(failed) = &s.condition {
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
                    }}) }
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
                                    { for w.admitted.iter().map(|a| {
                                        let next = a.try_form.clone();
                                        let cb = props.on_form.clone();
                                        let onclick = Callback::from(move |_: MouseEvent| cb.emit(next.clone()));
                                        html! {
                                            <li class={classes!(a.unintended.then_some("unintended"))}>
                                                <button type="button" class="link-button" {onclick} title="Try this caller">
                                                    <code>{ a.value.clone() }</code>
                                                </button>
                                                <span class="muted">{" — "}{ crate::dom::inline_code(&a.note) }</span>
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
