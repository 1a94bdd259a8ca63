//! The built-in exception hierarchy, exception objects and traceback text.
//!
//! One table shared by all modes: backends raise through `Interp::err` and
//! print uncaught errors with `format_exception`, so messages and traceback
//! layout match CPython's in every mode.

use super::interp::{add_method, bare_class, Interp};
use super::object::{ExcData, Instance, Layout, Obj};
use super::value::Value;
use super::{PyErr, PyResult};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

macro_rules! exc_types {
    ($($name:ident : $parent:expr),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub enum ExcType { $($name),* }
        const EXC_TABLE: &[(&str, Option<ExcType>)] = &[$((stringify!($name), $parent)),*];
    };
}

exc_types! {
    BaseException: None,
    SystemExit: Some(ExcType::BaseException),
    KeyboardInterrupt: Some(ExcType::BaseException),
    GeneratorExit: Some(ExcType::BaseException),
    Exception: Some(ExcType::BaseException),
    StopIteration: Some(ExcType::Exception),
    ArithmeticError: Some(ExcType::Exception),
    ZeroDivisionError: Some(ExcType::ArithmeticError),
    OverflowError: Some(ExcType::ArithmeticError),
    LookupError: Some(ExcType::Exception),
    IndexError: Some(ExcType::LookupError),
    KeyError: Some(ExcType::LookupError),
    ValueError: Some(ExcType::Exception),
    UnicodeError: Some(ExcType::ValueError),
    TypeError: Some(ExcType::Exception),
    NameError: Some(ExcType::Exception),
    UnboundLocalError: Some(ExcType::NameError),
    AttributeError: Some(ExcType::Exception),
    RuntimeError: Some(ExcType::Exception),
    RecursionError: Some(ExcType::RuntimeError),
    NotImplementedError: Some(ExcType::RuntimeError),
    AssertionError: Some(ExcType::Exception),
    ImportError: Some(ExcType::Exception),
    ModuleNotFoundError: Some(ExcType::ImportError),
    OSError: Some(ExcType::Exception),
    FileNotFoundError: Some(ExcType::OSError),
    FileExistsError: Some(ExcType::OSError),
    PermissionError: Some(ExcType::OSError),
    IsADirectoryError: Some(ExcType::OSError),
    NotADirectoryError: Some(ExcType::OSError),
    MemoryError: Some(ExcType::Exception),
    EOFError: Some(ExcType::Exception),
    SyntaxError: Some(ExcType::Exception),
    IndentationError: Some(ExcType::SyntaxError),
    Warning: Some(ExcType::Exception),
    DeprecationWarning: Some(ExcType::Warning),
    UserWarning: Some(ExcType::Warning),
}

/// Create the exception classes and publish them as built-ins.
pub fn make_exception_types(interp: &Interp) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for (name, parent) in EXC_TABLE {
        let bases = match parent {
            Some(p) => vec![out[*p as usize].clone()],
            None => vec![interp.types.object.clone()],
        };
        let class = bare_class(name, bases, Layout::Exception);
        interp.set_builtin(name, class.clone());
        out.push(class);
    }
    interp.set_builtin("IOError", out[ExcType::OSError as usize].clone());
    interp.set_builtin("EnvironmentError", out[ExcType::OSError as usize].clone());
    let base = &out[ExcType::BaseException as usize];
    add_method(base, "__init__", exc_init);
    add_method(base, "__str__", exc_str);
    add_method(base, "__repr__", exc_repr);
    add_method(base, "with_traceback", exc_with_traceback);
    add_method(&out[ExcType::KeyError as usize], "__str__", key_error_str);
    out
}

/// A new exception instance of `class` with these args (no `__init__` run).
pub fn new_exception(_interp: &Interp, class: &Value, args: Vec<Value>) -> Value {
    Value::obj(Obj::Instance(Instance {
        class: class.clone(),
        dict: RefCell::new(super::dict::Dict::new()),
        exc: Some(Box::new(RefCell::new(ExcData {
            args: Value::tuple(args),
            traceback: Vec::new(),
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
        }))),
        finalized: Cell::new(false),
    }))
}

/// The exception data of an exception instance.
pub fn exc_data(v: &Value) -> Option<&RefCell<ExcData>> {
    match v.as_obj() {
        Some(Obj::Instance(i)) => i.exc.as_deref(),
        _ => None,
    }
}

pub fn exc_args(v: &Value) -> Vec<Value> {
    match exc_data(v) {
        Some(d) => match d.borrow().args.as_obj() {
            Some(Obj::Tuple(t)) => t.to_vec(),
            _ => vec![],
        },
        None => vec![],
    }
}

fn exc_init(_interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    if let Some(d) = exc_data(&args[0]) {
        // `ValueError(x)` made the args tuple already (as `__new__` does
        // in CPython); a second, identical one would only cost allocations.
        let same = match d.borrow().args.as_obj() {
            Some(Obj::Tuple(t)) => {
                t.len() == args.len() - 1 && t.iter().zip(&args[1..]).all(|(a, b)| a.is(b))
            }
            _ => false,
        };
        if !same {
            let old = std::mem::replace(&mut d.borrow_mut().args, Value::tuple(args[1..].to_vec()));
            drop(old);
        }
    }
    Ok(Value::NONE)
}

/// `str(exc)`: empty, the single argument, or the tuple of arguments.
fn exc_str(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let a = exc_args(&args[0]);
    match a.len() {
        0 => Ok(Value::str("")),
        1 => Ok(Value::string(interp.str_of(&a[0])?)),
        _ => Ok(Value::string(interp.repr(&Value::tuple(a))?)),
    }
}

fn key_error_str(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let a = exc_args(&args[0]);
    if a.len() == 1 {
        Ok(Value::string(interp.repr(&a[0])?))
    } else {
        exc_str(interp, args, _kw)
    }
}

fn exc_repr(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let a = exc_args(&args[0]);
    let name = interp.type_name(&args[0]);
    let inner = if a.len() == 1 {
        interp.repr(&a[0])?
    } else {
        let t = interp.repr(&Value::tuple(a))?;
        t[1..t.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(Value::string(format!("{name}({inner})")))
}

fn exc_with_traceback(_: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// Is `v` an exception class (a subclass of BaseException)?
pub fn is_exception_class(interp: &Interp, v: &Value) -> bool {
    match v.as_obj() {
        Some(Obj::Class(_)) => super::attr::is_subclass(v, interp.exc_type(ExcType::BaseException)),
        _ => false,
    }
}

/// Does the exception match an `except` clause's type (a class or tuple)?
pub fn matches(interp: &mut Interp, exc: &Value, typ: &Value) -> PyResult<bool> {
    // The exception's class, borrowed from the instance when it is one
    // (every `except` clause tried asks).
    let owned;
    let cls = match exc.as_obj() {
        Some(Obj::Instance(inst)) => &inst.class,
        _ => {
            owned = interp.type_of(exc);
            &owned
        }
    };
    // A limit error (`Interp::limit_kind`) is caught by no clause.
    if cls.is(&interp.limit_exc) {
        return Ok(false);
    }
    // As CPython: every item of a tuple must be an exception class (a
    // nested tuple is not one), checked before any item is tried.
    let classes = match typ.as_obj() {
        Some(Obj::Tuple(items)) => &items[..],
        _ => std::slice::from_ref(typ),
    };
    if !classes.iter().all(|t| is_exception_class(interp, t)) {
        return Err(interp
            .type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    Ok(classes.iter().any(|t| super::attr::is_subclass(cls, t)))
}

/// Turn the operand of `raise` into an exception instance.
pub fn make_raisable(interp: &mut Interp, v: Value) -> PyResult<Value> {
    if exc_data(&v).is_some() {
        return Ok(v);
    }
    if is_exception_class(interp, &v) {
        return interp.call(&v, &[], &[]);
    }
    Err(interp.type_error("exceptions must derive from BaseException"))
}

/// Set `__context__` of a newly raised exception to the one being handled.
pub fn set_context(interp: &Interp, exc: &Value) {
    if let Some(handled) = interp.handled.last() {
        if handled.is(exc) {
            return;
        }
        if let Some(d) = exc_data(exc) {
            let mut d = d.borrow_mut();
            if d.context.is_none() {
                d.context = handled.clone();
            }
        }
    }
}

/// Record that the exception passed through (or was caught in) a frame.
pub fn add_traceback(exc: &Value, file: &Rc<str>, line: u32, func: &Rc<str>, depth: u32) {
    if let Some(d) = exc_data(exc) {
        let mut d = d.borrow_mut();
        if let Some(last) = d.traceback.last() {
            let same = |a: &Rc<str>, b: &Rc<str>| Rc::ptr_eq(a, b) || a == b;
            if last.depth == depth && same(&last.file, file) && same(&last.func, func) {
                return;
            }
        }
        d.traceback.push(super::object::TraceEntry {
            file: file.clone(),
            line,
            func: func.clone(),
            depth,
        });
    }
}

/// `TypeName: message`, CPython's last traceback line.
pub fn last_line(interp: &mut Interp, exc: &Value) -> String {
    let cls = interp.type_of(exc);
    let mut name = String::new();
    if let Some(Obj::Class(c)) = cls.as_obj() {
        let module = c.module.borrow().clone();
        if let Some(Obj::Str(m)) = module.as_obj() {
            if &*m.s != "builtins" && &*m.s != "__main__" {
                name.push_str(&m.s);
                name.push('.');
            }
        }
        name.push_str(&c.qualname);
    }
    let msg = match interp.str_of(exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// The full traceback text CPython prints for an uncaught exception,
/// including chained causes and contexts.
pub fn format_exception(interp: &mut Interp, exc: &Value) -> String {
    let mut out = String::new();
    format_chain(interp, exc, &mut out, 0);
    out
}

fn format_chain(interp: &mut Interp, exc: &Value, out: &mut String, depth: usize) {
    let Some(data) = exc_data(exc) else {
        out.push_str(&last_line(interp, exc));
        out.push('\n');
        return;
    };
    let (cause, context, suppress, tb) = {
        let d = data.borrow();
        (
            d.cause.clone(),
            d.context.clone(),
            d.suppress_context,
            d.traceback.clone(),
        )
    };
    if depth < 32 {
        if !cause.is_none() {
            format_chain(interp, &cause, out, depth + 1);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !context.is_none() && !suppress {
            format_chain(interp, &context, out, depth + 1);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(&Rc<str>, u32, &Rc<str>)> = None;
        let mut repeats = 0usize;
        for e in tb.iter().rev() {
            let key = (&e.file, e.line, &e.func);
            if last == Some(key) {
                repeats += 1;
                if repeats >= 3 {
                    continue;
                }
            } else {
                if repeats >= 3 {
                    out.push_str(&repeated_line(repeats - 2));
                }
                repeats = 0;
                last = Some(key);
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.file, e.line, e.func
            ));
            if let Some(src) = interp.sources.get(&e.file) {
                if let Some(text) = src.lines().nth(e.line.saturating_sub(1) as usize) {
                    let t = text.trim();
                    if !t.is_empty() {
                        out.push_str(&format!("    {t}\n"));
                    }
                }
            }
        }
        if repeats >= 3 {
            out.push_str(&repeated_line(repeats - 2));
        }
    }
    out.push_str(&last_line(interp, exc));
    out.push('\n');
}

fn repeated_line(n: usize) -> String {
    format!(
        "  [Previous line repeated {n} more time{}]\n",
        if n == 1 { "" } else { "s" }
    )
}

/// Convenience for natives: raise `StopIteration(value)`.
pub fn stop_iteration(interp: &Interp, value: Value) -> PyErr {
    let cls = interp.exc_type(ExcType::StopIteration).clone();
    let args = if value.is_none() { vec![] } else { vec![value] };
    PyErr(new_exception(interp, &cls, args))
}

pub fn is_instance_of(interp: &Interp, exc: &Value, t: ExcType) -> bool {
    let cls = interp.type_of(exc);
    super::attr::is_subclass(&cls, interp.exc_type(t))
}

/// The `.value` of a StopIteration (its first argument, or None).
pub fn stop_iteration_value(exc: &Value) -> Value {
    exc_args(exc).into_iter().next().unwrap_or(Value::NONE)
}

pub fn name_of_class(v: &Value) -> Name {
    match v.as_obj() {
        Some(Obj::Class(c)) => c.name.clone(),
        _ => Rc::from("?"),
    }
}

/// `exc.__traceback__`: None before the exception was raised, else the
/// (file, line) pairs of its frames, outermost first. (A stand-in for
/// CPython's traceback objects, enough for `is None` tests and printing.)
pub fn traceback_value(e: &ExcData) -> Value {
    if e.traceback.is_empty() {
        return Value::NONE;
    }
    Value::tuple(
        e.traceback
            .iter()
            .rev()
            .map(|t| Value::tuple(vec![Value::str(&t.file), Value::int(t.line as i64)]))
            .collect(),
    )
}

/// A new exception raised while handling `old` gets `old` as `__context__`.
pub fn chain_context(new: &Value, old: &Value) {
    if new.is(old) {
        return;
    }
    if let Some(d) = exc_data(new) {
        let mut d = d.borrow_mut();
        if d.context.is_none() && !d.context.is(old) {
            // Avoid a cycle new -> old -> … -> new.
            let mut cur = old.clone();
            for _ in 0..100 {
                if cur.is(new) {
                    return;
                }
                let next = match exc_data(&cur) {
                    Some(cd) => cd.borrow().context.clone(),
                    None => break,
                };
                if next.is_none() {
                    break;
                }
                cur = next;
            }
            d.context = old.clone();
        }
    }
}

/// An exception raised while another is being handled (the innermost of
/// `interp.handled`) gets it as `__context__`, unless it already has one:
/// what every backend does when an instruction or statement raises.
pub fn chain_to_handled(interp: &Interp, e: &Value) {
    if let Some(h) = interp.handled.last() {
        if exc_data(e).is_some_and(|d| d.borrow().context.is_none()) {
            chain_context(e, h);
        }
    }
}
