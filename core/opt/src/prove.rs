//! Facts from dominating branches, as gc's `ssa/prove.go` (much reduced): a block
//! whose only predecessor branches to it on one edge knows that edge's condition,
//! and so do the blocks it dominates. An integer comparison those facts decide
//! becomes a constant, a branch on a condition they decide becomes a jump, and a
//! `check` they show cannot fail goes (past a check that stays, its condition is
//! known false);
//! `constfold` and `simplify` then drop what is dead — above all the bounds checks
//! (`geu i, len` branching to `runtime.panicIndex`) of loops that keep `i` in range.
//!
//! Facts are relations between two values (`<`, `<=` signed and unsigned, `==`,
//! `!=`) and the truth of a condition value. A signed fact gives the unsigned one
//! when its smaller side is known not negative (`0 <= i <s n` means `i <u n`),
//! and an unsigned one the signed one when its larger side is. Non-negative
//! values are found once per function, as the largest set closed under rules that
//! each keep a value non-negative given its operands are (so an induction
//! variable counts): constants, zero extensions, narrow unsigned loads, masks,
//! logical right shifts, comparison results, bit counts; block parameters all of
//! whose arguments are; `x + 1` where a fact at its block says `x <s y` (it does
//! not overflow); `x + c` where one says `x <s K`, `K + c` no overflow; and
//! `x - 1` where one says `y <s x` for a non-negative `y`.

use ir::cfg::Cfg;
use ir::{BinOp, Block, CmpOp, ConvOp, Func, Op, Term, UnOp, Value};

use crate::eval::Const;
use crate::fxhash::{FxHashMap, FxHashSet};

/// A relation between two integers, in the forms facts are kept in (`>` and `>=`
/// are the mirrored `<` and `<=`; `==` and `!=` have their operands in order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Rel {
    LtS,
    LeS,
    LtU,
    LeU,
    Eq,
    Ne,
}

type Atom = (Rel, Value, Value);

/// `a o b` (or its negation when `truth` is false) as an atom, for integer `o`.
fn atom(o: CmpOp, a: Value, b: Value, truth: bool) -> Option<Atom> {
    let o = if truth { o } else { crate::constfold::negate_int(o)? };
    use CmpOp as C;
    Some(match o {
        C::LtS => (Rel::LtS, a, b),
        C::GtS => (Rel::LtS, b, a),
        C::LeS => (Rel::LeS, a, b),
        C::GeS => (Rel::LeS, b, a),
        C::LtU => (Rel::LtU, a, b),
        C::GtU => (Rel::LtU, b, a),
        C::LeU => (Rel::LeU, a, b),
        C::GeU => (Rel::LeU, b, a),
        C::Eq => (Rel::Eq, a.min(b), a.max(b)),
        C::Ne => (Rel::Ne, a.min(b), a.max(b)),
        C::Lt | C::Le | C::Gt | C::Ge => return None,
    })
}

fn negate((r, a, b): Atom) -> Atom {
    match r {
        Rel::LtS => (Rel::LeS, b, a),
        Rel::LeS => (Rel::LtS, b, a),
        Rel::LtU => (Rel::LeU, b, a),
        Rel::LeU => (Rel::LtU, b, a),
        Rel::Eq => (Rel::Ne, a, b),
        Rel::Ne => (Rel::Eq, a, b),
    }
}

/// What the function's instructions say about values: their defining operation
/// (for single results) and constants.
struct Defs {
    /// An index into `ops` per value (the table per value stays small).
    def: Vec<u32>,
    ops: Vec<Op>,
    block: Vec<Option<Block>>,
}

impl Defs {
    fn new(f: &Func) -> Defs {
        let mut def = vec![u32::MAX; f.values.len()];
        let mut ops = Vec::new();
        let mut block = vec![None; f.values.len()];
        for (bi, b) in f.blocks.iter().enumerate() {
            for &p in &b.params {
                block[p.index()] = Some(Block(bi as u32));
            }
            for inst in &b.insts {
                for &r in &inst.results {
                    block[r.index()] = Some(Block(bi as u32));
                }
                // The operations the rules read (not calls, nor names to copy).
                if let [r] = inst.results[..]
                    && matches!(
                        inst.op,
                        Op::IConst(..)
                            | Op::Bin(..)
                            | Op::Cmp(..)
                            | Op::Un(..)
                            | Op::Conv(..)
                            | Op::Load { .. }
                    )
                {
                    def[r.index()] = ops.len() as u32;
                    ops.push(inst.op.clone());
                }
            }
        }
        Defs { def, ops, block }
    }

    fn op(&self, v: Value) -> Option<&Op> {
        self.def.get(v.index()).and_then(|&i| self.ops.get(i as usize))
    }

    fn konst(&self, v: Value) -> Option<Const> {
        self.op(v).and_then(Const::of)
    }
}

/// The condition of the edge into `b`, when `b`'s only predecessor branches to it
/// on one edge: the condition value and whether it held.
fn edge_fact(f: &Func, cfg: &Cfg, b: Block) -> Option<(Value, bool)> {
    let [p] = cfg.preds[b.index()][..] else { return None };
    let Term::Br(c, t, e) = &f.blocks[p.index()].term else { return None };
    (t.block != e.block).then_some((*c, t.block == b))
}

/// How far up the dominator tree the non-negativity rules look for a fact (the
/// loop condition they need is near; the bound keeps long chains of blocks from
/// costing quadratic time).
const MAX_ABOVE: usize = 256;

/// The atoms the edges dominating `b` establish (for the non-negativity rules),
/// from the nearest `MAX_ABOVE` blocks.
fn atoms_above(f: &Func, cfg: &Cfg, defs: &Defs, mut b: Block) -> Vec<Atom> {
    let mut out = Vec::new();
    for _ in 0..MAX_ABOVE {
        if let Some((c, truth)) = edge_fact(f, cfg, b)
            && let Some(&Op::Cmp(o, x, y)) = defs.op(c)
            && let Some(a) = atom(o, x, y, truth)
        {
            out.push(a);
        }
        match cfg.idom[b.index()] {
            Some(d) if d != b => b = d,
            _ => break,
        }
    }
    out
}

/// The values known not to be negative (as signed integers of their type).
fn non_negative(f: &Func, cfg: &Cfg, defs: &Defs) -> Vec<bool> {
    let n = f.values.len();
    // The arguments each block parameter receives.
    let mut incoming: Vec<Vec<Value>> = vec![Vec::new(); n];
    for b in &f.blocks {
        for t in b.term.targets() {
            for (&p, &a) in f.blocks[t.block.index()].params.iter().zip(&t.args) {
                incoming[p.index()].push(a);
            }
        }
    }
    // The values of reachable blocks in reverse postorder, so that one round
    // carries a change along every chain of definitions (loops take a round per
    // trip around).
    let mut order: Vec<Value> = Vec::new();
    let mut is_param = vec![false; n];
    for &b in &cfg.rpo {
        let data = &f.blocks[b.index()];
        if b.index() != 0 {
            for &p in &data.params {
                is_param[p.index()] = true;
                order.push(p);
            }
        }
        order.extend(data.insts.iter().flat_map(|i| i.results.iter().copied()));
    }
    // Candidates start as non-negative; a rule that fails takes a value out, until
    // none does.
    let mut nonneg = vec![false; n];
    for &v in &order {
        nonneg[v.index()] = f.ty(v).is_int() && (is_param[v.index()] || defs.op(v).is_some());
    }
    // The dominating atoms of each block, computed when first needed.
    let mut above: FxHashMap<Block, Vec<Atom>> = FxHashMap::default();
    let mut changed = true;
    while changed {
        changed = false;
        for &v in &order {
            let i = v.index();
            if !nonneg[i] {
                continue;
            }
            let ok = if is_param[i] {
                incoming[i].iter().all(|a| nonneg[a.index()])
            } else {
                match defs.op(v) {
                    Some(op) => rule(f, cfg, defs, &nonneg, &mut above, v, op),
                    None => false,
                }
            };
            if !ok {
                nonneg[i] = false;
                changed = true;
            }
        }
    }
    nonneg
}

/// Whether `v = op` is non-negative given that the values in `nonneg` are.
fn rule(
    f: &Func,
    cfg: &Cfg,
    defs: &Defs,
    nonneg: &[bool],
    above: &mut FxHashMap<Block, Vec<Atom>>,
    v: Value,
    op: &Op,
) -> bool {
    let nn = |x: Value| nonneg[x.index()];
    match *op {
        Op::IConst(..) => Const::of(op).is_some_and(|c| c.signed() >= 0),
        Op::Conv(ConvOp::ExtendU, ..) => true,
        Op::Load { mem, signed, ty, .. } => !signed && mem.bytes() < ty.bytes(),
        Op::Cmp(..) => true,
        Op::Un(UnOp::Clz | UnOp::Ctz | UnOp::Popcnt | UnOp::Eqz, _) => true,
        Op::Bin(BinOp::And, a, b) => nn(a) || nn(b),
        Op::Bin(BinOp::ShrU, _, c) => {
            let w = u64::from(f.ty(v).bytes() * 8);
            defs.konst(c).is_some_and(|c| c.bits % w != 0)
        }
        Op::Bin(BinOp::Add, x, c) => {
            let Some(c) = defs.konst(c) else { return false };
            let c = c.signed();
            if c != -1 && !(c >= 0 && nn(x)) {
                return false;
            }
            let Some(b) = defs.block[v.index()] else { return false };
            if !cfg.is_reachable(b) {
                return false;
            }
            let atoms = above.entry(b).or_insert_with(|| atoms_above(f, cfg, defs, b));
            let max = if f.ty(v) == ir::Ty::I32 { i64::from(i32::MAX) } else { i64::MAX };
            atoms.iter().any(|&(r, a, y)| match (r, c) {
                // x < y, so x + 1 <= y fits.
                (Rel::LtS, 1) => a == x,
                // x < K or x <= K, with K + c representable.
                (Rel::LtS | Rel::LeS, _) if a == x && c >= 0 => defs.konst(y).is_some_and(|k| {
                    let k = k.signed() - i64::from(r == Rel::LtS);
                    k.checked_add(c).is_some_and(|s| s <= max)
                }),
                // 0 <= y < x, so x - 1 >= y >= 0.
                (Rel::LtS, -1) => y == x && nn(a),
                _ => false,
            })
        }
        _ => false,
    }
}

/// The facts in force at the block being visited, with an undo log for leaving it.
struct Facts {
    atoms: FxHashSet<Atom>,
    values: FxHashMap<Value, bool>,
    undo: Vec<Undo>,
}

enum Undo {
    Atom(Atom),
    Value(Value),
}

impl Facts {
    fn add_atom(&mut self, a: Atom) {
        if self.atoms.insert(a) {
            self.undo.push(Undo::Atom(a));
        }
    }

    fn add_value(&mut self, v: Value, truth: bool) {
        if let std::collections::hash_map::Entry::Vacant(e) = self.values.entry(v) {
            e.insert(truth);
            self.undo.push(Undo::Value(v));
        }
    }

    fn unwind(&mut self, height: usize) {
        while self.undo.len() > height {
            match self.undo.pop() {
                Some(Undo::Atom(a)) => {
                    self.atoms.remove(&a);
                }
                Some(Undo::Value(v)) => {
                    self.values.remove(&v);
                }
                None => {}
            }
        }
    }

    /// Records that `c` is `truth`, and what follows for the values it compares.
    fn learn(&mut self, defs: &Defs, nonneg: &[bool], c: Value, truth: bool) {
        self.add_value(c, truth);
        match defs.op(c) {
            Some(&Op::Un(UnOp::Eqz, x)) => self.add_value(x, !truth),
            Some(&Op::Cmp(o, a, b)) => {
                let Some(at) = atom(o, a, b, truth) else { return };
                let (r, x, y) = at;
                let nn = |v: Value| nonneg.get(v.index()).copied().unwrap_or(false);
                self.add_atom(at);
                match r {
                    Rel::LtS => {
                        self.add_atom((Rel::LeS, x, y));
                        self.add_atom((Rel::Ne, x.min(y), x.max(y)));
                        if nn(x) {
                            self.add_atom((Rel::LtU, x, y));
                            self.add_atom((Rel::LeU, x, y));
                        }
                    }
                    Rel::LeS if nn(x) => self.add_atom((Rel::LeU, x, y)),
                    Rel::LtU => {
                        self.add_atom((Rel::LeU, x, y));
                        self.add_atom((Rel::Ne, x.min(y), x.max(y)));
                        if nn(y) {
                            self.add_atom((Rel::LtS, x, y));
                            self.add_atom((Rel::LeS, x, y));
                        }
                    }
                    Rel::LeU if nn(y) => self.add_atom((Rel::LeS, x, y)),
                    Rel::Eq => {
                        for r in [Rel::LeS, Rel::LeU] {
                            self.add_atom((r, x, y));
                            self.add_atom((r, y, x));
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Whether the integer comparison `a o b` is known true or false here.
    fn decide(&self, o: CmpOp, a: Value, b: Value) -> Option<bool> {
        let q = atom(o, a, b, true)?;
        if self.atoms.contains(&q) {
            Some(true)
        } else if self.atoms.contains(&negate(q)) {
            Some(false)
        } else {
            None
        }
    }

    /// Whether condition `c` is known here.
    fn condition(&self, defs: &Defs, c: Value) -> Option<bool> {
        if let Some(&t) = self.values.get(&c) {
            return Some(t);
        }
        match defs.op(c) {
            Some(&Op::Cmp(o, a, b)) => self.decide(o, a, b),
            Some(&Op::Un(UnOp::Eqz, x)) => self.values.get(&x).map(|&t| !t),
            _ => None,
        }
    }
}

pub fn run(f: &mut Func) {
    let cfg = Cfg::new(f);
    let defs = Defs::new(f);
    let nonneg = non_negative(f, &cfg, &defs);
    let mut facts = Facts { atoms: FxHashSet::default(), values: FxHashMap::default(), undo: Vec::new() };
    // (block, undo height at entry, whether its children were pushed)
    let mut stack: Vec<(Block, usize, bool)> = vec![(Block(0), 0, false)];
    while let Some(top) = stack.last_mut() {
        let (b, height, expanded) = *top;
        if expanded {
            facts.unwind(height);
            stack.pop();
            continue;
        }
        top.2 = true;
        top.1 = facts.undo.len();
        if let Some((c, truth)) = edge_fact(f, &cfg, b) {
            facts.learn(&defs, &nonneg, c, truth);
        }
        let insts = core::mem::take(&mut f.blocks[b.index()].insts);
        let mut kept = Vec::with_capacity(insts.len());
        for mut inst in insts {
            match inst.op {
                Op::Cmp(o, a, x) if f.values[a.index()].is_int() => {
                    if let Some(t) = facts.decide(o, a, x) {
                        inst.op = Op::IConst(ir::Ty::I32, i64::from(t));
                    }
                }
                // A check the facts say cannot fail goes; past one that stays,
                // its condition is false.
                Op::Check { cond, .. } => {
                    if facts.condition(&defs, cond) == Some(false) {
                        continue;
                    }
                    facts.learn(&defs, &nonneg, cond, false);
                }
                _ => {}
            }
            kept.push(inst);
        }
        f.blocks[b.index()].insts = kept;
        let block = &mut f.blocks[b.index()];
        if let Term::Br(c, t, e) = &block.term
            && let Some(truth) = facts.condition(&defs, *c)
        {
            block.term = Term::Jump(if truth { t.clone() } else { e.clone() });
        }
        for &c in cfg.dom_children[b.index()].iter().rev() {
            stack.push((c, 0, false));
        }
    }
}
