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
//!   renders first after an input), which would add a frame of latency to every keystroke.

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

    use cicd_engine::{Engine, Reply, Request};
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

    /// The reply to `request`: a report, or `Skipped` for a file request that needed none.
    fn answer(engine: &mut Engine, request: Request) -> Option<Reply> {
        let id = match &request {
            Request::Analyze(input) => Some(input.id),
            Request::Panel { id, .. } => Some(*id),
            Request::Assist(input) => return Some(Reply::Assist(Box::new(engine.assist(input)))),
            Request::Forget { .. } | Request::DebugPanic => None,
        };
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

    /// The engine on the page's main thread, for small files: the shell calls
    /// [`InlineEngine::handle`] with a request and gets the reply at once.
    #[wasm_bindgen]
    pub struct InlineEngine {
        engine: Engine,
    }

    #[wasm_bindgen]
    impl InlineEngine {
        /// A new engine.
        #[wasm_bindgen(constructor)]
        pub fn new() -> InlineEngine {
            InlineEngine {
                engine: Engine::new(),
            }
        }

        /// Answers a request (a plain object, as posted to the worker); `undefined` when there is
        /// nothing to say.
        pub fn handle(&mut self, request: JsValue) -> Result<JsValue, JsError> {
            let request: Request = serde_wasm_bindgen::from_value(request)?;
            match answer(&mut self.engine, request) {
                Some(reply) => Ok(serde_wasm_bindgen::to_value(&reply)?),
                None => Ok(JsValue::UNDEFINED),
            }
        }
    }

    impl Default for InlineEngine {
        fn default() -> Self {
            InlineEngine::new()
        }
    }
}
