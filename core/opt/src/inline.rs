//! Inlining of small functions (gc's `inline/inl.go` decides by a budget of 80
//! nodes; here the callee's optimized instruction count). A direct call of a
//! function whose optimized body `Ctx::callee` has is replaced by a copy of that
//! body: the call's block ends in a jump to the copy of the callee's entry, the
//! callee's parameters are the call's arguments, its values, blocks and stack
//! slots are fresh in the caller, and each `ret` jumps to a new block holding the
//! rest of the call's block, whose parameters are the call's results. Unwinding
//! is implicit (see `ir`): a call or check of the copied body that unwinds leaves
//! the caller at once, as the callee's return with the panic flag set would have
//! made it. Into a caller that catches panics, whose calls do not unwind, only
//! bodies without calls or checks are inlined.
//!
//! Not inlined: a function that catches panics, or one with calls or checks
//! into one that does (they would stop unwinding it), a function calling itself, one marked `//go:noinline` (programs
//! use it to keep a computation apart: `fma_fusion` keeps the multiply-adds gc
//! fuses), a `//go:wasmexport`ed one (its wrapper's callers are the host), one
//! that still has variables, a call on the way to a panic (its normal
//! continuation is `unreachable`: not worth the code), and anything once the
//! caller has grown past a limit.
//! Nothing in the runtime depends on its frames (panics and `recover` go through
//! the goroutine's `panicking` flag and `curPanic`, not the machine stack), so its
//! functions are inlined like any.

use ir::{Block, BlockData, Func, Inst, Op, Slot, Target, Term, Value};

use crate::Ctx;

/// The largest callee inlined, in instructions.
const MAX_CALLEE: usize = 30;
/// The size past which a function inlines nothing more, in instructions.
const MAX_CALLER: usize = 5000;

pub fn run(f: &mut Func, ctx: &mut Ctx<'_>) {
    let mut size: usize = f.blocks.iter().map(|b| b.insts.len()).sum();
    let mut work: Vec<Block> = (0..f.blocks.len() as u32).rev().map(Block).collect();
    while let Some(b) = work.pop() {
        if size > MAX_CALLER {
            return;
        }
        if is_cold(f, b) {
            continue;
        }
        // The first call here that can be inlined; the rest of the block, moved to
        // a block of its own, is looked at next.
        let mut found = None;
        for (k, inst) in f.blocks[b.index()].insts.iter().enumerate() {
            if let Op::Call { callee, .. } = &inst.op
                && let Some(g) = ctx.callee(callee).filter(|g| inlinable(f, g))
                && declare_callees(g, ctx)
            {
                found = Some((k, g));
                break;
            }
        }
        let Some((k, g)) = found else { continue };
        ctx.inlined = true;
        size += g.blocks.iter().map(|b| b.insts.len()).sum::<usize>();
        let rest = splice(f, b, k, g);
        work.push(rest);
    }
}

fn inlinable(f: &Func, g: &Func) -> bool {
    if g.name == f.name || !candidate(g) {
        return false;
    }
    // In a function that catches, calls and checks do not unwind (see `ir`):
    // the callee's would stop leaving at a panic.
    !f.catches
        || !g
            .blocks
            .iter()
            .flat_map(|b| &b.insts)
            .any(|i| matches!(i.op, Op::Call { .. } | Op::CallIndirect { .. } | Op::Check { .. }))
}

/// Whether some caller may inline `g`: what a package exports for its importers'
/// inliners.
pub fn candidate(g: &Func) -> bool {
    if g.noinline || g.catches || g.export.is_some() || !g.vars.is_empty() || g.blocks.is_empty() {
        return false;
    }
    let mut n = 0;
    for b in &g.blocks {
        for inst in &b.insts {
            n += 1;
            if matches!(&inst.op, Op::Call { callee, .. } if *callee == g.name) {
                return false;
            }
        }
    }
    n <= MAX_CALLEE
}

/// Whether `b` leads to a panic: a call there is followed by the generator's
/// test of `runtime.panicking` whose normal continuation is `unreachable`.
fn is_cold(f: &Func, b: Block) -> bool {
    let Term::Br(_, t, e) = &f.blocks[b.index()].term else { return false };
    [t, e].iter().any(|t| {
        let d = &f.blocks[t.block.index()];
        d.insts.is_empty() && d.term == Term::Unreachable
    })
}

/// Declares in the caller's module what the callee's body calls or takes the
/// address of; false when something is unknown.
fn declare_callees(g: &Func, ctx: &mut Ctx<'_>) -> bool {
    for b in &g.blocks {
        for inst in &b.insts {
            if let Op::Call { callee: name, .. } | Op::FuncAddr(name) | Op::Check { func: name, .. } =
                &inst.op
                && !ctx.declare(name)
            {
                return false;
            }
        }
    }
    true
}

/// Replaces the call at `f.blocks[b].insts[k]` by a copy of `g`'s body; returns the
/// block that now holds the rest of `b`.
fn splice(f: &mut Func, b: Block, k: usize, g: &Func) -> Block {
    let slots: Vec<Slot> = g.slots.iter().map(|s| f.new_slot(s.size, s.align)).collect();
    let blocks: Vec<Block> = g.blocks.iter().map(|_| f.new_block()).collect();
    let rest = f.new_block();
    let mut insts = core::mem::take(&mut f.blocks[b.index()].insts);
    let after = insts.split_off(k + 1);
    let Some(call) = insts.pop() else { return rest };
    let Op::Call { args, .. } = call.op else { return rest };
    // The callee's values: its parameters are the arguments, the rest fresh.
    let mut map: Vec<Value> = Vec::with_capacity(g.values.len());
    let params = &g.blocks[0].params;
    for (i, &ty) in g.values.iter().enumerate() {
        let v = Value(i as u32);
        map.push(match params.iter().position(|&p| p == v) {
            Some(j) => args[j],
            None => f.new_value(ty),
        });
    }
    let m = |v: Value| map[v.index()];
    for (i, gb) in g.blocks.iter().enumerate() {
        let insts = gb
            .insts
            .iter()
            .map(|inst| {
                let mut op = inst.op.clone();
                op.map_uses(m);
                if let Op::SlotAddr(s) = &mut op {
                    *s = slots[s.index()];
                }
                Inst { results: inst.results.iter().map(|&r| m(r)).collect(), op }
            })
            .collect();
        let mut term = gb.term.clone();
        term.map_uses(m);
        for t in term.targets_mut() {
            t.block = blocks[t.block.index()];
        }
        if let Term::Ret(vs) = term {
            term = Term::Jump(Target { block: rest, args: vs });
        }
        let params = if i == 0 { Vec::new() } else { gb.params.iter().map(|&p| m(p)).collect() };
        f.blocks[blocks[i].index()] = BlockData { params, insts, term };
    }
    let data = &mut f.blocks[b.index()];
    data.insts = insts;
    let term = core::mem::replace(&mut data.term, Term::jump(blocks[0]));
    f.blocks[rest.index()] = BlockData { params: call.results, insts: after, term };
    rest
}
