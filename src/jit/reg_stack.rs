//! Register files for native calls: windows of one stack the interpreter
//! owns (`Interp::native_regs`), as CPython's frames live on its data
//! stack. A call pushes a window, fills it with the arguments and the
//! code's initial registers, runs the callee on it and drops the values
//! before popping, so a call allocates nothing and touches no vector
//! bookkeeping.
//!
//! Why chunks: generated code holds raw pointers into live windows, so
//! memory that holds one must never move. When the current chunk is full
//! the stack moves on to another chunk (kept for reuse), never growing one
//! in place.

use crate::bytecode::CodeObject;
use crate::runtime::Value;
use std::mem::MaybeUninit;

/// Registers per chunk (a window larger than this gets a chunk of its own).
const CHUNK: usize = 1 << 14;

/// `repr(C)`: generated code pushes and pops windows inside the current
/// chunk itself (`translate::calls`), through the offsets below.
#[repr(C)]
pub struct RegStack {
    /// The current chunk's first slot and length (null and 0 before the
    /// first push).
    base: *mut Value,
    limit: usize,
    /// The first free slot in the current chunk.
    top: usize,
    /// The chunk the top window is in.
    chunk: usize,
    chunks: Vec<Box<[MaybeUninit<Value>]>>,
}

impl RegStack {
    pub(crate) const BASE_OFFSET: i32 = std::mem::offset_of!(RegStack, base) as i32;
    pub(crate) const LIMIT_OFFSET: i32 = std::mem::offset_of!(RegStack, limit) as i32;
    pub(crate) const TOP_OFFSET: i32 = std::mem::offset_of!(RegStack, top) as i32;
}

impl Default for RegStack {
    fn default() -> RegStack {
        RegStack {
            chunks: Vec::new(),
            chunk: 0,
            top: 0,
            base: std::ptr::null_mut(),
            limit: 0,
        }
    }
}

/// Where the stack stood before a push; `pop` goes back to it.
#[derive(Clone, Copy)]
pub struct Mark {
    chunk: usize,
    top: usize,
}

impl RegStack {
    /// Room for `n` registers on top of the stack, uninitialised, and the
    /// mark to pop back to. The window stays put until that pop.
    #[inline(always)]
    pub fn push(&mut self, n: usize) -> (*mut Value, Mark) {
        let mark = Mark {
            chunk: self.chunk,
            top: self.top,
        };
        if self.top + n > self.limit {
            self.next_chunk(n);
        }
        // SAFETY: `base` is the start of the current chunk, which has
        // `limit >= top + n` slots.
        let base = unsafe { self.base.add(self.top) };
        self.top += n;
        (base, mark)
    }

    /// Move to a chunk with room for `n` registers from its start.
    #[cold]
    fn next_chunk(&mut self, n: usize) {
        if !self.chunks.is_empty() {
            self.chunk += 1;
        }
        self.top = 0;
        if self.chunks.get(self.chunk).is_some_and(|c| c.len() < n) {
            self.chunks.truncate(self.chunk);
        }
        if self.chunk == self.chunks.len() {
            let len = n.max(CHUNK);
            self.chunks.push(
                std::iter::repeat_with(MaybeUninit::uninit)
                    .take(len)
                    .collect(),
            );
        }
        self.set_current();
    }

    /// Cache the current chunk's start and length.
    fn set_current(&mut self) {
        let c = &mut self.chunks[self.chunk];
        self.limit = c.len();
        self.base = c.as_mut_ptr().cast::<Value>();
    }

    /// Give back everything pushed since `mark` (whose values the caller
    /// has already dropped).
    #[inline]
    pub fn pop(&mut self, mark: Mark) {
        self.top = mark.top;
        if self.chunk != mark.chunk {
            self.chunk = mark.chunk;
            self.set_current();
        }
    }
}

/// A register window being filled: the arguments of a call, then the
/// code's other registers.
pub struct Window {
    base: *mut Value,
    len: usize,
    cap: usize,
}

impl Window {
    /// # Safety
    /// `base` must point at `cap` writable, uninitialised registers.
    pub(super) unsafe fn new(base: *mut Value, cap: usize) -> Window {
        Window { base, len: 0, cap }
    }

    /// Append one register (a call's next argument).
    #[inline]
    pub fn push(&mut self, v: Value) {
        assert!(self.len < self.cap, "more arguments than registers");
        // SAFETY: `len < cap`, so the slot is inside the window and not yet
        // initialised (nothing is overwritten without a drop).
        unsafe { self.base.add(self.len).write(v) };
        self.len += 1;
    }

    /// Append the registers of `args`, leaving them unbound.
    #[inline]
    pub fn move_from(&mut self, args: &mut [Value]) {
        assert!(
            self.len + args.len() <= self.cap,
            "more arguments than registers"
        );
        for (i, a) in args.iter_mut().enumerate() {
            // SAFETY: the slots `len..len + args.len()` are inside the window
            // (checked above) and not yet initialised.
            unsafe {
                self.base
                    .add(self.len + i)
                    .write(std::mem::replace(a, Value::UNBOUND))
            };
        }
        self.len += args.len();
    }

    /// How many registers are filled.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Append clones of `vals` (`plain`: they are all unboxed, so their
    /// bits are copied with no reference counting).
    #[inline]
    pub fn extend_from(&mut self, vals: &[Value], plain: bool) {
        assert!(self.len + vals.len() <= self.cap, "window overflow");
        if plain {
            // SAFETY: the destination is `vals.len()` uninitialised slots
            // inside the window (checked above), disjoint from `vals`, which
            // lives in a code object; unboxed values own nothing, so copying
            // their bits is a valid clone.
            unsafe {
                std::ptr::copy_nonoverlapping(vals.as_ptr(), self.base.add(self.len), vals.len())
            };
            self.len += vals.len();
        } else {
            for v in vals {
                self.push(v.clone());
            }
        }
    }

    /// The filled registers.
    pub fn regs(&mut self) -> &mut [Value] {
        // SAFETY: the first `len` slots were written by `push`/`extend_from`.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len) }
    }
}

/// Fill the rest of a window whose arguments are in: the code's initial
/// registers (`reg_init`), then its cells (`frame::init_regs` for windows).
#[inline(always)]
pub(super) fn fill_regs(code: &CodeObject, w: &mut Window, closure: &[Value]) {
    let init = &code.reg_init[w.len().min(code.reg_init.len())..];
    w.extend_from(init, !code.reg_init_has_objects);
    crate::vm::frame::bind_cells(code, w.regs(), closure);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows past a chunk's end move to a new chunk; earlier windows
    /// stay where they were, and a pop makes the same room available again.
    #[test]
    fn windows_stay_put_across_chunks() {
        let mut stack = RegStack::default();
        let (first, m1) = stack.push(CHUNK - 3);
        let (second, m2) = stack.push(10);
        assert_ne!(first, second);
        // SAFETY (test): each window has the pushed number of slots.
        unsafe {
            first.write(Value::int(1));
            second.add(9).write(Value::int(2));
            assert_eq!(first.read().as_small_int(), Some(1));
            assert_eq!(second.add(9).read().as_small_int(), Some(2));
        }
        let (big, m3) = stack.push(CHUNK * 2);
        assert_ne!(big, second);
        stack.pop(m3);
        stack.pop(m2);
        let (again, m2b) = stack.push(10);
        assert_eq!(again, second, "the popped window's room is reused");
        stack.pop(m2b);
        stack.pop(m1);
        let (top, _) = stack.push(1);
        assert_eq!(top, first);
    }

    #[test]
    fn window_fills_arguments_then_initial_registers() {
        let mut stack = RegStack::default();
        let (base, mark) = stack.push(4);
        // SAFETY (test): the window has 4 uninitialised slots.
        let mut w = unsafe { Window::new(base, 4) };
        let mut args = [Value::int(7)];
        w.move_from(&mut args);
        assert!(args[0].is_unbound());
        w.extend_from(&[Value::NONE, Value::int(3), Value::TRUE], true);
        let regs: Vec<Option<i64>> = w.regs().iter().map(|v| v.as_small_int()).collect();
        assert_eq!(regs, [Some(7), None, Some(3), None]);
        // SAFETY (test): the values are dropped once, then popped.
        unsafe { std::ptr::drop_in_place(w.regs()) };
        stack.pop(mark);
    }
}
