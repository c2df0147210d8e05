//! The bar above the editor: the current file's kind, name and actions, and new files.

use cicd_core::Kind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use cicd_share::workspace::KindChoice;

/// Props of [`FileBar`].
#[derive(Properties, PartialEq)]
pub struct FileBarProps {
    /// Current file id.
    pub id: u32,
    /// Current file name.
    pub name: String,
    /// How its kind is chosen.
    pub choice: KindChoice,
    /// The kind it is checked as.
    pub kind: Option<Kind>,
    /// The CodeBuild image setting (shown for buildspecs).
    pub image: Option<String>,
    /// File management allowed (not in embed mode).
    pub editable: bool,
    /// Read-only: nothing that changes the workspace (kind, image) is offered.
    #[prop_or_default]
    pub read_only: bool,
    /// Rename: (id, new name).
    pub on_rename: Callback<(u32, String)>,
    /// Delete the file.
    pub on_delete: Callback<u32>,
    /// Move: (id, by).
    pub on_move: Callback<(u32, i32)>,
    /// Kind chosen.
    pub on_kind: Callback<(u32, KindChoice)>,
    /// Image chosen (`None` = maintained images).
    pub on_image: Callback<Option<String>>,
    /// New file: (name, text).
    pub on_new: Callback<(String, String)>,
}

fn choice_label(choice: KindChoice, detected: Option<Kind>) -> String {
    match choice {
        KindChoice::Auto => format!("Auto ({})", detected.map_or("plain text", |k| k.title())),
        KindChoice::Text => "Plain text".to_string(),
        other => other.kind().map_or("Plain text", |k| k.title()).to_string(),
    }
}

/// New-file entries: (name, description).
const NEW_FILES: &[(&str, &str)] = &[
    ("buildspec.yml", "CodeBuild buildspec"),
    ("appspec.yml", "CodeDeploy AppSpec"),
    ("trust-policy.json", "IAM trust policy"),
    ("untitled.txt", "Empty file"),
];

/// The current file's bar.
#[component]
pub fn FileBar(props: &FileBarProps) -> Html {
    let renaming = use_state(|| false);
    let id = props.id;

    let on_kind = {
        let cb = props.on_kind.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                && let Some(choice) = KindChoice::from_id(&select.value())
            {
                cb.emit((id, choice));
            }
        })
    };
    let on_image = {
        let cb = props.on_image.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                let v = select.value();
                cb.emit((!v.is_empty()).then_some(v));
            }
        })
    };
    // The rename field and the button that opens it: focus goes to the field when it opens (an
    // `autofocus` attribute is ignored for an element inserted after the page loaded) and back
    // to the button when it closes.
    let input_ref = use_node_ref();
    let rename_button = use_node_ref();
    // Whether the open field still has to be committed or cancelled: Enter and Escape close it,
    // and removing the focused field then fires a blur that must not rename again (or, after
    // Escape, rename at all).
    let pending = use_mut_ref(|| false);
    {
        let input_ref = input_ref.clone();
        use_effect_with(*renaming, move |open| {
            if *open && let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let name_view = if *renaming {
        // Closes the field: renames to its value (`Some`) or cancels; `refocus` returns the
        // focus to the Rename button (Enter, Escape; not when the focus left by itself).
        let finish = {
            let renaming = renaming.clone();
            let cb = props.on_rename.clone();
            let pending = pending.clone();
            let rename_button = rename_button.clone();
            move |value: Option<String>, refocus: bool| {
                if !pending.replace(false) {
                    return;
                }
                renaming.set(false);
                if let Some(value) = value {
                    cb.emit((id, value));
                }
                if refocus && let Some(button) = rename_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        };
        let value_of = |e: &Event| {
            e.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|input| input.value())
        };
        let onkeydown = {
            let finish = finish.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    if let Some(value) = value_of(&e) {
                        finish(Some(value), true);
                    }
                }
                "Escape" => {
                    e.prevent_default();
                    e.stop_propagation();
                    finish(None, true);
                }
                _ => {}
            })
        };
        let onblur = Callback::from(move |e: FocusEvent| {
            if let Some(value) = value_of(&e) {
                finish(Some(value), false);
            }
        });
        html! {
            <input class="rename-input" aria-label="File name" value={props.name.clone()} {onkeydown} {onblur}
                ref={input_ref} />
        }
    } else {
        html! { <span class="file-name" title={props.name.clone()}>{ props.name.clone() }</span> }
    };
    let start_rename = {
        let renaming = renaming.clone();
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            *pending.borrow_mut() = true;
            renaming.set(true);
        })
    };
    let delete = {
        let cb = props.on_delete.clone();
        let name = props.name.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(&format!("Delete {name}? Its text will be lost."))
                        .ok()
                })
                .unwrap_or(false);
            if ok {
                cb.emit(id);
            }
        })
    };
    let left = props.on_move.reform(move |_: MouseEvent| (id, -1));
    let right = props.on_move.reform(move |_: MouseEvent| (id, 1));

    html! {
        <div class="filebar">
            { name_view }
            if props.editable {
                <span class="file-actions">
                    <button type="button" class="small-button" onclick={start_rename} aria-label="Rename this file" ref={rename_button}>{"Rename"}</button>
                    <button type="button" class="small-button" onclick={left} aria-label="Move this file left">{"◀"}</button>
                    <button type="button" class="small-button" onclick={right} aria-label="Move this file right">{"▶"}</button>
                    <button type="button" class="small-button danger" onclick={delete} aria-label="Delete this file">{"Delete"}</button>
                </span>
            }
            if props.read_only {
                <span class="field read-only-kind">{ choice_label(props.choice, props.kind) }</span>
            } else {
            <label class="field">
                <span>{"Kind"}</span>
                <select aria-label="Kind of this file" onchange={on_kind}>
                    { for KindChoice::all().map(|c| html! {
                        <option value={c.id()} selected={c == props.choice}>{ choice_label(c, props.kind) }</option>
                    }) }
                </select>
            </label>
            }
            if props.kind == Some(Kind::Buildspec) && !props.read_only {
                <label class="field">
                    <span>{"Image"}</span>
                    <select aria-label="CodeBuild image for runtime versions" onchange={on_image}>
                        <option value="" selected={props.image.is_none()}>{"Maintained images"}</option>
                        { for cicd_core::buildspec::IMAGES.iter().map(|img| {
                            let value = format!("aws/codebuild/{}", img.id);
                            let selected = props.image.as_deref() == Some(value.as_str());
                            html! { <option value={value.clone()} {selected}>{ img.id }</option> }
                        }) }
                    </select>
                </label>
            }
            if props.editable {
                <details class="menu new-file" onkeydown={menu_keydown}>
                    <summary class="small-button" aria-label="New file">{"+ New file"}</summary>
                    <div class="menu-items" role="menu">
                        { for NEW_FILES.iter().map(|(name, label)| {
                            let cb = props.on_new.clone();
                            let onclick = Callback::from(move |e: MouseEvent| {
                                close_menu(&e);
                                cb.emit((name.to_string(), crate::examples::template(name).to_string()));
                            });
                            html! { <button type="button" role="menuitem" {onclick}>{ format!("{label} ({name})") }</button> }
                        }) }
                    </div>
                </details>
            }
        </div>
    }
}

/// The keys of a `<details>` menu (on the `details`): Escape closes it and returns the focus to
/// its summary, the up and down arrows move between its items (from the summary too).
pub fn menu_keydown(e: KeyboardEvent) {
    // Not `current_target`: Yew delegates events to the app's root.
    let Some(details) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("details").ok().flatten())
    else {
        return;
    };
    if !details.has_attribute("open") {
        return;
    }
    let focus = |el: Option<web_sys::Element>| {
        if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    };
    let summary = details.query_selector("summary").ok().flatten();
    let Some(items) = details.query_selector("[role=menu]").ok().flatten() else {
        return;
    };
    let down = match e.key().as_str() {
        "Escape" => {
            e.prevent_default();
            e.stop_propagation();
            let _ = details.remove_attribute("open");
            focus(summary);
            return;
        }
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    e.prevent_default();
    let current = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|a| a.parent_element().as_ref() == Some(&items));
    let next = match (current, down) {
        (Some(c), true) => c
            .next_element_sibling()
            .or_else(|| items.first_element_child()),
        (Some(c), false) => c
            .previous_element_sibling()
            .or_else(|| items.last_element_child()),
        (None, true) => items.first_element_child(),
        (None, false) => items.last_element_child(),
    };
    focus(next);
}

/// Closes the `<details>` menu a click came from.
pub fn close_menu(e: &MouseEvent) {
    if let Some(details) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("details").ok().flatten())
    {
        let _ = details.remove_attribute("open");
    }
}
