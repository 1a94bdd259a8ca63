//! Methods of the built-in types (str, list, dict, set, tuple, int, float).

use super::value::Value;
use super::{Interp, PyResult};

pub fn install(_interp: &mut Interp) {}

/// `template % args`.
pub fn percent_format(interp: &mut Interp, _template: &str, _args: &Value) -> PyResult<Value> {
    Err(interp.type_error("% formatting not implemented"))
}
