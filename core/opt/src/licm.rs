//! Loop-invariant code motion (gc's `ssa/tighten.go` works the other way; this is
//! the classic hoisting, as Cranelift's `licm.rs`): an instruction in a loop that
//! only computes (`Op::is_pure`, so no load, call or division that may trap)
//! from values defined outside the loop moves to the loop's preheader, and so do
//! the ones that then depend only on moved values. A load from a data symbol or a
//! stack slot — an address that cannot fault — moves too when nothing in the
//! loop writes memory. Inner loops go first, so an instruction can leave a whole
//! nest one level at a time.
//!
//! The preheader is the header's one predecessor from outside the loop when that
//! block jumps only to the header; otherwise a new block takes the header's
//! parameters from the outside jumps and passes them on.

use ir::cfg::{Cfg, LoopNest};
use ir::{Block, Func, Op, Target, Term, Value};

use crate::fxhash::FxHashSet;

pub fn run(f: &mut Func) {
    let cfg = Cfg::new(f);
    let nest = LoopNest::new(&cfg);
    // Each loop's blocks in reverse postorder, with the preheaders made for the
    // loops inside it placed before their headers.
    let mut bodies: Vec<Vec<Block>> = nest.loops.iter().map(|l| l.blocks.clone()).collect();
    // Innermost first; the nest lists outer loops before inner ones.
    if nest.loops.is_empty() {
        return;
    }
    // Addresses that cannot fault, for hoisting loads.
    let mut safe_addr = vec![false; f.values.len()];
    for b in &f.blocks {
        for inst in &b.insts {
            if let (Op::SymAddr(_) | Op::SlotAddr(_), [r]) = (&inst.op, &inst.results[..]) {
                safe_addr[r.index()] = true;
            }
        }
    }
    let mut order: Vec<usize> = (0..nest.loops.len()).collect();
    order.sort_by_key(|&i| core::cmp::Reverse(nest.loops[i].depth));
    for i in order {
        let header = nest.loops[i].header;
        let Some((pre, made)) = hoist(f, &cfg.preds[header.index()], &bodies[i], header, &safe_addr) else {
            continue;
        };
        if !made {
            continue;
        }
        let mut up = nest.loops[i].parent;
        while let Some(p) = up {
            let at = bodies[p].iter().position(|&b| b == header).unwrap_or(0);
            bodies[p].insert(at, pre);
            up = nest.loops[p].parent;
        }
    }
}

/// Hoists what is invariant in the loop of `blocks` (in reverse postorder) with
/// header `header`, whose predecessors were `preds` (`safe_addr`: the addresses
/// loads from which cannot fault); returns the preheader and whether it is new.
fn hoist(
    f: &mut Func,
    preds: &[Block],
    blocks: &[Block],
    header: Block,
    safe_addr: &[bool],
) -> Option<(Block, bool)> {
    let mut in_loop = vec![false; f.blocks.len()];
    for &b in blocks {
        in_loop[b.index()] = true;
    }
    // The values the loop defines (a set the loop's size, not the function's).
    let mut defined_in: FxHashSet<Value> = FxHashSet::default();
    let mut writes = false;
    for &b in blocks {
        let data = &f.blocks[b.index()];
        for &p in &data.params {
            defined_in.insert(p);
        }
        for inst in &data.insts {
            writes |= inst.op.writes_memory();
            for &r in &inst.results {
                defined_in.insert(r);
            }
        }
    }
    let invariant = |op: &Op, defined_in: &FxHashSet<Value>| {
        let movable = op.is_pure()
            || (!writes && matches!(op, Op::Load { addr, .. } if safe_addr.get(addr.index()) == Some(&true)));
        let mut outside = true;
        op.for_each_use(|v| outside &= !defined_in.contains(&v));
        movable && outside
    };
    let any = blocks.iter().any(|&b| {
        f.blocks[b.index()].insts.iter().any(|i| i.results.len() == 1 && invariant(&i.op, &defined_in))
    });
    if !any {
        return None;
    }
    let (pre, made) = preheader(f, preds, &in_loop, header)?;
    let mut moved = Vec::new();
    // In reverse postorder a value's definition comes before its uses, so what it
    // depends on has moved already.
    for &b in blocks {
        let insts = core::mem::take(&mut f.blocks[b.index()].insts);
        let mut kept = Vec::with_capacity(insts.len());
        for inst in insts {
            if inst.results.len() == 1 && invariant(&inst.op, &defined_in) {
                defined_in.remove(&inst.results[0]);
                moved.push(inst);
            } else {
                kept.push(inst);
            }
        }
        f.blocks[b.index()].insts = kept;
    }
    f.blocks[pre.index()].insts.extend(moved);
    Some((pre, made))
}

/// The block that runs just before the loop is entered, and whether it is new.
fn preheader(f: &mut Func, preds: &[Block], in_loop: &[bool], header: Block) -> Option<(Block, bool)> {
    let outside: Vec<Block> = preds.iter().copied().filter(|p| !in_loop[p.index()]).collect();
    match outside[..] {
        [] => return None,
        [p] if matches!(&f.blocks[p.index()].term, Term::Jump(_)) => return Some((p, false)),
        _ => {}
    }
    let pre = f.new_block();
    let tys: Vec<ir::Ty> = f.blocks[header.index()].params.iter().map(|&p| f.ty(p)).collect();
    let params: Vec<Value> = tys.into_iter().map(|t| f.add_block_param(pre, t)).collect();
    f.blocks[pre.index()].term = Term::Jump(Target { block: header, args: params });
    let mut seen = Vec::new();
    for p in outside {
        if seen.contains(&p) {
            continue;
        }
        seen.push(p);
        for t in f.blocks[p.index()].term.targets_mut().filter(|t| t.block == header) {
            t.block = pre;
        }
    }
    Some((pre, true))
}
