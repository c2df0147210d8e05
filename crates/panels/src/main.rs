//! The panels module in the browser: the page loads it after the editor (`www/boot.js`,
//! `cicdPanels`) and the shell mounts it into its panel area. The shell hands over each report
//! as the engine sent it (a plain object, read here and only here) with the file's settings, and
//! receives what the learner does as plain objects `{type, value}`:
//! `scenario` (the settings' new JSON), `reveal` (a UTF-16 offset), `finding` (a diagnostic's
//! index), `open` (`{file, offset}`: a place in a file, this one or another), `set-part`
//! (`{file, key, json}`: a part of another file's settings, which the shell sets and then shows
//! that file), `failed` (a panic's message: this module's instance is unusable afterwards).

#[cfg(target_arch = "wasm32")]
fn main() {
    // Nothing to start here: the shell calls `mount`.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cicd-panels runs in the browser (built by Trunk)");
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use cicd_engine::FileReport;
    use cicd_panels::root::{Msg, PanelEvent, Root, RootProps};
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;

    fn event(kind: &str, value: JsValue) -> JsValue {
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
        let _ = js_sys::Reflect::set(&object, &"value".into(), &value);
        object.into()
    }

    /// The panels mounted in an element of the page.
    #[wasm_bindgen]
    pub struct Panels {
        app: AppHandle<Root>,
        /// The last report shown, as received and as read (the same object is not read twice).
        last: RefCell<Option<(JsValue, Rc<FileReport>)>>,
    }

    /// Mounts the panels into `host`; `on_event` receives what the learner does.
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, on_event: js_sys::Function) -> Panels {
        let failed = on_event.clone();
        yew::set_custom_panic_hook(Box::new(move |info| {
            let message = info.to_string();
            web_sys::console::error_1(&JsValue::from_str(&message));
            let _ = failed.call1(&JsValue::NULL, &event("failed", message.into()));
        }));
        let on_event = Callback::from(move |e: PanelEvent| {
            let value = match e {
                PanelEvent::Scenario(json) => event("scenario", json.into()),
                PanelEvent::Reveal(offset) => event("reveal", offset.into()),
                PanelEvent::Finding(index) => event("finding", (index as u32).into()),
                PanelEvent::Open { file, offset } => {
                    let value = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&value, &"file".into(), &file.into());
                    let _ = js_sys::Reflect::set(&value, &"offset".into(), &offset.into());
                    event("open", value.into())
                }
                PanelEvent::SetPart { file, key, json } => {
                    let value = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&value, &"file".into(), &file.into());
                    let _ = js_sys::Reflect::set(&value, &"key".into(), &key.into());
                    let _ = js_sys::Reflect::set(&value, &"json".into(), &json.into());
                    event("set-part", value.into())
                }
            };
            let _ = on_event.call1(&JsValue::NULL, &value);
        });
        burn_subtree_ids();
        let app = yew::Renderer::<Root>::with_root_and_props(host, RootProps { on_event }).render();
        Panels {
            app,
            last: RefCell::new(None),
        }
    }

    use yew::Callback;

    /// Yew routes an event to the app whose elements carry the event target's subtree id, a
    /// number each wasm instance counts from 1: the shell's app and this one, mounted inside it,
    /// would both be 1, and a click in a panel would run the shell's handler with the same
    /// listener number. Spending ids here (on roots that are dropped at once) puts this app's
    /// id above any the shell uses (one app, no portals).
    fn burn_subtree_ids() {
        thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        if DONE.with(|d| d.replace(true)) {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        #[yew::component]
        fn Nothing() -> yew::Html {
            yew::Html::default()
        }
        for _ in 0..SHELL_SUBTREES {
            if let Ok(element) = document.create_element("div") {
                yew::Renderer::<Nothing>::with_root(element)
                    .render()
                    .destroy();
            }
        }
    }

    /// Makes the panels panic, to test that the shell survives it (called from the browser tests
    /// through the module `cicdPanels()` resolves to).
    #[wasm_bindgen]
    pub fn debug_panic() {
        let empty: Vec<u8> = Vec::new();
        std::hint::black_box(
            empty
                .get(empty.len() + 1)
                .copied()
                .unwrap_or_else(|| panic!("debug_panic: deliberate panic in the panels")),
        );
    }

    /// More Yew subtrees than the shell ever creates.
    const SHELL_SUBTREES: u32 = 16;

    #[wasm_bindgen]
    impl Panels {
        /// Shows the panel of `report` (a file report as the engine sent it) for the file whose
        /// workspace settings are `scenario`.
        pub fn show(&self, report: JsValue, scenario: String) -> Result<(), JsError> {
            let mut last = self.last.borrow_mut();
            let read = match last.as_ref() {
                Some((value, read)) if *value == report => read.clone(),
                _ => {
                    let read: Rc<FileReport> =
                        Rc::new(serde_wasm_bindgen::from_value(report.clone())?);
                    *last = Some((report, read.clone()));
                    read
                }
            };
            self.app.send_message(Msg::Show(read, scenario));
            Ok(())
        }

        /// Shows nothing.
        pub fn clear(&self) {
            self.last.borrow_mut().take();
            self.app.send_message(Msg::Clear);
        }

        /// Removes the panels from the page.
        pub fn destroy(self) {
            self.app.destroy();
        }
    }
}
