//! `repr()` and `str()` of every value, with CPython's text.

use super::format::{float_repr, str_repr};
use super::object::Obj;
use super::value::{Value, View};
use super::{Interp, PyResult};
use std::cell::RefCell;

thread_local! {
    /// Containers being repr'd right now, so `l.append(l)` prints `[[...]]`.
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

struct ReprGuard(usize);

impl ReprGuard {
    fn enter(v: &Value) -> Option<ReprGuard> {
        let p = v.bits() as usize;
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&p) {
                None
            } else {
                s.push(p);
                Some(ReprGuard(p))
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(i) = s.iter().rposition(|x| *x == self.0) {
                s.remove(i);
            }
        });
    }
}

impl Interp {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if self.stack_exhausted() {
            return Err(self.err(
                super::ExcType::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        Ok(match v.view() {
            View::Int(i) => i.to_string(),
            View::Float(f) => float_repr(f),
            View::Bool(true) => "True".into(),
            View::Bool(false) => "False".into(),
            View::None => "None".into(),
            View::NotImplemented => "NotImplemented".into(),
            View::Ellipsis => "Ellipsis".into(),
            View::Unbound => "<unbound>".into(),
            View::Obj(o) => match o {
                Obj::Int(b) => b.to_string(),
                Obj::Str(s) => str_repr(&s.s),
                Obj::List(l) => {
                    let Some(_g) = ReprGuard::enter(v) else {
                        return Ok("[...]".into());
                    };
                    let items = l.borrow().clone();
                    format!("[{}]", self.join_reprs(&items)?)
                }
                Obj::Tuple(t) => {
                    if t.len() == 1 {
                        format!("({},)", self.repr(&t[0])?)
                    } else {
                        let items = t.to_vec();
                        format!("({})", self.join_reprs(&items)?)
                    }
                }
                Obj::Dict(d) => {
                    let Some(_g) = ReprGuard::enter(v) else {
                        return Ok("{...}".into());
                    };
                    let items: Vec<(Value, Value)> = d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    let mut parts = Vec::with_capacity(items.len());
                    for (k, v) in items {
                        parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                    }
                    format!("{{{}}}", parts.join(", "))
                }
                Obj::Set(_) | Obj::FrozenSet(_) => {
                    let items = super::hash::set_items(v);
                    let frozen = matches!(o, Obj::FrozenSet(_));
                    if items.is_empty() {
                        return Ok(if frozen { "frozenset()" } else { "set()" }.into());
                    }
                    let Some(_g) = ReprGuard::enter(v) else {
                        return Ok("{...}".into());
                    };
                    let inner = self.join_reprs(&items)?;
                    if frozen {
                        format!("frozenset({{{inner}}})")
                    } else {
                        format!("{{{inner}}}")
                    }
                }
                Obj::Range(r) => {
                    if r.step == 1 {
                        format!("range({}, {})", r.start, r.stop)
                    } else {
                        format!("range({}, {}, {})", r.start, r.stop, r.step)
                    }
                }
                Obj::Slice(s) => format!(
                    "slice({}, {}, {})",
                    self.repr(&s[0])?,
                    self.repr(&s[1])?,
                    self.repr(&s[2])?
                ),
                Obj::Function(f) => format!(
                    "<function {} at {:#x}>",
                    f.qualname,
                    v.bits() & 0xffff_ffff_ffff
                ),
                Obj::Native(n) => format!("<built-in function {}>", n.name),
                Obj::Closure(c) => format!("<built-in function {}>", c.name),
                Obj::BoundMethod(f, s) => {
                    let fname = match f.as_obj() {
                        Some(Obj::Function(func)) => func.qualname.to_string(),
                        Some(Obj::Native(n)) => n.name.to_string(),
                        _ => "?".into(),
                    };
                    if matches!(f.as_obj(), Some(Obj::Native(_))) {
                        format!(
                            "<built-in method {fname} of {} object at {:#x}>",
                            self.type_name(s),
                            s.bits() & 0xffff_ffff_ffff
                        )
                    } else {
                        format!("<bound method {fname} of {}>", self.repr(s)?)
                    }
                }
                Obj::Class(c) => {
                    let m = c.module.borrow().clone();
                    match m.as_str() {
                        Some("builtins") | None => format!("<class '{}'>", c.qualname),
                        Some(m) => format!("<class '{m}.{}'>", c.qualname),
                    }
                }
                Obj::Instance(_) => {
                    if let Some(m) = super::attr::lookup_special(self, v, "__repr__") {
                        let r = self.call(&m, &[], &[])?;
                        return match r.as_str() {
                            Some(s) => Ok(s.to_string()),
                            None => Err(self.type_error(format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    self.default_repr(v)
                }
                Obj::Module(m) => match m.name.as_ref() {
                    n if self.is_builtin_module(n) => format!("<module '{n}' (built-in)>"),
                    n => format!("<module '{n}'>"),
                },
                Obj::Generator(g) => format!(
                    "<generator object {} at {:#x}>",
                    g.qualname,
                    v.bits() & 0xffff_ffff_ffff
                ),
                Obj::File(_) => super::file::file_repr(self, v)?,
                _ => self.default_repr(v),
            },
        })
    }

    fn is_builtin_module(&self, name: &str) -> bool {
        matches!(name, "sys" | "builtins" | "gc" | "math" | "time")
    }

    /// `<__main__.Point object at 0x…>`
    pub fn default_repr(&self, v: &Value) -> String {
        let cls = self.type_of(v);
        let (module, name) = match cls.as_obj() {
            Some(Obj::Class(c)) => (c.module.borrow().clone(), c.qualname.clone()),
            _ => (Value::NONE, "?".into()),
        };
        let addr = v.bits() & 0xffff_ffff_ffff;
        match module.as_str() {
            Some("builtins") | None => format!("<{name} object at {addr:#x}>"),
            Some(m) => format!("<{m}.{name} object at {addr:#x}>"),
        }
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v.as_obj() {
            Some(Obj::Str(s)) => Ok(s.s.to_string()),
            Some(Obj::Instance(inst)) => {
                if let Some(f) = super::attr::lookup_in_class(&inst.class, "__str__") {
                    let r = match f.as_obj() {
                        // A plain function or built-in gets the instance
                        // first, as its bound method would pass it (without
                        // making one: `str(e)` of every exception).
                        Some(Obj::Function(_) | Obj::Native(_)) => {
                            self.call(&f, std::slice::from_ref(v), &[])?
                        }
                        _ => match super::attr::lookup_special(self, v, "__str__") {
                            Some(m) => self.call(&m, &[], &[])?,
                            None => return self.repr(v),
                        },
                    };
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(self.type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a Value, reusing `v` when it already is a str.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if v.as_str().is_some() {
            return Ok(v.clone());
        }
        Ok(Value::string(self.str_of(v)?))
    }
}
