//! Parses every `.py` file of the conformance corpus and the benchmarks.
//! Files whose `.err` says `SyntaxError: ...` or `IndentationError: ...`
//! must fail with exactly that last line; all others must parse.
//! Skipped when the corpus is not on this machine.

use std::path::{Path, PathBuf};
use tern::syntax::parse_module;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

#[test]
fn corpus_parses() {
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance"),
        &mut files,
    );
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench"),
        &mut files,
    );
    if files.is_empty() {
        eprintln!("corpus not found; skipped");
        return;
    }
    files.sort();
    let (mut parsed, mut expected_errors, mut failures) = (0, 0, 0);
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let err_file = f.with_extension("err");
        let want = std::fs::read_to_string(&err_file)
            .ok()
            .map(|s| s.trim_end().to_string())
            .filter(|s| s.starts_with("SyntaxError: ") || s.starts_with("IndentationError: "));
        let got = parse_module(&src).map_err(|e| e[0].last_line());
        match (want, got) {
            (None, Ok(_)) => parsed += 1,
            (Some(w), Err(g)) if w == g => expected_errors += 1,
            (want, got) => {
                failures += 1;
                eprintln!("FAIL {}: expected {want:?}, got {got:?}", f.display());
            }
        }
    }
    eprintln!(
        "{} files: {parsed} parsed, {expected_errors} syntax errors as expected, {failures} failures",
        files.len()
    );
    assert_eq!(failures, 0);
}
