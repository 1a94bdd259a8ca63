//! Placeholder until the AST printer lands.
use super::ast::Module;
pub fn dump_module(m: &Module) -> String {
    format!("{m:#?}\n")
}
