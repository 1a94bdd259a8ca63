//! The front end: source text to a typed AST with spans.
pub mod ast;
pub mod scope;
