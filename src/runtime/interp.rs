//! Interpreter state shared by every backend: the built-in types, the
//! module table, the recursion counter, output streams and the stack of
//! exceptions being handled.

use super::dict::Dict;
use super::exceptions::{self, ExcType};
use super::object::{Class, Layout, NativeFn, NativeFnPtr, Obj};
use super::value::Value;
use super::{PyErr, PyResult};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

/// The classes of the built-in types.
pub struct Types {
    pub object: Value,
    pub type_: Value,
    pub int: Value,
    pub float: Value,
    pub bool_: Value,
    pub str_: Value,
    pub list: Value,
    pub tuple: Value,
    pub dict: Value,
    pub set: Value,
    pub frozenset: Value,
    pub range: Value,
    pub slice: Value,
    pub none: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub function: Value,
    pub native: Value,
    pub method: Value,
    pub module: Value,
    pub generator: Value,
    pub iterator: Value,
    pub cell: Value,
    pub property: Value,
    pub staticmethod: Value,
    pub classmethod: Value,
    pub super_: Value,
    pub file: Value,
}

/// What the runtime can see of a running Python frame (any backend):
/// enough for `logging` to find its caller and for `globals()`. A shared
/// handle, so a backend can build it once per code object and pushing it
/// on every call costs one reference count.
#[derive(Clone)]
pub struct FrameInfo(Rc<FrameMeta>);

pub struct FrameMeta {
    pub file: Rc<str>,
    pub func: Rc<str>,
    /// Byte offset of the statement running now, kept current by the backend.
    pub pos: Rc<Cell<u32>>,
    /// Byte offsets of line starts in `file`.
    pub lines: Rc<[u32]>,
}

impl FrameInfo {
    pub fn new(file: Rc<str>, func: Rc<str>, pos: Rc<Cell<u32>>, lines: Rc<[u32]>) -> FrameInfo {
        FrameInfo(Rc::new(FrameMeta {
            file,
            func,
            pos,
            lines,
        }))
    }
}

impl FrameInfo {
    /// The shared frame data's address (what `FrameStack` holds).
    pub fn meta_ptr(&self) -> *const FrameMeta {
        Rc::as_ptr(&self.0)
    }
}

impl std::ops::Deref for FrameInfo {
    type Target = FrameMeta;
    fn deref(&self) -> &FrameMeta {
        &self.0
    }
}

impl FrameMeta {
    pub fn line(&self) -> u32 {
        let pos = self.pos.get();
        match self.lines.binary_search(&pos) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
}

/// What a script may reach outside the interpreter. The CLI grants
/// everything; an embedded engine starts with nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capabilities {
    /// `open`, and the `os`/`os.path` functions that touch the file system.
    pub filesystem: bool,
    /// `os.environ` and `os.getenv`.
    pub environment: bool,
}

impl Capabilities {
    pub const ALL: Capabilities = Capabilities {
        filesystem: true,
        environment: true,
    };
    pub const NONE: Capabilities = Capabilities {
        filesystem: false,
        environment: false,
    };
}

/// Resource limits a host sets; `None` means unlimited.
#[derive(Clone, Debug, Default)]
pub struct Limits {
    /// Statements and loop iterations the script may run.
    pub fuel: Option<u64>,
    pub deadline: Option<std::time::Instant>,
    /// Bytes the process may have allocated (needs `alloc::TrackingAllocator`).
    pub memory: Option<usize>,
    /// Bytes the script may write to stdout and stderr together.
    pub output: Option<usize>,
}

/// Which limit stopped a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    Fuel,
    Deadline,
    Memory,
    Output,
}

impl LimitKind {
    pub fn name(self) -> &'static str {
        match self {
            LimitKind::Fuel => "fuel",
            LimitKind::Deadline => "deadline",
            LimitKind::Memory => "memory",
            LimitKind::Output => "output",
        }
    }
}

/// How many ticks run between checks of the slow conditions (deadline,
/// memory, output, Ctrl-C).
const TICK_CHUNK: u64 = 1024;

/// Where `print` and tracebacks go; the embedding API can redirect them.
pub type Sink = Box<dyn Write>;

pub struct Interp {
    pub types: Types,
    pub exc_types: Vec<Value>,
    /// The `builtins` module's dict.
    pub builtins: Value,
    pub modules: HashMap<Rc<str>, Value>,
    /// Source text of every file run, for traceback lines.
    pub sources: HashMap<Rc<str>, Rc<str>>,
    pub depth: u32,
    pub recursion_limit: u32,
    /// Bytecode frames run as native code (`--mode jit`) instead of in the
    /// VM's dispatch loop; see `vm::run_frame`.
    pub jit_enabled: bool,
    /// The register files of native calls (see `jit::reg_stack`).
    pub native_regs: crate::jit::RegStack,
    pub stdout: Sink,
    pub stderr: Sink,
    /// Exceptions currently being handled (innermost last): the target of a
    /// bare `raise` and the `__context__` of a new exception.
    pub handled: Vec<Value>,
    pub argv: Vec<String>,
    /// Where `import name` looks for `name.py`.
    pub search_path: Vec<PathBuf>,
    pub gc_enabled: bool,
    /// Lowest stack address Python calls may reach before `RecursionError`;
    /// guards the Rust stack whatever the recursion limit says.
    pub stack_floor: Cell<usize>,
    /// Globals dicts of the running frames (innermost last), for `globals()`.
    pub frame_globals: Vec<Value>,
    /// The running frames, innermost last.
    pub frames: super::frame_stack::FrameStack,
    pub caps: Capabilities,
    pub limits: Limits,
    /// Ticks left before the next slow check (see `tick`).
    pub ticks_until_check: u64,
    /// Fuel left after the current chunk of ticks.
    pub fuel_left: Option<u64>,
    /// Bytes written to stdout/stderr so far (for the output limit).
    pub output_written: Rc<Cell<usize>>,
    /// The exception class of limit errors, which no handler can catch.
    pub limit_exc: Value,
    /// Open file objects, flushed at exit so no written data is lost.
    pub open_files: RefCell<Vec<std::rc::Weak<Obj>>>,
}

impl Interp {
    pub fn new() -> Interp {
        let object = bare_class("object", vec![], Layout::Builtin);
        let type_ = bare_class("type", vec![object.clone()], Layout::Builtin);
        let mk = |name: &str| bare_class(name, vec![object.clone()], Layout::Builtin);
        let int = mk("int");
        let types = Types {
            bool_: bare_class("bool", vec![int.clone(), object.clone()], Layout::Builtin),
            int,
            float: mk("float"),
            str_: mk("str"),
            list: mk("list"),
            tuple: mk("tuple"),
            dict: mk("dict"),
            set: mk("set"),
            frozenset: mk("frozenset"),
            range: mk("range"),
            slice: mk("slice"),
            none: mk("NoneType"),
            not_implemented: mk("NotImplementedType"),
            ellipsis: mk("ellipsis"),
            function: mk("function"),
            native: mk("builtin_function_or_method"),
            method: mk("method"),
            module: mk("module"),
            generator: mk("generator"),
            iterator: mk("iterator"),
            cell: mk("cell"),
            property: mk("property"),
            staticmethod: mk("staticmethod"),
            classmethod: mk("classmethod"),
            super_: mk("super"),
            file: mk("TextIOWrapper"),
            object,
            type_,
        };
        let mut interp = Interp {
            types,
            exc_types: Vec::new(),
            builtins: Value::obj(Obj::Dict(RefCell::new({
                let mut d = Dict::new();
                d.watch();
                d
            }))),
            modules: HashMap::new(),
            sources: HashMap::new(),
            depth: 0,
            recursion_limit: 1000,
            jit_enabled: false,
            native_regs: Default::default(),
            stdout: default_stdout(),
            stderr: Box::new(std::io::stderr()),
            handled: Vec::new(),
            argv: Vec::new(),
            search_path: Vec::new(),
            gc_enabled: true,
            stack_floor: Cell::new(0),
            open_files: RefCell::new(Vec::new()),
            frame_globals: Vec::new(),
            frames: Default::default(),
            caps: Capabilities::ALL,
            limits: Limits::default(),
            ticks_until_check: TICK_CHUNK,
            fuel_left: None,
            output_written: Rc::new(Cell::new(0)),
            limit_exc: Value::NONE,
        };
        interp.exc_types = exceptions::make_exception_types(&interp);
        interp.limit_exc = bare_class(
            "LimitExceeded",
            vec![interp.exc_type(ExcType::BaseException).clone()],
            Layout::Exception,
        );
        super::methods::install(&mut interp);
        super::builtins::install(&mut interp);
        interp.set_builtin("super", native("super", super::attr::super_builtin));
        interp.set_builtin("globals", native("globals", builtin_globals));
        interp.set_builtin("locals", native("locals", builtin_globals));
        interp
    }

    pub fn exc_type(&self, t: ExcType) -> &Value {
        &self.exc_types[t as usize]
    }

    /// A new exception of a built-in type with one message argument.
    pub fn err(&self, t: ExcType, msg: impl Into<String>) -> PyErr {
        let msg: String = msg.into();
        PyErr(exceptions::new_exception(
            self,
            self.exc_type(t),
            vec![Value::str(&msg)],
        ))
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(ExcType::TypeError, msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(ExcType::ValueError, msg)
    }

    /// Record the source of a file so tracebacks can quote its lines.
    pub fn add_source(&mut self, file: &str, source: &str) -> Rc<str> {
        let name: Rc<str> = Rc::from(file);
        self.sources.insert(name.clone(), Rc::from(source));
        name
    }

    pub fn builtin(&self, name: &str) -> Option<Value> {
        match self.builtins.as_obj() {
            Some(Obj::Dict(d)) => d.borrow().get_str(name).cloned(),
            _ => None,
        }
    }

    pub fn set_builtin(&self, name: &str, v: Value) {
        if let Some(Obj::Dict(d)) = self.builtins.as_obj() {
            let old = d.borrow_mut().set_str(name, v);
            drop(old);
        }
    }

    /// Enter a Python-level call: checks the recursion limit and the Rust
    /// stack headroom. Pair with `leave_call`.
    #[inline]
    pub fn enter_call(&mut self) -> PyResult<()> {
        if self.stack_exhausted() {
            return Err(self.recursion_error());
        }
        self.enter_call_in_place()
    }

    /// `enter_call` for a frame that uses no native stack (one the VM's
    /// dispatch loop runs in place): the recursion limit only.
    #[inline]
    pub fn enter_call_in_place(&mut self) -> PyResult<()> {
        if self.depth + 1 >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        self.depth += 1;
        Ok(())
    }

    #[cold]
    fn recursion_error(&self) -> PyErr {
        self.err(ExcType::RecursionError, "maximum recursion depth exceeded")
    }

    #[inline]
    pub fn leave_call(&mut self) {
        self.depth -= 1;
    }

    /// True when the native stack is nearly used up (deep nesting in
    /// expressions or native recursion such as repr of a deep list).
    #[inline]
    pub fn stack_exhausted(&self) -> bool {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        let floor = self.stack_floor.get();
        floor != 0 && here < floor
    }

    /// Count one unit of work (a statement or a loop iteration). Cheap on
    /// the fast path; every `TICK_CHUNK` ticks it checks fuel, the
    /// deadline, memory and output limits and Ctrl-C.
    #[inline]
    pub fn tick(&mut self) -> PyResult<()> {
        self.ticks_until_check -= 1;
        if self.ticks_until_check == 0 {
            return self.tick_slow();
        }
        Ok(())
    }

    #[cold]
    fn tick_slow(&mut self) -> PyResult<()> {
        match self.slow_checks() {
            None => Ok(()),
            Some(None) => Err(super::interrupt::raise(self)),
            Some(Some(kind)) => Err(self.limit_error(kind)),
        }
    }

    /// `tick_slow` for code that cannot raise where it runs (the JIT's
    /// pure functions, see `jit::translate::pure`): whether the run may go
    /// on. When it may not, nothing is consumed (a pending Ctrl-C stays
    /// pending) and the next `tick` checks again, so the caller can give up
    /// and redo its work on a path that raises.
    pub fn tick_may_go_on(&mut self) -> bool {
        let go_on = self.slow_checks().is_none();
        if !go_on {
            self.ticks_until_check = 1;
        }
        go_on
    }

    /// The slow conditions of `tick`, after starting a new chunk of ticks:
    /// `None` to go on, else what stops the run (`None` inside: Ctrl-C,
    /// which `interrupt::raise` turns into `KeyboardInterrupt`).
    fn slow_checks(&mut self) -> Option<Option<LimitKind>> {
        self.ticks_until_check = TICK_CHUNK;
        if super::interrupt::pending() {
            return Some(None);
        }
        if let Some(left) = self.fuel_left {
            if left == 0 {
                return Some(Some(LimitKind::Fuel));
            }
            let chunk = left.min(TICK_CHUNK);
            self.fuel_left = Some(left - chunk);
            self.ticks_until_check = chunk;
        }
        if let Some(d) = self.limits.deadline {
            if std::time::Instant::now() >= d {
                return Some(Some(LimitKind::Deadline));
            }
        }
        if self.memory_exceeded(0) {
            return Some(Some(LimitKind::Memory));
        }
        if let Some(max) = self.limits.output {
            if self.output_written.get() > max {
                return Some(Some(LimitKind::Output));
            }
        }
        None
    }

    /// Start counting fuel from the limits (before each run).
    pub fn reset_budget(&mut self) {
        self.fuel_left = self.limits.fuel;
        self.ticks_until_check = 1;
        self.output_written.set(0);
    }

    /// Fail if allocating `extra` more bytes would pass the memory limit.
    pub fn check_memory(&self, extra: usize) -> PyResult<()> {
        if self.memory_exceeded(extra) {
            return Err(self.limit_error(LimitKind::Memory));
        }
        Ok(())
    }

    fn memory_exceeded(&self, extra: usize) -> bool {
        self.limits
            .memory
            .is_some_and(|max| crate::alloc::allocated().saturating_add(extra) > max)
    }

    /// A limit error: an exception no `except` clause matches, so it always
    /// reaches the host.
    pub fn limit_error(&self, kind: LimitKind) -> PyErr {
        let msg = match kind {
            LimitKind::Fuel => "operation budget exhausted".to_string(),
            LimitKind::Deadline => "time limit exceeded".to_string(),
            LimitKind::Memory => format!(
                "memory limit of {} bytes exceeded",
                self.limits.memory.unwrap_or(0)
            ),
            LimitKind::Output => format!(
                "output limit of {} bytes exceeded",
                self.limits.output.unwrap_or(0)
            ),
        };
        PyErr(exceptions::new_exception(
            self,
            &self.limit_exc,
            vec![Value::str(kind.name()), Value::string(msg)],
        ))
    }

    /// The limit an exception stands for, if it is a limit error.
    pub fn limit_kind(&self, exc: &Value) -> Option<LimitKind> {
        if !self.type_of(exc).is(&self.limit_exc) {
            return None;
        }
        let args = exceptions::exc_args(exc);
        match args.first().and_then(|a| a.as_str()) {
            Some("fuel") => Some(LimitKind::Fuel),
            Some("deadline") => Some(LimitKind::Deadline),
            Some("memory") => Some(LimitKind::Memory),
            _ => Some(LimitKind::Output),
        }
    }

    /// Raise PermissionError unless the file system capability was granted.
    pub fn require_filesystem(&self) -> PyResult<()> {
        if self.caps.filesystem {
            Ok(())
        } else {
            Err(self.err(
                ExcType::PermissionError,
                "file system access is not permitted in this interpreter",
            ))
        }
    }

    /// Raise PermissionError unless the environment capability was granted.
    pub fn require_environment(&self) -> PyResult<()> {
        if self.caps.environment {
            Ok(())
        } else {
            Err(self.err(
                ExcType::PermissionError,
                "environment access is not permitted in this interpreter",
            ))
        }
    }

    /// Run pending `__del__` methods. Called by backends at safe points.
    #[inline]
    pub fn run_finalizers(&mut self) {
        if super::value::has_pending_finalizers() {
            self.run_pending_finalizers();
        }
    }

    #[cold]
    #[inline(never)]
    fn run_pending_finalizers(&mut self) {
        loop {
            let pending = super::value::take_pending_finalizers();
            if pending.is_empty() {
                break;
            }
            for obj in pending {
                self.finalize(obj);
            }
        }
    }

    fn finalize(&mut self, obj: Value) {
        if let Some(Obj::Generator(_)) = obj.as_obj() {
            let saved_handled = self.handled.len();
            if let Err(e) = super::iter::gen_close(self, &obj) {
                let text = exceptions::format_exception(self, &e.0);
                let _ = write!(self.stderr, "Exception ignored in: generator\n{text}");
            }
            self.handled.truncate(saved_handled);
            return;
        }
        let del = super::attr::lookup_special(self, &obj, "__del__");
        if let Some(del) = del {
            let saved_handled = self.handled.len();
            if let Err(e) = self.call(&del, &[], &[]) {
                let _ = writeln!(self.stderr, "Exception ignored in: __del__");
                let text = exceptions::format_exception(self, &e.0);
                let _ = write!(self.stderr, "{text}");
            }
            self.handled.truncate(saved_handled);
        }
        drop(obj);
    }

    pub fn flush_output(&mut self) {
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }
}

/// `globals()` (and, approximately, `locals()`): the running frame's globals.
fn builtin_globals(interp: &mut Interp, _args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    Ok(interp.frame_globals.last().cloned().unwrap_or(Value::NONE))
}

impl Default for Interp {
    fn default() -> Self {
        Interp::new()
    }
}

/// Line-buffered on a terminal (output appears as it is printed, as in
/// CPython), block-buffered into pipes and files (fast).
fn default_stdout() -> Sink {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        Box::new(std::io::LineWriter::new(std::io::stdout()))
    } else {
        Box::new(std::io::BufWriter::new(std::io::stdout()))
    }
}

/// A class before the interpreter exists (bootstrapping built-in types).
pub fn bare_class(name: &str, bases: Vec<Value>, layout: Layout) -> Value {
    let mut mro = Vec::new();
    for b in &bases {
        if !mro.iter().any(|m: &Value| m.is(b)) {
            mro.push(b.clone());
        }
        if let Some(Obj::Class(c)) = b.as_obj() {
            for m in &c.mro {
                if !mro.iter().any(|x: &Value| x.is(m)) {
                    mro.push(m.clone());
                }
            }
        }
    }
    let name: Name = Rc::from(name);
    super::object::classes_changed();
    Value::obj(Obj::Class(Box::new(Class {
        qualname: name.clone(),
        name,
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        layout,
        has_del: Cell::new(false),
        module: RefCell::new(Value::str("builtins")),
        immutable: true,
        native_new: Cell::new(None),
        specials: Default::default(),
    })))
}

/// A native function value.
pub fn native(name: &str, func: NativeFnPtr) -> Value {
    Value::obj(Obj::Native(NativeFn {
        name: Rc::from(name),
        func,
        binds_self: true,
    }))
}

/// Add a native method to a class.
pub fn add_method(class: &Value, name: &str, func: NativeFnPtr) {
    if let Some(Obj::Class(c)) = class.as_obj() {
        super::object::classes_changed();
        let old = c.dict.borrow_mut().set_str(name, native(name, func));
        drop(old);
    }
}

/// Set a class attribute.
pub fn set_class_attr(class: &Value, name: &str, v: Value) {
    if let Some(Obj::Class(c)) = class.as_obj() {
        super::object::classes_changed();
        let old = c.dict.borrow_mut().set_str(name, v);
        drop(old);
    }
}
