//! Built-in modules: `math`, `sys`, `gc`, `time`, `os` and `os.path`,
//! `copy`, `io` and `builtins`, each created on first import and cached
//! in `Interp::modules`, with CPython's results and error messages.

use super::builtins::{builtin_fn, float_to_int, index_i64, index_value, int_to_f64, to_f64};
use super::call::{check_arity, kwarg, no_kwargs, only_kwargs};
use super::dict::Dict;
use super::exceptions::{self, ExcType};
use super::file::{self, FileKind};
use super::object::{Instance, Module, NativeFnPtr, Obj};
use super::ops::{as_i64, int_of, is_int_like, num, to_bigint, Num};
use super::value::Value;
use super::{Interp, PyErr, PyResult};
use crate::syntax::ast::{BinOp, Name};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

type Kw<'a> = &'a [(Name, Value)];

/// The built-in module `name`, created on first use and cached in
/// `interp.modules`; `None` when there is no such built-in module.
pub fn builtin_module(interp: &mut Interp, name: &str) -> Option<Value> {
    if let Some(m) = interp.modules.get(name) {
        return Some(m.clone());
    }
    let m = match name {
        "math" => make_math(),
        "sys" => make_sys(interp),
        "gc" => make_gc(),
        "time" => make_time(interp),
        "os" => {
            let (os, path) = make_os();
            restrict_os(interp, &os, &path);
            interp.modules.insert(Rc::from("os.path"), path);
            os
        }
        "os.path" | "posixpath" => {
            builtin_module(interp, "os")?;
            return interp.modules.get("os.path").cloned();
        }
        "copy" => make_copy(),
        "io" => make_io(interp),
        "builtins" => Value::obj(Obj::Module(Module {
            name: Rc::from("builtins"),
            dict: interp.builtins.clone(),
        })),
        _ => return None,
    };
    interp.modules.insert(Rc::from(name), m.clone());
    Some(m)
}

/// Without the file system or environment capability, the `os` functions
/// that would reach them raise PermissionError; pure path arithmetic stays.
fn restrict_os(interp: &Interp, os: &Value, path: &Value) {
    fn deny_fs(interp: &mut Interp, _a: &[Value], _kw: Kw) -> PyResult<Value> {
        interp.require_filesystem().map(|_| Value::NONE)
    }
    fn deny_env(interp: &mut Interp, _a: &[Value], _kw: Kw) -> PyResult<Value> {
        interp.require_environment().map(|_| Value::NONE)
    }
    let set = |m: &Value, name: &str, f: super::object::NativeFnPtr| {
        if let Some(Obj::Module(m)) = m.as_obj() {
            if let Some(Obj::Dict(d)) = m.dict.as_obj() {
                let old = d.borrow_mut().set_str(name, super::interp::native(name, f));
                drop(old);
            }
        }
    };
    if !interp.caps.filesystem {
        for name in [
            "getcwd", "chdir", "listdir", "remove", "unlink", "rename", "replace", "mkdir",
            "makedirs", "rmdir", "walk",
        ] {
            set(os, name, deny_fs);
        }
        for name in [
            "exists",
            "isfile",
            "isdir",
            "islink",
            "getsize",
            "getmtime",
            "abspath",
            "realpath",
            "expanduser",
            "relpath",
        ] {
            set(path, name, deny_fs);
        }
    }
    if !interp.caps.environment {
        set(os, "getenv", deny_env);
        if let Some(Obj::Module(m)) = os.as_obj() {
            if let Some(Obj::Dict(d)) = m.dict.as_obj() {
                let empty = Value::obj(Obj::Dict(RefCell::new(Dict::new())));
                let old = d.borrow_mut().set_str("environ", empty);
                drop(old);
            }
        }
    }
}

/// A module object from its attributes. Its dict is watched (changes
/// move the globals epoch), as modules' globals are, so that caches of
/// its attributes can be trusted while the epoch stays.
fn new_module(name: &str, mut dict: Dict) -> Value {
    dict.set_str("__name__", Value::str(name));
    dict.set_str("__doc__", Value::NONE);
    dict.watch();
    Value::obj(Obj::Module(Module {
        name: Rc::from(name),
        dict: Value::obj(Obj::Dict(RefCell::new(dict))),
    }))
}

fn add_fns(d: &mut Dict, fns: &[(&str, NativeFnPtr)]) {
    for (name, f) in fns {
        d.set_str(name, builtin_fn(name, *f));
    }
}

fn module_attr(m: &Value, name: &str) -> Option<Value> {
    match m.as_obj() {
        Some(Obj::Module(m)) => match m.dict.as_obj() {
            Some(Obj::Dict(d)) => d.borrow().get_str(name).cloned(),
            _ => None,
        },
        _ => None,
    }
}

fn str_arg<'a>(interp: &Interp, v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => Err(interp.type_error(format!(
            "{fname}: {what} should be string, bytes or os.PathLike, not {}",
            interp.type_name(v)
        ))),
    }
}

// ---------------------------------------------------------------------------
// math
// ---------------------------------------------------------------------------

fn make_math() -> Value {
    let mut d = Dict::new();
    d.set_str("pi", Value::float(std::f64::consts::PI));
    d.set_str("e", Value::float(std::f64::consts::E));
    d.set_str("tau", Value::float(std::f64::consts::TAU));
    d.set_str("inf", Value::float(f64::INFINITY));
    d.set_str("nan", Value::float(f64::NAN));
    add_fns(
        &mut d,
        &[
            ("sqrt", m_sqrt),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("log", m_log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("pow", m_pow),
            ("sin", m_sin),
            ("cos", m_cos),
            ("tan", m_tan),
            ("asin", m_asin),
            ("acos", m_acos),
            ("atan", m_atan),
            ("sinh", m_sinh),
            ("cosh", m_cosh),
            ("tanh", m_tanh),
            ("asinh", m_asinh),
            ("acosh", m_acosh),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("atan2", m_atan2),
            ("hypot", m_hypot),
            ("dist", m_dist),
            ("degrees", m_degrees),
            ("radians", m_radians),
            ("floor", m_floor),
            ("ceil", m_ceil),
            ("trunc", m_trunc),
            ("fabs", m_fabs),
            ("factorial", m_factorial),
            ("gcd", m_gcd),
            ("lcm", m_lcm),
            ("isqrt", m_isqrt),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isclose", m_isclose),
            ("fsum", m_fsum),
            ("prod", m_prod),
            ("comb", m_comb),
            ("perm", m_perm),
            ("copysign", m_copysign),
            ("fmod", m_fmod),
            ("modf", m_modf),
            ("frexp", m_frexp),
            ("ldexp", m_ldexp),
            ("nextafter", m_nextafter),
            ("ulp", m_ulp),
            ("remainder", m_remainder),
        ],
    );
    new_module("math", d)
}

fn domain_error(interp: &Interp) -> PyErr {
    interp.value_error("math domain error")
}

fn range_error(interp: &Interp) -> PyErr {
    interp.err(ExcType::OverflowError, "math range error")
}

fn one_arg<'a>(interp: &Interp, name: &str, args: &'a [Value], kw: Kw) -> PyResult<&'a Value> {
    no_kwargs(interp, name, kw)?;
    check_arity(interp, name, args, 1, 1)?;
    Ok(&args[0])
}

/// CPython's `math_1`: apply `f`, turning a NaN out of a non-NaN into a
/// domain error and an infinity out of a finite number into a range error
/// (`can_overflow`) or a domain error.
fn math_1(
    interp: &mut Interp,
    name: &str,
    args: &[Value],
    kw: Kw,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one_arg(interp, name, args, kw)?;
    let x = to_f64(interp, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(interp));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(interp)
        } else {
            domain_error(interp)
        });
    }
    Ok(Value::float(r))
}

macro_rules! math_fn {
    ($name:ident, $py:expr, $f:expr, $over:expr) => {
        fn $name(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
            math_1(interp, $py, args, kw, $f, $over)
        }
    };
}

math_fn!(m_sqrt, "sqrt", f64::sqrt, false);

/// Is `f` `math.sqrt` (which the JIT may run as one instruction)?
pub(crate) fn is_math_sqrt(f: NativeFnPtr) -> bool {
    std::ptr::fn_addr_eq(f, m_sqrt as NativeFnPtr)
}
math_fn!(m_exp, "exp", f64::exp, true);
math_fn!(m_exp2, "exp2", f64::exp2, true);
math_fn!(m_expm1, "expm1", f64::exp_m1, true);
math_fn!(m_sin, "sin", f64::sin, false);
math_fn!(m_cos, "cos", f64::cos, false);
math_fn!(m_tan, "tan", f64::tan, false);
math_fn!(m_asin, "asin", f64::asin, false);
math_fn!(m_acos, "acos", f64::acos, false);
math_fn!(m_atan, "atan", f64::atan, false);
math_fn!(m_sinh, "sinh", f64::sinh, true);
math_fn!(m_cosh, "cosh", f64::cosh, true);
math_fn!(m_tanh, "tanh", f64::tanh, false);
math_fn!(m_asinh, "asinh", f64::asinh, false);
math_fn!(m_acosh, "acosh", f64::acosh, false);
math_fn!(m_atanh, "atanh", f64::atanh, false);
math_fn!(m_cbrt, "cbrt", f64::cbrt, false);
math_fn!(m_fabs, "fabs", f64::abs, false);
math_fn!(m_degrees, "degrees", f64::to_degrees, true);
math_fn!(m_radians, "radians", f64::to_radians, false);

/// Natural log, base-2 or base-10 log of any positive number, including
/// ints too large for a float.
fn log_of(interp: &mut Interp, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(Num::B(b)) = num(v) {
        if !b.is_positive() {
            return Err(domain_error(interp));
        }
        if super::ops::bigint_to_f64(b).is_none() {
            let shift = b.bits() - 60;
            let top: BigInt = b >> shift;
            let m = top.to_f64().unwrap_or(1.0);
            // log(m * 2**shift) = log(m) + shift * log(2)
            return Ok(f(m) + shift as f64 * f(2.0));
        }
    }
    let x = to_f64(interp, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(interp));
    }
    Ok(f(x))
}

fn m_log(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "log", kw)?;
    check_arity(interp, "log", args, 1, 2)?;
    let num = log_of(interp, &args[0], f64::ln)?;
    match args.get(1) {
        None => Ok(Value::float(num)),
        Some(b) => {
            let den = log_of(interp, b, f64::ln)?;
            if den == 0.0 {
                return Err(interp.err(ExcType::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::float(num / den))
        }
    }
}

fn m_log2(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "log2", args, kw)?;
    Ok(Value::float(log_of(interp, x, f64::log2)?))
}

fn m_log10(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "log10", args, kw)?;
    Ok(Value::float(log_of(interp, x, f64::log10)?))
}

fn m_log1p(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "log1p", args, kw)?;
    let x = to_f64(interp, x)?;
    if x <= -1.0 {
        return Err(domain_error(interp));
    }
    Ok(Value::float(x.ln_1p()))
}

fn two_floats(interp: &mut Interp, name: &str, args: &[Value], kw: Kw) -> PyResult<(f64, f64)> {
    no_kwargs(interp, name, kw)?;
    check_arity(interp, name, args, 2, 2)?;
    Ok((to_f64(interp, &args[0])?, to_f64(interp, &args[1])?))
}

fn m_pow(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "pow", args, kw)?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() && !r.is_finite() {
        if r.is_nan() || x == 0.0 {
            return Err(domain_error(interp));
        }
        return Err(range_error(interp));
    }
    Ok(Value::float(r))
}

fn m_atan2(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (y, x) = two_floats(interp, "atan2", args, kw)?;
    Ok(Value::float(y.atan2(x)))
}

fn m_copysign(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "copysign", args, kw)?;
    Ok(Value::float(x.copysign(y)))
}

fn m_fmod(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(interp));
    }
    Ok(Value::float(r))
}

fn m_remainder(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "remainder", args, kw)?;
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain_error(interp));
        }
        // CPython's m_remainder: exact, halfway cases to the even multiple.
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Ok(Value::float(1.0f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    if x.is_infinite() {
        return Err(domain_error(interp));
    }
    Ok(Value::float(x))
}

fn m_hypot(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "hypot", kw)?;
    let mut xs = Vec::with_capacity(args.len());
    for a in args {
        xs.push(to_f64(interp, a)?);
    }
    Ok(Value::float(vector_norm(&xs)))
}

fn vector_norm(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    match xs.len() {
        0 => 0.0,
        1 => xs[0].abs(),
        2 => xs[0].hypot(xs[1]),
        _ => {
            let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            if max == 0.0 {
                return 0.0;
            }
            let s: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
            max * s.sqrt()
        }
    }
}

fn m_dist(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "dist", kw)?;
    check_arity(interp, "dist", args, 2, 2)?;
    let p = super::iter::collect(interp, &args[0])?;
    let q = super::iter::collect(interp, &args[1])?;
    if p.len() != q.len() {
        return Err(interp.value_error("both points must have the same number of dimensions"));
    }
    let mut d = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        d.push(to_f64(interp, a)? - to_f64(interp, b)?);
    }
    Ok(Value::float(vector_norm(&d)))
}

fn rounding(
    interp: &mut Interp,
    name: &str,
    args: &[Value],
    kw: Kw,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let x = one_arg(interp, name, args, kw)?;
    if is_int_like(x) {
        return Ok(int_of(x));
    }
    if x.as_float().is_none() {
        if let Some(m) = super::attr::user_special(interp, x, dunder) {
            return interp.call(&m, &[], &[]);
        }
        if dunder == "__trunc__" {
            return Err(interp.type_error(format!(
                "type {} doesn't define __trunc__ method",
                interp.type_name(x)
            )));
        }
    }
    let v = to_f64(interp, x)?;
    float_to_int(interp, f(v))
}

fn m_floor(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    rounding(interp, "floor", args, kw, "__floor__", f64::floor)
}

fn m_ceil(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    rounding(interp, "ceil", args, kw, "__ceil__", f64::ceil)
}

fn m_trunc(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    rounding(interp, "trunc", args, kw, "__trunc__", f64::trunc)
}

fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    let i = index_value(interp, v)?;
    Ok(to_bigint(&i).unwrap_or_default())
}

fn m_factorial(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "factorial", args, kw)?;
    let n = int_arg(interp, x)?;
    if n.is_negative() {
        return Err(interp.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 1_000_000) else {
        return Err(interp.err(
            ExcType::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(Value::bigint(product_range(1, n)))
}

/// The product of `lo..=hi`, split in halves so big products stay balanced.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for i in lo..=hi {
            p *= i;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn m_gcd(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "gcd", kw)?;
    let mut g = BigInt::zero();
    for a in args {
        let n = int_arg(interp, a)?;
        g = g.gcd(&n);
    }
    Ok(Value::bigint(g))
}

fn m_lcm(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "lcm", kw)?;
    let mut l = BigInt::one();
    for a in args {
        let n = int_arg(interp, a)?;
        if n.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&n);
    }
    Ok(Value::bigint(l.abs()))
}

fn m_isqrt(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "isqrt", args, kw)?;
    let n = int_arg(interp, x)?;
    if n.is_negative() {
        return Err(interp.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::bigint(n.sqrt()))
}

fn m_isfinite(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "isfinite", args, kw)?;
    if is_int_like(x) {
        return Ok(Value::TRUE);
    }
    Ok(Value::bool(to_f64(interp, x)?.is_finite()))
}

fn m_isinf(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "isinf", args, kw)?;
    if is_int_like(x) {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(to_f64(interp, x)?.is_infinite()))
}

fn m_isnan(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "isnan", args, kw)?;
    if is_int_like(x) {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(to_f64(interp, x)?.is_nan()))
}

fn m_isclose(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let a = args.first().or_else(|| kwarg(kw, "a")).cloned();
    let b = args.get(1).or_else(|| kwarg(kw, "b")).cloned();
    let (Some(a), Some(b)) = (a, b) else {
        return Err(interp.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let a = to_f64(interp, &a)?;
    let b = to_f64(interp, &b)?;
    let rel = match kwarg(kw, "rel_tol") {
        Some(v) => to_f64(interp, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => to_f64(interp, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(interp.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol,
    ))
}

/// `math.fsum`: Shewchuk's exact summation, as CPython's `math_fsum`.
fn m_fsum(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let it = one_arg(interp, "fsum", args, kw)?;
    let it = interp.iter(it)?;
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = interp.next(&it)? {
        let mut x = to_f64(interp, &v)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(interp.err(ExcType::OverflowError, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(interp.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn m_prod(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "prod", kw, &["start"])?;
    check_arity(interp, "prod", args, 1, 1)?;
    let mut acc = kwarg(kw, "start").cloned().unwrap_or(Value::int(1));
    let it = interp.iter(&args[0])?;
    while let Some(x) = interp.next(&it)? {
        acc = interp.binop(BinOp::Mul, &acc, &x)?;
    }
    Ok(acc)
}

fn comb_perm_args(interp: &mut Interp, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = int_arg(interp, n)?;
    let k = int_arg(interp, k)?;
    if n.is_negative() {
        return Err(interp.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(interp.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "comb", kw)?;
    check_arity(interp, "comb", args, 2, 2)?;
    let (n, k) = comb_perm_args(interp, &args[0], &args[1])?;
    if k > n {
        return Ok(Value::int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return Err(interp.err(
            ExcType::OverflowError,
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(Value::bigint(r))
}

fn m_perm(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "perm", kw)?;
    check_arity(interp, "perm", args, 1, 2)?;
    let k = match args.get(1) {
        Some(k) if !k.is_none() => k.clone(),
        _ => args[0].clone(),
    };
    let (n, k) = comb_perm_args(interp, &args[0], &k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(interp.err(
            ExcType::OverflowError,
            "k must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(Value::bigint(r))
}

fn m_modf(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "modf", args, kw)?;
    let x = to_f64(interp, x)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    };
    Ok(Value::tuple(vec![Value::float(frac), Value::float(int)]))
}

fn m_frexp(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "frexp", args, kw)?;
    let x = to_f64(interp, x)?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::float(x), Value::int(0)]));
    }
    let (mut m, mut e) = (x, 0i64);
    // Normalise subnormals first.
    if m.abs() < f64::MIN_POSITIVE {
        m *= 2f64.powi(54);
        e -= 54;
    }
    let bits = m.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    e += exp - 1022;
    let mbits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    Ok(Value::tuple(vec![
        Value::float(f64::from_bits(mbits)),
        Value::int(e),
    ]))
}

fn m_ldexp(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "ldexp", kw)?;
    check_arity(interp, "ldexp", args, 2, 2)?;
    let x = to_f64(interp, &args[0])?;
    if !is_int_like(&args[1]) {
        return Err(interp.type_error("Expected an int as second argument to ldexp."));
    }
    let e = as_i64(&args[1]).unwrap_or(if to_bigint(&args[1]).is_some_and(|b| b.is_negative()) {
        -100_000
    } else {
        100_000
    });
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = e.clamp(-100_000, 100_000) as i32;
    let mut r = x;
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
        if r == 0.0 || r.is_infinite() {
            break;
        }
    }
    if r.is_infinite() {
        return Err(range_error(interp));
    }
    Ok(Value::float(r))
}

fn m_nextafter(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(interp, "nextafter", args, kw)?;
    Ok(Value::float(next_after(x, y)))
}

fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_ulp(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "ulp", args, kw)?;
    let x = to_f64(interp, x)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let next = next_after(x, f64::INFINITY);
    if next.is_infinite() {
        let prev = next_after(x, 0.0);
        return Ok(Value::float(x - prev));
    }
    Ok(Value::float(next - x))
}

// ---------------------------------------------------------------------------
// sys
// ---------------------------------------------------------------------------

fn make_sys(interp: &mut Interp) -> Value {
    let mut d = Dict::new();
    let argv: Vec<Value> = interp.argv.iter().map(|a| Value::str(a)).collect();
    d.set_str("argv", Value::list(argv));
    d.set_str("stdin", file::std_stream(FileKind::Stdin));
    d.set_str("stdout", file::std_stream(FileKind::Stdout));
    d.set_str("stderr", file::std_stream(FileKind::Stderr));
    d.set_str("__stdout__", module_attr_dict(&d, "stdout"));
    d.set_str("__stderr__", module_attr_dict(&d, "stderr"));
    d.set_str("__stdin__", module_attr_dict(&d, "stdin"));
    d.set_str("version", Value::str("3.11.7 (tern 0.1.0)"));
    d.set_str(
        "version_info",
        Value::tuple(vec![
            Value::int(3),
            Value::int(11),
            Value::int(7),
            Value::str("final"),
            Value::int(0),
        ]),
    );
    d.set_str("hexversion", Value::int(0x030b07f0));
    d.set_str("maxsize", Value::int(i64::MAX));
    d.set_str("platform", Value::str("linux"));
    d.set_str("byteorder", Value::str("little"));
    d.set_str("executable", Value::str(""));
    d.set_str("implementation_name", Value::str("tern"));
    let path: Vec<Value> = interp
        .search_path
        .iter()
        .map(|p| Value::string(p.to_string_lossy().into_owned()))
        .collect();
    d.set_str("path", Value::list(path));
    d.set_str("builtin_module_names", {
        let names = ["builtins", "copy", "gc", "io", "math", "os", "sys", "time"];
        Value::tuple(names.iter().map(|n| Value::str(n)).collect())
    });
    add_fns(
        &mut d,
        &[
            ("exit", sys_exit),
            ("getrefcount", sys_getrefcount),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
            ("intern", sys_intern),
            ("getdefaultencoding", sys_getdefaultencoding),
            ("getsizeof", sys_getsizeof),
        ],
    );
    new_module("sys", d)
}

fn module_attr_dict(d: &Dict, name: &str) -> Value {
    d.get_str(name).cloned().unwrap_or(Value::NONE)
}

fn sys_exit(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "exit", kw)?;
    check_arity(interp, "exit", args, 0, 1)?;
    let cls = interp.exc_type(ExcType::SystemExit).clone();
    Err(PyErr(exceptions::new_exception(
        interp,
        &cls,
        args.to_vec(),
    )))
}

fn sys_getrefcount(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "getrefcount", args, kw)?;
    if !x.is_obj() {
        // Unboxed values stand for CPython's shared immortal-ish objects.
        return Ok(Value::int(1_000_000));
    }
    Ok(Value::int(x.refcount() as i64))
}

fn sys_getrecursionlimit(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "getrecursionlimit", kw)?;
    check_arity(interp, "getrecursionlimit", args, 0, 0)?;
    Ok(Value::int(interp.recursion_limit as i64))
}

fn sys_setrecursionlimit(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "setrecursionlimit", args, kw)?;
    if x.as_float().is_some() {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = index_i64(interp, x)?;
    if n < 1 {
        return Err(interp.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = n.min(i32::MAX as i64) as u32;
    if n <= interp.depth {
        return Err(interp.err(
            ExcType::RecursionError,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                interp.depth
            ),
        ));
    }
    interp.recursion_limit = n;
    Ok(Value::NONE)
}

fn sys_exc_info(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "exc_info", kw)?;
    check_arity(interp, "exc_info", args, 0, 0)?;
    Ok(match interp.handled.last().cloned() {
        Some(e) => Value::tuple(vec![interp.type_of(&e), e, Value::NONE]),
        None => Value::tuple(vec![Value::NONE, Value::NONE, Value::NONE]),
    })
}

fn sys_exception(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "exception", kw)?;
    check_arity(interp, "exception", args, 0, 0)?;
    Ok(interp.handled.last().cloned().unwrap_or(Value::NONE))
}

fn sys_intern(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "intern", args, kw)?;
    if x.as_str().is_none() {
        return Err(interp.type_error(format!(
            "intern() argument must be str, not {}",
            interp.type_name(x)
        )));
    }
    Ok(x.clone())
}

fn sys_getdefaultencoding(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "getdefaultencoding", kw)?;
    check_arity(interp, "getdefaultencoding", args, 0, 0)?;
    Ok(Value::str("utf-8"))
}

fn sys_getsizeof(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "getsizeof", kw)?;
    check_arity(interp, "getsizeof", args, 1, 2)?;
    let v = &args[0];
    let n = match v.as_obj() {
        None => 28,
        Some(Obj::Str(s)) => 49 + s.s.len() as i64,
        Some(Obj::List(l)) => 56 + 8 * l.borrow().len() as i64,
        Some(Obj::Tuple(t)) => 40 + 8 * t.len() as i64,
        Some(Obj::Dict(d)) => 64 + 24 * d.borrow().len() as i64,
        Some(Obj::Int(b)) => 24 + 4 * b.bits().div_ceil(30) as i64,
        Some(_) => 48,
    };
    Ok(Value::int(n))
}

// ---------------------------------------------------------------------------
// gc
// ---------------------------------------------------------------------------

fn make_gc() -> Value {
    let mut d = Dict::new();
    add_fns(
        &mut d,
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_count", gc_get_count),
            ("get_threshold", gc_get_threshold),
            ("set_threshold", gc_set_threshold),
            ("is_tracked", gc_is_tracked),
        ],
    );
    d.set_str("garbage", Value::list(Vec::new()));
    new_module("gc", d)
}

/// Run the cycle collector: finalize the unreachable objects (each
/// `__del__` once), break their references, free them. Returns how many
/// objects were unreachable.
/// What `gc.collect()` runs (see `gc::collect`).
pub fn collect_cycles(interp: &mut Interp) -> usize {
    super::gc::collect(interp)
}

fn gc_collect(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "collect", kw, &["generation"])?;
    check_arity(interp, "collect", args, 0, 1)?;
    if let Some(g) = args.first().or_else(|| kwarg(kw, "generation")) {
        let g = index_i64(interp, g)?;
        if !(0..=2).contains(&g) {
            return Err(interp.value_error("invalid generation"));
        }
    }
    Ok(Value::int(collect_cycles(interp) as i64))
}

fn gc_enable(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "enable", kw)?;
    check_arity(interp, "enable", args, 0, 0)?;
    interp.gc_enabled = true;
    Ok(Value::NONE)
}

fn gc_disable(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "disable", kw)?;
    check_arity(interp, "disable", args, 0, 0)?;
    interp.gc_enabled = false;
    Ok(Value::NONE)
}

fn gc_isenabled(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "isenabled", kw)?;
    check_arity(interp, "isenabled", args, 0, 0)?;
    Ok(Value::bool(interp.gc_enabled))
}

fn gc_get_count(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "get_count", kw)?;
    check_arity(interp, "get_count", args, 0, 0)?;
    Ok(Value::tuple(vec![
        Value::int(0),
        Value::int(0),
        Value::int(0),
    ]))
}

fn gc_get_threshold(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "get_threshold", kw)?;
    check_arity(interp, "get_threshold", args, 0, 0)?;
    Ok(Value::tuple(vec![
        Value::int(700),
        Value::int(10),
        Value::int(10),
    ]))
}

fn gc_set_threshold(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "set_threshold", kw)?;
    check_arity(interp, "set_threshold", args, 1, 3)?;
    Ok(Value::NONE)
}

fn gc_is_tracked(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "is_tracked", args, kw)?;
    // What CPython answers for a new object: it untracks tuples of atomic
    // values only later, in a collection.
    Ok(Value::bool(
        x.as_obj().is_some_and(|o| o.may_hold_references()),
    ))
}

// ---------------------------------------------------------------------------
// time
// ---------------------------------------------------------------------------

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

fn make_time(interp: &mut Interp) -> Value {
    START.with(|_| {});
    let mut d = Dict::new();
    add_fns(
        &mut d,
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("monotonic", t_perf_counter),
            ("monotonic_ns", t_perf_counter_ns),
            ("process_time", t_perf_counter),
            ("process_time_ns", t_perf_counter_ns),
            ("sleep", t_sleep),
            ("gmtime", t_gmtime),
            ("localtime", t_gmtime),
            ("strftime", t_strftime),
            ("asctime", t_asctime),
            ("ctime", t_ctime),
            ("mktime", t_mktime),
        ],
    );
    d.set_str("timezone", Value::int(0));
    d.set_str("altzone", Value::int(0));
    d.set_str("daylight", Value::int(0));
    d.set_str(
        "tzname",
        Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]),
    );
    let mut cd = Dict::new();
    for (name, f) in [
        ("__getitem__", st_getitem as NativeFnPtr),
        ("__len__", st_len),
        ("__iter__", st_iter),
        ("__repr__", st_repr),
    ] {
        cd.set_str(name, super::interp::native(name, f));
    }
    let name: Name = Rc::from("struct_time");
    if let Ok(cls) = interp.new_class(name.clone(), name, vec![], cd, Value::str("time")) {
        d.set_str("struct_time", cls);
    }
    new_module("time", d)
}

const TM_FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The nine struct_time fields of a UTC timestamp.
fn broken_down(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3)
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [
        y,
        m,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday,
        0,
    ]
}

fn make_struct_time(interp: &mut Interp, f: [i64; 9]) -> PyResult<Value> {
    let Some(cls) = builtin_module(interp, "time").and_then(|m| module_attr(&m, "struct_time"))
    else {
        return Ok(Value::tuple(f.iter().map(|x| Value::int(*x)).collect()));
    };
    let obj = interp.new_instance(&cls, super::object::Layout::Object, &[]);
    if let Some(Obj::Instance(inst)) = obj.as_obj() {
        let mut d = inst.dict.borrow_mut();
        for (name, v) in TM_FIELDS.iter().zip(f) {
            d.set_str(name, Value::int(v));
        }
        d.set_str("tm_zone", Value::str("UTC"));
        d.set_str("tm_gmtoff", Value::int(0));
    }
    Ok(obj)
}

/// The nine fields of a struct_time or a 9-tuple.
fn struct_fields(interp: &mut Interp, v: &Value) -> PyResult<[i64; 9]> {
    let mut out = [0i64; 9];
    if let Some(Obj::Instance(inst)) = v.as_obj() {
        let d = inst.dict.borrow();
        for (i, name) in TM_FIELDS.iter().enumerate() {
            out[i] = d.get_str(name).and_then(as_i64).unwrap_or(0);
        }
        return Ok(out);
    }
    let items = match v.as_obj() {
        Some(Obj::Tuple(_)) | Some(Obj::List(_)) => super::iter::collect(interp, v)?,
        _ => {
            return Err(interp.type_error(format!(
                "Tuple or struct_time argument required, not {}",
                interp.type_name(v)
            )))
        }
    };
    if items.len() != 9 {
        return Err(interp.type_error(format!(
            "time.struct_time() takes a sequence of length 9 ({} given)",
            items.len()
        )));
    }
    for (i, x) in items.iter().enumerate() {
        out[i] = index_i64(interp, x)?;
    }
    Ok(out)
}

fn st_tuple(interp: &mut Interp, v: &Value) -> PyResult<Value> {
    let f = struct_fields(interp, v)?;
    Ok(Value::tuple(f.iter().map(|x| Value::int(*x)).collect()))
}

fn st_getitem(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_arity(interp, "__getitem__", args, 2, 2)?;
    let t = st_tuple(interp, &args[0])?;
    interp.getitem(&t, &args[1])
}

fn st_len(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_arity(interp, "__len__", args, 1, 1)?;
    Ok(Value::int(9))
}

fn st_iter(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_arity(interp, "__iter__", args, 1, 1)?;
    let t = st_tuple(interp, &args[0])?;
    interp.iter(&t)
}

fn st_repr(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_arity(interp, "__repr__", args, 1, 1)?;
    let f = struct_fields(interp, &args[0])?;
    let parts: Vec<String> = TM_FIELDS
        .iter()
        .zip(f)
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    Ok(Value::string(format!(
        "time.struct_time({})",
        parts.join(", ")
    )))
}

fn secs_arg(interp: &mut Interp, args: &[Value]) -> PyResult<i64> {
    match args.first() {
        Some(v) if !v.is_none() => {
            let f = to_f64(interp, v)?;
            if !f.is_finite() {
                return Err(interp.err(
                    ExcType::OverflowError,
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(f.floor() as i64)
        }
        _ => Ok(since_epoch().as_secs() as i64),
    }
}

/// `gmtime([secs])`; `localtime` is the same (times are UTC).
fn t_gmtime(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "gmtime", kw)?;
    check_arity(interp, "gmtime", args, 0, 1)?;
    let secs = secs_arg(interp, args)?;
    make_struct_time(interp, broken_down(secs))
}

fn t_mktime(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "mktime", kw)?;
    check_arity(interp, "mktime", args, 1, 1)?;
    let f = struct_fields(interp, &args[0])?;
    let days = days_from_civil(f[0], f[1], f[2]);
    Ok(Value::float(
        (days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]) as f64,
    ))
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// C's `strftime` in the C locale for the common directives.
fn strftime(fmt: &str, f: &[i64; 9]) -> String {
    let day = DAYS[f[6].rem_euclid(7) as usize];
    let month = MONTHS[(f[1] - 1).clamp(0, 11) as usize];
    let hour12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match d {
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'c' => format!(
                "{} {} {:2} {:02}:{:02}:{:02} {}",
                &day[..3],
                &month[..3],
                f[2],
                f[3],
                f[4],
                f[5],
                f[0]
            ),
            'd' => format!("{:02}", f[2]),
            'e' => format!("{:2}", f[2]),
            'D' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", f[0], f[1], f[2]),
            'H' => format!("{:02}", f[3]),
            'I' => format!("{hour12:02}"),
            'j' => format!("{:03}", f[7]),
            'm' => format!("{:02}", f[1]),
            'M' => format!("{:02}", f[4]),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            'p' => if f[3] < 12 { "AM" } else { "PM" }.to_string(),
            'S' => format!("{:02}", f[5]),
            'T' => format!("{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            'R' => format!("{:02}:{:02}", f[3], f[4]),
            'u' => format!("{}", f[6] + 1),
            'w' => format!("{}", (f[6] + 1) % 7),
            'x' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'X' => format!("{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            'y' => format!("{:02}", f[0].rem_euclid(100)),
            'Y' => format!("{}", f[0]),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn t_strftime(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "strftime", kw)?;
    check_arity(interp, "strftime", args, 1, 2)?;
    let Some(fmt) = args[0].as_str() else {
        return Err(interp.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            interp.type_name(&args[0])
        )));
    };
    let fmt = fmt.to_string();
    let f = match args.get(1) {
        Some(t) => struct_fields(interp, t)?,
        None => broken_down(since_epoch().as_secs() as i64),
    };
    if !(1..=12).contains(&f[1]) {
        return Err(interp.value_error("month out of range"));
    }
    Ok(Value::string(strftime(&fmt, &f)))
}

fn t_asctime(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "asctime", kw)?;
    check_arity(interp, "asctime", args, 0, 1)?;
    let f = match args.first() {
        Some(t) => struct_fields(interp, t)?,
        None => broken_down(since_epoch().as_secs() as i64),
    };
    Ok(Value::string(strftime("%c", &f)))
}

fn t_ctime(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "ctime", kw)?;
    check_arity(interp, "ctime", args, 0, 1)?;
    let secs = secs_arg(interp, args)?;
    Ok(Value::string(strftime("%c", &broken_down(secs))))
}

fn since_epoch() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

fn elapsed() -> std::time::Duration {
    START.with(|s| s.elapsed())
}

fn t_time(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "time", kw)?;
    check_arity(interp, "time", args, 0, 0)?;
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn t_time_ns(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "time_ns", kw)?;
    check_arity(interp, "time_ns", args, 0, 0)?;
    Ok(Value::bigint(BigInt::from(since_epoch().as_nanos())))
}

fn t_perf_counter(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "perf_counter", kw)?;
    check_arity(interp, "perf_counter", args, 0, 0)?;
    Ok(Value::float(elapsed().as_secs_f64()))
}

fn t_perf_counter_ns(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "perf_counter_ns", kw)?;
    check_arity(interp, "perf_counter_ns", args, 0, 0)?;
    Ok(Value::bigint(BigInt::from(elapsed().as_nanos())))
}

fn t_sleep(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "sleep", args, kw)?;
    let secs = match num(x) {
        Some(_) => int_to_f64(interp, x)?,
        None => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(x)
            )))
        }
    };
    if secs.is_nan() {
        return Err(interp.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(interp.value_error("sleep length must be non-negative"));
    }
    interp.flush_output();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------
// os and os.path
// ---------------------------------------------------------------------------

fn make_os() -> (Value, Value) {
    let mut p = Dict::new();
    add_fns(
        &mut p,
        &[
            ("exists", p_exists),
            ("isfile", p_isfile),
            ("isdir", p_isdir),
            ("islink", p_islink),
            ("getsize", p_getsize),
            ("getmtime", p_getmtime),
            ("join", p_join),
            ("basename", p_basename),
            ("dirname", p_dirname),
            ("split", p_split),
            ("splitext", p_splitext),
            ("abspath", p_abspath),
            ("realpath", p_realpath),
            ("normpath", p_normpath),
            ("isabs", p_isabs),
            ("expanduser", p_expanduser),
            ("relpath", p_relpath),
        ],
    );
    p.set_str("sep", Value::str("/"));
    let path = new_module("posixpath", p);
    let mut d = Dict::new();
    add_fns(
        &mut d,
        &[
            ("getcwd", os_getcwd),
            ("chdir", os_chdir),
            ("listdir", os_listdir),
            ("remove", os_remove),
            ("unlink", os_remove),
            ("rename", os_rename),
            ("replace", os_rename),
            ("mkdir", os_mkdir),
            ("makedirs", os_makedirs),
            ("rmdir", os_rmdir),
            ("getpid", os_getpid),
            ("getenv", os_getenv),
            ("walk", os_walk),
            ("cpu_count", os_cpu_count),
        ],
    );
    let mut env = Dict::new();
    let mut pairs: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    pairs.sort();
    for (k, v) in pairs {
        env.set_str(&k, Value::string(v));
    }
    d.set_str("environ", Value::obj(Obj::Dict(RefCell::new(env))));
    d.set_str("sep", Value::str("/"));
    d.set_str("altsep", Value::NONE);
    d.set_str("extsep", Value::str("."));
    d.set_str("pathsep", Value::str(":"));
    d.set_str("linesep", Value::str("\n"));
    d.set_str("curdir", Value::str("."));
    d.set_str("pardir", Value::str(".."));
    d.set_str("devnull", Value::str("/dev/null"));
    d.set_str("name", Value::str("posix"));
    d.set_str("path", path.clone());
    (new_module("os", d), path)
}

fn path_arg<'a>(interp: &Interp, fname: &str, v: &'a Value) -> PyResult<&'a str> {
    str_arg(interp, v, fname, "path")
}

fn one_path<'a>(interp: &Interp, fname: &str, args: &'a [Value], kw: Kw) -> PyResult<&'a str> {
    no_kwargs(interp, fname, kw)?;
    check_arity(interp, fname, args, 1, 1)?;
    path_arg(interp, fname, &args[0])
}

fn p_exists(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "exists", args, kw)?;
    Ok(Value::bool(std::fs::metadata(p).is_ok()))
}

fn p_isfile(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "isfile", args, kw)?;
    Ok(Value::bool(std::fs::metadata(p).is_ok_and(|m| m.is_file())))
}

fn p_isdir(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "isdir", args, kw)?;
    Ok(Value::bool(std::fs::metadata(p).is_ok_and(|m| m.is_dir())))
}

fn p_islink(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "islink", args, kw)?;
    Ok(Value::bool(
        std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()),
    ))
}

fn p_getsize(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "getsize", args, kw)?;
    match std::fs::metadata(p) {
        Ok(m) => Ok(Value::int(m.len() as i64)),
        Err(e) => Err(file::os_error(interp, &e, Some(p), None)),
    }
}

fn p_getmtime(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "getmtime", args, kw)?;
    match std::fs::metadata(p).and_then(|m| m.modified()) {
        Ok(t) => Ok(Value::float(
            t.duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs_f64())
                .unwrap_or(0.0),
        )),
        Err(e) => Err(file::os_error(interp, &e, Some(p), None)),
    }
}

/// `posixpath.join`.
pub fn path_join(parts: &[&str]) -> String {
    let mut path = parts.first().map(|s| s.to_string()).unwrap_or_default();
    for b in &parts[1..] {
        if b.starts_with('/') {
            path = b.to_string();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

fn p_join(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "join", kw)?;
    if args.is_empty() {
        return Err(interp.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut parts = Vec::with_capacity(args.len());
    for a in args {
        match a.as_str() {
            Some(s) => parts.push(s),
            None => {
                return Err(interp.type_error(format!(
                    "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                    interp.type_name(a)
                )))
            }
        }
    }
    Ok(Value::string(path_join(&parts)))
}

/// `posixpath.split`: (head, tail) with trailing slashes of head removed.
pub fn path_split(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') {
        head.trim_end_matches('/')
    } else {
        head
    };
    (head.to_string(), tail.to_string())
}

fn p_basename(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "basename", args, kw)?;
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    Ok(Value::str(&p[i..]))
}

fn p_dirname(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "dirname", args, kw)?;
    Ok(Value::string(path_split(p).0))
}

fn p_split(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "split", args, kw)?;
    let (h, t) = path_split(p);
    Ok(Value::tuple(vec![Value::string(h), Value::string(t)]))
}

/// `genericpath._splitext` for '/' and '.'.
pub fn path_splitext(p: &str) -> (String, String) {
    let sep = p.rfind('/');
    if let Some(dot) = p.rfind('.') {
        if sep.is_none_or(|s| dot > s) {
            let start = sep.map(|s| s + 1).unwrap_or(0);
            if p[start..dot].chars().any(|c| c != '.') {
                return (p[..dot].to_string(), p[dot..].to_string());
            }
        }
    }
    (p.to_string(), String::new())
}

fn p_splitext(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "splitext", args, kw)?;
    let (a, b) = path_splitext(p);
    Ok(Value::tuple(vec![Value::string(a), Value::string(b)]))
}

/// `posixpath.normpath`.
pub fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = "/".repeat(initial);
    out.push_str(&comps.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn cwd(interp: &Interp) -> PyResult<String> {
    match std::env::current_dir() {
        Ok(p) => Ok(p.to_string_lossy().into_owned()),
        Err(e) => Err(file::os_error(interp, &e, None, None)),
    }
}

fn abspath(interp: &Interp, p: &str) -> PyResult<String> {
    if p.starts_with('/') {
        Ok(normpath(p))
    } else {
        Ok(normpath(&path_join(&[&cwd(interp)?, p])))
    }
}

fn p_abspath(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "abspath", args, kw)?;
    Ok(Value::string(abspath(interp, p)?))
}

fn p_realpath(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "realpath", args, kw)?;
    match std::fs::canonicalize(p) {
        Ok(r) => Ok(Value::string(r.to_string_lossy().into_owned())),
        Err(_) => Ok(Value::string(abspath(interp, p)?)),
    }
}

fn p_normpath(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "normpath", args, kw)?;
    Ok(Value::string(normpath(p)))
}

fn p_isabs(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "isabs", args, kw)?;
    Ok(Value::bool(p.starts_with('/')))
}

fn p_expanduser(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "expanduser", args, kw)?;
    if p == "~" || p.starts_with("~/") {
        if let Ok(home) = std::env::var("HOME") {
            let home = home.trim_end_matches('/');
            let home = if home.is_empty() { "/" } else { home };
            return Ok(Value::string(format!("{home}{}", &p[1..])));
        }
    }
    Ok(Value::str(p))
}

fn p_relpath(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "relpath", kw, &["start"])?;
    check_arity(interp, "relpath", args, 1, 2)?;
    let p = path_arg(interp, "relpath", &args[0])?;
    if p.is_empty() {
        return Err(interp.value_error("no path specified"));
    }
    let start = match args.get(1).or_else(|| kwarg(kw, "start")) {
        Some(s) if !s.is_none() => path_arg(interp, "relpath", s)?.to_string(),
        _ => ".".to_string(),
    };
    let a = abspath(interp, &start)?;
    let b = abspath(interp, p)?;
    let sl: Vec<&str> = a.split('/').filter(|x| !x.is_empty()).collect();
    let pl: Vec<&str> = b.split('/').filter(|x| !x.is_empty()).collect();
    let common = sl.iter().zip(&pl).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = vec![".."; sl.len() - common];
    parts.extend(&pl[common..]);
    if parts.is_empty() {
        return Ok(Value::str("."));
    }
    Ok(Value::string(parts.join("/")))
}

fn os_getcwd(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "getcwd", kw)?;
    check_arity(interp, "getcwd", args, 0, 0)?;
    Ok(Value::string(cwd(interp)?))
}

fn os_chdir(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "chdir", args, kw)?;
    match std::env::set_current_dir(p) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(file::os_error(interp, &e, Some(p), None)),
    }
}

fn os_listdir(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "listdir", kw, &["path"])?;
    check_arity(interp, "listdir", args, 0, 1)?;
    let p = match args.first().or_else(|| kwarg(kw, "path")) {
        Some(v) if !v.is_none() => path_arg(interp, "listdir", v)?.to_string(),
        _ => ".".to_string(),
    };
    let rd = match std::fs::read_dir(&p) {
        Ok(rd) => rd,
        Err(e) => return Err(file::os_error(interp, &e, Some(&p), None)),
    };
    let mut out = Vec::new();
    for entry in rd {
        match entry {
            Ok(e) => out.push(Value::string(e.file_name().to_string_lossy().into_owned())),
            Err(e) => return Err(file::os_error(interp, &e, Some(&p), None)),
        }
    }
    Ok(Value::list(out))
}

fn os_remove(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "remove", args, kw)?;
    match std::fs::remove_file(p) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(file::os_error(interp, &e, Some(p), None)),
    }
}

fn os_rename(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "rename", kw)?;
    check_arity(interp, "rename", args, 2, 2)?;
    let a = path_arg(interp, "rename", &args[0])?;
    let b = path_arg(interp, "rename", &args[1])?;
    match std::fs::rename(a, b) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(file::os_error(interp, &e, Some(a), Some(b))),
    }
}

fn os_mkdir(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "mkdir", kw, &["path", "mode"])?;
    check_arity(interp, "mkdir", args, 1, 2)?;
    let p = path_arg(interp, "mkdir", &args[0])?;
    match std::fs::create_dir(p) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(file::os_error(interp, &e, Some(p), None)),
    }
}

fn makedirs(interp: &mut Interp, name: &str, exist_ok: bool) -> PyResult<()> {
    let (mut head, mut tail) = path_split(name);
    if tail.is_empty() {
        let (h, t) = path_split(&head);
        head = h;
        tail = t;
    }
    if !head.is_empty() && !tail.is_empty() && std::fs::metadata(&head).is_err() {
        match makedirs(interp, &head, exist_ok) {
            Ok(()) => {}
            Err(e) if exceptions::is_instance_of(interp, &e.0, ExcType::FileExistsError) => {}
            Err(e) => return Err(e),
        }
        if tail == "." {
            return Ok(());
        }
    }
    match std::fs::create_dir(name) {
        Ok(()) => Ok(()),
        Err(e) => {
            if !exist_ok || !std::fs::metadata(name).is_ok_and(|m| m.is_dir()) {
                return Err(file::os_error(interp, &e, Some(name), None));
            }
            Ok(())
        }
    }
}

fn os_makedirs(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "makedirs", kw, &["name", "mode", "exist_ok"])?;
    check_arity(interp, "makedirs", args, 1, 3)?;
    let p = path_arg(interp, "makedirs", &args[0])?.to_string();
    let exist_ok = match args.get(2).or_else(|| kwarg(kw, "exist_ok")) {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    makedirs(interp, &p, exist_ok)?;
    Ok(Value::NONE)
}

fn os_rmdir(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = one_path(interp, "rmdir", args, kw)?;
    match std::fs::remove_dir(p) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(file::os_error(interp, &e, Some(p), None)),
    }
}

fn os_getpid(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "getpid", kw)?;
    check_arity(interp, "getpid", args, 0, 0)?;
    Ok(Value::int(std::process::id() as i64))
}

fn os_cpu_count(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "cpu_count", kw)?;
    check_arity(interp, "cpu_count", args, 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::int(n.get() as i64),
        Err(_) => Value::NONE,
    })
}

fn os_getenv(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "getenv", kw, &["key", "default"])?;
    check_arity(interp, "getenv", args, 0, 2)?;
    let Some(key) = args.first().or_else(|| kwarg(kw, "key")).cloned() else {
        return Err(interp.type_error("getenv() missing 1 required positional argument: 'key'"));
    };
    if key.as_str().is_none() {
        return Err(interp.type_error(format!("str expected, not {}", interp.type_name(&key))));
    }
    let default = args
        .get(1)
        .or_else(|| kwarg(kw, "default"))
        .cloned()
        .unwrap_or(Value::NONE);
    let env = builtin_module(interp, "os").and_then(|m| module_attr(&m, "environ"));
    if let Some(env) = env {
        if matches!(env.as_obj(), Some(Obj::Dict(_))) {
            if let Some(v) = super::hash::dict_get(interp, &env, &key)? {
                return Ok(v);
            }
            return Ok(default);
        }
        return match interp.getitem(&env, &key) {
            Ok(v) => Ok(v),
            Err(_) => Ok(default),
        };
    }
    Ok(default)
}

/// `os.walk(top)`: the (dirpath, dirnames, filenames) triples, top-down,
/// computed eagerly.
fn os_walk(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "walk", kw, &["top", "topdown"])?;
    check_arity(interp, "walk", args, 1, 2)?;
    let top = path_arg(interp, "walk", &args[0])?.to_string();
    let topdown = match args.get(1).or_else(|| kwarg(kw, "topdown")) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let mut out = Vec::new();
    walk(&top, topdown, &mut out);
    Ok(super::iter::new_iter(super::object::IterState::Seq {
        seq: Value::list(out),
        index: 0,
    }))
}

fn walk(top: &str, topdown: bool, out: &mut Vec<Value>) {
    let Ok(rd) = std::fs::read_dir(top) else {
        return;
    };
    let (mut dirs, mut files) = (Vec::new(), Vec::new());
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            dirs.push(name);
        } else {
            files.push(name);
        }
    }
    let entry = Value::tuple(vec![
        Value::str(top),
        Value::list(dirs.iter().map(|d| Value::str(d)).collect()),
        Value::list(files.into_iter().map(Value::string).collect()),
    ]);
    if topdown {
        out.push(entry.clone());
    }
    for d in &dirs {
        walk(&path_join(&[top, d]), topdown, out);
    }
    if !topdown {
        out.push(entry);
    }
}

// ---------------------------------------------------------------------------
// io
// ---------------------------------------------------------------------------

fn make_io(interp: &mut Interp) -> Value {
    let mut d = Dict::new();
    d.set_str(
        "UnsupportedOperation",
        file::make_unsupported_operation(interp),
    );
    d.set_str("TextIOWrapper", interp.types.file.clone());
    d.set_str("open", builtin_fn("open", file::open));
    new_module("io", d)
}

// ---------------------------------------------------------------------------
// copy
// ---------------------------------------------------------------------------

fn make_copy() -> Value {
    let mut d = Dict::new();
    add_fns(&mut d, &[("copy", c_copy), ("deepcopy", c_deepcopy)]);
    new_module("copy", d)
}

fn new_instance_like(
    interp: &mut Interp,
    v: &Value,
    dict: Dict,
    args: Option<Vec<Value>>,
) -> Value {
    let Some(Obj::Instance(inst)) = v.as_obj() else {
        return v.clone();
    };
    let new = match args {
        Some(a) => exceptions::new_exception(interp, &inst.class, a),
        None => Value::obj(Obj::Instance(Instance {
            class: inst.class.clone(),
            dict: RefCell::new(Dict::new()),
            exc: None,
            finalized: Cell::new(false),
        })),
    };
    if let Some(Obj::Instance(n)) = new.as_obj() {
        *n.dict.borrow_mut() = dict;
    }
    new
}

fn instance_dict_items(v: &Value) -> Vec<(String, Value)> {
    match v.as_obj() {
        Some(Obj::Instance(inst)) => inst
            .dict
            .borrow()
            .iter()
            .filter_map(|(k, v)| k.as_str().map(|s| (s.to_string(), v.clone())))
            .collect(),
        _ => Vec::new(),
    }
}

fn c_copy(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let x = one_arg(interp, "copy", args, kw)?;
    Ok(match x.as_obj() {
        Some(Obj::List(l)) => Value::list(l.borrow().clone()),
        Some(Obj::Dict(_)) => super::hash::dict_copy(x),
        Some(Obj::Set(s)) => Value::obj(Obj::Set(RefCell::new(s.borrow().clone()))),
        Some(Obj::Instance(inst)) => {
            if let Some(m) = super::attr::lookup_special(interp, x, "__copy__") {
                return interp.call(&m, &[], &[]);
            }
            let mut d = Dict::new();
            for (k, v) in instance_dict_items(x) {
                d.set_str(&k, v);
            }
            let args = inst.exc.as_ref().map(|_| exceptions::exc_args(x));
            new_instance_like(interp, x, d, args)
        }
        _ => x.clone(),
    })
}

fn c_deepcopy(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "deepcopy", kw, &["memo"])?;
    check_arity(interp, "deepcopy", args, 1, 2)?;
    let memo = match args.get(1).or_else(|| kwarg(kw, "memo")) {
        Some(m) if matches!(m.as_obj(), Some(Obj::Dict(_))) => m.clone(),
        _ => super::hash::new_dict(),
    };
    let mut seen: HashMap<usize, Value> = HashMap::new();
    deepcopy(interp, &args[0], &memo, &mut seen)
}

fn deepcopy(
    interp: &mut Interp,
    x: &Value,
    memo: &Value,
    seen: &mut HashMap<usize, Value>,
) -> PyResult<Value> {
    let Some(o) = x.as_obj() else {
        return Ok(x.clone());
    };
    let key = (x.bits() & 0xffff_ffff_ffff) as usize;
    if let Some(v) = seen.get(&key) {
        return Ok(v.clone());
    }
    let id = Value::int(key as i64);
    if let Some(v) = super::hash::dict_get(interp, memo, &id)? {
        return Ok(v);
    }
    let remember =
        |interp: &mut Interp, seen: &mut HashMap<usize, Value>, y: &Value| -> PyResult<()> {
            seen.insert(key, y.clone());
            super::hash::dict_set(interp, memo, id.clone(), y.clone())
        };
    let y = match o {
        Obj::List(l) => {
            let y = Value::list(Vec::new());
            remember(interp, seen, &y)?;
            let items = l.borrow().clone();
            for item in items {
                let c = deepcopy(interp, &item, memo, seen)?;
                if let Some(Obj::List(yl)) = y.as_obj() {
                    yl.borrow_mut().push(c);
                }
            }
            return Ok(y);
        }
        Obj::Tuple(t) => {
            let items = t.to_vec();
            let mut out = Vec::with_capacity(items.len());
            let mut same = true;
            for item in &items {
                let c = deepcopy(interp, item, memo, seen)?;
                same &= c.is(item);
                out.push(c);
            }
            if let Some(v) = seen.get(&key) {
                return Ok(v.clone());
            }
            if same {
                x.clone()
            } else {
                Value::tuple(out)
            }
        }
        Obj::Dict(d) => {
            let y = super::hash::new_dict();
            remember(interp, seen, &y)?;
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let k2 = deepcopy(interp, &k, memo, seen)?;
                let v2 = deepcopy(interp, &v, memo, seen)?;
                super::hash::dict_set(interp, &y, k2, v2)?;
            }
            return Ok(y);
        }
        Obj::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().cloned().collect();
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(deepcopy(interp, item, memo, seen)?);
            }
            let s = super::hash::build_set(interp, out)?;
            Value::obj(Obj::Set(RefCell::new(s)))
        }
        Obj::FrozenSet(s) => {
            let items: Vec<Value> = s.iter().cloned().collect();
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(deepcopy(interp, item, memo, seen)?);
            }
            let s = super::hash::build_set(interp, out)?;
            Value::obj(Obj::FrozenSet(s))
        }
        Obj::Instance(inst) => {
            if let Some(m) = super::attr::lookup_special(interp, x, "__deepcopy__") {
                let y = interp.call(&m, std::slice::from_ref(memo), &[])?;
                remember(interp, seen, &y)?;
                return Ok(y);
            }
            let exc_args = inst.exc.as_ref().map(|_| exceptions::exc_args(x));
            let args = match exc_args {
                Some(a) => {
                    let mut out = Vec::with_capacity(a.len());
                    for v in &a {
                        out.push(deepcopy(interp, v, memo, seen)?);
                    }
                    Some(out)
                }
                None => None,
            };
            let y = new_instance_like(interp, x, Dict::new(), args);
            remember(interp, seen, &y)?;
            for (k, v) in instance_dict_items(x) {
                let c = deepcopy(interp, &v, memo, seen)?;
                if let Some(Obj::Instance(n)) = y.as_obj() {
                    let old = n.dict.borrow_mut().set_str(&k, c);
                    drop(old);
                }
            }
            return Ok(y);
        }
        _ => x.clone(),
    };
    remember(interp, seen, &y)?;
    Ok(y)
}
