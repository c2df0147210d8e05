//! The message bar above the workspace.

use yew::prelude::*;

use crate::state::Notice;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// What to show.
    pub notice: Notice,
    /// Dismissed.
    pub on_close: Callback<()>,
}

/// A dismissible message; errors are announced to screen readers at once.
#[component]
pub fn NoticeBar(props: &NoticeProps) -> Html {
    let class = classes!("notice", props.notice.error.then_some("notice-error"));
    let role = if props.notice.error {
        "alert"
    } else {
        "status"
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class={class} role={role} data-notice={if props.notice.error { "error" } else { "info" }}>
            <span class="notice-text">{ props.notice.text.clone() }</span>
            <button type="button" class="icon-button" aria-label="Dismiss message" onclick={close}>{"×"}</button>
        </div>
    }
}

/// Props of [`EngineStopped`].
#[derive(Properties, PartialEq)]
pub struct EngineStoppedProps {
    /// Why the checks stopped.
    pub message: AttrValue,
    /// Start the checks again.
    pub on_restart: Callback<()>,
}

/// Says that the checks (the engine's worker) could not load or stopped: the text is kept and
/// editable, and the checks can be started again without reloading the page.
#[component]
pub fn EngineStopped(props: &EngineStoppedProps) -> Html {
    let restart = props.on_restart.reform(|_: MouseEvent| ());
    let reload = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    html! {
        <section class="panel engine-stopped" role="alert" data-engine="stopped">
            <p><strong>{"The checks stopped."}</strong>
                {" Your text is kept and you can go on editing; problems and simulations are paused."}</p>
            <p class="actions">
                <button type="button" class="button primary" onclick={restart}>{"Restart the checks"}</button>
                <button type="button" class="button" onclick={reload}>{"Reload the page"}</button>
            </p>
            <details><summary>{"Details"}</summary><pre>{ props.message.clone() }</pre></details>
        </section>
    }
}
