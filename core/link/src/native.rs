//! Linking native programs: the machine code of a build's package objects plus
//! the ISA's hand-written stubs, laid out into an executable by a container
//! writer (`Format`). The ISA comes as its `codegen::isa::IsaDesc`, so this crate
//! knows none. Keeps what the entry (the stubs) reaches; functions are placed in
//! name order, 16-byte aligned, data items at their alignment; data symbols an
//! object marks as dynamic imports become the container's import slots.

use std::collections::BTreeMap;

use codegen::isa::IsaDesc;
use codegen::{Code, OsAbi, Reloc};
use ir::RelocKind;
use target::Container;

use crate::LinkError;
use crate::image::{Import, Input, Symbol};
use crate::object::{FuncCode, Object};
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

/// What a native link writes besides the program.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The `go:buildinfo` blob, if any.
    pub buildinfo: Option<Vec<u8>>,
    /// Leave the symbol table out (`-ldflags=-s`).
    pub strip: bool,
    /// The build ID (`-buildid`).
    pub build_id: crate::buildid::BuildId,
    /// `-H windowsgui`: the PE subsystem is the GUI's.
    pub windows_gui: bool,
    /// The macOS and SDK versions `LC_BUILD_VERSION` records (`-macos`,
    /// `-macsdk`), as `xxxx.yy.zz` nibbles.
    pub macho_versions: [u32; 2],
}

/// Links `objects` (compiled for `isa`) into an executable in `format`, entered as
/// `os` enters programs: the program starts at the ISA's stubs for it (`_start`,
/// the system-call primitive). Outside ELF a build ID goes first in the text, as
/// the `go:buildid` symbol.
pub fn link(
    objects: &[Object],
    isa: &IsaDesc,
    format: Format,
    os: OsAbi,
    opts: Options,
) -> Result<Vec<u8>, Vec<LinkError>> {
    let Options { buildinfo, strip, build_id, windows_gui, macho_versions } = opts;
    let mut errs = Vec::new();
    let index = crate::symbols::Index::new(objects, &mut errs);
    let (funcs, data) = (&index.funcs, &index.data);
    let stubs = (isa.stubs)(os);
    let stub_names: BTreeMap<String, Code> = stubs.iter().cloned().collect();
    // Reachability from the entry: what the stubs refer to, and the goroutine
    // that runs main.
    let roots: Vec<&str> = stubs
        .iter()
        .flat_map(|(_, code)| &code.relocs)
        .map(|r| r.symbol.as_str())
        .chain(data.contains_key(ir::G0_SYMBOL).then_some(ir::G0_SYMBOL))
        .collect();
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
    for name in live.funcs.iter().filter(|n| !stub_names.contains_key(**n)) {
        match &funcs[name].code {
            FuncCode::Native(code) => place(&mut input, name, code),
            FuncCode::Error(e) => errs.push(LinkError(format!("{name}: {e}"))),
            FuncCode::Wasm(_) => {
                errs.push(LinkError(format!("{name}: Wasm code in a {} link", isa.arch.name())))
            }
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }

    // Data: every live item at its alignment, with its relocations; the import
    // slots are the container's.
    let dynimports: BTreeMap<&str, &ir::DynImport> =
        objects.iter().flat_map(|o| &o.dynimports).map(|d| (d.symbol.as_str(), d)).collect();
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
