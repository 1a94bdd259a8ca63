//! The cycle collector: trial deletion over every container object, as
//! CPython's `gc` does. Reference counting frees everything acyclic; this
//! finds groups of containers kept alive only by references among
//! themselves, runs their `__del__`s and breaks their references.

use super::object::Obj;
use super::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

thread_local! {
    static TRACKED: RefCell<Vec<Weak<Obj>>> = const { RefCell::new(Vec::new()) };
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    /// Registry length at which `track` next drops the entries of freed
    /// containers.
    static NEXT_PRUNE: Cell<usize> = const { Cell::new(MIN_PRUNE) };
}

/// The registry is pruned no more often than every this many containers.
const MIN_PRUNE: usize = 4096;

/// How many container allocations trigger an automatic collection.
pub const THRESHOLD: usize = 20_000;

/// Register a new container for the cycle collector.
///
/// The registry holds weak references, and a weak reference keeps the
/// freed container's allocation (not the object) alive: so when the
/// registry has doubled since it was last pruned, the entries of freed
/// containers are dropped. Amortised O(1); a program that makes and drops
/// containers in a loop keeps a registry (and memory) proportional to what
/// is alive, not to what it ever made.
pub fn track(rc: &Rc<Obj>) {
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        t.push(Rc::downgrade(rc));
        if t.len() >= NEXT_PRUNE.with(|n| n.get()) {
            t.retain(|w| w.strong_count() > 0);
            let next = (t.len() * 2).max(MIN_PRUNE);
            NEXT_PRUNE.with(|n| n.set(next));
        }
    });
    ALLOCATED.with(|a| a.set(a.get() + 1));
}

/// Entries in the registry (live containers and not yet pruned dead ones).
pub fn registry_len() -> usize {
    TRACKED.with(|t| t.borrow().len())
}

/// Should the interpreter run an automatic collection now?
pub fn wants_collection() -> bool {
    ALLOCATED.with(|a| a.get() >= THRESHOLD)
}

/// Find unreachable cycles. Returns the unreachable objects (still alive,
/// held by the returned vector) so the caller can finalize and clear them.
pub fn find_unreachable() -> Vec<Value> {
    ALLOCATED.with(|a| a.set(0));
    let live: Vec<Rc<Obj>> = TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        t.retain(|w| w.strong_count() > 0);
        t.iter().filter_map(|w| w.upgrade()).collect()
    });
    let index: HashMap<*const Obj, usize> = live
        .iter()
        .enumerate()
        .map(|(i, rc)| (Rc::as_ptr(rc), i))
        .collect();
    // gc_refs: references from outside the tracked set (our upgrade is one).
    let mut refs: Vec<isize> = live
        .iter()
        .map(|rc| Rc::strong_count(rc) as isize - 1)
        .collect();
    for rc in &live {
        rc.for_each_ref(&mut |v: &Value| {
            if let Some(p) = v.obj_ptr() {
                if let Some(&j) = index.get(&p) {
                    refs[j] -= 1;
                }
            }
        });
    }
    // Everything reachable from an externally referenced object survives.
    let mut reachable = vec![false; live.len()];
    let mut stack: Vec<usize> = (0..live.len()).filter(|&i| refs[i] > 0).collect();
    for &i in &stack {
        reachable[i] = true;
    }
    while let Some(i) = stack.pop() {
        live[i].for_each_ref(&mut |v: &Value| {
            if let Some(p) = v.obj_ptr() {
                if let Some(&j) = index.get(&p) {
                    if !reachable[j] {
                        reachable[j] = true;
                        stack.push(j);
                    }
                }
            }
        });
    }
    live.into_iter()
        .zip(reachable)
        .filter(|(_, r)| !r)
        .map(|(rc, _)| Value::from_rc(rc))
        .collect()
}

/// `gc.collect()`: find unreachable cycles, run their finalizers once, then
/// break their references. Returns how many objects were unreachable.
pub fn collect(interp: &mut super::Interp) -> usize {
    use std::io::Write;
    interp.run_finalizers();
    let unreachable = find_unreachable();
    let n = unreachable.len();
    for v in &unreachable {
        let Some(Obj::Instance(inst)) = v.as_obj() else {
            continue;
        };
        let has_del = matches!(inst.class.as_obj(), Some(Obj::Class(c)) if c.has_del.get());
        if !has_del || inst.finalized.get() {
            continue;
        }
        inst.finalized.set(true);
        if let Some(del) = super::attr::lookup_special(interp, v, "__del__") {
            let saved = interp.handled.len();
            if let Err(e) = interp.call(&del, &[], &[]) {
                let text = super::exceptions::format_exception(interp, &e.0);
                let func = super::attr::lookup_in_class(&inst.class, "__del__").unwrap_or(del);
                let repr = interp.repr(&func).unwrap_or_else(|_| "__del__".into());
                let _ = interp.stdout.flush();
                let _ = write!(interp.stderr, "Exception ignored in: {repr}\n{text}");
            }
            interp.handled.truncate(saved);
        }
    }
    for v in &unreachable {
        if let Some(o) = v.as_obj() {
            o.clear_refs();
        }
    }
    drop(unreachable);
    interp.run_finalizers();
    n
}
