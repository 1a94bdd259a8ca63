//! Subscription: `x[i]`, `x[a:b:c]`, item assignment and deletion.

use super::exceptions::ExcType;
use super::object::Obj;
use super::ops::{as_i64, num, Num};
use super::value::Value;
use super::{Interp, PyResult};

/// Resolved slice bounds over a sequence of `len` items.
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl SliceIdx {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        let mut i = self.start;
        std::iter::from_fn(move || {
            if (self.step > 0 && i < self.stop) || (self.step < 0 && i > self.stop) {
                let r = i as usize;
                i += self.step;
                Some(r)
            } else {
                None
            }
        })
    }
    /// The items of `items` the slice picks (already resolved against
    /// `items.len()`), made with the exact capacity: a plain `a:b` slice
    /// is one copy.
    pub fn pick(&self, items: &[Value]) -> Vec<Value> {
        if self.step == 1 {
            let (a, z) = (self.start as usize, self.stop.max(self.start) as usize);
            return items[a..z].to_vec();
        }
        let mut picked = Vec::with_capacity(self.count());
        picked.extend(self.indices().map(|i| items[i].clone()));
        picked
    }

    pub fn count(&self) -> usize {
        if self.step > 0 && self.start < self.stop {
            ((self.stop - self.start - 1) / self.step + 1) as usize
        } else if self.step < 0 && self.start > self.stop {
            ((self.start - self.stop - 1) / (-self.step) + 1) as usize
        } else {
            0
        }
    }
}

impl Interp {
    /// A slice bound as an `i64` (`None` for an omitted one); huge ints
    /// are clamped. (Small ints and None are tested inline: every slice's
    /// three bounds come here.)
    #[inline(always)]
    fn slice_part(&self, v: &Value) -> PyResult<Option<i64>> {
        if let Some(i) = v.as_small_int() {
            return Ok(Some(i));
        }
        if v.is_none() {
            return Ok(None);
        }
        self.slice_part_slow(v)
    }

    /// `slice_part` of anything but a small int or None.
    fn slice_part_slow(&self, v: &Value) -> PyResult<Option<i64>> {
        match num(v) {
            Some(Num::I(i)) => Ok(Some(i)),
            Some(Num::B(b)) => Ok(Some(if num_traits::Signed::is_negative(b) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => {
                if let Some(m) = super::attr::user_special(self, v, "__index__") {
                    let _ = m;
                }
                Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    }

    /// CPython's `PySlice_GetIndicesEx`.
    pub fn slice_indices(&self, slice: &[Value; 3], len: usize) -> PyResult<SliceIdx> {
        let len = len as i64;
        let step = self.slice_part(&slice[2])?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(i) => {
                    let i = if i < 0 { i + len } else { i };
                    i.clamp(lo, hi)
                }
            }
        };
        let start = fix(self.slice_part(&slice[0])?, if step < 0 { hi } else { lo });
        let stop = fix(self.slice_part(&slice[1])?, if step < 0 { lo } else { hi });
        Ok(SliceIdx { start, stop, step })
    }

    /// Normalise an index (negative from the end) or raise IndexError.
    pub fn seq_index(&self, idx: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match num(idx) {
            Some(Num::I(i)) => i,
            // Past the 48-bit small ints but within a machine word: just
            // out of range (CPython's limit is `Py_ssize_t`).
            Some(Num::B(b)) => match i64::try_from(b) {
                Ok(i) => i,
                Err(_) => {
                    return Err(self.err(
                        ExcType::IndexError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            },
            _ => {
                // ("list indices" for a store too, as CPython words it.)
                return Err(self.type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what.trim_end_matches(" assignment"),
                    self.type_name(idx)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.err(ExcType::IndexError, format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        if let Some(Obj::Slice(parts)) = idx.as_obj() {
            if let Some(r) = self.builtin_slice(obj, parts) {
                return r;
            }
        }
        match obj.as_obj() {
            Some(Obj::List(l)) => {
                let l = l.borrow();
                let i = self.seq_index(idx, l.len(), "list")?;
                Ok(l[i].clone())
            }
            Some(Obj::Tuple(t)) => {
                let i = self.seq_index(idx, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Some(Obj::Str(s)) => {
                let i = self.seq_index(idx, s.chars, "string")?;
                if s.is_ascii() {
                    Ok(Value::str(&s.s[i..i + 1]))
                } else {
                    let c = s.s.chars().nth(i).unwrap();
                    Ok(Value::string(c.to_string()))
                }
            }
            Some(Obj::Dict(_)) => match super::hash::dict_get(self, obj, idx)? {
                Some(v) => Ok(v),
                None => Err(super::hash::key_error(self, idx)),
            },
            Some(Obj::Range(r)) => {
                let i = self.seq_index(idx, r.len() as usize, "range object")?;
                Ok(Value::int(r.get(i as i64)))
            }
            Some(Obj::Instance(_)) => match super::attr::lookup_special(self, obj, "__getitem__") {
                Some(m) => self.call(&m, std::slice::from_ref(idx), &[]),
                None => Err(self.not_subscriptable(obj)),
            },
            Some(Obj::Class(_)) => {
                // `list[int]` style generic aliases: accept and return the class.
                Ok(obj.clone())
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    /// `obj[lower:upper:step]` (`parts`) without a slice object when `obj`
    /// is a built-in sequence; otherwise a slice is made for `getitem`.
    pub fn get_slice(&mut self, obj: &Value, parts: [Value; 3]) -> PyResult<Value> {
        if let Some(r) = self.builtin_slice(obj, &parts) {
            return r;
        }
        let slice = Value::obj(Obj::Slice(Box::new(parts)));
        self.getitem(obj, &slice)
    }

    /// A slice of a list, tuple, str or range; `None` for other objects.
    fn builtin_slice(&mut self, obj: &Value, parts: &[Value; 3]) -> Option<PyResult<Value>> {
        let o = obj.as_obj()?;
        let len = match o {
            Obj::List(l) => l.borrow().len(),
            Obj::Tuple(t) => t.len(),
            Obj::Str(s) => s.chars,
            Obj::Range(r) => r.len() as usize,
            _ => return None,
        };
        let si = match self.slice_indices(parts, len) {
            Ok(si) => si,
            Err(e) => return Some(Err(e)),
        };
        Some(Ok(match o {
            Obj::List(l) => Value::list(si.pick(&l.borrow())),
            Obj::Tuple(t) => Value::tuple(si.pick(t)),
            Obj::Str(s) => str_slice(s, &si),
            Obj::Range(r) => {
                // As CPython: the items at the slice's resolved bounds.
                Value::obj(Obj::Range(super::object::Range {
                    start: r.get(si.start),
                    stop: r.get(si.stop),
                    step: r.step * si.step,
                }))
            }
            _ => unreachable!("only sequences have a length here"),
        }))
    }

    fn not_subscriptable(&self, obj: &Value) -> super::PyErr {
        self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        ))
    }

    pub fn setitem(&mut self, obj: &Value, idx: &Value, value: Value) -> PyResult<()> {
        match obj.as_obj() {
            Some(Obj::List(l)) => {
                if let Some(Obj::Slice(s)) = idx.as_obj() {
                    let items = super::iter::collect(self, &value)?;
                    let mut l = l.borrow_mut();
                    let si = self.slice_indices(s, l.len())?;
                    if si.step == 1 {
                        let a = si.start as usize;
                        let z = (si.stop.max(si.start)) as usize;
                        let old: Vec<Value> = l.splice(a..z, items).collect();
                        drop(l);
                        super::object::drop_reversed(old);
                        return Ok(());
                    }
                    let n = si.count();
                    if n != items.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {n}",
                            items.len()
                        )));
                    }
                    let idxs: Vec<usize> = si.indices().collect();
                    let mut old = Vec::with_capacity(n);
                    for (i, v) in idxs.into_iter().zip(items) {
                        old.push(std::mem::replace(&mut l[i], v));
                    }
                    drop(l);
                    drop(old);
                    return Ok(());
                }
                let mut l = l.borrow_mut();
                let i = self.seq_index(idx, l.len(), "list assignment")?;
                let old = std::mem::replace(&mut l[i], value);
                drop(l);
                drop(old);
                Ok(())
            }
            Some(Obj::Dict(_)) => super::hash::dict_set(self, obj, idx.clone(), value),
            Some(Obj::Instance(_)) => match super::attr::lookup_special(self, obj, "__setitem__") {
                Some(m) => self.call(&m, &[idx.clone(), value], &[]).map(|_| ()),
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ))),
            },
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        match obj.as_obj() {
            Some(Obj::List(l)) => {
                if let Some(Obj::Slice(s)) = idx.as_obj() {
                    let mut l = l.borrow_mut();
                    let si = self.slice_indices(s, l.len())?;
                    let mut idxs: Vec<usize> = si.indices().collect();
                    idxs.sort_unstable();
                    let mut old = Vec::with_capacity(idxs.len());
                    for i in idxs.into_iter().rev() {
                        old.push(l.remove(i));
                    }
                    drop(l);
                    drop(old);
                    return Ok(());
                }
                let mut l = l.borrow_mut();
                let i = self.seq_index(idx, l.len(), "list assignment")?;
                let old = l.remove(i);
                drop(l);
                drop(old);
                Ok(())
            }
            Some(Obj::Dict(_)) => match super::hash::dict_del(self, obj, idx)? {
                Some(_) => Ok(()),
                None => Err(super::hash::key_error(self, idx)),
            },
            Some(Obj::Instance(_)) => match super::attr::lookup_special(self, obj, "__delitem__") {
                Some(m) => self.call(&m, std::slice::from_ref(idx), &[]).map(|_| ()),
                None => Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                ))),
            },
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v.as_obj() {
            Some(Obj::Str(s)) => s.chars,
            Some(Obj::List(l)) => l.borrow().len(),
            Some(Obj::Tuple(t)) => t.len(),
            Some(Obj::Dict(d)) => d.borrow().len(),
            Some(Obj::Set(s)) => s.borrow().len(),
            Some(Obj::FrozenSet(s)) => s.len(),
            Some(Obj::Range(r)) => r.len() as usize,
            Some(Obj::Instance(_)) => match super::attr::lookup_special(self, v, "__len__") {
                Some(m) => {
                    let r = self.call(&m, &[], &[])?;
                    self.len_result(&r)?
                }
                None => return Err(self.no_len(v)),
            },
            _ => return Err(self.no_len(v)),
        })
    }

    fn no_len(&self, v: &Value) -> super::PyErr {
        self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        ))
    }

    /// An index argument (for `list.insert`, `range`, …) as i64.
    pub fn index_arg(&self, v: &Value) -> PyResult<i64> {
        match as_i64(v) {
            Some(i) => Ok(i),
            None if super::ops::is_int_like(v) => Err(self.err(
                ExcType::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }
}

/// `o[i]` for a list or tuple and a small int index in range: the fast
/// path every backend tries before `getitem` (`None`: take the general
/// path, which also raises the errors).
#[inline]
pub fn sequence_item(o: &Value, i: &Value) -> Option<Value> {
    let k = i.as_small_int()?;
    let at = |len: usize| {
        let len = len as i64;
        let k = if k < 0 { k + len } else { k };
        (0..len).contains(&k).then_some(k as usize)
    };
    match o.as_obj()? {
        Obj::List(l) => {
            let l = l.borrow();
            at(l.len()).map(|k| l[k].clone())
        }
        Obj::Tuple(t) => at(t.len()).map(|k| t[k].clone()),
        // An ASCII str's character is its byte (a shared one-char str).
        Obj::Str(s) if s.is_ascii() => at(s.chars).map(|k| Value::str(&s.s[k..k + 1])),
        _ => None,
    }
}

/// `o[i] = v` for a list and a small int index in range: `Ok(old item)`,
/// or `Err(v)` back when the general path (`setitem`) must run.
#[inline]
pub fn list_store(o: &Value, i: &Value, v: Value) -> Result<Value, Value> {
    let (Some(Obj::List(l)), Some(k)) = (o.as_obj(), i.as_small_int()) else {
        return Err(v);
    };
    let mut l = l.borrow_mut();
    let len = l.len() as i64;
    let k = if k < 0 { k + len } else { k };
    if !(0..len).contains(&k) {
        return Err(v);
    }
    Ok(std::mem::replace(&mut l[k as usize], v))
}

/// The characters of `s` that `si` picks, as a new str.
fn str_slice(s: &super::object::PyStr, si: &SliceIdx) -> Value {
    if s.is_ascii() {
        let b = s.s.as_bytes();
        if si.step == 1 {
            let (a, z) = (si.start as usize, (si.stop.max(si.start)) as usize);
            return Value::ascii_str(&s.s[a..z]);
        }
        let mut out = Vec::with_capacity(si.count());
        let mut i = si.start;
        for _ in 0..si.count() {
            out.push(b[i as usize]);
            i += si.step;
        }
        // SAFETY: bytes picked from ASCII text are ASCII, so valid UTF-8.
        let out = unsafe { String::from_utf8_unchecked(out) };
        return Value::string(out);
    }
    let chars: Vec<char> = s.s.chars().collect();
    Value::string(si.indices().map(|i| chars[i]).collect())
}
