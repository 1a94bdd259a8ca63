//! The runtime entry points generated code calls, by address.
//!
//! Each is `extern "C"`, takes the frame context (`JitFrame`) and, where it
//! touches registers, the register file pointer, and reports failure with
//! a sentinel (`PC_ERROR`) after leaving the exception in the context.
//! Every body runs under `guarded`, which catches a Rust panic and turns it
//! into a `RuntimeError`: unwinding must never cross generated code.

use super::{JitFrame, ERROR_WORD};
use crate::bytecode::instr::Instr;
use crate::bytecode::CodeObject;
use crate::runtime::exceptions::{self, ExcType};
use crate::runtime::object::Obj;
use crate::runtime::{Interp, PyErr, Value};
use crate::vm::dispatch::{protocol_arg, put_opt, take, Outcome};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// `step`'s answer when the instruction raised.
pub(crate) const PC_ERROR: u32 = u32::MAX;

/// An exception for a broken invariant of the JIT itself.
pub(crate) fn internal_error(interp: &Interp, what: &str) -> PyErr {
    interp.err(
        ExcType::RuntimeError,
        format!("internal error in the JIT: {what}"),
    )
}

/// The pieces of a frame context, reborrowed for one runtime call.
struct Parts<'a> {
    interp: &'a mut Interp,
    frame: FrameParts<'a>,
    regs: &'a mut [Value],
}

/// What runtime calls need of the running code's frame.
struct FrameParts<'a> {
    code: &'a CodeObject,
    globals: &'a Value,
    ns: &'a Value,
    depth: u32,
}

/// Run `body` on the context's parts, catching panics. `on_panic` is what
/// the entry point returns after a panic (the panic is left as the
/// pending exception).
///
/// # Safety
/// `ctx` must be the live context `call_frame` passed to generated code,
/// and `regs` its register file (`nregs` values).
unsafe fn guarded<R>(
    ctx: *mut JitFrame,
    regs: *mut Value,
    on_panic: R,
    body: impl FnOnce(&mut Parts, &mut Option<PyErr>) -> R,
) -> R {
    // SAFETY: the caller's contract: `ctx` is live and exclusively ours
    // for the duration of this call (generated code is single-threaded
    // and waits for us), `frame` outlives the native call, and `regs`
    // points at `nregs` initialised values that nothing else borrows.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: see above; the code object and globals outlive the native
    // call (its frame or function object holds them).
    let frame = unsafe {
        FrameParts {
            code: &*ctx.code,
            globals: &*ctx.globals,
            ns: &*ctx.ns,
            depth: ctx.depth,
        }
    };
    let interp = unsafe { &mut *ctx.interp };
    let nregs = frame.code.nregs as usize;
    let regs = if regs.is_null() {
        &mut [][..]
    } else {
        // SAFETY: see above.
        unsafe { std::slice::from_raw_parts_mut(regs, nregs) }
    };
    // The body sees the pending exception as an `Option` (taken out of
    // the context's one-word slot and put back after).
    let mut error = ctx.error.take();
    let mut parts = Parts {
        interp,
        frame,
        regs,
    };
    let r = match catch_unwind(AssertUnwindSafe(|| body(&mut parts, &mut error))) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a Rust panic".to_string());
            error = Some(internal_error(parts.interp, &what));
            on_panic
        }
    };
    ctx.error.put(error);
    r
}

/// Run instruction `pc` with the VM's implementation; the next pc (the
/// jump target when a branch is taken), or `PC_ERROR`.
pub(super) unsafe extern "C" fn step(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: generated code passes its own context and registers.
    unsafe {
        guarded(ctx, regs, PC_ERROR, |p, error| {
            let code: &CodeObject = p.frame.code;
            let mut next = pc as usize;
            let out = crate::vm::dispatch::exec_one(
                p.interp,
                code,
                p.frame.globals,
                p.frame.ns,
                p.regs,
                &mut next,
            );
            if let Outcome::Stepped = out {
                return next as u32;
            }
            match finish(p, out) {
                Ok(()) => next as u32,
                Err(e) => {
                    *error = Some(e);
                    PC_ERROR
                }
            }
        })
    }
}

/// `GetAttr` when `attr_word` could not: a property's compiled getter
/// called directly (`super::getter_call`), else `step`.
pub(super) unsafe extern "C" fn get_attr(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: generated code passes its own context and registers.
    unsafe { try_direct(ctx, regs, pc, super::getter_call).unwrap_or_else(|| step(ctx, regs, pc)) }
}

/// `WithEnter` and `WithExit`: a compiled `__enter__` / `__exit__`
/// called directly (`super::with_call`), else `step_slow`.
pub(super) unsafe extern "C" fn with_call(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: generated code passes its own context and registers.
    unsafe {
        try_direct(ctx, regs, pc, super::with_call).unwrap_or_else(|| step_slow(ctx, regs, pc))
    }
}

/// Run `direct` (`super::direct_call` and the like) on the
/// instruction at `pc`: its answer, or `PC_ERROR` if it panicked (the
/// panic left as the pending exception).
///
/// # Safety
/// As `step`, and `direct` must be one of those (same contract).
#[inline(always)]
unsafe fn try_direct(
    ctx: *mut JitFrame,
    regs: *mut Value,
    pc: u32,
    direct: unsafe fn(*mut JitFrame, *mut Value, u32) -> Option<u32>,
) -> Option<u32> {
    // SAFETY: the caller's contract.
    match catch_unwind(AssertUnwindSafe(|| unsafe { direct(ctx, regs, pc) })) {
        Ok(next) => next,
        Err(_) => {
            // SAFETY: as above; the direct call's borrows ended with it.
            let ctx = unsafe { &mut *ctx };
            // SAFETY: as above.
            let interp = unsafe { &*ctx.interp };
            ctx.error.put(Some(internal_error(
                interp,
                "a Rust panic in a direct call",
            )));
            Some(PC_ERROR)
        }
    }
}

/// `step` for an instruction the dispatch loop has no inline case for
/// (`dispatch::loop_has_fast_path`): straight to the VM's general
/// implementation (`slow::slow`), without the loop's setup.
pub(super) unsafe extern "C" fn step_slow(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: generated code passes its own context and registers.
    unsafe {
        guarded(ctx, regs, PC_ERROR, |p, error| {
            let code: &CodeObject = p.frame.code;
            let ns = p.frame.ns;
            let ns_opt = if ns.is_unbound() { None } else { Some(ns) };
            let ins = code.instrs[pc as usize];
            let mut next = pc as usize + 1;
            let globals = p.frame.globals;
            let out =
                crate::vm::slow::slow(p.interp, code, globals, ns_opt, p.regs, ins, &mut next);
            let Some(out) = out else {
                return next as u32;
            };
            match finish(p, out) {
                Ok(()) => next as u32,
                Err(e) => {
                    *error = Some(e);
                    PC_ERROR
                }
            }
        })
    }
}

/// `ForIter` when `iter_next_word` did not handle the iterator: a
/// generator is resumed here directly, as the VM loop's inline case does
/// (without `step`'s trip through the loop); anything else goes to the
/// VM's general implementation. The next pc, the loop's exit target when
/// the iterator is done, or `PC_ERROR`.
pub(super) unsafe extern "C" fn for_iter_next(
    ctx: *mut JitFrame,
    regs: *mut Value,
    pc: u32,
) -> u32 {
    use crate::runtime::object::{GenStep, Resume};
    // SAFETY: generated code passes its own context and registers.
    let generator = unsafe {
        guarded(ctx, regs, Some(PC_ERROR), |p, error| {
            let Instr::ForIter { dst, iter, target } = p.frame.code.instrs[pc as usize] else {
                return None;
            };
            let it = p.regs[iter as usize].clone();
            if !matches!(it.as_obj(), Some(Obj::Generator(_))) {
                return None;
            }
            let step = crate::runtime::iter::gen_resume(p.interp, &it, Resume::Send(Value::NONE));
            drop(it);
            Some(match step {
                Ok(GenStep::Yield(v)) => {
                    crate::vm::dispatch::put(p.interp, p.regs, dst, v);
                    pc + 1
                }
                Ok(GenStep::Return(_)) => {
                    let tb = p.frame.code.temp_base;
                    crate::vm::dispatch::consume(p.interp, p.regs, iter, tb);
                    target
                }
                Err(e) => {
                    *error = Some(chain_handled(p.interp, e));
                    PC_ERROR
                }
            })
        })
    };
    match generator {
        Some(next) => next,
        // SAFETY: as above.
        None => unsafe { step_slow(ctx, regs, pc) },
    }
}

/// `step`'s answer when a `yield from` yielded (the value is in the
/// context's `yielded`).
pub(crate) const PC_YIELDED: u32 = u32::MAX - 1;

/// One step of `yield from` at its first execution: the next pc when the
/// sub-iterator is already done, `PC_YIELDED` when it yielded a value
/// (parked in the context), `PC_ERROR` when it raised.
pub(super) unsafe extern "C" fn yield_from(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: generated code passes its own context and registers.
    let r = unsafe {
        guarded(ctx, regs, Err(None), |p, _| {
            let Instr::YieldFrom { dst, iter } = p.frame.code.instrs[pc as usize] else {
                return Err(Some(internal_error(
                    p.interp,
                    "yield_from on another instruction",
                )));
            };
            let tb = p.frame.code.temp_base;
            crate::vm::dispatch::yield_from_step(
                p.interp,
                p.regs,
                dst,
                iter,
                tb,
                crate::runtime::object::Resume::Send(Value::NONE),
            )
            .map_err(Some)
        })
    };
    // SAFETY: `ctx` is live (see above); no other reference to it is held.
    let ctx = unsafe { &mut *ctx };
    match r {
        Ok(None) => pc + 1,
        Ok(Some(v)) => {
            ctx.yielded = v;
            ctx.yielded_at = pc + 1;
            PC_YIELDED
        }
        Err(Some(e)) => {
            ctx.error.put(Some(e));
            PC_ERROR
        }
        // A panic: `guarded` left its exception in the context.
        Err(None) => PC_ERROR,
    }
}

/// `Call` with positional arguments and `CallMethod`: a Python function
/// whose parameters bind one to one runs natively (`call_function`), a
/// builtin function or a builtin type's method is called directly, as the
/// VM's loop does; anything else goes through the VM's implementation
/// (`step`).
pub(super) unsafe extern "C" fn call(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: generated code passes its own context and registers.
    if let Some(next) = unsafe { native_call(ctx, regs, pc) } {
        return next;
    }
    // SAFETY: as above.
    if let Some(next) = unsafe { try_direct(ctx, regs, pc, super::direct_call) } {
        return next;
    }
    // SAFETY: generated code passes its own context and registers.
    let fast = unsafe {
        guarded(ctx, regs, Some(PC_ERROR), |p, error| {
            let code: &CodeObject = p.frame.code;
            let (callee, dst) = call_target(p, code.instrs[pc as usize])?;
            code.pos.set(code.positions[pc as usize]);
            let r = match callee {
                CallTarget::Python { func, first, argc } => {
                    let args = &mut p.regs[first..first + argc];
                    super::call_function(p.interp, func, |w| w.move_from(args))
                }
                CallTarget::Native { func, first, argc } => run_native(p, func, first, argc),
                CallTarget::Init { init, first, argc } => run_init(p, init, first, argc),
            };
            match r {
                Ok(v) => {
                    store_result(p, dst, v);
                    Some(pc + 1)
                }
                Err(e) => {
                    *error = Some(e);
                    Some(PC_ERROR)
                }
            }
        })
    };
    match fast {
        Some(next) => next,
        // SAFETY: as above.
        None => unsafe { step(ctx, regs, pc) },
    }
}

/// `call`'s first try, before the instruction's callee is looked at
/// any further: a built-in function (`len(x)`) or the built-in method
/// the site's cache knows for the object's type (`s.lower()`), called
/// through its function pointer. Most calls of runtime-bound code are
/// these; `None` for any other call.
///
/// # Safety
/// As `call`.
unsafe fn native_call(ctx: *mut JitFrame, regs: *mut Value, pc: u32) -> Option<u32> {
    use crate::runtime::object::Obj;
    // SAFETY: the caller's contract: the running code outlives its native
    // call and `regs` holds its `nregs` values, among them every register
    // the instruction names.
    let code: &CodeObject = unsafe { &*(*ctx).code };
    let (func, callee, first, argc, dst) = match code.instrs[pc as usize] {
        Instr::CallMethod {
            dst,
            obj,
            argc,
            name,
        } => {
            // SAFETY: as above.
            let this = unsafe { &*regs.add(obj as usize) };
            let (i, obj, argc) = (name as usize, obj as usize, argc as usize);
            match this.as_obj() {
                // (Methods of instances are Python code: `direct_call`'s.)
                Some(Obj::Instance(_)) => return None,
                Some(Obj::Module(_)) => {
                    // A module's built-in function (`math.sqrt(x)`), called
                    // without the module, as the VM's loop calls it.
                    let (key, hash) = &code.name_values[i];
                    let func = crate::vm::helpers::module_native(this, key, *hash)?;
                    (func, Some(obj), obj + 1, argc, dst)
                }
                _ => {
                    let cache = &code.method_cache[i];
                    let func = crate::runtime::attr::cached_native_method(this, cache)?;
                    (func, None, obj, argc + 1, dst)
                }
            }
        }
        Instr::Call { dst, func, argc } => {
            // SAFETY: as above.
            let Some(Obj::Native(n)) = unsafe { &*regs.add(func as usize) }.as_obj() else {
                return None;
            };
            let f = func as usize;
            (n.func, Some(f), f + 1, argc as usize, dst)
        }
        _ => return None,
    };
    // SAFETY: as above.
    let next = unsafe {
        guarded(ctx, regs, PC_ERROR, |p, error| {
            code.pos.set(code.positions[pc as usize]);
            // (A function's or module's register is emptied after the
            // call.)
            let r = run_native(p, func, first, argc);
            if let Some(f) = callee {
                drop(std::mem::replace(&mut p.regs[f], Value::UNBOUND));
            }
            match r {
                Ok(v) => {
                    store_result(p, dst, v);
                    pc + 1
                }
                Err(e) => {
                    *error = Some(e);
                    PC_ERROR
                }
            }
        })
    };
    Some(next)
}

/// Call the native function `func` with the `argc` arguments in registers
/// `first..` (emptied after, as the VM's loop does).
fn run_native(
    p: &mut Parts,
    func: crate::runtime::object::NativeFnPtr,
    first: usize,
    argc: usize,
) -> crate::runtime::PyResult<Value> {
    let r = func(p.interp, &p.regs[first..first + argc], &[]);
    clear_args(p, first, argc);
    p.interp.run_finalizers();
    r.map_err(|e| chain_handled(p.interp, e))
}

/// A call `call` makes itself; the arguments are registers `first..`
/// (for methods, the object first).
enum CallTarget {
    /// A bytecode function whose parameters bind one to one.
    Python {
        func: Value,
        first: usize,
        argc: usize,
    },
    /// A builtin function, or a builtin type's method taking the object
    /// first (called through its function pointer, as the VM's loop does).
    Native {
        func: crate::runtime::object::NativeFnPtr,
        first: usize,
        argc: usize,
    },
    /// `Class(args)`: the new instance is in register `first - 1` (where
    /// the class was); its bytecode `__init__` gets it and the arguments.
    Init {
        init: Value,
        first: usize,
        argc: usize,
    },
}

/// What `call` does for instruction `ins` (and the result register), or
/// `None` to take the general path. The function register of a `Call` is
/// emptied.
fn call_target(p: &mut Parts, ins: Instr) -> Option<(CallTarget, u16)> {
    use crate::runtime::object::Obj;
    use crate::vm::dispatch::{fast_callable, method_lookup, Method};
    let code = p.frame.code;
    match ins {
        Instr::Call { dst, func, argc } => {
            let (first, argc) = (func as usize + 1, argc as usize);
            if let Some(new) = builtin_new(&p.regs[func as usize]) {
                // `range(n)`, `str(x)`: the type's `__new__` gets the type
                // and the arguments, consecutive registers already (as the
                // VM's loop calls it).
                let (first, argc) = (func as usize, argc + 1);
                return Some((
                    CallTarget::Native {
                        func: new,
                        first,
                        argc,
                    },
                    dst,
                ));
            }
            if let Some(Obj::Class(_)) = p.regs[func as usize].as_obj() {
                // `Point(x, y)`: made here, as the VM's loop makes it.
                let cls = p.regs[func as usize].clone();
                let args = &p.regs[first..first + argc];
                let (obj, init) = crate::vm::dispatch::fast_init(p.interp, &cls, args)?;
                p.regs[func as usize] = obj;
                return Some((CallTarget::Init { init, first, argc }, dst));
            }
            let kind = plain_kind(&p.regs[func as usize], argc)?;
            let func = std::mem::replace(&mut p.regs[func as usize], Value::UNBOUND);
            Some((plain_target(func, kind, first, argc), dst))
        }
        Instr::CallMethod {
            dst,
            obj,
            argc,
            name,
        } => {
            let (first, argc) = (obj as usize, argc as usize + 1);
            let i = name as usize;
            let (key, hash) = &code.name_values[i];
            let this = &p.regs[first];
            if let Some(func) = crate::runtime::attr::site_method(code, this, name) {
                return fast_callable(&func, argc)
                    .then_some((CallTarget::Python { func, first, argc }, dst));
            }
            if matches!(this.as_obj(), Some(Obj::Instance(_))) {
                return None;
            }
            // (The site's cached built-in method and a module's built-in
            // function were `native_call`'s to make: they missed.)
            let cache = &code.method_cache[i];
            match method_lookup(p.interp, this, &code.names[i], key, *hash) {
                Method::Native(func) => {
                    crate::runtime::attr::fill_native_method_cache(this, func, cache);
                    Some((CallTarget::Native { func, first, argc }, dst))
                }
                // A module's function (`math.sqrt(x)`): called without the
                // module, whose register is emptied as the VM does.
                Method::Plain(func) => {
                    let (first, argc) = (first + 1, argc - 1);
                    let kind = plain_kind(&func, argc)?;
                    drop(std::mem::replace(&mut p.regs[first - 1], Value::UNBOUND));
                    Some((plain_target(func, kind, first, argc), dst))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// How the call entry calls a function itself.
enum PlainKind {
    /// A Python function whose parameters bind the arguments one to one.
    Python,
    /// A native function.
    Native(crate::runtime::object::NativeFnPtr),
}

/// Can the call entry call `f` with `argc` arguments itself, and how?
/// `None` for anything else.
fn plain_kind(f: &Value, argc: usize) -> Option<PlainKind> {
    use crate::runtime::object::Obj;
    if crate::vm::dispatch::fast_callable(f, argc) {
        return Some(PlainKind::Python);
    }
    match f.as_obj() {
        Some(Obj::Native(n)) => Some(PlainKind::Native(n.func)),
        _ => None,
    }
}

/// `Class(args)` once the instance is made (`Outcome::CallInit`, the call
/// entry's `CallTarget::Init`): `__init__` (`init`) gets the instance, in
/// register `first - 1` where the class was, then the `argc` arguments
/// from `first`; the result is the instance (`Interp::init_result`).
fn run_init(
    p: &mut Parts,
    init: Value,
    first: usize,
    argc: usize,
) -> crate::runtime::PyResult<Value> {
    let obj = std::mem::replace(&mut p.regs[first - 1], Value::UNBOUND);
    let this = obj.clone();
    let args = &mut p.regs[first..first + argc];
    let v = super::call_function(p.interp, init, |w| {
        w.push(this);
        w.move_from(args)
    })?;
    p.interp
        .init_result(v, obj)
        .map_err(|e| chain_handled(p.interp, e))
}

/// The native `__new__` of a built-in type (`range`, `str`, `list`...).
fn builtin_new(f: &Value) -> Option<crate::runtime::object::NativeFnPtr> {
    use crate::runtime::object::{Layout, Obj};
    match f.as_obj() {
        Some(Obj::Class(c)) if c.layout == Layout::Builtin => c.native_new.get(),
        _ => None,
    }
}

/// The call of a function `plain_kind` accepted (`kind` is its answer).
/// (A native function's value is not needed for the call: its code is
/// a plain function pointer.)
fn plain_target(func: Value, kind: PlainKind, first: usize, argc: usize) -> CallTarget {
    match kind {
        PlainKind::Python => CallTarget::Python { func, first, argc },
        PlainKind::Native(f) => CallTarget::Native {
            func: f,
            first,
            argc,
        },
    }
}

/// A call's result to register `dst` (or dropped, for `NO_REG`), then
/// the finalizers that may have become due, as the VM does after a call.
fn store_result(p: &mut Parts, dst: u16, v: Value) {
    put_opt(p.interp, p.regs, dst, v);
    p.interp.run_finalizers();
}

/// Empty the argument registers of a call (as the VM does after it).
fn clear_args(p: &mut Parts, first: usize, argc: usize) {
    for r in &mut p.regs[first..first + argc] {
        *r = Value::UNBOUND;
    }
}

/// What a lean entry (below) answers for anything but its one case, or
/// after a panic: generated code then runs the instruction's general path
/// (`step`), which does the work or reports the error. No register or
/// container ever holds this word (it is the unbound marker).
pub(crate) const NOT_HANDLED: u64 = ERROR_WORD;

/// `range_next_word`'s answer when the range is exhausted.
pub(crate) const EXHAUSTED: u64 = super::YIELD_WORD;

/// Run a lean entry's body, turning a panic into `NOT_HANDLED` (each body
/// can only panic before it changes anything: a `RefCell` borrow).
fn lean(body: impl FnOnce() -> u64) -> u64 {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(NOT_HANDLED)
}

/// A register's word as a value, without taking its reference.
///
/// # Safety
/// `word` must be the word of a live value (a register's content).
unsafe fn peek(word: u64) -> std::mem::ManuallyDrop<Value> {
    // SAFETY: per the contract; `ManuallyDrop` keeps the reference the
    // register owns from being released here.
    std::mem::ManuallyDrop::new(unsafe { Value::from_raw(word) })
}

/// `LoadGlobal` of name `name` of the running code through its inline
/// caches (globals, then builtins): the value's word (a new reference),
/// else `NOT_HANDLED` (the general path raises the `NameError`). Fills
/// the name's `GlobalSite`, which generated code checks first.
pub(super) unsafe extern "C" fn global_word(ctx: *const JitFrame, name: u32) -> u64 {
    lean(|| {
        // SAFETY: generated code passes its own live context, whose code,
        // globals and interpreter outlive the call; nothing here mutates
        // them (the caches are cells).
        let (code, globals, interp) = unsafe {
            let ctx = &*ctx;
            (&*ctx.code, &*ctx.globals, &*ctx.interp)
        };
        crate::vm::helpers::global_or_builtin(interp, code, globals, name as usize)
            .map_or(NOT_HANDLED, Value::into_raw)
    })
}

/// `obj.name` for a plain instance whose class the site's attribute cache
/// knows, the name being in its dict: the value's word (a new reference),
/// else `NOT_HANDLED`.
pub(super) unsafe extern "C" fn attr_word(ctx: *const JitFrame, obj: u64, name: u32) -> u64 {
    lean(|| {
        // SAFETY: generated code passes its live context (whose code
        // outlives the call) and a register word.
        let (code, o) = unsafe { (&*(*ctx).code, peek(obj)) };
        let i = name as usize;
        let (key, hash) = &code.name_values[i];
        crate::runtime::attr::get_instance_attr_cached(&o, key, *hash, &code.attr_cache[i])
            .map_or(NOT_HANDLED, Value::into_raw)
    })
}

/// `obj.name = v` as a plain dict store when the site's cache allows it:
/// stores a new reference to `v` and answers the replaced value's word
/// (owned; `None`'s when the attribute is new), else `NOT_HANDLED`.
pub(super) unsafe extern "C" fn store_attr_word(
    ctx: *const JitFrame,
    obj: u64,
    name: u32,
    v: u64,
) -> u64 {
    lean(|| {
        // SAFETY: as in `attr_word`, plus a register word for `v`.
        let (code, o, v) = unsafe { (&*(*ctx).code, peek(obj), peek(v)) };
        let i = name as usize;
        let (key, hash) = &code.name_values[i];
        let cache = &code.attr_cache[i];
        match crate::runtime::attr::set_instance_attr_cached(
            &o,
            key,
            *hash,
            cache,
            Value::clone(&v),
        ) {
            Ok(old) => old.map_or(Value::NONE.bits(), Value::into_raw),
            Err(_) => NOT_HANDLED,
        }
    })
}

/// `seq[i]` for a list or tuple and a small int index in range: the
/// item's word (a new reference), else `NOT_HANDLED`. Lean: plain words
/// in and out, no context, no instruction decoding.
pub(super) unsafe extern "C" fn item_word(seq: u64, idx: u64) -> u64 {
    lean(|| {
        // SAFETY: generated code passes two register words.
        let (s, i) = unsafe { (peek(seq), peek(idx)) };
        crate::runtime::subscript::sequence_item(&s, &i).map_or(NOT_HANDLED, Value::into_raw)
    })
}

/// `list[i] = v` for a list and a small int index in range: stores a new
/// reference to `v` and answers the replaced item's word (owned by the
/// caller), else `NOT_HANDLED`.
pub(super) unsafe extern "C" fn store_item_word(list: u64, idx: u64, v: u64) -> u64 {
    lean(|| {
        // SAFETY: generated code passes three register words.
        let (l, i, v) = unsafe { (peek(list), peek(idx), peek(v)) };
        match crate::runtime::subscript::list_store(&l, &i, Value::clone(&v)) {
            Ok(old) => old.into_raw(),
            Err(_) => NOT_HANDLED,
        }
    })
}

/// `iter(v)` of a built-in iterable (an owned word), else `NOT_HANDLED`.
pub(super) unsafe extern "C" fn iter_word(v: u64) -> u64 {
    lean(|| {
        // SAFETY: generated code passes a register word.
        let v = unsafe { peek(v) };
        crate::runtime::iter::native_iter(&v).map_or(NOT_HANDLED, Value::into_raw)
    })
}

/// The next item of a range, list or tuple iterator (an owned word),
/// `EXHAUSTED`, or `NOT_HANDLED` for any other iterator.
pub(super) unsafe extern "C" fn iter_next_word(it: u64) -> u64 {
    lean(|| {
        // SAFETY: generated code passes a register word.
        let it = unsafe { peek(it) };
        match crate::runtime::iter::native_next(&it) {
            Some(Some(v)) => v.into_raw(),
            Some(None) => EXHAUSTED,
            None => NOT_HANDLED,
        }
    })
}

/// The `GetIter` of a counted range loop (`translate::RangeLoop`): when
/// `src` is a range whose bounds are small ints, its start, stop and step
/// go to `slot` and the answer is `COUNTED` (the loop counts natively);
/// for a list (whose layout generated code knows), where the loop `lists`
/// (`translate::steps_lists`), the index goes to 0 and the answer is
/// `LISTED`; else 0.
pub(super) unsafe extern "C" fn range_loop(src: u64, slot: *mut i64, lists: u32) -> u32 {
    use super::translate::RangeLoop;
    // SAFETY: generated code passes a register word.
    let v = unsafe { peek(src) };
    match v.as_obj() {
        // SAFETY: generated code passes its loop's slot.
        Some(Obj::Range(r)) => unsafe { count_range(slot, r.start, r.stop, r.step) },
        Some(Obj::List(_)) if lists != 0 && super::layout::list_layout().is_some() => {
            // SAFETY: as above; `CUR` is its first word.
            unsafe { slot.write(0) };
            RangeLoop::LISTED as u32
        }
        _ => 0,
    }
}

/// Fill a counted loop's slot with `start`, `stop` and `step` when all
/// three are small ints (a small step too, so that `cur + step` cannot
/// overflow): 1, else 0.
///
/// # Safety
/// `slot` is the loop's stack slot of `RangeLoop::SIZE` bytes, 8-aligned.
unsafe fn count_range(slot: *mut i64, start: i64, stop: i64, step: i64) -> u32 {
    use crate::runtime::value::{SMALL_INT_MAX, SMALL_INT_MIN};
    let small = SMALL_INT_MIN..=SMALL_INT_MAX;
    if !(small.contains(&start) && small.contains(&stop) && small.contains(&step)) {
        return 0;
    }
    // SAFETY: the caller's contract; the three words are at offsets 0, 8
    // and 16.
    unsafe {
        slot.write(start);
        slot.add(1).write(stop);
        slot.add(2).write(step);
    }
    super::translate::RangeLoop::COUNTED as u32
}

/// `range(args…)` of a counted loop (`Translator::range_call`): when
/// `func` is the built-in `range` and its `argc` arguments, the registers
/// from `first`, are small ints with a step other than zero, the loop's
/// slot gets the count as `range_loop` would give it from the range, and
/// the answer is 1; else 0, having changed nothing.
pub(super) unsafe extern "C" fn range_call(
    ctx: *const JitFrame,
    func: u64,
    regs: *const Value,
    first: u32,
    argc: u32,
    slot: *mut i64,
) -> u32 {
    // SAFETY: generated code passes its live context (whose interpreter
    // outlives the call) and a register word.
    let (interp, f) = unsafe { (&*(*ctx).interp, peek(func)) };
    if !f.is(&interp.types.range) || !(1..=3).contains(&argc) {
        return 0;
    }
    let mut n = [0i64; 3];
    for (i, v) in n.iter_mut().take(argc as usize).enumerate() {
        // SAFETY: generated code passes its register file, in which the
        // call's arguments are `argc` registers from `first`.
        let arg = unsafe { &*regs.add(first as usize + i) };
        match arg.as_small_int() {
            Some(k) => *v = k,
            None => return 0,
        }
    }
    match crate::runtime::builtins::range_bounds(&n[..argc as usize]) {
        // SAFETY: generated code passes its loop's slot.
        Some((start, stop, step)) => unsafe { count_range(slot, start, stop, step) },
        None => 0,
    }
}

/// `Unpack` of a tuple or list of exactly `n` items: new references to
/// them in registers `dst..dst + n` (what those held is released), and
/// `FINALIZERS_DUE` when that made `__del__` methods due (generated code
/// then runs them, as the VM does after an unpack), else `None`'s word;
/// `NOT_HANDLED` for anything else. The translator never uses it when
/// the source register is among the targets.
pub(super) unsafe extern "C" fn unpack_word(regs: *mut Value, src: u64, dst: u32, n: u32) -> u64 {
    lean(|| {
        // SAFETY: generated code passes its register file, holding
        // `dst + n` registers, and a register word that is not one of
        // them (so the sequence stays alive while they are replaced).
        let (seq, targets) = unsafe {
            (
                peek(src),
                std::slice::from_raw_parts_mut(regs.add(dst as usize), n as usize),
            )
        };
        match seq.as_obj() {
            Some(Obj::Tuple(t)) if t.len() == n as usize => targets.clone_from_slice(t),
            Some(Obj::List(l)) if l.borrow().len() == n as usize => {
                targets.clone_from_slice(&l.borrow())
            }
            _ => return NOT_HANDLED,
        }
        if crate::runtime::value::has_pending_finalizers() {
            FINALIZERS_DUE
        } else {
            Value::NONE.into_raw()
        }
    })
}

/// See `unpack_word`: a word that owns nothing, so that passing it to
/// `release` only runs the finalizers that are due.
pub(crate) const FINALIZERS_DUE: u64 = super::FINALIZERS_DUE_WORD;

/// `BuildTuple`: a tuple of registers `start..start + n` (temporaries
/// moved out, locals and constants copied), as an owned word.
pub(super) unsafe extern "C" fn tuple_word(regs: *mut Value, start: u32, n: u32, tb: u32) -> u64 {
    lean(|| {
        // SAFETY: generated code passes its register file, which holds
        // registers `start..start + n`.
        let items = unsafe { std::slice::from_raw_parts_mut(regs.add(start as usize), n as usize) };
        let first = start as usize;
        let taken = items.iter_mut().enumerate().map(|(k, r)| {
            if first + k >= tb as usize {
                std::mem::replace(r, Value::UNBOUND)
            } else {
                r.clone()
            }
        });
        Value::tuple_from_iter(taken).into_raw()
    })
}

/// A new exception raised while another is being handled gets it as its
/// `__context__`, as the VM does when an instruction raises.
pub(super) fn chain_handled(interp: &Interp, e: PyErr) -> PyErr {
    exceptions::chain_to_handled(interp, &e.0);
    e
}

/// Complete an instruction that left the frame in the VM's terms: calls
/// of Python functions become native calls; errors are chained to the
/// exception being handled, as the VM does when it raises.
fn finish(p: &mut Parts, out: Outcome) -> Result<(), PyErr> {
    match out {
        Outcome::CallFast {
            func,
            first,
            argc,
            dst,
        } => {
            let first = first as usize;
            let args = &mut p.regs[first..first + argc as usize];
            let v = super::call_function(p.interp, func, |w| w.move_from(args))?;
            store_result(p, dst, v);
            Ok(())
        }
        Outcome::CallArgs {
            func,
            arg,
            take,
            argc,
            dst,
        } => {
            let first = protocol_arg(p.regs, arg, take);
            let v = super::call_function(p.interp, func, |regs| {
                regs.push(first);
                for _ in 1..argc {
                    regs.push(Value::NONE);
                }
            })?;
            store_result(p, dst, v);
            Ok(())
        }
        Outcome::CallInit {
            func,
            first,
            argc,
            dst,
        } => {
            let obj = run_init(p, func, first as usize, argc as usize)?;
            store_result(p, dst, obj);
            Ok(())
        }
        Outcome::Call(frame) => {
            let dst = frame.ret_dst;
            let v = super::call_frame(p.interp, *frame)?;
            store_result(p, dst, v);
            Ok(())
        }
        Outcome::Error(e) => Err(chain_handled(p.interp, e)),
        Outcome::Reraise(e) => Err(e),
        Outcome::Stepped => Ok(()),
        Outcome::Return(_) | Outcome::Yield(_) => Err(internal_error(
            p.interp,
            "return or yield through the generic instruction path",
        )),
    }
}

/// `return src`: the returned value's word, owned by the caller.
pub(super) unsafe extern "C" fn take_return(ctx: *mut JitFrame, regs: *mut Value, src: u32) -> u64 {
    // SAFETY: generated code passes its own context and registers.
    unsafe {
        guarded(ctx, regs, ERROR_WORD, |p, _| {
            let tb = p.frame.code.temp_base;
            take(p.regs, src as u16, tb).into_raw()
        })
    }
}

/// The exception pending in the context goes to the handler of `pc`: its
/// traceback gets this frame's entry, registers from the handler's
/// watermark up are cleared (as the VM's unwinder does) and the exception
/// is stored in the handler's register.
pub(super) unsafe extern "C" fn catch(ctx: *mut JitFrame, regs: *mut Value, pc: u32) {
    // SAFETY: generated code passes its own context and registers.
    unsafe {
        guarded(ctx, regs, (), |p, error| {
            let code: &CodeObject = p.frame.code;
            let e = error
                .take()
                .unwrap_or_else(|| internal_error(p.interp, "exception lost"));
            add_traceback_entry(code, p.frame.depth, &e, pc);
            let Some(h) = code.handler_for(pc) else {
                *error = Some(e);
                return;
            };
            crate::vm::frame::enter_handler(code, h, p.regs, e.0);
            p.interp.run_finalizers();
        })
    }
}

/// The pending exception leaves the frame: add the frame's traceback entry.
pub(super) unsafe extern "C" fn unwind(ctx: *mut JitFrame, pc: u32) {
    // SAFETY: generated code passes its own context.
    unsafe {
        guarded(ctx, std::ptr::null_mut(), (), |p, error| {
            if let Some(e) = error.as_ref() {
                add_traceback_entry(p.frame.code, p.frame.depth, e, pc);
            }
        })
    }
}

fn add_traceback_entry(code: &CodeObject, depth: u32, e: &PyErr, pc: u32) {
    exceptions::add_traceback(
        &e.0,
        &code.file,
        code.line_at(pc as usize),
        &code.name,
        depth,
    );
}

/// Poll the interpreter's limits and Ctrl-C at a loop back-edge: 0, or 1
/// with the limit's exception pending.
pub(super) unsafe extern "C" fn tick(ctx: *mut JitFrame) -> u32 {
    // SAFETY: generated code passes its own context.
    unsafe {
        guarded(ctx, std::ptr::null_mut(), 1, |p, error| {
            match p.interp.tick() {
                Ok(()) => 0,
                Err(e) => {
                    *error = Some(e);
                    1
                }
            }
        })
    }
}

/// Pure code's tick check (see `translate::pure`): 1 when the run may go
/// on, 0 when pure code must give up (the general path then raises).
pub(super) unsafe extern "C" fn pure_tick(interp: *mut Interp) -> u32 {
    // SAFETY: pure code passes the interpreter its caller was given; no
    // other reference to it is in use while generated code runs.
    let interp = unsafe { &mut *interp };
    catch_unwind(AssertUnwindSafe(|| interp.tick_may_go_on() as u32)).unwrap_or(0)
}

/// Are the functions the pure translation of `code` calls still what
/// their globals hold (in the globals whose word is `globals`), and so for
/// the functions they call, all the way down? 1 if so, else 0 (the call
/// is made the general way). General code asks before it enters pure code
/// when the globals epoch moved since `code` was last found so (noted in
/// each code's `pure_epoch` when the name sites could remember it); pure
/// code changes no global, so one check covers everything it runs.
pub(super) unsafe extern "C" fn pure_verify(
    interp: *const Interp,
    code: *const CodeObject,
    globals: u64,
) -> u32 {
    let verify = || {
        // SAFETY: generated code passes its interpreter, the code object
        // of a function its guard found alive and that function's globals
        // word.
        let (interp, code, globals) = unsafe { (&*interp, &*code, peek(globals)) };
        let epoch = crate::runtime::dict::globals_epoch();
        let mut todo = vec![code as *const CodeObject];
        let mut seen = Vec::new();
        let mut remembered = true;
        while let Some(c) = todo.pop() {
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            // SAFETY: each callee is the code of a function its caller's
            // translation pinned and the globals hold (checked below).
            let c = unsafe { &*c };
            for &(name, word) in c.native.pure_callees.borrow().iter() {
                let found =
                    crate::vm::helpers::global_or_builtin(interp, c, &globals, name as usize);
                let Some(f) = found.filter(|v| v.bits() == word) else {
                    return 0;
                };
                remembered &= c.global_sites[name as usize].get(&globals).is_some();
                if let Some(Obj::Function(fo)) = f.as_obj() {
                    if let crate::runtime::object::Code::Bytecode(callee) = &fo.code {
                        todo.push(&**callee as *const CodeObject);
                    }
                }
            }
        }
        if remembered {
            code.native.pure_epoch.set(epoch);
        }
        1
    };
    catch_unwind(AssertUnwindSafe(verify)).unwrap_or(0)
}

/// Is attribute `name` (a name of `code`) of the module whose word is
/// `module` still the built-in function whose word is `native`? 1 if so,
/// noting the globals epoch now in `verified` (the module's dict is
/// watched: while the epoch stays, so does the attribute), else 0.
pub(super) unsafe extern "C" fn module_fn_verify(
    module: u64,
    code: *const CodeObject,
    name: u32,
    native: u64,
    verified: *const std::cell::Cell<u64>,
) -> u32 {
    let verify = || {
        // SAFETY: generated code passes a register word (the module,
        // which its guard found to be the pinned one), its own code object
        // and an epoch cell of that code's native slot.
        let (module, code, verified) = unsafe { (peek(module), &*code, &*verified) };
        let Some(Obj::Module(m)) = module.as_obj() else {
            return 0;
        };
        let Some(Obj::Dict(d)) = m.dict.as_obj() else {
            return 0;
        };
        let (key, hash) = &code.name_values[name as usize];
        let d = d.borrow();
        let same = match d.probe(*hash, key) {
            crate::runtime::dict::Probe::Found(p) => d.value_at(p).bits() == native,
            _ => false,
        };
        if same && d.is_watched() {
            verified.set(crate::runtime::dict::globals_epoch());
        }
        same as u32
    };
    catch_unwind(AssertUnwindSafe(verify)).unwrap_or(0)
}

/// A call of the pure entry of `code` gave up (see
/// `NativeSlot::pure_gave_up`).
pub(super) unsafe extern "C" fn pure_gave_up(code: *const CodeObject) {
    // SAFETY: generated code passes the code object of the function its
    // guard found alive.
    unsafe { (*code).native.pure_gave_up() }
}

/// Pure code's `LoadGlobal` past its site: the word of global `name` of
/// `code` running in the globals whose word is `globals` (then
/// builtins), without a new reference (the dict keeps the value alive
/// while pure code, which changes nothing, runs), filling the site; else
/// `PURE_GAVE_UP`.
pub(super) unsafe extern "C" fn pure_global(
    interp: *const Interp,
    code: *const CodeObject,
    globals: u64,
    name: u32,
) -> u64 {
    lean(|| {
        // SAFETY: pure code passes its interpreter, its own code object
        // and the word of the globals it was translated for, which the
        // function being run keeps alive.
        let (interp, code, globals) = unsafe { (&*interp, &*code, peek(globals)) };
        crate::vm::helpers::global_or_builtin(interp, code, &globals, name as usize)
            .map_or(super::translate::pure::PURE_GAVE_UP, |v| v.bits())
    })
}

/// `PushHandled`: the exception in register word `exc` becomes the one
/// being handled (a new reference on the interpreter's stack).
pub(super) unsafe extern "C" fn push_handled(ctx: *mut JitFrame, exc: u64) {
    // SAFETY: generated code passes its own context and a register word.
    unsafe {
        guarded(ctx, std::ptr::null_mut(), (), |p, _| {
            let e = peek(exc);
            p.interp.handled.push(Value::clone(&e));
        })
    }
}

/// `PopHandled`: the innermost handled exception is done with (its
/// `__del__`, if any, runs as in the VM).
pub(super) unsafe extern "C" fn pop_handled(ctx: *mut JitFrame) {
    // SAFETY: generated code passes its own context.
    unsafe {
        guarded(ctx, std::ptr::null_mut(), (), |p, _| {
            let old = p.interp.handled.pop();
            drop(old);
            p.interp.run_finalizers();
        })
    }
}

/// Release a heap value generated code gave up (its last reference:
/// generated code decrements shared counts itself), running the `__del__`
/// that may have become due.
pub(super) unsafe extern "C" fn release(ctx: *mut JitFrame, word: u64) {
    // SAFETY: generated code passes its own context and an owned word.
    unsafe {
        guarded(ctx, std::ptr::null_mut(), (), |p, _| {
            drop(Value::from_raw(word));
            p.interp.run_finalizers();
        })
    }
}

/// A direct call's callee (`callee`, its frame context) raised: its
/// exception becomes the caller's (`translate::calls`).
pub(super) unsafe extern "C" fn adopt_error(ctx: *mut JitFrame, callee: *mut JitFrame) {
    // SAFETY: generated code passes its own context and the callee's,
    // distinct frames that nothing else borrows now.
    let (ctx, callee) = unsafe { (&mut *ctx, &mut *callee) };
    let e = callee.error.take().unwrap_or_else(|| {
        // SAFETY: the context's interpreter is live.
        internal_error(unsafe { &*ctx.interp }, "exception lost")
    });
    ctx.error.put(Some(e));
}

/// Run the finalizers that became due (generated code polls the flag).
pub(super) unsafe extern "C" fn run_finalizers(ctx: *mut JitFrame) {
    // SAFETY: generated code passes its own context.
    unsafe {
        guarded(ctx, std::ptr::null_mut(), (), |p, _| {
            p.interp.run_finalizers()
        });
    }
}

/// Drop the values a direct call's callee left in its register window
/// (`n` registers at `window`, all owned by the window); the slots count
/// as uninitialised after (generated code pops the window, then polls the
/// finalizers that became due).
pub(super) unsafe extern "C" fn release_window(window: *mut Value, n: u32) {
    // A panic while freeing (a broken invariant) leaks the rest rather
    // than unwinding into generated code.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        for i in 0..n as usize {
            // SAFETY: generated code passes the window it pushed, whose
            // `n` values it gives up here; each is moved out once.
            let v = unsafe { std::ptr::read(window.add(i)) };
            if v.is_obj() {
                drop(v);
            } else {
                std::mem::forget(v);
            }
        }
    }));
}

/// Fill a direct call's register window after its `argc` arguments with
/// the callee `code`'s initial registers (new references). Cannot fail.
pub(super) unsafe extern "C" fn init_window(
    window: *mut Value,
    code: *const CodeObject,
    argc: u32,
) {
    // SAFETY: generated code passes the window it pushed for `code` (live:
    // the called function holds it), `nregs` slots of which the first
    // `argc` hold the arguments and the rest are uninitialised.
    unsafe {
        let code = &*code;
        for i in argc as usize..code.nregs as usize {
            let v = code.reg_init.get(i).map_or(Value::UNBOUND, Value::clone);
            window.add(i).write(v);
        }
    }
}
