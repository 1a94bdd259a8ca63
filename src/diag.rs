//! Rendering syntax errors: an ariadne report (the source line with a label
//! under the error) followed by CPython's last line, e.g.
//! `SyntaxError: expected ':'`, so that the last line of stderr matches
//! `python3`.

use crate::syntax::SyntaxError;
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

/// Renders `err` for `filename`. Never panics, whatever the span.
pub fn render_syntax_error(filename: &str, source: &str, err: &SyntaxError, color: bool) -> String {
    let mut out = Vec::new();
    let range = label_range(source, err.span.start as usize, err.span.end as usize);
    let kind_name = match err.kind {
        crate::syntax::SyntaxErrorKind::SyntaxError => "SyntaxError",
        crate::syntax::SyntaxErrorKind::IndentationError => "IndentationError",
    };
    if !source.is_empty() {
        let file = filename.to_string();
        let report = Report::build(
            ReportKind::Custom(kind_name, Color::Red),
            (file.clone(), range.clone()),
        )
        .with_config(
            Config::default()
                .with_color(color)
                .with_index_type(IndexType::Byte),
        )
        .with_message(&err.message)
        .with_label(
            Label::new((file.clone(), range))
                .with_message(&err.label)
                .with_color(Color::Red),
        )
        .finish();
        if report
            .write((file, Source::from(source)), &mut out)
            .is_err()
        {
            out.clear();
        }
    }
    let mut text = String::from_utf8_lossy(&out).into_owned();
    if !color {
        // ariadne colours custom report kinds even without colour.
        text = strip_ansi(&text);
    }
    if text.is_empty() {
        let (line, _) =
            crate::syntax::dump::LineIndex::new(source).line_col(range_start(source, err));
        text = format!("  File \"{filename}\", line {line}\n");
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&err.last_line());
    text.push('\n');
    text
}

fn range_start(source: &str, err: &SyntaxError) -> usize {
    (err.span.start as usize).min(source.len())
}

/// A non-empty range inside the source, on character boundaries.
fn label_range(source: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let len = source.len();
    let mut start = start.min(len);
    while start > 0 && !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = end.clamp(start, len);
    while end < len && !source.is_char_boundary(end) {
        end += 1;
    }
    if end == start {
        if start < len {
            end = start + source[start..].chars().next().map_or(1, |c| c.len_utf8());
        } else if len > 0 {
            // At the end of input: point at the last character.
            let last = source[..len]
                .chars()
                .next_back()
                .map_or(1, |c| c.len_utf8());
            start = len - last;
            end = len;
        }
    }
    start..end
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_module;

    fn render(src: &str) -> String {
        let err = &parse_module(src).expect_err("an error")[0];
        render_syntax_error("t.py", src, err, false)
    }

    #[test]
    fn report_ends_with_cpython_last_line() {
        let out = render("if x\n    pass\n");
        assert!(out.ends_with("\nSyntaxError: expected ':'\n"), "{out}");
        assert!(out.contains("t.py"), "{out}");
        assert!(out.contains("if x"), "{out}");
        assert!(!out.contains('\x1b'), "{out}");
        let out = render("if x:\npass\n");
        assert!(out.ends_with(
            "IndentationError: expected an indented block after 'if' statement on line 1\n"
        ));
    }

    #[test]
    fn color_is_optional() {
        let src = "x = )";
        let err = &parse_module(src).unwrap_err()[0];
        let colored = render_syntax_error("t.py", src, err, true);
        assert!(colored.contains('\x1b'));
        assert!(colored.ends_with("SyntaxError: unmatched ')'\n"));
    }

    #[test]
    fn never_panics_on_odd_spans() {
        for src in [
            "",
            "(",
            "x = (1,\n",
            "'abc",
            "if x:",
            "\n\n\n",
            "é = (",
            "x = 1 +",
        ] {
            if let Err(errs) = parse_module(src) {
                let out = render_syntax_error("t.py", src, &errs[0], false);
                assert!(out.ends_with(&format!("{}\n", errs[0].last_line())));
            }
        }
        // Spans past the end, inside a character, or empty.
        let src = "é\n";
        for (start, end) in [(0, 0), (1, 1), (1, 2), (5, 9), (3, 3), (2, 1)] {
            let err = crate::syntax::SyntaxError::new(
                "invalid syntax",
                crate::syntax::ast::Span { start, end },
            );
            let out = render_syntax_error("t.py", src, &err, false);
            assert!(out.ends_with("SyntaxError: invalid syntax\n"));
        }
        let err = crate::syntax::SyntaxError::new("invalid syntax", Default::default());
        assert_eq!(
            render_syntax_error("t.py", "", &err, false),
            "  File \"t.py\", line 1\nSyntaxError: invalid syntax\n"
        );
    }
}
