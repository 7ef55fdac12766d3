//! The verifier: the invariants every pass must keep. Each value is defined once (a
//! block parameter or an instruction's result) and used only where its definition
//! dominates the use (later in its own block, or in a block it dominates); the
//! entry block's parameters are the signature's and nothing jumps to it; every
//! operand has the type its instruction needs; jumps pass their target's
//! parameters; variables and slots exist; calls match the callee's signature
//! (defined or declared in the module); returns match the function's results; data
//! relocations stay inside their symbol.

use crate::cfg::Cfg;
use crate::{BinOp, ConvOp, Func, Mem, Module, Op, RelocKind, Term, Ty, UnOp, Value};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function (or data symbol) and where in it.
    pub at: String,
    pub msg: String,
}

impl core::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.at, self.msg)
    }
}

/// Checks a module; `word` is the target's pointer type.
pub fn verify(m: &Module, word: Ty) -> Result<(), Vec<VerifyError>> {
    let mut errs = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for n in m.funcs.iter().map(|f| &f.name).chain(m.decls.iter().map(|d| &d.name)) {
        if !names.insert(n.as_str()) {
            errs.push(VerifyError { at: n.clone(), msg: "function defined or declared twice".into() });
        }
    }
    for d in &m.data {
        if d.init.len() > d.size as usize {
            errs.push(VerifyError { at: d.name.clone(), msg: "initializer longer than the symbol".into() });
        }
        if !d.align.is_power_of_two() {
            errs.push(VerifyError { at: d.name.clone(), msg: "alignment is not a power of two".into() });
        }
        for r in &d.relocs {
            let (RelocKind::Addr { width } | RelocKind::Func { width }) = r.kind;
            if !matches!(width, 4 | 8) || r.off as u64 + width as u64 > d.size as u64 {
                errs.push(VerifyError { at: d.name.clone(), msg: format!("bad relocation at {}", r.off) });
            }
        }
    }
    for d in &m.dynimports {
        let slot = m.data.iter().find(|x| x.name == d.symbol);
        if !slot.is_some_and(|x| x.size == word.bytes() && x.init.is_empty() && x.relocs.is_empty()) {
            errs.push(VerifyError {
                at: d.symbol.clone(),
                msg: "a dynamic import needs an empty word-sized data symbol".into(),
            });
        }
    }
    for f in &m.funcs {
        FuncVerifier { m, extra: &[], f, word, errs: &mut errs, at: String::new() }.run();
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Checks one function of `m` (which gives the signatures of what it calls).
pub fn verify_func(m: &Module, f: &Func, word: Ty) -> Result<(), Vec<VerifyError>> {
    verify_func_with(m, &[], f, word)
}

/// Checks one function of `m`, which also calls what `extra` declares (functions
/// a pass declared that the module does not hold yet).
pub fn verify_func_with(
    m: &Module,
    extra: &[crate::Decl],
    f: &Func,
    word: Ty,
) -> Result<(), Vec<VerifyError>> {
    let mut errs = Vec::new();
    FuncVerifier { m, extra, f, word, errs: &mut errs, at: String::new() }.run();
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

struct FuncVerifier<'a> {
    m: &'a Module,
    extra: &'a [crate::Decl],
    f: &'a Func,
    word: Ty,
    errs: &'a mut Vec<VerifyError>,
    at: String,
}

impl<'a> FuncVerifier<'a> {
    fn sig_of(&self, name: &str) -> Option<&'a crate::Sig> {
        let (m, extra) = (self.m, self.extra);
        m.sig_of(name).or_else(|| extra.iter().find(|d| d.name == name).map(|d| &d.sig))
    }

    fn err(&mut self, msg: String) {
        self.errs.push(VerifyError { at: format!("{}: {}", self.f.name, self.at), msg });
    }

    fn run(&mut self) {
        let f = self.f;
        let n = f.values.len();
        // Where each value is defined: its block and position (-1 for a block
        // parameter, else the instruction's index).
        let mut def: Vec<Option<(usize, i64)>> = vec![None; n];
        let mut define = |this: &mut Self, v: Value, at: (usize, i64)| match def.get_mut(v.index()) {
            Some(slot @ None) => *slot = Some(at),
            Some(Some(_)) => this.err(format!("{v} defined twice")),
            None => this.err(format!("{v} has no type")),
        };
        for (bi, b) in f.blocks.iter().enumerate() {
            self.at = format!("b{bi}");
            for &p in &b.params {
                define(self, p, (bi, -1));
            }
            for (ii, inst) in b.insts.iter().enumerate() {
                for &r in &inst.results {
                    define(self, r, (bi, ii as i64));
                }
            }
        }
        self.at = "params".into();
        let entry: Vec<Ty> =
            f.blocks.first().map(|b| b.params.iter().map(|&v| f.ty(v)).collect()).unwrap_or_default();
        if entry != f.sig.params {
            self.err("the entry block's parameters do not match the signature".into());
        }
        let nblocks = f.blocks.len();
        let mut missing = false;
        for (bi, b) in f.blocks.iter().enumerate() {
            for t in b.term.targets().filter(|t| t.block.index() >= nblocks) {
                self.at = format!("b{bi} terminator");
                self.err(format!("jump to missing {}", t.block));
                missing = true;
            }
        }
        if missing || nblocks == 0 {
            return;
        }
        let cfg = Cfg::new(f);
        for (bi, b) in f.blocks.iter().enumerate() {
            let reachable = cfg.is_reachable(crate::Block(bi as u32));
            // Whether `v` is defined where a use at (bi, ii) sees it.
            let visible = |v: Value, ii: i64| -> bool {
                match def.get(v.index()).copied().flatten() {
                    None => false,
                    Some((db, di)) if db == bi => di < ii,
                    // Unreachable code only needs its operands to exist.
                    Some((db, _)) => {
                        !reachable || cfg.dominates(crate::Block(db as u32), crate::Block(bi as u32))
                    }
                }
            };
            for (ii, inst) in b.insts.iter().enumerate() {
                self.at = format!("b{bi}[{ii}]");
                let live: Vec<Value> =
                    inst.op.uses().into_iter().filter(|&v| visible(v, ii as i64)).collect();
                self.inst(&inst.op, &inst.results, &live);
            }
            self.at = format!("b{bi} terminator");
            let end = b.insts.len() as i64;
            let live: Vec<Value> = b.term.uses().into_iter().filter(|&v| visible(v, end)).collect();
            for t in b.term.targets() {
                let tb = &f.blocks[t.block.index()];
                if t.block.index() == 0 {
                    self.err("jump to the entry block".into());
                }
                if t.args.len() != tb.params.len() {
                    self.err(format!(
                        "{} arguments to {}, which takes {}",
                        t.args.len(),
                        t.block,
                        tb.params.len()
                    ));
                    continue;
                }
                for (&a, &p) in t.args.iter().zip(&tb.params) {
                    self.use_ty(a, f.ty(p), &live);
                }
            }
            match &b.term {
                Term::Jump(_) | Term::Unreachable => {}
                Term::Br(c, ..) => self.use_ty(*c, Ty::I32, &live),
                Term::Ret(vs) => {
                    if vs.len() != f.sig.results.len() {
                        self.err(format!(
                            "returns {} values, the signature {}",
                            vs.len(),
                            f.sig.results.len()
                        ));
                    }
                    for (&v, &t) in vs.iter().zip(&f.sig.results) {
                        self.use_ty(v, t, &live);
                    }
                }
            }
        }
    }

    /// Checks that `v` is visible here (in `live`); returns its type.
    fn use_val(&mut self, v: Value, live: &[Value]) -> Option<Ty> {
        if !live.contains(&v) {
            self.err(format!("{v} used where it is not defined"));
            return None;
        }
        Some(self.f.ty(v))
    }

    fn use_ty(&mut self, v: Value, want: Ty, live: &[Value]) {
        if let Some(t) = self.use_val(v, live)
            && !t.fits(want)
        {
            self.err(format!("{v} is {}, want {}", t.name(), want.name()));
        }
    }

    fn results(&mut self, results: &[Value], want: &[Ty]) {
        let got: Vec<Ty> = results.iter().map(|&r| self.f.ty(r)).collect();
        if got.len() != want.len() || got.iter().zip(want).any(|(g, w)| !g.fits(*w)) {
            let names = |ts: &[Ty]| ts.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ");
            self.err(format!("results ({}), want ({})", names(&got), names(want)));
        }
    }

    fn inst(&mut self, op: &Op, results: &[Value], live: &[Value]) {
        let word = self.word;
        match op {
            Op::IConst(t, _) => {
                if !t.is_int() {
                    self.err("iconst of a float type".into());
                }
                self.results(results, &[*t]);
            }
            Op::FConst(t, _) => {
                if t.is_int() {
                    self.err("fconst of an integer type".into());
                }
                self.results(results, &[*t]);
            }
            Op::Bin(o, a, b) => {
                let Some(t) = self.use_val(*a, live) else { return };
                self.use_ty(*b, t, live);
                let float_only = matches!(o, BinOp::Div | BinOp::Min | BinOp::Max | BinOp::Copysign);
                let both = matches!(o, BinOp::Add | BinOp::Sub | BinOp::Mul);
                if !both && float_only == t.is_int() {
                    self.err(format!("{} on {}", o.name(), t.name()));
                }
                self.results(results, &[t]);
            }
            Op::Cmp(o, a, b) => {
                let Some(t) = self.use_val(*a, live) else { return };
                self.use_ty(*b, t, live);
                let n = o.name();
                let signed_form = n.ends_with('s') || n.ends_with('u');
                if !matches!(n, "eq" | "ne") && signed_form != t.is_int() {
                    self.err(format!("{n} on {}", t.name()));
                }
                self.results(results, &[Ty::I32]);
            }
            Op::Un(o, a) => {
                let Some(t) = self.use_val(*a, live) else { return };
                let int_only = matches!(o, UnOp::Clz | UnOp::Ctz | UnOp::Popcnt | UnOp::Eqz);
                if int_only != t.is_int() {
                    self.err(format!("{} on {}", o.name(), t.name()));
                }
                self.results(results, &[if *o == UnOp::Eqz { Ty::I32 } else { t }]);
            }
            Op::Conv(o, to, a) => {
                let Some(from) = self.use_val(*a, live) else { return };
                let (from, to) = (from.class(), &to.class());
                let ok = match o {
                    ConvOp::Ext8S | ConvOp::Ext16S => from.is_int() && from == *to,
                    ConvOp::Ext32S => from == Ty::I64 && *to == Ty::I64,
                    ConvOp::ExtendS | ConvOp::ExtendU => from == Ty::I32 && *to == Ty::I64,
                    ConvOp::Wrap => from == Ty::I64 && *to == Ty::I32,
                    ConvOp::TruncS | ConvOp::TruncU => !from.is_int() && to.is_int(),
                    ConvOp::ConvertS | ConvOp::ConvertU => from.is_int() && !to.is_int(),
                    ConvOp::Promote => from == Ty::F32 && *to == Ty::F64,
                    ConvOp::Demote => from == Ty::F64 && *to == Ty::F32,
                    ConvOp::Bitcast => from.bytes() == to.bytes() && from.is_int() != to.is_int(),
                    ConvOp::Round => from == *to && !from.is_int(),
                };
                if !ok {
                    self.err(format!("{} from {} to {}", o.name(), from.name(), to.name()));
                }
                self.results(results, &[*to]);
            }
            Op::Select(c, a, b) => {
                self.use_ty(*c, Ty::I32, live);
                let Some(t) = self.use_val(*a, live) else { return };
                self.use_ty(*b, t, live);
                self.results(results, &[t]);
            }
            Op::Load { mem, ty, addr, .. } => {
                self.use_ty(*addr, word, live);
                let ok = match mem {
                    Mem::I8 | Mem::I16 => ty.is_int(),
                    Mem::I32 => ty.is_int(),
                    Mem::I64 => ty.class() == Ty::I64,
                    Mem::F32 => *ty == Ty::F32,
                    Mem::F64 => *ty == Ty::F64,
                };
                if !ok {
                    self.err(format!("load.{} into {}", mem.name(), ty.name()));
                }
                self.results(results, &[*ty]);
            }
            Op::Store { mem, addr, val, .. } => {
                self.use_ty(*addr, word, live);
                let Some(t) = self.use_val(*val, live) else { return };
                let ok = match mem {
                    Mem::I8 | Mem::I16 | Mem::I32 => t.is_int(),
                    Mem::I64 => t.class() == Ty::I64,
                    Mem::F32 => t == Ty::F32,
                    Mem::F64 => t == Ty::F64,
                };
                if !ok {
                    self.err(format!("store.{} of {}", mem.name(), t.name()));
                }
                self.results(results, &[]);
            }
            Op::Copy { dst, src, len } => {
                for v in [dst, src, len] {
                    self.use_ty(*v, word, live);
                }
                self.results(results, &[]);
            }
            Op::Zero { dst, len } => {
                for v in [dst, len] {
                    self.use_ty(*v, word, live);
                }
                self.results(results, &[]);
            }
            // Data of other packages is resolved by the linker.
            Op::SymAddr(_) => self.results(results, &[word]),
            Op::FuncAddr(name) => {
                if self.sig_of(name).is_none() {
                    self.err(format!("address of unknown function {name:?}"));
                }
                self.results(results, &[word]);
            }
            Op::SlotAddr(s) => {
                if s.index() >= self.f.slots.len() {
                    self.err(format!("missing slot {s}"));
                }
                self.results(results, &[word]);
            }
            Op::Get(x) => match self.f.vars.get(x.index()) {
                Some(&t) => self.results(results, &[t]),
                None => self.err(format!("missing variable {x}")),
            },
            Op::Set(x, v) => match self.f.vars.get(x.index()) {
                Some(&t) => {
                    self.use_ty(*v, t, live);
                    self.results(results, &[]);
                }
                None => self.err(format!("missing variable {x}")),
            },
            Op::Call { callee, args } => {
                let Some(sig) = self.sig_of(callee) else {
                    self.err(format!("call of unknown function {callee:?}"));
                    return;
                };
                self.call_args(args, &sig.params, live);
                self.results(results, &sig.results);
            }
            Op::CallIndirect { sig, target, args } => {
                self.use_ty(*target, word, live);
                self.call_args(args, &sig.params, live);
                self.results(results, &sig.results);
            }
            Op::Check { cond, func, args } => {
                self.use_ty(*cond, Ty::I32, live);
                let Some(sig) = self.sig_of(func) else {
                    self.err(format!("check calls unknown function {func:?}"));
                    return;
                };
                if !sig.results.is_empty() || sig.params.first() != Some(&word) {
                    self.err(format!(
                        "check's function {func:?} must take a context word and return nothing"
                    ));
                    return;
                }
                self.call_args(args, &sig.params[1..], live);
                self.results(results, &[]);
            }
            Op::GetG => self.results(results, &[word]),
            Op::MemSize => self.results(results, &[word]),
            Op::MemGrow(v) => {
                self.use_ty(*v, word, live);
                self.results(results, &[word]);
            }
        }
    }

    fn call_args(&mut self, args: &[Value], params: &[Ty], live: &[Value]) {
        if args.len() != params.len() {
            self.err(format!("{} arguments, the callee takes {}", args.len(), params.len()));
            return;
        }
        for (&a, &t) in args.iter().zip(params) {
            self.use_ty(a, t, live);
        }
    }
}
