//! What every linker does first: index the modules' definitions (Go's
//! "duplicated definition of symbol" for a second one, except the DUPOK type
//! descriptors and static closures every package may emit), then keep what the
//! roots reach through calls, code and data addresses, and data relocations.

use std::collections::{BTreeMap, BTreeSet};

use ir::{Module, Op, RelocKind};

use crate::LinkError;

/// The definitions of a program, by name.
#[derive(Debug)]
pub(crate) struct Index<'m> {
    pub funcs: BTreeMap<&'m str, &'m ir::Func>,
    pub data: BTreeMap<&'m str, &'m ir::Data>,
}

/// The reachable symbols: functions (IR ones and those defined outside the IR)
/// and data.
#[derive(Debug, Default)]
pub(crate) struct Live<'m> {
    pub funcs: BTreeSet<&'m str>,
    pub data: BTreeSet<&'m str>,
}

impl<'m> Index<'m> {
    pub fn new(modules: &'m [Module], errs: &mut Vec<LinkError>) -> Index<'m> {
        let mut funcs: BTreeMap<&str, &ir::Func> = BTreeMap::new();
        let mut data: BTreeMap<&str, &ir::Data> = BTreeMap::new();
        for m in modules {
            for f in &m.funcs {
                if funcs.insert(&f.name, f).is_some() {
                    errs.push(LinkError(format!("duplicated definition of symbol {}", f.name)));
                }
            }
            for d in &m.data {
                // Type descriptors are emitted by every package that needs them; the
                // copies are identical and one is kept (Go marks them DUPOK).
                if (d.name.starts_with("type:") || d.name.starts_with("go:closure."))
                    && data.contains_key(d.name.as_str())
                {
                    continue;
                }
                if data.insert(&d.name, d).is_some() {
                    errs.push(LinkError(format!("duplicated definition of symbol {}", d.name)));
                }
            }
        }
        Index { funcs, data }
    }

    /// What `roots` (`(is_function, name)`) reach. A function `outside` defines
    /// (a host import, a machine-code stub) is live but not walked; a data
    /// symbol `linker_defined` names is neither.
    pub fn reach<'a>(
        &'a self,
        roots: Vec<(bool, &'a str)>,
        outside: &dyn Fn(&str) -> bool,
        linker_defined: &dyn Fn(&str) -> bool,
        errs: &mut Vec<LinkError>,
    ) -> Live<'a> {
        let mut live = Live::default();
        let mut work = roots;
        while let Some((is_func, name)) = work.pop() {
            if is_func {
                if !live.funcs.insert(name) {
                    continue;
                }
                let Some(f) = self.funcs.get(name) else {
                    if !outside(name) {
                        errs.push(LinkError(format!("relocation target {name} not defined")));
                    }
                    continue;
                };
                for b in &f.blocks {
                    for i in &b.insts {
                        match &i.op {
                            Op::Call { callee, .. } | Op::Check { func: callee, .. } => {
                                work.push((true, callee))
                            }
                            Op::GetG => work.push((false, ir::G0_SYMBOL)),
                            Op::FuncAddr(n) => work.push((true, n)),
                            Op::SymAddr(n) => work.push((false, n)),
                            _ => {}
                        }
                    }
                }
            } else {
                if linker_defined(name) || !live.data.insert(name) {
                    continue;
                }
                let Some(s) = self.data.get(name) else {
                    errs.push(LinkError(format!("relocation target {name} not defined")));
                    continue;
                };
                for r in &s.relocs {
                    work.push((matches!(r.kind, RelocKind::Func { .. }), &r.target));
                }
            }
        }
        live
    }
}
