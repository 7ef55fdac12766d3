//! The instructions the lowering emits: arm64 operations over `codegen::Reg`s with
//! the operand constraints the register allocator needs, and, once allocated,
//! their expansion into encodable `Inst`s. arm64 is a three-address machine, so
//! almost every operand is a plain register; what an instruction cannot encode
//! (a far offset, a wide constant, a float constant) goes through the scratch
//! registers x16, x17 and v31, which no allocated value lives in. A few are short
//! sequences with their own branches (`memmove`, `memset`), as Cranelift's
//! AArch64 back end keeps its pseudo-instructions.

use codegen::emit::EmitCtx;
use codegen::machinst::{MachInst, OperandVisitor, Reg, Terminator, VBlock};
use codegen::regalloc2::{PReg, PRegSet};
use codegen::{Code, Label};

use super::emit::emit;
use super::{
    AddSubOp, AluOp, Amode, Cond, FmaOp, FpImm, FpuOp1, FpuOp2, ImmLogic, Inst, LogicOp, MemSize, MoveWide,
    ShiftOp, Size, Vreg, Xreg,
};
use crate::abi::{SCRATCH, SCRATCH_V, SCRATCH2};

/// A memory operand over allocatable registers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VAmode {
    /// `[base + off]`.
    Base { base: Reg, off: i64 },
    /// `[base + index]`, the index counted in elements of the access size when
    /// `scaled`.
    Index { base: Reg, index: Reg, scaled: bool },
    /// From the frame pointer: stack slots (below it), incoming stack arguments
    /// and results (16 bytes above it). Addressed from sp when that offset fits.
    Fp { off: i64 },
    /// From the stack pointer: the outgoing area.
    Sp { off: i64 },
}

impl VAmode {
    fn visit(&mut self, v: &mut dyn OperandVisitor) {
        match self {
            VAmode::Base { base, .. } => v.use_reg(base),
            VAmode::Index { base, index, .. } => {
                v.use_reg(base);
                v.use_reg(index);
            }
            VAmode::Fp { .. } | VAmode::Sp { .. } => {}
        }
    }
}

/// An add/subtract immediate: 12 bits, optionally shifted left by 12.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Imm12 {
    pub bits: u16,
    pub shift12: bool,
}

impl Imm12 {
    pub fn new(v: u64) -> Option<Imm12> {
        if v < 1 << 12 {
            Some(Imm12 { bits: v as u16, shift12: false })
        } else if v & 0xfff == 0 && v < 1 << 24 {
            Some(Imm12 { bits: (v >> 12) as u16, shift12: true })
        } else {
            None
        }
    }
}

/// The second operand of a compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpRhs {
    Reg(Reg),
    /// `cmp a, #imm`, or with `neg` `cmn a, #imm` (a compare with -imm: the same
    /// flags for a non-zero immediate).
    Imm {
        imm: Imm12,
        neg: bool,
    },
}

/// What sets the flags a branch, `cset` or `csel` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    Int {
        size: Size,
        a: Reg,
        b: CmpRhs,
    },
    /// `fcmp a, b`: unordered sets NZCV to 0011.
    Float {
        double: bool,
        a: Reg,
        b: Reg,
    },
}

impl Compare {
    fn visit(&mut self, v: &mut dyn OperandVisitor) {
        match self {
            Compare::Int { a, b, .. } => {
                v.use_reg(a);
                if let CmpRhs::Reg(b) = b {
                    v.use_reg(b);
                }
            }
            Compare::Float { a, b, .. } => {
                v.use_reg(a);
                v.use_reg(b);
            }
        }
    }

    fn emit(&self, e: &mut Emitter<'_, '_>) {
        match *self {
            Compare::Int { size, a, b: CmpRhs::Reg(b) } => {
                e.i(Inst::Alu { op: AluOp::Subs, size, rd: Xreg::ZR, rn: g(a), rm: g(b) })
            }
            Compare::Int { size, a, b: CmpRhs::Imm { imm, neg } } => e.i(Inst::AddSubImm {
                op: if neg { AddSubOp::Adds } else { AddSubOp::Subs },
                size,
                rd: Xreg::ZR,
                rn: g(a),
                imm12: imm.bits,
                shift12: imm.shift12,
            }),
            Compare::Float { double, a, b } => e.i(Inst::Fcmp { double, rn: v(a), rm: v(b) }),
        }
    }
}

/// When a conditional branch is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchCond {
    /// The condition after a compare.
    Cmp { cmp: Compare, cond: Cond },
    /// `cbnz` (`nonzero`) or `cbz` on a register.
    Zero { nonzero: bool, size: Size, reg: Reg },
}

/// A call's target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallTarget {
    Symbol(String),
    Reg(Reg),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VInst {
    /// Defines the function's register parameters at entry.
    Args {
        defs: Vec<(Reg, PReg)>,
    },
    /// Leaves the frame and returns; the results are in their registers.
    Ret {
        uses: Vec<(Reg, PReg)>,
    },
    /// `udf #0`.
    Trap,
    Jmp {
        target: VBlock,
    },
    Branch {
        cond: BranchCond,
        taken: VBlock,
        not_taken: VBlock,
    },
    /// A call; with `unwind`, followed by the test of the goroutine's panic flag
    /// that leaves the function while a panic unwinds (see `ir`).
    Call {
        target: CallTarget,
        uses: Vec<(Reg, PReg)>,
        defs: Vec<(Reg, PReg)>,
        clobbers: PRegSet,
        unwind: bool,
    },
    /// A check: when the condition holds, an out-of-line call of the panic
    /// function `func(0, args…)`, then the unwinding exit.
    Check {
        cond: BranchCond,
        func: String,
        args: Vec<Reg>,
    },
    /// `mov dst, src` (64-bit).
    Mov {
        dst: Reg,
        src: Reg,
    },
    /// The fewest instructions that leave `imm` in the low `size` bits of `dst`.
    MovImm {
        size: Size,
        dst: Reg,
        imm: u64,
    },
    /// A float constant by its bits: `fmov` of an immediate or of zr, or through x16.
    FConst {
        double: bool,
        dst: Reg,
        bits: u64,
    },
    /// `fmov dst, src` (64-bit: a single's register holds it in its low half).
    FMov {
        dst: Reg,
        src: Reg,
    },
    /// `fmov dN, xM` / `fmov sN, wM`.
    ToFloatBits {
        double: bool,
        dst: Reg,
        src: Reg,
    },
    /// `fmov xN, dM` / `fmov wN, sM`.
    FromFloatBits {
        double: bool,
        dst: Reg,
        src: Reg,
    },
    Load {
        size: MemSize,
        signed: bool,
        dst: Reg,
        addr: VAmode,
    },
    /// A store of the low `size` bytes of `src` (which may be the zero register).
    Store {
        size: MemSize,
        src: Reg,
        addr: VAmode,
    },
    FLoad {
        double: bool,
        dst: Reg,
        addr: VAmode,
    },
    FStore {
        double: bool,
        src: Reg,
        addr: VAmode,
    },
    /// `op dst, a, b`; `a` may be the zero register (`neg`, `mvn`).
    Alu {
        op: AluOp,
        size: Size,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `op dst, a, b, shift #amount`.
    AluShifted {
        op: AluOp,
        size: Size,
        dst: Reg,
        a: Reg,
        b: Reg,
        shift: ShiftOp,
        amount: u8,
    },
    /// `add`/`sub dst, a, #imm`.
    AddImm {
        sub: bool,
        size: Size,
        dst: Reg,
        a: Reg,
        imm: Imm12,
    },
    LogicImm {
        op: LogicOp,
        size: Size,
        dst: Reg,
        a: Reg,
        imm: ImmLogic,
    },
    /// `madd`/`msub dst, n, m, a`: a ± n·m; `a` may be the zero register (`mul`).
    MulAdd {
        sub: bool,
        size: Size,
        dst: Reg,
        n: Reg,
        m: Reg,
        a: Reg,
    },
    /// `sdiv`/`udiv` (a zero divisor gives 0; the generator checks it first).
    Div {
        signed: bool,
        size: Size,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `lslv`/`lsrv`/`asrv`: the count taken modulo the width, as the IR's shifts.
    Shift {
        op: ShiftOp,
        size: Size,
        dst: Reg,
        a: Reg,
        count: Reg,
    },
    ShiftImm {
        op: ShiftOp,
        size: Size,
        dst: Reg,
        a: Reg,
        imm: u8,
    },
    Extend {
        signed: bool,
        from: MemSize,
        size: Size,
        dst: Reg,
        src: Reg,
    },
    /// Count leading zeros, or trailing ones (`rbit` first).
    Bits {
        clz: bool,
        size: Size,
        dst: Reg,
        src: Reg,
    },
    /// Population count through v31: `cnt` per byte, `addv` to sum them.
    Popcnt {
        size: Size,
        dst: Reg,
        src: Reg,
    },
    /// `dst = cond ? 1 : 0` after the comparison.
    CSet {
        cmp: Compare,
        cond: Cond,
        dst: Reg,
    },
    /// `dst = cond ? if_true : if_false` after the comparison.
    Csel {
        cmp: Compare,
        cond: Cond,
        size: Size,
        dst: Reg,
        if_true: Reg,
        if_false: Reg,
    },
    FCsel {
        cmp: Compare,
        cond: Cond,
        double: bool,
        dst: Reg,
        if_true: Reg,
        if_false: Reg,
    },
    Fpu2 {
        op: FpuOp2,
        double: bool,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// A fused multiply-add: `op dst, n, m, a`, one rounding.
    Fma {
        op: FmaOp,
        double: bool,
        dst: Reg,
        n: Reg,
        m: Reg,
        a: Reg,
    },
    Fpu1 {
        op: FpuOp1,
        double: bool,
        dst: Reg,
        src: Reg,
    },
    /// `a`'s magnitude with `b`'s sign, by the bits in x16 and x17.
    Copysign {
        double: bool,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    IntToFloat {
        signed: bool,
        size: Size,
        double: bool,
        dst: Reg,
        src: Reg,
    },
    /// Float to integer, saturating at the integer's range, NaN giving 0: Wasm's
    /// `trunc_sat`, which `fcvtzs`/`fcvtzu` are.
    FloatToInt {
        signed: bool,
        size: Size,
        double: bool,
        dst: Reg,
        src: Reg,
    },
    FloatToFloat {
        to_double: bool,
        dst: Reg,
        src: Reg,
    },
    /// `adrp dst, symbol; add dst, dst, :lo12:symbol`.
    SymAddr {
        dst: Reg,
        symbol: String,
    },
    /// `dst = x29 + off`: a stack slot's address.
    SlotAddr {
        dst: Reg,
        off: i64,
    },
    /// memmove(dst, src, len), eight bytes at a time, then bytes.
    MemMove {
        dst: Reg,
        src: Reg,
        len: Reg,
    },
    /// memset(dst, 0, len), eight bytes at a time, then bytes.
    MemZero {
        dst: Reg,
        len: Reg,
    },
}

fn fixed_uses(list: &mut [(Reg, PReg)], v: &mut dyn OperandVisitor) {
    for (r, p) in list {
        v.fixed_use(r, *p);
    }
}

fn fixed_defs(list: &mut [(Reg, PReg)], v: &mut dyn OperandVisitor) {
    for (r, p) in list {
        v.fixed_def(r, *p);
    }
}

impl MachInst for VInst {
    fn visit_operands(&mut self, v: &mut dyn OperandVisitor) {
        match self {
            VInst::Args { defs } => fixed_defs(defs, v),
            VInst::Ret { uses } => fixed_uses(uses, v),
            VInst::Trap | VInst::Jmp { .. } => {}
            VInst::Branch { cond, .. } => match cond {
                BranchCond::Cmp { cmp, .. } => cmp.visit(v),
                BranchCond::Zero { reg, .. } => v.use_reg(reg),
            },
            VInst::Check { cond, args, .. } => {
                match cond {
                    BranchCond::Cmp { cmp, .. } => cmp.visit(v),
                    BranchCond::Zero { reg, .. } => v.use_reg(reg),
                }
                for a in args {
                    v.use_reg(a);
                }
            }
            VInst::Call { target, uses, defs, .. } => {
                if let CallTarget::Reg(r) = target {
                    v.use_reg(r);
                }
                fixed_uses(uses, v);
                fixed_defs(defs, v);
            }
            VInst::Mov { dst, src }
            | VInst::FMov { dst, src }
            | VInst::ToFloatBits { dst, src, .. }
            | VInst::FromFloatBits { dst, src, .. }
            | VInst::Extend { dst, src, .. }
            | VInst::Bits { dst, src, .. }
            | VInst::Popcnt { dst, src, .. }
            | VInst::Fpu1 { dst, src, .. }
            | VInst::IntToFloat { dst, src, .. }
            | VInst::FloatToInt { dst, src, .. }
            | VInst::FloatToFloat { dst, src, .. } => {
                v.use_reg(src);
                v.def_reg(dst);
            }
            VInst::MovImm { dst, .. }
            | VInst::FConst { dst, .. }
            | VInst::SymAddr { dst, .. }
            | VInst::SlotAddr { dst, .. } => v.def_reg(dst),
            VInst::Load { dst, addr, .. } | VInst::FLoad { dst, addr, .. } => {
                addr.visit(v);
                v.def_reg(dst);
            }
            VInst::Store { src, addr, .. } | VInst::FStore { src, addr, .. } => {
                v.use_reg(src);
                addr.visit(v);
            }
            VInst::Alu { dst, a, b, .. }
            | VInst::AluShifted { dst, a, b, .. }
            | VInst::Div { dst, a, b, .. }
            | VInst::Fpu2 { dst, a, b, .. }
            | VInst::Copysign { dst, a, b, .. }
            | VInst::Shift { dst, a, count: b, .. } => {
                v.use_reg(a);
                v.use_reg(b);
                v.def_reg(dst);
            }
            VInst::AddImm { dst, a, .. }
            | VInst::LogicImm { dst, a, .. }
            | VInst::ShiftImm { dst, a, .. } => {
                v.use_reg(a);
                v.def_reg(dst);
            }
            VInst::MulAdd { dst, n, m, a, .. } | VInst::Fma { dst, n, m, a, .. } => {
                v.use_reg(n);
                v.use_reg(m);
                v.use_reg(a);
                v.def_reg(dst);
            }
            VInst::CSet { cmp, dst, .. } => {
                cmp.visit(v);
                v.def_reg(dst);
            }
            VInst::Csel { cmp, dst, if_true, if_false, .. }
            | VInst::FCsel { cmp, dst, if_true, if_false, .. } => {
                cmp.visit(v);
                v.use_reg(if_true);
                v.use_reg(if_false);
                v.def_reg(dst);
            }
            VInst::MemMove { dst, src, len } => {
                v.use_reg(dst);
                v.use_reg(src);
                v.use_reg(len);
            }
            VInst::MemZero { dst, len } => {
                v.use_reg(dst);
                v.use_reg(len);
            }
        }
    }

    fn clobbers(&self) -> PRegSet {
        match self {
            VInst::Call { clobbers, .. } => *clobbers,
            _ => PRegSet::empty(),
        }
    }

    fn terminator(&self) -> Terminator {
        match self {
            VInst::Ret { .. } | VInst::Trap => Terminator::Ret,
            VInst::Jmp { .. } | VInst::Branch { .. } => Terminator::Branch,
            _ => Terminator::None,
        }
    }

    fn jump_target(&self) -> Option<VBlock> {
        match self {
            VInst::Jmp { target } => Some(*target),
            _ => None,
        }
    }
}

/// The general register of an allocated `Reg` (hardware number 31: the zero
/// register; never virtual once allocated).
pub fn g(r: Reg) -> Xreg {
    match r.to_phys().map(|p| p.hw_enc()) {
        Some(n @ 0..=30) => Xreg::x(n as u8),
        Some(_) => Xreg::ZR,
        None => SCRATCH,
    }
}

pub fn v(r: Reg) -> Vreg {
    Vreg(r.hw() & 31)
}

/// The instructions that put `imm` in the low `size` bits of `rd`: one `movz` or
/// `movn` and a `movk` per further 16-bit piece that differs, or one `orr` of a
/// bitmask immediate when that is shorter.
pub fn move_wide(rd: Xreg, imm: u64, size: Size) -> Vec<Inst> {
    let n = size.bits() / 16;
    let pieces = |v: u64| (0..n).map(move |i| (v >> (16 * i)) as u16);
    let zeros = pieces(imm).filter(|p| *p == 0).count();
    let ones = pieces(imm).filter(|p| *p == 0xffff).count();
    let inverted = ones > zeros;
    let fill = if inverted { 0xffff } else { 0 };
    let mut out = Vec::new();
    for (i, p) in pieces(imm).enumerate() {
        if p == fill {
            continue;
        }
        let shift = 16 * i as u8;
        out.push(if out.is_empty() {
            let (op, imm16) = if inverted { (MoveWide::N, !p) } else { (MoveWide::Z, p) };
            Inst::MovWide { op, size, rd, imm16, shift }
        } else {
            Inst::MovWide { op: MoveWide::K, size, rd, imm16: p, shift }
        });
    }
    if out.is_empty() {
        let op = if inverted { MoveWide::N } else { MoveWide::Z };
        out.push(Inst::MovWide { op, size, rd, imm16: 0, shift: 0 });
    }
    if out.len() > 1
        && let Some(imm) = ImmLogic::new(imm, size)
    {
        return vec![Inst::LogicImm { op: LogicOp::Orr, size, rd, rn: Xreg::ZR, imm }];
    }
    out
}

/// Emits physical instructions into the context, with their listing lines.
pub(crate) struct Emitter<'c, 'a> {
    pub ctx: &'c mut EmitCtx<'a>,
}

impl Emitter<'_, '_> {
    pub fn i(&mut self, inst: Inst) {
        self.ctx.line(|| inst.text());
        emit(&inst, &mut self.ctx.buf);
    }

    /// Leaves the frame and returns.
    pub fn epilogue(&mut self) {
        if self.ctx.frame.size > 0 {
            self.i(Inst::AddSubImm {
                op: AddSubOp::Add,
                size: Size::X,
                rd: Xreg::SP,
                rn: Xreg::FP,
                imm12: 0,
                shift12: false,
            });
        }
        self.i(Inst::LdpPost { rt: Xreg::FP, rt2: Xreg::LR, base: Xreg::SP, off: 16 });
        self.i(Inst::Ret);
    }

    fn label(&mut self) -> Label {
        self.ctx.buf.new_label()
    }

    fn bind(&mut self, l: Label) {
        self.ctx.bind(l);
    }

    pub fn b(&mut self, target: Label) {
        self.i(Inst::B { target });
    }

    fn bcond(&mut self, cond: Cond, target: Label) {
        self.i(Inst::BCond { cond, target });
    }

    pub fn imm(&mut self, rd: Xreg, imm: u64, size: Size) {
        for i in move_wide(rd, imm, size) {
            self.i(i);
        }
    }

    pub fn mov(&mut self, rd: Xreg, rn: Xreg) {
        if rd != rn {
            self.i(Inst::Alu { op: AluOp::Orr, size: Size::X, rd, rn: Xreg::ZR, rm: rn });
        }
    }

    fn fmov(&mut self, rd: Vreg, rn: Vreg) {
        if rd != rn {
            self.i(Inst::FmovRR { double: true, rd, rn });
        }
    }

    /// `rd = rn + imm` (`rn` and `rd` may be sp), through x16 when no immediate
    /// form holds `imm`.
    pub fn add_imm(&mut self, rd: Xreg, rn: Xreg, imm: i64) {
        let (sub, mag) = (imm < 0, imm.unsigned_abs());
        let op = if sub { AddSubOp::Sub } else { AddSubOp::Add };
        if let Some(i) = Imm12::new(mag) {
            return self.i(Inst::AddSubImm { op, size: Size::X, rd, rn, imm12: i.bits, shift12: i.shift12 });
        }
        if mag < 1 << 24 {
            self.i(Inst::AddSubImm { op, size: Size::X, rd, rn, imm12: (mag >> 12) as u16, shift12: true });
            let lo = (mag & 0xfff) as u16;
            return self.i(Inst::AddSubImm { op, size: Size::X, rd, rn: rd, imm12: lo, shift12: false });
        }
        self.imm(SCRATCH, mag, Size::X);
        self.i(Inst::AddSubExt { sub, rd, rn, rm: SCRATCH });
    }

    /// The operand for an access of `bytes` at `base + off`, through `SCRATCH2`
    /// when the offset fits neither immediate form.
    pub fn offset(&mut self, base: Xreg, off: i64, bytes: u32) -> Amode {
        let b = i64::from(bytes);
        if off >= 0 && off % b == 0 && off / b < 4096 {
            return Amode::Scaled { base, off: off as u32 };
        }
        if (-256..256).contains(&off) {
            return Amode::Unscaled { base, off: off as i16 };
        }
        self.imm(SCRATCH2, off as u64, Size::X);
        Amode::Reg { base, index: SCRATCH2 }
    }

    fn amode(&mut self, addr: &VAmode, bytes: u32) -> Amode {
        match *addr {
            VAmode::Base { base, off } => self.offset(g(base), off, bytes),
            VAmode::Index { base, index, scaled: true } => {
                Amode::RegScaled { base: g(base), index: g(index) }
            }
            VAmode::Index { base, index, scaled: false } => Amode::Reg { base: g(base), index: g(index) },
            VAmode::Fp { off } => {
                // From sp, where the scaled form reaches further and has no sign.
                let from_sp = i64::from(self.ctx.frame.size) + off;
                let b = i64::from(bytes);
                if from_sp % b == 0 && (0..4096 * b).contains(&from_sp) {
                    return Amode::Scaled { base: Xreg::SP, off: from_sp as u32 };
                }
                self.offset(Xreg::FP, off, bytes)
            }
            VAmode::Sp { off } => self.offset(Xreg::SP, off, bytes),
        }
    }

    /// A float constant into `rd`: zero from zr, an 8-bit immediate, or the bits
    /// through x16.
    fn fconst(&mut self, double: bool, rd: Vreg, bits: u64) {
        let bits = if double { bits } else { bits & 0xffff_ffff };
        if bits == 0 {
            return self.i(Inst::FmovToFp { double, rd, rn: Xreg::ZR });
        }
        if let Some(imm) = FpImm::new(bits, double) {
            return self.i(Inst::FmovImm { double, rd, imm });
        }
        let size = if double { Size::X } else { Size::W };
        self.imm(SCRATCH, bits, size);
        self.i(Inst::FmovToFp { double, rd, rn: SCRATCH });
    }
}

fn fp_bytes(double: bool) -> u32 {
    if double { 8 } else { 4 }
}

impl VInst {
    /// Emits the allocated instruction.
    pub fn emit(&self, ctx: &mut EmitCtx<'_>) {
        let mut e = Emitter { ctx };
        match self {
            VInst::Args { .. } => {}
            VInst::Ret { .. } => e.epilogue(),
            VInst::Trap => e.i(Inst::Udf),
            VInst::Jmp { target } => {
                if !e.ctx.falls_to(*target) {
                    let l = e.ctx.label(*target);
                    e.b(l);
                }
            }
            VInst::Branch { cond, taken, not_taken } => {
                let (lt, ln) = (e.ctx.label(*taken), e.ctx.label(*not_taken));
                let (t_next, n_next) = (e.ctx.falls_to(*taken), e.ctx.falls_to(*not_taken));
                if lt == ln {
                    // Both ways lead to one block (once jump-only blocks are
                    // forwarded): no test needed.
                    if !t_next {
                        e.b(lt);
                    }
                    return;
                }
                // Branch to `taken` when the condition holds, or to `not_taken`
                // when it does not if `taken` is next.
                let (invert, target) = if t_next { (true, ln) } else { (false, lt) };
                match *cond {
                    BranchCond::Cmp { cmp, cond } => {
                        cmp.emit(&mut e);
                        e.bcond(if invert { cond.invert() } else { cond }, target);
                    }
                    BranchCond::Zero { nonzero, size, reg } => {
                        e.i(Inst::Cbz { nonzero: nonzero != invert, size, rt: g(reg), target });
                    }
                }
                if !t_next && !n_next {
                    e.b(ln);
                }
            }
            VInst::Call { target, unwind, .. } => {
                match target {
                    CallTarget::Symbol(s) => e.i(Inst::Bl { symbol: s.clone() }),
                    CallTarget::Reg(r) => e.i(Inst::Blr { rn: g(*r) }),
                }
                if *unwind {
                    let l = e.ctx.unwind_label();
                    let flag = Amode::Scaled { base: crate::abi::G, off: 0 };
                    e.i(Inst::Load { size: MemSize::W, signed: false, rd: SCRATCH, addr: flag });
                    e.i(Inst::Cbz { nonzero: true, size: Size::W, rt: SCRATCH, target: l });
                }
            }
            VInst::Check { cond, func, args } => {
                let regs = args.iter().filter_map(|a| a.to_phys()).collect();
                let island = e.ctx.island(func, regs);
                match *cond {
                    BranchCond::Cmp { cmp, cond } => {
                        cmp.emit(&mut e);
                        e.bcond(cond, island);
                    }
                    BranchCond::Zero { nonzero, size, reg } => {
                        e.i(Inst::Cbz { nonzero, size, rt: g(reg), target: island });
                    }
                }
            }
            VInst::Mov { dst, src } => e.mov(g(*dst), g(*src)),
            VInst::MovImm { size, dst, imm } => e.imm(g(*dst), *imm, *size),
            VInst::FConst { double, dst, bits } => e.fconst(*double, v(*dst), *bits),
            VInst::FMov { dst, src } => e.fmov(v(*dst), v(*src)),
            VInst::ToFloatBits { double, dst, src } => {
                e.i(Inst::FmovToFp { double: *double, rd: v(*dst), rn: g(*src) })
            }
            VInst::FromFloatBits { double, dst, src } => {
                e.i(Inst::FmovFromFp { double: *double, rd: g(*dst), rn: v(*src) })
            }
            VInst::Load { size, signed, dst, addr } => {
                let addr = e.amode(addr, size.bytes());
                e.i(Inst::Load { size: *size, signed: *signed, rd: g(*dst), addr });
            }
            VInst::Store { size, src, addr } => {
                let addr = e.amode(addr, size.bytes());
                e.i(Inst::Store { size: *size, rt: g(*src), addr });
            }
            VInst::FLoad { double, dst, addr } => {
                let addr = e.amode(addr, fp_bytes(*double));
                e.i(Inst::FLoad { double: *double, rd: v(*dst), addr });
            }
            VInst::FStore { double, src, addr } => {
                let addr = e.amode(addr, fp_bytes(*double));
                e.i(Inst::FStore { double: *double, rt: v(*src), addr });
            }
            VInst::Alu { op, size, dst, a, b } => {
                e.i(Inst::Alu { op: *op, size: *size, rd: g(*dst), rn: g(*a), rm: g(*b) })
            }
            VInst::AluShifted { op, size, dst, a, b, shift, amount } => e.i(Inst::AluShifted {
                op: *op,
                size: *size,
                rd: g(*dst),
                rn: g(*a),
                rm: g(*b),
                shift: *shift,
                amount: *amount,
            }),
            VInst::AddImm { sub, size, dst, a, imm } => e.i(Inst::AddSubImm {
                op: if *sub { AddSubOp::Sub } else { AddSubOp::Add },
                size: *size,
                rd: g(*dst),
                rn: g(*a),
                imm12: imm.bits,
                shift12: imm.shift12,
            }),
            VInst::LogicImm { op, size, dst, a, imm } => {
                e.i(Inst::LogicImm { op: *op, size: *size, rd: g(*dst), rn: g(*a), imm: *imm })
            }
            VInst::MulAdd { sub, size, dst, n, m, a } => {
                e.i(Inst::MulAdd { sub: *sub, size: *size, rd: g(*dst), rn: g(*n), rm: g(*m), ra: g(*a) })
            }
            VInst::Div { signed, size, dst, a, b } => {
                e.i(Inst::Div { signed: *signed, size: *size, rd: g(*dst), rn: g(*a), rm: g(*b) })
            }
            VInst::Shift { op, size, dst, a, count } => {
                e.i(Inst::Shift { op: *op, size: *size, rd: g(*dst), rn: g(*a), rm: g(*count) })
            }
            VInst::ShiftImm { op, size, dst, a, imm } => {
                e.i(Inst::ShiftImm { op: *op, size: *size, rd: g(*dst), rn: g(*a), imm: *imm })
            }
            VInst::Extend { signed, from, size, dst, src } => {
                e.i(Inst::Extend { signed: *signed, from: *from, size: *size, rd: g(*dst), rn: g(*src) })
            }
            VInst::Bits { clz, size, dst, src } => {
                let (d, s) = (g(*dst), g(*src));
                if *clz {
                    e.i(Inst::Clz { size: *size, rd: d, rn: s });
                } else {
                    e.i(Inst::Rbit { size: *size, rd: d, rn: s });
                    e.i(Inst::Clz { size: *size, rd: d, rn: d });
                }
            }
            VInst::Popcnt { size, dst, src } => {
                // As Go's arm64 back end does it: the bytes' counts summed.
                let double = *size == Size::X;
                e.i(Inst::FmovToFp { double, rd: SCRATCH_V, rn: g(*src) });
                e.i(Inst::Cnt { rd: SCRATCH_V, rn: SCRATCH_V });
                e.i(Inst::Addv { rd: SCRATCH_V, rn: SCRATCH_V });
                e.i(Inst::FmovFromFp { double: false, rd: g(*dst), rn: SCRATCH_V });
            }
            VInst::CSet { cmp, cond, dst } => {
                cmp.emit(&mut e);
                e.i(Inst::Cset { size: Size::W, rd: g(*dst), cond: *cond });
            }
            VInst::Csel { cmp, cond, size, dst, if_true, if_false } => {
                cmp.emit(&mut e);
                e.i(Inst::Csel { size: *size, rd: g(*dst), rn: g(*if_true), rm: g(*if_false), cond: *cond });
            }
            VInst::FCsel { cmp, cond, double, dst, if_true, if_false } => {
                cmp.emit(&mut e);
                e.i(Inst::FCsel {
                    double: *double,
                    rd: v(*dst),
                    rn: v(*if_true),
                    rm: v(*if_false),
                    cond: *cond,
                });
            }
            VInst::Fpu2 { op, double, dst, a, b } => {
                e.i(Inst::Fpu2 { op: *op, double: *double, rd: v(*dst), rn: v(*a), rm: v(*b) })
            }
            VInst::Fma { op, double, dst, n, m, a } => {
                e.i(Inst::Fma { op: *op, double: *double, rd: v(*dst), rn: v(*n), rm: v(*m), ra: v(*a) })
            }
            VInst::Fpu1 { op, double, dst, src } => {
                e.i(Inst::Fpu1 { op: *op, double: *double, rd: v(*dst), rn: v(*src) })
            }
            VInst::Copysign { double, dst, a, b } => {
                // dst = (a &^ sign) | (b & sign), on the bits.
                let size = if *double { Size::X } else { Size::W };
                let sign: u64 = if *double { 1 << 63 } else { 1 << 31 };
                e.i(Inst::FmovFromFp { double: *double, rd: SCRATCH, rn: v(*a) });
                e.i(Inst::FmovFromFp { double: *double, rd: SCRATCH2, rn: v(*b) });
                // A single bit, and all bits but one, are each one run of ones in
                // the register: bitmask immediates of either width.
                let (magnitude, sign) = (ImmLogic::new(!sign, size), ImmLogic::new(sign, size));
                if let (Some(magnitude), Some(sign)) = (magnitude, sign) {
                    e.i(Inst::LogicImm { op: LogicOp::And, size, rd: SCRATCH, rn: SCRATCH, imm: magnitude });
                    e.i(Inst::LogicImm { op: LogicOp::And, size, rd: SCRATCH2, rn: SCRATCH2, imm: sign });
                }
                e.i(Inst::Alu { op: AluOp::Orr, size, rd: SCRATCH, rn: SCRATCH, rm: SCRATCH2 });
                e.i(Inst::FmovToFp { double: *double, rd: v(*dst), rn: SCRATCH });
            }
            VInst::IntToFloat { signed, size, double, dst, src } => e.i(Inst::IntToFloat {
                signed: *signed,
                size: *size,
                double: *double,
                rd: v(*dst),
                rn: g(*src),
            }),
            VInst::FloatToInt { signed, size, double, dst, src } => e.i(Inst::FloatToInt {
                signed: *signed,
                size: *size,
                double: *double,
                rd: g(*dst),
                rn: v(*src),
            }),
            VInst::FloatToFloat { to_double, dst, src } => {
                e.i(Inst::FloatToFloat { to_double: *to_double, rd: v(*dst), rn: v(*src) })
            }
            VInst::SymAddr { dst, symbol } => {
                let d = g(*dst);
                e.i(Inst::Adrp { rd: d, symbol: symbol.clone() });
                e.i(Inst::AddLo12 { rd: d, rn: d, symbol: symbol.clone() });
            }
            VInst::SlotAddr { dst, off } => e.add_imm(g(*dst), Xreg::FP, *off),
            VInst::MemMove { dst, src, len } => e.memmove(g(*dst), g(*src), g(*len)),
            VInst::MemZero { dst, len } => e.memzero(g(*dst), g(*len)),
        }
    }
}

impl Emitter<'_, '_> {
    fn cmp_imm(&mut self, rn: Xreg, imm: u16) {
        self.i(Inst::AddSubImm {
            op: AddSubOp::Subs,
            size: Size::X,
            rd: Xreg::ZR,
            rn,
            imm12: imm,
            shift12: false,
        });
    }

    fn cmp(&mut self, rn: Xreg, rm: Xreg) {
        self.i(Inst::Alu { op: AluOp::Subs, size: Size::X, rd: Xreg::ZR, rn, rm });
    }

    fn add_small(&mut self, sub: bool, rd: Xreg, imm: u16) {
        let op = if sub { AddSubOp::Sub } else { AddSubOp::Add };
        self.i(Inst::AddSubImm { op, size: Size::X, rd, rn: rd, imm12: imm, shift12: false });
    }

    /// memmove(d, s, n): forwards unless the destination overlaps the end of the
    /// source, then backwards; eight bytes at a time while eight remain, then
    /// bytes. x16 is the offset, x17 the data (and the remaining count).
    fn memmove(&mut self, d: Xreg, s: Xreg, n: Xreg) {
        let (i, t) = (SCRATCH, SCRATCH2);
        let (fwd, f8, f1, b8, b1, done) =
            (self.label(), self.label(), self.label(), self.label(), self.label(), self.label());
        let (x8, b) = (|base, index| Amode::Reg { base, index }, MemSize::B);
        self.cmp(d, s);
        self.bcond(Cond::Ls, fwd);
        self.i(Inst::Alu { op: AluOp::Add, size: Size::X, rd: t, rn: s, rm: n });
        self.cmp(d, t);
        self.bcond(Cond::Hs, fwd);
        // Backwards: from the end, the highest chunk first.
        self.mov(i, n);
        self.bind(b8);
        self.cmp_imm(i, 8);
        self.bcond(Cond::Lo, b1);
        self.add_small(true, i, 8);
        self.i(Inst::Load { size: MemSize::X, signed: false, rd: t, addr: x8(s, i) });
        self.i(Inst::Store { size: MemSize::X, rt: t, addr: x8(d, i) });
        self.b(b8);
        self.bind(b1);
        self.i(Inst::Cbz { nonzero: false, size: Size::X, rt: i, target: done });
        self.add_small(true, i, 1);
        self.i(Inst::Load { size: b, signed: false, rd: t, addr: x8(s, i) });
        self.i(Inst::Store { size: b, rt: t, addr: x8(d, i) });
        self.b(b1);
        // Forwards.
        self.bind(fwd);
        self.imm(i, 0, Size::X);
        self.bind(f8);
        self.i(Inst::Alu { op: AluOp::Sub, size: Size::X, rd: t, rn: n, rm: i });
        self.cmp_imm(t, 8);
        self.bcond(Cond::Lo, f1);
        self.i(Inst::Load { size: MemSize::X, signed: false, rd: t, addr: x8(s, i) });
        self.i(Inst::Store { size: MemSize::X, rt: t, addr: x8(d, i) });
        self.add_small(false, i, 8);
        self.b(f8);
        self.bind(f1);
        self.cmp(i, n);
        self.bcond(Cond::Hs, done);
        self.i(Inst::Load { size: b, signed: false, rd: t, addr: x8(s, i) });
        self.i(Inst::Store { size: b, rt: t, addr: x8(d, i) });
        self.add_small(false, i, 1);
        self.b(f1);
        self.bind(done);
    }

    /// memset(d, 0, n): eight bytes at a time while eight remain, then bytes.
    fn memzero(&mut self, d: Xreg, n: Xreg) {
        let (i, t) = (SCRATCH, SCRATCH2);
        let (w8, w1, done) = (self.label(), self.label(), self.label());
        let at = Amode::Reg { base: d, index: i };
        self.imm(i, 0, Size::X);
        self.bind(w8);
        self.i(Inst::Alu { op: AluOp::Sub, size: Size::X, rd: t, rn: n, rm: i });
        self.cmp_imm(t, 8);
        self.bcond(Cond::Lo, w1);
        self.i(Inst::Store { size: MemSize::X, rt: Xreg::ZR, addr: at.clone() });
        self.add_small(false, i, 8);
        self.b(w8);
        self.bind(w1);
        self.cmp(i, n);
        self.bcond(Cond::Hs, done);
        self.i(Inst::Store { size: MemSize::B, rt: Xreg::ZR, addr: at });
        self.add_small(false, i, 1);
        self.b(w1);
        self.bind(done);
    }
}

/// Finishes a code buffer built by hand (the stubs), whose labels are all bound.
pub fn finish(buf: codegen::CodeBuffer) -> Code {
    buf.finish().unwrap_or_else(|_| Code { bytes: vec![], relocs: vec![] })
}
