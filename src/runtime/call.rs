//! Calling anything callable, and binding arguments to parameters with
//! CPython's error messages. Backends call user functions through here so
//! that argument binding is written once.

use super::dict::Dict;
use super::exceptions::{self, ExcType};
use super::object::{Code, Function, Instance, Layout, Obj, Signature};
use super::value::Value;
use super::{Interp, PyResult};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};

impl Interp {
    /// What `Class(...)` gives once `__init__` returned `returned`: the new
    /// instance `obj`, or the TypeError for an `__init__` that returned
    /// something other than None (every backend's `Class(...)` path).
    pub fn init_result(&self, returned: Value, obj: Value) -> PyResult<Value> {
        if returned.is_none() {
            return Ok(obj);
        }
        let msg = format!(
            "__init__() should return None, not '{}'",
            self.type_name(&returned)
        );
        drop((returned, obj));
        Err(self.type_error(msg))
    }

    pub fn call(&mut self, f: &Value, pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
        let Some(o) = f.as_obj() else {
            return Err(self.not_callable(f));
        };
        let result = match o {
            Obj::Function(func) => self.call_function(f, func, pos, kw),
            Obj::Native(n) => (n.func)(self, pos, kw),
            Obj::Closure(c) => {
                let f = c.func.clone();
                f(self, pos, kw)
            }
            Obj::BoundMethod(func, this) => {
                let args = with_first(this, pos);
                self.call(func, &args, kw)
            }
            Obj::Class(_) => self.instantiate(f, pos, kw),
            Obj::StaticMethod(inner) => self.call(inner, pos, kw),
            Obj::Instance(_) => match super::attr::lookup_special(self, f, "__call__") {
                Some(m) => self.call(&m, pos, kw),
                None => Err(self.not_callable(f)),
            },
            _ => Err(self.not_callable(f)),
        };
        self.run_finalizers();
        result
    }

    fn not_callable(&self, f: &Value) -> super::PyErr {
        self.type_error(format!("'{}' object is not callable", self.type_name(f)))
    }

    fn call_function(
        &mut self,
        fval: &Value,
        func: &Function,
        pos: &[Value],
        kw: &[(Name, Value)],
    ) -> PyResult<Value> {
        let slots = bind_arguments(self, func, pos, kw)?;
        match &func.code {
            Code::Tree(code) => {
                let code = code.clone();
                crate::tree::call_tree_function(self, fval, func, &code, slots)
            }
            Code::Bytecode(code) => {
                let code = code.clone();
                crate::vm::call_bytecode(self, fval, func, &code, slots)
            }
        }
    }

    /// `Class(args)`: built-in types construct through their `__new__`
    /// native; user classes get an instance and `__init__`.
    fn instantiate(&mut self, cls: &Value, pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
        let Some(Obj::Class(c)) = cls.as_obj() else {
            unreachable!("instantiate on a class")
        };
        if c.layout == Layout::Builtin {
            if let Some(new) = c.native_new.get() {
                let args = with_first(cls, pos);
                return new(self, &args, kw);
            }
            if let Some(new) = super::attr::lookup_own(cls, "__new__") {
                let args = with_first(cls, pos);
                return self.call(&new, &args, kw);
            }
            return Err(self.type_error(format!("cannot create '{}' instances", c.name)));
        }
        let user_new = super::attr::lookup_class_special(cls, super::attr::Special::New);
        let obj = match user_new {
            Some(new)
                if matches!(
                    new.as_obj(),
                    Some(Obj::Function(_)) | Some(Obj::StaticMethod(_))
                ) =>
            {
                let args = with_first(cls, pos);
                let obj = self.call(&new, &args, kw)?;
                if !self.isinstance(&obj, cls) {
                    return Ok(obj);
                }
                obj
            }
            _ => self.new_instance(cls, c.layout, pos),
        };
        match super::attr::lookup_class_special(cls, super::attr::Special::Init) {
            Some(init) => {
                let args = with_first(&obj, pos);
                let r = self.call(&init, &args, kw)?;
                self.init_result(r, Value::NONE)?;
            }
            None => {
                if !pos.is_empty() || !kw.is_empty() {
                    return Err(self.type_error(format!("{}() takes no arguments", c.name)));
                }
            }
        }
        Ok(obj)
    }

    pub fn new_instance(&mut self, cls: &Value, layout: Layout, args: &[Value]) -> Value {
        if layout == Layout::Exception {
            return exceptions::new_exception(self, cls, args.to_vec());
        }
        Value::obj(Obj::Instance(Instance {
            class: cls.clone(),
            dict: RefCell::new(Dict::new()),
            exc: None,
            finalized: Cell::new(false),
        }))
    }
}

/// `first`, then `pos`: the arguments of a call that passes the object
/// (or class) itself first.
pub fn with_first(first: &Value, pos: &[Value]) -> Vec<Value> {
    let mut args = Vec::with_capacity(pos.len() + 1);
    args.push(first.clone());
    args.extend_from_slice(pos);
    args
}

/// Fill parameter slots (positional, keyword-only, `*args`, `**kwargs`)
/// from a call's arguments, applying defaults.
pub fn bind_arguments(
    interp: &mut Interp,
    func: &Function,
    pos: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<Vec<Value>> {
    let sig: &Signature = &func.sig;
    let name = &func.qualname;
    let npos = sig.npositional;
    // Room for a VM frame's whole register file, so it never reallocates.
    let cap = match &func.code {
        Code::Bytecode(code) => (code.nregs as usize).max(sig.nslots()),
        Code::Tree(_) => sig.nslots(),
    };
    let mut slots: Vec<Value> = Vec::with_capacity(cap);
    slots.resize(sig.params.len(), Value::UNBOUND);
    // Fast path: exactly the positional parameters, no keywords.
    if pos.len() == npos
        && kw.is_empty()
        && sig.vararg.is_none()
        && sig.kwarg.is_none()
        && sig.nkwonly == 0
    {
        for (s, v) in slots.iter_mut().zip(pos) {
            *s = v.clone();
        }
        return Ok(slots);
    }
    let given = pos.len().min(npos);
    slots[..given].clone_from_slice(&pos[..given]);
    let extra: Vec<Value> = if pos.len() > npos {
        if sig.vararg.is_none() {
            return Err(too_many_positional(interp, func, pos.len(), kw));
        }
        pos[npos..].to_vec()
    } else {
        Vec::new()
    };
    let mut kwargs = if sig.kwarg.is_some() {
        Some(Dict::new())
    } else {
        None
    };
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    for (k, v) in kw {
        let idx = sig.params.iter().position(|p| p == k);
        match idx {
            Some(i) if i >= sig.posonly => {
                if !slots[i].is_unbound() {
                    return Err(interp
                        .type_error(format!("{name}() got multiple values for argument '{k}'")));
                }
                slots[i] = v.clone();
            }
            _ => match kwargs.as_mut() {
                Some(d) => {
                    d.set_str(k, v.clone());
                }
                None => {
                    if idx.is_some() {
                        posonly_as_kw.push(k);
                        continue;
                    }
                    return Err(interp
                        .type_error(format!("{name}() got an unexpected keyword argument '{k}'")));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(interp.type_error(format!(
            "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for the trailing positional parameters.
    let first_default = npos - func.defaults.len();
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(npos) {
        if slot.is_unbound() {
            if i >= first_default {
                *slot = func.defaults[i - first_default].clone();
            } else {
                missing.push(sig.params[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(interp, name, &missing, "positional"));
    }
    for (i, slot) in slots.iter_mut().enumerate().skip(npos).take(sig.nkwonly) {
        if slot.is_unbound() {
            let pname = &sig.params[i];
            match func.kwdefaults.iter().find(|(n, _)| n == pname) {
                Some((_, v)) => *slot = v.clone(),
                None => missing.push(pname.clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(interp, name, &missing, "keyword-only"));
    }
    if sig.vararg.is_some() {
        slots.push(Value::tuple(extra));
    }
    if let Some(d) = kwargs {
        slots.push(Value::obj(Obj::Dict(RefCell::new(d))));
    }
    Ok(slots)
}

fn too_many_positional(
    interp: &Interp,
    func: &Function,
    given: usize,
    kw: &[(Name, Value)],
) -> super::PyErr {
    let sig = &func.sig;
    let npos = sig.npositional;
    let required = npos - func.defaults.len();
    let takes = if required == npos {
        format!(
            "{npos} positional argument{}",
            if npos == 1 { "" } else { "s" }
        )
    } else {
        format!("from {required} to {npos} positional arguments")
    };
    let kwonly_given = kw
        .iter()
        .filter(|(k, _)| sig.params[npos..].iter().any(|p| p == k))
        .count();
    let was = if given == 1 { "was" } else { "were" };
    let extra = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    interp.type_error(format!(
        "{}() takes {takes} but {given}{extra} {was} given",
        func.qualname
    ))
}

fn missing_args(interp: &Interp, fname: &str, missing: &[Name], kind: &str) -> super::PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    interp.err(
        ExcType::TypeError,
        format!(
            "{fname}() missing {} required {kind} argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ),
    )
}

/// Check the count of arguments of a native function, with CPython's wording.
pub fn check_arity(
    interp: &Interp,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(interp.type_error(msg))
}

/// Reject keyword arguments for natives that take none.
pub fn no_kwargs(interp: &Interp, name: &str, kw: &[(Name, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Find a keyword argument by name.
pub fn kwarg<'a>(kw: &'a [(Name, Value)], name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// Reject keyword arguments other than `allowed`.
pub fn only_kwargs(
    interp: &Interp,
    fname: &str,
    kw: &[(Name, Value)],
    allowed: &[&str],
) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&&**k) {
            return Err(interp.type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    Ok(())
}
