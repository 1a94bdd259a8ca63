//! Ctrl-C as `KeyboardInterrupt`: a SIGINT handler (installed by the REPL)
//! sets a flag that every backend polls at statement boundaries and loop
//! back-edges, so running code is interrupted without killing the host.

use super::exceptions::{self, ExcType};
use super::{Interp, PyErr};
use std::sync::atomic::{AtomicBool, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);

/// Has Ctrl-C been pressed since the last check?
#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Consume the pending interrupt as a `KeyboardInterrupt` exception.
pub fn raise(interp: &Interp) -> PyErr {
    PENDING.store(false, Ordering::Relaxed);
    let cls = interp.exc_type(ExcType::KeyboardInterrupt).clone();
    PyErr(exceptions::new_exception(interp, &cls, vec![]))
}

/// Forget an interrupt that arrived while no code was running.
pub fn clear() {
    PENDING.store(false, Ordering::Relaxed);
}

extern "C" fn on_sigint(_: libc::c_int) {
    PENDING.store(true, Ordering::Relaxed);
}

/// Route SIGINT to the flag instead of terminating the process.
pub fn install_handler() {
    // SAFETY: the handler only stores to an atomic, which is
    // async-signal-safe; `signal` is given a valid `extern "C"` function.
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}
