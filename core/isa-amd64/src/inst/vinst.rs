//! The instructions the lowering emits: amd64 operations over `codegen::Reg`s, with
//! the operand constraints the register allocator needs (two-address forms reuse
//! their first source's register, divisions and shifts want rax/rdx/rcx) and, once
//! allocated, their expansion into encodable `Inst`s. Some are short sequences with
//! their own branches (float rounding, saturating conversions, `memmove`), as
//! Cranelift's x64 back end keeps its pseudo-instructions.

use codegen::emit::EmitCtx;
use codegen::machinst::{MachInst, OperandVisitor, Reg, Terminator, VBlock};
use codegen::regalloc2::{PReg, PRegSet};
use codegen::{Code, Label};

use super::emit::emit;
use super::{AluOp, Amode, Cond, Gpr, Inst, ShiftOp, Size, SseLogicOp, SseOp, Xmm};
use crate::abi::{SCRATCH, SCRATCH_X, to_gpr};

/// A memory operand over allocatable registers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VAmode {
    BaseDisp {
        base: Reg,
        disp: i32,
    },
    BaseIndex {
        base: Reg,
        index: Reg,
        scale: u8,
        disp: i32,
    },
    Rip {
        symbol: String,
        addend: i32,
    },
    /// From the frame pointer: stack slots, incoming stack arguments and results.
    Fp {
        disp: i32,
    },
    /// From the stack pointer: the outgoing area.
    Sp {
        disp: i32,
    },
}

impl VAmode {
    fn visit(&mut self, v: &mut dyn OperandVisitor) {
        match self {
            VAmode::BaseDisp { base, .. } => v.use_reg(base),
            VAmode::BaseIndex { base, index, .. } => {
                v.use_reg(base);
                v.use_reg(index);
            }
            VAmode::Rip { .. } | VAmode::Fp { .. } | VAmode::Sp { .. } => {}
        }
    }

    fn phys(&self) -> Amode {
        match self {
            VAmode::BaseDisp { base, disp } => Amode::BaseDisp { base: g(*base), disp: *disp },
            VAmode::BaseIndex { base, index, scale, disp } => {
                Amode::BaseIndex { base: g(*base), index: g(*index), scale: *scale, disp: *disp }
            }
            VAmode::Rip { symbol, addend } => Amode::Rip { symbol: symbol.clone(), addend: *addend },
            VAmode::Fp { disp } => Amode::BaseDisp { base: Gpr::Rbp, disp: *disp },
            VAmode::Sp { disp } => Amode::BaseDisp { base: Gpr::Rsp, disp: *disp },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegImm {
    Reg(Reg),
    Imm(i32),
}

impl RegImm {
    fn visit(&mut self, v: &mut dyn OperandVisitor) {
        if let RegImm::Reg(r) = self {
            v.use_reg(r);
        }
    }
}

/// What sets the flags a branch, `setcc` or `cmov` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    /// `cmp a, b`.
    Int { size: Size, a: Reg, b: RegImm },
    /// `test a, a`.
    Test { size: Size, a: Reg },
    /// `ucomisd`/`ucomiss a, b`.
    Float { double: bool, a: Reg, b: Reg },
}

impl Compare {
    fn visit(&mut self, v: &mut dyn OperandVisitor) {
        match self {
            Compare::Int { a, b, .. } => {
                v.use_reg(a);
                b.visit(v);
            }
            Compare::Test { a, .. } => v.use_reg(a),
            Compare::Float { a, b, .. } => {
                v.use_reg(a);
                v.use_reg(b);
            }
        }
    }

    fn emit(&self, e: &mut Emitter<'_, '_>) {
        match *self {
            Compare::Int { size, a, b: RegImm::Reg(b) } => {
                e.i(Inst::Alu { op: AluOp::Cmp, size, dst: g(a), src: g(b) })
            }
            Compare::Int { size, a, b: RegImm::Imm(imm) } => {
                e.i(Inst::AluImm { op: AluOp::Cmp, size, dst: g(a), imm })
            }
            Compare::Test { size, a } => e.i(Inst::Test { size, a: g(a), b: g(a) }),
            Compare::Float { double, a, b } => e.i(Inst::Ucomis { double, a: x(a), b: x(b) }),
        }
    }
}

/// A condition on the flags: one condition code, or a float equality (which must
/// also test parity: an unordered comparison sets ZF).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cc {
    Is(Cond),
    /// Ordered and equal: ZF and not PF.
    FEq,
    /// Unordered or unequal: not ZF, or PF.
    FNe,
}

/// Float rounding to an integral value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundOp {
    Floor,
    Ceil,
    Trunc,
    Nearest,
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
    /// `ud2`.
    Trap,
    Jmp {
        target: VBlock,
    },
    Branch {
        cmp: Compare,
        cc: Cc,
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
        cmp: Compare,
        cc: Cc,
        func: String,
        args: Vec<Reg>,
    },
    MovRR {
        dst: Reg,
        src: Reg,
    },
    MovImm {
        dst: Reg,
        imm: u64,
    },
    /// A float constant by its bits (through the scratch register).
    FConst {
        double: bool,
        dst: Reg,
        bits: u64,
    },
    MovX {
        dst: Reg,
        src: Reg,
    },
    GprToXmm {
        size: Size,
        dst: Reg,
        src: Reg,
    },
    XmmToGpr {
        size: Size,
        dst: Reg,
        src: Reg,
    },
    Load {
        size: Size,
        signed: bool,
        dst: Reg,
        addr: VAmode,
    },
    LoadX {
        double: bool,
        dst: Reg,
        addr: VAmode,
    },
    Store {
        size: Size,
        src: Reg,
        addr: VAmode,
    },
    StoreImm {
        size: Size,
        imm: i32,
        addr: VAmode,
    },
    StoreX {
        double: bool,
        src: Reg,
        addr: VAmode,
    },
    Lea {
        dst: Reg,
        addr: VAmode,
    },
    /// `dst = a op b`, dst in a's register.
    Alu {
        op: AluOp,
        size: Size,
        dst: Reg,
        a: Reg,
        b: RegImm,
    },
    Imul {
        size: Size,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    ImulImm {
        size: Size,
        dst: Reg,
        src: Reg,
        imm: i32,
    },
    /// A shift by cl (`count` in rcx) or by an immediate.
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
    Neg {
        size: Size,
        dst: Reg,
        a: Reg,
    },
    Not {
        size: Size,
        dst: Reg,
        a: Reg,
    },
    /// `movsx`/`movsxd dst, src` from the low `from` bytes, to 64 bits.
    SignExtend {
        from: Size,
        dst: Reg,
        src: Reg,
    },
    /// `mov dst32, src32`: the low half, zero-extended.
    ZeroExtend32 {
        dst: Reg,
        src: Reg,
    },
    /// rdx:rax by `divisor`: quotient in rax, remainder in rdx.
    Div {
        signed: bool,
        size: Size,
        dividend: Reg,
        divisor: Reg,
        quo: Reg,
        rem: Reg,
    },
    /// `dst = cc ? 1 : 0` after the comparison (`tmp` for float equality).
    CmpSet {
        cmp: Compare,
        cc: Cc,
        dst: Reg,
        tmp: Reg,
    },
    /// `dst = cc ? if_true : if_false`, dst in if_false's register.
    Cmov {
        cmp: Compare,
        cond: Cond,
        size: Size,
        dst: Reg,
        if_true: Reg,
        if_false: Reg,
    },
    /// A float select on an integer condition (non-zero: if_true).
    FSelect {
        cond: Reg,
        dst: Reg,
        if_true: Reg,
        if_false: Reg,
    },
    Sse {
        op: SseOp,
        double: bool,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Sqrt {
        double: bool,
        dst: Reg,
        src: Reg,
    },
    /// Negation or absolute value by the sign bit.
    FSign {
        abs: bool,
        double: bool,
        dst: Reg,
        a: Reg,
    },
    Copysign {
        double: bool,
        dst: Reg,
        a: Reg,
        b: Reg,
        tmp: Reg,
    },
    /// Wasm's fmin/fmax: NaN if either is, -0 below +0.
    FMinMax {
        min: bool,
        double: bool,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Round {
        op: RoundOp,
        double: bool,
        dst: Reg,
        src: Reg,
        t1: Reg,
        t2: Reg,
        xt: Reg,
    },
    IntToFloat {
        double: bool,
        size: Size,
        dst: Reg,
        src: Reg,
    },
    /// An unsigned 64-bit integer to float.
    U64ToFloat {
        double: bool,
        dst: Reg,
        src: Reg,
        t: Reg,
    },
    /// Float to integer, saturating (NaN gives 0), as Wasm's `trunc_sat`.
    FloatToIntSat {
        signed: bool,
        from_double: bool,
        to64: bool,
        dst: Reg,
        src: Reg,
        xt: Reg,
    },
    FloatToFloat {
        to_double: bool,
        dst: Reg,
        src: Reg,
    },
    /// Count leading or trailing zeros (`width` when zero).
    Bits {
        clz: bool,
        size: Size,
        dst: Reg,
        src: Reg,
    },
    Popcnt {
        size: Size,
        dst: Reg,
        src: Reg,
        t: Reg,
    },
    /// memmove(rdi, rsi, rcx).
    MemMove {
        dst: Reg,
        src: Reg,
        len: Reg,
    },
    /// memset(rdi, 0, rcx), through rax.
    MemZero {
        dst: Reg,
        len: Reg,
    },
}

fn fixed_use_list(list: &mut [(Reg, PReg)], v: &mut dyn OperandVisitor) {
    for (r, p) in list {
        v.fixed_use(r, *p);
    }
}

impl MachInst for VInst {
    fn visit_operands(&mut self, v: &mut dyn OperandVisitor) {
        use crate::abi::gpr;
        match self {
            VInst::Args { defs } => {
                for (r, p) in defs {
                    v.fixed_def(r, *p);
                }
            }
            VInst::Ret { uses } => fixed_use_list(uses, v),
            VInst::Trap | VInst::Jmp { .. } => {}
            VInst::Branch { cmp, .. } => cmp.visit(v),
            VInst::Check { cmp, args, .. } => {
                cmp.visit(v);
                for a in args {
                    v.use_reg(a);
                }
            }
            VInst::Call { target, uses, defs, .. } => {
                if let CallTarget::Reg(r) = target {
                    v.use_reg(r);
                }
                fixed_use_list(uses, v);
                for (r, p) in defs {
                    v.fixed_def(r, *p);
                }
            }
            VInst::MovRR { dst, src } | VInst::MovX { dst, src } => {
                v.use_reg(src);
                v.def_reg(dst);
            }
            VInst::MovImm { dst, .. } | VInst::FConst { dst, .. } => v.def_reg(dst),
            VInst::GprToXmm { dst, src, .. }
            | VInst::XmmToGpr { dst, src, .. }
            | VInst::Sqrt { dst, src, .. }
            | VInst::IntToFloat { dst, src, .. }
            | VInst::FloatToFloat { dst, src, .. }
            | VInst::SignExtend { dst, src, .. }
            | VInst::ZeroExtend32 { dst, src }
            | VInst::ImulImm { dst, src, .. } => {
                v.use_reg(src);
                v.def_reg(dst);
            }
            VInst::Load { dst, addr, .. } | VInst::LoadX { dst, addr, .. } | VInst::Lea { dst, addr } => {
                addr.visit(v);
                v.def_reg(dst);
            }
            VInst::Store { src, addr, .. } | VInst::StoreX { src, addr, .. } => {
                v.use_reg(src);
                addr.visit(v);
            }
            VInst::StoreImm { addr, .. } => addr.visit(v),
            VInst::Alu { dst, a, b, .. } => {
                v.use_reg(a);
                b.visit(v);
                v.reuse_def(dst, 0);
            }
            VInst::Imul { dst, a, b, .. } | VInst::Sse { dst, a, b, .. } => {
                v.use_reg(a);
                v.use_reg(b);
                v.reuse_def(dst, 0);
            }
            VInst::Shift { dst, a, count, .. } => {
                v.use_reg(a);
                v.fixed_use(count, gpr(Gpr::Rcx));
                v.reuse_def(dst, 0);
            }
            VInst::ShiftImm { dst, a, .. } | VInst::Neg { dst, a, .. } | VInst::Not { dst, a, .. } => {
                v.use_reg(a);
                v.reuse_def(dst, 0);
            }
            VInst::FSign { dst, a, .. } => {
                v.use_reg(a);
                v.reuse_def(dst, 0);
            }
            VInst::Div { dividend, divisor, quo, rem, .. } => {
                v.fixed_use(dividend, gpr(Gpr::Rax));
                v.late_use(divisor);
                v.fixed_def(quo, gpr(Gpr::Rax));
                v.fixed_def(rem, gpr(Gpr::Rdx));
            }
            VInst::CmpSet { cmp, dst, tmp, .. } => {
                cmp.visit(v);
                v.temp(tmp);
                v.def_reg(dst);
            }
            VInst::Cmov { cmp, dst, if_true, if_false, .. } => {
                v.use_reg(if_false);
                cmp.visit(v);
                v.use_reg(if_true);
                v.reuse_def(dst, 0);
            }
            VInst::FSelect { cond, dst, if_true, if_false } => {
                v.use_reg(if_false);
                v.use_reg(cond);
                v.use_reg(if_true);
                v.reuse_def(dst, 0);
            }
            VInst::Copysign { dst, a, b, tmp, .. } => {
                v.use_reg(a);
                v.use_reg(b);
                v.temp(tmp);
                v.reuse_def(dst, 0);
            }
            VInst::FMinMax { dst, a, b, .. } => {
                v.use_reg(a);
                v.use_reg(b);
                v.reuse_def(dst, 0);
            }
            VInst::Round { dst, src, t1, t2, xt, .. } => {
                v.use_reg(src);
                v.temp(t1);
                v.temp(t2);
                v.temp(xt);
                v.def_reg(dst);
            }
            VInst::U64ToFloat { dst, src, t, .. } => {
                v.use_reg(src);
                v.temp(t);
                v.def_reg(dst);
            }
            VInst::FloatToIntSat { dst, src, xt, .. } => {
                v.use_reg(src);
                v.temp(xt);
                v.def_reg(dst);
            }
            VInst::Bits { dst, src, .. } => {
                v.late_use(src);
                v.def_reg(dst);
            }
            VInst::Popcnt { dst, src, t, .. } => {
                v.use_reg(src);
                v.temp(t);
                v.def_reg(dst);
            }
            VInst::MemMove { dst, src, len } => {
                v.fixed_use(dst, gpr(Gpr::Rdi));
                v.fixed_use(src, gpr(Gpr::Rsi));
                v.fixed_use(len, gpr(Gpr::Rcx));
            }
            VInst::MemZero { dst, len } => {
                v.fixed_use(dst, gpr(Gpr::Rdi));
                v.fixed_use(len, gpr(Gpr::Rcx));
            }
        }
    }

    fn clobbers(&self) -> PRegSet {
        use crate::abi::gpr;
        match self {
            VInst::Call { clobbers, .. } => *clobbers,
            VInst::MemMove { .. } => PRegSet::empty()
                .with(gpr(Gpr::Rdi))
                .with(gpr(Gpr::Rsi))
                .with(gpr(Gpr::Rcx))
                .with(gpr(Gpr::Rax)),
            VInst::MemZero { .. } => {
                PRegSet::empty().with(gpr(Gpr::Rdi)).with(gpr(Gpr::Rcx)).with(gpr(Gpr::Rax))
            }
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

fn g(r: Reg) -> Gpr {
    r.to_phys().map_or(Gpr::R11, to_gpr)
}

fn x(r: Reg) -> Xmm {
    Xmm(r.hw() & 15)
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

    pub fn label(&mut self) -> Label {
        self.ctx.buf.new_label()
    }

    pub fn bind(&mut self, l: Label) {
        self.ctx.bind(l);
    }

    pub fn jcc(&mut self, cond: Cond, target: Label) {
        self.i(Inst::Jcc { cond, target });
    }

    pub fn jmp(&mut self, target: Label) {
        self.i(Inst::Jmp { target });
    }

    fn imm(&mut self, dst: Gpr, imm: u64) {
        if imm == 0 {
            self.i(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst, src: dst });
        } else {
            self.i(Inst::MovImm { dst, imm });
        }
    }

    /// A float constant into `dst`, through the scratch register.
    fn fconst(&mut self, double: bool, dst: Xmm, bits: u64) {
        if bits == 0 {
            self.i(Inst::SseLogic { op: SseLogicOp::Xor, dst, src: dst });
            return;
        }
        self.imm(SCRATCH, bits);
        let size = if double { Size::S64 } else { Size::S32 };
        self.i(Inst::GprToXmm { size, dst, src: SCRATCH });
    }

    fn movx(&mut self, dst: Xmm, src: Xmm) {
        if dst != src {
            self.i(Inst::MovX { dst, src });
        }
    }

    pub fn mov(&mut self, dst: Gpr, src: Gpr) {
        if dst != src {
            self.i(Inst::MovRR { size: Size::S64, dst, src });
        }
    }
}

fn sign_bit(double: bool) -> u64 {
    if double { 1 << 63 } else { 1 << 31 }
}

impl VInst {
    /// Emits the allocated instruction.
    pub fn emit(&self, ctx: &mut EmitCtx<'_>) {
        let mut e = Emitter { ctx };
        match self {
            VInst::Args { .. } => {}
            VInst::Ret { .. } => {
                e.i(Inst::MovRR { size: Size::S64, dst: Gpr::Rsp, src: Gpr::Rbp });
                e.i(Inst::Pop { dst: Gpr::Rbp });
                e.i(Inst::Ret);
            }
            VInst::Trap => e.i(Inst::Ud2),
            VInst::Jmp { target } => {
                if !e.ctx.falls_to(*target) {
                    let l = e.ctx.label(*target);
                    e.jmp(l);
                }
            }
            VInst::Branch { cmp, cc, taken, not_taken } => {
                cmp.emit(&mut e);
                let (lt, ln) = (e.ctx.label(*taken), e.ctx.label(*not_taken));
                let (t_next, n_next) = (e.ctx.falls_to(*taken), e.ctx.falls_to(*not_taken));
                match *cc {
                    Cc::Is(c) if t_next => e.jcc(c.invert(), ln),
                    Cc::Is(c) => {
                        e.jcc(c, lt);
                        if !n_next {
                            e.jmp(ln);
                        }
                    }
                    Cc::FEq => {
                        e.jcc(Cond::P, ln);
                        if t_next {
                            e.jcc(Cond::Ne, ln);
                        } else {
                            e.jcc(Cond::E, lt);
                            if !n_next {
                                e.jmp(ln);
                            }
                        }
                    }
                    Cc::FNe => {
                        e.jcc(Cond::P, lt);
                        if t_next {
                            e.jcc(Cond::E, ln);
                        } else {
                            e.jcc(Cond::Ne, lt);
                            if !n_next {
                                e.jmp(ln);
                            }
                        }
                    }
                }
            }
            VInst::Call { target, unwind, .. } => {
                match target {
                    CallTarget::Symbol(s) => e.i(Inst::Call { symbol: s.clone() }),
                    CallTarget::Reg(r) => e.i(Inst::CallReg { src: g(*r) }),
                }
                if *unwind {
                    let l = e.ctx.unwind_label();
                    let flag = Amode::BaseDisp { base: crate::abi::G, disp: 0 };
                    e.i(Inst::CmpMemImm { size: Size::S32, addr: flag, imm: 0 });
                    e.jcc(Cond::Ne, l);
                }
            }
            VInst::Check { cmp, cc, func, args } => {
                cmp.emit(&mut e);
                let regs = args.iter().filter_map(|a| a.to_phys()).collect();
                let island = e.ctx.island(func, regs);
                match *cc {
                    Cc::Is(c) => e.jcc(c, island),
                    Cc::FEq => {
                        let skip = e.label();
                        e.jcc(Cond::P, skip);
                        e.jcc(Cond::E, island);
                        e.bind(skip);
                    }
                    Cc::FNe => {
                        e.jcc(Cond::P, island);
                        e.jcc(Cond::Ne, island);
                    }
                }
            }
            VInst::MovRR { dst, src } => e.mov(g(*dst), g(*src)),
            VInst::MovImm { dst, imm } => e.imm(g(*dst), *imm),
            VInst::FConst { double, dst, bits } => e.fconst(*double, x(*dst), *bits),
            VInst::MovX { dst, src } => e.movx(x(*dst), x(*src)),
            VInst::GprToXmm { size, dst, src } => {
                e.i(Inst::GprToXmm { size: *size, dst: x(*dst), src: g(*src) })
            }
            VInst::XmmToGpr { size, dst, src } => {
                e.i(Inst::XmmToGpr { size: *size, dst: g(*dst), src: x(*src) })
            }
            VInst::Load { size, signed, dst, addr } => {
                e.i(Inst::Load { size: *size, signed: *signed, dst: g(*dst), addr: addr.phys() })
            }
            VInst::LoadX { double, dst, addr } => {
                e.i(Inst::LoadX { double: *double, dst: x(*dst), addr: addr.phys() })
            }
            VInst::Store { size, src, addr } => {
                e.i(Inst::Store { size: *size, src: g(*src), addr: addr.phys() })
            }
            VInst::StoreImm { size, imm, addr } => {
                e.i(Inst::StoreImm { size: *size, imm: *imm, addr: addr.phys() })
            }
            VInst::StoreX { double, src, addr } => {
                e.i(Inst::StoreX { double: *double, src: x(*src), addr: addr.phys() })
            }
            VInst::Lea { dst, addr } => e.i(Inst::Lea { dst: g(*dst), addr: addr.phys() }),
            VInst::Alu { op, size, dst, b, .. } => match b {
                RegImm::Reg(b) => e.i(Inst::Alu { op: *op, size: *size, dst: g(*dst), src: g(*b) }),
                RegImm::Imm(imm) => e.i(Inst::AluImm { op: *op, size: *size, dst: g(*dst), imm: *imm }),
            },
            VInst::Imul { size, dst, b, .. } => e.i(Inst::Imul { size: *size, dst: g(*dst), src: g(*b) }),
            VInst::ImulImm { size, dst, src, imm } => {
                e.i(Inst::ImulImm { size: *size, dst: g(*dst), src: g(*src), imm: *imm })
            }
            VInst::Shift { op, size, dst, .. } => e.i(Inst::Shift { op: *op, size: *size, dst: g(*dst) }),
            VInst::ShiftImm { op, size, dst, imm, .. } => {
                e.i(Inst::ShiftImm { op: *op, size: *size, dst: g(*dst), imm: *imm })
            }
            VInst::Neg { size, dst, .. } => e.i(Inst::Neg { size: *size, dst: g(*dst) }),
            VInst::Not { size, dst, .. } => e.i(Inst::Not { size: *size, dst: g(*dst) }),
            VInst::SignExtend { from, dst, src } => e.sign_extend(*from, g(*dst), g(*src)),
            VInst::ZeroExtend32 { dst, src } => {
                e.i(Inst::MovRR { size: Size::S32, dst: g(*dst), src: g(*src) })
            }
            VInst::Div { signed, size, divisor, .. } => {
                if *signed {
                    e.i(Inst::SignExtendDx { size: *size });
                } else {
                    e.i(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Gpr::Rdx, src: Gpr::Rdx });
                }
                e.i(Inst::Div { signed: *signed, size: *size, src: g(*divisor) });
            }
            VInst::CmpSet { cmp, cc, dst, tmp } => {
                cmp.emit(&mut e);
                let (d, t) = (g(*dst), g(*tmp));
                match cc {
                    Cc::Is(c) => e.i(Inst::Setcc { cond: *c, dst: d }),
                    Cc::FEq | Cc::FNe => {
                        let (c1, c2, join) = if *cc == Cc::FEq {
                            (Cond::E, Cond::Np, AluOp::And)
                        } else {
                            (Cond::Ne, Cond::P, AluOp::Or)
                        };
                        e.i(Inst::Setcc { cond: c1, dst: d });
                        e.i(Inst::Setcc { cond: c2, dst: t });
                        e.i(Inst::Alu { op: join, size: Size::S8, dst: d, src: t });
                    }
                }
                e.i(Inst::MovzxB { dst: d, src: d });
            }
            VInst::Cmov { cmp, cond, size, dst, if_true, .. } => {
                cmp.emit(&mut e);
                e.i(Inst::Cmov { cond: *cond, size: *size, dst: g(*dst), src: g(*if_true) });
            }
            VInst::FSelect { cond, dst, if_true, .. } => {
                let skip = e.label();
                e.i(Inst::Test { size: Size::S32, a: g(*cond), b: g(*cond) });
                e.jcc(Cond::E, skip);
                e.movx(x(*dst), x(*if_true));
                e.bind(skip);
            }
            VInst::Sse { op, double, dst, b, .. } => {
                e.i(Inst::Sse { op: *op, double: *double, dst: x(*dst), src: x(*b) })
            }
            VInst::Sqrt { double, dst, src } => {
                e.i(Inst::Sse { op: SseOp::Sqrt, double: *double, dst: x(*dst), src: x(*src) })
            }
            VInst::FSign { abs, double, dst, .. } => {
                let sign = sign_bit(*double);
                let mask = if *abs { !sign & if *double { u64::MAX } else { 0xffff_ffff } } else { sign };
                e.imm(SCRATCH, mask);
                e.i(Inst::GprToXmm { size: Size::S64, dst: SCRATCH_X, src: SCRATCH });
                let op = if *abs { SseLogicOp::And } else { SseLogicOp::Xor };
                e.i(Inst::SseLogic { op, dst: x(*dst), src: SCRATCH_X });
            }
            VInst::Copysign { double, dst, b, tmp, .. } => {
                // dst = (a &^ sign) | (b & sign)
                e.imm(SCRATCH, sign_bit(*double));
                e.i(Inst::GprToXmm { size: Size::S64, dst: SCRATCH_X, src: SCRATCH });
                e.movx(x(*tmp), SCRATCH_X);
                e.i(Inst::SseLogic { op: SseLogicOp::And, dst: x(*tmp), src: x(*b) });
                e.i(Inst::SseLogic { op: SseLogicOp::Andn, dst: SCRATCH_X, src: x(*dst) });
                e.i(Inst::SseLogic { op: SseLogicOp::Or, dst: SCRATCH_X, src: x(*tmp) });
                e.movx(x(*dst), SCRATCH_X);
            }
            VInst::FMinMax { min, double, dst, b, .. } => {
                // Equal operands (both zeros, maybe of different signs): or the bits
                // for min (a negative zero wins), and them for max. Unordered: NaN
                // through an add. Otherwise minsd/maxsd.
                let (nan, normal, done) = (e.label(), e.label(), e.label());
                let (d, b) = (x(*dst), x(*b));
                e.i(Inst::Ucomis { double: *double, a: d, b });
                e.jcc(Cond::P, nan);
                e.jcc(Cond::Ne, normal);
                let op = if *min { SseLogicOp::Or } else { SseLogicOp::And };
                e.i(Inst::SseLogic { op, dst: d, src: b });
                e.jmp(done);
                e.bind(normal);
                let sse = if *min { SseOp::Min } else { SseOp::Max };
                e.i(Inst::Sse { op: sse, double: *double, dst: d, src: b });
                e.jmp(done);
                e.bind(nan);
                e.i(Inst::Sse { op: SseOp::Add, double: *double, dst: d, src: b });
                e.bind(done);
            }
            VInst::Round { op, double, dst, src, t1, t2, xt } => {
                e.round(*op, *double, x(*dst), x(*src), g(*t1), g(*t2), x(*xt))
            }
            VInst::IntToFloat { double, size, dst, src } => {
                e.i(Inst::IntToFloat { double: *double, size: *size, dst: x(*dst), src: g(*src) })
            }
            VInst::U64ToFloat { double, dst, src, t } => e.u64_to_float(*double, x(*dst), g(*src), g(*t)),
            VInst::FloatToIntSat { signed, from_double, to64, dst, src, xt } => {
                e.float_to_int(*signed, *from_double, *to64, g(*dst), x(*src), x(*xt))
            }
            VInst::FloatToFloat { to_double, dst, src } => {
                e.i(Inst::FloatToFloat { to_double: *to_double, dst: x(*dst), src: x(*src) })
            }
            VInst::Bits { clz, size, dst, src } => {
                // bsr/bsf leave ZF set for zero, and the destination undefined.
                let width: u64 = if *size == Size::S64 { 64 } else { 32 };
                let (d, s) = (g(*dst), g(*src));
                e.i(Inst::BitScan { reverse: *clz, size: *size, dst: d, src: s });
                if *clz {
                    // clz = width-1 - bsr; zero: -1 → width.
                    e.imm(SCRATCH, u64::MAX);
                    e.i(Inst::Cmov { cond: Cond::E, size: Size::S64, dst: d, src: SCRATCH });
                    e.imm(SCRATCH, width - 1);
                    e.i(Inst::Alu { op: AluOp::Sub, size: *size, dst: SCRATCH, src: d });
                    e.i(Inst::MovRR { size: Size::S64, dst: d, src: SCRATCH });
                } else {
                    e.imm(SCRATCH, width);
                    e.i(Inst::Cmov { cond: Cond::E, size: Size::S64, dst: d, src: SCRATCH });
                }
            }
            VInst::Popcnt { size, dst, src, t } => e.popcnt(*size, g(*dst), g(*src), g(*t)),
            VInst::MemMove { .. } => e.memmove(),
            VInst::MemZero { .. } => {
                e.i(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Gpr::Rax, src: Gpr::Rax });
                e.i(Inst::RepStosb);
            }
        }
    }
}

impl Emitter<'_, '_> {
    fn sign_extend(&mut self, from: Size, dst: Gpr, src: Gpr) {
        // movsx/movsxd have no encoder row of their own: a shift pair does the
        // same in the register.
        self.mov(dst, src);
        let shift = 64 - 8 * from.bytes();
        self.i(Inst::ShiftImm { op: ShiftOp::Shl, size: Size::S64, dst, imm: shift });
        self.i(Inst::ShiftImm { op: ShiftOp::Sar, size: Size::S64, dst, imm: shift });
    }

    /// Population count without the `popcnt` instruction (GOAMD64=v2): the
    /// bit-slicing sum.
    fn popcnt(&mut self, size: Size, d: Gpr, s: Gpr, t: Gpr) {
        let m = |v: u64| if size == Size::S64 { v } else { v & 0xffff_ffff };
        self.i(Inst::MovRR { size, dst: d, src: s });
        // x - ((x >> 1) & 0x55…)
        self.i(Inst::MovRR { size, dst: t, src: d });
        self.i(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: t, imm: 1 });
        self.imm(SCRATCH, m(0x5555_5555_5555_5555));
        self.i(Inst::Alu { op: AluOp::And, size, dst: t, src: SCRATCH });
        self.i(Inst::Alu { op: AluOp::Sub, size, dst: d, src: t });
        // (x & 0x33…) + ((x >> 2) & 0x33…)
        self.imm(SCRATCH, m(0x3333_3333_3333_3333));
        self.i(Inst::MovRR { size, dst: t, src: d });
        self.i(Inst::Alu { op: AluOp::And, size, dst: d, src: SCRATCH });
        self.i(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: t, imm: 2 });
        self.i(Inst::Alu { op: AluOp::And, size, dst: t, src: SCRATCH });
        self.i(Inst::Alu { op: AluOp::Add, size, dst: d, src: t });
        // (x + (x >> 4)) & 0x0f…, then the byte sums gathered by a multiply.
        self.i(Inst::MovRR { size, dst: t, src: d });
        self.i(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: t, imm: 4 });
        self.i(Inst::Alu { op: AluOp::Add, size, dst: d, src: t });
        self.imm(SCRATCH, m(0x0f0f_0f0f_0f0f_0f0f));
        self.i(Inst::Alu { op: AluOp::And, size, dst: d, src: SCRATCH });
        self.imm(SCRATCH, m(0x0101_0101_0101_0101));
        self.i(Inst::Imul { size, dst: d, src: SCRATCH });
        let shift = if size == Size::S64 { 56 } else { 24 };
        self.i(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: d, imm: shift });
    }

    /// Floor, ceil, trunc and round-half-even without SSE4.1's `roundsd`: values of
    /// magnitude 2^52 (2^23 for float32) and up, infinities and NaNs are integral
    /// already; smaller ones are rounded through an integer (trunc, then adjusted
    /// by one) or, for nearest, by adding and subtracting 2^52 in the default
    /// rounding mode. The result takes the argument's sign, so -0.5 gives -0.
    #[allow(clippy::too_many_arguments)]
    fn round(&mut self, op: RoundOp, double: bool, d: Xmm, s: Xmm, t1: Gpr, t2: Gpr, xt: Xmm) {
        let size = if double { Size::S64 } else { Size::S32 };
        let done = self.label();
        let sign = sign_bit(double);
        let magnitude = !sign & if double { u64::MAX } else { 0xffff_ffff };
        self.movx(d, s);
        // |x| in xt, compared with the threshold in SCRATCH_X.
        self.i(Inst::XmmToGpr { size, dst: t1, src: s });
        self.i(Inst::MovRR { size: Size::S64, dst: t2, src: t1 });
        self.imm(SCRATCH, magnitude);
        self.i(Inst::Alu { op: AluOp::And, size, dst: t2, src: SCRATCH });
        self.i(Inst::GprToXmm { size, dst: xt, src: t2 });
        let big = if double { (1u64 << 52) as f64 } else { f64::from(1u32 << 23) };
        let big_bits = if double { big.to_bits() } else { u64::from((big as f32).to_bits()) };
        self.fconst(double, SCRATCH_X, big_bits);
        // Unordered (NaN) or |x| >= big: the result is x.
        self.i(Inst::Ucomis { double, a: xt, b: SCRATCH_X });
        self.jcc(Cond::P, done);
        self.jcc(Cond::Ae, done);
        if op == RoundOp::Nearest {
            self.i(Inst::Sse { op: SseOp::Add, double, dst: xt, src: SCRATCH_X });
            self.i(Inst::Sse { op: SseOp::Sub, double, dst: xt, src: SCRATCH_X });
        } else {
            // t = trunc(x) through a 64-bit integer, exact below the threshold.
            self.i(Inst::FloatToInt { double, size: Size::S64, dst: t2, src: s });
            self.i(Inst::IntToFloat { double, size: Size::S64, dst: xt, src: t2 });
            if op != RoundOp::Trunc {
                let one = if double { 1f64.to_bits() } else { u64::from(1f32.to_bits()) };
                self.fconst(double, SCRATCH_X, one);
                let skip = self.label();
                if op == RoundOp::Floor {
                    // t > x: t - 1.
                    self.i(Inst::Ucomis { double, a: xt, b: s });
                    self.jcc(Cond::Be, skip);
                    self.i(Inst::Sse { op: SseOp::Sub, double, dst: xt, src: SCRATCH_X });
                } else {
                    // t < x: t + 1.
                    self.i(Inst::Ucomis { double, a: s, b: xt });
                    self.jcc(Cond::Be, skip);
                    self.i(Inst::Sse { op: SseOp::Add, double, dst: xt, src: SCRATCH_X });
                }
                self.bind(skip);
            }
        }
        // The result's magnitude with x's sign: (t &^ sign) | (x & sign).
        self.i(Inst::XmmToGpr { size, dst: t2, src: xt });
        self.imm(SCRATCH, magnitude);
        self.i(Inst::Alu { op: AluOp::And, size, dst: t2, src: SCRATCH });
        self.imm(SCRATCH, sign);
        self.i(Inst::Alu { op: AluOp::And, size, dst: t1, src: SCRATCH });
        self.i(Inst::Alu { op: AluOp::Or, size, dst: t1, src: t2 });
        self.i(Inst::GprToXmm { size, dst: d, src: t1 });
        self.bind(done);
    }

    /// Unsigned 64-bit integer to float: a value with the top bit set is halved
    /// (keeping the low bit, so rounding is right), converted, and doubled.
    fn u64_to_float(&mut self, double: bool, d: Xmm, s: Gpr, t: Gpr) {
        let (big, done) = (self.label(), self.label());
        self.i(Inst::Test { size: Size::S64, a: s, b: s });
        self.jcc(Cond::S, big);
        self.i(Inst::IntToFloat { double, size: Size::S64, dst: d, src: s });
        self.jmp(done);
        self.bind(big);
        self.i(Inst::MovRR { size: Size::S64, dst: t, src: s });
        self.i(Inst::ShiftImm { op: ShiftOp::Shr, size: Size::S64, dst: t, imm: 1 });
        self.i(Inst::MovRR { size: Size::S64, dst: SCRATCH, src: s });
        self.i(Inst::AluImm { op: AluOp::And, size: Size::S32, dst: SCRATCH, imm: 1 });
        self.i(Inst::Alu { op: AluOp::Or, size: Size::S64, dst: t, src: SCRATCH });
        self.i(Inst::IntToFloat { double, size: Size::S64, dst: d, src: t });
        self.i(Inst::Sse { op: SseOp::Add, double, dst: d, src: d });
        self.bind(done);
    }

    /// Float to integer, saturating as Wasm's `trunc_sat` does (NaN gives 0). The
    /// argument is widened to float64 first (in `xt`), where every float32 is exact.
    fn float_to_int(&mut self, signed: bool, from_double: bool, to64: bool, d: Gpr, s: Xmm, xt: Xmm) {
        if from_double {
            self.movx(xt, s);
        } else {
            self.i(Inst::FloatToFloat { to_double: true, dst: xt, src: s });
        }
        let (lo, hi, hi_val, lo_val): (f64, f64, u64, u64) = match (signed, to64) {
            (true, true) => {
                (-9_223_372_036_854_775_808.0, 9_223_372_036_854_775_808.0, i64::MAX as u64, i64::MIN as u64)
            }
            (true, false) => {
                (-2_147_483_648.0, 2_147_483_648.0, i32::MAX as u32 as u64, i32::MIN as u32 as u64)
            }
            (false, true) => (0.0, 18_446_744_073_709_551_616.0, u64::MAX, 0),
            (false, false) => (0.0, 4_294_967_296.0, u64::from(u32::MAX), 0),
        };
        let (zero, low, high, done) = (self.label(), self.label(), self.label(), self.label());
        self.i(Inst::Ucomis { double: true, a: xt, b: xt });
        self.jcc(Cond::P, zero);
        // x < lo (or x <= 0 for unsigned: those truncate to 0 or below).
        self.fconst(true, SCRATCH_X, lo.to_bits());
        self.i(Inst::Ucomis { double: true, a: SCRATCH_X, b: xt });
        self.jcc(if signed { Cond::A } else { Cond::Ae }, low);
        self.fconst(true, SCRATCH_X, hi.to_bits());
        self.i(Inst::Ucomis { double: true, a: xt, b: SCRATCH_X });
        self.jcc(Cond::Ae, high);
        if !signed && to64 {
            // [2^63, 2^64): convert x - 2^63 and set the top bit.
            let small = self.label();
            self.fconst(true, SCRATCH_X, 9_223_372_036_854_775_808f64.to_bits());
            self.i(Inst::Ucomis { double: true, a: xt, b: SCRATCH_X });
            self.jcc(Cond::B, small);
            self.i(Inst::Sse { op: SseOp::Sub, double: true, dst: xt, src: SCRATCH_X });
            self.i(Inst::FloatToInt { double: true, size: Size::S64, dst: d, src: xt });
            self.imm(SCRATCH, 1 << 63);
            self.i(Inst::Alu { op: AluOp::Xor, size: Size::S64, dst: d, src: SCRATCH });
            self.jmp(done);
            self.bind(small);
        }
        self.i(Inst::FloatToInt { double: true, size: Size::S64, dst: d, src: xt });
        self.jmp(done);
        self.bind(low);
        self.imm(d, lo_val);
        self.jmp(done);
        self.bind(high);
        self.imm(d, hi_val);
        self.jmp(done);
        self.bind(zero);
        self.i(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: d, src: d });
        self.bind(done);
    }

    /// memmove(rdi, rsi, rcx). Up to 16 bytes: two loads that may overlap, both
    /// before the stores, so overlapping operands are right (rax and r11 hold
    /// them). Longer: forwards with `rep movsb` unless the destination overlaps
    /// the end of the source, then backwards with the direction flag set.
    fn memmove(&mut self) {
        use Gpr::{Rax, Rcx, Rdi, Rsi};
        let (big, lt8, lt4, done) = (self.label(), self.label(), self.label(), self.label());
        let at = |base: Gpr, disp: i32| Amode::BaseDisp { base, disp };
        let end = |base: Gpr, back: i32| Amode::BaseIndex { base, index: Rcx, scale: 1, disp: -back };
        self.i(Inst::AluImm { op: AluOp::Cmp, size: Size::S64, dst: Rcx, imm: 16 });
        self.jcc(Cond::A, big);
        for (size, next) in [(Size::S64, lt8), (Size::S32, lt4)] {
            let n = i32::from(size.bytes());
            self.i(Inst::AluImm { op: AluOp::Cmp, size: Size::S64, dst: Rcx, imm: n });
            self.jcc(Cond::B, next);
            self.i(Inst::Load { size, signed: false, dst: Rax, addr: at(Rsi, 0) });
            self.i(Inst::Load { size, signed: false, dst: SCRATCH, addr: end(Rsi, n) });
            self.i(Inst::Store { size, src: Rax, addr: at(Rdi, 0) });
            self.i(Inst::Store { size, src: SCRATCH, addr: end(Rdi, n) });
            self.jmp(done);
            self.bind(next);
        }
        // 0 to 3 bytes: the first and the last, then the middle one of three.
        self.i(Inst::Test { size: Size::S64, a: Rcx, b: Rcx });
        self.jcc(Cond::E, done);
        self.i(Inst::Load { size: Size::S8, signed: false, dst: Rax, addr: at(Rsi, 0) });
        self.i(Inst::Load { size: Size::S8, signed: false, dst: SCRATCH, addr: end(Rsi, 1) });
        self.i(Inst::Store { size: Size::S8, src: Rax, addr: at(Rdi, 0) });
        self.i(Inst::Store { size: Size::S8, src: SCRATCH, addr: end(Rdi, 1) });
        self.i(Inst::AluImm { op: AluOp::Cmp, size: Size::S64, dst: Rcx, imm: 2 });
        self.jcc(Cond::Be, done);
        self.i(Inst::Load { size: Size::S8, signed: false, dst: Rax, addr: at(Rsi, 1) });
        self.i(Inst::Store { size: Size::S8, src: Rax, addr: at(Rdi, 1) });
        self.jmp(done);
        self.bind(big);
        let fwd = self.label();
        self.i(Inst::Alu { op: AluOp::Cmp, size: Size::S64, dst: Rdi, src: Rsi });
        self.jcc(Cond::Be, fwd);
        self.i(Inst::Lea {
            dst: SCRATCH,
            addr: Amode::BaseIndex { base: Rsi, index: Rcx, scale: 1, disp: 0 },
        });
        self.i(Inst::Alu { op: AluOp::Cmp, size: Size::S64, dst: Rdi, src: SCRATCH });
        self.jcc(Cond::Ae, fwd);
        self.i(Inst::Lea { dst: Rsi, addr: Amode::BaseIndex { base: Rsi, index: Rcx, scale: 1, disp: -1 } });
        self.i(Inst::Lea { dst: Rdi, addr: Amode::BaseIndex { base: Rdi, index: Rcx, scale: 1, disp: -1 } });
        self.i(Inst::SetDirection { down: true });
        self.i(Inst::RepMovsb);
        self.i(Inst::SetDirection { down: false });
        self.jmp(done);
        self.bind(fwd);
        self.i(Inst::RepMovsb);
        self.bind(done);
    }
}

/// Finishes a code buffer built by hand (the stubs), whose labels are all bound.
pub fn finish(buf: codegen::CodeBuffer) -> Code {
    buf.finish().unwrap_or_else(|_| Code { bytes: vec![], relocs: vec![] })
}
