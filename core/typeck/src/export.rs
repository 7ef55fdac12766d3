//! Type export data: a `World` as bytes and back. A build type-checks the
//! packages a package depends on once, keeps the world they made (every type,
//! object, scope, package and file position), and type-checks the package
//! against it later without their sources.
//!
//! `encode` is deterministic (scopes' name maps are written sorted); `decode`
//! checks every id against the counts it read first, so a damaged blob is
//! `Corrupt`, never a world that makes the checker panic.

use std::collections::HashMap;
use std::rc::Rc;

use base::span::LineIndex;
use base::wire::{Corrupt, Reader, Writer};

use crate::bigint::BigInt;
use crate::constant::{Rat, Value};
use crate::types::*;

const MAGIC: &[u8] = b"crossplay types 1\n";

const BUILTINS: [Builtin; 26] = [
    Builtin::Append,
    Builtin::Cap,
    Builtin::Clear,
    Builtin::Close,
    Builtin::Complex,
    Builtin::Copy,
    Builtin::Delete,
    Builtin::Imag,
    Builtin::Len,
    Builtin::Make,
    Builtin::Max,
    Builtin::Min,
    Builtin::New,
    Builtin::Panic,
    Builtin::Print,
    Builtin::Println,
    Builtin::Real,
    Builtin::Recover,
    Builtin::Add,
    Builtin::Alignof,
    Builtin::Offsetof,
    Builtin::Sizeof,
    Builtin::Slice,
    Builtin::SliceData,
    Builtin::String,
    Builtin::StringData,
];

pub fn encode(w: &World) -> Vec<u8> {
    let mut o = Writer(MAGIC.to_vec());
    o.u64(w.word_size);
    for n in [w.types.len(), w.objs.len(), w.scopes.len(), w.pkgs.len(), w.files.len()] {
        o.len(n);
    }
    o.u32(w.universe.0);
    o.u32(w.unsafe_pkg.0);
    for t in &w.types {
        ty(&mut o, t);
    }
    for ob in &w.objs {
        o.str(&ob.name);
        match &ob.kind {
            ObjKind::Var(k) => {
                o.u8(0);
                match k {
                    VarKind::Local => o.u8(0),
                    VarKind::PackageVar => o.u8(1),
                    VarKind::Param => o.u8(2),
                    VarKind::Result => o.u8(3),
                    VarKind::Field { embedded } => o.u8(4 + u8::from(*embedded)),
                    VarKind::Recv => o.u8(6),
                }
            }
            ObjKind::Const(v) => {
                o.u8(1);
                value(&mut o, v);
            }
            ObjKind::TypeName { alias } => {
                o.u8(2);
                o.bool(*alias);
            }
            ObjKind::Func { ptr_recv } => {
                o.u8(3);
                o.bool(*ptr_recv);
            }
            ObjKind::PkgName { pkg, used } => {
                o.u8(4);
                o.u32(pkg.0);
                o.bool(*used);
            }
            ObjKind::Builtin(b) => {
                o.u8(5);
                o.len(BUILTINS.iter().position(|x| x == b).unwrap_or(0));
            }
            ObjKind::Nil => o.u8(6),
            ObjKind::Label => o.u8(7),
        }
        opt(&mut o, ob.pkg.map(|p| p.0));
        o.u32(ob.pos.file);
        o.u32(ob.pos.off);
        o.u32(ob.ty.0);
        o.bool(ob.used);
        opt(&mut o, ob.parent.map(|s| s.0));
    }
    for s in &w.scopes {
        opt(&mut o, s.parent.map(|s| s.0));
        let mut names: Vec<(&String, &ObjId)> = s.names.iter().collect();
        names.sort();
        o.len(names.len());
        for (n, id) in names {
            o.str(n);
            o.u32(id.0);
        }
        ids(&mut o, s.order.iter().map(|x| x.0));
        o.bool(s.is_func);
    }
    for p in &w.pkgs {
        o.str(&p.path);
        o.str(&p.name);
        o.u32(p.scope.0);
        ids(&mut o, p.imports.iter().map(|x| x.0));
    }
    for f in &w.files {
        o.str(&f.name);
        let (starts, len) = f.lines.parts();
        ids(&mut o, starts.iter().copied());
        o.u32(len);
    }
    o.0
}

fn opt(o: &mut Writer, v: Option<u32>) {
    match v {
        None => o.u8(0),
        Some(v) => {
            o.u8(1);
            o.u32(v);
        }
    }
}

fn ids(o: &mut Writer, v: impl ExactSizeIterator<Item = u32>) {
    o.len(v.len());
    for x in v {
        o.u32(x);
    }
}

fn ty(o: &mut Writer, t: &Type) {
    match t {
        Type::Basic(_, name) => {
            o.u8(0);
            o.str(name);
        }
        Type::Pointer(e) => {
            o.u8(1);
            o.u32(e.0);
        }
        Type::Slice(e) => {
            o.u8(2);
            o.u32(e.0);
        }
        Type::Array(n, e) => {
            o.u8(3);
            match n {
                None => o.u8(0),
                Some(n) => {
                    o.u8(1);
                    o.u64(*n);
                }
            }
            o.u32(e.0);
        }
        Type::Map(k, v) => {
            o.u8(4);
            o.u32(k.0);
            o.u32(v.0);
        }
        Type::Chan(d, e) => {
            o.u8(5);
            o.u8(match d {
                ChanDir::Both => 0,
                ChanDir::Send => 1,
                ChanDir::Recv => 2,
            });
            o.u32(e.0);
        }
        Type::Struct(s) => {
            o.u8(6);
            ids(o, s.fields.iter().map(|x| x.0));
            o.len(s.tags.len());
            for t in &s.tags {
                o.opt_str(t.as_deref());
            }
        }
        Type::Signature(s) => {
            o.u8(7);
            opt(o, s.recv.map(|x| x.0));
            ids(o, s.tparams.iter().map(|x| x.0));
            ids(o, s.params.iter().map(|x| x.0));
            ids(o, s.results.iter().map(|x| x.0));
            o.bool(s.variadic);
        }
        Type::Interface(i) => {
            o.u8(8);
            ids(o, i.methods.iter().map(|x| x.0));
            ids(o, i.embeddeds.iter().map(|x| x.0));
            o.bool(i.is_any);
            o.bool(i.implicit);
            o.bool(i.comparable);
        }
        Type::Union(terms) => {
            o.u8(9);
            o.len(terms.len());
            for t in terms.iter() {
                o.bool(t.tilde);
                o.u32(t.ty.0);
            }
        }
        Type::Named(n) => {
            o.u8(10);
            o.u32(n.obj.0);
            ids(o, n.tparams.iter().map(|x| x.0));
            ids(o, n.targs.iter().map(|x| x.0));
            opt(o, n.orig.map(|x| x.0));
            o.u32(n.underlying.0);
            ids(o, n.methods.iter().map(|x| x.0));
        }
        Type::TypeParam(p) => {
            o.u8(11);
            o.u32(p.obj.0);
            o.len(p.index);
            o.u32(p.bound.0);
        }
        Type::Tuple(v) => {
            o.u8(12);
            ids(o, v.iter().map(|x| x.0));
        }
    }
}

fn bigint(o: &mut Writer, b: &BigInt) {
    let (neg, mag) = b.parts();
    o.bool(neg);
    ids(o, mag.iter().copied());
}

fn rat(o: &mut Writer, r: &Rat) {
    bigint(o, &r.num);
    bigint(o, &r.den);
}

fn value(o: &mut Writer, v: &Value) {
    match v {
        Value::Unknown => o.u8(0),
        Value::Bool(b) => {
            o.u8(1);
            o.bool(*b);
        }
        Value::String(s) => {
            o.u8(2);
            o.bytes(s);
        }
        Value::Int(i) => {
            o.u8(3);
            bigint(o, i);
        }
        Value::Float(r) => {
            o.u8(4);
            rat(o, r);
        }
        Value::Huge { neg, mant, exp10 } => {
            o.u8(5);
            o.bool(*neg);
            o.u64(mant.to_bits());
            o.int(*exp10);
        }
        Value::Complex(a, b) => {
            o.u8(6);
            rat(o, a);
            rat(o, b);
        }
    }
}

/// The counts ids are checked against.
struct Counts {
    types: u32,
    objs: u32,
    scopes: u32,
    pkgs: u32,
    files: u32,
}

struct In<'a> {
    r: Reader<'a>,
    n: Counts,
}

impl In<'_> {
    fn below(&mut self, n: u32) -> Result<u32, Corrupt> {
        let v = self.r.u32()?;
        if v < n { Ok(v) } else { Err(Corrupt) }
    }

    fn ty(&mut self) -> Result<TypeId, Corrupt> {
        self.below(self.n.types).map(TypeId)
    }

    fn obj(&mut self) -> Result<ObjId, Corrupt> {
        self.below(self.n.objs).map(ObjId)
    }

    fn scope(&mut self) -> Result<ScopeId, Corrupt> {
        self.below(self.n.scopes).map(ScopeId)
    }

    fn pkg(&mut self) -> Result<PkgId, Corrupt> {
        self.below(self.n.pkgs).map(PkgId)
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Corrupt>) -> Result<Option<T>, Corrupt> {
        match self.r.u8()? {
            0 => Ok(None),
            1 => f(self).map(Some),
            _ => Err(Corrupt),
        }
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T, Corrupt>) -> Result<Vec<T>, Corrupt> {
        let n = self.r.len()?;
        let mut out = Vec::with_capacity(n.min(self.r.0.len()));
        for _ in 0..n {
            out.push(f(self)?);
        }
        Ok(out)
    }

    fn bigint(&mut self) -> Result<BigInt, Corrupt> {
        let neg = self.r.bool()?;
        let mag = self.list(|i| i.r.u32())?;
        Ok(BigInt::from_parts(neg, mag))
    }

    fn rat(&mut self) -> Result<Rat, Corrupt> {
        let (num, den) = (self.bigint()?, self.bigint()?);
        if den.is_zero() {
            return Err(Corrupt);
        }
        Ok(Rat { num, den })
    }

    fn value(&mut self) -> Result<Value, Corrupt> {
        Ok(match self.r.u8()? {
            0 => Value::Unknown,
            1 => Value::Bool(self.r.bool()?),
            2 => Value::String(Rc::from(self.r.bytes()?)),
            3 => Value::Int(self.bigint()?),
            4 => Value::Float(self.rat()?),
            5 => {
                Value::Huge { neg: self.r.bool()?, mant: f64::from_bits(self.r.u64()?), exp10: self.r.int()? }
            }
            6 => Value::Complex(self.rat()?, self.rat()?),
            _ => return Err(Corrupt),
        })
    }

    fn type_(&mut self) -> Result<Type, Corrupt> {
        Ok(match self.r.u8()? {
            0 => {
                let name = self.r.str()?;
                let (kind, name) = BASICS.iter().find(|(_, n)| *n == name).copied().ok_or(Corrupt)?;
                Type::Basic(kind, name)
            }
            1 => Type::Pointer(self.ty()?),
            2 => Type::Slice(self.ty()?),
            3 => {
                let n = self.opt(|i| i.r.u64())?;
                Type::Array(n, self.ty()?)
            }
            4 => Type::Map(self.ty()?, self.ty()?),
            5 => {
                let d = match self.r.u8()? {
                    0 => ChanDir::Both,
                    1 => ChanDir::Send,
                    2 => ChanDir::Recv,
                    _ => return Err(Corrupt),
                };
                Type::Chan(d, self.ty()?)
            }
            6 => {
                let fields = self.list(In::obj)?;
                let tags = self.list(|i| i.r.opt_str())?;
                Type::Struct(Rc::new(StructType { fields, tags }))
            }
            7 => Type::Signature(Rc::new(Signature {
                recv: self.opt(In::obj)?,
                tparams: self.list(In::ty)?,
                params: self.list(In::obj)?,
                results: self.list(In::obj)?,
                variadic: self.r.bool()?,
            })),
            8 => Type::Interface(Rc::new(Interface {
                methods: self.list(In::obj)?,
                embeddeds: self.list(In::ty)?,
                is_any: self.r.bool()?,
                implicit: self.r.bool()?,
                comparable: self.r.bool()?,
            })),
            9 => Type::Union(Rc::new(self.list(|i| Ok(Term { tilde: i.r.bool()?, ty: i.ty()? }))?)),
            10 => Type::Named(Named {
                obj: self.obj()?,
                tparams: self.list(In::ty)?,
                targs: self.list(In::ty)?,
                orig: self.opt(In::ty)?,
                underlying: self.ty()?,
                methods: self.list(In::obj)?,
            }),
            11 => Type::TypeParam(TypeParam { obj: self.obj()?, index: self.r.len()?, bound: self.ty()? }),
            12 => Type::Tuple(Rc::new(self.list(In::obj)?)),
            _ => return Err(Corrupt),
        })
    }

    fn object(&mut self) -> Result<Object, Corrupt> {
        let name = self.r.str()?;
        let kind = match self.r.u8()? {
            0 => ObjKind::Var(match self.r.u8()? {
                0 => VarKind::Local,
                1 => VarKind::PackageVar,
                2 => VarKind::Param,
                3 => VarKind::Result,
                4 => VarKind::Field { embedded: false },
                5 => VarKind::Field { embedded: true },
                6 => VarKind::Recv,
                _ => return Err(Corrupt),
            }),
            1 => ObjKind::Const(self.value()?),
            2 => ObjKind::TypeName { alias: self.r.bool()? },
            3 => ObjKind::Func { ptr_recv: self.r.bool()? },
            4 => ObjKind::PkgName { pkg: self.pkg()?, used: self.r.bool()? },
            5 => ObjKind::Builtin(*BUILTINS.get(self.r.len()?).ok_or(Corrupt)?),
            6 => ObjKind::Nil,
            7 => ObjKind::Label,
            _ => return Err(Corrupt),
        };
        let pkg = self.opt(In::pkg)?;
        let file = self.r.u32()?;
        if file != u32::MAX && file >= self.n.files {
            return Err(Corrupt);
        }
        let pos = SrcPos { file, off: self.r.u32()? };
        Ok(Object {
            name,
            kind,
            pkg,
            pos,
            ty: self.ty()?,
            used: self.r.bool()?,
            parent: self.opt(In::scope)?,
        })
    }
}

pub fn decode(bytes: &[u8]) -> Result<World, Corrupt> {
    let mut r = Reader(bytes.strip_prefix(MAGIC).ok_or(Corrupt)?);
    let word_size = r.u64()?;
    let mut counts = [0u32; 5];
    for c in &mut counts {
        *c = r.u32()?;
    }
    let [types, objs, scopes, pkgs, files] = counts;
    let mut i = In { r, n: Counts { types, objs, scopes, pkgs, files } };
    let universe = i.scope()?;
    let unsafe_pkg = PkgId(i.r.u32()?);
    let mut w = World::new(word_size);
    w.types = (0..types).map(|_| i.type_()).collect::<Result<_, _>>()?;
    w.objs = (0..objs).map(|_| i.object()).collect::<Result<_, _>>()?;
    w.scopes = (0..scopes)
        .map(|_| {
            let parent = i.opt(In::scope)?;
            let names: HashMap<String, ObjId> = i.list(|i| Ok((i.r.str()?, i.obj()?)))?.into_iter().collect();
            Ok(Scope { parent, names, order: i.list(In::obj)?, is_func: i.r.bool()? })
        })
        .collect::<Result<_, _>>()?;
    w.pkgs = (0..pkgs)
        .map(|_| {
            Ok(Package { path: i.r.str()?, name: i.r.str()?, scope: i.scope()?, imports: i.list(In::pkg)? })
        })
        .collect::<Result<_, _>>()?;
    w.files = (0..files)
        .map(|_| {
            let name = i.r.str()?;
            let starts = i.list(|i| i.r.u32())?;
            let lines = LineIndex::from_parts(starts, i.r.u32()?).ok_or(Corrupt)?;
            Ok(FileInfo { name, lines })
        })
        .collect::<Result<_, _>>()?;
    if !i.r.is_empty() || unsafe_pkg.0 >= pkgs || w.types.len() <= TypeId::COMPARABLE.0 as usize {
        return Err(Corrupt);
    }
    w.universe = universe;
    w.unsafe_pkg = unsafe_pkg;
    w.pkg_by_path = w.pkgs.iter().enumerate().map(|(k, p)| (p.path.clone(), PkgId(k as u32))).collect();
    Ok(w)
}
