//! Generators in the VM: a suspended heap frame. Resuming runs the frame
//! in a fresh dispatch loop from where it stopped; `yield` hands the frame
//! back. No native stacks, no coroutines.

use super::dispatch::{run, run_in_place, Exit};
use super::frame::Frame;
use crate::runtime::object::{GenBody, GenStep, Generator, Obj, Resume};
use crate::runtime::{Interp, PyResult, Value};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

struct VmGen {
    /// `None` only while the frame runs (or after `clear`).
    frame: Option<Frame>,
}

impl GenBody for VmGen {
    fn resume(&mut self, interp: &mut Interp, input: Resume) -> PyResult<GenStep> {
        let r = if interp.jit_enabled {
            crate::jit::resume_in_place(interp, &mut self.frame, input)
        } else {
            run_in_place(interp, &mut self.frame, Some(input))
        };
        match r? {
            Exit::Yield(v) => Ok(GenStep::Yield(v)),
            Exit::Return(v) => Ok(GenStep::Return(v)),
        }
    }

    /// A suspended frame's registers, globals and the function it runs
    /// (what the frame keeps alive), for the cycle collector.
    fn for_each_ref(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(fr) = &self.frame {
            fr.regs.iter().for_each(&mut *f);
            f(&fr.globals);
            f(&fr.func);
            f(&fr.ns);
            fr.saved_handled.iter().for_each(f);
        }
    }

    fn clear(&mut self) {
        if let Some(fr) = self.frame.as_mut() {
            let regs = std::mem::take(&mut fr.regs);
            let handled = std::mem::take(&mut fr.saved_handled);
            let func = std::mem::replace(&mut fr.func, Value::NONE);
            drop((regs, handled, func));
        }
        self.frame = None;
    }
}

/// A generator object that will run `frame`.
/// Resume a generator frame in the backend the interpreter uses: native
/// code when the JIT is on and could translate it, else the VM.
pub(crate) fn resume_frame(
    interp: &mut Interp,
    frame: Frame,
    input: Resume,
) -> (Option<Frame>, PyResult<Exit>) {
    if interp.jit_enabled {
        crate::jit::resume_generator(interp, frame, input)
    } else {
        run(interp, frame, Some(input))
    }
}

pub fn make_generator(frame: Frame, name: Name, qualname: Rc<str>) -> Value {
    Value::obj(Obj::Generator(Generator {
        name,
        qualname,
        running: Cell::new(false),
        finished: Cell::new(false),
        started: Cell::new(false),
        finalized: Cell::new(false),
        body: RefCell::new(Some(Box::new(VmGen { frame: Some(frame) }))),
    }))
}
