//! The rule documentation pane.

use yew::prelude::*;

use crate::markdown;

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
    let Some(rule) = cicd_core::registry::rule(props.code) else {
        return html! {};
    };
    let applies = cicd_core::registry::kind_of(rule.code).map_or("every kind of file", |k| k.title());
    let body = use_memo(rule.code, |_| markdown::render(&rule.markdown()));
    let close = props.on_close.reform(|_: MouseEvent| ());
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
            <div class="markdown">{ (*body).clone() }</div>
        </section>
    }
}
