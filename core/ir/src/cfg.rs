//! Graph facts about one function that passes and back ends share: predecessors,
//! the reverse postorder, the dominator tree (Cooper, Harvey and Kennedy, "A Simple,
//! Fast Dominance Algorithm", 2001) and the loop nest (natural loops of the back
//! edges, as gc's `ssa/likelyadjust.go` finds them). All are computed from the
//! blocks as they are: recompute after a pass that changes the graph.

use crate::{Block, Func};

/// Predecessors, orders and dominators of a function's blocks. Unreachable blocks
/// have no order number and no dominator.
#[derive(Clone, Debug)]
pub struct Cfg {
    pub preds: Vec<Vec<Block>>,
    pub succs: Vec<Vec<Block>>,
    /// Reachable blocks in reverse postorder (the entry first).
    pub rpo: Vec<Block>,
    /// Each block's index in `rpo`, `u32::MAX` when unreachable.
    pub rpo_index: Vec<u32>,
    /// The immediate dominator; the entry's is itself, an unreachable block's `None`.
    pub idom: Vec<Option<Block>>,
    /// The dominator tree's children of each block, in reverse postorder.
    pub dom_children: Vec<Vec<Block>>,
    /// Preorder numbers of the dominator tree and the largest number in each
    /// subtree: `a` dominates `b` when `b`'s number lies in `a`'s range.
    dom_pre: Vec<u32>,
    dom_last: Vec<u32>,
}

impl Cfg {
    pub fn new(f: &Func) -> Cfg {
        let n = f.blocks.len();
        let succs: Vec<Vec<Block>> = f.blocks.iter().map(|b| b.term.succs().collect()).collect();
        let mut preds = vec![Vec::new(); n];
        for (i, ss) in succs.iter().enumerate() {
            for s in ss {
                preds[s.index()].push(Block(i as u32));
            }
        }
        // Postorder by an explicit stack (functions can be deep).
        let mut post = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let mut stack: Vec<(Block, usize)> = vec![(Block(0), 0)];
        seen[0] = true;
        while let Some((b, i)) = stack.last_mut() {
            let b = *b;
            if let Some(&s) = succs[b.index()].get(*i) {
                *i += 1;
                if !seen[s.index()] {
                    seen[s.index()] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
        let rpo: Vec<Block> = post.into_iter().rev().collect();
        let mut rpo_index = vec![u32::MAX; n];
        for (i, b) in rpo.iter().enumerate() {
            rpo_index[b.index()] = i as u32;
        }
        // Immediate dominators by iterating to a fixed point over the RPO.
        let mut idom: Vec<Option<Block>> = vec![None; n];
        idom[0] = Some(Block(0));
        let mut changed = true;
        while changed {
            changed = false;
            for &b in rpo.iter().skip(1) {
                let mut new: Option<Block> = None;
                for &p in &preds[b.index()] {
                    if idom[p.index()].is_none() {
                        continue;
                    }
                    new = Some(match new {
                        None => p,
                        Some(q) => intersect(&idom, &rpo_index, p, q),
                    });
                }
                if new.is_some() && idom[b.index()] != new {
                    idom[b.index()] = new;
                    changed = true;
                }
            }
        }
        let mut dom_children = vec![Vec::new(); n];
        for &b in rpo.iter().skip(1) {
            if let Some(d) = idom[b.index()] {
                dom_children[d.index()].push(b);
            }
        }
        let mut cfg = Cfg {
            preds,
            succs,
            rpo,
            rpo_index,
            idom,
            dom_children,
            dom_pre: vec![u32::MAX; n],
            dom_last: vec![0; n],
        };
        cfg.number_dom_tree();
        cfg
    }

    fn number_dom_tree(&mut self) {
        let mut next = 0u32;
        let mut stack: Vec<(Block, usize)> = vec![(Block(0), 0)];
        self.dom_pre[0] = 0;
        next += 1;
        while let Some((b, i)) = stack.last_mut() {
            let b = *b;
            if let Some(&c) = self.dom_children[b.index()].get(*i) {
                *i += 1;
                self.dom_pre[c.index()] = next;
                next += 1;
                stack.push((c, 0));
            } else {
                self.dom_last[b.index()] = next - 1;
                stack.pop();
            }
        }
    }

    pub fn is_reachable(&self, b: Block) -> bool {
        self.rpo_index[b.index()] != u32::MAX
    }

    /// Whether `a` dominates `b` (every block dominates itself); false when either
    /// is unreachable.
    pub fn dominates(&self, a: Block, b: Block) -> bool {
        let (pa, pb) = (self.dom_pre[a.index()], self.dom_pre[b.index()]);
        pa != u32::MAX && pb != u32::MAX && pa <= pb && pb <= self.dom_last[a.index()]
    }

    /// The blocks of the dominator tree in preorder (each before the blocks it
    /// dominates).
    pub fn dom_preorder(&self) -> Vec<Block> {
        let mut out = Vec::with_capacity(self.rpo.len());
        let mut stack = vec![Block(0)];
        while let Some(b) = stack.pop() {
            out.push(b);
            stack.extend(self.dom_children[b.index()].iter().rev());
        }
        out
    }
}

fn intersect(idom: &[Option<Block>], rpo_index: &[u32], mut a: Block, mut b: Block) -> Block {
    while a != b {
        while rpo_index[a.index()] > rpo_index[b.index()] {
            a = idom[a.index()].unwrap_or(Block(0));
        }
        while rpo_index[b.index()] > rpo_index[a.index()] {
            b = idom[b.index()].unwrap_or(Block(0));
        }
    }
    a
}

/// A natural loop: its header, the blocks of its body (the header included), the
/// loop it nests in, and its depth (1 for an outermost loop).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loop {
    pub header: Block,
    pub blocks: Vec<Block>,
    pub parent: Option<usize>,
    pub depth: u32,
}

/// The loop nest: every natural loop, outer loops before the loops they contain,
/// and for each block its innermost loop.
#[derive(Clone, Debug)]
pub struct LoopNest {
    pub loops: Vec<Loop>,
    pub innermost: Vec<Option<usize>>,
}

impl LoopNest {
    /// The loops of `f` whose back edges go to a dominating header; a retreating
    /// edge to a block that does not dominate its source (irreducible flow, from
    /// `goto`) makes no loop.
    pub fn new(cfg: &Cfg) -> LoopNest {
        let n = cfg.preds.len();
        // Headers in reverse postorder: an outer loop's header comes before the
        // headers of the loops inside it.
        let mut found: Vec<(Block, Vec<Block>)> = Vec::new();
        for &h in &cfg.rpo {
            let latches: Vec<Block> =
                cfg.preds[h.index()].iter().copied().filter(|&p| cfg.dominates(h, p)).collect();
            if latches.is_empty() {
                continue;
            }
            let mut body = vec![false; n];
            body[h.index()] = true;
            let mut work = latches;
            while let Some(b) = work.pop() {
                if body[b.index()] || !cfg.is_reachable(b) {
                    continue;
                }
                body[b.index()] = true;
                work.extend(cfg.preds[b.index()].iter().copied());
            }
            let mut blocks: Vec<Block> = (0..n as u32).map(Block).filter(|b| body[b.index()]).collect();
            blocks.sort_by_key(|b| cfg.rpo_index[b.index()]);
            found.push((h, blocks));
        }
        let mut loops: Vec<Loop> = Vec::with_capacity(found.len());
        let mut innermost: Vec<Option<usize>> = vec![None; n];
        for (h, blocks) in found {
            // The enclosing loop is the innermost one already seen holding the header.
            let parent = innermost[h.index()];
            let depth = parent.map_or(1, |p| loops[p].depth + 1);
            let id = loops.len();
            for &b in &blocks {
                innermost[b.index()] = Some(id);
            }
            loops.push(Loop { header: h, blocks, parent, depth });
        }
        LoopNest { loops, innermost }
    }

    /// How many loops contain `b`.
    pub fn depth(&self, b: Block) -> u32 {
        self.innermost[b.index()].map_or(0, |l| self.loops[l].depth)
    }
}
