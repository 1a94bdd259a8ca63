//! `tern compare FILE [ARGS…]`: run one program in every mode this build
//! has, check that the modes agree, and time them side by side.
//!
//! Every mode runs as a child `tern run --mode M` of the very binary that
//! is running, so what is measured is what a user runs, start-up included,
//! and a crash in one mode cannot take the others down. The modes must
//! agree on stdout, on the last line of stderr (the exception, for a
//! program that fails: traceback frames may differ in detail) and on the
//! exit status; a disagreement is printed as a diff and exits 1.
//!
//! Runs are interleaved (tree, vm, …, tree, vm, …) so that a slow spell of
//! the machine does not fall on one mode only; each figure is the median.

use super::runner::{self, Invocation, Outcome};
use super::stats::median;
use super::table::{self, Table};
use crate::driver::{Mode, AVAILABLE_MODES};
use std::time::Duration;

/// What `tern compare` was asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    pub file: String,
    pub args: Vec<String>,
    pub runs: usize,
    /// Kill a run after this long.
    pub timeout: Option<Duration>,
}

/// Most diff lines shown per disagreement.
const MAX_DIFF_LINES: usize = 60;

/// Run the command; the result is the process exit status.
pub fn main(opts: &Options) -> i32 {
    if !std::path::Path::new(&opts.file).is_file() {
        eprintln!(
            "tern compare: can't open file '{}': no such file",
            opts.file
        );
        return 2;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("tern compare: cannot find the tern binary: {e}");
            return 2;
        }
    };
    let modes = AVAILABLE_MODES;
    let runs = opts.runs.max(1);
    let mut outcomes: Vec<Vec<Outcome>> = vec![Vec::new(); modes.len()];
    let mut progress = super::progress::Progress::new(runs * modes.len());
    for run in 0..runs {
        for (k, &mode) in modes.iter().enumerate() {
            progress.show(&format!("{} run {}/{runs}", mode.name(), run + 1));
            let inv = Invocation::tern(&exe, mode, &opts.file, &opts.args);
            match runner::run(&inv, opts.timeout) {
                Ok(out) => outcomes[k].push(out),
                Err(e) => {
                    progress.clear();
                    eprintln!("tern compare: cannot run {}: {e}", inv.display());
                    return 2;
                }
            }
            progress.step();
        }
    }
    progress.clear();

    // Every mode's first run against the first mode's.
    let reference = &outcomes[0][0];
    let mut report = String::new();
    for (k, mode) in modes.iter().enumerate().skip(1) {
        report.push_str(&disagreement(
            modes[0].name(),
            reference,
            mode.name(),
            &outcomes[k][0],
        ));
    }
    print!("{}", result_table(modes, &outcomes).render());
    if report.is_empty() {
        let lines = reference.stdout.split(|&b| b == b'\n').count() - 1;
        let what = format!(
            "{lines} line{} of output, {}",
            if lines == 1 { "" } else { "s" },
            reference.status
        );
        if modes.len() == 1 {
            println!(
                "only {} mode in this build, nothing to compare with: {what}",
                modes[0].name()
            );
        } else {
            println!("all {} modes agree: {what}", modes.len());
        }
        0
    } else {
        eprintln!("tern compare: the modes disagree on {}", opts.file);
        eprint!("{report}");
        1
    }
}

/// The diffs between two runs' outputs, empty when they agree.
pub fn disagreement(a_name: &str, a: &Outcome, b_name: &str, b: &Outcome) -> String {
    let mut out = String::new();
    let diff = super::diff::unified(
        &String::from_utf8_lossy(&a.stdout),
        &String::from_utf8_lossy(&b.stdout),
        &format!("{a_name} (stdout)"),
        &format!("{b_name} (stdout)"),
        3,
    );
    out.push_str(&truncate(&diff, MAX_DIFF_LINES));
    let (ea, eb) = (a.last_stderr_line(), b.last_stderr_line());
    if ea != eb {
        out.push_str(&super::diff::unified(
            &format!("{ea}\n"),
            &format!("{eb}\n"),
            &format!("{a_name} (last line of stderr)"),
            &format!("{b_name} (last line of stderr)"),
            0,
        ));
    }
    if a.status != b.status {
        out.push_str(&super::diff::unified(
            &format!("{}\n", a.status),
            &format!("{}\n", b.status),
            &format!("{a_name} (how it ended)"),
            &format!("{b_name} (how it ended)"),
            0,
        ));
    }
    out
}

/// At most `max` lines of `text`, saying how many were left out.
fn truncate(text: &str, max: usize) -> String {
    let total = text.lines().count();
    if total <= max {
        return text.to_string();
    }
    let mut out: String = text.lines().take(max).flat_map(|l| [l, "\n"]).collect();
    out.push_str(&format!("… {} more diff lines\n", total - max));
    out
}

/// One row per mode: median wall time, speed-up over tree mode, and the
/// median time the mode reported spending before running ("-" if it
/// reports none).
fn result_table(modes: &[Mode], outcomes: &[Vec<Outcome>]) -> Table {
    let runs = outcomes.first().map_or(0, Vec::len);
    let mut t = Table::new(vec![
        "mode".into(),
        format!("wall (median of {runs})"),
        "vs tree".into(),
        "before running".into(),
    ]);
    let wall = |runs: &[Outcome]| {
        let secs: Vec<f64> = runs.iter().map(|o| o.wall.as_secs_f64()).collect();
        median(&secs).unwrap_or(f64::NAN)
    };
    let tree = modes
        .iter()
        .position(|&m| m == Mode::Tree)
        .map(|k| wall(&outcomes[k]));
    for (k, mode) in modes.iter().enumerate() {
        let w = wall(&outcomes[k]);
        let phases: Vec<f64> = outcomes[k]
            .iter()
            .filter_map(|o| o.phases.as_ref().map(|p| p.total()))
            .collect();
        t.push(vec![
            mode.name().into(),
            table::seconds(w),
            tree.map_or("-".into(), |tw| table::ratio(tw / w)),
            median(&phases).map_or("-".into(), table::seconds),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::runner::Status;

    fn outcome(stdout: &str, stderr: &str, status: Status) -> Outcome {
        Outcome {
            stdout: stdout.into(),
            stderr: stderr.into(),
            status,
            wall: Duration::from_millis(10),
            phases: None,
        }
    }

    #[test]
    fn agreeing_runs_have_no_report() {
        let a = outcome(
            "1\n",
            "Traceback\n  File \"a\"\nValueError: x\n",
            Status::Code(1),
        );
        let b = outcome(
            "1\n",
            "Traceback\n  File \"b\"\nValueError: x\n\n",
            Status::Code(1),
        );
        assert_eq!(disagreement("tree", &a, "vm", &b), "");
    }

    #[test]
    fn each_difference_is_shown_as_a_diff() {
        let a = outcome("1\n2\n", "", Status::Code(0));
        let b = outcome("1\n3\n", "ValueError: x\n", Status::Code(1));
        let report = disagreement("tree", &a, "vm", &b);
        assert!(
            report.contains("--- tree (stdout)\n+++ vm (stdout)\n"),
            "{report}"
        );
        assert!(report.contains("-2\n+3\n"), "{report}");
        assert!(report.contains("+ValueError: x\n"), "{report}");
        assert!(
            report.contains("-exit status 0\n+exit status 1\n"),
            "{report}"
        );
    }

    #[test]
    fn long_diffs_are_cut() {
        let text: String = (0..100).map(|i| format!("{i}\n")).collect();
        let cut = truncate(&text, 10);
        assert_eq!(cut.lines().count(), 11);
        assert!(cut.ends_with("… 90 more diff lines\n"));
    }
}
