//! The one value word every backend handles: a NaN-boxed 64-bit `Value`.
//!
//! Why NaN-boxing: floats and small ints stay unboxed (no allocation for
//! arithmetic), and the whole value fits in one machine register, which is
//! what the JIT wants. Heap objects are `Rc<Obj>` pointers stored in the low
//! 48 bits; reference counts are CPython's refcounts, so `__del__` timing is
//! deterministic.
//!
//! Encoding (top 16 bits):
//! - anything below `0xFFF9`: an `f64` (NaNs are canonicalised to one quiet NaN),
//! - `0xFFF9`: a 48-bit signed small int,
//! - `0xFFFA`: a special constant (None, False, True, NotImplemented, …),
//! - `0xFFFC`: a pointer to an `Rc<Obj>` allocation.
//!
//! This is the only module that turns raw bits into references; every
//! `unsafe` block here says why it is sound.

use super::object::Obj;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;
use std::rc::Rc;

#[repr(transparent)]
pub struct Value(u64);

pub(crate) const TAG_SHIFT: u32 = 48;
pub(crate) const TAG_INT: u64 = 0xFFF9;
const TAG_SPECIAL: u64 = 0xFFFA;
/// The highest tag: `is_obj` relies on no word above an object's.
pub(crate) const TAG_OBJ: u64 = 0xFFFC;
pub(crate) const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Small ints are 48-bit two's complement.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// The word of `Value::UNBOUND`, for statics generated code points at.
pub(crate) const UNBOUND_BITS: u64 = (TAG_SPECIAL << TAG_SHIFT) | 5;

const fn special(n: u64) -> Value {
    Value((TAG_SPECIAL << TAG_SHIFT) | n)
}

/// A borrowed, matchable view of a value.
#[derive(Clone, Copy)]
pub enum View<'a> {
    Float(f64),
    Int(i64),
    None,
    Bool(bool),
    NotImplemented,
    Ellipsis,
    /// The "no value" marker of an unbound local; never visible to Python code.
    Unbound,
    Obj(&'a Obj),
}

impl Value {
    pub const NONE: Value = special(0);
    pub const FALSE: Value = special(1);
    pub const TRUE: Value = special(2);
    pub const NOT_IMPLEMENTED: Value = special(3);
    pub const ELLIPSIS: Value = special(4);
    pub const UNBOUND: Value = Value(UNBOUND_BITS);

    /// A new reference to the value whose bits (`Value::bits`) are `bits`,
    /// for caches that keep bits without a reference.
    ///
    /// # Safety
    /// `bits` must come from `Value::bits` of a value that is still alive.
    #[inline]
    pub unsafe fn from_bits_cloned(bits: u64) -> Value {
        let borrowed = ManuallyDrop::new(Value(bits));
        (*borrowed).clone()
    }

    #[inline]
    pub fn float(f: f64) -> Value {
        let bits = f.to_bits();
        // A NaN whose top bits would read as another tag is canonicalised
        // (only NaNs have such bits: one compare); other NaNs keep their
        // payload (see `format::fresh_nan`).
        if (bits >> TAG_SHIFT) >= TAG_INT {
            Value(CANONICAL_NAN)
        } else {
            Value(bits)
        }
    }

    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// An int: unboxed when it fits in 48 bits, a heap bigint otherwise.
    #[inline]
    pub fn int(i: i64) -> Value {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK))
        } else {
            Value::obj(Obj::Int(BigInt::from(i)))
        }
    }

    /// An int from a bigint, normalised so that small values are unboxed.
    pub fn bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) => Value::int(i),
            _ => Value::obj(Obj::Int(b)),
        }
    }

    /// A new heap object. The allocation is made first and the object
    /// written into it once: `Rc::new` built the whole (112-byte) object on
    /// the stack and copied it again into the allocation.
    pub fn obj(o: Obj) -> Value {
        Value::obj_written(|slot| slot.write(o))
    }

    /// A new heap object that `write` writes into its allocation (and
    /// hands back), for objects filled in place (`tuple_from_iter`).
    #[inline(always)]
    fn obj_written(write: impl FnOnce(&mut std::mem::MaybeUninit<Obj>) -> &mut Obj) -> Value {
        let mut rc = Rc::<Obj>::new_uninit();
        let Some(slot) = Rc::get_mut(&mut rc) else {
            unreachable!("a new Rc is unique")
        };
        let track = write(slot).is_gc_container();
        // SAFETY: `write` wrote the object (it returns it).
        let rc = unsafe { rc.assume_init() };
        if track {
            super::gc::track(&rc);
        }
        Value::from_rc(rc)
    }

    pub fn str(s: &str) -> Value {
        if let Some(v) = shared_short_str(s) {
            return v;
        }
        Value::obj(Obj::Str(super::object::PyStr::new(s)))
    }

    /// The ASCII text `s` with each byte mapped by `f` (which keeps it
    /// ASCII), made without an intermediate `String`.
    pub fn ascii_mapped(s: &str, f: impl Fn(u8) -> u8) -> Value {
        if s.len() <= 1 {
            let mapped: String = s.bytes().map(|b| char::from(f(b))).collect();
            return Value::str(&mapped);
        }
        let text = super::str_text::StrText::ascii_mapped(s, f);
        Value::obj(Obj::Str(super::object::PyStr::ascii(text)))
    }

    /// The concatenation of the strs `parts` (an f-string's pieces,
    /// `s + t`), made in place (`StrText::concat`): their lengths and
    /// character counts add up, so nothing is counted again.
    pub fn str_concat<'a>(parts: impl Iterator<Item = &'a super::object::PyStr> + Clone) -> Value {
        let (len, chars) = parts
            .clone()
            .fold((0, 0), |(len, chars), p| (len + p.s.len(), chars + p.chars));
        if len <= 1 {
            let mut s = String::with_capacity(len);
            parts.for_each(|p| s.push_str(&p.s));
            return Value::string(s);
        }
        let text = super::str_text::StrText::concat(parts.map(|p| &*p.s), len);
        Value::obj(Obj::Str(super::object::PyStr {
            s: text,
            chars,
            hash: std::cell::Cell::new(super::object::NO_HASH),
        }))
    }

    /// `Value::str` of text known to be ASCII (a slice of ASCII text),
    /// without counting its characters.
    pub fn ascii_str(s: &str) -> Value {
        if let Some(v) = shared_short_str(s) {
            return v;
        }
        Value::obj(Obj::Str(super::object::PyStr::ascii(s.into())))
    }

    pub fn string(s: String) -> Value {
        if let Some(v) = shared_short_str(&s) {
            return v;
        }
        Value::obj(Obj::Str(super::object::PyStr::new(s)))
    }

    pub fn list(v: Vec<Value>) -> Value {
        Value::obj(Obj::List(RefCell::new(v)))
    }

    pub fn tuple(v: Vec<Value>) -> Value {
        if v.len() <= super::object::TUPLE_INLINE {
            return Value::tuple_from_iter(v.into_iter());
        }
        Value::obj(Obj::Tuple(super::object::TupleItems::from_vec(v)))
    }

    /// A tuple of the items of `items`, built in place (no vector first:
    /// a small tuple is then one allocation).
    #[inline]
    pub fn tuple_from_iter(items: impl ExactSizeIterator<Item = Value>) -> Value {
        let mut items = items;
        Value::tuple_of(items.len(), |_| items.next().unwrap_or(Value::NONE))
    }

    /// The tuple of `n` items `item(0)`, …, `item(n - 1)`. A small one is
    /// one allocation with its items written straight into the object
    /// (built on the stack, a pair was copied three times on its way to
    /// the heap: buffer, `SmallVec`, `Obj`, allocation).
    #[inline(always)]
    pub fn tuple_of(n: usize, mut item: impl FnMut(usize) -> Value) -> Value {
        use super::object::{TupleItems, TUPLE_INLINE};
        if n > TUPLE_INLINE {
            let items: Vec<Value> = (0..n).map(item).collect();
            return Value::obj(Obj::Tuple(TupleItems::from_vec(items)));
        }
        Value::obj_written(|slot| {
            let obj = slot.write(Obj::Tuple(TupleItems::new()));
            let Obj::Tuple(dest) = obj else {
                unreachable!("written just above")
            };
            let first = dest.as_mut_ptr();
            for i in 0..n {
                // SAFETY: `i < n <= TUPLE_INLINE`, the inline capacity of a
                // new `SmallVec`: a slot of its buffer.
                unsafe { first.add(i).write(item(i)) };
            }
            // SAFETY: the first `n` slots are written (above), within the
            // inline capacity.
            unsafe { dest.set_len(n) };
            obj
        })
    }

    /// The 2-tuple `(a, b)` (dict items, `enumerate`, `divmod`), built in
    /// place: one allocation, no vector first.
    #[inline]
    pub fn pair(a: Value, b: Value) -> Value {
        Value::tuple_from_iter([a, b].into_iter())
    }

    /// The text of a str value.
    pub fn as_str(&self) -> Option<&str> {
        match self.as_obj() {
            Some(Obj::Str(s)) => Some(&s.s),
            _ => None,
        }
    }

    pub fn from_rc(rc: Rc<Obj>) -> Value {
        let p = Rc::into_raw(rc) as u64;
        debug_assert_eq!(p >> TAG_SHIFT, 0, "pointer does not fit in 48 bits");
        Value((TAG_OBJ << TAG_SHIFT) | p)
    }

    #[inline]
    fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    #[inline]
    pub fn is_float(&self) -> bool {
        self.tag() < TAG_INT
    }
    #[inline]
    pub fn is_small_int(&self) -> bool {
        self.tag() == TAG_INT
    }
    /// One compare: `TAG_OBJ` is the highest tag (no float has bits that
    /// high, see `float`), so every word from its first one up is an object.
    #[inline]
    pub fn is_obj(&self) -> bool {
        self.0 >= TAG_OBJ << TAG_SHIFT
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        self.0 == Value::NONE.0
    }
    #[inline]
    pub fn is_unbound(&self) -> bool {
        self.0 == Value::UNBOUND.0
    }

    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    #[inline]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&Obj> {
        if self.is_obj() {
            // SAFETY: a TAG_OBJ value always holds a pointer produced by
            // `Rc::into_raw` and owns one strong count, so the allocation
            // lives at least as long as `self`.
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const Obj) })
        } else {
            None
        }
    }

    /// The heap object's `Rc`, borrowed (for its counts): not dropped, so
    /// the count this value owns stays with it.
    #[inline(always)]
    fn borrowed_rc(&self) -> Option<std::mem::ManuallyDrop<Rc<Obj>>> {
        if !self.is_obj() {
            return None;
        }
        let p = (self.0 & PAYLOAD_MASK) as *const Obj;
        // SAFETY: see `as_obj`; the `ManuallyDrop` never gives a count up.
        Some(std::mem::ManuallyDrop::new(unsafe { Rc::from_raw(p) }))
    }

    /// Is this a heap object with other references than this one (so
    /// dropping this one frees nothing)?
    #[inline(always)]
    pub fn is_shared_obj(&self) -> bool {
        self.borrowed_rc()
            .is_some_and(|rc| Rc::strong_count(&rc) > 1)
    }

    /// The heap object, to change in place, when this is its only
    /// reference (no other strong one, no weak one: not in the cycle
    /// collector's registry either).
    #[inline]
    pub fn unique_obj_mut(&mut self) -> Option<&mut Obj> {
        let rc = self.borrowed_rc()?;
        if Rc::strong_count(&rc) != 1 || Rc::weak_count(&rc) != 0 {
            return None;
        }
        // SAFETY: this value owns the only reference to the object (checked
        // above), and `&mut self` keeps it from being shared meanwhile.
        Some(unsafe { &mut *(Rc::as_ptr(&rc) as *mut Obj) })
    }

    /// Is this object in the cycle collector's registry? The registry's
    /// weak reference is the only one taken of containers (`gc::track`),
    /// so a weak count says so without a flag in every object.
    pub fn is_gc_tracked(&self) -> bool {
        self.borrowed_rc().is_some_and(|rc| Rc::weak_count(&rc) > 0)
    }

    /// A new strong reference to the heap object, if this is one.
    pub fn as_rc(&self) -> Option<Rc<Obj>> {
        if self.is_obj() {
            let p = (self.0 & PAYLOAD_MASK) as *const Obj;
            // SAFETY: see `as_obj`; we add a count before materialising a
            // second `Rc` so both owners hold their own count.
            unsafe {
                Rc::increment_strong_count(p);
                Some(Rc::from_raw(p))
            }
        } else {
            None
        }
    }

    #[inline]
    pub fn view(&self) -> View<'_> {
        match self.tag() {
            TAG_INT => View::Int(self.as_small_int().unwrap()),
            TAG_OBJ => View::Obj(self.as_obj().unwrap()),
            TAG_SPECIAL => match self.0 & PAYLOAD_MASK {
                0 => View::None,
                1 => View::Bool(false),
                2 => View::Bool(true),
                3 => View::NotImplemented,
                4 => View::Ellipsis,
                _ => View::Unbound,
            },
            _ => View::Float(f64::from_bits(self.0)),
        }
    }

    /// Python's `is`: the same object (or the same unboxed word).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// The raw word, for `id()` and for the JIT.
    #[inline]
    pub fn bits(&self) -> u64 {
        self.0
    }

    /// Give up ownership of the value as its raw word (the JIT passes
    /// owned values through machine registers); `from_raw` takes it back.
    #[inline]
    pub fn into_raw(self) -> u64 {
        let bits = self.0;
        std::mem::forget(self);
        bits
    }

    /// Take back ownership of a word made by `into_raw`.
    ///
    /// # Safety
    /// `bits` must come from `into_raw` (or be an unboxed value's word), and
    /// each such word may be taken back once: a heap value's word carries
    /// one strong count.
    #[inline]
    pub unsafe fn from_raw(bits: u64) -> Value {
        Value(bits)
    }

    /// Current strong count (1 for unboxed values), for `sys.getrefcount`.
    pub fn refcount(&self) -> usize {
        if self.is_obj() {
            let p = (self.0 & PAYLOAD_MASK) as *const Obj;
            // SAFETY: the pointer is live (see `as_obj`); ManuallyDrop keeps
            // the temporary Rc from releasing the count it does not own.
            let rc = ManuallyDrop::new(unsafe { Rc::from_raw(p) });
            Rc::strong_count(&rc)
        } else {
            1
        }
    }

    /// A weak handle on the object's allocation (`None` for unboxed
    /// values): while it lives, no other object can be allocated at this
    /// address, so a word equal to this value's word is this object. The
    /// JIT's call guards compare words this way.
    pub fn pin_address(&self) -> Option<std::rc::Weak<Obj>> {
        self.is_obj().then(|| {
            let p = (self.0 & PAYLOAD_MASK) as *const Obj;
            // SAFETY: as in `refcount`.
            let rc = ManuallyDrop::new(unsafe { Rc::from_raw(p) });
            Rc::downgrade(&rc)
        })
    }

    /// The object pointer, for identity maps in the cycle collector and copy.
    pub fn obj_ptr(&self) -> Option<*const Obj> {
        if self.is_obj() {
            Some((self.0 & PAYLOAD_MASK) as *const Obj)
        } else {
            None
        }
    }
}

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if self.is_obj() {
            // SAFETY: the pointer is live (see `as_obj`); the new Value owns
            // the count we add.
            unsafe { Rc::increment_strong_count((self.0 & PAYLOAD_MASK) as *const Obj) };
        }
        Value(self.0)
    }
}

thread_local! {
    /// Objects whose `__del__` must run; drained by the interpreter at safe
    /// points (statement boundaries, call returns) so a finalizer never runs
    /// while Rust code holds a borrow of a container.
    static FINALIZE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    /// Whether `FINALIZE` may be non-empty: polled after every call and
    /// statement, so it is a plain flag (a thread-local without a
    /// destructor is one load; one with a destructor checks its state).
    static FINALIZE_PENDING: Cell<bool> = const { Cell::new(false) };
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects whose release was deferred to keep deep structures (long
    /// linked lists) from overflowing the Rust stack while they are freed.
    static TRASH: RefCell<Vec<Rc<Obj>>> = const { RefCell::new(Vec::new()) };
    /// Whether `TRASH` may be non-empty (a cheap check, as for
    /// `FINALIZE_PENDING`).
    static TRASH_PENDING: Cell<bool> = const { Cell::new(false) };
}

thread_local! {
    /// Interned identifier strings (see `intern`). Never dropped: its values
    /// must not be released during thread teardown, when the release
    /// machinery's own thread locals may already be gone.
    static INTERNED: std::mem::ManuallyDrop<RefCell<crate::syntax::scope::NameMap<Value>>> =
        std::mem::ManuallyDrop::new(RefCell::new(Default::default()));
}

/// The one shared str value for an identifier (names in code objects, keys
/// that `Dict::set_str` adds), so name lookups in namespaces and
/// attribute dicts usually match by pointer instead of comparing bytes.
/// Like CPython's interned strings, they live as long as the thread.
pub fn intern(s: &str) -> Value {
    INTERNED.with(|t| {
        if let Some(v) = t.borrow().get(s) {
            return v.clone();
        }
        let v = Value::str(s);
        t.borrow_mut().insert(s.into(), v.clone());
        v
    })
}

thread_local! {
    /// The shared str values of `shared_short_str`, as `Value::bits` of a
    /// reference the table owns and never releases (0: not made yet).
    static SHORT_STRS: [Cell<u64>; 129] = const { [const { Cell::new(0) }; 129] };
}

/// The one shared value for the empty str and each one-character ASCII
/// str, as CPython shares them: indexing, iterating and splitting text
/// makes these constantly, and sharing saves an allocation each time.
#[inline]
fn shared_short_str(s: &str) -> Option<Value> {
    let slot = match s.as_bytes() {
        [] => 128,
        [b] if b.is_ascii() => *b as usize,
        _ => return None,
    };
    Some(SHORT_STRS.with(|t| {
        let cell = &t[slot];
        if cell.get() == 0 {
            let v = Value::obj(Obj::Str(super::object::PyStr::new(s)));
            cell.set(v.into_raw());
        }
        // SAFETY: the table owns a reference to the value whose bits it
        // keeps, and never gives it up, so the value is alive.
        unsafe { Value::from_bits_cloned(cell.get()) }
    }))
}

/// How deep releases may nest before they are deferred to the trash list.
const MAX_DROP_DEPTH: u32 = 64;

/// Where a heap object's strong count sits relative to the address in its
/// word: `Rc`'s allocation is `repr(C)` (strong count, weak count, value),
/// so two words before the value. Generated code updates counts there
/// inline; `strong_count_offset_holds` checks the layout at start-up.
pub(crate) const STRONG_COUNT_OFFSET: i32 = -2 * std::mem::size_of::<usize>() as i32;

/// Does `STRONG_COUNT_OFFSET` find the strong count of this build's `Rc`?
pub(crate) fn strong_count_offset_holds() -> bool {
    if std::mem::align_of::<Obj>() > std::mem::size_of::<usize>() {
        return false;
    }
    let probe = Value::str("probe");
    let count_at = || {
        let p = (probe.0 & PAYLOAD_MASK) as *const u8;
        // SAFETY: with `align_of::<Obj>() <= size_of::<usize>()` the value
        // starts right after `Rc`'s two counts, inside the same allocation.
        unsafe {
            p.offset(STRONG_COUNT_OFFSET as isize)
                .cast::<usize>()
                .read()
        }
    };
    let one = count_at();
    let extra = probe.clone();
    let two = count_at();
    drop(extra);
    one == probe.refcount() && two == one + 1 && count_at() == one
}

/// The address of this thread's "finalizers are due" flag (a `Cell<bool>`)
/// for generated code to poll after a call, as `Interp::run_finalizers`
/// does. Valid on this thread only, as is the code that polls it.
pub(crate) fn finalize_pending_flag() -> *const Cell<bool> {
    FINALIZE_PENDING.with(|p| p as *const Cell<bool>)
}

pub fn take_pending_finalizers() -> Vec<Value> {
    FINALIZE_PENDING.with(|p| p.set(false));
    FINALIZE.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

#[inline]
pub fn has_pending_finalizers() -> bool {
    FINALIZE_PENDING.with(|p| p.get())
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if self.is_obj() {
            let p = (self.0 & PAYLOAD_MASK) as *const Obj;
            // SAFETY: this Value owns one strong count of a live allocation.
            // While another count remains, giving ours up is a decrement
            // (inline: most drops are of shared values); `release` consumes
            // the count otherwise.
            unsafe {
                let rc = std::mem::ManuallyDrop::new(Rc::from_raw(p));
                if Rc::strong_count(&rc) > 1 {
                    Rc::decrement_strong_count(p);
                } else {
                    release(p)
                }
            }
        }
    }
}

/// Give up one strong count of `p` (out of line: the last count of an
/// object frees it or defers that).
///
/// # Safety
/// `p` must come from `Rc::into_raw` and the caller must own one count.
#[inline(never)]
unsafe fn release(p: *const Obj) {
    // SAFETY: per the contract, we own one count; the Rc built here takes it.
    let rc = unsafe { Rc::from_raw(p) };
    if Rc::strong_count(&rc) > 1 {
        drop(rc);
        return;
    }
    if matches!(*rc, Obj::Str(_) | Obj::Int(_) | Obj::Range(_)) {
        // Holds no references and has no finalizer: freeing it cannot
        // recurse (most objects freed are strs).
        drop(rc);
        return;
    }
    if rc.wants_finalizer() {
        FINALIZE.with(|f| f.borrow_mut().push(Value::from_rc(rc)));
        FINALIZE_PENDING.with(|p| p.set(true));
        return;
    }
    let depth = DROP_DEPTH.with(|d| d.get());
    if depth >= MAX_DROP_DEPTH {
        TRASH.with(|t| t.borrow_mut().push(rc));
        TRASH_PENDING.with(|p| p.set(true));
        return;
    }
    DROP_DEPTH.with(|d| d.set(depth + 1));
    drop(rc);
    if depth == 0 && TRASH_PENDING.with(|p| p.replace(false)) {
        // Outermost release: free what was deferred, iteratively.
        loop {
            let next = TRASH.with(|t| t.borrow_mut().pop());
            match next {
                Some(r) => drop(r),
                None => break,
            }
        }
    }
    DROP_DEPTH.with(|d| d.set(depth));
}

impl Default for Value {
    fn default() -> Value {
        Value::NONE
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.view() {
            View::Float(x) => write!(f, "Float({x})"),
            View::Int(i) => write!(f, "Int({i})"),
            View::None => write!(f, "None"),
            View::Bool(b) => write!(f, "Bool({b})"),
            View::NotImplemented => write!(f, "NotImplemented"),
            View::Ellipsis => write!(f, "Ellipsis"),
            View::Unbound => write!(f, "<unbound>"),
            View::Obj(o) => write!(f, "Obj({})", o.kind_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX, -123456789] {
            assert_eq!(Value::int(i).as_small_int(), Some(i));
        }
        assert!(Value::int(SMALL_INT_MAX + 1).is_obj());
    }

    #[test]
    fn floats_round_trip() {
        for x in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(Value::float(x).as_float().unwrap().to_bits(), x.to_bits());
        }
        assert!(Value::float(f64::NAN).as_float().unwrap().is_nan());
        assert!(Value::float(-f64::NAN).is_float());
    }

    #[test]
    fn specials_are_distinct() {
        assert!(matches!(Value::NONE.view(), View::None));
        assert!(matches!(Value::TRUE.view(), View::Bool(true)));
        assert!(!Value::NONE.is(&Value::FALSE));
    }
}
