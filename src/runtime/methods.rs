//! Methods of the built-in types (str, list, dict, set, tuple, int, float).

use super::value::Value;
use super::{Interp, PyResult};

pub fn install(_interp: &mut Interp) {}

/// `template % args`.
pub fn percent_format(interp: &mut Interp, _template: &str, _args: &Value) -> PyResult<Value> {
    Err(interp.type_error("% formatting not implemented"))
}

/// `format(v, spec)`.
pub fn format_value(interp: &mut Interp, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return interp.str_of(v);
    }
    Err(interp.value_error("format specs not implemented yet"))
}
