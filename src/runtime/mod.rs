//! The one runtime all three execution modes share: values, objects,
//! operators, built-ins and modules. Backends decide only how control flow,
//! locals and frames run; every semantic rule lives here.

pub mod attr;
pub mod builtins;
pub mod call;
pub mod dict;
pub mod exceptions;
pub mod file;
pub mod format;
pub mod frame_stack;
pub mod gc;
pub mod hash;
pub mod import;
pub mod interp;
pub mod interrupt;
pub mod iter;
pub mod methods;
pub mod modules;
pub mod object;
pub mod ops;
pub mod repr;
pub mod set;
pub mod str_text;
pub mod subscript;
pub mod ternmod;
pub mod value;

#[cfg(test)]
mod tests;

pub use exceptions::ExcType;
pub use interp::Interp;
pub use object::Obj;
pub use value::{Value, View};

/// A raised Python exception: the exception instance. Runtime functions
/// return `PyResult`, which is the C-API convention the VM and the JIT
/// follow too (an error is a sentinel plus the stored exception).
#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;
