//! Register files for native frames, reused: a call takes an empty vector
//! with enough capacity and gives it back (cleared) on return, so a call
//! allocates nothing once the pool is warm.

use crate::runtime::Value;
use std::cell::RefCell;

/// Vectors kept for reuse; deeper recursion than this allocates.
const POOL_SIZE: usize = 256;

thread_local! {
    static POOL: RefCell<Vec<Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

/// An empty register file with room for `n` registers.
pub(super) fn take(n: usize) -> Vec<Value> {
    let mut v = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
    v.reserve(n);
    v
}

/// Return a register file: its values are released (first to last, as a
/// VM frame's are) before the vector goes back to the pool.
pub(super) fn give(mut v: Vec<Value>) {
    v.clear();
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_SIZE {
            p.push(v);
        }
    });
}
