//! The checks CPython makes after parsing, with its messages:
//!
//! 1. `is_generator` is set on every function and lambda;
//! 2. the symbol-table pass (in source order): duplicate parameters,
//!    `global`/`nonlocal` after a use or assignment, `yield` inside a
//!    comprehension; then its analysis (scope by scope): `nonlocal` at module
//!    level, `no binding for nonlocal 'x' found`, `nonlocal and global`;
//! 3. the compiler's checks (in source order): `'return' outside function`,
//!    `'yield' outside function`, `'break' outside loop`, `'continue' not
//!    properly in loop`, misplaced starred expressions, a bare `except:` that
//!    is not last.
//!
//! The tree depth is bounded before parsing (see `parser::MAX_EXPR_DEPTH`),
//! so these passes recurse freely.

use super::ast::*;
use super::SyntaxError;
use std::collections::HashMap;
use std::rc::Rc;

pub(crate) fn check_module(_src: &str, m: &mut Module) -> Result<(), SyntaxError> {
    for s in &mut m.body {
        mark_stmt(s);
    }
    let mut st = SymTable::default();
    st.push(ScopeKind::Module);
    st.stmts(&m.body)?;
    let top = st.pop();
    analyze(&st.scopes, top, None)?;
    let mut c = Compiler::default();
    c.stmts(&m.body)
}

// ---------------------------------------------------------------------------
// Generic child visitors

fn params_defaults(p: &Params) -> impl Iterator<Item = &Expr> {
    p.args
        .iter()
        .chain(p.kwonly.iter())
        .filter_map(|a| a.default.as_ref())
}

fn arg_expr(a: &Arg) -> &Expr {
    match a {
        Arg::Positional(e) | Arg::Starred(e) | Arg::DoubleStarred(e) | Arg::Keyword(_, e, _) => e,
    }
}

fn arg_expr_mut(a: &mut Arg) -> &mut Expr {
    match a {
        Arg::Positional(e) | Arg::Starred(e) | Arg::DoubleStarred(e) | Arg::Keyword(_, e, _) => e,
    }
}

fn fstring_exprs<'a>(parts: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
    for p in parts {
        if let FStringPart::Expr { expr, spec, .. } = p {
            f(expr);
            if let Some(spec) = spec {
                fstring_exprs(spec, f);
            }
        }
    }
}

fn fstring_exprs_mut(parts: &mut [FStringPart], f: &mut dyn FnMut(&mut Expr)) {
    for p in parts {
        if let FStringPart::Expr { expr, spec, .. } = p {
            f(expr);
            if let Some(spec) = spec {
                fstring_exprs_mut(spec, f);
            }
        }
    }
}

/// Calls `f` on each direct sub-expression of `e` (for a lambda: its
/// defaults; comprehensions: all parts).
fn each_child<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match &e.kind {
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::NoneLit
        | ExprKind::Ellipsis => {}
        ExprKind::FString(parts) => fstring_exprs(parts, f),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::Compare { left, comparisons } => {
            f(left);
            comparisons.iter().for_each(|(_, x)| f(x));
        }
        ExprKind::Call { func, args } => {
            f(func);
            args.iter().for_each(|a| f(arg_expr(a)));
        }
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                f(x);
            }
        }
        ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => v.iter().for_each(f),
        ExprKind::Dict(items) => {
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        f(k);
                        f(v);
                    }
                    DictItem::Unpack(x) => f(x),
                }
            }
        }
        ExprKind::Starred(x) => f(x),
        ExprKind::Lambda(def) => params_defaults(&def.params).for_each(f),
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            comps(generators, f);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            f(key);
            f(value);
            comps(generators, f);
        }
        ExprKind::Yield(x) => {
            if let Some(x) = x {
                f(x)
            }
        }
        ExprKind::YieldFrom(x) => f(x),
    }
}

fn comps<'a>(generators: &'a [Comprehension], f: &mut dyn FnMut(&'a Expr)) {
    for g in generators {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut *f);
    }
}

/// The mutable twin of [`each_child`], also entering lambda bodies.
fn each_child_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    match &mut e.kind {
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::NoneLit
        | ExprKind::Ellipsis => {}
        ExprKind::FString(parts) => fstring_exprs_mut(parts, f),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(f),
        ExprKind::Compare { left, comparisons } => {
            f(left);
            comparisons.iter_mut().for_each(|(_, x)| f(x));
        }
        ExprKind::Call { func, args } => {
            f(func);
            args.iter_mut().for_each(|a| f(arg_expr_mut(a)));
        }
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                f(x);
            }
        }
        ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => v.iter_mut().for_each(f),
        ExprKind::Dict(items) => {
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        f(k);
                        f(v);
                    }
                    DictItem::Unpack(x) => f(x),
                }
            }
        }
        ExprKind::Starred(x) => f(x),
        ExprKind::Lambda(_) => {}
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            comps_mut(generators, f);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            f(key);
            f(value);
            comps_mut(generators, f);
        }
        ExprKind::Yield(x) => {
            if let Some(x) = x {
                f(x)
            }
        }
        ExprKind::YieldFrom(x) => f(x),
    }
}

fn comps_mut(generators: &mut [Comprehension], f: &mut dyn FnMut(&mut Expr)) {
    for g in generators {
        f(&mut g.target);
        f(&mut g.iter);
        g.ifs.iter_mut().for_each(&mut *f);
    }
}

// ---------------------------------------------------------------------------
// 1. is_generator

fn mark_def(def: &mut FunctionDef) {
    for d in &mut def.decorators {
        mark_expr(d);
    }
    for a in def
        .params
        .args
        .iter_mut()
        .chain(def.params.kwonly.iter_mut())
    {
        if let Some(d) = &mut a.default {
            mark_expr(d);
        }
    }
    for s in &mut def.body {
        mark_stmt(s);
    }
    def.is_generator = def.body.iter().any(stmt_yields);
}

fn mark_stmt(s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::FunctionDef(rc) => {
            if let Some(def) = Rc::get_mut(rc) {
                mark_def(def);
            }
        }
        StmtKind::ClassDef(rc) => {
            if let Some(c) = Rc::get_mut(rc) {
                c.decorators.iter_mut().for_each(mark_expr);
                c.bases.iter_mut().for_each(|a| mark_expr(arg_expr_mut(a)));
                c.body.iter_mut().for_each(mark_stmt);
            }
        }
        _ => {
            each_stmt_part_mut(s, &mut mark_expr, &mut |b| b.iter_mut().for_each(mark_stmt));
        }
    }
}

fn mark_expr(e: &mut Expr) {
    if let ExprKind::Lambda(rc) = &mut e.kind {
        if let Some(def) = Rc::get_mut(rc) {
            mark_def(def);
        }
        return;
    }
    each_child_mut(e, &mut mark_expr);
}

/// Visits the expressions and nested bodies of a statement that is not a
/// definition.
fn each_stmt_part_mut(
    s: &mut Stmt,
    fe: &mut dyn FnMut(&mut Expr),
    fb: &mut dyn FnMut(&mut Vec<Stmt>),
) {
    match &mut s.kind {
        StmtKind::Expr(e) => fe(e),
        StmtKind::Assign { targets, value } => {
            targets.iter_mut().for_each(&mut *fe);
            fe(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            fe(target);
            fe(value);
        }
        StmtKind::Del(v) => v.iter_mut().for_each(fe),
        StmtKind::Return(x) => {
            if let Some(x) = x {
                fe(x)
            }
        }
        StmtKind::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                fe(x);
            }
        }
        StmtKind::Assert { test, msg } => {
            fe(test);
            if let Some(m) = msg {
                fe(m);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            fe(test);
            fb(body);
            fb(orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            fe(target);
            fe(iter);
            fb(body);
            fb(orelse);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            fb(body);
            for h in handlers {
                if let Some(t) = &mut h.typ {
                    fe(t);
                }
                fb(&mut h.body);
            }
            fb(orelse);
            fb(finalbody);
        }
        StmtKind::With { items, body } => {
            for it in items {
                fe(&mut it.context);
                if let Some(t) = &mut it.target {
                    fe(t);
                }
            }
            fb(body);
        }
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::FunctionDef(_)
        | StmtKind::ClassDef(_) => {}
    }
}

/// Does this statement (in the current function's own scope) contain a
/// `yield`? Nested functions, classes and lambdas have their own scope,
/// except for what is evaluated outside them (decorators, defaults, bases,
/// the first iterable of a comprehension).
fn stmt_yields(s: &Stmt) -> bool {
    let mut in_exprs = false;
    let mut in_bodies = false;
    each_stmt_part(s, &mut |e| in_exprs |= expr_yields(e), &mut |b| {
        in_bodies |= b.iter().any(stmt_yields)
    });
    in_exprs || in_bodies
}

fn expr_yields(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. }
        | ExprKind::DictComp { generators, .. } => expr_yields(&generators[0].iter),
        _ => {
            let mut found = false;
            each_child(e, &mut |c| found |= expr_yields(c));
            found
        }
    }
}

/// Immutable statement visitor; for definitions it visits what is
/// evaluated in the enclosing scope (decorators, defaults, bases).
fn each_stmt_part<'a>(s: &'a Stmt, fe: &mut dyn FnMut(&'a Expr), fb: &mut dyn FnMut(&'a [Stmt])) {
    match &s.kind {
        StmtKind::Expr(e) => fe(e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut *fe);
            fe(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            fe(target);
            fe(value);
        }
        StmtKind::Del(v) => v.iter().for_each(fe),
        StmtKind::Return(x) => {
            if let Some(x) = x {
                fe(x)
            }
        }
        StmtKind::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                fe(x);
            }
        }
        StmtKind::Assert { test, msg } => {
            fe(test);
            if let Some(m) = msg {
                fe(m);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            fe(test);
            fb(body);
            fb(orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            fe(target);
            fe(iter);
            fb(body);
            fb(orelse);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            fb(body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    fe(t);
                }
                fb(&h.body);
            }
            fb(orelse);
            fb(finalbody);
        }
        StmtKind::With { items, body } => {
            for it in items {
                fe(&it.context);
                if let Some(t) = &it.target {
                    fe(t);
                }
            }
            fb(body);
        }
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().for_each(&mut *fe);
            params_defaults(&def.params).for_each(fe);
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(&mut *fe);
            c.bases.iter().for_each(|a| fe(arg_expr(a)));
        }
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
}

// ---------------------------------------------------------------------------
// 2. The symbol table

const DEF_GLOBAL: u32 = 1;
const DEF_LOCAL: u32 = 2;
const DEF_PARAM: u32 = 4;
const DEF_NONLOCAL: u32 = 8;
const USE: u32 = 16;
const DEF_IMPORT: u32 = 32;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, PartialEq)]
enum ScopeKind {
    Module,
    Function,
    Class,
}

struct Scope {
    kind: ScopeKind,
    /// Names in order of first appearance, with their flags.
    names: Vec<(Name, u32)>,
    index: HashMap<Name, usize>,
    /// Where each `global`/`nonlocal` declaration was (for messages).
    decl_spans: HashMap<Name, Span>,
    children: Vec<usize>,
}

#[derive(Default)]
struct SymTable {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
}

fn err(msg: String, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

impl SymTable {
    fn push(&mut self, kind: ScopeKind) {
        let id = self.scopes.len();
        self.scopes.push(Scope {
            kind,
            names: Vec::new(),
            index: HashMap::new(),
            decl_spans: HashMap::new(),
            children: Vec::new(),
        });
        if let Some(&parent) = self.stack.last() {
            self.scopes[parent].children.push(id);
        }
        self.stack.push(id);
    }

    fn pop(&mut self) -> usize {
        self.stack.pop().unwrap()
    }

    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.scopes[id]
    }

    fn lookup(&mut self, name: &Name) -> u32 {
        let sc = self.cur();
        sc.index.get(name).map_or(0, |&i| sc.names[i].1)
    }

    fn add(&mut self, name: &Name, flag: u32, span: Span) -> Result<(), SyntaxError> {
        let sc = self.cur();
        match sc.index.get(name) {
            Some(&i) => {
                if flag & DEF_PARAM != 0 && sc.names[i].1 & DEF_PARAM != 0 {
                    return Err(err(
                        format!("duplicate argument '{name}' in function definition"),
                        span,
                    ));
                }
                sc.names[i].1 |= flag;
            }
            None => {
                sc.index.insert(name.clone(), sc.names.len());
                sc.names.push((name.clone(), flag));
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn params(&mut self, p: &Params) -> Result<(), SyntaxError> {
        for a in p.args.iter().chain(p.kwonly.iter()) {
            self.add(&a.name, DEF_PARAM, a.span)?;
        }
        if let Some(a) = &p.vararg {
            self.add(&a.name, DEF_PARAM, a.span)?;
        }
        if let Some(a) = &p.kwarg {
            self.add(&a.name, DEF_PARAM, a.span)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::FunctionDef(def) => {
                self.add(&def.name, DEF_LOCAL, def.span)?;
                for d in params_defaults(&def.params) {
                    self.expr(d)?;
                }
                for d in &def.decorators {
                    self.expr(d)?;
                }
                self.push(ScopeKind::Function);
                self.params(&def.params)?;
                self.stmts(&def.body)?;
                self.pop();
            }
            StmtKind::ClassDef(c) => {
                self.add(&c.name, DEF_LOCAL, c.span)?;
                for a in &c.bases {
                    self.expr(arg_expr(a))?;
                }
                for d in &c.decorators {
                    self.expr(d)?;
                }
                self.push(ScopeKind::Class);
                self.stmts(&c.body)?;
                self.pop();
            }
            StmtKind::Global(names) => {
                for n in names {
                    let cur = self.lookup(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        return Err(err(msg, s.span));
                    }
                    self.add(n, DEF_GLOBAL, s.span)?;
                    self.cur().decl_spans.insert(n.clone(), s.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    let cur = self.lookup(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, s.span));
                    }
                    self.add(n, DEF_NONLOCAL, s.span)?;
                    self.cur().decl_spans.insert(n.clone(), s.span);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound: Name = match &a.asname {
                        Some(n) => n.clone(),
                        None => Rc::from(a.name.split('.').next().unwrap_or("")),
                    };
                    self.add(&bound, DEF_IMPORT, a.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add(&bound, DEF_IMPORT, a.span)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t)?;
                }
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)?;
            }
            StmtKind::Del(v) => {
                for t in v {
                    self.target(t)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            _ => {
                let mut res = Ok(());
                each_stmt_part(
                    s,
                    &mut |e| {
                        if res.is_ok() {
                            res = self.expr(e);
                        }
                    },
                    &mut |_| {},
                );
                res?;
                // If / While bodies.
                if let StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } =
                    &s.kind
                {
                    self.stmts(body)?;
                    self.stmts(orelse)?;
                }
            }
        }
        Ok(())
    }

    /// An assignment target: names are bound, everything else is used.
    fn target(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => self.add(n, DEF_LOCAL, e.span),
            ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().try_for_each(|x| self.target(x)),
            ExprKind::Starred(x) => self.target(x),
            _ => self.expr(e),
        }
    }

    fn comprehension(
        &mut self,
        kind: &str,
        elts: &[&Expr],
        generators: &[Comprehension],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.push(ScopeKind::Function);
        let res = (|| {
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    self.comp_expr(kind, &g.iter)?;
                }
                self.target(&g.target)?;
                for c in &g.ifs {
                    self.comp_expr(kind, c)?;
                }
            }
            for e in elts {
                self.comp_expr(kind, e)?;
            }
            Ok(())
        })();
        self.pop();
        res
    }

    fn comp_expr(&mut self, kind: &str, e: &Expr) -> Result<(), SyntaxError> {
        if let Some(y) = find_yield(e) {
            return Err(err(format!("'yield' inside {kind}"), y.span));
        }
        self.expr(e)
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => self.add(n, USE, e.span),
            ExprKind::Lambda(def) => {
                for d in params_defaults(&def.params) {
                    self.expr(d)?;
                }
                self.push(ScopeKind::Function);
                self.params(&def.params)?;
                let res = self.stmts(&def.body);
                self.pop();
                res
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("list comprehension", &[elt], generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("set comprehension", &[elt], generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("generator expression", &[elt], generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("dict comprehension", &[key, value], generators),
            _ => {
                let mut res = Ok(());
                each_child(e, &mut |c| {
                    if res.is_ok() {
                        res = self.expr(c);
                    }
                });
                res
            }
        }
    }
}

/// A `yield` in `e` outside nested scopes.
fn find_yield(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => Some(e),
        ExprKind::Lambda(_) => None,
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. }
        | ExprKind::DictComp { generators, .. } => find_yield(&generators[0].iter),
        _ => {
            let mut found = None;
            each_child(e, &mut |c| {
                if found.is_none() {
                    found = find_yield(c);
                }
            });
            found
        }
    }
}

/// CPython's `analyze_block`: resolves `global` / `nonlocal`.
/// `bound` is `None` at module level.
fn analyze(
    scopes: &[Scope],
    id: usize,
    bound: Option<&std::collections::HashSet<Name>>,
) -> Result<(), SyntaxError> {
    let sc = &scopes[id];
    let mut local = std::collections::HashSet::new();
    for (name, flags) in &sc.names {
        let span = sc.decl_spans.get(name).copied().unwrap_or_default();
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(err(format!("name '{name}' is nonlocal and global"), span));
            }
            continue;
        }
        if flags & DEF_NONLOCAL != 0 {
            match bound {
                None => {
                    return Err(err(
                        "nonlocal declaration not allowed at module level".into(),
                        span,
                    ))
                }
                Some(b) if !b.contains(name) => {
                    return Err(err(format!("no binding for nonlocal '{name}' found"), span))
                }
                _ => {}
            }
            continue;
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
        }
    }
    let mut newbound: std::collections::HashSet<Name> = std::collections::HashSet::new();
    if sc.kind == ScopeKind::Class {
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newbound.insert(Rc::from("__class__"));
    } else {
        if sc.kind == ScopeKind::Function {
            newbound.extend(local);
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        // Names declared global here are not bindings for inner scopes.
        for (name, flags) in &sc.names {
            if flags & DEF_GLOBAL != 0 {
                newbound.remove(name);
            }
        }
    }
    for &child in &sc.children {
        analyze(scopes, child, Some(&newbound))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 3. The compiler's checks

#[derive(Default)]
struct Compiler {
    in_function: bool,
    in_loop: bool,
}

impl Compiler {
    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn nested<T>(&mut self, function: bool, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = (self.in_function, self.in_loop);
        self.in_function = function;
        self.in_loop = false;
        let r = f(self);
        (self.in_function, self.in_loop) = saved;
        r
    }

    fn loop_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        let saved = self.in_loop;
        self.in_loop = true;
        let r = self.stmts(body);
        self.in_loop = saved;
        r
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Return(v) => {
                if !self.in_function {
                    return Err(err("'return' outside function".into(), s.span));
                }
                if let Some(v) = v {
                    self.value(v)?;
                }
            }
            StmtKind::Break => {
                if !self.in_loop {
                    return Err(err("'break' outside loop".into(), s.span));
                }
            }
            StmtKind::Continue => {
                if !self.in_loop {
                    return Err(err("'continue' not properly in loop".into(), s.span));
                }
            }
            StmtKind::Expr(e) => self.value(e)?,
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t)?;
                }
                self.value(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.value(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.target(target)?;
                self.value(iter)?;
                self.loop_body(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.loop_body(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for (i, h) in handlers.iter().enumerate() {
                    if h.typ.is_none() && i + 1 < handlers.len() {
                        return Err(err("default 'except:' must be last".into(), h.span));
                    }
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                for d in params_defaults(&def.params) {
                    self.expr(d)?;
                }
                self.nested(true, |c| c.stmts(&def.body))?;
            }
            StmtKind::ClassDef(cd) => {
                for d in &cd.decorators {
                    self.expr(d)?;
                }
                for a in &cd.bases {
                    self.arg(a)?;
                }
                self.nested(false, |c| c.stmts(&cd.body))?;
            }
            StmtKind::Del(v) => v.iter().try_for_each(|t| self.expr(t))?,
            StmtKind::Raise { exc, cause } => {
                for x in [exc, cause].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Pass
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Import(_)
            | StmtKind::ImportFrom { .. } => {}
        }
        Ok(())
    }

    /// An assignment target.
    fn target(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Starred(_) => Err(err(
                "starred assignment target must be in a list or tuple".into(),
                e.span,
            )),
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                let mut seen = false;
                for x in v {
                    if let ExprKind::Starred(inner) = &x.kind {
                        if seen {
                            return Err(err(
                                "multiple starred expressions in assignment".into(),
                                x.span,
                            ));
                        }
                        seen = true;
                        self.target(inner)?;
                    } else {
                        self.target(x)?;
                    }
                }
                Ok(())
            }
            _ => self.expr(e),
        }
    }

    /// A value position where a tuple display may hold starred items but a
    /// bare starred expression is an error.
    fn value(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        self.expr(e)
    }

    fn arg(&mut self, a: &Arg) -> Result<(), SyntaxError> {
        match a {
            Arg::Starred(e) | Arg::DoubleStarred(e) => self.expr(e),
            Arg::Positional(e) | Arg::Keyword(_, e, _) => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Starred(_) => {
                return Err(err("can't use starred expression here".into(), e.span))
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) if !self.in_function => {
                return Err(err("'yield' outside function".into(), e.span));
            }
            ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => {
                for x in v {
                    match &x.kind {
                        ExprKind::Starred(inner) => self.expr(inner)?,
                        _ => self.expr(x)?,
                    }
                }
                return Ok(());
            }
            ExprKind::Call { func, args } => {
                self.expr(func)?;
                return args.iter().try_for_each(|a| self.arg(a));
            }
            ExprKind::Lambda(def) => {
                for d in params_defaults(&def.params) {
                    self.expr(d)?;
                }
                return self.nested(true, |c| c.stmts(&def.body));
            }
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::DictComp { .. } => {
                // Comprehension targets are assignment targets.
                let (elts, generators): (Vec<&Expr>, &Vec<Comprehension>) = match &e.kind {
                    ExprKind::ListComp { elt, generators }
                    | ExprKind::SetComp { elt, generators }
                    | ExprKind::GeneratorExp { elt, generators } => (vec![&**elt], generators),
                    ExprKind::DictComp {
                        key,
                        value,
                        generators,
                    } => (vec![&**key, &**value], generators),
                    _ => unreachable!(),
                };
                for g in generators {
                    self.target(&g.target)?;
                    self.expr(&g.iter)?;
                    g.ifs.iter().try_for_each(|c| self.expr(c))?;
                }
                return elts.into_iter().try_for_each(|x| self.expr(x));
            }
            _ => {}
        }
        let mut res = Ok(());
        each_child(e, &mut |c| {
            if res.is_ok() {
                res = self.expr(c);
            }
        });
        res
    }
}
