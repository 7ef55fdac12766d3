//! Static initialization: package variables whose initializers are built from
//! constants, composite literals and addresses of composite literals are laid
//! out as data at compile time (as gc's staticinit does), so that big tables
//! cost no code and no time at start-up.

use crate::Gen;
use syntax::ast::{self, ExprKind};
use syntax::token::Op;
use typeck::constant::Value as CValue;
use typeck::info::ExprMode;
use typeck::types::{BasicKind as K, Type, TypeId};

/// Data being laid out: bytes and the relocations into them.
#[derive(Default)]
struct Image {
    bytes: Vec<u8>,
    relocs: Vec<ir::Reloc>,
}

impl Gen<'_> {
    /// Lays out `e`, the initializer of package variable `sym` of type `t`, as
    /// the variable's data; false if it needs code to run.
    pub(crate) fn static_init(&mut self, sym: &str, e: &ast::Expr, t: TypeId) -> bool {
        if !self.is_static(e, t) {
            return false;
        }
        let Some((size, _)) = self.size_align(t, e.pos) else { return false };
        let mut img = Image { bytes: vec![0; size.max(1) as usize], relocs: vec![] };
        if self.lay_out(e, t, &mut img, 0).is_none() {
            return false;
        }
        let Some(d) = self.module.data.iter_mut().find(|d| d.name == sym) else { return false };
        d.init = img.bytes;
        d.relocs = img.relocs;
        true
    }

    fn tv(&self, e: &ast::Expr) -> Option<typeck::info::TypeAndValue> {
        self.info.types.get(&self.node_expr(e)).cloned()
    }

    /// Whether `e`, converted to `t`, can be laid out as data.
    fn is_static(&mut self, e: &ast::Expr, t: TypeId) -> bool {
        let Some(tv) = self.tv(e) else { return false };
        if tv.mode == ExprMode::Nil {
            return true;
        }
        let u = self.under(t);
        if let Some(v) = &tv.value {
            return !matches!(self.w.ty(u), Type::Interface(_))
                && !matches!(v, CValue::Unknown)
                && !matches!(self.basic(t), Some(K::Complex64 | K::Complex128));
        }
        match &e.kind {
            ExprKind::Paren(x) => self.is_static(x, t),
            ExprKind::Operation { op: Op::And, x, y: None } => {
                matches!(&x.unparen().kind, ExprKind::CompositeLit { .. }) && {
                    let xt = self.tv(x).map_or(TypeId::INVALID, |tv| tv.ty);
                    self.is_static(x.unparen(), xt)
                }
            }
            ExprKind::CompositeLit { elems, .. } => {
                // A literal converted to an interface needs boxing at run time.
                if matches!(self.w.ty(u), Type::Interface(_)) {
                    return false;
                }
                let lit_t = match self.w.ty(self.under(tv.ty)) {
                    Type::Pointer(b) => *b,
                    _ => tv.ty,
                };
                match self.w.ty(self.under(lit_t)).clone() {
                    Type::Struct(st) => elems.iter().enumerate().all(|(i, el)| {
                        let (fi, v) = match &el.kind {
                            ExprKind::KeyValue { key, value } => {
                                let ExprKind::Name(n) = &key.kind else { return false };
                                let Some(fi) = st.fields.iter().position(|&f| &self.w.obj(f).name == n)
                                else {
                                    return false;
                                };
                                (fi, value.as_ref())
                            }
                            _ => (i, el),
                        };
                        let ft = self.w.obj(st.fields[fi]).ty;
                        self.is_static(v, ft)
                    }),
                    Type::Array(_, el) | Type::Slice(el) => elems.iter().all(|x| {
                        let v = match &x.kind {
                            ExprKind::KeyValue { key, value } => {
                                if self.tv(key).and_then(|tv| tv.value).is_none() {
                                    return false;
                                }
                                value.as_ref()
                            }
                            _ => x,
                        };
                        self.is_static(v, el)
                    }),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Writes `e` (static, of type `t`) into `img` at `off`.
    fn lay_out(&mut self, e: &ast::Expr, t: TypeId, img: &mut Image, off: usize) -> Option<()> {
        let tv = self.tv(e)?;
        if tv.mode == ExprMode::Nil {
            return Some(());
        }
        let ws = self.target.word_size as usize;
        if let Some(v) = &tv.value {
            return self.lay_out_const(v, t, img, off);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.lay_out(x, t, img, off),
            ExprKind::Operation { op: Op::And, x, .. } => {
                let xt = self.tv(x)?.ty;
                let sym = self.static_object(x.unparen(), xt)?;
                self.put_addr(img, off, &sym);
                Some(())
            }
            ExprKind::CompositeLit { elems, .. } => {
                if let Type::Pointer(b) = self.w.ty(self.under(tv.ty)).clone() {
                    // An elided &T{…} in a literal of pointers.
                    let sym = self.static_object_of(e, elems, b)?;
                    self.put_addr(img, off, &sym);
                    return Some(());
                }
                match self.w.ty(self.under(t)).clone() {
                    Type::Struct(_) | Type::Array(..) => self.lay_out_lit(e, elems, t, img, off),
                    Type::Slice(el) => {
                        let n = self.lit_len(elems)?;
                        let (es, ea) = self.size_align(el, e.pos)?;
                        let sym = self.static_sym();
                        let mut arr = Image { bytes: vec![0; (es * n) as usize], relocs: vec![] };
                        self.lay_out_elems(elems, el, &mut arr, 0)?;
                        self.push_data(&sym, arr, ea);
                        // An empty slice literal is not nil: it points at its array.
                        self.put_addr(img, off, &sym);
                        self.put_word(img, off + ws, n);
                        self.put_word(img, off + 2 * ws, n);
                        Some(())
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn lay_out_elems(&mut self, elems: &[ast::Expr], el: TypeId, img: &mut Image, off: usize) -> Option<()> {
        let (es, _) = self.size_align(el, 0)?;
        let mut idx = 0u64;
        for x in elems {
            let v = match &x.kind {
                ExprKind::KeyValue { key, value } => {
                    idx = const_u64(&self.tv(key)?.value?)?;
                    value.as_ref()
                }
                _ => x,
            };
            self.lay_out(v, el, img, off + (idx * es) as usize)?;
            idx += 1;
        }
        Some(())
    }

    /// The length of a slice literal: one past its largest index.
    fn lit_len(&self, elems: &[ast::Expr]) -> Option<u64> {
        let (mut n, mut next) = (0u64, 0u64);
        for x in elems {
            if let ExprKind::KeyValue { key, .. } = &x.kind {
                next = const_u64(&self.tv(key)?.value?)?;
            }
            next += 1;
            n = n.max(next);
        }
        Some(n)
    }

    /// A writable data object holding composite literal `e` of type `t`; its symbol.
    fn static_object(&mut self, e: &ast::Expr, t: TypeId) -> Option<String> {
        let ExprKind::CompositeLit { elems, .. } = &e.kind else { return None };
        self.static_object_of(e, elems, t)
    }

    fn static_object_of(&mut self, e: &ast::Expr, elems: &[ast::Expr], t: TypeId) -> Option<String> {
        let (size, align) = self.size_align(t, e.pos)?;
        let mut img = Image { bytes: vec![0; size.max(1) as usize], relocs: vec![] };
        self.lay_out_lit(e, elems, t, &mut img, 0)?;
        let sym = self.static_sym();
        self.push_data(&sym, img, align);
        Some(sym)
    }

    /// Writes struct or array literal `e` of type `t` into `img` at `off`.
    fn lay_out_lit(
        &mut self,
        e: &ast::Expr,
        elems: &[ast::Expr],
        t: TypeId,
        img: &mut Image,
        off: usize,
    ) -> Option<()> {
        match self.w.ty(self.under(t)).clone() {
            Type::Struct(st) => {
                let offs = self.field_offsets(t, e.pos)?;
                for (i, el) in elems.iter().enumerate() {
                    let (fi, v) = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            let ExprKind::Name(n) = &key.kind else { return None };
                            (st.fields.iter().position(|&f| &self.w.obj(f).name == n)?, value.as_ref())
                        }
                        _ => (i, el),
                    };
                    let (f, fo) = offs[fi];
                    let ft = self.w.obj(f).ty;
                    self.lay_out(v, ft, img, off + fo as usize)?;
                }
                Some(())
            }
            Type::Array(_, el) => self.lay_out_elems(elems, el, img, off),
            _ => None,
        }
    }

    fn lay_out_const(&mut self, v: &CValue, t: TypeId, img: &mut Image, off: usize) -> Option<()> {
        let t = self.default_type(t);
        let (size, _) = self.size_align(t, 0)?;
        let ws = self.target.word_size as usize;
        let bytes: Vec<u8> = match (self.basic(t)?, v) {
            (K::String, CValue::String(s)) => {
                if !s.is_empty() {
                    let sym = self.string_data(s);
                    self.put_addr(img, off, &sym);
                }
                self.put_word(img, off + ws, s.len() as u64);
                return Some(());
            }
            (K::Bool, CValue::Bool(b)) => vec![u8::from(*b)],
            // to_f32 rounds to float32 and gives it as an f64.
            (K::Float32, v) => (v.to_rat()?.to_f32() as f32).to_le_bytes().to_vec(),
            (K::Float64, v) => v.to_rat()?.to_f64().to_le_bytes().to_vec(),
            (_, CValue::Int(i)) => {
                let bits = i.to_i64().or_else(|| i.to_u64().map(|u| u as i64))?;
                bits.to_le_bytes()[..size as usize].to_vec()
            }
            (_, CValue::Float(r)) => (r.to_f64() as i64).to_le_bytes()[..size as usize].to_vec(),
            _ => return None,
        };
        img.bytes[off..off + bytes.len()].copy_from_slice(&bytes);
        Some(())
    }

    fn put_addr(&self, img: &mut Image, off: usize, sym: &str) {
        let width = self.target.word_size as u8;
        img.relocs.push(ir::Reloc {
            off: off as u32,
            kind: ir::RelocKind::Addr { width },
            target: sym.into(),
            addend: 0,
        });
    }

    fn put_word(&self, img: &mut Image, off: usize, v: u64) {
        let ws = self.target.word_size as usize;
        img.bytes[off..off + ws].copy_from_slice(&v.to_le_bytes()[..ws]);
    }

    fn static_sym(&mut self) -> String {
        self.statics += 1;
        format!("{}..stat_{}", self.path, self.statics)
    }

    fn push_data(&mut self, name: &str, img: Image, align: u64) {
        self.module.data.push(ir::Data {
            name: name.into(),
            size: img.bytes.len().max(1) as u32,
            align: align as u32,
            readonly: false,
            init: img.bytes,
            relocs: img.relocs,
        });
    }
}

fn const_u64(v: &CValue) -> Option<u64> {
    match v {
        CValue::Int(i) => i.to_u64(),
        _ => None,
    }
}
