//! The indentation pass: raw tokens → logical lines.
//!
//! Follows CPython's tokenizer: physical newlines inside `()[]{}` are
//! dropped (implicit line joining), blank and comment-only lines are ignored,
//! the indentation of each logical line is measured with tab stops of 8 and
//! also with tabs counted as one column, and the two measures must agree
//! (otherwise it is a `TabError`, reported here as an `IndentationError`).
//! Brackets are matched here too. At the end of input a NEWLINE and the
//! pending DEDENTs are synthesised.

use super::ast::Span;
use super::lexer::{line_of, Tok, TokError};
use super::SyntaxError;
use chumsky::span::SimpleSpan;

/// CPython's MAXLEVEL: brackets nested deeper are an error.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's MAXINDENT.
pub const MAX_INDENT_DEPTH: usize = 100;

/// The token stream with NEWLINE / INDENT / DEDENT, and the first error.
#[derive(Debug, Default)]
pub struct Layout {
    pub toks: Vec<(Tok, SimpleSpan)>,
    pub error: Option<TokError>,
    /// How many indentation levels were still open at the end of input.
    pub open_indents: usize,
}

fn sp(start: usize, end: usize) -> SimpleSpan {
    SimpleSpan::from(start..end)
}

fn indent_error(msg: &str, start: usize, end: usize) -> TokError {
    TokError {
        error: SyntaxError::indentation(msg, Span::new(start, end)),
        overrides: false,
        unclosed_line: None,
    }
}

/// Measures the indentation of the physical line containing `pos`:
/// `(column with tab stops of 8, column with tabs as 1)`.
fn measure(src: &str, pos: usize) -> (usize, usize) {
    let b = src.as_bytes();
    let mut start = pos;
    while start > 0 && b[start - 1] != b'\n' && b[start - 1] != b'\r' {
        start -= 1;
    }
    let (mut col, mut alt) = (0, 0);
    for &c in &b[start..pos] {
        match c {
            b' ' => {
                col += 1;
                alt += 1;
            }
            b'\t' => {
                col = (col / 8 + 1) * 8;
                alt += 1;
            }
            0x0C => {
                col = 0;
                alt = 0;
            }
            // A continuation line or similar: stop measuring.
            _ => break,
        }
    }
    (col, alt)
}

fn closer_of(t: Tok) -> Tok {
    match t {
        Tok::LParen => Tok::RParen,
        Tok::LBracket => Tok::RBracket,
        _ => Tok::RBrace,
    }
}

fn bracket_char(t: Tok) -> &'static str {
    t.text().unwrap_or("?")
}

/// Runs the pass over `raw` (the lexer's tokens). `complete` says whether
/// `raw` reaches the end of the source (no lexer error): only then are the
/// end-of-input checks and tokens produced.
pub fn layout(src: &str, raw: &[(Tok, SimpleSpan)], complete: bool) -> Layout {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 8 + 4);
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut brackets: Vec<(Tok, SimpleSpan)> = Vec::new();
    let mut at_line_start = true;
    let mut line_has_tokens = false;
    let fail = |out: Vec<(Tok, SimpleSpan)>, err: TokError, open: usize| Layout {
        toks: out,
        error: Some(err),
        open_indents: open,
    };

    for &(t, s) in raw {
        if t == Tok::Nl {
            if brackets.is_empty() && line_has_tokens {
                out.push((Tok::Newline, s));
                line_has_tokens = false;
                at_line_start = true;
            }
            continue;
        }
        if at_line_start {
            at_line_start = false;
            let (col, alt) = measure(src, s.start);
            let (top, top_alt) = *indents.last().unwrap();
            let tab_error = || {
                indent_error(
                    "inconsistent use of tabs and spaces in indentation",
                    s.start,
                    s.end,
                )
            };
            if col == top {
                if alt != top_alt {
                    return fail(out, tab_error(), indents.len() - 1);
                }
            } else if col > top {
                if alt <= top_alt {
                    return fail(out, tab_error(), indents.len() - 1);
                }
                if indents.len() >= MAX_INDENT_DEPTH {
                    return fail(
                        out,
                        indent_error("too many levels of indentation", s.start, s.end),
                        indents.len() - 1,
                    );
                }
                indents.push((col, alt));
                out.push((Tok::Indent, s));
            } else {
                while indents.len() > 1 && col < indents.last().unwrap().0 {
                    indents.pop();
                    out.push((Tok::Dedent, sp(s.start, s.start)));
                }
                let (top, top_alt) = *indents.last().unwrap();
                if col != top {
                    return fail(
                        out,
                        indent_error(
                            "unindent does not match any outer indentation level",
                            s.start,
                            s.end,
                        ),
                        indents.len() - 1,
                    );
                }
                if alt != top_alt {
                    return fail(out, tab_error(), indents.len() - 1);
                }
            }
        }
        line_has_tokens = true;
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if brackets.len() >= MAX_BRACKET_DEPTH {
                    let err = TokError {
                        error: SyntaxError::new(
                            "too many nested parentheses",
                            Span::new(s.start, s.end),
                        ),
                        overrides: true,
                        unclosed_line: None,
                    };
                    return fail(out, err, indents.len() - 1);
                }
                brackets.push((t, s));
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => match brackets.pop() {
                None => {
                    let err = TokError {
                        error: SyntaxError::new(
                            format!("unmatched '{}'", bracket_char(t)),
                            Span::new(s.start, s.end),
                        )
                        .with_label("unmatched bracket"),
                        overrides: true,
                        unclosed_line: None,
                    };
                    return fail(out, err, indents.len() - 1);
                }
                Some((open, os)) if closer_of(open) != t => {
                    let open_line = line_of(src, os.start);
                    let msg = if open_line != line_of(src, s.start) {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            bracket_char(t),
                            bracket_char(open),
                            open_line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            bracket_char(t),
                            bracket_char(open)
                        )
                    };
                    let err = TokError {
                        error: SyntaxError::new(msg, Span::new(s.start, s.end))
                            .with_label("mismatched bracket"),
                        overrides: true,
                        unclosed_line: None,
                    };
                    return fail(out, err, indents.len() - 1);
                }
                Some(_) => {}
            },
            _ => {}
        }
        out.push((t, s));
    }

    let mut error = None;
    if complete {
        let end = src.len();
        if let Some(&(open, os)) = brackets.last() {
            error = Some(TokError {
                error: SyntaxError::new(
                    format!("'{}' was never closed", bracket_char(open)),
                    Span::new(os.start, os.end),
                ),
                overrides: false,
                unclosed_line: Some(line_of(src, os.start)),
            });
        } else {
            if line_has_tokens {
                out.push((Tok::Newline, sp(end, end)));
            }
            for _ in 1..indents.len() {
                out.push((Tok::Dedent, sp(end, end)));
            }
        }
    }
    Layout {
        toks: out,
        error,
        open_indents: indents.len() - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    /// The token kinds after the pass, compactly: names are `n`, numbers
    /// `1`, NEWLINE `;`, INDENT `>`, DEDENT `<`; other tokens as written.
    fn shape(src: &str) -> String {
        let l = lex(src);
        assert!(l.error.is_none(), "{:?}", l.error);
        let out = layout(src, &l.toks, true);
        assert!(out.error.is_none(), "{src:?}: {:?}", out.error);
        out.toks
            .iter()
            .map(|(t, _)| match t {
                Tok::Name(_) => "n".to_string(),
                Tok::Int(_) => "1".to_string(),
                Tok::Newline => ";".to_string(),
                Tok::Indent => ">".to_string(),
                Tok::Dedent => "<".to_string(),
                t => t.text().unwrap_or("?").to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn error(src: &str) -> String {
        let l = lex(src);
        assert!(l.error.is_none());
        let out = layout(src, &l.toks, true);
        out.error.expect("an error").error.last_line()
    }

    #[test]
    fn simple_blocks() {
        assert_eq!(shape("x = 1"), "n = 1 ;");
        assert_eq!(shape("x = 1\n"), "n = 1 ;");
        assert_eq!(shape(""), "");
        assert_eq!(shape("\n\n# only a comment\n"), "");
        assert_eq!(shape("if x:\n    y\nz\n"), "if n : ; > n ; < n ;");
        assert_eq!(shape("if x:\n    y"), "if n : ; > n ; <");
        assert_eq!(
            shape("if a:\n  if b:\n    c\nd"),
            "if n : ; > if n : ; > n ; < < n ;"
        );
        assert_eq!(
            shape("if a:\n  if b:\n    c\n  d\n"),
            "if n : ; > if n : ; > n ; < n ; <"
        );
    }

    #[test]
    fn blank_and_comment_lines_are_ignored() {
        assert_eq!(
            shape("if x:\n\n    y\n        # deeper comment\n  # shallower\n\n    z\n"),
            "if n : ; > n ; n ; <"
        );
        assert_eq!(shape("if x:\n    y\n    \n\t\nz"), "if n : ; > n ; < n ;");
    }

    #[test]
    fn implicit_joining_and_continuation() {
        assert_eq!(shape("x = (1,\n  2,\n\n 3)\ny"), "n = ( 1 , 1 , 1 ) ; n ;");
        assert_eq!(shape("x = [\n1]\n"), "n = [ 1 ] ;");
        assert_eq!(shape("x = {\n}\n"), "n = { } ;");
        assert_eq!(shape("x = 1 + \\\n    2\ny"), "n = 1 + 1 ; n ;");
        assert_eq!(
            shape("if x:\n    a = 1 + \\\n2\n    b\n"),
            "if n : ; > n = 1 + 1 ; n ; <"
        );
    }

    #[test]
    fn tabs() {
        // A tab counts as 8 columns and as 1 "alternative" column; lines
        // must agree under both measures.
        assert_eq!(shape("if x:\n\ty\n\tz\n"), "if n : ; > n ; n ; <");
        assert_eq!(
            shape("if x:\n\ty\n\tif z:\n\t\tw\n"),
            "if n : ; > n ; if n : ; > n ; < <"
        );
        assert_eq!(
            error("if x:\n\ta\n        b"),
            "IndentationError: inconsistent use of tabs and spaces in indentation"
        );
        assert_eq!(
            error("if x:\n        a\n\tb"),
            "IndentationError: inconsistent use of tabs and spaces in indentation"
        );
    }

    #[test]
    fn form_feed_resets_the_column() {
        assert_eq!(shape("x\n\x0cy\n"), "n ; n ;");
    }

    #[test]
    fn errors() {
        assert_eq!(
            error("if x:\n    a\n  b"),
            "IndentationError: unindent does not match any outer indentation level"
        );
        assert_eq!(error("x = )"), "SyntaxError: unmatched ')'");
        assert_eq!(error("x = ]"), "SyntaxError: unmatched ']'");
        assert_eq!(
            error("x = (]"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(
            error("x = (\n]"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        assert_eq!(error("x = (1,"), "SyntaxError: '(' was never closed");
        assert_eq!(error("x = [(1,"), "SyntaxError: '(' was never closed");
        assert_eq!(
            error(&"(".repeat(201)),
            "SyntaxError: too many nested parentheses"
        );
        let deep: String = (0..101)
            .map(|i| format!("{}if x:\n", "  ".repeat(i)))
            .collect();
        assert_eq!(
            error(&deep),
            "IndentationError: too many levels of indentation"
        );
    }

    #[test]
    fn open_indents_are_reported() {
        let l = lex("if x:\n    y\n");
        assert_eq!(layout("if x:\n    y\n", &l.toks, true).open_indents, 1);
    }
}
