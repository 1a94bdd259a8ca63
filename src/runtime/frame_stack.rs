//! The running frames as the runtime sees them (`Interp::frames`): one
//! `FrameMeta` pointer per Python frame, innermost last, for `logging`'s
//! caller lookup.
//!
//! Why not a `Vec<FrameInfo>`: the JIT's native calls push and pop entries
//! from generated code, so the stack's layout must be known (`repr(C)`,
//! offsets below), and an entry is a plain pointer with no reference count
//! to touch. The pusher keeps the frame info alive until its pop (a code
//! object owns its `FrameInfo`, and a running frame owns its code).

use super::interp::{FrameInfo, FrameMeta};

#[repr(C)]
pub struct FrameStack {
    items: *mut *const FrameMeta,
    len: usize,
    cap: usize,
}

impl FrameStack {
    /// Offsets generated code uses: the item array, length and capacity.
    pub(crate) const ITEMS_OFFSET: i32 = std::mem::offset_of!(FrameStack, items) as i32;
    pub(crate) const LEN_OFFSET: i32 = std::mem::offset_of!(FrameStack, len) as i32;
    pub(crate) const CAP_OFFSET: i32 = std::mem::offset_of!(FrameStack, cap) as i32;

    pub fn new() -> FrameStack {
        FrameStack {
            items: std::ptr::null_mut(),
            len: 0,
            cap: 0,
        }
    }

    /// Push `info`'s frame.
    ///
    /// # Safety
    /// `info` (its `FrameMeta`) must stay alive until the matching `pop`
    /// (or `clear`).
    #[inline]
    pub unsafe fn push(&mut self, info: &FrameInfo) {
        if self.len == self.cap {
            self.grow();
        }
        // SAFETY: `len < cap` after `grow`, so the slot is inside the array.
        unsafe { self.items.add(self.len).write(info.meta_ptr()) };
        self.len += 1;
    }

    #[cold]
    fn grow(&mut self) {
        let cap = (self.cap * 2).max(64);
        let mut v: Vec<*const FrameMeta> = Vec::with_capacity(cap);
        // SAFETY: the first `len` items are initialised.
        v.extend_from_slice(unsafe { self.as_slice() });
        self.free();
        let mut v = std::mem::ManuallyDrop::new(v);
        self.items = v.as_mut_ptr();
        self.cap = v.capacity();
    }

    /// Give the item array back (its length is kept).
    fn free(&mut self) {
        if !self.items.is_null() {
            // SAFETY: `items` came from a `Vec` of capacity `cap` (`grow`);
            // its items are plain pointers with nothing to drop.
            drop(unsafe { Vec::from_raw_parts(self.items, 0, self.cap) });
            self.items = std::ptr::null_mut();
            self.cap = 0;
        }
    }

    #[inline]
    pub fn pop(&mut self) {
        debug_assert!(self.len > 0, "a frame pop without its push");
        self.len = self.len.saturating_sub(1);
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// # Safety
    /// Only the first `len` items are read, which `push` initialised.
    unsafe fn as_slice(&self) -> &[*const FrameMeta] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(self.items, self.len) }
    }

    /// The frames, innermost last.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &FrameMeta> {
        // SAFETY: every entry was pushed with the promise that its frame
        // info outlives it (see `push`).
        unsafe { self.as_slice() }.iter().map(|&m| unsafe { &*m })
    }
}

impl Default for FrameStack {
    fn default() -> FrameStack {
        FrameStack::new()
    }
}

impl Drop for FrameStack {
    fn drop(&mut self) {
        self.free();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    fn info(name: &str) -> FrameInfo {
        FrameInfo::new(
            Rc::from("f.py"),
            Rc::from(name),
            Rc::new(Cell::new(0)),
            Rc::from(vec![0u32]),
        )
    }

    #[test]
    fn pushes_pops_and_grows_keeping_order() {
        let infos: Vec<FrameInfo> = (0..200).map(|i| info(&format!("f{i}"))).collect();
        let mut s = FrameStack::new();
        for i in &infos {
            // SAFETY (test): `infos` outlives the stack's use.
            unsafe { s.push(i) };
        }
        assert_eq!(s.len(), 200);
        assert_eq!(&*s.iter().next_back().unwrap().func, "f199");
        s.pop();
        assert_eq!(&*s.iter().next_back().unwrap().func, "f198");
        assert_eq!(&*s.iter().next().unwrap().func, "f0");
        s.clear();
        assert!(s.is_empty() && s.iter().next().is_none());
    }
}
