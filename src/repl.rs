//! The interactive REPL (`tern` with no arguments): rustyline editing with
//! history, completion and highlighting; Python's `>>>`/`...` prompts with
//! blocks ended by a blank line; `:commands` to switch and compare modes.
//! When stdin is not a terminal the input is run as one script, as
//! `python3 < file` does.

use crate::driver::{self, Mode};
use crate::runtime::{Interp, Obj, Value};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Instant;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const HELP: &str = "\
Type Python statements; a blank line ends a block.
  :mode tree|vm|jit   switch the execution mode (state is kept)
  :ast CODE           show the syntax tree of CODE
  :dis NAME|CODE      show the bytecode of a function (or of CODE)
  :clif NAME|CODE     show the Cranelift IR the JIT makes of it
  :time STMT          run STMT once in every available mode and time it
  :help               this text
  :quit               leave (so does Ctrl-D)
Ctrl-C cancels the current input or interrupts running code.";

/// Start the REPL. Returns the process exit status.
pub fn run(mode: Mode) -> i32 {
    if !std::io::stdin().is_terminal() {
        let mut source = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut source) {
            eprintln!("tern: cannot read standard input: {e}");
            return 1;
        }
        return driver::run_program("<stdin>", &source, vec![String::new()], mode);
    }
    let worker = std::thread::Builder::new()
        .name("tern-repl".into())
        .stack_size(driver::MAIN_STACK_SIZE)
        .spawn(move || interactive(mode));
    match worker {
        Ok(h) => h.join().unwrap_or(70),
        Err(e) => {
            eprintln!("tern: cannot start the interpreter thread: {e}");
            70
        }
    }
}

/// Names and attributes offered by Tab completion, refreshed after every
/// input from the session's globals.
#[derive(Default)]
struct Names {
    globals: Vec<String>,
    attrs: BTreeMap<String, Vec<String>>,
}

struct TernHelper {
    names: Rc<RefCell<Names>>,
    color: bool,
}

impl Completer for TernHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map(|i| i + 1)
            .unwrap_or(0);
        let word = &before[start..];
        let names = self.names.borrow();
        let mut out = Vec::new();
        if let Some((obj, partial)) = word.rsplit_once('.') {
            if let Some(attrs) = names.attrs.get(obj) {
                for a in attrs.iter().filter(|a| a.starts_with(partial)) {
                    out.push(Pair {
                        display: a.clone(),
                        replacement: format!("{obj}.{a}"),
                    });
                }
            }
        } else {
            let mut all: Vec<&str> = KEYWORDS.to_vec();
            all.extend(names.globals.iter().map(|s| s.as_str()));
            all.sort_unstable();
            all.dedup();
            for n in all.into_iter().filter(|n| n.starts_with(word)) {
                out.push(Pair {
                    display: n.to_string(),
                    replacement: n.to_string(),
                });
            }
        }
        Ok((start, out))
    }
}

impl Hinter for TernHelper {
    type Hint = String;
}

impl Validator for TernHelper {}

impl Highlighter for TernHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.starts_with(':') {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

impl Helper for TernHelper {}

/// ANSI colours for keywords, strings, numbers and comments (the display
/// width is unchanged, as rustyline requires).
fn highlight(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            let rest: String = chars[i..].iter().collect();
            out.push_str(&format!("\x1b[2m{rest}\x1b[0m"));
            break;
        }
        if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != c {
                if chars[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            let end = (j + 1).min(chars.len());
            let s: String = chars[i..end].iter().collect();
            out.push_str(&format!("\x1b[32m{s}\x1b[0m"));
            i = end;
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let w: String = chars[i..j].iter().collect();
            if KEYWORDS.contains(&w.as_str()) {
                out.push_str(&format!("\x1b[1;35m{w}\x1b[0m"));
            } else {
                out.push_str(&w);
            }
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_alphanumeric() || chars[j] == '.' || chars[j] == '_')
            {
                j += 1;
            }
            let w: String = chars[i..j].iter().collect();
            out.push_str(&format!("\x1b[36m{w}\x1b[0m"));
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// `$TERN_HISTORY`, else `$XDG_DATA_HOME/tern/history`, else
/// `~/.local/share/tern/history`.
fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TERN_HISTORY") {
        return Some(PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("tern").join("history"))
}

/// Does this first line open a block (so the input ends at a blank line)?
fn opens_block(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or("").trim_end();
    code.ends_with(':')
}

struct Session {
    interp: Interp,
    globals: Value,
    mode: Mode,
    counter: usize,
}

fn interactive(mode: Mode) -> i32 {
    let mut interp = Interp::new();
    driver::set_stack_floor(&interp);
    interp.argv = vec![String::new()];
    interp.search_path.push(PathBuf::from("."));
    let globals = crate::runtime::import::new_module_globals(&interp, "__main__", "<stdin>");
    let main = crate::runtime::import::make_module("__main__", globals.clone());
    interp.modules.insert(Rc::from("__main__"), main);
    let mut s = Session {
        interp,
        globals,
        mode,
        counter: 0,
    };
    let names = Rc::new(RefCell::new(Names::default()));
    let mut rl: Editor<TernHelper, DefaultHistory> = match Editor::new() {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("tern: cannot start the line editor: {e}");
            return 1;
        }
    };
    rl.set_helper(Some(TernHelper {
        names: names.clone(),
        color: std::env::var_os("NO_COLOR").is_none(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    crate::runtime::interrupt::install_handler();
    println!(
        "tern {} ({} mode) — a Python 3 subset. Type :help for commands.",
        env!("CARGO_PKG_VERSION"),
        s.mode.name()
    );
    refresh_names(&mut s, &names);
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        match rl.readline(prompt) {
            Ok(line) => {
                if buffer.is_empty() && line.trim().is_empty() {
                    continue;
                }
                if buffer.is_empty() && line.trim_start().starts_with(':') {
                    let _ = rl.add_history_entry(line.as_str());
                    if !command(&mut s, line.trim()) {
                        break;
                    }
                    continue;
                }
                let block = !buffer.is_empty()
                    && (opens_block(buffer.lines().next().unwrap_or(""))
                        || buffer.lines().count() > 1);
                if !buffer.is_empty() && line.trim().is_empty() && block {
                    // A blank line ends the block.
                } else {
                    buffer.push_str(&line);
                    buffer.push('\n');
                    let first = buffer.lines().next().unwrap_or("");
                    if opens_block(first) || crate::syntax::is_incomplete(&buffer) {
                        continue;
                    }
                }
                let input = std::mem::take(&mut buffer);
                let _ = rl.add_history_entry(input.trim_end());
                execute(&mut s, &input);
                refresh_names(&mut s, &names);
            }
            Err(ReadlineError::Interrupted) => {
                buffer.clear();
                println!("KeyboardInterrupt");
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("tern: {e}");
                break;
            }
        }
    }
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = rl.save_history(h);
    }
    driver::finish(&mut s.interp, Ok(s.globals.clone()))
}

/// Run one input, printing expression values and errors.
fn execute(s: &mut Session, source: &str) {
    s.counter += 1;
    crate::runtime::interrupt::clear();
    let file = "<stdin>";
    let mut echo = |interp: &mut Interp, v: Value| -> crate::runtime::PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let text = interp.repr(&v)?;
        let _ = writeln!(interp.stdout, "{text}");
        interp.set_builtin("_", v);
        Ok(())
    };
    let r = driver::exec_interactive(&mut s.interp, s.mode, file, source, &s.globals, &mut echo);
    match r {
        Ok(()) => {}
        Err(driver::ExecError::Syntax(report)) => {
            let _ = s.interp.stdout.flush();
            eprint!("{report}");
        }
        Err(driver::ExecError::Python(e)) => {
            driver::report_uncaught(&mut s.interp, &e.0);
        }
        Err(driver::ExecError::Unsupported(msg)) => eprintln!("{msg}"),
    }
    s.interp.flush_output();
}

/// A `:command`; returns false to leave the REPL.
fn command(s: &mut Session, line: &str) -> bool {
    let (cmd, arg) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, a.trim()),
        None => (line, ""),
    };
    match cmd {
        ":quit" | ":q" | ":exit" => return false,
        ":help" | ":h" => println!("{HELP}"),
        ":mode" => match Mode::parse(arg) {
            Some(m) if m.is_available() => {
                s.mode = m;
                println!("mode: {}", m.name());
            }
            Some(m) => println!("mode '{}' is not supported by this build yet", m.name()),
            None => println!("current mode: {} (choose tree, vm or jit)", s.mode.name()),
        },
        ":ast" => match crate::syntax::parse_module(arg) {
            Ok(m) => print!("{}", crate::syntax::dump::dump_module_with_source(&m, arg)),
            Err(errs) => eprint!(
                "{}",
                crate::diag::render_syntax_error("<stdin>", arg, &errs[0], false)
            ),
        },
        ":dis" => match function_code(s, arg) {
            Ok(Some(code)) => print!("{}", crate::bytecode::dis::disassemble(&code)),
            Ok(None) => println!("{}", driver::disassemble_interactive(arg)),
            Err(why) => println!("{why}"),
        },
        ":clif" => {
            let code = match function_code(s, arg) {
                Ok(Some(code)) => Ok(code),
                Ok(None) => compile_snippet(arg),
                Err(why) => Err(why),
            };
            match code.and_then(|c| crate::jit::clif_listing(&c, None, false)) {
                Ok(text) => print!("{text}"),
                Err(why) => println!("{why}"),
            }
        }
        ":time" => {
            for m in driver::AVAILABLE_MODES {
                let saved = s.mode;
                s.mode = *m;
                let start = Instant::now();
                execute(s, &format!("{arg}\n"));
                let t = start.elapsed();
                s.mode = saved;
                println!("{:>5}: {:.3} ms", m.name(), t.as_secs_f64() * 1e3);
            }
        }
        _ => println!("unknown command {cmd}; :help lists them"),
    }
    true
}

/// The bytecode of the function `name` names in the session (`Ok(None)`
/// when `name` is not a defined function: the argument is code).
fn function_code(
    s: &Session,
    name: &str,
) -> Result<Option<Rc<crate::bytecode::CodeObject>>, String> {
    let is_name = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if !is_name {
        return Ok(None);
    }
    let value = match s.globals.as_obj() {
        Some(Obj::Dict(d)) => d.borrow().get_str(name).cloned(),
        _ => None,
    };
    match value.as_ref().and_then(|v| v.as_obj()) {
        Some(Obj::Function(f)) => match &f.code {
            crate::runtime::object::Code::Bytecode(code) => Ok(Some(code.clone())),
            _ => Err(format!(
                "{name} was defined in tree mode, which makes no bytecode; \
                 define it again after :mode vm or :mode jit"
            )),
        },
        _ => Ok(None),
    }
}

/// Compile REPL input to bytecode, for `:clif CODE`.
fn compile_snippet(src: &str) -> Result<Rc<crate::bytecode::CodeObject>, String> {
    let module = crate::syntax::parse_module(src)
        .map_err(|errs| crate::diag::render_syntax_error("<stdin>", src, &errs[0], false))?;
    crate::bytecode::compile_interactive(Rc::from("<stdin>"), src, &module)
        .map_err(|e| format!("SyntaxError: {}", e.message))
}

/// Refresh what Tab completion offers from the current globals.
fn refresh_names(s: &mut Session, names: &Rc<RefCell<Names>>) {
    let mut n = Names::default();
    let entries: Vec<(String, Value)> = match s.globals.as_obj() {
        Some(Obj::Dict(d)) => d
            .borrow()
            .iter()
            .filter_map(|(k, v)| k.as_str().map(|k| (k.to_string(), v.clone())))
            .collect(),
        _ => vec![],
    };
    let builtins: Vec<String> = match s.interp.builtins.as_obj() {
        Some(Obj::Dict(d)) => d
            .borrow()
            .iter()
            .filter_map(|(k, _)| k.as_str().map(|k| k.to_string()))
            .collect(),
        _ => vec![],
    };
    for (k, v) in entries {
        n.attrs.insert(k.clone(), attribute_names(&s.interp, &v));
        n.globals.push(k);
    }
    n.globals.extend(builtins);
    *names.borrow_mut() = n;
}

/// Attribute names of a value: its own dict, its class's MRO, a module's dict.
fn attribute_names(interp: &Interp, v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut add_dict = |d: &crate::runtime::dict::Dict| {
        for (k, _) in d.iter() {
            if let Some(k) = k.as_str() {
                out.push(k.to_string());
            }
        }
    };
    match v.as_obj() {
        Some(Obj::Module(m)) => {
            if let Some(Obj::Dict(d)) = m.dict.as_obj() {
                add_dict(&d.borrow());
            }
        }
        Some(Obj::Instance(i)) => add_dict(&i.dict.borrow()),
        _ => {}
    }
    let cls = match v.as_obj() {
        Some(Obj::Class(_)) => v.clone(),
        _ => interp.type_of(v),
    };
    if let Some(Obj::Class(c)) = cls.as_obj() {
        add_dict(&c.dict.borrow());
        for m in &c.mro {
            if let Some(Obj::Class(k)) = m.as_obj() {
                add_dict(&k.dict.borrow());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
