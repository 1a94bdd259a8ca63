//! The tree-walking interpreter.
use crate::runtime::object::Function;
use crate::runtime::{Interp, PyResult, Value};

pub struct TreeCode {}

pub fn call_tree_function(
    _interp: &mut Interp,
    _fval: &Value,
    _func: &Function,
    _code: &TreeCode,
    _slots: Vec<Value>,
) -> PyResult<Value> {
    Ok(Value::NONE)
}
