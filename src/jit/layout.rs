//! Where a list keeps its items, for generated code that indexes lists
//! without a runtime call (`Translator::get_item`, `set_item`).
//!
//! `Obj` is `repr(u32)`, so an object starts with its variant's `u32` tag
//! and a list's `RefCell<Vec<Value>>` sits after it. What Rust does not
//! promise is the order of the fields inside `RefCell` (its borrow flag
//! and value) and `Vec` (pointer, capacity, length). Rather than assume
//! it, `list_layout` finds them once, on a real list of this build, and
//! checks every fact the generated code relies on (the flag reads 0 when
//! free, positive while shared, negative while mutably borrowed; the
//! pointer and length words hold the items' address and count). If any
//! check fails the layout is `None` and lists are indexed through the
//! runtime as before: slower, never wrong.

use crate::runtime::object::Obj;
use crate::runtime::Value;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Offsets, from an object's address, of what indexing a list reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ListLayout {
    /// The `u32` at offset 0 of every list (and of no other object).
    pub tag: u32,
    /// The `RefCell`'s borrow flag (an `isize`): 0 while nothing borrows
    /// the list, above 0 while it is read, below 0 while it is changed.
    pub flag: i32,
    /// The items' address (a `*const Value`).
    pub items: i32,
    /// The number of items.
    pub len: i32,
}

/// This build's list layout, `None` if it is not the one expected.
pub(crate) fn list_layout() -> Option<ListLayout> {
    static LAYOUT: OnceLock<Option<ListLayout>> = OnceLock::new();
    *LAYOUT.get_or_init(probe)
}

const WORD: usize = std::mem::size_of::<usize>();

/// Read the word at `offset` bytes into the object at `base`.
///
/// # Safety
/// `offset + WORD` is within the object.
unsafe fn word_at(base: *const Obj, offset: usize) -> usize {
    // SAFETY: the caller's contract; unaligned reads are fine for a probe.
    unsafe {
        base.cast::<u8>()
            .add(offset)
            .cast::<usize>()
            .read_unaligned()
    }
}

fn probe() -> Option<ListLayout> {
    // Two items, room for more: the length and capacity words differ.
    let mut items = Vec::with_capacity(5);
    items.extend([Value::int(1), Value::int(2)]);
    let list = Value::list(items);
    let obj = list.as_obj()?;
    let Obj::List(cell) = obj else {
        return None;
    };
    let base: *const Obj = obj;
    // SAFETY: every offset read below is inside the object: the tag, and
    // words of the `RefCell` (found from its own address and size).
    unsafe {
        let tag = base.cast::<u32>().read();
        let cell_at = (cell as *const RefCell<Vec<Value>>).byte_offset_from(base) as usize;
        let vec_at = cell.as_ptr().cast_const().byte_offset_from(base) as usize;
        let cell_size = std::mem::size_of::<RefCell<Vec<Value>>>();
        let vec_size = std::mem::size_of::<Vec<Value>>();
        if cell_size != vec_size + WORD || vec_size != 3 * WORD {
            return None;
        }
        // The flag: the one word of the cell outside its value.
        let flag = if vec_at == cell_at {
            cell_at + vec_size
        } else if vec_at == cell_at + WORD {
            cell_at
        } else {
            return None;
        };
        let (ptr, len) = {
            let v = cell.borrow();
            (v.as_ptr() as usize, v.len())
        };
        let find = |want: usize| {
            let hits: Vec<usize> = (0..3)
                .map(|k| vec_at + k * WORD)
                .filter(|&at| word_at(base, at) == want)
                .collect();
            (hits.len() == 1).then(|| hits[0])
        };
        let (items_at, len_at) = (find(ptr)?, find(len)?);
        let flag_value = || word_at(base, flag) as isize;
        let free = flag_value() == 0;
        let shared = {
            let _r = cell.borrow();
            flag_value() > 0
        };
        let exclusive = {
            let _w = cell.borrow_mut();
            flag_value() < 0
        };
        // No other kind of object starts with the list's tag.
        let others = [Value::tuple(vec![]), Value::str("x")];
        let distinct = others
            .iter()
            .filter_map(Value::as_obj)
            .all(|o| (o as *const Obj).cast::<u32>().read() != tag);
        (free && shared && exclusive && distinct).then_some(ListLayout {
            tag,
            flag: flag as i32,
            items: items_at as i32,
            len: len_at as i32,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_build_has_a_list_layout_generated_code_can_use() {
        let layout = list_layout().expect("the probe recognises this build's list layout");
        // Reading a real list through the offsets finds its items.
        let list = Value::list(vec![Value::int(7), Value::int(8), Value::int(9)]);
        let obj: *const Obj = list.as_obj().expect("an object");
        // SAFETY: the probe checked these offsets on a list of this build.
        unsafe {
            let at = |off: i32| obj.cast::<u8>().add(off as usize).cast::<usize>().read();
            assert_eq!(obj.cast::<u32>().read(), layout.tag);
            assert_eq!(at(layout.flag), 0);
            assert_eq!(at(layout.len), 3);
            let items = at(layout.items) as *const Value;
            assert_eq!((*items.add(2)).as_small_int(), Some(9));
        }
    }
}
