//! The bytecode VM: runs the register code of `crate::bytecode` over the
//! shared runtime.
//!
//! - `frame.rs`: frames (register files, runtime frame info, pooling);
//! - `dispatch.rs`: the dispatch loop, calls without Rust recursion,
//!   exception dispatch through handler tables, unwinding, tracebacks;
//! - `generator.rs`: generators as suspended heap frames;
//! - `slow.rs`: the instructions (and slow paths) kept out of the hot loop;
//! - `helpers.rs`: the work of the less frequent instructions.
//!
//! Semantics are the tree-walker's (and CPython's): the same recursion
//! limit and `RecursionError`, the same traceback entries, `__del__` run
//! as soon as the last reference goes, `interp.frames` kept for
//! `logging`, user modules imported by a VM program run in the VM.

pub mod dispatch;
pub mod frame;
pub mod generator;
pub mod helpers;
pub(crate) mod slow;

use crate::bytecode::CodeObject;
use crate::runtime::exceptions::ExcType;
use crate::runtime::object::Function;
use crate::runtime::{Interp, PyErr, PyResult, Value};
use crate::syntax::ast;
use frame::Frame;
use std::rc::Rc;

fn syntax_error(interp: &Interp, e: crate::bytecode::CompileError) -> PyErr {
    interp.err(ExcType::SyntaxError, e.message)
}

/// Run a code object as a module body with `globals`.
pub fn run_module_code(interp: &mut Interp, code: Rc<CodeObject>, globals: &Value) -> PyResult<()> {
    let frame = Frame::module(code, globals.clone());
    run_frame(interp, frame).map(|_| ())
}

/// Run a whole program file as `__main__` in the VM.
pub fn run_main(
    interp: &mut Interp,
    file: &str,
    source: &str,
    module: ast::Module,
) -> PyResult<Value> {
    let file: Rc<str> = interp.add_source(file, source);
    let code = crate::bytecode::compile(file.clone(), source, &module)
        .map_err(|e| syntax_error(interp, e))?;
    drop(module);
    let globals = crate::runtime::import::new_module_globals(interp, "__main__", &file);
    let main = crate::runtime::import::make_module("__main__", globals.clone());
    interp.modules.insert(Rc::from("__main__"), main);
    run_module_code(interp, code, &globals)?;
    Ok(globals)
}

/// Run a user module file (the VM's `ModuleRunner` for imports).
pub fn run_module_source(
    interp: &mut Interp,
    file: &str,
    source: &str,
    globals: &Value,
) -> PyResult<()> {
    let module = crate::runtime::import::parse_source(interp, source)?;
    let name = interp.add_source(file, source);
    let code =
        crate::bytecode::compile(name, source, &module).map_err(|e| syntax_error(interp, e))?;
    run_module_code(interp, code, globals)
}

/// Run REPL input compiled by `bytecode::compile_interactive` in
/// `globals`, passing the value of each top-level expression to `echo`.
pub fn run_interactive(
    interp: &mut Interp,
    code: Rc<CodeObject>,
    globals: &Value,
    echo: &mut dyn FnMut(&mut Interp, Value) -> PyResult<()>,
) -> PyResult<()> {
    let mut frame = Frame::module(code, globals.clone());
    let mut input = crate::runtime::object::Resume::Send(Value::NONE);
    loop {
        match generator::resume_frame(interp, frame, input) {
            (Some(f), Ok(dispatch::Exit::Yield(v))) => {
                echo(interp, v)?;
                frame = f;
                input = crate::runtime::object::Resume::Send(Value::NONE);
            }
            (_, Ok(_)) => return Ok(()),
            (_, Err(e)) => return Err(e),
        }
    }
}

/// Call a bytecode function with its parameters bound to slots (the
/// runtime's `Code::Bytecode` entry point): a generator function returns
/// a new generator, anything else runs to completion.
pub fn call_bytecode(
    interp: &mut Interp,
    fval: &Value,
    func: &Function,
    code: &Rc<CodeObject>,
    slots: Vec<Value>,
) -> PyResult<Value> {
    let frame = Frame::function(code.clone(), func, fval.clone(), slots);
    if func.is_generator {
        return Ok(generator::make_generator(
            frame,
            func.name.clone(),
            func.qualname.clone(),
        ));
    }
    run_frame(interp, frame)
}

/// Run a (not yet entered) frame to completion with the backend the
/// interpreter uses for bytecode: native code when the JIT is enabled
/// (which itself leaves to this VM the code it cannot translate), else
/// the dispatch loop. Generators are not frames run to completion; they
/// always resume in the VM (see `generator.rs`).
pub fn run_frame(interp: &mut Interp, frame: Frame) -> PyResult<Value> {
    if interp.jit_enabled {
        crate::jit::call_frame(interp, frame)
    } else {
        dispatch::call_frame(interp, frame)
    }
}

#[cfg(test)]
mod tests;
