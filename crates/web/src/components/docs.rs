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

/// A rule's page, or why there is none.
async fn fetch_page(code: &str) -> Result<String, &'static str> {
    const UNREACHABLE: &str = "<p>The documentation of this rule could not be loaded. Check your connection and try again.</p>";
    let window = web_sys::window().ok_or(UNREACHABLE)?;
    let response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&format!("rules/{code}.html")))
            .await
            .map_err(|_| UNREACHABLE)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| UNREACHABLE)?;
    if response.status() == 404 {
        return Err("<p>The playground has no rule with this code.</p>");
    }
    if !response.ok() {
        return Err(UNREACHABLE);
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|_| UNREACHABLE)?)
        .await
        .map_err(|_| UNREACHABLE)?;
    text.as_string().ok_or(UNREACHABLE)
}

/// The name and default severity a page's first line gives (`<!-- rule CODE name severity -->`,
/// written by the core's docs test).
fn page_header(page: &str) -> Option<(&str, &'static str)> {
    let line = page.lines().next()?.strip_prefix("<!-- rule ")?;
    let mut words = line.strip_suffix("-->")?.split_whitespace();
    let (_code, name) = (words.next()?, words.next()?);
    let severity = match words.next()? {
        "error" => "error",
        "warning" => "warning",
        "info" => "info",
        _ => return None,
    };
    Some((name, severity))
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
                        .unwrap_or_else(str::to_string)
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
    // The same header however the page was opened: a diagnostic's name and severity, else the
    // page's own (a link's `?rule=`, a completion's "read more").
    let from_page = (*body).as_deref().and_then(page_header);
    let name = props
        .name
        .clone()
        .or_else(|| from_page.map(|(name, _)| AttrValue::from(name.to_string())));
    let severity = props.severity.or(from_page.map(|(_, severity)| severity));
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
                    if let Some(name) = name { {" "}<span class="rule-name">{ name }</span> }
                </h2>
                <button type="button" class="icon-button" aria-label="Close rule documentation" onclick={close}>{"×"}</button>
            </header>
            <p class="rule-meta">
                if let Some(severity) = severity {
                    <span class={classes!("sev-badge", format!("sev-{severity}"))}>{ severity }</span>{" · "}
                }
                { applies }
            </p>
            <div class="markdown" aria-busy={body.is_none().then_some("true")}>{ content }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::page_header;

    #[test]
    fn reads_the_header_line_of_a_page() {
        let page = "<!-- rule BS021 missing-phase-commands error -->\n<h2>What it does</h2>";
        assert_eq!(page_header(page), Some(("missing-phase-commands", "error")));
        assert_eq!(page_header("<h2>What it does</h2>"), None);
        assert_eq!(page_header("<!-- rule BS021 name fatal -->"), None);
        assert_eq!(page_header("<!-- rule BS021 -->"), None);
    }
}
