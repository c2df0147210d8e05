//! The file tabs.

use yew::prelude::*;

/// What a tab shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TabInfo {
    /// File id.
    pub id: u32,
    /// File name.
    pub name: String,
    /// Short kind label (`buildspec`, `text`).
    pub kind: &'static str,
    /// Errors in the file.
    pub errors: usize,
    /// Warnings in the file.
    pub warnings: usize,
}

/// Props of [`FileTabs`].
#[derive(Properties, PartialEq)]
pub struct FileTabsProps {
    /// The tabs, in order.
    pub tabs: Vec<TabInfo>,
    /// The selected file id.
    pub selected: u32,
    /// A tab was chosen.
    pub on_select: Callback<u32>,
    /// A tab was moved with Alt+Shift+Arrow: (id, by).
    pub on_move: Callback<(u32, i32)>,
    /// Whether files may be moved.
    pub editable: bool,
}

/// The row of file tabs. Arrow keys move between tabs, Alt+Shift+Arrow moves the file.
#[component]
pub fn FileTabs(props: &FileTabsProps) -> Html {
    let ids: Vec<u32> = props.tabs.iter().map(|t| t.id).collect();
    html! {
        <div class="tabs" role="tablist" aria-label="Files">
            { for props.tabs.iter().enumerate().map(|(i, tab)| {
                let selected = tab.id == props.selected;
                let id = tab.id;
                let onclick = props.on_select.reform(move |_: MouseEvent| id);
                let onkeydown = {
                    let on_select = props.on_select.clone();
                    let on_move = props.on_move.clone();
                    let ids = ids.clone();
                    let editable = props.editable;
                    Callback::from(move |e: KeyboardEvent| {
                        let step = match e.key().as_str() {
                            "ArrowLeft" => -1,
                            "ArrowRight" => 1,
                            _ => return,
                        };
                        e.prevent_default();
                        if e.alt_key() && e.shift_key() {
                            if editable {
                                on_move.emit((id, step));
                            }
                        } else {
                            let next = (i as i32 + step).rem_euclid(ids.len().max(1) as i32) as usize;
                            if let Some(next) = ids.get(next) {
                                on_select.emit(*next);
                                focus_tab(*next);
                            }
                        }
                    })
                };
                let count = if tab.errors > 0 {
                    html! { <span class="tab-count tab-count-error" aria-label={format!("{} errors", tab.errors)}>{ tab.errors }</span> }
                } else if tab.warnings > 0 {
                    html! { <span class="tab-count tab-count-warning" aria-label={format!("{} warnings", tab.warnings)}>{ tab.warnings }</span> }
                } else {
                    html! {}
                };
                html! {
                    <button type="button" role="tab" id={format!("tab-{id}")} class={classes!("tab", selected.then_some("tab-selected"))}
                        aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                        data-file={tab.name.clone()} title={tab.name.clone()} {onclick} {onkeydown}>
                        <span class="tab-name">{ tab.name.clone() }</span>
                        <span class={classes!("kind-badge", format!("kind-{}", tab.kind))}>{ tab.kind }</span>
                        { count }
                    </button>
                }
            }) }
        </div>
    }
}

fn focus_tab(id: u32) {
    if let Some(el) = crate::editor::element_by_id(&format!("tab-{id}")) {
        let _ = el.focus();
    }
}
