//! Functions and statements.

use crate::Gen;
use crate::types::{Class, FnAbi};
use ir::{Block, Builder, Mem, Term, Ty, Var};
use std::collections::{HashMap, HashSet};
use syntax::ast::{self, ExprKind, StmtKind};
use syntax::token::{Op, Token};
use typeck::types::{ObjId, Type, TypeId};

/// Where a local lives.
#[derive(Clone, Debug)]
pub(crate) enum Local {
    /// Its scalars, in variables.
    Vars(Vec<Var>),
    /// The address of its memory (an array or struct, or a variable whose address
    /// is taken, which lives on the heap).
    Mem(Var),
}

struct LoopTarget {
    label: Option<String>,
    brk: Block,
    cont: Option<Block>,
}

pub(crate) struct FnGen<'g, 'a> {
    pub(crate) g: &'g mut Gen<'a>,
    pub(crate) f: ir::Func,
    pub(crate) cur: Block,
    pub(crate) locals: HashMap<ObjId, Local>,
    results: Vec<(TypeId, Local)>,
    exit: Block,
    loops: Vec<LoopTarget>,
    labels: HashMap<String, Block>,
    pub(crate) addr_taken: HashSet<ObjId>,
    /// The statement's label, for the loop or switch it labels.
    pending_label: Option<String>,
    /// The head of the deferred-call list, in functions with `defer`.
    pub(crate) defer_head: Option<Var>,
    /// Results of calls made ahead of their statement (see order.rs).
    pub(crate) hoisted: HashMap<typeck::info::NodeId, Vec<Gv>>,
    /// Values of expressions evaluated elsewhere (a deferred builtin's
    /// arguments, saved at the `defer`); `expr` returns them as they are.
    pub(crate) preset: HashMap<typeck::info::NodeId, Gv>,
}

impl<'g, 'a> FnGen<'g, 'a> {
    /// A generator for `f`, positioned at its entry block, with a fresh exit block.
    pub(crate) fn new(g: &'g mut Gen<'a>, mut f: ir::Func) -> Self {
        let exit = f.new_block();
        FnGen {
            g,
            f,
            cur: Block(0),
            locals: HashMap::new(),
            results: Vec::new(),
            exit,
            loops: Vec::new(),
            labels: HashMap::new(),
            addr_taken: HashSet::new(),
            pending_label: None,
            defer_head: None,
            hoisted: HashMap::new(),
            preset: HashMap::new(),
        }
    }

    /// Ends a function without results: falls through to the exit block, which returns.
    pub(crate) fn finish(mut self) -> ir::Func {
        self.term(Term::jump(self.exit));
        self.cur = self.exit;
        self.term(Term::Ret(vec![]));
        self.f
    }
}

impl<'a> Gen<'a> {
    pub(crate) fn func_decl(&mut self, fd: &ast::FuncDecl, name: Option<String>) {
        if !fd.tparams.is_empty() {
            self.unsupported(fd.name.pos, "generic functions");
            return;
        }
        let Some(&obj) = self.info.defs.get(&self.node_name(&fd.name)) else { return };
        let sym = name.unwrap_or_else(|| self.func_symbol(obj));
        let sig_ty = self.w.obj(obj).ty;
        let Some(abi) = self.fn_abi(sig_ty, fd.name.pos) else { return };
        let Some(body) = &fd.body else {
            self.bodyless(&fd.name.value, fd.name.pos);
            return;
        };
        let export = self.wasm_exports.get(&fd.name.value).cloned();
        let mut params: Vec<Option<ObjId>> = Vec::new();
        let recv_and_params: Vec<&ast::Field> = fd.recv.iter().chain(fd.ty.params.iter()).collect();
        for p in recv_and_params {
            params.push(p.name.as_ref().and_then(|n| self.info.defs.get(&self.node_name(n)).copied()));
        }
        let mut result_objs: Vec<Option<ObjId>> = Vec::new();
        for r in &fd.ty.results {
            result_objs.push(r.name.as_ref().and_then(|n| self.info.defs.get(&self.node_name(n)).copied()));
        }
        let func = self.function(&sym, abi.clone(), &params, &result_objs, body, &[]);
        if let Some(mut func) = func {
            func.noinline = self.noinline.contains(&(self.file, fd.pos));
            self.module.funcs.push(func);
            if let Some(e) = export {
                self.export_wrapper(&sym, &e, &abi, fd.name.pos);
            }
        }
    }

    /// Generates a function body.
    pub(crate) fn function(
        &mut self,
        sym: &str,
        abi: FnAbi,
        params: &[Option<ObjId>],
        results: &[Option<ObjId>],
        body: &ast::Block,
        captures: &[ObjId],
    ) -> Option<ir::Func> {
        let mut fg = FnGen::new(self, ir::Func::new(sym, abi.sig.clone()));
        if crate::defer::has_defer(body) {
            fg.f.catches = true;
            let w = fg.word();
            let x = fg.f.new_var(w);
            let z = fg.iconst_word(0);
            fg.b().set(x, z);
            fg.defer_head = Some(x);
        }
        fg.find_addr_taken_block(body);
        // A closure's captured variables: their addresses follow the code pointer
        // in the closure object, which is the context parameter.
        let ws = fg.g.target.word_size as u32;
        for (i, &o) in captures.iter().enumerate() {
            let w = fg.word();
            let a = fg.b().load(Mem::of(w), false, w, ir::Value(0), (i as u32 + 1) * ws);
            let x = fg.f.new_var(w);
            fg.b().set(x, a);
            fg.locals.insert(o, Local::Mem(x));
        }
        // Parameters: IR values of b0 into locals.
        let mut next = 1u32;
        for (i, (t, c)) in abi.params.iter().enumerate() {
            let obj = params.get(i).copied().flatten();
            match c {
                Class::Scalars(s) => {
                    let vals: Vec<ir::Value> = (0..s.len()).map(|k| ir::Value(next + k as u32)).collect();
                    next += s.len() as u32;
                    let vars: Vec<Var> = vals
                        .iter()
                        .map(|&v| {
                            let ty = fg.f.ty(v);
                            let x = fg.f.new_var(ty);
                            fg.b().set(x, v);
                            x
                        })
                        .collect();
                    if let Some(o) = obj {
                        fg.bind_local(o, *t, Gv::S(vars));
                    }
                }
                Class::Mem { .. } => {
                    let v = ir::Value(next);
                    next += 1;
                    let x = fg.f.new_var(fg.g.word);
                    fg.b().set(x, v);
                    if let Some(o) = obj {
                        // The callee owns a copy.
                        fg.bind_local(o, *t, Gv::M(x));
                    }
                }
            }
        }
        // Result variables, zeroed; array and struct results are written through
        // the caller's address at return.
        let mut sret: Vec<Var> = Vec::new();
        for (_, c) in &abi.results {
            if let Class::Mem { .. } = c {
                let v = ir::Value(next);
                next += 1;
                let x = fg.f.new_var(fg.g.word);
                fg.b().set(x, v);
                sret.push(x);
            }
        }
        for (i, (t, _)) in abi.results.iter().enumerate() {
            let l = fg.new_local(*t, results.get(i).copied().flatten(), body.pos)?;
            if let Some(o) = results.get(i).copied().flatten() {
                fg.locals.insert(o, l.clone());
            }
            fg.results.push((*t, l));
        }
        fg.block(body);
        let exit = fg.exit;
        fg.term(Term::jump(exit));
        // The exit path: run the deferred calls, copy out the results.
        fg.cur = exit;
        fg.run_defers();
        let mut rets = Vec::new();
        let mut k = 0;
        for (t, l) in fg.results.clone() {
            let gv = fg.read_local(&l, t);
            match gv {
                Gv::S(vars) => {
                    for x in vars {
                        rets.push(fg.b().get(x));
                    }
                }
                Gv::M(addr) => {
                    let dst = fg.b().get(sret[k]);
                    k += 1;
                    let src = fg.b().get(addr);
                    let size = match fg.g.class(t, 0) {
                        Some(Class::Mem { size, .. }) => size,
                        _ => 0,
                    };
                    let n = fg.iconst_word(size as i64);
                    fg.b().copy(dst, src, n);
                }
            }
        }
        fg.term(Term::Ret(rets));
        Some(fg.f)
    }

    /// A bodyless function: an intrinsic, a host import, or a linkname.
    fn bodyless(&mut self, name: &str, pos: u32) {
        // Calls go to the import, the linkname target or the intrinsic; nothing to
        // emit here.
        if self.wasm_imports.contains_key(name) || self.linknames.contains_key(name) || self.path == "runtime"
        {
            return;
        }
        self.unsupported(pos, "functions without bodies (assembly)");
    }

    /// A `//go:wasmexport` function: a wrapper with the exact Wasm signature.
    fn export_wrapper(&mut self, sym: &str, export: &str, abi: &FnAbi, _pos: u32) {
        let params: Vec<Ty> = abi.sig.params[1..].to_vec();
        let mut f = ir::Func::new(
            &format!("{sym}·wasmexport"),
            ir::Sig { params: params.clone(), results: abi.sig.results.clone() },
        );
        f.export = Some(export.into());
        // It catches a panic that unwound to the host boundary, which is fatal.
        f.catches = true;
        let mut b = Builder::new(&mut f);
        let ctx = b.iconst(self.word, 0);
        let mut args = vec![ctx];
        args.extend((0..params.len()).map(|i| ir::Value(i as u32)));
        let r = b.call(sym, &abi.sig, args);
        // The flag is cleared so the runtime can print the panic normally.
        let addr = b.getg(self.word);
        let p = b.load(Mem::I32, false, Ty::I32, addr, 0);
        let fatal = b.func.new_block();
        let done = b.func.new_block();
        b.term(Term::br(p, fatal, done));
        b.switch_to(fatal);
        let zero = b.iconst(Ty::I32, 0);
        b.store(Mem::I32, addr, 0, zero);
        let sig = ir::Sig { params: vec![self.word], results: vec![] };
        let ctx = b.iconst(self.word, 0);
        b.call("runtime.fatalpanic", &sig, vec![ctx]);
        b.term(Term::Unreachable);
        b.switch_to(done);
        b.term(Term::Ret(r));
        self.module.funcs.push(f);
        self.declare("runtime.fatalpanic", &sig);
    }

    /// The package's init function: variable initializers in order, then each
    /// `func init`.
    pub(crate) fn init_func(&mut self, inits: &[(u32, &ast::VarDecl, Option<usize>)], init_funcs: &[String]) {
        let name = crate::init_symbol(&self.path);
        let abi = FnAbi {
            sig: ir::Sig { params: vec![self.word], results: vec![] },
            params: vec![],
            results: vec![],
        };
        let mut fg = FnGen::new(self, ir::Func::new(&name, abi.sig.clone()));
        for &(file, vd, only) in inits {
            fg.g.file = file;
            fg.global_init(vd, only);
        }
        for name in init_funcs {
            let sig = ir::Sig { params: vec![fg.g.word], results: vec![] };
            let ctx = fg.iconst_word(0);
            fg.b().call(name, &sig, vec![ctx]);
            fg.panic_check();
        }
        let f = fg.finish();
        self.module.funcs.push(f);
    }
}

use crate::expr::Gv;

impl FnGen<'_, '_> {
    pub(crate) fn b(&mut self) -> Builder<'_> {
        Builder { func: &mut self.f, block: self.cur }
    }

    pub(crate) fn word(&self) -> Ty {
        self.g.word
    }

    pub(crate) fn iconst_word(&mut self, v: i64) -> ir::Value {
        let w = self.word();
        self.b().iconst(w, v)
    }

    /// Ends the current block and continues in a fresh, unreachable one (code after
    /// `return`, `break` or `panic`).
    pub(crate) fn term(&mut self, t: Term) {
        self.b().term(t);
        self.cur = self.f.new_block();
    }

    pub(crate) fn term_to(&mut self, t: Term, next: Block) {
        self.b().term(t);
        self.cur = next;
    }

    /// After a call in a function that catches panics (one with deferred calls):
    /// if a panic is under way, go to the exit path, which runs them. Elsewhere
    /// unwinding is implicit (see `ir`): the back end leaves the function.
    pub(crate) fn panic_check(&mut self) {
        if !self.f.catches {
            return;
        }
        let p = self.panicking();
        let cont = self.f.new_block();
        let unwind = self.f.new_block();
        self.b().term(Term::br(p, unwind, cont));
        // Results are whatever they hold; the caller checks the flag too.
        self.cur = unwind;
        let exit = self.exit;
        self.b().term(Term::jump(exit));
        self.cur = cont;
    }

    /// The running goroutine's panic flag (the first field of its `g`).
    pub(crate) fn panicking(&mut self) -> ir::Value {
        let w = self.word();
        let g = self.b().getg(w);
        self.b().load(Mem::I32, false, Ty::I32, g, 0)
    }

    /// A new local of type `t` holding the zero value.
    pub(crate) fn new_local(&mut self, t: TypeId, obj: Option<ObjId>, pos: u32) -> Option<Local> {
        let c = self.g.class(t, pos)?;
        let heap = obj.is_some_and(|o| self.addr_taken.contains(&o));
        Some(match c {
            Class::Scalars(s) if !heap => {
                let vars: Vec<Var> = s.iter().map(|s| self.f.new_var(s.ty)).collect();
                for (&x, s) in vars.iter().zip(&s) {
                    let z = self.zero_scalar(s.ty);
                    self.b().set(x, z);
                }
                Local::Vars(vars)
            }
            _ => {
                let (size, align) = self.g.size_align(t, pos)?;
                let addr = if heap {
                    self.alloc(size)
                } else {
                    let s = self.f.new_slot(size as u32, align as u32);
                    let w = self.word();
                    let a = self.b().slot_addr(w, s);
                    let n = self.iconst_word(size as i64);
                    self.b().zero(a, n);
                    a
                };
                let x = self.f.new_var(self.word());
                self.b().set(x, addr);
                Local::Mem(x)
            }
        })
    }

    pub(crate) fn zero_scalar(&mut self, ty: Ty) -> ir::Value {
        match ty {
            Ty::I32 | Ty::I64 | Ty::Ptr => self.b().iconst(ty, 0),
            Ty::F32 | Ty::F64 => self.b().fconst(ty, 0),
        }
    }

    /// Heap memory of `size` zeroed bytes (runtime.mallocgc).
    pub(crate) fn alloc(&mut self, size: u64) -> ir::Value {
        let w = self.word();
        let sig = ir::Sig { params: vec![w, w], results: vec![w] };
        self.g.declare("runtime.mallocgc", &sig);
        let ctx = self.iconst_word(0);
        let n = self.iconst_word(size as i64);
        self.b().call("runtime.mallocgc", &sig, vec![ctx, n])[0]
    }

    /// Binds object `o` (of type `t`) to a fresh local holding `gv`.
    pub(crate) fn bind_local(&mut self, o: ObjId, t: TypeId, gv: Gv) {
        let Some(l) = self.new_local(t, Some(o), 0) else { return };
        self.write_local(&l, t, gv);
        self.locals.insert(o, l);
    }

    pub(crate) fn read_local(&mut self, l: &Local, t: TypeId) -> Gv {
        match l {
            Local::Vars(v) => Gv::S(v.clone()),
            Local::Mem(addr) => self.load_place(*addr, 0, t),
        }
    }

    pub(crate) fn write_local(&mut self, l: &Local, t: TypeId, gv: Gv) {
        match l {
            Local::Vars(vars) => {
                if let Gv::S(src) = gv {
                    for (&d, &s) in vars.iter().zip(&src) {
                        let v = self.b().get(s);
                        self.b().set(d, v);
                    }
                }
            }
            Local::Mem(addr) => self.store_place(*addr, 0, t, gv),
        }
    }

    // ---- statements ----

    pub(crate) fn push_break(&mut self, label: Option<String>, brk: Block) {
        self.loops.push(LoopTarget { label, brk, cont: None });
    }

    pub(crate) fn pop_break(&mut self) {
        self.loops.pop();
    }

    pub(crate) fn block(&mut self, b: &ast::Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    pub(crate) fn stmt(&mut self, s: &ast::Stmt) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(e) => {
                self.expr_stmt(e);
            }
            StmtKind::Decl(decls) => {
                for d in decls {
                    if let ast::Decl::Var(vd) = d {
                        self.var_decl(vd);
                    }
                }
            }
            StmtKind::Assign { op, lhs, rhs } => self.assign(s.pos, *op, lhs, rhs.as_ref()),
            StmtKind::Return(results) => self.return_stmt(s.pos, results.as_ref()),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let Some(cond) = cond else { return };
                let then_b = self.f.new_block();
                let else_b = self.f.new_block();
                let done = self.f.new_block();
                self.hoist_calls(cond);
                self.cond(cond, then_b, else_b);
                self.cur = then_b;
                self.block(then);
                self.term_to(Term::jump(done), else_b);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.term_to(Term::jump(done), done);
            }
            StmtKind::For { init, cond, post, body } => {
                let label = self.pending_label.take();
                if let Some(i) = init {
                    self.stmt(i);
                }
                let head = self.f.new_block();
                let body_b = self.f.new_block();
                let post_b = self.f.new_block();
                let done = self.f.new_block();
                self.term_to(Term::jump(head), head);
                match cond {
                    Some(c) => self.cond(c, body_b, done),
                    None => self.term_to(Term::jump(body_b), body_b),
                }
                self.cur = body_b;
                self.loops.push(LoopTarget { label, brk: done, cont: Some(post_b) });
                self.block(body);
                self.loops.pop();
                self.term_to(Term::jump(post_b), post_b);
                self.fresh_loop_vars(init.as_deref());
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.term_to(Term::jump(head), done);
            }
            StmtKind::Range { lhs, def, x, body, .. } => self.range_stmt(s.pos, lhs.as_ref(), *def, x, body),
            StmtKind::Switch { init, tag, body, .. } => {
                self.switch_stmt(s.pos, init.as_deref(), tag.as_ref(), body)
            }
            StmtKind::Branch { tok, label } => self.branch(s.pos, *tok, label.as_ref()),
            StmtKind::Labeled { label, stmt } => {
                let b = self.label_block(&label.value);
                self.term_to(Term::jump(b), b);
                self.pending_label = Some(label.value.clone());
                self.stmt(stmt);
                self.pending_label = None;
            }
            StmtKind::Call { tok, call } => {
                if *tok == Token::Go {
                    self.g.unsupported(s.pos, "go statements");
                } else {
                    self.defer_stmt(call);
                }
            }
            StmtKind::Send { .. } => self.g.unsupported(s.pos, "channel sends"),
            StmtKind::Select { .. } => self.g.unsupported(s.pos, "select statements"),
        }
    }

    fn label_block(&mut self, name: &str) -> Block {
        if let Some(&b) = self.labels.get(name) {
            return b;
        }
        let b = self.f.new_block();
        self.labels.insert(name.to_string(), b);
        b
    }

    fn branch(&mut self, pos: u32, tok: Token, label: Option<&ast::Name>) {
        let want = label.map(|l| l.value.as_str());
        match tok {
            Token::Goto => {
                if let Some(l) = want {
                    let b = self.label_block(l);
                    self.term(Term::jump(b));
                }
            }
            Token::Break | Token::Continue => {
                let target = self.loops.iter().rev().find(|t| {
                    (want.is_none() || t.label.as_deref() == want)
                        && (tok == Token::Break || t.cont.is_some())
                });
                let Some(t) = target else { return };
                let b = if tok == Token::Break { t.brk } else { t.cont.unwrap_or(t.brk) };
                self.term(Term::jump(b));
            }
            Token::Fallthrough => {
                // Handled by the switch lowering, which knows the next clause.
                if let Some(t) = self.loops.iter().rev().find(|t| t.label.as_deref() == Some("·fallthrough"))
                {
                    let b = t.brk;
                    self.term(Term::jump(b));
                } else {
                    self.g.unsupported(pos, "this fallthrough");
                }
            }
            _ => {}
        }
    }

    fn return_stmt(&mut self, pos: u32, results: Option<&ast::Expr>) {
        if let Some(r) = results {
            self.hoist_calls(r);
            let exprs = r.unpack_list();
            let targets: Vec<(TypeId, Local)> = self.results.clone();
            let vals: Vec<Gv> = if exprs.len() == 1 && targets.len() > 1 {
                match self.multi_call(exprs[0]) {
                    Some(v) => v,
                    None => return,
                }
            } else {
                let mut vals = Vec::new();
                for (e, (t, _)) in exprs.iter().zip(&targets) {
                    let Some(v) = self.expr_as(e, *t) else { return };
                    let v = self.copy_if_mem(v, *t);
                    vals.push(v);
                }
                vals
            };
            for (v, (t, l)) in vals.into_iter().zip(targets) {
                self.write_local(&l, t, v);
            }
        }
        let _ = pos;
        let exit = self.exit;
        self.term(Term::jump(exit));
    }

    fn var_decl(&mut self, vd: &ast::VarDecl) {
        if let Some(v) = &vd.values {
            self.hoist_calls(v);
        }
        let objs: Vec<Option<ObjId>> =
            vd.names.iter().map(|n| self.g.info.defs.get(&self.g.node_name(n)).copied()).collect();
        let values: Vec<Option<Gv>> = match &vd.values {
            None => vec![None; objs.len()],
            Some(v) => {
                let exprs = v.unpack_list();
                if exprs.len() == 1 && objs.len() > 1 {
                    match self.multi_call(exprs[0]) {
                        Some(vs) => vs.into_iter().map(Some).collect(),
                        None => return,
                    }
                } else {
                    let mut out = Vec::new();
                    for (e, o) in exprs.iter().zip(&objs) {
                        let t = o.map_or(TypeId::INVALID, |o| self.g.w.obj(o).ty);
                        let Some(v) = self.expr_as(e, t) else { return };
                        out.push(Some(self.copy_if_mem(v, t)));
                    }
                    out
                }
            }
        };
        for (o, v) in objs.into_iter().zip(values) {
            let Some(o) = o else { continue };
            let t = self.g.w.obj(o).ty;
            if self.g.w.obj(o).name == "_" {
                continue;
            }
            match v {
                Some(v) => self.bind_local(o, t, v),
                None => {
                    if let Some(l) = self.new_local(t, Some(o), vd.pos) {
                        self.locals.insert(o, l);
                    }
                }
            }
        }
    }

    /// Initializes the package variables of `vd` (only name `only` when each name
    /// has its own initializer and they are initialized separately).
    fn global_init(&mut self, vd: &ast::VarDecl, only: Option<usize>) {
        let Some(values) = &vd.values else { return };
        let exprs = values.unpack_list();
        // Initializers made of constants and literals become the variables' data.
        let mut is_static = vec![false; vd.names.len()];
        if exprs.len() == vd.names.len() {
            for (i, (n, e)) in vd.names.iter().zip(&exprs).enumerate() {
                if only.is_some_and(|j| j != i) {
                    // Another item initializes it.
                    is_static[i] = true;
                    continue;
                }
                let Some(&o) = self.g.info.defs.get(&self.g.node_name(n)) else { continue };
                if n.value != "_" {
                    let sym = format!("{}.{}", self.g.path, n.value);
                    let t = self.g.w.obj(o).ty;
                    is_static[i] = self.g.static_init(&sym, e, t);
                }
            }
        }
        if is_static.iter().all(|&s| s) {
            return;
        }
        let places: Vec<Option<(crate::expr::Place, TypeId)>> = vd
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let o = self.g.info.defs.get(&self.g.node_name(n)).copied()?;
                if n.value == "_" || is_static[i] {
                    return None;
                }
                let w = self.word();
                let sym = format!("{}.{}", self.g.path, n.value);
                let addr = self.b().sym_addr(w, &sym);
                let x = self.f.new_var(w);
                self.b().set(x, addr);
                Some((crate::expr::Place::Mem(x, 0), self.g.w.obj(o).ty))
            })
            .collect();
        let vals: Vec<Gv> = if exprs.len() == 1 && places.len() > 1 {
            match self.multi_call(exprs[0]) {
                Some(v) => v,
                None => return,
            }
        } else {
            let mut out = Vec::new();
            for ((e, p), &st) in exprs.iter().zip(&places).zip(&is_static) {
                if st {
                    out.push(Gv::S(vec![]));
                    continue;
                }
                let t = p.as_ref().map_or(TypeId::INVALID, |p| p.1);
                let v = if t == TypeId::INVALID { self.expr(e) } else { self.expr_as(e, t) };
                let Some(v) = v else { return };
                out.push(v);
            }
            out
        };
        for (p, v) in places.into_iter().zip(vals) {
            if let Some((p, t)) = p {
                self.store(&p, t, v);
            }
        }
    }

    fn assign(&mut self, pos: u32, op: Option<Op>, lhs: &ast::Expr, rhs: Option<&ast::Expr>) {
        if op != Some(Op::Def) {
            self.hoist_calls(lhs);
        }
        if let Some(r) = rhs {
            self.hoist_calls(r);
        }
        match (op, rhs) {
            (Some(Op::Def), Some(rhs)) => self.define(lhs, rhs),
            (Some(op), None) => {
                // x++ / x--
                let Some((place, t)) = self.place(lhs) else { return };
                let cur = self.load(&place, t);
                let one = self.const_of(t, 1, lhs.pos);
                let Some(one) = one else { return };
                let binop = if op == Op::Add { Op::Add } else { Op::Sub };
                let Some(v) = self.arith(binop, t, cur, one, pos) else { return };
                self.store(&place, t, v);
            }
            (Some(op), Some(rhs)) => {
                let Some((place, t)) = self.place(lhs) else { return };
                let cur = self.load(&place, t);
                let rt = self.type_of(rhs);
                let Some(r) = self.expr(rhs) else { return };
                let v = if matches!(op, Op::Shl | Op::Shr) {
                    self.shift(op, t, cur, rt, r)
                } else {
                    self.arith(op, t, cur, r, pos)
                };
                let Some(v) = v else { return };
                self.store(&place, t, v);
            }
            (None, Some(rhs)) => {
                let l = lhs.unpack_list();
                let r = rhs.unpack_list();
                let mut places = Vec::new();
                for e in &l {
                    if matches!(&e.unparen().kind, ExprKind::Name(n) if n == "_") {
                        places.push(None);
                        continue;
                    }
                    let Some(p) = self.place(e) else { return };
                    places.push(Some(p));
                }
                let vals: Vec<Gv> = if r.len() == 1 && l.len() > 1 {
                    let Some(vals) = self.multi_call(r[0]) else { return };
                    // Each value converted to its place's type (boxed into an
                    // interface), as an assignment does.
                    let rt = self.type_of(r[0]);
                    let from: Vec<TypeId> = match (self.g.w.ty(rt).clone(), &r[0].unparen().kind) {
                        (Type::Tuple(objs), _) => objs.iter().map(|&o| self.g.w.obj(o).ty).collect(),
                        // The comma-ok forms: the value's type, then the bool.
                        (_, ExprKind::Index { x, .. }) => {
                            let mt = self.type_of(x);
                            match self.g.w.ty(self.g.under(mt)).clone() {
                                Type::Map(_, vt) => vec![vt, TypeId::BOOL],
                                _ => vec![],
                            }
                        }
                        (_, ExprKind::Assert { ty, .. }) => vec![self.type_of(ty), TypeId::BOOL],
                        _ => vec![],
                    };
                    let mut out = Vec::new();
                    for (k, (v, p)) in vals.into_iter().zip(&places).enumerate() {
                        match (p, from.get(k)) {
                            (Some((_, t)), Some(&from)) => {
                                let Some(v) = self.convert_to(v, self.g.default_type(from), *t, pos) else {
                                    return;
                                };
                                out.push(v);
                            }
                            _ => out.push(v),
                        }
                    }
                    out
                } else {
                    let mut out = Vec::new();
                    for (e, p) in r.iter().zip(&places) {
                        let v = match p {
                            Some((_, t)) => self.expr_as(e, *t).map(|v| self.copy_if_mem(v, *t)),
                            None => self.expr(e),
                        };
                        let Some(v) = v else { return };
                        out.push(v);
                    }
                    out
                };
                for (p, v) in places.into_iter().zip(vals) {
                    if let Some((p, t)) = p {
                        self.store(&p, t, v);
                    }
                }
            }
            (None, None) => {}
        }
    }

    fn define(&mut self, lhs: &ast::Expr, rhs: &ast::Expr) {
        let l = lhs.unpack_list();
        let r = rhs.unpack_list();
        // New variables get fresh locals; existing ones are assigned.
        let mut targets: Vec<Option<(ObjId, bool)>> = Vec::new();
        for e in &l {
            let id = self.g.node_expr(e);
            if let Some(&o) = self.g.info.defs.get(&id) {
                targets.push(Some((o, true)));
            } else if let Some(&o) = self.g.info.uses.get(&id) {
                targets.push(Some((o, false)));
            } else {
                targets.push(None);
            }
        }
        let vals: Vec<Gv> = if r.len() == 1 && l.len() > 1 {
            match self.multi_call(r[0]) {
                Some(v) => v,
                None => return,
            }
        } else {
            let mut out = Vec::new();
            for (e, t) in r.iter().zip(&targets) {
                let ty = t.map_or_else(|| self.type_of(e), |(o, _)| self.g.w.obj(o).ty);
                let Some(v) = self.expr_as(e, ty) else { return };
                out.push(self.copy_if_mem(v, ty));
            }
            out
        };
        for ((t, v), e) in targets.into_iter().zip(vals).zip(&l) {
            let Some((o, new)) = t else { continue };
            let ty = self.g.w.obj(o).ty;
            if new {
                self.bind_local(o, ty, v);
            } else if let Some((p, ty)) = self.place(e) {
                self.store(&p, ty, v);
            }
        }
    }

    fn range_stmt(&mut self, pos: u32, lhs: Option<&ast::Expr>, def: bool, x: &ast::Expr, body: &ast::Block) {
        let label = self.pending_label.take();
        let xt = self.g.default_type(self.type_of(x));
        let keys: Vec<&ast::Expr> = lhs.map(|l| l.unpack_list()).unwrap_or_default();
        let u = self.g.under(xt);
        enum Kind {
            Int,
            Str,
            Seq { elem: TypeId, ptr: bool },
        }
        let kind = match self.g.w.ty(u).clone() {
            Type::Basic(k, _) if k == typeck::types::BasicKind::String => Kind::Str,
            Type::Basic(..) => Kind::Int,
            Type::Slice(e) => Kind::Seq { elem: e, ptr: false },
            Type::Array(_, e) => Kind::Seq { elem: e, ptr: false },
            Type::Pointer(p) => match self.g.w.ty(self.g.under(p)).clone() {
                Type::Array(_, e) => Kind::Seq { elem: e, ptr: true },
                _ => {
                    self.g.unsupported(pos, "this range loop");
                    return;
                }
            },
            Type::Map(kt, vt) => {
                self.range_map(label, &keys, def, x, xt, kt, vt, body);
                return;
            }
            _ => {
                self.g.unsupported(pos, "this range loop");
                return;
            }
        };
        let w = self.word();
        // Evaluate the range expression once. An array ranged over with its
        // values is a copy (the loop sees none of the body's writes).
        let Some(mut xv) = self.expr(x) else { return };
        let blank = |k: &&ast::Expr| matches!(&k.unparen().kind, ExprKind::Name(n) if n == "_");
        if matches!(self.g.w.ty(u), Type::Array(..)) && keys.get(1).is_some_and(|k| !blank(k)) {
            xv = self.copy_if_mem(xv, xt);
        }
        let (len, base): (Var, Option<Var>) = match (&kind, &xv) {
            (Kind::Int, Gv::S(v)) => {
                let n = self.b().get(v[0]);
                let n = self.widen_to_word(n, xt);
                let lx = self.f.new_var(w);
                self.b().set(lx, n);
                (lx, None)
            }
            (Kind::Str, Gv::S(v)) | (Kind::Seq { ptr: false, .. }, Gv::S(v)) => (v[1], Some(v[0])),
            (Kind::Seq { ptr, .. }, gv) => {
                let n = match self.g.w.ty(if *ptr {
                    match self.g.w.ty(u) {
                        Type::Pointer(p) => self.g.under(*p),
                        _ => u,
                    }
                } else {
                    u
                }) {
                    Type::Array(n, _) => n.unwrap_or(0),
                    _ => 0,
                };
                let base = match gv {
                    Gv::S(v) => v[0],
                    Gv::M(a) => *a,
                };
                let nv = self.iconst_word(n as i64);
                let lx = self.f.new_var(w);
                self.b().set(lx, nv);
                (lx, Some(base))
            }
            _ => return,
        };
        self.prebind_range_vars(&keys, def);
        let idx = self.f.new_var(w);
        let zero = self.iconst_word(0);
        self.b().set(idx, zero);
        let head = self.f.new_block();
        let body_b = self.f.new_block();
        let post_b = self.f.new_block();
        let done = self.f.new_block();
        // For strings, the index of the next rune.
        let next = self.f.new_var(w);
        self.term_to(Term::jump(head), head);
        let i = self.b().get(idx);
        let n = self.b().get(len);
        let c = self.b().cmp(ir::CmpOp::LtS, i, n);
        self.b().term(Term::br(c, body_b, done));
        self.cur = body_b;
        // The iteration values.
        let key_ty = self.key_obj_type(keys.first().copied());
        let mut vals: Vec<Gv> = Vec::new();
        match kind {
            Kind::Int => {
                let i = self.b().get(idx);
                let i = self.narrow_from_word(i, key_ty.unwrap_or(xt));
                let x = self.f.new_var(self.f.ty(i));
                self.b().set(x, i);
                vals.push(Gv::S(vec![x]));
            }
            Kind::Str => {
                let (p, n) = (self.b().get(base.unwrap_or(len)), self.b().get(len));
                let i = self.b().get(idx);
                let sig = ir::Sig { params: vec![w, w, w, w], results: vec![Ty::I32, w] };
                self.g.declare("runtime.decoderune", &sig);
                let ctx = self.iconst_word(0);
                let r = self.b().call("runtime.decoderune", &sig, vec![ctx, p, n, i]);
                self.b().set(next, r[1]);
                let ix = self.f.new_var(w);
                self.b().set(ix, i);
                let rx = self.f.new_var(Ty::I32);
                self.b().set(rx, r[0]);
                vals.push(Gv::S(vec![ix]));
                vals.push(Gv::S(vec![rx]));
            }
            Kind::Seq { elem, .. } => {
                let i = self.b().get(idx);
                let ix = self.f.new_var(w);
                self.b().set(ix, i);
                vals.push(Gv::S(vec![ix]));
                if keys.len() > 1 {
                    let Some((es, _)) = self.g.size_align(elem, pos) else { return };
                    let p = self.b().get(base.unwrap_or(len));
                    let s = self.iconst_word(es as i64);
                    let off = self.b().bin(ir::BinOp::Mul, i, s);
                    let a = self.b().bin(ir::BinOp::Add, p, off);
                    let ax = self.f.new_var(w);
                    self.b().set(ax, a);
                    let v = self.load(&crate::expr::Place::Mem(ax, 0), elem);
                    let v = self.copy_if_mem(v, elem);
                    vals.push(v);
                }
            }
        }
        self.assign_range_vars(&keys, def, vals);
        self.loops.push(LoopTarget { label, brk: done, cont: Some(post_b) });
        self.block(body);
        self.loops.pop();
        self.term_to(Term::jump(post_b), post_b);
        let i = self.b().get(idx);
        let step = if matches!(kind, Kind::Str) {
            self.b().get(next)
        } else {
            let one = self.iconst_word(1);
            self.b().bin(ir::BinOp::Add, i, one)
        };
        self.b().set(idx, step);
        self.term_to(Term::jump(head), done);
    }

    /// Before Go 1.22 (`Target::loopvar` off), a range loop's `:=` variables are
    /// declared once, before the loop, and each iteration assigns them.
    fn prebind_range_vars(&mut self, keys: &[&ast::Expr], def: bool) {
        if !def || self.g.target.loopvar {
            return;
        }
        for k in keys {
            if matches!(&k.unparen().kind, ExprKind::Name(n) if n == "_") {
                continue;
            }
            if let Some(&o) = self.g.info.defs.get(&self.g.node_expr(k)) {
                let t = self.g.w.obj(o).ty;
                if let Some(z) = self.zero_value(t, k.pos) {
                    self.bind_local(o, t, z);
                }
            }
        }
    }

    /// Gives one iteration's values to a range loop's variables: new ones (`:=`,
    /// fresh per iteration; before Go 1.22 the ones declared before the loop) or
    /// existing places (`=`).
    fn assign_range_vars(&mut self, keys: &[&ast::Expr], def: bool, vals: Vec<Gv>) {
        for (k, v) in keys.iter().zip(vals) {
            if matches!(&k.unparen().kind, ExprKind::Name(n) if n == "_") {
                continue;
            }
            if def {
                if let Some(&o) = self.g.info.defs.get(&self.g.node_expr(k)) {
                    let t = self.g.w.obj(o).ty;
                    match self.locals.get(&o).cloned() {
                        Some(l) if !self.g.target.loopvar => self.write_local(&l, t, v),
                        _ => self.bind_local(o, t, v),
                    }
                }
            } else if let Some((p, t)) = self.place(k) {
                self.store(&p, t, v);
            }
        }
    }

    /// `for k, v := range m`: a runtime iterator in the frame, advanced after
    /// each iteration; its key pointer is nil at the end.
    #[allow(clippy::too_many_arguments)]
    fn range_map(
        &mut self,
        label: Option<String>,
        keys: &[&ast::Expr],
        def: bool,
        x: &ast::Expr,
        mt: TypeId,
        kt: TypeId,
        vt: TypeId,
        body: &ast::Block,
    ) {
        let w = self.word();
        let Some(Gv::S(m)) = self.expr(x) else { return };
        let Some(typ) = self.type_addr(mt, x.pos) else { return };
        let ws = self.g.target.word_size as u32;
        let slot = self.f.new_slot(9 * ws, ws);
        let it = self.b().slot_addr(w, slot);
        let itx = self.tmp(it);
        let mv = self.b().get(m[0]);
        let it = self.b().get(itx);
        self.rt_call("runtime.mapiterinit", vec![typ, mv, it], &[], true);
        self.prebind_range_vars(keys, def);
        let head = self.f.new_block();
        let body_b = self.f.new_block();
        let post_b = self.f.new_block();
        let done = self.f.new_block();
        self.term_to(Term::jump(head), head);
        let it = self.b().get(itx);
        let wm = if w == Ty::I32 { Mem::I32 } else { Mem::I64 };
        let kp = self.b().load(wm, false, w, it, 0);
        let kpx = self.tmp(kp);
        let kpv = self.b().get(kpx);
        let z = self.iconst_word(0);
        let c = self.b().cmp(ir::CmpOp::Ne, kpv, z);
        self.b().term(Term::br(c, body_b, done));
        self.cur = body_b;
        let mut vals = Vec::new();
        let k = self.load_place(kpx, 0, kt);
        vals.push(self.copy_if_mem(k, kt));
        if keys.len() > 1 {
            let it = self.b().get(itx);
            let ep = self.b().load(wm, false, w, it, ws);
            let epx = self.tmp(ep);
            let v = self.load_place(epx, 0, vt);
            vals.push(self.copy_if_mem(v, vt));
        }
        self.assign_range_vars(keys, def, vals);
        self.loops.push(LoopTarget { label, brk: done, cont: Some(post_b) });
        self.block(body);
        self.loops.pop();
        self.term_to(Term::jump(post_b), post_b);
        let it = self.b().get(itx);
        self.rt_call("runtime.mapiternext", vec![it], &[], true);
        self.term_to(Term::jump(head), done);
    }

    /// Each iteration of a three-clause loop has its own copies of the variables
    /// the init statement declares: before the post statement, a variable that
    /// lives on the heap (a closure or pointer may hold it) moves to a new cell
    /// holding its current value.
    fn fresh_loop_vars(&mut self, init: Option<&ast::Stmt>) {
        let Some(ast::Stmt { kind: StmtKind::Assign { op: Some(Op::Def), lhs, .. }, .. }) = init else {
            return;
        };
        if !self.g.target.loopvar {
            return;
        }
        for e in lhs.unpack_list() {
            let Some(&o) = self.g.info.defs.get(&self.g.node_expr(e)) else { continue };
            if !self.addr_taken.contains(&o) {
                continue;
            }
            let Some(Local::Mem(x)) = self.locals.get(&o).cloned() else { continue };
            let t = self.g.w.obj(o).ty;
            let Some((size, _)) = self.g.size_align(t, e.pos) else { continue };
            let p = self.alloc(size);
            let old = self.b().get(x);
            let n = self.iconst_word(size as i64);
            self.b().copy(p, old, n);
            self.b().set(x, p);
        }
    }

    fn key_obj_type(&self, k: Option<&ast::Expr>) -> Option<TypeId> {
        let k = k?;
        let id = self.g.node_expr(k);
        let o = self.g.info.defs.get(&id).or_else(|| self.g.info.uses.get(&id))?;
        Some(self.g.w.obj(*o).ty)
    }

    fn switch_stmt(
        &mut self,
        pos: u32,
        init: Option<&ast::Stmt>,
        tag: Option<&ast::Expr>,
        body: &[ast::CaseClause],
    ) {
        let label = self.pending_label.take();
        if let Some(i) = init {
            self.stmt(i);
        }
        if let Some(t) = tag
            && let ExprKind::TypeSwitchGuard { .. } = &t.kind
        {
            let _ = pos;
            self.type_switch(t, body, label);
            return;
        }
        let tag_val = match tag {
            Some(t) => {
                let ty = self.type_of(t);
                let Some(v) = self.expr(t) else { return };
                Some((v, ty))
            }
            None => None,
        };
        let done = self.f.new_block();
        let bodies: Vec<Block> = body.iter().map(|_| self.f.new_block()).collect();
        let mut default = None;
        for (i, cc) in body.iter().enumerate() {
            let Some(cases) = &cc.cases else {
                default = Some(bodies[i]);
                continue;
            };
            for c in cases.unpack_list() {
                let next = self.f.new_block();
                match &tag_val {
                    Some((tv, tt)) => {
                        let tv = tv.clone();
                        let Some(cv) = self.expr_as(c, *tt) else { return };
                        let Some(eq) = self.equal(*tt, tv, cv, c.pos) else { return };
                        let e = self.b().get(eq);
                        self.b().term(Term::br(e, bodies[i], next));
                    }
                    None => {
                        self.cond(c, bodies[i], next);
                    }
                }
                self.cur = next;
            }
        }
        let after = default.unwrap_or(done);
        self.term_to(Term::jump(after), after);
        for (i, cc) in body.iter().enumerate() {
            self.cur = bodies[i];
            let ft = bodies.get(i + 1).copied().unwrap_or(done);
            self.loops.push(LoopTarget { label: Some("·fallthrough".into()), brk: ft, cont: None });
            self.loops.push(LoopTarget { label: label.clone(), brk: done, cont: None });
            for s in &cc.body {
                self.stmt(s);
            }
            self.loops.pop();
            self.loops.pop();
            self.b().term(Term::jump(done));
        }
        self.cur = done;
    }
}

impl FnGen<'_, '_> {
    /// Marks the locals whose address is taken (`&x`, `x[:]` of an array, a pointer
    /// method called on `x`): they live on the heap.
    pub(crate) fn find_addr_taken_block(&mut self, b: &ast::Block) {
        for s in &b.stmts {
            self.walk_stmt(s);
        }
    }

    fn walk_stmt(&mut self, s: &ast::Stmt) {
        match &s.kind {
            StmtKind::Block(b) => self.find_addr_taken_block(b),
            StmtKind::Expr(e) | StmtKind::Send { chan: e, .. } => self.walk_expr(e),
            StmtKind::Labeled { stmt, .. } => self.walk_stmt(stmt),
            StmtKind::Assign { lhs, rhs, .. } => {
                self.walk_expr(lhs);
                if let Some(r) = rhs {
                    self.walk_expr(r);
                }
            }
            StmtKind::Call { call, .. } => self.walk_expr(call),
            StmtKind::Return(Some(e)) => self.walk_expr(e),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.walk_stmt(i);
                }
                if let Some(c) = cond {
                    self.walk_expr(c);
                }
                self.find_addr_taken_block(then);
                if let Some(e) = els {
                    self.walk_stmt(e);
                }
            }
            StmtKind::For { init, cond, post, body } => {
                for s in [init, post].into_iter().flatten() {
                    self.walk_stmt(s);
                }
                if let Some(c) = cond {
                    self.walk_expr(c);
                }
                self.find_addr_taken_block(body);
            }
            StmtKind::Range { x, body, .. } => {
                self.walk_expr(x);
                self.find_addr_taken_block(body);
            }
            StmtKind::Switch { init, tag, body, .. } => {
                if let Some(i) = init {
                    self.walk_stmt(i);
                }
                if let Some(t) = tag {
                    self.walk_expr(t);
                }
                for c in body {
                    if let Some(cs) = &c.cases {
                        self.walk_expr(cs);
                    }
                    for s in &c.body {
                        self.walk_stmt(s);
                    }
                }
            }
            StmtKind::Decl(ds) => {
                for d in ds {
                    if let ast::Decl::Var(vd) = d
                        && let Some(v) = &vd.values
                    {
                        self.walk_expr(v);
                    }
                }
            }
            _ => {}
        }
    }

    fn mark_root(&mut self, e: &ast::Expr) {
        match &e.unparen().kind {
            ExprKind::Name(_) => {
                if let Some(&o) = self.g.info.uses.get(&self.g.node_expr(e.unparen())) {
                    self.addr_taken.insert(o);
                }
            }
            ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } => {
                let xt = self.type_of(x);
                if !matches!(self.g.w.ty(self.g.under(xt)), Type::Pointer(_) | Type::Slice(_)) {
                    self.mark_root(x);
                }
            }
            _ => {}
        }
    }

    fn walk_expr(&mut self, e: &ast::Expr) {
        match &e.kind {
            ExprKind::Operation { op: Op::And, x, y: None } => {
                self.mark_root(x);
                self.walk_expr(x);
            }
            ExprKind::Operation { x, y, .. } => {
                self.walk_expr(x);
                if let Some(y) = y {
                    self.walk_expr(y);
                }
            }
            ExprKind::Slice { x, index, .. } => {
                if matches!(self.g.w.ty(self.g.under(self.type_of(x))), Type::Array(..)) {
                    self.mark_root(x);
                }
                self.walk_expr(x);
                for i in index.iter().flatten() {
                    self.walk_expr(i);
                }
            }
            ExprKind::Call { fun, args, .. } => {
                // A pointer-receiver method called on an addressable value takes
                // its address (`x.m()` is `(&x).m()`); on a pointer it does not.
                if let ExprKind::Selector { x, .. } = &fun.unparen().kind
                    && let Some(s) = self.g.info.selections.get(&self.g.node_expr(fun.unparen()))
                    && matches!(self.g.w.obj(s.obj).kind, typeck::types::ObjKind::Func { ptr_recv: true })
                    && !self.is_pointer(x)
                {
                    self.mark_root(x);
                }
                self.walk_expr(fun);
                for a in args {
                    self.walk_expr(a);
                }
            }
            ExprKind::Paren(x) | ExprKind::Selector { x, .. } | ExprKind::Assert { x, .. } => {
                self.walk_expr(x)
            }
            ExprKind::Index { x, index } => {
                self.walk_expr(x);
                self.walk_expr(index);
            }
            ExprKind::CompositeLit { elems, .. } | ExprKind::List(elems) => {
                for x in elems {
                    self.walk_expr(x);
                }
            }
            ExprKind::KeyValue { key, value } => {
                self.walk_expr(key);
                self.walk_expr(value);
            }
            ExprKind::FuncLit { .. } => {
                // Variables a closure captures live on the heap.
                for o in self.captures(e) {
                    self.addr_taken.insert(o);
                }
            }
            _ => {}
        }
    }

    /// The local variables of enclosing functions that function literal `e` uses.
    pub(crate) fn captures(&self, e: &ast::Expr) -> Vec<ObjId> {
        use typeck::types::{ObjKind, VarKind};
        let file = self.g.file;
        let lo = typeck::info::NodeId { file, lo: e.lo, hi: 0 };
        let mut out: Vec<ObjId> = Vec::new();
        for (id, &o) in self.g.info.uses.range(lo..) {
            if id.file != file || id.lo >= e.hi {
                break;
            }
            let obj = self.g.w.obj(o);
            let local = matches!(
                obj.kind,
                ObjKind::Var(VarKind::Local | VarKind::Param | VarKind::Result | VarKind::Recv)
            );
            let outside = obj.pos.file != file || obj.pos.off < e.lo || obj.pos.off >= e.hi;
            if local && outside && !out.contains(&o) {
                out.push(o);
            }
        }
        out.sort();
        out
    }
}
