//! The rule documentation pane. Pages are not compiled into the wasm: they are fetched from the
//! playground's `rules/<CODE>.html` (generated from the rules' docs by the core's docs test,
//! HTML-escaped by pulldown-cmark) the first time they are opened, and kept.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static PAGES: RefCell<HashMap<&'static str, AttrValue>> = RefCell::new(HashMap::new());
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
    pub code: &'static str,
    /// Closed.
    pub on_close: Callback<()>,
}

/// A rule's page: what it checks, why, an example, what to write instead, the AWS sources.
#[component]
pub fn DocsPane(props: &DocsProps) -> Html {
    let body = use_state(|| PAGES.with(|p| p.borrow().get(props.code).cloned()));
    {
        let body = body.clone();
        use_effect_with(props.code, move |code| {
            let code: &'static str = code;
            if let Some(page) = PAGES.with(|p| p.borrow().get(code).cloned()) {
                body.set(Some(page));
            } else {
                body.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    let page: AttrValue = fetch_page(code)
                        .await
                        .unwrap_or_else(|| "<p>The documentation of this rule could not be loaded. Check your connection and try again.</p>".to_string())
                        .into();
                    PAGES.with(|p| p.borrow_mut().insert(code, page.clone()));
                    body.set(Some(page));
                });
            }
        });
    }
    let Some(rule) = cicd_core::registry::rule(props.code) else {
        return html! {};
    };
    let applies =
        cicd_core::registry::kind_of(rule.code).map_or("every kind of file", |k| k.title());
    let close = props.on_close.reform(|_: MouseEvent| ());
    let content = match (*body).clone() {
        // Trusted: generated at build time from the project's own rule docs, escaped.
        Some(page) => Html::from_html_unchecked(page),
        None => html! { <p class="muted">{"Loading…"}</p> },
    };
    html! {
        <section class="panel docs" aria-labelledby="docs-title" data-rule={rule.code}>
            <header class="panel-header">
                <h2 id="docs-title">
                    <span class="diag-code">{ rule.code }</span>{" "}<span class="rule-name">{ rule.name }</span>
                </h2>
                <button type="button" class="icon-button" aria-label="Close rule documentation" onclick={close}>{"×"}</button>
            </header>
            <p class="rule-meta">
                <span class={classes!("sev-badge", format!("sev-{}", rule.severity.as_str()))}>{ rule.severity.as_str() }</span>
                {" · "}{ applies }
            </p>
            <div class="markdown" aria-busy={body.is_none().then_some("true")}>{ content }</div>
        </section>
    }
}
