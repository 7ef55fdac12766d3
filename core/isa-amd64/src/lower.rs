//! Lowering IR to amd64 `VInst`s: the instruction selection rules, answering
//! `codegen::lower::Backend` for the shared driver (which orders blocks, splits
//! edges and runs the register allocator). Selection folds what amd64 does in one
//! instruction: a compare into the branch, `select` or `setcc` that reads it; an
//! add of a constant or of a scaled index, a stack slot or a symbol into a memory
//! operand; constants into immediates; an add into `lea`. Only GOAMD64=v1
//! instructions are used.

use codegen::emit::{Compiled, EmitCtx, compile};
use codegen::lower::{Backend, LowerCtx};
use codegen::machinst::{Reg, VBlock};
use codegen::regalloc2::{Allocation, MachineEnv, RegClass};
use codegen::{Code, CodeBuffer};
use ir::{BinOp, CmpOp, ConvOp, Func, Mem, Op, Term, Ty, UnOp, Value};

use crate::abi;
use crate::inst::vinst::{CallTarget, Cc, Compare, Emitter, RegImm, RoundOp, VAmode, VInst};
use crate::inst::{AluOp, Cond, Gpr, Inst, ShiftOp, Size, SseOp};

/// An IR construct this back end does not lower.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

/// The amd64 back end.
#[derive(Debug)]
pub struct Amd64 {
    env: MachineEnv,
    pub(crate) int_args: Vec<codegen::regalloc2::PReg>,
    pub(crate) float_args: Vec<codegen::regalloc2::PReg>,
}

impl Default for Amd64 {
    fn default() -> Amd64 {
        let (int_args, float_args) = abi::arg_regs();
        Amd64 { env: abi::machine_env(), int_args, float_args }
    }
}

fn size_of(ty: Ty) -> Size {
    if ty == Ty::I32 || ty == Ty::F32 { Size::S32 } else { Size::S64 }
}

fn mem_size(m: Mem) -> Size {
    match m {
        Mem::I8 => Size::S8,
        Mem::I16 => Size::S16,
        Mem::I32 | Mem::F32 => Size::S32,
        Mem::I64 | Mem::F64 => Size::S64,
    }
}

/// The immediate form of constant `v` for an operation of `size`, if it has one
/// (32-bit operations take any 32-bit value; 64-bit ones a sign-extended one).
fn imm32(ctx: &LowerCtx<'_, VInst>, v: Value, size: Size) -> Option<i32> {
    let c = ctx.iconst(v)?;
    if size == Size::S32 { Some(c as i32) } else { i32::try_from(c).ok() }
}

fn reg_imm(ctx: &mut LowerCtx<'_, VInst>, v: Value, size: Size) -> RegImm {
    match imm32(ctx, v, size) {
        Some(i) => RegImm::Imm(i),
        None => RegImm::Reg(ctx.input(v)),
    }
}

/// An index scaled by 1, 2, 4 or 8: `shl x, k` or `mul x, c`.
fn scaled(ctx: &LowerCtx<'_, VInst>, v: Value) -> Option<(Value, u8)> {
    match ctx.def_op(v) {
        Some(Op::Bin(BinOp::Shl, x, k)) => match ctx.iconst(*k) {
            Some(k @ 0..=3) => Some((*x, 1 << k)),
            _ => None,
        },
        Some(Op::Bin(BinOp::Mul, x, c)) => match ctx.iconst(*c) {
            Some(c @ (1 | 2 | 4 | 8)) => Some((*x, c as u8)),
            _ => None,
        },
        _ => None,
    }
}

/// The memory operand for `addr + off`.
fn amode(ctx: &mut LowerCtx<'_, VInst>, addr: Value, off: i64) -> VAmode {
    let fits = |d: i64| i32::try_from(d).ok();
    match ctx.def_op(addr) {
        Some(Op::SlotAddr(s)) => {
            if let Some(d) = fits(ctx.slot_offsets[s.index()] + off) {
                return VAmode::Fp { disp: d };
            }
        }
        Some(Op::SymAddr(name)) => {
            if let Some(d) = fits(off) {
                return VAmode::Rip { symbol: name.clone(), addend: d };
            }
        }
        Some(&Op::Bin(BinOp::Add, a, b)) => {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(c) = ctx.iconst(y)
                    && fits(c.wrapping_add(off)).is_some()
                {
                    return amode(ctx, x, c + off);
                }
            }
            if let Some(d) = fits(off) {
                for (x, y) in [(a, b), (b, a)] {
                    if let Some((index, scale)) = scaled(ctx, y) {
                        let (base, index) = (ctx.input(x), ctx.input(index));
                        return VAmode::BaseIndex { base, index, scale, disp: d };
                    }
                }
                let (base, index) = (ctx.input(a), ctx.input(b));
                return VAmode::BaseIndex { base, index, scale: 1, disp: d };
            }
        }
        _ => {}
    }
    match fits(off) {
        Some(d) => VAmode::BaseDisp { base: ctx.input(addr), disp: d },
        None => {
            // A displacement beyond 32 bits: added in a register first.
            let t = ctx.new_reg(RegClass::Int);
            ctx.emit(VInst::MovImm { dst: t, imm: off as u64 });
            VAmode::BaseIndex { base: ctx.input(addr), index: t, scale: 1, disp: 0 }
        }
    }
}

fn int_cond(op: CmpOp) -> Cond {
    match op {
        CmpOp::Eq => Cond::E,
        CmpOp::Ne => Cond::Ne,
        CmpOp::LtS => Cond::L,
        CmpOp::LtU | CmpOp::Lt => Cond::B,
        CmpOp::LeS => Cond::Le,
        CmpOp::LeU | CmpOp::Le => Cond::Be,
        CmpOp::GtS => Cond::G,
        CmpOp::GtU | CmpOp::Gt => Cond::A,
        CmpOp::GeS => Cond::Ge,
        CmpOp::GeU | CmpOp::Ge => Cond::Ae,
    }
}

/// The condition with its operands swapped (`a < b` is `b > a`).
fn swapped(c: Cond) -> Cond {
    match c {
        Cond::L => Cond::G,
        Cond::G => Cond::L,
        Cond::Le => Cond::Ge,
        Cond::Ge => Cond::Le,
        Cond::B => Cond::A,
        Cond::A => Cond::B,
        Cond::Be => Cond::Ae,
        Cond::Ae => Cond::Be,
        c => c,
    }
}

/// The flags and the condition for `a op b`.
fn compare(ctx: &mut LowerCtx<'_, VInst>, op: CmpOp, a: Value, b: Value) -> (Compare, Cc) {
    let ty = ctx.ty(a);
    if ty.is_int() {
        let size = size_of(ty);
        let cond = int_cond(op);
        if imm32(ctx, b, size).is_none() && imm32(ctx, a, size).is_some() {
            let (x, y) = (ctx.input(b), reg_imm(ctx, a, size));
            return (Compare::Int { size, a: x, b: y }, Cc::Is(swapped(cond)));
        }
        let (x, y) = (ctx.input(a), reg_imm(ctx, b, size));
        return (Compare::Int { size, a: x, b: y }, Cc::Is(cond));
    }
    let double = ty == Ty::F64;
    // An unordered result sets ZF, PF and CF: `a`/`ae` are false then.
    let (x, y, cc) = match op {
        CmpOp::Eq => (a, b, Cc::FEq),
        CmpOp::Ne => (a, b, Cc::FNe),
        CmpOp::Gt | CmpOp::GtS | CmpOp::GtU => (a, b, Cc::Is(Cond::A)),
        CmpOp::Ge | CmpOp::GeS | CmpOp::GeU => (a, b, Cc::Is(Cond::Ae)),
        CmpOp::Lt | CmpOp::LtS | CmpOp::LtU => (b, a, Cc::Is(Cond::A)),
        CmpOp::Le | CmpOp::LeS | CmpOp::LeU => (b, a, Cc::Is(Cond::Ae)),
    };
    let (x, y) = (ctx.input(x), ctx.input(y));
    (Compare::Float { double, a: x, b: y }, cc)
}

/// The flags and condition under which `c` (an `i32` truth value) is true,
/// folding the compare or `eqz` that defines it.
fn condition(ctx: &mut LowerCtx<'_, VInst>, c: Value) -> (Compare, Cc) {
    match ctx.def_op(c) {
        Some(&Op::Cmp(op, a, b)) => compare(ctx, op, a, b),
        Some(&Op::Un(UnOp::Eqz, x)) => {
            let size = size_of(ctx.ty(x));
            (Compare::Test { size, a: ctx.input(x) }, Cc::Is(Cond::E))
        }
        _ => (Compare::Test { size: Size::S32, a: ctx.input(c) }, Cc::Is(Cond::Ne)),
    }
}

impl Amd64 {
    fn call(
        &self,
        ctx: &mut LowerCtx<'_, VInst>,
        target: CallTarget,
        args: &[Value],
        results: &[Value],
    ) -> Result<(), String> {
        let layout = codegen::abi::call(self, ctx.f, args, results);
        ctx.outgoing = ctx.outgoing.max(layout.outgoing);
        for &(a, off) in &layout.args.stack {
            store_value(ctx, a, VAmode::Sp { disp: off as i32 });
        }
        let uses = layout.args.regs.iter().map(|&(a, p)| (ctx.input(a), p)).collect();
        let defs = layout.results.regs.iter().map(|&(r, p)| (ctx.reg(r), p)).collect();
        let clobbers = layout.clobbers;
        let unwind = !ctx.f.catches;
        ctx.emit(VInst::Call { target, uses, defs, clobbers, unwind });
        for &(r, off) in &layout.results.stack {
            load_value(ctx, r, VAmode::Sp { disp: off as i32 });
        }
        Ok(())
    }
}

/// Stores value `v` (of any type) as a whole word at `addr`.
fn store_value(ctx: &mut LowerCtx<'_, VInst>, v: Value, addr: VAmode) {
    let ty = ctx.ty(v);
    let src = ctx.input(v);
    if ty.is_int() {
        ctx.emit(VInst::Store { size: size_of(ty), src, addr });
    } else {
        ctx.emit(VInst::StoreX { double: ty == Ty::F64, src, addr });
    }
}

fn load_value(ctx: &mut LowerCtx<'_, VInst>, v: Value, addr: VAmode) {
    let ty = ctx.ty(v);
    let dst = ctx.reg(v);
    if ty.is_int() {
        ctx.emit(VInst::Load { size: size_of(ty), signed: false, dst, addr });
    } else {
        ctx.emit(VInst::LoadX { double: ty == Ty::F64, dst, addr });
    }
}

/// A copy of `len` (at most 64) bytes: every chunk loaded first, then stored, so
/// overlapping operands are right.
fn copy_small(ctx: &mut LowerCtx<'_, VInst>, dst: Value, src: Value, len: u32) {
    let mut chunks = Vec::new();
    let mut off = 0u32;
    for size in [Size::S64, Size::S32, Size::S16, Size::S8] {
        while len - off >= u32::from(size.bytes()) {
            chunks.push((off as i32, size));
            off += u32::from(size.bytes());
        }
    }
    let (s, d) = (ctx.input(src), ctx.input(dst));
    let temps: Vec<Reg> = chunks
        .iter()
        .map(|&(off, size)| {
            let t = ctx.new_reg(RegClass::Int);
            ctx.emit(VInst::Load {
                size,
                signed: false,
                dst: t,
                addr: VAmode::BaseDisp { base: s, disp: off },
            });
            t
        })
        .collect();
    for (&(off, size), t) in chunks.iter().zip(temps) {
        ctx.emit(VInst::Store { size, src: t, addr: VAmode::BaseDisp { base: d, disp: off } });
    }
}

fn zero_small(ctx: &mut LowerCtx<'_, VInst>, dst: Value, len: u32) {
    let d = ctx.input(dst);
    let mut off = 0u32;
    for size in [Size::S64, Size::S32, Size::S16, Size::S8] {
        while len - off >= u32::from(size.bytes()) {
            ctx.emit(VInst::StoreImm { size, imm: 0, addr: VAmode::BaseDisp { base: d, disp: off as i32 } });
            off += u32::from(size.bytes());
        }
    }
}

impl Backend for Amd64 {
    type I = VInst;

    fn lower_entry(&self, ctx: &mut LowerCtx<'_, VInst>, params: &[Value]) -> Result<(), String> {
        let placed = codegen::abi::params(self, ctx.f, params);
        let defs = placed.regs.iter().map(|&(p, r)| (ctx.reg(p), r)).collect();
        ctx.emit(VInst::Args { defs });
        for &(p, off) in &placed.stack {
            load_value(ctx, p, VAmode::Fp { disp: off as i32 });
        }
        Ok(())
    }

    fn lower_inst(&self, ctx: &mut LowerCtx<'_, VInst>, inst: &ir::Inst) -> Result<(), String> {
        let r = inst.results.first().copied();
        let dst = || r.ok_or_else(|| "an instruction without its result".to_string());
        match &inst.op {
            &Op::IConst(ty, c) => {
                let imm = if ty == Ty::I32 { u64::from(c as u32) } else { c as u64 };
                ctx.emit(VInst::MovImm { dst: ctx.reg(dst()?), imm });
            }
            &Op::FConst(ty, bits) => {
                ctx.emit(VInst::FConst { double: ty == Ty::F64, dst: ctx.reg(dst()?), bits });
            }
            &Op::Bin(op, a, b) => self.bin(ctx, op, a, b, dst()?),
            &Op::Cmp(op, a, b) => {
                let (cmp, cc) = compare(ctx, op, a, b);
                let tmp = ctx.new_reg(RegClass::Int);
                ctx.emit(VInst::CmpSet { cmp, cc, dst: ctx.reg(dst()?), tmp });
            }
            &Op::Un(op, a) => self.un(ctx, op, a, dst()?),
            &Op::Conv(op, ty, a) => self.conv(ctx, op, ty, a, dst()?),
            &Op::Select(c, a, b) => {
                let r = dst()?;
                let ty = ctx.ty(r);
                if ty.is_int() {
                    let (cmp, cc) = condition(ctx, c);
                    let (cmp, cond) = match cc {
                        Cc::Is(cond) => (cmp, cond),
                        _ => (Compare::Test { size: Size::S32, a: ctx.input(c) }, Cond::Ne),
                    };
                    let (if_true, if_false) = (ctx.input(a), ctx.input(b));
                    ctx.emit(VInst::Cmov {
                        cmp,
                        cond,
                        size: size_of(ty),
                        dst: ctx.reg(r),
                        if_true,
                        if_false,
                    });
                } else {
                    let (cond, if_true, if_false) = (ctx.input(c), ctx.input(a), ctx.input(b));
                    ctx.emit(VInst::FSelect { cond, dst: ctx.reg(r), if_true, if_false });
                }
            }
            &Op::Load { mem, signed, ty, addr, off } => {
                let addr = amode(ctx, addr, i64::from(off));
                let dst = ctx.reg(dst()?);
                match mem {
                    Mem::F32 | Mem::F64 => ctx.emit(VInst::LoadX { double: mem == Mem::F64, dst, addr }),
                    _ => {
                        let size = mem_size(mem);
                        let signed = signed && size.bytes() < size_of(ty).bytes();
                        ctx.emit(VInst::Load { size, signed, dst, addr });
                    }
                }
            }
            &Op::Store { mem, addr, off, val } => {
                let size = mem_size(mem);
                let imm =
                    if matches!(mem, Mem::F32 | Mem::F64) { None } else { imm32(ctx, val, size.min_s32()) };
                let addr = amode(ctx, addr, i64::from(off));
                match (mem, imm) {
                    (Mem::F32 | Mem::F64, _) => {
                        let src = ctx.input(val);
                        ctx.emit(VInst::StoreX { double: mem == Mem::F64, src, addr });
                    }
                    (_, Some(imm)) => ctx.emit(VInst::StoreImm { size, imm, addr }),
                    _ => {
                        let src = ctx.input(val);
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
                let addr = VAmode::Rip { symbol: name.clone(), addend: 0 };
                ctx.emit(VInst::Lea { dst: ctx.reg(dst()?), addr });
            }
            &Op::SlotAddr(s) => {
                let disp = i32::try_from(ctx.slot_offsets[s.index()])
                    .map_err(|_| "a frame over 2 GiB".to_string())?;
                ctx.emit(VInst::Lea { dst: ctx.reg(dst()?), addr: VAmode::Fp { disp } });
            }
            Op::Call { callee, args } => {
                self.call(ctx, CallTarget::Symbol(callee.clone()), args, &inst.results)?
            }
            Op::CallIndirect { target, args, .. } => {
                let t = ctx.input(*target);
                self.call(ctx, CallTarget::Reg(t), args, &inst.results)?;
            }
            Op::Check { cond, func, args } => {
                let (cmp, cc) = condition(ctx, *cond);
                let args = args.iter().map(|&a| ctx.input(a)).collect();
                ctx.emit(VInst::Check { cmp, cc, func: func.clone(), args });
            }
            Op::GetG => {
                let src = Reg::phys(abi::gpr(abi::G));
                ctx.emit(VInst::MovRR { dst: ctx.reg(dst()?), src });
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
                let (cmp, cc) = condition(ctx, c);
                ctx.emit(VInst::Branch { cmp, cc, taken: targets[0], not_taken: targets[1] });
            }
            Term::Ret(vals) => {
                let placed = codegen::abi::returns(self, ctx.f, vals);
                for &(v, off) in &placed.stack {
                    store_value(ctx, v, VAmode::Fp { disp: off as i32 });
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
        e.i(Inst::Push { src: Gpr::Rbp });
        e.i(Inst::MovRR { size: Size::S64, dst: Gpr::Rbp, src: Gpr::Rsp });
        if size > 0 {
            e.i(Inst::AluImm { op: AluOp::Sub, size: Size::S64, dst: Gpr::Rsp, imm: size as i32 });
        }
    }

    fn emit_inst(&self, inst: &VInst, ctx: &mut EmitCtx<'_>) {
        inst.emit(ctx);
    }

    fn emit_move(&self, from: Allocation, to: Allocation, class: RegClass, ctx: &mut EmitCtx<'_>) {
        let sp = |ctx: &EmitCtx<'_>, a: Allocation| crate::inst::Amode::BaseDisp {
            base: Gpr::Rsp,
            disp: codegen::emit::spill_offset(ctx.frame, a).unwrap_or(0) as i32,
        };
        let float = class == RegClass::Float;
        let inst = match (from.as_reg(), to.as_reg()) {
            (Some(f), Some(t)) if float => Inst::MovX {
                dst: crate::inst::Xmm(t.hw_enc() as u8),
                src: crate::inst::Xmm(f.hw_enc() as u8),
            },
            (Some(f), Some(t)) => Inst::MovRR { size: Size::S64, dst: abi::to_gpr(t), src: abi::to_gpr(f) },
            (Some(f), None) if float => {
                Inst::StoreX { double: true, src: crate::inst::Xmm(f.hw_enc() as u8), addr: sp(ctx, to) }
            }
            (Some(f), None) => Inst::Store { size: Size::S64, src: abi::to_gpr(f), addr: sp(ctx, to) },
            (None, Some(t)) if float => {
                Inst::LoadX { double: true, dst: crate::inst::Xmm(t.hw_enc() as u8), addr: sp(ctx, from) }
            }
            (None, Some(t)) => {
                Inst::Load { size: Size::S64, signed: false, dst: abi::to_gpr(t), addr: sp(ctx, from) }
            }
            (None, None) => return,
        };
        Emitter { ctx }.i(inst);
    }

    fn emit_islands(&self, ctx: &mut EmitCtx<'_>) {
        for island in core::mem::take(&mut ctx.islands) {
            ctx.bind(island.label);
            let moves: Vec<(Gpr, Gpr)> = island
                .args
                .iter()
                .zip(&abi::INT_ARGS[1..])
                .map(|(&src, &dst)| (dst, abi::to_gpr(src)))
                .collect();
            let unwind = ctx.unwind_label();
            let mut e = Emitter { ctx };
            for (dst, src) in codegen::emit::sequentialize(&moves, abi::SCRATCH) {
                e.mov(dst, src);
            }
            e.i(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Gpr::Rax, src: Gpr::Rax });
            e.i(Inst::Call { symbol: island.func });
            e.jmp(unwind);
        }
        if let Some(l) = ctx.unwind {
            ctx.bind(l);
            let mut e = Emitter { ctx };
            e.i(Inst::MovRR { size: Size::S64, dst: Gpr::Rsp, src: Gpr::Rbp });
            e.i(Inst::Pop { dst: Gpr::Rbp });
            e.i(Inst::Ret);
        }
    }
}

impl Amd64 {
    fn bin(&self, ctx: &mut LowerCtx<'_, VInst>, op: BinOp, a: Value, b: Value, r: Value) {
        let ty = ctx.ty(a);
        let dst = ctx.reg(r);
        if !ty.is_int() {
            let double = ty == Ty::F64;
            let (x, y) = (ctx.input(a), ctx.input(b));
            let sse = match op {
                BinOp::Add => SseOp::Add,
                BinOp::Sub => SseOp::Sub,
                BinOp::Mul => SseOp::Mul,
                BinOp::Div => SseOp::Div,
                BinOp::Min | BinOp::Max => {
                    return ctx.emit(VInst::FMinMax { min: op == BinOp::Min, double, dst, a: x, b: y });
                }
                _ => {
                    let tmp = ctx.new_reg(RegClass::Float);
                    return ctx.emit(VInst::Copysign { double, dst, a: x, b: y, tmp });
                }
            };
            return ctx.emit(VInst::Sse { op: sse, double, dst, a: x, b: y });
        }
        let size = size_of(ty);
        match op {
            BinOp::Add => {
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(c) = imm32(ctx, y, Size::S64) {
                        let base = ctx.input(x);
                        return ctx.emit(VInst::Lea { dst, addr: VAmode::BaseDisp { base, disp: c } });
                    }
                }
                for (x, y) in [(a, b), (b, a)] {
                    if let Some((index, scale)) = scaled(ctx, y) {
                        let (base, index) = (ctx.input(x), ctx.input(index));
                        return ctx.emit(VInst::Lea {
                            dst,
                            addr: VAmode::BaseIndex { base, index, scale, disp: 0 },
                        });
                    }
                }
                let (base, index) = (ctx.input(a), ctx.input(b));
                ctx.emit(VInst::Lea { dst, addr: VAmode::BaseIndex { base, index, scale: 1, disp: 0 } });
            }
            BinOp::Sub => {
                if let Some(c) = imm32(ctx, b, Size::S64).and_then(|c| c.checked_neg()) {
                    let base = ctx.input(a);
                    return ctx.emit(VInst::Lea { dst, addr: VAmode::BaseDisp { base, disp: c } });
                }
                if ctx.iconst(a) == Some(0) {
                    let x = ctx.input(b);
                    return ctx.emit(VInst::Neg { size, dst, a: x });
                }
                let x = ctx.input(a);
                let y = reg_imm(ctx, b, size);
                ctx.emit(VInst::Alu { op: AluOp::Sub, size, dst, a: x, b: y });
            }
            BinOp::And | BinOp::Or | BinOp::Xor => {
                let alu = match op {
                    BinOp::And => AluOp::And,
                    BinOp::Or => AluOp::Or,
                    _ => AluOp::Xor,
                };
                let (x, y) = if imm32(ctx, a, size).is_some() && imm32(ctx, b, size).is_none() {
                    (b, a)
                } else {
                    (a, b)
                };
                if alu == AluOp::Xor && imm32(ctx, y, size) == Some(-1) {
                    let x = ctx.input(x);
                    return ctx.emit(VInst::Not { size, dst, a: x });
                }
                let xr = ctx.input(x);
                let yr = reg_imm(ctx, y, size);
                ctx.emit(VInst::Alu { op: alu, size, dst, a: xr, b: yr });
            }
            BinOp::Mul => {
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(c) = imm32(ctx, y, size) {
                        let src = ctx.input(x);
                        return ctx.emit(VInst::ImulImm { size, dst, src, imm: c });
                    }
                }
                let (x, y) = (ctx.input(a), ctx.input(b));
                ctx.emit(VInst::Imul { size, dst, a: x, b: y });
            }
            BinOp::DivS | BinOp::DivU | BinOp::RemS | BinOp::RemU => {
                let signed = matches!(op, BinOp::DivS | BinOp::RemS);
                let (dividend, divisor) = (ctx.input(a), ctx.input(b));
                let other = ctx.new_reg(RegClass::Int);
                let (quo, rem) =
                    if matches!(op, BinOp::DivS | BinOp::DivU) { (dst, other) } else { (other, dst) };
                ctx.emit(VInst::Div { signed, size, dividend, divisor, quo, rem });
            }
            BinOp::Shl | BinOp::ShrS | BinOp::ShrU => {
                let sop = match op {
                    BinOp::Shl => ShiftOp::Shl,
                    BinOp::ShrS => ShiftOp::Sar,
                    _ => ShiftOp::Shr,
                };
                let bits = if size == Size::S64 { 63 } else { 31 };
                let x = ctx.input(a);
                match ctx.iconst(b) {
                    Some(c) => ctx.emit(VInst::ShiftImm { op: sop, size, dst, a: x, imm: (c & bits) as u8 }),
                    None => {
                        let count = ctx.input(b);
                        ctx.emit(VInst::Shift { op: sop, size, dst, a: x, count });
                    }
                }
            }
            BinOp::Div | BinOp::Min | BinOp::Max | BinOp::Copysign => {}
        }
    }

    fn un(&self, ctx: &mut LowerCtx<'_, VInst>, op: UnOp, a: Value, r: Value) {
        let ty = ctx.ty(a);
        let size = size_of(ty);
        let double = ty == Ty::F64;
        let dst = ctx.reg(r);
        match op {
            UnOp::Eqz => {
                let x = ctx.input(a);
                let tmp = ctx.new_reg(RegClass::Int);
                ctx.emit(VInst::CmpSet { cmp: Compare::Test { size, a: x }, cc: Cc::Is(Cond::E), dst, tmp });
            }
            UnOp::Clz | UnOp::Ctz => {
                let src = ctx.input(a);
                ctx.emit(VInst::Bits { clz: op == UnOp::Clz, size, dst, src });
            }
            UnOp::Popcnt => {
                let src = ctx.input(a);
                let t = ctx.new_reg(RegClass::Int);
                ctx.emit(VInst::Popcnt { size, dst, src, t });
            }
            UnOp::Neg | UnOp::Abs => {
                let x = ctx.input(a);
                ctx.emit(VInst::FSign { abs: op == UnOp::Abs, double, dst, a: x });
            }
            UnOp::Sqrt => {
                let src = ctx.input(a);
                ctx.emit(VInst::Sqrt { double, dst, src });
            }
            UnOp::Floor | UnOp::Ceil | UnOp::Trunc | UnOp::Nearest => {
                let rop = match op {
                    UnOp::Floor => RoundOp::Floor,
                    UnOp::Ceil => RoundOp::Ceil,
                    UnOp::Trunc => RoundOp::Trunc,
                    _ => RoundOp::Nearest,
                };
                let src = ctx.input(a);
                let (t1, t2, xt) =
                    (ctx.new_reg(RegClass::Int), ctx.new_reg(RegClass::Int), ctx.new_reg(RegClass::Float));
                ctx.emit(VInst::Round { op: rop, double, dst, src, t1, t2, xt });
            }
        }
    }

    fn conv(&self, ctx: &mut LowerCtx<'_, VInst>, op: ConvOp, ty: Ty, a: Value, r: Value) {
        let from = ctx.ty(a);
        let dst = ctx.reg(r);
        let src = ctx.input(a);
        let i = match op {
            ConvOp::Ext8S => VInst::SignExtend { from: Size::S8, dst, src },
            ConvOp::Ext16S => VInst::SignExtend { from: Size::S16, dst, src },
            ConvOp::Ext32S | ConvOp::ExtendS => VInst::SignExtend { from: Size::S32, dst, src },
            ConvOp::ExtendU => VInst::ZeroExtend32 { dst, src },
            ConvOp::Wrap => VInst::MovRR { dst, src },
            ConvOp::Bitcast if from.is_int() => VInst::GprToXmm { size: size_of(from), dst, src },
            ConvOp::Bitcast => VInst::XmmToGpr { size: size_of(from), dst, src },
            ConvOp::Round => VInst::MovX { dst, src },
            ConvOp::Promote | ConvOp::Demote => {
                VInst::FloatToFloat { to_double: op == ConvOp::Promote, dst, src }
            }
            ConvOp::ConvertS => VInst::IntToFloat { double: ty == Ty::F64, size: size_of(from), dst, src },
            ConvOp::ConvertU if from == Ty::I32 => {
                let t = ctx.new_reg(RegClass::Int);
                ctx.emit(VInst::ZeroExtend32 { dst: t, src });
                VInst::IntToFloat { double: ty == Ty::F64, size: Size::S64, dst, src: t }
            }
            ConvOp::ConvertU => {
                let t = ctx.new_reg(RegClass::Int);
                VInst::U64ToFloat { double: ty == Ty::F64, dst, src, t }
            }
            ConvOp::TruncS | ConvOp::TruncU => {
                let xt = ctx.new_reg(RegClass::Float);
                VInst::FloatToIntSat {
                    signed: op == ConvOp::TruncS,
                    from_double: from == Ty::F64,
                    to64: ty.class() == Ty::I64,
                    dst,
                    src,
                    xt,
                }
            }
        };
        ctx.emit(i);
    }
}

impl Size {
    /// The operand size of an immediate store: 8- and 16-bit stores take
    /// immediates of their own width, which any 32-bit value truncates to.
    fn min_s32(self) -> Size {
        if self == Size::S64 { Size::S64 } else { Size::S32 }
    }
}

fn compiled(f: &Func, listing: bool) -> Result<Compiled, Unsupported> {
    compile(&Amd64::default(), f, listing).map_err(Unsupported)
}

/// Lowers `f` to machine code with relocations for the symbols it uses.
pub fn lower(f: &Func) -> Result<Code, Unsupported> {
    compiled(f, false).map(|c| c.code)
}

/// The assembly listing of `f` as `-gcflags=-S` shows one: a header with the
/// function's name, code size and frame size, then each instruction with its offset
/// (hex and decimal) in Intel syntax, and the branch labels.
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
