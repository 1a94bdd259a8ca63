//! The `tern` command line.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use tern::driver::{self, Mode};

/// The command line allocates through mimalloc: Python programs make and
/// free small objects at a high rate (tuples, frames' temporaries, strings,
/// exceptions), where it is markedly faster than the system allocator
/// (CPython has its own small-object allocator for the same reason). The
/// library leaves the choice to its host.
#[global_allocator]
static GLOBAL: tern::alloc::Mimalloc = tern::alloc::Mimalloc;

#[derive(Parser)]
#[command(
    name = "tern",
    version,
    about = "A Python 3 subset, run three ways: tree-walker, bytecode VM, Cranelift JIT",
    after_help = "With no command: `tern FILE [ARGS…]` runs a script; `tern -c CODE` runs CODE."
)]
struct Cli {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Execution mode: tree (tree-walker), vm (bytecode VM) or jit.
    #[arg(long, default_value = "vm", global = true)]
    mode: String,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a script (`tern FILE` is a shorthand).
    Run {
        file: String,
        /// After the run, print what the JIT compiled, its fallbacks and the
        /// compile time against the run time (to stderr).
        #[arg(long)]
        stats: bool,
        /// Arguments for the script (sys.argv[1:]).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Parse files and report every syntax error, running nothing.
    Check {
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Print the syntax tree of a file.
    Ast { file: String },
    /// Print the bytecode of a file, function by function.
    Dis { file: String },
    /// Print the Cranelift IR the JIT makes of each function of a file.
    Clif {
        file: String,
        /// Only the function (or class body) with this name or qualified name.
        #[arg(long, value_name = "NAME")]
        function: Option<String>,
        /// Print the machine code instead of the IR.
        #[arg(long)]
        asm: bool,
    },
    /// Start the interactive REPL (also what `tern` alone does).
    Repl,
    /// Run a program in every available mode, check that they agree, time them.
    #[command(
        after_help = "Put `--` before program arguments that start with `-`.\n\
                      Exit status: 0 when the modes agree, 1 when they do not (a diff is shown), 2 on a usage error."
    )]
    Compare {
        file: String,
        /// Arguments for the program (sys.argv[1:]).
        args: Vec<String>,
        /// Timed runs per mode; the median is shown.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        runs: u32,
        /// Kill a run that takes longer than this many seconds.
        #[arg(long, value_name = "SECS")]
        timeout: Option<f64>,
    },
    /// Time benchmark programs in each mode and under CPython; check their outputs.
    #[command(
        after_help = "Each *.py program runs with no arguments and must print the same output everywhere.\n\
                      Exit status: 0 when every run passed, 1 when one failed or differed, 2 on a usage error."
    )]
    Bench {
        /// Folders of *.py programs (default: benches/programs).
        dirs: Vec<PathBuf>,
        /// Modes to run, comma-separated (default: every available mode).
        #[arg(long, value_delimiter = ',', value_name = "MODE,…")]
        modes: Vec<String>,
        /// Timed runs per program and implementation; the median is shown.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        runs: u32,
        /// Python to compare with (default: python3 if on PATH; '' for none).
        #[arg(long, value_name = "CMD")]
        python: Option<String>,
        /// Do not run Python.
        #[arg(long, conflicts_with = "python")]
        no_python: bool,
        /// Write every run's figures to FILE as JSON.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Draw the medians as a bar chart in FILE (SVG).
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Print the table as Markdown.
        #[arg(long)]
        markdown: bool,
        /// Kill a run that takes longer than this many seconds.
        #[arg(long, value_name = "SECS")]
        timeout: Option<f64>,
    },
}

const SUBCOMMANDS: &[&str] = &[
    "run", "check", "ast", "dis", "clif", "repl", "compare", "bench", "help",
];

fn main() -> ExitCode {
    // Before the program allocates much: huge pages cost this allocator
    // seconds of kernel time on some runs (see the function's doc).
    tern::alloc::disable_transparent_huge_pages();
    let mut args: Vec<String> = std::env::args().collect();
    // `tern FILE ARGS…` is `tern run FILE ARGS…`.
    if let Some(first) = args.get(1) {
        if !first.starts_with('-') && !SUBCOMMANDS.contains(&first.as_str()) {
            args.insert(1, "run".into());
        }
    }
    let cli = Cli::parse_from(args);
    let Some(mode) = Mode::parse(&cli.mode) else {
        eprintln!(
            "tern: unknown mode '{}' (expected tree, vm or jit)",
            cli.mode
        );
        return ExitCode::from(2);
    };
    let code = match (cli.code, cli.command) {
        (Some(code), _) => driver::run_program("<string>", &code, vec!["-c".into()], mode),
        (None, Some(Command::Run { file, args, stats })) => run_file(&file, args, mode, stats),
        (None, Some(Command::Check { files })) => check(&files),
        (None, Some(Command::Ast { file })) => ast(&file),
        (None, Some(Command::Dis { file })) => dis(&file),
        (
            None,
            Some(Command::Clif {
                file,
                function,
                asm,
            }),
        ) => clif(&file, function.as_deref(), asm),
        (None, Some(Command::Repl)) | (None, None) => tern::repl::run(mode),
        (None, Some(tool @ (Command::Compare { .. } | Command::Bench { .. }))) => run_tool(tool),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// `tern compare` and `tern bench` (src/tools).
fn run_tool(command: Command) -> i32 {
    use tern::tools::{bench, compare};
    match command {
        Command::Compare {
            file,
            args,
            runs,
            timeout,
        } => compare::main(&compare::Options {
            file,
            args,
            runs: runs as usize,
            timeout: seconds(timeout),
        }),
        Command::Bench {
            dirs,
            modes,
            runs,
            python,
            no_python,
            json,
            svg,
            markdown,
            timeout,
        } => {
            let python = match python {
                _ if no_python => bench::Python::Off,
                None => bench::Python::Default,
                Some(cmd) if cmd.trim().is_empty() => bench::Python::Off,
                Some(cmd) => bench::Python::Command(cmd),
            };
            bench::main(&bench::Options {
                dirs,
                modes,
                runs: runs as usize,
                python,
                json,
                svg,
                markdown,
                timeout: seconds(timeout),
            })
        }
        _ => unreachable!("run_tool is only given the tool commands"),
    }
}

/// A `--timeout` in seconds; zero, negative or absurd values mean none.
fn seconds(secs: Option<f64>) -> Option<std::time::Duration> {
    secs.and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
        .filter(|d| !d.is_zero())
}

fn read(file: &str) -> Result<String, i32> {
    std::fs::read_to_string(file).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "[Errno 2] No such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "[Errno 13] Permission denied".to_string(),
            _ => e.to_string(),
        };
        eprintln!("tern: can't open file '{file}': {why}");
        2
    })
}

fn run_file(file: &str, args: Vec<String>, mode: Mode, stats: bool) -> i32 {
    let source = match read(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut argv = vec![file.to_string()];
    argv.extend(args);
    driver::run_program_with(file, &source, argv, mode, stats)
}

fn check(files: &[String]) -> i32 {
    let mut status = 0;
    for f in files {
        let source = match read(f) {
            Ok(s) => s,
            Err(code) => {
                status = code;
                continue;
            }
        };
        if let Err(errs) = tern::syntax::parse_module(&source) {
            let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
            for e in &errs {
                eprint!("{}", tern::diag::render_syntax_error(f, &source, e, color));
            }
            status = 1;
        }
    }
    status
}

/// Parse and compile a file to bytecode, reporting errors as `tern run` does.
fn compile_file(file: &str) -> Result<std::rc::Rc<tern::bytecode::CodeObject>, i32> {
    let source = read(file)?;
    let module = match tern::syntax::parse_module(&source) {
        Ok(m) => m,
        Err(errs) => {
            let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
            eprint!(
                "{}",
                tern::diag::render_syntax_error(file, &source, &errs[0], color)
            );
            return Err(1);
        }
    };
    tern::bytecode::compile(std::rc::Rc::from(file), &source, &module).map_err(|e| {
        eprintln!("{file}: SyntaxError: {}", e.message);
        1
    })
}

fn dis(file: &str) -> i32 {
    match compile_file(file) {
        Ok(code) => {
            print!("{}", tern::bytecode::dis::disassemble(&code));
            0
        }
        Err(status) => status,
    }
}

fn clif(file: &str, function: Option<&str>, asm: bool) -> i32 {
    let code = match compile_file(file) {
        Ok(code) => code,
        Err(status) => return status,
    };
    match tern::jit::clif_listing(&code, function, asm) {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(e) => {
            eprintln!("tern clif: {e}");
            1
        }
    }
}

fn ast(file: &str) -> i32 {
    let source = match read(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match tern::syntax::parse_module(&source) {
        Ok(m) => {
            print!(
                "{}",
                tern::syntax::dump::dump_module_with_source(&m, &source)
            );
            0
        }
        Err(errs) => {
            let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
            eprint!(
                "{}",
                tern::diag::render_syntax_error(file, &source, &errs[0], color)
            );
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
