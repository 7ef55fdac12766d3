// Starts the compiler worker (a classic worker: wasm-bindgen's no-modules output),
// with its IndexedDB cache store.
importScripts("./idb_cache.js", "./worker.js");
wasm_bindgen({ module_or_path: "./worker_bg.wasm" });
