//! The compiler worker's wasm entry: restores the build cache from IndexedDB
//! (`static/idb_cache.js`), posts `Ready`, then answers each `protocol::Request`
//! with `Worker::handle` and persists the cache's changes.

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use worker::cache::{StoreOp, Stored};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = crossplayCache, js_name = load)]
        fn cache_load() -> js_sys::Promise;
        #[wasm_bindgen(js_namespace = crossplayCache, js_name = apply)]
        fn cache_apply(ops: Array) -> js_sys::Promise;
    }

    fn post(scope: &DedicatedWorkerGlobalScope, r: &protocol::Response) {
        let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        match serde::Serialize::serialize(r, &ser) {
            Ok(v) => {
                let _ = scope.post_message(&v);
            }
            Err(e) => web_sys::console::error_1(&format!("crossplay worker: {e}").into()),
        }
    }

    fn field(o: &JsValue, name: &str) -> JsValue {
        Reflect::get(o, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// A stored record; anything malformed becomes an entry `restore` rejects.
    fn stored(o: &JsValue) -> Stored {
        let bytes = field(o, "bytes");
        Stored {
            key: field(o, "key").as_string().unwrap_or_default(),
            sha256: field(o, "sha256").as_string().unwrap_or_default(),
            target: field(o, "target").as_string().unwrap_or_default(),
            bytes: if bytes.is_instance_of::<Uint8Array>() {
                Uint8Array::new(&bytes).to_vec()
            } else {
                Vec::new()
            },
            used: field(o, "used").as_f64().unwrap_or(0.0) as u64,
        }
    }

    fn persist(w: &mut worker::Worker) {
        let ops = w.cache.take_ops();
        if ops.is_empty() {
            return;
        }
        let arr = Array::new();
        for op in ops {
            let o = Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = Reflect::set(&o, &k.into(), &v);
            };
            match op {
                StoreOp::Put(s) => {
                    set("op", "put".into());
                    set("key", s.key.into());
                    set("sha256", s.sha256.into());
                    set("target", s.target.into());
                    set("bytes", Uint8Array::from(&s.bytes[..]).into());
                    set("used", (s.used as f64).into());
                }
                StoreOp::Touch { key, used } => {
                    set("op", "touch".into());
                    set("key", key.into());
                    set("used", (used as f64).into());
                }
                StoreOp::Delete { key } => {
                    set("op", "delete".into());
                    set("key", key.into());
                }
                StoreOp::Clear => set("op", "clear".into()),
            }
            arr.push(&o);
        }
        let _ = cache_apply(arr);
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let worker = Rc::new(RefCell::new(worker::Worker::new()));
        let on_message = {
            let (scope, worker) = (scope.clone(), worker.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
                let mut w = worker.borrow_mut();
                let reply = match serde_wasm_bindgen::from_value::<protocol::Request>(ev.data()) {
                    Ok(req) => w.handle(req),
                    Err(e) => protocol::Response::Error { id: 0, message: format!("bad request: {e}") },
                };
                persist(&mut w);
                post(&scope, &reply);
            })
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        wasm_bindgen_futures::spawn_local(async move {
            let records = wasm_bindgen_futures::JsFuture::from(cache_load()).await.unwrap_or(JsValue::NULL);
            let entries: Vec<Stored> = if Array::is_array(&records) {
                Array::from(&records).iter().map(|r| stored(&r)).collect()
            } else {
                Vec::new()
            };
            let mut w = worker.borrow_mut();
            w.cache.restore(entries);
            persist(&mut w);
            post(&scope, &w.ready());
        });
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // The worker runs only in the browser; its logic is the library, tested natively.
}
