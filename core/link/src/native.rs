//! Linking native programs: the IR modules of a build, compiled function by
//! function by an ISA, plus the ISA's hand-written stubs, laid out into an
//! executable by a container writer (`Format`). The ISA comes as its
//! `codegen::isa::IsaDesc`, so this crate knows none. Keeps what the entry
//! reaches; functions are 16-byte aligned, data items at their alignment; data
//! symbols the IR marks as dynamic imports become the container's import slots.
//!
//! With `Options::jobs` above 1 (`-p`, from the CLI) functions are compiled on
//! that many scoped threads, each taking every `jobs`-th function, and placed in
//! name order, so the output never depends on it; with 1 (the default, and the
//! browser's) no thread is started.

use std::collections::BTreeMap;

use codegen::isa::IsaDesc;
use codegen::{Code, OsAbi, Reloc};
use ir::{Module, RelocKind};
use target::Container;

use crate::LinkError;
use crate::image::{Import, Input, Symbol};
use crate::{elf, macho, pe};

/// The executable container, each written by its module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Elf,
    Pe,
    MachO,
}

impl Format {
    /// The writer of `container` for `isa`, if this crate has one and the ISA
    /// gives that container's values.
    pub fn of(container: Container, isa: &IsaDesc) -> Option<Format> {
        match container {
            Container::Elf => isa.elf.map(|_| Format::Elf),
            Container::Pe => isa.pe.map(|_| Format::Pe),
            Container::MachO => isa.macho.map(|_| Format::MachO),
            Container::Wasm | Container::Xcoff | Container::Plan9 => None,
        }
    }
}

/// Compiles one IR function, or says why it cannot.
type Compile<'a> = &'a (dyn Fn(&ir::Func) -> Result<Code, String> + Sync);

/// Compiles the functions `names`, in that order, on up to `jobs` threads: thread
/// `t` takes every `jobs`-th function from the `t`-th, so the results come back
/// in order whatever the timing.
fn compile_all(
    names: &[&str],
    funcs: &BTreeMap<&str, &ir::Func>,
    compile: Compile<'_>,
    jobs: usize,
) -> Vec<Result<Code, String>> {
    let jobs = jobs.clamp(1, names.len().max(1));
    if jobs == 1 {
        return names.iter().map(|n| compile(funcs[n])).collect();
    }
    let mut parts: Vec<Vec<Result<Code, String>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|t| {
                std::thread::Builder::new().stack_size(64 << 20).spawn_scoped(s, move || {
                    names.iter().skip(t).step_by(jobs).map(|n| compile(funcs[n])).collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h.map(|h| h.join()) {
                Ok(Ok(codes)) => codes,
                _ => vec![Err("the compiler could not run".into())],
            })
            .collect()
    });
    let mut out = Vec::with_capacity(names.len());
    let mut iters: Vec<_> = parts.iter_mut().map(|p| p.drain(..)).collect();
    for i in 0..names.len() {
        out.push(iters[i % jobs].next().unwrap_or_else(|| Err("the compiler could not run".into())));
    }
    out
}

/// What a native link writes besides the program.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The `go:buildinfo` blob, if any.
    pub buildinfo: Option<Vec<u8>>,
    /// Leave the symbol table out (`-ldflags=-s`).
    pub strip: bool,
    /// The build ID (`-buildid`).
    pub build_id: crate::buildid::BuildId,
    /// How many threads compile functions (`-p`); the output does not depend on it.
    pub jobs: usize,
    /// `-H windowsgui`: the PE subsystem is the GUI's.
    pub windows_gui: bool,
    /// The macOS and SDK versions `LC_BUILD_VERSION` records (`-macos`,
    /// `-macsdk`), as `xxxx.yy.zz` nibbles.
    pub macho_versions: [u32; 2],
}

/// Links `modules` into an executable of `isa`'s code in `format`, entered as
/// `os` enters programs: the program starts at the ISA's stubs for it (`_start`,
/// the system-call primitive). Outside ELF a build ID goes first in the text, as
/// the `go:buildid` symbol.
pub fn link(
    modules: &[Module],
    isa: &IsaDesc,
    format: Format,
    os: OsAbi,
    opts: Options,
) -> Result<Vec<u8>, Vec<LinkError>> {
    let Options { buildinfo, strip, build_id, jobs, windows_gui, macho_versions } = opts;
    let mut errs = Vec::new();
    let index = crate::symbols::Index::new(modules, &mut errs);
    let (funcs, data) = (&index.funcs, &index.data);
    let stubs = (isa.stubs)(os);
    let stub_names: BTreeMap<String, Code> = stubs.iter().cloned().collect();
    // Reachability from the entry: what the stubs refer to.
    let roots = crate::roots(modules, &stubs, crate::Entry::Native(isa, os));
    let live = index.reach(roots, &|n| stub_names.contains_key(n), &|_| false, &mut errs);
    if !errs.is_empty() {
        return Err(errs);
    }

    // Text: the stubs, then the live functions in name order.
    let mut input = Input {
        entry: "_start".into(),
        buildinfo: buildinfo.unwrap_or_default(),
        strip,
        build_id,
        windows_gui,
        macho_versions,
        ..Input::default()
    };
    let pad = isa.pad;
    let place = |input: &mut Input, name: &str, code: &Code| {
        while !input.text.len().is_multiple_of(16) {
            input.text.push(pad);
        }
        let offset = input.text.len();
        input.text_symbols.push(Symbol {
            name: name.to_owned(),
            offset: offset as u64,
            size: code.bytes.len() as u64,
        });
        input.text.extend_from_slice(&code.bytes);
        input
            .text_relocs
            .extend(code.relocs.iter().map(|r| Reloc { offset: r.offset + offset, ..r.clone() }));
    };
    if format != Format::Elf && !input.build_id.id.is_empty() {
        let marker = crate::buildid::marker(&input.build_id.id);
        place(&mut input, "go:buildid", &Code { bytes: marker, relocs: vec![] });
    }
    for (name, code) in &stub_names {
        place(&mut input, name, code);
    }
    let names: Vec<&str> = live.funcs.iter().copied().filter(|n| !stub_names.contains_key(*n)).collect();
    let compile = |f: &ir::Func| {
        (isa.compile)(f).map_err(|e| format!("crossplay does not support {e} on {} yet", isa.arch.name()))
    };
    for (name, code) in names.iter().zip(compile_all(&names, funcs, &compile, jobs)) {
        match code {
            Ok(code) => place(&mut input, name, &code),
            Err(e) => errs.push(LinkError(format!("{name}: {e}"))),
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }

    // Data: every live item at its alignment, with its relocations; the import
    // slots are the container's.
    let dynimports: BTreeMap<&str, &ir::DynImport> =
        modules.iter().flat_map(|m| &m.dynimports).map(|d| (d.symbol.as_str(), d)).collect();
    for name in &live.data {
        if let Some(i) = dynimports.get(name) {
            input.imports.push(Import {
                symbol: i.symbol.clone(),
                name: i.name.clone(),
                library: i.library.clone(),
            });
            continue;
        }
        let d = data[name];
        let align = d.align.max(1) as usize;
        while !input.data.len().is_multiple_of(align) {
            input.data.push(0);
        }
        let offset = input.data.len();
        input.data_symbols.push(Symbol {
            name: d.name.clone(),
            offset: offset as u64,
            size: u64::from(d.size),
        });
        input.data.extend_from_slice(&d.init);
        input.data.resize(offset + d.size as usize, 0);
        for r in &d.relocs {
            let width = match r.kind {
                RelocKind::Addr { width } | RelocKind::Func { width } => width,
            };
            if width != isa.arch.ptr_size() {
                errs.push(LinkError(format!("{}: a {width}-byte address in data", d.name)));
                continue;
            }
            input.data_relocs.push(Reloc {
                offset: offset + r.off as usize,
                kind: isa.abs,
                symbol: r.target.clone(),
                addend: r.addend,
            });
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    match format {
        Format::Elf => elf::write(isa, &input),
        Format::Pe => pe::write(isa, &input),
        Format::MachO => macho::write(isa, &input),
    }
    .map_err(|e| vec![e])
}
