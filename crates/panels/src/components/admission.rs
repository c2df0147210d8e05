//! A workflow's "Who can assume?" panel: the admission table of the workspace's workflows against
//! each trust policy that trusts GitHub's OIDC provider — one row per run of each step that
//! assumes a role, with the token's `sub` and the policy's answer — and the callers the policy
//! admits that no job needs, each with a "try it" that opens the policy's Assume form on it.

use std::rc::Rc;

use cicd_core::workflow::admission::{AdmissionRow, CallerKind, OverBroad, RowDecision};
use cicd_engine::{AdmissionTable, AssumeForm, FilePlace, FileReport, Panel};
use yew::prelude::*;

use crate::dom::inline_code;

/// Props of [`AdmissionPanel`].
#[derive(Properties, PartialEq)]
pub struct AdmissionProps {
    /// The workflow's report (its panel is the table).
    pub report: Rc<FileReport>,
    /// Show a place of a file (file id, UTF-16 offset).
    pub on_open: Callback<(u32, u32)>,
    /// Try a caller in a policy's Assume form (the policy's file id, the form).
    pub on_try: Callback<(u32, AssumeForm)>,
}

fn decision_id(d: RowDecision) -> &'static str {
    match d {
        RowDecision::Allow => "allow",
        RowDecision::Deny => "deny",
        RowDecision::Unknown => "unknown",
    }
}

/// The decision in words, with a glyph (never colour alone).
fn decision_words(d: RowDecision) -> (&'static str, &'static str) {
    match d {
        RowDecision::Allow => ("✔", "Allowed"),
        RowDecision::Deny => ("✖", "Refused"),
        RowDecision::Unknown => ("?", "Known at run time"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The "Who can assume?" panel.
#[component]
pub fn AdmissionPanel(props: &AdmissionProps) -> Html {
    let Panel::Admission(view) = &props.report.panel else {
        return html! {};
    };
    let rows = || view.tables.iter().flat_map(|t| &t.report.rows);
    let count = |d| rows().filter(|r| r.decision == d).count();
    let (allowed, refused) = (count(RowDecision::Allow), count(RowDecision::Deny));
    let over_broad: usize = view.tables.iter().map(|t| t.report.over_broad.len()).sum();
    let summary = if !view.readable {
        "Fix the workflow first: it cannot be read.".to_string()
    } else if view.tables.is_empty() {
        "No trust policy in the workspace trusts GitHub's OIDC provider.".to_string()
    } else if rows().next().is_none() {
        "No job assumes a role through OIDC.".to_string()
    } else {
        let mut parts = vec![
            plural(allowed, "run admitted", "runs admitted"),
            plural(refused, "run refused", "runs refused"),
        ];
        if over_broad > 0 {
            parts.push(plural(
                over_broad,
                "other caller admitted",
                "other callers admitted",
            ));
        }
        parts.join(" · ")
    };
    html! {
        <section class="panel admission" aria-labelledby="admission-title">
            <header class="panel-header"><h2 id="admission-title">{"Who can assume?"}</h2></header>
            <p class="admission-summary" role="status" aria-live="polite"
                data-allowed={allowed.to_string()} data-refused={refused.to_string()}
                data-over-broad={over_broad.to_string()}>{ summary }</p>
            if view.readable && view.tables.is_empty() {
                <p class="muted">{"Add the trust policy of the role the workflow assumes (a file named like "}
                    <code>{"trust-policy.json"}</code>
                    {") to see which runs it admits and who else it lets in."}</p>
            }
            { for view.tables.iter().map(|t| html! {
                <Table table={t.clone()} workflow={view.workflow} on_open={props.on_open.clone()} on_try={props.on_try.clone()} />
            }) }
            if !view.skipped.is_empty() {
                <ul class="admission-skipped muted">
                    { for view.skipped.iter().map(|s| {
                        let why = if s.why == "unreadable" { "cannot be read" } else { "trusts no GitHub OIDC provider" };
                        html! { <li>{"Not compared: "}<code>{ s.name.clone() }</code>{ format!(" ({why}).") }</li> }
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    table: AdmissionTable,
    workflow: u32,
    on_open: Callback<(u32, u32)>,
    on_try: Callback<(u32, AssumeForm)>,
}

/// The workflows against one policy.
#[component]
fn Table(props: &TableProps) -> Html {
    let t = &props.table;
    let report = &t.report;
    let heading = format!("admission-{}", t.policy);
    let several_workflows = report.rows.iter().any(|r| r.job_at.file != props.workflow);
    html! {
        <div class="admission-policy" data-policy={t.policy.to_string()} aria-labelledby={heading.clone()} role="group">
            <h3 id={heading}>{"Against "}<code>{ report.policy.clone() }</code></h3>
            if !t.certain {
                <p class="muted">{"One of several GitHub trust policies here: which role the workflow assumes is not certain, so no finding is reported for it."}</p>
            }
            if !report.notes.is_empty() {
                <ul class="admission-notes muted">
                    { for report.notes.iter().map(|n| html! { <li>{ inline_code(n) }</li> }) }
                </ul>
            }
            if report.rows.is_empty() {
                <p class="muted">{"No job of the workflows assumes a role through OIDC ("}<code>{"configure-aws-credentials"}</code>{" with "}<code>{"role-to-assume"}</code>{")."}</p>
            } else {
                // Scrolls sideways inside the panel rather than crushing its columns (a narrow
                // panel shows the rows as cards instead: www/cicd-panels.css).
                <div class="admission-scroll">
                <table class="admission-rows">
                    <caption class="visually-hidden">{ format!("Runs of the jobs that assume a role, and what {} answers. Choose a row to show its job.", report.policy) }</caption>
                    <thead><tr>
                        <th scope="col">{"Job"}</th>
                        <th scope="col">{"Event"}</th>
                        <th scope="col">{"Ref"}</th>
                        <th scope="col">{"Environment"}</th>
                        <th scope="col">{"Token sub"}</th>
                        <th scope="col">{"Decision"}</th>
                    </tr></thead>
                    <tbody>
                        { for report.rows.iter().map(|r| row(r, several_workflows, &props.on_open)) }
                    </tbody>
                </table>
                </div>
            }
            if !report.rows.is_empty() {
                <h4>{"Who else can assume the role?"}</h4>
                if report.over_broad.is_empty() {
                    <p class="over-broad-none">{"Nobody else: the policy admits only the runs the jobs need."}</p>
                } else {
                    <ul class="over-broad">
                        { for report.over_broad.iter().zip(&t.try_forms).map(|(o, form)| {
                            over_broad(o, form.as_ref(), t.policy, &props.on_open, &props.on_try)
                        }) }
                    </ul>
                }
            }
        </div>
    }
}

fn place_button(at: FilePlace, label: &str, on_open: &Callback<(u32, u32)>) -> Html {
    let on_open = on_open.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // Not the row's own click (which shows the job).
        e.stop_propagation();
        on_open.emit((at.file, at.from16));
    });
    html! {
        <button type="button" class="link-button place-link" {onclick}>
            { format!("line {}", at.line) }<span class="visually-hidden">{ format!(": show {label}") }</span>
        </button>
    }
}

fn row(r: &AdmissionRow<FilePlace>, several: bool, on_open: &Callback<(u32, u32)>) -> Html {
    let job = r.job_at;
    let onclick = {
        let on_open = on_open.clone();
        Callback::from(move |_: MouseEvent| on_open.emit((job.file, job.from16)))
    };
    let (glyph, word) = decision_words(r.decision);
    let id = decision_id(r.decision);
    let workflow = r
        .workflow
        .rsplit('/')
        .next()
        .unwrap_or(&r.workflow)
        .to_string();
    let deciding = r.condition.as_ref().map(|c| c.at).or(r.policy_at);
    html! {
        <tr class={classes!("admission-row", format!("row-{id}"))} data-decision={id}
            data-job={r.job.clone()} data-event={r.event.clone()} {onclick}>
            <td data-label="Job">
                <button type="button" class="link-button row-open"
                    aria-label={format!("Show job {} (step {}) in {}", r.job, r.step, workflow)}>{ r.job.clone() }</button>
                if several { <span class="muted">{ format!(" in {workflow}") }</span> }
            </td>
            <td data-label="Event">{ r.event.clone() }</td>
            <td data-label="Ref"><code>{ r.git_ref.clone() }</code></td>
            <td data-label="Environment">{ r.environment.clone().unwrap_or_else(|| "—".to_string()) }</td>
            <td data-label="Token sub"><code class="sub">{ r.sub.clone() }</code></td>
            <td data-label="Decision" class="decision-cell">
                <span class={classes!("decision", format!("decision-{id}"))}>
                    <span aria-hidden="true">{ glyph }</span>{" "}{ word }
                </span>
                <span class="decision-reason">{ inline_code(&r.reason) }</span>
                if let Some(at) = deciding {
                    <span class="decision-place">{"In the policy: "}{ place_button(at, "the deciding condition in the policy", on_open) }</span>
                }
            </td>
        </tr>
    }
}

fn over_broad(
    o: &OverBroad<FilePlace>,
    form: Option<&AssumeForm>,
    policy: u32,
    on_open: &Callback<(u32, u32)>,
    on_try: &Callback<(u32, AssumeForm)>,
) -> Html {
    let try_it = form.cloned().map(|form| {
        let on_try = on_try.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_try.emit((policy, form.clone())));
        html! {
            <button type="button" class="try-it" {onclick}>
                {"Try it"}<span class="visually-hidden">{ format!(": {} in the policy's Assume form", o.sub) }</span>
            </button>
        }
    });
    html! {
        <li data-kind={kind_id(o.kind)} data-sub={o.sub.clone()}>
            <code class="sub">{ o.sub.clone() }</code>
            <span class="over-broad-reason">{ inline_code(&o.reason) }</span>
            <span class="over-broad-actions">
                if let Some(at) = o.policy_at { { place_button(at, "what admits it in the policy", on_open) } }
                { for try_it }
            </span>
        </li>
    }
}

/// The caller kind's name in the JSON contract.
fn kind_id(kind: CallerKind) -> &'static str {
    match kind {
        CallerKind::AnyOwner => "any-owner",
        CallerKind::OtherOwner => "other-owner",
        CallerKind::OtherRepository => "other-repository",
        CallerKind::PullRequest => "pull-request",
        CallerKind::OtherBranch => "other-branch",
        CallerKind::Tag => "tag",
        CallerKind::Environment => "environment",
        CallerKind::DefaultBranch => "default-branch",
    }
}
