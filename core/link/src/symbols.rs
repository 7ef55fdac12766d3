//! What every linker does first: index the objects' definitions (Go's
//! "duplicated definition of symbol" for a second one, except the DUPOK type
//! descriptors and static closures every package may emit), then keep what the
//! roots reach through the code's relocations (calls, code and data addresses)
//! and the data's.

use std::collections::{BTreeMap, BTreeSet};

use crate::LinkError;
use crate::object::{Func, Object};

/// The definitions of a program, by name.
#[derive(Debug)]
pub(crate) struct Index<'m> {
    pub funcs: BTreeMap<&'m str, &'m Func>,
    pub data: BTreeMap<&'m str, &'m ir::Data>,
}

/// The reachable symbols: functions (compiled ones and those defined outside the
/// objects) and data.
#[derive(Debug, Default)]
pub(crate) struct Live<'m> {
    pub funcs: BTreeSet<&'m str>,
    pub data: BTreeSet<&'m str>,
}

impl<'m> Index<'m> {
    pub fn new(objects: &'m [Object], errs: &mut Vec<LinkError>) -> Index<'m> {
        let mut funcs: BTreeMap<&str, &Func> = BTreeMap::new();
        let mut data: BTreeMap<&str, &ir::Data> = BTreeMap::new();
        for o in objects {
            for f in &o.funcs {
                if funcs.insert(&f.name, f).is_some() {
                    errs.push(LinkError(format!("duplicated definition of symbol {}", f.name)));
                }
            }
            for d in &o.data {
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

    /// What `roots` reach. A name is a function's if an object defines a
    /// function of that name or `outside` says it is one defined outside them (a
    /// host import, a machine-code stub: live but not walked); a data symbol's
    /// otherwise. A data symbol `linker_defined` names is not walked either.
    pub fn reach<'a>(
        &'a self,
        roots: Vec<&'a str>,
        outside: &dyn Fn(&str) -> bool,
        linker_defined: &dyn Fn(&str) -> bool,
        errs: &mut Vec<LinkError>,
    ) -> Live<'a> {
        let mut live = Live::default();
        let mut work = roots;
        while let Some(name) = work.pop() {
            if let Some(f) = self.funcs.get(name) {
                if live.funcs.insert(name) {
                    work.extend(f.refs());
                }
            } else if outside(name) {
                live.funcs.insert(name);
            } else if linker_defined(name) {
            } else if let Some(d) = self.data.get(name) {
                if live.data.insert(name) {
                    work.extend(d.relocs.iter().map(|r| r.target.as_str()));
                }
            } else if live.data.insert(name) {
                errs.push(LinkError(format!("relocation target {name} not defined")));
            }
        }
        live
    }
}
