//! tern: an embeddable interpreter for a Python 3 subset that runs every
//! program three ways (tree-walker, bytecode VM, Cranelift JIT) over one
//! shared runtime.
//!
//! Layout: `syntax` (lexer, parser, AST, scopes) → `runtime` (values,
//! objects, operators, built-ins, modules) ← `tree` (the tree-walking
//! backend); `driver` runs whole programs; `diag` renders syntax errors.

pub mod alloc;
pub mod bytecode;
pub mod diag;
pub mod driver;
pub mod embed;
pub mod jit;
pub mod repl;
pub mod runtime;
pub mod syntax;
pub mod tools;
pub mod tree;
pub mod vm;
