//! From VCode to machine code: register allocation (regalloc2's backtracking
//! allocator), the frame, and emission of every block in order with the moves,
//! spills and reloads the allocator inserted. Blocks that hold nothing but a jump
//! are not emitted: branches to them go to the jump's target.

use ir::Func;
use regalloc2::{Allocation, Function, InstOrEdit, PReg, RegallocOptions};

use crate::lower::{Backend, lower};
use crate::machinst::{Applier, MachInst, VBlock};
use crate::{Code, CodeBuffer, Label};

/// A function's frame below the frame pointer: its stack slots, then the
/// allocator's spill slots (a word each), then at the stack pointer the outgoing
/// area of its calls. Above the frame pointer the saved frame pointer and return
/// address (or link register), then the stack arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    /// Each stack slot's offset from the frame pointer (negative).
    pub slots: Vec<i64>,
    /// The bytes of the stack slots.
    pub locals: u32,
    pub spills: u32,
    pub outgoing: u32,
    /// The frame pointer minus the stack pointer, a multiple of 16.
    pub size: u32,
}

impl Frame {
    /// Lays out the stack slots of `f`.
    pub fn slots_of(f: &Func) -> (Vec<i64>, u32) {
        let mut used = 0u64;
        let mut offs = Vec::with_capacity(f.slots.len());
        for s in &f.slots {
            used += u64::from(s.size);
            used = used.next_multiple_of(u64::from(s.align.max(1)));
            offs.push(-(used as i64));
        }
        (offs, used.next_multiple_of(8) as u32)
    }

    /// Spill slot `k`, from the stack pointer.
    pub fn spill(&self, k: usize) -> i64 {
        i64::from(self.outgoing) + 8 * k as i64
    }
}

/// What an ISA's emitter writes into and reads.
#[derive(Debug)]
pub struct EmitCtx<'a> {
    pub buf: CodeBuffer,
    pub frame: &'a Frame,
    /// Each VCode block's label (a forwarded block's is its target's).
    pub labels: Vec<Label>,
    /// The block emitted next, which a branch may fall through to.
    pub next: Option<VBlock>,
    /// The assembly listing, when asked for: a line per instruction and label.
    pub listing: Option<Vec<String>>,
    /// Out-of-line code to emit after the last block: the calls of failing
    /// checks' panic functions.
    pub islands: Vec<Island>,
    /// The label of the function's unwinding exit, once something branches to it.
    pub unwind: Option<Label>,
}

/// A failing check's out-of-line call: at `label`, call `func` with a zero
/// context and `args` (allocated registers) as its other arguments, then unwind.
#[derive(Clone, Debug)]
pub struct Island {
    pub label: Label,
    pub func: String,
    pub args: Vec<PReg>,
}

impl EmitCtx<'_> {
    pub fn label(&self, b: VBlock) -> Label {
        self.labels[b.0 as usize]
    }

    /// Whether a jump to `b` can fall through instead.
    pub fn falls_to(&self, b: VBlock) -> bool {
        self.next.is_some_and(|n| self.labels[n.0 as usize] == self.labels[b.0 as usize])
    }

    /// Records an instruction's text at the current offset in the listing.
    pub fn line(&mut self, text: impl FnOnce() -> String) {
        if let Some(l) = &mut self.listing {
            let at = self.buf.offset();
            l.push(format!("\t{at:#06x} {at:05}\t{}", text()));
        }
    }

    /// The label of the exit a panic unwinds through (the ISA emits it after the
    /// islands).
    pub fn unwind_label(&mut self) -> Label {
        match self.unwind {
            Some(l) => l,
            None => {
                let l = self.buf.new_label();
                self.unwind = Some(l);
                l
            }
        }
    }

    /// Queues an island calling `func(0, args…)`; its label.
    pub fn island(&mut self, func: &str, args: Vec<PReg>) -> Label {
        let label = self.buf.new_label();
        self.islands.push(Island { label, func: func.to_owned(), args });
        label
    }

    pub fn bind(&mut self, label: Label) {
        if let Some(l) = &mut self.listing {
            l.push(format!("L{}:", label.0));
        }
        self.buf.bind(label);
    }
}

/// A compiled function.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub code: Code,
    pub frame: Frame,
    pub listing: Vec<String>,
}

/// Lowers, allocates and emits `f` for `backend`.
pub fn compile<B: Backend>(backend: &B, f: &Func, want_listing: bool) -> Result<Compiled, String> {
    let (slots, locals) = Frame::slots_of(f);
    let (vcode, outgoing) = lower(backend, f, slots.clone())?;
    let opts = RegallocOptions {
        verbose_log: false,
        validate_ssa: cfg!(debug_assertions),
        ..RegallocOptions::default()
    };
    let out = regalloc2::run(&vcode, backend.machine_env(), &opts)
        .map_err(|e| format!("register allocation failed in {}: {e}", f.name))?;
    let spills = out.num_spillslots as u32;
    let size = (u64::from(locals) + 8 * u64::from(spills) + u64::from(outgoing)).next_multiple_of(16) as u32;
    let frame = Frame { slots, locals, spills, outgoing, size };

    // Blocks that are only a jump, with no moves, are skipped: their label is the
    // target's.
    let n = vcode.blocks.len();
    let mut forward: Vec<Option<VBlock>> = vec![None; n];
    for (b, forward) in forward.iter_mut().enumerate().skip(1) {
        let mut items = out.block_insts_and_edits(&vcode, regalloc2::Block::new(b));
        if let (Some(InstOrEdit::Inst(i)), None) = (items.next(), items.next()) {
            *forward = vcode.insts[i.index()].jump_target();
        }
    }
    let mut buf = CodeBuffer::new();
    let own: Vec<Label> = (0..n).map(|_| buf.new_label()).collect();
    let resolve = |mut b: usize| {
        for _ in 0..n {
            match forward[b] {
                Some(t) if t.0 as usize != b => b = t.0 as usize,
                _ => break,
            }
        }
        b
    };
    let labels: Vec<Label> = (0..n).map(|b| own[resolve(b)]).collect();
    let order: Vec<usize> = (0..n).filter(|&b| b == 0 || forward[b].is_none() || resolve(b) == b).collect();
    let mut ctx = EmitCtx {
        buf,
        frame: &frame,
        labels,
        next: None,
        listing: want_listing.then(Vec::new),
        islands: Vec::new(),
        unwind: None,
    };
    backend.emit_prologue(&mut ctx);
    for (k, &b) in order.iter().enumerate() {
        ctx.next = order.get(k + 1).map(|&n| VBlock(n as u32));
        let label = own[b];
        ctx.bind(label);
        for item in out.block_insts_and_edits(&vcode, regalloc2::Block::new(b)) {
            match item {
                InstOrEdit::Inst(i) => {
                    let mut inst = vcode.insts[i.index()].clone();
                    inst.visit_operands(&mut Applier { allocs: out.inst_allocs(i), next: 0 });
                    backend.emit_inst(&inst, &mut ctx);
                }
                InstOrEdit::Edit(regalloc2::Edit::Move { from, to }) => {
                    if from == to {
                        continue;
                    }
                    let class = from.as_reg().or(to.as_reg()).map_or(regalloc2::RegClass::Int, |r| r.class());
                    backend.emit_move(*from, *to, class, &mut ctx);
                }
            }
        }
    }
    ctx.next = None;
    backend.emit_islands(&mut ctx);
    let listing = ctx.listing.take().unwrap_or_default();
    let code = ctx.buf.finish().map_err(|e| format!("{}: {e}", f.name))?;
    let _ = vcode.num_insts();
    Ok(Compiled { code, frame, listing })
}

/// Where an allocation lives, for an emitter: a register or a spill slot's offset
/// from the stack pointer.
pub fn spill_offset(frame: &Frame, a: Allocation) -> Option<i64> {
    a.as_stack().map(|s| frame.spill(s.index()))
}

/// Orders a parallel move (`(dst, src)` pairs, each destination once) into
/// sequential moves, breaking cycles through `scratch`.
pub fn sequentialize<R: Copy + PartialEq>(moves: &[(R, R)], scratch: R) -> Vec<(R, R)> {
    let mut pending: Vec<(R, R)> = moves.iter().copied().filter(|(d, s)| d != s).collect();
    let mut out = Vec::new();
    while !pending.is_empty() {
        // A move whose destination no other pending move reads can go now.
        if let Some(i) = (0..pending.len()).find(|&i| !pending.iter().any(|(_, s)| *s == pending[i].0)) {
            out.push(pending.remove(i));
            continue;
        }
        // Only cycles are left: save one destination in the scratch register and
        // read it from there.
        let (d, _) = pending[0];
        out.push((scratch, d));
        for m in &mut pending {
            if m.1 == d {
                m.1 = scratch;
            }
        }
    }
    out
}
