//! Pure functions: a second translation, with no frame at all, of
//! functions that only compute on numbers — `fib`, or `a(i, j)` of
//! spectral_norm: parameters, constants, int and float arithmetic,
//! comparisons, forward branches, calls of such functions and `return`.
//!
//! Why: a call of the general translation, even a direct one
//! (`translate::calls`), pays for a frame the interpreter can see (the
//! register window, the frame stack entry for tracebacks, the recursion
//! depth, releasing the registers after it), some 500 machine
//! instructions for a body of a dozen. A function that cannot raise,
//! allocate, or touch anything but its own registers needs none of that:
//! here it is a machine function `(interp, depth, args…) -> word` whose
//! registers are Cranelift variables and whose calls of other pure
//! functions are plain machine calls.
//!
//! Pure code never raises: every case it does not handle — an operand or
//! global that is not a small int, float, bool or None, an int result
//! beyond 48 bits, a division by zero, the recursion limit or the native
//! stack guard reached, a global rebound to another function, a pending
//! Ctrl-C or limit — makes it *give up*: it returns `PURE_GAVE_UP` and so
//! does every pure caller up to the general code that called it, which
//! then makes the same call the general way (`calls::known_call`), from
//! the start. Redoing is correct because pure code has no effects to
//! redo: it stores nothing but its variables, allocates nothing and calls
//! nothing but pure code and the two runtime entries below (which change
//! nothing a Python program can see). The general call then raises the
//! exception or does the work pure code did not.
//!
//! Pure code owns nothing and needs no reference counts: its arguments
//! from general code are checked to be immediates (ints, floats, bools,
//! None) before the call (`calls::call_pure_entry`), constants are
//! checked here, and a value it loads from a global may be an object but
//! is only ever compared, tested or passed on — every operation checks
//! its operands' types and `return` gives up on an object. It counts ticks
//! and checks the recursion limit (its `depth` parameter is what
//! `Interp::depth` would be in a frame of its own) and the native stack
//! like any call, so it
//! cannot hang or overflow the host.

use super::fast_paths::Arith;
use super::words::{conds, Words};
use crate::bytecode::instr::{Instr, Reg, NO_REG};
use crate::bytecode::CodeObject;
use crate::jit::ERROR_WORD;
use crate::runtime::dict::GlobalSite;
use crate::runtime::{Interp, Value};
use crate::syntax::ast::UnaryOp;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, AbiParam, Block, InstBuilder, MemFlagsData, SigRef};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use types::{arith_kind, compare_kind, Kind, Ty};

mod shape;
mod types;

pub(crate) use shape::{shape, PureShape};
pub(in crate::jit::translate) use shape::{summary, PureSummary};
use std::mem::offset_of;

/// What pure code returns when it gives up (see the module doc): the
/// general code's error word, which no value has.
pub(crate) const PURE_GAVE_UP: u64 = ERROR_WORD;

/// Machine code of a pure function with `n` parameters: `(interp,
/// depth, arg words…) -> word` (`PURE_GAVE_UP` when it gave up).
pub(crate) fn pure_signature(call_conv: CallConv, nparams: usize) -> ir::Signature {
    let mut sig = ir::Signature::new(call_conv);
    sig.params.extend(std::iter::repeat_n(
        AbiParam::new(ir::types::I64),
        2 + nparams,
    ));
    sig.returns.push(AbiParam::new(ir::types::I64));
    sig
}

/// The runtime entries pure code calls.
struct Entries {
    tick: (i64, SigRef),
    global: (i64, SigRef),
}

/// Fill `func` (whose signature is `pure_signature`) with the pure
/// translation of `code`, whose shape is `shape`, running in the globals
/// whose word is `globals`.
pub(crate) fn translate(
    code: &CodeObject,
    shape: &PureShape,
    globals: &Value,
    func: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
    itself: ir::FuncRef,
    frontend: TargetFrontendConfig,
) {
    let call_conv = func.signature.call_conv;
    let mut b = FunctionBuilder::new(func, fctx);
    let (i32_, i64_) = (ir::types::I32, ir::types::I64);
    let mut import = |params: &[ir::Type], ret: ir::Type| {
        let mut s = ir::Signature::new(call_conv);
        s.params.extend(params.iter().map(|&t| AbiParam::new(t)));
        s.returns.push(AbiParam::new(ret));
        b.import_signature(s)
    };
    type Tick = unsafe extern "C" fn(*mut Interp) -> u32;
    type Global = unsafe extern "C" fn(*const Interp, *const CodeObject, u64, u32) -> u64;
    let entries = Entries {
        tick: (
            super::runtime_calls::pure_tick as Tick as usize as i64,
            import(&[i64_], i32_),
        ),
        global: (
            super::runtime_calls::pure_global as Global as usize as i64,
            import(&[i64_, i64_, i64_, i32_], i64_),
        ),
    };
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    let gave_up = b.create_block();
    b.set_cold_block(gave_up);
    let n = code.nregs as usize;
    let vars = Vars {
        word: (0..n).map(|_| b.declare_var(i64_)).collect(),
        int: (0..n).map(|_| b.declare_var(i64_)).collect(),
        float: (0..n).map(|_| b.declare_var(ir::types::F64)).collect(),
    };
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    let mut t = PureTranslator {
        b,
        code,
        shape,
        globals: globals.bits(),
        entries,
        vars,
        blocks: Vec::new(),
        gave_up,
        interp: params[0],
        depth: params[1],
        itself,
        states: Vec::new(),
        ty: Vec::new(),
        edges: Vec::new(),
    };
    // Two versions of the code when some parameters are operands of word
    // arithmetic (`i + j` of spectral_norm's `a(i, j)`): one for calls
    // whose arguments there are ints, in which they are known to be, and
    // one for any other call.
    let any_states = types::infer(code, &shape.call_results);
    let speculated = types::int_params(code, shape.nparams(), &any_states);
    let any_version = t.b.create_block();
    let int_version = (!speculated.is_empty()).then(|| t.b.create_block());
    t.prologue(&params[2..], &speculated, any_version, int_version);
    t.version(any_version, any_states);
    if let Some(start) = int_version {
        let mut entry = vec![Ty::Any; code.nregs as usize];
        for &r in &speculated {
            entry[r as usize] = Ty::Int;
        }
        t.version(start, types::infer_from(code, &shape.call_results, entry));
    }
    t.b.switch_to_block(t.gave_up);
    let w = t.b.ins().iconst(i64_, PURE_GAVE_UP as i64);
    t.b.ins().return_(&[w]);
    t.b.seal_all_blocks();
    t.b.finalize(frontend);
}

struct PureTranslator<'a, 'f> {
    b: FunctionBuilder<'f>,
    code: &'a CodeObject,
    shape: &'a PureShape,
    /// The word of the globals the code runs in.
    globals: u64,
    entries: Entries,
    vars: Vars,
    /// The block of each instruction in the version being translated.
    blocks: Vec<Block>,
    /// Returns `PURE_GAVE_UP`.
    gave_up: Block,
    interp: ir::Value,
    depth: ir::Value,
    /// This function, for recursive calls.
    itself: ir::FuncRef,
    /// The registers' types before each instruction (`types::infer`) in
    /// the version being translated.
    states: Vec<Option<Vec<Ty>>>,
    /// The registers' types where the translation is.
    ty: Vec<Ty>,
    /// Edges whose block is still to fill: (block, the types on leaving,
    /// the target instruction); see `edge`.
    edges: Vec<(Block, Vec<Ty>, usize)>,
}

/// Variables for each register: which one holds its value depends on
/// what the types say there (constant registers are immediates).
struct Vars {
    /// The word of a register of unknown type.
    word: Vec<Variable>,
    /// The unboxed int of a register known to be one.
    int: Vec<Variable>,
    /// The unboxed float of a register known to be one.
    float: Vec<Variable>,
}

impl<'f> Words<'f> for PureTranslator<'_, 'f> {
    fn fb(&mut self) -> &mut FunctionBuilder<'f> {
        &mut self.b
    }
}

impl PureTranslator<'_, '_> {
    /// The checks a call does before its body (recursion limit, native
    /// stack, tick), every register set as a call starts it, and the
    /// jump to `int_version` when there is one and the `speculated`
    /// parameters are ints, else to `any_version`.
    fn prologue(
        &mut self,
        args: &[ir::Value],
        speculated: &[Reg],
        any_version: Block,
        int_version: Option<Block>,
    ) {
        let flags = MemFlagsData::trusted();
        let limit = self.b.ins().load(
            ir::types::I32,
            flags,
            self.interp,
            offset_of!(Interp, recursion_limit) as i32,
        );
        let limit = self.b.ins().uextend(ir::types::I64, limit);
        let deep = self
            .b
            .ins()
            .icmp(IntCC::UnsignedGreaterThanOrEqual, self.depth, limit);
        self.branch_if(deep, self.gave_up);
        let sp = self.b.ins().get_stack_pointer(ir::types::I64);
        let floor = self.b.ins().load(
            ir::types::I64,
            flags,
            self.interp,
            offset_of!(Interp, stack_floor) as i32,
        );
        let low = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, floor);
        self.branch_if(low, self.gave_up);
        self.tick();
        for (r, &w) in args.iter().enumerate() {
            self.b.def_var(self.vars.word[r], w);
        }
        for r in args.len()..self.code.nregs as usize {
            if self.code.const_reg(r as Reg).is_none() {
                let init = self
                    .code
                    .reg_init
                    .get(r)
                    .map_or(Value::UNBOUND.bits(), Value::bits);
                let w = self.b.ins().iconst(ir::types::I64, init as i64);
                self.b.def_var(self.vars.word[r], w);
            }
        }
        let Some(int_version) = int_version else {
            self.b.ins().jump(any_version, &[]);
            return;
        };
        let ints: Vec<ir::Value> = (speculated.iter())
            .map(|&r| self.is_int(args[r as usize]))
            .collect();
        let all = (ints.into_iter())
            .reduce(|a, b| self.b.ins().band(a, b))
            .expect("a speculated parameter");
        let unbox = self.b.create_block();
        self.b.ins().brif(all, unbox, &[], any_version, &[]);
        self.b.switch_to_block(unbox);
        for &r in speculated {
            let i = self.unbox_int(args[r as usize]);
            self.b.def_var(self.vars.int[r as usize], i);
        }
        self.b.ins().jump(int_version, &[]);
    }

    /// Translate a version of the code whose types before each
    /// instruction are `states`, entered at `start`.
    fn version(&mut self, start: Block, states: Vec<Option<Vec<Ty>>>) {
        self.blocks = self
            .code
            .instrs
            .iter()
            .map(|_| self.b.create_block())
            .collect();
        self.states = states;
        self.b.switch_to_block(start);
        self.b.ins().jump(self.blocks[0], &[]);
        for pc in 0..self.code.instrs.len() {
            let Some(state) = self.states[pc].clone() else {
                continue; // no path leads here
            };
            self.ty = state;
            let block = self.blocks[pc];
            self.b.switch_to_block(block);
            self.instr(pc);
            self.fill_edges();
        }
    }

    /// Count a tick; every `TICK_CHUNK` ticks the runtime checks the
    /// interpreter's limits and Ctrl-C (`pure_tick`), giving up when the
    /// run must stop (the general path then raises).
    fn tick(&mut self) {
        let flags = MemFlagsData::trusted();
        let at = offset_of!(Interp, ticks_until_check) as i32;
        let ticks = self.b.ins().load(ir::types::I64, flags, self.interp, at);
        let ticks = self.b.ins().iadd_imm_s(ticks, -1);
        self.b.ins().store(flags, ticks, self.interp, at);
        let check = self.b.create_block();
        self.b.set_cold_block(check);
        let go = self.b.create_block();
        self.b.ins().brif(ticks, go, &[], check, &[]);
        self.b.switch_to_block(check);
        let (addr, sig) = self.entries.tick;
        let addr = self.b.ins().iconst(ir::types::I64, addr);
        let call = self.b.ins().call_indirect(sig, addr, &[self.interp]);
        let may_go_on = self.b.inst_results(call)[0];
        self.b.ins().brif(may_go_on, go, &[], self.gave_up, &[]);
        self.b.switch_to_block(go);
    }

    fn word(&mut self, v: &Value) -> ir::Value {
        self.b.ins().iconst(ir::types::I64, v.bits() as i64)
    }

    fn ty(&self, r: Reg) -> Ty {
        types::ty_of(self.code, &self.ty, r)
    }

    /// Register `r` as a word (a typed one boxed).
    fn word_of(&mut self, r: Reg) -> ir::Value {
        if let Some(c) = self.code.const_reg(r) {
            return self.word(c);
        }
        let r = r as usize;
        match self.ty[r] {
            Ty::Any => self.b.use_var(self.vars.word[r]),
            Ty::Int => {
                let i = self.b.use_var(self.vars.int[r]);
                self.box_int(i)
            }
            Ty::Float => {
                let f = self.b.use_var(self.vars.float[r]);
                self.box_float(f)
            }
        }
    }

    /// Register `r` as an unboxed int: one of unknown type is checked to
    /// be an int (else pure code gives up) and is known to be one from
    /// here on.
    fn int_of(&mut self, r: Reg) -> ir::Value {
        if let Some(c) = self.code.const_reg(r) {
            let i = c
                .as_small_int()
                .expect("an int constant (see `arith_kind`)");
            return self.b.ins().iconst(ir::types::I64, i);
        }
        let ri = r as usize;
        match self.ty[ri] {
            Ty::Int => self.b.use_var(self.vars.int[ri]),
            Ty::Any => {
                let w = self.b.use_var(self.vars.word[ri]);
                let int = self.is_int(w);
                self.branch_unless(int, self.gave_up);
                let i = self.unbox_int(w);
                self.set_int(r, i);
                i
            }
            Ty::Float => unreachable!("int arithmetic of a float (see `arith_kind`)"),
        }
    }

    /// Register `r` as an unboxed float: an int converts (exactly: 48
    /// bits), one of unknown type is checked to be a number.
    fn f64_of(&mut self, r: Reg) -> ir::Value {
        if let Some(c) = self.code.const_reg(r) {
            return match c.as_small_int() {
                Some(i) => self.b.ins().f64const(i as f64),
                None => self.b.ins().f64const(f64::from_bits(c.bits())),
            };
        }
        let ri = r as usize;
        match self.ty[ri] {
            Ty::Float => self.b.use_var(self.vars.float[ri]),
            Ty::Int => {
                let i = self.b.use_var(self.vars.int[ri]);
                self.b.ins().fcvt_from_sint(ir::types::F64, i)
            }
            Ty::Any => {
                let w = self.b.use_var(self.vars.word[ri]);
                self.guard_number(w);
                self.number_f64(w)
            }
        }
    }

    /// Give up unless `w` is a small int or a float.
    fn guard_number(&mut self, w: ir::Value) {
        let tag = self.tag(w);
        self.guard(
            IntCC::UnsignedLessThanOrEqual,
            tag,
            crate::runtime::value::TAG_INT as i64,
            self.gave_up,
        );
    }

    fn set_int(&mut self, r: Reg, i: ir::Value) {
        if r != NO_REG {
            self.b.def_var(self.vars.int[r as usize], i);
            self.ty[r as usize] = Ty::Int;
        }
    }

    fn set_float(&mut self, r: Reg, f: ir::Value) {
        if r != NO_REG {
            self.b.def_var(self.vars.float[r as usize], f);
            self.ty[r as usize] = Ty::Float;
        }
    }

    fn set_word(&mut self, r: Reg, w: ir::Value) {
        if r != NO_REG {
            self.b.def_var(self.vars.word[r as usize], w);
            self.ty[r as usize] = Ty::Any;
        }
    }

    /// `dst = src` keeping what is known of it.
    fn copy(&mut self, dst: Reg, src: Reg) {
        match self.ty(src) {
            Ty::Int => {
                let i = self.int_of(src);
                self.set_int(dst, i);
            }
            Ty::Float => {
                let f = self.f64_of(src);
                self.set_float(dst, f);
            }
            Ty::Any => {
                let w = self.word_of(src);
                self.set_word(dst, w);
            }
        }
    }

    /// The block a branch from here to instruction `target` goes to: the
    /// target's, unless a register typed here is of unknown type there,
    /// when an edge block (filled by `fill_edges`) boxes it first.
    fn edge(&mut self, target: usize) -> Block {
        let there = self.states[target]
            .as_ref()
            .expect("a branch target has types");
        let boxes = self
            .ty
            .iter()
            .zip(there)
            .any(|(&here, &there)| here != Ty::Any && there == Ty::Any);
        if !boxes {
            return self.blocks[target];
        }
        let block = self.b.create_block();
        self.edges.push((block, self.ty.clone(), target));
        block
    }

    fn fill_edges(&mut self) {
        for (block, here, target) in std::mem::take(&mut self.edges) {
            self.b.switch_to_block(block);
            self.ty = here;
            let there = self.states[target]
                .clone()
                .expect("a branch target has types");
            let boxed: Vec<Reg> = (self.ty.iter().zip(&there).enumerate())
                .filter(|(_, (&here, &there))| here != Ty::Any && there == Ty::Any)
                .map(|(r, _)| r as Reg)
                .collect();
            for r in boxed {
                let w = self.word_of(r);
                self.set_word(r, w);
            }
            self.b.ins().jump(self.blocks[target], &[]);
        }
    }

    fn jump_next(&mut self, pc: usize) {
        let next = self.edge(pc + 1);
        self.b.ins().jump(next, &[]);
    }

    fn instr(&mut self, pc: usize) {
        let ins = self.code.instrs[pc];
        #[cfg(debug_assertions)]
        let expected = {
            let mut t = self.ty.clone();
            types::transfer(self.code, pc, &ins, &mut t, &self.shape.call_results);
            t
        };
        self.instr_body(pc, ins);
        #[cfg(debug_assertions)]
        debug_assert_eq!(self.ty, expected, "pure types at {pc}: {ins:?}");
    }

    fn instr_body(&mut self, pc: usize, ins: Instr) {
        use Instr::*;
        if let Some((op, dst, a, b)) = super::typed::arith_of(&ins) {
            self.arith(op, dst, a, b);
            return self.jump_next(pc);
        }
        match ins {
            Nop => {}
            CheckBound { reg, .. } => {
                if self.ty(reg) == Ty::Any {
                    let w = self.word_of(reg);
                    self.guard(
                        IntCC::NotEqual,
                        w,
                        Value::UNBOUND.bits() as i64,
                        self.gave_up,
                    );
                }
            }
            Move { dst, src } | Copy { dst, src } => self.copy(dst, src),
            LoadConst { dst, idx } => {
                let c = &self.code.consts[idx as usize];
                match types::const_ty(c) {
                    Ty::Int => {
                        let i = c.as_small_int().expect("an int");
                        let i = self.b.ins().iconst(ir::types::I64, i);
                        self.set_int(dst, i);
                    }
                    Ty::Float => {
                        let f = self.b.ins().f64const(f64::from_bits(c.bits()));
                        self.set_float(dst, f);
                    }
                    Ty::Any => {
                        let w = self.word(c);
                        self.set_word(dst, w);
                    }
                }
            }
            Clear { reg } => {
                let w = self.word(&Value::UNBOUND);
                self.set_word(reg, w);
            }
            LoadGlobal { dst, name } => {
                let callee = self.shape.calls.values().find(|c| c.load_pc == pc);
                let w = match callee {
                    // Checked when general code enters pure code
                    // (`runtime_calls::pure_verify`).
                    Some(c) => self.word(&c.func.clone()),
                    None => self.load_global(name),
                };
                self.set_word(dst, w);
            }
            Unary { op, dst, src } => self.unary(op, dst, src),
            Lt { dst, a, b }
            | Le { dst, a, b }
            | Gt { dst, a, b }
            | Ge { dst, a, b }
            | Eq { dst, a, b }
            | Ne { dst, a, b } => {
                let holds = self.compare(ins, a, b);
                let w = self.bool_word(holds);
                self.set_word(dst, w);
            }
            Jump { target } => {
                let dest = self.edge(target as usize);
                self.b.ins().jump(dest, &[]);
                return;
            }
            JumpIfFalse { cond, target }
            | JumpIfTrue { cond, target }
            | JumpIfFalseKeep { cond, target }
            | JumpIfTrueKeep { cond, target } => {
                let jump_on = matches!(ins, JumpIfTrue { .. } | JumpIfTrueKeep { .. });
                let truth = self.truth_of(cond);
                return self.branch(pc, truth, jump_on, target);
            }
            JumpIfNotLt { a, b, target }
            | JumpIfNotLe { a, b, target }
            | JumpIfNotGt { a, b, target }
            | JumpIfNotGe { a, b, target }
            | JumpIfNotEq { a, b, target }
            | JumpIfNotNe { a, b, target } => {
                let holds = self.compare(ins, a, b);
                return self.branch(pc, holds, false, target);
            }
            Call { dst, func, argc } => self.call(pc, dst, func, argc),
            Return { src, .. } => {
                let w = self.word_of(src);
                if self.ty(src) == Ty::Any {
                    // An object (a function or global pure code loaded)
                    // must not leave: pure code owns no reference to it.
                    let obj = self.is_obj(w);
                    self.branch_if(obj, self.gave_up);
                }
                self.b.ins().return_(&[w]);
                return;
            }
            _ => unreachable!("pure code has no {ins:?} (see `shape`)"),
        }
        self.jump_next(pc);
    }

    /// `dst = a OP b` as `arith_kind` says.
    fn arith(&mut self, op: Arith, dst: Reg, a: Reg, b: Reg) {
        match arith_kind(op, self.ty(a), self.ty(b)) {
            Kind::Int => {
                let i = self.int_of(a);
                let j = self.int_of(b);
                let r = match op {
                    // Bitwise operations of payloads stay in 48 bits.
                    Arith::And => self.b.ins().band(i, j),
                    Arith::Or => self.b.ins().bor(i, j),
                    Arith::Xor => self.b.ins().bxor(i, j),
                    _ => self.int_result(op, i, j, self.gave_up),
                };
                self.set_int(dst, r);
            }
            Kind::Float => {
                let x = self.f64_of(a);
                let y = self.f64_of(b);
                let r = self.float_result(op, x, y, self.gave_up);
                self.set_float(dst, r);
            }
            Kind::Word => {
                let x = self.word_of(a);
                let y = self.word_of(b);
                let w = self.arith_word(op, x, y, self.gave_up);
                self.set_word(dst, w);
            }
        }
    }

    /// The comparison `ins` of `a` and `b` as a flag.
    fn compare(&mut self, ins: Instr, a: Reg, b: Reg) -> ir::Value {
        let (icc, fcc) = conds(ins).expect("a comparison");
        match compare_kind(self.ty(a), self.ty(b)) {
            Kind::Int => {
                let i = self.int_of(a);
                let j = self.int_of(b);
                self.b.ins().icmp(icc, i, j)
            }
            Kind::Float => {
                let x = self.f64_of(a);
                let y = self.f64_of(b);
                self.b.ins().fcmp(fcc, x, y)
            }
            Kind::Word => {
                let x = self.word_of(a);
                let y = self.word_of(b);
                self.compare_flag((icc, fcc), x, y, self.gave_up)
            }
        }
    }

    /// Go to `target` when `flag` is `jump_on`, else on.
    fn branch(&mut self, pc: usize, flag: ir::Value, jump_on: bool, target: u32) {
        let dest = self.edge(target as usize);
        let next = self.edge(pc + 1);
        let (then, other) = if jump_on { (dest, next) } else { (next, dest) };
        self.b.ins().brif(flag, then, &[], other, &[]);
    }

    fn bool_word(&mut self, flag: ir::Value) -> ir::Value {
        let t = self.word(&Value::TRUE);
        let f = self.word(&Value::FALSE);
        self.b.ins().select(flag, t, f)
    }

    /// The truth of register `r` as a flag.
    fn truth_of(&mut self, r: Reg) -> ir::Value {
        match self.ty(r) {
            Ty::Int => {
                let i = self.int_of(r);
                self.b.ins().icmp_imm_u(IntCC::NotEqual, i, 0)
            }
            Ty::Float => {
                let f = self.f64_of(r);
                let zero = self.b.ins().f64const(0.0);
                // NaN is true: `NotEqual` holds for unordered operands.
                self.b.ins().fcmp(FloatCC::NotEqual, f, zero)
            }
            Ty::Any => {
                let w = self.word_of(r);
                self.truth(w)
            }
        }
    }

    fn unary(&mut self, op: UnaryOp, dst: Reg, src: Reg) {
        let ty = self.ty(src);
        match (op, ty) {
            (UnaryOp::Not, _) => {
                let truth = self.truth_of(src);
                let f = self.word(&Value::FALSE);
                let t = self.word(&Value::TRUE);
                let w = self.b.ins().select(truth, f, t);
                self.set_word(dst, w);
            }
            (UnaryOp::Pos, Ty::Int | Ty::Float) => self.copy(dst, src),
            (UnaryOp::Pos, Ty::Any) => {
                let w = self.word_of(src);
                self.guard_number(w);
                self.set_word(dst, w);
            }
            (UnaryOp::Neg, Ty::Int) => {
                let zero = self.b.ins().iconst(ir::types::I64, 0);
                let i = self.int_of(src);
                let r = self.int_result(Arith::Sub, zero, i, self.gave_up);
                self.set_int(dst, r);
            }
            (UnaryOp::Neg, Ty::Float) => {
                let f = self.f64_of(src);
                let r = self.b.ins().fneg(f);
                self.set_float(dst, r);
            }
            (UnaryOp::Neg, Ty::Any) => {
                let zero = self.word(&Value::int(0));
                let w = self.word_of(src);
                let r = self.arith_word(Arith::Sub, zero, w, self.gave_up);
                self.set_word(dst, r);
            }
            (UnaryOp::Invert, _) => unreachable!("not pure (see `shape`)"),
        }
    }

    /// The truth of a number, bool or None as a flag; anything else gives
    /// up (`__bool__`, `__len__` are Python code).
    fn truth(&mut self, w: ir::Value) -> ir::Value {
        let done = self.b.create_block();
        self.b.append_block_param(done, ir::types::I8);
        let (int, not_int) = (self.b.create_block(), self.b.create_block());
        let is_int = self.is_int(w);
        self.b.ins().brif(is_int, int, &[], not_int, &[]);
        self.b.switch_to_block(int);
        let payload = self.b.ins().ishl_imm_u(w, 16);
        let nonzero = self.b.ins().icmp_imm_u(IntCC::NotEqual, payload, 0);
        self.b.ins().jump(done, &[nonzero.into()]);
        self.b.switch_to_block(not_int);
        let (float, other) = (self.b.create_block(), self.b.create_block());
        let is_float = self.is_float(w);
        self.b.ins().brif(is_float, float, &[], other, &[]);
        self.b.switch_to_block(float);
        let f = self.as_f64(w);
        let zero = self.b.ins().f64const(0.0);
        // NaN is true: `NotEqual` holds for unordered operands.
        let nonzero = self.b.ins().fcmp(FloatCC::NotEqual, f, zero);
        self.b.ins().jump(done, &[nonzero.into()]);
        self.b.switch_to_block(other);
        let is_true = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, w, Value::TRUE.bits() as i64);
        let is_false = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, w, Value::FALSE.bits() as i64);
        let is_none = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, w, Value::NONE.bits() as i64);
        let falsy = self.b.ins().bor(is_false, is_none);
        let known = self.b.ins().bor(is_true, falsy);
        self.branch_unless(known, self.gave_up);
        self.b.ins().jump(done, &[is_true.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// The word of global `name`: the name's site when still valid (as
    /// generated code's `LoadGlobal`), else the runtime's lookup
    /// (`pure_global`, which fills the site); a missing name gives up.
    fn load_global(&mut self, name: u16) -> ir::Value {
        let flags = MemFlagsData::trusted();
        let i64_ = ir::types::I64;
        let site = &self.code.global_sites[name as usize] as *const GlobalSite as i64;
        let site = self.b.ins().iconst(i64_, site);
        let epoch_at = crate::runtime::dict::globals_epoch_cell() as i64;
        let epoch_at = self.b.ins().iconst(i64_, epoch_at);
        let epoch = self.b.ins().load(i64_, flags, epoch_at, 0);
        let field = |t: &mut Self, off: usize| t.b.ins().load(i64_, flags, site, off as i32);
        let seen = field(self, offset_of!(GlobalSite, epoch));
        let seen_globals = field(self, offset_of!(GlobalSite, globals));
        let same_epoch = self.b.ins().icmp(IntCC::Equal, epoch, seen);
        let same_globals = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, seen_globals, self.globals as i64);
        let valid = self.b.ins().band(same_epoch, same_globals);
        let (cached, lookup) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(lookup);
        let done = self.b.create_block();
        self.b.append_block_param(done, i64_);
        self.b.ins().brif(valid, cached, &[], lookup, &[]);
        self.b.switch_to_block(cached);
        let w = field(self, offset_of!(GlobalSite, value));
        self.b.ins().jump(done, &[w.into()]);
        self.b.switch_to_block(lookup);
        let (addr, sig) = self.entries.global;
        let addr = self.b.ins().iconst(i64_, addr);
        let code = self
            .b
            .ins()
            .iconst(i64_, self.code as *const CodeObject as i64);
        let globals = self.b.ins().iconst(i64_, self.globals as i64);
        let name = self.b.ins().iconst(ir::types::I32, name as i64);
        let call = self
            .b
            .ins()
            .call_indirect(sig, addr, &[self.interp, code, globals, name]);
        let w = self.b.inst_results(call)[0];
        self.guard(IntCC::NotEqual, w, PURE_GAVE_UP as i64, self.gave_up);
        self.b.ins().jump(done, &[w.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// `dst = func(args…)` of the pure function the shape found there:
    /// the register must hold it and its pure code must exist; a callee
    /// that gives up makes this code give up.
    fn call(&mut self, pc: usize, dst: Reg, func: Reg, argc: u16) {
        let call = &self.shape.calls[&(pc as u32)];
        let (func_word, callee) = (call.func.bits(), call.code);
        let w = self.word_of(func);
        let same = self.b.ins().icmp_imm_u(IntCC::Equal, w, func_word as i64);
        self.branch_unless(same, self.gave_up);
        let mut args = vec![self.interp, self.b.ins().iadd_imm_s(self.depth, 1)];
        for i in 0..argc {
            let w = self.word_of(func + 1 + i as Reg);
            args.push(w);
        }
        let inst = if std::ptr::eq(callee, self.code) {
            self.b.ins().call(self.itself, &args)
        } else {
            // SAFETY (of the address): the shape holds the function, which
            // holds its code, and the translation pins the function.
            let entry_at = unsafe { (*callee).native.pure_entry_address() } as i64;
            let entry_at = self.b.ins().iconst(ir::types::I64, entry_at);
            let flags = MemFlagsData::trusted();
            let entry = self.b.ins().load(ir::types::I64, flags, entry_at, 0);
            self.guard(IntCC::NotEqual, entry, 0, self.gave_up);
            let call_conv = self.b.func.signature.call_conv;
            let sig = self
                .b
                .import_signature(pure_signature(call_conv, argc as usize));
            self.b.ins().call_indirect(sig, entry, &args)
        };
        let r = self.b.inst_results(inst)[0];
        // (`PURE_GAVE_UP` is neither an int nor a float.)
        let expected = self.shape.call_results.get(&pc).copied().unwrap_or(Ty::Any);
        if expected == Ty::Any {
            self.guard(IntCC::NotEqual, r, PURE_GAVE_UP as i64, self.gave_up);
        }
        match expected {
            Ty::Int => {
                let int = self.is_int(r);
                self.branch_unless(int, self.gave_up);
                let i = self.unbox_int(r);
                self.set_int(dst, i);
            }
            Ty::Float => {
                let float = self.is_float(r);
                self.branch_unless(float, self.gave_up);
                let f = self.as_f64(r);
                self.set_float(dst, f);
            }
            Ty::Any => self.set_word(dst, r),
        }
    }
}
