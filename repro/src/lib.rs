//! The playground's build as a wasm-bindgen module for node
//! (`wasm-bindgen --target nodejs`): `e2e/repro.mjs` builds the example module
//! with it for every target crossplay supports and checks that the wasm32
//! toolchain writes exactly the bytes the native CLI writes.

use wasm_bindgen::prelude::wasm_bindgen;

/// Builds the module `names`/`texts` (parallel lists: paths and contents) for
/// `goos`/`goarch` with `-tags`, `-ldflags` and `-trimpath` as given, through
/// `worker::Worker` as the browser does; the binary, or the errors as `go build`
/// prints them.
#[wasm_bindgen]
pub fn build(
    names: Vec<String>,
    texts: Vec<String>,
    goos: String,
    goarch: String,
    tags: String,
    ldflags: String,
    trimpath: bool,
) -> Result<Vec<u8>, String> {
    let files = names.into_iter().zip(texts).map(|(name, text)| protocol::File { name, text }).collect();
    let settings =
        protocol::Settings { goos, goarch, tags, ldflags, trimpath, ..protocol::Settings::default() };
    match worker::Worker::new().handle(protocol::Request::Build { id: 1, files, settings }) {
        protocol::Response::Built(b) => b.binary.ok_or_else(|| b.errors.join("\n")),
        _ => Err("the worker did not answer with a build".into()),
    }
}
