//! Checks a finished code object before it can run: every branch and
//! handler target is an instruction, control cannot run off the end,
//! every register the dispatch loop's inline instructions name is in the
//! register file, every instruction has a source position and every name
//! an instruction looks up through the name caches is a name of the code.
//! The loop (`vm::dispatch::run_instrs`) relies on this to fetch
//! instructions and index registers and those tables without bounds
//! checks, which are a few percent of all the work on every benchmark; a
//! code object that fails is a compiler bug, reported as an internal
//! compile error instead of becoming undefined behaviour.

use super::code::Handler;
use super::instr::{Instr, Reg, NO_REG};

/// Why `instrs` may not run on a register file of `nregs` with
/// `npositions` source positions and `nnames` names, if it may not.
pub fn verify(
    instrs: &[Instr],
    handlers: &[Handler],
    nregs: u16,
    npositions: usize,
    nnames: usize,
) -> Result<(), String> {
    let len = instrs.len();
    if npositions != len {
        return Err(format!(
            "{npositions} source positions for {len} instructions"
        ));
    }
    let Some(last) = instrs.last() else {
        return Err("no instructions".into());
    };
    if !ends_flow(last) {
        return Err(format!("control runs off the end after {}", last.name()));
    }
    for (pc, ins) in instrs.iter().enumerate() {
        if let Some(t) = ins.target() {
            if t as usize >= len {
                return Err(format!("{} at {pc} jumps to {t} of {len}", ins.name()));
            }
        }
        if cached_name(ins).is_some_and(|n| n as usize >= nnames) {
            return Err(format!(
                "{} at {pc} names a name beyond {nnames}",
                ins.name()
            ));
        }
        if !inline_registers_in_range(ins, nregs) {
            return Err(format!(
                "{} at {pc} names a register beyond {nregs}",
                ins.name()
            ));
        }
    }
    for h in handlers {
        if h.target as usize >= len {
            return Err(format!("a handler targets {} of {len}", h.target));
        }
        if h.exc_reg >= h.clear_end || h.clear_end > nregs {
            return Err(format!(
                "a handler clears {}..{} of {nregs} registers",
                h.exc_reg, h.clear_end
            ));
        }
    }
    Ok(())
}

/// The name an instruction looks up through the code's per-name caches
/// (`CodeObject::name_site`), which the dispatch loop indexes unchecked.
fn cached_name(ins: &Instr) -> Option<u16> {
    match *ins {
        Instr::LoadGlobal { name, .. }
        | Instr::GetAttr { name, .. }
        | Instr::SetAttr { name, .. }
        | Instr::CallMethod { name, .. } => Some(name),
        _ => None,
    }
}

/// Does no instruction follow `ins` in the flow (so it may end the code)?
pub(crate) fn ends_flow(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::Return { .. }
            | Instr::Jump { .. }
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
            | Instr::ReraiseWithContext { .. }
            | Instr::RaiseAssert { .. }
    )
}

/// Are the registers that the dispatch loop's inline case of `ins`
/// touches (see `vm::dispatch::loop_has_fast_path`) in a file of `nregs`?
/// Other instructions run in `vm::slow` with checked indexing.
fn inline_registers_in_range(ins: &Instr, nregs: u16) -> bool {
    let reg = |r: Reg| r < nregs;
    let dst_or_none = |r: Reg| r == NO_REG || r < nregs;
    // `n` consecutive registers from `first`.
    let span = |first: Reg, n: u32| first as u32 + n <= nregs as u32;
    match *ins {
        Instr::Move { dst, src } => reg(dst) && reg(src),
        Instr::LoadConst { dst, .. } | Instr::LoadGlobal { dst, .. } => reg(dst),
        Instr::Add { dst, a, b }
        | Instr::InplaceAdd { dst, a, b }
        | Instr::Sub { dst, a, b }
        | Instr::InplaceSub { dst, a, b }
        | Instr::Mul { dst, a, b }
        | Instr::FloorDiv { dst, a, b }
        | Instr::Mod { dst, a, b }
        | Instr::TrueDiv { dst, a, b }
        | Instr::Lt { dst, a, b }
        | Instr::Le { dst, a, b }
        | Instr::Gt { dst, a, b }
        | Instr::Ge { dst, a, b }
        | Instr::Eq { dst, a, b }
        | Instr::Ne { dst, a, b }
        | Instr::Compare { dst, a, b, .. } => reg(dst) && reg(a) && reg(b),
        Instr::JumpIfFalse { cond, .. }
        | Instr::JumpIfFalseKeep { cond, .. }
        | Instr::JumpIfTrue { cond, .. }
        | Instr::JumpIfTrueKeep { cond, .. } => reg(cond),
        Instr::JumpIfNotLt { a, b, .. }
        | Instr::JumpIfNotLe { a, b, .. }
        | Instr::JumpIfNotGt { a, b, .. }
        | Instr::JumpIfNotGe { a, b, .. }
        | Instr::JumpIfNotEq { a, b, .. }
        | Instr::JumpIfNotNe { a, b, .. }
        | Instr::JumpIfIs { a, b, .. }
        | Instr::JumpIfIsNot { a, b, .. } => reg(a) && reg(b),
        Instr::GetAttr { dst, obj, .. } => reg(dst) && reg(obj),
        Instr::GetItem { dst, obj, idx } => reg(dst) && reg(obj) && reg(idx),
        Instr::SetItem { obj, idx, src } => reg(obj) && reg(idx) && reg(src),
        Instr::Call { dst, func, argc } => dst_or_none(dst) && span(func, argc as u32 + 1),
        Instr::CallMethod { dst, obj, argc, .. } => dst_or_none(dst) && span(obj, argc as u32 + 1),
        Instr::ForIter { dst, iter, .. } => reg(dst) && reg(iter),
        Instr::Unpack { src, dst, n } => reg(src) && span(dst, n as u32),
        Instr::BuildTuple { dst, start, n } => reg(dst) && span(start, n as u32),
        Instr::Clear { reg: r } => reg(r),
        Instr::Return { src, .. } => reg(src),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_code_passes() {
        let code = [
            Instr::JumpIfNotLt {
                a: 0,
                b: 1,
                target: 2,
            },
            Instr::Return { src: 0, live: 0 },
            Instr::Add { dst: 2, a: 0, b: 1 },
            Instr::Return { src: 2, live: 0 },
        ];
        assert_eq!(verify(&code, &[], 3, code.len(), 0), Ok(()));
    }

    #[test]
    fn registers_beyond_the_file_are_rejected() {
        let code = [
            Instr::Add { dst: 3, a: 0, b: 1 },
            Instr::Return { src: 0, live: 0 },
        ];
        assert!(verify(&code, &[], 3, code.len(), 0).is_err());
        let call = [
            Instr::Call {
                dst: NO_REG,
                func: 1,
                argc: 2,
            },
            Instr::Return { src: 0, live: 0 },
        ];
        assert!(
            verify(&call, &[], 3, call.len(), 0).is_err(),
            "arguments past the end"
        );
        assert_eq!(verify(&call, &[], 4, call.len(), 0), Ok(()));
    }

    #[test]
    fn targets_and_fall_through_are_checked() {
        assert!(verify(&[Instr::Jump { target: 1 }], &[], 1, 1, 0).is_err());
        assert!(verify(&[Instr::Clear { reg: 0 }], &[], 1, 1, 0).is_err());
        let handler = Handler {
            start: 0,
            end: 1,
            target: 5,
            exc_reg: 0,
            clear_end: 1,
        };
        assert!(verify(&[Instr::Return { src: 0, live: 0 }], &[handler], 1, 1, 0).is_err());
    }

    #[test]
    fn positions_and_names_are_checked() {
        let code = [
            Instr::LoadGlobal { dst: 0, name: 1 },
            Instr::Return { src: 0, live: 0 },
        ];
        assert!(verify(&code, &[], 1, 1, 2).is_err(), "a position missing");
        assert!(verify(&code, &[], 1, 2, 1).is_err(), "name 1 of 1");
        assert_eq!(verify(&code, &[], 1, 2, 2), Ok(()));
    }
}
