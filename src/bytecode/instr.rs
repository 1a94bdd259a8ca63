//! The instruction set of the bytecode VM: a register machine.
//!
//! Every frame has a flat register file laid out as
//! `[scope slots | free cells | constants | temporaries]`:
//! locals (parameters first) are registers, the cells a closure captured
//! are copied into registers at frame entry, unboxed constants (small
//! ints, floats, `None`, booleans) are preloaded into registers, and
//! expression temporaries are allocated above them in stack order.
//!
//! Operand conventions, which the compiler and the VM both rely on:
//! - An operand register at or above the code's `temp_base` is a
//!   temporary whose value dies with this use: instructions documented as
//!   *consuming* an operand take it out of the register (leaving it
//!   unbound), so objects are released as soon as CPython would release
//!   them from its value stack. *Borrowing* operands (iterators of a loop,
//!   the manager of a `with`) stay put until an explicit `Clear`.
//! - A local register may be read directly as an operand only when the
//!   compiler proved it bound; otherwise a `CheckBound` comes first.
//! - `NO_REG` stands for an absent optional operand.

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// A register index within the current frame.
pub type Reg = u16;

/// "No register": an optional operand that is absent.
pub const NO_REG: Reg = u16::MAX;

/// One instruction. `Copy` and small (the dispatch loop copies it out of
/// the code vector), operands inline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,

    // ---- registers, constants, names ----
    /// `dst = src` (a temporary `src` is moved).
    Move {
        dst: Reg,
        src: Reg,
    },
    /// `dst = src`, copying even from a temporary (which stays live).
    Copy {
        dst: Reg,
        src: Reg,
    },
    /// `dst = consts[idx]` (heap constants: strings, big ints, tuples).
    LoadConst {
        dst: Reg,
        idx: u16,
    },
    /// Raise `UnboundLocalError` unless local `reg` is bound.
    CheckBound {
        reg: Reg,
        name: u16,
    },
    /// Unbind a register, releasing what it held.
    Clear {
        reg: Reg,
    },
    /// `del local`: like `Clear`, but an unbound local is an error.
    DeleteFast {
        reg: Reg,
        name: u16,
    },
    /// Read the cell in `cell` (a local cell; unbound → `UnboundLocalError`).
    LoadCell {
        dst: Reg,
        cell: Reg,
        name: u16,
    },
    /// Read the cell in `cell` (a free variable; unbound → `NameError`).
    LoadFree {
        dst: Reg,
        cell: Reg,
        name: u16,
    },
    StoreCell {
        cell: Reg,
        src: Reg,
    },
    /// `del` of a cell variable (`quiet`: no error when already unbound).
    DeleteCell {
        cell: Reg,
        name: u16,
        quiet: bool,
    },
    /// Module globals, then builtins.
    LoadGlobal {
        dst: Reg,
        name: u16,
    },
    StoreGlobal {
        name: u16,
        src: Reg,
    },
    DeleteGlobal {
        name: u16,
        quiet: bool,
    },
    /// The frame's namespace (class body or module), then globals, then builtins.
    LoadName {
        dst: Reg,
        name: u16,
    },
    StoreName {
        name: u16,
        src: Reg,
    },
    DeleteName {
        name: u16,
        quiet: bool,
    },

    // ---- operators (both operands consumed) ----
    Add {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Sub {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Mul {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    TrueDiv {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    FloorDiv {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Mod {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Any other binary operator.
    BinOp {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    InplaceAdd {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    InplaceSub {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Inplace {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Unary {
        op: UnaryOp,
        dst: Reg,
        src: Reg,
    },
    Lt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Le {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Gt {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Ge {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Eq {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Ne {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `is`, `is not`, `in`, `not in`.
    Compare {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },

    // ---- control flow ----
    Jump {
        target: u32,
    },
    /// Jump when `cond` is false (the condition is consumed).
    JumpIfFalse {
        cond: Reg,
        target: u32,
    },
    JumpIfTrue {
        cond: Reg,
        target: u32,
    },
    /// Like `JumpIfFalse`/`JumpIfTrue` but the operand stays (the value of
    /// an `and`/`or` chain).
    JumpIfFalseKeep {
        cond: Reg,
        target: u32,
    },
    JumpIfTrueKeep {
        cond: Reg,
        target: u32,
    },
    /// Fused compare-and-branch: jump when `a OP b` is false.
    JumpIfNotLt {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JumpIfNotLe {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JumpIfNotGt {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JumpIfNotGe {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JumpIfNotEq {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JumpIfNotNe {
        a: Reg,
        b: Reg,
        target: u32,
    },
    /// Fused identity test and branch: jump when `a is b` (`JumpIfIs`) or
    /// when `a is not b` (`JumpIfIsNot`); temporary operands are consumed.
    /// (`if x is None:` is one instruction, with no bool in between.)
    JumpIfIs {
        a: Reg,
        b: Reg,
        target: u32,
    },
    JumpIfIsNot {
        a: Reg,
        b: Reg,
        target: u32,
    },
    /// `dst = iter(src)`.
    GetIter {
        dst: Reg,
        src: Reg,
    },
    /// `dst = next(iter)`, or jump to `target` when exhausted (`iter` borrowed).
    ForIter {
        dst: Reg,
        iter: Reg,
        target: u32,
    },
    /// Return `src`. Only the first `live` temporaries can hold an object
    /// here (the compiler's temporaries in use at the `return`; every
    /// other one was consumed or cleared), so a return releases those and
    /// the locals, not the whole register file.
    Return {
        src: Reg,
        live: u16,
    },

    // ---- containers (items in `n` consecutive registers from `start`) ----
    BuildTuple {
        dst: Reg,
        start: Reg,
        n: u16,
    },
    BuildList {
        dst: Reg,
        start: Reg,
        n: u16,
    },
    BuildSet {
        dst: Reg,
        start: Reg,
        n: u16,
    },
    /// A set display of constants: built through a frozenset, as CPython
    /// 3.11 does, which decides the iteration order.
    BuildConstSet {
        dst: Reg,
        start: Reg,
        n: u16,
    },
    /// `n` key/value pairs.
    BuildDict {
        dst: Reg,
        start: Reg,
        n: u16,
    },
    /// `start..start+3` are lower, upper, step.
    BuildSlice {
        dst: Reg,
        start: Reg,
    },
    /// Concatenate `n` strings.
    BuildString {
        dst: Reg,
        start: Reg,
        n: u16,
    },
    /// `list.append(src)` (`list` borrowed).
    ListAppend {
        list: Reg,
        src: Reg,
    },
    /// `list.extend(src)` (`list` borrowed).
    ListExtend {
        list: Reg,
        src: Reg,
    },
    SetAdd {
        set: Reg,
        src: Reg,
    },
    SetUpdate {
        set: Reg,
        src: Reg,
    },
    DictInsert {
        dict: Reg,
        key: Reg,
        value: Reg,
    },
    DictUpdate {
        dict: Reg,
        src: Reg,
    },
    ListToTuple {
        dst: Reg,
        src: Reg,
    },
    GetItem {
        dst: Reg,
        obj: Reg,
        idx: Reg,
    },
    /// `obj[lower:upper:step]` with the bounds in `start..start+3`: no
    /// slice object is made unless `obj` is not a built-in sequence.
    GetSlice {
        dst: Reg,
        obj: Reg,
        start: Reg,
    },
    SetItem {
        obj: Reg,
        idx: Reg,
        src: Reg,
    },
    DelItem {
        obj: Reg,
        idx: Reg,
    },
    GetAttr {
        dst: Reg,
        obj: Reg,
        name: u16,
    },
    SetAttr {
        obj: Reg,
        name: u16,
        src: Reg,
    },
    DelAttr {
        obj: Reg,
        name: u16,
    },
    /// Unpack exactly `n` items into `dst..dst+n`.
    Unpack {
        src: Reg,
        dst: Reg,
        n: u16,
    },
    /// `before` items, a list of the rest, `after` items into `dst..`.
    UnpackStar {
        src: Reg,
        dst: Reg,
        before: u16,
        after: u16,
    },
    /// f-string field: convert (`conv` is 0, `r`, `s` or `a`) and format
    /// with the spec string in `spec` (or none).
    FormatValue {
        dst: Reg,
        src: Reg,
        conv: u8,
        spec: Reg,
    },

    // ---- calls and definitions ----
    /// `dst = func(*regs[func+1 .. func+1+argc])`.
    Call {
        dst: Reg,
        func: Reg,
        argc: u16,
    },
    /// Like `Call`; the last `len(code.kwnames[kwnames])` arguments are keywords.
    CallKw {
        dst: Reg,
        func: Reg,
        argc: u16,
        kwnames: u16,
    },
    /// `dst = func(*args, **kwargs)`: `args` a tuple, `kwargs` a dict or `NO_REG`.
    CallEx {
        dst: Reg,
        func: Reg,
        args: Reg,
        kwargs: Reg,
    },
    /// `dst = regs[obj].name(*regs[obj+1 .. obj+1+argc])`, binding no
    /// method object when the attribute is a plain method.
    CallMethod {
        dst: Reg,
        obj: Reg,
        argc: u16,
        name: u16,
    },
    /// Zero-argument `super()`: the `__class__` cell and the first argument.
    SuperZero {
        dst: Reg,
        class_cell: Reg,
        first: Reg,
    },
    /// `locals()` when `func` is the built-in, else a plain call of `func`.
    Locals {
        dst: Reg,
        func: Reg,
    },
    /// A function from `codes[code]`; its defaults are in consecutive
    /// registers from `defaults` (positional, then keyword-only).
    MakeFunction {
        dst: Reg,
        code: u16,
        defaults: Reg,
    },
    /// Run the class body `codes[code]` and build the class from the
    /// `nbases` bases in registers from `bases`.
    MakeClass {
        dst: Reg,
        code: u16,
        bases: Reg,
        nbases: u16,
    },

    // ---- generators ----
    /// Suspend, giving `src`; on resumption `dst` is the sent value.
    Yield {
        dst: Reg,
        src: Reg,
    },
    /// Delegate to the iterator in `iter` (borrowed) until it is exhausted;
    /// `dst` is its return value.
    YieldFrom {
        dst: Reg,
        iter: Reg,
    },

    // ---- exceptions ----
    /// `raise exc from cause` (either may be `NO_REG`; bare `raise`
    /// re-raises the exception being handled).
    Raise {
        exc: Reg,
        cause: Reg,
    },
    /// Re-raise the exception in `exc` unchanged.
    Reraise {
        exc: Reg,
    },
    /// Re-raise `exc` after giving it `ctx` as `__context__` (an exception
    /// that escaped an `except`/`finally` body).
    ReraiseWithContext {
        exc: Reg,
        ctx: Reg,
    },
    /// `AssertionError(msg)` (or no argument with `NO_REG`).
    RaiseAssert {
        msg: Reg,
    },
    /// `dst = exc matches typ` (an exception class or tuple of them).
    ExcMatch {
        dst: Reg,
        exc: Reg,
        typ: Reg,
    },
    /// Enter an `except`/`finally` body: `exc` becomes the exception being
    /// handled (the target of a bare `raise`, the `__context__` of new ones).
    PushHandled {
        exc: Reg,
    },
    PopHandled,
    /// `with`: look up `__enter__`/`__exit__` on the type of `mgr`, call
    /// `__enter__`; `exit` receives the unbound `__exit__`, `dst` the value.
    WithEnter {
        dst: Reg,
        mgr: Reg,
        exit: Reg,
    },
    /// `__exit__(mgr, None, None, None)` on a normal exit.
    WithExit {
        mgr: Reg,
        exit: Reg,
    },
    /// `__exit__(mgr, type, exc, tb)` for the exception in `exc`;
    /// `dst` is whether it was suppressed.
    WithExitExc {
        dst: Reg,
        mgr: Reg,
        exit: Reg,
        exc: Reg,
    },

    // ---- imports ----
    /// `import name` (dotted names bind their top-level package when
    /// `top` is set).
    Import {
        dst: Reg,
        name: u16,
        top: bool,
    },
    /// `from module import name`: `module` holds the module, `modname` is
    /// its name for error messages.
    ImportFrom {
        dst: Reg,
        module: Reg,
        name: u16,
        modname: u16,
    },
    /// `from module import *` into the frame's namespace.
    ImportStar {
        module: Reg,
    },
}

impl Instr {
    /// The jump target, for instructions that branch.
    pub fn target(&self) -> Option<u32> {
        use Instr::*;
        match *self {
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
            | JumpIfNotNe { target, .. }
            | JumpIfIs { target, .. }
            | JumpIfIsNot { target, .. }
            | ForIter { target, .. } => Some(target),
            _ => None,
        }
    }

    /// Redirect a branch (used when labels are resolved).
    pub fn set_target(&mut self, t: u32) {
        use Instr::*;
        match self {
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
            | JumpIfNotNe { target, .. }
            | JumpIfIs { target, .. }
            | JumpIfIsNot { target, .. }
            | ForIter { target, .. } => *target = t,
            _ => panic!("set_target on a non-branch instruction {self:?}"),
        }
    }

    /// The mnemonic, for the disassembler.
    pub fn name(&self) -> &'static str {
        use Instr::*;
        match self {
            Nop => "NOP",
            Move { .. } => "MOVE",
            Copy { .. } => "COPY",
            LoadConst { .. } => "LOAD_CONST",
            CheckBound { .. } => "CHECK_BOUND",
            Clear { .. } => "CLEAR",
            DeleteFast { .. } => "DELETE_FAST",
            LoadCell { .. } => "LOAD_CELL",
            LoadFree { .. } => "LOAD_FREE",
            StoreCell { .. } => "STORE_CELL",
            DeleteCell { .. } => "DELETE_CELL",
            LoadGlobal { .. } => "LOAD_GLOBAL",
            StoreGlobal { .. } => "STORE_GLOBAL",
            DeleteGlobal { .. } => "DELETE_GLOBAL",
            LoadName { .. } => "LOAD_NAME",
            StoreName { .. } => "STORE_NAME",
            DeleteName { .. } => "DELETE_NAME",
            Add { .. } => "ADD",
            Sub { .. } => "SUB",
            Mul { .. } => "MUL",
            TrueDiv { .. } => "TRUE_DIV",
            FloorDiv { .. } => "FLOOR_DIV",
            Mod { .. } => "MOD",
            BinOp { .. } => "BINARY_OP",
            InplaceAdd { .. } => "INPLACE_ADD",
            InplaceSub { .. } => "INPLACE_SUB",
            Inplace { .. } => "INPLACE_OP",
            Unary { .. } => "UNARY_OP",
            Lt { .. } => "LT",
            Le { .. } => "LE",
            Gt { .. } => "GT",
            Ge { .. } => "GE",
            Eq { .. } => "EQ",
            Ne { .. } => "NE",
            Compare { .. } => "COMPARE",
            Jump { .. } => "JUMP",
            JumpIfFalse { .. } => "JUMP_IF_FALSE",
            JumpIfTrue { .. } => "JUMP_IF_TRUE",
            JumpIfFalseKeep { .. } => "JUMP_IF_FALSE_KEEP",
            JumpIfTrueKeep { .. } => "JUMP_IF_TRUE_KEEP",
            JumpIfNotLt { .. } => "JUMP_IF_NOT_LT",
            JumpIfNotLe { .. } => "JUMP_IF_NOT_LE",
            JumpIfNotGt { .. } => "JUMP_IF_NOT_GT",
            JumpIfNotGe { .. } => "JUMP_IF_NOT_GE",
            JumpIfNotEq { .. } => "JUMP_IF_NOT_EQ",
            JumpIfNotNe { .. } => "JUMP_IF_NOT_NE",
            JumpIfIs { .. } => "JUMP_IF_IS",
            JumpIfIsNot { .. } => "JUMP_IF_IS_NOT",
            GetIter { .. } => "GET_ITER",
            ForIter { .. } => "FOR_ITER",
            Return { .. } => "RETURN",
            BuildTuple { .. } => "BUILD_TUPLE",
            BuildList { .. } => "BUILD_LIST",
            BuildSet { .. } => "BUILD_SET",
            BuildConstSet { .. } => "BUILD_CONST_SET",
            BuildDict { .. } => "BUILD_DICT",
            BuildSlice { .. } => "BUILD_SLICE",
            BuildString { .. } => "BUILD_STRING",
            ListAppend { .. } => "LIST_APPEND",
            ListExtend { .. } => "LIST_EXTEND",
            SetAdd { .. } => "SET_ADD",
            SetUpdate { .. } => "SET_UPDATE",
            DictInsert { .. } => "DICT_INSERT",
            DictUpdate { .. } => "DICT_UPDATE",
            ListToTuple { .. } => "LIST_TO_TUPLE",
            GetItem { .. } => "GET_ITEM",
            GetSlice { .. } => "GET_SLICE",
            SetItem { .. } => "SET_ITEM",
            DelItem { .. } => "DEL_ITEM",
            GetAttr { .. } => "GET_ATTR",
            SetAttr { .. } => "SET_ATTR",
            DelAttr { .. } => "DEL_ATTR",
            Unpack { .. } => "UNPACK",
            UnpackStar { .. } => "UNPACK_STAR",
            FormatValue { .. } => "FORMAT_VALUE",
            Call { .. } => "CALL",
            CallKw { .. } => "CALL_KW",
            CallEx { .. } => "CALL_EX",
            CallMethod { .. } => "CALL_METHOD",
            SuperZero { .. } => "SUPER_ZERO",
            Locals { .. } => "LOCALS",
            MakeFunction { .. } => "MAKE_FUNCTION",
            MakeClass { .. } => "MAKE_CLASS",
            Yield { .. } => "YIELD",
            YieldFrom { .. } => "YIELD_FROM",
            Raise { .. } => "RAISE",
            Reraise { .. } => "RERAISE",
            ReraiseWithContext { .. } => "RERAISE_WITH_CONTEXT",
            RaiseAssert { .. } => "RAISE_ASSERT",
            ExcMatch { .. } => "EXC_MATCH",
            PushHandled { .. } => "PUSH_HANDLED",
            PopHandled => "POP_HANDLED",
            WithEnter { .. } => "WITH_ENTER",
            WithExit { .. } => "WITH_EXIT",
            WithExitExc { .. } => "WITH_EXIT_EXC",
            Import { .. } => "IMPORT",
            ImportFrom { .. } => "IMPORT_FROM",
            ImportStar { .. } => "IMPORT_STAR",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_small() {
        // The dispatch loop copies each instruction out of the code vector;
        // keep them within 12 bytes.
        assert!(
            std::mem::size_of::<Instr>() <= 12,
            "{}",
            std::mem::size_of::<Instr>()
        );
    }

    #[test]
    fn branch_targets_can_be_patched() {
        let mut i = Instr::JumpIfNotLt {
            a: 1,
            b: 2,
            target: 0,
        };
        i.set_target(7);
        assert_eq!(i.target(), Some(7));
        assert_eq!(Instr::Nop.target(), None);
    }
}
