//! The hash table behind `set` and `frozenset`.
//!
//! Sets print in table order, so to print what CPython prints (`{1, 2, 3}`
//! for `{3, 1, 2}`) this follows CPython's `setobject.c` probing exactly:
//! 8 initial slots, runs of 10 linear probes, perturbed re-probing, and the
//! same growth rule.

use super::dict::{simple_eq, Probe};
use super::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
struct Slot {
    /// `Value::UNBOUND` with hash 0: never used; with hash -1: a dummy.
    key: Value,
    hash: i64,
}

impl Slot {
    fn empty() -> Slot {
        Slot {
            key: Value::UNBOUND,
            hash: 0,
        }
    }
    fn is_empty(&self) -> bool {
        self.key.is_unbound() && self.hash == 0
    }
    fn is_dummy(&self) -> bool {
        self.key.is_unbound() && self.hash == -1
    }
    fn is_active(&self) -> bool {
        !self.key.is_unbound()
    }
}

pub struct PySet {
    table: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    used: usize,
}

impl Default for PySet {
    fn default() -> PySet {
        PySet {
            table: vec![Slot::empty(); MIN_SIZE],
            fill: 0,
            used: 0,
        }
    }
}

impl Clone for PySet {
    fn clone(&self) -> PySet {
        PySet {
            table: self.table.clone(),
            fill: self.fill,
            used: self.used,
        }
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn slots_len(&self) -> usize {
        self.table.len()
    }

    pub fn slot(&self, i: usize) -> Option<&Value> {
        self.table.get(i).filter(|s| s.is_active()).map(|s| &s.key)
    }

    pub fn slot_hash(&self, i: usize) -> i64 {
        self.table[i].hash
    }

    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter(|s| s.is_active()).map(|s| &s.key)
    }

    pub fn iter_with_hash(&self) -> impl Iterator<Item = (&Value, i64)> {
        self.table
            .iter()
            .filter(|s| s.is_active())
            .map(|s| (&s.key, s.hash))
    }

    pub fn for_each_ref(&self, f: &mut dyn FnMut(&Value)) {
        self.iter().for_each(f)
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Probe for `key` the way CPython does (runs of linear probes).
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        let mut candidates = Vec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let s = &self.table[j];
                if s.is_empty() {
                    return if candidates.is_empty() {
                        Probe::NotFound
                    } else {
                        Probe::Candidates(candidates)
                    };
                }
                if s.is_active() && s.hash == hash {
                    if s.key.is(key) {
                        return Probe::Found(j);
                    }
                    match simple_eq(&s.key, key) {
                        Some(true) => return Probe::Found(j),
                        Some(false) => {}
                        None => candidates.push((j, s.key.clone())),
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// Insert a key known not to be present.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let found_empty;
        'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let s = &self.table[j];
                if s.is_empty() {
                    found_empty = j;
                    break 'outer;
                }
                if s.is_dummy() {
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
        if let Some(f) = freeslot {
            self.table[f] = Slot { key, hash };
            self.used += 1;
            return;
        }
        self.table[found_empty] = Slot { key, hash };
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::empty(); newsize]);
        self.fill = self.used;
        let mask = newsize - 1;
        for s in old.into_iter().filter(|s| s.is_active()) {
            let mut perturb = s.hash as u64 as usize;
            let mut i = (s.hash as u64 as usize) & mask;
            'place: loop {
                if self.table[i].is_empty() {
                    self.table[i] = s;
                    break 'place;
                }
                if i + LINEAR_PROBES <= mask {
                    for j in i + 1..=i + LINEAR_PROBES {
                        if self.table[j].is_empty() {
                            self.table[j] = s;
                            break 'place;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    /// Grow the table as CPython's `set_table_resize(minused)` does (used by
    /// `set.update` and friends, which presize before inserting).
    pub fn presize(&mut self, minused: usize) {
        self.resize(minused)
    }

    /// Remove the key in slot `i`, leaving a dummy.
    pub fn remove_slot(&mut self, i: usize) -> Value {
        let key = std::mem::replace(&mut self.table[i].key, Value::UNBOUND);
        self.table[i].hash = -1;
        self.used -= 1;
        key
    }

    /// `set.pop()`: CPython scans from a rotating finger; we scan from 0.
    pub fn pop_any(&mut self) -> Option<Value> {
        let i = self.table.iter().position(|s| s.is_active())?;
        Some(self.remove_slot(i))
    }
}
