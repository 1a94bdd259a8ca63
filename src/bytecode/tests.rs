//! Compiler tests: the shape of the code for small functions (what the
//! disassembler shows), folding, handler tables, definite assignment.

use super::code::CodeObject;
use super::instr::Instr;
use super::{compile_source, dis};
use std::rc::Rc;

fn module(src: &str) -> Rc<CodeObject> {
    compile_source("t.py", src).unwrap_or_else(|e| panic!("compile error: {}", e.message))
}

/// The first nested code object (the function defined by `src`).
fn func(src: &str) -> Rc<CodeObject> {
    module(src).codes[0].clone()
}

fn names(code: &CodeObject) -> Vec<&'static str> {
    code.instrs.iter().map(|i| i.name()).collect()
}

#[test]
fn arithmetic_works_on_registers_directly() {
    let f = func("def f(a, b):\n    return a * 2 + b\n");
    assert_eq!(names(&f), ["MUL", "ADD", "RETURN"]);
    // `a` and `b` are slots 0 and 1; the constant 2 lives in a register.
    assert!(matches!(f.instrs[0], Instr::Mul { a: 0, .. }));
    assert!(matches!(f.instrs[1], Instr::Add { b: 1, .. }));
    assert_eq!(f.nslots, 2);
}

#[test]
fn while_loop_uses_a_fused_compare_and_branch() {
    let f = func(
        "def f(n):\n    i = 0\n    total = 0\n    while i < n:\n        total += i\n        i += 1\n    return total\n",
    );
    assert_eq!(
        names(&f),
        [
            "MOVE",
            "MOVE",
            "JUMP_IF_NOT_LT",
            "INPLACE_ADD",
            "INPLACE_ADD",
            "JUMP",
            "RETURN"
        ]
    );
    // The loop body reads i and total without CHECK_BOUND: both are
    // assigned on every path that reaches it.
}

#[test]
fn constants_fold() {
    let f = func("def f():\n    return -(2 ** 10) + 3 * 4\n");
    assert_eq!(names(&f), ["RETURN"]);
    assert!(f
        .const_regs
        .iter()
        .filter_map(|v| v.as_small_int())
        .collect::<Vec<_>>()
        .contains(&-1012));
    let f = func("def f():\n    return 1 / 0\n");
    assert_eq!(names(&f), ["TRUE_DIV", "RETURN"]);
    let f = func("def f():\n    return (1, 'a', 2.5)\n");
    assert_eq!(names(&f), ["LOAD_CONST", "RETURN"]);
}

#[test]
fn maybe_unbound_locals_are_checked() {
    let f = func("def f(c):\n    if c:\n        x = 1\n    return x\n");
    assert!(names(&f).contains(&"CHECK_BOUND"));
    let f = func("def f(c):\n    if c:\n        x = 1\n    else:\n        x = 2\n    return x\n");
    assert!(!names(&f).contains(&"CHECK_BOUND"));
    let f = func("def f(x):\n    del x\n    return x\n");
    assert!(names(&f).contains(&"DELETE_FAST"));
    assert!(names(&f).contains(&"CHECK_BOUND"));
}

#[test]
fn method_calls_bind_no_method_object() {
    let f = func("def f(xs, v):\n    xs.append(v)\n");
    assert_eq!(names(&f), ["MOVE", "MOVE", "CALL_METHOD", "RETURN"]);
    assert!(matches!(
        f.instrs[2],
        Instr::CallMethod {
            dst: super::instr::NO_REG,
            argc: 1,
            ..
        }
    ));
}

#[test]
fn try_except_has_a_protected_range() {
    let f = func(
        "def f():\n    try:\n        g()\n    except ValueError as e:\n        return e\n    return None\n",
    );
    assert!(!f.handlers.is_empty());
    let h = f.handlers[0];
    assert!(h.start < h.end && h.end <= h.target);
    let n = names(&f);
    for op in [
        "EXC_MATCH",
        "PUSH_HANDLED",
        "POP_HANDLED",
        "RERAISE",
        "RERAISE_WITH_CONTEXT",
    ] {
        assert!(n.contains(&op), "{op} missing in {n:?}");
    }
}

#[test]
fn return_through_finally_inlines_the_finally_body() {
    let f = func("def f():\n    try:\n        return 1\n    finally:\n        print('x')\n");
    // The finally body appears on the return path, the normal path and
    // the exceptional path.
    let calls = names(&f).iter().filter(|n| **n == "CALL").count();
    assert_eq!(calls, 3, "{}", dis::disassemble(&f));
}

#[test]
fn break_out_of_with_calls_exit() {
    let f = func("def f(m):\n    for i in m:\n        with m:\n            break\n");
    let n = names(&f);
    assert!(
        n.iter().filter(|x| **x == "WITH_EXIT").count() >= 2,
        "{n:?}"
    );
    assert!(n.contains(&"WITH_EXIT_EXC"));
}

#[test]
fn closures_capture_cells() {
    let m =
        module("def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n");
    let outer = &m.codes[0];
    assert_eq!(outer.cell_slots, vec![0]);
    let inner = &outer.codes[0];
    assert_eq!(inner.freevars.len(), 1);
    assert_eq!(inner.closure_regs, vec![0]);
    assert_eq!(names(inner), ["LOAD_FREE", "RETURN"]);
    assert_eq!(&*inner.qualname, "outer.<locals>.inner");
}

#[test]
fn comprehensions_are_nested_functions() {
    let m = module("xs = [i * i for i in range(3) if i]\n");
    assert_eq!(&*m.codes[0].name, "<listcomp>");
    let n = names(&m.codes[0]);
    assert_eq!(n[0], "BUILD_LIST");
    assert!(n.contains(&"FOR_ITER") && n.contains(&"LIST_APPEND"));
    let g = module("g = (i for i in range(3))\n");
    assert!(g.codes[0].is_generator);
    assert!(names(&g.codes[0]).contains(&"YIELD"));
}

#[test]
fn line_table_names_statement_lines() {
    let m = module("x = 1\n\ny = x + \\\n  2\nprint(y)\n");
    let lines: Vec<u32> = (0..m.instrs.len()).map(|pc| m.line_at(pc)).collect();
    assert_eq!(lines.first(), Some(&1));
    assert!(lines.contains(&3) && lines.contains(&5));
    assert!(!lines.contains(&4));
}

#[test]
fn disassembly_is_readable() {
    let text = dis::disassemble(&module("def f(a):\n    return a + 1\nprint(f(2))\n"));
    assert!(text.contains("Disassembly of <module> (t.py, line 1):"));
    assert!(text.contains("Disassembly of f (t.py, line 1):"));
    assert!(text.contains("ADD"));
    assert!(text.contains("a, #1"), "{text}");
    assert!(
        text.contains("LOAD_NAME             t0 <- 'print'"),
        "{text}"
    );
}

#[test]
fn interactive_code_yields_expression_values() {
    let m = crate::syntax::parse_module("1 + x\ny = 2\n").unwrap();
    let code = super::compile_interactive(Rc::from("<stdin>"), "1 + x\ny = 2\n", &m).unwrap();
    assert!(names(&code).contains(&"YIELD"));
}
