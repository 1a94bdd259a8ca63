//! File objects returned by `open()`.

use super::value::Value;
use super::{Interp, PyResult};

pub struct FileObj {}

pub fn file_attr(_interp: &mut Interp, _obj: &Value, _name: &str) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn file_next(_interp: &mut Interp, _it: &Value) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn file_repr(_interp: &mut Interp, _v: &Value) -> PyResult<String> {
    Ok("<file>".into())
}

/// Flush every open file (interpreter exit).
pub fn flush_all(_interp: &mut Interp) {}
