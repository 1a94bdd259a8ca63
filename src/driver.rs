//! Running a whole program the way `python3 file.py` does: parse (syntax
//! errors reported with ariadne), execute in the chosen mode, print an
//! uncaught exception's traceback, honour `SystemExit`, and finalize
//! objects and flush files at exit. The CLI and the tests both use this.

use crate::runtime::exceptions::{self, ExcType};
use crate::runtime::{Interp, Value};
use std::io::Write;
use std::path::Path;

/// The execution modes; not every build supports every mode yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Tree,
    Vm,
    Jit,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "tree" => Some(Mode::Tree),
            "vm" => Some(Mode::Vm),
            "jit" => Some(Mode::Jit),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Mode::Tree => "tree",
            Mode::Vm => "vm",
            Mode::Jit => "jit",
        }
    }
    pub fn is_available(self) -> bool {
        matches!(self, Mode::Tree | Mode::Vm | Mode::Jit)
    }
}

/// Modes this build can run.
pub const AVAILABLE_MODES: &[Mode] = &[Mode::Tree, Mode::Vm, Mode::Jit];

/// Set this environment variable (to anything but empty or `0`) to make a run
/// print, on stderr and before the program starts, how long each phase that
/// precedes execution took. `tern compare` and `tern bench` set it to show
/// each mode's translation cost next to its run time, and remove the line
/// before comparing outputs; without it a run prints nothing extra.
pub const REPORT_PHASES_ENV: &str = "TERN_REPORT_PHASES";

/// The start of that line; the rest is ` NAME=SECONDS` pairs in order, e.g.
/// `tern-phases: parse=0.000412000 scope=0.000051000`. All of them count as
/// time spent before running; a mode names its own phases.
pub const PHASES_PREFIX: &str = "tern-phases:";

/// Print the phases line if `REPORT_PHASES_ENV` asks for it. Each mode calls
/// this once, after its last translation step and before execution.
pub fn report_phases(phases: &[(&str, std::time::Duration)]) {
    if std::env::var_os(REPORT_PHASES_ENV).is_some_and(|v| !v.is_empty() && v != "0") {
        let mut line = String::from(PHASES_PREFIX);
        for (name, took) in phases {
            line.push_str(&format!(" {name}={:.9}", took.as_secs_f64()));
        }
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

/// Native stack for the interpreter thread: deep Python recursion is
/// bounded by the recursion limit and the stack guard, not by this.
pub const MAIN_STACK_SIZE: usize = 1 << 30;
const STACK_MARGIN: usize = 1 << 20;

/// Run `source` as the program `filename` with `sys.argv = argv`.
/// Returns the process exit status.
pub fn run_program(filename: &str, source: &str, argv: Vec<String>, mode: Mode) -> i32 {
    run_program_with(filename, source, argv, mode, false)
}

/// `run_program`; with `stats`, what the JIT did is printed to stderr
/// after the run (`tern run --stats`).
pub fn run_program_with(
    filename: &str,
    source: &str,
    argv: Vec<String>,
    mode: Mode,
    stats: bool,
) -> i32 {
    if !mode.is_available() {
        eprintln!(
            "tern: mode '{}' is not supported by this build yet (available: {})",
            mode.name(),
            AVAILABLE_MODES
                .iter()
                .map(|m| m.name())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return 2;
    }
    let filename = filename.to_string();
    let source = source.to_string();
    let worker = std::thread::Builder::new()
        .name("tern-main".into())
        .stack_size(MAIN_STACK_SIZE)
        .spawn(move || {
            let parse_started = std::time::Instant::now();
            let module = match crate::syntax::parse_module(&source) {
                Ok(m) => m,
                Err(errs) => {
                    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
                    let report =
                        crate::diag::render_syntax_error(&filename, &source, &errs[0], color);
                    eprint!("{report}");
                    return 1;
                }
            };
            let parse_time = parse_started.elapsed();
            let mut interp = Interp::new();
            set_stack_floor(&interp);
            interp.argv = argv;
            let dir = Path::new(&filename)
                .parent()
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        p
                    }
                })
                .unwrap_or(Path::new("."))
                .to_path_buf();
            interp.search_path.push(dir);
            let started = std::time::Instant::now();
            let result = match mode {
                Mode::Vm | Mode::Jit => run_bytecode_main(
                    &mut interp,
                    &filename,
                    &source,
                    module,
                    parse_time,
                    mode == Mode::Jit,
                ),
                Mode::Tree => run_tree_main(&mut interp, &filename, &source, module, parse_time),
            };
            let status = finish(&mut interp, result);
            if stats {
                let report = match mode {
                    Mode::Jit => crate::jit::stats_report(started.elapsed()),
                    _ => format!(
                        "{}: nothing compiled to machine code; run {:.3} ms in all\n",
                        mode.name(),
                        started.elapsed().as_secs_f64() * 1e3
                    ),
                };
                eprint!("{report}");
            }
            status
        });
    match worker {
        Ok(handle) => handle.join().unwrap_or(70),
        Err(e) => {
            eprintln!("tern: cannot start the interpreter thread: {e}");
            70
        }
    }
}

/// `tree::run_main`, step by step, so that the scope analysis done by
/// `Unit::new` is timed for `report_phases` (tree mode's "translation" is
/// parsing plus scope analysis).
fn run_tree_main(
    interp: &mut Interp,
    file: &str,
    source: &str,
    module: crate::syntax::ast::Module,
    parse_time: std::time::Duration,
) -> Result<Value, crate::runtime::PyErr> {
    let scope_started = std::time::Instant::now();
    let file = interp.add_source(file, source);
    let unit = crate::tree::Unit::new(file, source, module);
    report_phases(&[("parse", parse_time), ("scope", scope_started.elapsed())]);
    let globals = crate::runtime::import::new_module_globals(interp, "__main__", &unit.file);
    let main = crate::runtime::import::make_module("__main__", globals.clone());
    interp.modules.insert(std::rc::Rc::from("__main__"), main);
    crate::tree::run_module(interp, &unit, &globals)?;
    Ok(globals)
}

/// `vm::run_main`, step by step, timing the compilation for
/// `report_phases` (the VM's translation is parsing plus compiling to
/// bytecode, scope analysis included). With `jit`, the module body is then
/// translated to machine code before it runs (every other function at its
/// first call), and that is timed too.
fn run_bytecode_main(
    interp: &mut Interp,
    file: &str,
    source: &str,
    module: crate::syntax::ast::Module,
    parse_time: std::time::Duration,
    jit: bool,
) -> Result<Value, crate::runtime::PyErr> {
    let compile_started = std::time::Instant::now();
    let file = interp.add_source(file, source);
    let code = crate::bytecode::compile(file.clone(), source, &module)
        .map_err(|e| interp.err(ExcType::SyntaxError, e.message))?;
    drop(module);
    let mut phases = vec![
        ("parse", parse_time),
        ("compile", compile_started.elapsed()),
    ];
    if jit {
        let translate_started = std::time::Instant::now();
        crate::jit::prepare(&code);
        phases.push(("translate", translate_started.elapsed()));
        crate::jit::enable(interp);
    }
    report_phases(&phases);
    let globals = crate::runtime::import::new_module_globals(interp, "__main__", &file);
    let main = crate::runtime::import::make_module("__main__", globals.clone());
    interp.modules.insert(std::rc::Rc::from("__main__"), main);
    crate::vm::run_module_code(interp, code, &globals)?;
    Ok(globals)
}

/// Record how deep the current thread's stack (of `MAIN_STACK_SIZE`) may
/// grow before Python code gets a `RecursionError`.
pub fn set_stack_floor(interp: &Interp) {
    let marker = 0u8;
    let top = &marker as *const u8 as usize;
    interp
        .stack_floor
        .set(top.saturating_sub(MAIN_STACK_SIZE - STACK_MARGIN));
}

/// Why an interactive input did not run to completion.
pub enum ExecError {
    /// A rendered syntax error report.
    Syntax(String),
    Python(crate::runtime::PyErr),
    Unsupported(String),
}

/// Run one REPL input in `globals` with the given mode; `echo` receives the
/// value of each top-level expression statement.
pub fn exec_interactive(
    interp: &mut Interp,
    mode: Mode,
    file: &str,
    source: &str,
    globals: &Value,
    echo: &mut dyn FnMut(&mut Interp, Value) -> crate::runtime::PyResult<()>,
) -> Result<(), ExecError> {
    let module = crate::syntax::parse_module(source).map_err(|errs| {
        let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
        ExecError::Syntax(crate::diag::render_syntax_error(
            file, source, &errs[0], color,
        ))
    })?;
    match mode {
        Mode::Tree => {
            interp.jit_enabled = false;
            let name = interp.add_source(file, source);
            let unit = crate::tree::Unit::new(name, source, module);
            crate::tree::run_interactive(interp, &unit, globals, echo).map_err(ExecError::Python)
        }
        Mode::Vm | Mode::Jit => {
            // Top-level REPL input echoes through `yield`, so it runs in
            // the VM; in jit mode the functions it calls run natively.
            interp.jit_enabled = mode == Mode::Jit;
            let name = interp.add_source(file, source);
            let code = crate::bytecode::compile_interactive(name, source, &module)
                .map_err(|e| ExecError::Python(interp.err(ExcType::SyntaxError, e.message)))?;
            crate::vm::run_interactive(interp, code, globals, echo).map_err(ExecError::Python)
        }
    }
}

/// `:dis` in the REPL: the bytecode of a snippet.
pub fn disassemble_interactive(source: &str) -> String {
    let module = match crate::syntax::parse_module(source) {
        Ok(m) => m,
        Err(errs) => return crate::diag::render_syntax_error("<stdin>", source, &errs[0], false),
    };
    match crate::bytecode::compile_interactive(std::rc::Rc::from("<stdin>"), source, &module) {
        Ok(code) => crate::bytecode::dis::disassemble(&code),
        Err(e) => format!("SyntaxError: {}", e.message),
    }
}

/// Turn the program's outcome into an exit status, printing an uncaught
/// exception, then finalize what is left.
pub fn finish(interp: &mut Interp, result: Result<Value, crate::runtime::PyErr>) -> i32 {
    let (code, globals) = match result {
        Ok(g) => (0, Some(g)),
        Err(e) => (report_uncaught(interp, &e.0), None),
    };
    interp.run_finalizers();
    shutdown(interp, globals);
    code
}

/// Print the traceback (or handle `SystemExit`) and give the exit status.
pub fn report_uncaught(interp: &mut Interp, exc: &Value) -> i32 {
    let _ = interp.stdout.flush();
    if exceptions::is_instance_of(interp, exc, ExcType::SystemExit) {
        let args = exceptions::exc_args(exc);
        let code = args.first().cloned().unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = crate::runtime::ops::as_i64(&code) {
            return i as i32;
        }
        let text = interp.str_of(&code).unwrap_or_default();
        let _ = writeln!(interp.stderr, "{text}");
        return 1;
    }
    let text = exceptions::format_exception(interp, exc);
    let _ = write!(interp.stderr, "{text}");
    let _ = interp.stderr.flush();
    1
}

/// Interpreter exit: clear `__main__`'s globals (running `__del__` of what
/// they held, as CPython does), collect cycles, flush output and files.
fn shutdown(interp: &mut Interp, globals: Option<Value>) {
    let globals = globals.or_else(|| {
        interp
            .modules
            .get("__main__")
            .and_then(|m| match m.as_obj() {
                Some(crate::runtime::Obj::Module(m)) => Some(m.dict.clone()),
                _ => None,
            })
    });
    if let Some(g) = globals {
        if let Some(crate::runtime::Obj::Dict(d)) = g.as_obj() {
            let keys: Vec<String> = d
                .borrow()
                .iter()
                .filter_map(|(k, _)| k.as_str().map(|s| s.to_string()))
                .filter(|k| !k.starts_with("__"))
                .collect();
            for k in keys {
                let old = d.borrow_mut().set_str(&k, Value::NONE);
                drop(old);
                interp.run_finalizers();
            }
        }
    }
    crate::runtime::gc::collect(interp);
    crate::runtime::file::flush_all(interp);
    interp.flush_output();
}
