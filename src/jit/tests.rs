//! Translation tests: small functions compiled to machine code and called
//! directly through the runtime, with results checked against what
//! CPython gives for the same calls.

use super::NativeState;
use crate::runtime::object::{Code, Obj};
use crate::runtime::{Interp, PyErr, Value};

/// Define `src` (a module body) with the JIT on and return the interpreter
/// and the module's globals.
fn define(src: &str) -> (Interp, Value) {
    let mut interp = Interp::new();
    super::enable(&mut interp);
    let module = crate::syntax::parse_module(src).expect("parse");
    let globals = crate::vm::run_main(&mut interp, "t.py", src, module).expect("module body runs");
    (interp, globals)
}

fn global(globals: &Value, name: &str) -> Value {
    match globals.as_obj() {
        Some(Obj::Dict(d)) => d.borrow().get_str(name).expect("defined").clone(),
        _ => panic!("globals are a dict"),
    }
}

/// Call the function `name` with int arguments.
fn call(src: &str, name: &str, args: &[Value]) -> (Interp, Result<Value, PyErr>, Value) {
    let (mut interp, globals) = define(src);
    let f = global(&globals, name);
    let r = interp.call(&f, args, &[]);
    (interp, r, f)
}

/// Was the function's code translated (not left to the VM)?
fn compiled(f: &Value) -> bool {
    let Some(Obj::Function(func)) = f.as_obj() else {
        return false;
    };
    let Code::Bytecode(code) = &func.code else {
        return false;
    };
    matches!(code.native.state(), NativeState::Compiled(_))
}

fn repr(interp: &mut Interp, v: &Value) -> String {
    interp.repr(v).expect("repr")
}

#[test]
fn arithmetic_function_is_compiled_and_called() {
    let (mut interp, r, f) = call(
        "def f(a, b):\n    return a * b + a // b - a % b\n",
        "f",
        &[Value::int(-7), Value::int(2)],
    );
    // CPython: -7 * 2 + -7 // 2 - -7 % 2 == -14 + -4 - 1
    assert_eq!(repr(&mut interp, &r.expect("returns")), "-19");
    assert!(compiled(&f), "f ran natively");
}

#[test]
fn small_int_overflow_falls_back_to_big_ints() {
    let (mut interp, r, _) = call(
        "def f(x):\n    return x + 1, x * x, -x - 2\n",
        "f",
        &[Value::int((1 << 47) - 1)],
    );
    assert_eq!(
        repr(&mut interp, &r.expect("returns")),
        // CPython's value of f(2**47 - 1)
        "(140737488355328, 19807040628565802923409276929, -140737488355329)"
    );
}

#[test]
fn loops_branches_and_floats() {
    let src = "def f(n):\n    s = 0.0\n    i = 0\n    while i < n:\n        if i % 3 == 0 or i > 90:\n            s += i / 2\n        i += 1\n    for j in range(5):\n        s -= j\n    return s\n";
    let (mut interp, r, f) = call(src, "f", &[Value::int(100)]);
    // CPython: f(100) == 1115.0
    assert_eq!(repr(&mut interp, &r.expect("returns")), "1115.0");
    assert!(compiled(&f));
}

#[test]
fn an_exception_is_caught_by_the_handler_of_the_failing_instruction() {
    let src = "def f(d, k):\n    try:\n        return d[k]\n    except KeyError as e:\n        return 'missing ' + repr(e)\n    finally:\n        d['seen'] = 1\n";
    let (mut interp, globals) = define(src);
    let f = global(&globals, "f");
    let d = crate::runtime::hash::new_dict();
    let r = interp.call(&f, &[d.clone(), Value::str("x")], &[]);
    assert_eq!(
        repr(&mut interp, &r.expect("returns")),
        "\"missing KeyError('x')\""
    );
    assert_eq!(repr(&mut interp, &d), "{'seen': 1}");
}

#[test]
fn an_uncaught_exception_leaves_with_this_frame_in_its_traceback() {
    let (mut interp, r, _) = call(
        "def f(x):\n    y = x + 1\n    return y / 0\n",
        "f",
        &[Value::int(1)],
    );
    let e = r.expect_err("raises");
    let text = crate::runtime::exceptions::format_exception(&mut interp, &e.0);
    assert!(text.contains("line 3, in f"), "{text}");
    assert!(
        text.ends_with("ZeroDivisionError: division by zero\n"),
        "{text}"
    );
}

#[test]
fn generators_resume_natively() {
    let src = "def inner(n):\n    for i in range(n):\n        yield i * i\n    return n\ndef g(n, log):\n    total = yield from inner(n)\n    try:\n        yield total\n        yield -1\n    finally:\n        log.append('closed')\ndef bad():\n    yield 1\n    raise ValueError('gen failed')\ndef drive():\n    log = []\n    out = []\n    for v in g(3, log):\n        out.append(v)\n        if v == 3:\n            break\n    try:\n        for v in bad():\n            out.append(v)\n    except ValueError as e:\n        out.append(str(e))\n    return out + log\n";
    let (mut interp, globals) = define(src);
    let drive = global(&globals, "drive");
    let r = interp.call(&drive, &[], &[]);
    // CPython: [0, 1, 4, 3, 1, 'gen failed', 'closed']
    assert_eq!(
        repr(&mut interp, &r.expect("returns")),
        "[0, 1, 4, 3, 1, 'gen failed', 'closed']"
    );
    for name in ["inner", "g", "bad"] {
        assert!(compiled(&global(&globals, name)), "{name} ran natively");
    }
}

#[test]
fn the_clif_listing_shows_every_function() {
    let src = "def f(x):\n    return x + 1\nclass C:\n    def m(self):\n        return [i for i in range(3)]\n";
    let module = crate::syntax::parse_module(src).expect("parse");
    let code = crate::bytecode::compile(std::rc::Rc::from("t.py"), src, &module).expect("compiles");
    let text = super::clif_listing(&code, None, false).expect("translates");
    for name in [
        "; <module>",
        "; f",
        "; C",
        "; C.m",
        "; C.m.<locals>.<listcomp>",
    ] {
        assert!(text.contains(name), "{name} missing from:\n{text}");
    }
    assert!(text.contains("call_indirect"), "{text}");
    let only = super::clif_listing(&code, Some("f"), false).expect("translates");
    assert!(only.contains("; f") && !only.contains("; C.m"), "{only}");
    assert!(super::clif_listing(&code, Some("nope"), false).is_err());
}

#[test]
fn a_panic_while_compiling_falls_back_to_the_vm() {
    let (mut interp, globals) =
        define("def f(a):\n    return a * 2\n\ndef g(a):\n    return a + 1\n");
    super::module::PANIC_NEXT_COMPILE.with(|p| p.set(true));
    let f = global(&globals, "f");
    let r = interp
        .call(&f, &[Value::int(21)], &[])
        .expect("runs in the VM");
    assert_eq!(repr(&mut interp, &r), "42");
    assert!(!compiled(&f), "f fell back to the VM");
    let g = global(&globals, "g");
    let r = interp
        .call(&g, &[Value::int(1)], &[])
        .expect("runs natively");
    assert_eq!(repr(&mut interp, &r), "2");
    assert!(
        compiled(&g),
        "the next function compiles with fresh contexts"
    );
}

/// The code of function `f`.
fn code_of(f: &Value) -> &crate::bytecode::CodeObject {
    match f.as_obj() {
        Some(Obj::Function(func)) => match &func.code {
            Code::Bytecode(code) => code,
            _ => panic!("a bytecode function"),
        },
        _ => panic!("a function"),
    }
}

#[test]
fn numeric_functions_get_a_pure_entry_and_others_do_not() {
    let src = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\
               def name(n):\n    return 'n' * n\n\
               def calls_impure(n):\n    return name(n)\n";
    let (mut interp, globals) = define(src);
    for (name, pure) in [("fib", true), ("name", false), ("calls_impure", false)] {
        let f = global(&globals, name);
        let r = interp.call(&f, &[Value::int(10)], &[]).expect("returns");
        if name == "fib" {
            // CPython: fib(10) == 55
            assert_eq!(repr(&mut interp, &r), "55");
        }
        let entry = code_of(&f).native.pure_entry.get();
        assert_eq!(entry != 0, pure, "{name}: pure entry {entry:#x}");
    }
}

#[test]
fn pure_code_gives_up_on_big_ints_and_the_call_makes_them() {
    // fib(80) passes 48 bits: the pure additions give up near the top and
    // the general calls redo them with big ints.
    let (mut interp, r, f) = call(
        "def fib(n, a, b):\n    if n == 0:\n        return a\n    return fib(n - 1, b, a + b)\n",
        "fib",
        &[Value::int(80), Value::int(0), Value::int(1)],
    );
    // CPython: fib(80, 0, 1) == 23416728348467685
    assert_eq!(repr(&mut interp, &r.expect("returns")), "23416728348467685");
    assert_ne!(code_of(&f).native.pure_entry.get(), 0);
}
