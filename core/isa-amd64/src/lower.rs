//! Lowering one IR function to amd64 code. The first, simple strategy: every IR
//! value and variable lives in its own 8-byte frame slot, and each instruction
//! loads its operands into fixed scratch registers (rax, rcx, rdx, rsi, rdi, r11;
//! xmm0, xmm1), computes, and stores its result. It is correct for every IR
//! function and a baseline for the register allocator that will replace it.
//!
//! Values and variables that `codegen::regalloc` gives a register live in rbx and
//! r12–r15 instead of their slots; those registers are callee-saved here (each
//! function saves the ones it uses in its frame), so they survive calls.
//!
//! The calling convention passes arguments and results in memory, as
//! Go's ABI0 does: the caller writes argument `i` at `[rsp + 8i]` and finds result
//! `j` at `[rsp + 8(n + j)]` after the call; the callee, after `push rbp; mov rbp,
//! rsp`, reads them 16 bytes above `rbp`. Only GOAMD64=v1 instructions are used.

use codegen::frame::Layout;
use codegen::regalloc::{self, Allocation};
use codegen::{Code, CodeBuffer, Label};
use ir::{BinOp, CmpOp, ConvOp, Func, Mem, Op, Term, Ty, UnOp, Value};

use crate::inst::emit::emit;
use crate::inst::{AluOp, Amode, Cond, Gpr, Inst, ShiftOp, Size, SseOp, Xmm};

use Gpr::{R11, Rax, Rbp, Rcx, Rdi, Rdx, Rsi, Rsp};

/// An IR construct this back end does not lower.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

/// The registers the allocator hands out, callee-saved in this convention.
const ALLOCATABLE: [Gpr; 5] = [Gpr::Rbx, Gpr::R12, Gpr::R13, Gpr::R14, Gpr::R15];

fn allocated(r: u8) -> Gpr {
    ALLOCATABLE[usize::from(r)]
}

/// An rbp-relative operand at `off` (frames stay far below 2 GiB).
fn fp(off: i64) -> Amode {
    Amode::BaseDisp { base: Rbp, disp: off as i32 }
}

fn size_of(ty: Ty) -> Size {
    match ty {
        Ty::I32 | Ty::F32 => Size::S32,
        Ty::I64 | Ty::F64 => Size::S64,
    }
}

fn mem_size(m: Mem) -> Size {
    match m {
        Mem::I8 => Size::S8,
        Mem::I16 => Size::S16,
        Mem::I32 | Mem::F32 => Size::S32,
        Mem::I64 | Mem::F64 => Size::S64,
    }
}

struct Lower<'f> {
    f: &'f Func,
    frame: Layout,
    alloc: Allocation,
    buf: CodeBuffer,
    blocks: Vec<Label>,
    /// The assembly listing, when one is asked for: a line per instruction
    /// (offset, text) and per label.
    listing: Option<Vec<String>>,
}

const X0: Xmm = Xmm(0);
const X1: Xmm = Xmm(1);

impl Lower<'_> {
    fn emit(&mut self, i: Inst) {
        if let Some(l) = &mut self.listing {
            let at = self.buf.offset();
            l.push(format!("\t{at:#06x} {at:05}\t{}", i.text()));
        }
        emit(&i, &mut self.buf);
    }

    fn bind(&mut self, label: Label) {
        if let Some(l) = &mut self.listing {
            l.push(format!("L{}:", label.0));
        }
        self.buf.bind(label);
    }

    fn ty(&self, v: Value) -> Ty {
        self.f.ty(v)
    }

    /// Loads value `v` into `r` (32-bit values zero-extended).
    fn ld(&mut self, v: Value, r: Gpr) {
        if let Some(a) = self.alloc.value(v) {
            return self.emit(Inst::MovRR { size: Size::S64, dst: r, src: allocated(a) });
        }
        let addr = fp(self.frame.value(v));
        let size = size_of(self.ty(v));
        self.emit(Inst::Load { size, signed: false, dst: r, addr });
    }

    fn st(&mut self, r: Gpr, v: Value) {
        if let Some(a) = self.alloc.value(v) {
            // A 32-bit move zeroes the upper half, as a 32-bit value's slot has it.
            return self.emit(Inst::MovRR { size: size_of(self.ty(v)), dst: allocated(a), src: r });
        }
        let addr = fp(self.frame.value(v));
        let size = size_of(self.ty(v));
        self.emit(Inst::Store { size, src: r, addr });
    }

    /// Loads the low `size` bytes of value `v` into rax, sign-extended to 64 bits
    /// or zero-extended.
    fn ld_ext(&mut self, v: Value, size: Size, signed: bool) {
        let Some(a) = self.alloc.value(v) else {
            let addr = fp(self.frame.value(v));
            return self.emit(Inst::Load { size, signed, dst: Rax, addr });
        };
        let r = allocated(a);
        if signed {
            let shift = (64 - 8 * size.bytes()) as u8;
            self.emit(Inst::MovRR { size: Size::S64, dst: Rax, src: r });
            self.emit(Inst::ShiftImm { op: ShiftOp::Shl, size: Size::S64, dst: Rax, imm: shift });
            self.emit(Inst::ShiftImm { op: ShiftOp::Sar, size: Size::S64, dst: Rax, imm: shift });
        } else {
            self.emit(Inst::MovRR { size: Size::S32, dst: Rax, src: r });
        }
    }

    /// Loads float value `v` into `x`, through `scratch`.
    fn ldx(&mut self, v: Value, x: Xmm, scratch: Gpr) {
        self.ld(v, scratch);
        let size = size_of(self.ty(v));
        self.emit(Inst::GprToXmm { size, dst: x, src: scratch });
    }

    fn imm(&mut self, r: Gpr, v: u64) {
        self.emit(Inst::MovImm { dst: r, imm: v });
    }

    /// Loads a double constant into `x` (through r11).
    fn fconst(&mut self, x: Xmm, v: f64) {
        self.imm(R11, v.to_bits());
        self.emit(Inst::GprToXmm { size: Size::S64, dst: x, src: R11 });
    }

    fn setcc(&mut self, cond: Cond, r: Gpr) {
        self.emit(Inst::Setcc { cond, dst: r });
    }

    fn label(&mut self) -> Label {
        self.buf.new_label()
    }

    fn lower(mut self) -> Result<(Code, Vec<String>), Unsupported> {
        let f = self.f;
        self.emit(Inst::Push { src: Rbp });
        self.emit(Inst::MovRR { size: Size::S64, dst: Rbp, src: Rsp });
        if self.frame.size > 0 {
            let size = self.frame.size as i32;
            self.emit(Inst::AluImm { op: AluOp::Sub, size: Size::S64, dst: Rsp, imm: size });
        }
        for (k, r) in self.alloc.used.clone().into_iter().enumerate() {
            let addr = fp(self.frame.saved(k));
            self.emit(Inst::Store { size: Size::S64, src: allocated(r), addr });
        }
        for (i, b) in f.blocks.iter().enumerate() {
            let l = self.blocks[i];
            self.bind(l);
            for inst in &b.insts {
                self.inst(&inst.op, &inst.results)?;
            }
            self.term(&b.term, i);
        }
        let listing = self.listing.take().unwrap_or_default();
        let code = self.buf.finish().map_err(|e| Unsupported(e.to_string()))?;
        Ok((code, listing))
    }

    fn term(&mut self, t: &Term, index: usize) {
        match t {
            Term::Jump(ir::Target { block: b, .. }) => {
                if b.index() != index + 1 {
                    let l = self.blocks[b.index()];
                    self.emit(Inst::Jmp { target: l });
                }
            }
            Term::Br(c, ir::Target { block: yes, .. }, ir::Target { block: no, .. }) => {
                self.ld(*c, Rax);
                self.emit(Inst::Test { size: Size::S32, a: Rax, b: Rax });
                let (ly, ln) = (self.blocks[yes.index()], self.blocks[no.index()]);
                self.emit(Inst::Jcc { cond: Cond::Ne, target: ly });
                if no.index() != index + 1 {
                    self.emit(Inst::Jmp { target: ln });
                }
            }
            Term::Ret(vals) => {
                for (j, v) in vals.iter().enumerate() {
                    self.ld(*v, Rax);
                    let addr = fp(self.frame.result(j));
                    self.emit(Inst::Store { size: Size::S64, src: Rax, addr });
                }
                for (k, r) in self.alloc.used.clone().into_iter().enumerate() {
                    let addr = fp(self.frame.saved(k));
                    self.emit(Inst::Load { size: Size::S64, signed: false, dst: allocated(r), addr });
                }
                self.emit(Inst::MovRR { size: Size::S64, dst: Rsp, src: Rbp });
                self.emit(Inst::Pop { dst: Rbp });
                self.emit(Inst::Ret);
            }
            Term::Unreachable => self.emit(Inst::Ud2),
        }
    }

    fn inst(&mut self, op: &Op, results: &[Value]) -> Result<(), Unsupported> {
        let r0 = results.first().copied();
        let out = |r: Option<Value>| r.ok_or_else(|| Unsupported("an instruction without its result".into()));
        match op {
            Op::IConst(ty, v) => {
                let bits = if *ty == Ty::I32 { u64::from(*v as u32) } else { *v as u64 };
                self.imm(Rax, bits);
                self.st(Rax, out(r0)?);
            }
            Op::FConst(ty, bits) => {
                let bits = if *ty == Ty::F32 { *bits & 0xffff_ffff } else { *bits };
                self.imm(Rax, bits);
                self.st(Rax, out(r0)?);
            }
            Op::Bin(op, a, b) => self.bin(*op, *a, *b, out(r0)?),
            Op::Cmp(op, a, b) => self.cmp(*op, *a, *b, out(r0)?),
            Op::Un(op, a) => self.un(*op, *a, out(r0)?),
            Op::Conv(op, ty, a) => self.conv(*op, *ty, *a, out(r0)?),
            Op::Select(c, a, b) => {
                self.ld(*a, Rax);
                self.ld(*b, Rcx);
                self.ld(*c, Rdx);
                self.emit(Inst::Test { size: Size::S32, a: Rdx, b: Rdx });
                self.emit(Inst::Cmov { cond: Cond::E, size: Size::S64, dst: Rax, src: Rcx });
                self.st(Rax, out(r0)?);
            }
            Op::Load { mem, signed, ty, addr, off } => {
                self.ld(*addr, Rcx);
                let disp = i32::try_from(*off).map_err(|_| Unsupported("an offset beyond 2 GiB".into()))?;
                let size = mem_size(*mem);
                // Sign-extend what is narrower than the result; a 32-bit result
                // keeps its low half either way.
                let signed = *signed && (*ty == Ty::I64 || size.bytes() < 4);
                self.emit(Inst::Load { size, signed, dst: Rax, addr: Amode::BaseDisp { base: Rcx, disp } });
                self.st(Rax, out(r0)?);
            }
            Op::Store { mem, addr, off, val } => {
                self.ld(*addr, Rcx);
                self.ld(*val, Rax);
                let disp = i32::try_from(*off).map_err(|_| Unsupported("an offset beyond 2 GiB".into()))?;
                self.emit(Inst::Store {
                    size: mem_size(*mem),
                    src: Rax,
                    addr: Amode::BaseDisp { base: Rcx, disp },
                });
            }
            Op::Copy { dst, src, len } => self.copy(*dst, *src, *len),
            Op::Zero { dst, len } => {
                self.ld(*dst, Rdi);
                self.ld(*len, Rcx);
                self.emit(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rax, src: Rax });
                self.emit(Inst::RepStosb);
            }
            Op::SymAddr(name) | Op::FuncAddr(name) => {
                self.emit(Inst::Lea { dst: Rax, addr: Amode::Rip { symbol: name.clone(), addend: 0 } });
                self.st(Rax, out(r0)?);
            }
            Op::SlotAddr(s) => {
                let disp = self.frame.slot(*s) as i32;
                self.emit(Inst::Lea { dst: Rax, addr: Amode::BaseDisp { base: Rbp, disp } });
                self.st(Rax, out(r0)?);
            }
            Op::Get(x) => {
                if let Some(a) = self.alloc.var(*x) {
                    self.emit(Inst::MovRR { size: Size::S64, dst: Rax, src: allocated(a) });
                } else {
                    let (addr, size) = (fp(self.frame.var(*x)), size_of(self.f.vars[x.index()]));
                    self.emit(Inst::Load { size, signed: false, dst: Rax, addr });
                }
                self.st(Rax, out(r0)?);
            }
            Op::Set(x, v) => {
                self.ld(*v, Rax);
                if let Some(a) = self.alloc.var(*x) {
                    self.emit(Inst::MovRR { size: Size::S64, dst: allocated(a), src: Rax });
                } else {
                    let addr = fp(self.frame.var(*x));
                    self.emit(Inst::Store { size: Size::S64, src: Rax, addr });
                }
            }
            Op::Call { callee, args } => {
                self.args(args);
                self.emit(Inst::Call { symbol: callee.clone() });
                self.results(args.len(), results);
            }
            Op::CallIndirect { target, args, .. } => {
                self.args(args);
                self.ld(*target, R11);
                self.emit(Inst::CallReg { src: R11 });
                self.results(args.len(), results);
            }
            Op::MemSize | Op::MemGrow(_) => {
                return Err(Unsupported(
                    "Wasm memory growth (the runtime's native ports allocate with mmap)".into(),
                ));
            }
        }
        Ok(())
    }

    fn args(&mut self, args: &[Value]) {
        for (i, a) in args.iter().enumerate() {
            self.ld(*a, Rax);
            self.emit(Inst::Store {
                size: Size::S64,
                src: Rax,
                addr: Amode::BaseDisp { base: Rsp, disp: 8 * i as i32 },
            });
        }
    }

    fn results(&mut self, n_args: usize, results: &[Value]) {
        for (j, r) in results.iter().enumerate() {
            let addr = Amode::BaseDisp { base: Rsp, disp: 8 * (n_args + j) as i32 };
            self.emit(Inst::Load { size: Size::S64, signed: false, dst: Rax, addr });
            self.st(Rax, *r);
        }
    }

    fn bin(&mut self, op: BinOp, a: Value, b: Value, r: Value) {
        let ty = self.ty(a);
        if !ty.is_int() {
            return self.fbin(op, ty == Ty::F64, a, b, r);
        }
        let size = size_of(ty);
        self.ld(a, Rax);
        self.ld(b, Rcx);
        let alu = |op| Inst::Alu { op, size, dst: Rax, src: Rcx };
        match op {
            BinOp::Add => self.emit(alu(AluOp::Add)),
            BinOp::Sub => self.emit(alu(AluOp::Sub)),
            BinOp::And => self.emit(alu(AluOp::And)),
            BinOp::Or => self.emit(alu(AluOp::Or)),
            BinOp::Xor => self.emit(alu(AluOp::Xor)),
            BinOp::Mul => self.emit(Inst::Imul { size, dst: Rax, src: Rcx }),
            BinOp::DivS | BinOp::RemS => {
                self.emit(Inst::SignExtendDx { size });
                self.emit(Inst::Div { signed: true, size, src: Rcx });
            }
            BinOp::DivU | BinOp::RemU => {
                self.emit(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rdx, src: Rdx });
                self.emit(Inst::Div { signed: false, size, src: Rcx });
            }
            BinOp::Shl => self.emit(Inst::Shift { op: ShiftOp::Shl, size, dst: Rax }),
            BinOp::ShrS => self.emit(Inst::Shift { op: ShiftOp::Sar, size, dst: Rax }),
            BinOp::ShrU => self.emit(Inst::Shift { op: ShiftOp::Shr, size, dst: Rax }),
            BinOp::Div | BinOp::Min | BinOp::Max | BinOp::Copysign => {}
        }
        let res = if matches!(op, BinOp::RemS | BinOp::RemU) { Rdx } else { Rax };
        self.st(res, r);
    }

    fn sign_bit(double: bool) -> u64 {
        if double { 1 << 63 } else { 1 << 31 }
    }

    fn fbin(&mut self, op: BinOp, double: bool, a: Value, b: Value, r: Value) {
        let size = if double { Size::S64 } else { Size::S32 };
        if op == BinOp::Copysign {
            let sign = Self::sign_bit(double);
            self.ld(a, Rax);
            self.ld(b, Rcx);
            self.imm(R11, !sign & if double { u64::MAX } else { 0xffff_ffff });
            self.emit(Inst::Alu { op: AluOp::And, size, dst: Rax, src: R11 });
            self.imm(R11, sign);
            self.emit(Inst::Alu { op: AluOp::And, size, dst: Rcx, src: R11 });
            self.emit(Inst::Alu { op: AluOp::Or, size, dst: Rax, src: Rcx });
            return self.st(Rax, r);
        }
        self.ldx(a, X0, Rax);
        self.ldx(b, X1, Rcx);
        let sse = match op {
            BinOp::Add => SseOp::Add,
            BinOp::Sub => SseOp::Sub,
            BinOp::Mul => SseOp::Mul,
            BinOp::Div => SseOp::Div,
            BinOp::Min | BinOp::Max => {
                // Wasm's fmin/fmax: a NaN operand gives NaN, and -0 < +0. On equal
                // operands the bits are or-ed (min) or and-ed (max), which picks the
                // negative zero for min and the positive one for max.
                let (nan, normal, done) = (self.label(), self.label(), self.label());
                self.emit(Inst::Ucomis { double, a: X0, b: X1 });
                self.emit(Inst::Jcc { cond: Cond::P, target: nan });
                self.emit(Inst::Jcc { cond: Cond::Ne, target: normal });
                let bitop = if op == BinOp::Min { AluOp::Or } else { AluOp::And };
                self.emit(Inst::Alu { op: bitop, size, dst: Rax, src: Rcx });
                self.emit(Inst::Jmp { target: done });
                self.bind(normal);
                let sse = if op == BinOp::Min { SseOp::Min } else { SseOp::Max };
                self.emit(Inst::Sse { op: sse, double, dst: X0, src: X1 });
                self.emit(Inst::XmmToGpr { size, dst: Rax, src: X0 });
                self.emit(Inst::Jmp { target: done });
                self.bind(nan);
                self.emit(Inst::Sse { op: SseOp::Add, double, dst: X0, src: X1 });
                self.emit(Inst::XmmToGpr { size, dst: Rax, src: X0 });
                self.bind(done);
                return self.st(Rax, r);
            }
            _ => SseOp::Add,
        };
        self.emit(Inst::Sse { op: sse, double, dst: X0, src: X1 });
        self.emit(Inst::XmmToGpr { size, dst: Rax, src: X0 });
        self.st(Rax, r);
    }

    fn cmp(&mut self, op: CmpOp, a: Value, b: Value, r: Value) {
        let ty = self.ty(a);
        if ty.is_int() {
            let size = size_of(ty);
            self.ld(a, Rax);
            self.ld(b, Rcx);
            self.emit(Inst::Alu { op: AluOp::Cmp, size, dst: Rax, src: Rcx });
            let cond = match op {
                CmpOp::Eq => Cond::E,
                CmpOp::Ne => Cond::Ne,
                CmpOp::LtS => Cond::L,
                CmpOp::LtU => Cond::B,
                CmpOp::LeS => Cond::Le,
                CmpOp::LeU => Cond::Be,
                CmpOp::GtS => Cond::G,
                CmpOp::GtU => Cond::A,
                CmpOp::GeS => Cond::Ge,
                CmpOp::GeU => Cond::Ae,
                CmpOp::Lt => Cond::B,
                CmpOp::Le => Cond::Be,
                CmpOp::Gt => Cond::A,
                CmpOp::Ge => Cond::Ae,
            };
            self.setcc(cond, Rax);
        } else {
            let double = ty == Ty::F64;
            self.ldx(a, X0, Rax);
            self.ldx(b, X1, Rcx);
            // An unordered result sets ZF, PF and CF: `a`/`ae` are false then.
            match op {
                CmpOp::Eq | CmpOp::Ne => {
                    self.emit(Inst::Ucomis { double, a: X0, b: X1 });
                    let (c1, c2, join) = if op == CmpOp::Eq {
                        (Cond::E, Cond::Np, AluOp::And)
                    } else {
                        (Cond::Ne, Cond::P, AluOp::Or)
                    };
                    self.setcc(c1, Rax);
                    self.setcc(c2, Rcx);
                    self.emit(Inst::Alu { op: join, size: Size::S8, dst: Rax, src: Rcx });
                }
                CmpOp::Gt | CmpOp::GtS | CmpOp::GtU => {
                    self.emit(Inst::Ucomis { double, a: X0, b: X1 });
                    self.setcc(Cond::A, Rax);
                }
                CmpOp::Ge | CmpOp::GeS | CmpOp::GeU => {
                    self.emit(Inst::Ucomis { double, a: X0, b: X1 });
                    self.setcc(Cond::Ae, Rax);
                }
                CmpOp::Lt | CmpOp::LtS | CmpOp::LtU => {
                    self.emit(Inst::Ucomis { double, a: X1, b: X0 });
                    self.setcc(Cond::A, Rax);
                }
                CmpOp::Le | CmpOp::LeS | CmpOp::LeU => {
                    self.emit(Inst::Ucomis { double, a: X1, b: X0 });
                    self.setcc(Cond::Ae, Rax);
                }
            }
        }
        self.emit(Inst::MovzxB { dst: Rax, src: Rax });
        self.st(Rax, r);
    }

    fn un(&mut self, op: UnOp, a: Value, r: Value) {
        let ty = self.ty(a);
        let size = size_of(ty);
        let double = ty == Ty::F64;
        let width: u64 = if size == Size::S64 { 64 } else { 32 };
        match op {
            UnOp::Eqz => {
                self.ld(a, Rax);
                self.emit(Inst::Test { size, a: Rax, b: Rax });
                self.setcc(Cond::E, Rax);
                self.emit(Inst::MovzxB { dst: Rax, src: Rax });
            }
            UnOp::Clz => {
                // bsr leaves ZF set (and its result undefined) for zero: -1 then
                // makes width-1-(-1) = width.
                self.ld(a, Rcx);
                self.emit(Inst::BitScan { reverse: true, size, dst: Rax, src: Rcx });
                self.imm(R11, u64::MAX);
                self.emit(Inst::Cmov { cond: Cond::E, size: Size::S64, dst: Rax, src: R11 });
                self.imm(Rcx, width - 1);
                self.emit(Inst::Alu { op: AluOp::Sub, size, dst: Rcx, src: Rax });
                self.emit(Inst::MovRR { size: Size::S64, dst: Rax, src: Rcx });
            }
            UnOp::Ctz => {
                self.ld(a, Rcx);
                self.emit(Inst::BitScan { reverse: false, size, dst: Rax, src: Rcx });
                self.imm(R11, width);
                self.emit(Inst::Cmov { cond: Cond::E, size: Size::S64, dst: Rax, src: R11 });
            }
            UnOp::Popcnt => self.popcnt(a, size),
            UnOp::Neg | UnOp::Abs => {
                self.ld(a, Rax);
                let sign = Self::sign_bit(double);
                let (mask, alu) = if op == UnOp::Neg {
                    (sign, AluOp::Xor)
                } else {
                    (!sign & (u64::MAX >> (64 - width)), AluOp::And)
                };
                self.imm(R11, mask);
                self.emit(Inst::Alu { op: alu, size, dst: Rax, src: R11 });
            }
            UnOp::Sqrt => {
                self.ldx(a, X0, Rax);
                self.emit(Inst::Sse { op: SseOp::Sqrt, double, dst: X0, src: X0 });
                self.emit(Inst::XmmToGpr { size, dst: Rax, src: X0 });
            }
            UnOp::Floor | UnOp::Ceil | UnOp::Trunc | UnOp::Nearest => self.round(op, a, double),
        }
        self.st(Rax, r);
    }

    /// Population count without the `popcnt` instruction (v2): the bit-slicing sum.
    fn popcnt(&mut self, a: Value, size: Size) {
        let m = |v: u64| if size == Size::S64 { v } else { v & 0xffff_ffff };
        self.ld(a, Rax);
        // x - ((x >> 1) & 0x55…)
        self.emit(Inst::MovRR { size, dst: Rcx, src: Rax });
        self.emit(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: Rcx, imm: 1 });
        self.imm(R11, m(0x5555_5555_5555_5555));
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rcx, src: R11 });
        self.emit(Inst::Alu { op: AluOp::Sub, size, dst: Rax, src: Rcx });
        // (x & 0x33…) + ((x >> 2) & 0x33…)
        self.imm(R11, m(0x3333_3333_3333_3333));
        self.emit(Inst::MovRR { size, dst: Rcx, src: Rax });
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rax, src: R11 });
        self.emit(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: Rcx, imm: 2 });
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rcx, src: R11 });
        self.emit(Inst::Alu { op: AluOp::Add, size, dst: Rax, src: Rcx });
        // (x + (x >> 4)) & 0x0f…, then the byte sums gathered by a multiply.
        self.emit(Inst::MovRR { size, dst: Rcx, src: Rax });
        self.emit(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: Rcx, imm: 4 });
        self.emit(Inst::Alu { op: AluOp::Add, size, dst: Rax, src: Rcx });
        self.imm(R11, m(0x0f0f_0f0f_0f0f_0f0f));
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rax, src: R11 });
        self.imm(R11, m(0x0101_0101_0101_0101));
        self.emit(Inst::Imul { size, dst: Rax, src: R11 });
        let shift = if size == Size::S64 { 56 } else { 24 };
        self.emit(Inst::ShiftImm { op: ShiftOp::Shr, size, dst: Rax, imm: shift });
    }

    /// Floor, ceil, trunc and round-half-even without SSE4.1's `roundsd`: values of
    /// magnitude 2^52 (2^23 for float32) and up, infinities and NaNs are integral
    /// already; smaller ones are rounded through an integer (trunc, then adjusted by
    /// one) or, for nearest, by adding and subtracting 2^52 in the default rounding
    /// mode. The result takes the argument's sign, so -0.5 gives -0.
    fn round(&mut self, op: UnOp, a: Value, double: bool) {
        let size = if double { Size::S64 } else { Size::S32 };
        let done = self.label();
        self.ld(a, Rax);
        self.emit(Inst::GprToXmm { size, dst: X0, src: Rax });
        // |x| into xmm1 via the bits, compared with the threshold.
        let sign = Self::sign_bit(double);
        self.emit(Inst::MovRR { size: Size::S64, dst: Rcx, src: Rax });
        self.imm(R11, !sign & if double { u64::MAX } else { 0xffff_ffff });
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rcx, src: R11 });
        self.emit(Inst::GprToXmm { size, dst: X1, src: Rcx });
        let big = if double { (1u64 << 52) as f64 } else { f64::from(1u32 << 23) };
        let big_bits = if double { big.to_bits() } else { u64::from((big as f32).to_bits()) };
        self.imm(R11, big_bits);
        self.emit(Inst::GprToXmm { size, dst: Xmm(2), src: R11 });
        // Unordered (NaN) or |x| >= big: the result is x.
        self.emit(Inst::Ucomis { double, a: X1, b: Xmm(2) });
        self.emit(Inst::Jcc { cond: Cond::P, target: done });
        self.emit(Inst::Jcc { cond: Cond::Ae, target: done });
        if op == UnOp::Nearest {
            self.emit(Inst::Sse { op: SseOp::Add, double, dst: X1, src: Xmm(2) });
            self.emit(Inst::Sse { op: SseOp::Sub, double, dst: X1, src: Xmm(2) });
        } else {
            // t = trunc(x) through a 64-bit integer, exact below the threshold.
            self.emit(Inst::FloatToInt { double, size: Size::S64, dst: Rcx, src: X0 });
            self.emit(Inst::IntToFloat { double, size: Size::S64, dst: X1, src: Rcx });
            if op != UnOp::Trunc {
                let one = if double { 1f64.to_bits() } else { u64::from(1f32.to_bits()) };
                self.imm(R11, one);
                self.emit(Inst::GprToXmm { size, dst: Xmm(2), src: R11 });
                let skip = self.label();
                if op == UnOp::Floor {
                    // t > x: t - 1.
                    self.emit(Inst::Ucomis { double, a: X1, b: X0 });
                    self.emit(Inst::Jcc { cond: Cond::Be, target: skip });
                    self.emit(Inst::Sse { op: SseOp::Sub, double, dst: X1, src: Xmm(2) });
                } else {
                    // t < x: t + 1.
                    self.emit(Inst::Ucomis { double, a: X0, b: X1 });
                    self.emit(Inst::Jcc { cond: Cond::Be, target: skip });
                    self.emit(Inst::Sse { op: SseOp::Add, double, dst: X1, src: Xmm(2) });
                }
                self.bind(skip);
            }
        }
        // The result's magnitude with x's sign.
        self.emit(Inst::XmmToGpr { size, dst: Rcx, src: X1 });
        self.imm(R11, !sign & if double { u64::MAX } else { 0xffff_ffff });
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rcx, src: R11 });
        self.imm(R11, sign);
        self.emit(Inst::Alu { op: AluOp::And, size, dst: Rax, src: R11 });
        self.emit(Inst::Alu { op: AluOp::Or, size, dst: Rax, src: Rcx });
        self.bind(done);
    }

    fn conv(&mut self, op: ConvOp, ty: Ty, a: Value, r: Value) {
        let from = self.ty(a);
        match op {
            ConvOp::Ext8S => self.ld_ext(a, Size::S8, true),
            ConvOp::Ext16S => self.ld_ext(a, Size::S16, true),
            ConvOp::Ext32S | ConvOp::ExtendS => self.ld_ext(a, Size::S32, true),
            ConvOp::ExtendU | ConvOp::Wrap => self.ld_ext(a, Size::S32, false),
            ConvOp::Bitcast | ConvOp::Round => self.ld(a, Rax),
            ConvOp::Promote | ConvOp::Demote => {
                self.ldx(a, X0, Rax);
                self.emit(Inst::FloatToFloat { to_double: op == ConvOp::Promote, dst: X0, src: X0 });
                self.emit(Inst::XmmToGpr { size: size_of(ty), dst: Rax, src: X0 });
            }
            ConvOp::ConvertS => {
                if size_of(from) == Size::S32 {
                    self.ld_ext(a, Size::S32, true);
                } else {
                    self.ld(a, Rax);
                }
                self.emit(Inst::IntToFloat { double: ty == Ty::F64, size: Size::S64, dst: X0, src: Rax });
                self.emit(Inst::XmmToGpr { size: size_of(ty), dst: Rax, src: X0 });
            }
            ConvOp::ConvertU => self.convert_u(a, from, ty),
            ConvOp::TruncS | ConvOp::TruncU => self.trunc(op == ConvOp::TruncS, a, from, ty),
        }
        self.st(Rax, r);
    }

    /// Unsigned integer to float: a 64-bit value with the top bit set is halved
    /// (keeping the low bit, so rounding is right), converted, and doubled.
    fn convert_u(&mut self, a: Value, from: Ty, to: Ty) {
        let double = to == Ty::F64;
        self.ld(a, Rax);
        if from == Ty::I32 {
            self.emit(Inst::IntToFloat { double, size: Size::S64, dst: X0, src: Rax });
        } else {
            let (big, done) = (self.label(), self.label());
            self.emit(Inst::Test { size: Size::S64, a: Rax, b: Rax });
            self.emit(Inst::Jcc { cond: Cond::S, target: big });
            self.emit(Inst::IntToFloat { double, size: Size::S64, dst: X0, src: Rax });
            self.emit(Inst::Jmp { target: done });
            self.bind(big);
            self.emit(Inst::MovRR { size: Size::S64, dst: Rcx, src: Rax });
            self.emit(Inst::ShiftImm { op: ShiftOp::Shr, size: Size::S64, dst: Rcx, imm: 1 });
            self.emit(Inst::AluImm { op: AluOp::And, size: Size::S32, dst: Rax, imm: 1 });
            self.emit(Inst::Alu { op: AluOp::Or, size: Size::S64, dst: Rcx, src: Rax });
            self.emit(Inst::IntToFloat { double, size: Size::S64, dst: X0, src: Rcx });
            self.emit(Inst::Sse { op: SseOp::Add, double, dst: X0, src: X0 });
            self.bind(done);
        }
        self.emit(Inst::XmmToGpr { size: size_of(to), dst: Rax, src: X0 });
    }

    /// Float to integer, saturating as Wasm's `trunc_sat` does (NaN gives 0). The
    /// argument is widened to float64 first, where every float32 is exact.
    fn trunc(&mut self, signed: bool, a: Value, from: Ty, to: Ty) {
        self.ldx(a, X0, Rax);
        if from == Ty::F32 {
            self.emit(Inst::FloatToFloat { to_double: true, dst: X0, src: X0 });
        }
        let (lo, hi, hi_val, lo_val): (f64, f64, u64, u64) = match (signed, to) {
            (true, Ty::I64) => {
                (-9_223_372_036_854_775_808.0, 9_223_372_036_854_775_808.0, i64::MAX as u64, i64::MIN as u64)
            }
            (true, _) => (-2_147_483_648.0, 2_147_483_648.0, i32::MAX as u32 as u64, i32::MIN as u32 as u64),
            (false, Ty::I64) => (0.0, 18_446_744_073_709_551_616.0, u64::MAX, 0),
            (false, _) => (0.0, 4_294_967_296.0, u64::from(u32::MAX), 0),
        };
        let (zero, low, high, done) = (self.label(), self.label(), self.label(), self.label());
        self.emit(Inst::Ucomis { double: true, a: X0, b: X0 });
        self.emit(Inst::Jcc { cond: Cond::P, target: zero });
        // x < lo (or x <= 0 for unsigned: those truncate to 0 or below).
        self.fconst(X1, lo);
        self.emit(Inst::Ucomis { double: true, a: X1, b: X0 });
        self.emit(Inst::Jcc { cond: if signed { Cond::A } else { Cond::Ae }, target: low });
        self.fconst(X1, hi);
        self.emit(Inst::Ucomis { double: true, a: X0, b: X1 });
        self.emit(Inst::Jcc { cond: Cond::Ae, target: high });
        if !signed && to == Ty::I64 {
            // [2^63, 2^64): convert x - 2^63 and set the top bit.
            let small = self.label();
            self.fconst(X1, 9_223_372_036_854_775_808.0);
            self.emit(Inst::Ucomis { double: true, a: X0, b: X1 });
            self.emit(Inst::Jcc { cond: Cond::B, target: small });
            self.emit(Inst::Sse { op: SseOp::Sub, double: true, dst: X0, src: X1 });
            self.emit(Inst::FloatToInt { double: true, size: Size::S64, dst: Rax, src: X0 });
            self.imm(R11, 1 << 63);
            self.emit(Inst::Alu { op: AluOp::Xor, size: Size::S64, dst: Rax, src: R11 });
            self.emit(Inst::Jmp { target: done });
            self.bind(small);
        }
        self.emit(Inst::FloatToInt { double: true, size: Size::S64, dst: Rax, src: X0 });
        self.emit(Inst::Jmp { target: done });
        self.bind(low);
        self.imm(Rax, lo_val);
        self.emit(Inst::Jmp { target: done });
        self.bind(high);
        self.imm(Rax, hi_val);
        self.emit(Inst::Jmp { target: done });
        self.bind(zero);
        self.emit(Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rax, src: Rax });
        self.bind(done);
    }

    /// memmove: forwards with `rep movsb` unless the destination overlaps the end
    /// of the source, then backwards with the direction flag set.
    fn copy(&mut self, dst: Value, src: Value, len: Value) {
        self.ld(dst, Rdi);
        self.ld(src, Rsi);
        self.ld(len, Rcx);
        let (fwd, done) = (self.label(), self.label());
        self.emit(Inst::Alu { op: AluOp::Cmp, size: Size::S64, dst: Rdi, src: Rsi });
        self.emit(Inst::Jcc { cond: Cond::Be, target: fwd });
        self.emit(Inst::Lea {
            dst: Rax,
            addr: Amode::BaseIndex { base: Rsi, index: Rcx, scale: 1, disp: 0 },
        });
        self.emit(Inst::Alu { op: AluOp::Cmp, size: Size::S64, dst: Rdi, src: Rax });
        self.emit(Inst::Jcc { cond: Cond::Ae, target: fwd });
        self.emit(Inst::Lea {
            dst: Rsi,
            addr: Amode::BaseIndex { base: Rsi, index: Rcx, scale: 1, disp: -1 },
        });
        self.emit(Inst::Lea {
            dst: Rdi,
            addr: Amode::BaseIndex { base: Rdi, index: Rcx, scale: 1, disp: -1 },
        });
        self.emit(Inst::SetDirection { down: true });
        self.emit(Inst::RepMovsb);
        self.emit(Inst::SetDirection { down: false });
        self.emit(Inst::Jmp { target: done });
        self.bind(fwd);
        self.emit(Inst::RepMovsb);
        self.bind(done);
    }
}

/// Lowers `f` to machine code with relocations for the symbols it uses.
pub fn lower(f: &Func) -> Result<Code, Unsupported> {
    lower_with(f, false).map(|(code, _)| code)
}

/// The assembly listing of `f` as `-gcflags=-S` shows one: a header with the
/// function's name, code size and frame size, then each instruction with its offset
/// (hex and decimal) in Intel syntax, and the branch labels.
pub fn listing(f: &Func) -> Result<String, Unsupported> {
    let frame = Layout::new(f, regalloc::allocate(f, ALLOCATABLE.len() as u8, &[]).used.len()).size;
    let (code, lines) = lower_with(f, true)?;
    let mut out = format!(
        "{} STEXT size={} args={:#x} locals={:#x}\n",
        f.name,
        code.bytes.len(),
        8 * (f.sig.params.len() + f.sig.results.len()),
        frame
    );
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    Ok(out)
}

fn lower_with(f: &Func, list: bool) -> Result<(Code, Vec<String>), Unsupported> {
    let mut buf = CodeBuffer::new();
    let blocks = f.blocks.iter().map(|_| buf.new_label()).collect();
    let alloc = regalloc::allocate(f, ALLOCATABLE.len() as u8, &[]);
    let frame = Layout::new(f, alloc.used.len());
    Lower { f, frame, alloc, buf, blocks, listing: list.then(Vec::new) }.lower()
}

/// The entry point and the operating system's primitive, written directly in
/// machine code for `goos`. `_start` hands the initial stack pointer (on linux:
/// argc, argv, envp, auxv) to `runtime.rt0` (and calls `runtime.fatalpanic` if a
/// panic returns from it). On linux `runtime.syscall6` makes a system call with
/// crossplay's convention (context word, number, six arguments; one result, the
/// raw return value, negative for an errno); on windows `runtime.stdcall6` calls
/// a function pointer (an import address table slot's value) with six arguments
/// in the Microsoft x64 convention: rcx, rdx, r8, r9, then the stack above 32
/// bytes of shadow space, rsp 16-byte aligned at the call. On darwin dyld calls
/// `_start` as C's `main(argc, argv, envp)`, and `runtime.libcall6` calls a
/// libSystem function (a GOT slot's value) in the System V convention.
/// Everything crossplay keeps in registers across calls (rbx, rbp, r12–r15) is
/// callee-saved in both conventions.
pub fn stubs(os: codegen::OsAbi) -> Vec<(String, Code)> {
    let mut start = CodeBuffer::new();
    let sp = |disp: i32| Amode::BaseDisp { base: Rsp, disp };
    let entry = if os == codegen::OsAbi::Darwin {
        // dyld calls the entry as C's main(argc, argv, envp): rt0(argc, argv, envp).
        vec![
            Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
            Inst::AluImm { op: AluOp::Sub, size: Size::S64, dst: Rsp, imm: 32 },
            Inst::Store { size: Size::S64, src: Rdi, addr: sp(8) },
            Inst::Store { size: Size::S64, src: Rsi, addr: sp(16) },
            Inst::Store { size: Size::S64, src: Rdx, addr: sp(24) },
        ]
    } else {
        vec![
            Inst::MovRR { size: Size::S64, dst: Rdi, src: Rsp },
            Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
            Inst::AluImm { op: AluOp::Sub, size: Size::S64, dst: Rsp, imm: 16 },
            Inst::Store { size: Size::S64, src: Rdi, addr: sp(8) },
        ]
    };
    for i in entry.into_iter().chain([
        Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rax, src: Rax },
        Inst::Store { size: Size::S64, src: Rax, addr: sp(0) },
        Inst::Call { symbol: "runtime.rt0".into() },
        // rt0 returns only when a panic unwound out of the program: the flag is
        // cleared so that fatalpanic's own calls run, and it prints the panic.
        Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rax, src: Rax },
        Inst::Store {
            size: Size::S32,
            src: Rax,
            addr: Amode::Rip { symbol: "runtime.panicking".into(), addend: 0 },
        },
        Inst::Store { size: Size::S64, src: Rax, addr: Amode::BaseDisp { base: Rsp, disp: 0 } },
        Inst::Call { symbol: "runtime.fatalpanic".into() },
        Inst::Ud2,
    ]) {
        emit(&i, &mut start);
    }
    let mut sys = CodeBuffer::new();
    // [rsp] is the return address, [rsp+8] the context word, then the number and
    // the arguments; the result goes after them.
    let arg = |i: i32| Amode::BaseDisp { base: Rsp, disp: 16 + 8 * i };
    for i in [
        Inst::Load { size: Size::S64, signed: false, dst: Rax, addr: arg(0) },
        Inst::Load { size: Size::S64, signed: false, dst: Rdi, addr: arg(1) },
        Inst::Load { size: Size::S64, signed: false, dst: Rsi, addr: arg(2) },
        Inst::Load { size: Size::S64, signed: false, dst: Rdx, addr: arg(3) },
        Inst::Load { size: Size::S64, signed: false, dst: Gpr::R10, addr: arg(4) },
        Inst::Load { size: Size::S64, signed: false, dst: Gpr::R8, addr: arg(5) },
        Inst::Load { size: Size::S64, signed: false, dst: Gpr::R9, addr: arg(6) },
        Inst::Syscall,
        Inst::Store { size: Size::S64, src: Rax, addr: arg(7) },
        Inst::Ret,
    ] {
        emit(&i, &mut sys);
    }
    let done = |b: CodeBuffer| b.finish().unwrap_or_else(|_| Code { bytes: vec![], relocs: vec![] });
    if os == codegen::OsAbi::Windows {
        return vec![("_start".into(), done(start)), ("runtime.stdcall6".into(), done(stdcall6()))];
    }
    if os == codegen::OsAbi::Darwin {
        return vec![("_start".into(), done(start)), ("runtime.libcall6".into(), done(libcall6()))];
    }
    vec![("_start".into(), done(start)), ("runtime.syscall6".into(), done(sys))]
}

/// `runtime.libcall6(fn, a1, …, a6) uintptr` in the System V convention (darwin's
/// libSystem): rdi, rsi, rdx, rcx, r8, r9, rsp 16-byte aligned at the call.
fn libcall6() -> CodeBuffer {
    let mut b = CodeBuffer::new();
    // After `push rbp`: [rbp+24] fn, [rbp+32..72] the arguments, [rbp+80] the result.
    let arg = |i: i32| Amode::BaseDisp { base: Rbp, disp: 24 + 8 * i };
    let mut insts = vec![
        Inst::Push { src: Rbp },
        Inst::MovRR { size: Size::S64, dst: Rbp, src: Rsp },
        Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
    ];
    for (i, r) in [Rdi, Rsi, Rdx, Rcx, Gpr::R8, Gpr::R9].into_iter().enumerate() {
        insts.push(Inst::Load { size: Size::S64, signed: false, dst: r, addr: arg(i as i32 + 1) });
    }
    insts.extend([
        Inst::Load { size: Size::S64, signed: false, dst: R11, addr: arg(0) },
        Inst::CallReg { src: R11 },
        Inst::Store { size: Size::S64, src: Rax, addr: arg(7) },
        Inst::MovRR { size: Size::S64, dst: Rsp, src: Rbp },
        Inst::Pop { dst: Rbp },
        Inst::Ret,
    ]);
    for i in &insts {
        emit(i, &mut b);
    }
    b
}

/// `runtime.stdcall6(fn, a1, …, a6) uintptr` in the Microsoft x64 convention.
fn stdcall6() -> CodeBuffer {
    let mut b = CodeBuffer::new();
    // After `push rbp`: [rbp+8] the return address, [rbp+16] the context word,
    // [rbp+24] fn, [rbp+32..72] the arguments, [rbp+80] the result.
    let arg = |i: i32| Amode::BaseDisp { base: Rbp, disp: 24 + 8 * i };
    let out = |i: i32| Amode::BaseDisp { base: Rsp, disp: 32 + 8 * i };
    for i in [
        Inst::Push { src: Rbp },
        Inst::MovRR { size: Size::S64, dst: Rbp, src: Rsp },
        Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
        Inst::AluImm { op: AluOp::Sub, size: Size::S64, dst: Rsp, imm: 48 },
        Inst::Load { size: Size::S64, signed: false, dst: Rcx, addr: arg(1) },
        Inst::Load { size: Size::S64, signed: false, dst: Rdx, addr: arg(2) },
        Inst::Load { size: Size::S64, signed: false, dst: Gpr::R8, addr: arg(3) },
        Inst::Load { size: Size::S64, signed: false, dst: Gpr::R9, addr: arg(4) },
        Inst::Load { size: Size::S64, signed: false, dst: Rax, addr: arg(5) },
        Inst::Store { size: Size::S64, src: Rax, addr: out(0) },
        Inst::Load { size: Size::S64, signed: false, dst: Rax, addr: arg(6) },
        Inst::Store { size: Size::S64, src: Rax, addr: out(1) },
        Inst::Load { size: Size::S64, signed: false, dst: R11, addr: arg(0) },
        Inst::CallReg { src: R11 },
        Inst::Store { size: Size::S64, src: Rax, addr: arg(7) },
        Inst::MovRR { size: Size::S64, dst: Rsp, src: Rbp },
        Inst::Pop { dst: Rbp },
        Inst::Ret,
    ] {
        emit(&i, &mut b);
    }
    b
}
