//! The built-in functions (`print`, `len`, `sorted`, …) and the type
//! constructors (`int(x)`, `list(it)`, `range(…)`, …, registered as
//! `__new__` natives on the built-in classes), with CPython's errors.

use super::call::{check_arity, kwarg, no_kwargs, only_kwargs};
use super::dict::Dict;
use super::exceptions::{self, ExcType};
use super::file::{self, FileKind};
use super::format;
use super::interp::{add_method, set_class_attr, Interp};
use super::iter::new_iter;
use super::methods::fmt_err;
use super::object::{IterState, Layout, NativeFn, NativeFnPtr, Obj, Range};
use super::ops::{as_i64, int_of, is_int_like, num, to_bigint, Num};
use super::value::Value;
use super::{PyErr, PyResult};
use crate::syntax::ast::{BinOp, CmpOp, Name};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, Zero};
use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::rc::Rc;

type Kw<'a> = &'a [(Name, Value)];

/// A native function that does not bind `self` when stored on a class
/// (built-in functions behave like CPython's `builtin_function_or_method`).
pub fn builtin_fn(name: &str, func: NativeFnPtr) -> Value {
    Value::obj(Obj::Native(NativeFn {
        name: Rc::from(name),
        func,
        binds_self: false,
    }))
}

pub fn install(interp: &mut Interp) {
    let funcs: &[(&str, NativeFnPtr)] = &[
        ("print", print),
        ("input", input),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hash", hash),
        ("id", id),
        ("iter", iter),
        ("next", next),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("format", format_builtin),
        ("callable", callable),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("vars", vars),
        ("dir", dir),
        ("open", file::open),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in funcs {
        interp.set_builtin(name, builtin_fn(name, *f));
    }
    let t = &interp.types;
    let ctors: Vec<(Value, NativeFnPtr)> = vec![
        (t.int.clone(), int_new),
        (t.float.clone(), float_new),
        (t.str_.clone(), str_new),
        (t.bool_.clone(), bool_new),
        (t.list.clone(), list_new),
        (t.tuple.clone(), tuple_new),
        (t.dict.clone(), dict_new),
        (t.set.clone(), set_new),
        (t.frozenset.clone(), frozenset_new),
        (t.range.clone(), range_new),
        (t.slice.clone(), slice_new),
        (t.object.clone(), object_new),
        (t.type_.clone(), type_new),
        (t.property.clone(), property_new),
        (t.staticmethod.clone(), staticmethod_new),
        (t.classmethod.clone(), classmethod_new),
    ];
    for (cls, f) in ctors {
        set_class_attr(&cls, "__new__", builtin_fn("__new__", f));
        if let Some(Obj::Class(c)) = cls.as_obj() {
            c.native_new.set(Some(f));
        }
        let name = super::attr::class_name(&cls);
        interp.set_builtin(&name, cls);
    }
    let object = interp.types.object.clone();
    add_method(&object, "__init__", object_init);
    add_method(&object, "__repr__", object_repr);
    add_method(&object, "__str__", object_str);
    let prop = interp.types.property.clone();
    add_method(&prop, "getter", property_getter);
    add_method(&prop, "setter", property_setter);
    add_method(&prop, "deleter", property_deleter);
    interp.set_builtin("NotImplemented", Value::NOT_IMPLEMENTED);
    interp.set_builtin("Ellipsis", Value::ELLIPSIS);
    file::install(interp);
}

// ---------------------------------------------------------------------------
// Argument helpers
// ---------------------------------------------------------------------------

/// Positional argument `i`, or the keyword `name`.
fn arg<'a>(args: &'a [Value], kw: Kw<'a>, i: usize, name: &str) -> Option<&'a Value> {
    args.get(i).or_else(|| kwarg(kw, name))
}

/// An integer argument: an int, a bool, or an object with `__index__`.
pub fn index_value(interp: &mut Interp, v: &Value) -> PyResult<Value> {
    if is_int_like(v) {
        return Ok(int_of(v));
    }
    if let Some(m) = super::attr::user_special(interp, v, "__index__") {
        let r = interp.call(&m, &[], &[])?;
        if is_int_like(&r) {
            return Ok(int_of(&r));
        }
        return Err(interp.type_error(format!(
            "__index__ returned non-int (type {})",
            interp.type_name(&r)
        )));
    }
    Err(interp.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        interp.type_name(v)
    )))
}

/// An integer argument that must fit a machine word.
pub fn index_i64(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    let i = index_value(interp, v)?;
    match as_i64(&i) {
        Some(n) => Ok(n),
        None => Err(interp.err(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `int(f)` for a float: truncation, with CPython's errors for inf/nan.
pub fn float_to_int(interp: &Interp, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(interp.err(
            ExcType::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        Ok(Value::int(t as i64))
    } else {
        Ok(Value::bigint(BigInt::from_f64(t).unwrap_or_default()))
    }
}

/// An int as a float, or `OverflowError: int too large to convert to float`.
pub fn int_to_f64(interp: &Interp, v: &Value) -> PyResult<f64> {
    match num(v) {
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::F(f)) => Ok(f),
        Some(Num::B(b)) => match super::ops::bigint_to_f64(b) {
            Some(f) => Ok(f),
            None => Err(interp.err(ExcType::OverflowError, "int too large to convert to float")),
        },
        None => Err(interp.type_error("not a number")),
    }
}

/// A real-number argument as f64 (ints, floats, `__float__`, `__index__`).
pub fn to_f64(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    if num(v).is_some() {
        return int_to_f64(interp, v);
    }
    if let Some(m) = super::attr::user_special(interp, v, "__float__") {
        let r = interp.call(&m, &[], &[])?;
        return match r.as_float() {
            Some(f) => Ok(f),
            None => Err(interp.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                interp.type_name(v),
                interp.type_name(&r)
            ))),
        };
    }
    if super::attr::user_special(interp, v, "__index__").is_some() {
        let i = index_value(interp, v)?;
        return int_to_f64(interp, &i);
    }
    Err(interp.type_error(format!("must be real number, not {}", interp.type_name(v))))
}

fn str_arg<'a>(interp: &Interp, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => Err(interp.type_error(format!("{what} must be str, not {}", interp.type_name(v)))),
    }
}

// ---------------------------------------------------------------------------
// I/O
// ---------------------------------------------------------------------------

/// Where `print` writes when no `file` is given: `sys.stdout` if the
/// program replaced it, else the interpreter's stdout.
fn current_stdout(interp: &Interp) -> Option<Value> {
    let sys = interp.modules.get("sys")?;
    let Some(Obj::Module(m)) = sys.as_obj() else {
        return None;
    };
    match m.dict.as_obj() {
        Some(Obj::Dict(d)) => d.borrow().get_str("stdout").cloned(),
        _ => None,
    }
}

fn print(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file: Option<Value> = None;
    let mut flush = false;
    for (k, v) in kw {
        match &**k {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = Some(v.clone()),
            "flush" => flush = interp.truthy(v)?,
            _ => {
                return Err(
                    interp.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let sep_s = match &sep {
        Some(v) if !v.is_none() => str_arg(interp, v, "sep")
            .map_err(|_| {
                interp.type_error(format!(
                    "sep must be None or a string, not {}",
                    interp.type_name(v)
                ))
            })?
            .to_string(),
        _ => " ".to_string(),
    };
    let end_s = match &end {
        Some(v) if !v.is_none() => str_arg(interp, v, "end")
            .map_err(|_| {
                interp.type_error(format!(
                    "end must be None or a string, not {}",
                    interp.type_name(v)
                ))
            })?
            .to_string(),
        _ => "\n".to_string(),
    };
    let target = match file {
        Some(f) if !f.is_none() => Some(f),
        _ => current_stdout(interp),
    };
    let kind = target.as_ref().and_then(file::file_kind);
    if let (Some(f), None) = (&target, kind) {
        // A user object with a `write` method: one call per piece, as CPython.
        let f = f.clone();
        let write = interp.getattr(&f, "write")?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                interp.call(&write, &[Value::str(&sep_s)], &[])?;
            }
            let s = interp.str_value(a)?;
            interp.call(&write, &[s], &[])?;
        }
        interp.call(&write, &[Value::str(&end_s)], &[])?;
        if flush {
            let fl = interp.getattr(&f, "flush")?;
            interp.call(&fl, &[], &[])?;
        }
        return Ok(Value::NONE);
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep_s);
        }
        match a.as_str() {
            Some(s) => out.push_str(s),
            None => out.push_str(&interp.str_of(a)?),
        }
    }
    out.push_str(&end_s);
    match (target, kind) {
        (None, _) | (_, Some(FileKind::Stdout)) => {
            let _ = interp.stdout.write_all(out.as_bytes());
            if flush {
                let _ = interp.stdout.flush();
            }
        }
        (Some(f), _) => {
            file::write_to(interp, &f, &out)?;
            if flush {
                file::flush(interp, &f)?;
            }
        }
    }
    Ok(Value::NONE)
}

fn input(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "input", kw)?;
    check_arity(interp, "input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = interp.str_of(p)?;
        match current_stdout(interp) {
            Some(f) if file::file_kind(&f).is_some_and(|k| k != FileKind::Stdout) => {
                file::write_to(interp, &f, &s)?;
            }
            _ => {
                let _ = interp.stdout.write_all(s.as_bytes());
            }
        }
    }
    let _ = interp.stdout.flush();
    let mut line = String::new();
    let n = std::io::stdin().lock().read_line(&mut line);
    match n {
        Ok(0) => Err(interp.err(ExcType::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(file::os_error(interp, &e, None, None)),
    }
}

// ---------------------------------------------------------------------------
// Simple built-ins
// ---------------------------------------------------------------------------

/// `exit([code])` / `quit([code])` (the site module's helpers).
fn exit(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "exit", kw)?;
    check_arity(interp, "exit", args, 0, 1)?;
    let cls = interp.exc_type(ExcType::SystemExit).clone();
    Err(PyErr(exceptions::new_exception(
        interp,
        &cls,
        args.to_vec(),
    )))
}

fn len(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "len", kw)?;
    check_arity(interp, "len", args, 1, 1)?;
    Ok(Value::int(interp.len(&args[0])? as i64))
}

fn repr(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "repr", kw)?;
    check_arity(interp, "repr", args, 1, 1)?;
    Ok(Value::string(interp.repr(&args[0])?))
}

fn ascii(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "ascii", kw)?;
    check_arity(interp, "ascii", args, 1, 1)?;
    let r = interp.repr(&args[0])?;
    Ok(Value::string(super::methods::ascii_escape(&r)))
}

fn abs(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "abs", kw)?;
    check_arity(interp, "abs", args, 1, 1)?;
    let v = &args[0];
    match num(v) {
        Some(Num::I(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::int(a),
            None => Value::bigint(BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => Ok(Value::bigint(b.abs())),
        Some(Num::F(f)) => Ok(Value::float(f.abs())),
        None => {
            if let Some(m) = super::attr::user_special(interp, v, "__abs__") {
                return interp.call(&m, &[], &[]);
            }
            Err(interp.type_error(format!(
                "bad operand type for abs(): '{}'",
                interp.type_name(v)
            )))
        }
    }
}

fn min_max(interp: &mut Interp, args: &[Value], kw: Kw, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    only_kwargs(interp, name, kw, &["key", "default"])?;
    if args.is_empty() {
        return Err(interp.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let key = kwarg(kw, "key").filter(|k| !k.is_none()).cloned();
    let default = kwarg(kw, "default").cloned();
    if args.len() > 1 && default.is_some() {
        return Err(interp.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let op = if is_max { CmpOp::Gt } else { CmpOp::Lt };
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |interp: &mut Interp, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => interp.call(f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((_, bk)) => {
                if let (Some(a), Some(b)) = (k.as_small_int(), bk.as_small_int()) {
                    if is_max {
                        a > b
                    } else {
                        a < b
                    }
                } else {
                    let r = interp.compare(op, &k, bk)?;
                    interp.truthy(&r)?
                }
            }
        };
        if replace {
            best = Some((item, k));
        }
        Ok(())
    };
    if args.len() == 1 {
        let it = interp.iter(&args[0])?;
        while let Some(x) = interp.next(&it)? {
            consider(interp, x)?;
        }
    } else {
        for x in args {
            consider(interp, x.clone())?;
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => Err(interp.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    min_max(interp, args, kw, false)
}

fn max(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    min_max(interp, args, kw, true)
}

fn sum(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "sum", kw, &["start"])?;
    check_arity(interp, "sum", args, 1, 2)?;
    let start = arg(args, kw, 1, "start").cloned().unwrap_or(Value::int(0));
    if start.as_str().is_some() {
        return Err(interp.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let mut acc = start;
    let it = interp.iter(&args[0])?;
    while let Some(x) = interp.next(&it)? {
        if let (Some(a), Some(b)) = (acc.as_small_int(), x.as_small_int()) {
            if let Some(s) = a.checked_add(b) {
                acc = Value::int(s);
                continue;
            }
        }
        if let (Some(a), Some(b)) = (acc.as_float(), x.as_float()) {
            acc = Value::float(a + b);
            continue;
        }
        acc = interp.binop(BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

fn sorted(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "sort", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(interp.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = super::iter::collect(interp, &args[0])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none()).cloned();
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => interp.truthy(r)?,
        None => false,
    };
    super::methods::sort_values(interp, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn reversed(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "reversed", kw)?;
    check_arity(interp, "reversed", args, 1, 1)?;
    let v = &args[0];
    let state = match v.as_obj() {
        Some(Obj::List(l)) => IterState::Reversed {
            seq: v.clone(),
            index: l.borrow().len(),
        },
        Some(Obj::Tuple(t)) => IterState::Reversed {
            seq: v.clone(),
            index: t.len(),
        },
        Some(Obj::Range(r)) => {
            let n = r.len();
            IterState::Range {
                next: r.start + (n - 1) * r.step,
                step: -r.step,
                remaining: n,
            }
        }
        Some(Obj::Str(s)) => {
            let chars: Vec<Value> = s.s.chars().map(|c| Value::string(c.to_string())).collect();
            let n = chars.len();
            IterState::Reversed {
                seq: Value::list(chars),
                index: n,
            }
        }
        Some(Obj::Dict(d)) => {
            let keys = d.borrow().keys();
            let n = keys.len();
            IterState::Reversed {
                seq: Value::list(keys),
                index: n,
            }
        }
        Some(Obj::Instance(_)) => {
            if let Some(m) = super::attr::lookup_special(interp, v, "__reversed__") {
                return interp.call(&m, &[], &[]);
            }
            let has_getitem = super::attr::lookup_special(interp, v, "__getitem__").is_some();
            if has_getitem && super::attr::lookup_special(interp, v, "__len__").is_some() {
                let n = interp.len(v)?;
                let mut items = Vec::with_capacity(n);
                for i in 0..n {
                    items.push(interp.getitem(v, &Value::int(i as i64))?);
                }
                IterState::Reversed {
                    seq: Value::list(items),
                    index: n,
                }
            } else {
                return Err(not_reversible(interp, v));
            }
        }
        _ => return Err(not_reversible(interp, v)),
    };
    Ok(new_iter(state))
}

fn not_reversible(interp: &Interp, v: &Value) -> PyErr {
    interp.type_error(format!(
        "'{}' object is not reversible",
        interp.type_name(v)
    ))
}

fn enumerate(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "enumerate", kw, &["iterable", "start"])?;
    let Some(iterable) = arg(args, kw, 0, "iterable") else {
        return Err(interp.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let start = match arg(args, kw, 1, "start") {
        Some(s) => {
            if !is_int_like(s) {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(s)
                )));
            }
            int_of(s)
        }
        None => Value::int(0),
    };
    let inner = interp.iter(iterable)?;
    Ok(new_iter(IterState::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "zip", kw, &["strict"])?;
    let mut iters = Vec::with_capacity(args.len());
    for a in args {
        iters.push(interp.iter(a)?);
    }
    Ok(new_iter(IterState::Zip(iters)))
}

fn map(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "map", kw)?;
    if args.len() < 2 {
        return Err(interp.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        iters.push(interp.iter(a)?);
    }
    Ok(new_iter(IterState::Map {
        func: args[0].clone(),
        iters,
    }))
}

fn filter(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "filter", kw)?;
    check_arity(interp, "filter", args, 2, 2)?;
    let inner = interp.iter(&args[1])?;
    Ok(new_iter(IterState::Filter {
        func: args[0].clone(),
        inner,
    }))
}

fn any(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "any", kw)?;
    check_arity(interp, "any", args, 1, 1)?;
    let it = interp.iter(&args[0])?;
    while let Some(x) = interp.next(&it)? {
        if interp.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "all", kw)?;
    check_arity(interp, "all", args, 1, 1)?;
    let it = interp.iter(&args[0])?;
    while let Some(x) = interp.next(&it)? {
        if !interp.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Round an int to `-ndigits` decimal places, half to even.
fn round_int(v: &Value, ndigits: i64) -> Value {
    if ndigits >= 0 {
        return int_of(v);
    }
    let x = to_bigint(v).unwrap_or_default();
    let Some(k) = u32::try_from(-ndigits).ok().filter(|k| *k < 100_000) else {
        return Value::int(0);
    };
    let pow = BigInt::from(10u32).pow(k);
    let (q, r) = x.div_mod_floor(&pow);
    let twice: BigInt = &r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) {
        q + 1
    } else {
        q
    };
    Value::bigint(q * pow)
}

fn round(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "round", kw, &["number", "ndigits"])?;
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let Some(x) = arg(args, kw, 0, "number") else {
        return Err(interp.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = arg(args, kw, 1, "ndigits").filter(|v| !v.is_none());
    match num(x) {
        Some(Num::F(f)) => match nd {
            None => float_to_int(interp, f.round_ties_even()),
            Some(n) => {
                let n = index_value(interp, n)?;
                let n = match as_i64(&n) {
                    Some(n) => n,
                    None => {
                        if to_bigint(&n).is_some_and(|b| b.is_negative()) {
                            i64::MIN / 2
                        } else {
                            i64::MAX / 2
                        }
                    }
                };
                format::round_float_checked(f, n)
                    .map(Value::float)
                    .map_err(|e| fmt_err(interp, e))
            }
        },
        Some(_) => match nd {
            None => Ok(int_of(x)),
            Some(n) => {
                let n = index_value(interp, n)?;
                let n = as_i64(&n).unwrap_or(i64::MIN / 2);
                Ok(round_int(x, n))
            }
        },
        None => {
            if let Some(m) = super::attr::user_special(interp, x, "__round__") {
                return match nd {
                    Some(n) => interp.call(&m, std::slice::from_ref(n), &[]),
                    None => interp.call(&m, &[], &[]),
                };
            }
            Err(interp.type_error(format!(
                "type {} doesn't define __round__ method",
                interp.type_name(x)
            )))
        }
    }
}

fn divmod(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "divmod", kw)?;
    check_arity(interp, "divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    match (num(a), num(b)) {
        (Some(Num::F(_)), Some(_)) | (Some(_), Some(Num::F(_))) => {
            let x = int_to_f64(interp, a)?;
            let y = int_to_f64(interp, b)?;
            if y == 0.0 {
                return Err(interp.err(ExcType::ZeroDivisionError, "float divmod()"));
            }
            let (q, r) = super::ops::float_divmod(x, y);
            Ok(Value::tuple(vec![Value::float(q), Value::float(r)]))
        }
        (Some(_), Some(_)) => {
            if matches!(num(b), Some(Num::I(0))) {
                return Err(interp.err(
                    ExcType::ZeroDivisionError,
                    "integer division or modulo by zero",
                ));
            }
            if let Some((q, r)) = super::ops::bigint_divmod(a, b) {
                return Ok(Value::pair(q, r));
            }
            let q = interp.binop(BinOp::FloorDiv, a, b)?;
            let r = interp.binop(BinOp::Mod, a, b)?;
            Ok(Value::pair(q, r))
        }
        _ => {
            if let Some(m) = super::attr::user_special(interp, a, "__divmod__") {
                let r = interp.call(&m, std::slice::from_ref(b), &[])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
            if let Some(m) = super::attr::user_special(interp, b, "__rdivmod__") {
                let r = interp.call(&m, std::slice::from_ref(a), &[])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
            Err(interp.type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                interp.type_name(a),
                interp.type_name(b)
            )))
        }
    }
}

fn pow(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    only_kwargs(interp, "pow", kw, &["base", "exp", "mod"])?;
    if args.len() > 3 {
        return Err(interp.type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    let (Some(base), Some(exp)) = (arg(args, kw, 0, "base"), arg(args, kw, 1, "exp")) else {
        return Err(interp.type_error(if arg(args, kw, 0, "base").is_none() {
            "pow() missing required argument 'base' (pos 1)"
        } else {
            "pow() missing required argument 'exp' (pos 2)"
        }));
    };
    let modulus = arg(args, kw, 2, "mod").filter(|m| !m.is_none());
    let Some(m) = modulus else {
        return interp.binop(BinOp::Pow, base, exp);
    };
    let (Some(b), Some(e), Some(m)) = (to_bigint(base), to_bigint(exp), to_bigint(m)) else {
        if let Some(f) = super::attr::user_special(interp, base, "__pow__") {
            return interp.call(&f, &[exp.clone(), m.clone()], &[]);
        }
        return Err(
            interp.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if m.is_zero() {
        return Err(interp.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut b = b.mod_floor(&am);
    let mut e = e;
    if e.is_negative() {
        match mod_inverse(&b, &am) {
            Some(inv) => b = inv,
            None => return Err(interp.value_error("base is not invertible for the given modulus")),
        }
        e = -e;
    }
    let mut r = b.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r -= &am;
    }
    Ok(Value::bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

fn hash(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "hash", kw)?;
    check_arity(interp, "hash", args, 1, 1)?;
    Ok(Value::int(interp.hash(&args[0])?))
}

fn id(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "id", kw)?;
    check_arity(interp, "id", args, 1, 1)?;
    let v = &args[0];
    if v.is_obj() {
        Ok(Value::int((v.bits() & 0xffff_ffff_ffff) as i64))
    } else {
        Ok(Value::bigint(BigInt::from(v.bits())))
    }
}

fn iter(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "iter", kw)?;
    check_arity(interp, "iter", args, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(interp, &args[0]) {
            return Err(interp.type_error("iter(v, w): v must be callable"));
        }
        return Ok(new_iter(IterState::CallIter {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        }));
    }
    interp.iter(&args[0])
}

fn next(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "next", kw)?;
    check_arity(interp, "next", args, 1, 2)?;
    let it = &args[0];
    if let Some(Obj::Generator(_)) = it.as_obj() {
        let r = super::iter::gen_resume(interp, it, super::object::Resume::Send(Value::NONE))?;
        return match r {
            super::object::GenStep::Yield(v) => Ok(v),
            super::object::GenStep::Return(v) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(exceptions::stop_iteration(interp, v)),
            },
        };
    }
    match interp.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(exceptions::stop_iteration(interp, Value::NONE)),
        },
    }
}

fn attr_name<'a>(interp: &Interp, v: &'a Value) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => Err(interp.type_error(format!(
            "attribute name must be string, not '{}'",
            interp.type_name(v)
        ))),
    }
}

fn getattr(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "getattr", kw)?;
    check_arity(interp, "getattr", args, 2, 3)?;
    let name = attr_name(interp, &args[1])?;
    match args.get(2) {
        None => interp.getattr(&args[0], name),
        Some(d) => match interp.getattr_opt(&args[0], name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(d.clone()),
            Err(e) if exceptions::is_instance_of(interp, &e.0, ExcType::AttributeError) => {
                Ok(d.clone())
            }
            Err(e) => Err(e),
        },
    }
}

fn setattr(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "setattr", kw)?;
    check_arity(interp, "setattr", args, 3, 3)?;
    let name = attr_name(interp, &args[1])?;
    interp.setattr(&args[0], name, args[2].clone())?;
    Ok(Value::NONE)
}

fn hasattr(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "hasattr", kw)?;
    check_arity(interp, "hasattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1])?;
    match interp.getattr_opt(&args[0], name) {
        Ok(r) => Ok(Value::bool(r.is_some())),
        Err(e) if exceptions::is_instance_of(interp, &e.0, ExcType::AttributeError) => {
            Ok(Value::FALSE)
        }
        Err(e) => Err(e),
    }
}

fn delattr(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "delattr", kw)?;
    check_arity(interp, "delattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1])?;
    interp.delattr(&args[0], name)?;
    Ok(Value::NONE)
}

fn chr(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "chr", kw)?;
    check_arity(interp, "chr", args, 1, 1)?;
    let i = index_value(interp, &args[0])?;
    let Some(i) = as_i64(&i) else {
        return Err(interp.err(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        ));
    };
    if !(0..0x110000).contains(&i) {
        return Err(interp.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        // Lone surrogates cannot be represented; use the replacement char.
        None => Ok(Value::str("\u{fffd}")),
    }
}

fn ord(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "ord", kw)?;
    check_arity(interp, "ord", args, 1, 1)?;
    match args[0].as_obj() {
        Some(Obj::Str(s)) => {
            if s.chars != 1 {
                return Err(interp.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars
                )));
            }
            Ok(Value::int(s.s.chars().next().unwrap_or('\0') as i64))
        }
        _ => Err(interp.type_error(format!(
            "ord() expected string of length 1, but {} found",
            interp.type_name(&args[0])
        ))),
    }
}

fn radix(
    interp: &mut Interp,
    args: &[Value],
    kw: Kw,
    name: &str,
    base: u32,
    prefix: &str,
) -> PyResult<Value> {
    no_kwargs(interp, name, kw)?;
    check_arity(interp, name, args, 1, 1)?;
    let i = index_value(interp, &args[0])?;
    let b = to_bigint(&i).unwrap_or_default();
    let digits = b.abs().to_str_radix(base);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::string(format!("{sign}{prefix}{digits}")))
}

fn hex(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    radix(interp, args, kw, "hex", 16, "0x")
}

fn oct(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    radix(interp, args, kw, "oct", 8, "0o")
}

fn bin(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    radix(interp, args, kw, "bin", 2, "0b")
}

fn format_builtin(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "format", kw)?;
    check_arity(interp, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => "",
        Some(s) => match s.as_str() {
            Some(s) => s,
            None => {
                return Err(interp.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    interp.type_name(s)
                )))
            }
        },
    };
    let spec = spec.to_string();
    Ok(Value::string(super::methods::format_value(
        interp, &args[0], &spec,
    )?))
}

pub fn is_callable(interp: &Interp, v: &Value) -> bool {
    match v.as_obj() {
        Some(
            Obj::Function(_)
            | Obj::Native(_)
            | Obj::Closure(_)
            | Obj::BoundMethod(..)
            | Obj::Class(_)
            | Obj::StaticMethod(_),
        ) => true,
        Some(Obj::Instance(_)) => super::attr::lookup_special(interp, v, "__call__").is_some(),
        _ => false,
    }
}

fn callable(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "callable", kw)?;
    check_arity(interp, "callable", args, 1, 1)?;
    Ok(Value::bool(is_callable(interp, &args[0])))
}

fn isinstance_of(interp: &Interp, v: &Value, cls: &Value) -> PyResult<bool> {
    match cls.as_obj() {
        Some(Obj::Class(_)) => Ok(interp.isinstance(v, cls)),
        Some(Obj::Tuple(t)) => {
            for c in t.iter() {
                if isinstance_of(interp, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            Err(interp
                .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

fn isinstance(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "isinstance", kw)?;
    check_arity(interp, "isinstance", args, 2, 2)?;
    Ok(Value::bool(isinstance_of(interp, &args[0], &args[1])?))
}

fn issubclass_of(interp: &Interp, c: &Value, cls: &Value) -> PyResult<bool> {
    match cls.as_obj() {
        Some(Obj::Class(_)) => Ok(super::attr::is_subclass(c, cls)),
        Some(Obj::Tuple(t)) => {
            for x in t.iter() {
                if issubclass_of(interp, c, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            Err(interp
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

fn issubclass(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "issubclass", kw)?;
    check_arity(interp, "issubclass", args, 2, 2)?;
    if !matches!(args[0].as_obj(), Some(Obj::Class(_))) {
        return Err(interp.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::bool(issubclass_of(interp, &args[0], &args[1])?))
}

fn vars(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "vars", kw)?;
    check_arity(interp, "vars", args, 1, 1)?;
    match interp.getattr_opt(&args[0], "__dict__")? {
        Some(d) => Ok(d),
        None => Err(interp.type_error("vars() argument must have __dict__ attribute")),
    }
}

const OBJECT_DIR: [&str; 24] = [
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

fn dir(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(interp, "dir", kw)?;
    check_arity(interp, "dir", args, 1, 1)?;
    let v = &args[0];
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &Dict, names: &mut Vec<String>| {
        for (k, _) in d.iter() {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    };
    let class_names =
        |cls: &Value, names: &mut Vec<String>, add: &mut dyn FnMut(&Dict, &mut Vec<String>)| {
            if let Some(Obj::Class(c)) = cls.as_obj() {
                add(&c.dict.borrow(), names);
                for m in &c.mro {
                    if let Some(Obj::Class(k)) = m.as_obj() {
                        add(&k.dict.borrow(), names);
                    }
                }
            }
        };
    let cls = match v.as_obj() {
        Some(Obj::Module(m)) => {
            if let Some(Obj::Dict(d)) = m.dict.as_obj() {
                add_dict(&d.borrow(), &mut names);
            }
            None
        }
        Some(Obj::Class(_)) => Some(v.clone()),
        _ => {
            if let Some(Obj::Instance(inst)) = v.as_obj() {
                add_dict(&inst.dict.borrow(), &mut names);
            }
            Some(interp.type_of(v))
        }
    };
    if let Some(cls) = cls {
        class_names(&cls, &mut names, &mut add_dict);
        // What every object has (CPython's `object` slots), and the
        // namespace entries of a user class.
        names.extend(OBJECT_DIR.iter().map(|s| s.to_string()));
        if let Some(Obj::Class(c)) = cls.as_obj() {
            if c.layout != Layout::Builtin {
                names.retain(|n| n != "__qualname__");
                for n in ["__dict__", "__module__", "__weakref__"] {
                    names.push(n.to_string());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

// ---------------------------------------------------------------------------
// Type constructors (`__new__` natives; args[0] is the class)
// ---------------------------------------------------------------------------

fn int_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    only_kwargs(interp, "int", kw, &["base"])?;
    if args.len() > 2 {
        return Err(interp.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let base = arg(args, kw, 1, "base");
    let Some(x) = args.first() else {
        if base.is_some() {
            return Err(interp.type_error("int() missing string argument"));
        }
        return Ok(Value::int(0));
    };
    if let Some(b) = base {
        let b = index_value(interp, b)?;
        let b = match as_i64(&b) {
            Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
            _ => return Err(interp.value_error("int() base must be >= 2 and <= 36, or 0")),
        };
        let Some(s) = x.as_str() else {
            return Err(interp.type_error("int() can't convert non-string with explicit base"));
        };
        return format::parse_int_checked(s, b)
            .map(Value::bigint)
            .map_err(|e| fmt_err(interp, e));
    }
    match num(x) {
        Some(Num::F(f)) => return float_to_int(interp, f),
        Some(_) => return Ok(int_of(x)),
        None => {}
    }
    if let Some(s) = x.as_str() {
        if let Some(i) = format::parse_small_decimal(s) {
            return Ok(Value::int(i));
        }
        return format::parse_int_checked(s, 10)
            .map(Value::bigint)
            .map_err(|e| fmt_err(interp, e));
    }
    for (name, what) in [
        ("__int__", "__int__"),
        ("__index__", "__index__"),
        ("__trunc__", "__trunc__"),
    ] {
        if let Some(m) = super::attr::user_special(interp, x, name) {
            let r = interp.call(&m, &[], &[])?;
            if is_int_like(&r) {
                return Ok(int_of(&r));
            }
            return Err(interp.type_error(format!(
                "{what} returned non-int (type {})",
                interp.type_name(&r)
            )));
        }
    }
    Err(interp.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        interp.type_name(x)
    )))
}

fn float_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "float", kw)?;
    check_arity(interp, "float", args, 0, 1)?;
    let Some(x) = args.first() else {
        return Ok(Value::float(0.0));
    };
    if num(x).is_some() {
        return Ok(Value::float(int_to_f64(interp, x)?));
    }
    if let Some(s) = x.as_str() {
        return match format::parse_float(s) {
            Some(f) => Ok(Value::float(f)),
            None => Err(interp.value_error(format::float_parse_error(s))),
        };
    }
    if super::attr::user_special(interp, x, "__float__").is_some()
        || super::attr::user_special(interp, x, "__index__").is_some()
    {
        return Ok(Value::float(to_f64(interp, x)?));
    }
    Err(interp.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        interp.type_name(x)
    )))
}

fn str_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    only_kwargs(interp, "str", kw, &["object", "encoding", "errors"])?;
    check_arity(interp, "str", args, 0, 3)?;
    match arg(args, kw, 0, "object") {
        None => Ok(Value::str("")),
        Some(x) => interp.str_value(x),
    }
}

fn bool_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "bool", kw)?;
    check_arity(interp, "bool", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::FALSE),
        Some(x) => Ok(Value::bool(interp.truthy(x)?)),
    }
}

fn list_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "list", kw)?;
    check_arity(interp, "list", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::list(Vec::new())),
        Some(x) => Ok(Value::list(super::iter::collect(interp, x)?)),
    }
}

fn tuple_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "tuple", kw)?;
    check_arity(interp, "tuple", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(x) if matches!(x.as_obj(), Some(Obj::Tuple(_))) => Ok(x.clone()),
        Some(x) => Ok(Value::tuple(super::iter::collect(interp, x)?)),
    }
}

fn dict_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    check_arity(interp, "dict", args, 0, 1)?;
    let d = super::hash::new_dict();
    if let Some(src) = args.first() {
        super::hash::dict_update_from(interp, &d, src)?;
    }
    for (k, v) in kw {
        super::hash::dict_set(interp, &d, Value::str(k), v.clone())?;
    }
    Ok(d)
}

fn set_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "set", kw)?;
    check_arity(interp, "set", args, 0, 1)?;
    let s = match args.first() {
        None => super::set::PySet::new(),
        Some(x) => super::methods::set_from_iterable(interp, x)?,
    };
    Ok(Value::obj(Obj::Set(RefCell::new(s))))
}

fn frozenset_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "frozenset", kw)?;
    check_arity(interp, "frozenset", args, 0, 1)?;
    let s = match args.first() {
        None => super::set::PySet::new(),
        Some(x) if matches!(x.as_obj(), Some(Obj::FrozenSet(_))) => return Ok(x.clone()),
        Some(x) => super::methods::set_from_iterable(interp, x)?,
    };
    Ok(Value::obj(Obj::FrozenSet(s)))
}

fn range_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "range", kw)?;
    check_arity(interp, "range", args, 1, 3)?;
    let mut n = [0i64; 3];
    for (i, a) in args.iter().enumerate() {
        n[i] = index_i64(interp, a)?;
    }
    let Some((start, stop, step)) = range_bounds(&n[..args.len()]) else {
        return Err(interp.value_error("range() arg 3 must not be zero"));
    };
    Ok(Value::obj(Obj::Range(Range { start, stop, step })))
}

/// The start, stop and step of `range(*args)` for one to three ints;
/// `None` for a step of zero (a `ValueError`).
pub(crate) fn range_bounds(args: &[i64]) -> Option<(i64, i64, i64)> {
    let (start, stop, step) = match *args {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step, ..] => (start, stop, step),
        [] => return None,
    };
    (step != 0).then_some((start, stop, step))
}

fn slice_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "slice", kw)?;
    check_arity(interp, "slice", args, 1, 3)?;
    let parts = match args.len() {
        1 => [Value::NONE, args[0].clone(), Value::NONE],
        2 => [args[0].clone(), args[1].clone(), Value::NONE],
        _ => [args[0].clone(), args[1].clone(), args[2].clone()],
    };
    Ok(Value::obj(Obj::Slice(Box::new(parts))))
}

fn object_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(cls) = args.first() else {
        return Err(interp.type_error("object.__new__(): not enough arguments"));
    };
    let Some(Obj::Class(c)) = cls.as_obj() else {
        return Err(interp.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            interp.type_name(cls)
        )));
    };
    if cls.is(&interp.types.object) {
        if args.len() > 1 || !kw.is_empty() {
            return Err(interp.type_error("object() takes no arguments"));
        }
        return Ok(interp.new_instance(cls, Layout::Object, &[]));
    }
    match c.layout {
        Layout::Builtin => Err(interp.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            c.name, c.name
        ))),
        Layout::Exception => Ok(interp.new_instance(cls, Layout::Exception, &args[1..])),
        Layout::Object => Ok(interp.new_instance(cls, Layout::Object, &[])),
    }
}

/// `object.__init__`: rejects arguments unless the class overrides
/// `__new__` (CPython's rule), so `C(1)` for a class without `__init__`
/// raises `C() takes no arguments`.
fn object_init(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() <= 1 && kw.is_empty() {
        return Ok(Value::NONE);
    }
    let cls = interp.type_of(&args[0]);
    let init_overridden = !matches!(
        super::attr::lookup_in_class(&cls, "__init__").as_ref().and_then(|v| v.as_obj()),
        Some(Obj::Native(n)) if n.func as usize == object_init as NativeFnPtr as usize
    );
    let new_overridden = matches!(
        super::attr::lookup_in_class(&cls, "__new__")
            .as_ref()
            .and_then(|v| v.as_obj()),
        Some(Obj::Function(_) | Obj::StaticMethod(_))
    );
    if init_overridden {
        return Err(interp.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    if new_overridden {
        return Ok(Value::NONE);
    }
    let name = match cls.as_obj() {
        Some(Obj::Class(c)) => c.qualname.clone(),
        _ => Rc::from("object"),
    };
    Err(interp.type_error(format!("{name}() takes no arguments")))
}

fn object_repr(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_arity(interp, "__repr__", args, 1, 1)?;
    Ok(Value::string(interp.default_repr(&args[0])))
}

fn object_str(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_arity(interp, "__str__", args, 1, 1)?;
    Ok(Value::string(interp.repr(&args[0])?))
}

fn type_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    match args.len() {
        1 if kw.is_empty() => Ok(interp.type_of(&args[0])),
        3 => {
            let Some(name) = args[0].as_str() else {
                return Err(interp.type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    interp.type_name(&args[0])
                )));
            };
            let Some(Obj::Tuple(bases)) = args[1].as_obj() else {
                return Err(interp.type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    interp.type_name(&args[1])
                )));
            };
            let Some(Obj::Dict(src)) = args[2].as_obj() else {
                return Err(interp.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    interp.type_name(&args[2])
                )));
            };
            let mut dict = Dict::new();
            let mut module = Value::str("__main__");
            for (k, v) in src.borrow().iter() {
                if let Some(s) = k.as_str() {
                    if s == "__module__" {
                        module = v.clone();
                    }
                    dict.set_str(s, v.clone());
                }
            }
            let name: Name = Rc::from(name);
            interp.new_class(name.clone(), name, bases.to_vec(), dict, module)
        }
        _ => Err(interp.type_error("type() takes 1 or 3 arguments")),
    }
}

fn property_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    only_kwargs(interp, "property", kw, &["fget", "fset", "fdel", "doc"])?;
    check_arity(interp, "property", args, 0, 4)?;
    let get = |i: usize, n: &str| arg(args, kw, i, n).cloned().unwrap_or(Value::NONE);
    Ok(Value::obj(Obj::Property(Box::new([
        get(0, "fget"),
        get(1, "fset"),
        get(2, "fdel"),
    ]))))
}

fn property_with(interp: &mut Interp, args: &[Value], slot: usize, name: &str) -> PyResult<Value> {
    check_arity(interp, name, &args[1..], 1, 1)?;
    let Some(Obj::Property(p)) = args[0].as_obj() else {
        return Err(interp.type_error(format!("descriptor '{name}' requires a 'property' object")));
    };
    let mut parts = [p[0].clone(), p[1].clone(), p[2].clone()];
    parts[slot] = args[1].clone();
    Ok(Value::obj(Obj::Property(Box::new(parts))))
}

fn property_getter(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    property_with(interp, args, 0, "getter")
}

fn property_setter(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    property_with(interp, args, 1, "setter")
}

fn property_deleter(interp: &mut Interp, args: &[Value], _kw: Kw) -> PyResult<Value> {
    property_with(interp, args, 2, "deleter")
}

fn staticmethod_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "staticmethod", kw)?;
    if args.len() != 1 {
        return Err(interp.type_error(format!(
            "staticmethod expected 1 argument, got {}",
            args.len()
        )));
    }
    Ok(Value::obj(Obj::StaticMethod(args[0].clone())))
}

fn classmethod_new(interp: &mut Interp, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    no_kwargs(interp, "classmethod", kw)?;
    if args.len() != 1 {
        return Err(interp.type_error(format!(
            "classmethod expected 1 argument, got {}",
            args.len()
        )));
    }
    Ok(Value::obj(Obj::ClassMethod(args[0].clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Capture(Rc<RefCell<Vec<u8>>>);
    impl Write for Capture {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn setup() -> (Interp, Rc<RefCell<Vec<u8>>>) {
        let mut interp = Interp::new();
        let out = Rc::new(RefCell::new(Vec::new()));
        interp.stdout = Box::new(Capture(out.clone()));
        (interp, out)
    }

    fn call(interp: &mut Interp, name: &str, args: &[Value]) -> PyResult<Value> {
        let f = interp.builtin(name).expect(name);
        interp.call(&f, args, &[])
    }

    fn call_kw(
        interp: &mut Interp,
        name: &str,
        args: &[Value],
        kw: &[(&str, Value)],
    ) -> PyResult<Value> {
        let f = interp.builtin(name).expect(name);
        let kw: Vec<(Name, Value)> = kw.iter().map(|(k, v)| (Rc::from(*k), v.clone())).collect();
        interp.call(&f, args, &kw)
    }

    fn repr_of(interp: &mut Interp, r: PyResult<Value>) -> String {
        match r {
            Ok(v) => interp.repr(&v).unwrap(),
            Err(e) => exceptions::last_line(interp, &e.0),
        }
    }

    fn s(x: &str) -> Value {
        Value::str(x)
    }

    #[test]
    fn conversions() {
        let (mut i, _) = setup();
        let cases: Vec<(&str, Vec<Value>, &str)> = vec![
            ("int", vec![s(" 42 ")], "42"),
            ("int", vec![s("ff"), Value::int(16)], "255"),
            ("int", vec![s("five")], "ValueError: invalid literal for int() with base 10: 'five'"),
            ("int", vec![Value::float(-3.9)], "-3"),
            ("int", vec![Value::float(f64::INFINITY)], "OverflowError: cannot convert float infinity to integer"),
            ("int", vec![Value::NONE], "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"),
            ("int", vec![s("12"), Value::int(1)], "ValueError: int() base must be >= 2 and <= 36, or 0"),
            ("float", vec![s("abc")], "ValueError: could not convert string to float: 'abc'"),
            ("float", vec![s("-Infinity")], "-inf"),
            ("float", vec![Value::int(10)], "10.0"),
            ("str", vec![Value::float(1.5e16)], "'1.5e+16'"),
            ("bool", vec![s("")], "False"),
            ("list", vec![s("ab")], "['a', 'b']"),
            ("tuple", vec![Value::list(vec![Value::int(1)])], "(1,)"),
            ("range", vec![Value::int(1), Value::int(2), Value::int(0)], "ValueError: range() arg 3 must not be zero"),
            ("range", vec![Value::int(5)], "range(0, 5)"),
            ("hex", vec![Value::int(-255)], "'-0xff'"),
            ("bin", vec![Value::int(10)], "'0b1010'"),
            ("oct", vec![Value::int(64)], "'0o100'"),
            ("chr", vec![Value::int(65)], "'A'"),
            ("ord", vec![s("ab")], "TypeError: ord() expected a character, but string of length 2 found"),
            ("round", vec![Value::float(2.5)], "2"),
            ("round", vec![Value::float(2.675), Value::int(2)], "2.67"),
            ("round", vec![Value::int(25), Value::int(-1)], "20"),
            ("round", vec![Value::int(35), Value::int(-1)], "40"),
            ("divmod", vec![Value::int(-17), Value::int(5)], "(-4, 3)"),
            ("divmod", vec![Value::float(1.0), Value::int(0)], "ZeroDivisionError: float divmod()"),
            ("pow", vec![Value::int(2), Value::int(-1), Value::int(5)], "3"),
            ("pow", vec![Value::int(-2), Value::int(3), Value::int(-5)], "-3"),
            ("pow", vec![Value::int(2), Value::int(-1)], "0.5"),
            ("format", vec![Value::int(1000000), s(",")], "'1,000,000'"),
            ("format", vec![Value::float(3.5), s(".2f")], "'3.50'"),
            ("format", vec![Value::TRUE, s(">5")], "'    1'"),
            ("abs", vec![s("a")], "TypeError: bad operand type for abs(): 'str'"),
            ("min", vec![], "TypeError: min expected at least 1 argument, got 0"),
            ("sum", vec![Value::list(vec![Value::float(0.5), Value::float(0.25)])], "0.75"),
        ];
        for (name, args, want) in cases {
            let r = call(&mut i, name, &args);
            assert_eq!(repr_of(&mut i, r), want, "{name}");
        }
    }

    #[test]
    fn min_max_sorted() {
        let (mut i, _) = setup();
        let empty = Value::list(vec![]);
        let r = call(&mut i, "max", std::slice::from_ref(&empty));
        assert_eq!(
            repr_of(&mut i, r),
            "ValueError: max() arg is an empty sequence"
        );
        let r = call_kw(&mut i, "max", &[empty], &[("default", s("e"))]);
        assert_eq!(repr_of(&mut i, r), "'e'");
        let abs = i.builtin("abs").unwrap();
        let l = Value::list(vec![Value::int(3), Value::int(-4), Value::int(2)]);
        let r = call_kw(
            &mut i,
            "min",
            std::slice::from_ref(&l),
            &[("key", abs.clone())],
        );
        assert_eq!(repr_of(&mut i, r), "2");
        let r = call_kw(
            &mut i,
            "sorted",
            std::slice::from_ref(&l),
            &[("key", abs), ("reverse", Value::TRUE)],
        );
        assert_eq!(repr_of(&mut i, r), "[-4, 3, 2]");
        // Stability with reverse: equal keys keep their order.
        let pairs = Value::list(
            [(1, "a"), (2, "b"), (1, "c"), (2, "d")]
                .iter()
                .map(|(n, t)| Value::tuple(vec![Value::int(*n), s(t)]))
                .collect(),
        );
        let len = i.builtin("len").unwrap();
        let r = call_kw(
            &mut i,
            "sorted",
            &[pairs],
            &[("key", len), ("reverse", Value::TRUE)],
        );
        assert_eq!(
            repr_of(&mut i, r),
            "[(1, 'a'), (2, 'b'), (1, 'c'), (2, 'd')]"
        );
        let mixed = Value::list(vec![Value::int(1), s("a")]);
        let r = call(&mut i, "sorted", &[mixed]);
        assert_eq!(
            repr_of(&mut i, r),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        let many: Vec<Value> = (0..200)
            .map(|k| Value::tuple(vec![Value::int((k * 37) % 101)]))
            .collect();
        let r = call(&mut i, "sorted", &[Value::list(many)]).unwrap();
        let items = super::super::iter::collect(&mut i, &r).unwrap();
        for w in items.windows(2) {
            assert!(!i.less_than(&w[1], &w[0]).unwrap());
        }
    }

    #[test]
    fn print_and_files() {
        let (mut i, out) = setup();
        call_kw(
            &mut i,
            "print",
            &[s("a"), Value::int(1)],
            &[("sep", s("-")), ("end", s("!\n"))],
        )
        .unwrap();
        assert_eq!(String::from_utf8(out.borrow().clone()).unwrap(), "a-1!\n");
        let dir = std::env::temp_dir().join(format!("tern_files_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.txt");
        let p = s(path.to_str().unwrap());
        let f = call(&mut i, "open", &[p.clone(), s("w")]).unwrap();
        let write = i.getattr(&f, "write").unwrap();
        let n = i
            .call(&write, &[s("caf\u{e9}\nline2\r\nend")], &[])
            .unwrap();
        assert_eq!(n.as_small_int(), Some(15));
        call_kw(&mut i, "print", &[s("x")], &[("file", f.clone())]).unwrap();
        let close = i.getattr(&f, "close").unwrap();
        i.call(&close, &[], &[]).unwrap();
        let f = call(&mut i, "open", std::slice::from_ref(&p)).unwrap();
        let rl = i.getattr(&f, "readline").unwrap();
        let l1 = i.call(&rl, &[], &[]).unwrap();
        assert_eq!(l1.as_str(), Some("caf\u{e9}\n"));
        let tell = i.getattr(&f, "tell").unwrap();
        assert_eq!(i.call(&tell, &[], &[]).unwrap().as_small_int(), Some(6));
        let l2 = i.call(&rl, &[], &[]).unwrap();
        assert_eq!(l2.as_str(), Some("line2\n"));
        let read = i.getattr(&f, "read").unwrap();
        let rest = i.call(&read, &[], &[]).unwrap();
        assert_eq!(rest.as_str(), Some("endx\n"));
        let seek = i.getattr(&f, "seek").unwrap();
        i.call(&seek, &[Value::int(0)], &[]).unwrap();
        let three = i.call(&read, &[Value::int(4)], &[]).unwrap();
        assert_eq!(three.as_str(), Some("caf\u{e9}"));
        let w = i.getattr(&f, "write").unwrap();
        let r = i.call(&w, &[s("x")], &[]);
        assert_eq!(repr_of(&mut i, r), "io.UnsupportedOperation: not writable");
        let close = i.getattr(&f, "close").unwrap();
        i.call(&close, &[], &[]).unwrap();
        let r = i.call(&read, &[], &[]);
        assert_eq!(
            repr_of(&mut i, r),
            "ValueError: I/O operation on closed file."
        );
        let r = i.repr(&f).unwrap();
        assert!(
            r.starts_with("<_io.TextIOWrapper name='") && r.ends_with("mode='r' encoding='UTF-8'>"),
            "{r}"
        );
        let missing = s(dir.join("nope.txt").to_str().unwrap());
        let r = call(&mut i, "open", &[missing]);
        let text = repr_of(&mut i, r);
        assert!(
            text.starts_with("FileNotFoundError: [Errno 2] No such file or directory: '"),
            "{text}"
        );
        let r = call(&mut i, "open", &[s(dir.to_str().unwrap())]);
        let text = repr_of(&mut i, r);
        assert!(
            text.starts_with("IsADirectoryError: [Errno 21] Is a directory: '"),
            "{text}"
        );
        let r = call(&mut i, "open", &[p.clone(), s("q")]);
        assert_eq!(repr_of(&mut i, r), "ValueError: invalid mode: 'q'");
        // Append mode starts at the end; unflushed data is written on drop.
        let f = call(&mut i, "open", &[p.clone(), s("a+")]).unwrap();
        let read = i.getattr(&f, "read").unwrap();
        assert_eq!(i.call(&read, &[], &[]).unwrap().as_str(), Some(""));
        let w = i.getattr(&f, "write").unwrap();
        i.call(&w, &[s("more")], &[]).unwrap();
        drop((w, read, f));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("x\nmore"), "{text:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn modules_work() {
        let (mut i, _) = setup();
        let math = super::super::modules::builtin_module(&mut i, "math").unwrap();
        let m = |i: &mut Interp, name: &str, args: &[Value]| {
            let f = i.getattr(&math, name).unwrap();
            let r = i.call(&f, args, &[]);
            repr_of(i, r)
        };
        assert_eq!(
            m(&mut i, "sqrt", &[Value::int(-1)]),
            "ValueError: math domain error"
        );
        assert_eq!(
            m(&mut i, "exp", &[Value::int(1000)]),
            "OverflowError: math range error"
        );
        assert_eq!(m(&mut i, "floor", &[Value::float(-2.5)]), "-3");
        assert_eq!(
            m(&mut i, "factorial", &[Value::int(-1)]),
            "ValueError: factorial() not defined for negative values"
        );
        assert_eq!(
            m(&mut i, "factorial", &[Value::int(20)]),
            "2432902008176640000"
        );
        assert_eq!(m(&mut i, "gcd", &[Value::int(48), Value::int(180)]), "12");
        assert_eq!(m(&mut i, "lcm", &[Value::int(4), Value::int(6)]), "12");
        assert_eq!(m(&mut i, "comb", &[Value::int(10), Value::int(3)]), "120");
        assert_eq!(m(&mut i, "log", &[Value::int(8), Value::int(2)]), "3.0");
        assert_eq!(
            m(&mut i, "log", &[Value::int(0)]),
            "ValueError: math domain error"
        );
        assert_eq!(m(&mut i, "isqrt", &[Value::int(99)]), "9");
        let tenths = Value::list((0..10).map(|_| Value::float(0.1)).collect());
        assert_eq!(m(&mut i, "fsum", &[tenths]), "1.0");
        assert_eq!(m(&mut i, "modf", &[Value::float(-2.5)]), "(-0.5, -2.0)");
        assert_eq!(
            m(&mut i, "remainder", &[Value::float(5.0), Value::float(2.0)]),
            "1.0"
        );
        assert_eq!(m(&mut i, "frexp", &[Value::float(8.0)]), "(0.5, 4)");
        let os = super::super::modules::builtin_module(&mut i, "os.path").unwrap();
        let p = |i: &mut Interp, name: &str, args: &[Value]| {
            let f = i.getattr(&os, name).unwrap();
            let r = i.call(&f, args, &[]);
            repr_of(i, r)
        };
        assert_eq!(
            p(&mut i, "join", &[s("a/"), s("b"), s("/c"), s("d")]),
            "'/c/d'"
        );
        assert_eq!(p(&mut i, "splitext", &[s(".bashrc")]), "('.bashrc', '')");
        assert_eq!(
            p(&mut i, "splitext", &[s("a.b/c.tar.gz")]),
            "('a.b/c.tar', '.gz')"
        );
        assert_eq!(p(&mut i, "dirname", &[s("/usr/lib/")]), "'/usr/lib'");
        assert_eq!(p(&mut i, "basename", &[s("/usr/lib/")]), "''");
        assert_eq!(p(&mut i, "normpath", &[s("a//b/../c/.")]), "'a/c'");
        assert_eq!(p(&mut i, "split", &[s("/file")]), "('/', 'file')");
        let r = p(&mut i, "getsize", &[s("/nonexistent_tern_x")]);
        assert_eq!(
            r,
            "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_tern_x'"
        );
        let sys = super::super::modules::builtin_module(&mut i, "sys").unwrap();
        let exit = i.getattr(&sys, "exit").unwrap();
        let r = i.call(&exit, &[Value::int(3)], &[]);
        assert_eq!(repr_of(&mut i, r), "SystemExit: 3");
    }
}
