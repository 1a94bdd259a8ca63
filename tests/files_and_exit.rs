//! Files a script writes reach the disk on every exit path: normal end,
//! an uncaught exception, `sys.exit`, and a file object still referenced by
//! a global. Each case runs the `tern` binary on a script in a fresh folder.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tern-files-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

/// Run `script` in a fresh folder; return (exit status, stderr, folder).
fn run(name: &str, script: &str) -> (i32, String, PathBuf) {
    let dir = scratch(name);
    fs::write(dir.join("main.py"), script).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tern"))
        .args(["run", "main.py"])
        .current_dir(&dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
        dir,
    )
}

#[test]
fn data_written_before_an_uncaught_exception_is_on_disk() {
    let (code, stderr, dir) = run(
        "crash",
        "f = open('data.txt', 'w')\nf.write('before the crash\\n')\nraise RuntimeError('boom')\n",
    );
    assert_eq!(code, 1);
    assert!(stderr.ends_with("RuntimeError: boom\n"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.join("data.txt")).unwrap(),
        "before the crash\n"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn data_written_before_sys_exit_is_on_disk() {
    let (code, _, dir) = run(
        "exit",
        "import sys\nf = open('data.txt', 'a')\nf.write('x' * 100000)\nsys.exit(3)\n",
    );
    assert_eq!(code, 3);
    assert_eq!(
        fs::read_to_string(dir.join("data.txt")).unwrap().len(),
        100000
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_file_dropped_without_close_is_flushed() {
    let (code, _, dir) = run(
        "drop",
        "def log(msg):\n    f = open('log.txt', 'a')\n    f.write(msg + '\\n')\n\nfor i in range(3):\n    log(f'line {i}')\nprint(open('log.txt').read(), end='')\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        fs::read_to_string(dir.join("log.txt")).unwrap(),
        "line 0\nline 1\nline 2\n"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_file_in_a_reference_cycle_is_flushed_at_exit() {
    let (code, _, dir) = run(
        "cycle",
        "class Holder:\n    pass\nh = Holder()\nh.me = h\nh.f = open('cycle.txt', 'w')\nh.f.write('kept alive by a cycle')\ndel h\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        fs::read_to_string(dir.join("cycle.txt")).unwrap(),
        "kept alive by a cycle"
    );
    let _ = fs::remove_dir_all(dir);
}
