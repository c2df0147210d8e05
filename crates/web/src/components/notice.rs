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
