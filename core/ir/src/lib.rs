//! crossplay's IR: the machine-level form every back end consumes. A module holds
//! functions, declarations of functions defined elsewhere (other packages, host
//! imports) and data symbols. A function is a control-flow graph of blocks in SSA
//! form with block parameters (as Cranelift's and MLIR's): each instruction defines
//! typed values (`v7`) once, a value is usable wherever its definition dominates,
//! and a value that depends on the path taken arrives as a parameter of the block,
//! passed by every jump to it (`jump b3(v1, v2)`). The entry block's parameters are
//! the function's. Types are what a machine register holds — `i32`, `i64`, `f32`,
//! `f64`, and `ptr`, a word that may hold a pointer (the collector's roots), which
//! computes as the word integer; memory accesses name their width and extension.
//!
//! The generator may also use typed variables (`x3`, read with `get` and written
//! with `set`) instead of building SSA itself; `opt`'s first pass turns them into
//! values and block parameters, and no later pass sees one. Memory a function owns
//! for its lifetime lives in stack slots (`s1`).
//!
//! Unwinding is implicit: a call whose callee returns with a panic under way (the
//! goroutine's `panicking` flag, the first field of `GetG`'s `g`, set) and a
//! failing `check` make the function return at once, its results undefined, and
//! the back ends emit that test. A function that `catches` (one with deferred
//! calls, whose exit path must run them) does not unwind: its calls return, and
//! it tests the flag itself. Every call is a safepoint: the point where a
//! goroutine may be switched or the collector may run.
//!
//! Entities are `u32` indices into the function's arenas. `text` prints and parses
//! the one text form; `verify` checks the invariants and runs after every pass in
//! tests; `cfg` has the graph facts passes share (predecessors, orders,
//! dominators, loops).

pub mod cfg;
pub mod text;
pub mod verify;

use core::fmt;

/// The data symbol of the goroutine that runs `main` (the runtime's `g0`), which
/// the entry points make the running one.
pub const G0_SYMBOL: &str = "runtime.g0";

macro_rules! entity {
    ($name:ident, $prefix:literal) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

entity!(Value, "v");
entity!(Block, "b");
entity!(Var, "x");
entity!(Slot, "s");

/// The type of a value: what a machine register (or a Wasm local) holds. Go's
/// narrower integers live in `I32` and are re-normalized by the generator where Go
/// wraps. `Ptr` is a word that may hold a pointer: the garbage collector's roots.
/// Arithmetic treats it as the word integer (`class`), so a pointer and an
/// integer mix where Go's `unsafe` and `uintptr` let them; every port crossplay
/// builds has 8-byte pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ty {
    I32,
    I64,
    F32,
    F64,
    Ptr,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
            Ty::Ptr => "ptr",
        }
    }

    /// Whether the type is an integer (a pointer is one).
    pub fn is_int(self) -> bool {
        matches!(self, Ty::I32 | Ty::I64 | Ty::Ptr)
    }

    pub fn bytes(self) -> u32 {
        match self {
            Ty::I32 | Ty::F32 => 4,
            Ty::I64 | Ty::F64 | Ty::Ptr => 8,
        }
    }

    /// The type operations compute in: a pointer's is the word integer.
    pub fn class(self) -> Ty {
        if self == Ty::Ptr { Ty::I64 } else { self }
    }

    /// Whether a value of type `self` may stand where `other` is asked for.
    pub fn fits(self, other: Ty) -> bool {
        self.class() == other.class()
    }
}

/// The width of a memory access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mem {
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
}

impl Mem {
    pub fn name(self) -> &'static str {
        match self {
            Mem::I8 => "i8",
            Mem::I16 => "i16",
            Mem::I32 => "i32",
            Mem::I64 => "i64",
            Mem::F32 => "f32",
            Mem::F64 => "f64",
        }
    }

    pub fn bytes(self) -> u32 {
        match self {
            Mem::I8 => 1,
            Mem::I16 => 2,
            Mem::I32 | Mem::F32 => 4,
            Mem::I64 | Mem::F64 => 8,
        }
    }

    /// The memory width of a whole value of type `ty`.
    pub fn of(ty: Ty) -> Mem {
        match ty {
            Ty::I32 => Mem::I32,
            Ty::I64 => Mem::I64,
            Ty::F32 => Mem::F32,
            Ty::F64 => Mem::F64,
            Ty::Ptr => Mem::I64,
        }
    }
}

macro_rules! ops {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            pub fn name(self) -> &'static str {
                match self { $($name::$v => $s),* }
            }

            pub fn from_name(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|o| o.name() == s)
            }
        }
    };
}

ops!(
    /// Two operands and a result of the operands' type. `Div` is the float division;
    /// integer division and remainder say their signedness (and trap on zero, which
    /// the generator guards with Go's panic first).
    BinOp {
        Add = "add", Sub = "sub", Mul = "mul", Div = "div",
        DivS = "divs", DivU = "divu", RemS = "rems", RemU = "remu",
        And = "and", Or = "or", Xor = "xor",
        Shl = "shl", ShrS = "shrs", ShrU = "shru",
        Min = "fmin", Max = "fmax", Copysign = "copysign",
    }
);

ops!(
    /// Comparisons: an `I32` that is 0 or 1. The unsuffixed orders are the float
    /// ones (false when either side is NaN, as in Go).
    CmpOp {
        Eq = "eq", Ne = "ne",
        LtS = "lts", LtU = "ltu", LeS = "les", LeU = "leu",
        GtS = "gts", GtU = "gtu", GeS = "ges", GeU = "geu",
        Lt = "lt", Le = "le", Gt = "gt", Ge = "ge",
    }
);

ops!(
    /// One operand and a result of its type.
    UnOp {
        Neg = "fneg", Abs = "fabs", Sqrt = "sqrt", Floor = "floor", Ceil = "ceil",
        Trunc = "ftrunc", Nearest = "nearest",
        Clz = "clz", Ctz = "ctz", Popcnt = "popcnt", Eqz = "eqz",
    }
);

ops!(
    /// Changes of type or representation; the result type is written on the
    /// instruction. `Ext8S`/`Ext16S`/`Ext32S` sign-extend the low bits in place;
    /// float-to-int conversions saturate (Go leaves out-of-range results
    /// implementation-defined; Go's own wasm port saturates too). `Round` is an
    /// explicit conversion of a float to its own type: the value is unchanged, but
    /// it is rounded to that precision, so a back end that fuses a multiply into
    /// an add (arm64) must not look through it (Go's `Round64F`).
    ConvOp {
        Ext8S = "ext8s", Ext16S = "ext16s", Ext32S = "ext32s",
        ExtendS = "sext", ExtendU = "zext", Wrap = "wrap",
        TruncS = "ftosi", TruncU = "ftoui", ConvertS = "sitof", ConvertU = "uitof",
        Promote = "fpromote", Demote = "fdemote", Bitcast = "bitcast", Round = "fround",
    }
);

/// A function signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Sig {
    pub params: Vec<Ty>,
    pub results: Vec<Ty>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// An integer constant (its two's-complement bits, truncated to the type).
    IConst(Ty, i64),
    /// A float constant by its IEEE bits (an f32's in the low 32).
    FConst(Ty, u64),
    Bin(BinOp, Value, Value),
    Cmp(CmpOp, Value, Value),
    Un(UnOp, Value),
    Conv(ConvOp, Ty, Value),
    /// `cond ? a : b`, `cond` an `I32`.
    Select(Value, Value, Value),
    /// Loads `mem` from `addr + off` into a value of type `ty`, sign- or
    /// zero-extending narrower widths.
    Load {
        mem: Mem,
        signed: bool,
        ty: Ty,
        addr: Value,
        off: u32,
    },
    Store {
        mem: Mem,
        addr: Value,
        off: u32,
        val: Value,
    },
    /// memmove(dst, src, len).
    Copy {
        dst: Value,
        src: Value,
        len: Value,
    },
    /// memset(dst, 0, len).
    Zero {
        dst: Value,
        len: Value,
    },
    /// The address of a data symbol, a word.
    SymAddr(String),
    /// A function's code pointer, a word (an index into the Wasm table).
    FuncAddr(String),
    /// The address of a stack slot of this function, a word.
    SlotAddr(Slot),
    Get(Var),
    Set(Var, Value),
    Call {
        callee: String,
        args: Vec<Value>,
    },
    CallIndirect {
        sig: Sig,
        target: Value,
        args: Vec<Value>,
    },
    /// The current machine's growable memory size in bytes, and growing it by a
    /// byte count (rounded up to the back end's page): the allocator's primitives.
    MemSize,
    MemGrow(Value),
    /// A check that can fail: when `cond` (an `I32`) is not zero, calls the
    /// runtime's panic function `func(0, args…)` (nil dereference, index out of
    /// range, division by zero, …) and unwinds, as a call that panicked does.
    /// Passes remove a check whose condition they prove false.
    Check {
        cond: Value,
        func: String,
        args: Vec<Value>,
    },
    /// The running goroutine's `g` (a word): a register on native ports, a
    /// global on Wasm. Its first field, an `i32`, is set while a panic unwinds.
    GetG,
}

impl Op {
    /// The values the operation reads, in operand order.
    pub fn uses(&self) -> Vec<Value> {
        let mut out = Vec::new();
        self.for_each_use(|v| out.push(v));
        out
    }

    pub fn for_each_use(&self, mut f: impl FnMut(Value)) {
        match self {
            Op::IConst(..)
            | Op::FConst(..)
            | Op::SymAddr(_)
            | Op::FuncAddr(_)
            | Op::SlotAddr(_)
            | Op::Get(_) => {}
            Op::MemSize => {}
            Op::Bin(_, a, b) | Op::Cmp(_, a, b) => {
                f(*a);
                f(*b);
            }
            Op::Un(_, a) | Op::Conv(_, _, a) | Op::MemGrow(a) | Op::Set(_, a) => f(*a),
            Op::Select(c, a, b) => {
                f(*c);
                f(*a);
                f(*b);
            }
            Op::Load { addr, .. } => f(*addr),
            Op::Store { addr, val, .. } => {
                f(*addr);
                f(*val);
            }
            Op::Copy { dst, src, len } => {
                f(*dst);
                f(*src);
                f(*len);
            }
            Op::Zero { dst, len } => {
                f(*dst);
                f(*len);
            }
            Op::Call { args, .. } => args.iter().copied().for_each(f),
            Op::CallIndirect { target, args, .. } => {
                f(*target);
                args.iter().copied().for_each(f);
            }
            Op::Check { cond, args, .. } => {
                f(*cond);
                args.iter().copied().for_each(f);
            }
            Op::GetG => {}
        }
    }

    /// Rewrites every value the operation reads.
    pub fn map_uses(&mut self, mut f: impl FnMut(Value) -> Value) {
        match self {
            Op::IConst(..)
            | Op::FConst(..)
            | Op::SymAddr(_)
            | Op::FuncAddr(_)
            | Op::SlotAddr(_)
            | Op::Get(_) => {}
            Op::MemSize => {}
            Op::Bin(_, a, b) | Op::Cmp(_, a, b) => {
                *a = f(*a);
                *b = f(*b);
            }
            Op::Un(_, a) | Op::Conv(_, _, a) | Op::MemGrow(a) | Op::Set(_, a) => *a = f(*a),
            Op::Select(c, a, b) => {
                *c = f(*c);
                *a = f(*a);
                *b = f(*b);
            }
            Op::Load { addr, .. } => *addr = f(*addr),
            Op::Store { addr, val, .. } => {
                *addr = f(*addr);
                *val = f(*val);
            }
            Op::Copy { dst, src, len } => {
                *dst = f(*dst);
                *src = f(*src);
                *len = f(*len);
            }
            Op::Zero { dst, len } => {
                *dst = f(*dst);
                *len = f(*len);
            }
            Op::Call { args, .. } => args.iter_mut().for_each(|v| *v = f(*v)),
            Op::CallIndirect { target, args, .. } => {
                *target = f(*target);
                args.iter_mut().for_each(|v| *v = f(*v));
            }
            Op::Check { cond, args, .. } => {
                *cond = f(*cond);
                args.iter_mut().for_each(|v| *v = f(*v));
            }
            Op::GetG => {}
        }
    }

    /// Whether the operation only computes its results: removable when they are
    /// unused, and free to be shared or moved (given its operands). Loads are not
    /// pure (memory may change between two), and neither are integer divisions
    /// (they trap on zero).
    pub fn is_pure(&self) -> bool {
        match self {
            Op::IConst(..)
            | Op::FConst(..)
            | Op::Cmp(..)
            | Op::Un(..)
            | Op::Conv(..)
            | Op::Select(..)
            | Op::SymAddr(_)
            | Op::FuncAddr(_)
            | Op::SlotAddr(_)
            | Op::GetG => true,
            Op::Bin(o, ..) => !matches!(o, BinOp::DivS | BinOp::DivU | BinOp::RemS | BinOp::RemU),
            Op::Get(_)
            | Op::Set(..)
            | Op::Load { .. }
            | Op::Store { .. }
            | Op::Copy { .. }
            | Op::Zero { .. }
            | Op::Call { .. }
            | Op::CallIndirect { .. }
            | Op::MemSize
            | Op::MemGrow(_)
            | Op::Check { .. } => false,
        }
    }

    /// Whether the operation is a safepoint (a call).
    pub fn is_safepoint(&self) -> bool {
        matches!(self, Op::Call { .. } | Op::CallIndirect { .. })
    }

    /// Whether the operation writes memory or has another effect beyond its
    /// results (calls, growing memory).
    pub fn writes_memory(&self) -> bool {
        matches!(
            self,
            Op::Store { .. }
                | Op::Copy { .. }
                | Op::Zero { .. }
                | Op::Call { .. }
                | Op::CallIndirect { .. }
                | Op::MemGrow(_)
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    pub results: Vec<Value>,
    pub op: Op,
}

/// A jump's destination: the block and the values its parameters take.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub block: Block,
    pub args: Vec<Value>,
}

impl From<Block> for Target {
    fn from(block: Block) -> Target {
        Target { block, args: Vec::new() }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(Target),
    /// To the first target if the `I32` condition is not zero, else the second.
    Br(Value, Target, Target),
    Ret(Vec<Value>),
    Unreachable,
}

impl Term {
    /// A jump to `b` passing nothing.
    pub fn jump(b: Block) -> Term {
        Term::Jump(b.into())
    }

    /// A branch to `yes` or `no`, passing nothing.
    pub fn br(c: Value, yes: Block, no: Block) -> Term {
        Term::Br(c, yes.into(), no.into())
    }

    /// The destinations, in order (a branch's "yes" first).
    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        let (a, b) = match self {
            Term::Jump(t) => (Some(t), None),
            Term::Br(_, t, e) => (Some(t), Some(e)),
            Term::Ret(_) | Term::Unreachable => (None, None),
        };
        a.into_iter().chain(b)
    }

    pub fn targets_mut(&mut self) -> impl Iterator<Item = &mut Target> {
        let (a, b) = match self {
            Term::Jump(t) => (Some(t), None),
            Term::Br(_, t, e) => (Some(t), Some(e)),
            Term::Ret(_) | Term::Unreachable => (None, None),
        };
        a.into_iter().chain(b)
    }

    /// The successor blocks, in order (a block may appear twice).
    pub fn succs(&self) -> impl Iterator<Item = Block> + '_ {
        self.targets().map(|t| t.block)
    }

    /// The values the terminator reads: the condition, returned values and the
    /// arguments passed to targets.
    pub fn uses(&self) -> Vec<Value> {
        match self {
            Term::Jump(t) => t.args.clone(),
            Term::Br(c, t, e) => {
                core::iter::once(*c).chain(t.args.iter().copied()).chain(e.args.iter().copied()).collect()
            }
            Term::Ret(vs) => vs.clone(),
            Term::Unreachable => Vec::new(),
        }
    }

    /// Calls `f` with every value the terminator reads, in the order of `uses`.
    pub fn for_each_use(&self, mut f: impl FnMut(Value)) {
        match self {
            Term::Jump(t) => t.args.iter().copied().for_each(f),
            Term::Br(c, t, e) => {
                f(*c);
                t.args.iter().chain(&e.args).copied().for_each(f);
            }
            Term::Ret(vs) => vs.iter().copied().for_each(f),
            Term::Unreachable => {}
        }
    }

    /// Rewrites every value the terminator reads.
    pub fn map_uses(&mut self, mut f: impl FnMut(Value) -> Value) {
        match self {
            Term::Jump(t) => t.args.iter_mut().for_each(|v| *v = f(*v)),
            Term::Br(c, t, e) => {
                *c = f(*c);
                t.args.iter_mut().chain(e.args.iter_mut()).for_each(|v| *v = f(*v));
            }
            Term::Ret(vs) => vs.iter_mut().for_each(|v| *v = f(*v)),
            Term::Unreachable => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BlockData {
    /// The block's parameters: values defined on entry, from the jump's arguments.
    pub params: Vec<Value>,
    pub insts: Vec<Inst>,
    pub term: Term,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotData {
    pub size: u32,
    pub align: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    pub name: String,
    pub sig: Sig,
    /// Exported to the host under this name.
    pub export: Option<String>,
    /// Its calls do not unwind it: it tests for a panic itself (see the crate's
    /// doc).
    pub catches: bool,
    /// Not to be inlined (Go's `//go:noinline`).
    pub noinline: bool,
    /// The types of values, indexed by `Value`. `Func::new` makes the first
    /// `sig.params.len()` the parameters of `b0`, the function's.
    pub values: Vec<Ty>,
    pub vars: Vec<Ty>,
    pub slots: Vec<SlotData>,
    /// `b0` is the entry.
    pub blocks: Vec<BlockData>,
}

impl Func {
    pub fn new(name: &str, sig: Sig) -> Func {
        let values = sig.params.clone();
        let sig_len = values.len();
        Func {
            name: name.into(),
            sig,
            export: None,
            catches: false,
            noinline: false,
            values,
            vars: Vec::new(),
            slots: Vec::new(),
            blocks: vec![BlockData {
                params: (0..sig_len as u32).map(Value).collect(),
                insts: Vec::new(),
                term: Term::Unreachable,
            }],
        }
    }

    /// The function's `i`th parameter.
    pub fn param(&self, i: usize) -> Value {
        self.blocks[0].params[i]
    }

    pub fn new_value(&mut self, ty: Ty) -> Value {
        self.values.push(ty);
        Value(self.values.len() as u32 - 1)
    }

    pub fn new_var(&mut self, ty: Ty) -> Var {
        self.vars.push(ty);
        Var(self.vars.len() as u32 - 1)
    }

    pub fn new_slot(&mut self, size: u32, align: u32) -> Slot {
        self.slots.push(SlotData { size, align: align.max(1) });
        Slot(self.slots.len() as u32 - 1)
    }

    pub fn new_block(&mut self) -> Block {
        self.blocks.push(BlockData { params: Vec::new(), insts: Vec::new(), term: Term::Unreachable });
        Block(self.blocks.len() as u32 - 1)
    }

    /// Adds a parameter of type `ty` to block `b`.
    pub fn add_block_param(&mut self, b: Block, ty: Ty) -> Value {
        let v = self.new_value(ty);
        self.blocks[b.index()].params.push(v);
        v
    }

    pub fn ty(&self, v: Value) -> Ty {
        self.values[v.index()]
    }
}

/// A function defined elsewhere: in another package's module (`import: None`), or a
/// host import (`module`, `field`).
#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub name: String,
    pub sig: Sig,
    pub import: Option<(String, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelocKind {
    /// The address of a data symbol, `width` bytes.
    Addr { width: u8 },
    /// A function's code pointer, `width` bytes.
    Func { width: u8 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reloc {
    pub off: u32,
    pub kind: RelocKind,
    pub target: String,
    pub addend: i64,
}

/// A data symbol: `size` bytes, the first `init.len()` given, the rest zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub name: String,
    pub size: u32,
    pub align: u32,
    pub readonly: bool,
    pub init: Vec<u8>,
    pub relocs: Vec<Reloc>,
}

/// A data symbol of the module that the system's dynamic loader fills with the
/// address of a function of a shared library (`//go:cgo_import_dynamic`): an
/// import address table slot on windows, a GOT slot on darwin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DynImport {
    /// The 8-byte data symbol the module defines.
    pub symbol: String,
    /// The function's name in the library.
    pub name: String,
    /// The library (`kernel32.dll`, `/usr/lib/libSystem.B.dylib`).
    pub library: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Module {
    pub decls: Vec<Decl>,
    pub data: Vec<Data>,
    pub funcs: Vec<Func>,
    pub dynimports: Vec<DynImport>,
    /// The package's variables: each data symbol with its Go type's descriptor
    /// symbol (`type:string`), what the linker's `-X` checks. Not in the text form.
    pub vars: Vec<(String, String)>,
}

impl Module {
    /// The signature of a function this module defines or declares.
    pub fn sig_of(&self, name: &str) -> Option<&Sig> {
        self.funcs
            .iter()
            .find(|f| f.name == name)
            .map(|f| &f.sig)
            .or_else(|| self.decls.iter().find(|d| d.name == name).map(|d| &d.sig))
    }
}

impl fmt::Display for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&text::print(self))
    }
}

/// Appends instructions to a function's blocks, tracking the current block.
#[derive(Debug)]
pub struct Builder<'f> {
    pub func: &'f mut Func,
    pub block: Block,
}

impl<'f> Builder<'f> {
    pub fn new(func: &'f mut Func) -> Builder<'f> {
        Builder { func, block: Block(0) }
    }

    pub fn switch_to(&mut self, b: Block) {
        self.block = b;
    }

    fn push(&mut self, results: &[Ty], op: Op) -> Vec<Value> {
        let results: Vec<Value> = results.iter().map(|&t| self.func.new_value(t)).collect();
        self.func.blocks[self.block.index()].insts.push(Inst { results: results.clone(), op });
        results
    }

    fn one(&mut self, ty: Ty, op: Op) -> Value {
        self.push(&[ty], op)[0]
    }

    pub fn iconst(&mut self, ty: Ty, v: i64) -> Value {
        self.one(ty, Op::IConst(ty, v))
    }

    pub fn fconst(&mut self, ty: Ty, bits: u64) -> Value {
        self.one(ty, Op::FConst(ty, bits))
    }

    pub fn bin(&mut self, op: BinOp, a: Value, b: Value) -> Value {
        let ty = self.func.ty(a);
        self.one(ty, Op::Bin(op, a, b))
    }

    pub fn cmp(&mut self, op: CmpOp, a: Value, b: Value) -> Value {
        self.one(Ty::I32, Op::Cmp(op, a, b))
    }

    pub fn un(&mut self, op: UnOp, a: Value) -> Value {
        let ty = if op == UnOp::Eqz { Ty::I32 } else { self.func.ty(a) };
        self.one(ty, Op::Un(op, a))
    }

    pub fn conv(&mut self, op: ConvOp, ty: Ty, a: Value) -> Value {
        self.one(ty, Op::Conv(op, ty, a))
    }

    pub fn select(&mut self, c: Value, a: Value, b: Value) -> Value {
        let ty = self.func.ty(a);
        self.one(ty, Op::Select(c, a, b))
    }

    pub fn load(&mut self, mem: Mem, signed: bool, ty: Ty, addr: Value, off: u32) -> Value {
        self.one(ty, Op::Load { mem, signed, ty, addr, off })
    }

    pub fn store(&mut self, mem: Mem, addr: Value, off: u32, val: Value) {
        self.push(&[], Op::Store { mem, addr, off, val });
    }

    pub fn copy(&mut self, dst: Value, src: Value, len: Value) {
        self.push(&[], Op::Copy { dst, src, len });
    }

    pub fn zero(&mut self, dst: Value, len: Value) {
        self.push(&[], Op::Zero { dst, len });
    }

    /// The address of a data symbol (a pointer; `_word` is the target's word type).
    pub fn sym_addr(&mut self, _word: Ty, name: &str) -> Value {
        self.one(Ty::Ptr, Op::SymAddr(name.into()))
    }

    pub fn func_addr(&mut self, _word: Ty, name: &str) -> Value {
        self.one(Ty::Ptr, Op::FuncAddr(name.into()))
    }

    pub fn slot_addr(&mut self, _word: Ty, s: Slot) -> Value {
        self.one(Ty::Ptr, Op::SlotAddr(s))
    }

    pub fn get(&mut self, x: Var) -> Value {
        let ty = self.func.vars[x.index()];
        self.one(ty, Op::Get(x))
    }

    pub fn set(&mut self, x: Var, v: Value) {
        self.push(&[], Op::Set(x, v));
    }

    pub fn call(&mut self, callee: &str, sig: &Sig, args: Vec<Value>) -> Vec<Value> {
        self.push(&sig.results, Op::Call { callee: callee.into(), args })
    }

    pub fn call_indirect(&mut self, sig: &Sig, target: Value, args: Vec<Value>) -> Vec<Value> {
        self.push(&sig.results, Op::CallIndirect { sig: sig.clone(), target, args })
    }

    pub fn mem_size(&mut self, word: Ty) -> Value {
        self.one(word, Op::MemSize)
    }

    pub fn check(&mut self, cond: Value, func: &str, args: Vec<Value>) {
        self.push(&[], Op::Check { cond, func: func.into(), args });
    }

    pub fn getg(&mut self, _word: Ty) -> Value {
        self.one(Ty::Ptr, Op::GetG)
    }

    pub fn mem_grow(&mut self, bytes: Value) -> Value {
        let ty = self.func.ty(bytes);
        self.one(ty, Op::MemGrow(bytes))
    }

    /// Ends the current block with `t`.
    pub fn term(&mut self, t: Term) {
        self.func.blocks[self.block.index()].term = t;
    }
}
