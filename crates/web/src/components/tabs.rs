//! The file tabs.

use wasm_bindgen::JsCast;
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

/// The row of file tabs. Arrow keys move between tabs, Alt+Shift+Arrow moves the file. When the
/// tabs do not fit, arrows scroll the strip and a menu lists every file; the selected tab is
/// always scrolled into view.
#[component]
pub fn FileTabs(props: &FileTabsProps) -> Html {
    let ids: Vec<u32> = props.tabs.iter().map(|t| t.id).collect();
    let strip = use_node_ref();
    // (can scroll left, can scroll right): the strip's overflow, measured when the tabs change,
    // on scroll and on resize.
    let overflow = use_state_eq(|| (false, false));
    let measure = {
        let (strip, overflow) = (strip.clone(), overflow.clone());
        move || {
            if let Some(el) = strip.cast::<web_sys::Element>() {
                let left = el.scroll_left() > 1;
                let right = el.scroll_left() + el.client_width() < el.scroll_width() - 1;
                // Equal values do not render again (`use_state_eq`); the resize listener's copy
                // of this closure holds the first render's handle.
                overflow.set((left, right));
            }
        }
    };
    {
        // After the renders that can change it only: reading the strip's scroll position forces
        // a layout, and the tabs render with every keystroke (their callbacks are new each time).
        let measure = measure.clone();
        use_effect_with((props.tabs.clone(), props.selected, *overflow), move |_| {
            measure()
        });
    }
    {
        let measure = measure.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    {
        let strip = strip.clone();
        use_effect_with((props.selected, props.tabs.len()), move |(selected, _)| {
            if let Some(tab) = crate::editor::element_by_id(&format!("tab-{selected}"))
                && let Some(strip) = strip.cast::<web_sys::Element>()
            {
                // Scroll only the strip (not the page) to show the selected tab whole.
                let (tab_left, tab_width) = (
                    tab.unchecked_ref::<web_sys::HtmlElement>().offset_left(),
                    tab.client_width(),
                );
                let (left, width) = (strip.scroll_left(), strip.client_width());
                if tab_left < left {
                    strip.set_scroll_left(tab_left);
                } else if tab_left + tab_width > left + width {
                    strip.set_scroll_left(tab_left + tab_width - width);
                }
            }
            || ()
        });
    }
    // The tab moved with Alt+Shift+Arrow, focused again once the new order is drawn (the
    // focused element would otherwise be whatever now stands at the old place).
    let refocus = use_mut_ref(|| None::<u32>);
    {
        let refocus = refocus.clone();
        use_effect(move || {
            if let Some(id) = refocus.borrow_mut().take() {
                focus_tab(id);
            }
        });
    }
    let scroll_by = |by: i32| {
        let strip = strip.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = strip.cast::<web_sys::Element>() {
                el.set_scroll_left(el.scroll_left() + by * el.client_width().max(120) * 2 / 3);
            }
        })
    };
    let on_scroll = {
        let measure = measure.clone();
        Callback::from(move |_: Event| measure())
    };
    let on_menu = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if let Ok(id) = value.parse::<u32>() {
                on_select.emit(id);
            }
        })
    };
    let (can_left, can_right) = *overflow;
    let overflowing = can_left || can_right;
    let (scroll_left, scroll_right) = (scroll_by(-1), scroll_by(1));
    html! {
        <div class={classes!("tabs-bar", overflowing.then_some("overflowing"))}>
        if overflowing {
            <button type="button" class="tabs-arrow" aria-label="Scroll the tabs left" title="Scroll the tabs left"
                disabled={!can_left} onclick={scroll_left}>{"‹"}</button>
        }
        <div class="tabs" role="tablist" aria-label="Files" ref={strip} onscroll={on_scroll}>
            { for props.tabs.iter().enumerate().map(|(i, tab)| {
                let selected = tab.id == props.selected;
                let id = tab.id;
                let onclick = props.on_select.reform(move |_: MouseEvent| id);
                let onkeydown = {
                    let on_select = props.on_select.clone();
                    let on_move = props.on_move.clone();
                    let ids = ids.clone();
                    let editable = props.editable;
                    let refocus = refocus.clone();
                    Callback::from(move |e: KeyboardEvent| {
                        let step = match e.key().as_str() {
                            "ArrowLeft" => -1,
                            "ArrowRight" => 1,
                            _ => return,
                        };
                        e.prevent_default();
                        if e.alt_key() && e.shift_key() {
                            let moves = (0..ids.len() as i32).contains(&(i as i32 + step));
                            if editable && moves {
                                *refocus.borrow_mut() = Some(id);
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
                    <button type="button" role="tab" key={id} id={format!("tab-{id}")} class={classes!("tab", selected.then_some("tab-selected"))}
                        aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                        data-file={tab.name.clone()} title={tab.name.clone()} {onclick} {onkeydown}>
                        <span class="tab-name">{ tab.name.clone() }</span>
                        <span class={classes!("kind-badge", format!("kind-{}", tab.kind))}>{ tab.kind }</span>
                        { count }
                    </button>
                }
            }) }
        </div>
        if overflowing {
            <button type="button" class="tabs-arrow" aria-label="Scroll the tabs right" title="Scroll the tabs right"
                disabled={!can_right} onclick={scroll_right}>{"›"}</button>
            <label class="tabs-menu">
                <span class="visually-hidden">{"All files"}</span>
                <select class="all-files" title={format!("All {} files", props.tabs.len())} onchange={on_menu}>
                    { for props.tabs.iter().map(|t| html! {
                        <option value={t.id.to_string()} selected={t.id == props.selected}>{ t.name.clone() }</option>
                    }) }
                </select>
            </label>
        }
        </div>
    }
}

fn focus_tab(id: u32) {
    if let Some(el) = crate::editor::element_by_id(&format!("tab-{id}")) {
        let _ = el.focus();
    }
}
