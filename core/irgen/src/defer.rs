//! `defer` and the exit path that runs deferred calls.
//!
//! A deferred call is evaluated at the `defer` statement into a heap record
//! `{thunk, next, code, ctx, args...}` pushed on the function's list; the thunk is
//! a generated function that takes the record as its closure context and makes
//! the call. On the exit path (normal return or a panic leaving the function) the
//! records run newest first. A panic under way is set aside while each runs
//! (the goroutine's `panicking` flag cleared) so the deferred code runs normally and can
//! `recover`; `runtime.deferreturn` then decides whether the panic goes on.

use crate::expr::Gv;
use crate::func::FnGen;
use crate::types::Class;
use ir::{Builder, CmpOp, Mem, Term, Ty};
use syntax::ast;
use typeck::types::Builtin;

impl FnGen<'_, '_> {
    pub(crate) fn defer_stmt(&mut self, call: &ast::Expr) {
        let Some(head) = self.defer_head else { return };
        let ast::ExprKind::Call { fun, .. } = &call.unparen().kind else { return };
        if let Some(tv) = self.g.info.types.get(&self.g.node_expr(fun))
            && let typeck::info::ExprMode::Builtin(b) = tv.mode
        {
            self.defer_builtin(call, b, head);
            return;
        }
        let Some(p) = self.prepare_call(call) else { return };
        let w = self.word();
        let ws = self.g.target.word_size as u32;
        // Flatten the arguments into scalars; array and struct arguments are copied
        // to the heap (their stack copies die with this frame's statement).
        let mut scalars: Vec<(ir::Var, Ty, Mem)> = Vec::new();
        for (v, (_, c)) in p.vals.iter().zip(&p.abi.params) {
            match (v, c) {
                (Gv::S(xs), Class::Scalars(ss)) => {
                    for (x, s) in xs.iter().zip(ss) {
                        scalars.push((*x, s.ty, Mem::of(s.ty)));
                    }
                }
                (Gv::M(a), Class::Mem { size, .. }) => {
                    let h = self.alloc(*size);
                    let hx = self.tmp(h);
                    let (d, s0) = (self.b().get(hx), self.b().get(*a));
                    let n = self.iconst_word(*size as i64);
                    self.b().copy(d, s0, n);
                    scalars.push((hx, w, Mem::of(w)));
                }
                (Gv::S(xs), _) => {
                    for x in xs {
                        let t = self.f.vars[x.index()];
                        scalars.push((*x, t, Mem::of(t)));
                    }
                }
                (Gv::M(a), _) => scalars.push((*a, w, Mem::of(w))),
            }
        }
        let rec = self.alloc(u64::from(ws) * (4 + scalars.len() as u64));
        let rx = self.tmp(rec);
        self.g.lits += 1;
        let thunk = format!("{}.deferwrap{}", self.f.name, self.g.lits);
        let code = self.b().func_addr(w, &thunk);
        let r = self.b().get(rx);
        self.b().store(Mem::of(w), r, 0, code);
        let h = self.b().get(head);
        self.b().store(Mem::of(w), r, ws, h);
        if let Some((f, ctx)) = p.indirect {
            let (fv, cv) = (self.b().get(f), self.b().get(ctx));
            self.b().store(Mem::of(w), r, 2 * ws, fv);
            self.b().store(Mem::of(w), r, 3 * ws, cv);
        }
        for (i, (x, _, m)) in scalars.iter().enumerate() {
            let v = self.b().get(*x);
            self.b().store(*m, r, (4 + i as u32) * ws, v);
        }
        self.b().set(head, r);

        // The thunk.
        let mut f = ir::Func::new(&thunk, ir::Sig { params: vec![w], results: vec![] });
        let mut b = Builder::new(&mut f);
        let ctx = ir::Value(0);
        let mut args = Vec::new();
        args.push(if p.indirect.is_some() {
            b.load(Mem::of(w), false, w, ctx, 3 * ws)
        } else {
            b.iconst(w, 0)
        });
        for (i, (_, t, m)) in scalars.iter().enumerate() {
            args.push(b.load(*m, false, *t, ctx, (4 + i as u32) * ws));
        }
        for (_, c) in &p.abi.results {
            if let Class::Mem { size, align } = c {
                let slot = b.func.new_slot(*size as u32, *align as u32);
                args.push(b.slot_addr(w, slot));
            }
        }
        match &p.sym {
            Some(sym) => {
                b.call(sym, &p.abi.sig, args);
                self.g.declare(sym, &p.abi.sig);
            }
            None => {
                let code = b.load(Mem::of(w), false, w, ctx, 2 * ws);
                b.call_indirect(&p.abi.sig, code, args);
            }
        }
        b.term(Term::Ret(vec![]));
        self.g.module.funcs.push(f);
    }

    /// `defer builtin(args)`: the arguments are evaluated now and saved in the
    /// record; the thunk makes the builtin call on the saved values (its lowering
    /// reads them through `preset` instead of evaluating the argument
    /// expressions again). A deferred `recover()` is not called by a deferred
    /// function, so it recovers nothing and its thunk does nothing.
    fn defer_builtin(&mut self, call: &ast::Expr, b: Builtin, head: ir::Var) {
        let ast::ExprKind::Call { args, has_dots, .. } = &call.unparen().kind else { return };
        for a in args {
            self.hoist_calls(a);
        }
        let w = self.word();
        let ws = self.g.target.word_size as u32;
        // (argument, its value's scalars, whether the value is memory)
        let mut saved: Vec<(&ast::Expr, Vec<Ty>, bool)> = Vec::new();
        let mut scalars: Vec<ir::Var> = Vec::new();
        if b != Builtin::Recover {
            for a in args {
                let tv = self.g.info.types.get(&self.g.node_expr(a));
                if tv.is_none_or(|tv| tv.value.is_some() || tv.mode == typeck::info::ExprMode::Nil) {
                    continue;
                }
                let t = self.type_of(a);
                match self.expr(a) {
                    Some(Gv::S(xs)) => {
                        saved.push((a, xs.iter().map(|x| self.f.vars[x.index()]).collect(), false));
                        scalars.extend(xs);
                    }
                    Some(Gv::M(addr)) => {
                        let Some((size, _)) = self.g.size_align(t, a.pos) else { return };
                        let h = self.alloc(size);
                        let hx = self.tmp(h);
                        let (d, s0) = (self.b().get(hx), self.b().get(addr));
                        let n = self.iconst_word(size as i64);
                        self.b().copy(d, s0, n);
                        saved.push((a, vec![w], true));
                        scalars.push(hx);
                    }
                    None => return,
                }
            }
        }
        let rec = self.alloc(u64::from(ws) * (2 + scalars.len() as u64));
        let rx = self.tmp(rec);
        self.g.lits += 1;
        let thunk = format!("{}.deferwrap{}", self.f.name, self.g.lits);
        let code = self.b().func_addr(w, &thunk);
        let r = self.b().get(rx);
        self.b().store(Mem::of(w), r, 0, code);
        let h = self.b().get(head);
        self.b().store(Mem::of(w), r, ws, h);
        for (i, x) in scalars.iter().enumerate() {
            let t = self.f.vars[x.index()];
            let v = self.b().get(*x);
            self.b().store(Mem::of(t), r, (2 + i as u32) * ws, v);
        }
        self.b().set(head, r);

        // The thunk: its context is the record.
        let sig = ir::Sig { params: vec![w], results: vec![] };
        let mut fg = FnGen::new(self.g, ir::Func::new(&thunk, sig));
        let mut slot = 2u32;
        for (a, tys, mem) in saved {
            let mut vars = Vec::new();
            for t in tys {
                let ctx = ir::Value(0);
                let v = fg.b().load(Mem::of(t), false, t, ctx, slot * ws);
                vars.push(fg.tmp(v));
                slot += 1;
            }
            let gv = if mem { Gv::M(vars[0]) } else { Gv::S(vars) };
            let id = fg.g.node_expr(a);
            fg.preset.insert(id, gv);
        }
        if b != Builtin::Recover {
            let t = fg.type_of(call);
            let _ = fg.builtin(call, b, args, *has_dots, t);
        }
        let f = fg.finish();
        self.g.module.funcs.push(f);
    }

    /// Runs the deferred calls, newest first (on the exit path).
    pub(crate) fn run_defers(&mut self) {
        let Some(head) = self.defer_head else { return };
        let w = self.word();
        let ws = self.g.target.word_size as u32;
        let top = self.f.new_block();
        let body = self.f.new_block();
        let done = self.f.new_block();
        self.b().term(Term::jump(top));
        self.cur = top;
        let h = self.b().get(head);
        let z = self.iconst_word(0);
        let c = self.b().cmp(CmpOp::Ne, h, z);
        self.b().term(Term::br(c, body, done));
        self.cur = body;
        let h = self.b().get(head);
        let next = self.b().load(Mem::of(w), false, w, h, ws);
        self.b().set(head, next);
        let flag = self.b().getg(w);
        let saved = self.b().load(Mem::I32, false, Ty::I32, flag, 0);
        let zero = self.b().iconst(Ty::I32, 0);
        self.b().store(Mem::I32, flag, 0, zero);
        let code = self.b().load(Mem::of(w), false, w, h, 0);
        self.b().call_indirect(&ir::Sig { params: vec![w], results: vec![] }, code, vec![h]);
        let sig = ir::Sig { params: vec![w, Ty::I32], results: vec![] };
        self.g.declare("runtime.deferreturn", &sig);
        let ctx = self.iconst_word(0);
        self.b().call("runtime.deferreturn", &sig, vec![ctx, saved]);
        self.b().term(Term::jump(top));
        self.cur = done;
    }
}

/// Whether a function body has `defer` statements of its own (not in literals).
pub(crate) fn has_defer(b: &ast::Block) -> bool {
    b.stmts.iter().any(stmt_has_defer)
}

fn stmt_has_defer(s: &ast::Stmt) -> bool {
    use ast::StmtKind as S;
    match &s.kind {
        S::Call { tok, .. } => *tok == syntax::token::Token::Defer,
        S::Block(b) => has_defer(b),
        S::If { then, els, .. } => has_defer(then) || els.as_deref().is_some_and(stmt_has_defer),
        S::For { body, .. } | S::Range { body, .. } => has_defer(body),
        S::Switch { body, .. } => body.iter().any(|c| c.body.iter().any(stmt_has_defer)),
        S::Select { body, .. } => body.iter().any(|c| c.body.iter().any(stmt_has_defer)),
        S::Labeled { stmt, .. } => stmt_has_defer(stmt),
        _ => false,
    }
}
