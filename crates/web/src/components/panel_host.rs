//! Where the simulation panels go. They are a second wasm module (`crates/panels`) that the page
//! loads after the editor (`cicdPanels` in `www/boot.js`): this component mounts it into its
//! element, hands it each report as the engine sent it with the file's settings, and turns what
//! the learner does there into the shell's actions. Until the module is in, it says so in the
//! space the panel will take (no layout jump).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::report::ShellReport;

/// What the learner did in a panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelEvent {
    /// The file's panel settings changed (their new JSON).
    Settings(String),
    /// Show a place of the file in the editor (UTF-16 offset).
    Reveal(u32),
    /// A finding was chosen (index into the report's diagnostics).
    Finding(usize),
    /// Show a place of a file (file id, UTF-16 offset): select it and move the cursor there.
    Open(u32, u32),
    /// Set a part of a file's panel settings and show it (file id, the part's key, its JSON).
    SetPart(u32, String, String),
}

/// Properties.
#[derive(Properties, PartialEq)]
pub struct PanelHostProps {
    /// The current file's report (its panel is shown).
    pub report: Rc<ShellReport>,
    /// The file's panel settings (the workspace's JSON).
    pub settings: AttrValue,
    /// What the learner did.
    pub on_event: Callback<PanelEvent>,
}

/// Where the panels module is.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// The mounted module: its `Panels` object and the closure it calls.
struct Mounted {
    panels: JsValue,
    _on_event: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = call(&self.panels, "destroy", &[]);
    }
}

fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(object, &method.into())?.dyn_into()?;
    f.apply(object, &args.iter().collect::<js_sys::Array>())
}

fn message(error: &JsValue) -> String {
    crate::page::error_message(error, "unknown error")
}

/// The panel area.
#[component]
pub fn PanelHost(props: &PanelHostProps) -> Html {
    let host = use_node_ref();
    let status = use_state(|| Status::Loading);
    let mounted = use_mut_ref(|| None::<Mounted>);
    // The latest callback, for the module's events.
    let on_event = use_mut_ref(|| props.on_event.clone());
    *on_event.borrow_mut() = props.on_event.clone();
    {
        let (host, status, mounted, on_event) = (
            host.clone(),
            status.clone(),
            mounted.clone(),
            on_event.clone(),
        );
        use_effect_with((), move |_| {
            let alive = Rc::new(RefCell::new(true));
            let still = alive.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let load = js_sys::Reflect::get(&js_sys::global(), &"cicdPanels".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call0(&JsValue::NULL).ok())
                    .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
                let Some(load) = load else {
                    status.set(Status::Failed("the page has no panel loader".into()));
                    return;
                };
                let module = match wasm_bindgen_futures::JsFuture::from(load).await {
                    Ok(module) => module,
                    Err(e) => {
                        if *still.borrow() {
                            status.set(Status::Failed(message(&e)));
                        }
                        return;
                    }
                };
                let Some(element) = host.get().filter(|_| *still.borrow()) else {
                    return;
                };
                let failed = status.clone();
                let closure = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                    let get = |k: &str| js_sys::Reflect::get(&event, &k.into()).unwrap_or_default();
                    let value = get("value");
                    let event = match get("type").as_string().as_deref() {
                        Some("scenario") => {
                            PanelEvent::Settings(value.as_string().unwrap_or_default())
                        }
                        Some("reveal") => PanelEvent::Reveal(value.as_f64().unwrap_or(0.0) as u32),
                        Some("finding") => {
                            PanelEvent::Finding(value.as_f64().unwrap_or(0.0) as usize)
                        }
                        Some("open") => {
                            let field = |k: &str| {
                                js_sys::Reflect::get(&value, &k.into())
                                    .ok()
                                    .and_then(|v| v.as_f64())
                                    .unwrap_or(0.0) as u32
                            };
                            PanelEvent::Open(field("file"), field("offset"))
                        }
                        Some("set-part") => {
                            let field = |k: &str| {
                                js_sys::Reflect::get(&value, &k.into()).unwrap_or_default()
                            };
                            PanelEvent::SetPart(
                                field("file").as_f64().unwrap_or(0.0) as u32,
                                field("key").as_string().unwrap_or_default(),
                                field("json").as_string().unwrap_or_default(),
                            )
                        }
                        Some("failed") => {
                            failed.set(Status::Failed(value.as_string().unwrap_or_default()));
                            return;
                        }
                        _ => return,
                    };
                    let callback = on_event.borrow().clone();
                    // Outside the module's own call stack (it may be rendering).
                    wasm_bindgen_futures::spawn_local(async move { callback.emit(event) });
                });
                match call(
                    &module,
                    "mount",
                    &[element.into(), closure.as_ref().clone()],
                ) {
                    Ok(panels) => {
                        *mounted.borrow_mut() = Some(Mounted {
                            panels,
                            _on_event: closure,
                        });
                        status.set(Status::Ready);
                    }
                    Err(e) => status.set(Status::Failed(message(&e))),
                }
            });
            move || {
                *alive.borrow_mut() = false;
            }
        });
    }
    {
        let mounted = mounted.clone();
        let raw = props.report.raw.0.clone();
        let settings = props.settings.clone();
        use_effect_with(
            (props.report.clone(), settings, (*status).clone()),
            move |(_, settings, _)| {
                if let (Some(m), Some(raw)) = (mounted.borrow().as_ref(), raw) {
                    let _ = call(&m.panels, "show", &[raw, JsValue::from_str(settings)]);
                }
            },
        );
    }
    {
        // The module's instance goes with the component.
        let mounted = mounted.clone();
        use_effect_with((), move |_| move || drop(mounted.borrow_mut().take()));
    }
    html! {
        <div class="panel-area">
            if *status == Status::Loading {
                <p class="panel-loading muted" role="status">{"Loading the simulation…"}</p>
            }
            if let Status::Failed(why) = &*status {
                <div class="notice error panel-failed" role="alert">
                    <span>{ format!("The simulation could not be shown: {why}. Your text is kept.") }</span>
                    <button type="button" onclick={Callback::from(|_| {
                        if let Some(w) = web_sys::window() { let _ = w.location().reload(); }
                    })}>{"Reload"}</button>
                </div>
            }
            <div class="panel-host" ref={host}></div>
        </div>
    }
}
