//! Replacing values by others across a function: the passes record that a value
//! stands for another (a folded instruction for its operand, a merged block's
//! parameter for the argument it got) and rewrite every use at once.

use ir::{Func, Value};

/// Which values stand for which; chains resolve to their end.
#[derive(Clone, Debug, Default)]
pub struct Subst(Vec<Option<Value>>);

impl Subst {
    pub fn new() -> Subst {
        Subst(Vec::new())
    }

    /// Records that `from` stands for `to` (as `to` resolves now).
    pub fn set(&mut self, from: Value, to: Value) {
        let to = self.get(to);
        if from == to {
            return;
        }
        if self.0.len() <= from.index() {
            self.0.resize(from.index() + 1, None);
        }
        self.0[from.index()] = Some(to);
    }

    /// What `v` stands for: itself unless replaced.
    pub fn get(&self, mut v: Value) -> Value {
        // `set` resolves its target first, so a chain is at most as long as the
        // number of replacements made after its start; no cycle can form because
        // a value is never made to stand for itself.
        while let Some(Some(to)) = self.0.get(v.index()) {
            v = *to;
        }
        v
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// Rewrites every use in `f` (instructions, conditions, returns, jump arguments).
    pub fn apply(&self, f: &mut Func) {
        if self.is_empty() {
            return;
        }
        for b in &mut f.blocks {
            for inst in &mut b.insts {
                inst.op.map_uses(|v| self.get(v));
            }
            b.term.map_uses(|v| self.get(v));
        }
    }
}
