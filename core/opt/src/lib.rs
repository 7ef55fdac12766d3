//! crossplay's middle end: the passes that run over each function's SSA IR
//! between the generator and the back ends, listed once in `PASSES` in the order
//! they run (as gc's `ssa/compile.go` lists its passes). The first pass builds SSA
//! from the generator's variables and is required; the others improve the code and
//! may be switched off (`-gcflags=-N`). In tests the verifier runs after every pass
//! (`Options::verify`), so a pass that breaks an invariant is caught where it does.
//!
//! Invariants: every pass maps valid IR to valid IR with the same behaviour; no
//! pass looks at the target beyond the word type; the output depends only on the
//! input (no hash-map order reaches it).

pub mod bits;
pub mod dce;
pub mod ssa;

use ir::verify::{VerifyError, verify_func};
use ir::{Func, Module, Ty};

/// One pass over a function.
#[derive(Clone, Copy, Debug)]
pub struct Pass {
    pub name: &'static str,
    pub run: fn(&mut Func),
    /// Runs even when optimization is off: later passes and the back ends need it.
    pub required: bool,
}

/// The pipeline, in order.
pub const PASSES: &[Pass] = &[
    Pass { name: "ssa", run: ssa::construct, required: true },
    Pass { name: "dce", run: dce::run, required: false },
];

/// How to run the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Run the optional passes too (off: `-gcflags=-N`).
    pub optimize: bool,
    /// Verify the IR before the first pass and after each one.
    pub verify: bool,
    /// The target's word type, for the verifier.
    pub word: Ty,
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

/// Runs the pipeline over every function of `m`.
pub fn run(m: &mut Module, opts: &Options) -> Result<(), PassError> {
    for i in 0..m.funcs.len() {
        // The function is taken out while it changes; a stand-in with its name and
        // signature lets the verifier check calls to it.
        let stand_in = Func {
            blocks: Vec::new(),
            values: Vec::new(),
            ..Func::new(&m.funcs[i].name, m.funcs[i].sig.clone())
        };
        let mut f = core::mem::replace(&mut m.funcs[i], stand_in);
        let result = run_func(m, &mut f, opts);
        m.funcs[i] = f;
        result?;
    }
    Ok(())
}

fn run_func(m: &Module, f: &mut Func, opts: &Options) -> Result<(), PassError> {
    let check = |f: &Func, pass: &'static str| {
        if opts.verify {
            verify_func(m, f, opts.word).map_err(|errors| PassError { pass, errors })
        } else {
            Ok(())
        }
    };
    check(f, "input")?;
    for p in PASSES.iter().filter(|p| p.required || opts.optimize) {
        (p.run)(f);
        check(f, p.name)?;
    }
    Ok(())
}

/// Runs the passes named, in the order given, over every function of `m`: the
/// file tests' entry.
pub fn run_named(m: &mut Module, names: &[&str], word: Ty) -> Result<(), PassError> {
    for i in 0..m.funcs.len() {
        for &name in names {
            let pass = PASSES.iter().map(|p| (p.name, p.run)).find(|p| p.0 == name);
            let Some((pass, run)) = pass else {
                return Err(PassError {
                    pass: "unknown",
                    errors: vec![VerifyError { at: name.into(), msg: "no such pass".into() }],
                });
            };
            run(&mut m.funcs[i]);
            verify_func(m, &m.funcs[i], word).map_err(|errors| PassError { pass, errors })?;
        }
    }
    Ok(())
}
