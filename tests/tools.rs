//! `tern compare` and `tern bench` end to end: each test runs the `tern`
//! binary on programs in a fresh temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tern::driver::AVAILABLE_MODES;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tern-tools-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn tern(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tern"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn compare_agreeing_modes_prints_one_row_per_mode() {
    let dir = scratch("agree");
    fs::write(
        dir.join("prog.py"),
        "import sys\ndef f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)\nprint(f(int(sys.argv[1])), sys.argv[2:])\n",
    )
    .unwrap();
    let out = tern(&["compare", "prog.py", "12", "x", "--runs", "2"], &dir);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|l| {
            AVAILABLE_MODES
                .iter()
                .any(|m| l.starts_with(&format!("{} ", m.name())))
        })
        .collect();
    assert_eq!(rows.len(), AVAILABLE_MODES.len(), "{stdout}");
    assert!(
        stdout.lines().next().unwrap().starts_with("mode"),
        "{stdout}"
    );
    // Tree mode reports its parse + scope time, and is its own baseline.
    let tree = rows.iter().find(|r| r.starts_with("tree ")).unwrap();
    assert!(tree.contains("1.00x"), "{tree}");
    assert!(!tree.trim_end().ends_with(" -"), "{tree}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn compare_reports_disagreeing_modes_with_a_diff() {
    if AVAILABLE_MODES.len() < 2 {
        eprintln!("only one mode in this build: nothing can disagree");
        return;
    }
    let dir = scratch("disagree");
    // Two processes never share a pid.
    fs::write(
        dir.join("nondet.py"),
        "import os\nprint('same')\nprint(os.getpid(), id(object()))\n",
    )
    .unwrap();
    let out = tern(&["compare", "nondet.py", "--runs", "1"], &dir);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let first = AVAILABLE_MODES[0].name();
    let second = AVAILABLE_MODES[1].name();
    assert!(
        stderr.contains(&format!("--- {first} (stdout)")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("+++ {second} (stdout)")),
        "{stderr}"
    );
    assert!(stderr.contains("@@ -1,2 +1,2 @@\n same\n-"), "{stderr}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn compare_a_missing_file_is_a_usage_error() {
    let dir = scratch("missing");
    let out = tern(&["compare", "nope.py"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nope.py"));
    let _ = fs::remove_dir_all(dir);
}

/// A benchmark program from benches/programs, made tiny: its last line,
/// `main(<size from argv or default>)`, becomes `main(5)`.
fn tiny_copy(name: &str, dir: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/programs")
        .join(format!("{name}.py"));
    let source = fs::read_to_string(src).unwrap();
    let body = source.trim_end();
    let (head, last) = body.rsplit_once('\n').unwrap();
    assert!(last.starts_with("main("), "{last}");
    fs::write(dir.join(format!("{name}.py")), format!("{head}\nmain(5)\n")).unwrap();
}

#[test]
fn bench_writes_a_table_json_and_svg() {
    let dir = scratch("bench");
    let progs = dir.join("programs");
    fs::create_dir_all(&progs).unwrap();
    tiny_copy("calls", &progs);
    let out = tern(
        &[
            "bench",
            "programs",
            "--runs",
            "2",
            "--no-python",
            "--json",
            "out.json",
            "--svg",
            "out.svg",
        ],
        &dir,
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.lines().any(|l| l.starts_with("calls ")), "{stdout}");
    assert!(
        stdout.lines().any(|l| l.starts_with("geomean ")),
        "{stdout}"
    );
    assert!(!stdout.contains("python"), "{stdout}");

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["runs"], 2);
    let benchmarks = json["benchmarks"].as_array().unwrap();
    assert_eq!(benchmarks.len(), 1);
    assert_eq!(benchmarks[0]["name"], "calls");
    assert!(benchmarks[0]["output"]
        .as_str()
        .unwrap()
        .starts_with("calls n=5: fib=5"));
    let results = benchmarks[0]["results"].as_object().unwrap();
    assert_eq!(results.len(), AVAILABLE_MODES.len());
    for mode in AVAILABLE_MODES {
        let r = &results[mode.name()];
        assert_eq!(r["ok"], true, "{r}");
        let times = r["times"].as_array().unwrap();
        assert_eq!(times.len(), 2);
        assert!(times.iter().all(|t| t.as_f64().unwrap() > 0.0));
        assert!(r["median"].as_f64().unwrap() > 0.0);
    }
    // Tree mode reported its translation phases on every run.
    assert!(results["tree"]["phases"][0]["parse"].as_f64().is_some());
    assert!(json["geomean"]["tree"].as_f64().is_some());

    let svg = fs::read_to_string(dir.join("out.svg")).unwrap();
    assert!(svg.contains("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<rect").count(), AVAILABLE_MODES.len());
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn bench_fails_when_a_program_fails() {
    let dir = scratch("bench-fail");
    fs::write(dir.join("ok.py"), "print(sum(range(10)))\n").unwrap();
    fs::write(
        dir.join("broken.py"),
        "print(1)\nraise ValueError('boom')\n",
    )
    .unwrap();
    let out = tern(&["bench", ".", "--runs", "1", "--no-python"], &dir);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let broken = stdout.lines().find(|l| l.starts_with("broken ")).unwrap();
    assert!(broken.contains("FAIL"), "{stdout}");
    let ok = stdout.lines().find(|l| l.starts_with("ok ")).unwrap();
    assert!(!ok.contains("FAIL"), "{stdout}");
    assert!(stderr.contains("ValueError: boom"), "{stderr}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn bench_usage_errors() {
    let dir = scratch("bench-usage");
    fs::write(dir.join("p.py"), "print(1)\n").unwrap();
    let out = tern(&["bench", "--python", "no-such-python-here", "."], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-python-here"));
    let out = tern(&["bench", "--modes", "warp", "--no-python", "."], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown mode 'warp'"));
    let out = tern(&["bench", "empty-folder-that-is-not-there"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn clif_prints_the_ir_or_machine_code_of_each_function() {
    let dir = scratch("clif");
    std::fs::write(
        dir.join("p.py"),
        "def add(a, b):\n    return a + b\n\ndef gen():\n    yield 1\n\nprint(add(1, 2))\n",
    )
    .unwrap();
    let out = tern(&["clif", "p.py"], &dir);
    let listing = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for name in ["; <module>", "; add", "; gen"] {
        assert!(listing.contains(name), "{name} in:\n{listing}");
    }
    let out = tern(&["clif", "p.py", "--function", "add", "--asm"], &dir);
    let asm = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(asm.contains("; add") && !asm.contains("; gen"), "{asm}");
    assert!(asm.contains("ret"), "machine code ends in a return:\n{asm}");
    let out = tern(&["clif", "p.py", "--function", "nope"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no function named 'nope'"));
}

#[test]
fn run_stats_reports_what_the_jit_compiled() {
    let dir = scratch("stats");
    std::fs::write(
        dir.join("p.py"),
        "def sq(x):\n    return x * x\nprint(sum(sq(i) for i in range(10)))\n",
    )
    .unwrap();
    let out = tern(&["run", "--mode", "jit", "--stats", "p.py"], &dir);
    assert_eq!(text(&out.stdout), "285\n");
    let err = text(&out.stderr);
    assert!(err.contains("jit: 3 functions compiled"), "{err}");
    assert!(err.contains("jit: no fallbacks"), "{err}");
}
