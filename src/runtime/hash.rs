//! Hashing with CPython's numeric hash (so `hash(1) == hash(1.0)` and sets
//! of numbers iterate in CPython's order), and the dict/set operations that
//! may call user `__hash__`/`__eq__`.

use super::dict::{pystr_hash, Dict, Probe};
use super::exceptions::ExcType;
use super::object::Obj;
use super::set::PySet;
use super::value::{Value, View};
use super::{Interp, PyResult};
use crate::syntax::ast::BinOp;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;

const MODULUS: u64 = (1 << 61) - 1;

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble`.
pub fn hash_f64(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    h = ((h << e) & MODULUS) | (h >> (61 - e));
    let h = (h as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// CPython 3.11's tuple hash (xxHash-based), fed one item hash at a time
/// (no vector of the hashes first: tuples are hashed on every dict use).
struct TupleHash {
    acc: u64,
    len: u64,
}

impl TupleHash {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;

    fn new() -> TupleHash {
        TupleHash {
            acc: Self::P5,
            len: 0,
        }
    }

    fn add(&mut self, h: i64) {
        self.acc = self.acc.wrapping_add((h as u64).wrapping_mul(Self::P2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(Self::P1);
        self.len += 1;
    }

    fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (Self::P5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

impl Interp {
    /// `hash(v)`, with CPython's errors for unhashable types.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v.view() {
            View::Int(i) => hash_i64(i),
            View::Bool(b) => b as i64,
            View::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    hash_i64(f as i64)
                } else {
                    hash_f64(f)
                }
            }
            View::None => 0x5f3a_1b2c,
            View::Obj(o) => match o {
                Obj::Str(s) => pystr_hash(s),
                Obj::Int(b) => hash_bigint(b),
                Obj::Tuple(t) => {
                    let mut h = TupleHash::new();
                    for x in t.iter() {
                        h.add(self.hash(x)?);
                    }
                    h.finish()
                }
                Obj::FrozenSet(s) => {
                    let mut h: u64 = 0;
                    for (_, kh) in s.iter_with_hash() {
                        let kh = kh as u64;
                        h ^= (kh ^ (kh << 16) ^ 89869747).wrapping_mul(3644798167);
                    }
                    h as i64
                }
                // Slices are unhashable until Python 3.12.
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Slice(_) => {
                    return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                }
                Obj::Instance(_) => {
                    let cls = self.type_of(v);
                    match super::attr::lookup_in_class(&cls, "__hash__") {
                        Some(h) if h.is_none() => {
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", self.type_name(v))))
                        }
                        Some(h) => {
                            let r = self.call(&h, std::slice::from_ref(v), &[])?;
                            match super::ops::num(&r) {
                                Some(super::ops::Num::I(i)) => hash_i64(i),
                                Some(super::ops::Num::B(b)) => hash_bigint(b),
                                _ => {
                                    return Err(
                                        self.type_error("__hash__ method should return an integer")
                                    )
                                }
                            }
                        }
                        None => {
                            if super::attr::lookup_in_class(&cls, "__eq__").is_some() {
                                return Err(self.type_error(format!(
                                    "unhashable type: '{}'",
                                    self.type_name(v)
                                )));
                            }
                            identity_hash(v)
                        }
                    }
                }
                _ => identity_hash(v),
            },
            _ => identity_hash(v),
        })
    }
}

fn identity_hash(v: &Value) -> i64 {
    let b = v.bits() & ((1 << 48) - 1);
    b.rotate_right(4) as i64
}

/// Resolve a probe, calling user `__eq__` for candidates with no borrow held.
fn resolve(interp: &mut Interp, probe: Probe, key: &Value) -> PyResult<Option<usize>> {
    match probe {
        Probe::Found(i) => Ok(Some(i)),
        Probe::NotFound => Ok(None),
        Probe::Candidates(c) => {
            for (pos, k) in c {
                if interp.eq(&k, key)? {
                    return Ok(Some(pos));
                }
            }
            Ok(None)
        }
    }
}

fn dict_ref(v: &Value) -> &RefCell<Dict> {
    match v.as_obj() {
        Some(Obj::Dict(d)) => d,
        _ => panic!("dict_ref on a non-dict"),
    }
}

pub fn dict_get(interp: &mut Interp, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    let h = interp.hash(key)?;
    let dict = dict_ref(d);
    let probe = dict.borrow().probe(h, key);
    let pos = resolve(interp, probe, key)?;
    Ok(pos.and_then(|p| dict.borrow().entry(p).map(|(_, v)| v.clone())))
}

pub fn dict_set(interp: &mut Interp, d: &Value, key: Value, value: Value) -> PyResult<()> {
    let h = interp.hash(&key)?;
    let dict = dict_ref(d);
    let probe = dict.borrow().probe(h, &key);
    let pos = resolve(interp, probe, &key)?;
    let mut b = dict.borrow_mut();
    match pos.filter(|p| b.entry(*p).is_some()) {
        Some(p) => {
            let old = b.replace_value(p, value);
            drop(b);
            drop(old);
        }
        None => b.insert_new(h, key, value),
    }
    Ok(())
}

pub fn dict_del(interp: &mut Interp, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    let h = interp.hash(key)?;
    let dict = dict_ref(d);
    let probe = dict.borrow().probe(h, key);
    let pos = resolve(interp, probe, key)?;
    match pos {
        Some(p) => {
            let (k, v) = dict.borrow_mut().remove_at(p);
            drop(k);
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

pub fn new_dict() -> Value {
    Value::obj(Obj::Dict(RefCell::new(Dict::new())))
}

pub fn dict_copy(d: &Value) -> Value {
    let src = dict_ref(d).borrow();
    let mut out = Dict::with_capacity(src.len());
    for pos in 0..src.entries_len() {
        if let Some((k, v)) = src.entry(pos) {
            out.insert_new(src.entry_hash(pos), k.clone(), v.clone());
        }
    }
    Value::obj(Obj::Dict(RefCell::new(out)))
}

pub fn dict_items(d: &Value) -> Vec<(Value, Value)> {
    dict_ref(d)
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `d.update(other)` for a dict, a mapping with `keys()`, or pairs.
pub fn dict_update_from(interp: &mut Interp, d: &Value, other: &Value) -> PyResult<()> {
    if let Some(Obj::Dict(_)) = other.as_obj() {
        for (k, v) in dict_items(other) {
            dict_set(interp, d, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = interp.getattr_opt(other, "keys")? {
        let ks = interp.call(&keys, &[], &[])?;
        for k in super::iter::collect(interp, &ks)? {
            let v = interp.getitem(other, &k)?;
            dict_set(interp, d, k, v)?;
        }
        return Ok(());
    }
    let items = super::iter::collect(interp, other)?;
    for (i, item) in items.into_iter().enumerate() {
        let pair = super::iter::collect(interp, &item).map_err(|_| {
            interp.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(interp.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let (k, v) = (it.next().unwrap(), it.next().unwrap());
        dict_set(interp, d, k, v)?;
    }
    Ok(())
}

pub fn dict_eq(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    if dict_ref(a).borrow().len() != dict_ref(b).borrow().len() {
        return Ok(false);
    }
    for (k, v) in dict_items(a) {
        match dict_get(interp, b, &k)? {
            Some(w) => {
                if !interp.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

pub fn key_error(interp: &mut Interp, key: &Value) -> super::PyErr {
    let cls = interp.exc_type(ExcType::KeyError).clone();
    super::PyErr(super::exceptions::new_exception(
        interp,
        &cls,
        vec![key.clone()],
    ))
}

// ---- sets ----

pub fn set_ref(v: &Value) -> Option<std::cell::Ref<'_, PySet>> {
    match v.as_obj() {
        Some(Obj::Set(s)) => Some(s.borrow()),
        _ => None,
    }
}

pub fn set_items(v: &Value) -> Vec<Value> {
    match v.as_obj() {
        Some(Obj::Set(s)) => s.borrow().iter().cloned().collect(),
        Some(Obj::FrozenSet(s)) => s.iter().cloned().collect(),
        _ => vec![],
    }
}

pub fn set_contains(interp: &mut Interp, s: &Value, key: &Value) -> PyResult<bool> {
    let h = interp.hash(key)?;
    let probe = match s.as_obj() {
        Some(Obj::Set(t)) => t.borrow().probe(h, key),
        Some(Obj::FrozenSet(t)) => t.probe(h, key),
        _ => return Ok(false),
    };
    Ok(resolve(interp, probe, key)?.is_some())
}

/// Add to a `PySet` under construction (not yet shared).
pub fn pyset_add(interp: &mut Interp, set: &mut PySet, key: Value) -> PyResult<()> {
    let h = interp.hash(&key)?;
    let probe = set.probe(h, &key);
    if resolve(interp, probe, &key)?.is_none() {
        set.insert_new(h, key);
    }
    Ok(())
}

pub fn set_add(interp: &mut Interp, s: &Value, key: Value) -> PyResult<()> {
    let Some(Obj::Set(cell)) = s.as_obj() else {
        return Ok(());
    };
    let h = interp.hash(&key)?;
    let probe = cell.borrow().probe(h, &key);
    if resolve(interp, probe, &key)?.is_none() {
        cell.borrow_mut().insert_new(h, key);
    }
    Ok(())
}

pub fn set_remove(interp: &mut Interp, s: &Value, key: &Value) -> PyResult<bool> {
    let Some(Obj::Set(cell)) = s.as_obj() else {
        return Ok(false);
    };
    let h = interp.hash(key)?;
    let probe = cell.borrow().probe(h, key);
    match resolve(interp, probe, key)? {
        Some(i) => {
            let old = cell.borrow_mut().remove_slot(i);
            drop(old);
            Ok(true)
        }
        None => Ok(false),
    }
}

pub fn build_set(interp: &mut Interp, items: Vec<Value>) -> PyResult<PySet> {
    let mut s = PySet::new();
    for x in items {
        pyset_add(interp, &mut s, x)?;
    }
    Ok(s)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets (CPython's algorithms, so
/// results iterate in CPython's order).
pub fn set_binop(interp: &mut Interp, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    super::methods::set_binary(interp, op, a, b)
}

pub fn set_is_subset(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    for x in set_items(a) {
        if !set_contains(interp, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_eq(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    if set_items(a).len() != set_items(b).len() {
        return Ok(false);
    }
    set_is_subset(interp, a, b)
}
