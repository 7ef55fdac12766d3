//! Expressions: constants, operators, conversions, calls, builtins, indexing,
//! selectors, and the places assignments write.

use crate::func::FnGen;
use crate::types::Class;
use ir::{BinOp, Block, CmpOp, ConvOp, Mem, Term, Ty, Var};
use syntax::ast::{self, ExprKind};
use syntax::token::Op;
use typeck::constant::Value as CValue;
use typeck::info::{ExprMode, SelectionKind};
use typeck::types::{BasicKind as K, Builtin, ObjKind, Type, TypeId, VarKind};

/// A Go value: its scalars in variables, or (arrays and structs) a variable holding
/// the address of its memory.
#[derive(Clone, Debug)]
pub(crate) enum Gv {
    S(Vec<Var>),
    M(Var),
}

/// A call ready to be made: a symbol, or a code pointer with its closure
/// context, and the evaluated arguments.
pub(crate) struct Prepared {
    pub sym: Option<String>,
    pub indirect: Option<(Var, Var)>,
    pub abi: crate::types::FnAbi,
    pub vals: Vec<Gv>,
}

/// An evaluated method receiver (see `method_receiver`).
pub(crate) enum Recv {
    Iface(Gv, usize),
    Concrete(String, Gv),
}

/// Where an assignment writes.
#[derive(Clone, Debug)]
pub(crate) enum Place {
    Vars(Vec<Var>),
    /// Memory at the address in the variable plus an offset.
    Mem(Var, u32),
    /// A map element: the map, the address of the key, and the map's type. The
    /// runtime finds (or, to store, adds) the entry when it is read or written.
    MapElem(Var, Var, TypeId),
}

impl FnGen<'_, '_> {
    pub(crate) fn type_of(&self, e: &ast::Expr) -> TypeId {
        self.g.info.types.get(&self.g.node_expr(e)).map_or(TypeId::INVALID, |t| t.ty)
    }

    /// Whether `e`'s type is a pointer.
    pub(crate) fn is_pointer(&self, e: &ast::Expr) -> bool {
        let t = self.type_of(e);
        matches!(self.g.w.ty(self.g.under(t)), Type::Pointer(_))
    }

    pub(crate) fn tmp(&mut self, v: ir::Value) -> Var {
        let x = self.f.new_var(self.f.ty(v));
        self.b().set(x, v);
        x
    }

    fn get1(&mut self, gv: &Gv) -> ir::Value {
        match gv {
            Gv::S(v) => self.b().get(v[0]),
            Gv::M(a) => self.b().get(*a),
        }
    }

    // ---- memory ----

    pub(crate) fn load_place(&mut self, addr: Var, off: u32, t: TypeId) -> Gv {
        match self.g.class(t, 0) {
            Some(Class::Scalars(s)) => {
                let a = self.b().get(addr);
                let vars = s
                    .iter()
                    .map(|s| {
                        let v = self.b().load(s.mem, s.signed, s.ty, a, off + s.off);
                        self.tmp(v)
                    })
                    .collect();
                Gv::S(vars)
            }
            _ => {
                if off == 0 {
                    return Gv::M(addr);
                }
                let a = self.b().get(addr);
                let o = self.iconst_word(i64::from(off));
                let p = self.b().bin(BinOp::Add, a, o);
                Gv::M(self.tmp(p))
            }
        }
    }

    pub(crate) fn store_place(&mut self, addr: Var, off: u32, t: TypeId, gv: Gv) {
        match (self.g.class(t, 0), gv) {
            (Some(Class::Scalars(s)), Gv::S(vals)) => {
                for (s, x) in s.iter().zip(vals) {
                    let a = self.b().get(addr);
                    let v = self.b().get(x);
                    self.b().store(s.mem, a, off + s.off, v);
                }
            }
            (Some(Class::Mem { size, .. }), Gv::M(src)) => {
                let a = self.b().get(addr);
                let dst = if off == 0 {
                    a
                } else {
                    let o = self.iconst_word(i64::from(off));
                    self.b().bin(BinOp::Add, a, o)
                };
                let s = self.b().get(src);
                let n = self.iconst_word(size as i64);
                self.b().copy(dst, s, n);
            }
            _ => {}
        }
    }

    pub(crate) fn load(&mut self, p: &Place, t: TypeId) -> Gv {
        match p {
            Place::Vars(v) => {
                let vars = v
                    .iter()
                    .map(|&x| {
                        let v = self.b().get(x);
                        self.tmp(v)
                    })
                    .collect();
                Gv::S(vars)
            }
            Place::Mem(a, off) => self.load_place(*a, *off, t),
            Place::MapElem(m, k, mt) => {
                let w = self.word();
                let Some(typ) = self.type_addr(*mt, 0) else { return Gv::S(vec![]) };
                let (mv, kv) = (self.b().get(*m), self.b().get(*k));
                let r = self.rt_call("runtime.mapaccess1", vec![typ, mv, kv], &[w], true);
                let v = self.load_place(r[0], 0, t);
                self.copy_if_mem(v, t)
            }
        }
    }

    pub(crate) fn store(&mut self, p: &Place, t: TypeId, gv: Gv) {
        match p {
            Place::Vars(vars) => {
                if let Gv::S(src) = gv {
                    for (&d, &s) in vars.iter().zip(&src) {
                        let v = self.b().get(s);
                        self.b().set(d, v);
                    }
                }
            }
            Place::Mem(a, off) => self.store_place(*a, *off, t, gv),
            Place::MapElem(m, k, mt) => {
                let w = self.word();
                let Some(typ) = self.type_addr(*mt, 0) else { return };
                let (mv, kv) = (self.b().get(*m), self.b().get(*k));
                let r = self.rt_call("runtime.mapassign", vec![typ, mv, kv], &[w], true);
                self.store_place(r[0], 0, t, gv);
            }
        }
    }

    /// The address of type `t`'s descriptor.
    pub(crate) fn type_addr(&mut self, t: TypeId, pos: u32) -> Option<ir::Value> {
        let sym = self.g.type_descriptor(t, pos)?;
        let w = self.word();
        Some(self.b().sym_addr(w, &sym))
    }

    /// The address of memory holding a copy of `gv` (of type `t`).
    pub(crate) fn spill(&mut self, gv: Gv, t: TypeId) -> Option<Var> {
        match gv {
            Gv::M(_) => match self.copy_if_mem(gv, t) {
                Gv::M(a) => Some(a),
                Gv::S(_) => None,
            },
            Gv::S(_) => {
                let a = self.mem_temp(t)?;
                self.store_place(a, 0, t, gv);
                Some(a)
            }
        }
    }

    /// A map index's operands: the map and the address of the key.
    pub(crate) fn map_operands(
        &mut self,
        x: &ast::Expr,
        index: &ast::Expr,
        kt: TypeId,
    ) -> Option<(Var, Var)> {
        let m = self.expr(x)?;
        let Gv::S(mv) = m else { return None };
        let k = self.expr_as(index, kt)?;
        let ka = self.spill(k, kt)?;
        Some((mv[0], ka))
    }

    /// `v, ok := m[k]`.
    pub(crate) fn map_index_ok(&mut self, e: &ast::Expr) -> Option<Vec<Gv>> {
        let ExprKind::Index { x, index } = &e.kind else { return None };
        let mt = self.type_of(x);
        let Type::Map(kt, vt) = self.g.w.ty(self.g.under(mt)).clone() else { return None };
        let (m, k) = self.map_operands(x, index, kt)?;
        let w = self.word();
        let typ = self.type_addr(mt, e.pos)?;
        let (mv, kv) = (self.b().get(m), self.b().get(k));
        let r = self.rt_call("runtime.mapaccess2", vec![typ, mv, kv], &[w, Ty::I32], true);
        let v = self.load_place(r[0], 0, vt);
        let v = self.copy_if_mem(v, vt);
        Some(vec![v, Gv::S(vec![r[1]])])
    }

    /// An array or struct value copied into fresh memory (values that alias a
    /// variable's storage must not change under an assignment).
    pub(crate) fn copy_if_mem(&mut self, gv: Gv, t: TypeId) -> Gv {
        let Gv::M(src) = gv else { return gv };
        let Some((size, align)) = self.g.size_align(t, 0) else { return Gv::M(src) };
        let slot = self.f.new_slot(size as u32, align as u32);
        let w = self.word();
        let dst = self.b().slot_addr(w, slot);
        let s = self.b().get(src);
        let n = self.iconst_word(size as i64);
        self.b().copy(dst, s, n);
        Gv::M(self.tmp(dst))
    }

    fn mem_temp(&mut self, t: TypeId) -> Option<Var> {
        let (size, align) = self.g.size_align(t, 0)?;
        let slot = self.f.new_slot(size as u32, align as u32);
        let w = self.word();
        let a = self.b().slot_addr(w, slot);
        let n = self.iconst_word(size as i64);
        self.b().zero(a, n);
        Some(self.tmp(a))
    }

    // ---- places ----

    pub(crate) fn place(&mut self, e: &ast::Expr) -> Option<(Place, TypeId)> {
        let t = self.type_of(e);
        let e = e.unparen();
        match &e.kind {
            ExprKind::Name(_) => {
                let o = *self
                    .g
                    .info
                    .uses
                    .get(&self.g.node_expr(e))
                    .or_else(|| self.g.info.defs.get(&self.g.node_expr(e)))?;
                if let Some(l) = self.locals.get(&o).cloned() {
                    return Some((
                        match l {
                            crate::func::Local::Vars(v) => Place::Vars(v),
                            crate::func::Local::Mem(a) => Place::Mem(a, 0),
                        },
                        t,
                    ));
                }
                let obj = self.g.w.obj(o);
                if obj.kind == ObjKind::Var(VarKind::PackageVar) {
                    let pkg = obj.pkg.map_or("", |p| self.g.w.pkgs[p.0 as usize].path.as_str()).to_string();
                    let w = self.word();
                    let a = self.b().sym_addr(w, &format!("{pkg}.{}", obj.name));
                    return Some((Place::Mem(self.tmp(a), 0), t));
                }
                self.g.unsupported(e.pos, "this variable");
                None
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.g.info.selections.get(&self.g.node_expr(e)).cloned()?;
                if sel.kind != SelectionKind::FieldVal {
                    self.g.unsupported(e.pos, "method values");
                    return None;
                }
                let xt = self.type_of(x);
                let (addr, mut cur) = if matches!(self.g.w.ty(self.g.under(xt)), Type::Pointer(_)) {
                    let p = self.expr(x)?;
                    let pv = self.get1(&p);
                    self.nil_check(pv);
                    (self.tmp(pv), self.pointee(xt))
                } else {
                    match self.place(x)? {
                        (Place::Mem(a, off), _) => {
                            let av = self.b().get(a);
                            let o = self.iconst_word(i64::from(off));
                            let p = self.b().bin(BinOp::Add, av, o);
                            (self.tmp(p), xt)
                        }
                        (Place::Vars(_) | Place::MapElem(..), _) => {
                            self.g.unsupported(e.pos, "this field selection");
                            return None;
                        }
                    }
                };
                let mut addr = addr;
                let n = sel.index.len();
                for (k, &i) in sel.index.iter().enumerate() {
                    let offs = self.g.field_offsets(cur, e.pos)?;
                    let (f, off) = offs[i];
                    let ft = self.g.w.obj(f).ty;
                    let a = self.b().get(addr);
                    let o = self.iconst_word(off as i64);
                    let p = self.b().bin(BinOp::Add, a, o);
                    addr = self.tmp(p);
                    cur = ft;
                    if k + 1 < n && matches!(self.g.w.ty(self.g.under(ft)), Type::Pointer(_)) {
                        let pv = self.load_place(addr, 0, ft);
                        let pv = self.get1(&pv);
                        self.nil_check(pv);
                        addr = self.tmp(pv);
                        cur = self.pointee(ft);
                    }
                }
                Some((Place::Mem(addr, 0), t))
            }
            ExprKind::Index { x, index } => {
                let xt = self.type_of(x);
                let u = self.g.under(xt);
                let (base, len, elem) = match self.g.w.ty(u).clone() {
                    Type::Slice(el) => {
                        let s = self.expr(x)?;
                        let Gv::S(v) = s else { return None };
                        (v[0], v[1], el)
                    }
                    Type::Array(n, el) if !self.addressable(x) => {
                        // An array value (a call's result, a map element).
                        let Gv::M(a) = self.expr(x)? else { return None };
                        let nv = self.iconst_word(n.unwrap_or(0) as i64);
                        (a, self.tmp(nv), el)
                    }
                    Type::Array(n, el) => {
                        let (p, _) = self.place(x)?;
                        let Place::Mem(a, off) = p else {
                            self.g.unsupported(e.pos, "this array index");
                            return None;
                        };
                        let av = self.b().get(a);
                        let o = self.iconst_word(i64::from(off));
                        let pv = self.b().bin(BinOp::Add, av, o);
                        let nv = self.iconst_word(n.unwrap_or(0) as i64);
                        (self.tmp(pv), self.tmp(nv), el)
                    }
                    Type::Pointer(p) => match self.g.w.ty(self.g.under(p)).clone() {
                        Type::Array(n, el) => {
                            let pv = self.expr(x)?;
                            let pv = self.get1(&pv);
                            self.nil_check(pv);
                            let nv = self.iconst_word(n.unwrap_or(0) as i64);
                            (self.tmp(pv), self.tmp(nv), el)
                        }
                        _ => return None,
                    },
                    Type::Map(kt, _) => {
                        let (m, k) = self.map_operands(x, index, kt)?;
                        return Some((Place::MapElem(m, k, xt), t));
                    }
                    _ => {
                        self.g.unsupported(e.pos, "this index expression");
                        return None;
                    }
                };
                let it = self.type_of(index);
                let i = self.expr(index)?;
                let iv = self.get1(&i);
                let iv = self.widen_to_word(iv, it);
                self.bounds_check(iv, len, "runtime.panicIndex");
                let (es, _) = self.g.size_align(elem, e.pos)?;
                let s = self.iconst_word(es as i64);
                let off = self.b().bin(BinOp::Mul, iv, s);
                let b = self.b().get(base);
                let a = self.b().bin(BinOp::Add, b, off);
                Some((Place::Mem(self.tmp(a), 0), elem))
            }
            ExprKind::Operation { op: Op::Mul, x, y: None } => {
                let p = self.expr(x)?;
                let pv = self.get1(&p);
                self.nil_check(pv);
                Some((Place::Mem(self.tmp(pv), 0), t))
            }
            _ => {
                self.g.unsupported(e.pos, "this assignment");
                None
            }
        }
    }

    fn pointee(&self, t: TypeId) -> TypeId {
        match self.g.w.ty(self.g.under(t)) {
            Type::Pointer(e) => *e,
            _ => TypeId::INVALID,
        }
    }

    /// Panics with Go's nil dereference error when `p` is 0.
    fn nil_check(&mut self, p: ir::Value) {
        let z = self.iconst_word(0);
        let c = self.b().cmp(CmpOp::Eq, p, z);
        self.panic_if(c, "runtime.panicmem", vec![]);
    }

    /// Panics with `index out of range` when `i` is not below `len` (unsigned, so
    /// negative indices fail too).
    fn bounds_check(&mut self, i: ir::Value, len: Var, func: &str) {
        let n = self.b().get(len);
        let c = self.b().cmp(CmpOp::GeU, i, n);
        self.panic_if(c, func, vec![i, n]);
    }

    /// If `c`, calls the runtime panic function `func(args…)` and leaves: a
    /// `check`, or in a function that catches panics a branch to the call and
    /// its exit path.
    pub(crate) fn panic_if(&mut self, c: ir::Value, func: &str, args: Vec<ir::Value>) {
        let w = self.word();
        let mut params = vec![w];
        params.extend(args.iter().map(|&a| self.f.ty(a)));
        let sig = ir::Sig { params, results: vec![] };
        self.g.declare(func, &sig);
        if !self.f.catches {
            self.b().check(c, func, args);
            return;
        }
        let bad = self.f.new_block();
        let ok = self.f.new_block();
        let argx: Vec<Var> = args.iter().map(|&a| self.tmp(a)).collect();
        self.b().term(Term::br(c, bad, ok));
        self.cur = bad;
        let mut vals = vec![self.iconst_word(0)];
        for x in argx {
            vals.push(self.b().get(x));
        }
        self.b().call(func, &sig, vals);
        self.panic_check();
        self.b().term(Term::Unreachable);
        self.cur = ok;
    }

    pub(crate) fn widen_to_word(&mut self, v: ir::Value, t: TypeId) -> ir::Value {
        let w = self.word();
        let vt = self.f.ty(v).class();
        if vt == w.class() {
            return v;
        }
        let signed = self.is_signed(t);
        if w == Ty::I64 && vt == Ty::I32 {
            let op = if signed { ConvOp::ExtendS } else { ConvOp::ExtendU };
            self.b().conv(op, Ty::I64, v)
        } else {
            self.b().conv(ConvOp::Wrap, Ty::I32, v)
        }
    }

    /// A word-sized integer converted to integer type `t`'s representation.
    pub(crate) fn narrow_from_word(&mut self, v: ir::Value, t: TypeId) -> ir::Value {
        let Some(Class::Scalars(s)) = self.g.class(t, 0) else { return v };
        let target = s[0].ty;
        let v = if self.f.ty(v).class() == target.class() {
            v
        } else if target == Ty::I32 {
            self.b().conv(ConvOp::Wrap, Ty::I32, v)
        } else {
            let op = if self.is_signed(t) { ConvOp::ExtendS } else { ConvOp::ExtendU };
            self.b().conv(op, Ty::I64, v)
        };
        self.normalize(v, t)
    }

    fn is_signed(&self, t: TypeId) -> bool {
        matches!(self.g.basic(t), Some(K::Int | K::Int8 | K::Int16 | K::Int32 | K::Int64))
    }

    /// Re-establishes the representation of a narrow integer after arithmetic:
    /// sign- or zero-extended from its width.
    fn normalize(&mut self, v: ir::Value, t: TypeId) -> ir::Value {
        let ty = self.f.ty(v);
        match self.g.basic(t) {
            Some(K::Int8) => self.b().conv(ConvOp::Ext8S, ty, v),
            Some(K::Int16) => self.b().conv(ConvOp::Ext16S, ty, v),
            Some(K::Uint8 | K::Bool) => {
                let m = self.b().iconst(ty, 0xff);
                self.b().bin(BinOp::And, v, m)
            }
            Some(K::Uint16) => {
                let m = self.b().iconst(ty, 0xffff);
                self.b().bin(BinOp::And, v, m)
            }
            _ => v,
        }
    }

    // ---- expressions ----

    pub(crate) fn expr_stmt(&mut self, e: &ast::Expr) {
        let e = e.unparen();
        if let ExprKind::Call { .. } = &e.kind {
            let _ = self.call(e);
        } else {
            let _ = self.expr(e);
        }
    }

    /// `e` converted to type `t` (to an interface when `e` is concrete).
    pub(crate) fn expr_as(&mut self, e: &ast::Expr, t: TypeId) -> Option<Gv> {
        let et = self.type_of(e);
        if self.g.info.types.get(&self.g.node_expr(e)).is_some_and(|tv| tv.mode == ExprMode::Nil)
            || self.g.basic(et) == Some(K::UntypedNil)
        {
            return self.zero_value(t, e.pos);
        }
        let v = self.expr(e)?;
        let et = self.g.default_type(et);
        if t != TypeId::INVALID && self.is_interface(t) && et != t {
            return self.to_iface(v, et, t, e.pos);
        }
        Some(v)
    }

    /// A value of type `from` assigned to type `to`: boxed when `to` is an
    /// interface.
    pub(crate) fn convert_to(&mut self, v: Gv, from: TypeId, to: TypeId, pos: u32) -> Option<Gv> {
        if self.is_interface(to) && from != to {
            return self.to_iface(v, from, to, pos);
        }
        Some(self.copy_if_mem(v, to))
    }

    pub(crate) fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.g.w.ty(self.g.under(t)), Type::Interface(_))
    }

    pub(crate) fn expr(&mut self, e: &ast::Expr) -> Option<Gv> {
        let id = self.g.node_expr(e);
        if let Some(v) = self.preset.get(&id) {
            return Some(v.clone());
        }
        let tv = self.g.info.types.get(&id).cloned();
        if let Some(tv) = &tv
            && let Some(v) = &tv.value
        {
            return self.constant(v, tv.ty, e.pos);
        }
        if let Some(tv) = &tv
            && tv.mode == ExprMode::Nil
        {
            return self.zero_value(tv.ty, e.pos);
        }
        let t = tv.as_ref().map_or(TypeId::INVALID, |t| t.ty);
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Name(_) => {
                let Some(&o) = self.g.info.uses.get(&id) else {
                    self.g.unsupported(e.pos, "this name");
                    return None;
                };
                match &self.g.w.obj(o).kind {
                    ObjKind::Var(_) => {
                        let (p, t) = self.place(e)?;
                        Some(self.load(&p, t))
                    }
                    ObjKind::Nil => self.zero_value(t, e.pos),
                    ObjKind::Func { .. } => Some(self.func_value(o)),
                    _ => {
                        self.g.unsupported(e.pos, "this name");
                        None
                    }
                }
            }
            ExprKind::Operation { op, x, y: Some(y) } => self.binary(e, *op, x, y, t),
            ExprKind::Operation { op, x, y: None } => self.unary(e, *op, x, t),
            ExprKind::Call { .. } => {
                let mut r = self.call(e)?;
                if r.len() != 1 {
                    self.g.unsupported(e.pos, "this call");
                    return None;
                }
                r.pop()
            }
            ExprKind::Index { .. } => {
                let xt = self.type_of(match &e.kind {
                    ExprKind::Index { x, .. } => x,
                    _ => e,
                });
                if matches!(self.g.basic(xt), Some(K::String | K::UntypedString)) {
                    return self.string_index(e);
                }
                let (p, t) = self.place(e)?;
                Some(self.load(&p, t))
            }
            ExprKind::Selector { x, sel } => {
                if let Some(s) = self.g.info.selections.get(&id).cloned() {
                    match s.kind {
                        SelectionKind::MethodVal => return self.method_value(e, x, &s),
                        SelectionKind::MethodExpr => return self.method_expr(e, &s),
                        SelectionKind::FieldVal => {}
                    }
                    // A field of a value that is not addressable (a call's result):
                    // evaluate it into memory first.
                    if !self.addressable(x)
                        && !matches!(self.g.w.ty(self.g.under(self.type_of(x))), Type::Pointer(_))
                    {
                        let xt = self.type_of(x);
                        let v = self.expr(x)?;
                        let Gv::M(a) = v else { return None };
                        let mut cur = xt;
                        let mut off = 0u64;
                        for &i in &s.index.clone() {
                            let offs = self.g.field_offsets(cur, e.pos)?;
                            off += offs[i].1;
                            cur = self.g.w.obj(offs[i].0).ty;
                        }
                        return Some(self.load_place(a, off as u32, t));
                    }
                    let (p, t) = self.place(e)?;
                    return Some(self.load(&p, t));
                }
                // A qualified identifier: another package's variable.
                let Some(&o) = self.g.info.uses.get(&self.g.node_name(sel)) else {
                    self.g.unsupported(e.pos, "this selector");
                    return None;
                };
                if let ObjKind::Var(_) = self.g.w.obj(o).kind {
                    let obj = self.g.w.obj(o);
                    let pkg = obj.pkg.map_or("", |p| self.g.w.pkgs[p.0 as usize].path.as_str()).to_string();
                    let w = self.word();
                    let a = self.b().sym_addr(w, &format!("{pkg}.{}", obj.name));
                    let ax = self.tmp(a);
                    return Some(self.load_place(ax, 0, t));
                }
                if let ObjKind::Func { .. } = self.g.w.obj(o).kind {
                    return Some(self.func_value(o));
                }
                self.g.unsupported(e.pos, "this selector");
                None
            }
            ExprKind::Slice { .. } => self.slice_expr(e),
            ExprKind::CompositeLit { .. } => self.composite(e, t),
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body, t),
            ExprKind::Assert { .. } => self.type_assert(e, false)?.pop(),
            _ => {
                self.g.unsupported(e.pos, "this expression");
                None
            }
        }
    }

    fn addressable(&self, e: &ast::Expr) -> bool {
        match &e.unparen().kind {
            ExprKind::Name(_) => true,
            ExprKind::Selector { x, .. } => {
                self.g.info.selections.contains_key(&self.g.node_expr(e.unparen())) && self.addressable(x)
                    || matches!(self.g.w.ty(self.g.under(self.type_of(x))), Type::Pointer(_))
            }
            ExprKind::Index { x, .. } => match self.g.w.ty(self.g.under(self.type_of(x))) {
                Type::Slice(_) | Type::Pointer(_) => true,
                Type::Map(..) => false,
                _ => self.addressable(x),
            },
            ExprKind::Operation { op: Op::Mul, y: None, .. } => true,
            _ => false,
        }
    }

    pub(crate) fn zero_value(&mut self, t: TypeId, pos: u32) -> Option<Gv> {
        match self.g.class(t, pos)? {
            Class::Scalars(s) => {
                let vars = s
                    .iter()
                    .map(|s| {
                        let z = self.zero_scalar(s.ty);
                        self.tmp(z)
                    })
                    .collect();
                Some(Gv::S(vars))
            }
            Class::Mem { .. } => self.mem_temp(t).map(Gv::M),
        }
    }

    pub(crate) fn constant(&mut self, v: &CValue, t: TypeId, pos: u32) -> Option<Gv> {
        let t = self.g.default_type(t);
        if self.is_interface(t) {
            self.g.unsupported(pos, "constants converted to interfaces");
            return None;
        }
        let Some(Class::Scalars(s)) = self.g.class(t, pos) else { return None };
        let ty = s[0].ty;
        let val = match v {
            CValue::Bool(b) => self.b().iconst(Ty::I32, i64::from(*b)),
            CValue::String(bytes) => {
                let sym = self.g.string_data(bytes);
                let w = self.word();
                let p = if bytes.is_empty() { self.iconst_word(0) } else { self.b().sym_addr(w, &sym) };
                let n = self.iconst_word(bytes.len() as i64);
                let (px, nx) = (self.tmp(p), self.tmp(n));
                return Some(Gv::S(vec![px, nx]));
            }
            CValue::Int(_) | CValue::Float(_) | CValue::Huge { .. } if !ty.is_int() => {
                let f = v.to_rat().map_or(0.0, |r| if ty == Ty::F32 { r.to_f32() } else { r.to_f64() });
                if ty == Ty::F32 {
                    self.b().fconst(ty, u64::from((f as f32).to_bits()))
                } else {
                    self.b().fconst(ty, f.to_bits())
                }
            }
            CValue::Int(i) => {
                let bits = i.to_i64().or_else(|| i.to_u64().map(|u| u as i64)).unwrap_or(0);
                let bits = if ty == Ty::I32 { i64::from(bits as i32) } else { bits };
                self.b().iconst(ty, bits)
            }
            CValue::Float(r) => {
                // An integer-typed constant given as a float literal (`1e3`).
                let f = r.to_f64();
                self.b().iconst(ty, f as i64)
            }
            _ => {
                self.g.unsupported(pos, "this constant");
                return None;
            }
        };
        Some(Gv::S(vec![self.tmp(val)]))
    }

    pub(crate) fn const_of(&mut self, t: TypeId, v: i64, pos: u32) -> Option<Gv> {
        let Some(Class::Scalars(s)) = self.g.class(t, pos) else { return None };
        let ty = s[0].ty;
        let val = if ty.is_int() {
            self.b().iconst(ty, v)
        } else if ty == Ty::F32 {
            self.b().fconst(ty, u64::from((v as f32).to_bits()))
        } else {
            self.b().fconst(ty, (v as f64).to_bits())
        };
        Some(Gv::S(vec![self.tmp(val)]))
    }

    fn binary(&mut self, e: &ast::Expr, op: Op, x: &ast::Expr, y: &ast::Expr, t: TypeId) -> Option<Gv> {
        match op {
            Op::AndAnd | Op::OrOr => {
                let r = self.f.new_var(Ty::I32);
                let yes = self.f.new_block();
                let no = self.f.new_block();
                let done = self.f.new_block();
                self.cond(e, yes, no);
                self.cur = yes;
                let one = self.b().iconst(Ty::I32, 1);
                self.b().set(r, one);
                self.term_to(Term::jump(done), no);
                let zero = self.b().iconst(Ty::I32, 0);
                self.b().set(r, zero);
                self.term_to(Term::jump(done), done);
                Some(Gv::S(vec![r]))
            }
            Op::Eql | Op::Neq | Op::Lss | Op::Leq | Op::Gtr | Op::Geq => {
                let xt = self.type_of(x);
                let yt = self.type_of(y);
                // Compare in the operands' type (an untyped side took the other's).
                let mut ct = if self.g.basic(xt).is_some_and(is_untyped) { yt } else { xt };
                if self.is_interface(yt) && !self.is_interface(xt) {
                    ct = yt;
                }
                let a = self.expr_as(x, ct)?;
                let b = self.expr_as(y, ct)?;
                let r = self.compare(op, ct, a, b, e.pos)?;
                Some(Gv::S(vec![r]))
            }
            Op::Shl | Op::Shr => {
                let yt = self.type_of(y);
                let a = self.expr(x)?;
                let b = self.expr(y)?;
                self.shift(op, t, a, yt, b)
            }
            _ => {
                let a = self.expr(x)?;
                let b = self.expr(y)?;
                self.arith(op, t, a, b, e.pos)
            }
        }
    }

    pub(crate) fn compare(&mut self, op: Op, t: TypeId, a: Gv, b: Gv, pos: u32) -> Option<Var> {
        if matches!(op, Op::Eql | Op::Neq) {
            let eq = self.equal(t, a, b, pos)?;
            if op == Op::Eql {
                return Some(eq);
            }
            let v = self.b().get(eq);
            let n = self.b().un(ir::UnOp::Eqz, v);
            return Some(self.tmp(n));
        }
        if self.g.basic(t) == Some(K::String) {
            let (Gv::S(av), Gv::S(bv)) = (a, b) else { return None };
            let w = self.word();
            let sig = ir::Sig { params: vec![w, w, w, w, w], results: vec![w] };
            self.g.declare("runtime.cmpstring", &sig);
            let mut args = vec![self.iconst_word(0)];
            for x in av.iter().chain(&bv) {
                args.push(self.b().get(*x));
            }
            let c = self.b().call("runtime.cmpstring", &sig, args)[0];
            let z = self.iconst_word(0);
            let cop = match op {
                Op::Lss => CmpOp::LtS,
                Op::Leq => CmpOp::LeS,
                Op::Gtr => CmpOp::GtS,
                _ => CmpOp::GeS,
            };
            let r = self.b().cmp(cop, c, z);
            return Some(self.tmp(r));
        }
        let av = self.get1(&a);
        let bv = self.get1(&b);
        let float = !self.f.ty(av).is_int();
        let signed = self.is_signed(t);
        let cop = match (op, float, signed) {
            (Op::Lss, true, _) => CmpOp::Lt,
            (Op::Leq, true, _) => CmpOp::Le,
            (Op::Gtr, true, _) => CmpOp::Gt,
            (Op::Geq, true, _) => CmpOp::Ge,
            (Op::Lss, _, true) => CmpOp::LtS,
            (Op::Leq, _, true) => CmpOp::LeS,
            (Op::Gtr, _, true) => CmpOp::GtS,
            (Op::Geq, _, true) => CmpOp::GeS,
            (Op::Lss, _, false) => CmpOp::LtU,
            (Op::Leq, _, false) => CmpOp::LeU,
            (Op::Gtr, _, false) => CmpOp::GtU,
            _ => CmpOp::GeU,
        };
        let r = self.b().cmp(cop, av, bv);
        Some(self.tmp(r))
    }

    /// `a == b` as an I32 variable.
    pub(crate) fn equal(&mut self, t: TypeId, a: Gv, b: Gv, pos: u32) -> Option<Var> {
        match (self.g.class(t, pos)?, a, b) {
            (_, Gv::S(av), Gv::S(bv)) if self.g.basic(t) == Some(K::String) => {
                let w = self.word();
                let sig = ir::Sig { params: vec![w, w, w, w, w], results: vec![Ty::I32] };
                self.g.declare("runtime.eqstring", &sig);
                let mut args = vec![self.iconst_word(0)];
                for x in av.iter().chain(&bv) {
                    args.push(self.b().get(*x));
                }
                let r = self.b().call("runtime.eqstring", &sig, args)[0];
                Some(self.tmp(r))
            }
            (_, Gv::S(mut av), Gv::S(mut bv)) if self.is_interface(t) => {
                if !self.is_empty_iface(t) {
                    av[0] = self.dyn_type(&Gv::S(av.clone()), t);
                    bv[0] = self.dyn_type(&Gv::S(bv.clone()), t);
                }
                let w = self.word();
                let sig = ir::Sig { params: vec![w, w, w, w, w], results: vec![Ty::I32] };
                self.g.declare("runtime.efaceeq", &sig);
                let mut args = vec![self.iconst_word(0)];
                for x in av.iter().chain(&bv) {
                    args.push(self.b().get(*x));
                }
                let r = self.b().call("runtime.efaceeq", &sig, args)[0];
                self.panic_check();
                Some(self.tmp(r))
            }
            (Class::Scalars(_), Gv::S(av), Gv::S(bv)) => {
                let mut acc: Option<ir::Value> = None;
                for (x, y) in av.iter().zip(&bv) {
                    let (xv, yv) = (self.b().get(*x), self.b().get(*y));
                    let c = self.b().cmp(CmpOp::Eq, xv, yv);
                    acc = Some(match acc {
                        None => c,
                        Some(p) => self.b().bin(BinOp::And, p, c),
                    });
                }
                let r = match acc {
                    Some(r) => r,
                    None => self.b().iconst(Ty::I32, 1),
                };
                Some(self.tmp(r))
            }
            (Class::Mem { .. }, Gv::M(a), Gv::M(b)) => {
                // Field by field (or element by element) through the type
                // descriptor, as Go's generated equality functions compare.
                let typ = self.type_addr(t, pos)?;
                let (av, bv) = (self.b().get(a), self.b().get(b));
                let r = self.rt_call("runtime.memequal", vec![typ, av, bv], &[Ty::I32], true);
                Some(r[0])
            }
            _ => {
                self.g.unsupported(pos, "this comparison");
                None
            }
        }
    }

    pub(crate) fn arith(&mut self, op: Op, t: TypeId, a: Gv, b: Gv, pos: u32) -> Option<Gv> {
        if self.g.basic(t) == Some(K::String) {
            let (Gv::S(av), Gv::S(bv)) = (a, b) else { return None };
            let w = self.word();
            let sig = ir::Sig { params: vec![w, w, w, w, w], results: vec![w, w] };
            self.g.declare("runtime.concatstring2", &sig);
            let mut args = vec![self.iconst_word(0)];
            for x in av.iter().chain(&bv) {
                args.push(self.b().get(*x));
            }
            let r = self.b().call("runtime.concatstring2", &sig, args);
            let vars = r.iter().map(|&v| self.tmp(v)).collect();
            return Some(Gv::S(vars));
        }
        let av = self.get1(&a);
        let bv = self.get1(&b);
        let ty = self.f.ty(av);
        let float = !ty.is_int();
        let signed = self.is_signed(t);
        let r = match op {
            Op::Add => self.b().bin(BinOp::Add, av, bv),
            Op::Sub => self.b().bin(BinOp::Sub, av, bv),
            Op::Mul => self.b().bin(BinOp::Mul, av, bv),
            Op::Or => self.b().bin(BinOp::Or, av, bv),
            Op::Xor => self.b().bin(BinOp::Xor, av, bv),
            Op::And => self.b().bin(BinOp::And, av, bv),
            Op::AndNot => {
                let m = self.b().iconst(ty, -1);
                let nb = self.b().bin(BinOp::Xor, bv, m);
                self.b().bin(BinOp::And, av, nb)
            }
            Op::Div if float => self.b().bin(BinOp::Div, av, bv),
            Op::Div | Op::Rem => {
                // Division by zero panics; MinInt / -1 wraps (Wasm would trap).
                let z = self.b().iconst(ty, 0);
                let c = self.b().cmp(CmpOp::Eq, bv, z);
                let (ax, bx) = (self.tmp(av), self.tmp(bv));
                self.panic_if(c, "runtime.panicdivide", vec![]);
                let (av, bv) = (self.b().get(ax), self.b().get(bx));
                if signed {
                    let m1 = self.b().iconst(ty, -1);
                    let is_m1 = self.b().cmp(CmpOp::Eq, bv, m1);
                    let one = self.b().iconst(ty, 1);
                    let safe = self.b().select(is_m1, one, bv);
                    if op == Op::Div {
                        let q = self.b().bin(BinOp::DivS, av, safe);
                        let z = self.b().iconst(ty, 0);
                        let neg = self.b().bin(BinOp::Sub, z, av);
                        self.b().select(is_m1, neg, q)
                    } else {
                        let r = self.b().bin(BinOp::RemS, av, safe);
                        let z = self.b().iconst(ty, 0);
                        self.b().select(is_m1, z, r)
                    }
                } else if op == Op::Div {
                    self.b().bin(BinOp::DivU, av, bv)
                } else {
                    self.b().bin(BinOp::RemU, av, bv)
                }
            }
            _ => {
                self.g.unsupported(pos, "this operator");
                return None;
            }
        };
        let r = if float { r } else { self.normalize(r, t) };
        Some(Gv::S(vec![self.tmp(r)]))
    }

    pub(crate) fn shift(&mut self, op: Op, t: TypeId, a: Gv, ct: TypeId, b: Gv) -> Option<Gv> {
        let av = self.get1(&a);
        let cv = self.get1(&b);
        let ty = self.f.ty(av);
        let cty = self.f.ty(cv);
        let (ax, cx) = (self.tmp(av), self.tmp(cv));
        if self.is_signed(ct) {
            let z = self.b().iconst(cty, 0);
            let c = self.b().get(cx);
            let neg = self.b().cmp(CmpOp::LtS, c, z);
            self.panic_if(neg, "runtime.panicshift", vec![]);
        }
        let (av, cv) = (self.b().get(ax), self.b().get(cx));
        let width = i64::from(ty.bytes() * 8);
        let wv = self.b().iconst(cty, width);
        let big = self.b().cmp(CmpOp::GeU, cv, wv);
        let c = match (cty, ty) {
            (Ty::I64, Ty::I32) => self.b().conv(ConvOp::Wrap, Ty::I32, cv),
            (Ty::I32, Ty::I64) => self.b().conv(ConvOp::ExtendU, Ty::I64, cv),
            _ => cv,
        };
        let signed = self.is_signed(t);
        let r = match op {
            Op::Shl => {
                let s = self.b().bin(BinOp::Shl, av, c);
                let z = self.b().iconst(ty, 0);
                self.b().select(big, z, s)
            }
            _ if signed => {
                let m = self.b().iconst(ty, width - 1);
                let c2 = self.b().select(big, m, c);
                self.b().bin(BinOp::ShrS, av, c2)
            }
            _ => {
                let s = self.b().bin(BinOp::ShrU, av, c);
                let z = self.b().iconst(ty, 0);
                self.b().select(big, z, s)
            }
        };
        let r = self.normalize(r, t);
        Some(Gv::S(vec![self.tmp(r)]))
    }

    fn unary(&mut self, e: &ast::Expr, op: Op, x: &ast::Expr, t: TypeId) -> Option<Gv> {
        match op {
            Op::And => {
                // &x: x lives in memory (address-taken locals are on the heap).
                if let ExprKind::CompositeLit { .. } = &x.unparen().kind {
                    let xt = self.type_of(x);
                    let v = self.expr(x)?;
                    let (size, _) = self.g.size_align(xt, e.pos)?;
                    let p = self.alloc(size);
                    let px = self.tmp(p);
                    self.store_place(px, 0, xt, v);
                    return Some(Gv::S(vec![px]));
                }
                let (p, _) = self.place(x)?;
                match p {
                    Place::Mem(a, off) => {
                        let av = self.b().get(a);
                        let o = self.iconst_word(i64::from(off));
                        let r = self.b().bin(BinOp::Add, av, o);
                        Some(Gv::S(vec![self.tmp(r)]))
                    }
                    Place::Vars(_) | Place::MapElem(..) => {
                        self.g.unsupported(e.pos, "taking this address");
                        None
                    }
                }
            }
            Op::Mul => {
                let (p, t) = self.place(e)?;
                Some(self.load(&p, t))
            }
            Op::Add => self.expr(x),
            Op::Not => {
                let v = self.expr(x)?;
                let v = self.get1(&v);
                let r = self.b().un(ir::UnOp::Eqz, v);
                Some(Gv::S(vec![self.tmp(r)]))
            }
            Op::Sub => {
                let v = self.expr(x)?;
                let v = self.get1(&v);
                let ty = self.f.ty(v);
                let r = if ty.is_int() {
                    let z = self.b().iconst(ty, 0);
                    let r = self.b().bin(BinOp::Sub, z, v);
                    self.normalize(r, t)
                } else {
                    self.b().un(ir::UnOp::Neg, v)
                };
                Some(Gv::S(vec![self.tmp(r)]))
            }
            Op::Xor => {
                let v = self.expr(x)?;
                let v = self.get1(&v);
                let ty = self.f.ty(v);
                let m = self.b().iconst(ty, -1);
                let r = self.b().bin(BinOp::Xor, v, m);
                let r = self.normalize(r, t);
                Some(Gv::S(vec![self.tmp(r)]))
            }
            Op::Recv => {
                self.g.unsupported(e.pos, "channel receives");
                None
            }
            _ => {
                self.g.unsupported(e.pos, "this operator");
                None
            }
        }
    }

    /// Branches to `yes` or `no` on a boolean expression, short-circuiting.
    pub(crate) fn cond(&mut self, e: &ast::Expr, yes: Block, no: Block) {
        let inner = e.unparen();
        match &inner.kind {
            ExprKind::Operation { op: Op::AndAnd, x, y: Some(y) } => {
                let mid = self.f.new_block();
                self.cond(x, mid, no);
                self.cur = mid;
                self.cond(y, yes, no);
            }
            ExprKind::Operation { op: Op::OrOr, x, y: Some(y) } => {
                let mid = self.f.new_block();
                self.cond(x, yes, mid);
                self.cur = mid;
                self.cond(y, yes, no);
            }
            ExprKind::Operation { op: Op::Not, x, y: None }
                if self.g.info.types.get(&self.g.node_expr(inner)).is_none_or(|t| t.value.is_none()) =>
            {
                self.cond(x, no, yes);
            }
            _ => {
                let Some(v) = self.expr(e) else {
                    self.b().term(Term::jump(no));
                    self.cur = self.f.new_block();
                    return;
                };
                let c = self.get1(&v);
                self.b().term(Term::br(c, yes, no));
                self.cur = self.f.new_block();
            }
        }
    }

    fn string_index(&mut self, e: &ast::Expr) -> Option<Gv> {
        let ExprKind::Index { x, index } = &e.kind else { return None };
        let s = self.expr(x)?;
        let Gv::S(sv) = s else { return None };
        let it = self.type_of(index);
        let i = self.expr(index)?;
        let iv = self.get1(&i);
        let iv = self.widen_to_word(iv, it);
        self.bounds_check(iv, sv[1], "runtime.panicIndex");
        let p = self.b().get(sv[0]);
        let a = self.b().bin(BinOp::Add, p, iv);
        let r = self.b().load(Mem::I8, false, Ty::I32, a, 0);
        Some(Gv::S(vec![self.tmp(r)]))
    }

    fn slice_expr(&mut self, e: &ast::Expr) -> Option<Gv> {
        let ExprKind::Slice { x, index, .. } = &e.kind else { return None };
        let xt = self.g.default_type(self.type_of(x));
        let u = self.g.under(xt);
        // (base pointer, len, cap, element size)
        let (base, len, cap, es) = match self.g.w.ty(u).clone() {
            Type::Basic(K::String, _) => {
                let Gv::S(v) = self.expr(x)? else { return None };
                (v[0], v[1], v[1], 1)
            }
            Type::Slice(el) => {
                let Gv::S(v) = self.expr(x)? else { return None };
                let (es, _) = self.g.size_align(el, e.pos)?;
                (v[0], v[1], v[2], es)
            }
            Type::Array(n, el) => {
                let (p, _) = self.place(x)?;
                let Place::Mem(a, off) = p else { return None };
                let av = self.b().get(a);
                let o = self.iconst_word(i64::from(off));
                let pv = self.b().bin(BinOp::Add, av, o);
                let nv = self.iconst_word(n.unwrap_or(0) as i64);
                let (es, _) = self.g.size_align(el, e.pos)?;
                let nx = self.tmp(nv);
                (self.tmp(pv), nx, nx, es)
            }
            Type::Pointer(p) => match self.g.w.ty(self.g.under(p)).clone() {
                Type::Array(n, el) => {
                    let pv = self.expr(x)?;
                    let pv = self.get1(&pv);
                    self.nil_check(pv);
                    let nv = self.iconst_word(n.unwrap_or(0) as i64);
                    let (es, _) = self.g.size_align(el, e.pos)?;
                    let nx = self.tmp(nv);
                    (self.tmp(pv), nx, nx, es)
                }
                _ => return None,
            },
            _ => {
                self.g.unsupported(e.pos, "this slice expression");
                return None;
            }
        };
        let is_string = self.g.basic(u) == Some(K::String);
        let mut idx: Vec<Var> = Vec::new();
        for (k, ix) in index.iter().enumerate() {
            let v = match ix {
                Some(ix) => {
                    let it = self.type_of(ix);
                    let g = self.expr(ix)?;
                    let v = self.get1(&g);
                    self.widen_to_word(v, it)
                }
                None if k == 0 => self.iconst_word(0),
                None if k == 1 => self.b().get(len),
                None => self.b().get(cap),
            };
            idx.push(self.tmp(v));
        }
        // 0 <= lo <= hi <= max <= cap, checked in Go's order with its messages:
        // arrays and strings are bounded "with length", slices "with capacity".
        let (lo, hi, max) = (idx[0], idx[1], idx[2]);
        let with_len = is_string || !matches!(self.g.w.ty(u), Type::Slice(_));
        let check = |fg: &mut Self, a: Var, b: Var, func: &str| {
            let (av, bv) = (fg.b().get(a), fg.b().get(b));
            let c = fg.b().cmp(CmpOp::GtU, av, bv);
            fg.panic_if(c, func, vec![av, bv]);
        };
        if index.get(2).is_some_and(Option::is_some) {
            let f = if with_len { "runtime.panicSlice3Alen" } else { "runtime.panicSlice3Acap" };
            check(self, max, cap, f);
            check(self, hi, max, "runtime.panicSlice3B");
            check(self, lo, hi, "runtime.panicSlice3C");
        } else if index.get(1).is_some_and(Option::is_some) {
            let f = if with_len { "runtime.panicSliceAlen" } else { "runtime.panicSliceAcap" };
            check(self, hi, if is_string { len } else { cap }, f);
            check(self, lo, hi, "runtime.panicSliceB");
        } else {
            check(self, lo, len, "runtime.panicSliceB");
        }
        let (lv, hv, mv) = (self.b().get(lo), self.b().get(hi), self.b().get(max));
        let n = self.b().bin(BinOp::Sub, hv, lv);
        let cp = self.b().bin(BinOp::Sub, mv, lv);
        let esv = self.iconst_word(es as i64);
        let off = self.b().bin(BinOp::Mul, lv, esv);
        // A slice of length zero at the end keeps a pointer inside the array only
        // when its capacity is not zero, as Go does.
        let bp = self.b().get(base);
        let moved = self.b().bin(BinOp::Add, bp, off);
        let z = self.iconst_word(0);
        let nonempty = self.b().cmp(CmpOp::Ne, cp, z);
        let p = self.b().select(nonempty, moved, bp);
        let (px, nx) = (self.tmp(p), self.tmp(n));
        if is_string {
            return Some(Gv::S(vec![px, nx]));
        }
        let cx = self.tmp(cp);
        Some(Gv::S(vec![px, nx, cx]))
    }

    fn composite(&mut self, e: &ast::Expr, t: TypeId) -> Option<Gv> {
        let ExprKind::CompositeLit { elems, .. } = &e.kind else { return None };
        let u = self.g.under(t);
        match self.g.w.ty(u).clone() {
            Type::Struct(st) => {
                let a = self.mem_temp(t)?;
                let offs = self.g.field_offsets(t, e.pos)?;
                for (i, el) in elems.iter().enumerate() {
                    let (fi, val) = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            let ExprKind::Name(n) = &key.kind else { return None };
                            let fi = st.fields.iter().position(|&f| &self.g.w.obj(f).name == n)?;
                            (fi, value.as_ref())
                        }
                        _ => (i, el),
                    };
                    let (f, off) = offs[fi];
                    let ft = self.g.w.obj(f).ty;
                    let v = self.expr_as(val, ft)?;
                    self.store_place(a, off as u32, ft, v);
                }
                Some(Gv::M(a))
            }
            Type::Array(n, el) => {
                let a = self.mem_temp(t)?;
                self.fill_elems(a, el, elems, n.unwrap_or(0), e.pos)?;
                Some(Gv::M(a))
            }
            Type::Slice(el) => {
                // The length is one past the largest index.
                let mut n = 0u64;
                let mut next = 0u64;
                for x in elems {
                    if let ExprKind::KeyValue { key, .. } = &x.kind {
                        next = self.const_index(key)?;
                    }
                    next += 1;
                    n = n.max(next);
                }
                let (es, _) = self.g.size_align(el, e.pos)?;
                let p = self.alloc(es * n);
                let px = self.tmp(p);
                self.fill_elems(px, el, elems, n, e.pos)?;
                let nv = self.iconst_word(n as i64);
                let nx = self.tmp(nv);
                Some(Gv::S(vec![px, nx, nx]))
            }
            Type::Map(kt, vt) => {
                let w = self.word();
                let typ = self.type_addr(t, e.pos)?;
                let n = self.iconst_word(elems.len() as i64);
                let m = self.rt_call("runtime.makemap", vec![typ, n], &[w], true)[0];
                for el in elems {
                    let ExprKind::KeyValue { key, value } = &el.kind else { return None };
                    let k = self.expr_as(key, kt)?;
                    let ka = self.spill(k, kt)?;
                    let v = self.expr_as(value, vt)?;
                    self.store(&Place::MapElem(m, ka, t), vt, v);
                }
                Some(Gv::S(vec![m]))
            }
            _ => {
                self.g.unsupported(e.pos, "this composite literal");
                None
            }
        }
    }

    fn const_index(&mut self, key: &ast::Expr) -> Option<u64> {
        let tv = self.g.info.types.get(&self.g.node_expr(key))?;
        match &tv.value {
            Some(CValue::Int(i)) => i.to_u64(),
            _ => None,
        }
    }

    fn fill_elems(&mut self, base: Var, el: TypeId, elems: &[ast::Expr], _n: u64, pos: u32) -> Option<()> {
        let (es, _) = self.g.size_align(el, pos)?;
        let mut idx = 0u64;
        for x in elems {
            let val = match &x.kind {
                ExprKind::KeyValue { key, value } => {
                    idx = self.const_index(key)?;
                    value.as_ref()
                }
                _ => x,
            };
            let v = self.expr_as(val, el)?;
            self.store_place(base, (idx * es) as u32, el, v);
            idx += 1;
        }
        Some(())
    }

    /// A concrete value boxed into an empty interface: (type descriptor, data word).
    pub(crate) fn to_eface(&mut self, v: Gv, t: TypeId, pos: u32) -> Option<Gv> {
        let sym = self.g.type_descriptor(t, pos)?;
        let w = self.word();
        let tp = self.b().sym_addr(w, &sym);
        let tx = self.tmp(tp);
        let data = if self.g.is_direct_iface(t) {
            let d = self.get1(&v);
            self.tmp(d)
        } else {
            let (size, _) = self.g.size_align(t, pos)?;
            let p = self.alloc(size.max(1));
            let px = self.tmp(p);
            self.store_place(px, 0, t, v);
            px
        };
        Some(Gv::S(vec![tx, data]))
    }

    // ---- calls ----

    /// A call returning several values (`a, b := f()`).
    pub(crate) fn multi_call(&mut self, e: &ast::Expr) -> Option<Vec<Gv>> {
        match &e.unparen().kind {
            ExprKind::Call { .. } => return self.call(e.unparen()),
            ExprKind::Assert { .. } => return self.type_assert(e.unparen(), true),
            ExprKind::Index { .. } => return self.map_index_ok(e.unparen()),
            _ => {}
        }
        self.g.unsupported(e.pos, "this multi-value expression");
        None
    }

    /// A call, conversion or builtin; the results.
    pub(crate) fn call(&mut self, e: &ast::Expr) -> Option<Vec<Gv>> {
        if let Some(r) = self.take_hoisted(e.unparen()) {
            return Some(r);
        }
        let ExprKind::Call { fun, args, has_dots } = &e.unparen().kind else { return None };
        let t = self.type_of(e);
        let ftv = self.g.info.types.get(&self.g.node_expr(fun)).cloned();
        match ftv.as_ref().map(|t| t.mode) {
            Some(ExprMode::TypeExpr) => {
                let v = self.conversion(&args[0], t, e.pos)?;
                return Some(vec![v]);
            }
            Some(ExprMode::Builtin(b)) => return self.builtin(e, b, args, *has_dots, t),
            _ => {}
        }
        let p = self.prepare_call(e)?;
        match (&p.sym, p.indirect) {
            (Some(sym), _) => self.emit_call(sym, &p.abi, p.vals, e.pos),
            (None, ind) => self.emit_call_to(None, ind, &p.abi, p.vals),
        }
    }

    /// A call's callee and arguments, evaluated (for calls now, and deferred ones).
    pub(crate) fn prepare_call(&mut self, e: &ast::Expr) -> Option<Prepared> {
        let ExprKind::Call { fun, args, has_dots } = &e.unparen().kind else { return None };
        // The callee: a package-level function, a method of a concrete type, a
        // method of an interface, or a function value.
        enum Callee {
            Sym(String),
            /// A method with its receiver evaluated.
            SymRecv(String, Gv),
            /// An interface method: the interface value and the method's index.
            IfaceVal(Gv, usize),
            Value,
        }
        let fun_u = fun.unparen();
        // The calls among the operands run first, the function's before the
        // arguments' (gc's order: in a(x)(b(y)), a(x) is called before b(y)).
        match &fun_u.kind {
            ExprKind::Selector { x, .. } => self.hoist_calls(x),
            ExprKind::Name(_) => {}
            _ => self.hoist_calls(fun_u),
        }
        for a in args {
            self.hoist_calls(a);
        }
        let func_obj = |fg: &Self, e: &ast::Expr| {
            fg.g.info
                .uses
                .get(&fg.g.node_expr(e))
                .copied()
                .filter(|&o| matches!(fg.g.w.obj(o).kind, ObjKind::Func { .. }))
        };
        let (callee, sig_ty): (Callee, TypeId) = match &fun_u.kind {
            ExprKind::Name(_) if func_obj(self, fun_u).is_some() => {
                let o = func_obj(self, fun_u)?;
                (Callee::Sym(self.g.func_symbol(o)), self.g.w.obj(o).ty)
            }
            ExprKind::Selector { x, sel } => {
                match self.g.info.selections.get(&self.g.node_expr(fun_u)).cloned() {
                    Some(s) if s.kind == SelectionKind::MethodVal => {
                        // The receiver is evaluated before the arguments.
                        let mt = self.g.w.obj(s.obj).ty;
                        match self.method_receiver(x, &s, e.pos)? {
                            Recv::Iface(v, idx) => (Callee::IfaceVal(v, idx), mt),
                            Recv::Concrete(sym, v) => (Callee::SymRecv(sym, v), mt),
                        }
                    }
                    // A field holding a function, or a method expression.
                    Some(_) => (Callee::Value, self.type_of(fun_u)),
                    None => match self.g.info.uses.get(&self.g.node_name(sel)).copied() {
                        Some(o) if matches!(self.g.w.obj(o).kind, ObjKind::Func { .. }) => {
                            (Callee::Sym(self.g.func_symbol(o)), self.g.w.obj(o).ty)
                        }
                        _ => (Callee::Value, self.type_of(fun_u)),
                    },
                }
            }
            _ => (Callee::Value, self.type_of(fun_u)),
        };
        let Type::Signature(sig) = self.g.w.ty(self.g.under(sig_ty)).clone() else { return None };
        let abi = match &callee {
            Callee::IfaceVal(..) => self.iface_abi(sig_ty, e.pos)?,
            _ => self.g.fn_abi(sig_ty, e.pos)?,
        };
        // The function value or interface is evaluated before the arguments.
        let mut target: Option<(Var, Var)> = None;
        let mut vals: Vec<Gv> = Vec::new();
        match &callee {
            Callee::Value => {
                let fv = self.expr(fun_u)?;
                let c = self.get1(&fv);
                self.nil_check(c);
                let w = self.word();
                let c = self.get1(&fv);
                let code = self.b().load(Mem::of(w), false, w, c, 0);
                target = Some((
                    self.tmp(code),
                    match fv {
                        Gv::S(v) => v[0],
                        Gv::M(a) => a,
                    },
                ));
            }
            Callee::IfaceVal(rv, idx) => {
                let (f, data) = self.iface_fn(rv, *idx);
                let z = self.iconst_word(0);
                target = Some((f, self.tmp(z)));
                vals.push(Gv::S(vec![data]));
            }
            Callee::SymRecv(_, recv) => vals.push(recv.clone()),
            Callee::Sym(..) => {}
        }
        let ptypes = self.g.param_types(&sig.params);
        let tuple = match args.first().map(|a| self.g.w.ty(self.type_of(a))) {
            Some(Type::Tuple(vars)) if args.len() == 1 => Some(self.g.param_types(vars)),
            _ => None,
        };
        if let Some(ttypes) = tuple {
            // f(g()): g's results are f's arguments.
            let results = self.multi_call(&args[0])?;
            let fixed = if sig.variadic { ptypes.len() - 1 } else { ptypes.len() };
            let mut rs = results.into_iter().zip(ttypes);
            for &pt in &ptypes[..fixed] {
                let (v, t) = rs.next()?;
                vals.push(self.convert_to(v, t, pt, e.pos)?);
            }
            if sig.variadic {
                let st = *ptypes.last()?;
                let Type::Slice(el) = self.g.w.ty(self.g.under(st)).clone() else { return None };
                let rest: Vec<(Gv, TypeId)> = rs.collect();
                let (es, _) = self.g.size_align(el, e.pos)?;
                let p = self.alloc(es * rest.len() as u64);
                let px = self.tmp(p);
                for (i, (v, t)) in rest.iter().cloned().enumerate() {
                    let v = self.convert_to(v, t, el, e.pos)?;
                    self.store_place(px, (i as u64 * es) as u32, el, v);
                }
                let n = self.iconst_word(rest.len() as i64);
                let nx = self.tmp(n);
                vals.push(if rest.is_empty() {
                    self.zero_value(st, e.pos)?
                } else {
                    Gv::S(vec![px, nx, nx])
                });
            }
        } else {
            let fixed = if sig.variadic && !has_dots { ptypes.len() - 1 } else { ptypes.len() };
            for (a, &pt) in args.iter().zip(&ptypes).take(fixed) {
                let v = self.expr_as(a, pt)?;
                vals.push(self.copy_if_mem(v, pt));
            }
            if sig.variadic && !has_dots {
                let st = *ptypes.last()?;
                let Type::Slice(el) = self.g.w.ty(self.g.under(st)).clone() else { return None };
                let rest = &args[fixed.min(args.len())..];
                if rest.is_empty() {
                    vals.push(self.zero_value(st, e.pos)?);
                } else {
                    let (es, _) = self.g.size_align(el, e.pos)?;
                    let p = self.alloc(es * rest.len() as u64);
                    let px = self.tmp(p);
                    for (i, a) in rest.iter().enumerate() {
                        let v = self.expr_as(a, el)?;
                        self.store_place(px, (i as u64 * es) as u32, el, v);
                    }
                    let n = self.iconst_word(rest.len() as i64);
                    let nx = self.tmp(n);
                    vals.push(Gv::S(vec![px, nx, nx]));
                }
            }
        }
        Some(match callee {
            Callee::Sym(sym) | Callee::SymRecv(sym, _) => {
                Prepared { sym: Some(sym), indirect: None, abi, vals }
            }
            _ => Prepared { sym: None, indirect: Some(target?), abi, vals },
        })
    }

    /// The receiver of method selection `x.m` (`s`), evaluated: an interface
    /// value and the method's index in it, or the method's symbol and the value
    /// it takes (`&x` for a pointer method, `*x` for a value method, through
    /// embedded fields for promoted methods).
    pub(crate) fn method_receiver(
        &mut self,
        x: &ast::Expr,
        s: &typeck::info::Selection,
        pos: u32,
    ) -> Option<Recv> {
        let iface_idx = |fg: &Self, it: TypeId| {
            let key = fg.g.method_key(s.obj);
            fg.g.iface_methods(it).iter().position(|m| m.0 == key)
        };
        if s.index.is_empty() && self.is_interface(s.recv) {
            let idx = iface_idx(self, s.recv)?;
            return Some(Recv::Iface(self.expr(x)?, idx));
        }
        let ptr_recv = matches!(self.g.w.obj(s.obj).kind, ObjKind::Func { ptr_recv: true });
        let sym = self.g.func_symbol(s.obj);
        if !s.index.is_empty() {
            let (addr, rt) = self.embedded_addr(x, &s.index, pos)?;
            if self.is_interface(rt) {
                let idx = iface_idx(self, rt)?;
                return Some(Recv::Iface(self.load_place(addr, 0, rt), idx));
            }
            let recv = if ptr_recv {
                Gv::S(vec![addr])
            } else {
                let v = self.load_place(addr, 0, rt);
                self.copy_if_mem(v, rt)
            };
            return Some(Recv::Concrete(sym, recv));
        }
        let Type::Signature(sig) = self.g.w.ty(self.g.w.obj(s.obj).ty).clone() else { return None };
        let rt = self.g.w.obj(sig.recv?).ty;
        let have_ptr = matches!(self.g.w.ty(self.g.under(self.type_of(x))), Type::Pointer(_));
        let v = match (ptr_recv, have_ptr) {
            (true, false) => {
                let (p, _) = self.place(x)?;
                let Place::Mem(a, off) = p else {
                    self.g.unsupported(pos, "this method call");
                    return None;
                };
                let av = self.b().get(a);
                let o = self.iconst_word(i64::from(off));
                let r = self.b().bin(BinOp::Add, av, o);
                Gv::S(vec![self.tmp(r)])
            }
            (false, true) => {
                let pv = self.expr(x)?;
                let pv = self.get1(&pv);
                self.nil_check(pv);
                let px = self.tmp(pv);
                let v = self.load_place(px, 0, rt);
                self.copy_if_mem(v, rt)
            }
            _ => {
                let v = self.expr(x)?;
                self.copy_if_mem(v, rt)
            }
        };
        Some(Recv::Concrete(sym, v))
    }

    /// A package-level function as a value: a static closure object holding only
    /// the code pointer.
    fn func_value(&mut self, o: typeck::types::ObjId) -> Gv {
        let sym = self.g.func_symbol(o);
        let mty = self.g.w.obj(o).ty;
        let sig = self.g.fn_abi(mty, 0).map(|a| a.sig);
        self.static_closure(&sym, sig.as_ref())
    }

    /// The static closure object of function `sym` (declared with `sig`).
    fn static_closure(&mut self, sym: &str, sig: Option<&ir::Sig>) -> Gv {
        let name = format!("go:closure.{sym}");
        if !self.g.type_syms.contains(&name) {
            self.g.type_syms.insert(name.clone());
            let ws = self.g.target.word_size;
            if let Some(sig) = sig {
                self.g.declare(sym, sig);
            }
            self.g.module.data.push(ir::Data {
                name: name.clone(),
                size: ws as u32,
                align: ws as u32,
                readonly: true,
                init: vec![0; ws as usize],
                relocs: vec![ir::Reloc {
                    off: 0,
                    kind: ir::RelocKind::Func { width: ws as u8 },
                    target: sym.to_string(),
                    addend: 0,
                }],
            });
        }
        let w = self.word();
        let a = self.b().sym_addr(w, &name);
        Gv::S(vec![self.tmp(a)])
    }

    /// A method value `x.m`: a closure object holding the code of a wrapper and
    /// the receiver evaluated now (an interface's itab and data, or the value
    /// or pointer the method takes).
    fn method_value(&mut self, e: &ast::Expr, x: &ast::Expr, s: &typeck::info::Selection) -> Option<Gv> {
        let mt = self.g.w.obj(s.obj).ty;
        let w = self.word();
        let ws = self.g.target.word_size;
        match self.method_receiver(x, s, e.pos)? {
            Recv::Iface(v, idx) => {
                let Gv::S(xs) = v else { return None };
                // Go evaluates the method now: a nil interface panics here.
                let tab = self.b().get(xs[0]);
                self.nil_check(tab);
                let iabi = self.iface_abi(mt, e.pos)?;
                let code = self.g.iface_method_value_wrapper(&iabi.sig, idx, mt);
                let p = self.alloc(3 * ws);
                let px = self.tmp(p);
                let c = self.b().func_addr(w, &code);
                let (pv, tv, dv) = (self.b().get(px), self.b().get(xs[0]), self.b().get(xs[1]));
                self.b().store(Mem::of(w), pv, 0, c);
                self.b().store(Mem::of(w), pv, ws as u32, tv);
                self.b().store(Mem::of(w), pv, 2 * ws as u32, dv);
                Some(Gv::S(vec![px]))
            }
            Recv::Concrete(sym, v) => {
                let abi = self.g.fn_abi(mt, e.pos)?;
                let rt = abi.params.first()?.0;
                let (size, _) = self.g.size_align(rt, e.pos)?;
                let code = self.g.method_value_wrapper(&sym, &abi);
                let p = self.alloc(ws + size);
                let px = self.tmp(p);
                let c = self.b().func_addr(w, &code);
                let pv = self.b().get(px);
                self.b().store(Mem::of(w), pv, 0, c);
                self.store_place(px, ws as u32, rt, v);
                Some(Gv::S(vec![px]))
            }
        }
    }

    /// A method expression `T.m` or `(*T).m`: a function taking the receiver
    /// first.
    fn method_expr(&mut self, e: &ast::Expr, s: &typeck::info::Selection) -> Option<Gv> {
        if s.index.is_empty() && self.is_interface(s.recv) {
            // I.m: a function of the interface value and m's arguments.
            let key = self.g.method_key(s.obj);
            let idx = self.g.iface_methods(s.recv).iter().position(|m| m.0 == key)?;
            let mt = self.g.w.obj(s.obj).ty;
            let iabi = self.iface_abi(mt, e.pos)?;
            let sym = self.g.iface_method_expr_wrapper(&iabi.sig, idx, mt);
            return Some(self.static_closure(&sym, None));
        }
        let recv_ptr = matches!(self.g.w.ty(s.recv), Type::Pointer(_));
        let ptr_recv = matches!(self.g.w.obj(s.obj).kind, ObjKind::Func { ptr_recv: true });
        if s.index.is_empty() && recv_ptr == ptr_recv {
            // The method itself takes (context, receiver, arguments).
            return Some(self.func_value(s.obj));
        }
        if recv_ptr && !self.is_interface(s.recv) {
            // The interface wrapper takes a pointer and finds the method's receiver.
            let key = self.g.method_key(s.obj);
            let entry = self.g.method_set(s.recv).into_iter().find(|m| m.key == key)?;
            let sym = self.g.iface_method_symbol(s.recv, &entry);
            return Some(self.static_closure(&sym, None));
        }
        self.g.unsupported(e.pos, "this method expression");
        None
    }

    /// A function literal: its body becomes a function of its own, and the value
    /// is a closure object {code, &captured...}.
    fn func_lit(&mut self, e: &ast::Expr, ty: &ast::FuncType, body: &ast::Block, t: TypeId) -> Option<Gv> {
        let caps = self.captures(e);
        self.g.lits += 1;
        let sym = format!("{}.func{}", self.f.name, self.g.lits);
        let abi = self.g.fn_abi(t, e.pos)?;
        let params: Vec<Option<typeck::types::ObjId>> = ty
            .params
            .iter()
            .map(|p| p.name.as_ref().and_then(|n| self.g.info.defs.get(&self.g.node_name(n)).copied()))
            .collect();
        let results: Vec<Option<typeck::types::ObjId>> = ty
            .results
            .iter()
            .map(|p| p.name.as_ref().and_then(|n| self.g.info.defs.get(&self.g.node_name(n)).copied()))
            .collect();
        let func = self.g.function(&sym, abi, &params, &results, body, &caps)?;
        self.g.module.funcs.push(func);
        let ws = self.g.target.word_size;
        let w = self.word();
        let p = self.alloc((1 + caps.len() as u64) * ws);
        let px = self.tmp(p);
        let code = self.b().func_addr(w, &sym);
        let pv = self.b().get(px);
        self.b().store(Mem::of(w), pv, 0, code);
        for (i, o) in caps.iter().enumerate() {
            let addr = match self.locals.get(o) {
                Some(crate::func::Local::Mem(x)) => *x,
                _ => {
                    self.g.unsupported(e.pos, "capturing this variable");
                    return None;
                }
            };
            let av = self.b().get(addr);
            let pv = self.b().get(px);
            self.b().store(Mem::of(w), pv, (i as u32 + 1) * ws as u32, av);
        }
        Some(Gv::S(vec![px]))
    }

    /// The address of the embedded field reached from `x` along `path` (field
    /// indices), and its type; embedded pointers are followed.
    pub(crate) fn embedded_addr(&mut self, x: &ast::Expr, path: &[usize], pos: u32) -> Option<(Var, TypeId)> {
        let xt = self.type_of(x);
        let w = self.word();
        let (mut addr, mut cur) = if let Type::Pointer(p) = self.g.w.ty(self.g.under(xt)).clone() {
            let v = self.expr(x)?;
            (
                match v {
                    Gv::S(v) => v[0],
                    Gv::M(a) => a,
                },
                p,
            )
        } else if self.addressable(x) {
            let (p, _) = self.place(x)?;
            let Place::Mem(a, off) = p else { return None };
            let av = self.b().get(a);
            let o = self.iconst_word(i64::from(off));
            let r = self.b().bin(BinOp::Add, av, o);
            (self.tmp(r), xt)
        } else {
            let Gv::M(a) = self.expr(x)? else { return None };
            (a, xt)
        };
        let mut first_deref = matches!(self.g.w.ty(self.g.under(xt)), Type::Pointer(_));
        for &i in path {
            if first_deref {
                let a = self.b().get(addr);
                self.nil_check(a);
                first_deref = false;
            }
            let offs = self.g.field_offsets(cur, pos)?;
            let (f, off) = *offs.get(i)?;
            let ft = self.g.w.obj(f).ty;
            let a = self.b().get(addr);
            let o = self.iconst_word(off as i64);
            let mut r = self.b().bin(BinOp::Add, a, o);
            if let Type::Pointer(p) = self.g.w.ty(ft).clone() {
                r = self.b().load(Mem::of(w), false, w, r, 0);
                let rx = self.tmp(r);
                let rv = self.b().get(rx);
                self.nil_check(rv);
                addr = rx;
                cur = p;
            } else {
                addr = self.tmp(r);
                cur = ft;
            }
        }
        Some((addr, cur))
    }

    fn emit_call(
        &mut self,
        sym: &str,
        abi: &crate::types::FnAbi,
        vals: Vec<Gv>,
        pos: u32,
    ) -> Option<Vec<Gv>> {
        // Host imports and runtime intrinsics.
        let local = sym.rsplit('.').next().unwrap_or(sym).to_string();
        if sym.starts_with("runtime.") && self.g.path == "runtime" {
            if let Some(imp) = self.g.wasm_imports.get(&local).cloned() {
                return self.wasm_import_call(sym, &imp, abi, vals, pos);
            }
            if self.g.bodyless.contains(&local)
                && let Some(r) = self.intrinsic(&local, &vals)
            {
                return Some(r);
            }
        }
        // Go computes these math functions with instructions, where NaNs keep
        // the hardware's bits.
        let op = match sym {
            "math.Sqrt" | "math.sqrt" => Some(ir::UnOp::Sqrt),
            "math.Floor" => Some(ir::UnOp::Floor),
            "math.Ceil" => Some(ir::UnOp::Ceil),
            "math.Trunc" => Some(ir::UnOp::Trunc),
            "math.Abs" => Some(ir::UnOp::Abs),
            _ => None,
        };
        if let (Some(op), [x]) = (op, vals.as_slice()) {
            let v = self.get1(x);
            let r = self.b().un(op, v);
            return Some(vec![Gv::S(vec![self.tmp(r)])]);
        }
        let _ = pos;
        self.emit_call_to(Some(sym), None, abi, vals)
    }

    /// A call of symbol `sym`, or of code pointer `f` with closure context `ctx`.
    pub(crate) fn emit_call_to(
        &mut self,
        sym: Option<&str>,
        indirect: Option<(Var, Var)>,
        abi: &crate::types::FnAbi,
        vals: Vec<Gv>,
    ) -> Option<Vec<Gv>> {
        let mut args = vec![match indirect {
            Some((_, ctx)) => self.b().get(ctx),
            None => self.iconst_word(0),
        }];
        for v in &vals {
            match v {
                Gv::S(xs) => {
                    for &x in xs {
                        args.push(self.b().get(x));
                    }
                }
                Gv::M(a) => args.push(self.b().get(*a)),
            }
        }
        let mut mem_results = Vec::new();
        for (t, c) in &abi.results {
            if let Class::Mem { .. } = c {
                let a = self.mem_temp(*t)?;
                args.push(self.b().get(a));
                mem_results.push(a);
            }
        }
        let r = match (sym, indirect) {
            (Some(sym), _) => {
                self.g.declare(sym, &abi.sig);
                self.b().call(sym, &abi.sig, args)
            }
            (None, Some((f, _))) => {
                let fv = self.b().get(f);
                self.b().call_indirect(&abi.sig, fv, args)
            }
            (None, None) => return None,
        };
        let rx: Vec<Var> = r.iter().map(|&v| self.tmp(v)).collect();
        self.panic_check();
        let mut out = Vec::new();
        let (mut k, mut m) = (0, 0);
        for (_, c) in &abi.results {
            match c {
                Class::Scalars(s) => {
                    out.push(Gv::S(rx[k..k + s.len()].to_vec()));
                    k += s.len();
                }
                Class::Mem { .. } => {
                    out.push(Gv::M(mem_results[m]));
                    m += 1;
                }
            }
        }
        Some(out)
    }

    /// The runtime's bodyless primitives.
    fn intrinsic(&mut self, name: &str, vals: &[Gv]) -> Option<Vec<Gv>> {
        let w = self.word();
        let arg = |fg: &mut Self, i: usize| -> ir::Value { fg.get1(&vals[i]) };
        let r = match name {
            "memmove" => {
                let (d, s, n) = (arg(self, 0), arg(self, 1), arg(self, 2));
                self.b().copy(d, s, n);
                return Some(vec![]);
            }
            "memclr" => {
                let (d, n) = (arg(self, 0), arg(self, 1));
                self.b().zero(d, n);
                return Some(vec![]);
            }
            "memsize" => self.b().mem_size(w),
            "memgrow" => {
                let n = arg(self, 0);
                self.b().mem_grow(n)
            }
            "heapStart" => self.b().sym_addr(w, "go:end"),
            "getg" => self.b().getg(w),
            _ => return None,
        };
        Some(vec![Gv::S(vec![self.tmp(r)])])
    }

    /// A call of a `//go:wasmimport` function. Module `gojs` uses Go's own stack
    /// ABI (wasm_exec.js reads the arguments at sp+8 as Go lays out a frame);
    /// any other module gets typed parameters.
    fn wasm_import_call(
        &mut self,
        sym: &str,
        imp: &(String, String),
        abi: &crate::types::FnAbi,
        vals: Vec<Gv>,
        pos: u32,
    ) -> Option<Vec<Gv>> {
        if imp.0 == "gojs" {
            // Frame: 8 bytes of return address, then the arguments, each aligned
            // to its size, then the results.
            let mut off = 8u32;
            let slot = self.f.new_slot(64, 8);
            let w = self.word();
            let sp = self.b().slot_addr(w, slot);
            let spx = self.tmp(sp);
            for ((t, _), v) in abi.params.iter().zip(&vals) {
                let (size, align) = self.g.size_align(*t, pos)?;
                off = off.next_multiple_of(align as u32);
                self.store_place(spx, off, *t, v.clone());
                off += size as u32;
            }
            let decl_sig = ir::Sig { params: vec![Ty::I32], results: vec![] };
            self.declare_import(sym, imp, &decl_sig);
            let spv = self.b().get(spx);
            let sp32 = self.b().conv(ConvOp::Wrap, Ty::I32, spv);
            self.b().call(sym, &decl_sig, vec![sp32]);
            let mut out = Vec::new();
            for (t, _) in &abi.results {
                let (size, align) = self.g.size_align(*t, pos)?;
                off = off.next_multiple_of(align as u32);
                out.push(self.load_place(spx, off, *t));
                off += size as u32;
            }
            return Some(out);
        }
        let mut params = Vec::new();
        let mut args = Vec::new();
        for ((t, _), v) in abi.params.iter().zip(&vals) {
            let x = self.get1(v);
            let pointer = matches!(self.g.w.ty(self.g.under(*t)), Type::Pointer(_))
                || self.g.basic(*t) == Some(K::UnsafePointer);
            let x = if pointer && self.f.ty(x).class() == Ty::I64 {
                self.b().conv(ConvOp::Wrap, Ty::I32, x)
            } else {
                x
            };
            params.push(self.f.ty(x));
            args.push(x);
        }
        let mut results = Vec::new();
        for (t, _) in &abi.results {
            let Some(Class::Scalars(s)) = self.g.class(*t, pos) else { return None };
            results.push(s[0].ty);
        }
        let sig = ir::Sig { params, results };
        self.declare_import(sym, imp, &sig);
        let r = self.b().call(sym, &sig, args);
        Some(r.iter().map(|&v| Gv::S(vec![self.tmp(v)])).collect())
    }

    fn declare_import(&mut self, sym: &str, imp: &(String, String), sig: &ir::Sig) {
        if self.g.declared.contains_key(sym) {
            return;
        }
        self.g.declared.insert(sym.to_string(), sig.clone());
        self.g.module.decls.push(ir::Decl { name: sym.into(), sig: sig.clone(), import: Some(imp.clone()) });
    }

    fn conversion(&mut self, x: &ast::Expr, t: TypeId, pos: u32) -> Option<Gv> {
        let xt = self.g.default_type(self.type_of(x));
        if self.is_interface(t) {
            return self.expr_as(x, t);
        }
        if self.g.info.types.get(&self.g.node_expr(x)).is_some_and(|tv| tv.mode == ExprMode::Nil) {
            return self.zero_value(t, pos);
        }
        let v = self.expr(x)?;
        let (fk, tk) = (self.g.basic(xt), self.g.basic(t));
        match (self.g.w.ty(self.g.under(xt)).clone(), self.g.w.ty(self.g.under(t)).clone()) {
            (Type::Basic(..), Type::Basic(..)) => {}
            (Type::Slice(_), Type::Basic(K::String, _)) | (Type::Basic(K::String, _), Type::Slice(_)) => {
                let to_string = tk == Some(K::String);
                let elem_rune = {
                    let st = if to_string { xt } else { t };
                    match self.g.w.ty(self.g.under(st)) {
                        Type::Slice(e) => self.g.basic(*e) == Some(K::Int32),
                        _ => false,
                    }
                };
                let name = match (to_string, elem_rune) {
                    (true, false) => "runtime.slicebytetostring",
                    (true, true) => "runtime.slicerunetostring",
                    (false, false) => "runtime.stringtoslicebyte",
                    (false, true) => "runtime.stringtoslicerune",
                };
                let w = self.word();
                let Gv::S(xs) = v else { return None };
                let mut params = vec![w];
                params.extend(xs.iter().map(|_| w));
                let results = if to_string { vec![w, w] } else { vec![w, w, w] };
                let sig = ir::Sig { params, results };
                self.g.declare(name, &sig);
                let mut args = vec![self.iconst_word(0)];
                for &x in &xs {
                    args.push(self.b().get(x));
                }
                let r = self.b().call(name, &sig, args);
                let rx = r.iter().map(|&v| self.tmp(v)).collect();
                self.panic_check();
                return Some(Gv::S(rx));
            }
            (Type::Pointer(_), _) | (_, Type::Pointer(_)) => return Some(v),
            _ => {
                // Same underlying type: the representation does not change.
                return Some(v);
            }
        }
        let (Some(fk), Some(tk)) = (fk, tk) else { return Some(v) };
        if tk == K::String && fk != K::String {
            // string(rune)
            let r = self.get1(&v);
            let r = self.widen_to_word(r, xt);
            let w = self.word();
            let sig = ir::Sig { params: vec![w, w], results: vec![w, w] };
            self.g.declare("runtime.intstring", &sig);
            let ctx = self.iconst_word(0);
            let out = self.b().call("runtime.intstring", &sig, vec![ctx, r]);
            let rx = out.iter().map(|&v| self.tmp(v)).collect();
            self.panic_check();
            return Some(Gv::S(rx));
        }
        if fk == K::String || tk == K::String {
            return Some(v);
        }
        let a = self.get1(&v);
        let from = self.f.ty(a);
        let Some(Class::Scalars(s)) = self.g.class(t, pos) else { return None };
        let to = s[0].ty;
        let fsigned = self.is_signed(xt);
        let r = match (from.is_int(), to.is_int()) {
            (true, true) => {
                let r = match (from, to) {
                    (Ty::I64, Ty::I32) => self.b().conv(ConvOp::Wrap, Ty::I32, a),
                    (Ty::I32, Ty::I64) => {
                        let op = if fsigned { ConvOp::ExtendS } else { ConvOp::ExtendU };
                        self.b().conv(op, Ty::I64, a)
                    }
                    _ => a,
                };
                self.normalize(r, t)
            }
            (true, false) => {
                let op = if fsigned { ConvOp::ConvertS } else { ConvOp::ConvertU };
                self.b().conv(op, to, a)
            }
            (false, true) => {
                let op = if self.is_signed(t) { ConvOp::TruncS } else { ConvOp::TruncU };
                // Convert through the full width, then wrap, as Go's wasm port does.
                let wide = self.b().conv(op, Ty::I64, a);
                let r = if to == Ty::I32 { self.b().conv(ConvOp::Wrap, Ty::I32, wide) } else { wide };
                self.normalize(r, t)
            }
            (false, false) => match (from, to) {
                (Ty::F32, Ty::F64) => self.b().conv(ConvOp::Promote, Ty::F64, a),
                (Ty::F64, Ty::F32) => self.b().conv(ConvOp::Demote, Ty::F32, a),
                // An explicit conversion rounds: no fused multiply-add through it.
                _ => self.b().conv(ConvOp::Round, to, a),
            },
        };
        Some(Gv::S(vec![self.tmp(r)]))
    }

    pub(crate) fn builtin(
        &mut self,
        e: &ast::Expr,
        b: Builtin,
        args: &[ast::Expr],
        has_dots: bool,
        t: TypeId,
    ) -> Option<Vec<Gv>> {
        for a in args {
            self.hoist_calls(a);
        }
        let w = self.word();
        // A lone multi-value call as the arguments (delete(f())): its results are
        // the operands. The builtins that take one otherwise say so.
        if let [a] = args
            && let Type::Tuple(vars) = self.g.w.ty(self.type_of(a)).clone()
        {
            match b {
                Builtin::Delete => {
                    let types: Vec<TypeId> = vars.iter().map(|&v| self.g.w.obj(v).ty).collect();
                    let vals = self.multi_call(a)?;
                    let (mt, from) = (*types.first()?, *types.get(1)?);
                    let Type::Map(kt, _) = self.g.w.ty(self.g.under(mt)).clone() else { return None };
                    let mut vals = vals.into_iter();
                    let (Gv::S(m), k) = (vals.next()?, vals.next()?) else { return None };
                    let k = self.convert_to(k, from, kt, e.pos)?;
                    let ka = self.spill(k, kt)?;
                    let typ = self.type_addr(mt, e.pos)?;
                    let (mv, kv) = (self.b().get(m[0]), self.b().get(ka));
                    self.rt_call("runtime.mapdelete", vec![typ, mv, kv], &[], true);
                    return Some(vec![]);
                }
                Builtin::Append
                | Builtin::Print
                | Builtin::Println
                | Builtin::Copy
                | Builtin::Complex
                | Builtin::Max
                | Builtin::Min => {}
                _ => {
                    self.g.unsupported(e.pos, "a multi-value argument to this builtin");
                    return None;
                }
            }
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let xt = self.type_of(&args[0]);
                let u = self.g.under(xt);
                let arr_len = match self.g.w.ty(u).clone() {
                    Type::Array(n, _) => Some(n.unwrap_or(0)),
                    Type::Pointer(p) => match self.g.w.ty(self.g.under(p)) {
                        Type::Array(n, _) => Some(n.unwrap_or(0)),
                        _ => None,
                    },
                    Type::Map(..) => {
                        let Gv::S(m) = self.expr(&args[0])? else { return None };
                        let mv = self.b().get(m[0]);
                        let r = self.rt_call("runtime.maplen", vec![mv], &[w], false);
                        return Some(vec![Gv::S(r)]);
                    }
                    Type::Chan(..) => {
                        self.g.unsupported(e.pos, "channels");
                        return None;
                    }
                    _ => None,
                };
                if let Some(n) = arr_len {
                    let v = self.iconst_word(n as i64);
                    return Some(vec![Gv::S(vec![self.tmp(v)])]);
                }
                let Gv::S(v) = self.expr(&args[0])? else { return None };
                let i = if b == Builtin::Cap { 2 } else { 1 };
                return Some(vec![Gv::S(vec![v[i.min(v.len() - 1)]])]);
            }
            Builtin::Print | Builtin::Println => {
                for (i, a) in args.iter().enumerate() {
                    if b == Builtin::Println && i > 0 {
                        self.runtime_call("printsp", vec![], &[]);
                    }
                    let at = self.g.default_type(self.type_of(a));
                    let v = self.expr(a)?;
                    let Gv::S(xs) = v else {
                        self.g.unsupported(a.pos, "printing this value");
                        return None;
                    };
                    let vals: Vec<ir::Value> = xs.iter().map(|&x| self.b().get(x)).collect();
                    let u = self.g.under(at);
                    let (name, vals) = match (self.g.basic(at), self.g.w.ty(u)) {
                        (Some(K::String), _) => ("printstring", vals),
                        (Some(K::Bool), _) => ("printbool", vals),
                        (Some(K::Float64), _) => ("printfloat", vals),
                        (Some(K::Float32), _) => {
                            let f = self.b().conv(ConvOp::Promote, Ty::F64, vals[0]);
                            ("printfloat32", vec![f])
                        }
                        (Some(K::Int | K::Int8 | K::Int16 | K::Int32 | K::Int64), _) => {
                            let v = if self.f.ty(vals[0]) == Ty::I32 {
                                self.b().conv(ConvOp::ExtendS, Ty::I64, vals[0])
                            } else {
                                vals[0]
                            };
                            ("printint", vec![v])
                        }
                        (Some(K::Uint | K::Uint8 | K::Uint16 | K::Uint32 | K::Uint64 | K::Uintptr), _) => {
                            let v = if self.f.ty(vals[0]) == Ty::I32 {
                                self.b().conv(ConvOp::ExtendU, Ty::I64, vals[0])
                            } else {
                                vals[0]
                            };
                            ("printuint", vec![v])
                        }
                        (Some(K::UnsafePointer), _) | (_, Type::Pointer(_)) => ("printpointer", vals),
                        (_, Type::Slice(_)) => ("printslice", vals),
                        (_, Type::Interface(_)) => ("printeface", vals),
                        _ => {
                            self.g.unsupported(a.pos, "printing this value");
                            return None;
                        }
                    };
                    let tys: Vec<Ty> = vals.iter().map(|&v| self.f.ty(v)).collect();
                    self.runtime_call(name, vals, &tys);
                }
                if b == Builtin::Println {
                    self.runtime_call("printnl", vec![], &[]);
                }
                Some(vec![])
            }
            Builtin::Panic => {
                let v = self.expr_as(&args[0], TypeId::ANY)?;
                let Gv::S(xs) = v else { return None };
                let vals: Vec<ir::Value> = xs.iter().map(|&x| self.b().get(x)).collect();
                self.runtime_call("gopanic", vals, &[w, w]);
                let exit_now = self.f.new_block();
                self.b().term(Term::jump(exit_now));
                self.cur = exit_now;
                self.panic_check();
                Some(vec![])
            }
            Builtin::New => {
                let et = self.pointee(t);
                let (size, _) = self.g.size_align(et, e.pos)?;
                let p = self.alloc(size);
                Some(vec![Gv::S(vec![self.tmp(p)])])
            }
            Builtin::Make => {
                if let Type::Map(..) = self.g.w.ty(self.g.under(t)) {
                    let hint = match args.get(1) {
                        Some(h) => {
                            let ht = self.type_of(h);
                            let hv = self.expr(h)?;
                            let hv = self.get1(&hv);
                            self.widen_to_word(hv, ht)
                        }
                        None => self.iconst_word(0),
                    };
                    let hx = self.tmp(hint);
                    let typ = self.type_addr(t, e.pos)?;
                    let hv = self.b().get(hx);
                    let r = self.rt_call("runtime.makemap", vec![typ, hv], &[w], true);
                    return Some(vec![Gv::S(r)]);
                }
                let Type::Slice(el) = self.g.w.ty(self.g.under(t)).clone() else {
                    self.g.unsupported(e.pos, "channels");
                    return None;
                };
                let (es, _) = self.g.size_align(el, e.pos)?;
                let lt = self.type_of(&args[1]);
                let l = self.expr(&args[1])?;
                let lv = self.get1(&l);
                let lv = self.widen_to_word(lv, lt);
                let lx = self.tmp(lv);
                let cx = match args.get(2) {
                    Some(c) => {
                        let ct = self.type_of(c);
                        let cv = self.expr(c)?;
                        let cv = self.get1(&cv);
                        let cv = self.widen_to_word(cv, ct);
                        self.tmp(cv)
                    }
                    None => lx,
                };
                let (lv, cv) = (self.b().get(lx), self.b().get(cx));
                let esv = self.iconst_word(es as i64);
                let r = self.runtime_call("makeslice", vec![esv, lv, cv], &[w, w, w]);
                let p = r.into_iter().next()?;
                let px = self.tmp(p);
                Some(vec![Gv::S(vec![px, lx, cx])])
            }
            Builtin::Append => {
                let st = t;
                let Type::Slice(el) = self.g.w.ty(self.g.under(st)).clone() else { return None };
                let (es, _) = self.g.size_align(el, e.pos)?;
                let Gv::S(s) = self.expr(&args[0])? else { return None };
                if !has_dots {
                    // Values one by one: evaluated first, then stored in place
                    // after growing the array if it is full, as gc inlines it.
                    let rest = &args[1..];
                    if rest.is_empty() {
                        return Some(vec![Gv::S(s)]);
                    }
                    let mut vals = Vec::with_capacity(rest.len());
                    for x in rest {
                        vals.push(self.expr_as(x, el)?);
                    }
                    return self.append_values(&s, el, es, vals);
                }
                // The values appended, as a slice.
                let (src_p, src_n): (Var, Var) = {
                    let Gv::S(v) = self.expr(&args[1])? else { return None };
                    (v[0], v[1])
                };
                let esv = self.iconst_word(es as i64);
                let noscan = i64::from(!self.g.has_pointers(el));
                let noscan = self.b().iconst(Ty::I32, noscan);
                let mut vals = vec![esv, noscan];
                for x in [s[0], s[1], s[2], src_p, src_n] {
                    vals.push(self.b().get(x));
                }
                let r = self.runtime_call("appendslice", vals, &[w, Ty::I32, w, w, w, w, w]);
                let rx = r.iter().map(|&v| self.tmp(v)).collect();
                Some(vec![Gv::S(rx)])
            }
            Builtin::Copy => {
                let dt = self.type_of(&args[0]);
                let el = match self.g.w.ty(self.g.under(dt)) {
                    Type::Slice(e) => *e,
                    _ => TypeId::UINT8,
                };
                let (es, _) = self.g.size_align(el, e.pos)?;
                let Gv::S(d) = self.expr(&args[0])? else { return None };
                let Gv::S(s) = self.expr(&args[1])? else { return None };
                let esv = self.iconst_word(es as i64);
                let vals =
                    vec![esv, self.b().get(d[0]), self.b().get(d[1]), self.b().get(s[0]), self.b().get(s[1])];
                let r = self.runtime_call("slicecopy", vals, &[w, w, w, w, w]);
                let rx = r.iter().map(|&v| self.tmp(v)).collect();
                Some(vec![Gv::S(rx)])
            }
            Builtin::Min | Builtin::Max => {
                let mut acc = self.expr_as(&args[0], t)?;
                for a in &args[1..] {
                    let v = self.expr_as(a, t)?;
                    let op = if b == Builtin::Min { Op::Lss } else { Op::Gtr };
                    if self.g.basic(t).is_some_and(|k| matches!(k, K::Float32 | K::Float64)) {
                        let (x, y) = (self.get1(&v), self.get1(&acc));
                        let bop = if b == Builtin::Min { BinOp::Min } else { BinOp::Max };
                        let r = self.b().bin(bop, y, x);
                        acc = Gv::S(vec![self.tmp(r)]);
                        continue;
                    }
                    let c = self.compare(op, t, v.clone(), acc.clone(), a.pos)?;
                    let Gv::S(vs) = v else { return None };
                    let Gv::S(accs) = acc.clone() else { return None };
                    let mut out = Vec::new();
                    for (x, y) in vs.iter().zip(&accs) {
                        let (cv, xv, yv) = (self.b().get(c), self.b().get(*x), self.b().get(*y));
                        let r = self.b().select(cv, xv, yv);
                        out.push(self.tmp(r));
                    }
                    acc = Gv::S(out);
                }
                Some(vec![acc])
            }
            Builtin::Delete => {
                let mt = self.type_of(&args[0]);
                let Type::Map(kt, _) = self.g.w.ty(self.g.under(mt)).clone() else { return None };
                let (m, k) = self.map_operands(&args[0], &args[1], kt)?;
                let typ = self.type_addr(mt, e.pos)?;
                let (mv, kv) = (self.b().get(m), self.b().get(k));
                self.rt_call("runtime.mapdelete", vec![typ, mv, kv], &[], true);
                Some(vec![])
            }
            Builtin::Clear => {
                let xt = self.type_of(&args[0]);
                let Gv::S(x) = self.expr(&args[0])? else { return None };
                match self.g.w.ty(self.g.under(xt)).clone() {
                    Type::Map(..) => {
                        let typ = self.type_addr(xt, e.pos)?;
                        let mv = self.b().get(x[0]);
                        self.rt_call("runtime.mapclear", vec![typ, mv], &[], false);
                    }
                    Type::Slice(el) => {
                        let (es, _) = self.g.size_align(el, e.pos)?;
                        let (p, n) = (self.b().get(x[0]), self.b().get(x[1]));
                        let esv = self.iconst_word(es as i64);
                        let bytes = self.b().bin(BinOp::Mul, n, esv);
                        self.b().zero(p, bytes);
                    }
                    _ => {
                        self.g.unsupported(e.pos, "clear of this type");
                        return None;
                    }
                }
                Some(vec![])
            }
            Builtin::Recover => {
                let r = self.rt_call("runtime.gorecover", vec![], &[w, w], true);
                Some(vec![Gv::S(r)])
            }
            _ => {
                self.g.unsupported(e.pos, &format!("the builtin {}", b.name()));
                None
            }
        }
    }

    /// Calls `runtime.name` with explicit IR argument types; the results are the
    /// declared function's.
    /// `append(s, vals…)`: when the array has room, the values go after the
    /// elements; else `runtime.growslice` gives a larger copy first.
    fn append_values(&mut self, s: &[Var], el: TypeId, es: u64, vals: Vec<Gv>) -> Option<Vec<Gv>> {
        let w = self.word();
        let (p, l, c) = (s[0], s[1], s[2]);
        let lv = self.b().get(l);
        let k = self.iconst_word(vals.len() as i64);
        let newlen = self.b().bin(BinOp::Add, lv, k);
        let newx = self.tmp(newlen);
        let (px, cx) = (self.f.new_var(Ty::Ptr), self.f.new_var(w));
        let (pv, cv) = (self.b().get(p), self.b().get(c));
        self.b().set(px, pv);
        self.b().set(cx, cv);
        let full = self.b().cmp(CmpOp::GtU, newlen, cv);
        let (grow, join) = (self.f.new_block(), self.f.new_block());
        self.b().term(Term::br(full, grow, join));
        self.cur = grow;
        let esv = self.iconst_word(es as i64);
        let noscan = i64::from(!self.g.has_pointers(el));
        let noscan = self.b().iconst(Ty::I32, noscan);
        let (pv, lv, cv, nv) = (self.b().get(p), self.b().get(l), self.b().get(c), self.b().get(newx));
        let r = self.runtime_call("growslice", vec![esv, noscan, pv, lv, cv, nv], &[w, Ty::I32, w, w, w, w]);
        self.b().set(px, r[0]);
        self.b().set(cx, r[1]);
        self.b().term(Term::jump(join));
        self.cur = join;
        let (pv, lv) = (self.b().get(px), self.b().get(l));
        let esv = self.iconst_word(es as i64);
        let off = self.b().bin(BinOp::Mul, lv, esv);
        let at = self.b().bin(BinOp::Add, pv, off);
        let atx = self.tmp(at);
        for (i, v) in vals.into_iter().enumerate() {
            self.store_place(atx, (i as u64 * es) as u32, el, v);
        }
        Some(vec![Gv::S(vec![px, newx, cx])])
    }

    fn runtime_call(&mut self, name: &str, vals: Vec<ir::Value>, tys: &[Ty]) -> Vec<ir::Value> {
        let w = self.word();
        let results = match name {
            "makeslice" => vec![w],
            "appendslice" => vec![w, w, w],
            "growslice" => vec![w, w],
            "slicecopy" => vec![w],
            _ => vec![],
        };
        debug_assert!(vals.len() == tys.len() && vals.iter().zip(tys).all(|(&v, &t)| self.f.ty(v).fits(t)));
        let rx = self.rt_call(&format!("runtime.{name}"), vals, &results, true);
        rx.into_iter().map(|x| self.b().get(x)).collect()
    }
}

fn is_untyped(k: K) -> bool {
    matches!(
        k,
        K::UntypedBool | K::UntypedInt | K::UntypedRune | K::UntypedFloat | K::UntypedString | K::UntypedNil
    )
}
