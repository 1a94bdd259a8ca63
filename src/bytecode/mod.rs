//! The bytecode compiler: AST → register-machine code objects, and the
//! disassembler (`tern dis`).
//!
//! # Why a register machine
//!
//! Python's own VM is a stack machine; this one keeps operands in a flat
//! per-frame register file instead (locals *are* registers, and unboxed
//! constants are preloaded into registers). The arithmetic of a loop body
//! like `total += i % 7 * 3` is then three instructions (`MOD`, `MUL`,
//! `INPLACE_ADD` reading locals and constants directly) instead of about
//! nine pushes, pops and operations, and a `while i < n` test is one fused
//! compare-and-branch. Fewer dispatches is what an interpreter written in
//! a safe language can best buy: each dispatch is an unpredictable
//! indirect branch. The costs are the ones register VMs always pay, kept
//! in the compiler: temporaries are allocated in stack order (so the live
//! set at any point is known), operands that are temporaries are consumed
//! by the instruction that uses them (so objects die when CPython would
//! drop them from its stack), and an exception unwinding into a handler
//! clears the registers above the handler's watermark (the register
//! equivalent of popping the value stack). Because the live set is known,
//! a `Return` carries how many temporaries can still hold objects and a
//! handler how far its range can have filled them (`clear_end`), so that
//! leaving a frame or entering a handler touches only those. The JIT can
//! read the same code: registers map directly onto Cranelift variables.
//!
//! The instruction set has about 110 instructions (`instr.rs`), most with
//! specialised forms for the common cases (int/float arithmetic,
//! comparisons fused with branches, method calls that bind no method
//! object).
//!
//! # Files
//! - `instr.rs`: the instructions and operand conventions;
//! - `code.rs`: code objects, line and handler tables;
//! - `fold.rs`: constant folding;
//! - `compiler.rs`: the per-scope compiler state (registers, labels,
//!   handler stack, definite assignment) and whole code objects;
//! - `compile_stmt.rs`, `compile_expr.rs`: the lowering itself;
//! - `verify.rs`: the checks a code object passes before it runs (what
//!   lets the dispatch loop skip bounds checks);
//! - `dis.rs`: the disassembler.

pub mod code;
pub mod compile_expr;
pub mod compile_stmt;
pub mod compiler;
pub mod dis;
pub mod fold;
pub mod instr;
pub mod verify;

pub use code::{CodeKind, CodeObject};
pub use compiler::CompileError;
pub use instr::{Instr, Reg};

use crate::syntax::ast::Module;
use std::rc::Rc;

/// Byte offsets of the line starts of a source text.
pub fn line_starts(source: &str) -> Rc<[u32]> {
    let mut v = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            v.push(i as u32 + 1);
        }
    }
    v.into()
}

/// Compile a parsed module.
pub fn compile(
    file: Rc<str>,
    source: &str,
    module: &Module,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_with(file, source, module, false)
}

/// Compile REPL input: the module code yields the value of each top-level
/// expression statement (see `vm::run_interactive`).
pub fn compile_interactive(
    file: Rc<str>,
    source: &str,
    module: &Module,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_with(file, source, module, true)
}

fn compile_with(
    file: Rc<str>,
    source: &str,
    module: &Module,
    interactive: bool,
) -> Result<Rc<CodeObject>, CompileError> {
    let symbols = crate::syntax::scope::analyze(module);
    let ctx = compiler::Ctx {
        file,
        line_starts: line_starts(source),
        symbols: &symbols,
    };
    compiler::compile_module(&ctx, module, interactive)
}

/// Compile source text (parse errors come back as a `CompileError`).
pub fn compile_source(file: &str, source: &str) -> Result<Rc<CodeObject>, CompileError> {
    let module = crate::syntax::parse_module(source).map_err(|errs| CompileError {
        message: errs[0].message.clone(),
        pos: errs[0].span.start,
    })?;
    compile(Rc::from(file), source, &module)
}

#[cfg(test)]
mod tests;
