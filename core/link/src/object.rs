//! Package objects: what compiling one package produces and the link consumes.
//! An object holds the package's functions as machine code (or Wasm code) with
//! their relocations by symbol name, its data (globals, type descriptors,
//! closures, strings) with theirs, the host functions and dynamic-library slots
//! it declares, and its export data: the optimized IR of the functions an
//! importer may inline and the signature of every other (`ir::text`).
//!
//! `encode` gives deterministic bytes (the same object, the same bytes), so an
//! object can be cached and its hash names its content; `decode` rejects
//! anything else — a truncated, flipped or foreign blob — with an error, never a
//! panic.

use codegen::{Code, Reloc, RelocKind as CodeRelocKind};
use ir::{Data, Decl, DynImport, RelocKind, Sig, Ty};
use isa_wasm::{CodeReloc, RelocTarget, WasmFunc};
use wasm_encoder::ValType;

pub use base::wire::Corrupt;
use base::wire::{Reader, Writer};

/// The first bytes of every object; the number changes with the encoding.
const MAGIC: &[u8] = b"crossplay object 1\n";

/// One package, compiled.
#[derive(Clone, Debug, Default)]
pub struct Object {
    /// The package's import path (`main` for a program's).
    pub path: String,
    /// Every function the package defines, in name order.
    pub funcs: Vec<Func>,
    pub data: Vec<Data>,
    /// Functions the host defines (a Wasm import), as the package declares them.
    pub host_imports: Vec<Decl>,
    pub dynimports: Vec<DynImport>,
    /// The package's variables and their types' descriptor symbols
    /// (`ir::Module::vars`), for `-X`.
    pub vars: Vec<(String, String)>,
    /// The export data: the IR module (text) importers' optimizers read.
    pub export: String,
}

impl Object {
    /// The object of the IR module `m` of package `path`, given its functions
    /// compiled (placed in name order) and its export data.
    pub fn new(path: &str, m: &ir::Module, mut funcs: Vec<Func>, export: String) -> Object {
        funcs.sort_by(|a, b| a.name.cmp(&b.name));
        Object {
            path: path.to_owned(),
            funcs,
            data: m.data.clone(),
            host_imports: m.decls.iter().filter(|d| d.import.is_some()).cloned().collect(),
            dynimports: m.dynimports.clone(),
            vars: m.vars.clone(),
            export,
        }
    }
}

/// A compiled function.
#[derive(Clone, Debug)]
pub struct Func {
    pub name: String,
    pub code: FuncCode,
}

#[derive(Clone, Debug)]
pub enum FuncCode {
    Native(Code),
    Wasm(WasmFunc),
    /// The back end could not compile it (what it uses that the back end does
    /// not support); an error only if a program reaches it.
    Error(String),
}

impl Func {
    /// The symbols the function's code refers to.
    pub fn refs(&self) -> Vec<&str> {
        match &self.code {
            FuncCode::Native(c) => c.relocs.iter().map(|r| r.symbol.as_str()).collect(),
            FuncCode::Wasm(w) => w
                .relocs
                .iter()
                .filter_map(|r| match &r.target {
                    RelocTarget::Func(n) | RelocTarget::Table(n) | RelocTarget::Data(n) => Some(n.as_str()),
                    RelocTarget::Type(_) => None,
                })
                .collect(),
            FuncCode::Error(_) => Vec::new(),
        }
    }
}

pub fn encode(o: &Object) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.str(&o.path);
    w.len(o.funcs.len());
    for f in &o.funcs {
        w.str(&f.name);
        match &f.code {
            FuncCode::Native(c) => {
                w.u8(0);
                w.bytes(&c.bytes);
                w.len(c.relocs.len());
                for r in &c.relocs {
                    w.len(r.offset);
                    w.u8(r.kind.0);
                    w.str(&r.symbol);
                    w.int(r.addend);
                }
            }
            FuncCode::Wasm(wf) => {
                w.u8(1);
                w.sig(&wf.sig);
                w.opt_str(wf.export.as_deref());
                w.len(wf.locals.len());
                for &(n, t) in &wf.locals {
                    w.len(n as usize);
                    w.u8(match t {
                        ValType::I32 => 0,
                        ValType::I64 => 1,
                        ValType::F32 => 2,
                        ValType::F64 => 3,
                        _ => 4,
                    });
                }
                w.bytes(&wf.code);
                w.len(wf.relocs.len());
                for r in &wf.relocs {
                    w.len(r.off);
                    match &r.target {
                        RelocTarget::Func(n) => {
                            w.u8(0);
                            w.str(n);
                        }
                        RelocTarget::Table(n) => {
                            w.u8(1);
                            w.str(n);
                        }
                        RelocTarget::Data(n) => {
                            w.u8(2);
                            w.str(n);
                        }
                        RelocTarget::Type(s) => {
                            w.u8(3);
                            w.sig(s);
                        }
                    }
                }
            }
            FuncCode::Error(e) => {
                w.u8(2);
                w.str(e);
            }
        }
    }
    w.len(o.data.len());
    for d in &o.data {
        w.str(&d.name);
        w.len(d.size as usize);
        w.len(d.align as usize);
        w.u8(u8::from(d.readonly));
        w.bytes(&d.init);
        w.len(d.relocs.len());
        for r in &d.relocs {
            w.len(r.off as usize);
            let (k, width) = match r.kind {
                RelocKind::Addr { width } => (0, width),
                RelocKind::Func { width } => (1, width),
            };
            w.u8(k);
            w.u8(width);
            w.str(&r.target);
            w.int(r.addend);
        }
    }
    w.len(o.host_imports.len());
    for d in &o.host_imports {
        w.str(&d.name);
        w.sig(&d.sig);
        let (m, n) = d.import.clone().unwrap_or_default();
        w.str(&m);
        w.str(&n);
    }
    w.len(o.dynimports.len());
    for d in &o.dynimports {
        w.str(&d.symbol);
        w.str(&d.name);
        w.str(&d.library);
    }
    w.len(o.vars.len());
    for (v, t) in &o.vars {
        w.str(v);
        w.str(t);
    }
    w.str(&o.export);
    w.0
}

pub fn decode(bytes: &[u8]) -> Result<Object, Corrupt> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(Corrupt)?;
    let mut r = Reader(rest);
    let path = r.str()?;
    let mut funcs = Vec::new();
    for _ in 0..r.len()? {
        let name = r.str()?;
        let code = match r.u8()? {
            0 => {
                let bytes = r.bytes()?;
                let mut relocs = Vec::new();
                for _ in 0..r.len()? {
                    relocs.push(Reloc {
                        offset: r.len()?,
                        kind: CodeRelocKind(r.u8()?),
                        symbol: r.str()?,
                        addend: r.int()?,
                    });
                }
                FuncCode::Native(Code { bytes, relocs })
            }
            1 => {
                let sig = r.sig()?;
                let export = r.opt_str()?;
                let mut locals = Vec::new();
                for _ in 0..r.len()? {
                    let n = u32::try_from(r.len()?).map_err(|_| Corrupt)?;
                    let t = match r.u8()? {
                        0 => ValType::I32,
                        1 => ValType::I64,
                        2 => ValType::F32,
                        3 => ValType::F64,
                        _ => return Err(Corrupt),
                    };
                    locals.push((n, t));
                }
                let code = r.bytes()?;
                let mut relocs = Vec::new();
                for _ in 0..r.len()? {
                    let off = r.len()?;
                    if off.checked_add(5).is_none_or(|end| end > code.len()) {
                        return Err(Corrupt);
                    }
                    let target = match r.u8()? {
                        0 => RelocTarget::Func(r.str()?),
                        1 => RelocTarget::Table(r.str()?),
                        2 => RelocTarget::Data(r.str()?),
                        3 => RelocTarget::Type(r.sig()?),
                        _ => return Err(Corrupt),
                    };
                    relocs.push(CodeReloc { off, target });
                }
                FuncCode::Wasm(WasmFunc { name: name.clone(), sig, export, locals, code, relocs })
            }
            2 => FuncCode::Error(r.str()?),
            _ => return Err(Corrupt),
        };
        funcs.push(Func { name, code });
    }
    let mut data = Vec::new();
    for _ in 0..r.len()? {
        let name = r.str()?;
        let size = u32::try_from(r.len()?).map_err(|_| Corrupt)?;
        let align = u32::try_from(r.len()?).map_err(|_| Corrupt)?;
        let readonly = r.u8()? != 0;
        let init = r.bytes()?;
        let mut relocs = Vec::new();
        for _ in 0..r.len()? {
            let off = u32::try_from(r.len()?).map_err(|_| Corrupt)?;
            let kind = match (r.u8()?, r.u8()?) {
                (0, width) => RelocKind::Addr { width },
                (1, width) => RelocKind::Func { width },
                _ => return Err(Corrupt),
            };
            relocs.push(ir::Reloc { off, kind, target: r.str()?, addend: r.int()? });
        }
        data.push(Data { name, size, align, readonly, init, relocs });
    }
    let mut host_imports = Vec::new();
    for _ in 0..r.len()? {
        let name = r.str()?;
        let sig = r.sig()?;
        let module = r.str()?;
        let field = r.str()?;
        host_imports.push(Decl { name, sig, import: Some((module, field)) });
    }
    let mut dynimports = Vec::new();
    for _ in 0..r.len()? {
        dynimports.push(DynImport { symbol: r.str()?, name: r.str()?, library: r.str()? });
    }
    let mut vars = Vec::new();
    for _ in 0..r.len()? {
        vars.push((r.str()?, r.str()?));
    }
    let export = r.str()?;
    if !r.is_empty() {
        return Err(Corrupt);
    }
    Ok(Object { path, funcs, data, host_imports, dynimports, vars, export })
}

/// The IR signature encoding, on top of `base::wire`.
trait SigWriter {
    fn sig(&mut self, s: &Sig);
}

impl SigWriter for Writer {
    fn sig(&mut self, s: &Sig) {
        for ts in [&s.params, &s.results] {
            self.len(ts.len());
            for t in ts {
                self.u8(match t {
                    Ty::I32 => 0,
                    Ty::I64 => 1,
                    Ty::F32 => 2,
                    Ty::F64 => 3,
                    Ty::Ptr => 4,
                });
            }
        }
    }
}

trait SigReader {
    fn sig(&mut self) -> Result<Sig, Corrupt>;
}

impl SigReader for Reader<'_> {
    fn sig(&mut self) -> Result<Sig, Corrupt> {
        let mut tys = [Vec::new(), Vec::new()];
        for ts in &mut tys {
            for _ in 0..self.len()? {
                ts.push(match self.u8()? {
                    0 => Ty::I32,
                    1 => Ty::I64,
                    2 => Ty::F32,
                    3 => Ty::F64,
                    4 => Ty::Ptr,
                    _ => return Err(Corrupt),
                });
            }
        }
        let [params, results] = tys;
        Ok(Sig { params, results })
    }
}
