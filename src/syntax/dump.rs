//! `tern ast`: a readable tree of the AST, and [`LineIndex`] to turn byte
//! offsets into lines and columns.
//!
//! One node per line, children indented by two spaces, each node followed by
//! `@line:col` of its start (or its byte range when the source is not given). Fields that need naming (`target:`, `body:`,
//! `orelse:` ...) get their own line.

use super::ast::*;
use std::fmt::Write;

/// Byte offsets → `(line, column)`, both 1-based; columns count characters.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> LineIndex<'a> {
        let b = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let mut end = offset;
        while end > start && !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.source[start..end].chars().count() + 1;
        (line, col)
    }

    /// The text of a 1-based line, without its line break ("" if out of range).
    pub fn line_text(&self, line: usize) -> &'a str {
        if line == 0 || line > self.starts.len() {
            return "";
        }
        let start = self.starts[line - 1];
        let end = self.starts.get(line).copied().unwrap_or(self.source.len());
        self.source[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Dumps a module as an indented tree; without the source text, positions
/// are byte ranges (`@12..15`). See [`dump_module_with_source`].
pub fn dump_module(m: &Module) -> String {
    let mut d = Dumper {
        out: String::new(),
        index: None,
    };
    d.line(0, "Module", None);
    d.stmts(1, &m.body);
    d.out
}

/// Dumps a module with `@line:col` after each node.
pub fn dump_module_with_source(m: &Module, source: &str) -> String {
    let index = LineIndex::new(source);
    let mut d = Dumper {
        out: String::new(),
        index: Some(index),
    };
    d.line(0, "Module", None);
    d.stmts(1, &m.body);
    d.out
}

struct Dumper<'a> {
    out: String,
    index: Option<LineIndex<'a>>,
}

fn str_repr(s: &str) -> String {
    format!("{s:?}")
}

impl Dumper<'_> {
    fn line(&mut self, depth: usize, text: &str, span: Option<Span>) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        match (span, &self.index) {
            (Some(span), Some(index)) => {
                let (l, c) = index.line_col(span.start as usize);
                let _ = write!(self.out, " @{l}:{c}");
            }
            (Some(span), None) => {
                let _ = write!(self.out, " @{}..{}", span.start, span.end);
            }
            _ => {}
        }
        self.out.push('\n');
    }

    fn label(&mut self, depth: usize, text: &str) {
        self.line(depth, text, None);
    }

    fn stmts(&mut self, depth: usize, body: &[Stmt]) {
        for s in body {
            self.stmt(depth, s);
        }
    }

    fn block(&mut self, depth: usize, name: &str, body: &[Stmt]) {
        if !body.is_empty() {
            self.label(depth, &format!("{name}:"));
            self.stmts(depth + 1, body);
        }
    }

    fn params(&mut self, depth: usize, p: &Params) {
        let mut text = String::from("params");
        let mut parts = Vec::new();
        for (i, a) in p.args.iter().enumerate() {
            if i == p.posonly && p.posonly > 0 {
                parts.push("/".to_string());
            }
            parts.push(a.name.to_string() + if a.default.is_some() { "=…" } else { "" });
        }
        if p.posonly > 0 && p.posonly == p.args.len() {
            parts.push("/".to_string());
        }
        if let Some(v) = &p.vararg {
            parts.push(format!("*{}", v.name));
        } else if !p.kwonly.is_empty() {
            parts.push("*".to_string());
        }
        for a in &p.kwonly {
            parts.push(a.name.to_string() + if a.default.is_some() { "=…" } else { "" });
        }
        if let Some(k) = &p.kwarg {
            parts.push(format!("**{}", k.name));
        }
        let _ = write!(text, " ({})", parts.join(", "));
        self.label(depth, &text);
        for a in p.args.iter().chain(p.kwonly.iter()) {
            if let Some(d) = &a.default {
                self.label(depth + 1, &format!("default {}:", a.name));
                self.expr(depth + 2, d);
            }
        }
    }

    fn stmt(&mut self, depth: usize, s: &Stmt) {
        let sp = Some(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.line(depth, "Expr", sp);
                self.expr(depth + 1, e);
            }
            StmtKind::Assign { targets, value } => {
                self.line(depth, "Assign", sp);
                self.label(depth + 1, "targets:");
                for t in targets {
                    self.expr(depth + 2, t);
                }
                self.label(depth + 1, "value:");
                self.expr(depth + 2, value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.line(depth, &format!("AugAssign {}=", op.symbol()), sp);
                self.expr(depth + 1, target);
                self.expr(depth + 1, value);
            }
            StmtKind::Del(v) => {
                self.line(depth, "Del", sp);
                for t in v {
                    self.expr(depth + 1, t);
                }
            }
            StmtKind::Pass => self.line(depth, "Pass", sp),
            StmtKind::Break => self.line(depth, "Break", sp),
            StmtKind::Continue => self.line(depth, "Continue", sp),
            StmtKind::Return(v) => {
                self.line(depth, "Return", sp);
                if let Some(v) = v {
                    self.expr(depth + 1, v);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.line(depth, "Raise", sp);
                if let Some(e) = exc {
                    self.expr(depth + 1, e);
                }
                if let Some(c) = cause {
                    self.label(depth + 1, "from:");
                    self.expr(depth + 2, c);
                }
            }
            StmtKind::Global(names) => {
                self.line(depth, &format!("Global {}", names.join(", ")), sp)
            }
            StmtKind::Nonlocal(names) => {
                self.line(depth, &format!("Nonlocal {}", names.join(", ")), sp)
            }
            StmtKind::Assert { test, msg } => {
                self.line(depth, "Assert", sp);
                self.expr(depth + 1, test);
                if let Some(m) = msg {
                    self.label(depth + 1, "msg:");
                    self.expr(depth + 2, m);
                }
            }
            StmtKind::Import(aliases) => {
                let names: Vec<String> = aliases.iter().map(alias_text).collect();
                self.line(depth, &format!("Import {}", names.join(", ")), sp)
            }
            StmtKind::ImportFrom {
                module,
                names,
                star,
                level,
            } => {
                let module = format!(
                    "{}{}",
                    ".".repeat(*level as usize),
                    module.as_deref().unwrap_or("")
                );
                let what = if *star {
                    "*".to_string()
                } else {
                    names.iter().map(alias_text).collect::<Vec<_>>().join(", ")
                };
                self.line(depth, &format!("ImportFrom {module} import {what}"), sp)
            }
            StmtKind::If { test, body, orelse } => {
                self.line(depth, "If", sp);
                self.expr(depth + 1, test);
                self.block(depth + 1, "body", body);
                self.block(depth + 1, "orelse", orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.line(depth, "While", sp);
                self.expr(depth + 1, test);
                self.block(depth + 1, "body", body);
                self.block(depth + 1, "orelse", orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.line(depth, "For", sp);
                self.label(depth + 1, "target:");
                self.expr(depth + 2, target);
                self.label(depth + 1, "iter:");
                self.expr(depth + 2, iter);
                self.block(depth + 1, "body", body);
                self.block(depth + 1, "orelse", orelse);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.line(depth, "Try", sp);
                self.block(depth + 1, "body", body);
                for h in handlers {
                    let name = h
                        .name
                        .as_deref()
                        .map(|n| format!(" as {n}"))
                        .unwrap_or_default();
                    self.line(depth + 1, &format!("ExceptHandler{name}"), Some(h.span));
                    if let Some(t) = &h.typ {
                        self.label(depth + 2, "type:");
                        self.expr(depth + 3, t);
                    }
                    self.block(depth + 2, "body", &h.body);
                }
                self.block(depth + 1, "orelse", orelse);
                self.block(depth + 1, "finalbody", finalbody);
            }
            StmtKind::With { items, body } => {
                self.line(depth, "With", sp);
                for it in items {
                    self.label(depth + 1, "item:");
                    self.expr(depth + 2, &it.context);
                    if let Some(t) = &it.target {
                        self.label(depth + 2, "as:");
                        self.expr(depth + 3, t);
                    }
                }
                self.block(depth + 1, "body", body);
            }
            StmtKind::FunctionDef(def) => self.function(depth, def, sp),
            StmtKind::ClassDef(c) => {
                self.line(depth, &format!("ClassDef {}", c.name), sp);
                if !c.decorators.is_empty() {
                    self.label(depth + 1, "decorators:");
                    for d in &c.decorators {
                        self.expr(depth + 2, d);
                    }
                }
                if !c.bases.is_empty() {
                    self.label(depth + 1, "bases:");
                    for a in &c.bases {
                        self.arg(depth + 2, a);
                    }
                }
                self.block(depth + 1, "body", &c.body);
            }
        }
    }

    fn function(&mut self, depth: usize, def: &FunctionDef, sp: Option<Span>) {
        let generator = if def.is_generator { " (generator)" } else { "" };
        let kind = if def.is_lambda {
            "Lambda"
        } else {
            "FunctionDef"
        };
        let name = if def.is_lambda {
            String::new()
        } else {
            format!(" {}", def.name)
        };
        self.line(depth, &format!("{kind}{name}{generator}"), sp);
        if !def.decorators.is_empty() {
            self.label(depth + 1, "decorators:");
            for d in &def.decorators {
                self.expr(depth + 2, d);
            }
        }
        self.params(depth + 1, &def.params);
        if def.is_lambda {
            if let Some(Stmt {
                kind: StmtKind::Return(Some(e)),
                ..
            }) = def.body.first()
            {
                self.expr(depth + 1, e);
                return;
            }
        }
        self.block(depth + 1, "body", &def.body);
    }

    fn arg(&mut self, depth: usize, a: &Arg) {
        match a {
            Arg::Positional(e) => self.expr(depth, e),
            Arg::Starred(e) => {
                self.label(depth, "*");
                self.expr(depth + 1, e);
            }
            Arg::DoubleStarred(e) => {
                self.label(depth, "**");
                self.expr(depth + 1, e);
            }
            Arg::Keyword(n, e, s) => {
                self.line(depth, &format!("keyword {n}="), Some(*s));
                self.expr(depth + 1, e);
            }
        }
    }

    fn comps(&mut self, depth: usize, generators: &[Comprehension]) {
        for g in generators {
            self.label(depth, "for:");
            self.expr(depth + 1, &g.target);
            self.label(depth, "in:");
            self.expr(depth + 1, &g.iter);
            for c in &g.ifs {
                self.label(depth, "if:");
                self.expr(depth + 1, c);
            }
        }
    }

    fn fstring(&mut self, depth: usize, parts: &[FStringPart]) {
        for p in parts {
            match p {
                FStringPart::Literal(s) => self.label(depth, &format!("Literal {}", str_repr(s))),
                FStringPart::Expr {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    let mut text = String::from("Field");
                    if let Some(d) = debug_text {
                        let _ = write!(text, " debug={}", str_repr(d));
                    }
                    if let Some(c) = conversion {
                        let _ = write!(text, " !{c}");
                    }
                    self.label(depth, &text);
                    self.expr(depth + 1, expr);
                    if let Some(spec) = spec {
                        self.label(depth + 1, "spec:");
                        self.fstring(depth + 2, spec);
                    }
                }
            }
        }
    }

    fn expr(&mut self, depth: usize, e: &Expr) {
        let sp = Some(e.span);
        match &e.kind {
            ExprKind::Name(n) => self.line(depth, &format!("Name {n}"), sp),
            ExprKind::Int(i) => self.line(depth, &format!("Int {i}"), sp),
            ExprKind::Float(f) => self.line(depth, &format!("Float {f:?}"), sp),
            ExprKind::Str(s) => self.line(depth, &format!("Str {}", str_repr(s)), sp),
            ExprKind::FString(parts) => {
                self.line(depth, "FString", sp);
                self.fstring(depth + 1, parts);
            }
            ExprKind::Bool(b) => self.line(depth, if *b { "True" } else { "False" }, sp),
            ExprKind::NoneLit => self.line(depth, "None", sp),
            ExprKind::Ellipsis => self.line(depth, "Ellipsis", sp),
            ExprKind::BinOp { left, op, right } => {
                self.line(depth, &format!("BinOp {}", op.symbol()), sp);
                self.expr(depth + 1, left);
                self.expr(depth + 1, right);
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = match op {
                    UnaryOp::Not => "not",
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    UnaryOp::Invert => "~",
                };
                self.line(depth, &format!("UnaryOp {op}"), sp);
                self.expr(depth + 1, operand);
            }
            ExprKind::BoolOp { op, values } => {
                let op = match op {
                    BoolOpKind::And => "and",
                    BoolOpKind::Or => "or",
                };
                self.line(depth, &format!("BoolOp {op}"), sp);
                for v in values {
                    self.expr(depth + 1, v);
                }
            }
            ExprKind::Compare { left, comparisons } => {
                self.line(depth, "Compare", sp);
                self.expr(depth + 1, left);
                for (op, x) in comparisons {
                    self.label(depth + 1, op.symbol());
                    self.expr(depth + 2, x);
                }
            }
            ExprKind::Call { func, args } => {
                self.line(depth, "Call", sp);
                self.expr(depth + 1, func);
                if !args.is_empty() {
                    self.label(depth + 1, "args:");
                    for a in args {
                        self.arg(depth + 2, a);
                    }
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.line(depth, &format!("Attribute .{attr}"), sp);
                self.expr(depth + 1, value);
            }
            ExprKind::Subscript { value, index } => {
                self.line(depth, "Subscript", sp);
                self.expr(depth + 1, value);
                self.expr(depth + 1, index);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.line(depth, "Slice", sp);
                for (name, part) in [("lower", lower), ("upper", upper), ("step", step)] {
                    if let Some(x) = part {
                        self.label(depth + 1, &format!("{name}:"));
                        self.expr(depth + 2, x);
                    }
                }
            }
            ExprKind::Tuple(v) => self.seq(depth, "Tuple", v, sp),
            ExprKind::List(v) => self.seq(depth, "List", v, sp),
            ExprKind::Set(v) => self.seq(depth, "Set", v, sp),
            ExprKind::Dict(items) => {
                self.line(depth, "Dict", sp);
                for it in items {
                    match it {
                        DictItem::Pair(k, v) => {
                            self.label(depth + 1, "pair:");
                            self.expr(depth + 2, k);
                            self.expr(depth + 2, v);
                        }
                        DictItem::Unpack(x) => {
                            self.label(depth + 1, "**");
                            self.expr(depth + 2, x);
                        }
                    }
                }
            }
            ExprKind::Starred(x) => {
                self.line(depth, "Starred", sp);
                self.expr(depth + 1, x);
            }
            ExprKind::Lambda(def) => self.function(depth, def, sp),
            ExprKind::IfExp { test, body, orelse } => {
                self.line(depth, "IfExp", sp);
                self.label(depth + 1, "test:");
                self.expr(depth + 2, test);
                self.label(depth + 1, "body:");
                self.expr(depth + 2, body);
                self.label(depth + 1, "orelse:");
                self.expr(depth + 2, orelse);
            }
            ExprKind::ListComp { elt, generators } => {
                self.line(depth, "ListComp", sp);
                self.expr(depth + 1, elt);
                self.comps(depth + 1, generators);
            }
            ExprKind::SetComp { elt, generators } => {
                self.line(depth, "SetComp", sp);
                self.expr(depth + 1, elt);
                self.comps(depth + 1, generators);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.line(depth, "GeneratorExp", sp);
                self.expr(depth + 1, elt);
                self.comps(depth + 1, generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.line(depth, "DictComp", sp);
                self.expr(depth + 1, key);
                self.expr(depth + 1, value);
                self.comps(depth + 1, generators);
            }
            ExprKind::Yield(x) => {
                self.line(depth, "Yield", sp);
                if let Some(x) = x {
                    self.expr(depth + 1, x);
                }
            }
            ExprKind::YieldFrom(x) => {
                self.line(depth, "YieldFrom", sp);
                self.expr(depth + 1, x);
            }
        }
    }

    fn seq(&mut self, depth: usize, name: &str, v: &[Expr], sp: Option<Span>) {
        self.line(depth, name, sp);
        for x in v {
            self.expr(depth + 1, x);
        }
    }
}

fn alias_text(a: &Alias) -> String {
    match &a.asname {
        Some(n) => format!("{} as {n}", a.name),
        None => a.name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_module;
    use super::*;

    #[test]
    fn line_index() {
        let src = "ab\ncdé\r\n\nx";
        let ix = LineIndex::new(src);
        assert_eq!(ix.line_count(), 4);
        assert_eq!(ix.line_col(0), (1, 1));
        assert_eq!(ix.line_col(1), (1, 2));
        assert_eq!(ix.line_col(3), (2, 1));
        assert_eq!(ix.line_col(5), (2, 3));
        // é is two bytes: the column counts characters.
        assert_eq!(ix.line_col(7), (2, 4));
        assert_eq!(ix.line_col(src.len()), (4, 2));
        assert_eq!(ix.line_col(10_000), (4, 2));
        assert_eq!(ix.line_text(1), "ab");
        assert_eq!(ix.line_text(2), "cdé");
        assert_eq!(ix.line_text(3), "");
        assert_eq!(ix.line_text(4), "x");
        assert_eq!(ix.line_text(5), "");
        assert_eq!(ix.line_text(0), "");
        let empty = LineIndex::new("");
        assert_eq!(empty.line_col(0), (1, 1));
        assert_eq!(empty.line_text(1), "");
    }

    #[test]
    fn dump_with_positions() {
        let src = "x = -1 + f(a, *b, k=2)\nif x:\n    pass\n";
        let m = parse_module(src).unwrap();
        let want = "\
Module
  Assign @1:1
    targets:
      Name x @1:1
    value:
      BinOp + @1:5
        UnaryOp - @1:5
          Int 1 @1:6
        Call @1:10
          Name f @1:10
          args:
            Name a @1:12
            *
              Name b @1:16
            keyword k= @1:19
              Int 2 @1:21
  If @2:1
    Name x @2:4
    body:
      Pass @3:5
";
        assert_eq!(dump_module_with_source(&m, src), want);
        // Without the source, positions are byte ranges.
        assert!(dump_module(&m).starts_with("Module\n  Assign @0..22\n"));
    }

    #[test]
    fn dump_covers_every_construct() {
        let src = include_str!("testdata/syntax_tour.py");
        let m = parse_module(src).unwrap();
        let out = dump_module_with_source(&m, src);
        for word in [
            "FunctionDef",
            "ClassDef",
            "Lambda",
            "ListComp",
            "DictComp",
            "SetComp",
            "GeneratorExp",
            "IfExp",
            "FString",
            "Field debug=",
            "Try",
            "ExceptHandler",
            "With",
            "ImportFrom",
            "Global",
            "Nonlocal",
            "Yield",
            "YieldFrom",
            "Slice",
            "Starred",
            "Dict",
            "Set",
            "Compare",
            "BoolOp",
            "(generator)",
        ] {
            assert!(out.contains(word), "dump lacks {word}");
        }
        // Every line is indented by a multiple of two spaces.
        for line in out.lines() {
            let indent = line.len() - line.trim_start().len();
            assert_eq!(indent % 2, 0, "{line:?}");
        }
    }
}
