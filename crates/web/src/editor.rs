//! The bridge to CodeMirror 6 (`js/bridge.js`, bundled into `js/gen/cm6.js`) and the `Editor`
//! component that owns one editor instance.
//!
//! The bridge API, all positions in UTF-16 code units:
//! - `createEditor(host, doc, lang, dark, readOnly, onChange(id, from, to, insert, length),
//!   onDocs(code), onAssist(what, text, offset))` mounts an editor in a shadow root of `host`
//!   (`onChange`: file `id`'s text `from..to` became `insert`, now `length` long; `onAssist` asks
//!   the completions at a UTF-16 offset, `what` `"Complete"`, or the doc of the key there,
//!   `"Hover"`, and returns a Promise of the answer) and returns an object with:
//! - `open(id, text, lang)`: show a file (each id keeps its own undo history);
//! - `setDiagnostics([{from, to, severity, code, message, help?, fix?: {title, from, to, insert}}])`;
//! - `setHighlights([{from, to, class: "allow"|"deny"|"fail"}])`: marks what a simulation points
//!   at (the statement that allowed, the condition that failed, the hook that failed);
//! - `setCursor(offset, focus)`, `setReadOnly(bool)`, `setTheme(dark)`, `forget(id)`, `destroy()`.
//! - `editorText(id)`: the editor's whole text of a file (read back when an edit did not fit).
//! - `panicked(message)`: the wasm instance died; the bridge keeps the text and saves it itself.
//! - `takeEmergency()`: the text saved while the app was down (JSON `{file, text}`), or "".
//! - `copyText(text)` → Promise<bool>, `downloadText(name, text, mime)`.
//!
//! Rust owns the state: the editor reports every change (deferred, never re-entrantly) and shows
//! what Rust computed.

use std::cell::RefCell;
use std::rc::Rc;

use cicd_core::Severity;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use cicd_engine::{AssistKind, Highlight, ViewDiagnostic};

use crate::state::{Action, CursorRequest};

#[wasm_bindgen(module = "/js/gen/cm6.js")]
extern "C" {
    /// An editor created by `createEditor`.
    pub type JsEditor;

    #[wasm_bindgen(js_name = createEditor)]
    fn create_editor(
        host: &web_sys::HtmlElement,
        doc: &str,
        lang: &str,
        dark: bool,
        read_only: bool,
        on_change: &Closure<dyn FnMut(u32, u32, u32, String, u32)>,
        on_docs: &Closure<dyn FnMut(String)>,
        on_assist: &Closure<dyn FnMut(String, String, u32) -> js_sys::Promise>,
    ) -> JsEditor;

    #[wasm_bindgen(method)]
    fn open(this: &JsEditor, id: u32, text: &str, lang: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &JsEditor, list: &js_sys::Array);

    #[wasm_bindgen(method, js_name = setHighlights)]
    fn set_highlights(this: &JsEditor, list: &js_sys::Array);

    #[wasm_bindgen(method, js_name = setCursor)]
    fn set_cursor(this: &JsEditor, offset: u32, focus: bool);

    #[wasm_bindgen(method, js_name = setReadOnly)]
    fn set_read_only(this: &JsEditor, read_only: bool);

    #[wasm_bindgen(method, js_name = setTheme)]
    fn set_theme(this: &JsEditor, dark: bool);

    #[wasm_bindgen(method)]
    fn forget(this: &JsEditor, id: u32);

    #[wasm_bindgen(method)]
    fn destroy(this: &JsEditor);

    /// The editor's whole text of a file (`None` for a file it never showed).
    #[wasm_bindgen(js_name = editorText)]
    pub fn editor_text(id: u32) -> Option<String>;

    /// Tells the bridge that the wasm instance panicked.
    pub fn panicked(message: &str);

    /// The text saved by the bridge while the app was down, as JSON, or "".
    #[wasm_bindgen(js_name = takeEmergency)]
    pub fn take_emergency() -> String;

    #[wasm_bindgen(js_name = copyText)]
    fn copy_text_promise(text: &str) -> js_sys::Promise;

    #[wasm_bindgen(js_name = deflateRaw)]
    fn deflate_raw_promise(bytes: &[u8]) -> js_sys::Promise;

    #[wasm_bindgen(js_name = inflateRaw)]
    fn inflate_raw_promise(bytes: &[u8], limit: u32) -> js_sys::Promise;

    /// Focuses the editor.
    #[wasm_bindgen(js_name = focusEditor)]
    pub fn focus_editor();

    /// Offers `text` as a download named `name`.
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(name: &str, text: &str, mime: &str);
}

/// Copies text to the clipboard; `true` on success.
pub async fn copy_text(text: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(copy_text_promise(text))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Compresses `bytes` to a raw DEFLATE stream with the browser's `CompressionStream`; `None`
/// where the browser has none.
pub async fn deflate_raw(bytes: &[u8]) -> Option<Vec<u8>> {
    let value = wasm_bindgen_futures::JsFuture::from(deflate_raw_promise(bytes))
        .await
        .ok()?;
    value
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|a| a.to_vec())
}

/// Inflates a raw DEFLATE stream with the browser's `DecompressionStream`, refusing more than
/// `limit` bytes: `Err("too-large")` or `Err("corrupt")`.
pub async fn inflate_raw(bytes: &[u8], limit: u32) -> Result<Vec<u8>, String> {
    match wasm_bindgen_futures::JsFuture::from(inflate_raw_promise(bytes, limit)).await {
        Ok(value) => value
            .dyn_into::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .map_err(|_| "corrupt".to_string()),
        Err(why) => Err(why.as_string().unwrap_or_else(|| "corrupt".to_string())),
    }
}

fn set(obj: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// Diagnostics as the bridge expects them.
fn to_js(list: &[ViewDiagnostic]) -> js_sys::Array {
    let out = js_sys::Array::new();
    for d in list {
        let o = js_sys::Object::new();
        set(&o, "from", d.from16);
        set(&o, "to", d.to16);
        set(
            &o,
            "severity",
            match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            },
        );
        set(&o, "code", d.code.as_str());
        set(&o, "message", d.message.as_str());
        if let Some(help) = &d.help {
            set(&o, "help", help.as_str());
        }
        if let Some(fix) = &d.fix {
            let f = js_sys::Object::new();
            set(&f, "title", fix.title.as_str());
            set(&f, "from", fix.from16);
            set(&f, "to", fix.to16);
            set(&f, "insert", fix.insert.as_str());
            set(&o, "fix", f);
        }
        out.push(&o);
    }
    out
}

struct Mounted {
    js: JsEditor,
    // The closures live as long as the editor; the editor is destroyed before they are dropped.
    _change: Closure<dyn FnMut(u32, u32, u32, String, u32)>,
    _docs: Closure<dyn FnMut(String)>,
    _assist: Closure<dyn FnMut(String, String, u32) -> js_sys::Promise>,
}

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The file shown.
    pub file_id: u32,
    /// Its text (read when the file or `generation` changes).
    pub text: AttrValue,
    /// `yaml`, `json` or `text`.
    pub lang: &'static str,
    /// Changes when texts were replaced from outside the editor.
    pub generation: u32,
    /// Dark theme.
    pub dark: bool,
    /// Read-only.
    pub read_only: bool,
    /// Findings to show.
    pub diagnostics: Rc<Vec<ViewDiagnostic>>,
    /// Changes with every check result (see `State::revision`).
    pub revision: u64,
    /// Where to move the cursor.
    pub cursor: Option<CursorRequest>,
    /// Ranges the simulations point at.
    pub highlights: Rc<Vec<Highlight>>,
    /// Files that no longer exist (their editor state can be dropped).
    #[prop_or_default]
    pub closed: Vec<u32>,
    /// The editor changed a file's text ([`Action::Splice`]).
    pub on_change: Callback<Action>,
    /// The user asked for a rule's docs.
    pub on_docs: Callback<String>,
    /// The editor asks the engine at its cursor: (completion or hover, the text as the editor
    /// has it, UTF-16 offset) → a Promise of the answer.
    pub on_assist: Callback<(AssistKind, String, u32), js_sys::Promise>,
}

/// The code editor.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let host = use_node_ref();
    let mounted: Rc<RefCell<Option<Mounted>>> = use_mut_ref(|| None);
    let on_change = use_mut_ref(|| props.on_change.clone());
    *on_change.borrow_mut() = props.on_change.clone();
    let on_docs = use_mut_ref(|| props.on_docs.clone());
    *on_docs.borrow_mut() = props.on_docs.clone();
    let on_assist = use_mut_ref(|| props.on_assist.clone());
    *on_assist.borrow_mut() = props.on_assist.clone();

    {
        let host = host.clone();
        let mounted = mounted.clone();
        let (text, lang, dark, read_only, id) = (
            props.text.clone(),
            props.lang,
            props.dark,
            props.read_only,
            props.file_id,
        );
        use_effect_with((), move |_| {
            if let Some(el) = host.cast::<web_sys::HtmlElement>() {
                let change = Closure::<dyn FnMut(u32, u32, u32, String, u32)>::new({
                    let on_change = on_change.clone();
                    move |id, from16, to16, insert, len16| {
                        on_change.borrow().emit(Action::Splice {
                            id,
                            from16,
                            to16,
                            insert,
                            len16,
                        });
                    }
                });
                let docs = Closure::<dyn FnMut(String)>::new(move |code: String| {
                    on_docs.borrow().emit(code)
                });
                let assist = Closure::<dyn FnMut(String, String, u32) -> js_sys::Promise>::new(
                    move |what: String, text: String, offset: u32| {
                        let what = if what == "Hover" {
                            AssistKind::Hover
                        } else {
                            AssistKind::Complete
                        };
                        on_assist.borrow().emit((what, text, offset))
                    },
                );
                let js = create_editor(&el, &text, lang, dark, read_only, &change, &docs, &assist);
                js.open(id, &text, lang);
                *mounted.borrow_mut() = Some(Mounted {
                    js,
                    _change: change,
                    _docs: docs,
                    _assist: assist,
                });
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    m.js.destroy();
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        let (text, lang) = (props.text.clone(), props.lang);
        use_effect_with(
            (props.file_id, props.generation, lang),
            move |(id, _, _)| {
                if let Some(m) = mounted.borrow().as_ref() {
                    m.js.open(*id, &text, lang);
                }
            },
        );
    }
    {
        let mounted = mounted.clone();
        let list = props.diagnostics.clone();
        use_effect_with((props.revision, props.file_id), move |_| {
            if let Some(m) = mounted.borrow().as_ref() {
                m.js.set_diagnostics(&to_js(&list));
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(
            (props.highlights.clone(), props.file_id, props.generation),
            move |(list, _, _)| {
                if let Some(m) = mounted.borrow().as_ref() {
                    let out = js_sys::Array::new();
                    for h in list.iter() {
                        let o = js_sys::Object::new();
                        set(&o, "from", h.from16);
                        set(&o, "to", h.to16);
                        set(&o, "class", h.class.as_str());
                        out.push(&o);
                    }
                    m.js.set_highlights(&out);
                }
            },
        );
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.dark, move |dark| {
            if let Some(m) = mounted.borrow().as_ref() {
                m.js.set_theme(*dark);
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.read_only, move |ro| {
            if let Some(m) = mounted.borrow().as_ref() {
                m.js.set_read_only(*ro);
            }
        });
    }
    {
        let mounted = mounted.clone();
        let id = props.file_id;
        use_effect_with(props.cursor, move |cursor| {
            if let (Some(m), Some(c)) = (mounted.borrow().as_ref(), cursor)
                && c.file == id
            {
                m.js.set_cursor(c.offset, true);
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.closed.clone(), move |closed| {
            if let Some(m) = mounted.borrow().as_ref() {
                for id in closed {
                    m.js.forget(*id);
                }
            }
        });
    }
    html! { <div class="editor-host" ref={host} data-file={props.file_id.to_string()}></div> }
}

/// Installs the panic hook: log the panic and hand over to the bridge, which shows a banner and
/// keeps saving the editor's text (the wasm instance cannot be trusted after a panic).
pub fn install_panic_hook() {
    // Through Yew, which otherwise replaces any hook with its own when the app starts.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        panicked(&message);
    }));
}

/// The element with `id` as an `HtmlElement`.
pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}
