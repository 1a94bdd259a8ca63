//! The less frequent instructions' work, kept out of the dispatch loop:
//! name errors, `raise`, `with`, imports, f-string formatting, function
//! and class creation, `locals()`, zero-argument `super()`. Each one
//! reproduces the tree-walker's (and CPython's) behaviour through the
//! shared runtime.

use super::frame::Frame;
use crate::bytecode::{CodeKind, CodeObject};
use crate::runtime::dict::{Dict, Probe};
use crate::runtime::exceptions::{self, ExcType};
use crate::runtime::object::{Code, Function, Obj};
use crate::runtime::{hash, Interp, PyErr, PyResult, Value};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub fn dict_of(v: &Value) -> &RefCell<Dict> {
    match v.as_obj() {
        Some(Obj::Dict(d)) => d,
        _ => panic!("namespace is not a dict"),
    }
}

pub fn name_error(interp: &Interp, n: &str) -> PyErr {
    interp.err(ExcType::NameError, format!("name '{n}' is not defined"))
}

pub fn unbound_local(interp: &Interp, n: &str) -> PyErr {
    interp.err(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

pub fn unbound_free(interp: &Interp, n: &str) -> PyErr {
    interp.err(
        ExcType::NameError,
        format!(
            "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
        ),
    )
}

/// Look up the name `key` (a str with hash `hash`) in a dict, trying the
/// position `cache` remembers first; the cache is validated by checking
/// that the entry there is still that name, so it is never stale.
#[inline(always)]
pub fn cached_get(d: &Value, cache: &Cell<u32>, key: &Value, hash: i64) -> Option<Value> {
    let d = dict_of(d).borrow();
    let p = cache.get() as usize;
    if let Some((k, v)) = d.entry(p) {
        if k.is(key) || (d.entry_hash(p) == hash && k.as_str() == key.as_str()) {
            return Some(v.clone());
        }
    }
    match d.probe(hash, key) {
        Probe::Found(p) => {
            cache.set(p as u32);
            Some(d.value_at(p).clone())
        }
        _ => None,
    }
}

/// The global or else builtin `code.names[i]`, through the code's caches:
/// the name's `GlobalSite` while the globals are unchanged; else the
/// position where it was last found in either dict, and for a builtin the
/// globals' keys version at which it was missing from them (so `len` costs
/// no probe of the globals). Every backend's `LoadGlobal`.
#[inline(always)]
pub fn global_or_builtin(
    interp: &Interp,
    code: &CodeObject,
    globals: &Value,
    i: usize,
) -> Option<Value> {
    let site = &code.global_sites[i];
    if let Some(v) = site.get(globals) {
        return Some(v);
    }
    let v = global_or_builtin_lookup(interp, code, globals, i)?;
    site.remember(globals, &interp.builtins, &v);
    Some(v)
}

/// `global_or_builtin` past its site: the dicts, through their caches.
#[inline(always)]
fn global_or_builtin_lookup(
    interp: &Interp,
    code: &CodeObject,
    globals: &Value,
    i: usize,
) -> Option<Value> {
    let (key, hash) = &code.name_values[i];
    {
        let d = dict_of(globals).borrow();
        let p = code.global_cache[i].get() as usize;
        if let Some((k, v)) = d.entry(p) {
            if k.is(key) {
                return Some(v.clone());
            }
        }
        let version = d.keys_version();
        let miss = &code.global_miss[i];
        if miss.get() != version {
            match d.probe(*hash, key) {
                Probe::Found(p) => {
                    code.global_cache[i].set(p as u32);
                    return Some(d.value_at(p).clone());
                }
                Probe::NotFound => miss.set(version),
                Probe::Candidates(_) => {}
            }
        }
    }
    cached_get(&interp.builtins, &code.builtin_cache[i], key, *hash)
}

/// `LoadGlobal` of `code.names[i]`: module globals, then builtins.
#[inline]
pub fn load_global_cached(
    interp: &Interp,
    code: &CodeObject,
    globals: &Value,
    i: usize,
) -> PyResult<Value> {
    global_or_builtin(interp, code, globals, i).ok_or_else(|| name_error(interp, &code.names[i]))
}

/// `LoadName` of `code.names[i]`: the namespace, globals, builtins.
#[inline]
pub fn load_name_cached(
    interp: &Interp,
    code: &CodeObject,
    ns: Option<&Value>,
    globals: &Value,
    i: usize,
) -> PyResult<Value> {
    if let Some(ns) = ns {
        if !ns.is(globals) {
            let (key, hash) = &code.name_values[i];
            let d = dict_of(ns).borrow();
            if let Probe::Found(p) = d.probe(*hash, key) {
                return Ok(d.value_at(p).clone());
            }
        }
    }
    load_global_cached(interp, code, globals, i)
}

/// Store in a namespace dict, releasing the old value.
pub fn store_in(ns: &Value, n: &str, v: Value) {
    let old = dict_of(ns).borrow_mut().set_str(n, v);
    drop(old);
}

/// Remove from a namespace dict; whether it was there.
pub fn remove_from(ns: &Value, n: &str) -> bool {
    let old = dict_of(ns).borrow_mut().remove_str(n);
    old.is_some()
}

/// `raise exc from cause`; a bare `raise` re-raises the handled exception.
pub fn raise(interp: &mut Interp, exc: Option<Value>, cause: Option<Value>) -> PyErr {
    let r: PyResult<Value> = (|| {
        let Some(v) = exc else {
            return match interp.handled.last() {
                Some(e) => Ok(e.clone()),
                None => Err(interp.err(ExcType::RuntimeError, "No active exception to reraise")),
            };
        };
        let e = exceptions::make_raisable(interp, v)?;
        if let Some(cv) = cause {
            let cv = if cv.is_none() {
                cv
            } else {
                exceptions::make_raisable(interp, cv)?
            };
            if let Some(d) = exceptions::exc_data(&e) {
                let mut d = d.borrow_mut();
                d.cause = cv;
                d.suppress_context = true;
            }
        }
        if let Some(h) = interp.handled.last() {
            if !h.is(&e) {
                exceptions::chain_context(&e, h);
            }
        }
        Ok(e)
    })();
    match r {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

pub fn assertion_error(interp: &mut Interp, msg: Option<Value>) -> PyErr {
    let cls = interp.exc_type(ExcType::AssertionError).clone();
    let args = msg.into_iter().collect();
    PyErr(exceptions::new_exception(interp, &cls, args))
}

/// The function pointer of `module.name` when `module` is a module and
/// the attribute a built-in function (`key`, `hash`: the name as an
/// interned str and its hash).
#[inline]
pub fn module_native(
    module: &Value,
    key: &Value,
    hash: i64,
) -> Option<crate::runtime::object::NativeFnPtr> {
    use crate::runtime::dict::Probe;
    let Some(Obj::Module(m)) = module.as_obj() else {
        return None;
    };
    let d = dict_of(&m.dict).borrow();
    let Probe::Found(p) = d.probe(hash, key) else {
        return None;
    };
    match d.value_at(p).as_obj() {
        Some(Obj::Native(n)) => Some(n.func),
        _ => None,
    }
}

/// `with`: find `__enter__` and `__exit__` on the type (unbound), for
/// the caller to call `__enter__`.
pub fn with_methods(interp: &mut Interp, mgr: &Value) -> PyResult<(Value, Value)> {
    let cls = interp.type_of(mgr);
    let enter =
        crate::runtime::attr::lookup_class_special(&cls, crate::runtime::attr::Special::Enter);
    let exit =
        crate::runtime::attr::lookup_class_special(&cls, crate::runtime::attr::Special::Exit);
    let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
        let missed = if enter.is_some() {
            " (missed __exit__ method)"
        } else {
            ""
        };
        return Err(interp.type_error(format!(
            "'{}' object does not support the context manager protocol{missed}",
            interp.type_name(mgr)
        )));
    };
    Ok((enter, exit))
}

/// `__exit__(type, exc, tb)` for an exception leaving a `with` body:
/// whether it is suppressed.
pub fn with_exit_exc(interp: &mut Interp, mgr: Value, exit: &Value, exc: &Value) -> PyResult<bool> {
    let etype = interp.type_of(exc);
    let tb = exceptions::exc_data(exc)
        .map(|d| exceptions::traceback_value(&d.borrow()))
        .unwrap_or(Value::NONE);
    interp.handled.push(exc.clone());
    let res = interp.call(exit, &[mgr, etype, exc.clone(), tb], &[]);
    interp.handled.pop();
    match res {
        // Limit errors always reach the host: no suppression.
        Ok(v) => Ok(interp.truthy(&v)? && interp.limit_kind(exc).is_none()),
        Err(e2) => {
            exceptions::chain_context(&e2.0, exc);
            Err(e2)
        }
    }
}

pub fn import(interp: &mut Interp, name: &str) -> PyResult<Value> {
    crate::runtime::import::import_module(interp, name, super::run_module_source)
}

/// `from module import name`: an attribute, else a submodule.
pub fn import_from(interp: &mut Interp, m: &Value, name: &str, mname: &str) -> PyResult<Value> {
    if let Some(v) = interp.getattr_opt(m, name)? {
        return Ok(v);
    }
    let full = format!("{mname}.{name}");
    match import(interp, &full) {
        Ok(v) => Ok(v),
        Err(_) => {
            let file = interp
                .getattr_opt(m, "__file__")?
                .and_then(|v| v.as_str().map(|s| s.to_string()));
            let loc = match file {
                Some(p) => format!(" ({p})"),
                None => " (unknown location)".into(),
            };
            Err(interp.err(
                ExcType::ImportError,
                format!("cannot import name '{name}' from '{mname}'{loc}"),
            ))
        }
    }
}

/// An f-string field: conversion, then `format(value, spec)`.
pub fn format_value(
    interp: &mut Interp,
    v: Value,
    conv: u8,
    spec: Option<Value>,
) -> PyResult<Value> {
    let v = match conv {
        b'r' | b'a' => Value::string(interp.repr(&v)?),
        b's' => interp.str_value(&v)?,
        _ => v,
    };
    let spec_text = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("");
    if spec_text.is_empty() && v.as_str().is_some() {
        return Ok(v);
    }
    Ok(Value::string(crate::runtime::methods::format_value(
        interp, &v, spec_text,
    )?))
}

/// Concatenate strings.
pub fn build_string(parts: &[Value]) -> Value {
    Value::str_concat(parts.iter().filter_map(|p| match p.as_obj() {
        Some(Obj::Str(s)) => Some(s),
        _ => None,
    }))
}

/// `locals()`: the namespace of module and class bodies, else a snapshot
/// of the bound local variables.
pub fn frame_locals(code: &CodeObject, ns: Option<&Value>, regs: &[Value]) -> Value {
    if let Some(ns) = ns {
        return ns.clone();
    }
    let mut d = Dict::new();
    for (i, name) in code.slot_names.iter().enumerate() {
        let v = if code.cell_slots.contains(&(i as u16)) {
            match regs[i].as_obj() {
                Some(Obj::Cell(c)) => c.borrow().clone(),
                _ => Value::UNBOUND,
            }
        } else {
            regs[i].clone()
        };
        if !v.is_unbound() {
            d.set_str(name, v);
        }
    }
    Value::obj(Obj::Dict(RefCell::new(d)))
}

/// Zero-argument `super()`: the `__class__` cell and the first argument.
pub fn super_zero(interp: &Interp, cell: &Value, first: Option<&Value>) -> PyResult<Value> {
    let cls = match cell.as_obj() {
        Some(Obj::Cell(c)) if !c.borrow().is_unbound() => c.borrow().clone(),
        _ => return Err(unbound_free(interp, "__class__")),
    };
    let this = match first {
        Some(v) if !v.is_unbound() => match v.as_obj() {
            Some(Obj::Cell(c)) => c.borrow().clone(),
            _ => v.clone(),
        },
        _ => return Err(interp.err(ExcType::RuntimeError, "super(): no arguments")),
    };
    Ok(Value::obj(Obj::Super(cls, this)))
}

/// The module name stored in a globals dict.
fn module_name(globals: &Value) -> Value {
    dict_of(globals)
        .borrow()
        .get_str("__name__")
        .cloned()
        .unwrap_or(Value::NONE)
}

/// A function object for `code`.
pub fn make_function(
    code: &Rc<CodeObject>,
    globals: &Value,
    defaults: Vec<Value>,
    kwdefaults: Vec<(Name, Value)>,
    closure: Vec<Value>,
) -> Value {
    let attrs = code.doc.as_ref().map(|d| {
        let mut a = Dict::new();
        a.set_str("__doc__", Value::str(d));
        a
    });
    let fast_arity = if code.simple_args && !code.is_generator {
        code.sig.npositional as u32
    } else {
        crate::runtime::object::NO_FAST_ARITY
    };
    Value::obj(Obj::Function(Box::new(Function {
        fast_arity,
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        sig: code.sig.clone(),
        code: Code::Bytecode(code.clone()),
        defaults,
        kwdefaults,
        closure,
        globals: globals.clone(),
        module: module_name(globals),
        is_generator: code.is_generator,
        attrs: RefCell::new(attrs),
    })))
}

/// Run a class body and build the class.
pub fn make_class(
    interp: &mut Interp,
    code: &Rc<CodeObject>,
    globals: &Value,
    bases: Vec<Value>,
    closure: Vec<Value>,
) -> PyResult<Value> {
    debug_assert_eq!(code.kind, CodeKind::Class);
    let module = module_name(globals);
    let mut ns = Dict::new();
    ns.set_str("__module__", module.clone());
    ns.set_str("__qualname__", Value::str(&code.qualname));
    ns.set_str(
        "__doc__",
        code.doc
            .as_ref()
            .map(|d| Value::str(d))
            .unwrap_or(Value::NONE),
    );
    let ns = Value::obj(Obj::Dict(RefCell::new(ns)));
    let frame = Frame::class_body(code.clone(), globals.clone(), ns.clone(), &closure);
    drop(closure);
    let cell = super::run_frame(interp, frame)?;
    let dict = std::mem::take(&mut *dict_of(&ns).borrow_mut());
    let cls = interp.new_class(
        code.name.clone(),
        code.qualname.clone(),
        bases,
        dict,
        module,
    )?;
    if let Some(Obj::Cell(c)) = cell.as_obj() {
        let old = std::mem::replace(&mut *c.borrow_mut(), cls.clone());
        drop(old);
    }
    Ok(cls)
}

/// The keyword arguments of a `**mapping` call.
pub fn kwargs_of(interp: &mut Interp, d: &Value) -> PyResult<Vec<(Name, Value)>> {
    let mut kw = Vec::new();
    for (k, v) in hash::dict_items(d) {
        let Some(k) = k.as_str() else {
            return Err(interp.type_error("keywords must be strings"));
        };
        kw.push((Rc::from(k), v));
    }
    Ok(kw)
}
