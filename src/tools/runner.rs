//! Running one child process and measuring it: the wall time from spawn
//! to exit (what a user waits for, start-up included), everything it wrote,
//! and how it ended. Both tools run programs this way — `tern` children
//! and CPython alike — so their figures are measured the same way.

use super::phases::{self, Phases};
use std::ffi::OsString;
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A command line to run: program, arguments and extra environment.
#[derive(Clone, Debug)]
pub struct Invocation {
    pub program: OsString,
    pub args: Vec<OsString>,
    pub env: Vec<(OsString, OsString)>,
}

impl Invocation {
    /// `tern run --mode MODE FILE ARGS…` with phase reporting switched on,
    /// where `tern` is the binary that is running now.
    pub fn tern(
        exe: &std::path::Path,
        mode: crate::driver::Mode,
        file: &str,
        args: &[String],
    ) -> Invocation {
        let mut argv: Vec<OsString> = vec!["run".into(), "--mode".into(), mode.name().into()];
        argv.push(file.into());
        argv.extend(args.iter().map(OsString::from));
        Invocation {
            program: exe.as_os_str().to_owned(),
            args: argv,
            env: vec![(crate::driver::REPORT_PHASES_ENV.into(), "1".into())],
        }
    }

    /// The command as a shell-like string, for messages and the JSON file.
    pub fn display(&self) -> String {
        std::iter::once(&self.program)
            .chain(&self.args)
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How a child ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Code(i32),
    Signal(i32),
    /// Killed by us after the time limit.
    TimedOut,
}

impl Status {
    pub fn success(self) -> bool {
        self == Status::Code(0)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Code(c) => write!(f, "exit status {c}"),
            Status::Signal(s) => write!(f, "killed by signal {s}"),
            Status::TimedOut => write!(f, "timed out"),
        }
    }
}

/// What one run produced.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    /// Stderr without the phases line.
    pub stderr: Vec<u8>,
    pub status: Status,
    /// Spawn to exit.
    pub wall: Duration,
    /// What the child reported about its translation phases, if anything.
    pub phases: Option<Phases>,
}

impl Outcome {
    /// The last line of stderr that is not blank: for a traceback, the
    /// exception line, which is what the modes must agree on (the frames
    /// above it may legitimately differ in detail).
    pub fn last_stderr_line(&self) -> String {
        String::from_utf8_lossy(&self.stderr)
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string()
    }
}

/// Run `inv` to completion with stdin closed, killing it after `timeout`.
/// An error means the program could not be started at all.
pub fn run(inv: &Invocation, timeout: Option<Duration>) -> std::io::Result<Outcome> {
    let mut cmd = Command::new(&inv.program);
    cmd.args(&inv.args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in &inv.env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id();
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    // The wait happens on its own thread so that this one can give up on
    // it; the exit instant is taken there, as soon as the child is reaped.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let status = child.wait();
        let _ = tx.send((status, Instant::now()));
    });
    let mut timed_out = false;
    let (status, ended) = match timeout {
        None => rx.recv().expect("the waiting thread sends once"),
        Some(limit) => match rx.recv_timeout(limit) {
            Ok(done) => done,
            Err(_) => {
                timed_out = true;
                // SAFETY: plain system call; `pid` is our unreaped child.
                unsafe {
                    libc::kill(pid as libc::pid_t, libc::SIGKILL);
                }
                rx.recv().expect("the waiting thread sends once")
            }
        },
    };
    let status = status?;
    let stdout = stdout
        .map(|t| t.join().unwrap_or_default())
        .unwrap_or_default();
    let raw_stderr = stderr
        .map(|t| t.join().unwrap_or_default())
        .unwrap_or_default();
    let (stderr, phases) = phases::extract(&raw_stderr);
    let status = if timed_out {
        Status::TimedOut
    } else {
        match status.code() {
            Some(c) => Status::Code(c),
            None => {
                use std::os::unix::process::ExitStatusExt;
                Status::Signal(status.signal().unwrap_or(0))
            }
        }
    };
    Ok(Outcome {
        stdout,
        stderr,
        status,
        wall: ended.duration_since(started),
        phases,
    })
}

/// Read a pipe to its end on a thread of its own, so that neither pipe can
/// fill up and stall the child while we wait on the other.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Invocation {
        Invocation {
            program: "sh".into(),
            args: vec!["-c".into(), script.into()],
            env: vec![("TERN_TEST_VALUE".into(), "42".into())],
        }
    }

    #[test]
    fn output_status_and_environment_are_captured() {
        let out = run(&sh("echo out $TERN_TEST_VALUE; echo err >&2; exit 3"), None).unwrap();
        assert_eq!(out.stdout, b"out 42\n");
        assert_eq!(out.last_stderr_line(), "err");
        assert_eq!(out.status, Status::Code(3));
    }

    #[test]
    fn a_child_past_its_time_limit_is_killed() {
        let t = Instant::now();
        let out = run(&sh("exec sleep 5"), Some(Duration::from_millis(100))).unwrap();
        assert_eq!(out.status, Status::TimedOut);
        assert!(t.elapsed() < Duration::from_secs(4));
    }

    #[test]
    fn a_missing_program_is_an_error() {
        let inv = Invocation {
            program: "/nonexistent/tern-no-such-program".into(),
            args: vec![],
            env: vec![],
        };
        assert!(run(&inv, None).is_err());
    }
}
