//! Lowering expressions to register code.
//!
//! `operand(e)` returns a register holding `e`'s value: a local or
//! constant register when no code is needed, else a new temporary.
//! `expr_into(e, dst)` computes `e` into a chosen register; when `dst` is
//! a named local, the value is written by one final instruction (so a
//! failing expression leaves the variable untouched), and multi-step
//! expressions (`and`/`or`, conditional expressions, comparison chains,
//! displays with `*`) build in a temporary first.
//! `cond_jump` compiles a condition straight into branches (`not`, `and`,
//! `or`, fused compare-and-branch) without materialising booleans.

use super::compiler::{CResult, FnCompiler, Label, NameLoc};
use super::fold::{fold, Const};
use super::instr::{Instr, Reg, NO_REG};
use crate::syntax::ast::*;
use crate::syntax::scope::Access;

impl<'a> FnCompiler<'a> {
    /// A register holding the value of `e`.
    pub fn operand(&mut self, e: &'a Expr) -> CResult<Reg> {
        if let Some(c) = fold(e) {
            if let Some(r) = self.const_reg(&c) {
                return Ok(r);
            }
            let t = self.temp()?;
            let idx = self.const_index(&c)?;
            self.emit(Instr::LoadConst { dst: t, idx });
            return Ok(t);
        }
        if let ExprKind::Name(n) = &e.kind {
            if let NameLoc::Local(r) = self.resolve(n) {
                if !self.is_bound(r) {
                    let name = self.name_index(n)?;
                    self.emit(Instr::CheckBound { reg: r, name });
                    self.set_bound(r);
                }
                return Ok(r);
            }
        }
        let t = self.temp()?;
        self.expr_into(e, t)?;
        Ok(t)
    }

    /// A scratch register for a multi-step result headed for `dst`.
    fn scratch(&mut self, dst: Reg) -> CResult<Reg> {
        if self.is_temp(dst) {
            Ok(dst)
        } else {
            self.temp()
        }
    }

    fn finish_scratch(&mut self, res: Reg, dst: Reg) {
        if res != dst {
            self.emit(Instr::Move { dst, src: res });
        }
    }

    /// Evaluate `e` for its effects only.
    pub fn expr_discard(&mut self, e: &'a Expr) -> CResult<()> {
        if fold(e).is_some() {
            return Ok(());
        }
        let m = self.mark();
        match &e.kind {
            ExprKind::Call { func, args } => self.call_into(NO_REG, func, args)?,
            ExprKind::Yield(v) => {
                let src = match v {
                    Some(v) => self.operand(v)?,
                    None => self.none_reg(),
                };
                self.emit(Instr::Yield { dst: NO_REG, src });
            }
            ExprKind::Name(_) => {
                let r = self.operand(e)?;
                if self.is_temp(r) {
                    self.emit(Instr::Clear { reg: r });
                }
            }
            _ => {
                let t = self.temp()?;
                self.expr_into(e, t)?;
                self.emit(Instr::Clear { reg: t });
            }
        }
        self.release(m);
        Ok(())
    }

    /// Load a name into `dst`.
    pub fn load_name(&mut self, n: &str, dst: Reg) -> CResult<()> {
        match self.resolve(n) {
            NameLoc::Local(r) => {
                if !self.is_bound(r) {
                    let name = self.name_index(n)?;
                    self.emit(Instr::CheckBound { reg: r, name });
                    self.set_bound(r);
                }
                if r != dst {
                    self.emit(Instr::Move { dst, src: r });
                }
            }
            NameLoc::Cell(r) => {
                let name = self.name_index(n)?;
                self.emit(Instr::LoadCell { dst, cell: r, name });
            }
            NameLoc::Free(r) => {
                let name = self.name_index(n)?;
                self.emit(Instr::LoadFree { dst, cell: r, name });
            }
            NameLoc::Global => {
                let name = self.name_index(n)?;
                self.emit(Instr::LoadGlobal { dst, name });
            }
            NameLoc::Name => {
                let name = self.name_index(n)?;
                self.emit(Instr::LoadName { dst, name });
            }
        }
        Ok(())
    }

    /// Compute `e` into `dst`.
    pub fn expr_into(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        if let Some(c) = fold(e) {
            match self.const_reg(&c) {
                Some(r) => {
                    self.emit(Instr::Move { dst, src: r });
                }
                None => {
                    let idx = self.const_index(&c)?;
                    self.emit(Instr::LoadConst { dst, idx });
                }
            }
            return Ok(());
        }
        let m = self.mark();
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n, dst)?,
            ExprKind::FString(parts) => self.fstring_into(parts, dst)?,
            ExprKind::BinOp { left, op, right } => {
                let a = self.first_operand(left, dst)?;
                let b = self.operand(right)?;
                self.emit(binop(*op, dst, a, b));
            }
            ExprKind::UnaryOp { op, operand } => {
                let a = self.first_operand(operand, dst)?;
                self.emit(Instr::Unary {
                    op: *op,
                    dst,
                    src: a,
                });
            }
            ExprKind::BoolOp { op, values } => {
                let res = self.scratch(dst)?;
                let end = self.new_label();
                let n = values.len();
                for (i, v) in values.iter().enumerate() {
                    self.expr_into(v, res)?;
                    if i + 1 < n {
                        let j = match op {
                            BoolOpKind::And => Instr::JumpIfFalseKeep {
                                cond: res,
                                target: 0,
                            },
                            BoolOpKind::Or => Instr::JumpIfTrueKeep {
                                cond: res,
                                target: 0,
                            },
                        };
                        self.emit_jump(j, end);
                    }
                }
                self.bind(end);
                self.finish_scratch(res, dst);
            }
            ExprKind::Compare { left, comparisons } => {
                if let [(op, right)] = &comparisons[..] {
                    let a = self.first_operand(left, dst)?;
                    let b = self.operand(right)?;
                    self.emit(compare(*op, dst, a, b));
                } else {
                    let res = self.scratch(dst)?;
                    let end = self.new_label();
                    let mut a = self.operand(left)?;
                    let mut kept = Vec::new();
                    let n = comparisons.len();
                    for (i, (op, right)) in comparisons.iter().enumerate() {
                        if i + 1 == n {
                            let b = self.operand(right)?;
                            self.emit(compare(*op, res, a, b));
                        } else {
                            let b = self.temp()?;
                            self.expr_into(right, b)?;
                            let keep = self.temp()?;
                            self.emit(Instr::Copy { dst: keep, src: b });
                            self.emit(compare(*op, res, a, b));
                            self.emit_jump(
                                Instr::JumpIfFalseKeep {
                                    cond: res,
                                    target: 0,
                                },
                                end,
                            );
                            a = keep;
                            kept.push(keep);
                        }
                    }
                    self.bind(end);
                    // A kept right operand is still live on an early exit.
                    for k in kept {
                        self.emit(Instr::Clear { reg: k });
                    }
                    self.finish_scratch(res, dst);
                }
            }
            ExprKind::Call { func, args } => self.call_into(dst, func, args)?,
            ExprKind::Attribute { value, attr } => {
                let o = self.first_operand(value, dst)?;
                let name = self.name_index(attr)?;
                self.emit(Instr::GetAttr { dst, obj: o, name });
            }
            ExprKind::Subscript { value, index } => {
                let o = self.first_operand(value, dst)?;
                if let ExprKind::Slice { lower, upper, step } = &index.kind {
                    let start = self.slice_parts([lower, upper, step])?;
                    self.emit(Instr::GetSlice { dst, obj: o, start });
                    return Ok(());
                }
                let i = self.operand(index)?;
                self.emit(Instr::GetItem {
                    dst,
                    obj: o,
                    idx: i,
                });
            }
            ExprKind::Slice { lower, upper, step } => {
                let start = self.slice_parts([lower, upper, step])?;
                self.emit(Instr::BuildSlice { dst, start });
            }
            ExprKind::Tuple(items) => self.sequence_into(items, dst, Seq::Tuple)?,
            ExprKind::List(items) => self.sequence_into(items, dst, Seq::List)?,
            ExprKind::Set(items) => self.sequence_into(items, dst, Seq::Set)?,
            ExprKind::Dict(items) => self.dict_into(items, dst)?,
            ExprKind::Starred(_) => return Err(self.error("can't use starred expression here")),
            ExprKind::Lambda(def) => self.make_function(def, dst)?,
            ExprKind::IfExp { test, body, orelse } => {
                let res = self.scratch(dst)?;
                let else_l = self.new_label();
                let end = self.new_label();
                let entry = self.flow.clone();
                self.cond_jump(test, false, else_l)?;
                self.expr_into(body, res)?;
                self.jump(end);
                self.bind(else_l);
                self.flow = entry;
                self.expr_into(orelse, res)?;
                self.bind(end);
                self.finish_scratch(res, dst);
            }
            ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::DictComp { generators, .. }
            | ExprKind::GeneratorExp { generators, .. } => {
                let code = self.compile_comprehension(e)?;
                let code = self.add_code(code)?;
                let base = self.temps(2)?;
                self.emit(Instr::MakeFunction {
                    dst: base,
                    code,
                    defaults: NO_REG,
                });
                self.expr_into(&generators[0].iter, base + 1)?;
                self.emit(Instr::GetIter {
                    dst: base + 1,
                    src: base + 1,
                });
                self.emit(Instr::Call {
                    dst,
                    func: base,
                    argc: 1,
                });
            }
            ExprKind::Yield(v) => {
                let src = match v {
                    Some(v) => self.operand(v)?,
                    None => self.none_reg(),
                };
                self.emit(Instr::Yield { dst, src });
            }
            ExprKind::YieldFrom(v) => {
                let it = self.temp()?;
                self.expr_into(v, it)?;
                self.emit(Instr::GetIter { dst: it, src: it });
                self.emit(Instr::YieldFrom { dst, iter: it });
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Ellipsis => unreachable!("literals fold"),
        }
        self.release(m);
        Ok(())
    }

    /// The first operand of an expression whose result goes to `dst`: a
    /// temporary `dst` doubles as its scratch register.
    /// A slice's lower, upper and step (`None` where omitted) in three
    /// consecutive new temporaries; the first of them.
    fn slice_parts(&mut self, parts: [&'a Option<Box<Expr>>; 3]) -> CResult<Reg> {
        let base = self.temps(3)?;
        for (i, x) in parts.into_iter().enumerate() {
            match x {
                Some(x) => self.expr_into(x, base + i as Reg)?,
                None => {
                    let nr = self.none_reg();
                    self.emit(Instr::Move {
                        dst: base + i as Reg,
                        src: nr,
                    });
                }
            }
        }
        Ok(base)
    }

    fn first_operand(&mut self, e: &'a Expr, dst: Reg) -> CResult<Reg> {
        let simple = fold(e).is_some_and(|c| self.const_reg(&c).is_some())
            || matches!(&e.kind, ExprKind::Name(n) if matches!(self.resolve(n), NameLoc::Local(_)));
        if self.is_temp(dst) && !simple {
            self.expr_into(e, dst)?;
            Ok(dst)
        } else {
            self.operand(e)
        }
    }

    fn sequence_into(&mut self, items: &'a [Expr], dst: Reg, kind: Seq) -> CResult<()> {
        let star = items.iter().any(|x| matches!(x.kind, ExprKind::Starred(_)));
        if !star {
            let n = items.len();
            let base = self.temps(n)?;
            for (i, x) in items.iter().enumerate() {
                self.expr_into(x, base + i as Reg)?;
            }
            let n = n as u16;
            self.emit(match kind {
                Seq::Tuple => Instr::BuildTuple {
                    dst,
                    start: base,
                    n,
                },
                Seq::List => Instr::BuildList {
                    dst,
                    start: base,
                    n,
                },
                Seq::Set if n >= 3 && items.iter().all(is_set_constant) => Instr::BuildConstSet {
                    dst,
                    start: base,
                    n,
                },
                Seq::Set => Instr::BuildSet {
                    dst,
                    start: base,
                    n,
                },
            });
            return Ok(());
        }
        let res = self.scratch(dst)?;
        let lead = items
            .iter()
            .position(|x| matches!(x.kind, ExprKind::Starred(_)))
            .unwrap_or(items.len());
        let m = self.mark();
        let base = self.temps(lead)?;
        for (i, x) in items[..lead].iter().enumerate() {
            self.expr_into(x, base + i as Reg)?;
        }
        let n = lead as u16;
        self.emit(match kind {
            Seq::Set => Instr::BuildSet {
                dst: res,
                start: base,
                n,
            },
            _ => Instr::BuildList {
                dst: res,
                start: base,
                n,
            },
        });
        self.release(m);
        for x in &items[lead..] {
            let m = self.mark();
            match &x.kind {
                ExprKind::Starred(inner) => {
                    let v = self.operand(inner)?;
                    self.emit(match kind {
                        Seq::Set => Instr::SetUpdate { set: res, src: v },
                        _ => Instr::ListExtend { list: res, src: v },
                    });
                }
                _ => {
                    let v = self.operand(x)?;
                    self.emit(match kind {
                        Seq::Set => Instr::SetAdd { set: res, src: v },
                        _ => Instr::ListAppend { list: res, src: v },
                    });
                }
            }
            self.release(m);
        }
        if kind == Seq::Tuple {
            self.emit(Instr::ListToTuple { dst: res, src: res });
        }
        self.finish_scratch(res, dst);
        Ok(())
    }

    fn dict_into(&mut self, items: &'a [DictItem], dst: Reg) -> CResult<()> {
        let unpack = items.iter().any(|i| matches!(i, DictItem::Unpack(_)));
        if !unpack {
            let n = items.len();
            let base = self.temps(2 * n)?;
            for (i, it) in items.iter().enumerate() {
                if let DictItem::Pair(k, v) = it {
                    self.expr_into(k, base + 2 * i as Reg)?;
                    self.expr_into(v, base + 2 * i as Reg + 1)?;
                }
            }
            self.emit(Instr::BuildDict {
                dst,
                start: base,
                n: n as u16,
            });
            return Ok(());
        }
        let res = self.scratch(dst)?;
        self.emit(Instr::BuildDict {
            dst: res,
            start: 0,
            n: 0,
        });
        for it in items {
            let m = self.mark();
            match it {
                DictItem::Pair(k, v) => {
                    let kr = self.operand(k)?;
                    let vr = self.operand(v)?;
                    self.emit(Instr::DictInsert {
                        dict: res,
                        key: kr,
                        value: vr,
                    });
                }
                DictItem::Unpack(v) => {
                    let vr = self.operand(v)?;
                    self.emit(Instr::DictUpdate { dict: res, src: vr });
                }
            }
            self.release(m);
        }
        self.finish_scratch(res, dst);
        Ok(())
    }

    fn fstring_into(&mut self, parts: &'a [FStringPart], dst: Reg) -> CResult<()> {
        if let [FStringPart::Expr {
            expr,
            conversion,
            spec,
            debug_text: None,
        }] = parts
        {
            return self.format_field(expr, *conversion, spec.as_deref(), false, dst);
        }
        let count: usize = parts
            .iter()
            .map(|p| match p {
                FStringPart::Expr {
                    debug_text: Some(_),
                    ..
                } => 2,
                _ => 1,
            })
            .sum();
        let base = self.temps(count)?;
        let mut i = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    let idx = self.const_index(&Const::Str(s.clone()))?;
                    self.emit(Instr::LoadConst { dst: base + i, idx });
                    i += 1;
                }
                FStringPart::Expr {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(d) = debug_text {
                        let idx = self.const_index(&Const::Str(d.clone()))?;
                        self.emit(Instr::LoadConst { dst: base + i, idx });
                        i += 1;
                    }
                    self.format_field(
                        expr,
                        *conversion,
                        spec.as_deref(),
                        debug_text.is_some(),
                        base + i,
                    )?;
                    i += 1;
                }
            }
        }
        self.emit(Instr::BuildString {
            dst,
            start: base,
            n: count as u16,
        });
        Ok(())
    }

    fn format_field(
        &mut self,
        expr: &'a Expr,
        conversion: Option<char>,
        spec: Option<&'a [FStringPart]>,
        debug: bool,
        dst: Reg,
    ) -> CResult<()> {
        let m = self.mark();
        let src = self.first_operand(expr, dst)?;
        let spec_reg = match spec {
            Some(s) => {
                let t = self.temp()?;
                self.fstring_into(s, t)?;
                t
            }
            None => NO_REG,
        };
        let conv = match (conversion, debug, spec) {
            (Some(c), _, _) => c,
            (None, true, None) => 'r',
            _ => '\0',
        };
        self.emit(Instr::FormatValue {
            dst,
            src,
            conv: conv as u8,
            spec: spec_reg,
        });
        self.release(m);
        Ok(())
    }

    /// `MakeFunction` for a `def` or `lambda`, with its defaults.
    pub fn make_function(&mut self, def: &'a FunctionDef, dst: Reg) -> CResult<()> {
        let m = self.mark();
        let defaults: Vec<&'a Expr> = def
            .params
            .args
            .iter()
            .chain(def.params.kwonly.iter())
            .filter_map(|p| p.default.as_ref())
            .collect();
        let base = if defaults.is_empty() {
            NO_REG
        } else {
            self.temps(defaults.len())?
        };
        for (i, d) in defaults.iter().enumerate() {
            self.expr_into(d, base + i as Reg)?;
        }
        let code = self.compile_function(def)?;
        let code = self.add_code(code)?;
        self.emit(Instr::MakeFunction {
            dst,
            code,
            defaults: base,
        });
        self.release(m);
        Ok(())
    }

    fn call_into(&mut self, dst: Reg, func: &'a Expr, args: &'a [Arg]) -> CResult<()> {
        if let ExprKind::Name(n) = &func.kind {
            if &**n == "super"
                && args.is_empty()
                && matches!(self.scope.access("super"), Access::Global)
            {
                if let Access::Free(i) = self.scope.access("__class__") {
                    let first = if self.nslots > 0 { 0 } else { NO_REG };
                    self.emit(Instr::SuperZero {
                        dst,
                        class_cell: self.nslots + i as Reg,
                        first,
                    });
                    return Ok(());
                }
            }
            if &**n == "locals" && args.is_empty() {
                let t = self.temp()?;
                self.load_name(n, t)?;
                self.emit(Instr::Locals { dst, func: t });
                return Ok(());
            }
        }
        let positional = args.iter().all(|a| matches!(a, Arg::Positional(_)));
        let simple = args
            .iter()
            .all(|a| matches!(a, Arg::Positional(_) | Arg::Keyword(..)));
        if positional {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                let n = args.len();
                let base = self.temps(n + 1)?;
                self.expr_into(value, base)?;
                for (i, a) in args.iter().enumerate() {
                    if let Arg::Positional(e) = a {
                        self.expr_into(e, base + 1 + i as Reg)?;
                    }
                }
                let name = self.name_index(attr)?;
                self.emit(Instr::CallMethod {
                    dst,
                    obj: base,
                    argc: n as u16,
                    name,
                });
                return Ok(());
            }
        }
        if simple {
            let n = args.len();
            let base = self.temps(n + 1)?;
            self.expr_into(func, base)?;
            let mut kwnames = Vec::new();
            for (i, a) in args.iter().enumerate() {
                match a {
                    Arg::Positional(e) => self.expr_into(e, base + 1 + i as Reg)?,
                    Arg::Keyword(k, e, _) => {
                        kwnames.push(k.clone());
                        self.expr_into(e, base + 1 + i as Reg)?;
                    }
                    _ => unreachable!(),
                }
            }
            if kwnames.is_empty() {
                self.emit(Instr::Call {
                    dst,
                    func: base,
                    argc: n as u16,
                });
            } else {
                let kw = self.add_kwnames(kwnames)?;
                self.emit(Instr::CallKw {
                    dst,
                    func: base,
                    argc: n as u16,
                    kwnames: kw,
                });
            }
            return Ok(());
        }
        // General case: a tuple of positional arguments and a dict of
        // keyword arguments, built in source order.
        let base = self.temps(3)?;
        let (f, pos, kw) = (base, base + 1, base + 2);
        self.expr_into(func, f)?;
        self.emit(Instr::BuildList {
            dst: pos,
            start: 0,
            n: 0,
        });
        let has_kw = args
            .iter()
            .any(|a| matches!(a, Arg::Keyword(..) | Arg::DoubleStarred(_)));
        if has_kw {
            self.emit(Instr::BuildDict {
                dst: kw,
                start: 0,
                n: 0,
            });
        }
        for a in args {
            let m = self.mark();
            match a {
                Arg::Positional(e) => {
                    let v = self.operand(e)?;
                    self.emit(Instr::ListAppend { list: pos, src: v });
                }
                Arg::Starred(e) => {
                    let v = self.operand(e)?;
                    self.emit(Instr::ListExtend { list: pos, src: v });
                }
                Arg::Keyword(k, e, _) => {
                    let kr = self.temp()?;
                    let idx = self.const_index(&Const::Str(k.clone()))?;
                    self.emit(Instr::LoadConst { dst: kr, idx });
                    let v = self.operand(e)?;
                    self.emit(Instr::DictInsert {
                        dict: kw,
                        key: kr,
                        value: v,
                    });
                }
                Arg::DoubleStarred(e) => {
                    let v = self.operand(e)?;
                    self.emit(Instr::DictUpdate { dict: kw, src: v });
                }
            }
            self.release(m);
        }
        self.emit(Instr::ListToTuple { dst: pos, src: pos });
        self.emit(Instr::CallEx {
            dst,
            func: f,
            args: pos,
            kwargs: if has_kw { kw } else { NO_REG },
        });
        Ok(())
    }

    /// Jump to `l` when the truth of `e` is `when`.
    pub fn cond_jump(&mut self, e: &'a Expr, when: bool, l: Label) -> CResult<()> {
        if let Some(c) = fold(e) {
            if c.truthy() == when {
                self.jump(l);
            }
            return Ok(());
        }
        let m = self.mark();
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.cond_jump(operand, !when, l)?,
            ExprKind::BoolOp { op, values } => {
                // `and` jumps out on the first false value, `or` on the
                // first true one.
                let short = matches!(op, BoolOpKind::Or);
                let n = values.len();
                if short == when {
                    for v in values {
                        self.cond_jump(v, when, l)?;
                    }
                } else {
                    let skip = self.new_label();
                    for v in &values[..n - 1] {
                        self.cond_jump(v, short, skip)?;
                    }
                    self.cond_jump(&values[n - 1], when, l)?;
                    self.bind(skip);
                }
            }
            ExprKind::Compare { left, comparisons }
                if !when
                    && comparisons.len() == 1
                    && matches!(
                        comparisons[0].0,
                        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE | CmpOp::Eq | CmpOp::NotEq
                    ) =>
            {
                let (op, right) = &comparisons[0];
                let a = self.operand(left)?;
                let b = self.operand(right)?;
                let i = match op {
                    CmpOp::Lt => Instr::JumpIfNotLt { a, b, target: 0 },
                    CmpOp::LtE => Instr::JumpIfNotLe { a, b, target: 0 },
                    CmpOp::Gt => Instr::JumpIfNotGt { a, b, target: 0 },
                    CmpOp::GtE => Instr::JumpIfNotGe { a, b, target: 0 },
                    CmpOp::Eq => Instr::JumpIfNotEq { a, b, target: 0 },
                    _ => Instr::JumpIfNotNe { a, b, target: 0 },
                };
                self.emit_jump(i, l);
            }
            ExprKind::Compare { left, comparisons }
                if comparisons.len() == 1
                    && matches!(comparisons[0].0, CmpOp::Is | CmpOp::IsNot) =>
            {
                let (op, right) = &comparisons[0];
                let a = self.operand(left)?;
                let b = self.operand(right)?;
                let i = if (*op == CmpOp::Is) == when {
                    Instr::JumpIfIs { a, b, target: 0 }
                } else {
                    Instr::JumpIfIsNot { a, b, target: 0 }
                };
                self.emit_jump(i, l);
            }
            _ => {
                let r = self.operand(e)?;
                let i = if when {
                    Instr::JumpIfTrue { cond: r, target: 0 }
                } else {
                    Instr::JumpIfFalse { cond: r, target: 0 }
                };
                self.emit_jump(i, l);
            }
        }
        self.release(m);
        Ok(())
    }

    /// The loops of a comprehension; the innermost adds to the result.
    pub fn comprehension_body(
        &mut self,
        e: &'a Expr,
        generators: &'a [Comprehension],
        elts: &[&'a Expr],
    ) -> CResult<()> {
        let acc = match &e.kind {
            ExprKind::GeneratorExp { .. } => NO_REG,
            _ => {
                let t = self.temp()?;
                self.emit(match &e.kind {
                    ExprKind::ListComp { .. } => Instr::BuildList {
                        dst: t,
                        start: 0,
                        n: 0,
                    },
                    ExprKind::SetComp { .. } => Instr::BuildSet {
                        dst: t,
                        start: 0,
                        n: 0,
                    },
                    _ => Instr::BuildDict {
                        dst: t,
                        start: 0,
                        n: 0,
                    },
                });
                t
            }
        };
        self.comp_level(e, generators, 0, elts, acc)?;
        if acc == NO_REG {
            self.return_none();
        } else {
            self.emit_return(acc);
        }
        Ok(())
    }

    fn comp_level(
        &mut self,
        e: &'a Expr,
        gens: &'a [Comprehension],
        level: usize,
        elts: &[&'a Expr],
        acc: Reg,
    ) -> CResult<()> {
        let g = &gens[level];
        let m = self.mark();
        let it = if level == 0 {
            0
        } else {
            let t = self.temp()?;
            self.expr_into(&g.iter, t)?;
            self.emit(Instr::GetIter { dst: t, src: t });
            t
        };
        let top = self.new_label();
        let end = self.new_label();
        self.bind(top);
        let mm = self.mark();
        match self.simple_local(&g.target) {
            Some(r) => {
                self.emit_jump(
                    Instr::ForIter {
                        dst: r,
                        iter: it,
                        target: 0,
                    },
                    end,
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
                    end,
                );
                self.assign(&g.target, t)?;
            }
        }
        self.release(mm);
        for c in &g.ifs {
            self.cond_jump(c, false, top)?;
        }
        if level + 1 == gens.len() {
            let mm = self.mark();
            match &e.kind {
                ExprKind::ListComp { .. } => {
                    let v = self.operand(elts[0])?;
                    self.emit(Instr::ListAppend { list: acc, src: v });
                }
                ExprKind::SetComp { .. } => {
                    let v = self.operand(elts[0])?;
                    self.emit(Instr::SetAdd { set: acc, src: v });
                }
                ExprKind::DictComp { .. } => {
                    let k = self.operand(elts[0])?;
                    let v = self.operand(elts[1])?;
                    self.emit(Instr::DictInsert {
                        dict: acc,
                        key: k,
                        value: v,
                    });
                }
                _ => {
                    let v = self.operand(elts[0])?;
                    self.emit(Instr::Yield {
                        dst: NO_REG,
                        src: v,
                    });
                }
            }
            self.release(mm);
        } else {
            self.comp_level(e, gens, level + 1, elts, acc)?;
        }
        self.jump(top);
        self.bind(end);
        self.release(m);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    Tuple,
    List,
    Set,
}

/// The set-display items CPython 3.11 folds into a frozenset constant.
fn is_set_constant(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
    ) || matches!(&e.kind, ExprKind::UnaryOp { op: UnaryOp::Neg, operand } if matches!(operand.kind, ExprKind::Int(_) | ExprKind::Float(_)))
}

/// The instruction for `a op b`.
pub fn binop(op: BinOp, dst: Reg, a: Reg, b: Reg) -> Instr {
    match op {
        BinOp::Add => Instr::Add { dst, a, b },
        BinOp::Sub => Instr::Sub { dst, a, b },
        BinOp::Mul => Instr::Mul { dst, a, b },
        BinOp::Div => Instr::TrueDiv { dst, a, b },
        BinOp::FloorDiv => Instr::FloorDiv { dst, a, b },
        BinOp::Mod => Instr::Mod { dst, a, b },
        _ => Instr::BinOp { op, dst, a, b },
    }
}

/// The instruction for `a op b` with a comparison operator.
pub fn compare(op: CmpOp, dst: Reg, a: Reg, b: Reg) -> Instr {
    match op {
        CmpOp::Lt => Instr::Lt { dst, a, b },
        CmpOp::LtE => Instr::Le { dst, a, b },
        CmpOp::Gt => Instr::Gt { dst, a, b },
        CmpOp::GtE => Instr::Ge { dst, a, b },
        CmpOp::Eq => Instr::Eq { dst, a, b },
        CmpOp::NotEq => Instr::Ne { dst, a, b },
        _ => Instr::Compare { op, dst, a, b },
    }
}
