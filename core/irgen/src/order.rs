//! gc's evaluation order. The spec orders only the calls of a statement; gc
//! evaluates them first, left to right, into temporaries, and reads variables
//! afterwards, as the statement's operations need them. `append(s, pop())`
//! therefore appends to `s` as `pop` left it, and programs observe that.

use crate::func::FnGen;
use syntax::ast::{self, ExprKind};
use syntax::token::Op;
use typeck::info::ExprMode;

impl FnGen<'_, '_> {
    /// Makes the calls in `e` now, left to right, except where they may not run
    /// (the right operand of `&&` and `||`, function literals); evaluating `e`
    /// later uses their results.
    pub(crate) fn hoist_calls(&mut self, e: &ast::Expr) {
        if !self.preset.is_empty() && self.preset.contains_key(&self.g.node_expr(e)) {
            return;
        }
        match &e.kind {
            ExprKind::Call { fun, args, .. } => {
                let mode = self.g.info.types.get(&self.g.node_expr(fun)).map(|tv| tv.mode);
                if matches!(mode, Some(ExprMode::TypeExpr | ExprMode::Builtin(_))) {
                    for a in args {
                        self.hoist_calls(a);
                    }
                    return;
                }
                let id = self.g.node_expr(e);
                if self.hoisted.contains_key(&id) {
                    return;
                }
                if let Some(r) = self.call(e) {
                    self.hoisted.insert(id, r);
                }
            }
            ExprKind::Paren(x) | ExprKind::Selector { x, .. } | ExprKind::Assert { x, .. } => {
                self.hoist_calls(x)
            }
            ExprKind::Operation { op: Op::AndAnd | Op::OrOr, x, .. }
            | ExprKind::Operation { x, y: None, .. } => {
                self.hoist_calls(x);
            }
            ExprKind::Operation { x, y: Some(y), .. } => {
                self.hoist_calls(x);
                self.hoist_calls(y);
            }
            ExprKind::Index { x, index } | ExprKind::KeyValue { key: x, value: index } => {
                self.hoist_calls(x);
                self.hoist_calls(index);
            }
            ExprKind::Slice { x, index, .. } => {
                self.hoist_calls(x);
                for i in index.iter().flatten() {
                    self.hoist_calls(i);
                }
            }
            ExprKind::CompositeLit { elems: list, .. } | ExprKind::List(list) => {
                for x in list {
                    self.hoist_calls(x);
                }
            }
            _ => {}
        }
    }

    /// The results of call `e` if they were made ahead of it.
    pub(crate) fn take_hoisted(&mut self, e: &ast::Expr) -> Option<Vec<crate::expr::Gv>> {
        if self.hoisted.is_empty() {
            return None;
        }
        self.hoisted.remove(&self.g.node_expr(e))
    }
}
