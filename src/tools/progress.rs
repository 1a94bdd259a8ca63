//! A one-line progress indicator on stderr for runs that take a while.
//! It is drawn only when stderr is a terminal, so logs and pipes get just
//! the results and the errors.

use std::io::{IsTerminal, Write};
use std::time::Instant;

pub struct Progress {
    enabled: bool,
    total: usize,
    done: usize,
    started: Instant,
    drawn: bool,
}

impl Progress {
    /// Progress over `total` steps.
    pub fn new(total: usize) -> Progress {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Progress {
            enabled: std::io::stderr().is_terminal() && !dumb,
            total: total.max(1),
            done: 0,
            started: Instant::now(),
            drawn: false,
        }
    }

    /// Show what the current step is doing.
    pub fn show(&mut self, what: &str) {
        if !self.enabled {
            return;
        }
        const WIDTH: usize = 24;
        let filled = WIDTH * self.done.min(self.total) / self.total;
        let bar = format!("{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
        let elapsed = self.started.elapsed().as_secs();
        let line = format!(
            "[{bar}] {}/{} {}:{:02} {what}",
            self.done,
            self.total,
            elapsed / 60,
            elapsed % 60
        );
        // A line that wrapped could not be erased with one carriage return.
        let line: String = line
            .chars()
            .take(terminal_width().saturating_sub(1))
            .collect();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.drawn = true;
    }

    /// One step finished.
    pub fn step(&mut self) {
        self.done += 1;
    }

    /// Print a message line without garbling the indicator.
    pub fn message(&mut self, text: &str) {
        self.clear();
        eprint!("{text}");
        if !text.ends_with('\n') {
            eprintln!();
        }
    }

    /// Erase the indicator (before the results are printed).
    pub fn clear(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

/// Columns of the terminal on stderr (80 if it cannot be told).
fn terminal_width() -> usize {
    // SAFETY: TIOCGWINSZ only writes a `winsize` into the struct given.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_col > 0 {
        usize::from(size.ws_col)
    } else {
        80
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
