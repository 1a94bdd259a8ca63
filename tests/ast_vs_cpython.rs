//! Compares tern's AST with CPython's (`python3 -c 'import ast'`) on the
//! conformance corpus, the benchmarks and `tests/cases/*.py`: both sides
//! print the same canonical S-expressions (see `tests/pyast_canon.py`),
//! spans included (line:byte-column, as CPython reports them).
//! Skipped when python3 or the corpus is not available.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tern::syntax::ast::*;
use tern::syntax::parse_module;

struct Canon<'a> {
    starts: Vec<usize>,
    _src: &'a str,
}

impl<'a> Canon<'a> {
    fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        Canon { starts, _src: src }
    }
    fn pos(&self, off: u32) -> String {
        let off = off as usize;
        let line = self.starts.partition_point(|&s| s <= off);
        format!("{}:{}", line, off - self.starts[line - 1])
    }
    fn s(&self, sp: Span) -> String {
        format!("{}-{}", self.pos(sp.start), self.pos(sp.end))
    }
    fn list<T>(&self, xs: &[T], f: impl Fn(&T) -> String) -> String {
        format!("[{}]", xs.iter().map(f).collect::<Vec<_>>().join(" "))
    }
    fn opt<T>(&self, x: &Option<T>, f: impl Fn(&T) -> String) -> String {
        x.as_ref().map_or("None".to_string(), f)
    }
    fn params(&self, p: &Params) -> String {
        let arg = |a: &Param| {
            format!(
                "(arg {} {} {})",
                self.s(a.span),
                a.name,
                self.opt(&a.default, |d| self.e(d))
            )
        };
        format!(
            "(params {} {} {} {} {})",
            p.posonly,
            self.list(&p.args, arg),
            self.opt(&p.vararg, arg),
            self.list(&p.kwonly, arg),
            self.opt(&p.kwarg, arg)
        )
    }
    fn args(&self, args: &[Arg]) -> String {
        let mut pos = Vec::new();
        let mut kws = Vec::new();
        for a in args {
            match a {
                Arg::Positional(e) => pos.push(self.e(e)),
                Arg::Starred(e) => {
                    pos.push(format!("(Starred {} {})", self.s(star_span(e)), self.e(e)))
                }
                Arg::Keyword(n, v, s) => {
                    kws.push(format!("(kw {} {} {})", self.s(*s), n, self.e(v)))
                }
                Arg::DoubleStarred(e) => kws.push(format!("(dstar {})", self.e(e))),
            }
        }
        format!("(args [{}] [{}])", pos.join(" "), kws.join(" "))
    }
    fn fparts(&self, parts: &[FStringPart]) -> String {
        let mut out: Vec<(bool, String)> = Vec::new();
        let push_lit = |out: &mut Vec<(bool, String)>, s: &str| {
            if let Some((true, last)) = out.last_mut() {
                last.push_str(s);
            } else {
                out.push((true, s.to_string()));
            }
        };
        for p in parts {
            match p {
                FStringPart::Literal(s) => push_lit(&mut out, s),
                FStringPart::Expr {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(d) = debug_text {
                        push_lit(&mut out, d);
                    }
                    let conv = match conversion {
                        Some(c) => c.to_string(),
                        None if debug_text.is_some() && spec.is_none() => "r".to_string(),
                        None => "None".to_string(),
                    };
                    let spec = spec
                        .as_ref()
                        .map_or("None".to_string(), |sp| self.fparts(sp));
                    out.push((false, format!("(fv {} {} {})", self.e(expr), conv, spec)));
                }
            }
        }
        let items: Vec<String> = out
            .into_iter()
            .map(|(lit, s)| {
                if lit {
                    format!("(lit {})", json(&s))
                } else {
                    s
                }
            })
            .collect();
        format!("[{}]", items.join(" "))
    }
    fn comp(&self, c: &Comprehension) -> String {
        format!(
            "(comp {} {} {})",
            self.e(&c.target),
            self.e(&c.iter),
            self.list(&c.ifs, |x| self.e(x))
        )
    }
    fn e(&self, x: &Expr) -> String {
        let s = self.s(x.span);
        match &x.kind {
            ExprKind::Name(n) => format!("(Name {s} {n})"),
            ExprKind::Int(i) => format!("(Int {s} {i})"),
            ExprKind::Float(f) => format!("(Float {s} {})", f.to_bits()),
            ExprKind::Str(v) => format!("(Str {s} {})", json(v)),
            ExprKind::FString(parts) => format!("(FString {s} {})", self.fparts(parts)),
            ExprKind::Bool(b) => format!("(Bool {s} {})", if *b { "True" } else { "False" }),
            ExprKind::NoneLit => format!("(None {s})"),
            ExprKind::Ellipsis => format!("(Ellipsis {s})"),
            ExprKind::BinOp { left, op, right } => {
                format!(
                    "(BinOp {s} {} {} {})",
                    self.e(left),
                    op.symbol(),
                    self.e(right)
                )
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = match op {
                    UnaryOp::Not => "not",
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    UnaryOp::Invert => "~",
                };
                format!("(UnaryOp {s} {op} {})", self.e(operand))
            }
            ExprKind::BoolOp { op, values } => {
                let op = if *op == BoolOpKind::And { "and" } else { "or" };
                format!("(BoolOp {s} {op} {})", self.list(values, |v| self.e(v)))
            }
            ExprKind::Compare { left, comparisons } => format!(
                "(Compare {s} {} {})",
                self.e(left),
                self.list(comparisons, |(op, c)| format!(
                    "({} {})",
                    op.symbol(),
                    self.e(c)
                ))
            ),
            ExprKind::Call { func, args } => {
                format!("(Call {s} {} {})", self.e(func), self.args(args))
            }
            ExprKind::Attribute { value, attr } => {
                format!("(Attribute {s} {} {attr})", self.e(value))
            }
            ExprKind::Subscript { value, index } => {
                format!("(Subscript {s} {} {})", self.e(value), self.e(index))
            }
            ExprKind::Slice { lower, upper, step } => format!(
                "(Slice {s} {} {} {})",
                self.opt(lower, |x| self.e(x)),
                self.opt(upper, |x| self.e(x)),
                self.opt(step, |x| self.e(x))
            ),
            ExprKind::Tuple(v) => format!("(Tuple {s} {})", self.list(v, |x| self.e(x))),
            ExprKind::List(v) => format!("(List {s} {})", self.list(v, |x| self.e(x))),
            ExprKind::Set(v) => format!("(Set {s} {})", self.list(v, |x| self.e(x))),
            ExprKind::Dict(items) => format!(
                "(Dict {s} {})",
                self.list(items, |it| match it {
                    DictItem::Pair(k, v) => format!("({} {})", self.e(k), self.e(v)),
                    DictItem::Unpack(v) => format!("(** {})", self.e(v)),
                })
            ),
            ExprKind::Starred(v) => format!("(Starred {s} {})", self.e(v)),
            ExprKind::Lambda(def) => {
                let body = match &def.body[0].kind {
                    StmtKind::Return(Some(b)) => self.e(b),
                    _ => "?".into(),
                };
                format!(
                    "(Lambda {s} {} {} {})",
                    self.params(&def.params),
                    body,
                    py_bool(def.is_generator)
                )
            }
            ExprKind::IfExp { test, body, orelse } => format!(
                "(IfExp {s} {} {} {})",
                self.e(test),
                self.e(body),
                self.e(orelse)
            ),
            ExprKind::ListComp { elt, generators } => {
                format!(
                    "(ListComp {s} {} {})",
                    self.e(elt),
                    self.list(generators, |c| self.comp(c))
                )
            }
            ExprKind::SetComp { elt, generators } => {
                format!(
                    "(SetComp {s} {} {})",
                    self.e(elt),
                    self.list(generators, |c| self.comp(c))
                )
            }
            ExprKind::GeneratorExp { elt, generators } => format!(
                "(GeneratorExp {s} {} {})",
                self.e(elt),
                self.list(generators, |c| self.comp(c))
            ),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => format!(
                "(DictComp {s} {} {} {})",
                self.e(key),
                self.e(value),
                self.list(generators, |c| self.comp(c))
            ),
            ExprKind::Yield(v) => format!("(Yield {s} {})", self.opt(v, |x| self.e(x))),
            ExprKind::YieldFrom(v) => format!("(YieldFrom {s} {})", self.e(v)),
        }
    }
    fn alias(&self, a: &Alias) -> String {
        format!(
            "(alias {} {} {})",
            self.s(a.span),
            a.name,
            self.opt(&a.asname, |n| n.to_string())
        )
    }
    fn st(&self, x: &Stmt) -> String {
        let s = self.s(x.span);
        let body = |b: &[Stmt]| self.list(b, |y| self.st(y));
        match &x.kind {
            StmtKind::Expr(e) => format!("(Expr {s} {})", self.e(e)),
            StmtKind::Assign { targets, value } => {
                format!(
                    "(Assign {s} {} {})",
                    self.list(targets, |t| self.e(t)),
                    self.e(value)
                )
            }
            StmtKind::AugAssign { target, op, value } => format!(
                "(AugAssign {s} {} {} {})",
                self.e(target),
                op.symbol(),
                self.e(value)
            ),
            StmtKind::Del(v) => format!("(Del {s} {})", self.list(v, |t| self.e(t))),
            StmtKind::Pass => format!("(Pass {s})"),
            StmtKind::Break => format!("(Break {s})"),
            StmtKind::Continue => format!("(Continue {s})"),
            StmtKind::Return(v) => format!("(Return {s} {})", self.opt(v, |e| self.e(e))),
            StmtKind::Raise { exc, cause } => format!(
                "(Raise {s} {} {})",
                self.opt(exc, |e| self.e(e)),
                self.opt(cause, |e| self.e(e))
            ),
            StmtKind::Global(n) => format!("(Global {s} {})", n.join(" ")),
            StmtKind::Nonlocal(n) => format!("(Nonlocal {s} {})", n.join(" ")),
            StmtKind::Assert { test, msg } => {
                format!(
                    "(Assert {s} {} {})",
                    self.e(test),
                    self.opt(msg, |e| self.e(e))
                )
            }
            StmtKind::Import(a) => format!("(Import {s} {})", self.list(a, |x| self.alias(x))),
            StmtKind::ImportFrom {
                module,
                names,
                star,
                level,
            } => format!(
                "(ImportFrom {s} {} {} {} {})",
                self.opt(module, |m| m.to_string()),
                level,
                self.list(names, |x| self.alias(x)),
                py_bool(*star)
            ),
            StmtKind::If {
                test,
                body: b,
                orelse,
            } => {
                format!("(If {s} {} {} {})", self.e(test), body(b), body(orelse))
            }
            StmtKind::While {
                test,
                body: b,
                orelse,
            } => {
                format!("(While {s} {} {} {})", self.e(test), body(b), body(orelse))
            }
            StmtKind::For {
                target,
                iter,
                body: b,
                orelse,
            } => format!(
                "(For {s} {} {} {} {})",
                self.e(target),
                self.e(iter),
                body(b),
                body(orelse)
            ),
            StmtKind::Try {
                body: b,
                handlers,
                orelse,
                finalbody,
            } => format!(
                "(Try {s} {} {} {} {})",
                body(b),
                self.list(handlers, |h| format!(
                    "(handler {} {} {} {})",
                    self.s(h.span),
                    self.opt(&h.typ, |t| self.e(t)),
                    self.opt(&h.name, |n| n.to_string()),
                    body(&h.body)
                )),
                body(orelse),
                body(finalbody)
            ),
            StmtKind::With { items, body: b } => format!(
                "(With {s} {} {})",
                self.list(items, |i| format!(
                    "(item {} {})",
                    self.e(&i.context),
                    self.opt(&i.target, |t| self.e(t))
                )),
                body(b)
            ),
            StmtKind::FunctionDef(def) => format!(
                "(FunctionDef {s} {} {} {} {} {})",
                def.name,
                self.params(&def.params),
                body(&def.body),
                self.list(&def.decorators, |d| self.e(d)),
                py_bool(def.is_generator)
            ),
            StmtKind::ClassDef(c) => format!(
                "(ClassDef {s} {} {} {} {})",
                c.name,
                self.args(&c.bases),
                body(&c.body),
                self.list(&c.decorators, |d| self.e(d))
            ),
        }
    }
}

/// `*x` in a call: CPython's Starred node starts at the `*`.
fn star_span(e: &Expr) -> Span {
    Span {
        start: e.span.start - 1,
        end: e.span.end,
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Python's `json.dumps` (ASCII-only).
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

#[test]
fn ast_matches_cpython() {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance"),
        &mut files,
    );
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench"),
        &mut files,
    );
    collect(&Path::new(manifest).join("tests/cases"), &mut files);
    collect(&Path::new(manifest).join("src/syntax/testdata"), &mut files);
    files.sort();
    let Ok(out) = Command::new("python3")
        .arg(Path::new(manifest).join("tests/pyast_canon.py"))
        .args(&files)
        .output()
    else {
        eprintln!("python3 not available; skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut expected: HashMap<String, Vec<String>> = HashMap::new();
    let mut cur = String::new();
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("=== ") {
            cur = p.to_string();
            expected.insert(cur.clone(), Vec::new());
        } else {
            expected.get_mut(&cur).unwrap().push(line.to_string());
        }
    }
    let mut failures = 0;
    let mut compared = 0;
    for f in &files {
        let key = f.to_string_lossy().to_string();
        let Some(want) = expected.get(&key) else {
            continue;
        };
        if want.first().map(String::as_str) == Some("ERROR") {
            continue;
        }
        let src = std::fs::read_to_string(f).unwrap();
        let got: Vec<String> = match parse_module(&src) {
            Ok(m) => {
                let c = Canon::new(&src);
                m.body.iter().map(|s| c.st(s)).collect()
            }
            Err(e) => vec![format!("tern error: {}", e[0].last_line())],
        };
        compared += 1;
        for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
            if g != w {
                failures += 1;
                eprintln!("MISMATCH {key} statement {i}\n  tern:    {g}\n  cpython: {w}");
                break;
            }
        }
        if got.len() != want.len() {
            failures += 1;
            eprintln!("MISMATCH {key}: {} statements vs {}", got.len(), want.len());
        }
    }
    eprintln!("compared {compared} files, {failures} mismatches");
    assert_eq!(failures, 0);
}
