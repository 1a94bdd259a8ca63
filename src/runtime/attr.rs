//! Types of values, the class hierarchy (C3 MRO, `isinstance`), and
//! attribute access with Python's descriptor rules (methods bind,
//! `staticmethod`/`classmethod`/`property` do their thing).

use super::dict::Dict;
use super::exceptions::{exc_data, ExcType};
use super::object::{Class, Layout, Obj};
use super::value::{Value, View};
use super::{Interp, PyResult};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

impl Interp {
    /// The class of any value.
    pub fn type_of(&self, v: &Value) -> Value {
        let t = &self.types;
        match v.view() {
            View::Float(_) => t.float.clone(),
            View::Int(_) => t.int.clone(),
            View::Bool(_) => t.bool_.clone(),
            View::None => t.none.clone(),
            View::NotImplemented => t.not_implemented.clone(),
            View::Ellipsis | View::Unbound => t.ellipsis.clone(),
            View::Obj(o) => match o {
                Obj::Int(_) => t.int.clone(),
                Obj::Str(_) => t.str_.clone(),
                Obj::List(_) => t.list.clone(),
                Obj::Tuple(_) => t.tuple.clone(),
                Obj::Dict(_) => t.dict.clone(),
                Obj::Set(_) => t.set.clone(),
                Obj::FrozenSet(_) => t.frozenset.clone(),
                Obj::Range(_) => t.range.clone(),
                Obj::Slice(_) => t.slice.clone(),
                Obj::Function(_) => t.function.clone(),
                Obj::Native(_) | Obj::Closure(_) => t.native.clone(),
                Obj::BoundMethod(..) => t.method.clone(),
                Obj::Class(_) => t.type_.clone(),
                Obj::Instance(i) => i.class.clone(),
                Obj::Module(_) => t.module.clone(),
                Obj::Generator(_) => t.generator.clone(),
                Obj::Iter(_) => t.iterator.clone(),
                Obj::Cell(_) => t.cell.clone(),
                Obj::Property(_) => t.property.clone(),
                Obj::StaticMethod(_) => t.staticmethod.clone(),
                Obj::ClassMethod(_) => t.classmethod.clone(),
                Obj::Super(..) => t.super_.clone(),
                Obj::File(_) => t.file.clone(),
            },
        }
    }

    /// The `__name__` of a value's type, for error messages.
    pub fn type_name(&self, v: &Value) -> Rc<str> {
        match v.view() {
            View::Obj(Obj::Instance(i)) => class_name(&i.class),
            View::Obj(Obj::Iter(it)) => Rc::from(iter_type_name(&it.borrow())),
            _ => class_name(&self.type_of(v)),
        }
    }

    pub fn isinstance(&self, v: &Value, cls: &Value) -> bool {
        is_subclass(&self.type_of(v), cls)
    }

    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    pub fn attribute_error(&self, obj: &Value, name: &str) -> super::PyErr {
        let msg = match obj.as_obj() {
            Some(Obj::Class(c)) => format!("type object '{}' has no attribute '{name}'", c.name),
            Some(Obj::Module(m)) => format!("module '{}' has no attribute '{name}'", m.name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        self.err(ExcType::AttributeError, msg)
    }

    /// Attribute lookup; `Ok(None)` when the attribute does not exist.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj.as_obj() {
            Some(Obj::Class(_)) => return self.class_getattr(obj, name),
            Some(Obj::Module(m)) => {
                if let Some(Obj::Dict(d)) = m.dict.as_obj() {
                    if let Some(v) = d.borrow().get_str(name) {
                        return Ok(Some(v.clone()));
                    }
                }
                if name == "__dict__" {
                    return Ok(Some(m.dict.clone()));
                }
                return Ok(None);
            }
            Some(Obj::Super(start, this)) => return self.super_getattr(start, this, name),
            _ => {}
        }
        let cls = self.type_of(obj);
        let found = lookup_in_class(&cls, name);
        if let Some(f) = &found {
            if let Some(Obj::Property(p)) = f.as_obj() {
                if p[0].is_none() {
                    return Err(self.err(
                        ExcType::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no getter",
                            self.type_name(obj)
                        ),
                    ));
                }
                let getter = p[0].clone();
                return self.call(&getter, std::slice::from_ref(obj), &[]).map(Some);
            }
        }
        if let Some(Obj::Instance(inst)) = obj.as_obj() {
            if let Some(v) = inst.dict.borrow().get_str(name) {
                return Ok(Some(v.clone()));
            }
        }
        if let Some(f) = found {
            return Ok(Some(bind(f, obj, &cls)));
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        if let Some(ga) = lookup_in_class(&cls, "__getattr__") {
            let r = self.call(&ga, &[obj.clone(), Value::str(name)], &[]);
            return match r {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if super::exceptions::is_instance_of(self, &e.0, ExcType::AttributeError) =>
                {
                    Ok(None)
                }
                Err(e) => Err(e),
            };
        }
        Ok(None)
    }

    /// Attributes that are not in any class dict: `__class__`, `__dict__`,
    /// exception fields, function metadata.
    fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(self.type_of(obj)));
        }
        let o = match obj.as_obj() {
            Some(o) => o,
            None => return Ok(self.number_attr(obj, name)),
        };
        Ok(match o {
            Obj::Instance(inst) => {
                if let Some(e) = exc_data(obj) {
                    let e = e.borrow();
                    match name {
                        "args" => return Ok(Some(e.args.clone())),
                        "__cause__" => return Ok(Some(e.cause.clone())),
                        "__context__" => return Ok(Some(e.context.clone())),
                        "__suppress_context__" => return Ok(Some(Value::bool(e.suppress_context))),
                        "__traceback__" => return Ok(Some(super::exceptions::traceback_value(&e))),
                        "value"
                            if self.isinstance(
                                obj,
                                &self.exc_type(ExcType::StopIteration).clone(),
                            ) =>
                        {
                            return Ok(Some(super::exceptions::stop_iteration_value(obj)))
                        }
                        "code"
                            if self
                                .isinstance(obj, &self.exc_type(ExcType::SystemExit).clone()) =>
                        {
                            return Ok(Some(super::exceptions::stop_iteration_value(obj)))
                        }
                        _ => {}
                    }
                    if self.isinstance(obj, &self.exc_type(ExcType::OSError).clone()) {
                        let args = super::exceptions::exc_args(obj);
                        match name {
                            "errno" => {
                                return Ok(Some(if args.len() >= 2 {
                                    args[0].clone()
                                } else {
                                    Value::NONE
                                }))
                            }
                            "strerror" => {
                                return Ok(Some(if args.len() >= 2 {
                                    args[1].clone()
                                } else {
                                    Value::NONE
                                }))
                            }
                            "filename" => {
                                return Ok(Some(args.get(2).cloned().unwrap_or(Value::NONE)))
                            }
                            _ => {}
                        }
                    }
                }
                if name == "__dict__" {
                    // A snapshot: mutation through it is not supported.
                    let d = inst.dict.borrow();
                    let mut copy = Dict::with_capacity(d.len());
                    for (k, v) in d.iter() {
                        if let Some(Obj::Str(s)) = k.as_obj() {
                            copy.set_str(&s.s, v.clone());
                        }
                    }
                    return Ok(Some(Value::obj(Obj::Dict(RefCell::new(copy)))));
                }
                None
            }
            Obj::Function(f)
                if f.attrs
                    .borrow()
                    .as_ref()
                    .and_then(|d| d.get_str(name))
                    .is_some() =>
            {
                f.attrs
                    .borrow()
                    .as_ref()
                    .and_then(|d| d.get_str(name))
                    .cloned()
            }
            Obj::Function(f) => match name {
                "__name__" => Some(Value::str(&f.name)),
                "__qualname__" => Some(Value::str(&f.qualname)),
                "__module__" => Some(f.module.clone()),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::NONE
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__globals__" => Some(f.globals.clone()),
                _ => {
                    let a = f.attrs.borrow();
                    match a.as_ref().and_then(|d| d.get_str(name)) {
                        Some(v) => Some(v.clone()),
                        None if name == "__doc__" => Some(Value::NONE),
                        None => None,
                    }
                }
            },
            Obj::Native(n) => match name {
                "__name__" | "__qualname__" => Some(Value::str(&n.name)),
                _ => None,
            },
            Obj::Closure(c) => match name {
                "__name__" | "__qualname__" => Some(Value::str(&c.name)),
                _ => None,
            },
            Obj::BoundMethod(f, s) => match name {
                "__self__" => Some(s.clone()),
                "__func__" => Some(f.clone()),
                "__name__" | "__qualname__" | "__doc__" => return self.getattr_opt(f, name),
                _ => None,
            },
            Obj::Generator(g) => match name {
                "__name__" => Some(Value::str(&g.name)),
                "__qualname__" => Some(Value::str(&g.qualname)),
                _ => None,
            },
            Obj::Range(r) => match name {
                "start" => Some(Value::int(r.start)),
                "stop" => Some(Value::int(r.stop)),
                "step" => Some(Value::int(r.step)),
                _ => None,
            },
            Obj::Slice(s) => match name {
                "start" => Some(s[0].clone()),
                "stop" => Some(s[1].clone()),
                "step" => Some(s[2].clone()),
                _ => None,
            },
            Obj::Property(p) => match name {
                "fget" => Some(p[0].clone()),
                "fset" => Some(p[1].clone()),
                "fdel" => Some(p[2].clone()),
                "__doc__" => Some(Value::NONE),
                _ => None,
            },
            Obj::StaticMethod(f) | Obj::ClassMethod(f) => match name {
                "__func__" => Some(f.clone()),
                _ => None,
            },
            Obj::Int(_) => self.number_attr(obj, name),
            Obj::File(_) => super::file::file_attr(self, obj, name)?,
            _ => None,
        })
    }

    fn number_attr(&self, v: &Value, name: &str) -> Option<Value> {
        match (v.view(), name) {
            (View::Float(f), "real") => Some(Value::float(f)),
            (View::Float(_), "imag") => Some(Value::float(0.0)),
            (View::Int(_) | View::Bool(_) | View::Obj(Obj::Int(_)), "real" | "numerator") => {
                Some(super::ops::int_of(v))
            }
            (View::Int(_) | View::Bool(_) | View::Obj(Obj::Int(_)), "imag") => Some(Value::int(0)),
            (View::Int(_) | View::Bool(_) | View::Obj(Obj::Int(_)), "denominator") => {
                Some(Value::int(1))
            }
            _ => None,
        }
    }

    fn class_getattr(&mut self, cls: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Some(f) = lookup_in_class(cls, name) {
            return Ok(Some(match f.as_obj() {
                Some(Obj::StaticMethod(inner)) => inner.clone(),
                Some(Obj::ClassMethod(inner)) => {
                    Value::obj(Obj::BoundMethod(inner.clone(), cls.clone()))
                }
                _ => f,
            }));
        }
        let Some(Obj::Class(c)) = cls.as_obj() else {
            return Ok(None);
        };
        Ok(match name {
            "__name__" => Some(Value::str(&c.name)),
            "__qualname__" => Some(Value::str(&c.qualname)),
            "__module__" => Some(c.module.borrow().clone()),
            "__bases__" => Some(Value::tuple(c.bases.clone())),
            "__base__" => Some(c.bases.first().cloned().unwrap_or(Value::NONE)),
            "__mro__" => {
                let mut v = vec![cls.clone()];
                v.extend(c.mro.iter().cloned());
                Some(Value::tuple(v))
            }
            "__dict__" => {
                let d = c.dict.borrow();
                let mut copy = Dict::with_capacity(d.len());
                for (k, v) in d.iter() {
                    if let Some(Obj::Str(s)) = k.as_obj() {
                        copy.set_str(&s.s, v.clone());
                    }
                }
                Some(Value::obj(Obj::Dict(RefCell::new(copy))))
            }
            "__doc__" => Some(Value::NONE),
            _ => {
                let meta = self.types.type_.clone();
                lookup_in_class(&meta, name).map(|f| bind(f, cls, &meta))
            }
        })
    }

    fn super_getattr(
        &mut self,
        start: &Value,
        this: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let cls = if matches!(this.as_obj(), Some(Obj::Class(_))) {
            this.clone()
        } else {
            self.type_of(this)
        };
        // The classes after `start` in the MRO of `cls` (itself first).
        let mro: &[Value] = match cls.as_obj() {
            Some(Obj::Class(c)) => &c.mro,
            _ => &[],
        };
        let full = || std::iter::once(&cls).chain(mro.iter());
        let pos = full()
            .position(|c| c.is(start))
            .map_or(usize::MAX, |p| p + 1);
        for c in full().skip(pos) {
            if let Some(Obj::Class(k)) = c.as_obj() {
                let found = k.dict.borrow().get_str(name).cloned();
                if let Some(f) = found {
                    if let Some(Obj::Property(p)) = f.as_obj() {
                        let g = p[0].clone();
                        return self.call(&g, std::slice::from_ref(this), &[]).map(Some);
                    }
                    if matches!(this.as_obj(), Some(Obj::Class(_))) {
                        return Ok(Some(match f.as_obj() {
                            Some(Obj::StaticMethod(inner)) => inner.clone(),
                            Some(Obj::ClassMethod(inner)) => {
                                Value::obj(Obj::BoundMethod(inner.clone(), this.clone()))
                            }
                            _ => f,
                        }));
                    }
                    return Ok(Some(bind(f, this, &cls)));
                }
            }
        }
        Ok(None)
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj.as_obj() {
            Some(Obj::Instance(inst)) => {
                let cls = inst.class.clone();
                if let Some(f) = lookup_in_class(&cls, name) {
                    if let Some(Obj::Property(p)) = f.as_obj() {
                        if p[1].is_none() {
                            return Err(self.err(
                                ExcType::AttributeError,
                                format!(
                                    "property '{name}' of '{}' object has no setter",
                                    self.type_name(obj)
                                ),
                            ));
                        }
                        let setter = p[1].clone();
                        self.call(&setter, &[obj.clone(), value], &[])?;
                        return Ok(());
                    }
                }
                if let Some(sa) = lookup_in_class(&cls, "__setattr__") {
                    self.call(&sa, &[obj.clone(), Value::str(name), value], &[])?;
                    return Ok(());
                }
                if let Some(e) = &inst.exc {
                    match name {
                        "__cause__" => {
                            let mut e = e.borrow_mut();
                            e.cause = value;
                            e.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            e.borrow_mut().context = value;
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            e.borrow_mut().suppress_context = value.is(&Value::TRUE);
                            return Ok(());
                        }
                        "args" => {
                            let t = super::iter::collect(self, &value)?;
                            e.borrow_mut().args = Value::tuple(t);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                let old = inst.dict.borrow_mut().set_str(name, value);
                drop(old);
                Ok(())
            }
            Some(Obj::Class(c)) => {
                if c.immutable {
                    return Err(immutable_type_error(self, name, &c.name));
                }
                if name == "__del__" {
                    c.has_del.set(true);
                }
                super::object::classes_changed();
                let old = c.dict.borrow_mut().set_str(name, value);
                drop(old);
                Ok(())
            }
            Some(Obj::Module(m)) => {
                if let Some(Obj::Dict(d)) = m.dict.as_obj() {
                    let old = d.borrow_mut().set_str(name, value);
                    drop(old);
                }
                Ok(())
            }
            Some(Obj::Function(f)) => {
                let old = f
                    .attrs
                    .borrow_mut()
                    .get_or_insert_with(Dict::new)
                    .set_str(name, value);
                drop(old);
                Ok(())
            }
            _ => {
                let tn = self.type_name(obj);
                let msg = if lookup_in_class(&self.type_of(obj), name).is_some() {
                    format!("'{tn}' object attribute '{name}' is read-only")
                } else {
                    format!("'{tn}' object has no attribute '{name}'")
                };
                Err(self.err(ExcType::AttributeError, msg))
            }
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj.as_obj() {
            Some(Obj::Instance(inst)) => {
                if let Some(f) = lookup_in_class(&inst.class, name) {
                    if let Some(Obj::Property(p)) = f.as_obj() {
                        if !p[2].is_none() {
                            let d = p[2].clone();
                            self.call(&d, std::slice::from_ref(obj), &[])?;
                            return Ok(());
                        }
                    }
                }
                inst.dict.borrow_mut().remove_str(name)
            }
            Some(Obj::Class(c)) => {
                if c.immutable {
                    return Err(immutable_type_error(self, name, &c.name));
                }
                super::object::classes_changed();
                c.dict.borrow_mut().remove_str(name)
            }
            Some(Obj::Module(m)) => match m.dict.as_obj() {
                Some(Obj::Dict(d)) => d.borrow_mut().remove_str(name),
                _ => None,
            },
            Some(Obj::Function(f)) => f
                .attrs
                .borrow_mut()
                .as_mut()
                .and_then(|d| d.remove_str(name)),
            _ => None,
        };
        match removed {
            Some(v) => {
                drop(v);
                Ok(())
            }
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// Create a user class: C3 MRO, `__del__` detection, layout inherited
    /// from the bases.
    pub fn new_class(
        &mut self,
        name: Name,
        qualname: Rc<str>,
        bases: Vec<Value>,
        dict: Dict,
        module: Value,
    ) -> PyResult<Value> {
        let bases = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases
        };
        let mut layout = Layout::Object;
        for b in &bases {
            match b.as_obj() {
                Some(Obj::Class(c)) => {
                    if c.layout == Layout::Exception {
                        layout = Layout::Exception;
                    } else if c.layout == Layout::Builtin && !b.is(&self.types.object) {
                        return Err(self.type_error(format!(
                            "subclassing built-in type '{}' is not supported",
                            c.name
                        )));
                    }
                }
                _ => return Err(self.type_error("bases must be types".to_string())),
            }
        }
        let mro = match c3_mro(&bases) {
            Some(m) => m,
            None => {
                let names: Vec<String> = bases.iter().map(|b| class_name(b).to_string()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let has_del = dict.get_str("__del__").is_some()
            || mro.iter().any(|c| lookup_own(c, "__del__").is_some());
        super::object::classes_changed();
        Ok(Value::obj(Obj::Class(Box::new(Class {
            name,
            qualname,
            bases,
            mro,
            dict: RefCell::new(dict),
            layout,
            has_del: Cell::new(has_del),
            module: RefCell::new(module),
            immutable: false,
            native_new: Cell::new(None),
            specials: Default::default(),
        }))))
    }
}

fn iter_type_name(it: &super::object::IterState) -> &'static str {
    use super::object::IterState as I;
    match it {
        I::Seq { seq, .. } => match seq.as_obj() {
            Some(Obj::Tuple(_)) => "tuple_iterator",
            _ => "list_iterator",
        },
        I::Range { .. } => "range_iterator",
        I::Str { .. } => "str_ascii_iterator",
        I::DictKeys { .. } => "dict_keyiterator",
        I::DictValues { .. } => "dict_valueiterator",
        I::DictItems { .. } => "dict_itemiterator",
        I::Set { .. } => "set_iterator",
        I::Reversed { .. } => "list_reverseiterator",
        I::Enumerate { .. } => "enumerate",
        I::Zip(_) => "zip",
        I::Map { .. } => "map",
        I::Filter { .. } => "filter",
        I::CallIter { .. } => "callable_iterator",
        I::GetItem { .. } => "iterator",
        I::Exhausted => "iterator",
    }
}

pub fn class_name(cls: &Value) -> Rc<str> {
    match cls.as_obj() {
        Some(Obj::Class(c)) => c.name.clone(),
        _ => Rc::from("?"),
    }
}

/// Bind a class attribute found for an instance access.
fn bind(f: Value, obj: &Value, cls: &Value) -> Value {
    match f.as_obj() {
        Some(Obj::Function(_)) => Value::obj(Obj::BoundMethod(f, obj.clone())),
        Some(Obj::Native(n)) if n.binds_self => Value::obj(Obj::BoundMethod(f, obj.clone())),
        Some(Obj::StaticMethod(inner)) => inner.clone(),
        Some(Obj::ClassMethod(inner)) => Value::obj(Obj::BoundMethod(inner.clone(), cls.clone())),
        _ => f,
    }
}

/// An attribute in the class's own dict.
pub fn lookup_own(cls: &Value, name: &str) -> Option<Value> {
    match cls.as_obj() {
        Some(Obj::Class(c)) => c.dict.borrow().get_str(name).cloned(),
        _ => None,
    }
}

/// The special methods the runtime looks up on a class at every use:
/// `Class(...)` looks for `__new__` and `__init__`, `with` for `__enter__`
/// and `__exit__`.
#[derive(Clone, Copy)]
pub enum Special {
    New,
    Init,
    Enter,
    Exit,
}

impl Special {
    fn name(self) -> &'static str {
        match self {
            Special::New => "__new__",
            Special::Init => "__init__",
            Special::Enter => "__enter__",
            Special::Exit => "__exit__",
        }
    }
}

/// Per class, per `Special` (`lookup_class_special`): the class epoch of
/// the last lookup (`NEVER` before the first) and the bits of what it
/// found (`UNBOUND`'s for nothing; not a reference: the class holds the
/// value while the epoch stays).
pub struct SpecialCache([Cell<(u64, u64)>; 4]);

impl Default for SpecialCache {
    fn default() -> Self {
        const NEVER: u64 = u64::MAX;
        SpecialCache(std::array::from_fn(|_| Cell::new((NEVER, 0))))
    }
}

/// `lookup_in_class(cls, which.name())` through the class's own cache: a
/// compare and a load while no class changes, where the general lookup
/// hashes the name into a shared table.
pub fn lookup_class_special(cls: &Value, which: Special) -> Option<Value> {
    let Some(Obj::Class(c)) = cls.as_obj() else {
        return None;
    };
    let slot = &c.specials.0[which as usize];
    let epoch = super::object::class_epoch();
    let (seen, found) = slot.get();
    if seen == epoch {
        // SAFETY: `found` was looked up on this class at this epoch: no
        // class was created or changed since, so it still holds the value.
        return (found != Value::UNBOUND.bits()).then(|| unsafe { Value::from_bits_cloned(found) });
    }
    let found = lookup_uncached(c, which.name());
    slot.set((
        epoch,
        found.as_ref().map_or(Value::UNBOUND.bits(), Value::bits),
    ));
    found
}

/// An attribute along the class's MRO, unbound.
pub fn lookup_in_class(cls: &Value, name: &str) -> Option<Value> {
    let Some(Obj::Class(c)) = cls.as_obj() else {
        return None;
    };
    let Some((w0, w1)) = name_words(name) else {
        return lookup_uncached(c, name);
    };
    let key = cls.bits();
    let epoch = super::object::class_epoch();
    let len = name.len() as u64;
    let slot = lookup_slot(key, w0, w1, len);
    let e = LOOKUP_CACHE.with(|t| t[slot].get());
    if e.class == key && e.epoch == epoch && e.len == len && e.w0 == w0 && e.w1 == w1 {
        if e.found == Value::UNBOUND.bits() {
            return None;
        }
        // SAFETY: the entry was filled from this class's namespaces (its
        // own dict or a dict of a class in its MRO, which it keeps alive)
        // and the epoch has not moved since, so no class was created or
        // changed: `cls` is that same class and still holds the value.
        return Some(unsafe { Value::from_bits_cloned(e.found) });
    }
    let found = lookup_uncached(c, name);
    let entry = LookupEntry {
        class: key,
        epoch,
        len,
        w0,
        w1,
        found: found.as_ref().map_or(Value::UNBOUND.bits(), Value::bits),
    };
    LOOKUP_CACHE.with(|t| t[slot].set(entry));
    found
}

/// One remembered class attribute lookup (see `LOOKUP_CACHE`): the class
/// value's bits (its address), the epoch, the name (up to 16 bytes, as
/// words) and the bits of what was found (not a reference), or
/// `UNBOUND`'s.
#[derive(Clone, Copy)]
struct LookupEntry {
    class: u64,
    epoch: u64,
    len: u64,
    w0: u64,
    w1: u64,
    found: u64,
}

const LOOKUP_CACHE_SIZE: usize = 1024;

thread_local! {
    /// Class attribute lookups, direct-mapped by class and name and valid
    /// while `class_epoch` stays put (no class created or changed): one
    /// probe instead of a hashed search of every dict in the MRO, for
    /// methods, instance attributes (usually absent from the class) and
    /// the special methods operators look for. Class creation moves the
    /// epoch, so an address reused by a new class never hits.
    static LOOKUP_CACHE: [Cell<LookupEntry>; LOOKUP_CACHE_SIZE] = const {
        [const {
            Cell::new(LookupEntry {
                class: 0,
                epoch: 0,
                len: 0,
                w0: 0,
                w1: 0,
                found: 0,
            })
        }; LOOKUP_CACHE_SIZE]
    };
}

/// A name of at most 16 bytes as two words (longer names are not cached).
/// The words are loaded straight from the name's bytes: copying them into
/// a zeroed buffer first and reading that back stalled store forwarding
/// (the narrow stores of the copy cannot feed the wide loads), which was
/// a third of this lookup's time in method-heavy JIT runs.
#[inline]
fn name_words(name: &str) -> Option<(u64, u64)> {
    let b = name.as_bytes();
    match b.len() {
        0..=8 => Some((le_word(b), 0)),
        9..=16 => Some((le_word(&b[..8]), le_word(&b[8..]))),
        _ => None,
    }
}

/// The little-endian value of at most 8 bytes (zero-extended). Two
/// overlapping loads cover lengths that are not a power of two: the
/// bytes they share are the same, so or-ing the shifted halves is exact.
#[inline(always)]
fn le_word(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([b[i], b[i + 1]]));
    match n {
        8 => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        4..=7 => u32_at(0) | (u32_at(n - 4) << (8 * (n - 4))),
        2..=3 => u16_at(0) | (u16_at(n - 2) << (8 * (n - 2))),
        1 => u64::from(b[0]),
        _ => 0,
    }
}

#[inline]
fn lookup_slot(class: u64, w0: u64, w1: u64, len: u64) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let h = ((class >> 4) ^ w0.wrapping_mul(K) ^ w1.rotate_left(29) ^ len).wrapping_mul(K);
    (h >> 54) as usize & (LOOKUP_CACHE_SIZE - 1)
}

/// `lookup_in_class` without the cache.
fn lookup_uncached(c: &Class, name: &str) -> Option<Value> {
    if let Some(v) = c.dict.borrow().get_str(name) {
        return Some(v.clone());
    }
    for m in &c.mro {
        if let Some(Obj::Class(k)) = m.as_obj() {
            if let Some(v) = k.dict.borrow().get_str(name) {
                return Some(v.clone());
            }
        }
    }
    None
}

/// A special method (`__len__`, `__eq__`, …) looked up on the type, bound to
/// the object. Instance attributes do not count, as in CPython.
pub fn lookup_special(interp: &Interp, obj: &Value, name: &str) -> Option<Value> {
    let cls = interp.type_of(obj);
    lookup_in_class(&cls, name).map(|f| bind(f, obj, &cls))
}

/// Does the type of `obj` define `name` in a user class (so the operator
/// must call Python code)? Fast exit for built-in objects.
pub fn user_special(interp: &Interp, obj: &Value, name: &str) -> Option<Value> {
    match obj.as_obj() {
        Some(Obj::Instance(_)) => lookup_special(interp, obj, name),
        _ => None,
    }
}

pub fn is_subclass(cls: &Value, base: &Value) -> bool {
    if cls.is(base) {
        return true;
    }
    match cls.as_obj() {
        Some(Obj::Class(c)) => c.mro.iter().any(|m| m.is(base)),
        _ => false,
    }
}

/// C3 linearisation of the bases (the class itself excluded).
fn c3_mro(bases: &[Value]) -> Option<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            if let Some(Obj::Class(c)) = b.as_obj() {
                v.extend(c.mro.iter().cloned());
            }
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(cand))) {
                chosen = Some(cand.clone());
                break;
            }
        }
        let c = chosen?;
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `super(cls, obj)`; the zero-argument form is compiled by each backend
/// (it needs the enclosing class cell and the first argument).
pub fn super_builtin(
    interp: &mut Interp,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> PyResult<Value> {
    match args {
        [cls, obj] if matches!(cls.as_obj(), Some(Obj::Class(_))) => {
            Ok(Value::obj(Obj::Super(cls.clone(), obj.clone())))
        }
        [] => Err(interp.err(ExcType::RuntimeError, "super(): no arguments")),
        _ => Err(interp.type_error("super() argument 1 must be a type")),
    }
}

/// An inline cache for `obj.name` on plain instances, one per name of a
/// code object: for which classes the fast paths below are valid (their
/// `CACHE_GET` / `CACHE_SET` flags, see `fill_attr_cache`), and where the
/// name last was in an instance dict.
#[derive(Default)]
pub struct AttrCache {
    /// Per class: the flags, and for `CACHE_GETTER` the getter's bits (not
    /// a reference: the class keeps its property alive while the epoch
    /// holds).
    flags: ClassWays<(u8, u64)>,
    hint: Cell<u32>,
}

/// What a site learnt about a few classes (polymorphic: methods inherited
/// by several subclasses see instances of each at the same site), valid
/// while the class epoch stays put: no class created or changed.
#[derive(Default)]
struct ClassWays<T: Copy + Default> {
    epoch: Cell<u64>,
    /// Per way: the class's bits and what is known; class 0 is empty.
    ways: [Cell<(u64, T)>; CLASS_WAYS],
    /// The way the next new class replaces.
    next: Cell<u8>,
}

const CLASS_WAYS: usize = 8;

impl<T: Copy + Default> ClassWays<T> {
    #[inline]
    fn get(&self, class: &Value) -> Option<T> {
        if self.epoch.get() != super::object::class_epoch() {
            return None;
        }
        let key = class.bits();
        self.ways.iter().find_map(|w| {
            let (c, v) = w.get();
            (c == key).then_some(v)
        })
    }

    fn set(&self, class: &Value, v: T) {
        let epoch = super::object::class_epoch();
        if self.epoch.get() != epoch {
            for way in &self.ways {
                way.set((0, T::default()));
            }
            self.next.set(0);
            self.epoch.set(epoch);
        }
        let key = class.bits();
        let way = match self.ways.iter().position(|w| w.get().0 == key) {
            Some(i) => i,
            None => {
                let i = self.next.get() as usize % CLASS_WAYS;
                self.next.set((i + 1) as u8);
                i
            }
        };
        self.ways[way].set((key, v));
    }
}

/// The class has no property of the name: an instance dict entry is the
/// attribute.
const CACHE_GET: u8 = 1;
/// Also no `__setattr__` and no exception data: a store is a dict store.
const CACHE_SET: u8 = 2;
/// The class has a property of the name whose getter is a Python
/// function: the attribute is that function called with the instance.
const CACHE_GETTER: u8 = 4;

/// The flags of `cache` if it is valid for an instance of `class`.
#[inline]
fn cache_flags(cache: &AttrCache, class: &Value) -> u8 {
    cache.flags.get(class).map_or(0, |(flags, _)| flags)
}

/// The Python getter of a property `obj.name` reads, when the cache knows
/// `obj`'s class has one (the backends call it in their own frame loop).
#[inline]
pub fn cached_getter(obj: &Value, cache: &AttrCache) -> Option<Value> {
    let Some(Obj::Instance(inst)) = obj.as_obj() else {
        return None;
    };
    match cache.flags.get(&inst.class)? {
        // SAFETY: the getter was found in this class's MRO at this epoch
        // (see `fill_attr_cache`); no class changed since, so its property
        // (immutable) still holds a reference to it.
        (CACHE_GETTER, getter) => Some(unsafe { Value::from_bits_cloned(getter) }),
        _ => None,
    }
}

/// Remember for the next `obj.name` whether the fast paths apply to the
/// class of `obj` (call before the slow path of an access).
pub fn fill_attr_cache(obj: &Value, name: &str, cache: &AttrCache) {
    let Some(Obj::Instance(inst)) = obj.as_obj() else {
        return;
    };
    let found = lookup_in_class(&inst.class, name);
    let mut flags = 0;
    let mut getter = 0;
    match found.as_ref().and_then(|f| f.as_obj()) {
        Some(Obj::Property(p)) => {
            if matches!(p[0].as_obj(), Some(Obj::Function(_))) {
                flags = CACHE_GETTER;
                getter = p[0].bits();
            }
        }
        _ => {
            flags |= CACHE_GET;
            // (An exception's own fields are not dict entries, see
            // `setattr`: any other name of an exception is.)
            let exc_field = matches!(
                name,
                "__cause__" | "__context__" | "__suppress_context__" | "args"
            );
            if !exc_field && lookup_in_class(&inst.class, "__setattr__").is_none() {
                flags |= CACHE_SET;
            }
        }
    }
    cache.flags.set(&inst.class, (flags, getter));
}

/// An inline cache for `obj.name(...)` on plain instances, one per name
/// of a code object: per class (polymorphic, as `AttrCache`), the Python
/// function the class's MRO gives for the name, valid while the class
/// epoch stays put.
#[derive(Default)]
pub struct MethodCache {
    /// The function's bits (not a reference: the class keeps the function
    /// alive while the epoch holds).
    funcs: ClassWays<u64>,
    /// For built-in objects (`s.lower()`, `d.get(k)`): the kind of object
    /// last seen (`builtin_kind`) and its type's native method. Built-in
    /// types are immutable, so the entry never goes stale.
    native: Cell<Option<(u8, super::object::NativeFnPtr)>>,
}

/// A small number for each kind of built-in object whose methods a call
/// site may cache (its type is fixed by the kind); `None` for others.
#[inline(always)]
fn builtin_kind(obj: &Value) -> Option<u8> {
    Some(match obj.as_obj()? {
        Obj::Str(_) => 1,
        Obj::List(_) => 2,
        Obj::Dict(_) => 3,
        Obj::Tuple(_) => 4,
        Obj::Set(_) => 5,
        Obj::FrozenSet(_) => 6,
        _ => return None,
    })
}

/// The native method `obj.name(...)` calls when `obj` is a built-in object
/// of the kind this site saw last (see `MethodCache::native`).
#[inline(always)]
pub fn cached_native_method(
    obj: &Value,
    cache: &MethodCache,
) -> Option<super::object::NativeFnPtr> {
    let (kind, func) = cache.native.get()?;
    (builtin_kind(obj) == Some(kind)).then_some(func)
}

/// Remember that built-in objects of `obj`'s kind call `func` for this
/// name (found on the type by `method_lookup`).
pub fn fill_native_method_cache(
    obj: &Value,
    func: super::object::NativeFnPtr,
    cache: &MethodCache,
) {
    if let Some(kind) = builtin_kind(obj) {
        cache.native.set(Some((kind, func)));
    }
}

/// The Python function `obj.name` would bind, when `obj` is a plain
/// instance whose class the cache knows and whose own dict does not
/// shadow the name (`key` is the interned name, `hash` its hash). The
/// instance test is inline: built-in objects' method calls (`s.lower()`)
/// ask here first and skip the call.
#[inline(always)]
pub fn cached_method(obj: &Value, key: &Value, hash: i64, cache: &MethodCache) -> Option<Value> {
    let Some(Obj::Instance(inst)) = obj.as_obj() else {
        return None;
    };
    cached_instance_method(inst, key, hash, cache)
}

/// `cached_method` of an instance.
#[inline(never)]
fn cached_instance_method(
    inst: &super::object::Instance,
    key: &Value,
    hash: i64,
    cache: &MethodCache,
) -> Option<Value> {
    let func = cache.funcs.get(&inst.class)?;
    let d = inst.dict.borrow();
    if d.may_contain(hash) && !matches!(d.probe(hash, key), super::dict::Probe::NotFound) {
        return None;
    }
    drop(d);
    // SAFETY: `func` was found in this class's MRO at this epoch (see
    // `fill_method_cache`); no class changed since, so the class still
    // holds a reference to it.
    Some(unsafe { Value::from_bits_cloned(func) })
}

/// `cached_method` at a `CallMethod` site of `code` for method `name` (an
/// index into its names), through the site's cache.
pub fn site_method(code: &crate::bytecode::CodeObject, obj: &Value, name: u16) -> Option<Value> {
    let i = name as usize;
    let (key, hash) = &code.name_values[i];
    cached_method(obj, key, *hash, &code.method_cache[i])
}

/// Remember that instances of `obj`'s class find the Python function
/// `func` (looked up in the class, not shadowed) for this name.
pub fn fill_method_cache(obj: &Value, func: &Value, cache: &MethodCache) {
    let Some(Obj::Instance(inst)) = obj.as_obj() else {
        return;
    };
    if !matches!(func.as_obj(), Some(Obj::Function(_))) {
        return;
    }
    cache.funcs.set(&inst.class, func.bits());
}

/// `obj.name` when it is in a plain instance's dict and the cache says
/// that is the attribute (`key` is the interned name, `hash` its hash);
/// `None`: take the slow path.
#[inline(always)]
pub fn get_instance_attr_cached(
    obj: &Value,
    key: &Value,
    hash: i64,
    cache: &AttrCache,
) -> Option<Value> {
    let Some(Obj::Instance(inst)) = obj.as_obj() else {
        return None;
    };
    if cache_flags(cache, &inst.class) & CACHE_GET == 0 {
        return None;
    }
    inst.dict
        .borrow()
        .get_hinted(&cache.hint, key, hash)
        .cloned()
}

/// `obj.name = value` as a plain dict store when the cache allows it:
/// `Ok(old value)`, or `Err(value)` back for the slow path.
#[inline(always)]
pub fn set_instance_attr_cached(
    obj: &Value,
    key: &Value,
    hash: i64,
    cache: &AttrCache,
    value: Value,
) -> Result<Option<Value>, Value> {
    let Some(Obj::Instance(inst)) = obj.as_obj() else {
        return Err(value);
    };
    // (The names of an exception's own fields, such as `args`, are never
    // cached for setting, whatever the instance: see `fill_attr_cache`.)
    if cache_flags(cache, &inst.class) & CACHE_SET == 0 {
        return Err(value);
    }
    let old = inst
        .dict
        .borrow_mut()
        .set_hinted(&cache.hint, key, hash, value);
    Ok(old)
}

/// Setting or deleting `name` on a built-in type (CPython 3.11 says
/// "set" for both).
fn immutable_type_error(interp: &Interp, name: &str, type_name: &str) -> super::PyErr {
    interp.type_error(format!(
        "cannot set '{name}' attribute of immutable type '{type_name}'"
    ))
}

#[cfg(test)]
mod tests {
    use super::name_words;

    /// The words of every length up to 16 match the zero-padded
    /// little-endian reading of the name, and longer names have none.
    #[test]
    fn name_words_are_the_zero_padded_bytes() {
        let text = "abcdefghijklmnopq";
        for n in 0..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&text.as_bytes()[..n]);
            let lo = u64::from_le_bytes(buf[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(buf[8..].try_into().unwrap());
            assert_eq!(name_words(&text[..n]), Some((lo, hi)), "length {n}");
        }
        assert_eq!(name_words(text), None);
    }
}
