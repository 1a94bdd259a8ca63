//! tern: an embeddable interpreter for a Python 3 subset that runs every
//! program three ways (tree-walker, bytecode VM, Cranelift JIT) over one
//! shared runtime.

pub mod runtime;
pub mod syntax;
pub mod tree;
