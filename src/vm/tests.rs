//! VM tests: small programs run end to end with their output captured.

use crate::runtime::object::{GenStep, Resume};
use crate::runtime::{Interp, Value};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

#[derive(Clone, Default)]
struct Buf(Rc<RefCell<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Run `src` in the VM: (stdout, the last line of an uncaught exception).
fn run_with(interp: &mut Interp, src: &str) -> (String, Option<String>) {
    let out = Buf::default();
    interp.stdout = Box::new(out.clone());
    let module = crate::syntax::parse_module(src).expect("parse");
    let r = super::run_main(interp, "t.py", src, module);
    let err = r
        .err()
        .map(|e| crate::runtime::exceptions::last_line(interp, &e.0));
    interp.run_finalizers();
    let text = String::from_utf8(out.0.borrow().clone()).unwrap();
    (text, err)
}

fn run(src: &str) -> String {
    let mut interp = Interp::new();
    let (out, err) = run_with(&mut interp, src);
    assert_eq!(err, None, "uncaught exception; output so far:\n{out}");
    out
}

fn run_err(src: &str) -> String {
    let mut interp = Interp::new();
    run_with(&mut interp, src).1.expect("an exception")
}

#[test]
fn arithmetic_and_calls() {
    assert_eq!(
        run("def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nprint(fib(20), 2**70, 7 // -2, 7.5 % 2)\n"),
        "6765 1180591620717411303424 -4 1.5\n"
    );
}

#[test]
fn small_int_overflow_becomes_a_bigint() {
    assert_eq!(
        run("x = 2**46\nfor i in range(5):\n    x = x * 3 + x\nprint(x)\n"),
        "72057594037927936\n"
    );
}

#[test]
fn deep_recursion_raises_recursion_error() {
    assert_eq!(
        run_err("def f(n):\n    return f(n + 1)\nf(0)\n"),
        "RecursionError: maximum recursion depth exceeded"
    );
    assert_eq!(
        run("import sys\nsys.setrecursionlimit(5000)\ndef d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(4000))\n"),
        "4000\n"
    );
}

#[test]
fn exceptions_unwind_through_finally_and_handlers() {
    let src = "
def f():
    try:
        try:
            raise KeyError('k')
        finally:
            print('inner')
    except LookupError as e:
        print('caught', repr(e))
        try:
            1 / 0
        except ZeroDivisionError as z:
            print('context', repr(z.__context__))
    return 'ok'
print(f())
";
    assert_eq!(
        run(src),
        "inner\ncaught KeyError('k')\ncontext KeyError('k')\nok\n"
    );
    assert_eq!(
        run_err("try:\n    1/0\nfinally:\n    print('x')\n"),
        "ZeroDivisionError: division by zero"
    );
}

#[test]
fn loops_break_and_continue_through_finally() {
    let src = "
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('fin', i)
else:
    print('no')
";
    assert_eq!(run(src), "body 0\nfin 0\nfin 1\nfin 2\n");
}

#[test]
fn with_calls_exit_on_every_path() {
    let src = "
class CM:
    def __enter__(self):
        print('enter')
        return 5
    def __exit__(self, t, v, tb):
        print('exit', t is not None)
        return t is KeyError
def f():
    with CM() as v:
        return v
print(f())
with CM():
    raise KeyError(1)
print('suppressed')
";
    assert_eq!(
        run(src),
        "enter\nexit False\n5\nenter\nexit True\nsuppressed\n"
    );
}

#[test]
fn finalizers_run_when_the_last_reference_goes() {
    let src = "
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
def f():
    t = T(1)
    print('in f')
f()
print('after f')
x = T(2)
x = None
print('end')
";
    assert_eq!(run(src), "in f\ndel 1\nafter f\ndel 2\nend\n");
}

#[test]
fn generators_are_suspended_frames() {
    let src = "
def g(n):
    for i in range(n):
        try:
            yield i
        finally:
            print('fin', i)
def h():
    r = yield from g(2)
    yield 'done'
print(list(h()))
print(sum(i * i for i in range(10)))
";
    assert_eq!(run(src), "fin 0\nfin 1\n[0, 1, 'done']\n285\n");
}

#[test]
fn generators_accept_sent_and_thrown_values() {
    let src = "
def g():
    try:
        x = yield 1
        print('got', x)
        yield 2
    except ValueError as e:
        print('thrown', e)
        yield 3
it = g()
";
    let mut interp = Interp::new();
    let (_, err) = run_with(&mut interp, src);
    assert_eq!(err, None);
    let main = interp.modules.get("__main__").cloned().unwrap();
    let it = interp.getattr(&main, "it").unwrap();
    let step =
        |interp: &mut Interp, input| match crate::runtime::iter::gen_resume(interp, &it, input) {
            Ok(GenStep::Yield(v)) => v.as_small_int().unwrap(),
            _ => panic!("expected a yield"),
        };
    assert_eq!(step(&mut interp, Resume::Send(Value::NONE)), 1);
    assert_eq!(step(&mut interp, Resume::Send(Value::str("hi"))), 2);
    let exc = interp.value_error("boom").0;
    assert_eq!(step(&mut interp, Resume::Throw(exc)), 3);
    interp.flush_output();
}

#[test]
fn unbound_and_undefined_names() {
    assert_eq!(
        run_err("def f():\n    print(x)\n    x = 1\nf()\n"),
        "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"
    );
    assert_eq!(
        run_err("print(nope)\n"),
        "NameError: name 'nope' is not defined"
    );
}

#[test]
fn classes_super_and_properties() {
    let src = "
class A:
    def __init__(self, v):
        self.v = v
    @property
    def twice(self):
        return self.v * 2
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
b = B(4)
print(b.twice, b.who(), B.__qualname__, b.who.__qualname__)
";
    assert_eq!(run(src), "8 B>A B B.who\n");
}

#[test]
fn traceback_entries_name_each_frame() {
    let mut interp = Interp::new();
    let src = "def a():\n    b()\ndef b():\n    raise ValueError('x')\na()\n";
    let module = crate::syntax::parse_module(src).unwrap();
    let e = super::run_main(&mut interp, "t.py", src, module).unwrap_err();
    let d = crate::runtime::exceptions::exc_data(&e.0).unwrap();
    let tb: Vec<(u32, String)> = d
        .borrow()
        .traceback
        .iter()
        .map(|t| (t.line, t.func.to_string()))
        .collect();
    assert_eq!(
        tb,
        vec![
            (4, "b".to_string()),
            (2, "a".to_string()),
            (5, "<module>".to_string())
        ]
    );
}
