//! Register allocation by linear scan (Poletto and Sarkar) over an IR function:
//! every value and variable gets one live interval over the instructions laid out
//! in block order — conservative, from its first to its last live point, widened
//! to whole blocks where it is live across their edges — and the intervals take
//! `n` registers in order of start, the one ending last giving way when none is
//! free. What gets no register stays in its frame slot.
//!
//! The registers are ones a back end's calling convention makes callee-saved
//! (it saves those it uses in its prologue), so an interval may span calls.
//! Parameters stay in the caller's frame and are not allocated. `extra` adds reads
//! the IR does not show: a back end that fuses a multiply into an add reads the
//! multiply's operands at the add.

use ir::{Func, Op, Term, Value, Var};

/// Which register (0..n) each value and variable got, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allocation {
    pub values: Vec<Option<u8>>,
    pub vars: Vec<Option<u8>>,
    /// The registers used at all, in increasing order.
    pub used: Vec<u8>,
}

impl Allocation {
    pub fn value(&self, v: Value) -> Option<u8> {
        self.values.get(v.index()).copied().flatten()
    }

    pub fn var(&self, x: Var) -> Option<u8> {
        self.vars.get(x.index()).copied().flatten()
    }
}

/// The values an operation reads.
fn operands(op: &Op) -> Vec<Value> {
    op.uses()
}

/// A set of entities (values, then variables) as bits.
#[derive(Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn union(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= b;
        }
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().filter(|(_, bits)| **bits != 0).flat_map(|(w, &bits)| {
            let mut rest = bits;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let b = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(w * 64 + b)
            })
        })
    }
}

/// Allocates `n` registers to `f`'s values and variables; `extra` lists further
/// reads (block, instruction, value).
pub fn allocate(f: &Func, n: u8, extra: &[(usize, usize, Value)]) -> Allocation {
    let (nv, nx) = (f.values.len(), f.vars.len());
    let total = nv + nx;
    let mut out = Allocation { values: vec![None; nv], vars: vec![None; nx], used: vec![] };
    if n == 0 || f.blocks.is_empty() {
        return out;
    }
    // Each instruction and terminator gets a position, blocks in order.
    let mut start = Vec::with_capacity(f.blocks.len());
    let mut pos = 0usize;
    for b in &f.blocks {
        start.push(pos);
        pos += b.insts.len() + 1;
    }
    let succs = |t: &Term| -> Vec<usize> {
        match t {
            Term::Jump(t) => vec![t.block.index()],
            Term::Br(_, y, n) => vec![y.block.index(), n.block.index()],
            Term::Ret(_) | Term::Unreachable => vec![],
        }
    };
    let mut more: std::collections::HashMap<(usize, usize), Vec<Value>> = std::collections::HashMap::new();
    for &(b, i, v) in extra {
        more.entry((b, i)).or_default().push(v);
    }
    let reads = |b: usize, i: usize, op: &Op| -> Vec<Value> {
        let mut r = operands(op);
        r.extend(more.get(&(b, i)).into_iter().flatten());
        r
    };
    let term_uses = |t: &Term| -> Vec<Value> {
        match t {
            Term::Br(c, ..) => vec![*c],
            Term::Ret(vals) => vals.clone(),
            Term::Jump(_) | Term::Unreachable => vec![],
        }
    };
    // Per block: what it reads before writing (gen) and what it writes (kill).
    let mut gen_ = vec![Bits::new(total); f.blocks.len()];
    let mut kill = vec![Bits::new(total); f.blocks.len()];
    for (i, b) in f.blocks.iter().enumerate() {
        let (g, k) = (&mut gen_[i], &mut kill[i]);
        let mut killed = Bits::new(total);
        let read = |e: usize, g: &mut Bits, killed: &Bits| {
            if killed.0[e / 64] & (1 << (e % 64)) == 0 {
                g.set(e);
            }
        };
        for (j, inst) in b.insts.iter().enumerate() {
            for v in reads(i, j, &inst.op) {
                read(v.index(), g, &killed);
            }
            if let Op::Get(x) = &inst.op {
                read(nv + x.index(), g, &killed);
            }
            for r in &inst.results {
                killed.set(r.index());
                k.set(r.index());
            }
            if let Op::Set(x, _) = &inst.op {
                killed.set(nv + x.index());
                k.set(nv + x.index());
            }
        }
        for v in term_uses(&b.term) {
            read(v.index(), g, &killed);
        }
    }
    // Live-in = gen ∪ (live-out − kill), to a fixed point.
    let mut live_in = vec![Bits::new(total); f.blocks.len()];
    let mut live_out = vec![Bits::new(total); f.blocks.len()];
    let succ: Vec<Vec<usize>> = f.blocks.iter().map(|b| succs(&b.term)).collect();
    let mut changed = true;
    let mut in_i = Bits::new(total);
    while changed {
        changed = false;
        for i in (0..f.blocks.len()).rev() {
            for &s in &succ[i] {
                live_out[i].union(&live_in[s]);
            }
            // in = gen ∪ (out − kill)
            for (w, ((o, k), g)) in live_out[i].0.iter().zip(&kill[i].0).zip(&gen_[i].0).enumerate() {
                in_i.0[w] = (o & !k) | g;
            }
            if in_i != live_in[i] {
                std::mem::swap(&mut live_in[i], &mut in_i);
                changed = true;
            }
        }
    }
    // Intervals: every point an entity is defined, read, or live across.
    let mut lo = vec![usize::MAX; total];
    let mut hi = vec![0usize; total];
    let mut touch = |e: usize, p: usize| {
        lo[e] = lo[e].min(p);
        hi[e] = hi[e].max(p);
    };
    for (i, b) in f.blocks.iter().enumerate() {
        let (s, end) = (start[i], start[i] + b.insts.len());
        for e in live_in[i].iter() {
            touch(e, s);
        }
        for e in live_out[i].iter() {
            touch(e, end);
        }
        for (j, inst) in b.insts.iter().enumerate() {
            for v in reads(i, j, &inst.op) {
                touch(v.index(), s + j);
            }
            for r in &inst.results {
                touch(r.index(), s + j);
            }
            match &inst.op {
                Op::Get(x) | Op::Set(x, _) => touch(nv + x.index(), s + j),
                _ => {}
            }
        }
        for v in term_uses(&b.term) {
            touch(v.index(), end);
        }
    }
    let n_params = f.sig.params.len();
    let mut order: Vec<usize> =
        (0..total).filter(|&e| lo[e] != usize::MAX && (e >= nv || e >= n_params)).collect();
    order.sort_by_key(|&e| (lo[e], e));
    // The scan: active intervals by end; a free register, or the interval that
    // ends last gives its register up.
    let mut free: Vec<u8> = (0..n).rev().collect();
    let mut active: Vec<usize> = Vec::new();
    let mut reg = vec![None; total];
    for e in order {
        active.retain(|&a| {
            if hi[a] < lo[e] {
                free.push(reg[a].unwrap_or_default());
                false
            } else {
                true
            }
        });
        if let Some(r) = free.pop() {
            reg[e] = Some(r);
            active.push(e);
        } else if let Some((k, &last)) = active.iter().enumerate().max_by_key(|(_, a)| (hi[**a], **a))
            && hi[last] > hi[e]
        {
            reg[e] = reg[last].take();
            active[k] = e;
        }
    }
    let mut used: Vec<u8> = reg.iter().flatten().copied().collect();
    used.sort_unstable();
    used.dedup();
    out.values = reg[..nv].to_vec();
    out.vars = reg[nv..].to_vec();
    out.used = used;
    out
}

#[cfg(test)]
mod tests {
    use super::{Allocation, allocate};
    use ir::{BinOp, Builder, CmpOp, Func, Op, Sig, Term, Ty};

    /// sum of i*i for i < 10 (the limit in a variable read only by the loop
    /// test), plus a constant set before the loop and read after it: with few
    /// registers, entities must share them.
    fn sum_squares() -> Func {
        let mut f = Func::new("f", Sig { params: vec![], results: vec![Ty::I64] });
        let (b0, b1, b2, b3) = (ir::Block(0), f.new_block(), f.new_block(), f.new_block());
        let (i, sum, k, limit) =
            (f.new_var(Ty::I64), f.new_var(Ty::I64), f.new_var(Ty::I64), f.new_var(Ty::I64));
        let mut b = Builder::new(&mut f);
        b.switch_to(b0);
        let zero = b.iconst(Ty::I64, 0);
        b.set(i, zero);
        b.set(sum, zero);
        let seven = b.iconst(Ty::I64, 7);
        b.set(k, seven);
        let ten = b.iconst(Ty::I64, 10);
        b.set(limit, ten);
        b.term(Term::jump(b1));
        b.switch_to(b1);
        let iv = b.get(i);
        // The limit is read only here: the loop's back edge keeps it live.
        let ten = b.get(limit);
        let more = b.cmp(CmpOp::LtS, iv, ten);
        b.term(Term::br(more, b2, b3));
        b.switch_to(b2);
        let iv = b.get(i);
        let sq = b.bin(BinOp::Mul, iv, iv);
        let s = b.get(sum);
        let s2 = b.bin(BinOp::Add, s, sq);
        b.set(sum, s2);
        let one = b.iconst(Ty::I64, 1);
        let i2 = b.bin(BinOp::Add, iv, one);
        b.set(i, i2);
        b.term(Term::jump(b1));
        b.switch_to(b3);
        let s = b.get(sum);
        let seven = b.get(k);
        let r = b.bin(BinOp::Add, s, seven);
        b.term(Term::Ret(vec![r]));
        f
    }

    /// Runs `f` with every allocated value and variable stored in its register's
    /// cell, the others in their own: a wrong allocation clobbers something.
    fn run(f: &Func, a: &Allocation) -> i64 {
        let mut regs = [0i64; 16];
        let mut vals = vec![0i64; f.values.len()];
        let mut vars = vec![0i64; f.vars.len()];
        let read = |v: ir::Value, regs: &[i64; 16], vals: &[i64]| match a.value(v) {
            Some(r) => regs[usize::from(r)],
            None => vals[v.index()],
        };
        let mut block = 0;
        for _ in 0..1000 {
            let blk = &f.blocks[block];
            for inst in &blk.insts {
                let result = match &inst.op {
                    Op::IConst(_, c) => Some(*c),
                    Op::Bin(BinOp::Add, x, y) => Some(read(*x, &regs, &vals) + read(*y, &regs, &vals)),
                    Op::Bin(BinOp::Mul, x, y) => Some(read(*x, &regs, &vals) * read(*y, &regs, &vals)),
                    Op::Cmp(CmpOp::LtS, x, y) => {
                        Some(i64::from(read(*x, &regs, &vals) < read(*y, &regs, &vals)))
                    }
                    Op::Get(x) => Some(a.var(*x).map_or(vars[x.index()], |r| regs[usize::from(r)])),
                    Op::Set(x, v) => {
                        let v = read(*v, &regs, &vals);
                        match a.var(*x) {
                            Some(r) => regs[usize::from(r)] = v,
                            None => vars[x.index()] = v,
                        }
                        None
                    }
                    op => panic!("{op:?}"),
                };
                if let (Some(v), Some(r)) = (result, inst.results.first()) {
                    match a.value(*r) {
                        Some(reg) => regs[usize::from(reg)] = v,
                        None => vals[r.index()] = v,
                    }
                }
            }
            match &blk.term {
                Term::Jump(t) => block = t.block.index(),
                Term::Br(c, y, n) => {
                    block = if read(*c, &regs, &vals) != 0 { y.block.index() } else { n.block.index() }
                }
                Term::Ret(v) => return read(v[0], &regs, &vals),
                Term::Unreachable => panic!("unreachable"),
            }
        }
        panic!("no return")
    }

    #[test]
    fn shared_registers_never_clobber_a_live_value() {
        let f = sum_squares();
        let m = ir::Module { funcs: vec![f.clone()], ..ir::Module::default() };
        ir::verify::verify(&m, Ty::I64).expect("valid IR");
        let want = run(&f, &Allocation::default());
        assert_eq!(want, 285 + 7);
        for n in 1..=12 {
            let a = allocate(&f, n, &[]);
            assert!(a.used.iter().all(|r| *r < n), "{n}: {a:?}");
            assert_eq!(run(&f, &a), want, "{n} registers: {a:?}");
        }
        // Enough registers for everything: all allocated.
        let a = allocate(&f, 12, &[]);
        assert!(a.values.iter().all(Option::is_some) && a.vars.iter().all(Option::is_some), "{a:?}");
        // Two registers: the loop's counter and sum, live throughout, and a
        // temporary cannot all have one.
        let a = allocate(&f, 2, &[]);
        assert!(a.values.iter().chain(&a.vars).any(Option::is_none), "{a:?}");
    }
}
