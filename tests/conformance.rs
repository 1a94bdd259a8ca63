//! The differential test: every program in `tests/conformance` runs in
//! every mode this build supports and must reproduce CPython 3.11's
//! recorded stdout, last stderr line and exit status.
//!
//! Programs that do not pass yet are listed in
//! `tests/conformance/KNOWN_FAILURES` (`mode path` per line); the test fails
//! on any other failure, and reports listed programs that now pass so the
//! list only ever shrinks.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MODES: &[&str] = &["tree", "vm", "jit"];
const FOLDERS: &[&str] = &["seeds", "features", "errors"];
const TIMEOUT: Duration = Duration::from_secs(20);

struct Case {
    folder: &'static str,
    name: String,
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for folder in FOLDERS {
        let mut names: Vec<String> = fs::read_dir(corpus_root().join(folder))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".py") && !n.starts_with("mod_"))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|name| Case { folder, name }));
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_file() {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn listing(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect()
}

fn last_line(s: &str) -> String {
    s.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Run one case in `dir` (a private copy of its folder); `None` on success.
fn run_case(mode: &str, dir: &Path, case: &Case) -> Option<String> {
    let base = case.name.trim_end_matches(".py");
    let read = |ext: &str| fs::read_to_string(dir.join(format!("{base}.{ext}"))).ok();
    let args: Vec<String> = read("args")
        .map(|a| a.lines().map(|l| l.to_string()).collect())
        .unwrap_or_default();
    let before = listing(dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tern"))
        .arg("run")
        .arg("--mode")
        .arg(mode)
        .arg(&case.name)
        .args(&args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("PYTHONUTF8", "1")
        .spawn()
        .expect("spawn tern");
    let start = Instant::now();
    let mut timed_out = false;
    // Drain pipes on threads so a chatty program cannot block.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut v).ok();
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut v).ok();
        v
    });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_t.join().unwrap();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap()).to_string();
    // Remove what the program left behind, and report it.
    let after = listing(dir);
    let left: Vec<&String> = after.difference(&before).collect();
    for f in &left {
        let p = dir.join(f);
        let _ = fs::remove_dir_all(&p).or_else(|_| fs::remove_file(&p));
    }
    let mut why = Vec::new();
    if timed_out {
        why.push(format!("timeout after {}s", TIMEOUT.as_secs()));
    }
    let want_out =
        fs::read(corpus_root().join(case.folder).join(format!("{base}.out"))).unwrap_or_default();
    if stdout != want_out {
        let got = String::from_utf8_lossy(&stdout);
        let want = String::from_utf8_lossy(&want_out);
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        why.push(format!(
            "stdout differs at line {}: got {:?}, want {:?}",
            line + 1,
            got.lines().nth(line).unwrap_or("<eof>"),
            want.lines().nth(line).unwrap_or("<eof>")
        ));
    }
    if let Some(want) = read("err") {
        let want = want.trim_end_matches('\n');
        let got = last_line(&stderr);
        if got != want {
            why.push(format!("stderr last line: got {got:?}, want {want:?}"));
        }
    }
    let want_code: i32 = read("code").map(|c| c.trim().parse().unwrap()).unwrap_or(0);
    if let Some(s) = status {
        let code = s.code().unwrap_or(-1);
        if code != want_code {
            why.push(format!("exit status {code}, want {want_code}"));
        }
    }
    if !left.is_empty() {
        why.push(format!("left files behind: {left:?}"));
    }
    if why.is_empty() {
        None
    } else {
        Some(why.join("; "))
    }
}

#[test]
fn conformance_corpus_in_every_mode() {
    let known: BTreeSet<String> = fs::read_to_string(corpus_root().join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let cases = Arc::new(cases());
    let jobs: Vec<(String, usize)> = MODES
        .iter()
        .flat_map(|m| (0..cases.len()).map(move |i| (m.to_string(), i)))
        .collect();
    let jobs = Arc::new(Mutex::new(jobs.into_iter()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(4);
    let scratch = std::env::temp_dir().join(format!("tern-conformance-{}", std::process::id()));
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let (jobs, results, cases) = (jobs.clone(), results.clone(), cases.clone());
            let root = scratch.join(format!("w{w}"));
            std::thread::spawn(move || {
                for f in FOLDERS {
                    copy_dir(&corpus_root().join(f), &root.join(f));
                }
                loop {
                    let next = jobs.lock().unwrap().next();
                    let Some((mode, i)) = next else { break };
                    let case = &cases[i];
                    let r = run_case(&mode, &root.join(case.folder), case);
                    results.lock().unwrap().push((
                        mode,
                        format!("{}/{}", case.folder, case.name),
                        r,
                    ));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let _ = fs::remove_dir_all(&scratch);
    let mut results = results.lock().unwrap().clone();
    results.sort();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for (mode, path, r) in &results {
        let key = format!("{mode} {path}");
        match r {
            None => {
                passed += 1;
                if known.contains(&key) {
                    fixed.push(key);
                }
            }
            Some(why) => {
                let tag = if known.contains(&key) { "known" } else { "NEW" };
                println!("FAIL [{tag}] {mode:5} {path}: {why}");
                if !known.contains(&key) {
                    unexpected.push(key);
                }
            }
        }
    }
    for k in &fixed {
        println!("now passing (remove from KNOWN_FAILURES): {k}");
    }
    println!(
        "conformance: {passed} passed, {} failed",
        results.len() - passed
    );
    assert!(
        unexpected.is_empty(),
        "unexpected failures:\n{}",
        unexpected.join("\n")
    );
}
