//! The `tern` command line.

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use tern::driver::{self, Mode};

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
    /// Execution mode for -c.
    #[arg(long, default_value = "tree", global = true)]
    mode: String,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a script (`tern FILE` is a shorthand).
    Run {
        file: String,
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
    /// Start the interactive REPL (also what `tern` alone does).
    Repl,
}

const SUBCOMMANDS: &[&str] = &["run", "check", "ast", "repl", "help"];

fn main() -> ExitCode {
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
        (None, Some(Command::Run { file, args })) => run_file(&file, args, mode),
        (None, Some(Command::Check { files })) => check(&files),
        (None, Some(Command::Ast { file })) => ast(&file),
        (None, Some(Command::Repl)) | (None, None) => tern::repl::run(mode),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
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

fn run_file(file: &str, args: Vec<String>, mode: Mode) -> i32 {
    let source = match read(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut argv = vec![file.to_string()];
    argv.extend(args);
    driver::run_program(file, &source, argv, mode)
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
