//! CI/CD Playground in the browser: the shell (this Yew app: editor, workspace, problems, share
//! links, storage), the engine (`crates/engine`, in a Web Worker loaded after the editor) and the
//! simulation panels (`crates/panels`, a second module on the page, loaded after the editor).
//! Rendering and interaction only; every rule lives in the core.

mod app;
mod components;
mod editor;
mod engine;
mod examples;
mod page;
mod report;
mod state;

fn main() {
    editor::install_panic_hook();
    let mount = |link| {
        yew::Renderer::<app::App>::with_props(app::AppProps { link }).render();
    };
    // A share link is inflated by the browser (asynchronously) before the app mounts, so that
    // the app opens with the workspace it carries as it always did.
    let fragment = page::fragment();
    if fragment.is_empty() {
        mount(None);
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            // A newer link may arrive while one is inflated (before the app listens for it):
            // open the newest.
            let mut fragment = fragment;
            loop {
                let link = page::decode_link(&fragment).await;
                let now = page::fragment();
                if now.is_empty() || now == fragment {
                    mount(Some(link));
                    break;
                }
                fragment = now;
            }
        });
    }
}

/// Makes the app panic, to test that a panic keeps the user's text (called from the browser
/// tests through `window.wasmBindings`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn debug_panic() {
    let empty: Vec<u8> = Vec::new();
    let index = empty.len() + 1;
    // An out-of-bounds read, like a real bug would do.
    std::hint::black_box(
        empty
            .get(index)
            .copied()
            .unwrap_or_else(|| panic!("debug_panic: deliberate panic for tests")),
    );
}

/// Makes the engine (the Web Worker) panic, to test that the playground keeps the user's text and
/// can restart the checks (called from the browser tests through `window.wasmBindings`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn debug_engine_panic() {
    engine::debug_panic();
}
