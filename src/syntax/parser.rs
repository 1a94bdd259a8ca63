//! The parser: a chumsky grammar over the token stream of
//! [`crate::syntax::indent`], producing the AST of [`crate::syntax::ast`].
//!
//! The grammar follows CPython 3.11's PEG grammar (see `grammar/tern.ebnf`),
//! left-factored so that no rule re-parses a sub-expression on backtracking
//! (which would make nesting exponential). Errors are a small custom chumsky
//! error type: either "unexpected token here" (later turned into CPython's
//! `invalid syntax`, `unexpected indent`, ...) or a ready-made message for the
//! cases where CPython has a specific one (`expected ':'`, `cannot assign to
//! literal`, ...). Custom messages win over generic ones at the same place.
//!
//! Tokenizer and parser errors are arbitrated as CPython does: the tokens up
//! to the first tokenizer error are parsed; if the parser gets that far, the
//! tokenizer error is reported. Otherwise the parser's error stands, except
//! that a later "raising" tokenizer error (unterminated string, bad number,
//! unmatched bracket, ...) replaces it, and so does `'(' was never closed`
//! when the parser's error is on a later line than the bracket (CPython's
//! `_PyPegen_tokenize_full_source_to_check_for_errors`).

use super::ast::*;
use super::indent::{layout, Layout, MAX_BRACKET_DEPTH};
use super::lexer::{lex, line_of, Lexed, Tok, TokError};
use super::{check, SyntaxError, SyntaxErrorKind};
use chumsky::error::LabelError;
use chumsky::input::{Input as _, ValueInput};
use chumsky::prelude::*;
use chumsky::util::MaybeRef;
use std::rc::Rc;

type S = SimpleSpan;

/// The deepest expression nesting (counted conservatively from the tokens)
/// accepted; deeper input is rejected before parsing, like CPython's
/// "maximum recursion depth exceeded during compilation".
pub const MAX_EXPR_DEPTH: usize = 3000;

// ---------------------------------------------------------------------------
// Error type

/// A parse error: where, what was found, and optionally CPython's message.
#[derive(Debug, Clone)]
pub struct PErr {
    span: S,
    found: Option<Tok>,
    /// The error is at the end of the input.
    eoi: bool,
    custom: Option<Box<Custom>>,
}

#[derive(Debug, Clone)]
enum Custom {
    Error(SyntaxError),
    /// `expected an indented block after ...`: the header is found from
    /// the token position when the error is reported.
    IndentedBlock,
}

impl PErr {
    fn custom(span: S, err: SyntaxError) -> PErr {
        PErr {
            span,
            found: None,
            eoi: false,
            custom: Some(Box::new(Custom::Error(err))),
        }
    }
    fn msg(span: S, msg: &str) -> PErr {
        PErr::custom(span, SyntaxError::new(msg, to_span(span)))
    }
    fn at(e: &Expr, msg: &str) -> PErr {
        PErr::custom(S::from(e.span.range()), SyntaxError::new(msg, e.span))
    }
}

impl<'src, I: ValueInput<'src, Token = Tok, Span = S>> chumsky::error::Error<'src, I> for PErr {
    fn merge(self, other: Self) -> Self {
        if self.custom.is_none() && other.custom.is_some() {
            other
        } else {
            self
        }
    }
}

impl<'src, I: ValueInput<'src, Token = Tok, Span = S>, L> LabelError<'src, I, L> for PErr {
    fn expected_found<E: IntoIterator<Item = L>>(
        _expected: E,
        found: Option<MaybeRef<'src, Tok>>,
        span: S,
    ) -> Self {
        PErr {
            span,
            eoi: found.is_none(),
            found: found.map(|t| *t),
            custom: None,
        }
    }
}

pub type Extra = extra::Err<PErr>;

/// Inputs the grammar runs on: tokens with simple spans.
pub trait TokInput<'src>: ValueInput<'src, Token = Tok, Span = S> {}
impl<'src, T: ValueInput<'src, Token = Tok, Span = S>> TokInput<'src> for T {}

type P<'src, I, O> = Boxed<'src, 'src, I, O, Extra>;

fn to_span(s: S) -> Span {
    Span::new(s.start, s.end)
}

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

fn end_of(body: &[Stmt], default: u32) -> u32 {
    body.last().map_or(default, |s| s.span.end)
}

fn tok<'src, I: TokInput<'src>>(t: Tok) -> impl Parser<'src, I, Tok, Extra> + Clone {
    just(t)
}

/// Consumes `t`, or fails with CPython's message for a forced token
/// (`&&':'` in the grammar) at whatever is there instead.
fn expect<'src, I: TokInput<'src>>(t: Tok, msg: &'static str) -> P<'src, I, ()> {
    just(t)
        .ignored()
        .or(fail_here(move |s| PErr::msg(s, msg)))
        .boxed()
}

/// `:` after a header where CPython only says `expected ':'` when the line
/// ends there (`if x y:` is plain `invalid syntax`).
fn colon_nl<'src, I: TokInput<'src>>() -> P<'src, I, ()> {
    just(Tok::Colon)
        .ignored()
        .or(just(Tok::Newline)
            .rewind()
            .ignore_then(fail_here(|s| PErr::msg(s, "expected ':'"))))
        .boxed()
}

/// Always fails with `err` at the next token. Unlike `try_map`, this keeps
/// errors that other alternatives found further on.
fn fail_here<'src, I: TokInput<'src>, O: 'src>(
    err: impl Fn(S) -> PErr + Clone + 'src,
) -> P<'src, I, O> {
    custom(move |inp| {
        let before = inp.cursor();
        let found = inp.next();
        let mut span: S = inp.span_since(&before);
        if found.is_none() || span.end < span.start {
            span = S::from(span.start..span.start);
        }
        let mut e = err(span);
        e.eoi = found.is_none();
        Err(e)
    })
    .boxed()
}

// ---------------------------------------------------------------------------
// Target validation (CPython's _PyPegen_get_invalid_target / get_expr_name)

#[derive(Clone, Copy, PartialEq)]
enum TargetKind {
    Star,
    Del,
    For,
}

fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::NoneLit => "None",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Slice { .. } => "slice",
    }
}

fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(v) | ExprKind::Tuple(v) => v.iter().find_map(|x| invalid_target(x, kind)),
        ExprKind::Starred(inner) => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Compare { left, comparisons } => {
            if kind == TargetKind::For {
                if comparisons[0].0 == CmpOp::In {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

fn check_target(e: &Expr, kind: TargetKind) -> Result<(), PErr> {
    match invalid_target(e, kind) {
        None => Ok(()),
        Some(bad) => {
            let verb = if kind == TargetKind::Del {
                "delete"
            } else {
                "assign to"
            };
            Err(PErr::at(bad, &format!("cannot {verb} {}", expr_name(bad))))
        }
    }
}

fn is_unparenthesized_tuple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple(v) => v.first().is_some_and(|f| f.span.start == e.span.start),
        _ => false,
    }
}

/// Does the right-hand side begin with a `bitwise_or` (CPython's
/// `invalid_named_expression` only fires then)?
fn starts_with_bitwise_or(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Yield(_)
        | ExprKind::YieldFrom(_)
        | ExprKind::Starred(_)
        | ExprKind::Lambda(_) => false,
        ExprKind::UnaryOp {
            op: UnaryOp::Not, ..
        } => false,
        ExprKind::BoolOp { values, .. } => starts_with_bitwise_or(&values[0]),
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(body),
        ExprKind::Tuple(v) if is_unparenthesized_tuple(e) => starts_with_bitwise_or(&v[0]),
        _ => true,
    }
}

fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda(_)
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// CPython's `invalid_named_expression` for `lhs = rhs` where `=` is not
/// allowed or `lhs` is not assignable: `Some(error)` when it applies.
fn named_expression_error(lhs: &Expr, rhs: &Expr) -> Option<PErr> {
    if !starts_with_bitwise_or(rhs) {
        return None;
    }
    let last = match &lhs.kind {
        ExprKind::Tuple(v) if is_unparenthesized_tuple(lhs) => v.last().unwrap(),
        _ => lhs,
    };
    if let ExprKind::Name(_) = last.kind {
        let span = Span::new(last.span.start as usize, rhs.span.end as usize);
        return Some(PErr::custom(
            S::from(span.range()),
            SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                span,
            ),
        ));
    }
    let excluded = matches!(
        last.kind,
        ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
    );
    if excluded || !is_bitwise_or_level(last) {
        return None;
    }
    Some(PErr::at(
        last,
        &format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(last)
        ),
    ))
}

/// Validates `targets = value` (a chain of `=`).
fn check_assignment(targets: &[Expr], value: &Expr) -> Result<(), PErr> {
    for (i, t) in targets.iter().enumerate() {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            // Parenthesised yields have a span without the parens; the
            // unparenthesised form gets CPython's other message.
            return Err(PErr::at(t, "assignment to yield expression not possible"));
        }
        if invalid_target(t, TargetKind::Star).is_some() {
            if targets.len() == 1 && i == 0 {
                if let Some(err) = named_expression_error(t, value) {
                    return Err(err);
                }
            }
            return check_target(t, TargetKind::Star);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Strings

enum Piece {
    Str(Rc<str>),
    F(Vec<FStringPart>),
}

fn build_string(pieces: Vec<Piece>, span: Span) -> Expr {
    if pieces.iter().all(|p| matches!(p, Piece::Str(_))) {
        let mut s = String::new();
        for p in &pieces {
            if let Piece::Str(x) = p {
                s.push_str(x);
            }
        }
        return mk(ExprKind::Str(Rc::from(s)), span);
    }
    let mut parts: Vec<FStringPart> = Vec::new();
    let mut lit = String::new();
    let flush = |lit: &mut String, parts: &mut Vec<FStringPart>| {
        if !lit.is_empty() {
            parts.push(FStringPart::Literal(Rc::from(std::mem::take(lit))));
        }
    };
    for p in pieces {
        match p {
            Piece::Str(s) => lit.push_str(&s),
            Piece::F(fp) => {
                for part in fp {
                    match part {
                        FStringPart::Literal(s) => lit.push_str(&s),
                        other => {
                            flush(&mut lit, &mut parts);
                            parts.push(other);
                        }
                    }
                }
            }
        }
    }
    flush(&mut lit, &mut parts);
    mk(ExprKind::FString(parts), span)
}

// ---------------------------------------------------------------------------
// Parameters

enum PItem {
    Slash(S),
    Star(Option<Param>, S),
    DoubleStar(Param, S),
    Plain(Param, S),
}

fn build_params(items: Vec<PItem>) -> Result<Params, PErr> {
    let mut p = Params::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_default = false;
    let mut bare_star: Option<S> = None;
    let mut after_dstar = false;
    for item in items {
        if after_dstar {
            let s = match &item {
                PItem::Slash(s)
                | PItem::Star(_, s)
                | PItem::DoubleStar(_, s)
                | PItem::Plain(_, s) => *s,
            };
            return Err(PErr::msg(s, "arguments cannot follow var-keyword argument"));
        }
        match item {
            PItem::Slash(s) => {
                if seen_slash {
                    return Err(PErr::msg(s, "/ may appear only once"));
                }
                if seen_star {
                    return Err(PErr::msg(s, "/ must be ahead of *"));
                }
                if p.args.is_empty() {
                    return Err(PErr::msg(s, "at least one argument must precede /"));
                }
                seen_slash = true;
                p.posonly = p.args.len();
            }
            PItem::Star(param, s) => {
                if seen_star {
                    return Err(PErr::msg(s, "* argument may appear only once"));
                }
                seen_star = true;
                match param {
                    Some(param) => p.vararg = Some(param),
                    None => bare_star = Some(s),
                }
            }
            PItem::DoubleStar(param, _) => {
                if let Some(bs) = bare_star {
                    if p.kwonly.is_empty() {
                        return Err(PErr::msg(bs, "named arguments must follow bare *"));
                    }
                }
                p.kwarg = Some(param);
                after_dstar = true;
            }
            PItem::Plain(param, s) => {
                if seen_star {
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(PErr::msg(
                            s,
                            "non-default argument follows default argument",
                        ));
                    }
                    p.args.push(param);
                }
            }
        }
    }
    if let Some(bs) = bare_star {
        if p.kwonly.is_empty() && p.kwarg.is_none() {
            return Err(PErr::msg(bs, "named arguments must follow bare *"));
        }
    }
    Ok(p)
}

// ---------------------------------------------------------------------------
// Call arguments

fn check_args(args: Vec<(Arg, bool)>, trailing_comma: bool) -> Result<Vec<Arg>, PErr> {
    let n = args.len() + usize::from(trailing_comma);
    let mut seen_kw = false;
    let mut seen_dstar = false;
    let mut out = Vec::with_capacity(n);
    for (a, genexp) in args {
        if genexp && n > 1 {
            if let Arg::Positional(e) = &a {
                return Err(PErr::at(e, "Generator expression must be parenthesized"));
            }
        }
        match &a {
            Arg::Positional(e) => {
                if seen_dstar {
                    return Err(PErr::at(
                        e,
                        "positional argument follows keyword argument unpacking",
                    ));
                }
                if seen_kw {
                    return Err(PErr::at(e, "positional argument follows keyword argument"));
                }
            }
            Arg::Starred(e) => {
                if seen_dstar {
                    return Err(PErr::at(
                        e,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
            }
            Arg::Keyword(name, _, s) => {
                for prev in &out {
                    if let Arg::Keyword(pn, _, _) = prev {
                        if pn == name {
                            return Err(PErr::custom(
                                S::from(s.range()),
                                SyntaxError::new(format!("keyword argument repeated: {name}"), *s),
                            ));
                        }
                    }
                }
                seen_kw = true;
            }
            Arg::DoubleStarred(_) => seen_dstar = true,
        }
        out.push(a);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Expressions

/// The entry points of the expression grammar that statements need.
struct ExprParsers<'src, I: TokInput<'src>> {
    name: P<'src, I, Name>,
    expression: P<'src, I, Expr>,
    star_expressions: P<'src, I, Expr>,
    yield_or_star: P<'src, I, Expr>,
    bitwise_or: P<'src, I, Expr>,
    target_list: P<'src, I, Expr>,
    arguments: P<'src, I, Vec<Arg>>,
    def_params: P<'src, I, Params>,
}

fn name_parser<'src, I: TokInput<'src>>(t: &'src Lexed) -> P<'src, I, Name> {
    select! { Tok::Name(i) => t.names[i as usize].clone() }.boxed()
}

/// `item (',' item)* [',']`: a tuple when there is a comma.
fn tuple_of<'src, I: TokInput<'src>>(item: P<'src, I, Expr>) -> P<'src, I, Expr> {
    item.clone()
        .then(
            tok(Tok::Comma)
                .ignore_then(item)
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(tok(Tok::Comma).or_not())
        .map_with(|((first, rest), comma), e| {
            if rest.is_empty() && comma.is_none() {
                first
            } else {
                let mut v = Vec::with_capacity(rest.len() + 1);
                v.push(first);
                v.extend(rest);
                mk(ExprKind::Tuple(v), to_span(e.span()))
            }
        })
        .boxed()
}

fn starred<'src, I: TokInput<'src>>(inner: P<'src, I, Expr>) -> P<'src, I, Expr> {
    tok(Tok::Star)
        .ignore_then(inner)
        .map_with(|x, e| mk(ExprKind::Starred(Box::new(x)), to_span(e.span())))
        .boxed()
}

/// Parameter lists of `def` (annotations allowed and dropped) and `lambda`.
fn params_parser<'src, I: TokInput<'src>>(
    name: P<'src, I, Name>,
    expression: P<'src, I, Expr>,
    annotations: bool,
) -> P<'src, I, Params> {
    let annotation = if annotations {
        tok(Tok::Colon)
            .ignore_then(expression.clone())
            .ignored()
            .or_not()
            .ignored()
            .boxed()
    } else {
        empty().boxed()
    };
    let bare = name
        .clone()
        .then_ignore(annotation.clone())
        .map_with(|n, e| (n, e.span()));
    let plain = bare
        .clone()
        .then(tok(Tok::Assign).ignore_then(expression).or_not())
        .map_with(|((n, ns), default), e| {
            let param = Param {
                name: n,
                default,
                span: to_span(ns),
            };
            PItem::Plain(param, e.span())
        });
    let item = choice((
        tok(Tok::Slash).map_with(|_, e| PItem::Slash(e.span())),
        tok(Tok::DoubleStar)
            .ignore_then(bare.clone())
            .map_with(|(n, ns), e| {
                PItem::DoubleStar(
                    Param {
                        name: n,
                        default: None,
                        span: to_span(ns),
                    },
                    e.span(),
                )
            }),
        tok(Tok::Star).ignore_then(bare.or_not()).map_with(|p, e| {
            let param = p.map(|(n, ns)| Param {
                name: n,
                default: None,
                span: to_span(ns),
            });
            PItem::Star(param, e.span())
        }),
        plain,
    ));
    item.separated_by(tok(Tok::Comma))
        .allow_trailing()
        .at_least(1)
        .collect::<Vec<_>>()
        .try_map(|items, _| build_params(items))
        .boxed()
}

enum Trailer {
    Attr(Name, S),
    Call(Vec<Arg>, S),
    Sub(Expr, S),
}

#[derive(Clone)]
enum ParenTail {
    Comp(Vec<Comprehension>),
    /// `(a = b)`: an error.
    Assign(Expr),
    Tuple(Vec<Expr>),
    Group,
}

#[derive(Clone)]
enum BraceTail {
    DictComp(Expr, Vec<Comprehension>),
    Dict(Expr, Vec<DictItem>),
    SetComp(Vec<Comprehension>),
    Set(Vec<Expr>),
}

fn binop_level<'src, I: TokInput<'src>>(
    lower: P<'src, I, Expr>,
    ops: impl Parser<'src, I, BinOp, Extra> + Clone + 'src,
) -> P<'src, I, Expr> {
    lower
        .clone()
        .foldl_with(ops.then(lower).repeated(), |l, (op, r), e| {
            let span = to_span(e.span());
            mk(
                ExprKind::BinOp {
                    left: Box::new(l),
                    op,
                    right: Box::new(r),
                },
                span,
            )
        })
        .boxed()
}

fn expr_parsers<'src, I: TokInput<'src>>(t: &'src Lexed) -> ExprParsers<'src, I> {
    let name = name_parser::<I>(t);
    let mut bitwise_or_out: Option<P<'src, I, Expr>> = None;
    let mut disjunction_out: Option<P<'src, I, Expr>> = None;
    let mut arguments_out: Option<P<'src, I, Vec<Arg>>> = None;
    let mut target_list_out: Option<P<'src, I, Expr>> = None;

    let expression = recursive(|expression: Recursive<_>| {
        let expression = expression.boxed();
        let disjunction = recursive(|disjunction: Recursive<_>| {
            let disjunction = disjunction.boxed();
            let bitwise_or = recursive(|bitwise_or: Recursive<_>| {
                let bitwise_or = bitwise_or.boxed();
                let star_named = choice((starred(bitwise_or.clone()), expression.clone())).boxed();
                let star_expressions = tuple_of(star_named.clone());
                let yield_expr = tok(Tok::Yield)
                    .ignore_then(choice((
                        tok(Tok::From)
                            .ignore_then(expression.clone())
                            .map(|x| ExprKind::YieldFrom(Box::new(x))),
                        star_expressions
                            .clone()
                            .or_not()
                            .map(|x| ExprKind::Yield(x.map(Box::new))),
                    )))
                    .map_with(|k, e| mk(k, to_span(e.span())))
                    .boxed();
                let yield_or_star = yield_expr.clone().or(star_expressions.clone()).boxed();

                // Targets of `for` (a bitwise_or list, so `in` is not eaten).
                let target_list =
                    tuple_of(choice((starred(bitwise_or.clone()), bitwise_or.clone())).boxed());
                target_list_out = Some(target_list.clone());
                let comp_for = tok(Tok::For)
                    .ignore_then(target_list.try_map(|tg, _| {
                        check_target(&tg, TargetKind::For)?;
                        Ok(tg)
                    }))
                    .then_ignore(tok(Tok::In))
                    .then(disjunction.clone())
                    .then(
                        tok(Tok::If)
                            .ignore_then(disjunction.clone())
                            .repeated()
                            .collect::<Vec<_>>(),
                    )
                    .map(|((target, iter), ifs)| Comprehension { target, iter, ifs });
                let comps = comp_for.repeated().at_least(1).collect::<Vec<_>>().boxed();

                // Literals and names.
                let literal = select! {
                    Tok::Int(i) => ExprKind::Int(t.ints[i as usize].clone()),
                    Tok::Float(f) => ExprKind::Float(f),
                    Tok::True => ExprKind::Bool(true),
                    Tok::False => ExprKind::Bool(false),
                    Tok::None => ExprKind::NoneLit,
                    Tok::Ellipsis => ExprKind::Ellipsis,
                    Tok::Name(i) => ExprKind::Name(t.names[i as usize].clone()),
                }
                .map_with(|k, e| mk(k, to_span(e.span())));

                // Strings and f-strings.
                let fmiddle = select! { Tok::FStrMiddle(i) => FStringPart::Literal(t.strs[i as usize].clone()) };
                let field = recursive(|field: Recursive<_>| {
                    let spec = choice((fmiddle, field))
                        .repeated()
                        .collect::<Vec<FStringPart>>();
                    tok(Tok::FStrFieldStart)
                        .ignore_then(yield_or_star.clone().try_map(|x, _| match x.kind {
                            ExprKind::Starred(_) => {
                                Err(PErr::at(&x, "cannot use starred expression here"))
                            }
                            _ => Ok(x),
                        }))
                        .then(select! { Tok::FStrDebug(i) => t.strs[i as usize].clone() }.or_not())
                        .then(select! { Tok::FStrConv(c) => c }.or_not())
                        .then(tok(Tok::FStrSpecStart).ignore_then(spec).or_not())
                        .then_ignore(tok(Tok::FStrFieldEnd))
                        .map(|(((expr, debug_text), conversion), spec)| FStringPart::Expr {
                            expr: Box::new(expr),
                            conversion,
                            spec,
                            debug_text,
                        })
                });
                let fstring = tok(Tok::FStrStart)
                    .ignore_then(choice((fmiddle, field)).repeated().collect::<Vec<_>>())
                    .then_ignore(tok(Tok::FStrEnd))
                    .map(Piece::F);
                let strings = choice((
                    select! { Tok::Str(i) => Piece::Str(t.strs[i as usize].clone()) },
                    fstring,
                ))
                .repeated()
                .at_least(1)
                .collect::<Vec<_>>()
                .map_with(|pieces, e| build_string(pieces, to_span(e.span())));

                // ( ... )
                let paren = tok(Tok::LParen)
                    .ignore_then(choice((
                        tok(Tok::RParen).map_with(|_, e| {
                            let _ = e;
                            None
                        }),
                        yield_expr
                            .clone()
                            .then_ignore(tok(Tok::RParen))
                            .map(|y| Some((y, ParenTail::Group))),
                        star_named
                            .clone()
                            .then(choice((
                                comps.clone().then_ignore(tok(Tok::RParen)).map(ParenTail::Comp),
                                tok(Tok::Comma)
                                    .ignore_then(
                                        star_named
                                            .clone()
                                            .separated_by(tok(Tok::Comma))
                                            .allow_trailing()
                                            .collect::<Vec<_>>(),
                                    )
                                    .then_ignore(tok(Tok::RParen))
                                    .map(ParenTail::Tuple),
                                tok(Tok::RParen).to(ParenTail::Group),
                                tok(Tok::Assign)
                                    .ignore_then(expression.clone())
                                    .map(ParenTail::Assign),
                            )))
                            .map(Some),
                    )))
                    .try_map(|x, s: S| {
                        let span = to_span(s);
                        Ok(match x {
                            None => mk(ExprKind::Tuple(vec![]), span),
                            Some((first, ParenTail::Group)) => {
                                if let ExprKind::Starred(_) = first.kind {
                                    return Err(PErr::at(
                                        &first,
                                        "cannot use starred expression here",
                                    ));
                                }
                                first
                            }
                            Some((first, ParenTail::Tuple(rest))) => {
                                let mut v = vec![first];
                                v.extend(rest);
                                mk(ExprKind::Tuple(v), span)
                            }
                            Some((first, ParenTail::Assign(rhs))) => {
                                return Err(named_expression_error(&first, &rhs)
                                    .unwrap_or_else(|| PErr::at(&rhs, "invalid syntax")));
                            }
                            Some((elt, ParenTail::Comp(generators))) => {
                                if let ExprKind::Starred(_) = elt.kind {
                                    return Err(PErr::at(
                                        &elt,
                                        "iterable unpacking cannot be used in comprehension",
                                    ));
                                }
                                mk(
                                    ExprKind::GeneratorExp {
                                        elt: Box::new(elt),
                                        generators,
                                    },
                                    span,
                                )
                            }
                        })
                    });

                // [ ... ]
                let list = tok(Tok::LBracket)
                    .ignore_then(
                        star_named
                            .clone()
                            .then(choice((
                                comps.clone().map(ParenTail::Comp),
                                tok(Tok::Comma)
                                    .ignore_then(
                                        star_named
                                            .clone()
                                            .separated_by(tok(Tok::Comma))
                                            .allow_trailing()
                                            .collect::<Vec<_>>(),
                                    )
                                    .map(ParenTail::Tuple),
                                empty().to(ParenTail::Group),
                            )))
                            .or_not(),
                    )
                    .then_ignore(tok(Tok::RBracket))
                    .try_map(|x, s: S| {
                        let span = to_span(s);
                        Ok(match x {
                            None => mk(ExprKind::List(vec![]), span),
                            Some((first, ParenTail::Group)) => mk(ExprKind::List(vec![first]), span),
                            Some((_, ParenTail::Assign(rhs))) => {
                                return Err(PErr::at(&rhs, "invalid syntax"))
                            }
                            Some((first, ParenTail::Tuple(rest))) => {
                                let mut v = vec![first];
                                v.extend(rest);
                                mk(ExprKind::List(v), span)
                            }
                            Some((elt, ParenTail::Comp(generators))) => {
                                if let ExprKind::Starred(_) = elt.kind {
                                    return Err(PErr::at(
                                        &elt,
                                        "iterable unpacking cannot be used in comprehension",
                                    ));
                                }
                                mk(
                                    ExprKind::ListComp {
                                        elt: Box::new(elt),
                                        generators,
                                    },
                                    span,
                                )
                            }
                        })
                    });

                // { ... }
                let dict_value = choice((
                    expression.clone(),
                    choice((tok(Tok::RBrace), tok(Tok::Comma)))
                        .rewind()
                        .ignore_then(fail_here(|s| {
                            PErr::msg(s, "expression expected after dictionary key and ':'")
                        })),
                ))
                .boxed();
                let dict_item = choice((
                    tok(Tok::DoubleStar)
                        .ignore_then(bitwise_or.clone())
                        .map(DictItem::Unpack),
                    expression
                        .clone()
                        .then(tok(Tok::Colon).ignore_then(dict_value.clone()).or_not())
                        .try_map(|(k, v), _| match v {
                            Some(v) => Ok(DictItem::Pair(k, v)),
                            None => Err(PErr::at(&k, "':' expected after dictionary key")),
                        }),
                ))
                .boxed();
                let dict_rest = tok(Tok::Comma)
                    .ignore_then(
                        dict_item
                            .clone()
                            .separated_by(tok(Tok::Comma))
                            .allow_trailing()
                            .collect::<Vec<_>>(),
                    )
                    .or_not()
                    .map(|v| v.unwrap_or_default())
                    .boxed();
                let brace = tok(Tok::LBrace)
                    .ignore_then(choice((
                        tok(Tok::RBrace).to(None),
                        tok(Tok::DoubleStar)
                            .map_with(|_, e| e.span())
                            .then(bitwise_or.clone())
                            .then(choice((
                                comps.clone().map(|_| None),
                                dict_rest.clone().map(Some),
                            )))
                            .then_ignore(tok(Tok::RBrace))
                            .try_map(|((s, first), rest), _| match rest {
                                Some(mut rest) => {
                                    rest.insert(0, DictItem::Unpack(first));
                                    Ok(Some(Err(rest)))
                                }
                                None => Err(PErr::msg(
                                    S::from(s.start..first.span.end as usize),
                                    "dict unpacking cannot be used in dict comprehension",
                                )),
                            }),
                        star_named
                            .clone()
                            .then(choice((
                                tok(Tok::Colon)
                                    .ignore_then(dict_value)
                                    .then(choice((
                                        comps.clone().map(Ok),
                                        dict_rest.clone().map(Err),
                                    )))
                                    .map(|(v, tail)| match tail {
                                        Ok(c) => BraceTail::DictComp(v, c),
                                        Err(items) => BraceTail::Dict(v, items),
                                    }),
                                comps.clone().map(BraceTail::SetComp),
                                tok(Tok::Comma)
                                    .ignore_then(
                                        star_named
                                            .clone()
                                            .separated_by(tok(Tok::Comma))
                                            .allow_trailing()
                                            .collect::<Vec<_>>(),
                                    )
                                    .or_not()
                                    .map(|v| BraceTail::Set(v.unwrap_or_default())),
                            )))
                            .then_ignore(tok(Tok::RBrace))
                            .map(|x| Some(Ok(x))),
                    )))
                    .try_map(|x, s: S| {
                        let span = to_span(s);
                        Ok(match x {
                            None => mk(ExprKind::Dict(vec![]), span),
                            Some(Err(items)) => mk(ExprKind::Dict(items), span),
                            Some(Ok((first, tail))) => {
                                let is_star = matches!(first.kind, ExprKind::Starred(_));
                                match tail {
                                    BraceTail::Dict(v, rest) => {
                                        if is_star {
                                            return Err(PErr::at(&first, "invalid syntax"));
                                        }
                                        let mut items = vec![DictItem::Pair(first, v)];
                                        items.extend(rest);
                                        mk(ExprKind::Dict(items), span)
                                    }
                                    BraceTail::DictComp(v, generators) => {
                                        if is_star {
                                            return Err(PErr::at(&first, "invalid syntax"));
                                        }
                                        mk(
                                            ExprKind::DictComp {
                                                key: Box::new(first),
                                                value: Box::new(v),
                                                generators,
                                            },
                                            span,
                                        )
                                    }
                                    BraceTail::SetComp(generators) => {
                                        if is_star {
                                            return Err(PErr::at(
                                                &first,
                                                "iterable unpacking cannot be used in comprehension",
                                            ));
                                        }
                                        mk(
                                            ExprKind::SetComp {
                                                elt: Box::new(first),
                                                generators,
                                            },
                                            span,
                                        )
                                    }
                                    BraceTail::Set(rest) => {
                                        let mut v = vec![first];
                                        v.extend(rest);
                                        mk(ExprKind::Set(v), span)
                                    }
                                }
                            }
                        })
                    });

                let atom = choice((literal, strings, paren, list, brace)).boxed();

                // Call arguments.
                let arg = choice((
                    tok(Tok::Star)
                        .ignore_then(expression.clone())
                        .map_with(|x, e| (x, e.span()))
                        .then(comps.clone().or_not())
                        .try_map(|((x, s), comp), _| match comp {
                            None => Ok((Arg::Starred(x), false)),
                            Some(_) => Err(PErr::msg(
                                s,
                                "iterable unpacking cannot be used in comprehension",
                            )),
                        }),
                    tok(Tok::DoubleStar)
                        .ignore_then(expression.clone())
                        .map(|x| (Arg::DoubleStarred(x), false)),
                    name.clone()
                        .then_ignore(tok(Tok::Assign))
                        .then(expression.clone())
                        .map_with(|(n, v), e| (Arg::Keyword(n, v, to_span(e.span())), false)),
                    expression
                        .clone()
                        .then(choice((
                            comps.clone().map(Ok),
                            tok(Tok::Assign).ignore_then(expression.clone()).map(Err),
                        )).or_not())
                        .try_map(|(x, tail), s: S| match tail {
                            None => Ok((Arg::Positional(x), false)),
                            Some(Ok(generators)) => {
                                if let ExprKind::Starred(_) = x.kind {
                                    return Err(PErr::at(
                                        &x,
                                        "iterable unpacking cannot be used in comprehension",
                                    ));
                                }
                                let g = mk(
                                    ExprKind::GeneratorExp {
                                        elt: Box::new(x),
                                        generators,
                                    },
                                    to_span(s),
                                );
                                Ok((Arg::Positional(g), true))
                            }
                            Some(Err(_)) => {
                                let span = Span::new(x.span.start as usize, x.span.end as usize + 1);
                                Err(PErr::custom(
                                    S::from(span.range()),
                                    SyntaxError::new(
                                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                                        span,
                                    ),
                                ))
                            }
                        }),
                ));
                let arguments = arg
                    .separated_by(tok(Tok::Comma))
                    .at_least(1)
                    .collect::<Vec<_>>()
                    .then(tok(Tok::Comma).or_not())
                    .or_not()
                    .try_map(|args, _| match args {
                        None => Ok(vec![]),
                        Some((args, comma)) => check_args(args, comma.is_some()),
                    })
                    .boxed();
                arguments_out = Some(arguments.clone());

                // Subscripts.
                let slice_tail = tok(Tok::Colon)
                    .ignore_then(expression.clone().or_not())
                    .then(tok(Tok::Colon).ignore_then(expression.clone().or_not()).or_not())
                    .boxed();
                let make_slice = |lower: Option<Expr>, (upper, step): (Option<Expr>, Option<Option<Expr>>), s: S| {
                    mk(
                        ExprKind::Slice {
                            lower: lower.map(Box::new),
                            upper: upper.map(Box::new),
                            step: step.flatten().map(Box::new),
                        },
                        to_span(s),
                    )
                };
                let slice = choice((
                    starred(bitwise_or.clone()),
                    expression
                        .clone()
                        .then(slice_tail.clone().or_not())
                        .map_with(move |(lower, tail), e| match tail {
                            None => lower,
                            Some(tail) => make_slice(Some(lower), tail, e.span()),
                        }),
                    slice_tail.map_with(move |tail, e| make_slice(None, tail, e.span())),
                ))
                .boxed();
                // `a[*b]` subscripts with a one-element tuple, as in CPython.
                let slices = tuple_of(slice).map(|x| match x.kind {
                    ExprKind::Starred(_) => {
                        let span = x.span;
                        mk(ExprKind::Tuple(vec![x]), span)
                    }
                    _ => x,
                });

                let trailer = choice((
                    tok(Tok::Dot)
                        .ignore_then(name.clone())
                        .map_with(|n, e| Trailer::Attr(n, e.span())),
                    tok(Tok::LParen)
                        .ignore_then(arguments)
                        .then_ignore(tok(Tok::RParen))
                        .map_with(|a, e| Trailer::Call(a, e.span())),
                    tok(Tok::LBracket)
                        .ignore_then(slices)
                        .then_ignore(tok(Tok::RBracket))
                        .map_with(|x, e| Trailer::Sub(x, e.span())),
                ));
                let primary = atom
                    .foldl_with(trailer.repeated(), |value, tr, e| {
                        let start = e.span().start;
                        match tr {
                            Trailer::Attr(attr, s) => mk(
                                ExprKind::Attribute {
                                    value: Box::new(value),
                                    attr,
                                },
                                Span::new(start, s.end),
                            ),
                            Trailer::Call(args, s) => {
                                // A lone generator argument spans the parentheses.
                                let mut args = args;
                                if let [Arg::Positional(g)] = args.as_mut_slice() {
                                    if let ExprKind::GeneratorExp { .. } = g.kind {
                                        g.span = to_span(s);
                                    }
                                }
                                mk(
                                    ExprKind::Call {
                                        func: Box::new(value),
                                        args,
                                    },
                                    Span::new(start, s.end),
                                )
                            }
                            Trailer::Sub(index, s) => mk(
                                ExprKind::Subscript {
                                    value: Box::new(value),
                                    index: Box::new(index),
                                },
                                Span::new(start, s.end),
                            ),
                        }
                    })
                    .boxed();

                // Unary operators and `**` (right-associative, binds tighter
                // than a unary operator on its left: -2**2 == -(2**2)).
                let factor = recursive(|factor: Recursive<_>| {
                    let unary = choice((
                        tok(Tok::Plus).to(UnaryOp::Pos),
                        tok(Tok::Minus).to(UnaryOp::Neg),
                        tok(Tok::Tilde).to(UnaryOp::Invert),
                    ))
                    .then(factor.clone())
                    .map_with(|(op, x), e| {
                        let span = to_span(e.span());
                        mk(
                            ExprKind::UnaryOp {
                                op,
                                operand: Box::new(x),
                            },
                            span,
                        )
                    });
                    let power = primary
                        .clone()
                        .then(tok(Tok::DoubleStar).ignore_then(factor).or_not())
                        .map_with(|(base, exp), e| match exp {
                            None => base,
                            Some(exp) => {
                                let span = to_span(e.span());
                                mk(
                                    ExprKind::BinOp {
                                        left: Box::new(base),
                                        op: BinOp::Pow,
                                        right: Box::new(exp),
                                    },
                                    span,
                                )
                            }
                        });
                    choice((unary, power))
                })
                .boxed();
                let term = binop_level(
                    factor,
                    choice((
                        tok(Tok::Star).to(BinOp::Mul),
                        tok(Tok::Slash).to(BinOp::Div),
                        tok(Tok::DoubleSlash).to(BinOp::FloorDiv),
                        tok(Tok::Percent).to(BinOp::Mod),
                        tok(Tok::At).to(BinOp::MatMul),
                    )),
                );
                let sum = binop_level(
                    term,
                    choice((tok(Tok::Plus).to(BinOp::Add), tok(Tok::Minus).to(BinOp::Sub))),
                );
                let shift = binop_level(
                    sum,
                    choice((
                        tok(Tok::LShift).to(BinOp::LShift),
                        tok(Tok::RShift).to(BinOp::RShift),
                    )),
                );
                let band = binop_level(shift, tok(Tok::Amp).to(BinOp::BitAnd));
                let bxor = binop_level(band, tok(Tok::Caret).to(BinOp::BitXor));
                binop_level(bxor, tok(Tok::Pipe).to(BinOp::BitOr))
            })
            .boxed();
            bitwise_or_out = Some(bitwise_or.clone());

            let cmp_op = choice((
                tok(Tok::EqEq).to(CmpOp::Eq),
                tok(Tok::NotEq).to(CmpOp::NotEq),
                tok(Tok::Le).to(CmpOp::LtE),
                tok(Tok::Ge).to(CmpOp::GtE),
                tok(Tok::Lt).to(CmpOp::Lt),
                tok(Tok::Gt).to(CmpOp::Gt),
                tok(Tok::In).to(CmpOp::In),
                tok(Tok::Not).then(tok(Tok::In)).to(CmpOp::NotIn),
                tok(Tok::Is).then(tok(Tok::Not)).to(CmpOp::IsNot),
                tok(Tok::Is).to(CmpOp::Is),
            ));
            let comparison = bitwise_or
                .clone()
                .then(cmp_op.then(bitwise_or).repeated().collect::<Vec<_>>())
                .map_with(|(left, comparisons), e| {
                    if comparisons.is_empty() {
                        left
                    } else {
                        let span = to_span(e.span());
                        mk(
                            ExprKind::Compare {
                                left: Box::new(left),
                                comparisons,
                            },
                            span,
                        )
                    }
                })
                .boxed();
            let inversion = recursive(|inversion: Recursive<_>| {
                tok(Tok::Not)
                    .ignore_then(inversion)
                    .map_with(|x: Expr, e| {
                        let span = to_span(e.span());
                        mk(
                            ExprKind::UnaryOp {
                                op: UnaryOp::Not,
                                operand: Box::new(x),
                            },
                            span,
                        )
                    })
                    .or(comparison)
            })
            .boxed();
            let boolop = |lower: P<'src, I, Expr>, t: Tok, op: BoolOpKind| {
                lower
                    .clone()
                    .then(tok(t).ignore_then(lower).repeated().collect::<Vec<_>>())
                    .map_with(move |(first, rest), e| {
                        if rest.is_empty() {
                            first
                        } else {
                            let span = to_span(e.span());
                            let mut values = vec![first];
                            values.extend(rest);
                            mk(ExprKind::BoolOp { op, values }, span)
                        }
                    })
                    .boxed()
            };
            let conjunction = boolop(inversion, Tok::And, BoolOpKind::And);
            boolop(conjunction, Tok::Or, BoolOpKind::Or)
        })
        .boxed();
        disjunction_out = Some(disjunction.clone());

        let lambda_params = params_parser(name.clone(), expression.clone(), false);
        let lambda = tok(Tok::Lambda)
            .ignore_then(lambda_params.or_not())
            .then_ignore(tok(Tok::Colon))
            .then(expression.clone())
            .map_with(|(params, body), e| {
                let span = to_span(e.span());
                let body_span = body.span;
                let f = FunctionDef {
                    name: Rc::from("<lambda>"),
                    params: params.unwrap_or_default(),
                    body: vec![stmt(StmtKind::Return(Some(body)), body_span)],
                    decorators: vec![],
                    is_generator: false,
                    is_lambda: true,
                    span,
                };
                mk(ExprKind::Lambda(Rc::new(f)), span)
            });
        let ifexp = disjunction
            .clone()
            .then(
                tok(Tok::If)
                    .ignore_then(disjunction)
                    .then(
                        tok(Tok::Else)
                            .ignore_then(expression)
                            .map(Some)
                            .or(tok(Tok::Else).not().to(None)),
                    )
                    .or_not(),
            )
            .try_map(|(body, rest), s: S| match rest {
                None => Ok(body),
                Some((test, Some(orelse))) => {
                    let span = to_span(s);
                    Ok(mk(
                        ExprKind::IfExp {
                            test: Box::new(test),
                            body: Box::new(body),
                            orelse: Box::new(orelse),
                        },
                        span,
                    ))
                }
                Some((test, None)) => {
                    let span = body.span.to(test.span);
                    Err(PErr::custom(
                        S::from(span.range()),
                        SyntaxError::new("expected 'else' after 'if' expression", span),
                    ))
                }
            });
        choice((lambda, ifexp))
    })
    .boxed();

    let bitwise_or = bitwise_or_out.expect("defined above");
    let _disjunction = disjunction_out.expect("defined above");
    let star_named = choice((starred(bitwise_or.clone()), expression.clone())).boxed();
    let star_expressions = tuple_of(star_named);
    let yield_expr = tok(Tok::Yield)
        .ignore_then(choice((
            tok(Tok::From)
                .ignore_then(expression.clone())
                .map(|x| ExprKind::YieldFrom(Box::new(x))),
            star_expressions
                .clone()
                .or_not()
                .map(|x| ExprKind::Yield(x.map(Box::new))),
        )))
        .map_with(|k, e| mk(k, to_span(e.span())))
        .boxed();
    let yield_or_star = yield_expr.or(star_expressions.clone()).boxed();
    let def_params = params_parser(name.clone(), expression.clone(), true);
    ExprParsers {
        name,
        expression,
        star_expressions,
        yield_or_star,
        bitwise_or,
        target_list: target_list_out.expect("defined above"),
        arguments: arguments_out.expect("defined above"),
        def_params,
    }
}

// ---------------------------------------------------------------------------
// Statements

#[derive(Clone)]
enum ExprTail {
    Assign(Vec<Expr>),
    Aug(BinOp, Expr),
    Ann(Option<Expr>),
    None,
}

fn file_parser<'src, I: TokInput<'src>>(t: &'src Lexed) -> P<'src, I, Vec<Stmt>> {
    let ExprParsers {
        name,
        expression,
        star_expressions,
        yield_or_star,
        bitwise_or,
        target_list,
        arguments,
        def_params,
    } = expr_parsers::<I>(t);

    // Simple statements.
    let augop = select! {
        Tok::PlusEq => BinOp::Add,
        Tok::MinusEq => BinOp::Sub,
        Tok::StarEq => BinOp::Mul,
        Tok::AtEq => BinOp::MatMul,
        Tok::SlashEq => BinOp::Div,
        Tok::DoubleSlashEq => BinOp::FloorDiv,
        Tok::PercentEq => BinOp::Mod,
        Tok::DoubleStarEq => BinOp::Pow,
        Tok::LShiftEq => BinOp::LShift,
        Tok::RShiftEq => BinOp::RShift,
        Tok::PipeEq => BinOp::BitOr,
        Tok::CaretEq => BinOp::BitXor,
        Tok::AmpEq => BinOp::BitAnd,
    };
    let expr_stmt = yield_or_star
        .clone()
        .then(choice((
            tok(Tok::Assign)
                .ignore_then(yield_or_star.clone())
                .repeated()
                .at_least(1)
                .collect::<Vec<_>>()
                .map(ExprTail::Assign),
            augop
                .then(yield_or_star.clone())
                .map(|(op, v)| ExprTail::Aug(op, v)),
            tok(Tok::Colon)
                .ignore_then(expression.clone())
                .ignore_then(tok(Tok::Assign).ignore_then(yield_or_star.clone()).or_not())
                .map(ExprTail::Ann),
            empty().to(ExprTail::None),
        )))
        .try_map(|(first, tail), s: S| {
            let span = to_span(s);
            Ok(match tail {
                ExprTail::None => stmt(StmtKind::Expr(first), span),
                ExprTail::Assign(mut rest) => {
                    let value = rest.pop().unwrap();
                    let mut targets = Vec::with_capacity(rest.len() + 1);
                    targets.push(first);
                    targets.extend(rest);
                    check_assignment(&targets, &value)?;
                    stmt(StmtKind::Assign { targets, value }, span)
                }
                ExprTail::Aug(op, value) => {
                    match first.kind {
                        ExprKind::Name(_)
                        | ExprKind::Attribute { .. }
                        | ExprKind::Subscript { .. } => {}
                        _ => {
                            return Err(PErr::at(
                                &first,
                                &format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    expr_name(&first)
                                ),
                            ))
                        }
                    }
                    stmt(
                        StmtKind::AugAssign {
                            target: first,
                            op,
                            value,
                        },
                        span,
                    )
                }
                ExprTail::Ann(value) => {
                    if is_unparenthesized_tuple(&first) {
                        return Err(PErr::at(
                            &first,
                            "only single target (not tuple) can be annotated",
                        ));
                    }
                    match first.kind {
                        ExprKind::Name(_)
                        | ExprKind::Attribute { .. }
                        | ExprKind::Subscript { .. } => {}
                        ExprKind::Tuple(_) => {
                            return Err(PErr::at(
                                &first,
                                "only single target (not tuple) can be annotated",
                            ))
                        }
                        ExprKind::List(_) => {
                            return Err(PErr::at(
                                &first,
                                "only single target (not list) can be annotated",
                            ))
                        }
                        _ => return Err(PErr::at(&first, "illegal target for annotation")),
                    }
                    // Annotations are not kept: `x: T = v` is `x = v`.
                    match value {
                        Some(value) => stmt(
                            StmtKind::Assign {
                                targets: vec![first],
                                value,
                            },
                            span,
                        ),
                        None => stmt(StmtKind::Pass, span),
                    }
                }
            })
        })
        .boxed();

    let dotted_name = name
        .clone()
        .separated_by(tok(Tok::Dot))
        .at_least(1)
        .collect::<Vec<Name>>()
        .map(|parts| -> Name { Rc::from(parts.join(".")) })
        .boxed();
    let dotted_as_name = dotted_name
        .clone()
        .then(tok(Tok::As).ignore_then(name.clone()).or_not())
        .map_with(|(name, asname), e| Alias {
            name,
            asname,
            span: to_span(e.span()),
        });
    let import_name = tok(Tok::Import)
        .ignore_then(
            dotted_as_name
                .separated_by(tok(Tok::Comma))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .map(StmtKind::Import);
    let as_name = name
        .clone()
        .then(tok(Tok::As).ignore_then(name.clone()).or_not())
        .map_with(|(name, asname), e| Alias {
            name,
            asname,
            span: to_span(e.span()),
        });
    let as_names = as_name
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed();
    let dots = select! { Tok::Dot => 1u32, Tok::Ellipsis => 3u32 };
    let import_from = tok(Tok::From)
        .ignore_then(choice((
            dots.repeated()
                .at_least(1)
                .collect::<Vec<u32>>()
                .then(dotted_name.clone().or_not())
                .map(|(d, m)| (d.iter().sum::<u32>(), m)),
            dotted_name.map(|m| (0, Some(m))),
        )))
        .then_ignore(tok(Tok::Import))
        .then(choice((
            tok(Tok::Star).to(None),
            tok(Tok::LParen)
                .ignore_then(as_names.clone())
                .then_ignore(tok(Tok::Comma).or_not())
                .then_ignore(tok(Tok::RParen))
                .map(Some),
            as_names
                .then(tok(Tok::Comma).map_with(|_, e| e.span()).or_not())
                .try_map(|(names, comma), _| match comma {
                    Some(s) => Err(PErr::msg(
                        s,
                        "trailing comma not allowed without surrounding parentheses",
                    )),
                    None => Ok(Some(names)),
                }),
        )))
        .map(|((level, module), names)| StmtKind::ImportFrom {
            module,
            star: names.is_none(),
            names: names.unwrap_or_default(),
            level,
        });

    let del_targets = tuple_of(choice((starred(bitwise_or.clone()), bitwise_or.clone())).boxed())
        .try_map(|x, _| {
            check_target(&x, TargetKind::Del)?;
            Ok(if is_unparenthesized_tuple(&x) {
                match x.kind {
                    ExprKind::Tuple(v) => v,
                    _ => unreachable!(),
                }
            } else {
                vec![x]
            })
        });

    let names = name
        .clone()
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed();

    let simple_stmt = choice((
        tok(Tok::Pass).to(StmtKind::Pass),
        tok(Tok::Break).to(StmtKind::Break),
        tok(Tok::Continue).to(StmtKind::Continue),
        tok(Tok::Return)
            .ignore_then(star_expressions.clone().or_not())
            .map(StmtKind::Return),
        tok(Tok::Raise)
            .ignore_then(
                expression
                    .clone()
                    .then(tok(Tok::From).ignore_then(expression.clone()).or_not())
                    .or_not(),
            )
            .map(|x| match x {
                None => StmtKind::Raise {
                    exc: None,
                    cause: None,
                },
                Some((exc, cause)) => StmtKind::Raise {
                    exc: Some(exc),
                    cause,
                },
            }),
        tok(Tok::Global)
            .ignore_then(names.clone())
            .map(StmtKind::Global),
        tok(Tok::Nonlocal)
            .ignore_then(names)
            .map(StmtKind::Nonlocal),
        tok(Tok::Del).ignore_then(del_targets).map(StmtKind::Del),
        tok(Tok::Assert)
            .ignore_then(expression.clone())
            .then(tok(Tok::Comma).ignore_then(expression.clone()).or_not())
            .map(|(test, msg)| StmtKind::Assert { test, msg }),
        import_name,
        import_from,
    ))
    .map_with(|k, e| stmt(k, to_span(e.span())))
    .or(expr_stmt)
    .boxed();

    let simple_stmts = simple_stmt
        .separated_by(tok(Tok::Semi))
        .allow_trailing()
        .at_least(1)
        .collect::<Vec<Stmt>>()
        .then_ignore(tok(Tok::Newline))
        .boxed();

    // A condition that may be followed by a stray `=` (`if x = 1:`).
    let condition = expression
        .clone()
        .then(tok(Tok::Assign).ignore_then(expression.clone()).or_not())
        .try_map(|(c, rhs), s: S| match rhs {
            None => Ok(c),
            Some(rhs) => Err(named_expression_error(&c, &rhs).unwrap_or_else(|| {
                PErr::msg(S::from(c.span.end as usize..s.end), "invalid syntax")
            })),
        })
        .boxed();

    recursive(|statement: Recursive<_>| {
        let block = choice((
            tok(Tok::Newline).ignore_then(choice((
                tok(Tok::Indent)
                    .ignore_then(statement.repeated().at_least(1).collect::<Vec<Vec<Stmt>>>())
                    .then_ignore(tok(Tok::Dedent))
                    .map(|v| v.into_iter().flatten().collect::<Vec<Stmt>>()),
                fail_here(|s| PErr {
                    span: s,
                    found: None,
                    eoi: false,
                    custom: Some(Box::new(Custom::IndentedBlock)),
                }),
            ))),
            simple_stmts.clone(),
        ))
        .boxed();
        let kw = |k: Tok| tok(k).map_with(|_, e| e.span());
        let else_block = tok(Tok::Else)
            .ignore_then(expect(Tok::Colon, "expected ':'"))
            .ignore_then(block.clone())
            .boxed();
        let finally_block = tok(Tok::Finally)
            .ignore_then(expect(Tok::Colon, "expected ':'"))
            .ignore_then(block.clone())
            .boxed();

        let if_stmt = kw(Tok::If)
            .then(condition.clone())
            .then_ignore(colon_nl())
            .then(block.clone())
            .then(
                kw(Tok::Elif)
                    .then(condition.clone())
                    .then_ignore(colon_nl())
                    .then(block.clone())
                    .repeated()
                    .collect::<Vec<_>>(),
            )
            .then(else_block.clone().or_not())
            .map(|((((s, test), body), elifs), orelse)| {
                let mut orelse = orelse.unwrap_or_default();
                for ((es, etest), ebody) in elifs.into_iter().rev() {
                    let end = end_of(&orelse, end_of(&ebody, es.end as u32));
                    let span = Span {
                        start: es.start as u32,
                        end,
                    };
                    orelse = vec![stmt(
                        StmtKind::If {
                            test: etest,
                            body: ebody,
                            orelse,
                        },
                        span,
                    )];
                }
                let end = end_of(&orelse, end_of(&body, s.end as u32));
                let span = Span {
                    start: s.start as u32,
                    end,
                };
                stmt(StmtKind::If { test, body, orelse }, span)
            });

        let while_stmt = kw(Tok::While)
            .then(condition.clone())
            .then_ignore(colon_nl())
            .then(block.clone())
            .then(else_block.clone().or_not())
            .map(|(((s, test), body), orelse)| {
                let orelse = orelse.unwrap_or_default();
                let end = end_of(&orelse, end_of(&body, s.end as u32));
                stmt(
                    StmtKind::While { test, body, orelse },
                    Span {
                        start: s.start as u32,
                        end,
                    },
                )
            });

        let for_stmt = kw(Tok::For)
            .then(target_list.clone().try_map(|tg, _| {
                check_target(&tg, TargetKind::For)?;
                Ok(tg)
            }))
            .then_ignore(tok(Tok::In))
            .then(star_expressions.clone())
            .then_ignore(colon_nl())
            .then(block.clone())
            .then(else_block.clone().or_not())
            .map(|((((s, target), iter), body), orelse)| {
                let orelse = orelse.unwrap_or_default();
                let end = end_of(&orelse, end_of(&body, s.end as u32));
                stmt(
                    StmtKind::For {
                        target,
                        iter,
                        body,
                        orelse,
                    },
                    Span {
                        start: s.start as u32,
                        end,
                    },
                )
            });

        let except_clause = kw(Tok::Except)
            .then(
                expression
                    .clone()
                    .then(
                        choice((
                            tok(Tok::As).ignore_then(name.clone()).map(Ok),
                            tok(Tok::Comma).ignore_then(expression.clone()).map(Err),
                        ))
                        .or_not(),
                    )
                    .try_map(|(typ, tail), _| match tail {
                        None => Ok((typ, None)),
                        Some(Ok(n)) => Ok((typ, Some(n))),
                        Some(Err(last)) => {
                            let span = typ.span.to(last.span);
                            Err(PErr::custom(
                                S::from(span.range()),
                                SyntaxError::new(
                                    "multiple exception types must be parenthesized",
                                    span,
                                ),
                            ))
                        }
                    })
                    .or_not(),
            )
            .then_ignore(colon_nl())
            .then(block.clone())
            .map(|((s, typ), body)| {
                let (typ, name) = match typ {
                    Some((t, n)) => (Some(t), n),
                    None => (None, None),
                };
                let end = end_of(&body, s.end as u32);
                ExceptHandler {
                    typ,
                    name,
                    body,
                    span: Span {
                        start: s.start as u32,
                        end,
                    },
                }
            });
        let try_stmt = kw(Tok::Try)
            .then_ignore(expect(Tok::Colon, "expected ':'"))
            .then(block.clone())
            .then(choice((
                except_clause
                    .repeated()
                    .at_least(1)
                    .collect::<Vec<_>>()
                    .then(else_block.clone().or_not())
                    .then(finally_block.clone().or_not())
                    .map(|((h, e), f)| (h, e.unwrap_or_default(), f.unwrap_or_default())),
                finally_block.map(|f| (vec![], vec![], f)),
                fail_here(|s| PErr::msg(s, "expected 'except' or 'finally' block")),
            )))
            .map(|((s, body), (handlers, orelse, finalbody))| {
                let end = end_of(
                    &finalbody,
                    end_of(
                        &orelse,
                        handlers
                            .last()
                            .map_or(end_of(&body, s.end as u32), |h| h.span.end),
                    ),
                );
                stmt(
                    StmtKind::Try {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    },
                    Span {
                        start: s.start as u32,
                        end,
                    },
                )
            });

        let with_target = choice((starred(bitwise_or.clone()), bitwise_or.clone()))
            .try_map(|x, _| {
                check_target(&x, TargetKind::Star)?;
                Ok(x)
            })
            .boxed();
        let with_item = expression
            .clone()
            .then(tok(Tok::As).ignore_then(with_target).or_not())
            .map(|(context, target)| WithItem { context, target })
            .boxed();
        let with_stmt = kw(Tok::With)
            .then(choice((
                tok(Tok::LParen)
                    .ignore_then(
                        with_item
                            .clone()
                            .separated_by(tok(Tok::Comma))
                            .allow_trailing()
                            .at_least(1)
                            .collect::<Vec<_>>(),
                    )
                    .then_ignore(tok(Tok::RParen))
                    .then_ignore(tok(Tok::Colon).rewind()),
                with_item
                    .separated_by(tok(Tok::Comma))
                    .at_least(1)
                    .collect::<Vec<_>>(),
            )))
            .then_ignore(colon_nl())
            .then(block.clone())
            .map(|((s, items), body)| {
                let end = end_of(&body, s.end as u32);
                stmt(
                    StmtKind::With { items, body },
                    Span {
                        start: s.start as u32,
                        end,
                    },
                )
            });

        let funcdef = kw(Tok::Def)
            .then(name.clone())
            .then_ignore(expect(Tok::LParen, "expected '('"))
            .then(def_params.or_not())
            .then_ignore(tok(Tok::RParen))
            .then_ignore(tok(Tok::Arrow).ignore_then(expression.clone()).or_not())
            .then_ignore(expect(Tok::Colon, "expected ':'"))
            .then(block.clone())
            .map(|(((s, name), params), body)| {
                let end = end_of(&body, s.end as u32);
                (
                    false,
                    name,
                    params.unwrap_or_default(),
                    vec![],
                    body,
                    Span {
                        start: s.start as u32,
                        end,
                    },
                )
            });
        let classdef = kw(Tok::Class)
            .then(name.clone())
            .then(
                tok(Tok::LParen)
                    .ignore_then(arguments.clone())
                    .then_ignore(tok(Tok::RParen))
                    .or_not(),
            )
            .then_ignore(colon_nl())
            .then(block)
            .map(|(((s, name), bases), body)| {
                let end = end_of(&body, s.end as u32);
                (
                    true,
                    name,
                    Params::default(),
                    bases.unwrap_or_default(),
                    body,
                    Span {
                        start: s.start as u32,
                        end,
                    },
                )
            });
        let decorators = tok(Tok::At)
            .ignore_then(expression.clone())
            .then_ignore(tok(Tok::Newline))
            .repeated()
            .collect::<Vec<_>>();
        let definition = decorators.then(choice((funcdef, classdef))).map(
            |(decorators, (is_class, name, params, bases, body, span))| {
                if is_class {
                    stmt(
                        StmtKind::ClassDef(Rc::new(ClassDef {
                            name,
                            bases,
                            body,
                            decorators,
                            span,
                        })),
                        span,
                    )
                } else {
                    stmt(
                        StmtKind::FunctionDef(Rc::new(FunctionDef {
                            name,
                            params,
                            body,
                            decorators,
                            is_generator: false,
                            is_lambda: false,
                            span,
                        })),
                        span,
                    )
                }
            },
        );

        let compound = choice((
            if_stmt, for_stmt, while_stmt, definition, try_stmt, with_stmt,
        ))
        .map(|s| vec![s]);
        choice((compound, simple_stmts)).boxed()
    })
    .repeated()
    .collect::<Vec<Vec<Stmt>>>()
    .then_ignore(end())
    .map(|v| v.into_iter().flatten().collect())
    .boxed()
}

// ---------------------------------------------------------------------------
// Driver

/// A conservative bound on how deep the AST can nest, from the tokens
/// alone. Within a logical line: inside each bracket group, the operators
/// and keywords of one comma-separated segment add up, and groups nest.
/// Across lines: each open block and each `elif` of a chain (an `If` in the
/// previous one's `orelse`) adds one. Input over [`MAX_EXPR_DEPTH`] is
/// rejected before parsing, so that no recursive pass over the tree (or its
/// drop) can overflow the stack.
fn depth_bound_error(toks: &[(Tok, S)]) -> Option<S> {
    struct Group {
        seg_ops: usize,
        seg_child: usize,
        best: usize,
        pending_lambdas: usize,
    }
    let new_group = || Group {
        seg_ops: 0,
        seg_child: 0,
        best: 0,
        pending_lambdas: 0,
    };
    let end_segment = |g: &mut Group| {
        g.best = g.best.max(g.seg_ops + g.seg_child);
        g.seg_ops = 0;
        g.seg_child = 0;
    };
    let mut stack = vec![new_group()];
    let mut prev: Option<Tok> = None;
    // One counter per open block: the length of the current elif chain.
    let mut blocks: Vec<usize> = vec![0];
    let mut structural: usize = 0;
    let mut line_start = true;
    for &(t, s) in toks {
        let after_operand = prev.is_some_and(ends_expression);
        prev = Some(t);
        if line_start {
            match t {
                Tok::Indent => {
                    blocks.push(0);
                    structural += 1;
                    continue;
                }
                Tok::Dedent => {
                    if blocks.len() > 1 {
                        let chain = blocks.pop().unwrap_or(0);
                        structural = structural.saturating_sub(1 + chain);
                    }
                    continue;
                }
                Tok::Elif => {
                    *blocks.last_mut().unwrap() += 1;
                    structural += 1;
                }
                Tok::Else => {}
                _ => {
                    let chain = std::mem::take(blocks.last_mut().unwrap());
                    structural = structural.saturating_sub(chain);
                }
            }
            line_start = false;
        }
        let limit = MAX_EXPR_DEPTH.saturating_sub(structural);
        if structural > MAX_EXPR_DEPTH {
            return Some(s);
        }
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::FStrFieldStart => {
                if after_operand && t != Tok::FStrFieldStart {
                    // A call or subscript nests the expression before it.
                    let g = stack.last_mut().unwrap();
                    g.seg_ops += 1;
                    if g.seg_ops + g.seg_child > limit {
                        return Some(s);
                    }
                }
                stack.push(new_group())
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::FStrFieldEnd => {
                if stack.len() > 1 {
                    let mut g = stack.pop().unwrap();
                    end_segment(&mut g);
                    let top = stack.last_mut().unwrap();
                    top.seg_child = top.seg_child.max(g.best + 1);
                }
            }
            Tok::Comma | Tok::Semi | Tok::Newline => {
                let g = stack.last_mut().unwrap();
                if t == Tok::Comma && g.pending_lambdas > 0 {
                    continue;
                }
                end_segment(g);
                if t != Tok::Comma {
                    if g.best > limit {
                        return Some(s);
                    }
                    g.best = 0;
                    g.pending_lambdas = 0;
                }
                if t == Tok::Newline {
                    line_start = true;
                }
            }
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::Indent
            | Tok::Dedent
            | Tok::FStrMiddle(_)
            | Tok::FStrStart
            | Tok::FStrEnd => {}
            _ => {
                let g = stack.last_mut().unwrap();
                if t == Tok::Lambda {
                    g.pending_lambdas += 1;
                } else if t == Tok::Colon && g.pending_lambdas > 0 {
                    g.pending_lambdas -= 1;
                }
                g.seg_ops += 1;
                if g.seg_ops + g.seg_child > limit {
                    return Some(s);
                }
            }
        }
        if stack.len() > MAX_BRACKET_DEPTH + 8 {
            return Some(s);
        }
    }
    let g = stack.last_mut().unwrap();
    end_segment(g);
    if g.best > MAX_EXPR_DEPTH.saturating_sub(structural) {
        return toks.last().map(|x| x.1);
    }
    None
}

fn split(x: &(Tok, S)) -> (&Tok, &S) {
    (&x.0, &x.1)
}

/// Runs the chumsky grammar over `toks`.
fn run_grammar(lexed: &Lexed, toks: &[(Tok, S)], eoi: usize) -> Result<Vec<Stmt>, PErr> {
    let input = toks.map(S::from(eoi..eoi), split as fn(&(Tok, S)) -> (&Tok, &S));
    let parser = file_parser(lexed);
    let (out, errs) = parser.parse(input).into_output_errors();
    match (out, errs.into_iter().next()) {
        (Some(body), None) => Ok(body),
        (_, Some(e)) => Err(e),
        (None, None) => Err(PErr::msg(S::from(eoi..eoi), "invalid syntax")),
    }
}

/// Index of the token at or after byte offset `pos`.
fn token_index(toks: &[(Tok, S)], pos: usize) -> usize {
    toks.partition_point(|(_, s)| s.start < pos)
}

fn starts_expression(t: Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::FStrStart
            | Tok::LParen
            | Tok::LBracket
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

fn ends_expression(t: Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::FStrEnd
            | Tok::RParen
            | Tok::RBracket
            | Tok::RBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

/// Turns a grammar error into CPython's message.
fn convert_error(src: &str, lexed: &Lexed, toks: &[(Tok, S)], e: PErr) -> SyntaxError {
    match e.custom.map(|c| *c) {
        Some(Custom::Error(err)) => return in_fstring_prefix(toks, e.span.start, err),
        Some(Custom::IndentedBlock) => return indented_block_error(src, toks, e.span),
        None => {}
    }
    let idx = token_index(toks, e.span.start);
    let found = e.found.or_else(|| toks.get(idx).map(|t| t.0));
    let span = if e.eoi {
        // At the end of input: point at the last token.
        toks.last()
            .map_or(Span::new(src.len(), src.len()), |t| to_span(t.1))
    } else {
        to_span(e.span)
    };
    match found {
        Some(Tok::Indent) => {
            return SyntaxError::indentation("unexpected indent", span)
                .with_label("unexpected indent")
        }
        Some(Tok::Dedent) => return SyntaxError::indentation("unexpected unindent", span),
        Some(Tok::FStrError(i)) => return lexed.fstring_errors[i as usize].clone(),
        _ => {}
    }
    let mut err = SyntaxError::new("invalid syntax", span);
    if let Some(t) = found {
        let prev = idx.checked_sub(1).and_then(|i| toks.get(i)).map(|t| t.0);
        if let Some(prev) = prev {
            let depth = bracket_depth(toks, idx);
            if let Tok::Name(n) = prev {
                let n = &*lexed.names[n as usize];
                if (n == "print" || n == "exec") && starts_expression(t) && t != Tok::LParen {
                    let start = toks[idx - 1].1.start;
                    let span = Span::new(start, e.span.end);
                    err = SyntaxError::new(
                        format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                        span,
                    );
                    return in_fstring_prefix(toks, e.span.start, err);
                }
            }
            let name_string =
                matches!(prev, Tok::Name(_)) && matches!(t, Tok::Str(_) | Tok::FStrStart);
            if depth > 0 && ends_expression(prev) && starts_expression(t) && !name_string {
                err = SyntaxError::new("invalid syntax. Perhaps you forgot a comma?", span)
                    .with_label("perhaps a comma is missing before this");
            }
        }
    }
    in_fstring_prefix(toks, e.span.start, err)
}

/// Depth of brackets (and f-string fields) open before token `idx`.
fn bracket_depth(toks: &[(Tok, S)], idx: usize) -> usize {
    let mut d: usize = 0;
    for (t, _) in &toks[..idx.min(toks.len())] {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::FStrFieldStart => d += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::FStrFieldEnd => {
                d = d.saturating_sub(1)
            }
            _ => {}
        }
    }
    d
}

/// Errors inside an f-string replacement field get CPython's `f-string: `
/// prefix (3.11 compiles the field as a separate expression).
fn in_fstring_prefix(toks: &[(Tok, S)], pos: usize, mut err: SyntaxError) -> SyntaxError {
    let idx = token_index(toks, pos);
    let mut depth: usize = 0;
    for (t, _) in &toks[..idx.min(toks.len())] {
        match t {
            Tok::FStrFieldStart => depth += 1,
            Tok::FStrFieldEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if depth > 0 && !err.message.starts_with("f-string") {
        err.message = format!("f-string: {}", err.message);
    }
    err
}

/// `expected an indented block after 'if' statement on line 3`: the header
/// is the logical line that ends just before the error.
fn indented_block_error(src: &str, toks: &[(Tok, S)], at: S) -> SyntaxError {
    let idx = token_index(toks, at.start);
    // toks[idx - 1] is the NEWLINE ending the header.
    let mut i = idx.saturating_sub(1);
    while i > 0 && !matches!(toks[i - 1].0, Tok::Newline | Tok::Indent | Tok::Dedent) {
        i -= 1;
    }
    let span = if idx < toks.len() {
        to_span(at)
    } else {
        Span::new(src.len(), src.len())
    };
    let Some(&(head, hs)) = toks.get(i) else {
        return SyntaxError::indentation("expected an indented block", span);
    };
    let line = line_of(src, hs.start);
    let what = match head {
        Tok::If => "'if' statement".to_string(),
        Tok::Elif => "'elif' statement".to_string(),
        Tok::Else => "'else' statement".to_string(),
        Tok::While => "'while' statement".to_string(),
        Tok::For => "'for' statement".to_string(),
        Tok::Try => "'try' statement".to_string(),
        Tok::Except => "'except' statement".to_string(),
        Tok::Finally => "'finally' statement".to_string(),
        Tok::With => "'with' statement".to_string(),
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        _ => return SyntaxError::indentation("expected an indented block", span),
    };
    SyntaxError::indentation(
        format!("expected an indented block after {what} on line {line}"),
        span,
    )
    .with_label(format!("expected an indented block after {what}"))
}

struct Tokens {
    lexed: Lexed,
    layout: Layout,
    /// The first tokenizer error (lexer or layout), if any.
    error: Option<TokError>,
}

fn tokenize(src: &str) -> Tokens {
    let mut lexed = lex(src);
    let lex_error = lexed.error.take();
    let raw = std::mem::take(&mut lexed.toks);
    let layout = layout(src, &raw, lex_error.is_none());
    let error = match (&layout.error, lex_error) {
        (Some(e), _) => Some(e.clone()),
        (None, e) => e,
    };
    Tokens {
        lexed,
        layout,
        error,
    }
}

/// Parses a module: tokenizer errors and parser errors are arbitrated the
/// way CPython does (see the module documentation), then the compile-time
/// checks run.
pub(crate) fn parse_source(src: &str) -> Result<Module, SyntaxError> {
    let Tokens {
        lexed,
        layout,
        error: tok_error,
    } = tokenize(src);
    let toks = &layout.toks;
    // Checked even before a tokenizer error: the parse of the tokens up to
    // it must not build a tree too deep to walk or drop.
    if let Some(s) = depth_bound_error(toks) {
        return Err(SyntaxError::new(
            "maximum recursion depth exceeded during compilation",
            to_span(s),
        ));
    }
    let result = run_grammar(&lexed, toks, src.len());
    let body = match (result, tok_error) {
        (Ok(body), None) => body,
        (Ok(_), Some(te)) => return Err(te.error),
        (Err(pe), None) => return Err(convert_error(src, &lexed, toks, pe)),
        (Err(pe), Some(te)) => {
            if pe.eoi {
                // The parser got as far as the tokenizer: its error is next.
                return Err(te.error);
            }
            let err = convert_error(src, &lexed, toks, pe);
            let unexpected_indent = err.kind == SyntaxErrorKind::IndentationError
                && err.message.starts_with("unexpected");
            if te.overrides && !unexpected_indent {
                return Err(te.error);
            }
            if let Some(line) = te.unclosed_line {
                if line_of(src, err.span.start as usize) > line && !unexpected_indent {
                    return Err(te.error);
                }
            }
            return Err(err);
        }
    };
    let mut module = Module { body };
    check::check_module(src, &mut module)?;
    Ok(module)
}

/// See [`crate::syntax::is_incomplete`].
pub(crate) fn is_incomplete(src: &str) -> bool {
    let Tokens {
        lexed,
        layout,
        error,
    } = tokenize(src);
    if let Some(te) = &error {
        let m = &te.error.message;
        return m.starts_with("unterminated triple-quoted")
            || m.ends_with("was never closed")
            || m == "unexpected EOF while parsing";
    }
    if depth_bound_error(&layout.toks).is_some() {
        return false;
    }
    match run_grammar(&lexed, &layout.toks, src.len()) {
        // Failing at the very end: a header without its body, a decorator
        // without its definition, ...
        Err(e) => e.eoi,
        Ok(_) => {
            // Inside a block, the REPL waits for an empty line.
            layout.open_indents > 0 && !ends_with_blank_line(src)
        }
    }
}

fn ends_with_blank_line(src: &str) -> bool {
    let trimmed = src.trim_end_matches([' ', '\t']);
    trimmed.ends_with("\n\n") || trimmed.ends_with("\r\n\r\n") || trimmed.is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::{is_incomplete, parse_module};
    use super::*;

    /// A compact prefix form of an expression, the same as the one
    /// `ast.dump` output was turned into for the expectations below.
    fn c(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Name(n) => n.to_string(),
            ExprKind::Int(i) => i.to_string(),
            ExprKind::Float(f) => format!("{f:?}"),
            ExprKind::Str(s) => format!("{s:?}"),
            ExprKind::BinOp { left, op, right } => {
                format!("({} {} {})", op.symbol(), c(left), c(right))
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = match op {
                    UnaryOp::Not => "not",
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    UnaryOp::Invert => "~",
                };
                format!("({op} {})", c(operand))
            }
            ExprKind::BoolOp { op, values } => {
                let op = if *op == BoolOpKind::And { "and" } else { "or" };
                let v: Vec<String> = values.iter().map(c).collect();
                format!("({op} {})", v.join(" "))
            }
            ExprKind::Compare { left, comparisons } => {
                let mut s = format!("(cmp {}", c(left));
                for (op, x) in comparisons {
                    s += &format!(" {} {}", op.symbol(), c(x));
                }
                s + ")"
            }
            ExprKind::IfExp { test, body, orelse } => {
                format!("(if {} {} {})", c(test), c(body), c(orelse))
            }
            ExprKind::Lambda(def) => match &def.body[0].kind {
                StmtKind::Return(Some(b)) => format!("(lambda {})", c(b)),
                _ => "(lambda ?)".into(),
            },
            ExprKind::Call { func, args } => {
                let mut s = format!("(call {}", c(func));
                for a in args {
                    s += &match a {
                        Arg::Positional(e) => format!(" {}", c(e)),
                        Arg::Starred(e) => format!(" *{}", c(e)),
                        Arg::Keyword(n, e, _) => format!(" {n}={}", c(e)),
                        Arg::DoubleStarred(e) => format!(" **{}", c(e)),
                    };
                }
                s + ")"
            }
            ExprKind::Attribute { value, attr } => format!("(. {} {attr})", c(value)),
            ExprKind::Subscript { value, index } => format!("([] {} {})", c(value), c(index)),
            ExprKind::Slice { lower, upper, step } => {
                let p = |x: &Option<Box<Expr>>| x.as_ref().map_or("_".to_string(), |x| c(x));
                format!("(: {} {} {})", p(lower), p(upper), p(step))
            }
            ExprKind::Starred(x) => format!("(* {})", c(x)),
            ExprKind::Tuple(v) => {
                format!("(tuple {})", v.iter().map(c).collect::<Vec<_>>().join(" "))
            }
            ExprKind::List(v) => {
                format!("(list {})", v.iter().map(c).collect::<Vec<_>>().join(" "))
            }
            ExprKind::Yield(v) => format!("(yield {})", v.as_ref().map_or(String::new(), |x| c(x))),
            other => format!("{other:?}"),
        }
    }

    fn expr(src: &str) -> Expr {
        let m = parse_module(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        match m.body.into_iter().next().map(|s| s.kind) {
            Some(StmtKind::Expr(e)) => e,
            other => panic!("{src:?}: {other:?}"),
        }
    }

    fn err(src: &str) -> String {
        match parse_module(src) {
            Ok(_) => "OK".to_string(),
            Err(e) => e[0].last_line(),
        }
    }

    #[test]
    fn precedence_matches_cpython() {
        // Expectations derived from `ast.dump(ast.parse(src, mode='eval'))`.
        let cases = [
            ("-2**2", "(- (** 2 2))"),
            ("2**-1", "(** 2 (- 1))"),
            ("-x**-y", "(- (** x (- y)))"),
            ("2**3**2", "(** 2 (** 3 2))"),
            ("not a == b", "(not (cmp a == b))"),
            ("not a and b", "(and (not a) b)"),
            ("a or b and c", "(or a (and b c))"),
            ("a and b or c", "(or (and a b) c)"),
            ("not not a", "(not (not a))"),
            ("a if b else c if d else e", "(if b a (if d c e))"),
            ("(a if b else c) if d else e", "(if d (if b a c) e)"),
            ("lambda: a if b else c", "(lambda (if b a c))"),
            ("lambda x: lambda y: x + y", "(lambda (lambda (+ x y)))"),
            ("a < b < c", "(cmp a < b < c)"),
            ("a < b == c != d", "(cmp a < b == c != d)"),
            ("a not in b is not c", "(cmp a not in b is not c)"),
            ("a is not b", "(cmp a is not b)"),
            ("a + b * c", "(+ a (* b c))"),
            ("(a + b) * c", "(* (+ a b) c)"),
            ("a - b - c", "(- (- a b) c)"),
            ("a / b // c % d", "(% (// (/ a b) c) d)"),
            ("a ** b * c", "(* (** a b) c)"),
            ("a | b ^ c & d", "(| a (^ b (& c d)))"),
            ("a << b + c", "(<< a (+ b c))"),
            ("a & b << c", "(& a (<< b c))"),
            ("a | b == c", "(cmp (| a b) == c)"),
            ("~a + -b", "(+ (~ a) (- b))"),
            ("-a * b", "(* (- a) b)"),
            ("a.b.c", "(. (. a b) c)"),
            ("a.b(c).d[e]", "([] (. (call (. a b) c) d) e)"),
            ("f(a)(b)", "(call (call f a) b)"),
            ("a[1:2, ::3]", "([] a (tuple (: 1 2 _) (: _ _ 3)))"),
            ("a[::]", "([] a (: _ _ _))"),
            ("x if y else lambda: z", "(if y x (lambda z))"),
            ("a + (b if c else d)", "(+ a (if c b d))"),
            ("-(-a)", "(- (- a))"),
            ("+-~a", "(+ (- (~ a)))"),
            ("a ** -b ** c", "(** a (- (** b c)))"),
            ("not a < b", "(not (cmp a < b))"),
            ("a == (b == c)", "(cmp a == (cmp b == c))"),
            ("1 + 2 * 3 - 4 / 5 % 6", "(- (+ 1 (* 2 3)) (% (/ 4 5) 6))"),
            ("x or y if z else w", "(if z (or x y) w)"),
            ("*a, b", "(tuple (* a) b)"),
            ("f(a, *b, c=1, **d)", "(call f a *b c=1 **d)"),
            ("a[*b]", "([] a (tuple (* b)))"),
        ];
        for (src, want) in cases {
            assert_eq!(c(&expr(src)), want, "{src}");
        }
    }

    #[test]
    fn statements() {
        let m = parse_module(
            "a, *rest, b = xs\nx = y = 1\nx += 1\nfor a, (b, c) in d: pass\nimport a.b as c, d\nfrom ..m import (x as y, z,)\nfrom . import *\n",
        )
        .unwrap();
        let kinds: Vec<&StmtKind> = m.body.iter().map(|s| &s.kind).collect();
        match kinds[0] {
            StmtKind::Assign { targets, .. } => assert_eq!(c(&targets[0]), "(tuple a (* rest) b)"),
            k => panic!("{k:?}"),
        }
        match kinds[1] {
            StmtKind::Assign { targets, value } => {
                assert_eq!(targets.len(), 2);
                assert_eq!(c(value), "1");
            }
            k => panic!("{k:?}"),
        }
        assert!(matches!(
            kinds[2],
            StmtKind::AugAssign { op: BinOp::Add, .. }
        ));
        match kinds[3] {
            StmtKind::For { target, .. } => assert_eq!(c(target), "(tuple a (tuple b c))"),
            k => panic!("{k:?}"),
        }
        match kinds[4] {
            StmtKind::Import(a) => {
                assert_eq!(&*a[0].name, "a.b");
                assert_eq!(a[0].asname.as_deref(), Some("c"));
                assert_eq!(&*a[1].name, "d");
            }
            k => panic!("{k:?}"),
        }
        match kinds[5] {
            StmtKind::ImportFrom {
                module,
                names,
                star,
                level,
            } => {
                assert_eq!(module.as_deref(), Some("m"));
                assert_eq!(*level, 2);
                assert!(!star);
                assert_eq!(names.len(), 2);
            }
            k => panic!("{k:?}"),
        }
        assert!(matches!(
            kinds[6],
            StmtKind::ImportFrom {
                module: None,
                star: true,
                level: 1,
                ..
            }
        ));
    }

    #[test]
    fn one_line_bodies_and_semicolons() {
        let m = parse_module("if x: y = 1; z = 2\nelse: pass\nwhile 0: break\n").unwrap();
        match &m.body[0].kind {
            StmtKind::If { body, orelse, .. } => {
                assert_eq!(body.len(), 2);
                assert_eq!(orelse.len(), 1);
            }
            k => panic!("{k:?}"),
        }
        assert_eq!(parse_module("pass;").unwrap().body.len(), 1);
    }

    #[test]
    fn functions_and_generators() {
        let m = parse_module(
            "@dec(1)\n@other\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    x = yield a\n    def g(): return 1\n    return x\ndef h():\n    def inner(): yield 1\n    return lambda: (yield)\n",
        )
        .unwrap();
        let StmtKind::FunctionDef(f) = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(f.decorators.len(), 2);
        assert_eq!(f.params.posonly, 2);
        assert_eq!(f.params.args.len(), 3);
        assert_eq!(f.params.vararg.as_ref().unwrap().name.as_ref(), "args");
        assert_eq!(f.params.kwonly.len(), 2);
        assert_eq!(f.params.kwarg.as_ref().unwrap().name.as_ref(), "kw");
        assert!(f.is_generator);
        // The def starts at `def`, not at the decorators.
        assert_eq!(f.span.start, 15);
        let StmtKind::FunctionDef(h) = &m.body[1].kind else {
            panic!()
        };
        assert!(!h.is_generator);
        let StmtKind::FunctionDef(inner) = &h.body[0].kind else {
            panic!()
        };
        assert!(inner.is_generator);
        let StmtKind::Return(Some(Expr {
            kind: ExprKind::Lambda(l),
            ..
        })) = &h.body[1].kind
        else {
            panic!()
        };
        assert!(l.is_lambda && l.is_generator);
    }

    #[test]
    fn strings_concatenate() {
        assert_eq!(c(&expr("'a' \"b\" '''c'''")), "\"abc\"");
        match expr("'a' f'{x!r:>4}' 'b'").kind {
            ExprKind::FString(parts) => {
                assert_eq!(parts.len(), 3);
                assert!(matches!(&parts[0], FStringPart::Literal(s) if &**s == "a"));
                match &parts[1] {
                    FStringPart::Expr {
                        conversion, spec, ..
                    } => {
                        assert_eq!(*conversion, Some('r'));
                        assert!(
                            matches!(&spec.as_deref().unwrap()[0], FStringPart::Literal(s) if &**s == ">4")
                        );
                    }
                    p => panic!("{p:?}"),
                }
            }
            k => panic!("{k:?}"),
        }
        match expr("f'{x * y = }'").kind {
            ExprKind::FString(parts) => match &parts[0] {
                FStringPart::Expr {
                    debug_text, expr, ..
                } => {
                    assert_eq!(debug_text.as_deref(), Some("x * y = "));
                    // The span points into the source.
                    assert_eq!((expr.span.start, expr.span.end), (3, 8));
                }
                p => panic!("{p:?}"),
            },
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn spans() {
        let src = "x = (a + b) * c\n";
        let m = parse_module(src).unwrap();
        let StmtKind::Assign { value, .. } = &m.body[0].kind else {
            panic!()
        };
        // As in CPython: the parenthesised operand extends the BinOp.
        assert_eq!(&src[value.span.range()], "(a + b) * c");
        let ExprKind::BinOp { left, .. } = &value.kind else {
            panic!()
        };
        assert_eq!(&src[left.span.range()], "a + b");
        assert_eq!(&src[m.body[0].span.range()], "x = (a + b) * c");
    }

    /// Error messages, each checked against CPython 3.11's last line.
    #[test]
    fn error_messages_match_cpython() {
        let cases = [
            ("x = = 1", "SyntaxError: invalid syntax"),
            ("if x\n    pass", "SyntaxError: expected ':'"),
            ("def f()\n    pass", "SyntaxError: expected ':'"),
            ("def f() x: pass", "SyntaxError: expected ':'"),
            ("if x y: pass", "SyntaxError: invalid syntax"),
            ("x = (1,", "SyntaxError: '(' was never closed"),
            ("foo(1\ny = 2\nz = 3", "SyntaxError: '(' was never closed"),
            ("x = = 1\ny = (", "SyntaxError: invalid syntax"),
            ("x = )", "SyntaxError: unmatched ')'"),
            ("x = (]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"),
            ("x = 'abc", "SyntaxError: unterminated string literal (detected at line 1)"),
            ("x = = 1\ns = 'abc", "SyntaxError: unterminated string literal (detected at line 2)"),
            ("x = '''abc\ndef", "SyntaxError: unterminated triple-quoted string literal (detected at line 2)"),
            ("x = 1a", "SyntaxError: invalid decimal literal"),
            ("if x:\npass", "IndentationError: expected an indented block after 'if' statement on line 1"),
            ("if x:\n  y\nelif z:\nw", "IndentationError: expected an indented block after 'elif' statement on line 3"),
            ("if x:\n  y\nelse:\nw", "IndentationError: expected an indented block after 'else' statement on line 3"),
            ("for x in y:\nz", "IndentationError: expected an indented block after 'for' statement on line 1"),
            ("while x:\nz", "IndentationError: expected an indented block after 'while' statement on line 1"),
            ("try:\nx", "IndentationError: expected an indented block after 'try' statement on line 1"),
            ("try:\n  x\nexcept:\ny", "IndentationError: expected an indented block after 'except' statement on line 3"),
            ("try:\n  x\nfinally:\ny", "IndentationError: expected an indented block after 'finally' statement on line 3"),
            ("with a:\nb", "IndentationError: expected an indented block after 'with' statement on line 1"),
            ("def f():\nreturn 1", "IndentationError: expected an indented block after function definition on line 1"),
            ("class A:\nx = 1", "IndentationError: expected an indented block after class definition on line 1"),
            ("@dec\ndef f():\npass", "IndentationError: expected an indented block after function definition on line 2"),
            ("  x = 1", "IndentationError: unexpected indent"),
            ("if True:\n    x = 1\n     y = 2", "IndentationError: unexpected indent"),
            ("if x:\n    a\n  b", "IndentationError: unindent does not match any outer indentation level"),
            ("x = [1, 2 3]", "SyntaxError: invalid syntax. Perhaps you forgot a comma?"),
            ("print(1 2)", "SyntaxError: invalid syntax. Perhaps you forgot a comma?"),
            ("x = 5 6", "SyntaxError: invalid syntax"),
            ("print 'hi'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"),
            ("f'{a b}'", "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?"),
            ("f'{}'", "SyntaxError: f-string: empty expression not allowed"),
            ("f'{a!x}'", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'"),
            ("f'{a'", "SyntaxError: f-string: expecting '}'"),
            ("f'}'", "SyntaxError: f-string: single '}' is not allowed"),
            ("return 1", "SyntaxError: 'return' outside function"),
            ("class A:\n    return 1", "SyntaxError: 'return' outside function"),
            ("break", "SyntaxError: 'break' outside loop"),
            ("for x in y:\n    def f():\n        break", "SyntaxError: 'break' outside loop"),
            ("continue", "SyntaxError: 'continue' not properly in loop"),
            ("yield 1", "SyntaxError: 'yield' outside function"),
            ("def f(): [(yield) for x in y]", "SyntaxError: 'yield' inside list comprehension"),
            ("def f(a, a): pass", "SyntaxError: duplicate argument 'a' in function definition"),
            ("lambda a, a: 1", "SyntaxError: duplicate argument 'a' in function definition"),
            ("def f(a=1, b): pass", "SyntaxError: non-default argument follows default argument"),
            ("nonlocal x", "SyntaxError: nonlocal declaration not allowed at module level"),
            ("def f():\n    nonlocal x", "SyntaxError: no binding for nonlocal 'x' found"),
            ("def f(x):\n    global x", "SyntaxError: name 'x' is parameter and global"),
            ("1 = x", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?"),
            ("f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?"),
            ("x = 1 = 2", "SyntaxError: cannot assign to literal"),
            ("(a, 1) = 2", "SyntaxError: cannot assign to literal"),
            ("[a, f()] = 3", "SyntaxError: cannot assign to function call"),
            ("None = 1", "SyntaxError: cannot assign to None"),
            ("a if b else c = 1", "SyntaxError: cannot assign to conditional expression"),
            ("for 1 in x: pass", "SyntaxError: cannot assign to literal"),
            ("with x as 1: pass", "SyntaxError: cannot assign to literal"),
            ("del f()", "SyntaxError: cannot delete function call"),
            ("f() += 1", "SyntaxError: 'function call' is an illegal expression for augmented assignment"),
            ("*a = 1", "SyntaxError: starred assignment target must be in a list or tuple"),
            ("*a, *b = c", "SyntaxError: multiple starred expressions in assignment"),
            ("x = *a", "SyntaxError: can't use starred expression here"),
            ("if x = 1: pass", "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
            ("f(a=1, b)", "SyntaxError: positional argument follows keyword argument"),
            ("f(x for x in y, 1)", "SyntaxError: Generator expression must be parenthesized"),
            ("x = 1 if 2", "SyntaxError: expected 'else' after 'if' expression"),
            ("try:\n  pass\nx = 1", "SyntaxError: expected 'except' or 'finally' block"),
            ("from x import a, b,", "SyntaxError: trailing comma not allowed without surrounding parentheses"),
            ("x = {1: 2, 3}", "SyntaxError: ':' expected after dictionary key"),
            ("x = $", "SyntaxError: invalid syntax"),
            ("x = €", "SyntaxError: invalid character '€' (U+20AC)"),
            ("x = 1 \\ 2", "SyntaxError: unexpected character after line continuation character"),
            ("@dec\nx = 1", "SyntaxError: invalid syntax"),
        ];
        for (src, want) in cases {
            assert_eq!(err(src), want, "{src:?}");
        }
    }

    #[test]
    fn incomplete_input() {
        for src in [
            "if x:",
            "if x:\n",
            "def f():\n    return 1",
            "x = (1,",
            "x = [",
            "s = '''abc",
            "x = 1 + \\",
            "x = 1 + \\\n",
            "@dec",
            "for i in range(3):\n    print(i)\n",
            "class A:\n    def f(self):\n        pass",
        ] {
            assert!(is_incomplete(src), "{src:?} should be incomplete");
        }
        for src in [
            "x = 1",
            "",
            "print('hi')\n",
            "if x:\n    y\n\n",
            "x = )",
            "x = 1 +",
            "'abc",
            "for i in range(3): print(i)",
        ] {
            assert!(!is_incomplete(src), "{src:?} should be complete");
        }
    }

    /// A random expression tree, rendered to source with as few
    /// parentheses as Python's precedence allows, must parse back to the
    /// same tree.
    #[test]
    fn round_trip_random_expressions() {
        enum T {
            Leaf(String),
            Bin(&'static str, Box<T>, Box<T>),
            Un(&'static str, Box<T>),
            Bool(&'static str, Vec<T>),
            Cmp(Box<T>, Vec<(&'static str, T)>),
            If(Box<T>, Box<T>, Box<T>),
            Lambda(Box<T>),
            Call(Box<T>, Vec<T>),
            Attr(Box<T>, &'static str),
        }
        const BINOPS: [(&str, u8); 13] = [
            ("|", 7),
            ("^", 8),
            ("&", 9),
            ("<<", 10),
            (">>", 10),
            ("+", 11),
            ("-", 11),
            ("*", 12),
            ("/", 12),
            ("//", 12),
            ("%", 12),
            ("@", 12),
            ("**", 14),
        ];
        const CMPS: [&str; 10] = [
            "==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not",
        ];
        fn prec(t: &T) -> u8 {
            match t {
                T::Lambda(_) => 1,
                T::If(..) => 2,
                T::Bool("or", _) => 3,
                T::Bool(..) => 4,
                T::Un("not", _) => 5,
                T::Cmp(..) => 6,
                T::Bin(op, ..) => BINOPS.iter().find(|b| b.0 == *op).unwrap().1,
                T::Un(..) => 13,
                T::Call(..) | T::Attr(..) => 15,
                T::Leaf(_) => 16,
            }
        }
        fn render(t: &T, min: u8) -> String {
            let s = match t {
                T::Leaf(s) => s.clone(),
                T::Bin(op, l, r) => {
                    let p = prec(t);
                    if *op == "**" {
                        format!("{} ** {}", render(l, 15), render(r, 13))
                    } else {
                        format!("{} {op} {}", render(l, p), render(r, p + 1))
                    }
                }
                T::Un("not", x) => format!("not {}", render(x, 5)),
                T::Un(op, x) => format!("{op}{}", render(x, 13)),
                T::Bool(op, v) => {
                    let p = prec(t) + 1;
                    v.iter()
                        .map(|x| render(x, p))
                        .collect::<Vec<_>>()
                        .join(&format!(" {op} "))
                }
                T::Cmp(l, rest) => {
                    let mut s = render(l, 7);
                    for (op, x) in rest {
                        s += &format!(" {op} {}", render(x, 7));
                    }
                    s
                }
                T::If(test, body, orelse) => {
                    format!(
                        "{} if {} else {}",
                        render(body, 3),
                        render(test, 3),
                        render(orelse, 2)
                    )
                }
                T::Lambda(b) => format!("lambda: {}", render(b, 1)),
                T::Call(f, args) => format!(
                    "{}({})",
                    render(f, 15),
                    args.iter()
                        .map(|a| render(a, 1))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                T::Attr(v, name) => format!("{}.{name}", render(v, 15)),
            };
            if prec(t) < min {
                format!("({s})")
            } else {
                s
            }
        }
        fn compact(t: &T) -> String {
            match t {
                T::Leaf(s) => s.clone(),
                T::Bin(op, l, r) => format!("({op} {} {})", compact(l), compact(r)),
                T::Un(op, x) => format!("({op} {})", compact(x)),
                T::Bool(op, v) => format!(
                    "({op} {})",
                    v.iter().map(compact).collect::<Vec<_>>().join(" ")
                ),
                T::Cmp(l, rest) => {
                    let mut s = format!("(cmp {}", compact(l));
                    for (op, x) in rest {
                        s += &format!(" {op} {}", compact(x));
                    }
                    s + ")"
                }
                T::If(a, b, c) => format!("(if {} {} {})", compact(a), compact(b), compact(c)),
                T::Lambda(b) => format!("(lambda {})", compact(b)),
                T::Call(f, args) => {
                    let mut s = format!("(call {}", compact(f));
                    for a in args {
                        s += &format!(" {}", compact(a));
                    }
                    s + ")"
                }
                T::Attr(v, name) => format!("(. {} {name})", compact(v)),
            }
        }
        fn gen(rng: &mut Rng, depth: u32) -> T {
            let names = ["a", "b", "c", "d", "e"];
            if depth == 0 || rng.below(5) == 0 {
                return if rng.below(3) == 0 {
                    T::Leaf(rng.below(10).to_string())
                } else {
                    T::Leaf(names[rng.below(5)].to_string())
                };
            }
            let sub = |rng: &mut Rng| Box::new(gen(rng, depth - 1));
            match rng.below(9) {
                0 => {
                    let (op, _) = BINOPS[rng.below(BINOPS.len())];
                    T::Bin(op, sub(rng), sub(rng))
                }
                1 => T::Un(["-", "+", "~", "not"][rng.below(4)], sub(rng)),
                2 => {
                    let n = 2 + rng.below(2);
                    T::Bool(
                        ["and", "or"][rng.below(2)],
                        (0..n).map(|_| *sub(rng)).collect(),
                    )
                }
                3 => {
                    let n = 1 + rng.below(2);
                    T::Cmp(
                        sub(rng),
                        (0..n)
                            .map(|_| (CMPS[rng.below(CMPS.len())], *sub(rng)))
                            .collect(),
                    )
                }
                4 => T::If(sub(rng), sub(rng), sub(rng)),
                5 => T::Lambda(sub(rng)),
                6 => {
                    let n = rng.below(3);
                    T::Call(
                        Box::new(T::Leaf("f".into())),
                        (0..n).map(|_| *sub(rng)).collect(),
                    )
                }
                7 => T::Attr(Box::new(T::Leaf(names[rng.below(5)].into())), "attr"),
                _ => {
                    let (op, _) = BINOPS[rng.below(BINOPS.len())];
                    T::Bin(op, sub(rng), sub(rng))
                }
            }
        }
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        for _ in 0..2000 {
            let t = gen(&mut rng, 5);
            let src = render(&t, 0);
            assert_eq!(c(&expr(&src)), compact(&t), "{src}");
        }
    }

    /// xorshift64*, deterministic.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const VOCAB: &[&str] = &[
        "x", "y", "f", "1", "2.5", "'s'", "\"t\"", "f'{x}'", "f'{", "}", "{", "(", ")", "[", "]",
        ",", ":", ";", ".", "=", "==", "+", "-", "*", "**", "/", "//", "%", "@", "<", ">", "!=",
        "not", "and", "or", "in", "is", "if", "else", "elif", "for", "while", "def", "class",
        "return", "yield", "lambda", "try", "except", "finally", "with", "as", "import", "from",
        "del", "pass", "break", "continue", "global", "nonlocal", "assert", "raise", "None",
        "True", "\n", "\n    ", "\n\t", "\\\n", "#c\n", "'''", "...", "->", "~", "^", "|", "&",
        "<<", ">>", "+=", "*=", ":=", "$", "?",
    ];

    /// Runs a parse in a thread with a known stack size and fails the test
    /// if it panics or overflows.
    fn parse_in_thread(cases: Vec<String>) {
        let handle = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                for src in &cases {
                    let r = std::panic::catch_unwind(|| {
                        let _ = parse_module(src);
                        let _ = is_incomplete(src);
                    });
                    if r.is_err() {
                        panic!("parser panicked on {src:?}");
                    }
                }
            })
            .unwrap();
        handle.join().expect("parser thread failed");
    }

    #[test]
    fn fuzz_random_input_never_panics() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut cases = Vec::new();
        // Random bytes (lossily decoded).
        for _ in 0..1000 {
            let n = rng.below(80);
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    if rng.below(4) == 0 {
                        rng.next() as u8
                    } else {
                        let alphabet = b" \n\t()[]{}:=+-*'\"#\\fx1.,;";
                        alphabet[rng.below(alphabet.len())]
                    }
                })
                .collect();
            cases.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        // Token soups.
        for _ in 0..2000 {
            let n = 1 + rng.below(40);
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(VOCAB[rng.below(VOCAB.len())]);
                if rng.below(3) > 0 {
                    s.push(' ');
                }
            }
            cases.push(s);
        }
        // Mutations of a valid program.
        let base = include_str!("testdata/syntax_tour.py");
        let lines: Vec<&str> = base.lines().collect();
        for _ in 0..500 {
            let start = rng.below(lines.len());
            let chunk: String =
                lines[start..(start + 1 + rng.below(8)).min(lines.len())].join("\n");
            let mut bytes = chunk.into_bytes();
            for _ in 0..1 + rng.below(3) {
                if bytes.is_empty() {
                    break;
                }
                let i = rng.below(bytes.len());
                match rng.below(3) {
                    0 => {
                        bytes.remove(i);
                    }
                    1 => {
                        let alphabet = b"()[]{}:'\"\n\t\\ #=,";
                        bytes.insert(i, alphabet[rng.below(alphabet.len())])
                    }
                    _ => {
                        let j = rng.below(bytes.len());
                        bytes.swap(i, j);
                    }
                }
            }
            cases.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        parse_in_thread(cases);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let n = 10_000;
        let cases = vec![
            "(".repeat(n),
            format!("{}{}", "(".repeat(n), ")".repeat(n)),
            format!("x = {}1{}", "[".repeat(n), "]".repeat(n)),
            format!("x = {}", "{".repeat(n)),
            format!("x = {}1", "-".repeat(100_000)),
            format!("x = {}1", "not ".repeat(100_000)),
            format!("x = {}1", "lambda: ".repeat(20_000)),
            format!("x = {}1", "1 if 2 else ".repeat(20_000)),
            format!("x = {}1", "1 + ".repeat(50_000)),
            format!("x = {}1", "2 ** ".repeat(50_000)),
            format!("x = a{}", ".b".repeat(50_000)),
            format!("x = f{}", "()".repeat(50_000)),
            format!("x = f'{}'", "{x:{y:{z}}}".repeat(100)),
            (0..300)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect(),
            format!("x = {}1\n'unterminated", "1 + ".repeat(50_000)),
            format!("x = {}1\ny = (", "1 if 2 else ".repeat(50_000)),
            format!("if x:\n    pass\n{}", "elif x:\n    pass\n".repeat(20_000)),
        ];
        let expected: Vec<Option<&str>> = vec![
            Some("SyntaxError: too many nested parentheses"),
            Some("SyntaxError: too many nested parentheses"),
            Some("SyntaxError: too many nested parentheses"),
            Some("SyntaxError: too many nested parentheses"),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some("IndentationError: too many levels of indentation"),
            None,
            None,
            None,
        ];
        let handle = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                for (src, want) in cases.iter().zip(expected) {
                    let got = parse_module(src);
                    let line = got.as_ref().err().map(|e| e[0].last_line());
                    assert!(line.is_some(), "expected an error for {:.40}...", src);
                    if let Some(want) = want {
                        assert_eq!(line.as_deref(), Some(want));
                    }
                }
                // Within the limits, deep nesting parses.
                let ok = format!("x = {}1{}", "[".repeat(150), "]".repeat(150));
                assert!(parse_module(&ok).is_ok());
                let ok = format!("x = {}1", "-".repeat(500));
                assert!(parse_module(&ok).is_ok());
                let ok = format!("x = {}1{}", "(-".repeat(199), ")".repeat(199));
                assert!(parse_module(&ok).is_ok());
            })
            .unwrap();
        handle.join().expect("parser thread failed");
    }

    #[test]
    fn large_file_parses_quickly() {
        let base = include_str!("testdata/syntax_tour.py");
        let mut src = String::new();
        while src.lines().count() < 5000 {
            src.push_str(base);
            src.push('\n');
        }
        let t = std::time::Instant::now();
        parse_module(&src).unwrap();
        let elapsed = t.elapsed();
        assert!(elapsed.as_secs_f64() < 1.0, "took {elapsed:?}");
    }
}
