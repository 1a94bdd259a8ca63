//! The front end: source text → tokens → logical lines → AST.
//!
//! * [`lexer`] turns the text into raw tokens with logos (physical newlines
//!   included, comments and continuation lines dropped, literals decoded);
//! * [`indent`] applies Python's line structure: implicit joining inside
//!   brackets, NEWLINE / INDENT / DEDENT, bracket matching;
//! * [`parser`] is a chumsky grammar over those tokens that builds the AST in
//!   [`ast`], followed by the compile-time checks CPython makes (`check`);
//! * [`dump`] prints a tree for `tern ast` and maps byte offsets to lines.
//!
//! Errors carry CPython's exact message so the last line of a report matches
//! what `python3` prints.

pub mod ast;
mod check;
pub mod dump;
pub mod indent;
pub mod lexer;
pub mod parser;
pub mod scope;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. `invalid syntax`, `expected ':'`.
    pub message: String,
    /// Where CPython puts the caret.
    pub span: ast::Span,
    /// A short label for the report, e.g. `expected ':' here`.
    pub label: String,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: ast::Span) -> SyntaxError {
        let message = message.into();
        let label = default_label(&message);
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            message,
            span,
            label,
        }
    }

    pub fn indentation(message: impl Into<String>, span: ast::Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::IndentationError,
            ..SyntaxError::new(message, span)
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> SyntaxError {
        self.label = label.into();
        self
    }

    /// The last line CPython prints, e.g. `SyntaxError: invalid syntax`.
    pub fn last_line(&self) -> String {
        let kind = match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
        };
        format!("{kind}: {}", self.message)
    }
}

fn default_label(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("expected ") {
        if !rest.contains(' ') {
            return format!("expected {rest} here");
        }
    }
    match message {
        "invalid syntax" => "invalid syntax here".into(),
        "unexpected indent" => "unexpected indent".into(),
        m if m.starts_with("unterminated") => "string starts here".into(),
        m if m.ends_with("was never closed") => "this bracket is never closed".into(),
        m if m.starts_with("cannot assign") || m.starts_with("cannot delete") => {
            "invalid target".into()
        }
        m if m.starts_with("expected an indented block") => "expected an indented block".into(),
        m if m.starts_with("unindent does not match") => {
            "this indentation matches no enclosing block".into()
        }
        m if m.starts_with("duplicate argument") => "duplicate argument".into(),
        m if m.ends_with("outside function") => "not inside a function".into(),
        m if m.ends_with("outside loop") || m.ends_with("not properly in loop") => {
            "not inside a loop".into()
        }
        m if m.starts_with("inconsistent use of tabs") => "inconsistent indentation".into(),
        _ => "here".into(),
    }
}

/// Parse a whole file. Errors are in source order; the first is the one
/// CPython reports.
pub fn parse_module(source: &str) -> Result<ast::Module, Vec<SyntaxError>> {
    parser::parse_source(source).map_err(|e| vec![e])
}

/// Is this input incomplete (an open bracket, a block header with no body
/// yet, an unterminated triple-quoted string)? Used by the REPL to ask for
/// more lines.
pub fn is_incomplete(source: &str) -> bool {
    parser::is_incomplete(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_api() {
        let m = parse_module("x = 1\n").unwrap();
        assert_eq!(m.body.len(), 1);
        let errs = parse_module("x = (").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].kind, SyntaxErrorKind::SyntaxError);
        assert_eq!(errs[0].message, "'(' was never closed");
        assert_eq!(errs[0].last_line(), "SyntaxError: '(' was never closed");
        assert_eq!(errs[0].span, ast::Span { start: 4, end: 5 });
        let errs = parse_module(" x").unwrap_err();
        assert_eq!(errs[0].kind, SyntaxErrorKind::IndentationError);
        assert_eq!(errs[0].last_line(), "IndentationError: unexpected indent");
        assert!(is_incomplete("def f():"));
        assert!(!is_incomplete("x = 1"));
    }

    #[test]
    fn labels() {
        let errs = parse_module("if x\n  pass").unwrap_err();
        assert_eq!(errs[0].label, "expected ':' here");
        assert_eq!(errs[0].span, ast::Span { start: 4, end: 5 });
    }
}
