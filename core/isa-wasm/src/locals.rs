//! Where each IR value lives in the Wasm function: a local shared with every value
//! whose live range it does not overlap, the operand stack, or nowhere.
//!
//! One local per value made bodies with thousands of locals, which engines pay
//! for at every merge point (V8's optimizing tier keeps an SSA value per local per
//! block). Values share locals instead, as binaryen's `coalesce-locals` makes them:
//!
//! * A small integer constant is pushed again at each use (`Home::Const`): its
//!   definition emits nothing and it holds no local.
//! * A value read once, by the next instruction of its block as that
//!   instruction's first operand, stays on the operand stack (`Home::Stack`):
//!   nothing happens between its definition and its use, so no `local.set` /
//!   `local.get` pair is needed.
//! * A value never read is dropped where it is defined (`Home::Dead`).
//! * Every other value gets a local (`Home::Local`) by greedy colouring in
//!   dominator-tree preorder: the IR is strict SSA, so the values live where a
//!   value is defined are exactly the already-coloured values it interferes with,
//!   and the lowest local of its type that none of them holds is free (Hack,
//!   Grund and Goos, "Register Allocation for Programs in SSA-Form", CC 2006).
//!   A block parameter counts as defined on entry to its block: the back end
//!   writes it by a parallel copy immediately before branching there, when only
//!   the target's live-in values still matter. A value passed to a parameter
//!   prefers the parameter's local and the other way round, so the copy
//!   between them disappears.
//!
//! The function's parameters stay locals `0..n` (the entry block's parameters;
//! nothing jumps to the entry block), and other values of the same type reuse them
//! once they are dead. Everything is decided in block and value order, so the
//! result is deterministic.

use ir::cfg::Cfg;
use ir::{BinOp, Block, Func, Op, Term, Ty, Value};
use wasm_encoder::ValType;

/// Where a value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Home {
    Local(u32),
    /// Left on the operand stack by its definition for the next instruction.
    Stack,
    /// An integer constant of the value's type, pushed at every use.
    Const(i64),
    /// Never read (or defined in unreachable code): its definition's results are
    /// dropped.
    Dead,
}

/// The homes of a function's values and the locals they need beyond the
/// parameters.
#[derive(Clone, Debug)]
pub(crate) struct Assignment {
    pub home: Vec<Home>,
    /// Declarations of the locals after the parameters, by type.
    pub decls: Vec<(u32, ValType)>,
    /// The first local index after them.
    pub next: u32,
}

/// Integer constants in this range cost at most three bytes (`i64.const` and a
/// two-byte LEB128), about a `local.get`: they are pushed at every use instead of
/// holding a local across their live range.
const REMAT: core::ops::Range<i64> = -8192..8192;

fn is_remat(op: &Op) -> bool {
    matches!(op, Op::IConst(_, c) if REMAT.contains(c))
}

/// The order of the value locals' types after the parameters.
const TYPES: [Ty; 4] = [Ty::I64, Ty::I32, Ty::F64, Ty::F32];

fn ty_index(t: Ty) -> usize {
    match t {
        Ty::I64 | Ty::Ptr => 0,
        Ty::I32 => 1,
        Ty::F64 => 2,
        Ty::F32 => 3,
    }
}

const NONE: u32 = u32::MAX;

/// Whether `op`, run right after `r`'s definition, can take `r` from the
/// operand stack: `r` is the operand it pushes first (the back end's order:
/// `select` pushes its two values before the condition, `call_indirect` its
/// arguments before the target), or the second of two it may take in either
/// order — a commutative integer operation, or a comparison, which the back end
/// then flips.
fn takes_from_stack(f: &Func, op: &Op, r: Value) -> bool {
    let first = match op {
        Op::Bin(o, a, b) => {
            let commutes = matches!(o, BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor);
            return *a == r || (*b == r && commutes && f.ty(r).is_int());
        }
        Op::Cmp(_, a, b) => return *a == r || *b == r,
        Op::Un(_, a) | Op::Conv(_, _, a) | Op::MemGrow(a) | Op::Set(_, a) | Op::Select(_, a, _) => Some(*a),
        Op::Load { addr, .. } | Op::Store { addr, .. } => Some(*addr),
        Op::Copy { dst, .. } | Op::Zero { dst, .. } => Some(*dst),
        Op::Call { args, .. } => args.first().copied(),
        Op::Check { cond, .. } => Some(*cond),
        Op::CallIndirect { args, target, .. } => Some(args.first().copied().unwrap_or(*target)),
        Op::IConst(..)
        | Op::FConst(..)
        | Op::SymAddr(_)
        | Op::FuncAddr(_)
        | Op::SlotAddr(_)
        | Op::Get(_)
        | Op::GetG
        | Op::MemSize => None,
    };
    first == Some(r)
}

/// The value a terminator pushes first: a branch's condition, the first returned
/// value (the epilogue before `return` leaves the stack as it finds it). A jump's
/// arguments are left out: which of them are pushed depends on the locals.
fn term_first_operand(t: &Term) -> Option<Value> {
    match t {
        Term::Br(c, ..) => Some(*c),
        Term::Ret(vs) => vs.first().copied(),
        Term::Jump(_) | Term::Unreachable => None,
    }
}

fn for_each_term_use(t: &Term, mut f: impl FnMut(Value)) {
    match t {
        Term::Jump(t) => t.args.iter().copied().for_each(f),
        Term::Br(c, t, e) => {
            f(*c);
            t.args.iter().chain(&e.args).copied().for_each(f);
        }
        Term::Ret(vs) => vs.iter().copied().for_each(f),
        Term::Unreachable => {}
    }
}

pub(crate) fn assign(f: &Func, cfg: &Cfg) -> Assignment {
    let nv = f.values.len();
    let mut uses = vec![0u32; nv];
    let mut def_block = vec![NONE; nv];
    for &b in &cfg.rpo {
        let data = &f.blocks[b.index()];
        for &p in &data.params {
            def_block[p.index()] = b.0;
        }
        for inst in &data.insts {
            inst.op.for_each_use(|v| uses[v.index()] += 1);
            for &r in &inst.results {
                def_block[r.index()] = b.0;
            }
        }
        for_each_term_use(&data.term, |v| uses[v.index()] += 1);
    }

    // Homes other than locals, and which values need a local.
    let mut home = vec![Home::Dead; nv];
    let mut need = vec![false; nv];
    for &b in &cfg.rpo {
        let data = &f.blocks[b.index()];
        for &p in &data.params {
            need[p.index()] = uses[p.index()] > 0;
        }
        for (i, inst) in data.insts.iter().enumerate() {
            if let (Op::IConst(_, c), [r]) = (&inst.op, inst.results.as_slice())
                && is_remat(&inst.op)
            {
                home[r.index()] = Home::Const(*c);
                continue;
            }
            // memory.grow's lowering uses its result's local as scratch.
            let grow = matches!(inst.op, Op::MemGrow(_));
            // The next instruction that emits code (constants pushed at their uses
            // emit none where they are defined).
            let next = data.insts[i + 1..].iter().find(|n| !is_remat(&n.op));
            let taken_next = |r: Value| match next {
                Some(n) => takes_from_stack(f, &n.op, r),
                None => term_first_operand(&data.term) == Some(r),
            };
            for &r in &inst.results {
                let n = uses[r.index()];
                if grow || n > 1 || (n == 1 && (inst.results.len() > 1 || !taken_next(r))) {
                    need[r.index()] = true;
                } else if n == 1 {
                    home[r.index()] = Home::Stack;
                }
            }
        }
    }
    // The function's parameters are locals 0..n whether read or not.
    let mut param_locals: [Vec<u32>; 4] = Default::default();
    let mut color = vec![NONE; nv];
    for (i, &p) in f.blocks[0].params.iter().enumerate() {
        let t = ty_index(f.ty(p));
        color[p.index()] = param_locals[t].len() as u32;
        param_locals[t].push(i as u32);
        home[p.index()] = Home::Local(i as u32);
    }

    let (live_in, live_out) = liveness(f, cfg, &need, &def_block);

    // Parameters and the arguments passed to them prefer each other's local.
    let mut partners: Vec<Vec<Value>> = vec![Vec::new(); nv];
    for &b in &cfg.rpo {
        for t in f.blocks[b.index()].term.targets() {
            for (&a, &p) in t.args.iter().zip(&f.blocks[t.block.index()].params) {
                if need[a.index()] && need[p.index()] && a != p {
                    partners[a.index()].push(p);
                    partners[p.index()].push(a);
                }
            }
        }
    }

    let mut taken = Taken::default();
    let mut mark = vec![0u32; nv];
    let mut generation = 0u32;
    let mut dying: Vec<(usize, Value)> = Vec::new();
    for b in cfg.dom_preorder() {
        let data = &f.blocks[b.index()];
        taken.clear();
        for &v in &live_in[b.index()] {
            taken.set(f.ty(v), color[v.index()], true);
        }
        // Last uses, by a backward walk from what is live out.
        generation += 1;
        for &v in &live_out[b.index()] {
            mark[v.index()] = generation;
        }
        for_each_term_use(&data.term, |v| mark[v.index()] = generation);
        dying.clear();
        for (i, inst) in data.insts.iter().enumerate().rev() {
            inst.op.for_each_use(|v| {
                if need[v.index()] && mark[v.index()] != generation {
                    mark[v.index()] = generation;
                    dying.push((i, v));
                }
            });
        }
        let params: Vec<Value> = data.params.iter().copied().filter(|p| need[p.index()]).collect();
        if b != Block(0) {
            // Parameters that can have a partner's local take it first, so that a
            // sibling without a preference does not take it from them.
            for &p in &params {
                if let Some(k) = taken.preferred(f.ty(p), &partners[p.index()], &color) {
                    color[p.index()] = k;
                    taken.set(f.ty(p), k, true);
                }
            }
            for &p in &params {
                if color[p.index()] == NONE {
                    color[p.index()] = taken.choose(f.ty(p), &partners[p.index()], &color);
                }
                taken.set(f.ty(p), color[p.index()], true);
            }
        } else {
            for &p in &params {
                taken.set(f.ty(p), color[p.index()], true);
            }
        }
        let mut d = dying.len();
        for (i, inst) in data.insts.iter().enumerate() {
            while d > 0 && dying[d - 1].0 == i {
                let v = dying[d - 1].1;
                taken.set(f.ty(v), color[v.index()], false);
                d -= 1;
            }
            for &r in &inst.results {
                if need[r.index()] {
                    color[r.index()] = taken.choose(f.ty(r), &partners[r.index()], &color);
                    taken.set(f.ty(r), color[r.index()], true);
                }
            }
        }
    }

    // Local indices: the parameters' locals first for each type, then new ones,
    // grouped by type after the parameters.
    let mut count = [0u32; 4];
    for (v, &k) in color.iter().enumerate() {
        if k != NONE && need[v] {
            let t = ty_index(f.values[v]);
            let np = param_locals[t].len() as u32;
            if k >= np {
                count[t] = count[t].max(k - np + 1);
            }
        }
    }
    let mut next = f.sig.params.len() as u32;
    let mut base = [0u32; 4];
    let mut decls = Vec::new();
    for ty in TYPES {
        let t = ty_index(ty);
        base[t] = next;
        next += count[t];
        if count[t] > 0 {
            decls.push((count[t], crate::val_type(ty)));
        }
    }
    for (v, &k) in color.iter().enumerate() {
        if k != NONE && need[v] {
            let t = ty_index(f.values[v]);
            let np = param_locals[t].len() as u32;
            home[v] = Home::Local(if k < np { param_locals[t][k as usize] } else { base[t] + k - np });
        }
    }
    Assignment { home, decls, next }
}

/// The locals of each type that values live at a point hold, by colour (a type's
/// colours are its parameters' locals, then new ones).
#[derive(Default)]
struct Taken([Vec<bool>; 4]);

impl Taken {
    fn clear(&mut self) {
        for t in &mut self.0 {
            t.fill(false);
        }
    }

    fn set(&mut self, ty: Ty, k: u32, on: bool) {
        let t = &mut self.0[ty_index(ty)];
        if k != NONE {
            if t.len() <= k as usize {
                t.resize(k as usize + 1, false);
            }
            t[k as usize] = on;
        }
    }

    fn is_free(&self, ty: Ty, k: u32) -> bool {
        !self.0[ty_index(ty)].get(k as usize).copied().unwrap_or(false)
    }

    /// A partner's colour, if one is free.
    fn preferred(&self, ty: Ty, partners: &[Value], color: &[u32]) -> Option<u32> {
        partners.iter().map(|q| color[q.index()]).find(|&k| k != NONE && self.is_free(ty, k))
    }

    /// A free colour for a value of type `ty`: a partner's if one is free, else the
    /// lowest.
    fn choose(&self, ty: Ty, partners: &[Value], color: &[u32]) -> u32 {
        self.preferred(ty, partners, color).unwrap_or_else(|| {
            let t = &self.0[ty_index(ty)];
            t.iter().position(|&x| !x).unwrap_or(t.len()) as u32
        })
    }
}

/// The values that need a local live on entry to and on exit from each block, by
/// walking up from each use to the definition (the SSA book's path exploration,
/// Brandner et al., "Computing Liveness Sets for SSA-Form Programs", 2011). A
/// jump's arguments are used at the end of its block; a block's parameters are
/// defined at its start.
fn liveness(f: &Func, cfg: &Cfg, need: &[bool], def_block: &[u32]) -> (Vec<Vec<Value>>, Vec<Vec<Value>>) {
    let nb = f.blocks.len();
    // (value, block using it) for every use outside the defining block.
    let mut use_sites: Vec<(u32, u32)> = Vec::new();
    for &b in &cfg.rpo {
        let data = &f.blocks[b.index()];
        let mut add = |v: Value| {
            if need[v.index()] && def_block[v.index()] != b.0 {
                use_sites.push((v.0, b.0));
            }
        };
        for inst in &data.insts {
            inst.op.for_each_use(&mut add);
        }
        for_each_term_use(&data.term, &mut add);
    }
    use_sites.sort_unstable();
    use_sites.dedup();
    let mut live_in: Vec<Vec<Value>> = vec![Vec::new(); nb];
    let mut live_out: Vec<Vec<Value>> = vec![Vec::new(); nb];
    let mut in_stamp = vec![NONE; nb];
    let mut out_stamp = vec![NONE; nb];
    let mut work: Vec<u32> = Vec::new();
    for &(v, b) in &use_sites {
        let d = def_block[v as usize];
        if in_stamp[b as usize] != v {
            in_stamp[b as usize] = v;
            live_in[b as usize].push(Value(v));
            work.push(b);
        }
        while let Some(b) = work.pop() {
            for &p in &cfg.preds[b as usize] {
                if !cfg.is_reachable(p) {
                    continue;
                }
                if out_stamp[p.index()] != v {
                    out_stamp[p.index()] = v;
                    live_out[p.index()].push(Value(v));
                }
                if p.0 != d && in_stamp[p.index()] != v {
                    in_stamp[p.index()] = v;
                    live_in[p.index()].push(Value(v));
                    work.push(p.0);
                }
            }
        }
    }
    (live_in, live_out)
}
