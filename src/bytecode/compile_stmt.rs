//! Lowering statements, including the explicit control flow of loops,
//! `try/except/else/finally` and `with`.
//!
//! `return`, `break` and `continue` leave enclosing blocks through compiled
//! paths: the compiler walks its block stack (`FBlock`s) from the inside
//! out and emits, inline, what leaving each block requires — the
//! `finally` body, `__exit__(None, None, None)` of a `with`, popping the
//! exception being handled, dropping a loop's iterator — with the handler
//! stack set to the one outside that block, so an exception raised on the
//! way out is handled where it would be in CPython.
//!
//! Exceptional paths use protected ranges (see `code::Handler`):
//! - `try` body → handler dispatch: match each `except` clause in order,
//!   bind the name, run the body with the exception pushed on the
//!   interpreter's handled stack; an exception escaping the body gets the
//!   handled one as `__context__`; no match re-raises unchanged.
//! - `finally` → the body runs once inline on the normal path, and again
//!   on the exceptional path (with the pending exception pushed as being
//!   handled), which re-raises afterwards.
//! - `with` body → `__exit__(type, exc, tb)`; a true result suppresses.

use super::code::CodeKind;
use super::compiler::{FBlock, Flow, FnCompiler, NameLoc};
use super::instr::{Instr, Reg, NO_REG};
use crate::syntax::ast::*;
use crate::syntax::scope::ScopeKind;

/// Saved compiler state while emitting an unwinding path.
pub struct Unwound<'a> {
    handler_stack: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
}

impl<'a> FnCompiler<'a> {
    pub fn block(&mut self, body: &'a [Stmt]) -> super::compiler::CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> super::compiler::CResult<()> {
        self.pos = s.span.start;
        let m = self.mark();
        match &s.kind {
            StmtKind::Expr(e) if self.interactive => {
                let r = self.operand(e)?;
                self.emit(Instr::Yield {
                    dst: NO_REG,
                    src: r,
                });
            }
            StmtKind::Expr(e) => self.expr_discard(e)?,
            StmtKind::Assign { targets, value } => {
                if let [t] = &targets[..] {
                    if let ExprKind::Name(n) = &t.kind {
                        if let NameLoc::Local(r) = self.resolve(n) {
                            self.expr_into(value, r)?;
                            self.set_bound(r);
                            self.release(m);
                            return Ok(());
                        }
                    }
                }
                if let [t] = &targets[..] {
                    if self.parallel_assign(t, value)? {
                        self.release(m);
                        return Ok(());
                    }
                }
                let v = self.operand(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n && self.is_temp(v) {
                        let c = self.temp()?;
                        self.emit(Instr::Copy { dst: c, src: v });
                        self.assign(t, c)?;
                    } else {
                        self.assign(t, v)?;
                    }
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_stmt()?,
            StmtKind::Continue => self.continue_stmt()?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref())?,
            StmtKind::Raise { exc, cause } => {
                let e = match exc {
                    Some(x) => self.operand(x)?,
                    None => NO_REG,
                };
                let c = match cause {
                    Some(x) => self.operand(x)?,
                    None => NO_REG,
                };
                self.emit(Instr::Raise { exc: e, cause: c });
                self.set_unreachable();
            }
            StmtKind::Assert { test, msg } => {
                let ok = self.new_label();
                let before = self.flow.clone();
                self.cond_jump(test, true, ok)?;
                let r = match msg {
                    Some(x) => self.operand(x)?,
                    None => NO_REG,
                };
                self.emit(Instr::RaiseAssert { msg: r });
                self.bind(ok);
                self.flow = before;
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let t = self.temp()?;
                    let name = self.name_index(&a.name)?;
                    match &a.asname {
                        Some(n) => {
                            self.emit(Instr::Import {
                                dst: t,
                                name,
                                top: false,
                            });
                            self.store_name(n, t)?;
                        }
                        None => {
                            self.emit(Instr::Import {
                                dst: t,
                                name,
                                top: true,
                            });
                            let top = a.name.split('.').next().unwrap_or(&a.name);
                            self.store_name(top, t)?;
                        }
                    }
                    self.release(m);
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                star,
                ..
            } => {
                let mname = module.as_deref().unwrap_or("");
                let modname = self.name_index(mname)?;
                let mreg = self.temp()?;
                self.emit(Instr::Import {
                    dst: mreg,
                    name: modname,
                    top: false,
                });
                if *star {
                    self.emit(Instr::ImportStar { module: mreg });
                } else {
                    for a in names {
                        let mm = self.mark();
                        let t = self.temp()?;
                        let name = self.name_index(&a.name)?;
                        self.emit(Instr::ImportFrom {
                            dst: t,
                            module: mreg,
                            name,
                            modname,
                        });
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name), t)?;
                        self.release(mm);
                    }
                    self.emit(Instr::Clear { reg: mreg });
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_l = self.new_label();
                self.cond_jump(test, false, else_l)?;
                let entry = self.flow.clone();
                self.block(body)?;
                if orelse.is_empty() {
                    self.bind(else_l);
                    self.flow = Flow::join(&self.flow, &entry);
                } else {
                    let end = self.new_label();
                    let after_body = self.flow.clone();
                    self.jump(end);
                    self.bind(else_l);
                    self.flow = entry;
                    self.block(orelse)?;
                    self.bind(end);
                    self.flow = Flow::join(&after_body, &self.flow);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                let entry = self.flow.clone();
                self.bind(top);
                self.pos = s.span.start;
                self.cond_jump(test, false, else_l)?;
                let depth = self.handler_stack.len();
                self.fblocks.push(FBlock::Loop {
                    cont: top,
                    brk: end,
                    iter: None,
                    handler_depth: depth,
                });
                self.block(body)?;
                self.fblocks.pop();
                self.pos = s.span.start;
                self.jump(top);
                self.bind(else_l);
                self.flow = entry.clone();
                self.block(orelse)?;
                self.bind(end);
                self.flow = entry;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(s.span.start, target, iter, body, orelse)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(s.span.start, body, handlers, orelse, finalbody)?,
            StmtKind::With { items, body } => self.with_stmt(s.span.start, items, body)?,
            StmtKind::FunctionDef(def) => {
                let ndec = def.decorators.len();
                let dec = self.temps(ndec)?;
                for (i, d) in def.decorators.iter().enumerate() {
                    self.expr_into(d, dec + i as Reg)?;
                }
                let f = self.temp()?;
                self.make_function(def, f)?;
                self.apply_decorators(dec, ndec)?;
                self.pos = s.span.start;
                self.store_name(&def.name, dec)?;
            }
            StmtKind::ClassDef(c) => self.class_def(c)?,
        }
        self.release(m);
        Ok(())
    }

    /// Apply the decorators in `dec..dec+n` (the decorated object is in
    /// `dec+n`) innermost first; the result ends in `dec`.
    fn apply_decorators(&mut self, dec: Reg, n: usize) -> super::compiler::CResult<()> {
        for i in (0..n).rev() {
            let r = dec + i as Reg;
            self.emit(Instr::Call {
                dst: r,
                func: r,
                argc: 1,
            });
        }
        Ok(())
    }

    fn class_def(&mut self, c: &'a ClassDef) -> super::compiler::CResult<()> {
        let ndec = c.decorators.len();
        let dec = self.temps(ndec)?;
        for (i, d) in c.decorators.iter().enumerate() {
            self.expr_into(d, dec + i as Reg)?;
        }
        let cls = self.temp()?;
        let m = self.mark();
        let starred = c.bases.iter().any(|a| matches!(a, Arg::Starred(_)));
        for a in &c.bases {
            if matches!(a, Arg::Keyword(..) | Arg::DoubleStarred(_)) {
                return Err(self.error("class keyword arguments are not supported"));
            }
        }
        let (bases, nbases) = if starred {
            let t = self.temp()?;
            self.emit(Instr::BuildList {
                dst: t,
                start: 0,
                n: 0,
            });
            for a in &c.bases {
                let mm = self.mark();
                match a {
                    Arg::Positional(e) => {
                        let v = self.operand(e)?;
                        self.emit(Instr::ListAppend { list: t, src: v });
                    }
                    Arg::Starred(e) => {
                        let v = self.operand(e)?;
                        self.emit(Instr::ListExtend { list: t, src: v });
                    }
                    _ => {}
                }
                self.release(mm);
            }
            self.emit(Instr::ListToTuple { dst: t, src: t });
            (t, u16::MAX)
        } else {
            let n = c.bases.len();
            let b = self.temps(n)?;
            for (i, a) in c.bases.iter().enumerate() {
                if let Arg::Positional(e) = a {
                    self.expr_into(e, b + i as Reg)?;
                }
            }
            (b, n as u16)
        };
        let code = self.compile_class(c)?;
        let code = self.add_code(code)?;
        self.pos = c.span.start;
        self.emit(Instr::MakeClass {
            dst: cls,
            code,
            bases,
            nbases,
        });
        self.release(m);
        self.apply_decorators(dec, ndec)?;
        self.store_name(&c.name, dec)
    }

    fn for_stmt(
        &mut self,
        pos: u32,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> super::compiler::CResult<()> {
        let m = self.mark();
        let it = self.temp()?;
        self.expr_into(iter, it)?;
        self.emit(Instr::GetIter { dst: it, src: it });
        let top = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        let entry = self.flow.clone();
        self.bind(top);
        self.pos = pos;
        let mm = self.mark();
        match self.simple_local(target) {
            Some(r) => {
                self.emit_jump(
                    Instr::ForIter {
                        dst: r,
                        iter: it,
                        target: 0,
                    },
                    else_l,
                );
                self.set_bound(r);
            }
            None => {
                let t = self.temp()?;
                self.emit_jump(
                    Instr::ForIter {
                        dst: t,
                        iter: it,
                        target: 0,
                    },
                    else_l,
                );
                self.assign(target, t)?;
            }
        }
        self.release(mm);
        let depth = self.handler_stack.len();
        self.fblocks.push(FBlock::Loop {
            cont: top,
            brk: end,
            iter: Some(it),
            handler_depth: depth,
        });
        self.block(body)?;
        self.fblocks.pop();
        self.pos = pos;
        self.jump(top);
        // ForIter cleared the exhausted iterator.
        self.bind(else_l);
        self.flow = entry.clone();
        self.block(orelse)?;
        self.bind(end);
        self.flow = entry;
        self.release(m);
        Ok(())
    }

    /// The register of a target that is a plain local name.
    pub fn simple_local(&self, target: &Expr) -> Option<Reg> {
        match &target.kind {
            ExprKind::Name(n) => match self.resolve(n) {
                NameLoc::Local(r) => Some(r),
                _ => None,
            },
            _ => None,
        }
    }

    fn try_stmt(
        &mut self,
        pos: u32,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> super::compiler::CResult<()> {
        if finalbody.is_empty() {
            return self.try_except(pos, body, handlers, orelse);
        }
        let m = self.mark();
        let fin_exc = self.temp()?;
        let f_label = self.new_label();
        let end = self.new_label();
        let depth = self.handler_stack.len();
        let entry = self.flow.clone();
        self.push_handler(f_label, fin_exc);
        self.fblocks.push(FBlock::Finally {
            body: finalbody,
            handler_depth: depth,
        });
        if handlers.is_empty() {
            self.block(body)?;
            self.block(orelse)?;
        } else {
            self.try_except(pos, body, handlers, orelse)?;
        }
        self.fblocks.pop();
        self.pop_handler();
        // Normal exit: the finally body inline.
        self.block(finalbody)?;
        let after = self.flow.clone();
        self.jump(end);
        // Exceptional exit: run it with the exception pending, re-raise.
        self.bind(f_label);
        self.pos = pos;
        self.flow = entry;
        self.emit(Instr::PushHandled { exc: fin_exc });
        let cleanup = self.new_label();
        let mm = self.mark();
        let c_exc = self.temp()?;
        self.push_handler(cleanup, c_exc);
        self.fblocks.push(FBlock::FinallyExc {
            exc: fin_exc,
            handler_depth: depth,
        });
        self.block(finalbody)?;
        self.fblocks.pop();
        self.pop_handler();
        self.emit(Instr::PopHandled);
        self.emit(Instr::Reraise { exc: fin_exc });
        self.bind(cleanup);
        self.emit(Instr::PopHandled);
        self.emit(Instr::ReraiseWithContext {
            exc: c_exc,
            ctx: fin_exc,
        });
        self.release(mm);
        self.bind(end);
        self.flow = after;
        self.release(m);
        Ok(())
    }

    fn try_except(
        &mut self,
        pos: u32,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> super::compiler::CResult<()> {
        let m = self.mark();
        let exc = self.temp()?;
        let h_label = self.new_label();
        let end = self.new_label();
        let depth = self.handler_stack.len();
        let entry = self.flow.clone();
        self.push_handler(h_label, exc);
        self.block(body)?;
        self.pop_handler();
        self.block(orelse)?;
        let mut out = self.flow.clone();
        self.jump(end);
        self.bind(h_label);
        for h in handlers {
            self.flow = entry.clone();
            self.pos = h.span.start;
            let next = self.new_label();
            if let Some(t) = &h.typ {
                let mm = self.mark();
                let tr = self.operand(t)?;
                let b = self.temp()?;
                self.emit(Instr::ExcMatch {
                    dst: b,
                    exc,
                    typ: tr,
                });
                self.emit_jump(Instr::JumpIfFalse { cond: b, target: 0 }, next);
                self.release(mm);
            }
            if let Some(n) = &h.name {
                let mm = self.mark();
                let t = self.temp()?;
                self.emit(Instr::Copy { dst: t, src: exc });
                self.store_name(n, t)?;
                self.release(mm);
            }
            self.emit(Instr::PushHandled { exc });
            let cleanup = self.new_label();
            let mm = self.mark();
            let c_exc = self.temp()?;
            self.push_handler(cleanup, c_exc);
            self.fblocks.push(FBlock::Handler {
                exc,
                name: h.name.clone(),
                handler_depth: depth,
            });
            self.block(&h.body)?;
            self.fblocks.pop();
            self.pop_handler();
            self.emit(Instr::PopHandled);
            self.unbind_quiet(h.name.as_deref())?;
            self.emit(Instr::Clear { reg: exc });
            out = Flow::join(&out, &self.flow);
            self.jump(end);
            self.bind(cleanup);
            self.pos = h.span.start;
            self.emit(Instr::PopHandled);
            self.unbind_quiet(h.name.as_deref())?;
            self.emit(Instr::ReraiseWithContext {
                exc: c_exc,
                ctx: exc,
            });
            self.release(mm);
            self.bind(next);
        }
        self.pos = pos;
        self.emit(Instr::Reraise { exc });
        self.bind(end);
        self.flow = out;
        self.release(m);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        pos: u32,
        items: &'a [WithItem],
        body: &'a [Stmt],
    ) -> super::compiler::CResult<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.block(body);
        };
        let m = self.mark();
        self.pos = pos;
        let mgr = self.temp()?;
        self.expr_into(&first.context, mgr)?;
        let exit = self.temp()?;
        let val = if first.target.is_some() {
            self.temp()?
        } else {
            NO_REG
        };
        self.pos = pos;
        self.emit(Instr::WithEnter {
            dst: val,
            mgr,
            exit,
        });
        if let Some(t) = &first.target {
            self.assign(t, val)?;
        }
        let entry = self.flow.clone();
        let exc = self.temp()?;
        let w = self.new_label();
        let end = self.new_label();
        let depth = self.handler_stack.len();
        self.push_handler(w, exc);
        self.fblocks.push(FBlock::With {
            mgr,
            exit,
            handler_depth: depth,
        });
        self.with_stmt(pos, rest, body)?;
        self.fblocks.pop();
        self.pop_handler();
        self.pos = pos;
        self.emit(Instr::WithExit { mgr, exit });
        let after = self.flow.clone();
        self.jump(end);
        self.bind(w);
        self.flow = entry.clone();
        let sup = self.temp()?;
        self.emit(Instr::WithExitExc {
            dst: sup,
            mgr,
            exit,
            exc,
        });
        let suppressed = self.new_label();
        self.emit_jump(
            Instr::JumpIfTrue {
                cond: sup,
                target: 0,
            },
            suppressed,
        );
        self.emit(Instr::Reraise { exc });
        self.bind(suppressed);
        self.emit(Instr::Clear { reg: exc });
        self.bind(end);
        self.flow = Flow::join(&after, &entry);
        self.release(m);
        Ok(())
    }

    // ---- leaving blocks ----

    /// Emit what leaving the blocks `stop..` (innermost first) requires.
    /// Returns the state to `restore` once the final jump is emitted.
    fn unwind(&mut self, stop: usize) -> super::compiler::CResult<Unwound<'a>> {
        let saved = Unwound {
            handler_stack: self.handler_stack.clone(),
            fblocks: self.fblocks.clone(),
        };
        let mut i = self.fblocks.len();
        while i > stop {
            i -= 1;
            let b = self.fblocks[i].clone();
            self.handler_stack.truncate(b.handler_depth());
            match b {
                FBlock::Loop { iter, .. } => {
                    if let Some(it) = iter {
                        self.emit(Instr::Clear { reg: it });
                    }
                }
                FBlock::Finally { body, .. } => {
                    self.fblocks.truncate(i);
                    let pos = self.pos;
                    self.block(body)?;
                    self.pos = pos;
                }
                FBlock::FinallyExc { exc, .. } => {
                    self.emit(Instr::PopHandled);
                    self.emit(Instr::Clear { reg: exc });
                }
                FBlock::Handler { exc, name, .. } => {
                    self.emit(Instr::PopHandled);
                    self.unbind_quiet(name.as_deref())?;
                    self.emit(Instr::Clear { reg: exc });
                }
                FBlock::With { mgr, exit, .. } => {
                    self.emit(Instr::WithExit { mgr, exit });
                }
            }
        }
        Ok(saved)
    }

    fn restore(&mut self, saved: Unwound<'a>) {
        self.handler_stack = saved.handler_stack;
        self.fblocks = saved.fblocks;
    }

    fn return_stmt(&mut self, v: Option<&'a Expr>) -> super::compiler::CResult<()> {
        let needs_unwind = self
            .fblocks
            .iter()
            .any(|b| !matches!(b, FBlock::Loop { .. }));
        let r = match v {
            None => self.none_reg(),
            Some(e) if !needs_unwind => self.operand(e)?,
            Some(e) => {
                // The value must survive the inlined finally bodies.
                match super::fold::fold(e).and_then(|c| self.const_reg(&c)) {
                    Some(r) => r,
                    None => {
                        let t = self.temp()?;
                        self.expr_into(e, t)?;
                        t
                    }
                }
            }
        };
        if needs_unwind {
            let saved = self.unwind(0)?;
            self.emit_return(r);
            self.restore(saved);
        } else {
            self.emit_return(r);
        }
        self.set_unreachable();
        Ok(())
    }

    fn innermost_loop(&self, what: &str) -> super::compiler::CResult<usize> {
        self.fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::Loop { .. }))
            .ok_or_else(|| self.error(format!("'{what}' outside loop")))
    }

    fn break_stmt(&mut self) -> super::compiler::CResult<()> {
        let i = self.innermost_loop("break")?;
        let FBlock::Loop { brk, iter, .. } = self.fblocks[i].clone() else {
            unreachable!()
        };
        let saved = self.unwind(i + 1)?;
        if let Some(it) = iter {
            self.emit(Instr::Clear { reg: it });
        }
        self.jump(brk);
        self.restore(saved);
        self.set_unreachable();
        Ok(())
    }

    fn continue_stmt(&mut self) -> super::compiler::CResult<()> {
        let i = self.innermost_loop("continue")?;
        let FBlock::Loop { cont, .. } = self.fblocks[i].clone() else {
            unreachable!()
        };
        let saved = self.unwind(i + 1)?;
        self.jump(cont);
        self.restore(saved);
        self.set_unreachable();
        Ok(())
    }

    // ---- names and targets ----

    /// Store `src` (consumed if a temporary) in a name.
    pub fn store_name(&mut self, n: &str, src: Reg) -> super::compiler::CResult<()> {
        match self.resolve(n) {
            NameLoc::Local(r) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
                self.set_bound(r);
            }
            NameLoc::Cell(r) | NameLoc::Free(r) => {
                self.emit(Instr::StoreCell { cell: r, src });
            }
            NameLoc::Global => {
                let name = self.name_index(n)?;
                self.emit(Instr::StoreGlobal { name, src });
            }
            NameLoc::Name => {
                let name = self.name_index(n)?;
                self.emit(Instr::StoreName { name, src });
            }
        }
        Ok(())
    }

    /// Unbind a name if it is bound (the end of `except … as name`).
    fn unbind_quiet(&mut self, n: Option<&str>) -> super::compiler::CResult<()> {
        let Some(n) = n else { return Ok(()) };
        match self.resolve(n) {
            NameLoc::Local(r) => {
                self.emit(Instr::Clear { reg: r });
            }
            NameLoc::Cell(r) | NameLoc::Free(r) => {
                let name = self.name_index(n)?;
                self.emit(Instr::DeleteCell {
                    cell: r,
                    name,
                    quiet: true,
                });
            }
            NameLoc::Global => {
                let name = self.name_index(n)?;
                self.emit(Instr::DeleteGlobal { name, quiet: true });
            }
            NameLoc::Name => {
                let name = self.name_index(n)?;
                self.emit(Instr::DeleteName { name, quiet: true });
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> super::compiler::CResult<()> {
        let m = self.mark();
        match &t.kind {
            ExprKind::Name(n) => {
                let name = self.name_index(n)?;
                match self.resolve(n) {
                    NameLoc::Local(r) => {
                        self.emit(Instr::DeleteFast { reg: r, name });
                    }
                    NameLoc::Cell(r) => {
                        self.emit(Instr::DeleteCell {
                            cell: r,
                            name,
                            quiet: false,
                        });
                    }
                    NameLoc::Free(r) => {
                        // A free variable's message is the NameError one.
                        self.emit(Instr::DeleteCell {
                            cell: r,
                            name,
                            quiet: false,
                        });
                    }
                    NameLoc::Global => {
                        self.emit(Instr::DeleteGlobal { name, quiet: false });
                    }
                    NameLoc::Name => {
                        self.emit(Instr::DeleteName { name, quiet: false });
                    }
                }
            }
            ExprKind::Attribute { value, attr } => {
                let o = self.operand(value)?;
                let name = self.name_index(attr)?;
                self.emit(Instr::DelAttr { obj: o, name });
            }
            ExprKind::Subscript { value, index } => {
                let o = self.operand(value)?;
                let i = self.operand(index)?;
                self.emit(Instr::DelItem { obj: o, idx: i });
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(self.error("cannot delete expression")),
        }
        self.release(m);
        Ok(())
    }

    /// `a, b = x, y` (no starred items, equal lengths): evaluate the right
    /// side into temporaries, then assign them in order, without building
    /// and unpacking a tuple (as CPython does). Returns false when the
    /// statement has another shape.
    fn parallel_assign(&mut self, t: &'a Expr, value: &'a Expr) -> super::compiler::CResult<bool> {
        let (ExprKind::Tuple(ts) | ExprKind::List(ts), ExprKind::Tuple(vs)) =
            (&t.kind, &value.kind)
        else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
        if ts.len() != vs.len() || ts.iter().any(starred) || vs.iter().any(starred) {
            return Ok(false);
        }
        let base = self.temps(vs.len())?;
        for (i, x) in vs.iter().enumerate() {
            self.expr_into(x, base + i as Reg)?;
        }
        for (i, item) in ts.iter().enumerate() {
            self.assign(item, base + i as Reg)?;
        }
        Ok(true)
    }

    /// Assign the value in `src` (consumed if a temporary) to a target.
    pub fn assign(&mut self, t: &'a Expr, src: Reg) -> super::compiler::CResult<()> {
        let m = self.mark();
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n, src)?,
            ExprKind::Attribute { value, attr } => {
                let o = self.operand(value)?;
                let name = self.name_index(attr)?;
                self.emit(Instr::SetAttr { obj: o, name, src });
            }
            ExprKind::Subscript { value, index } => {
                let o = self.operand(value)?;
                let i = self.operand(index)?;
                self.emit(Instr::SetItem {
                    obj: o,
                    idx: i,
                    src,
                });
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let n = items.len();
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                if star.is_none() {
                    if let Some(first) = self.consecutive_locals(items) {
                        if !(first..first + n as Reg).contains(&src) {
                            self.emit(Instr::Unpack {
                                src,
                                dst: first,
                                n: n as u16,
                            });
                            for r in first..first + n as Reg {
                                self.set_bound(r);
                            }
                            self.release(m);
                            return Ok(());
                        }
                    }
                }
                let base = self.temps(n)?;
                match star {
                    None => {
                        self.emit(Instr::Unpack {
                            src,
                            dst: base,
                            n: n as u16,
                        });
                    }
                    Some(p) => {
                        self.emit(Instr::UnpackStar {
                            src,
                            dst: base,
                            before: p as u16,
                            after: (n - p - 1) as u16,
                        });
                    }
                }
                for (i, item) in items.iter().enumerate() {
                    let item = match &item.kind {
                        ExprKind::Starred(inner) => &**inner,
                        _ => item,
                    };
                    self.assign(item, base + i as Reg)?;
                }
            }
            ExprKind::Starred(_) => {
                return Err(self.error("starred assignment target must be in a list or tuple"))
            }
            _ => return Err(self.error("cannot assign to expression")),
        }
        self.release(m);
        Ok(())
    }

    /// The first register when the targets are plain locals in
    /// consecutive registers (`left, right = node`, in the order they
    /// were first bound): an `Unpack` can then write them directly. (It
    /// assigns nothing unless the length is right, as CPython.)
    fn consecutive_locals(&mut self, items: &[Expr]) -> Option<Reg> {
        let mut first = None;
        for (i, item) in items.iter().enumerate() {
            let ExprKind::Name(n) = &item.kind else {
                return None;
            };
            let NameLoc::Local(r) = self.resolve(n) else {
                return None;
            };
            match first {
                None => first = Some(r),
                Some(f) if r == f + i as Reg => {}
                Some(_) => return None,
            }
        }
        first
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> super::compiler::CResult<()> {
        let m = self.mark();
        match &target.kind {
            ExprKind::Name(n) => match self.resolve(n) {
                NameLoc::Local(r) => {
                    let cur = self.operand(target)?;
                    let b = self.operand(value)?;
                    self.emit(inplace(op, r, cur, b));
                    self.set_bound(r);
                }
                _ => {
                    let t = self.temp()?;
                    self.load_name(n, t)?;
                    let b = self.operand(value)?;
                    self.emit(inplace(op, t, t, b));
                    self.store_name(n, t)?;
                }
            },
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.operand(obj)?;
                let name = self.name_index(attr)?;
                let t = self.temp()?;
                let src = if self.is_temp(o) {
                    self.emit(Instr::Copy { dst: t, src: o });
                    t
                } else {
                    o
                };
                self.emit(Instr::GetAttr {
                    dst: t,
                    obj: src,
                    name,
                });
                let b = self.operand(value)?;
                self.emit(inplace(op, t, t, b));
                self.emit(Instr::SetAttr {
                    obj: o,
                    name,
                    src: t,
                });
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.operand(obj)?;
                let i = self.operand(index)?;
                let (o2, i2) = (
                    if self.is_temp(o) {
                        let c = self.temp()?;
                        self.emit(Instr::Copy { dst: c, src: o });
                        c
                    } else {
                        o
                    },
                    if self.is_temp(i) {
                        let c = self.temp()?;
                        self.emit(Instr::Copy { dst: c, src: i });
                        c
                    } else {
                        i
                    },
                );
                let t = self.temp()?;
                self.emit(Instr::GetItem {
                    dst: t,
                    obj: o2,
                    idx: i2,
                });
                let b = self.operand(value)?;
                self.emit(inplace(op, t, t, b));
                self.emit(Instr::SetItem {
                    obj: o,
                    idx: i,
                    src: t,
                });
            }
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.release(m);
        Ok(())
    }

    /// A scope whose names are namespace lookups (module, class body).
    pub fn is_namespace_scope(&self) -> bool {
        matches!(self.scope.kind, ScopeKind::Module | ScopeKind::Class)
            || self.kind == CodeKind::Module
    }
}

/// The in-place instruction for `op`.
pub fn inplace(op: BinOp, dst: Reg, a: Reg, b: Reg) -> Instr {
    match op {
        BinOp::Add => Instr::InplaceAdd { dst, a, b },
        BinOp::Sub => Instr::InplaceSub { dst, a, b },
        _ => Instr::Inplace { op, dst, a, b },
    }
}
