//! `_tern`: the small native module the library modules written in Python
//! (`runtime/pylib/`) use for what the language itself cannot express.

use super::dict::Dict;
use super::exceptions;
use super::interp::native;
use super::object::{Layout, Obj};
use super::value::Value;
use super::{Interp, PyResult};
use crate::syntax::ast::Name;
use std::cell::RefCell;

/// File name prefix of the Python library modules compiled into tern.
pub const PYLIB_PREFIX: &str = "<tern>/";

/// Source of a library module written in Python, by module name.
pub fn pylib_source(name: &str) -> Option<&'static str> {
    match name {
        "logging" => Some(include_str!("pylib/logging.py")),
        "logging.handlers" => Some(include_str!("pylib/logging_handlers.py")),
        _ => None,
    }
}

pub fn make(interp: &mut Interp) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str("_tern"));
    let fns: &[(&str, super::object::NativeFnPtr)] = &[
        ("caller_info", caller_info),
        ("format_exception", format_exception),
        ("exc_info", exc_info),
        ("strftime", strftime),
        ("new_instance", new_instance),
    ];
    for (name, f) in fns {
        d.set_str(name, native(name, *f));
    }
    let globals = Value::obj(Obj::Dict(RefCell::new(d)));
    let m = super::import::make_module("_tern", globals);
    interp.modules.insert("_tern".into(), m.clone());
    m
}

/// `(filename, lineno, funcName)` of the innermost frame outside the
/// library modules: the caller `logging` reports.
fn caller_info(interp: &mut Interp, _a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    for f in interp.frames.iter().rev() {
        if !f.file.starts_with(PYLIB_PREFIX) {
            return Ok(Value::tuple(vec![
                Value::str(&f.file),
                Value::int(f.line() as i64),
                Value::str(&f.func),
            ]));
        }
    }
    Ok(Value::tuple(vec![
        Value::str("(unknown file)"),
        Value::int(0),
        Value::str("(unknown function)"),
    ]))
}

fn format_exception(interp: &mut Interp, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let exc = a.first().cloned().unwrap_or(Value::NONE);
    if exc.is_none() {
        return Ok(Value::str("NoneType: None\n"));
    }
    Ok(Value::string(exceptions::format_exception(interp, &exc)))
}

/// `sys.exc_info()`: the exception being handled, as (type, value, None).
fn exc_info(interp: &mut Interp, _a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    Ok(match interp.handled.last().cloned() {
        Some(e) => Value::tuple(vec![interp.type_of(&e), e, Value::NONE]),
        None => Value::tuple(vec![Value::NONE, Value::NONE, Value::NONE]),
    })
}

/// `strftime(format, seconds_since_epoch)` in local time.
fn strftime(interp: &mut Interp, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let fmt = a.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
    let t = match a.get(1).map(|v| v.view()) {
        Some(super::View::Float(f)) => f,
        Some(super::View::Int(i)) => i as f64,
        _ => return Err(interp.type_error("strftime() needs a format and a time")),
    };
    Ok(Value::string(local_strftime(&fmt, t)))
}

pub fn local_strftime(fmt: &str, t: f64) -> String {
    let secs = t.floor() as libc::time_t;
    let Ok(cfmt) = std::ffi::CString::new(fmt) else {
        return String::new();
    };
    // SAFETY: `tm` is plain data that localtime_r fills in; the buffer is
    // large enough and strftime writes at most `buf.len()` bytes, returning
    // how many it wrote.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&secs, &mut tm);
        let mut buf = vec![0u8; 512 + fmt.len() * 4];
        let n = libc::strftime(
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
            cfmt.as_ptr(),
            &tm,
        );
        buf.truncate(n);
        String::from_utf8_lossy(&buf).into_owned()
    }
}

/// `object.__new__(cls)`: an instance without running `__init__` (copy).
fn new_instance(interp: &mut Interp, a: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let cls = a.first().cloned().unwrap_or(Value::NONE);
    let layout = match cls.as_obj() {
        Some(Obj::Class(c)) => c.layout,
        _ => return Err(interp.type_error("new_instance() needs a class")),
    };
    if layout == Layout::Builtin {
        return Err(interp.type_error("cannot create instances of built-in types this way"));
    }
    Ok(interp.new_instance(&cls, layout, &[]))
}
