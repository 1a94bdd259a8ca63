//! File objects returned by `open()` (text mode, UTF-8), the standard
//! streams `sys.stdin`/`sys.stdout`/`sys.stderr`, and the `OSError`
//! family's construction from operating-system errors.
//!
//! A disk file keeps two small buffers, as CPython's buffered text layer
//! does: pending writes (flushed at 8 KiB, on `flush`, `seek`, `tell`, a
//! read, `close`, when the object is freed and at interpreter exit) and
//! read-ahead bytes (discarded on `seek` and on a write). Reads translate
//! `\r\n` and `\r` to `\n` (universal newlines); `tell()` is the byte offset.

use super::call::{check_arity, kwarg, only_kwargs};
use super::dict::Dict;
use super::exceptions::{self, ExcType};
use super::interp::{add_method, Interp};
use super::object::{Class, Layout, Obj};
use super::value::Value;
use super::{PyErr, PyResult};
use crate::syntax::ast::Name;
use std::cell::{Cell, RefCell};
use std::io::{Read, Seek, SeekFrom, Write};
use std::rc::Rc;

const WRITE_BUFFER: usize = 8192;
const READ_CHUNK: usize = 8192;

/// What a file object reads from and writes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Disk,
    Stdin,
    Stdout,
    Stderr,
}

pub struct FileObj {
    pub kind: FileKind,
    pub name: String,
    pub mode: String,
    pub encoding: String,
    file: Option<std::fs::File>,
    readable: bool,
    writable: bool,
    closed: bool,
    /// Bytes written but not yet passed to the operating system.
    wbuf: Vec<u8>,
    /// Bytes read ahead from the operating system; `rpos` is the next one.
    rbuf: Vec<u8>,
    rpos: usize,
    /// The OS reported end of file on the last fill.
    eof: bool,
}

impl FileObj {
    fn std(kind: FileKind) -> FileObj {
        let (name, mode) = match kind {
            FileKind::Stdin => ("<stdin>", "r"),
            FileKind::Stdout => ("<stdout>", "w"),
            _ => ("<stderr>", "w"),
        };
        FileObj {
            kind,
            name: name.into(),
            mode: mode.into(),
            encoding: "utf-8".into(),
            file: None,
            readable: kind == FileKind::Stdin,
            writable: kind != FileKind::Stdin,
            closed: false,
            wbuf: Vec::new(),
            rbuf: Vec::new(),
            rpos: 0,
            eof: false,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Pass pending writes to the operating system.
    pub fn flush_writes(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        if let Some(f) = self.file.as_mut() {
            f.write_all(&data)?;
        }
        Ok(())
    }

    /// Give back read-ahead bytes: move the OS position to the logical one.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-(unread as i64)))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        Ok(())
    }

    /// Read more bytes into the read buffer; returns how many arrived.
    fn fill(&mut self) -> std::io::Result<usize> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut chunk = [0u8; READ_CHUNK];
        let n = match self.kind {
            FileKind::Disk => match self.file.as_mut() {
                Some(f) => f.read(&mut chunk)?,
                None => 0,
            },
            FileKind::Stdin => {
                // Line at a time, so interactive input is not over-read.
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                self.rbuf.extend_from_slice(line.as_bytes());
                self.eof = line.is_empty();
                return Ok(line.len());
            }
            _ => 0,
        };
        self.rbuf.extend_from_slice(&chunk[..n]);
        self.eof = n == 0;
        Ok(n)
    }

    fn fill_all(&mut self) -> std::io::Result<()> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        match self.kind {
            FileKind::Disk => {
                if let Some(f) = self.file.as_mut() {
                    f.read_to_end(&mut self.rbuf)?;
                }
            }
            FileKind::Stdin => {
                std::io::stdin().read_to_end(&mut self.rbuf)?;
            }
            _ => {}
        }
        self.eof = true;
        Ok(())
    }

    /// Read text: at most `limit` characters (all when `None`), stopping
    /// after a newline when `line` is set.
    fn read_text(&mut self, limit: Option<usize>, line: bool) -> std::io::Result<String> {
        self.flush_writes()?;
        if limit.is_none() && !line {
            self.fill_all()?;
        }
        let mut out: Vec<u8> = Vec::new();
        let mut count = 0usize;
        loop {
            if let Some(n) = limit {
                if count >= n {
                    break;
                }
            }
            if self.rpos >= self.rbuf.len() && self.fill()? == 0 {
                break;
            }
            let b = self.rbuf[self.rpos];
            if b == b'\r' {
                if self.rpos + 1 >= self.rbuf.len() {
                    self.fill()?;
                }
                self.rpos += 1;
                if self.rpos < self.rbuf.len() && self.rbuf[self.rpos] == b'\n' {
                    self.rpos += 1;
                }
                out.push(b'\n');
                count += 1;
                if line {
                    break;
                }
                continue;
            }
            let clen = utf8_len(b);
            if self.rpos + clen > self.rbuf.len() && self.fill()? == 0 {
                // A truncated character at the end of the file.
                out.extend_from_slice(&self.rbuf[self.rpos..]);
                self.rpos = self.rbuf.len();
                break;
            }
            if self.rpos + clen > self.rbuf.len() {
                continue;
            }
            out.extend_from_slice(&self.rbuf[self.rpos..self.rpos + clen]);
            self.rpos += clen;
            count += 1;
            if line && b == b'\n' {
                break;
            }
        }
        Ok(match String::from_utf8(out) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })
    }

    fn write_bytes(&mut self, data: &[u8]) -> std::io::Result<()> {
        if !self.rbuf.is_empty() {
            self.drop_read_ahead()?;
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= WRITE_BUFFER {
            self.flush_writes()?;
        }
        Ok(())
    }

    fn tell(&mut self) -> std::io::Result<u64> {
        self.flush_writes()?;
        let unread = (self.rbuf.len() - self.rpos) as u64;
        match self.file.as_mut() {
            Some(f) => Ok(f.stream_position()? - unread),
            None => Ok(0),
        }
    }

    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.flush_writes()?;
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        match self.file.as_mut() {
            Some(f) => f.seek(pos),
            None => Ok(0),
        }
    }

    fn close(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.flush_writes();
        self.closed = true;
        self.file = None;
        self.rbuf = Vec::new();
        self.rpos = 0;
        r
    }
}

impl Drop for FileObj {
    fn drop(&mut self) {
        let _ = self.flush_writes();
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

// ---------------------------------------------------------------------------
// OSError and friends
// ---------------------------------------------------------------------------

/// The text of an errno, as C's `strerror` gives it.
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The OSError subclass CPython picks for an errno.
pub fn errno_exc_type(errno: i32) -> ExcType {
    match errno {
        2 => ExcType::FileNotFoundError,
        17 => ExcType::FileExistsError,
        1 | 13 => ExcType::PermissionError,
        20 => ExcType::NotADirectoryError,
        21 => ExcType::IsADirectoryError,
        _ => ExcType::OSError,
    }
}

/// `OSError(errno, strerror)` of the right subclass with `filename` (and
/// `filename2`) attributes, printing as `[Errno 2] No such file or
/// directory: 'x.txt'`.
pub fn errno_error(
    interp: &Interp,
    errno: i32,
    filename: Option<&str>,
    filename2: Option<&str>,
) -> PyErr {
    let cls = interp.exc_type(errno_exc_type(errno)).clone();
    let exc = exceptions::new_exception(
        interp,
        &cls,
        vec![Value::int(errno as i64), Value::string(strerror(errno))],
    );
    if let Some(Obj::Instance(inst)) = exc.as_obj() {
        let mut d = inst.dict.borrow_mut();
        if let Some(f) = filename {
            d.set_str("filename", Value::str(f));
        }
        if let Some(f) = filename2 {
            d.set_str("filename2", Value::str(f));
        }
    }
    PyErr(exc)
}

/// An `OSError` from a Rust I/O error, with the file name(s) involved.
pub fn os_error(
    interp: &Interp,
    err: &std::io::Error,
    filename: Option<&str>,
    filename2: Option<&str>,
) -> PyErr {
    match err.raw_os_error() {
        Some(errno) => errno_error(interp, errno, filename, filename2),
        None => interp.err(ExcType::OSError, err.to_string()),
    }
}

fn instance_attr(exc: &Value, name: &str) -> Option<Value> {
    match exc.as_obj() {
        Some(Obj::Instance(inst)) => inst
            .dict
            .borrow()
            .get_str(name)
            .filter(|v| !v.is_none())
            .cloned(),
        _ => None,
    }
}

/// `OSError.__init__`: with 2 to 5 arguments, `args` keeps the first two
/// (errno, strerror) and the third and fifth become `filename`/`filename2`.
fn oserror_init(_interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let this = &args[0];
    let rest = &args[1..];
    let kept = if (2..=5).contains(&rest.len()) {
        if let Some(Obj::Instance(inst)) = this.as_obj() {
            let mut d = inst.dict.borrow_mut();
            if let Some(f) = rest.get(2) {
                d.set_str("filename", f.clone());
            }
            if let Some(f) = rest.get(4) {
                d.set_str("filename2", f.clone());
            }
        }
        rest[..2].to_vec()
    } else {
        rest.to_vec()
    };
    if let Some(d) = exceptions::exc_data(this) {
        let old = std::mem::replace(&mut d.borrow_mut().args, Value::tuple(kept));
        drop(old);
    }
    Ok(Value::NONE)
}

/// `str(OSError)`: `[Errno N] strerror: 'filename'`.
fn oserror_str(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let this = &args[0];
    let a = exceptions::exc_args(this);
    let filename = instance_attr(this, "filename").or_else(|| a.get(2).cloned());
    let filename2 = instance_attr(this, "filename2");
    if a.len() >= 2 {
        let errno = interp.str_of(&a[0])?;
        let msg = interp.str_of(&a[1])?;
        let text = match (&filename, &filename2) {
            (Some(f), Some(f2)) => format!(
                "[Errno {errno}] {msg}: {} -> {}",
                interp.repr(f)?,
                interp.repr(f2)?
            ),
            (Some(f), None) => format!("[Errno {errno}] {msg}: {}", interp.repr(f)?),
            _ => format!("[Errno {errno}] {msg}"),
        };
        return Ok(Value::string(text));
    }
    match a.len() {
        0 => Ok(Value::str("")),
        1 => Ok(Value::string(interp.str_of(&a[0])?)),
        _ => Ok(Value::string(interp.repr(&Value::tuple(a))?)),
    }
}

/// `io.UnsupportedOperation`, a subclass of both OSError and ValueError.
pub fn make_unsupported_operation(interp: &Interp) -> Value {
    let os = interp.exc_type(ExcType::OSError).clone();
    let ve = interp.exc_type(ExcType::ValueError).clone();
    let mut mro = vec![os.clone(), ve.clone()];
    for name in [ExcType::Exception, ExcType::BaseException] {
        mro.push(interp.exc_type(name).clone());
    }
    mro.push(interp.types.object.clone());
    let name: Name = Rc::from("UnsupportedOperation");
    super::object::classes_changed();
    Value::obj(Obj::Class(Box::new(Class {
        qualname: name.clone(),
        name,
        bases: vec![os, ve],
        mro,
        dict: RefCell::new(Dict::new()),
        layout: Layout::Exception,
        has_del: Cell::new(false),
        module: RefCell::new(Value::str("io")),
        immutable: false,
        native_new: Cell::new(None),
        specials: Default::default(),
    })))
}

fn unsupported(interp: &mut Interp, msg: &str) -> PyErr {
    let cls = super::modules::builtin_module(interp, "io")
        .and_then(|m| match m.as_obj() {
            Some(Obj::Module(m)) => match m.dict.as_obj() {
                Some(Obj::Dict(d)) => d.borrow().get_str("UnsupportedOperation").cloned(),
                _ => None,
            },
            _ => None,
        })
        .unwrap_or_else(|| interp.exc_type(ExcType::OSError).clone());
    PyErr(exceptions::new_exception(
        interp,
        &cls,
        vec![Value::str(msg)],
    ))
}

fn closed_error(interp: &Interp) -> PyErr {
    interp.value_error("I/O operation on closed file.")
}

// ---------------------------------------------------------------------------
// open() and the file methods
// ---------------------------------------------------------------------------

struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
}

fn parse_mode(interp: &Interp, mode: &str) -> PyResult<Mode> {
    let invalid = || interp.value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    let mut m = Mode {
        read: false,
        write: false,
        append: false,
        create: false,
        plus: false,
    };
    let (mut text, mut binary) = (false, false);
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
        match c {
            'r' => m.read = true,
            'w' => m.write = true,
            'a' => m.append = true,
            'x' => m.create = true,
            '+' => m.plus = true,
            't' => text = true,
            _ => binary = true,
        }
    }
    if text && binary {
        return Err(interp.value_error("can't have text and binary mode at once"));
    }
    let n = [m.read, m.write, m.append, m.create]
        .iter()
        .filter(|b| **b)
        .count();
    if n > 1 {
        return Err(interp.value_error("must have exactly one of create/read/write/append mode"));
    }
    if n == 0 {
        return Err(interp.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`
pub fn open(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    interp.require_filesystem()?;
    const NAMES: [&str; 7] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
    ];
    only_kwargs(interp, "open", kw, &NAMES)?;
    if args.len() > NAMES.len() {
        return Err(interp.type_error(format!(
            "open() takes at most 7 arguments ({} given)",
            args.len()
        )));
    }
    let arg = |i: usize| args.get(i).or_else(|| kwarg(kw, NAMES[i])).cloned();
    let Some(file) = arg(0) else {
        return Err(interp.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let Some(path) = file.as_str().map(str::to_string) else {
        return Err(interp.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            interp.type_name(&file)
        )));
    };
    let mode_text = match arg(1) {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    interp.type_name(&m)
                )))
            }
        },
    };
    let encoding = match arg(3) {
        None => "UTF-8".to_string(),
        Some(e) if e.is_none() => "UTF-8".to_string(),
        Some(e) => match e.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "open() argument 'encoding' must be str or None, not {}",
                    interp.type_name(&e)
                )))
            }
        },
    };
    let m = parse_mode(interp, &mode_text)?;
    let mut opts = std::fs::OpenOptions::new();
    let readable = m.read || m.plus;
    let writable = m.write || m.append || m.create || m.plus;
    opts.read(readable);
    if m.write {
        opts.write(true).create(true).truncate(true);
    } else if m.append {
        opts.append(true).create(true);
    } else if m.create {
        opts.write(true).create_new(true);
    } else if m.plus {
        opts.write(true);
    }
    let mut f = match opts.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(interp, &e, Some(&path), None)),
    };
    if let Ok(meta) = f.metadata() {
        if meta.is_dir() {
            return Err(errno_error(interp, 21, Some(&path), None));
        }
    }
    if m.append {
        if let Err(e) = f.seek(SeekFrom::End(0)) {
            return Err(os_error(interp, &e, Some(&path), None));
        }
    }
    let obj = FileObj {
        kind: FileKind::Disk,
        name: path,
        mode: mode_text,
        encoding,
        file: Some(f),
        readable,
        writable,
        closed: false,
        wbuf: Vec::new(),
        rbuf: Vec::new(),
        rpos: 0,
        eof: false,
    };
    let v = Value::obj(Obj::File(Box::new(RefCell::new(obj))));
    if let Some(rc) = v.as_rc() {
        let mut files = interp.open_files.borrow_mut();
        if files.len() >= 64 {
            files.retain(|w| w.strong_count() > 0);
        }
        files.push(Rc::downgrade(&rc));
    }
    Ok(v)
}

/// A standard stream object (`sys.stdin`, `sys.stdout`, `sys.stderr`).
pub fn std_stream(kind: FileKind) -> Value {
    Value::obj(Obj::File(Box::new(RefCell::new(FileObj::std(kind)))))
}

/// The kind of a file object, if `v` is one.
pub fn file_kind(v: &Value) -> Option<FileKind> {
    match v.as_obj() {
        Some(Obj::File(f)) => Some(f.borrow().kind),
        _ => None,
    }
}

fn cell(v: &Value) -> &RefCell<FileObj> {
    match v.as_obj() {
        Some(Obj::File(f)) => f,
        _ => panic!("file method on a non-file"),
    }
}

/// The receiver of a file method, checked.
fn this<'a>(interp: &Interp, args: &'a [Value], name: &str) -> PyResult<&'a RefCell<FileObj>> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(Obj::File(f)) => Ok(f),
        _ => Err(interp.type_error(format!(
            "descriptor '{name}' requires a '_io.TextIOWrapper' object"
        ))),
    }
}

fn check_readable(interp: &mut Interp, f: &RefCell<FileObj>) -> PyResult<()> {
    let (closed, readable) = {
        let f = f.borrow();
        (f.closed, f.readable)
    };
    if closed {
        return Err(closed_error(interp));
    }
    if !readable {
        return Err(unsupported(interp, "not readable"));
    }
    Ok(())
}

fn check_writable(interp: &mut Interp, f: &RefCell<FileObj>) -> PyResult<()> {
    let (closed, writable) = {
        let f = f.borrow();
        (f.closed, f.writable)
    };
    if closed {
        return Err(closed_error(interp));
    }
    if !writable {
        return Err(unsupported(interp, "not writable"));
    }
    Ok(())
}

fn check_open(interp: &Interp, f: &RefCell<FileObj>) -> PyResult<()> {
    if f.borrow().closed {
        return Err(closed_error(interp));
    }
    Ok(())
}

fn io_err(interp: &Interp, f: &RefCell<FileObj>, e: std::io::Error) -> PyErr {
    let name = f.borrow().name.clone();
    os_error(interp, &e, Some(&name), None)
}

/// Write text to a file object (used by `print(file=...)` too); returns
/// the number of characters written.
pub fn write_to(interp: &mut Interp, v: &Value, s: &str) -> PyResult<usize> {
    let f = cell(v);
    check_writable(interp, f)?;
    let kind = f.borrow().kind;
    match kind {
        FileKind::Stdout => {
            let _ = interp.stdout.write_all(s.as_bytes());
        }
        FileKind::Stderr => {
            let _ = interp.stdout.flush();
            let _ = interp.stderr.write_all(s.as_bytes());
        }
        _ => {
            let r = f.borrow_mut().write_bytes(s.as_bytes());
            if let Err(e) = r {
                return Err(io_err(interp, f, e));
            }
        }
    }
    Ok(s.chars().count())
}

/// Flush a file object's pending writes (`print(..., flush=True)`).
pub fn flush(interp: &mut Interp, v: &Value) -> PyResult<()> {
    let f = cell(v);
    check_open(interp, f)?;
    let kind = f.borrow().kind;
    match kind {
        FileKind::Stdout => {
            let _ = interp.stdout.flush();
        }
        FileKind::Stderr => {
            let _ = interp.stderr.flush();
        }
        _ => {
            let r = f.borrow_mut().flush_writes();
            if let Err(e) = r {
                return Err(io_err(interp, f, e));
            }
        }
    }
    Ok(())
}

fn readline_of(
    interp: &mut Interp,
    f: &RefCell<FileObj>,
    limit: Option<usize>,
) -> PyResult<String> {
    check_readable(interp, f)?;
    let r = f.borrow_mut().read_text(limit, true);
    r.map_err(|e| io_err(interp, f, e))
}

fn size_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            let n = super::builtins::index_i64(interp, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn m_read(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "read")?;
    only_kwargs(interp, "read", kw, &["size"])?;
    check_arity(interp, "read", &args[1..], 0, 1)?;
    let n = size_arg(interp, args.get(1).or_else(|| kwarg(kw, "size")))?;
    check_readable(interp, f)?;
    let r = f.borrow_mut().read_text(n, false);
    match r {
        Ok(s) => Ok(Value::string(s)),
        Err(e) => Err(io_err(interp, f, e)),
    }
}

fn m_readline(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "readline")?;
    only_kwargs(interp, "readline", kw, &["size"])?;
    check_arity(interp, "readline", &args[1..], 0, 1)?;
    let n = size_arg(interp, args.get(1).or_else(|| kwarg(kw, "size")))?;
    Ok(Value::string(readline_of(interp, f, n)?))
}

fn m_readlines(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "readlines")?;
    only_kwargs(interp, "readlines", kw, &["hint"])?;
    check_arity(interp, "readlines", &args[1..], 0, 1)?;
    let hint = size_arg(interp, args.get(1).or_else(|| kwarg(kw, "hint")))?;
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let line = readline_of(interp, f, None)?;
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        out.push(Value::string(line));
        if let Some(h) = hint {
            if h > 0 && total >= h {
                break;
            }
        }
    }
    Ok(Value::list(out))
}

fn m_write(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    this(interp, args, "write")?;
    super::call::no_kwargs(interp, "write", kw)?;
    check_arity(interp, "write", &args[1..], 1, 1)?;
    let Some(s) = args[1].as_str() else {
        check_open(interp, cell(&args[0]))?;
        return Err(interp.type_error(format!(
            "write() argument must be str, not {}",
            interp.type_name(&args[1])
        )));
    };
    let n = write_to(interp, &args[0], s)?;
    Ok(Value::int(n as i64))
}

fn m_writelines(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "writelines")?;
    super::call::no_kwargs(interp, "writelines", kw)?;
    check_arity(interp, "writelines", &args[1..], 1, 1)?;
    check_open(interp, f)?;
    let it = interp.iter(&args[1])?;
    while let Some(line) = interp.next(&it)? {
        let Some(s) = line.as_str() else {
            return Err(interp.type_error(format!(
                "write() argument must be str, not {}",
                interp.type_name(&line)
            )));
        };
        write_to(interp, &args[0], s)?;
    }
    Ok(Value::NONE)
}

fn m_seek(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "seek")?;
    super::call::no_kwargs(interp, "seek", kw)?;
    check_arity(interp, "seek", &args[1..], 1, 2)?;
    check_open(interp, f)?;
    let offset = super::builtins::index_i64(interp, &args[1])?;
    let whence = match args.get(2) {
        Some(w) => super::builtins::index_i64(interp, w)?,
        None => 0,
    };
    let pos = match whence {
        0 => {
            if offset < 0 {
                return Err(interp.value_error(format!("negative seek position {offset}")));
            }
            SeekFrom::Start(offset as u64)
        }
        1 => {
            if offset != 0 {
                return Err(unsupported(interp, "can't do nonzero cur-relative seeks"));
            }
            let r = f.borrow_mut().tell();
            match r {
                Ok(p) => SeekFrom::Start(p),
                Err(e) => return Err(io_err(interp, f, e)),
            }
        }
        2 => {
            if offset != 0 {
                return Err(unsupported(interp, "can't do nonzero end-relative seeks"));
            }
            SeekFrom::End(0)
        }
        _ => {
            return Err(
                interp.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
            )
        }
    };
    if f.borrow().kind != FileKind::Disk {
        return Err(unsupported(interp, "underlying stream is not seekable"));
    }
    let r = f.borrow_mut().seek(pos);
    match r {
        Ok(p) => Ok(Value::int(p as i64)),
        Err(e) => Err(io_err(interp, f, e)),
    }
}

fn m_tell(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "tell")?;
    super::call::no_kwargs(interp, "tell", kw)?;
    check_arity(interp, "tell", &args[1..], 0, 0)?;
    check_open(interp, f)?;
    if f.borrow().kind != FileKind::Disk {
        return Err(unsupported(interp, "underlying stream is not seekable"));
    }
    let r = f.borrow_mut().tell();
    match r {
        Ok(p) => Ok(Value::int(p as i64)),
        Err(e) => Err(io_err(interp, f, e)),
    }
}

fn m_truncate(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "truncate")?;
    super::call::no_kwargs(interp, "truncate", kw)?;
    check_arity(interp, "truncate", &args[1..], 0, 1)?;
    check_writable(interp, f)?;
    let size = match args.get(1) {
        Some(v) if !v.is_none() => Some(super::builtins::index_i64(interp, v)?),
        _ => None,
    };
    let r = (|| -> std::io::Result<u64> {
        let mut fo = f.borrow_mut();
        fo.flush_writes()?;
        let pos = fo.tell()?;
        let size = size.map(|s| s.max(0) as u64).unwrap_or(pos);
        fo.drop_read_ahead()?;
        if let Some(file) = fo.file.as_mut() {
            file.set_len(size)?;
        }
        Ok(size)
    })();
    match r {
        Ok(n) => Ok(Value::int(n as i64)),
        Err(e) => Err(io_err(interp, f, e)),
    }
}

fn m_flush(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    this(interp, args, "flush")?;
    super::call::no_kwargs(interp, "flush", kw)?;
    check_arity(interp, "flush", &args[1..], 0, 0)?;
    flush(interp, &args[0])?;
    Ok(Value::NONE)
}

fn m_close(interp: &mut Interp, args: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "close")?;
    super::call::no_kwargs(interp, "close", kw)?;
    check_arity(interp, "close", &args[1..], 0, 0)?;
    let kind = f.borrow().kind;
    if kind == FileKind::Stdout {
        let _ = interp.stdout.flush();
    }
    let r = f.borrow_mut().close();
    match r {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(io_err(interp, f, e)),
    }
}

fn m_enter(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "__enter__")?;
    check_open(interp, f)?;
    Ok(args[0].clone())
}

fn m_exit(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    m_close(interp, &args[..1], &[])?;
    Ok(Value::NONE)
}

fn m_iter(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "__iter__")?;
    check_open(interp, f)?;
    Ok(args[0].clone())
}

fn m_next(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    this(interp, args, "__next__")?;
    match file_next(interp, &args[0])? {
        Some(v) => Ok(v),
        None => Err(exceptions::stop_iteration(interp, Value::NONE)),
    }
}

fn m_readable(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "readable")?;
    check_open(interp, f)?;
    let r = f.borrow().readable;
    Ok(Value::bool(r))
}

fn m_writable(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "writable")?;
    check_open(interp, f)?;
    let w = f.borrow().writable;
    Ok(Value::bool(w))
}

fn m_seekable(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "seekable")?;
    check_open(interp, f)?;
    let s = f.borrow().kind == FileKind::Disk;
    Ok(Value::bool(s))
}

fn m_isatty(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "isatty")?;
    check_open(interp, f)?;
    Ok(Value::FALSE)
}

fn m_fileno(interp: &mut Interp, args: &[Value], _kw: &[(Name, Value)]) -> PyResult<Value> {
    let f = this(interp, args, "fileno")?;
    check_open(interp, f)?;
    let fd = {
        let fo = f.borrow();
        match fo.kind {
            FileKind::Stdin => 0,
            FileKind::Stdout => 1,
            FileKind::Stderr => 2,
            FileKind::Disk => {
                use std::os::unix::io::AsRawFd;
                fo.file.as_ref().map(|f| f.as_raw_fd() as i64).unwrap_or(-1)
            }
        }
    };
    Ok(Value::int(fd))
}

/// Register the file methods on the file class and OSError's `__str__`.
pub fn install(interp: &mut Interp) {
    let cls = interp.types.file.clone();
    if let Some(Obj::Class(c)) = cls.as_obj() {
        *c.module.borrow_mut() = Value::str("_io");
    }
    let methods: [(&str, super::object::NativeFnPtr); 19] = [
        ("read", m_read),
        ("readline", m_readline),
        ("readlines", m_readlines),
        ("write", m_write),
        ("writelines", m_writelines),
        ("seek", m_seek),
        ("tell", m_tell),
        ("truncate", m_truncate),
        ("flush", m_flush),
        ("close", m_close),
        ("__enter__", m_enter),
        ("__exit__", m_exit),
        ("__iter__", m_iter),
        ("__next__", m_next),
        ("readable", m_readable),
        ("writable", m_writable),
        ("seekable", m_seekable),
        ("isatty", m_isatty),
        ("fileno", m_fileno),
    ];
    for (name, f) in methods {
        add_method(&cls, name, f);
    }
    let os = interp.exc_type(ExcType::OSError).clone();
    add_method(&os, "__init__", oserror_init);
    add_method(&os, "__str__", oserror_str);
}

/// Data attributes of file objects: `closed`, `name`, `mode`, `encoding`.
pub fn file_attr(_interp: &mut Interp, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Obj::File(f)) = obj.as_obj() else {
        return Ok(None);
    };
    let f = f.borrow();
    Ok(match name {
        "closed" => Some(Value::bool(f.closed)),
        "name" => Some(Value::str(&f.name)),
        "mode" => Some(Value::str(&f.mode)),
        "encoding" => Some(Value::str(&f.encoding)),
        "errors" => Some(Value::str("strict")),
        "line_buffering" => Some(Value::FALSE),
        "newlines" => Some(Value::NONE),
        _ => None,
    })
}

/// The next line of a file being iterated (`None` at the end).
pub fn file_next(interp: &mut Interp, it: &Value) -> PyResult<Option<Value>> {
    let f = cell(it);
    let line = readline_of(interp, f, None)?;
    if line.is_empty() {
        Ok(None)
    } else {
        Ok(Some(Value::string(line)))
    }
}

/// `<_io.TextIOWrapper name='x.txt' mode='w' encoding='UTF-8'>`
pub fn file_repr(_interp: &mut Interp, v: &Value) -> PyResult<String> {
    let f = cell(v).borrow();
    Ok(format!(
        "<_io.TextIOWrapper name={} mode={} encoding={}>",
        super::format::str_repr(&f.name),
        super::format::str_repr(&f.mode),
        super::format::str_repr(&f.encoding)
    ))
}

/// Flush every open file's pending writes and the interpreter's output
/// streams; the embedding calls this at exit.
pub fn flush_all(interp: &mut Interp) {
    let files: Vec<Rc<Obj>> = interp
        .open_files
        .borrow()
        .iter()
        .filter_map(|w| w.upgrade())
        .collect();
    for rc in &files {
        if let Obj::File(f) = &**rc {
            if let Ok(mut f) = f.try_borrow_mut() {
                let _ = f.flush_writes();
            }
        }
    }
    drop(files);
    interp.flush_output();
}
