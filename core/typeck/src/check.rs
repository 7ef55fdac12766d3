//! The checker: package-level object collection and declaration checking (types2's
//! resolver.go, decl.go, initorder.go), error reporting, and the entry point.

use crate::constant::Value;
use crate::types::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use syntax::ast;

/// A parsed file handed to the checker.
#[derive(Debug)]
pub struct CheckFile<'a> {
    /// How Go names the file in messages: `./main.go`.
    pub name: String,
    pub src: &'a [u8],
    pub ast: &'a ast::File,
}

/// A type error: where and what, in Go's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError {
    pub pos: SrcPos,
    pub message: String,
    /// Go reports the error but it does not hide others (unused variables, imports).
    pub soft: bool,
}

/// How the package-level object was declared.
#[derive(Clone, Copy)]
pub(crate) enum DeclInfo<'a> {
    Const {
        file: usize,
        ty: Option<&'a ast::Expr>,
        init: Option<&'a ast::Expr>,
        iota: i64,
        inherited: bool,
    },
    Var {
        file: usize,
        decl: &'a ast::VarDecl,
        /// Index into `decl.names`; None when one multi-value init feeds all names.
        index: usize,
    },
    Type {
        file: usize,
        decl: &'a ast::TypeDecl,
    },
    Func {
        file: usize,
        decl: &'a ast::FuncDecl,
    },
}

/// The state of a function body being checked.
#[derive(Clone, Default)]
pub(crate) struct FuncCtx {
    pub sig: Option<TypeId>,
    /// The result parameter objects, for "result parameter not in scope".
    pub results: Vec<ObjId>,
}

pub struct Checker<'w, 'a> {
    pub(crate) w: &'w mut World,
    pub(crate) pkg: PkgId,
    pub(crate) files: &'a [CheckFile<'a>],
    /// World file ids of `files`.
    pub(crate) file_ids: Vec<u32>,
    pub(crate) file_scopes: Vec<ScopeId>,
    pub(crate) errors: Vec<TypeError>,
    pub(crate) decls: HashMap<ObjId, DeclInfo<'a>>,
    /// Objects whose declarations are being checked, innermost last.
    pub(crate) obj_path: Vec<ObjId>,
    /// The length of `obj_path` when each array length being evaluated began: a
    /// cycle of type names that runs through one (type T [len(T{})]int, the
    /// length needing T) is an invalid recursive type.
    pub(crate) array_lengths: Vec<usize>,
    /// The language version (`-lang`), if older than the newest.
    pub(crate) lang: Option<(u32, u32)>,
    /// Aliases whose type was needed, and evaluated, inside their own
    /// declaration (a valid cycle through a defined type).
    pub(crate) early_aliases: HashSet<ObjId>,
    /// Package-level objects fully checked.
    pub(crate) done: HashSet<ObjId>,
    /// Methods by receiver base type name, in source order.
    pub(crate) methods: HashMap<ObjId, Vec<ObjId>>,
    pub(crate) method_decls: HashMap<ObjId, &'a ast::FuncDecl>,
    /// Imports per file, for "imported and not used".
    pub(crate) imports: Vec<ObjId>,
    /// Dependencies of package-level vars and funcs on package-level vars and funcs.
    pub(crate) deps: HashMap<ObjId, Vec<ObjId>>,
    /// The package-level object whose declaration or body is being checked.
    pub(crate) decl_obj: Option<ObjId>,
    /// The file being checked (index into `files`).
    pub(crate) file: usize,
    pub(crate) scope: ScopeId,
    pub(crate) iota: Option<Value>,
    pub(crate) fctx: FuncCtx,
    /// Lazily expanded instances: origin and type arguments to the instance.
    pub(crate) instances: Vec<(TypeId, Vec<TypeId>, TypeId)>,
    pub(crate) type_sets: HashMap<TypeId, Rc<crate::typeset::TypeSet>>,
    /// Interfaces whose type set is being computed (cycle guard).
    pub(crate) computing: HashSet<TypeId>,
    /// Deferred checks of generic instantiations: (pos, tparams, targs).
    pub(crate) later: Vec<Box<dyn FnOnce(&mut Checker<'w, 'a>) + 'a>>,
    /// Function scopes of signatures, for their bodies.
    pub(crate) sig_scopes: HashMap<TypeId, ScopeId>,
    /// Dot-imported objects: (file scope, object, the import's PkgName).
    pub(crate) dot_imports: Vec<(ScopeId, ObjId, ObjId)>,
    /// Local variables of the function body being checked, for "declared and not used".
    pub(crate) locals: Vec<ObjId>,
    /// Variables whose type was declared (not inferred from the initializer).
    pub(crate) var_typed: HashSet<ObjId>,
    /// The assignment target is the blank identifier.
    pub(crate) blank_target: bool,
    /// The last call expression checked was a conversion.
    pub(crate) last_call_conversion: bool,
    /// The function expression of the call being checked (for partial instantiation).
    pub(crate) in_call_fun: Option<&'a ast::Expr>,
    /// Explicit type arguments of partially instantiated generic functions in calls.
    pub(crate) partial_targs: HashMap<*const ast::Expr, Vec<TypeId>>,
    /// What is recorded for the IR generator.
    pub(crate) info: crate::info::Info,
    /// Expression recursion depth, and whether its limit was hit.
    pub(crate) expr_depth: u32,
    pub(crate) too_deep: bool,
}

/// The result of checking a package.
#[derive(Debug)]
pub struct Checked {
    pub pkg: PkgId,
    /// In the order found; `format_errors` prints them as Go does.
    pub errors: Vec<TypeError>,
    pub info: crate::info::Info,
}

impl core::fmt::Debug for Checker<'_, '_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Checker")
            .field("pkg", &self.pkg)
            .field("errors", &self.errors)
            .finish_non_exhaustive()
    }
}

/// Checks one package: `files` (parsed, in the order Go lists them) of import path
/// `path`, whose imports are already in `w` (see `World::pkg_by_path`). Returns the
/// package, its errors in the order they were found (`format_errors` prints them as
/// Go does), and the recorded `Info`.
pub fn check_package(w: &mut World, path: &str, files: &[CheckFile<'_>]) -> Checked {
    check_package_lang(w, path, files, None)
}

/// `check_package` for a package whose language version (its module's go.mod
/// `go` line, as `-lang`) is `lang` (major, minor); None for the newest. Features
/// newer than it are errors, worded as cmd/compile words them.
pub fn check_package_lang(
    w: &mut World,
    path: &str,
    files: &[CheckFile<'_>],
    lang: Option<(u32, u32)>,
) -> Checked {
    let name = files.first().map_or("main", |f| f.ast.package.value.as_str()).to_string();
    let pkg = w.new_package(path, &name);
    let file_ids: Vec<u32> = files.iter().map(|f| w.add_file(&f.name, f.src)).collect();
    let universe = w.universe;
    let mut c = Checker {
        w,
        pkg,
        files,
        file_ids,
        file_scopes: Vec::new(),
        errors: Vec::new(),
        decls: HashMap::new(),
        obj_path: Vec::new(),
        array_lengths: Vec::new(),
        lang,
        early_aliases: HashSet::new(),
        done: HashSet::new(),
        methods: HashMap::new(),
        method_decls: HashMap::new(),
        imports: Vec::new(),
        deps: HashMap::new(),
        decl_obj: None,
        file: 0,
        scope: universe,
        iota: None,
        fctx: FuncCtx::default(),
        instances: Vec::new(),
        type_sets: HashMap::new(),
        computing: HashSet::new(),
        later: Vec::new(),
        sig_scopes: HashMap::new(),
        dot_imports: Vec::new(),
        locals: Vec::new(),
        var_typed: HashSet::new(),
        blank_target: false,
        last_call_conversion: false,
        in_call_fun: None,
        partial_targs: HashMap::new(),
        info: crate::info::Info::default(),
        expr_depth: 0,
        too_deep: false,
    };
    c.collect_objects();
    c.package_objects();
    c.process_later();
    c.init_order();
    c.record_init_order();
    c.unused_imports();
    Checked { pkg, errors: c.errors, info: c.info }
}

/// Formats errors as the compiler prints them. Errors arrive in the order they were
/// found; like cmd/compile, the tenth one stops the build: the ones found so far are
/// printed sorted by position (identical lines once), then `POS: too many errors` at
/// the tenth error's position.
pub fn format_errors(w: &World, errors: &[TypeError]) -> Vec<String> {
    let mut first: Vec<&TypeError> = errors.iter().take(10).collect();
    first.sort_by_key(|e| e.pos);
    let mut out: Vec<String> = Vec::new();
    for e in first {
        let line = format!("{}: {}", w.pos_string(e.pos), e.message);
        if out.last() != Some(&line) {
            out.push(line);
        }
    }
    if errors.len() >= 10 {
        out.push(format!("{}: too many errors", w.pos_string(errors[9].pos)));
    }
    out
}

impl<'w, 'a> Checker<'w, 'a> {
    pub(crate) fn node(&self, lo: u32, hi: u32) -> crate::info::NodeId {
        crate::info::NodeId { file: self.file_ids[self.file], lo, hi }
    }

    pub(crate) fn record_def(&mut self, n: &ast::Name, o: ObjId) {
        let id = self.node(n.pos, n.end());
        self.info.defs.insert(id, o);
    }

    pub(crate) fn record_use(&mut self, e: &ast::Expr, o: ObjId) {
        let id = self.node(e.lo, e.hi);
        self.info.uses.insert(id, o);
    }

    /// Records the type and value of `x` for its expression.
    pub(crate) fn record_operand(&mut self, x: &crate::operand::Operand<'_>) {
        use crate::info::ExprMode as M;
        use crate::operand::Mode;
        let Some(e) = x.expr else { return };
        let mode = match x.mode {
            Mode::Invalid => return,
            Mode::NoValue => M::NoValue,
            Mode::Builtin(b) => M::Builtin(b),
            Mode::TypeExpr => M::TypeExpr,
            Mode::Constant(_) => M::Constant,
            Mode::Variable => M::Variable,
            Mode::MapIndex => M::MapIndex,
            Mode::Value => M::Value,
            Mode::CommaOk => M::CommaOk,
            Mode::Nil => M::Nil,
        };
        let value = x.val().cloned();
        let id = self.node(e.lo, e.hi);
        self.info.types.insert(id, crate::info::TypeAndValue { mode, ty: x.ty, value });
    }

    pub(crate) fn pos(&self, off: u32) -> SrcPos {
        SrcPos { file: self.file_ids[self.file], off }
    }

    pub(crate) fn error_at(&mut self, off: u32, msg: impl Into<String>) {
        let pos = self.pos(off);
        self.errors.push(TypeError { pos, message: msg.into(), soft: false });
    }

    pub(crate) fn soft_error_at(&mut self, off: u32, msg: impl Into<String>) {
        let pos = self.pos(off);
        self.errors.push(TypeError { pos, message: msg.into(), soft: true });
    }

    pub(crate) fn error_pos(&mut self, pos: SrcPos, msg: impl Into<String>) {
        self.errors.push(TypeError { pos, message: msg.into(), soft: false });
    }

    pub(crate) fn obj(&self, o: ObjId) -> &Object {
        self.w.obj(o)
    }

    /// Declares `o` in `scope`, reporting a redeclaration.
    pub(crate) fn declare(&mut self, scope: ScopeId, o: ObjId) {
        if self.obj(o).name == "_" {
            self.w.obj_mut(o).parent = Some(scope);
            return;
        }
        if let Some(_alt) = self.w.insert(scope, o) {
            let (pos, name) = (self.obj(o).pos, self.obj(o).name.clone());
            self.error_pos(pos, format!("{name} redeclared in this block"));
        }
    }

    fn collect_objects(&mut self) {
        let files = self.files;
        let pkg_scope = self.w.pkgs[self.pkg.0 as usize].scope;
        let mut method_list: Vec<(ObjId, &'a ast::FuncDecl)> = Vec::new();
        for (fi, f) in files.iter().enumerate() {
            self.file = fi;
            let file_scope = self.w.new_scope(Some(pkg_scope), false);
            self.file_scopes.push(file_scope);
            let mut group_first: Option<(Option<u32>, usize)> = None;
            let mut last_const: Option<&'a ast::ConstDecl> = None;
            let mut prev_group: Option<u32> = None;
            let mut const_index = 0i64;
            for d in &f.ast.decls {
                if !matches!(d, ast::Decl::Const(_)) {
                    group_first = None;
                }
                match d {
                    ast::Decl::Import(imp) => self.collect_import(imp, file_scope),
                    ast::Decl::Const(cd) => {
                        let new_group = cd.group.is_none() || group_first.is_none() || prev_group != cd.group;
                        if new_group {
                            group_first = Some((cd.group, 0));
                            const_index = 0;
                            last_const = None;
                        } else {
                            const_index += 1;
                        }
                        prev_group = cd.group;
                        let inherited = cd.ty.is_none() && cd.values.is_none();
                        if !inherited {
                            last_const = Some(cd);
                        }
                        let (ty, values) = match last_const {
                            Some(l) => (
                                l.ty.as_ref(),
                                l.values.as_ref().map(|v| v.unpack_list()).unwrap_or_default(),
                            ),
                            None => (None, Vec::new()),
                        };
                        let inherited = inherited && last_const.is_some();
                        for (i, n) in cd.names.iter().enumerate() {
                            let o = self.w.new_obj(
                                &n.value,
                                ObjKind::Const(Value::Unknown),
                                Some(self.pkg),
                                self.pos(n.pos),
                                TypeId::INVALID,
                            );
                            self.record_def(n, o);
                            self.decls.insert(
                                o,
                                DeclInfo::Const {
                                    file: fi,
                                    ty,
                                    init: values.get(i).copied(),
                                    iota: const_index,
                                    inherited,
                                },
                            );
                            self.declare_pkg_obj(o);
                        }
                        self.arity(cd.pos, &cd.names, &values, true, inherited);
                    }
                    ast::Decl::Var(vd) => {
                        let values = vd.values.as_ref().map(|v| v.unpack_list()).unwrap_or_default();
                        for (i, n) in vd.names.iter().enumerate() {
                            let o = self.w.new_obj(
                                &n.value,
                                ObjKind::Var(VarKind::PackageVar),
                                Some(self.pkg),
                                self.pos(n.pos),
                                TypeId::INVALID,
                            );
                            self.record_def(n, o);
                            self.decls.insert(o, DeclInfo::Var { file: fi, decl: vd, index: i });
                            self.declare_pkg_obj(o);
                        }
                        if vd.ty.is_none() || !values.is_empty() {
                            self.arity(vd.pos, &vd.names, &values, false, false);
                        }
                    }
                    ast::Decl::Type(td) => {
                        let o = self.w.new_obj(
                            &td.name.value,
                            ObjKind::TypeName { alias: td.alias },
                            Some(self.pkg),
                            self.pos(td.name.pos),
                            TypeId::INVALID,
                        );
                        self.record_def(&td.name, o);
                        self.decls.insert(o, DeclInfo::Type { file: fi, decl: td });
                        self.declare_pkg_obj(o);
                    }
                    ast::Decl::Func(fd) => {
                        let name = fd.name.value.as_str();
                        let o = self.w.new_obj(
                            name,
                            ObjKind::Func { ptr_recv: false },
                            Some(self.pkg),
                            self.pos(fd.name.pos),
                            TypeId::INVALID,
                        );
                        self.record_def(&fd.name, o);
                        self.decls.insert(o, DeclInfo::Func { file: fi, decl: fd });
                        if fd.recv.is_none() {
                            let is_main = name == "main" && self.w.pkgs[self.pkg.0 as usize].name == "main";
                            if name == "init" || is_main {
                                if let Some(tp) = fd.tparams.first() {
                                    self.soft_error_at(
                                        tp.pos,
                                        format!("func {name} must have no type parameters"),
                                    );
                                }
                                if !fd.ty.params.is_empty() || !fd.ty.results.is_empty() {
                                    self.soft_error_at(
                                        fd.name.pos,
                                        format!("func {name} must have no arguments and no return values"),
                                    );
                                }
                            }
                            if name == "init" {
                                self.w.obj_mut(o).parent = Some(pkg_scope);
                                if fd.body.is_none() {
                                    self.soft_error_at(fd.name.pos, "func init must have a body");
                                }
                            } else {
                                self.declare(pkg_scope, o);
                            }
                        } else {
                            method_list.push((o, fd));
                        }
                    }
                }
            }
        }
        // Objects of the package scope must not clash with file-scope imports.
        for fi in 0..files.len() {
            let fs = self.file_scopes[fi];
            let order = self.w.scopes[fs.0 as usize].order.clone();
            for o in order {
                let name = self.obj(o).name.clone();
                if let Some(alt) = self.w.lookup_local(pkg_scope, &name) {
                    let (apos, opos) = (self.obj(alt).pos, self.obj(o).pos);
                    if matches!(self.obj(o).kind, ObjKind::PkgName { .. }) {
                        let s = self.w.pos_string(opos);
                        self.error_pos(
                            apos,
                            format!("{name} already declared through import of package {s}"),
                        );
                    }
                }
            }
        }
        // Associate methods with their receiver base type names.
        for (o, fd) in method_list {
            self.method_decls.insert(o, fd);
            let Some(recv) = &fd.recv else { continue };
            let (_, base) = unpack_recv(&recv.ty);
            if let ast::ExprKind::Name(n) = &base.kind {
                if fd.name.value == "_" {
                    continue;
                }
                if let Some(tn) = self.w.lookup_local(pkg_scope, n)
                    && matches!(self.obj(tn).kind, ObjKind::TypeName { .. })
                    && self.obj(tn).pkg == Some(self.pkg)
                {
                    // Through aliases of the package (type B = A; type A = T), as
                    // types2's resolveBaseTypeName, to the type defined.
                    let tn = self.alias_base(pkg_scope, tn);
                    self.methods.entry(tn).or_default().push(o);
                }
            }
        }
    }

    /// The type name `tn` denotes after following the package's alias
    /// declarations whose right-hand side is a plain name (at most as many as
    /// there are objects, so a cycle stops); `tn` itself if it is no alias.
    fn alias_base(&self, pkg_scope: ScopeId, mut tn: ObjId) -> ObjId {
        for _ in 0..self.decls.len() {
            let Some(DeclInfo::Type { decl, .. }) = self.decls.get(&tn) else { break };
            if !decl.alias {
                break;
            }
            let ast::ExprKind::Name(n) = &decl.ty.kind else { break };
            match self.w.lookup_local(pkg_scope, n) {
                Some(next) if matches!(self.obj(next).kind, ObjKind::TypeName { .. }) => tn = next,
                _ => break,
            }
        }
        tn
    }

    fn declare_pkg_obj(&mut self, o: ObjId) {
        let name = self.obj(o).name.clone();
        let pos = self.obj(o).pos;
        if name == "init" {
            self.error_pos(pos, "cannot declare init - must be func");
            return;
        }
        if name == "main" && self.w.pkgs[self.pkg.0 as usize].name == "main" {
            self.error_pos(pos, "cannot declare main - must be func");
            return;
        }
        let scope = self.w.pkgs[self.pkg.0 as usize].scope;
        self.declare(scope, o);
    }

    pub(crate) fn arity_local(&mut self, pos: u32, names: &[ast::Name], inits: &[&ast::Expr]) {
        self.arity(pos, names, inits, false, false);
    }

    fn arity(
        &mut self,
        pos: u32,
        names: &[ast::Name],
        inits: &[&ast::Expr],
        const_decl: bool,
        inherited: bool,
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = inits[l];
            if inherited {
                let at = self.w.pos_string(self.pos(n.pos));
                self.error_at(pos, format!("extra init expr at {at}"));
            } else {
                let s = syntax::printer::expr_string(n);
                self.error_at(n.lo, format!("extra init expr {s}"));
            }
        } else if l > r && (const_decl || r != 1) {
            let n = &names[r];
            self.error_at(n.pos, format!("missing init expr for {}", n.value));
        }
    }

    fn collect_import(&mut self, imp: &'a ast::ImportDecl, file_scope: ScopeId) {
        let Some(path_lit) = &imp.path else { return };
        let Some(path) = crate::constant::unquote(&path_lit.value).and_then(|b| String::from_utf8(b).ok())
        else {
            return;
        };
        if path == "C" {
            return;
        }
        let Some(&ipkg) = self.w.pkg_by_path.get(&path) else {
            self.error_at(path_lit.pos, format!("could not import {path} (package not found)"));
            return;
        };
        let pkg_name = self.w.pkgs[ipkg.0 as usize].name.clone();
        let (name, pos) = match &imp.local {
            Some(n) => (n.value.clone(), n.pos),
            None => (pkg_name.clone(), path_lit.pos),
        };
        if name == "init" {
            self.error_at(pos, "cannot import package as init - init must be a func");
            return;
        }
        let o = self.w.new_obj(
            &name,
            ObjKind::PkgName { pkg: ipkg, used: false },
            Some(self.pkg),
            self.pos(pos),
            TypeId::INVALID,
        );
        let me = self.pkg.0 as usize;
        if !self.w.pkgs[me].imports.contains(&ipkg) {
            self.w.pkgs[me].imports.push(ipkg);
        }
        if name == "_" {
            return;
        }
        self.imports.push(o);
        if name == "." {
            let iscope = self.w.pkgs[ipkg.0 as usize].scope;
            let order = self.w.scopes[iscope.0 as usize].order.clone();
            for m in order {
                if self.obj(m).exported() {
                    let mname = self.obj(m).name.clone();
                    if self.w.lookup_local(file_scope, &mname).is_some() {
                        self.error_at(pos, format!("{mname} redeclared in this block"));
                    } else {
                        let s = &mut self.w.scopes[file_scope.0 as usize];
                        s.names.insert(mname, m);
                        s.order.push(m);
                        self.dot_imports.push((file_scope, m, o));
                    }
                }
            }
            return;
        }
        self.declare(file_scope, o);
    }

    fn unused_imports(&mut self) {
        for o in self.imports.clone() {
            let ObjKind::PkgName { pkg, used } = self.obj(o).kind else { continue };
            if used {
                continue;
            }
            let path = self.w.pkgs[pkg.0 as usize].path.clone();
            let elem = path.rsplit('/').next().unwrap_or(&path).to_string();
            let name = self.obj(o).name.clone();
            let pos = self.obj(o).pos;
            let msg = if name == "." || name == elem {
                format!("{} imported and not used", crate::constant::quote(path.as_bytes()))
            } else {
                format!("{} imported as {name} and not used", crate::constant::quote(path.as_bytes()))
            };
            self.errors.push(TypeError { pos, message: msg, soft: true });
        }
    }

    /// Checks every package-level declaration, then every function body.
    fn package_objects(&mut self) {
        let mut objs: Vec<ObjId> = self.decls.keys().copied().collect();
        objs.sort();
        // Type declarations first (types2 does aliases and types before the rest, so
        // methods are attached before values need them).
        for &o in &objs {
            if matches!(self.decls[&o], DeclInfo::Type { .. }) {
                self.obj_decl(o);
            }
        }
        for &o in &objs {
            if !matches!(self.decls[&o], DeclInfo::Type { .. }) {
                self.obj_decl(o);
            }
        }
        // Methods not attached to a type (invalid receivers) are still checked.
        for &o in &objs {
            if let DeclInfo::Func { decl, file } = self.decls[&o]
                && decl.body.is_some()
            {
                self.func_body_of(o, file, decl);
            }
        }
    }

    /// Checks a package-level object's declaration, once; reports cycles.
    pub(crate) fn obj_decl(&mut self, o: ObjId) {
        if self.done.contains(&o) {
            return;
        }
        let Some(&info) = self.decls.get(&o) else { return };
        if let Some(i) = self.obj_path.iter().position(|&p| p == o) {
            let before = self.errors.len();
            self.cycle_error(i, o);
            // A valid cycle through an alias whose type is not known yet (type
            // List = []Node; type Node struct{ kids List }): its right-hand side
            // is evaluated now, the defined types it names existing already.
            if self.errors.len() == before
                && let DeclInfo::Type { file, decl } = info
                && decl.alias
                && decl.tparams.is_empty()
                && self.obj(o).ty == TypeId::INVALID
                && self.early_aliases.insert(o)
            {
                let saved = (self.file, self.scope);
                self.file = file;
                self.scope = self.file_scopes[file];
                let t = self.typ(&decl.ty);
                (self.file, self.scope) = saved;
                if self.obj(o).ty == TypeId::INVALID {
                    self.w.objs[o.0 as usize].ty = t;
                }
            }
            return;
        }
        // A type name in progress is fine to refer to: its Named type exists already.
        self.obj_path.push(o);
        let saved = (self.file, self.scope, self.iota.take(), core::mem::take(&mut self.fctx), self.decl_obj);
        match info {
            DeclInfo::Const { file, ty, init, iota, inherited } => {
                self.file = file;
                self.scope = self.file_scopes[file];
                self.decl_obj = Some(o);
                self.const_decl(o, ty, init, iota, inherited);
            }
            DeclInfo::Var { file, decl, index } => {
                self.file = file;
                self.scope = self.file_scopes[file];
                self.decl_obj = Some(o);
                self.pkg_var_decl(o, decl, index);
            }
            DeclInfo::Type { file, decl } => {
                self.file = file;
                self.scope = self.file_scopes[file];
                self.decl_obj = None;
                self.type_decl(o, decl);
            }
            DeclInfo::Func { file, decl } => {
                self.file = file;
                self.scope = self.file_scopes[file];
                self.decl_obj = Some(o);
                self.func_decl(o, decl);
            }
        }
        (self.file, self.scope, self.iota, self.fctx, self.decl_obj) = saved;
        self.obj_path.pop();
        self.done.insert(o);
    }

    /// Why a feature of Go 1.`minor` is not allowed here: `requires go1.N or
    /// later (-lang was set to go1.M; check go.mod)`, or None.
    pub(crate) fn version_cause(&self, minor: u32) -> Option<String> {
        let (major, have) = self.lang?;
        ((major, have) < (1, minor)).then(|| {
            format!("requires go1.{minor} or later (-lang was set to go{major}.{have}; check go.mod)")
        })
    }

    fn cycle_error(&mut self, start: usize, o: ObjId) {
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        // A cycle through a type name is valid unless every member is a type or the
        // cycle is a const/var initialization cycle.
        let tnames = cycle.iter().filter(|&&c| matches!(self.obj(c).kind, ObjKind::TypeName { .. })).count();
        // Cycles of constants and variables only are initialization cycles, reported
        // by init_order.
        if cycle.iter().all(|&c| matches!(self.obj(c).kind, ObjKind::Const(_) | ObjKind::Var(_))) {
            return;
        }
        let funcs = cycle.iter().any(|&c| matches!(self.obj(c).kind, ObjKind::Func { .. }));
        if tnames > 0 && tnames < cycle.len() || funcs && tnames == 0 {
            // types2: a function in the cycle makes it valid (recursive functions), and
            // mixed type/value cycles are reported by validType / the use site.
            if funcs {
                return;
            }
        }
        if tnames == cycle.len() {
            // type T = T or type T [len(T{})]int style cycles: only aliases and array
            // lengths get here, because Named types are created before their RHS.
            // Valid if a type definition is among them (types2's validCycle:
            // type L = []L2; type L2 struct{ next L }), unless it runs through an
            // array length evaluated while declaring a member of the cycle.
            let defined =
                cycle.iter().any(|&c| matches!(self.obj(c).kind, ObjKind::TypeName { alias: false }));
            let through_length = self.array_lengths.iter().any(|&s| s > start);
            if defined && !through_length {
                return;
            }
        }
        // Report at the first object of the cycle in source order.
        let first = *cycle.iter().min_by_key(|&&c| self.obj(c).pos).unwrap_or(&o);
        let name = self.obj(first).name.clone();
        let pos = self.obj(first).pos;
        if cycle.len() == 1 && tnames == 1 {
            self.error_pos(pos, format!("invalid recursive type: {name} refers to itself"));
        } else if tnames == cycle.len() {
            self.error_pos(pos, format!("invalid recursive type {name}"));
        } else if cycle.len() == 1 {
            self.error_pos(pos, format!("invalid cycle in declaration: {name} refers to itself"));
        } else {
            self.error_pos(pos, format!("invalid cycle in declaration of {name}"));
        }
        for &c in &cycle {
            if self.obj(c).ty == TypeId::INVALID {
                self.done.insert(c);
            }
        }
    }

    fn const_decl(
        &mut self,
        o: ObjId,
        ty: Option<&'a ast::Expr>,
        init: Option<&'a ast::Expr>,
        iota: i64,
        inherited: bool,
    ) {
        self.iota = Some(Value::int(iota));
        let t = ty.map(|t| {
            let t = self.var_type(t);
            if t != TypeId::INVALID && !self.is_const_type(t) {
                let s = self.type_string(t);
                if let Some(e) = ty {
                    self.error_at(e.lo, format!("invalid constant type {s}"));
                }
                return TypeId::INVALID;
            }
            t
        });
        let mut x = crate::operand::Operand::invalid();
        if let Some(e) = init {
            if inherited {
                // Errors in inherited expressions are reported at the inheriting spec.
                self.expr(&mut x, e);
            } else {
                self.expr(&mut x, e);
            }
        }
        self.init_const(o, t, &mut x, init.is_none());
        self.iota = None;
    }

    fn pkg_var_decl(&mut self, o: ObjId, decl: &'a ast::VarDecl, index: usize) {
        let values = decl.values.as_ref().map(|v| v.unpack_list()).unwrap_or_default();
        let t = decl.ty.as_ref().map(|t| self.var_type(t));
        // n:1 — one multi-valued initializer for all names; check it once for all.
        if values.len() == 1 && decl.names.len() > 1 {
            let lhs: Vec<ObjId> = decl
                .names
                .iter()
                .map(|n| {
                    let scope = self.w.pkgs[self.pkg.0 as usize].scope;
                    self.w
                        .lookup_local(scope, &n.value)
                        .filter(|&c| self.decls.contains_key(&c) && self.obj(c).pos == self.pos(n.pos))
                        .unwrap_or(o)
                })
                .collect();
            if let Some(t) = t {
                for &l in &lhs {
                    self.w.obj_mut(l).ty = t;
                    self.var_typed.insert(l);
                }
            }
            for &l in &lhs {
                if l != o {
                    self.done.insert(l);
                    self.decl_obj = Some(l);
                }
            }
            self.decl_obj = Some(o);
            self.init_vars(&lhs, &values, None);
            // All names share the initializer's dependencies.
            let d = self.deps.get(&o).cloned().unwrap_or_default();
            for &l in &lhs {
                self.deps.entry(l).or_default().extend(d.iter().copied());
            }
            return;
        }
        if let Some(t) = t {
            self.w.obj_mut(o).ty = t;
            self.var_typed.insert(o);
        }
        match values.get(index) {
            Some(e) => {
                let mut x = crate::operand::Operand::invalid();
                self.expr(&mut x, e);
                self.init_var(o, &mut x, "variable declaration");
            }
            None => {
                if t.is_none() {
                    self.w.obj_mut(o).ty = TypeId::INVALID;
                }
            }
        }
    }

    fn func_decl(&mut self, o: ObjId, decl: &'a ast::FuncDecl) {
        let sig = self.func_type(decl.recv.as_ref(), &decl.tparams, &decl.ty, Some(o));
        self.w.obj_mut(o).ty = sig;
        if decl.body.is_none() && !decl.tparams.is_empty() {
            self.soft_error_at(decl.pos, "generic function is missing function body");
        }
    }

    fn func_body_of(&mut self, o: ObjId, file: usize, decl: &'a ast::FuncDecl) {
        let Some(body) = &decl.body else { return };
        let sig = self.obj(o).ty;
        if !matches!(self.w.ty(sig), Type::Signature(_)) {
            return;
        }
        self.file = file;
        self.decl_obj = Some(o);
        let name = decl.name.value.clone();
        self.func_body(&name, sig, body, self.sig_scope(sig));
        self.decl_obj = None;
    }

    /// Records that the declaration being checked refers to package-level object `o`.
    pub(crate) fn record_dep(&mut self, o: ObjId) {
        if let Some(d) = self.decl_obj
            && matches!(
                self.obj(o).kind,
                ObjKind::Var(VarKind::PackageVar) | ObjKind::Func { .. } | ObjKind::Const(_)
            )
            && self.decls.contains_key(&o)
        {
            self.deps.entry(d).or_default().push(o);
        }
    }

    /// Initialization cycles among package-level variables (through functions).
    fn init_order(&mut self) {
        let mut vars: Vec<ObjId> = self
            .decls
            .iter()
            .filter(|(_, d)| matches!(d, DeclInfo::Var { .. } | DeclInfo::Const { .. }))
            .map(|(&o, _)| o)
            .collect();
        vars.sort_by_key(|&o| self.obj(o).pos);
        let mut reported: HashSet<ObjId> = HashSet::new();
        for v in vars {
            if reported.contains(&v) {
                continue;
            }
            // Is v reachable from itself?
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            let mut seen: HashSet<ObjId> = HashSet::new();
            let mut cyclic = false;
            while let Some(n) = stack.pop() {
                if n == v {
                    cyclic = true;
                    break;
                }
                if seen.insert(n) {
                    stack.extend(self.deps.get(&n).cloned().unwrap_or_default());
                }
            }
            if cyclic {
                // Everything on a cycle through v is reported once.
                for n in seen {
                    if matches!(self.obj(n).kind, ObjKind::Var(_) | ObjKind::Const(_)) && self.reaches(n, v) {
                        reported.insert(n);
                    }
                }
                let name = self.obj(v).name.clone();
                let pos = self.obj(v).pos;
                self.error_pos(pos, format!("initialization cycle for {name}"));
            }
        }
    }

    /// The order package variables are initialized in (the spec's rule: repeatedly
    /// the earliest variable in declaration order that depends on no uninitialized
    /// variable; references through functions count). Variables fed by one
    /// multi-value initializer appear together. Recorded in `Info::init_order`.
    fn record_init_order(&mut self) {
        // (variable, its declaration when one multi-value initializer feeds several)
        let mut vars: Vec<(ObjId, Option<ast::Pos>)> = self
            .decls
            .iter()
            .filter_map(|(&o, d)| match d {
                DeclInfo::Var { decl, .. } => {
                    let n = decl.values.as_ref()?.unpack_list().len();
                    Some((o, (n == 1 && decl.names.len() > 1).then_some(decl.pos)))
                }
                _ => None,
            })
            .collect();
        vars.sort_by_key(|&(o, _)| self.obj(o).pos);
        let with_init: HashSet<ObjId> = vars.iter().map(|&(o, _)| o).collect();
        // Each variable's dependencies on variables with initializers, through
        // functions and constants.
        let mut needs: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &(v, _) in &vars {
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            let mut seen: HashSet<ObjId> = HashSet::new();
            let mut need = HashSet::new();
            while let Some(n) = stack.pop() {
                if !seen.insert(n) {
                    continue;
                }
                if matches!(self.obj(n).kind, ObjKind::Var(_)) {
                    if with_init.contains(&n) && n != v {
                        need.insert(n);
                    }
                } else {
                    stack.extend(self.deps.get(&n).cloned().unwrap_or_default());
                }
            }
            needs.insert(v, need);
        }
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut order = Vec::with_capacity(vars.len());
        while order.len() < vars.len() {
            // On a cycle (already an error) the earliest left goes next.
            let pick = vars
                .iter()
                .find(|(v, _)| !done.contains(v) && needs[v].iter().all(|n| done.contains(n)))
                .or_else(|| vars.iter().find(|(v, _)| !done.contains(v)));
            let Some(&(v, multi)) = pick else { break };
            // One multi-value initializer sets all its names at once.
            let together: Vec<ObjId> = match multi {
                None => vec![v],
                Some(_) => vars.iter().filter(|(_, d)| *d == multi).map(|&(o, _)| o).collect(),
            };
            for o in together {
                if done.insert(o) {
                    order.push(o);
                }
            }
        }
        self.info.init_order = order;
    }

    fn reaches(&self, from: ObjId, to: ObjId) -> bool {
        let mut stack = vec![from];
        let mut seen = HashSet::new();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                stack.extend(self.deps.get(&n).cloned().unwrap_or_default());
            }
        }
        false
    }

    fn process_later(&mut self) {
        while !self.later.is_empty() {
            let later = core::mem::take(&mut self.later);
            for f in later {
                f(self);
            }
        }
    }
}

/// A receiver type expression's pointer-ness and base type expression (without type
/// arguments).
pub(crate) fn unpack_recv(e: &ast::Expr) -> (bool, &ast::Expr) {
    let mut e = e.unparen();
    let mut ptr = false;
    if let ast::ExprKind::Operation { op: syntax::token::Op::Mul, x, y: None } = &e.kind {
        ptr = true;
        e = x.unparen();
    }
    if let ast::ExprKind::Index { x, .. } = &e.kind {
        e = x.unparen();
    }
    (ptr, e)
}
