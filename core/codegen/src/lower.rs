//! The lowering driver every native ISA shares: an IR function in, VCode out. It
//! orders the blocks (reverse postorder), splits critical edges, gives each IR
//! value a virtual register, and asks the ISA's `Backend` to lower each
//! instruction and terminator. As in Cranelift's `machinst/lower.rs`, blocks are
//! lowered last to first and each block bottom-up, so that when an instruction is
//! lowered, every use of its results has been (a value's uses are all in blocks
//! its definition dominates, which come later in reverse postorder). An
//! instruction may fold its operands' defining instructions into itself (a
//! compare into a branch, an add into an address) by reading their operands
//! instead (`input`); a pure instruction none of whose results any lowered
//! instruction read (`input`) or any jump passes is not emitted at all.

use ir::cfg::Cfg;
use ir::{Block, Func, Op, Term, Ty, Value};
use regalloc2::{Allocation, MachineEnv, RegClass, VReg};

use crate::emit::EmitCtx;
use crate::machinst::{MachInst, Reg, VBlock};
use crate::vcode::{BlockSpec, VCode};

/// What an ISA answers while its functions are lowered.
pub trait Backend {
    type I: MachInst;

    /// Defines the function's parameters (`params`, the entry block's) at entry.
    fn lower_entry(&self, ctx: &mut LowerCtx<'_, Self::I>, params: &[Value]) -> Result<(), String>;

    /// Lowers one instruction (its results' registers are `ctx.reg(result)`).
    fn lower_inst(&self, ctx: &mut LowerCtx<'_, Self::I>, inst: &ir::Inst) -> Result<(), String>;

    /// Lowers a block's terminator. `targets` are the VCode blocks the IR targets
    /// became, in the terminator's order; the driver passes the arguments.
    fn lower_term(
        &self,
        ctx: &mut LowerCtx<'_, Self::I>,
        term: &Term,
        targets: &[VBlock],
    ) -> Result<(), String>;

    /// An unconditional jump (a split edge's block).
    fn gen_jump(&self, target: VBlock) -> Self::I;

    /// The registers the allocator hands out, the scratch registers it may use
    /// for cyclic moves.
    fn machine_env(&self) -> &MachineEnv;

    /// Sets up the frame (`frame.size` bytes below the frame pointer).
    fn emit_prologue(&self, ctx: &mut EmitCtx<'_>);

    /// Emits an allocated instruction (its registers are physical).
    fn emit_inst(&self, inst: &Self::I, ctx: &mut EmitCtx<'_>);

    /// Emits a move the allocator inserted: register to register, or between a
    /// register and a spill slot.
    fn emit_move(&self, from: Allocation, to: Allocation, class: RegClass, ctx: &mut EmitCtx<'_>);

    /// Emits the islands the instructions queued, then the unwinding exit if
    /// anything branches to it.
    fn emit_islands(&self, ctx: &mut EmitCtx<'_>);
}

/// The register class of an IR type.
pub fn class_of(ty: Ty) -> RegClass {
    if ty.is_int() { RegClass::Int } else { RegClass::Float }
}

/// The lowering's state, as a backend sees it.
#[derive(Debug)]
pub struct LowerCtx<'f, I> {
    pub f: &'f Func,
    /// Each IR value's virtual register (vreg `i` is value `i`).
    next_vreg: usize,
    /// How many instructions and terminators of the IR read each value.
    uses: Vec<u32>,
    /// Whether something lowered reads the value's register.
    needed: Vec<bool>,
    /// Each instruction result's defining instruction (block, index).
    def: Vec<Option<(u32, u32)>>,
    /// The current instruction's machine instructions, in order.
    cur: Vec<I>,
    /// The current block's machine instructions, last first.
    rev: Vec<I>,
    /// Where each stack slot lies, from the frame pointer.
    pub slot_offsets: Vec<i64>,
    /// The bytes the function's calls need at the bottom of its frame (stack
    /// arguments and results); the backend raises it.
    pub outgoing: u32,
}

impl<'f, I: MachInst> LowerCtx<'f, I> {
    /// The register of value `v`, as an input of the instruction being lowered:
    /// its definition must then be emitted.
    pub fn input(&mut self, v: Value) -> Reg {
        self.needed[v.index()] = true;
        self.reg(v)
    }

    /// The register of value `v`, a result of the instruction being lowered.
    pub fn reg(&self, v: Value) -> Reg {
        Reg::virt(VReg::new(v.index(), class_of(self.f.ty(v))))
    }

    /// A fresh virtual register of `class`.
    pub fn new_reg(&mut self, class: RegClass) -> Reg {
        let v = VReg::new(self.next_vreg, class);
        self.next_vreg += 1;
        Reg::virt(v)
    }

    pub fn ty(&self, v: Value) -> Ty {
        self.f.ty(v)
    }

    /// The operation defining `v`, when an instruction (not a parameter) does.
    pub fn def_op(&self, v: Value) -> Option<&'f Op> {
        let f = self.f;
        self.def.get(v.index()).copied().flatten().map(|(b, i)| &f.blocks[b as usize].insts[i as usize].op)
    }

    /// The constant `v` is, if an `iconst` defines it.
    pub fn iconst(&self, v: Value) -> Option<i64> {
        match self.def_op(v) {
            Some(Op::IConst(_, c)) => Some(*c),
            _ => None,
        }
    }

    /// How many instructions and terminators of the IR read `v` (a fold that
    /// would compute `v` twice is worth it only for a value read once).
    pub fn uses(&self, v: Value) -> u32 {
        self.uses[v.index()]
    }

    pub fn emit(&mut self, i: I) {
        self.cur.push(i);
    }
}

/// The blocks of the VCode: each reachable IR block in reverse postorder, and
/// after a block ending in a branch, the blocks of its critical edges.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Ir(Block),
    /// The edge from an IR block to its terminator's `n`th target.
    Edge(Block, usize),
}

/// Lowers `f` for `backend`, its stack slots at `slot_offsets` from the frame
/// pointer; the VCode and the outgoing area its calls need.
pub fn lower<B: Backend>(
    backend: &B,
    f: &Func,
    slot_offsets: Vec<i64>,
) -> Result<(VCode<B::I>, u32), String> {
    let cfg = Cfg::new(f);
    let n_preds = |b: Block| cfg.preds[b.index()].len();
    // Layout and the VCode block of each IR block and split edge.
    let mut layout: Vec<Slot> = Vec::new();
    let mut vblock_of: Vec<u32> = vec![u32::MAX; f.blocks.len()];
    let mut edges: Vec<Vec<Option<u32>>> = vec![Vec::new(); f.blocks.len()];
    for &b in &cfg.rpo {
        vblock_of[b.index()] = layout.len() as u32;
        layout.push(Slot::Ir(b));
        let term = &f.blocks[b.index()].term;
        let targets: Vec<Block> = term.succs().collect();
        edges[b.index()] = vec![None; targets.len()];
        if targets.len() > 1 {
            for (k, &t) in targets.iter().enumerate() {
                // An edge from a block of several successors into a block of
                // several predecessors (two edges to one block count twice).
                if n_preds(t) > 1 {
                    edges[b.index()][k] = Some(layout.len() as u32);
                    layout.push(Slot::Edge(b, k));
                }
            }
        }
    }

    let mut uses = vec![0u32; f.values.len()];
    let mut def = vec![None; f.values.len()];
    for &b in &cfg.rpo {
        let data = &f.blocks[b.index()];
        for (i, inst) in data.insts.iter().enumerate() {
            inst.op.for_each_use(|u| uses[u.index()] += 1);
            for r in &inst.results {
                def[r.index()] = Some((b.0, i as u32));
            }
        }
        for u in data.term.uses() {
            uses[u.index()] += 1;
        }
    }
    let mut needed = vec![false; f.values.len()];
    for &b in &cfg.rpo {
        for a in f.blocks[b.index()].term.targets().flat_map(|t| &t.args) {
            needed[a.index()] = true;
        }
    }
    let mut ctx = LowerCtx {
        f,
        next_vreg: f.values.len(),
        uses,
        needed,
        def,
        cur: Vec::new(),
        rev: Vec::new(),
        slot_offsets,
        outgoing: 0,
    };
    let vreg = |v: Value| VReg::new(v.index(), class_of(f.ty(v)));

    let mut specs: Vec<BlockSpec<B::I>> = (0..layout.len())
        .map(|_| BlockSpec { insts: Vec::new(), params: Vec::new(), succs: Vec::new() })
        .collect();
    for (vi, slot) in layout.iter().enumerate().rev() {
        match *slot {
            Slot::Edge(b, k) => {
                let Some(t) = f.blocks[b.index()].term.targets().nth(k) else { continue };
                let target = VBlock(vblock_of[t.block.index()]);
                specs[vi].insts.push(backend.gen_jump(target));
                specs[vi].succs.push((target, t.args.iter().map(|&a| vreg(a)).collect()));
            }
            Slot::Ir(b) => {
                let data = &f.blocks[b.index()];
                let mut targets = Vec::new();
                for (k, t) in data.term.targets().enumerate() {
                    match edges[b.index()][k] {
                        Some(e) => {
                            targets.push(VBlock(e));
                            specs[vi].succs.push((VBlock(e), Vec::new()));
                        }
                        None => {
                            let target = VBlock(vblock_of[t.block.index()]);
                            targets.push(target);
                            specs[vi].succs.push((target, t.args.iter().map(|&a| vreg(a)).collect()));
                        }
                    }
                }
                backend
                    .lower_term(&mut ctx, &data.term, &targets)
                    .map_err(|e| format!("{e} (in {})", f.name))?;
                ctx.flush();
                for inst in data.insts.iter().rev() {
                    if inst.op.is_pure() && !inst.results.iter().any(|r| ctx.needed[r.index()]) {
                        continue;
                    }
                    backend.lower_inst(&mut ctx, inst)?;
                    ctx.flush();
                }
                if b.index() == 0 {
                    backend.lower_entry(&mut ctx, &data.params)?;
                    ctx.flush();
                } else {
                    specs[vi].params = data.params.iter().map(|&p| vreg(p)).collect();
                }
                specs[vi].insts = core::mem::take(&mut ctx.rev).into_iter().rev().collect();
            }
        }
    }
    Ok((VCode::new(specs, ctx.next_vreg), ctx.outgoing))
}

impl<I> LowerCtx<'_, I> {
    /// Moves the current instruction's machine instructions to the block (which
    /// is built last first).
    fn flush(&mut self) {
        self.rev.extend(self.cur.drain(..).rev());
    }
}
