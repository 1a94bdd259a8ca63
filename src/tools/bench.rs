//! `tern bench [DIR…]`: time a folder of benchmark programs in each mode
//! and under CPython, check that they all print the same thing, and report
//! medians and ratios as a table, a JSON file and an SVG chart.
//!
//! A benchmark is any `*.py` file that runs without arguments and prints a
//! checksum. CPython (the language's oracle) supplies the expected output
//! when it is there; otherwise the first mode does. A run that exits
//! non-zero or prints something else fails that cell, which is reported
//! with a diff and makes the command exit 1, but the rest still runs.
//!
//! As in `tern compare`, every run is a child process timed from spawn to
//! exit, and runs are interleaved across implementations.

use super::json::Json;
use super::phases::Phases;
use super::progress::Progress;
use super::runner::{self, Invocation, Outcome};
use super::stats::{geomean, median};
use super::svg::BarChart;
use super::table::{self, Table};
use crate::driver::{Mode, AVAILABLE_MODES};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where benchmarks live when no folder is given.
pub const DEFAULT_DIR: &str = "benches/programs";

/// Which Python to measure against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Python {
    /// `python3`, if it is on PATH.
    Default,
    /// None at all.
    Off,
    /// This command (words separated by spaces); it must work.
    Command(String),
}

/// What `tern bench` was asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// Folders of `*.py` programs (or single programs).
    pub dirs: Vec<PathBuf>,
    /// Mode names; empty for every available mode.
    pub modes: Vec<String>,
    pub runs: usize,
    pub python: Python,
    pub json: Option<PathBuf>,
    pub svg: Option<PathBuf>,
    /// Print the table as Markdown.
    pub markdown: bool,
    /// Kill a run after this long.
    pub timeout: Option<Duration>,
}

/// A benchmark program.
#[derive(Clone, Debug)]
struct Program {
    name: String,
    path: PathBuf,
}

/// An implementation to measure: CPython or one tern mode.
#[derive(Clone, Debug)]
struct Implementation {
    name: String,
    /// Program and leading arguments; the benchmark file is appended.
    program: OsString,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    /// The version, for CPython.
    version: Option<String>,
}

impl Implementation {
    fn tern(exe: &Path, mode: Mode) -> Implementation {
        let inv = Invocation::tern(exe, mode, "", &[]);
        let mut args = inv.args;
        args.pop(); // the empty file name
        Implementation {
            name: mode.name().into(),
            program: inv.program,
            args,
            env: inv.env,
            version: None,
        }
    }

    fn invocation(&self, file: &Path) -> Invocation {
        let mut args = self.args.clone();
        args.push(file.as_os_str().to_owned());
        Invocation {
            program: self.program.clone(),
            args,
            env: self.env.clone(),
        }
    }

    fn command_line(&self) -> String {
        let mut inv = self.invocation(Path::new("FILE"));
        inv.env.clear();
        inv.display()
    }
}

/// Everything measured for one implementation on one benchmark.
#[derive(Clone, Debug, Default)]
struct Cell {
    times: Vec<f64>,
    phases: Vec<Option<Phases>>,
    failure: Option<String>,
}

impl Cell {
    /// The median run time, if the implementation passed.
    fn median(&self) -> Option<f64> {
        if self.failure.is_some() {
            None
        } else {
            median(&self.times)
        }
    }
}

/// One benchmark's results, one cell per implementation.
struct Row {
    program: Program,
    /// What the reference implementation printed.
    output: Option<String>,
    cells: Vec<Cell>,
}

/// Run the command; the result is the process exit status.
pub fn main(opts: &Options) -> i32 {
    match run(opts) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tern bench: {message}");
            2
        }
    }
}

fn run(opts: &Options) -> Result<i32, String> {
    let programs = find_programs(&opts.dirs)?;
    let modes = select_modes(&opts.modes)?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the tern binary: {e}"))?;
    let mut impls = Vec::new();
    if let Some(py) = find_python(&opts.python)? {
        impls.push(py);
    }
    impls.extend(modes.iter().map(|&m| Implementation::tern(&exe, m)));
    let runs = opts.runs.max(1);

    let mut progress = Progress::new(programs.len() * impls.len() * runs);
    let mut rows = Vec::new();
    let mut failed = 0;
    for program in programs {
        let row = measure(&program, &impls, runs, opts.timeout, &mut progress);
        failed += usize::from(row.cells.iter().any(|c| c.failure.is_some()));
        rows.push(row);
    }
    progress.clear();

    let python = impls.first().filter(|i| i.version.is_some());
    println!(
        "# tern bench: {} program{}, median wall time of {runs} run{}{}",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        if runs == 1 { "" } else { "s" },
        python.map_or(String::new(), |p| format!(
            "; python = {} ({})",
            p.program.to_string_lossy(),
            p.version.as_deref().unwrap_or("?")
        ))
    );
    let t = summary_table(&impls, &rows);
    if opts.markdown {
        print!("{}", t.render_markdown());
    } else {
        print!("{}", t.render());
    }
    println!("{}", legend(&impls));

    let mut status = i32::from(failed > 0);
    if let Some(path) = &opts.json {
        let text = to_json(&impls, &rows, runs).pretty();
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("tern bench: cannot write {}: {e}", path.display());
            status = 1;
        }
    }
    if let Some(path) = &opts.svg {
        if let Err(e) = std::fs::write(path, chart(&impls, &rows, runs).to_svg()) {
            eprintln!("tern bench: cannot write {}: {e}", path.display());
            status = 1;
        }
    }
    if failed > 0 {
        eprintln!(
            "tern bench: {failed} of {} benchmarks failed (see above)",
            rows.len()
        );
    }
    Ok(status)
}

/// Every `*.py` file in the folders, each folder's in name order; a `.py`
/// file given directly is taken as it is.
fn find_programs(dirs: &[PathBuf]) -> Result<Vec<Program>, String> {
    let default = [PathBuf::from(DEFAULT_DIR)];
    let dirs = if dirs.is_empty() { &default[..] } else { dirs };
    let mut programs: Vec<Program> = Vec::new();
    for dir in dirs {
        let mut found = Vec::new();
        if dir.is_file() {
            found.push(dir.clone());
        } else {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| format!("cannot read the folder {}: {e}", dir.display()))?;
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "py") && path.is_file() {
                    found.push(path);
                }
            }
            found.sort();
        }
        for path in found {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Two folders may hold programs of the same name.
            let name = if programs.iter().any(|p| p.name == stem) {
                format!("{}/{stem}", dir.display())
            } else {
                stem
            };
            programs.push(Program { name, path });
        }
    }
    if programs.is_empty() {
        let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        return Err(format!("no *.py programs in {}", names.join(", ")));
    }
    Ok(programs)
}

/// The modes named on the command line (all available ones by default).
fn select_modes(names: &[String]) -> Result<Vec<Mode>, String> {
    if names.is_empty() {
        return Ok(AVAILABLE_MODES.to_vec());
    }
    let mut modes = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let mode = Mode::parse(name)
            .ok_or_else(|| format!("unknown mode '{name}' (expected tree, vm or jit)"))?;
        if !AVAILABLE_MODES.contains(&mode) {
            let available: Vec<&str> = AVAILABLE_MODES.iter().map(|m| m.name()).collect();
            return Err(format!(
                "mode '{name}' is not supported by this build yet (available: {})",
                available.join(", ")
            ));
        }
        if !modes.contains(&mode) {
            modes.push(mode);
        }
    }
    if modes.is_empty() {
        return Err("--modes names no mode".into());
    }
    Ok(modes)
}

/// Find the Python to compare with, and what it really is. The command is
/// asked for `sys.executable`, and that binary is what gets timed: a
/// launcher in front of it (pyenv's `python3` is a shell script) would add
/// its own start-up to every CPython run.
fn find_python(choice: &Python) -> Result<Option<Implementation>, String> {
    let (cmd, explicit) = match choice {
        Python::Off => return Ok(None),
        Python::Default => ("python3", false),
        Python::Command(c) => (c.as_str(), true),
    };
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let Some((&program, rest)) = words.split_first() else {
        return Ok(None);
    };
    let probe = Invocation {
        program: program.into(),
        args: rest
            .iter()
            .map(OsString::from)
            .chain([
                OsString::from("-c"),
                OsString::from(
                    "import sys, platform; print(sys.executable); \
                     print(platform.python_implementation(), platform.python_version())",
                ),
            ])
            .collect(),
        env: vec![],
    };
    let out = match runner::run(&probe, Some(Duration::from_secs(60))) {
        Ok(out) if out.status.success() => out,
        Ok(out) if explicit => {
            return Err(format!(
                "'{cmd}' does not work ({}): {}",
                out.status,
                out.last_stderr_line()
            ))
        }
        Err(e) if explicit => return Err(format!("cannot run '{cmd}': {e}")),
        _ => {
            eprintln!("tern bench: no working python3 on PATH; comparing the modes only");
            return Ok(None);
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let exe = lines.next().unwrap_or("").trim();
    let version = lines.next().unwrap_or("").trim().to_string();
    let program: OsString = if !exe.is_empty() && Path::new(exe).is_file() {
        exe.into()
    } else {
        program.into()
    };
    let name = match version.split_whitespace().next() {
        Some("CPython") | None => "python".to_string(),
        Some(other) => other.to_lowercase(),
    };
    Ok(Some(Implementation {
        name,
        program,
        args: rest.iter().map(OsString::from).collect(),
        env: vec![],
        version: Some(version),
    }))
}

/// Run one program `runs` times in each implementation.
fn measure(
    program: &Program,
    impls: &[Implementation],
    runs: usize,
    timeout: Option<Duration>,
    progress: &mut Progress,
) -> Row {
    let mut cells = vec![Cell::default(); impls.len()];
    // Which implementation's output the others must match, and that output.
    let mut reference: Option<(usize, Outcome)> = None;
    for round in 0..runs {
        for (k, imp) in impls.iter().enumerate() {
            if cells[k].failure.is_some() {
                progress.step();
                continue;
            }
            progress.show(&format!(
                "{}: {} run {}/{runs}",
                program.name,
                imp.name,
                round + 1
            ));
            let inv = imp.invocation(&program.path);
            let failure = match runner::run(&inv, timeout) {
                Err(e) => Some(format!("cannot run {}: {e}", inv.display())),
                Ok(out) if !out.status.success() => {
                    Some(format!("{}: {}", out.status, out.last_stderr_line()))
                }
                Ok(out) => {
                    let failure = match &reference {
                        Some((rk, r)) if r.stdout != out.stdout => {
                            let diff =
                                super::compare::disagreement(&impls[*rk].name, r, &imp.name, &out);
                            Some(format!(
                                "output differs from {}'s:\n{diff}",
                                impls[*rk].name
                            ))
                        }
                        _ => None,
                    };
                    if failure.is_none() {
                        cells[k].times.push(out.wall.as_secs_f64());
                        cells[k].phases.push(out.phases.clone());
                        if reference.is_none() {
                            reference = Some((k, out));
                        }
                    }
                    failure
                }
            };
            if let Some(why) = failure {
                progress.message(&format!(
                    "tern bench: {}: {}: {why}",
                    program.name, imp.name
                ));
                cells[k].failure = Some(why);
            }
            progress.step();
        }
    }
    Row {
        program: program.clone(),
        output: reference.map(|(_, r)| String::from_utf8_lossy(&r.stdout).into_owned()),
        cells,
    }
}

/// The ratio columns: each mode against Python (time / Python's time), and
/// each other mode against tree mode (tree's time / its time, a speed-up).
fn ratio_columns(impls: &[Implementation]) -> Vec<(String, usize, usize)> {
    let mut cols = Vec::new();
    let python = impls.iter().position(|i| i.version.is_some());
    let tree = impls.iter().position(|i| i.name == Mode::Tree.name());
    for (k, imp) in impls.iter().enumerate() {
        if let Some(p) = python.filter(|&p| p != k) {
            cols.push((format!("{}/{}", imp.name, impls[p].name), k, p));
        }
    }
    for (k, imp) in impls.iter().enumerate() {
        if let Some(t) = tree.filter(|&t| t != k && Some(k) != python) {
            cols.push((format!("{}/{}", impls[t].name, imp.name), t, k));
        }
    }
    cols
}

fn summary_table(impls: &[Implementation], rows: &[Row]) -> Table {
    let ratios = ratio_columns(impls);
    let mut header = vec!["benchmark".to_string()];
    header.extend(impls.iter().map(|i| i.name.clone()));
    header.extend(ratios.iter().map(|(label, _, _)| label.clone()));
    let mut t = Table::new(header);
    for row in rows {
        let mut cells = vec![row.program.name.clone()];
        for cell in &row.cells {
            cells.push(match cell.median() {
                Some(m) => table::seconds(m),
                None if cell.failure.is_some() => "FAIL".into(),
                None => "-".into(),
            });
        }
        for (_, num, den) in &ratios {
            cells.push(match (row.cells[*num].median(), row.cells[*den].median()) {
                (Some(a), Some(b)) => table::ratio(a / b),
                _ => "-".into(),
            });
        }
        t.push(cells);
    }
    let mut last = vec!["geomean".to_string()];
    for k in 0..impls.len() {
        let medians: Vec<f64> = rows.iter().filter_map(|r| r.cells[k].median()).collect();
        last.push(geomean(&medians).map_or("-".into(), table::seconds));
    }
    for (_, num, den) in &ratios {
        let rs = pair_ratios(rows, *num, *den);
        last.push(geomean(&rs).map_or("-".into(), table::ratio));
    }
    t.push(last);
    t
}

/// The ratio of two implementations' medians on every benchmark both passed.
fn pair_ratios(rows: &[Row], num: usize, den: usize) -> Vec<f64> {
    rows.iter()
        .filter_map(|r| Some(r.cells[num].median()? / r.cells[den].median()?))
        .collect()
}

/// How to read the ratio columns: each `X/Y` is X's median time divided by
/// Y's, so against Python below 1 is faster, and against tree mode it is
/// the speed-up.
fn legend(impls: &[Implementation]) -> String {
    let mut text = "# X/Y: X's time divided by Y's".to_string();
    if let Some(p) = impls.iter().find(|i| i.version.is_some()) {
        text.push_str(&format!("; M/{0} below 1: faster than {0}", p.name));
    }
    if impls.iter().filter(|i| i.version.is_none()).count() > 1 {
        text.push_str("; tree/M: M's speed-up over tree mode");
    }
    text.push_str("; geomean: geometric mean of the column");
    text
}

fn to_json(impls: &[Implementation], rows: &[Row], runs: usize) -> Json {
    let implementations = impls
        .iter()
        .map(|i| {
            Json::obj(vec![
                ("name", Json::str(&i.name)),
                ("command", Json::str(i.command_line())),
                ("version", i.version.as_ref().map_or(Json::Null, Json::str)),
            ])
        })
        .collect();
    let benchmarks = rows
        .iter()
        .map(|row| {
            let results = impls
                .iter()
                .zip(&row.cells)
                .map(|(imp, cell)| {
                    let phases = cell
                        .phases
                        .iter()
                        .map(|p| match p {
                            Some(p) => Json::Obj(
                                p.0.iter()
                                    .map(|(n, s)| (n.clone(), Json::Num(*s)))
                                    .collect(),
                            ),
                            None => Json::Null,
                        })
                        .collect();
                    let value = Json::obj(vec![
                        ("ok", Json::Bool(cell.failure.is_none())),
                        (
                            "times",
                            Json::Arr(cell.times.iter().map(|t| Json::Num(*t)).collect()),
                        ),
                        ("median", Json::num(cell.median())),
                        ("phases", Json::Arr(phases)),
                        ("error", cell.failure.as_ref().map_or(Json::Null, Json::str)),
                    ]);
                    (imp.name.clone(), value)
                })
                .collect();
            Json::obj(vec![
                ("name", Json::str(&row.program.name)),
                ("file", Json::str(row.program.path.to_string_lossy())),
                ("output", row.output.as_ref().map_or(Json::Null, Json::str)),
                ("results", Json::Obj(results)),
            ])
        })
        .collect();
    let mut summary: Vec<(String, Json)> = impls
        .iter()
        .enumerate()
        .map(|(k, imp)| {
            let medians: Vec<f64> = rows.iter().filter_map(|r| r.cells[k].median()).collect();
            (imp.name.clone(), Json::num(geomean(&medians)))
        })
        .collect();
    for (label, num, den) in ratio_columns(impls) {
        summary.push((label, Json::num(geomean(&pair_ratios(rows, num, den)))));
    }
    Json::obj(vec![
        ("tool", Json::str("tern bench")),
        ("tern_version", Json::str(env!("CARGO_PKG_VERSION"))),
        ("date", Json::str(super::machine::utc_now())),
        (
            "machine",
            Json::obj(vec![
                ("cpus", Json::Num(super::machine::cpus() as f64)),
                (
                    "cpu",
                    super::machine::cpu_model().map_or(Json::Null, Json::str),
                ),
                ("os", Json::str(std::env::consts::OS)),
                ("arch", Json::str(std::env::consts::ARCH)),
            ]),
        ),
        ("runs", Json::Num(runs as f64)),
        (
            "time_unit",
            Json::str("seconds of wall time, spawn to exit"),
        ),
        ("implementations", Json::Arr(implementations)),
        ("benchmarks", Json::Arr(benchmarks)),
        ("geomean", Json::Obj(summary)),
    ])
}

fn chart(impls: &[Implementation], rows: &[Row], runs: usize) -> BarChart {
    BarChart {
        title: format!(
            "tern bench: median wall time of {runs} run{} (lower is better)",
            if runs == 1 { "" } else { "s" }
        ),
        y_label: "wall time (log scale)".into(),
        x_label: "benchmark".into(),
        groups: rows.iter().map(|r| r.program.name.clone()).collect(),
        series: impls.iter().map(|i| i.name.clone()).collect(),
        values: rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::median).collect())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imp(name: &str, python: bool) -> Implementation {
        Implementation {
            name: name.into(),
            program: "x".into(),
            args: vec![],
            env: vec![],
            version: python.then(|| "CPython 3.11".to_string()),
        }
    }

    #[test]
    fn ratio_columns_against_python_then_tree() {
        let impls = [imp("python", true), imp("tree", false), imp("vm", false)];
        let labels: Vec<String> = ratio_columns(&impls).into_iter().map(|c| c.0).collect();
        assert_eq!(labels, ["tree/python", "vm/python", "tree/vm"]);
        let impls = [imp("tree", false)];
        assert!(ratio_columns(&impls).is_empty());
    }

    #[test]
    fn unknown_and_unavailable_modes_are_refused() {
        assert!(select_modes(&["nope".into()]).is_err());
        assert_eq!(select_modes(&[]).unwrap(), AVAILABLE_MODES);
        assert_eq!(
            select_modes(&["tree".into(), "tree".into()]).unwrap(),
            [Mode::Tree]
        );
    }
}
