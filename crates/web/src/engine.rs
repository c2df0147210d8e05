//! The shell's side of the engine: the engine (`cicd-worker`, built by Trunk from `crates/engine`)
//! runs in a Web Worker, and also on the main thread; this client starts both, sends each the
//! state's requests and hands their replies to the app.
//!
//! - Small files (up to [`INLINE_MAX_BYTES`]) are analysed on the main thread, right after Yew's
//!   scheduler run: their analysis takes a millisecond or two, while a worker's reply reaches the
//!   page only after the next frame (Chromium renders first after an input). Larger files go to
//!   the worker, so that typing in them never blocks the page, except the edits the main-thread
//!   engine can answer at once (typing inside a value of the version it read last, in files up to
//!   [`QUICK_MAX_BYTES`]): both engines keep such files, and the main-thread one reads those the
//!   worker answered once typing pauses. A file's related files (the workspace's workflows and
//!   trust policies, for a workflow or a trust policy) count towards its size, since the engine
//!   that answers analyses them too. A file stays with the engine that analysed it (its panel
//!   requests follow it) until its next analysis; a file that leaves the workspace is forgotten
//!   by both engines (either may hold it as a related file).
//! - Nothing is sent before the worker says it is ready (its wasm loads after the editor); the
//!   newest request per file waits meanwhile.
//! - One request per file is in flight; while it is, a newer one replaces the waiting one (the
//!   newest edit wins), so a slow analysis never queues up stale work.
//! - Replies are plain objects (`serde-wasm-bindgen`).
//! - If the worker cannot load or stops (a panic), the client says so; the shell keeps the text
//!   and can start a new worker.
//! - The editor's questions at its cursor (completion, hover: [`EngineClient::assist`]) are
//!   numbered and answered through a Promise; a newer question of the same sort resolves the
//!   older one with `null`, and an answer to a question no longer waited for is dropped. Small
//!   texts are answered by the main-thread engine at once, the others by the worker.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use cicd_engine::{
    AssistInput, AssistKind, FileVersion, INLINE_MAX_BYTES, QUICK_MAX_BYTES, RelatedFile, Request,
};

use crate::report::{Raw, ShellReply as Reply};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's entry script (`www/engine-worker.js`), next to the page.
const WORKER_URL: &str = "engine-worker.js";
/// The engine's wasm, next to the page (when the page has not compiled it already).
const ENGINE_WASM: &str = "cicd-worker_bg.wasm";
/// Reads a reply: the shell's part of it, and the whole report as received for the panels.
fn read_reply(value: JsValue) -> Result<Reply, serde_wasm_bindgen::Error> {
    let mut reply: Reply = serde_wasm_bindgen::from_value(value.clone())?;
    match &mut reply {
        Reply::Report(report) => {
            report.raw = Raw(js_sys::Reflect::get(&value, &"Report".into()).ok());
        }
        Reply::Assist(answer) => {
            answer.raw = Raw(js_sys::Reflect::get(&value, &"Assist".into()).ok());
        }
        _ => {}
    }
    Ok(reply)
}

/// Which engine has a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    Inline,
    Worker,
}

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
    /// The main-thread engine (a wasm-bindgen `InlineEngine`), once created.
    inline: Rc<RefCell<Option<JsValue>>>,
    /// Requests for the main-thread engine, answered after the current scheduler run, with what
    /// each asks (so that one asked again meanwhile is not answered twice).
    inline_queue: RefCell<BTreeMap<u32, (Asked, Request)>>,
    /// This client, for the tasks it spawns.
    me: RefCell<std::rc::Weak<EngineClient>>,
    /// Which engine answered each file last (its panel requests go there). Files between
    /// [`INLINE_MAX_BYTES`] and [`QUICK_MAX_BYTES`] are kept by both engines.
    routes: RefCell<BTreeMap<u32, Route>>,
    /// The editor's questions waiting for the worker: number, sort, the Promise's resolve.
    assists: RefCell<Vec<(u32, AssistKind, js_sys::Function)>>,
    /// The last question's number.
    asked: Cell<u32>,
    /// Receives what happens.
    on_event: Rc<dyn Fn(Event)>,
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
                let reply: Reply = match read_reply(event.data()) {
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
                    Reply::Skipped { .. } | Reply::Assist(_) => {}
                    reply @ Reply::Report(_) => on_event(Event::Reply(reply)),
                }
            })
        };
        let on_error = {
            let on_event = on_event.clone();
            let client = client.clone();
            // A failed load fires a plain `Event`; an error inside the worker an `ErrorEvent`.
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let message = event
                    .dyn_ref::<ErrorEvent>()
                    .map(ErrorEvent::message)
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "the checks could not be loaded".to_string());
                let this = client.borrow().as_ref().and_then(std::rc::Weak::upgrade);
                if let Some(this) = this {
                    this.settle_assists();
                }
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
            inline: Rc::new(RefCell::new(None)),
            inline_queue: RefCell::new(BTreeMap::new()),
            me: RefCell::new(std::rc::Weak::new()),
            routes: RefCell::new(BTreeMap::new()),
            assists: RefCell::new(Vec::new()),
            asked: Cell::new(0),
            on_event: on_event.clone(),
            _on_message: on_message,
            _on_error: on_error,
        });
        *client.borrow_mut() = Some(Rc::downgrade(&this));
        *this.me.borrow_mut() = Rc::downgrade(&this);
        this.hand_over_module(again, on_event);
        this.create_inline();
        Ok(this)
    }

    /// Creates the main-thread engine (the page's `cicdInlineEngine`); without it, every file goes
    /// to the worker.
    fn create_inline(&self) {
        let Some(promise) = js_sys::Reflect::get(&js_sys::global(), &"cicdInlineEngine".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&JsValue::NULL).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        else {
            return;
        };
        let inline = self.inline.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(engine) = wasm_bindgen_futures::JsFuture::from(promise).await {
                *inline.borrow_mut() = Some(engine);
            }
        });
    }

    /// Answers the queued main-thread requests (called after the scheduler run that queued them);
    /// a large file's edit the main-thread engine does not answer goes to the worker.
    fn run_inline(&self) {
        let requests = std::mem::take(&mut *self.inline_queue.borrow_mut());
        let Some(engine) = self.inline.borrow().clone() else {
            return;
        };
        let handle = js_sys::Reflect::get(&engine, &"handle".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(handle) = handle else {
            return;
        };
        for (id, (_, request)) in requests {
            let Ok(value) = serde_wasm_bindgen::to_value(&request) else {
                continue;
            };
            match handle.call1(&engine, &value) {
                Ok(reply) if !reply.is_undefined() => match read_reply(reply) {
                    Ok(reply) => (self.on_event)(Event::Reply(reply)),
                    Err(e) => (self.on_event)(Event::Failed(format!(
                        "unreadable reply from the checks: {e}"
                    ))),
                },
                Ok(_) if matches!(request, Request::Analyze(_)) => {
                    self.routes.borrow_mut().insert(id, Route::Worker);
                    self.to_worker(id, request);
                }
                Ok(_) => {}
                Err(e) => {
                    // The main-thread engine failed (a panic traps its instance): the worker
                    // takes every file from now on.
                    *self.inline.borrow_mut() = None;
                    let why = crate::page::error_message(&e, "internal error");
                    web_sys::console::error_1(
                        &format!("the checks on the page stopped ({why}); the worker takes over")
                            .into(),
                    );
                    (self.on_event)(Event::Ready);
                    return;
                }
            }
        }
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
                    let why = crate::page::error_message(&e, "network error");
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
            let previous = self.routes.borrow().get(&id).copied();
            let asked = Asked::of(&request);
            let route = match &request {
                // Large files up to QUICK_MAX_BYTES go to the main-thread engine too, which answers
                // their quick edits and hands the others back; both engines keep them.
                // (Not one the worker already has, or will have next.)
                Request::Analyze(input)
                    if self.inline.borrow().is_some()
                        && input.size() <= QUICK_MAX_BYTES
                        && self.in_flight.borrow().get(&id) != Some(&asked)
                        && self.waiting.borrow().get(&id).map(Asked::of).as_ref()
                            != Some(&asked) =>
                {
                    Route::Inline
                }
                Request::Analyze(_) => Route::Worker,
                _ => previous.unwrap_or(Route::Worker),
            };
            let both = matches!(&request, Request::Analyze(i)
                if (INLINE_MAX_BYTES + 1..=QUICK_MAX_BYTES).contains(&i.size()));
            if !both && previous.is_some_and(|p| p != route) {
                // The other engine keeps no copy of a file it no longer answers for.
                self.forget(id, previous);
            }
            self.routes.borrow_mut().insert(id, route);
            if route == Route::Inline {
                // An older request waiting for the worker is stale now (one handed back returns).
                self.waiting.borrow_mut().remove(&id);
                let mut queue = self.inline_queue.borrow_mut();
                if queue.get(&id).is_none_or(|(a, _)| *a != asked) {
                    queue.insert(id, (asked, request));
                }
                continue;
            }
            self.to_worker(id, request);
        }
        let gone: Vec<u32> = self.known.borrow().difference(files).copied().collect();
        for id in gone {
            self.known.borrow_mut().remove(&id);
            self.waiting.borrow_mut().remove(&id);
            let route = self.routes.borrow_mut().remove(&id);
            // Either engine may keep the file as another file's related file: both forget it.
            self.forget(id, route);
            let other = match route {
                Some(Route::Inline) => Route::Worker,
                _ => Route::Inline,
            };
            self.forget(id, Some(other));
        }
        if !self.inline_queue.borrow().is_empty() {
            // After Yew's scheduler run: an analysis inside it would make Yew yield to the
            // browser before rendering the answer. (Forgetting goes now too: a large file's
            // pending catch-up must not read a closed file back in.)
            let me = self.me.borrow().clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(me) = me.upgrade() {
                    me.run_inline();
                }
            });
        }
    }

    /// Sends a request to the worker: at once, or after the file's request in flight (the newest
    /// waiting one wins), or once the worker is ready.
    fn to_worker(&self, id: u32, request: Request) {
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

    /// Tells the engine that has `id` to forget it.
    fn forget(&self, id: u32, route: Option<Route>) {
        match route {
            Some(Route::Inline) => {
                self.inline_queue.borrow_mut().insert(
                    id,
                    (Asked::of(&Request::Forget { id }), Request::Forget { id }),
                );
            }
            Some(Route::Worker) if self.ready.get() => {
                self.send_raw(&Request::Forget { id });
            }
            _ => {}
        }
    }

    /// Asks the engine the editor's question at its cursor; the Promise resolves to the answer
    /// (an `AssistReport` as a plain object), or to `null` when a newer question of the same
    /// sort overtook it or no engine can answer.
    pub fn assist(&self, mut input: AssistInput) -> js_sys::Promise {
        let ask = self.asked.get().wrapping_add(1);
        self.asked.set(ask);
        input.ask = ask;
        let what = input.what;
        // The older question of this sort is not waited for any more.
        let overtaken: Vec<js_sys::Function> = {
            let mut waiting = self.assists.borrow_mut();
            let (old, keep) = std::mem::take(&mut *waiting)
                .into_iter()
                .partition(|(_, w, _)| *w == what);
            *waiting = keep;
            old.into_iter().map(|(_, _, resolve)| resolve).collect()
        };
        for resolve in overtaken {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
        let inline = self.inline.borrow().clone();
        if let Some(engine) = inline.filter(|_| input.text.len() <= INLINE_MAX_BYTES) {
            let answer = serde_wasm_bindgen::to_value(&Request::Assist(input))
                .ok()
                .and_then(|request| {
                    let handle = js_sys::Reflect::get(&engine, &"handle".into())
                        .ok()?
                        .dyn_into::<js_sys::Function>()
                        .ok()?;
                    handle.call1(&engine, &request).ok()
                })
                .and_then(|reply| js_sys::Reflect::get(&reply, &"Assist".into()).ok())
                .unwrap_or(JsValue::NULL);
            return js_sys::Promise::resolve(&answer);
        }
        if !self.ready.get() {
            return js_sys::Promise::resolve(&JsValue::NULL);
        }
        let request = Request::Assist(input);
        let mut resolver = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        if let Some(resolve) = resolver {
            if self.send_raw(&request) {
                self.assists.borrow_mut().push((ask, what, resolve));
            } else {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        }
        promise
    }

    /// Hands the worker's answer to the question waiting for it (if it still is).
    fn answered(&self, ask: u32, raw: &JsValue) {
        let waiting = {
            let mut assists = self.assists.borrow_mut();
            let at = assists.iter().position(|(a, _, _)| *a == ask);
            at.map(|i| assists.remove(i))
        };
        if let Some((_, _, resolve)) = waiting {
            let _ = resolve.call1(&JsValue::NULL, raw);
        }
    }

    /// Makes the engine panic (for the browser tests).
    pub fn debug_panic(&self) {
        self.send_raw(&Request::DebugPanic);
    }

    /// Stops the worker.
    pub fn terminate(&self) {
        self.worker.terminate();
        self.settle_assists();
    }

    /// Answers every waiting completion or hover question with `null`: nothing more will be
    /// answered (the worker stopped, failed to load or was terminated), and the editor must not
    /// wait for ever.
    fn settle_assists(&self) {
        let waiting = std::mem::take(&mut *self.assists.borrow_mut());
        for (_, _, resolve) in waiting {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
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
            Reply::Assist(answer) => {
                self.answered(answer.ask, answer.raw.0.as_ref().unwrap_or(&JsValue::NULL));
                return;
            }
            Reply::Stopped(_) => {
                self.settle_assists();
                return;
            }
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
/// name and settings), the panel's inputs and the versions of the related files it carries (a
/// change in a related file is a new question about this file).
#[derive(Clone, Debug, PartialEq)]
struct Asked {
    version: u64,
    panel_only: bool,
    scenario: Option<String>,
    related: Vec<FileVersion>,
}

impl Asked {
    fn of(request: &Request) -> Asked {
        match request {
            Request::Analyze(input) => Asked {
                version: input.version,
                panel_only: false,
                scenario: Some(input.scenario.clone()),
                related: input.related.iter().map(RelatedFile::version).collect(),
            },
            Request::Panel {
                version, scenario, ..
            } => Asked {
                version: *version,
                panel_only: true,
                scenario: Some(scenario.clone()),
                related: Vec::new(),
            },
            Request::Assist(_) | Request::Forget { .. } | Request::DebugPanic => Asked {
                version: 0,
                panel_only: false,
                scenario: None,
                related: Vec::new(),
            },
        }
    }
}

fn file_of(request: &Request) -> Option<u32> {
    match request {
        Request::Analyze(input) => Some(input.id),
        Request::Panel { id, .. } => Some(*id),
        Request::Assist(_) | Request::Forget { .. } | Request::DebugPanic => None,
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
