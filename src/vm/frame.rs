//! VM frames: a code object, where its registers are, and the bookkeeping
//! the runtime needs (globals, the namespace of module and class bodies,
//! recursion depth, the handled-exception base).
//!
//! Registers live in one contiguous stack per dispatch loop (`run`): a
//! call appends the callee's register file after the caller's, a return
//! truncates it, so calls allocate nothing. A frame that is not on such
//! a stack — one about to become the base frame of a `run`, or a
//! suspended generator — keeps its registers in `regs`. A generator is
//! therefore just a frame kept after a `yield`.

use crate::bytecode::code::Handler;
use crate::bytecode::instr::NO_REG;
use crate::bytecode::{CodeKind, CodeObject, Reg};
use crate::runtime::interp::FrameInfo;
use crate::runtime::object::{Function, Obj};
use crate::runtime::{Interp, PyResult, Value};
use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::rc::Rc;

pub struct Frame {
    /// The code being run. Owned (a counted reference), except in the
    /// frames `push_function_frame` makes, which borrow it and `globals`
    /// from the function they run (`func`, which the frame owns and which
    /// never changes them): a call then costs no count updates for them.
    /// `Drop` releases them only when owned (`owns_code_and_globals`).
    pub code: ManuallyDrop<Rc<CodeObject>>,
    /// The registers while the frame is off the stack (see above).
    pub regs: Vec<Value>,
    /// Index of register 0 in the run's stack.
    pub base: u32,
    /// The next instruction to run (after a call: the one after it).
    pub pc: u32,
    /// The module's globals (owned or borrowed, as `code`).
    pub globals: ManuallyDrop<Value>,
    /// Whether `code` and `globals` are counted references of this frame
    /// (else borrowed from `func`).
    owns_code_and_globals: bool,
    /// Module and class bodies: where namespace stores go (else unbound).
    pub ns: Value,
    /// The function being run, kept alive with its closure and globals.
    pub func: Value,
    /// Where the caller wants the result (`NO_REG`: discard it).
    pub ret_dst: Reg,
    /// What entering the frame changed in the interpreter (call depth for
    /// tracebacks, handled-exception base, globals stack), for leaving it.
    pub entry: Entry,
    /// Function, class and generator frames count towards the recursion
    /// limit; module bodies do not.
    pub counts_depth: bool,
    /// A generator frame stopped at a `yield`.
    pub suspended: bool,
    /// Exceptions a suspended generator was handling.
    pub saved_handled: Vec<Value>,
    /// An `__init__` frame run for `Class(...)`: the new instance, which
    /// is the call's result (`UNBOUND` for other frames).
    pub init_self: Value,
}

impl Frame {
    pub fn new(
        code: Rc<CodeObject>,
        regs: Vec<Value>,
        globals: Value,
        ns: Value,
        func: Value,
    ) -> Frame {
        let counts_depth = code.kind != CodeKind::Module;
        Frame {
            code: ManuallyDrop::new(code),
            regs,
            base: 0,
            pc: 0,
            globals: ManuallyDrop::new(globals),
            owns_code_and_globals: true,
            ns,
            func,
            ret_dst: NO_REG,
            entry: Entry::default(),
            counts_depth,
            suspended: false,
            saved_handled: Vec::new(),
            init_self: Value::UNBOUND,
        }
    }

    /// A module body running with `globals` as its namespace.
    pub fn module(code: Rc<CodeObject>, globals: Value) -> Frame {
        let mut regs = Vec::with_capacity(code.nregs as usize);
        init_regs(&code, &mut regs, 0, &[]);
        Frame::new(code, regs, globals.clone(), globals, Value::NONE)
    }

    /// A class body filling the namespace `ns`.
    pub fn class_body(code: Rc<CodeObject>, globals: Value, ns: Value, closure: &[Value]) -> Frame {
        let mut regs = Vec::with_capacity(code.nregs as usize);
        init_regs(&code, &mut regs, 0, closure);
        if code.needs_class_cell {
            regs[0] = Value::obj(Obj::Cell(RefCell::new(Value::UNBOUND)));
        }
        Frame::new(code, regs, globals, ns, Value::NONE)
    }

    /// A function frame whose parameters are already in `regs` (bound
    /// arguments, in slot order).
    pub fn function(
        code: Rc<CodeObject>,
        func: &Function,
        fval: Value,
        mut regs: Vec<Value>,
    ) -> Frame {
        init_regs(&code, &mut regs, 0, &func.closure);
        Frame::new(code, regs, func.globals.clone(), Value::UNBOUND, fval)
    }

    /// The namespace of a module or class body.
    #[inline]
    pub fn ns(&self) -> Option<&Value> {
        if self.ns.is_unbound() {
            None
        } else {
            Some(&self.ns)
        }
    }

    /// Give a suspending generator frame back its registers, which were
    /// taken out of it on entry (`std::mem::take`): the empty vector left
    /// there needs no drop.
    #[inline(always)]
    pub fn keep_regs(&mut self, regs: Vec<Value>) {
        let emptied = std::mem::replace(&mut self.regs, regs);
        debug_assert_eq!(emptied.capacity(), 0);
        std::mem::forget(emptied);
    }

    /// The runtime's view of this frame.
    pub fn info(&self) -> FrameInfo {
        self.code.frame_info.clone()
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if self.owns_code_and_globals {
            // SAFETY: the frame's own references, released once, here.
            unsafe {
                ManuallyDrop::drop(&mut self.code);
                ManuallyDrop::drop(&mut self.globals);
            }
        }
    }
}

/// Push a frame running the bytecode function `func` (`fo`, running
/// `code`: the caller has both at hand; registers already
/// on the run's stack at `base`, result going to `ret_dst`) onto
/// `callers`, its code and globals borrowed from the function (see
/// `Frame::code`), writing its fields
/// straight into the vector's free slot. Built on the stack and copied,
/// the frame was read back with wide loads over its narrow stores: a
/// store-forwarding stall that was a quarter of the dispatch loop's time
/// on call-heavy code.
#[inline(always)]
pub fn push_function_frame<'a>(
    callers: &'a mut Vec<Frame>,
    func: Value,
    fo: &Function,
    code: &Rc<CodeObject>,
    base: u32,
    ret_dst: Reg,
) -> &'a mut Frame {
    debug_assert!(matches!(func.as_obj(), Some(Obj::Function(f)) if std::ptr::eq(&**f, fo)));
    // SAFETY: uncounted copies of the function's references, never
    // released (`owns_code_and_globals` is false): the frame owns `func`
    // (`fo`, whose code `code` is), whose code and globals do not change,
    // so they outlive the frame.
    let (code, globals) = unsafe {
        (
            ManuallyDrop::new(Rc::from_raw(Rc::as_ptr(code))),
            ManuallyDrop::new(Value::from_raw(fo.globals.bits())),
        )
    };
    let counts_depth = code.kind != CodeKind::Module;
    callers.reserve(1);
    let n = callers.len();
    let slot = callers.spare_capacity_mut()[0].as_mut_ptr();
    // SAFETY: `slot` is the reserved, unused slot `n`; every field of
    // `Frame` is written once (`all_fields_written` below fails to compile
    // when a field is added), after which the slot holds a valid frame and
    // the length may include it.
    unsafe {
        std::ptr::addr_of_mut!((*slot).code).write(code);
        std::ptr::addr_of_mut!((*slot).regs).write(Vec::new());
        std::ptr::addr_of_mut!((*slot).base).write(base);
        std::ptr::addr_of_mut!((*slot).pc).write(0);
        std::ptr::addr_of_mut!((*slot).globals).write(globals);
        std::ptr::addr_of_mut!((*slot).owns_code_and_globals).write(false);
        std::ptr::addr_of_mut!((*slot).ns).write(Value::UNBOUND);
        std::ptr::addr_of_mut!((*slot).func).write(func);
        std::ptr::addr_of_mut!((*slot).ret_dst).write(ret_dst);
        std::ptr::addr_of_mut!((*slot).entry).write(Entry::default());
        std::ptr::addr_of_mut!((*slot).counts_depth).write(counts_depth);
        std::ptr::addr_of_mut!((*slot).suspended).write(false);
        std::ptr::addr_of_mut!((*slot).saved_handled).write(Vec::new());
        std::ptr::addr_of_mut!((*slot).init_self).write(Value::UNBOUND);
        callers.set_len(n + 1);
    }
    &mut callers[n]
}

/// Pop the innermost frame of `callers` after its call finished. A frame
/// whose two vectors own no buffer (every frame `push_function_frame`
/// made) has only its reference-holding fields dropped, inline: the
/// general drop glue is out-of-line calls that showed in call-heavy
/// profiles (~80 instructions per call).
#[inline(always)]
pub fn pop_finished(callers: &mut Vec<Frame>) {
    let Some(f) = callers.last() else {
        return;
    };
    if f.regs.capacity() != 0 || f.saved_handled.capacity() != 0 {
        callers.pop();
        return;
    }
    let n = callers.len() - 1;
    // SAFETY: slot `n` holds an initialised frame. The length drops first,
    // so the frame is never dropped again; then each field that owns
    // something is read out and dropped exactly once. The two vectors own
    // no buffer (checked above) and the rest are plain data, so nothing
    // leaks. (`all_fields_written` lists every field: a new one breaks the
    // build there, a reminder to drop it here.)
    unsafe {
        callers.set_len(n);
        let f = callers.as_mut_ptr().add(n);
        if (*f).owns_code_and_globals {
            ManuallyDrop::drop(&mut (*f).code);
            ManuallyDrop::drop(&mut (*f).globals);
        }
        drop(std::ptr::read(std::ptr::addr_of!((*f).ns)));
        drop(std::ptr::read(std::ptr::addr_of!((*f).func)));
        drop(std::ptr::read(std::ptr::addr_of!((*f).init_self)));
    }
}

/// The fields `push_function_frame` writes, listed exhaustively so that
/// adding a field to `Frame` breaks the build until it is written there
/// (and `pop_finished` drops them).
#[allow(dead_code)]
fn all_fields_written(f: Frame) {
    let Frame {
        code: _,
        regs: _,
        base: _,
        pc: _,
        globals: _,
        owns_code_and_globals: _,
        ns: _,
        func: _,
        ret_dst: _,
        entry: _,
        counts_depth: _,
        suspended: _,
        saved_handled: _,
        init_self: _,
    } = f;
}

/// Append `v` to a register stack that has room for it (reserved for a
/// callee's registers), without `push`'s capacity test.
///
/// # Safety
/// `stack.len() < stack.capacity()`.
#[inline(always)]
pub unsafe fn push_reserved(stack: &mut Vec<Value>, v: Value) {
    let n = stack.len();
    debug_assert!(n < stack.capacity());
    // SAFETY: slot `n` is reserved (the caller's contract) and unused.
    unsafe {
        stack.as_mut_ptr().add(n).write(v);
        stack.set_len(n + 1);
    }
}

/// Complete a register file whose entries from `base` are the bound
/// parameters: unbound remaining slots, cells, closure cells, constants,
/// temporaries.
#[inline(always)]
pub fn init_regs(code: &CodeObject, regs: &mut Vec<Value>, base: usize, closure: &[Value]) {
    let have = regs.len() - base;
    let init = &code.reg_init[have.min(code.reg_init.len())..];
    if code.reg_init_has_objects {
        regs.extend_from_slice(init);
    } else {
        regs.reserve(init.len());
        // SAFETY: `init` holds no heap values (`reg_init_has_objects`), so
        // its values are plain bits that own nothing: copying them is a
        // valid clone. The destination has room for `init.len()` values
        // past `len` (reserved above) and does not overlap `init`.
        unsafe {
            let end = regs.as_mut_ptr().add(regs.len());
            std::ptr::copy_nonoverlapping(init.as_ptr(), end, init.len());
            regs.set_len(regs.len() + init.len());
        }
    }
    bind_cells(code, &mut regs[base..], closure);
}

/// Release a finished call's registers in place, first to last, with the
/// heap test inline; plain constant registers own nothing and are
/// skipped. (VM frames and the JIT's call windows.)
///
/// # Safety
/// `regs` is the full window of `code`; its values are not used again
/// (the slots count as uninitialised after).
#[inline(always)]
pub unsafe fn release_regs(code: &CodeObject, regs: &mut [Value]) {
    // SAFETY: the caller's contract; every temporary counts as live.
    unsafe { release_regs_at_return(code, regs, u16::MAX) }
}

/// Enter handler `h` of `code` with the exception `exc`: clear the
/// registers the handled range can have filled (`exc_reg..clear_end`, as
/// unwinding a value stack would; the rest hold no object) and put the
/// exception in `exc_reg`. `regs` is the frame's register file. Shared by
/// the VM's unwinder and the JIT's handler entry; dropping a value only
/// queues finalizers, which the caller runs.
#[inline]
pub fn enter_handler(code: &CodeObject, h: &Handler, regs: &mut [Value], exc: Value) {
    let regs = &mut regs[..code.nregs as usize];
    let start = h.exc_reg as usize;
    let end = (h.clear_end as usize).min(regs.len());
    debug_assert!(
        !regs[end..].iter().any(Value::is_obj),
        "a register past a handler's clear_end holds an object in {}",
        code.name
    );
    for r in &mut regs[start..end] {
        drop(std::mem::replace(r, Value::UNBOUND));
    }
    regs[start] = exc;
}

/// `release_regs` at a `Return` whose first `live` temporaries are the
/// ones that may hold objects (`Instr::Return`): the others are skipped.
/// (A temporary past them can still hold a plain value, such as the
/// bool a conditional jump tested, which owns nothing.)
///
/// # Safety
/// As `release_regs`.
#[inline(always)]
pub unsafe fn release_regs_at_return(code: &CodeObject, regs: &mut [Value], live: u16) {
    let n = regs.len();
    let tbase = (code.temp_base as usize).min(n);
    let tend = (tbase + live as usize).min(n);
    debug_assert!(
        !regs[tend..].iter().any(Value::is_obj),
        "a temporary past the live ones holds an object at a return in {}",
        code.name
    );
    // SAFETY (each call): the caller gives all of `regs` up; the ranges
    // are within it.
    if code.reg_init_has_objects {
        unsafe { release_in_place(regs.as_mut_ptr(), tend) };
    } else {
        let cbase = ((code.nslots + code.nfree) as usize).min(n);
        unsafe { release_in_place(regs.as_mut_ptr(), cbase) };
        unsafe { release_in_place(regs.as_mut_ptr().add(tbase), tend - tbase) };
    }
}

/// `release_regs` of one run of `n` registers from `regs` (a function,
/// not a closure, so that it is inlined into every call path; pointers,
/// not slices, so that no bounds checks are left in the loop).
///
/// # Safety
/// The `n` values are initialised and the caller gives them up: they are
/// not used again.
#[inline(always)]
unsafe fn release_in_place(regs: *mut Value, n: usize) {
    for i in 0..n {
        // SAFETY: `i < n`, within the caller's run of values.
        let r = unsafe { &mut *regs.add(i) };
        if r.is_obj() {
            // SAFETY: the caller gives the values up; each is read out once.
            drop(unsafe { std::ptr::read(r) });
        }
    }
}

/// The second half of `init_regs`, on a filled register file: the code's
/// cell variables become cells (holding the argument, if one is bound
/// there) and its free variables the closure's cells.
#[inline(always)]
pub fn bind_cells(code: &CodeObject, regs: &mut [Value], closure: &[Value]) {
    if code.cell_slots.is_empty() && code.nfree == 0 {
        return;
    }
    make_cells(code, regs, closure);
}

/// `bind_cells` for code that has cells (out of line: most calls have none).
#[inline(never)]
fn make_cells(code: &CodeObject, regs: &mut [Value], closure: &[Value]) {
    for &c in &code.cell_slots {
        let r = &mut regs[c as usize];
        let v = std::mem::replace(r, Value::UNBOUND);
        *r = Value::obj(Obj::Cell(RefCell::new(v)));
    }
    let free = code.nslots as usize;
    for (i, cell) in closure.iter().take(code.nfree as usize).enumerate() {
        regs[free + i] = cell.clone();
    }
}

/// What entering a frame changed in the interpreter, for `leave_entry`.
#[derive(Clone, Copy, Default)]
pub struct Entry {
    /// The interpreter's call depth while the frame runs (for tracebacks).
    pub depth: u32,
    /// Length of the handled-exception stack when the frame was entered.
    pub handled_base: u32,
    /// Whether `globals` went on the runtime's globals stack (not needed
    /// when the caller runs in the same module).
    pub pushed_globals: bool,
}

/// The interpreter's side of entering a frame of `info` running in
/// `globals`: limits polled (every call polls, so recursion cannot outrun
/// them), recursion depth, traceback frame, globals stack. Shared by VM
/// frames and the JIT's frameless calls.
///
/// # Safety
/// `info` must stay alive until the matching `leave_entry` (it is the
/// running code's own frame info, and the caller holds the code).
#[inline(always)]
pub unsafe fn enter_entry(
    interp: &mut Interp,
    counts_depth: bool,
    info: &FrameInfo,
    globals: &Value,
) -> PyResult<Entry> {
    // SAFETY: the caller's contract.
    unsafe { enter_entry_with::<true>(interp, counts_depth, info, globals) }
}

/// `enter_entry`, checking the native stack only with `NATIVE`: a frame
/// the dispatch loop enters in place (`enter_fast`) uses no native stack,
/// so only the recursion limit applies to it.
///
/// # Safety
/// As `enter_entry`.
#[inline(always)]
pub unsafe fn enter_entry_with<const NATIVE: bool>(
    interp: &mut Interp,
    counts_depth: bool,
    info: &FrameInfo,
    globals: &Value,
) -> PyResult<Entry> {
    interp.tick()?;
    if counts_depth {
        if NATIVE {
            interp.enter_call()?;
        } else {
            interp.enter_call_in_place()?;
        }
    }
    // SAFETY: the caller's contract.
    unsafe { interp.frames.push(info) };
    let pushed_globals = !interp.frame_globals.last().is_some_and(|g| g.is(globals));
    if pushed_globals {
        interp.frame_globals.push(globals.clone());
    }
    Ok(Entry {
        depth: interp.depth,
        handled_base: interp.handled.len() as u32,
        pushed_globals,
    })
}

/// Undo `enter_entry`; exceptions the frame left on the handled stack
/// are dropped unless `keep_handled` takes them (a suspending generator).
#[inline(always)]
pub fn leave_entry(
    interp: &mut Interp,
    entry: &Entry,
    counts_depth: bool,
    keep_handled: Option<&mut Vec<Value>>,
) {
    if entry.pushed_globals {
        interp.frame_globals.pop();
    }
    interp.frames.pop();
    let base = entry.handled_base as usize;
    if interp.handled.len() > base {
        match keep_handled {
            Some(keep) => *keep = interp.handled.split_off(base),
            None => interp.handled.truncate(base),
        }
    }
    if counts_depth {
        interp.leave_call();
    }
}

/// Enter a frame (see `enter_entry`), restoring the exceptions a
/// suspended generator was handling. (Inlined: every generator
/// resumption enters and leaves its frame, and the calls showed.)
#[inline(always)]
pub fn enter(interp: &mut Interp, f: &mut Frame) -> PyResult<()> {
    // SAFETY: the frame holds its code, whose frame info this is, until
    // `leave` (frames are entered and left in pairs).
    f.entry = unsafe { enter_entry(interp, f.counts_depth, &f.code.frame_info, &f.globals)? };
    if !f.saved_handled.is_empty() {
        interp.handled.append(&mut f.saved_handled);
    }
    Ok(())
}

/// Leave a frame (returning, failing or suspending).
#[inline(always)]
pub fn leave(interp: &mut Interp, f: &mut Frame, suspending: bool) {
    let keep = if suspending {
        Some(&mut f.saved_handled)
    } else {
        None
    };
    leave_entry(interp, &f.entry, f.counts_depth, keep);
}
