//! The problems panel. Each row (every `li` in `.diagnostics`) carries `data-code`,
//! `data-severity` and `data-line` (a documented contract for tests and embedding pages).

use std::rc::Rc;

use cicd_core::Severity;
use yew::prelude::*;

use cicd_engine::CheckStatus;

use crate::report::ShellReport;

/// Props of [`DiagnosticsPanel`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    /// The current file's report (`None` while the engine has not answered yet).
    pub check: Option<Rc<ShellReport>>,
    /// Whether the engine is still loading (said while there is no report yet).
    #[prop_or_default]
    pub loading: bool,
    /// The selected row.
    pub selected: Option<usize>,
    /// A row was chosen.
    pub on_select: Callback<usize>,
    /// A finding's place in another file was chosen (file id, UTF-16 offset).
    #[prop_or_default]
    pub on_open: Callback<(u32, u32)>,
}

fn icon(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("✖", "error"),
        Severity::Warning => ("▲", "warning"),
        Severity::Info => ("ℹ", "info"),
    }
}

/// The list of problems of the current file.
#[component]
pub fn DiagnosticsPanel(props: &DiagnosticsProps) -> Html {
    let Some(check) = props.check.clone() else {
        return html! {
            <section class="panel problems" aria-labelledby="problems-title">
                <header class="panel-header">
                    <h2 id="problems-title">{"Problems"}</h2>
                    <span class="problems-summary" data-status="pending" aria-live="polite">
                        { if props.loading { "Loading the checks…" } else { "Checking…" } }
                    </span>
                </header>
            </section>
        };
    };
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let summary = match check.status {
        CheckStatus::PlainText => {
            "Plain text: not checked. Choose a kind above to check it.".to_string()
        }
        CheckStatus::Unsupported(kind) => format!(
            "Checking {} files is not available yet; the file is shown as plain text.",
            kind.title()
        ),
        CheckStatus::Checked(_) if check.diagnostics.is_empty() => "No problems found.".to_string(),
        CheckStatus::Checked(_) => {
            let infos = check.diagnostics.len() - check.errors - check.warnings;
            let mut parts = vec![
                plural(check.errors, "error"),
                plural(check.warnings, "warning"),
            ];
            if infos > 0 {
                parts.push(plural(infos, "note"));
            }
            parts.join(" · ")
        }
    };
    html! {
        <section class="panel problems" aria-labelledby="problems-title">
            <header class="panel-header">
                <h2 id="problems-title">{"Problems"}</h2>
                <span class="problems-summary" data-status={status_id(check.status)} aria-live="polite">{ summary }</span>
            </header>
            <ul class="diagnostics" aria-label="Problems in this file">
                { for check.diagnostics.iter().enumerate().map(|(i, d)| {
                    let (glyph, label) = icon(d.severity);
                    let onclick = props.on_select.reform(move |_: MouseEvent| i);
                    let selected = props.selected == Some(i);
                    html! {
                        <li class={classes!("diagnostic", format!("sev-{label}"), selected.then_some("selected"))}
                            data-code={d.code.clone()} data-severity={label} data-line={d.line.to_string()}>
                            <button type="button" {onclick} aria-current={selected.then_some("true")}>
                                <span class="sev-icon" aria-hidden="true">{ glyph }</span>
                                <span class="visually-hidden">{ format!("{label}: ") }</span>
                                <span class="diag-code">{ d.code.clone() }</span>
                                <span class="diag-message" title={d.message.replace('`', "")}>{ crate::page::inline_code(&d.message) }</span>
                                <span class="diag-pos">{ format!("{}:{}", d.line, d.column) }</span>
                            </button>
                            if !d.elsewhere.is_empty() {
                                // Not a nested list: every `li` in `.diagnostics` is a finding
                                // (the documented contract), so its places are a group of links.
                                <div class="diag-elsewhere" role="group" aria-label="The same finding in other files">
                                    { for d.elsewhere.iter().map(|l| {
                                        let (file, offset) = (l.at.file, l.at.from16);
                                        let onclick = props.on_open.reform(move |_: MouseEvent| (file, offset));
                                        // The tab's whole name: two files may share a base name
                                        // (`appspec.yaml` and `ecs/appspec.yaml`).
                                        html! {
                                            <button type="button" class="link-button" {onclick} data-file={file.to_string()}
                                                title={l.message.replace('`', "")}>
                                                { format!("→ {}:{}", l.name, l.at.line) }
                                            </button>
                                        }
                                    }) }
                                </div>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn status_id(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Checked(_) => "checked",
        CheckStatus::Unsupported(_) => "unsupported",
        CheckStatus::PlainText => "text",
    }
}
