//! Dead code elimination: an instruction is live if it has an effect (it is not
//! pure) or a live instruction, terminator or jump argument reads its result; a
//! block parameter is live if something live reads it, and then so are the
//! arguments every jump passes for it. Dead instructions and parameters (with
//! their arguments) go; the entry's parameters, the function's, stay.

use ir::{Func, Value};

pub fn run(f: &mut Func) {
    let n = f.values.len();
    // Where each value comes from: (block, parameter index) for a parameter.
    let mut param_of: Vec<Option<(usize, usize)>> = vec![None; n];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (pi, p) in b.params.iter().enumerate() {
            param_of[p.index()] = Some((bi, pi));
        }
    }
    let mut def_inst: Vec<Option<(usize, usize)>> = vec![None; n];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (ii, inst) in b.insts.iter().enumerate() {
            for r in &inst.results {
                def_inst[r.index()] = Some((bi, ii));
            }
        }
    }
    // The arguments passed for each block parameter, by every jump.
    let mut incoming: Vec<Vec<Vec<Value>>> =
        f.blocks.iter().map(|b| vec![Vec::new(); b.params.len()]).collect();
    for b in &f.blocks {
        for t in b.term.targets() {
            for (pi, &a) in t.args.iter().enumerate() {
                if let Some(list) = incoming[t.block.index()].get_mut(pi) {
                    list.push(a);
                }
            }
        }
    }
    let mut live = vec![false; n];
    let mut inst_live: Vec<Vec<bool>> = f.blocks.iter().map(|b| vec![false; b.insts.len()]).collect();
    let mut work: Vec<Value> = Vec::new();
    for (bi, b) in f.blocks.iter().enumerate() {
        for (ii, inst) in b.insts.iter().enumerate() {
            if !inst.op.is_pure() {
                inst_live[bi][ii] = true;
                inst.op.for_each_use(|v| work.push(v));
            }
        }
        match &b.term {
            ir::Term::Br(c, ..) => work.push(*c),
            ir::Term::Ret(vs) => work.extend(vs.iter().copied()),
            ir::Term::Jump(_) | ir::Term::Unreachable => {}
        }
    }
    while let Some(v) = work.pop() {
        if live[v.index()] {
            continue;
        }
        live[v.index()] = true;
        if let Some((bi, ii)) = def_inst[v.index()] {
            if !inst_live[bi][ii] {
                inst_live[bi][ii] = true;
                f.blocks[bi].insts[ii].op.for_each_use(|v| work.push(v));
            }
        } else if let Some((bi, pi)) = param_of[v.index()] {
            work.extend(incoming[bi][pi].iter().copied());
        }
    }
    // Parameters to keep: the entry's all, others when live.
    let keep: Vec<Vec<bool>> = f
        .blocks
        .iter()
        .enumerate()
        .map(|(bi, b)| b.params.iter().map(|p| bi == 0 || live[p.index()]).collect())
        .collect();
    for (bi, b) in f.blocks.iter_mut().enumerate() {
        let mut i = 0;
        b.insts.retain(|_| {
            i += 1;
            inst_live[bi][i - 1]
        });
        let mut i = 0;
        b.params.retain(|_| {
            i += 1;
            keep[bi][i - 1]
        });
        for t in b.term.targets_mut() {
            let k = &keep[t.block.index()];
            let mut i = 0;
            t.args.retain(|_| {
                i += 1;
                k.get(i - 1).copied().unwrap_or(true)
            });
        }
    }
}
