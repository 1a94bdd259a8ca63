//! What pure code knows of its registers' types, so that arithmetic on
//! registers known to hold small ints or floats runs unboxed, without tag
//! checks.
//!
//! A forward pass over the instructions: pure code only branches forward,
//! so every predecessor of an instruction comes before it and one pass in
//! order finds each instruction's types (where paths with different types
//! meet, the register is of unknown type there). Types come from
//! constants, from results (int arithmetic makes an int or gives up), and
//! from *speculation*: an operand of unknown type next to an int in
//! arithmetic or a comparison is checked to be an int (pure code gives up
//! if not) and is known to be one from there on — the `n` of
//! `if n < 2` in `fib`. An operand of unknown type next to a float, or
//! divided, is checked to be a number and converted. Two operands of
//! unknown type go through the word paths, which check both.
//!
//! The translation (`PureTranslator`) follows the same rules
//! (`arith_kind`, `compare_kind`) as it goes; `transfer` is the pass's
//! copy of what each instruction does to the types, and debug builds
//! check that the two agree at every instruction.

use super::super::fast_paths::Arith;
use crate::bytecode::instr::{Instr, Reg, NO_REG};
use crate::bytecode::CodeObject;
use crate::runtime::Value;
use std::collections::HashMap;

/// The typed copy's types (`Any`: a word of any immediate here).
pub(super) use super::super::typed::Ty;

/// The type a constant gives a register.
pub(super) fn const_ty(v: &Value) -> Ty {
    if v.is_small_int() {
        Ty::Int
    } else if v.is_float() {
        Ty::Float
    } else {
        Ty::Any
    }
}

/// How an operation on two operands runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// On unboxed ints; an operand of unknown type is checked to be one.
    Int,
    /// On unboxed floats; an operand of unknown type is checked to be a
    /// number and converted (ints convert exactly: they have 48 bits).
    Float,
    /// On the words, whose types the operation checks.
    Word,
}

pub(super) fn arith_kind(op: Arith, a: Ty, b: Ty) -> Kind {
    let float_op = matches!(op, Arith::Add | Arith::Sub | Arith::Mul | Arith::TrueDiv);
    match (a, b) {
        (Ty::Any, Ty::Any) => Kind::Word,
        // `/` of numbers is float division.
        _ if op == Arith::TrueDiv => Kind::Float,
        (Ty::Float, _) | (_, Ty::Float) if float_op => Kind::Float,
        (Ty::Float, _) | (_, Ty::Float) => Kind::Word,
        _ => Kind::Int,
    }
}

pub(super) fn compare_kind(a: Ty, b: Ty) -> Kind {
    match (a, b) {
        (Ty::Any, Ty::Any) => Kind::Word,
        (Ty::Float, _) | (_, Ty::Float) => Kind::Float,
        _ => Kind::Int,
    }
}

/// The type of register `r` where the registers have types `ty`.
pub(super) fn ty_of(code: &CodeObject, ty: &[Ty], r: Reg) -> Ty {
    match code.const_reg(r) {
        Some(c) => const_ty(c),
        None => ty[r as usize],
    }
}

/// The type each pure call's result is expected to have, by the call's
/// pc (the call checks it; see `return_type`).
pub(super) type CallResults = HashMap<usize, Ty>;

/// What instruction `ins` at `pc` does to the types `ty`.
pub(super) fn transfer(
    code: &CodeObject,
    pc: usize,
    ins: &Instr,
    ty: &mut [Ty],
    calls: &CallResults,
) {
    use Instr::*;
    let t = |ty: &[Ty], r: Reg| ty_of(code, ty, r);
    let set = |ty: &mut [Ty], r: Reg, to: Ty| {
        if r != NO_REG && code.const_reg(r).is_none() {
            ty[r as usize] = to;
        }
    };
    if let Some((op, dst, a, b)) = super::super::typed::arith_of(ins) {
        let kind = arith_kind(op, t(ty, a), t(ty, b));
        let result = match kind {
            Kind::Int => {
                set(ty, a, Ty::Int);
                set(ty, b, Ty::Int);
                Ty::Int
            }
            Kind::Float => Ty::Float,
            Kind::Word => Ty::Any,
        };
        set(ty, dst, result);
        return;
    }
    match *ins {
        Lt { dst, a, b }
        | Le { dst, a, b }
        | Gt { dst, a, b }
        | Ge { dst, a, b }
        | Eq { dst, a, b }
        | Ne { dst, a, b } => {
            if compare_kind(t(ty, a), t(ty, b)) == Kind::Int {
                set(ty, a, Ty::Int);
                set(ty, b, Ty::Int);
            }
            set(ty, dst, Ty::Any);
        }
        JumpIfNotLt { a, b, .. }
        | JumpIfNotLe { a, b, .. }
        | JumpIfNotGt { a, b, .. }
        | JumpIfNotGe { a, b, .. }
        | JumpIfNotEq { a, b, .. }
        | JumpIfNotNe { a, b, .. }
            if compare_kind(t(ty, a), t(ty, b)) == Kind::Int =>
        {
            set(ty, a, Ty::Int);
            set(ty, b, Ty::Int);
        }
        Move { dst, src } | Copy { dst, src } => {
            let s = t(ty, src);
            set(ty, dst, s);
        }
        LoadConst { dst, idx } => set(ty, dst, const_ty(&code.consts[idx as usize])),
        Unary { op, dst, src } => {
            use crate::syntax::ast::UnaryOp;
            let s = t(ty, src);
            let r = match op {
                UnaryOp::Neg | UnaryOp::Pos => s,
                _ => Ty::Any,
            };
            set(ty, dst, r);
        }
        LoadGlobal { dst, .. } => set(ty, dst, Ty::Any),
        Call { dst, .. } => set(ty, dst, calls.get(&pc).copied().unwrap_or(Ty::Any)),
        Clear { reg } => set(ty, reg, Ty::Any),
        _ => {}
    }
}

/// The types of the registers before each instruction of `code` (`None`
/// where no path leads).
pub(super) fn infer(code: &CodeObject, calls: &CallResults) -> Vec<Option<Vec<Ty>>> {
    infer_from(code, calls, vec![Ty::Any; code.nregs as usize])
}

/// `infer` from the types `entry` at the first instruction.
pub(super) fn infer_from(
    code: &CodeObject,
    calls: &CallResults,
    entry: Vec<Ty>,
) -> Vec<Option<Vec<Ty>>> {
    let n = code.instrs.len();
    let mut at: Vec<Option<Vec<Ty>>> = vec![None; n];
    at[0] = Some(entry);
    for pc in 0..n {
        let Some(mut s) = at[pc].clone() else {
            continue;
        };
        let ins = &code.instrs[pc];
        transfer(code, pc, ins, &mut s, calls);
        for next in successors(ins, pc) {
            meet_into(&mut at[next], &s);
        }
    }
    at
}

/// The parameters (of the first `nparams` registers) that the types
/// `states` leave as operands of arithmetic or a comparison on two words
/// of unknown type, in order: a call whose arguments there are ints runs
/// a version of the code in which they are known to be (see
/// `translate`), with all their arithmetic unboxed.
pub(super) fn int_params(
    code: &CodeObject,
    nparams: usize,
    states: &[Option<Vec<Ty>>],
) -> Vec<Reg> {
    let mut params = Vec::new();
    for (ins, state) in code.instrs.iter().zip(states) {
        let Some(ty) = state else { continue };
        let t = |r: Reg| ty_of(code, ty, r);
        let operands = match super::super::words::compare_operands(ins) {
            Some((a, b)) => (compare_kind(t(a), t(b)) == Kind::Word).then_some((a, b)),
            None => super::super::typed::arith_of(ins)
                .filter(|&(op, _, a, b)| arith_kind(op, t(a), t(b)) == Kind::Word)
                .map(|(_, _, a, b)| (a, b)),
        };
        for r in operands.into_iter().flat_map(|(a, b)| [a, b]) {
            if (r as usize) < nparams && code.const_reg(r).is_none() && !params.contains(&r) {
                params.push(r);
            }
        }
    }
    params
}

/// Where control goes after instruction `ins` at `pc`.
pub(super) fn successors(ins: &Instr, pc: usize) -> Vec<usize> {
    use Instr::*;
    match *ins {
        Return { .. } => vec![],
        Jump { target } => vec![target as usize],
        _ => match ins.target() {
            Some(target) => vec![pc + 1, target as usize],
            None => vec![pc + 1],
        },
    }
}

fn meet_into(at: &mut Option<Vec<Ty>>, s: &[Ty]) {
    match at {
        None => *at = Some(s.to_vec()),
        Some(t) => {
            for (a, &b) in t.iter_mut().zip(s) {
                if *a != b {
                    *a = Ty::Any;
                }
            }
        }
    }
}

/// The type every `return` of `code` returns, when they agree, given
/// what its calls return (`calls`; the calls of `code` itself, the pcs in
/// `recursive`, are assumed to return what is being tried: `fib` returns
/// an int if it does when its recursive calls do). Callers check it, so
/// a wrong answer costs speed, never correctness.
pub(super) fn return_type(code: &CodeObject, calls: &mut CallResults, recursive: &[usize]) -> Ty {
    let returns = |calls: &CallResults| {
        let states = infer(code, calls);
        let mut all = None;
        for (pc, ins) in code.instrs.iter().enumerate() {
            if let (Instr::Return { src, .. }, Some(ty)) = (ins, &states[pc]) {
                let t = ty_of(code, ty, *src);
                all = match all {
                    None => Some(t),
                    Some(a) if a == t => Some(a),
                    Some(_) => Some(Ty::Any),
                };
            }
        }
        all.unwrap_or(Ty::Any)
    };
    if !recursive.is_empty() {
        for guess in [Ty::Int, Ty::Float] {
            for &pc in recursive {
                calls.insert(pc, guess);
            }
            if returns(calls) == guess {
                return guess;
            }
        }
        for &pc in recursive {
            calls.insert(pc, Ty::Any);
        }
    }
    returns(calls)
}
