//! The engine in the browser. The page compiles this wasm once and runs it twice:
//!
//! - in a Web Worker (`www/engine-worker.js` calls [`start_worker`]): the shell posts
//!   [`Request`]s and the worker answers each with a [`Reply`] (serialised with
//!   `serde-wasm-bindgen`, so messages are plain objects). It says [`Reply::Ready`] once it
//!   listens, so that nothing the shell sends is lost while it loads, and [`Reply::Stopped`] if it
//!   panics (the wasm instance is unusable afterwards; the shell keeps the text and offers to
//!   restart the checks). Large files are analysed here, off the main thread.
//! - on the main thread, as an [`InlineEngine`] the shell calls directly: small files are analysed
//!   there, because a reply from a worker reaches the page only after the next frame (Chromium
//!   renders first after an input), which would add a frame of latency to every keystroke. So are
//!   the edits of large files that it can answer at once (typing inside a value it read before:
//!   [`cicd_engine::Engine::quick`]); the others go to the worker, and the main-thread engine
//!   reads their text once typing pauses, so that the next such edits find it.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Nothing to start here: the worker entry calls `start_worker`, the page creates
    // `InlineEngine`s.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cicd-worker runs in the browser (built by Trunk); see `cicd` for the command line");
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::rc::Rc;

    use cicd_engine::{Engine, INLINE_MAX_BYTES, Reply, Request};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(reply: &Reply) {
        match serde_wasm_bindgen::to_value(reply) {
            Ok(value) => {
                if let Err(e) = scope().post_message(&value) {
                    web_sys::console::error_2(&"cicd-worker: cannot post a reply".into(), &e);
                }
            }
            Err(e) => web_sys::console::error_1(&format!("cicd-worker: {e}").into()),
        }
    }

    fn file_of(request: &Request) -> Option<u32> {
        match request {
            Request::Analyze(input) => Some(input.id),
            Request::Panel { id, .. } => Some(*id),
            Request::Assist(_) | Request::Forget { .. } | Request::DebugPanic => None,
        }
    }

    /// The reply to `request`: a report, or `Skipped` for a file request that needed none.
    fn answer(engine: &mut Engine, request: Request) -> Option<Reply> {
        if let Request::Assist(input) = &request {
            return Some(Reply::Assist(Box::new(engine.assist(input))));
        }
        let id = file_of(&request);
        match (engine.handle(request), id) {
            (Some(report), _) => Some(Reply::Report(Box::new(report))),
            (None, Some(id)) => Some(Reply::Skipped { id }),
            (None, None) => None,
        }
    }

    /// Makes this instance the engine of the worker it runs in: answers the worker's messages.
    #[wasm_bindgen]
    pub fn start_worker() {
        std::panic::set_hook(Box::new(|info| post(&Reply::Stopped(info.to_string()))));
        let engine = RefCell::new(Engine::new());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let request: Request = match serde_wasm_bindgen::from_value(event.data()) {
                Ok(r) => r,
                Err(e) => {
                    web_sys::console::error_1(&format!("cicd-worker: bad request: {e}").into());
                    return;
                }
            };
            if let Some(reply) = answer(&mut engine.borrow_mut(), request) {
                post(&reply);
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        post(&Reply::Ready);
    }

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = setTimeout)]
        fn set_timeout(handler: &js_sys::Function, delay: i32) -> JsValue;
        #[wasm_bindgen(js_name = clearTimeout)]
        fn clear_timeout(id: &JsValue);
    }

    /// How long typing must pause before the main-thread engine reads a large file whose last
    /// edit it did not answer (see [`InlineEngine`]), in milliseconds.
    const CATCH_UP_AFTER_MS: i32 = 300;
    /// After this long without a large file's edit, the next one goes to the worker (see
    /// [`InlineEngine::handle`]), in milliseconds.
    const RESTED_AFTER_MS: f64 = 1000.0;

    /// The engine on the page's main thread: the shell calls [`InlineEngine::handle`] with a
    /// request and gets the reply at once. A large file's edit (over [`INLINE_MAX_BYTES`]) it
    /// answers only when that is quick ([`Engine::quick`]: typing inside a value of the version it
    /// read last); otherwise it returns `undefined` (the shell sends the request to the worker)
    /// and reads that version itself once typing pauses, so that the next quick edits find it.
    /// The first edit after a rest of a second goes to the worker too, quick or not: the page's
    /// own work for that keystroke is its slowest, and the task must stay under 50 ms.
    #[wasm_bindgen]
    pub struct InlineEngine {
        engine: Rc<RefCell<Engine>>,
        /// The newest edit of each large file handed back, to be read once typing pauses.
        behind: Rc<RefCell<BTreeMap<u32, Request>>>,
        /// The pending catch-up's timer, and its handler.
        timer: Option<JsValue>,
        catch_up: Closure<dyn FnMut()>,
        /// When the last large file's edit came (`Date.now()`).
        last_large: f64,
    }

    #[wasm_bindgen]
    impl InlineEngine {
        /// A new engine.
        #[wasm_bindgen(constructor)]
        pub fn new() -> InlineEngine {
            let engine = Rc::new(RefCell::new(Engine::new()));
            let behind: Rc<RefCell<BTreeMap<u32, Request>>> = Rc::default();
            let catch_up = {
                let (engine, behind) = (engine.clone(), behind.clone());
                Closure::<dyn FnMut()>::new(move || {
                    let requests = std::mem::take(&mut *behind.borrow_mut());
                    for request in requests.into_values() {
                        // Read for the next edits' sake: the worker answers this version.
                        let _ = engine.borrow_mut().handle(request);
                    }
                })
            };
            InlineEngine {
                engine,
                behind,
                timer: None,
                catch_up,
                last_large: 0.0,
            }
        }

        /// Answers a request (a plain object, as posted to the worker); `undefined` when there is
        /// nothing to say, or for a large file's edit it hands back.
        pub fn handle(&mut self, request: JsValue) -> Result<JsValue, JsError> {
            let request: Request = serde_wasm_bindgen::from_value(request)?;
            let id = match &request {
                Request::Forget { id } => Some(*id),
                other => file_of(other),
            };
            if let Request::Analyze(input) = &request
                && input.size() > INLINE_MAX_BYTES
            {
                let now = js_sys::Date::now();
                let rested = now - self.last_large > RESTED_AFTER_MS;
                self.last_large = now;
                // The first keystroke after a rest is the page's slowest (its code and the
                // editor's layout are cold: some 40 ms at 5,000 lines); answering it here too
                // would make a task of over 50 ms. The worker answers it, and the others that are
                // not quick; this engine reads them once typing pauses.
                if rested || !self.engine.borrow().quick(input) {
                    if let Some(timer) = self.timer.take() {
                        clear_timeout(&timer);
                    }
                    self.behind.borrow_mut().insert(input.id, request);
                    let handler = self.catch_up.as_ref().unchecked_ref();
                    self.timer = Some(set_timeout(handler, CATCH_UP_AFTER_MS));
                    return Ok(JsValue::UNDEFINED);
                }
            }
            // A file answered here (or forgotten) needs no catch-up: it would read an older text.
            if let Some(id) = id {
                self.behind.borrow_mut().remove(&id);
            }
            self.reply(request)
        }
    }

    #[wasm_bindgen]
    impl InlineEngine {
        /// Answers any request as the worker does, whatever its size: what
        /// `scripts/bench/engine.mjs` measures as the worker's share of a keystroke.
        pub fn answer(&mut self, request: JsValue) -> Result<JsValue, JsError> {
            self.reply(serde_wasm_bindgen::from_value(request)?)
        }
    }

    impl InlineEngine {
        /// The reply to `request` as a plain object; `undefined` when there is nothing to say.
        fn reply(&self, request: Request) -> Result<JsValue, JsError> {
            match answer(&mut self.engine.borrow_mut(), request) {
                Some(reply) => Ok(serde_wasm_bindgen::to_value(&reply)?),
                None => Ok(JsValue::UNDEFINED),
            }
        }
    }

    impl Drop for InlineEngine {
        fn drop(&mut self) {
            // The catch-up's handler goes with the engine: its timer must not fire.
            if let Some(timer) = self.timer.take() {
                clear_timeout(&timer);
            }
        }
    }

    impl Default for InlineEngine {
        fn default() -> Self {
            InlineEngine::new()
        }
    }
}
