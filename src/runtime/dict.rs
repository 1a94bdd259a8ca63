//! The insertion-ordered hash table behind `dict`, instance `__dict__`s,
//! class namespaces and module globals.
//!
//! Layout as CPython's compact dict: a dense `entries` vector in insertion
//! order (deleted entries become holes) plus a sparse open-addressing index.
//! The table itself never calls Python code: keys whose equality needs a
//! user `__eq__` come back as candidates for the caller (`runtime::hash`)
//! to compare with no borrow held.

use super::object::{Obj, PyStr};
use super::value::{Value, View};
use std::cell::Cell;

pub struct Dict {
    entries: Vec<Entry>,
    /// Open-addressing index into `entries`; length is 0 or a power of two.
    indices: Vec<u32>,
    /// Live entries (a `u32`, as the index's positions are: keeps the
    /// dict, and so an instance, within the object size).
    len: u32,
    /// Changes whenever a key is added, to a value no other dict has had
    /// (`next_keys_version`): a cache that saw a name missing from this
    /// dict at some version knows it is still missing while the version
    /// stays (see `keys_version`).
    keys_version: u64,
    /// Module globals and builtins: every change of their keys or values
    /// (and their end) moves this thread's globals epoch on, so compiled
    /// code may cache what a global name holds while the epoch stays (see
    /// `globals_epoch_cell`).
    watched: bool,
    /// A 64-bit Bloom filter of the hashes of the keys added since the
    /// dict was made or cleared (two bits a key; removals leave theirs): a
    /// key whose bits are not all set is certainly missing. Method calls
    /// test it before probing an instance's dict for a shadowing attribute.
    key_bits: u64,
}

/// The two bits of `key_bits` a key with hash `hash` sets.
#[inline(always)]
fn bloom_bits(hash: i64) -> u64 {
    (1u64 << (hash & 63)) | (1u64 << ((hash >> 6) & 63))
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            entries: Vec::new(),
            indices: Vec::new(),
            len: 0,
            keys_version: next_keys_version(),
            watched: false,
            key_bits: 0,
        }
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        self.changed();
    }
}

thread_local! {
    static KEYS_VERSION: Cell<u64> = const { Cell::new(0) };
    static GLOBALS_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// The address of this thread's globals epoch: a count that moves on
/// whenever a watched dict (module globals, builtins) changes. Valid on
/// this thread only, as is the generated code that reads it.
pub(crate) fn globals_epoch_cell() -> *const Cell<u64> {
    GLOBALS_EPOCH.with(|e| e as *const Cell<u64>)
}

/// The globals epoch now (see `globals_epoch_cell`).
#[inline(always)]
pub(crate) fn globals_epoch() -> u64 {
    GLOBALS_EPOCH.with(Cell::get)
}

/// What a `LoadGlobal` of one name last found, reused while nothing in
/// the globals changed: valid when `epoch` is the globals epoch now and
/// `globals` the bits of the running code's globals. The value's bits are
/// held without a reference: the watched dict it came from holds one, and
/// any change to that dict moves the epoch on first. One per name of a
/// code object, checked by the VM (`GlobalSite::get`) and inline by
/// generated code (`repr(C)`: it reads the fields).
#[repr(C)]
#[derive(Default)]
pub struct GlobalSite {
    pub(crate) epoch: Cell<u64>,
    pub(crate) globals: Cell<u64>,
    pub(crate) value: Cell<u64>,
}

impl GlobalSite {
    /// The remembered value, if still valid for `globals`.
    #[inline(always)]
    pub fn get(&self, globals: &Value) -> Option<Value> {
        if self.epoch.get() == globals_epoch() && self.globals.get() == globals.bits() {
            // SAFETY: while the epoch has not moved, the watched dict the
            // value came from still holds it (see above).
            Some(unsafe { Value::from_bits_cloned(self.value.get()) })
        } else {
            None
        }
    }

    /// Remember `v`, found by a full lookup of the name in `globals`, then
    /// `builtins` — only if both dicts are watched (else a change would
    /// not move the epoch).
    pub fn remember(&self, globals: &Value, builtins: &Value, v: &Value) {
        let watched = |d: &Value| match d.as_obj() {
            Some(Obj::Dict(d)) => d.borrow().is_watched(),
            _ => false,
        };
        if watched(globals) && watched(builtins) {
            self.epoch.set(globals_epoch());
            self.globals.set(globals.bits());
            self.value.set(v.bits());
        }
    }
}

/// A keys version no dict of this thread has had yet (never 0, which
/// caches use for "nothing seen").
#[inline]
fn next_keys_version() -> u64 {
    KEYS_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

struct Entry {
    hash: i64,
    /// `Value::UNBOUND` marks a deleted entry.
    key: Value,
    value: Value,
}

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// A dict of up to this many entries has no index: a lookup scans the
/// entries (comparing hashes first), which for so few costs about what a
/// probe does, and the dict saves the index's allocation. Most dicts are
/// that small: an instance's attributes, keyword arguments, small maps.
const LINEAR_MAX: usize = 8;

/// The result of probing for a key.
pub enum Probe {
    Found(usize),
    NotFound,
    /// Entries with the same hash whose equality needs Python code.
    Candidates(Vec<(usize, Value)>),
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        d.entries = Vec::with_capacity(n);
        if n > LINEAR_MAX {
            d.indices = vec![EMPTY; (n * 3 / 2).next_power_of_two().max(8)];
        }
        d
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Watch this dict's changes (see `watched`).
    pub fn watch(&mut self) {
        self.watched = true;
    }

    pub fn is_watched(&self) -> bool {
        self.watched
    }

    /// A key or value changed: move the globals epoch on if watched.
    #[inline]
    fn changed(&self) {
        if self.watched {
            GLOBALS_EPOCH.with(|e| e.set(e.get() + 1));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Identifies the dict's set of keys: equal versions (of one dict or
    /// of two) mean the same dict with no key added in between, so a key
    /// found missing then is still missing.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Upper bound of entry positions, for index-based iteration.
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at `pos`, if any.
    pub fn entry(&self, pos: usize) -> Option<(&Value, &Value)> {
        self.entries
            .get(pos)
            .filter(|e| !e.key.is_unbound())
            .map(|e| (&e.key, &e.value))
    }

    pub fn entry_hash(&self, pos: usize) -> i64 {
        self.entries[pos].hash
    }

    pub fn value_at(&self, pos: usize) -> &Value {
        &self.entries[pos].value
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_unbound())
            .map(|e| (&e.key, &e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    pub fn for_each_ref(&self, f: &mut dyn FnMut(&Value)) {
        for (k, v) in self.iter() {
            f(k);
            f(v);
        }
    }

    /// Could a key with hash `hash` be in the dict? `false` is certain
    /// (see `key_bits`).
    #[inline(always)]
    pub fn may_contain(&self, hash: i64) -> bool {
        let bits = bloom_bits(hash);
        self.key_bits & bits == bits
    }

    /// Probe for `key`, comparing intrinsically where possible. (Out of
    /// line: inlined, it grew the dispatch loop's hot paths around it.)
    #[inline(never)]
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        // Without the candidates `Vec` unless an entry needs Python code.
        self.probe_by(hash, key, |_, _| false)
            .unwrap_or_else(|| self.probe_with_candidates(hash, key))
    }

    /// `probe` collecting the entries whose equality needs Python code.
    #[cold]
    fn probe_with_candidates(&self, hash: i64, key: &Value) -> Probe {
        let mut candidates = Vec::new();
        let found = self.probe_by(hash, key, |slot, k| {
            candidates.push((slot, k.clone()));
            true
        });
        match found.expect("a probe that goes on past every candidate ends") {
            Probe::NotFound if !candidates.is_empty() => Probe::Candidates(candidates),
            p => p,
        }
    }

    /// The probe sequence for `key`: `Found`, or `NotFound` at an empty
    /// index. An entry of the same hash that only Python code can compare
    /// goes to `undecided`, which says whether to go on (else `None`).
    #[inline(always)]
    fn probe_by(
        &self,
        hash: i64,
        key: &Value,
        mut undecided: impl FnMut(usize, &Value) -> bool,
    ) -> Option<Probe> {
        // Whether entry `slot`, of hash `hash`, holds `key`: `Some(found)`
        // to stop, `None` to go on.
        let mut check = |slot: usize, e: &Entry| -> Option<Option<Probe>> {
            if e.key.is(key) {
                return Some(Some(Probe::Found(slot)));
            }
            match simple_eq(&e.key, key) {
                Some(true) => Some(Some(Probe::Found(slot))),
                Some(false) => None,
                None if undecided(slot, &e.key) => None,
                None => Some(None),
            }
        };
        if self.indices.is_empty() {
            for (slot, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_unbound() {
                    if let Some(found) = check(slot, e) {
                        return found;
                    }
                }
            }
            return Some(Probe::NotFound);
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let slot = self.indices[i];
            if slot == EMPTY {
                return Some(Probe::NotFound);
            }
            if slot != DELETED {
                let e = &self.entries[slot as usize];
                if e.hash == hash {
                    if let Some(found) = check(slot as usize, e) {
                        return found;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key` (an interned str with hash `hash`), trying first
    /// the entry position `hint` remembers (instances of a class usually
    /// store their attributes in the same order) and updating it.
    #[inline]
    pub fn get_hinted(&self, hint: &Cell<u32>, key: &Value, hash: i64) -> Option<&Value> {
        if let Some(e) = self.entries.get(hint.get() as usize) {
            if e.key.is(key) {
                return Some(&e.value);
            }
        }
        match self.probe(hash, key) {
            Probe::Found(p) => {
                hint.set(p as u32);
                Some(&self.entries[p].value)
            }
            _ => None,
        }
    }

    /// Set the str key `key` (interned, hash `hash`) as `get_hinted` finds
    /// it, returning the old value.
    #[inline]
    pub fn set_hinted(
        &mut self,
        hint: &Cell<u32>,
        key: &Value,
        hash: i64,
        value: Value,
    ) -> Option<Value> {
        self.changed();
        if let Some(e) = self.entries.get_mut(hint.get() as usize) {
            if e.key.is(key) {
                return Some(std::mem::replace(&mut e.value, value));
            }
        }
        // A key the filter rules out is new (most misses: the attributes
        // `__init__` sets): no probe.
        let found = if self.may_contain(hash) {
            self.probe(hash, key)
        } else {
            Probe::NotFound
        };
        match found {
            Probe::Found(p) => {
                hint.set(p as u32);
                Some(self.replace_value(p, value))
            }
            _ => {
                self.insert_new(hash, key.clone(), value);
                hint.set(self.entries.len() as u32 - 1);
                None
            }
        }
    }

    /// Append a key known not to be present.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let linear = self.indices.is_empty() && self.entries.len() < LINEAR_MAX;
        if !linear && (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild();
        }
        let pos = self.entries.len();
        self.changed();
        self.keys_version = next_keys_version();
        self.key_bits |= bloom_bits(hash);
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        if !linear {
            self.place(hash, pos);
        }
    }

    /// Replace the value at a found position, returning the old one (which
    /// the caller drops after releasing any borrow).
    pub fn replace_value(&mut self, pos: usize, value: Value) -> Value {
        self.changed();
        std::mem::replace(&mut self.entries[pos].value, value)
    }

    /// Remove the entry at a found position, returning its key and value.
    pub fn remove_at(&mut self, pos: usize) -> (Value, Value) {
        self.changed();
        if !self.indices.is_empty() {
            let hash = self.entries[pos].hash;
            let mask = self.indices.len() - 1;
            let mut i = (hash as u64 as usize) & mask;
            while self.indices[i] != pos as u32 {
                i = (i + 1) & mask;
            }
            self.indices[i] = DELETED;
        }
        let e = &mut self.entries[pos];
        let key = std::mem::replace(&mut e.key, Value::UNBOUND);
        let value = std::mem::replace(&mut e.value, Value::NONE);
        self.len -= 1;
        if self.len == 0 {
            self.entries.clear();
            self.indices.iter_mut().for_each(|s| *s = EMPTY);
        }
        (key, value)
    }

    /// Remove and return the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = self.entries.iter().rposition(|e| !e.key.is_unbound())?;
        let kv = self.remove_at(pos);
        self.entries.truncate(pos);
        Some(kv)
    }

    pub fn clear(&mut self) -> Dict {
        self.changed();
        let watched = self.watched;
        let old = std::mem::take(self);
        self.watched = watched;
        old
    }

    fn place(&mut self, hash: i64, pos: usize) {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY && self.indices[i] != DELETED {
            i = (i + 1) & mask;
        }
        self.indices[i] = pos as u32;
    }

    /// Compact the entries (dropping holes) and regrow the index.
    fn rebuild(&mut self) {
        if self.len() < self.entries.len() {
            self.entries.retain(|e| !e.key.is_unbound());
        }
        let size = ((self.len() + 1) * 3).next_power_of_two().max(8);
        self.indices = vec![EMPTY; size];
        for pos in 0..self.entries.len() {
            let h = self.entries[pos].hash;
            self.place(h, pos);
        }
    }

    // ---- string-keyed fast paths (namespaces, instance attributes) ----

    pub fn get_str(&self, key: &str) -> Option<&Value> {
        let pos = self.find_str(key, str_hash(key))?;
        Some(&self.entries[pos].value)
    }

    fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        let holds = |e: &Entry| {
            e.hash == hash && matches!(e.key.as_obj(), Some(Obj::Str(s)) if name_eq(&s.s, key))
        };
        if self.indices.is_empty() {
            return self.entries.iter().position(holds);
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let slot = self.indices[i];
            if slot == EMPTY {
                return None;
            }
            if slot != DELETED && holds(&self.entries[slot as usize]) {
                return Some(slot as usize);
            }
            i = (i + 1) & mask;
        }
    }

    /// Set a string key, returning the old value if there was one.
    pub fn set_str(&mut self, key: &str, value: Value) -> Option<Value> {
        let hash = str_hash(key);
        match self.find_str(key, hash) {
            Some(pos) => Some(self.replace_value(pos, value)),
            None => {
                self.insert_new(hash, super::value::intern(key), value);
                None
            }
        }
    }

    pub fn remove_str(&mut self, key: &str) -> Option<Value> {
        let hash = str_hash(key);
        self.find_str(key, hash).map(|pos| self.remove_at(pos).1)
    }
}

/// String equality for the short strings names are, without a call into
/// libc's `memcmp` (which dominated attribute lookups).
#[inline]
pub fn name_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.as_ptr() == b.as_ptr() {
        return true;
    }
    if a.len() > 32 {
        return a == b;
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// The hash of a str. Python randomises str hashes per process, so any good
/// hash is faithful; this one is FNV-1a folded away from -1.
pub fn str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn pystr_hash(s: &PyStr) -> i64 {
    let h = s.hash.get();
    if h != super::object::NO_HASH {
        return h;
    }
    let h = str_hash(&s.s);
    s.hash.set(h);
    h
}

/// Equality that needs no Python code: `Some(answer)` for numbers, strings,
/// None and tuples of those; `None` when a user `__eq__` may be involved.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a.view(), b.view()) {
        (View::Int(x), View::Int(y)) => Some(x == y),
        (View::Float(x), View::Float(y)) => Some(x == y),
        (View::Int(x), View::Float(y)) | (View::Float(y), View::Int(x)) => Some(x as f64 == y),
        (View::Bool(x), View::Bool(y)) => Some(x == y),
        (View::Bool(x), View::Int(y)) | (View::Int(y), View::Bool(x)) => Some(x as i64 == y),
        (View::Bool(x), View::Float(y)) | (View::Float(y), View::Bool(x)) => {
            Some(x as i64 as f64 == y)
        }
        (View::None, View::None) => Some(true),
        (View::Obj(x), View::Obj(y)) => match (x, y) {
            (Obj::Str(x), Obj::Str(y)) => Some(x.s == y.s),
            (Obj::Int(x), Obj::Int(y)) => Some(x == y),
            (Obj::Tuple(x), Obj::Tuple(y)) => {
                if x.len() != y.len() {
                    return Some(false);
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    if p.is(q) {
                        continue;
                    }
                    match simple_eq(p, q)? {
                        true => continue,
                        false => return Some(false),
                    }
                }
                Some(true)
            }
            (Obj::Instance(_), _) | (_, Obj::Instance(_)) => None,
            (Obj::FrozenSet(_), _) | (_, Obj::FrozenSet(_)) => None,
            // Containers compare by contents: the caller decides.
            (
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Range(_) | Obj::BoundMethod(..),
                _,
            )
            | (
                _,
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Range(_) | Obj::BoundMethod(..),
            ) => None,
            _ => Some(false),
        },
        (View::Obj(o), _) | (_, View::Obj(o)) => match o {
            Obj::Instance(_) => None,
            _ => Some(false),
        },
        _ => Some(false),
    }
}
