//! The dispatch loop.
//!
//! One `run` executes a frame and every Python function it calls: a call
//! of a bytecode function pushes a new frame onto a local stack and the
//! same loop continues in it, so Python recursion does not recurse in
//! Rust (only calls made from inside the runtime — a `sorted` key, a
//! dunder method, `__init__` — re-enter `run`). A generator's frame is
//! the base frame of its own `run`; `yield` returns the frame to the
//! generator object, which keeps it until the next resumption.
//!
//! Per instruction the loop copies the instruction out of the code
//! vector, matches on it and works on the register file (both without
//! bounds checks: `bytecode::verify` checked the code); the common cases
//! (small-int and float arithmetic and comparisons, truth tests of bools,
//! `range`/list iteration, list and tuple indexing, calls of Python
//! functions) are handled inline without allocating, everything else is a
//! call into the shared runtime. Errors leave the instruction with the
//! exception and are dispatched to the innermost handler of the frame, or
//! unwind the frame (adding its traceback entry) into its caller.

use super::frame::{self, Frame};
use super::helpers;
use crate::bytecode::instr::{Instr, Reg, NO_REG};
use crate::bytecode::CodeObject;
use crate::runtime::exceptions;
use crate::runtime::object::{Code, Function, GenStep, Layout, Obj, Resume};
use crate::runtime::ops::{same_object, small_int_op};
use crate::runtime::{iter, Interp, PyErr, PyResult, Value};
use crate::syntax::ast::{BinOp, CmpOp, Name, UnaryOp};
use std::rc::Rc;

/// How a `run` ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

pub(crate) enum Outcome {
    /// Call the Python function `func` with the `argc` arguments in the
    /// current frame's registers from `first` (they bind one to one).
    CallFast {
        func: Value,
        first: Reg,
        argc: u16,
        dst: Reg,
    },
    /// A runtime protocol call run in this loop (a property getter,
    /// `__enter__`, `__exit__`): the Python function `func` (`fast_callable`
    /// with `argc`) gets register `arg` (see `protocol_arg`), then
    /// `argc - 1` `None`s.
    CallArgs {
        func: Value,
        arg: Reg,
        take: bool,
        argc: u8,
        dst: Reg,
    },
    /// `Class(...)`: run `__init__` (`func`, `fast_callable` with `argc + 1`)
    /// with the new instance, left in register `first - 1` (where the
    /// class was), and the `argc` arguments from `first`; the call's result
    /// is the instance.
    CallInit {
        func: Value,
        first: Reg,
        argc: u16,
        dst: Reg,
    },
    /// `exec_one` ran its instruction; go on at the frame's pc.
    Stepped,
    /// Run a prepared frame (its registers in `Frame::regs`); boxed so the
    /// `Outcome` every `execute` returns stays small.
    Call(Box<Frame>),
    Return(Value),
    Yield(Value),
    /// An exception raised by an instruction of the current frame: it
    /// gets the exception being handled as `__context__`.
    Error(PyErr),
    /// An exception re-raised unchanged (a `finally` or a handler that
    /// did not match, or one coming out of a callee frame).
    Reraise(PyErr),
}

// Every instruction that leaves `execute` (and every `slow` path) returns
// an `Outcome`: at 16 bytes it comes back in two machine registers instead
// of being stored and copied through memory, which stalled store
// forwarding.
const _: () = assert!(std::mem::size_of::<Outcome>() <= 16);

impl Outcome {
    /// A call that `enter_called` enters.
    #[inline(always)]
    fn enters_frame(&self) -> bool {
        matches!(
            self,
            Outcome::CallFast { .. }
                | Outcome::CallArgs { .. }
                | Outcome::CallInit { .. }
                | Outcome::Call(_)
        )
    }
}

/// The first argument of `Outcome::CallArgs`: register `arg`, moved out
/// when `take` (a temporary the call consumes), else cloned.
#[inline(always)]
pub(crate) fn protocol_arg(regs: &mut [Value], arg: Reg, take: bool) -> Value {
    if take {
        std::mem::replace(&mut regs[arg as usize], Value::UNBOUND)
    } else {
        regs[arg as usize].clone()
    }
}

/// The value of an operand: moved out of a temporary, cloned otherwise.
#[inline(always)]
pub(crate) fn take(regs: &mut [Value], r: Reg, tb: Reg) -> Value {
    assert!((r as usize) < regs.len(), "register {r} out of range");
    // SAFETY: checked just above.
    unsafe { take_unchecked(regs, r, tb) }
}

/// Release a consumed temporary.
#[inline(always)]
pub(crate) fn consume(interp: &mut Interp, regs: &mut [Value], r: Reg, tb: Reg) {
    assert!((r as usize) < regs.len(), "register {r} out of range");
    // SAFETY: checked just above.
    unsafe { consume_unchecked(interp, regs, r, tb) }
}

/// Store into a register, running `__del__` of what it held if that was
/// the last reference.
#[inline(always)]
pub(crate) fn put(interp: &mut Interp, regs: &mut [Value], dst: Reg, v: Value) {
    assert!((dst as usize) < regs.len(), "register {dst} out of range");
    // SAFETY: checked just above.
    unsafe { put_unchecked(interp, regs, dst, v) }
}

/// Register `r`, without a bounds check (the dispatch loop's registers
/// were checked against the register file when the code was made, see
/// `bytecode::verify`).
///
/// # Safety
/// `r` is below `regs.len()`.
#[inline(always)]
unsafe fn reg(regs: &[Value], r: Reg) -> &Value {
    debug_assert!((r as usize) < regs.len());
    // SAFETY: the caller's contract.
    unsafe { regs.get_unchecked(r as usize) }
}

/// `reg`, for writing.
///
/// # Safety
/// `r` is below `regs.len()`.
#[inline(always)]
unsafe fn reg_mut(regs: &mut [Value], r: Reg) -> &mut Value {
    debug_assert!((r as usize) < regs.len());
    // SAFETY: the caller's contract.
    unsafe { regs.get_unchecked_mut(r as usize) }
}

/// `take` without the bounds check.
///
/// # Safety
/// `r` is below `regs.len()`.
#[inline(always)]
unsafe fn take_unchecked(regs: &mut [Value], r: Reg, tb: Reg) -> Value {
    // SAFETY: the caller's contract.
    let slot = unsafe { reg_mut(regs, r) };
    if r >= tb {
        std::mem::replace(slot, Value::UNBOUND)
    } else {
        slot.clone()
    }
}

/// `consume` without the bounds check.
///
/// # Safety
/// `r` is below `regs.len()`.
#[inline(always)]
unsafe fn consume_unchecked(interp: &mut Interp, regs: &mut [Value], r: Reg, tb: Reg) {
    if r >= tb {
        // SAFETY: the caller's contract.
        let old = std::mem::replace(unsafe { reg_mut(regs, r) }, Value::UNBOUND);
        if old.is_obj() {
            release(interp, old);
        }
    }
}

/// `put` without the bounds check.
///
/// # Safety
/// `dst` is below `regs.len()`.
#[inline(always)]
unsafe fn put_unchecked(interp: &mut Interp, regs: &mut [Value], dst: Reg, v: Value) {
    // SAFETY: the caller's contract.
    let old = std::mem::replace(unsafe { reg_mut(regs, dst) }, v);
    if old.is_obj() {
        release(interp, old);
    }
}

/// Drop a heap value and run the finalizers that may have become due.
/// Giving up a reference to a shared object frees nothing and makes no
/// finalizer due, so that is only a decrement, inline. (Code that drops
/// a value itself runs the finalizers after; it cannot count on a later
/// release doing it.)
#[inline(always)]
pub(crate) fn release(interp: &mut Interp, v: Value) {
    if v.is_shared_obj() {
        drop(v);
    } else {
        release_last(interp, v);
    }
}

#[inline(never)]
fn release_last(interp: &mut Interp, v: Value) {
    drop(v);
    interp.run_finalizers();
}

/// `put`, or drop the value when the destination is `NO_REG`.
#[inline(always)]
pub(crate) fn put_opt(interp: &mut Interp, regs: &mut [Value], dst: Reg, v: Value) {
    if dst == NO_REG {
        if v.is_obj() {
            drop(v);
            interp.run_finalizers();
        }
    } else {
        put(interp, regs, dst, v);
    }
}

/// A float or small int as a float (exact: small ints have 48 bits), for
/// `+ - * /` where an operand is a float (or both are ints, for `/`):
/// Python converts the int and the IEEE result is its result.
#[inline(always)]
fn number_f64(v: &Value) -> Option<f64> {
    match v.as_float() {
        Some(f) => Some(f),
        None => v.as_small_int().map(|i| i as f64),
    }
}

#[inline(always)]
pub(super) fn fast_truthy(v: &Value) -> Option<bool> {
    if v.is(&Value::TRUE) {
        Some(true)
    } else if v.is(&Value::FALSE) || v.is_none() {
        Some(false)
    } else {
        v.as_small_int().map(|i| i != 0)
    }
}

/// Compare two unboxed numbers of the same kind.
#[inline(always)]
pub(super) fn fast_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(holds(op, &x, &y));
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(holds(op, &x, &y));
    }
    if let (Some(Obj::Str(x)), Some(Obj::Str(y))) = (a.as_obj(), b.as_obj()) {
        // (Byte order of UTF-8 is code point order, Python's str order.)
        return Some(holds(op, x.s.as_str(), y.s.as_str()));
    }
    None
}

/// Whether `x op y` holds for an order comparison or (in)equality.
#[inline(always)]
fn holds<T: PartialOrd + ?Sized>(op: CmpOp, x: &T, y: &T) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        CmpOp::Eq => x == y,
        _ => x != y,
    }
}

#[inline(always)]
pub(super) fn fast_binop(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return small_int_op(op, x, y);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return match op {
            BinOp::Add => Some(Value::float(x + y)),
            BinOp::Sub => Some(Value::float(x - y)),
            BinOp::Mul => Some(Value::float(x * y)),
            BinOp::Div if y != 0.0 => Some(Value::float(x / y)),
            _ => None,
        };
    }
    None
}

/// What a call resolved to: a frame to run in this loop, or a result.
pub(super) enum Invoke {
    Frame(Frame),
    Done(Value),
}

/// Call `callee` with arguments: Python functions become frames of this
/// loop, anything else goes through the runtime.
pub(super) fn invoke(
    interp: &mut Interp,
    callee: &Value,
    pos: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<Invoke> {
    match callee.as_obj() {
        Some(Obj::Function(f)) if !f.is_generator => {
            if let Code::Bytecode(code) = &f.code {
                let slots = crate::runtime::call::bind_arguments(interp, f, pos, kw)?;
                return Ok(Invoke::Frame(Frame::function(
                    code.clone(),
                    f,
                    callee.clone(),
                    slots,
                )));
            }
        }
        Some(Obj::BoundMethod(m, this)) => {
            if let Some(Obj::Function(f)) = m.as_obj() {
                if let (Code::Bytecode(code), false) = (&f.code, f.is_generator) {
                    let args = crate::runtime::call::with_first(this, pos);
                    let slots = crate::runtime::call::bind_arguments(interp, f, &args, kw)?;
                    return Ok(Invoke::Frame(Frame::function(
                        code.clone(),
                        f,
                        m.clone(),
                        slots,
                    )));
                }
            }
        }
        _ => {}
    }
    interp.call(callee, pos, kw).map(Invoke::Done)
}

/// Can `fval` be called with `argc` positional arguments that bind one to
/// one to its parameters (the call then needs no argument binding)?
#[inline(always)]
pub(crate) fn fast_callable(fval: &Value, argc: usize) -> bool {
    match fval.as_obj() {
        Some(Obj::Function(f)) => f.fast_arity as usize == argc,
        _ => false,
    }
}

/// Resume a generator frame with `input`: `Ok(Some(v))` if it yields
/// again at once (a delegated `yield from`), `Ok(None)` to continue.
/// (Inlined: every resumption of a generator comes here.)
#[inline(always)]
pub(crate) fn resume(
    interp: &mut Interp,
    f: &mut Frame,
    regs: &mut [Value],
    input: Resume,
) -> PyResult<Option<Value>> {
    if !f.suspended {
        // Not started: a throw raises before the first instruction.
        return match input {
            Resume::Send(_) => Ok(None),
            Resume::Throw(e) => Err(PyErr(e)),
        };
    }
    f.suspended = false;
    let at = f.pc as usize - 1;
    match f.code.instrs[at] {
        Instr::Yield { dst, .. } => match input {
            Resume::Send(v) => {
                if dst != NO_REG {
                    put(interp, regs, dst, v);
                }
                Ok(None)
            }
            Resume::Throw(e) => Err(PyErr(e)),
        },
        Instr::YieldFrom { dst, iter } => {
            let tb = f.code.temp_base;
            match yield_from_step(interp, regs, dst, iter, tb, input)? {
                Some(v) => {
                    f.suspended = true;
                    Ok(Some(v))
                }
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// One step of `yield from`: pass `input` to the sub-iterator; `Some(v)`
/// when it yields `v`, `None` when it is done (its result in `dst`).
pub(crate) fn yield_from_step(
    interp: &mut Interp,
    regs: &mut [Value],
    dst: Reg,
    iter: Reg,
    tb: Reg,
    input: Resume,
) -> PyResult<Option<Value>> {
    let it = regs[iter as usize].clone();
    let done = if matches!(it.as_obj(), Some(Obj::Generator(_))) {
        match iter::gen_resume(interp, &it, input)? {
            GenStep::Yield(x) => return Ok(Some(x)),
            GenStep::Return(r) => r,
        }
    } else {
        if let Resume::Throw(e) = input {
            return Err(PyErr(e));
        }
        match interp.next(&it)? {
            Some(x) => return Ok(Some(x)),
            None => Value::NONE,
        }
    };
    drop(it);
    consume(interp, regs, iter, tb);
    put_opt(interp, regs, dst, done);
    Ok(None)
}

/// Run `base` (not yet entered) until it returns, raises or yields. A
/// yielding frame is handed back with the result.
pub fn run(
    interp: &mut Interp,
    base: Frame,
    input: Option<Resume>,
) -> (Option<Frame>, PyResult<Exit>) {
    let mut slot = Some(base);
    let r = run_in_place(interp, &mut slot, input);
    (slot, r)
}

/// `run` on the frame in `slot`, left there (a generator's frame is not
/// moved per resumption: moving it stalled store forwarding); the slot
/// is emptied when the frame returns or raises.
pub fn run_in_place(
    interp: &mut Interp,
    slot: &mut Option<Frame>,
    input: Option<Resume>,
) -> PyResult<Exit> {
    let Some(base) = slot.as_mut() else {
        return Ok(Exit::Return(Value::NONE));
    };
    if let Err(e) = frame::enter(interp, base) {
        *slot = None;
        return Err(e);
    }
    // The register stack: the base frame's registers, then each callee's.
    let mut stack = std::mem::take(&mut base.regs);
    base.base = 0;
    // Frames called from the base frame, innermost last.
    let mut callers: Vec<Frame> = Vec::new();
    macro_rules! top {
        () => {
            match callers.last_mut() {
                Some(f) => f,
                None => &mut *base,
            }
        };
    }
    let mut outcome: Option<Outcome> = None;
    if let Some(inp) = input {
        let fresh = !base.suspended;
        match resume(interp, base, &mut stack, inp) {
            Ok(None) => {}
            Ok(Some(v)) => outcome = Some(Outcome::Yield(v)),
            Err(e) if fresh => {
                frame::leave(interp, base, false);
                *slot = None;
                return Err(e);
            }
            Err(e) => outcome = Some(Outcome::Reraise(e)),
        }
    }
    loop {
        let out = match outcome.take() {
            Some(o) => o,
            None => {
                let mut calls = Calls::new(&mut stack, &mut callers, base);
                execute(interp, &mut calls)
            }
        };
        // A call: enter the callee's frame and go on in it. (Tested here
        // first: handing every other outcome to `enter_called` and back
        // copied it field by field and read it back whole, a store
        // forwarding stall that was a tenth of a generator's resumption.)
        if out.enters_frame() {
            let mut calls = Calls::new(&mut stack, &mut callers, base);
            match enter_called(interp, &mut calls, out) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => outcome = Some(Outcome::Error(e)),
                Err(_) => unreachable!("enter_called enters every call"),
            }
            continue;
        }
        match out {
            Outcome::CallFast { .. }
            | Outcome::CallArgs { .. }
            | Outcome::CallInit { .. }
            | Outcome::Call(_) => {} // entered above
            Outcome::Stepped => {}
            Outcome::Return(v) => {
                if callers.is_empty() {
                    frame::leave(interp, base, false);
                    drop(stack);
                    *slot = None;
                    interp.run_finalizers();
                    return Ok(Exit::Return(v));
                }
                let mut calls = Calls::new(&mut stack, &mut callers, base);
                // (Not the `Return` arm of the loop: which temporaries are
                // live is not known, so all are released.)
                if let Err(e) = return_to_caller(interp, &mut calls, v, u16::MAX) {
                    outcome = Some(Outcome::Error(e));
                }
            }
            Outcome::Yield(v) => {
                debug_assert!(callers.is_empty());
                base.suspended = true;
                // (`base.regs` became `stack` on entry.)
                base.keep_regs(stack);
                frame::leave(interp, base, true);
                return Ok(Exit::Yield(v));
            }
            Outcome::Error(e) => {
                exceptions::chain_to_handled(interp, &e.0);
                outcome = Some(Outcome::Reraise(e));
            }
            Outcome::Reraise(e) => {
                // Find a handler in this frame or unwind into the caller.
                let cur = top!();
                let code = cur.code.clone();
                let fault = cur.pc.saturating_sub(1);
                exceptions::add_traceback(
                    &e.0,
                    &code.file,
                    code.line_at(fault as usize),
                    &code.name,
                    cur.entry.depth,
                );
                if let Some(h) = code.handler_for(fault) {
                    cur.pc = h.target;
                    frame::enter_handler(&code, h, &mut stack[cur.base as usize..], e.0);
                    interp.run_finalizers();
                    continue;
                }
                frame::leave(interp, cur, false);
                match callers.pop() {
                    Some(done) => {
                        stack.truncate(done.base as usize);
                        drop(done);
                        interp.run_finalizers();
                        outcome = Some(Outcome::Reraise(e));
                    }
                    None => {
                        drop(stack);
                        *slot = None;
                        return Err(e);
                    }
                }
            }
        }
    }
}

/// Enter a frame of the bytecode function `func` (`fast_callable`) whose
/// arguments `push_args` appends to the stack, its result going to `dst`:
/// the frame is built in place at the end of `callers` (frames are large
/// enough for moving them to show in profiles).
#[inline(always)]
fn enter_fast(
    interp: &mut Interp,
    stack: &mut Vec<Value>,
    callers: &mut Vec<Frame>,
    func: Value,
    dst: Reg,
    push_args: impl FnOnce(&mut Vec<Value>),
) -> PyResult<()> {
    let Some(Obj::Function(fo)) = func.as_obj() else {
        unreachable!("a fast call of a non-function")
    };
    let Code::Bytecode(code) = &fo.code else {
        unreachable!("a fast call of a non-bytecode function")
    };
    let new_base = stack.len();
    stack.reserve(code.nregs as usize);
    push_args(stack);
    frame::init_regs(code, stack, new_base, &fo.closure);
    // (`func` moves into the frame, which keeps `fo` and `code` alive.)
    let (fo, code): (*const Function, *const Rc<CodeObject>) = (&**fo, code);
    // SAFETY: `func` owns the function, and the frame owns `func` from
    // here on: both pointers stay valid.
    let f =
        unsafe { frame::push_function_frame(callers, func, &*fo, &*code, new_base as u32, dst) };
    // A fresh frame has no saved exceptions to restore: `frame::enter`
    // without that test.
    // SAFETY: the frame holds its code, whose frame info this is, until
    // `return_to_caller` or the unwinding of the run leaves it.
    match unsafe {
        frame::enter_entry_with::<false>(interp, f.counts_depth, &f.code.frame_info, &f.globals)
    } {
        Ok(entry) => {
            f.entry = entry;
            Ok(())
        }
        Err(e) => {
            stack.truncate(new_base);
            callers.pop();
            Err(e)
        }
    }
}

/// `Outcome::CallFast` on the frames of a run: enter `func` with the
/// `argc` arguments in the innermost frame's registers from `first`.
#[inline(always)]
fn call_fast(
    interp: &mut Interp,
    calls: &mut Calls<'_>,
    func: Value,
    first: Reg,
    argc: u16,
    dst: Reg,
) -> PyResult<()> {
    let src = calls.top().base as usize + first as usize;
    let end = src + argc as usize;
    assert!(
        end <= calls.stack.len(),
        "call arguments outside the register file"
    );
    let entered = enter_fast(interp, calls.stack, calls.callers, func, dst, |stack| {
        // (`enter_fast` reserved the callee's registers, of which the
        // arguments are the first: this holds unless a function's arity
        // exceeded its register file.)
        assert!(stack.capacity() - stack.len() >= end - src);
        for i in src..end {
            // SAFETY: `i` is below the length (asserted above; the stack
            // only grows while the arguments are moved), and there is room
            // for every argument (asserted just above).
            unsafe {
                let v = std::mem::replace(stack.get_unchecked_mut(i), Value::UNBOUND);
                frame::push_reserved(stack, v);
            }
        }
    });
    calls.frames_changed();
    entered
}

/// Enter the frame that a call outcome of the innermost frame asks for
/// (`CallFast`, `CallArgs`, `CallInit`, `Call`), whose pc is already past
/// the call; any other outcome is handed back. Both the dispatch loop and
/// `run_in_place` enter frames through here.
#[inline(always)]
fn enter_called(
    interp: &mut Interp,
    calls: &mut Calls<'_>,
    out: Outcome,
) -> Result<PyResult<()>, Outcome> {
    let entered = match out {
        Outcome::CallFast {
            func,
            first,
            argc,
            dst,
        } => call_fast(interp, calls, func, first, argc, dst),
        Outcome::CallArgs {
            func,
            arg,
            take,
            argc,
            dst,
        } => {
            let b = calls.top().base as usize;
            let first = protocol_arg(&mut calls.stack[b..], arg, take);
            enter_fast(interp, calls.stack, calls.callers, func, dst, |stack| {
                stack.push(first);
                for _ in 1..argc {
                    stack.push(Value::NONE);
                }
            })
        }
        Outcome::CallInit {
            func,
            first,
            argc,
            dst,
        } => {
            let src = calls.top().base as usize + first as usize;
            let obj = std::mem::replace(&mut calls.stack[src - 1], Value::UNBOUND);
            let this = obj.clone();
            let pushed = enter_fast(interp, calls.stack, calls.callers, func, dst, |stack| {
                stack.push(this);
                for i in src..src + argc as usize {
                    let v = std::mem::replace(&mut stack[i], Value::UNBOUND);
                    stack.push(v);
                }
            });
            if pushed.is_ok() {
                if let Some(f) = calls.callers.last_mut() {
                    f.init_self = obj;
                }
            }
            pushed
        }
        Outcome::Call(f) => {
            let mut f = *f;
            let new_base = calls.stack.len();
            calls.stack.append(&mut f.regs);
            f.base = new_base as u32;
            match frame::enter(interp, &mut f) {
                Ok(()) => {
                    calls.callers.push(f);
                    Ok(())
                }
                Err(e) => {
                    calls.stack.truncate(new_base);
                    drop(f);
                    Err(e)
                }
            }
        }
        other => return Err(other),
    };
    calls.frames_changed();
    Ok(entered)
}

/// Leave the innermost frame of a run (there is a caller) with its
/// result `v`, which goes to the caller's destination register (the new
/// instance instead, for an `__init__` frame of `Class(...)`). An error
/// (`__init__` returned something else) is the caller's.
#[inline(always)]
fn return_to_caller(
    interp: &mut Interp,
    calls: &mut Calls<'_>,
    v: Value,
    live: u16,
) -> PyResult<()> {
    let Some(done) = calls.callers.last_mut() else {
        unreachable!("a return to the caller of a base frame")
    };
    // (Frames called in a run never suspend: only a run's base frame does.)
    frame::leave_entry(interp, &done.entry, done.counts_depth, None);
    // Registers first, then the frame (in place).
    let dst = done.ret_dst;
    let init_self = std::mem::replace(&mut done.init_self, Value::UNBOUND);
    let base = done.base as usize;
    // SAFETY: the frame's registers are the stack from `base` on; after
    // their release the length drops below them, so none is used again.
    unsafe {
        frame::release_regs_at_return(&done.code, &mut calls.stack[base..], live);
        calls.stack.set_len(base);
    }
    frame::pop_finished(calls.callers);
    calls.frames_changed();
    let v = if init_self.is_unbound() {
        v
    } else {
        interp.init_result(v, init_self)?
    };
    let b = calls.top().base as usize;
    put_opt(interp, &mut calls.stack[b..], dst, v);
    interp.run_finalizers();
    Ok(())
}

/// `Class(*args)` for a user class (or exception class) with no Python
/// `__new__` whose `__init__` is a plain bytecode function taking the
/// arguments: the new instance (made as the runtime's `instantiate` does)
/// and the `__init__` to run in this loop (see `Outcome::CallInit`).
pub(crate) fn fast_init(
    interp: &mut Interp,
    cls: &Value,
    args: &[Value],
) -> Option<(Value, Value)> {
    let (layout, init) = fast_init_target(cls, args.len())?;
    Some((interp.new_instance(cls, layout, args), init))
}

/// `fast_init`'s checks, before anything is made: the class's layout and
/// the `__init__` a call of it with `argc` arguments runs.
pub(crate) fn fast_init_target(cls: &Value, argc: usize) -> Option<(Layout, Value)> {
    use crate::runtime::attr::{lookup_class_special, Special};
    let Some(Obj::Class(c)) = cls.as_obj() else {
        return None;
    };
    let layout = c.layout;
    if layout == Layout::Builtin {
        return None;
    }
    if let Some(new) = lookup_class_special(cls, Special::New) {
        if matches!(
            new.as_obj(),
            Some(Obj::Function(_)) | Some(Obj::StaticMethod(_))
        ) {
            return None;
        }
    }
    let init = lookup_class_special(cls, Special::Init)?;
    fast_callable(&init, argc + 1).then_some((layout, init))
}

/// The frames of one `run`: its register stack, the frames called from
/// its base frame (innermost last) and the base frame. The dispatch loop
/// enters and leaves Python frames on it in place (see `run_instrs`).
pub(super) struct Calls<'s> {
    pub stack: &'s mut Vec<Value>,
    pub callers: &'s mut Vec<Frame>,
    pub base: &'s mut Frame,
    /// The innermost frame: the last of `callers`, else `base` (kept
    /// current by `frames_changed`, so the loop does not re-derive it
    /// several times per call).
    top: *mut Frame,
}

impl<'s> Calls<'s> {
    #[inline(always)]
    pub fn new(
        stack: &'s mut Vec<Value>,
        callers: &'s mut Vec<Frame>,
        base: &'s mut Frame,
    ) -> Calls<'s> {
        let mut calls = Calls {
            stack,
            callers,
            base,
            top: std::ptr::null_mut(),
        };
        calls.frames_changed();
        calls
    }

    /// Note a frame entered or left (`callers` may also have moved).
    #[inline(always)]
    fn frames_changed(&mut self) {
        self.top = match self.callers.last_mut() {
            Some(f) => f,
            None => &mut *self.base,
        };
    }

    /// The innermost frame.
    #[inline(always)]
    fn top(&mut self) -> &mut Frame {
        // SAFETY: `top` points at the innermost frame, re-derived by
        // `frames_changed` whenever `callers` changes (the base frame does
        // not move during the run); `&mut self` makes the borrow unique.
        unsafe { &mut *self.top }
    }

    /// What the loop works on in the innermost frame, and its pc.
    ///
    /// # Safety
    /// The view borrows from the frame and the stack without their
    /// borrows: it must not be used after `stack` or `callers` changes
    /// (a frame entered or left), when a new view is taken instead.
    #[inline(always)]
    unsafe fn running<'a>(&mut self) -> (Running<'a>, usize) {
        let top = self.top;
        // SAFETY: `top` is the live innermost frame (the base frame does
        // not move during the run; a caller frame moves only when
        // `callers` changes, which the contract excludes). The code object
        // is behind its `Rc`. The frame's registers are `nregs` values of
        // the stack from its base (they were pushed on entry and stay until
        // it is left); nothing else touches the stack while the view is in
        // use.
        unsafe {
            let f = &*top;
            let code: &'a CodeObject = &*Rc::as_ptr(&f.code);
            let regs = std::slice::from_raw_parts_mut(
                self.stack.as_mut_ptr().add(f.base as usize),
                code.nregs as usize,
            );
            let globals: &'a Value = &*(&*f.globals as *const Value);
            let ns: Option<&'a Value> = f.ns().map(|n| &*(n as *const Value));
            let run = Running {
                code,
                globals,
                ns,
                regs,
            };
            (run, f.pc as usize)
        }
    }
}

/// The frame the dispatch loop is running: its code, globals, namespace
/// (module and class bodies) and registers.
pub(crate) struct Running<'a> {
    pub code: &'a CodeObject,
    pub globals: &'a Value,
    pub ns: Option<&'a Value>,
    pub regs: &'a mut [Value],
}

/// Execute instructions from the innermost frame of `calls` on, entering
/// called Python functions and returning from them in place, until
/// something leaves the loop (a call it does not run inline, a return
/// from the base frame, a yield, an error); the innermost frame's pc is
/// then where to go on.
#[inline(never)]
fn execute(interp: &mut Interp, calls: &mut Calls<'_>) -> Outcome {
    // SAFETY: `run_instrs` takes a new view after every frame change.
    let (run, mut pc) = unsafe { calls.running() };
    run_instrs::<false>(interp, run, &mut pc, Some(calls))
}

/// Run the one instruction at `*pc` with the dispatch loop's fast paths:
/// `Outcome::Stepped` when it completed (`*pc` is then the next one, or a
/// branch target), else what left the frame. The JIT's generic path, so
/// every fast path of the loop serves both backends.
pub(crate) fn exec_one(
    interp: &mut Interp,
    code: &CodeObject,
    globals: &Value,
    ns: &Value,
    regs: &mut [Value],
    pc: &mut usize,
) -> Outcome {
    assert_eq!(regs.len(), code.nregs as usize, "a partial register file");
    let ns = if ns.is_unbound() { None } else { Some(ns) };
    let run = Running {
        code,
        globals,
        ns,
        regs,
    };
    run_instrs::<true>(interp, run, pc, None)
}

/// Does the dispatch loop (`run_instrs`) have an inline case for `ins`?
/// For any other instruction the loop goes straight to `slow::slow`, and
/// so may the JIT's generic path (`jit::runtime_calls::step_slow`). Keep
/// in step with the arms of `run_instrs`; a kind missing here only costs
/// the JIT the loop's fast path.
pub(crate) fn loop_has_fast_path(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::Move { .. }
            | Instr::LoadConst { .. }
            | Instr::Add { .. }
            | Instr::InplaceAdd { .. }
            | Instr::Sub { .. }
            | Instr::InplaceSub { .. }
            | Instr::Mul { .. }
            | Instr::FloorDiv { .. }
            | Instr::Mod { .. }
            | Instr::TrueDiv { .. }
            | Instr::BinOp { .. }
            | Instr::Inplace { .. }
            | Instr::GetIter { .. }
            | Instr::ExcMatch { .. }
            | Instr::PushHandled { .. }
            | Instr::PopHandled
            | Instr::Lt { .. }
            | Instr::Le { .. }
            | Instr::Gt { .. }
            | Instr::Ge { .. }
            | Instr::Eq { .. }
            | Instr::Ne { .. }
            | Instr::Compare { .. }
            | Instr::Jump { .. }
            | Instr::JumpIfFalse { .. }
            | Instr::JumpIfFalseKeep { .. }
            | Instr::JumpIfTrue { .. }
            | Instr::JumpIfTrueKeep { .. }
            | Instr::JumpIfNotLt { .. }
            | Instr::JumpIfNotLe { .. }
            | Instr::JumpIfNotGt { .. }
            | Instr::JumpIfNotGe { .. }
            | Instr::JumpIfNotEq { .. }
            | Instr::JumpIfNotNe { .. }
            | Instr::JumpIfIs { .. }
            | Instr::JumpIfIsNot { .. }
            | Instr::LoadGlobal { .. }
            | Instr::GetAttr { .. }
            | Instr::SetAttr { .. }
            | Instr::GetItem { .. }
            | Instr::BuildTuple { .. }
            | Instr::SetItem { .. }
            | Instr::Call { .. }
            | Instr::CallMethod { .. }
            | Instr::ForIter { .. }
            | Instr::Clear { .. }
            | Instr::LoadCell { .. }
            | Instr::LoadFree { .. }
            | Instr::Unary { .. }
            | Instr::Yield { .. }
            | Instr::Return { .. }
    )
}

/// The hot loop: the common cases of the most frequent instructions
/// inline; everything else (and every slow path) in `slow::slow`. With
/// `ONE`, it stops after one instruction (see `exec_one`).
#[inline(always)]
fn run_instrs<const ONE: bool>(
    interp: &mut Interp,
    run: Running<'_>,
    pc_out: &mut usize,
    mut calls: Option<&mut Calls<'_>>,
) -> Outcome {
    let Running {
        mut code,
        mut globals,
        ns: mut ns_opt,
        mut regs,
    } = run;
    let mut instrs: &[Instr] = &code.instrs;
    let mut tb = code.temp_base;
    let mut pc = *pc_out;
    // The registers of the running frame, without bounds checks.
    // SAFETY (of each use): `regs` is the whole register file of `code`
    // (`nregs` values, see `Calls::running` and `exec_one`), and every
    // register an inline case below names is below `nregs`
    // (`bytecode::verify`).
    macro_rules! rs {
        ($r:expr) => {
            unsafe { reg(regs, $r) }
        };
    }
    macro_rules! rm {
        ($r:expr) => {
            unsafe { reg_mut(regs, $r) }
        };
    }
    macro_rules! take_reg {
        ($r:expr) => {
            unsafe { take_unchecked(regs, $r, tb) }
        };
    }
    macro_rules! consume_reg {
        ($r:expr) => {
            unsafe { consume_unchecked(interp, regs, $r, tb) }
        };
    }
    // `dst = f(a, b)` by the runtime function `f` of the two operands,
    // taken (temporaries emptied) as `slow` takes them: what `slow` would
    // do, without its dispatch.
    macro_rules! by_runtime {
        ($dst:expr, $a:expr, $b:expr, $f:expr) => {{
            let (x, y) = (take_reg!($a), take_reg!($b));
            let r = ($f)(&x, &y);
            drop((x, y));
            match r {
                Ok(v) => {
                    put_reg!($dst, v);
                    continue;
                }
                Err(e) => break Outcome::Error(e),
            }
        }};
    }
    macro_rules! put_reg {
        ($r:expr, $v:expr) => {{
            let v = $v;
            unsafe { put_unchecked(interp, regs, $r, v) }
        }};
    }
    // Leave the loop with the outcome `$o`, unless it is a call this loop
    // can enter (only without `ONE`): then go on in the callee.
    macro_rules! enter_or_break {
        ($o:expr) => {{
            let o = $o;
            match calls.as_deref_mut().filter(|_| !ONE) {
                Some(c) => {
                    c.top().pc = pc as u32;
                    match enter_called(interp, c, o) {
                        Ok(Ok(())) => {
                            switch_frame!(c);
                            continue;
                        }
                        Ok(Err(e)) => break Outcome::Error(e),
                        Err(o) => break o,
                    }
                }
                None => break o,
            }
        }};
    }
    // Note the running instruction's source position where the runtime's
    // view of the frame (`FrameInfo`) reads it, before a call.
    macro_rules! note_position {
        () => {
            code.pos.set(code.positions[pc - 1])
        };
    }
    // Go on in the innermost frame of `calls` after entering or leaving
    // a frame (only without `ONE`).
    macro_rules! switch_frame {
        ($calls:expr) => {{
            // SAFETY: a new view right after the frame change; the old
            // one is not used again.
            let (run, p) = unsafe { $calls.running() };
            code = run.code;
            globals = run.globals;
            ns_opt = run.ns;
            regs = run.regs;
            instrs = &code.instrs;
            tb = code.temp_base;
            pc = p;
        }};
    }
    let mut ran = false;
    let out = loop {
        if ONE {
            if ran {
                break Outcome::Stepped;
            }
            ran = true;
        }
        // SAFETY: `pc` is an instruction: the code starts at 0 (or where it
        // stopped, at an instruction), every branch and handler target is one
        // and its last instruction ends the flow (`bytecode::verify`).
        let ins_ref = unsafe { instrs.get_unchecked(pc) };
        pc += 1;
        match *ins_ref {
            Instr::Move { dst, src } => {
                let v = take_reg!(src);
                put_reg!(dst, v);
                continue;
            }
            Instr::LoadConst { dst, idx } => {
                let v = code.consts[idx as usize].clone();
                put_reg!(dst, v);
                continue;
            }
            Instr::Add { dst, a, b } | Instr::InplaceAdd { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    put_reg!(dst, Value::int(i + j));
                    continue;
                }
                if let (Some(p), Some(q)) = (number_f64(x), number_f64(y)) {
                    put_reg!(dst, Value::float(p + q));
                    continue;
                }
                match str_add_regs(interp, regs, dst, a, b, tb) {
                    Some(Ok(())) => continue,
                    Some(Err(e)) => break Outcome::Error(e),
                    None => {}
                }
            }
            Instr::Sub { dst, a, b } | Instr::InplaceSub { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    put_reg!(dst, Value::int(i - j));
                    continue;
                }
                if let (Some(p), Some(q)) = (number_f64(x), number_f64(y)) {
                    put_reg!(dst, Value::float(p - q));
                    continue;
                }
            }
            Instr::Mul { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    if let Some(r) = i.checked_mul(j) {
                        put_reg!(dst, Value::int(r));
                        continue;
                    }
                } else if let (Some(p), Some(q)) = (number_f64(x), number_f64(y)) {
                    put_reg!(dst, Value::float(p * q));
                    continue;
                }
            }
            Instr::Mod { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    if j != 0 {
                        let mut r = i % j;
                        if r != 0 && ((r < 0) != (j < 0)) {
                            r += j;
                        }
                        put_reg!(dst, Value::int(r));
                        continue;
                    }
                }
            }
            Instr::BinOp { op, dst, a, b } | Instr::Inplace { op, dst, a, b } => {
                // Shifts, bitwise and power of small ints (`r >> 8`).
                if let Some(v) = fast_binop(op, rs!(a), rs!(b)) {
                    put_reg!(dst, v);
                    continue;
                }
            }
            Instr::ExcMatch { dst, exc, typ } => {
                // (An error, a bad `except` operand, is raised by `slow`.)
                if let Ok(m) = crate::runtime::exceptions::matches(interp, rs!(exc), rs!(typ)) {
                    consume_reg!(typ);
                    put_reg!(dst, Value::bool(m));
                    continue;
                }
            }
            Instr::PushHandled { exc } => {
                let e = rs!(exc).clone();
                interp.handled.push(e);
                continue;
            }
            Instr::PopHandled => {
                let old = interp.handled.pop();
                drop(old);
                continue;
            }
            Instr::GetIter { dst, src } => {
                // A temporary that nothing else holds (`range(n)` in a
                // `for`) may become its own iterator.
                if src >= tb
                    && (*rm!(src))
                        .unique_obj_mut()
                        .is_some_and(iter::become_iterator)
                {
                    let it = take_reg!(src);
                    put_reg!(dst, it);
                    continue;
                }
                // Built-in iterables; instances (`__iter__`) go slow.
                if let Some(it) = crate::runtime::iter::native_iter(rs!(src)) {
                    consume_reg!(src);
                    put_reg!(dst, it);
                    continue;
                }
            }
            Instr::FloorDiv { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    if j != 0 {
                        let mut q = i / j;
                        if i % j != 0 && ((i < 0) != (j < 0)) {
                            q -= 1;
                        }
                        put_reg!(dst, Value::int(q));
                        continue;
                    }
                }
            }
            Instr::TrueDiv { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(p), Some(q)) = (number_f64(x), number_f64(y)) {
                    if q != 0.0 {
                        put_reg!(dst, Value::float(p / q));
                        continue;
                    }
                }
            }
            Instr::Lt { dst, a, b }
            | Instr::Le { dst, a, b }
            | Instr::Gt { dst, a, b }
            | Instr::Ge { dst, a, b }
            | Instr::Eq { dst, a, b }
            | Instr::Ne { dst, a, b } => {
                let (x, y) = (rs!(a), rs!(b));
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    let r = match *ins_ref {
                        Instr::Lt { .. } => i < j,
                        Instr::Le { .. } => i <= j,
                        Instr::Gt { .. } => i > j,
                        Instr::Ge { .. } => i >= j,
                        Instr::Eq { .. } => i == j,
                        _ => i != j,
                    };
                    put_reg!(dst, Value::bool(r));
                    continue;
                }
            }
            Instr::Jump { target } => {
                // A backward jump closes a loop iteration: poll the limits
                // (fuel, deadline, memory, output, Ctrl-C) there.
                if (target as usize) < pc {
                    if let Err(e) = interp.tick() {
                        break Outcome::Error(e);
                    }
                }
                pc = target as usize;
                continue;
            }
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfFalseKeep { cond, target } => {
                let c = rs!(cond);
                if c.is(&Value::FALSE) {
                    pc = target as usize;
                    continue;
                }
                if c.is(&Value::TRUE) {
                    continue;
                }
            }
            Instr::JumpIfTrue { cond, target } | Instr::JumpIfTrueKeep { cond, target } => {
                let c = rs!(cond);
                if c.is(&Value::TRUE) {
                    pc = target as usize;
                    continue;
                }
                if c.is(&Value::FALSE) {
                    continue;
                }
            }
            Instr::JumpIfNotLt { a, b, target } => {
                if let (Some(i), Some(j)) = ((*rm!(a)).as_small_int(), (*rm!(b)).as_small_int()) {
                    if i >= j {
                        pc = target as usize;
                    }
                    continue;
                }
            }
            Instr::JumpIfNotLe { a, b, target } => {
                if let (Some(i), Some(j)) = ((*rm!(a)).as_small_int(), (*rm!(b)).as_small_int()) {
                    if i > j {
                        pc = target as usize;
                    }
                    continue;
                }
            }
            Instr::JumpIfNotGt { a, b, target } => {
                if let (Some(i), Some(j)) = ((*rm!(a)).as_small_int(), (*rm!(b)).as_small_int()) {
                    if i <= j {
                        pc = target as usize;
                    }
                    continue;
                }
            }
            Instr::JumpIfNotGe { a, b, target } => {
                if let (Some(i), Some(j)) = ((*rm!(a)).as_small_int(), (*rm!(b)).as_small_int()) {
                    if i < j {
                        pc = target as usize;
                    }
                    continue;
                }
            }
            Instr::JumpIfNotEq { a, b, target } => {
                if let (Some(i), Some(j)) = ((*rm!(a)).as_small_int(), (*rm!(b)).as_small_int()) {
                    if i != j {
                        pc = target as usize;
                    }
                    continue;
                }
            }
            Instr::JumpIfNotNe { a, b, target } => {
                if let (Some(i), Some(j)) = ((*rm!(a)).as_small_int(), (*rm!(b)).as_small_int()) {
                    if i == j {
                        pc = target as usize;
                    }
                    continue;
                }
            }
            Instr::JumpIfIs { a, b, target } | Instr::JumpIfIsNot { a, b, target } => {
                let same = same_object(rs!(a), rs!(b));
                consume_reg!(a);
                consume_reg!(b);
                if same == matches!(*ins_ref, Instr::JumpIfIs { .. }) {
                    pc = target as usize;
                }
                continue;
            }
            Instr::ForIter { dst, iter, target } => {
                if let Some(step) = iter::native_next(rs!(iter)) {
                    match step {
                        Some(v) => put_reg!(dst, v),
                        None => {
                            consume_reg!(iter);
                            pc = target as usize;
                        }
                    }
                    continue;
                }
                if matches!((*rm!(iter)).as_obj(), Some(Obj::Generator(_))) {
                    // `for x in gen`: resumed as `Interp::next` would.
                    let it = (*rm!(iter)).clone();
                    let step = iter::gen_resume(interp, &it, Resume::Send(Value::NONE));
                    drop(it);
                    match step {
                        Ok(GenStep::Yield(v)) => put_reg!(dst, v),
                        Ok(GenStep::Return(_)) => {
                            consume_reg!(iter);
                            pc = target as usize;
                        }
                        Err(e) => break Outcome::Error(e),
                    }
                    continue;
                }
            }
            // A tuple or list of the right length, unless the source is
            // among the targets (then `slow`).
            Instr::Unpack { src, dst, n } if src < dst || src >= dst + n => {
                // SAFETY: register `src` is not a target (the guard), so it
                // keeps the sequence alive while the targets change (what
                // they held is only dropped: no Python code runs).
                let seq: *const Value = rs!(src);
                let done = match unsafe { &*seq }.as_obj() {
                    Some(Obj::Tuple(t)) if t.len() == n as usize => {
                        for (i, x) in t.iter().enumerate() {
                            *rm!(dst + i as Reg) = x.clone();
                        }
                        true
                    }
                    Some(Obj::List(l)) if l.borrow().len() == n as usize => {
                        for (i, x) in l.borrow().iter().enumerate() {
                            *rm!(dst + i as Reg) = x.clone();
                        }
                        true
                    }
                    _ => false,
                };
                if done {
                    consume_reg!(src);
                    // What the targets held was dropped without running
                    // finalizers (the list was borrowed): run them now.
                    interp.run_finalizers();
                    continue;
                }
            }
            Instr::BuildTuple { dst, start, n } => {
                // SAFETY: `start..start + n` are registers (`verify`).
                let t = Value::tuple_of(n as usize, |i| unsafe {
                    take_unchecked(regs, start + i as Reg, tb)
                });
                put_reg!(dst, t);
                continue;
            }
            Instr::GetItem { dst, obj, idx } => {
                // `list[k]` with `0 <= k < len` first, inline (the most
                // frequent case; `fast_getitem` is a call here). Spelled
                // out here: the same code as a helper of `subscript`, even
                // inlined, made spectral_norm a third slower (the loop's
                // layout; same instructions).
                if let (Some(Obj::List(l)), Some(k)) = (rs!(obj).as_obj(), rs!(idx).as_small_int())
                {
                    // (A negative `k` is far out of range as a `usize`.)
                    let item = l.borrow().get(k as usize).cloned();
                    if let Some(v) = item {
                        consume_reg!(obj);
                        put_reg!(dst, v);
                        continue;
                    }
                }
                if let Some(v) = fast_getitem(rs!(obj), rs!(idx)) {
                    consume_reg!(obj);
                    put_reg!(dst, v);
                    continue;
                }
                if matches!(rs!(obj).as_obj(), Some(Obj::Dict(_))) {
                    // `d[k]`: the runtime's lookup (and KeyError).
                    by_runtime!(dst, obj, idx, |o, i| interp.getitem(o, i));
                }
            }
            Instr::Compare {
                dst,
                a,
                b,
                op: op @ (CmpOp::In | CmpOp::NotIn),
            } if matches!(rs!(b).as_obj(), Some(Obj::Dict(_))) => {
                // `k in d`: the runtime's test.
                by_runtime!(dst, a, b, |x, y| interp.compare(op, x, y));
            }
            Instr::Compare {
                dst,
                a,
                b,
                op: op @ (CmpOp::Is | CmpOp::IsNot),
            } => {
                let same = same_object(rs!(a), rs!(b));
                consume_reg!(a);
                consume_reg!(b);
                put_reg!(dst, Value::bool(same == (op == CmpOp::Is)));
                continue;
            }
            Instr::SetItem { obj, idx, src } => {
                // `list[i] = v` with a small int index in range.
                let o = (*rm!(obj)).clone();
                if let (Some(Obj::List(l)), Some(k)) = (o.as_obj(), (*rm!(idx)).as_small_int()) {
                    let mut l = l.borrow_mut();
                    let len = l.len() as i64;
                    let k = if k < 0 { k + len } else { k };
                    if (0..len).contains(&k) {
                        let v = take_reg!(src);
                        let old = std::mem::replace(&mut l[k as usize], v);
                        drop(l);
                        drop(o);
                        consume_reg!(obj);
                        consume_reg!(idx);
                        if old.is_obj() {
                            release(interp, old);
                        }
                        continue;
                    }
                }
                if matches!(o.as_obj(), Some(Obj::Dict(_))) {
                    // `d[k] = v`: the runtime's store, as `slow` makes it,
                    // without its dispatch.
                    drop(o);
                    let v = take_reg!(src);
                    let (o, i) = (take_reg!(obj), take_reg!(idx));
                    let r = interp.setitem(&o, &i, v);
                    drop((o, i));
                    match r {
                        Ok(()) => continue,
                        Err(e) => break Outcome::Error(e),
                    }
                }
            }
            Instr::GetAttr { dst, obj, name } => {
                // SAFETY: the name of this instruction (`name_site`).
                let site = unsafe { code.name_site(name as usize) };
                let (key, hash, cache) = (site.key, &site.hash, site.attr_cache);
                let o = rs!(obj);
                if let Some(v) =
                    crate::runtime::attr::get_instance_attr_cached(o, key, *hash, cache)
                {
                    consume_reg!(obj);
                    put_reg!(dst, v);
                    continue;
                }
                if let Some(getter) = crate::runtime::attr::cached_getter(o, cache) {
                    if fast_callable(&getter, 1) {
                        note_position!();
                        enter_or_break!(Outcome::CallArgs {
                            func: getter,
                            arg: obj,
                            take: obj >= tb,
                            argc: 1,
                            dst,
                        });
                    }
                }
            }
            Instr::SetAttr { obj, name, src } => {
                // An instance attribute the cache says is a plain dict
                // entry (else `slow`, with the value back in its register).
                // SAFETY: the name of this instruction (`name_site`).
                let site = unsafe { code.name_site(name as usize) };
                let (key, hash, cache) = (site.key, &site.hash, site.attr_cache);
                let v = take_reg!(src);
                match crate::runtime::attr::set_instance_attr_cached(rs!(obj), key, *hash, cache, v)
                {
                    Ok(old) => {
                        consume_reg!(obj);
                        if let Some(old) = old.filter(Value::is_obj) {
                            release(interp, old);
                        }
                        continue;
                    }
                    Err(v) => {
                        if src >= tb {
                            *rm!(src) = v;
                        }
                    }
                }
            }
            Instr::LoadGlobal { dst, name } => {
                if let Some(v) = helpers::global_or_builtin(interp, code, globals, name as usize) {
                    put_reg!(dst, v);
                    continue;
                }
            }
            Instr::Call { dst, func, argc } => {
                if fast_callable(rs!(func), argc as usize) {
                    note_position!();
                    let fv = std::mem::replace(rm!(func), Value::UNBOUND);
                    if let Some(c) = calls.as_deref_mut().filter(|_| !ONE) {
                        c.top().pc = pc as u32;
                        match call_fast(interp, c, fv, func + 1, argc, dst) {
                            Ok(()) => {
                                switch_frame!(c);
                                continue;
                            }
                            Err(e) => break Outcome::Error(e),
                        }
                    }
                    break Outcome::CallFast {
                        func: fv,
                        first: func + 1,
                        argc,
                        dst,
                    };
                }
                match (*rm!(func)).as_obj() {
                    Some(Obj::Native(n)) => {
                        // A built-in function (`len(x)`, `isinstance(x, t)`):
                        // called as `Interp::call` would, without its dispatch.
                        let native = n.func;
                        note_position!();
                        let fv = std::mem::replace(rm!(func), Value::UNBOUND);
                        let first = func as usize + 1;
                        let r =
                            call_native(interp, regs, native, first..first + argc as usize, dst);
                        drop(fv);
                        match r {
                            Ok(()) => continue,
                            Err(e) => break Outcome::Error(e),
                        }
                    }
                    Some(Obj::Class(c)) if c.layout == Layout::Builtin => {
                        if let Some(new) = c.native_new.get() {
                            // `str(x)`, `list(it)`: the type's `__new__` gets
                            // the type and the arguments, which are in
                            // consecutive registers already.
                            note_position!();
                            let args = func as usize..func as usize + 1 + argc as usize;
                            match call_native(interp, regs, new, args, dst) {
                                Ok(()) => continue,
                                Err(e) => break Outcome::Error(e),
                            }
                        }
                    }
                    Some(Obj::Class(_)) => {
                        // `Point(x, y)`: the new instance, then its bytecode
                        // `__init__` entered in this loop (as `slow` would).
                        note_position!();
                        let cls = (*rm!(func)).clone();
                        let first = func as usize + 1;
                        let args = &regs[first..first + argc as usize];
                        if let Some((obj, init)) = fast_init(interp, &cls, args) {
                            put_reg!(func, obj);
                            drop(cls);
                            enter_or_break!(Outcome::CallInit {
                                func: init,
                                first: func + 1,
                                argc,
                                dst,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Instr::CallMethod {
                dst,
                obj,
                argc,
                name,
            } => {
                // SAFETY: the name of this instruction (`name_site`).
                let site = unsafe { code.name_site(name as usize) };
                let (key, hash, cache) = (site.key, &site.hash, site.method_cache);
                if let Some(func) = crate::runtime::attr::cached_method(rs!(obj), key, *hash, cache)
                {
                    if fast_callable(&func, argc as usize + 1) {
                        note_position!();
                        if let Some(c) = calls.as_deref_mut().filter(|_| !ONE) {
                            c.top().pc = pc as u32;
                            match call_fast(interp, c, func, obj, argc + 1, dst) {
                                Ok(()) => {
                                    switch_frame!(c);
                                    continue;
                                }
                                Err(e) => break Outcome::Error(e),
                            }
                        }
                        break Outcome::CallFast {
                            func,
                            first: obj,
                            argc: argc + 1,
                            dst,
                        };
                    }
                } else if let Some(func) =
                    crate::runtime::attr::cached_native_method(rs!(obj), cache)
                {
                    // A built-in object's method (`s.lower()`), as `slow`
                    // calls a `Method::Native`.
                    note_position!();
                    let args = obj as usize..obj as usize + argc as usize + 1;
                    match call_native(interp, regs, func, args, dst) {
                        Ok(()) => continue,
                        Err(e) => break Outcome::Error(e),
                    }
                } else if let Some(func) = helpers::module_native(rs!(obj), key, *hash) {
                    // A module's built-in function (`math.sqrt(x)`): called
                    // without the module, as `slow` calls a `Method::Plain`.
                    note_position!();
                    consume_reg!(obj);
                    let first = obj as usize + 1;
                    match call_native(interp, regs, func, first..first + argc as usize, dst) {
                        Ok(()) => continue,
                        Err(e) => break Outcome::Error(e),
                    }
                }
            }
            Instr::Return { src, live } => {
                let v = take_reg!(src);
                if let Some(c) = calls.as_deref_mut().filter(|_| !ONE) {
                    if !c.callers.is_empty() {
                        match return_to_caller(interp, c, v, live) {
                            Ok(()) => {
                                switch_frame!(c);
                                continue;
                            }
                            Err(e) => {
                                // The caller's error, at its pc.
                                pc = c.top().pc as usize;
                                break Outcome::Error(e);
                            }
                        }
                    }
                }
                break Outcome::Return(v);
            }
            Instr::Yield { src, .. } => {
                // (Only a run's base frame can be a generator's: the value
                // leaves the run.)
                let v = take_reg!(src);
                break Outcome::Yield(v);
            }
            Instr::LoadCell { dst, cell, .. } | Instr::LoadFree { dst, cell, .. } => {
                // A closure's variable (an unbound one raises in `slow`).
                if let Some(Obj::Cell(c)) = rs!(cell).as_obj() {
                    let v = c.borrow().clone();
                    if !v.is_unbound() {
                        put_reg!(dst, v);
                        continue;
                    }
                }
            }
            Instr::Unary { op, dst, src } => {
                let x = rs!(src);
                match op {
                    UnaryOp::Not => {
                        if let Some(t) = fast_truthy(x) {
                            put_reg!(dst, Value::bool(!t));
                            continue;
                        }
                    }
                    UnaryOp::Neg => {
                        if let Some(i) = x.as_small_int() {
                            put_reg!(dst, Value::int(-i));
                            continue;
                        }
                    }
                    _ => {}
                }
            }
            Instr::Clear { reg } => {
                let old = std::mem::replace(rm!(reg), Value::UNBOUND);
                if old.is_obj() {
                    release(interp, old);
                }
                continue;
            }
            _ => {}
        }
        let mut p = pc;
        if let Some(o) = super::slow::slow(interp, code, globals, ns_opt, regs, *ins_ref, &mut p) {
            pc = p;
            enter_or_break!(o);
        }
        pc = p;
    };
    match calls {
        Some(c) => c.top().pc = pc as u32,
        None => *pc_out = pc,
    }
    out
}

/// `dst = a + b` (or `+=`) when both are strs (immutable: never in
/// place), the operands' temporaries released; `None` for other
/// operands. The dispatch loop's case, and `slow`'s for the JIT.
#[inline(always)]
pub(super) fn str_add_regs(
    interp: &mut Interp,
    regs: &mut [Value],
    dst: Reg,
    a: Reg,
    b: Reg,
    tb: Reg,
) -> Option<PyResult<()>> {
    let (Some(Obj::Str(p)), Some(Obj::Str(q))) =
        (regs[a as usize].as_obj(), regs[b as usize].as_obj())
    else {
        return None;
    };
    let v = match interp.str_add(p, q) {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    consume(interp, regs, a, tb);
    consume(interp, regs, b, tb);
    put(interp, regs, dst, v);
    Some(Ok(()))
}

/// Call the native function `func` (a built-in, or a built-in type's
/// method with its object first) with the arguments in registers `args`
/// (emptied afterwards), its result to `dst`.
#[inline]
pub(super) fn call_native(
    interp: &mut Interp,
    regs: &mut [Value],
    func: crate::runtime::object::NativeFnPtr,
    args: std::ops::Range<usize>,
    dst: Reg,
) -> PyResult<()> {
    let r = func(interp, &regs[args.clone()], &[]);
    for r in args {
        regs[r] = Value::UNBOUND;
    }
    interp.run_finalizers();
    put_opt(interp, regs, dst, r?);
    interp.run_finalizers();
    Ok(())
}

/// Move `n` consecutive operands out of the register file.
#[inline]
pub(super) fn take_range(regs: &mut [Value], start: Reg, n: u16, tb: Reg) -> Vec<Value> {
    take_each(regs, start, n, tb).collect()
}

/// Registers `start..start + n` one by one, as `take` (for containers
/// built in place).
#[inline]
pub(super) fn take_each(
    regs: &mut [Value],
    start: Reg,
    n: u16,
    tb: Reg,
) -> impl ExactSizeIterator<Item = Value> + '_ {
    (start..start + n).map(move |r| take(regs, r, tb))
}

/// `list[i]`, `tuple[i]` with a small int index in range.
#[inline]
pub(super) fn fast_getitem(o: &Value, i: &Value) -> Option<Value> {
    crate::runtime::subscript::sequence_item(o, i)
}

/// How `obj.name(...)` is called.
pub(crate) enum Method {
    /// A Python function found on the type: call it with `obj` first.
    Function(Value),
    /// A native method found on the type: call it with `obj` first.
    Native(crate::runtime::object::NativeFnPtr),
    /// A module's attribute: call it as it is (`getattr` would not bind it).
    Plain(Value),
    /// Anything else: `getattr`, then call.
    Attr,
}

/// Find a method the way `getattr` would, without binding it (`key` is
/// the name as an interned str, `hash` its hash).
#[inline]
pub(crate) fn method_lookup(
    interp: &Interp,
    obj: &Value,
    name: &str,
    key: &Value,
    hash: i64,
) -> Method {
    use crate::runtime::attr::lookup_in_class;
    use crate::runtime::dict::Probe;
    match obj.as_obj() {
        Some(Obj::Instance(inst)) => {
            // An instance attribute of the name shadows the class's.
            let shadowed = || !matches!(inst.dict.borrow().probe(hash, key), Probe::NotFound);
            let Some(found) = lookup_in_class(&inst.class, name) else {
                return Method::Attr;
            };
            match found.as_obj() {
                Some(Obj::Function(_)) => {
                    if shadowed() {
                        return Method::Attr;
                    }
                    Method::Function(found)
                }
                Some(Obj::Native(n)) if n.binds_self => {
                    if shadowed() {
                        return Method::Attr;
                    }
                    Method::Native(n.func)
                }
                _ => Method::Attr,
            }
        }
        Some(Obj::Module(m)) => {
            let d = helpers::dict_of(&m.dict).borrow();
            match d.probe(hash, key) {
                Probe::Found(p) => Method::Plain(d.value_at(p).clone()),
                _ => Method::Attr,
            }
        }
        Some(Obj::Class(_)) | Some(Obj::Super(..)) | None => Method::Attr,
        Some(_) => {
            let cls = interp.type_of(obj);
            match lookup_in_class(&cls, name) {
                Some(found) => match found.as_obj() {
                    Some(Obj::Native(n)) if n.binds_self => Method::Native(n.func),
                    _ => Method::Attr,
                },
                None => Method::Attr,
            }
        }
    }
}

/// Shared by `vm::call_bytecode`: run a function frame to completion.
pub fn call_frame(interp: &mut Interp, frame: Frame) -> PyResult<Value> {
    match run(interp, frame, None).1? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(interp.err(
            crate::runtime::ExcType::SyntaxError,
            "'yield' outside function",
        )),
    }
}
