//! Direct native calls: `f(args)` of a known Python function as a machine
//! call from one translation into another, with no runtime call between.
//!
//! Why: a call through the runtime (`runtime_calls::call` → `direct_call`
//! → `call_in_window` → `run_window`) costs some 500 instructions of
//! checks, frame entry and window bookkeeping, more than the body of a
//! small function. When the translation of a code object is made, the
//! global a `Call` loads its function from usually already holds that
//! function (`fib` inside `fib`, helpers defined before `main` runs), so
//! the call site can be specialised to it: the callee's register count,
//! initial registers, frame info and globals are compile-time facts, and
//! the frame entry the runtime would do (`frame::enter_entry` and
//! `leave_entry`: tick, recursion depth and native stack, frame stack,
//! register window) is a handful of loads and stores.
//!
//! The specialisation is guarded, never trusted: the register must hold
//! that very function object (word equality; the translation pins the
//! object's address, `Value::pin_address`, so no other object can ever
//! have that word), the callee must be compiled, the caller must run in
//! the callee's globals, and the tick count, recursion limit, native stack,
//! frame stack and register stack must have room. Anything else takes the
//! runtime call, which does the same work the general way (and reports
//! `RecursionError` and limits).
//!
//! Only callees whose frames need nothing more qualify: parameters that
//! bind one to one, no cells or closure, no exception handlers (so the
//! handled-exception stack cannot change), not a generator. And only call
//! sites that may run often get the specialised code, which adds to the
//! caller's compile time whether it runs or not: calls inside a loop, and
//! recursive calls.

use super::words::Words;
use super::{Translator, ERROR_WORD};
use crate::bytecode::instr::{Instr, Reg, NO_REG};
use crate::bytecode::CodeObject;
use crate::jit::JitFrame;
use crate::runtime::frame_stack::FrameStack;
use crate::runtime::object::{Code, Obj};
use crate::runtime::value::{STRONG_COUNT_OFFSET, TAG_OBJ, TAG_SHIFT};
use crate::runtime::{Interp, Value};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind};
use std::collections::HashMap;
use std::mem::offset_of;

/// Callees with at most this many registers get their window filled and
/// checked by inline code; larger ones by runtime calls (smaller code,
/// which compiles faster: a call site is translated whether or not it
/// runs often).
const INLINE_WINDOW: usize = 12;

/// What a call site specialised to one function knows about it.
pub(super) struct KnownCallee {
    /// The function object's word (the guard).
    func_word: u64,
    /// Its code object.
    code: *const CodeObject,
    /// Its globals value (inside the function object) and that value's word.
    globals: *const Value,
    globals_word: u64,
    /// Words of the callee's registers after the arguments, as a call
    /// starts them (`reg_init`).
    init: Vec<u64>,
    /// Registers that may hold a heap object when the callee returns, to
    /// release (constants holding objects included: the window holds a
    /// reference to each). Used by windows of up to `INLINE_WINDOW`.
    release: Vec<Reg>,
    nregs: usize,
    /// When the callee qualifies for a pure entry (`pure`), which the
    /// call tries first: what its returns return.
    pure: Option<super::pure::PureSummary>,
}

impl KnownCallee {
    /// When the call tries the callee's pure entry first: what the
    /// callee's returns return.
    pub(super) fn pure_returns(&self) -> Option<super::typed::Ty> {
        Some(self.pure?.returns)
    }

    /// The function the call site is specialised to (the guard's word).
    pub(super) fn func_word(&self) -> u64 {
        self.func_word
    }
}

/// The `Call` sites of `code` whose function is a global that, in
/// `globals` now, holds a function a direct call can run; the functions
/// are pinned in `code.native` (see the module doc).
pub(super) fn known_callees(
    code: &CodeObject,
    globals: Option<&Value>,
) -> HashMap<u32, KnownCallee> {
    let mut sites = HashMap::new();
    let Some(Obj::Dict(dict)) = globals.and_then(Value::as_obj) else {
        return sites;
    };
    let globals = globals.expect("matched above");
    let loops = loop_ranges(code);
    for (pc, ins) in code.instrs.iter().enumerate() {
        let Instr::Call { func, argc, .. } = *ins else {
            continue;
        };
        let in_loop = loops.iter().any(|r| r.contains(&(pc as u32)));
        let Some(name) = loaded_global(code, pc, func) else {
            continue;
        };
        let Some(f) = dict.borrow().get_str(&code.names[name as usize]).cloned() else {
            continue;
        };
        let Some(callee) = known_callee(&f, argc as usize, globals) else {
            continue;
        };
        // Only calls that may run often are worth their code (each site
        // adds to the caller's compile time): in a loop, or recursive.
        if !in_loop && !std::ptr::eq(callee.code, code) {
            continue;
        }
        if let Some(pin) = f.pin_address() {
            code.native.pins.borrow_mut().push(pin);
            sites.insert(pc as u32, callee);
        }
    }
    sites
}

/// The pcs of each loop of `code`: from a backward branch's target to
/// the branch.
fn loop_ranges(code: &CodeObject) -> Vec<std::ops::RangeInclusive<u32>> {
    code.instrs
        .iter()
        .enumerate()
        .filter_map(|(pc, ins)| {
            let target = ins.target()?;
            (target <= pc as u32).then_some(target..=pc as u32)
        })
        .collect()
}

/// The global name whose `LoadGlobal` into `func` comes last before `pc`,
/// if nothing else in between writes it. (A guess, not a proof: the call
/// checks the function it finds there.)
pub(super) fn loaded_global(code: &CodeObject, pc: usize, func: Reg) -> Option<u16> {
    match code.instrs[loading_pc(code, pc, func)?] {
        Instr::LoadGlobal { name, .. } => Some(name),
        _ => None,
    }
}

/// The pc of the `LoadGlobal` `loaded_global` finds.
pub(super) fn loading_pc(code: &CodeObject, pc: usize, func: Reg) -> Option<usize> {
    super::typed::last_writer(code, pc, func)
        .filter(|&at| matches!(code.instrs[at], Instr::LoadGlobal { .. }))
}

/// `func` and its code when a call with `nargs` arguments from code
/// running in `globals` needs nothing of its frame beyond what generated
/// code sets up itself (below): parameters that bind one to
/// one, no cells or closure, no exception handlers (so the
/// handled-exception stack cannot change), not a generator, the same
/// globals (so the runtime's globals stack stays).
fn frameless_callee<'a>(
    func: &'a Value,
    nargs: usize,
    globals: &Value,
) -> Option<(&'a crate::runtime::object::Function, &'a CodeObject)> {
    let Some(Obj::Function(fo)) = func.as_obj() else {
        return None;
    };
    let Code::Bytecode(code) = &fo.code else {
        return None;
    };
    let qualifies = fo.fast_arity as usize == nargs
        && !fo.is_generator
        && !code.is_generator
        && fo.closure.is_empty()
        && code.cell_slots.is_empty()
        && code.nfree == 0
        && code.handlers.is_empty()
        && fo.globals.is(globals)
        && nargs <= code.nregs as usize;
    qualifies.then_some((&**fo, &**code))
}

/// The facts a direct call of `f` with `argc` arguments from code running
/// in `globals` needs, or `None` when `f` does not qualify.
fn known_callee(f: &Value, argc: usize, globals: &Value) -> Option<KnownCallee> {
    let (fo, callee) = frameless_callee(f, argc, globals)?;
    let nregs = callee.nregs as usize;
    let init = (argc..nregs)
        .map(|r| {
            callee
                .reg_init
                .get(r)
                .map_or(Value::UNBOUND.bits(), Value::bits)
        })
        .collect();
    let (cbase, tbase) = (
        (callee.nslots + callee.nfree) as usize,
        callee.temp_base as usize,
    );
    let release = (0..nregs)
        .filter(|&r| {
            !(cbase..tbase).contains(&r) || callee.const_reg(r as Reg).is_some_and(Value::is_obj)
        })
        .map(|r| r as Reg)
        .collect();
    Some(KnownCallee {
        func_word: f.bits(),
        code: callee as *const CodeObject,
        globals: &fo.globals as *const Value,
        globals_word: fo.globals.bits(),
        init,
        release,
        nregs,
        pure: super::pure::summary(callee, globals),
    })
}

/// The one-word value every frame made by a direct call points at as its
/// namespace (functions have none).
static NO_NAMESPACE: u64 = crate::runtime::value::UNBOUND_BITS;

/// A direct call's callee as IR values (constants, but for the entry,
/// which is loaded: the callee may be compiled after the caller).
struct CalleeParts {
    code: ir::Value,
    /// Pointer to the callee's globals value, and that value's word.
    globals: ir::Value,
    globals_word: ir::Value,
    info: ir::Value,
    entry: ir::Value,
    nregs: ir::Value,
}

/// What entering a native call computed that leaving it needs.
struct Entered {
    interp: ir::Value,
    depth: ir::Value,
    depth1: ir::Value,
    nframes: ir::Value,
    top: ir::Value,
    window: ir::Value,
    /// The callee's frame context (a stack slot of the caller).
    frame: ir::Value,
}

const FRAMES: i32 = offset_of!(Interp, frames) as i32;
const REG_STACK: i32 = offset_of!(Interp, native_regs) as i32;
const TICKS: i32 = offset_of!(Interp, ticks_until_check) as i32;
const DEPTH: i32 = offset_of!(Interp, depth) as i32;

impl Translator<'_, '_> {
    /// `Call { dst, func, argc }` at `pc` as a direct call of `callee`
    /// (see the module doc), falling back to the runtime's call.
    pub(super) fn known_call(&mut self, pc: u32, ins: Instr, callee: &KnownCallee) {
        let Instr::Call { dst, func, argc } = ins else {
            unreachable!("direct calls are of Call instructions");
        };
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        let flags = MemFlagsData::trusted();
        let i64_ = types::I64;

        let fword = self.load_reg(func);
        self.guard(IntCC::Equal, fword, callee.func_word as i64, slow);
        if callee.pure.is_some() {
            self.pure_call(pc, dst, func, argc as usize, callee, fword);
        }
        // SAFETY (of the addresses): the guard above found the function
        // object alive, which holds its code.
        let (entry_at, info) = unsafe {
            (
                std::ptr::addr_of!((*callee.code).native.entry) as i64,
                (*callee.code).frame_info.meta_ptr() as i64,
            )
        };
        let entry_at = self.b.ins().iconst(i64_, entry_at);
        let entry = self.b.ins().load(i64_, flags, entry_at, 0);
        self.guard(IntCC::NotEqual, entry, 0, slow);
        let parts = CalleeParts {
            code: self.b.ins().iconst(i64_, callee.code as i64),
            globals: self.b.ins().iconst(i64_, callee.globals as i64),
            globals_word: self.b.ins().iconst(i64_, callee.globals_word as i64),
            info: self.b.ins().iconst(i64_, info),
            entry,
            nregs: self.b.ins().iconst(i64_, callee.nregs as i64),
        };
        let e = self.enter_native(&parts, slow);
        self.set_position(pc);
        self.unbind_reg(func);
        self.move_args(&e, func + 1, argc as usize);
        if callee.nregs <= INLINE_WINDOW {
            for (i, &bits) in callee.init.iter().enumerate() {
                let w = self.b.ins().iconst(i64_, bits as i64);
                self.b
                    .ins()
                    .store(flags, w, e.window, (argc as usize + i) as i32 * 8);
                if bits >> TAG_SHIFT == TAG_OBJ {
                    self.incref(w);
                }
            }
        } else {
            let argc = self.const32(argc as u32);
            self.call(self.callees.init_window, &[e.window, parts.code, argc]);
        }
        let word = self.call_native(&e, &parts);
        self.leave_native(&e);
        self.release_window(e.window, callee);
        self.pop_window(&e);
        self.finish_native_call(pc, dst, &e, word, fword);

        self.b.switch_to_block(slow);
        self.through(self.callees.call, pc, ins);
    }

    /// Try the pure entry of `callee` (see `pure`): on success the result
    /// goes to `dst` and the code goes on after the call; when the callee
    /// has no pure entry (yet), runs in other globals or gives up, the
    /// builder is left where the frame-making call starts, nothing changed.
    fn pure_call(
        &mut self,
        pc: u32,
        dst: Reg,
        func: Reg,
        argc: usize,
        callee: &KnownCallee,
        fword: ir::Value,
    ) {
        let framed = self.b.create_block();
        let args: Vec<(ir::Value, bool)> = (0..argc)
            .map(|i| (self.load_reg(func + 1 + i as Reg), true))
            .collect();
        let word = self.call_pure_entry(callee, &args, framed);
        // Done: the arguments were immediates (pure code checks), the
        // result is one; the function's reference from `LoadGlobal` goes.
        for r in func..=func + argc as Reg {
            self.unbind_reg(r);
        }
        self.decref_if_obj(fword);
        if dst != NO_REG {
            self.put_word(dst, word);
        }
        self.poll_finalizers();
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
        self.b.switch_to_block(framed);
    }

    /// Call the pure entry of `callee` with the argument words `args`
    /// (each with whether it may be an object: then it is checked not to
    /// be, since the caller consumes the arguments without releasing
    /// them): its result word, in the block the builder is left in. To
    /// `fail` when the callee has no pure entry (yet) for these globals,
    /// an argument is an object, a function its pure code calls is no
    /// longer what its global holds (`verify_pure_callees`) or its pure
    /// code gives up (counted: `pure_gave_up`), with nothing changed.
    pub(super) fn call_pure_entry(
        &mut self,
        callee: &KnownCallee,
        args: &[(ir::Value, bool)],
        fail: ir::Block,
    ) -> ir::Value {
        let flags = MemFlagsData::trusted();
        let i64_ = types::I64;
        for &(w, may_be_obj) in args {
            if may_be_obj {
                let obj = self.is_obj(w);
                self.branch_if(obj, fail);
            }
        }
        // SAFETY (of the addresses): the caller's guard found the function
        // alive, which holds its code.
        let (entry_at, globals_at, epoch_seen_at) = unsafe {
            let native = &(*callee.code).native;
            (
                native.pure_entry_address() as i64,
                native.pure_globals_address() as i64,
                native.pure_epoch_address() as i64,
            )
        };
        let entry_at = self.b.ins().iconst(i64_, entry_at);
        let entry = self.b.ins().load(i64_, flags, entry_at, 0);
        self.guard(IntCC::NotEqual, entry, 0, fail);
        let globals_at = self.b.ins().iconst(i64_, globals_at);
        let globals = self.b.ins().load(i64_, flags, globals_at, 0);
        self.guard(IntCC::Equal, globals, callee.globals_word as i64, fail);
        let interp = self
            .b
            .ins()
            .load(i64_, flags, self.ctx, offset_of!(JitFrame, interp) as i32);
        if callee.pure.is_some_and(|p| p.calls) {
            self.verify_pure_callees(callee, interp, epoch_seen_at, fail);
        }
        let depth = self.b.ins().load(types::I32, flags, interp, DEPTH);
        let depth = self.b.ins().uextend(i64_, depth);
        let mut call_args = vec![interp, self.b.ins().iadd_imm_s(depth, 1)];
        call_args.extend(args.iter().map(|&(w, _)| w));
        let call_conv = self.b.func.signature.call_conv;
        let sig = self
            .b
            .import_signature(super::pure::pure_signature(call_conv, args.len()));
        let inst = self.b.ins().call_indirect(sig, entry, &call_args);
        let word = self.b.inst_results(inst)[0];
        let gave_up = self.b.create_block();
        self.b.set_cold_block(gave_up);
        let ok = self.b.create_block();
        let failed = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, word, super::pure::PURE_GAVE_UP as i64);
        self.b.ins().brif(failed, gave_up, &[], ok, &[]);
        self.b.switch_to_block(gave_up);
        let code = self.b.ins().iconst(i64_, callee.code as i64);
        self.call(self.callees.pure_gave_up, &[code]);
        self.b.ins().jump(fail, &[]);
        self.b.switch_to_block(ok);
        word
    }

    /// Before entering the pure code of `callee`, which calls other
    /// functions: they must still be what their globals hold, which the
    /// runtime checks (`pure_verify`) only when the globals epoch moved
    /// since it last found them so (noted at `epoch_seen_at`); else to
    /// `fail`.
    fn verify_pure_callees(
        &mut self,
        callee: &KnownCallee,
        interp: ir::Value,
        epoch_seen_at: i64,
        fail: ir::Block,
    ) {
        let flags = MemFlagsData::trusted();
        let i64_ = types::I64;
        let epoch_at = crate::runtime::dict::globals_epoch_cell() as i64;
        let epoch_at = self.b.ins().iconst(i64_, epoch_at);
        let epoch = self.b.ins().load(i64_, flags, epoch_at, 0);
        let epoch_seen_at = self.b.ins().iconst(i64_, epoch_seen_at);
        let seen = self.b.ins().load(i64_, flags, epoch_seen_at, 0);
        let current = self.b.ins().icmp(IntCC::Equal, epoch, seen);
        let (verify, verified) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(verify);
        self.b.ins().brif(current, verified, &[], verify, &[]);
        self.b.switch_to_block(verify);
        let code = self.b.ins().iconst(i64_, callee.code as i64);
        let globals_word = self.b.ins().iconst(i64_, callee.globals_word as i64);
        let still = self
            .call(self.callees.pure_verify, &[interp, code, globals_word])
            .expect("pure_verify answers");
        self.b.ins().brif(still, verified, &[], fail, &[]);
        self.b.switch_to_block(verified);
    }

    /// The checks and work of `frame::enter_entry` for a native call of
    /// `c`: the caller runs in the callee's globals, the tick count, the
    /// recursion limit, the native stack, the frame stack and the register
    /// stack allow it (else to `slow`, with nothing changed); then the
    /// tick, the depth, the frame stack entry and the callee's register
    /// window (uninitialised).
    fn enter_native(&mut self, c: &CalleeParts, slow: ir::Block) -> Entered {
        let flags = MemFlagsData::trusted();
        let i64_ = types::I64;
        let load = |t: &mut Self, ty: ir::Type, base: ir::Value, off: i32| {
            t.b.ins().load(ty, flags, base, off)
        };
        let caller_globals = self.running_globals_word();
        let same = self
            .b
            .ins()
            .icmp(IntCC::Equal, caller_globals, c.globals_word);
        self.branch_unless(same, slow);
        let interp = load(self, i64_, self.ctx, offset_of!(JitFrame, interp) as i32);
        let ticks = load(self, i64_, interp, TICKS);
        self.guard(IntCC::UnsignedGreaterThan, ticks, 1, slow);
        let depth = load(self, types::I32, interp, DEPTH);
        let limit = load(
            self,
            types::I32,
            interp,
            offset_of!(Interp, recursion_limit) as i32,
        );
        let depth1 = self.b.ins().iadd_imm_s(depth, 1);
        let deep = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, depth1, limit);
        self.branch_if(deep, slow);
        let frame_slot = self.callee_frame_slot();
        let frame = self.b.ins().stack_addr(i64_, frame_slot, 0);
        let floor = load(self, i64_, interp, offset_of!(Interp, stack_floor) as i32);
        let low = self.b.ins().icmp(IntCC::UnsignedLessThan, frame, floor);
        self.branch_if(low, slow);
        let nframes = load(self, i64_, interp, FRAMES + FrameStack::LEN_OFFSET);
        let cap = load(self, i64_, interp, FRAMES + FrameStack::CAP_OFFSET);
        let full = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, nframes, cap);
        self.branch_if(full, slow);
        let top = load(
            self,
            i64_,
            interp,
            REG_STACK + crate::jit::RegStack::TOP_OFFSET,
        );
        let room = load(
            self,
            i64_,
            interp,
            REG_STACK + crate::jit::RegStack::LIMIT_OFFSET,
        );
        let new_top = self.b.ins().iadd(top, c.nregs);
        let no_room = self.b.ins().icmp(IntCC::UnsignedGreaterThan, new_top, room);
        self.branch_if(no_room, slow);

        let ticks = self.b.ins().iadd_imm_s(ticks, -1);
        self.b.ins().store(flags, ticks, interp, TICKS);
        self.b.ins().store(flags, depth1, interp, DEPTH);
        let items = load(self, i64_, interp, FRAMES + FrameStack::ITEMS_OFFSET);
        let at = self.b.ins().imul_imm_s(nframes, 8);
        let at = self.b.ins().iadd(items, at);
        self.b.ins().store(flags, c.info, at, 0);
        let nframes1 = self.b.ins().iadd_imm_s(nframes, 1);
        self.b
            .ins()
            .store(flags, nframes1, interp, FRAMES + FrameStack::LEN_OFFSET);
        let base = load(
            self,
            i64_,
            interp,
            REG_STACK + crate::jit::RegStack::BASE_OFFSET,
        );
        let window = self.b.ins().imul_imm_s(top, 8);
        let window = self.b.ins().iadd(base, window);
        self.b.ins().store(
            flags,
            new_top,
            interp,
            REG_STACK + crate::jit::RegStack::TOP_OFFSET,
        );
        Entered {
            interp,
            depth,
            depth1,
            nframes,
            top,
            window,
            frame,
        }
    }

    /// Move the `n` argument registers from `first` into the window.
    fn move_args(&mut self, e: &Entered, first: Reg, n: usize) {
        for i in 0..n {
            let arg = first + i as Reg;
            let w = self.load_reg(arg);
            self.b
                .ins()
                .store(MemFlagsData::trusted(), w, e.window, i as i32 * 8);
            self.unbind_reg(arg);
        }
    }

    /// Fill the callee's frame context and call its machine code on the
    /// window; its answer word.
    fn call_native(&mut self, e: &Entered, c: &CalleeParts) -> ir::Value {
        let i64_ = types::I64;
        let unbound = self.b.ins().iconst(i64_, Value::UNBOUND.bits() as i64);
        // Every field is written: the runtime's entries take the whole
        // context by reference.
        let no_namespace = self
            .b
            .ins()
            .iconst(i64_, &NO_NAMESPACE as *const u64 as i64);
        let zero = self.const32(0);
        let fields: [(usize, ir::Value); 9] = [
            (offset_of!(JitFrame, interp), e.interp),
            (offset_of!(JitFrame, code), c.code),
            (offset_of!(JitFrame, globals), c.globals),
            (offset_of!(JitFrame, ns), no_namespace),
            (offset_of!(JitFrame, depth), e.depth1),
            (offset_of!(JitFrame, resume_at), zero),
            (offset_of!(JitFrame, yielded_at), zero),
            (offset_of!(JitFrame, error), unbound),
            (offset_of!(JitFrame, yielded), unbound),
        ];
        for (off, v) in fields {
            self.b
                .ins()
                .store(MemFlagsData::trusted(), v, e.frame, off as i32);
        }
        let sig = self.callees.native_sig;
        let call = self
            .b
            .ins()
            .call_indirect(sig, c.entry, &[e.frame, e.window]);
        self.b.inst_results(call)[0]
    }

    /// The frame stack and depth as before the call (`leave_entry`).
    fn leave_native(&mut self, e: &Entered) {
        let flags = MemFlagsData::trusted();
        self.b
            .ins()
            .store(flags, e.nframes, e.interp, FRAMES + FrameStack::LEN_OFFSET);
        self.b.ins().store(flags, e.depth, e.interp, DEPTH);
    }

    /// Pop the callee's window (its values already released).
    fn pop_window(&mut self, e: &Entered) {
        self.b.ins().store(
            MemFlagsData::trusted(),
            e.top,
            e.interp,
            REG_STACK + crate::jit::RegStack::TOP_OFFSET,
        );
    }

    /// After a native call: the function's reference `func` given back,
    /// then the callee's exception taken over (to the instruction's error
    /// block) or its result stored in `dst`, then the finalizers that
    /// became due run (once for both releases: nothing in between can
    /// observe them).
    fn finish_native_call(
        &mut self,
        pc: u32,
        dst: Reg,
        e: &Entered,
        word: ir::Value,
        func: ir::Value,
    ) {
        self.decref_if_obj(func);
        let failed = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, word, ERROR_WORD as i64);
        let adopt = self.b.create_block();
        self.b.set_cold_block(adopt);
        let ok = self.b.create_block();
        self.b.ins().brif(failed, adopt, &[], ok, &[]);
        self.b.switch_to_block(adopt);
        self.call(self.callees.adopt_error, &[self.ctx, e.frame]);
        self.poll_finalizers();
        let err = self.error_block(pc);
        self.b.ins().jump(err, &[]);
        self.b.switch_to_block(ok);
        if dst == NO_REG {
            self.decref_if_obj(word);
        } else {
            self.put_word(dst, word);
        }
        self.poll_finalizers();
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// Release the objects a returned callee left in its window: one
    /// straight-line test of every register that may hold one, and the
    /// runtime's `release_window` only when one does (a returning function
    /// usually leaves none: its temporaries are consumed, its locals are
    /// mostly numbers).
    fn release_window(&mut self, window: ir::Value, callee: &KnownCallee) {
        let n = self.const32(callee.nregs as u32);
        if callee.nregs > INLINE_WINDOW {
            self.call(self.callees.release_window, &[window, n]);
            return;
        }
        let flags = MemFlagsData::trusted();
        let mut any: Option<ir::Value> = None;
        for &r in &callee.release {
            let w = self.b.ins().load(types::I64, flags, window, r as i32 * 8);
            let is_obj = self.is_obj(w);
            any = Some(match any {
                None => is_obj,
                Some(a) => self.b.ins().bor(a, is_obj),
            });
        }
        let Some(any) = any else {
            return;
        };
        self.call_when(any, self.callees.release_window, &[window, n], true);
    }

    /// The stack slot the frame contexts of direct calls live in (one per
    /// translation: calls do not nest within one activation).
    fn callee_frame_slot(&mut self) -> ir::StackSlot {
        if let Some(slot) = self.callee_frame {
            return slot;
        }
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            std::mem::size_of::<JitFrame>() as u32,
            3,
        ));
        self.callee_frame = Some(slot);
        slot
    }

    /// Record instruction `pc`'s source position in the code's position
    /// cell (what `logging` reads of a caller), as the runtime's call does.
    fn set_position(&mut self, pc: u32) {
        let cell = std::rc::Rc::as_ptr(&self.code.pos) as i64;
        let cell = self.b.ins().iconst(types::I64, cell);
        let pos = self.const32(self.code.positions[pc as usize]);
        self.b.ins().store(MemFlagsData::trusted(), pos, cell, 0);
    }

    /// Run the finalizers that became due, if any (one load and a branch
    /// otherwise), as the runtime does after a call.
    pub(super) fn poll_finalizers(&mut self) {
        let flag = crate::runtime::value::finalize_pending_flag() as i64;
        let flag = self.b.ins().iconst(types::I64, flag);
        let due = self
            .b
            .ins()
            .load(types::I8, MemFlagsData::trusted(), flag, 0);
        self.call_when(due, self.callees.run_finalizers, &[self.ctx], true);
    }

    /// A new reference to heap object `word`, counted inline.
    pub(super) fn incref(&mut self, word: ir::Value) {
        let count_at = self.strong_count_at(word);
        let flags = MemFlagsData::trusted();
        let n = self.b.ins().load(types::I64, flags, count_at, 0);
        let n = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(flags, n, count_at, 0);
    }

    /// Give up a reference to `word` if it is a heap object: a decrement
    /// inline while others remain, the runtime's release for the last.
    pub(super) fn decref_if_obj(&mut self, word: ir::Value) {
        let is_obj = self.is_obj(word);
        let shared = self.b.create_block();
        let last = self.b.create_block();
        self.b.set_cold_block(last);
        let after = self.b.create_block();
        let check = self.b.create_block();
        self.b.ins().brif(is_obj, check, &[], after, &[]);
        self.b.switch_to_block(check);
        let count_at = self.strong_count_at(word);
        let flags = MemFlagsData::trusted();
        let n = self.b.ins().load(types::I64, flags, count_at, 0);
        let more = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, n, 1);
        self.b.ins().brif(more, shared, &[], last, &[]);
        self.b.switch_to_block(shared);
        let n = self.b.ins().iadd_imm_s(n, -1);
        self.b.ins().store(flags, n, count_at, 0);
        self.b.ins().jump(after, &[]);
        self.b.switch_to_block(last);
        self.call(self.callees.release, &[self.ctx, word]);
        self.b.ins().jump(after, &[]);
        self.b.switch_to_block(after);
    }

    /// The address of heap object `word`'s strong count.
    fn strong_count_at(&mut self, word: ir::Value) -> ir::Value {
        let p = self
            .b
            .ins()
            .band_imm_u(word, crate::runtime::value::PAYLOAD_MASK as i64);
        self.b.ins().iadd_imm_s(p, STRONG_COUNT_OFFSET as i64)
    }
}
