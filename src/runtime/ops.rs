//! Every operator, once, with Python semantics: arithmetic on unboxed and
//! big ints and floats (floor division and modulo toward minus infinity,
//! true division, negative powers), sequence operators, comparisons, and
//! dunder dispatch with `NotImplemented` and reflected operands.
//! The VM and the JIT call these same functions.

use super::exceptions::ExcType;
use super::object::Obj;
use super::value::{Value, View};
use super::{Interp, PyResult};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// A numeric operand: small int, big int or float (bools are ints).
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

pub fn num(v: &Value) -> Option<Num<'_>> {
    match v.view() {
        View::Int(i) => Some(Num::I(i)),
        View::Bool(b) => Some(Num::I(b as i64)),
        View::Float(f) => Some(Num::F(f)),
        View::Obj(Obj::Int(b)) => Some(Num::B(b)),
        _ => None,
    }
}

/// `True` → `1`: the int value of an int-like.
pub fn int_of(v: &Value) -> Value {
    match v.view() {
        View::Bool(b) => Value::int(b as i64),
        _ => v.clone(),
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match num(v)? {
        Num::I(i) => Some(BigInt::from(i)),
        Num::B(b) => Some(b.clone()),
        Num::F(_) => None,
    }
}

/// An int-like as i64, if it is one and fits.
pub fn as_i64(v: &Value) -> Option<i64> {
    match num(v)? {
        Num::I(i) => Some(i),
        Num::B(b) => b.to_i64(),
        Num::F(_) => None,
    }
}

pub fn is_int_like(v: &Value) -> bool {
    matches!(num(v), Some(Num::I(_)) | Some(Num::B(_)))
}

pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn dunder_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

impl Interp {
    /// `a op b`.
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Ints that fit a machine word first: they are most of the work.
        // Small ints, and also ints past 48 bits (a 64-bit LCG's
        // `state * 1103515245 + 12345`): i64 arithmetic with overflow
        // checks instead of bigint arithmetic. `i64::MIN // -1` is the one
        // quotient that overflows without a checked operation noticing.
        if let (Some(x), Some(y)) = (machine_int(a), machine_int(b)) {
            if !(x == i64::MIN && y == -1) {
                if let Some(v) = small_int_op(op, x, y) {
                    return Ok(v);
                }
            }
        }
        if let Some(r) = self.builtin_binop(op, a, b)? {
            return Ok(r);
        }
        self.dunder_binop(op, a, b)
    }

    /// `a op= b`: in place for mutable built-ins and `__iop__`, else `binop`.
    pub fn inplace_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a.as_obj()) {
            (BinOp::Add, Some(Obj::List(l))) => {
                let items = super::iter::collect(self, b)?;
                self.check_alloc((l.borrow().len() + items.len()) * 8)?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Some(Obj::List(l))) => {
                let n = self.repeat_count(b)?;
                let mut v = l.borrow_mut();
                let orig: Vec<Value> = v.clone();
                if n == 0 {
                    let old = std::mem::take(&mut *v);
                    drop(v);
                    drop(old);
                } else {
                    for _ in 1..n {
                        v.extend(orig.iter().cloned());
                    }
                }
                return Ok(a.clone());
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Some(Obj::Set(_)))
                if matches!(b.as_obj(), Some(Obj::Set(_)) | Some(Obj::FrozenSet(_))) =>
            {
                return super::methods::set_inplace(self, op, a, b);
            }
            (BinOp::BitOr, Some(Obj::Dict(_))) if matches!(b.as_obj(), Some(Obj::Dict(_))) => {
                super::hash::dict_update_from(self, a, b)?;
                return Ok(a.clone());
            }
            (_, Some(Obj::Instance(_))) => {
                let (_, _, iname) = dunder_names(op);
                if let Some(m) = super::attr::lookup_special(self, a, iname) {
                    let r = self.call(&m, std::slice::from_ref(b), &[])?;
                    if !r.is(&Value::NOT_IMPLEMENTED) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.binop(op, a, b)
    }

    fn dunder_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, rname, _) = dunder_names(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let a_user = matches!(a.as_obj(), Some(Obj::Instance(_)));
        let b_user = matches!(b.as_obj(), Some(Obj::Instance(_)));
        // A subclass's reflected method goes first (CPython's rule).
        let b_first = b_user && !ta.is(&tb) && super::attr::is_subclass(&tb, &ta);
        if b_first {
            if let Some(m) = super::attr::lookup_special(self, b, rname) {
                let r = self.call(&m, std::slice::from_ref(a), &[])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        if a_user {
            if let Some(m) = super::attr::lookup_special(self, a, name) {
                let r = self.call(&m, std::slice::from_ref(b), &[])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        if b_user && !b_first && !ta.is(&tb) {
            if let Some(m) = super::attr::lookup_special(self, b, rname) {
                let r = self.call(&m, std::slice::from_ref(a), &[])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        Err(self.binop_type_error(op, a, b))
    }

    fn binop_type_error(&self, op: BinOp, a: &Value, b: &Value) -> super::PyErr {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add {
            match a.as_obj() {
                Some(Obj::Str(_)) => {
                    return self
                        .type_error(format!("can only concatenate str (not \"{nb}\") to str"))
                }
                Some(Obj::List(_)) => {
                    return self
                        .type_error(format!("can only concatenate list (not \"{nb}\") to list"))
                }
                Some(Obj::Tuple(_)) => {
                    return self.type_error(format!(
                        "can only concatenate tuple (not \"{nb}\") to tuple"
                    ))
                }
                _ => {}
            }
        }
        if op == BinOp::Mul
            && (matches!(a.as_obj(), Some(Obj::Str(_) | Obj::List(_) | Obj::Tuple(_)))
                || matches!(b.as_obj(), Some(Obj::Str(_) | Obj::List(_) | Obj::Tuple(_))))
        {
            let other = if matches!(a.as_obj(), Some(Obj::Str(_) | Obj::List(_) | Obj::Tuple(_))) {
                &nb
            } else {
                &na
            };
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{other}'"
            ));
        }
        let sym = if op == BinOp::Pow {
            "** or pow()"
        } else {
            op.symbol()
        };
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{na}' and '{nb}'"
        ))
    }

    fn repeat_count(&self, n: &Value) -> PyResult<usize> {
        match num(n) {
            Some(Num::I(i)) => Ok(i.max(0) as usize),
            Some(Num::B(b)) => {
                if b.is_negative() {
                    Ok(0)
                } else {
                    Err(self.err(
                        ExcType::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            }
            _ => Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.type_name(n)
            ))),
        }
    }

    /// Operators on built-in types; `Ok(None)` when none applies.
    fn builtin_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (View::Bool(x), View::Bool(y)) = (a.view(), b.view()) {
            match op {
                BinOp::BitAnd => return Ok(Some(Value::bool(x & y))),
                BinOp::BitOr => return Ok(Some(Value::bool(x | y))),
                BinOp::BitXor => return Ok(Some(Value::bool(x ^ y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return self.numeric_binop(op, x, y).map(Some);
        }
        let (Some(oa), ob) = (a.as_obj(), b.as_obj()) else {
            // a is unboxed; b may be a sequence for `3 * "ab"`.
            if op == BinOp::Mul && is_int_like(a) {
                if let Some(o) = b.as_obj() {
                    if matches!(o, Obj::Str(_) | Obj::List(_) | Obj::Tuple(_)) {
                        return self.builtin_binop(op, b, a);
                    }
                }
            }
            return Ok(None);
        };
        match (op, oa, ob) {
            (BinOp::Add, Obj::Str(x), Some(Obj::Str(y))) => self.str_add(x, y).map(Some),
            (BinOp::Add, Obj::List(x), Some(Obj::List(y))) => {
                self.check_alloc((x.borrow().len() + y.borrow().len()) * 8)?;
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Ok(Some(Value::list(v)))
            }
            (BinOp::Add, Obj::Tuple(x), Some(Obj::Tuple(y))) => {
                self.check_alloc((x.len() + y.len()) * 8)?;
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Ok(Some(Value::tuple(v)))
            }
            (BinOp::Mul, Obj::Str(_) | Obj::List(_) | Obj::Tuple(_), _) if is_int_like(b) => {
                let n = self.repeat_count(b)?;
                Ok(Some(match oa {
                    Obj::Str(s) => {
                        self.check_alloc(s.s.len().saturating_mul(n))?;
                        Value::string(s.s.repeat(n))
                    }
                    Obj::List(l) => {
                        let l = l.borrow();
                        self.check_alloc(l.len().saturating_mul(n).saturating_mul(8))?;
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend(l.iter().cloned());
                        }
                        Value::list(v)
                    }
                    Obj::Tuple(t) => {
                        self.check_alloc(t.len().saturating_mul(n).saturating_mul(8))?;
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend(t.iter().cloned());
                        }
                        Value::tuple(v)
                    }
                    _ => unreachable!(),
                }))
            }
            (BinOp::Mod, Obj::Str(s), _) => {
                let s = s.s.clone();
                super::methods::percent_format(self, &s, b).map(Some)
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Obj::Set(_) | Obj::FrozenSet(_),
                Some(Obj::Set(_) | Obj::FrozenSet(_)),
            ) => super::hash::set_binop(self, op, a, b).map(Some),
            (BinOp::BitOr, Obj::Dict(_), Some(Obj::Dict(_))) => {
                let r = super::hash::dict_copy(a);
                super::hash::dict_update_from(self, &r, b)?;
                Ok(Some(r))
            }
            _ => Ok(None),
        }
    }

    /// `x + y` of two strs (the dispatch loop's fast path for `+` and
    /// `+=` of strs calls it too).
    pub fn str_add(&self, x: &super::object::PyStr, y: &super::object::PyStr) -> PyResult<Value> {
        self.check_alloc(x.s.len() + y.s.len())?;
        Ok(Value::str_concat([x, y].into_iter()))
    }

    /// Refuse allocations that could not possibly succeed (a hostile
    /// `[0] * 10**12`) with MemoryError rather than aborting the process.
    pub fn check_alloc(&self, bytes: usize) -> PyResult<()> {
        self.check_memory(bytes)?;
        if bytes > (1usize << 36) {
            Err(self.err(ExcType::MemoryError, ""))
        } else {
            Ok(())
        }
    }

    fn numeric_binop(&mut self, op: BinOp, x: Num, y: Num) -> PyResult<Value> {
        match (x, y) {
            (Num::F(a), b) => {
                let b = self.num_to_f64(b)?;
                self.float_op(op, a, b)
            }
            (a, Num::F(b)) => {
                if matches!(
                    op,
                    BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
                ) {
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for {}: 'int' and 'float'",
                        op.symbol()
                    )));
                }
                let a = self.num_to_f64(a)?;
                self.float_op(op, a, b)
            }
            (Num::I(a), Num::I(b)) => {
                if let Some(v) = small_int_op(op, a, b) {
                    return Ok(v);
                }
                self.bigint_op(op, &BigInt::from(a), &BigInt::from(b))
            }
            (a, b) => {
                let a = num_big(a);
                let b = num_big(b);
                self.bigint_op(op, &a, &b)
            }
        }
    }

    fn num_to_f64(&self, n: Num) -> PyResult<f64> {
        match n {
            Num::I(i) => Ok(i as f64),
            Num::F(f) => Ok(f),
            Num::B(b) => bigint_to_f64(b).ok_or_else(|| {
                self.err(ExcType::OverflowError, "int too large to convert to float")
            }),
        }
    }

    pub fn float_op(&self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        Ok(Value::float(match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::Div => {
                if b == 0.0 {
                    return Err(self.err(ExcType::ZeroDivisionError, "float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(
                        self.err(ExcType::ZeroDivisionError, "float floor division by zero")
                    );
                }
                float_divmod(a, b).0
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.err(ExcType::ZeroDivisionError, "float modulo"));
                }
                float_divmod(a, b).1
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.err(
                        ExcType::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    return Err(self.value_error("complex results are not supported"));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.err(
                        ExcType::OverflowError,
                        "(34, 'Numerical result out of range')",
                    ));
                }
                r
            }
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op.symbol()
                )))
            }
        }))
    }

    fn bigint_op(&mut self, op: BinOp, a: &BigInt, b: &BigInt) -> PyResult<Value> {
        Ok(match op {
            BinOp::Add => Value::bigint(a + b),
            BinOp::Sub => Value::bigint(a - b),
            BinOp::Mul => Value::bigint(a * b),
            BinOp::Div => {
                if b.is_zero() {
                    return Err(self.err(ExcType::ZeroDivisionError, "division by zero"));
                }
                Value::float(bigint_true_div(self, a, b)?)
            }
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.err(
                        ExcType::ZeroDivisionError,
                        "integer division or modulo by zero",
                    ));
                }
                Value::bigint(a.div_floor(b))
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.err(ExcType::ZeroDivisionError, "integer modulo by zero"));
                }
                Value::bigint(a.mod_floor(b))
            }
            BinOp::Pow => {
                if b.is_negative() {
                    let fa = bigint_to_f64(a).ok_or_else(|| {
                        self.err(ExcType::OverflowError, "int too large to convert to float")
                    })?;
                    let fb = bigint_to_f64(b).unwrap_or(f64::NEG_INFINITY);
                    return self.float_op(BinOp::Pow, fa, fb);
                }
                let e = b
                    .to_u32()
                    .ok_or_else(|| self.err(ExcType::MemoryError, ""))?;
                let bits = a.bits().saturating_mul(e as u64);
                if bits > (1 << 32) {
                    return Err(self.err(ExcType::MemoryError, ""));
                }
                Value::bigint(num_traits::Pow::pow(a, e))
            }
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let n = b.to_u64().filter(|n| *n < (1 << 32)).ok_or_else(|| {
                    self.err(ExcType::OverflowError, "too many digits in integer")
                })?;
                Value::bigint(a << n)
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match b.to_u64() {
                    Some(n) => Value::bigint(a >> n),
                    None => Value::int(if a.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::BitAnd => Value::bigint(a & b),
            BinOp::BitOr => Value::bigint(a | b),
            BinOp::BitXor => Value::bigint(a ^ b),
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        })
    }

    pub fn unary(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::bool(!self.truthy(v)?));
        }
        match (op, num(v)) {
            (UnaryOp::Neg, Some(Num::I(i))) => Ok(match i.checked_neg() {
                Some(n) => Value::int(n),
                None => Value::bigint(-BigInt::from(i)),
            }),
            (UnaryOp::Neg, Some(Num::B(b))) => Ok(Value::bigint(-b)),
            (UnaryOp::Neg, Some(Num::F(f))) => Ok(Value::float(-f)),
            (UnaryOp::Pos, Some(Num::F(f))) => Ok(Value::float(f)),
            (UnaryOp::Pos, Some(_)) => Ok(int_of(v)),
            (UnaryOp::Invert, Some(Num::I(i))) => Ok(Value::int(!i)),
            (UnaryOp::Invert, Some(Num::B(b))) => Ok(Value::bigint(!b)),
            _ => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    UnaryOp::Invert => "__invert__",
                    UnaryOp::Not => unreachable!(),
                };
                if let Some(m) = super::attr::user_special(self, v, name) {
                    return self.call(&m, &[], &[]);
                }
                let sym = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    _ => "~",
                };
                Err(self.type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    self.type_name(v)
                )))
            }
        }
    }

    /// Truth value testing (`__bool__`, then `__len__`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v.view() {
            View::Bool(b) => b,
            View::None => false,
            View::Int(i) => i != 0,
            View::Float(f) => f != 0.0,
            View::Obj(o) => match o {
                Obj::Str(s) => !s.s.is_empty(),
                Obj::List(l) => !l.borrow().is_empty(),
                Obj::Tuple(t) => !t.is_empty(),
                Obj::Dict(d) => !d.borrow().is_empty(),
                Obj::Set(s) => !s.borrow().is_empty(),
                Obj::FrozenSet(s) => !s.is_empty(),
                Obj::Int(b) => !b.is_zero(),
                Obj::Range(r) => !r.is_empty(),
                Obj::Instance(_) => {
                    if let Some(m) = super::attr::lookup_special(self, v, "__bool__") {
                        let r = self.call(&m, &[], &[])?;
                        match r.view() {
                            View::Bool(b) => b,
                            _ => {
                                return Err(self.type_error(format!(
                                    "__bool__ should return bool, returned {}",
                                    self.type_name(&r)
                                )))
                            }
                        }
                    } else if let Some(m) = super::attr::lookup_special(self, v, "__len__") {
                        let r = self.call(&m, &[], &[])?;
                        self.len_result(&r)? != 0
                    } else {
                        true
                    }
                }
                _ => true,
            },
            _ => true,
        })
    }

    pub fn len_result(&self, r: &Value) -> PyResult<usize> {
        match as_i64(r) {
            Some(n) if n >= 0 => Ok(n as usize),
            Some(_) => Err(self.value_error("__len__() should return >= 0")),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }

    /// `a op b` for comparison operators, returning a Python value.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::bool(same_object(a, b))),
            CmpOp::IsNot => Ok(Value::bool(!same_object(a, b))),
            CmpOp::In => Ok(Value::bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::bool(!self.contains(b, a)?)),
            CmpOp::Eq => self.rich_eq(a, b, false),
            CmpOp::NotEq => self.rich_eq(a, b, true),
            _ => self.rich_order(op, a, b),
        }
    }

    /// Equality as a bool (for `in`, `list.index`, dict keys …).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity first, as CPython's `PyObject_RichCompareBool` (a NaN
        // equals itself here).
        if same_object(a, b) {
            return Ok(true);
        }
        if let Some(r) = super::dict::simple_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_eq(a, b, false)?;
        self.truthy(&r)
    }

    fn rich_eq(&mut self, a: &Value, b: &Value, negate: bool) -> PyResult<Value> {
        if let Some(r) = self.builtin_eq(a, b)? {
            return Ok(Value::bool(r != negate));
        }
        let (name, rname) = if negate {
            ("__ne__", "__ne__")
        } else {
            ("__eq__", "__eq__")
        };
        if let Some(m) = super::attr::user_special(self, a, name) {
            let r = self.call(&m, std::slice::from_ref(b), &[])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if let Some(m) = super::attr::user_special(self, b, rname) {
            let r = self.call(&m, std::slice::from_ref(a), &[])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if negate {
            // Default __ne__ inverts __eq__.
            if let Some(m) = super::attr::user_special(self, a, "__eq__") {
                let r = self.call(&m, std::slice::from_ref(b), &[])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(Value::bool(!self.truthy(&r)?));
                }
            }
        }
        Ok(Value::bool(a.is(b) != negate))
    }

    /// Equality between built-in values; `None` when user code decides.
    fn builtin_eq(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return Ok(Some(num_cmp(x, y) == Some(Ordering::Equal)));
        }
        let (Some(oa), Some(ob)) = (a.as_obj(), b.as_obj()) else {
            if matches!(a.as_obj(), Some(Obj::Instance(_)))
                || matches!(b.as_obj(), Some(Obj::Instance(_)))
            {
                return Ok(None);
            }
            return Ok(Some(a.is(b)));
        };
        Ok(Some(match (oa, ob) {
            (Obj::Str(x), Obj::Str(y)) => x.s == y.s,
            (Obj::List(x), Obj::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)?
            }
            // Unchangeable while compared; lists are copied first.
            (Obj::Tuple(x), Obj::Tuple(y)) => self.seq_eq(x, y)?,
            (Obj::Dict(_), Obj::Dict(_)) => super::hash::dict_eq(self, a, b)?,
            (Obj::Set(_) | Obj::FrozenSet(_), Obj::Set(_) | Obj::FrozenSet(_)) => {
                super::hash::set_eq(self, a, b)?
            }
            (Obj::Range(x), Obj::Range(y)) => {
                (x.is_empty() && y.is_empty())
                    || (x.len() == y.len()
                        && x.start == y.start
                        && (x.len() == 1 || x.step == y.step))
            }
            (Obj::Instance(_), _) | (_, Obj::Instance(_)) => return Ok(None),
            (Obj::BoundMethod(f1, s1), Obj::BoundMethod(f2, s2)) => f1.is(f2) && s1.is(s2),
            _ => a.is(b),
        }))
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !self.eq(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn rich_order(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (a.as_obj(), b.as_obj()) {
            // Tuples cannot change while their items are compared; a list
            // can, so its items are copied first.
            (Some(Obj::Tuple(x)), Some(Obj::Tuple(y))) => return self.seq_rich(op, x, y),
            (Some(Obj::List(x)), Some(Obj::List(y))) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.seq_rich(op, &x, &y);
            }
            _ => {}
        }
        if let Some(ord) = self.builtin_order(a, b)? {
            return Ok(Value::bool(match ord {
                None => false, // NaN involved
                Some(o) => match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    CmpOp::GtE => o != Ordering::Less,
                    _ => unreachable!(),
                },
            }));
        }
        let (name, rname) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => unreachable!(),
        };
        if let Some(m) = super::attr::user_special(self, a, name) {
            let r = self.call(&m, std::slice::from_ref(b), &[])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if let Some(m) = super::attr::user_special(self, b, rname) {
            let r = self.call(&m, std::slice::from_ref(a), &[])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        Err(self.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// Ordering of built-in values: `Some(None)` for unordered (NaN),
    /// `None` when the types have no built-in ordering.
    fn builtin_order(&mut self, a: &Value, b: &Value) -> PyResult<Option<Option<Ordering>>> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return Ok(Some(num_cmp(x, y)));
        }
        let (Some(oa), Some(ob)) = (a.as_obj(), b.as_obj()) else {
            return Ok(None);
        };
        match (oa, ob) {
            (Obj::Str(x), Obj::Str(y)) => Ok(Some(Some(x.s.cmp(&y.s)))),
            (Obj::Set(_) | Obj::FrozenSet(_), Obj::Set(_) | Obj::FrozenSet(_)) => {
                let sub = super::hash::set_is_subset(self, a, b)?;
                let sup = super::hash::set_is_subset(self, b, a)?;
                Ok(Some(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    (false, false) => None,
                }))
            }
            _ => Ok(None),
        }
    }

    /// `x op y` for two sequences, as CPython: the first pair of items
    /// that are not equal decides, compared with `op` itself (whatever
    /// their `__lt__`/`__gt__` returns); if there is none, the lengths.
    fn seq_rich(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Value> {
        for (p, q) in x.iter().zip(y) {
            if !p.is(q) && !self.eq(p, q)? {
                return self.rich_order(op, p, q);
            }
        }
        let (m, n) = (x.len(), y.len());
        Ok(Value::bool(match op {
            CmpOp::Lt => m < n,
            CmpOp::LtE => m <= n,
            CmpOp::Gt => m > n,
            CmpOp::GtE => m >= n,
            _ => unreachable!("only ordering operators reach rich_order"),
        }))
    }

    /// `a < b` as a bool, used by sorting, `min` and `max`.
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(x < y);
        }
        let r = self.rich_order(CmpOp::Lt, a, b)?;
        self.truthy(&r)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container.as_obj() {
            Some(Obj::Str(s)) => match item.as_obj() {
                Some(Obj::Str(sub)) => Ok(s.s.contains(&*sub.s)),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Some(Obj::List(l)) => {
                let mut i = 0;
                loop {
                    let x = match l.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Some(Obj::Tuple(t)) => {
                for x in t.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Obj::Dict(_)) => Ok(super::hash::dict_get(self, container, item)?.is_some()),
            Some(Obj::Set(_) | Obj::FrozenSet(_)) => {
                super::hash::set_contains(self, container, item)
            }
            Some(Obj::Range(r)) => Ok(match as_i64(item) {
                Some(i) => {
                    if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    }
                }
                None => false,
            }),
            _ => {
                if let Some(m) = super::attr::user_special(self, container, "__contains__") {
                    let r = self.call(&m, std::slice::from_ref(item), &[])?;
                    return self.truthy(&r);
                }
                let has_iter = super::attr::user_special(self, container, "__iter__").is_some()
                    || super::attr::user_special(self, container, "__getitem__").is_some()
                    || matches!(container.as_obj(), Some(Obj::Iter(_) | Obj::Generator(_)));
                if !has_iter {
                    return Err(self.type_error(format!(
                        "argument of type '{}' is not iterable",
                        self.type_name(container)
                    )));
                }
                let it = self.iter(container)?;
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// `a is b`. Unboxed floats have no identity; two NaNs are taken to be
/// different objects, as two computed NaNs are in CPython.
/// Python's `is` (an unboxed NaN is not identical to itself, as a boxed
/// float object in CPython is a fresh object).
#[inline]
/// `a is b`. Unboxed values are the same object when their words are
/// equal: for floats that keeps `x is x` (and so `x in [x]`, `list.index`,
/// dict lookups, which try identity first) true for a NaN, as in CPython;
/// the price is that two NaNs made apart are one object here.
pub fn same_object(a: &Value, b: &Value) -> bool {
    a.is(b)
}

/// `divmod(a, b)` of two ints (`b` not zero) when one is a bigint: floor
/// quotient and remainder from one division. `None` for anything else.
pub fn bigint_divmod(a: &Value, b: &Value) -> Option<(Value, Value)> {
    match (num(a)?, num(b)?) {
        (x @ (Num::B(_) | Num::I(_)), y @ Num::B(_)) | (x @ Num::B(_), y @ Num::I(_)) => {
            let (q, r) = num_big(x).div_mod_floor(&num_big(y));
            Some((Value::bigint(q), Value::bigint(r)))
        }
        _ => None,
    }
}

/// An int operand as a bigint: borrowed when it is one (copying the
/// digits of a large operand was a tenth of a bigint-heavy run).
fn num_big(n: Num<'_>) -> std::borrow::Cow<'_, BigInt> {
    match n {
        Num::I(i) => std::borrow::Cow::Owned(BigInt::from(i)),
        Num::B(b) => std::borrow::Cow::Borrowed(b),
        Num::F(_) => unreachable!("floats handled before"),
    }
}

/// Compare two numbers exactly (an int and a float compare by value, not
/// after rounding the int).
pub fn num_cmp(x: Num, y: Num) -> Option<Ordering> {
    match (x, y) {
        (Num::I(a), Num::I(b)) => Some(a.cmp(&b)),
        (Num::F(a), Num::F(b)) => a.partial_cmp(&b),
        (Num::I(a), Num::F(b)) => int_float_cmp(&BigInt::from(a), a as f64, b),
        (Num::F(a), Num::I(b)) => {
            int_float_cmp(&BigInt::from(b), b as f64, a).map(Ordering::reverse)
        }
        (Num::B(a), Num::F(b)) => int_float_cmp(a, a.to_f64().unwrap_or(f64::INFINITY), b),
        (Num::F(a), Num::B(b)) => {
            int_float_cmp(b, b.to_f64().unwrap_or(f64::INFINITY), a).map(Ordering::reverse)
        }
        (Num::I(a), Num::B(b)) => Some(BigInt::from(a).cmp(b)),
        (Num::B(a), Num::I(b)) => Some(a.cmp(&BigInt::from(b))),
        (Num::B(a), Num::B(b)) => Some(a.cmp(b)),
    }
}

fn int_float_cmp(i: &BigInt, approx: f64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if approx != f {
        return approx.partial_cmp(&f);
    }
    // Same when rounded: compare exactly against the float's integer part.
    let fi = BigInt::from(f.trunc() as i128);
    match i.cmp(&fi) {
        Ordering::Equal => {
            let frac = f - f.trunc();
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

/// Python's float divmod: the remainder takes the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// An int that fits in an `i64` (small, or a bigint of up to 64 bits).
#[inline]
fn machine_int(v: &Value) -> Option<i64> {
    match v.as_small_int() {
        Some(i) => Some(i),
        None => match v.as_obj() {
            Some(Obj::Int(b)) => b.to_i64(),
            _ => None,
        },
    }
}

/// `a op b` on machine ints without a bigint; `None` when the result
/// needs the general path (overflow, division by zero, negative powers,
/// out-of-range shifts …). Correct for any `i64` operands but
/// `i64::MIN // -1` and `i64::MIN % -1`.
#[inline]
pub fn small_int_op(op: BinOp, a: i64, b: i64) -> Option<Value> {
    Some(match op {
        BinOp::Add => Value::int(a.checked_add(b)?),
        BinOp::Sub => Value::int(a.checked_sub(b)?),
        BinOp::Mul => Value::int(a.checked_mul(b)?),
        BinOp::FloorDiv => {
            if b == 0 {
                return None;
            }
            Value::int(Integer::div_floor(&a, &b))
        }
        BinOp::Mod => {
            if b == 0 {
                return None;
            }
            Value::int(Integer::mod_floor(&a, &b))
        }
        BinOp::Div => {
            if b == 0 || a.unsigned_abs() > (1 << 53) || b.unsigned_abs() > (1 << 53) {
                return None;
            }
            Value::float(a as f64 / b as f64)
        }
        BinOp::Pow => {
            if !(0..64).contains(&b) {
                return None;
            }
            Value::int(a.checked_pow(b as u32)?)
        }
        BinOp::LShift => {
            if !(0..48).contains(&b) {
                return None;
            }
            let r = a.checked_shl(b as u32)?;
            if r >> b != a {
                return None;
            }
            Value::int(r)
        }
        BinOp::RShift => {
            if b < 0 {
                return None;
            }
            Value::int(a >> b.min(63))
        }
        BinOp::BitAnd => Value::int(a & b),
        BinOp::BitOr => Value::int(a | b),
        BinOp::BitXor => Value::int(a ^ b),
        BinOp::MatMul => return None,
    })
}

/// Correctly rounded int / int for big operands.
fn bigint_true_div(interp: &Interp, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    // Scale so the quotient has 64+ significant bits, then let f64 round.
    let shift = (b.bits() as i64) - (a.bits() as i64) + 66;
    let (num, den) = if shift > 0 {
        (a << (shift as u64), b.clone())
    } else {
        (a.clone(), b << ((-shift) as u64))
    };
    let q = &num / &den;
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let r = qf * 2f64.powi(-(shift as i32));
    if r.is_infinite() {
        return Err(interp.err(
            ExcType::OverflowError,
            "integer division result too large for a float",
        ));
    }
    Ok(r)
}
