//! The REPL driven through a pseudo-terminal, as a person would use it.

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

const TIMEOUT_MS: u64 = 20_000;

fn start(history: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tern"));
    cmd.env("NO_COLOR", "1").env("TERN_HISTORY", history);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn tern");
    p.exp_string(">>> ").expect("first prompt");
    p
}

fn history_file(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("tern-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn multi_line_def_then_call() {
    let mut p = start(&history_file("def"));
    p.send_line("def double(x):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return x * 2").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("double(21)").unwrap();
    p.exp_string("42").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn an_exception_then_more_input() {
    let mut p = start(&history_file("exc"));
    p.send_line("1/0").unwrap();
    p.exp_string("ZeroDivisionError: division by zero").unwrap();
    p.send_line("print('still ' + 'here')").unwrap();
    p.exp_string("still here").unwrap();
    p.send_line("undefined_name").unwrap();
    p.exp_string("NameError: name 'undefined_name' is not defined")
        .unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn a_with_block() {
    let path = std::env::temp_dir().join(format!("tern-repl-with-{}.txt", std::process::id()));
    let mut p = start(&history_file("with"));
    p.send_line(&format!(
        "with open({:?}, 'w') as fh:",
        path.to_str().unwrap()
    ))
    .unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    n = fh.write('abc')").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("(n, fh.closed)").unwrap();
    p.exp_string("(3, True)").unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "abc");
    let _ = std::fs::remove_file(path);
}

#[test]
fn switching_mode_keeps_variables() {
    let mut p = start(&history_file("mode"));
    p.send_line("kept = 7 * 6").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line(":mode vm").unwrap();
    p.exp_regex("mode: vm|not supported by this build yet")
        .unwrap();
    p.send_line("kept").unwrap();
    p.exp_string("42").unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn history_survives_a_restart() {
    let hist = history_file("hist");
    let mut p = start(&hist);
    p.send_line("print('from ' + 'history')").unwrap();
    p.exp_string("from history").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let mut p = start(&hist);
    p.send("\x1b[A").unwrap(); // Up: the previous session's last input
    p.send_line("").unwrap();
    p.exp_string("from history").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let _ = std::fs::remove_file(hist);
}

/// Ctrl-C during `while True: pass` in `mode` raises KeyboardInterrupt
/// and the REPL, with its variables, carries on.
fn ctrl_c_in(mode: &str) {
    let mut p = start(&history_file(&format!("ctrlc-{mode}")));
    p.send_line(&format!(":mode {mode}")).unwrap();
    p.exp_string(&format!("mode: {mode}")).unwrap();
    p.send_line("n = 5").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("while True: pass").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("print('survived', n)").unwrap();
    p.exp_string("survived 5").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn ctrl_c_interrupts_running_code_and_the_repl_survives() {
    ctrl_c_in("tree");
}

#[test]
fn ctrl_c_interrupts_a_loop_in_the_vm() {
    ctrl_c_in("vm");
}

#[test]
fn ctrl_c_interrupts_a_loop_in_machine_code() {
    ctrl_c_in("jit");
}

#[test]
fn jit_mode_runs_and_shows_a_function_as_bytecode_and_cranelift_ir() {
    let mut p = start(&history_file("clif"));
    p.send_line(":mode jit").unwrap();
    p.exp_string("mode: jit").unwrap();
    p.send_line("def triple(x):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return x * 3").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("triple(14)").unwrap();
    p.exp_string("42").unwrap();
    p.send_line(":dis triple").unwrap();
    p.exp_string("MUL").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line(":clif triple").unwrap();
    p.exp_string("; triple").unwrap();
    p.exp_string("call_indirect").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}
