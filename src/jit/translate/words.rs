//! Cranelift IR for NaN-boxed words: tag tests, boxing and unboxing, and
//! the inline arithmetic and comparisons of small ints and floats, shared
//! by the general translation (`Translator`, whose registers are memory)
//! and the pure one (`pure::PureTranslator`, whose registers are
//! variables). Each operation leaves the builder where its result holds
//! and sends every case it does not handle (another type, an overflow, a
//! division by zero) to a block the caller chooses: the runtime's general
//! path in one, giving up in the other.
//!
//! Word layout (see `runtime::value`): an int is tag `0xFFF9` over a
//! 48-bit two's-complement payload, a float is any word whose tag is below
//! that, specials and objects have tags `0xFFFA` and `0xFFFC`.

use super::fast_paths::Arith;
use crate::bytecode::instr::{Instr, Reg};
use crate::runtime::value::{PAYLOAD_MASK, TAG_INT, TAG_OBJ, TAG_SHIFT};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, types, InstBuilder, MemFlagsData};
use cranelift_frontend::FunctionBuilder;

const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
pub(super) const INT_TAG_WORD: u64 = TAG_INT << TAG_SHIFT;

/// Integer and float condition codes of a comparison.
pub(super) fn conds(ins: Instr) -> Option<(IntCC, FloatCC)> {
    use Instr::*;
    Some(match ins {
        Lt { .. } | JumpIfNotLt { .. } => (IntCC::SignedLessThan, FloatCC::LessThan),
        Le { .. } | JumpIfNotLe { .. } => (IntCC::SignedLessThanOrEqual, FloatCC::LessThanOrEqual),
        Gt { .. } | JumpIfNotGt { .. } => (IntCC::SignedGreaterThan, FloatCC::GreaterThan),
        Ge { .. } | JumpIfNotGe { .. } => {
            (IntCC::SignedGreaterThanOrEqual, FloatCC::GreaterThanOrEqual)
        }
        Eq { .. } | JumpIfNotEq { .. } => (IntCC::Equal, FloatCC::Equal),
        Ne { .. } | JumpIfNotNe { .. } => (IntCC::NotEqual, FloatCC::NotEqual),
        _ => return None,
    })
}

/// The two operands of a comparison (`conds`'s instructions).
pub(super) fn compare_operands(ins: &Instr) -> Option<(Reg, Reg)> {
    use Instr::*;
    match *ins {
        Lt { a, b, .. }
        | Le { a, b, .. }
        | Gt { a, b, .. }
        | Ge { a, b, .. }
        | Eq { a, b, .. }
        | Ne { a, b, .. }
        | JumpIfNotLt { a, b, .. }
        | JumpIfNotLe { a, b, .. }
        | JumpIfNotGt { a, b, .. }
        | JumpIfNotGe { a, b, .. }
        | JumpIfNotEq { a, b, .. }
        | JumpIfNotNe { a, b, .. } => Some((a, b)),
        _ => None,
    }
}

/// Word operations for a translator that owns a `FunctionBuilder`.
pub(super) trait Words<'f> {
    fn fb(&mut self) -> &mut FunctionBuilder<'f>;

    fn tag(&mut self, w: ir::Value) -> ir::Value {
        self.fb().ins().ushr_imm_u(w, TAG_SHIFT as i64)
    }

    fn is_int(&mut self, w: ir::Value) -> ir::Value {
        let t = self.tag(w);
        self.fb().ins().icmp_imm_u(IntCC::Equal, t, TAG_INT as i64)
    }

    /// Floats have the tags below the int tag.
    fn is_float(&mut self, w: ir::Value) -> ir::Value {
        let t = self.tag(w);
        self.fb()
            .ins()
            .icmp_imm_u(IntCC::UnsignedLessThan, t, TAG_INT as i64)
    }

    fn both_int(&mut self, x: ir::Value, y: ir::Value) -> ir::Value {
        let a = self.is_int(x);
        let b = self.is_int(y);
        self.fb().ins().band(a, b)
    }

    fn both_float(&mut self, x: ir::Value, y: ir::Value) -> ir::Value {
        self.both_tags(x, y, IntCC::UnsignedLessThan)
    }

    /// Do both words' tags compare with the int tag as `cc` says?
    fn both_tags(&mut self, x: ir::Value, y: ir::Value, cc: IntCC) -> ir::Value {
        let tx = self.tag(x);
        let ty = self.tag(y);
        let a = self.fb().ins().icmp_imm_u(cc, tx, TAG_INT as i64);
        let b = self.fb().ins().icmp_imm_u(cc, ty, TAG_INT as i64);
        self.fb().ins().band(a, b)
    }

    /// The payload of an int word, sign-extended.
    fn unbox_int(&mut self, w: ir::Value) -> ir::Value {
        let up = self.fb().ins().ishl_imm_u(w, 16);
        self.fb().ins().sshr_imm_u(up, 16)
    }

    /// An int word from a value known to fit in 48 bits.
    fn box_int(&mut self, i: ir::Value) -> ir::Value {
        let low = self.fb().ins().band_imm_u(i, PAYLOAD_MASK as i64);
        self.fb().ins().bor_imm_u(low, INT_TAG_WORD as i64)
    }

    /// Does `i` fit in a small int's 48 bits?
    fn fits_small(&mut self, i: ir::Value) -> ir::Value {
        let up = self.fb().ins().ishl_imm_u(i, 16);
        let back = self.fb().ins().sshr_imm_u(up, 16);
        self.fb().ins().icmp(IntCC::Equal, back, i)
    }

    /// The `f64` of a float word (its bits).
    fn as_f64(&mut self, w: ir::Value) -> ir::Value {
        self.fb().ins().bitcast(types::F64, MemFlagsData::new(), w)
    }

    /// Are both words floats or small ints (tags up to the int tag)?
    fn both_number(&mut self, x: ir::Value, y: ir::Value) -> ir::Value {
        self.both_tags(x, y, IntCC::UnsignedLessThanOrEqual)
    }

    /// The float value of a float or small-int word (ints convert
    /// exactly: they have 48 bits).
    fn number_f64(&mut self, w: ir::Value) -> ir::Value {
        let int = self.is_int(w);
        let i = self.unbox_int(w);
        let from_int = self.fb().ins().fcvt_from_sint(types::F64, i);
        let f = self.as_f64(w);
        self.fb().ins().select(int, from_int, f)
    }

    /// A float word, NaNs canonicalised as `Value::float` does.
    fn box_float(&mut self, f: ir::Value) -> ir::Value {
        let bits = self.fb().ins().bitcast(types::I64, MemFlagsData::new(), f);
        let nan = self.fb().ins().fcmp(FloatCC::Unordered, f, f);
        let canonical = self.fb().ins().iconst(types::I64, CANONICAL_NAN as i64);
        self.fb().ins().select(nan, canonical, bits)
    }

    /// `x op y` for `+ - * /` of unboxed floats; division by zero (which
    /// raises) goes to `slow`. Leaves the builder where the result holds.
    fn float_result(
        &mut self,
        op: Arith,
        fx: ir::Value,
        fy: ir::Value,
        slow: ir::Block,
    ) -> ir::Value {
        match op {
            Arith::Add => self.fb().ins().fadd(fx, fy),
            Arith::Sub => self.fb().ins().fsub(fx, fy),
            Arith::Mul => self.fb().ins().fmul(fx, fy),
            Arith::TrueDiv => {
                // Division by zero raises: leave it to the runtime.
                let zero = self.fb().ins().f64const(0.0);
                let is_zero = self.fb().ins().fcmp(FloatCC::Equal, fy, zero);
                let ok = self.fb().create_block();
                self.fb().ins().brif(is_zero, slow, &[], ok, &[]);
                self.fb().switch_to_block(ok);
                self.fb().ins().fdiv(fx, fy)
            }
            _ => unreachable!("no inline float path for this operation"),
        }
    }

    /// `i op j` for the arithmetic and shifts of unboxed small ints, as a
    /// small int: a result beyond 48 bits, division by zero and shift
    /// counts the runtime's small-int path does not take go to `slow`.
    /// Leaves the builder where the result holds.
    fn int_result(&mut self, op: Arith, i: ir::Value, j: ir::Value, slow: ir::Block) -> ir::Value {
        let by_power_of_two = match op {
            Arith::FloorDiv | Arith::Mod => self.power_of_two(j),
            _ => None,
        };
        if let Some(k) = by_power_of_two {
            // By a constant 2**k: Python's floor division and modulo are
            // the arithmetic shift and the mask (two's complement rounds
            // toward negative infinity too); `i >> k` of a small int is
            // one, and so is `i & (2**k - 1)`.
            return if op == Arith::FloorDiv {
                self.fb().ins().sshr_imm_u(i, k as i64)
            } else {
                self.fb().ins().band_imm_u(i, (1i64 << k) - 1)
            };
        }
        let r = match op {
            Arith::Add => self.fb().ins().iadd(i, j),
            Arith::Sub => self.fb().ins().isub(i, j),
            Arith::Mul => {
                let (r, overflow) = self.fb().ins().smul_overflow(i, j);
                let ok = self.fb().create_block();
                self.fb().ins().brif(overflow, slow, &[], ok, &[]);
                self.fb().switch_to_block(ok);
                r
            }
            Arith::FloorDiv | Arith::Mod => {
                // Python rounds toward negative infinity: adjust the
                // truncating quotient and remainder when the signs differ.
                self.branch_unless(j, slow); // j == 0: the generic path raises
                let q = self.fb().ins().sdiv(i, j);
                let rem = self.fb().ins().srem(i, j);
                let rem_nz = self.fb().ins().icmp_imm_u(IntCC::NotEqual, rem, 0);
                let sx = self.fb().ins().bxor(rem, j);
                let signs_differ = self.fb().ins().icmp_imm_u(IntCC::SignedLessThan, sx, 0);
                let adjust = self.fb().ins().band(rem_nz, signs_differ);
                if op == Arith::FloorDiv {
                    let q1 = self.fb().ins().iadd_imm_s(q, -1);
                    self.fb().ins().select(adjust, q1, q)
                } else {
                    let r1 = self.fb().ins().iadd(rem, j);
                    self.fb().ins().select(adjust, r1, rem)
                }
            }
            Arith::Shl | Arith::Shr => {
                // Counts the runtime's small-int path takes (`<<` by 0..47
                // without losing bits, `>>` by 0..63); negative counts
                // (huge unsigned) and others go to the runtime.
                let limit = if op == Arith::Shl { 48 } else { 64 };
                let in_range = self
                    .fb()
                    .ins()
                    .icmp_imm_u(IntCC::UnsignedLessThan, j, limit);
                let ok = self.fb().create_block();
                self.fb().ins().brif(in_range, ok, &[], slow, &[]);
                self.fb().switch_to_block(ok);
                if op == Arith::Shr {
                    self.fb().ins().sshr(i, j)
                } else {
                    let r = self.fb().ins().ishl(i, j);
                    let back = self.fb().ins().sshr(r, j);
                    let kept = self.fb().ins().icmp(IntCC::Equal, back, i);
                    let ok = self.fb().create_block();
                    self.fb().ins().brif(kept, ok, &[], slow, &[]);
                    self.fb().switch_to_block(ok);
                    r
                }
            }
            _ => unreachable!("bitwise and true division have their own paths"),
        };
        if op == Arith::Mod {
            // |i % j| < |j|: always a small int.
            return r;
        }
        let fits = self.fits_small(r);
        self.branch_unless(fits, slow);
        r
    }

    /// `k` when `v` is the constant `2**k` (made by `iconst` in this
    /// function), for the shifts and masks of `//` and `%` by it.
    fn power_of_two(&mut self, v: ir::Value) -> Option<u32> {
        let dfg = &self.fb().func.dfg;
        let ir::ValueDef::Result(inst, 0) = dfg.value_def(v) else {
            return None;
        };
        let ir::InstructionData::UnaryImm {
            opcode: ir::Opcode::Iconst,
            imm,
        } = dfg.insts[inst]
        else {
            return None;
        };
        let c = imm.bits();
        (c > 0 && c & (c - 1) == 0 && c < 1 << 47).then(|| c.trailing_zeros())
    }

    /// Is `word` a heap object (tag `0xFFFC`)?
    fn is_obj(&mut self, word: ir::Value) -> ir::Value {
        let tag = self.tag(word);
        self.fb()
            .ins()
            .icmp_imm_u(IntCC::Equal, tag, TAG_OBJ as i64)
    }

    /// Go on in a new block when `a cc imm` holds, else to `slow`.
    fn guard(&mut self, cc: IntCC, a: ir::Value, imm: i64, slow: ir::Block) {
        let holds = self.fb().ins().icmp_imm_u(cc, a, imm);
        self.branch_unless(holds, slow);
    }

    /// Go on in a new block when `cond` holds, else to `slow`.
    fn branch_unless(&mut self, cond: ir::Value, slow: ir::Block) {
        let go = self.fb().create_block();
        self.fb().ins().brif(cond, go, &[], slow, &[]);
        self.fb().switch_to_block(go);
    }

    /// Go to `slow` when `cond` holds, else on in a new block.
    fn branch_if(&mut self, cond: ir::Value, slow: ir::Block) {
        let go = self.fb().create_block();
        self.fb().ins().brif(cond, slow, &[], go, &[]);
        self.fb().switch_to_block(go);
    }

    /// The word of `x OP y` for small ints (and floats where Python's
    /// result is the IEEE one); other operands and results go to `slow`.
    fn arith_word(&mut self, op: Arith, x: ir::Value, y: ir::Value, slow: ir::Block) -> ir::Value {
        let done = self.fb().create_block();
        self.fb().append_block_param(done, types::I64);
        let ints = self.both_int(x, y);
        let not_int = self.fb().create_block();
        let int_block = self.fb().create_block();
        self.fb().ins().brif(ints, int_block, &[], not_int, &[]);
        let float_op = matches!(op, Arith::Add | Arith::Sub | Arith::Mul | Arith::TrueDiv);
        let float_block = self.fb().create_block();

        // Both small ints (`/` of ints is a float operation: 48-bit ints
        // convert exactly, so the IEEE quotient is the correctly rounded
        // one Python gives).
        self.fb().switch_to_block(int_block);
        if op == Arith::TrueDiv {
            self.fb().ins().jump(float_block, &[]);
        } else {
            let w = self.int_word(op, x, y, slow);
            self.fb().ins().jump(done, &[w.into()]);
        }

        // Floats, or a float and a small int (converted exactly).
        self.fb().switch_to_block(not_int);
        if float_op {
            let numbers = self.both_number(x, y);
            self.fb().ins().brif(numbers, float_block, &[], slow, &[]);
            self.fb().switch_to_block(float_block);
            let (fx, fy) = (self.number_f64(x), self.number_f64(y));
            let r = self.float_result(op, fx, fy, slow);
            let w = self.box_float(r);
            self.fb().ins().jump(done, &[w.into()]);
        } else {
            self.fb().ins().jump(slow, &[]);
        }
        self.fb().switch_to_block(done);
        self.fb().block_params(done)[0]
    }

    /// The word of `x OP y` for two small-int words.
    fn int_word(&mut self, op: Arith, x: ir::Value, y: ir::Value, slow: ir::Block) -> ir::Value {
        // Bitwise operations work on the boxed words: the tags agree, and
        // and/or of two sign-extended payloads is the payload of the
        // result; xor cancels the tag, which is put back.
        match op {
            Arith::And => return self.fb().ins().band(x, y),
            Arith::Or => return self.fb().ins().bor(x, y),
            Arith::Xor => {
                let w = self.fb().ins().bxor(x, y);
                return self.fb().ins().bor_imm_u(w, INT_TAG_WORD as i64);
            }
            _ => {}
        }
        let i = self.unbox_int(x);
        let j = self.unbox_int(y);
        let r = self.int_result(op, i, j, slow);
        self.box_int(r)
    }

    /// Compare two small-int or two float words as `icc`/`fcc` say: the
    /// condition as a flag, in the block the builder is left in; other
    /// operands go to `slow`.
    fn compare_flag(
        &mut self,
        (icc, fcc): (IntCC, FloatCC),
        x: ir::Value,
        y: ir::Value,
        slow: ir::Block,
    ) -> ir::Value {
        let ints = self.both_int(x, y);
        let int_block = self.fb().create_block();
        let not_int = self.fb().create_block();
        let done = self.fb().create_block();
        self.fb().append_block_param(done, types::I8);
        self.fb().ins().brif(ints, int_block, &[], not_int, &[]);
        // Shifting out the tag keeps the order of the payloads.
        self.fb().switch_to_block(int_block);
        let i = self.fb().ins().ishl_imm_u(x, 16);
        let j = self.fb().ins().ishl_imm_u(y, 16);
        let c = self.fb().ins().icmp(icc, i, j);
        self.fb().ins().jump(done, &[ir::BlockArg::Value(c)]);
        self.fb().switch_to_block(not_int);
        let floats = self.both_float(x, y);
        let float_block = self.fb().create_block();
        self.fb().ins().brif(floats, float_block, &[], slow, &[]);
        self.fb().switch_to_block(float_block);
        let (fx, fy) = (self.as_f64(x), self.as_f64(y));
        let c = self.fb().ins().fcmp(fcc, fx, fy);
        self.fb().ins().jump(done, &[ir::BlockArg::Value(c)]);
        self.fb().switch_to_block(done);
        self.fb().block_params(done)[0]
    }
}
