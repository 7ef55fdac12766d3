//! The IR generator: one type-checked package (its syntax trees and `typeck::Info`)
//! in, one `ir::Module` out, plus a positioned diagnostic for every construct the
//! compiler does not support yet (never a crash or a wrong program).
//!
//! Lowering conventions (shared with the runtime written in Go, `goroot/src/runtime`):
//!
//! * A Go value is a group of scalars — one for booleans, numbers and pointers, two
//!   for strings (pointer, length), three for slices — or, for arrays and structs, the
//!   address of memory holding it. Values cross IR blocks in variables, so every
//!   temporary is a variable.
//! * A Go function's IR signature is: the closure context (a word), then each
//!   parameter's scalars (an array or struct parameter as the address of the caller's
//!   copy), then one result address per array or struct result; the scalar results
//!   are the IR results.
//! * Panics do not unwind the machine stack: `runtime.gopanic` records the panic and
//!   sets the goroutine's `panicking` flag; a call that returns with it set makes
//!   its caller return too (the back ends test it, see `ir`), except in functions
//!   with deferred calls, which test it themselves and run those on their exit
//!   path. Failing run-time checks are `check` instructions.
//! * Bodyless functions are the runtime's intrinsics (`memmove`, `memgrow`, …), host
//!   imports (`//go:wasmimport`), or other symbols (`//go:linkname`).
//! * Division, shifts and conversions follow Go's rules (zero-divide and
//!   negative-shift panics, `MinInt / -1` wraps, large shift counts); narrow
//!   integers are re-normalized after arithmetic; index and slice bounds are
//!   checked with Go's messages.
//! * Locals whose address is taken, and variables a function literal captures,
//!   live on the heap. There is no escape analysis: where Go gives a small
//!   non-escaping slice a 32-byte stack buffer first, `cap` after the first
//!   `append` can read 4 where crossplay's heap growth reads 1.
//! * A function value is a pointer to a closure object `{code, captured variable
//!   addresses...}`, called with the object as the context word; a package
//!   function as a value is a static one-word closure (`go:closure.SYM`); a method
//!   value holds a wrapper's code and the receiver (`pkg..mv.SYM`).
//! * Maps are pointers to the runtime's `hmap`; a map index is a place whose entry
//!   is found (`mapaccess1/2`) or added (`mapassign`) only when it is read or
//!   written, as Go's two-phase assignment requires. In three-clause `for` loops
//!   each iteration gets fresh copies of heap variables (Go 1.22's per-iteration
//!   variables).
//! * Directives: `//go:wasmimport` (module `gojs` gets Go's stack ABI, arguments at
//!   sp+8 as `wasm_exec.js` reads them; any other module typed parameters),
//!   `//go:wasmexport` (a wrapper that hands an unrecovered panic to
//!   `runtime.fatalpanic`), `//go:linkname`, `//go:noinline` (`ir::Func::noinline`),
//!   `//go:cgo_import_dynamic` (an `ir::DynImport`). The module lists the
//!   package's variables with their types (`ir::Module::vars`) for the linker's
//!   `-X`.
//!
//! Modules: `types` (which scalars make a value, sizes, signatures), `func`
//! (functions and statements), `expr`, `order` (gc's evaluation order), `defer`,
//! `iface` (interface conversions, method calls through itabs, assertions, type
//! switches), `rtype` (type descriptors in `internal/abi`'s layout, method sets,
//! wrappers, static itabs; emitted by any module that needs them and deduplicated
//! by the linker), `staticinit` (package variables laid out as data).
//!
//! Not lowered yet, each a positioned diagnostic: generic code, goroutines,
//! channels and `select`, complex numbers.

mod defer;
mod expr;
mod func;
mod iface;
mod order;
mod rtype;
mod staticinit;
mod types;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use syntax::ast;
use typeck::types::{ObjId, PkgId, SrcPos};
use typeck::{Info, World};

pub use types::Class;

/// The target facts the generator needs.
#[derive(Clone, Debug)]
pub struct Target {
    pub goos: String,
    pub goarch: String,
    /// The pointer size in bytes.
    pub word_size: u64,
    /// Loop variables are per iteration (Go 1.22 and later); false for a
    /// package whose go.mod says an older Go, where one variable serves every
    /// iteration.
    pub loopvar: bool,
}

/// The file of a diagnostic without a source position (Go's link errors).
pub const NO_FILE: u32 = u32::MAX;

/// A construct the compiler does not support yet, or another generation error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub pos: SrcPos,
    pub msg: String,
}

/// A file of the package: its syntax tree and its id in the `World`.
#[derive(Clone, Copy, Debug)]
pub struct GenFile<'a> {
    pub ast: &'a ast::File,
    pub id: u32,
}

/// The symbol that runs every package's initialization, in dependency order; the
/// driver defines it and the runtime reaches it through `//go:linkname`.
pub const INITS_SYMBOL: &str = "go:inits";

/// A package's initialization function.
pub fn init_symbol(pkg_path: &str) -> String {
    format!("{pkg_path}.init")
}

pub fn generate(
    w: &World,
    pkg: PkgId,
    files: &[GenFile<'_>],
    info: &Info,
    target: &Target,
) -> (ir::Module, Vec<Diag>) {
    let word = if target.word_size == 8 { ir::Ty::I64 } else { ir::Ty::I32 };
    let mut g = Gen {
        w,
        info,
        pkg,
        path: w.pkgs[pkg.0 as usize].path.clone(),
        target,
        word,
        module: ir::Module::default(),
        diags: Vec::new(),
        declared: BTreeMap::new(),
        strings: HashMap::new(),
        file: 0,
        linknames: HashMap::new(),
        bodyless: std::collections::HashSet::new(),
        wasm_imports: HashMap::new(),
        wasm_exports: HashMap::new(),
        noinline: std::collections::HashSet::new(),
        type_syms: BTreeSet::new(),
        lits: 0,
        statics: 0,
    };
    g.run(files);
    g.diags.sort_by_key(|d| d.pos);
    g.diags.dedup();
    (g.module, g.diags)
}

pub(crate) struct Gen<'a> {
    pub(crate) w: &'a World,
    pub(crate) info: &'a Info,
    pub(crate) pkg: PkgId,
    pub(crate) path: String,
    pub(crate) target: &'a Target,
    pub(crate) word: ir::Ty,
    pub(crate) module: ir::Module,
    pub(crate) diags: Vec<Diag>,
    /// Functions declared in the module (defined elsewhere or here).
    pub(crate) declared: BTreeMap<String, ir::Sig>,
    pub(crate) strings: HashMap<Vec<u8>, String>,
    /// The world id of the file being generated.
    pub(crate) file: u32,
    /// Bodyless functions of this package bound to another symbol.
    pub(crate) linknames: HashMap<String, String>,
    /// The package's functions declared without a body: in the runtime, the
    /// compiler's intrinsics (a port may define the same names in Go instead).
    pub(crate) bodyless: std::collections::HashSet<String>,
    /// `//go:wasmimport module name` by function name.
    pub(crate) wasm_imports: HashMap<String, (String, String)>,
    /// `//go:wasmexport name` by function name.
    pub(crate) wasm_exports: HashMap<String, String>,
    /// The function declarations (file, position) under `//go:noinline`.
    pub(crate) noinline: std::collections::HashSet<(u32, u32)>,
    /// Type descriptors emitted, by symbol name.
    pub(crate) type_syms: BTreeSet<String>,
    /// Function literals generated so far (they are named `outer.funcN`).
    pub(crate) lits: u32,
    /// Static data objects laid out so far (`pkg..stat_N`).
    pub(crate) statics: u32,
}

impl Gen<'_> {
    pub(crate) fn unsupported(&mut self, off: u32, what: &str) {
        self.diags.push(Diag {
            pos: SrcPos { file: self.file, off },
            msg: format!("crossplay does not support {what} yet"),
        });
    }

    fn run(&mut self, files: &[GenFile<'_>]) {
        // Directives first: they change how bodyless functions are called.
        for f in files {
            self.read_directives(f.id, f.ast);
        }
        // Variable initializers, ranked by the type checker's initialization order.
        let rank: HashMap<_, usize> = self.info.init_order.iter().enumerate().map(|(i, &o)| (o, i)).collect();
        let mut inits: Vec<(usize, u32, &ast::VarDecl, Option<usize>)> = Vec::new();
        let mut init_funcs: Vec<String> = Vec::new();
        for f in files {
            self.file = f.id;
            for d in &f.ast.decls {
                match d {
                    // A blank function or method cannot be called: like gc, emit
                    // nothing for it (two of them would share a symbol).
                    ast::Decl::Func(fd) if fd.name.value == "_" => {}
                    ast::Decl::Func(fd) => {
                        if fd.name.value == "init" && fd.recv.is_none() {
                            let name = format!("{}.init.{}", self.path, init_funcs.len());
                            init_funcs.push(name.clone());
                            self.func_decl(fd, Some(name));
                        } else {
                            self.func_decl(fd, None);
                        }
                    }
                    ast::Decl::Var(vd) => {
                        self.global_vars(vd);
                        let Some(values) = &vd.values else { continue };
                        // Each name with its own initializer is an item; one
                        // multi-value initializer is one item.
                        let own = values.unpack_list().len() == vd.names.len();
                        for (i, n) in vd.names.iter().enumerate() {
                            let rank =
                                self.info.defs.get(&self.node_name(n)).and_then(|o| rank.get(o)).copied();
                            inits.push((rank.unwrap_or(usize::MAX), f.id, vd, own.then_some(i)));
                            if !own {
                                break;
                            }
                        }
                    }
                    ast::Decl::Const(_) | ast::Decl::Type(_) | ast::Decl::Import(_) => {}
                }
            }
        }
        inits.sort_by_key(|i| i.0);
        let inits: Vec<(u32, &ast::VarDecl, Option<usize>)> =
            inits.into_iter().map(|(_, f, vd, i)| (f, vd, i)).collect();
        self.init_func(&inits, &init_funcs);
        self.iface_wrappers();
    }

    fn read_directives(&mut self, file: u32, f: &ast::File) {
        for d in &f.decls {
            if let ast::Decl::Func(fd) = d
                && fd.body.is_none()
                && fd.recv.is_none()
            {
                self.bodyless.insert(fd.name.value.clone());
            }
        }
        for d in &f.directives {
            let words: Vec<&str> = d.text.split_whitespace().collect();
            match words.as_slice() {
                ["//go:linkname", local, target] => {
                    self.linknames.insert((*local).to_string(), (*target).to_string());
                }
                ["//go:wasmimport", module, name] => {
                    if let Some(func) = self.func_after(f, d.offset) {
                        self.wasm_imports.insert(func, ((*module).to_string(), (*name).to_string()));
                    }
                }
                ["//go:cgo_import_dynamic", local, remote, library] => {
                    // The variable `local` becomes the slot the system's loader fills
                    // with `remote`'s address (Go's `name%argcount` form accepted).
                    let name = remote.split('%').next().unwrap_or(remote);
                    self.module.dynimports.push(ir::DynImport {
                        symbol: (*local).to_string(),
                        name: name.to_string(),
                        library: library.trim_matches('"').to_string(),
                    });
                }
                ["//go:wasmexport", name] => {
                    if let Some(func) = self.func_after(f, d.offset) {
                        self.wasm_exports.insert(func, (*name).to_string());
                    }
                }
                ["//go:noinline"] => {
                    // Methods too, so by position rather than name.
                    let next = f.decls.iter().find_map(|decl| match decl {
                        ast::Decl::Func(fd) if fd.pos > d.offset => Some(fd.pos),
                        _ => None,
                    });
                    if let Some(pos) = next {
                        self.noinline.insert((file, pos));
                    }
                }
                _ => {}
            }
        }
    }

    /// The name of the first function declared after offset `off`.
    fn func_after(&self, f: &ast::File, off: u32) -> Option<String> {
        f.decls.iter().find_map(|d| match d {
            ast::Decl::Func(fd) if fd.pos > off => Some(fd.name.value.clone()),
            _ => None,
        })
    }

    /// The IR symbol of a package-level function or method object.
    pub(crate) fn func_symbol(&self, o: ObjId) -> String {
        let obj = self.w.obj(o);
        let pkg = obj.pkg.map_or("", |p| self.w.pkgs[p.0 as usize].path.as_str());
        if obj.pkg == Some(self.pkg)
            && let Some(target) = self.linknames.get(&obj.name)
        {
            return target.clone();
        }
        if let typeck::types::Type::Signature(sig) = self.w.ty(obj.ty)
            && let Some(recv) = sig.recv
        {
            let rt = self.w.obj(recv).ty;
            let (ptr, named) = match self.w.ty(rt) {
                typeck::types::Type::Pointer(e) => (true, *e),
                _ => (false, rt),
            };
            let tname = match self.w.ty(named) {
                typeck::types::Type::Named(n) => self.w.obj(n.obj).name.clone(),
                _ => "?".into(),
            };
            return if ptr {
                format!("{pkg}.(*{tname}).{}", obj.name)
            } else {
                format!("{pkg}.{tname}.{}", obj.name)
            };
        }
        format!("{pkg}.{}", obj.name)
    }

    /// Declares a function defined in another module, once.
    pub(crate) fn declare(&mut self, name: &str, sig: &ir::Sig) {
        if self.declared.contains_key(name) {
            return;
        }
        self.declared.insert(name.to_string(), sig.clone());
        if self.module.funcs.iter().any(|f| f.name == name) {
            return;
        }
        self.module.decls.push(ir::Decl { name: name.into(), sig: sig.clone(), import: None });
    }

    /// The data symbol of a string literal's bytes.
    pub(crate) fn string_data(&mut self, bytes: &[u8]) -> String {
        if let Some(s) = self.strings.get(bytes) {
            return s.clone();
        }
        let name = format!("{}..stmp_{}", self.path, self.strings.len());
        self.module.data.push(ir::Data {
            name: name.clone(),
            size: bytes.len() as u32,
            align: 1,
            readonly: true,
            init: bytes.to_vec(),
            relocs: vec![],
        });
        self.strings.insert(bytes.to_vec(), name.clone());
        name
    }

    fn global_vars(&mut self, vd: &ast::VarDecl) {
        for n in &vd.names {
            let Some(&o) = self.info.defs.get(&self.node_name(n)) else { continue };
            let ty = self.w.obj(o).ty;
            let Some((size, align)) = self.size_align(ty, n.pos) else { continue };
            let name = format!("{}.{}", self.path, n.value);
            self.module.data.push(ir::Data {
                name: name.clone(),
                size: size.max(1) as u32,
                align: align as u32,
                readonly: false,
                init: vec![],
                relocs: vec![],
            });
            let tsym = self.type_symbol(ty);
            self.module.vars.push((name, tsym));
        }
    }

    pub(crate) fn node_name(&self, n: &ast::Name) -> typeck::info::NodeId {
        typeck::info::NodeId { file: self.file, lo: n.pos, hi: n.end() }
    }

    pub(crate) fn node_expr(&self, e: &ast::Expr) -> typeck::info::NodeId {
        typeck::info::NodeId { file: self.file, lo: e.lo, hi: e.hi }
    }
}
