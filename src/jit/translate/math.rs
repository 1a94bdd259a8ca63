//! `math.sqrt(x)` in typed loops as one machine instruction.
//!
//! Why: the call goes through the runtime's general call entry, the
//! module's dict, the built-in function and back (some 600 machine
//! instructions in nbody's inner loop, a quarter of it), for what the
//! machine does in one: the square root of a non-negative float is the
//! correctly rounded IEEE one, which is what CPython returns.
//!
//! The specialisation is guarded: the register must hold the module the
//! global held at translation (its address pinned), and the module's
//! attribute must still be the built-in function — checked by the runtime
//! (`runtime_calls::module_fn_verify`) only when the globals epoch has
//! moved since it last was (native modules' dicts are watched, so
//! `math.sqrt = f` moves it). Anything else — another object, a negative
//! argument or NaN (a `ValueError` or a NaN the runtime returns), a
//! non-number — leaves the typed copy for the general call.

use super::calls::loading_pc;
use crate::bytecode::instr::Instr;
use crate::bytecode::CodeObject;
use crate::runtime::object::Obj;
use crate::runtime::Value;
use std::cell::Cell;
use std::collections::HashMap;

/// A `math.sqrt(x)` call site.
pub(super) struct MathSite {
    /// The module's word (the guard), and the built-in function's.
    pub(super) module_word: u64,
    pub(super) native_word: u64,
    /// The globals epoch at which the module attribute was last found to
    /// be the function (a cell of the code's native slot).
    pub(super) verified: *const Cell<u64>,
}

/// The `CallMethod` sites of `code` that call `math.sqrt` of the module a
/// global holds now (in `globals`); the module and function are pinned
/// and each site gets its epoch cell in `code.native`.
pub(super) fn math_sites(code: &CodeObject, globals: Option<&Value>) -> HashMap<u32, MathSite> {
    let mut sites = HashMap::new();
    let Some(Obj::Dict(dict)) = globals.and_then(Value::as_obj) else {
        return sites;
    };
    for (pc, ins) in code.instrs.iter().enumerate() {
        let Instr::CallMethod {
            obj, argc: 1, name, ..
        } = *ins
        else {
            continue;
        };
        let Some(Instr::LoadGlobal { name: global, .. }) =
            loading_pc(code, pc, obj).map(|at| code.instrs[at])
        else {
            continue;
        };
        let Some(module) = dict.borrow().get_str(&code.names[global as usize]).cloned() else {
            continue;
        };
        let Some(Obj::Module(m)) = module.as_obj() else {
            continue;
        };
        let Some(Obj::Dict(mdict)) = m.dict.as_obj() else {
            continue;
        };
        let Some(native) = mdict.borrow().get_str(&code.names[name as usize]).cloned() else {
            continue;
        };
        let is_sqrt = matches!(native.as_obj(),
            Some(Obj::Native(n)) if crate::runtime::modules::is_math_sqrt(n.func));
        if !is_sqrt || !mdict.borrow().is_watched() {
            continue;
        }
        let (Some(pin_m), Some(pin_n)) = (module.pin_address(), native.pin_address()) else {
            continue;
        };
        code.native.pins.borrow_mut().extend([pin_m, pin_n]);
        sites.insert(
            pc as u32,
            MathSite {
                module_word: module.bits(),
                native_word: native.bits(),
                verified: code.native.new_epoch_cell(),
            },
        );
    }
    sites
}
