//! Methods of the built-in types (str, list, tuple, dict, set, frozenset,
//! int, float), `str.format`, `%`-formatting and `format(value, spec)`.
//!
//! Every method is a native function `fn(&mut Interp, args, kw)` whose
//! `args[0]` is the receiver. Error messages follow CPython 3.11 word for
//! word, including its several styles of arity errors. No method holds a
//! `RefCell` borrow across a call that may run Python code (`__eq__`,
//! `__hash__`, key functions), so user code that touches the container
//! mid-operation cannot cause a borrow panic.

use super::call::check_arity;
use super::dict::Dict;
use super::exceptions::ExcType;
use super::format::{self as fmt, Count, FmtError, PercentPiece};
use super::hash::{dict_copy, dict_del, dict_get, dict_set, dict_update_from, key_error};
use super::interp::{add_method, bare_class, native, set_class_attr};
use super::iter::{collect, new_iter};
use super::object::{Instance, IterState, Layout, Obj, PyStr};
use super::ops::{num, to_bigint, Num};
use super::set::PySet;
use super::value::{Value, View};
use super::{Interp, PyErr, PyResult};
use crate::syntax::ast::Name;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};
use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;

type Kw = [(Name, Value)];

// ---------------------------------------------------------------------------
// Installation
// ---------------------------------------------------------------------------

pub fn install(interp: &mut Interp) {
    let t = &interp.types;
    let s = t.str_.clone();
    for (name, f) in [
        ("split", str_split as super::object::NativeFnPtr),
        ("rsplit", str_rsplit),
        ("join", str_join),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("lower", str_lower),
        ("upper", str_upper),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("swapcase", str_swapcase),
        ("casefold", str_casefold),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("format", str_format),
        ("format_map", str_format_map),
        ("splitlines", str_splitlines),
        ("isdigit", str_isdigit),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("isnumeric", str_isnumeric),
        ("isdecimal", str_isdecimal),
        ("isidentifier", str_isidentifier),
        ("istitle", str_istitle),
        ("isascii", str_isascii),
        ("isprintable", str_isprintable),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("expandtabs", str_expandtabs),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("translate", str_translate),
        ("__format__", str_dunder_format),
    ] {
        add_method(&s, name, f);
    }
    set_class_attr(
        &s,
        "maketrans",
        Value::obj(Obj::StaticMethod(native("maketrans", str_maketrans))),
    );

    let l = t.list.clone();
    for (name, f) in [
        ("append", list_append as super::object::NativeFnPtr),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
    ] {
        add_method(&l, name, f);
    }

    let tu = t.tuple.clone();
    add_method(&tu, "index", tuple_index);
    add_method(&tu, "count", tuple_count);

    let d = t.dict.clone();
    for (name, f) in [
        ("get", dict_get_m as super::object::NativeFnPtr),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items_m),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("copy", dict_copy_m),
        ("clear", dict_clear),
    ] {
        add_method(&d, name, f);
    }
    set_class_attr(
        &d,
        "fromkeys",
        Value::obj(Obj::ClassMethod(native("fromkeys", dict_fromkeys))),
    );

    let st = t.set.clone();
    let fs = t.frozenset.clone();
    for (name, f) in [
        ("copy", set_copy_m as super::object::NativeFnPtr),
        ("union", set_union),
        ("intersection", set_intersection_m),
        ("difference", set_difference_m),
        ("symmetric_difference", set_symmetric_difference_m),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ] {
        add_method(&st, name, f);
        add_method(&fs, name, f);
    }
    for (name, f) in [
        ("add", set_add_m as super::object::NativeFnPtr),
        ("remove", set_remove_m),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update,
        ),
    ] {
        add_method(&st, name, f);
    }

    let r = t.range.clone();
    add_method(&r, "index", range_index);
    add_method(&r, "count", range_count);

    let i = t.int.clone();
    add_method(&i, "bit_length", int_bit_length);
    add_method(&i, "bit_count", int_bit_count);
    add_method(&i, "conjugate", int_conjugate);
    add_method(&i, "as_integer_ratio", int_as_integer_ratio);
    add_method(&i, "__format__", int_dunder_format);

    let f = t.float.clone();
    add_method(&f, "is_integer", float_is_integer);
    add_method(&f, "as_integer_ratio", float_as_integer_ratio);
    add_method(&f, "conjugate", float_conjugate);
    add_method(&f, "hex", float_hex);
    add_method(&f, "__format__", float_dunder_format);

    install_views(interp);
}

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// The error for a method called on the wrong kind of object
/// (`list.append(5, 1)`) or with no receiver at all.
fn descr_err(interp: &Interp, args: &[Value], meth: &str, ty: &str) -> PyErr {
    match args.first() {
        None => interp.type_error(format!("unbound method {ty}.{meth}() needs an argument")),
        Some(v) => interp.type_error(format!(
            "descriptor '{meth}' for '{ty}' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        )),
    }
}

fn this_str<'a>(interp: &Interp, args: &'a [Value], meth: &str) -> PyResult<&'a PyStr> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::Str(s)) => Ok(s),
        _ => Err(descr_err(interp, args, meth, "str")),
    }
}

fn this_list<'a>(
    interp: &Interp,
    args: &'a [Value],
    meth: &str,
) -> PyResult<&'a RefCell<Vec<Value>>> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::List(l)) => Ok(l),
        _ => Err(descr_err(interp, args, meth, "list")),
    }
}

fn this_dict<'a>(interp: &Interp, args: &'a [Value], meth: &str) -> PyResult<&'a RefCell<Dict>> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::Dict(d)) => Ok(d),
        _ => Err(descr_err(interp, args, meth, "dict")),
    }
}

/// Argument Clinic's style for methods that take keywords:
/// `split() takes at most 2 arguments (3 given)`.
fn arity_clinic(interp: &Interp, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    Err(interp.type_error(format!(
        "{name}() takes {how} {k} argument{} ({n} given)",
        if k == 1 { "" } else { "s" }
    )))
}

/// `str.find() takes no keyword arguments`
/// `str.{name}`, formatted only when an error message needs it (the
/// checks that take it run at every call of a str method).
struct StrMethod<'a>(&'a str);

impl std::fmt::Display for StrMethod<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "str.{}", self.0)
    }
}

fn no_kw(interp: &Interp, qualname: impl std::fmt::Display, kw: &Kw) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("{qualname}() takes no keyword arguments")))
    }
}

/// Merge positional and keyword arguments of a native method into slots,
/// with CPython's errors for unknown and duplicate keywords.
fn bind_kw<const N: usize>(
    interp: &Interp,
    fname: &str,
    pos: &[Value],
    kw: &Kw,
    names: &[&str; N],
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kw {
        match names.iter().position(|n| **n == **k) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(interp.type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            None => {
                return Err(interp.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    Ok(out)
}

/// Turn a formatting error into the Python exception it names.
pub fn fmt_err(interp: &Interp, e: FmtError) -> PyErr {
    match e {
        FmtError::Value(m) => interp.value_error(m),
        FmtError::Type(m) => interp.type_error(m),
        FmtError::Overflow(m) => interp.err(ExcType::OverflowError, m),
    }
}

/// An integer argument (`__index__` semantics for built-in ints and bools).
fn int_arg(interp: &Interp, v: &Value) -> PyResult<i64> {
    match num(v) {
        Some(Num::I(i)) => Ok(i),
        Some(Num::B(b)) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        ))),
    }
}

/// A slice-style bound for `find`/`count`/`startswith` (None allowed).
fn slice_bound(interp: &Interp, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match num(v) {
            Some(Num::I(i)) => Ok(Some(i)),
            Some(Num::B(b)) => Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => Err(interp
                .type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's `ADJUST_INDICES`.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: i64) -> (i64, i64) {
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end += len;
        if end < 0 {
            end = 0;
        }
    }
    if start < 0 {
        start += len;
        if start < 0 {
            start = 0;
        }
    }
    (start, end)
}

/// Byte offset of code point `ci` (clamped to the end).
fn byte_at(s: &PyStr, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.s.len());
    }
    s.s.char_indices().nth(ci).map_or(s.s.len(), |(b, _)| b)
}

/// Code-point index of byte offset `b` of a text.
fn char_index(text: &str, b: usize) -> usize {
    if text.is_ascii() {
        b
    } else {
        text[..b].chars().count()
    }
}

fn nchars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `str.isspace()` for one character.
fn is_space(c: char) -> bool {
    fmt::is_py_space(c)
}

// ---------------------------------------------------------------------------
// str: splitting and joining
// ---------------------------------------------------------------------------

fn split_args(
    interp: &mut Interp,
    args: &[Value],
    kw: &Kw,
    name: &str,
) -> PyResult<(Option<Value>, usize)> {
    arity_clinic(interp, name, args.len() - 1, 0, 2)?;
    let b = bind_kw(interp, name, &args[1..], kw, &["sep", "maxsplit"])?;
    let sep = match &b[0] {
        Some(v) if v.is_none() => None,
        Some(v) if v.as_str().is_some() => Some(v.clone()),
        Some(v) => {
            return Err(
                interp.type_error(format!("must be str or None, not {}", interp.type_name(v)))
            )
        }
        None => None,
    };
    if let Some(s) = &sep {
        if s.as_str().unwrap().is_empty() {
            return Err(interp.value_error("empty separator"));
        }
    }
    let maxsplit = match &b[1] {
        Some(v) => int_arg(interp, v)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    Ok((sep, maxsplit))
}

fn str_split(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "split")?;
    let (sep, maxsplit) = split_args(interp, args, kw, "split")?;
    let text: &str = &s.s;
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            let sep = sep.as_str().unwrap();
            if maxsplit == usize::MAX {
                match sep.as_bytes() {
                    // A one-byte separator is searched for with memchr,
                    // not the general substring searcher.
                    [b] if b.is_ascii() => text.split(*b as char).map(Value::str).collect(),
                    _ => text.split(sep).map(Value::str).collect(),
                }
            } else {
                text.splitn(maxsplit.saturating_add(1), sep)
                    .map(Value::str)
                    .collect()
            }
        }
        None => split_whitespace(text, maxsplit)
            .into_iter()
            .map(Value::str)
            .collect(),
    };
    Ok(Value::list(parts))
}

fn split_whitespace(text: &str, maxsplit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    if text.is_ascii() {
        let b = text.as_bytes();
        let sp = |c: u8| {
            matches!(
                c,
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' | 0x1c..=0x1f
            )
        };
        let n = b.len();
        let mut i = 0;
        let mut count = maxsplit;
        while count > 0 {
            while i < n && sp(b[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            let j = i;
            i += 1;
            while i < n && !sp(b[i]) {
                i += 1;
            }
            out.push(&text[j..i]);
            count -= 1;
        }
        if i < n {
            while i < n && sp(b[i]) {
                i += 1;
            }
            if i != n {
                out.push(&text[i..]);
            }
        }
        return out;
    }
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let at = |k: usize| if k < n { cs[k].0 } else { text.len() };
    let mut i = 0;
    let mut count = maxsplit;
    while count > 0 {
        while i < n && is_space(cs[i].1) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        i += 1;
        while i < n && !is_space(cs[i].1) {
            i += 1;
        }
        out.push(&text[at(j)..at(i)]);
        count -= 1;
    }
    if i < n {
        while i < n && is_space(cs[i].1) {
            i += 1;
        }
        if i != n {
            out.push(&text[at(i)..]);
        }
    }
    out
}

fn rsplit_whitespace(text: &str, maxsplit: usize) -> Vec<&str> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len() as i64;
    let at = |k: i64| if k < n { cs[k as usize].0 } else { text.len() };
    let sp = |k: i64| is_space(cs[k as usize].1);
    let mut out = Vec::new();
    let mut i = n - 1;
    let mut count = maxsplit;
    while count > 0 {
        while i >= 0 && sp(i) {
            i -= 1;
        }
        if i < 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i >= 0 && !sp(i) {
            i -= 1;
        }
        out.push(&text[at(i + 1)..at(j + 1)]);
        count -= 1;
    }
    if i >= 0 {
        while i >= 0 && sp(i) {
            i -= 1;
        }
        if i >= 0 {
            out.push(&text[..at(i + 1)]);
        }
    }
    out.reverse();
    out
}

fn str_rsplit(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "rsplit")?;
    let (sep, maxsplit) = split_args(interp, args, kw, "rsplit")?;
    let text: &str = &s.s;
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            let sep = sep.as_str().unwrap();
            let mut v: Vec<&str> = if maxsplit == usize::MAX {
                text.rsplit(sep).collect()
            } else {
                text.rsplitn(maxsplit.saturating_add(1), sep).collect()
            };
            v.reverse();
            v.into_iter().map(Value::str).collect()
        }
        None => rsplit_whitespace(text, maxsplit)
            .into_iter()
            .map(Value::str)
            .collect(),
    };
    Ok(Value::list(parts))
}

fn str_join(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "join")?;
    no_kw(interp, "str.join", kw)?;
    check_arity(interp, "str.join", &args[1..], 1, 1)?;
    let arg = &args[1];
    let items: Vec<Value> = match arg.as_obj() {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => match collect(interp, arg) {
            Ok(v) => v,
            Err(e) => {
                if super::exceptions::is_instance_of(interp, &e.0, ExcType::TypeError)
                    && interp.iter(arg).is_err()
                {
                    return Err(interp.type_error("can only join an iterable"));
                }
                return Err(e);
            }
        },
    };
    if items.len() == 1 {
        if let Some(Obj::Str(_)) = items[0].as_obj() {
            return Ok(items[0].clone());
        }
    }
    let sep: &str = &s.s;
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, it) in items.iter().enumerate() {
        match it.as_str() {
            Some(t) => total += t.len(),
            None => {
                return Err(interp.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    interp.type_name(it)
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(it.as_str().unwrap());
    }
    Ok(Value::string(out))
}

fn strip_impl(
    interp: &mut Interp,
    args: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = this_str(interp, args, name)?;
    check_arity(interp, name, &args[1..], 0, 1)?;
    let text: &str = &s.s;
    let out = match args.get(1) {
        None => trim(text, left, right, is_space),
        Some(v) if v.is_none() => trim(text, left, right, is_space),
        Some(v) => match v.as_str() {
            Some(chars) => {
                if chars.is_ascii() && chars.len() == 1 {
                    let c = chars.chars().next().unwrap();
                    trim(text, left, right, |x| x == c)
                } else {
                    trim(text, left, right, |x| chars.contains(x))
                }
            }
            None => return Err(interp.type_error(format!("{name} arg must be None or str"))),
        },
    };
    if out.len() == text.len() {
        return Ok(args[0].clone());
    }
    Ok(Value::str(out))
}

fn trim(text: &str, left: bool, right: bool, f: impl Fn(char) -> bool) -> &str {
    let mut t = text;
    if left {
        t = t.trim_start_matches(&f);
    }
    if right {
        t = t.trim_end_matches(&f);
    }
    t
}

fn str_strip(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "str.strip", kw)?;
    strip_impl(interp, args, "strip", true, true)
}
fn str_lstrip(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "str.lstrip", kw)?;
    strip_impl(interp, args, "lstrip", true, false)
}
fn str_rstrip(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "str.rstrip", kw)?;
    strip_impl(interp, args, "rstrip", false, true)
}

fn str_arg<'a>(interp: &Interp, v: &'a Value, fname: &str, pos: usize) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| {
        interp.type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            interp.type_name(v)
        ))
    })
}

/// `must be str, not int` (the message of `find`, `count`, `partition`…).
fn sub_arg<'a>(interp: &Interp, v: &'a Value) -> PyResult<&'a str> {
    v.as_str()
        .ok_or_else(|| interp.type_error(format!("must be str, not {}", interp.type_name(v))))
}

fn str_replace(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "replace")?;
    no_kw(interp, "str.replace", kw)?;
    check_arity(interp, "replace", &args[1..], 2, 3)?;
    let old = str_arg(interp, &args[1], "replace", 1)?;
    let new = str_arg(interp, &args[2], "replace", 2)?;
    let count = match args.get(3) {
        Some(v) => int_arg(interp, v)?,
        None => -1,
    };
    let text: &str = &s.s;
    // A one-character ASCII `old` (`s.replace(".", "")`) is searched for
    // as a char, with memchr, not with the general substring searcher.
    let old_char = match old.as_bytes() {
        [b] if b.is_ascii() => Some(*b as char),
        _ => None,
    };
    let absent = match old_char {
        Some(c) => !text.contains(c),
        None => !old.is_empty() && !text.contains(old),
    };
    if count == 0 || absent {
        return Ok(args[0].clone());
    }
    let out = match (old_char, count < 0) {
        (Some(c), true) => text.replace(c, new),
        (Some(c), false) => text.replacen(c, new, count as usize),
        (None, true) => text.replace(old, new),
        (None, false) => text.replacen(old, new, count as usize),
    };
    Ok(Value::string(out))
}

/// Parse `(sub, start, end)` for find/count/index.
fn find_args<'a>(
    interp: &Interp,
    args: &'a [Value],
    kw: &Kw,
    name: &str,
) -> PyResult<(&'a PyStr, &'a str, i64, i64)> {
    let s = this_str(interp, args, name)?;
    no_kw(interp, StrMethod(name), kw)?;
    arity_clinic(interp, name, args.len() - 1, 1, 3)?;
    let sub = sub_arg(interp, &args[1])?;
    let start = slice_bound(interp, args.get(2))?;
    let end = slice_bound(interp, args.get(3))?;
    let (st, en) = adjust_indices(start, end, s.chars as i64);
    Ok((s, sub, st, en))
}

fn find_impl(s: &PyStr, sub: &str, st: i64, en: i64, rev: bool) -> i64 {
    let sublen = nchars(sub) as i64;
    if en - st < sublen {
        return -1;
    }
    if sub.is_empty() {
        return if rev { en } else { st };
    }
    let b0 = byte_at(s, st as usize);
    let b1 = byte_at(s, en as usize);
    let hay = &s.s[b0..b1];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match found {
        Some(p) => st + char_index(hay, p) as i64,
        None => -1,
    }
}

fn str_find(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(interp, args, kw, "find")?;
    Ok(Value::int(find_impl(s, sub, st, en, false)))
}
fn str_rfind(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(interp, args, kw, "rfind")?;
    Ok(Value::int(find_impl(s, sub, st, en, true)))
}
fn str_index(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(interp, args, kw, "index")?;
    match find_impl(s, sub, st, en, false) {
        -1 => Err(interp.value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}
fn str_rindex(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(interp, args, kw, "rindex")?;
    match find_impl(s, sub, st, en, true) {
        -1 => Err(interp.value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}

fn str_count(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (s, sub, st, en) = find_args(interp, args, kw, "count")?;
    let sublen = nchars(sub) as i64;
    if en - st < sublen {
        return Ok(Value::int(0));
    }
    if sub.is_empty() {
        return Ok(Value::int(en - st + 1));
    }
    let b0 = byte_at(s, st as usize);
    let b1 = byte_at(s, en as usize);
    Ok(Value::int(s.s[b0..b1].matches(sub).count() as i64))
}

// ---------------------------------------------------------------------------
// str: case
// ---------------------------------------------------------------------------

fn no_args(
    interp: &Interp,
    args: &[Value],
    kw: &Kw,
    qualname: impl std::fmt::Display,
) -> PyResult<()> {
    no_kw(interp, &qualname, kw)?;
    if args.len() == 1 {
        return Ok(());
    }
    check_arity(interp, &qualname.to_string(), &args[1..], 0, 0)
}

fn str_lower(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "lower")?;
    no_args(interp, args, kw, "str.lower")?;
    if s.is_ascii() {
        if !s.s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Ok(args[0].clone());
        }
        return Ok(Value::ascii_mapped(&s.s, |b| b.to_ascii_lowercase()));
    }
    Ok(Value::string(s.s.to_lowercase()))
}

fn str_upper(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "upper")?;
    no_args(interp, args, kw, "str.upper")?;
    if s.is_ascii() {
        if !s.s.bytes().any(|b| b.is_ascii_lowercase()) {
            return Ok(args[0].clone());
        }
        return Ok(Value::ascii_mapped(&s.s, |b| b.to_ascii_uppercase()));
    }
    Ok(Value::string(s.s.to_uppercase()))
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        '\u{1c5}' | '\u{1c8}' | '\u{1cb}' | '\u{1f2}' | '\u{1f88}'..='\u{1f8f}'
            | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}' | '\u{1fbc}' | '\u{1fcc}'
            | '\u{1ffc}'
    )
}

fn push_title(out: &mut String, c: char) {
    match c {
        '\u{1c4}'..='\u{1c6}' => out.push('\u{1c5}'),
        '\u{1c7}'..='\u{1c9}' => out.push('\u{1c8}'),
        '\u{1ca}'..='\u{1cc}' => out.push('\u{1cb}'),
        '\u{1f1}'..='\u{1f3}' => out.push('\u{1f2}'),
        _ if is_titlecase(c) => out.push(c),
        _ => out.extend(c.to_uppercase()),
    }
}

/// Lower-case one character as part of a string (`Σ` at the end of a word
/// becomes `ς`, as CPython does).
fn push_lower(out: &mut String, text: &str, byte: usize, c: char) {
    if c == 'Σ' {
        // Use the whole-string rule of Rust, which implements Final_Sigma.
        let start = byte;
        let end = byte + c.len_utf8();
        let ctx_before = &text[..start];
        let ctx_after = &text[end..];
        let before_cased = ctx_before
            .chars()
            .rev()
            .find(|x| !is_case_ignorable(*x))
            .is_some_and(is_cased);
        let after_cased = ctx_after
            .chars()
            .find(|x| !is_case_ignorable(*x))
            .is_some_and(is_cased);
        out.push(if before_cased && !after_cased {
            'ς'
        } else {
            'σ'
        });
        return;
    }
    out.extend(c.to_lowercase());
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}'
    )
}

fn str_title(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "title")?;
    no_args(interp, args, kw, "str.title")?;
    let mut out = String::with_capacity(s.s.len());
    let mut prev_cased = false;
    for (b, c) in s.s.char_indices() {
        if prev_cased {
            push_lower(&mut out, &s.s, b, c);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    Ok(Value::string(out))
}

fn str_capitalize(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "capitalize")?;
    no_args(interp, args, kw, "str.capitalize")?;
    let mut out = String::with_capacity(s.s.len());
    for (i, (b, c)) in s.s.char_indices().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &s.s, b, c);
        }
    }
    Ok(Value::string(out))
}

fn str_swapcase(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "swapcase")?;
    no_args(interp, args, kw, "str.swapcase")?;
    let mut out = String::with_capacity(s.s.len());
    for (b, c) in s.s.char_indices() {
        if c.is_uppercase() {
            push_lower(&mut out, &s.s, b, c);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(Value::string(out))
}

fn str_casefold(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "casefold")?;
    no_args(interp, args, kw, "str.casefold")?;
    let mut out = String::with_capacity(s.s.len());
    for c in s.s.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Ok(Value::string(out))
}

// ---------------------------------------------------------------------------
// str: predicates
// ---------------------------------------------------------------------------

fn pred(
    interp: &mut Interp,
    args: &[Value],
    kw: &Kw,
    name: &str,
    empty: bool,
    f: impl Fn(&str) -> bool,
) -> PyResult<Value> {
    let s = this_str(interp, args, name)?;
    no_args(interp, args, kw, StrMethod(name))?;
    if s.s.is_empty() {
        return Ok(Value::bool(empty));
    }
    Ok(Value::bool(f(&s.s)))
}

fn is_decimal_char(c: char) -> bool {
    fmt::decimal_value(c).is_some()
}

fn is_digit_char(c: char) -> bool {
    is_decimal_char(c)
        || matches!(
            c,
            '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{1369}'..='\u{1371}' | '\u{19da}'
                | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}'
                | '\u{2460}'..='\u{2468}' | '\u{2474}'..='\u{247c}' | '\u{2488}'..='\u{2490}'
                | '\u{24ea}' | '\u{24f5}'..='\u{24fd}' | '\u{24ff}' | '\u{2776}'..='\u{277e}'
                | '\u{2780}'..='\u{2788}' | '\u{278a}'..='\u{2792}' | '\u{10a40}'..='\u{10a43}'
                | '\u{1f100}'..='\u{1f10a}'
        )
}

fn is_numeric_char(c: char) -> bool {
    is_digit_char(c)
        || c.is_numeric()
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '零'
                | '〇'
                | '兆'
        )
}

fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !c.is_numeric()
}

fn str_isdigit(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isdigit", false, |s| {
        s.chars().all(is_digit_char)
    })
}
fn str_isdecimal(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isdecimal", false, |s| {
        s.chars().all(is_decimal_char)
    })
}
fn str_isnumeric(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isnumeric", false, |s| {
        s.chars().all(is_numeric_char)
    })
}
fn str_isalpha(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isalpha", false, |s| {
        s.chars().all(is_alpha_char)
    })
}
fn str_isalnum(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isalnum", false, |s| {
        s.chars().all(|c| is_alpha_char(c) || is_numeric_char(c))
    })
}
fn str_isspace(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isspace", false, |s| {
        s.chars().all(is_space)
    })
}
fn str_isupper(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isupper", false, |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_lowercase() || is_titlecase(c) {
                return false;
            }
            if c.is_uppercase() {
                cased = true;
            }
        }
        cased
    })
}
fn str_islower(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "islower", false, |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                return false;
            }
            if c.is_lowercase() {
                cased = true;
            }
        }
        cased
    })
}
fn str_istitle(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "istitle", false, |s| {
        let mut cased = false;
        let mut prev_cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}
fn str_isidentifier(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isidentifier", false, is_identifier)
}

pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || is_alpha_char(c) => {}
        _ => return false,
    }
    cs.all(|c| {
        c == '_' || is_alpha_char(c) || is_decimal_char(c) || (!c.is_ascii() && c.is_alphanumeric())
    })
}

fn str_isascii(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isascii", true, |s| s.is_ascii())
}
fn str_isprintable(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pred(interp, args, kw, "isprintable", true, |s| {
        s.chars().all(fmt::is_printable)
    })
}

fn str_startswith(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    affix_impl(interp, args, kw, "startswith", true)
}
fn str_endswith(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    affix_impl(interp, args, kw, "endswith", false)
}

fn affix_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: &Kw,
    name: &str,
    start: bool,
) -> PyResult<Value> {
    let s = this_str(interp, args, name)?;
    no_kw(interp, StrMethod(name), kw)?;
    arity_clinic(interp, name, args.len() - 1, 1, 3)?;
    let a = slice_bound(interp, args.get(2))?;
    let b = slice_bound(interp, args.get(3))?;
    let (st, en) = adjust_indices(a, b, s.chars as i64);
    let test = |sub: &str| -> bool {
        let sublen = nchars(sub) as i64;
        if en - sublen < st {
            return false;
        }
        if sub.is_empty() {
            return true;
        }
        let b0 = byte_at(s, st as usize);
        let b1 = byte_at(s, en as usize);
        let hay = &s.s[b0..b1];
        if start {
            hay.starts_with(sub)
        } else {
            hay.ends_with(sub)
        }
    };
    let bad = |interp: &Interp, v: &Value| {
        interp.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            interp.type_name(v)
        ))
    };
    match args[1].as_obj() {
        Some(Obj::Str(p)) => Ok(Value::bool(test(&p.s))),
        Some(Obj::Tuple(t)) => {
            for x in t.iter() {
                match x.as_str() {
                    Some(p) => {
                        if test(p) {
                            return Ok(Value::TRUE);
                        }
                    }
                    None => {
                        return Err(interp.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            interp.type_name(x)
                        )))
                    }
                }
            }
            Ok(Value::FALSE)
        }
        _ => Err(bad(interp, &args[1])),
    }
}

// ---------------------------------------------------------------------------
// str: layout
// ---------------------------------------------------------------------------

fn str_splitlines(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "splitlines")?;
    if args.len() - 1 + kw.len() > 1 {
        if kw.len() > 1 {
            return Err(interp.type_error(format!(
                "splitlines() takes at most 1 keyword argument ({} given)",
                kw.len()
            )));
        }
        arity_clinic(interp, "splitlines", args.len() - 1 + kw.len(), 0, 1)?;
    }
    let b = bind_kw(interp, "splitlines", &args[1..], kw, &["keepends"])?;
    let keep = match &b[0] {
        Some(v) => match num(v) {
            Some(Num::I(i)) => i != 0,
            Some(Num::B(_)) => true,
            _ => {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )))
            }
        },
        None => false,
    };
    let text: &str = &s.s;
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(Value::str(if keep {
            &text[start..end]
        } else {
            &text[start..i]
        }));
        start = end;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn fill_arg(interp: &Interp, args: &[Value], i: usize) -> PyResult<char> {
    match args.get(i) {
        None => Ok(' '),
        Some(v) => {
            match v.as_str() {
                Some(f) => {
                    let mut cs = f.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Ok(c),
                        _ => Err(interp
                            .type_error("The fill character must be exactly one character long")),
                    }
                }
                None => Err(interp.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    interp.type_name(v)
                ))),
            }
        }
    }
}

fn pad_impl(interp: &mut Interp, args: &[Value], kw: &Kw, name: &str) -> PyResult<Value> {
    let s = this_str(interp, args, name)?;
    no_kw(interp, StrMethod(name), kw)?;
    check_arity(interp, name, &args[1..], 1, 2)?;
    let width = int_arg(interp, &args[1])?;
    let fill = fill_arg(interp, args, 2)?;
    let len = s.chars as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    interp.check_alloc(width as usize)?;
    let mut out = String::with_capacity(s.s.len() + marg * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&s.s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::string(out))
}

fn str_center(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pad_impl(interp, args, kw, "center")
}
fn str_ljust(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pad_impl(interp, args, kw, "ljust")
}
fn str_rjust(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    pad_impl(interp, args, kw, "rjust")
}

fn str_zfill(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "zfill")?;
    no_kw(interp, "str.zfill", kw)?;
    check_arity(interp, "str.zfill", &args[1..], 1, 1)?;
    let width = int_arg(interp, &args[1])?;
    let len = s.chars as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    interp.check_alloc(width as usize)?;
    let fill = (width - len) as usize;
    let text: &str = &s.s;
    let mut out = String::with_capacity(text.len() + fill);
    let rest = match text.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(Value::string(out))
}

fn partition_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: &Kw,
    name: &str,
    rev: bool,
) -> PyResult<Value> {
    let s = this_str(interp, args, name)?;
    no_kw(interp, StrMethod(name), kw)?;
    if args.len() != 2 {
        check_arity(interp, &StrMethod(name).to_string(), &args[1..], 1, 1)?;
    }
    let sep = sub_arg(interp, &args[1])?;
    if sep.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let text: &str = &s.s;
    let found = if rev { text.rfind(sep) } else { text.find(sep) };
    Ok(Value::tuple(match found {
        Some(i) => vec![
            Value::str(&text[..i]),
            args[1].clone(),
            Value::str(&text[i + sep.len()..]),
        ],
        None if rev => vec![Value::str(""), Value::str(""), args[0].clone()],
        None => vec![args[0].clone(), Value::str(""), Value::str("")],
    }))
}

fn str_partition(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    partition_impl(interp, args, kw, "partition", false)
}
fn str_rpartition(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    partition_impl(interp, args, kw, "rpartition", true)
}

fn str_expandtabs(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "expandtabs")?;
    arity_clinic(interp, "expandtabs", args.len() - 1, 0, 1)?;
    let b = bind_kw(interp, "expandtabs", &args[1..], kw, &["tabsize"])?;
    let tabsize = match &b[0] {
        Some(v) => int_arg(interp, v)?,
        None => 8,
    };
    if !s.s.contains('\t') {
        return Ok(args[0].clone());
    }
    let mut out = String::with_capacity(s.s.len());
    let mut col: i64 = 0;
    for c in s.s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    interp.check_alloc(n as usize)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn str_removeprefix(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "removeprefix")?;
    no_kw(interp, "str.removeprefix", kw)?;
    check_arity(interp, "str.removeprefix", &args[1..], 1, 1)?;
    let p = str_arg(interp, &args[1], "removeprefix", 1)?;
    match s.s.strip_prefix(p) {
        Some(rest) if !p.is_empty() => Ok(Value::str(rest)),
        _ => Ok(args[0].clone()),
    }
}

fn str_removesuffix(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "removesuffix")?;
    no_kw(interp, "str.removesuffix", kw)?;
    check_arity(interp, "str.removesuffix", &args[1..], 1, 1)?;
    let p = str_arg(interp, &args[1], "removesuffix", 1)?;
    match s.s.strip_suffix(p) {
        Some(rest) if !p.is_empty() => Ok(Value::str(rest)),
        _ => Ok(args[0].clone()),
    }
}

/// `str.maketrans(x[, y[, z]])`.
fn str_maketrans(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "str.maketrans", kw)?;
    check_arity(interp, "maketrans", args, 1, 3)?;
    let out = super::hash::new_dict();
    let ord = |c: char| Value::int(c as i64);
    if args.len() == 1 {
        let Some(Obj::Dict(_)) = args[0].as_obj() else {
            return Err(
                interp.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (k, v) in super::hash::dict_items(&args[0]) {
            let key = match k.as_str() {
                Some(s) => {
                    let mut cs = s.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => ord(c),
                        _ => {
                            return Err(interp
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                }
                None if super::ops::is_int_like(&k) => k.clone(),
                None => {
                    return Err(
                        interp.type_error("keys in translate table must be strings or integers")
                    )
                }
            };
            dict_set(interp, &out, key, v)?;
        }
        return Ok(out);
    }
    let x = args[0].as_str().ok_or_else(|| {
        interp.type_error(format!(
            "maketrans() argument 1 must be str, not {}",
            interp.type_name(&args[0])
        ))
    })?;
    let y = args[1].as_str().ok_or_else(|| {
        interp.type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            interp.type_name(&args[1])
        ))
    })?;
    if nchars(x) != nchars(y) {
        return Err(interp.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        dict_set(interp, &out, ord(a), ord(b))?;
    }
    if let Some(z) = args.get(2) {
        let z = z.as_str().ok_or_else(|| {
            interp.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                interp.type_name(&args[2])
            ))
        })?;
        for c in z.chars() {
            dict_set(interp, &out, ord(c), Value::NONE)?;
        }
    }
    Ok(out)
}

fn str_translate(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "translate")?;
    no_kw(interp, "str.translate", kw)?;
    check_arity(interp, "str.translate", &args[1..], 1, 1)?;
    let table = args[1].clone();
    let lookup_err = |interp: &Interp, e: &PyErr| {
        super::exceptions::is_instance_of(interp, &e.0, ExcType::LookupError)
    };
    let mut out = String::with_capacity(s.s.len());
    for c in s.s.chars() {
        match interp.getitem(&table, &Value::int(c as i64)) {
            Ok(v) => match v.view() {
                View::None => {}
                View::Int(i) => match u32::try_from(i).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(
                            interp.value_error("character mapping must be in range(0x110000)")
                        )
                    }
                },
                View::Obj(Obj::Str(t)) => out.push_str(&t.s),
                _ => {
                    return Err(
                        interp.type_error("character mapping must return integer, None or str")
                    )
                }
            },
            Err(e) if lookup_err(interp, &e) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

fn str_dunder_format(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "__format__")?;
    no_kw(interp, "str.__format__", kw)?;
    check_arity(interp, "__format__", &args[1..], 1, 1)?;
    let spec = str_arg(interp, &args[1], "__format__", 1)?;
    fmt::format_str(&s.s, spec)
        .map(Value::string)
        .map_err(|e| fmt_err(interp, e))
}

// ---------------------------------------------------------------------------
// format(value, spec), str.format, str.format_map
// ---------------------------------------------------------------------------

/// `format(v, spec)`: ints (bools only with a non-empty spec), floats and
/// strs through the format mini-language, user objects through their
/// `__format__`, anything else as `str(v)` when the spec is empty.
pub fn format_value(interp: &mut Interp, v: &Value, spec: &str) -> PyResult<String> {
    let r = match v.view() {
        View::Int(i) => fmt::format_int_typed(fmt::IntArg::Small(i), spec, "int"),
        View::Bool(b) => {
            if spec.is_empty() {
                return Ok(if b { "True" } else { "False" }.into());
            }
            fmt::format_int_typed(fmt::IntArg::Small(b as i64), spec, "bool")
        }
        View::Float(f) => fmt::format_float(f, spec),
        View::Obj(Obj::Int(b)) => fmt::format_int(b, spec),
        View::Obj(Obj::Str(s)) => fmt::format_str(&s.s, spec),
        View::Obj(Obj::Instance(_)) => {
            let cls = interp.type_of(v);
            if let Some(f) = super::attr::lookup_in_class(&cls, "__format__") {
                if !matches!(f.as_obj(), Some(Obj::Native(_))) {
                    let m = super::attr::lookup_special(interp, v, "__format__").unwrap_or(f);
                    let r = interp.call(&m, &[Value::str(spec)], &[])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(interp.type_error(format!(
                            "__format__ must return a str, not {}",
                            interp.type_name(&r)
                        ))),
                    };
                }
            }
            return default_format(interp, v, spec);
        }
        _ => return default_format(interp, v, spec),
    };
    r.map_err(|e| fmt_err(interp, e))
}

fn default_format(interp: &mut Interp, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        interp.str_of(v)
    } else {
        Err(interp.type_error(format!(
            "unsupported format string passed to {}.__format__",
            interp.type_name(v)
        )))
    }
}

fn int_dunder_format(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "int.__format__", kw)?;
    if !args.first().is_some_and(super::ops::is_int_like) {
        return Err(descr_err(interp, args, "__format__", "int"));
    }
    check_arity(interp, "__format__", &args[1..], 1, 1)?;
    let spec = str_arg(interp, &args[1], "__format__", 1)?.to_string();
    format_value(interp, &args[0], &spec).map(Value::string)
}

fn float_dunder_format(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "float.__format__", kw)?;
    let Some(x) = args.first().and_then(|v| v.as_float()) else {
        return Err(descr_err(interp, args, "__format__", "float"));
    };
    check_arity(interp, "__format__", &args[1..], 1, 1)?;
    let spec = str_arg(interp, &args[1], "__format__", 1)?;
    fmt::format_float(x, spec)
        .map(Value::string)
        .map_err(|e| fmt_err(interp, e))
}

/// `ascii(v)`'s escaping applied to a repr text.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

/// Where `str.format` finds its fields.
enum FieldSource<'a> {
    Args { pos: &'a [Value], kw: &'a Kw },
    Map(&'a Value),
}

#[derive(PartialEq, Clone, Copy)]
enum AutoNum {
    Unknown,
    Auto,
    Manual,
}

struct Formatter<'a> {
    src: FieldSource<'a>,
    auto: AutoNum,
    next_index: usize,
}

fn str_format(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "format")?;
    let mut f = Formatter {
        src: FieldSource::Args {
            pos: &args[1..],
            kw,
        },
        auto: AutoNum::Unknown,
        next_index: 0,
    };
    let text = s.s.clone();
    let out = f.render(interp, &text, 2)?;
    Ok(Value::string(out))
}

fn str_format_map(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_str(interp, args, "format_map")?;
    no_kw(interp, "str.format_map", kw)?;
    check_arity(interp, "str.format_map", &args[1..], 1, 1)?;
    let mut f = Formatter {
        src: FieldSource::Map(&args[1]),
        auto: AutoNum::Unknown,
        next_index: 0,
    };
    let text = s.s.clone();
    let out = f.render(interp, &text, 2)?;
    Ok(Value::string(out))
}

/// `template.format(*pos, **kw)` for callers outside this module.
pub fn str_format_call(
    interp: &mut Interp,
    template: &str,
    pos: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<String> {
    let mut f = Formatter {
        src: FieldSource::Args { pos, kw },
        auto: AutoNum::Unknown,
        next_index: 0,
    };
    f.render(interp, template, 2)
}

impl Formatter<'_> {
    /// CPython's `MarkupIterator` loop plus `output_markup`.
    fn render(&mut self, interp: &mut Interp, text: &str, depth: i32) -> PyResult<String> {
        if depth <= 0 {
            return Err(interp.value_error("Max string recursion exceeded"));
        }
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < n {
            let c = chars[i];
            i += 1;
            if c != '{' && c != '}' {
                out.push(c);
                continue;
            }
            let at_end = i >= n;
            if c == '}' {
                if at_end || chars[i] != '}' {
                    return Err(interp.value_error("Single '}' encountered in format string"));
                }
                out.push('}');
                i += 1;
                continue;
            }
            if at_end {
                return Err(interp.value_error("Single '{' encountered in format string"));
            }
            if chars[i] == '{' {
                out.push('{');
                i += 1;
                continue;
            }
            // A replacement field: up to the matching '}'.
            let start = i;
            let mut count = 1;
            let mut end = None;
            while i < n {
                let c = chars[i];
                i += 1;
                match c {
                    '{' => count += 1,
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            end = Some(i - 1);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(end) = end else {
                return Err(interp.value_error("expected '}' before end of string"));
            };
            let field: String = chars[start..end].iter().collect();
            self.field(interp, &field, depth, &mut out)?;
        }
        Ok(out)
    }

    fn field(
        &mut self,
        interp: &mut Interp,
        field: &str,
        depth: i32,
        out: &mut String,
    ) -> PyResult<()> {
        // parse_field: the name ends at ':' or '!' outside brackets.
        let chars: Vec<char> = field.chars().collect();
        let n = chars.len();
        let mut i = 0;
        let mut stop = None;
        while i < n {
            let c = chars[i];
            i += 1;
            match c {
                '{' => return Err(interp.value_error("unexpected '{' in field name")),
                '[' => {
                    while i < n && chars[i] != ']' {
                        i += 1;
                    }
                }
                ':' | '!' => {
                    stop = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let (name_end, mut conversion, spec): (usize, Option<char>, String) = match stop {
            None => (n, None, String::new()),
            Some(c) => {
                let name_end = i - 1;
                let mut conv = None;
                if c == '!' {
                    if i >= n {
                        return Err(interp
                            .value_error("end of string while looking for conversion specifier"));
                    }
                    conv = Some(chars[i]);
                    i += 1;
                    if i < n {
                        if chars[i] != ':' {
                            return Err(
                                interp.value_error("expected ':' after conversion specifier")
                            );
                        }
                        i += 1;
                    }
                }
                (name_end, conv, chars[i..].iter().collect())
            }
        };
        let name: String = chars[..name_end].iter().collect();
        let obj = self.lookup(interp, &name)?;
        let obj = match conversion.take() {
            None => obj,
            Some('r') => Value::string(interp.repr(&obj)?),
            Some('s') => interp.str_value(&obj)?,
            Some('a') => Value::string(ascii_escape(&interp.repr(&obj)?)),
            Some(c) => {
                return Err(interp.value_error(format!("Unknown conversion specifier {c}")));
            }
        };
        let spec = if spec.contains('{') {
            self.render(interp, &spec, depth - 1)?
        } else {
            spec
        };
        out.push_str(&format_value(interp, &obj, &spec)?);
        Ok(())
    }

    /// Resolve `0[1].attr`, `name`, or an automatically numbered field.
    fn lookup(&mut self, interp: &mut Interp, name: &str) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            if self.auto == AutoNum::Manual {
                return Err(interp.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.auto = AutoNum::Auto;
            let i = self.next_index;
            self.next_index += 1;
            self.positional(interp, i)?
        } else if first.bytes().all(|b| b.is_ascii_digit()) {
            if self.auto == AutoNum::Auto {
                return Err(interp.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.auto = AutoNum::Manual;
            match first.parse::<usize>() {
                Ok(i) => self.positional(interp, i)?,
                Err(_) => {
                    return Err(interp.value_error("Too many decimal digits in format string"))
                }
            }
        } else {
            self.keyword(interp, first)?
        };
        // The rest: .attr and [key] parts.
        let rest: Vec<char> = name[first_end..].chars().collect();
        let mut i = 0;
        while i < rest.len() {
            let c = rest[i];
            i += 1;
            if c == '.' {
                let start = i;
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                let attr: String = rest[start..i].iter().collect();
                if attr.is_empty() {
                    return Err(interp.value_error("Empty attribute in format string"));
                }
                obj = interp.getattr(&obj, &attr)?;
            } else if c == '[' {
                let start = i;
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    return Err(interp.value_error("Missing ']' in format string"));
                }
                let key: String = rest[start..i].iter().collect();
                i += 1;
                if key.is_empty() {
                    return Err(interp.value_error("Empty attribute in format string"));
                }
                let k = if key.bytes().all(|b| b.is_ascii_digit()) {
                    match key.parse::<i64>() {
                        Ok(n) => Value::int(n),
                        Err(_) => Value::string(key),
                    }
                } else {
                    Value::string(key)
                };
                obj = interp.getitem(&obj, &k)?;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(interp
                        .value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            } else {
                return Err(
                    interp.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        Ok(obj)
    }

    fn positional(&self, interp: &mut Interp, i: usize) -> PyResult<Value> {
        match &self.src {
            FieldSource::Args { pos, .. } => match pos.get(i) {
                Some(v) => Ok(v.clone()),
                None => Err(interp.err(
                    ExcType::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )),
            },
            FieldSource::Map(_) => {
                Err(interp.value_error("Format string contains positional fields"))
            }
        }
    }

    fn keyword(&self, interp: &mut Interp, name: &str) -> PyResult<Value> {
        match &self.src {
            FieldSource::Args { kw, .. } => match kw.iter().find(|(k, _)| &**k == name) {
                Some((_, v)) => Ok(v.clone()),
                None => Err(key_error(interp, &Value::str(name))),
            },
            FieldSource::Map(m) => {
                let m = (*m).clone();
                interp.getitem(&m, &Value::str(name))
            }
        }
    }
}

// ---------------------------------------------------------------------------
// %-formatting
// ---------------------------------------------------------------------------

/// `template % args`.
pub fn percent_format(interp: &mut Interp, template: &str, args: &Value) -> PyResult<Value> {
    let pieces = fmt::parse_percent(template).map_err(|e| fmt_err(interp, e))?;
    // unicode_format_arg state: a tuple is consumed item by item, anything
    // else is one argument; a mapping (not tuple, not str) enables %(key)s.
    let tuple_items: Option<Vec<Value>> = match args.as_obj() {
        Some(Obj::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    };
    let is_mapping = tuple_items.is_none()
        && match args.as_obj() {
            Some(Obj::Str(_)) => false,
            Some(Obj::Dict(_) | Obj::List(_) | Obj::Range(_)) => true,
            Some(Obj::Instance(_)) => {
                super::attr::lookup_special(interp, args, "__getitem__").is_some()
            }
            _ => false,
        };
    let mut cur: Value = args.clone();
    let mut cur_tuple = tuple_items;
    let (mut arglen, mut argidx): (i64, i64) = match &cur_tuple {
        Some(t) => (t.len() as i64, 0),
        None => (-1, -2),
    };
    let mut out = String::with_capacity(template.len() + 16);
    fn next_arg(
        interp: &Interp,
        cur: &Value,
        tuple: &Option<Vec<Value>>,
        arglen: i64,
        argidx: &mut i64,
    ) -> PyResult<Value> {
        if *argidx < arglen {
            let i = *argidx;
            *argidx += 1;
            return Ok(match tuple {
                Some(t) if arglen >= 0 => t[i as usize].clone(),
                _ => cur.clone(),
            });
        }
        Err(interp.type_error("not enough arguments for format string"))
    }
    for piece in &pieces {
        let spec = match piece {
            PercentPiece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            PercentPiece::Spec(s) => s,
        };
        if let Some(key) = &spec.key {
            if !is_mapping {
                return Err(interp.type_error("format requires a mapping"));
            }
            let v = interp.getitem(args, &Value::str(key))?;
            cur = v;
            cur_tuple = None;
            arglen = -1;
            argidx = -2;
        }
        let mut star = |interp: &Interp| -> PyResult<i64> {
            let v = next_arg(interp, &cur, &cur_tuple, arglen, &mut argidx)?;
            match num(&v) {
                Some(Num::I(i)) => Ok(i),
                _ => Err(interp.type_error("* wants int")),
            }
        };
        let sw = if spec.width == Some(Count::Star) {
            Some(star(interp)?)
        } else {
            None
        };
        let sp = if spec.precision == Some(Count::Star) {
            Some(star(interp)?)
        } else {
            None
        };
        let (spec, width, prec) = fmt::resolve_percent_counts(spec, sw, sp);
        let v = next_arg(interp, &cur, &cur_tuple, arglen, &mut argidx)?;
        let text = match spec.conv {
            's' => {
                let s = interp.str_of(&v)?;
                fmt::percent_str(&s, &spec, width, prec)
            }
            'r' => {
                let s = interp.repr(&v)?;
                fmt::percent_str(&s, &spec, width, prec)
            }
            'a' => {
                let s = ascii_escape(&interp.repr(&v)?);
                fmt::percent_str(&s, &spec, width, prec)
            }
            'c' => {
                let ch = match v.view() {
                    View::Obj(Obj::Str(s)) if s.chars == 1 => s.s.to_string(),
                    _ => match num(&v) {
                        Some(Num::I(i)) => match u32::try_from(i).ok().filter(|&u| u < 0x110000) {
                            Some(u) => match char::from_u32(u) {
                                Some(c) => c.to_string(),
                                None => {
                                    return Err(
                                        interp.value_error("lone surrogates are not supported")
                                    )
                                }
                            },
                            None => {
                                return Err(interp
                                    .err(ExcType::OverflowError, "%c arg not in range(0x110000)"))
                            }
                        },
                        Some(Num::B(_)) => {
                            return Err(
                                interp.err(ExcType::OverflowError, "%c arg not in range(0x110000)")
                            )
                        }
                        _ => return Err(interp.type_error("%c requires int or char")),
                    },
                };
                fmt::percent_str(&ch, &spec, width, prec)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let c = spec.conv;
                let big = match num(&v) {
                    Some(Num::I(i)) => BigInt::from(i),
                    Some(Num::B(b)) => b.clone(),
                    Some(Num::F(f)) => {
                        if matches!(c, 'o' | 'x' | 'X') {
                            return Err(interp.type_error(format!(
                                "%{c} format: an integer is required, not float"
                            )));
                        }
                        float_to_bigint(interp, f)?
                    }
                    None => match instance_number(interp, &v, true)? {
                        Some(b) => b,
                        None => {
                            let what = if matches!(c, 'o' | 'x' | 'X') {
                                "an integer"
                            } else {
                                "a real number"
                            };
                            return Err(interp.type_error(format!(
                                "%{c} format: {what} is required, not {}",
                                interp.type_name(&v)
                            )));
                        }
                    },
                };
                fmt::percent_int_checked(&big, &spec, width, prec)
                    .map_err(|e| fmt_err(interp, e))?
            }
            _ => {
                let x = match num(&v) {
                    Some(Num::F(f)) => f,
                    Some(Num::I(i)) => i as f64,
                    Some(Num::B(b)) => fmt::int_to_float(b).map_err(|e| fmt_err(interp, e))?,
                    None => match float_of_instance(interp, &v)? {
                        Some(f) => f,
                        None => {
                            return Err(interp.type_error(format!(
                                "must be real number, not {}",
                                interp.type_name(&v)
                            )))
                        }
                    },
                };
                fmt::percent_float(x, &spec, width, prec)
            }
        };
        out.push_str(&text);
    }
    if argidx < arglen && !is_mapping {
        return Err(interp.type_error("not all arguments converted during string formatting"));
    }
    Ok(Value::string(out))
}

/// `int(f)` for a float, with CPython's errors for inf and nan.
fn float_to_bigint(interp: &Interp, f: f64) -> PyResult<BigInt> {
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
        return Ok(BigInt::from(t as i64));
    }
    Ok(float_to_big_exact(t))
}

/// An integral float as an exact bigint.
fn float_to_big_exact(t: f64) -> BigInt {
    let bits = t.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let e = exp - 1075;
    let mut b = BigInt::from(mant);
    if e > 0 {
        b <<= e as usize;
    } else if e < 0 {
        b >>= (-e) as usize;
    }
    if neg {
        -b
    } else {
        b
    }
}

/// `%d` of a user object with `__index__` or `__int__`.
fn instance_number(interp: &mut Interp, v: &Value, _int: bool) -> PyResult<Option<BigInt>> {
    if !matches!(v.as_obj(), Some(Obj::Instance(_))) {
        return Ok(None);
    }
    for name in ["__index__", "__int__"] {
        if let Some(m) = super::attr::lookup_special(interp, v, name) {
            let r = interp.call(&m, &[], &[])?;
            return match to_bigint(&r) {
                Some(b) => Ok(Some(b)),
                None => Err(interp.type_error(format!(
                    "{name} returned non-int (type {})",
                    interp.type_name(&r)
                ))),
            };
        }
    }
    Ok(None)
}

fn float_of_instance(interp: &mut Interp, v: &Value) -> PyResult<Option<f64>> {
    if !matches!(v.as_obj(), Some(Obj::Instance(_))) {
        return Ok(None);
    }
    if let Some(m) = super::attr::lookup_special(interp, v, "__float__") {
        let r = interp.call(&m, &[], &[])?;
        return match r.as_float() {
            Some(f) => Ok(Some(f)),
            None => Err(interp.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                interp.type_name(v),
                interp.type_name(&r)
            ))),
        };
    }
    if let Some(b) = instance_number(interp, v, true)? {
        return fmt::int_to_float(&b)
            .map(Some)
            .map_err(|e| fmt_err(interp, e));
    }
    Ok(None)
}

// ---------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------

fn list_append(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "append")?;
    no_kw(interp, "list.append", kw)?;
    check_arity(interp, "list.append", &args[1..], 1, 1)?;
    l.borrow_mut().push(args[1].clone());
    Ok(Value::NONE)
}

fn list_extend(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "extend")?;
    no_kw(interp, "list.extend", kw)?;
    check_arity(interp, "list.extend", &args[1..], 1, 1)?;
    let items = match args[1].as_obj() {
        Some(Obj::List(o)) => o.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => collect(interp, &args[1])?,
    };
    l.borrow_mut().extend(items);
    Ok(Value::NONE)
}

fn list_insert(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "insert")?;
    no_kw(interp, "list.insert", kw)?;
    check_arity(interp, "insert", &args[1..], 2, 2)?;
    let i = int_arg(interp, &args[1])?;
    let mut v = l.borrow_mut();
    let n = v.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(i as usize, args[2].clone());
    Ok(Value::NONE)
}

fn list_pop(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "pop")?;
    no_kw(interp, "list.pop", kw)?;
    check_arity(interp, "pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(v) => Some(int_arg(interp, v)?),
        None => None,
    };
    let mut v = l.borrow_mut();
    if v.is_empty() {
        drop(v);
        return Err(interp.err(ExcType::IndexError, "pop from empty list"));
    }
    let n = v.len() as i64;
    let i = i.unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(v);
        return Err(interp.err(ExcType::IndexError, "pop index out of range"));
    }
    Ok(v.remove(j as usize))
}

/// Find `x` in a list by equality, re-borrowing per element so `__eq__`
/// may touch the list.
fn list_find(
    interp: &mut Interp,
    l: &RefCell<Vec<Value>>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        if i >= stop {
            return Ok(None);
        }
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => return Ok(None),
        };
        if interp.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_remove(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "remove")?;
    no_kw(interp, "list.remove", kw)?;
    check_arity(interp, "list.remove", &args[1..], 1, 1)?;
    match list_find(interp, l, &args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut v = l.borrow_mut();
            if i < v.len() {
                let old = v.remove(i);
                drop(v);
                drop(old);
            }
            Ok(Value::NONE)
        }
        None => Err(interp.value_error("list.remove(x): x not in list")),
    }
}

/// `start`/`stop` of `list.index` and `tuple.index` (no None allowed).
fn index_bounds(interp: &Interp, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        let i = match v {
            None => default,
            Some(v) => match num(v) {
                Some(Num::I(i)) => i,
                Some(Num::B(b)) => {
                    if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }
                }
                _ => {
                    return Err(interp
                        .type_error("slice indices must be integers or have an __index__ method"))
                }
            },
        };
        let n = len as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        Ok(i as usize)
    };
    Ok((bound(args.get(2), 0)?, bound(args.get(3), len as i64)?))
}

fn list_index(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "index")?;
    no_kw(interp, "list.index", kw)?;
    check_arity(interp, "index", &args[1..], 1, 3)?;
    let len = l.borrow().len();
    let (start, stop) = index_bounds(interp, args, len)?;
    match list_find(interp, l, &args[1], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => {
            let r = interp.repr(&args[1])?;
            Err(interp.value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "count")?;
    no_kw(interp, "list.count", kw)?;
    check_arity(interp, "list.count", &args[1..], 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if interp.eq(&item, &args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::int(n))
}

fn list_reverse(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "reverse")?;
    no_args(interp, args, kw, "list.reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_copy(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "copy")?;
    no_args(interp, args, kw, "list.copy")?;
    let v = l.borrow().clone();
    Ok(Value::list(v))
}

fn list_clear(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "clear")?;
    no_args(interp, args, kw, "list.clear")?;
    let old = std::mem::take(&mut *l.borrow_mut());
    crate::runtime::object::drop_reversed(old);
    Ok(Value::NONE)
}

fn list_sort(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let l = this_list(interp, args, "sort")?;
    if args.len() > 1 {
        return Err(interp.type_error("sort() takes no positional arguments"));
    }
    let b = bind_kw(interp, "sort", &[], kw, &["key", "reverse"])?;
    let key = b[0].clone().filter(|k| !k.is_none());
    let reverse = match &b[1] {
        Some(v) => int_arg(interp, v)? != 0,
        None => false,
    };
    // Sort a taken-out copy: the list looks empty to key functions and
    // comparisons, as in CPython.
    let items = std::mem::take(&mut *l.borrow_mut());
    let mut work = items.clone();
    let r = sort_values(interp, &mut work, key.as_ref(), reverse);
    let mut cur = l.borrow_mut();
    let modified = !cur.is_empty();
    let junk = std::mem::replace(&mut *cur, if r.is_ok() { work } else { items });
    drop(cur);
    drop(junk);
    r?;
    if modified {
        return Err(interp.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

/// Stable sort of `items` with Python's `<` (or by `key(item)`), the way
/// `list.sort` and `sorted` do it. `reverse` keeps stability as CPython
/// does (reverse, stable sort, reverse).
pub fn sort_values(
    interp: &mut Interp,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let keys: Vec<Value> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(n);
            for x in items.iter() {
                ks.push(interp.call(k, std::slice::from_ref(x), &[])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut perm: Vec<usize> = (0..n).collect();
    if reverse {
        perm.reverse();
    }
    sort_perm(interp, &keys, &mut perm)?;
    if reverse {
        perm.reverse();
    }
    let old = std::mem::take(items);
    let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    items.extend(perm.iter().map(|&i| slots[i].take().unwrap()));
    Ok(())
}

/// Sort indices by their keys: fast paths for homogeneous ints, floats
/// and strs, else a stable merge sort calling `interp.less_than`.
fn sort_perm(interp: &mut Interp, keys: &[Value], perm: &mut [usize]) -> PyResult<()> {
    if keys.iter().all(|k| k.is_small_int()) {
        perm.sort_by_key(|&i| keys[i].as_small_int().unwrap());
        return Ok(());
    }
    if keys
        .iter()
        .all(|k| k.as_float().is_some_and(|f| !f.is_nan()))
    {
        perm.sort_by(|&a, &b| {
            keys[a]
                .as_float()
                .unwrap()
                .partial_cmp(&keys[b].as_float().unwrap())
                .unwrap()
        });
        return Ok(());
    }
    if keys.iter().all(|k| k.as_str().is_some()) {
        perm.sort_by(|&a, &b| keys[a].as_str().unwrap().cmp(keys[b].as_str().unwrap()));
        return Ok(());
    }
    merge_sort(interp, keys, perm)
}

fn merge_sort(interp: &mut Interp, keys: &[Value], perm: &mut [usize]) -> PyResult<()> {
    const RUN: usize = 8;
    let n = perm.len();
    // Insertion sort runs.
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = perm[i];
            let mut j = i;
            while j > start && interp.less_than(&keys[x], &keys[perm[j - 1]])? {
                j -= 1;
            }
            if j != i {
                perm.copy_within(j..i, j + 1);
                perm[j] = x;
            }
        }
        start = end;
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                // Already ordered across the boundary? Skip the merge.
                if interp.less_than(&keys[perm[mid]], &keys[perm[mid - 1]])? {
                    let (mut i, mut j, mut k) = (lo, mid, lo);
                    while i < mid && j < hi {
                        if interp.less_than(&keys[perm[j]], &keys[perm[i]])? {
                            buf[k] = perm[j];
                            j += 1;
                        } else {
                            buf[k] = perm[i];
                            i += 1;
                        }
                        k += 1;
                    }
                    while i < mid {
                        buf[k] = perm[i];
                        i += 1;
                        k += 1;
                    }
                    while j < hi {
                        buf[k] = perm[j];
                        j += 1;
                        k += 1;
                    }
                    perm[lo..hi].copy_from_slice(&buf[lo..hi]);
                }
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// tuple
// ---------------------------------------------------------------------------

fn tuple_index(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let Some(Obj::Tuple(t)) = args.first().and_then(|v| v.as_obj()) else {
        return Err(descr_err(interp, args, "index", "tuple"));
    };
    no_kw(interp, "tuple.index", kw)?;
    check_arity(interp, "index", &args[1..], 1, 3)?;
    let (start, stop) = index_bounds(interp, args, t.len())?;
    for i in start..stop.min(t.len()) {
        if interp.eq(&t[i], &args[1])? {
            return Ok(Value::int(i as i64));
        }
    }
    Err(interp.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let Some(Obj::Tuple(t)) = args.first().and_then(|v| v.as_obj()) else {
        return Err(descr_err(interp, args, "count", "tuple"));
    };
    no_kw(interp, "tuple.count", kw)?;
    check_arity(interp, "tuple.count", &args[1..], 1, 1)?;
    let mut n = 0;
    for x in t.iter() {
        if interp.eq(x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

// ---------------------------------------------------------------------------
// dict
// ---------------------------------------------------------------------------

fn dict_get_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "get")?;
    no_kw(interp, "dict.get", kw)?;
    check_arity(interp, "get", &args[1..], 1, 2)?;
    Ok(dict_get(interp, &args[0], &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::NONE)))
}

fn dict_pop(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "pop")?;
    no_kw(interp, "dict.pop", kw)?;
    check_arity(interp, "pop", &args[1..], 1, 2)?;
    match dict_del(interp, &args[0], &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(key_error(interp, &args[1])),
        },
    }
}

fn dict_popitem(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let d = this_dict(interp, args, "popitem")?;
    no_args(interp, args, kw, "dict.popitem")?;
    let kv = d.borrow_mut().pop_last();
    match kv {
        Some((k, v)) => Ok(Value::pair(k, v)),
        None => Err(key_error(
            interp,
            &Value::str("popitem(): dictionary is empty"),
        )),
    }
}

fn dict_setdefault(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "setdefault")?;
    no_kw(interp, "dict.setdefault", kw)?;
    check_arity(interp, "setdefault", &args[1..], 1, 2)?;
    if let Some(v) = dict_get(interp, &args[0], &args[1])? {
        return Ok(v);
    }
    let d = args.get(2).cloned().unwrap_or(Value::NONE);
    dict_set(interp, &args[0], args[1].clone(), d.clone())?;
    Ok(d)
}

fn dict_update(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "update")?;
    check_arity(interp, "update", &args[1..], 0, 1)?;
    if let Some(other) = args.get(1) {
        if !other.is(&args[0]) {
            dict_update_from(interp, &args[0], other)?;
        }
    }
    for (k, v) in kw {
        dict_set(interp, &args[0], Value::str(k), v.clone())?;
    }
    Ok(Value::NONE)
}

fn dict_copy_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "copy")?;
    no_args(interp, args, kw, "dict.copy")?;
    Ok(dict_copy(&args[0]))
}

fn dict_clear(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let d = this_dict(interp, args, "clear")?;
    no_args(interp, args, kw, "dict.clear")?;
    let old = d.borrow_mut().clear();
    drop(old);
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)`; `args[0]` is the class.
fn dict_fromkeys(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    no_kw(interp, "dict.fromkeys", kw)?;
    check_arity(interp, "fromkeys", &args[1.min(args.len())..], 1, 2)?;
    let value = args.get(2).cloned().unwrap_or(Value::NONE);
    let out = super::hash::new_dict();
    let keys: Vec<Value> = match args[1].as_obj() {
        Some(Obj::Dict(d)) => d.borrow().keys(),
        Some(Obj::Set(_) | Obj::FrozenSet(_)) => super::hash::set_items(&args[1]),
        _ => collect(interp, &args[1])?,
    };
    for k in keys {
        dict_set(interp, &out, k, value.clone())?;
    }
    Ok(out)
}

fn dict_keys(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "keys")?;
    no_args(interp, args, kw, "dict.keys")?;
    Ok(make_view(ViewKind::Keys, &args[0]))
}

fn dict_values(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "values")?;
    no_args(interp, args, kw, "dict.values")?;
    Ok(make_view(ViewKind::Values, &args[0]))
}

fn dict_items_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_dict(interp, args, "items")?;
    no_args(interp, args, kw, "dict.items")?;
    Ok(make_view(ViewKind::Items, &args[0]))
}

// ---------------------------------------------------------------------------
// dict views
//
// `dict_keys`, `dict_values` and `dict_items` are built-in classes whose
// instances are ordinary `Instance`s holding the dict under a private
// attribute; their dunder methods (repr, iter, len, contains, comparisons
// and set operators) are natives below. A dedicated `Obj` variant would be
// faster; this keeps the object model unchanged.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum ViewKind {
    Keys = 0,
    Values = 1,
    Items = 2,
}

const VIEW_TARGET: &str = "__view_dict__";

thread_local! {
    /// The three view classes. Never dropped: thread-local destructors
    /// run after the value machinery's own thread-locals are gone.
    static VIEW_CLASSES: RefCell<Vec<ManuallyDrop<Value>>> = const { RefCell::new(Vec::new()) };
}

fn install_views(interp: &mut Interp) {
    let object = interp.types.object.clone();
    let mut classes = Vec::new();
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let cls = bare_class(name, vec![object.clone()], Layout::Object);
        add_method(&cls, "__repr__", view_repr);
        add_method(&cls, "__iter__", view_iter);
        add_method(&cls, "__reversed__", view_reversed);
        add_method(&cls, "__len__", view_len);
        add_method(&cls, "__contains__", view_contains);
        if name != "dict_values" {
            add_method(&cls, "__eq__", view_eq);
            add_method(&cls, "__ne__", view_ne);
            add_method(&cls, "__le__", view_le);
            add_method(&cls, "__lt__", view_lt);
            add_method(&cls, "__ge__", view_ge);
            add_method(&cls, "__gt__", view_gt);
            add_method(&cls, "__and__", view_and);
            add_method(&cls, "__rand__", view_and);
            add_method(&cls, "__or__", view_or);
            add_method(&cls, "__ror__", view_or);
            add_method(&cls, "__sub__", view_sub);
            add_method(&cls, "__rsub__", view_rsub);
            add_method(&cls, "__xor__", view_xor);
            add_method(&cls, "__rxor__", view_xor);
            add_method(&cls, "isdisjoint", view_isdisjoint);
            set_class_attr(&cls, "__hash__", Value::NONE);
        }
        classes.push(ManuallyDrop::new(cls));
    }
    VIEW_CLASSES.with(|v| *v.borrow_mut() = classes);
}

fn make_view(kind: ViewKind, dict: &Value) -> Value {
    let cls = VIEW_CLASSES.with(|v| (*v.borrow()[kind as usize]).clone());
    let mut d = Dict::new();
    d.set_str(VIEW_TARGET, dict.clone());
    Value::obj(Obj::Instance(Instance {
        class: cls,
        dict: RefCell::new(d),
        exc: None,
        finalized: Cell::new(false),
    }))
}

/// If `v` is a dict view: its kind and dict.
pub fn view_parts(v: &Value) -> Option<(u8, Value)> {
    let Some(Obj::Instance(inst)) = v.as_obj() else {
        return None;
    };
    let kind = VIEW_CLASSES.with(|c| c.borrow().iter().position(|k| k.is(&inst.class)))?;
    let d = inst.dict.borrow().get_str(VIEW_TARGET).cloned()?;
    Some((kind as u8, d))
}

fn view_self(interp: &Interp, args: &[Value], meth: &str) -> PyResult<(ViewKind, Value)> {
    match args.first().and_then(view_parts) {
        Some((k, d)) => Ok((
            match k {
                0 => ViewKind::Keys,
                1 => ViewKind::Values,
                _ => ViewKind::Items,
            },
            d,
        )),
        None => Err(descr_err(interp, args, meth, "dict_keys")),
    }
}

/// The view's contents, in dict order.
fn view_items(kind: ViewKind, d: &Value) -> Vec<Value> {
    let Some(Obj::Dict(dd)) = d.as_obj() else {
        return vec![];
    };
    let dd = dd.borrow();
    match kind {
        ViewKind::Keys => dd.keys(),
        ViewKind::Values => dd.values(),
        ViewKind::Items => dd
            .iter()
            .map(|(k, v)| Value::pair(k.clone(), v.clone()))
            .collect(),
    }
}

fn view_repr(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (kind, d) = view_self(interp, args, "__repr__")?;
    let name = ["dict_keys", "dict_values", "dict_items"][kind as usize];
    let items = view_items(kind, &d);
    let inner = interp.repr(&Value::list(items))?;
    Ok(Value::string(format!("{name}({inner})")))
}

fn view_iter(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (kind, d) = view_self(interp, args, "__iter__")?;
    let len = match d.as_obj() {
        Some(Obj::Dict(dd)) => dd.borrow().len(),
        _ => 0,
    };
    Ok(new_iter(match kind {
        ViewKind::Keys => IterState::DictKeys {
            dict: d,
            index: 0,
            len,
        },
        ViewKind::Values => IterState::DictValues {
            dict: d,
            index: 0,
            len,
        },
        ViewKind::Items => IterState::DictItems {
            dict: d,
            index: 0,
            len,
        },
    }))
}

fn view_reversed(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (kind, d) = view_self(interp, args, "__reversed__")?;
    let mut items = view_items(kind, &d);
    items.reverse();
    Ok(new_iter(IterState::Seq {
        seq: Value::list(items),
        index: 0,
    }))
}

fn view_len(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (_, d) = view_self(interp, args, "__len__")?;
    Ok(Value::int(match d.as_obj() {
        Some(Obj::Dict(dd)) => dd.borrow().len() as i64,
        _ => 0,
    }))
}

fn view_contains(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (kind, d) = view_self(interp, args, "__contains__")?;
    check_arity(interp, "__contains__", &args[1..], 1, 1)?;
    let x = &args[1];
    Ok(Value::bool(view_has(interp, kind, &d, x)?))
}

fn view_has(interp: &mut Interp, kind: ViewKind, d: &Value, x: &Value) -> PyResult<bool> {
    match kind {
        ViewKind::Keys => Ok(dict_get(interp, d, x)?.is_some()),
        ViewKind::Items => {
            let Some(Obj::Tuple(t)) = x.as_obj() else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            match dict_get(interp, d, &t[0])? {
                Some(v) => interp.eq(&v, &t[1]),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for v in view_items(kind, d) {
                if interp.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Is `v` set-like for view comparisons (set, frozenset, keys/items view)?
fn setlike_len(v: &Value) -> Option<usize> {
    match v.as_obj() {
        Some(Obj::Set(s)) => Some(s.borrow().len()),
        Some(Obj::FrozenSet(s)) => Some(s.len()),
        _ => match view_parts(v) {
            Some((k, d)) if k != 1 => match d.as_obj() {
                Some(Obj::Dict(dd)) => Some(dd.borrow().len()),
                _ => None,
            },
            _ => None,
        },
    }
}

/// `a` ⊆ `b` for set-likes where `a` is the view.
fn all_in(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    let items = setlike_items(interp, a)?;
    for x in items {
        if !setlike_has(interp, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn setlike_items(interp: &mut Interp, v: &Value) -> PyResult<Vec<Value>> {
    match view_parts(v) {
        Some((k, d)) => Ok(view_items(
            if k == 0 {
                ViewKind::Keys
            } else {
                ViewKind::Items
            },
            &d,
        )),
        None => match v.as_obj() {
            Some(Obj::Set(_) | Obj::FrozenSet(_)) => Ok(super::hash::set_items(v)),
            _ => collect(interp, v),
        },
    }
}

fn setlike_has(interp: &mut Interp, v: &Value, x: &Value) -> PyResult<bool> {
    match view_parts(v) {
        Some((k, d)) => view_has(
            interp,
            if k == 0 {
                ViewKind::Keys
            } else {
                ViewKind::Items
            },
            &d,
            x,
        ),
        None => interp.contains(v, x),
    }
}

fn view_cmp(interp: &mut Interp, args: &[Value], op: &str) -> PyResult<Value> {
    view_self(interp, args, op)?;
    check_arity(interp, op, &args[1..], 1, 1)?;
    let (a, b) = (&args[0], &args[1]);
    let (Some(la), Some(lb)) = (setlike_len(a), setlike_len(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        "__eq__" => la == lb && all_in(interp, a, b)?,
        "__ne__" => !(la == lb && all_in(interp, a, b)?),
        "__le__" => la <= lb && all_in(interp, a, b)?,
        "__lt__" => la < lb && all_in(interp, a, b)?,
        "__ge__" => la >= lb && all_in(interp, b, a)?,
        _ => la > lb && all_in(interp, b, a)?,
    };
    Ok(Value::bool(r))
}

fn view_eq(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_cmp(interp, args, "__eq__")
}
fn view_ne(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_cmp(interp, args, "__ne__")
}
fn view_le(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_cmp(interp, args, "__le__")
}
fn view_lt(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_cmp(interp, args, "__lt__")
}
fn view_ge(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_cmp(interp, args, "__ge__")
}
fn view_gt(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_cmp(interp, args, "__gt__")
}

/// Set operators on views: `set(self) op other`, as CPython's
/// `dictviews_and` etc. (the result is a set).
fn view_setop(interp: &mut Interp, args: &[Value], op: char, swap: bool) -> PyResult<Value> {
    view_self(interp, args, "__and__")?;
    check_arity(interp, "op", &args[1..], 1, 1)?;
    let (a, b) = if swap {
        (&args[1], &args[0])
    } else {
        (&args[0], &args[1])
    };
    if interp.iter(b).is_err() || interp.iter(a).is_err() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let items = setlike_items(interp, a)?;
    let base = Value::obj(Obj::Set(RefCell::new(build_from_items(interp, items)?)));
    let r = match op {
        '&' => set_intersection(interp, &base, b)?,
        '|' => {
            let Some(Obj::Set(c)) = base.as_obj() else {
                unreachable!()
            };
            with_table(c, |t| update_internal(interp, t, b))?;
            return Ok(base);
        }
        '-' => {
            let Some(Obj::Set(c)) = base.as_obj() else {
                unreachable!()
            };
            with_table(c, |t| difference_update_internal(interp, t, b, None))?;
            return Ok(base);
        }
        _ => {
            let Some(Obj::Set(c)) = base.as_obj() else {
                unreachable!()
            };
            with_table(c, |t| symmetric_update_internal(interp, t, b, None))?;
            return Ok(base);
        }
    };
    Ok(Value::obj(Obj::Set(RefCell::new(r))))
}

fn view_and(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_setop(interp, args, '&', false)
}
fn view_or(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_setop(interp, args, '|', false)
}
fn view_sub(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_setop(interp, args, '-', false)
}
fn view_rsub(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_setop(interp, args, '-', true)
}
fn view_xor(interp: &mut Interp, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    view_setop(interp, args, '^', false)
}

fn view_isdisjoint(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    view_self(interp, args, "isdisjoint")?;
    no_kw(interp, "isdisjoint", kw)?;
    check_arity(interp, "isdisjoint", &args[1..], 1, 1)?;
    let items = collect(interp, &args[1])?;
    for x in items {
        if setlike_has(interp, &args[0], &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ---------------------------------------------------------------------------
// set and frozenset
//
// The algorithms follow CPython's setobject.c step by step (which table is
// iterated, which is probed, when a table is copied wholesale), because a
// set prints in table order: doing the same insertions in the same order
// into the same table sizes is what makes `print(a | b)` match.
// ---------------------------------------------------------------------------

/// CPython's `set_table_resize(so, minused)` before bulk insertions.
fn presize(t: &mut PySet, minused: usize) {
    t.presize(minused);
}

/// Smallest table size CPython's resize picks for `minused`.
fn table_size_for(minused: usize) -> usize {
    let mut n = 8;
    while n <= minused {
        n <<= 1;
    }
    n
}

fn dummies(t: &PySet) -> usize {
    (0..t.slots_len())
        .filter(|&i| t.slot(i).is_none() && t.slot_hash(i) == -1)
        .count()
}

/// Active plus dummy slots (CPython's `fill`).
fn fill_of(t: &PySet) -> usize {
    t.len() + dummies(t)
}

fn is_anyset(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Obj::Set(_) | Obj::FrozenSet(_)))
}

fn set_len(v: &Value) -> usize {
    match v.as_obj() {
        Some(Obj::Set(s)) => s.borrow().len(),
        Some(Obj::FrozenSet(s)) => s.len(),
        _ => 0,
    }
}

fn table_clone(v: &Value) -> PySet {
    match v.as_obj() {
        Some(Obj::Set(s)) => s.borrow().clone(),
        Some(Obj::FrozenSet(s)) => s.clone(),
        _ => PySet::new(),
    }
}

/// Keys with their stored hashes, in table order.
fn entries(v: &Value) -> Vec<(Value, i64)> {
    match v.as_obj() {
        Some(Obj::Set(s)) => s
            .borrow()
            .iter_with_hash()
            .map(|(k, h)| (k.clone(), h))
            .collect(),
        Some(Obj::FrozenSet(s)) => s.iter_with_hash().map(|(k, h)| (k.clone(), h)).collect(),
        Some(Obj::Dict(d)) => {
            let d = d.borrow();
            (0..d.entries_len())
                .filter_map(|p| d.entry(p).map(|(k, _)| (k.clone(), d.entry_hash(p))))
                .collect()
        }
        _ => vec![],
    }
}

fn resolve(interp: &mut Interp, probe: super::dict::Probe, key: &Value) -> PyResult<Option<usize>> {
    use super::dict::Probe;
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

/// CPython's `set_add_entry` on a table no one else can see.
fn add_entry(interp: &mut Interp, t: &mut PySet, key: Value, hash: i64) -> PyResult<()> {
    let p = t.probe(hash, &key);
    if resolve(interp, p, &key)?.is_none() {
        t.insert_new(hash, key);
    }
    Ok(())
}

/// CPython's `set_discard_entry`: true when the key was there.
fn discard_entry(interp: &mut Interp, t: &mut PySet, key: &Value, hash: i64) -> PyResult<bool> {
    let p = t.probe(hash, key);
    match resolve(interp, p, key)? {
        Some(i) => {
            let old = t.remove_slot(i);
            drop(old);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Membership with a known hash in a set, frozenset or dict value.
fn value_contains(interp: &mut Interp, v: &Value, key: &Value, hash: i64) -> PyResult<bool> {
    let probe = match v.as_obj() {
        Some(Obj::Set(s)) => s.borrow().probe(hash, key),
        Some(Obj::FrozenSet(s)) => s.probe(hash, key),
        Some(Obj::Dict(d)) => d.borrow().probe(hash, key),
        _ => return interp.contains(v, key),
    };
    Ok(resolve(interp, probe, key)?.is_some())
}

/// CPython's `set_merge(dst, src)`.
fn merge_table(interp: &mut Interp, dst: &mut PySet, src: &PySet) -> PyResult<()> {
    let used = src.len();
    if used == 0 {
        return Ok(());
    }
    let dfill = fill_of(dst);
    let mut target = dst.slots_len();
    if (dfill + used) * 5 >= (dst.slots_len() - 1) * 3 {
        target = table_size_for((dst.len() + used) * 2);
        presize(dst, (dst.len() + used) * 2);
    }
    if dfill == 0 {
        if target == src.slots_len() && dummies(src) == 0 {
            *dst = src.clone();
            return Ok(());
        }
        for (k, h) in src.iter_with_hash() {
            dst.insert_new(h, k.clone());
        }
        return Ok(());
    }
    let es: Vec<(Value, i64)> = src.iter_with_hash().map(|(k, h)| (k.clone(), h)).collect();
    for (k, h) in es {
        add_entry(interp, dst, k, h)?;
    }
    Ok(())
}

fn copy_table(interp: &mut Interp, src: &PySet) -> PyResult<PySet> {
    let mut t = PySet::new();
    merge_table(interp, &mut t, src)?;
    Ok(t)
}

/// CPython's `set_update_internal(t, other)`.
fn update_internal(interp: &mut Interp, t: &mut PySet, other: &Value) -> PyResult<()> {
    match other.as_obj() {
        Some(Obj::Set(_) | Obj::FrozenSet(_)) => {
            let src = table_clone(other);
            merge_table(interp, t, &src)
        }
        Some(Obj::Dict(d)) => {
            let n = d.borrow().len();
            if (fill_of(t) + n) * 5 >= (t.slots_len() - 1) * 3 {
                presize(t, (t.len() + n) * 2);
            }
            for (k, h) in entries(other) {
                add_entry(interp, t, k, h)?;
            }
            Ok(())
        }
        _ => {
            let it = interp.iter(other)?;
            while let Some(k) = interp.next(&it)? {
                let h = interp.hash(&k)?;
                add_entry(interp, t, k, h)?;
            }
            Ok(())
        }
    }
}

/// `set(iterable)` with CPython's table layout (for the `set` and
/// `frozenset` constructors and set displays).
pub fn set_from_iterable(interp: &mut Interp, v: &Value) -> PyResult<PySet> {
    let mut t = PySet::new();
    update_internal(interp, &mut t, v)?;
    Ok(t)
}

fn build_from_items(interp: &mut Interp, items: Vec<Value>) -> PyResult<PySet> {
    let mut t = PySet::new();
    for k in items {
        let h = interp.hash(&k)?;
        add_entry(interp, &mut t, k, h)?;
    }
    Ok(t)
}

/// Run `f` on a set's table taken out of its cell, so Python code run by
/// `f` (`__eq__`, `__hash__`, iteration) cannot collide with a borrow.
fn with_table<R>(cell: &RefCell<PySet>, f: impl FnOnce(&mut PySet) -> PyResult<R>) -> PyResult<R> {
    let mut t = std::mem::take(&mut *cell.borrow_mut());
    let r = f(&mut t);
    let junk = std::mem::replace(&mut *cell.borrow_mut(), t);
    drop(junk);
    r
}

/// CPython's `set_intersection(so, other)`.
fn set_intersection(interp: &mut Interp, so: &Value, other: &Value) -> PyResult<PySet> {
    if so.is(other) {
        let t = table_clone(so);
        return copy_table(interp, &t);
    }
    let mut result = PySet::new();
    if is_anyset(other) {
        let (big, small) = if set_len(other) > set_len(so) {
            (other, so)
        } else {
            (so, other)
        };
        for (k, h) in entries(small) {
            if value_contains(interp, big, &k, h)? {
                add_entry(interp, &mut result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = interp.iter(other)?;
    while let Some(k) = interp.next(&it)? {
        let h = interp.hash(&k)?;
        if value_contains(interp, so, &k, h)? {
            add_entry(interp, &mut result, k, h)?;
        }
    }
    Ok(result)
}

/// CPython's `set_difference_update_internal(t, other)`; `this` is the
/// set value `t` belongs to, if any (for `s -= s`).
fn difference_update_internal(
    interp: &mut Interp,
    t: &mut PySet,
    other: &Value,
    this: Option<&Value>,
) -> PyResult<()> {
    if this.is_some_and(|s| s.is(other)) {
        *t = PySet::new();
        return Ok(());
    }
    if is_anyset(other) {
        for (k, h) in entries(other) {
            discard_entry(interp, t, &k, h)?;
        }
    } else {
        let it = interp.iter(other)?;
        while let Some(k) = interp.next(&it)? {
            let h = interp.hash(&k)?;
            discard_entry(interp, t, &k, h)?;
        }
    }
    let fill = fill_of(t);
    if fill - t.len() > (t.slots_len() - 1) / 4 {
        let used = t.len();
        presize(t, if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// CPython's `set_difference(so, other)`.
fn set_difference(interp: &mut Interp, so: &Value, other: &Value) -> PyResult<PySet> {
    let other_size = match other.as_obj() {
        Some(Obj::Set(_) | Obj::FrozenSet(_)) => Some(set_len(other)),
        Some(Obj::Dict(d)) => Some(d.borrow().len()),
        _ => None,
    };
    match other_size {
        Some(n) if (set_len(so) >> 2) <= n => {
            let mut result = PySet::new();
            for (k, h) in entries(so) {
                if !value_contains(interp, other, &k, h)? {
                    add_entry(interp, &mut result, k, h)?;
                }
            }
            Ok(result)
        }
        _ => {
            let src = table_clone(so);
            let mut t = copy_table(interp, &src)?;
            difference_update_internal(interp, &mut t, other, Some(so))?;
            Ok(t)
        }
    }
}

/// CPython's `set_symmetric_difference_update(t, other)`.
fn symmetric_update_internal(
    interp: &mut Interp,
    t: &mut PySet,
    other: &Value,
    this: Option<&Value>,
) -> PyResult<()> {
    if this.is_some_and(|s| s.is(other)) {
        *t = PySet::new();
        return Ok(());
    }
    let es = match other.as_obj() {
        Some(Obj::Set(_) | Obj::FrozenSet(_) | Obj::Dict(_)) => entries(other),
        _ => {
            let tmp = Value::obj(Obj::Set(RefCell::new(set_from_iterable(interp, other)?)));
            entries(&tmp)
        }
    };
    for (k, h) in es {
        if !discard_entry(interp, t, &k, h)? {
            add_entry(interp, t, k, h)?;
        }
    }
    Ok(())
}

/// `a op b` for a set or frozenset `a` and a set or frozenset `b`, with
/// `op` one of `| & - ^`, computed the way CPython's `set_or`, `set_and`,
/// `set_sub` and `set_xor` do (so the result prints in CPython's order).
/// The result has `a`'s type. Intended for `Interp::binop`.
pub fn set_binary(
    interp: &mut Interp,
    op: crate::syntax::ast::BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let frozen = matches!(a.as_obj(), Some(Obj::FrozenSet(_)));
    let t = match op {
        BinOp::BitOr => {
            let src = table_clone(a);
            let mut t = copy_table(interp, &src)?;
            if !a.is(b) {
                update_internal(interp, &mut t, b)?;
            }
            t
        }
        BinOp::BitAnd => set_intersection(interp, a, b)?,
        BinOp::Sub => set_difference(interp, a, b)?,
        BinOp::BitXor => {
            let mut t = set_from_iterable(interp, b)?;
            symmetric_update_internal(interp, &mut t, a, None)?;
            t
        }
        _ => return Err(interp.type_error("unsupported set operator")),
    };
    Ok(wrap_set(t, frozen))
}

/// `a op= b` for a mutable set `a` (CPython's `set_ior`, `set_iand`,
/// `set_isub`, `set_ixor`): updates `a` in place and returns it.
pub fn set_inplace(
    interp: &mut Interp,
    op: crate::syntax::ast::BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let Some(Obj::Set(cell)) = a.as_obj() else {
        return set_binary(interp, op, a, b);
    };
    match op {
        BinOp::BitOr => {
            if !a.is(b) {
                with_table(cell, |t| update_internal(interp, t, b))?;
            }
        }
        BinOp::BitAnd => {
            let t = set_intersection(interp, a, b)?;
            let old = std::mem::replace(&mut *cell.borrow_mut(), t);
            drop(old);
        }
        BinOp::Sub => with_table(cell, |t| difference_update_internal(interp, t, b, Some(a)))?,
        BinOp::BitXor => with_table(cell, |t| symmetric_update_internal(interp, t, b, Some(a)))?,
        _ => return Err(interp.type_error("unsupported set operator")),
    }
    Ok(a.clone())
}

fn this_anyset(interp: &Interp, args: &[Value], meth: &str) -> PyResult<bool> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::Set(_)) => Ok(false),
        Some(Obj::FrozenSet(_)) => Ok(true),
        _ => Err(descr_err(interp, args, meth, "set")),
    }
}

fn this_set<'a>(interp: &Interp, args: &'a [Value], meth: &str) -> PyResult<&'a RefCell<PySet>> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::Set(s)) => Ok(s),
        _ => Err(descr_err(interp, args, meth, "set")),
    }
}

fn wrap_set(t: PySet, frozen: bool) -> Value {
    if frozen {
        Value::obj(Obj::FrozenSet(t))
    } else {
        Value::obj(Obj::Set(RefCell::new(t)))
    }
}

fn set_copy_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let frozen = this_anyset(interp, args, "copy")?;
    no_args(
        interp,
        args,
        kw,
        if frozen { "frozenset.copy" } else { "set.copy" },
    )?;
    if frozen {
        return Ok(args[0].clone());
    }
    let src = table_clone(&args[0]);
    Ok(wrap_set(copy_table(interp, &src)?, false))
}

fn set_union(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let frozen = this_anyset(interp, args, "union")?;
    no_kw(interp, "set.union", kw)?;
    let src = table_clone(&args[0]);
    let mut t = copy_table(interp, &src)?;
    for other in &args[1..] {
        if other.is(&args[0]) {
            continue;
        }
        update_internal(interp, &mut t, other)?;
    }
    Ok(wrap_set(t, frozen))
}

fn set_intersection_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let frozen = this_anyset(interp, args, "intersection")?;
    no_kw(interp, "set.intersection", kw)?;
    if args.len() == 1 {
        if frozen {
            return Ok(args[0].clone());
        }
        let src = table_clone(&args[0]);
        return Ok(wrap_set(copy_table(interp, &src)?, false));
    }
    let mut result = args[0].clone();
    for other in &args[1..] {
        let t = set_intersection(interp, &result, other)?;
        result = wrap_set(t, frozen);
    }
    Ok(result)
}

fn set_difference_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let frozen = this_anyset(interp, args, "difference")?;
    no_kw(interp, "set.difference", kw)?;
    if args.len() == 1 {
        if frozen {
            return Ok(args[0].clone());
        }
        let src = table_clone(&args[0]);
        return Ok(wrap_set(copy_table(interp, &src)?, false));
    }
    let mut t = set_difference(interp, &args[0], &args[1])?;
    for other in &args[2..] {
        difference_update_internal(interp, &mut t, other, None)?;
    }
    Ok(wrap_set(t, frozen))
}

fn set_symmetric_difference_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let frozen = this_anyset(interp, args, "symmetric_difference")?;
    no_kw(interp, "set.symmetric_difference", kw)?;
    check_arity(interp, "set.symmetric_difference", &args[1..], 1, 1)?;
    let mut t = set_from_iterable(interp, &args[1])?;
    symmetric_update_internal(interp, &mut t, &args[0], None)?;
    Ok(wrap_set(t, frozen))
}

fn is_subset(interp: &mut Interp, so: &Value, other: &Value) -> PyResult<bool> {
    if set_len(so) > set_len(other) {
        return Ok(false);
    }
    for (k, h) in entries(so) {
        if !value_contains(interp, other, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_anyset(interp, args, "issubset")?;
    no_kw(interp, "set.issubset", kw)?;
    check_arity(interp, "set.issubset", &args[1..], 1, 1)?;
    let other = if is_anyset(&args[1]) {
        args[1].clone()
    } else {
        wrap_set(set_from_iterable(interp, &args[1])?, false)
    };
    Ok(Value::bool(is_subset(interp, &args[0], &other)?))
}

fn set_issuperset(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_anyset(interp, args, "issuperset")?;
    no_kw(interp, "set.issuperset", kw)?;
    check_arity(interp, "set.issuperset", &args[1..], 1, 1)?;
    if is_anyset(&args[1]) {
        return Ok(Value::bool(is_subset(interp, &args[1], &args[0])?));
    }
    let it = interp.iter(&args[1])?;
    while let Some(k) = interp.next(&it)? {
        let h = interp.hash(&k)?;
        if !value_contains(interp, &args[0], &k, h)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_isdisjoint(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_anyset(interp, args, "isdisjoint")?;
    no_kw(interp, "set.isdisjoint", kw)?;
    check_arity(interp, "set.isdisjoint", &args[1..], 1, 1)?;
    let (so, other) = (&args[0], &args[1]);
    if so.is(other) {
        return Ok(Value::bool(set_len(so) == 0));
    }
    if is_anyset(other) {
        let (big, small) = if set_len(other) > set_len(so) {
            (other, so)
        } else {
            (so, other)
        };
        for (k, h) in entries(small) {
            if value_contains(interp, big, &k, h)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = interp.iter(other)?;
    while let Some(k) = interp.next(&it)? {
        let h = interp.hash(&k)?;
        if value_contains(interp, so, &k, h)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_add_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_set(interp, args, "add")?;
    no_kw(interp, "set.add", kw)?;
    check_arity(interp, "set.add", &args[1..], 1, 1)?;
    super::hash::set_add(interp, &args[0], args[1].clone())?;
    Ok(Value::NONE)
}

fn set_remove_m(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_set(interp, args, "remove")?;
    no_kw(interp, "set.remove", kw)?;
    check_arity(interp, "set.remove", &args[1..], 1, 1)?;
    if super::hash::set_remove(interp, &args[0], &args[1])? {
        Ok(Value::NONE)
    } else {
        Err(key_error(interp, &args[1]))
    }
}

fn set_discard(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_set(interp, args, "discard")?;
    no_kw(interp, "set.discard", kw)?;
    check_arity(interp, "set.discard", &args[1..], 1, 1)?;
    super::hash::set_remove(interp, &args[0], &args[1])?;
    Ok(Value::NONE)
}

fn set_pop(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_set(interp, args, "pop")?;
    no_args(interp, args, kw, "set.pop")?;
    let v = s.borrow_mut().pop_any();
    match v {
        Some(v) => Ok(v),
        None => Err(key_error(interp, &Value::str("pop from an empty set"))),
    }
}

fn set_clear(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_set(interp, args, "clear")?;
    no_args(interp, args, kw, "set.clear")?;
    let old = std::mem::take(&mut *s.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn set_update(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_set(interp, args, "update")?;
    no_kw(interp, "set.update", kw)?;
    for other in &args[1..] {
        if other.is(&args[0]) {
            continue;
        }
        with_table(s, |t| update_internal(interp, t, other))?;
    }
    Ok(Value::NONE)
}

fn set_intersection_update(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_set(interp, args, "intersection_update")?;
    no_kw(interp, "set.intersection_update", kw)?;
    let mut result = args[0].clone();
    for other in &args[1..] {
        let t = set_intersection(interp, &result, other)?;
        result = wrap_set(t, false);
    }
    if !result.is(&args[0]) {
        let t = table_clone(&result);
        let old = std::mem::replace(&mut *s.borrow_mut(), t);
        drop(old);
    }
    Ok(Value::NONE)
}

fn set_difference_update(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = this_set(interp, args, "difference_update")?;
    no_kw(interp, "set.difference_update", kw)?;
    for other in &args[1..] {
        let this = args[0].clone();
        with_table(s, |t| {
            difference_update_internal(interp, t, other, Some(&this))
        })?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference_update(
    interp: &mut Interp,
    args: &[Value],
    kw: &Kw,
) -> PyResult<Value> {
    let s = this_set(interp, args, "symmetric_difference_update")?;
    no_kw(interp, "set.symmetric_difference_update", kw)?;
    check_arity(interp, "set.symmetric_difference_update", &args[1..], 1, 1)?;
    let this = args[0].clone();
    with_table(s, |t| {
        symmetric_update_internal(interp, t, &args[1], Some(&this))
    })?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------
// range
// ---------------------------------------------------------------------------

fn this_range(interp: &Interp, args: &[Value], meth: &str) -> PyResult<super::object::Range> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::Range(r)) => Ok(*r),
        _ => Err(descr_err(interp, args, meth, "range")),
    }
}

/// Position of `x` in the range: exact for ints, by `==` for anything else.
fn range_find(interp: &mut Interp, r: &super::object::Range, x: &Value) -> PyResult<Option<i64>> {
    if let Some(Num::I(i)) = num(x) {
        let k = if r.step > 0 {
            (i >= r.start && i < r.stop && (i - r.start) % r.step == 0)
                .then(|| (i - r.start) / r.step)
        } else {
            (i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0)
                .then(|| (r.start - i) / (-r.step))
        };
        return Ok(k);
    }
    if let Some(Num::B(_)) = num(x) {
        return Ok(None);
    }
    for k in 0..r.len() {
        if interp.eq(&Value::int(r.get(k)), x)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

fn range_index(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let r = this_range(interp, args, "index")?;
    no_kw(interp, "range.index", kw)?;
    check_arity(interp, "range.index", &args[1..], 1, 1)?;
    match range_find(interp, &r, &args[1])? {
        Some(k) => Ok(Value::int(k)),
        None if super::ops::is_int_like(&args[1]) => {
            let t = interp.repr(&args[1])?;
            Err(interp.value_error(format!("{t} is not in range")))
        }
        None => Err(interp.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let r = this_range(interp, args, "count")?;
    no_kw(interp, "range.count", kw)?;
    check_arity(interp, "range.count", &args[1..], 1, 1)?;
    if num(&args[1]).is_some_and(|n| !matches!(n, Num::F(_))) {
        return Ok(Value::int(
            range_find(interp, &r, &args[1])?.is_some() as i64
        ));
    }
    let mut n = 0;
    for k in 0..r.len() {
        if interp.eq(&Value::int(r.get(k)), &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

// ---------------------------------------------------------------------------
// int and float
// ---------------------------------------------------------------------------

fn this_int(interp: &Interp, args: &[Value], meth: &str) -> PyResult<BigInt> {
    match args.first().and_then(to_bigint) {
        Some(b) => Ok(b),
        None => Err(descr_err(interp, args, meth, "int")),
    }
}

fn int_bit_length(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    if let Some(i) = args.first().and_then(|v| v.as_small_int()) {
        no_args(interp, args, kw, "int.bit_length")?;
        return Ok(Value::int(64 - i.unsigned_abs().leading_zeros() as i64));
    }
    let b = this_int(interp, args, "bit_length")?;
    no_args(interp, args, kw, "int.bit_length")?;
    Ok(Value::int(b.bits() as i64))
}

fn int_bit_count(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let b = this_int(interp, args, "bit_count")?;
    no_args(interp, args, kw, "int.bit_count")?;
    let n: u64 = b
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::int(n as i64))
}

fn int_conjugate(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_int(interp, args, "conjugate")?;
    no_args(interp, args, kw, "int.conjugate")?;
    Ok(super::ops::int_of(&args[0]))
}

fn int_as_integer_ratio(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    this_int(interp, args, "as_integer_ratio")?;
    no_args(interp, args, kw, "int.as_integer_ratio")?;
    Ok(Value::tuple(vec![
        super::ops::int_of(&args[0]),
        Value::int(1),
    ]))
}

fn this_float(interp: &Interp, args: &[Value], meth: &str) -> PyResult<f64> {
    args.first()
        .and_then(|v| v.as_float())
        .ok_or_else(|| descr_err(interp, args, meth, "float"))
}

fn float_is_integer(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let x = this_float(interp, args, "is_integer")?;
    no_args(interp, args, kw, "float.is_integer")?;
    Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
}

fn float_conjugate(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let x = this_float(interp, args, "conjugate")?;
    no_args(interp, args, kw, "float.conjugate")?;
    Ok(Value::float(x))
}

fn float_as_integer_ratio(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let x = this_float(interp, args, "as_integer_ratio")?;
    no_args(interp, args, kw, "float.as_integer_ratio")?;
    if x.is_infinite() {
        return Err(interp.err(
            ExcType::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(interp.value_error("cannot convert NaN to integer ratio"));
    }
    let (num_, den) = float_ratio(x);
    Ok(Value::tuple(vec![Value::bigint(num_), Value::bigint(den)]))
}

/// The exact value of a finite float as a reduced fraction.
fn float_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = if exp == 0 {
        bits & ((1 << 52) - 1)
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let mut e = if exp == 0 { -1074 } else { exp - 1075 };
    while mant & 1 == 0 && e < 0 {
        mant >>= 1;
        e += 1;
    }
    let mut n = BigInt::from(mant);
    let mut d = BigInt::from(1);
    if e > 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let g = n.gcd(&d);
    n /= &g;
    d /= &g;
    if neg {
        n = -n;
    }
    (n, d)
}

fn float_hex(interp: &mut Interp, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let x = this_float(interp, args, "hex")?;
    no_args(interp, args, kw, "float.hex")?;
    Ok(Value::string(float_hex_text(x)))
}

/// `float.hex()`: `0x1.8000000000000p+1`.
fn float_hex_text(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{frac:013x}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(x: i64) -> Value {
        Value::int(x)
    }
    fn l(v: Vec<Value>) -> Value {
        Value::list(v)
    }
    fn t(v: Vec<Value>) -> Value {
        Value::tuple(v)
    }

    fn show(interp: &mut Interp, r: PyResult<Value>) -> String {
        match r {
            Ok(v) => interp.repr(&v).unwrap(),
            Err(e) => format!("!{}", super::super::exceptions::last_line(interp, &e.0)),
        }
    }

    /// `recv.name(*args, **kw)` as repr text, or `!Type: message`.
    fn m(
        interp: &mut Interp,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        kw: Vec<(&str, Value)>,
    ) -> String {
        let kw: Vec<(Name, Value)> = kw.into_iter().map(|(k, v)| (Rc::from(k), v)).collect();
        let r = interp
            .getattr(recv, name)
            .and_then(|f| interp.call(&f, &args, &kw));
        show(interp, r)
    }

    fn m0(interp: &mut Interp, recv: &Value, name: &str, args: Vec<Value>) -> String {
        m(interp, recv, name, args, vec![])
    }

    #[test]
    fn str_split_join_strip() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(
            m0(x, &s("a,b,,c"), "split", vec![s(",")]),
            "['a', 'b', '', 'c']"
        );
        assert_eq!(
            m0(x, &s("a b  c\td\n"), "split", vec![]),
            "['a', 'b', 'c', 'd']"
        );
        assert_eq!(
            m0(x, &s("a b c"), "split", vec![s(" "), i(1)]),
            "['a', 'b c']"
        );
        assert_eq!(
            m0(x, &s("a,b,c"), "rsplit", vec![s(","), i(1)]),
            "['a,b', 'c']"
        );
        assert_eq!(
            m(
                x,
                &s("one two three"),
                "split",
                vec![],
                vec![("maxsplit", i(1))]
            ),
            "['one', 'two three']"
        );
        assert_eq!(m0(x, &s(""), "split", vec![]), "[]");
        assert_eq!(m0(x, &s(""), "split", vec![s(",")]), "['']");
        assert_eq!(
            m0(x, &s("  a b  c  "), "split", vec![Value::NONE, i(1)]),
            "['a', 'b  c  ']"
        );
        assert_eq!(
            m0(x, &s("  a b  c  "), "rsplit", vec![Value::NONE, i(1)]),
            "['  a b', 'c']"
        );
        assert_eq!(
            m0(x, &s("a-b-c"), "split", vec![s("-"), i(-1)]),
            "['a', 'b', 'c']"
        );
        assert_eq!(
            m0(x, &s("a"), "split", vec![s("")]),
            "!ValueError: empty separator"
        );
        assert_eq!(
            m0(x, &s("a"), "split", vec![i(1)]),
            "!TypeError: must be str or None, not int"
        );
        assert_eq!(
            m0(x, &s("a"), "split", vec![i(1), i(2), i(3)]),
            "!TypeError: split() takes at most 2 arguments (3 given)"
        );
        assert_eq!(
            m(x, &s("a"), "split", vec![], vec![("foo", i(1))]),
            "!TypeError: 'foo' is an invalid keyword argument for split()"
        );
        assert_eq!(
            m0(x, &s("-"), "join", vec![l(vec![s("a"), s("b"), s("c")])]),
            "'a-b-c'"
        );
        assert_eq!(m0(x, &s(""), "join", vec![l(vec![s("x"), s("y")])]), "'xy'");
        assert_eq!(m0(x, &s("x"), "join", vec![s("abc")]), "'axbxc'");
        assert_eq!(
            m0(x, &s("a"), "join", vec![l(vec![i(1)])]),
            "!TypeError: sequence item 0: expected str instance, int found"
        );
        assert_eq!(
            m0(x, &s("a"), "join", vec![i(5)]),
            "!TypeError: can only join an iterable"
        );
        assert_eq!(
            m0(x, &s("  Hello, World!  "), "strip", vec![]),
            "'Hello, World!'"
        );
        assert_eq!(
            m0(x, &s("  Hello, World!  "), "lstrip", vec![]),
            "'Hello, World!  '"
        );
        assert_eq!(
            m0(x, &s("  Hello, World!  "), "rstrip", vec![]),
            "'  Hello, World!'"
        );
        assert_eq!(m0(x, &s("xxhixx"), "strip", vec![s("x")]), "'hi'");
        assert_eq!(
            m0(x, &s("a"), "strip", vec![i(1)]),
            "!TypeError: strip arg must be None or str"
        );
        assert_eq!(
            m0(x, &s("a"), "strip", vec![i(1), i(2)]),
            "!TypeError: strip expected at most 1 argument, got 2"
        );
        assert_eq!(m0(x, &s("é a é"), "split", vec![]), "['é', 'a', 'é']");
    }

    #[test]
    fn str_search_replace() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(
            m0(x, &s("hello"), "replace", vec![s("l"), s("L")]),
            "'heLLo'"
        );
        assert_eq!(
            m0(x, &s("hello"), "replace", vec![s("l"), s("L"), i(1)]),
            "'heLlo'"
        );
        assert_eq!(
            m0(x, &s("aaa"), "replace", vec![s("a"), s("bb")]),
            "'bbbbbb'"
        );
        assert_eq!(
            m0(x, &s("abc"), "replace", vec![s(""), s("-")]),
            "'-a-b-c-'"
        );
        assert_eq!(
            m0(x, &s("abc"), "replace", vec![s(""), s("-"), i(2)]),
            "'-a-bc'"
        );
        assert_eq!(
            m0(x, &s("a"), "replace", vec![s("a")]),
            "!TypeError: replace expected at least 2 arguments, got 1"
        );
        assert_eq!(
            m0(x, &s("a"), "replace", vec![i(1), s("b")]),
            "!TypeError: replace() argument 1 must be str, not int"
        );
        assert_eq!(m0(x, &s("hello"), "find", vec![s("l")]), "2");
        assert_eq!(m0(x, &s("hello"), "find", vec![s("z")]), "-1");
        assert_eq!(m0(x, &s("hello"), "rfind", vec![s("l")]), "3");
        assert_eq!(m0(x, &s("hello"), "index", vec![s("e")]), "1");
        assert_eq!(m0(x, &s("hello"), "find", vec![s("l"), i(3)]), "3");
        assert_eq!(m0(x, &s("hello"), "find", vec![s(""), i(9)]), "-1");
        assert_eq!(m0(x, &s("héllo"), "find", vec![s("l")]), "2");
        assert_eq!(m0(x, &s("héllo"), "rfind", vec![s("l"), i(0), i(-1)]), "3");
        assert_eq!(
            m0(x, &s("a"), "index", vec![s("z")]),
            "!ValueError: substring not found"
        );
        assert_eq!(
            m0(x, &s("a"), "find", vec![]),
            "!TypeError: find() takes at least 1 argument (0 given)"
        );
        assert_eq!(
            m0(x, &s("a"), "find", vec![i(1)]),
            "!TypeError: must be str, not int"
        );
        assert_eq!(
            m(x, &s("a"), "find", vec![s("a")], vec![("x", i(1))]),
            "!TypeError: str.find() takes no keyword arguments"
        );
        assert_eq!(m0(x, &s("banana"), "count", vec![s("a")]), "3");
        assert_eq!(m0(x, &s("banana"), "count", vec![s("an")]), "2");
        assert_eq!(m0(x, &s("aaaa"), "count", vec![s("aa")]), "2");
        assert_eq!(m0(x, &s("abc"), "count", vec![s("")]), "4");
        assert_eq!(m0(x, &s("abc"), "count", vec![s(""), i(4)]), "0");
        assert_eq!(m0(x, &s("hello"), "startswith", vec![s("he")]), "True");
        assert_eq!(m0(x, &s("hello"), "endswith", vec![s("lo")]), "True");
        assert_eq!(
            m0(x, &s("hello"), "startswith", vec![t(vec![s("x"), s("h")])]),
            "True"
        );
        assert_eq!(m0(x, &s("hello"), "endswith", vec![s("x")]), "False");
        assert_eq!(m0(x, &s("abc"), "startswith", vec![s("")]), "True");
        assert_eq!(m0(x, &s("abc"), "startswith", vec![s(""), i(5)]), "False");
        assert_eq!(m0(x, &s("abc"), "startswith", vec![s("b"), i(1)]), "True");
        assert_eq!(
            m0(x, &s("abc"), "endswith", vec![s("b"), i(0), i(2)]),
            "True"
        );
        assert_eq!(
            m0(x, &s("a"), "startswith", vec![i(1)]),
            "!TypeError: startswith first arg must be str or a tuple of str, not int"
        );
    }

    #[test]
    fn str_case_and_predicates() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(m0(x, &s("Hello"), "upper", vec![]), "'HELLO'");
        assert_eq!(m0(x, &s("Hello"), "lower", vec![]), "'hello'");
        assert_eq!(m0(x, &s("hello world"), "title", vec![]), "'Hello World'");
        assert_eq!(
            m0(x, &s("they're bill's"), "title", vec![]),
            "\"They'Re Bill'S\""
        );
        assert_eq!(
            m0(x, &s("hello WORLD"), "capitalize", vec![]),
            "'Hello world'"
        );
        assert_eq!(m0(x, &s("Hello"), "swapcase", vec![]), "'hELLO'");
        assert_eq!(m0(x, &s("Straße"), "casefold", vec![]), "'strasse'");
        assert_eq!(
            m0(x, &s("a"), "upper", vec![i(1)]),
            "!TypeError: str.upper() takes no arguments (1 given)"
        );
        assert_eq!(m0(x, &s("123"), "isdigit", vec![]), "True");
        assert_eq!(m0(x, &s("12a"), "isdigit", vec![]), "False");
        assert_eq!(m0(x, &s(""), "isdigit", vec![]), "False");
        assert_eq!(m0(x, &s("abc"), "isalpha", vec![]), "True");
        assert_eq!(m0(x, &s("ab1"), "isalnum", vec![]), "True");
        assert_eq!(m0(x, &s("   "), "isspace", vec![]), "True");
        assert_eq!(m0(x, &s("Abc"), "isupper", vec![]), "False");
        assert_eq!(m0(x, &s("ABC1"), "isupper", vec![]), "True");
        assert_eq!(m0(x, &s("abc"), "islower", vec![]), "True");
        assert_eq!(m0(x, &s("Hello World"), "istitle", vec![]), "True");
        assert_eq!(m0(x, &s("Hello world"), "istitle", vec![]), "False");
        assert_eq!(m0(x, &s("_x1"), "isidentifier", vec![]), "True");
        assert_eq!(m0(x, &s("1x"), "isidentifier", vec![]), "False");
        assert_eq!(m0(x, &s("²"), "isdigit", vec![]), "True");
        assert_eq!(m0(x, &s("²"), "isdecimal", vec![]), "False");
        assert_eq!(m0(x, &s("½"), "isnumeric", vec![]), "True");
    }

    #[test]
    fn str_layout() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(
            m0(x, &s("line1\nline2\r\nline3"), "splitlines", vec![]),
            "['line1', 'line2', 'line3']"
        );
        assert_eq!(
            m0(x, &s("a\n\nb\n"), "splitlines", vec![]),
            "['a', '', 'b']"
        );
        assert_eq!(
            m(
                x,
                &s("a\n\nb\r\n"),
                "splitlines",
                vec![],
                vec![("keepends", Value::TRUE)]
            ),
            "['a\\n', '\\n', 'b\\r\\n']"
        );
        assert_eq!(
            m0(x, &s("abc"), "center", vec![i(9), s("*")]),
            "'***abc***'"
        );
        assert_eq!(m0(x, &s("abc"), "center", vec![i(6), s("*")]), "'*abc**'");
        assert_eq!(m0(x, &s("ab"), "center", vec![i(5)]), "'  ab '");
        assert_eq!(m0(x, &s("abc"), "ljust", vec![i(6), s(".")]), "'abc...'");
        assert_eq!(m0(x, &s("abc"), "rjust", vec![i(6)]), "'   abc'");
        assert_eq!(
            m0(x, &s("a"), "center", vec![i(5), s("ab")]),
            "!TypeError: The fill character must be exactly one character long"
        );
        assert_eq!(
            m0(x, &s("a"), "center", vec![]),
            "!TypeError: center expected at least 1 argument, got 0"
        );
        assert_eq!(m0(x, &s("42"), "zfill", vec![i(5)]), "'00042'");
        assert_eq!(m0(x, &s("-42"), "zfill", vec![i(5)]), "'-0042'");
        assert_eq!(
            m0(x, &s("key=value=x"), "partition", vec![s("=")]),
            "('key', '=', 'value=x')"
        );
        assert_eq!(
            m0(x, &s("key=value=x"), "rpartition", vec![s("=")]),
            "('key=value', '=', 'x')"
        );
        assert_eq!(
            m0(x, &s("none"), "partition", vec![s("=")]),
            "('none', '', '')"
        );
        assert_eq!(
            m0(x, &s("none"), "rpartition", vec![s("=")]),
            "('', '', 'none')"
        );
        assert_eq!(
            m0(x, &s("Tab\tSeparated"), "expandtabs", vec![i(4)]),
            "'Tab Separated'"
        );
        assert_eq!(m0(x, &s("a\tb"), "expandtabs", vec![]), "'a       b'");
        assert_eq!(
            m0(x, &s("ab\tc\n\td"), "expandtabs", vec![i(4)]),
            "'ab  c\\n    d'"
        );
    }

    #[test]
    fn str_format_method() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(
            m0(x, &s("{} + {} = {}"), "format", vec![i(1), i(2), i(3)]),
            "'1 + 2 = 3'"
        );
        assert_eq!(
            m0(x, &s("{0} {1} {0}"), "format", vec![s("a"), s("b")]),
            "'a b a'"
        );
        assert_eq!(
            m(
                x,
                &s("{x} and {y}"),
                "format",
                vec![],
                vec![("x", s("X")), ("y", s("Y"))]
            ),
            "'X and Y'"
        );
        let d = super::super::hash::new_dict();
        dict_set(x, &d, s("k"), s("v")).unwrap();
        assert_eq!(
            m0(
                x,
                &s("{0[0]} {0[1]} {1[k]}"),
                "format",
                vec![l(vec![s("p"), s("q")]), d]
            ),
            "'p q v'"
        );
        assert_eq!(
            m0(
                x,
                &s("{:>6}|{:<6}|{:^6}|"),
                "format",
                vec![s("r"), s("l"), s("c")]
            ),
            "'     r|l     |  c   |'"
        );
        assert_eq!(
            m0(
                x,
                &s("{:.3f} {:,} {:08.2f} {:+d} {:x}"),
                "format",
                vec![
                    Value::float(2.0 / 3.0),
                    i(10_000_000),
                    Value::float(3.14158),
                    i(5),
                    i(48879)
                ]
            ),
            "'0.667 10,000,000 00003.14 +5 beef'"
        );
        assert_eq!(
            m0(x, &s("{!r} {!s}"), "format", vec![s("text"), s("text")]),
            "\"'text' text\""
        );
        assert_eq!(
            m0(x, &s("{{}} {}"), "format", vec![s("escaped braces")]),
            "'{} escaped braces'"
        );
        assert_eq!(
            m0(x, &s("{:*^20}"), "format", vec![s(" centered ")]),
            "'***** centered *****'"
        );
        assert_eq!(
            m0(x, &s("{0:b} {0:o} {0:x} {0:d}"), "format", vec![i(10)]),
            "'1010 12 a 10'"
        );
        assert_eq!(
            m0(x, &s("{:{}{}}"), "format", vec![i(1), s(">"), i(5)]),
            "'    1'"
        );
        assert_eq!(
            m0(x, &s("{}"), "format", vec![]),
            "!IndexError: Replacement index 0 out of range for positional args tuple"
        );
        assert_eq!(m0(x, &s("{0}{}"), "format", vec![i(1), i(2)]), "!ValueError: cannot switch from manual field specification to automatic field numbering");
        assert_eq!(m0(x, &s("{}{0}"), "format", vec![i(1), i(2)]), "!ValueError: cannot switch from automatic field numbering to manual field specification");
        assert_eq!(
            m0(x, &s("{"), "format", vec![]),
            "!ValueError: Single '{' encountered in format string"
        );
        assert_eq!(
            m0(x, &s("}"), "format", vec![]),
            "!ValueError: Single '}' encountered in format string"
        );
        assert_eq!(m0(x, &s("{a}"), "format", vec![]), "!KeyError: 'a'");
        assert_eq!(
            m0(x, &s("{0!x}"), "format", vec![i(1)]),
            "!ValueError: Unknown conversion specifier x"
        );
        assert_eq!(
            m0(x, &s("{0:d}"), "format", vec![s("a")]),
            "!ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            m0(x, &s("{0[0]x}"), "format", vec![l(vec![i(1)])]),
            "!ValueError: Only '.' or '[' may follow ']' in format field specifier"
        );
        assert_eq!(m0(x, &s("{0.real}"), "format", vec![i(3)]), "'3'");
        assert_eq!(m0(x, &s("{!a}"), "format", vec![s("é")]), "\"'\\\\xe9'\"");
        assert_eq!(
            m0(x, &s("{} {}"), "format", vec![Value::NONE, l(vec![i(1)])]),
            "'None [1]'"
        );
        assert_eq!(
            m0(x, &s("{:>5}"), "format", vec![Value::NONE]),
            "!TypeError: unsupported format string passed to NoneType.__format__"
        );
        assert_eq!(
            m0(x, &s("{} {:d}"), "format", vec![Value::TRUE, Value::TRUE]),
            "'True 1'"
        );
    }

    fn pct(interp: &mut Interp, tpl: &str, args: Value) -> String {
        let r = percent_format(interp, tpl, &args);
        show(interp, r)
    }

    #[test]
    fn percent() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(
            pct(
                x,
                "%s has %d items costing %.2f",
                t(vec![s("cart"), i(3), Value::float(9.5)])
            ),
            "'cart has 3 items costing 9.50'"
        );
        assert_eq!(
            pct(x, "%5s|%-5s|", t(vec![s("ab"), s("cd")])),
            "'   ab|cd   |'"
        );
        assert_eq!(
            pct(
                x,
                "%x %o %e",
                t(vec![i(255), i(8), Value::float(12345.678)])
            ),
            "'ff 10 1.234568e+04'"
        );
        assert_eq!(
            pct(x, "%d %i %s %r", t(vec![i(42), i(-7), s("str"), s("repr")])),
            "\"42 -7 str 'repr'\""
        );
        assert_eq!(
            pct(x, "%5d|%-5d|%05d|%+d", t(vec![i(42), i(42), i(42), i(42)])),
            "'   42|42   |00042|+42'"
        );
        assert_eq!(
            pct(
                x,
                "%.2f %8.3f %-8.1f| %e %g",
                t(vec![
                    Value::float(3.14158),
                    Value::float(2.5),
                    Value::float(2.5),
                    Value::float(1234.5),
                    Value::float(0.0001)
                ])
            ),
            "'3.14    2.500 2.5     | 1.234500e+03 0.0001'"
        );
        assert_eq!(
            pct(
                x,
                "%x %X %o %#x %#o",
                t(vec![i(255), i(255), i(8), i(255), i(8)])
            ),
            "'ff FF 10 0xff 0o10'"
        );
        assert_eq!(pct(x, "%s%%", i(50)), "'50%'");
        assert_eq!(pct(x, "%c", i(65)), "'A'");
        assert_eq!(pct(x, "%s", l(vec![i(1), i(2)])), "'[1, 2]'");
        assert_eq!(pct(x, "%s", t(vec![Value::NONE])), "'None'");
        let d = super::super::hash::new_dict();
        dict_set(x, &d, s("name"), s("Bob")).unwrap();
        dict_set(x, &d, s("age"), i(30)).unwrap();
        assert_eq!(pct(x, "%(name)s is %(age)d", d.clone()), "'Bob is 30'");
        assert_eq!(pct(x, "%s", d.clone()), "\"{'name': 'Bob', 'age': 30}\"");
        assert_eq!(pct(x, "%(a)s %s", d), "!KeyError: 'a'");
        assert_eq!(pct(x, "%.3s", s("abcdef")), "'abc'");
        assert_eq!(pct(x, "%5.1f%%", Value::float(99.44)), "' 99.4%'");
        assert_eq!(
            pct(x, "%d", s("a")),
            "!TypeError: %d format: a real number is required, not str"
        );
        assert_eq!(
            pct(x, "%d %d", t(vec![i(1)])),
            "!TypeError: not enough arguments for format string"
        );
        assert_eq!(
            pct(x, "%d", t(vec![i(1), i(2)])),
            "!TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(
            pct(x, "%(a)s", i(1)),
            "!TypeError: format requires a mapping"
        );
        assert_eq!(pct(x, "%c", s("ab")), "!TypeError: %c requires int or char");
        assert_eq!(
            pct(x, "%s %s", l(vec![i(1), i(2)])),
            "!TypeError: not enough arguments for format string"
        );
        assert_eq!(
            pct(x, "%f", s("a")),
            "!TypeError: must be real number, not str"
        );
        assert_eq!(
            pct(x, "%x", Value::float(1.5)),
            "!TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(
            pct(x, "%z", i(1)),
            "!ValueError: unsupported format character 'z' (0x7a) at index 1"
        );
        assert_eq!(
            pct(x, "abc", i(1)),
            "!TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(pct(x, "abc", t(vec![])), "'abc'");
        assert_eq!(pct(x, "abc", l(vec![])), "'abc'");
        assert_eq!(pct(x, "%d", Value::float(3.99)), "'3'");
        assert_eq!(pct(x, "%-5d|", Value::TRUE), "'1    |'");
        assert_eq!(pct(x, "%*d", t(vec![i(5), i(1)])), "'    1'");
        assert_eq!(
            pct(x, "%.*f", t(vec![i(2), Value::float(1.2345)])),
            "'1.23'"
        );
        assert_eq!(pct(x, "%f", Value::TRUE), "'1.000000'");
        assert_eq!(pct(x, "%a", s("é")), "\"'\\\\xe9'\"");
    }

    #[test]
    fn format_values() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(format_value(x, &Value::TRUE, "").unwrap(), "True");
        assert_eq!(format_value(x, &Value::TRUE, ">5").unwrap(), "    1");
        assert_eq!(format_value(x, &i(255), "#x").unwrap(), "0xff");
        assert_eq!(format_value(x, &Value::float(1.5), "").unwrap(), "1.5");
        assert_eq!(format_value(x, &l(vec![]), "").unwrap(), "[]");
        let e = format_value(x, &l(vec![]), "x").unwrap_err();
        assert_eq!(
            super::super::exceptions::last_line(x, &e.0),
            "TypeError: unsupported format string passed to list.__format__"
        );
    }

    #[test]
    fn list_methods() {
        let mut it = Interp::new();
        let x = &mut it;
        let a = l(vec![i(3), i(1), i(4)]);
        assert_eq!(m0(x, &a, "append", vec![i(1)]), "None");
        assert_eq!(m0(x, &a, "extend", vec![t(vec![i(5), i(9)])]), "None");
        assert_eq!(x.repr(&a).unwrap(), "[3, 1, 4, 1, 5, 9]");
        assert_eq!(m0(x, &a, "insert", vec![i(0), i(2)]), "None");
        assert_eq!(m0(x, &a, "insert", vec![i(-1), i(6)]), "None");
        assert_eq!(m0(x, &a, "insert", vec![i(100), i(7)]), "None");
        assert_eq!(x.repr(&a).unwrap(), "[2, 3, 1, 4, 1, 5, 6, 9, 7]");
        assert_eq!(m0(x, &a, "pop", vec![]), "7");
        assert_eq!(m0(x, &a, "pop", vec![i(0)]), "2");
        assert_eq!(m0(x, &a, "pop", vec![i(-2)]), "6");
        assert_eq!(
            m0(x, &a, "pop", vec![i(50)]),
            "!IndexError: pop index out of range"
        );
        assert_eq!(m0(x, &a, "remove", vec![i(1)]), "None");
        assert_eq!(x.repr(&a).unwrap(), "[3, 4, 1, 5, 9]");
        assert_eq!(
            m0(x, &a, "remove", vec![i(42)]),
            "!ValueError: list.remove(x): x not in list"
        );
        assert_eq!(m0(x, &a, "index", vec![i(5)]), "3");
        assert_eq!(
            m0(x, &a, "index", vec![i(3), i(1)]),
            "!ValueError: 3 is not in list"
        );
        assert_eq!(
            m0(x, &a, "index", vec![s("z")]),
            "!ValueError: 'z' is not in list"
        );
        assert_eq!(m0(x, &a, "count", vec![i(1)]), "1");
        assert_eq!(m0(x, &a, "sort", vec![]), "None");
        assert_eq!(x.repr(&a).unwrap(), "[1, 3, 4, 5, 9]");
        assert_eq!(
            m(x, &a, "sort", vec![], vec![("reverse", Value::TRUE)]),
            "None"
        );
        assert_eq!(x.repr(&a).unwrap(), "[9, 5, 4, 3, 1]");
        assert_eq!(m0(x, &a, "reverse", vec![]), "None");
        assert_eq!(x.repr(&a).unwrap(), "[1, 3, 4, 5, 9]");
        let c = m0(x, &a, "copy", vec![]);
        assert_eq!(c, "[1, 3, 4, 5, 9]");
        assert_eq!(m0(x, &a, "clear", vec![]), "None");
        assert_eq!(x.repr(&a).unwrap(), "[]");
        assert_eq!(m0(x, &a, "pop", vec![]), "!IndexError: pop from empty list");
        assert_eq!(
            m0(x, &a, "append", vec![]),
            "!TypeError: list.append() takes exactly one argument (0 given)"
        );
        assert_eq!(
            m0(x, &a, "insert", vec![i(1)]),
            "!TypeError: insert expected 2 arguments, got 1"
        );
        assert_eq!(
            m0(x, &a, "sort", vec![i(1)]),
            "!TypeError: sort() takes no positional arguments"
        );
        assert_eq!(
            m(x, &a, "sort", vec![], vec![("foo", i(1))]),
            "!TypeError: 'foo' is an invalid keyword argument for sort()"
        );
        let mixed = l(vec![i(3), s("a")]);
        assert_eq!(
            m0(x, &mixed, "sort", vec![]),
            "!TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(x.repr(&mixed).unwrap(), "[3, 'a']");
    }

    #[test]
    fn sorting_stability() {
        let mut it = Interp::new();
        let x = &mut it;
        let words = l(["banana", "Apple", "cherry", "apple", "Banana", "date"]
            .iter()
            .map(|w| s(w))
            .collect());
        let lower = x.getattr(&x.types.str_.clone(), "lower").unwrap();
        assert_eq!(
            m(x, &words, "sort", vec![], vec![("key", lower.clone())]),
            "None"
        );
        assert_eq!(
            x.repr(&words).unwrap(),
            "['Apple', 'apple', 'banana', 'Banana', 'cherry', 'date']"
        );
        assert_eq!(
            m(
                x,
                &words,
                "sort",
                vec![],
                vec![("key", lower), ("reverse", Value::TRUE)]
            ),
            "None"
        );
        assert_eq!(
            x.repr(&words).unwrap(),
            "['date', 'cherry', 'banana', 'Banana', 'Apple', 'apple']"
        );
        // Generic path: tuples, many elements.
        let mut v: Vec<Value> = (0..100).map(|k| t(vec![i((k * 37) % 10), i(k)])).collect();
        sort_values(x, &mut v, None, false).unwrap();
        for w in v.windows(2) {
            assert!(!x.less_than(&w[1], &w[0]).unwrap());
        }
        let floats = l(vec![Value::float(2.5), i(1), Value::float(-1.0), i(2)]);
        assert_eq!(m0(x, &floats, "sort", vec![]), "None");
        assert_eq!(x.repr(&floats).unwrap(), "[-1.0, 1, 2, 2.5]");
    }

    #[test]
    fn tuple_methods() {
        let mut it = Interp::new();
        let x = &mut it;
        let a = t(vec![i(1), i(2), i(1)]);
        assert_eq!(m0(x, &a, "count", vec![i(1)]), "2");
        assert_eq!(m0(x, &a, "index", vec![i(2)]), "1");
        assert_eq!(m0(x, &a, "index", vec![i(1), i(1)]), "2");
        assert_eq!(
            m0(x, &a, "index", vec![i(5)]),
            "!ValueError: tuple.index(x): x not in tuple"
        );
    }

    #[test]
    fn dict_methods_and_views() {
        let mut it = Interp::new();
        let x = &mut it;
        let d = super::super::hash::new_dict();
        for (k, v) in [("a", 1), ("b", 2), ("c", 3)] {
            dict_set(x, &d, s(k), i(v)).unwrap();
        }
        assert_eq!(m0(x, &d, "get", vec![s("a")]), "1");
        assert_eq!(m0(x, &d, "get", vec![s("z")]), "None");
        assert_eq!(m0(x, &d, "get", vec![s("z"), i(0)]), "0");
        assert_eq!(m0(x, &d, "keys", vec![]), "dict_keys(['a', 'b', 'c'])");
        assert_eq!(m0(x, &d, "values", vec![]), "dict_values([1, 2, 3])");
        assert_eq!(
            m0(x, &d, "items", vec![]),
            "dict_items([('a', 1), ('b', 2), ('c', 3)])"
        );
        let keys = x
            .getattr(&d, "keys")
            .and_then(|f| x.call(&f, &[], &[]))
            .unwrap();
        assert_eq!(x.len(&keys).unwrap(), 3);
        assert!(x.contains(&keys, &s("b")).unwrap());
        let items = collect(x, &keys).unwrap();
        assert_eq!(x.repr(&Value::list(items)).unwrap(), "['a', 'b', 'c']");
        assert_eq!(x.type_name(&keys).to_string(), "dict_keys");
        dict_set(x, &d, s("d"), i(4)).unwrap();
        assert_eq!(x.repr(&keys).unwrap(), "dict_keys(['a', 'b', 'c', 'd'])");
        assert_eq!(m0(x, &d, "pop", vec![s("b")]), "2");
        assert_eq!(m0(x, &d, "pop", vec![s("b"), s("default")]), "'default'");
        assert_eq!(m0(x, &d, "pop", vec![s("b")]), "!KeyError: 'b'");
        assert_eq!(m0(x, &d, "setdefault", vec![s("n"), l(vec![])]), "[]");
        assert_eq!(m0(x, &d, "setdefault", vec![s("a"), i(9)]), "1");
        assert_eq!(
            m(
                x,
                &d,
                "update",
                vec![l(vec![t(vec![s("x"), i(5)])])],
                vec![("y", i(6))]
            ),
            "None"
        );
        assert_eq!(
            x.repr(&d).unwrap(),
            "{'a': 1, 'c': 3, 'd': 4, 'n': [], 'x': 5, 'y': 6}"
        );
        assert_eq!(m0(x, &d, "popitem", vec![]), "('y', 6)");
        assert_eq!(
            m0(x, &d, "copy", vec![]),
            "{'a': 1, 'c': 3, 'd': 4, 'n': [], 'x': 5}"
        );
        assert_eq!(
            m0(x, &d, "update", vec![i(1)]),
            "!TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            m0(x, &d, "update", vec![l(vec![t(vec![i(1), i(2), i(3)])])]),
            "!ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
        assert_eq!(m0(x, &d, "clear", vec![]), "None");
        assert_eq!(
            m0(x, &d, "popitem", vec![]),
            "!KeyError: 'popitem(): dictionary is empty'"
        );
        assert_eq!(
            m0(x, &d, "get", vec![]),
            "!TypeError: get expected at least 1 argument, got 0"
        );
        assert_eq!(
            m0(x, &d, "keys", vec![i(1)]),
            "!TypeError: dict.keys() takes no arguments (1 given)"
        );
        let dc = x.types.dict.clone();
        assert_eq!(
            m0(x, &dc, "fromkeys", vec![s("ab")]),
            "{'a': None, 'b': None}"
        );
        assert_eq!(
            m0(x, &dc, "fromkeys", vec![l(vec![i(1), i(2)]), i(0)]),
            "{1: 0, 2: 0}"
        );
        // Views compare like sets.
        let d1 = super::super::hash::new_dict();
        let d2 = super::super::hash::new_dict();
        dict_set(x, &d1, i(1), s("a")).unwrap();
        dict_set(x, &d1, i(2), s("b")).unwrap();
        dict_set(x, &d2, i(2), s("b")).unwrap();
        dict_set(x, &d2, i(1), s("a")).unwrap();
        let i1 = x
            .getattr(&d1, "items")
            .and_then(|f| x.call(&f, &[], &[]))
            .unwrap();
        let i2 = x
            .getattr(&d2, "items")
            .and_then(|f| x.call(&f, &[], &[]))
            .unwrap();
        assert!(x.eq(&i1, &i2).unwrap());
        let k1 = x
            .getattr(&d1, "keys")
            .and_then(|f| x.call(&f, &[], &[]))
            .unwrap();
        let other = wrap_set(build_from_items(x, vec![i(2), i(3)]).unwrap(), false);
        let r = x.binop(crate::syntax::ast::BinOp::BitAnd, &k1, &other);
        assert_eq!(show(x, r), "{2}");
        let r = x.binop(crate::syntax::ast::BinOp::Sub, &k1, &other);
        assert_eq!(show(x, r), "{1}");
    }

    fn set_of(interp: &mut Interp, v: &[i64]) -> Value {
        wrap_set(
            build_from_items(interp, v.iter().map(|&k| i(k)).collect()).unwrap(),
            false,
        )
    }

    #[test]
    fn set_methods() {
        let mut it = Interp::new();
        let x = &mut it;
        let st = set_of(x, &[3, 1, 2]);
        assert_eq!(m0(x, &st, "add", vec![i(4)]), "None");
        assert_eq!(m0(x, &st, "add", vec![i(1)]), "None");
        assert_eq!(x.repr(&st).unwrap(), "{1, 2, 3, 4}");
        assert_eq!(m0(x, &st, "discard", vec![i(10)]), "None");
        assert_eq!(m0(x, &st, "discard", vec![i(4)]), "None");
        assert_eq!(m0(x, &st, "remove", vec![i(3)]), "None");
        assert_eq!(x.repr(&st).unwrap(), "{1, 2}");
        assert_eq!(m0(x, &st, "remove", vec![i(42)]), "!KeyError: 42");
        assert_eq!(
            m0(x, &st, "add", vec![l(vec![])]),
            "!TypeError: unhashable type: 'list'"
        );
        let a = set_of(x, &[1, 2, 3, 4]);
        let b = set_of(x, &[3, 4, 5, 6]);
        assert_eq!(m0(x, &a, "union", vec![b.clone()]), "{1, 2, 3, 4, 5, 6}");
        assert_eq!(m0(x, &a, "intersection", vec![b.clone()]), "{3, 4}");
        assert_eq!(m0(x, &a, "difference", vec![b.clone()]), "{1, 2}");
        assert_eq!(
            m0(x, &a, "symmetric_difference", vec![b.clone()]),
            "{1, 2, 5, 6}"
        );
        assert_eq!(
            m0(x, &a, "union", vec![l(vec![i(7)]), t(vec![i(8)])]),
            "{1, 2, 3, 4, 7, 8}"
        );
        let sup = set_of(x, &[1, 2, 3, 4, 5]);
        assert_eq!(m0(x, &a, "issubset", vec![sup]), "True");
        assert_eq!(m0(x, &a, "issuperset", vec![l(vec![i(1), i(2)])]), "True");
        assert_eq!(m0(x, &a, "isdisjoint", vec![l(vec![i(9)])]), "True");
        let c = x
            .getattr(&a, "copy")
            .and_then(|f| x.call(&f, &[], &[]))
            .unwrap();
        let s40 = set_of(x, &[40]);
        assert_eq!(
            m0(x, &c, "update", vec![l(vec![i(20), i(30)]), s40]),
            "None"
        );
        assert_eq!(x.repr(&c).unwrap(), "{1, 2, 3, 4, 40, 20, 30}");
        assert_eq!(
            m0(
                x,
                &c,
                "intersection_update",
                vec![l(vec![i(1), i(20), i(99)])]
            ),
            "None"
        );
        assert_eq!(x.repr(&c).unwrap(), "{1, 20}");
        assert_eq!(m0(x, &c, "difference_update", vec![l(vec![i(1)])]), "None");
        assert_eq!(
            m0(
                x,
                &c,
                "symmetric_difference_update",
                vec![l(vec![i(20), i(5)])]
            ),
            "None"
        );
        assert_eq!(x.repr(&c).unwrap(), "{5}");
        assert_eq!(m0(x, &c, "pop", vec![]), "5");
        assert_eq!(
            m0(x, &c, "pop", vec![]),
            "!KeyError: 'pop from an empty set'"
        );
        assert_eq!(
            m0(x, &c, "symmetric_difference", vec![i(1), i(2)]),
            "!TypeError: set.symmetric_difference() takes exactly one argument (2 given)"
        );
        let f = wrap_set(table_clone(&a), true);
        assert_eq!(m0(x, &f, "union", vec![b]), "frozenset({1, 2, 3, 4, 5, 6})");
        assert_eq!(
            m0(x, &f, "add", vec![i(1)]),
            "!AttributeError: 'frozenset' object has no attribute 'add'"
        );
    }

    #[test]
    fn set_copy_keeps_cpython_layout() {
        let mut it = Interp::new();
        let x = &mut it;
        // {5, 18, 1, 2, 3} as CPython builds it prints {1, 2, 3, 18, 5}.
        let fz = set_of(x, &[5, 18, 1, 2, 3]);
        let lit = wrap_set(set_from_iterable(x, &fz).unwrap(), false);
        assert_eq!(x.repr(&lit).unwrap(), "{1, 2, 3, 18, 5}");
        assert_eq!(m0(x, &lit, "copy", vec![]), "{1, 2, 3, 18, 5}");
    }

    #[test]
    fn int_float_methods() {
        let mut it = Interp::new();
        let x = &mut it;
        assert_eq!(m0(x, &i(255), "bit_length", vec![]), "8");
        assert_eq!(m0(x, &i(-1), "bit_length", vec![]), "1");
        assert_eq!(m0(x, &i(0), "bit_length", vec![]), "0");
        assert_eq!(m0(x, &Value::TRUE, "bit_length", vec![]), "1");
        assert_eq!(m0(x, &i(7), "bit_count", vec![]), "3");
        assert_eq!(m0(x, &Value::float(2.0), "is_integer", vec![]), "True");
        assert_eq!(m0(x, &Value::float(2.5), "is_integer", vec![]), "False");
        assert_eq!(
            m0(x, &Value::float(0.75), "as_integer_ratio", vec![]),
            "(3, 4)"
        );
        assert_eq!(
            m0(x, &Value::float(3.0), "hex", vec![]),
            "'0x1.8000000000000p+1'"
        );
        assert_eq!(
            m0(x, &Value::float(0.1), "hex", vec![]),
            "'0x1.999999999999ap-4'"
        );
    }
}
