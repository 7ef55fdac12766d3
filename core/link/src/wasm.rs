//! The Wasm linker and container writer (reference/binary-formats.md §1.4, §3).
//!
//! It keeps only what the entry points reach (functions through calls and code
//! pointers, data through addresses and relocations) of the package objects'
//! code (compiled by `isa-wasm`, with relocated immediates as padded LEB128s),
//! lays out memory, patches every relocation and writes the sections in the
//! order Go's linker does: custom `go:buildid` (when there is a build ID), type, import, function, table, memory,
//! global, export, element, code, data, custom `name`.
//!
//! Memory layout: nothing below 12288 (`wasm_exec.js` writes argv and the
//! environment into [4096, 12288)); the shadow stack's `stack_size` bytes from
//! 12288, growing down from its top; then read-only data, writable data, zeroed data;
//! then the heap, whose start the runtime finds at the symbol `go:end`.
//!
//! Data segments leave out runs of eight or more zero bytes, as Go's linker does.
//! Memory is exported as `mem` (js/wasm, for `wasm_exec.js`) or `memory` (wasip1).

use crate::LinkError;
use crate::object::{FuncCode, Object};
use ir::{RelocKind, Sig};
use isa_wasm::{RelocTarget, WasmFunc, val_type, write_padded_i64, write_padded_u32};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, DataSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, Function, FunctionSection, GlobalSection, GlobalType, ImportSection, MemorySection,
    MemoryType, NameMap, NameSection, RefType, TableSection, TableType, TypeSection, ValType,
};

/// The lowest address data may use.
pub const MIN_DATA_ADDR: u32 = 4096 + 8192;
/// The linker-defined symbol at the start of the heap.
pub const END_SYMBOL: &str = "go:end";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemoryExport {
    /// js/wasm: `wasm_exec.js` reads `exports.mem`.
    Mem,
    /// wasip1: WASI hosts read `exports.memory`.
    Memory,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub memory_export: MemoryExport,
    pub stack_size: u32,
    /// The build ID, kept in a `go:buildid` custom section (none when empty).
    pub build_id: crate::buildid::BuildId,
    /// Omit the `name` section (`-ldflags=-s` or `-w`).
    pub strip: bool,
}

/// What the link produced, for `-x`-style reports and tests.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub funcs: usize,
    pub imports: usize,
    pub data_bytes: u64,
}

pub fn link(objects: &[Object], opts: &Options) -> Result<(Vec<u8>, Report), Vec<LinkError>> {
    let mut errs = Vec::new();
    let index = crate::symbols::Index::new(objects, &mut errs);
    let (funcs, data) = (&index.funcs, &index.data);
    let imports: BTreeMap<&str, &ir::Decl> =
        objects.iter().flat_map(|o| &o.host_imports).map(|d| (d.name.as_str(), d)).collect();
    // Reachability from the exports, and the goroutine that runs main (the
    // initial value of its global).
    let mut compiled: BTreeMap<&str, &WasmFunc> = BTreeMap::new();
    for (name, f) in funcs {
        match &f.code {
            FuncCode::Wasm(wf) => {
                compiled.insert(name, wf);
            }
            FuncCode::Error(_) => {}
            FuncCode::Native(_) => errs.push(LinkError(format!("{name}: machine code in a Wasm link"))),
        }
    }
    let roots: Vec<&str> = compiled
        .iter()
        .filter(|(_, wf)| wf.export.is_some())
        .map(|(n, _)| *n)
        .chain(data.contains_key(ir::G0_SYMBOL).then_some(ir::G0_SYMBOL))
        .collect();
    let live = index.reach(roots, &|n| imports.contains_key(n), &|n| n == END_SYMBOL, &mut errs);
    for n in &live.funcs {
        if let Some(FuncCode::Error(e)) = funcs.get(n).map(|f| &f.code) {
            errs.push(LinkError(format!("{n}: {e}")));
        }
    }
    let (live_funcs, live_data) = (live.funcs, live.data);
    if !errs.is_empty() {
        return Err(errs);
    }

    // Function index space: the imports, then the definitions, each in name order.
    let import_list: Vec<&ir::Decl> = live_funcs
        .iter()
        .filter(|n| !funcs.contains_key(*n))
        .filter_map(|n| imports.get(n).copied())
        .collect();
    let defined: Vec<&WasmFunc> = live_funcs.iter().filter_map(|n| compiled.get(n).copied()).collect();
    let mut func_index: HashMap<&str, u32> = HashMap::new();
    for (i, d) in import_list.iter().enumerate() {
        func_index.insert(&d.name, i as u32);
    }
    for (i, f) in defined.iter().enumerate() {
        func_index.insert(&f.name, (import_list.len() + i) as u32);
    }

    // Types, in first-use order.
    let mut types: Vec<Sig> = Vec::new();
    // Wasm types are structural: a pointer is an i64, so signatures that differ
    // only there share one type.
    let type_index = |s: &Sig, types: &mut Vec<Sig>| -> u32 {
        let wasm = |ts: &[ir::Ty]| ts.iter().map(|t| t.class()).collect::<Vec<_>>();
        let s = Sig { params: wasm(&s.params), results: wasm(&s.results) };
        match types.iter().position(|t| *t == s) {
            Some(i) => i as u32,
            None => {
                types.push(s);
                types.len() as u32 - 1
            }
        }
    };

    // Table slots: 0 stays null (a nil func value traps), then every function whose
    // address is taken, in name order.
    let mut table_funcs: BTreeSet<&str> = BTreeSet::new();
    for wf in &defined {
        for r in &wf.relocs {
            if let RelocTarget::Table(n) = &r.target {
                table_funcs.insert(n);
            }
        }
    }
    for n in &live_data {
        for r in &data[n].relocs {
            if matches!(r.kind, RelocKind::Func { .. }) {
                table_funcs.insert(&r.target);
            }
        }
    }
    let table_list: Vec<&str> = table_funcs.iter().copied().collect();
    let table_index: HashMap<&str, u32> =
        table_list.iter().enumerate().map(|(i, &n)| (n, i as u32 + 1)).collect();

    // Memory layout.
    let stack_top = MIN_DATA_ADDR + opts.stack_size;
    let mut addr = u64::from(stack_top);
    let mut data_addr: HashMap<&str, u64> = HashMap::new();
    let mut ordered: Vec<&ir::Data> = live_data.iter().map(|n| data[n]).collect();
    // Read-only first, then initialized, then zeroed; names break ties.
    ordered.sort_by_key(|d| (!d.readonly, d.init.iter().all(|&b| b == 0), d.name.clone()));
    for d in &ordered {
        addr = addr.next_multiple_of(u64::from(d.align.max(1)));
        data_addr.insert(&d.name, addr);
        addr += u64::from(d.size);
    }
    let end = addr.next_multiple_of(8);
    data_addr.insert(END_SYMBOL, end);
    if end > u64::from(u32::MAX) {
        return Err(vec![LinkError("program too large for wasm memory".into())]);
    }

    // Data images with relocations applied.
    let mut segments: Vec<(u64, Vec<u8>)> = Vec::new();
    for d in &ordered {
        let mut bytes = d.init.clone();
        for r in &d.relocs {
            let (width, value) = match r.kind {
                RelocKind::Addr { width } => {
                    (width, data_addr.get(r.target.as_str()).copied().unwrap_or(0) as i64 + r.addend)
                }
                RelocKind::Func { width } => {
                    (width, i64::from(table_index.get(r.target.as_str()).copied().unwrap_or(0)) + r.addend)
                }
            };
            let end = r.off as usize + width as usize;
            if bytes.len() < end {
                bytes.resize(end, 0);
            }
            bytes[r.off as usize..end].copy_from_slice(&value.to_le_bytes()[..width as usize]);
        }
        split_zero_runs(data_addr[d.name.as_str()], &bytes, &mut segments);
    }

    // Code with relocations applied.
    let mut code = CodeSection::new();
    let mut func_types: Vec<u32> = Vec::new();
    for wf in &defined {
        func_types.push(type_index(&wf.sig, &mut types));
        let mut bytes = wf.code.clone();
        for r in &wf.relocs {
            let at = &mut bytes[r.off..r.off + 5];
            match &r.target {
                RelocTarget::Func(n) => match func_index.get(n.as_str()) {
                    Some(&i) => write_padded_u32(at, i),
                    None => errs.push(LinkError(format!("{}: relocation target {n} not defined", wf.name))),
                },
                RelocTarget::Table(n) => write_padded_i64(at, i64::from(table_index[n.as_str()])),
                RelocTarget::Data(n) => match data_addr.get(n.as_str()) {
                    Some(&a) => write_padded_i64(at, a as i64),
                    None => errs.push(LinkError(format!("{}: relocation target {n} not defined", wf.name))),
                },
                RelocTarget::Type(s) => write_padded_u32(at, type_index(s, &mut types)),
            }
        }
        let mut f = Function::new(wf.locals.iter().copied());
        f.raw(bytes);
        code.function(&f);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let import_types: Vec<u32> = import_list.iter().map(|d| type_index(&d.sig, &mut types)).collect();

    let mut module = wasm_encoder::Module::new();
    if !opts.build_id.id.is_empty() {
        module.section(&CustomSection {
            name: Cow::Borrowed("go:buildid"),
            data: Cow::Owned(crate::buildid::marker(&opts.build_id.id)),
        });
    }
    let mut ts = TypeSection::new();
    for s in &types {
        ts.ty().function(s.params.iter().map(|&t| val_type(t)), s.results.iter().map(|&t| val_type(t)));
    }
    module.section(&ts);
    let mut is = ImportSection::new();
    for (d, &t) in import_list.iter().zip(&import_types) {
        if let Some((m, f)) = &d.import {
            is.import(m, f, EntityType::Function(t));
        }
    }
    module.section(&is);
    let mut fs = FunctionSection::new();
    for &t in &func_types {
        fs.function(t);
    }
    module.section(&fs);
    let table_len = table_list.len() as u64 + 1;
    let mut tabs = TableSection::new();
    tabs.table(TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: table_len,
        maximum: Some(table_len),
        shared: false,
    });
    module.section(&tabs);
    let pages = end.div_ceil(65536) + 16;
    let mut ms = MemorySection::new();
    ms.memory(MemoryType {
        minimum: pages,
        maximum: Some(65536),
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    module.section(&ms);
    let mut gs = GlobalSection::new();
    gs.global(
        GlobalType { val_type: ValType::I64, mutable: true, shared: false },
        &ConstExpr::i64_const(i64::from(stack_top)),
    );
    // The running goroutine (isa_wasm::G_GLOBAL): the goroutine that runs main.
    let g0 = data_addr.get(ir::G0_SYMBOL).copied().unwrap_or(0);
    gs.global(
        GlobalType { val_type: ValType::I64, mutable: true, shared: false },
        &ConstExpr::i64_const(g0 as i64),
    );
    module.section(&gs);
    let mut es = ExportSection::new();
    let mem_name = match opts.memory_export {
        MemoryExport::Mem => "mem",
        MemoryExport::Memory => "memory",
    };
    let mut exports: Vec<(&str, u32)> = Vec::new();
    for f in &defined {
        if let Some(e) = &f.export {
            exports.push((e, func_index[f.name.as_str()]));
        }
    }
    exports.sort();
    for (name, idx) in exports {
        es.export(name, ExportKind::Func, idx);
    }
    es.export(mem_name, ExportKind::Memory, 0);
    module.section(&es);
    if !table_list.is_empty() {
        let mut els = ElementSection::new();
        let idxs: Vec<u32> = table_list.iter().map(|n| func_index[n]).collect();
        els.active(Some(0), &ConstExpr::i32_const(1), Elements::Functions(Cow::Owned(idxs)));
        module.section(&els);
    }
    module.section(&code);
    let mut ds = DataSection::new();
    for (a, bytes) in &segments {
        ds.active(0, &ConstExpr::i32_const(*a as u32 as i32), bytes.iter().copied());
    }
    module.section(&ds);
    if !opts.strip {
        let mut names = NameMap::new();
        for (i, d) in import_list.iter().enumerate() {
            names.append(i as u32, &d.name);
        }
        for (i, f) in defined.iter().enumerate() {
            names.append((import_list.len() + i) as u32, &f.name);
        }
        let mut ns = NameSection::new();
        ns.functions(&names);
        module.section(&ns);
    }
    let report =
        Report { funcs: defined.len(), imports: import_list.len(), data_bytes: end - u64::from(stack_top) };
    let mut bytes = module.finish();
    crate::buildid::finish(&mut bytes, &opts.build_id, &[], 0);
    Ok((bytes, report))
}

/// Splits a data image into segments, leaving out runs of eight or more zero bytes
/// (memory starts zeroed), as Go's linker does.
fn split_zero_runs(base: u64, bytes: &[u8], out: &mut Vec<(u64, Vec<u8>)>) {
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && bytes[i] == 0 {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        let mut zeros = 0;
        while i < bytes.len() {
            if bytes[i] == 0 {
                zeros += 1;
                if zeros >= 8 {
                    break;
                }
            } else {
                zeros = 0;
            }
            i += 1;
        }
        let stop = if zeros >= 8 { i + 1 - zeros } else { i - zeros };
        out.push((base + start as u64, bytes[start..stop].to_vec()));
    }
}
