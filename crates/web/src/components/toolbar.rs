//! The top bar: title and workspace-wide actions.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use cicd_share::workspace::Theme;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The theme setting.
    pub theme: Theme,
    /// Open the examples gallery.
    pub on_gallery: Callback<()>,
    /// Open the share dialog.
    pub on_share: Callback<()>,
    /// Files chosen to open: (name, text) each.
    pub on_open_files: Callback<Vec<(String, String)>>,
    /// Download the workspace.
    pub on_download: Callback<()>,
    /// Download the current file.
    pub download_file: Callback<()>,
    /// Theme chosen.
    pub on_theme: Callback<Theme>,
}

/// The app's top bar.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let input = use_node_ref();
    let gallery = props.on_gallery.reform(|_: MouseEvent| ());
    let share = props.on_share.reform(|_: MouseEvent| ());
    let download = {
        let cb = props.on_download.clone();
        Callback::from(move |e: MouseEvent| {
            crate::components::filebar::close_menu(&e);
            cb.emit(());
        })
    };
    let download_file = {
        let cb = props.download_file.clone();
        Callback::from(move |e: MouseEvent| {
            crate::components::filebar::close_menu(&e);
            cb.emit(());
        })
    };
    let next_theme = match props.theme {
        Theme::Auto => Theme::Light,
        Theme::Light => Theme::Dark,
        Theme::Dark => Theme::Auto,
    };
    let theme_label = match props.theme {
        Theme::Auto => "Theme: system",
        Theme::Light => "Theme: light",
        Theme::Dark => "Theme: dark",
    };
    let theme = props.on_theme.reform(move |_: MouseEvent| next_theme);
    let open = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                el.click();
            }
        })
    };
    let on_files = {
        let cb = props.on_open_files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            let cb = cb.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut out = Vec::new();
                for file in files.into_iter().take(cicd_share::workspace::MAX_FILES) {
                    if file.size() > 2.0 * 1024.0 * 1024.0 {
                        continue;
                    }
                    if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                        && let Some(text) = text.as_string()
                    {
                        out.push((file.name(), text));
                    }
                }
                cb.emit(out);
            });
        })
    };
    html! {
        <header class="topbar">
            <h1 class="brand"><span class="brand-mark" aria-hidden="true">{"▸"}</span>{"CI/CD Playground"}</h1>
            <nav class="actions" aria-label="Workspace">
                <button type="button" class="button" onclick={gallery}>{"Examples"}</button>
                <button type="button" class="button" onclick={open}>{"Open files…"}</button>
                <input ref={input} type="file" multiple=true class="visually-hidden" tabindex="-1"
                    aria-hidden="true" onchange={on_files} />
                <details class="menu download-menu" onkeydown={crate::components::filebar::menu_keydown}>
                    <summary class="button">{"Download"}</summary>
                    <div class="menu-items" role="menu">
                        <button type="button" role="menuitem" onclick={download_file}>{"This file"}</button>
                        <button type="button" role="menuitem" onclick={download}>{"Whole workspace (.cicd.json)"}</button>
                    </div>
                </details>
                <button type="button" class="button primary" onclick={share}>{"Share link"}</button>
                <button type="button" class="button" onclick={theme} aria-label={format!("{theme_label} (change)")}>{ theme_label }</button>
            </nav>
        </header>
    }
}
