//! The frame layout both native back ends use, as offsets from the frame pointer.
//! Above it: the saved frame pointer and the return address (or link register),
//! then the arguments (`+16 + 8i`) and the results after them, in the caller's
//! outgoing area. Below it: a slot per non-parameter value, a slot per variable,
//! the function's stack slots at their alignment, the save area of the allocated
//! callee-saved registers, and at the bottom the outgoing area for the largest
//! call. The size is a multiple of 16.

use ir::{Func, Op, Slot, Value, Var};

#[derive(Clone, Debug)]
pub struct Layout {
    n_params: usize,
    n_values: usize,
    slots: Vec<i64>,
    saves: i64,
    /// Bytes between the frame pointer and the stack pointer.
    pub size: i64,
}

impl Layout {
    /// The layout of `f` saving `n_saved` registers.
    pub fn new(f: &Func, n_saved: usize) -> Layout {
        let n_params = f.sig.params.len();
        let n_values = f.values.len();
        let mut used = 8 * (n_values.saturating_sub(n_params) + f.vars.len()) as u64;
        let mut slots = Vec::new();
        for s in &f.slots {
            used += u64::from(s.size);
            used = used.next_multiple_of(u64::from(s.align.max(1)));
            slots.push(-(used as i64));
        }
        used = used.next_multiple_of(8) + 8 * n_saved as u64;
        let saves = -(used as i64);
        let outgoing = f
            .blocks
            .iter()
            .flat_map(|b| &b.insts)
            .map(|inst| match &inst.op {
                Op::Call { args, .. } | Op::CallIndirect { args, .. } => args.len() + inst.results.len(),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        let size = (used + 8 * outgoing as u64).next_multiple_of(16) as i64;
        Layout { n_params, n_values, slots, saves, size }
    }

    /// Where value `v` lives: parameters above the frame pointer, the rest below.
    pub fn value(&self, v: Value) -> i64 {
        let i = v.index();
        if i < self.n_params { 16 + 8 * i as i64 } else { -8 * (i - self.n_params + 1) as i64 }
    }

    pub fn var(&self, x: Var) -> i64 {
        -8 * (self.n_values - self.n_params + x.index() + 1) as i64
    }

    pub fn slot(&self, s: Slot) -> i64 {
        self.slots[s.index()]
    }

    /// Where result `j` goes, after the arguments.
    pub fn result(&self, j: usize) -> i64 {
        16 + 8 * (self.n_params + j) as i64
    }

    /// Where the `k`th saved register goes.
    pub fn saved(&self, k: usize) -> i64 {
        self.saves + 8 * k as i64
    }
}
