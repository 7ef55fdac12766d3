//! Interface type sets, type predicates, identity, substitution and type strings
//! (types2's typeset.go, predicates.go, subst.go, typestring.go).

use crate::check::Checker;
use crate::types::*;
use std::rc::Rc;

/// The methods and types of an interface's type set.
#[derive(Clone, Debug, Default)]
pub struct TypeSet {
    /// Method `Func` objects, sorted by name.
    pub methods: Vec<ObjId>,
    /// None: all types; Some(terms): the union of these terms (empty: no types).
    pub terms: Option<Vec<Term>>,
    pub comparable: bool,
}

impl Checker<'_, '_> {
    /// The underlying type; for a type parameter, its constraint interface.
    pub(crate) fn under(&mut self, t: TypeId) -> TypeId {
        let mut t = t;
        for _ in 0..100 {
            match self.w.ty(t) {
                Type::Named(n) => {
                    if n.underlying == TypeId::INVALID {
                        if let Some(orig) = n.orig {
                            let targs = n.targs.clone();
                            self.expand(t, orig, &targs);
                            let Type::Named(n) = self.w.ty(t) else { unreachable!() };
                            return n.underlying;
                        }
                        return TypeId::INVALID;
                    }
                    let u = n.underlying;
                    if matches!(self.w.ty(u), Type::Named(_)) {
                        t = u;
                        continue;
                    }
                    return u;
                }
                Type::TypeParam(tp) => {
                    let b = tp.bound;
                    if matches!(self.w.ty(b), Type::TypeParam(_)) {
                        return TypeId::INVALID;
                    }
                    t = b;
                    continue;
                }
                _ => return t,
            }
        }
        TypeId::INVALID
    }

    /// Computes an instance's underlying type from its origin's.
    fn expand(&mut self, inst: TypeId, orig: TypeId, targs: &[TypeId]) {
        let Type::Named(on) = self.w.ty(orig).clone() else { return };
        if on.underlying == TypeId::INVALID {
            return;
        }
        let smap: Vec<(TypeId, TypeId)> = on.tparams.iter().copied().zip(targs.iter().copied()).collect();
        let mut u = self.subst(on.underlying, &smap);
        // The origin's underlying type may itself be a Named (type T[P any] U[P]).
        if matches!(self.w.ty(u), Type::Named(_)) {
            u = self.under(u);
        }
        self.w.set_underlying(inst, u);
    }

    pub(crate) fn basic_kind(&mut self, t: TypeId) -> Option<BasicKind> {
        let u = self.under(t);
        match self.w.ty(u) {
            Type::Basic(k, _) => Some(*k),
            _ => None,
        }
    }

    pub(crate) fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.w.ty(t), Type::Basic(k, _) if matches!(k, BasicKind::UntypedBool | BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat | BasicKind::UntypedComplex | BasicKind::UntypedString | BasicKind::UntypedNil))
    }

    pub(crate) fn is_type_param(&self, t: TypeId) -> bool {
        matches!(self.w.ty(t), Type::TypeParam(_))
    }

    /// Whether `pred` holds for the basic kind of `t`, or of every type in a type
    /// parameter's type set (false for an unconstrained type parameter).
    pub(crate) fn all_basic(&mut self, t: TypeId, pred: fn(BasicKind) -> bool) -> bool {
        if self.is_type_param(t) {
            let terms = self.type_param_terms(t);
            return match terms {
                Some(terms) if !terms.is_empty() => {
                    terms.iter().all(|term| self.basic_kind(term.ty).is_some_and(pred))
                }
                _ => false,
            };
        }
        self.basic_kind(t).is_some_and(pred)
    }

    pub(crate) fn type_param_terms(&mut self, t: TypeId) -> Option<Vec<Term>> {
        let Type::TypeParam(tp) = self.w.ty(t) else { return None };
        let b = tp.bound;
        let bu = self.under(b);
        if !matches!(self.w.ty(bu), Type::Interface(_)) {
            return None;
        }
        self.type_set(bu).terms.clone()
    }

    pub(crate) fn is_integer(&mut self, t: TypeId) -> bool {
        self.all_basic(t, is_integer_kind)
    }
    pub(crate) fn is_unsigned(&mut self, t: TypeId) -> bool {
        self.all_basic(t, |k| {
            matches!(
                k,
                BasicKind::Uint
                    | BasicKind::Uint8
                    | BasicKind::Uint16
                    | BasicKind::Uint32
                    | BasicKind::Uint64
                    | BasicKind::Uintptr
            )
        })
    }
    pub(crate) fn is_float(&mut self, t: TypeId) -> bool {
        self.all_basic(t, |k| matches!(k, BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat))
    }
    pub(crate) fn is_complex(&mut self, t: TypeId) -> bool {
        self.all_basic(t, |k| {
            matches!(k, BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex)
        })
    }
    pub(crate) fn is_numeric(&mut self, t: TypeId) -> bool {
        self.all_basic(t, is_numeric_kind)
    }
    pub(crate) fn is_string(&mut self, t: TypeId) -> bool {
        self.all_basic(t, |k| matches!(k, BasicKind::String | BasicKind::UntypedString))
    }
    pub(crate) fn is_boolean(&mut self, t: TypeId) -> bool {
        self.all_basic(t, |k| matches!(k, BasicKind::Bool | BasicKind::UntypedBool))
    }
    pub(crate) fn is_ordered(&mut self, t: TypeId) -> bool {
        self.all_basic(t, |k| {
            is_integer_kind(k)
                || matches!(
                    k,
                    BasicKind::Float32
                        | BasicKind::Float64
                        | BasicKind::UntypedFloat
                        | BasicKind::String
                        | BasicKind::UntypedString
                )
        })
    }
    pub(crate) fn is_const_type(&mut self, t: TypeId) -> bool {
        !self.is_type_param(t)
            && self.basic_kind(t).is_some_and(|k| {
                is_numeric_kind(k)
                    || matches!(
                        k,
                        BasicKind::Bool
                            | BasicKind::UntypedBool
                            | BasicKind::String
                            | BasicKind::UntypedString
                    )
            })
    }

    /// An interface that is not a type parameter.
    pub(crate) fn is_interface(&mut self, t: TypeId) -> bool {
        if self.is_type_param(t) {
            return false;
        }
        let u = self.under(t);
        matches!(self.w.ty(u), Type::Interface(_))
    }

    pub(crate) fn is_generic(&self, t: TypeId) -> bool {
        match self.w.ty(t) {
            Type::Named(n) => !n.tparams.is_empty() && n.targs.is_empty(),
            _ => false,
        }
    }

    pub(crate) fn has_nil(&mut self, t: TypeId) -> bool {
        if self.is_type_param(t) {
            let terms = self.type_param_terms(t);
            return match terms {
                Some(terms) if !terms.is_empty() => terms.iter().all(|term| {
                    let u = self.under(term.ty);
                    matches!(
                        self.w.ty(u),
                        Type::Pointer(_)
                            | Type::Slice(_)
                            | Type::Map(..)
                            | Type::Chan(..)
                            | Type::Signature(_)
                            | Type::Interface(_)
                    ) || u == TypeId::UNSAFE_POINTER
                }),
                _ => false,
            };
        }
        let u = self.under(t);
        matches!(
            self.w.ty(u),
            Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Signature(_)
                | Type::Interface(_)
        ) || matches!(self.w.ty(u), Type::Basic(BasicKind::UnsafePointer | BasicKind::UntypedNil, _))
    }

    pub(crate) fn default_type(&self, t: TypeId) -> TypeId {
        match self.w.ty(t) {
            Type::Basic(k, _) => match k {
                BasicKind::UntypedBool => TypeId::BOOL,
                BasicKind::UntypedInt => TypeId::INT,
                BasicKind::UntypedRune => TypeId::RUNE,
                BasicKind::UntypedFloat => TypeId::FLOAT64,
                BasicKind::UntypedComplex => TypeId::COMPLEX128,
                BasicKind::UntypedString => TypeId::STRING,
                _ => t,
            },
            _ => t,
        }
    }

    /// Whether values of `t` can be compared with `==`.
    pub(crate) fn comparable(&mut self, t: TypeId) -> bool {
        self.comparable_depth(t, 0)
    }

    fn comparable_depth(&mut self, t: TypeId, depth: u32) -> bool {
        if depth > 50 {
            return true;
        }
        if self.is_type_param(t) {
            let Type::TypeParam(tp) = self.w.ty(t) else { return false };
            let b = self.under(tp.bound);
            if !matches!(self.w.ty(b), Type::Interface(_)) {
                return false;
            }
            let ts = self.type_set(b);
            if ts.comparable {
                return true;
            }
            return match &ts.terms {
                Some(terms) if !terms.is_empty() => {
                    terms.clone().iter().all(|term| self.comparable_depth(term.ty, depth + 1))
                }
                _ => false,
            };
        }
        let u = self.under(t);
        match self.w.ty(u).clone() {
            Type::Basic(k, _) => k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(s) => s.fields.iter().all(|&f| {
                let ft = self.obj(f).ty;
                self.comparable_depth(ft, depth + 1)
            }),
            Type::Array(_, e) => self.comparable_depth(e, depth + 1),
            _ => false,
        }
    }

    pub(crate) fn incomparable_cause(&mut self, t: TypeId) -> String {
        let u = self.under(t);
        match self.w.ty(u).clone() {
            Type::Slice(_) | Type::Signature(_) | Type::Map(..) => {
                format!("{} can only be compared to nil", self.composite_kind(t))
            }
            Type::Struct(s) => {
                for &f in &s.fields {
                    let ft = self.obj(f).ty;
                    if !self.comparable(ft) {
                        let fs = self.type_string(ft);
                        return format!("struct containing {fs} cannot be compared");
                    }
                }
                String::new()
            }
            Type::Array(..) => {
                let ts = self.type_string(t);
                format!("{ts} cannot be compared")
            }
            _ => {
                if self.is_type_param(t) {
                    return "incomparable types in type set".into();
                }
                String::new()
            }
        }
    }

    pub(crate) fn identical(&mut self, a: TypeId, b: TypeId) -> bool {
        self.identical_depth(a, b, 0)
    }

    fn identical_depth(&mut self, a: TypeId, b: TypeId, depth: u32) -> bool {
        if a == b {
            return true;
        }
        if depth > 64 {
            return false;
        }
        let (ta, tb) = (self.w.ty(a).clone(), self.w.ty(b).clone());
        match (ta, tb) {
            (Type::Basic(x, _), Type::Basic(y, _)) => x == y,
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => self.identical_depth(x, y, depth + 1),
            (Type::Array(n, x), Type::Array(m, y)) => n == m && self.identical_depth(x, y, depth + 1),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => self.identical_depth(k1, k2, depth + 1) && self.identical_depth(v1, v2, depth + 1),
            (Type::Chan(d1, e1), Type::Chan(d2, e2)) => d1 == d2 && self.identical_depth(e1, e2, depth + 1),
            (Type::Struct(s1), Type::Struct(s2)) => {
                s1.fields.len() == s2.fields.len()
                    && s1.tags == s2.tags
                    && s1.fields.iter().zip(s2.fields.iter()).all(|(&f, &g)| {
                        let (of, og) = (self.obj(f).clone(), self.obj(g).clone());
                        of.name == og.name
                            && matches!(&of.kind, ObjKind::Var(VarKind::Field { embedded: e1 }) if matches!(&og.kind, ObjKind::Var(VarKind::Field { embedded: e2 }) if e1 == e2))
                            && (of.exported() || of.pkg == og.pkg)
                            && self.identical_depth(of.ty, og.ty, depth + 1)
                    })
            }
            (Type::Signature(s1), Type::Signature(s2)) => {
                s1.variadic == s2.variadic
                    && s1.tparams.len() == s2.tparams.len()
                    && self.identical_vars(&s1.params, &s2.params, depth)
                    && self.identical_vars(&s1.results, &s2.results, depth)
            }
            (Type::Tuple(v1), Type::Tuple(v2)) => self.identical_vars(&v1, &v2, depth),
            (Type::Interface(_), Type::Interface(_)) => {
                let (s1, s2) = (self.type_set(a), self.type_set(b));
                if s1.comparable != s2.comparable || s1.methods.len() != s2.methods.len() {
                    return false;
                }
                for (&m1, &m2) in s1.methods.iter().zip(s2.methods.iter()) {
                    let (o1, o2) = (self.obj(m1).clone(), self.obj(m2).clone());
                    if o1.name != o2.name || (!o1.exported() && o1.pkg != o2.pkg) || !self.identical_depth(o1.ty, o2.ty, depth + 1) {
                        return false;
                    }
                }
                match (&s1.terms, &s2.terms) {
                    (None, None) => true,
                    (Some(t1), Some(t2)) => {
                        t1.len() == t2.len()
                            && t1.iter().all(|x| t2.iter().any(|y| x.tilde == y.tilde && self.identical_depth(x.ty, y.ty, depth + 1)))
                    }
                    _ => false,
                }
            }
            (Type::Named(n1), Type::Named(n2)) => {
                n1.orig.is_some()
                    && n1.orig == n2.orig
                    && n1.targs.len() == n2.targs.len()
                    && n1.targs.iter().zip(n2.targs.iter()).all(|(&x, &y)| self.identical_depth(x, y, depth + 1))
            }
            _ => false,
        }
    }

    fn identical_vars(&mut self, a: &[ObjId], b: &[ObjId], depth: u32) -> bool {
        a.len() == b.len()
            && a.iter().zip(b.iter()).all(|(&x, &y)| {
                let (tx, ty) = (self.obj(x).ty, self.obj(y).ty);
                self.identical_depth(tx, ty, depth + 1)
            })
    }

    /// The type set of an interface type (not a Named: pass the underlying).
    pub(crate) fn type_set(&mut self, iface: TypeId) -> Rc<TypeSet> {
        if let Some(ts) = self.type_sets.get(&iface) {
            return ts.clone();
        }
        if !self.computing.insert(iface) {
            return Rc::new(TypeSet::default());
        }
        let Type::Interface(it) = self.w.ty(iface).clone() else {
            self.computing.remove(&iface);
            return Rc::new(TypeSet::default());
        };
        let mut ts = TypeSet { methods: it.methods.clone(), terms: None, comparable: it.comparable };
        for &e in &it.embeddeds {
            let eu = self.under(e);
            let (emethods, eterms, ecomparable) = match self.w.ty(eu).clone() {
                Type::Interface(_) => {
                    let s = self.type_set(eu);
                    (s.methods.clone(), s.terms.clone(), s.comparable)
                }
                Type::Union(terms) => {
                    // A union of terms; interface terms contribute their own terms.
                    let mut out = Vec::new();
                    let mut all = false;
                    for t in terms.iter() {
                        let tu = self.under(t.ty);
                        if !t.tilde
                            && matches!(self.w.ty(tu), Type::Interface(_))
                            && !self.is_type_param(t.ty)
                        {
                            match self.type_set(tu).terms.clone() {
                                Some(ts) => out.extend(ts),
                                None => all = true,
                            }
                        } else {
                            out.push(*t);
                        }
                    }
                    (vec![], if all { None } else { Some(out) }, false)
                }
                _ => (vec![], Some(vec![Term { tilde: false, ty: e }]), false),
            };
            for m in emethods {
                let name = self.obj(m).name.clone();
                if !ts.methods.iter().any(|&x| self.obj(x).name == name) {
                    ts.methods.push(m);
                }
            }
            ts.comparable |= ecomparable;
            ts.terms = match (ts.terms.take(), eterms) {
                (None, t) | (t, None) => t,
                (Some(a), Some(b)) => Some(self.intersect_terms(&a, &b)),
            };
        }
        ts.methods.sort_by(|&a, &b| self.obj(a).name.cmp(&self.obj(b).name));
        let ts = Rc::new(ts);
        self.computing.remove(&iface);
        self.type_sets.insert(iface, ts.clone());
        ts
    }

    fn intersect_terms(&mut self, a: &[Term], b: &[Term]) -> Vec<Term> {
        let mut out = Vec::new();
        for x in a {
            for y in b {
                let r = match (x.tilde, y.tilde) {
                    (true, true) => self.identical(x.ty, y.ty).then_some(*x),
                    (true, false) => {
                        let u = self.under(y.ty);
                        self.identical(u, x.ty).then_some(*y)
                    }
                    (false, true) => {
                        let u = self.under(x.ty);
                        self.identical(u, y.ty).then_some(*x)
                    }
                    (false, false) => self.identical(x.ty, y.ty).then_some(*x),
                };
                if let Some(t) = r {
                    out.push(t);
                }
            }
        }
        out
    }

    /// The single underlying type of all types in `t`'s type set, if there is one.
    pub(crate) fn core_type(&mut self, t: TypeId) -> Option<TypeId> {
        if !self.is_type_param(t) {
            let u = self.under(t);
            return Some(u);
        }
        let terms = self.type_param_terms(t)?;
        let mut cur: Option<TypeId> = None;
        for term in terms {
            let u = self.under(term.ty);
            match cur {
                None => cur = Some(u),
                Some(c) => {
                    if !self.identical(c, u) {
                        return None;
                    }
                }
            }
        }
        cur
    }

    /// Substitutes type parameters in `t` per `smap`.
    pub(crate) fn subst(&mut self, t: TypeId, smap: &[(TypeId, TypeId)]) -> TypeId {
        if smap.is_empty() {
            return t;
        }
        self.subst_depth(t, smap, 0)
    }

    fn subst_depth(&mut self, t: TypeId, smap: &[(TypeId, TypeId)], depth: u32) -> TypeId {
        if depth > 64 {
            return t;
        }
        let d = depth + 1;
        match self.w.ty(t).clone() {
            Type::TypeParam(_) => smap.iter().find(|(p, _)| *p == t).map_or(t, |&(_, a)| a),
            Type::Basic(..) => t,
            Type::Pointer(e) => {
                let n = self.subst_depth(e, smap, d);
                if n == e { t } else { self.w.new_type(Type::Pointer(n)) }
            }
            Type::Slice(e) => {
                let n = self.subst_depth(e, smap, d);
                if n == e { t } else { self.w.new_type(Type::Slice(n)) }
            }
            Type::Array(len, e) => {
                let n = self.subst_depth(e, smap, d);
                if n == e { t } else { self.w.new_type(Type::Array(len, n)) }
            }
            Type::Map(k, v) => {
                let (nk, nv) = (self.subst_depth(k, smap, d), self.subst_depth(v, smap, d));
                if nk == k && nv == v { t } else { self.w.new_type(Type::Map(nk, nv)) }
            }
            Type::Chan(dir, e) => {
                let n = self.subst_depth(e, smap, d);
                if n == e { t } else { self.w.new_type(Type::Chan(dir, n)) }
            }
            Type::Struct(s) => {
                let (fields, changed) = self.subst_vars(&s.fields, smap, d);
                if !changed {
                    return t;
                }
                self.w.new_type(Type::Struct(Rc::new(StructType { fields, tags: s.tags.clone() })))
            }
            Type::Signature(s) => {
                let (params, c1) = self.subst_vars(&s.params, smap, d);
                let (results, c2) = self.subst_vars(&s.results, smap, d);
                if !c1 && !c2 {
                    return t;
                }
                self.w.new_type(Type::Signature(Rc::new(Signature {
                    recv: s.recv,
                    tparams: vec![],
                    params,
                    results,
                    variadic: s.variadic,
                })))
            }
            Type::Tuple(vars) => {
                let (vars, changed) = self.subst_vars(&vars, smap, d);
                if !changed {
                    return t;
                }
                self.w.new_type(Type::Tuple(Rc::new(vars)))
            }
            Type::Interface(it) => {
                let (methods, c1) = self.subst_vars(&it.methods, smap, d);
                let embeddeds: Vec<TypeId> =
                    it.embeddeds.iter().map(|&e| self.subst_depth(e, smap, d)).collect();
                if !c1 && embeddeds == it.embeddeds {
                    return t;
                }
                self.w.new_type(Type::Interface(Rc::new(Interface { methods, embeddeds, ..(*it).clone() })))
            }
            Type::Union(terms) => {
                let nt: Vec<Term> = terms
                    .iter()
                    .map(|x| Term { tilde: x.tilde, ty: self.subst_depth(x.ty, smap, d) })
                    .collect();
                if nt == *terms { t } else { self.w.new_type(Type::Union(Rc::new(nt))) }
            }
            Type::Named(n) => {
                if n.targs.is_empty() {
                    return t;
                }
                let targs: Vec<TypeId> = n.targs.iter().map(|&a| self.subst_depth(a, smap, d)).collect();
                if targs == n.targs {
                    return t;
                }
                let orig = n.orig.unwrap_or(t);
                self.instantiate_named(orig, targs)
            }
        }
    }

    fn subst_vars(&mut self, vars: &[ObjId], smap: &[(TypeId, TypeId)], d: u32) -> (Vec<ObjId>, bool) {
        let mut changed = false;
        let mut out = Vec::with_capacity(vars.len());
        for &v in vars {
            let o = self.obj(v).clone();
            let nt = self.subst_depth(o.ty, smap, d);
            if nt == o.ty {
                out.push(v);
            } else {
                changed = true;
                let nv = self.w.new_obj(&o.name, o.kind.clone(), o.pkg, o.pos, nt);
                out.push(nv);
            }
        }
        (out, changed)
    }

    /// The instance `orig[targs]`, shared with earlier identical instantiations.
    pub(crate) fn instantiate_named(&mut self, orig: TypeId, targs: Vec<TypeId>) -> TypeId {
        for i in 0..self.instances.len() {
            let (o, ref a, inst) = self.instances[i];
            if o == orig && a.len() == targs.len() {
                let a = a.clone();
                if a.iter().zip(targs.iter()).all(|(&x, &y)| self.identical(x, y)) {
                    return inst;
                }
            }
        }
        let Type::Named(on) = self.w.ty(orig).clone() else { return TypeId::INVALID };
        let inst = self.w.new_type(Type::Named(Named {
            obj: on.obj,
            tparams: vec![],
            targs: targs.clone(),
            orig: Some(orig),
            underlying: TypeId::INVALID,
            methods: vec![],
        }));
        self.instances.push((orig, targs, inst));
        inst
    }

    /// The methods of a named type (an instance's are its origin's).
    pub(crate) fn named_methods(&self, t: TypeId) -> Vec<ObjId> {
        match self.w.ty(t) {
            Type::Named(n) => match n.orig {
                Some(o) => match self.w.ty(o) {
                    Type::Named(on) => on.methods.clone(),
                    _ => vec![],
                },
                None => n.methods.clone(),
            },
            _ => vec![],
        }
    }

    /// The substitution map of an instance: origin type parameters to type arguments.
    pub(crate) fn instance_smap(&self, t: TypeId) -> Vec<(TypeId, TypeId)> {
        match self.w.ty(t) {
            Type::Named(n) => match n.orig.map(|o| self.w.ty(o)) {
                Some(Type::Named(on)) => on.tparams.iter().copied().zip(n.targs.iter().copied()).collect(),
                _ => vec![],
            },
            _ => vec![],
        }
    }

    pub(crate) fn qualifier(&self, pkg: Option<PkgId>) -> String {
        match pkg {
            Some(p) if p != self.pkg => {
                let name = &self.w.pkgs[p.0 as usize].name;
                let clash = self.w.pkgs.iter().filter(|q| &q.name == name).count() > 1;
                if clash {
                    crate::constant::quote(self.w.pkgs[p.0 as usize].path.as_bytes()) + "."
                } else {
                    format!("{name}.")
                }
            }
            _ => String::new(),
        }
    }

    pub(crate) fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, 0);
        s
    }

    fn write_type(&self, s: &mut String, t: TypeId, depth: u32) {
        if depth > 32 {
            s.push('…');
            return;
        }
        let d = depth + 1;
        match self.w.ty(t) {
            Type::Basic(_, name) => {
                if t == TypeId::UNSAFE_POINTER {
                    s.push_str("unsafe.");
                }
                s.push_str(name);
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type(s, *e, d);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type(s, *e, d);
            }
            Type::Array(n, e) => {
                match n {
                    Some(n) => s.push_str(&format!("[{n}]")),
                    None => s.push_str("[unknown]"),
                }
                self.write_type(s, *e, d);
            }
            Type::Map(k, v) => {
                s.push_str("map[");
                self.write_type(s, *k, d);
                s.push(']');
                self.write_type(s, *v, d);
            }
            Type::Chan(dir, e) => {
                let mut parens = false;
                match dir {
                    ChanDir::Both => {
                        s.push_str("chan ");
                        parens = matches!(self.w.ty(*e), Type::Chan(ChanDir::Recv, _));
                    }
                    ChanDir::Send => s.push_str("chan<- "),
                    ChanDir::Recv => s.push_str("<-chan "),
                }
                if parens {
                    s.push('(');
                }
                self.write_type(s, *e, d);
                if parens {
                    s.push(')');
                }
            }
            Type::Struct(st) => {
                s.push_str("struct{");
                for (i, &f) in st.fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    let o = self.obj(f);
                    if !matches!(o.kind, ObjKind::Var(VarKind::Field { embedded: true })) {
                        s.push_str(&o.name);
                        s.push(' ');
                    }
                    self.write_type(s, o.ty, d);
                    if let Some(Some(tag)) = st.tags.get(i) {
                        s.push(' ');
                        s.push_str(&crate::constant::quote(tag.as_bytes()));
                    }
                }
                s.push('}');
            }
            Type::Signature(sig) => {
                s.push_str("func");
                self.write_signature(s, sig, d);
            }
            Type::Interface(it) => {
                if it.is_any && it.methods.is_empty() && it.embeddeds.is_empty() {
                    s.push_str("any");
                    return;
                }
                if it.implicit
                    && let [e] = it.embeddeds.as_slice()
                {
                    self.write_type(s, *e, d);
                    return;
                }
                s.push_str("interface{");
                let mut first = true;
                if it.comparable {
                    s.push_str("comparable");
                    first = false;
                }
                for &m in &it.methods {
                    if !first {
                        s.push_str("; ");
                    }
                    first = false;
                    let o = self.obj(m);
                    s.push_str(&o.name);
                    if let Type::Signature(sig) = self.w.ty(o.ty) {
                        self.write_signature(s, sig, d);
                    }
                }
                for &e in &it.embeddeds {
                    if !first {
                        s.push_str("; ");
                    }
                    first = false;
                    self.write_type(s, e, d);
                }
                s.push('}');
            }
            Type::Union(terms) => {
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        s.push_str(" | ");
                    }
                    if term.tilde {
                        s.push('~');
                    }
                    self.write_type(s, term.ty, d);
                }
            }
            Type::Named(n) => {
                let o = self.obj(n.obj);
                s.push_str(&self.qualifier(o.pkg));
                s.push_str(&o.name);
                if !n.targs.is_empty() {
                    s.push('[');
                    for (i, &a) in n.targs.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        self.write_type(s, a, d);
                    }
                    s.push(']');
                } else if !n.tparams.is_empty() {
                    self.write_tparams(s, &n.tparams, d);
                }
            }
            Type::TypeParam(tp) => s.push_str(&self.obj(tp.obj).name),
            Type::Tuple(vars) => self.write_tuple(s, vars, false, d),
        }
    }

    fn write_tparams(&self, s: &mut String, tparams: &[TypeId], d: u32) {
        s.push('[');
        for (i, &tp) in tparams.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let Type::TypeParam(p) = self.w.ty(tp) else { continue };
            s.push_str(&self.obj(p.obj).name);
            s.push(' ');
            self.write_type(s, p.bound, d);
        }
        s.push(']');
    }

    fn write_tuple(&self, s: &mut String, vars: &[ObjId], variadic: bool, d: u32) {
        s.push('(');
        for (i, &v) in vars.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let o = self.obj(v);
            if !o.name.is_empty() {
                s.push_str(&o.name);
                s.push(' ');
            }
            if variadic
                && i == vars.len() - 1
                && let Type::Slice(e) = self.w.ty(o.ty)
            {
                s.push_str("...");
                self.write_type(s, *e, d);
                continue;
            }
            self.write_type(s, o.ty, d);
        }
        s.push(')');
    }

    pub(crate) fn write_signature(&self, s: &mut String, sig: &Signature, d: u32) {
        if !sig.tparams.is_empty() {
            self.write_tparams(s, &sig.tparams, d);
        }
        self.write_tuple(s, &sig.params, sig.variadic, d);
        match sig.results.as_slice() {
            [] => {}
            [r] if self.obj(*r).name.is_empty() => {
                s.push(' ');
                self.write_type(s, self.obj(*r).ty, d);
            }
            rs => {
                s.push(' ');
                self.write_tuple(s, rs, false, d);
            }
        }
    }
}

pub(crate) fn is_integer_kind(k: BasicKind) -> bool {
    matches!(
        k,
        BasicKind::Int
            | BasicKind::Int8
            | BasicKind::Int16
            | BasicKind::Int32
            | BasicKind::Int64
            | BasicKind::Uint
            | BasicKind::Uint8
            | BasicKind::Uint16
            | BasicKind::Uint32
            | BasicKind::Uint64
            | BasicKind::Uintptr
            | BasicKind::UntypedInt
            | BasicKind::UntypedRune
    )
}

pub(crate) fn is_numeric_kind(k: BasicKind) -> bool {
    is_integer_kind(k)
        || matches!(
            k,
            BasicKind::Float32
                | BasicKind::Float64
                | BasicKind::Complex64
                | BasicKind::Complex128
                | BasicKind::UntypedFloat
                | BasicKind::UntypedComplex
        )
}
