//! The process allocators a host can install: `TrackingAllocator`, which
//! counts the bytes allocated for the embedding API's memory limit, and
//! `Mimalloc`, the fast one the `tern` binary installs (it has no memory
//! limit to enforce).
//!
//! A library cannot choose the process's allocator, so a host that wants
//! the memory limit opts in by installing `TrackingAllocator`:
//!
//! ```
//! #[global_allocator]
//! static ALLOC: tern::alloc::TrackingAllocator = tern::alloc::TrackingAllocator;
//! ```
//!
//! Without it, `allocated()` stays 0 and only the pre-flight checks of huge
//! single requests (`[0] * 10**10`) enforce the limit.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

/// The system allocator plus a count of live bytes.
pub struct TrackingAllocator;

// SAFETY: every method forwards to `System` with the caller's arguments and
// only adds bookkeeping on an atomic counter.
unsafe impl GlobalAlloc for TrackingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged; `ptr`/`layout` come from this allocator.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
            ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        }
        p
    }
}

/// mimalloc for every allocation, taking its plain `mi_malloc` path
/// whenever that already gives the alignment asked for.
///
/// Why not the `mimalloc` crate's `MiMalloc`: it sends every request
/// through `mi_malloc_aligned`, whose fast path needs the size class's free
/// list to be non-empty; otherwise it falls back to a generic path that
/// over-allocates any block whose size is not a power of two (such as a
/// 112-byte one), so a refill of a page costs an over-sized
/// block from another size class. `mi_malloc` returns blocks aligned to 16
/// bytes (or to their size, when smaller), the rule the system allocator's
/// `GlobalAlloc` uses too.
pub struct Mimalloc;

/// The largest alignment `mi_malloc` guarantees (`MI_MAX_ALIGN_SIZE`).
const MI_MAX_ALIGN: usize = 16;

#[inline(always)]
fn plain_malloc_fits(align: usize, size: usize) -> bool {
    align <= MI_MAX_ALIGN && align <= size
}

// SAFETY: every method forwards to mimalloc, whose blocks satisfy the
// layout: `mi_malloc`/`mi_zalloc`/`mi_realloc` when the alignment is one
// they guarantee (`plain_malloc_fits`), the `_aligned` variants otherwise;
// `mi_free` frees blocks from any of them.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain C allocation calls; the returned block is checked
        // by the caller for null.
        unsafe {
            if plain_malloc_fits(layout.align(), layout.size()) {
                libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if plain_malloc_fits(layout.align(), layout.size()) {
                libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from one of this allocator's mimalloc calls.
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`; the new
        // block keeps `layout.align()`, by the same rule as `alloc`.
        unsafe {
            let p = ptr as *mut std::ffi::c_void;
            if plain_malloc_fits(layout.align(), new_size) {
                libmimalloc_sys::mi_realloc(p, new_size) as *mut u8
            } else {
                libmimalloc_sys::mi_realloc_aligned(p, new_size, layout.align()) as *mut u8
            }
        }
    }
}

/// Turn transparent huge pages off for this process (Linux; elsewhere
/// nothing). A host that installs `Mimalloc` calls it first thing in
/// `main`; it returns whether the kernel took the setting.
///
/// Why: mimalloc asks for huge pages on its arenas (`madvise(MADV_HUGEPAGE)`),
/// and where the kernel's THP `defrag` setting is `madvise` (a common
/// default) a page fault in such a region compacts memory synchronously
/// when no huge page is free. On a machine whose memory is fragmented that
/// cost whole seconds of kernel time in some runs and none in others:
/// `dict_words.py` took 1.35-1.95 s (up to 1.0 s of it system time) where
/// it takes 1.16-1.25 s with huge pages off, `string_build.py` 1.57-2.06 s
/// against 1.35 s; no benchmark of `../shared/bench` was slower without
/// them. The setting is the process's (and its children's); it does not
/// touch the system's.
pub fn disable_transparent_huge_pages() -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)` only sets a flag
        // of the calling process; it reads no memory of ours.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0 }
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Bytes currently allocated through `TrackingAllocator` (0 if it is not
/// the global allocator).
pub fn allocated() -> usize {
    ALLOCATED.load(Ordering::Relaxed)
}
