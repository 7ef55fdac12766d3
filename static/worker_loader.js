// Starts the compiler worker (a classic worker: wasm-bindgen's no-modules output).
importScripts("./worker.js");
wasm_bindgen({ module_or_path: "./worker_bg.wasm" });
