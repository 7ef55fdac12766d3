//! VCode: a function as machine instructions over virtual registers, in its final
//! block order, with block parameters and the arguments each branch passes — the
//! form the register allocator reads (it implements `regalloc2::Function`, as
//! Cranelift's `VCode` does). Critical edges are split by the lowering, so
//! arguments only ever flow along an edge whose source has one successor or whose
//! target has one predecessor.

use regalloc2::{Block, Function, Inst, InstRange, Operand, PRegSet, RegClass, VReg};

use crate::machinst::{Collector, MachInst, Terminator, VBlock};

/// One block of the VCode.
#[derive(Clone, Debug, Default)]
pub struct VBlockData {
    /// Its instructions: `insts[start..end]`, the last a terminator.
    pub start: u32,
    pub end: u32,
    pub params: Vec<VReg>,
    pub succs: Vec<Block>,
    pub preds: Vec<Block>,
    /// The arguments passed to each successor's parameters, in `succs` order.
    pub succ_args: Vec<Vec<VReg>>,
}

/// A lowered function.
#[derive(Clone, Debug)]
pub struct VCode<I> {
    pub insts: Vec<I>,
    operands: Vec<Operand>,
    /// `operands[ranges[i].0..ranges[i].1]` are instruction `i`'s.
    ranges: Vec<(u32, u32)>,
    clobbers: Vec<PRegSet>,
    terms: Vec<Terminator>,
    pub blocks: Vec<VBlockData>,
    num_vregs: usize,
}

/// A block as the lowering produces it.
#[derive(Clone, Debug)]
pub struct BlockSpec<I> {
    pub insts: Vec<I>,
    pub params: Vec<VReg>,
    /// Successors and the arguments passed to each.
    pub succs: Vec<(VBlock, Vec<VReg>)>,
}

impl<I: MachInst> VCode<I> {
    /// Assembles the VCode from its blocks (block 0 the entry).
    pub fn new(specs: Vec<BlockSpec<I>>, num_vregs: usize) -> VCode<I> {
        let mut v = VCode {
            insts: Vec::new(),
            operands: Vec::new(),
            ranges: Vec::new(),
            clobbers: Vec::new(),
            terms: Vec::new(),
            blocks: Vec::with_capacity(specs.len()),
            num_vregs,
        };
        for spec in specs {
            let start = v.insts.len() as u32;
            for mut inst in spec.insts {
                let mut c = Collector::default();
                inst.visit_operands(&mut c);
                let from = v.operands.len() as u32;
                v.operands.extend(c.operands);
                v.ranges.push((from, v.operands.len() as u32));
                v.clobbers.push(inst.clobbers());
                v.terms.push(inst.terminator());
                v.insts.push(inst);
            }
            let end = v.insts.len() as u32;
            let (succs, succ_args) =
                spec.succs.into_iter().map(|(b, args)| (Block::new(b.0 as usize), args)).unzip();
            v.blocks.push(VBlockData {
                start,
                end,
                params: spec.params,
                succs,
                preds: Vec::new(),
                succ_args,
            });
        }
        for i in 0..v.blocks.len() {
            for s in v.blocks[i].succs.clone() {
                v.blocks[s.index()].preds.push(Block::new(i));
            }
        }
        v
    }

    /// The instructions of block `b`, by index.
    pub fn block_range(&self, b: usize) -> core::ops::Range<usize> {
        self.blocks[b].start as usize..self.blocks[b].end as usize
    }
}

impl<I: MachInst> Function for VCode<I> {
    fn num_insts(&self) -> usize {
        self.insts.len()
    }

    fn num_blocks(&self) -> usize {
        self.blocks.len()
    }

    fn entry_block(&self) -> Block {
        Block::new(0)
    }

    fn block_insns(&self, block: Block) -> InstRange {
        let b = &self.blocks[block.index()];
        InstRange::new(Inst::new(b.start as usize), Inst::new(b.end as usize))
    }

    fn block_succs(&self, block: Block) -> &[Block] {
        &self.blocks[block.index()].succs
    }

    fn block_preds(&self, block: Block) -> &[Block] {
        &self.blocks[block.index()].preds
    }

    fn block_params(&self, block: Block) -> &[VReg] {
        &self.blocks[block.index()].params
    }

    fn is_ret(&self, insn: Inst) -> bool {
        self.terms[insn.index()] == Terminator::Ret
    }

    fn is_branch(&self, insn: Inst) -> bool {
        self.terms[insn.index()] == Terminator::Branch
    }

    fn branch_blockparams(&self, block: Block, _insn: Inst, succ_idx: usize) -> &[VReg] {
        &self.blocks[block.index()].succ_args[succ_idx]
    }

    fn inst_operands(&self, insn: Inst) -> &[Operand] {
        let (a, b) = self.ranges[insn.index()];
        &self.operands[a as usize..b as usize]
    }

    fn inst_clobbers(&self, insn: Inst) -> PRegSet {
        self.clobbers[insn.index()]
    }

    fn num_vregs(&self) -> usize {
        self.num_vregs
    }

    fn spillslot_size(&self, _regclass: RegClass) -> usize {
        // Every spill slot is a word: integers, pointers and floats up to 64 bits.
        1
    }
}
