//! Values that cost nothing to recompute, moved next to their uses: a constant or
//! the address of a symbol, function or stack slot used in a block other than
//! its own gets a copy at the top of that block (gc's `ssa/tighten.go` moves
//! values toward their uses, and its register allocator rematerializes such
//! values rather than keeping them in registers). `cse` and `licm` gather them in
//! dominating blocks, where they would live across the whole function; here each
//! block makes its own, and `dce` drops an original left unused.

use ir::{Func, Inst, Op, Value};

fn remat(op: &Op) -> bool {
    matches!(op, Op::IConst(..) | Op::FConst(..) | Op::SymAddr(_) | Op::FuncAddr(_) | Op::SlotAddr(_))
}

pub fn run(f: &mut Func) {
    // Each rematerializable value's operation and block.
    let mut def: Vec<Option<(usize, Op)>> = vec![None; f.values.len()];
    for (bi, b) in f.blocks.iter().enumerate() {
        for inst in &b.insts {
            if let ([r], true) = (&inst.results[..], remat(&inst.op)) {
                def[r.index()] = Some((bi, inst.op.clone()));
            }
        }
    }
    for bi in 0..f.blocks.len() {
        // This block's copy of each value from elsewhere, made on first use.
        let mut copies: Vec<(Value, Value)> = Vec::new();
        let mut new_insts: Vec<Inst> = Vec::new();
        let mut local = |f_values: &mut Vec<ir::Ty>, v: Value| -> Value {
            let Some((db, op)) = def.get(v.index()).and_then(Option::as_ref) else { return v };
            if *db == bi {
                return v;
            }
            if let Some(&(_, c)) = copies.iter().find(|(o, _)| *o == v) {
                return c;
            }
            f_values.push(f_values[v.index()]);
            let c = Value(f_values.len() as u32 - 1);
            copies.push((v, c));
            new_insts.push(Inst { results: vec![c], op: op.clone() });
            c
        };
        let values = &mut f.values;
        let b = &mut f.blocks[bi];
        for inst in &mut b.insts {
            inst.op.map_uses(|v| local(values, v));
        }
        b.term.map_uses(|v| local(values, v));
        if !new_insts.is_empty() {
            new_insts.append(&mut b.insts);
            b.insts = new_insts;
        }
    }
}
