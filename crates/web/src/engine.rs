//! The shell's side of the engine: the engine runs in a Web Worker (`cicd-worker`, built by Trunk
//! from `crates/engine`); this client starts it, sends it the state's requests and hands its
//! replies to the app.
//!
//! - Nothing is sent before the worker says it is ready (its wasm loads after the editor); the
//!   newest request per file waits meanwhile.
//! - One request per file is in flight; while it is, a newer one replaces the waiting one (the
//!   newest edit wins), so a slow analysis never queues up stale work.
//! - Replies are plain objects (`serde-wasm-bindgen`).
//! - If the worker cannot load or stops (a panic), the client says so; the shell keeps the text
//!   and can start a new worker.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use cicd_engine::{Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's entry script (`www/engine-worker.js`), next to the page.
const WORKER_URL: &str = "engine-worker.js";
/// The engine's wasm, next to the page (when the page has not compiled it already).
const ENGINE_WASM: &str = "cicd-worker_bg.wasm";

/// What the client tells the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The engine is ready: every file must be (re)sent.
    Ready,
    /// A reply.
    Reply(Reply),
    /// The engine could not load, or stopped.
    Failed(String),
}

/// The engine client.
pub struct EngineClient {
    worker: Worker,
    ready: Cell<bool>,
    /// Files with a request in flight, and what that request asked (the state asks again after
    /// every render until the answer arrives: the same question is not sent twice).
    in_flight: RefCell<BTreeMap<u32, Asked>>,
    /// The newest request of each file waiting for the one in flight (or for the worker).
    waiting: RefCell<BTreeMap<u32, Request>>,
    /// Files the engine was told about (so that closed ones can be forgotten).
    known: RefCell<BTreeSet<u32>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl EngineClient {
    /// Starts the worker; `on_event` receives what happens. `again` says the engine was started
    /// before (its wasm is then fetched and compiled anew, in case that is what failed).
    pub fn start(on_event: Rc<dyn Fn(Event)>, again: bool) -> Result<Rc<EngineClient>, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)
            .map_err(|e| format!("the checks could not start ({e:?})"))?;
        let client: Rc<RefCell<Option<std::rc::Weak<EngineClient>>>> = Rc::new(RefCell::new(None));
        let on_message = {
            let client = client.clone();
            let on_event = on_event.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let reply: Reply = match serde_wasm_bindgen::from_value(event.data()) {
                    Ok(r) => r,
                    Err(e) => {
                        on_event(Event::Failed(format!(
                            "unreadable reply from the checks: {e}"
                        )));
                        return;
                    }
                };
                let this = client.borrow().as_ref().and_then(std::rc::Weak::upgrade);
                if let Some(this) = this {
                    this.received(&reply);
                }
                match reply {
                    Reply::Ready => on_event(Event::Ready),
                    Reply::Stopped(message) => on_event(Event::Failed(message)),
                    Reply::Skipped { .. } => {}
                    reply @ Reply::Report(_) => on_event(Event::Reply(reply)),
                }
            })
        };
        let on_error = {
            let on_event = on_event.clone();
            // A failed load fires a plain `Event`; an error inside the worker an `ErrorEvent`.
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let message = event
                    .dyn_ref::<ErrorEvent>()
                    .map(ErrorEvent::message)
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "the checks could not be loaded".to_string());
                on_event(Event::Failed(message));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let this = Rc::new(EngineClient {
            worker,
            ready: Cell::new(false),
            in_flight: RefCell::new(BTreeMap::new()),
            waiting: RefCell::new(BTreeMap::new()),
            known: RefCell::new(BTreeSet::new()),
            _on_message: on_message,
            _on_error: on_error,
        });
        *client.borrow_mut() = Some(Rc::downgrade(&this));
        this.hand_over_module(again, on_event);
        Ok(this)
    }

    /// Gives the worker the engine's compiled wasm module (compiled by the page's boot script
    /// while the shell loaded), or its URL when the page did not compile it.
    fn hand_over_module(&self, again: bool, on_event: Rc<dyn Fn(Event)>) {
        let window = js_sys::global();
        let compile = |name: &str| js_sys::Reflect::get(&window, &JsValue::from_str(name)).ok();
        let promise = if again {
            compile("cicdCompileEngine")
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call0(&JsValue::NULL).ok())
        } else {
            compile("cicdEngineModule")
        }
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        let Some(promise) = promise else {
            let _ = self.worker.post_message(&JsValue::from_str(ENGINE_WASM));
            return;
        };
        let worker = self.worker.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(module) => {
                    let _ = worker.post_message(&module);
                }
                Err(e) => {
                    let why = e.dyn_ref::<js_sys::Error>().map_or_else(
                        || "network error".to_string(),
                        |e| String::from(e.message()),
                    );
                    on_event(Event::Failed(format!(
                        "the checks could not be loaded: {why}"
                    )));
                }
            }
        });
    }

    /// Sends what the state asks for (files in `files` are the workspace's; the engine forgets
    /// the others).
    pub fn sync(&self, requests: Vec<Request>, files: &BTreeSet<u32>) {
        for request in requests {
            let Some(id) = file_of(&request) else {
                continue;
            };
            self.known.borrow_mut().insert(id);
            let asked = Asked::of(&request);
            let in_flight = self.in_flight.borrow().get(&id).cloned();
            match in_flight {
                Some(current) if current == asked => {
                    // Already asked; a newer request waiting would be stale now.
                    self.waiting.borrow_mut().remove(&id);
                }
                Some(_) => {
                    self.waiting.borrow_mut().insert(id, request);
                }
                None if self.ready.get() => self.post(id, &request),
                None => {
                    self.waiting.borrow_mut().insert(id, request);
                }
            }
        }
        let gone: Vec<u32> = self.known.borrow().difference(files).copied().collect();
        for id in gone {
            self.known.borrow_mut().remove(&id);
            self.waiting.borrow_mut().remove(&id);
            if self.ready.get() {
                self.send_raw(&Request::Forget { id });
            }
        }
    }

    /// Makes the engine panic (for the browser tests).
    pub fn debug_panic(&self) {
        self.send_raw(&Request::DebugPanic);
    }

    /// Stops the worker.
    pub fn terminate(&self) {
        self.worker.terminate();
    }

    fn received(&self, reply: &Reply) {
        let id = match reply {
            Reply::Ready => {
                self.ready.set(true);
                let waiting = std::mem::take(&mut *self.waiting.borrow_mut());
                for (id, request) in waiting {
                    self.post(id, &request);
                }
                return;
            }
            Reply::Report(report) => report.id,
            Reply::Skipped { id } => *id,
            Reply::Stopped(_) => return,
        };
        self.in_flight.borrow_mut().remove(&id);
        let next = self.waiting.borrow_mut().remove(&id);
        if let Some(request) = next {
            self.post(id, &request);
        }
    }

    fn post(&self, id: u32, request: &Request) {
        if self.send_raw(request) {
            self.in_flight.borrow_mut().insert(id, Asked::of(request));
        }
    }

    fn send_raw(&self, request: &Request) -> bool {
        match serde_wasm_bindgen::to_value(request) {
            Ok(value) => self.worker.post_message(&value).is_ok(),
            Err(_) => false,
        }
    }
}

/// What a request asks about a file, without its text: its version (which stands for the text,
/// name and settings) and the panel's inputs.
#[derive(Clone, Debug, PartialEq)]
struct Asked {
    version: u64,
    panel_only: bool,
    inputs: Option<cicd_engine::PanelInputs>,
}

impl Asked {
    fn of(request: &Request) -> Asked {
        match request {
            Request::Analyze(input) => Asked {
                version: input.version,
                panel_only: false,
                inputs: Some(input.inputs.clone()),
            },
            Request::Panel {
                version, inputs, ..
            } => Asked {
                version: *version,
                panel_only: true,
                inputs: Some(inputs.clone()),
            },
            Request::Forget { .. } | Request::DebugPanic => Asked {
                version: 0,
                panel_only: false,
                inputs: None,
            },
        }
    }
}

fn file_of(request: &Request) -> Option<u32> {
    match request {
        Request::Analyze(input) => Some(input.id),
        Request::Panel { id, .. } => Some(*id),
        Request::Forget { .. } | Request::DebugPanic => None,
    }
}

thread_local! {
    /// The running client, for the browser tests' hooks.
    static CURRENT: RefCell<Option<std::rc::Weak<EngineClient>>> = const { RefCell::new(None) };
}

/// Remembers the running client (for [`debug_panic`]).
pub fn set_current(client: &Rc<EngineClient>) {
    CURRENT.with(|c| *c.borrow_mut() = Some(Rc::downgrade(client)));
}

/// Makes the running engine panic (for the browser tests).
pub fn debug_panic() {
    let client = CURRENT.with(|c| c.borrow().as_ref().and_then(std::rc::Weak::upgrade));
    if let Some(client) = client {
        client.debug_panic();
    }
}
