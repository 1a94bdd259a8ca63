//! The embedding API under limits and capabilities, in every mode this
//! build supports: each limit stops a hostile script with a typed error the
//! script cannot swallow, and the same engine then runs another script.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;
use tern::driver::{Mode, AVAILABLE_MODES};
use tern::embed::{Engine, EngineBuilder, Error, LimitKind, NativeModule, OutputBuffer};

#[global_allocator]
static ALLOC: tern::alloc::TrackingAllocator = tern::alloc::TrackingAllocator;

fn engines(configure: impl Fn(EngineBuilder) -> EngineBuilder) -> Vec<Engine> {
    AVAILABLE_MODES
        .iter()
        .map(|m| configure(Engine::builder().mode(*m)).build())
        .collect()
}

/// The engine is still usable after an error.
fn still_works(e: &mut Engine) {
    let v: i64 = e.eval_as("sum(range(10))").unwrap();
    assert_eq!(v, 45);
}

fn limit_of(r: Result<tern::runtime::Value, Error>) -> LimitKind {
    match r {
        Err(Error::Limit(k)) => k,
        Err(other) => panic!("expected a limit error, got {other}"),
        Ok(v) => panic!("expected a limit error, got a value {v:?}"),
    }
}

#[test]
fn fuel_stops_an_infinite_loop_even_inside_try() {
    for mut e in engines(|b| b.fuel(100_000)) {
        assert_eq!(limit_of(e.eval("while True:\n    pass\n")), LimitKind::Fuel);
        let hostile = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n";
        assert_eq!(limit_of(e.eval(hostile)), LimitKind::Fuel);
        assert_eq!(limit_of(e.eval("sum(range(10**15))")), LimitKind::Fuel);
        still_works(&mut e);
    }
}

#[test]
fn a_deadline_stops_an_infinite_loop() {
    for mut e in engines(|b| b.deadline(Duration::from_millis(200))) {
        let start = std::time::Instant::now();
        assert_eq!(
            limit_of(e.eval("x = 0\nwhile True:\n    x += 1\n")),
            LimitKind::Deadline
        );
        assert!(start.elapsed() < Duration::from_secs(5));
        let with_block = "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): return True\nwhile True:\n    with C():\n        while True: pass\n";
        assert_eq!(limit_of(e.eval(with_block)), LimitKind::Deadline);
        still_works(&mut e);
    }
}

#[test]
fn unbounded_recursion_is_a_recursion_error_on_a_small_host_stack() {
    // The host thread has a small stack; the engine runs scripts on its own.
    let t = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            for mut e in engines(|b| b) {
                match e.eval("def f(n):\n    return f(n + 1)\nf(0)\n") {
                    Err(Error::Python { kind, message, .. }) => {
                        assert_eq!(kind, "RecursionError");
                        assert_eq!(message, "maximum recursion depth exceeded");
                    }
                    other => panic!("expected RecursionError, got {other:?}"),
                }
                still_works(&mut e);
            }
        })
        .unwrap();
    t.join().unwrap();
}

#[test]
fn a_recursion_limit_can_be_set() {
    for mut e in engines(|b| b.recursion_limit(50)) {
        let r = e.eval("def depth(n):\n    try:\n        return depth(n + 1)\n    except RecursionError:\n        return n\ndepth(0)\n");
        let d: i64 = e.from_value(&r.unwrap()).unwrap();
        assert!((40..50).contains(&d), "{d}");
    }
}

#[test]
fn memory_cap_stops_huge_and_growing_allocations() {
    let cap = tern::alloc::allocated() + (64 << 20);
    for mut e in engines(|b| b.memory_limit(cap)) {
        assert_eq!(limit_of(e.eval("x = [0] * 10**10\n")), LimitKind::Memory);
        let doubling =
            "l = [0]\ntry:\n    while True:\n        l = l + l\nexcept MemoryError:\n    pass\n";
        assert_eq!(limit_of(e.eval(doubling)), LimitKind::Memory);
        e.eval("l = None\n").unwrap();
        still_works(&mut e);
    }
}

#[test]
fn output_beyond_the_cap_stops_the_script() {
    for m in AVAILABLE_MODES {
        let out = OutputBuffer::new();
        let mut e = Engine::builder()
            .mode(*m)
            .output_limit(10_000)
            .stdout(out.clone())
            .build();
        assert_eq!(
            limit_of(e.eval("while True:\n    print('x' * 99)\n")),
            LimitKind::Output
        );
        assert!(out.contents().len() <= 10_000);
        out.clear();
        e.eval("print('after')").unwrap();
        assert_eq!(out.contents(), "after\n");
    }
}

#[test]
fn file_system_and_environment_are_denied_by_default() {
    for mut e in engines(|b| b) {
        match e.eval("open('/etc/hostname')") {
            Err(Error::Python { kind, .. }) => assert_eq!(kind, "PermissionError"),
            other => panic!("expected PermissionError, got {other:?}"),
        }
        let caught: String = e
            .eval_as("import os\ntry:\n    os.listdir('.')\nexcept PermissionError as err:\n    r = str(err)\nr")
            .unwrap();
        assert!(caught.contains("not permitted"), "{caught}");
        match e.eval("import os\nos.getenv('HOME')") {
            Err(Error::Python { kind, .. }) => assert_eq!(kind, "PermissionError"),
            other => panic!("expected PermissionError, got {other:?}"),
        }
        let n: i64 = e.eval_as("import os\nlen(os.environ)").unwrap();
        assert_eq!(n, 0);
        still_works(&mut e);
    }
}

#[test]
fn granted_file_system_works() {
    let dir = std::env::temp_dir().join(format!("tern-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.txt");
    for mut e in engines(|b| b.allow_filesystem(true)) {
        e.set("path", path.to_str().unwrap()).unwrap();
        e.eval("with open(path, 'w') as f:\n    f.write('granted')\n")
            .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "granted");
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Loops and recursion inside functions (compiled to machine code in jit
/// mode, where top-level REPL-style input stays in the VM) stop too.
#[test]
fn limits_hold_inside_functions() {
    let spin = "def spin():\n    n = 0\n    while True:\n        n += 1\nspin()\n";
    for mut e in engines(|b| b.fuel(100_000)) {
        assert_eq!(
            limit_of(e.eval(spin)),
            LimitKind::Fuel,
            "{}",
            e.mode().name()
        );
        still_works(&mut e);
    }
    for mut e in engines(|b| b.deadline(Duration::from_millis(200))) {
        assert_eq!(
            limit_of(e.eval(spin)),
            LimitKind::Deadline,
            "{}",
            e.mode().name()
        );
        still_works(&mut e);
    }
    for mut e in engines(|b| b) {
        let msg: String = e
            .eval_as("def down(n):\n    return down(n + 1)\ntry:\n    down(0)\nexcept RecursionError as err:\n    m = str(err)\nm")
            .unwrap();
        assert_eq!(
            msg,
            "maximum recursion depth exceeded",
            "{}",
            e.mode().name()
        );
    }
}

/// Recursion that only computes on numbers (which the JIT runs without
/// frames, see `jit::translate::pure`) is stopped by limits too, and its
/// errors are the ones a framed call would raise.
#[test]
fn limits_hold_inside_frameless_recursion() {
    let fib = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfib(60)\n";
    for mut e in engines(|b| b.fuel(100_000)) {
        assert_eq!(
            limit_of(e.eval(fib)),
            LimitKind::Fuel,
            "{}",
            e.mode().name()
        );
        still_works(&mut e);
    }
    for mut e in engines(|b| b.deadline(Duration::from_millis(200))) {
        let start = std::time::Instant::now();
        assert_eq!(
            limit_of(e.eval(fib)),
            LimitKind::Deadline,
            "{}",
            e.mode().name()
        );
        assert!(start.elapsed() < Duration::from_secs(5));
        still_works(&mut e);
    }
    for mut e in engines(|b| b) {
        let msg: String = e
            .eval_as("def down(n):\n    return down(n + 1) + 1\ntry:\n    down(0)\nexcept RecursionError as err:\n    m = str(err)\nm")
            .unwrap();
        assert_eq!(
            msg,
            "maximum recursion depth exceeded",
            "{}",
            e.mode().name()
        );
    }
}

/// No Rust panic unwinds through generated code: a host function that
/// panics, called from machine code inside nested `try`/`with` blocks,
/// becomes a `RuntimeError` the script handles, and the host carries on.
#[test]
fn a_panic_in_a_native_function_cannot_cross_jit_code() {
    let mut e = Engine::builder().mode(Mode::Jit).build();
    e.register_fn("boom", |n: i64| -> i64 {
        if n > 2 {
            panic!("host function failed");
        }
        n
    });
    let script = "class Guard:\n    def __init__(self, log, name):\n        self.log, self.name = log, name\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        self.log.append(self.name)\n        return False\ndef nested(log, depth):\n    if depth == 0:\n        return boom(3)\n    with Guard(log, depth):\n        try:\n            return nested(log, depth - 1)\n        finally:\n            log.append(-depth)\ndef run():\n    log = []\n    try:\n        nested(log, 6)\n    except RuntimeError as err:\n        log.append('caught')\n    return len(log), log[-1]\nrun()\n";
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r: Result<(i64, String), Error> = e.eval_as(script);
    std::panic::set_hook(hook);
    assert_eq!(r.unwrap(), (13, "caught".to_string()));
    still_works(&mut e);
}

#[test]
fn native_functions_check_arguments_and_errors_are_catchable() {
    for mut e in engines(|b| b) {
        e.register_fn("add", |a: i64, b: i64| a + b);
        e.register_fn("parse", |s: String| {
            s.parse::<i64>().map_err(|err| err.to_string())
        });
        let v: i64 = e.eval_as("add(40, 2)").unwrap();
        assert_eq!(v, 42);
        let msg: String = e
            .eval_as("try:\n    add(1)\nexcept TypeError as err:\n    m = str(err)\nm")
            .unwrap();
        assert_eq!(msg, "add() takes exactly 2 arguments (1 given)");
        let msg: String = e
            .eval_as("try:\n    add(1, 'x')\nexcept TypeError as err:\n    m = str(err)\nm")
            .unwrap();
        assert_eq!(msg, "add() argument 2 must be int, not str");
        let msg: String = e
            .eval_as("try:\n    parse('nope')\nexcept RuntimeError as err:\n    m = str(err)\nm")
            .unwrap();
        assert_eq!(msg, "invalid digit found in string");
        let v: i64 = e
            .eval_as("sum(map(lambda x: add(x, 1), [1, 2, 3]))")
            .unwrap();
        assert_eq!(v, 9);
    }
}

#[test]
fn native_modules_values_and_calls() {
    for mut e in engines(|b| b) {
        e.register_module(
            NativeModule::new("units")
                .function("km", |m: f64| m / 1000.0)
                .constant("MARATHON", 42195.0),
        );
        let km: f64 = e.eval_as("import units\nunits.km(units.MARATHON)").unwrap();
        assert_eq!(km, 42.195);
        let mut scores = BTreeMap::new();
        scores.insert("ann".to_string(), 3i64);
        scores.insert("bo".to_string(), 5i64);
        e.set("scores", scores).unwrap();
        e.set("weights", vec![1.5f64, 2.0]).unwrap();
        e.eval("def best(d):\n    return max(d, key=d.get)\n")
            .unwrap();
        let best: String = e.call_as("best", vec![e.get("scores").unwrap()]).unwrap();
        assert_eq!(best, "bo");
        let t: (i64, String, Option<bool>) = e.eval_as("(1, 'two', None)").unwrap();
        assert_eq!(t, (1, "two".to_string(), None));
        let m: HashMap<String, Vec<i64>> = e.eval_as("{'a': [1, 2], 'b': []}").unwrap();
        assert_eq!(m["a"], vec![1, 2]);
        let total: f64 = e.eval_as("sum(weights)").unwrap();
        assert_eq!(total, 3.5);
    }
}

#[test]
fn programs_compile_once_and_run_many_times() {
    for mut e in engines(|b| b) {
        let p = e
            .compile("counter.py", "n = n + 1 if 'n' in globals() else 1\nn")
            .unwrap();
        for want in 1..=3i64 {
            let v = e.run(&p).unwrap();
            let got: i64 = e.from_value(&v).unwrap();
            assert_eq!(got, want);
        }
    }
    let e = Engine::new();
    match e.compile("bad.py", "x = (") {
        Err(Error::Syntax { message, report }) => {
            assert_eq!(message, "SyntaxError: '(' was never closed");
            assert!(report.contains("bad.py"), "{report}");
        }
        other => panic!(
            "expected a syntax error, got {:?}",
            other.map(|p| p.name().to_string())
        ),
    }
}

#[test]
fn modes_this_build_lacks_are_refused() {
    for m in [Mode::Tree, Mode::Vm, Mode::Jit] {
        let mut e = Engine::builder().mode(m).build();
        match e.eval("1 + 1") {
            Ok(v) => {
                assert!(AVAILABLE_MODES.contains(&m), "{} ran", m.name());
                assert_eq!(e.from_value::<i64>(&v).unwrap(), 2);
            }
            Err(Error::Host(msg)) => {
                assert!(!AVAILABLE_MODES.contains(&m), "{}: {msg}", m.name());
                assert!(msg.contains("not supported"), "{msg}");
            }
            Err(other) => panic!("{}: {other}", m.name()),
        }
    }
}
