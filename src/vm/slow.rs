//! The instructions that are not on the hot path of the dispatch loop
//! (and the slow paths of those that are), out of line so the hot loop
//! stays small enough for the compiler to keep its state in registers.

// Register ranges are addressed by index, as the instructions name them;
// the labelled block is a structured `goto` to the shared exit.
#![allow(clippy::needless_range_loop, clippy::never_loop)]

use super::dispatch::{
    consume, fast_binop, fast_callable, fast_compare, fast_getitem, fast_truthy, invoke,
    method_lookup, put, put_opt, release, str_add_regs, take, take_each, take_range,
    yield_from_step, Invoke, Method, Outcome,
};
use super::helpers;
use crate::bytecode::instr::{Instr, Reg, NO_REG};
use crate::bytecode::CodeObject;
use crate::runtime::exceptions;
use crate::runtime::object::{Obj, Resume};
use crate::runtime::{hash, iter, Interp, PyErr, Value};
use crate::syntax::ast::{BinOp, CmpOp, Name};
use std::cell::RefCell;

macro_rules! tri {
    ($l:lifetime, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $l Some(Outcome::Error(e)),
        }
    };
}

/// Execute one instruction; `Some` when it leaves the frame. `pc` is the
/// index of the next instruction (a jump sets it).
#[inline(never)]
pub(crate) fn slow(
    interp: &mut Interp,
    code: &CodeObject,
    globals: &Value,
    ns_opt: Option<&Value>,
    regs: &mut [Value],
    ins: Instr,
    pc_io: &mut usize,
) -> Option<Outcome> {
    let tb = code.temp_base;
    let mut pc = *pc_io;
    let out = 'run: loop {
        match ins {
            Instr::Nop => {}
            Instr::Move { dst, src } => {
                let v = take(regs, src, tb);
                put(interp, regs, dst, v);
            }
            Instr::Copy { dst, src } => {
                let v = regs[src as usize].clone();
                put(interp, regs, dst, v);
            }
            Instr::LoadConst { dst, idx } => {
                let v = code.consts[idx as usize].clone();
                put(interp, regs, dst, v);
            }
            Instr::CheckBound { reg, name } => {
                if regs[reg as usize].is_unbound() {
                    break 'run Some(Outcome::Error(helpers::unbound_local(
                        interp,
                        &code.names[name as usize],
                    )));
                }
            }
            Instr::Clear { reg } => {
                drop(std::mem::replace(&mut regs[reg as usize], Value::UNBOUND));
            }
            Instr::DeleteFast { reg, name } => {
                let old = std::mem::replace(&mut regs[reg as usize], Value::UNBOUND);
                if old.is_unbound() {
                    break 'run Some(Outcome::Error(helpers::unbound_local(
                        interp,
                        &code.names[name as usize],
                    )));
                }
                drop(old);
            }
            Instr::LoadCell { dst, cell, name } | Instr::LoadFree { dst, cell, name } => {
                let v = match regs[cell as usize].as_obj() {
                    Some(Obj::Cell(c)) => c.borrow().clone(),
                    _ => Value::UNBOUND,
                };
                if v.is_unbound() {
                    let n = &code.names[name as usize];
                    let e = if matches!(ins, Instr::LoadCell { .. }) {
                        helpers::unbound_local(interp, n)
                    } else {
                        helpers::unbound_free(interp, n)
                    };
                    break 'run Some(Outcome::Error(e));
                }
                put(interp, regs, dst, v);
            }
            Instr::StoreCell { cell, src } => {
                let v = take(regs, src, tb);
                let old = match regs[cell as usize].as_obj() {
                    Some(Obj::Cell(c)) => std::mem::replace(&mut *c.borrow_mut(), v),
                    _ => v,
                };
                drop(old);
            }
            Instr::DeleteCell { cell, name, quiet } => {
                let old = match regs[cell as usize].as_obj() {
                    Some(Obj::Cell(c)) => std::mem::replace(&mut *c.borrow_mut(), Value::UNBOUND),
                    _ => Value::UNBOUND,
                };
                if old.is_unbound() && !quiet {
                    let n = &code.names[name as usize];
                    let e = if cell < code.nslots {
                        helpers::unbound_local(interp, n)
                    } else {
                        helpers::name_error(interp, n)
                    };
                    break 'run Some(Outcome::Error(e));
                }
                drop(old);
            }
            Instr::LoadGlobal { dst, name } => {
                let v =
                    tri!('run, helpers::load_global_cached(interp, code, globals, name as usize));
                put(interp, regs, dst, v);
            }
            Instr::StoreGlobal { name, src } => {
                let v = take(regs, src, tb);
                helpers::store_in(globals, &code.names[name as usize], v);
            }
            Instr::DeleteGlobal { name, quiet } => {
                let n = &code.names[name as usize];
                if !helpers::remove_from(globals, n) && !quiet {
                    break 'run Some(Outcome::Error(helpers::name_error(interp, n)));
                }
            }
            Instr::LoadName { dst, name } => {
                let v = tri!('run, helpers::load_name_cached(interp, code, ns_opt, globals, name as usize));
                put(interp, regs, dst, v);
            }
            Instr::StoreName { name, src } => {
                let v = take(regs, src, tb);
                let ns = ns_opt.unwrap_or(globals);
                helpers::store_in(ns, &code.names[name as usize], v);
            }
            Instr::DeleteName { name, quiet } => {
                let n = &code.names[name as usize];
                let ns = ns_opt.unwrap_or(globals);
                if !helpers::remove_from(ns, n) && !quiet {
                    break 'run Some(Outcome::Error(helpers::name_error(interp, n)));
                }
            }

            // ---- arithmetic ----
            Instr::Add { dst, a, b } => {
                let (x, y) = (&regs[a as usize], &regs[b as usize]);
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    put(interp, regs, dst, Value::int(i + j));
                    break 'run None;
                }
                if let (Some(p), Some(q)) = (x.as_float(), y.as_float()) {
                    put(interp, regs, dst, Value::float(p + q));
                    break 'run None;
                }
                if let Some(r) = str_add_regs(interp, regs, dst, a, b, tb) {
                    tri!('run, r);
                    break 'run None;
                }
                let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                let v = tri!('run, interp.binop(BinOp::Add, &va, &vb));
                drop((va, vb));
                put(interp, regs, dst, v);
            }
            Instr::Sub { dst, a, b } => {
                let (x, y) = (&regs[a as usize], &regs[b as usize]);
                if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                    put(interp, regs, dst, Value::int(i - j));
                    break 'run None;
                }
                if let (Some(p), Some(q)) = (x.as_float(), y.as_float()) {
                    put(interp, regs, dst, Value::float(p - q));
                    break 'run None;
                }
                let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                let v = tri!('run, interp.binop(BinOp::Sub, &va, &vb));
                drop((va, vb));
                put(interp, regs, dst, v);
            }
            Instr::Mul { dst, a, b }
            | Instr::TrueDiv { dst, a, b }
            | Instr::FloorDiv { dst, a, b }
            | Instr::Mod { dst, a, b }
            | Instr::BinOp { dst, a, b, .. } => {
                let op = match ins {
                    Instr::Mul { .. } => BinOp::Mul,
                    Instr::TrueDiv { .. } => BinOp::Div,
                    Instr::FloorDiv { .. } => BinOp::FloorDiv,
                    Instr::Mod { .. } => BinOp::Mod,
                    Instr::BinOp { op, .. } => op,
                    _ => unreachable!(),
                };
                if let Some(v) = fast_binop(op, &regs[a as usize], &regs[b as usize]) {
                    put(interp, regs, dst, v);
                    break 'run None;
                }
                let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                let v = tri!('run, interp.binop(op, &va, &vb));
                drop((va, vb));
                put(interp, regs, dst, v);
            }
            Instr::InplaceAdd { dst, a, b }
            | Instr::InplaceSub { dst, a, b }
            | Instr::Inplace { dst, a, b, .. } => {
                let op = match ins {
                    Instr::InplaceAdd { .. } => BinOp::Add,
                    Instr::InplaceSub { .. } => BinOp::Sub,
                    Instr::Inplace { op, .. } => op,
                    _ => unreachable!(),
                };
                if let Some(v) = fast_binop(op, &regs[a as usize], &regs[b as usize]) {
                    put(interp, regs, dst, v);
                    break 'run None;
                }
                if op == BinOp::Add {
                    if let Some(r) = str_add_regs(interp, regs, dst, a, b, tb) {
                        tri!('run, r);
                        break 'run None;
                    }
                }
                let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                let v = tri!('run, interp.inplace_binop(op, &va, &vb));
                drop((va, vb));
                put(interp, regs, dst, v);
            }
            Instr::Unary { op, dst, src } => {
                // (`not` of a plain value and `-` of a small int are the
                // dispatch loop's.)
                let v = take(regs, src, tb);
                let r = tri!('run, interp.unary(op, &v));
                drop(v);
                put(interp, regs, dst, r);
            }
            Instr::Lt { dst, a, b }
            | Instr::Le { dst, a, b }
            | Instr::Gt { dst, a, b }
            | Instr::Ge { dst, a, b }
            | Instr::Eq { dst, a, b }
            | Instr::Ne { dst, a, b }
            | Instr::Compare { dst, a, b, .. } => {
                let op = match ins {
                    Instr::Lt { .. } => CmpOp::Lt,
                    Instr::Le { .. } => CmpOp::LtE,
                    Instr::Gt { .. } => CmpOp::Gt,
                    Instr::Ge { .. } => CmpOp::GtE,
                    Instr::Eq { .. } => CmpOp::Eq,
                    Instr::Ne { .. } => CmpOp::NotEq,
                    Instr::Compare { op, .. } => op,
                    _ => unreachable!(),
                };
                if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
                    if let Some(r) = fast_compare(&regs[a as usize], &regs[b as usize], op) {
                        // (Strs compare here too: temporaries are released.)
                        consume(interp, regs, a, tb);
                        consume(interp, regs, b, tb);
                        put(interp, regs, dst, Value::bool(r));
                        break 'run None;
                    }
                }
                let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                let v = tri!('run, interp.compare(op, &va, &vb));
                drop((va, vb));
                put(interp, regs, dst, v);
            }

            // ---- control flow ----
            Instr::Jump { target } => pc = target as usize,
            Instr::JumpIfFalse { cond, target }
            | Instr::JumpIfTrue { cond, target }
            | Instr::JumpIfFalseKeep { cond, target }
            | Instr::JumpIfTrueKeep { cond, target } => {
                let t = match fast_truthy(&regs[cond as usize]) {
                    Some(t) => t,
                    None => {
                        let v = regs[cond as usize].clone();
                        let t = tri!('run, interp.truthy(&v));
                        drop(v);
                        if matches!(ins, Instr::JumpIfFalse { .. } | Instr::JumpIfTrue { .. }) {
                            consume(interp, regs, cond, tb);
                        }
                        t
                    }
                };
                let jump_when =
                    matches!(ins, Instr::JumpIfTrue { .. } | Instr::JumpIfTrueKeep { .. });
                if t == jump_when {
                    pc = target as usize;
                }
            }
            Instr::JumpIfNotLt { a, b, target }
            | Instr::JumpIfNotLe { a, b, target }
            | Instr::JumpIfNotGt { a, b, target }
            | Instr::JumpIfNotGe { a, b, target }
            | Instr::JumpIfNotEq { a, b, target }
            | Instr::JumpIfNotNe { a, b, target } => {
                let op = match ins {
                    Instr::JumpIfNotLt { .. } => CmpOp::Lt,
                    Instr::JumpIfNotLe { .. } => CmpOp::LtE,
                    Instr::JumpIfNotGt { .. } => CmpOp::Gt,
                    Instr::JumpIfNotGe { .. } => CmpOp::GtE,
                    Instr::JumpIfNotEq { .. } => CmpOp::Eq,
                    _ => CmpOp::NotEq,
                };
                let holds = match fast_compare(&regs[a as usize], &regs[b as usize], op) {
                    Some(r) => {
                        consume(interp, regs, a, tb);
                        consume(interp, regs, b, tb);
                        r
                    }
                    None => {
                        let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                        let r = tri!('run, interp.compare(op, &va, &vb));
                        drop((va, vb));
                        let t = match fast_truthy(&r) {
                            Some(t) => t,
                            None => tri!('run, interp.truthy(&r)),
                        };
                        drop(r);
                        interp.run_finalizers();
                        t
                    }
                };
                if !holds {
                    pc = target as usize;
                }
            }
            Instr::JumpIfIs { a, b, target } | Instr::JumpIfIsNot { a, b, target } => {
                let (va, vb) = (take(regs, a, tb), take(regs, b, tb));
                let same = crate::runtime::ops::same_object(&va, &vb);
                drop((va, vb));
                interp.run_finalizers();
                if same == matches!(ins, Instr::JumpIfIs { .. }) {
                    pc = target as usize;
                }
            }
            Instr::GetIter { dst, src } => {
                let v = take(regs, src, tb);
                let it = tri!('run, interp.iter(&v));
                drop(v);
                put(interp, regs, dst, it);
            }
            Instr::ForIter { dst, iter, target } => {
                // Native iterators and generators were stepped by the
                // dispatch loop; everything else takes the general `next`.
                let it = regs[iter as usize].clone();
                let item = tri!('run, interp.next(&it));
                drop(it);
                match item {
                    Some(v) => put(interp, regs, dst, v),
                    None => {
                        consume(interp, regs, iter, tb);
                        pc = target as usize;
                    }
                }
            }
            Instr::Return { src, .. } => {
                let v = take(regs, src, tb);
                break 'run Some(Outcome::Return(v));
            }

            // ---- containers ----
            Instr::BuildTuple { dst, start, n } => {
                let t = Value::tuple_from_iter(take_each(regs, start, n, tb));
                put(interp, regs, dst, t);
            }
            Instr::BuildList { dst, start, n } => {
                let items = take_range(regs, start, n, tb);
                put(interp, regs, dst, Value::list(items));
            }
            Instr::BuildSet { dst, start, n } | Instr::BuildConstSet { dst, start, n } => {
                let items = take_range(regs, start, n, tb);
                let mut s = tri!('run, hash::build_set(interp, items));
                if matches!(ins, Instr::BuildConstSet { .. }) {
                    // CPython 3.11 builds such a display from a frozenset
                    // constant, which decides the iteration order.
                    let frozen = Value::obj(Obj::FrozenSet(s));
                    s = tri!('run, crate::runtime::methods::set_from_iterable(interp, &frozen));
                }
                put(interp, regs, dst, Value::obj(Obj::Set(RefCell::new(s))));
            }
            Instr::BuildDict { dst, start, n } => {
                let items = take_range(regs, start, 2 * n, tb);
                let d = hash::new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    tri!('run, hash::dict_set(interp, &d, k, v));
                }
                put(interp, regs, dst, d);
            }
            Instr::BuildSlice { dst, start } => {
                let parts = slice_parts(regs, start, tb);
                put(interp, regs, dst, Value::obj(Obj::Slice(Box::new(parts))));
            }
            Instr::BuildString { dst, start, n } => {
                let s = helpers::build_string(&regs[start as usize..(start + n) as usize]);
                for r in start..start + n {
                    consume(interp, regs, r, tb);
                }
                put(interp, regs, dst, s);
            }
            Instr::ListAppend { list, src } => {
                let v = take(regs, src, tb);
                if let Some(Obj::List(l)) = regs[list as usize].as_obj() {
                    l.borrow_mut().push(v);
                }
            }
            Instr::ListExtend { list, src } => {
                let v = take(regs, src, tb);
                let items = tri!('run, iter::collect(interp, &v));
                drop(v);
                if let Some(Obj::List(l)) = regs[list as usize].as_obj() {
                    l.borrow_mut().extend(items);
                }
            }
            Instr::SetAdd { set, src } => {
                let v = take(regs, src, tb);
                let s = regs[set as usize].clone();
                tri!('run, hash::set_add(interp, &s, v));
            }
            Instr::SetUpdate { set, src } => {
                let v = take(regs, src, tb);
                let s = regs[set as usize].clone();
                let items = tri!('run, iter::collect(interp, &v));
                drop(v);
                for x in items {
                    tri!('run, hash::set_add(interp, &s, x));
                }
            }
            Instr::DictInsert { dict, key, value } => {
                let k = take(regs, key, tb);
                let v = take(regs, value, tb);
                let d = regs[dict as usize].clone();
                tri!('run, hash::dict_set(interp, &d, k, v));
            }
            Instr::DictUpdate { dict, src } => {
                let m = take(regs, src, tb);
                let d = regs[dict as usize].clone();
                tri!('run, hash::dict_update_from(interp, &d, &m));
                drop(m);
            }
            Instr::ListToTuple { dst, src } => {
                let l = take(regs, src, tb);
                let items = match l.as_obj() {
                    Some(Obj::List(items)) => std::mem::take(&mut *items.borrow_mut()),
                    _ => Vec::new(),
                };
                drop(l);
                put(interp, regs, dst, Value::tuple(items));
            }
            Instr::GetItem { dst, obj, idx } => {
                if let Some(v) = fast_getitem(&regs[obj as usize], &regs[idx as usize]) {
                    consume(interp, regs, obj, tb);
                    put(interp, regs, dst, v);
                    break 'run None;
                }
                let (o, i) = (take(regs, obj, tb), take(regs, idx, tb));
                let v = tri!('run, interp.getitem(&o, &i));
                drop((o, i));
                put(interp, regs, dst, v);
            }
            Instr::GetSlice { dst, obj, start } => {
                let parts = slice_parts(regs, start, tb);
                let o = take(regs, obj, tb);
                let v = tri!('run, interp.get_slice(&o, parts));
                drop(o);
                put(interp, regs, dst, v);
            }
            Instr::SetItem { obj, idx, src } => {
                let v = take(regs, src, tb);
                let (o, i) = (take(regs, obj, tb), take(regs, idx, tb));
                if let (Some(Obj::List(l)), Some(k)) = (o.as_obj(), i.as_small_int()) {
                    let mut l = l.borrow_mut();
                    let len = l.len() as i64;
                    let k = if k < 0 { k + len } else { k };
                    if (0..len).contains(&k) {
                        let old = std::mem::replace(&mut l[k as usize], v);
                        drop(l);
                        drop(old);
                        drop((o, i));
                        break 'run None;
                    }
                    drop(l);
                }
                tri!('run, interp.setitem(&o, &i, v));
                drop((o, i));
            }
            Instr::DelItem { obj, idx } => {
                let (o, i) = (take(regs, obj, tb), take(regs, idx, tb));
                tri!('run, interp.delitem(&o, &i));
                drop((o, i));
            }
            Instr::GetAttr { dst, obj, name } => {
                let o = take(regs, obj, tb);
                let n = &code.names[name as usize];
                crate::runtime::attr::fill_attr_cache(&o, n, &code.attr_cache[name as usize]);
                let v = tri!('run, interp.getattr(&o, n));
                put(interp, regs, dst, v);
                release(interp, o);
            }
            Instr::SetAttr { obj, name, src } => {
                let v = take(regs, src, tb);
                let o = take(regs, obj, tb);
                let i = name as usize;
                let (key, hash) = &code.name_values[i];
                let cache = &code.attr_cache[i];
                match crate::runtime::attr::set_instance_attr_cached(&o, key, *hash, cache, v) {
                    Ok(old) => drop(old),
                    Err(v) => {
                        crate::runtime::attr::fill_attr_cache(&o, &code.names[i], cache);
                        tri!('run, interp.setattr(&o, &code.names[i], v));
                    }
                }
                drop(o);
            }
            Instr::DelAttr { obj, name } => {
                let o = take(regs, obj, tb);
                tri!('run, interp.delattr(&o, &code.names[name as usize]));
                drop(o);
            }
            Instr::Unpack { src, dst, n } => {
                let v = take(regs, src, tb);
                let d = dst as usize;
                let n = n as usize;
                // Tuples and lists of the right length unpack in place.
                let done = match v.as_obj() {
                    Some(Obj::Tuple(t)) if t.len() == n => {
                        regs[d..d + n].clone_from_slice(t);
                        true
                    }
                    Some(Obj::List(l)) if l.borrow().len() == n => {
                        regs[d..d + n].clone_from_slice(&l.borrow());
                        true
                    }
                    _ => false,
                };
                if !done {
                    let items = tri!('run, iter::unpack(interp, &v, n, false, 0));
                    for (i, x) in items.into_iter().enumerate() {
                        regs[d + i] = x;
                    }
                }
                drop(v);
            }
            Instr::UnpackStar {
                src,
                dst,
                before,
                after,
            } => {
                let v = take(regs, src, tb);
                let items = tri!('run, iter::unpack(
                    interp,
                    &v,
                    before as usize,
                    true,
                    after as usize
                ));
                drop(v);
                for (i, x) in items.into_iter().enumerate() {
                    regs[dst as usize + i] = x;
                }
            }
            Instr::FormatValue {
                dst,
                src,
                conv,
                spec,
            } => {
                let v = take(regs, src, tb);
                let s = if spec == NO_REG {
                    None
                } else {
                    Some(take(regs, spec, tb))
                };
                let r = tri!('run, helpers::format_value(interp, v, conv, s));
                put(interp, regs, dst, r);
            }

            // ---- calls ----
            Instr::Call { dst, func, argc } => {
                code.pos.set(code.positions[pc - 1]);
                let fv = std::mem::replace(&mut regs[func as usize], Value::UNBOUND);
                let first = func as usize + 1;
                if fast_callable(&fv, argc as usize) {
                    break 'run Some(Outcome::CallFast {
                        func: fv,
                        first: first as Reg,
                        argc,
                        dst,
                    });
                }
                // (A class whose `__init__` the loop can enter was
                // instantiated by the loop's inline case.)
                let r = invoke(interp, &fv, &regs[first..first + argc as usize], &[]);
                for r in first..first + argc as usize {
                    regs[r] = Value::UNBOUND;
                }
                drop(fv);
                match tri!('run, r) {
                    Invoke::Frame(mut nf) => {
                        nf.ret_dst = dst;
                        break 'run Some(Outcome::Call(Box::new(nf)));
                    }
                    Invoke::Done(v) => {
                        put_opt(interp, regs, dst, v);
                    }
                }
            }
            Instr::CallKw {
                dst,
                func,
                argc,
                kwnames,
            } => {
                code.pos.set(code.positions[pc - 1]);
                let names = &code.kwnames[kwnames as usize];
                let npos = argc as usize - names.len();
                let first = func as usize + 1;
                let fv = std::mem::replace(&mut regs[func as usize], Value::UNBOUND);
                let kw: Vec<(Name, Value)> = names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| {
                        (
                            n.clone(),
                            std::mem::replace(&mut regs[first + npos + i], Value::UNBOUND),
                        )
                    })
                    .collect();
                let r = invoke(interp, &fv, &regs[first..first + npos], &kw);
                for r in first..first + npos {
                    regs[r] = Value::UNBOUND;
                }
                drop((fv, kw));
                match tri!('run, r) {
                    Invoke::Frame(mut nf) => {
                        nf.ret_dst = dst;
                        break 'run Some(Outcome::Call(Box::new(nf)));
                    }
                    Invoke::Done(v) => {
                        put_opt(interp, regs, dst, v);
                    }
                }
            }
            Instr::CallEx {
                dst,
                func,
                args,
                kwargs,
            } => {
                code.pos.set(code.positions[pc - 1]);
                let fv = take(regs, func, tb);
                let a = take(regs, args, tb);
                let k = if kwargs == NO_REG {
                    None
                } else {
                    Some(take(regs, kwargs, tb))
                };
                let kw = match &k {
                    Some(d) => tri!('run, helpers::kwargs_of(interp, d)),
                    None => Vec::new(),
                };
                let pos: &[Value] = match a.as_obj() {
                    Some(Obj::Tuple(t)) => t,
                    _ => &[],
                };
                let r = invoke(interp, &fv, pos, &kw);
                drop((fv, a, k, kw));
                match tri!('run, r) {
                    Invoke::Frame(mut nf) => {
                        nf.ret_dst = dst;
                        break 'run Some(Outcome::Call(Box::new(nf)));
                    }
                    Invoke::Done(v) => {
                        put_opt(interp, regs, dst, v);
                    }
                }
            }
            Instr::CallMethod {
                dst,
                obj,
                argc,
                name,
            } => {
                code.pos.set(code.positions[pc - 1]);
                let first = obj as usize;
                let n = argc as usize;
                let attr = &code.names[name as usize];
                let (key, hash) = &code.name_values[name as usize];
                match method_lookup(interp, &regs[first], attr, key, *hash) {
                    Method::Function(func) => {
                        crate::runtime::attr::fill_method_cache(
                            &regs[first],
                            &func,
                            &code.method_cache[name as usize],
                        );
                        // Call with the object as the first argument.
                        if fast_callable(&func, n + 1) {
                            break 'run Some(Outcome::CallFast {
                                func,
                                first: first as Reg,
                                argc: argc + 1,
                                dst,
                            });
                        }
                        let r = invoke(interp, &func, &regs[first..first + n + 1], &[]);
                        for r in first..first + n + 1 {
                            regs[r] = Value::UNBOUND;
                        }
                        drop(func);
                        match tri!('run, r) {
                            Invoke::Frame(mut nf) => {
                                nf.ret_dst = dst;
                                break 'run Some(Outcome::Call(Box::new(nf)));
                            }
                            Invoke::Done(v) => {
                                put_opt(interp, regs, dst, v);
                            }
                        }
                    }
                    Method::Native(func) => {
                        crate::runtime::attr::fill_native_method_cache(
                            &regs[first],
                            func,
                            &code.method_cache[name as usize],
                        );
                        tri!(
                            'run,
                            super::dispatch::call_native(
                                interp,
                                regs,
                                func,
                                first..first + n + 1,
                                dst
                            )
                        );
                    }
                    found @ (Method::Plain(_) | Method::Attr) => {
                        let o = std::mem::replace(&mut regs[first], Value::UNBOUND);
                        let m = match found {
                            Method::Plain(m) => m,
                            _ => tri!('run, interp.getattr(&o, attr)),
                        };
                        drop(o);
                        if fast_callable(&m, n) {
                            break 'run Some(Outcome::CallFast {
                                func: m,
                                first: first as Reg + 1,
                                argc,
                                dst,
                            });
                        }
                        let r = invoke(interp, &m, &regs[first + 1..first + 1 + n], &[]);
                        for r in first + 1..first + 1 + n {
                            regs[r] = Value::UNBOUND;
                        }
                        drop(m);
                        match tri!('run, r) {
                            Invoke::Frame(mut nf) => {
                                nf.ret_dst = dst;
                                break 'run Some(Outcome::Call(Box::new(nf)));
                            }
                            Invoke::Done(v) => {
                                put_opt(interp, regs, dst, v);
                            }
                        }
                    }
                }
            }
            Instr::SuperZero {
                dst,
                class_cell,
                first,
            } => {
                let firstv = if first == NO_REG {
                    None
                } else {
                    Some(&regs[first as usize])
                };
                let v = tri!('run, helpers::super_zero(interp, &regs[class_cell as usize], firstv));
                put(interp, regs, dst, v);
            }
            Instr::Locals { dst, func } => {
                let fv = take(regs, func, tb);
                let is_builtin = interp.builtin("locals").is_some_and(|l| l.is(&fv));
                let v = if is_builtin {
                    helpers::frame_locals(code, ns_opt, regs)
                } else {
                    code.pos.set(code.positions[pc - 1]);
                    match tri!('run, invoke(interp, &fv, &[], &[])) {
                        Invoke::Frame(mut nf) => {
                            nf.ret_dst = dst;
                            break 'run Some(Outcome::Call(Box::new(nf)));
                        }
                        Invoke::Done(v) => v,
                    }
                };
                drop(fv);
                put(interp, regs, dst, v);
            }
            Instr::MakeFunction {
                dst,
                code: ci,
                defaults,
            } => {
                let c = &code.codes[ci as usize];
                let npos = c.n_pos_defaults as usize;
                let mut d = Vec::with_capacity(npos);
                let mut kwd = Vec::with_capacity(c.kwdefault_names.len());
                if defaults != NO_REG {
                    for i in 0..npos {
                        d.push(take(regs, defaults + i as Reg, tb));
                    }
                    for (j, n) in c.kwdefault_names.iter().enumerate() {
                        kwd.push((n.clone(), take(regs, defaults + (npos + j) as Reg, tb)));
                    }
                }
                let closure: Vec<Value> = c
                    .closure_regs
                    .iter()
                    .map(|&r| regs[r as usize].clone())
                    .collect();
                let fv = helpers::make_function(c, globals, d, kwd, closure);
                put(interp, regs, dst, fv);
            }
            Instr::MakeClass {
                dst,
                code: ci,
                bases,
                nbases,
            } => {
                let c = code.codes[ci as usize].clone();
                let bases: Vec<Value> = if nbases == u16::MAX {
                    let t = take(regs, bases, tb);
                    match t.as_obj() {
                        Some(Obj::Tuple(items)) => items.to_vec(),
                        _ => Vec::new(),
                    }
                } else {
                    take_range(regs, bases, nbases, tb)
                };
                let closure: Vec<Value> = c
                    .closure_regs
                    .iter()
                    .map(|&r| regs[r as usize].clone())
                    .collect();
                code.pos.set(code.positions[pc - 1]);
                let globals = globals.clone();
                let cls = tri!('run, helpers::make_class(interp, &c, &globals, bases, closure));
                put(interp, regs, dst, cls);
            }

            // ---- generators ----
            Instr::Yield { src, .. } => {
                let v = take(regs, src, tb);
                break 'run Some(Outcome::Yield(v));
            }
            Instr::YieldFrom { dst, iter } => {
                match yield_from_step(interp, regs, dst, iter, tb, Resume::Send(Value::NONE)) {
                    Ok(Some(v)) => break 'run Some(Outcome::Yield(v)),
                    Ok(None) => {}
                    Err(e) => break 'run Some(Outcome::Reraise(e)),
                }
            }

            // ---- exceptions ----
            Instr::Raise { exc, cause } => {
                let e = if exc == NO_REG {
                    None
                } else {
                    Some(take(regs, exc, tb))
                };
                let c = if cause == NO_REG {
                    None
                } else {
                    Some(take(regs, cause, tb))
                };
                break 'run Some(Outcome::Error(helpers::raise(interp, e, c)));
            }
            Instr::Reraise { exc } => {
                let e = std::mem::replace(&mut regs[exc as usize], Value::UNBOUND);
                break 'run Some(Outcome::Reraise(PyErr(e)));
            }
            Instr::ReraiseWithContext { exc, ctx } => {
                let e = std::mem::replace(&mut regs[exc as usize], Value::UNBOUND);
                exceptions::chain_context(&e, &regs[ctx as usize]);
                break 'run Some(Outcome::Reraise(PyErr(e)));
            }
            Instr::RaiseAssert { msg } => {
                let m = if msg == NO_REG {
                    None
                } else {
                    Some(take(regs, msg, tb))
                };
                break 'run Some(Outcome::Error(helpers::assertion_error(interp, m)));
            }
            Instr::ExcMatch { dst, exc, typ } => {
                let t = take(regs, typ, tb);
                let e = regs[exc as usize].clone();
                let m = tri!('run, exceptions::matches(interp, &e, &t));
                drop((t, e));
                put(interp, regs, dst, Value::bool(m));
            }
            Instr::PushHandled { exc } => {
                interp.handled.push(regs[exc as usize].clone());
            }
            Instr::PopHandled => {
                let old = interp.handled.pop();
                drop(old);
            }
            Instr::WithEnter { dst, mgr, exit } => {
                code.pos.set(code.positions[pc - 1]);
                let m = regs[mgr as usize].clone();
                let (enter, x) = tri!('run, helpers::with_methods(interp, &m));
                regs[exit as usize] = x;
                if fast_callable(&enter, 1) {
                    break 'run Some(Outcome::CallArgs {
                        func: enter,
                        arg: mgr,
                        take: false,
                        argc: 1,
                        dst,
                    });
                }
                let v = tri!('run, interp.call(&enter, std::slice::from_ref(&m), &[]));
                drop((m, enter));
                put_opt(interp, regs, dst, v);
            }
            Instr::WithExit { mgr, exit } => {
                code.pos.set(code.positions[pc - 1]);
                let x = take(regs, exit, tb);
                if fast_callable(&x, 4) {
                    break 'run Some(Outcome::CallArgs {
                        func: x,
                        arg: mgr,
                        take: mgr >= tb,
                        argc: 4,
                        dst: NO_REG,
                    });
                }
                let m = take(regs, mgr, tb);
                let r = interp.call(&x, &[m, Value::NONE, Value::NONE, Value::NONE], &[]);
                drop(x);
                tri!('run, r);
            }
            Instr::WithExitExc {
                dst,
                mgr,
                exit,
                exc,
            } => {
                code.pos.set(code.positions[pc - 1]);
                let m = take(regs, mgr, tb);
                let x = take(regs, exit, tb);
                let e = regs[exc as usize].clone();
                let r = helpers::with_exit_exc(interp, m, &x, &e);
                drop((x, e));
                let sup = tri!('run, r);
                put(interp, regs, dst, Value::bool(sup));
            }

            // ---- imports ----
            Instr::Import { dst, name, top } => {
                code.pos.set(code.positions[pc - 1]);
                let full = &code.names[name as usize];
                let mut m = tri!('run, helpers::import(interp, full));
                if top {
                    let t = full.split('.').next().unwrap_or(full);
                    if t.len() != full.len() {
                        m = tri!('run, helpers::import(interp, t));
                    }
                }
                put(interp, regs, dst, m);
            }
            Instr::ImportFrom {
                dst,
                module,
                name,
                modname,
            } => {
                let m = regs[module as usize].clone();
                let v = tri!('run, helpers::import_from(
                    interp,
                    &m,
                    &code.names[name as usize],
                    &code.names[modname as usize]
                ));
                drop(m);
                put(interp, regs, dst, v);
            }
            Instr::ImportStar { module } => {
                let m = take(regs, module, tb);
                let names = tri!('run, crate::runtime::import::star_names(interp, &m));
                let ns = ns_opt.unwrap_or(globals);
                for (n, v) in names {
                    helpers::store_in(ns, &n, v);
                }
                drop(m);
            }
        }
        break 'run None;
    };
    // Every instruction here ends at a safe point: what it dropped itself
    // (an operand taken out of a temporary) may have queued a `__del__`,
    // which CPython would have run by now.
    interp.run_finalizers();
    *pc_io = pc;
    out
}

/// The lower, upper and step of a slice from registers `start..start + 3`.
fn slice_parts(regs: &mut [Value], start: Reg, tb: Reg) -> [Value; 3] {
    [
        take(regs, start, tb),
        take(regs, start + 1, tb),
        take(regs, start + 2, tb),
    ]
}
