//! The typed copy of a function with loops: a second translation of the
//! same bytecode in which registers known to hold a small int or a float
//! live unboxed in Cranelift variables, so loop arithmetic runs without
//! tag checks, boxing round trips or release checks.
//!
//! Why a second copy rather than type checks in the one translation: a
//! register's type can only be relied on across a loop's back edge when
//! no path through the loop can change it, and the general paths can
//! (an int that overflows 48 bits becomes a big int, `int + str` raises).
//! Here those paths leave the typed copy instead: a *side exit* jumps to
//! the same instruction in the general copy (the ordinary translation,
//! `Translator::instr`), which redoes it in full and goes on from there,
//! until it reaches the head of a loop with typed work: there it checks
//! the registers the typed copy holds unboxed and, if their types match,
//! goes back into the typed copy (`reenter_typed_copy`). The register
//! file in memory is brought up to date whenever something other than the
//! typed copy's own arithmetic could look at it: a typed result is stored,
//! boxed, in its register before an ordinary instruction, on a side exit,
//! and on an edge into a point where the register's type is not known
//! (`edge_stores`), and at once when it replaces what may be an object in
//! a local (released then, as CPython would); so the general copy, the
//! runtime calls the typed copy makes for other instructions, exception
//! handlers and tracebacks all see what they would have seen without it.
//!
//! What is typed (`plan`): `+ - * // % / << >> & | ^` of small ints and
//! of floats (and ints mixed into float arithmetic), comparisons that
//! branch, truth tests of numbers, and moves and copies of typed values.
//! An operand of unknown type next to a typed one is *guarded*: checked
//! to be a small int (and then known to be one: its register is refined)
//! or, for float arithmetic, a number; anything else exits. A `for … in
//! range(…)` yields unboxed ints. In loops, list items are read and
//! stored inline (anything but a list and a small-int index exits; a
//! local's list is checked once until it changes), an item that float
//! arithmetic reads next is taken for a float (checked), and a truth test
//! of a bool is inline. Calls of pure functions and of `math.sqrt` stay in
//! the typed copy, their callee's global checked rather than loaded. In a
//! *float loop* (an innermost loop that divides or uses a float constant)
//! two operands of unknown type are taken for floats, each checked to be
//! one (and known to be one from then on); so are they elsewhere next to
//! a local that a float loop's arithmetic reads, and an item read into
//! such a local (`floatish_locals`: a guess, which a wrong one costs a
//! side exit, not a wrong result). Other instructions run their ordinary
//! translation inside the typed copy (what they may write becomes unknown
//! again), except that in an innermost loop that is not a float loop the
//! large ones (calls, containers, attributes) end the typed copy: its
//! translation costs compile time, and only a loop that stays in it pays
//! that back (see `Typing::new`).
//!
//! The types come from a forward data-flow pass over the instructions
//! (`infer`), which mirrors the translation exactly: the two share `plan`
//! and `apply`, so a register the pass calls typed has had its variable
//! defined on every path of the typed copy that reaches it. At the head
//! of a loop, a local that every back edge brings as an int or a float
//! (from the inside out: what an inner loop makes a float, its outer
//! loop's back edge brings as one) is taken for one even where the way in
//! does not say so
//! (`speculate`): that way in checks and loads it (a guarded edge), or
//! leaves for the general copy, which comes back at the head once the
//! local holds its type; without this a local the loop assigns a float,
//! but that held something else before the loop, is stored and released
//! at every assignment.

use super::fast_paths::Arith;
use super::words::Words;
use super::Translator;
use crate::bytecode::instr::{Instr, Reg, NO_REG};
use crate::bytecode::verify::ends_flow;
use crate::bytecode::CodeObject;
use crate::jit::layout::list_layout;
use crate::runtime::Value;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, types, Block, InstBuilder};
use cranelift_frontend::Variable;

/// What the typed copy knows of a register's value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Ty {
    /// Anything (read from the register file, checked where used).
    Any,
    /// A small int, unboxed as an `i64`.
    Int,
    /// A float, unboxed as an `f64`.
    Float,
}

/// The types of the registers before an instruction of the typed copy,
/// and which typed registers are *stale*: their variable holds a newer
/// value than the register file, which gets it before anything else can
/// look (`Translator::materialize`: before an ordinary instruction, on a
/// side exit). A result is stored at once only where it must be (see
/// `stores_at_once`), so a loop's arithmetic stays in machine registers.
#[derive(Clone, PartialEq, Debug)]
pub(super) struct State {
    pub(super) ty: Vec<Ty>,
    stale: Vec<bool>,
}

/// How the typed copy runs one instruction.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Plan {
    /// `dst = a op b` on unboxed numbers of kind `num` (`Int` or `Float`).
    /// With `floats[i]`, operand `i` (of unknown type) must be a float,
    /// not an int (checked), and is known to be one after.
    Arith {
        op: Arith,
        num: Ty,
        dst: Reg,
        a: Reg,
        b: Reg,
        floats: [bool; 2],
    },
    /// A compare-and-branch on numbers of kind `num`.
    Branch { num: Ty, a: Reg, b: Reg },
    /// A truth test of a typed number.
    Truth { cond: Reg, jump_on: bool },
    /// A truth test of a value of unknown type: a bool inline, anything
    /// else (`__bool__` may run Python code) after storing the stale
    /// registers.
    Bool { cond: Reg, jump_on: bool },
    /// `dst = src` of a typed value.
    Move { dst: Reg, src: Reg },
    /// The `ForIter` of a `for … in range(…)`: counted, `dst` an int (an
    /// iterator of anything else takes the general path, and its items
    /// must be small ints to stay in the typed copy).
    Count { dst: Reg },
    /// `dst = obj[idx]` of a list, read inline; anything else leaves the
    /// typed copy (the list and index are checked, not known). With
    /// `float` (see `Site::float_item`) the item must be a float, and
    /// `dst` holds it unboxed.
    Item {
        dst: Reg,
        obj: Reg,
        idx: Reg,
        float: bool,
    },
    /// `obj[idx] = src` of a list, stored inline (as `Item`).
    Store { obj: Reg, idx: Reg, src: Reg },
    /// `dst = func(args)` of a function with a pure entry, the arguments
    /// boxed from the typed registers and a result of the type the
    /// function's returns return (`returns`, checked) kept unboxed; any
    /// other case leaves the typed copy (the general copy calls again).
    PureCall {
        dst: Reg,
        func: Reg,
        argc: u16,
        returns: Ty,
    },
    /// `dst = obj.sqrt(x)` of the `math` module (see `math`), a float;
    /// any other case leaves the typed copy.
    Sqrt { dst: Reg, obj: Reg },
    /// `dst = name` of the function or module a `PureCall` or `Sqrt` calls
    /// after the arguments' moves and arithmetic (`Site::callee_global`): while the
    /// globals have not changed since the site's last load, its word is
    /// kept for the call without a reference or a store (`Typing::
    /// pending`); else the typed copy is left.
    CalleeGlobal { dst: Reg, name: u16 },
    /// The instruction's ordinary translation.
    General,
    /// Leave the typed copy for the general one here: an instruction
    /// whose ordinary translation is large and whose loops gain little
    /// from types yet (calls, containers, attributes). Translating only
    /// the numeric part of a function keeps the typed copy's compile time
    /// down (Cranelift's register allocation grows faster than the code).
    Exit,
}

/// The kind of arithmetic two operands of types `a` and `b` get: int
/// arithmetic when one is an int and the other an int or unknown (guarded
/// to be an int), float arithmetic when one is a float; nothing when
/// neither type is known.
fn numeric_kind(a: Ty, b: Ty) -> Option<Ty> {
    match (a, b) {
        (Ty::Float, _) | (_, Ty::Float) => Some(Ty::Float),
        (Ty::Int, _) | (_, Ty::Int) => Some(Ty::Int),
        _ => None,
    }
}

pub(super) fn arith_of(ins: &Instr) -> Option<(Arith, Reg, Reg, Reg)> {
    use Instr::*;
    Some(match *ins {
        Add { dst, a, b } | InplaceAdd { dst, a, b } => (Arith::Add, dst, a, b),
        Sub { dst, a, b } | InplaceSub { dst, a, b } => (Arith::Sub, dst, a, b),
        Mul { dst, a, b } => (Arith::Mul, dst, a, b),
        FloorDiv { dst, a, b } => (Arith::FloorDiv, dst, a, b),
        Mod { dst, a, b } => (Arith::Mod, dst, a, b),
        TrueDiv { dst, a, b } => (Arith::TrueDiv, dst, a, b),
        BinOp { op, dst, a, b } | Inplace { op, dst, a, b } => (Arith::of(op)?, dst, a, b),
        _ => return None,
    })
}

/// Where an instruction stands, for `plan`.
#[derive(Clone, Copy)]
pub(super) struct Site {
    /// In an innermost loop's body (see `sites`).
    in_loop: bool,
    /// In an innermost loop that does float arithmetic (see `sites`).
    float_loop: bool,
    /// In any loop's body, inner loops' set-up included: where list items
    /// are read and stored inline (`Plan::Item`, `Plan::Store`).
    in_any_loop: bool,
    /// Arithmetic that reads, or a `GetItem` that writes, a local that a
    /// float loop's arithmetic reads (`floatish_locals`): `nbody`'s `dt`
    /// (`dt * b[3]` in the loop after the float loop) and `bx = b[0]`
    /// (before it). Two operands of unknown type are taken for floats
    /// there as in a float loop, and the item for a float.
    floatish: bool,
    /// Arithmetic: which operands are floatish locals or temporaries.
    floatish_operands: [bool; 2],
    /// The `ForIter` of a loop that may count natively (`RangeLoop`).
    counted: bool,
    /// A call of a function with a pure entry (`pure`), and what the
    /// function's returns return: no frame, cheap enough to stay in the
    /// typed copy for (spectral_norm's `a(i, j)`).
    pure_call: Option<Ty>,
    /// A call of `math.sqrt` (see `math`).
    math_call: bool,
    /// The `LoadGlobal` of the callee (or module) of a `pure_call` or
    /// `math_call` that follows it after moves and arithmetic only, none
    /// of them a jump target: the call can take the global's word as it
    /// is.
    callee_global: bool,
    /// A `GetItem` whose result is next read as an operand of `+ - * /`
    /// next to the register given here (`NO_REG` if that one is written on
    /// the way): in a float loop (`nbody`'s `c[0]`, `b[3] -= …`), or where
    /// that register holds a float (spectral_norm's `a(i, j) * v[j]`), the
    /// item is taken for a float, checked.
    float_item: Option<Reg>,
}

/// How the typed copy runs `ins` when the registers have types `s`.
pub(super) fn plan(ins: &Instr, s: &[Ty], site: Site) -> Plan {
    use Instr::*;
    let ty = |r: Reg| s[r as usize];
    if let Some((op, dst, a, b)) = arith_of(ins) {
        // Two operands of unknown type in a float loop: floats, checked
        // (each must be a float, else the typed copy is left).
        let speculate = (site.float_loop || site.floatish) && ty(a) == Ty::Any && ty(b) == Ty::Any;
        // An int times something unknown outside a loop is most often a
        // sequence repeated (`[0] * n`, `"-" * width`): guarding the other
        // operand to be an int would leave the typed copy there, and the
        // result, taken for an int, would keep the general copy from
        // coming back in at the loops after it. Left to the general path.
        let repetition = op == Arith::Mul
            && !site.in_loop
            && (ty(a) == Ty::Any) != (ty(b) == Ty::Any)
            && (ty(a) == Ty::Int || ty(b) == Ty::Int);
        let kind = if speculate {
            Some(Ty::Float)
        } else if repetition {
            None
        } else {
            numeric_kind(ty(a), ty(b))
        };
        return match kind {
            Some(Ty::Int) => Plan::Arith {
                op,
                num: Ty::Int,
                dst,
                a,
                b,
                floats: [false; 2],
            },
            Some(Ty::Float)
                if matches!(op, Arith::Add | Arith::Sub | Arith::Mul | Arith::TrueDiv) =>
            {
                // Both unknown, or a floatish local (`dt`): floats, not
                // ints (taken for floats from then on).
                let float = |r: Reg, floatish: bool| ty(r) == Ty::Any && (speculate || floatish);
                Plan::Arith {
                    op,
                    num: Ty::Float,
                    dst,
                    a,
                    b,
                    floats: [
                        float(a, site.floatish_operands[0]),
                        float(b, site.floatish_operands[1]),
                    ],
                }
            }
            _ => Plan::General,
        };
    }
    match *ins {
        JumpIfNotLt { a, b, .. }
        | JumpIfNotLe { a, b, .. }
        | JumpIfNotGt { a, b, .. }
        | JumpIfNotGe { a, b, .. }
        | JumpIfNotEq { a, b, .. }
        | JumpIfNotNe { a, b, .. } => match numeric_kind(ty(a), ty(b)) {
            Some(num) => Plan::Branch { num, a, b },
            None => Plan::General,
        },
        JumpIfFalse { cond, .. } | JumpIfFalseKeep { cond, .. } if ty(cond) != Ty::Any => {
            Plan::Truth {
                cond,
                jump_on: false,
            }
        }
        JumpIfTrue { cond, .. } | JumpIfTrueKeep { cond, .. } if ty(cond) != Ty::Any => {
            Plan::Truth {
                cond,
                jump_on: true,
            }
        }
        JumpIfFalse { cond, .. } if site.in_loop => Plan::Bool {
            cond,
            jump_on: false,
        },
        JumpIfTrue { cond, .. } if site.in_loop => Plan::Bool {
            cond,
            jump_on: true,
        },
        Move { dst, src } | Copy { dst, src } if ty(src) != Ty::Any => Plan::Move { dst, src },
        ForIter { dst, .. } if site.counted => Plan::Count { dst },
        CallMethod {
            dst, obj, argc: 1, ..
        } if site.math_call => Plan::Sqrt { dst, obj },
        LoadGlobal { dst, name } if site.callee_global => Plan::CalleeGlobal { dst, name },
        Call { dst, func, argc } if site.pure_call.is_some() => Plan::PureCall {
            dst,
            func,
            argc,
            returns: site.pure_call.expect("tested"),
        },
        GetItem { dst, obj, idx }
            if site.in_any_loop && ty(obj) == Ty::Any && ty(idx) != Ty::Float =>
        {
            Plan::Item {
                dst,
                obj,
                idx,
                float: site.floatish
                    || site
                        .float_item
                        .is_some_and(|o| site.float_loop || (o != NO_REG && ty(o) == Ty::Float)),
            }
        }
        SetItem { obj, idx, src }
            if site.in_any_loop && ty(obj) == Ty::Any && ty(idx) != Ty::Float =>
        {
            Plan::Store { obj, idx, src }
        }
        Nop
        | Jump { .. }
        | Move { .. }
        | Copy { .. }
        | LoadConst { .. }
        | Clear { .. }
        | Lt { .. }
        | Le { .. }
        | Gt { .. }
        | Ge { .. }
        | Eq { .. }
        | Ne { .. }
        | Compare { .. }
        | JumpIfFalse { .. }
        | JumpIfTrue { .. }
        | JumpIfFalseKeep { .. }
        | JumpIfTrueKeep { .. }
        | GetIter { .. }
        | ForIter { .. }
        | LoadGlobal { .. }
        | Return { .. } => Plan::General,
        // Outside loops an instruction runs once per call: staying in the
        // typed copy costs only its translation. A float loop stays in it
        // whatever it does: float arithmetic gains most from types.
        _ if !site.in_loop || site.float_loop => Plan::General,
        _ => Plan::Exit,
    }
}

/// Does the loop whose `ForIter` is at `pc` (after its `GetIter`) iterate
/// over what a call of the name `range` returned? Only such a loop is
/// taken to count (`Plan::Count`, whose items are ints): a loop over a
/// list counts nothing, and taking its items for ints would leave the
/// typed copy at its first item, the loops inside it no longer coming
/// back in (their heads would want the item to be an int).
pub(super) fn iterates_range_call(code: &CodeObject, pc: usize) -> bool {
    let (Some(Instr::GetIter { src, .. }), Some(Instr::Call { dst, func, .. })) = (
        pc.checked_sub(1).map(|p| code.instrs[p]),
        pc.checked_sub(2).map(|p| code.instrs[p]),
    ) else {
        return false;
    };
    if src != dst {
        return false;
    }
    // The last instruction before the call that writes the function's
    // register: the load of `range`.
    last_writer(code, pc - 2, func).is_some_and(|at| match code.instrs[at] {
        // (`LoadName` in a module or class body.)
        Instr::LoadGlobal { name, .. } | Instr::LoadName { name, .. } => {
            &*code.names[name as usize] == "range"
        }
        _ => false,
    })
}

/// The loops of `code`: the first and last instruction of each, its head
/// and its last backward branch there (a `continue` adds a back edge to
/// the same head, not a loop), in the order of their heads.
fn loops(code: &CodeObject) -> Vec<(usize, usize)> {
    let mut loops: Vec<(usize, usize)> = Vec::new();
    for (pc, ins) in code.instrs.iter().enumerate() {
        if !is_back_edge(pc, ins) {
            continue;
        }
        let head = ins.target().expect("a branch") as usize;
        match loops.iter_mut().find(|(h, _)| *h == head) {
            Some(lp) => lp.1 = pc,
            None => loops.push((head, pc)),
        }
    }
    loops.sort_unstable();
    loops
}

/// The innermost loops of `code` (no other loop inside): the first and
/// last instruction of each, its head and its backward branch.
fn innermost_loops(code: &CodeObject) -> Vec<(usize, usize)> {
    let loops: Vec<(usize, usize)> = code
        .instrs
        .iter()
        .enumerate()
        .filter(|&(pc, ins)| is_back_edge(pc, ins))
        .map(|(pc, ins)| (ins.target().expect("a branch") as usize, pc))
        .collect();
    loops
        .iter()
        .copied()
        .filter(|&(head, end)| {
            !loops
                .iter()
                .any(|&(h, e)| (h, e) != (head, end) && head <= h && e <= end)
        })
        .collect()
}

/// Where each instruction stands: in an innermost loop's body (between a
/// backward branch's target and the branch, with no other loop inside:
/// where the code spends its time; the set-up of an inner loop in an
/// outer loop's body runs once per outer iteration), and whether it is a
/// counting `ForIter`.
fn sites(
    code: &CodeObject,
    targets: &[bool],
    pure_calls: &[(u32, Ty)],
    math_calls: &[u32],
) -> Vec<Site> {
    let mut sites = vec![
        Site {
            in_loop: false,
            float_loop: false,
            in_any_loop: false,
            floatish: false,
            floatish_operands: [false; 2],
            counted: false,
            pure_call: None,
            math_call: false,
            callee_global: false,
            float_item: None,
        };
        code.instrs.len()
    ];
    for (head, end) in innermost_loops(code) {
        let float_loop = code.instrs[head..=end]
            .iter()
            .any(|ins| does_float_arithmetic(code, ins));
        for site in &mut sites[head..=end] {
            site.in_loop = true;
            site.float_loop = float_loop;
        }
    }
    for (head, end) in loops(code) {
        for site in &mut sites[head..=end] {
            site.in_any_loop = true;
        }
    }
    mark_floatish(code, targets, &mut sites);
    for pc in super::range_loop_pcs(code) {
        sites[pc as usize].counted = iterates_range_call(code, pc as usize);
    }
    for &(pc, returns) in pure_calls {
        sites[pc as usize].pure_call = Some(returns);
    }
    for &pc in math_calls {
        sites[pc as usize].math_call = true;
    }
    for (pc, site) in sites.iter_mut().enumerate() {
        if let Instr::GetItem { dst, .. } = code.instrs[pc] {
            site.float_item =
                next_read_is_float_arithmetic(code, targets, pc, dst).map(|(_, other)| other);
        }
    }
    let calls = pure_calls
        .iter()
        .map(|&(pc, _)| pc)
        .chain(math_calls.iter().copied());
    for pc in calls {
        let callee = match code.instrs[pc as usize] {
            Instr::Call { func, .. } => func,
            Instr::CallMethod { obj, .. } => obj,
            _ => continue,
        };
        let mut at = pc as usize;
        while at > 0 && !targets[at] {
            at -= 1;
            match code.instrs[at] {
                Instr::LoadGlobal { dst, .. } if dst == callee => {
                    sites[at].callee_global = true;
                    break;
                }
                Instr::Move { dst, .. } | Instr::Copy { dst, .. } if dst != callee => {}
                // (The arguments' arithmetic: an ordinary instruction
                // stores the pending global first, see `materialize_stale`.)
                ref ins if arith_of(ins).is_some_and(|(_, dst, _, _)| dst != callee) => {}
                _ => break,
            }
        }
    }
    sites
}

/// Which instructions of `code` a jump or an exception handler goes to.
fn jump_targets(code: &CodeObject) -> Vec<bool> {
    let mut targets = vec![false; code.instrs.len()];
    let jumps = code.instrs.iter().filter_map(Instr::target);
    for t in jumps.chain(code.handlers.iter().map(|h| h.target)) {
        if let Some(t) = targets.get_mut(t as usize) {
            *t = true;
        }
    }
    targets
}

/// When register `r`, written at `pc`, is next read as an operand of `+
/// - * /`, with only arithmetic and item reads that leave it alone on the
/// straight way there (no jump target, `targets`): the other operand, or
/// `NO_REG` if something on the way writes it.
fn next_read_is_float_arithmetic(
    code: &CodeObject,
    targets: &[bool],
    pc: usize,
    r: Reg,
) -> Option<(usize, Reg)> {
    let mut written = Vec::new();
    for (at, (ins, &target)) in code.instrs.iter().zip(targets).enumerate().skip(pc + 1) {
        if target {
            return None;
        }
        if let Some((op, dst, a, b)) = arith_of(ins) {
            if a == r || b == r {
                let other = if a == r { b } else { a };
                let float_op = matches!(op, Arith::Add | Arith::Sub | Arith::Mul | Arith::TrueDiv);
                let other = if written.contains(&other) {
                    NO_REG
                } else {
                    other
                };
                return float_op.then_some((at, other));
            }
            if dst == r {
                return None;
            }
            written.push(dst);
            continue;
        }
        match *ins {
            Instr::GetItem { dst, obj, idx } if dst != r && obj != r && idx != r => {
                written.push(dst);
            }
            _ => return None,
        }
    }
    None
}

/// `Site::floatish`: arithmetic that reads a floatish local
/// (`floatish_locals`) or a temporary such arithmetic wrote (since the
/// last jump target: `dt * b[3]`'s result in `b[0] += dt * b[3]`), and a
/// `GetItem` into a floatish local or read next by floatish arithmetic.
/// (After `float_loop` is known.)
fn mark_floatish(code: &CodeObject, targets: &[bool], sites: &mut [Site]) {
    let locals = floatish_locals(code, sites);
    let mut temps: Vec<Reg> = Vec::new();
    for (pc, ins) in code.instrs.iter().enumerate() {
        if targets[pc] {
            temps.clear();
        }
        let arith = arith_of(ins);
        if let Some((_, _, a, b)) = arith {
            let floatish = |r: Reg| locals[r as usize] || temps.contains(&r);
            sites[pc].floatish_operands = [floatish(a), floatish(b)];
            sites[pc].floatish = sites[pc].floatish_operands.contains(&true);
        }
        temps.retain(|&t| !writes(ins, t));
        let Some((_, dst, ..)) = arith else {
            continue;
        };
        if sites[pc].floatish && dst >= code.temp_base {
            temps.push(dst);
        }
    }
    for pc in 0..code.instrs.len() {
        if let Instr::GetItem { dst, .. } = code.instrs[pc] {
            sites[pc].floatish = locals[dst as usize]
                || next_read_is_float_arithmetic(code, targets, pc, dst)
                    .is_some_and(|(at, _)| sites[at].floatish);
        }
    }
}

/// The locals (by register) that a float loop's `+ - * /` reads, a
/// divisor excepted (`x / n` is a float whatever `n` is): most likely
/// floats wherever else they meet arithmetic (see `Site::floatish`).
/// A guess, checked where it is used: one that is wrong leaves the typed
/// copy there.
fn floatish_locals(code: &CodeObject, sites: &[Site]) -> Vec<bool> {
    let mut floatish = vec![false; code.nregs as usize];
    for (ins, site) in code.instrs.iter().zip(sites) {
        if !site.float_loop {
            continue;
        }
        if let Some((op, _, a, b)) = arith_of(ins) {
            let read = if op == Arith::TrueDiv {
                &[a][..]
            } else {
                &[a, b][..]
            };
            for &r in read {
                if r < code.temp_base && code.const_reg(r).is_none() {
                    floatish[r as usize] = true;
                }
            }
        }
    }
    floatish
}

/// Does `ins` surely do float arithmetic: a true division (whose result
/// is a float), or arithmetic with a float constant? (What makes a loop a
/// float loop, see `Site`; a syntactic test, since types are what the
/// loop's plan depends on.)
fn does_float_arithmetic(code: &CodeObject, ins: &Instr) -> bool {
    let float_const = |r: Reg| code.const_reg(r).is_some_and(Value::is_float);
    match arith_of(ins) {
        Some((Arith::TrueDiv, ..)) => true,
        Some((_, _, a, b)) => float_const(a) || float_const(b),
        None => false,
    }
}

/// The state after `ins` (run as `plan` says) in `s`: operands guarded
/// to be ints are ints from then on, results have their kind, an ordinary
/// instruction finds every register up to date (except a jump, which
/// touches nothing) and what it may write is unknown afterwards.
pub(super) fn apply(code: &CodeObject, pc: u32, ins: &Instr, plan: Plan, s: &mut State) {
    let def = |s: &mut State, dst: Reg, ty: Ty| {
        let old = s.ty[dst as usize];
        s.stale[dst as usize] = !stores_at_once(code, dst, old);
        s.ty[dst as usize] = ty;
    };
    match plan {
        Plan::Arith {
            op,
            num,
            dst,
            a,
            b,
            floats,
        } => {
            if num == Ty::Int {
                refine_int(code, s, a);
                refine_int(code, s, b);
            }
            for (r, float) in [(a, floats[0]), (b, floats[1])] {
                // Checked to be a float (`float_operand`).
                if float && code.const_reg(r).is_none() {
                    s.ty[r as usize] = Ty::Float;
                }
            }
            let ty = if num == Ty::Float || op == Arith::TrueDiv {
                Ty::Float
            } else {
                Ty::Int
            };
            def(s, dst, ty);
        }
        Plan::Branch { num, a, b } => {
            if num == Ty::Int {
                refine_int(code, s, a);
                refine_int(code, s, b);
            }
        }
        Plan::Item {
            dst,
            obj,
            idx,
            float,
        } => {
            refine_int(code, s, idx);
            consumed_temporary(code, s, obj);
            if float {
                def(s, dst, Ty::Float);
            } else {
                s.ty[dst as usize] = Ty::Any;
                s.stale[dst as usize] = false;
            }
        }
        Plan::Store { obj, idx, src } => {
            refine_int(code, s, idx);
            for r in [obj, idx, src] {
                consumed_temporary(code, s, r);
            }
        }
        Plan::PureCall {
            dst,
            func,
            argc,
            returns,
        } => {
            for r in func..=func + argc {
                consumed_temporary(code, s, r);
            }
            if dst == NO_REG {
            } else if returns == Ty::Any {
                s.ty[dst as usize] = Ty::Any;
                s.stale[dst as usize] = false;
            } else {
                def(s, dst, returns);
            }
        }
        Plan::Sqrt { dst, obj } => {
            consumed_temporary(code, s, obj);
            consumed_temporary(code, s, obj + 1);
            def(s, dst, Ty::Float);
        }
        Plan::CalleeGlobal { dst, .. } => {
            s.ty[dst as usize] = Ty::Any;
            s.stale[dst as usize] = false;
        }
        Plan::Truth { .. } | Plan::Bool { .. } | Plan::Exit => {}
        // (The state of the loop's exit, where `dst` keeps its value, is
        // the one before: see `infer_with`.)
        Plan::Count { dst } => def(s, dst, Ty::Int),
        Plan::Move { dst, src } => {
            if dst != src {
                def(s, dst, s.ty[src as usize]);
            }
        }
        Plan::General if touches_nothing(ins) => {
            if ins.target().is_some_and(|t| t <= pc) {
                // A loop's back edge: no temporary lives across it (loops
                // are statements; a comprehension is its own code), so
                // typed temporaries are dropped rather than stored, and
                // do not make the loop head's types clash.
                let tb = code.temp_base as usize;
                for r in tb..s.ty.len() {
                    if s.ty[r] != Ty::Any {
                        s.ty[r] = Ty::Any;
                        s.stale[r] = false;
                    }
                }
            }
        }
        Plan::General => {
            s.stale.fill(false);
            // Temporaries may be consumed; the written registers change.
            let tb = code.temp_base as usize;
            s.ty[tb..].fill(Ty::Any);
            let (first, n) = written(ins);
            for r in first..first.saturating_add(n) {
                if let Some(t) = s.ty.get_mut(r as usize) {
                    *t = Ty::Any;
                }
            }
        }
    }
}

/// A jump or a no-op: no register is read or written.
fn touches_nothing(ins: &Instr) -> bool {
    matches!(ins, Instr::Jump { .. } | Instr::Nop)
}

/// Does a typed result for `dst`, which held a value of type `old`, go to
/// the register file at once? When `dst` may hold an object (type `Any`)
/// of a local, the store releases it now, as CPython would. Otherwise the
/// store waits (until an ordinary instruction, a side exit, or an edge to
/// where the register's type is not known, see `edge_stores`): a typed
/// old value owns nothing, and a temporary's old value has died with its
/// last use.
fn stores_at_once(code: &CodeObject, dst: Reg, old: Ty) -> bool {
    old == Ty::Any && dst < code.temp_base
}

/// A temporary an instruction consumes holds nothing afterwards (its
/// register is emptied; a typed value of it is gone).
fn consumed_temporary(code: &CodeObject, s: &mut State, r: Reg) {
    if r >= code.temp_base {
        s.ty[r as usize] = Ty::Any;
        s.stale[r as usize] = false;
    }
}

/// An operand of int arithmetic of unknown type passed its guard: it is an
/// int from now on (constant registers keep their own type).
fn refine_int(code: &CodeObject, s: &mut State, r: Reg) {
    if s.ty[r as usize] == Ty::Any && code.const_reg(r).is_none() {
        s.ty[r as usize] = Ty::Int;
    }
}

/// May `ins` write register `r` (see `written`)?
pub(super) fn writes(ins: &Instr, r: Reg) -> bool {
    let (first, n) = written(ins);
    (first..first.saturating_add(n)).contains(&r)
}

/// The last instruction before `pc` that writes register `r`.
pub(super) fn last_writer(code: &CodeObject, pc: usize, r: Reg) -> Option<usize> {
    code.instrs[..pc].iter().rposition(|ins| writes(ins, r))
}

/// The registers an instruction's ordinary translation may write besides
/// the temporaries it consumes: `n` from `first`. Exhaustive, so that a
/// new instruction must say.
pub(super) fn written(ins: &Instr) -> (Reg, u16) {
    use Instr::*;
    let one = |r: Reg| if r == NO_REG { (0, 0) } else { (r, 1) };
    match *ins {
        Move { dst, .. }
        | Copy { dst, .. }
        | LoadConst { dst, .. }
        | LoadCell { dst, .. }
        | LoadFree { dst, .. }
        | LoadGlobal { dst, .. }
        | LoadName { dst, .. }
        | Add { dst, .. }
        | Sub { dst, .. }
        | Mul { dst, .. }
        | TrueDiv { dst, .. }
        | FloorDiv { dst, .. }
        | Mod { dst, .. }
        | BinOp { dst, .. }
        | InplaceAdd { dst, .. }
        | InplaceSub { dst, .. }
        | Inplace { dst, .. }
        | Unary { dst, .. }
        | Lt { dst, .. }
        | Le { dst, .. }
        | Gt { dst, .. }
        | Ge { dst, .. }
        | Eq { dst, .. }
        | Ne { dst, .. }
        | Compare { dst, .. }
        | GetIter { dst, .. }
        | ForIter { dst, .. }
        | BuildTuple { dst, .. }
        | BuildList { dst, .. }
        | BuildSet { dst, .. }
        | BuildConstSet { dst, .. }
        | BuildDict { dst, .. }
        | BuildSlice { dst, .. }
        | BuildString { dst, .. }
        | ListToTuple { dst, .. }
        | GetItem { dst, .. }
        | GetSlice { dst, .. }
        | GetAttr { dst, .. }
        | FormatValue { dst, .. }
        | Call { dst, .. }
        | CallKw { dst, .. }
        | CallEx { dst, .. }
        | CallMethod { dst, .. }
        | SuperZero { dst, .. }
        | Locals { dst, .. }
        | MakeFunction { dst, .. }
        | MakeClass { dst, .. }
        | Yield { dst, .. }
        | YieldFrom { dst, .. }
        | ExcMatch { dst, .. }
        | WithExitExc { dst, .. }
        | Import { dst, .. }
        | ImportFrom { dst, .. } => one(dst),
        // Writes `dst` and the bound `__exit__` in `exit` (a temporary
        // next to it, but say so rather than rely on it).
        WithEnter { dst, exit, .. } => {
            let (lo, hi) = (dst.min(exit), dst.max(exit));
            (lo, hi - lo + 1)
        }
        Unpack { dst, n, .. } => (dst, n),
        UnpackStar {
            dst, before, after, ..
        } => (dst, before + after + 1),
        Clear { reg } | DeleteFast { reg, .. } => one(reg),
        Nop
        | CheckBound { .. }
        | StoreCell { .. }
        | DeleteCell { .. }
        | StoreGlobal { .. }
        | DeleteGlobal { .. }
        | StoreName { .. }
        | DeleteName { .. }
        | Jump { .. }
        | JumpIfFalse { .. }
        | JumpIfTrue { .. }
        | JumpIfFalseKeep { .. }
        | JumpIfTrueKeep { .. }
        | JumpIfNotLt { .. }
        | JumpIfNotLe { .. }
        | JumpIfNotGt { .. }
        | JumpIfNotGe { .. }
        | JumpIfNotEq { .. }
        | JumpIfNotNe { .. }
        | JumpIfIs { .. }
        | JumpIfIsNot { .. }
        | Return { .. }
        | ListAppend { .. }
        | ListExtend { .. }
        | SetAdd { .. }
        | SetUpdate { .. }
        | DictInsert { .. }
        | DictUpdate { .. }
        | SetItem { .. }
        | DelItem { .. }
        | SetAttr { .. }
        | DelAttr { .. }
        | Raise { .. }
        | Reraise { .. }
        | ReraiseWithContext { .. }
        | RaiseAssert { .. }
        | PushHandled { .. }
        | PopHandled
        | WithExit { .. }
        | ImportStar { .. } => (0, 0),
    }
}

/// Is a typed copy worth making for `code`: does it loop (a backward
/// branch), and does it run start to end in one native call (code that
/// suspends keeps its registers in its heap frame between calls)? (Then
/// `Typing::new` checks that the copy gets to a loop with typed work.)
pub(super) fn may_type(code: &CodeObject, suspends: bool) -> bool {
    !suspends
        && code
            .instrs
            .iter()
            .enumerate()
            .any(|(pc, ins)| is_back_edge(pc, ins))
}

fn is_back_edge(pc: usize, ins: &Instr) -> bool {
    ins.target().is_some_and(|t| t as usize <= pc)
}

/// The states before each instruction of the typed copy, `None` where
/// the typed copy never gets (handlers: an exception leaves the typed copy
/// for the general one). Where two paths meet with a register of
/// different types, it is of unknown type there and up to date in the
/// register file: a path on which it is stale stores it on the way
/// (`edge_stores`).
pub(super) fn infer(code: &CodeObject, sites: &[Site], spec: &Speculated) -> Vec<Option<State>> {
    let nregs = code.nregs as usize;
    let mut entry = State {
        ty: vec![Ty::Any; nregs],
        stale: vec![false; nregs],
    };
    let cbase = (code.nslots + code.nfree) as usize;
    for (k, c) in code.const_regs.iter().enumerate() {
        entry.ty[cbase + k] = if c.is_small_int() {
            Ty::Int
        } else if c.is_float() {
            Ty::Float
        } else {
            Ty::Any
        };
    }
    let mut states: Vec<Option<State>> = vec![None; code.instrs.len()];
    let mut work = vec![0usize];
    states[0] = Some(entry);
    while let Some(pc) = work.pop() {
        for (succ, s) in leaving(code, sites, &states, pc) {
            let s = arrival(spec, succ, s);
            let changed = match &mut states[succ] {
                Some(old) => {
                    let mut changed = false;
                    for r in 0..nregs {
                        let (ty, stale) = if old.ty[r] == s.ty[r] {
                            (old.ty[r], old.stale[r] || s.stale[r])
                        } else {
                            (Ty::Any, false)
                        };
                        changed |= (ty, stale) != (old.ty[r], old.stale[r]);
                        old.ty[r] = ty;
                        old.stale[r] = stale;
                    }
                    changed
                }
                slot @ None => {
                    *slot = Some(s);
                    true
                }
            };
            if changed {
                work.push(succ);
            }
        }
    }
    states
}

/// The edges out of instruction `pc` of the typed copy, whose state
/// before it is `states[pc]`: each successor with the state the edge
/// carries there.
fn leaving(
    code: &CodeObject,
    sites: &[Site],
    states: &[Option<State>],
    pc: usize,
) -> Vec<(usize, State)> {
    let ins = code.instrs[pc];
    let Some(before) = states[pc].clone() else {
        return Vec::new();
    };
    let plan = plan(&ins, &before.ty, sites[pc]);
    if plan == Plan::Exit {
        return Vec::new();
    }
    let mut s = before.clone();
    apply(code, pc as u32, &ins, plan, &mut s);
    let next = (!ends_flow(&ins)).then_some(pc + 1);
    next.into_iter()
        .chain(ins.target().map(|t| t as usize))
        .filter(|&succ| succ < states.len())
        .map(|succ| match plan {
            // An exhausted counted loop leaves without writing its target.
            Plan::Count { .. } if succ != pc + 1 => (succ, before.clone()),
            _ => (succ, s.clone()),
        })
        .collect()
}

/// The stores each edge of the typed copy makes before it arrives, by
/// (instruction, successor): the registers stale on the edge that are of
/// unknown type where it goes (their types meet another there), with
/// their types on the edge.
type EdgeStores = std::collections::HashMap<(usize, usize), Vec<(Reg, Ty)>>;

/// The ways into a loop head that check something before they arrive,
/// by (instruction, successor): the registers speculated there that the
/// edge does not give their types (see `speculate`), the lists the loop
/// checks once (see `hoisted_lists`).
type GuardedEdges = std::collections::HashMap<(usize, usize), Guard>;

/// What a guarded edge does before it arrives: each speculated register
/// of unknown type on the edge is loaded from the register file, checked
/// to be of its type and unboxed (`checks`), each hoisted list checked
/// (`lists`); a speculated register of another known type (`exits`), or
/// a failed check, leaves for the general copy at the head instead,
/// storing the edge's stale registers (`stale`) first, where the head's
/// check (`reenter_typed_copy`) comes back in when it can.
#[derive(Clone)]
struct Guard {
    checks: Vec<(Reg, Ty)>,
    exits: bool,
    stale: Vec<(Reg, Ty)>,
    /// Whether the way in checks the loop's hoisted lists (see
    /// `hoisted_lists`): every way in from outside the loop does.
    lists: bool,
}

/// What the typed copy's edges do before they arrive: the stores
/// (`EdgeStores`) and the checks of the guarded ones (`GuardedEdges`).
fn edge_stores(
    code: &CodeObject,
    sites: &[Site],
    spec: &Speculated,
    hoisted: &Hoisted,
    states: &[Option<State>],
) -> (EdgeStores, GuardedEdges) {
    let mut stores = EdgeStores::new();
    let mut guarded = GuardedEdges::new();
    for pc in 0..states.len() {
        for (succ, s) in leaving(code, sites, states, pc) {
            let there = states[succ].as_ref().expect("a successor has a state");
            let due: Vec<(Reg, Ty)> = (0..s.ty.len())
                .filter(|&r| s.stale[r] && !(there.ty[r] == s.ty[r] && there.stale[r]))
                .map(|r| (r as Reg, s.ty[r]))
                .collect();
            if !due.is_empty() {
                stores.entry((pc, succ)).or_default().extend(due);
            }
            let lists = hoisted
                .get(&succ)
                .is_some_and(|&(end, _)| !(succ..=end).contains(&pc));
            if !gives_speculated_types(spec, succ, &s) || lists {
                let unmet = spec[succ].iter().filter(|&&(r, t)| s.ty[r as usize] != t);
                let guard = Guard {
                    lists,
                    checks: unmet
                        .clone()
                        .filter(|&&(r, _)| s.ty[r as usize] == Ty::Any)
                        .copied()
                        .collect(),
                    exits: unmet.clone().any(|&(r, _)| s.ty[r as usize] != Ty::Any),
                    stale: (0..s.ty.len())
                        .filter(|&r| s.stale[r])
                        .map(|r| (r as Reg, s.ty[r]))
                        .collect(),
                };
                guarded.insert((pc, succ), guard);
            }
        }
    }
    (stores, guarded)
}

/// Registers the typed copy takes at a loop head for the type the loop's
/// back edges give them, although the way into the loop may not (see
/// `speculate`): per instruction, (register, type), empty for most.
pub(super) type Speculated = Vec<Vec<(Reg, Ty)>>;

/// Does an edge arriving at `succ` with state `s` give the registers
/// speculated there their types? (Else it is guarded: a side exit.)
fn gives_speculated_types(spec: &Speculated, succ: usize, s: &State) -> bool {
    spec.get(succ)
        .is_none_or(|regs| regs.iter().all(|&(r, t)| s.ty[r as usize] == t))
}

/// The state an edge brings to `succ`: its own, with the registers
/// speculated there of their types (a guarded edge, see `GuardedEdges`,
/// checked and loaded them: up to date in the register file; a failed
/// check leaves the typed copy). (The general copy's check at the head
/// comes in with every register up to date, a state that meets this.)
fn arrival(spec: &Speculated, succ: usize, mut s: State) -> State {
    for &(r, t) in &spec[succ] {
        if s.ty[r as usize] != t {
            s.ty[r as usize] = t;
            s.stale[r as usize] = false;
        }
    }
    s
}

/// Loop-entry speculation: the locals of unknown type at the head of a
/// loop whose every back edge gives them one type (`dx = …` in `nbody`'s
/// pair loop, a float each iteration, whatever the way in left there)
/// are taken for that type at the head, the way in checked instead (a
/// guarded edge). Without it such a local is of unknown type in the loop,
/// so each assignment stores and releases at once. Made from the inside
/// out: what an inner loop takes for a float its outer loop's back edge
/// brings as one, so the outer loop takes it too (and the inner loop's way
/// in no longer checks it, nor its way out stores it). A speculation the
/// back edges stop confirming once made (the types it gives change
/// others) is dropped for good, as are those of a loop that is not a
/// typed loop (its head has no check to come back in by); what remains is
/// consistent, with the states it gives.
fn speculate(code: &CodeObject, sites: &[Site]) -> (Speculated, Vec<Option<State>>) {
    let mut spec: Speculated = vec![Vec::new(); code.instrs.len()];
    let mut dropped: Vec<(usize, Reg)> = Vec::new();
    let loops = checked_loops(code);
    for round in 0.. {
        let states = infer(code, sites, &spec);
        // (Which loops are typed depends on the speculations: from the
        // second round, when there are some to drop.)
        let typed = (round > 0).then(|| typed_loops(code, sites, &states));
        let mut changed = false;
        for &(head, end) in &loops {
            let Some(at_head) = &states[head] else {
                continue;
            };
            let backs = back_edge_states(code, sites, &states, head, end);
            let gives = |r: Reg, t: Ty| backs.iter().all(|b| b.ty[r as usize] == t);
            let is_typed = typed
                .as_ref()
                .is_none_or(|typed| typed.contains(&(head as u32)));
            let (kept, gone): (Vec<_>, Vec<_>) = spec[head]
                .iter()
                .partition(|&&(r, t)| is_typed && gives(r, t));
            if !gone.is_empty() {
                changed = true;
                dropped.extend(gone.iter().map(|&(r, _)| (head, r)));
                spec[head] = kept;
            }
            for r in 0..code.nslots {
                let t = backs.first().map_or(Ty::Any, |b| b.ty[r as usize]);
                if at_head.ty[r as usize] == Ty::Any
                    && t != Ty::Any
                    && gives(r, t)
                    && !dropped.contains(&(head, r))
                {
                    spec[head].push((r, t));
                    changed = true;
                }
            }
        }
        if !changed {
            return (spec, states);
        }
    }
    unreachable!("the rounds end when nothing changes")
}

/// The loops whose ways in can check what the loop assumes
/// (speculated types, hoisted lists): all but one at the start of the
/// code, which the function's entry also enters, with no edge to check
/// on.
fn checked_loops(code: &CodeObject) -> Vec<(usize, usize)> {
    let mut loops = loops(code);
    loops.retain(|&(head, _)| head != 0);
    loops
}

/// The states the back edges of the loop `head..=end` bring to its head.
fn back_edge_states(
    code: &CodeObject,
    sites: &[Site],
    states: &[Option<State>],
    head: usize,
    end: usize,
) -> Vec<State> {
    (head..=end)
        .filter(|&pc| is_back_edge(pc, &code.instrs[pc]))
        .flat_map(|pc| leaving(code, sites, states, pc))
        .filter(|&(succ, _)| succ == head)
        .map(|(_, s)| s)
        .collect()
}

/// The lists of typed loops checked once on the way in, by head: the
/// loop's end and the locals it reads items of or stores items to, inline
/// (`Plan::Item`, `Plan::Store`), that it does not write. The check holds
/// for the whole loop, ordinary instructions in it included: the register
/// keeps the list (alive, at its address), whose type is fixed, and a
/// borrow of it never outlasts the runtime call that took it (a loop that
/// runs while a list is borrowed, in a `key` function say, fails the
/// check on its way in). Length and items are read at each access.
type Hoisted = std::collections::HashMap<usize, (usize, Vec<Reg>)>;

fn hoisted_lists(
    code: &CodeObject,
    sites: &[Site],
    states: &[Option<State>],
    typed: &[u32],
) -> Hoisted {
    let mut hoisted = Hoisted::new();
    if list_layout().is_none() {
        return hoisted;
    }
    for (head, end) in checked_loops(code) {
        if !typed.contains(&(head as u32)) {
            continue;
        }
        let plans = (head..=end).filter_map(|pc| plan_at(code, sites, states, pc));
        let mut regs: Vec<Reg> = Vec::new();
        for p in plans {
            if let Plan::Item { obj, .. } | Plan::Store { obj, .. } = p {
                if obj < code.temp_base
                    && code.const_reg(obj).is_none()
                    && !regs.contains(&obj)
                    && !writes_in(code, head, end, obj)
                {
                    regs.push(obj);
                }
            }
        }
        if !regs.is_empty() {
            hoisted.insert(head, (end, regs));
        }
    }
    hoisted
}

/// Does an instruction of the loop `head..=end` write register `r`?
fn writes_in(code: &CodeObject, head: usize, end: usize, r: Reg) -> bool {
    code.instrs[head..=end].iter().any(|ins| writes(ins, r))
}

/// How the typed copy runs instruction `pc`, where it gets to.
fn plan_at(code: &CodeObject, sites: &[Site], states: &[Option<State>], pc: usize) -> Option<Plan> {
    let s = states[pc].as_ref()?;
    Some(plan(&code.instrs[pc], &s.ty, sites[pc]))
}

/// The heads of the loops with typed work that the typed copy reaches
/// (an outer loop's includes its inner loops'): worth the copy when one has no exit (a loop with one would
/// leave the copy in its first iteration, having paid for the
/// translation), and where the general copy comes back in.
fn typed_loops(code: &CodeObject, sites: &[Site], states: &[Option<State>]) -> Vec<u32> {
    loops(code)
        .into_iter()
        .filter(|&(head, end)| {
            let plans: Vec<Plan> = (head..=end)
                .filter_map(|pc| plan_at(code, sites, states, pc))
                .collect();
            states[head].is_some()
                && !plans.contains(&Plan::Exit)
                && plans
                    .iter()
                    .any(|p| !matches!(p, Plan::General | Plan::Count { .. }))
        })
        .map(|(head, _)| head as u32)
        .collect()
}

/// The typed copy's translation state: the inferred states, the
/// variables holding unboxed values (one int and one float variable per
/// register), the general copy's blocks (side exits), the state as the
/// instruction being translated leaves it, and the side exits still to
/// fill (block, pc, the stale registers to store first).
pub(super) struct Typing {
    pub(super) states: Vec<Option<State>>,
    edge_stores: EdgeStores,
    guarded_edges: GuardedEdges,
    /// The loops with lists checked on the way in (`hoisted_lists`), by
    /// head.
    hoisted: Vec<HoistedLoop>,
    sites: Vec<Site>,
    ints: Vec<Variable>,
    floats: Vec<Variable>,
    general_blocks: Vec<Block>,
    cur: State,
    exits: Vec<SideExit>,
    /// The side exits' shared tails (see `fill_exits`).
    exit_tails: Vec<ExitTail>,
    /// Which instructions are jump targets (`jump_targets`).
    targets: Vec<bool>,
    /// Local registers checked to hold a list, since the last jump target
    /// or ordinary instruction: the list's address (an SSA value of a
    /// block that dominates the translation's position) and whether the
    /// check was for a store. What the check found cannot change while the
    /// register holds the list: its type is fixed, and a borrow of it
    /// outlasts the typed copy's instructions (a finalizer that runs on a
    /// release takes and gives back its borrows before returning). The
    /// length and items are read again at each access.
    lists: Vec<(Reg, ir::Value, bool)>,
    /// By register: does the code store items into it (a `SetItem`)? Its
    /// list is then checked for a store at its first read too (not
    /// borrowed at all, rather than not changing), so that the stores
    /// after the read find the check made (`b[3] -= …`).
    stored: Vec<bool>,
    /// The item addresses of local lists read as floats since the last
    /// jump target (list, index register, address), for the store that
    /// writes the same item back (`b[3] -= …`): valid while nothing runs
    /// that can change a list — only typed arithmetic and moves, and float
    /// items, which release nothing (a typed result that replaces an
    /// object in a local releases it: that forgets them, see `def_typed`).
    slots: Vec<(Reg, Reg, ir::Value)>,
    /// A `CalleeGlobal`'s register and the word it holds but that the
    /// register file does not (no reference taken), until its call
    /// consumes it; a side exit or an ordinary instruction before then
    /// stores it, with its reference.
    pending: Option<(Reg, ir::Value)>,
    /// The heads of the loops with typed work, where the general
    /// copy goes back into the typed one (see `reenter_typed_copy`).
    pub(super) reentries: Vec<u32>,
}

/// A loop whose lists are checked on the way in: its head, its end, and
/// each list with the variable holding its checked address in the loop.
type HoistedLoop = (usize, usize, Vec<(Reg, Variable)>);

/// The stores that side exits with the same stale registers share: a
/// block taking the pc to resume at, which stores them and goes to the
/// general copy's block for that pc (among `pcs`, the exits' pcs).
struct ExitTail {
    stale: Vec<(Reg, Ty)>,
    block: Block,
    pcs: Vec<u32>,
}

/// A side exit still to fill: its block, the instruction the general copy
/// resumes at, the stale registers and the pending global (see
/// `Typing::pending`) to store first.
type SideExit = (Block, u32, Vec<(Reg, Ty)>, Option<(Reg, ir::Value)>);

impl Typing {
    /// Does the general copy run instruction `pc` only on the way back
    /// into the typed copy? In a float loop, and at float guesses outside
    /// one, it does: a side exit there finishes the iteration and comes
    /// back in at the loop's head, where the floats are floats again. (In
    /// int loops it may not: an int that outgrows a machine word keeps the
    /// general copy running the loop, `bigint`'s loops all along.)
    pub(super) fn general_copy_is_cold(&self, pc: u32) -> bool {
        let site = self.sites[pc as usize];
        site.float_loop || site.floatish
    }

    pub(super) fn new(
        b: &mut cranelift_frontend::FunctionBuilder,
        code: &CodeObject,
        general_blocks: Vec<Block>,
        pure_calls: &[(u32, Ty)],
        math_calls: &[u32],
    ) -> Option<Typing> {
        let n = code.nregs as usize;
        let targets = jump_targets(code);
        let sites = sites(code, &targets, pure_calls, math_calls);
        let (spec, states) = speculate(code, &sites);
        let reentries = typed_loops(code, &sites, &states);
        if reentries.is_empty() {
            return None;
        }
        let hoisted = hoisted_lists(code, &sites, &states, &reentries);
        let (edge_stores, guarded_edges) = edge_stores(code, &sites, &spec, &hoisted, &states);
        let mut hoisted: Vec<_> = hoisted
            .into_iter()
            .map(|(head, (end, regs))| {
                let vars = regs
                    .into_iter()
                    .map(|r| (r, b.declare_var(types::I64)))
                    .collect();
                (head, end, vars)
            })
            .collect();
        hoisted.sort_unstable_by_key(|&(head, ..)| head);
        Some(Typing {
            reentries,
            states,
            edge_stores,
            guarded_edges,
            hoisted,
            sites,
            ints: (0..n).map(|_| b.declare_var(types::I64)).collect(),
            floats: (0..n).map(|_| b.declare_var(types::F64)).collect(),
            general_blocks,
            cur: State {
                ty: Vec::new(),
                stale: Vec::new(),
            },
            exits: Vec::new(),
            exit_tails: Vec::new(),
            targets,
            lists: Vec::new(),
            slots: Vec::new(),
            stored: {
                let mut stored = vec![false; n];
                for ins in &code.instrs {
                    if let Instr::SetItem { obj, .. } = *ins {
                        stored[obj as usize] = true;
                    }
                }
                stored
            },
            pending: None,
        })
    }
}

impl Translator<'_, '_> {
    fn typing_mut(&mut self) -> &mut Typing {
        self.typing.as_mut().expect("translating the typed copy")
    }

    fn cur_ty(&mut self, r: Reg) -> Ty {
        self.typing_mut().cur.ty[r as usize]
    }

    /// Translate instruction `pc` in the typed copy (whose blocks are the
    /// translator's current `blocks`).
    pub(super) fn typed_instr(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let state = self.typing_mut().states[pc as usize]
            .clone()
            .expect("only reached instructions are translated");
        let site = self.typing_mut().sites[pc as usize];
        let plan = plan(&ins, &state.ty, site);
        self.typing_mut().cur = state;
        if self.typing_mut().targets[pc as usize] {
            self.typing_mut().lists.clear();
            self.typing_mut().slots.clear();
        }
        // Edges that store registers before they arrive, or check the
        // types speculated where they go (guarded): the instruction jumps
        // to a block of their own instead (filled below).
        let mut edges = Vec::new();
        for succ in [pc as usize + 1]
            .into_iter()
            .chain(ins.target().map(|t| t as usize))
        {
            let key = (pc as usize, succ);
            if edges.iter().any(|&(s, _, _, _)| s == succ) {
                continue;
            }
            let t = self.typing_mut();
            let due = t.edge_stores.get(&key).cloned();
            let guard = t.guarded_edges.get(&key).cloned();
            if due.is_none() && guard.is_none() {
                continue;
            }
            let edge = self.b.create_block();
            let to = std::mem::replace(&mut self.blocks[succ], edge);
            edges.push((succ, to, due.unwrap_or_default(), guard));
        }
        // A counted range call jumps past its `GetIter` straight to the
        // loop's head (`range_call`): checked as the `GetIter`'s edge is
        // (after an ordinary instruction nothing is stale).
        if let Instr::Call { dst, .. } = ins {
            let (iter_pc, head) = (pc as usize + 1, pc as usize + 2);
            let guard = self
                .typing_mut()
                .guarded_edges
                .get(&(iter_pc, head))
                .cloned();
            if let Some(guard) = guard
                .filter(|_| plan == Plan::General && self.counted_range_call(pc, dst).is_some())
            {
                let guard = Guard {
                    stale: Vec::new(),
                    ..guard
                };
                let edge = self.b.create_block();
                let to = std::mem::replace(&mut self.blocks[head], edge);
                edges.push((head, to, Vec::new(), Some(guard)));
            }
        }
        match plan {
            Plan::General => {
                if !touches_nothing(&ins) {
                    self.materialize_stale();
                }
                self.instr(pc)
            }
            Plan::Count { dst } => self.typed_count(pc, ins, dst),
            Plan::Exit => {
                self.materialize_stale();
                let general = self.typing_mut().general_blocks[pc as usize];
                self.b.ins().jump(general, &[]);
            }
            Plan::Arith {
                op,
                num,
                dst,
                a,
                b,
                floats,
            } => self.typed_arith(pc, op, num, dst, [a, b], floats),
            Plan::Item {
                dst,
                obj,
                idx,
                float,
            } => self.typed_item(pc, dst, obj, idx, float),
            Plan::PureCall {
                dst,
                func,
                argc,
                returns,
            } => self.typed_pure_call(pc, dst, func, argc, returns),
            Plan::Sqrt { dst, obj } => self.typed_sqrt(pc, dst, obj),
            Plan::CalleeGlobal { dst, name } => self.typed_callee_global(pc, dst, name),
            Plan::Store { obj, idx, src } => self.typed_store(pc, obj, idx, src),
            Plan::Branch { num, a, b } => self.typed_branch(pc, ins, num, a, b),
            Plan::Truth { cond, jump_on } => self.typed_truth(pc, ins, cond, jump_on),
            Plan::Bool { cond, jump_on } => self.typed_bool(pc, ins, cond, jump_on),
            Plan::Move { dst, src } => {
                let ty = self.cur_ty(src);
                if dst != src {
                    let v = self.typed_value(src, ty);
                    self.def_typed(dst, ty, v);
                }
                let next = self.next(pc);
                self.b.ins().jump(next, &[]);
            }
        }
        self.forget_lists(&ins, plan);
        self.fill_exits();
        for (succ, to, due, guard) in edges {
            let edge = std::mem::replace(&mut self.blocks[succ], to);
            self.b.switch_to_block(edge);
            if let Some(guard) = guard {
                self.check_way_in(succ, &guard);
            }
            for (r, ty) in due {
                self.materialize(r, ty);
            }
            self.b.ins().jump(to, &[]);
        }
        if cfg!(debug_assertions) && !matches!(plan, Plan::General | Plan::Exit) {
            let code = self.code;
            let t = self.typing_mut();
            let mut s = t.states[pc as usize].clone().expect("reached");
            apply(code, pc, &ins, plan, &mut s);
            debug_assert_eq!(s, t.cur, "typed copy and inference agree");
        }
    }

    /// On a guarded edge into the loop head `head` (see `Guard`): check
    /// and unbox the registers speculated there and check the hoisted
    /// lists, leaving for the general copy's head when one fails; the
    /// builder goes on where they all hold.
    fn check_way_in(&mut self, head: usize, guard: &Guard) {
        let leave = self.b.create_block();
        self.b.set_cold_block(leave);
        for &(r, ty) in &guard.checks {
            self.load_typed(r, ty, leave);
        }
        if guard.lists {
            self.check_hoisted_lists(head, false, leave);
        }
        let go_on = self.b.create_block();
        if guard.exits {
            self.b.ins().jump(leave, &[]);
        } else {
            self.b.ins().jump(go_on, &[]);
        }
        self.b.switch_to_block(leave);
        let pending = self.typing_mut().pending;
        self.leave_for_general_copy(head, &guard.stale, pending);
        self.b.switch_to_block(go_on);
    }

    /// On the way into the loop at `head`: check its hoisted lists to be
    /// lists that are not borrowed, going to `fail` if not, and keep their
    /// addresses for the loop (`Typing::hoisted`). With `enclosing`, those
    /// of the loops around it as well (coming back in from the general
    /// copy, where none was checked).
    fn check_hoisted_lists(&mut self, head: usize, enclosing: bool, fail: Block) {
        let Some(layout) = list_layout() else {
            return;
        };
        let vars: Vec<(Reg, Variable)> = self
            .typing_mut()
            .hoisted
            .iter()
            .filter(|&&(h, end, _)| h == head || (enclosing && h < head && head <= end))
            .flat_map(|(_, _, vars)| vars.iter().copied())
            .collect();
        for (r, var) in vars {
            let o = self.load_reg(r);
            let p = self.checked_list(layout, o, true, fail);
            self.b.def_var(var, p);
        }
    }

    /// After instruction `ins`, run as `plan` says: which registers the
    /// typed copy still knows to hold a list (`Typing::lists`): none after
    /// an ordinary instruction (or a truth test that may call
    /// `__bool__`), else the locals it did not write.
    fn forget_lists(&mut self, ins: &Instr, plan: Plan) {
        let tb = self.code.temp_base;
        let lists = &mut self.typing_mut().lists;
        match plan {
            Plan::General | Plan::Exit | Plan::Bool { .. } => lists.clear(),
            _ => lists.retain(|&(r, _, _)| r < tb && !writes(ins, r)),
        }
        let slots = &mut self.typing_mut().slots;
        match plan {
            Plan::Arith { .. } | Plan::Move { .. } | Plan::Item { float: true, .. } => {
                slots.retain(|&(o, i, _)| !writes(ins, o) && !writes(ins, i))
            }
            _ => slots.clear(),
        }
    }

    /// The variable holding the checked address of list `r` at
    /// instruction `pc`, if a loop around it hoisted its check (see
    /// `hoisted_lists`; the innermost such loop's).
    fn hoisted_list(&mut self, pc: u32, r: Reg) -> Option<Variable> {
        let pc = pc as usize;
        self.typing_mut()
            .hoisted
            .iter()
            .rev()
            .filter(|&&(head, end, _)| head <= pc && pc <= end)
            .find_map(|(_, _, vars)| vars.iter().find(|&&(h, _)| h == r))
            .map(|&(_, var)| var)
    }

    /// In the general copy, at the head `pc` of a typed loop: go back into
    /// the typed copy (its block `typed`) when the registers the typed copy
    /// holds unboxed there hold values of those types, else fall through
    /// to the general translation of `pc` (in a new block).
    ///
    /// Why: without it a side exit would leave the typed copy for the rest
    /// of the call, so a function whose loops nest (`nbody`'s `advance`:
    /// the pair loop and the position loop inside the time-step loop)
    /// would run every loop after the first exit boxed. Re-entering at a
    /// loop head costs a tag check per typed register; the register file
    /// is up to date in the general copy, so the typed copy's state there
    /// (whatever it has not stored yet, it holds in its variables) is met
    /// by loading them.
    pub(super) fn reenter_typed_copy(&mut self, pc: u32, typed: Block) {
        let state = self.typing_mut().states[pc as usize]
            .clone()
            .expect("re-entries are reached by the typed copy");
        let general = self.b.create_block();
        for (r, &ty) in state.ty.iter().enumerate() {
            let r = r as Reg;
            if ty == Ty::Any || self.code.const_reg(r).is_some() {
                continue;
            }
            self.load_typed(r, ty, general);
        }
        self.check_hoisted_lists(pc as usize, true, general);
        self.b.ins().jump(typed, &[]);
        self.b.switch_to_block(general);
    }

    /// Load register `r` from the register file into its variable of type
    /// `ty` (unboxed), going to `fail` when it holds something else; the
    /// builder goes on where it did.
    fn load_typed(&mut self, r: Reg, ty: Ty, fail: Block) {
        let w = self.load_reg(r);
        let ok = if ty == Ty::Int {
            self.is_int(w)
        } else {
            self.is_float(w)
        };
        let checked = self.b.create_block();
        self.b.ins().brif(ok, checked, &[], fail, &[]);
        self.b.switch_to_block(checked);
        let (var, v) = if ty == Ty::Int {
            (self.typing_mut().ints[r as usize], self.unbox_int(w))
        } else {
            (self.typing_mut().floats[r as usize], self.as_f64(w))
        };
        self.b.def_var(var, v);
    }

    /// Store register `r`'s typed value (of type `ty`) in the register
    /// file. A temporary's old word is released if it is an object (it
    /// should be dead, but the general path would release it).
    fn materialize(&mut self, r: Reg, ty: Ty) {
        let v = self.typed_value(r, ty);
        let word = match ty {
            Ty::Int => self.box_int(v),
            _ => self.box_float(v),
        };
        if r >= self.code.temp_base {
            self.put_word(r, word);
        } else {
            self.store_reg(r, word);
        }
    }

    /// Bring every stale register up to date (before an ordinary
    /// instruction, which reads the register file).
    fn materialize_stale(&mut self) {
        for (r, ty) in self.stale_registers() {
            self.materialize(r, ty);
        }
        self.typing_mut().cur.stale.fill(false);
        if let Some(pending) = self.typing_mut().pending.take() {
            self.store_pending(pending);
        }
    }

    /// Store a pending global's word in its register, with the reference
    /// the register holds (see `Typing::pending`).
    fn store_pending(&mut self, (r, word): (Reg, ir::Value)) {
        self.retain_if_obj(word);
        self.put_word(r, word);
    }

    fn stale_registers(&mut self) -> Vec<(Reg, Ty)> {
        let cur = &self.typing_mut().cur;
        (0..cur.ty.len())
            .filter(|&r| cur.stale[r])
            .map(|r| (r as Reg, cur.ty[r]))
            .collect()
    }

    /// Where a side exit at `pc` goes from here: the general copy's block
    /// for `pc`, through a block storing the stale registers when there
    /// are any; one such block for the instruction's exits that store the
    /// same (its several checks, before it defines anything: a smaller
    /// translation, compiled faster).
    fn exit_block(&mut self, pc: u32) -> Block {
        let stale = self.stale_registers();
        let pending = self.typing_mut().pending;
        let general = self.typing_mut().general_blocks[pc as usize];
        if stale.is_empty() && pending.is_none() {
            return general;
        }
        let same = self
            .typing_mut()
            .exits
            .iter()
            .find(|(_, at, s, p)| *at == pc && *s == stale && *p == pending);
        if let Some(&(blk, ..)) = same {
            return blk;
        }
        let blk = self.b.create_block();
        self.b.set_cold_block(blk);
        self.typing_mut().exits.push((blk, pc, stale, pending));
        blk
    }

    /// Fill the side-exit blocks made while translating an instruction
    /// (the builder cannot switch blocks in the middle of one). Most go to
    /// the shared tail of the exits that store the same registers (filled
    /// by `fill_exit_tails`): a loop body's exits store much the same, and
    /// each storing its own was most of the typed copy's code (compile
    /// time, not run time: exits are rare).
    fn fill_exits(&mut self) {
        while let Some((blk, pc, stale, pending)) = self.typing_mut().exits.pop() {
            self.b.switch_to_block(blk);
            if pending.is_none() {
                let tail = self.exit_tail(stale, pc);
                let pcv = self.const32(pc);
                self.b.ins().jump(tail, &[pcv.into()]);
                continue;
            }
            self.leave_for_general_copy(pc as usize, &stale, pending);
        }
    }

    /// Leave the typed copy for the general copy's block for `pc`, with
    /// the stale registers and the pending global stored.
    fn leave_for_general_copy(
        &mut self,
        pc: usize,
        stale: &[(Reg, Ty)],
        pending: Option<(Reg, ir::Value)>,
    ) {
        for &(r, ty) in stale {
            self.materialize(r, ty);
        }
        if let Some(pending) = pending {
            self.store_pending(pending);
        }
        let general = self.typing_mut().general_blocks[pc];
        self.b.ins().jump(general, &[]);
    }

    /// The shared tail of the exits storing `stale`, which the exit at
    /// `pc` goes to.
    fn exit_tail(&mut self, stale: Vec<(Reg, Ty)>, pc: u32) -> Block {
        let tails = &mut self.typing_mut().exit_tails;
        if let Some(tail) = tails.iter_mut().find(|t| t.stale == stale) {
            if !tail.pcs.contains(&pc) {
                tail.pcs.push(pc);
            }
            return tail.block;
        }
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.b.append_block_param(block, types::I32);
        self.typing_mut().exit_tails.push(ExitTail {
            stale,
            block,
            pcs: vec![pc],
        });
        block
    }

    /// Fill the exits' shared tails (once the typed copy is translated:
    /// every exit that goes to one is known).
    pub(super) fn fill_exit_tails(&mut self) {
        for tail in std::mem::take(&mut self.typing_mut().exit_tails) {
            self.b.switch_to_block(tail.block);
            let pc = self.b.block_params(tail.block)[0];
            for &(r, ty) in &tail.stale {
                self.materialize(r, ty);
            }
            let general = &self.typing_mut().general_blocks;
            let targets: Vec<(u32, Block)> = tail
                .pcs
                .iter()
                .map(|&at| (at, general[at as usize]))
                .collect();
            let mut switch = cranelift_frontend::Switch::new();
            for &(at, block) in &targets[1..] {
                switch.set_entry(at as u128, block);
            }
            switch.emit(&mut self.b, pc, targets[0].1);
        }
    }

    /// Leave the typed copy for the general one at `pc` when `ok` is
    /// false; the builder continues in a new block where it holds.
    fn exit_unless(&mut self, pc: u32, ok: ir::Value) {
        let exit = self.exit_block(pc);
        let cont = self.b.create_block();
        self.b.ins().brif(ok, cont, &[], exit, &[]);
        self.b.switch_to_block(cont);
    }

    /// The unboxed value of register `r` of known type `ty`.
    fn typed_value(&mut self, r: Reg, ty: Ty) -> ir::Value {
        if let Some(c) = self.code.const_reg(r) {
            return match ty {
                Ty::Int => self
                    .b
                    .ins()
                    .iconst(types::I64, c.as_small_int().expect("an int constant")),
                _ => self
                    .b
                    .ins()
                    .f64const(c.as_float().expect("a float constant")),
            };
        }
        let var = match ty {
            Ty::Int => self.typing_mut().ints[r as usize],
            _ => self.typing_mut().floats[r as usize],
        };
        self.b.use_var(var)
    }

    /// Operand `r` of int arithmetic as an unboxed int; an operand of
    /// unknown type is checked (else the typed copy is left at `pc`) and
    /// known to be an int from then on.
    fn int_operand(&mut self, pc: u32, r: Reg) -> ir::Value {
        if self.cur_ty(r) == Ty::Int {
            return self.typed_value(r, Ty::Int);
        }
        let w = self.load_reg(r);
        let ok = self.is_int(w);
        self.exit_unless(pc, ok);
        let v = self.unbox_int(w);
        if self.code.const_reg(r).is_none() {
            let var = self.typing_mut().ints[r as usize];
            self.b.def_var(var, v);
            self.typing_mut().cur.ty[r as usize] = Ty::Int;
        }
        v
    }

    /// Operand `r` of float arithmetic as an `f64`: a float, or an int
    /// converted (exactly: 48 bits); an operand of unknown type is checked
    /// to be one of the two — to be a float when `float_only` (both
    /// operands unknown: two ints must not make a float).
    fn float_operand(&mut self, pc: u32, r: Reg, float_only: bool) -> ir::Value {
        match self.cur_ty(r) {
            Ty::Float => self.typed_value(r, Ty::Float),
            Ty::Int => {
                let i = self.typed_value(r, Ty::Int);
                self.b.ins().fcvt_from_sint(types::F64, i)
            }
            Ty::Any => {
                use crate::runtime::value::TAG_INT;
                let w = self.load_reg(r);
                let t = self.tag(w);
                // Floats have the tags below the int tag.
                let float = self
                    .b
                    .ins()
                    .icmp_imm_u(IntCC::UnsignedLessThan, t, TAG_INT as i64);
                if float_only {
                    self.exit_unless(pc, float);
                    let f = self.as_f64(w);
                    if self.code.const_reg(r).is_none() {
                        let var = self.typing_mut().floats[r as usize];
                        self.b.def_var(var, f);
                        self.typing_mut().cur.ty[r as usize] = Ty::Float;
                    }
                    return f;
                }
                // A float as it is; an int converted, off the hot path (in
                // a float loop the operand is most often a float).
                let (is_float, other) = (self.b.create_block(), self.b.create_block());
                self.b.set_cold_block(other);
                let done = self.b.create_block();
                self.b.append_block_param(done, types::F64);
                self.b.ins().brif(float, is_float, &[], other, &[]);
                self.b.switch_to_block(is_float);
                let f = self.as_f64(w);
                self.b.ins().jump(done, &[f.into()]);
                self.b.switch_to_block(other);
                let int = self.b.ins().icmp_imm_u(IntCC::Equal, t, TAG_INT as i64);
                self.exit_unless(pc, int);
                let i = self.unbox_int(w);
                let from_int = self.b.ins().fcvt_from_sint(types::F64, i);
                self.b.ins().jump(done, &[from_int.into()]);
                self.b.switch_to_block(done);
                self.b.block_params(done)[0]
            }
        }
    }

    /// `dst = v` of type `ty`: the variable, and the boxed word in the
    /// register file now or later (`stores_at_once`).
    fn def_typed(&mut self, dst: Reg, ty: Ty, v: ir::Value) {
        let old = self.cur_ty(dst);
        let var = match ty {
            Ty::Int => self.typing_mut().ints[dst as usize],
            _ => self.typing_mut().floats[dst as usize],
        };
        self.b.def_var(var, v);
        let at_once = stores_at_once(self.code, dst, old);
        if at_once {
            let word = match ty {
                Ty::Int => self.box_int(v),
                _ => self.box_float(v),
            };
            if old == Ty::Any {
                // (Releasing what the local held, which may run Python
                // code: the item addresses known may be stale after.)
                self.put_word(dst, word);
                self.typing_mut().slots.clear();
            } else {
                self.store_reg(dst, word);
            }
        }
        let cur = &mut self.typing_mut().cur;
        cur.ty[dst as usize] = ty;
        cur.stale[dst as usize] = !at_once;
    }

    fn typed_arith(
        &mut self,
        pc: u32,
        op: Arith,
        num: Ty,
        dst: Reg,
        [a, b]: [Reg; 2],
        floats: [bool; 2],
    ) {
        if num == Ty::Int {
            let i = self.int_operand(pc, a);
            let j = self.int_operand(pc, b);
            let exit = self.exit_block(pc);
            let (ty, r) = match op {
                Arith::And => (Ty::Int, self.b.ins().band(i, j)),
                Arith::Or => (Ty::Int, self.b.ins().bor(i, j)),
                Arith::Xor => (Ty::Int, self.b.ins().bxor(i, j)),
                Arith::TrueDiv => {
                    let fi = self.b.ins().fcvt_from_sint(types::F64, i);
                    let fj = self.b.ins().fcvt_from_sint(types::F64, j);
                    (Ty::Float, self.float_result(op, fi, fj, exit))
                }
                _ => (Ty::Int, self.int_result(op, i, j, exit)),
            };
            self.def_typed(dst, ty, r);
        } else {
            let x = self.float_operand(pc, a, floats[0]);
            let y = self.float_operand(pc, b, floats[1]);
            let exit = self.exit_block(pc);
            let r = self.float_result(op, x, y, exit);
            self.def_typed(dst, Ty::Float, r);
        }
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// The word of list register `obj` if it is a temporary (to consume)
    /// and the address of its item `idx` (checked: anything else leaves
    /// the typed copy at `pc`); `None`, the exit taken, when this build's
    /// list layout is not known.
    fn typed_list_slot(
        &mut self,
        pc: u32,
        obj: Reg,
        idx: Reg,
        write: bool,
    ) -> Option<(Option<ir::Value>, ir::Value)> {
        let Some(layout) = list_layout() else {
            let exit = self.exit_block(pc);
            self.b.ins().jump(exit, &[]);
            return None;
        };
        let k = self.int_operand(pc, idx);
        // (The word itself only for a temporary, which the caller
        // consumes, or for the check: a local's known list needs no load.)
        let temporary = obj >= self.code.temp_base;
        let o = temporary.then(|| self.load_reg(obj));
        if write {
            let slots = &self.typing_mut().slots;
            if let Some(&(_, _, slot)) = slots.iter().find(|&&(o, i, _)| o == obj && i == idx) {
                return Some((o, slot));
            }
        }
        let exit = self.exit_block(pc);
        let hoisted = self.hoisted_list(pc, obj);
        let lists = &self.typing_mut().lists;
        let known = lists.iter().find(|&&(r, _, w)| r == obj && (w || !write));
        let p = match (known, hoisted) {
            (Some(&(_, p, _)), _) => p,
            (None, Some(var)) => self.b.use_var(var),
            (None, None) => {
                let word = match o {
                    Some(word) => word,
                    None => self.load_reg(obj),
                };
                let write = write || self.typing_mut().stored[obj as usize];
                let p = self.checked_list(layout, word, write, exit);
                let lists = &mut self.typing_mut().lists;
                lists.retain(|&(r, _, _)| r != obj);
                lists.push((obj, p, write));
                p
            }
        };
        Some((o, self.list_slot_in(layout, p, k, exit)))
    }

    /// `dst = obj[idx]` of a list, inline (`list_slot_at`); any other
    /// case leaves the typed copy at `pc`, whose general translation does
    /// it.
    fn typed_item(&mut self, pc: u32, dst: Reg, obj: Reg, idx: Reg, float: bool) {
        let Some((temporary, slot)) = self.typed_list_slot(pc, obj, idx, false) else {
            return;
        };
        if float && temporary.is_none() {
            let slots = &mut self.typing_mut().slots;
            slots.retain(|&(o, i, _)| (o, i) != (obj, idx));
            slots.push((obj, idx, slot));
        }
        let word = self
            .b
            .ins()
            .load(types::I64, ir::MemFlagsData::trusted(), slot, 0);
        if float {
            // (A float owns nothing: no reference to take.)
            let ok = self.is_float(word);
            self.exit_unless(pc, ok);
        } else {
            self.retain_if_obj(word);
        }
        if let Some(o) = temporary {
            self.consume_word(obj, o);
        }
        let code = self.code;
        consumed_temporary(code, &mut self.typing_mut().cur, obj);
        if float {
            let f = self.as_f64(word);
            self.def_typed(dst, Ty::Float, f);
        } else {
            self.put_word(dst, word);
            let cur = &mut self.typing_mut().cur;
            cur.ty[dst as usize] = Ty::Any;
            cur.stale[dst as usize] = false;
        }
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// `dst = func(args)` as `Plan::PureCall` says: the register must hold
    /// the function the site knows and its pure code must return a value
    /// of type `returns`, else the typed copy is left for the general copy
    /// at `pc`, which makes the call (pure code changed nothing).
    fn typed_pure_call(&mut self, pc: u32, dst: Reg, func: Reg, argc: u16, returns: Ty) {
        let callee = self
            .known
            .remove(&pc)
            .expect("a pure call site is a known one");
        let (fword, owned) = self.callee_word(func);
        let exit = self.exit_block(pc);
        self.guard(IntCC::Equal, fword, callee.func_word() as i64, exit);
        let args: Vec<(ir::Value, bool)> = (func + 1..=func + argc)
            .map(|r| (self.word_now(r), self.cur_ty(r) == Ty::Any))
            .collect();
        let word = self.call_pure_entry(&callee, &args, exit);
        self.known.insert(pc, callee);
        let result = match returns {
            Ty::Any => None,
            Ty::Int => {
                let ok = self.is_int(word);
                self.exit_unless(pc, ok);
                Some(self.unbox_int(word))
            }
            Ty::Float => {
                let ok = self.is_float(word);
                self.exit_unless(pc, ok);
                Some(self.as_f64(word))
            }
        };
        // (Pure code checked the arguments to be immediates.)
        let result = result.map(|v| (returns, v)).ok_or(word);
        self.finish_typed_call(pc, func, argc, (fword, owned), dst, result);
    }

    /// `dst = name` as `Plan::CalleeGlobal` says.
    fn typed_callee_global(&mut self, pc: u32, dst: Reg, name: u16) {
        let (valid, site) = self.global_site(name);
        self.exit_unless(pc, valid);
        let word = Self::global_site_value(&mut self.b, site);
        self.typing_mut().pending = Some((dst, word));
        let cur = &mut self.typing_mut().cur;
        cur.ty[dst as usize] = Ty::Any;
        cur.stale[dst as usize] = false;
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// The word of the callee (or module) register `r` of a typed call,
    /// and whether the register owns its reference: not when it is the
    /// pending global (`Typing::pending`), which stays pending for the
    /// call's side exits.
    fn callee_word(&mut self, r: Reg) -> (ir::Value, bool) {
        match self.typing_mut().pending {
            Some((at, word)) if at == r => (word, false),
            _ => (self.load_reg(r), true),
        }
    }

    /// The end of a call the typed copy makes itself (`typed_pure_call`,
    /// `typed_sqrt`): the register of the callee (or module), whose word
    /// `callee.0` holds the reference its `LoadGlobal` made (unless it is
    /// the pending global, `callee.1` false), and the `argc` argument
    /// registers after it, all numbers, are consumed; `dst` gets
    /// `result`, a typed value or else a word.
    fn finish_typed_call(
        &mut self,
        pc: u32,
        callee: Reg,
        argc: u16,
        (callee_word, owned): (ir::Value, bool),
        dst: Reg,
        result: Result<(Ty, ir::Value), ir::Value>,
    ) {
        let first_owned = if owned { callee } else { callee + 1 };
        for r in first_owned..=callee + argc {
            if self.cur_ty(r) == Ty::Any {
                self.unbind_reg(r);
            }
        }
        if owned {
            self.decref_if_obj(callee_word);
        } else {
            self.typing_mut().pending = None;
        }
        let code = self.code;
        let cur = &mut self.typing_mut().cur;
        for r in callee..=callee + argc {
            consumed_temporary(code, cur, r);
        }
        match result {
            _ if dst == NO_REG => {}
            Ok((ty, v)) => self.def_typed(dst, ty, v),
            Err(word) => {
                self.put_word(dst, word);
                let cur = &mut self.typing_mut().cur;
                cur.ty[dst as usize] = Ty::Any;
                cur.stale[dst as usize] = false;
            }
        }
        self.poll_finalizers();
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// Register `r`'s value as a word: a typed one boxed (a number owns
    /// nothing), else the register file's (its reference not taken).
    fn word_now(&mut self, r: Reg) -> ir::Value {
        match self.cur_ty(r) {
            Ty::Any => self.load_reg(r),
            Ty::Int => {
                let i = self.typed_value(r, Ty::Int);
                self.box_int(i)
            }
            Ty::Float => {
                let f = self.typed_value(r, Ty::Float);
                self.box_float(f)
            }
        }
    }

    /// `dst = math.sqrt(x)` as `Plan::Sqrt` says (see `math`).
    fn typed_sqrt(&mut self, pc: u32, dst: Reg, obj: Reg) {
        let site = &self.math[&pc];
        let (module_word, native_word, verified) =
            (site.module_word, site.native_word, site.verified);
        let flags = ir::MemFlagsData::trusted();
        let i64_ = types::I64;
        let (m, owned) = self.callee_word(obj);
        let same = self.b.ins().icmp_imm_u(IntCC::Equal, m, module_word as i64);
        self.exit_unless(pc, same);
        let epoch_at = crate::runtime::dict::globals_epoch_cell() as i64;
        let epoch_at = self.b.ins().iconst(i64_, epoch_at);
        let epoch = self.b.ins().load(i64_, flags, epoch_at, 0);
        let verified_at = self.b.ins().iconst(i64_, verified as i64);
        let seen = self.b.ins().load(i64_, flags, verified_at, 0);
        let current = self.b.ins().icmp(IntCC::Equal, epoch, seen);
        let (verify, checked) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(verify);
        self.b.ins().brif(current, checked, &[], verify, &[]);
        self.b.switch_to_block(verify);
        let code = self
            .b
            .ins()
            .iconst(i64_, self.code as *const CodeObject as i64);
        let name = match self.code.instrs[pc as usize] {
            Instr::CallMethod { name, .. } => name,
            _ => unreachable!("a math call is a CallMethod"),
        };
        let name = self.const32(name as u32);
        let native = self.b.ins().iconst(i64_, native_word as i64);
        let still = self
            .call(
                self.callees.module_fn_verify,
                &[m, code, name, native, verified_at],
            )
            .expect("module_fn_verify answers");
        self.exit_unless(pc, still);
        self.b.ins().jump(checked, &[]);
        self.b.switch_to_block(checked);
        let x = self.float_operand(pc, obj + 1, false);
        // A negative argument raises, NaN returns NaN: the runtime's.
        let zero = self.b.ins().f64const(0.0);
        let defined = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, zero);
        self.exit_unless(pc, defined);
        let r = self.b.ins().sqrt(x);
        self.finish_typed_call(pc, obj, 1, (m, owned), dst, Ok((Ty::Float, r)));
    }

    /// `obj[idx] = src` of a list, inline (as `typed_item`); a typed value
    /// is stored boxed (a number owns nothing).
    fn typed_store(&mut self, pc: u32, obj: Reg, idx: Reg, src: Reg) {
        let Some((temporary, slot)) = self.typed_list_slot(pc, obj, idx, true) else {
            return;
        };
        let src_ty = self.cur_ty(src);
        let v = self.word_now(src);
        if src_ty == Ty::Any {
            // The list's new reference (a temporary's is released below).
            self.retain_if_obj(v);
        }
        let flags = ir::MemFlagsData::trusted();
        let old = self.b.ins().load(types::I64, flags, slot, 0);
        self.b.ins().store(flags, v, slot, 0);
        // Consumed temporaries, each once: the object, an unknown value,
        // the index (an int: its register is only emptied).
        if src_ty == Ty::Any {
            self.consume_word(src, v);
        }
        if obj != src {
            if let Some(o) = temporary {
                self.consume_word(obj, o);
            }
        }
        if idx != src && idx != obj && idx >= self.code.temp_base {
            self.unbind_reg(idx);
        }
        self.release_if_obj(old);
        let code = self.code;
        let cur = &mut self.typing_mut().cur;
        for r in [obj, idx, src] {
            consumed_temporary(code, cur, r);
        }
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// A counted loop's `ForIter` (see `RangeLoop`): the next int from
    /// the loop's stack slot; when the loop does not count (its iterable
    /// is no range), the general path, whose item must be a small int.
    fn typed_count(&mut self, pc: u32, ins: Instr, dst: Reg) {
        let Instr::ForIter { iter, target, .. } = ins else {
            unreachable!("a counted loop's ForIter")
        };
        let slot = self.range_loops[&pc];
        let active = self.loop_mode(slot);
        let counted = self.b.create_block();
        let general = self.b.create_block();
        let is_counted = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, active, super::RangeLoop::COUNTED);
        self.b.ins().brif(is_counted, counted, &[], general, &[]);

        // The general path first: it may call the runtime (and raise into
        // a handler), so the register file is brought up to date; its item
        // is stored in `dst` by the general translation, and a side exit
        // goes to the instruction after.
        self.b.switch_to_block(general);
        let before = self.typing_mut().cur.clone();
        self.materialize_stale();
        let check = self.b.create_block();
        let after = std::mem::replace(&mut self.blocks[pc as usize + 1], check);
        self.for_iter_general(pc, ins, dst, iter, target);
        self.blocks[pc as usize + 1] = after;
        self.b.switch_to_block(check);
        let w = self.load_reg(dst);
        let ok = self.is_int(w);
        self.exit_unless(pc + 1, ok);
        let i = self.unbox_int(w);
        let var = self.typing_mut().ints[dst as usize];
        self.b.def_var(var, i);
        let join = self.b.create_block();
        self.b.ins().jump(join, &[]);

        self.typing_mut().cur = before;
        self.b.switch_to_block(counted);
        let cur = self.count_step(pc, slot, iter, target);
        self.def_typed(dst, Ty::Int, cur);
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(join);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    fn typed_branch(&mut self, pc: u32, ins: Instr, num: Ty, a: Reg, b: Reg) {
        let (icc, fcc): (IntCC, FloatCC) = super::words::conds(ins).expect("a compare-and-branch");
        let c = if num == Ty::Int {
            let i = self.int_operand(pc, a);
            let j = self.int_operand(pc, b);
            self.b.ins().icmp(icc, i, j)
        } else {
            let x = self.float_operand(pc, a, false);
            let y = self.float_operand(pc, b, false);
            self.b.ins().fcmp(fcc, x, y)
        };
        let target = ins.target().expect("a branch");
        let next = self.next(pc);
        let dest = self.branch_to(pc, target);
        self.b.ins().brif(c, next, &[], dest, &[]);
    }

    fn typed_bool(&mut self, pc: u32, ins: Instr, cond: Reg, jump_on: bool) {
        let w = self.load_reg(cond);
        let (jump_word, stay_word) = if jump_on {
            (Value::TRUE.bits(), Value::FALSE.bits())
        } else {
            (Value::FALSE.bits(), Value::TRUE.bits())
        };
        let target = ins.target().expect("a branch");
        let dest = self.branch_to(pc, target);
        let jumps = self.b.ins().icmp_imm_u(IntCC::Equal, w, jump_word as i64);
        let not_jump = self.b.create_block();
        self.b.ins().brif(jumps, dest, &[], not_jump, &[]);
        self.b.switch_to_block(not_jump);
        let stays = self.b.ins().icmp_imm_u(IntCC::Equal, w, stay_word as i64);
        let next = self.next(pc);
        let other = self.b.create_block();
        self.b.set_cold_block(other);
        self.b.ins().brif(stays, next, &[], other, &[]);
        // Not a bool: the general test (which may run `__bool__`) with the
        // registers up to date. The state stays as it was: the stale
        // registers are stored again later, which is harmless (the same
        // number), and both paths meet in the same typed blocks.
        self.b.switch_to_block(other);
        for (r, ty) in self.stale_registers() {
            self.materialize(r, ty);
        }
        self.bool_branch(pc, ins, cond, target, jump_on);
    }

    fn typed_truth(&mut self, pc: u32, ins: Instr, cond: Reg, jump_on: bool) {
        let ty = self.cur_ty(cond);
        let v = self.typed_value(cond, ty);
        let truth = if ty == Ty::Int {
            self.b.ins().icmp_imm_u(IntCC::NotEqual, v, 0)
        } else {
            // NaN is true: unordered counts as not equal.
            let zero = self.b.ins().f64const(0.0);
            self.b.ins().fcmp(FloatCC::NotEqual, v, zero)
        };
        let target = ins.target().expect("a branch");
        let next = self.next(pc);
        let dest = self.branch_to(pc, target);
        if jump_on {
            self.b.ins().brif(truth, dest, &[], next, &[]);
        } else {
            self.b.ins().brif(truth, next, &[], dest, &[]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The register types at the `while` test (`JumpIfNotLt`) of
    /// function `f` defined by `src`.
    fn types_at_loop_test(src: &str) -> Vec<Ty> {
        state_at_loop_test(src).0.ty
    }

    /// The state at the `while` test of `f` in `src`, and the stores the
    /// edges of `f`'s typed copy make.
    fn state_at_loop_test(src: &str) -> (State, EdgeStores) {
        let a = analyse(src);
        (a.states[a.test].clone().expect("reached"), a.stores)
    }

    /// The typed copy's analysis of function `f` in `src`, and where its
    /// `while` test is.
    struct Analysis {
        spec: Speculated,
        states: Vec<Option<State>>,
        stores: EdgeStores,
        guarded: GuardedEdges,
        test: usize,
    }

    /// The code of function `f` defined by `src`.
    fn code_of_f(src: &str) -> std::rc::Rc<CodeObject> {
        let module = crate::bytecode::compile_source("<test>", src).expect("compiles");
        module
            .codes
            .iter()
            .find(|c| &*c.name == "f")
            .expect("the function's code")
            .clone()
    }

    fn analyse(src: &str) -> Analysis {
        let code = &*code_of_f(src);
        let sites = sites(code, &jump_targets(code), &[], &[]);
        let (spec, states) = speculate(code, &sites);
        let typed = typed_loops(code, &sites, &states);
        let hoisted = hoisted_lists(code, &sites, &states, &typed);
        let (stores, guarded) = edge_stores(code, &sites, &spec, &hoisted, &states);
        let test = code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::JumpIfNotLt { .. }))
            .expect("a while test");
        Analysis {
            spec,
            states,
            stores,
            guarded,
            test,
        }
    }

    /// A float of an inner loop whose type meets an unknown one at the
    /// outer loop's head stays unboxed in the inner loop (stale, not
    /// stored at every step): the outer loop's edges store it. (An outer
    /// loop at the start of the code, whose head the function's entry
    /// reaches unchecked: any other would speculate it, see below.)
    #[test]
    fn a_type_clash_at_an_outer_head_is_stored_on_the_edge() {
        let (s, stores) = state_at_loop_test(
            "def f(n):\n    while n > 0:\n        z = 0.5\n        i = 0\n        while i < 10:\n            z = z * 0.5 + 1.0\n            i += 1\n        n -= 1\n    return z\n",
        );
        // Slots: n, z, i.
        assert_eq!((s.ty[1], s.stale[1]), (Ty::Float, true));
        assert!(stores
            .values()
            .flatten()
            .any(|&(r, ty)| r == 1 && ty == Ty::Float));
    }

    /// The lists each typed loop of `f` in `src` checks on the way in,
    /// by loop in code order.
    fn hoisted_in(src: &str) -> Vec<Vec<Reg>> {
        let code = &*code_of_f(src);
        let sites = sites(code, &jump_targets(code), &[], &[]);
        let (_, states) = speculate(code, &sites);
        let typed = typed_loops(code, &sites, &states);
        let mut hoisted: Vec<_> = hoisted_lists(code, &sites, &states, &typed)
            .into_iter()
            .collect();
        hoisted.sort();
        hoisted.into_iter().map(|(_, (_, regs))| regs).collect()
    }

    #[test]
    fn lists_a_loop_does_not_rebind_are_checked_on_the_way_in() {
        // Slots: xs, n, t, j, row, k. `row` changes in the outer loop
        // only: the inner loop checks it once per round of the outer.
        assert_eq!(
            hoisted_in("def f(xs, n):\n    t = 0\n    for j in range(n):\n        xs[j] = j\n    for row in xs:\n        for k in range(n):\n            t += row[k]\n    return t\n"),
            vec![vec![0], vec![4]]
        );
        // A list the loop rebinds is checked at each use.
        assert_eq!(
            hoisted_in("def f(rows, n):\n    t = 0\n    for j in range(n):\n        row = rows[j]\n        t += row[0]\n    return t\n"),
            vec![vec![0]]
        );
    }

    #[test]
    fn loop_counters_and_accumulators_are_ints() {
        let s = types_at_loop_test(
            "def f(n):\n    t = 0\n    i = 0\n    while i < n:\n        t += i % 7\n        i += 1\n    return t\n",
        );
        // `t` and `i` (slots 1 and 2) are ints; so is the parameter `n`:
        // the loop's test checks it, so its back edge brings an int, and
        // the way in is checked (speculated).
        assert_eq!((s[0], s[1], s[2]), (Ty::Int, Ty::Int, Ty::Int));
    }

    #[test]
    fn a_call_result_the_loop_makes_an_int_is_speculated_and_a_float_stays_float() {
        let s = types_at_loop_test(
            "def f(n):\n    x = 0.5\n    k = g(n)\n    while k < 10:\n        x = x * 2.0\n        k += 1\n    return x\n",
        );
        assert_eq!((s[1], s[2]), (Ty::Float, Ty::Int));
    }

    /// A local assigned a float in an inner loop, of unknown type where
    /// the loops are entered (unbound the first time), is a float at the
    /// inner loop's head (stale there: the loop's assignments are not
    /// stored) and, since the inner loop's exit brings it as one, at the
    /// outer loop's head, whose way in checks and loads it (a guarded
    /// edge); the inner loop's way in, inside the outer loop, has nothing
    /// to check.
    #[test]
    fn a_float_the_loop_assigns_is_speculated_at_its_head() {
        let Analysis {
            spec,
            states,
            guarded,
            test,
            ..
        } = analyse(
            "def f(n):\n    for y in range(n):\n        i = 0\n        while i < 10:\n            d = y * 0.5\n            i += 1\n    return 0\n",
        );
        // Slots: n, y, i, d; the outer loop's head (its `ForIter`) is two
        // before the inner loop's test.
        let s = states[test].as_ref().expect("reached");
        assert_eq!((s.ty[3], s.stale[3]), (Ty::Float, true));
        assert_eq!(spec[test], vec![(3, Ty::Float)]);
        let outer = test - 2;
        assert!(spec[outer].contains(&(3, Ty::Float)));
        let guard = |succ: usize| guarded.iter().find(|(&(_, to), _)| to == succ);
        let (_, way_in) = guard(outer).expect("a guarded way into the outer loop");
        assert!(way_in.checks.contains(&(3, Ty::Float)));
        assert!(guard(test).is_none());
    }

    /// A local that a float loop's arithmetic reads (`dt`) is taken for a
    /// float where it meets another unknown in a loop that is not a float
    /// loop, and is known to be one from then on; an item read into such
    /// a local (`bx = b[0]`) is taken for a float too.
    #[test]
    fn a_local_a_float_loop_reads_is_taken_for_a_float_elsewhere() {
        let code = &*code_of_f(
            "def f(xs, dt, n):\n    s = 0\n    for k in range(n):\n        bx = xs[0]\n        for j in range(n):\n            s += bx / (dt + 1.0)\n        for x in xs:\n            y = dt * x\n    return s\n",
        );
        // Slots: xs, dt, n, s, k, bx, j, x, y.
        let sites = sites(code, &jump_targets(code), &[], &[]);
        let (_, states) = speculate(code, &sites);
        let at = |pred: &dyn Fn(&Instr) -> bool| {
            let pc = code.instrs.iter().position(pred).expect("the instruction");
            let s = states[pc].as_ref().expect("reached");
            plan(&code.instrs[pc], &s.ty, sites[pc])
        };
        assert!(matches!(
            at(&|i| matches!(i, Instr::Mul { dst: 8, .. })),
            Plan::Arith { num: Ty::Float, .. }
        ));
        assert!(matches!(
            at(&|i| matches!(i, Instr::GetItem { dst: 5, .. })),
            Plan::Item { float: true, .. }
        ));
        let after = code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::Mul { dst: 8, .. }))
            .expect("dt * x")
            + 1;
        let s = states[after].as_ref().expect("reached");
        assert_eq!(s.ty[1], Ty::Float);
    }

    /// An outer loop checks the lists it reads items of once on its way
    /// in, as an inner loop does.
    #[test]
    fn outer_loops_hoist_their_lists() {
        assert_eq!(
            hoisted_in("def f(rows, n):\n    t = 0\n    for i in range(n):\n        row = rows[i]\n        for j in range(n):\n            t += row[j]\n    return t\n"),
            vec![vec![0], vec![4]]
        );
    }
}
