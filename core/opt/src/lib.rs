//! crossplay's middle end: the passes that run over each function's SSA IR
//! between the generator and the back ends, listed once in `PASSES` in the order
//! they run (as gc's `ssa/compile.go` lists its passes, some of them twice). The
//! first pass builds SSA from the generator's variables and is required; the
//! others improve the code and may be switched off (`-gcflags=-N`). In tests the
//! verifier runs after every pass (`Options::verify`), so a pass that breaks an
//! invariant is caught where it does.
//!
//! A package's functions run through the pipeline callees first, so that a pass
//! may look at the optimized body of a function it calls (`Ctx::callee`): one of
//! the same package already done, or any of the packages compiled before it.
//!
//! Invariants: every pass maps valid IR to valid IR with the same behaviour; no
//! pass looks at the target beyond the word type; the output depends only on the
//! input (no hash-map order reaches it).

pub mod bits;
pub mod constfold;
pub mod cse;
pub mod dce;
pub mod eval;
pub mod fxhash;
pub mod inline;
pub mod licm;
pub mod prove;
pub mod simplify;
pub mod ssa;
pub mod subst;
pub mod tighten;

use std::collections::BTreeMap;

use ir::verify::{VerifyError, verify_func_with};
use ir::{Decl, Func, Module, Op, Ty};

/// One pass over a function.
#[derive(Clone, Copy, Debug)]
pub struct Pass {
    pub name: &'static str,
    pub run: fn(&mut Func, &mut Ctx<'_>),
    /// Runs even when optimization is off: later passes and the back ends need it.
    pub required: bool,
    /// Runs only when `inline` changed the function (the cleanup of what it
    /// copied in: the same passes already ran over the rest).
    pub after_inline: bool,
}

/// A pass that runs always (with optimization on).
const fn pass(name: &'static str, run: fn(&mut Func, &mut Ctx<'_>)) -> Pass {
    Pass { name, run, required: false, after_inline: false }
}

/// A pass that cleans up after `inline`.
const fn cleanup(name: &'static str, run: fn(&mut Func, &mut Ctx<'_>)) -> Pass {
    Pass { name, run, required: false, after_inline: true }
}

/// The pipeline, in order. Cleanup passes run again after the passes that make
/// work for them, as in gc's list: inlining exposes constants and blocks to
/// merge, proving facts folds branches, hoisting leaves duplicates behind.
pub const PASSES: &[Pass] = &[
    Pass { name: "ssa", run: |f, _| ssa::construct(f), required: true, after_inline: false },
    pass("simplify", |f, _| simplify::run(f)),
    pass("constfold", |f, _| constfold::run(f)),
    pass("cse", |f, _| cse::run(f)),
    pass("dce", |f, _| dce::run(f)),
    pass("inline", inline::run),
    cleanup("simplify", |f, _| simplify::run(f)),
    cleanup("constfold", |f, _| constfold::run(f)),
    cleanup("cse", |f, _| cse::run(f)),
    pass("prove", |f, _| prove::run(f)),
    pass("simplify", |f, _| simplify::run(f)),
    pass("constfold", |f, _| constfold::run(f)),
    pass("licm", |f, _| licm::run(f)),
    pass("cse", |f, _| cse::run(f)),
    pass("tighten", |f, _| tighten::run(f)),
    pass("dce", |f, _| dce::run(f)),
    pass("simplify", |f, _| simplify::run(f)),
];

/// What a pass may know beyond the function it changes: the word type, and the
/// functions it may call that are already optimized (to inline them).
#[derive(Debug)]
pub struct Ctx<'a> {
    pub word: Ty,
    /// The module of the function being optimized (which stands in it with an
    /// empty body meanwhile).
    module: &'a Module,
    /// `module`'s functions by name, and whether each is through the pipeline.
    local: &'a BTreeMap<String, usize>,
    done: &'a [bool],
    /// The positions of `module`'s functions in the order they are optimized, and
    /// the current function's: it sees the callees before it only, however many
    /// threads run.
    pos: &'a [usize],
    me: usize,
    earlier: &'a Earlier<'a>,
    /// Declarations the module needs for calls the pass added, added after it.
    new_decls: Vec<Decl>,
    /// Whether `inline` has copied a body into the function.
    pub inlined: bool,
}

impl<'a> Ctx<'a> {
    /// The optimized body of the function `name`, if there is one.
    pub fn callee(&self, name: &str) -> Option<&'a Func> {
        if let Some(&i) = self.local.get(name) {
            return (self.done[i] && self.pos[i] < self.me).then(|| &self.module.funcs[i]);
        }
        self.earlier.funcs.get(name).copied()
    }

    /// Makes `name` callable from the module, declaring it as the module that
    /// defines it (or imports it from the host) does; false when it is unknown.
    pub fn declare(&mut self, name: &str) -> bool {
        let known = |d: &Decl| d.name == name;
        if self.local.contains_key(name)
            || self.module.decls.iter().any(known)
            || self.new_decls.iter().any(known)
        {
            return true;
        }
        let decl = match (self.earlier.funcs.get(name), self.earlier.decls.get(name)) {
            (Some(f), _) => Decl { name: name.into(), sig: f.sig.clone(), import: None },
            (None, Some(d)) => (*d).clone(),
            (None, None) => return false,
        };
        self.new_decls.push(decl);
        true
    }
}

/// The packages compiled before this one: their functions and declarations.
#[derive(Debug, Default)]
struct Earlier<'a> {
    funcs: BTreeMap<&'a str, &'a Func>,
    decls: BTreeMap<&'a str, &'a Decl>,
}

impl<'a> Earlier<'a> {
    fn new(modules: &[&'a Module]) -> Earlier<'a> {
        let mut e = Earlier::default();
        for m in modules {
            for f in &m.funcs {
                e.funcs.insert(&f.name, f);
            }
            // A host import is declared as such; a function defined outside the IR
            // (a back end's stub) plainly.
            for d in &m.decls {
                if d.import.is_some() || !e.decls.contains_key(d.name.as_str()) {
                    e.decls.insert(&d.name, d);
                }
            }
        }
        e
    }
}

/// How to run the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Run the optional passes too (off: `-gcflags=-N`).
    pub optimize: bool,
    /// Inline small functions (off: `-gcflags=-l`).
    pub inline: bool,
    /// Verify the IR before the first pass and after each one.
    pub verify: bool,
    /// The target's word type, for the verifier.
    pub word: Ty,
    /// How many threads may optimize a package's functions at once; the code is
    /// the same for every value.
    pub jobs: usize,
}

/// A pass produced invalid IR (or the generator did, `pass` "input").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassError {
    pub pass: &'static str,
    pub errors: Vec<VerifyError>,
}

impl core::fmt::Display for PassError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "invalid IR after {}:", self.pass)?;
        for e in &self.errors {
            write!(f, "\n\t{e}")?;
        }
        Ok(())
    }
}

/// Runs the pipeline over every function of `m`, callees before their callers;
/// `earlier` are the modules of the packages compiled before (already optimized).
pub fn run(m: &mut Module, earlier: &[&Module], opts: &Options) -> Result<(), PassError> {
    let earlier = Earlier::new(earlier);
    let passes: Vec<&Pass> = PASSES
        .iter()
        .filter(|p| p.required || (opts.optimize && (opts.inline || p.name != "inline")))
        .collect();
    let local = func_indices(m);
    let order = callees_first(m);
    let mut pos = vec![0usize; m.funcs.len()];
    for (k, &i) in order.iter().enumerate() {
        pos[i] = k;
    }
    let mut done = vec![false; m.funcs.len()];
    for level in levels(m, &order, &pos) {
        // The level's functions depend on none of each other: each sees the
        // callees before it in `order`, all in earlier levels, so any number of
        // threads gives the same code.
        let taken: Vec<(usize, Func)> = level
            .iter()
            .map(|&i| {
                let stand_in = Func {
                    blocks: Vec::new(),
                    values: Vec::new(),
                    ..Func::new(&m.funcs[i].name, m.funcs[i].sig.clone())
                };
                (i, core::mem::replace(&mut m.funcs[i], stand_in))
            })
            .collect();
        let known = Known { local: &local, done: &done, pos: &pos, earlier: &earlier };
        let results = run_level(m, taken, &passes, &known, opts);
        let mut have: std::collections::BTreeSet<String> = m.decls.iter().map(|d| d.name.clone()).collect();
        let mut first_err = None;
        for (i, f, decls, result) in results {
            m.funcs[i] = f;
            for d in decls {
                if have.insert(d.name.clone()) {
                    m.decls.push(d);
                }
            }
            if first_err.is_none() {
                first_err = result.err();
            }
            done[i] = true;
        }
        if let Some(e) = first_err {
            return Err(e);
        }
    }
    Ok(())
}

/// A package's export data for its importers' optimizers, from its optimized
/// module `m`: the functions a caller may inline, and the declaration of every
/// other function it defines or declares. It is all `run` needs of an earlier
/// package.
pub fn export_module(m: &Module) -> Module {
    let mut out = Module::default();
    for f in &m.funcs {
        if inline::candidate(f) {
            out.funcs.push(f.clone());
        } else {
            out.decls.push(Decl { name: f.name.clone(), sig: f.sig.clone(), import: None });
        }
    }
    let defined: std::collections::BTreeSet<&str> = m.funcs.iter().map(|f| f.name.as_str()).collect();
    out.decls.extend(m.decls.iter().filter(|d| !defined.contains(d.name.as_str())).cloned());
    out
}

/// The functions of `m` in levels: a function comes after every callee before it
/// in `order` (its position in `pos`), each level in order.
fn levels(m: &Module, order: &[usize], pos: &[usize]) -> Vec<Vec<usize>> {
    let index: BTreeMap<&str, usize> =
        m.funcs.iter().enumerate().map(|(i, f)| (f.name.as_str(), i)).collect();
    let mut level = vec![0usize; m.funcs.len()];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &f in order {
        let mut l = 0;
        for b in &m.funcs[f].blocks {
            for inst in &b.insts {
                if let Op::Call { callee, .. } = &inst.op
                    && let Some(&c) = index.get(callee.as_str())
                    && pos[c] < pos[f]
                {
                    l = l.max(level[c] + 1);
                }
            }
        }
        level[f] = l;
        if out.len() <= l {
            out.resize(l + 1, Vec::new());
        }
        out[l].push(f);
    }
    out
}

/// What one function's pipeline gives: its index, its body, the declarations
/// its passes added, and whether the verifier found it valid.
type Optimized = (usize, Func, Vec<Decl>, Result<(), PassError>);

/// Runs the pipeline over a level's functions, on up to `opts.jobs` threads:
/// thread `t` takes every `jobs`-th function from the `t`-th, and the results
/// come back in the level's order whatever the timing.
fn run_level(
    m: &Module,
    taken: Vec<(usize, Func)>,
    passes: &[&Pass],
    known: &Known<'_>,
    opts: &Options,
) -> Vec<Optimized> {
    let jobs = opts.jobs.clamp(1, taken.len().max(1));
    let one = |(i, f): (usize, Func)| {
        let (f, decls, result) = run_func(m, i, f, passes, known, opts.word, opts.verify);
        (i, f, decls, result)
    };
    if jobs == 1 {
        return taken.into_iter().map(one).collect();
    }
    let mut parts: Vec<Vec<(usize, Func)>> = (0..jobs).map(|_| Vec::new()).collect();
    for (k, item) in taken.into_iter().enumerate() {
        parts[k % jobs].push(item);
    }
    let n: usize = parts.iter().map(Vec::len).sum();
    let mut done: Vec<Vec<Optimized>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(s, || part.into_iter().map(one).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().map(|h| h.ok().and_then(|h| h.join().ok()).unwrap_or_default()).collect()
    });
    let mut out = Vec::with_capacity(n);
    let mut iters: Vec<_> = done.iter_mut().map(|d| d.drain(..)).collect();
    for k in 0..n {
        if let Some(r) = iters[k % jobs].next() {
            out.push(r);
        }
    }
    out
}

/// Runs the passes named, in the order given, over every function of `m` in
/// order, each seeing the module's other functions as they are: the file tests'
/// entry.
pub fn run_named(m: &mut Module, names: &[&str], word: Ty) -> Result<(), PassError> {
    let mut passes = Vec::new();
    for &name in names {
        let Some(p) = PASSES.iter().find(|p| p.name == name) else {
            return Err(PassError {
                pass: "unknown",
                errors: vec![VerifyError { at: name.into(), msg: "no such pass".into() }],
            });
        };
        passes.push(p);
    }
    let earlier = Earlier::default();
    let local = func_indices(m);
    for i in 0..m.funcs.len() {
        let mut done = vec![true; m.funcs.len()];
        done[i] = false;
        // Every other function comes before this one.
        let mut pos = vec![0; m.funcs.len()];
        pos[i] = 1;
        let stand_in = Func {
            blocks: Vec::new(),
            values: Vec::new(),
            ..Func::new(&m.funcs[i].name, m.funcs[i].sig.clone())
        };
        let f = core::mem::replace(&mut m.funcs[i], stand_in);
        let known = Known { local: &local, done: &done, pos: &pos, earlier: &earlier };
        let (f, decls, result) = run_func(m, i, f, &passes, &known, word, true);
        m.funcs[i] = f;
        m.decls.extend(decls);
        result?;
    }
    Ok(())
}

/// What the passes over one function may look up.
struct Known<'k> {
    local: &'k BTreeMap<String, usize>,
    done: &'k [bool],
    /// Each function's position in the callees-first order.
    pos: &'k [usize],
    earlier: &'k Earlier<'k>,
}

fn func_indices(m: &Module) -> BTreeMap<String, usize> {
    m.funcs.iter().enumerate().map(|(i, f)| (f.name.clone(), i)).collect()
}

fn run_func(
    m: &Module,
    i: usize,
    mut f: Func,
    passes: &[&Pass],
    known: &Known<'_>,
    word: Ty,
    verify: bool,
) -> (Func, Vec<Decl>, Result<(), PassError>) {
    // The function is out of the module while it changes; a stand-in with its
    // name and signature lets the verifier check calls to it.
    let check = |decls: &[Decl], f: &Func, pass: &'static str| {
        if verify {
            verify_func_with(m, decls, f, word).map_err(|errors| PassError { pass, errors })
        } else {
            Ok(())
        }
    };
    let mut decls = Vec::new();
    let mut result = check(&decls, &f, "input");
    let mut inlined = false;
    for p in passes {
        if result.is_err() {
            break;
        }
        if p.after_inline && !inlined {
            continue;
        }
        let mut ctx = Ctx {
            word,
            module: m,
            local: known.local,
            done: known.done,
            pos: known.pos,
            me: known.pos[i],
            earlier: known.earlier,
            new_decls: core::mem::take(&mut decls),
            inlined,
        };
        (p.run)(&mut f, &mut ctx);
        inlined = ctx.inlined;
        decls = ctx.new_decls;
        result = check(&decls, &f, p.name);
    }
    (f, decls, result)
}

fn callees_first(m: &Module) -> Vec<usize> {
    let index: BTreeMap<&str, usize> =
        m.funcs.iter().enumerate().map(|(i, f)| (f.name.as_str(), i)).collect();
    let callees: Vec<Vec<usize>> = m
        .funcs
        .iter()
        .map(|f| {
            let mut out = Vec::new();
            for b in &f.blocks {
                for inst in &b.insts {
                    if let Op::Call { callee, .. } = &inst.op
                        && let Some(&j) = index.get(callee.as_str())
                    {
                        out.push(j);
                    }
                }
            }
            out
        })
        .collect();
    let mut order = Vec::with_capacity(m.funcs.len());
    let mut seen = vec![false; m.funcs.len()];
    for root in 0..m.funcs.len() {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut stack = vec![(root, 0usize)];
        while let Some((f, i)) = stack.last_mut() {
            let f = *f;
            if let Some(&c) = callees[f].get(*i) {
                *i += 1;
                if !seen[c] {
                    seen[c] = true;
                    stack.push((c, 0));
                }
            } else {
                order.push(f);
                stack.pop();
            }
        }
    }
    order
}
