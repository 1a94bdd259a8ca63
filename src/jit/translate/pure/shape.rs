//! Which functions qualify for a pure translation (see `super`), and the
//! facts their translation needs: the functions they call (as the
//! globals hold them now) and what each returns.

use super::types::{self, Ty};
use crate::bytecode::instr::{Instr, Reg};
use crate::bytecode::{CodeKind, CodeObject};
use crate::runtime::object::{Code, Obj};
use crate::runtime::Value;
use crate::syntax::ast::UnaryOp;
use std::collections::HashMap;

/// A call of a pure function inside pure code.
pub(crate) struct PureCall {
    /// The function the call's register must hold (checked).
    pub(crate) func: Value,
    /// Its code, whose `native` slot has its pure entry once compiled.
    pub(super) code: *const CodeObject,
    /// The global the function is loaded from, and the pc of that load.
    pub(crate) name: u16,
    pub(super) load_pc: usize,
    /// What the callee's returns return, when they agree (checked).
    returns: Ty,
}

/// The facts a pure translation of a code object needs: its calls.
pub(crate) struct PureShape {
    pub(crate) calls: HashMap<u32, PureCall>,
    /// The type each call's result is expected to have (checked).
    pub(super) call_results: types::CallResults,
    /// The type every `return` returns, if they agree.
    pub(super) returns: Ty,
    nparams: usize,
}

impl PureShape {
    pub(crate) fn nparams(&self) -> usize {
        self.nparams
    }
}

/// What callers of a pure function need to know of it.
#[derive(Clone, Copy)]
pub(in crate::jit::translate) struct PureSummary {
    /// What its returns return, when they agree.
    pub(in crate::jit::translate) returns: Ty,
    /// It calls other functions (whose globals must then be checked
    /// before entering it, see `runtime_calls::pure_verify`).
    pub(in crate::jit::translate) calls: bool,
}

/// When `code`, running in `globals`, qualifies as pure (see the module
/// doc; the functions it calls must be pure too): its summary.
pub(in crate::jit::translate) fn summary(
    code: &CodeObject,
    globals: &Value,
) -> Option<PureSummary> {
    let shape = shape_of(code, globals, &mut Vec::new())?;
    Some(PureSummary {
        returns: shape.returns,
        calls: !shape.calls.is_empty(),
    })
}

/// The shape of `code` when it is pure in `globals`.
pub(crate) fn shape(code: &CodeObject, globals: &Value) -> Option<PureShape> {
    shape_of(code, globals, &mut Vec::new())
}

/// `shape`, with the code objects whose check is under way (a call of
/// one of them is taken to be pure: recursion).
fn shape_of(
    code: &CodeObject,
    globals: &Value,
    checking: &mut Vec<*const CodeObject>,
) -> Option<PureShape> {
    let frameless = code.kind == CodeKind::Function
        && code.simple_args
        && !code.is_generator
        && code.handlers.is_empty()
        && code.cell_slots.is_empty()
        && code.nfree == 0
        && !code.reg_init_has_objects
        && code.sig.npositional <= code.nregs as usize;
    if !frameless || code.const_regs.iter().any(Value::is_obj) {
        return None;
    }
    checking.push(code as *const CodeObject);
    let mut calls = HashMap::new();
    for (pc, ins) in code.instrs.iter().enumerate() {
        use Instr::*;
        let ok = match *ins {
            Nop | Move { .. } | Copy { .. } | CheckBound { .. } | Clear { .. } => true,
            LoadConst { idx, .. } => !code.consts[idx as usize].is_obj(),
            LoadGlobal { .. } | Return { .. } => true,
            Unary { op, .. } => op != UnaryOp::Invert,
            Lt { .. } | Le { .. } | Gt { .. } | Ge { .. } | Eq { .. } | Ne { .. } => true,
            Jump { target }
            | JumpIfFalse { target, .. }
            | JumpIfTrue { target, .. }
            | JumpIfFalseKeep { target, .. }
            | JumpIfTrueKeep { target, .. }
            | JumpIfNotLt { target, .. }
            | JumpIfNotLe { target, .. }
            | JumpIfNotGt { target, .. }
            | JumpIfNotGe { target, .. }
            | JumpIfNotEq { target, .. }
            | JumpIfNotNe { target, .. } => target as usize > pc,
            Call { func, argc, .. } => match pure_callee(code, pc, func, argc, globals, checking) {
                Some(call) => {
                    calls.insert(pc as u32, call);
                    true
                }
                None => false,
            },
            _ => super::super::typed::arith_of(ins).is_some(),
        };
        if !ok {
            checking.pop();
            return None;
        }
    }
    checking.pop();
    let mut call_results: types::CallResults = calls
        .iter()
        .map(|(&pc, c)| (pc as usize, c.returns))
        .collect();
    let recursive: Vec<usize> = calls
        .iter()
        .filter(|(_, c)| std::ptr::eq(c.code, code))
        .map(|(&pc, _)| pc as usize)
        .collect();
    let returns = types::return_type(code, &mut call_results, &recursive);
    Some(PureShape {
        calls,
        call_results,
        returns,
        nparams: code.sig.npositional,
    })
}

/// The pure function a `Call` at `pc` of `code` calls: the one the
/// global it loads holds now, when its code is pure in the same globals
/// and takes `argc` arguments one to one.
fn pure_callee(
    code: &CodeObject,
    pc: usize,
    func: Reg,
    argc: u16,
    globals: &Value,
    checking: &mut Vec<*const CodeObject>,
) -> Option<PureCall> {
    let load_pc = super::super::calls::loading_pc(code, pc, func)?;
    let Instr::LoadGlobal { name, .. } = code.instrs[load_pc] else {
        return None;
    };
    let Some(Obj::Dict(dict)) = globals.as_obj() else {
        return None;
    };
    let f = dict.borrow().get_str(&code.names[name as usize]).cloned()?;
    let Some(Obj::Function(fo)) = f.as_obj() else {
        return None;
    };
    let Code::Bytecode(callee) = &fo.code else {
        return None;
    };
    let fits = fo.fast_arity == argc as u32
        && callee.sig.npositional == argc as usize
        && fo.closure.is_empty()
        && fo.globals.is(globals);
    if !fits {
        return None;
    }
    let callee_ptr = &**callee as *const CodeObject;
    // A call of a function whose check is under way (recursion) is taken
    // to be pure; what it returns is guessed later (`return_type`).
    let returns = if checking.contains(&callee_ptr) {
        Ty::Any
    } else {
        shape_of(callee, globals, checking)?.returns
    };
    Some(PureCall {
        func: f.clone(),
        code: callee_ptr,
        name,
        load_pc,
        returns,
    })
}
