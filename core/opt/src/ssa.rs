//! Building SSA from the generator's variables (`get`/`set`), the first pass:
//! Cytron et al.'s construction ("Efficiently Computing Static Single Assignment
//! Form and the Control Dependence Graph", 1991) with block parameters for φs,
//! pruned by liveness so a variable gets a parameter only where it is live on
//! entry. Renaming walks the dominator tree with explicit stacks (functions can be
//! deep, and the browser's stack is small). A variable read on a path that never
//! set it reads zero, the value every Go variable starts with.

use ir::cfg::Cfg;
use ir::{Block, Func, Inst, Op, Term, Ty, Value, Var};

use crate::bits::BitSet;

/// Replaces every variable of `f` by SSA values and block parameters, and empties
/// unreachable blocks.
pub fn construct(f: &mut Func) {
    let cfg = Cfg::new(f);
    for (i, b) in f.blocks.iter_mut().enumerate() {
        if !cfg.is_reachable(Block(i as u32)) {
            b.insts.clear();
            b.term = Term::Unreachable;
        }
    }
    if f.vars.is_empty() {
        return;
    }
    let (nb, nv) = (f.blocks.len(), f.vars.len());

    // Per block: the variables read before any write (upward exposed), and those
    // written.
    let mut uses = vec![BitSet::new(nv); nb];
    let mut defs = vec![BitSet::new(nv); nb];
    for (i, b) in f.blocks.iter().enumerate() {
        for inst in &b.insts {
            match inst.op {
                Op::Get(x) if !defs[i].contains(x.index()) => {
                    uses[i].insert(x.index());
                }
                Op::Set(x, _) => {
                    defs[i].insert(x.index());
                }
                _ => {}
            }
        }
    }
    // Liveness at block entry, to a fixed point in postorder.
    let mut live_in = vec![BitSet::new(nv); nb];
    let mut changed = true;
    while changed {
        changed = false;
        for &b in cfg.rpo.iter().rev() {
            let mut out = BitSet::new(nv);
            for s in &cfg.succs[b.index()] {
                out.union(&live_in[s.index()]);
            }
            let i = b.index();
            changed |= live_in[i].set_to_transfer(&uses[i], &out, &defs[i]);
        }
    }
    // Dominance frontiers.
    let mut df: Vec<Vec<Block>> = vec![Vec::new(); nb];
    for &b in &cfg.rpo {
        let preds = &cfg.preds[b.index()];
        if preds.len() < 2 {
            continue;
        }
        let Some(idom) = cfg.idom[b.index()] else { continue };
        for &p in preds {
            let mut runner = p;
            while runner != idom && cfg.is_reachable(runner) {
                if !df[runner.index()].contains(&b) {
                    df[runner.index()].push(b);
                }
                let Some(up) = cfg.idom[runner.index()] else { break };
                runner = up;
            }
        }
    }
    // φ placement: the iterated dominance frontier of each variable's writes,
    // where the variable is live.
    let mut phis: Vec<Vec<Var>> = vec![Vec::new(); nb];
    let mut placed = vec![u32::MAX; nb];
    let mut queued = vec![u32::MAX; nb];
    let mut work: Vec<Block> = Vec::new();
    for x in 0..nv {
        let tag = x as u32;
        work.clear();
        for (i, d) in defs.iter().enumerate() {
            if d.contains(x) && cfg.is_reachable(Block(i as u32)) {
                queued[i] = tag;
                work.push(Block(i as u32));
            }
        }
        while let Some(b) = work.pop() {
            for &d in &df[b.index()] {
                let di = d.index();
                if placed[di] == tag || !live_in[di].contains(x) {
                    continue;
                }
                placed[di] = tag;
                phis[di].push(Var(tag));
                if queued[di] != tag {
                    queued[di] = tag;
                    work.push(d);
                }
            }
        }
    }
    // The parameters, after any the block has.
    let mut phi_values: Vec<Vec<(Var, Value)>> = vec![Vec::new(); nb];
    for (i, xs) in phis.iter().enumerate() {
        for &x in xs {
            let v = f.add_block_param(Block(i as u32), f.vars[x.index()]);
            phi_values[i].push((x, v));
        }
    }

    // Renaming, in dominator-tree preorder.
    let mut r = Renamer { cur: vec![None; nv], subst: Vec::new(), zeros: Vec::new(), new_zeros: Vec::new() };
    let mut undo: Vec<(Var, Option<Value>)> = Vec::new();
    // (block, undo-stack height at entry, whether its children were pushed)
    let mut stack: Vec<(Block, usize, bool)> = vec![(Block(0), 0, false)];
    while let Some(top) = stack.last_mut() {
        let (b, height, expanded) = *top;
        if expanded {
            while undo.len() > height {
                if let Some((x, old)) = undo.pop() {
                    r.cur[x.index()] = old;
                }
            }
            stack.pop();
            continue;
        }
        top.2 = true;
        let height_now = undo.len();
        top.1 = height_now;
        for &(x, v) in &phi_values[b.index()] {
            undo.push((x, r.cur[x.index()]));
            r.cur[x.index()] = Some(v);
        }
        let insts = core::mem::take(&mut f.blocks[b.index()].insts);
        let mut kept = Vec::with_capacity(insts.len());
        for mut inst in insts {
            inst.op.map_uses(|v| r.resolve(v));
            match inst.op {
                Op::Get(x) => {
                    let v = r.read(f, x);
                    r.set_subst(inst.results[0], v);
                }
                Op::Set(x, v) => {
                    undo.push((x, r.cur[x.index()]));
                    r.cur[x.index()] = Some(v);
                }
                _ => kept.push(inst),
            }
        }
        f.blocks[b.index()].insts = kept;
        let mut term = core::mem::replace(&mut f.blocks[b.index()].term, Term::Unreachable);
        term.map_uses(|v| r.resolve(v));
        for t in term.targets_mut() {
            for &(x, _) in &phi_values[t.block.index()] {
                let v = r.read(f, x);
                t.args.push(v);
            }
        }
        f.blocks[b.index()].term = term;
        for &c in cfg.dom_children[b.index()].iter().rev() {
            stack.push((c, 0, false));
        }
    }
    // Zero constants for reads of unset variables, at the top of the entry.
    let zeros: Vec<Inst> = r.new_zeros;
    if !zeros.is_empty() {
        let entry = &mut f.blocks[0].insts;
        let rest = core::mem::take(entry);
        entry.extend(zeros);
        entry.extend(rest);
    }
    f.vars.clear();
}

struct Renamer {
    /// The value each variable holds at this point of the walk.
    cur: Vec<Option<Value>>,
    /// What each removed `get`'s result stands for.
    subst: Vec<Option<Value>>,
    /// The zero constant of each type, made on first need.
    zeros: Vec<(Ty, Value)>,
    new_zeros: Vec<Inst>,
}

impl Renamer {
    fn resolve(&self, v: Value) -> Value {
        self.subst.get(v.index()).copied().flatten().unwrap_or(v)
    }

    fn set_subst(&mut self, from: Value, to: Value) {
        if self.subst.len() <= from.index() {
            self.subst.resize(from.index() + 1, None);
        }
        self.subst[from.index()] = Some(to);
    }

    fn read(&mut self, f: &mut Func, x: Var) -> Value {
        if let Some(v) = self.cur[x.index()] {
            return v;
        }
        let ty = f.vars[x.index()];
        if let Some(&(_, v)) = self.zeros.iter().find(|(t, _)| *t == ty) {
            return v;
        }
        let v = f.new_value(ty);
        let op = if ty.is_int() { Op::IConst(ty, 0) } else { Op::FConst(ty, 0) };
        self.new_zeros.push(Inst { results: vec![v], op });
        self.zeros.push((ty, v));
        v
    }
}
