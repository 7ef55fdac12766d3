//! How Go types lower: which scalars make a value (`Class`), sizes and alignments as
//! gc lays them out, and the IR signature of a Go function.

use crate::Gen;
use ir::{Mem, Ty};
use typeck::types::{BasicKind as K, ObjId, Type, TypeId};

/// How a value of a Go type is held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Class {
    /// A group of scalars with their memory widths and offsets in the value's
    /// memory layout.
    Scalars(Vec<Scalar>),
    /// An array or struct: the address of its memory.
    Mem { size: u64, align: u64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scalar {
    pub ty: Ty,
    pub mem: Mem,
    pub signed: bool,
    pub off: u32,
}

/// A Go function's lowering.
#[derive(Clone, Debug)]
pub(crate) struct FnAbi {
    pub sig: ir::Sig,
    pub params: Vec<(TypeId, Class)>,
    pub results: Vec<(TypeId, Class)>,
}

impl Gen<'_> {
    pub(crate) fn under(&self, mut t: TypeId) -> TypeId {
        for _ in 0..100 {
            match self.w.ty(t) {
                Type::Named(n) if n.underlying != TypeId::INVALID => t = n.underlying,
                _ => return t,
            }
        }
        t
    }

    pub(crate) fn basic(&self, t: TypeId) -> Option<K> {
        match self.w.ty(self.under(t)) {
            Type::Basic(k, _) => Some(*k),
            _ => None,
        }
    }

    fn word_scalar(&self, off: u32) -> Scalar {
        Scalar { ty: self.word, mem: Mem::of(self.word), signed: false, off }
    }

    /// A word that holds a pointer (IR type `ptr`, the collector's roots).
    fn ptr_scalar(&self, off: u32) -> Scalar {
        Scalar { ty: Ty::Ptr, mem: Mem::of(self.word), signed: false, off }
    }

    /// The class of `t`, or None (with a diagnostic at `pos`) when the compiler
    /// cannot lower it yet.
    /// Whether values of type `t` hold pointers (the garbage collector's view,
    /// which decides Go's allocation sizes).
    pub(crate) fn has_pointers(&self, t: TypeId) -> bool {
        match self.w.ty(self.under(t)) {
            Type::Basic(k, _) => matches!(k, K::String | K::UnsafePointer | K::UntypedString),
            Type::Array(n, e) => n.unwrap_or(0) > 0 && self.has_pointers(*e),
            Type::Struct(st) => st.fields.iter().any(|&f| self.has_pointers(self.w.obj(f).ty)),
            _ => true,
        }
    }

    /// The type an untyped value takes where no other is asked for.
    pub(crate) fn default_type(&self, t: TypeId) -> TypeId {
        match self.basic(t) {
            Some(K::UntypedBool) => TypeId::BOOL,
            Some(K::UntypedInt) => TypeId::INT,
            Some(K::UntypedRune) => TypeId::INT32,
            Some(K::UntypedFloat) => TypeId::FLOAT64,
            Some(K::UntypedString) => TypeId::STRING,
            _ => t,
        }
    }

    pub(crate) fn class(&mut self, t: TypeId, pos: u32) -> Option<Class> {
        let ws = self.target.word_size as u32;
        let u = self.under(t);
        let s = |ty, mem, signed| Some(Class::Scalars(vec![Scalar { ty, mem, signed, off: 0 }]));
        match self.w.ty(u).clone() {
            Type::Basic(k, _) => match k {
                // Untyped values take their default types' shapes (comparison
                // results are untyped booleans).
                K::Bool | K::Uint8 | K::UntypedBool => s(Ty::I32, Mem::I8, false),
                K::Int8 => s(Ty::I32, Mem::I8, true),
                K::Int16 => s(Ty::I32, Mem::I16, true),
                K::Uint16 => s(Ty::I32, Mem::I16, false),
                K::Int32 | K::UntypedRune => s(Ty::I32, Mem::I32, true),
                K::Uint32 => s(Ty::I32, Mem::I32, false),
                K::Int64 | K::Uint64 => s(Ty::I64, Mem::I64, false),
                K::Int | K::Uint | K::Uintptr | K::UntypedInt => {
                    Some(Class::Scalars(vec![self.word_scalar(0)]))
                }
                K::UnsafePointer | K::UntypedNil => Some(Class::Scalars(vec![self.ptr_scalar(0)])),
                K::Float32 => s(Ty::F32, Mem::F32, false),
                K::Float64 | K::UntypedFloat => s(Ty::F64, Mem::F64, false),
                K::String | K::UntypedString => {
                    Some(Class::Scalars(vec![self.ptr_scalar(0), self.word_scalar(ws)]))
                }
                K::Complex64 | K::Complex128 => {
                    self.unsupported(pos, "complex numbers");
                    None
                }
                _ => {
                    self.unsupported(pos, "this untyped value");
                    None
                }
            },
            // A map is a pointer to the runtime's hmap.
            Type::Pointer(_) | Type::Map(..) => Some(Class::Scalars(vec![self.ptr_scalar(0)])),
            Type::Slice(_) => {
                Some(Class::Scalars(vec![self.ptr_scalar(0), self.word_scalar(ws), self.word_scalar(2 * ws)]))
            }
            Type::Interface(_) => Some(Class::Scalars(vec![self.ptr_scalar(0), self.ptr_scalar(ws)])),
            Type::Array(..) | Type::Struct(_) => {
                let (size, align) = self.size_align(t, pos)?;
                Some(Class::Mem { size, align })
            }
            Type::Chan(..) => {
                self.unsupported(pos, "channels");
                None
            }
            // A function value is a pointer to its closure object.
            Type::Signature(_) => Some(Class::Scalars(vec![self.ptr_scalar(0)])),
            Type::TypeParam(_) => {
                self.unsupported(pos, "generic code");
                None
            }
            Type::Tuple(_) | Type::Union(_) | Type::Named(_) => {
                self.unsupported(pos, "this type");
                None
            }
        }
    }

    /// gc's size and alignment of `t`.
    pub(crate) fn size_align(&mut self, t: TypeId, pos: u32) -> Option<(u64, u64)> {
        let ws = self.target.word_size;
        let u = self.under(t);
        Some(match self.w.ty(u).clone() {
            Type::Basic(k, _) => match k {
                K::Bool | K::Int8 | K::Uint8 | K::UntypedBool => (1, 1),
                K::Int16 | K::Uint16 => (2, 2),
                K::Int32 | K::Uint32 | K::Float32 | K::UntypedRune => (4, 4),
                K::Int64 | K::Uint64 | K::Float64 | K::UntypedFloat => (8, 8.min(ws)),
                K::Complex64 => (8, 4),
                K::Complex128 => (16, 8.min(ws)),
                K::String | K::UntypedString => (2 * ws, ws),
                _ => (ws, ws),
            },
            Type::Slice(_) => (3 * ws, ws),
            Type::Interface(_) => (2 * ws, ws),
            Type::Array(n, e) => {
                let (es, ea) = self.size_align(e, pos)?;
                (n.unwrap_or(0) * es, ea)
            }
            Type::Struct(st) => {
                let mut off = 0u64;
                let mut max_align = 1u64;
                let n = st.fields.len();
                for (i, &f) in st.fields.iter().enumerate() {
                    let (sz, al) = self.size_align(self.w.obj(f).ty, pos)?;
                    max_align = max_align.max(al);
                    off = off.next_multiple_of(al) + sz;
                    if i + 1 == n && sz == 0 && off > 0 {
                        off += 1;
                    }
                }
                (off.next_multiple_of(max_align), max_align)
            }
            Type::TypeParam(_) => {
                self.unsupported(pos, "generic code");
                return None;
            }
            _ => (ws, ws),
        })
    }

    /// The offsets of a struct's fields.
    pub(crate) fn field_offsets(&mut self, t: TypeId, pos: u32) -> Option<Vec<(ObjId, u64)>> {
        let Type::Struct(st) = self.w.ty(self.under(t)).clone() else { return None };
        let mut off = 0u64;
        let mut out = Vec::new();
        for &f in &st.fields {
            let (sz, al) = self.size_align(self.w.obj(f).ty, pos)?;
            off = off.next_multiple_of(al);
            out.push((f, off));
            off += sz;
        }
        Some(out)
    }

    pub(crate) fn param_types(&self, vars: &[ObjId]) -> Vec<TypeId> {
        vars.iter().map(|&v| self.w.obj(v).ty).collect()
    }

    /// The lowering of a function of signature type `sig_ty`.
    pub(crate) fn fn_abi(&mut self, sig_ty: TypeId, pos: u32) -> Option<FnAbi> {
        let Type::Signature(sig) = self.w.ty(self.under(sig_ty)).clone() else {
            self.unsupported(pos, "this call");
            return None;
        };
        if !sig.tparams.is_empty() {
            self.unsupported(pos, "generic functions");
            return None;
        }
        let mut ir_sig = ir::Sig { params: vec![self.word], results: vec![] };
        let mut params = Vec::new();
        let mut ptypes = self.param_types(&sig.params);
        if let Some(r) = sig.recv {
            ptypes.insert(0, self.w.obj(r).ty);
        }
        for t in ptypes {
            let c = self.class(t, pos)?;
            match &c {
                Class::Scalars(s) => ir_sig.params.extend(s.iter().map(|s| s.ty)),
                Class::Mem { .. } => ir_sig.params.push(self.word),
            }
            params.push((t, c));
        }
        let mut results = Vec::new();
        for t in self.param_types(&sig.results) {
            let c = self.class(t, pos)?;
            match &c {
                Class::Scalars(s) => ir_sig.results.extend(s.iter().map(|s| s.ty)),
                Class::Mem { .. } => ir_sig.params.push(self.word),
            }
            results.push((t, c));
        }
        Some(FnAbi { sig: ir_sig, params, results })
    }
}
