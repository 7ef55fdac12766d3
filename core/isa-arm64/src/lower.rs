//! Lowering one IR function to arm64 code, with the same first strategy as the
//! amd64 back end: every IR value and variable lives in its own 8-byte frame slot,
//! and each instruction loads its operands into fixed scratch registers (x0–x4,
//! d0–d1), computes, and stores its result. x16 and x17 (the intra-procedure-call
//! scratch registers) form addresses too far for an instruction's offset field.
//!
//! Like Go's arm64 back end, it fuses a float multiply into the add or subtract
//! that uses it (`fmadd` and kin, one rounding), following Go's rules
//! (`ARM64.rules`), which see through variables (Go's SSA values) but not through
//! an explicit conversion (`fround`): see `Fuser`.
//!
//! Values and variables that `codegen::regalloc` gives a register live in x19–x28
//! instead of their slots; those registers are callee-saved here (each function
//! saves the ones it uses in its frame), so they survive calls.
//!
//! The calling convention passes arguments and results in memory, as Go's ABI0
//! does and as the amd64 lowering does: the caller writes argument `i` at
//! `[sp + 8i]` and finds result `j` at `[sp + 8(n + j)]` after the `bl`; the
//! callee, after `stp x29, x30, [sp, #-16]!; mov x29, sp`, finds them 16 bytes
//! above x29. The frame is addressed from sp, which stays 16-byte aligned.

use std::collections::HashMap;

use codegen::frame::Layout;
use codegen::regalloc::{self, Allocation};
use codegen::{Code, CodeBuffer, Label};
use ir::{BinOp, CmpOp, ConvOp, Func, Mem, Op, Term, Ty, UnOp, Value};

use crate::inst::emit::emit;
use crate::inst::{
    AddSubOp, AluOp, Amode, Cond, FmaOp, FpuOp1, FpuOp2, Inst, MemSize, MoveWide, ShiftOp, Size, Vreg, Xreg,
};

/// An IR construct this back end does not lower.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

const X0: Xreg = Xreg::x(0);
const X1: Xreg = Xreg::x(1);
const X2: Xreg = Xreg::x(2);
const X3: Xreg = Xreg::x(3);
const X4: Xreg = Xreg::x(4);
const X8: Xreg = Xreg::x(8);
/// Address scratch registers.
const IP0: Xreg = Xreg::x(16);
const IP1: Xreg = Xreg::x(17);
const FP: Xreg = Xreg::FP;
const LR: Xreg = Xreg::LR;
const SP: Xreg = Xreg::SP;
const ZR: Xreg = Xreg::ZR;
const D0: Vreg = Vreg(0);
const D1: Vreg = Vreg(1);
const D2: Vreg = Vreg(2);

/// The registers the allocator hands out: x19–x28, callee-saved.
const ALLOCATABLE: u8 = 10;

fn allocated(r: u8) -> Xreg {
    Xreg::x(19 + r)
}

/// Frames up to 16 MiB: `sub sp` takes a 12-bit immediate, optionally shifted by 12.
const MAX_FRAME: u64 = (1 << 24) - 16;

/// The frame layout, its size checked against what `sub sp` can take.
fn layout(f: &Func, n_saved: usize) -> Result<Layout, Unsupported> {
    let l = Layout::new(f, n_saved);
    if l.size as u64 > MAX_FRAME {
        return Err(Unsupported(format!("a frame of {} bytes", l.size)));
    }
    Ok(l)
}

fn size_of(ty: Ty) -> Size {
    match ty {
        Ty::I32 | Ty::F32 => Size::W,
        Ty::I64 | Ty::F64 => Size::X,
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

fn value_mem(ty: Ty) -> MemSize {
    match size_of(ty) {
        Size::W => MemSize::W,
        Size::X => MemSize::X,
    }
}

/// The instructions that put the 64-bit `v` in `rd`: one `movz` or `movn` and a
/// `movk` per further 16-bit piece that differs.
pub fn mov_imm(rd: Xreg, v: u64) -> Vec<Inst> {
    let pieces = |v: u64| (0..4).map(move |i| (v >> (16 * i)) as u16);
    let zeros = pieces(v).filter(|p| *p == 0).count();
    let ones = pieces(v).filter(|p| *p == 0xffff).count();
    let inverted = ones > zeros;
    let fill = if inverted { 0xffff } else { 0 };
    let mut out = Vec::new();
    for (i, p) in pieces(v).enumerate() {
        if p == fill {
            continue;
        }
        let shift = 16 * i as u8;
        out.push(if out.is_empty() {
            let (op, imm16) = if inverted { (MoveWide::N, !p) } else { (MoveWide::Z, p) };
            Inst::MovWide { op, size: Size::X, rd, imm16, shift }
        } else {
            Inst::MovWide { op: MoveWide::K, size: Size::X, rd, imm16: p, shift }
        });
    }
    if out.is_empty() {
        let op = if inverted { MoveWide::N } else { MoveWide::Z };
        out.push(Inst::MovWide { op, size: Size::X, rd, imm16: 0, shift: 0 });
    }
    out
}

/// Where Go's arm64 back end fuses a multiply into an add or subtract, over the IR
/// as Go's SSA would see it: the analysis behind `Lower::fused`.
struct Fuser<'f> {
    f: &'f Func,
    /// Where each value is defined (block, instruction); parameters have no place.
    def: Vec<Option<(usize, usize)>>,
    /// Each block's predecessors among the blocks that run.
    preds: Vec<Vec<usize>>,
}

/// A fused float add or subtract: the instruction, the addend and the factors.
type Fused = (FmaOp, Value, Value, Value);

impl Fuser<'_> {
    fn new(f: &Func) -> Fuser<'_> {
        let mut def = vec![None; f.values.len()];
        let mut preds = vec![Vec::new(); f.blocks.len()];
        // Predecessors among the blocks that run at all (Go drops the others).
        let mut live = vec![false; f.blocks.len()];
        let mut work = vec![0usize];
        while let Some(b) = work.pop() {
            if f.blocks.is_empty() || std::mem::replace(&mut live[b], true) {
                continue;
            }
            match &f.blocks[b].term {
                Term::Jump(t) => work.push(t.block.index()),
                Term::Br(_, y, n) => work.extend([y.block.index(), n.block.index()]),
                Term::Ret(_) | Term::Unreachable => {}
            }
        }
        for (i, b) in f.blocks.iter().enumerate() {
            for (j, inst) in b.insts.iter().enumerate() {
                for r in &inst.results {
                    def[r.index()] = Some((i, j));
                }
            }
            if !live[i] {
                continue;
            }
            match &b.term {
                Term::Jump(t) => preds[t.block.index()].push(i),
                Term::Br(_, y, n) => {
                    preds[y.block.index()].push(i);
                    if n != y {
                        preds[n.block.index()].push(i);
                    }
                }
                Term::Ret(_) | Term::Unreachable => {}
            }
        }
        Fuser { f, def, preds }
    }

    /// Every fused add and subtract of `f`, by (block, instruction).
    fn all(&self) -> HashMap<(usize, usize), Fused> {
        let mut out = HashMap::new();
        for (i, b) in self.f.blocks.iter().enumerate() {
            for (j, inst) in b.insts.iter().enumerate() {
                if let Op::Bin(op @ (BinOp::Add | BinOp::Sub), a, c) = &inst.op
                    && !self.f.ty(*a).is_int()
                    && let Some(fused) = self.fusion(*op, *a, *c)
                {
                    out.insert((i, j), fused);
                }
            }
        }
        out
    }

    /// What `v` copies, as Go's SSA sees it: through each `get` to the value of
    /// the one `set` of its variable that reaches it (`reaching_set`).
    fn source(&self, mut v: Value) -> (Value, Option<&Op>) {
        for _ in 0..64 {
            let Some((b, i)) = self.def[v.index()] else { return (v, None) };
            let op = &self.f.blocks[b].insts[i].op;
            let Op::Get(x) = op else { return (v, Some(op)) };
            match self.reaching_set(*x, b, i) {
                Some(w) => v = w,
                None => return (v, Some(op)),
            }
        }
        (v, None)
    }

    /// The value stored by the `set` of `x` that is the last to run before
    /// instruction `i` of block `b` on every path from the entry; None when the
    /// paths disagree, or one has no `set`.
    ///
    /// Fusing through it is sound: the `set` then dominates the `get`, so the
    /// multiply does too, and neither the multiply nor its operands can run again
    /// between it and the add without the other; `analyze` keeps the factors live
    /// (in their registers or slots) up to the add.
    fn reaching_set(&self, x: ir::Var, b: usize, i: usize) -> Option<Value> {
        let last_set = |blk: usize, end: usize| {
            self.f.blocks[blk].insts[..end].iter().enumerate().rev().find_map(|(j, inst)| match &inst.op {
                Op::Set(y, w) if *y == x => Some((blk, j, *w)),
                _ => None,
            })
        };
        if let Some((_, _, w)) = last_set(b, i) {
            return Some(w);
        }
        if b == 0 {
            return None;
        }
        let mut found = None;
        let mut seen = vec![false; self.f.blocks.len()];
        let mut work = self.preds[b].clone();
        let mut budget = 256;
        while let Some(p) = work.pop() {
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            budget -= 1;
            if budget == 0 {
                return None;
            }
            match last_set(p, self.f.blocks[p].insts.len()) {
                Some(s) if found.is_none_or(|f| f == s) => found = Some(s),
                Some(_) => return None,
                None if p == 0 || self.preds[p].is_empty() => return None,
                None => work.extend_from_slice(&self.preds[p]),
            }
        }
        found.map(|(_, _, w)| w)
    }

    /// `v` as a float product Go's arm64 rules fuse: `x * y` (`FMULD`), or its
    /// negation, `-(x * y)` or `(-x) * y` (`FNMULD`), as (x, y, negated).
    fn product(&self, v: Value, depth: u32) -> Option<(Value, Value, bool)> {
        match self.source(v).1? {
            Op::Bin(BinOp::Mul, x, y) if !self.f.ty(*x).is_int() => {
                let unneg = |v: Value| match self.source(v) {
                    (_, Some(Op::Un(UnOp::Neg, w))) => (*w, true),
                    _ => (v, false),
                };
                let ((x, nx), (y, ny)) = (unneg(*x), unneg(*y));
                Some((x, y, nx != ny))
            }
            Op::Un(UnOp::Neg, w) if depth == 0 => self.product(*w, 1).map(|(x, y, n)| (x, y, !n)),
            _ => None,
        }
    }

    /// How Go's arm64 back end fuses `a op b` (an add or subtract): the rules
    /// try a plain product before a negated one, and for each the second
    /// operand before the first. The result: the instruction, the addend, and
    /// the factors.
    fn fusion(&self, op: BinOp, a: Value, b: Value) -> Option<Fused> {
        let (pa, pb) = (self.product(a, 0), self.product(b, 0));
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
}

struct Lower<'f> {
    f: &'f Func,
    /// The fused adds and subtracts, and the instruction being lowered.
    fused: HashMap<(usize, usize), Fused>,
    at: (usize, usize),
    frame: Layout,
    alloc: Allocation,
    buf: CodeBuffer,
    blocks: Vec<Label>,
    /// The assembly listing, when one is asked for: a line per instruction
    /// (offset, text) and per label.
    listing: Option<Vec<String>>,
}

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

    fn label(&mut self) -> Label {
        self.buf.new_label()
    }

    /// The sp-relative offset of a frame-pointer-relative one.
    fn sp(&self, from_fp: i64) -> i64 {
        self.frame.size + from_fp
    }

    fn ty(&self, v: Value) -> Ty {
        self.f.ty(v)
    }

    fn imm(&mut self, rd: Xreg, v: u64) {
        for i in mov_imm(rd, v) {
            self.emit(i);
        }
    }

    /// An operand for an access of `size` at `base + off`, through `tmp` when the
    /// offset fits no immediate form.
    fn amode(&mut self, base: Xreg, off: i64, size: MemSize, tmp: Xreg) -> Amode {
        let bytes = i64::from(size.bytes());
        if off >= 0 && off % bytes == 0 && off / bytes < 4096 {
            return Amode::Scaled { base, off: off as u32 };
        }
        if (-256..256).contains(&off) {
            return Amode::Unscaled { base, off: off as i16 };
        }
        self.imm(tmp, off as u64);
        Amode::Reg { base, index: tmp }
    }

    /// Loads `size` bytes at `[sp + off]` into `rd`.
    fn ld_sp(&mut self, size: MemSize, signed: bool, rd: Xreg, off: i64) {
        let addr = self.amode(SP, off, size, IP0);
        self.emit(Inst::Load { size, signed, rd, addr });
    }

    fn st_sp(&mut self, size: MemSize, rt: Xreg, off: i64) {
        let addr = self.amode(SP, off, size, IP0);
        self.emit(Inst::Store { size, rt, addr });
    }

    /// `mov rd, rn` at `size` (a 32-bit move zeroes the upper half).
    fn mov(&mut self, size: Size, rd: Xreg, rn: Xreg) {
        if rd != rn || size == Size::W {
            self.emit(Inst::Alu { op: AluOp::Orr, size, rd, rn: ZR, rm: rn });
        }
    }

    /// Loads value `v` into `r` (32-bit values zero-extended).
    fn ld(&mut self, v: Value, r: Xreg) {
        if let Some(a) = self.alloc.value(v) {
            return self.mov(Size::X, r, allocated(a));
        }
        let off = self.sp(self.frame.value(v));
        self.ld_sp(value_mem(self.ty(v)), false, r, off);
    }

    fn st(&mut self, r: Xreg, v: Value) {
        if let Some(a) = self.alloc.value(v) {
            return self.mov(size_of(self.ty(v)), allocated(a), r);
        }
        let off = self.sp(self.frame.value(v));
        self.st_sp(value_mem(self.ty(v)), r, off);
    }

    /// Loads the low `size` bytes of value `v` into x0, sign-extended to 64 bits
    /// or zero-extended.
    fn ld_ext(&mut self, v: Value, size: MemSize, signed: bool) {
        let Some(a) = self.alloc.value(v) else {
            let off = self.sp(self.frame.value(v));
            return self.ld_sp(size, signed, X0, off);
        };
        let r = allocated(a);
        if signed {
            let shift = (64 - 8 * size.bytes()) as u8;
            self.emit(Inst::ShiftImm { op: ShiftOp::Lsl, size: Size::X, rd: X0, rn: r, imm: shift });
            self.emit(Inst::ShiftImm { op: ShiftOp::Asr, size: Size::X, rd: X0, rn: X0, imm: shift });
        } else {
            self.mov(Size::W, X0, r);
        }
    }

    /// Loads float value `v` into `d`, through `scratch`.
    fn ldf(&mut self, v: Value, d: Vreg, scratch: Xreg) {
        self.ld(v, scratch);
        let double = self.ty(v) == Ty::F64;
        self.emit(Inst::FmovToFp { double, rd: d, rn: scratch });
    }

    /// Stores float register `d` as value `v`, through x0.
    fn stf(&mut self, d: Vreg, v: Value) {
        let double = self.ty(v) == Ty::F64;
        self.emit(Inst::FmovFromFp { double, rd: X0, rn: d });
        self.st(X0, v);
    }

    /// `rd = rn + imm` for a non-negative `imm` below 16 MiB (rn may be sp).
    fn add_imm(&mut self, rd: Xreg, rn: Xreg, imm: u64) {
        let (hi, lo) = ((imm >> 12) as u16, (imm & 0xfff) as u16);
        let mut src = rn;
        if hi != 0 {
            self.emit(Inst::AddSubImm {
                op: AddSubOp::Add,
                size: Size::X,
                rd,
                rn: src,
                imm12: hi,
                shift12: true,
            });
            src = rd;
        }
        if lo != 0 || src == rn {
            self.emit(Inst::AddSubImm {
                op: AddSubOp::Add,
                size: Size::X,
                rd,
                rn: src,
                imm12: lo,
                shift12: false,
            });
        }
    }

    fn lower(mut self) -> Result<(Code, Vec<String>), Unsupported> {
        let f = self.f;
        self.emit(Inst::StpPre { rt: FP, rt2: LR, base: SP, off: -16 });
        self.emit(Inst::AddSubImm {
            op: AddSubOp::Add,
            size: Size::X,
            rd: FP,
            rn: SP,
            imm12: 0,
            shift12: false,
        });
        let size = self.frame.size as u64;
        let (hi, lo) = ((size >> 12) as u16, (size & 0xfff) as u16);
        if hi != 0 {
            self.emit(Inst::AddSubImm {
                op: AddSubOp::Sub,
                size: Size::X,
                rd: SP,
                rn: SP,
                imm12: hi,
                shift12: true,
            });
        }
        if lo != 0 {
            self.emit(Inst::AddSubImm {
                op: AddSubOp::Sub,
                size: Size::X,
                rd: SP,
                rn: SP,
                imm12: lo,
                shift12: false,
            });
        }
        for (k, r) in self.alloc.used.clone().into_iter().enumerate() {
            let off = self.sp(self.frame.saved(k));
            self.st_sp(MemSize::X, allocated(r), off);
        }
        for (i, b) in f.blocks.iter().enumerate() {
            let l = self.blocks[i];
            self.bind(l);
            for (j, inst) in b.insts.iter().enumerate() {
                self.at = (i, j);
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
                    self.emit(Inst::B { target: l });
                }
            }
            Term::Br(c, ir::Target { block: yes, .. }, ir::Target { block: no, .. }) => {
                self.ld(*c, X0);
                let (ly, ln) = (self.blocks[yes.index()], self.blocks[no.index()]);
                self.emit(Inst::Cbz { nonzero: true, size: Size::W, rt: X0, target: ly });
                if no.index() != index + 1 {
                    self.emit(Inst::B { target: ln });
                }
            }
            Term::Ret(vals) => {
                for (j, v) in vals.iter().enumerate() {
                    self.ld(*v, X0);
                    let off = self.sp(self.frame.result(j));
                    self.st_sp(MemSize::X, X0, off);
                }
                for (k, r) in self.alloc.used.clone().into_iter().enumerate() {
                    let off = self.sp(self.frame.saved(k));
                    self.ld_sp(MemSize::X, false, allocated(r), off);
                }
                self.emit(Inst::AddSubImm {
                    op: AddSubOp::Add,
                    size: Size::X,
                    rd: SP,
                    rn: FP,
                    imm12: 0,
                    shift12: false,
                });
                self.emit(Inst::LdpPost { rt: FP, rt2: LR, base: SP, off: 16 });
                self.emit(Inst::Ret);
            }
            Term::Unreachable => self.emit(Inst::Udf),
        }
    }

    fn inst(&mut self, op: &Op, results: &[Value]) -> Result<(), Unsupported> {
        let r0 = results.first().copied();
        let out = |r: Option<Value>| r.ok_or_else(|| Unsupported("an instruction without its result".into()));
        match op {
            Op::IConst(ty, v) => {
                let bits = if *ty == Ty::I32 { u64::from(*v as u32) } else { *v as u64 };
                self.imm(X0, bits);
                self.st(X0, out(r0)?);
            }
            Op::FConst(ty, bits) => {
                let bits = if *ty == Ty::F32 { *bits & 0xffff_ffff } else { *bits };
                self.imm(X0, bits);
                self.st(X0, out(r0)?);
            }
            Op::Bin(op, a, b) => self.bin(*op, *a, *b, out(r0)?),
            Op::Cmp(op, a, b) => self.cmp(*op, *a, *b, out(r0)?),
            Op::Un(op, a) => self.un(*op, *a, out(r0)?),
            Op::Conv(op, ty, a) => self.conv(*op, *ty, *a, out(r0)?),
            Op::Select(c, a, b) => {
                self.ld(*a, X0);
                self.ld(*b, X1);
                self.ld(*c, X2);
                self.emit(Inst::AddSubImm {
                    op: AddSubOp::Subs,
                    size: Size::W,
                    rd: ZR,
                    rn: X2,
                    imm12: 0,
                    shift12: false,
                });
                self.emit(Inst::Csel { size: Size::X, rd: X0, rn: X0, rm: X1, cond: Cond::Ne });
                self.st(X0, out(r0)?);
            }
            Op::Load { mem, signed, ty, addr, off } => {
                self.ld(*addr, X1);
                let size = mem_size(*mem);
                // Sign-extend what is narrower than the result; a 32-bit result
                // keeps its low half either way.
                let signed = *signed && (*ty == Ty::I64 || size.bytes() < 4);
                let a = self.amode(X1, i64::from(*off), size, IP1);
                self.emit(Inst::Load { size, signed, rd: X0, addr: a });
                self.st(X0, out(r0)?);
            }
            Op::Store { mem, addr, off, val } => {
                self.ld(*addr, X1);
                self.ld(*val, X0);
                let size = mem_size(*mem);
                let a = self.amode(X1, i64::from(*off), size, IP1);
                self.emit(Inst::Store { size, rt: X0, addr: a });
            }
            Op::Copy { dst, src, len } => self.copy(*dst, *src, *len),
            Op::Zero { dst, len } => self.zero(*dst, *len),
            Op::SymAddr(name) | Op::FuncAddr(name) => {
                self.emit(Inst::Adrp { rd: X0, symbol: name.clone() });
                self.emit(Inst::AddLo12 { rd: X0, rn: X0, symbol: name.clone() });
                self.st(X0, out(r0)?);
            }
            Op::SlotAddr(s) => {
                let off = self.sp(self.frame.slot(*s));
                self.add_imm(X0, SP, off as u64);
                self.st(X0, out(r0)?);
            }
            Op::Get(x) => {
                if let Some(a) = self.alloc.var(*x) {
                    self.mov(Size::X, X0, allocated(a));
                } else {
                    let (off, size) = (self.sp(self.frame.var(*x)), value_mem(self.f.vars[x.index()]));
                    self.ld_sp(size, false, X0, off);
                }
                self.st(X0, out(r0)?);
            }
            Op::Set(x, v) => {
                self.ld(*v, X0);
                if let Some(a) = self.alloc.var(*x) {
                    self.mov(Size::X, allocated(a), X0);
                } else {
                    let off = self.sp(self.frame.var(*x));
                    self.st_sp(MemSize::X, X0, off);
                }
            }
            Op::Call { callee, args } => {
                self.args(args);
                self.emit(Inst::Bl { symbol: callee.clone() });
                self.results(args.len(), results);
            }
            Op::CallIndirect { target, args, .. } => {
                self.args(args);
                self.ld(*target, IP0);
                self.emit(Inst::Blr { rn: IP0 });
                self.results(args.len(), results);
            }
            Op::MemSize | Op::MemGrow(_) => {
                return Err(Unsupported(
                    "Wasm memory growth (the runtime's native ports allocate with mmap)".into(),
                ));
            }
            // The driver makes unwinding explicit for this back end
            // (`opt::unwind::make_explicit`).
            Op::Check { .. } | Op::GetG => return Err(Unsupported("implicit unwinding".into())),
        }
        Ok(())
    }

    fn args(&mut self, args: &[Value]) {
        for (i, a) in args.iter().enumerate() {
            self.ld(*a, X0);
            self.st_sp(MemSize::X, X0, 8 * i as i64);
        }
    }

    fn results(&mut self, n_args: usize, results: &[Value]) {
        for (j, r) in results.iter().enumerate() {
            self.ld_sp(MemSize::X, false, X0, 8 * (n_args + j) as i64);
            self.st(X0, *r);
        }
    }

    fn bin(&mut self, op: BinOp, a: Value, b: Value, r: Value) {
        let ty = self.ty(a);
        if !ty.is_int() {
            return self.fbin(op, ty == Ty::F64, a, b, r);
        }
        let size = size_of(ty);
        self.ld(a, X0);
        self.ld(b, X1);
        let alu = |op| Inst::Alu { op, size, rd: X0, rn: X0, rm: X1 };
        let shift = |op| Inst::Shift { op, size, rd: X0, rn: X0, rm: X1 };
        match op {
            BinOp::Add => self.emit(alu(AluOp::Add)),
            BinOp::Sub => self.emit(alu(AluOp::Sub)),
            BinOp::And => self.emit(alu(AluOp::And)),
            BinOp::Or => self.emit(alu(AluOp::Orr)),
            BinOp::Xor => self.emit(alu(AluOp::Eor)),
            BinOp::Mul => self.emit(Inst::MulAdd { sub: false, size, rd: X0, rn: X0, rm: X1, ra: ZR }),
            BinOp::DivS | BinOp::DivU => {
                self.emit(Inst::Div { signed: op == BinOp::DivS, size, rd: X0, rn: X0, rm: X1 })
            }
            BinOp::RemS | BinOp::RemU => {
                // a - (a / b) * b.
                self.emit(Inst::Div { signed: op == BinOp::RemS, size, rd: X2, rn: X0, rm: X1 });
                self.emit(Inst::MulAdd { sub: true, size, rd: X0, rn: X2, rm: X1, ra: X0 });
            }
            BinOp::Shl => self.emit(shift(ShiftOp::Lsl)),
            BinOp::ShrS => self.emit(shift(ShiftOp::Asr)),
            BinOp::ShrU => self.emit(shift(ShiftOp::Lsr)),
            BinOp::Div | BinOp::Min | BinOp::Max | BinOp::Copysign => {}
        }
        self.st(X0, r);
    }

    fn sign_bit(double: bool) -> u64 {
        if double { 1 << 63 } else { 1 << 31 }
    }

    fn fbin(&mut self, op: BinOp, double: bool, a: Value, b: Value, r: Value) {
        let size = if double { Size::X } else { Size::W };
        if op == BinOp::Copysign {
            let sign = Self::sign_bit(double);
            self.ld(a, X0);
            self.ld(b, X1);
            self.imm(X2, !sign & if double { u64::MAX } else { 0xffff_ffff });
            self.emit(Inst::Alu { op: AluOp::And, size, rd: X0, rn: X0, rm: X2 });
            self.imm(X2, sign);
            self.emit(Inst::Alu { op: AluOp::And, size, rd: X1, rn: X1, rm: X2 });
            self.emit(Inst::Alu { op: AluOp::Orr, size, rd: X0, rn: X0, rm: X1 });
            return self.st(X0, r);
        }
        if let Some(&(fma, addend, x, y)) = self.fused.get(&self.at) {
            self.ldf(addend, D0, X0);
            self.ldf(x, D1, X1);
            self.ldf(y, D2, X2);
            self.emit(Inst::Fma { op: fma, double, rd: D0, rn: D1, rm: D2, ra: D0 });
            return self.stf(D0, r);
        }
        self.ldf(a, D0, X0);
        self.ldf(b, D1, X1);
        // fmin/fmax give NaN for a NaN operand and order -0 below +0, as Wasm's
        // min/max (and Go's) do.
        let fop = match op {
            BinOp::Sub => FpuOp2::Sub,
            BinOp::Mul => FpuOp2::Mul,
            BinOp::Div => FpuOp2::Div,
            BinOp::Min => FpuOp2::Min,
            BinOp::Max => FpuOp2::Max,
            _ => FpuOp2::Add,
        };
        self.emit(Inst::Fpu2 { op: fop, double, rd: D0, rn: D0, rm: D1 });
        self.stf(D0, r);
    }

    fn cmp(&mut self, op: CmpOp, a: Value, b: Value, r: Value) {
        let ty = self.ty(a);
        let cond = if ty.is_int() {
            let size = size_of(ty);
            self.ld(a, X0);
            self.ld(b, X1);
            self.emit(Inst::Alu { op: AluOp::Subs, size, rd: ZR, rn: X0, rm: X1 });
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
        } else {
            let double = ty == Ty::F64;
            self.ldf(a, D0, X0);
            self.ldf(b, D1, X1);
            self.emit(Inst::Fcmp { double, rn: D0, rm: D1 });
            // Unordered sets NZCV to 0011: mi, ls, gt, ge and eq are false then,
            // ne is true.
            match op {
                CmpOp::Eq => Cond::Eq,
                CmpOp::Ne => Cond::Ne,
                CmpOp::Lt | CmpOp::LtS | CmpOp::LtU => Cond::Mi,
                CmpOp::Le | CmpOp::LeS | CmpOp::LeU => Cond::Ls,
                CmpOp::Gt | CmpOp::GtS | CmpOp::GtU => Cond::Gt,
                CmpOp::Ge | CmpOp::GeS | CmpOp::GeU => Cond::Ge,
            }
        };
        self.emit(Inst::Cset { size: Size::W, rd: X0, cond });
        self.st(X0, r);
    }

    fn un(&mut self, op: UnOp, a: Value, r: Value) {
        let ty = self.ty(a);
        let size = size_of(ty);
        let double = ty == Ty::F64;
        let fpu1 = |op| Inst::Fpu1 { op, double, rd: D0, rn: D0 };
        match op {
            UnOp::Eqz => {
                self.ld(a, X0);
                self.emit(Inst::AddSubImm {
                    op: AddSubOp::Subs,
                    size,
                    rd: ZR,
                    rn: X0,
                    imm12: 0,
                    shift12: false,
                });
                self.emit(Inst::Cset { size: Size::W, rd: X0, cond: Cond::Eq });
            }
            UnOp::Clz => {
                self.ld(a, X1);
                self.emit(Inst::Clz { size, rd: X0, rn: X1 });
            }
            UnOp::Ctz => {
                self.ld(a, X1);
                self.emit(Inst::Rbit { size, rd: X1, rn: X1 });
                self.emit(Inst::Clz { size, rd: X0, rn: X1 });
            }
            UnOp::Popcnt => self.popcnt(a, size),
            UnOp::Neg | UnOp::Abs | UnOp::Sqrt | UnOp::Floor | UnOp::Ceil | UnOp::Trunc | UnOp::Nearest => {
                self.ldf(a, D0, X0);
                self.emit(fpu1(match op {
                    UnOp::Neg => FpuOp1::Neg,
                    UnOp::Abs => FpuOp1::Abs,
                    UnOp::Sqrt => FpuOp1::Sqrt,
                    UnOp::Floor => FpuOp1::RintM,
                    UnOp::Ceil => FpuOp1::RintP,
                    UnOp::Trunc => FpuOp1::RintZ,
                    _ => FpuOp1::RintN,
                }));
                return self.stf(D0, r);
            }
        }
        self.st(X0, r);
    }

    /// Population count with general-purpose instructions (base ARMv8 has no
    /// scalar one): the bit-slicing sum, bytes gathered by a multiply.
    fn popcnt(&mut self, a: Value, size: Size) {
        let m = |v: u64| if size == Size::X { v } else { v & 0xffff_ffff };
        let alu = |op, rd, rn, rm| Inst::Alu { op, size, rd, rn, rm };
        let shr = |rd, rn, imm| Inst::ShiftImm { op: ShiftOp::Lsr, size, rd, rn, imm };
        self.ld(a, X0);
        // x - ((x >> 1) & 0x55…)
        self.emit(shr(X1, X0, 1));
        self.imm(X2, m(0x5555_5555_5555_5555));
        self.emit(alu(AluOp::And, X1, X1, X2));
        self.emit(alu(AluOp::Sub, X0, X0, X1));
        // (x & 0x33…) + ((x >> 2) & 0x33…)
        self.imm(X2, m(0x3333_3333_3333_3333));
        self.emit(alu(AluOp::And, X1, X0, X2));
        self.emit(shr(X0, X0, 2));
        self.emit(alu(AluOp::And, X0, X0, X2));
        self.emit(alu(AluOp::Add, X0, X0, X1));
        // (x + (x >> 4)) & 0x0f…, then the byte sums gathered by a multiply.
        self.emit(shr(X1, X0, 4));
        self.emit(alu(AluOp::Add, X0, X0, X1));
        self.imm(X2, m(0x0f0f_0f0f_0f0f_0f0f));
        self.emit(alu(AluOp::And, X0, X0, X2));
        self.imm(X2, m(0x0101_0101_0101_0101));
        self.emit(Inst::MulAdd { sub: false, size, rd: X0, rn: X0, rm: X2, ra: ZR });
        let top = if size == Size::X { 56 } else { 24 };
        self.emit(shr(X0, X0, top));
    }

    fn conv(&mut self, op: ConvOp, ty: Ty, a: Value, r: Value) {
        let from = self.ty(a);
        match op {
            ConvOp::Ext8S => self.ld_ext(a, MemSize::B, true),
            ConvOp::Ext16S => self.ld_ext(a, MemSize::H, true),
            ConvOp::Ext32S | ConvOp::ExtendS => self.ld_ext(a, MemSize::W, true),
            ConvOp::ExtendU | ConvOp::Wrap => self.ld_ext(a, MemSize::W, false),
            ConvOp::Bitcast | ConvOp::Round => self.ld(a, X0),
            ConvOp::Promote | ConvOp::Demote => {
                self.ldf(a, D0, X0);
                self.emit(Inst::FloatToFloat { to_double: op == ConvOp::Promote, rd: D0, rn: D0 });
                return self.stf(D0, r);
            }
            ConvOp::ConvertS | ConvOp::ConvertU => {
                self.ld(a, X0);
                let (signed, double) = (op == ConvOp::ConvertS, ty == Ty::F64);
                self.emit(Inst::IntToFloat { signed, size: size_of(from), double, rd: D0, rn: X0 });
                return self.stf(D0, r);
            }
            ConvOp::TruncS | ConvOp::TruncU => {
                // fcvtzs/fcvtzu saturate at the integer's range and give 0 for
                // NaN: Wasm's trunc_sat exactly.
                self.ldf(a, D0, X0);
                let (signed, double) = (op == ConvOp::TruncS, from == Ty::F64);
                self.emit(Inst::FloatToInt { signed, size: size_of(ty), double, rd: X0, rn: D0 });
            }
        }
        self.st(X0, r);
    }

    /// memmove, a byte at a time: forwards unless the destination overlaps the
    /// end of the source, then backwards.
    fn copy(&mut self, dst: Value, src: Value, len: Value) {
        self.ld(dst, X0);
        self.ld(src, X1);
        self.ld(len, X2);
        let (fwd, fwd_loop, back_loop, done) = (self.label(), self.label(), self.label(), self.label());
        self.emit(Inst::Cbz { nonzero: false, size: Size::X, rt: X2, target: done });
        self.emit(Inst::Alu { op: AluOp::Subs, size: Size::X, rd: ZR, rn: X0, rm: X1 });
        self.emit(Inst::BCond { cond: Cond::Ls, target: fwd });
        self.emit(Inst::Alu { op: AluOp::Add, size: Size::X, rd: X3, rn: X1, rm: X2 });
        self.emit(Inst::Alu { op: AluOp::Subs, size: Size::X, rd: ZR, rn: X0, rm: X3 });
        self.emit(Inst::BCond { cond: Cond::Hs, target: fwd });
        self.bind(back_loop);
        self.emit(Inst::AddSubImm {
            op: AddSubOp::Sub,
            size: Size::X,
            rd: X2,
            rn: X2,
            imm12: 1,
            shift12: false,
        });
        let (s, d) = (Amode::Reg { base: X1, index: X2 }, Amode::Reg { base: X0, index: X2 });
        self.emit(Inst::Load { size: MemSize::B, signed: false, rd: X3, addr: s });
        self.emit(Inst::Store { size: MemSize::B, rt: X3, addr: d });
        self.emit(Inst::Cbz { nonzero: true, size: Size::X, rt: X2, target: back_loop });
        self.emit(Inst::B { target: done });
        self.bind(fwd);
        self.imm(X3, 0);
        self.bind(fwd_loop);
        let (s, d) = (Amode::Reg { base: X1, index: X3 }, Amode::Reg { base: X0, index: X3 });
        self.emit(Inst::Load { size: MemSize::B, signed: false, rd: X4, addr: s });
        self.emit(Inst::Store { size: MemSize::B, rt: X4, addr: d });
        self.emit(Inst::AddSubImm {
            op: AddSubOp::Add,
            size: Size::X,
            rd: X3,
            rn: X3,
            imm12: 1,
            shift12: false,
        });
        self.emit(Inst::Alu { op: AluOp::Subs, size: Size::X, rd: ZR, rn: X3, rm: X2 });
        self.emit(Inst::BCond { cond: Cond::Lo, target: fwd_loop });
        self.bind(done);
    }

    /// Zeroes `len` bytes at `dst`, a byte at a time.
    fn zero(&mut self, dst: Value, len: Value) {
        self.ld(dst, X0);
        self.ld(len, X2);
        let (top, done) = (self.label(), self.label());
        self.emit(Inst::Cbz { nonzero: false, size: Size::X, rt: X2, target: done });
        self.bind(top);
        self.emit(Inst::AddSubImm {
            op: AddSubOp::Sub,
            size: Size::X,
            rd: X2,
            rn: X2,
            imm12: 1,
            shift12: false,
        });
        self.emit(Inst::Store { size: MemSize::B, rt: ZR, addr: Amode::Reg { base: X0, index: X2 } });
        self.emit(Inst::Cbz { nonzero: true, size: Size::X, rt: X2, target: top });
        self.bind(done);
    }
}

/// Lowers `f` to machine code with relocations for the symbols it uses.
pub fn lower(f: &Func) -> Result<Code, Unsupported> {
    lower_with(f, false).map(|(code, _)| code)
}

/// The assembly listing of `f` as `-gcflags=-S` shows one: a header with the
/// function's name, code size and frame size, then each instruction with its offset
/// (hex and decimal), and the branch labels.
pub fn listing(f: &Func) -> Result<String, Unsupported> {
    let frame = layout(f, analyze(f).1.used.len())?.size;
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
    let (fused, alloc) = analyze(f);
    let frame = layout(f, alloc.used.len())?;
    let mut buf = CodeBuffer::new();
    let blocks = f.blocks.iter().map(|_| buf.new_label()).collect();
    Lower { f, fused, at: (0, 0), frame, alloc, buf, blocks, listing: list.then(Vec::new) }.lower()
}

/// The fusions, and the register allocation, which counts a fused add's factors
/// as read there (they must outlive the multiply).
fn analyze(f: &Func) -> (HashMap<(usize, usize), Fused>, Allocation) {
    let fused = Fuser::new(f).all();
    let extra: Vec<(usize, usize, Value)> =
        fused.iter().flat_map(|(&(b, i), &(_, _, x, y))| [(b, i, x), (b, i, y)]).collect();
    let alloc = regalloc::allocate(f, ALLOCATABLE, &extra);
    (fused, alloc)
}

/// The entry point and the system-call primitive, written directly in machine code:
/// `_start` hands the initial stack pointer (argc, argv, envp, auxv) to
/// `runtime.rt0` (and calls `runtime.fatalpanic` if a panic returns from it), and
/// `runtime.syscall6` makes a linux system call with the convention above (context
/// word, number, six arguments; one result, the raw return value, negative for an
/// errno). On windows `runtime.stdcall6` instead calls a function pointer (an
/// import address table slot's value) with six arguments in x0–x5 (AAPCS64, as
/// Windows uses it): x19–x28, which crossplay keeps values in, are callee-saved
/// there, and crossplay never touches x18, the platform register. On darwin dyld
/// calls `_start` as C's `main(argc, argv, envp)`, and `runtime.libcall6` is the
/// same C call into libSystem (Apple's variant of AAPCS64 differs only for
/// variadic functions, which the runtime does not call).
pub fn stubs(os: codegen::OsAbi) -> Vec<(String, Code)> {
    let sp = |off: u32| Amode::Scaled { base: SP, off };
    let mut start = CodeBuffer::new();
    let entry = if os == codegen::OsAbi::Darwin {
        // dyld calls the entry as C's main(argc, argv, envp): rt0(argc, argv, envp).
        let mut v = vec![Inst::AddSubImm {
            op: AddSubOp::Sub,
            size: Size::X,
            rd: SP,
            rn: SP,
            imm12: 32,
            shift12: false,
        }];
        for r in 0..3u8 {
            v.push(Inst::Store { size: MemSize::X, rt: Xreg::x(r), addr: sp(8 + 8 * u32::from(r)) });
        }
        v
    } else {
        vec![
            Inst::AddSubImm { op: AddSubOp::Add, size: Size::X, rd: X0, rn: SP, imm12: 0, shift12: false },
            Inst::AddSubImm { op: AddSubOp::Sub, size: Size::X, rd: SP, rn: SP, imm12: 16, shift12: false },
            Inst::Store { size: MemSize::X, rt: X0, addr: sp(8) },
        ]
    };
    for i in entry.into_iter().chain([
        Inst::Store { size: MemSize::X, rt: ZR, addr: sp(0) },
        Inst::Bl { symbol: "runtime.rt0".into() },
        // rt0 returns only when a panic unwound out of the program: the flag is
        // cleared so that fatalpanic's own calls run, and it prints the panic.
        Inst::Adrp { rd: X0, symbol: "runtime.g0".into() },
        Inst::AddLo12 { rd: X0, rn: X0, symbol: "runtime.g0".into() },
        Inst::Store { size: MemSize::W, rt: ZR, addr: Amode::Scaled { base: X0, off: 0 } },
        Inst::Store { size: MemSize::X, rt: ZR, addr: sp(0) },
        Inst::Bl { symbol: "runtime.fatalpanic".into() },
        Inst::Udf,
    ]) {
        emit(&i, &mut start);
    }
    let mut sys = CodeBuffer::new();
    // [sp] is the context word, then the number and the arguments; the result
    // goes after them. The return address stays in x30.
    let mut insts = vec![Inst::Load { size: MemSize::X, signed: false, rd: X8, addr: sp(8) }];
    for r in 0..6u8 {
        insts.push(Inst::Load {
            size: MemSize::X,
            signed: false,
            rd: Xreg::x(r),
            addr: sp(16 + 8 * u32::from(r)),
        });
    }
    insts.extend([Inst::Svc, Inst::Store { size: MemSize::X, rt: X0, addr: sp(64) }, Inst::Ret]);
    for i in &insts {
        emit(i, &mut sys);
    }
    let done = |b: CodeBuffer| b.finish().unwrap_or_else(|_| Code { bytes: vec![], relocs: vec![] });
    if os == codegen::OsAbi::Windows {
        return vec![("_start".into(), done(start)), ("runtime.stdcall6".into(), done(ccall6()))];
    }
    if os == codegen::OsAbi::Darwin {
        return vec![("_start".into(), done(start)), ("runtime.libcall6".into(), done(ccall6()))];
    }
    vec![("_start".into(), done(start)), ("runtime.syscall6".into(), done(sys))]
}

/// `runtime.stdcall6` / `runtime.libcall6(fn, a1, …, a6) uintptr`: a C call with the arguments in
/// x0–x5. The stub saves the return address below the caller's frame.
fn ccall6() -> CodeBuffer {
    let sp = |off: u32| Amode::Scaled { base: SP, off };
    let mut b = CodeBuffer::new();
    // After `sub sp, sp, 16`: [sp+16] the context word, [sp+24] fn, [sp+32..72]
    // the arguments, [sp+80] the result.
    let mut insts = vec![
        Inst::AddSubImm { op: AddSubOp::Sub, size: Size::X, rd: SP, rn: SP, imm12: 16, shift12: false },
        Inst::Store { size: MemSize::X, rt: LR, addr: sp(8) },
        Inst::Load { size: MemSize::X, signed: false, rd: IP0, addr: sp(24) },
    ];
    for r in 0..6u8 {
        insts.push(Inst::Load {
            size: MemSize::X,
            signed: false,
            rd: Xreg::x(r),
            addr: sp(32 + 8 * u32::from(r)),
        });
    }
    insts.extend([
        Inst::Blr { rn: IP0 },
        Inst::Store { size: MemSize::X, rt: X0, addr: sp(80) },
        Inst::Load { size: MemSize::X, signed: false, rd: LR, addr: sp(8) },
        Inst::AddSubImm { op: AddSubOp::Add, size: Size::X, rd: SP, rn: SP, imm12: 16, shift12: false },
        Inst::Ret,
    ]);
    for i in &insts {
        emit(i, &mut b);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::mov_imm;
    use crate::inst::{Inst, MoveWide, Xreg};

    /// The value the `movz`/`movn`/`movk` sequence leaves in its register.
    fn run(insts: &[Inst]) -> u64 {
        let mut r = 0u64;
        for i in insts {
            let Inst::MovWide { op, imm16, shift, .. } = i else { panic!("{i:?}") };
            let piece = u64::from(*imm16) << shift;
            r = match op {
                MoveWide::Z => piece,
                MoveWide::N => !piece,
                MoveWide::K => (r & !(0xffff << shift)) | piece,
            };
        }
        r
    }

    #[test]
    fn immediates_take_the_fewest_move_wides() {
        for (v, n) in [
            (0u64, 1),
            (60, 1),
            (0x1_0000, 1),
            (u64::MAX, 1),
            (-2i64 as u64, 1),
            (0xffff_ffff, 2),
            (0x1234_5678_9abc_def0, 4),
            (0x8000_0000_0000_0000, 1),
            (0x7fff_ffff_ffff_ffff, 1),
            (-4096i64 as u64, 1),
        ] {
            let insts = mov_imm(Xreg::x(0), v);
            assert_eq!(run(&insts), v, "{v:#x}: {insts:?}");
            assert_eq!(insts.len(), n, "{v:#x}: {insts:?}");
        }
    }
}
