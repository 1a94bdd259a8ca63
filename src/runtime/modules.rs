//! Built-in modules (`math`, `sys`, `gc`, `time`, `os`, …).

use super::value::Value;
use super::Interp;

/// The built-in module `name`, created on first use and cached in
/// `interp.modules`; `None` when there is no such built-in module.
pub fn builtin_module(interp: &mut Interp, name: &str) -> Option<Value> {
    interp.modules.get(name).cloned()
}
