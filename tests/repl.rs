//! The REPL driven through a pseudo-terminal, as a person would use it.

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

const TIMEOUT_MS: u64 = 30_000;

/// Sends `keys` until `needle` shows up, at most `tries` times, waiting
/// `wait_ms` after each send. For keys a loaded machine may deliver before
/// the REPL is ready for them (an Up arrow racing the first prompt's raw
/// mode, a Ctrl-C racing the start of the running code); sending them again
/// is harmless in every use here.
fn send_until(p: &mut PtySession, keys: &str, needle: &str, tries: u32, wait_ms: u64) {
    let mut seen = String::new();
    for _ in 0..tries {
        p.send(keys).unwrap();
        p.flush().unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(wait_ms);
        while std::time::Instant::now() < deadline {
            match p.try_read() {
                Some(c) => {
                    seen.push(c);
                    if seen.contains(needle) {
                        return;
                    }
                }
                None => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
        }
    }
    panic!("{needle:?} never appeared after sending {keys:?} {tries} times; saw {seen:?}");
}

fn start(history: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tern"));
    cmd.env("NO_COLOR", "1").env("TERN_HISTORY", history);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn tern");
    p.exp_string(">>> ").expect("first prompt");
    p
}

/// Ctrl-D at the next prompt, and the REPL ends. Sent only once the prompt
/// shows: between inputs the terminal is in cooked mode, where a Ctrl-D
/// typed ahead becomes an end-of-file that the switch back to raw mode
/// can lose.
fn quit_at_prompt(p: &mut PtySession) {
    p.exp_string(">>> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
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
    quit_at_prompt(&mut p);
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
    quit_at_prompt(&mut p);
    let mut p = start(&hist);
    // Up: the previous session's last (and only) input is recalled.
    send_until(&mut p, "\x1b[A", "'history')", 5, 3_000);
    p.send_line("").unwrap();
    p.exp_string("from history").unwrap();
    quit_at_prompt(&mut p);
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
    send_until(&mut p, "\x03", "KeyboardInterrupt", 5, 4_000);
    p.exp_string(">>> ").unwrap();
    p.send_line("print('survived', n)").unwrap();
    p.exp_string("survived 5").unwrap();
    quit_at_prompt(&mut p);
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
    quit_at_prompt(&mut p);
}
