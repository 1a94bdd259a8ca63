//! The compiler's core: one `FnCompiler` per code object (module,
//! function, class body, comprehension), owning the instruction buffer,
//! labels, registers, constants, the exception-handler stack and the
//! definite-assignment state. Statements and expressions are lowered in
//! `compile_stmt` and `compile_expr`.
//!
//! Registers: `[slots | free cells | constants | temporaries]`. Temporaries
//! are allocated in stack order (`mark`/`release`), so the live
//! temporaries at any instruction are exactly those below the current
//! top; a handler's exception register is the watermark above which the
//! VM clears registers when it unwinds into that handler.
//!
//! Definite assignment: a plain local read as an operand must be known to
//! be bound, or a `CheckBound` guards it. The analysis tracks, per slot,
//! whether every path to the current point assigned it. Slots that are
//! ever deleted (`del x`, `except … as x`) are never considered bound, so
//! the state only grows along a path and joins are intersections.

use super::code::{CodeKind, CodeObject, Handler};
use super::fold::{fold, Const, ConstKey};
use super::instr::{Instr, Reg, NO_REG};
use crate::runtime::object::Signature;
use crate::runtime::Value;
use crate::syntax::ast::*;
use crate::syntax::scope::{Access, Scope, ScopeKind, SymbolTable};
use std::collections::HashMap;
use std::rc::Rc;

/// A compile error (limits the bytecode format cannot express, or a
/// construct that is only legal elsewhere); reported as a `SyntaxError`.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub message: String,
    pub pos: u32,
}

pub type CResult<T> = Result<T, CompileError>;

/// What every code object of one source file shares.
pub struct Ctx<'a> {
    pub file: Rc<str>,
    pub line_starts: Rc<[u32]>,
    pub symbols: &'a SymbolTable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub(super) usize);

/// Where a name lives, as seen from the code being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameLoc {
    Local(Reg),
    /// A local holding a cell.
    Cell(Reg),
    /// A free variable (its cell is in a register).
    Free(Reg),
    Global,
    /// Namespace lookup (module level and class bodies).
    Name,
}

/// Blocks that `return`, `break` and `continue` must unwind through.
#[derive(Clone)]
pub enum FBlock<'a> {
    Loop {
        cont: Label,
        brk: Label,
        /// The iterator register of a `for` loop.
        iter: Option<Reg>,
        handler_depth: usize,
    },
    /// A `try` with a `finally`: exits run the body inline.
    Finally {
        body: &'a [Stmt],
        handler_depth: usize,
    },
    /// Inside a `finally` body entered by an exception (in `exc`).
    FinallyExc { exc: Reg, handler_depth: usize },
    /// Inside an `except` body handling `exc`.
    Handler {
        exc: Reg,
        name: Option<Name>,
        handler_depth: usize,
    },
    /// Inside a `with` body.
    With {
        mgr: Reg,
        exit: Reg,
        handler_depth: usize,
    },
}

impl FBlock<'_> {
    pub fn handler_depth(&self) -> usize {
        match self {
            FBlock::Loop { handler_depth, .. }
            | FBlock::Finally { handler_depth, .. }
            | FBlock::FinallyExc { handler_depth, .. }
            | FBlock::Handler { handler_depth, .. }
            | FBlock::With { handler_depth, .. } => *handler_depth,
        }
    }
}

/// Definite-assignment state at a program point.
#[derive(Clone, Debug)]
pub struct Flow {
    pub bound: Vec<bool>,
    pub reachable: bool,
}

impl Flow {
    /// The state where control paths `a` and `b` meet.
    pub fn join(a: &Flow, b: &Flow) -> Flow {
        match (a.reachable, b.reachable) {
            (false, _) => b.clone(),
            (_, false) => a.clone(),
            _ => Flow {
                bound: a
                    .bound
                    .iter()
                    .zip(&b.bound)
                    .map(|(x, y)| *x && *y)
                    .collect(),
                reachable: true,
            },
        }
    }
}

struct HandlerSpec {
    label: Label,
    exc_reg: Reg,
}

pub struct FnCompiler<'a> {
    pub ctx: &'a Ctx<'a>,
    pub kind: CodeKind,
    pub scope: Rc<Scope>,
    pub name: Name,
    pub qualname: Rc<str>,
    /// Prefix of the qualified names of functions defined inside.
    pub qual_prefix: Rc<str>,
    instrs: Vec<Instr>,
    positions: Vec<u32>,
    /// Innermost active handler of each instruction (`u32::MAX`: none).
    handler_of: Vec<u32>,
    /// The temporaries in use (`next_temp`) at each instruction, for the
    /// handlers' `clear_end`.
    temps_in_use: Vec<u32>,
    handlers: Vec<HandlerSpec>,
    pub handler_stack: Vec<u32>,
    labels: Vec<u32>,
    patches: Vec<(usize, Label)>,
    consts: Vec<Value>,
    const_map: HashMap<ConstKey, u16>,
    names: Vec<Name>,
    name_map: HashMap<Name, u16>,
    pub kwnames: Vec<Vec<Name>>,
    codes: Vec<Rc<CodeObject>>,
    pub nslots: u16,
    pub nfree: u16,
    const_regs: Vec<Value>,
    const_reg_map: HashMap<ConstKey, Reg>,
    pub temp_base: Reg,
    next_temp: u32,
    max_temp: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub flow: Flow,
    /// Slots that some statement unbinds (never definitely bound).
    maybe_deleted: Vec<bool>,
    /// Slots that are plain locals (not cells).
    is_plain_local: Vec<bool>,
    /// Source position of the statement being compiled.
    pub pos: u32,
    def_pos: u32,
    /// REPL input: top-level expression statements yield their value to
    /// the driver, which echoes it.
    pub interactive: bool,
}

const NO_HANDLER: u32 = u32::MAX;
const UNBOUND_LABEL: u32 = u32::MAX;

impl<'a> FnCompiler<'a> {
    /// A compiler for one scope. `prescan` are the statements and
    /// expressions evaluated in this scope (for constant registers);
    /// `params` is the number of leading slots bound at entry.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        ctx: &'a Ctx<'a>,
        kind: CodeKind,
        scope: Rc<Scope>,
        name: Name,
        qualname: Rc<str>,
        qual_prefix: Rc<str>,
        params: usize,
        body: &[Stmt],
        extra_exprs: &[&Expr],
        def_pos: u32,
    ) -> CResult<FnCompiler<'a>> {
        let nslots = scope.slots.len();
        let nfree = scope.freevars.len();
        let mut is_plain_local = vec![false; nslots];
        for (i, n) in scope.slots.iter().enumerate() {
            if let Access::Local(_) = scope.access(n) {
                is_plain_local[i] = true;
            }
        }
        let mut c = FnCompiler {
            ctx,
            kind,
            scope,
            name,
            qualname,
            qual_prefix,
            instrs: Vec::new(),
            positions: Vec::new(),
            handler_of: Vec::new(),
            temps_in_use: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            labels: Vec::new(),
            patches: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            kwnames: Vec::new(),
            codes: Vec::new(),
            nslots: 0,
            nfree: 0,
            const_regs: Vec::new(),
            const_reg_map: HashMap::new(),
            temp_base: 0,
            next_temp: 0,
            max_temp: 0,
            fblocks: Vec::new(),
            flow: Flow {
                bound: vec![false; nslots],
                reachable: true,
            },
            maybe_deleted: vec![false; nslots],
            is_plain_local,
            pos: def_pos,
            def_pos,
            interactive: false,
        };
        if nslots + nfree > 30000 {
            return Err(c.error("too many local variables"));
        }
        c.nslots = nslots as u16;
        c.nfree = nfree as u16;
        for i in 0..params.min(nslots) {
            c.flow.bound[i] = true;
        }
        // Constant registers: None always, then every unboxed constant the
        // scope's own code uses.
        let mut found: Vec<Const> = vec![Const::None];
        for s in body {
            prescan_stmt(s, &mut found);
            c.find_deletions(s);
        }
        for e in extra_exprs {
            prescan_expr(e, &mut found);
        }
        let base = nslots + nfree;
        for k in found {
            if c.const_regs.len() >= 2000 {
                break;
            }
            let key = k.key();
            if !c.const_reg_map.contains_key(&key) {
                let r = (base + c.const_regs.len()) as Reg;
                c.const_reg_map.insert(key, r);
                c.const_regs.push(k.to_value());
            }
        }
        c.temp_base = (base + c.const_regs.len()) as Reg;
        c.next_temp = c.temp_base as u32;
        c.max_temp = c.next_temp;
        Ok(c)
    }

    pub fn error(&self, msg: impl Into<String>) -> CompileError {
        CompileError {
            message: msg.into(),
            pos: self.pos,
        }
    }

    // ---- emission ----

    pub fn emit(&mut self, i: Instr) -> usize {
        let pc = self.instrs.len();
        self.instrs.push(i);
        self.positions.push(self.pos);
        self.handler_of
            .push(self.handler_stack.last().copied().unwrap_or(NO_HANDLER));
        self.temps_in_use.push(self.next_temp);
        pc
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(UNBOUND_LABEL);
        Label(self.labels.len() - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0] = self.instrs.len() as u32;
    }

    /// Emit a branch whose target is `l` (the `target` field is patched).
    pub fn emit_jump(&mut self, i: Instr, l: Label) {
        let pc = self.emit(i);
        self.patches.push((pc, l));
    }

    pub fn jump(&mut self, l: Label) {
        self.emit_jump(Instr::Jump { target: 0 }, l);
    }

    /// Open a protected range whose exceptions go to `label` with the
    /// exception in `exc_reg`.
    pub fn push_handler(&mut self, label: Label, exc_reg: Reg) {
        self.handlers.push(HandlerSpec { label, exc_reg });
        self.handler_stack.push(self.handlers.len() as u32 - 1);
    }

    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    // ---- registers ----

    pub fn mark(&self) -> u32 {
        self.next_temp
    }

    pub fn release(&mut self, mark: u32) {
        debug_assert!(mark <= self.next_temp);
        self.next_temp = mark;
    }

    pub fn temp(&mut self) -> CResult<Reg> {
        self.temps(1)
    }

    /// `n` consecutive temporaries; returns the first.
    pub fn temps(&mut self, n: usize) -> CResult<Reg> {
        let r = self.next_temp;
        self.next_temp += n as u32;
        if self.next_temp >= NO_REG as u32 - 1 {
            return Err(self.error("expression too complex"));
        }
        self.max_temp = self.max_temp.max(self.next_temp);
        Ok(r as Reg)
    }

    pub fn is_temp(&self, r: Reg) -> bool {
        r >= self.temp_base
    }

    /// The register of an unboxed constant, if it has one.
    pub fn const_reg(&self, c: &Const) -> Option<Reg> {
        self.const_reg_map.get(&c.key()).copied()
    }

    pub fn none_reg(&self) -> Reg {
        self.const_reg(&Const::None).expect("None register")
    }

    pub fn const_index(&mut self, c: &Const) -> CResult<u16> {
        let key = c.key();
        if let Some(&i) = self.const_map.get(&key) {
            return Ok(i);
        }
        if self.consts.len() >= u16::MAX as usize {
            return Err(self.error("too many constants"));
        }
        let i = self.consts.len() as u16;
        self.consts.push(c.to_value());
        self.const_map.insert(key, i);
        Ok(i)
    }

    pub fn name_index(&mut self, n: &str) -> CResult<u16> {
        if let Some(&i) = self.name_map.get(n) {
            return Ok(i);
        }
        if self.names.len() >= u16::MAX as usize {
            return Err(self.error("too many names"));
        }
        let i = self.names.len() as u16;
        let name: Name = Rc::from(n);
        self.names.push(name.clone());
        self.name_map.insert(name, i);
        Ok(i)
    }

    pub fn add_code(&mut self, code: Rc<CodeObject>) -> CResult<u16> {
        if self.codes.len() >= u16::MAX as usize {
            return Err(self.error("too many nested definitions"));
        }
        self.codes.push(code);
        Ok(self.codes.len() as u16 - 1)
    }

    pub fn add_kwnames(&mut self, names: Vec<Name>) -> CResult<u16> {
        if self.kwnames.len() >= u16::MAX as usize {
            return Err(self.error("too many calls"));
        }
        self.kwnames.push(names);
        Ok(self.kwnames.len() as u16 - 1)
    }

    // ---- names ----

    pub fn resolve(&self, n: &str) -> NameLoc {
        match self.scope.access(n) {
            Access::Local(i) => NameLoc::Local(i as Reg),
            Access::Cell(i) => NameLoc::Cell(i as Reg),
            Access::Free(i) => NameLoc::Free(self.nslots + i as Reg),
            Access::Global => NameLoc::Global,
            Access::Name => NameLoc::Name,
        }
    }

    /// Is local slot `r` certainly bound here?
    pub fn is_bound(&self, r: Reg) -> bool {
        let i = r as usize;
        i < self.flow.bound.len() && self.flow.bound[i] && !self.maybe_deleted[i]
    }

    pub fn set_bound(&mut self, r: Reg) {
        if let Some(b) = self.flow.bound.get_mut(r as usize) {
            *b = true;
        }
    }

    /// Control cannot reach the next instruction (after a jump out,
    /// `return`, `raise`).
    pub fn set_unreachable(&mut self) {
        self.flow.reachable = false;
    }

    fn find_deletions(&mut self, s: &Stmt) {
        let mut names: Vec<Name> = Vec::new();
        collect_deletions(s, &mut names);
        for n in names {
            if let Some(i) = self.scope.slots.iter().position(|x| *x == n) {
                self.maybe_deleted[i] = true;
            }
        }
    }

    /// The registers of the cells a nested scope captures from this one.
    pub fn closure_regs(&self, inner: &Scope) -> CResult<Vec<Reg>> {
        let mut out = Vec::with_capacity(inner.freevars.len());
        for n in &inner.freevars {
            let r = match self.resolve(n) {
                NameLoc::Cell(r) | NameLoc::Free(r) => r,
                _ if &**n == "__class__" && self.scope.needs_class_cell => 0,
                _ => {
                    return Err(
                        self.error(format!("internal error: no cell for free variable '{n}'"))
                    )
                }
            };
            out.push(r);
        }
        Ok(out)
    }

    // ---- finishing ----

    /// Resolve labels and handler ranges and build the code object.
    pub fn finish(mut self, meta: CodeMeta) -> CResult<Rc<CodeObject>> {
        // Never let control run off the end of the code.
        let end = self.instrs.len() as u32;
        let falls_off = !matches!(
            self.instrs.last(),
            Some(Instr::Return { .. })
                | Some(Instr::Jump { .. })
                | Some(Instr::Raise { .. })
                | Some(Instr::Reraise { .. })
                | Some(Instr::ReraiseWithContext { .. })
                | Some(Instr::RaiseAssert { .. })
        );
        if falls_off || self.labels.contains(&end) {
            self.handler_stack.clear();
            self.return_none();
        }
        for (pc, l) in std::mem::take(&mut self.patches) {
            let t = self.labels[l.0];
            if t == UNBOUND_LABEL {
                return Err(self.error("internal error: unbound label"));
            }
            self.instrs[pc].set_target(t);
        }
        // Compress the per-instruction handler ids into disjoint ranges.
        let mut handlers = Vec::new();
        let mut pc = 0;
        while pc < self.handler_of.len() {
            let h = self.handler_of[pc];
            let start = pc;
            while pc < self.handler_of.len() && self.handler_of[pc] == h {
                pc += 1;
            }
            if h != NO_HANDLER {
                let spec = &self.handlers[h as usize];
                let in_use = self.temps_in_use[start..pc].iter().max().copied();
                handlers.push(Handler {
                    start: start as u32,
                    end: pc as u32,
                    target: self.labels[spec.label.0],
                    exc_reg: spec.exc_reg,
                    clear_end: in_use.unwrap_or(0).max(spec.exc_reg as u32 + 1) as Reg,
                });
            }
        }
        let nregs = self.max_temp;
        if nregs >= NO_REG as u32 {
            return Err(self.error("too many registers"));
        }
        let (npositions, nnames) = (self.positions.len(), self.names.len());
        if let Err(why) =
            super::verify::verify(&self.instrs, &handlers, nregs as u16, npositions, nnames)
        {
            return Err(self.error(format!("internal error: malformed code: {why}")));
        }
        let scope = self.scope.clone();
        let cell_slots: Vec<u16> = scope.cell_slots.iter().map(|&c| c as u16).collect();
        let local_slots: Vec<u16> = (0..self.nslots)
            .filter(|&i| self.is_plain_local[i as usize])
            .collect();
        let simple_args = meta.sig.vararg.is_none()
            && meta.sig.kwarg.is_none()
            && meta.sig.nkwonly == 0
            && meta.sig.posonly <= meta.sig.npositional;
        let name_values = self
            .names
            .iter()
            .map(|n| {
                (
                    crate::runtime::value::intern(n),
                    crate::runtime::dict::str_hash(n),
                )
            })
            .collect();
        let nnames = self.names.len();
        let mut reg_init = vec![Value::UNBOUND; (self.nslots + self.nfree) as usize];
        reg_init.extend(self.const_regs.iter().cloned());
        reg_init.resize(nregs as usize, Value::UNBOUND);
        let pos = Rc::new(std::cell::Cell::new(self.def_pos));
        let frame_info = crate::runtime::interp::FrameInfo::new(
            self.ctx.file.clone(),
            self.name.clone(),
            pos.clone(),
            self.ctx.line_starts.clone(),
        );
        let lines = (self.positions.iter())
            .map(|&p| super::code::line_of(&self.ctx.line_starts, p))
            .collect();
        Ok(Rc::new(CodeObject {
            kind: self.kind,
            name: self.name,
            qualname: self.qualname,
            file: self.ctx.file.clone(),
            line_starts: self.ctx.line_starts.clone(),
            def_pos: self.def_pos,
            instrs: self.instrs,
            positions: self.positions,
            lines,
            handlers,
            consts: self.consts,
            names: self.names,
            name_values,
            global_cache: (0..nnames)
                .map(|_| std::cell::Cell::new(u32::MAX))
                .collect(),
            builtin_cache: (0..nnames)
                .map(|_| std::cell::Cell::new(u32::MAX))
                .collect(),
            global_miss: (0..nnames).map(|_| std::cell::Cell::new(0)).collect(),
            global_sites: (0..nnames).map(|_| Default::default()).collect(),
            attr_cache: (0..nnames).map(|_| Default::default()).collect(),
            method_cache: (0..nnames).map(|_| Default::default()).collect(),
            kwnames: self.kwnames,
            codes: self.codes,
            nslots: self.nslots,
            nfree: self.nfree,
            const_regs: self.const_regs,
            reg_init_has_objects: reg_init.iter().any(Value::is_obj),
            reg_init,
            temp_base: self.temp_base,
            nregs: nregs as u16,
            slot_names: scope.slots.clone(),
            cell_slots,
            local_slots,
            freevars: scope.freevars.clone(),
            closure_regs: meta.closure_regs,
            sig: Rc::new(meta.sig),
            simple_args,
            n_pos_defaults: meta.n_pos_defaults,
            kwdefault_names: meta.kwdefault_names,
            is_generator: meta.is_generator,
            doc: meta.doc,
            needs_class_cell: scope.needs_class_cell,
            pos,
            frame_info,
            native: Default::default(),
        }))
    }
}

/// What the enclosing compiler knows about a code object.
#[derive(Default)]
pub struct CodeMeta {
    pub sig: Signature,
    pub closure_regs: Vec<Reg>,
    pub n_pos_defaults: u16,
    pub kwdefault_names: Vec<Name>,
    pub is_generator: bool,
    pub doc: Option<Rc<str>>,
}

// ---- whole code objects ----

/// Compile a module body (`interactive`: for the REPL, see `FnCompiler`).
pub fn compile_module(ctx: &Ctx, module: &Module, interactive: bool) -> CResult<Rc<CodeObject>> {
    let mut c = FnCompiler::new(
        ctx,
        CodeKind::Module,
        ctx.symbols.module.clone(),
        Rc::from("<module>"),
        Rc::from("<module>"),
        Rc::from(""),
        0,
        &module.body,
        &[],
        0,
    )?;
    c.interactive = interactive;
    c.block(&module.body)?;
    c.return_none_if_reachable();
    c.finish(CodeMeta::default())
}

pub fn make_signature(params: &Params) -> Signature {
    let mut names: Vec<Name> = params.args.iter().map(|p| p.name.clone()).collect();
    names.extend(params.kwonly.iter().map(|p| p.name.clone()));
    Signature {
        params: names,
        posonly: params.posonly,
        npositional: params.args.len(),
        nkwonly: params.kwonly.len(),
        vararg: params.vararg.as_ref().map(|p| p.name.clone()),
        kwarg: params.kwarg.as_ref().map(|p| p.name.clone()),
    }
}

/// The docstring of a body, if its first statement is a string literal.
pub fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) => Some(s.clone()),
        _ => None,
    }
}

impl<'a> FnCompiler<'a> {
    /// Compile a `def` or `lambda` nested in this scope.
    pub fn compile_function(&mut self, def: &'a FunctionDef) -> CResult<Rc<CodeObject>> {
        let scope = self.ctx.symbols.function(def);
        let name: Name = if def.is_lambda {
            Rc::from("<lambda>")
        } else {
            def.name.clone()
        };
        let qualname: Rc<str> = Rc::from(format!("{}{}", self.qual_prefix, name));
        let prefix: Rc<str> = Rc::from(format!("{qualname}.<locals>."));
        let sig = make_signature(&def.params);
        let nparams = sig.nslots();
        let closure_regs = self.closure_regs(&scope)?;
        let mut c = FnCompiler::new(
            self.ctx,
            CodeKind::Function,
            scope,
            name,
            qualname,
            prefix,
            nparams,
            &def.body,
            &[],
            def.span.start,
        )?;
        if def.is_lambda {
            if let [Stmt {
                kind: StmtKind::Return(Some(e)),
                ..
            }] = &def.body[..]
            {
                c.pos = e.span.start;
                let r = c.operand(e)?;
                c.emit_return(r);
            } else {
                c.block(&def.body)?;
                c.return_none_if_reachable();
            }
        } else {
            c.block(&def.body)?;
            c.return_none_if_reachable();
        }
        let n_pos_defaults = def
            .params
            .args
            .iter()
            .filter(|p| p.default.is_some())
            .count() as u16;
        let kwdefault_names = def
            .params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .map(|p| p.name.clone())
            .collect();
        let doc = if def.is_lambda {
            None
        } else {
            docstring(&def.body)
        };
        c.finish(CodeMeta {
            sig,
            closure_regs,
            n_pos_defaults,
            kwdefault_names,
            is_generator: def.is_generator,
            doc,
        })
    }

    /// Compile a class body nested in this scope.
    pub fn compile_class(&mut self, cls: &'a ClassDef) -> CResult<Rc<CodeObject>> {
        let scope = self.ctx.symbols.class(cls);
        let qualname: Rc<str> = Rc::from(format!("{}{}", self.qual_prefix, cls.name));
        let prefix: Rc<str> = Rc::from(format!("{qualname}."));
        let closure_regs = self.closure_regs(&scope)?;
        let mut c = FnCompiler::new(
            self.ctx,
            CodeKind::Class,
            scope.clone(),
            cls.name.clone(),
            qualname,
            prefix,
            0,
            &cls.body,
            &[],
            cls.span.start,
        )?;
        c.pos = cls.span.start;
        c.block(&cls.body)?;
        if scope.needs_class_cell {
            // The body's result is the `__class__` cell, which MakeClass fills.
            c.emit_return(0);
        } else {
            c.return_none();
        }
        c.finish(CodeMeta {
            closure_regs,
            doc: docstring(&cls.body),
            ..CodeMeta::default()
        })
    }

    /// Compile a comprehension or generator expression nested in this
    /// scope: a function of one argument, `.0`, the iterator of the first
    /// iterable.
    pub fn compile_comprehension(&mut self, e: &'a Expr) -> CResult<Rc<CodeObject>> {
        let scope = self.ctx.symbols.comprehension(e);
        let (name, generators, elts): (&str, &'a [Comprehension], Vec<&'a Expr>) = match &e.kind {
            ExprKind::ListComp { elt, generators } => ("<listcomp>", generators, vec![elt]),
            ExprKind::SetComp { elt, generators } => ("<setcomp>", generators, vec![elt]),
            ExprKind::GeneratorExp { elt, generators } => ("<genexpr>", generators, vec![elt]),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => ("<dictcomp>", generators, vec![key, value]),
            _ => return Err(self.error("internal error: not a comprehension")),
        };
        let qualname: Rc<str> = Rc::from(format!("{}{}", self.qual_prefix, name));
        let prefix: Rc<str> = Rc::from(format!("{qualname}."));
        let closure_regs = self.closure_regs(&scope)?;
        let mut extra: Vec<&Expr> = elts.clone();
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                extra.push(&g.iter);
            }
            extra.extend(g.ifs.iter());
        }
        let mut c = FnCompiler::new(
            self.ctx,
            CodeKind::Comprehension,
            scope,
            Rc::from(name),
            qualname,
            prefix,
            1,
            &[],
            &extra,
            e.span.start,
        )?;
        c.pos = e.span.start;
        c.comprehension_body(e, generators, &elts)?;
        let is_generator = matches!(e.kind, ExprKind::GeneratorExp { .. });
        c.finish(CodeMeta {
            sig: Signature {
                params: vec![Rc::from(".0")],
                npositional: 1,
                ..Signature::default()
            },
            closure_regs,
            is_generator,
            ..CodeMeta::default()
        })
    }

    pub fn return_none(&mut self) {
        let r = self.none_reg();
        self.emit_return(r);
    }

    /// `return src`, with the temporaries in use now as the ones that
    /// may still hold values (see `Instr::Return`).
    pub fn emit_return(&mut self, src: Reg) {
        let live = (self.next_temp - self.temp_base as u32) as u16;
        self.emit(Instr::Return { src, live });
    }

    /// The implicit `return None` at the end of a body, unless control
    /// cannot get there (`finish` guarantees the code ends in one anyway).
    pub fn return_none_if_reachable(&mut self) {
        if self.flow.reachable {
            self.return_none();
        }
    }
}

// ---- pre-scans ----

/// Names a statement (not nested scopes) may unbind.
fn collect_deletions(s: &Stmt, out: &mut Vec<Name>) {
    fn targets(e: &Expr, out: &mut Vec<Name>) {
        match &e.kind {
            ExprKind::Name(n) => out.push(n.clone()),
            ExprKind::Tuple(xs) | ExprKind::List(xs) => xs.iter().for_each(|x| targets(x, out)),
            _ => {}
        }
    }
    let blocks: Vec<&[Stmt]> = match &s.kind {
        StmtKind::Del(ts) => {
            ts.iter().for_each(|t| targets(t, out));
            vec![]
        }
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => vec![body, orelse],
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut v: Vec<&[Stmt]> = vec![body, orelse, finalbody];
            for h in handlers {
                if let Some(n) = &h.name {
                    out.push(n.clone());
                }
                v.push(&h.body);
            }
            v
        }
        StmtKind::With { body, .. } => vec![body],
        _ => vec![],
    };
    for b in blocks {
        for s in b {
            collect_deletions(s, out);
        }
    }
}

fn prescan_stmt(s: &Stmt, out: &mut Vec<Const>) {
    let e = |x: &Expr, out: &mut Vec<Const>| prescan_expr(x, out);
    match &s.kind {
        StmtKind::Expr(x) => e(x, out),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| e(t, out));
            e(value, out)
        }
        StmtKind::AugAssign { target, value, .. } => {
            e(target, out);
            e(value, out)
        }
        StmtKind::Del(ts) => ts.iter().for_each(|t| e(t, out)),
        StmtKind::Return(Some(x)) => e(x, out),
        StmtKind::Raise { exc, cause } => {
            exc.iter().chain(cause.iter()).for_each(|x| e(x, out));
        }
        StmtKind::Assert { test, msg } => {
            e(test, out);
            msg.iter().for_each(|x| e(x, out));
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            e(test, out);
            body.iter().chain(orelse).for_each(|s| prescan_stmt(s, out));
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            e(target, out);
            e(iter, out);
            body.iter().chain(orelse).for_each(|s| prescan_stmt(s, out));
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            body.iter()
                .chain(orelse)
                .chain(finalbody)
                .for_each(|s| prescan_stmt(s, out));
            for h in handlers {
                h.typ.iter().for_each(|x| e(x, out));
                h.body.iter().for_each(|s| prescan_stmt(s, out));
            }
        }
        StmtKind::With { items, body } => {
            for it in items {
                e(&it.context, out);
                it.target.iter().for_each(|x| e(x, out));
            }
            body.iter().for_each(|s| prescan_stmt(s, out));
        }
        StmtKind::FunctionDef(f) => {
            f.decorators.iter().for_each(|x| e(x, out));
            prescan_params(&f.params, out);
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(|x| e(x, out));
            for a in &c.bases {
                prescan_arg(a, out);
            }
        }
        _ => {}
    }
}

fn prescan_params(p: &Params, out: &mut Vec<Const>) {
    for param in p.args.iter().chain(p.kwonly.iter()) {
        if let Some(d) = &param.default {
            prescan_expr(d, out);
        }
    }
}

fn prescan_arg(a: &Arg, out: &mut Vec<Const>) {
    match a {
        Arg::Positional(x) | Arg::Starred(x) | Arg::Keyword(_, x, _) | Arg::DoubleStarred(x) => {
            prescan_expr(x, out)
        }
    }
}

fn prescan_expr(x: &Expr, out: &mut Vec<Const>) {
    if let Some(c) = fold(x) {
        if c.is_unboxed() {
            out.push(c);
        }
        return;
    }
    let mut e = |x: &Expr| prescan_expr(x, out);
    match &x.kind {
        ExprKind::FString(parts) => prescan_fstring(parts, out),
        ExprKind::BinOp { left, right, .. } => {
            e(left);
            e(right)
        }
        ExprKind::UnaryOp { operand, .. } => e(operand),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(e),
        ExprKind::Compare { left, comparisons } => {
            e(left);
            comparisons.iter().for_each(|(_, v)| e(v));
        }
        ExprKind::Call { func, args } => {
            e(func);
            for a in args {
                prescan_arg(a, out);
            }
        }
        ExprKind::Attribute { value, .. } => e(value),
        ExprKind::Subscript { value, index } => {
            e(value);
            e(index)
        }
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .for_each(|x| e(x)),
        ExprKind::Tuple(xs) | ExprKind::List(xs) | ExprKind::Set(xs) => xs.iter().for_each(e),
        ExprKind::Dict(items) => {
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        e(k);
                        e(v)
                    }
                    DictItem::Unpack(v) => e(v),
                }
            }
        }
        ExprKind::Starred(v) => e(v),
        ExprKind::Lambda(f) => prescan_params(&f.params, out),
        ExprKind::IfExp { test, body, orelse } => {
            e(test);
            e(body);
            e(orelse)
        }
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. }
        | ExprKind::DictComp { generators, .. } => e(&generators[0].iter),
        ExprKind::Yield(v) => v.iter().for_each(|x| e(x)),
        ExprKind::YieldFrom(v) => e(v),
        _ => {}
    }
}

fn prescan_fstring(parts: &[FStringPart], out: &mut Vec<Const>) {
    for p in parts {
        if let FStringPart::Expr { expr, spec, .. } = p {
            prescan_expr(expr, out);
            if let Some(s) = spec {
                prescan_fstring(s, out);
            }
        }
    }
}

/// Is `kind` a scope whose names are namespace lookups?
pub fn uses_namespace(kind: ScopeKind) -> bool {
    matches!(kind, ScopeKind::Module | ScopeKind::Class)
}
