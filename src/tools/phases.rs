//! Reading the timing line a `tern` child prints when
//! `driver::REPORT_PHASES_ENV` is set (see `driver::report_phases`). The line
//! is how a mode tells the tools how long it spent translating the program
//! before running it, without the tools knowing anything about the mode; it
//! is removed from the child's stderr before outputs are compared.

use crate::driver::PHASES_PREFIX;

/// The phases one run reported, in order, in seconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Phases(pub Vec<(String, f64)>);

impl Phases {
    /// Time spent before execution: the sum of every phase.
    pub fn total(&self) -> f64 {
        self.0.iter().map(|(_, s)| s).sum()
    }
}

/// Split `stderr` into what the program printed and the phases line, if
/// any. A malformed phases line is still removed; its unreadable pairs are
/// skipped.
pub fn extract(stderr: &[u8]) -> (Vec<u8>, Option<Phases>) {
    let prefix = PHASES_PREFIX.as_bytes();
    let mut rest = Vec::with_capacity(stderr.len());
    let mut phases = None;
    for line in stderr.split_inclusive(|&b| b == b'\n') {
        if phases.is_none() && line.starts_with(prefix) {
            let text = String::from_utf8_lossy(&line[prefix.len()..]);
            let pairs = text
                .split_whitespace()
                .filter_map(|pair| {
                    let (name, secs) = pair.split_once('=')?;
                    Some((name.to_string(), secs.parse::<f64>().ok()?))
                })
                .collect();
            phases = Some(Phases(pairs));
        } else {
            rest.extend_from_slice(line);
        }
    }
    (rest, phases)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phases_line_is_parsed_and_removed() {
        let err = format!("{PHASES_PREFIX} parse=0.25 scope=0.5\nTraceback\nValueError: x\n");
        let (rest, phases) = extract(err.as_bytes());
        assert_eq!(rest, b"Traceback\nValueError: x\n");
        let phases = phases.unwrap();
        assert_eq!(phases.0.len(), 2);
        assert_eq!(phases.total(), 0.75);
    }

    #[test]
    fn stderr_without_the_line_is_unchanged() {
        let (rest, phases) = extract(b"oops\nno newline");
        assert_eq!(rest, b"oops\nno newline");
        assert!(phases.is_none());
    }
}
