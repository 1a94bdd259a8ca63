//! Name resolution (CPython's symtable): decides for every name in every
//! scope whether it is a local slot, a cell shared with inner functions, a
//! free variable from an enclosing function, a global, or (in class bodies)
//! a namespace lookup. Every backend uses the same answer.

use super::ast::*;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A small, fast hasher for identifier lookups (the tree-walker resolves a
/// name on every access; SipHash's DoS resistance buys nothing here since
/// the keys come from the program's own source).
#[derive(Default)]
pub struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

pub type NameMap<V> = HashMap<Name, V, BuildHasherDefault<NameHasher>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A plain local slot.
    Local(u32),
    /// A local slot holding a cell object (captured by inner functions).
    Cell(u32),
    /// The n-th free variable (a cell from the closure).
    Free(u32),
    /// Module globals, then builtins.
    Global,
    /// Class body or module level: the namespace dict, then globals, then builtins.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub names: NameMap<Access>,
    /// Slot names, parameters first in signature order.
    pub slots: Vec<Name>,
    /// Slots that hold cells (created at frame entry).
    pub cell_slots: Vec<u32>,
    pub freevars: Vec<Name>,
    /// Class scopes whose methods use `super()`/`__class__`: the `__class__`
    /// cell the class body creates.
    pub needs_class_cell: bool,
}

impl Scope {
    pub fn access(&self, name: &str) -> Access {
        match self.names.get(name) {
            Some(a) => *a,
            None => match self.kind {
                ScopeKind::Module | ScopeKind::Class => Access::Name,
                _ => Access::Global,
            },
        }
    }
}

/// Scopes of one source file, keyed by the address of their AST node.
pub struct SymbolTable {
    pub module: Rc<Scope>,
    scopes: HashMap<usize, Rc<Scope>>,
}

impl SymbolTable {
    pub fn function(&self, f: &FunctionDef) -> Rc<Scope> {
        self.scopes[&(f as *const FunctionDef as usize)].clone()
    }
    pub fn class(&self, c: &ClassDef) -> Rc<Scope> {
        self.scopes[&(c as *const ClassDef as usize)].clone()
    }
    pub fn comprehension(&self, e: &Expr) -> Rc<Scope> {
        self.scopes[&(e as *const Expr as usize)].clone()
    }
}

struct Builder {
    kind: ScopeKind,
    key: usize,
    params: Vec<Name>,
    bound: Vec<Name>,
    bound_set: HashSet<Name>,
    globals: HashSet<Name>,
    nonlocals: HashSet<Name>,
    used: HashSet<Name>,
    children: Vec<Builder>,
    uses_super: bool,
}

impl Builder {
    fn new(kind: ScopeKind, key: usize) -> Builder {
        Builder {
            kind,
            key,
            params: vec![],
            bound: vec![],
            bound_set: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: HashSet::new(),
            children: vec![],
            uses_super: false,
        }
    }
    fn bind(&mut self, n: &Name) {
        if self.bound_set.insert(n.clone()) {
            self.bound.push(n.clone());
        }
    }
    fn is_local(&self, n: &str) -> bool {
        self.bound_set.contains(n) && !self.globals.contains(n) && !self.nonlocals.contains(n)
    }
}

pub fn analyze(module: &Module) -> SymbolTable {
    let mut root = Builder::new(ScopeKind::Module, 0);
    for s in &module.body {
        collect_stmt(&mut root, s);
    }
    let mut scopes = HashMap::new();
    let mut stack: Vec<&Builder> = Vec::new();
    let mut cells_needed: HashMap<usize, HashSet<Name>> = HashMap::new();
    // First compute which names inner scopes capture, so enclosing scopes
    // know which locals must be cells.
    find_captures(&root, &mut stack, &mut cells_needed);
    let module = resolve(&root, &mut Vec::new(), &cells_needed, &mut scopes);
    SymbolTable { module, scopes }
}

fn find_captures<'a>(
    b: &'a Builder,
    stack: &mut Vec<&'a Builder>,
    cells: &mut HashMap<usize, HashSet<Name>>,
) {
    if b.kind != ScopeKind::Module {
        let mut wanted: Vec<Name> = b
            .used
            .iter()
            .filter(|n| !b.is_local(n) && !b.globals.contains(*n))
            .cloned()
            .collect();
        wanted.extend(b.nonlocals.iter().cloned());
        if b.kind == ScopeKind::Class {
            wanted.retain(|n| !b.bound_set.contains(n));
        }
        for n in wanted {
            for outer in stack.iter().rev() {
                if outer.kind == ScopeKind::Class {
                    continue;
                }
                if outer.kind == ScopeKind::Module {
                    break;
                }
                if outer.is_local(&n) {
                    cells.entry(outer.key).or_default().insert(n.clone());
                    break;
                }
            }
        }
        if b.uses_super {
            if let Some(c) = stack.iter().rev().find(|o| o.kind == ScopeKind::Class) {
                cells
                    .entry(c.key)
                    .or_default()
                    .insert(Rc::from("__class__"));
            }
        }
    }
    stack.push(b);
    for c in &b.children {
        find_captures(c, stack, cells);
    }
    stack.pop();
}

fn resolve<'a>(
    b: &'a Builder,
    stack: &mut Vec<&'a Builder>,
    cells: &HashMap<usize, HashSet<Name>>,
    out: &mut HashMap<usize, Rc<Scope>>,
) -> Rc<Scope> {
    let mut names = NameMap::default();
    let mut slots: Vec<Name> = Vec::new();
    let mut cell_slots = Vec::new();
    let mut freevars: Vec<Name> = Vec::new();
    let my_cells = cells.get(&b.key);
    let is_fn = matches!(b.kind, ScopeKind::Function | ScopeKind::Comprehension);
    // Is `n` available as a local or free variable of an enclosing function?
    let from_enclosing = |n: &str, stack: &[&Builder]| -> bool {
        for outer in stack.iter().rev() {
            if outer.kind == ScopeKind::Class {
                if n == "__class__"
                    && cells
                        .get(&outer.key)
                        .is_some_and(|c| c.contains("__class__"))
                {
                    return true;
                }
                continue;
            }
            if outer.kind == ScopeKind::Module {
                return false;
            }
            if outer.is_local(n) {
                return true;
            }
        }
        false
    };
    if is_fn {
        for p in b.params.iter().chain(b.bound.iter()) {
            if b.is_local(p) && !names.contains_key(p) {
                let slot = slots.len() as u32;
                slots.push(p.clone());
                if my_cells.is_some_and(|c| c.contains(p)) {
                    cell_slots.push(slot);
                    names.insert(p.clone(), Access::Cell(slot));
                } else {
                    names.insert(p.clone(), Access::Local(slot));
                }
            }
        }
        let mut free_candidates: Vec<Name> = b.used.iter().cloned().collect();
        free_candidates.extend(b.nonlocals.iter().cloned());
        if b.uses_super {
            free_candidates.push(Rc::from("__class__"));
        }
        // Names inner scopes pass through us must be free here too.
        for c in all_descendant_wants(b) {
            free_candidates.push(c);
        }
        free_candidates.sort();
        free_candidates.dedup();
        for n in free_candidates {
            if names.contains_key(&n) || b.globals.contains(&n) {
                continue;
            }
            if from_enclosing(&n, stack) {
                names.insert(n.clone(), Access::Free(freevars.len() as u32));
                freevars.push(n);
            }
        }
        for g in &b.globals {
            names.insert(g.clone(), Access::Global);
        }
    } else {
        // Module and class bodies use their namespace dict, but a class
        // body can see free variables of enclosing functions.
        if b.kind == ScopeKind::Class {
            for n in b.used.iter().chain(all_descendant_wants(b).iter()) {
                if b.bound_set.contains(n) || b.globals.contains(n) || names.contains_key(n) {
                    continue;
                }
                if from_enclosing(n, stack) {
                    names.insert(n.clone(), Access::Free(freevars.len() as u32));
                    freevars.push(n.clone());
                }
            }
            if my_cells.is_some_and(|c| c.contains("__class__")) {
                // The `__class__` cell lives in slot 0 of the class frame.
                slots.push(Rc::from("__class__"));
                cell_slots.push(0);
            }
            for g in &b.globals {
                names.insert(g.clone(), Access::Global);
            }
        }
    }
    stack.push(b);
    for c in &b.children {
        let s = resolve(c, stack, cells, out);
        out.insert(c.key, s);
    }
    stack.pop();
    Rc::new(Scope {
        kind: b.kind,
        names,
        slots,
        cell_slots,
        freevars,
        needs_class_cell: b.kind == ScopeKind::Class
            && my_cells.is_some_and(|c| c.contains("__class__")),
    })
}

/// Names that nested function scopes need from outside themselves.
fn all_descendant_wants(b: &Builder) -> Vec<Name> {
    let mut out = Vec::new();
    for c in &b.children {
        if c.kind == ScopeKind::Function || c.kind == ScopeKind::Comprehension {
            for n in c.used.iter().chain(c.nonlocals.iter()) {
                if !c.is_local(n) && !c.globals.contains(n) {
                    out.push(n.clone());
                }
            }
            if c.uses_super {
                out.push(Rc::from("__class__"));
            }
        }
        for n in all_descendant_wants(c) {
            if !c.is_local(&n) {
                out.push(n);
            }
        }
    }
    out
}

fn collect_block(b: &mut Builder, body: &[Stmt]) {
    for s in body {
        collect_stmt(b, s);
    }
}

fn collect_stmt(b: &mut Builder, s: &Stmt) {
    match &s.kind {
        StmtKind::Expr(e) => collect_expr(b, e),
        StmtKind::Assign { targets, value } => {
            collect_expr(b, value);
            for t in targets {
                collect_target(b, t);
            }
        }
        StmtKind::AugAssign { target, value, .. } => {
            collect_expr(b, value);
            collect_expr(b, target);
            collect_target(b, target);
        }
        StmtKind::Del(ts) => {
            for t in ts {
                collect_target(b, t);
            }
        }
        StmtKind::Return(e) => {
            if let Some(e) = e {
                collect_expr(b, e)
            }
        }
        StmtKind::Raise { exc, cause } => {
            if let Some(e) = exc {
                collect_expr(b, e)
            }
            if let Some(e) = cause {
                collect_expr(b, e)
            }
        }
        StmtKind::Global(ns) => {
            for n in ns {
                b.globals.insert(n.clone());
            }
        }
        StmtKind::Nonlocal(ns) => {
            for n in ns {
                b.nonlocals.insert(n.clone());
            }
        }
        StmtKind::Assert { test, msg } => {
            collect_expr(b, test);
            if let Some(m) = msg {
                collect_expr(b, m)
            }
        }
        StmtKind::Import(aliases) => {
            for a in aliases {
                let bound: Name = match &a.asname {
                    Some(n) => n.clone(),
                    None => Rc::from(a.name.split('.').next().unwrap_or(&a.name)),
                };
                b.bind(&bound);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                b.bind(a.asname.as_ref().unwrap_or(&a.name));
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            collect_expr(b, test);
            collect_block(b, body);
            collect_block(b, orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            collect_expr(b, iter);
            collect_target(b, target);
            collect_block(b, body);
            collect_block(b, orelse);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            collect_block(b, body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    collect_expr(b, t);
                }
                if let Some(n) = &h.name {
                    b.bind(n);
                }
                collect_block(b, &h.body);
            }
            collect_block(b, orelse);
            collect_block(b, finalbody);
        }
        StmtKind::With { items, body } => {
            for it in items {
                collect_expr(b, &it.context);
                if let Some(t) = &it.target {
                    collect_target(b, t);
                }
            }
            collect_block(b, body);
        }
        StmtKind::FunctionDef(f) => {
            for d in &f.decorators {
                collect_expr(b, d);
            }
            collect_function(b, f);
            b.bind(&f.name);
        }
        StmtKind::ClassDef(c) => {
            for d in &c.decorators {
                collect_expr(b, d);
            }
            for a in &c.bases {
                collect_arg(b, a);
            }
            let mut cb = Builder::new(ScopeKind::Class, &**c as *const ClassDef as usize);
            collect_block(&mut cb, &c.body);
            b.children.push(cb);
            b.bind(&c.name);
        }
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
    }
}

fn collect_function(b: &mut Builder, f: &Rc<FunctionDef>) {
    let p = &f.params;
    for param in p.args.iter().chain(p.kwonly.iter()) {
        if let Some(d) = &param.default {
            collect_expr(b, d);
        }
    }
    let mut fb = Builder::new(ScopeKind::Function, &**f as *const FunctionDef as usize);
    for param in p
        .args
        .iter()
        .chain(p.kwonly.iter())
        .chain(p.vararg.iter())
        .chain(p.kwarg.iter())
    {
        fb.params.push(param.name.clone());
        fb.bind(&param.name);
    }
    collect_block(&mut fb, &f.body);
    b.children.push(fb);
}

fn collect_target(b: &mut Builder, t: &Expr) {
    match &t.kind {
        ExprKind::Name(n) => b.bind(n),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                collect_target(b, i)
            }
        }
        ExprKind::Starred(e) => collect_target(b, e),
        _ => collect_expr(b, t),
    }
}

fn collect_arg(b: &mut Builder, a: &Arg) {
    match a {
        Arg::Positional(e) | Arg::Starred(e) | Arg::DoubleStarred(e) | Arg::Keyword(_, e, _) => {
            collect_expr(b, e)
        }
    }
}

fn collect_comprehension(b: &mut Builder, e: &Expr, elts: &[&Expr], gens: &[Comprehension]) {
    // The first iterable is evaluated in the enclosing scope.
    collect_expr(b, &gens[0].iter);
    let mut cb = Builder::new(ScopeKind::Comprehension, e as *const Expr as usize);
    let dot0: Name = Rc::from(".0");
    cb.params.push(dot0.clone());
    cb.bind(&dot0);
    for (i, g) in gens.iter().enumerate() {
        if i > 0 {
            collect_expr(&mut cb, &g.iter);
        }
        collect_target(&mut cb, &g.target);
        for cond in &g.ifs {
            collect_expr(&mut cb, cond);
        }
    }
    for x in elts {
        collect_expr(&mut cb, x);
    }
    b.children.push(cb);
}

fn collect_expr(b: &mut Builder, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => {
            if &**n == "super" {
                b.uses_super = true;
            }
            b.used.insert(n.clone());
        }
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::NoneLit
        | ExprKind::Ellipsis => {}
        ExprKind::FString(parts) => collect_fstring(b, parts),
        ExprKind::BinOp { left, right, .. } => {
            collect_expr(b, left);
            collect_expr(b, right);
        }
        ExprKind::UnaryOp { operand, .. } => collect_expr(b, operand),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| collect_expr(b, v)),
        ExprKind::Compare { left, comparisons } => {
            collect_expr(b, left);
            comparisons.iter().for_each(|(_, v)| collect_expr(b, v));
        }
        ExprKind::Call { func, args } => {
            collect_expr(b, func);
            args.iter().for_each(|a| collect_arg(b, a));
        }
        ExprKind::Attribute { value, .. } => collect_expr(b, value),
        ExprKind::Subscript { value, index } => {
            collect_expr(b, value);
            collect_expr(b, index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                collect_expr(b, x);
            }
        }
        ExprKind::Tuple(xs) | ExprKind::List(xs) | ExprKind::Set(xs) => {
            xs.iter().for_each(|x| collect_expr(b, x))
        }
        ExprKind::Dict(items) => {
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        collect_expr(b, k);
                        collect_expr(b, v);
                    }
                    DictItem::Unpack(v) => collect_expr(b, v),
                }
            }
        }
        ExprKind::Starred(x) => collect_expr(b, x),
        ExprKind::Lambda(f) => collect_function(b, f),
        ExprKind::IfExp { test, body, orelse } => {
            collect_expr(b, test);
            collect_expr(b, body);
            collect_expr(b, orelse);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            collect_comprehension(b, e, &[elt], generators)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => collect_comprehension(b, e, &[key, value], generators),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                collect_expr(b, v)
            }
        }
        ExprKind::YieldFrom(v) => collect_expr(b, v),
    }
}

fn collect_fstring(b: &mut Builder, parts: &[FStringPart]) {
    for p in parts {
        if let FStringPart::Expr { expr, spec, .. } = p {
            collect_expr(b, expr);
            if let Some(s) = spec {
                collect_fstring(b, s);
            }
        }
    }
}
