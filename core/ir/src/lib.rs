//! crossplay's IR: the machine-level form every back end consumes. A module holds
//! functions, declarations of functions defined elsewhere (other packages, host
//! imports) and data symbols. A function is a control-flow graph of blocks; each
//! instruction defines typed values (`v7`), and values live inside the block that
//! defines them — state that crosses blocks lives in typed variables (`x3`, read with
//! `get` and written with `set`), and memory a function owns for its lifetime lives in
//! stack slots (`s1`). That split keeps the Wasm back end direct (variables are Wasm
//! locals) while native back ends can build SSA from the variables later.
//!
//! Entities are `u32` indices into the function's arenas. `text` prints and parses
//! the one text form; `verify` checks the invariants and runs after every pass in
//! tests.

pub mod text;
pub mod verify;

use core::fmt;

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
/// wraps; pointers are integers of the target's word size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    I32,
    I64,
    F32,
    F64,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
        }
    }

    pub fn is_int(self) -> bool {
        matches!(self, Ty::I32 | Ty::I64)
    }

    pub fn bytes(self) -> u32 {
        match self {
            Ty::I32 | Ty::F32 => 4,
            Ty::I64 | Ty::F64 => 8,
        }
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

#[derive(Clone, Debug, PartialEq)]
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
    Load { mem: Mem, signed: bool, ty: Ty, addr: Value, off: u32 },
    Store { mem: Mem, addr: Value, off: u32, val: Value },
    /// memmove(dst, src, len).
    Copy { dst: Value, src: Value, len: Value },
    /// memset(dst, 0, len).
    Zero { dst: Value, len: Value },
    /// The address of a data symbol, a word.
    SymAddr(String),
    /// A function's code pointer, a word (an index into the Wasm table).
    FuncAddr(String),
    /// The address of a stack slot of this function, a word.
    SlotAddr(Slot),
    Get(Var),
    Set(Var, Value),
    Call { callee: String, args: Vec<Value> },
    CallIndirect { sig: Sig, target: Value, args: Vec<Value> },
    /// The current machine's growable memory size in bytes, and growing it by a
    /// byte count (rounded up to the back end's page): the allocator's primitives.
    MemSize,
    MemGrow(Value),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Inst {
    pub results: Vec<Value>,
    pub op: Op,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(Block),
    Br(Value, Block, Block),
    Ret(Vec<Value>),
    Unreachable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BlockData {
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
    /// The types of values, indexed by `Value`; the first `sig.params.len()` are the
    /// parameters, defined on entry to `b0`.
    pub values: Vec<Ty>,
    pub vars: Vec<Ty>,
    pub slots: Vec<SlotData>,
    /// `b0` is the entry.
    pub blocks: Vec<BlockData>,
}

impl Func {
    pub fn new(name: &str, sig: Sig) -> Func {
        let values = sig.params.clone();
        Func {
            name: name.into(),
            sig,
            export: None,
            values,
            vars: Vec::new(),
            slots: Vec::new(),
            blocks: vec![BlockData { insts: Vec::new(), term: Term::Unreachable }],
        }
    }

    pub fn param(&self, i: usize) -> Value {
        Value(i as u32)
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
        self.blocks.push(BlockData { insts: Vec::new(), term: Term::Unreachable });
        Block(self.blocks.len() as u32 - 1)
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

    pub fn sym_addr(&mut self, word: Ty, name: &str) -> Value {
        self.one(word, Op::SymAddr(name.into()))
    }

    pub fn func_addr(&mut self, word: Ty, name: &str) -> Value {
        self.one(word, Op::FuncAddr(name.into()))
    }

    pub fn slot_addr(&mut self, word: Ty, s: Slot) -> Value {
        self.one(word, Op::SlotAddr(s))
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

    pub fn mem_grow(&mut self, bytes: Value) -> Value {
        let ty = self.func.ty(bytes);
        self.one(ty, Op::MemGrow(bytes))
    }

    /// Ends the current block with `t`.
    pub fn term(&mut self, t: Term) {
        self.func.blocks[self.block.index()].term = t;
    }
}
