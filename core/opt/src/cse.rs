//! Common subexpression elimination: global value numbering over the dominator
//! tree (as gc's `ssa/cse.go` finds, though by hashing in dominator order
//! rather than partitioning), then redundant loads.
//!
//! An operation that only computes (`Op::is_pure`) with the same operands as one
//! that dominates it is that one; so is an integer division, which may trap, but
//! not after the dominating one did not. Commutative operands and mirrored
//! comparisons are put in one order first.
//!
//! A load of what an earlier load or store in the same extended basic block
//! (a block and the blocks reached only from it) read or wrote — same address
//! value, offset, width and, for a load, extension — is that value, when nothing
//! between may have written there: a store through another address value may
//! alias and forgets everything but the same address's other fields, and a call,
//! copy, zeroing or memory growth forgets everything.

use ir::cfg::Cfg;
use ir::{BinOp, Block, CmpOp, Func, Mem, Op, Ty, Value};

use crate::fxhash::FxHashMap;
use crate::subst::Subst;

pub fn run(f: &mut Func) {
    let cfg = Cfg::new(f);
    gvn(f, &cfg);
    if loads(f, &cfg) {
        gvn(f, &cfg);
    }
}

/// The operation in the form equal computations share.
fn key(op: &Op) -> Op {
    match *op {
        Op::Bin(o, a, b)
            if matches!(o, BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor) && b < a =>
        {
            Op::Bin(o, b, a)
        }
        Op::Cmp(o, a, b) => {
            use CmpOp as C;
            let swapped = match o {
                C::GtS => C::LtS,
                C::GtU => C::LtU,
                C::GeS => C::LeS,
                C::GeU => C::LeU,
                C::Gt => C::Lt,
                C::Ge => C::Le,
                C::Eq | C::Ne if b < a => o,
                _ => return op.clone(),
            };
            Op::Cmp(swapped, b, a)
        }
        _ => op.clone(),
    }
}

fn numbered(op: &Op) -> bool {
    op.is_pure() || matches!(op, Op::Bin(BinOp::DivS | BinOp::DivU | BinOp::RemS | BinOp::RemU, ..))
}

/// Walks the dominator tree, replacing each computation that an ancestor (or an
/// earlier instruction of its block) already made.
fn gvn(f: &mut Func, cfg: &Cfg) {
    let mut seen: FxHashMap<Op, Value> = FxHashMap::default();
    let mut undo: Vec<(Op, Option<Value>)> = Vec::new();
    let mut subst = Subst::new();
    // (block, undo height at entry, whether its children were pushed)
    let mut stack: Vec<(Block, usize, bool)> = vec![(Block(0), 0, false)];
    while let Some(top) = stack.last_mut() {
        let (b, height, expanded) = *top;
        if expanded {
            while undo.len() > height {
                if let Some((k, old)) = undo.pop() {
                    match old {
                        Some(v) => seen.insert(k, v),
                        None => seen.remove(&k),
                    };
                }
            }
            stack.pop();
            continue;
        }
        top.2 = true;
        top.1 = undo.len();
        let block = &mut f.blocks[b.index()];
        block.insts.retain_mut(|inst| {
            inst.op.map_uses(|v| subst.get(v));
            let (&[r], true) = (&inst.results[..], numbered(&inst.op)) else { return true };
            let k = key(&inst.op);
            if let Some(&v) = seen.get(&k) {
                subst.set(r, v);
                return false;
            }
            let old = seen.insert(k.clone(), r);
            undo.push((k, old));
            true
        });
        block.term.map_uses(|v| subst.get(v));
        for &c in cfg.dom_children[b.index()].iter().rev() {
            stack.push((c, 0, false));
        }
    }
    subst.apply(f);
}

/// What memory is known to hold: `mem` bytes at `addr + off` read as `ty` (with
/// `signed` extension when narrower) give `value`.
#[derive(Clone, Copy, Debug)]
struct Known {
    addr: Value,
    off: u32,
    mem: Mem,
    signed: bool,
    ty: Ty,
    value: Value,
}

impl Known {
    fn overlaps(&self, addr: Value, off: u32, mem: Mem) -> bool {
        // Through another address value anything may alias.
        if self.addr != addr {
            return true;
        }
        let (a0, a1) = (u64::from(self.off), u64::from(self.off) + u64::from(self.mem.bytes()));
        let (b0, b1) = (u64::from(off), u64::from(off) + u64::from(mem.bytes()));
        a0 < b1 && b0 < a1
    }

    /// Whether a load of this shape reads exactly `value`.
    fn answers(&self, addr: Value, off: u32, mem: Mem, signed: bool, ty: Ty) -> bool {
        self.addr == addr
            && self.off == off
            && self.mem == mem
            && self.ty == ty
            && (self.signed == signed || mem.bytes() == ty.bytes())
    }
}

/// The most memory facts kept at once: past it the oldest go, so that a long
/// block of loads costs linear time.
const MAX_KNOWN: usize = 64;

fn remember(known: &mut Vec<Known>, k: Known) {
    if known.len() == MAX_KNOWN {
        known.remove(0);
    }
    known.push(k);
}

/// Replaces loads of what is known over extended basic blocks; whether any went.
fn loads(f: &mut Func, cfg: &Cfg) -> bool {
    let mut subst = Subst::new();
    let mut changed = false;
    // The state at the end of each block, kept for its children that have it as
    // their only predecessor.
    let mut out: Vec<Option<Vec<Known>>> = vec![None; f.blocks.len()];
    for b in cfg.dom_preorder() {
        let preds = &cfg.preds[b.index()];
        let mut known = match preds[..] {
            [p] => out[p.index()].clone().unwrap_or_default(),
            _ => Vec::new(),
        };
        let types = &f.values;
        let block = &mut f.blocks[b.index()];
        block.insts.retain_mut(|inst| {
            inst.op.map_uses(|v| subst.get(v));
            match inst.op {
                Op::Load { mem, signed, ty, addr, off } => {
                    let r = inst.results[0];
                    if let Some(k) = known.iter().find(|k| k.answers(addr, off, mem, signed, ty)) {
                        subst.set(r, k.value);
                        changed = true;
                        return false;
                    }
                    remember(&mut known, Known { addr, off, mem, signed, ty, value: r });
                }
                Op::Store { mem, addr, off, val } => {
                    known.retain(|k| !k.overlaps(addr, off, mem));
                    let ty = types[val.index()];
                    if Mem::of(ty) == mem {
                        remember(&mut known, Known { addr, off, mem, signed: false, ty, value: val });
                    }
                }
                ref op if op.writes_memory() => known.clear(),
                _ => {}
            }
            true
        });
        block.term.map_uses(|v| subst.get(v));
        let feeds_one = cfg.succs[b.index()].iter().any(|s| cfg.preds[s.index()].len() == 1);
        if feeds_one {
            out[b.index()] = Some(known);
        }
    }
    subst.apply(f);
    changed
}
