//! Control-flow cleanup, as gc's `ssa/fuse.go` and the `deadcode` pass's block
//! removal together: a branch on a constant becomes a jump, and so does a branch
//! whose two edges are the same; jumps are threaded through blocks that only jump
//! on (their arguments mapped through the skipped block's parameters); a block is
//! merged into its only predecessor when that predecessor jumps to nothing else;
//! unreachable blocks go and the rest are renumbered in their order, the entry
//! staying `b0`. Repeats until nothing changes.

use ir::{Block, Func, Op, Target, Term, Value};

use crate::subst::Subst;

pub fn run(f: &mut Func) {
    loop {
        clear_unreachable(f);
        let mut changed = fold_branches(f);
        changed |= thread_jumps(f);
        changed |= merge_blocks(f);
        if !changed {
            break;
        }
    }
    remove_unreachable(f);
}

/// Which blocks the entry reaches.
pub(crate) fn reachable(f: &Func) -> Vec<bool> {
    let mut seen = vec![false; f.blocks.len()];
    let mut work = vec![Block(0)];
    seen[0] = true;
    while let Some(b) = work.pop() {
        for s in f.blocks[b.index()].term.succs() {
            if !seen[s.index()] {
                seen[s.index()] = true;
                work.push(s);
            }
        }
    }
    seen
}

/// Empties unreachable blocks, so that the edges left are the reachable ones and
/// predecessor counts are exact.
fn clear_unreachable(f: &mut Func) {
    let seen = reachable(f);
    for (b, &r) in f.blocks.iter_mut().zip(&seen) {
        if !r {
            b.insts.clear();
            b.term = Term::Unreachable;
        }
    }
}

/// A branch on a constant, or to the same target on both edges, becomes a jump.
fn fold_branches(f: &mut Func) -> bool {
    let mut konst: Vec<Option<i64>> = vec![None; f.values.len()];
    for b in &f.blocks {
        for inst in &b.insts {
            if let (Op::IConst(_, k), [r]) = (&inst.op, inst.results.as_slice()) {
                konst[r.index()] = Some(*k);
            }
        }
    }
    let mut changed = false;
    for b in &mut f.blocks {
        let Term::Br(c, t, e) = &b.term else { continue };
        let to = match konst[c.index()] {
            // An `I32` condition: only its low 32 bits count.
            Some(k) => Some(if k as i32 != 0 { t } else { e }),
            None if t == e => Some(t),
            None => None,
        };
        if let Some(to) = to {
            b.term = Term::Jump(to.clone());
            changed = true;
        }
    }
    changed
}

/// An argument of a threaded jump: the first skipped block's parameter (the
/// jump's own argument in that place) or a value.
#[derive(Clone, Copy)]
enum Arg {
    Param(usize),
    Value(Value),
}

/// Where a jump to `b` may go instead, when `b` is empty, not the entry, jumps
/// on, and its parameters are used only by that jump (`uses` counts each value's
/// uses). Chains are followed to their end; a cycle of such blocks (an empty
/// infinite loop) is left alone.
fn forward(f: &Func, uses: &[u32], b: Block) -> Option<(Block, Vec<Arg>)> {
    let data = &f.blocks[b.index()];
    if b.index() == 0 || !data.insts.is_empty() || !matches!(data.term, Term::Jump(_)) {
        return None;
    }
    let mut cur = b;
    let mut args: Vec<Arg> = (0..f.blocks[b.index()].params.len()).map(Arg::Param).collect();
    let mut steps = 0;
    loop {
        let data = &f.blocks[cur.index()];
        let Term::Jump(next) = &data.term else { break };
        if cur.index() == 0 || !data.insts.is_empty() || next.block == cur {
            break;
        }
        let own_uses = |p: Value| next.args.iter().filter(|&&a| a == p).count() as u32;
        if data.params.iter().any(|&p| uses[p.index()] != own_uses(p)) {
            break;
        }
        steps += 1;
        if steps > f.blocks.len() {
            return None;
        }
        // The skipped block's parameters take the arguments it was given.
        args = next
            .args
            .iter()
            .map(|&a| match data.params.iter().position(|&p| p == a) {
                Some(i) => args[i],
                None => Arg::Value(a),
            })
            .collect();
        cur = next.block;
    }
    (cur != b).then_some((cur, args))
}

/// Threads jumps through empty blocks that only jump on.
fn thread_jumps(f: &mut Func) -> bool {
    // Use counts, needed only when an empty block has parameters.
    let mut uses = Vec::new();
    if f.blocks.iter().any(|b| b.insts.is_empty() && !b.params.is_empty()) {
        uses = vec![0u32; f.values.len()];
        for b in &f.blocks {
            for inst in &b.insts {
                inst.op.for_each_use(|v| uses[v.index()] += 1);
            }
            b.term.for_each_use(|v| uses[v.index()] += 1);
        }
    }
    let fwd: Vec<Option<(Block, Vec<Arg>)>> =
        (0..f.blocks.len() as u32).map(|b| forward(f, &uses, Block(b))).collect();
    let mut changed = false;
    for b in &mut f.blocks {
        for t in b.term.targets_mut() {
            let Some((to, args)) = &fwd[t.block.index()] else { continue };
            let args = args
                .iter()
                .map(|a| match *a {
                    Arg::Param(i) => t.args[i],
                    Arg::Value(v) => v,
                })
                .collect();
            *t = Target { block: *to, args };
            changed = true;
        }
    }
    changed
}

/// Merges a block into its only predecessor when the predecessor jumps only to
/// it; the block's parameters become the jump's arguments.
fn merge_blocks(f: &mut Func) -> bool {
    let mut n_preds = vec![0u32; f.blocks.len()];
    for b in &f.blocks {
        for s in b.term.succs() {
            n_preds[s.index()] += 1;
        }
    }
    let mut subst = Subst::new();
    let mut changed = false;
    for i in 0..f.blocks.len() {
        // Merge successors into `i` for as long as there is one to merge.
        while let Term::Jump(t) = &f.blocks[i].term {
            let c = t.block.index();
            if c == i || c == 0 || n_preds[c] != 1 {
                break;
            }
            let args = t.args.clone();
            let next = core::mem::replace(&mut f.blocks[c], empty());
            for (&p, &a) in next.params.iter().zip(&args) {
                subst.set(p, a);
            }
            f.blocks[c].params = next.params;
            let b = &mut f.blocks[i];
            b.insts.extend(next.insts);
            b.term = next.term;
            n_preds[c] = 0;
            changed = true;
        }
    }
    subst.apply(f);
    changed
}

fn empty() -> ir::BlockData {
    ir::BlockData { params: Vec::new(), insts: Vec::new(), term: Term::Unreachable }
}

/// Drops unreachable blocks and renumbers the rest in their order.
fn remove_unreachable(f: &mut Func) {
    let seen = reachable(f);
    if seen.iter().all(|&r| r) {
        return;
    }
    let mut new_index = vec![u32::MAX; f.blocks.len()];
    let mut n = 0;
    for (i, &r) in seen.iter().enumerate() {
        if r {
            new_index[i] = n;
            n += 1;
        }
    }
    let blocks = core::mem::take(&mut f.blocks);
    f.blocks = blocks.into_iter().zip(&seen).filter(|(_, r)| **r).map(|(b, _)| b).collect();
    for b in &mut f.blocks {
        for t in b.term.targets_mut() {
            t.block = Block(new_index[t.block.index()]);
        }
    }
}
