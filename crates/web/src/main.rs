//! CI/CD Playground in the browser: a Yew app over `cicd-core`. Rendering and interaction only;
//! every rule lives in the core.

mod app;
mod components;
mod editor;
mod examples;
mod page;
mod state;

fn main() {
    editor::install_panic_hook();
    yew::Renderer::<app::App>::new().render();
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
