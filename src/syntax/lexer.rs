//! The lexer: source text → raw tokens with byte spans.
//!
//! logos recognises the token shapes; numbers and strings are scanned by
//! callbacks that follow CPython's tokenizer closely, so the error messages
//! (`invalid decimal literal`, `unterminated string literal (detected at line
//! N)`, ...) are CPython's. The output still contains physical newlines
//! ([`Tok::Nl`]); [`crate::syntax::indent`] turns them into logical lines.
//!
//! Literal values live in side tables ([`Lexed::names`], [`Lexed::ints`],
//! [`Lexed::strs`]) so that [`Tok`] stays `Copy`.
//!
//! f-strings are split into tokens the way CPython 3.12 does it
//! (`FStrStart`, literal `FStrMiddle`s, the tokens of each `{…}` field, ...
//! `FStrEnd`), after finding the end of the string the 3.11 way (the same
//! quote cannot appear inside). The parser then builds the nested expressions
//! directly, with spans pointing into the original source.

use super::ast::Span;
use super::SyntaxError;
use chumsky::span::SimpleSpan;
use logos::Logos;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::rc::Rc;

/// A token. Payloads are indices into the side tables of [`Lexed`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok {
    Name(u32),
    Int(u32),
    Float(f64),
    Str(u32),
    /// `f"` (prefix and opening quote)
    FStrStart,
    /// A literal piece of an f-string (already decoded).
    FStrMiddle(u32),
    /// `{` opening a replacement field
    FStrFieldStart,
    /// The `x=` text of a `{x=}` field.
    FStrDebug(u32),
    /// `!r`, `!s`, `!a`
    FStrConv(char),
    /// `:` starting a format spec
    FStrSpecStart,
    /// `}` closing a replacement field
    FStrFieldEnd,
    /// the closing quote of an f-string
    FStrEnd,
    /// A malformed f-string; the index points into [`Lexed::fstring_errors`].
    /// CPython reports these when the parser reaches the string.
    FStrError(u32),
    Newline,
    Indent,
    Dedent,
    /// A physical newline (only before the indentation pass).
    Nl,
    /// A character that is a token for CPython but no rule accepts (`$`, `?`, `!`).
    Unknown,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Operators and delimiters.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LShift,
    RShift,
    Amp,
    Pipe,
    Caret,
    Tilde,
    Walrus,
    Lt,
    Gt,
    Le,
    Ge,
    EqEq,
    NotEq,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Dot,
    Semi,
    Assign,
    Arrow,
    Ellipsis,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    DoubleSlashEq,
    PercentEq,
    AtEq,
    AmpEq,
    PipeEq,
    CaretEq,
    LShiftEq,
    RShiftEq,
    DoubleStarEq,
}

impl Tok {
    /// How the token is written, for messages (`None` for literals).
    pub fn text(self) -> Option<&'static str> {
        use Tok::*;
        Some(match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
            Plus => "+",
            Minus => "-",
            Star => "*",
            DoubleStar => "**",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            At => "@",
            LShift => "<<",
            RShift => ">>",
            Amp => "&",
            Pipe => "|",
            Caret => "^",
            Tilde => "~",
            Walrus => ":=",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            EqEq => "==",
            NotEq => "!=",
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Colon => ":",
            Dot => ".",
            Semi => ";",
            Assign => "=",
            Arrow => "->",
            Ellipsis => "...",
            PlusEq => "+=",
            MinusEq => "-=",
            StarEq => "*=",
            SlashEq => "/=",
            DoubleSlashEq => "//=",
            PercentEq => "%=",
            AtEq => "@=",
            AmpEq => "&=",
            PipeEq => "|=",
            CaretEq => "^=",
            LShiftEq => "<<=",
            RShiftEq => ">>=",
            DoubleStarEq => "**=",
            _ => return Option::None,
        })
    }

    pub fn is_keyword(self) -> bool {
        use Tok::*;
        matches!(
            self,
            False
                | None
                | True
                | And
                | As
                | Assert
                | Async
                | Await
                | Break
                | Class
                | Continue
                | Def
                | Del
                | Elif
                | Else
                | Except
                | Finally
                | For
                | From
                | Global
                | If
                | Import
                | In
                | Is
                | Lambda
                | Nonlocal
                | Not
                | Or
                | Pass
                | Raise
                | Return
                | Try
                | While
                | With
                | Yield
        )
    }
}

fn keyword(s: &str) -> Option<Tok> {
    use Tok::*;
    Some(match s {
        "False" => False,
        "None" => None,
        "True" => True,
        "and" => And,
        "as" => As,
        "assert" => Assert,
        "async" => Async,
        "await" => Await,
        "break" => Break,
        "class" => Class,
        "continue" => Continue,
        "def" => Def,
        "del" => Del,
        "elif" => Elif,
        "else" => Else,
        "except" => Except,
        "finally" => Finally,
        "for" => For,
        "from" => From,
        "global" => Global,
        "if" => If,
        "import" => Import,
        "in" => In,
        "is" => Is,
        "lambda" => Lambda,
        "nonlocal" => Nonlocal,
        "not" => Not,
        "or" => Or,
        "pass" => Pass,
        "raise" => Raise,
        "return" => Return,
        "try" => Try,
        "while" => While,
        "with" => With,
        "yield" => Yield,
        _ => return Option::None,
    })
}

/// What a lexing callback found wrong. `pos` is relative to the text the
/// logos lexer runs over; the driver adds the offset and formats the message.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct LexErr {
    kind: LexErrKind,
    pos: usize,
}

#[derive(Default, Debug, Clone, PartialEq)]
enum LexErrKind {
    /// No token matches here (an unknown character).
    #[default]
    NoMatch,
    Msg(String),
    /// `detected` is where the end of line / file was found.
    Unterminated {
        triple: bool,
        detected: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum NumKind {
    Int,
    Float,
}

#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(error = LexErr)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\(\r\n|\n|\r)")]
enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Nl,
    #[token("\\")]
    Backslash,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Ident,
    #[regex(r"[0-9]|\.[0-9]", lex_number)]
    Number(NumKind),
    #[regex(r#"([rRuUfFbB]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?["']"#, lex_string)]
    Str(u8),
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token(":=")]
    Walrus,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("<>")]
    LtGt,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token(";")]
    Semi,
    #[token("=")]
    Assign,
    #[token("->")]
    Arrow,
    #[token("...")]
    Ellipsis,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("//=")]
    DoubleSlashEq,
    #[token("%=")]
    PercentEq,
    #[token("@=")]
    AtEq,
    #[token("&=")]
    AmpEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("<<=")]
    LShiftEq,
    #[token(">>=")]
    RShiftEq,
    #[token("**=")]
    DoubleStarEq,
    #[regex(r"[$?!`]")]
    Unknown,
}

// ---------------------------------------------------------------------------
// Numbers (CPython's tok_get, number branch)

fn byte_at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

fn num_err(msg: impl Into<String>, pos: usize) -> LexErr {
    LexErr {
        kind: LexErrKind::Msg(msg.into()),
        pos,
    }
}

fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// A number may be followed directly by a keyword that can follow it in
/// valid code (`1if x else 2`); otherwise by nothing identifier-like.
fn verify_end(s: &[u8], i: usize, kind: &str) -> Result<(), LexErr> {
    let c = byte_at(s, i);
    let rest = &s[(i + 1).min(s.len())..];
    let ok = match c {
        b'a' => rest.starts_with(b"nd"),
        b'e' => rest.starts_with(b"lse"),
        b'f' => rest.starts_with(b"or"),
        b'i' => matches!(byte_at(s, i + 1), b'f' | b'n' | b's'),
        b'o' => rest.starts_with(b"r"),
        b'n' => rest.starts_with(b"ot"),
        _ => false,
    };
    if !ok && is_potential_identifier_char(c) {
        return Err(num_err(format!("invalid {kind} literal"), i));
    }
    Ok(())
}

/// Digits with single underscores between them; `s[i]` is a digit.
fn decimal_tail(s: &[u8], mut i: usize) -> Result<usize, LexErr> {
    loop {
        while byte_at(s, i).is_ascii_digit() {
            i += 1;
        }
        if byte_at(s, i) != b'_' {
            return Ok(i);
        }
        i += 1;
        if !byte_at(s, i).is_ascii_digit() {
            return Err(num_err("invalid decimal literal", i));
        }
    }
}

fn radix_digits(
    s: &[u8],
    mut i: usize,
    kind: &str,
    is_digit: fn(u8) -> bool,
) -> Result<usize, LexErr> {
    loop {
        if byte_at(s, i) == b'_' {
            i += 1;
        }
        let c = byte_at(s, i);
        if !is_digit(c) {
            if kind != "hexadecimal" && c.is_ascii_digit() {
                return Err(num_err(
                    format!("invalid digit '{}' in {kind} literal", c as char),
                    i,
                ));
            }
            return Err(num_err(format!("invalid {kind} literal"), i));
        }
        while is_digit(byte_at(s, i)) {
            i += 1;
        }
        if byte_at(s, i) != b'_' {
            break;
        }
    }
    let c = byte_at(s, i);
    if kind != "hexadecimal" && c.is_ascii_digit() {
        return Err(num_err(
            format!("invalid digit '{}' in {kind} literal", c as char),
            i,
        ));
    }
    verify_end(s, i, kind)?;
    Ok(i)
}

fn after_mantissa(s: &[u8], mut i: usize, kind: NumKind) -> Result<(usize, NumKind), LexErr> {
    let c = byte_at(s, i);
    if c == b'e' || c == b'E' {
        let e = i;
        i += 1;
        let c = byte_at(s, i);
        if c == b'+' || c == b'-' {
            i += 1;
            if !byte_at(s, i).is_ascii_digit() {
                return Err(num_err("invalid decimal literal", i));
            }
        } else if !c.is_ascii_digit() {
            verify_end(s, e, "decimal")?;
            return Ok((e, kind));
        }
        i = decimal_tail(s, i)?;
        return imaginary_or_end(s, i, NumKind::Float);
    }
    imaginary_or_end(s, i, kind)
}

fn imaginary_or_end(s: &[u8], i: usize, kind: NumKind) -> Result<(usize, NumKind), LexErr> {
    let c = byte_at(s, i);
    if c == b'j' || c == b'J' {
        verify_end(s, i + 1, "imaginary")?;
        return Err(num_err("imaginary (complex) literals are not supported", i));
    }
    verify_end(s, i, "decimal")?;
    Ok((i, kind))
}

fn fraction(s: &[u8], mut i: usize) -> Result<(usize, NumKind), LexErr> {
    if byte_at(s, i).is_ascii_digit() {
        i = decimal_tail(s, i)?;
    }
    after_mantissa(s, i, NumKind::Float)
}

fn scan_number(s: &[u8], start: usize) -> Result<(usize, NumKind), LexErr> {
    let mut i = start;
    if byte_at(s, i) == b'.' {
        return fraction(s, i + 1);
    }
    if byte_at(s, i) == b'0' {
        match byte_at(s, i + 1) {
            b'x' | b'X' => {
                let end = radix_digits(s, i + 2, "hexadecimal", |c| c.is_ascii_hexdigit())?;
                return Ok((end, NumKind::Int));
            }
            b'o' | b'O' => {
                let end = radix_digits(s, i + 2, "octal", |c| (b'0'..=b'7').contains(&c))?;
                return Ok((end, NumKind::Int));
            }
            b'b' | b'B' => {
                let end = radix_digits(s, i + 2, "binary", |c| c == b'0' || c == b'1')?;
                return Ok((end, NumKind::Int));
            }
            _ => {}
        }
        i += 1;
        loop {
            if byte_at(s, i) == b'_' {
                i += 1;
                if !byte_at(s, i).is_ascii_digit() {
                    return Err(num_err("invalid decimal literal", i));
                }
            }
            if byte_at(s, i) != b'0' {
                break;
            }
            i += 1;
        }
        let mut nonzero = false;
        if byte_at(s, i).is_ascii_digit() {
            nonzero = true;
            i = decimal_tail(s, i)?;
        }
        let c = byte_at(s, i);
        if c == b'.' {
            return fraction(s, i + 1);
        }
        if matches!(c, b'e' | b'E' | b'j' | b'J') {
            return after_mantissa(s, i, NumKind::Int);
        }
        if nonzero {
            return Err(num_err(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                start,
            ));
        }
        verify_end(s, i, "decimal")?;
        return Ok((i, NumKind::Int));
    }
    i = decimal_tail(s, i)?;
    if byte_at(s, i) == b'.' {
        return fraction(s, i + 1);
    }
    after_mantissa(s, i, NumKind::Int)
}

fn lex_number(lex: &mut logos::Lexer<Raw>) -> Result<NumKind, LexErr> {
    let s = lex.source().as_bytes();
    let start = lex.span().start;
    let matched_end = lex.span().end;
    match scan_number(s, start) {
        Ok((end, kind)) => {
            if end > matched_end {
                lex.bump(end - matched_end);
            }
            Ok(kind)
        }
        Err(e) => {
            // Swallow the rest of the literal so the error token is whole.
            let mut end = matched_end.max(e.pos.min(s.len()));
            while end < s.len() && (is_potential_identifier_char(s[end]) || s[end] == b'.') {
                end += 1;
            }
            while !lex.source().is_char_boundary(end) {
                end += 1;
            }
            lex.bump(end - matched_end);
            Err(e)
        }
    }
}

// ---------------------------------------------------------------------------
// Strings

/// Finds the end of a string whose prefix and first quote were matched.
/// Returns the number of quote characters (1 or 3).
fn lex_string(lex: &mut logos::Lexer<Raw>) -> Result<u8, LexErr> {
    let s = lex.source().as_bytes();
    let start = lex.span().start;
    let mut i = lex.span().end;
    let quote = s[i - 1];
    let mut quote_size = 1;
    if byte_at(s, i) == quote && byte_at(s, i + 1) == quote {
        quote_size = 3;
        i += 2;
    }
    let mut end_quotes = 0;
    while end_quotes != quote_size {
        if i >= s.len() || (quote_size == 1 && (s[i] == b'\n' || s[i] == b'\r')) {
            lex.bump(i - lex.span().end);
            return Err(LexErr {
                kind: LexErrKind::Unterminated {
                    triple: quote_size == 3,
                    detected: i,
                },
                pos: start,
            });
        }
        let c = s[i];
        i += 1;
        if c == quote {
            end_quotes += 1;
        } else {
            end_quotes = 0;
            if c == b'\\' && i < s.len() {
                if s[i] == b'\r' && byte_at(s, i + 1) == b'\n' {
                    i += 2;
                } else {
                    i += 1;
                    while i < s.len() && (s[i] & 0xC0) == 0x80 {
                        i += 1;
                    }
                }
            }
        }
    }
    lex.bump(i - lex.span().end);
    Ok(quote_size)
}

/// Decodes the body of a non-raw string (or a literal piece of an f-string).
/// `base` is the byte offset of `body` in the source, for error spans.
/// Errors are `(message, byte offset in source)`.
pub(crate) fn decode_escapes(body: &str, base: usize) -> Result<String, (String, usize)> {
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let mut lit_start = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                push_normalized(&mut out, &body[lit_start..i]);
                let esc = i;
                i += 1;
                let Some(&c) = b.get(i) else {
                    out.push('\\');
                    lit_start = i;
                    break;
                };
                i += 1;
                match c {
                    b'\n' => {}
                    b'\r' => {
                        if b.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\\' => out.push('\\'),
                    b'\'' => out.push('\''),
                    b'"' => out.push('"'),
                    b'a' => out.push('\x07'),
                    b'b' => out.push('\x08'),
                    b'f' => out.push('\x0c'),
                    b'n' => out.push('\n'),
                    b'r' => out.push('\r'),
                    b't' => out.push('\t'),
                    b'v' => out.push('\x0b'),
                    b'0'..=b'7' => {
                        let mut v = (c - b'0') as u32;
                        let mut n = 1;
                        while n < 3 && matches!(b.get(i), Some(b'0'..=b'7')) {
                            v = v * 8 + (b[i] - b'0') as u32;
                            i += 1;
                            n += 1;
                        }
                        out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                    }
                    b'x' | b'u' | b'U' => {
                        let (want, name) = match c {
                            b'x' => (2, "\\xXX"),
                            b'u' => (4, "\\uXXXX"),
                            _ => (8, "\\UXXXXXXXX"),
                        };
                        let mut v: u32 = 0;
                        let mut n = 0;
                        while n < want {
                            match b.get(i).and_then(|&d| (d as char).to_digit(16)) {
                                Some(d) => {
                                    v = v.wrapping_mul(16).wrapping_add(d);
                                    i += 1;
                                    n += 1;
                                }
                                Option::None => break,
                            }
                        }
                        if n < want {
                            return Err((
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode bytes in \
                                     position {}-{}: truncated {name} escape",
                                    esc,
                                    esc + 1 + n
                                ),
                                base + esc,
                            ));
                        }
                        match char::from_u32(v) {
                            Some(ch) => out.push(ch),
                            Option::None => {
                                return Err((
                                    format!(
                                        "(unicode error) 'unicodeescape' codec can't decode bytes \
                                         in position {}-{}: illegal Unicode character",
                                        esc,
                                        esc + 1 + n
                                    ),
                                    base + esc,
                                ))
                            }
                        }
                    }
                    b'N' => {
                        return Err((
                            "(unicode error) \\N{...} escapes are not supported".to_string(),
                            base + esc,
                        ))
                    }
                    _ => {
                        // Unknown escape: kept as written (CPython warns).
                        out.push('\\');
                        i -= 1;
                    }
                }
                lit_start = i;
            }
            _ => i += 1,
        }
    }
    push_normalized(&mut out, &body[lit_start.min(body.len())..]);
    Ok(out)
}

/// Appends text with `\r\n` and `\r` turned into `\n` (universal newlines).
fn push_normalized(out: &mut String, s: &str) {
    if !s.contains('\r') {
        out.push_str(s);
        return;
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
}

// ---------------------------------------------------------------------------
// The driver

/// A tokenizer error and how it interacts with parser errors (see
/// `parser::parse_source`).
#[derive(Clone, Debug)]
pub struct TokError {
    pub error: SyntaxError,
    /// CPython raises this one as soon as the tokenizer meets it, even while
    /// looking past a parser error; it then replaces the parser's error.
    pub overrides: bool,
    /// For `'(' was never closed`: the line of the bracket.
    pub unclosed_line: Option<usize>,
}

/// The lexer's output: raw tokens (up to the first error) and side tables.
#[derive(Debug, Default)]
pub struct Lexed {
    pub toks: Vec<(Tok, SimpleSpan)>,
    pub names: Vec<Rc<str>>,
    pub ints: Vec<BigInt>,
    pub strs: Vec<Rc<str>>,
    pub fstring_errors: Vec<SyntaxError>,
    pub error: Option<TokError>,
}

struct Lexer<'a> {
    src: &'a str,
    out: Lexed,
    name_ids: HashMap<&'a str, u32>,
}

/// Lexes a whole source text. Stops at the first tokenizer error.
pub fn lex(src: &str) -> Lexed {
    let mut lx = Lexer {
        src,
        out: Lexed::default(),
        name_ids: HashMap::new(),
    };
    // A UTF-8 byte order mark at the start is not part of the program.
    let start = if src.starts_with('\u{feff}') { 3 } else { 0 };
    if let Err(e) = lx.run(start, src.len(), false) {
        lx.out.error = Some(e);
    } else if let Some(e) = lx.continuation_at_eof() {
        lx.out.error = Some(e);
    }
    lx.out
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(src: &str, pos: usize) -> usize {
    let pos = pos.min(src.len());
    let b = &src.as_bytes()[..pos];
    let mut line = 1;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

fn sp(start: usize, end: usize) -> SimpleSpan {
    SimpleSpan::from(start..end)
}

impl<'a> Lexer<'a> {
    fn err(&self, msg: impl Into<String>, start: usize, end: usize) -> TokError {
        TokError {
            error: SyntaxError::new(msg, Span::new(start, end)),
            overrides: true,
            unclosed_line: Option::None,
        }
    }

    fn push(&mut self, t: Tok, start: usize, end: usize) {
        self.out.toks.push((t, sp(start, end)));
    }

    fn name(&mut self, s: &'a str) -> u32 {
        if let Some(&id) = self.name_ids.get(s) {
            return id;
        }
        let id = self.out.names.len() as u32;
        self.out.names.push(Rc::from(s));
        self.name_ids.insert(s, id);
        id
    }

    /// Lexes `src[start..end]`. Inside an f-string field (`in_fstring`),
    /// physical newlines are dropped and errors are prefixed `f-string: `.
    fn run(&mut self, start: usize, end: usize, in_fstring: bool) -> Result<(), TokError> {
        let text = &self.src[start..end];
        let mut lex = Raw::lexer(text);
        while let Some(r) = lex.next() {
            let span = lex.span();
            let (s, e) = (span.start + start, span.end + start);
            let raw = match r {
                Ok(raw) => raw,
                Err(err) => return Err(self.lex_error(err, start, s, e)),
            };
            match raw {
                Raw::Nl => {
                    if !in_fstring {
                        self.push(Tok::Nl, s, e)
                    }
                }
                Raw::Backslash => {
                    if e >= self.src.len() {
                        let mut err = self.err("unexpected EOF while parsing", s, e);
                        err.overrides = false;
                        return Err(err);
                    }
                    return Err(self.err(
                        "unexpected character after line continuation character",
                        s,
                        e,
                    ));
                }
                Raw::Ident => {
                    let word = &self.src[s..e];
                    let t = match keyword(word) {
                        Some(k) => k,
                        Option::None => Tok::Name(self.name(word)),
                    };
                    self.push(t, s, e);
                }
                Raw::Number(kind) => {
                    let t = self.number(s, e, kind);
                    self.push(t, s, e);
                }
                Raw::Str(quotes) => self.string(s, e, quotes as usize)?,
                other => {
                    let t = simple_token(other);
                    self.push(t, s, e);
                }
            }
        }
        Ok(())
    }

    /// A backslash continuation with nothing after it.
    fn continuation_at_eof(&self) -> Option<TokError> {
        let last_end = self.out.toks.last().map_or(0, |t| t.1.end);
        let ws: &[char] = &[' ', '\t', '\x0c'];
        let rest = self.src[last_end..].trim_start_matches(ws);
        let after = rest
            .strip_prefix("\\\r\n")
            .or_else(|| rest.strip_prefix("\\\n"))
            .or_else(|| rest.strip_prefix("\\\r"))?;
        if !after.trim_start_matches(ws).is_empty() {
            return None;
        }
        let pos = self.src.len() - rest.len();
        let mut err = self.err("unexpected EOF while parsing", pos, pos + 1);
        err.overrides = false;
        Some(err)
    }

    fn lex_error(&self, err: LexErr, base: usize, s: usize, e: usize) -> TokError {
        match err.kind {
            LexErrKind::NoMatch => {
                let c = self.src[s..].chars().next().unwrap_or(' ');
                let end = s + c.len_utf8();
                if c == '\0' {
                    return self.err("source code cannot contain null bytes", s, end);
                }
                let msg = if c.is_ascii() && !c.is_ascii_control() {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                } else if c.is_control() {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                } else {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                };
                self.err(msg, s, end)
            }
            LexErrKind::Msg(m) => {
                let p = base + err.pos;
                self.err(m, p, (p + 1).min(e.max(p)))
            }
            LexErrKind::Unterminated { triple, detected } => {
                let p = base + err.pos;
                let line = if triple {
                    line_of(self.src, self.src.len().saturating_sub(1))
                } else {
                    line_of(self.src, base + detected)
                };
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {line})")
                } else {
                    format!("unterminated string literal (detected at line {line})")
                };
                let mut err = self.err(msg, p, p + 1);
                err.error.label = "string starts here".into();
                err
            }
        }
    }

    fn number(&mut self, s: usize, e: usize, kind: NumKind) -> Tok {
        let text: String = self.src[s..e].chars().filter(|&c| c != '_').collect();
        match kind {
            NumKind::Float => Tok::Float(text.parse::<f64>().unwrap_or(f64::INFINITY)),
            NumKind::Int => {
                let lower = text.to_ascii_lowercase();
                let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
                    (d, 16)
                } else if let Some(d) = lower.strip_prefix("0o") {
                    (d, 8)
                } else if let Some(d) = lower.strip_prefix("0b") {
                    (d, 2)
                } else {
                    (lower.as_str(), 10)
                };
                let v = BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
                let id = self.out.ints.len() as u32;
                self.out.ints.push(v);
                Tok::Int(id)
            }
        }
    }

    fn add_str(&mut self, s: String) -> u32 {
        let id = self.out.strs.len() as u32;
        self.out.strs.push(Rc::from(s));
        id
    }

    /// A whole string token `src[s..e]` with `quotes` quote characters.
    fn string(&mut self, s: usize, e: usize, quotes: usize) -> Result<(), TokError> {
        let text = &self.src[s..e];
        let prefix_len = text.find(['\'', '"']).unwrap_or(0);
        let prefix = text[..prefix_len].to_ascii_lowercase();
        let raw = prefix.contains('r');
        let body_start = s + prefix_len + quotes;
        let body_end = e - quotes;
        if prefix.contains('b') {
            return Err(self.err("bytes literals are not supported", s, e));
        }
        if prefix.contains('f') {
            let mark = self.out.toks.len();
            self.push(Tok::FStrStart, s, body_start);
            match self.fstring_parts(body_start, body_end, raw, 0) {
                Ok(_) => {
                    self.push(Tok::FStrEnd, body_end, e);
                }
                Err(err) => {
                    self.out.toks.truncate(mark);
                    let id = self.out.fstring_errors.len() as u32;
                    self.out.fstring_errors.push(err);
                    self.push(Tok::FStrError(id), s, e);
                }
            }
            return Ok(());
        }
        let body = &self.src[body_start..body_end];
        let value = if raw {
            let mut v = String::new();
            push_normalized(&mut v, body);
            v
        } else {
            match decode_escapes(body, body_start) {
                Ok(v) => v,
                Err((msg, pos)) => return Err(self.err(msg, pos, pos + 1)),
            }
        };
        let id = self.add_str(value);
        self.push(Tok::Str(id), s, e);
        Ok(())
    }

    fn fstr_err(&self, msg: &str, pos: usize) -> SyntaxError {
        SyntaxError::new(msg, Span::new(pos, pos + 1))
    }

    /// Literal pieces and fields of an f-string body (or of a format spec
    /// when `level > 0`, which ends at a `}`). Returns where it stopped.
    fn fstring_parts(
        &mut self,
        mut i: usize,
        end: usize,
        raw: bool,
        level: u32,
    ) -> Result<usize, SyntaxError> {
        let b = self.src.as_bytes();
        while i < end {
            // A literal piece.
            let lit_start = i;
            let mut next = None;
            while i < end {
                let mut ch = b[i];
                i += 1;
                if !raw && ch == b'\\' && i < end {
                    ch = b[i];
                    i += 1;
                    if ch == b'N' {
                        if i < end && b[i] == b'{' {
                            i += 1;
                            while i < end && b[i] != b'}' {
                                i += 1;
                            }
                            i = (i + 1).min(end);
                        }
                        continue;
                    }
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 {
                        if i < end && b[i] == ch {
                            next = Some(i + 1);
                            break;
                        }
                        if ch == b'}' {
                            return Err(self.fstr_err("f-string: single '}' is not allowed", i - 1));
                        }
                    }
                    i -= 1;
                    break;
                }
            }
            let lit = &self.src[lit_start..i];
            if !lit.is_empty() {
                let value = if raw {
                    let mut v = String::new();
                    push_normalized(&mut v, lit);
                    v
                } else {
                    decode_escapes(lit, lit_start).map_err(|(m, p)| self.fstr_err(&m, p))?
                };
                if !value.is_empty() {
                    let id = self.add_str(value);
                    self.push(Tok::FStrMiddle(id), lit_start, i);
                }
            }
            if let Some(n) = next {
                i = n;
                continue;
            }
            if i >= end {
                break;
            }
            if b[i] == b'}' {
                // End of a nested format spec.
                return Ok(i);
            }
            i = self.fstring_field(i, end, raw, level)?;
        }
        Ok(i)
    }

    /// One `{...}` field starting at `b[open] == b'{'`; returns the index
    /// after its closing brace.
    fn fstring_field(
        &mut self,
        open: usize,
        end: usize,
        raw: bool,
        level: u32,
    ) -> Result<usize, SyntaxError> {
        let b = self.src.as_bytes();
        if level >= 2 {
            return Err(self.fstr_err("f-string: expressions nested too deeply", open));
        }
        let expr_start = open + 1;
        let mut i = expr_start;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut parens: Vec<u8> = Vec::new();
        while i < end {
            let ch = b[i];
            if ch == b'\\' {
                return Err(self.fstr_err("f-string expression part cannot include a backslash", i));
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if i + 2 < end && b[i + 1] == ch && b[i + 2] == ch {
                            i += 3;
                            quote = 0;
                            triple = false;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
                i += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if i + 2 < end && b[i + 1] == ch && b[i + 2] == ch {
                        triple = true;
                        i += 2;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if parens.len() >= 200 {
                        return Err(self.fstr_err("f-string: too many nested parenthesis", i));
                    }
                    parens.push(ch);
                }
                b'#' => return Err(self.fstr_err("f-string expression part cannot include '#'", i)),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if parens.is_empty() => {
                    let next = if i + 1 < end { b[i + 1] } else { 0 };
                    if next == b'=' && ch != b':' && ch != b'}' {
                        i += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        i += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(opening) = parens.pop() else {
                        return Err(
                            self.fstr_err(&format!("f-string: unmatched '{}'", ch as char), i)
                        );
                    };
                    let want = match opening {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if ch != want {
                        return Err(self.fstr_err(
                            &format!(
                                "f-string: closing parenthesis '{}' does not match opening \
                                 parenthesis '{}'",
                                ch as char, opening as char
                            ),
                            i,
                        ));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if quote != 0 {
            return Err(self.fstr_err("f-string: unterminated string", i.min(end)));
        }
        if let Some(&p) = parens.last() {
            return Err(self.fstr_err(&format!("f-string: unmatched '{}'", p as char), i.min(end)));
        }
        let expecting = |lx: &Self, at: usize| lx.fstr_err("f-string: expecting '}'", at);
        if i >= end {
            return Err(expecting(self, end));
        }
        let expr_end = i;
        if self.src[expr_start..expr_end]
            .bytes()
            .all(|c| c.is_ascii_whitespace())
        {
            return Err(self.fstr_err("f-string: empty expression not allowed", expr_end));
        }
        self.push(Tok::FStrFieldStart, open, open + 1);
        if let Err(e) = self.run(expr_start, expr_end, true) {
            return Err(e.error);
        }
        if b[i] == b'=' {
            i += 1;
            while i < end && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= end {
                return Err(expecting(self, end));
            }
            let id = self.add_str(self.src[expr_start..i].to_string());
            self.push(Tok::FStrDebug(id), expr_start, i);
        }
        if b[i] == b'!' {
            i += 1;
            if i >= end {
                return Err(expecting(self, end));
            }
            let c = self.src[i..].chars().next().unwrap_or(' ');
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self.fstr_err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    i,
                ));
            }
            self.push(Tok::FStrConv(c), i - 1, i + 1);
            i += 1;
        }
        if i < end && b[i] == b':' {
            self.push(Tok::FStrSpecStart, i, i + 1);
            i += 1;
            if i >= end {
                return Err(expecting(self, end));
            }
            i = self.fstring_parts(i, end, raw, level + 1)?;
        }
        if i >= end || b[i] != b'}' {
            return Err(expecting(self, i.min(end)));
        }
        self.push(Tok::FStrFieldEnd, i, i + 1);
        Ok(i + 1)
    }
}

fn simple_token(r: Raw) -> Tok {
    match r {
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::Slash => Tok::Slash,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::Percent => Tok::Percent,
        Raw::At => Tok::At,
        Raw::LShift => Tok::LShift,
        Raw::RShift => Tok::RShift,
        Raw::Amp => Tok::Amp,
        Raw::Pipe => Tok::Pipe,
        Raw::Caret => Tok::Caret,
        Raw::Tilde => Tok::Tilde,
        Raw::Walrus => Tok::Walrus,
        Raw::Lt => Tok::Lt,
        Raw::Gt => Tok::Gt,
        Raw::Le => Tok::Le,
        Raw::Ge => Tok::Ge,
        Raw::EqEq => Tok::EqEq,
        Raw::NotEq => Tok::NotEq,
        Raw::LParen => Tok::LParen,
        Raw::RParen => Tok::RParen,
        Raw::LBracket => Tok::LBracket,
        Raw::RBracket => Tok::RBracket,
        Raw::LBrace => Tok::LBrace,
        Raw::RBrace => Tok::RBrace,
        Raw::Comma => Tok::Comma,
        Raw::Colon => Tok::Colon,
        Raw::Dot => Tok::Dot,
        Raw::Semi => Tok::Semi,
        Raw::Assign => Tok::Assign,
        Raw::Arrow => Tok::Arrow,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::PlusEq => Tok::PlusEq,
        Raw::MinusEq => Tok::MinusEq,
        Raw::StarEq => Tok::StarEq,
        Raw::SlashEq => Tok::SlashEq,
        Raw::DoubleSlashEq => Tok::DoubleSlashEq,
        Raw::PercentEq => Tok::PercentEq,
        Raw::AtEq => Tok::AtEq,
        Raw::AmpEq => Tok::AmpEq,
        Raw::PipeEq => Tok::PipeEq,
        Raw::CaretEq => Tok::CaretEq,
        Raw::LShiftEq => Tok::LShiftEq,
        Raw::RShiftEq => Tok::RShiftEq,
        Raw::DoubleStarEq => Tok::DoubleStarEq,
        // `<>` is only valid with `from __future__ import barry_as_FLUFL`.
        _ => Tok::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> (Vec<Tok>, Lexed) {
        let l = lex(src);
        assert!(l.error.is_none(), "{src:?}: {:?}", l.error);
        (l.toks.iter().map(|t| t.0).collect(), l)
    }

    fn int(src: &str) -> BigInt {
        let (t, l) = toks(src);
        match t[..] {
            [Tok::Int(i)] => l.ints[i as usize].clone(),
            _ => panic!("{src:?} lexed as {t:?}"),
        }
    }

    fn float(src: &str) -> f64 {
        let (t, _) = toks(src);
        match t[..] {
            [Tok::Float(f)] => f,
            _ => panic!("{src:?} lexed as {t:?}"),
        }
    }

    fn string(src: &str) -> String {
        let (t, l) = toks(src);
        match t[..] {
            [Tok::Str(i)] => l.strs[i as usize].to_string(),
            _ => panic!("{src:?} lexed as {t:?}"),
        }
    }

    fn error(src: &str) -> String {
        lex(src).error.expect("an error").error.message
    }

    #[test]
    fn integers() {
        assert_eq!(int("0"), BigInt::from(0));
        assert_eq!(int("00"), BigInt::from(0));
        assert_eq!(int("0_0"), BigInt::from(0));
        assert_eq!(int("42"), BigInt::from(42));
        assert_eq!(int("1_000_000"), BigInt::from(1_000_000));
        assert_eq!(int("0x1F"), BigInt::from(31));
        assert_eq!(int("0XfF"), BigInt::from(255));
        assert_eq!(int("0x_1_f"), BigInt::from(31));
        assert_eq!(int("0o17"), BigInt::from(15));
        assert_eq!(int("0O7_7"), BigInt::from(63));
        assert_eq!(int("0b1010"), BigInt::from(10));
        assert_eq!(int("0B1_0"), BigInt::from(2));
        assert_eq!(
            int("123456789012345678901234567890").to_string(),
            "123456789012345678901234567890"
        );
        assert_eq!(
            int("0xFFFFFFFFFFFFFFFFFFFFFFFF").to_string(),
            "79228162514264337593543950335"
        );
    }

    #[test]
    fn floats() {
        assert_eq!(float("1.5"), 1.5);
        assert_eq!(float("1."), 1.0);
        assert_eq!(float("5."), 5.0);
        assert_eq!(float(".5"), 0.5);
        assert_eq!(float("1e10"), 1e10);
        assert_eq!(float("1E-10"), 1e-10);
        assert_eq!(float("1e-3"), 1e-3);
        assert_eq!(float("1.5e+3"), 1500.0);
        assert_eq!(float("1_000.000_1"), 1000.0001);
        assert_eq!(float("1e1_0"), 1e10);
        assert_eq!(float("00.5"), 0.5);
        assert_eq!(float("0e0"), 0.0);
        assert_eq!(float("1e400"), f64::INFINITY);
    }

    #[test]
    fn number_followed_by_keyword() {
        let (t, _) = toks("1if x else 2");
        assert!(matches!(
            t[..],
            [Tok::Int(_), Tok::If, Tok::Name(_), Tok::Else, Tok::Int(_)]
        ));
        let (t, _) = toks("1.5else");
        assert!(matches!(t[..], [Tok::Float(_), Tok::Else]));
    }

    #[test]
    fn number_errors() {
        assert_eq!(error("0x"), "invalid hexadecimal literal");
        assert_eq!(error("0xg"), "invalid hexadecimal literal");
        assert_eq!(error("0b"), "invalid binary literal");
        assert_eq!(error("0b2"), "invalid digit '2' in binary literal");
        assert_eq!(error("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(error("0o1_8"), "invalid digit '8' in octal literal");
        assert_eq!(error("1_"), "invalid decimal literal");
        assert_eq!(error("1__0"), "invalid decimal literal");
        assert_eq!(error("1a"), "invalid decimal literal");
        assert_eq!(error("1e"), "invalid decimal literal");
        assert_eq!(error("1.e"), "invalid decimal literal");
        assert_eq!(error("1.5e+"), "invalid decimal literal");
        assert_eq!(error("1_.5"), "invalid decimal literal");
        assert_eq!(error("1._5"), "invalid decimal literal");
        assert_eq!(
            error("09"),
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
        );
    }

    #[test]
    fn strings() {
        assert_eq!(string("'single'"), "single");
        assert_eq!(string("\"double\""), "double");
        assert_eq!(string("''"), "");
        assert_eq!(string("''''''"), "");
        assert_eq!(string("'''tri'ple'''"), "tri'ple");
        assert_eq!(string("\"\"\"a\nb\"\"\""), "a\nb");
        assert_eq!(string("\"\"\"a\r\nb\"\"\""), "a\nb");
        assert_eq!(string(r#"'it\'s'"#), "it's");
        assert_eq!(string(r#""say \"hi\"""#), "say \"hi\"");
        assert_eq!(
            string(r#"'\n\t\\\a\b\f\v\r\0'"#),
            "\n\t\\\x07\x08\x0c\x0b\r\0"
        );
        assert_eq!(string(r"'\x41\101\u00e9\U0001F600'"), "AAé😀");
        assert_eq!(string(r"'\777'"), "\u{1ff}");
        assert_eq!(string(r"'\q'"), "\\q");
        assert_eq!(string("'line \\\ncontinued'"), "line continued");
        assert_eq!(string(r"r'raw\n'"), "raw\\n");
        assert_eq!(string(r#"R"\d+""#), "\\d+");
        assert_eq!(string(r"r'\''"), "\\'");
        assert_eq!(string("u'unicode'"), "unicode");
        assert_eq!(string("'ünïcödé ✓'"), "ünïcödé ✓");
    }

    #[test]
    fn string_errors() {
        assert_eq!(
            error("'abc"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(
            error("x = 1\n'abc\n"),
            "unterminated string literal (detected at line 2)"
        );
        assert_eq!(
            error("'abc\\\ndef"),
            "unterminated string literal (detected at line 2)"
        );
        assert_eq!(
            error("'''abc\ndef"),
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert_eq!(
            error("\"\"\"abc\ndef\n"),
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert!(error(r"'\x4'").contains("truncated \\xXX escape"));
        assert_eq!(
            error(r"'\u12'"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"
        );
        assert_eq!(error("b'bytes'"), "bytes literals are not supported");
        assert!(error(r"'\N{DIGIT ONE}'").contains("not supported"));
    }

    #[test]
    fn fstrings() {
        let (t, l) = toks("f'a{x!r:>{w}}b{y=}'");
        use Tok::*;
        assert!(matches!(
            t[..],
            [
                FStrStart,
                FStrMiddle(_),
                FStrFieldStart,
                Name(_),
                FStrConv('r'),
                FStrSpecStart,
                FStrMiddle(_),
                FStrFieldStart,
                Name(_),
                FStrFieldEnd,
                FStrFieldEnd,
                FStrMiddle(_),
                FStrFieldStart,
                Name(_),
                FStrDebug(_),
                FStrFieldEnd,
                FStrEnd
            ]
        ));
        let texts: Vec<&str> = l.strs.iter().map(|s| &**s).collect();
        assert_eq!(texts, ["a", ">", "b", "y="]);
        // Doubled braces, escapes, raw.
        let (t, l) = toks(r"f'{{x}}\n'");
        assert!(matches!(
            t[..],
            [
                FStrStart,
                FStrMiddle(_),
                FStrMiddle(_),
                FStrMiddle(_),
                FStrEnd
            ]
        ));
        let texts: Vec<&str> = l.strs.iter().map(|s| &**s).collect();
        assert_eq!(texts, ["{", "x}", "\n"]);
        let (t, l) = toks(r"rf'\d{x}'");
        assert!(matches!(
            t[..],
            [
                FStrStart,
                FStrMiddle(_),
                FStrFieldStart,
                Name(_),
                FStrFieldEnd,
                FStrEnd
            ]
        ));
        assert_eq!(&*l.strs[0], "\\d");
        // Spans of field expressions point into the source.
        let l = lex("f'ab{xyz}'");
        let (tok, span) = l.toks[3];
        assert!(matches!(tok, Name(_)));
        assert_eq!((span.start, span.end), (5, 8));
        // Debug text keeps whitespace.
        let (_, l) = toks("f'{ x * y = }'");
        assert_eq!(&*l.strs[0], " x * y = ");
    }

    #[test]
    fn fstring_errors() {
        let msg = |src: &str| {
            let l = lex(src);
            assert!(l.error.is_none());
            l.fstring_errors[0].message.clone()
        };
        assert_eq!(msg("f'{}'"), "f-string: empty expression not allowed");
        assert_eq!(
            msg("f'{a!x}'"),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(msg("f'{a'"), "f-string: expecting '}'");
        assert_eq!(msg("f'}'"), "f-string: single '}' is not allowed");
        assert_eq!(
            msg("f'{a:{b:{c}}}'"),
            "f-string: expressions nested too deeply"
        );
        assert_eq!(
            msg("f'{a#}'"),
            "f-string expression part cannot include '#'"
        );
        assert_eq!(
            msg(r"f'{a\n}'"),
            "f-string expression part cannot include a backslash"
        );
        assert_eq!(
            msg("f'{(}'"),
            "f-string: closing parenthesis '}' does not match opening parenthesis '('"
        );
        assert_eq!(msg("f'{)}'"), "f-string: unmatched ')'");
    }

    #[test]
    fn keywords_names_and_operators() {
        use Tok::*;
        let (t, l) = toks("if café is not None: x //= 2 ** -1 ... -> := != <<=");
        assert!(matches!(
            t[..],
            [
                If,
                Name(_),
                Is,
                Not,
                None,
                Colon,
                Name(_),
                DoubleSlashEq,
                Int(_),
                DoubleStar,
                Minus,
                Int(_),
                Ellipsis,
                Arrow,
                Walrus,
                NotEq,
                LShiftEq
            ]
        ));
        assert_eq!(&*l.names[0], "café");
        let (t, _) = toks("名前 = _x1");
        assert!(matches!(t[..], [Name(_), Assign, Name(_)]));
    }

    #[test]
    fn comments_newlines_and_continuations() {
        use Tok::*;
        let (t, _) = toks("x = 1 # comment\n\ny = \\\n  2\r\nz\r");
        assert!(matches!(
            t[..],
            [
                Name(_),
                Assign,
                Int(_),
                Nl,
                Nl,
                Name(_),
                Assign,
                Int(_),
                Nl,
                Name(_),
                Nl
            ]
        ));
        assert_eq!(
            error("x = 1 \\ 2"),
            "unexpected character after line continuation character"
        );
        assert_eq!(error("x = €"), "invalid character '€' (U+20AC)");
        assert_eq!(error("x = 1 + \\\n"), "unexpected EOF while parsing");
        assert_eq!(error("x = 1 + \\"), "unexpected EOF while parsing");
        let (t, _) = toks("\u{feff}x = 1");
        assert!(matches!(t[..], [Tok::Name(_), Tok::Assign, Tok::Int(_)]));
        let (t, _) = toks("a $ b ? !");
        assert!(matches!(
            t[..],
            [Name(_), Unknown, Name(_), Unknown, Unknown]
        ));
    }
}
