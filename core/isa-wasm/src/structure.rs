//! Structured control flow: a reducible CFG as nested Wasm `block`, `loop` and
//! `if`, by Norman Ramsey's translation over the dominator tree ("Beyond Relooper:
//! Recursive Translation of Unstructured Control Flow to Structured Control Flow",
//! ICFP 2022, functional pearl), which is also what binaryen's and Cranelift's
//! users rely on engines to compile fast: no dispatch variable, so an engine sees
//! the loops and merges as they are.
//!
//! The translation of block `x` (`doTree` in the paper): if `x` is a loop header
//! (the target of a back edge) its code is a `loop`; inside, one `block` per
//! child of `x` in the dominator tree that is a merge node (two or more forward
//! edges in), the child with the lowest reverse-postorder number innermost; inside
//! those, `x`'s instructions and its terminator; after the end of each `block`,
//! the translation of its merge child. A branch (`doBranch`) to a loop header
//! backwards is a `br` to its `loop`, to a merge node a `br` to the end of its
//! `block`, and to any other block — dominated by `x` with `x` its only forward
//! predecessor — is that block's translation, inline. So every block is emitted
//! once, and the code stays linear in the CFG.
//!
//! Two refinements keep the code small: a branch to the block that control reaches
//! anyway by falling off the end of the current construct is nothing (the paper's
//! "fallthrough" context), and a conditional branch whose one side is a `br`
//! without arguments is a `br_if`. A branch passing arguments to parameters needs
//! the parallel copy first, so `br_if` cannot carry it: that side is an `if`
//! holding the copy and the branch, and the other side follows the `if` (which
//! also keeps chains of `else if` flat rather than nested).
//!
//! Irreducible graphs (from `goto` into a loop) have retreating edges to blocks
//! that do not dominate their source; `Shape::new` refuses them and the back end
//! uses its dispatch loop for that function.
//!
//! The walk is iterative (an explicit task stack): dominator trees of generated
//! code can be thousands of blocks deep.

use crate::Emitter;
use ir::cfg::Cfg;
use ir::{Block, Func, Term};
use wasm_encoder::BlockType;

/// What the translation needs to know about each block.
#[derive(Clone, Debug)]
pub(crate) struct Shape {
    /// Two or more forward edges in (a branch with both targets the same counts
    /// twice).
    merge: Vec<bool>,
    /// The target of a back edge.
    header: Vec<bool>,
    /// The number of blocks each dominates, itself included.
    subtree: Vec<u32>,
}

impl Shape {
    /// The shape of a reducible function; `None` for an irreducible one.
    pub(crate) fn new(f: &Func, cfg: &Cfg) -> Option<Shape> {
        let n = f.blocks.len();
        let mut forward_in = vec![0u32; n];
        let mut header = vec![false; n];
        for &b in &cfg.rpo {
            for &s in &cfg.succs[b.index()] {
                if cfg.rpo_index[s.index()] > cfg.rpo_index[b.index()] {
                    forward_in[s.index()] += 1;
                } else if cfg.dominates(s, b) {
                    header[s.index()] = true;
                } else {
                    return None;
                }
            }
        }
        let mut subtree = vec![1u32; n];
        for &b in cfg.rpo.iter().rev() {
            for &c in &cfg.dom_children[b.index()] {
                subtree[b.index()] += subtree[c.index()];
            }
        }
        Some(Shape { merge: forward_in.iter().map(|&k| k >= 2).collect(), header, subtree })
    }
}

/// An enclosing construct, innermost last: what a `br` depth counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    /// A `block` whose end is followed by this merge node.
    Block(Block),
    /// The `loop` of this header.
    Loop(Block),
    If,
}

/// Work left, innermost last. `follow` is the block control reaches by falling
/// off the end of the code being emitted, if any.
#[derive(Clone, Copy, Debug)]
enum Task {
    /// The translation of a block and what it dominates.
    Tree { b: Block, follow: Option<Block> },
    /// A block's terminator.
    Term { b: Block, follow: Option<Block> },
    /// The `which`th target of `from`'s terminator.
    Branch { from: Block, which: usize, follow: Option<Block> },
    /// `end` of the innermost construct.
    End,
}

/// How a branch reaches its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dest {
    /// `br` of this depth.
    Br(u32),
    /// Nothing: falling off the end gets there.
    Fall,
    /// The target's translation, here.
    Inline,
}

impl Emitter<'_> {
    /// Emits the function as structured control flow; false (with partial code
    /// the caller discards) if the translation meets a branch it cannot place,
    /// which `Shape::new` should have ruled out.
    pub(crate) fn structured(&mut self, shape: &Shape) -> bool {
        let mut frames: Vec<Frame> = Vec::new();
        let mut tasks = vec![Task::Tree { b: Block(0), follow: None }];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Tree { b, follow } => self.tree(shape, b, follow, &mut frames, &mut tasks),
                Task::Term { b, follow } => {
                    if !self.term(shape, b, follow, &mut frames, &mut tasks) {
                        return false;
                    }
                }
                Task::Branch { from, which, follow } => {
                    let Some(t) = self.f.blocks[from.index()].term.targets().nth(which) else { return false };
                    let Some(dest) = self.dest(shape, &frames, from, t.block, follow) else { return false };
                    self.copy(t);
                    match dest {
                        Dest::Br(d) => {
                            self.sink().br(d);
                        }
                        Dest::Fall => {}
                        Dest::Inline => tasks.push(Task::Tree { b: t.block, follow }),
                    }
                }
                Task::End => {
                    self.sink().end();
                    frames.pop();
                }
            }
        }
        true
    }

    fn tree(
        &mut self,
        shape: &Shape,
        b: Block,
        follow: Option<Block>,
        frames: &mut Vec<Frame>,
        tasks: &mut Vec<Task>,
    ) {
        // Dominator-tree children come in reverse postorder.
        let merges: Vec<Block> =
            self.cfg.dom_children[b.index()].iter().copied().filter(|c| shape.merge[c.index()]).collect();
        if shape.header[b.index()] {
            self.sink().loop_(BlockType::Empty);
            frames.push(Frame::Loop(b));
            tasks.push(Task::End);
        }
        for &y in merges.iter().rev() {
            self.sink().block(BlockType::Empty);
            frames.push(Frame::Block(y));
        }
        self.insts(b);
        // In order: the terminator, then after each block's end its merge node,
        // which falls off into the next one (the last into what follows `b`).
        for (i, &y) in merges.iter().enumerate().rev() {
            tasks.push(Task::Tree { b: y, follow: merges.get(i + 1).copied().or(follow) });
            tasks.push(Task::End);
        }
        tasks.push(Task::Term { b, follow: merges.first().copied().or(follow) });
    }

    fn term(
        &mut self,
        shape: &Shape,
        b: Block,
        follow: Option<Block>,
        frames: &mut Vec<Frame>,
        tasks: &mut Vec<Task>,
    ) -> bool {
        let f = self.f;
        let (c, t, e) = match &f.blocks[b.index()].term {
            Term::Jump(_) => {
                tasks.push(Task::Branch { from: b, which: 0, follow });
                return true;
            }
            Term::Br(c, t, e) => (*c, t, e),
            term @ (Term::Ret(_) | Term::Unreachable) => {
                self.exit(term, frames.is_empty() && tasks.is_empty());
                return true;
            }
        };
        let (Some(dt), Some(de)) =
            (self.dest(shape, frames, b, t.block, follow), self.dest(shape, frames, b, e.block, follow))
        else {
            return false;
        };
        self.get(c);
        match (dt, de) {
            (Dest::Br(d), _) if self.copy_is_empty(t) => {
                self.sink().br_if(d);
                tasks.push(Task::Branch { from: b, which: 1, follow });
            }
            (_, Dest::Br(d)) if self.copy_is_empty(e) => {
                self.sink().i32_eqz().br_if(d);
                tasks.push(Task::Branch { from: b, which: 0, follow });
            }
            _ => {
                // One side in an `if` that never falls out of it, the other after.
                let inner = match (dt, de) {
                    (Dest::Fall, _) => 1,
                    (_, Dest::Fall) => 0,
                    (Dest::Br(_), Dest::Inline) => 0,
                    (Dest::Inline, Dest::Br(_)) => 1,
                    (Dest::Inline, Dest::Inline)
                        if shape.subtree[e.block.index()] < shape.subtree[t.block.index()] =>
                    {
                        1
                    }
                    _ => 0,
                };
                if inner == 1 {
                    self.sink().i32_eqz();
                }
                self.sink().if_(BlockType::Empty);
                frames.push(Frame::If);
                tasks.push(Task::Branch { from: b, which: 1 - inner, follow });
                tasks.push(Task::End);
                tasks.push(Task::Branch { from: b, which: inner, follow: None });
            }
        }
        true
    }

    /// How a branch from `from` reaches `to` here; `None` if it cannot.
    fn dest(
        &self,
        shape: &Shape,
        frames: &[Frame],
        from: Block,
        to: Block,
        follow: Option<Block>,
    ) -> Option<Dest> {
        let depth = |frame: Frame| frames.iter().rev().position(|&x| x == frame).map(|d| Dest::Br(d as u32));
        let forward = self.cfg.rpo_index[to.index()] > self.cfg.rpo_index[from.index()];
        if !forward {
            depth(Frame::Loop(to))
        } else if follow == Some(to) {
            Some(Dest::Fall)
        } else if shape.merge[to.index()] {
            depth(Frame::Block(to))
        } else if self.cfg.idom[to.index()] == Some(from) {
            Some(Dest::Inline)
        } else {
            None
        }
    }
}
