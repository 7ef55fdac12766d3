//! Runtime type information: type strings as reflect prints them, the type
//! descriptors `runtime._type` reads, method sets, the wrappers interface calls go
//! through, and itabs.
//!
//! Layout of a descriptor (`ws` is the word size), mirrored by `internal/abi.Type`:
//!
//! ```text
//! 0     size     uintptr
//! ws    kind u8, align u8, flags u8 (1: the interface data word is the value)
//! 2ws   str      string
//! 4ws   elem     *Type   (pointer, slice, array, chan, map value)
//! 5ws   key      *Type   (map)
//! 6ws   len      uintptr (array)
//! 7ws   fields   []StructField {name string; typ *Type; offset uintptr; embedded bool}
//! 10ws  methods  []Method      {name string; mtyp string; ifn uintptr}
//! ```
//!
//! `methods` is sorted by name; an unexported method's name is qualified by its
//! package path. A named type's entries point at wrappers that take the interface
//! data word (a pointer to the value) as the receiver; an interface's entries have
//! `ifn` 0. An itab is `{inter *Type; typ *Type; fun [len(inter.methods)]uintptr}`.

use crate::Gen;
use ir::{Builder, Mem, Term, Ty};
use typeck::types::{BasicKind as K, ChanDir, ObjId, ObjKind, Type, TypeId};

/// Descriptor field offsets in words.
pub(crate) const DESC_WORDS: usize = 13;
const FIELD_WORDS: usize = 5;
const METHOD_WORDS: usize = 5;

/// A method of a concrete type's method set, as an interface reaches it.
#[derive(Clone, Debug)]
pub(crate) struct MethodEntry {
    /// The sort key: the name, qualified by the package path when unexported.
    pub key: String,
    pub func: ObjId,
    /// Embedded fields from the outer type to the receiver: (offset, is a pointer).
    pub path: Vec<(u64, bool)>,
    /// For a method promoted from an embedded interface: the interface type and
    /// the method's index in its sorted method set.
    pub via_iface: Option<(TypeId, usize)>,
}

impl Gen<'_> {
    /// The type's string as reflect prints it (`int`, `main.T`, `[]string`).
    pub(crate) fn type_string(&self, t: TypeId) -> String {
        self.type_name(t, false)
    }

    /// The descriptor symbol of `t`: `type:` and its string, with local named
    /// types told apart by their declaration's offset.
    pub(crate) fn type_symbol(&self, t: TypeId) -> String {
        format!("type:{}", self.type_name(t, true))
    }

    fn type_name(&self, t: TypeId, sym: bool) -> String {
        let n = |t| self.type_name(t, sym);
        match self.w.ty(t) {
            Type::Basic(k, name) => match k {
                K::Uint8 => "uint8".into(),
                K::Int32 => "int32".into(),
                _ => (*name).to_string(),
            },
            Type::Named(nt) => {
                let o = self.w.obj(nt.obj);
                let mut s = match o.pkg {
                    Some(p) => format!("{}.{}", self.w.pkgs[p.0 as usize].name, o.name),
                    None => o.name.clone(),
                };
                if sym && let Some(p) = o.pkg {
                    if o.parent != Some(self.w.pkgs[p.0 as usize].scope) {
                        s.push_str(&format!("·{}.{}", o.pos.file, o.pos.off));
                    }
                }
                s
            }
            Type::Pointer(e) => format!("*{}", n(*e)),
            Type::Slice(e) => format!("[]{}", n(*e)),
            Type::Array(len, e) => format!("[{}]{}", len.unwrap_or(0), n(*e)),
            Type::Map(k, v) => format!("map[{}]{}", n(*k), n(*v)),
            Type::Chan(d, e) => match d {
                ChanDir::Both => format!("chan {}", n(*e)),
                ChanDir::Send => format!("chan<- {}", n(*e)),
                ChanDir::Recv => format!("<-chan {}", n(*e)),
            },
            Type::Signature(sig) => {
                let mut s = String::from("func(");
                for (i, &p) in sig.params.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    let pt = self.w.obj(p).ty;
                    if sig.variadic && i + 1 == sig.params.len() {
                        let el = match self.w.ty(pt) {
                            Type::Slice(e) => *e,
                            _ => pt,
                        };
                        s.push_str("...");
                        s.push_str(&n(el));
                    } else {
                        s.push_str(&n(pt));
                    }
                }
                s.push(')');
                match sig.results.len() {
                    0 => {}
                    1 => {
                        s.push(' ');
                        s.push_str(&n(self.w.obj(sig.results[0]).ty));
                    }
                    _ => {
                        let rs: Vec<String> = sig.results.iter().map(|&r| n(self.w.obj(r).ty)).collect();
                        s.push_str(&format!(" ({})", rs.join(", ")));
                    }
                }
                s
            }
            Type::Struct(st) => {
                if st.fields.is_empty() {
                    return "struct {}".into();
                }
                let fs: Vec<String> = st
                    .fields
                    .iter()
                    .map(|&f| {
                        let o = self.w.obj(f);
                        match o.kind {
                            ObjKind::Var(typeck::types::VarKind::Field { embedded: true }) => n(o.ty),
                            _ => format!("{} {}", o.name, n(o.ty)),
                        }
                    })
                    .collect();
                format!("struct {{ {} }}", fs.join("; "))
            }
            Type::Interface(_) => {
                let ms = self.iface_methods(t);
                if ms.is_empty() {
                    return "interface {}".into();
                }
                let parts: Vec<String> = ms
                    .iter()
                    .map(|&(_, m)| {
                        let sig = n(self.w.obj(m).ty);
                        format!("{}{}", self.w.obj(m).name, sig.strip_prefix("func").unwrap_or(&sig))
                    })
                    .collect();
                format!("interface {{ {} }}", parts.join("; "))
            }
            _ => "?".into(),
        }
    }

    /// A method's sort key: its name, qualified by its package path if unexported.
    pub(crate) fn method_key(&self, m: ObjId) -> String {
        let o = self.w.obj(m);
        if o.exported() {
            return o.name.clone();
        }
        let pkg = o.pkg.map_or("", |p| self.w.pkgs[p.0 as usize].path.as_str());
        format!("{pkg}.{}", o.name)
    }

    /// The complete method set of interface type `t`, sorted by key.
    pub(crate) fn iface_methods(&self, t: TypeId) -> Vec<(String, ObjId)> {
        let mut out: Vec<(String, ObjId)> = Vec::new();
        let mut stack = vec![t];
        let mut seen = Vec::new();
        while let Some(t) = stack.pop() {
            let u = self.under(t);
            if seen.contains(&u) {
                continue;
            }
            seen.push(u);
            let Type::Interface(i) = self.w.ty(u) else { continue };
            for &m in &i.methods {
                let k = self.method_key(m);
                if !out.iter().any(|(x, _)| *x == k) {
                    out.push((k, m));
                }
            }
            stack.extend(i.embeddeds.iter().copied());
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// The method set of concrete type `t` (a named type or a pointer to one), with
    /// promoted methods, sorted by key.
    pub(crate) fn method_set(&mut self, t: TypeId) -> Vec<MethodEntry> {
        match self.w.ty(t) {
            Type::Pointer(e) => self.method_set_of(*e, true),
            _ => self.method_set_of(t, false),
        }
    }

    /// The method set of named type `root`, or of `*root` when `root_ptr`.
    fn method_set_of(&mut self, root: TypeId, root_ptr: bool) -> Vec<MethodEntry> {
        if !matches!(self.w.ty(root), Type::Named(_)) || self.is_iface_type(root) {
            return vec![];
        }
        let mut out: Vec<MethodEntry> = Vec::new();
        let mut taken: Vec<String> = Vec::new();
        // (type, path, addressable)
        let mut level: Vec<(TypeId, Vec<(u64, bool)>, bool)> = vec![(root, vec![], root_ptr)];
        let mut seen: Vec<TypeId> = Vec::new();
        for _depth in 0..8 {
            if level.is_empty() {
                break;
            }
            let mut found: Vec<(String, MethodEntry, bool)> = Vec::new();
            let mut names_here: Vec<String> = Vec::new();
            let mut next = Vec::new();
            for (ty, path, addressable) in level {
                if seen.contains(&ty) {
                    continue;
                }
                seen.push(ty);
                if let Type::Named(n) = self.w.ty(ty) {
                    for &m in &n.methods.clone() {
                        let ptr_recv = matches!(self.w.obj(m).kind, ObjKind::Func { ptr_recv: true });
                        let key = self.method_key(m);
                        names_here.push(self.w.obj(m).name.clone());
                        let in_set = !ptr_recv || addressable;
                        found.push((
                            key.clone(),
                            MethodEntry { key, func: m, path: path.clone(), via_iface: None },
                            in_set,
                        ));
                    }
                }
                if self.is_iface_type(ty) {
                    for (i, (key, m)) in self.iface_methods(ty).into_iter().enumerate() {
                        names_here.push(self.w.obj(m).name.clone());
                        let e = MethodEntry {
                            key: key.clone(),
                            func: m,
                            path: path.clone(),
                            via_iface: Some((ty, i)),
                        };
                        found.push((key, e, true));
                    }
                    continue;
                }
                if let Type::Struct(_) = self.w.ty(self.under(ty)) {
                    let Some(offs) = self.field_offsets(ty, 0) else { continue };
                    for (f, off) in offs {
                        let o = self.w.obj(f);
                        names_here.push(o.name.clone());
                        if !matches!(o.kind, ObjKind::Var(typeck::types::VarKind::Field { embedded: true })) {
                            continue;
                        }
                        let (ft, is_ptr) = match self.w.ty(o.ty) {
                            Type::Pointer(e) => (*e, true),
                            _ => (o.ty, false),
                        };
                        let mut p = path.clone();
                        p.push((off, is_ptr));
                        next.push((ft, p, is_ptr || addressable));
                    }
                }
            }
            for (key, entry, in_set) in &found {
                let dup = found.iter().filter(|(k, ..)| k == key).count() > 1;
                if !dup && !taken.contains(key) && *in_set {
                    out.push(entry.clone());
                }
            }
            taken.extend(found.into_iter().map(|(k, ..)| k));
            taken.extend(names_here);
            level = next;
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        out
    }

    fn is_iface_type(&self, t: TypeId) -> bool {
        matches!(self.w.ty(self.under(t)), Type::Interface(_))
    }

    /// Whether an interface holds a value of type `t` in its data word directly.
    pub(crate) fn is_direct_iface(&self, t: TypeId) -> bool {
        matches!(
            self.w.ty(self.under(t)),
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Signature(_)
        ) || self.basic(t) == Some(K::UnsafePointer)
    }

    /// The symbol of the function an interface calls for `entry` of type `t`'s
    /// method set: the method itself for a pointer method declared on the type, a
    /// wrapper (`pkg.T.M·i`, emitted in the type's package) otherwise.
    pub(crate) fn iface_method_symbol(&self, t: TypeId, entry: &MethodEntry) -> String {
        let named = match self.w.ty(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        let ptr_recv = matches!(self.w.obj(entry.func).kind, ObjKind::Func { ptr_recv: true });
        if entry.path.is_empty() && ptr_recv {
            return self.func_symbol(entry.func);
        }
        let Type::Named(n) = self.w.ty(named) else { return String::new() };
        let o = self.w.obj(n.obj);
        let pkg = o.pkg.map_or("", |p| self.w.pkgs[p.0 as usize].path.as_str());
        format!("{pkg}.{}.{}·i", o.name, self.w.obj(entry.func).name)
    }

    /// The descriptor of `t`, emitted into this module (copies in several modules
    /// are identical and the linker keeps one).
    pub(crate) fn type_descriptor(&mut self, t: TypeId, pos: u32) -> Option<String> {
        let name = self.type_symbol(t);
        if self.type_syms.contains(&name) {
            return Some(name);
        }
        self.type_syms.insert(name.clone());
        let ws = self.target.word_size as usize;
        let (size, align) = self.size_align(t, pos)?;
        let s = self.type_string(t);
        let str_sym = self.string_data(s.as_bytes());
        let mut init = vec![0u8; DESC_WORDS * ws];
        let put = |init: &mut Vec<u8>, off: usize, v: u64| {
            init[off..off + ws].copy_from_slice(&v.to_le_bytes()[..ws])
        };
        put(&mut init, 0, size);
        init[ws] = kind_of(self, t);
        init[ws + 1] = align as u8;
        init[ws + 2] = u8::from(self.is_direct_iface(t));
        put(&mut init, 3 * ws, s.len() as u64);
        let addr = |off: usize, target: String| ir::Reloc {
            off: off as u32,
            kind: ir::RelocKind::Addr { width: ws as u8 },
            target,
            addend: 0,
        };
        let mut relocs = vec![addr(2 * ws, str_sym)];
        let u = self.under(t);
        match self.w.ty(u).clone() {
            Type::Pointer(e) | Type::Slice(e) | Type::Chan(_, e) => {
                relocs.push(addr(4 * ws, self.type_descriptor(e, pos)?));
            }
            Type::Array(n, e) => {
                relocs.push(addr(4 * ws, self.type_descriptor(e, pos)?));
                put(&mut init, 6 * ws, n.unwrap_or(0));
            }
            Type::Map(k, v) => {
                relocs.push(addr(4 * ws, self.type_descriptor(v, pos)?));
                relocs.push(addr(5 * ws, self.type_descriptor(k, pos)?));
            }
            Type::Struct(_) => {
                let offs = self.field_offsets(t, pos)?;
                if !offs.is_empty() {
                    let mut finit = vec![0u8; offs.len() * FIELD_WORDS * ws];
                    let mut frelocs = Vec::new();
                    for (i, &(f, off)) in offs.iter().enumerate() {
                        let base = i * FIELD_WORDS * ws;
                        let o = self.w.obj(f).clone();
                        let nsym = self.string_data(o.name.as_bytes());
                        frelocs.push(addr(base, nsym));
                        put(&mut finit, base + ws, o.name.len() as u64);
                        frelocs.push(addr(base + 2 * ws, self.type_descriptor(o.ty, pos)?));
                        put(&mut finit, base + 3 * ws, off);
                        let embedded =
                            matches!(o.kind, ObjKind::Var(typeck::types::VarKind::Field { embedded: true }));
                        finit[base + 4 * ws] = u8::from(embedded);
                    }
                    let fsym = format!("type:.fields.{}", &name["type:".len()..]);
                    self.module.data.push(ir::Data {
                        name: fsym.clone(),
                        size: finit.len() as u32,
                        align: ws as u32,
                        readonly: true,
                        init: finit,
                        relocs: frelocs,
                    });
                    relocs.push(addr(7 * ws, fsym));
                    put(&mut init, 8 * ws, offs.len() as u64);
                    put(&mut init, 9 * ws, offs.len() as u64);
                }
            }
            _ => {}
        }
        // Methods: an interface's method set, or a concrete type's.
        let methods: Vec<(String, ObjId, Option<String>)> = if self.is_iface_type(t) {
            self.iface_methods(t).into_iter().map(|(k, m)| (k, m, None)).collect()
        } else {
            let set = self.method_set(t);
            let mut v = Vec::new();
            for e in set {
                let sym = self.iface_method_symbol(t, &e);
                v.push((e.key.clone(), e.func, Some(sym)));
            }
            v
        };
        if !methods.is_empty() {
            let mut minit = vec![0u8; methods.len() * METHOD_WORDS * ws];
            let mut mrelocs = Vec::new();
            for (i, (key, m, ifn)) in methods.iter().enumerate() {
                let base = i * METHOD_WORDS * ws;
                let ksym = self.string_data(key.as_bytes());
                mrelocs.push(addr(base, ksym));
                put(&mut minit, base + ws, key.len() as u64);
                let sig = self.type_string(self.w.obj(*m).ty);
                let ssym = self.string_data(sig.as_bytes());
                mrelocs.push(addr(base + 2 * ws, ssym));
                put(&mut minit, base + 3 * ws, sig.len() as u64);
                if let Some(f) = ifn {
                    mrelocs.push(ir::Reloc {
                        off: (base + 4 * ws) as u32,
                        kind: ir::RelocKind::Func { width: ws as u8 },
                        target: f.clone(),
                        addend: 0,
                    });
                }
            }
            let msym = format!("type:.methods.{}", &name["type:".len()..]);
            self.module.data.push(ir::Data {
                name: msym.clone(),
                size: minit.len() as u32,
                align: ws as u32,
                readonly: true,
                init: minit,
                relocs: mrelocs,
            });
            relocs.push(addr(10 * ws, msym));
            put(&mut init, 11 * ws, methods.len() as u64);
            put(&mut init, 12 * ws, methods.len() as u64);
        }
        self.module.data.push(ir::Data {
            name: name.clone(),
            size: init.len() as u32,
            align: ws as u32,
            readonly: true,
            init,
            relocs,
        });
        Some(name)
    }

    /// The itab of concrete type `t` for interface type `inter`, emitted into this
    /// module as a type-prefixed (deduplicated) symbol.
    pub(crate) fn itab(&mut self, t: TypeId, inter: TypeId, pos: u32) -> Option<String> {
        let tsym = self.type_descriptor(t, pos)?;
        let isym = self.type_descriptor(inter, pos)?;
        let name = format!("type:.itab.{},{}", &tsym["type:".len()..], &isym["type:".len()..]);
        if self.type_syms.contains(&name) {
            return Some(name);
        }
        self.type_syms.insert(name.clone());
        let ws = self.target.word_size as usize;
        let want = self.iface_methods(inter);
        let have = self.method_set(t);
        let mut relocs = vec![
            ir::Reloc { off: 0, kind: ir::RelocKind::Addr { width: ws as u8 }, target: isym, addend: 0 },
            ir::Reloc {
                off: ws as u32,
                kind: ir::RelocKind::Addr { width: ws as u8 },
                target: tsym,
                addend: 0,
            },
        ];
        for (i, (key, _)) in want.iter().enumerate() {
            let Some(e) = have.iter().find(|e| e.key == *key) else {
                self.unsupported(pos, "this interface conversion");
                return None;
            };
            relocs.push(ir::Reloc {
                off: ((2 + i) * ws) as u32,
                kind: ir::RelocKind::Func { width: ws as u8 },
                target: self.iface_method_symbol(t, e),
                addend: 0,
            });
        }
        let size = (2 + want.len()) * ws;
        self.module.data.push(ir::Data {
            name: name.clone(),
            size: size as u32,
            align: ws as u32,
            readonly: true,
            init: vec![0; size],
            relocs,
        });
        Some(name)
    }

    /// Emits the interface wrappers (`pkg.T.M·i`) of every package-level named type
    /// declared in this package: they take a pointer to the value and call the
    /// method on it (through embedded fields for promoted methods).
    pub(crate) fn iface_wrappers(&mut self) {
        let scope = self.w.pkgs[self.pkg.0 as usize].scope;
        let objs: Vec<ObjId> = self.w.scopes[scope.0 as usize].order.clone();
        for o in objs {
            if !matches!(self.w.obj(o).kind, ObjKind::TypeName { alias: false }) {
                continue;
            }
            let t = self.w.obj(o).ty;
            let Type::Named(n) = self.w.ty(t) else { continue };
            if !n.tparams.is_empty() || self.is_iface_type(t) {
                continue;
            }
            for e in self.method_set_of(t, true) {
                let sym = self.iface_method_symbol(t, &e);
                if sym == self.func_symbol(e.func) || self.module.funcs.iter().any(|f| f.name == sym) {
                    continue;
                }
                self.wrapper(&sym, &e);
            }
        }
    }

    fn wrapper(&mut self, sym: &str, e: &MethodEntry) {
        if let Some((_, idx)) = e.via_iface {
            return self.iface_field_wrapper(sym, e, idx);
        }
        let mty = self.w.obj(e.func).ty;
        let Some(abi) = self.fn_abi(mty, 0) else { return };
        let ptr_recv = matches!(self.w.obj(e.func).kind, ObjKind::Func { ptr_recv: true });
        let recv_c = abi.params[0].1.clone();
        let recv_n = match &recv_c {
            crate::Class::Scalars(s) => s.len(),
            crate::Class::Mem { .. } => 1,
        };
        // (ctx, p, rest...) where the method has (ctx, recv..., rest...).
        let mut params = vec![self.word, self.word];
        params.extend_from_slice(&abi.sig.params[1 + recv_n..]);
        let sig = ir::Sig { params: params.clone(), results: abi.sig.results.clone() };
        let mut f = ir::Func::new(sym, sig);
        let word = self.word;
        let target = self.func_symbol(e.func);
        let mut b = Builder::new(&mut f);
        let p = follow_path(&mut b, word, ir::Value(1), &e.path);
        let mut args = vec![ir::Value(0)];
        if ptr_recv {
            args.push(p);
        } else {
            // A nil pointer here is Go's "value method called using nil pointer";
            // reading through it panics as a nil dereference.
            nil_guard(&mut b, word, p, &abi.sig.results);
            load_receiver(&mut b, word, &recv_c, p, 0, &mut args);
        }
        for i in 2..params.len() {
            args.push(ir::Value(i as u32));
        }
        let r = b.call(&target, &abi.sig, args);
        b.term(Term::Ret(r));
        self.declare("runtime.panicmem", &ir::Sig { params: vec![word], results: vec![] });
        self.declare(&target, &abi.sig);
        self.module.funcs.push(f);
    }
}

impl Gen<'_> {
    /// The code of method values of method `sym` (lowered as `abi`): it takes
    /// the closure object, whose second word on holds the receiver, and calls the
    /// method with a copy of it.
    pub(crate) fn method_value_wrapper(&mut self, sym: &str, abi: &crate::types::FnAbi) -> String {
        let name = format!("{}..mv.{sym}", self.path);
        if self.module.funcs.iter().any(|f| f.name == name) {
            return name;
        }
        let word = self.word;
        let ws = self.target.word_size as u32;
        let recv = abi.params[0].1.clone();
        let recv_n = match &recv {
            crate::Class::Scalars(s) => s.len(),
            crate::Class::Mem { .. } => 1,
        };
        let mut params = vec![word];
        params.extend_from_slice(&abi.sig.params[1 + recv_n..]);
        let sig = ir::Sig { params: params.clone(), results: abi.sig.results.clone() };
        let mut f = ir::Func::new(&name, sig);
        let mut b = Builder::new(&mut f);
        let ctx = ir::Value(0);
        let mut args = vec![b.iconst(word, 0)];
        load_receiver(&mut b, word, &recv, ctx, ws, &mut args);
        args.extend((1..params.len()).map(|i| ir::Value(i as u32)));
        let r = b.call(sym, &abi.sig, args);
        b.term(Term::Ret(r));
        self.declare(sym, &abi.sig);
        self.module.funcs.push(f);
        name
    }

    /// The code of method values of interface method `idx` (of type `mt`,
    /// called through an itab as `isig`): the closure object holds the itab and
    /// the data word.
    pub(crate) fn iface_method_value_wrapper(&mut self, isig: &ir::Sig, idx: usize, mt: TypeId) -> String {
        let name = format!("{}..imv.{idx}.{}", self.path, self.type_string(mt));
        if self.module.funcs.iter().any(|f| f.name == name) {
            return name;
        }
        let word = self.word;
        let ws = self.target.word_size as u32;
        let mut params = vec![word];
        params.extend_from_slice(&isig.params[2..]);
        let sig = ir::Sig { params: params.clone(), results: isig.results.clone() };
        let mut f = ir::Func::new(&name, sig);
        let mut b = Builder::new(&mut f);
        let ctx = ir::Value(0);
        let tab = b.load(Mem::of(word), false, word, ctx, ws);
        let data = b.load(Mem::of(word), false, word, ctx, 2 * ws);
        let code = b.load(Mem::of(word), false, word, tab, (2 + idx as u32) * ws);
        let mut args = vec![b.iconst(word, 0), data];
        args.extend((1..params.len()).map(|i| ir::Value(i as u32)));
        let r = b.call_indirect(isig, code, args);
        b.term(Term::Ret(r));
        self.module.funcs.push(f);
        name
    }

    /// The code of the method expression `I.m` for interface method `idx` (of
    /// type `mt`, called through an itab as `isig`): a function taking the
    /// interface value (itab, data) and the method's arguments, calling the
    /// method its itab holds; a nil interface panics as a nil dereference.
    pub(crate) fn iface_method_expr_wrapper(&mut self, isig: &ir::Sig, idx: usize, mt: TypeId) -> String {
        let name = format!("{}..ime.{idx}.{}", self.path, self.type_string(mt));
        if self.module.funcs.iter().any(|f| f.name == name) {
            return name;
        }
        let word = self.word;
        let ws = self.target.word_size as u32;
        // (context, itab, data, the method's own parameters).
        let mut params = vec![word, word, word];
        params.extend_from_slice(&isig.params[2..]);
        let sig = ir::Sig { params: params.clone(), results: isig.results.clone() };
        let check = ir::Sig { params: vec![word], results: vec![] };
        self.declare("runtime.panicmem", &check);
        let mut f = ir::Func::new(&name, sig);
        let mut b = Builder::new(&mut f);
        let (tab, data) = (ir::Value(1), ir::Value(2));
        let z = b.iconst(word, 0);
        let isnil = b.cmp(ir::CmpOp::Eq, tab, z);
        b.check(isnil, "runtime.panicmem", vec![]);
        let code = b.load(Mem::of(word), false, word, tab, (2 + idx as u32) * ws);
        let mut args = vec![b.iconst(word, 0), data];
        args.extend((3..params.len()).map(|i| ir::Value(i as u32)));
        let r = b.call_indirect(isig, code, args);
        b.term(Term::Ret(r));
        self.module.funcs.push(f);
        name
    }

    /// The wrapper of a method promoted from an embedded interface field: it calls
    /// the method through the field's itab.
    fn iface_field_wrapper(&mut self, sym: &str, e: &MethodEntry, idx: usize) {
        let mty = self.w.obj(e.func).ty;
        let Some(abi) = self.fn_abi(mty, 0) else { return };
        let Type::Signature(sig) = self.w.ty(self.under(mty)).clone() else { return };
        let skip = match (sig.recv.is_some(), abi.params.first()) {
            (true, Some((_, crate::Class::Scalars(s)))) => s.len(),
            (true, Some(_)) => 1,
            _ => 0,
        };
        // Both the wrapper and the itab's function take (ctx, data word, rest...).
        let word = self.word;
        let mut params = vec![word, word];
        params.extend_from_slice(&abi.sig.params[1 + skip..]);
        let sig = ir::Sig { params: params.clone(), results: abi.sig.results.clone() };
        let mut f = ir::Func::new(sym, sig.clone());
        let mut b = Builder::new(&mut f);
        let p = follow_path(&mut b, word, ir::Value(1), &e.path);
        let ws = self.target.word_size as u32;
        let tab = b.load(Mem::of(word), false, word, p, 0);
        let data = b.load(Mem::of(word), false, word, p, ws);
        nil_guard(&mut b, word, tab, &sig.results);
        let code = b.load(Mem::of(word), false, word, tab, (2 + idx as u32) * ws);
        let ctx = b.iconst(word, 0);
        let mut args = vec![ctx, data];
        args.extend((2..params.len()).map(|i| ir::Value(i as u32)));
        let r = b.call_indirect(&sig, code, args);
        b.term(Term::Ret(r));
        self.declare("runtime.panicmem", &ir::Sig { params: vec![word], results: vec![] });
        self.module.funcs.push(f);
    }
}

/// The address reached from `p` along embedded fields `path` (offset, and
/// whether the field is a pointer to follow).
fn follow_path(b: &mut Builder<'_>, word: Ty, mut p: ir::Value, path: &[(u64, bool)]) -> ir::Value {
    for &(off, is_ptr) in path {
        if off != 0 {
            let o = b.iconst(word, off as i64);
            p = b.bin(ir::BinOp::Add, p, o);
        }
        if is_ptr {
            p = b.load(Mem::of(word), false, word, p, 0);
        }
    }
    p
}

/// Panics with Go's nil dereference (and returns zeros) when `p` is 0.
fn nil_guard(b: &mut Builder<'_>, word: Ty, p: ir::Value, results: &[Ty]) {
    let zero = b.iconst(word, 0);
    let isnil = b.cmp(ir::CmpOp::Eq, p, zero);
    let bad = b.func.new_block();
    let ok = b.func.new_block();
    b.term(Term::br(isnil, bad, ok));
    b.switch_to(bad);
    let ctx = b.iconst(word, 0);
    b.call("runtime.panicmem", &ir::Sig { params: vec![word], results: vec![] }, vec![ctx]);
    let zs: Vec<ir::Value> = results.iter().map(|&t| zero_of(b, t)).collect();
    b.term(Term::Ret(zs));
    b.switch_to(ok);
}

/// Appends to `args` the receiver of class `c` stored at `p + off`: its scalars,
/// or the address of a fresh copy (the method may change its copy).
fn load_receiver(
    b: &mut Builder<'_>,
    word: Ty,
    c: &crate::Class,
    p: ir::Value,
    off: u32,
    args: &mut Vec<ir::Value>,
) {
    match c {
        crate::Class::Scalars(s) => {
            for s in s {
                args.push(b.load(s.mem, s.signed, s.ty, p, off + s.off));
            }
        }
        crate::Class::Mem { size, align } => {
            let slot = b.func.new_slot(*size as u32, *align as u32);
            let dst = b.slot_addr(word, slot);
            let src = if off == 0 {
                p
            } else {
                let o = b.iconst(word, i64::from(off));
                b.bin(ir::BinOp::Add, p, o)
            };
            let n = b.iconst(word, *size as i64);
            b.copy(dst, src, n);
            args.push(dst);
        }
    }
}

fn zero_of(b: &mut Builder<'_>, t: Ty) -> ir::Value {
    match t {
        Ty::I32 | Ty::I64 | Ty::Ptr => b.iconst(t, 0),
        Ty::F32 | Ty::F64 => b.fconst(t, 0),
    }
}

/// reflect.Kind numbers, which the runtime's type descriptors carry.
pub(crate) fn kind_of(g: &Gen<'_>, t: TypeId) -> u8 {
    match g.w.ty(g.under(t)) {
        Type::Basic(k, _) => match k {
            K::Bool => 1,
            K::Int => 2,
            K::Int8 => 3,
            K::Int16 => 4,
            K::Int32 => 5,
            K::Int64 => 6,
            K::Uint => 7,
            K::Uint8 => 8,
            K::Uint16 => 9,
            K::Uint32 => 10,
            K::Uint64 => 11,
            K::Uintptr => 12,
            K::Float32 => 13,
            K::Float64 => 14,
            K::Complex64 => 15,
            K::Complex128 => 16,
            K::String => 24,
            K::UnsafePointer => 26,
            _ => 0,
        },
        Type::Array(..) => 17,
        Type::Chan(..) => 18,
        Type::Signature(_) => 19,
        Type::Interface(_) => 20,
        Type::Map(..) => 21,
        Type::Pointer(_) => 22,
        Type::Slice(_) => 23,
        Type::Struct(_) => 25,
        _ => 0,
    }
}
