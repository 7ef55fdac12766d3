//! Interface values in functions: conversions, method calls through itabs, type
//! assertions and type switches.
//!
//! An interface value is two words. For `any` (no methods) the first is the
//! dynamic type's descriptor; otherwise it is an itab, whose second word is the
//! descriptor. The data word holds pointer-shaped values directly and a pointer to
//! a heap copy of anything else.

use crate::expr::Gv;
use crate::func::FnGen;
use crate::types::Class;
use ir::{CmpOp, Mem, Term, Ty, Var};
use syntax::ast::{self, ExprKind};
use typeck::types::{Type, TypeId};

impl FnGen<'_, '_> {
    pub(crate) fn is_empty_iface(&self, t: TypeId) -> bool {
        self.is_interface(t) && self.g.iface_methods(t).is_empty()
    }

    /// The dynamic type descriptor of interface value `v` of type `t` (0 for nil).
    pub(crate) fn dyn_type(&mut self, v: &Gv, t: TypeId) -> Var {
        let Gv::S(xs) = v else { unreachable!("interfaces are scalars") };
        if self.is_empty_iface(t) {
            return xs[0];
        }
        let w = self.word();
        let tab = self.b().get(xs[0]);
        let r = self.rt_call("runtime.itabType", vec![tab], &[w], false);
        r[0]
    }

    /// A runtime call with explicit result types; the results in variables.
    pub(crate) fn rt_call(
        &mut self,
        sym: &str,
        vals: Vec<ir::Value>,
        results: &[Ty],
        check: bool,
    ) -> Vec<Var> {
        let w = self.word();
        let mut params = vec![w];
        params.extend(vals.iter().map(|&v| self.f.ty(v)));
        let sig = ir::Sig { params, results: results.to_vec() };
        self.g.declare(sym, &sig);
        let mut args = vec![self.iconst_word(0)];
        args.extend(vals);
        let r = self.b().call(sym, &sig, args);
        let rx: Vec<Var> = r.iter().map(|&v| self.tmp(v)).collect();
        if check {
            self.panic_check();
        }
        rx
    }

    /// Converts `v` of type `from` to type `to`, where `to` is an interface.
    pub(crate) fn to_iface(&mut self, v: Gv, from: TypeId, to: TypeId, pos: u32) -> Option<Gv> {
        let w = self.word();
        if !self.is_interface(from) {
            let Gv::S(e) = self.to_eface(v, from, pos)? else { return None };
            if self.is_empty_iface(to) {
                return Some(Gv::S(e));
            }
            let tab = self.g.itab(from, to, pos)?;
            let t = self.b().sym_addr(w, &tab);
            return Some(Gv::S(vec![self.tmp(t), e[1]]));
        }
        if self.is_empty_iface(to) {
            let typ = self.dyn_type(&v, from);
            let Gv::S(xs) = v else { return None };
            return Some(Gv::S(vec![typ, xs[1]]));
        }
        if self.g.iface_methods(from).iter().map(|m| &m.0).eq(self.g.iface_methods(to).iter().map(|m| &m.0)) {
            return Some(v);
        }
        let typ = self.dyn_type(&v, from);
        let inter = self.g.type_descriptor(to, pos)?;
        let iv = self.b().sym_addr(w, &inter);
        let tv = self.b().get(typ);
        let tab = self.rt_call("runtime.assertE2I2", vec![iv, tv], &[w], false);
        let Gv::S(xs) = v else { return None };
        Some(Gv::S(vec![tab[0], xs[1]]))
    }

    /// A value of type `t` from an interface's data word.
    fn unbox(&mut self, data: Var, t: TypeId) -> Gv {
        if self.g.is_direct_iface(t) {
            return Gv::S(vec![data]);
        }
        let v = self.load_place(data, 0, t);
        self.copy_if_mem(v, t)
    }

    /// `x.(T)`; with `comma_ok`, also the success flag (and no panic).
    pub(crate) fn type_assert(&mut self, e: &ast::Expr, comma_ok: bool) -> Option<Vec<Gv>> {
        let ExprKind::Assert { x, ty } = &e.unparen().kind else { return None };
        let xt = self.type_of(x);
        let t = self.type_of(ty);
        let v = self.expr(x)?;
        let w = self.word();
        let Gv::S(xs) = v.clone() else { return None };
        let typ = self.dyn_type(&v, xt);
        if self.is_interface(t) {
            let tv = self.b().get(typ);
            if self.is_empty_iface(t) {
                // To `any`: only nil fails.
                let z = self.iconst_word(0);
                let ok = self.b().cmp(CmpOp::Ne, tv, z);
                let okx = self.tmp(ok);
                if !comma_ok {
                    let src = self.g.type_descriptor(xt, e.pos)?;
                    let want = self.g.type_descriptor(t, e.pos)?;
                    let bad = self.b().un(ir::UnOp::Eqz, ok);
                    let (s, wv) = (self.b().sym_addr(w, &src), self.b().sym_addr(w, &want));
                    let zz = self.iconst_word(0);
                    self.panic_if(bad, "runtime.panicdottype", vec![zz, wv, s]);
                    return Some(vec![Gv::S(vec![typ, xs[1]])]);
                }
                let zero = self.iconst_word(0);
                let okv = self.b().get(okx);
                let d = self.b().get(xs[1]);
                let d = self.b().select(okv, d, zero);
                let dx = self.tmp(d);
                return Some(vec![Gv::S(vec![typ, dx]), Gv::S(vec![okx])]);
            }
            let inter = self.g.type_descriptor(t, e.pos)?;
            let iv = self.b().sym_addr(w, &inter);
            if comma_ok {
                let tab = self.rt_call("runtime.assertE2I2", vec![iv, tv], &[w], false)[0];
                let tb = self.b().get(tab);
                let z = self.iconst_word(0);
                let ok = self.b().cmp(CmpOp::Ne, tb, z);
                let okx = self.tmp(ok);
                let d = self.b().get(xs[1]);
                let d = self.b().select(ok, d, z);
                let dx = self.tmp(d);
                return Some(vec![Gv::S(vec![tab, dx]), Gv::S(vec![okx])]);
            }
            let src = self.g.type_descriptor(xt, e.pos)?;
            let sv = self.b().sym_addr(w, &src);
            let tab = self.rt_call("runtime.assertE2I", vec![iv, sv, tv], &[w], true)[0];
            return Some(vec![Gv::S(vec![tab, xs[1]])]);
        }
        // A concrete type: compare descriptors.
        let want = self.g.type_descriptor(t, e.pos)?;
        let wv = self.b().sym_addr(w, &want);
        let tv = self.b().get(typ);
        let ok = self.b().cmp(CmpOp::Eq, tv, wv);
        if !comma_ok {
            let src = self.g.type_descriptor(xt, e.pos)?;
            let bad = self.b().un(ir::UnOp::Eqz, ok);
            let tv = self.b().get(typ);
            let wv = self.b().sym_addr(w, &want);
            let sv = self.b().sym_addr(w, &src);
            self.panic_if(bad, "runtime.panicdottype", vec![tv, wv, sv]);
            return Some(vec![self.unbox(xs[1], t)]);
        }
        let okx = self.tmp(ok);
        // The value: unboxed when the types match, the zero value otherwise.
        let result = self.new_local(t, None, e.pos)?;
        let yes = self.f.new_block();
        let done = self.f.new_block();
        let okv = self.b().get(okx);
        self.b().term(Term::br(okv, yes, done));
        self.cur = yes;
        let val = self.unbox(xs[1], t);
        self.write_local(&result, t, val);
        self.b().term(Term::jump(done));
        self.cur = done;
        let rv = self.read_local(&result, t);
        Some(vec![rv, Gv::S(vec![okx])])
    }

    /// `switch [v :=] x.(type) { ... }`.
    pub(crate) fn type_switch(&mut self, guard: &ast::Expr, body: &[ast::CaseClause], label: Option<String>) {
        let ExprKind::TypeSwitchGuard { x, .. } = &guard.kind else { return };
        let xt = self.type_of(x);
        let Some(v) = self.expr(x) else { return };
        let Gv::S(xs) = v.clone() else { return };
        let typ = self.dyn_type(&v, xt);
        let w = self.word();
        let done = self.f.new_block();
        let blocks: Vec<ir::Block> = body.iter().map(|_| self.f.new_block()).collect();
        // For each clause, the itab matched (interface cases), to bind the variable.
        let mut default = None;
        let mut single: Vec<Option<(TypeId, Option<Var>)>> = vec![None; body.len()];
        for (i, cc) in body.iter().enumerate() {
            let Some(cases) = &cc.cases else {
                default = Some(blocks[i]);
                continue;
            };
            let list = cases.unpack_list();
            for c in &list {
                let next = self.f.new_block();
                let tv = self.b().get(typ);
                let is_nil = self
                    .g
                    .info
                    .types
                    .get(&self.g.node_expr(c))
                    .is_some_and(|tv| tv.mode == typeck::info::ExprMode::Nil)
                    || self.g.basic(self.type_of(c)) == Some(typeck::types::BasicKind::UntypedNil)
                    || self
                        .g
                        .info
                        .uses
                        .get(&self.g.node_expr(c))
                        .is_some_and(|&o| matches!(self.g.w.obj(o).kind, typeck::types::ObjKind::Nil));
                let ct = self.type_of(c);
                if is_nil {
                    let z = self.iconst_word(0);
                    let m = self.b().cmp(CmpOp::Eq, tv, z);
                    self.b().term(Term::br(m, blocks[i], next));
                } else if self.is_interface(ct) {
                    let Some(inter) = self.g.type_descriptor(ct, c.pos) else { return };
                    let iv = self.b().sym_addr(w, &inter);
                    let tab = self.rt_call("runtime.assertE2I2", vec![iv, tv], &[w], false)[0];
                    let tb = self.b().get(tab);
                    let z = self.iconst_word(0);
                    let m = self.b().cmp(CmpOp::Ne, tb, z);
                    if list.len() == 1 {
                        single[i] = Some((ct, Some(tab)));
                    }
                    self.b().term(Term::br(m, blocks[i], next));
                } else {
                    let Some(want) = self.g.type_descriptor(ct, c.pos) else { return };
                    let wv = self.b().sym_addr(w, &want);
                    let m = self.b().cmp(CmpOp::Eq, tv, wv);
                    if list.len() == 1 {
                        single[i] = Some((ct, None));
                    }
                    self.b().term(Term::br(m, blocks[i], next));
                }
                self.cur = next;
            }
        }
        let after = default.unwrap_or(done);
        self.term_to(Term::jump(after), after);
        for (i, cc) in body.iter().enumerate() {
            self.cur = blocks[i];
            let id = typeck::info::NodeId { file: self.g.file, lo: cc.pos, hi: cc.colon };
            if let Some(&o) = self.g.info.implicits.get(&id) {
                let ot = self.g.w.obj(o).ty;
                let val = match &single[i] {
                    Some((ct, None)) if !self.is_interface(*ct) => self.unbox(xs[1], ot),
                    Some((_, Some(tab))) if !self.is_empty_iface(ot) => Gv::S(vec![*tab, xs[1]]),
                    _ => {
                        // The variable has the switch expression's type.
                        if self.is_empty_iface(ot) && !self.is_empty_iface(xt) {
                            Gv::S(vec![typ, xs[1]])
                        } else {
                            v.clone()
                        }
                    }
                };
                self.bind_local(o, ot, val);
            }
            self.push_break(label.clone(), done);
            for s in &cc.body {
                self.stmt(s);
            }
            self.pop_break();
            self.b().term(Term::jump(done));
        }
        self.cur = done;
    }

    /// A call of method `m` (index `idx` in the interface's sorted method set) on
    /// interface value `recv`: the itab's function, with the data word as receiver.
    pub(crate) fn iface_fn(&mut self, recv: &Gv, idx: usize) -> (Var, Var) {
        let Gv::S(xs) = recv else { unreachable!("interfaces are scalars") };
        let w = self.word();
        let tab = self.b().get(xs[0]);
        let z = self.iconst_word(0);
        let isnil = self.b().cmp(CmpOp::Eq, tab, z);
        self.panic_if(isnil, "runtime.panicmem", vec![]);
        let tab = self.b().get(xs[0]);
        let ws = self.g.target.word_size as u32;
        let f = self.b().load(Mem::of(w), false, w, tab, (2 + idx as u32) * ws);
        (self.tmp(f), xs[1])
    }

    /// The lowering of interface method `m` called through an itab: the receiver
    /// is one word.
    pub(crate) fn iface_abi(&mut self, m_ty: TypeId, pos: u32) -> Option<crate::types::FnAbi> {
        let mut abi = self.g.fn_abi(m_ty, pos)?;
        let Type::Signature(sig) = self.g.w.ty(self.g.under(m_ty)).clone() else { return None };
        let w = self.word();
        if sig.recv.is_some() {
            let (_, c) = abi.params.remove(0);
            let n = match c {
                Class::Scalars(s) => s.len(),
                Class::Mem { .. } => 1,
            };
            abi.sig.params.drain(1..1 + n);
        }
        abi.sig.params.insert(1, w);
        abi.params.insert(
            0,
            (
                TypeId::UNSAFE_POINTER,
                Class::Scalars(vec![crate::types::Scalar { ty: w, mem: Mem::of(w), signed: false, off: 0 }]),
            ),
        );
        Some(abi)
    }
}
