//! Bytecode → Cranelift IR, one code object at a time.
//!
//! Every instruction gets a basic block; a branch is a Cranelift branch to
//! its target's block, a backward branch first polls the interpreter's
//! limits (`tick`). Instructions without an inline fast path call
//! `runtime_calls::step` and branch on its answer: the error sentinel goes
//! to the instruction's error block, a taken branch to the target. An
//! error block either hands the exception to the instruction's handler
//! (`catch`, then the handler's block) or leaves the function (`unwind`,
//! then return the error word). Fast paths (see `fast.rs`-style helpers
//! below) work on the NaN-boxed words directly and fall back to `step`
//! when an operand is not of the kind they handle.

mod calls;
mod fast_paths;
mod math;
pub(super) mod pure;
mod typed;
mod words;

use super::runtime_calls::{self, PC_ERROR, PC_YIELDED};
use super::ERROR_WORD;
use super::{RESUME_RAISE, YIELD_WORD};
use crate::bytecode::instr::{Instr, Reg};
use crate::bytecode::CodeObject;
use crate::runtime::Value;
use crate::syntax::ast::CmpOp;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    self, types, AbiParam, Block, InstBuilder, MemFlagsData, SigRef, Signature, StackSlot,
    StackSlotData, StackSlotKind,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch};
use fast_paths::Arith;
use words::Words;

/// The native signature of every translated function: `(ctx, regs) -> word`.
pub(super) fn native_signature(call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I64));
    sig
}

/// A runtime entry point: its address and its signature in this function.
#[derive(Clone, Copy)]
pub(super) struct Callee {
    addr: i64,
    sig: SigRef,
}

struct Callees {
    step: Callee,
    step_slow: Callee,
    for_iter_next: Callee,
    yield_from: Callee,
    call: Callee,
    global_word: Callee,
    attr_word: Callee,
    store_attr_word: Callee,
    item_word: Callee,
    store_item_word: Callee,
    iter_next_word: Callee,
    iter_word: Callee,
    unpack_word: Callee,
    tuple_word: Callee,
    take_return: Callee,
    catch: Callee,
    unwind: Callee,
    tick: Callee,
    release: Callee,
    push_handled: Callee,
    pop_handled: Callee,
    range_loop: Callee,
    range_call: Callee,
    adopt_error: Callee,
    run_finalizers: Callee,
    release_window: Callee,
    init_window: Callee,
    get_attr: Callee,
    with_call: Callee,
    pure_gave_up: Callee,
    pure_verify: Callee,
    module_fn_verify: Callee,
    /// `native_signature`, for direct calls of other translations.
    native_sig: SigRef,
}

impl Callees {
    fn import(b: &mut FunctionBuilder, call_conv: CallConv) -> Callees {
        let mut sig = |params: &[ir::Type], ret: Option<ir::Type>| {
            let mut s = Signature::new(call_conv);
            s.params.extend(params.iter().map(|&t| AbiParam::new(t)));
            s.returns.extend(ret.map(AbiParam::new));
            b.import_signature(s)
        };
        let (i32_, i64_) = (types::I32, types::I64);
        let step = sig(&[i64_, i64_, i32_], Some(i32_));
        let take_return = sig(&[i64_, i64_, i32_], Some(i64_));
        let catch = sig(&[i64_, i64_, i32_], None);
        let unwind = sig(&[i64_, i32_], None);
        let tick = sig(&[i64_], Some(i32_));
        let release = sig(&[i64_, i64_], None);
        let push_handled = sig(&[i64_, i64_], None);
        let pop_handled = sig(&[i64_], None);
        type PopHandled = unsafe extern "C" fn(*mut super::JitFrame);
        let unpack_word = sig(&[i64_, i64_, i32_, i32_], Some(i64_));
        type UnpackWord = unsafe extern "C" fn(*mut Value, u64, u32, u32) -> u64;
        let tuple_word = sig(&[i64_, i32_, i32_, i32_], Some(i64_));
        type TupleWord = unsafe extern "C" fn(*mut Value, u32, u32, u32) -> u64;
        let word1 = sig(&[i64_], Some(i64_));
        let word2 = sig(&[i64_, i64_], Some(i64_));
        let word3 = sig(&[i64_, i64_, i64_], Some(i64_));
        type Word1 = unsafe extern "C" fn(u64) -> u64;
        let global_word = sig(&[i64_, i32_], Some(i64_));
        type GlobalWord = unsafe extern "C" fn(*const super::JitFrame, u32) -> u64;
        let attr_word = sig(&[i64_, i64_, i32_], Some(i64_));
        type AttrWord = unsafe extern "C" fn(*const super::JitFrame, u64, u32) -> u64;
        let store_attr_word = sig(&[i64_, i64_, i32_, i64_], Some(i64_));
        type StoreAttrWord = unsafe extern "C" fn(*const super::JitFrame, u64, u32, u64) -> u64;
        type Word2 = unsafe extern "C" fn(u64, u64) -> u64;
        type Word3 = unsafe extern "C" fn(u64, u64, u64) -> u64;
        type Step = unsafe extern "C" fn(*mut super::JitFrame, *mut Value, u32) -> u32;
        type Ret = unsafe extern "C" fn(*mut super::JitFrame, *mut Value, u32) -> u64;
        type Catch = unsafe extern "C" fn(*mut super::JitFrame, *mut Value, u32);
        type Unwind = unsafe extern "C" fn(*mut super::JitFrame, u32);
        type Tick = unsafe extern "C" fn(*mut super::JitFrame) -> u32;
        type Release = unsafe extern "C" fn(*mut super::JitFrame, u64);
        type RangeLoopStart = unsafe extern "C" fn(u64, *mut i64, u32) -> u32;
        let range_loop = sig(&[i64_, i64_, i32_], Some(i32_));
        type RangeCall = unsafe extern "C" fn(
            *const super::JitFrame,
            u64,
            *const Value,
            u32,
            u32,
            *mut i64,
        ) -> u32;
        let range_call = sig(&[i64_, i64_, i64_, i32_, i32_, i64_], Some(i32_));
        let native_sig = sig(&[i64_, i64_], Some(i64_));
        type AdoptError = unsafe extern "C" fn(*mut super::JitFrame, *mut super::JitFrame);
        type ReleaseWindow = unsafe extern "C" fn(*mut Value, u32);
        let release_window = sig(&[i64_, i32_], None);
        type InitWindow = unsafe extern "C" fn(*mut Value, *const CodeObject, u32);
        let init_window = sig(&[i64_, i64_, i32_], None);
        type PureGaveUp = unsafe extern "C" fn(*const CodeObject);
        type ModuleFnVerify = unsafe extern "C" fn(
            u64,
            *const CodeObject,
            u32,
            u64,
            *const std::cell::Cell<u64>,
        ) -> u32;
        let module_fn_verify = sig(&[i64_, i64_, i32_, i64_, i64_], Some(i32_));
        type PureVerify =
            unsafe extern "C" fn(*const crate::runtime::Interp, *const CodeObject, u64) -> u32;
        let pure_verify = sig(&[i64_, i64_, i64_], Some(i32_));
        Callees {
            pure_verify: Callee {
                addr: runtime_calls::pure_verify as PureVerify as usize as i64,
                sig: pure_verify,
            },
            module_fn_verify: Callee {
                addr: runtime_calls::module_fn_verify as ModuleFnVerify as usize as i64,
                sig: module_fn_verify,
            },
            pure_gave_up: Callee {
                addr: runtime_calls::pure_gave_up as PureGaveUp as usize as i64,
                sig: pop_handled,
            },
            native_sig,
            init_window: Callee {
                addr: runtime_calls::init_window as InitWindow as usize as i64,
                sig: init_window,
            },
            release_window: Callee {
                addr: runtime_calls::release_window as ReleaseWindow as usize as i64,
                sig: release_window,
            },
            adopt_error: Callee {
                addr: runtime_calls::adopt_error as AdoptError as usize as i64,
                sig: push_handled,
            },
            run_finalizers: Callee {
                addr: runtime_calls::run_finalizers as PopHandled as usize as i64,
                sig: pop_handled,
            },
            range_loop: Callee {
                addr: runtime_calls::range_loop as RangeLoopStart as usize as i64,
                sig: range_loop,
            },
            range_call: Callee {
                addr: runtime_calls::range_call as RangeCall as usize as i64,
                sig: range_call,
            },
            step: Callee {
                addr: runtime_calls::step as Step as usize as i64,
                sig: step,
            },
            with_call: Callee {
                addr: runtime_calls::with_call as Step as usize as i64,
                sig: step,
            },
            get_attr: Callee {
                addr: runtime_calls::get_attr as Step as usize as i64,
                sig: step,
            },
            step_slow: Callee {
                addr: runtime_calls::step_slow as Step as usize as i64,
                sig: step,
            },
            for_iter_next: Callee {
                addr: runtime_calls::for_iter_next as Step as usize as i64,
                sig: step,
            },
            yield_from: Callee {
                addr: runtime_calls::yield_from as Step as usize as i64,
                sig: step,
            },
            call: Callee {
                addr: runtime_calls::call as Step as usize as i64,
                sig: step,
            },
            attr_word: Callee {
                addr: runtime_calls::attr_word as AttrWord as usize as i64,
                sig: attr_word,
            },
            store_attr_word: Callee {
                addr: runtime_calls::store_attr_word as StoreAttrWord as usize as i64,
                sig: store_attr_word,
            },
            global_word: Callee {
                addr: runtime_calls::global_word as GlobalWord as usize as i64,
                sig: global_word,
            },
            item_word: Callee {
                addr: runtime_calls::item_word as Word2 as usize as i64,
                sig: word2,
            },
            store_item_word: Callee {
                addr: runtime_calls::store_item_word as Word3 as usize as i64,
                sig: word3,
            },
            iter_next_word: Callee {
                addr: runtime_calls::iter_next_word as Word1 as usize as i64,
                sig: word1,
            },
            iter_word: Callee {
                addr: runtime_calls::iter_word as Word1 as usize as i64,
                sig: word1,
            },
            unpack_word: Callee {
                addr: runtime_calls::unpack_word as UnpackWord as usize as i64,
                sig: unpack_word,
            },
            tuple_word: Callee {
                addr: runtime_calls::tuple_word as TupleWord as usize as i64,
                sig: tuple_word,
            },
            take_return: Callee {
                addr: runtime_calls::take_return as Ret as usize as i64,
                sig: take_return,
            },
            catch: Callee {
                addr: runtime_calls::catch as Catch as usize as i64,
                sig: catch,
            },
            unwind: Callee {
                addr: runtime_calls::unwind as Unwind as usize as i64,
                sig: unwind,
            },
            tick: Callee {
                addr: runtime_calls::tick as Tick as usize as i64,
                sig: tick,
            },
            release: Callee {
                addr: runtime_calls::release as Release as usize as i64,
                sig: release,
            },
            push_handled: Callee {
                addr: runtime_calls::push_handled as Release as usize as i64,
                sig: push_handled,
            },
            pop_handled: Callee {
                addr: runtime_calls::pop_handled as PopHandled as usize as i64,
                sig: pop_handled,
            },
        }
    }
}

/// Can this code object be translated? `Err` says why not. (Every code
/// object can now; the hook stays for constructs a future bytecode adds
/// before the JIT supports them, which then run in the VM and are
/// reported by `--stats`.)
pub(super) fn check(_code: &CodeObject) -> Result<(), String> {
    Ok(())
}

/// Does the code suspend (a generator, or REPL input echoing through
/// `yield`)? Its translation then starts with a resume switch.
fn suspends(code: &CodeObject) -> bool {
    code.is_generator
        || code
            .instrs
            .iter()
            .any(|i| matches!(i, Instr::Yield { .. } | Instr::YieldFrom { .. }))
}

/// The state of a counted `for … in range(…)` loop, in a stack slot of
/// the native frame: why — iterating a range through its iterator object
/// costs a runtime call per step, counting costs a compare and an add.
/// The loop's `GetIter` (the instruction before its `ForIter`) asks the
/// runtime whether the iterable is a range of small ints
/// (`runtime_calls::range_loop`, which fills the slot) and stores the
/// answer in `ACTIVE`; the `ForIter` then counts when it is `COUNTED`.
/// A list is stepped through the same way (`LISTED`; not in a loop over
/// a call of `range`, `steps_lists`, whose translation need not hold the
/// path): the slot's `CUR` is
/// the next index, the item read inline, the length at each step (the
/// list may change), as a list iterator does. Either way the iterator
/// register holds the iterable itself, which only the `ForIter` reads.
/// Code that suspends keeps the general path (its native frame does not
/// survive a `yield`).
pub(super) struct RangeLoop;

impl RangeLoop {
    pub(super) const CUR: i32 = 0;
    pub(super) const STOP: i32 = 8;
    pub(super) const STEP: i32 = 16;
    pub(super) const ACTIVE: i32 = 24;
    const SIZE: u32 = 32;
    /// `ACTIVE`: a range of small ints, counted.
    pub(super) const COUNTED: i64 = 1;
    /// `ACTIVE`: a list, stepped through by index.
    pub(super) const LISTED: i64 = 2;
}

/// May the loop whose `ForIter` is at `pc` step through a list
/// (`RangeLoop::LISTED`)? Not one over a call of `range`: its iterable is
/// a range but where `range` is rebound.
fn steps_lists(code: &CodeObject, pc: u32) -> bool {
    !typed::iterates_range_call(code, pc as usize)
}

/// The `ForIter` instructions of `code` that count range loops: each one
/// right after the `GetIter` that made its iterator.
fn range_loop_pcs(code: &CodeObject) -> Vec<u32> {
    if suspends(code) {
        return Vec::new();
    }
    (1..code.instrs.len())
        .filter(|&pc| match (code.instrs[pc - 1], code.instrs[pc]) {
            (Instr::GetIter { dst, .. }, Instr::ForIter { iter, .. }) => dst == iter,
            _ => false,
        })
        .map(|pc| pc as u32)
        .collect()
}

/// Instructions the general copy runs through the VM's implementation
/// (`generic`) rather than inline where it is cold (see
/// `Typing::general_copy_is_cold`): a smaller translation, compiled
/// faster (a third less for nbody's `advance`).
fn compact_in_general_copy(ins: &Instr) -> bool {
    use Instr::*;
    typed::arith_of(ins).is_some()
        || words::compare_operands(ins).is_some()
        || matches!(
            ins,
            JumpIfFalse { .. }
                | JumpIfTrue { .. }
                | JumpIfFalseKeep { .. }
                | JumpIfTrueKeep { .. }
                | GetItem { .. }
                | SetItem { .. }
                | Unpack { .. }
                | BuildTuple { .. }
                | GetAttr { .. }
                | SetAttr { .. }
        )
}

/// Fill `func` (whose signature is `native_signature`) with the
/// translation of `code`.
pub(super) fn translate(
    code: &CodeObject,
    globals: Option<&Value>,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
    call_conv: CallConv,
    frontend: TargetFrontendConfig,
) {
    let mut b = FunctionBuilder::new(func, fctx);
    let callees = Callees::import(&mut b, call_conv);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    let blocks: Vec<Block> = code.instrs.iter().map(|_| b.create_block()).collect();
    let end = b.create_block();
    b.switch_to_block(entry);
    let ctx = b.block_params(entry)[0];
    let regs = b.block_params(entry)[1];
    let mut range_loops = std::collections::HashMap::new();
    for pc in range_loop_pcs(code) {
        let slot = b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            RangeLoop::SIZE,
            3,
        ));
        // No loop counts until its `GetIter` says so.
        let off = b.ins().iconst(types::I32, 0);
        b.ins()
            .stack_store(types::I64, off, slot, RangeLoop::ACTIVE);
        range_loops.insert(pc, slot);
    }
    let suspends = suspends(code);
    let known = calls::known_callees(code, globals);
    let pure_calls: Vec<(u32, typed::Ty)> = known
        .iter()
        .filter_map(|(&pc, callee)| Some((pc, callee.pure_returns()?)))
        .collect();
    let math = math::math_sites(code, globals);
    let math_calls: Vec<u32> = math.keys().copied().collect();
    let typing = typed::may_type(code, suspends)
        .then(|| typed::Typing::new(&mut b, code, blocks.clone(), &pure_calls, &math_calls))
        .flatten();
    let mut t = Translator {
        b,
        code,
        callees,
        ctx,
        regs,
        blocks,
        end,
        error_blocks: Vec::new(),
        polls: Vec::new(),
        frontend,
        range_loops,
        typing,
        known,
        math,
        callee_frame: None,
        in_typed_copy: false,
    };
    // (The entry block is finished first: Cranelift's entry is the first
    // block to get an instruction.)
    let typed_blocks = if suspends {
        t.resume_switch();
        None
    } else if t.typing.is_some() {
        Some(t.enter_typed_copy())
    } else {
        t.b.ins().jump(t.blocks[0], &[]);
        None
    };
    let reentries = t
        .typing
        .as_ref()
        .map_or(Vec::new(), |ty| ty.reentries.clone());
    for pc in 0..code.instrs.len() {
        t.b.switch_to_block(t.blocks[pc]);
        if let Some(typed) = typed_blocks
            .as_ref()
            .filter(|_| reentries.contains(&(pc as u32)))
        {
            t.reenter_typed_copy(pc as u32, typed[pc]);
        }
        t.instr(pc as u32);
    }
    if let Some(typed_blocks) = typed_blocks {
        t.typed_copy(typed_blocks);
    }
    t.finish();
}

struct Translator<'a, 'b> {
    b: FunctionBuilder<'b>,
    code: &'a CodeObject,
    callees: Callees,
    ctx: ir::Value,
    regs: ir::Value,
    blocks: Vec<Block>,
    /// Falling off the end of the code (never happens: code ends in a
    /// `Return`) returns `None`.
    end: Block,
    /// Error blocks still to fill: (block, pc of the failing instruction).
    error_blocks: Vec<(Block, u32)>,
    /// Back-edge blocks still to fill: (block, pc of the branch, block of
    /// the target).
    polls: Vec<(Block, u32, Block)>,
    frontend: TargetFrontendConfig,
    /// The stack slot of each counted range loop, by its `ForIter`'s pc.
    range_loops: std::collections::HashMap<u32, StackSlot>,
    /// Functions with loops: the typed copy (see `typed`).
    typing: Option<typed::Typing>,
    /// `Call` sites specialised to a known function (see `calls`).
    known: std::collections::HashMap<u32, calls::KnownCallee>,
    /// `math.sqrt` call sites (see `math`).
    math: std::collections::HashMap<u32, math::MathSite>,
    /// The stack slot of direct calls' frame contexts, once one needs it.
    callee_frame: Option<StackSlot>,
    /// Translating the typed copy, whose loops are hot: releases decrement
    /// inline (see `release_if_obj`).
    in_typed_copy: bool,
}

impl<'f> Words<'f> for Translator<'_, 'f> {
    fn fb(&mut self) -> &mut FunctionBuilder<'f> {
        &mut self.b
    }
}

impl Translator<'_, '_> {
    fn call(&mut self, c: Callee, args: &[ir::Value]) -> Option<ir::Value> {
        let addr = self.b.ins().iconst(types::I64, c.addr);
        let inst = self.b.ins().call_indirect(c.sig, addr, args);
        self.b.inst_results(inst).first().copied()
    }

    fn const32(&mut self, v: u32) -> ir::Value {
        self.b.ins().iconst(types::I32, v as i64)
    }

    fn next(&self, pc: u32) -> Block {
        self.blocks
            .get(pc as usize + 1)
            .copied()
            .unwrap_or(self.end)
    }

    /// A new block that handles an exception raised by instruction `pc`.
    fn error_block(&mut self, pc: u32) -> Block {
        let blk = self.b.create_block();
        self.b.set_cold_block(blk);
        self.error_blocks.push((blk, pc));
        blk
    }

    /// The block a branch from `pc` to `target` goes to: the target's own
    /// block, or for a backward branch one that polls the limits first.
    fn branch_to(&mut self, pc: u32, target: u32) -> Block {
        if target > pc {
            return self.blocks[target as usize];
        }
        let poll = self.b.create_block();
        let dest = self.blocks[target as usize];
        self.polls.push((poll, pc, dest));
        poll
    }

    /// A generator's entry: jump to where `JitFrame::resume_at` says — the
    /// start, the instruction after a `yield`, or the error path of a
    /// `yield` an exception was thrown in at.
    fn resume_switch(&mut self) {
        let at = self.b.ins().load(
            types::I32,
            MemFlagsData::trusted(),
            self.ctx,
            std::mem::offset_of!(super::JitFrame, resume_at) as i32,
        );
        let mut switch = Switch::new();
        switch.set_entry(0, self.blocks[0]);
        for (pc, ins) in self.code.instrs.iter().enumerate() {
            if matches!(ins, Instr::Yield { .. } | Instr::YieldFrom { .. }) {
                let after = self.next(pc as u32);
                switch.set_entry(pc as u128 + 1, after);
                let err = self.error_block(pc as u32);
                switch.set_entry((RESUME_RAISE + pc as u32) as u128, err);
            }
        }
        switch.emit(&mut self.b, at, self.blocks[0]);
    }

    /// Translate instruction `pc` into the current block.
    fn instr(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let cold = !self.in_typed_copy
            && self
                .typing
                .as_ref()
                .is_some_and(|t| t.general_copy_is_cold(pc));
        if cold && compact_in_general_copy(&ins) {
            return self.generic(pc, ins);
        }
        match ins {
            Instr::Nop => {
                let next = self.next(pc);
                self.b.ins().jump(next, &[]);
            }
            Instr::Jump { target } => {
                let dest = self.branch_to(pc, target);
                self.b.ins().jump(dest, &[]);
            }
            Instr::Return { src, .. } => self.return_(src),
            Instr::Move { dst, src } if self.fast_move(pc, dst, src) => {}
            Instr::Move { dst, src } | Instr::Copy { dst, src } => self.copy(pc, dst, src),
            Instr::LoadConst { dst, idx } => self.load_const(pc, dst, idx),
            Instr::Compare {
                dst,
                a,
                b,
                op: op @ (CmpOp::Is | CmpOp::IsNot),
            } => self.identity(pc, dst, a, b, op == CmpOp::Is),
            Instr::Clear { reg } => self.clear(pc, reg),
            Instr::Add { dst, a, b } | Instr::InplaceAdd { dst, a, b } => {
                self.arith(pc, ins, Arith::Add, dst, a, b)
            }
            Instr::Sub { dst, a, b } | Instr::InplaceSub { dst, a, b } => {
                self.arith(pc, ins, Arith::Sub, dst, a, b)
            }
            Instr::Mul { dst, a, b } => self.arith(pc, ins, Arith::Mul, dst, a, b),
            Instr::FloorDiv { dst, a, b } => self.arith(pc, ins, Arith::FloorDiv, dst, a, b),
            Instr::Mod { dst, a, b } => self.arith(pc, ins, Arith::Mod, dst, a, b),
            Instr::TrueDiv { dst, a, b } => self.arith(pc, ins, Arith::TrueDiv, dst, a, b),
            Instr::BinOp { op, dst, a, b } | Instr::Inplace { op, dst, a, b } => {
                match Arith::of(op) {
                    Some(op) => self.arith(pc, ins, op, dst, a, b),
                    None => self.generic(pc, ins),
                }
            }
            Instr::Lt { dst, a, b }
            | Instr::Le { dst, a, b }
            | Instr::Gt { dst, a, b }
            | Instr::Ge { dst, a, b }
            | Instr::Eq { dst, a, b }
            | Instr::Ne { dst, a, b } => self.compare(pc, ins, dst, a, b),
            Instr::JumpIfNotLt { a, b, target }
            | Instr::JumpIfNotLe { a, b, target }
            | Instr::JumpIfNotGt { a, b, target }
            | Instr::JumpIfNotGe { a, b, target }
            | Instr::JumpIfNotEq { a, b, target }
            | Instr::JumpIfNotNe { a, b, target } => self.compare_branch(pc, ins, a, b, target),
            Instr::JumpIfIs { a, b, target } => self.identity_branch(pc, a, b, target, true),
            Instr::JumpIfIsNot { a, b, target } => self.identity_branch(pc, a, b, target, false),
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfFalseKeep { cond, target } => {
                self.bool_branch(pc, ins, cond, target, false)
            }
            Instr::JumpIfTrue { cond, target } | Instr::JumpIfTrueKeep { cond, target } => {
                self.bool_branch(pc, ins, cond, target, true)
            }
            Instr::Yield { src, .. } => self.yield_value(pc, src),
            Instr::YieldFrom { .. } => self.yield_from(pc),
            Instr::Call { .. } if self.known.contains_key(&pc) => {
                let callee = self.known.remove(&pc).expect("checked");
                self.known_call(pc, ins, &callee);
                self.known.insert(pc, callee);
            }
            Instr::Call { dst, func, argc } => {
                if let Some(slot) = self.counted_range_call(pc, dst) {
                    self.range_call(pc, slot, func, argc);
                }
                self.through(self.callees.call, pc, ins)
            }
            Instr::CallMethod { .. } => self.through(self.callees.call, pc, ins),
            Instr::WithEnter { .. } | Instr::WithExit { .. } => {
                self.through(self.callees.with_call, pc, ins)
            }
            Instr::LoadGlobal { dst, name } => self.load_global(pc, ins, dst, name),
            Instr::GetAttr { dst, obj, name } => self.get_attr(pc, ins, dst, obj, name),
            Instr::SetAttr { obj, name, src } => self.set_attr(pc, ins, obj, name, src),
            Instr::GetItem { dst, obj, idx } => self.get_item(pc, ins, dst, obj, idx),
            Instr::SetItem { obj, idx, src } => self.set_item(pc, ins, obj, idx, src),
            Instr::ForIter { dst, iter, target } => self.for_iter(pc, ins, dst, iter, target),
            // (A source among the targets takes the general path.)
            Instr::Unpack { src, dst, n } if !(dst..dst + n).contains(&src) => {
                self.unpack(pc, ins, src, dst, n)
            }
            Instr::BuildTuple { dst, start, n } => self.build_tuple(pc, ins, dst, start, n),
            Instr::GetIter { dst, src } => self.get_iter(pc, ins, dst, src),
            Instr::PushHandled { exc } => {
                let w = self.load_reg(exc);
                self.call(self.callees.push_handled, &[self.ctx, w]);
                let next = self.next(pc);
                self.b.ins().jump(next, &[]);
            }
            Instr::PopHandled => {
                self.call(self.callees.pop_handled, &[self.ctx]);
                let next = self.next(pc);
                self.b.ins().jump(next, &[]);
            }
            _ => self.generic(pc, ins),
        }
    }

    /// The instruction through `step` (or `step_slow` when the VM's loop
    /// has no fast path for it to try), then the branch on its answer.
    fn generic(&mut self, pc: u32, ins: Instr) {
        self.through(self.generic_entry(&ins), pc, ins)
    }

    /// The runtime entry of `ins`'s general path (see `generic`).
    pub(super) fn generic_entry(&self, ins: &Instr) -> Callee {
        if crate::vm::dispatch::loop_has_fast_path(ins) {
            self.callees.step
        } else {
            self.callees.step_slow
        }
    }

    /// The instruction through runtime entry `entry` (which answers like
    /// `step`), then the branch on its answer.
    pub(super) fn through(&mut self, entry: Callee, pc: u32, ins: Instr) {
        let pcv = self.const32(pc);
        let r = self
            .call(entry, &[self.ctx, self.regs, pcv])
            .expect("the entry returns the next pc");
        let failed = self.b.ins().icmp_imm_u(IntCC::Equal, r, PC_ERROR as i64);
        let err = self.error_block(pc);
        let next = self.next(pc);
        match ins.target() {
            None => {
                self.b.ins().brif(failed, err, &[], next, &[]);
            }
            Some(target) => {
                let ok = self.b.create_block();
                self.b.ins().brif(failed, err, &[], ok, &[]);
                self.b.switch_to_block(ok);
                let taken = self.b.ins().icmp_imm_u(IntCC::Equal, r, target as i64);
                let dest = self.branch_to(pc, target);
                self.b.ins().brif(taken, dest, &[], next, &[]);
            }
        }
    }

    /// The first step of `yield from`: done, yielded (return the yield
    /// word, to be resumed after this instruction) or raised.
    fn yield_from(&mut self, pc: u32) {
        let pcv = self.const32(pc);
        let r = self
            .call(self.callees.yield_from, &[self.ctx, self.regs, pcv])
            .expect("yield_from returns");
        let failed = self.b.ins().icmp_imm_u(IntCC::Equal, r, PC_ERROR as i64);
        let err = self.error_block(pc);
        let ok = self.b.create_block();
        self.b.ins().brif(failed, err, &[], ok, &[]);
        self.b.switch_to_block(ok);
        let yielded = self.b.ins().icmp_imm_u(IntCC::Equal, r, PC_YIELDED as i64);
        let ret = self.b.create_block();
        let next = self.next(pc);
        self.b.ins().brif(yielded, ret, &[], next, &[]);
        self.b.switch_to_block(ret);
        let word = self.b.ins().iconst(types::I64, YIELD_WORD as i64);
        self.b.ins().return_(&[word]);
    }

    /// `yield src`, inline: the value (moved out of a temporary, else a
    /// new reference) is parked in the context with the pc to resume at,
    /// and the code returns `YIELD_WORD` (see `run_generator`, which takes
    /// the value out again, so the slot holds none here).
    fn yield_value(&mut self, pc: u32, src: Reg) {
        let word = self.load_reg(src);
        if src >= self.code.temp_base {
            self.unbind_reg(src);
        } else {
            self.retain_if_obj(word);
        }
        let flags = MemFlagsData::trusted();
        let yielded = std::mem::offset_of!(super::JitFrame, yielded) as i32;
        self.b.ins().store(flags, word, self.ctx, yielded);
        let resume_at = self.const32(pc + 1);
        let yielded_at = std::mem::offset_of!(super::JitFrame, yielded_at) as i32;
        self.b.ins().store(flags, resume_at, self.ctx, yielded_at);
        let yield_word = self.b.ins().iconst(types::I64, YIELD_WORD as i64);
        self.b.ins().return_(&[yield_word]);
    }

    /// The word of the running code's globals (`JitFrame::globals` points
    /// at it): what global-load caches and known calls compare.
    fn running_globals_word(&mut self) -> ir::Value {
        let flags = MemFlagsData::trusted();
        let at = std::mem::offset_of!(super::JitFrame, globals) as i32;
        let globals_at = self.b.ins().load(types::I64, flags, self.ctx, at);
        self.b.ins().load(types::I64, flags, globals_at, 0)
    }

    /// Address of register `r` relative to the register file.
    fn reg_offset(r: Reg) -> i32 {
        r as i32 * 8
    }

    /// A register's word: an immediate for a constant register (constants
    /// are never written, and an immediate lets Cranelift fold the tag
    /// checks and strength-reduce `% 7`), else a load.
    fn load_reg(&mut self, r: Reg) -> ir::Value {
        if let Some(c) = self.code.const_reg(r) {
            let bits = c.bits();
            return self.b.ins().iconst(types::I64, bits as i64);
        }
        self.b.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.regs,
            Self::reg_offset(r),
        )
    }

    fn store_reg(&mut self, r: Reg, v: ir::Value) {
        debug_assert!(
            self.code.const_reg(r).is_none(),
            "a store to a constant register"
        );
        self.b
            .ins()
            .store(MemFlagsData::trusted(), v, self.regs, Self::reg_offset(r));
    }

    /// Empty register `r` (a temporary whose value moved out).
    fn unbind_reg(&mut self, r: Reg) {
        let unbound = self
            .b
            .ins()
            .iconst(types::I64, Value::UNBOUND.bits() as i64);
        self.store_reg(r, unbound);
    }

    /// `dst = src` where the value is moved out of a temporary: words move
    /// without touching reference counts; the old value of `dst` is
    /// released through the runtime only when it is a heap object. Only a
    /// move out of a temporary qualifies (a copy of a local would need an
    /// increment).
    fn fast_move(&mut self, pc: u32, dst: Reg, src: Reg) -> bool {
        if src < self.code.temp_base || dst == src {
            return false;
        }
        let v = self.load_reg(src);
        self.unbind_reg(src);
        let old = self.load_reg(dst);
        self.store_reg(dst, v);
        self.release_if_obj(old);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
        true
    }

    /// Release `word` through the runtime if it is a heap object; leaves
    /// the builder in a block after the release. (A call rather than the
    /// inline decrement of `decref_if_obj`: every instruction that
    /// overwrites a register has one, and the smaller code compiles
    /// faster; but in the typed copy, whose loops are what runs, the
    /// decrement: `c = bodies[j]` of nbody released the old list through
    /// the runtime in every iteration.)
    fn release_if_obj(&mut self, word: ir::Value) {
        if self.in_typed_copy {
            self.decref_if_obj(word);
            return;
        }
        let is_obj = self.is_obj(word);
        self.call_when(is_obj, self.callees.release, &[self.ctx, word], false);
    }

    /// Call `callee` with `args` only when `cond` holds (in a cold block
    /// when `cold`), then go on in a new block.
    fn call_when(&mut self, cond: ir::Value, callee: Callee, args: &[ir::Value], cold: bool) {
        let run = self.b.create_block();
        if cold {
            self.b.set_cold_block(run);
        }
        let after = self.b.create_block();
        self.b.ins().brif(cond, run, &[], after, &[]);
        self.b.switch_to_block(run);
        self.call(callee, args);
        self.b.ins().jump(after, &[]);
        self.b.switch_to_block(after);
    }

    /// A new reference for `word` when it is a heap object (it is about to
    /// be stored in a second place), counted inline; leaves the builder
    /// after it.
    fn retain_if_obj(&mut self, word: ir::Value) {
        let is_obj = self.is_obj(word);
        let count = self.b.create_block();
        let after = self.b.create_block();
        self.b.ins().brif(is_obj, count, &[], after, &[]);
        self.b.switch_to_block(count);
        self.incref(word);
        self.b.ins().jump(after, &[]);
        self.b.switch_to_block(after);
    }

    /// The blocks of the typed copy, entered from the entry block (the
    /// builder's current block): one per instruction it reaches; those it
    /// never reaches share the general copy's block.
    fn enter_typed_copy(&mut self) -> Vec<Block> {
        let states = &self.typing.as_ref().expect("a typed copy").states;
        let typed_blocks: Vec<Block> = states
            .iter()
            .zip(&self.blocks)
            .map(|(s, &general)| match s {
                Some(_) => self.b.create_block(),
                None => general,
            })
            .collect();
        self.b.ins().jump(typed_blocks[0], &[]);
        typed_blocks
    }

    /// Translate the typed copy into `typed_blocks` (see `typed`).
    fn typed_copy(&mut self, typed_blocks: Vec<Block>) {
        let general = std::mem::replace(&mut self.blocks, typed_blocks);
        self.in_typed_copy = true;
        for (pc, &shared) in general.iter().enumerate() {
            let typed = self.blocks[pc];
            if typed != shared {
                self.b.switch_to_block(typed);
                self.typed_instr(pc as u32);
            }
        }
        self.fill_exit_tails();
        self.in_typed_copy = false;
        self.blocks = general;
    }

    /// Fill the error blocks and the end block, and finish the function.
    fn finish(mut self) {
        // Polls first: they add error blocks.
        while let Some((poll, pc, dest)) = self.polls.pop() {
            // `Interp::tick` inline: count down, and call the runtime only
            // when the count reaches the check (every `TICK_CHUNK` ticks).
            self.b.switch_to_block(poll);
            let interp = self.b.ins().load(
                types::I64,
                MemFlagsData::trusted(),
                self.ctx,
                std::mem::offset_of!(super::JitFrame, interp) as i32,
            );
            let counter_at = std::mem::offset_of!(crate::runtime::Interp, ticks_until_check) as i32;
            let left = self
                .b
                .ins()
                .load(types::I64, MemFlagsData::trusted(), interp, counter_at);
            let due = self
                .b
                .ins()
                .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, left, 1);
            let count = self.b.create_block();
            let check = self.b.create_block();
            self.b.set_cold_block(check);
            self.b.ins().brif(due, check, &[], count, &[]);
            self.b.switch_to_block(count);
            let left = self.b.ins().iadd_imm_s(left, -1);
            self.b
                .ins()
                .store(MemFlagsData::trusted(), left, interp, counter_at);
            self.b.ins().jump(dest, &[]);
            self.b.switch_to_block(check);
            let r = self
                .call(self.callees.tick, &[self.ctx])
                .expect("tick returns");
            let err = self.error_block(pc);
            self.b.ins().brif(r, err, &[], dest, &[]);
        }
        while let Some((blk, pc)) = self.error_blocks.pop() {
            self.b.switch_to_block(blk);
            let pcv = self.const32(pc);
            match self.code.handler_for(pc) {
                Some(h) => {
                    let target = self.blocks[h.target as usize];
                    self.call(self.callees.catch, &[self.ctx, self.regs, pcv]);
                    self.b.ins().jump(target, &[]);
                }
                None => {
                    self.call(self.callees.unwind, &[self.ctx, pcv]);
                    let word = self.b.ins().iconst(types::I64, ERROR_WORD as i64);
                    self.b.ins().return_(&[word]);
                }
            }
        }
        self.b.switch_to_block(self.end);
        let none = self.b.ins().iconst(types::I64, Value::NONE.bits() as i64);
        self.b.ins().return_(&[none]);
        self.b.seal_all_blocks();
        self.b.finalize(self.frontend);
    }
}
