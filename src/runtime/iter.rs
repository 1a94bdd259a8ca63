//! The iteration protocol (`iter`, `next`) for built-in iterables, user
//! classes with `__iter__`/`__next__` or `__getitem__`, and generators.

use super::exceptions::{self, ExcType};
use super::object::{GenStep, IterState, Obj, Resume};
use super::value::{Value, View};
use super::{Interp, PyResult};
use std::cell::RefCell;

pub fn new_iter(state: IterState) -> Value {
    Value::obj(Obj::Iter(RefCell::new(state)))
}

impl Interp {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(it) = native_iter(v) {
            return Ok(it);
        }
        let state = match v.as_obj() {
            Some(Obj::Instance(_)) => {
                if let Some(m) = super::attr::lookup_special(self, v, "__iter__") {
                    let it = self.call(&m, &[], &[])?;
                    if !self.is_iterator(&it) {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                if super::attr::lookup_special(self, v, "__getitem__").is_some() {
                    IterState::GetItem {
                        obj: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(self.not_iterable(v));
                }
            }
            _ => return Err(self.not_iterable(v)),
        };
        Ok(new_iter(state))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v.as_obj() {
            Some(Obj::Iter(_)) | Some(Obj::Generator(_)) | Some(Obj::File(_)) => true,
            Some(Obj::Instance(_)) => super::attr::lookup_special(self, v, "__next__").is_some(),
            _ => false,
        }
    }

    pub fn not_iterable(&self, v: &Value) -> super::PyErr {
        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.as_obj() {
            Some(Obj::Iter(cell)) => self.iter_next(cell),
            Some(Obj::Generator(_)) => match gen_resume(self, it, Resume::Send(Value::NONE))? {
                GenStep::Yield(v) => Ok(Some(v)),
                GenStep::Return(_) => Ok(None),
            },
            Some(Obj::File(_)) => super::file::file_next(self, it),
            Some(Obj::Instance(_)) => {
                let Some(m) = super::attr::lookup_special(self, it, "__next__") else {
                    return Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                };
                match self.call(&m, &[], &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if exceptions::is_instance_of(self, &e.0, ExcType::StopIteration) => {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    fn iter_next(&mut self, cell: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // Native loops (`sum(range(10**12))`) stay interruptible and metered.
        self.tick()?;
        let mut st = cell.borrow_mut();
        if let Some(item) = native_step(&mut st) {
            return Ok(item);
        }
        let kind = st_kind(&st);
        match &mut *st {
            // Stepped by `native_step` above.
            IterState::Seq { .. } | IterState::Range { .. } | IterState::Str { .. } => Ok(None),
            IterState::DictKeys { dict, index, len }
            | IterState::DictValues { dict, index, len }
            | IterState::DictItems { dict, index, len } => {
                let Some(Obj::Dict(d)) = dict.as_obj() else {
                    return Ok(None);
                };
                let d = d.borrow();
                if d.len() != *len {
                    let msg = "dictionary changed size during iteration";
                    *len = usize::MAX;
                    drop(d);
                    drop(st);
                    return Err(self.err(ExcType::RuntimeError, msg));
                }
                while *index < d.entries_len() {
                    let pos = *index;
                    *index += 1;
                    if let Some((k, v)) = d.entry(pos) {
                        let r = match kind {
                            "k" => k.clone(),
                            "v" => v.clone(),
                            _ => Value::pair(k.clone(), v.clone()),
                        };
                        return Ok(Some(r));
                    }
                }
                Ok(None)
            }
            IterState::Set { set, index, len } => {
                let set = set.clone();
                let step = match set.as_obj() {
                    Some(Obj::Set(s)) => set_step(&s.borrow(), index, len),
                    Some(Obj::FrozenSet(s)) => set_step(s, index, len),
                    _ => Ok(None),
                };
                drop(st);
                step.map_err(|msg| self.err(ExcType::RuntimeError, msg))
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let item = match seq.as_obj() {
                    Some(Obj::List(l)) => l.borrow().get(*index).cloned(),
                    Some(Obj::Tuple(t)) => t.get(*index).cloned(),
                    _ => None,
                };
                Ok(item)
            }
            IterState::Enumerate { inner, count } => {
                let inner = inner.clone();
                let c = count.clone();
                drop(st);
                match self.next(&inner)? {
                    Some(v) => {
                        let nc = match c.as_small_int() {
                            Some(i) => Value::int(i + 1),
                            None => {
                                self.binop(crate::syntax::ast::BinOp::Add, &c, &Value::int(1))?
                            }
                        };
                        if let IterState::Enumerate { count, .. } = &mut *cell.borrow_mut() {
                            *count = nc;
                        }
                        Ok(Some(Value::pair(c, v)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip(iters) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                drop(st);
                let Some(items) = self.next_of_each(cell)? else {
                    return Ok(None);
                };
                Ok(Some(Value::tuple_from_iter(items.into_iter())))
            }
            IterState::Map { func, .. } => {
                let func = func.clone();
                drop(st);
                let Some(args) = self.next_of_each(cell)? else {
                    return Ok(None);
                };
                self.call(&func, &args, &[]).map(Some)
            }
            IterState::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(st);
                while let Some(v) = self.next(&inner)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&func, std::slice::from_ref(&v), &[])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::CallIter { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, &[], &[])?;
                if self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::GetItem { obj, index } => {
                let obj = obj.clone();
                let i = *index;
                *index += 1;
                drop(st);
                match self.getitem(&obj, &Value::int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if exceptions::is_instance_of(self, &e.0, ExcType::IndexError)
                            || exceptions::is_instance_of(self, &e.0, ExcType::StopIteration) =>
                    {
                        *cell.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Exhausted => Ok(None),
        }
    }
}

/// The items of one step of a `zip` or `map` (on the stack for up to 4).
type EachItems = smallvec::SmallVec<[Value; 4]>;

impl Interp {
    /// The next item of each iterator of a `zip` or `map` (`cell`), or
    /// `None` when one is exhausted (the later ones are not advanced).
    /// Each iterator is cloned out of the state for its own step (a count
    /// update, not a copy of the list each step; the state is not borrowed
    /// while an iterator runs, which may be a generator using the zip).
    fn next_of_each(&mut self, cell: &RefCell<IterState>) -> PyResult<Option<EachItems>> {
        let mut items = EachItems::new();
        for k in 0.. {
            let it = match &*cell.borrow() {
                IterState::Zip(iters) | IterState::Map { iters, .. } => iters.get(k).cloned(),
                _ => None,
            };
            let Some(it) = it else {
                break;
            };
            match self.next(&it)? {
                Some(v) => items.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(items))
    }
}

/// Advance a set iterator: the next live slot, or an error if the set
/// changed size since the iterator was made.
fn set_step(
    s: &super::set::PySet,
    index: &mut usize,
    len: &mut usize,
) -> Result<Option<Value>, &'static str> {
    if s.len() != *len {
        *len = usize::MAX;
        return Err("Set changed size during iteration");
    }
    while *index < s.slots_len() {
        let i = *index;
        *index += 1;
        if let Some(v) = s.slot(i) {
            return Ok(Some(v.clone()));
        }
    }
    Ok(None)
}

fn st_kind(st: &IterState) -> &'static str {
    match st {
        IterState::DictKeys { .. } => "k",
        IterState::DictValues { .. } => "v",
        _ => "i",
    }
}

/// Resume a generator: the one entry point for `next`, `send`, `throw`.
/// (Inlined: `for` loops over generators resume them through here, and
/// a call per resumption showed in generator pipelines.)
#[inline(always)]
pub fn gen_resume(interp: &mut Interp, g: &Value, input: Resume) -> PyResult<GenStep> {
    let Some(Obj::Generator(gen)) = g.as_obj() else {
        return Err(interp.type_error("not a generator"));
    };
    if gen.running.get() {
        return Err(interp.value_error("generator already executing"));
    }
    if gen.finished.get() {
        return match input {
            Resume::Throw(e) => Err(super::PyErr(e)),
            Resume::Send(_) => Ok(GenStep::Return(Value::NONE)),
        };
    }
    if !gen.started.get() {
        if let Resume::Send(v) = &input {
            if !v.is_none() {
                return Err(
                    interp.type_error("can't send non-None value to a just-started generator")
                );
            }
        }
    }
    gen.started.set(true);
    let body = gen.body.borrow_mut().take();
    let Some(mut body) = body else {
        return Ok(GenStep::Return(Value::NONE));
    };
    gen.running.set(true);
    let r = body.resume(interp, input);
    gen.running.set(false);
    match &r {
        Ok(GenStep::Yield(_)) => {
            *gen.body.borrow_mut() = Some(body);
        }
        _ => {
            gen.finished.set(true);
            drop(body);
        }
    }
    r.map_err(|e| generator_error(interp, e))
}

/// The error a generator's frame raised, as its resumer sees it: a
/// `StopIteration` becomes a `RuntimeError` caused by it (PEP 479).
#[cold]
fn generator_error(interp: &mut Interp, e: super::PyErr) -> super::PyErr {
    if !exceptions::is_instance_of(interp, &e.0, ExcType::StopIteration) {
        return e;
    }
    let err = interp.err(ExcType::RuntimeError, "generator raised StopIteration");
    if let Some(d) = exceptions::exc_data(&err.0) {
        let mut d = d.borrow_mut();
        d.cause = e.0.clone();
        d.context = e.0;
        d.suppress_context = true;
    }
    err
}

/// `generator.close()`: throw GeneratorExit in and expect it back.
pub fn gen_close(interp: &mut Interp, g: &Value) -> PyResult<()> {
    let Some(Obj::Generator(gen)) = g.as_obj() else {
        return Ok(());
    };
    if gen.finished.get() || !gen.started.get() {
        gen.finished.set(true);
        let body = gen.body.borrow_mut().take();
        drop(body);
        return Ok(());
    }
    let exc = interp.err(ExcType::GeneratorExit, "").0;
    let exc = {
        // GeneratorExit() has no args.
        let cls = interp.exc_type(ExcType::GeneratorExit).clone();
        drop(exc);
        exceptions::new_exception(interp, &cls, vec![])
    };
    match gen_resume(interp, g, Resume::Throw(exc)) {
        Ok(GenStep::Yield(_)) => {
            Err(interp.err(ExcType::RuntimeError, "generator ignored GeneratorExit"))
        }
        Ok(GenStep::Return(_)) => Ok(()),
        Err(e) if exceptions::is_instance_of(interp, &e.0, ExcType::GeneratorExit) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Drain any iterable into a vector.
pub fn collect(interp: &mut Interp, v: &Value) -> PyResult<Vec<Value>> {
    match v.as_obj() {
        Some(Obj::List(l)) => return Ok(l.borrow().clone()),
        Some(Obj::Tuple(t)) => return Ok(t.to_vec()),
        _ => {}
    }
    let it = interp.iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = interp.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

/// Unpack exactly `n` items (or `before` + starred rest + `after`).
pub fn unpack(
    interp: &mut Interp,
    v: &Value,
    before: usize,
    starred: bool,
    after: usize,
) -> PyResult<Vec<Value>> {
    if !matches!(v.view(), View::Obj(_)) || interp.iter(v).is_err() {
        return Err(interp.type_error(format!(
            "cannot unpack non-iterable {} object",
            interp.type_name(v)
        )));
    }
    let items = collect(interp, v)?;
    let n = items.len();
    if !starred {
        if n != before {
            return Err(if n > before {
                interp.value_error(format!("too many values to unpack (expected {before})"))
            } else {
                interp.value_error(format!(
                    "not enough values to unpack (expected {before}, got {n})"
                ))
            });
        }
        return Ok(items);
    }
    if n < before + after {
        return Err(interp.value_error(format!(
            "not enough values to unpack (expected at least {}, got {n})",
            before + after
        )));
    }
    let mut out = Vec::with_capacity(before + after + 1);
    let mut it = items.into_iter();
    for _ in 0..before {
        out.push(it.next().unwrap());
    }
    let middle: Vec<Value> = (&mut it).take(n - before - after).collect();
    out.push(Value::list(middle));
    out.extend(it);
    Ok(out)
}

/// The next int of a `range` iterator without the general `next`:
/// `Some(Some(i))`, `Some(None)` when exhausted, `None` when `it` is not a
/// range iterator.
#[inline]
/// `iter(v)` for the built-in iterables and iterators, which needs no
/// Python code and cannot fail; `None` for anything else (instances, and
/// the error for non-iterables), which `Interp::iter` handles.
pub fn native_iter(v: &Value) -> Option<Value> {
    let state = match v.as_obj()? {
        Obj::List(_) | Obj::Tuple(_) => IterState::Seq {
            seq: v.clone(),
            index: 0,
        },
        Obj::Str(_) => IterState::Str {
            s: v.clone(),
            byte_pos: 0,
        },
        Obj::Range(r) => range_state(r),
        Obj::Dict(d) => IterState::DictKeys {
            dict: v.clone(),
            index: 0,
            len: d.borrow().len(),
        },
        Obj::Set(s) => IterState::Set {
            set: v.clone(),
            index: 0,
            len: s.borrow().len(),
        },
        Obj::FrozenSet(s) => IterState::Set {
            set: v.clone(),
            index: 0,
            len: s.len(),
        },
        Obj::Iter(_) | Obj::Generator(_) | Obj::File(_) => return Some(v.clone()),
        _ => return None,
    };
    Some(new_iter(state))
}

/// A new iterator's state over range `r`.
fn range_state(r: &super::object::Range) -> IterState {
    IterState::Range {
        next: r.start,
        step: r.step,
        remaining: r.len(),
    }
}

/// `iter(o)` in place, for an object whose only reference is the
/// caller's, which it gives up to the iterator: a range becomes its own
/// iterator (`for i in range(n)`: one allocation, not two). `false` (and
/// `o` unchanged) for anything else.
pub fn become_iterator(o: &mut Obj) -> bool {
    let Obj::Range(r) = o else {
        return false;
    };
    let it = Obj::Iter(RefCell::new(range_state(r)));
    *o = it;
    true
}

/// The next item of a range, list or tuple iterator, which needs no
/// Python code and cannot fail: `Some(None)` when it is exhausted, `None`
/// for any other iterator (which `Interp::next` handles).
/// A range step is inline here: it is most `for` loops, and the general
/// `native_step` costs a call and its prologue per item.
#[inline(always)]
pub fn native_next(it: &Value) -> Option<Option<Value>> {
    let Some(Obj::Iter(cell)) = it.as_obj() else {
        return None;
    };
    let mut st = cell.borrow_mut();
    if let IterState::Range {
        next,
        step,
        remaining,
    } = &mut *st
    {
        return Some(range_step(next, *step, remaining));
    }
    native_step(&mut st)
}

/// The next value of a range iterator at `next` with `remaining` values.
#[inline(always)]
fn range_step(next: &mut i64, step: i64, remaining: &mut i64) -> Option<Value> {
    if *remaining <= 0 {
        return None;
    }
    let v = *next;
    *remaining -= 1;
    *next = next.wrapping_add(step);
    Some(Value::int(v))
}

/// One step of a range, sequence or str iterator's state (see
/// `native_next`).
fn native_step(st: &mut IterState) -> Option<Option<Value>> {
    match st {
        IterState::Range {
            next,
            step,
            remaining,
        } => Some(range_step(next, *step, remaining)),
        IterState::Seq { seq, index } => {
            let item = match seq.as_obj() {
                Some(Obj::List(l)) => l.borrow().get(*index).cloned(),
                Some(Obj::Tuple(t)) => t.get(*index).cloned(),
                _ => None,
            };
            if item.is_some() {
                *index += 1;
            } else {
                // Exhausted for good (a list that grows later is not
                // iterated again), releasing the sequence as CPython does.
                *st = IterState::Exhausted;
            }
            Some(item)
        }
        IterState::Str { s, byte_pos } => {
            let Some(Obj::Str(ps)) = s.as_obj() else {
                return Some(None);
            };
            let Some(c) = ps.s[*byte_pos..].chars().next() else {
                return Some(None);
            };
            *byte_pos += c.len_utf8();
            let mut buf = [0u8; 4];
            Some(Some(Value::str(c.encode_utf8(&mut buf))))
        }
        _ => None,
    }
}
