//! The Wasm back end: one IR function in, one Wasm code body out, with relocation
//! records for everything only the linker knows (function and type indices, data
//! addresses, table slots). Relocated immediates are LEB128s padded to five bytes, as
//! in Wasm object files, so the linker patches them in place.
//!
//! Control flow is structured (`structure`): nested `block`, `loop` and `if` from the
//! dominator tree, so engines see loops and merges as they are and compile bodies
//! fast. A function with irreducible control flow (from `goto`) keeps the dispatch
//! loop, which lowers every CFG: each block is the code after the end of one nested
//! `block`, entered by `br_table` on a `pc` local. Values live in locals shared by
//! liveness, on the operand stack between an instruction and the next, or nowhere
//! (`locals`); jumps pass arguments to parameters as one parallel copy. Variables
//! (which only hand-written IR still has) get a local each. Stack slots live on a
//! shadow stack in linear memory addressed by the `SP` global (global 0), which each
//! function with slots lowers on entry and restores before returning. The running
//! goroutine's `g` is global 1 (`GetG`); after each call, unless the function
//! catches panics, its panic flag is tested and a set one returns at once, and a
//! failing `check` calls its panic function and returns the same way (see `ir`).
//!
//! This crate is not on `codegen`'s framework and has no `codegen::isa::IsaDesc`, on
//! purpose: Wasm has no registers to allocate (locals take their place), and for
//! Wasm the container is the instruction set, so `link::wasm` drives this crate
//! itself. A body is not a `codegen::Code` but Wasm bytes whose relocations name
//! function, type and table indices as well as addresses; there are no machine
//! numbers, no padding between functions and no stubs (the host enters through
//! exports). It knows no Go, and its output is deterministic.
//!
//! The instructions used are the Wasm 2.0 baseline Go's own port assumes (see
//! reference/binary-formats.md §3.3): sign extension, saturating float-to-int
//! conversions, bulk memory, multiple results.

mod locals;
mod structure;

use ir::cfg::Cfg;
use ir::{BinOp, Block, CmpOp, ConvOp, Func, Mem, Op, Sig, Term, Ty, UnOp};
use locals::Home;
use wasm_encoder::{BlockType, Ieee32, Ieee64, InstructionSink, MemArg, MemArgTarget, ValType};

/// What a relocated immediate refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RelocTarget {
    /// A function index (for `call`).
    Func(String),
    /// A function's table slot, as an `i64.const` (a code pointer).
    Table(String),
    /// A data symbol's address plus an addend, as an `i64.const`.
    Data(String),
    /// A type index (for `call_indirect`).
    Type(Sig),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeReloc {
    /// Offset of the padded LEB128 in `code`.
    pub off: usize,
    pub target: RelocTarget,
}

/// A compiled function: its locals beyond the parameters, and its instructions
/// (ending in `end`).
#[derive(Clone, Debug)]
pub struct WasmFunc {
    pub name: String,
    pub sig: Sig,
    pub export: Option<String>,
    pub locals: Vec<(u32, ValType)>,
    pub code: Vec<u8>,
    pub relocs: Vec<CodeReloc>,
}

/// The index of the stack-pointer global the linker defines.
pub const SP_GLOBAL: u32 = 0;

/// The index of the global holding the running goroutine's `g` (`runtime.g0`'s
/// address until there are goroutines), which the linker defines.
pub const G_GLOBAL: u32 = 1;

pub fn val_type(t: Ty) -> ValType {
    match t {
        Ty::I32 => ValType::I32,
        Ty::I64 | Ty::Ptr => ValType::I64,
        Ty::F32 => ValType::F32,
        Ty::F64 => ValType::F64,
    }
}

/// Writes `v` as a five-byte unsigned LEB128.
pub fn write_padded_u32(out: &mut [u8], v: u32) {
    for (i, b) in out.iter_mut().take(5).enumerate() {
        let bits = ((v >> (7 * i)) & 0x7f) as u8;
        *b = if i < 4 { bits | 0x80 } else { bits };
    }
}

/// Writes `v` (within ±2^34) as a five-byte signed LEB128.
pub fn write_padded_i64(out: &mut [u8], v: i64) {
    for (i, b) in out.iter_mut().take(5).enumerate() {
        let bits = ((v >> (7 * i)) & 0x7f) as u8;
        *b = if i < 4 { bits | 0x80 } else { bits };
    }
}

struct Emitter<'f> {
    f: &'f Func,
    cfg: &'f Cfg,
    home: Vec<Home>,
    code: Vec<u8>,
    relocs: Vec<CodeReloc>,
    /// Local indices.
    var_base: u32,
    pc: u32,
    fp: u32,
    /// Slot offsets in the frame, and its size (a multiple of 16).
    slot_offs: Vec<u32>,
    frame: u32,
    /// The last `local.set` emitted: its offset, its local and where it ends. A
    /// `local.get` of the same local right after it turns it into a `local.tee`.
    last_set: Option<(usize, u32, usize)>,
    /// The body's last code leaves the function's results on the stack and falls
    /// off the end (a `ret` at the end of the body needs no `return`).
    open_tail: bool,
}

pub fn compile(f: &Func) -> WasmFunc {
    let cfg = Cfg::new(f);
    let assignment = locals::assign(f, &cfg);
    let var_base = assignment.next;
    let mut slot_offs = Vec::with_capacity(f.slots.len());
    let mut off = 0u32;
    for s in &f.slots {
        off = off.next_multiple_of(s.align.max(1));
        slot_offs.push(off);
        off += s.size;
    }
    let frame = off.next_multiple_of(16);
    // The frame pointer when there is a frame, then pc (only the dispatch loop
    // uses it; last, so leaving it out moves nothing).
    let fp = var_base + f.vars.len() as u32;
    let pc = fp + u32::from(frame > 0);
    let mut e = Emitter {
        f,
        cfg: &cfg,
        home: assignment.home,
        code: Vec::new(),
        relocs: Vec::new(),
        var_base,
        pc,
        fp,
        slot_offs,
        frame,
        last_set: None,
        open_tail: false,
    };
    let dispatch = e.body();
    // Locals after the parameters: the values', the variables, fp and pc.
    let mut types: Vec<ValType> = f.vars.iter().map(|&t| val_type(t)).collect();
    if frame > 0 {
        types.push(ValType::I64);
    }
    if dispatch {
        types.push(ValType::I32);
    }
    let mut locals = assignment.decls;
    for t in types {
        match locals.last_mut() {
            Some((n, lt)) if *lt == t => *n += 1,
            _ => locals.push((1, t)),
        }
    }
    WasmFunc {
        name: f.name.clone(),
        sig: f.sig.clone(),
        export: f.export.clone(),
        locals,
        code: e.code,
        relocs: e.relocs,
    }
}

fn mem_arg(off: u32, align_log2: u32) -> MemArg {
    MemArg { offset: u64::from(off), align: align_log2, target: MemArgTarget::Memory(0), ordering: None }
}

impl Emitter<'_> {
    fn sink(&mut self) -> InstructionSink<'_> {
        InstructionSink::new(&mut self.code)
    }

    /// Pushes `v`.
    fn get(&mut self, v: ir::Value) {
        match self.home[v.index()] {
            Home::Local(l) => {
                if let Some((at, set, end)) = self.last_set
                    && set == l
                    && end == self.code.len()
                {
                    // local.set and local.get share their immediate's encoding.
                    self.code[at] = 0x22;
                    self.last_set = None;
                } else {
                    self.sink().local_get(l);
                }
            }
            Home::Const(c) => {
                match self.f.ty(v).class() {
                    Ty::I32 => self.sink().i32_const(c as i32),
                    _ => self.sink().i64_const(c),
                };
            }
            Home::Stack => {}
            // Dead values are never read; only code that cannot run reads one.
            Home::Dead => {
                self.sink().unreachable();
            }
        }
    }

    /// Pops `v`, just defined, into its home.
    fn set(&mut self, v: ir::Value) {
        match self.home[v.index()] {
            Home::Local(l) => self.local_set(l),
            Home::Stack => {}
            Home::Const(_) | Home::Dead => {
                self.sink().drop();
            }
        }
    }

    fn local_set(&mut self, l: u32) {
        let at = self.code.len();
        self.sink().local_set(l);
        self.last_set = Some((at, l, self.code.len()));
    }

    /// An opcode followed by a padded LEB128 to be relocated.
    fn reloc(&mut self, opcode: &[u8], target: RelocTarget) {
        self.code.extend_from_slice(opcode);
        self.relocs.push(CodeReloc { off: self.code.len(), target });
        self.code.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x00]);
    }

    /// Emits the body; whether it took the dispatch loop (and so the `pc` local).
    fn body(&mut self) -> bool {
        if self.frame > 0 {
            let frame = i64::from(self.frame);
            let fp = self.fp;
            self.sink().global_get(SP_GLOBAL).i64_const(frame).i64_sub().local_tee(fp).global_set(SP_GLOBAL);
        }
        let start = (self.code.len(), self.relocs.len());
        let structured = structure::Shape::new(self.f, self.cfg).is_some_and(|shape| self.structured(&shape));
        if !structured {
            self.code.truncate(start.0);
            self.relocs.truncate(start.1);
            (self.last_set, self.open_tail) = (None, false);
            self.dispatch();
        }
        if !self.f.sig.results.is_empty() && !self.open_tail {
            self.sink().unreachable();
        }
        self.sink().end();
        !structured
    }

    /// The fallback for irreducible control flow: a dispatch loop, each block the
    /// code after the end of one nested `block`, entered by `br_table` on a `pc`
    /// local; a jump to the next block falls through, any other sets `pc` and
    /// branches to the loop.
    fn dispatch(&mut self) {
        let n = self.f.blocks.len();
        self.sink().loop_(BlockType::Empty);
        for _ in 0..n {
            self.sink().block(BlockType::Empty);
        }
        let targets: Vec<u32> = (0..n as u32).collect();
        let pc = self.pc;
        self.sink().local_get(pc).br_table(targets, n as u32 - 1);
        for k in 0..n {
            self.sink().end();
            // After the end of block k, n-1-k blocks remain open inside the loop.
            let b = Block(k as u32);
            if self.cfg.is_reachable(b) {
                self.dispatch_block(b, (n - 1 - k) as u32);
            } else {
                self.sink().unreachable();
            }
        }
        self.sink().end();
    }

    /// Emits block `b` of the dispatch loop; `loop_depth` is the branch depth of
    /// the loop here.
    fn dispatch_block(&mut self, b: Block, loop_depth: u32) {
        let f = self.f;
        let data = &f.blocks[b.index()];
        self.insts(b);
        let next = Block(b.0 + 1);
        match &data.term {
            Term::Jump(t) => self.dispatch_jump(t, next, loop_depth),
            Term::Br(c, t, e) => {
                self.get(*c);
                let (first, second) = if t.block == next { (e, t) } else { (t, e) };
                if t.block == next {
                    self.sink().i32_eqz();
                }
                self.sink().if_(BlockType::Empty);
                self.dispatch_jump(first, Block(u32::MAX), loop_depth + 1);
                self.sink().end();
                self.dispatch_jump(second, next, loop_depth);
            }
            Term::Ret(_) | Term::Unreachable => self.exit(&data.term, false),
        }
    }

    fn dispatch_jump(&mut self, t: &ir::Target, next: Block, loop_depth: u32) {
        self.copy(t);
        if t.block != next {
            let pc = self.pc;
            self.sink().i32_const(t.block.0 as i32).local_set(pc).br(loop_depth);
        }
    }

    /// A block's instructions.
    fn insts(&mut self, b: Block) {
        let f = self.f;
        for inst in &f.blocks[b.index()].insts {
            self.inst(&inst.op, &inst.results);
        }
    }

    /// `ret` and `unreachable`; `last` when nothing follows in the body, so a
    /// `ret` falls off its end.
    fn exit(&mut self, term: &Term, last: bool) {
        if let Term::Ret(vs) = term {
            // The epilogue leaves the operand stack as it finds it, so a first
            // value already there stays below it.
            self.epilogue();
            for &v in vs {
                self.get(v);
            }
            if last {
                self.open_tail = true;
            } else {
                self.sink().return_();
            }
        } else {
            self.sink().unreachable();
        }
    }

    /// Whether passing `t`'s arguments writes nothing: every parameter is dead or
    /// already holds its argument (they share a local).
    fn copy_is_empty(&self, t: &ir::Target) -> bool {
        let params = &self.f.blocks[t.block.index()].params;
        t.args.iter().zip(params).all(|(&a, &p)| !self.copy_needed(a, p))
    }

    fn copy_needed(&self, a: ir::Value, p: ir::Value) -> bool {
        match self.home[p.index()] {
            Home::Local(l) => self.home[a.index()] != Home::Local(l),
            _ => false,
        }
    }

    /// Passes `t`'s arguments to its parameters as one parallel copy: all pushed,
    /// then set in reverse. Dead parameters are skipped, and so are parameters
    /// sharing their argument's local: no other write in the copy targets that
    /// local, since parameters live together hold different locals.
    fn copy(&mut self, t: &ir::Target) {
        let params = &self.f.blocks[t.block.index()].params;
        let pairs: Vec<(ir::Value, ir::Value)> = t
            .args
            .iter()
            .zip(params)
            .map(|(&a, &p)| (a, p))
            .filter(|&(a, p)| self.copy_needed(a, p))
            .collect();
        for &(a, _) in &pairs {
            self.get(a);
        }
        for &(_, p) in pairs.iter().rev() {
            self.set(p);
        }
    }

    fn epilogue(&mut self) {
        if self.frame > 0 {
            let (fp, frame) = (self.fp, i64::from(self.frame));
            self.sink().local_get(fp).i64_const(frame).i64_add().global_set(SP_GLOBAL);
        }
    }

    /// Leaves `addr` as an i32 Wasm address.
    fn addr(&mut self, v: ir::Value) {
        self.get(v);
        if self.f.ty(v).class() == Ty::I64 {
            self.sink().i32_wrap_i64();
        }
    }

    /// After a call: its results into their locals, then, unless the function
    /// catches panics, the unwinding test (see `ir`): while the goroutine's flag
    /// is set, return at once.
    fn after_call(&mut self, results: &[ir::Value]) {
        for &r in results.iter().rev() {
            self.set(r);
        }
        if self.f.catches {
            return;
        }
        self.sink().global_get(G_GLOBAL).i32_wrap_i64().i32_load(mem_arg(0, 2)).if_(BlockType::Empty);
        self.unwind_return();
        self.sink().end();
    }

    /// Leaves the function with zero results.
    fn unwind_return(&mut self) {
        self.epilogue();
        for &t in &self.f.sig.results {
            match t {
                Ty::I32 => self.sink().i32_const(0),
                Ty::I64 | Ty::Ptr => self.sink().i64_const(0),
                Ty::F32 => self.sink().f32_const(Ieee32::new(0)),
                Ty::F64 => self.sink().f64_const(Ieee64::new(0)),
            };
        }
        self.sink().return_();
    }

    fn inst(&mut self, op: &Op, results: &[ir::Value]) {
        let f = self.f;
        if let [r] = results
            && matches!(self.home[r.index()], Home::Const(_))
        {
            // Pushed at each use instead.
            return;
        }
        match op {
            Op::IConst(t, v) => {
                match t {
                    Ty::I32 => self.sink().i32_const(*v as i32),
                    _ => self.sink().i64_const(*v),
                };
            }
            Op::FConst(t, bits) => {
                match t {
                    Ty::F32 => self.sink().f32_const(Ieee32::new(*bits as u32)),
                    _ => self.sink().f64_const(Ieee64::new(*bits)),
                };
            }
            Op::Bin(o, a, b) => {
                self.get(*a);
                self.get(*b);
                bin(&mut self.sink(), *o, f.ty(*a).class());
            }
            Op::Cmp(o, a, b) => {
                self.get(*a);
                self.get(*b);
                // A second operand left on the stack is below the first.
                let o = if self.home[b.index()] == Home::Stack { swapped(*o) } else { *o };
                cmp(&mut self.sink(), o, f.ty(*a).class());
            }
            Op::Un(o, a) => {
                let t = f.ty(*a).class();
                self.get(*a);
                un(&mut self.sink(), *o, t);
            }
            Op::Conv(o, to, a) => {
                let from = f.ty(*a).class();
                self.get(*a);
                conv(&mut self.sink(), *o, from, *to);
            }
            Op::Select(c, a, b) => {
                self.get(*a);
                self.get(*b);
                self.get(*c);
                self.sink().select();
            }
            Op::Load { mem, signed, ty, addr, off } => {
                self.addr(*addr);
                let s = &mut InstructionSink::new(&mut self.code);
                let m = |l| mem_arg(*off, l);
                match (mem, ty.class(), signed) {
                    (Mem::I8, Ty::I32, true) => s.i32_load8_s(m(0)),
                    (Mem::I8, Ty::I32, false) => s.i32_load8_u(m(0)),
                    (Mem::I16, Ty::I32, true) => s.i32_load16_s(m(1)),
                    (Mem::I16, Ty::I32, false) => s.i32_load16_u(m(1)),
                    (Mem::I32, Ty::I32, _) => s.i32_load(m(2)),
                    (Mem::I8, _, true) => s.i64_load8_s(m(0)),
                    (Mem::I8, _, false) => s.i64_load8_u(m(0)),
                    (Mem::I16, _, true) => s.i64_load16_s(m(1)),
                    (Mem::I16, _, false) => s.i64_load16_u(m(1)),
                    (Mem::I32, _, true) => s.i64_load32_s(m(2)),
                    (Mem::I32, _, false) => s.i64_load32_u(m(2)),
                    (Mem::I64, _, _) => s.i64_load(m(3)),
                    (Mem::F32, _, _) => s.f32_load(m(2)),
                    (Mem::F64, _, _) => s.f64_load(m(3)),
                };
            }
            Op::Store { mem, addr, off, val } => {
                self.addr(*addr);
                self.get(*val);
                let t = f.ty(*val).class();
                let s = &mut InstructionSink::new(&mut self.code);
                let m = |l| mem_arg(*off, l);
                match (mem, t) {
                    (Mem::I8, Ty::I32) => s.i32_store8(m(0)),
                    (Mem::I16, Ty::I32) => s.i32_store16(m(1)),
                    (Mem::I32, Ty::I32) => s.i32_store(m(2)),
                    (Mem::I8, _) => s.i64_store8(m(0)),
                    (Mem::I16, _) => s.i64_store16(m(1)),
                    (Mem::I32, _) => s.i64_store32(m(2)),
                    (Mem::I64, _) => s.i64_store(m(3)),
                    (Mem::F32, _) => s.f32_store(m(2)),
                    (Mem::F64, _) => s.f64_store(m(3)),
                };
            }
            Op::Copy { dst, src, len } => {
                self.addr(*dst);
                self.addr(*src);
                self.addr(*len);
                self.sink().memory_copy(0, 0);
            }
            Op::Zero { dst, len } => {
                self.addr(*dst);
                self.sink().i32_const(0);
                self.addr(*len);
                self.sink().memory_fill(0);
            }
            Op::SymAddr(name) => self.reloc(&[0x42], RelocTarget::Data(name.clone())),
            Op::FuncAddr(name) => self.reloc(&[0x42], RelocTarget::Table(name.clone())),
            Op::SlotAddr(s) => {
                let (fp, off) = (self.fp, i64::from(self.slot_offs[s.index()]));
                if self.frame > 0 {
                    self.sink().local_get(fp);
                } else {
                    // Only empty slots: no frame and no frame pointer; any address will do.
                    self.sink().global_get(SP_GLOBAL);
                }
                if off != 0 {
                    self.sink().i64_const(off).i64_add();
                }
            }
            Op::Get(x) => {
                let l = self.var_base + x.0;
                self.sink().local_get(l);
            }
            Op::Set(x, v) => {
                self.get(*v);
                let l = self.var_base + x.0;
                self.sink().local_set(l);
            }
            Op::Call { callee, args } => {
                for &a in args {
                    self.get(a);
                }
                self.reloc(&[0x10], RelocTarget::Func(callee.clone()));
                return self.after_call(results);
            }
            Op::CallIndirect { sig, target, args } => {
                for &a in args {
                    self.get(a);
                }
                self.addr(*target);
                self.reloc(&[0x11], RelocTarget::Type(sig.clone()));
                // Table 0.
                self.code.push(0x00);
                return self.after_call(results);
            }
            Op::Check { cond, func, args } => {
                self.get(*cond);
                self.sink().if_(BlockType::Empty);
                self.sink().i64_const(0);
                for &a in args {
                    self.get(a);
                }
                self.reloc(&[0x10], RelocTarget::Func(func.clone()));
                self.unwind_return();
                self.sink().end();
            }
            Op::GetG => {
                self.sink().global_get(G_GLOBAL);
            }
            Op::MemSize => {
                self.sink().memory_size(0).i64_extend_i32_u().i64_const(16).i64_shl();
            }
            Op::MemGrow(bytes) => {
                // Pages = ceil(bytes / 64 KiB); the result is the old size in bytes,
                // or -1 when the engine refuses.
                self.get(*bytes);
                self.sink()
                    .i64_const(0xffff)
                    .i64_add()
                    .i64_const(16)
                    .i64_shr_u()
                    .i32_wrap_i64()
                    .memory_grow(0)
                    .i64_extend_i32_s();
                // The result's local is the scratch (locals::assign gives it one).
                let Some(&Home::Local(r)) = results.first().map(|r| &self.home[r.index()]) else {
                    self.sink().unreachable();
                    return;
                };
                // `select` keeps its first operand when the condition holds:
                // r < 0 ? r : r << 16.
                self.sink()
                    .local_tee(r)
                    .local_get(r)
                    .i64_const(16)
                    .i64_shl()
                    .local_get(r)
                    .i64_const(0)
                    .i64_lt_s()
                    .select();
                self.local_set(r);
                return;
            }
        }
        for &r in results.iter().rev() {
            self.set(r);
        }
    }
}

fn bin(s: &mut InstructionSink<'_>, o: BinOp, t: Ty) {
    use BinOp as B;
    match (t, o) {
        (Ty::I32, B::Add) => s.i32_add(),
        (Ty::I32, B::Sub) => s.i32_sub(),
        (Ty::I32, B::Mul) => s.i32_mul(),
        (Ty::I32, B::DivS) => s.i32_div_s(),
        (Ty::I32, B::DivU) => s.i32_div_u(),
        (Ty::I32, B::RemS) => s.i32_rem_s(),
        (Ty::I32, B::RemU) => s.i32_rem_u(),
        (Ty::I32, B::And) => s.i32_and(),
        (Ty::I32, B::Or) => s.i32_or(),
        (Ty::I32, B::Xor) => s.i32_xor(),
        (Ty::I32, B::Shl) => s.i32_shl(),
        (Ty::I32, B::ShrS) => s.i32_shr_s(),
        (Ty::I32, B::ShrU) => s.i32_shr_u(),
        (Ty::I64, B::Add) => s.i64_add(),
        (Ty::I64, B::Sub) => s.i64_sub(),
        (Ty::I64, B::Mul) => s.i64_mul(),
        (Ty::I64, B::DivS) => s.i64_div_s(),
        (Ty::I64, B::DivU) => s.i64_div_u(),
        (Ty::I64, B::RemS) => s.i64_rem_s(),
        (Ty::I64, B::RemU) => s.i64_rem_u(),
        (Ty::I64, B::And) => s.i64_and(),
        (Ty::I64, B::Or) => s.i64_or(),
        (Ty::I64, B::Xor) => s.i64_xor(),
        (Ty::I64, B::Shl) => s.i64_shl(),
        (Ty::I64, B::ShrS) => s.i64_shr_s(),
        (Ty::I64, B::ShrU) => s.i64_shr_u(),
        (Ty::F32, B::Add) => s.f32_add(),
        (Ty::F32, B::Sub) => s.f32_sub(),
        (Ty::F32, B::Mul) => s.f32_mul(),
        (Ty::F32, B::Div) => s.f32_div(),
        (Ty::F32, B::Min) => s.f32_min(),
        (Ty::F32, B::Max) => s.f32_max(),
        (Ty::F32, B::Copysign) => s.f32_copysign(),
        (Ty::F64, B::Add) => s.f64_add(),
        (Ty::F64, B::Sub) => s.f64_sub(),
        (Ty::F64, B::Mul) => s.f64_mul(),
        (Ty::F64, B::Div) => s.f64_div(),
        (Ty::F64, B::Min) => s.f64_min(),
        (Ty::F64, B::Max) => s.f64_max(),
        (Ty::F64, B::Copysign) => s.f64_copysign(),
        // The verifier rejects the other combinations.
        _ => s.unreachable(),
    };
}

/// The comparison with its operands exchanged: `a < b` is `b > a` (floats too:
/// both are false when either is NaN).
fn swapped(o: CmpOp) -> CmpOp {
    use CmpOp as C;
    match o {
        C::Eq | C::Ne => o,
        C::LtS => C::GtS,
        C::LtU => C::GtU,
        C::LeS => C::GeS,
        C::LeU => C::GeU,
        C::GtS => C::LtS,
        C::GtU => C::LtU,
        C::GeS => C::LeS,
        C::GeU => C::LeU,
        C::Lt => C::Gt,
        C::Le => C::Ge,
        C::Gt => C::Lt,
        C::Ge => C::Le,
    }
}

fn cmp(s: &mut InstructionSink<'_>, o: CmpOp, t: Ty) {
    use CmpOp as C;
    match (t, o) {
        (Ty::I32, C::Eq) => s.i32_eq(),
        (Ty::I32, C::Ne) => s.i32_ne(),
        (Ty::I32, C::LtS) => s.i32_lt_s(),
        (Ty::I32, C::LtU) => s.i32_lt_u(),
        (Ty::I32, C::LeS) => s.i32_le_s(),
        (Ty::I32, C::LeU) => s.i32_le_u(),
        (Ty::I32, C::GtS) => s.i32_gt_s(),
        (Ty::I32, C::GtU) => s.i32_gt_u(),
        (Ty::I32, C::GeS) => s.i32_ge_s(),
        (Ty::I32, C::GeU) => s.i32_ge_u(),
        (Ty::I64, C::Eq) => s.i64_eq(),
        (Ty::I64, C::Ne) => s.i64_ne(),
        (Ty::I64, C::LtS) => s.i64_lt_s(),
        (Ty::I64, C::LtU) => s.i64_lt_u(),
        (Ty::I64, C::LeS) => s.i64_le_s(),
        (Ty::I64, C::LeU) => s.i64_le_u(),
        (Ty::I64, C::GtS) => s.i64_gt_s(),
        (Ty::I64, C::GtU) => s.i64_gt_u(),
        (Ty::I64, C::GeS) => s.i64_ge_s(),
        (Ty::I64, C::GeU) => s.i64_ge_u(),
        (Ty::F32, C::Eq) => s.f32_eq(),
        (Ty::F32, C::Ne) => s.f32_ne(),
        (Ty::F32, C::Lt) => s.f32_lt(),
        (Ty::F32, C::Le) => s.f32_le(),
        (Ty::F32, C::Gt) => s.f32_gt(),
        (Ty::F32, C::Ge) => s.f32_ge(),
        (Ty::F64, C::Eq) => s.f64_eq(),
        (Ty::F64, C::Ne) => s.f64_ne(),
        (Ty::F64, C::Lt) => s.f64_lt(),
        (Ty::F64, C::Le) => s.f64_le(),
        (Ty::F64, C::Gt) => s.f64_gt(),
        (Ty::F64, C::Ge) => s.f64_ge(),
        _ => s.unreachable(),
    };
}

fn un(s: &mut InstructionSink<'_>, o: UnOp, t: Ty) {
    use UnOp as U;
    match (t, o) {
        (Ty::I32, U::Clz) => s.i32_clz(),
        (Ty::I32, U::Ctz) => s.i32_ctz(),
        (Ty::I32, U::Popcnt) => s.i32_popcnt(),
        (Ty::I32, U::Eqz) => s.i32_eqz(),
        (Ty::I64, U::Clz) => s.i64_clz(),
        (Ty::I64, U::Ctz) => s.i64_ctz(),
        (Ty::I64, U::Popcnt) => s.i64_popcnt(),
        (Ty::I64, U::Eqz) => s.i64_eqz(),
        (Ty::F32, U::Neg) => s.f32_neg(),
        (Ty::F32, U::Abs) => s.f32_abs(),
        (Ty::F32, U::Sqrt) => s.f32_sqrt(),
        (Ty::F32, U::Floor) => s.f32_floor(),
        (Ty::F32, U::Ceil) => s.f32_ceil(),
        (Ty::F32, U::Trunc) => s.f32_trunc(),
        (Ty::F32, U::Nearest) => s.f32_nearest(),
        (Ty::F64, U::Neg) => s.f64_neg(),
        (Ty::F64, U::Abs) => s.f64_abs(),
        (Ty::F64, U::Sqrt) => s.f64_sqrt(),
        (Ty::F64, U::Floor) => s.f64_floor(),
        (Ty::F64, U::Ceil) => s.f64_ceil(),
        (Ty::F64, U::Trunc) => s.f64_trunc(),
        (Ty::F64, U::Nearest) => s.f64_nearest(),
        // The verifier rejects the other combinations (integer negation is `0 - x`).
        _ => s.unreachable(),
    };
}

fn conv(s: &mut InstructionSink<'_>, o: ConvOp, from: Ty, to: Ty) {
    use ConvOp as C;
    match (o, from, to) {
        (C::Ext8S, Ty::I32, _) => s.i32_extend8_s(),
        (C::Ext16S, Ty::I32, _) => s.i32_extend16_s(),
        (C::Ext8S, _, _) => s.i64_extend8_s(),
        (C::Ext16S, _, _) => s.i64_extend16_s(),
        (C::Ext32S, _, _) => s.i64_extend32_s(),
        (C::ExtendS, _, _) => s.i64_extend_i32_s(),
        (C::ExtendU, _, _) => s.i64_extend_i32_u(),
        (C::Wrap, _, _) => s.i32_wrap_i64(),
        (C::TruncS, Ty::F32, Ty::I32) => s.i32_trunc_sat_f32_s(),
        (C::TruncS, Ty::F64, Ty::I32) => s.i32_trunc_sat_f64_s(),
        (C::TruncS, Ty::F32, _) => s.i64_trunc_sat_f32_s(),
        (C::TruncS, _, _) => s.i64_trunc_sat_f64_s(),
        (C::TruncU, Ty::F32, Ty::I32) => s.i32_trunc_sat_f32_u(),
        (C::TruncU, Ty::F64, Ty::I32) => s.i32_trunc_sat_f64_u(),
        (C::TruncU, Ty::F32, _) => s.i64_trunc_sat_f32_u(),
        (C::TruncU, _, _) => s.i64_trunc_sat_f64_u(),
        (C::ConvertS, Ty::I32, Ty::F32) => s.f32_convert_i32_s(),
        (C::ConvertS, Ty::I64, Ty::F32) => s.f32_convert_i64_s(),
        (C::ConvertS, Ty::I32, _) => s.f64_convert_i32_s(),
        (C::ConvertS, _, _) => s.f64_convert_i64_s(),
        (C::ConvertU, Ty::I32, Ty::F32) => s.f32_convert_i32_u(),
        (C::ConvertU, Ty::I64, Ty::F32) => s.f32_convert_i64_u(),
        (C::ConvertU, Ty::I32, _) => s.f64_convert_i32_u(),
        (C::ConvertU, _, _) => s.f64_convert_i64_u(),
        (C::Promote, _, _) => s.f64_promote_f32(),
        (C::Demote, _, _) => s.f32_demote_f64(),
        (C::Bitcast, Ty::F32, _) => s.i32_reinterpret_f32(),
        (C::Bitcast, Ty::F64, _) => s.i64_reinterpret_f64(),
        (C::Bitcast, Ty::I32, _) => s.f32_reinterpret_i32(),
        (C::Bitcast, _, _) => s.f64_reinterpret_i64(),
        // Wasm never fuses: the value as it is.
        (C::Round, _, _) => s,
    };
}
