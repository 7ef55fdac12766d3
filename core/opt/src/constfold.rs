//! Constant folding and propagation, algebraic identities and strength
//! reduction (gc's `ssa/_gen/generic.rules` in spirit), and copy propagation for
//! block parameters. Repeats until nothing changes:
//!
//! * an operation on constants becomes the constant (`eval` says what the
//!   machine computes, and declines what it cannot say for sure);
//! * integer identities: `x+0`, `x-0`, `x*1`, `x|0`, `x^0`, `x&-1`, shifts by 0 and
//!   `x/1` are `x`; `x*0`, `x&0`, `x-x`, `x^x` are 0; `x==x` is 1. Never for floats:
//!   `x+0` is not `x` for -0, nor `x*0` 0 for NaN or infinities;
//! * strength reduction: multiplying by 2^k is a left shift; unsigned division by
//!   2^k a right shift and the remainder a mask; signed division by 2^k shifts
//!   the dividend biased toward zero (Hacker's Delight, §10-1), the remainder is
//!   the dividend less that quotient shifted back. A division by zero stays: it
//!   must trap where the program has it;
//! * a constant operand of a commutative operation goes right (so the rules and
//!   `cse` see one form), `x - c` becomes `x + -c`, and `(x + c1) + c2` becomes
//!   `x + (c1 + c2)`;
//! * a constant added to a load's or store's address moves into its offset (as
//!   gc's Wasm rules do, when the sum stays below 2^31: every back end takes such
//!   an offset);
//! * `select` on a constant or between equal values picks one; `eqz` of an
//!   integer comparison is the opposite comparison; `wrap` of an extension is the
//!   value extended; a branch on a constant becomes a jump;
//! * a block parameter whose every incoming argument is one value (or the
//!   parameter itself, around a loop), or the same constant, is replaced by it.

use ir::cfg::Cfg;
use ir::{BinOp, Block, CmpOp, ConvOp, Func, Inst, Op, Term, Ty, UnOp, Value};

use crate::eval::{self, Const};
use crate::subst::Subst;

pub fn run(f: &mut Func) {
    // Folding only removes edges, so the order stays one where definitions come
    // before their uses.
    let rpo = Cfg::new(f).rpo;
    let mut rounds = 0;
    loop {
        let mut changed = fold_insts(f, &rpo);
        changed |= fold_params(f);
        rounds += 1;
        // Each round only shrinks or rewrites toward the rules' normal forms; the
        // bound keeps a pathological function from taking long.
        if !changed || rounds == 16 {
            break;
        }
    }
}

/// What an instruction becomes.
enum Fold {
    Const(Const),
    Value(Value),
    /// A new operation, after the given new instructions (their results new
    /// values).
    Op(Op, Vec<Inst>),
}

/// What is known of each value: its constant, and the pure operation defining it
/// (an index into `ops`, so that the table per value stays small).
struct Facts {
    konst: Vec<Option<Const>>,
    def: Vec<u32>,
    ops: Vec<Op>,
}

impl Facts {
    fn new(n: usize) -> Facts {
        Facts { konst: vec![None; n], def: vec![u32::MAX; n], ops: Vec::new() }
    }

    fn konst(&self, v: Value) -> Option<Const> {
        self.konst.get(v.index()).copied().flatten()
    }

    fn def(&self, v: Value) -> Option<&Op> {
        self.def.get(v.index()).and_then(|&i| self.ops.get(i as usize))
    }

    fn record(&mut self, r: Value, op: &Op) {
        if self.konst.len() <= r.index() {
            self.konst.resize(r.index() + 1, None);
            self.def.resize(r.index() + 1, u32::MAX);
        }
        self.konst[r.index()] = Const::of(op);
        // The operations the rules look through.
        self.def[r.index()] =
            if matches!(op, Op::Bin(..) | Op::Cmp(..) | Op::Un(..) | Op::Conv(..)) && op.is_pure() {
                self.ops.push(op.clone());
                self.ops.len() as u32 - 1
            } else {
                u32::MAX
            };
    }
}

fn fold_insts(f: &mut Func, rpo: &[Block]) -> bool {
    let mut facts = Facts::new(f.values.len());
    let mut subst = Subst::new();
    let mut changed = false;
    // In reverse postorder every instruction's operands were seen first (but for
    // parameters, which are not folded here).
    for &b in rpo {
        let insts = core::mem::take(&mut f.blocks[b.index()].insts);
        let mut out = Vec::with_capacity(insts.len());
        for mut inst in insts {
            inst.op.map_uses(|v| subst.get(v));
            if let [r] = inst.results[..] {
                match fold(f, &facts, &inst.op, r) {
                    Some(Fold::Const(c)) => {
                        inst.op = c.op();
                        changed = true;
                    }
                    Some(Fold::Value(v)) => {
                        subst.set(r, v);
                        changed = true;
                        continue;
                    }
                    Some(Fold::Op(op, before)) => {
                        for i in before {
                            facts.record(i.results[0], &i.op);
                            out.push(i);
                        }
                        inst.op = op;
                        changed = true;
                    }
                    None => {}
                }
                facts.record(r, &inst.op);
            } else if let Some(op) = fold_effect(&facts, &inst.op) {
                inst.op = op;
                changed = true;
            } else if let Op::Check { cond, .. } = &inst.op
                && facts.konst(*cond).is_some_and(|k| k.bits == 0)
            {
                // A check that cannot fail.
                changed = true;
                continue;
            }
            out.push(inst);
        }
        let block = &mut f.blocks[b.index()];
        block.insts = out;
        block.term.map_uses(|v| subst.get(v));
        if let Term::Br(c, t, e) = &block.term
            && let Some(k) = facts.konst(*c)
        {
            block.term = Term::Jump(if k.bits != 0 { t.clone() } else { e.clone() });
            changed = true;
        }
    }
    subst.apply(f);
    changed
}

fn is_commutative(o: BinOp) -> bool {
    matches!(o, BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor)
}

/// The comparison with its operands swapped.
fn mirror(o: CmpOp) -> CmpOp {
    use CmpOp as C;
    match o {
        C::Eq | C::Ne => o,
        C::LtS => C::GtS,
        C::GtS => C::LtS,
        C::LeS => C::GeS,
        C::GeS => C::LeS,
        C::LtU => C::GtU,
        C::GtU => C::LtU,
        C::LeU => C::GeU,
        C::GeU => C::LeU,
        C::Lt => C::Gt,
        C::Gt => C::Lt,
        C::Le => C::Ge,
        C::Ge => C::Le,
    }
}

/// The integer comparison that is true exactly when `o` is false.
pub(crate) fn negate_int(o: CmpOp) -> Option<CmpOp> {
    use CmpOp as C;
    Some(match o {
        C::Eq => C::Ne,
        C::Ne => C::Eq,
        C::LtS => C::GeS,
        C::GeS => C::LtS,
        C::LeS => C::GtS,
        C::GtS => C::LeS,
        C::LtU => C::GeU,
        C::GeU => C::LtU,
        C::LeU => C::GtU,
        C::GtU => C::LeU,
        C::Lt | C::Le | C::Gt | C::Ge => return None,
    })
}

/// k when `c` is the integer 2^k, k ≥ 1.
fn log2(c: Const) -> Option<u32> {
    (c.ty.is_int() && c.bits.is_power_of_two() && c.bits > 1).then(|| c.bits.trailing_zeros())
}

/// A new instruction defining a constant.
fn new_const(f: &mut Func, c: Const) -> Inst {
    Inst { results: vec![f.new_value(c.ty)], op: c.op() }
}

fn new_inst(f: &mut Func, ty: Ty, op: Op) -> Inst {
    Inst { results: vec![f.new_value(ty)], op }
}

fn fold(f: &mut Func, facts: &Facts, op: &Op, r: Value) -> Option<Fold> {
    let k = |v: Value| facts.konst(v);
    match *op {
        Op::Bin(o, a, b) => {
            if let (Some(x), Some(y)) = (k(a), k(b)) {
                return eval::bin(o, x, y).map(Fold::Const);
            }
            let ty = f.ty(r);
            if !ty.is_int() {
                return None;
            }
            if is_commutative(o) && k(a).is_some() {
                return Some(Fold::Op(Op::Bin(o, b, a), vec![]));
            }
            int_bin(f, facts, o, a, b, ty)
        }
        Op::Cmp(o, a, b) => {
            if let (Some(x), Some(y)) = (k(a), k(b)) {
                return eval::cmp(o, x, y).map(Fold::Const);
            }
            if k(a).is_some() {
                return Some(Fold::Op(Op::Cmp(mirror(o), b, a), vec![]));
            }
            if !f.ty(a).is_int() {
                return None;
            }
            let yes = |t: bool| Some(Fold::Const(Const::new(Ty::I32, u64::from(t))));
            if a == b {
                return yes(matches!(o, CmpOp::Eq | CmpOp::LeS | CmpOp::LeU | CmpOp::GeS | CmpOp::GeU));
            }
            match (o, k(b)) {
                (CmpOp::LtU, Some(z)) if z.bits == 0 => yes(false),
                (CmpOp::GeU, Some(z)) if z.bits == 0 => yes(true),
                _ => None,
            }
        }
        Op::Un(o, a) => {
            if let Some(x) = k(a) {
                return eval::un(o, x).map(Fold::Const);
            }
            if o == UnOp::Eqz
                && let Some(&Op::Cmp(c, x, y)) = facts.def(a)
                && f.ty(x).is_int()
            {
                return negate_int(c).map(|n| Fold::Op(Op::Cmp(n, x, y), vec![]));
            }
            None
        }
        Op::Conv(o, to, a) => {
            if let Some(x) = k(a) {
                return eval::conv(o, to, x).map(Fold::Const);
            }
            match (o, facts.def(a)) {
                (ConvOp::Wrap, Some(&Op::Conv(ConvOp::ExtendS | ConvOp::ExtendU, _, x))) => {
                    Some(Fold::Value(x))
                }
                _ => None,
            }
        }
        Op::Select(c, a, b) => match k(c) {
            Some(x) => Some(Fold::Value(if x.bits != 0 { a } else { b })),
            None if a == b => Some(Fold::Value(a)),
            None => None,
        },
        Op::Load { mem, signed, ty, addr, off } => {
            let (addr, off) = fold_offset(facts, addr, off)?;
            Some(Fold::Op(Op::Load { mem, signed, ty, addr, off }, vec![]))
        }
        _ => None,
    }
}

/// A store's address folded as a load's is.
fn fold_effect(facts: &Facts, op: &Op) -> Option<Op> {
    let Op::Store { mem, addr, off, val } = *op else { return None };
    let (addr, off) = fold_offset(facts, addr, off)?;
    Some(Op::Store { mem, addr, off, val })
}

/// `(x + c) + off` as `x + (c + off)` when that offset is small and not negative.
fn fold_offset(facts: &Facts, addr: Value, off: u32) -> Option<(Value, u32)> {
    let Some(&Op::Bin(BinOp::Add, x, c)) = facts.def(addr) else { return None };
    let c = facts.konst(c)?.signed();
    let sum = i64::from(off).checked_add(c)?;
    (0..1 << 31).contains(&sum).then_some((x, sum as u32))
}

fn int_bin(f: &mut Func, facts: &Facts, o: BinOp, a: Value, b: Value, ty: Ty) -> Option<Fold> {
    let zero = Const::int(ty, 0);
    let w = ty.bytes() * 8;
    if a == b {
        match o {
            BinOp::Sub | BinOp::Xor => return Some(Fold::Const(zero)),
            BinOp::And | BinOp::Or => return Some(Fold::Value(a)),
            _ => {}
        }
    }
    if let Some(x) = facts.konst(a)
        && x.bits == 0
        && matches!(o, BinOp::Shl | BinOp::ShrS | BinOp::ShrU)
    {
        return Some(Fold::Const(zero));
    }
    let y = facts.konst(b)?;
    let shift = matches!(o, BinOp::Shl | BinOp::ShrS | BinOp::ShrU);
    if shift && y.bits % u64::from(w) == 0 {
        return Some(Fold::Value(a));
    }
    match o {
        BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::Xor if y.bits == 0 => return Some(Fold::Value(a)),
        BinOp::Mul | BinOp::DivS | BinOp::DivU if y.is(1) => return Some(Fold::Value(a)),
        BinOp::Mul | BinOp::And if y.bits == 0 => return Some(Fold::Const(zero)),
        BinOp::RemS | BinOp::RemU if y.is(1) => return Some(Fold::Const(zero)),
        BinOp::And if y.is(-1) => return Some(Fold::Value(a)),
        BinOp::Or if y.is(-1) => return Some(Fold::Const(y)),
        _ => {}
    }
    match o {
        BinOp::Sub => {
            let neg = new_const(f, Const::int(ty, y.signed().wrapping_neg()));
            let c = neg.results[0];
            Some(Fold::Op(Op::Bin(BinOp::Add, a, c), vec![neg]))
        }
        BinOp::Add => {
            let Some(&Op::Bin(BinOp::Add, x, c1)) = facts.def(a) else { return None };
            let c1 = facts.konst(c1)?;
            let sum = new_const(f, Const::int(ty, c1.signed().wrapping_add(y.signed())));
            let c = sum.results[0];
            Some(Fold::Op(Op::Bin(BinOp::Add, x, c), vec![sum]))
        }
        BinOp::Mul => {
            let n = log2(y)?;
            let count = new_const(f, Const::int(ty, i64::from(n)));
            let c = count.results[0];
            Some(Fold::Op(Op::Bin(BinOp::Shl, a, c), vec![count]))
        }
        BinOp::DivU => {
            let n = log2(y)?;
            let count = new_const(f, Const::int(ty, i64::from(n)));
            let c = count.results[0];
            Some(Fold::Op(Op::Bin(BinOp::ShrU, a, c), vec![count]))
        }
        BinOp::RemU => {
            log2(y)?;
            let mask = new_const(f, Const::new(ty, y.bits - 1));
            let c = mask.results[0];
            Some(Fold::Op(Op::Bin(BinOp::And, a, c), vec![mask]))
        }
        BinOp::DivS | BinOp::RemS => {
            // 2^k with k < w-1: the divisor is positive.
            let n = log2(y).filter(|&n| n < w - 1)?;
            // q = (a + ((a >>s w-1) >>u w-n)) >>s n: the bias 2^n - 1 for a
            // negative dividend makes the shift round toward zero.
            let mut before = Vec::new();
            let mut konst = |f: &mut Func, v: i64| {
                let i = new_const(f, Const::int(ty, v));
                let r = i.results[0];
                before.push(i);
                r
            };
            let (wm1, wmn, nn) =
                (konst(f, i64::from(w - 1)), konst(f, i64::from(w - n)), konst(f, i64::from(n)));
            let sign = new_inst(f, ty, Op::Bin(BinOp::ShrS, a, wm1));
            let bias = new_inst(f, ty, Op::Bin(BinOp::ShrU, sign.results[0], wmn));
            let biased = new_inst(f, ty, Op::Bin(BinOp::Add, a, bias.results[0]));
            let s = biased.results[0];
            before.extend([sign, bias, biased]);
            if o == BinOp::DivS {
                return Some(Fold::Op(Op::Bin(BinOp::ShrS, s, nn), before));
            }
            // r = a - (biased & -2^n).
            let mask = new_const(f, Const::int(ty, -(1i64 << n)));
            let m = mask.results[0];
            let down = new_inst(f, ty, Op::Bin(BinOp::And, s, m));
            let d = down.results[0];
            before.extend([mask, down]);
            Some(Fold::Op(Op::Bin(BinOp::Sub, a, d), before))
        }
        _ => None,
    }
}

/// Replaces block parameters whose incoming arguments are all one value (or the
/// parameter itself), or all the same constant, by that value or constant.
fn fold_params(f: &mut Func) -> bool {
    let reachable = crate::simplify::reachable(f);
    let mut konst: Vec<Option<Const>> = vec![None; f.values.len()];
    for b in &f.blocks {
        for inst in &b.insts {
            if let [r] = inst.results[..] {
                konst[r.index()] = Const::of(&inst.op);
            }
        }
    }
    // Per block and parameter: the one value (or constant) every reachable jump
    // passes, or None once two differ.
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Nothing,
        One(Value),
        Const(Const),
        Many,
    }
    let mut incoming: Vec<Vec<In>> = f.blocks.iter().map(|b| vec![In::Nothing; b.params.len()]).collect();
    for (i, b) in f.blocks.iter().enumerate() {
        if !reachable[i] {
            continue;
        }
        for t in b.term.targets() {
            let params = &f.blocks[t.block.index()].params;
            for (j, &a) in t.args.iter().enumerate() {
                if params.get(j) == Some(&a) {
                    continue;
                }
                let slot = &mut incoming[t.block.index()][j];
                let k = konst.get(a.index()).copied().flatten();
                *slot = match (*slot, k) {
                    (In::Nothing, _) => In::One(a),
                    (In::One(v), _) if v == a => In::One(v),
                    (In::One(v), Some(k)) if konst[v.index()] == Some(k) => In::Const(k),
                    (In::Const(c), Some(k)) if c == k => In::Const(c),
                    _ => In::Many,
                };
            }
        }
    }
    let mut subst = Subst::new();
    let mut changed = false;
    for bi in 1..f.blocks.len() {
        if !reachable[bi] {
            continue;
        }
        let mut keep = Vec::with_capacity(f.blocks[bi].params.len());
        let mut consts = Vec::new();
        for (j, &p) in f.blocks[bi].params.clone().iter().enumerate() {
            match incoming[bi][j] {
                In::One(v) => subst.set(p, v),
                In::Const(c) => {
                    consts.push(Inst { results: vec![p], op: c.op() });
                }
                In::Nothing | In::Many => {
                    keep.push(true);
                    continue;
                }
            }
            keep.push(false);
        }
        if keep.iter().all(|&k| k) {
            continue;
        }
        changed = true;
        // A constant parameter becomes the constant's instruction, defining the
        // same value at the top of the block.
        let b = &mut f.blocks[bi];
        let mut j = 0;
        b.params.retain(|_| {
            j += 1;
            keep[j - 1]
        });
        consts.append(&mut b.insts);
        b.insts = consts;
        for pred in f.blocks.iter_mut() {
            for t in pred.term.targets_mut().filter(|t| t.block == Block(bi as u32)) {
                let mut j = 0;
                t.args.retain(|_| {
                    j += 1;
                    keep[j - 1]
                });
            }
        }
    }
    subst.apply(f);
    changed
}
