//! Inline fast paths: instructions whose common case works on NaN-boxed
//! words without calling the runtime. Each checks the operands' tags and
//! branches to the generic path (`Translator::generic`, the runtime's own
//! implementation) for anything else — a big int, a result that does not
//! fit in 48 bits, a division by zero, any object — so semantics stay the
//! runtime's.
//!
//! Word layout (see `runtime::value`): an int is tag `0xFFF9` over a
//! 48-bit two's-complement payload, a float is any word whose tag is below
//! that, specials and objects have tags `0xFFFA` and `0xFFFC`.

use super::words::{conds, Words};
use super::{runtime_calls, RangeLoop, Translator};
use crate::bytecode::instr::{Instr, Reg};
use crate::jit::layout::{list_layout, ListLayout};
use crate::runtime::dict::GlobalSite;
use crate::runtime::value::PAYLOAD_MASK;
use crate::runtime::Value;
use crate::syntax::ast::BinOp;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self, types, InstBuilder, MemFlagsData, StackSlot};

/// The integer and float operations with an inline path.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Arith {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    TrueDiv,
    And,
    Or,
    Xor,
    Shl,
    Shr,
}

impl Arith {
    /// The inline operation of a generic `BinOp`/`Inplace` operator.
    pub(super) fn of(op: BinOp) -> Option<Arith> {
        Some(match op {
            BinOp::Add => Arith::Add,
            BinOp::Sub => Arith::Sub,
            BinOp::Mul => Arith::Mul,
            BinOp::FloorDiv => Arith::FloorDiv,
            BinOp::Mod => Arith::Mod,
            BinOp::Div => Arith::TrueDiv,
            BinOp::BitAnd => Arith::And,
            BinOp::BitOr => Arith::Or,
            BinOp::BitXor => Arith::Xor,
            BinOp::LShift => Arith::Shl,
            BinOp::RShift => Arith::Shr,
            _ => return None,
        })
    }
}

impl Translator<'_, '_> {
    /// The general path, in block `slow`, of arithmetic, comparisons and
    /// branches: the VM loop's inline cases for them (small ints, floats)
    /// are what the inline path here already did, so it goes straight to
    /// the VM's general implementation (`step_slow`, which joins strs
    /// before the general `+`).
    fn operands_slow_path(&mut self, slow: ir::Block, pc: u32, ins: Instr) {
        self.b.switch_to_block(slow);
        self.through(self.callees.step_slow, pc, ins);
    }

    /// `dst = word` for an unboxed word: the old value is released.
    pub(super) fn put_word(&mut self, dst: Reg, word: ir::Value) {
        let old = self.load_reg(dst);
        self.store_reg(dst, word);
        self.release_if_obj(old);
    }

    /// Finish a fast path by storing `word` in `dst` and going on.
    fn put_and_continue(&mut self, pc: u32, dst: Reg, word: ir::Value) {
        self.put_word(dst, word);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// `dst = a OP b` for small ints (and floats where Python's result is
    /// the IEEE one).
    pub(super) fn arith(&mut self, pc: u32, ins: Instr, op: Arith, dst: Reg, a: Reg, b: Reg) {
        let x = self.load_reg(a);
        let y = self.load_reg(b);
        let slow = self.b.create_block();
        let w = self.arith_word(op, x, y, slow);
        self.put_and_continue(pc, dst, w);
        self.operands_slow_path(slow, pc, ins);
    }

    /// Compare two small ints or two floats: the condition as a flag, in
    /// the block the builder is left in; other operands go to `slow`.
    fn numeric_compare(
        &mut self,
        ins: Instr,
        a: Reg,
        b: Reg,
        slow: ir::Block,
    ) -> Option<ir::Value> {
        let cc = conds(ins)?;
        let x = self.load_reg(a);
        let y = self.load_reg(b);
        Some(self.compare_flag(cc, x, y, slow))
    }

    /// `dst = a CMP b` as a bool.
    pub(super) fn compare(&mut self, pc: u32, ins: Instr, dst: Reg, a: Reg, b: Reg) {
        let slow = self.b.create_block();
        let Some(c) = self.numeric_compare(ins, a, b, slow) else {
            self.b.ins().jump(slow, &[]);
            return self.operands_slow_path(slow, pc, ins);
        };
        let t = self.b.ins().iconst(types::I64, Value::TRUE.bits() as i64);
        let f = self.b.ins().iconst(types::I64, Value::FALSE.bits() as i64);
        let w = self.b.ins().select(c, t, f);
        self.put_and_continue(pc, dst, w);
        self.operands_slow_path(slow, pc, ins);
    }

    /// `if not (a CMP b): goto target`.
    pub(super) fn compare_branch(&mut self, pc: u32, ins: Instr, a: Reg, b: Reg, target: u32) {
        let slow = self.b.create_block();
        let Some(c) = self.numeric_compare(ins, a, b, slow) else {
            self.b.ins().jump(slow, &[]);
            return self.operands_slow_path(slow, pc, ins);
        };
        let next = self.next(pc);
        let dest = self.branch_to(pc, target);
        self.b.ins().brif(c, next, &[], dest, &[]);
        self.operands_slow_path(slow, pc, ins);
    }

    /// `if cond is <jump_on>: goto target` when `cond` is a bool; any other
    /// value's truth goes through the runtime.
    pub(super) fn bool_branch(
        &mut self,
        pc: u32,
        ins: Instr,
        cond: Reg,
        target: u32,
        jump_on: bool,
    ) {
        let w = self.load_reg(cond);
        let (jump_word, stay_word) = if jump_on {
            (Value::TRUE.bits(), Value::FALSE.bits())
        } else {
            (Value::FALSE.bits(), Value::TRUE.bits())
        };
        let jumps = self.b.ins().icmp_imm_u(IntCC::Equal, w, jump_word as i64);
        let dest = self.branch_to(pc, target);
        let not_jump = self.b.create_block();
        self.b.ins().brif(jumps, dest, &[], not_jump, &[]);
        self.b.switch_to_block(not_jump);
        let stays = self.b.ins().icmp_imm_u(IntCC::Equal, w, stay_word as i64);
        let slow = self.b.create_block();
        let next = self.next(pc);
        self.b.ins().brif(stays, next, &[], slow, &[]);
        self.operands_slow_path(slow, pc, ins);
    }

    /// `Clear reg`: unbind, releasing a heap value through the runtime.
    pub(super) fn clear(&mut self, pc: u32, reg: Reg) {
        let old = self.load_reg(reg);
        self.unbind_reg(reg);
        self.release_if_obj(old);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// `dst = src` keeping `src` (a `Copy`, or a `Move` from a local or a
    /// constant): the word is copied, with a new reference for a heap
    /// value.
    pub(super) fn copy(&mut self, pc: u32, dst: Reg, src: Reg) {
        if dst == src {
            let next = self.next(pc);
            self.b.ins().jump(next, &[]);
            return;
        }
        let w = self.load_reg(src);
        self.retain_if_obj(w);
        self.put_and_continue(pc, dst, w);
    }

    /// `dst = consts[idx]`: the constant's word (the code object keeps a
    /// heap constant alive), with a new reference for a heap value.
    pub(super) fn load_const(&mut self, pc: u32, dst: Reg, idx: u16) {
        let c = &self.code.consts[idx as usize];
        let heap = c.is_obj();
        let w = self.b.ins().iconst(types::I64, c.bits() as i64);
        if heap {
            self.incref(w);
        }
        self.put_and_continue(pc, dst, w);
    }

    /// `dst = a is b` (`is not` when `!is`): the same word (as
    /// `ops::same_object` says).
    pub(super) fn identity(&mut self, pc: u32, dst: Reg, a: Reg, b: Reg, is: bool) {
        let x = self.load_reg(a);
        let y = self.load_reg(b);
        let same = self.b.ins().icmp(IntCC::Equal, x, y);
        let (yes, no) = if is {
            (Value::TRUE, Value::FALSE)
        } else {
            (Value::FALSE, Value::TRUE)
        };
        let yes = self.b.ins().iconst(types::I64, yes.bits() as i64);
        let no = self.b.ins().iconst(types::I64, no.bits() as i64);
        let r = self.b.ins().select(same, yes, no);
        self.consume_words(&[(a, x), (b, y)]);
        self.put_and_continue(pc, dst, r);
    }

    /// `JumpIfIs`/`JumpIfIsNot`: the identity test as a word comparison,
    /// operands consumed, then the branch (taken when `a is b` equals
    /// `jump_if_same`).
    pub(super) fn identity_branch(
        &mut self,
        pc: u32,
        a: Reg,
        b: Reg,
        target: u32,
        jump_if_same: bool,
    ) {
        let x = self.load_reg(a);
        let y = self.load_reg(b);
        let cc = if jump_if_same {
            IntCC::Equal
        } else {
            IntCC::NotEqual
        };
        let jumps = self.b.ins().icmp(cc, x, y);
        self.consume_words(&[(a, x), (b, y)]);
        let next = self.next(pc);
        let dest = self.branch_to(pc, target);
        self.b.ins().brif(jumps, dest, &[], next, &[]);
    }
}

/// Containers and iteration: the common case through a lean runtime entry
/// (words in, word out; see `runtime_calls::NOT_HANDLED`), registers
/// updated inline, anything else through the instruction's general path.
impl Translator<'_, '_> {
    /// Release temporary `r` (an operand the instruction consumes), whose
    /// word `word` was loaded before; locals keep their value.
    pub(super) fn consume_word(&mut self, r: Reg, word: ir::Value) {
        if r < self.code.temp_base {
            return;
        }
        self.unbind_reg(r);
        self.release_if_obj(word);
    }

    /// `consume_word` for several operands, each register once (operands
    /// may share a register; the VM releases what it held once).
    fn consume_words(&mut self, operands: &[(Reg, ir::Value)]) {
        for (k, &(r, word)) in operands.iter().enumerate() {
            if operands[..k].iter().all(|&(seen, _)| seen != r) {
                self.consume_word(r, word);
            }
        }
    }

    /// Branch to a new block when `word` is not `NOT_HANDLED`, else to the
    /// instruction's general path; leaves the builder in the new block.
    fn unless_not_handled(&mut self, pc: u32, ins: Instr, word: ir::Value) {
        let entry = self.generic_entry(&ins);
        self.unless_not_handled_through(pc, ins, word, entry);
    }

    /// `unless_not_handled` whose general path is the runtime entry
    /// `entry` (which answers like `step`).
    fn unless_not_handled_through(
        &mut self,
        pc: u32,
        ins: Instr,
        word: ir::Value,
        entry: super::Callee,
    ) {
        let handled =
            self.b
                .ins()
                .icmp_imm_u(IntCC::NotEqual, word, runtime_calls::NOT_HANDLED as i64);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(handled, fast, &[], slow, &[]);
        self.b.switch_to_block(slow);
        self.through(entry, pc, ins);
        self.b.switch_to_block(fast);
    }

    /// `dst = obj[idx]` for lists and tuples: a list with a small-int
    /// index in range is read inline (`list_slot`), the rest through the
    /// runtime.
    pub(super) fn get_item(&mut self, pc: u32, ins: Instr, dst: Reg, obj: Reg, idx: Reg) {
        let o = self.load_reg(obj);
        let i = self.load_reg(idx);
        let done = self.b.create_block();
        let item = self.b.append_block_param(done, types::I64);
        let runtime = self.b.create_block();
        if let Some(layout) = list_layout() {
            let slot = self.list_slot(layout, o, i, false, runtime);
            let word = self
                .b
                .ins()
                .load(types::I64, MemFlagsData::trusted(), slot, 0);
            self.retain_if_obj(word);
            self.b.ins().jump(done, &[word.into()]);
        } else {
            self.b.ins().jump(runtime, &[]);
        }
        self.b.switch_to_block(runtime);
        let word = self
            .call(self.callees.item_word, &[o, i])
            .expect("item_word returns");
        self.unless_not_handled(pc, ins, word);
        self.b.ins().jump(done, &[word.into()]);
        self.b.switch_to_block(done);
        self.consume_word(obj, o);
        self.put_and_continue(pc, dst, item);
    }

    /// `obj[idx] = src` for lists (inline as in `get_item`).
    pub(super) fn set_item(&mut self, pc: u32, ins: Instr, obj: Reg, idx: Reg, src: Reg) {
        let o = self.load_reg(obj);
        let i = self.load_reg(idx);
        let v = self.load_reg(src);
        let done = self.b.create_block();
        let old = self.b.append_block_param(done, types::I64);
        let runtime = self.b.create_block();
        if let Some(layout) = list_layout() {
            let slot = self.list_slot(layout, o, i, true, runtime);
            let flags = MemFlagsData::trusted();
            let replaced = self.b.ins().load(types::I64, flags, slot, 0);
            // The list's new reference (the register's is released below
            // if it is a temporary), as `store_item_word` makes.
            self.retain_if_obj(v);
            self.b.ins().store(flags, v, slot, 0);
            self.b.ins().jump(done, &[replaced.into()]);
        } else {
            self.b.ins().jump(runtime, &[]);
        }
        self.b.switch_to_block(runtime);
        let replaced = self
            .call(self.callees.store_item_word, &[o, i, v])
            .expect("store_item_word returns");
        self.unless_not_handled(pc, ins, replaced);
        self.b.ins().jump(done, &[replaced.into()]);
        self.b.switch_to_block(done);
        self.consume_words(&[(src, v), (obj, o), (idx, i)]);
        self.release_if_obj(old);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// The address of item `i` (a word) of list `o` (a word), going to
    /// `slow` unless `o` is a list, `i` a small int within its length
    /// (negative from the end, as Python counts) and the list not being
    /// changed — for a store (`write`), not borrowed at all, as
    /// `RefCell::borrow_mut` would require.
    fn list_slot(
        &mut self,
        layout: ListLayout,
        o: ir::Value,
        i: ir::Value,
        write: bool,
        slow: ir::Block,
    ) -> ir::Value {
        let is_int = self.is_int(i);
        self.branch_unless(is_int, slow);
        let k = self.unbox_int(i);
        self.list_slot_at(layout, o, k, write, slow)
    }

    /// `list_slot` with the index `k` unboxed (an `i64`).
    pub(super) fn list_slot_at(
        &mut self,
        layout: ListLayout,
        o: ir::Value,
        k: ir::Value,
        write: bool,
        slow: ir::Block,
    ) -> ir::Value {
        let p = self.checked_list(layout, o, write, slow);
        self.list_slot_in(layout, p, k, slow)
    }

    /// The address of list object `o`, checked to be a list that is not
    /// borrowed mutably (with `write`, not borrowed at all), else `slow`.
    pub(super) fn checked_list(
        &mut self,
        layout: ListLayout,
        o: ir::Value,
        write: bool,
        slow: ir::Block,
    ) -> ir::Value {
        let flags = MemFlagsData::trusted();
        let is_obj = self.is_obj(o);
        self.branch_unless(is_obj, slow);
        let p = self.b.ins().band_imm_u(o, PAYLOAD_MASK as i64);
        let tag = self.b.ins().uload32(flags, p, 0);
        self.guard(IntCC::Equal, tag, layout.tag as i64, slow);
        let flag = self.b.ins().load(types::I64, flags, p, layout.flag);
        let free = if write {
            IntCC::Equal
        } else {
            IntCC::SignedGreaterThanOrEqual
        };
        self.guard(free, flag, 0, slow);
        p
    }

    /// The address of item `k` of the checked list at `p`
    /// (`checked_list`); an index out of range goes to `slow`.
    pub(super) fn list_slot_in(
        &mut self,
        layout: ListLayout,
        p: ir::Value,
        k: ir::Value,
        slow: ir::Block,
    ) -> ir::Value {
        let flags = MemFlagsData::trusted();
        let len = self.b.ins().load(types::I64, flags, p, layout.len);
        let from_end = self.b.ins().iadd(k, len);
        let negative = self.b.ins().icmp_imm_u(IntCC::SignedLessThan, k, 0);
        let k = self.b.ins().select(negative, from_end, k);
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, k, len);
        self.branch_unless(inside, slow);
        let items = self.b.ins().load(types::I64, flags, p, layout.items);
        let offset = self.b.ins().ishl_imm_u(k, 3);
        self.b.ins().iadd(items, offset)
    }

    /// `dst = next(iter)` for range, list and tuple iterators; the
    /// exhausted iterator is released and the loop left.
    pub(super) fn for_iter(&mut self, pc: u32, ins: Instr, dst: Reg, iter: Reg, target: u32) {
        if let Some(&slot) = self.range_loops.get(&pc) {
            self.counted_step(pc, slot, dst, iter, target);
        }
        self.for_iter_general(pc, ins, dst, iter, target);
    }

    /// `for_iter` without the counted loop's path.
    pub(super) fn for_iter_general(
        &mut self,
        pc: u32,
        ins: Instr,
        dst: Reg,
        iter: Reg,
        target: u32,
    ) {
        let it = self.load_reg(iter);
        let w = self
            .call(self.callees.iter_next_word, &[it])
            .expect("iter_next_word returns");
        let general = self.callees.for_iter_next;
        self.unless_not_handled_through(pc, ins, w, general);
        let done = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, w, runtime_calls::EXHAUSTED as i64);
        let exhausted = self.b.create_block();
        let more = self.b.create_block();
        self.b.ins().brif(done, exhausted, &[], more, &[]);
        self.b.switch_to_block(more);
        self.put_and_continue(pc, dst, w);
        self.b.switch_to_block(exhausted);
        self.consume_word(iter, it);
        let dest = self.branch_to(pc, target);
        self.b.ins().jump(dest, &[]);
    }

    /// The `ForIter` of a counted range loop (`RangeLoop`): when its
    /// `GetIter` found a range, the next value comes from the slot (the
    /// iterable in `iter` is left as it is: only this instruction reads
    /// it), a list's next item from the list (`list_step`), and the
    /// builder is left in the block of the general path, which runs
    /// otherwise.
    fn counted_step(&mut self, pc: u32, slot: StackSlot, dst: Reg, iter: Reg, target: u32) {
        let active = self.loop_mode(slot);
        let counted = self.b.create_block();
        let other = self.b.create_block();
        let is_counted = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, active, RangeLoop::COUNTED);
        self.b.ins().brif(is_counted, counted, &[], other, &[]);
        self.b.switch_to_block(counted);
        let cur = self.count_step(pc, slot, iter, target);
        // Every value between two small ints is a small int.
        let word = self.box_int(cur);
        self.put_and_continue(pc, dst, word);
        self.b.switch_to_block(other);
        if super::steps_lists(self.code, pc) {
            self.list_step_when_listed(pc, slot, active, dst, iter, target);
        }
    }

    /// The `ACTIVE` word of a loop's slot (see `RangeLoop`).
    pub(super) fn loop_mode(&mut self, slot: StackSlot) -> ir::Value {
        self.b
            .ins()
            .stack_load(types::I64, types::I32, slot, RangeLoop::ACTIVE)
    }

    /// When the loop's mode (`active`) is `LISTED`: `dst = ` the list's
    /// next item (a new reference), the index in the slot moved on; past
    /// the end, the list is released and the loop left. The builder is
    /// left in the block where the mode is anything else.
    fn list_step_when_listed(
        &mut self,
        pc: u32,
        slot: StackSlot,
        active: ir::Value,
        dst: Reg,
        iter: Reg,
        target: u32,
    ) {
        let (listed, other) = (self.b.create_block(), self.b.create_block());
        let is_listed = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, active, RangeLoop::LISTED);
        self.b.ins().brif(is_listed, listed, &[], other, &[]);
        self.b.switch_to_block(listed);
        let layout = list_layout().expect("a list is LISTED only where its layout is known");
        let flags = MemFlagsData::trusted();
        let list = self.load_reg(iter);
        let p = self.b.ins().band_imm_u(list, PAYLOAD_MASK as i64);
        let k = self
            .b
            .ins()
            .stack_load(types::I64, types::I64, slot, RangeLoop::CUR);
        // (A list being changed by the runtime that runs this code, a
        // `sort` calling its key, reads as empty, as in CPython.)
        let flag = self.b.ins().load(types::I64, flags, p, layout.flag);
        let readable = self
            .b
            .ins()
            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, flag, 0);
        let len = self.b.ins().load(types::I64, flags, p, layout.len);
        let inside = self.b.ins().icmp(IntCC::SignedLessThan, k, len);
        let more = self.b.ins().band(readable, inside);
        let (item, exhausted) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(more, item, &[], exhausted, &[]);
        self.b.switch_to_block(exhausted);
        self.consume_word(iter, list);
        let dest = self.branch_to(pc, target);
        self.b.ins().jump(dest, &[]);
        self.b.switch_to_block(item);
        let items = self.b.ins().load(types::I64, flags, p, layout.items);
        let offset = self.b.ins().ishl_imm_u(k, 3);
        let at = self.b.ins().iadd(items, offset);
        let word = self.b.ins().load(types::I64, flags, at, 0);
        self.retain_if_obj(word);
        let after = self.b.ins().iadd_imm_s(k, 1);
        self.b
            .ins()
            .stack_store(types::I64, after, slot, RangeLoop::CUR);
        self.put_and_continue(pc, dst, word);
        self.b.switch_to_block(other);
    }

    /// The slot of the counted loop whose range the `Call` at `pc` makes
    /// (into `dst`, which the next instruction, the loop's `GetIter`,
    /// consumes), if it is such a call.
    pub(super) fn counted_range_call(&self, pc: u32, dst: Reg) -> Option<StackSlot> {
        let next = self.code.instrs.get(pc as usize + 1)?;
        match *next {
            Instr::GetIter { src, .. } if src == dst && dst >= self.code.temp_base => {
                self.range_loops.get(&(pc + 2)).copied()
            }
            _ => None,
        }
    }

    /// `range(args…)` of a counted loop (`counted_range_call`, whose
    /// `slot` this is): when the function is the built-in `range` and the
    /// arguments small ints (`runtime_calls::range_call`), the loop counts
    /// from the slot with no range object made, the `GetIter` skipped and
    /// its iterator register holding `None` (only the counted `ForIter`
    /// reads it); else the builder is left in a block where the call goes
    /// on as usual.
    pub(super) fn range_call(&mut self, pc: u32, slot: StackSlot, func: Reg, argc: u16) {
        let Instr::GetIter { dst: iter, .. } = self.code.instrs[pc as usize + 1] else {
            unreachable!("a counted range call is followed by its GetIter")
        };
        let f = self.load_reg(func);
        let at = self.b.ins().stack_addr(types::I64, slot, 0);
        let first = self.const32(func as u32 + 1);
        let argc_ = self.const32(argc as u32);
        let counted = self
            .call(
                self.callees.range_call,
                &[self.ctx, f, self.regs, first, argc_, at],
            )
            .expect("range_call returns");
        let (count, general) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(counted, count, &[], general, &[]);
        self.b.switch_to_block(count);
        self.b
            .ins()
            .stack_store(types::I64, counted, slot, RangeLoop::ACTIVE);
        // The arguments are small ints: only the function's reference to
        // drop (a local's stays).
        self.consume_word(func, f);
        for r in func + 1..=func + argc {
            if r >= self.code.temp_base {
                self.unbind_reg(r);
            }
        }
        let none = self.b.ins().iconst(types::I64, Value::NONE.bits() as i64);
        self.put_word(iter, none);
        let counting = self.next(pc + 1);
        self.b.ins().jump(counting, &[]);
        self.b.switch_to_block(general);
    }

    /// A counting loop's step: when the count is done, release the
    /// iterator register and leave the loop; else the builder is left
    /// where the next value (returned) holds, the slot holding the one
    /// after.
    pub(super) fn count_step(
        &mut self,
        pc: u32,
        slot: StackSlot,
        iter: Reg,
        target: u32,
    ) -> ir::Value {
        let cur = self
            .b
            .ins()
            .stack_load(types::I64, types::I64, slot, RangeLoop::CUR);
        let stop = self
            .b
            .ins()
            .stack_load(types::I64, types::I64, slot, RangeLoop::STOP);
        let step = self
            .b
            .ins()
            .stack_load(types::I64, types::I64, slot, RangeLoop::STEP);
        let up = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
        let below = self.b.ins().icmp(IntCC::SignedLessThan, cur, stop);
        let above = self.b.ins().icmp(IntCC::SignedGreaterThan, cur, stop);
        let more = self.b.ins().select(up, below, above);
        // (Stored even when exhausted: the loop is left then, and its
        // `GetIter` starts it afresh.)
        let after = self.b.ins().iadd(cur, step);
        self.b
            .ins()
            .stack_store(types::I64, after, slot, RangeLoop::CUR);
        let next_value = self.b.create_block();
        let exhausted = self.b.create_block();
        self.b.ins().brif(more, next_value, &[], exhausted, &[]);
        self.b.switch_to_block(exhausted);
        let it = self.load_reg(iter);
        self.consume_word(iter, it);
        let dest = self.branch_to(pc, target);
        self.b.ins().jump(dest, &[]);
        self.b.switch_to_block(next_value);
        cur
    }

    /// `dst.. = src` for a tuple or list of the right length; the source
    /// is consumed.
    pub(super) fn unpack(&mut self, pc: u32, ins: Instr, src: Reg, dst: Reg, n: u16) {
        let w = self.load_reg(src);
        let dst_ = self.const32(dst as u32);
        let n_ = self.const32(n as u32);
        let r = self
            .call(self.callees.unpack_word, &[self.regs, w, dst_, n_])
            .expect("unpack_word returns");
        self.unless_not_handled(pc, ins, r);
        let due = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, r, runtime_calls::FINALIZERS_DUE as i64);
        self.call_when(due, self.callees.release, &[self.ctx, r], false);
        self.consume_word(src, w);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }

    /// `dst = iter(src)` for the built-in iterables; `src` is consumed.
    pub(super) fn get_iter(&mut self, pc: u32, ins: Instr, dst: Reg, src: Reg) {
        let v = self.load_reg(src);
        if let Some(&slot) = self.range_loops.get(&(pc + 1)) {
            // The loop that follows counts natively when `src` is a range.
            let at = self.b.ins().stack_addr(types::I64, slot, 0);
            let lists = self.const32(super::steps_lists(self.code, pc + 1) as u32);
            let counted = self
                .call(self.callees.range_loop, &[v, at, lists])
                .expect("range_loop returns");
            self.b
                .ins()
                .stack_store(types::I64, counted, slot, RangeLoop::ACTIVE);
            // A counted loop needs no iterator object: the register holds
            // the range itself (moved out of a temporary, or a new
            // reference to a local's).
            let count = self.b.create_block();
            let iterate = self.b.create_block();
            self.b.ins().brif(counted, count, &[], iterate, &[]);
            self.b.switch_to_block(count);
            if src < self.code.temp_base {
                self.retain_if_obj(v);
                self.put_and_continue(pc, dst, v);
            } else if src == dst {
                let next = self.next(pc);
                self.b.ins().jump(next, &[]);
            } else {
                self.unbind_reg(src);
                self.put_and_continue(pc, dst, v);
            }
            self.b.switch_to_block(iterate);
        }
        let it = self
            .call(self.callees.iter_word, &[v])
            .expect("iter_word returns");
        self.unless_not_handled(pc, ins, it);
        self.consume_word(src, v);
        self.put_and_continue(pc, dst, it);
    }

    /// `dst = (start, …)` of `n` registers.
    pub(super) fn build_tuple(&mut self, pc: u32, ins: Instr, dst: Reg, start: Reg, n: u16) {
        let start_ = self.const32(start as u32);
        let n_ = self.const32(n as u32);
        let tb = self.const32(self.code.temp_base as u32);
        let t = self
            .call(self.callees.tuple_word, &[self.regs, start_, n_, tb])
            .expect("tuple_word returns");
        self.unless_not_handled(pc, ins, t);
        self.put_and_continue(pc, dst, t);
    }

    /// `dst = name` from the globals or builtins.
    pub(super) fn load_global(&mut self, pc: u32, ins: Instr, dst: Reg, name: u16) {
        let (valid, site) = self.global_site(name);
        let lookup = self.b.create_block();
        self.b.set_cold_block(lookup);
        let cached = self.b.create_block();
        self.b.ins().brif(valid, cached, &[], lookup, &[]);
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        self.b.switch_to_block(cached);
        let w = Self::global_site_value(&mut self.b, site);
        self.retain_if_obj(w);
        self.b.ins().jump(done, &[w.into()]);

        self.b.switch_to_block(lookup);
        let name = self.const32(name as u32);
        let w = self
            .call(self.callees.global_word, &[self.ctx, name])
            .expect("global_word returns");
        self.unless_not_handled(pc, ins, w);
        self.b.ins().jump(done, &[w.into()]);
        self.b.switch_to_block(done);
        let w = self.b.block_params(done)[0];
        self.put_and_continue(pc, dst, w);
    }

    /// Whether the site of global `name` holds what the name is bound to
    /// (what the last load found, while the globals epoch and the running
    /// code's globals are those it saw), and the site's address.
    pub(super) fn global_site(&mut self, name: u16) -> (ir::Value, ir::Value) {
        let site = &self.code.global_sites[name as usize] as *const GlobalSite as i64;
        let flags = MemFlagsData::trusted();
        let site = self.b.ins().iconst(types::I64, site);
        let epoch_at = crate::runtime::dict::globals_epoch_cell() as i64;
        let epoch_at = self.b.ins().iconst(types::I64, epoch_at);
        let epoch = self.b.ins().load(types::I64, flags, epoch_at, 0);
        let field = |t: &mut Self, off: usize| t.b.ins().load(types::I64, flags, site, off as i32);
        let seen = field(self, std::mem::offset_of!(GlobalSite, epoch));
        let same_epoch = self.b.ins().icmp(IntCC::Equal, epoch, seen);
        let globals = self.running_globals_word();
        let seen_globals = field(self, std::mem::offset_of!(GlobalSite, globals));
        let same_globals = self.b.ins().icmp(IntCC::Equal, globals, seen_globals);
        (self.b.ins().band(same_epoch, same_globals), site)
    }

    /// The word a valid global site (`global_site`) holds, not retained.
    pub(super) fn global_site_value(
        b: &mut cranelift_frontend::FunctionBuilder,
        site: ir::Value,
    ) -> ir::Value {
        let at = std::mem::offset_of!(GlobalSite, value) as i32;
        b.ins().load(types::I64, MemFlagsData::trusted(), site, at)
    }

    /// `return src`: a temporary's word moves out; a local's unboxed word
    /// is copied; a local's heap value gets its new reference from the
    /// runtime (`take_return`).
    pub(super) fn return_(&mut self, src: Reg) {
        let w = self.load_reg(src);
        if src >= self.code.temp_base {
            self.unbind_reg(src);
            self.b.ins().return_(&[w]);
            return;
        }
        let is_obj = self.is_obj(w);
        let shared = self.b.create_block();
        let plain = self.b.create_block();
        self.b.ins().brif(is_obj, shared, &[], plain, &[]);
        self.b.switch_to_block(plain);
        self.b.ins().return_(&[w]);
        self.b.switch_to_block(shared);
        let src = self.const32(src as u32);
        let word = self
            .call(self.callees.take_return, &[self.ctx, self.regs, src])
            .expect("take_return returns");
        self.b.ins().return_(&[word]);
    }

    /// `dst = obj.name` for plain instances (the site's attribute cache).
    pub(super) fn get_attr(&mut self, pc: u32, ins: Instr, dst: Reg, obj: Reg, name: u16) {
        let o = self.load_reg(obj);
        let name = self.const32(name as u32);
        let w = self
            .call(self.callees.attr_word, &[self.ctx, o, name])
            .expect("attr_word returns");
        // (Not an instance's own attribute: a property's getter is called
        // directly if it can be, else the VM's instruction.)
        self.unless_not_handled_through(pc, ins, w, self.callees.get_attr);
        self.consume_word(obj, o);
        self.put_and_continue(pc, dst, w);
    }

    /// `obj.name = src` for plain instances (the site's attribute cache).
    pub(super) fn set_attr(&mut self, pc: u32, ins: Instr, obj: Reg, name: u16, src: Reg) {
        let o = self.load_reg(obj);
        let v = self.load_reg(src);
        let name = self.const32(name as u32);
        let old = self
            .call(self.callees.store_attr_word, &[self.ctx, o, name, v])
            .expect("store_attr_word returns");
        self.unless_not_handled(pc, ins, old);
        self.consume_words(&[(src, v), (obj, o)]);
        self.release_if_obj(old);
        let next = self.next(pc);
        self.b.ins().jump(next, &[]);
    }
}
