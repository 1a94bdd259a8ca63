//! Converting between Rust values and Python values at the embedding
//! boundary.

use crate::runtime::hash;
use crate::runtime::object::Obj;
use crate::runtime::{Interp, PyErr, PyResult, Value, View};
use std::collections::{BTreeMap, HashMap};

/// A Rust value that can become a Python value.
pub trait IntoValue {
    /// Make the Python value (may allocate, hence the interpreter).
    fn into_value(self, interp: &mut Interp) -> PyResult<Value>;
}

/// A Rust value that can be read from a Python value (raising TypeError
/// with CPython-style wording when the types do not fit).
pub trait FromValue: Sized {
    /// Convert, or raise `TypeError`/`OverflowError` as CPython would.
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self>;
    /// The Python type name used in error messages.
    fn type_name() -> &'static str;
}

fn wrong_type<T: FromValue>(interp: &Interp, v: &Value) -> PyErr {
    interp.type_error(format!(
        "expected {}, got {}",
        T::type_name(),
        interp.type_name(v)
    ))
}

impl IntoValue for Value {
    fn into_value(self, _: &mut Interp) -> PyResult<Value> {
        Ok(self)
    }
}

impl FromValue for Value {
    fn from_value(_: &mut Interp, v: &Value) -> PyResult<Self> {
        Ok(v.clone())
    }
    fn type_name() -> &'static str {
        "object"
    }
}

impl IntoValue for () {
    fn into_value(self, _: &mut Interp) -> PyResult<Value> {
        Ok(Value::NONE)
    }
}

impl FromValue for () {
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
        if v.is_none() {
            Ok(())
        } else {
            Err(wrong_type::<()>(interp, v))
        }
    }
    fn type_name() -> &'static str {
        "None"
    }
}

macro_rules! int_conv {
    ($($t:ty),*) => {$(
        impl IntoValue for $t {
            fn into_value(self, _: &mut Interp) -> PyResult<Value> {
                Ok(Value::bigint(num_bigint::BigInt::from(self)))
            }
        }
        impl FromValue for $t {
            fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
                if !crate::runtime::ops::is_int_like(v) {
                    return Err(wrong_type::<$t>(interp, v));
                }
                let b = crate::runtime::ops::to_bigint(v).unwrap_or_default();
                <$t>::try_from(b).map_err(|_| {
                    interp.err(
                        crate::runtime::ExcType::OverflowError,
                        concat!("Python int too large to convert to ", stringify!($t)),
                    )
                })
            }
            fn type_name() -> &'static str {
                "int"
            }
        }
    )*};
}
int_conv!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl IntoValue for f64 {
    fn into_value(self, _: &mut Interp) -> PyResult<Value> {
        Ok(Value::float(self))
    }
}

impl FromValue for f64 {
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
        match crate::runtime::ops::num(v) {
            Some(crate::runtime::ops::Num::F(f)) => Ok(f),
            Some(crate::runtime::ops::Num::I(i)) => Ok(i as f64),
            Some(crate::runtime::ops::Num::B(b)) => crate::runtime::ops::bigint_to_f64(b)
                .ok_or_else(|| {
                    interp.err(
                        crate::runtime::ExcType::OverflowError,
                        "int too large to convert to float",
                    )
                }),
            None => Err(wrong_type::<f64>(interp, v)),
        }
    }
    fn type_name() -> &'static str {
        "float"
    }
}

impl IntoValue for bool {
    fn into_value(self, _: &mut Interp) -> PyResult<Value> {
        Ok(Value::bool(self))
    }
}

impl FromValue for bool {
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
        match v.view() {
            View::Bool(b) => Ok(b),
            _ => Err(wrong_type::<bool>(interp, v)),
        }
    }
    fn type_name() -> &'static str {
        "bool"
    }
}

impl IntoValue for String {
    fn into_value(self, _: &mut Interp) -> PyResult<Value> {
        Ok(Value::string(self))
    }
}

impl IntoValue for &str {
    fn into_value(self, _: &mut Interp) -> PyResult<Value> {
        Ok(Value::str(self))
    }
}

impl FromValue for String {
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
        v.as_str()
            .map(|s| s.to_string())
            .ok_or_else(|| wrong_type::<String>(interp, v))
    }
    fn type_name() -> &'static str {
        "str"
    }
}

impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self, interp: &mut Interp) -> PyResult<Value> {
        match self {
            Some(x) => x.into_value(interp),
            None => Ok(Value::NONE),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
        if v.is_none() {
            Ok(None)
        } else {
            T::from_value(interp, v).map(Some)
        }
    }
    fn type_name() -> &'static str {
        T::type_name()
    }
}

impl<T: IntoValue> IntoValue for Vec<T> {
    fn into_value(self, interp: &mut Interp) -> PyResult<Value> {
        let mut out = Vec::with_capacity(self.len());
        for x in self {
            out.push(x.into_value(interp)?);
        }
        Ok(Value::list(out))
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
        if !matches!(v.as_obj(), Some(Obj::List(_) | Obj::Tuple(_))) {
            return Err(wrong_type::<Vec<T>>(interp, v));
        }
        let items = crate::runtime::iter::collect(interp, v)?;
        items.iter().map(|x| T::from_value(interp, x)).collect()
    }
    fn type_name() -> &'static str {
        "list"
    }
}

macro_rules! map_conv {
    ($map:ident, $($bound:tt)*) => {
        impl<K: IntoValue, V: IntoValue> IntoValue for $map<K, V> {
            fn into_value(self, interp: &mut Interp) -> PyResult<Value> {
                let d = hash::new_dict();
                for (k, v) in self {
                    let k = k.into_value(interp)?;
                    let v = v.into_value(interp)?;
                    hash::dict_set(interp, &d, k, v)?;
                }
                Ok(d)
            }
        }
        impl<K: FromValue + $($bound)*, V: FromValue> FromValue for $map<K, V> {
            fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
                if !matches!(v.as_obj(), Some(Obj::Dict(_))) {
                    return Err(wrong_type::<Self>(interp, v));
                }
                let mut out = $map::new();
                for (k, x) in hash::dict_items(v) {
                    out.insert(K::from_value(interp, &k)?, V::from_value(interp, &x)?);
                }
                Ok(out)
            }
            fn type_name() -> &'static str {
                "dict"
            }
        }
    };
}
map_conv!(HashMap, Eq + std::hash::Hash);
map_conv!(BTreeMap, Ord);

macro_rules! tuple_conv {
    ($n:expr; $($t:ident $i:tt),*) => {
        impl<$($t: IntoValue),*> IntoValue for ($($t,)*) {
            fn into_value(self, interp: &mut Interp) -> PyResult<Value> {
                Ok(Value::tuple(vec![$(self.$i.into_value(interp)?),*]))
            }
        }
        impl<$($t: FromValue),*> FromValue for ($($t,)*) {
            fn from_value(interp: &mut Interp, v: &Value) -> PyResult<Self> {
                let items = match v.as_obj() {
                    Some(Obj::Tuple(t)) if t.len() == $n => t.to_vec(),
                    _ => return Err(interp.type_error(format!(
                        "expected a tuple of {} items, got {}", $n, interp.type_name(v)))),
                };
                Ok(($($t::from_value(interp, &items[$i])?,)*))
            }
            fn type_name() -> &'static str {
                "tuple"
            }
        }
    };
}
tuple_conv!(1; A 0);
tuple_conv!(2; A 0, B 1);
tuple_conv!(3; A 0, B 1, C 2);
tuple_conv!(4; A 0, B 1, C 2, D 3);
