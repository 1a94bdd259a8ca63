//! Compares tern's syntax error messages with CPython's on the snippets in
//! `tests/cases/errors.txt` (separated by lines of `----`). The expected
//! message is computed by `python3` (`compile(src, ..., 'exec')`); skipped
//! when python3 is not available. TabError is reported as IndentationError.

use std::process::Command;
use tern::syntax::parse_module;

const PY: &str = r#"
import sys, warnings
warnings.simplefilter("ignore")
cases = open(sys.argv[1], encoding="utf-8").read().split("\n----\n")
for c in cases:
    try:
        compile(c, "<f>", "exec")
        print("OK")
    except SyntaxError as e:
        name = type(e).__name__
        if name == "TabError":
            name = "IndentationError"
        print(f"{name}: {e.msg}".replace("\n", "\\n"))
"#;

#[test]
fn error_messages_match_cpython() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/errors.txt");
    let Ok(out) = Command::new("python3").arg("-c").arg(PY).arg(path).output() else {
        eprintln!("python3 not available; skipped");
        return;
    };
    let expected: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    let text = std::fs::read_to_string(path).unwrap();
    let cases: Vec<&str> = text.split("\n----\n").collect();
    assert_eq!(cases.len(), expected.len(), "python output: {:?}", out);
    let mut failures = 0;
    for (case, want) in cases.iter().zip(&expected) {
        let got = match parse_module(case) {
            Ok(_) => "OK".to_string(),
            Err(e) => e[0].last_line(),
        };
        if &got != want {
            failures += 1;
            eprintln!("MISMATCH {case:?}\n  tern:    {got}\n  cpython: {want}");
        }
    }
    eprintln!("{} cases, {failures} mismatches", cases.len());
    assert_eq!(failures, 0);
}
