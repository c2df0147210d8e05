//! The engine's Web Worker. The playground's shell posts [`Request`]s; the worker answers each with
//! a [`Reply`] (serialised with `serde-wasm-bindgen`, so messages are plain objects). It says
//! [`Reply::Ready`] once it listens, so that nothing the shell sends is lost while the worker
//! loads, and [`Reply::Stopped`] if it panics (the wasm instance is unusable afterwards; the shell
//! keeps the text and offers to restart the checks).

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "cicd-worker runs in the browser (a Web Worker built by Trunk); see `cicd` for the command line"
    );
}

#[cfg(target_arch = "wasm32")]
mod worker {
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

    pub(super) fn start() {
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
            let id = match &request {
                Request::Analyze(input) => Some(input.id),
                Request::Panel { id, .. } => Some(*id),
                Request::Forget { .. } | Request::DebugPanic => None,
            };
            let answer = engine.borrow_mut().handle(request);
            match (answer, id) {
                (Some(report), _) => post(&Reply::Report(Box::new(report))),
                (None, Some(id)) => post(&Reply::Skipped { id }),
                (None, None) => {}
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        post(&Reply::Ready);
    }
}
