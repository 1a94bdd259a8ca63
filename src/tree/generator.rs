//! Generators in tree mode: the generator's frame runs on its own native
//! stack (a stackful coroutine), so `yield` can suspend anywhere inside the
//! recursive evaluation of the body.

use super::exec::{run_frame, Frame};
use super::TreeCode;
use crate::runtime::exceptions::ExcType;
use crate::runtime::iter::gen_resume;
use crate::runtime::object::{GenBody, GenStep, Generator, Obj, Resume};
use crate::runtime::{Interp, PyErr, PyResult, Value};
use crate::syntax::ast::Name;
use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What a suspended generator is resumed with: the interpreter (which the
/// resumer lends for the duration of the resume) and the sent value.
pub struct GenInput(*mut Interp, Resume);

pub type Yielder = corosensei::Yielder<GenInput, Value>;

/// Native stack per generator; the recursion guard keeps deep recursion
/// inside a generator a `RecursionError`.
const GEN_STACK_SIZE: usize = 1 << 20;
const STACK_MARGIN: usize = 96 * 1024;

struct TreeGen {
    co: Coroutine<GenInput, Value, PyResult<Value>, DefaultStack>,
    floor: usize,
    info: crate::runtime::interp::FrameInfo,
    globals: Value,
    /// Exceptions the suspended frame was handling (its `except` blocks
    /// open at the `yield`): off the interpreter's handled stack while it
    /// is suspended, so that the resumer sees its own (as the VM's frames
    /// keep `Frame::saved_handled`).
    saved_handled: Vec<Value>,
}

impl GenBody for TreeGen {
    fn resume(&mut self, interp: &mut Interp, input: Resume) -> PyResult<GenStep> {
        // A resumed generator is a frame on the call stack, as in CPython:
        // `yield from` chains count towards the recursion limit.
        interp.enter_call()?;
        let saved = interp.stack_floor.get();
        interp.stack_floor.set(self.floor);
        // SAFETY: `self.info` outlives this resumption, which pops it.
        unsafe { interp.frames.push(&self.info) };
        interp.frame_globals.push(self.globals.clone());
        let handled_base = interp.handled.len();
        interp.handled.append(&mut self.saved_handled);
        let r = self.co.resume(GenInput(interp as *mut Interp, input));
        if let CoroutineResult::Yield(_) = r {
            self.saved_handled = interp.handled.split_off(handled_base);
        }
        interp.frame_globals.pop();
        interp.frames.pop();
        interp.stack_floor.set(saved);
        interp.leave_call();
        match r {
            CoroutineResult::Yield(v) => Ok(GenStep::Yield(v)),
            CoroutineResult::Return(Ok(v)) => Ok(GenStep::Return(v)),
            CoroutineResult::Return(Err(e)) => Err(e),
        }
    }

    // The frame lives on the coroutine's stack, out of the collector's
    // sight; reporting no references is the conservative answer (objects
    // it holds are treated as externally referenced).
    fn for_each_ref(&self, _f: &mut dyn FnMut(&Value)) {}

    fn clear(&mut self) {}
}

/// A generator whose native stack could not be allocated (the system is
/// out of memory or mappings): resuming it is a `MemoryError`, never a
/// silently empty generator.
struct NoStack;

impl GenBody for NoStack {
    fn resume(&mut self, interp: &mut Interp, _input: Resume) -> PyResult<GenStep> {
        Err(interp.err(
            ExcType::MemoryError,
            "cannot allocate the generator's stack",
        ))
    }

    fn for_each_ref(&self, _f: &mut dyn FnMut(&Value)) {}

    fn clear(&mut self) {}
}

pub fn make_generator(code: Rc<TreeCode>, frame: Frame, name: Name, qualname: Rc<str>) -> Value {
    let info = frame.info();
    let globals = frame.globals.clone();
    let body: Option<Box<dyn GenBody>> = match DefaultStack::new(GEN_STACK_SIZE) {
        Ok(stack) => {
            let floor = stack.limit().get() + STACK_MARGIN;
            let co = Coroutine::with_stack(stack, move |y: &Yielder, input: GenInput| {
                let GenInput(ip, first) = input;
                // SAFETY: `resume` passes the interpreter it was called with
                // and does not touch it until the coroutine yields or
                // returns, so this is the only live use of it meanwhile.
                let interp = unsafe { &mut *ip };
                let mut frame = frame;
                frame.yielder = Some(y as *const Yielder);
                if let Resume::Throw(e) = first {
                    return Err(PyErr(e));
                }
                run_frame(interp, &code, frame)
            });
            Some(Box::new(TreeGen {
                co,
                floor,
                info,
                globals,
                saved_handled: Vec::new(),
            }))
        }
        Err(_) => Some(Box::new(NoStack)),
    };
    Value::obj(Obj::Generator(Generator {
        name,
        qualname,
        running: Cell::new(false),
        finished: Cell::new(false),
        started: Cell::new(false),
        finalized: Cell::new(false),
        body: RefCell::new(body),
    }))
}

fn suspend(interp: &mut Interp, f: &Frame, v: Value) -> PyResult<Resume> {
    let Some(y) = f.yielder else {
        return Err(interp.err(ExcType::SyntaxError, "'yield' outside function"));
    };
    // SAFETY: the yielder belongs to the coroutine running this frame; it
    // outlives the frame, which lives on that coroutine's stack.
    let y = unsafe { &*y };
    let GenInput(_, input) = y.suspend(v);
    Ok(input)
}

/// `yield v`: suspend, then return what was sent (or raise what was thrown).
pub fn yield_value(interp: &mut Interp, f: &mut Frame, v: Value) -> PyResult<Value> {
    match suspend(interp, f, v)? {
        Resume::Send(x) => Ok(x),
        Resume::Throw(e) => Err(PyErr(e)),
    }
}

/// `yield from it`: delegate to a sub-iterator, passing sends and throws
/// through to sub-generators; the result is the sub-generator's return value.
pub fn yield_from(interp: &mut Interp, f: &mut Frame, v: Value) -> PyResult<Value> {
    let it = interp.iter(&v)?;
    if matches!(it.as_obj(), Some(Obj::Generator(_))) {
        let mut input = Resume::Send(Value::NONE);
        loop {
            match gen_resume(interp, &it, input)? {
                GenStep::Yield(x) => input = suspend(interp, f, x)?,
                GenStep::Return(r) => return Ok(r),
            }
        }
    }
    while let Some(x) = interp.next(&it)? {
        if let Resume::Throw(e) = suspend(interp, f, x)? {
            return Err(PyErr(e));
        }
    }
    Ok(Value::NONE)
}
