//! The tree-walking interpreter: executes the AST directly, over the shared
//! runtime. Names were resolved once by `syntax::scope`, so a frame holds
//! locals in slots; everything else (operators, calls, attributes) is a call
//! into `runtime`.
//!
//! Generators run their body on a separate native stack (a `corosensei`
//! coroutine) so that `yield` can suspend in the middle of a recursive tree
//! walk; the VM and the JIT use heap frames instead.

mod exec;
mod generator;

use crate::runtime::object::Function;
use crate::runtime::{Interp, PyResult, Value};
use crate::syntax::ast::{self, Expr, FunctionDef, Name};
use crate::syntax::scope::{Scope, SymbolTable};
use std::rc::Rc;

pub use exec::{call_tree_function, run_interactive, run_module};

/// One parsed source file: its AST, scopes and line table.
pub struct Unit {
    pub file: Rc<str>,
    pub ast: Rc<ast::Module>,
    pub symbols: SymbolTable,
    pub line_starts: Rc<[u32]>,
}

impl Unit {
    pub fn new(file: Rc<str>, source: &str, ast: ast::Module) -> Rc<Unit> {
        let symbols = crate::syntax::scope::analyze(&ast);
        let mut line_starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Rc::new(Unit {
            file,
            ast: Rc::new(ast),
            symbols,
            line_starts: line_starts.into(),
        })
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, pos: u32) -> u32 {
        match self.line_starts.binary_search(&pos) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
}

/// What a tree-mode function runs.
pub enum Body {
    Def(Rc<FunctionDef>),
    /// A generator expression; points into `Unit::ast`, which the code
    /// keeps alive and never mutates.
    GenExp(*const Expr),
}

pub struct TreeCode {
    pub name: Name,
    pub body: Body,
    pub scope: Rc<Scope>,
    pub unit: Rc<Unit>,
    /// Prefix for the qualified names of functions defined inside.
    pub qual_prefix: Rc<str>,
}

impl TreeCode {
    pub fn expr(&self) -> &Expr {
        match self.body {
            // SAFETY: the pointer targets a node of `self.unit.ast`, an
            // immutable tree kept alive by the `Rc` this code holds.
            Body::GenExp(p) => unsafe { &*p },
            Body::Def(_) => panic!("not a generator expression"),
        }
    }
}

/// Run a whole program file as `__main__` in tree mode.
pub fn run_main(
    interp: &mut Interp,
    file: &str,
    source: &str,
    module: ast::Module,
) -> PyResult<Value> {
    let file: Rc<str> = interp.add_source(file, source);
    let unit = Unit::new(file, source, module);
    let globals = crate::runtime::import::new_module_globals(interp, "__main__", &unit.file);
    let main = crate::runtime::import::make_module("__main__", globals.clone());
    interp.modules.insert(Rc::from("__main__"), main);
    run_module(interp, &unit, &globals)?;
    Ok(globals)
}

#[allow(unused)]
fn _assert_types(_: &Function) {}
