//! The rule documentation pane. Pages are not compiled into the wasm: they are fetched from the
//! playground's `rules/<CODE>.html` (generated from the rules' docs by the core's docs test,
//! HTML-escaped by pulldown-cmark) the first time they are opened, and kept.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static PAGES: RefCell<HashMap<String, AttrValue>> = RefCell::new(HashMap::new());
}

async fn fetch_page(code: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&format!("rules/{code}.html")))
            .await
            .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// Props of [`DocsPane`].
#[derive(Properties, PartialEq)]
pub struct DocsProps {
    /// The rule shown.
    pub code: AttrValue,
    /// Its name and severity, when a diagnostic of the file says them.
    #[prop_or_default]
    pub name: Option<AttrValue>,
    /// Its severity (`error`, `warning`, `info`), when known.
    #[prop_or_default]
    pub severity: Option<&'static str>,
    /// Closed.
    pub on_close: Callback<()>,
}

/// A rule's page: what it checks, why, an example, what to write instead, the AWS sources.
#[component]
pub fn DocsPane(props: &DocsProps) -> Html {
    let body = use_state(|| PAGES.with(|p| p.borrow().get(props.code.as_str()).cloned()));
    {
        let body = body.clone();
        use_effect_with(props.code.clone(), move |code| {
            let code = code.to_string();
            if let Some(page) = PAGES.with(|p| p.borrow().get(&code).cloned()) {
                body.set(Some(page));
            } else {
                body.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    let page: AttrValue = fetch_page(&code)
                        .await
                        .unwrap_or_else(|| "<p>The documentation of this rule could not be loaded. Check your connection and try again.</p>".to_string())
                        .into();
                    PAGES.with(|p| p.borrow_mut().insert(code, page.clone()));
                    body.set(Some(page));
                });
            }
        });
    }
    // The kinds whose code prefix the code has (two kinds may share one: `DEP`).
    let prefix: String = props
        .code
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let kinds: Vec<&str> = cicd_core::Kind::ALL
        .iter()
        .filter(|k| k.code_prefix() == prefix)
        .map(|k| k.title())
        .collect();
    let applies = if kinds.is_empty() {
        "every kind of file".to_string()
    } else {
        kinds.join(" or ")
    };
    let code = props.code.clone();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let content = match (*body).clone() {
        // Trusted: generated at build time from the project's own rule docs, escaped.
        Some(page) => Html::from_html_unchecked(page),
        None => html! { <p class="muted">{"Loading…"}</p> },
    };
    html! {
        <section class="panel docs" aria-labelledby="docs-title" data-rule={code.clone()}>
            <header class="panel-header">
                <h2 id="docs-title">
                    <span class="diag-code">{ code.clone() }</span>
                    if let Some(name) = props.name.clone() { {" "}<span class="rule-name">{ name }</span> }
                </h2>
                <button type="button" class="icon-button" aria-label="Close rule documentation" onclick={close}>{"×"}</button>
            </header>
            <p class="rule-meta">
                if let Some(severity) = props.severity {
                    <span class={classes!("sev-badge", format!("sev-{severity}"))}>{ severity }</span>{" · "}
                }
                { applies }
            </p>
            <div class="markdown" aria-busy={body.is_none().then_some("true")}>{ content }</div>
        </section>
    }
}
