//! Lowering IR to arm64 `VInst`s: the instruction selection rules, answering
//! `codegen::lower::Backend` for the shared driver (which orders blocks, splits
//! edges and runs the register allocator). Selection folds what arm64 does in one
//! instruction: a compare into the branch (`cmp; b.cond`, `cbz`/`cbnz` against
//! zero), `cset` or `csel` that reads it; constants into add/subtract, compare and
//! bitmask immediates; a constant offset, a stack slot or a scaled index into the
//! memory operand; a multiply into `madd`/`msub`, a shift into the shifted-
//! register operand of an add or subtract, a complement into `bic`/`orn`.
//!
//! Like Go's arm64 back end, it fuses a float multiply into the add or subtract
//! that uses it (`fmadd` and kin, one rounding), following Go's rules
//! (`ARM64.rules`), which see through SSA values but not through an explicit
//! conversion (`fround`): see `fusion`.
//!
//! An `i32` value lives in the low half of its register; the upper half is
//! unspecified, so every instruction that reads one uses the 32-bit (w) form.

use codegen::emit::{Compiled, EmitCtx, compile};
use codegen::lower::{Backend, LowerCtx};
use codegen::machinst::{Reg, VBlock};
use codegen::regalloc2::{Allocation, MachineEnv, RegClass};
use codegen::{Code, CodeBuffer};
use ir::{BinOp, CmpOp, ConvOp, Func, Mem, Op, Term, Ty, UnOp, Value};

use crate::abi::{self, SCRATCH, SCRATCH2, zr};
use crate::inst::vinst::{
    BranchCond, CallTarget, CmpRhs, Compare, Emitter, Imm12, VAmode, VInst, g, move_wide, v,
};
use crate::inst::{
    AddSubOp, AluOp, Amode, Cond, FmaOp, FpuOp1, FpuOp2, ImmLogic, Inst, LogicOp, MemSize, ShiftOp, Size,
    Xreg,
};

/// An IR construct this back end does not lower.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

/// The arm64 back end.
#[derive(Debug)]
pub struct Arm64 {
    env: MachineEnv,
    pub(crate) int_args: Vec<codegen::regalloc2::PReg>,
    pub(crate) float_args: Vec<codegen::regalloc2::PReg>,
}

impl Default for Arm64 {
    fn default() -> Arm64 {
        let (int_args, float_args) = abi::arg_regs();
        Arm64 { env: abi::machine_env(), int_args, float_args }
    }
}

fn size_of(ty: Ty) -> Size {
    match ty {
        Ty::I32 | Ty::F32 => Size::W,
        Ty::I64 | Ty::F64 | Ty::Ptr => Size::X,
    }
}

fn mem_size(m: Mem) -> MemSize {
    match m {
        Mem::I8 => MemSize::B,
        Mem::I16 => MemSize::H,
        Mem::I32 | Mem::F32 => MemSize::W,
        Mem::I64 | Mem::F64 => MemSize::X,
    }
}

/// The instructions that put the 64-bit `v` in `rd`: one `movz` or `movn` and a
/// `movk` per further 16-bit piece that differs (or one `orr` of a bitmask
/// immediate, when that is shorter).
pub fn mov_imm(rd: Xreg, v: u64) -> Vec<Inst> {
    move_wide(rd, v, Size::X)
}

/// The constant `v` is, as an operation of `size` reads it (an `i32`'s sign
/// extended from bit 31).
fn int_const(ctx: &LowerCtx<'_, VInst>, v: Value, size: Size) -> Option<i64> {
    let c = ctx.iconst(v)?;
    Some(if size == Size::W { i64::from(c as i32) } else { c })
}

/// `v` as an add or subtract immediate: (negated, immediate).
fn add_imm(ctx: &LowerCtx<'_, VInst>, v: Value, size: Size) -> Option<(bool, Imm12)> {
    let c = int_const(ctx, v, size)?;
    if let Some(i) = u64::try_from(c).ok().and_then(Imm12::new) {
        return Some((false, i));
    }
    c.checked_neg().and_then(|n| u64::try_from(n).ok()).and_then(Imm12::new).map(|i| (true, i))
}

/// The single-use value `v`, if `op` of two operands defines it.
fn single_use_bin(ctx: &LowerCtx<'_, VInst>, v: Value, op: BinOp) -> Option<(Value, Value)> {
    match ctx.def_op(v) {
        Some(&Op::Bin(o, a, b)) if o == op && ctx.uses(v) == 1 => Some((a, b)),
        _ => None,
    }
}

/// `v` as `x << k` for a constant `k` below the width, used once.
fn shifted(ctx: &LowerCtx<'_, VInst>, v: Value, size: Size) -> Option<(Value, u8)> {
    let (x, k) = single_use_bin(ctx, v, BinOp::Shl)?;
    let k = ctx.iconst(k)? & i64::from(size.bits() - 1);
    Some((x, k as u8))
}

/// `v` as an index scaled by an access of `bytes`: `i << log2(bytes)` or
/// `i * bytes`.
fn scaled_index(ctx: &LowerCtx<'_, VInst>, v: Value, bytes: u32) -> Option<Value> {
    match ctx.def_op(v) {
        Some(&Op::Bin(BinOp::Shl, i, k)) if ctx.iconst(k) == Some(i64::from(bytes.trailing_zeros())) => {
            Some(i)
        }
        Some(&Op::Bin(BinOp::Mul, i, c)) if ctx.iconst(c) == Some(i64::from(bytes)) => Some(i),
        _ => None,
    }
}

/// The memory operand for an access of `bytes` at `addr + off`.
fn amode(ctx: &mut LowerCtx<'_, VInst>, addr: Value, off: i64, bytes: u32) -> VAmode {
    match ctx.def_op(addr) {
        Some(Op::SlotAddr(s)) => return VAmode::Fp { off: ctx.slot_offsets[s.index()] + off },
        Some(&Op::Bin(BinOp::Add, a, b)) => {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(c) = ctx.iconst(y)
                    && let Some(off) = off.checked_add(c)
                {
                    return amode(ctx, x, off, bytes);
                }
            }
            if off == 0 {
                for (x, y) in [(a, b), (b, a)] {
                    if bytes > 1
                        && let Some(i) = scaled_index(ctx, y, bytes)
                    {
                        let (base, index) = (ctx.input(x), ctx.input(i));
                        return VAmode::Index { base, index, scaled: true };
                    }
                }
                let (base, index) = (ctx.input(a), ctx.input(b));
                return VAmode::Index { base, index, scaled: false };
            }
        }
        _ => {}
    }
    VAmode::Base { base: ctx.input(addr), off }
}

fn int_cond(op: CmpOp) -> Cond {
    match op {
        CmpOp::Eq => Cond::Eq,
        CmpOp::Ne => Cond::Ne,
        CmpOp::LtS => Cond::Lt,
        CmpOp::LeS => Cond::Le,
        CmpOp::GtS => Cond::Gt,
        CmpOp::GeS => Cond::Ge,
        CmpOp::LtU | CmpOp::Lt => Cond::Lo,
        CmpOp::LeU | CmpOp::Le => Cond::Ls,
        CmpOp::GtU | CmpOp::Gt => Cond::Hi,
        CmpOp::GeU | CmpOp::Ge => Cond::Hs,
    }
}

/// The condition with its operands swapped (`a < b` is `b > a`).
fn swapped(c: Cond) -> Cond {
    match c {
        Cond::Lt => Cond::Gt,
        Cond::Gt => Cond::Lt,
        Cond::Le => Cond::Ge,
        Cond::Ge => Cond::Le,
        Cond::Lo => Cond::Hi,
        Cond::Hi => Cond::Lo,
        Cond::Ls => Cond::Hs,
        Cond::Hs => Cond::Ls,
        c => c,
    }
}

/// `v` as a compare immediate.
fn cmp_imm(ctx: &LowerCtx<'_, VInst>, v: Value, size: Size) -> Option<CmpRhs> {
    add_imm(ctx, v, size).map(|(neg, imm)| CmpRhs::Imm { imm, neg })
}

/// The flags and the condition for `a op b`.
fn compare(ctx: &mut LowerCtx<'_, VInst>, op: CmpOp, a: Value, b: Value) -> (Compare, Cond) {
    let ty = ctx.ty(a);
    if ty.is_int() {
        let size = size_of(ty);
        let cond = int_cond(op);
        if let Some(rhs) = cmp_imm(ctx, b, size) {
            return (Compare::Int { size, a: ctx.input(a), b: rhs }, cond);
        }
        if let Some(rhs) = cmp_imm(ctx, a, size) {
            return (Compare::Int { size, a: ctx.input(b), b: rhs }, swapped(cond));
        }
        let (x, y) = (ctx.input(a), ctx.input(b));
        return (Compare::Int { size, a: x, b: CmpRhs::Reg(y) }, cond);
    }
    // Unordered sets NZCV to 0011: mi, ls, gt, ge and eq are false then, ne is
    // true, as Go's comparisons want.
    let cond = match op {
        CmpOp::Eq => Cond::Eq,
        CmpOp::Ne => Cond::Ne,
        CmpOp::Lt | CmpOp::LtS | CmpOp::LtU => Cond::Mi,
        CmpOp::Le | CmpOp::LeS | CmpOp::LeU => Cond::Ls,
        CmpOp::Gt | CmpOp::GtS | CmpOp::GtU => Cond::Gt,
        CmpOp::Ge | CmpOp::GeS | CmpOp::GeU => Cond::Ge,
    };
    let (x, y) = (ctx.input(a), ctx.input(b));
    (Compare::Float { double: ty == Ty::F64, a: x, b: y }, cond)
}

fn is_zero_test(ctx: &LowerCtx<'_, VInst>, v: Value) -> bool {
    ctx.iconst(v) == Some(0)
}

/// The flags and condition under which `c` (an `i32` truth value) is true,
/// folding the compare or `eqz` that defines it (an `eqz` of a compare is the
/// compare with the opposite condition, which for floats holds when unordered,
/// as `!(a < b)` does).
fn condition(ctx: &mut LowerCtx<'_, VInst>, c: Value) -> (Compare, Cond) {
    let zero = CmpRhs::Imm { imm: Imm12 { bits: 0, shift12: false }, neg: false };
    match ctx.def_op(c) {
        Some(&Op::Cmp(op, a, b)) => compare(ctx, op, a, b),
        Some(&Op::Un(UnOp::Eqz, x)) if matches!(ctx.def_op(x), Some(Op::Cmp(..) | Op::Un(UnOp::Eqz, _))) => {
            let (cmp, cond) = condition(ctx, x);
            (cmp, cond.invert())
        }
        Some(&Op::Un(UnOp::Eqz, x)) => {
            let size = size_of(ctx.ty(x));
            (Compare::Int { size, a: ctx.input(x), b: zero }, Cond::Eq)
        }
        _ => (Compare::Int { size: Size::W, a: ctx.input(c), b: zero }, Cond::Ne),
    }
}

/// When a branch on `c` is taken: `cbz`/`cbnz` for a test against zero, else the
/// condition of the compare that defines it.
fn branch_cond(ctx: &mut LowerCtx<'_, VInst>, c: Value) -> BranchCond {
    match ctx.def_op(c) {
        Some(&Op::Cmp(op @ (CmpOp::Eq | CmpOp::Ne), a, b)) if ctx.ty(a).is_int() => {
            let size = size_of(ctx.ty(a));
            for (x, y) in [(a, b), (b, a)] {
                if is_zero_test(ctx, y) {
                    return BranchCond::Zero { nonzero: op == CmpOp::Ne, size, reg: ctx.input(x) };
                }
            }
        }
        Some(&Op::Un(UnOp::Eqz, x)) if !matches!(ctx.def_op(x), Some(Op::Cmp(..) | Op::Un(UnOp::Eqz, _))) => {
            return BranchCond::Zero { nonzero: false, size: size_of(ctx.ty(x)), reg: ctx.input(x) };
        }
        Some(Op::Cmp(..) | Op::Un(UnOp::Eqz, _)) => {}
        _ => return BranchCond::Zero { nonzero: true, size: Size::W, reg: ctx.input(c) },
    }
    let (cmp, cond) = condition(ctx, c);
    BranchCond::Cmp { cmp, cond }
}

/// `v` as a float product Go's arm64 rules fuse: `x * y` (`FMULD`), or its
/// negation, `-(x * y)` or `(-x) * y` (`FNMULD`), as (x, y, negated).
fn product(ctx: &LowerCtx<'_, VInst>, v: Value, depth: u32) -> Option<(Value, Value, bool)> {
    match *ctx.def_op(v)? {
        Op::Bin(BinOp::Mul, x, y) if !ctx.ty(x).is_int() => {
            let unneg = |v: Value| match ctx.def_op(v) {
                Some(&Op::Un(UnOp::Neg, w)) => (w, true),
                _ => (v, false),
            };
            let ((x, nx), (y, ny)) = (unneg(x), unneg(y));
            Some((x, y, nx != ny))
        }
        Op::Un(UnOp::Neg, w) if depth == 0 => product(ctx, w, 1).map(|(x, y, n)| (x, y, !n)),
        _ => None,
    }
}

/// How Go's arm64 back end fuses `a op b` (a float add or subtract): the rules
/// try a plain product before a negated one, and for each the second operand
/// before the first. The result: the instruction, the addend, and the factors.
///
/// Go's SSA sees through copies of variables but not through an explicit
/// conversion, which irgen marks with `fround` (Go's `Round64F`): in crossplay's
/// SSA a product reaches its add directly unless a `fround` (or a block
/// parameter: a φ) stands between. Go's inlining can expose products across
/// calls (and CSE share them) where crossplay, which does not inline, cannot.
fn fusion(ctx: &LowerCtx<'_, VInst>, op: BinOp, a: Value, b: Value) -> Option<(FmaOp, Value, Value, Value)> {
    let (pa, pb) = (product(ctx, a, 0), product(ctx, b, 0));
    let pick = |neg: bool| {
        if let Some((x, y, n)) = pb
            && n == neg
        {
            return Some((true, x, y));
        }
        match pa {
            Some((x, y, n)) if n == neg => Some((false, x, y)),
            _ => None,
        }
    };
    let (second, neg, x, y) = match pick(false) {
        Some((s, x, y)) => (s, false, x, y),
        None => {
            let (s, x, y) = pick(true)?;
            (s, true, x, y)
        }
    };
    let addend = if second { a } else { b };
    let fma = match (op, second, neg) {
        // a + x·y; a + -(x·y).
        (BinOp::Add, _, false) => FmaOp::Madd,
        (BinOp::Add, _, true) => FmaOp::Msub,
        // a - x·y; x·y - b; a - -(x·y); -(x·y) - b.
        (BinOp::Sub, true, false) => FmaOp::Msub,
        (BinOp::Sub, false, false) => FmaOp::Nmsub,
        (BinOp::Sub, true, true) => FmaOp::Madd,
        (BinOp::Sub, false, true) => FmaOp::Nmadd,
        _ => return None,
    };
    Some((fma, addend, x, y))
}

/// Stores value `v` (of any type) at `addr`, a word's slot of the stack.
fn store_value(ctx: &mut LowerCtx<'_, VInst>, v: Value, addr: VAmode) {
    let ty = ctx.ty(v);
    let src = ctx.input(v);
    match ty {
        Ty::I32 => ctx.emit(VInst::Store { size: MemSize::W, src, addr }),
        Ty::I64 | Ty::Ptr => ctx.emit(VInst::Store { size: MemSize::X, src, addr }),
        _ => ctx.emit(VInst::FStore { double: ty == Ty::F64, src, addr }),
    }
}

fn load_value(ctx: &mut LowerCtx<'_, VInst>, v: Value, addr: VAmode) {
    let ty = ctx.ty(v);
    let dst = ctx.reg(v);
    match ty {
        Ty::I32 => ctx.emit(VInst::Load { size: MemSize::W, signed: false, dst, addr }),
        Ty::I64 | Ty::Ptr => ctx.emit(VInst::Load { size: MemSize::X, signed: false, dst, addr }),
        _ => ctx.emit(VInst::FLoad { double: ty == Ty::F64, dst, addr }),
    }
}

/// The chunks of a `len`-byte copy or clear: 8, 4, 2 and 1 bytes.
fn chunks(len: u32) -> Vec<(i64, MemSize)> {
    let mut out = Vec::new();
    let mut off = 0u32;
    for size in [MemSize::X, MemSize::W, MemSize::H, MemSize::B] {
        while len - off >= size.bytes() {
            out.push((i64::from(off), size));
            off += size.bytes();
        }
    }
    out
}

/// A copy of `len` (at most 64) bytes: every chunk loaded first, then stored, so
/// overlapping operands are right.
fn copy_small(ctx: &mut LowerCtx<'_, VInst>, dst: Value, src: Value, len: u32) {
    let chunks = chunks(len);
    let (s, d) = (ctx.input(src), ctx.input(dst));
    let temps: Vec<Reg> = chunks
        .iter()
        .map(|&(off, size)| {
            let t = ctx.new_reg(RegClass::Int);
            ctx.emit(VInst::Load { size, signed: false, dst: t, addr: VAmode::Base { base: s, off } });
            t
        })
        .collect();
    for (&(off, size), t) in chunks.iter().zip(temps) {
        ctx.emit(VInst::Store { size, src: t, addr: VAmode::Base { base: d, off } });
    }
}

fn zero_small(ctx: &mut LowerCtx<'_, VInst>, dst: Value, len: u32) {
    let d = ctx.input(dst);
    for (off, size) in chunks(len) {
        ctx.emit(VInst::Store { size, src: zr(), addr: VAmode::Base { base: d, off } });
    }
}

impl Arm64 {
    fn call(&self, ctx: &mut LowerCtx<'_, VInst>, target: CallTarget, args: &[Value], results: &[Value]) {
        let layout = codegen::abi::call(self, ctx.f, args, results);
        ctx.outgoing = ctx.outgoing.max(layout.outgoing);
        for &(a, off) in &layout.args.stack {
            store_value(ctx, a, VAmode::Sp { off });
        }
        let uses = layout.args.regs.iter().map(|&(a, p)| (ctx.input(a), p)).collect();
        let defs = layout.results.regs.iter().map(|&(r, p)| (ctx.reg(r), p)).collect();
        let clobbers = layout.clobbers;
        let unwind = !ctx.f.catches;
        ctx.emit(VInst::Call { target, uses, defs, clobbers, unwind });
        for &(r, off) in &layout.results.stack {
            load_value(ctx, r, VAmode::Sp { off });
        }
    }
}

impl Backend for Arm64 {
    type I = VInst;

    fn lower_entry(&self, ctx: &mut LowerCtx<'_, VInst>, params: &[Value]) -> Result<(), String> {
        if ctx.slot_offsets.iter().any(|&o| o < -(1 << 31)) {
            return Err("a frame over 2 GiB".into());
        }
        let placed = codegen::abi::params(self, ctx.f, params);
        let defs = placed.regs.iter().map(|&(p, r)| (ctx.reg(p), r)).collect();
        ctx.emit(VInst::Args { defs });
        for &(p, off) in &placed.stack {
            load_value(ctx, p, VAmode::Fp { off });
        }
        Ok(())
    }

    fn lower_inst(&self, ctx: &mut LowerCtx<'_, VInst>, inst: &ir::Inst) -> Result<(), String> {
        let r = inst.results.first().copied();
        let dst = || r.ok_or_else(|| "an instruction without its result".to_string());
        match &inst.op {
            &Op::IConst(ty, c) => {
                let imm = if ty == Ty::I32 { u64::from(c as u32) } else { c as u64 };
                ctx.emit(VInst::MovImm { size: size_of(ty), dst: ctx.reg(dst()?), imm });
            }
            &Op::FConst(ty, bits) => {
                ctx.emit(VInst::FConst { double: ty == Ty::F64, dst: ctx.reg(dst()?), bits });
            }
            &Op::Bin(op, a, b) => self.bin(ctx, op, a, b, dst()?),
            Op::Cmp(..) | Op::Un(UnOp::Eqz, _) => {
                let r = dst()?;
                let (cmp, cond) = condition(ctx, r);
                ctx.emit(VInst::CSet { cmp, cond, dst: ctx.reg(r) });
            }
            &Op::Un(op, a) => self.un(ctx, op, a, dst()?),
            &Op::Conv(op, ty, a) => self.conv(ctx, op, ty, a, dst()?),
            &Op::Select(c, a, b) => {
                let r = dst()?;
                let ty = ctx.ty(r);
                let (cmp, cond) = condition(ctx, c);
                let (if_true, if_false) = (ctx.input(a), ctx.input(b));
                let dst = ctx.reg(r);
                ctx.emit(if ty.is_int() {
                    VInst::Csel { cmp, cond, size: size_of(ty), dst, if_true, if_false }
                } else {
                    VInst::FCsel { cmp, cond, double: ty == Ty::F64, dst, if_true, if_false }
                });
            }
            &Op::Load { mem, signed, ty, addr, off } => {
                let size = mem_size(mem);
                let addr = amode(ctx, addr, i64::from(off), size.bytes());
                let dst = ctx.reg(dst()?);
                match mem {
                    Mem::F32 | Mem::F64 => ctx.emit(VInst::FLoad { double: mem == Mem::F64, dst, addr }),
                    // Sign-extend what is narrower than the result; a 32-bit
                    // result keeps its low half either way.
                    _ => {
                        let signed = signed && (ty.class() == Ty::I64 || size.bytes() < 4);
                        ctx.emit(VInst::Load { size, signed, dst, addr });
                    }
                }
            }
            &Op::Store { mem, addr, off, val } => {
                let size = mem_size(mem);
                let addr = amode(ctx, addr, i64::from(off), size.bytes());
                match mem {
                    Mem::F32 | Mem::F64 => {
                        let src = ctx.input(val);
                        ctx.emit(VInst::FStore { double: mem == Mem::F64, src, addr });
                    }
                    _ => {
                        let src = if is_zero_test(ctx, val) { zr() } else { ctx.input(val) };
                        ctx.emit(VInst::Store { size, src, addr });
                    }
                }
            }
            &Op::Copy { dst, src, len } => match ctx.iconst(len) {
                Some(n @ 0..=64) => copy_small(ctx, dst, src, n as u32),
                _ => {
                    let (dst, src, len) = (ctx.input(dst), ctx.input(src), ctx.input(len));
                    ctx.emit(VInst::MemMove { dst, src, len });
                }
            },
            &Op::Zero { dst, len } => match ctx.iconst(len) {
                Some(n @ 0..=128) => zero_small(ctx, dst, n as u32),
                _ => {
                    let (dst, len) = (ctx.input(dst), ctx.input(len));
                    ctx.emit(VInst::MemZero { dst, len });
                }
            },
            Op::SymAddr(name) | Op::FuncAddr(name) => {
                ctx.emit(VInst::SymAddr { dst: ctx.reg(dst()?), symbol: name.clone() });
            }
            &Op::SlotAddr(s) => {
                let off = ctx.slot_offsets[s.index()];
                ctx.emit(VInst::SlotAddr { dst: ctx.reg(dst()?), off });
            }
            Op::Call { callee, args } => {
                self.call(ctx, CallTarget::Symbol(callee.clone()), args, &inst.results)
            }
            Op::CallIndirect { target, args, .. } => {
                let t = ctx.input(*target);
                self.call(ctx, CallTarget::Reg(t), args, &inst.results);
            }
            Op::Check { cond, func, args } => {
                let cond = branch_cond(ctx, *cond);
                let args = args.iter().map(|&a| ctx.input(a)).collect();
                ctx.emit(VInst::Check { cond, func: func.clone(), args });
            }
            Op::GetG => {
                let src = Reg::phys(abi::xreg(28));
                ctx.emit(VInst::Mov { dst: ctx.reg(dst()?), src });
            }
            Op::Get(_) | Op::Set(..) => return Err("variables after SSA construction".into()),
            Op::MemSize | Op::MemGrow(_) => {
                return Err("Wasm memory growth (the runtime's native ports allocate with mmap)".into());
            }
        }
        Ok(())
    }

    fn lower_term(
        &self,
        ctx: &mut LowerCtx<'_, VInst>,
        term: &Term,
        targets: &[VBlock],
    ) -> Result<(), String> {
        match term {
            Term::Jump(_) => ctx.emit(VInst::Jmp { target: targets[0] }),
            &Term::Br(c, ..) => {
                let cond = branch_cond(ctx, c);
                ctx.emit(VInst::Branch { cond, taken: targets[0], not_taken: targets[1] });
            }
            Term::Ret(vals) => {
                let placed = codegen::abi::returns(self, ctx.f, vals);
                for &(v, off) in &placed.stack {
                    store_value(ctx, v, VAmode::Fp { off });
                }
                let uses = placed.regs.iter().map(|&(v, p)| (ctx.input(v), p)).collect();
                ctx.emit(VInst::Ret { uses });
            }
            Term::Unreachable => ctx.emit(VInst::Trap),
        }
        Ok(())
    }

    fn gen_jump(&self, target: VBlock) -> VInst {
        VInst::Jmp { target }
    }

    fn machine_env(&self) -> &MachineEnv {
        &self.env
    }

    fn emit_prologue(&self, ctx: &mut EmitCtx<'_>) {
        let size = ctx.frame.size;
        let mut e = Emitter { ctx };
        e.i(Inst::StpPre { rt: Xreg::FP, rt2: Xreg::LR, base: Xreg::SP, off: -16 });
        e.i(Inst::AddSubImm {
            op: AddSubOp::Add,
            size: Size::X,
            rd: Xreg::FP,
            rn: Xreg::SP,
            imm12: 0,
            shift12: false,
        });
        if size > 0 {
            e.add_imm(Xreg::SP, Xreg::SP, -i64::from(size));
        }
    }

    fn emit_inst(&self, inst: &VInst, ctx: &mut EmitCtx<'_>) {
        inst.emit(ctx);
    }

    fn emit_islands(&self, ctx: &mut EmitCtx<'_>) {
        for island in core::mem::take(&mut ctx.islands) {
            ctx.bind(island.label);
            // The arguments after the context (x0) in x1, x2, …
            let moves: Vec<(u8, u8)> =
                island.args.iter().enumerate().map(|(i, p)| (i as u8 + 1, p.hw_enc() as u8)).collect();
            let unwind = ctx.unwind_label();
            let mut e = Emitter { ctx };
            for (dst, src) in codegen::emit::sequentialize(&moves, SCRATCH.enc() as u8) {
                e.mov(Xreg::x(dst), Xreg::x(src));
            }
            e.mov(Xreg::x(0), Xreg::ZR);
            e.i(Inst::Bl { symbol: island.func });
            e.b(unwind);
        }
        if let Some(l) = ctx.unwind {
            ctx.bind(l);
            Emitter { ctx }.epilogue();
        }
    }

    fn emit_move(&self, from: Allocation, to: Allocation, class: RegClass, ctx: &mut EmitCtx<'_>) {
        let float = class == RegClass::Float;
        let mut e = Emitter { ctx };
        // A spill slot's operand, through x17 when far: x16 may hold the
        // allocator's scratch value in the middle of a cyclic move.
        let slot = |e: &mut Emitter<'_, '_>, a: Allocation| {
            let off = codegen::emit::spill_offset(e.ctx.frame, a).unwrap_or(0);
            let b = 8;
            if off % b == 0 && (0..4096 * b).contains(&off) {
                Amode::Scaled { base: Xreg::SP, off: off as u32 }
            } else {
                e.imm(SCRATCH2, off as u64, Size::X);
                Amode::Reg { base: Xreg::SP, index: SCRATCH2 }
            }
        };
        match (from.as_reg(), to.as_reg()) {
            (Some(f), Some(t)) if float => {
                e.i(Inst::FmovRR { double: true, rd: v(Reg::phys(t)), rn: v(Reg::phys(f)) })
            }
            (Some(f), Some(t)) => e.mov(g(Reg::phys(t)), g(Reg::phys(f))),
            (Some(f), None) => {
                let addr = slot(&mut e, to);
                if float {
                    e.i(Inst::FStore { double: true, rt: v(Reg::phys(f)), addr });
                } else {
                    e.i(Inst::Store { size: MemSize::X, rt: g(Reg::phys(f)), addr });
                }
            }
            (None, Some(t)) => {
                let addr = slot(&mut e, from);
                if float {
                    e.i(Inst::FLoad { double: true, rd: v(Reg::phys(t)), addr });
                } else {
                    e.i(Inst::Load { size: MemSize::X, signed: false, rd: g(Reg::phys(t)), addr });
                }
            }
            (None, None) => {}
        }
    }
}

impl Arm64 {
    fn bin(&self, ctx: &mut LowerCtx<'_, VInst>, op: BinOp, a: Value, b: Value, r: Value) {
        let ty = ctx.ty(a);
        let dst = ctx.reg(r);
        if !ty.is_int() {
            return self.fbin(ctx, op, ty == Ty::F64, a, b, dst);
        }
        let size = size_of(ty);
        let alu = |ctx: &mut LowerCtx<'_, VInst>, op: AluOp, x: Value, y: Value| {
            let (a, b) = (ctx.input(x), ctx.input(y));
            ctx.emit(VInst::Alu { op, size, dst, a, b });
        };
        match op {
            BinOp::Add | BinOp::Sub => {
                let sub = op == BinOp::Sub;
                let pairs: &[(Value, Value)] = if sub { &[(a, b)] } else { &[(a, b), (b, a)] };
                for &(x, y) in pairs {
                    if let Some((neg, imm)) = add_imm(ctx, y, size) {
                        let a = ctx.input(x);
                        return ctx.emit(VInst::AddImm { sub: sub != neg, size, dst, a, imm });
                    }
                }
                if sub && ctx.iconst(a) == Some(0) {
                    let b = ctx.input(b);
                    return ctx.emit(VInst::Alu { op: AluOp::Sub, size, dst, a: zr(), b });
                }
                for &(x, y) in pairs {
                    if let Some((n, m)) = single_use_bin(ctx, y, BinOp::Mul) {
                        let (n, m, a) = (ctx.input(n), ctx.input(m), ctx.input(x));
                        return ctx.emit(VInst::MulAdd { sub, size, dst, n, m, a });
                    }
                }
                for &(x, y) in pairs {
                    if let Some((z, k)) = shifted(ctx, y, size) {
                        let (a, b) = (ctx.input(x), ctx.input(z));
                        let op = if sub { AluOp::Sub } else { AluOp::Add };
                        return ctx.emit(VInst::AluShifted {
                            op,
                            size,
                            dst,
                            a,
                            b,
                            shift: ShiftOp::Lsl,
                            amount: k,
                        });
                    }
                }
                alu(ctx, if sub { AluOp::Sub } else { AluOp::Add }, a, b);
            }
            BinOp::And | BinOp::Or | BinOp::Xor => {
                let (lop, aop, not_op) = match op {
                    BinOp::And => (LogicOp::And, AluOp::And, Some(AluOp::Bic)),
                    BinOp::Or => (LogicOp::Orr, AluOp::Orr, Some(AluOp::Orn)),
                    _ => (LogicOp::Eor, AluOp::Eor, None),
                };
                for (x, y) in [(a, b), (b, a)] {
                    let Some(c) = ctx.iconst(y) else { continue };
                    if op == BinOp::Xor && int_const(ctx, y, size) == Some(-1) {
                        let b = ctx.input(x);
                        return ctx.emit(VInst::Alu { op: AluOp::Orn, size, dst, a: zr(), b });
                    }
                    if let Some(imm) = ImmLogic::new(c as u64, size) {
                        let a = ctx.input(x);
                        return ctx.emit(VInst::LogicImm { op: lop, size, dst, a, imm });
                    }
                }
                if let Some(nop) = not_op {
                    for (x, y) in [(a, b), (b, a)] {
                        if let Some((z, m)) = single_use_bin(ctx, y, BinOp::Xor)
                            && int_const(ctx, m, size) == Some(-1)
                        {
                            let (a, b) = (ctx.input(x), ctx.input(z));
                            return ctx.emit(VInst::Alu { op: nop, size, dst, a, b });
                        }
                    }
                }
                alu(ctx, aop, a, b);
            }
            BinOp::Mul => {
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(c) = int_const(ctx, y, size)
                        && c > 1
                        && (c as u64).is_power_of_two()
                    {
                        let a = ctx.input(x);
                        let imm = c.trailing_zeros() as u8;
                        return ctx.emit(VInst::ShiftImm { op: ShiftOp::Lsl, size, dst, a, imm });
                    }
                }
                let (n, m) = (ctx.input(a), ctx.input(b));
                ctx.emit(VInst::MulAdd { sub: false, size, dst, n, m, a: zr() });
            }
            BinOp::DivS | BinOp::DivU => {
                let (x, y) = (ctx.input(a), ctx.input(b));
                ctx.emit(VInst::Div { signed: op == BinOp::DivS, size, dst, a: x, b: y });
            }
            BinOp::RemS | BinOp::RemU => {
                // a - (a / b) * b.
                let (x, y) = (ctx.input(a), ctx.input(b));
                let q = ctx.new_reg(RegClass::Int);
                ctx.emit(VInst::Div { signed: op == BinOp::RemS, size, dst: q, a: x, b: y });
                ctx.emit(VInst::MulAdd { sub: true, size, dst, n: q, m: y, a: x });
            }
            BinOp::Shl | BinOp::ShrS | BinOp::ShrU => {
                let sop = match op {
                    BinOp::Shl => ShiftOp::Lsl,
                    BinOp::ShrS => ShiftOp::Asr,
                    _ => ShiftOp::Lsr,
                };
                let x = ctx.input(a);
                match ctx.iconst(b) {
                    Some(c) => {
                        let imm = (c & i64::from(size.bits() - 1)) as u8;
                        if imm == 0 {
                            ctx.emit(VInst::Mov { dst, src: x });
                        } else {
                            ctx.emit(VInst::ShiftImm { op: sop, size, dst, a: x, imm });
                        }
                    }
                    None => {
                        let count = ctx.input(b);
                        ctx.emit(VInst::Shift { op: sop, size, dst, a: x, count });
                    }
                }
            }
            BinOp::Div | BinOp::Min | BinOp::Max | BinOp::Copysign => {}
        }
    }

    fn fbin(&self, ctx: &mut LowerCtx<'_, VInst>, op: BinOp, double: bool, a: Value, b: Value, dst: Reg) {
        if matches!(op, BinOp::Add | BinOp::Sub)
            && let Some((fma, addend, x, y)) = fusion(ctx, op, a, b)
        {
            let (n, m, a) = (ctx.input(x), ctx.input(y), ctx.input(addend));
            return ctx.emit(VInst::Fma { op: fma, double, dst, n, m, a });
        }
        let (x, y) = (ctx.input(a), ctx.input(b));
        // fmin/fmax give NaN for a NaN operand and order -0 below +0, as Wasm's
        // min/max (and Go's) do.
        let fop = match op {
            BinOp::Add => FpuOp2::Add,
            BinOp::Sub => FpuOp2::Sub,
            BinOp::Mul => FpuOp2::Mul,
            BinOp::Div => FpuOp2::Div,
            BinOp::Min => FpuOp2::Min,
            BinOp::Max => FpuOp2::Max,
            _ => return ctx.emit(VInst::Copysign { double, dst, a: x, b: y }),
        };
        ctx.emit(VInst::Fpu2 { op: fop, double, dst, a: x, b: y });
    }

    fn un(&self, ctx: &mut LowerCtx<'_, VInst>, op: UnOp, a: Value, r: Value) {
        let ty = ctx.ty(a);
        let size = size_of(ty);
        let double = ty == Ty::F64;
        let dst = ctx.reg(r);
        let fop = match op {
            // Lowered with the compares (`condition`).
            UnOp::Eqz => return,
            UnOp::Clz | UnOp::Ctz => {
                let src = ctx.input(a);
                return ctx.emit(VInst::Bits { clz: op == UnOp::Clz, size, dst, src });
            }
            UnOp::Popcnt => {
                let src = ctx.input(a);
                return ctx.emit(VInst::Popcnt { size, dst, src });
            }
            UnOp::Neg => FpuOp1::Neg,
            UnOp::Abs => FpuOp1::Abs,
            UnOp::Sqrt => FpuOp1::Sqrt,
            UnOp::Floor => FpuOp1::RintM,
            UnOp::Ceil => FpuOp1::RintP,
            UnOp::Trunc => FpuOp1::RintZ,
            UnOp::Nearest => FpuOp1::RintN,
        };
        let src = ctx.input(a);
        ctx.emit(VInst::Fpu1 { op: fop, double, dst, src });
    }

    fn conv(&self, ctx: &mut LowerCtx<'_, VInst>, op: ConvOp, ty: Ty, a: Value, r: Value) {
        let from = ctx.ty(a);
        let dst = ctx.reg(r);
        let src = ctx.input(a);
        let ext = |signed, from: MemSize| {
            if from.bytes() * 8 >= size_of(ty).bits() {
                // Nothing above the bits kept: the value as it is.
                VInst::Mov { dst, src }
            } else {
                VInst::Extend { signed, from, size: size_of(ty), dst, src }
            }
        };
        let i = match op {
            ConvOp::Ext8S => ext(true, MemSize::B),
            ConvOp::Ext16S => ext(true, MemSize::H),
            ConvOp::Ext32S | ConvOp::ExtendS => ext(true, MemSize::W),
            // `mov w, w`: the low half, zero-extended.
            ConvOp::ExtendU | ConvOp::Wrap => {
                VInst::Alu { op: AluOp::Orr, size: Size::W, dst, a: zr(), b: src }
            }
            ConvOp::Bitcast if from.is_int() => VInst::ToFloatBits { double: ty == Ty::F64, dst, src },
            ConvOp::Bitcast => VInst::FromFloatBits { double: from == Ty::F64, dst, src },
            ConvOp::Round => VInst::FMov { dst, src },
            ConvOp::Promote | ConvOp::Demote => {
                VInst::FloatToFloat { to_double: op == ConvOp::Promote, dst, src }
            }
            ConvOp::ConvertS | ConvOp::ConvertU => VInst::IntToFloat {
                signed: op == ConvOp::ConvertS,
                size: size_of(from),
                double: ty == Ty::F64,
                dst,
                src,
            },
            // fcvtzs/fcvtzu saturate at the integer's range and give 0 for NaN:
            // Wasm's trunc_sat exactly.
            ConvOp::TruncS | ConvOp::TruncU => VInst::FloatToInt {
                signed: op == ConvOp::TruncS,
                size: size_of(ty),
                double: from == Ty::F64,
                dst,
                src,
            },
        };
        ctx.emit(i);
    }
}

fn compiled(f: &Func, listing: bool) -> Result<Compiled, Unsupported> {
    compile(&Arm64::default(), f, listing).map_err(Unsupported)
}

/// Lowers `f` to machine code with relocations for the symbols it uses.
pub fn lower(f: &Func) -> Result<Code, Unsupported> {
    compiled(f, false).map(|c| c.code)
}

/// The assembly listing of `f` as `-gcflags=-S` shows one: a header with the
/// function's name, code size and frame size, then each instruction with its offset
/// (hex and decimal) in LLVM's syntax, and the branch labels.
pub fn listing(f: &Func) -> Result<String, Unsupported> {
    let c = compiled(f, true)?;
    let mut out = format!(
        "{} STEXT size={} args={:#x} locals={:#x}\n",
        f.name,
        c.code.bytes.len(),
        8 * (f.sig.params.len() + f.sig.results.len()),
        c.frame.size
    );
    for l in c.listing {
        out.push_str(&l);
        out.push('\n');
    }
    Ok(out)
}

/// A code buffer for the stubs, emitting physical instructions.
pub(crate) fn emit_all(insts: &[Inst]) -> Code {
    let mut b = CodeBuffer::new();
    for i in insts {
        crate::inst::emit::emit(i, &mut b);
    }
    crate::inst::vinst::finish(b)
}

#[cfg(test)]
mod tests {
    use super::mov_imm;
    use crate::inst::{Inst, MoveWide, Xreg};

    /// The value the `movz`/`movn`/`movk` sequence leaves in its register.
    fn run(insts: &[Inst]) -> u64 {
        let mut r = 0u64;
        for i in insts {
            r = match i {
                Inst::MovWide { op, imm16, shift, .. } => {
                    let piece = u64::from(*imm16) << shift;
                    match op {
                        MoveWide::Z => piece,
                        MoveWide::N => !piece,
                        MoveWide::K => (r & !(0xffff << shift)) | piece,
                    }
                }
                Inst::LogicImm { rn: Xreg::ZR, imm, .. } => imm.value,
                _ => panic!("{i:?}"),
            };
        }
        r
    }

    #[test]
    fn immediates_take_the_fewest_instructions() {
        for (v, n) in [
            (0u64, 1),
            (60, 1),
            (0x1_0000, 1),
            (u64::MAX, 1),
            (-2i64 as u64, 1),
            (0xffff_ffff, 1),
            (0x1234_5678_9abc_def0, 4),
            (0x8000_0000_0000_0000, 1),
            (0x7fff_ffff_ffff_ffff, 1),
            (-4096i64 as u64, 1),
            (0x5555_5555_5555_5555, 1),
            (0x1234_0000_5678, 2),
        ] {
            let insts = mov_imm(Xreg::x(0), v);
            assert_eq!(run(&insts), v, "{v:#x}: {insts:?}");
            assert_eq!(insts.len(), n, "{v:#x}: {insts:?}");
        }
    }
}
