//! Register files for native frames, reused: a call takes an empty vector
//! with enough capacity and gives it back (cleared) on return, so a call
//! allocates nothing once the pool is warm. The pool lives in the
//! interpreter (`Interp::spare_regs`), which every call already has.

use crate::runtime::{Interp, Value};

/// Vectors kept for reuse; deeper recursion than this allocates.
const POOL_SIZE: usize = 256;

/// An empty register file with room for `n` registers.
#[inline(always)]
pub(super) fn take(interp: &mut Interp, n: usize) -> Vec<Value> {
    let mut v = interp.spare_regs.pop().unwrap_or_default();
    v.reserve(n);
    v
}

/// Return a register file: its values are released (first to last, as a
/// VM frame's are) before the vector goes back to the pool.
#[inline(always)]
pub(super) fn give(interp: &mut Interp, mut v: Vec<Value>) {
    v.clear();
    if interp.spare_regs.len() < POOL_SIZE {
        interp.spare_regs.push(v);
    }
}
