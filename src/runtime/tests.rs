//! Unit tests of the shared runtime: numeric edge cases, hashing and set
//! order as CPython, reference counting and the cycle collector.
//! Expected values come from CPython 3.11.

use super::hash::{build_set, hash_f64, hash_i64};
use super::{Interp, Obj, Value};
use crate::syntax::ast::{BinOp, CmpOp};

fn int(i: i64) -> Value {
    Value::int(i)
}

fn repr(interp: &mut Interp, v: &Value) -> String {
    interp.repr(v).unwrap()
}

#[test]
fn floor_division_and_modulo_round_toward_minus_infinity() {
    let mut it = Interp::new();
    // python3 -c "print([(a//b, a%b) for a,b in [(7,2),(-7,2),(7,-2),(-7,-2)]])"
    let want = [(3, 1), (-4, 1), (-4, -1), (3, -1)];
    for ((a, b), (q, r)) in [(7, 2), (-7, 2), (7, -2), (-7, -2)].into_iter().zip(want) {
        let got_q = it.binop(BinOp::FloorDiv, &int(a), &int(b)).unwrap();
        let got_r = it.binop(BinOp::Mod, &int(a), &int(b)).unwrap();
        assert_eq!(got_q.as_small_int(), Some(q), "{a} // {b}");
        assert_eq!(got_r.as_small_int(), Some(r), "{a} % {b}");
    }
    // -7.5 % 2 == 0.5 ; 7.5 // -2 == -4.0
    let m = it.binop(BinOp::Mod, &Value::float(-7.5), &int(2)).unwrap();
    assert_eq!(m.as_float(), Some(0.5));
    let q = it
        .binop(BinOp::FloorDiv, &Value::float(7.5), &int(-2))
        .unwrap();
    assert_eq!(q.as_float(), Some(-4.0));
}

#[test]
fn ints_overflow_into_bigints_and_back() {
    let mut it = Interp::new();
    let big = it.binop(BinOp::Pow, &int(2), &int(100)).unwrap();
    assert_eq!(repr(&mut it, &big), "1267650600228229401496703205376");
    let back = it.binop(BinOp::FloorDiv, &big, &big).unwrap();
    assert_eq!(back.as_small_int(), Some(1));
    let max = int(super::value::SMALL_INT_MAX);
    let over = it.binop(BinOp::Add, &max, &int(1)).unwrap();
    assert!(over.is_obj());
    assert_eq!(repr(&mut it, &over), "140737488355328");
    let neg_pow = it.binop(BinOp::Pow, &int(2), &int(-1)).unwrap();
    assert_eq!(neg_pow.as_float(), Some(0.5));
}

#[test]
fn division_by_zero_messages_match_cpython() {
    let mut it = Interp::new();
    let cases = [
        (BinOp::Div, int(1), "division by zero"),
        (
            BinOp::FloorDiv,
            int(1),
            "integer division or modulo by zero",
        ),
        (BinOp::Mod, int(1), "integer modulo by zero"),
        (BinOp::Div, Value::float(1.0), "float division by zero"),
    ];
    for (op, a, msg) in cases {
        let e = it.binop(op, &a, &int(0)).unwrap_err();
        assert_eq!(
            super::exceptions::last_line(&mut it, &e.0),
            format!("ZeroDivisionError: {msg}")
        );
    }
}

#[test]
fn float_repr_and_int_float_comparison() {
    let mut it = Interp::new();
    let s = it
        .binop(BinOp::Add, &Value::float(0.1), &Value::float(0.2))
        .unwrap();
    assert_eq!(repr(&mut it, &s), "0.30000000000000004");
    assert_eq!(repr(&mut it, &Value::float(1e16)), "1e+16");
    let eq = it.compare(CmpOp::Eq, &int(1), &Value::float(1.0)).unwrap();
    assert!(eq.is(&Value::TRUE));
    // 2**53 + 1 != float(2**53): compared exactly, not after rounding.
    let a = int((1 << 53) + 1);
    let lt = it
        .compare(CmpOp::Gt, &a, &Value::float((1u64 << 53) as f64))
        .unwrap();
    assert!(lt.is(&Value::TRUE));
}

#[test]
fn numeric_hashes_match_cpython() {
    // python3 -c "print(hash(-1), hash(2**61), hash(0.5), hash(-2.25), hash(1e300))"
    assert_eq!(hash_i64(-1), -2);
    assert_eq!(hash_i64(12345), 12345);
    assert_eq!(hash_f64(0.5), 1152921504606846976);
    assert_eq!(hash_f64(-2.25), -576460752303423490);
    assert_eq!(hash_f64(1e300), 1224995262755759164);
}

#[test]
fn small_int_sets_iterate_in_cpython_order() {
    let mut it = Interp::new();
    // python3 -c "print({3, 1, 2}, {10, 3, 7, 100, 8})"
    let s = build_set(&mut it, vec![int(3), int(1), int(2)]).unwrap();
    let v = Value::obj(Obj::Set(std::cell::RefCell::new(s)));
    assert_eq!(repr(&mut it, &v), "{1, 2, 3}");
    let s = build_set(&mut it, [10, 3, 7, 100, 8].map(int).to_vec()).unwrap();
    let v = Value::obj(Obj::Set(std::cell::RefCell::new(s)));
    assert_eq!(repr(&mut it, &v), "{3, 100, 7, 8, 10}");
}

#[test]
fn refcounts_free_values_when_the_last_reference_goes() {
    let l = Value::list(vec![int(1)]);
    assert_eq!(l.refcount(), 1);
    let l2 = l.clone();
    assert_eq!(l.refcount(), 2);
    drop(l2);
    assert_eq!(l.refcount(), 1);
}

#[test]
fn deep_structures_are_freed_without_overflowing_the_stack() {
    let mut v = Value::NONE;
    for _ in 0..1_000_000 {
        v = Value::list(vec![v]);
    }
    drop(v);
}

#[test]
fn cycle_collector_reclaims_self_referencing_lists() {
    let mut it = Interp::new();
    super::gc::collect(&mut it);
    let l = Value::list(vec![]);
    if let Some(Obj::List(items)) = l.as_obj() {
        items.borrow_mut().push(l.clone());
    }
    let weak = std::rc::Rc::downgrade(&l.as_rc().unwrap());
    drop(l);
    assert!(weak.upgrade().is_some(), "a cycle survives refcounting");
    assert!(super::gc::collect(&mut it) >= 1);
    assert!(weak.upgrade().is_none(), "the collector freed it");
    assert_eq!(super::gc::collect(&mut it), 0);
}

#[test]
fn the_collector_registry_does_not_grow_with_dead_containers() {
    // Weak entries keep freed allocations alive: the registry must be
    // pruned as containers die, not only by `gc.collect()`.
    let keep: Vec<Value> = (0..100).map(|_| Value::list(vec![])).collect();
    for _ in 0..200_000 {
        drop(Value::list(vec![Value::int(1)]));
    }
    assert!(
        super::gc::registry_len() < 20_000,
        "{} entries for 100 live lists",
        super::gc::registry_len()
    );
    drop(keep);
}

#[test]
fn tuples_are_tracked_only_when_they_can_reach_a_container() {
    let leaf = Value::tuple(vec![Value::NONE, Value::str("leaf")]);
    let tree = Value::tuple(vec![leaf.clone(), leaf.clone()]);
    assert!(!leaf.is_gc_tracked(), "a tuple of atoms");
    assert!(!tree.is_gc_tracked(), "a tuple of untracked tuples");
    let with_list = Value::tuple(vec![Value::int(1), Value::list(vec![])]);
    assert!(with_list.is_gc_tracked(), "a tuple holding a list");
    let outer = Value::tuple(vec![tree, with_list]);
    assert!(outer.is_gc_tracked(), "a tuple holding a tracked tuple");
}

/// Generated code counts references inline at `STRONG_COUNT_OFFSET`; the
/// JIT refuses to start if this build's `Rc` disagrees, which this test
/// would show first.
#[test]
fn the_strong_count_is_where_generated_code_looks() {
    assert!(super::value::strong_count_offset_holds());
}

/// Compiled code caches global loads while the globals epoch stays: every
/// change of a watched dict (module globals, builtins) must move it, and
/// changes of other dicts must not (instance dicts change all the time).
#[test]
fn watched_dicts_move_the_globals_epoch() {
    use super::dict::{globals_epoch, Dict};
    let mut globals = Dict::new();
    globals.watch();
    let mut other = Dict::new();
    let moved = |what: &str, change: &mut dyn FnMut()| {
        let before = globals_epoch();
        change();
        assert_ne!(globals_epoch(), before, "{what} did not move the epoch");
    };
    moved("an insert", &mut || {
        globals.set_str("x", int(1));
    });
    moved("a replaced value", &mut || {
        globals.set_str("x", int(2));
    });
    moved("a removal", &mut || {
        globals.remove_str("x");
    });
    moved("a clear", &mut || {
        globals.set_str("y", int(3));
        globals.clear();
    });
    assert!(globals.is_watched(), "a cleared dict stays watched");
    let before = globals_epoch();
    other.set_str("x", int(1));
    other.remove_str("x");
    assert_eq!(globals_epoch(), before, "an unwatched dict moved the epoch");
    moved("dropping a watched dict", &mut || {
        drop(std::mem::take(&mut globals))
    });
}

/// Method calls skip probing an instance's dict when its key filter says
/// the name cannot be there: the filter must never say so of a key the
/// dict holds, whatever the dict went through.
#[test]
fn key_filter_never_denies_a_present_key() {
    use super::dict::{str_hash, Dict};
    let mut d = Dict::new();
    let names: Vec<String> = (0..200).map(|i| format!("attr{i}")).collect();
    for (i, n) in names.iter().enumerate() {
        d.set_str(n, int(i as i64));
        // Removals and the rebuilds of growth keep every present key's bits.
        if i % 3 == 0 {
            d.remove_str(&names[i / 2]);
        }
    }
    for n in &names {
        if d.get_str(n).is_some() {
            assert!(
                d.may_contain(str_hash(n)),
                "{n} is present but filtered out"
            );
        }
    }
    assert!(
        !Dict::new().may_contain(str_hash("area")),
        "an empty dict may contain nothing"
    );
    d.clear();
    let hits = names.iter().filter(|n| d.may_contain(str_hash(n))).count();
    assert_eq!(hits, 0, "a cleared dict forgets its keys");
}
