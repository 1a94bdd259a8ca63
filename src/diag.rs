//! Syntax error reports (replaced by the ariadne renderer).
use crate::syntax::SyntaxError;

pub fn render_syntax_error(
    _filename: &str,
    _source: &str,
    err: &SyntaxError,
    _color: bool,
) -> String {
    format!("{}\n", err.last_line())
}
