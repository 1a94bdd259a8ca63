//! The library face of tern: an [`Engine`] a Rust host builds with the
//! mode, limits and capabilities it wants, then uses to run scripts,
//! exchange values and expose native functions.
//!
//! ```
//! use tern::embed::Engine;
//!
//! let mut engine = Engine::builder().fuel(1_000_000).build();
//! engine.register_fn("scale", |x: i64, k: i64| x * k);
//! let v: i64 = engine.eval_as("scale(6, 7)").unwrap();
//! assert_eq!(v, 42);
//! ```
//!
//! An engine owns its interpreter and its values are reference-counted
//! without atomics, so an `Engine` is neither `Send` nor `Sync`: create it
//! on the thread that uses it (one engine per thread is fine).
#![warn(missing_docs)]

mod convert;
mod native;

pub use convert::{FromValue, IntoValue};
pub use native::{IntoNative, NativeModule, NativeResult};

use crate::driver::{self, Mode};
use crate::runtime::exceptions;
pub use crate::runtime::interp::LimitKind;
use crate::runtime::interp::{Capabilities, Limits};
use crate::runtime::{Interp, Obj, PyErr, Value};
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// What went wrong running a script.
#[derive(Debug, Clone)]
pub enum Error {
    /// The source did not parse; `report` is the rendered ariadne report.
    Syntax {
        /// CPython's last line, e.g. `SyntaxError: expected ':'`.
        message: String,
        /// The full report: source line, caret and message.
        report: String,
    },
    /// An uncaught Python exception.
    Python {
        /// The exception's class name, e.g. `ZeroDivisionError`.
        kind: String,
        /// `str(exc)`.
        message: String,
        /// CPython's full traceback text.
        traceback: String,
    },
    /// A limit the host set was hit; the script could not catch it.
    Limit(LimitKind),
    /// Reading a script file failed, or the mode is not available.
    Host(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Syntax { report, .. } => write!(f, "{}", report.trim_end()),
            Error::Python { traceback, .. } => write!(f, "{}", traceback.trim_end()),
            Error::Limit(LimitKind::Memory) => write!(f, "MemoryError: memory limit exceeded"),
            Error::Limit(k) => write!(f, "script stopped: {} limit exceeded", k.name()),
            Error::Host(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {}

/// A `Write` sink shared between the host and the engine, for capturing
/// what a script prints.
#[derive(Clone, Default)]
pub struct OutputBuffer(Rc<RefCell<Vec<u8>>>);

impl OutputBuffer {
    /// An empty buffer; clone it to keep a handle while the engine writes.
    pub fn new() -> OutputBuffer {
        OutputBuffer::default()
    }
    /// Everything written so far, as text.
    pub fn contents(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
    /// Forget what was written so far.
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

impl Write for OutputBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Counts bytes written and drops writes past the output limit.
struct MeteredWriter {
    inner: Box<dyn Write>,
    written: Rc<std::cell::Cell<usize>>,
    limit: Option<usize>,
}

impl Write for MeteredWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let total = self.written.get() + buf.len();
        self.written.set(total);
        match self.limit {
            Some(max) if total > max => {
                let room = max.saturating_sub(total - buf.len());
                self.inner.write_all(&buf[..room.min(buf.len())])?;
                Ok(buf.len())
            }
            _ => self.inner.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Configures an [`Engine`]. Everything is off or unlimited by default:
/// no file system, no environment, no limits, tree mode.
pub struct EngineBuilder {
    mode: Mode,
    limits: Limits,
    deadline: Option<Duration>,
    caps: Capabilities,
    recursion_limit: Option<u32>,
    search_path: Vec<PathBuf>,
    stdout: Option<Box<dyn Write>>,
    stderr: Option<Box<dyn Write>>,
}

impl EngineBuilder {
    /// The execution mode (tree, vm, jit) scripts run in.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }
    /// An operation budget per run: statements and loop iterations.
    pub fn fuel(mut self, units: u64) -> Self {
        self.limits.fuel = Some(units);
        self
    }
    /// Wall-clock time each run may take.
    pub fn deadline(mut self, d: Duration) -> Self {
        self.deadline = Some(d);
        self
    }
    /// Bytes the process may have allocated while a script runs (needs
    /// [`crate::alloc::TrackingAllocator`] as the global allocator to see
    /// every allocation; huge single requests are refused regardless).
    pub fn memory_limit(mut self, bytes: usize) -> Self {
        self.limits.memory = Some(bytes);
        self
    }
    /// Bytes a run may write to stdout and stderr together.
    pub fn output_limit(mut self, bytes: usize) -> Self {
        self.limits.output = Some(bytes);
        self
    }
    /// Maximum Python call depth (CPython's default is 1000).
    pub fn recursion_limit(mut self, depth: u32) -> Self {
        self.recursion_limit = Some(depth);
        self
    }
    /// Grant `open` and the file-system functions of `os` (and so logging to files).
    pub fn allow_filesystem(mut self, yes: bool) -> Self {
        self.caps.filesystem = yes;
        self
    }
    /// Grant `os.environ` and `os.getenv`.
    pub fn allow_environment(mut self, yes: bool) -> Self {
        self.caps.environment = yes;
        self
    }
    /// A folder `import name` searches for `name.py`.
    pub fn module_path(mut self, dir: impl Into<PathBuf>) -> Self {
        self.search_path.push(dir.into());
        self
    }
    /// Where `print` and `sys.stdout` go (default: the process's stdout).
    pub fn stdout(mut self, w: impl Write + 'static) -> Self {
        self.stdout = Some(Box::new(w));
        self
    }
    /// Where tracebacks and `sys.stderr` go (default: the process's stderr).
    pub fn stderr(mut self, w: impl Write + 'static) -> Self {
        self.stderr = Some(Box::new(w));
        self
    }
    /// Make the engine: a fresh interpreter with these settings.
    pub fn build(self) -> Engine {
        let mut interp = Interp::new();
        interp.caps = self.caps;
        interp.limits = self.limits.clone();
        if let Some(r) = self.recursion_limit {
            interp.recursion_limit = r;
        }
        interp.search_path = self.search_path;
        let written = interp.output_written.clone();
        let limit = self.limits.output;
        let out: Box<dyn Write> = self.stdout.unwrap_or_else(|| Box::new(std::io::stdout()));
        let err: Box<dyn Write> = self.stderr.unwrap_or_else(|| Box::new(std::io::stderr()));
        interp.stdout = Box::new(MeteredWriter {
            inner: out,
            written: written.clone(),
            limit,
        });
        interp.stderr = Box::new(MeteredWriter {
            inner: err,
            written,
            limit,
        });
        let globals = crate::runtime::import::new_module_globals(&interp, "__main__", "<embedded>");
        let main = crate::runtime::import::make_module("__main__", globals.clone());
        interp.modules.insert(Rc::from("__main__"), main);
        Engine {
            interp,
            globals,
            mode: self.mode,
            deadline: self.deadline,
            counter: 0,
        }
    }
}

/// A script compiled once (parsed and checked) and runnable many times.
#[derive(Clone)]
pub struct Program {
    name: String,
    source: Rc<str>,
}

impl Program {
    /// The file name the program was compiled as (used in tracebacks).
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// An embedded interpreter: globals persist across runs.
pub struct Engine {
    interp: Interp,
    globals: Value,
    mode: Mode,
    deadline: Option<Duration>,
    counter: usize,
}

/// Native stack for running scripts, so deep Python recursion never
/// depends on the host thread's stack size.
const RUN_STACK_SIZE: usize = 256 << 20;
const STACK_MARGIN: usize = 256 << 10;

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with the defaults of [`EngineBuilder`].
    pub fn new() -> Engine {
        Engine::builder().build()
    }

    /// Start configuring an engine: tree mode, no limits, no file system or
    /// environment access, output to the host's stdout and stderr.
    ///
    /// ```
    /// let mut engine = tern::embed::Engine::builder().fuel(1_000_000).build();
    /// let n: i64 = engine.eval_as("sum(range(10))").unwrap();
    /// assert_eq!(n, 45);
    /// ```
    pub fn builder() -> EngineBuilder {
        EngineBuilder {
            mode: Mode::Tree,
            limits: Limits::default(),
            deadline: None,
            caps: Capabilities::NONE,
            recursion_limit: None,
            search_path: Vec::new(),
            stdout: None,
            stderr: None,
        }
    }

    /// Run `source` and return the value of its last expression statement
    /// (None if it has none).
    pub fn eval(&mut self, source: &str) -> Result<Value, Error> {
        self.counter += 1;
        let name = format!("<eval-{}>", self.counter);
        self.exec(&name, source)
    }

    /// `eval`, converted to a Rust type.
    pub fn eval_as<T: FromValue>(&mut self, source: &str) -> Result<T, Error> {
        let v = self.eval(source)?;
        self.from_value(&v)
    }

    /// Run a script file (its folder is added to the module search path).
    pub fn run_file(&mut self, path: impl AsRef<Path>) -> Result<Value, Error> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path)
            .map_err(|e| Error::Host(format!("can't open file '{}': {e}", path.display())))?;
        if let Some(dir) = path.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            if !self.interp.search_path.iter().any(|p| p == dir) {
                self.interp.search_path.push(dir.to_path_buf());
            }
        }
        self.exec(&path.to_string_lossy(), &source)
    }

    /// Parse and check a script once, to run it many times.
    pub fn compile(&self, name: &str, source: &str) -> Result<Program, Error> {
        crate::syntax::parse_module(source).map_err(|errs| Error::Syntax {
            message: errs[0].last_line(),
            report: crate::diag::render_syntax_error(name, source, &errs[0], false),
        })?;
        Ok(Program {
            name: name.to_string(),
            source: Rc::from(source),
        })
    }

    /// Run a compiled program in this engine's globals.
    pub fn run(&mut self, program: &Program) -> Result<Value, Error> {
        let source = program.source.clone();
        self.exec(&program.name, &source)
    }

    /// Call a global function (or any callable global) with arguments.
    pub fn call(&mut self, name: &str, args: Vec<Value>) -> Result<Value, Error> {
        let f = self
            .get(name)
            .ok_or_else(|| Error::Host(format!("no global named '{name}'")))?;
        self.guarded(move |interp| interp.call(&f, &args, &[]))
    }

    /// `call`, converted to a Rust type.
    pub fn call_as<T: FromValue>(&mut self, name: &str, args: Vec<Value>) -> Result<T, Error> {
        let v = self.call(name, args)?;
        self.from_value(&v)
    }

    /// A global variable.
    pub fn get(&self, name: &str) -> Option<Value> {
        match self.globals.as_obj() {
            Some(Obj::Dict(d)) => d.borrow().get_str(name).cloned(),
            _ => None,
        }
    }

    /// A global variable converted to a Rust type.
    pub fn get_as<T: FromValue>(&mut self, name: &str) -> Result<T, Error> {
        let v = self
            .get(name)
            .ok_or_else(|| Error::Host(format!("no global named '{name}'")))?;
        self.from_value(&v)
    }

    /// Set a global variable from a Rust value.
    pub fn set(&mut self, name: &str, value: impl IntoValue) -> Result<(), Error> {
        let v = self.to_value(value)?;
        if let Some(Obj::Dict(d)) = self.globals.as_obj() {
            let old = d.borrow_mut().set_str(name, v);
            drop(old);
        }
        Ok(())
    }

    /// Convert a Rust value to a Python value.
    pub fn to_value(&mut self, value: impl IntoValue) -> Result<Value, Error> {
        value
            .into_value(&mut self.interp)
            .map_err(|e| python_error(&mut self.interp, e))
    }

    /// Convert a Python value to a Rust value.
    pub fn from_value<T: FromValue>(&mut self, v: &Value) -> Result<T, Error> {
        T::from_value(&mut self.interp, v).map_err(|e| python_error(&mut self.interp, e))
    }

    /// Expose a Rust function to scripts as a built-in.
    pub fn register_fn<Args, F: IntoNative<Args>>(&mut self, name: &str, f: F) {
        let v = native::closure_value(name, f.into_native(name));
        self.interp.set_builtin(name, v);
    }

    /// Make a native module importable (`import name`).
    pub fn register_module(&mut self, module: NativeModule) {
        let (name, m) = module.build(&mut self.interp);
        self.interp.modules.insert(Rc::from(name.as_str()), m);
    }

    /// The mode scripts run in.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The interpreter, for advanced uses (runtime functions take it).
    pub fn interp(&mut self) -> &mut Interp {
        &mut self.interp
    }

    fn exec(&mut self, name: &str, source: &str) -> Result<Value, Error> {
        let module = crate::syntax::parse_module(source).map_err(|errs| Error::Syntax {
            message: errs[0].last_line(),
            report: crate::diag::render_syntax_error(name, source, &errs[0], false),
        })?;
        drop(module);
        let globals = self.globals.clone();
        let mode = self.mode;
        let (name, source) = (name.to_string(), source.to_string());
        let mut result = Value::NONE;
        let r = {
            let result = &mut result;
            self.guarded(move |interp| {
                let mut echo = |_: &mut Interp, v: Value| -> crate::runtime::PyResult<()> {
                    *result = v;
                    Ok(())
                };
                match driver::exec_interactive(interp, mode, &name, &source, &globals, &mut echo) {
                    Ok(()) => Ok(Value::NONE),
                    Err(driver::ExecError::Python(e)) => Err(e),
                    Err(driver::ExecError::Syntax(r)) | Err(driver::ExecError::Unsupported(r)) => {
                        Err(interp.err(crate::runtime::ExcType::RuntimeError, r))
                    }
                }
            })
        };
        r.map(|_| result)
    }

    /// Run `f` on a large native stack with the limits armed, turning an
    /// escaping exception into an [`Error`]. The engine stays usable.
    fn guarded<F>(&mut self, f: F) -> Result<Value, Error>
    where
        F: FnOnce(&mut Interp) -> crate::runtime::PyResult<Value>,
    {
        if !self.mode.is_available() {
            return Err(Error::Host(format!(
                "mode '{}' is not supported by this build yet",
                self.mode.name()
            )));
        }
        let interp = &mut self.interp;
        interp.limits.deadline = self.deadline.map(|d| Instant::now() + d);
        interp.reset_budget();
        let stack = corosensei::stack::DefaultStack::new(RUN_STACK_SIZE)
            .map_err(|e| Error::Host(format!("cannot allocate the interpreter stack: {e}")))?;
        let floor = corosensei::stack::Stack::limit(&stack).get() + STACK_MARGIN;
        let saved_floor = interp.stack_floor.get();
        interp.stack_floor.set(floor);
        let saved_depth = interp.depth;
        let r = corosensei::on_stack(stack, || {
            let r = f(interp);
            interp.run_finalizers();
            r
        });
        interp.stack_floor.set(saved_floor);
        interp.depth = saved_depth;
        interp.handled.clear();
        interp.frames.clear();
        interp.frame_globals.clear();
        interp.flush_output();
        r.map_err(|e| python_error(interp, e))
    }
}

fn python_error(interp: &mut Interp, e: PyErr) -> Error {
    if let Some(kind) = interp.limit_kind(&e.0) {
        return Error::Limit(kind);
    }
    let kind = interp.type_name(&e.0).to_string();
    let message = interp.str_of(&e.0).unwrap_or_default();
    let traceback = exceptions::format_exception(interp, &e.0);
    Error::Python {
        kind,
        message,
        traceback,
    }
}
