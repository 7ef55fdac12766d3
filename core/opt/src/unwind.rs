//! Unwinding made explicit, for a back end that does not emit it itself (see
//! `ir`: a call that returns with a panic under way, and a failing `check`, make
//! a function that does not catch return at once): after each call, a test of
//! the goroutine's flag and a return; each `check`, a branch to a call of its
//! panic function and a return; `getg`, the address of the one goroutine,
//! `runtime.g0`. Not in `PASSES`: the driver runs it for such a back end only.

use ir::{Block, BlockData, Func, Inst, Mem, Op, Term, Ty, Value};

use ir::G0_SYMBOL as G0;

pub fn make_explicit(f: &mut Func, word: Ty) {
    for b in &mut f.blocks {
        for inst in &mut b.insts {
            if inst.op == Op::GetG {
                inst.op = Op::SymAddr(G0.into());
            }
        }
    }
    let mut i = 0;
    while i < f.blocks.len() {
        let split = f.blocks[i].insts.iter().position(|inst| match inst.op {
            Op::Call { .. } | Op::CallIndirect { .. } => !f.catches,
            Op::Check { .. } => true,
            _ => false,
        });
        if let Some(k) = split {
            split_at(f, Block(i as u32), k, word);
        }
        i += 1;
    }
}

/// Ends block `b` after its `k`th instruction (a call or a check) with a branch
/// to a block that returns, and continues in a new block.
fn split_at(f: &mut Func, b: Block, k: usize, word: Ty) {
    let cont = f.new_block();
    let rest: Vec<Inst> = f.blocks[b.index()].insts.split_off(k + 1);
    let term = core::mem::replace(&mut f.blocks[b.index()].term, Term::Unreachable);
    f.blocks[cont.index()] = BlockData { params: Vec::new(), insts: rest, term };
    let leave = f.new_block();
    let results = f.sig.results.clone();
    let zeros: Vec<Value> = results
        .iter()
        .map(|&t| {
            let v = f.new_value(t);
            let op = if t.is_int() { Op::IConst(t, 0) } else { Op::FConst(t, 0) };
            f.blocks[leave.index()].insts.push(Inst { results: vec![v], op });
            v
        })
        .collect();
    f.blocks[leave.index()].term = Term::Ret(zeros);
    let last = f.blocks[b.index()].insts.pop();
    let cond = match last {
        Some(Inst { op: Op::Check { cond, func, args }, .. }) => {
            let ctx = f.new_value(word);
            let mut call_args = vec![ctx];
            call_args.extend(args);
            let bad = &mut f.blocks[leave.index()].insts;
            bad.insert(0, Inst { results: vec![ctx], op: Op::IConst(word, 0) });
            bad.insert(1, Inst { results: vec![], op: Op::Call { callee: func, args: call_args } });
            cond
        }
        Some(call) => {
            f.blocks[b.index()].insts.push(call);
            let g = f.new_value(word);
            let flag = f.new_value(Ty::I32);
            let insts = &mut f.blocks[b.index()].insts;
            insts.push(Inst { results: vec![g], op: Op::SymAddr(G0.into()) });
            insts.push(Inst {
                results: vec![flag],
                op: Op::Load { mem: Mem::I32, signed: false, ty: Ty::I32, addr: g, off: 0 },
            });
            flag
        }
        None => return,
    };
    f.blocks[b.index()].term = Term::br(cond, leave, cont);
}
