//! Statement execution and expression evaluation over the AST.

use super::generator::{make_generator, Yielder};
use super::{Body, TreeCode, Unit};
use crate::runtime::dict::Dict;
use crate::runtime::exceptions::{self, ExcType};
use crate::runtime::object::{Code, Function, Obj, Signature};
use crate::runtime::{hash, iter, Interp, PyErr, PyResult, Value};
use crate::syntax::ast::*;
use crate::syntax::scope::{Access, Scope};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How a statement finished, other than by an exception.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

impl Frame {
    /// The frame of a module body (or a REPL input): names live in `globals`.
    fn module(unit: &Rc<Unit>, globals: &Value) -> Frame {
        Frame {
            locals: Vec::new(),
            closure: Vec::new(),
            globals: globals.clone(),
            ns: Some(globals.clone()),
            scope: unit.symbols.module.clone(),
            unit: unit.clone(),
            pos: Rc::new(Cell::new(0)),
            func_name: Rc::from("<module>"),
            qual_prefix: Rc::from(""),
            yielder: None,
        }
    }

    /// The runtime's view of this frame (for `logging` and introspection).
    pub fn info(&self) -> crate::runtime::interp::FrameInfo {
        crate::runtime::interp::FrameInfo::new(
            self.unit.file.clone(),
            self.func_name.clone(),
            self.pos.clone(),
            self.unit.line_starts.clone(),
        )
    }
}

pub struct Frame {
    pub locals: Vec<Value>,
    pub closure: Vec<Value>,
    pub globals: Value,
    /// Class bodies and the module level: where `Access::Name` stores go.
    pub ns: Option<Value>,
    pub scope: Rc<Scope>,
    pub unit: Rc<Unit>,
    /// Byte offset of the statement running now (for tracebacks).
    pub pos: Rc<Cell<u32>>,
    pub func_name: Rc<str>,
    pub qual_prefix: Rc<str>,
    pub yielder: Option<*const Yielder>,
}

fn dict_of(v: &Value) -> &RefCell<Dict> {
    match v.as_obj() {
        Some(Obj::Dict(d)) => d,
        _ => panic!("namespace is not a dict"),
    }
}

/// Execute a module body with the given globals dict.
pub fn run_module(interp: &mut Interp, unit: &Rc<Unit>, globals: &Value) -> PyResult<()> {
    let mut f = Frame::module(unit, globals);
    let ast = unit.ast.clone();
    interp.frame_globals.push(globals.clone());
    let info = f.info();
    // SAFETY: `info` lives until after the matching pop below.
    unsafe { interp.frames.push(&info) };
    let r = exec_block(interp, &mut f, &ast.body);
    interp.frames.pop();
    interp.frame_globals.pop();
    match r {
        Ok(_) => Ok(()),
        Err(e) => {
            exceptions::add_traceback(
                &e.0,
                &unit.file,
                unit.line_of(f.pos.get()),
                &f.func_name,
                interp.depth,
            );
            Err(e)
        }
    }
}

/// Run one REPL input in `globals`: statements execute in order, and the
/// value of each top-level expression statement is passed to `echo` (the
/// REPL prints its repr), as CPython's interactive mode does.
pub fn run_interactive(
    interp: &mut Interp,
    unit: &Rc<Unit>,
    globals: &Value,
    echo: &mut dyn FnMut(&mut Interp, Value) -> PyResult<()>,
) -> PyResult<()> {
    let mut f = Frame::module(unit, globals);
    let ast = unit.ast.clone();
    interp.frame_globals.push(globals.clone());
    let info = f.info();
    // SAFETY: `info` lives until after the matching pop below.
    unsafe { interp.frames.push(&info) };
    let mut r = Ok(());
    for s in &ast.body {
        let step = match &s.kind {
            StmtKind::Expr(e) => {
                f.pos.set(s.span.start);
                eval(interp, &mut f, e).and_then(|v| echo(interp, v))
            }
            _ => exec_stmt(interp, &mut f, s).map(|_| ()),
        };
        interp.run_finalizers();
        if let Err(e) = step {
            exceptions::add_traceback(
                &e.0,
                &unit.file,
                unit.line_of(f.pos.get()),
                &f.func_name,
                interp.depth,
            );
            r = Err(e);
            break;
        }
    }
    interp.frames.pop();
    interp.frame_globals.pop();
    r
}

/// Run a user module file (the tree-mode `ModuleRunner` for imports).
pub fn run_module_source(
    interp: &mut Interp,
    file: &str,
    source: &str,
    globals: &Value,
) -> PyResult<()> {
    let module = crate::runtime::import::parse_source(interp, source)?;
    let name = interp.add_source(file, source);
    let unit = Unit::new(name, source, module);
    run_module(interp, &unit, globals)
}

/// Call a tree-mode function with its parameters already bound to slots.
pub fn call_tree_function(
    interp: &mut Interp,
    _fval: &Value,
    func: &Function,
    code: &Rc<TreeCode>,
    mut slots: Vec<Value>,
) -> PyResult<Value> {
    slots.resize(code.scope.slots.len(), Value::UNBOUND);
    for &c in &code.scope.cell_slots {
        let v = std::mem::replace(&mut slots[c as usize], Value::UNBOUND);
        slots[c as usize] = Value::obj(Obj::Cell(RefCell::new(v)));
    }
    let frame = Frame {
        locals: slots,
        closure: func.closure.clone(),
        globals: func.globals.clone(),
        ns: None,
        scope: code.scope.clone(),
        unit: code.unit.clone(),
        pos: Rc::new(Cell::new(0)),
        func_name: code.name.clone(),
        qual_prefix: code.qual_prefix.clone(),
        yielder: None,
    };
    if func.is_generator {
        return Ok(make_generator(
            code.clone(),
            frame,
            func.name.clone(),
            func.qualname.clone(),
        ));
    }
    interp.enter_call()?;
    interp.frame_globals.push(func.globals.clone());
    let info = frame.info();
    // SAFETY: `info` lives until after the matching pop below.
    unsafe { interp.frames.push(&info) };
    let r = run_frame(interp, code, frame);
    interp.frames.pop();
    interp.frame_globals.pop();
    interp.leave_call();
    r
}

/// Run a function frame to completion (also the body of a generator).
pub fn run_frame(interp: &mut Interp, code: &TreeCode, mut f: Frame) -> PyResult<Value> {
    let r = match &code.body {
        Body::Def(def) => {
            let def = def.clone();
            if def.is_lambda {
                if let StmtKind::Return(Some(e)) = &def.body[0].kind {
                    f.pos.set(e.span.start);
                    eval(interp, &mut f, e).map(Flow::Return)
                } else {
                    exec_block(interp, &mut f, &def.body)
                }
            } else {
                exec_block(interp, &mut f, &def.body)
            }
        }
        Body::GenExp(_) => {
            let e = code.expr();
            match &e.kind {
                ExprKind::GeneratorExp { elt, generators } => {
                    comp_loop(interp, &mut f, generators, 0, &mut |it, f| {
                        let v = eval(it, f, elt)?;
                        super::generator::yield_value(it, f, v)?;
                        Ok(())
                    })
                    .map(|_| Flow::Normal)
                }
                _ => Ok(Flow::Normal),
            }
        }
    };
    match r {
        Ok(Flow::Return(v)) => Ok(v),
        Ok(_) => Ok(Value::NONE),
        Err(e) => {
            exceptions::add_traceback(
                &e.0,
                &f.unit.file,
                f.unit.line_of(f.pos.get()),
                &f.func_name,
                interp.depth,
            );
            Err(e)
        }
    }
}

pub fn exec_block(interp: &mut Interp, f: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
    for s in body {
        interp.tick()?;
        let r = exec_stmt(interp, f, s)?;
        interp.run_finalizers();
        if !matches!(r, Flow::Normal) {
            return Ok(r);
        }
    }
    Ok(Flow::Normal)
}

fn exec_stmt(interp: &mut Interp, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
    f.pos.set(s.span.start);
    match &s.kind {
        StmtKind::Expr(e) => {
            eval(interp, f, e)?;
        }
        StmtKind::Assign { targets, value } => {
            let v = eval(interp, f, value)?;
            for t in targets {
                assign(interp, f, t, v.clone())?;
            }
        }
        StmtKind::AugAssign { target, op, value } => aug_assign(interp, f, target, *op, value)?,
        StmtKind::Del(targets) => {
            for t in targets {
                delete(interp, f, t)?;
            }
        }
        StmtKind::Pass => {}
        StmtKind::Break => return Ok(Flow::Break),
        StmtKind::Continue => return Ok(Flow::Continue),
        StmtKind::Return(e) => {
            let v = match e {
                Some(e) => eval(interp, f, e)?,
                None => Value::NONE,
            };
            return Ok(Flow::Return(v));
        }
        StmtKind::Raise { exc, cause } => return Err(raise(interp, f, exc, cause)),
        StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        StmtKind::Assert { test, msg } => {
            let t = eval(interp, f, test)?;
            if !interp.truthy(&t)? {
                let args = match msg {
                    Some(m) => vec![eval(interp, f, m)?],
                    None => vec![],
                };
                let cls = interp.exc_type(ExcType::AssertionError).clone();
                let e = exceptions::new_exception(interp, &cls, args);
                return Err(PyErr(e));
            }
        }
        StmtKind::Import(aliases) => {
            for a in aliases {
                let m = import(interp, &a.name)?;
                match &a.asname {
                    Some(n) => store_name(interp, f, n, m)?,
                    None => {
                        let top = a.name.split('.').next().unwrap_or(&a.name);
                        let topm = import(interp, top)?;
                        store_name(interp, f, &Rc::from(top), topm)?;
                    }
                }
            }
        }
        StmtKind::ImportFrom {
            module,
            names,
            star,
            ..
        } => {
            let mname = module.clone().unwrap_or_else(|| Rc::from(""));
            let m = import(interp, &mname)?;
            if *star {
                for (n, v) in crate::runtime::import::star_names(interp, &m)? {
                    store_name(interp, f, &n, v)?;
                }
            } else {
                for a in names {
                    let v = match interp.getattr_opt(&m, &a.name)? {
                        Some(v) => v,
                        None => {
                            let full = format!("{mname}.{}", a.name);
                            match import(interp, &full) {
                                Ok(v) => v,
                                Err(_) => {
                                    let file = interp
                                        .getattr_opt(&m, "__file__")?
                                        .and_then(|v| v.as_str().map(|s| s.to_string()));
                                    let loc = match file {
                                        Some(p) => format!(" ({p})"),
                                        None => " (unknown location)".into(),
                                    };
                                    return Err(interp.err(
                                        ExcType::ImportError,
                                        format!(
                                            "cannot import name '{}' from '{mname}'{loc}",
                                            a.name
                                        ),
                                    ));
                                }
                            }
                        }
                    };
                    store_name(interp, f, a.asname.as_ref().unwrap_or(&a.name), v)?;
                }
            }
        }
        StmtKind::If { test, body, orelse } => {
            let t = eval(interp, f, test)?;
            return if interp.truthy(&t)? {
                exec_block(interp, f, body)
            } else {
                exec_block(interp, f, orelse)
            };
        }
        StmtKind::While { test, body, orelse } => loop {
            f.pos.set(s.span.start);
            let t = eval(interp, f, test)?;
            if !interp.truthy(&t)? {
                return exec_block(interp, f, orelse);
            }
            match exec_block(interp, f, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                _ => {}
            }
        },
        StmtKind::For {
            target,
            iter: it,
            body,
            orelse,
        } => {
            let seq = eval(interp, f, it)?;
            let it = interp.iter(&seq)?;
            drop(seq);
            loop {
                f.pos.set(s.span.start);
                let Some(item) = interp.next(&it)? else {
                    return exec_block(interp, f, orelse);
                };
                assign(interp, f, target, item)?;
                match exec_block(interp, f, body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    _ => {}
                }
            }
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => return exec_try(interp, f, body, handlers, orelse, finalbody),
        StmtKind::With { items, body } => return exec_with(interp, f, items, body),
        StmtKind::FunctionDef(def) => {
            let func = make_function(interp, f, def)?;
            let mut v = func;
            for d in def.decorators.iter().rev() {
                let dec = eval(interp, f, d)?;
                v = interp.call(&dec, &[v], &[])?;
            }
            store_name(interp, f, &def.name, v)?;
        }
        StmtKind::ClassDef(c) => {
            let cls = make_class(interp, f, c)?;
            let mut v = cls;
            for d in c.decorators.iter().rev() {
                let dec = eval(interp, f, d)?;
                v = interp.call(&dec, &[v], &[])?;
            }
            store_name(interp, f, &c.name, v)?;
        }
    }
    Ok(Flow::Normal)
}

fn import(interp: &mut Interp, name: &str) -> PyResult<Value> {
    crate::runtime::import::import_module(interp, name, run_module_source)
}

fn raise(interp: &mut Interp, f: &mut Frame, exc: &Option<Expr>, cause: &Option<Expr>) -> PyErr {
    let r: PyResult<Value> = (|| {
        let Some(exc) = exc else {
            return match interp.handled.last() {
                Some(e) => Ok(e.clone()),
                None => Err(interp.err(ExcType::RuntimeError, "No active exception to reraise")),
            };
        };
        let v = eval(interp, f, exc)?;
        let e = exceptions::make_raisable(interp, v)?;
        if let Some(c) = cause {
            let cv = eval(interp, f, c)?;
            let cv = if cv.is_none() {
                cv
            } else {
                exceptions::make_raisable(interp, cv)?
            };
            if let Some(d) = exceptions::exc_data(&e) {
                let mut d = d.borrow_mut();
                d.cause = cv;
                d.suppress_context = true;
            }
        }
        exceptions::set_context(interp, &e);
        Ok(e)
    })();
    match r {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn exec_try(
    interp: &mut Interp,
    f: &mut Frame,
    body: &[Stmt],
    handlers: &[ExceptHandler],
    orelse: &[Stmt],
    finalbody: &[Stmt],
) -> PyResult<Flow> {
    let mut result = exec_block(interp, f, body);
    match &result {
        Err(e) if !handlers.is_empty() => {
            let exc = e.0.clone();
            note_frame(interp, f, &exc);
            let mut handled = false;
            for h in handlers {
                let matched = match &h.typ {
                    None => true,
                    Some(t) => {
                        f.pos.set(h.span.start);
                        let tv = eval(interp, f, t);
                        match tv {
                            Ok(tv) => match exceptions::matches(interp, &exc, &tv) {
                                Ok(m) => m,
                                Err(e2) => {
                                    result = Err(e2);
                                    handled = true;
                                    break;
                                }
                            },
                            Err(e2) => {
                                result = Err(e2);
                                handled = true;
                                break;
                            }
                        }
                    }
                };
                if matched {
                    if let Some(n) = &h.name {
                        store_name(interp, f, n, exc.clone())?;
                    }
                    interp.handled.push(exc.clone());
                    let r = exec_block(interp, f, &h.body);
                    interp.handled.pop();
                    if let Err(e2) = &r {
                        exceptions::chain_context(&e2.0, &exc);
                    }
                    if let Some(n) = &h.name {
                        let _ = unbind_name(f, n);
                    }
                    result = r;
                    handled = true;
                    break;
                }
            }
            let _ = handled;
        }
        Ok(Flow::Normal) => result = exec_block(interp, f, orelse),
        _ => {}
    }
    if finalbody.is_empty() {
        return result;
    }
    let pending = match &result {
        Err(e) => Some(e.0.clone()),
        _ => None,
    };
    if let Some(p) = &pending {
        interp.handled.push(p.clone());
    }
    let fr = exec_block(interp, f, finalbody);
    if pending.is_some() {
        interp.handled.pop();
    }
    match fr {
        Ok(Flow::Normal) => result,
        Ok(other) => Ok(other),
        Err(e2) => {
            if let Some(p) = &pending {
                exceptions::chain_context(&e2.0, p);
            }
            Err(e2)
        }
    }
}

/// Add this frame to an exception's traceback when it is caught here (a
/// handler or `__exit__` sees a traceback that includes the raising line).
fn note_frame(interp: &Interp, f: &Frame, exc: &Value) {
    let line = f.unit.line_of(f.pos.get());
    exceptions::add_traceback(exc, &f.unit.file, line, &f.func_name, interp.depth);
}

fn exec_with(
    interp: &mut Interp,
    f: &mut Frame,
    items: &[WithItem],
    body: &[Stmt],
) -> PyResult<Flow> {
    let Some((first, rest)) = items.split_first() else {
        return exec_block(interp, f, body);
    };
    let mgr = eval(interp, f, &first.context)?;
    let cls = interp.type_of(&mgr);
    let enter =
        crate::runtime::attr::lookup_class_special(&cls, crate::runtime::attr::Special::Enter);
    let exit =
        crate::runtime::attr::lookup_class_special(&cls, crate::runtime::attr::Special::Exit);
    let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
        let missed = if enter.is_some() {
            " (missed __exit__ method)"
        } else {
            ""
        };
        return Err(interp.type_error(format!(
            "'{}' object does not support the context manager protocol{missed}",
            interp.type_name(&mgr)
        )));
    };
    let v = interp.call(&enter, std::slice::from_ref(&mgr), &[])?;
    if let Some(t) = &first.target {
        assign(interp, f, t, v)?;
    }
    let r = exec_with(interp, f, rest, body);
    match r {
        Err(e) => {
            let exc = e.0.clone();
            note_frame(interp, f, &exc);
            let etype = interp.type_of(&exc);
            let tb = exceptions::exc_data(&exc)
                .map(|d| exceptions::traceback_value(&d.borrow()))
                .unwrap_or(Value::NONE);
            interp.handled.push(exc.clone());
            let res = interp.call(&exit, &[mgr, etype, exc.clone(), tb], &[]);
            interp.handled.pop();
            match res {
                Ok(v) => {
                    // Limit errors always reach the host: no suppression.
                    if interp.truthy(&v)? && interp.limit_kind(&exc).is_none() {
                        Ok(Flow::Normal)
                    } else {
                        Err(e)
                    }
                }
                Err(e2) => {
                    exceptions::chain_context(&e2.0, &exc);
                    Err(e2)
                }
            }
        }
        Ok(flow) => {
            interp.call(&exit, &[mgr, Value::NONE, Value::NONE, Value::NONE], &[])?;
            Ok(flow)
        }
    }
}

fn make_signature(params: &Params) -> Signature {
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

/// The cells a new function (or class body) captures from this frame.
fn capture(interp: &Interp, f: &Frame, freevars: &[Name]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(freevars.len());
    for n in freevars {
        let cell = match f.scope.access(n) {
            Access::Cell(i) => f.locals[i as usize].clone(),
            Access::Free(i) => f.closure[i as usize].clone(),
            _ if &**n == "__class__" && f.scope.needs_class_cell => f.locals[0].clone(),
            _ => {
                return Err(interp.err(
                    ExcType::RuntimeError,
                    format!("internal error: no cell for free variable '{n}'"),
                ))
            }
        };
        out.push(cell);
    }
    Ok(out)
}

fn make_function(interp: &mut Interp, f: &mut Frame, def: &Rc<FunctionDef>) -> PyResult<Value> {
    let mut defaults = Vec::new();
    for p in &def.params.args {
        if let Some(d) = &p.default {
            defaults.push(eval(interp, f, d)?);
        }
    }
    let mut kwdefaults = Vec::new();
    for p in &def.params.kwonly {
        if let Some(d) = &p.default {
            kwdefaults.push((p.name.clone(), eval(interp, f, d)?));
        }
    }
    let scope = f.unit.symbols.function(def);
    let closure = capture(interp, f, &scope.freevars)?;
    let name: Name = if def.is_lambda {
        Rc::from("<lambda>")
    } else {
        def.name.clone()
    };
    let qualname: Rc<str> = Rc::from(format!("{}{}", f.qual_prefix, name));
    let code = Rc::new(TreeCode {
        name: name.clone(),
        body: Body::Def(def.clone()),
        scope,
        unit: f.unit.clone(),
        qual_prefix: Rc::from(format!("{qualname}.<locals>.")),
    });
    let module = dict_of(&f.globals)
        .borrow()
        .get_str("__name__")
        .cloned()
        .unwrap_or(Value::NONE);
    let doc = match def.body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) if !def.is_lambda => Some(Value::str(s)),
        _ => None,
    };
    let attrs = doc.map(|d| {
        let mut a = Dict::new();
        a.set_str("__doc__", d);
        a
    });
    Ok(Value::obj(Obj::Function(Box::new(Function {
        name,
        qualname,
        sig: Rc::new(make_signature(&def.params)),
        code: Code::Tree(code),
        fast_arity: crate::runtime::object::NO_FAST_ARITY,
        defaults,
        kwdefaults,
        closure,
        globals: f.globals.clone(),
        module,
        is_generator: def.is_generator,
        attrs: RefCell::new(attrs),
    }))))
}

fn make_class(interp: &mut Interp, f: &mut Frame, c: &Rc<ClassDef>) -> PyResult<Value> {
    let mut bases = Vec::new();
    for a in &c.bases {
        match a {
            Arg::Positional(e) => bases.push(eval(interp, f, e)?),
            Arg::Starred(e) => {
                let v = eval(interp, f, e)?;
                bases.extend(iter::collect(interp, &v)?);
            }
            Arg::Keyword(..) | Arg::DoubleStarred(_) => {
                return Err(interp.type_error("class keyword arguments are not supported"))
            }
        }
    }
    let scope = f.unit.symbols.class(c);
    let qualname: Rc<str> = Rc::from(format!("{}{}", f.qual_prefix, c.name));
    let module = dict_of(&f.globals)
        .borrow()
        .get_str("__name__")
        .cloned()
        .unwrap_or(Value::NONE);
    let mut ns = Dict::new();
    ns.set_str("__module__", module.clone());
    ns.set_str("__qualname__", Value::str(&qualname));
    let doc = match c.body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) => Value::str(s),
        _ => Value::NONE,
    };
    ns.set_str("__doc__", doc);
    let ns = Value::obj(Obj::Dict(RefCell::new(ns)));
    let mut locals = vec![Value::UNBOUND; scope.slots.len()];
    if scope.needs_class_cell {
        locals[0] = Value::obj(Obj::Cell(RefCell::new(Value::UNBOUND)));
    }
    let closure = capture(interp, f, &scope.freevars)?;
    let mut cf = Frame {
        locals,
        closure,
        globals: f.globals.clone(),
        ns: Some(ns.clone()),
        scope: scope.clone(),
        unit: f.unit.clone(),
        pos: Rc::new(Cell::new(c.span.start)),
        func_name: c.name.clone(),
        qual_prefix: Rc::from(format!("{qualname}.")),
        yielder: None,
    };
    interp.enter_call()?;
    let info = cf.info();
    // SAFETY: `info` lives until after the matching pop below.
    unsafe { interp.frames.push(&info) };
    let r = exec_block(interp, &mut cf, &c.body);
    interp.frames.pop();
    interp.leave_call();
    if let Err(e) = r {
        exceptions::add_traceback(
            &e.0,
            &cf.unit.file,
            cf.unit.line_of(cf.pos.get()),
            &cf.func_name,
            interp.depth,
        );
        return Err(e);
    }
    let dict = std::mem::take(&mut *dict_of(&ns).borrow_mut());
    let cls = interp.new_class(c.name.clone(), qualname, bases, dict, module)?;
    if scope.needs_class_cell {
        if let Some(Obj::Cell(cell)) = cf.locals[0].as_obj() {
            *cell.borrow_mut() = cls.clone();
        }
    }
    Ok(cls)
}

// ---- names ----

fn name_error(interp: &Interp, n: &str) -> PyErr {
    interp.err(ExcType::NameError, format!("name '{n}' is not defined"))
}

fn load_global(interp: &Interp, f: &Frame, n: &str) -> PyResult<Value> {
    if let Some(v) = dict_of(&f.globals).borrow().get_str(n) {
        return Ok(v.clone());
    }
    if let Some(v) = interp.builtin(n) {
        return Ok(v);
    }
    Err(name_error(interp, n))
}

fn load_name(interp: &mut Interp, f: &Frame, n: &Name) -> PyResult<Value> {
    match f.scope.access(n) {
        Access::Local(i) => {
            let v = &f.locals[i as usize];
            if v.is_unbound() {
                return Err(unbound_local(interp, n));
            }
            Ok(v.clone())
        }
        Access::Cell(i) => cell_get(interp, &f.locals[i as usize], n, false),
        Access::Free(i) => cell_get(interp, &f.closure[i as usize], n, true),
        Access::Global => load_global(interp, f, n),
        Access::Name => {
            if let Some(ns) = &f.ns {
                if let Some(v) = dict_of(ns).borrow().get_str(n) {
                    return Ok(v.clone());
                }
            }
            load_global(interp, f, n)
        }
    }
}

fn unbound_local(interp: &Interp, n: &str) -> PyErr {
    interp.err(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

fn cell_get(interp: &Interp, cell: &Value, n: &str, free: bool) -> PyResult<Value> {
    if let Some(Obj::Cell(c)) = cell.as_obj() {
        let v = c.borrow();
        if !v.is_unbound() {
            return Ok(v.clone());
        }
    }
    if free {
        Err(interp.err(
            ExcType::NameError,
            format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
        ))
    } else {
        Err(unbound_local(interp, n))
    }
}

fn store_name(_interp: &mut Interp, f: &mut Frame, n: &Name, v: Value) -> PyResult<()> {
    match f.scope.access(n) {
        Access::Local(i) => {
            let old = std::mem::replace(&mut f.locals[i as usize], v);
            drop(old);
        }
        Access::Cell(i) => cell_set(&f.locals[i as usize], v),
        Access::Free(i) => cell_set(&f.closure[i as usize], v),
        Access::Global => {
            let old = dict_of(&f.globals).borrow_mut().set_str(n, v);
            drop(old);
        }
        Access::Name => {
            let ns = f.ns.as_ref().unwrap_or(&f.globals);
            let old = dict_of(ns).borrow_mut().set_str(n, v);
            drop(old);
        }
    }
    Ok(())
}

fn cell_set(cell: &Value, v: Value) {
    if let Some(Obj::Cell(c)) = cell.as_obj() {
        let old = std::mem::replace(&mut *c.borrow_mut(), v);
        drop(old);
    }
}

/// Remove a binding; `false` if it was not bound.
fn unbind_name(f: &mut Frame, n: &Name) -> bool {
    match f.scope.access(n) {
        Access::Local(i) => {
            let old = std::mem::replace(&mut f.locals[i as usize], Value::UNBOUND);
            !old.is_unbound()
        }
        Access::Cell(i) | Access::Free(i) => {
            let cell = if matches!(f.scope.access(n), Access::Cell(_)) {
                &f.locals[i as usize]
            } else {
                &f.closure[i as usize]
            };
            if let Some(Obj::Cell(c)) = cell.as_obj() {
                let old = std::mem::replace(&mut *c.borrow_mut(), Value::UNBOUND);
                !old.is_unbound()
            } else {
                false
            }
        }
        Access::Global => dict_of(&f.globals).borrow_mut().remove_str(n).is_some(),
        Access::Name => {
            let ns = f.ns.as_ref().unwrap_or(&f.globals);
            let old = dict_of(ns).borrow_mut().remove_str(n);
            old.is_some()
        }
    }
}

// ---- targets ----

fn assign(interp: &mut Interp, f: &mut Frame, t: &Expr, v: Value) -> PyResult<()> {
    match &t.kind {
        ExprKind::Name(n) => store_name(interp, f, n, v),
        ExprKind::Attribute { value, attr } => {
            let obj = eval(interp, f, value)?;
            interp.setattr(&obj, attr, v)
        }
        ExprKind::Subscript { value, index } => {
            let obj = eval(interp, f, value)?;
            let idx = eval(interp, f, index)?;
            interp.setitem(&obj, &idx, v)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let star = items
                .iter()
                .position(|e| matches!(e.kind, ExprKind::Starred(_)));
            let vals = match star {
                None => iter::unpack(interp, &v, items.len(), false, 0)?,
                Some(p) => iter::unpack(interp, &v, p, true, items.len() - p - 1)?,
            };
            drop(v);
            for (t, x) in items.iter().zip(vals) {
                let t = match &t.kind {
                    ExprKind::Starred(inner) => inner,
                    _ => t,
                };
                assign(interp, f, t, x)?;
            }
            Ok(())
        }
        _ => Err(interp.err(ExcType::SyntaxError, "cannot assign to expression")),
    }
}

fn delete(interp: &mut Interp, f: &mut Frame, t: &Expr) -> PyResult<()> {
    match &t.kind {
        ExprKind::Name(n) => {
            if unbind_name(f, n) {
                Ok(())
            } else if matches!(f.scope.access(n), Access::Local(_) | Access::Cell(_)) {
                Err(unbound_local(interp, n))
            } else {
                Err(name_error(interp, n))
            }
        }
        ExprKind::Attribute { value, attr } => {
            let obj = eval(interp, f, value)?;
            interp.delattr(&obj, attr)
        }
        ExprKind::Subscript { value, index } => {
            let obj = eval(interp, f, value)?;
            let idx = eval(interp, f, index)?;
            interp.delitem(&obj, &idx)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                delete(interp, f, i)?;
            }
            Ok(())
        }
        _ => Err(interp.err(ExcType::SyntaxError, "cannot delete expression")),
    }
}

fn aug_assign(
    interp: &mut Interp,
    f: &mut Frame,
    target: &Expr,
    op: BinOp,
    value: &Expr,
) -> PyResult<()> {
    match &target.kind {
        ExprKind::Name(n) => {
            let cur = load_name(interp, f, n)?;
            let rhs = eval(interp, f, value)?;
            let new = interp.inplace_binop(op, &cur, &rhs)?;
            drop(cur);
            store_name(interp, f, n, new)
        }
        ExprKind::Attribute { value: obj, attr } => {
            let o = eval(interp, f, obj)?;
            let cur = interp.getattr(&o, attr)?;
            let rhs = eval(interp, f, value)?;
            let new = interp.inplace_binop(op, &cur, &rhs)?;
            interp.setattr(&o, attr, new)
        }
        ExprKind::Subscript { value: obj, index } => {
            let o = eval(interp, f, obj)?;
            let i = eval(interp, f, index)?;
            let cur = interp.getitem(&o, &i)?;
            let rhs = eval(interp, f, value)?;
            let new = interp.inplace_binop(op, &cur, &rhs)?;
            interp.setitem(&o, &i, new)
        }
        _ => Err(interp.err(
            ExcType::SyntaxError,
            "illegal expression for augmented assignment",
        )),
    }
}

// ---- expressions ----

pub fn eval(interp: &mut Interp, f: &mut Frame, e: &Expr) -> PyResult<Value> {
    match &e.kind {
        ExprKind::Name(n) => load_name(interp, f, n),
        ExprKind::Int(i) => Ok(match num_traits::ToPrimitive::to_i64(i) {
            Some(small) => Value::int(small),
            None => Value::bigint(i.clone()),
        }),
        ExprKind::Float(x) => Ok(Value::float(*x)),
        ExprKind::Str(s) => Ok(Value::str(s)),
        ExprKind::Bool(b) => Ok(Value::bool(*b)),
        ExprKind::NoneLit => Ok(Value::NONE),
        ExprKind::Ellipsis => Ok(Value::ELLIPSIS),
        ExprKind::FString(parts) => {
            let s = eval_fstring(interp, f, parts)?;
            Ok(Value::string(s))
        }
        ExprKind::BinOp { left, op, right } => {
            let a = eval(interp, f, left)?;
            let b = eval(interp, f, right)?;
            interp.binop(*op, &a, &b)
        }
        ExprKind::UnaryOp { op, operand } => {
            let v = eval(interp, f, operand)?;
            interp.unary(*op, &v)
        }
        ExprKind::BoolOp { op, values } => {
            let mut last = Value::NONE;
            for (i, x) in values.iter().enumerate() {
                last = eval(interp, f, x)?;
                if i + 1 == values.len() {
                    break;
                }
                let t = interp.truthy(&last)?;
                match op {
                    BoolOpKind::And if !t => return Ok(last),
                    BoolOpKind::Or if t => return Ok(last),
                    _ => {}
                }
            }
            Ok(last)
        }
        ExprKind::Compare { left, comparisons } => {
            let mut a = eval(interp, f, left)?;
            let n = comparisons.len();
            for (i, (op, rhs)) in comparisons.iter().enumerate() {
                let b = eval(interp, f, rhs)?;
                let r = interp.compare(*op, &a, &b)?;
                if i + 1 == n {
                    return Ok(r);
                }
                if !interp.truthy(&r)? {
                    return Ok(r);
                }
                a = b;
            }
            Ok(Value::TRUE)
        }
        ExprKind::Call { func, args } => eval_call(interp, f, func, args),
        ExprKind::Attribute { value, attr } => {
            let v = eval(interp, f, value)?;
            interp.getattr(&v, attr)
        }
        ExprKind::Subscript { value, index } => {
            let v = eval(interp, f, value)?;
            let i = eval(interp, f, index)?;
            interp.getitem(&v, &i)
        }
        ExprKind::Slice { lower, upper, step } => {
            let mut parts = [Value::NONE, Value::NONE, Value::NONE];
            for (slot, x) in parts.iter_mut().zip([lower, upper, step]) {
                if let Some(x) = x {
                    *slot = eval(interp, f, x)?;
                }
            }
            Ok(Value::obj(Obj::Slice(Box::new(parts))))
        }
        ExprKind::Tuple(items) => Ok(Value::tuple(eval_items(interp, f, items)?)),
        ExprKind::List(items) => Ok(Value::list(eval_items(interp, f, items)?)),
        ExprKind::Set(items) => {
            let vals = eval_items(interp, f, items)?;
            let s = if items.len() >= 3 && items.iter().all(is_constant) {
                // CPython 3.11 builds such a literal from a frozenset
                // constant, which decides the iteration order.
                let frozen = hash::build_set(interp, vals)?;
                let frozen = Value::obj(Obj::FrozenSet(frozen));
                crate::runtime::methods::set_from_iterable(interp, &frozen)?
            } else {
                hash::build_set(interp, vals)?
            };
            Ok(Value::obj(Obj::Set(RefCell::new(s))))
        }
        ExprKind::Dict(items) => {
            let d = hash::new_dict();
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        let k = eval(interp, f, k)?;
                        let v = eval(interp, f, v)?;
                        hash::dict_set(interp, &d, k, v)?;
                    }
                    DictItem::Unpack(m) => {
                        let m = eval(interp, f, m)?;
                        hash::dict_update_from(interp, &d, &m)?;
                    }
                }
            }
            Ok(d)
        }
        ExprKind::Starred(_) => {
            Err(interp.err(ExcType::SyntaxError, "can't use starred expression here"))
        }
        ExprKind::Lambda(def) => make_function(interp, f, def),
        ExprKind::IfExp { test, body, orelse } => {
            let t = eval(interp, f, test)?;
            if interp.truthy(&t)? {
                eval(interp, f, body)
            } else {
                eval(interp, f, orelse)
            }
        }
        ExprKind::ListComp { elt, generators } => {
            let mut out = Vec::new();
            let mut cf = comp_frame(interp, f, e, generators)?;
            comp_loop(interp, &mut cf, generators, 0, &mut |it, cf| {
                out.push(eval(it, cf, elt)?);
                Ok(())
            })?;
            Ok(Value::list(out))
        }
        ExprKind::SetComp { elt, generators } => {
            let mut out = crate::runtime::set::PySet::new();
            let mut cf = comp_frame(interp, f, e, generators)?;
            comp_loop(interp, &mut cf, generators, 0, &mut |it, cf| {
                let v = eval(it, cf, elt)?;
                hash::pyset_add(it, &mut out, v)
            })?;
            Ok(Value::obj(Obj::Set(RefCell::new(out))))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            let d = hash::new_dict();
            let mut cf = comp_frame(interp, f, e, generators)?;
            comp_loop(interp, &mut cf, generators, 0, &mut |it, cf| {
                let k = eval(it, cf, key)?;
                let v = eval(it, cf, value)?;
                hash::dict_set(it, &d, k, v)
            })?;
            Ok(d)
        }
        ExprKind::GeneratorExp { .. } => {
            let generators = match &e.kind {
                ExprKind::GeneratorExp { generators, .. } => generators,
                _ => unreachable!(),
            };
            let cf = comp_frame(interp, f, e, generators)?;
            let code = Rc::new(TreeCode {
                name: Rc::from("<genexpr>"),
                body: Body::GenExp(e as *const Expr),
                scope: cf.scope.clone(),
                unit: f.unit.clone(),
                qual_prefix: f.qual_prefix.clone(),
            });
            let qual: Rc<str> = Rc::from(format!("{}<genexpr>", f.qual_prefix));
            Ok(make_generator(code, cf, Rc::from("<genexpr>"), qual))
        }
        ExprKind::Yield(v) => {
            let v = match v {
                Some(v) => eval(interp, f, v)?,
                None => Value::NONE,
            };
            super::generator::yield_value(interp, f, v)
        }
        ExprKind::YieldFrom(v) => {
            let v = eval(interp, f, v)?;
            super::generator::yield_from(interp, f, v)
        }
    }
}

fn is_constant(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
    ) || matches!(&e.kind, ExprKind::UnaryOp { op: UnaryOp::Neg, operand } if matches!(operand.kind, ExprKind::Int(_) | ExprKind::Float(_)))
}

fn eval_items(interp: &mut Interp, f: &mut Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match &x.kind {
            ExprKind::Starred(inner) => {
                let v = eval(interp, f, inner)?;
                out.extend(iter::collect(interp, &v)?);
            }
            _ => out.push(eval(interp, f, x)?),
        }
    }
    Ok(out)
}

fn eval_fstring(interp: &mut Interp, f: &mut Frame, parts: &[FStringPart]) -> PyResult<String> {
    let mut s = String::new();
    for p in parts {
        match p {
            FStringPart::Literal(l) => s.push_str(l),
            FStringPart::Expr {
                expr,
                conversion,
                spec,
                debug_text,
            } => {
                if let Some(d) = debug_text {
                    s.push_str(d);
                }
                let v = eval(interp, f, expr)?;
                let conv = match (conversion, debug_text, spec) {
                    (Some(c), _, _) => Some(*c),
                    (None, Some(_), None) => Some('r'),
                    _ => None,
                };
                let v = match conv {
                    Some('r') | Some('a') => Value::string(interp.repr(&v)?),
                    Some('s') => interp.str_value(&v)?,
                    _ => v,
                };
                let spec_text = match spec {
                    Some(sp) => eval_fstring(interp, f, sp)?,
                    None => String::new(),
                };
                s.push_str(&crate::runtime::methods::format_value(
                    interp, &v, &spec_text,
                )?);
            }
        }
    }
    Ok(s)
}

fn eval_call(interp: &mut Interp, f: &mut Frame, func: &Expr, args: &[Arg]) -> PyResult<Value> {
    // Zero-argument super(): the class cell and the first argument.
    if let ExprKind::Name(n) = &func.kind {
        if &**n == "super" && args.is_empty() && matches!(f.scope.access("super"), Access::Global) {
            if let Access::Free(i) = f.scope.access("__class__") {
                let cls = cell_get(interp, &f.closure[i as usize], "__class__", true)?;
                let this = match f.locals.first() {
                    Some(v) if !v.is_unbound() => match v.as_obj() {
                        Some(Obj::Cell(c)) => c.borrow().clone(),
                        _ => v.clone(),
                    },
                    _ => return Err(interp.err(ExcType::RuntimeError, "super(): no arguments")),
                };
                return Ok(Value::obj(Obj::Super(cls, this)));
            }
        }
    }
    let callee = eval(interp, f, func)?;
    if args.is_empty() && interp.builtin("locals").is_some_and(|l| l.is(&callee)) {
        return Ok(frame_locals(f));
    }
    let mut pos = Vec::with_capacity(args.len());
    let mut kw: Vec<(Name, Value)> = Vec::new();
    for a in args {
        match a {
            Arg::Positional(e) => pos.push(eval(interp, f, e)?),
            Arg::Starred(e) => {
                let v = eval(interp, f, e)?;
                pos.extend(iter::collect(interp, &v)?);
            }
            Arg::Keyword(n, e, _) => kw.push((n.clone(), eval(interp, f, e)?)),
            Arg::DoubleStarred(e) => {
                let m = eval(interp, f, e)?;
                let d = hash::new_dict();
                hash::dict_update_from(interp, &d, &m)?;
                for (k, v) in hash::dict_items(&d) {
                    let Some(k) = k.as_str() else {
                        return Err(interp.type_error("keywords must be strings"));
                    };
                    kw.push((Rc::from(k), v));
                }
            }
        }
    }
    let r = interp.call(&callee, &pos, &kw);
    // Arguments die here, as in CPython: their finalizers run before the
    // enclosing expression goes on (`print(len([Tracked()]))`).
    drop((pos, kw, callee));
    interp.run_finalizers();
    r
}

/// `locals()`: the namespace at module/class level, else a snapshot of
/// the bound local variables.
fn frame_locals(f: &Frame) -> Value {
    if let Some(ns) = &f.ns {
        return ns.clone();
    }
    let mut d = Dict::new();
    for (name, access) in f.scope.slots.iter().map(|n| (n, f.scope.access(n))) {
        let v = match access {
            Access::Local(i) => f.locals[i as usize].clone(),
            Access::Cell(i) => match f.locals[i as usize].as_obj() {
                Some(Obj::Cell(c)) => c.borrow().clone(),
                _ => Value::UNBOUND,
            },
            _ => Value::UNBOUND,
        };
        if !v.is_unbound() {
            d.set_str(name, v);
        }
    }
    Value::obj(Obj::Dict(RefCell::new(d)))
}

/// A frame for a comprehension: its own scope, `.0` bound to the iterator
/// of the first iterable (evaluated in the enclosing frame).
fn comp_frame(
    interp: &mut Interp,
    f: &mut Frame,
    e: &Expr,
    gens: &[Comprehension],
) -> PyResult<Frame> {
    let scope = f.unit.symbols.comprehension(e);
    let first = eval(interp, f, &gens[0].iter)?;
    let it = interp.iter(&first)?;
    let mut locals = vec![Value::UNBOUND; scope.slots.len()];
    locals[0] = it;
    for &c in &scope.cell_slots {
        let v = std::mem::replace(&mut locals[c as usize], Value::UNBOUND);
        locals[c as usize] = Value::obj(Obj::Cell(RefCell::new(v)));
    }
    let closure = capture(interp, f, &scope.freevars)?;
    let name = match &e.kind {
        ExprKind::ListComp { .. } => "<listcomp>",
        ExprKind::SetComp { .. } => "<setcomp>",
        ExprKind::DictComp { .. } => "<dictcomp>",
        _ => "<genexpr>",
    };
    Ok(Frame {
        locals,
        closure,
        globals: f.globals.clone(),
        ns: None,
        scope,
        unit: f.unit.clone(),
        pos: Rc::new(Cell::new(e.span.start)),
        func_name: Rc::from(name),
        qual_prefix: f.qual_prefix.clone(),
        yielder: None,
    })
}

type CompBody<'a> = dyn FnMut(&mut Interp, &mut Frame) -> PyResult<()> + 'a;

fn comp_loop(
    interp: &mut Interp,
    f: &mut Frame,
    gens: &[Comprehension],
    level: usize,
    body: &mut CompBody,
) -> PyResult<()> {
    let g = &gens[level];
    let it = if level == 0 {
        let v = f.locals[0].clone();
        match v.as_obj() {
            Some(Obj::Cell(c)) => c.borrow().clone(),
            _ => v,
        }
    } else {
        let v = eval(interp, f, &g.iter)?;
        interp.iter(&v)?
    };
    'items: while let Some(x) = interp.next(&it)? {
        interp.tick()?;
        assign(interp, f, &g.target, x)?;
        for cond in &g.ifs {
            let c = eval(interp, f, cond)?;
            if !interp.truthy(&c)? {
                continue 'items;
            }
        }
        if level + 1 == gens.len() {
            body(interp, f)?;
        } else {
            comp_loop(interp, f, gens, level + 1, body)?;
        }
    }
    Ok(())
}
