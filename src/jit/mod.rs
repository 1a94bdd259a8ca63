//! The third execution mode: bytecode functions translated to machine
//! code with Cranelift, over the same shared runtime as the tree-walker
//! and the VM.
//!
//! Why translate the VM's bytecode rather than the AST: the bytecode
//! compiler has already done the work every backend needs and that is
//! easy to get subtly wrong — scopes resolved to register slots, cells and
//! closures laid out, `try/except/finally`, `with` and `break`/`continue`/
//! `return` through `finally` lowered to plain jumps plus a static handler
//! table, comprehensions and class bodies turned into code objects. The
//! register machine maps one to one onto Cranelift: registers are a
//! memory array the generated code indexes with constant offsets, every
//! branch target is known statically, and each instruction's handler is a
//! compile-time fact. The JIT therefore only decides *how* to run each
//! instruction, never *what* it means, and cannot drift from the VM.
//!
//! The translation (see `translate`) gives every instruction its own
//! basic block; jumps and loops are real control flow. Instructions with
//! an inline fast path (small-int arithmetic, shifts and comparisons with
//! tag and overflow checks, float and mixed int/float arithmetic, truth
//! tests of bools, `is`, register moves and copies, constants — constant
//! registers are immediates — and `for … in range(…)`, counted in a stack
//! slot, see `translate::RangeLoop`) run without a call, or with only a
//! reference-count call (`runtime_calls::retain`). So do list items and
//! list stores with a small-int index (the list's layout is probed once,
//! see `layout`). Tuple items, iter() and iteration of ranges, lists and
//! tuples, tuple building and unpacking, globals and instance attributes go
//! through small word-in/word-out entries (`runtime_calls::item_word` and
//! friends) over the runtime's inline caches, the registers updated by the
//! generated code. Every other instruction, and every fast path's other
//! cases, is one call into the shared runtime (`runtime_calls::step`,
//! which runs the VM's implementation of that one instruction). A failing
//! call returns a sentinel; the generated code
//! then branches to the innermost handler of that instruction (a block
//! that installs the exception in the handler's register, as the VM's
//! unwinder does) or returns the sentinel to its caller after adding the
//! frame's traceback entry. No Rust panic crosses generated code: every
//! runtime entry point catches unwinding and turns it into an exception.
//!
//! Functions whose innermost loops do int or float arithmetic get a
//! second, *typed* translation (`translate::typed`): registers known to
//! hold small ints or floats live unboxed in Cranelift variables, and any
//! case the types do not cover (an overflow, an operand of another type,
//! a call in the loop) leaves it for the general translation above at
//! that instruction, with the register file brought up to date; the
//! general translation goes back into it at the head of each typed loop
//! when the registers hold the types the typed copy expects there.
//!
//! Functions that only compute on numbers (parameters, constants, int
//! and float arithmetic, comparisons, forward branches, calls of such
//! functions: `fib`) also get a *pure* translation (`translate::pure`)
//! with no frame at all, which known call sites try first; it gives up,
//! and the call is made the general way, on anything it does not handle,
//! since it has no effects to undo. Typed loops call pure functions and
//! `math.sqrt` without leaving the typed copy.
//!
//! Frames: a Python call from generated code is a native call
//! (`direct_call`, `call_function`, with no VM `Frame`: the context carries
//! the code, globals and depth the runtime needs, and the callee's registers
//! are a window of the interpreter's register stack, `reg_stack`); calls
//! of a known global function inside loops and recursive calls skip even
//! that and go from machine code to machine code, doing the frame entry
//! inline (`translate::calls`). Recursion depth is checked by the frame
//! entry (`RecursionError`, plus a native stack guard), and the operation
//! budget, deadline and Ctrl-C are polled at function entry and loop
//! back-edges. Code that suspends — a generator, or REPL input that echoes
//! results through `yield` — is compiled as a resumable function: its
//! registers live in the heap frame, and its translation starts with a
//! switch on where to resume (`resume_generator`). Code the translator
//! cannot handle would run in the VM and be reported by `--stats`; no
//! program of the conformance suite needs that.

mod layout;
mod module;
mod reg_stack;
mod runtime_calls;
mod translate;

pub use module::{clif_listing, stats, stats_report, JitStats};
pub use reg_stack::RegStack;
use reg_stack::Window;

use crate::bytecode::CodeObject;
use crate::runtime::object::{Code, Obj, Resume};
use crate::runtime::{Interp, PyResult, Value};
use crate::vm::dispatch::Exit;
use crate::vm::frame::{self, Frame};
use std::cell::Cell;

/// Machine code for one code object: `(frame context, registers) ->
/// returned value's word`, or `ERROR_WORD` with the exception left in the
/// context.
pub(crate) type NativeFn = unsafe extern "C" fn(*mut JitFrame, *mut Value) -> u64;

/// The word generated code returns when the function raised: the unbound
/// marker, which no Python function can return.
pub(crate) const ERROR_WORD: u64 = 0xFFFA_0000_0000_0005;

/// The word a generator's code returns when it yields (the value is in
/// `JitFrame::yielded`): a special no value uses.
pub(crate) const YIELD_WORD: u64 = 0xFFFA_0000_0000_0006;

/// A lean entry's answer that finalizers became due (see
/// `runtime_calls::unpack_word`): a special no value uses, which owns
/// nothing.
pub(crate) const FINALIZERS_DUE_WORD: u64 = 0xFFFA_0000_0000_0007;

/// Resume codes above this mark start at the error path of instruction
/// `code - RESUME_RAISE` (an exception thrown in at a `yield`).
pub(crate) const RESUME_RAISE: u32 = 1 << 31;

/// Where a code object stands with the JIT.
#[derive(Clone, Copy, Default)]
enum NativeState {
    #[default]
    NotCompiled,
    Compiled(NativeFn),
    /// The code cannot be translated (yet); it runs in the VM.
    Fallback,
}

/// A code object's native translation, made on first call.
#[derive(Default)]
pub struct NativeSlot {
    state: Cell<NativeState>,
    /// The machine code's address once compiled, else 0: what generated
    /// code that calls this code directly loads (`translate::calls`).
    entry: Cell<usize>,
    /// The functions this code's translation calls directly, held weakly
    /// so that their addresses stay theirs (see `Value::pin_address`).
    pins: std::cell::RefCell<Vec<std::rc::Weak<Obj>>>,
    /// The address of the code's pure translation (`translate::pure`),
    /// else 0, and the word of the globals it was made for.
    pure_entry: Cell<usize>,
    pure_globals: Cell<u64>,
    /// How often a call gave up on the pure entry (see `pure_gave_up`).
    pure_give_ups: Cell<u32>,
    /// The functions the pure translation calls, as (global name, the
    /// function's word), and the globals epoch at which they were last
    /// found there (see `translate::pure`'s `check_callees`).
    pure_callees: std::cell::RefCell<Vec<(u16, u64)>>,
    pure_epoch: Cell<u64>,
    /// Globals epochs generated code compares (`translate::math`): boxed,
    /// so their addresses stay when the vector grows.
    #[allow(clippy::vec_box)]
    epoch_cells: std::cell::RefCell<Vec<Box<Cell<u64>>>>,
}

impl NativeSlot {
    fn state(&self) -> NativeState {
        self.state.get()
    }

    /// Where generated code reads the pure entry (0 until there is one).
    fn pure_entry_address(&self) -> *const usize {
        self.pure_entry.as_ptr()
    }

    /// A new cell for generated code to note a globals epoch in, holding
    /// none yet.
    fn new_epoch_cell(&self) -> *const Cell<u64> {
        let cell = Box::new(Cell::new(u64::MAX));
        let at = &*cell as *const Cell<u64>;
        self.epoch_cells.borrow_mut().push(cell);
        at
    }

    fn pure_epoch_address(&self) -> *const u64 {
        self.pure_epoch.as_ptr()
    }

    fn pure_globals_address(&self) -> *const u64 {
        self.pure_globals.as_ptr()
    }

    /// A call of the pure entry gave up. Giving up is correct but wastes
    /// the work done before it, so a function whose pure code keeps giving
    /// up (a recursion whose base case returns a big int gives up at every
    /// leaf, after descending all the way) loses its pure entry: its calls
    /// then make frames directly, and pure callers of it give up in turn
    /// until they lose theirs.
    fn pure_gave_up(&self) {
        const GIVE_UPS_ALLOWED: u32 = 1000;
        let n = self.pure_give_ups.get() + 1;
        self.pure_give_ups.set(n);
        if n > GIVE_UPS_ALLOWED {
            self.pure_entry.set(0);
        }
    }
}

/// What generated code gets as its first argument: the interpreter, what
/// the running code needs of its frame (code, globals, namespace, depth)
/// and the pending exception. Not a VM `Frame`: plain function calls from
/// native code run without one (see `call_function`). `repr(C)` with
/// one-word fields only: generated code builds the frames of the calls it
/// makes itself (`translate::native_call`).
#[repr(C)]
pub(crate) struct JitFrame {
    interp: *mut Interp,
    code: *const CodeObject,
    globals: *const Value,
    /// Module and class bodies: their namespace (else unbound).
    ns: *const Value,
    /// The interpreter's call depth while this code runs (tracebacks).
    depth: u32,
    /// Generators: where the code starts (see `translate::resume_switch`).
    resume_at: u32,
    /// Generators: the pc to resume at after the yield that returned
    /// `YIELD_WORD`.
    yielded_at: u32,
    /// The pending exception (see `ErrorSlot`).
    error: ErrorSlot,
    /// Generators: the value the yield that returned `YIELD_WORD` yielded
    /// (unbound when none).
    yielded: Value,
}

/// A `JitFrame`'s pending exception as one word: the exception value, or
/// unbound for none (no exception is the unbound marker), so that
/// generated code can start a frame with none.
#[repr(transparent)]
pub(crate) struct ErrorSlot(Value);

impl ErrorSlot {
    const EMPTY: ErrorSlot = ErrorSlot(Value::UNBOUND);

    pub(crate) fn take(&mut self) -> Option<crate::runtime::PyErr> {
        let v = std::mem::replace(&mut self.0, Value::UNBOUND);
        (!v.is_unbound()).then_some(crate::runtime::PyErr(v))
    }

    pub(crate) fn put(&mut self, e: Option<crate::runtime::PyErr>) {
        self.0 = e.map_or(Value::UNBOUND, |e| e.0);
    }

    fn is_empty(&self) -> bool {
        self.0.is_unbound()
    }
}

impl JitFrame {
    fn new(interp: &mut Interp, frame: &Frame, resume_at: u32) -> JitFrame {
        JitFrame {
            interp: interp as *mut Interp,
            code: &**frame.code as *const CodeObject,
            globals: &*frame.globals as *const Value,
            ns: &frame.ns as *const Value,
            depth: frame.entry.depth,
            error: ErrorSlot::EMPTY,
            resume_at,
            yielded_at: 0,
            yielded: Value::UNBOUND,
        }
    }
}

/// Switch an interpreter to native code for every bytecode frame.
pub fn enable(interp: &mut Interp) {
    interp.jit_enabled = true;
}

/// The native code of `code`, translating it first if need be; `None`
/// when it must run in the VM.
#[inline]
fn native_code(code: &CodeObject, globals: Option<&Value>) -> Option<NativeFn> {
    match code.native.state() {
        NativeState::Compiled(f) => Some(f),
        NativeState::Fallback => None,
        NativeState::NotCompiled => compile_now(code, globals),
    }
}

/// `native_code`'s first call for `code`: translate it (out of line, so
/// that every later call and generator resumption checks the state
/// without the compiler's frame).
#[cold]
#[inline(never)]
fn compile_now(code: &CodeObject, globals: Option<&Value>) -> Option<NativeFn> {
    let state = match module::compile(code, globals) {
        Ok(f) => NativeState::Compiled(f),
        Err(_) => NativeState::Fallback,
    };
    code.native.state.set(state);
    match state {
        NativeState::Compiled(f) => {
            code.native.entry.set(f as usize);
            Some(f)
        }
        _ => None,
    }
}

/// Translate `code` now rather than at its first call (the module body,
/// so that its translation is timed before the run).
pub fn prepare(code: &CodeObject) {
    let _ = native_code(code, None);
}

/// Run a (not yet entered) frame to completion as native code.
pub fn call_frame(interp: &mut Interp, mut frame: Frame) -> PyResult<Value> {
    let Some(entry) = native_code(&frame.code, Some(&frame.globals)) else {
        return crate::vm::dispatch::call_frame(interp, frame);
    };
    frame::enter(interp, &mut frame)?;
    debug_assert_eq!(frame.regs.len(), frame.code.nregs as usize);
    let mut ctx = JitFrame::new(interp, &frame, 0);
    // SAFETY: `entry` was generated for `frame.code`, whose register file
    // `frame.regs` has exactly `nregs` values; generated code only indexes
    // registers the instructions name, and the runtime calls it makes
    // reborrow `interp` and `frame` through `ctx` while this function does
    // not touch them (neither is used again until the call returns).
    let word = unsafe { entry(&mut ctx, frame.regs.as_mut_ptr()) };
    frame::leave(interp, &mut frame, false);
    drop(frame);
    interp.run_finalizers();
    native_result(interp, &mut ctx, word)
}

/// What a native function's returned `word` means: the exception left
/// in `ctx`, or the returned value.
fn native_result(interp: &Interp, ctx: &mut JitFrame, word: u64) -> PyResult<Value> {
    if word == ERROR_WORD {
        Err(ctx
            .error
            .take()
            .unwrap_or_else(|| runtime_calls::internal_error(interp, "exception lost")))
    } else {
        // SAFETY: generated code returns an owned word made by
        // `Value::into_raw` (`Return` moves a register's word out, or
        // `runtime_calls::take_return` makes a new reference).
        Ok(unsafe { Value::from_raw(word) })
    }
}

/// Call the Python function `func` (a bytecode function whose parameters
/// bind one to one to what `push_args` appends) as native code, without a
/// VM `Frame`: the register file is a window of the interpreter's register
/// stack (`reg_stack`), the function object keeps its code and globals
/// alive, and the interpreter sees the same entry and exit as for a frame
/// (`frame::enter_entry`). The common path of every call made from native
/// code.
pub(crate) fn call_function(
    interp: &mut Interp,
    func: Value,
    push_args: impl FnOnce(&mut Window),
) -> PyResult<Value> {
    let Some(Obj::Function(fo)) = func.as_obj() else {
        return Err(runtime_calls::internal_error(
            interp,
            "call of a non-function",
        ));
    };
    let Code::Bytecode(code) = &fo.code else {
        return Err(runtime_calls::internal_error(
            interp,
            "call of non-bytecode",
        ));
    };
    let result = match native_code(code, Some(&fo.globals)) {
        Some(entry) => call_in_window(interp, fo, code, entry, push_args),
        None => {
            let nregs = code.nregs as usize;
            let (base, mark) = interp.native_regs.push(nregs);
            // SAFETY: `push` gave `nregs` uninitialised registers; the
            // arguments written there are moved out again at once.
            let mut window = unsafe { Window::new(base, nregs) };
            push_args(&mut window);
            let mut regs = Vec::with_capacity(nregs);
            regs.extend(
                window
                    .regs()
                    .iter_mut()
                    .map(|r| std::mem::replace(r, Value::UNBOUND)),
            );
            interp.native_regs.pop(mark);
            let frame = Frame::function(code.clone(), fo, func.clone(), regs);
            crate::vm::dispatch::call_frame(interp, frame)
        }
    };
    drop(func);
    interp.run_finalizers();
    result
}

/// `Call` of a plain Python function that already has native code (or of
/// a class whose `__init__` is one: `init_call`), or `CallMethod` of such
/// a function found in an instance's class, made from native code with
/// nothing between the two but the frame entry the interpreter needs
/// (`call_in_window`). `None` when the call is of another kind (then
/// `call_function` or the VM's path does it).
///
/// # Safety
/// `ctx` and `regs` are the live context and register file of the
/// running native code (see `runtime_calls::guarded`).
#[inline(always)]
pub(crate) unsafe fn direct_call(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> Option<u32> {
    use crate::bytecode::instr::Instr;
    // SAFETY: the caller's contract: `ctx` is live and exclusively ours.
    let cx = unsafe { &mut *ctx };
    // SAFETY: the running code object outlives its native call.
    let code = unsafe { &*cx.code };
    // The function (taken out of its register for a `Call`: the value
    // keeps `fo` and its code alive meanwhile), the arguments' registers
    // (a method's object first) and the result's.
    let (fval, first, argc, dst) = match code.instrs[pc as usize] {
        // SAFETY: as below.
        Instr::Call { dst, func, argc } if unsafe { is_python_class(regs, func) } => {
            // SAFETY: as below.
            let caller = unsafe { std::slice::from_raw_parts_mut(regs, code.nregs as usize) };
            return init_call(cx, caller, pc, dst, func, argc as usize);
        }
        Instr::Call { dst, func, argc } => {
            let (func, argc) = (func as usize, argc as usize);
            // SAFETY: `regs` holds `nregs` values and the instruction
            // names registers of this code (`func + argc` is below `nregs`).
            let f = unsafe { &mut *regs.add(func) };
            compiled_callee(f, argc)?;
            (std::mem::replace(f, Value::UNBOUND), func + 1, argc, dst)
        }
        Instr::CallMethod {
            dst,
            obj,
            argc,
            name,
        } => {
            // `obj.name(args)` of an instance whose class's method the
            // site's cache knows (not shadowed by the instance's dict).
            let (obj, argc) = (obj as usize, argc as usize + 1);
            // SAFETY: as above (`obj + argc` is at most `nregs`).
            let this = unsafe { &*regs.add(obj) };
            // (Tested here first: most other objects' methods are
            // built-in, and the cache is a call away.)
            if !matches!(this.as_obj(), Some(Obj::Instance(_))) {
                return None;
            }
            let f = crate::runtime::attr::site_method(code, this, name)?;
            compiled_callee(&f, argc)?;
            (f, obj, argc, dst)
        }
        _ => return None,
    };
    // SAFETY: as above.
    let caller = unsafe { std::slice::from_raw_parts_mut(regs, code.nregs as usize) };
    Some(call_compiled(
        cx,
        caller,
        pc,
        dst,
        fval,
        argc,
        |w, caller| w.move_from(&mut caller[first..first + argc]),
        |_, v| Ok(v),
    ))
}

/// Whether register `r` of `regs` holds a class defined in Python (a
/// built-in type, `range` or `float`, makes its objects natively).
///
/// # Safety
/// `r` is a register of the running code (below `nregs`).
unsafe fn is_python_class(regs: *const Value, r: crate::bytecode::instr::Reg) -> bool {
    use crate::runtime::object::Layout;
    // SAFETY: the caller's contract.
    let v = unsafe { &*regs.add(r as usize) };
    matches!(v.as_obj(), Some(Obj::Class(c)) if c.layout != Layout::Builtin)
}

/// `Class(args)` (`Call` at `pc`, the class in register `func`) when the
/// class makes a plain instance (`dispatch::fast_init_target`) whose
/// `__init__` has native code: the instance made, then `__init__` called
/// on it as `direct_call` calls; the result is the instance. `None`,
/// having changed nothing, otherwise.
fn init_call(
    cx: &mut JitFrame,
    caller: &mut [Value],
    pc: u32,
    dst: crate::bytecode::instr::Reg,
    func: crate::bytecode::instr::Reg,
    argc: usize,
) -> Option<u32> {
    let (func, first) = (func as usize, func as usize + 1);
    let (layout, init) = crate::vm::dispatch::fast_init_target(&caller[func], argc)?;
    compiled_callee(&init, argc + 1)?;
    // SAFETY: as for `cx` (`direct_call`'s contract).
    let interp = unsafe { &mut *cx.interp };
    let cls = std::mem::replace(&mut caller[func], Value::UNBOUND);
    let obj = interp.new_instance(&cls, layout, &caller[first..first + argc]);
    drop(cls);
    let this = obj.clone();
    Some(call_compiled(
        cx,
        caller,
        pc,
        dst,
        init,
        argc + 1,
        |w, caller| {
            w.push(this);
            w.move_from(&mut caller[first..first + argc])
        },
        |interp, v| interp.init_result(v, obj),
    ))
}

/// `GetAttr` of a `@property` whose getter the site's cache knows (as the
/// VM's loop finds it: `attr::cached_getter`) and which has native code:
/// the getter called on the object as `direct_call` calls, rather than
/// through the VM's instruction and its call outcome. `None` otherwise.
///
/// # Safety
/// As `direct_call`.
pub(crate) unsafe fn getter_call(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> Option<u32> {
    use crate::bytecode::instr::Instr;
    // SAFETY: as in `direct_call`.
    let cx = unsafe { &mut *ctx };
    // SAFETY: as in `direct_call`.
    let code = unsafe { &*cx.code };
    let Instr::GetAttr { dst, obj, name } = code.instrs[pc as usize] else {
        return None;
    };
    // SAFETY: as in `direct_call` (the instruction's registers are below
    // `nregs`).
    let caller = unsafe { std::slice::from_raw_parts_mut(regs, code.nregs as usize) };
    let getter = crate::runtime::attr::cached_getter(
        &caller[obj as usize],
        &code.attr_cache[name as usize],
    )?;
    compiled_callee(&getter, 1)?;
    Some(call_compiled(
        cx,
        caller,
        pc,
        dst,
        getter,
        1,
        // The object: moved out of a temporary, else a new reference.
        |w, caller| {
            w.push(crate::vm::dispatch::protocol_arg(
                caller,
                obj,
                obj >= code.temp_base,
            ))
        },
        |_, v| Ok(v),
    ))
}

/// `WithEnter` and `WithExit` whose `__enter__` / `__exit__` has native
/// code: the call made as `direct_call` makes it, rather than through the
/// VM's instruction and its call outcome. `None`, having changed nothing,
/// otherwise.
///
/// # Safety
/// As `direct_call`.
pub(crate) unsafe fn with_call(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> Option<u32> {
    use crate::bytecode::instr::{Instr, NO_REG};
    use crate::vm::dispatch::protocol_arg;
    // SAFETY: as in `direct_call`.
    let cx = unsafe { &mut *ctx };
    // SAFETY: as in `direct_call`.
    let code = unsafe { &*cx.code };
    // SAFETY: as in `direct_call` (the instruction's registers are below
    // `nregs`).
    let caller = unsafe { std::slice::from_raw_parts_mut(regs, code.nregs as usize) };
    let tb = code.temp_base;
    match code.instrs[pc as usize] {
        Instr::WithEnter { dst, mgr, exit } => {
            // SAFETY: as for `cx`.
            let interp = unsafe { &mut *cx.interp };
            // (A missing method is the general path's error to raise.)
            let (enter, x) =
                crate::vm::helpers::with_methods(interp, &caller[mgr as usize]).ok()?;
            compiled_callee(&enter, 1)?;
            caller[exit as usize] = x;
            Some(call_compiled(
                cx,
                caller,
                pc,
                dst,
                enter,
                1,
                |w, caller| w.push(caller[mgr as usize].clone()),
                |_, v| Ok(v),
            ))
        }
        Instr::WithExit { mgr, exit } => {
            compiled_callee(&caller[exit as usize], 4)?;
            let x = protocol_arg(caller, exit, exit >= tb);
            Some(call_compiled(
                cx,
                caller,
                pc,
                NO_REG,
                x,
                4,
                |w, caller| {
                    w.push(protocol_arg(caller, mgr, mgr >= tb));
                    for _ in 0..3 {
                        w.push(Value::NONE);
                    }
                },
                |_, v| Ok(v),
            ))
        }
        _ => None,
    }
}

/// The call `direct_call`, `init_call`, `getter_call` and `with_call`
/// make at `pc` of the running
/// code (`cx`, registers `caller`): `func` (a `compiled_callee` of `argc`
/// arguments, which `push_args` takes from the registers) on a window of
/// the register stack, what `result` makes of its return value stored in
/// `dst`; the next pc, or `PC_ERROR` with the exception left in `cx`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn call_compiled(
    cx: &mut JitFrame,
    caller: &mut [Value],
    pc: u32,
    dst: crate::bytecode::instr::Reg,
    func: Value,
    argc: usize,
    push_args: impl FnOnce(&mut Window, &mut [Value]),
    result: impl FnOnce(&Interp, Value) -> PyResult<Value>,
) -> u32 {
    let (fo, callee, entry) = compiled_callee(&func, argc).expect("checked by the caller");
    // SAFETY: as for `cx` (`direct_call`'s contract): generated code
    // waits for us.
    let interp = unsafe { &mut *cx.interp };
    // SAFETY: the running code object outlives its native call.
    let code = unsafe { &*cx.code };
    code.pos.set(code.positions[pc as usize]);
    let returned = call_in_window(interp, fo, callee, entry, |w| push_args(w, caller));
    drop(func);
    interp.run_finalizers();
    let returned = returned
        .and_then(|v| result(interp, v).map_err(|e| runtime_calls::chain_handled(interp, e)));
    match returned {
        Ok(v) => {
            crate::vm::dispatch::put_opt(interp, caller, dst, v);
            interp.run_finalizers();
            pc + 1
        }
        Err(e) => {
            cx.error.put(Some(e));
            runtime_calls::PC_ERROR
        }
    }
}

/// The function, code and native entry of `f` when it is a Python
/// function with native code whose parameters bind `argc` arguments one
/// to one (what `direct_call` calls).
fn compiled_callee(
    f: &Value,
    argc: usize,
) -> Option<(&crate::runtime::object::Function, &CodeObject, NativeFn)> {
    match f.as_obj() {
        Some(Obj::Function(fo)) if fo.fast_arity as usize == argc => match &fo.code {
            Code::Bytecode(callee) => match callee.native.state() {
                NativeState::Compiled(entry) => Some((&**fo, &**callee, entry)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Run `entry` (the native code of `fo`'s `code`) on a window of the
/// register stack that `push_args` fills with the arguments and
/// `reg_stack::fill_regs` completes; the window's values are released
/// (`frame::release_regs`) and the window popped after the call.
#[inline(always)]
fn call_in_window(
    interp: &mut Interp,
    fo: &crate::runtime::object::Function,
    code: &CodeObject,
    entry: NativeFn,
    push_args: impl FnOnce(&mut Window),
) -> PyResult<Value> {
    let nregs = code.nregs as usize;
    let (base, mark) = interp.native_regs.push(nregs);
    // SAFETY: `push` gave `nregs` uninitialised registers that stay put
    // until the `pop` below.
    let mut window = unsafe { Window::new(base, nregs) };
    push_args(&mut window);
    reg_stack::fill_regs(code, &mut window, &fo.closure);
    let result = run_window(interp, code, &fo.globals, entry, window.regs());
    // SAFETY: the window's values are this call's; they are not used
    // again, and the pop hands the slots back as free.
    unsafe { crate::vm::frame::release_regs(code, window.regs()) };
    interp.native_regs.pop(mark);
    result
}

/// Run `entry` (the native code of `code`) on the filled register file
/// `regs`, entering and leaving the interpreter's frame around it.
#[inline(always)]
fn run_window(
    interp: &mut Interp,
    code: &CodeObject,
    globals: &Value,
    entry: NativeFn,
    regs: &mut [Value],
) -> PyResult<Value> {
    let counts_depth = true;
    // SAFETY: the caller's function object holds `code` until after the
    // `leave_entry` below.
    let entered = unsafe { frame::enter_entry(interp, counts_depth, &code.frame_info, globals)? };
    debug_assert_eq!(regs.len(), code.nregs as usize);
    let no_namespace = Value::UNBOUND;
    let mut ctx = JitFrame {
        interp: interp as *mut Interp,
        code: code as *const CodeObject,
        globals: globals as *const Value,
        ns: &no_namespace as *const Value,
        depth: entered.depth,
        error: ErrorSlot::EMPTY,
        resume_at: 0,
        yielded_at: 0,
        yielded: Value::UNBOUND,
    };
    // SAFETY: `entry` was generated for `code`, whose register file `regs`
    // has exactly `nregs` values; the caller's function object keeps `code`
    // and `globals` alive until after the call; the runtime calls
    // generated code makes reborrow `interp` through `ctx` while this
    // function does not touch it.
    let word = unsafe { entry(&mut ctx, regs.as_mut_ptr()) };
    frame::leave_entry(interp, &entered, counts_depth, None);
    let r = native_result(interp, &mut ctx, word);
    // A function's code never yields, and `native_result` took any
    // exception: nothing is left to drop (skipping the check saves the
    // call path a destructor).
    debug_assert!(ctx.error.is_empty() && ctx.yielded.is_unbound());
    std::mem::forget(ctx);
    r
}

/// Resume a generator's frame with `input` as native code (the VM's
/// `dispatch::run` contract: the frame comes back when it yields).
pub fn resume_generator(
    interp: &mut Interp,
    frame: Frame,
    input: Resume,
) -> (Option<Frame>, PyResult<Exit>) {
    let mut slot = Some(frame);
    let r = resume_in_place(interp, &mut slot, input);
    (slot, r)
}

/// `resume_generator` on a frame left where the generator keeps it (no
/// moves of the frame per resumption); the slot is emptied when the frame
/// finishes. (Inlined into the generator's resume: every resumption of
/// a native generator comes here.)
#[inline(always)]
pub fn resume_in_place(
    interp: &mut Interp,
    slot: &mut Option<Frame>,
    input: Resume,
) -> PyResult<Exit> {
    let Some(frame) = slot.as_mut() else {
        return Ok(Exit::Return(Value::NONE));
    };
    let Some(entry) = native_code(&frame.code, Some(&frame.globals)) else {
        return crate::vm::dispatch::run_in_place(interp, slot, Some(input));
    };
    if let Err(e) = frame::enter(interp, frame) {
        *slot = None;
        return Err(e);
    }
    let mut regs = std::mem::take(&mut frame.regs);
    let fresh = !frame.suspended;
    let resume_at = match crate::vm::dispatch::resume(interp, frame, &mut regs, input) {
        Ok(None) => frame.pc,
        Ok(Some(v)) => {
            // A delegated `yield from` yielded again.
            frame.keep_regs(regs);
            frame::leave(interp, frame, true);
            return Ok(Exit::Yield(v));
        }
        Err(e) if fresh => {
            frame::leave(interp, frame, false);
            *slot = None;
            return Err(e);
        }
        Err(e) => {
            // Thrown in at the suspended `yield`: that instruction raises.
            let at = frame.pc.saturating_sub(1);
            let mut ctx = JitFrame::new(interp, frame, RESUME_RAISE + at);
            ctx.error.put(Some(e));
            return run_generator(interp, slot, regs, entry, ctx);
        }
    };
    let ctx = JitFrame::new(interp, frame, resume_at);
    run_generator(interp, slot, regs, entry, ctx)
}

/// Run a generator's native code from `ctx.resume_at` until it yields,
/// returns or raises.
#[inline(always)]
fn run_generator(
    interp: &mut Interp,
    slot: &mut Option<Frame>,
    mut regs: Vec<Value>,
    entry: NativeFn,
    mut ctx: JitFrame,
) -> PyResult<Exit> {
    // SAFETY: as in `call_frame`: `entry` is the translation of the code of
    // the frame in `slot` and `regs` its register file; `ctx` points at
    // that frame and `interp`, which are not touched until the call returns.
    let word = unsafe { entry(&mut ctx, regs.as_mut_ptr()) };
    let frame = slot.as_mut().expect("the frame stays in its slot");
    if word == YIELD_WORD {
        frame.suspended = true;
        frame.pc = ctx.yielded_at;
        frame.keep_regs(regs);
        frame::leave(interp, frame, true);
        let v = std::mem::replace(&mut ctx.yielded, Value::UNBOUND);
        return Ok(Exit::Yield(if v.is_unbound() { Value::NONE } else { v }));
    }
    frame.suspended = false;
    frame::leave(interp, frame, false);
    drop(regs);
    *slot = None;
    interp.run_finalizers();
    native_result(interp, &mut ctx, word).map(Exit::Return)
}

#[cfg(test)]
mod tests;
