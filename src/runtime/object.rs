//! The heap object model: every kind of object a `Value` can point to.
//!
//! One enum rather than trait objects: matching on the kind is what every
//! operator does first, and it keeps the cycle collector's traversal in one
//! place (`Obj::for_each_ref`).

use super::dict::Dict;
use super::set::PySet;
use super::value::Value;
use super::Interp;
use super::PyResult;
use crate::syntax::ast::Name;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How many items a tuple holds in the object itself. Every `Obj` is as
/// large as its largest variant (an instance), so small tuples (pairs,
/// keys, argument tuples: nearly all of them) fit there for free and cost
/// one allocation instead of two. (`obj_stays_small` checks the size.)
pub const TUPLE_INLINE: usize = 12;

/// A tuple's items: inline up to `TUPLE_INLINE`, else on the heap.
pub type TupleItems = smallvec::SmallVec<[Value; TUPLE_INLINE]>;

#[repr(u32)]
pub enum Obj {
    /// Only ints that do not fit the unboxed 48-bit form.
    Int(BigInt),
    Str(PyStr),
    List(RefCell<Vec<Value>>),
    Tuple(TupleItems),
    Dict(RefCell<Dict>),
    Set(RefCell<PySet>),
    FrozenSet(PySet),
    Range(Range),
    Slice(Box<[Value; 3]>),
    /// Boxed, like the other large variants, so that every object (most
    /// are strs, tuples, lists, instances) is not as large as a function.
    Function(Box<Function>),
    Native(NativeFn),
    /// A native function with state: a Rust closure registered by a host.
    Closure(ClosureFn),
    /// A function bound to its first argument (`obj.method`).
    BoundMethod(Value, Value),
    Class(Box<Class>),
    Instance(Instance),
    Module(Module),
    Generator(Generator),
    Iter(RefCell<IterState>),
    /// A closure cell shared between a function and its inner functions.
    Cell(RefCell<Value>),
    Property(Box<[Value; 3]>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super()`: (the class to start after, the bound object)
    Super(Value, Value),
    File(Box<RefCell<super::file::FileObj>>),
}

pub struct PyStr {
    /// The text; short text is kept inline (see `str_text`).
    pub s: super::str_text::StrText,
    /// Number of code points; equals the byte length for ASCII text, which
    /// makes indexing O(1) in the common case.
    pub chars: usize,
    /// The hash once computed, else `NO_HASH` (no str hashes to -1, as in
    /// CPython: a plain word keeps the object within its size).
    pub hash: Cell<i64>,
}

/// `PyStr::hash` before the hash is computed.
pub const NO_HASH: i64 = -1;

impl PyStr {
    pub fn new(s: impl Into<super::str_text::StrText>) -> PyStr {
        let s = s.into();
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            chars,
            hash: Cell::new(NO_HASH),
        }
    }
    /// A str of text known to be ASCII (a slice or case mapping of ASCII
    /// text): `new` without its scan of the bytes.
    #[inline]
    pub fn ascii(s: super::str_text::StrText) -> PyStr {
        debug_assert!(s.is_ascii());
        PyStr {
            chars: s.len(),
            s,
            hash: Cell::new(NO_HASH),
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// The number of values: the span between the bounds, taken in `u64`
    /// (it cannot overflow there, as `stop - start` can in `i64`), over
    /// the step's size; a length beyond `i64` is capped.
    pub fn len(&self) -> i64 {
        let (lo, hi) = if self.step > 0 {
            (self.start, self.stop)
        } else {
            (self.stop, self.start)
        };
        if lo >= hi || self.step == 0 {
            return 0;
        }
        let n = (hi.abs_diff(lo) - 1) / self.step.unsigned_abs() + 1;
        n.min(i64::MAX as u64) as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// Parameter layout shared by every backend; `bind_arguments` fills slots
/// in this order: positional params, keyword-only params, `*args`, `**kwargs`.
#[derive(Debug, Default)]
pub struct Signature {
    pub params: Vec<Name>,
    pub posonly: usize,
    pub npositional: usize,
    pub nkwonly: usize,
    pub vararg: Option<Name>,
    pub kwarg: Option<Name>,
}

impl Signature {
    pub fn nslots(&self) -> usize {
        self.params.len() + self.vararg.is_some() as usize + self.kwarg.is_some() as usize
    }
}

/// What a backend runs when the function is called.
#[derive(Clone)]
pub enum Code {
    Tree(Rc<crate::tree::TreeCode>),
    Bytecode(Rc<crate::bytecode::CodeObject>),
}

pub struct Function {
    /// How many positional arguments a call may pass that bind one to one
    /// to the parameters with no `bind_arguments` (a bytecode function
    /// with simple parameters, not a generator); `NO_FAST_ARITY` for other
    /// functions. Kept here, first, so the backends' call check reads the
    /// function and not its code object.
    pub fast_arity: u32,
    pub name: Name,
    pub qualname: Rc<str>,
    pub sig: Rc<Signature>,
    pub code: Code,
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by parameter name.
    pub kwdefaults: Vec<(Name, Value)>,
    /// Cells captured from enclosing functions, in the code's free-var order.
    pub closure: Vec<Value>,
    /// The module's globals dict.
    pub globals: Value,
    pub module: Value,
    pub is_generator: bool,
    /// `func.attr = …` and `__doc__`; created on first use.
    pub attrs: RefCell<Option<Dict>>,
}

/// `Function::fast_arity` of a function every call of which binds its
/// arguments in full.
pub const NO_FAST_ARITY: u32 = u32::MAX;

pub type NativeFnPtr = fn(&mut Interp, &[Value], &[(Name, Value)]) -> PyResult<Value>;

/// The body of a host-registered function.
pub type NativeClosure = Rc<dyn Fn(&mut Interp, &[Value], &[(Name, Value)]) -> PyResult<Value>>;

pub struct ClosureFn {
    pub name: Rc<str>,
    pub func: NativeClosure,
}

pub struct NativeFn {
    pub name: Rc<str>,
    pub func: NativeFnPtr,
    /// For module functions, the module they belong to (for repr only).
    pub binds_self: bool,
}

/// What instances of a class are made of, for classes built into the runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain user objects: an `Instance` with a `__dict__`.
    Object,
    /// `BaseException` and subclasses: an `Instance` with exception data.
    Exception,
    /// A built-in type whose instances are some other `Obj` kind (or unboxed).
    Builtin,
}

thread_local! {
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// A counter that changes whenever a class is created or any class's
/// namespace changes (CPython's type version tags, coarsened): a backend
/// may cache what an attribute lookup on a class found, keyed by the class
/// and this epoch.
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}

/// Invalidate cached class attribute lookups (see `class_epoch`).
#[inline]
pub fn classes_changed() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

pub struct Class {
    pub name: Name,
    pub qualname: Rc<str>,
    pub bases: Vec<Value>,
    /// Method resolution order, excluding the class itself (which would be a
    /// reference cycle).
    pub mro: Vec<Value>,
    pub dict: RefCell<Dict>,
    pub layout: Layout,
    /// Whether the class (or a base) defines `__del__`; checked on every
    /// last-reference release of an instance.
    pub has_del: Cell<bool>,
    pub module: RefCell<Value>,
    /// A built-in type: setting or deleting its attributes is a
    /// `TypeError`, as in CPython (so what a built-in method lookup finds
    /// never changes).
    pub immutable: bool,
    /// A built-in type's native `__new__` (`str`, `int`, `list`, …), so a
    /// call of the type skips looking it up (built-in
    /// types are immutable, so it cannot go stale). Set where the
    /// built-in constructors are installed.
    pub native_new: Cell<Option<NativeFnPtr>>,
    /// What `attr::lookup_class_special` last found for each `Special` method,
    /// with the class epoch it found it at.
    pub specials: super::attr::SpecialCache,
}

pub struct Instance {
    pub class: Value,
    pub dict: RefCell<Dict>,
    /// Exception state, boxed: only exception instances have it.
    pub exc: Option<Box<RefCell<ExcData>>>,
    /// Set once `__del__` has been scheduled, so it runs only once.
    pub finalized: Cell<bool>,
}

#[derive(Clone, Debug)]
pub struct TraceEntry {
    pub file: Rc<str>,
    pub line: u32,
    pub func: Rc<str>,
    /// Call depth of the frame, so a frame that catches and re-raises is
    /// listed once.
    pub depth: u32,
}

pub struct ExcData {
    pub args: Value,
    /// Innermost frame first (the order frames are unwound).
    pub traceback: Vec<TraceEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

pub struct Module {
    pub name: Name,
    pub dict: Value,
}

/// The state machine of a generator is backend specific.
pub trait GenBody {
    /// Resume with a value sent in (or an exception thrown in).
    fn resume(&mut self, interp: &mut Interp, input: Resume) -> PyResult<GenStep>;
    /// References held by the suspended frame, for the cycle collector.
    fn for_each_ref(&self, f: &mut dyn FnMut(&Value));
    /// Drop the frame's references (cycle collector clearing).
    fn clear(&mut self);
}

pub enum Resume {
    Send(Value),
    Throw(Value),
}

pub enum GenStep {
    Yield(Value),
    Return(Value),
}

pub struct Generator {
    pub name: Name,
    pub qualname: Rc<str>,
    pub running: Cell<bool>,
    pub finished: Cell<bool>,
    pub started: Cell<bool>,
    /// Set once `close()` has been scheduled for a dropped generator.
    pub finalized: Cell<bool>,
    pub body: RefCell<Option<Box<dyn GenBody>>>,
}

pub enum IterState {
    /// Index-based iteration over a list or tuple (sees appends, like CPython).
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    Str {
        s: Value,
        byte_pos: usize,
    },
    DictKeys {
        dict: Value,
        index: usize,
        len: usize,
    },
    DictValues {
        dict: Value,
        index: usize,
        len: usize,
    },
    DictItems {
        dict: Value,
        index: usize,
        len: usize,
    },
    Set {
        set: Value,
        index: usize,
        len: usize,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip(Vec<Value>),
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`
    CallIter {
        func: Value,
        sentinel: Value,
    },
    /// An object with `__getitem__` but no `__iter__`.
    GetItem {
        obj: Value,
        index: i64,
    },
    Exhausted,
}

impl Obj {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Obj::Int(_) => "int",
            Obj::Str(_) => "str",
            Obj::List(_) => "list",
            Obj::Tuple(_) => "tuple",
            Obj::Dict(_) => "dict",
            Obj::Set(_) => "set",
            Obj::FrozenSet(_) => "frozenset",
            Obj::Range(_) => "range",
            Obj::Slice(_) => "slice",
            Obj::Function(_) => "function",
            Obj::Native(_) | Obj::Closure(_) => "builtin_function_or_method",
            Obj::BoundMethod(..) => "method",
            Obj::Class(_) => "type",
            Obj::Instance(_) => "instance",
            Obj::Module(_) => "module",
            Obj::Generator(_) => "generator",
            Obj::Iter(_) => "iterator",
            Obj::Cell(_) => "cell",
            Obj::Property(_) => "property",
            Obj::StaticMethod(_) => "staticmethod",
            Obj::ClassMethod(_) => "classmethod",
            Obj::Super(..) => "super",
            Obj::File(_) => "file",
        }
    }

    /// Objects that can be part of a reference cycle and so must be known
    /// to the cycle collector.
    pub fn is_gc_container(&self) -> bool {
        if let Obj::Tuple(items) = self {
            // A tuple of atomic values (numbers, strings, None, ...) and
            // untracked tuples can never be part of a cycle: tuples are
            // immutable, so everything it reaches is atomic. Like CPython,
            // the collector need not track it; such tuples are most of the
            // ones programs make (argument tuples, keys, trees of tuples).
            return items.iter().any(|v| match v.as_obj() {
                Some(Obj::Tuple(_)) => v.is_gc_tracked(),
                Some(o) => o.may_hold_references(),
                None => false,
            });
        }
        self.may_hold_references()
    }

    /// Can this object refer to other objects (so be part of a cycle)?
    /// Tuples count, whatever they hold (checking their items would
    /// recurse).
    pub fn may_hold_references(&self) -> bool {
        matches!(
            self,
            Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Dict(_)
                | Obj::Set(_)
                | Obj::Function(_)
                | Obj::BoundMethod(..)
                | Obj::Class(_)
                | Obj::Instance(_)
                | Obj::Generator(_)
                | Obj::Iter(_)
                | Obj::Cell(_)
                | Obj::Property(_)
                | Obj::Module(_)
        )
    }

    /// On the last release: does this object need `__del__` run first?
    /// Marks it so the finalizer is scheduled only once.
    pub fn wants_finalizer(&self) -> bool {
        if let Obj::Generator(g) = self {
            // A suspended generator is closed (its `finally` blocks run).
            if g.started.get() && !g.finished.get() && !g.finalized.get() {
                g.finalized.set(true);
                return true;
            }
            return false;
        }
        if let Obj::Instance(inst) = self {
            if inst.finalized.get() {
                return false;
            }
            if let Some(Obj::Class(c)) = inst.class.as_obj() {
                if c.has_del.get() {
                    inst.finalized.set(true);
                    return true;
                }
            }
        }
        false
    }

    /// Visit every reference this object holds (for the cycle collector).
    /// Borrows that fail (an object being mutated right now) are skipped,
    /// which only makes the collector more conservative.
    pub fn for_each_ref(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            Obj::List(l) => {
                if let Ok(l) = l.try_borrow() {
                    l.iter().for_each(f)
                }
            }
            Obj::Tuple(t) => t.iter().for_each(f),
            Obj::Dict(d) => {
                if let Ok(d) = d.try_borrow() {
                    d.for_each_ref(f)
                }
            }
            Obj::Set(s) => {
                if let Ok(s) = s.try_borrow() {
                    s.for_each_ref(f)
                }
            }
            Obj::Function(func) => {
                func.defaults.iter().for_each(&mut *f);
                func.kwdefaults.iter().for_each(|(_, v)| f(v));
                func.closure.iter().for_each(&mut *f);
                f(&func.globals);
                if let Ok(a) = func.attrs.try_borrow() {
                    if let Some(d) = a.as_ref() {
                        d.for_each_ref(f)
                    }
                }
            }
            Obj::BoundMethod(a, b) => {
                f(a);
                f(b)
            }
            Obj::Class(c) => {
                c.bases.iter().for_each(&mut *f);
                c.mro.iter().for_each(&mut *f);
                if let Ok(d) = c.dict.try_borrow() {
                    d.for_each_ref(f)
                }
            }
            Obj::Instance(i) => {
                f(&i.class);
                if let Ok(d) = i.dict.try_borrow() {
                    d.for_each_ref(f)
                }
                if let Some(e) = &i.exc {
                    if let Ok(e) = e.try_borrow() {
                        f(&e.args);
                        f(&e.cause);
                        f(&e.context);
                    }
                }
            }
            Obj::Generator(g) => {
                if let Ok(b) = g.body.try_borrow() {
                    if let Some(b) = b.as_ref() {
                        b.for_each_ref(f)
                    }
                }
            }
            Obj::Iter(it) => {
                if let Ok(it) = it.try_borrow() {
                    it.for_each_ref(f)
                }
            }
            Obj::Cell(c) => {
                if let Ok(c) = c.try_borrow() {
                    f(&c)
                }
            }
            Obj::Property(p) => p.iter().for_each(f),
            Obj::StaticMethod(v) | Obj::ClassMethod(v) => f(v),
            Obj::Super(a, b) => {
                f(a);
                f(b)
            }
            Obj::Module(m) => f(&m.dict),
            Obj::Slice(s) => s.iter().for_each(f),
            _ => {}
        }
    }

    /// Drop every reference a mutable container holds; the cycle collector
    /// calls this on unreachable objects to break their cycles.
    pub fn clear_refs(&self) {
        match self {
            Obj::List(l) => {
                let old = l.try_borrow_mut().map(|mut l| std::mem::take(&mut *l));
                drop(old);
            }
            Obj::Dict(d) => {
                let old = d.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
                drop(old);
            }
            Obj::Set(s) => {
                let old = s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s));
                drop(old);
            }
            Obj::Class(c) => {
                classes_changed();
                let old = c.dict.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
                drop(old);
            }
            Obj::Instance(i) => {
                let old = i.dict.try_borrow_mut().map(|mut d| std::mem::take(&mut *d));
                drop(old);
                if let Some(e) = &i.exc {
                    if let Ok(mut e) = e.try_borrow_mut() {
                        let old = (
                            std::mem::replace(&mut e.args, Value::NONE),
                            std::mem::replace(&mut e.cause, Value::NONE),
                            std::mem::replace(&mut e.context, Value::NONE),
                        );
                        drop(e);
                        drop(old);
                    }
                }
            }
            Obj::Cell(c) => {
                let old = c
                    .try_borrow_mut()
                    .map(|mut c| std::mem::replace(&mut *c, Value::UNBOUND));
                drop(old);
            }
            Obj::Generator(g) => {
                if let Ok(mut b) = g.body.try_borrow_mut() {
                    if let Some(b) = b.as_mut() {
                        b.clear();
                    }
                }
            }
            Obj::Function(f) => {
                let old = f.attrs.try_borrow_mut().map(|mut a| a.take());
                drop(old);
            }
            Obj::Iter(it) => {
                let old = it
                    .try_borrow_mut()
                    .map(|mut it| std::mem::replace(&mut *it, IterState::Exhausted));
                drop(old);
            }
            _ => {}
        }
    }
}

/// Lists and tuples release their items last to first, as CPython's
/// deallocators do, so `__del__` output appears in CPython's order.
impl Drop for Obj {
    fn drop(&mut self) {
        match self {
            Obj::List(l) => {
                let items = std::mem::take(l.get_mut());
                drop_reversed(items);
            }
            Obj::Tuple(t) => {
                // Last to first, as `drop_reversed` (CPython's order).
                let n = t.len();
                let items = t.as_mut_ptr();
                // SAFETY: the length drops to 0 first, so each of the `n`
                // items is read out and dropped exactly once, here (`pop`
                // tested where the items live at every step).
                unsafe {
                    t.set_len(0);
                    for i in (0..n).rev() {
                        drop(std::ptr::read(items.add(i)));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Drop values from the last to the first.
pub fn drop_reversed(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

impl IterState {
    fn for_each_ref(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => f(seq),
            IterState::Str { s, .. } => f(s),
            IterState::DictKeys { dict, .. }
            | IterState::DictValues { dict, .. }
            | IterState::DictItems { dict, .. } => f(dict),
            IterState::Set { set, .. } => f(set),
            IterState::Enumerate { inner, count } => {
                f(inner);
                f(count)
            }
            IterState::Zip(v) => v.iter().for_each(f),
            IterState::Map { func, iters } => {
                f(func);
                iters.iter().for_each(f)
            }
            IterState::Filter { func, inner } => {
                f(func);
                f(inner)
            }
            IterState::CallIter { func, sentinel } => {
                f(func);
                f(sentinel)
            }
            IterState::GetItem { obj, .. } => f(obj),
            IterState::Range { .. } | IterState::Exhausted => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inline tuple items must not make every object larger than an
    /// instance already makes it.
    #[test]
    fn obj_stays_small() {
        assert!(std::mem::size_of::<TupleItems>() <= std::mem::size_of::<Instance>());
        // 112 bytes: with `Rc`'s two counts an object is a 128-byte block,
        // one of the allocator's size classes (120 made them 160).
        assert!(
            std::mem::size_of::<Obj>() <= 112,
            "{}",
            std::mem::size_of::<Obj>()
        );
    }
}
