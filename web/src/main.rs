//! crossplay's playground page: edits a Go module, sets every target knob, asks the
//! compiler worker (`worker/`, over `protocol`) to check, explain and build, and runs
//! Wasm outputs in a separate worker (`static/run_worker.js`) that Stop terminates.

use leptos::prelude::*;
use protocol::{Built, BuiltAll, CacheStats, File, Grid, Port, Request, Response, Settings, SubArch};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, Worker};

mod example;

/// Where a program's output goes, one chunk per write.
#[derive(Clone, Debug, PartialEq)]
struct Chunk {
    fd: u32,
    text: String,
}

#[derive(Clone, Debug, PartialEq)]
enum RunState {
    Idle,
    Running,
    Exited(i32),
    Stopped,
    Failed(String),
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

fn post(worker: &Worker, req: &Request) {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    match serde::Serialize::serialize(req, &ser) {
        Ok(v) => {
            let _ = worker.post_message(&v);
        }
        Err(e) => web_sys::console::error_1(&format!("crossplay: {e}").into()),
    }
}

#[component]
fn App() -> impl IntoView {
    let files = RwSignal::new(example::files());
    let current = RwSignal::new("main.go".to_string());
    // The worker's Ready names the settings to start with.
    let settings = RwSignal::new(Settings::default());
    let ready = RwSignal::new(false);
    let toolchain = RwSignal::new(String::new());
    let ports: RwSignal<Vec<Port>> = RwSignal::new(Vec::new());
    let subarch: RwSignal<Vec<SubArch>> = RwSignal::new(Vec::new());
    let cache = RwSignal::new(CacheStats::default());
    let check_error: RwSignal<Option<String>> = RwSignal::new(None);
    let built: RwSignal<Option<Built>> = RwSignal::new(None);
    let building = RwSignal::new(false);
    let download_url: RwSignal<Option<String>> = RwSignal::new(None);
    let grid: RwSignal<Option<Grid>> = RwSignal::new(None);
    let why: RwSignal<Option<(String, String, bool, Vec<String>)>> = RwSignal::new(None);
    let output: RwSignal<Vec<Chunk>> = RwSignal::new(Vec::new());
    let run_state = RwSignal::new(RunState::Idle);
    let next_id = StoredValue::new(1u32);
    let notice: RwSignal<Option<String>> = RwSignal::new(None);
    let share_url = RwSignal::new(String::new());
    let txtar = RwSignal::new(String::new());
    let opened_link = StoredValue::new(false);
    let generation = RwSignal::new(0u32);
    let built_all: RwSignal<Option<BuiltAll>> = RwSignal::new(None);
    let all_url: RwSignal<Option<String>> = RwSignal::new(None);

    // The compiler worker.
    let compiler = Worker::new("./worker_loader.js").expect("the compiler worker starts");
    let on_reply = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let reply = match serde_wasm_bindgen::from_value::<Response>(ev.data()) {
            Ok(r) => r,
            Err(e) => {
                web_sys::console::error_1(&format!("crossplay: unreadable reply: {e}").into());
                return;
            }
        };
        match reply {
            Response::Ready { toolchain: t, ports: p, subarch: s, settings: start, cache: c } => {
                toolchain.set(t);
                ports.set(p);
                subarch.set(s);
                settings.set(start);
                cache.set(c);
                ready.set(true);
            }
            Response::Checked { error, .. } => check_error.set(error),
            Response::Grid(g) => grid.set(Some(g)),
            Response::Built(b) => {
                if let Some(old) = download_url.get_untracked() {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                download_url.set(b.binary.as_ref().and_then(|bytes| object_url(bytes)));
                cache.set(b.cache.clone());
                built.set(Some(*b));
                building.set(false);
            }
            Response::Cache { stats, .. } => cache.set(stats),
            Response::Shared { fragment, .. } => {
                let loc = window().location();
                let base =
                    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
                if let Ok(h) = window().history() {
                    let _ = h.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("#{fragment}")),
                    );
                }
                share_url.set(format!("{base}#{fragment}"));
            }
            Response::Opened { files: f, settings: s, warning, .. } => {
                let first = f
                    .iter()
                    .find(|x| x.name == "main.go")
                    .or(f.first())
                    .map(|x| x.name.clone())
                    .unwrap_or_default();
                files.set(f);
                settings.set(s);
                current.set(first);
                generation.update(|g| *g += 1);
                notice.set(Some(warning.unwrap_or_else(|| "Opened from a share link.".into())));
            }
            Response::Txtar { text, .. } => txtar.set(text),
            Response::BuiltAll(all) => {
                if let Some(old) = all_url.get_untracked() {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                all_url.set(object_url(&all.zip));
                cache.set(all.cache.clone());
                built_all.set(Some(*all));
                building.set(false);
            }
            Response::Imported { files: f, .. } => {
                let first = f.first().map(|x| x.name.clone()).unwrap_or_default();
                files.set(f);
                current.set(first);
                generation.update(|g| *g += 1);
                notice.set(Some("Imported the txtar archive.".into()));
            }
            Response::Error { message, .. } => notice.set(Some(message)),
        }
    });
    compiler.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
    on_reply.forget();
    let compiler = StoredValue::new_local(compiler);
    let send = move |req: Request| compiler.with_value(|w| post(w, &req));
    let fresh_id = move || {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        id
    };

    // Check the settings and refresh the grid whenever they or the files change.
    // A share link in the address opens once the worker is ready.
    Effect::new(move || {
        if !ready.get() || opened_link.get_value() {
            return;
        }
        opened_link.set_value(true);
        let hash = window().location().hash().unwrap_or_default();
        if hash.len() > 1 {
            send(Request::Open { id: fresh_id(), fragment: hash });
        }
    });
    Effect::new(move || {
        let s = settings.get();
        let f = files.get();
        if !ready.get() {
            return;
        }
        send(Request::Check { id: fresh_id(), settings: s.clone() });
        send(Request::Grid { id: fresh_id(), files: f, settings: s });
    });

    // The program runner, a worker of its own so Stop can end it at once.
    let runner: StoredValue<Option<Worker>, LocalStorage> = StoredValue::new_local(None);
    let stop = move || {
        runner.update_value(|r| {
            if let Some(w) = r.take() {
                w.terminate();
            }
        });
    };
    let run = move || {
        let Some(b) = built.get_untracked() else { return };
        let Some(bytes) = b.binary.as_ref() else { return };
        stop();
        output.set(Vec::new());
        let w = match Worker::new("./run_worker.js") {
            Ok(w) => w,
            Err(_) => {
                run_state.set(RunState::Failed("the run worker did not start".into()));
                return;
            }
        };
        let on_msg = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let d = ev.data();
            let kind =
                js_sys::Reflect::get(&d, &"kind".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            match kind.as_str() {
                "out" => {
                    let fd =
                        js_sys::Reflect::get(&d, &"fd".into()).ok().and_then(|v| v.as_f64()).unwrap_or(1.0)
                            as u32;
                    let text = js_sys::Reflect::get(&d, &"text".into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default();
                    output.update(|o| match o.last_mut() {
                        Some(last) if last.fd == fd => last.text.push_str(&text),
                        _ => o.push(Chunk { fd, text }),
                    });
                }
                "exit" => {
                    let code =
                        js_sys::Reflect::get(&d, &"code".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
                            as i32;
                    run_state.set(RunState::Exited(code));
                }
                "error" => {
                    let m = js_sys::Reflect::get(&d, &"message".into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default();
                    run_state.set(RunState::Failed(m));
                }
                _ => {}
            }
        });
        w.set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
        on_msg.forget();
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"goos".into(), &b.goos.clone().into());
        let _ = js_sys::Reflect::set(&msg, &"name".into(), &b.name.clone().into());
        let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &js_sys::Uint8Array::from(&bytes[..]));
        let _ = w.post_message(&msg);
        run_state.set(RunState::Running);
        runner.set_value(Some(w));
    };

    let build = move || {
        building.set(true);
        built.set(None);
        send(Request::Build {
            id: fresh_id(),
            files: files.get_untracked(),
            settings: settings.get_untracked(),
        });
    };

    view! {
        <header>
            <h1>"crossplay"</h1>
            <span class="tagline">"What does Go build for target X, and why?"</span>
            <span id="status">{move || if ready.get() { format!("ready · {}", toolchain.get()) } else { "starting the compiler…".into() }}</span>
        </header>
        <main>
            <section class="editor-pane">
                <Files files current/>
                <Editor files current generation built/>
                <Diagnostics built current/>
            </section>
            <section class="side">
                <Target settings ports subarch check_error/>
                <div class="actions">
                    <button id="build" disabled=move || !ready.get() || building.get() on:click=move |_| build()>"Build"</button>
                    <button id="run"
                        disabled=move || !built.get().is_some_and(|b| b.binary.is_some() && b.runnable)
                        on:click=move |_| run()>"Run"</button>
                    <button id="stop" disabled=move || run_state.get() != RunState::Running
                        on:click=move |_| { stop(); run_state.set(RunState::Stopped); }>"Stop"</button>
                    <button id="clear-cache" on:click=move |_| send(Request::ClearCache { id: fresh_id(), target: None })>"Clear cache"</button>
                    <button id="build-all" disabled=move || !ready.get() || building.get()
                        on:click=move |_| {
                            building.set(true);
                            built_all.set(None);
                            send(Request::BuildAll { id: fresh_id(), files: files.get_untracked(), settings: settings.get_untracked() });
                        }>"Build all"</button>
                    <button id="share" disabled=move || !ready.get()
                        on:click=move |_| send(Request::Share { id: fresh_id(), files: files.get_untracked(), settings: settings.get_untracked() })>"Share"</button>
                    <span id="cache-stats">{move || {
                        let c = cache.get();
                        format!(
                            "cache: {} entries, {} KB · {} hits, {} misses, {} corrupt, {} evicted",
                            c.entries,
                            c.bytes.div_ceil(1024),
                            c.hits,
                            c.misses,
                            c.corrupt,
                            c.evicted
                        )
                    }}</span>
                    <ul id="cache-targets">
                        {move || cache.get().targets.into_iter().map(|t| {
                            let target = t.target.clone();
                            view! {
                                <li>
                                    {format!("{}: {} entries, {} KB ", t.target, t.entries, t.bytes.div_ceil(1024))}
                                    <button class="clear-target" title=format!("Clear {}'s entries", t.target)
                                        on:click=move |_| send(Request::ClearCache { id: fresh_id(), target: Some(target.clone()) })>"Clear"</button>
                                </li>
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                </div>
                <BuildResult built building download_url/>
                <RunOutput output run_state built/>
            </section>
        </main>
        <BuildAllView built_all all_url/>
        <section id="sharing">
            <p id="notice">{move || notice.get()}</p>
            <label>"Share link " <input id="share-url" readonly prop:value=move || share_url.get()/></label>
            <details>
                <summary>"txtar (the Go Playground's multi-file format)"</summary>
                <textarea id="txtar" spellcheck="false" prop:value=move || txtar.get()
                    on:input=move |ev| txtar.set(event_target_value(&ev))></textarea>
                <button id="export-txtar" on:click=move |_| send(Request::ExportTxtar { id: fresh_id(), files: files.get_untracked() })>"Export"</button>
                <button id="import-txtar" on:click=move |_| send(Request::ImportTxtar { id: fresh_id(), text: txtar.get_untracked() })>"Import"</button>
            </details>
        </section>
        <GridView grid why/>
    }
}

/// An object URL for a download of `bytes`.
fn object_url(bytes: &[u8]) -> Option<String> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

#[component]
fn Files(files: RwSignal<Vec<File>>, current: RwSignal<String>) -> impl IntoView {
    let new_name = RwSignal::new(String::new());
    let file_error: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move || {
        let name = new_name.get_untracked().trim().to_string();
        match valid_file_name(&name, &files.get_untracked()) {
            Err(e) => file_error.set(Some(e)),
            Ok(()) => {
                file_error.set(None);
                let text = if name.ends_with(".go") { "package main\n".to_string() } else { String::new() };
                files.update(|f| {
                    f.push(File { name: name.clone(), text });
                    f.sort_by(|a, b| a.name.cmp(&b.name));
                });
                current.set(name);
                new_name.set(String::new());
            }
        }
    };
    let rename = move || {
        let name = new_name.get_untracked().trim().to_string();
        let old = current.get_untracked();
        match valid_file_name(&name, &files.get_untracked()) {
            Err(e) => file_error.set(Some(e)),
            Ok(()) => {
                file_error.set(None);
                files.update(|f| {
                    if let Some(x) = f.iter_mut().find(|x| x.name == old) {
                        x.name = name.clone();
                    }
                    f.sort_by(|a, b| a.name.cmp(&b.name));
                });
                current.set(name);
                new_name.set(String::new());
            }
        }
    };
    let delete = move || {
        let old = current.get_untracked();
        files.update(|f| f.retain(|x| x.name != old));
        current.set(files.get_untracked().first().map(|f| f.name.clone()).unwrap_or_default());
    };
    view! {
        <nav id="files" class="tabs">
            <For each=move || files.get() key=|f| f.name.clone() let:f>
                {
                    let name = f.name.clone();
                    let n2 = name.clone();
                    view! {
                        <button class="tab" class:active=move || current.get() == n2 on:click=move |_| current.set(name.clone())>
                            {f.name.clone()}
                        </button>
                    }
                }
            </For>
        </nav>
        <div class="file-ops">
            <input id="new-file" placeholder="name.go" prop:value=move || new_name.get()
                on:input=move |ev| new_name.set(event_target_value(&ev))/>
            <button id="add-file" on:click=move |_| add()>"Add"</button>
            <button id="rename-file" on:click=move |_| rename()>"Rename"</button>
            <button id="delete-file" on:click=move |_| delete()>"Delete"</button>
            <span class="error" id="file-error">{move || file_error.get()}</span>
        </div>
    }
}

/// Whether `name` can be added to the module: a valid file name
/// (`protocol::check_file_name`) not already there.
fn valid_file_name(name: &str, files: &[File]) -> Result<(), String> {
    if name.is_empty() {
        return Err("a file needs a name".into());
    }
    protocol::check_file_name(name)?;
    if files.iter().any(|f| f.name == name) {
        return Err(format!("{name} already exists"));
    }
    Ok(())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    // web/editor/editor.js: CodeMirror 6, bundled into dist/editor.js.
    #[wasm_bindgen(js_namespace = crossplayEditor, js_name = create)]
    fn editor_create(parent: &web_sys::Element, text: &str, name: &str, change: &js_sys::Function);
    #[wasm_bindgen(js_namespace = crossplayEditor, js_name = show)]
    fn editor_show(text: &str, name: &str);
    #[wasm_bindgen(js_namespace = crossplayEditor, js_name = diagnostics)]
    fn editor_diagnostics(list: &js_sys::Array);
}

/// The code editor (CodeMirror): shows the current file, writes edits back into
/// `files`, and marks the current file's diagnostics at their lines. `generation`
/// changes when the whole module is replaced (a share link, an import).
#[component]
fn Editor(
    files: RwSignal<Vec<File>>,
    current: RwSignal<String>,
    generation: RwSignal<u32>,
    built: RwSignal<Option<Built>>,
) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let created = StoredValue::new(false);
    let text_of = move |name: &str| {
        files
            .with_untracked(|f| f.iter().find(|x| x.name == name).map(|x| x.text.clone()).unwrap_or_default())
    };
    Effect::new(move || {
        let name = current.get();
        generation.track();
        let Some(el) = host.get() else { return };
        if created.get_value() {
            editor_show(&text_of(&name), &name);
        } else {
            let change = Closure::<dyn Fn(String)>::new(move |v: String| {
                let c = current.get_untracked();
                files.update(|f| {
                    if let Some(x) = f.iter_mut().find(|x| x.name == c) {
                        x.text = v;
                    }
                });
            });
            editor_create(el.unchecked_ref(), &text_of(&name), &name, change.as_ref().unchecked_ref());
            change.forget();
            created.set_value(true);
        }
    });
    Effect::new(move || {
        let name = current.get();
        generation.track();
        let list = js_sys::Array::new();
        if let Some(b) = built.get() {
            for d in b.diagnostics.iter().filter(|d| d.file == name) {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"line".into(), &d.line.into());
                let _ = js_sys::Reflect::set(&o, &"col".into(), &d.col.into());
                let _ = js_sys::Reflect::set(&o, &"message".into(), &d.message.clone().into());
                list.push(&o);
            }
        }
        if created.get_value() {
            editor_diagnostics(&list);
        }
    });
    view! { <div id="editor" class="editor" node_ref=host></div> }
}

#[component]
fn Diagnostics(built: RwSignal<Option<Built>>, current: RwSignal<String>) -> impl IntoView {
    view! {
        <ul id="diagnostics">
            {move || {
                let c = current.get();
                built.get().map(|b| b.diagnostics.into_iter().filter(|d| d.file == c).map(|d| view! {
                    <li class="diag">{format!("line {}, column {}: {}", d.line, d.col, d.message)}</li>
                }).collect::<Vec<_>>())
            }}
        </ul>
    }
}

#[component]
fn Target(
    settings: RwSignal<Settings>,
    ports: RwSignal<Vec<Port>>,
    subarch: RwSignal<Vec<SubArch>>,
    check_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let set = move |f: &dyn Fn(&mut Settings)| settings.update(|s| f(s));
    let var = move || {
        let g = settings.get().goarch;
        subarch.get().into_iter().find(|v| v.goarch == g)
    };
    view! {
        <fieldset class="target">
            <legend>"Target"</legend>
            <label>"GOOS/GOARCH "
                <select id="target" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((os, arch)) = v.split_once('/') {
                        let (os, arch) = (os.to_string(), arch.to_string());
                        set(&|s| { s.goos = os.clone(); s.goarch = arch.clone(); s.subarch.clear(); });
                    }
                }>
                    <For each=move || ports.get() key=|p| format!("{}/{}", p.goos, p.goarch) let:p>
                        {
                            let value = format!("{}/{}", p.goos, p.goarch);
                            let v2 = value.clone();
                            let label = format!("{value}{}{}", if p.first_class { " ★" } else { "" }, if p.buildable { "" } else { " (not yet)" });
                            view! { <option value=value selected=move || { let s = settings.get(); format!("{}/{}", s.goos, s.goarch) == v2 }>{label}</option> }
                        }
                    </For>
                </select>
            </label>
            {move || var().map(|v| {
                let name = v.name.clone();
                view! {
                    <label>{format!("{name} ")}
                        <select id="subarch" on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.subarch = x.clone()); }>
                            <option value="" selected=move || settings.get().subarch.is_empty()>{format!("default ({})", if v.default.is_empty() { "none" } else { v.default.as_str() })}</option>
                            {v.values.iter().filter(|x| !x.is_empty()).map(|x| {
                                let (x1, x2, x3) = (x.clone(), x.clone(), x.clone());
                                view! { <option value=x1 selected=move || settings.get().subarch == x2>{x3}</option> }
                            }).collect::<Vec<_>>()}
                        </select>
                    </label>
                    <label>{format!("or type {name}= ")}
                        <input id="subarch-text" prop:value=move || settings.get().subarch
                            on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.subarch = x.clone()); }/>
                    </label>
                }
            })}
            <label>"CGO_ENABLED "
                <select id="cgo" prop:value=move || settings.get().cgo_enabled on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.cgo_enabled = x.clone()); }>
                    <option value="">"default"</option>
                    <option value="0">"0"</option>
                    <option value="1">"1"</option>
                </select>
            </label>
            <label>"-tags "
                <input id="tags" prop:value=move || settings.get().tags
                    on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.tags = x.clone()); }/>
            </label>
            <label>"-ldflags "
                <input id="ldflags" prop:value=move || settings.get().ldflags
                    on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.ldflags = x.clone()); }/>
            </label>
            <label><input id="trimpath" type="checkbox" prop:checked=move || settings.get().trimpath
                on:change=move |ev| { let x = event_target_checked(&ev); set(&|s| s.trimpath = x); }/>" -trimpath"</label>
            <label>"-buildvcs "
                <select id="buildvcs" prop:value=move || settings.get().buildvcs on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.buildvcs = x.clone()); }>
                    <option value="auto">"auto"</option>
                    <option value="true">"true"</option>
                    <option value="false">"false"</option>
                </select>
            </label>
            <label>"-o "
                <input id="output" placeholder="default name" prop:value=move || settings.get().output
                    on:change=move |ev| { let x = event_target_value(&ev); set(&|s| s.output = x.clone()); }/>
            </label>
            <p id="check-error" class="error">{move || check_error.get()}</p>
        </fieldset>
    }
}

#[component]
fn BuildResult(
    built: RwSignal<Option<Built>>,
    building: RwSignal<bool>,
    download_url: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <section id="result">
            <Show when=move || building.get()><p>"building…"</p></Show>
            {move || built.get().map(|b| {
                let ok = b.binary.is_some();
                let size = b.binary.as_ref().map_or(0, Vec::len);
                view! {
                    <ol id="actions">
                        {b.actions.iter().map(|a| view! {
                            <li class="action">{format!("{} [{}]", a.text, if a.hit { "cache hit" } else { "cache miss" })}</li>
                        }).collect::<Vec<_>>()}
                    </ol>
                    <pre id="errors" class="error">{b.errors.join("\n")}</pre>
                    <Show when=move || ok>
                        <table class="facts">
                            <tr><th>"name"</th><td id="res-name">{b.name.clone()}</td></tr>
                            <tr><th>"size"</th><td id="res-size">{format!("{size} bytes")}</td></tr>
                            <tr><th>"format"</th><td id="res-format">{b.format.clone()}</td></tr>
                            <tr><th>"SHA-256"</th><td id="res-sha">{b.sha256.clone()}</td></tr>
                            <tr><th>"build info"</th><td><pre id="res-buildinfo">{
                                if b.build_info.is_empty() { "none (Go's Wasm binaries carry no build-info blob)".to_owned() } else { b.build_info.clone() }
                            }</pre></td></tr>
                            <tr><th>"build ID"</th><td id="res-buildid" title="what go tool buildid prints">{b.build_id.clone()}</td></tr>
                            <tr><th>"sections"</th><td id="res-sections">{b.sections.iter().map(|(n, s)| format!("{n} {s}")).collect::<Vec<_>>().join(" · ")}</td></tr>
                        </table>
                        <a id="download" download=b.name.clone() href=move || download_url.get().unwrap_or_default()>{format!("Download {}", b.name)}</a>
                    </Show>
                }
            })}
        </section>
    }
}

#[component]
fn RunOutput(
    output: RwSignal<Vec<Chunk>>,
    run_state: RwSignal<RunState>,
    built: RwSignal<Option<Built>>,
) -> impl IntoView {
    let cannot = move || {
        built.get().and_then(|b| {
            (b.binary.is_some() && !b.runnable).then(|| {
                format!("{}/{} binaries run on their own OS and architecture; download it and run it there. The page runs js/wasm and wasip1/wasm.", b.goos, b.goarch)
            })
        })
    };
    view! {
        <section id="run-output">
            <p id="cannot-run">{cannot}</p>
            <pre id="stdout">
                <For each={move || output.get().into_iter().enumerate().collect::<Vec<_>>()} key={|item: &(usize, Chunk)| (item.0, item.1.text.len())} let:item>
                    <span class=if item.1.fd == 2 { "stderr" } else { "stdout" }>{item.1.text.clone()}</span>
                </For>
            </pre>
            <p id="exit">{move || match run_state.get() {
                RunState::Idle => String::new(),
                RunState::Running => "running…".into(),
                RunState::Exited(c) => format!("exit status {c}"),
                RunState::Stopped => "stopped".into(),
                RunState::Failed(m) => format!("failed: {m}"),
            }}</p>
        </section>
    }
}

#[component]
fn GridView(
    grid: RwSignal<Option<Grid>>,
    why: RwSignal<Option<(String, String, bool, Vec<String>)>>,
) -> impl IntoView {
    view! {
        <section id="grid-view">
            <h2>"Which files each target builds"</h2>
            {move || grid.get().map(|g| {
                if let Some(e) = &g.error {
                    return view! { <p class="error">{e.clone()}</p> }.into_any();
                }
                let n = g.targets.len();
                let targets = g.targets.clone();
                view! {
                    <div class="grid-scroll">
                        <table id="grid">
                            <tr>
                                <th></th>
                                {g.targets.iter().map(|t| view! { <th class="target-name"><span>{t.clone()}</span></th> }).collect::<Vec<_>>()}
                            </tr>
                            {g.files.iter().enumerate().map(|(fi, f)| {
                                let cells = g.cells[fi * n..(fi + 1) * n].to_vec();
                                let targets = targets.clone();
                                view! {
                                    <tr>
                                        <th class="file-name">{f.clone()}</th>
                                        {cells.into_iter().zip(targets).map(|(c, t)| {
                                            let file = f.clone();
                                            let label = if c.built { "✓" } else { "·" };
                                            let title = format!("{file} for {t}");
                                            view! {
                                                <td class=if c.built { "cell in" } else { "cell out" } title=title data-file=file.clone() data-target=t.clone()
                                                    on:click=move |_| why.set(Some((file.clone(), t.clone(), c.built, c.why.clone())))>{label}</td>
                                            }
                                        }).collect::<Vec<_>>()}
                                    </tr>
                                }
                            }).collect::<Vec<_>>()}
                        </table>
                    </div>
                }.into_any()
            })}
            <div id="why">
                {move || why.get().map(|(f, t, built, lines)| view! {
                    <h3>{format!("{f} for {t}: {}", if built { "built" } else { "not built" })}</h3>
                    <pre>{lines.join("\n")}</pre>
                })}
            </div>
        </section>
    }
}

#[component]
fn BuildAllView(built_all: RwSignal<Option<BuiltAll>>, all_url: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        {move || built_all.get().map(|all| {
            let n = all.rows.iter().filter(|r| r.size > 0).count();
            view! {
                <section id="build-all-view">
                    <h2>{format!("Build all: {n} of {} targets built", all.rows.len())}</h2>
                    <a id="download-all" download="crossplay-build-all.zip" href=move || all_url.get().unwrap_or_default()>
                        "Download all (zip with SHA256SUMS)"
                    </a>
                    <table id="build-all">
                        <tr><th>"target"</th><th>"name"</th><th>"size"</th><th>"SHA-256"</th><th>"status"</th></tr>
                        {all.rows.into_iter().map(|r| view! {
                            <tr class={if r.size > 0 { "ok" } else { "failed" }}>
                                <td>{r.target}</td>
                                <td>{r.name}</td>
                                <td>{(r.size > 0).then(|| r.size.to_string())}</td>
                                <td class="sha">{r.sha256}</td>
                                <td>{r.status}</td>
                            </tr>
                        }).collect::<Vec<_>>()}
                    </table>
                </section>
            }
        })}
    }
}
