//! Types, objects, scopes and packages, shaped like types2's (type.go, object.go,
//! scope.go): one `World` owns every entity of a build, addressed by u32 ids, so the
//! packages of a build share types across imports.

use crate::constant::Value;
use base::span::LineIndex;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(pub u32);

/// A position: a file of the world and a byte offset in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SrcPos {
    pub file: u32,
    pub off: u32,
}

impl SrcPos {
    pub const NONE: SrcPos = SrcPos { file: u32::MAX, off: 0 };

    pub fn is_known(self) -> bool {
        self.file != u32::MAX
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

use BasicKind as K;

/// The predeclared basic types in TypeId order; byte and rune follow as aliases.
pub(crate) const BASICS: [(BasicKind, &str); 28] = [
    (K::Invalid, "invalid type"),
    (K::Bool, "bool"),
    (K::Int, "int"),
    (K::Int8, "int8"),
    (K::Int16, "int16"),
    (K::Int32, "int32"),
    (K::Int64, "int64"),
    (K::Uint, "uint"),
    (K::Uint8, "uint8"),
    (K::Uint16, "uint16"),
    (K::Uint32, "uint32"),
    (K::Uint64, "uint64"),
    (K::Uintptr, "uintptr"),
    (K::Float32, "float32"),
    (K::Float64, "float64"),
    (K::Complex64, "complex64"),
    (K::Complex128, "complex128"),
    (K::String, "string"),
    (K::UnsafePointer, "Pointer"),
    (K::UntypedBool, "untyped bool"),
    (K::UntypedInt, "untyped int"),
    (K::UntypedRune, "untyped rune"),
    (K::UntypedFloat, "untyped float"),
    (K::UntypedComplex, "untyped complex"),
    (K::UntypedString, "untyped string"),
    (K::UntypedNil, "untyped nil"),
    (K::Uint8, "byte"),
    (K::Int32, "rune"),
];

impl TypeId {
    pub const INVALID: TypeId = TypeId(0);
    pub const BOOL: TypeId = TypeId(1);
    pub const INT: TypeId = TypeId(2);
    pub const INT32: TypeId = TypeId(5);
    pub const INT64: TypeId = TypeId(6);
    pub const UINT: TypeId = TypeId(7);
    pub const UINT8: TypeId = TypeId(8);
    pub const UINTPTR: TypeId = TypeId(12);
    pub const FLOAT32: TypeId = TypeId(13);
    pub const FLOAT64: TypeId = TypeId(14);
    pub const COMPLEX64: TypeId = TypeId(15);
    pub const COMPLEX128: TypeId = TypeId(16);
    pub const STRING: TypeId = TypeId(17);
    pub const UNSAFE_POINTER: TypeId = TypeId(18);
    pub const UNTYPED_BOOL: TypeId = TypeId(19);
    pub const UNTYPED_INT: TypeId = TypeId(20);
    pub const UNTYPED_RUNE: TypeId = TypeId(21);
    pub const UNTYPED_FLOAT: TypeId = TypeId(22);
    pub const UNTYPED_COMPLEX: TypeId = TypeId(23);
    pub const UNTYPED_STRING: TypeId = TypeId(24);
    pub const UNTYPED_NIL: TypeId = TypeId(25);
    pub const BYTE: TypeId = TypeId(26);
    pub const RUNE: TypeId = TypeId(27);
    /// The empty interface `any` stands for.
    pub const ANY: TypeId = TypeId(28);
    /// The named type `error`.
    pub const ERROR: TypeId = TypeId(29);
    /// The named interface `comparable`.
    pub const COMPARABLE: TypeId = TypeId(30);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug)]
pub struct StructType {
    /// Field `Var` objects.
    pub fields: Vec<ObjId>,
    pub tags: Vec<Option<String>>,
}

#[derive(Clone, Debug)]
pub struct Signature {
    pub recv: Option<ObjId>,
    pub tparams: Vec<TypeId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    pub variadic: bool,
}

#[derive(Clone, Debug)]
pub struct Interface {
    /// Explicitly declared methods (`Func` objects).
    pub methods: Vec<ObjId>,
    /// Embedded interfaces, types and unions.
    pub embeddeds: Vec<TypeId>,
    /// The interface `any` denotes, printed as `any`.
    pub is_any: bool,
    /// A constraint literal `[T ~int]` written without `interface{}`.
    pub implicit: bool,
    /// `comparable`'s marker.
    pub comparable: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

#[derive(Clone, Debug)]
pub struct Named {
    pub obj: ObjId,
    pub tparams: Vec<TypeId>,
    pub targs: Vec<TypeId>,
    /// For an instance, the generic type it instantiates.
    pub orig: Option<TypeId>,
    /// INVALID until resolved.
    pub underlying: TypeId,
    /// Methods (`Func` objects); an instance's are its origin's.
    pub methods: Vec<ObjId>,
}

#[derive(Clone, Debug)]
pub struct TypeParam {
    pub obj: ObjId,
    pub index: usize,
    /// The constraint; an interface type once resolved.
    pub bound: TypeId,
}

#[derive(Clone, Debug)]
pub enum Type {
    Basic(BasicKind, &'static str),
    Pointer(TypeId),
    Slice(TypeId),
    /// The length is None when it could not be determined.
    Array(Option<u64>, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Rc<StructType>),
    Signature(Rc<Signature>),
    Interface(Rc<Interface>),
    Union(Rc<Vec<Term>>),
    Named(Named),
    TypeParam(TypeParam),
    /// Var objects (results, or the values of a multi-value expression).
    Tuple(Rc<Vec<ObjId>>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    SliceData,
    String,
    StringData,
}

impl Builtin {
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Complex => "complex",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Imag => "imag",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Real => "real",
            Builtin::Recover => "recover",
            Builtin::Add => "Add",
            Builtin::Alignof => "Alignof",
            Builtin::Offsetof => "Offsetof",
            Builtin::Sizeof => "Sizeof",
            Builtin::Slice => "Slice",
            Builtin::SliceData => "SliceData",
            Builtin::String => "String",
            Builtin::StringData => "StringData",
        }
    }

    /// (minimum argument count, variadic, is an expression statement allowed).
    pub fn arity(self) -> (usize, bool, bool) {
        match self {
            Builtin::Append => (1, true, false),
            Builtin::Cap | Builtin::Len | Builtin::Imag | Builtin::Real | Builtin::New => (1, false, false),
            Builtin::Clear | Builtin::Close | Builtin::Panic => (1, false, true),
            Builtin::Complex => (2, false, false),
            Builtin::Copy => (2, false, true),
            Builtin::Delete => (2, false, true),
            Builtin::Make => (1, true, false),
            Builtin::Max | Builtin::Min => (1, true, false),
            Builtin::Print | Builtin::Println => (0, true, true),
            Builtin::Recover => (0, false, true),
            Builtin::Add => (2, false, false),
            Builtin::Alignof | Builtin::Offsetof | Builtin::Sizeof => (1, false, false),
            Builtin::Slice | Builtin::String => (2, false, false),
            Builtin::SliceData | Builtin::StringData => (1, false, false),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum VarKind {
    Local,
    PackageVar,
    Param,
    Result,
    Field { embedded: bool },
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    Var(VarKind),
    Const(Value),
    TypeName { alias: bool },
    Func { ptr_recv: bool },
    PkgName { pkg: PkgId, used: bool },
    Builtin(Builtin),
    Nil,
    Label,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    /// None for universe objects.
    pub pkg: Option<PkgId>,
    pub pos: SrcPos,
    /// INVALID until the object's declaration is checked.
    pub ty: TypeId,
    pub used: bool,
    /// The scope the object is declared in, if any.
    pub parent: Option<ScopeId>,
}

impl Object {
    pub fn exported(&self) -> bool {
        self.name.chars().next().is_some_and(char::is_uppercase)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub names: HashMap<String, ObjId>,
    /// Names in insertion order, for deterministic walks.
    pub order: Vec<ObjId>,
    /// A function's outermost scope.
    pub is_func: bool,
}

#[derive(Clone, Debug)]
pub struct Package {
    pub path: String,
    pub name: String,
    pub scope: ScopeId,
    pub imports: Vec<PkgId>,
}

/// A source file known to the world, for positions in messages.
#[derive(Clone, Debug)]
pub struct FileInfo {
    /// How Go names the file in messages (`./main.go`).
    pub name: String,
    pub lines: LineIndex,
}

/// Every type, object, scope and package of a build.
#[derive(Clone, Debug)]
pub struct World {
    pub types: Vec<Type>,
    pub objs: Vec<Object>,
    pub scopes: Vec<Scope>,
    pub pkgs: Vec<Package>,
    pub files: Vec<FileInfo>,
    pub universe: ScopeId,
    pub unsafe_pkg: PkgId,
    pub pkg_by_path: HashMap<String, PkgId>,
    /// The pointer size and max alignment of the target, for unsafe.Sizeof and friends.
    pub word_size: u64,
}

impl Default for World {
    fn default() -> World {
        World::new(8)
    }
}

impl World {
    pub fn new(word_size: u64) -> World {
        let mut w = World {
            types: BASICS.iter().map(|&(k, n)| Type::Basic(k, n)).collect(),
            objs: Vec::new(),
            scopes: vec![Scope::default()],
            pkgs: Vec::new(),
            files: Vec::new(),
            universe: ScopeId(0),
            unsafe_pkg: PkgId(0),
            pkg_by_path: HashMap::new(),
            word_size,
        };
        let any = w.new_type(Type::Interface(Rc::new(Interface {
            methods: vec![],
            embeddeds: vec![],
            is_any: true,
            implicit: false,
            comparable: false,
        })));
        assert_eq!(any, TypeId::ANY);
        let uni = w.universe;
        for (i, &(_, name)) in BASICS.iter().enumerate() {
            if matches!(i, 0 | 18..=25) {
                continue;
            }
            w.declare_universe(name, ObjKind::TypeName { alias: false }, TypeId(i as u32));
        }
        // type error interface{ Error() string }
        let error_obj =
            w.new_obj("error", ObjKind::TypeName { alias: false }, None, SrcPos::NONE, TypeId::INVALID);
        let error_ty = w.new_type(Type::Named(Named {
            obj: error_obj,
            tparams: vec![],
            targs: vec![],
            orig: None,
            underlying: TypeId::INVALID,
            methods: vec![],
        }));
        assert_eq!(error_ty, TypeId::ERROR);
        w.objs[error_obj.0 as usize].ty = error_ty;
        w.insert(uni, error_obj);
        let comparable_obj =
            w.new_obj("comparable", ObjKind::TypeName { alias: false }, None, SrcPos::NONE, TypeId::INVALID);
        let comparable_ty = w.new_type(Type::Named(Named {
            obj: comparable_obj,
            tparams: vec![],
            targs: vec![],
            orig: None,
            underlying: TypeId::INVALID,
            methods: vec![],
        }));
        assert_eq!(comparable_ty, TypeId::COMPARABLE);
        w.objs[comparable_obj.0 as usize].ty = comparable_ty;
        w.insert(uni, comparable_obj);
        let cmp_iface = w.new_type(Type::Interface(Rc::new(Interface {
            methods: vec![],
            embeddeds: vec![],
            is_any: false,
            implicit: false,
            comparable: true,
        })));
        w.set_underlying(comparable_ty, cmp_iface);
        let res = w.new_obj("", ObjKind::Var(VarKind::Result), None, SrcPos::NONE, TypeId::STRING);
        let sig = w.new_type(Type::Signature(Rc::new(Signature {
            recv: None,
            tparams: vec![],
            params: vec![],
            results: vec![res],
            variadic: false,
        })));
        let m = w.new_obj("Error", ObjKind::Func { ptr_recv: false }, None, SrcPos::NONE, sig);
        let err_iface = w.new_type(Type::Interface(Rc::new(Interface {
            methods: vec![m],
            embeddeds: vec![],
            is_any: false,
            implicit: false,
            comparable: false,
        })));
        w.set_underlying(error_ty, err_iface);
        w.declare_universe("any", ObjKind::TypeName { alias: true }, TypeId::ANY);
        w.declare_universe("true", ObjKind::Const(Value::Bool(true)), TypeId::UNTYPED_BOOL);
        w.declare_universe("false", ObjKind::Const(Value::Bool(false)), TypeId::UNTYPED_BOOL);
        w.declare_universe("iota", ObjKind::Const(Value::int(0)), TypeId::UNTYPED_INT);
        w.declare_universe("nil", ObjKind::Nil, TypeId::UNTYPED_NIL);
        use Builtin as B;
        for b in [
            B::Append,
            B::Cap,
            B::Clear,
            B::Close,
            B::Complex,
            B::Copy,
            B::Delete,
            B::Imag,
            B::Len,
            B::Make,
            B::Max,
            B::Min,
            B::New,
            B::Panic,
            B::Print,
            B::Println,
            B::Real,
            B::Recover,
        ] {
            w.declare_universe(b.name(), ObjKind::Builtin(b), TypeId::INVALID);
        }
        // package unsafe
        let scope = w.new_scope(Some(uni), false);
        let unsafe_pkg = PkgId(w.pkgs.len() as u32);
        w.pkgs.push(Package { path: "unsafe".into(), name: "unsafe".into(), scope, imports: vec![] });
        w.pkg_by_path.insert("unsafe".into(), unsafe_pkg);
        w.unsafe_pkg = unsafe_pkg;
        let p = w.new_obj(
            "Pointer",
            ObjKind::TypeName { alias: false },
            Some(unsafe_pkg),
            SrcPos::NONE,
            TypeId::UNSAFE_POINTER,
        );
        w.insert(scope, p);
        for b in
            [B::Add, B::Alignof, B::Offsetof, B::Sizeof, B::Slice, B::SliceData, B::String, B::StringData]
        {
            let o = w.new_obj(b.name(), ObjKind::Builtin(b), Some(unsafe_pkg), SrcPos::NONE, TypeId::INVALID);
            w.insert(scope, o);
        }
        w
    }

    fn declare_universe(&mut self, name: &str, kind: ObjKind, ty: TypeId) {
        let o = self.new_obj(name, kind, None, SrcPos::NONE, ty);
        self.insert(self.universe, o);
    }

    pub fn new_type(&mut self, t: Type) -> TypeId {
        self.types.push(t);
        TypeId(self.types.len() as u32 - 1)
    }

    pub fn new_obj(
        &mut self,
        name: &str,
        kind: ObjKind,
        pkg: Option<PkgId>,
        pos: SrcPos,
        ty: TypeId,
    ) -> ObjId {
        self.objs.push(Object { name: name.to_string(), kind, pkg, pos, ty, used: false, parent: None });
        ObjId(self.objs.len() as u32 - 1)
    }

    pub fn new_scope(&mut self, parent: Option<ScopeId>, is_func: bool) -> ScopeId {
        self.scopes.push(Scope { parent, is_func, ..Scope::default() });
        ScopeId(self.scopes.len() as u32 - 1)
    }

    pub fn new_package(&mut self, path: &str, name: &str) -> PkgId {
        let scope = self.new_scope(Some(self.universe), false);
        self.pkgs.push(Package { path: path.into(), name: name.into(), scope, imports: vec![] });
        let id = PkgId(self.pkgs.len() as u32 - 1);
        self.pkg_by_path.insert(path.into(), id);
        id
    }

    pub fn add_file(&mut self, name: &str, src: &[u8]) -> u32 {
        // Positions count bytes; only the line breaks matter to the index.
        let shape: String = src.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }).collect();
        self.files.push(FileInfo { name: name.into(), lines: LineIndex::new(&shape) });
        self.files.len() as u32 - 1
    }

    /// Inserts `o` into `scope`; returns the object already there under that name.
    pub fn insert(&mut self, scope: ScopeId, o: ObjId) -> Option<ObjId> {
        let name = self.objs[o.0 as usize].name.clone();
        let s = &mut self.scopes[scope.0 as usize];
        if let Some(&prev) = s.names.get(&name) {
            return Some(prev);
        }
        s.names.insert(name, o);
        s.order.push(o);
        self.objs[o.0 as usize].parent = Some(scope);
        None
    }

    pub fn lookup_local(&self, scope: ScopeId, name: &str) -> Option<ObjId> {
        self.scopes[scope.0 as usize].names.get(name).copied()
    }

    pub fn lookup_parent(&self, mut scope: ScopeId, name: &str) -> Option<(ScopeId, ObjId)> {
        loop {
            if let Some(o) = self.lookup_local(scope, name) {
                return Some((scope, o));
            }
            scope = self.scopes[scope.0 as usize].parent?;
        }
    }

    pub fn ty(&self, t: TypeId) -> &Type {
        &self.types[t.0 as usize]
    }

    pub fn obj(&self, o: ObjId) -> &Object {
        &self.objs[o.0 as usize]
    }

    pub fn obj_mut(&mut self, o: ObjId) -> &mut Object {
        &mut self.objs[o.0 as usize]
    }

    pub fn set_underlying(&mut self, named: TypeId, u: TypeId) {
        if let Type::Named(n) = &mut self.types[named.0 as usize] {
            n.underlying = u;
        }
    }

    /// `file:line:col` as Go prints a position inside a message.
    pub fn pos_string(&self, p: SrcPos) -> String {
        match self.files.get(p.file as usize) {
            Some(f) => format!("{}:{}", f.name, f.lines.line_col(p.off)),
            None => "-".into(),
        }
    }

    pub fn new_pointer(&mut self, t: TypeId) -> TypeId {
        self.new_type(Type::Pointer(t))
    }

    pub fn new_slice(&mut self, t: TypeId) -> TypeId {
        self.new_type(Type::Slice(t))
    }

    pub fn new_tuple(&mut self, types: &[TypeId]) -> TypeId {
        let vars = types
            .iter()
            .map(|&t| self.new_obj("", ObjKind::Var(VarKind::Result), None, SrcPos::NONE, t))
            .collect();
        self.new_type(Type::Tuple(Rc::new(vars)))
    }
}
