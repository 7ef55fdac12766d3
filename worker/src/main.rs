//! The compiler worker's wasm entry: receives `protocol::Request`s from the page,
//! answers each with `Worker::handle`, and posts `Ready` first.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let worker = Rc::new(RefCell::new(worker::Worker::new()));
    let post = {
        let scope = scope.clone();
        move |r: &protocol::Response| {
            let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
            match serde::Serialize::serialize(r, &ser) {
                Ok(v) => {
                    let _ = scope.post_message(&v);
                }
                Err(e) => web_sys::console::error_1(&format!("crossplay worker: {e}").into()),
            }
        }
    };
    let on_message = {
        let post = post.clone();
        let worker = worker.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let reply = match serde_wasm_bindgen::from_value::<protocol::Request>(ev.data()) {
                Ok(req) => worker.borrow_mut().handle(req),
                Err(e) => protocol::Response::Error { id: 0, message: format!("bad request: {e}") },
            };
            post(&reply);
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&worker.borrow().ready());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // The worker runs only in the browser; its logic is the library, tested natively.
}
